//! The one definition of "stalled", shared by `stalled-report` and the `stalled_count`
//! metric (`metrics::stalled`, `metrics::facts::is_activity`), so the report and the
//! dashboard never disagree.
//!
//! An escalation is stalled at `now` when it is not done and its last *update* is more than
//! its tier's update target ago. The target is the `next_update` SLA target of the tier's
//! policy (`sla_policies`, or the tier's default), counted in wall-clock minutes: it is the
//! cadence the team has promised to keep, and keeping a second per-tier number in
//! `notify.aging` would let the two drift apart. (`notify.aging.update_target_minutes` is
//! therefore not read; `notify.aging.bucket_hours` is.)
//!
//! An update is any event a person or a workflow step caused (created, action, note, status,
//! owner, tier, pause, acknowledgement, de-escalation, major-incident bridge and status
//! updates, and notifications that carry news such as a summary or a customer update), but
//! not a *nudge*: a notification the engine raises about the silence or a clock itself
//! (`aging_reminder`, `sla_warning`, `sla_breach`, `pager_trigger`). Counting nudges would let
//! a reminder hide the very escalation it reminds about.

use jiff::Timestamp;

use crate::config::Config;
use crate::event::{Escalation, EventKind};
use crate::sla::{policy_for, ClockKind};

/// Notification types that are the engine nagging, not news about the escalation.
pub const NUDGES: &[&str] = &[
    "aging_reminder",
    "sla_warning",
    "sla_breach",
    "pager_trigger",
];

/// Minutes of silence after which an escalation of `tier` is stalled.
pub fn update_target_minutes(config: &Config, tier: u8) -> u32 {
    policy_for(config, tier)
        .0
        .clock(ClockKind::NextUpdate)
        .target_minutes
}

/// Whether an event counts as an update (see the module comment).
pub fn is_update(kind: &EventKind) -> bool {
    match kind {
        EventKind::NotificationGenerated {
            notification_type, ..
        } => !NUDGES.contains(&notification_type.as_str()),
        _ => true,
    }
}

/// The last update of `esc` at or before `now` (events after `now` have not happened yet).
pub fn last_update_at(esc: &Escalation, now: Timestamp) -> Option<Timestamp> {
    esc.events
        .iter()
        .filter(|e| e.at <= now && is_update(&e.kind))
        .map(|e| e.at)
        .max()
}

/// The comparison itself, for callers that looked the target up once per tier.
pub fn silent_too_long(target_minutes: u32, last_update: Timestamp, now: Timestamp) -> bool {
    now.as_second() - last_update.as_second() > i64::from(target_minutes) * 60
}

/// Whether an escalation of `tier` whose last update was `last_update` is stalled at `now`.
pub fn is_stalled(
    config: &Config,
    tier: u8,
    done: bool,
    last_update: Timestamp,
    now: Timestamp,
) -> bool {
    !done && silent_too_long(update_target_minutes(config, tier), last_update, now)
}
