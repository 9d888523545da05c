//! What a config update says it would change: the escalations whose tier or SLA state moves
//! when the workspace is replayed under the new config (what-if).

use serde_json::json;

use super::tests::{acknowledge, call, record, tier1_first_response};
use crate::context::Context;
use crate::door::handle;
use crate::workspace::Workspace;

#[test]
fn shrinking_a_target_lists_the_escalation_whose_clock_flips() {
    let mut ws = Workspace::default();
    let waiting = record(&mut ws, "T-1", "billing");
    let answered = record(&mut ws, "T-2", "billing");
    acknowledge(&mut ws, &answered);
    let mut ctx = Context::with_counter(None, "t");
    // 45 minutes in: within tier 1's 240-minute first response, past a 30-minute one.
    let r = call(
        &mut ws,
        &mut ctx,
        json!({"section": "sla_policies", "value": tier1_first_response(30), "dry_run": true}),
        Some("2025-03-03T10:45:00Z"),
    );
    assert_eq!(r["ok"], true, "{r}");
    let changes = r["result"]["changes"].as_array().unwrap();
    assert_eq!(r["result"]["changed_count"], 1, "{r}");
    let c = &changes[0];
    assert_eq!(c["escalation_id"], waiting.as_str());
    assert_eq!(c["sla_before"]["first_response"], "running");
    assert_eq!(c["sla_after"]["first_response"], "breached");
    assert_eq!(
        (c["tier_before"].clone(), c["tier_after"].clone()),
        (json!(1), json!(1))
    );
}

#[test]
fn a_rule_change_lists_the_escalation_whose_tier_moves() {
    let mut ws = Workspace::default();
    let billing = record(&mut ws, "T-1", "billing");
    record(&mut ws, "T-2", "login");
    let mut rules = serde_json::to_value(&ws.config.rules).unwrap();
    rules
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "billing-is-serious",
        "description": "billing disputes go to tier 3",
        "when": {"==": [{"var": "issue.category"}, "billing"]},
        "effect": {"min_tier": 3}}));
    let mut ctx = Context::with_counter(None, "t");
    let r = call(
        &mut ws,
        &mut ctx,
        json!({"section": "rules", "value": rules}),
        Some("2025-03-03T10:10:00Z"),
    );
    assert_eq!(r["ok"], true, "{r}");
    assert_eq!(r["result"]["changed_count"], 1, "{r}");
    let c = &r["result"]["changes"][0];
    assert_eq!(c["escalation_id"], billing.as_str());
    assert_eq!(
        (c["tier_before"].clone(), c["tier_after"].clone()),
        (json!(1), json!(3))
    );
    // Tier 3's first response is 60 minutes against tier 1's 240: still running at 10 min.
    assert_eq!(c["sla_after"]["first_response"], "running");
    assert!(ctx.changed());
    assert_eq!(ws.config.rules.last().unwrap().id, "billing-is-serious");
}

#[test]
fn a_tier_set_by_hand_is_kept_under_a_new_rule() {
    let mut ws = Workspace::default();
    let id = record(&mut ws, "T-1", "billing");
    let mut ctx = Context::with_counter(None, "raise");
    let req = json!({"action": "track-progress", "now": "2025-03-03T10:02:00Z",
        "parameters": {"escalation_id": id, "update": {"tier": 2}}});
    assert_eq!(handle(&mut ws, &req, &mut ctx)["ok"], true);
    let mut rules = serde_json::to_value(&ws.config.rules).unwrap();
    rules
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "b", "description": "b",
        "when": {"==": [{"var": "issue.category"}, "billing"]}, "effect": {"min_tier": 3}}));
    let r = call(
        &mut ws,
        &mut ctx,
        json!({"section": "rules", "value": rules, "dry_run": true}),
        Some("2025-03-03T10:03:00Z"),
    );
    assert_eq!(r["result"]["changed_count"], 0, "{r}");
}

#[test]
fn dry_run_reports_but_keeps_the_config() {
    let mut ws = Workspace::default();
    record(&mut ws, "T-1", "billing");
    let before = ws.to_json_pretty();
    let mut ctx = Context::with_counter(None, "t");
    let r = call(
        &mut ws,
        &mut ctx,
        json!({"section": "sla_policies", "value": tier1_first_response(30), "dry_run": true}),
        Some("2025-03-03T11:00:00Z"),
    );
    assert_eq!(r["result"]["applied"], false, "{r}");
    assert_eq!(r["result"]["changed_count"], 1);
    assert!(!ctx.changed());
    assert_eq!(ws.to_json_pretty(), before);
}

#[test]
fn archived_escalations_are_left_out() {
    let mut ws = Workspace::default();
    let id = record(&mut ws, "T-1", "billing");
    ws.append(
        &id,
        vec![crate::event::Event {
            id: "arch".into(),
            at: "2025-03-03T10:01:00Z".parse().unwrap(),
            actor: "t".into(),
            kind: crate::event::EventKind::Archived { reason: None },
        }],
    );
    let mut ctx = Context::with_counter(None, "t");
    let r = call(
        &mut ws,
        &mut ctx,
        json!({"section": "sla_policies", "value": tier1_first_response(1), "dry_run": true}),
        Some("2025-03-03T11:00:00Z"),
    );
    assert_eq!(r["result"]["changed_count"], 0, "{r}");
}
