//! The Metrics page as plain data: the `calculate-metrics` request its pickers send, the
//! table read from the answer, the CSV export and the bar charts' geometry. Kept apart from
//! the DOM so it is tested natively (like `triage` and `detail`).

mod chart;
mod csv;
mod table;

pub use chart::{
    bars, bars_scaled, cumulative_line, fit_label, grouped_bars, hbars, ticks, Bar, GroupBar, Plot,
};
pub use csv::{csv_field, to_csv};
pub use table::{headline, table, Table};

use serde_json::{json, Value};

/// The dimensions the pickers offer, in the README's order.
pub const DIMENSIONS: [&str; 9] = [
    "escalation_tier",
    "issue_category",
    "customer_segment",
    "owner",
    "severity",
    "root_cause",
    "day",
    "week",
    "month",
];

/// The row metrics the pickers offer (the trend and the Pareto are always asked for, for
/// the charts).
pub const METRICS: [&str; 8] = [
    "escalation_count",
    "escalation_rate",
    "mttr_escalations",
    "mtta",
    "sla_compliance",
    "breach_count",
    "re_escalation_count",
    "stalled_count",
];

/// The section metrics the charts read; never a table column.
pub const CHART_METRICS: [&str; 2] = ["volume_trend", "top_causes"];

/// What the pickers hold.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricsDraft {
    pub start: String,
    pub end: String,
    pub dimensions: Vec<String>,
    pub metrics: Vec<String>,
    /// `day` or `week`.
    pub trend_interval: String,
}

impl Default for MetricsDraft {
    /// The quarter the demo data covers, by tier, with the headline figures.
    fn default() -> Self {
        Self {
            start: "2025-01-01".into(),
            end: "2025-03-31".into(),
            dimensions: vec!["escalation_tier".into()],
            metrics: vec![
                "escalation_count".into(),
                "escalation_rate".into(),
                "mttr_escalations".into(),
            ],
            trend_interval: "week".into(),
        }
    }
}

impl MetricsDraft {
    /// Adds or removes `name` from a picker's list, keeping the pickers' order so the
    /// columns do not jump around as boxes are ticked.
    pub fn toggle(list: &mut Vec<String>, order: &[&str], name: &str, on: bool) {
        list.retain(|n| n != name);
        if on {
            list.push(name.to_string());
        }
        escalon::sort::sort_by_key(list, |n| {
            order.iter().position(|o| o == n).unwrap_or(usize::MAX)
        });
    }

    /// The door request; an empty date leaves that end open. `now` judges SLA clocks and
    /// stalled escalations.
    pub fn request(&self, now: &str) -> Value {
        let mut range = serde_json::Map::new();
        for (key, v) in [("start", &self.start), ("end", &self.end)] {
            if !v.trim().is_empty() {
                range.insert(key.into(), json!(v.trim()));
            }
        }
        let mut metrics = self.metrics.clone();
        metrics.extend(CHART_METRICS.iter().map(|m| m.to_string()));
        json!({
            "action": "calculate-metrics",
            "now": now,
            "parameters": {
                "date_range": range,
                "dimensions": self.dimensions,
                "metrics": metrics,
                "trend_interval": self.trend_interval,
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detail::testing::run;

    #[test]
    fn toggling_keeps_picker_order_and_no_duplicates() {
        let mut l = vec!["month".to_string()];
        MetricsDraft::toggle(&mut l, &DIMENSIONS, "escalation_tier", true);
        MetricsDraft::toggle(&mut l, &DIMENSIONS, "escalation_tier", true);
        assert_eq!(l, ["escalation_tier", "month"]);
        MetricsDraft::toggle(&mut l, &DIMENSIONS, "month", false);
        assert_eq!(l, ["escalation_tier"]);
    }

    #[test]
    fn every_picker_combination_the_page_offers_is_accepted() {
        let ws = escalon::demo::demo_workspace();
        let draft = MetricsDraft {
            dimensions: DIMENSIONS.iter().map(|s| s.to_string()).collect(),
            metrics: METRICS.iter().map(|s| s.to_string()).collect(),
            ..MetricsDraft::default()
        };
        let r = run(&ws, &draft.request("2025-04-01T00:00:00Z"));
        assert_eq!(r["ok"], true, "{r}");
        assert!(r["result"]["trend"]["points"].is_array());
        assert!(r["result"]["causes"]["items"].is_array());
    }

    #[test]
    fn an_inverted_range_is_named_by_the_door() {
        let ws = escalon::demo::demo_workspace();
        let draft = MetricsDraft {
            start: "2025-03-31".into(),
            end: "2025-01-01".into(),
            ..MetricsDraft::default()
        };
        let r = run(&ws, &draft.request("2025-04-01T00:00:00Z"));
        let line = crate::detail::error_line(&r).unwrap();
        assert!(line.starts_with("parameters.date_range.end: "), "{line}");
    }

    #[test]
    fn an_empty_date_leaves_that_end_open() {
        let draft = MetricsDraft {
            start: " ".into(),
            ..MetricsDraft::default()
        };
        let req = draft.request("2025-04-01T00:00:00Z");
        assert_eq!(
            req["parameters"]["date_range"],
            json!({"end": "2025-03-31"})
        );
    }
}
