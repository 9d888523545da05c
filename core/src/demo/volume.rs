//! Triage volume and root causes for the demo, so escalation_rate and the causes Pareto
//! have something real to show. Both are pure functions of fixed tables (no PRNG draws), so
//! adding them leaves every other part of the demo exactly as it was.

use crate::metrics::TriageVolume;

/// Tickets triaged per month by segment: many small customers, few strategic ones.
const SEGMENT_TICKETS: &[(&str, f64)] = &[
    ("smb", 520.0),
    ("mid_market", 430.0),
    ("enterprise", 380.0),
    ("strategic", 140.0),
];

/// February is short, March busier after a release.
const MONTHS: &[(&str, f64)] = &[("2025-01", 1.0), ("2025-02", 0.92), ("2025-03", 1.06)];

/// Monthly triage volume per category and segment for January-March 2025: each category's
/// share of tickets follows its share of escalations (`data::CATEGORIES`), which puts the
/// demo's escalation rate at a plausible few percent.
pub fn triage_volume() -> Vec<TriageVolume> {
    let weights: f64 = super::data::CATEGORIES.iter().map(|(_, w)| *w as f64).sum();
    let mut out = Vec::new();
    for (month, factor) in MONTHS {
        for (category, w) in super::data::CATEGORIES {
            for (segment, tickets) in SEGMENT_TICKETS {
                out.push(TriageVolume {
                    month: Some((*month).to_string()),
                    date: None,
                    category: Some((*category).to_string()),
                    segment: Some((*segment).to_string()),
                    tickets: (tickets * factor * *w as f64 / weights).round() as u32,
                });
            }
        }
    }
    out
}

/// The root cause recorded when a demo escalation is resolved: per category, the first
/// cause is the usual one (60 %), then 30 % and 10 %, picked from the escalation id.
pub fn root_cause(category: &str, id: &str) -> &'static str {
    let causes: [&str; 3] = match category {
        "performance" => ["unindexed_query", "memory_leak", "undersized_worker_pool"],
        "outage" => ["bad_deployment", "expired_certificate", "region_failover"],
        "integration" => [
            "webhook_retry_bug",
            "expired_credentials",
            "customer_endpoint",
        ],
        "authentication" => ["expired_certificate", "idp_misconfiguration", "session_bug"],
        "data_integrity" => [
            "import_deduplication_bug",
            "bad_deployment",
            "customer_data",
        ],
        "billing" => ["proration_rule", "duplicate_charge_job", "customer_data"],
        "security" => [
            "leaked_api_token",
            "missing_ip_allowlist",
            "idp_misconfiguration",
        ],
        _ => ["bad_deployment", "regression_in_release", "customer_data"],
    };
    let roll = id.bytes().map(u64::from).sum::<u64>() % 10;
    match roll {
        0..=5 => causes[0],
        6..=8 => causes[1],
        _ => causes[2],
    }
}
