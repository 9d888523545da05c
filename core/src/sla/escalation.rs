//! The SLA clocks of one escalation, folded from its event log under the current config.
//!
//! Nothing is stored: start, stop, pauses and target are read from the events at or before
//! `now` and the policy as it is today, so a policy change shows at once.
//!
//! - A clock starts at the first event named in `starts_on` (`next_update` restarts at
//!   each one: it measures time since the last update) and stops at the first one named in
//!   `stops_on`. A name matches an event kind (`acknowledged`, `owner_assigned`) or a
//!   `status_changed` into that status (`in_progress`, `resolved`).
//! - A status change out of a stopping status (a reopen) clears the stop of `next_update`
//!   and `resolution`; the resolved span counts as a pause of the resolution clock.
//! - The clock pauses while the status is in `pause_states`, and between `paused` and
//!   `resumed` events.
//! - Rules, calendar and thresholds come from the policy of the escalation's tier at the
//!   clock's stop (or at `now`); `on_tier_change` picks the target: `retarget` that tier's,
//!   `keep` the tier's at the start, `restart` that tier's counted from the last tier change.

use jiff::Timestamp;
use serde::Serialize;
use serde_json::{json, Value};

use std::borrow::Cow;

use super::book::{ClockBook, Resolved};
use super::clock::{outcome, Clock, ClockState, Outcome};
use super::policy::{ClockKind, OnTierChange};
use crate::calendar::{due_at_seconds, Calendar, Pause};
use crate::config::Config;
use crate::error::RequestError;
use crate::event::{Escalation, Event, EventKind};

/// One clock of an escalation at `now`: its kind, what it ran on, and its status.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EscalationClock {
    pub kind: ClockKind,
    /// The tier whose target applies.
    pub tier: u8,
    pub target_minutes: u32,
    pub started_at: Timestamp,
    /// When the clock was satisfied; `None` while it runs.
    pub stopped_at: Option<Timestamp>,
    pub due_at: Option<Timestamp>,
    pub elapsed_minutes: i64,
    pub remaining_minutes: i64,
    pub state: ClockState,
    /// When the clock first reached a warning threshold, if it has by `now` (or its stop).
    pub warned_at: Option<Timestamp>,
    pub breached_at: Option<Timestamp>,
    pub next_check_at: Option<Timestamp>,
    /// For display in the calendar's local offset ([`EscalationClock::to_json`]).
    #[serde(skip)]
    pub calendar: Calendar,
}

impl EscalationClock {
    /// The `sla-status` shape: the inline clock's fields plus kind, tier, target, start and
    /// stop, times in RFC 3339 with the calendar's offset.
    pub fn to_json(&self) -> Value {
        let time = |t: Option<Timestamp>| t.map_or(Value::Null, |t| json!(self.calendar.format(t)));
        json!({
            "kind": self.kind,
            "tier": self.tier,
            "target_minutes": self.target_minutes,
            "started_at": time(Some(self.started_at)),
            "stopped_at": time(self.stopped_at),
            "due_at": time(self.due_at),
            "elapsed_minutes": self.elapsed_minutes,
            "remaining_minutes": self.remaining_minutes,
            "state": self.state,
            "warned_at": time(self.warned_at),
            "breached_at": time(self.breached_at),
            "next_check_at": time(self.next_check_at),
        })
    }
}

/// Every clock of `esc` that has started by `now`, in the order first response, next
/// update, resolution. Errors only on a config that names an unknown calendar or zone.
pub fn clocks_for(
    config: &Config,
    esc: &Escalation,
    now: Timestamp,
) -> Result<Vec<EscalationClock>, RequestError> {
    book_clocks(&ClockBook::new(config), esc, now)
}

/// [`clocks_for`] with the tiers' clocks resolved once, for callers that fold many escalations.
pub fn book_clocks(
    book: &ClockBook,
    esc: &Escalation,
    now: Timestamp,
) -> Result<Vec<EscalationClock>, RequestError> {
    let mut out = Vec::new();
    each_clock(book, esc, now, |p| {
        out.push(p.clock(now)?);
        Ok(())
    })?;
    Ok(out)
}

