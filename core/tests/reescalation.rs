//! Regression (web audit of 2026-11-29): recording a higher tier for a ticket that already
//! has an escalation raised the tier but left the priority of the first assessment (tier 4,
//! P3), although the decision on screen said P2.

use escalon::{handle, state::fold, Context, Workspace};
use serde_json::{json, Value};

fn record(ws: &mut Workspace, now: &str, severity: &str, impact: &str, segment: &str) -> Value {
    let req = json!({"action": "determine-escalation", "now": now,
        "parameters": {"record": true, "issue": {"id": "T-1", "severity": severity,
        "impact": impact}, "customer": {"segment": segment}}});
    let r = handle(ws, &req, &mut Context::with_counter(None, severity));
    assert_eq!(r["ok"], true, "{r}");
    r["result"].clone()
}

#[test]
fn a_recorded_raise_carries_the_new_priority_and_score() {
    let mut ws = Workspace::default();
    let first = record(&mut ws, "2025-03-03T10:00:00Z", "low", "single_user", "smb");
    let raised = record(
        &mut ws,
        "2025-03-03T11:00:00Z",
        "critical",
        "all_customers",
        "strategic",
    );
    assert!(raised["tier"].as_u64() > first["tier"].as_u64(), "{raised}");
    let state = fold(&ws.escalations[0]);
    assert_eq!(ws.escalations.len(), 1, "the same escalation, raised");
    assert_eq!(state.tier as u64, raised["tier"].as_u64().unwrap());
    assert_eq!(state.priority.as_deref(), raised["priority"].as_str());
    assert_ne!(raised["priority"], first["priority"]);
    assert_eq!(
        state.urgency_score.map(u64::from),
        raised["urgency_score"].as_u64()
    );
}

/// Web audit of 2026-11-29: an empty ticket id recorded an escalation whose ticket was "".
#[test]
fn a_blank_ticket_id_is_no_ticket_id() {
    let mut ws = Workspace::default();
    let req = json!({"action": "determine-escalation", "now": "2025-03-03T10:00:00Z",
        "parameters": {"record": true, "issue": {"id": "  ", "severity": "low",
        "impact": "single_user"}, "customer": {"segment": "smb"}}});
    let r = handle(&mut ws, &req, &mut Context::with_counter(None, "t"));
    let id = r["result"]["escalation_id"].as_str().unwrap();
    assert_eq!(fold(&ws.escalations[0]).ticket, id, "named by its own id");
}
