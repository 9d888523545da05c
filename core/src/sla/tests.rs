use jiff::Timestamp;
use serde_json::{json, Value};

use super::*;
use crate::error::ErrorCode;

fn ts(s: &str) -> Timestamp {
    s.parse().expect("test timestamp")
}

/// The inline example of issue 4, verbatim.
fn issue_example() -> Value {
    json!({"clock": {
        "start": "2025-03-28T16:30:00+01:00", "target_minutes": 240,
        "calendar": {"timezone": "Europe/Berlin",
                     "hours": {"mon": [["09:00", "17:00"]], "tue": [["09:00", "12:00"], ["13:00", "17:00"]],
                               "wed": [["22:00", "06:00"]], "thu": [], "fri": [["09:00", "17:00"]],
                               "sat": [], "sun": []},
                     "holidays": ["2025-04-18"]},
        "pauses": [{"from": "2025-03-31T09:30:00+02:00", "to": "2025-03-31T11:00:00+02:00"}]}})
}

#[test]
fn issue_inline_example() {
    // By hand: Fri 2025-03-28 16:30-17:00 CET = 30 min. Sat/Sun have no windows (Berlin
    // switches to CEST on Sunday, which changes nothing here). Mon 2025-03-31 09:00-09:30
    // CEST = 30 more (60), paused 09:30-11:00, then 180 still needed from 11:00: due 14:00.
    // At now = Mon 10:00 the clock is inside the pause: elapsed 60, remaining 180, paused.
    // 50% (120 min) is reached at 12:00 and 75% (180) at 13:00, but the first change of
    // state is the pause ending at 11:00 (paused -> running).
    let out = inline_status(&issue_example(), ts("2025-03-31T10:00:00+02:00")).unwrap();
    assert_eq!(
        out,
        json!({"due_at": "2025-03-31T14:00:00+02:00", "elapsed_minutes": 60,
               "remaining_minutes": 180, "state": "paused", "breached_at": null,
               "next_check_at": "2025-03-31T11:00:00+02:00"})
    );
}

#[test]
fn issue_example_through_the_day() {
    let at = |t: &str| inline_status(&issue_example(), ts(t)).unwrap();
    let s = at("2025-03-31T11:30:00+02:00");
    assert_eq!(
        (s["state"].as_str(), s["elapsed_minutes"].as_i64()),
        (Some("running"), Some(90))
    );
    assert_eq!(s["next_check_at"], "2025-03-31T12:00:00+02:00");
    let s = at("2025-03-31T12:00:00+02:00");
    assert_eq!(s["state"], "warning");
    assert_eq!(s["next_check_at"], "2025-03-31T13:00:00+02:00");
    let s = at("2025-03-31T13:30:00+02:00");
    assert_eq!(
        (s["state"].as_str(), s["remaining_minutes"].as_i64()),
        (Some("warning"), Some(30))
    );
    assert_eq!(s["next_check_at"], "2025-03-31T14:00:00+02:00");
    let s = at("2025-03-31T15:00:00+02:00");
    assert_eq!(s["state"], "breached");
    assert_eq!(s["breached_at"], "2025-03-31T14:00:00+02:00");
    assert_eq!(s["remaining_minutes"], -60);
    assert_eq!(s["next_check_at"], Value::Null);
}

#[test]
fn stopped_clock_is_met_or_breached() {
    let mut p = issue_example();
    p["clock"]["stopped_at"] = json!("2025-03-31T13:00:00+02:00");
    let s = inline_status(&p, ts("2025-04-01T10:00:00+02:00")).unwrap();
    assert_eq!(
        (s["state"].as_str(), s["elapsed_minutes"].as_i64()),
        (Some("met"), Some(180))
    );
    assert_eq!(s["next_check_at"], Value::Null);
    p["clock"]["stopped_at"] = json!("2025-03-31T14:00:00+02:00");
    assert_eq!(
        inline_status(&p, ts("2025-04-01T10:00:00+02:00")).unwrap()["state"],
        "met"
    );
    p["clock"]["stopped_at"] = json!("2025-03-31T14:01:00+02:00");
    let s = inline_status(&p, ts("2025-04-01T10:00:00+02:00")).unwrap();
    assert_eq!(
        (s["state"].as_str(), s["breached_at"].as_str()),
        (Some("breached"), Some("2025-03-31T14:00:00+02:00"))
    );
}

