//! SLA clocks: due dates, pauses, warnings, breaches, next check.
//!
//! A clock is a start instant, a target in business minutes of a calendar, and the pauses
//! during which it does not run; its status at `now` is recomputed from scratch, so a policy
//! change shows at once. Output times use the calendar's UTC offset at that instant (UTC,
//! written `+00:00`, for 24/7) so they read as the calendar's local wall-clock time.

mod action;
mod book;
mod clock;
mod escalation;
#[cfg(test)]
mod escalation_tests;
mod inline;
mod matcher;
mod policy;
mod resolve;
#[cfg(test)]
mod tests;

pub use action::sla_status;
pub use book::ClockBook;
pub use clock::{outcome, Clock, ClockState, ClockStatus, Outcome, DEFAULT_WARN_AT};
pub use escalation::{book_clocks, book_outcomes, clocks_for, EscalationClock};
pub use inline::{inline_status, parse_clock, MAX_TARGET_MINUTES};
pub use policy::{
    default_policies, default_targets, CalendarRef, ClockKind, ClockPolicy, OnTierChange, SlaPolicy,
};
pub use resolve::{
    business_calendar, calendar_of, default_timezone, named_calendar, policy_for, SlaEscalation,
    SlaTrigger,
};