/// The [`Outcome`] of each clock of `esc` at `now` (`None`: not started), indexed like
/// `ClockKind::ALL`: what [`book_clocks`] would say of met and breached, without building
/// the clocks. Errors exactly when `book_clocks` would.
pub fn book_outcomes(
    book: &ClockBook,
    esc: &Escalation,
    now: Timestamp,
) -> Result<[Option<Outcome>; 3], RequestError> {
    let mut out = [None; 3];
    each_clock(book, esc, now, |p| {
        let calendar = p.resolved.calendar.as_ref().map_err(Clone::clone)?;
        let o = outcome(
            calendar,
            p.start,
            p.target_minutes,
            &p.walk.pauses,
            p.walk.stop,
            now,
        );
        out[kind_index(p.kind)] = Some(o);
        Ok(())
    })?;
    Ok(out)
}

fn kind_index(kind: ClockKind) -> usize {
    ClockKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)
}

/// Calls `f` with each clock of `esc` that has started by `now`, in `ClockKind::ALL` order.
fn each_clock(
    book: &ClockBook,
    esc: &Escalation,
    now: Timestamp,
    mut f: impl FnMut(Planned<'_>) -> Result<(), RequestError>,
) -> Result<(), RequestError> {
    let by_now = move |e: &&Event| e.at <= now;
    let in_order = |a: &&Event, b: &&Event| a.at <= b.at;
    // Logs are kept sorted, so the usual case walks the log in place; a hand-edited one
    // may not be, and the fold needs time order.
    if esc.events.iter().filter(by_now).is_sorted_by(in_order) {
        return plan_each(book, esc.events.iter().filter(by_now), &mut f);
    }
    let mut events: Vec<&Event> = esc.events.iter().filter(by_now).collect();
    crate::event::sort_log(&mut events);
    plan_each(book, events.iter().copied(), &mut f)
}

fn plan_each<'e, I>(
    book: &ClockBook,
    events: I,
    f: &mut impl FnMut(Planned<'_>) -> Result<(), RequestError>,
) -> Result<(), RequestError>
where
    I: Iterator<Item = &'e Event> + Clone,
{
    let final_tier = events.clone().fold(1, |t, e| tier_after(t, &e.kind));
    for kind in ClockKind::ALL {
        if let Some(p) = plan(book, events.clone(), kind, final_tier) {
            f(p)?;
        }
    }
    Ok(())
}

/// One clock of one escalation before its status is read: its walk, rules and target.
struct Planned<'b> {
    kind: ClockKind,
    resolved: Cow<'b, Resolved>,
    walk: Walk,
    target_tier: u8,
    start: Timestamp,
    target_minutes: u32,
}

fn plan<'b, 'e>(
    book: &'b ClockBook,
    events: impl Iterator<Item = &'e Event>,
    kind: ClockKind,
    final_tier: u8,
) -> Option<Planned<'b>> {
    let resolved = book.get(final_tier, kind);
    let w = walk(events, kind, &resolved)?;
    let (target_tier, start) = match resolved.rules.on_tier_change {
        OnTierChange::Retarget => (w.tier, w.start),
        OnTierChange::Keep => (w.start_tier, w.start),
        OnTierChange::Restart => (w.tier, w.tier_changed_at.unwrap_or(w.start).max(w.start)),
    };
    let target_minutes = book.get(target_tier, kind).target_minutes;
    Some(Planned {
        kind,
        resolved,
        walk: w,
        target_tier,
        start,
        target_minutes,
    })
}

impl Planned<'_> {
    fn clock(self, now: Timestamp) -> Result<EscalationClock, RequestError> {
        let calendar = self.resolved.calendar.clone()?;
        let w = self.walk;
        let clock = Clock {
            start: self.start,
            target_minutes: self.target_minutes,
            calendar,
            pauses: w.pauses,
            warn_at: self.resolved.rules.warn_at.clone(),
            stopped_at: w.stop,
        };
        let s = clock.status(now);
        let warned_at = warned_at(&clock, now);
        Ok(EscalationClock {
            kind: self.kind,
            tier: self.target_tier,
            target_minutes: self.target_minutes,
            started_at: self.start,
            stopped_at: w.stop,
            due_at: s.due_at,
            elapsed_minutes: s.elapsed_minutes,
            remaining_minutes: s.remaining_minutes,
            state: s.state,
            warned_at,
            breached_at: s.breached_at,
            next_check_at: s.next_check_at,
            calendar: clock.calendar,
        })
    }
}

