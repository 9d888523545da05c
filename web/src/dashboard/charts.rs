//! The dashboard's charts as plain data read from the `calculate-metrics` answers: what to
//! draw, on which scale, the target line, and the same figures as a table and a sentence
//! for screen readers (the SVG is an image to them).

use serde_json::Value;

use super::format;
use super::kpi::Unit;

/// Weeks the volume chart shows: half a year reads at a glance; older weeks stay on the
/// Metrics page.
pub const TREND_WEEKS: usize = 26;
/// Causes the Pareto shows; the long tail is in its table's total.
pub const PARETO_CAUSES: usize = 12;

pub const CLOCKS: [(&str, &str); 3] = [
    ("first_response", "First response"),
    ("next_update", "Next update"),
    ("resolution", "Resolution"),
];

#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// Vertical bars; `cumulative` (0..=1 per bar) adds the Pareto's line.
    Bars {
        points: Vec<(String, f64)>,
        cumulative: Option<Vec<f64>>,
    },
    /// One bar per series in each category (`values[category][series]`).
    Grouped {
        labels: Vec<String>,
        series: Vec<String>,
        values: Vec<Vec<Option<f64>>>,
    },
    /// Horizontal bars for long category names.
    Horizontal { points: Vec<(String, f64)> },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// The SVG's id, e.g. `dash-volume`.
    pub id: &'static str,
    pub title: String,
    pub unit: Unit,
    pub shape: Shape,
    /// The top of the scale; `None` scales to the largest value.
    pub scale: Option<f64>,
    /// A configured target drawn as a line.
    pub target: Option<f64>,
    /// The headline in words, shown as the caption.
    pub summary: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Chart {
    pub fn is_empty(&self) -> bool {
        match &self.shape {
            Shape::Bars { points, .. } | Shape::Horizontal { points } => points.is_empty(),
            Shape::Grouped { labels, .. } => labels.is_empty(),
        }
    }
}

fn rows(answer: &Value) -> impl Iterator<Item = &Value> {
    answer["rows"].as_array().into_iter().flatten()
}

fn tier_label(row: &Value) -> String {
    match row["group"]["escalation_tier"].as_u64() {
        Some(t) => format!("Tier {t}"),
        None => "No tier".into(),
    }
}

/// The bound of the answer's target for `metric` (as written, without a field).
fn bound(answer: &Value, metric: &str) -> Option<f64> {
    let t = &answer["targets"][metric]["target"];
    t["at_most"].as_f64().or_else(|| t["at_least"].as_f64())
}

