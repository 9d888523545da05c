//! top_causes: a Pareto of root causes (see `facts::ROOT_CAUSE_PREFIX`) over the
//! escalations in range, largest first with each cause's share and the cumulative share.
//! Causes up to and including the one that takes the cumulative share to 80 % are the
//! `vital_few`. Escalations without a recorded cause are counted apart rather than ranked:
//! "not diagnosed yet" is not a cause to fix.

use std::collections::HashMap;

use serde_json::{json, Value};

use super::durations::round4;
use super::facts::Facts;

const VITAL_SHARE: f64 = 0.8;

pub fn top_causes(facts: &[Facts<'_>]) -> Value {
    let mut counts: HashMap<&str, u64> = HashMap::new();
    let mut unattributed = 0u64;
    for f in facts {
        match f.root_cause {
            Some(c) => *counts.entry(c).or_default() += 1,
            None => unattributed += 1,
        }
    }
    let mut ranked: Vec<(&str, u64)> = counts.into_iter().collect();
    // Ties by name, so the order never depends on hashing.
    crate::sort::sort_by(&mut ranked, |a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let attributed: u64 = ranked.iter().map(|(_, n)| n).sum();
    let mut cumulative = 0u64;
    let mut before = 0.0;
    let items: Vec<Value> = ranked
        .iter()
        .map(|(cause, n)| {
            cumulative += n;
            let share = *n as f64 / attributed as f64;
            let cum = cumulative as f64 / attributed as f64;
            let vital = before < VITAL_SHARE;
            before = cum;
            json!({
                "cause": cause,
                "count": n,
                "share": round4(share),
                "cumulative_share": round4(cum),
                "vital_few": vital,
            })
        })
        .collect();
    json!({
        "items": items,
        "attributed": attributed,
        "unattributed": unattributed,
    })
}
