use jiff::Timestamp;
use serde_json::json;

use super::*;
use crate::error::ErrorCode;

fn ts(s: &str) -> Timestamp {
    s.parse().expect("test timestamp")
}

fn cal(v: serde_json::Value) -> Calendar {
    Calendar::from_json(&v, "calendar").expect("valid calendar")
}

fn one_window(tz: &str, day: &str, from: &str, to: &str) -> Calendar {
    cal(json!({"timezone": tz, "hours": {day: [[from, to]]}}))
}

fn office(tz: &str, holidays: &[&str]) -> Calendar {
    let w = json!([["09:00", "17:00"]]);
    cal(
        json!({"timezone": tz, "hours": {"mon": w, "tue": w, "wed": w, "thu": w, "fri": w},
               "holidays": holidays}),
    )
}

#[test]
fn new_york_spring_forward_window_is_two_hours() {
    // 2025-03-09 is a Sunday; 02:00 EST jumps to 03:00 EDT.
    let c = one_window("America/New_York", "sun", "01:00", "04:00");
    let day = (
        ts("2025-03-09T00:00:00-05:00"),
        ts("2025-03-10T00:00:00-04:00"),
    );
    assert_eq!(business_minutes(&c, day.0, day.1, &[]), 120);
    assert_eq!(
        due_at(&c, day.0, 120, &[]),
        Some(ts("2025-03-09T04:00:00-04:00"))
    );
    assert_eq!(
        due_at(&c, day.0, 60, &[]),
        Some(ts("2025-03-09T03:00:00-04:00"))
    );
}

#[test]
fn new_york_fall_back_window_is_four_hours() {
    // 2025-11-02 is a Sunday; 02:00 EDT falls back to 01:00 EST, so 01:00-02:00 happens twice.
    let c = one_window("America/New_York", "sun", "01:00", "04:00");
    let day = (
        ts("2025-11-02T00:00:00-04:00"),
        ts("2025-11-03T00:00:00-05:00"),
    );
    assert_eq!(business_minutes(&c, day.0, day.1, &[]), 240);
    assert_eq!(
        due_at(&c, day.0, 90, &[]),
        Some(ts("2025-11-02T01:30:00-05:00"))
    );
}

#[test]
fn berlin_dst_nights() {
    let c = one_window("Europe/Berlin", "sun", "01:00", "04:00");
    let spring = (
        ts("2025-03-30T00:00:00+01:00"),
        ts("2025-03-31T00:00:00+02:00"),
    );
    assert_eq!(business_minutes(&c, spring.0, spring.1, &[]), 120);
    let fall = (
        ts("2025-10-26T00:00:00+02:00"),
        ts("2025-10-27T00:00:00+01:00"),
    );
    assert_eq!(business_minutes(&c, fall.0, fall.1, &[]), 240);
    // A window inside the repeated hour counts both passes of the wall clock.
    let folded = one_window("Europe/Berlin", "sun", "02:15", "02:45");
    assert_eq!(business_minutes(&folded, fall.0, fall.1, &[]), 60);
    assert_eq!(
        due_at(&folded, fall.0, 45, &[]),
        Some(ts("2025-10-26T02:30:00+01:00"))
    );
}

#[test]
fn lord_howe_half_hour_shift() {
    // 2025-04-06 (Sunday): 02:00 +11:00 falls back to 01:30 +10:30.
    let c = one_window("Australia/Lord_Howe", "sun", "01:00", "03:00");
    let day = (
        ts("2025-04-06T00:00:00+11:00"),
        ts("2025-04-07T00:00:00+10:30"),
    );
    assert_eq!(business_minutes(&c, day.0, day.1, &[]), 150);
}

#[test]
fn target_filling_a_window_is_due_at_its_end() {
    let c = office("Europe/Berlin", &[]);
    let mon = ts("2025-04-07T09:00:00+02:00");
    assert_eq!(
        due_at(&c, mon, 480, &[]),
        Some(ts("2025-04-07T17:00:00+02:00"))
    );
    assert_eq!(
        due_at(&c, mon, 481, &[]),
        Some(ts("2025-04-08T09:01:00+02:00"))
    );
    assert_eq!(due_at(&c, mon, 0, &[]), Some(mon));
}

#[test]
fn start_outside_hours_begins_at_next_business_minute() {
    let c = office("Europe/Berlin", &[]);
    let sat = ts("2025-04-05T10:00:00+02:00");
    assert_eq!(
        due_at(&c, sat, 60, &[]),
        Some(ts("2025-04-07T10:00:00+02:00"))
    );
    assert_eq!(
        business_minutes(&c, sat, ts("2025-04-07T09:30:00+02:00"), &[]),
        30
    );
}

