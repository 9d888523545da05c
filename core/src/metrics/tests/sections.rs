//! The sections beside the rows: volume trend, causes Pareto, targets.

use super::*;

#[test]
fn volume_trend_fills_empty_periods_and_reports_change() {
    let w = three();
    let r = run(
        &w,
        json!({"date_range": {"start": "2025-01-10", "end": "2025-01-13"},
               "metrics": ["volume_trend"], "trend_interval": "day"}),
        None,
    );
    let p = r["trend"]["points"].as_array().unwrap();
    let counts: Vec<u64> = p.iter().map(|x| x["count"].as_u64().unwrap()).collect();
    assert_eq!(counts, [1, 1, 1, 0]);
    assert_eq!(p[0]["change"], Value::Null);
    assert_eq!(p[3]["change"], -1);
    assert_eq!(p[3]["change_ratio"], -1.0);
    let r = run(&w, json!({"metrics": ["volume_trend"]}), None);
    let weeks = r["trend"]["points"].as_array().unwrap();
    assert_eq!(weeks.len(), 1, "{r}");
    assert_eq!(weeks[0]["period"], "2025-W02");
    assert_eq!(weeks[0]["count"], 3);
    assert_eq!(weeks[0]["partial"], false);
}

#[test]
fn top_causes_is_a_pareto_with_cumulative_share() {
    let cause = |id: &str, c: &str| {
        esc(id, "2025-01-10T10:00:00Z", 1, None, "smb")
            .note(5, &format!("ROOT CAUSE: {c}\nmore detail"))
            .done()
    };
    let w = ws(vec![
        cause("A", "leak"),
        cause("B", "leak"),
        cause("C", "leak"),
        cause("D", "cert"),
        cause("E", "dns"),
        esc("F", "2025-01-10T10:00:00Z", 1, None, "smb").done(),
    ]);
    let r = run(
        &w,
        json!({"metrics": ["top_causes"], "dimensions": ["root_cause"]}),
        None,
    );
    let c = &r["causes"];
    assert_eq!(c["unattributed"], 1);
    assert_eq!(
        c["items"][0],
        json!({"cause": "leak", "count": 3, "share": 0.6,
        "cumulative_share": 0.6, "vital_few": true})
    );
    assert_eq!(c["items"][1]["cause"], "cert");
    assert_eq!(c["items"][1]["cumulative_share"], 0.8);
    assert_eq!(c["items"][2]["vital_few"], false);
    assert_eq!(r["rows"][0]["group"]["root_cause"], "cert");
}

#[test]
fn targets_report_met_missed_and_delta_per_row_and_total() {
    let mut w = three();
    w.config.metric_targets = vec![
        MetricTarget {
            metric: "mttr_escalations".into(),
            at_most: Some(100.0),
            at_least: None,
        },
        MetricTarget {
            metric: "mttr_escalations.median_minutes".into(),
            at_most: Some(200.0),
            at_least: None,
        },
        MetricTarget {
            metric: "stalled_count".into(),
            at_most: Some(0.0),
            at_least: None,
        },
    ];
    let r = run(
        &w,
        json!({"dimensions": ["escalation_tier"], "metrics": ["mttr_escalations"]}),
        None,
    );
    let total = &r["targets"];
    assert_eq!(
        total["mttr_escalations"],
        json!({"target": {"at_most": 100.0},
        "actual": 180.0, "met": false, "delta": 80.0})
    );
    assert_eq!(total["mttr_escalations.median_minutes"]["met"], true);
    // Not requested, so not judged.
    assert!(total.get("stalled_count").is_none());
    assert_eq!(r["rows"][0]["targets"]["mttr_escalations"]["met"], true);
}
