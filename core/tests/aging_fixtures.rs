//! Runs every `tests/fixtures/aging/*.yaml` (stalled-report, escalation-chain and
//! major-incident) on a fresh default workspace: the `steps` first, then the `request`,
//! whose response must contain the `expect` excerpt (see that folder's README).

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
fn aging_fixtures_hold() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/aging");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "fixtures missing in {}", dir.display());
    let mut failures = Vec::new();
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let doc: Value = serde_yaml_ng::from_str(&std::fs::read_to_string(f).unwrap())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let mut ws = Workspace::default();
        let mut ctx = Context::with_counter(None, "fixture");
        for (i, step) in doc["steps"].as_array().into_iter().flatten().enumerate() {
            let r = escalon::handle(&mut ws, step, &mut ctx);
            assert_eq!(r["ok"], true, "{name}: step {i} failed: {r}");
        }
        let response = escalon::handle(&mut ws, &doc["request"], &mut ctx);
        let want_changed = doc["changed"].as_bool().unwrap_or(false);
        if ctx.changed() != want_changed {
            failures.push(format!(
                "{name}: changed is {}, expected {want_changed}",
                ctx.changed()
            ));
        }
        if !contains(&response, &doc["expect"]) {
            failures.push(format!(
                "{name} ({}):\n  expected excerpt {}\n  got {}",
                doc["name"], doc["expect"], response
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
