//! Due-date computation for 1,000,000 clocks per sample.
//!
//! Run: `cargo bench -p escalon --bench due_date`. Starts are spread over a year (so DST
//! weekends and holidays are crossed) and calendars are compiled once, as a host would.

use escalon::calendar::{due_at, Calendar, Pause};
use jiff::{SignedDuration, Timestamp};
use serde_json::json;

const CLOCKS: usize = 1_000_000;

fn main() {
    divan::main();
}

fn calendar(v: serde_json::Value) -> Calendar {
    Calendar::from_json(&v, "calendar").expect("bench calendar is valid")
}

fn office_berlin() -> Calendar {
    let w = json!([["09:00", "17:00"]]);
    calendar(json!({"timezone": "Europe/Berlin",
        "hours": {"mon": w, "tue": w, "wed": w, "thu": w, "fri": w},
        "holidays": ["2025-04-18", "2025-04-21", "--12-25", "--12-26", "--01-01"]}))
}

fn shifts_new_york() -> Calendar {
    let w = json!([["08:00", "12:00"], ["13:00", "17:00"], ["22:00", "06:00"]]);
    calendar(json!({"timezone": "America/New_York",
        "hours": {"mon": w, "tue": w, "wed": w, "thu": w, "fri": w, "sat": [["10:00", "14:00"]]}}))
}

/// One start per clock, every 31 minutes 7 seconds from 2025-01-01: about 1.3 years.
fn starts() -> Vec<Timestamp> {
    let t0: Timestamp = "2025-01-01T00:00:00Z".parse().expect("constant");
    (0..CLOCKS as i64)
        .map(|i| t0 + SignedDuration::from_secs(i * 1867))
        .collect()
}

fn run(cal: &Calendar, starts: &[Timestamp], target: u32, pauses: &[Pause]) -> usize {
    let mut found = 0;
    for s in starts {
        found += usize::from(due_at(divan::black_box(cal), *s, target, pauses).is_some());
    }
    found
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn office_4h_1m(b: divan::Bencher) {
    let cal = office_berlin();
    let starts = starts();
    b.bench_local(|| run(&cal, &starts, 240, &[]));
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn split_overnight_4h_1m(b: divan::Bencher) {
    let cal = shifts_new_york();
    let starts = starts();
    b.bench_local(|| run(&cal, &starts, 240, &[]));
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn office_2_weeks_1m(b: divan::Bencher) {
    let cal = office_berlin();
    let starts = starts();
    b.bench_local(|| run(&cal, &starts, 10 * 8 * 60, &[]));
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn always_4h_1m(b: divan::Bencher) {
    let cal = Calendar::always();
    let starts = starts();
    b.bench_local(|| run(&cal, &starts, 240, &[]));
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn office_4h_with_pause_1m(b: divan::Bencher) {
    let cal = office_berlin();
    let from: Timestamp = "2025-06-02T10:00:00Z".parse().expect("constant");
    let pauses = [Pause::new(from, from + SignedDuration::from_hours(30))];
    let starts = starts();
    b.bench_local(|| run(&cal, &starts, 240, &pauses));
}
