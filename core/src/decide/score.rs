//! Base points per factor. Each table is non-decreasing in seriousness, which together with
//! additive rules makes the score monotone. Points are chosen so the factors people weigh
//! most (severity, impact) dominate, and customer context can tip a case one tier up.

use serde::Serialize;
use serde_json::{json, Value};

use super::input::DecisionInput;
use crate::rules::{RuleData, RuleSet, FACT_KEYS, ROOTS};

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

/// The fixed factors and their points, in the order reasons list them; `affected_users`
/// only when given. The one place the tables are read, so a scores-only answer and a
/// worded one cannot disagree.
pub fn base_points(i: &DecisionInput, total_previous: i64) -> Vec<(&'static str, i32)> {
    let mut p = Vec::with_capacity(9);
    p.push(("severity", SEVERITY_POINTS[i.severity.rank]));
    p.push(("impact", IMPACT_POINTS[i.impact.rank]));
    p.push(("segment", SEGMENT_POINTS[i.segment.rank]));
    p.push((
        "health_score",
        i.health_score
            .map_or(0, |h| ((100.0 - h) / 10.0).floor() as i32),
    ));
    p.push(("contract_value", banded(i.contract_value, &CONTRACT_BANDS)));
    p.push(("customer_sentiment", SENTIMENT_POINTS[i.sentiment.rank]));
    p.push(("duration_hours", banded(i.duration_hours, &DURATION_BANDS)));
    p.push(("previous_escalations", (total_previous.min(4) * 2) as i32));
    if let Some(u) = i.affected_users {
        p.push(("affected_users", banded(u as f64, &USERS_BANDS)));
    }
    p
}

/// [`base_points`] with each factor's value and a sentence; `history_note` says how
/// `total_previous` (which includes the workspace history) was counted.
pub fn base_reasons(
    points: &[(&'static str, i32)],
    i: &DecisionInput,
    total_previous: i64,
    history_note: &str,
) -> Vec<Reason> {
    points
        .iter()
        .map(|&(factor, points)| {
            let (value, why) = match factor {
                "severity" => (json!(i.severity.name), format!("severity is {}", i.severity.name)),
                "impact" => (
                    json!(i.impact.name),
                    format!("impact is {}", i.impact.name.replace('_', " ")),
                ),
                "segment" => (
                    json!(i.segment.name),
                    format!("customer segment is {}", i.segment.name.replace('_', " ")),
                ),
                "health_score" => match i.health_score {
                    Some(h) => (
                        json!(h),
                        format!("customer health score is {h} of 100 (1 point per 10 below 100)"),
                    ),
                    None => (Value::Null, "health score not given".into()),
                },
                "contract_value" => (
                    json!(i.contract_value),
                    format!("contract value is {}", i.contract_value),
                ),
                "customer_sentiment" => {
                    (json!(i.sentiment.name), format!("customer is {}", i.sentiment.name))
                }
                "duration_hours" => (
                    json!(i.duration_hours),
                    format!("issue has been open {} hours", i.duration_hours),
                ),
                "previous_escalations" => (
                    json!(total_previous),
                    format!(
                        "{total_previous} previous escalations ({history_note}); 2 points each, up to 8"
                    ),
                ),
                _ => {
                    let u = i.affected_users.unwrap_or(0);
                    (json!(u), format!("{u} users affected"))
                }
            };
            Reason {
                factor: factor.to_string(),
                value,
                points,
                why,
            }
        })
        .collect()
}

/// `FACT_KEYS`' position of `name`, worked out at compile time: facts are then built by
/// slot number, with no name compared per ticket (that was a fiftieth of bulk triage).
const fn slot(name: &str) -> usize {
    let mut k = 0;
    while k < FACT_KEYS.len() {
        let (a, b) = (FACT_KEYS[k].as_bytes(), name.as_bytes());
        let mut same = a.len() == b.len();
        let mut j = 0;
        while same && j < a.len() {
            same = a[j] == b[j];
            j += 1;
        }
        if same {
            return k;
        }
        k += 1;
    }
    panic!("not a fact key")
}

const SEVERITY_RANK: usize = slot("severity_rank");
const IMPACT_RANK: usize = slot("impact_rank");
const SEGMENT_RANK: usize = slot("segment_rank");
const SENTIMENT_RANK: usize = slot("sentiment_rank");
const HEALTH_RISK: usize = slot("health_risk");
const HEALTH_SCORE: usize = slot("health_score");
const CONTRACT_VALUE: usize = slot("contract_value");
const DURATION_HOURS: usize = slot("duration_hours");
const PREVIOUS_ESCALATIONS: usize = slot("previous_escalations");
const HISTORY_ESCALATIONS: usize = slot("history_escalations");
const AFFECTED_USERS: usize = slot("affected_users");
const CURRENT_TIER: usize = slot("current_tier");
const CATEGORY: usize = slot("category");
const PRODUCT: usize = slot("product");

/// The data rules see: the request as written plus computed facts with ranks, so rules can
/// say "at least high" without listing names. Request parts and facts no rule reads (the
/// rule set says which) are left out rather than built: per ticket, building them cost more
/// than the rules. `sla` is the known escalation's clocks, when there is one.
pub fn facts(
    parameters: &Value,
    i: &DecisionInput,
    total_previous: i64,
    history: i64,
    rules: &RuleSet,
    sla: Option<&Value>,
) -> RuleData {
    let mut data = serde_json::Map::new();
    for (k, part) in ROOTS.iter().enumerate() {
        if rules.reads_root(k) {
            let v = parameters.get(part).cloned().unwrap_or(Value::Null);
            data.insert(part.to_string(), v);
        }
    }
    let mut slots: [Option<Value>; FACT_KEYS.len()] = Default::default();
    for (slot, value) in slots.iter_mut().enumerate() {
        if !rules.reads_fact_slot(slot) {
            continue;
        }
        *value = match slot {
            SEVERITY_RANK => Some(json!(i.severity.rank)),
            IMPACT_RANK => Some(json!(i.impact.rank)),
            SEGMENT_RANK => Some(json!(i.segment.rank)),
            SENTIMENT_RANK => Some(json!(i.sentiment.rank)),
            // Risk rather than score, so an absent health score reads as "no risk" (0) and
            // never as the most alarming value a `<` comparison against null would give.
            HEALTH_RISK => Some(json!(i.health_score.map(|h| 100.0 - h).unwrap_or(0.0))),
            HEALTH_SCORE => Some(json!(i.health_score)),
            CONTRACT_VALUE => Some(json!(i.contract_value)),
            DURATION_HOURS => Some(json!(i.duration_hours)),
            PREVIOUS_ESCALATIONS => Some(json!(total_previous)),
            HISTORY_ESCALATIONS => Some(json!(history)),
            AFFECTED_USERS => Some(json!(i.affected_users.unwrap_or(0))),
            CURRENT_TIER => Some(json!(i.current_tier)),
            CATEGORY => Some(json!(i.category)),
            PRODUCT => Some(json!(i.product)),
            _ => sla.cloned(),
        };
    }
    if !rules.slotted() {
        let facts = crate::sort::map(
            FACT_KEYS
                .iter()
                .zip(slots.iter_mut())
                .filter_map(|(k, v)| Some((k.to_string(), v.take()?))),
        );
        data.insert("facts".to_string(), Value::Object(facts));
    }
    RuleData {
        tree: Value::Object(data),
        slots,
    }
}
