//! Aging and escalation chains, computed from the event log and `now` alone:
//!
//! - `stalled-report` ([`report`]): which active escalations have gone quiet for longer than
//!   their tier's update target ([`rule`], the one definition of "stalled": business time
//!   of the `next_update` calendar, paused time left out), how old the active ones are
//!   (buckets), and optionally an `aging_reminder` for each stalled one.
//! - `escalation-chain` ([`chain`]): while nobody acknowledges, the next role of the tier's
//!   chain is paged after a delay, the chain repeating up to N times (like PagerDuty or
//!   GoAlert escalation policies).
//!
//! Both only read the log; with `remind` / `record` they append `notification_generated`
//! events through the notify composer ([`send`]), the same path as `generate-notification`.

mod buckets;
pub mod chain;
#[cfg(test)]
mod pause_tests;
pub mod report;
pub mod rule;
pub mod send;
#[cfg(test)]
pub(crate) mod tests;
/// Log builders shared with the major-incident tests.
#[cfg(test)]
pub(crate) use tests as tests_support;

use std::borrow::Cow;

use jiff::Timestamp;

use crate::error::RequestError;
use crate::event::Escalation;
use crate::params::missing;

pub use chain::escalation_chain;
pub use report::stalled_report;

/// The escalation as it stood at `now`: events after it have not happened yet. Borrowed
/// when nothing lies in the future, which is the usual case.
pub fn as_of(esc: &Escalation, now: Timestamp) -> Cow<'_, Escalation> {
    if esc.events.iter().all(|e| e.at <= now) {
        return Cow::Borrowed(esc);
    }
    Cow::Owned(Escalation {
        id: esc.id.clone(),
        events: esc.events.iter().filter(|e| e.at <= now).cloned().collect(),
    })
}

/// `now` from the request's top level, or an error that says which action needs it.
pub fn need_now(now: Option<Timestamp>, action: &str) -> Result<Timestamp, RequestError> {
    now.ok_or_else(|| {
        missing("now").with_message(format!(
            "{action} needs the current time: give `now` at the request's top level"
        ))
    })
}

/// Whole minutes from `a` to `b` (negative when `b` is earlier).
pub fn minutes_between(a: Timestamp, b: Timestamp) -> i64 {
    (b.as_second() - a.as_second()).div_euclid(60)
}
