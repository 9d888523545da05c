//! The business-time fast path checked against a brute-force oracle.
//!
//! The oracle walks real UTC minutes one by one, converts each to the zone's wall clock with
//! jiff, and asks the plain question of the semantics: is this local time inside a window of
//! its local date (or inside an overnight window of the previous date), is that date not a
//! holiday, and is the minute outside every pause? It shares no code with the fast path
//! (which jumps window to window in integer civil time).

use escalon::calendar::{business_minutes, due_at, Calendar, Pause};
use jiff::{civil::Date, tz::TimeZone, Timestamp};
use proptest::prelude::*;
use serde_json::json;

/// The zone as jiff reads the shipped data, so the oracle shares no zone code with the engine.
fn jiff_zone(name: &str) -> TimeZone {
    let (name, tzif) = escalon::tzdb::tzif(name).unwrap();
    TimeZone::tzif(name, tzif).unwrap()
}

/// Windows as minutes after midnight; `end <= start` crosses midnight, `end == 1440` is 24:00.
type Week = [Vec<(u16, u16)>; 7];

#[derive(Debug, Clone)]
struct Case {
    zone: &'static str,
    week: Week,
    holidays: Vec<Date>,
    yearly: Vec<(i8, i8)>,
    start: Timestamp,
    span_minutes: i64,
    pauses: Vec<(i64, i64)>,
    /// Positions (in minutes after start) whose prefix business time becomes a target.
    probes: Vec<i64>,
}

fn hhmm(m: u16) -> String {
    format!("{:02}:{:02}", m / 60, m % 60)
}

impl Case {
    fn calendar(&self) -> Calendar {
        let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
        let mut hours = serde_json::Map::new();
        for (i, ws) in self.week.iter().enumerate() {
            let list: Vec<_> = ws.iter().map(|&(s, e)| json!([hhmm(s), hhmm(e)])).collect();
            hours.insert(days[i].to_string(), json!(list));
        }
        let mut holidays: Vec<String> = self.holidays.iter().map(|d| d.to_string()).collect();
        holidays.extend(self.yearly.iter().map(|(m, d)| format!("--{m:02}-{d:02}")));
        let v = json!({"timezone": self.zone, "hours": hours, "holidays": holidays});
        Calendar::from_json(&v, "calendar").expect("generated calendar is valid")
    }

    fn pause_list(&self) -> Vec<Pause> {
        let at = |m: i64| self.start + jiff::SignedDuration::from_mins(m);
        self.pauses
            .iter()
            .map(|&(f, t)| Pause::new(at(f), at(t)))
            .collect()
    }
}

/// The brute-force truth: for each minute after `start`, whether it is business time.
fn oracle_minutes(case: &Case) -> Vec<bool> {
    let tz = jiff_zone(case.zone);
    let off = |d: Date| case.holidays.contains(&d) || case.yearly.contains(&(d.month(), d.day()));
    (0..case.span_minutes)
        .map(|k| {
            if case.pauses.iter().any(|&(f, t)| f <= k && k < t) {
                return false;
            }
            let t = case.start + jiff::SignedDuration::from_mins(k);
            let local = tz.to_datetime(t);
            let tod = local.hour() as u16 * 60 + local.minute() as u16;
            let today = local.date();
            let wd = today.weekday().to_monday_zero_offset() as usize;
            let in_today = !off(today)
                && case.week[wd]
                    .iter()
                    .any(|&(s, e)| if e > s { s <= tod && tod < e } else { s <= tod });
            let yesterday = today.yesterday().unwrap();
            let in_overnight = !off(yesterday)
                && case.week[(wd + 6) % 7]
                    .iter()
                    .any(|&(s, e)| e <= s && tod < e);
            in_today || in_overnight
        })
        .collect()
}

fn check(case: &Case) -> Result<(), TestCaseError> {
    let cal = case.calendar();
    let pauses = case.pause_list();
    let bits = oracle_minutes(case);
    let mut prefix = vec![0i64; bits.len() + 1];
    for (i, b) in bits.iter().enumerate() {
        prefix[i + 1] = prefix[i] + i64::from(*b);
    }
    let at = |m: i64| case.start + jiff::SignedDuration::from_mins(m);
    let n = case.span_minutes;
    for &p in &case.probes {
        let p = p.rem_euclid(n + 1);
        // business_minutes over [start, start+p) and over [p/2, p).
        prop_assert_eq!(
            business_minutes(&cal, case.start, at(p), &pauses),
            prefix[p as usize],
            "bm to {}",
            p
        );
        let q = p / 2;
        prop_assert_eq!(
            business_minutes(&cal, at(q), at(p), &pauses),
            prefix[p as usize] - prefix[q as usize]
        );
        // due_at for the business time reached at p: the earliest minute with that prefix.
        let target = prefix[p as usize];
        let first = prefix.partition_point(|&x| x < target) as i64;
        prop_assert_eq!(
            due_at(&cal, case.start, target as u32, &pauses),
            Some(at(first)),
            "target {}",
            target
        );
    }
    // A target beyond what the span holds is due after the span.
    let beyond = prefix[n as usize] + 1;
    let due = due_at(&cal, case.start, beyond as u32, &pauses);
    prop_assert!(
        due.is_none_or(|d| d > at(n)),
        "target {} due {:?} within span",
        beyond,
        due
    );
    Ok(())
}

const ZONES: [&str; 5] = [
    "America/New_York",
    "Europe/Berlin",
    "Australia/Lord_Howe",
    "Asia/Kolkata",
    "America/Santiago",
];

