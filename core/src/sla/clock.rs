//! One SLA clock at an instant: due date, business time used and left, state, next check.

use jiff::Timestamp;
use serde::Serialize;
use serde_json::{json, Value};

use crate::calendar::{business, Calendar, Pause};

/// Warning thresholds used when a clock names none: half and three quarters of the target.
pub const DEFAULT_WARN_AT: [f64; 2] = [0.5, 0.75];

/// Everything a clock needs; the event-log side builds these from events and policy.
#[derive(Debug, Clone, PartialEq)]
pub struct Clock {
    pub start: Timestamp,
    pub target_minutes: u32,
    pub calendar: Calendar,
    pub pauses: Vec<Pause>,
    /// Fractions of the target, each in (0, 1), at which the clock turns to `warning`.
    pub warn_at: Vec<f64>,
    /// When the clock was satisfied (first response sent, ticket resolved, ...).
    pub stopped_at: Option<Timestamp>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClockState {
    Running,
    Paused,
    Warning,
    Breached,
    Met,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClockStatus {
    /// `None` when the target can never be reached (a pause not yet ended, or a calendar
    /// with no business time).
    pub due_at: Option<Timestamp>,
    pub elapsed_minutes: i64,
    /// Target minus elapsed; negative once the clock has overrun its target.
    pub remaining_minutes: i64,
    pub state: ClockState,
    pub breached_at: Option<Timestamp>,
    /// The next instant after `now` at which `state` changes; `None` once met or breached,
    /// or while paused indefinitely.
    pub next_check_at: Option<Timestamp>,
}

impl Clock {
    /// The clock's status at `now`.
    ///
    /// Breached means the deadline passed unmet: `now >= due_at` while running, or
    /// `stopped_at > due_at` (stopping exactly at the deadline meets it).
    pub fn status(&self, now: Timestamp) -> ClockStatus {
        let pauses = business::pause_set(&self.pauses);
        let start = self.start.as_second();
        let now_s = now.as_second();
        let stop = stop_by(self.stopped_at, now_s);
        let until = stop.unwrap_or(now_s);
        let elapsed = business::seconds_between(&self.calendar, start, until, &pauses);
        let target = i64::from(self.target_minutes) * 60;
        let due = business::reach(&self.calendar, start, target, &pauses);
        let breached = missed(due, stop, now_s);
        let paused_now = pauses
            .intervals()
            .iter()
            .any(|&(f, t)| f <= now_s && now_s < t);
        let thresholds: Vec<i64> = self
            .warn_at
            .iter()
            .map(|f| (f * target as f64).ceil() as i64)
            .collect();
        let state = if breached {
            ClockState::Breached
        } else if stop.is_some() {
            ClockState::Met
        } else if paused_now {
            ClockState::Paused
        } else if thresholds.iter().any(|t| elapsed >= *t) {
            ClockState::Warning
        } else {
            ClockState::Running
        };
        let next_check = if matches!(state, ClockState::Breached | ClockState::Met) {
            None
        } else {
            // Candidates: the breach, every threshold not yet crossed, every pause edge ahead.
            let crossings = thresholds
                .iter()
                .filter(|t| **t > elapsed)
                .filter_map(|t| business::reach(&self.calendar, start, *t, &pauses));
            let edges = pauses
                .intervals()
                .iter()
                .flat_map(|&(f, t)| [f, t])
                .filter(|e| *e != i64::MAX);
            due.into_iter()
                .chain(crossings)
                .chain(edges)
                .filter(|t| *t > now_s)
                .min()
        };
        let to_ts = |s: i64| Timestamp::from_second(s).ok();
        let elapsed_minutes = elapsed.div_euclid(60);
        ClockStatus {
            due_at: due.and_then(to_ts),
            elapsed_minutes,
            remaining_minutes: i64::from(self.target_minutes) - elapsed_minutes,
            state,
            breached_at: if breached { due.and_then(to_ts) } else { None },
            next_check_at: next_check.and_then(to_ts),
        }
    }
}

/// Whether a clock is decided at `now`, as [`Clock::status`] would say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Met,
    Breached,
    /// Running, in warning or paused: not decided yet.
    Open,
}

/// [`Clock::status`] reduced to its [`Outcome`], for callers that tally many clocks: it
/// skips elapsed time, warnings and the next check, and borrows the calendar.
pub fn outcome(
    calendar: &Calendar,
    start: Timestamp,
    target_minutes: u32,
    pauses: &[Pause],
    stopped_at: Option<Timestamp>,
    now: Timestamp,
) -> Outcome {
    let now_s = now.as_second();
    let stop = stop_by(stopped_at, now_s);
    let target = i64::from(target_minutes) * 60;
    let due = business::reach(
        calendar,
        start.as_second(),
        target,
        &business::pause_set(pauses),
    );
    if missed(due, stop, now_s) {
        Outcome::Breached
    } else if stop.is_some() {
        Outcome::Met
    } else {
        Outcome::Open
    }
}

/// The stop in seconds, if it has happened by `now_s`.
fn stop_by(stopped_at: Option<Timestamp>, now_s: i64) -> Option<i64> {
    stopped_at.map(Timestamp::as_second).filter(|s| *s <= now_s)
}

/// Breached: stopped after the due time, or still running at or past it.
fn missed(due: Option<i64>, stop: Option<i64>, now_s: i64) -> bool {
    match (due, stop) {
        (None, _) => false,
        (Some(d), Some(s)) => s > d,
        (Some(d), None) => now_s >= d,
    }
}

impl ClockStatus {
    /// The response shape of `sla-status`: times in RFC 3339 with the calendar's offset.
    pub fn to_json(&self, calendar: &Calendar) -> Value {
        let time = |t: Option<Timestamp>| t.map_or(Value::Null, |t| json!(calendar.format(t)));
        json!({
            "due_at": time(self.due_at),
            "elapsed_minutes": self.elapsed_minutes,
            "remaining_minutes": self.remaining_minutes,
            "state": self.state,
            "breached_at": time(self.breached_at),
            "next_check_at": time(self.next_check_at),
        })
    }
}
