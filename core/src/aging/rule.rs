//! The one definition of "stalled", shared by `stalled-report` and the `stalled_count`
//! metric (`metrics::stalled`, `metrics::facts::is_activity`), so the report and the
//! dashboard never disagree.
//!
//! An escalation is stalled at `now` when it is not done and its *silence* (the time since
//! its last update that counts) is longer than its tier's update target. The target is the
//! `next_update` SLA target of the tier's policy (`sla_policies`, or the tier's default):
//! it is the cadence the team has promised to keep, and keeping a second per-tier number in
//! `notify.aging` would let the two drift apart. (Schema version 1 had such a number,
//! `notify.aging.update_target_minutes`, never read; the migration to version 2 drops it.)
//!
//! Silence is counted the way the `next_update` clock counts, so "stalled" and "next update
//! overdue" cannot disagree about what time counts:
//!
//! - in business time of that clock's calendar (24/7 unless configured). The target is in
//!   business minutes of that calendar, so counting wall-clock minutes against it would flag
//!   every office-hours escalation as stalled overnight and after each weekend, before its
//!   SLA clock had even warned. With the default 24/7 calendars the two are the same.
//! - without paused time: while the status is in the clock's `pause_states` (default
//!   `pending_customer`, `pending_vendor`) or between `paused` and `resumed` events, the
//!   escalation is waiting on someone else and its silence does not grow. A pause in the
//!   middle of a silence extends the allowance by its length; an open pause holds it.
//!
//! An update is any event a person or a workflow step caused (created, action, note, status,
//! owner, tier, acknowledgement, de-escalation, major-incident bridge and status updates,
//! and notifications that carry news such as a summary or a customer update), but not a
//! *nudge*: a notification the engine raises about the silence or a clock itself
//! (`aging_reminder`, `sla_warning`, `sla_breach`, `pager_trigger`), and not the clock's own
//! `paused` / `resumed` bookkeeping, which tells the customer nothing (as for the
//! `next_update` clock, which they do not restart). Counting nudges would let a reminder
//! hide the very escalation it reminds about.

use jiff::Timestamp;

use crate::calendar::{business_seconds, due_at_seconds, Calendar, Pause};
use crate::error::RequestError;
use crate::event::{Escalation, Event, EventKind};
use crate::sla::{ClockBook, ClockKind};

/// Notification types that are the engine nagging, not news about the escalation.
pub const NUDGES: &[&str] = &[
    "aging_reminder",
    "sla_warning",
    "sla_breach",
    "pager_trigger",
];

