//! The README's "Bad input" rows that only the command line sees: broken request and
//! workspace files. A file that cannot be read as a request is exit code 2 with the file
//! named on stderr; a well-formed file with bad content is the door's error, exit code 1.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

const NOW: &str = "2025-01-22T10:00:00Z";

fn scratch(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("escalon-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// (exit code, stdout as JSON if it is JSON, stderr)
fn escalon(args: &[&str]) -> (i32, Option<Value>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_escalon"))
        .args(args)
        .output()
        .expect("binary runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    (
        out.status.code().unwrap(),
        serde_json::from_str(&stdout).ok(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn run_file(name: &str, text: &str) -> (i32, Option<Value>, String) {
    let path = scratch(name, text);
    escalon(&["run", path.to_str().unwrap(), "--now", NOW])
}

#[test]
fn malformed_yaml_is_exit_2_naming_the_file() {
    for (name, text) in [
        ("unclosed.yaml", "action: [determine-escalation\n"),
        (
            "tabs.yaml",
            "action: sla-status\nparameters:\n\tclock: {}\n",
        ),
        ("binary.yaml", "\u{0}\u{1}\u{2}"),
    ] {
        let (code, out, err) = run_file(name, text);
        assert_eq!(code, 2, "{name}: {err}");
        assert!(out.is_none(), "{name}");
        assert!(
            err.contains(name) && err.contains("not valid YAML"),
            "{err}"
        );
    }
}

/// YAML says keys are unique; the CLI used to keep the last of two silently and run a
/// request nobody wrote. A key given twice, at any depth, is a file error naming the key.
#[test]
fn duplicate_yaml_keys_are_exit_2_naming_the_key() {
    for (name, text, key) in [
        (
            "dup-top.yaml",
            "action: sla-status\naction: track-progress\nparameters: {}\n",
            "\"action\"",
        ),
        (
            "dup-nested.yaml",
            "action: track-progress\nparameters:\n  escalation_id: ESC-2025-001\n  update: {status: resolved, status: closed}\n",
            "\"status\"",
        ),
    ] {
        let (code, out, err) = run_file(name, text);
        assert_eq!(code, 2, "{name}: {err}");
        assert!(out.is_none(), "{name}: nothing runs");
        assert!(err.contains(name) && err.contains(key), "{err}");
    }
}

#[test]
fn malformed_json_is_exit_2_naming_the_file() {
    let (code, _, err) = run_file("broken.json", "{\"action\": ");
    assert_eq!(code, 2);
    assert!(
        err.contains("broken.json") && err.contains("not valid JSON"),
        "{err}"
    );
}

#[test]
fn wrong_type_in_yaml_is_the_doors_error() {
    let (code, out, _) = run_file(
        "wrong-type.yaml",
        "action: determine-escalation\nparameters:\n  issue: {severity: high, impact: single_user}\n  customer: {segment: smb, health_score: poor}\n",
    );
    assert_eq!(code, 1);
    let out = out.unwrap();
    assert_eq!(out["error"]["code"], "wrong_type");
    assert_eq!(out["error"]["path"], "parameters.customer.health_score");
}

#[test]
fn yaml_that_is_not_a_mapping_is_wrong_type() {
    let (code, out, _) = run_file("list.yaml", "- action: sla-status\n");
    assert_eq!(code, 1);
    assert_eq!(out.unwrap()["error"]["code"], "wrong_type");
    let (code, out, _) = run_file("empty.yaml", "");
    assert_eq!(code, 1, "an empty document is null, not a request");
    assert_eq!(out.unwrap()["ok"], false);
}

#[test]
fn broken_workspace_file_is_exit_2_and_left_alone() {
    let ws = scratch("ws.json", "{\"schema_version\": 1, ");
    let req = scratch(
        "track.yaml",
        "action: track-progress\nparameters:\n  escalation_id: ESC-2025-001\n  update: {status: in_progress}\n",
    );
    let (code, _, err) = escalon(&[
        "run",
        req.to_str().unwrap(),
        "--workspace",
        ws.to_str().unwrap(),
        "--now",
        NOW,
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("ws.json"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&ws).unwrap(),
        "{\"schema_version\": 1, "
    );

    let future = scratch("future.json", "{\"schema_version\": 99, \"config\": {}}");
    let (code, _, err) = escalon(&[
        "run",
        req.to_str().unwrap(),
        "--workspace",
        future.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("schema_version 99"), "{err}");
}