#[test]
fn always_calendar_reports_utc_and_custom_thresholds() {
    let p = json!({"clock": {"start": "2025-01-01T00:00:00+01:00", "target_minutes": 100,
                             "calendar": "24/7", "warn_at": [0.9]}});
    // Started 2024-12-31T23:00Z; at 00:29Z 89 of 100 minutes are used, 90% falls at 00:30Z.
    let s = inline_status(&p, ts("2025-01-01T00:29:00Z")).unwrap();
    assert_eq!(s["due_at"], "2025-01-01T00:40:00+00:00");
    assert_eq!(
        (s["state"].as_str(), s["elapsed_minutes"].as_i64()),
        (Some("running"), Some(89))
    );
    assert_eq!(s["next_check_at"], "2025-01-01T00:30:00+00:00");
    let s = inline_status(&p, ts("2025-01-01T00:30:00Z")).unwrap();
    assert_eq!(
        (s["state"].as_str(), s["next_check_at"].as_str()),
        (Some("warning"), Some("2025-01-01T00:40:00+00:00"))
    );
    let no_cal = json!({"clock": {"start": "2025-01-01T00:00:00Z", "target_minutes": 10}});
    assert_eq!(
        inline_status(&no_cal, ts("2025-01-01T00:00:00Z")).unwrap()["next_check_at"],
        "2025-01-01T00:05:00+00:00"
    );
}

#[test]
fn open_pause_has_no_deadline() {
    let p = json!({"clock": {"start": "2025-01-01T00:00:00Z", "target_minutes": 60,
                             "pauses": [{"from": "2025-01-01T00:10:00Z"}]}});
    let s = inline_status(&p, ts("2025-01-01T05:00:00Z")).unwrap();
    assert_eq!(
        s,
        json!({"due_at": null, "elapsed_minutes": 10, "remaining_minutes": 50,
                         "state": "paused", "breached_at": null, "next_check_at": null})
    );
}

#[test]
fn errors_name_the_field() {
    let now = ts("2025-03-31T10:00:00+02:00");
    let fail = |edit: &dyn Fn(&mut Value)| {
        let mut p = issue_example();
        edit(&mut p);
        inline_status(&p, now).unwrap_err()
    };
    let e = fail(&|p| p["clock"]["pauses"][0]["from"] = json!("2025-03-31T12:00:00+02:00"));
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::OutOfRange, "parameters.clock.pauses[0]")
    );
    let e = fail(&|p| p["clock"]["target_minutes"] = json!(-5));
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::OutOfRange, "parameters.clock.target_minutes")
    );
    let e = fail(&|p| p["clock"]["target_minutes"] = json!("240"));
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::WrongType, "parameters.clock.target_minutes")
    );
    let e = fail(&|p| p["clock"]["calendar"]["timezone"] = json!("Europe/Atlantis"));
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::OutOfRange, "parameters.clock.calendar.timezone")
    );
    let e = fail(&|p| p["clock"]["calendar"]["hours"]["wed"] = json!([["22:00", "6"]]));
    assert_eq!(
        (e.code, e.path.as_str()),
        (
            ErrorCode::OutOfRange,
            "parameters.clock.calendar.hours.wed[0]"
        )
    );
    let e = fail(&|p| p["clock"]["start"] = json!("2025-03-28 16:30"));
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::WrongType, "parameters.clock.start")
    );
    let e = fail(&|p| p["clock"]["warn_at"] = json!([0.5, 1.5]));
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::OutOfRange, "parameters.clock.warn_at[1]")
    );
    let e = fail(&|p| p["clock"]["taget_minutes"] = json!(5));
    assert_eq!(e.path, "parameters.clock.taget_minutes");
    let e = fail(&|p| p["clock"]["target_minutes"] = json!(1e12));
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::OutOfRange, "parameters.clock.target_minutes")
    );
    let e = inline_status(&json!({}), now).unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::MissingField, "parameters.clock")
    );
}

#[test]
fn policy_defaults() {
    let tiers = default_policies();
    let fr: Vec<u32> = tiers
        .iter()
        .map(|p| p.clock(ClockKind::FirstResponse).target_minutes)
        .collect();
    assert_eq!(fr, [240, 120, 60, 30]);
    let p: SlaPolicy =
        serde_json::from_value(json!({"tier": 2, "resolution": {"target_minutes": 600,
        "calendar": {"timezone": "Asia/Kolkata", "hours": {"mon": [["09:30", "18:00"]]}}}}))
        .unwrap();
    let res = p.clock(ClockKind::Resolution);
    assert_eq!(res.target_minutes, 600);
    assert_eq!(res.pause_states, ["pending_customer", "pending_vendor"]);
    assert_eq!(res.warn_at, [0.5, 0.75]);
    assert!(matches!(res.calendar, CalendarRef::Inline(_)));
    assert_eq!(p.clock(ClockKind::FirstResponse).target_minutes, 120);
    assert_eq!(
        p.clock(ClockKind::NextUpdate).calendar,
        CalendarRef::Named("24/7".into())
    );
    let back: SlaPolicy = serde_json::from_value(serde_json::to_value(&p).unwrap()).unwrap();
    assert_eq!(back, p);
}
