//! The tiles: figures read from the `calculate-metrics` answers and the at-risk count, each
//! with its configured target (`config.metric_targets`) when the tile shows that metric.

use serde_json::Value;

use super::format;
use super::risk::RiskCounts;

/// How a figure is written; also used by the charts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Count,
    Minutes,
    Share,
}

impl Unit {
    pub fn show(self, v: f64) -> String {
        match self {
            Unit::Count => format::count(v.round().max(0.0) as u64),
            Unit::Minutes => format::minutes(v),
            Unit::Share => format::percent(v),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TileTarget {
    /// `target ≤ 2 d 0 h`.
    pub text: String,
    /// `None` when there is no figure to judge yet.
    pub met: Option<bool>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tile {
    /// The tile's `data-testid`, e.g. `kpi-open-tier2`.
    pub id: String,
    pub label: String,
    pub value: String,
    /// A second figure under the value (the median beside the mean).
    pub note: Option<String>,
    pub target: Option<TileTarget>,
}

impl Tile {
    fn new(id: impl Into<String>, label: impl Into<String>, value: String) -> Self {
        Self {
            id: id.into(),
            label: label.into(),
            value,
            note: None,
            target: None,
        }
    }
}

/// The target the answer judged for `metric` (its label is the metric, or the metric and a
/// field: `mttr_escalations.median_minutes`), with the field named.
fn target_of<'a>(answer: &'a Value, metric: &str) -> Option<(Option<&'a str>, &'a Value)> {
    answer["targets"]
        .as_object()?
        .iter()
        .find_map(|(label, t)| {
            let field = label.strip_prefix(metric)?;
            match field {
                "" => Some((None, t)),
                f => f.strip_prefix('.').map(|f| (Some(f), t)),
            }
        })
}

fn judged(t: &Value, unit: Unit) -> Option<TileTarget> {
    let (sign, bound) = match (
        t["target"]["at_most"].as_f64(),
        t["target"]["at_least"].as_f64(),
    ) {
        (Some(x), _) => ("≤", x),
        (None, Some(x)) => ("≥", x),
        _ => return None,
    };
    Some(TileTarget {
        text: format!("target {sign} {}", unit.show(bound)),
        met: t["met"].as_bool(),
    })
}

fn none_yet() -> String {
    "–".into()
}

/// The tiles, in order: escalations, open per tier, at risk, breached, stalled, MTTR, SLA
/// compliance, escalation rate. `by_tier` answers [`super::tier_request`], `by_category`
/// [`super::category_request`]; their totals cover every escalation in the workspace.
pub fn tiles(by_tier: &Value, by_category: &Value, risk: RiskCounts) -> Vec<Tile> {
    let totals = &by_tier["totals"];
    let count = |v: &Value| Unit::Count.show(v.as_f64().unwrap_or(0.0));
    let mut out = vec![Tile::new(
        "kpi-total",
        "Escalations",
        count(&totals["escalation_count"]),
    )];
    // Open = not resolved: the metrics' `unresolved`, by the highest tier reached.
    let mut open = [0u64; 4];
    for row in by_tier["rows"].as_array().into_iter().flatten() {
        let tier = row["group"]["escalation_tier"].as_u64().unwrap_or(0);
        if let Some(slot) = open.get_mut((tier.clamp(1, 4) - 1) as usize) {
            *slot += row["metrics"]["mttr_escalations"]["unresolved"]
                .as_u64()
                .unwrap_or(0);
        }
    }
    for (i, n) in open.iter().enumerate() {
        out.push(Tile::new(
            format!("kpi-open-tier{}", i + 1),
            format!("Open at tier {}", i + 1),
            format::count(*n),
        ));
    }
    out.push(Tile::new(
        "kpi-at-risk",
        "At risk",
        format::count(risk.at_risk),
    ));
    out.push(Tile::new(
        "kpi-breached",
        "Breached",
        format::count(risk.breached),
    ));

    let mut stalled = Tile::new("kpi-stalled", "Stalled", count(&totals["stalled_count"]));
    stalled.target = target_of(by_tier, "stalled_count").and_then(|(_, t)| judged(t, Unit::Count));
    out.push(stalled);

    // The figure shown is the one the target judges: the mean unless the target names the
    // median.
    let mttr = &totals["mttr_escalations"];
    let target = target_of(by_tier, "mttr_escalations");
    let (main, other) = match target {
        Some((Some("median_minutes"), _)) => ("median_minutes", "mean_minutes"),
        _ => ("mean_minutes", "median_minutes"),
    };
    let shown = |k: &str| mttr[k].as_f64().map(|m| Unit::Minutes.show(m));
    let mut tile = Tile::new("kpi-mttr", "MTTR", shown(main).unwrap_or_else(none_yet));
    tile.note = shown(other).map(|v| format!("{} {v}", main_word(other)));
    tile.label = format!("MTTR ({})", main_word(main));
    tile.target = target.and_then(|(_, t)| judged(t, Unit::Minutes));
    out.push(tile);

    let overall = totals["sla_compliance"]["overall"]["compliance"].as_f64();
    let mut sla = Tile::new(
        "kpi-sla",
        "SLA compliance",
        overall.map_or_else(none_yet, |c| Unit::Share.show(c)),
    );
    sla.target = target_of(by_tier, "sla_compliance").and_then(|(_, t)| judged(t, Unit::Share));
    out.push(sla);

    let rate = by_category["totals"]["escalation_rate"]["rate"].as_f64();
    let mut tile = Tile::new(
        "kpi-rate",
        "Escalation rate",
        rate.map_or_else(none_yet, |r| Unit::Share.show(r)),
    );
    tile.target =
        target_of(by_category, "escalation_rate").and_then(|(_, t)| judged(t, Unit::Share));
    out.push(tile);
    out
}

fn main_word(field: &str) -> &'static str {
    if field == "median_minutes" {
        "median"
    } else {
        "mean"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn tier_answer(targets: Value) -> Value {
        json!({
            "rows": [
                {"group": {"escalation_tier": 1}, "metrics": {"mttr_escalations": {"unresolved": 2}}},
                {"group": {"escalation_tier": 3}, "metrics": {"mttr_escalations": {"unresolved": 5}}},
            ],
            "totals": {
                "escalation_count": 1200,
                "mttr_escalations": {"mean_minutes": 3091.2, "median_minutes": 200.0, "unresolved": 7},
                "sla_compliance": {"overall": {"compliance": 0.3367}},
                "stalled_count": 2,
            },
            "targets": targets,
        })
    }

    fn find<'a>(tiles: &'a [Tile], id: &str) -> &'a Tile {
        tiles.iter().find(|t| t.id == id).unwrap()
    }

    #[test]
    fn open_escalations_are_counted_per_tier_from_the_unresolved() {
        let risk = RiskCounts {
            at_risk: 3,
            breached: 1,
        };
        let t = tiles(&tier_answer(json!({})), &json!({}), risk);
        let open: Vec<&str> = (1..=4)
            .map(|i| find(&t, &format!("kpi-open-tier{i}")).value.as_str())
            .collect();
        assert_eq!(open, ["2", "0", "5", "0"]);
        assert_eq!(find(&t, "kpi-total").value, "1,200");
        assert_eq!(find(&t, "kpi-at-risk").value, "3");
        assert_eq!(find(&t, "kpi-breached").value, "1");
        assert_eq!(find(&t, "kpi-stalled").value, "2");
        assert_eq!(find(&t, "kpi-sla").value, "33.7 %");
        assert_eq!(
            find(&t, "kpi-rate").value,
            "–",
            "no rate without triage volume"
        );
        assert!(
            t.iter().all(|t| t.target.is_none()),
            "no targets configured"
        );
    }

    #[test]
    fn mttr_shows_the_figure_its_target_judges() {
        let mean = json!({"mttr_escalations": {"target": {"at_most": 2880.0}, "met": false},
                          "sla_compliance": {"target": {"at_least": 0.9}, "met": false}});
        let t = tiles(&tier_answer(mean), &json!({}), RiskCounts::default());
        let mttr = find(&t, "kpi-mttr");
        assert_eq!(
            (mttr.label.as_str(), mttr.value.as_str()),
            ("MTTR (mean)", "2 d 3 h")
        );
        assert_eq!(mttr.note.as_deref(), Some("median 3 h 20 m"));
        let target = mttr.target.as_ref().unwrap();
        assert_eq!(
            (target.text.as_str(), target.met),
            ("target ≤ 2 d 0 h", Some(false))
        );
        assert_eq!(
            find(&t, "kpi-sla").target.as_ref().unwrap().text,
            "target ≥ 90 %"
        );

        let median = json!({"mttr_escalations.median_minutes":
                            {"target": {"at_most": 240.0}, "met": true}});
        let t = tiles(&tier_answer(median), &json!({}), RiskCounts::default());
        let mttr = find(&t, "kpi-mttr");
        assert_eq!(mttr.value, "3 h 20 m");
        assert_eq!(mttr.target.as_ref().unwrap().met, Some(true));
    }

    #[test]
    fn a_target_for_a_similar_name_is_not_taken() {
        let other = json!({"stalled_count_x": {"target": {"at_most": 1.0}, "met": true}});
        let t = tiles(&tier_answer(other), &json!({}), RiskCounts::default());
        assert!(find(&t, "kpi-stalled").target.is_none());
    }
}
