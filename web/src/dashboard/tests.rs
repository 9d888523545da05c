//! The dashboard end to end against the demo workspace through the real door, and the
//! chart shaping on hand-written answers.

use jiff::Timestamp;
use serde_json::{json, Value};

use super::*;
use crate::detail::testing::run;

/// The day after the demo's last escalation (the e2e test pins the browser clock here).
const DEMO_NOW: &str = "2025-04-01T09:00:00Z";

fn demo_snapshot() -> (Snapshot, Vec<OpenEscalation>) {
    let ws = escalon::demo::demo_workspace();
    let open = open_escalations(&ws);
    let now: Timestamp = DEMO_NOW.parse().unwrap();
    let snap = snapshot(&open, now, |r| run(&ws, r)).unwrap();
    (snap, open)
}

fn tile<'a>(s: &'a Snapshot, id: &str) -> &'a str {
    &s.tiles.iter().find(|t| t.id == id).unwrap().value
}

#[test]
fn the_demo_tiles_agree_with_the_folded_logs() {
    let (snap, open) = demo_snapshot();
    assert_eq!(tile(&snap, "kpi-total"), "200");
    let by_tier: usize = (1..=4)
        .map(|i| {
            tile(&snap, &format!("kpi-open-tier{i}"))
                .parse::<usize>()
                .unwrap()
        })
        .sum();
    assert!(!open.is_empty());
    assert_eq!(
        by_tier,
        open.len(),
        "open per tier adds up to the open escalations"
    );
    assert_eq!(snap.calls, 2 + open.len());
    let listed: usize = ["kpi-at-risk", "kpi-breached"]
        .iter()
        .map(|id| tile(&snap, id).parse::<usize>().unwrap())
        .sum();
    assert_eq!(listed, snap.at_risk.len());
    // The default targets judge MTTR and SLA compliance.
    let mttr = snap.tiles.iter().find(|t| t.id == "kpi-mttr").unwrap();
    assert!(mttr.target.as_ref().is_some_and(|t| t.met.is_some()));
}

#[test]
fn the_demo_at_risk_list_holds_open_escalations_most_urgent_first() {
    let (snap, open) = demo_snapshot();
    assert!(
        !snap.at_risk.is_empty(),
        "the demo has overdue work on 1 April"
    );
    assert!(snap
        .at_risk
        .iter()
        .all(|r| open.iter().any(|o| o.id == r.id)));
    assert!(snap
        .at_risk
        .windows(2)
        .all(|w| (w[0].risk, w[0].seconds_left) <= (w[1].risk, w[1].seconds_left)));
    assert!(snap
        .at_risk
        .iter()
        .all(|r| (r.risk == Risk::Breached) == (r.seconds_left <= 0)));
}

#[test]
fn every_demo_chart_has_data_and_a_summary_table() {
    let (snap, _) = demo_snapshot();
    let ids: Vec<&str> = snap.charts.iter().map(|c| c.id).collect();
    assert_eq!(
        ids,
        [
            "dash-volume",
            "dash-mttr",
            "dash-sla",
            "dash-rate",
            "dash-causes"
        ]
    );
    for c in &snap.charts {
        assert!(!c.is_empty(), "{} is empty", c.id);
        assert!(!c.rows.is_empty() && c.rows.iter().all(|r| r.len() == c.headers.len()));
        assert!(!c.summary.is_empty());
    }
}

#[test]
fn a_refused_request_is_the_doors_error_with_its_path() {
    let mut ws = escalon::demo::demo_workspace();
    ws.config.metric_targets[0].metric = "no_such_metric".into();
    let err = snapshot(&[], DEMO_NOW.parse().unwrap(), |r| run(&ws, r)).unwrap_err();
    assert!(
        err.starts_with("config.metric_targets[0].metric: "),
        "{err}"
    );
}

fn points(chart: &Chart) -> Vec<(String, f64)> {
    match &chart.shape {
        Shape::Bars { points, .. } | Shape::Horizontal { points } => points.clone(),
        Shape::Grouped { .. } => panic!("grouped"),
    }
}

#[test]
fn the_volume_chart_shows_the_latest_weeks_and_the_last_change() {
    let weeks: Vec<Value> = (1..=30)
        .map(|w| json!({"period": format!("2025-W{w:02}"), "count": w, "change": 1, "change_ratio": 1.0 / (w as f64 - 1.0)}))
        .collect();
    let c = charts::volume(&json!({"trend": {"points": weeks}}));
    let p = points(&c);
    assert_eq!(p.len(), charts::TREND_WEEKS);
    assert_eq!(p.last().unwrap(), &("2025-W30".to_string(), 30.0));
    assert_eq!(
        c.summary,
        "Week 2025-W30: 30 escalations, +1 (+3.4 %) against the week before."
    );
    assert_eq!(charts::volume(&json!({})).summary, "No escalations yet.");
}

#[test]
fn rates_sort_highest_first_and_categories_without_volume_stay_in_the_table() {
    let answer = json!({
        "rows": [
            {"group": {"issue_category": "billing"}, "metrics": {"escalation_rate": {"rate": 0.03, "escalated": 3, "triaged": 100.0}}},
            {"group": {"issue_category": "legal"}, "metrics": {"escalation_rate": {"rate": null, "escalated": 2, "triaged": null}}},
            {"group": {"issue_category": "outage"}, "metrics": {"escalation_rate": {"rate": 0.05, "escalated": 5, "triaged": 100.0}}},
        ],
        "targets": {"escalation_rate": {"target": {"at_most": 0.1}}},
    });
    let c = charts::rate_by_category(&answer);
    let names: Vec<String> = points(&c).into_iter().map(|p| p.0).collect();
    assert_eq!(names, ["outage", "billing"]);
    assert_eq!(c.rows[2], ["legal", "no triage volume", "2", "–"]);
    assert_eq!(
        (c.target, c.scale),
        (Some(0.1), Some(0.1)),
        "the target line fits"
    );
}

#[test]
fn compliance_leaves_undecided_clocks_out_and_the_pareto_carries_its_line() {
    let by_tier = json!({
        "rows": [{"group": {"escalation_tier": 2}, "metrics": {"sla_compliance": {
            "first_response": {"met": 3, "breached": 1, "compliance": 0.75},
            "next_update": {"met": 0, "breached": 0, "compliance": null},
            "resolution": {"met": 1, "breached": 0, "compliance": 1.0}}}}],
        "causes": {"items": [
            {"cause": "bad_deployment", "count": 6, "share": 0.6, "cumulative_share": 0.6, "vital_few": true},
            {"cause": "memory_leak", "count": 4, "share": 0.4, "cumulative_share": 1.0, "vital_few": false}],
            "attributed": 10, "unattributed": 3},
    });
    let c = charts::compliance_by_tier(&by_tier);
    assert_eq!(
        c.shape,
        Shape::Grouped {
            labels: vec!["Tier 2".into()],
            series: vec![
                "First response".into(),
                "Next update".into(),
                "Resolution".into()
            ],
            values: vec![vec![Some(0.75), None, Some(1.0)]],
        }
    );
    assert_eq!(c.rows[0][1], "75 % (3 of 4)");
    assert_eq!(c.rows[0][2], "none decided");
    let p = charts::causes(&by_tier);
    match &p.shape {
        Shape::Bars { cumulative, .. } => assert_eq!(cumulative.as_deref(), Some(&[0.6, 1.0][..])),
        _ => panic!("bars"),
    }
    assert_eq!(
        p.summary,
        "1 of 2 causes account for 60 % of 10 escalations with a recorded cause; 3 without one."
    );
}
