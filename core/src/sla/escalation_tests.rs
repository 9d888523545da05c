//! Clocks folded from hand-built event logs.

use jiff::Timestamp;
use serde_json::{json, Value};

use super::*;
use crate::config::Config;
use crate::error::ErrorCode;
use crate::event::{Escalation, Event};

fn ts(s: &str) -> Timestamp {
    s.parse().expect("test timestamp")
}

/// A log from `(time on 2025-03-03 UTC, event body)` pairs; the body holds `kind` and fields.
fn log(events: &[(&str, Value)]) -> Escalation {
    let events = events
        .iter()
        .enumerate()
        .map(|(i, (at, body))| {
            let mut e = body.clone();
            e["id"] = json!(format!("e{i:02}"));
            e["at"] = json!(format!("2025-03-03T{at}:00Z"));
            e["actor"] = json!("t");
            serde_json::from_value::<Event>(e).expect("test event")
        })
        .collect();
    Escalation {
        id: "ESC-1".into(),
        events,
    }
}

fn created(tier: u8) -> Value {
    json!({"kind": "created", "ticket": "T-1", "customer": {}, "tier": tier})
}

fn status(s: &str) -> Value {
    json!({"kind": "status_changed", "status": s})
}

fn at(t: &str) -> Timestamp {
    ts(&format!("2025-03-03T{t}:00Z"))
}

fn clock(cfg: &Config, esc: &Escalation, now: &str, kind: ClockKind) -> EscalationClock {
    clocks_for(cfg, esc, at(now))
        .unwrap()
        .into_iter()
        .find(|c| c.kind == kind)
        .expect("clock present")
}

#[test]
fn first_response_stops_at_acknowledgement_owner_or_in_progress() {
    let cfg = Config::default();
    for stop in [
        json!({"kind": "acknowledged"}),
        json!({"kind": "owner_assigned", "owner": "a@x"}),
        status("in_progress"),
    ] {
        let esc = log(&[("09:00", created(2)), ("10:00", stop.clone())]);
        let c = clock(&cfg, &esc, "15:00", ClockKind::FirstResponse);
        assert_eq!(
            (c.state, c.elapsed_minutes),
            (ClockState::Met, 60),
            "{stop}"
        );
        assert_eq!(
            (c.started_at, c.stopped_at),
            (at("09:00"), Some(at("10:00")))
        );
        assert_eq!(c.next_check_at, None);
    }
    // A note is not a response: tier 2 has 120 minutes, so at 11:30 it has breached.
    let esc = log(&[
        ("09:00", created(2)),
        ("10:00", json!({"kind": "note", "text": "x"})),
    ]);
    let c = clock(&cfg, &esc, "11:30", ClockKind::FirstResponse);
    assert_eq!(c.state, ClockState::Breached);
    assert_eq!(c.breached_at, Some(at("11:00")));
    assert_eq!(c.remaining_minutes, -30);
}

#[test]
fn events_after_now_are_not_seen() {
    let esc = log(&[
        ("09:00", created(2)),
        ("10:00", json!({"kind": "acknowledged"})),
    ]);
    let c = clock(&Config::default(), &esc, "09:30", ClockKind::FirstResponse);
    assert_eq!((c.state, c.stopped_at), (ClockState::Running, None));
    assert_eq!(c.next_check_at, Some(at("10:00")), "50% of 120 minutes");
    // Before creation there is no clock at all.
    assert!(clocks_for(&Config::default(), &esc, at("08:00"))
        .unwrap()
        .is_empty());
}

