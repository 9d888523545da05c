//! Regression (web audit of 2026-11-29): a document with two escalations under one id was
//! imported; the list then showed one's row for the other and the second could not be opened.

use escalon::{demo::demo_workspace, ErrorCode, Workspace};
use serde_json::json;

#[test]
fn two_different_escalations_under_one_id_are_refused_naming_both() {
    let mut doc = serde_json::to_value(demo_workspace()).unwrap();
    let escalations = doc["escalations"].as_array_mut().unwrap();
    let mut copy = escalations[5].clone();
    copy["id"] = json!("ESC-2025-001");
    copy["events"][0]["ticket"] = json!("DUPTICKET-1");
    escalations.push(copy);
    let last = escalations.len() - 1;
    let e = Workspace::from_value(doc).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidWorkspace);
    assert_eq!(e.path, format!("escalations[{last}].id"));
    assert!(
        e.message.contains("ESC-2025-001") && e.message.contains("escalations[0]"),
        "{}",
        e.message
    );
}

#[test]
fn an_identical_repeat_is_kept_once() {
    let demo = demo_workspace();
    let mut doc = serde_json::to_value(&demo).unwrap();
    let escalations = doc["escalations"].as_array_mut().unwrap();
    let again = escalations[3].clone();
    escalations.push(again);
    assert_eq!(Workspace::from_value(doc).unwrap(), demo);
}