#[test]
fn holidays_remove_the_day() {
    let c = office("Europe/Berlin", &["2025-04-18", "--04-21"]);
    // Thu 16:00-17:00 = 60; Good Friday and Easter Monday off; Tue 09:00 + 60.
    let thu = ts("2025-04-17T16:00:00+02:00");
    assert_eq!(
        due_at(&c, thu, 120, &[]),
        Some(ts("2025-04-22T10:00:00+02:00"))
    );
    let xmas = office("UTC", &["--12-25"]);
    let wed = ts("2025-12-24T09:00:00Z");
    assert_eq!(
        due_at(&xmas, wed, 600, &[]),
        Some(ts("2025-12-26T11:00:00Z"))
    );
}

#[test]
fn overnight_window_belongs_to_its_start_day() {
    let c = one_window("Europe/Berlin", "wed", "22:00", "06:00");
    let wed = ts("2025-04-02T21:00:00+02:00");
    assert_eq!(
        due_at(&c, wed, 480, &[]),
        Some(ts("2025-04-03T06:00:00+02:00"))
    );
    // A holiday on Thursday keeps Wednesday's night; one on Wednesday removes it.
    let thu_off = cal(
        json!({"timezone": "Europe/Berlin", "hours": {"wed": [["22:00", "06:00"]]},
                             "holidays": ["2025-04-03"]}),
    );
    assert_eq!(
        due_at(&thu_off, wed, 480, &[]),
        Some(ts("2025-04-03T06:00:00+02:00"))
    );
    let wed_off = cal(
        json!({"timezone": "Europe/Berlin", "hours": {"wed": [["22:00", "06:00"]]},
                             "holidays": ["2025-04-02"]}),
    );
    assert_eq!(
        due_at(&wed_off, wed, 480, &[]),
        Some(ts("2025-04-10T06:00:00+02:00"))
    );
}

#[test]
fn pauses_move_the_deadline() {
    let c = office("UTC", &[]);
    let mon = ts("2025-04-07T09:00:00Z");
    // Paused from Mon 16:00 over the night to Tue 10:00: 60 business minutes lost.
    let p = [Pause::new(
        ts("2025-04-07T16:00:00Z"),
        ts("2025-04-08T10:00:00Z"),
    )];
    assert_eq!(due_at(&c, mon, 480, &p), Some(ts("2025-04-08T11:00:00Z")));
    assert_eq!(
        business_minutes(&c, mon, ts("2025-04-08T12:00:00Z"), &p),
        480 + 180 - 120
    );
    let open = [Pause {
        from: ts("2025-04-07T10:00:00Z"),
        to: None,
    }];
    assert_eq!(due_at(&c, mon, 480, &open), None);
}

#[test]
fn always_counts_every_second() {
    let c = Calendar::from_json(&json!("24/7"), "c").unwrap();
    let a = ts("2025-03-09T00:00:00Z");
    assert_eq!(
        business_minutes(&c, a, ts("2025-03-16T00:00:00Z"), &[]),
        7 * 1440
    );
    assert_eq!(due_at(&c, a, 90, &[]), Some(ts("2025-03-09T01:30:00Z")));
    assert_eq!(c.format(a), "2025-03-09T00:00:00+00:00");
    assert!(Calendar::from_json(&serde_json::Value::Null, "c")
        .unwrap()
        .is_always());
}

#[test]
fn a_calendar_without_windows_is_never_due() {
    let c = cal(json!({"timezone": "UTC", "hours": {}}));
    assert_eq!(due_at(&c, ts("2025-01-01T00:00:00Z"), 1, &[]), None);
    let all_off = cal(
        json!({"timezone": "UTC", "hours": {"mon": [["09:00", "10:00"]]},
                             "holidays": (1..=12).flat_map(|m| (1..=31).map(move |d| format!("--{m:02}-{d:02}")))
                                 .filter(|s| !matches!(s.as_str(), "--02-30" | "--02-31" | "--04-31" | "--06-31" | "--09-31" | "--11-31"))
                                 .collect::<Vec<_>>()}),
    );
    assert_eq!(due_at(&all_off, ts("2025-01-01T00:00:00Z"), 1, &[]), None);
}

