//! Standing a major incident down: the end of the bridge and the cadence, refusals after
//! it, resolving in the same request, a new period on re-declaration, and the briefings.

use serde_json::{json, Value};

use crate::aging::tests_support::{call, created, esc, t};
use crate::config::Config;
use crate::workspace::Workspace;

fn op(w: &mut Workspace, now: i64, params: Value) -> (Value, bool) {
    let mut params = params;
    params["escalation_id"] = json!("A");
    call(w, "major-incident", now, params)
}

/// A P1 at tier 3, declared at minute 5, one participant, one status update at minute 20.
fn running() -> Workspace {
    let mut c = created(3);
    c["priority"] = json!("P1");
    let mut w = Workspace::new(Config::default(), vec![esc("A", &[(0, c)])]);
    for (now, p) in [
        (
            5,
            json!({"operation": "declare", "reason": "Checkout down"}),
        ),
        (
            10,
            json!({"operation": "join", "participant": "lee.novak@company.com"}),
        ),
        (
            20,
            json!({"operation": "post_update", "text": "Rolled back"}),
        ),
    ] {
        let (r, _) = op(&mut w, now, p);
        assert_eq!(r["ok"], true, "{r}");
    }
    w
}

fn stand_down(w: &mut Workspace, now: i64, extra: Value) -> (Value, bool) {
    let mut p = json!({"operation": "stand_down", "summary": "Service restored after rollback"});
    if let (Some(p), Value::Object(x)) = (p.as_object_mut(), extra) {
        p.extend(x);
    }
    op(w, now, p)
}

#[test]
fn stand_down_ends_the_bridge_and_the_cadence() {
    let mut w = running();
    let (r, changed) = stand_down(&mut w, 65, json!({}));
    assert!(changed, "{r}");
    assert!(r["result"]["recorded"]["event_id"].is_string());
    let (r, changed) = op(&mut w, 200, json!({"operation": "status"}));
    assert!(!changed);
    let mi = &r["result"]["major_incident"];
    assert_eq!(mi["active"], false, "{mi}");
    assert_eq!(mi["ended_at"], t(65).to_string());
    assert_eq!(mi["duration_minutes"], 60);
    assert_eq!(mi["summary"], "Service restored after rollback");
    assert_eq!(mi["resolved"], false);
    assert_eq!(
        mi["bridge"]["participants"],
        json!([]),
        "the bridge is closed"
    );
    assert_eq!(mi["next_update_due"], Value::Null);
    assert_eq!(mi["update_overdue"], false);
    assert_eq!(mi["next_check_at"], Value::Null);
    let timeline = mi["timeline"].as_array().unwrap();
    assert_eq!(
        timeline.last().unwrap()["text"],
        "Major incident stood down: Service restored after rollback"
    );
    // Hours past the old cadence, remind sends nothing.
    let (r, changed) = op(&mut w, 200, json!({"operation": "remind"}));
    assert!(!changed);
    assert_eq!(r["result"]["reminder"], Value::Null);
    // Stand-down does not close the escalation unless asked.
    assert_eq!(
        crate::state::fold(&w.escalations[0]).status.as_str(),
        "open"
    );
}

#[test]
fn bridge_operations_after_stand_down_are_refused() {
    let mut w = running();
    stand_down(&mut w, 65, json!({}));
    let before = w.escalations[0].events.len();
    for p in [
        json!({"operation": "join", "participant": "dana.kim@company.com"}),
        json!({"operation": "leave", "participant": "lee.novak@company.com"}),
        json!({"operation": "post_update", "text": "Still fine"}),
        json!({"operation": "set_bridge", "url": "https://meet.example.com/x"}),
        json!({"operation": "stand_down", "summary": "again"}),
    ] {
        let (r, changed) = op(&mut w, 70, p.clone());
        assert!(!changed, "{p}");
        assert_eq!(r["error"]["code"], "invalid_transition", "{r}");
        assert_eq!(r["error"]["path"], "parameters.operation");
        let msg = r["error"]["message"].as_str().unwrap();
        assert!(msg.contains("stood down at 2025-01-20 09:05 UTC"), "{msg}");
    }
    assert_eq!(w.escalations[0].events.len(), before);
}

