//! Under the default rules a worse situation never gets a lower tier or a lower score.

use proptest::prelude::*;
use serde_json::{json, Value};

const SEVERITY: [&str; 4] = ["low", "medium", "high", "critical"];
const IMPACT: [&str; 4] = [
    "single_user",
    "single_customer",
    "multiple_customers",
    "all_customers",
];
const SEGMENT: [&str; 4] = ["smb", "mid_market", "enterprise", "strategic"];
const SENTIMENT: [&str; 5] = ["positive", "neutral", "concerned", "frustrated", "angry"];

#[derive(Debug, Clone)]
struct Case {
    severity: usize,
    impact: usize,
    segment: usize,
    sentiment: usize,
    health: u32,
    contract: u32,
    previous: u32,
    duration: u32,
}

fn request(c: &Case) -> Value {
    json!({"action": "determine-escalation", "parameters": {
        "issue": {"severity": SEVERITY[c.severity], "impact": IMPACT[c.impact],
                  "duration_hours": c.duration},
        "customer": {"segment": SEGMENT[c.segment], "health_score": c.health,
                     "contract_value": c.contract},
        "context": {"previous_escalations": c.previous, "customer_sentiment": SENTIMENT[c.sentiment]}
    }})
}

fn tier_and_score(c: &Case) -> (u64, u64) {
    let r = escalon::door::run_value(&request(c));
    assert_eq!(r["ok"], true, "{r}");
    let sum: i64 = r["result"]["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["points"].as_i64().unwrap())
        .sum();
    let score = r["result"]["urgency_score"].as_u64().unwrap();
    assert_eq!(sum as u64, score, "reasons must add up to the score");
    (r["result"]["tier"].as_u64().unwrap(), score)
}

fn case() -> impl Strategy<Value = Case> {
    (
        (0usize..4, 0usize..4, 0usize..4, 0usize..5),
        (0u32..=100, 0u32..3_000_000, 0u32..12, 0u32..100),
    )
        .prop_map(
            |((severity, impact, segment, sentiment), (health, contract, previous, duration))| {
                Case {
                    severity,
                    impact,
                    segment,
                    sentiment,
                    health,
                    contract,
                    previous,
                    duration,
                }
            },
        )
}

/// The same case made worse along one dimension (`which` picks the dimension).
fn worse(c: &Case, which: u8, step: u32) -> Case {
    let mut w = c.clone();
    match which {
        0 => w.severity = (w.severity + 1).min(3),
        1 => w.impact = (w.impact + 1).min(3),
        2 => w.contract = w.contract.saturating_add(step * 10_000),
        3 => w.previous += step % 5 + 1,
        4 => w.duration += step % 30 + 1,
        5 => w.health = w.health.saturating_sub(step % 40 + 1),
        _ => w.sentiment = (w.sentiment + 1).min(4),
    }
    w
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn worse_never_decides_lower(c in case(), which in 0u8..7, step in 1u32..60) {
        let (t0, s0) = tier_and_score(&c);
        let w = worse(&c, which, step);
        let (t1, s1) = tier_and_score(&w);
        prop_assert!(t1 >= t0, "tier fell {t0} -> {t1}: {c:?} -> {w:?}");
        prop_assert!(s1 >= s0, "score fell {s0} -> {s1}: {c:?} -> {w:?}");
    }
}
