//! Base points per factor. Each table is non-decreasing in seriousness, which together with
//! additive rules makes the score monotone. Points are chosen so the factors people weigh
//! most (severity, impact) dominate, and customer context can tip a case one tier up.

use serde::Serialize;
use serde_json::{json, Value};

use super::input::DecisionInput;
use crate::rules::RuleSet;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reason {
    pub factor: String,
    pub value: Value,
    pub points: i32,
    pub why: String,
}

const SEVERITY_POINTS: [i32; 4] = [0, 8, 16, 25];
const IMPACT_POINTS: [i32; 4] = [0, 6, 15, 22];
const SEGMENT_POINTS: [i32; 4] = [0, 3, 7, 10];
const SENTIMENT_POINTS: [i32; 5] = [0, 1, 3, 6, 8];

/// `(threshold, points)`: the points of the highest threshold reached.
const CONTRACT_BANDS: [(f64, i32); 6] = [
    (10_000.0, 1),
    (50_000.0, 3),
    (100_000.0, 5),
    (250_000.0, 7),
    (500_000.0, 8),
    (1_000_000.0, 10),
];
const DURATION_BANDS: [(f64, i32); 4] = [(1.0, 2), (4.0, 4), (8.0, 6), (24.0, 8)];
const USERS_BANDS: [(f64, i32); 3] = [(10.0, 2), (100.0, 4), (1000.0, 6)];

fn banded(value: f64, bands: &[(f64, i32)]) -> i32 {
    bands
        .iter()
        .filter(|(t, _)| value >= *t)
        .map(|(_, p)| *p)
        .max()
        .unwrap_or(0)
}

fn reason(factor: &str, value: Value, points: i32, why: String) -> Reason {
    Reason {
        factor: factor.to_string(),
        value,
        points,
        why,
    }
}

/// `total_previous` already includes the workspace history; `history_note` says how.
pub fn base_reasons(i: &DecisionInput, total_previous: i64, history_note: &str) -> Vec<Reason> {
    let mut r = Vec::with_capacity(9);
    r.push(reason(
        "severity",
        json!(i.severity.name),
        SEVERITY_POINTS[i.severity.rank],
        format!("severity is {}", i.severity.name),
    ));
    r.push(reason(
        "impact",
        json!(i.impact.name),
        IMPACT_POINTS[i.impact.rank],
        format!("impact is {}", i.impact.name.replace('_', " ")),
    ));
    r.push(reason(
        "segment",
        json!(i.segment.name),
        SEGMENT_POINTS[i.segment.rank],
        format!("customer segment is {}", i.segment.name.replace('_', " ")),
    ));
    r.push(match i.health_score {
        Some(h) => reason(
            "health_score",
            json!(h),
            ((100.0 - h) / 10.0).floor() as i32,
            format!("customer health score is {h} of 100 (1 point per 10 below 100)"),
        ),
        None => reason(
            "health_score",
            Value::Null,
            0,
            "health score not given".into(),
        ),
    });
    r.push(reason(
        "contract_value",
        json!(i.contract_value),
        banded(i.contract_value, &CONTRACT_BANDS),
        format!("contract value is {}", i.contract_value),
    ));
    r.push(reason(
        "customer_sentiment",
        json!(i.sentiment.name),
        SENTIMENT_POINTS[i.sentiment.rank],
        format!("customer is {}", i.sentiment.name),
    ));
    r.push(reason(
        "duration_hours",
        json!(i.duration_hours),
        banded(i.duration_hours, &DURATION_BANDS),
        format!("issue has been open {} hours", i.duration_hours),
    ));
    r.push(reason(
        "previous_escalations",
        json!(total_previous),
        (total_previous.min(4) * 2) as i32,
        format!("{total_previous} previous escalations ({history_note}); 2 points each, up to 8"),
    ));
    if let Some(u) = i.affected_users {
        r.push(reason(
            "affected_users",
            json!(u),
            banded(u as f64, &USERS_BANDS),
            format!("{u} users affected"),
        ));
    }
    r
}

/// The data rules see: the request as written plus computed facts with ranks, so rules can
/// say "at least high" without listing names. Request parts and facts no rule reads (the
/// rule set says which) are left out rather than built: per ticket, building them cost more
/// than the rules.
pub fn facts(
    parameters: &Value,
    i: &DecisionInput,
    total_previous: i64,
    history: i64,
    rules: &RuleSet,
) -> Value {
    let mut data = serde_json::Map::new();
    for part in ["issue", "customer", "context"] {
        if rules.reads(part) {
            let v = parameters.get(part).cloned().unwrap_or(Value::Null);
            data.insert(part.to_string(), v);
        }
    }
    let mut f = serde_json::Map::new();
    let mut put = |key: &str, v: &dyn Fn() -> Value| {
        if rules.reads_fact(key) {
            f.insert(key.to_string(), v());
        }
    };
    put("severity_rank", &|| json!(i.severity.rank));
    put("impact_rank", &|| json!(i.impact.rank));
    put("segment_rank", &|| json!(i.segment.rank));
    put("sentiment_rank", &|| json!(i.sentiment.rank));
    // Risk rather than score, so an absent health score reads as "no risk" (0) and never as
    // the most alarming value a `<` comparison against null would give.
    put("health_risk", &|| {
        json!(i.health_score.map(|h| 100.0 - h).unwrap_or(0.0))
    });
    put("health_score", &|| json!(i.health_score));
    put("contract_value", &|| json!(i.contract_value));
    put("duration_hours", &|| json!(i.duration_hours));
    put("previous_escalations", &|| json!(total_previous));
    put("history_escalations", &|| json!(history));
    put("affected_users", &|| json!(i.affected_users.unwrap_or(0)));
    put("current_tier", &|| json!(i.current_tier));
    put("category", &|| json!(i.category));
    put("product", &|| json!(i.product));
    data.insert("facts".to_string(), Value::Object(f));
    Value::Object(data)
}