#[test]
fn pending_states_and_pause_events_pause_the_clocks() {
    let cfg = Config::default();
    // Tier 4 resolution is 480 minutes: paused 01:00-03:00 by status, due 10:00.
    let esc = log(&[
        ("00:00", created(4)),
        ("01:00", status("pending_customer")),
        ("03:00", status("in_progress")),
    ]);
    let c = clock(&cfg, &esc, "05:00", ClockKind::Resolution);
    assert_eq!((c.elapsed_minutes, c.due_at), (180, Some(at("10:00"))));
    // At 02:00 the resume is in the future, unknown: the pause is open, no deadline yet.
    let c = clock(&cfg, &esc, "02:00", ClockKind::Resolution);
    assert_eq!((c.state, c.next_check_at), (ClockState::Paused, None));
    // pending_vendor pauses too, and an open pause leaves no deadline.
    let esc = log(&[("00:00", created(4)), ("01:00", status("pending_vendor"))]);
    let c = clock(&cfg, &esc, "09:00", ClockKind::Resolution);
    assert_eq!(
        (c.state, c.due_at, c.elapsed_minutes),
        (ClockState::Paused, None, 60)
    );
    // Explicit pause events overlap a status pause: the union is paused.
    let esc = log(&[
        ("00:00", created(4)),
        ("01:00", json!({"kind": "paused"})),
        ("02:00", status("pending_customer")),
        ("03:00", json!({"kind": "resumed"})),
        ("04:00", status("in_progress")),
    ]);
    let c = clock(&cfg, &esc, "06:00", ClockKind::Resolution);
    assert_eq!(c.elapsed_minutes, 180);
}

#[test]
fn next_update_restarts_at_each_update_and_stops_at_resolution() {
    let cfg = Config::default();
    // Tier 4 wants an update every 60 minutes.
    let esc = log(&[
        ("00:00", created(4)),
        ("00:50", json!({"kind": "note", "text": "looking"})),
    ]);
    let c = clock(&cfg, &esc, "01:20", ClockKind::NextUpdate);
    assert_eq!((c.started_at, c.elapsed_minutes), (at("00:50"), 30));
    assert_eq!(c.due_at, Some(at("01:50")));
    let esc = log(&[
        ("00:00", created(4)),
        (
            "00:50",
            json!({"kind": "action_taken", "action": "restart"}),
        ),
        ("01:40", status("resolved")),
    ]);
    let c = clock(&cfg, &esc, "05:00", ClockKind::NextUpdate);
    assert_eq!(
        (c.state, c.stopped_at),
        (ClockState::Met, Some(at("01:40")))
    );
    let r = clock(&cfg, &esc, "05:00", ClockKind::Resolution);
    assert_eq!((r.state, r.elapsed_minutes), (ClockState::Met, 100));
}

#[test]
fn reopen_resumes_resolution_without_counting_the_resolved_span() {
    let esc = log(&[
        ("00:00", created(4)),
        ("01:00", status("resolved")),
        ("03:00", status("in_progress")),
    ]);
    let c = clock(&Config::default(), &esc, "04:00", ClockKind::Resolution);
    assert_eq!((c.state, c.stopped_at), (ClockState::Running, None));
    assert_eq!((c.elapsed_minutes, c.due_at), (120, Some(at("10:00"))));
    // closed stops it as well.
    let esc = log(&[("00:00", created(4)), ("01:00", status("closed"))]);
    let c = clock(&Config::default(), &esc, "04:00", ClockKind::Resolution);
    assert_eq!(c.state, ClockState::Met);
}

fn with_policy(policy: Value) -> Config {
    Config {
        sla_policies: vec![serde_json::from_value(policy).unwrap()],
        ..Config::default()
    }
}

#[test]
fn tier_change_retargets_keeps_or_restarts() {
    let esc = log(&[
        ("00:00", created(1)),
        ("00:30", json!({"kind": "tier_changed", "to": 3})),
    ]);
    // Retarget (default): same start, tier 3's 60 minutes.
    let c = clock(&Config::default(), &esc, "01:10", ClockKind::FirstResponse);
    assert_eq!((c.tier, c.target_minutes), (3, 60));
    assert_eq!(
        (c.state, c.breached_at),
        (ClockState::Breached, Some(at("01:00")))
    );
    let keep = with_policy(json!({"tier": 3, "first_response":
        {"target_minutes": 60, "on_tier_change": "keep"}}));
    let c = clock(&keep, &esc, "01:10", ClockKind::FirstResponse);
    assert_eq!(
        (c.tier, c.target_minutes, c.state),
        (1, 240, ClockState::Running)
    );
    let restart = with_policy(json!({"tier": 3, "first_response":
        {"target_minutes": 60, "on_tier_change": "restart"}}));
    let c = clock(&restart, &esc, "01:10", ClockKind::FirstResponse);
    assert_eq!((c.started_at, c.due_at), (at("00:30"), Some(at("01:30"))));
    // A tier change after the response does not touch the met clock.
    let esc = log(&[
        ("00:00", created(1)),
        ("00:20", json!({"kind": "acknowledged"})),
        ("00:30", json!({"kind": "tier_changed", "to": 4})),
    ]);
    let c = clock(&Config::default(), &esc, "01:10", ClockKind::FirstResponse);
    assert_eq!((c.tier, c.state), (1, ClockState::Met));
}

