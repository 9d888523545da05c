//! The seed's tier model and a starter policy. Default rules only ever add points or raise
//! the minimum tier on "at least this serious" conditions; that is what keeps decisions
//! monotone (a worse situation never gets a lower tier), and the property test holds us to it.

use serde_json::json;

use crate::config::{Config, Effect, Person, PriorityPolicy, Rule, Runbook, TierDef};

pub fn default_config() -> Config {
    Config {
        tiers: tiers(),
        rules: rules(),
        priority: PriorityPolicy::default(),
        history_window_days: 90,
        directory: directory(),
        runbooks: runbooks(),
        sla_policies: Vec::new(),
        calendars: Default::default(),
        timezone: crate::sla::default_timezone(),
        sla_escalation: Default::default(),
        triage_volume: Vec::new(),
        metric_targets: crate::metrics::default_targets(),
        templates: Vec::new(),
        notify: crate::notify::config::demo_notify(),
        deescalation: Default::default(),
        major_incident: Default::default(),
    }
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn tiers() -> Vec<TierDef> {
    vec![
        TierDef {
            tier: 1,
            name: "Tier 1 - Standard".into(),
            criteria: "Standard issues".into(),
            response_target_minutes: 240,
            min_score: 0,
            stakeholder_roles: strings(&["support_agent"]),
            actions: strings(&["Assign a support agent and respond within 4 hours"]),
        },
        TierDef {
            tier: 2,
            name: "Tier 2 - Complex technical".into(),
            criteria: "Complex technical issues".into(),
            response_target_minutes: 120,
            min_score: 30,
            stakeholder_roles: strings(&["senior_engineer"]),
            actions: strings(&[
                "Hand off to a senior engineer with a handoff brief",
                "Respond within 2 hours",
            ]),
        },
        TierDef {
            tier: 3,
            name: "Tier 3 - Critical / multi-customer".into(),
            criteria: "Critical or multi-customer issues".into(),
            response_target_minutes: 60,
            min_score: 55,
            stakeholder_roles: strings(&["engineering_lead", "account_csm"]),
            actions: strings(&[
                "Page the engineering lead and notify the account CSM",
                "Respond within 1 hour and update the customer every 2 hours",
            ]),
        },
        TierDef {
            tier: 4,
            name: "Tier 4 - Business critical".into(),
            criteria: "Business critical issues".into(),
            response_target_minutes: 30,
            min_score: 80,
            stakeholder_roles: strings(&["director", "vp", "executive"]),
            actions: strings(&[
                "Open an executive bridge within 30 minutes",
                "Send an executive briefing and a customer confirmation",
            ]),
        },
    ]
}

fn rule(id: &str, description: &str, when: serde_json::Value, effect: Effect) -> Rule {
    Rule {
        id: id.into(),
        description: description.into(),
        condition: when,
        effect,
    }
}

fn rules() -> Vec<Rule> {
    vec![
        rule(
            "multi_customer_impact",
            "Issues hitting more than one customer are at least tier 3",
            json!({">=": [{"var": "facts.impact_rank"}, 2]}),
            Effect {
                min_tier: Some(3),
                add_stakeholders: strings(&["support_manager"]),
                recommend: strings(&["Open an incident and post a status page update"]),
                ..Effect::default()
            },
        ),
        rule(
            "platform_outage",
            "High or critical severity for all customers is business critical",
            json!({"and": [
                {">=": [{"var": "facts.impact_rank"}, 3]},
                {">=": [{"var": "facts.severity_rank"}, 2]}
            ]}),
            Effect {
                add_points: 5,
                min_tier: Some(4),
                add_stakeholders: strings(&["incident_commander"]),
                recommend: strings(&["Declare a major incident (ITIL P1 workflow, bridge call)"]),
            },
        ),
        rule(
            "critical_severity",
            "Critical severity always needs a senior engineer",
            json!({">=": [{"var": "facts.severity_rank"}, 3]}),
            Effect {
                min_tier: Some(2),
                recommend: strings(&["Engage a senior engineer immediately"]),
                ..Effect::default()
            },
        ),
        rule(
            "at_risk_account",
            "Enterprise or strategic customer with health score 50 or below",
            json!({"and": [
                {">=": [{"var": "facts.segment_rank"}, 2]},
                {">=": [{"var": "facts.health_risk"}, 50]}
            ]}),
            Effect {
                add_points: 5,
                add_stakeholders: strings(&["account_csm"]),
                recommend: strings(&["Brief the account CSM: the account is at renewal risk"]),
                ..Effect::default()
            },
        ),
        rule(
            "repeat_escalations",
            "Three or more escalations for this customer recently",
            json!({">=": [{"var": "facts.previous_escalations"}, 3]}),
            Effect {
                add_points: 5,
                add_stakeholders: strings(&["support_manager"]),
                recommend: strings(&[
                    "Review the customer's recent escalations for a common root cause",
                ]),
                ..Effect::default()
            },
        ),
        rule(
            "long_running_serious",
            "High or critical severity open for a day or more",
            json!({"and": [
                {">=": [{"var": "facts.duration_hours"}, 24]},
                {">=": [{"var": "facts.severity_rank"}, 2]}
            ]}),
            Effect {
                add_points: 5,
                min_tier: Some(2),
                ..Effect::default()
            },
        ),
        rule(
            "angry_strategic_customer",
            "A strategic customer who is frustrated or angry gets leadership attention",
            json!({"and": [
                {">=": [{"var": "facts.segment_rank"}, 3]},
                {">=": [{"var": "facts.sentiment_rank"}, 3]}
            ]}),
            Effect {
                min_tier: Some(3),
                add_stakeholders: strings(&["director"]),
                recommend: strings(&["Arrange a leadership call with the customer"]),
                ..Effect::default()
            },
        ),
        rule(
            "security_issue",
            "Security issues go to the security lead at tier 3 or above",
            json!({"==": [{"var": "facts.category"}, "security"]}),
            Effect {
                min_tier: Some(3),
                add_stakeholders: strings(&["security_lead"]),
                recommend: strings(&["Follow the security incident response process"]),
                ..Effect::default()
            },
        ),
    ]
}

fn person(name: &str, email: &str, roles: &[&str]) -> Person {
    Person {
        name: name.into(),
        email: email.into(),
        roles: strings(roles),
    }
}

fn directory() -> Vec<Person> {
    vec![
        person("Sam Rivera", "sam.rivera@company.com", &["support_agent"]),
        person(
            "Priya Natarajan",
            "priya.natarajan@company.com",
            &["support_agent"],
        ),
        person("Jordan Blake", "engineer@company.com", &["senior_engineer"]),
        person("Alex Chen", "alex.chen@company.com", &["senior_engineer"]),
        person(
            "Morgan Lee",
            "tier2.lead@company.com",
            &["tier2_lead", "senior_engineer"],
        ),
        person("Dana Kim", "dana.kim@company.com", &["engineering_lead"]),
        person(
            "Lee Novak",
            "lee.novak@company.com",
            &["engineering_lead", "incident_commander"],
        ),
        person("Chris Patel", "chris.patel@company.com", &["account_csm"]),
        person(
            "Taylor Brooks",
            "support.manager@company.com",
            &["support_manager"],
        ),
        person("Avery Shah", "avery.shah@company.com", &["security_lead"]),
        person("Robin Alvarez", "robin.alvarez@company.com", &["director"]),
        person("Jamie Ortiz", "jamie.ortiz@company.com", &["vp"]),
        person("Casey Morgan", "casey.morgan@company.com", &["executive"]),
    ]
}

fn runbook(title: &str, url: &str, categories: &[&str], products: &[&str]) -> Runbook {
    Runbook {
        title: title.into(),
        url: url.into(),
        categories: strings(categories),
        products: strings(products),
    }
}

fn runbooks() -> Vec<Runbook> {
    vec![
        runbook(
            "Diagnosing memory leaks and performance regressions",
            "https://runbooks.example.com/performance/memory-leaks",
            &["performance"],
            &[],
        ),
        runbook(
            "Service outage response",
            "https://runbooks.example.com/outage/response",
            &["outage"],
            &[],
        ),
        runbook(
            "Data integrity incident checklist",
            "https://runbooks.example.com/data/integrity",
            &["data_integrity"],
            &[],
        ),
        runbook(
            "Security incident response",
            "https://runbooks.example.com/security/incident",
            &["security"],
            &[],
        ),
        runbook(
            "SSO and login failures",
            "https://runbooks.example.com/auth/sso",
            &["authentication"],
            &[],
        ),
        runbook(
            "Integration and webhook failures",
            "https://runbooks.example.com/integrations/webhooks",
            &["integration"],
            &["Integrations Hub"],
        ),
        runbook(
            "Platform API troubleshooting",
            "https://runbooks.example.com/products/platform-api",
            &[],
            &["Platform API"],
        ),
        runbook(
            "Billing disputes and invoice errors",
            "https://runbooks.example.com/billing/disputes",
            &["billing"],
            &["Billing Portal"],
        ),
    ]
}
