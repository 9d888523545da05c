//! Runs every `tests/fixtures/metrics/*.yaml` against the demo workspace: the request
//! through the door, then checks the `expect` excerpt is contained in the response (see
//! that folder's README).

use std::path::PathBuf;

use escalon::{Context, Workspace};
use serde_json::Value;

/// `expected` is contained in `actual`: object keys recursively, list items each matching
/// some actual item (an empty expected list means "empty"), scalars equal.
fn contains(actual: &Value, expected: &Value) -> bool {
    match (actual, expected) {
        (Value::Object(a), Value::Object(e)) => e
            .iter()
            .all(|(k, ev)| a.get(k).is_some_and(|av| contains(av, ev))),
        (Value::Array(a), Value::Array(e)) if e.is_empty() => a.is_empty(),
        (Value::Array(a), Value::Array(e)) => {
            e.iter().all(|ev| a.iter().any(|av| contains(av, ev)))
        }
        (Value::Number(a), Value::Number(e)) => a.as_f64() == e.as_f64(),
        _ => actual == expected,
    }
}

#[test]
fn metrics_fixtures_hold() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/metrics");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "fixtures missing in {}", dir.display());
    let demo: Workspace = escalon::demo::demo_workspace();
    let mut failures = Vec::new();
    for f in &files {
        let doc: Value = serde_yaml_ng::from_str(&std::fs::read_to_string(f).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let mut ws = demo.clone();
        let mut ctx = Context::with_counter(None, "fixture");
        let response = escalon::handle(&mut ws, &doc["request"], &mut ctx);
        assert!(!ctx.changed(), "metrics never change the workspace");
        if !contains(&response, &doc["expect"]) {
            failures.push(format!(
                "{} ({}):\n  expected excerpt {}\n  got {}",
                f.file_name().unwrap().to_string_lossy(),
                doc["name"],
                doc["expect"],
                response
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
