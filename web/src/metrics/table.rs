//! The metrics table read from a `calculate-metrics` result: one row per group (its values,
//! then the metrics' headline numbers), then the totals.

use serde_json::Value;

use super::CHART_METRICS;

/// Cells as text, ready for the page and the CSV.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub totals: Vec<String>,
}

/// The number an object-valued metric is judged by (as the README's targets do): `rate`,
/// `mean_minutes`, `total`, or the `overall` compliance; plain numbers as they are. `None`
/// when there is no figure (no triage volume, nothing resolved).
pub fn headline(v: &Value) -> Option<f64> {
    if let Some(n) = v.as_f64() {
        return Some(n);
    }
    ["rate", "mean_minutes", "total"]
        .iter()
        .find_map(|k| v.get(*k))
        .or_else(|| v.get("overall").and_then(|o| o.get("compliance")))
        .and_then(Value::as_f64)
}

/// A figure as text: integers bare, fractions with at most four decimals, none as empty.
fn figure(v: &Value) -> String {
    match headline(v) {
        Some(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", n as i64),
        Some(n) => {
            let s = format!("{n:.4}");
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        }
        None => String::new(),
    }
}

/// A group's value as text; a missing value reads `(none)`.
fn group_value(v: &Value) -> String {
    match v {
        Value::Null => "(none)".into(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn names(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .filter(|n| !CHART_METRICS.contains(n))
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// The table of `result` (the `result` object of a successful answer). Without dimensions
/// the one group is labelled `all` under a `group` column, so the totals row has a label.
pub fn table(result: &Value) -> Table {
    let dims = names(&result["dimensions"]);
    let metrics = names(&result["metrics"]);
    let label_cols = if dims.is_empty() {
        vec!["group".to_string()]
    } else {
        dims.clone()
    };
    let header = label_cols.iter().chain(&metrics).cloned().collect();
    let metric_cells = |m: &Value| metrics.iter().map(|k| figure(&m[k])).collect::<Vec<_>>();
    let rows = result["rows"]
        .as_array()
        .map(|rows| {
            rows.iter()
                .map(|r| {
                    let mut cells: Vec<String> = if dims.is_empty() {
                        vec!["all".into()]
                    } else {
                        dims.iter().map(|d| group_value(&r["group"][d])).collect()
                    };
                    cells.extend(metric_cells(&r["metrics"]));
                    cells
                })
                .collect()
        })
        .unwrap_or_default();
    let mut totals = vec![String::new(); label_cols.len()];
    totals[0] = "Total".into();
    totals.extend(metric_cells(&result["totals"]));
    Table {
        header,
        rows,
        totals,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detail::testing::run;
    use crate::metrics::MetricsDraft;
    use serde_json::json;

    #[test]
    fn headlines_follow_the_targets_rule() {
        assert_eq!(headline(&json!(7)), Some(7.0));
        assert_eq!(headline(&json!({"rate": 0.05, "escalated": 3})), Some(0.05));
        assert_eq!(
            headline(&json!({"mean_minutes": 70.9, "median_minutes": 61})),
            Some(70.9)
        );
        assert_eq!(headline(&json!({"total": 4, "resolution": 1})), Some(4.0));
        assert_eq!(
            headline(&json!({"overall": {"compliance": 0.9}, "resolution": {"compliance": 1}})),
            Some(0.9)
        );
        assert_eq!(headline(&json!({"rate": null, "triaged": null})), None);
    }

    #[test]
    fn figures_are_short() {
        assert_eq!(figure(&json!(1471.0)), "1471");
        assert_eq!(figure(&json!(0.047_619)), "0.0476");
        assert_eq!(figure(&json!(70.9)), "70.9");
        assert_eq!(figure(&json!(null)), "");
    }

    #[test]
    fn the_demo_by_tier_adds_up_to_the_totals() {
        let ws = escalon::demo::demo_workspace();
        let r = run(
            &ws,
            &MetricsDraft::default().request("2025-04-01T00:00:00Z"),
        );
        let t = table(&r["result"]);
        assert_eq!(
            t.header,
            [
                "escalation_tier",
                "escalation_count",
                "escalation_rate",
                "mttr_escalations"
            ]
        );
        assert!(!t.rows.is_empty());
        let sum: i64 = t.rows.iter().map(|r| r[1].parse::<i64>().unwrap()).sum();
        assert_eq!(t.totals[0], "Total");
        assert_eq!(t.totals[1], sum.to_string());
        assert_eq!(sum, 200);
    }

    #[test]
    fn without_dimensions_one_row_is_labelled_all() {
        let ws = escalon::demo::demo_workspace();
        let draft = MetricsDraft {
            dimensions: vec![],
            metrics: vec!["escalation_count".into()],
            ..MetricsDraft::default()
        };
        let t = table(&run(&ws, &draft.request("2025-04-01T00:00:00Z"))["result"]);
        assert_eq!(t.header, ["group", "escalation_count"]);
        assert_eq!(t.rows, [["all", "200"]]);
        assert_eq!(t.totals, ["Total", "200"]);
    }
}
