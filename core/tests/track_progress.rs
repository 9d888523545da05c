//! track-progress against the demo workspace: events appended, state folded, impossible
//! transitions refused without leaving a trace.

use escalon::{demo::demo_workspace, handle, state::fold, Context, Workspace};
use serde_json::{json, Value};

fn ask(ws: &mut Workspace, parameters: Value) -> (Value, bool) {
    let mut ctx = Context::with_counter(None, "test");
    let req = json!({"action": "track-progress", "now": "2025-01-22T10:00:00Z", "parameters": parameters});
    let r = handle(ws, &req, &mut ctx);
    (r, ctx.changed())
}

fn seed_update() -> Value {
    json!({"escalation_id": "ESC-2025-001", "update": {
        "status": "in_progress", "owner": "engineer@company.com",
        "actions_taken": ["Reviewed logs and identified memory leak", "Applied temporary workaround"],
        "next_steps": "Deploy patch in next maintenance window",
        "estimated_resolution": "2025-01-25T10:00:00Z"}})
}

#[test]
fn seed_update_becomes_events_and_state() {
    let mut ws = demo_workspace();
    let before = ws.escalation("ESC-2025-001").unwrap().events.len();
    let (r, changed) = ask(&mut ws, seed_update());
    assert_eq!(r["ok"], true, "{r}");
    assert!(changed);
    let state = &r["result"]["state"];
    assert_eq!(state["status"], "in_progress");
    assert_eq!(state["owner"], "engineer@company.com");
    assert_eq!(
        state["next_steps"],
        "Deploy patch in next maintenance window"
    );
    assert_eq!(state["estimated_resolution"], "2025-01-25T10:00:00Z");
    assert_eq!(r["result"]["appended"].as_array().unwrap().len(), 6);
    let esc = ws.escalation("ESC-2025-001").unwrap();
    assert_eq!(esc.events.len(), before + 6);
    assert_eq!(
        fold(esc).owner_history.last().unwrap(),
        "engineer@company.com"
    );
    assert_eq!(
        r["result"]["timeline"].as_array().unwrap().len(),
        before + 6
    );
}

#[test]
fn repeating_the_same_status_and_owner_adds_nothing() {
    let mut ws = demo_workspace();
    ask(&mut ws, seed_update());
    let (r, changed) = ask(
        &mut ws,
        json!({"escalation_id": "ESC-2025-001", "update": {"status": "in_progress", "owner": "engineer@company.com"}}),
    );
    assert_eq!(r["ok"], true);
    assert!(!changed);
    assert_eq!(r["result"]["appended"], json!([]));
}

#[test]
fn archived_cannot_move() {
    let mut ws = demo_workspace();
    let id = ws
        .escalations
        .iter()
        .map(fold)
        .find(|s| s.status == escalon::scales::Status::Archived)
        .expect("demo has archived escalations")
        .id;
    let before = ws.clone();
    let (r, changed) = ask(
        &mut ws,
        json!({"escalation_id": id, "update": {"status": "in_progress", "note": "x"}}),
    );
    assert_eq!(r["ok"], false);
    assert_eq!(r["error"]["code"], "invalid_transition");
    assert_eq!(r["error"]["path"], "parameters.update.status");
    assert!(!changed);
    assert_eq!(ws, before, "a refused update leaves no trace");
    let (r, _) = ask(
        &mut ws,
        json!({"escalation_id": id, "update": {"note": "late remark"}}),
    );
    assert_eq!(r["error"]["code"], "invalid_transition");
}

#[test]
fn archiving_needs_a_resolution_first() {
    let mut ws = demo_workspace();
    let (r, _) = ask(
        &mut ws,
        json!({"escalation_id": "ESC-2025-001", "update": {"status": "archived"}}),
    );
    assert_eq!(r["error"]["code"], "invalid_transition");
    ask(
        &mut ws,
        json!({"escalation_id": "ESC-2025-001", "update": {"status": "resolved"}}),
    );
    let (r, _) = ask(
        &mut ws,
        json!({"escalation_id": "ESC-2025-001", "update": {"status": "archived"}}),
    );
    assert_eq!(r["result"]["state"]["status"], "archived", "{r}");
}

#[test]
fn errors_name_the_field() {
    let mut ws = demo_workspace();
    let (r, _) = ask(
        &mut ws,
        json!({"escalation_id": "ESC-1999-999", "update": {}}),
    );
    assert_eq!(r["error"]["code"], "unknown_escalation");
    assert_eq!(r["error"]["path"], "parameters.escalation_id");
    let (r, _) = ask(
        &mut ws,
        json!({"escalation_id": "ESC-2025-001", "update": {"stauts": "resolved"}}),
    );
    assert_eq!(r["error"]["code"], "unknown_field");
    assert_eq!(r["error"]["path"], "parameters.update.stauts");
    let (r, _) = ask(
        &mut ws,
        json!({"escalation_id": "ESC-2025-001", "update": {"status": "done"}}),
    );
    assert_eq!(r["error"]["code"], "out_of_range");
    let (r, _) = ask(
        &mut ws,
        json!({"escalation_id": "ESC-2025-001", "update": {"estimated_resolution": "soon"}}),
    );
    assert_eq!(r["error"]["path"], "parameters.update.estimated_resolution");
}

#[test]
fn without_now_a_changing_update_asks_for_now() {
    let mut ws = demo_workspace();
    let mut ctx = Context::with_counter(None, "t");
    let r = handle(
        &mut ws,
        &json!({"action": "track-progress", "parameters": seed_update()}),
        &mut ctx,
    );
    assert_eq!(r["error"]["code"], "missing_field");
    assert_eq!(r["error"]["path"], "now");
}

#[test]
fn history_counts_the_customers_own_escalations() {
    let mut ws = demo_workspace();
    let mut ctx = Context::with_counter(None, "t");
    let req = json!({"action": "determine-escalation", "now": "2025-01-20T12:00:00Z", "parameters": {
        "issue": {"id": "TICKET-12345", "severity": "high", "impact": "multiple_customers"},
        "customer": {"segment": "enterprise"}, "context": {"previous_escalations": 0}}});
    let r = handle(&mut ws, &req, &mut ctx);
    assert_eq!(
        r["result"]["history"]["escalations"]
            .as_array()
            .unwrap()
            .len(),
        2,
        "{r}"
    );
    let prev = r["result"]["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["factor"] == "previous_escalations")
        .unwrap()
        .clone();
    assert_eq!(prev["value"], 2);
    assert!(
        prev["why"].as_str().unwrap().contains("in this workspace"),
        "{prev}"
    );
}