#[test]
fn policy_change_shows_at_once() {
    let esc = log(&[("00:00", created(1))]);
    let c = clock(&Config::default(), &esc, "00:20", ClockKind::FirstResponse);
    assert_eq!(c.state, ClockState::Running);
    let strict = with_policy(json!({"tier": 1, "first_response": {"target_minutes": 10,
        "stops_on": ["note"]}}));
    let c = clock(&strict, &esc, "00:20", ClockKind::FirstResponse);
    assert_eq!(
        (c.state, c.breached_at),
        (ClockState::Breached, Some(at("00:10")))
    );
}

#[test]
fn named_calendars_resolve_against_the_config() {
    // Monday 2025-03-03 08:00 UTC is 09:00 in Berlin: office hours there, not in Tokyo.
    let esc = log(&[("08:00", created(2))]);
    let mut cfg = with_policy(json!({"tier": 2, "first_response": {"target_minutes": 120,
        "calendar": "business"}}));
    cfg.timezone = "Europe/Berlin".into();
    let c = clock(&cfg, &esc, "09:00", ClockKind::FirstResponse);
    assert_eq!(c.elapsed_minutes, 60);
    assert_eq!(c.to_json()["due_at"], "2025-03-03T11:00:00+01:00");
    cfg.timezone = "Asia/Tokyo".into();
    let c = clock(&cfg, &esc, "09:00", ClockKind::FirstResponse);
    assert_eq!(c.elapsed_minutes, 0, "18:00 in Tokyo is after hours");
    cfg.calendars.insert(
        "business".into(),
        serde_json::from_value(json!("24/7")).unwrap(),
    );
    assert_eq!(
        clock(&cfg, &esc, "09:00", ClockKind::FirstResponse).elapsed_minutes,
        60
    );
    cfg.sla_policies[0]
        .first_response
        .as_mut()
        .unwrap()
        .calendar = CalendarRef::Named("night-shift".into());
    let e = clocks_for(&cfg, &esc, at("09:00")).unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (
            ErrorCode::OutOfRange,
            "config.sla_policies[0].first_response.calendar"
        )
    );
    cfg.sla_policies[0]
        .first_response
        .as_mut()
        .unwrap()
        .calendar = CalendarRef::Named("business".into());
    cfg.calendars.clear();
    cfg.timezone = "Mars/Olympus".into();
    let e = clocks_for(&cfg, &esc, at("09:00")).unwrap_err();
    assert_eq!(e.path, "config.timezone");
}

#[test]
fn clocks_serialise_for_metrics() {
    let esc = log(&[
        ("09:00", created(2)),
        ("10:00", json!({"kind": "acknowledged"})),
    ]);
    let clocks = clocks_for(&Config::default(), &esc, at("10:30")).unwrap();
    let kinds: Vec<ClockKind> = clocks.iter().map(|c| c.kind).collect();
    assert_eq!(kinds, ClockKind::ALL);
    let v = serde_json::to_value(&clocks[0]).unwrap();
    assert_eq!(v["kind"], "first_response");
    assert_eq!(v["state"], "met");
    assert_eq!(v["stopped_at"], "2025-03-03T10:00:00Z");
    assert_eq!(
        clocks[0].to_json()["stopped_at"],
        "2025-03-03T10:00:00+00:00"
    );
}
