//! recommend-deescalation on the demo's ESC-2025-001: criteria cases, recording, archiving.

use escalon::demo::demo_workspace;
use escalon::{handle, Context, Workspace};
use serde_json::{json, Value};

const NOW: &str = "2025-01-22T10:00:00Z";

fn run(ws: &mut Workspace, params: Value) -> (Value, bool) {
    let mut ctx = Context::with_counter(None, "d");
    let req = json!({"action": "recommend-deescalation", "now": NOW, "parameters": params});
    let r = handle(ws, &req, &mut ctx);
    (r, ctx.changed())
}

fn full() -> Value {
    json!({"root_cause": "Memory leak in v2.3.4", "fix_applied": "Patch deployed v2.3.5",
           "customer_confirmation": true, "monitoring_period_complete": true})
}

#[test]
fn all_criteria_met_de_escalates_to_tier_1_and_sends_notices() {
    let mut ws = demo_workspace();
    let (r, changed) = run(
        &mut ws,
        json!({"escalation_id": "ESC-2025-001", "resolution": full(),
               "recommendation": {"action": "de-escalate", "rationale": "stable 48 h"}}),
    );
    assert_eq!(r["ok"], true, "{r}");
    let res = &r["result"];
    assert_eq!(res["recommendation"], "de-escalate");
    assert_eq!(res["agrees_with_request"], true);
    assert_eq!(res["to_tier"], 1);
    assert_eq!(res["unmet_criteria"], json!([]));
    assert!(changed);
    let state = escalon::state::fold(ws.escalation("ESC-2025-001").unwrap());
    assert_eq!(state.tier, 1);
    assert_eq!(state.deescalation.as_deref(), Some("de-escalate"));
    assert!(res["notices"]["stakeholder"]["channels"]["markdown"]
        .as_str()
        .unwrap()
        .contains("de-escalate"));
    // The customer hears the outcome, but no address is on record for them.
    assert_eq!(
        res["notices"]["customer"]["unresolved"][0]["role"],
        "customer"
    );
}

#[test]
fn missing_confirmation_and_monitoring_hold() {
    let mut ws = demo_workspace();
    let (r, _) = run(
        &mut ws,
        json!({"escalation_id": "ESC-2025-001",
               "resolution": {"root_cause": "Memory leak", "fix_applied": "Patch"},
               "recommendation": {"action": "de-escalate"}}),
    );
    let res = &r["result"];
    assert_eq!(res["recommendation"], "hold", "{r}");
    assert_eq!(res["agrees_with_request"], false);
    assert_eq!(
        res["unmet_criteria"],
        // Unconfirmed, the fix does not yet stop the breached resolution clock.
        json!([
            "customer_confirmation",
            "monitoring_period_complete",
            "no_running_sla_breach"
        ])
    );
    assert_eq!(res["notices"], json!({}), "no notices while holding");
    // The decision is still recorded with its rationale.
    let last = ws
        .escalation("ESC-2025-001")
        .unwrap()
        .events
        .last()
        .unwrap()
        .clone();
    assert_eq!(last.kind.name(), "deescalation_decided");
}

#[test]
fn without_a_fix_an_sla_breach_is_still_running() {
    let mut ws = demo_workspace();
    let (r, _) = run(
        &mut ws,
        json!({"escalation_id": "ESC-2025-001", "resolution": {"customer_confirmation": true},
               "record": false}),
    );
    let unmet = r["result"]["unmet_criteria"].as_array().unwrap().clone();
    assert!(unmet.contains(&json!("no_running_sla_breach")), "{r}");
    assert!(unmet.contains(&json!("root_cause_documented")));
}

#[test]
fn configured_criteria_are_respected() {
    let mut ws = demo_workspace();
    let mut config = ws.config.clone();
    config.deescalation.required = vec!["fix_applied".into()];
    ws.set_config(config);
    let (r, _) = run(
        &mut ws,
        json!({"escalation_id": "ESC-2025-001", "resolution": {"fix_applied": "Patch"},
               "record": false}),
    );
    assert_eq!(r["result"]["recommendation"], "de-escalate", "{r}");
}