#[test]
fn errors_name_the_field() {
    let bad =
        |v: serde_json::Value| Calendar::from_json(&v, "parameters.clock.calendar").unwrap_err();
    let e = bad(json!({"timezone": "Mars/Olympus", "hours": {}}));
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::OutOfRange, "parameters.clock.calendar.timezone")
    );
    let e = bad(json!({"timezone": "UTC", "hours": {"wed": [["9:00", "17:00"]]}}));
    assert_eq!(
        (e.code, e.path.as_str()),
        (
            ErrorCode::OutOfRange,
            "parameters.clock.calendar.hours.wed[0]"
        )
    );
    let e = bad(json!({"timezone": "UTC", "hours": {"wed": [["09:00", "25:00"]]}}));
    assert_eq!(e.path, "parameters.clock.calendar.hours.wed[0]");
    let e = bad(json!({"timezone": "UTC", "hours": {"wed": [["09:00"]]}}));
    assert_eq!(
        (e.code, e.path.as_str()),
        (
            ErrorCode::WrongType,
            "parameters.clock.calendar.hours.wed[0]"
        )
    );
    let e = bad(json!({"timezone": "UTC", "hours": {"wednesday": []}}));
    assert_eq!(e.path, "parameters.clock.calendar.hours.wednesday");
    let e = bad(json!({"timezone": "UTC", "hours": {}, "holidays": ["--02-30"]}));
    assert_eq!(e.path, "parameters.clock.calendar.holidays[0]");
    let e = bad(json!("weekdays"));
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::OutOfRange, "parameters.clock.calendar")
    );
    let e = bad(json!(7));
    assert_eq!(e.code, ErrorCode::WrongType);
}

#[test]
fn serde_round_trip_validates() {
    let v = json!({"timezone": "Asia/Kolkata", "hours": {"mon": [["09:30", "18:00"]]}, "holidays": ["--01-26"]});
    let c: Calendar = serde_json::from_value(v.clone()).unwrap();
    assert_eq!(serde_json::to_value(&c).unwrap(), v);
    assert!(
        serde_json::from_value::<Calendar>(json!({"timezone": "Nope/Nope", "hours": {}})).is_err()
    );
    let always: Calendar = serde_json::from_value(json!("24/7")).unwrap();
    assert!(always.is_always());
}

#[test]
fn dst_outside_the_precomputed_years() {
    // The zone table covers 2000-2080; after it, the zone's rule is asked directly. (Before 2000 the
    // shipped database has no transitions: `core/tests/tzdb_table.rs`.)
    let c = one_window("America/New_York", "sun", "01:00", "04:00");
    let tz = crate::tzdb::get("America/New_York").unwrap();
    for year in ["2085-01-01T00:00:00Z", "2150-01-01T00:00:00Z"] {
        let mut next = tz
            .following(ts(year).as_second())
            .map(|(at, _)| Timestamp::from_second(at).unwrap());
        let (spring, fall) = (next.next().unwrap(), next.next().unwrap());
        let six_h = jiff::SignedDuration::from_hours(6);
        assert_eq!(
            business_minutes(&c, spring - six_h, spring + six_h, &[]),
            120,
            "{year}"
        );
        assert_eq!(
            business_minutes(&c, fall - six_h, fall + six_h, &[]),
            240,
            "{year}"
        );
    }
}

/// Regression: windows that join into one endless stretch (every day 00:00-24:00, or
/// overnight windows that meet the next day's) made the walk merge them forever and hang.
/// Found by `calendar_oracle` with a Santiago week whose windows covered every hour.
#[test]
fn windows_that_never_end_still_answer() {
    let day = json!([["00:00", "24:00"]]);
    let round_the_clock = cal(json!({"timezone": "Europe/Berlin", "hours": {
        "mon": day, "tue": day, "wed": day, "thu": day, "fri": day, "sat": day, "sun": day}}));
    let from = ts("2025-03-28T12:00:00Z");
    // Berlin springs forward on 2025-03-30; real time still counts minute for minute.
    assert_eq!(
        business_minutes(&round_the_clock, from, ts("2025-04-28T12:00:00Z"), &[]),
        31 * 1440
    );
    assert_eq!(
        due_at(&round_the_clock, from, 40 * 1440, &[]),
        Some(ts("2025-05-07T12:00:00Z"))
    );
    // Overnight windows chaining into each other, with a pause in the middle.
    let night = json!([["12:00", "12:00"]]);
    let chained = cal(json!({"timezone": "America/Santiago", "hours": {
        "mon": night, "tue": night, "wed": night, "thu": night, "fri": night, "sat": night,
        "sun": night}}));
    let from = ts("2025-09-04T21:50:00Z");
    let pause = Pause::new(ts("2025-09-10T00:00:00Z"), ts("2025-09-11T00:00:00Z"));
    assert_eq!(
        business_minutes(&chained, from, ts("2025-09-19T21:50:00Z"), &[pause]),
        14 * 1440
    );
    assert_eq!(
        due_at(&chained, from, 14 * 1440, &[pause]),
        Some(ts("2025-09-19T21:50:00Z"))
    );
}
