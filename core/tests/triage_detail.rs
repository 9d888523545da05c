//! `detail: "triage"` answers a decision without its briefing (stakeholders, recommended
//! actions, history): everything else, reasons included, is what the full answer says.

use escalon::{demo::demo_workspace, handle, Context};
use serde_json::{json, Value};

fn decide(params: &Value) -> Value {
    let mut ws = demo_workspace();
    let mut ctx = Context::with_counter(None, "t");
    let request = json!({"action": "determine-escalation", "now": "2025-03-20T10:00:00Z",
                         "parameters": params});
    let r = handle(&mut ws, &request, &mut ctx);
    assert_eq!(r["ok"], true, "{}", r["error"]);
    r["result"].clone()
}

#[test]
fn a_triage_answer_is_the_full_answer_without_its_briefing() {
    let tickets = [
        json!({"issue": {"id": "T-9", "severity": "critical", "impact": "all_customers",
                         "category": "security"},
               "customer": {"id": "cust-northwind", "segment": "enterprise", "health_score": 30},
               "context": {"previous_escalations": 2, "customer_sentiment": "angry"}}),
        json!({"issue": {"severity": "low", "impact": "single_user"},
               "customer": {"segment": "smb"}}),
        // A ticket the demo knows: its live escalation's SLA clocks take part.
        json!({"issue": {"id": "TICKET-12345", "severity": "high", "impact": "multiple_customers"},
               "customer": {"segment": "enterprise"}}),
    ];
    for params in tickets {
        let mut full = decide(&params);
        let mut lean = params.clone();
        lean["detail"] = json!("triage");
        let triage = decide(&lean);
        for key in ["stakeholders", "recommended_actions", "history"] {
            assert!(triage.get(key).is_none(), "{key} left out");
            assert!(
                full.as_object_mut().unwrap().remove(key).is_some(),
                "{key} in full"
            );
        }
        assert!(!triage["reasons"].as_array().unwrap().is_empty());
        assert_eq!(triage, full, "{params}");
    }
}

#[test]
fn detail_full_is_the_default() {
    let params = json!({"issue": {"severity": "high", "impact": "single_customer"},
                        "customer": {"segment": "enterprise"}});
    let mut explicit = params.clone();
    explicit["detail"] = json!("full");
    assert_eq!(decide(&params), decide(&explicit));
}