/// Instants near which each zone changes offset (2024-2026), so cases straddle DST weekends.
fn transitions(zone: &str) -> Vec<i64> {
    let tz = jiff_zone(zone);
    let from: Timestamp = "2024-01-01T00:00:00Z".parse().unwrap();
    let until: Timestamp = "2027-01-01T00:00:00Z".parse().unwrap();
    let mut v: Vec<i64> = tz
        .following(from)
        .map(|t| t.timestamp())
        .take_while(|t| *t < until)
        .map(|t| t.as_second())
        .collect();
    if v.is_empty() {
        v.push(from.as_second() + 400 * 86_400); // Kolkata has no DST: any week will do.
    }
    v
}

/// A window: mostly on half-hour marks (where DST changes happen), sometimes any minute.
fn window() -> impl Strategy<Value = (u16, u16)> {
    let mark = prop_oneof![3 => (0u16..48).prop_map(|h| h * 30), 1 => 0u16..1440];
    let end =
        prop_oneof![6 => (0u16..48).prop_map(|h| h * 30), 2 => 0u16..1440, 1 => Just(1440u16)];
    (mark, end)
}

fn week(max_windows: usize) -> impl Strategy<Value = Week> {
    prop::array::uniform7(prop::collection::vec(window(), 0..=max_windows))
}

fn case(max_span_days: i64, max_windows: usize) -> impl Strategy<Value = Case> {
    (
        0..ZONES.len(),
        any::<prop::sample::Index>(),
        0i64..4 * 1440,
        60i64..max_span_days * 1440,
    )
        .prop_flat_map(move |(z, pick, back, span)| {
            let zone = ZONES[z];
            let anchors = transitions(zone);
            let anchor = anchors[pick.index(anchors.len())];
            let start_sec = (anchor / 60 - back) * 60;
            let start = Timestamp::from_second(start_sec).unwrap();
            let day0 = jiff_zone(zone).to_datetime(start).date();
            let date = move |i: i64| day0.checked_add(jiff::Span::new().days(i)).unwrap();
            let holidays = prop::collection::vec((-1i64..span / 1440 + 2).prop_map(date), 0..3);
            let yearly = prop::collection::vec(
                (-1i64..span / 1440 + 2).prop_map(move |i| {
                    let d = date(i);
                    (d.month(), d.day())
                }),
                0..2,
            );
            let pauses = prop::collection::vec(
                (-1440i64..span, 0i64..3 * 1440).prop_map(|(f, l)| (f, f + l)),
                0..4,
            );
            let probes = prop::collection::vec(0i64..=span, 1..6);
            (
                Just(zone),
                week(max_windows),
                holidays,
                yearly,
                Just(start),
                Just(span),
                pauses,
                probes,
            )
        })
        .prop_map(
            |(zone, week, holidays, yearly, start, span_minutes, pauses, mut probes)| {
                probes.push(span_minutes); // always probe the whole span
                Case {
                    zone,
                    week,
                    holidays,
                    yearly,
                    start,
                    span_minutes,
                    pauses,
                    probes,
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2500, failure_persistence: None, ..ProptestConfig::default() })]

    /// Split and overnight shifts, holidays, pauses across nights and weekends, DST weekends.
    #[test]
    fn fast_path_matches_oracle(case in case(5, 3)) {
        check(&case)?;
    }
}

/// Long windows let targets reach weeks of business time within a bounded walk.
fn long_week() -> impl Strategy<Value = Week> {
    let w = (0u16..48, 0u16..4).prop_map(|(h, k)| {
        (
            h * 30,
            [(h * 30 + 720) % 1440, h * 30, 1440, (h * 30 + 1200) % 1440][k as usize],
        )
    });
    prop::array::uniform7(prop::collection::vec(w, 1..=2))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 150, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn targets_of_weeks_match_oracle(mut case in case(22, 1), wk in long_week()) {
        case.week = wk;
        case.span_minutes = case.span_minutes.max(15 * 1440);
        case.probes.push(case.span_minutes);
        check(&case)?;
    }
}

#[test]
fn oracle_knows_dst_by_hand() {
    // New York, Sunday 2025-03-09 01:00-04:00 spans 2 real hours; 2025-11-02 spans 4.
    let mut wk: Week = Default::default();
    wk[6] = vec![(60, 240)];
    let night = |start: &str| Case {
        zone: "America/New_York",
        week: wk.clone(),
        holidays: vec![],
        yearly: vec![],
        start: start.parse().unwrap(),
        span_minutes: 1440,
        pauses: vec![],
        probes: vec![],
    };
    let count = |c: &Case| oracle_minutes(c).iter().filter(|b| **b).count();
    assert_eq!(count(&night("2025-03-09T00:00:00-05:00")), 120);
    assert_eq!(count(&night("2025-11-02T00:00:00-04:00")), 240);
}

#[test]
fn oracle_can_fail() {
    // A wrong engine (one that ignores the spring-forward gap) must be caught: the oracle
    // disagrees with "3 hours", and `check` fails when the expected answer is perturbed.
    let mut wk: Week = Default::default();
    wk[6] = vec![(60, 240)];
    let case = Case {
        zone: "America/New_York",
        week: wk,
        holidays: vec![],
        yearly: vec![],
        start: "2025-03-09T00:00:00-05:00".parse().unwrap(),
        span_minutes: 1440,
        pauses: vec![],
        probes: vec![1440],
    };
    assert_ne!(oracle_minutes(&case).iter().filter(|b| **b).count(), 180);
    assert!(check(&case).is_ok());
    let mut shifted = case.clone();
    shifted.pauses = vec![(90, 120)];
    // The same calendar answer with an oracle told of a pause the engine is not told of.
    let cal = case.calendar();
    let bits = oracle_minutes(&shifted).iter().filter(|b| **b).count() as i64;
    let end = case.start + jiff::SignedDuration::from_mins(1440);
    assert_ne!(business_minutes(&cal, case.start, end, &[]), bits);
}
