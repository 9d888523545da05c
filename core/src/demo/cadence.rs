//! Customer updates in the demo's timelines. The story (`mod.rs`) draws the work: steps,
//! pauses, resolution; left at that, the hours between steps are silent, every `next_update`
//! clock breaches and the dashboard reads 0 % compliance, which no real team would show.
//! Here a support engineer posts an update before each tier's cadence runs out, most of the
//! time, and now and then late, so the demo's update compliance looks like a team's.
//!
//! Updates draw from their own generator (seeded per escalation), so adding them leaves the
//! story's draws, and with them every tier, customer and timestamp of the story, unchanged.

use jiff::{SignedDuration, Timestamp};

use super::prng::Prng;
use crate::event::{Escalation, Event, EventKind};
use crate::sla::default_targets;

/// One update in this many is posted after the cadence ran out.
const LATE_ONE_IN: i64 = 9;

const UPDATES: &[&str] = &[
    "Update sent to the customer: still investigating, next update to follow",
    "Update sent to the customer: reproduced the issue, working on a fix",
    "Update sent to the customer: fix in progress, testing in staging",
    "Update sent to the customer: waiting on the engineering review",
];

/// Adds notes to `esc` wherever its `next_update` clock would otherwise run out before
/// `end`: the clock restarts at each one. Respects pauses (no update is owed while paused or
/// pending) and stops at resolution.
pub fn keep_customers_updated(esc: &mut Escalation, seed: u64, end: Timestamp) {
    let mut rng = Prng::new(seed);
    let mut added = Vec::new();
    let mut tier = 1u8;
    let mut last_update: Option<Timestamp> = None;
    let mut owner = String::new();
    let mut waiting = false;
    let horizons = esc
        .events
        .iter()
        .map(|e| e.at)
        .skip(1)
        .chain(std::iter::once(end));
    for (e, next_at) in esc.events.iter().zip(horizons) {
        match &e.kind {
            EventKind::Created { tier: t, .. } => tier = *t,
            EventKind::TierChanged { to, .. } => tier = *to,
            EventKind::OwnerAssigned { owner: o } => owner.clone_from(o),
            EventKind::Paused { .. } => waiting = true,
            EventKind::Resumed {} => waiting = false,
            EventKind::StatusChanged { status } if status.is_done() => break,
            _ => {}
        }
        if matches!(
            e.kind,
            EventKind::Created { .. }
                | EventKind::ActionTaken { .. }
                | EventKind::Note { .. }
                | EventKind::StatusChanged { .. }
                | EventKind::Resumed {}
        ) {
            last_update = Some(e.at);
        }
        let (Some(mut from), false) = (last_update, waiting || owner.is_empty()) else {
            continue;
        };
        let cadence = i64::from(default_targets(tier)[1]);
        loop {
            let share = if rng.range(0, LATE_ONE_IN) == 0 {
                rng.range(105, 140)
            } else {
                rng.range(55, 95)
            };
            let at = from + SignedDuration::from_mins(cadence * share / 100);
            if at >= next_at {
                break;
            }
            added.push(Event {
                id: format!("{}-u{:02}", esc.id, added.len() + 1),
                at,
                actor: owner.clone(),
                kind: EventKind::Note {
                    text: (*rng.pick(UPDATES)).to_string(),
                    topic: None,
                    estimate: None,
                },
            });
            from = at;
        }
        last_update = Some(from);
    }
    esc.events.extend(added);
    crate::event::sort_log(&mut esc.events);
}
