//! Major-incident operations, their refusals, the cadence and the executive briefing.

use serde_json::{json, Value};

use crate::aging::tests_support::{call, created, esc, t};
use crate::config::Config;
use crate::workspace::Workspace;

fn p1(tier: u8, priority: &str) -> Value {
    let mut c = created(tier);
    c["priority"] = json!(priority);
    c
}

fn op(w: &mut Workspace, now: i64, params: Value) -> Value {
    let mut params = params;
    params["escalation_id"] = json!("A");
    call(w, "major-incident", now, params).0
}

fn declared() -> Workspace {
    let mut w = Workspace::new(Config::default(), vec![esc("A", &[(0, p1(3, "P1"))])]);
    let r = op(
        &mut w,
        5,
        json!({"operation": "declare", "reason": "Checkout down"}),
    );
    assert_eq!(r["ok"], true, "{r}");
    w
}

#[test]
fn only_p1_or_tier_4_can_be_declared() {
    let mut w = Workspace::new(Config::default(), vec![esc("A", &[(0, p1(3, "P2"))])]);
    let r = op(&mut w, 5, json!({"operation": "declare"}));
    assert_eq!(r["error"]["code"], "invalid_transition");
    assert_eq!(r["error"]["path"], "parameters.escalation_id");
    let msg = r["error"]["message"].as_str().unwrap();
    assert!(
        msg.contains("priority P2 at tier 3") && msg.contains("P1"),
        "{msg}"
    );
    let mut w = Workspace::new(Config::default(), vec![esc("A", &[(0, p1(4, "P2"))])]);
    assert_eq!(op(&mut w, 5, json!({"operation": "declare"}))["ok"], true);
    let r = op(&mut w, 6, json!({"operation": "declare"}));
    assert!(r["error"]["message"]
        .as_str()
        .unwrap()
        .contains("already declared"));
}

#[test]
fn bridge_operations_fold_into_the_view() {
    let mut w = declared();
    let r = op(
        &mut w,
        10,
        json!({"operation": "set_bridge", "url": "https://meet.example.com/mi-1"}),
    );
    assert!(r["result"]["recorded"]["event_id"].is_string(), "{r}");
    op(
        &mut w,
        11,
        json!({"operation": "join", "participant": "lee.novak@company.com"}),
    );
    op(
        &mut w,
        12,
        json!({"operation": "join", "participant": "dana.kim@company.com"}),
    );
    op(
        &mut w,
        20,
        json!({"operation": "leave", "participant": "dana.kim@company.com"}),
    );
    let r = op(
        &mut w,
        25,
        json!({"operation": "post_update", "text": "Rolled back"}),
    );
    let mi = &r["result"]["major_incident"];
    assert_eq!(mi["bridge"]["url"], "https://meet.example.com/mi-1");
    assert_eq!(
        mi["bridge"]["participants"],
        json!(["lee.novak@company.com"])
    );
    assert_eq!(mi["bridge"]["ever_joined"].as_array().unwrap().len(), 2);
    assert_eq!(mi["status_updates"], 1);
    assert_eq!(mi["next_update_due"], t(55).to_string());
    assert_eq!(mi["timeline"].as_array().unwrap().len(), 6);
    assert_eq!(mi["timeline"][5]["text"], "Status update: Rolled back");
    // The fold survives a save and reload (snake_case kinds).
    let text = w.to_json_pretty();
    assert!(text.contains("\"kind\": \"bridge_joined\""));
    let w2 = Workspace::from_json(&text).unwrap();
    assert_eq!(w2.escalations, w.escalations);
}

#[test]
fn refusals_name_the_field() {
    let mut w = Workspace::new(Config::default(), vec![esc("A", &[(0, p1(4, "P1"))])]);
    let r = op(&mut w, 5, json!({"operation": "join", "participant": "x"}));
    assert_eq!(r["error"]["path"], "parameters.operation");
    let mut w = declared();
    let r = op(&mut w, 6, json!({"operation": "leave", "participant": "x"}));
    assert_eq!(r["error"]["path"], "parameters.participant");
    let r = op(
        &mut w,
        6,
        json!({"operation": "set_bridge", "url": "javascript:alert(1)"}),
    );
    assert_eq!(r["error"]["path"], "parameters.url");
    let r = op(&mut w, 6, json!({"operation": "post_update", "text": "  "}));
    assert_eq!(r["error"]["path"], "parameters.text");
    let r = op(&mut w, 6, json!({"operation": "dance"}));
    assert_eq!(r["error"]["path"], "parameters.operation");
    let r = op(&mut w, 6, json!({"operation": "status", "colour": 1}));
    assert_eq!(r["error"]["code"], "unknown_field");
}

#[test]
fn overdue_status_update_gets_one_reminder() {
    let mut w = declared();
    // Due 30 minutes after the declaration at minute 5.
    let (r, changed) = call(
        &mut w,
        "major-incident",
        30,
        json!({"escalation_id": "A", "operation": "remind"}),
    );
    assert!(!changed);
    assert_eq!(r["result"]["reminder"], Value::Null);
    assert_eq!(
        r["result"]["major_incident"]["next_check_at"],
        t(35).to_string()
    );
    let (r, changed) = call(
        &mut w,
        "major-incident",
        40,
        json!({"escalation_id": "A", "operation": "remind"}),
    );
    assert!(changed, "{r}");
    assert_eq!(r["result"]["major_incident"]["update_overdue"], true);
    assert_eq!(r["result"]["major_incident"]["overdue_minutes"], 5);
    assert_eq!(
        r["result"]["reminder"]["recipients"],
        json!(["lee.novak@company.com"])
    );
    let (_, changed) = call(
        &mut w,
        "major-incident",
        45,
        json!({"escalation_id": "A", "operation": "remind"}),
    );
    assert!(!changed, "one reminder per missed due time");
}

#[test]
fn executive_briefing_shows_the_bridge_escaped() {
    let mut w = declared();
    op(
        &mut w,
        10,
        json!({"operation": "set_bridge", "url": "https://meet.example.com/a?x=1&y=2"}),
    );
    op(
        &mut w,
        11,
        json!({"operation": "join", "participant": "<script>alert(1)</script>"}),
    );
    op(
        &mut w,
        12,
        json!({"operation": "post_update", "text": "Fix *deployed*"}),
    );
    let (r, _) = call(
        &mut w,
        "generate-notification",
        20,
        json!({"escalation_id": "A", "notification_type": "executive_briefing", "record": false}),
    );
    let ch = &r["result"]["channels"];
    let html = ch["email"]["html"].as_str().unwrap();
    assert!(html.contains("<h3>Major incident</h3>"), "{html}");
    assert!(
        html.contains("href=\"https://meet.example.com/a?x=1&amp;y=2\""),
        "{html}"
    );
    assert!(!html.contains("<script>"));
    let text = ch["email"]["text"].as_str().unwrap();
    assert!(text.contains("MAJOR INCIDENT"), "{text}");
    assert!(
        text.contains("Next status update due: 2025-01-20 08:42 UTC"),
        "{text}"
    );
    let md = ch["markdown"].as_str().unwrap();
    assert!(md.contains("#### Bridge timeline"), "{md}");
    assert!(
        !md.contains("Fix *deployed*"),
        "markdown text is escaped: {md}"
    );
    // Other types do not carry the bridge.
    let (r, _) = call(
        &mut w,
        "generate-notification",
        20,
        json!({"escalation_id": "A", "notification_type": "escalation_alert", "record": false}),
    );
    assert!(!r["result"]["channels"]["markdown"]
        .as_str()
        .unwrap()
        .contains("Major incident"));
}