#[test]
fn archive_closes_and_archives_then_the_escalation_is_read_only() {
    let mut ws = demo_workspace();
    let (r, _) = run(
        &mut ws,
        json!({"escalation_id": "ESC-2025-001", "resolution": full(), "archive": true}),
    );
    assert_eq!(r["result"]["recommendation"], "close", "{r}");
    assert_eq!(r["result"]["archived"], true);
    let state = escalon::state::fold(ws.escalation("ESC-2025-001").unwrap());
    assert_eq!(state.status.as_str(), "archived");
    let before = ws.clone();
    let (r, changed) = run(
        &mut ws,
        json!({"escalation_id": "ESC-2025-001", "resolution": full()}),
    );
    assert_eq!(r["error"]["code"], "invalid_transition", "{r}");
    assert!(!changed);
    assert_eq!(ws, before);
}

#[test]
fn archive_is_refused_while_criteria_are_unmet() {
    let mut ws = demo_workspace();
    let (r, _) = run(
        &mut ws,
        json!({"escalation_id": "ESC-2025-001", "resolution": {"root_cause": "x"},
               "archive": true}),
    );
    assert_eq!(r["result"]["recommendation"], "hold");
    assert_eq!(r["result"]["archived"], false);
    assert!(r["result"]["archive_refused"].is_string());
}

#[test]
fn bad_input_names_the_field() {
    let mut ws = demo_workspace();
    let (r, _) = run(
        &mut ws,
        json!({"escalation_id": "ESC-2025-001", "recommendation": {"action": "panic"}}),
    );
    assert_eq!(
        r["error"]["path"], "parameters.recommendation.action",
        "{r}"
    );
    let (r, _) = run(&mut ws, json!({"escalation_id": "ESC-9"}));
    assert_eq!(r["error"]["code"], "unknown_escalation");
}

/// Regression (web audit of 2026-11-29): the check passed "no running SLA breach" for an
/// escalation whose clocks were breached and running, on the ground that the confirmed fix
/// stops them; but the recorded decision did not stop them, so they ran on, breached, at
/// tier 1. Now the decision records the escalation resolved, and the clocks say so.
#[test]
fn a_confirmed_fix_that_excuses_running_breaches_stops_those_clocks() {
    let mut ws = demo_workspace();
    let now = "2025-06-01T00:00:00Z";
    let breached = |ws: &mut Workspace| {
        let req = json!({"action": "sla-status", "now": now,
                         "parameters": {"escalation_id": "ESC-2025-198"}});
        let r = handle(ws, &req, &mut Context::with_counter(None, "s"));
        assert_eq!(r["ok"], true, "{r}");
        r["result"]["clocks"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["state"] == "breached" && c["stopped_at"].is_null())
            .map(|c| c["kind"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert!(
        !breached(&mut ws).is_empty(),
        "the demo's ESC-2025-198 is overdue"
    );
    let req = json!({"action": "recommend-deescalation", "now": now,
                     "parameters": {"escalation_id": "ESC-2025-198", "resolution": full()}});
    let r = handle(&mut ws, &req, &mut Context::with_counter(None, "d"));
    assert_eq!(r["result"]["recommendation"], "de-escalate", "{r}");
    let state = escalon::state::fold(ws.escalation("ESC-2025-198").unwrap());
    assert_eq!(state.tier, 1);
    assert_eq!(state.status, escalon::scales::Status::Resolved);
    assert_eq!(breached(&mut ws), Vec::<String>::new());
    // Nor is a notice recorded as sent to nobody.
    for e in &ws.escalation("ESC-2025-198").unwrap().events {
        if let escalon::event::EventKind::NotificationGenerated { recipients, .. } = &e.kind {
            assert!(!recipients.is_empty(), "a notice to nobody: {e:?}");
        }
    }
}