#[test]
fn stand_down_input_errors_name_the_field() {
    let mut c = created(4);
    c["priority"] = json!("P2");
    let mut w = Workspace::new(Config::default(), vec![esc("A", &[(0, c)])]);
    let (r, _) = stand_down(&mut w, 5, json!({}));
    assert_eq!(
        r["error"]["path"], "parameters.operation",
        "not declared: {r}"
    );
    assert!(r["error"]["message"]
        .as_str()
        .unwrap()
        .contains("declare it first"));
    let mut w = running();
    let (r, _) = op(&mut w, 30, json!({"operation": "stand_down"}));
    assert_eq!(r["error"]["path"], "parameters.summary", "{r}");
    let (r, _) = stand_down(&mut w, 30, json!({"summary": "   "}));
    assert_eq!(r["error"]["path"], "parameters.summary", "{r}");
    let (r, changed) = stand_down(&mut w, 30, json!({"resolved": "yes"}));
    assert_eq!(r["error"]["path"], "parameters.resolved", "{r}");
    assert!(!changed);
    // Nothing was recorded by the refused requests: it is still running.
    let (r, _) = op(&mut w, 31, json!({"operation": "status"}));
    assert_eq!(r["result"]["major_incident"]["active"], true);
}

#[test]
fn resolved_stand_down_resolves_the_escalation_too() {
    let mut w = running();
    let (r, changed) = stand_down(&mut w, 65, json!({"resolved": true}));
    assert!(changed, "{r}");
    assert_eq!(
        r["result"]["recorded"]["event_ids"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(r["result"]["major_incident"]["resolved"], true);
    let s = crate::state::fold(&w.escalations[0]);
    assert_eq!(s.status.as_str(), "resolved");
    assert_eq!(s.resolved_at, Some(t(65)));
}

#[test]
fn a_stood_down_incident_can_be_declared_again_as_a_new_period() {
    let mut w = running();
    stand_down(&mut w, 65, json!({}));
    let (r, changed) = op(
        &mut w,
        100,
        json!({"operation": "declare", "reason": "Errors are back"}),
    );
    assert!(changed, "{r}");
    let mi = &r["result"]["major_incident"];
    assert_eq!(mi["active"], true);
    assert_eq!(mi["declared_at"], t(100).to_string());
    assert_eq!(mi["reason"], "Errors are back");
    assert_eq!(mi["bridge"]["participants"], json!([]));
    assert_eq!(mi["bridge"]["ever_joined"], json!([]));
    assert_eq!(mi["status_updates"], 0);
    assert_eq!(mi["next_update_due"], t(130).to_string());
    assert_eq!(mi["ended_at"], Value::Null);
    assert_eq!(mi["timeline"].as_array().unwrap().len(), 1);
    // The first period stays in the log; the new bridge takes joins again.
    assert!(w.escalations[0]
        .events
        .iter()
        .any(|e| e.kind.name() == "major_incident_stood_down"));
    let (r, _) = op(
        &mut w,
        101,
        json!({"operation": "join", "participant": "lee.novak@company.com"}),
    );
    assert_eq!(r["ok"], true, "{r}");
    // But not while it runs.
    let (r, _) = op(&mut w, 102, json!({"operation": "declare"}));
    assert!(r["error"]["message"]
        .as_str()
        .unwrap()
        .contains("already declared"));
}

#[test]
fn briefing_and_handoff_show_the_stand_down() {
    let mut w = running();
    stand_down(&mut w, 65, json!({"summary": "Restored <b>fully</b>"}));
    let (r, _) = call(
        &mut w,
        "generate-notification",
        200,
        json!({"escalation_id": "A", "notification_type": "executive_briefing", "record": false}),
    );
    let ch = &r["result"]["channels"];
    let text = ch["email"]["text"].as_str().unwrap();
    assert!(
        text.contains("Major incident stood down: Restored <b>fully</b>"),
        "{text}"
    );
    assert!(!text.contains("Next status update due"), "{text}");
    let html = ch["email"]["html"].as_str().unwrap();
    assert!(
        html.contains("stood down: Restored &lt;b&gt;fully"),
        "{html}"
    );
    let (r, _) = call(
        &mut w,
        "generate-handoff",
        200,
        json!({"escalation_id": "A"}),
    );
    let md = r["result"]["markdown"].as_str().unwrap();
    assert!(md.contains("Major incident stood down"), "{md}");
}
