//! Request handling: date ranges and time zones, `now`, and errors that name the field.

use super::*;

#[test]
fn range_is_inclusive_local_dates_of_the_workspace_zone() {
    let mut w = ws(vec![
        // 23:30 UTC on Jan 31 is already February 1 in Berlin.
        esc("A", "2025-01-31T23:30:00Z", 1, None, "smb").done(),
        esc("B", "2025-01-01T00:30:00Z", 1, None, "smb").done(),
    ]);
    let p = json!({"date_range": {"start": "2025-01-01", "end": "2025-01-31"}});
    assert_eq!(run(&w, p.clone(), None)["totals"]["escalation_count"], 2);
    w.config.timezone = "Europe/Berlin".into();
    assert_eq!(run(&w, p, None)["totals"]["escalation_count"], 1);
    let r = run(&w, json!({"dimensions": ["day", "week", "month"]}), None);
    assert_eq!(
        r["rows"][1]["group"],
        json!({"day": "2025-02-01", "week": "2025-W05", "month": "2025-02"})
    );
}

#[test]
fn now_is_needed_only_for_metrics_that_depend_on_it() {
    let w = three();
    for m in ["stalled_count", "sla_compliance", "breach_count"] {
        assert_eq!(
            err(&w, json!({"metrics": ["escalation_count", m]}), None),
            ("missing_field".into(), "now".into())
        );
    }
    run(
        &w,
        json!({"metrics": ["escalation_count", "top_causes", "volume_trend"]}),
        None,
    );
}

#[test]
fn bad_requests_name_the_field() {
    let w = three();
    let cases = [
        (
            json!({"dimensions": ["owner", "day", "week", "colour"]}),
            "out_of_range",
            "parameters.dimensions[3]",
        ),
        (
            json!({"metrics": ["escalation_count", "happiness"]}),
            "out_of_range",
            "parameters.metrics[1]",
        ),
        (
            json!({"metrics": ["mtta", "mtta"]}),
            "out_of_range",
            "parameters.metrics[1]",
        ),
        (
            json!({"dimensions": [3]}),
            "wrong_type",
            "parameters.dimensions[0]",
        ),
        (
            json!({"date_range": {"start": "2025-02-01", "end": "2025-01-01"}}),
            "out_of_range",
            "parameters.date_range.end",
        ),
        (
            json!({"date_range": {"start": "01/02/2025"}}),
            "wrong_type",
            "parameters.date_range.start",
        ),
        (
            json!({"date_range": {"from": "2025-01-01"}}),
            "unknown_field",
            "parameters.date_range.from",
        ),
        (
            json!({"dimension": ["owner"]}),
            "unknown_field",
            "parameters.dimension",
        ),
        (
            json!({"trend_interval": "year"}),
            "out_of_range",
            "parameters.trend_interval",
        ),
    ];
    for (p, code, path) in cases {
        assert_eq!(err(&w, p.clone(), None), (code.into(), path.into()), "{p}");
    }
}

#[test]
fn bad_config_names_its_entry() {
    let mut w = three();
    w.config.timezone = "Mars/Olympus".into();
    assert_eq!(err(&w, json!({}), None).1, "config.timezone");
    let mut w = three();
    w.config.triage_volume = vec![TriageVolume {
        month: Some("January".into()),
        date: None,
        category: None,
        segment: None,
        tickets: 5,
    }];
    assert_eq!(err(&w, json!({}), None).1, "config.triage_volume[0].month");
    let mut w = three();
    w.config.metric_targets = vec![MetricTarget {
        metric: "mtta".into(),
        at_most: Some(1.0),
        at_least: Some(2.0),
    }];
    assert_eq!(err(&w, json!({}), None).1, "config.metric_targets[0]");
}
