//! What every data-driven fixture test shares: reading `tests/fixtures/<folder>/*.yaml` and
//! checking that a response contains the fixture's `expect` excerpt.

use std::path::PathBuf;

use serde_json::Value;

/// `expected` is contained in `actual`: object keys recursively, list items each matching
/// some actual item (an empty expected list means "empty"), scalars equal.
pub fn contains(actual: &Value, expected: &Value) -> bool {
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

/// Runs `answer` on every fixture of `folder` (at least `min` must exist) and fails once,
/// listing every fixture whose answer is an error or lacks its `expect` excerpt.
pub fn check_all(
    folder: &str,
    min: usize,
    mut answer: impl FnMut(&str, &Value) -> Result<Value, String>,
) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(folder);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    assert!(files.len() >= min, "fixtures missing in {}", dir.display());
    let mut failures = Vec::new();
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let doc: Value = serde_yaml_ng::from_str(&std::fs::read_to_string(f).unwrap())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        match answer(&name, &doc) {
            Ok(response) if contains(&response, &doc["expect"]) => {}
            Ok(response) => failures.push(format!(
                "{name} ({}):\n  expected excerpt {}\n  got {response}",
                doc["name"], doc["expect"]
            )),
            Err(e) => failures.push(format!("{name}: {e}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
