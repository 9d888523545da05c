//! Regression tests from the audit of 2026-11-29: values at the ends of what the door accepts
//! must answer, never panic. A panic traps the embed module, and every later call on that
//! Engine fails, `exportWorkspace` included, so its unsaved work is lost.

use escalon::{demo::demo_workspace, handle, Context, Workspace};
use serde_json::{json, Value};

fn call(ws: &mut Workspace, request: Value) -> Value {
    handle(ws, &request, &mut Context::with_counter(None, "t"))
}

/// The last instant the door accepts is 9999-12-30T22:00Z; a chain step's delay from there
/// overflowed jiff's range and panicked (`escalon run` exited 101).
#[test]
fn reads_at_the_last_supported_hour_answer() {
    let mut ws = demo_workspace();
    let now = "9999-12-30T21:00:00Z";
    let requests = [
        json!({"action": "escalation-chain", "now": now,
               "parameters": {"escalation_id": "ESC-2025-001"}}),
        json!({"action": "stalled-report", "now": now, "parameters": {}}),
        json!({"action": "sla-status", "now": now,
               "parameters": {"escalation_id": "ESC-2025-001"}}),
        json!({"action": "major-incident", "now": now,
               "parameters": {"escalation_id": "ESC-2025-197", "operation": "declare"}}),
        json!({"action": "major-incident", "now": now,
               "parameters": {"escalation_id": "ESC-2025-197", "operation": "remind"}}),
        json!({"action": "recommend-deescalation", "now": now,
               "parameters": {"escalation_id": "ESC-2025-197"}}),
        json!({"action": "determine-escalation", "now": now,
               "parameters": {"issue": {"id": "TICKET-12345", "severity": "high",
                                        "impact": "multiple_customers"},
                              "customer": {"id": "cust-northwind", "segment": "enterprise"}}}),
    ];
    for r in requests {
        let answer = call(&mut ws, r.clone());
        assert_eq!(answer["ok"], true, "{r}: {answer}");
    }
    let chain = call(
        &mut ws,
        json!({"action": "escalation-chain", "now": now,
               "parameters": {"escalation_id": "ESC-2025-001"}}),
    );
    // Steps not paged by then count from `now`; the last is held at the end of the range.
    let last = chain["result"]["steps"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    let due = last["due_at"].as_str().unwrap();
    assert!(due.starts_with("9999-12-30T2"), "{due}");
}

fn notify_with(change: impl FnOnce(&mut Value)) -> Value {
    let mut notify = serde_json::to_value(&demo_workspace().config.notify).unwrap();
    change(&mut notify);
    json!({"action": "update-config", "now": "2025-03-01T10:00:00Z",
           "parameters": {"section": "notify", "value": notify}})
}

/// update-config accepted these, and the next stalled-report or escalation-chain panicked,
/// or (repeat 1,000,000) took minutes and returned two million steps.
#[test]
fn update_config_refuses_durations_and_repeats_past_their_bounds() {
    let cases = [
        (
            notify_with(|n| n["aging"]["bucket_hours"] = json!([4, 24, 4_294_967_295u64])),
            "parameters.value.aging.bucket_hours[2]",
        ),
        (
            notify_with(|n| n["chain"]["delay_minutes"] = json!(4_294_967_295u64)),
            "parameters.value.chain.delay_minutes",
        ),
        (
            notify_with(|n| n["chain"]["repeat"] = json!(1_000_000)),
            "parameters.value.chain.repeat",
        ),
    ];
    for (request, path) in cases {
        let mut ws = demo_workspace();
        let before = ws.to_json();
        let answer = call(&mut ws, request);
        assert_eq!(answer["ok"], false, "{answer}");
        assert_eq!(answer["error"]["code"], "out_of_range");
        assert_eq!(answer["error"]["path"], path);
        assert_eq!(ws.to_json(), before, "a refused config changes nothing");
    }
}

/// A config that arrived by import is not checked against those bounds (refusing to open
/// stored data would lose it), so the engine itself must cope: the chain stops at 10
/// repeats, and huge delays and windows saturate instead of panicking.
#[test]
fn an_imported_config_past_the_bounds_still_answers() {
    let mut doc = serde_json::to_value(demo_workspace()).unwrap();
    let config = &mut doc["config"];
    config["notify"]["chain"]["repeat"] = json!(4_294_967_295u64);
    config["notify"]["chain"]["delay_minutes"] = json!(4_294_967_295u64);
    config["notify"]["aging"]["bucket_hours"] = json!([4, 24, 4_294_967_295u64]);
    config["history_window_days"] = json!(4_294_967_295u64);
    config["major_incident"]["update_cadence_minutes"] = json!(4_294_967_295u64);
    let mut ws = Workspace::from_value(doc).unwrap();
    let now = "2025-01-20T08:31:00Z";
    let chain = call(
        &mut ws,
        json!({"action": "escalation-chain", "now": now,
               "parameters": {"escalation_id": "ESC-2025-001"}}),
    );
    assert_eq!(chain["ok"], true, "{chain}");
    let steps = chain["result"]["steps"].as_array().unwrap();
    let passes = steps
        .iter()
        .filter_map(|s| s["pass"].as_u64())
        .max()
        .unwrap();
    assert_eq!(passes, 11, "the first pass and 10 repeats");
    // After the demo's last event, when ESC-2025-197 is an open P1.
    let now = "2025-04-01T00:00:00Z";
    for r in [
        json!({"action": "stalled-report", "now": now, "parameters": {}}),
        json!({"action": "major-incident", "now": now,
               "parameters": {"escalation_id": "ESC-2025-197", "operation": "declare"}}),
        json!({"action": "major-incident", "now": now,
               "parameters": {"escalation_id": "ESC-2025-197", "operation": "remind"}}),
        json!({"action": "determine-escalation", "now": now,
               "parameters": {"issue": {"severity": "high", "impact": "single_user"},
                              "customer": {"id": "cust-northwind", "segment": "smb"}}}),
    ] {
        let answer = call(&mut ws, r.clone());
        assert_eq!(answer["ok"], true, "{r}: {answer}");
    }
}

/// The last date the door accepts as a range end gave "parameter 'year' is not in the
/// required range", although the date itself is valid: its next midnight is not.
#[test]
fn metrics_to_the_last_supported_date_count_everything() {
    let mut ws = demo_workspace();
    let count = |ws: &mut Workspace, end: &str| {
        let r = call(
            ws,
            json!({"action": "calculate-metrics", "now": "2025-06-01T00:00:00Z",
                   "parameters": {"date_range": {"start": "2025-01-01", "end": end},
                                  "metrics": ["escalation_count"]}}),
        );
        assert_eq!(r["ok"], true, "{r}");
        r["result"]["escalations"].clone()
    };
    assert_eq!(count(&mut ws, "9999-12-31"), count(&mut ws, "2025-12-31"));
}
