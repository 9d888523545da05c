//! Decisions build only the rule data their rules read. Adding a rule that reads all of it
//! and never matches must not change any decision: what was left out was never looked at.

use escalon::config::Rule;
use escalon::decide::{decide, input};
use escalon::Workspace;
use proptest::prelude::*;
use serde_json::json;

fn workspace(extra: Option<Rule>) -> Workspace {
    let mut ws = escalon::demo::demo_workspace();
    ws.config.rules.push(Rule {
        id: "resolution_breached".into(),
        description: "reads the SLA facts".into(),
        condition: json!({"==": [{"var": "facts.sla.resolution.state"}, "breached"]}),
        effect: serde_json::from_value(json!({"add_points": 5})).unwrap(),
    });
    ws.config.rules.extend(extra);
    let config = ws.config.clone();
    ws.set_config(config);
    ws
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    #[test]
    fn unread_data_changes_no_decision(
        sev in 0usize..4, imp in 0usize..4, seg in 0usize..4, health in 0u32..101,
        known in any::<prop::sample::Index>(), prev in 0u32..6, users in 0u32..3000,
    ) {
        let lean = workspace(None);
        let full = workspace(Some(Rule {
            id: "reads_everything".into(),
            description: String::new(),
            condition: json!({"and": [false, {"var": "facts"}, {"var": ""}]}),
            effect: Default::default(),
        }));
        let esc = &lean.escalations[known.index(lean.escalations.len())];
        let ticket = escalon::state::fold(esc).ticket;
        let severity = ["low", "medium", "high", "critical"][sev];
        let impact = ["single_user", "single_customer", "multiple_customers", "all_customers"][imp];
        let segment = ["smb", "mid_market", "enterprise", "strategic"][seg];
        let p = json!({
            "issue": {"id": ticket, "severity": severity, "impact": impact,
                "affected_users": users, "category": "security"},
            "customer": {"segment": segment, "health_score": health, "id": "acme"},
            "context": {"previous_escalations": prev}
        });
        let i = input::parse(&p).unwrap();
        let now = Some("2025-03-01T10:00:00Z".parse().unwrap());
        let a = decide(&lean, lean.rules().unwrap(), &p, &i, now);
        let b = decide(&full, full.rules().unwrap(), &p, &i, now);
        prop_assert_eq!(a, b);
    }
}