/// What one walk of the log finds for one clock.
struct Walk {
    start: Timestamp,
    start_tier: u8,
    stop: Option<Timestamp>,
    /// The tier at the stop, or at the end of the log.
    tier: u8,
    /// The last tier change after the start (and before the stop).
    tier_changed_at: Option<Timestamp>,
    pauses: Vec<Pause>,
}

/// The instant the lowest warning threshold was reached, the same way `Clock::status` counts
/// it (the threshold rounded up to a whole second), if that was by the stop and by `now`.
fn warned_at(clock: &Clock, now: Timestamp) -> Option<Timestamp> {
    let lowest = clock.warn_at.iter().copied().reduce(f64::min)?;
    let seconds = (lowest * f64::from(clock.target_minutes) * 60.0).ceil() as i64;
    let at = due_at_seconds(&clock.calendar, clock.start, seconds, &clock.pauses)?;
    let until = clock.stopped_at.map_or(now, |s| s.min(now));
    (at <= until).then_some(at)
}

fn tier_after(tier: u8, kind: &EventKind) -> u8 {
    match kind {
        EventKind::Created { tier, .. } | EventKind::TierChanged { to: tier, .. } => *tier,
        EventKind::DeescalationDecided {
            to_tier: Some(t), ..
        } => *t,
        _ => tier,
    }
}

fn walk<'e>(
    events: impl Iterator<Item = &'e Event>,
    kind: ClockKind,
    r: &Resolved,
) -> Option<Walk> {
    let restarts = kind == ClockKind::NextUpdate;
    let mut tier = 1;
    let mut w: Option<Walk> = None;
    // Pause bookkeeping: either cause pauses the clock; an edge of the union is a pause edge.
    let (mut by_status, mut by_event) = (false, false);
    let mut paused_from: Option<Timestamp> = None;
    let mut resolved_from: Option<Timestamp> = None;
    for e in events {
        tier = tier_after(tier, &e.kind);
        let is_start = r.starts.hit(&e.kind);
        let is_stop = r.stops.hit(&e.kind);
        match &e.kind {
            EventKind::StatusChanged { status } => by_status = r.pause_states.contains(*status),
            EventKind::Paused { .. } => by_event = true,
            EventKind::Resumed {} => by_event = false,
            _ => {}
        }
        if let Some(w) = w.as_mut() {
            let paused = by_status || by_event;
            match (paused_from, paused) {
                (None, true) => paused_from = Some(e.at),
                (Some(from), false) => {
                    w.pauses.push(Pause::new(from, e.at));
                    paused_from = None;
                }
                _ => {}
            }
            let tier_change = matches!(
                e.kind,
                EventKind::TierChanged { .. }
                    | EventKind::DeescalationDecided {
                        to_tier: Some(_),
                        ..
                    }
            );
            if tier_change && w.stop.is_none() {
                w.tier = tier;
                w.tier_changed_at = Some(e.at);
            }
            // A reopen: only a later status change undoes a stop, and never a first response.
            let reopened = w.stop.is_some()
                && kind != ClockKind::FirstResponse
                && matches!(e.kind, EventKind::StatusChanged { .. })
                && !is_stop;
            if reopened {
                w.stop = None;
                w.tier = tier;
                if let Some(from) = resolved_from.take() {
                    w.pauses.push(Pause::new(from, e.at));
                }
            }
            if is_start && !is_stop && restarts && w.stop.is_none() {
                w.start = e.at;
                w.start_tier = tier;
                w.tier_changed_at = None;
            }
            if is_stop && w.stop.is_none() {
                w.stop = Some(e.at);
                w.tier = tier;
                resolved_from = Some(e.at);
            }
        } else if is_start {
            let paused = by_status || by_event;
            paused_from = paused.then_some(e.at);
            w = Some(Walk {
                start: e.at,
                start_tier: tier,
                stop: is_stop.then_some(e.at),
                tier,
                tier_changed_at: None,
                pauses: Vec::new(),
            });
        }
    }
    let mut w = w?;
    if let Some(from) = paused_from {
        w.pauses.push(Pause { from, to: None });
    }
    Some(w)
}
