//! SLA clocks: due dates, pauses, warnings, breaches, next check.
//!
//! A clock is a start instant, a target in business minutes of a calendar, and the pauses
//! during which it does not run; its status at `now` is recomputed from scratch, so a policy
//! change shows at once. Output times use the calendar's UTC offset at that instant (UTC,
//! written `+00:00`, for 24/7) so they read as the calendar's local wall-clock time.

mod clock;
mod inline;
mod policy;
#[cfg(test)]
mod tests;

pub use clock::{Clock, ClockState, ClockStatus, DEFAULT_WARN_AT};
pub use inline::{inline_status, parse_clock, MAX_TARGET_MINUTES};
pub use policy::{
    default_policies, default_targets, CalendarRef, ClockKind, ClockPolicy, OnTierChange, SlaPolicy,
};
