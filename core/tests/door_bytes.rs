//! `door::handle_into` (bulk triage writes decisions straight from their structs) gives the
//! very bytes of `handle(..).to_string()`, for decisions, recordings, errors and other
//! actions, on the demo workspace (so history, known tickets and SLA raises take part).

use escalon::door::{handle, handle_into};
use escalon::{Context, Workspace};
use proptest::prelude::*;
use serde_json::{json, Value};

const SEVERITY: [&str; 5] = ["low", "medium", "high", "critical", "urgent"];
const IMPACT: [&str; 4] = [
    "single_user",
    "single_customer",
    "multiple_customers",
    "all_customers",
];
const SEGMENT: [&str; 4] = ["smb", "mid_market", "enterprise", "strategic"];
const CATEGORY: [&str; 4] = ["security", "outage", "authentication", "bug"];

/// The same request through both doors, each on its own copy of the workspace.
fn both(ws: &Workspace, request: &Value) -> (String, String, bool, bool) {
    let (mut a, mut b) = (ws.clone(), ws.clone());
    let (mut ca, mut cb) = (
        Context::with_counter(None, "t"),
        Context::with_counter(None, "t"),
    );
    let want = handle(&mut a, request, &mut ca).to_string();
    let mut out = Vec::new();
    handle_into(&mut b, request, &mut cb, &mut out);
    assert_eq!(a, b, "both doors leave the same workspace");
    (
        want,
        String::from_utf8(out).unwrap(),
        ca.changed(),
        cb.changed(),
    )
}

fn ticket(picks: &[u8; 10], ws: &Workspace) -> Value {
    let p = |i: usize, n: usize| usize::from(picks[i]) % n;
    let mut issue = json!({"severity": SEVERITY[p(0, 5)], "impact": IMPACT[p(1, 4)],
        "category": CATEGORY[p(2, 4)]});
    if p(3, 3) > 0 {
        issue["duration_hours"] = json!(f64::from(picks[3]) / 7.0);
    }
    if p(4, 2) == 0 {
        issue["affected_users"] = json!(u32::from(picks[4]) * 37);
    }
    // Some tickets are ones the demo workspace knows (its live escalations).
    if p(5, 3) == 0 && !ws.escalations.is_empty() {
        let esc = &ws.escalations[usize::from(picks[5]) % ws.escalations.len()];
        let state = escalon::state::fold(esc);
        issue["id"] = json!(state.ticket);
    } else if p(5, 3) == 1 {
        issue["id"] = json!(format!("T-{}", picks[5]));
    }
    let mut customer = json!({"segment": SEGMENT[p(6, 4)]});
    if p(7, 4) > 0 {
        customer["health_score"] = json!(u32::from(picks[7]) % 101);
        customer["contract_value"] = json!(u32::from(picks[7]) * 6_000);
    }
    if p(8, 3) == 0 {
        customer["id"] = json!("acme");
    }
    let mut params = json!({"issue": issue, "customer": customer});
    if p(9, 3) > 0 {
        let sentiment = ["angry", "neutral", "calm"][p(9, 3)];
        params["context"] = json!({"previous_escalations": picks[9] % 6,
            "customer_sentiment": sentiment});
    }
    if p(8, 7) == 6 {
        params["record"] = json!(true);
    }
    if p(2, 5) == 4 {
        params["detail"] = json!(["triage", "full", "scores"][p(3, 3)]);
    }
    params
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn direct_answers_are_the_door_s_bytes(
        picks in any::<[u8; 10]>(),
        now in proptest::option::of(0i64..120),
        extra in 0u8..6,
    ) {
        let ws = escalon::demo::demo_workspace();
        let mut request = json!({"action": "determine-escalation", "parameters": ticket(&picks, &ws)});
        if let Some(d) = now {
            let t = "2025-03-01T00:00:00Z".parse::<jiff::Timestamp>().unwrap()
                + jiff::SignedDuration::from_hours(d);
            request["now"] = json!(t.to_string());
        }
        match extra {
            0 => request["actor"] = json!("someone"),
            1 => request["colour"] = json!("blue"),
            2 => request["now"] = json!("yesterday"),
            3 => request["parameters"] = json!([]),
            _ => {}
        }
        let (want, got, changed_a, changed_b) = both(&ws, &request);
        prop_assert_eq!(got, want);
        prop_assert_eq!(changed_b, changed_a);
    }
}

#[test]
fn other_actions_and_bad_envelopes_answer_alike() {
    let ws = escalon::demo::demo_workspace();
    for request in [
        json!({"action": "calculate-metrics", "now": "2025-04-01T00:00:00Z", "parameters": {}}),
        json!({"action": "determine-escalation"}),
        json!({"action": "no-such-action"}),
        json!([]),
    ] {
        let (want, got, _, _) = both(&ws, &request);
        assert_eq!(got, want, "{request}");
    }
}
