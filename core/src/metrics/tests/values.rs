//! Per-row metric values: counts, durations, rates, SLA outcomes, re-escalations, stalls.

use super::*;

#[test]
fn counts_group_by_tier_and_category_with_missing_as_null() {
    let r = run(
        &three(),
        json!({"dimensions": ["escalation_tier", "issue_category"], "metrics": ["escalation_count"]}),
        None,
    );
    let rows = r["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 3, "{r}");
    assert_eq!(
        rows[0]["group"],
        json!({"escalation_tier": 1, "issue_category": "bug"})
    );
    assert_eq!(rows[2]["group"]["issue_category"], Value::Null);
    assert_eq!(r["totals"]["escalation_count"], 3);
}

#[test]
fn mttr_and_mtta_are_mean_and_median_of_finished_ones() {
    let r = run(
        &three(),
        json!({"metrics": ["mttr_escalations", "mtta"]}),
        None,
    );
    let mttr = &r["totals"]["mttr_escalations"];
    assert_eq!(mttr["mean_minutes"], 180.0);
    assert_eq!(mttr["median_minutes"], 180.0);
    assert_eq!(mttr["resolved"], 2);
    assert_eq!(mttr["unresolved"], 1);
    let mtta = &r["totals"]["mtta"];
    assert_eq!(mtta["mean_minutes"], 165.0);
    assert_eq!(mtta["acknowledged"], 2);
    assert_eq!(mtta["unacknowledged"], 1);
}

#[test]
fn escalation_rate_divides_by_matching_triage_volume_pro_rata() {
    let mut w = three();
    let vol = |category: &str, tickets| TriageVolume {
        month: Some("2025-01".into()),
        date: None,
        category: Some(category.into()),
        segment: None,
        tickets,
    };
    w.config.triage_volume = vec![vol("bug", 310), vol("outage", 620)];
    let r = run(
        &w,
        json!({"dimensions": ["issue_category"], "metrics": ["escalation_rate"]}),
        None,
    );
    let bug = &r["rows"][0]["metrics"]["escalation_rate"];
    assert_eq!(bug["triaged"], 310.0);
    assert_eq!(bug["rate"], 0.0065);
    // No entry speaks about a missing category.
    assert_eq!(
        r["rows"][1]["metrics"]["escalation_rate"]["rate"],
        Value::Null
    );
    // The totals count every category; 10 days of a 31-day month count 10/31 of it.
    let r = run(
        &w,
        json!({"date_range": {"start": "2025-01-10", "end": "2025-01-19"},
               "metrics": ["escalation_rate"]}),
        None,
    );
    assert_eq!(r["totals"]["escalation_rate"]["triaged"], 300.0);
    assert_eq!(r["totals"]["escalation_rate"]["rate"], 0.01);
}

#[test]
fn escalation_rate_is_null_without_volume_and_never_above_one() {
    let mut w = three();
    let r = run(&w, json!({"metrics": ["escalation_rate"]}), None);
    assert_eq!(r["totals"]["escalation_rate"]["rate"], Value::Null);
    w.config.triage_volume = vec![TriageVolume {
        month: None,
        date: Some("2025-01-10".into()),
        category: None,
        segment: None,
        tickets: 1,
    }];
    let r = run(&w, json!({"metrics": ["escalation_rate"]}), None);
    assert_eq!(r["totals"]["escalation_rate"]["rate"], 1.0);
    assert_eq!(r["totals"]["escalation_rate"]["triaged"], 3.0);
}

#[test]
fn sla_compliance_and_breaches_per_clock_kind() {
    // Tier 1 first response is due after 240 minutes.
    let w = three();
    let r = run(
        &w,
        json!({"dimensions": ["escalation_tier"], "metrics": ["sla_compliance", "breach_count"]}),
        Some("2025-01-12T11:00:00Z"),
    );
    let tier1 = &r["rows"][0]["metrics"];
    assert_eq!(tier1["sla_compliance"]["first_response"]["met"], 1, "{r}");
    assert_eq!(tier1["sla_compliance"]["first_response"]["compliance"], 1.0);
    let fr = &r["totals"]["sla_compliance"]["first_response"];
    assert_eq!(
        fr["met"].as_u64().unwrap()
            + fr["breached"].as_u64().unwrap()
            + fr["open"].as_u64().unwrap(),
        3
    );
    let breaches = &r["totals"]["breach_count"];
    assert_eq!(
        breaches["total"],
        breaches["first_response"].as_u64().unwrap()
            + breaches["next_update"].as_u64().unwrap()
            + breaches["resolution"].as_u64().unwrap()
    );
}

#[test]
fn re_escalation_counts_tier_raises_and_reopens() {
    let w = ws(vec![
        esc("A", "2025-01-10T10:00:00Z", 1, None, "smb")
            .tier(10, 2)
            .done(),
        esc("B", "2025-01-10T10:00:00Z", 3, None, "smb")
            .tier(10, 2)
            .done(),
        esc("C", "2025-01-10T10:00:00Z", 1, None, "smb")
            .status(10, Status::Resolved)
            .status(20, Status::InProgress)
            .done(),
    ]);
    let r = run(
        &w,
        json!({"dimensions": ["escalation_tier"], "metrics": ["re_escalation_count"]}),
        None,
    );
    assert_eq!(r["totals"]["re_escalation_count"], 2);
    // A lowered escalation is grouped by the highest tier it reached.
    assert_eq!(r["rows"][1]["group"]["escalation_tier"], 2);
    assert_eq!(r["rows"][2]["group"]["escalation_tier"], 3);
}

#[test]
fn stalled_means_silent_longer_than_the_tier_update_target() {
    // Tier 3 expects an update every 240 minutes, tier 1 every 1440.
    let w = ws(vec![
        esc("A", "2025-01-10T10:00:00Z", 3, None, "smb")
            .note(60, "checked logs")
            .done(),
        esc("B", "2025-01-10T10:00:00Z", 1, None, "smb")
            .note(60, "checked logs")
            .done(),
        esc("C", "2025-01-10T10:00:00Z", 3, None, "smb")
            .status(60, Status::Resolved)
            .done(),
    ]);
    let r = run(
        &w,
        json!({"metrics": ["stalled_count"]}),
        Some("2025-01-10T16:00:00Z"),
    );
    assert_eq!(r["totals"]["stalled_count"], 1);
    // B (tier 1, last update 11:00) turns stalled once 1440 minutes have passed.
    let book = crate::sla::ClockBook::new(&w.config);
    let mut rules = crate::metrics::stalled::SilenceRules::new(&book);
    let mut stalled_at =
        |at| crate::metrics::stalled::is_stalled(&mut rules, &w.escalations[1], 1, false, t(at));
    assert!(!stalled_at("2025-01-11T11:00:00Z").unwrap());
    assert!(stalled_at("2025-01-11T11:00:01Z").unwrap());
}

#[test]
fn facts_agree_with_the_state_fold_on_the_demo() {
    let demo = crate::demo::demo_workspace();
    for e in &demo.escalations {
        let f = crate::metrics::facts::read(e).unwrap();
        let s = crate::state::fold(e);
        assert_eq!(Some(f.opened_at), s.opened_at, "{}", e.id);
        assert_eq!(f.acknowledged_at, s.acknowledged_at, "{}", e.id);
        assert_eq!(f.resolved_at, s.resolved_at, "{}", e.id);
        assert_eq!(f.peak_tier, s.peak_tier, "{}", e.id);
        assert_eq!(f.tier, s.tier, "{}", e.id);
        assert_eq!(f.owner, s.owner.as_deref(), "{}", e.id);
        assert_eq!(f.done, s.status.is_done(), "{}", e.id);
    }
}

#[test]
fn segments_and_severities_sort_by_their_scale() {
    let r = run(
        &three(),
        json!({"dimensions": ["customer_segment"], "metrics": ["escalation_count"]}),
        None,
    );
    assert_eq!(r["rows"][0]["group"]["customer_segment"], "smb");
    assert_eq!(r["rows"][1]["group"]["customer_segment"], "enterprise");
    assert_eq!(r["rows"][1]["metrics"]["escalation_count"], 2);
}
