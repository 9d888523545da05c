//! The published JSON Schema must match the code. Regenerate with
//! `UPDATE_SCHEMA=1 cargo test -p escalon --test schema`.

use std::path::PathBuf;

#[test]
fn committed_schema_is_current() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("schema/workspace.schema.json");
    let fresh = serde_json::to_string_pretty(&escalon::workspace::schema()).unwrap() + "\n";
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &fresh).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "core/schema/workspace.schema.json is stale; run UPDATE_SCHEMA=1 cargo test -p escalon --test schema"
    );
}

#[test]
fn demo_workspace_validates_against_its_own_schema_shape() {
    let schema = escalon::workspace::schema();
    let required = schema["required"].as_array().unwrap();
    for field in ["schema_version", "config"] {
        assert!(required.iter().any(|r| r == field), "{field} not required");
    }
}
