//! The dashboard as plain data: the door requests it sends, and the tiles, at-risk list and
//! charts read from the answers. Every figure is the engine's (`calculate-metrics`,
//! `sla-status`); this module only picks, sorts and formats. Kept apart from the DOM so it
//! is tested natively, like `metrics` and `detail`.

pub mod charts;
pub mod format;
pub mod kpi;
pub mod risk;
#[cfg(test)]
mod tests;

use jiff::Timestamp;
use serde_json::{json, Value};

pub use charts::{Chart, Shape};
pub use kpi::{Tile, TileTarget, Unit};
pub use risk::{OpenEscalation, Risk, RiskCounts, RiskRow};

/// By tier, over the whole workspace: counts, open (unresolved), MTTR, SLA compliance,
/// stalled, and the trend and Pareto sections.
pub fn tier_request(now: &str) -> Value {
    json!({
        "action": "calculate-metrics",
        "now": now,
        "parameters": {
            "dimensions": ["escalation_tier"],
            "metrics": ["escalation_count", "mttr_escalations", "sla_compliance",
                        "stalled_count", "volume_trend", "top_causes"],
            "trend_interval": "week",
        }
    })
}

/// Escalation rate per category (the only figure that needs that grouping).
pub fn category_request(now: &str) -> Value {
    json!({
        "action": "calculate-metrics",
        "now": now,
        "parameters": {"dimensions": ["issue_category"], "metrics": ["escalation_rate"]},
    })
}

/// The clocks of one escalation.
pub fn clocks_request(id: &str, now: &str) -> Value {
    json!({"action": "sla-status", "now": now, "parameters": {"escalation_id": id}})
}

/// Everything the page shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub now: Timestamp,
    pub tiles: Vec<Tile>,
    pub at_risk: Vec<RiskRow>,
    pub charts: Vec<Chart>,
    /// Door calls made for this snapshot (two, plus one per open escalation).
    pub calls: usize,
}

/// The door's `path: message` for a refused request.
fn refused(answer: &Value) -> Option<String> {
    crate::detail::error_line(answer)
}

/// Asks the door (`call`: the store's in the app, a copy of a workspace in tests) for the
/// dashboard at `now`. `open` are the escalations not resolved, whose clocks are read for
/// the at-risk list. A refused request (a bad `config.metric_targets`, say) is its error.
pub fn snapshot(
    open: &[OpenEscalation],
    now: Timestamp,
    mut call: impl FnMut(&Value) -> Value,
) -> Result<Snapshot, String> {
    let at = now.to_string();
    let by_tier = call(&tier_request(&at));
    if let Some(e) = refused(&by_tier) {
        return Err(e);
    }
    let by_category = call(&category_request(&at));
    if let Some(e) = refused(&by_category) {
        return Err(e);
    }
    let mut at_risk = Vec::new();
    for o in open {
        let answer = call(&clocks_request(&o.id, &at));
        if let Some(e) = refused(&answer) {
            return Err(e);
        }
        at_risk.extend(risk::risk_of(o, &answer["result"], now));
    }
    risk::sort(&mut at_risk);
    let (by_tier, by_category) = (&by_tier["result"], &by_category["result"]);
    Ok(Snapshot {
        now,
        tiles: kpi::tiles(by_tier, by_category, risk::counts(&at_risk)),
        charts: charts::all(by_tier, by_category),
        at_risk,
        calls: 2 + open.len(),
    })
}

/// The escalations not resolved, closed or archived, as the folded logs say.
pub fn open_escalations(ws: &escalon::Workspace) -> Vec<OpenEscalation> {
    ws.escalations
        .iter()
        .map(escalon::state::fold)
        .filter(|s| !s.status.is_done())
        .map(|s| OpenEscalation {
            id: s.id,
            customer: s.customer.name.unwrap_or_default(),
            tier: s.tier,
        })
        .collect()
}
