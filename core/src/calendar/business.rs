//! Business time between instants, and the instant business time reaches a target.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::walk::{PauseSet, Unpaused};
use super::Calendar;

/// A span during which a clock does not run. `to: None` means not resumed yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pause {
    #[serde(deserialize_with = "crate::time_parse::serde_instant::one")]
    pub from: Timestamp,
    #[serde(default, deserialize_with = "crate::time_parse::serde_instant::option")]
    pub to: Option<Timestamp>,
}

impl Pause {
    pub fn new(from: Timestamp, to: Timestamp) -> Self {
        Self { from, to: Some(to) }
    }
}

pub(crate) fn pause_set(pauses: &[Pause]) -> PauseSet {
    PauseSet::new(
        pauses
            .iter()
            .map(|p| (p.from.as_second(), p.to.map_or(i64::MAX, |t| t.as_second()))),
    )
}

/// Business seconds in `[from, to)`; zero when `to` is not after `from`.
pub fn business_seconds(cal: &Calendar, from: Timestamp, to: Timestamp, pauses: &[Pause]) -> i64 {
    seconds_between(cal, from.as_second(), to.as_second(), &pause_set(pauses))
}

/// Whole business minutes in `[from, to)` (rounded down).
pub fn business_minutes(cal: &Calendar, from: Timestamp, to: Timestamp, pauses: &[Pause]) -> i64 {
    business_seconds(cal, from, to, pauses).div_euclid(60)
}

/// The earliest instant at which business time since `start` reaches `target_minutes`.
/// A target that fills a window exactly is due at that window's end. `None` when it is never
/// reached: a calendar without windows (or whose every working day for years is a holiday),
/// or a pause that has not ended.
pub fn due_at(
    cal: &Calendar,
    start: Timestamp,
    target_minutes: u32,
    pauses: &[Pause],
) -> Option<Timestamp> {
    due_at_seconds(cal, start, i64::from(target_minutes) * 60, pauses)
}

/// [`due_at`] with the target in seconds.
pub fn due_at_seconds(
    cal: &Calendar,
    start: Timestamp,
    target_seconds: i64,
    pauses: &[Pause],
) -> Option<Timestamp> {
    let s = reach(cal, start.as_second(), target_seconds, &pause_set(pauses))?;
    Timestamp::from_second(s).ok()
}

pub(crate) fn seconds_between(cal: &Calendar, from: i64, to: i64, pauses: &PauseSet) -> i64 {
    if to <= from {
        return 0;
    }
    let mut total = 0;
    for (s, e) in Unpaused::new(cal, from, pauses) {
        if s >= to {
            break;
        }
        total += e.min(to) - s;
    }
    total
}

/// The real instant (seconds) at which business time since `from` reaches `target`.
pub(crate) fn reach(cal: &Calendar, from: i64, target: i64, pauses: &PauseSet) -> Option<i64> {
    if target <= 0 {
        return Some(from);
    }
    let mut left = target;
    for (s, e) in Unpaused::new(cal, from, pauses) {
        if e == i64::MAX {
            // An endless interval: 24/7 with no later pause.
            return s.checked_add(left);
        }
        if e - s >= left {
            return Some(s + left);
        }
        left -= e - s;
    }
    None
}