/// Minutes of silence after which an escalation of `tier` is stalled.
pub fn update_target_minutes(config: &crate::config::Config, tier: u8) -> u32 {
    crate::sla::policy_for(config, tier)
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
        EventKind::Paused { .. } | EventKind::Resumed {} => false,
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

/// How one tier counts silence: its `next_update` target, calendar and pause states.
#[derive(Debug, Clone)]
pub struct SilenceRule {
    target_minutes: u32,
    pause_states: Vec<String>,
    calendar: Calendar,
}

/// One escalation's silence at `now`.
#[derive(Debug, Clone, PartialEq)]
pub struct Silence {
    pub last_update: Timestamp,
    /// Counted silence since `last_update`: business seconds, paused time left out.
    pub seconds: i64,
    pub target_minutes: u32,
    /// Paused at `now` (the silence is not growing).
    pub paused: bool,
    /// The pauses that end after `last_update` (the last one open while paused).
    pub pauses: Vec<Pause>,
}

impl Silence {
    /// Whole minutes of counted silence.
    pub fn minutes(&self) -> i64 {
        self.seconds.div_euclid(60)
    }

    /// "Longer than" the target: a silence of exactly the target is not stalled yet.
    pub fn stalled(&self) -> bool {
        self.seconds > i64::from(self.target_minutes) * 60
    }
}

impl SilenceRule {
    /// The rule of `tier`; an error only when its `next_update` calendar is misconfigured.
    pub fn for_tier(book: &ClockBook<'_>, tier: u8) -> Result<Self, RequestError> {
        let r = book.get(tier, ClockKind::NextUpdate);
        Ok(Self {
            target_minutes: r.target_minutes,
            pause_states: r.rules.pause_states.clone(),
            calendar: r.calendar.clone()?,
        })
    }

    pub fn target_minutes(&self) -> u32 {
        self.target_minutes
    }

    /// The silence of `esc` at `now`, or `None` for a log without any update by then.
    pub fn measure(&self, esc: &Escalation, now: Timestamp) -> Option<Silence> {
        let mut events: Vec<&Event> = esc.events.iter().filter(|e| e.at <= now).collect();
        // Logs are kept sorted, but a hand-edited one may not be; pauses need time order.
        if !events.is_sorted_by(|a, b| a.at <= b.at) {
            crate::event::sort_log(&mut events);
        }
        let (mut by_status, mut by_event) = (false, false);
        let mut paused_from: Option<Timestamp> = None;
        let mut pauses = Vec::new();
        let mut last: Option<Timestamp> = None;
        for e in events {
            if is_update(&e.kind) {
                last = Some(e.at);
            }
            match &e.kind {
                EventKind::StatusChanged { status } => {
                    by_status = self.pause_states.iter().any(|p| p == status.as_str())
                }
                EventKind::Paused { .. } => by_event = true,
                EventKind::Resumed {} => by_event = false,
                _ => continue,
            }
            match (paused_from, by_status || by_event) {
                (None, true) => paused_from = Some(e.at),
                (Some(from), false) => {
                    pauses.push(Pause::new(from, e.at));
                    paused_from = None;
                }
                _ => {}
            }
        }
        let last = last?;
        if let Some(from) = paused_from {
            pauses.push(Pause { from, to: None });
        }
        pauses.retain(|p| p.to.is_none_or(|to| to > last));
        Some(Silence {
            last_update: last,
            seconds: self.counted_seconds(last, now, &pauses),
            target_minutes: self.target_minutes,
            paused: paused_from.is_some(),
            pauses,
        })
    }

    /// Counted seconds in `[from, to)`: business time of the calendar outside `pauses`.
    pub fn counted_seconds(&self, from: Timestamp, to: Timestamp, pauses: &[Pause]) -> i64 {
        if pauses.is_empty() && self.calendar.is_always() {
            // The usual case, and the one metrics meet a hundred thousand times.
            return (to.as_second() - from.as_second()).max(0);
        }
        business_seconds(&self.calendar, from, to, pauses)
    }

    /// The first instant the counted time since `from` is longer than the target: when a
    /// silence turns stalled, or a reminder falls due again. `None` while a pause is open
    /// (its end is unknown) or when the calendar never reaches the target.
    pub fn passed_at(&self, from: Timestamp, pauses: &[Pause]) -> Option<Timestamp> {
        // One counted second past the target (not the target plus a wall second: a target
        // that fills an office day is passed the next morning, not at 17:00:01).
        let target = i64::from(self.target_minutes) * 60;
        due_at_seconds(&self.calendar, from, target + 1, pauses)
    }
}

/// Silence rules looked up once per tier: a request reads many escalations of few tiers.
pub struct SilenceRules<'b, 'c> {
    book: &'b ClockBook<'c>,
    by_tier: Vec<(u8, Result<SilenceRule, RequestError>)>,
}

impl<'b, 'c> SilenceRules<'b, 'c> {
    pub fn new(book: &'b ClockBook<'c>) -> Self {
        Self {
            book,
            by_tier: Vec::new(),
        }
    }

    pub fn get(&mut self, tier: u8) -> Result<&SilenceRule, RequestError> {
        let i = match self.by_tier.iter().position(|(t, _)| *t == tier) {
            Some(i) => i,
            None => {
                let rule = SilenceRule::for_tier(self.book, tier);
                self.by_tier.push((tier, rule));
                self.by_tier.len() - 1
            }
        };
        self.by_tier[i].1.as_ref().map_err(Clone::clone)
    }
}

/// Whether `esc` (at `tier`, `done` or not) is stalled at `now`.
pub fn is_stalled(
    rules: &mut SilenceRules<'_, '_>,
    esc: &Escalation,
    tier: u8,
    done: bool,
    now: Timestamp,
) -> Result<bool, RequestError> {
    if done {
        return Ok(false);
    }
    Ok(rules
        .get(tier)?
        .measure(esc, now)
        .is_some_and(|s| s.stalled()))
}