/// Escalations started per week, the latest weeks, and the change against the week before.
pub fn volume(by_tier: &Value) -> Chart {
    let all = by_tier["trend"]["points"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let shown = &all[all.len().saturating_sub(TREND_WEEKS)..];
    let count = |p: &Value| p["count"].as_u64().unwrap_or(0);
    let points = shown
        .iter()
        .map(|p| {
            (
                p["period"].as_str().unwrap_or_default().to_string(),
                count(p) as f64,
            )
        })
        .collect();
    let change = |p: &Value| match p["change"].as_i64() {
        Some(d) => format::change(d, p["change_ratio"].as_f64()),
        None => "–".into(),
    };
    let summary = match shown.last() {
        None => "No escalations yet.".into(),
        Some(p) => format!(
            "Week {}: {} escalations, {} against the week before.",
            p["period"].as_str().unwrap_or_default(),
            format::count(count(p)),
            change(p)
        ),
    };
    Chart {
        id: "dash-volume",
        title: format!("Escalations per week, last {} weeks", shown.len()),
        unit: Unit::Count,
        shape: Shape::Bars {
            points,
            cumulative: None,
        },
        scale: None,
        target: None,
        summary,
        headers: vec!["Week".into(), "Escalations".into(), "Change".into()],
        rows: shown
            .iter()
            .map(|p| {
                vec![
                    p["period"].as_str().unwrap_or_default().to_string(),
                    format::count(count(p)),
                    change(p),
                ]
            })
            .collect(),
    }
}

/// Mean time to resolve per tier (resolved escalations only), with the MTTR target.
pub fn mttr_by_tier(by_tier: &Value) -> Chart {
    let mut points = Vec::new();
    let mut table = Vec::new();
    for row in rows(by_tier) {
        let m = &row["metrics"]["mttr_escalations"];
        let minutes = |k: &str| m[k].as_f64().map_or("–".into(), format::minutes);
        if let Some(mean) = m["mean_minutes"].as_f64() {
            points.push((tier_label(row), mean));
        }
        table.push(vec![
            tier_label(row),
            minutes("mean_minutes"),
            minutes("median_minutes"),
            format::count(m["resolved"].as_u64().unwrap_or(0)),
        ]);
    }
    let slowest = points.iter().max_by(|a, b| a.1.total_cmp(&b.1)).map_or(
        "Nothing resolved yet.".into(),
        |(t, m)| {
            format!(
                "Slowest to resolve: {t}, {} on average.",
                format::minutes(*m)
            )
        },
    );
    Chart {
        id: "dash-mttr",
        title: "Mean time to resolve by tier".into(),
        unit: Unit::Minutes,
        shape: Shape::Bars {
            points,
            cumulative: None,
        },
        scale: None,
        target: bound(by_tier, "mttr_escalations"),
        summary: slowest,
        headers: ["Tier", "Mean", "Median", "Resolved"]
            .map(String::from)
            .to_vec(),
        rows: table,
    }
}

/// Share of decided clocks met, per tier and clock kind, against 100 %.
pub fn compliance_by_tier(by_tier: &Value) -> Chart {
    let mut labels = Vec::new();
    let mut values = Vec::new();
    let mut table = Vec::new();
    for row in rows(by_tier) {
        let sla = &row["metrics"]["sla_compliance"];
        labels.push(tier_label(row));
        values.push(
            CLOCKS
                .iter()
                .map(|(k, _)| sla[k]["compliance"].as_f64())
                .collect(),
        );
        let mut line = vec![tier_label(row)];
        line.extend(CLOCKS.iter().map(|(k, _)| {
            let c = &sla[k];
            let (met, breached) = (
                c["met"].as_u64().unwrap_or(0),
                c["breached"].as_u64().unwrap_or(0),
            );
            match c["compliance"].as_f64() {
                Some(share) => format!("{} ({met} of {})", format::percent(share), met + breached),
                None => "none decided".into(),
            }
        }));
        table.push(line);
    }
    let overall = by_tier["totals"]["sla_compliance"]["overall"]["compliance"].as_f64();
    let mut headers = vec!["Tier".to_string()];
    headers.extend(CLOCKS.iter().map(|(_, name)| name.to_string()));
    Chart {
        id: "dash-sla",
        title: "SLA compliance by tier and clock".into(),
        unit: Unit::Share,
        shape: Shape::Grouped {
            labels,
            series: CLOCKS.iter().map(|(_, name)| name.to_string()).collect(),
            values,
        },
        scale: Some(1.0),
        target: bound(by_tier, "sla_compliance"),
        summary: overall.map_or("No clock decided yet.".into(), |c| {
            format!("{} of decided clocks met overall.", format::percent(c))
        }),
        headers,
        rows: table,
    }
}

/// Escalated / triaged tickets per category, highest first; categories without triage
/// volume have no rate and are left out of the bars (the table says so).
pub fn rate_by_category(by_category: &Value) -> Chart {
    let mut found: Vec<(String, Option<f64>, u64, Option<f64>)> = rows(by_category)
        .map(|row| {
            let r = &row["metrics"]["escalation_rate"];
            (
                row["group"]["issue_category"]
                    .as_str()
                    .unwrap_or("(none)")
                    .to_string(),
                r["rate"].as_f64(),
                r["escalated"].as_u64().unwrap_or(0),
                r["triaged"].as_f64(),
            )
        })
        .collect();
    escalon::sort::sort_by(&mut found, |a, b| {
        b.1.unwrap_or(-1.0).total_cmp(&a.1.unwrap_or(-1.0))
    });
    let points: Vec<(String, f64)> = found
        .iter()
        .filter_map(|(c, r, _, _)| r.map(|r| (c.clone(), r)))
        .collect();
    let target = bound(by_category, "escalation_rate");
    let top = points.iter().map(|p| p.1).fold(0.0, f64::max);
    let summary = points
        .first()
        .map_or("No triage volume recorded.".into(), |(c, r)| {
            format!("Highest escalation rate: {c}, {}.", format::percent(*r))
        });
    Chart {
        id: "dash-rate",
        title: "Escalation rate by category".into(),
        unit: Unit::Share,
        shape: Shape::Horizontal { points },
        // Room for the target line when every category is below it.
        scale: Some(top.max(target.unwrap_or(0.0))).filter(|s| *s > 0.0),
        target,
        summary,
        headers: ["Category", "Rate", "Escalated", "Triaged"]
            .map(String::from)
            .to_vec(),
        rows: found
            .iter()
            .map(|(c, r, e, t)| {
                vec![
                    c.clone(),
                    r.map_or("no triage volume".into(), format::percent),
                    format::count(*e),
                    t.map_or("–".into(), |t| format::count(t.round() as u64)),
                ]
            })
            .collect(),
    }
}

/// Root causes, largest first, with the cumulative share as a line (the Pareto).
pub fn causes(by_tier: &Value) -> Chart {
    let c = &by_tier["causes"];
    let items: Vec<&Value> = c["items"].as_array().into_iter().flatten().collect();
    let shown = &items[..items.len().min(PARETO_CAUSES)];
    let name = |i: &Value| i["cause"].as_str().unwrap_or_default().to_string();
    let n = |i: &Value| i["count"].as_u64().unwrap_or(0);
    let vital: Vec<&&Value> = items.iter().filter(|i| i["vital_few"] == true).collect();
    let summary = if items.is_empty() {
        "No root cause recorded yet.".into()
    } else {
        format!(
            "{} of {} causes account for {} of {} escalations with a recorded cause; {} without one.",
            vital.len(),
            items.len(),
            vital.last().map_or("0 %".into(), |i| format::percent(i["cumulative_share"].as_f64().unwrap_or(0.0))),
            format::count(c["attributed"].as_u64().unwrap_or(0)),
            format::count(c["unattributed"].as_u64().unwrap_or(0)),
        )
    };
    Chart {
        id: "dash-causes",
        title: "Root causes (Pareto)".into(),
        unit: Unit::Count,
        shape: Shape::Bars {
            points: shown.iter().map(|i| (name(i), n(i) as f64)).collect(),
            cumulative: Some(
                shown
                    .iter()
                    .map(|i| i["cumulative_share"].as_f64().unwrap_or(0.0))
                    .collect(),
            ),
        },
        scale: None,
        target: None,
        summary,
        headers: ["Cause", "Escalations", "Share", "Cumulative"]
            .map(String::from)
            .to_vec(),
        rows: items
            .iter()
            .map(|i| {
                let share = |k: &str| format::percent(i[k].as_f64().unwrap_or(0.0));
                vec![
                    name(i),
                    format::count(n(i)),
                    share("share"),
                    share("cumulative_share"),
                ]
            })
            .collect(),
    }
}

/// Every chart, in the page's order.
pub fn all(by_tier: &Value, by_category: &Value) -> Vec<Chart> {
    vec![
        volume(by_tier),
        mttr_by_tier(by_tier),
        compliance_by_tier(by_tier),
        rate_by_category(by_category),
        causes(by_tier),
    ]
}
