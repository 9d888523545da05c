//! What metrics need from one escalation, read in one pass over its log. It borrows from the
//! events instead of cloning (as `state::fold` does) because a metrics request may read a
//! hundred thousand logs; a test holds the two to the same answers.

use jiff::Timestamp;

use crate::event::{Escalation, EventKind};
use crate::scales::Status;

/// Notes whose text starts with this (any case) record the root cause: `Root cause:
/// connection_pool_exhaustion`. The last such note wins, so a corrected diagnosis replaces
/// the first guess.
pub const ROOT_CAUSE_PREFIX: &str = "root cause:";

#[derive(Debug, Clone, PartialEq)]
pub struct Facts<'a> {
    pub esc: &'a Escalation,
    pub opened_at: Timestamp,
    pub category: Option<&'a str>,
    pub segment: Option<&'a str>,
    pub severity: Option<&'a str>,
    /// The current owner.
    pub owner: Option<&'a str>,
    pub root_cause: Option<&'a str>,
    /// The current tier (update cadence, stalled detection).
    pub tier: u8,
    /// The highest tier reached: an escalation de-escalated on resolution still counts
    /// where it was handled.
    pub peak_tier: u8,
    pub acknowledged_at: Option<Timestamp>,
    pub resolved_at: Option<Timestamp>,
    pub done: bool,
    /// Raised to a higher tier after it was opened, or reopened after being resolved.
    pub re_escalated: bool,
}

/// When the escalation started: its `created` event. Cheap (the first event, as a rule), so
/// range filtering can skip a log before reading it.
pub fn opened_at(esc: &Escalation) -> Option<Timestamp> {
    esc.events.iter().find_map(|e| match e.kind {
        EventKind::Created { .. } => Some(e.at),
        _ => None,
    })
}

/// Whether an event is an update to the escalation: the shared definition of
/// `aging::rule::is_update` (reminders, pages and SLA nudges are not).
pub fn is_activity(kind: &EventKind) -> bool {
    crate::aging::rule::is_update(kind)
}

/// Reads the facts of one log; `None` for a log without a `created` event (it has no start,
/// so no range or duration can be said about it).
pub fn read(esc: &Escalation) -> Option<Facts<'_>> {
    let mut f: Option<Facts<'_>> = None;
    for e in &esc.events {
        if let EventKind::Created {
            customer,
            tier,
            severity,
            category,
            ..
        } = &e.kind
        {
            f = Some(Facts {
                esc,
                opened_at: e.at,
                category: category.as_deref(),
                segment: customer.segment.as_deref(),
                severity: severity.as_deref(),
                owner: None,
                root_cause: None,
                tier: *tier,
                peak_tier: *tier,
                acknowledged_at: None,
                resolved_at: None,
                done: false,
                re_escalated: false,
            });
            continue;
        }
        // Events before `created` (a hand-merged log) carry nothing we can attribute.
        let Some(f) = f.as_mut() else { continue };
        match &e.kind {
            EventKind::TierChanged { to, .. } => {
                f.re_escalated |= *to > f.tier;
                f.tier = *to;
            }
            EventKind::OwnerAssigned { owner } => f.owner = Some(owner),
            EventKind::StatusChanged { status } => {
                if *status == Status::Acknowledged {
                    f.acknowledged_at.get_or_insert(e.at);
                }
                if status.is_done() {
                    f.resolved_at.get_or_insert(e.at);
                } else {
                    // Reopened: the earlier resolution no longer describes the escalation.
                    f.re_escalated |= f.done;
                    f.resolved_at = None;
                }
                f.done = status.is_done();
            }
            EventKind::Acknowledged {} => {
                f.acknowledged_at.get_or_insert(e.at);
            }
            EventKind::Note { text, .. } => {
                if let Some(cause) = root_cause(text) {
                    f.root_cause = Some(cause);
                }
            }
            EventKind::DeescalationDecided {
                to_tier: Some(t), ..
            } => f.tier = *t,
            EventKind::Archived { .. } => {
                f.done = true;
                f.resolved_at.get_or_insert(e.at);
            }
            _ => {}
        }
        f.peak_tier = f.peak_tier.max(f.tier);
    }
    f
}

/// The cause named by a root-cause note, if `text` is one.
pub fn root_cause(text: &str) -> Option<&str> {
    let head = text.get(..ROOT_CAUSE_PREFIX.len())?;
    if !head.eq_ignore_ascii_case(ROOT_CAUSE_PREFIX) {
        return None;
    }
    let cause = text[ROOT_CAUSE_PREFIX.len()..].lines().next()?.trim();
    (!cause.is_empty()).then_some(cause)
}
