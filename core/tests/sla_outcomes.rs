//! `sla::book_outcomes` (the tally path metrics use) against `sla::book_clocks` (the full
//! clocks `sla-status` shows) on random logs and policies: same clocks started, same met /
//! breached / open, same errors. Logs include pauses, pending statuses, tier changes,
//! reopens, events after `now`, out-of-order events, and policies with custom names,
//! calendars and `on_tier_change`.

use escalon::config::Config;
use escalon::event::{CustomerRef, Escalation, Event, EventKind};
use escalon::scales::Status;
use escalon::sla::{
    book_clocks, book_outcomes, CalendarRef, ClockBook, ClockKind, ClockPolicy, ClockState,
    OnTierChange, Outcome, SlaPolicy,
};
use jiff::{SignedDuration, Timestamp};
use proptest::prelude::*;
use serde_json::json;

const NAMES: [&str; 10] = [
    "created",
    "acknowledged",
    "note",
    "status_changed",
    "in_progress",
    "resolved",
    "pending_customer",
    "paused",
    "tier_changed",
    "action_taken",
];

fn kind(pick: u8, arg: u8) -> EventKind {
    match pick % 9 {
        0 => EventKind::Acknowledged {},
        1 => EventKind::StatusChanged {
            status: Status::ALL[usize::from(arg) % Status::ALL.len()],
        },
        2 => EventKind::TierChanged {
            to: 1 + arg % 5,
            reason: None,
            priority: None,
            urgency_score: None,
        },
        3 => EventKind::Paused { reason: None },
        4 => EventKind::Resumed {},
        5 => EventKind::ActionTaken { action: "x".into() },
        6 => EventKind::Note {
            text: "x".into(),
            topic: None,
            estimate: None,
        },
        7 => EventKind::DeescalationDecided {
            decision: "x".into(),
            to_tier: arg.is_multiple_of(2).then_some(1 + arg % 4),
            rationale: None,
        },
        _ => EventKind::OwnerAssigned { owner: "o".into() },
    }
}

fn escalation(tier: u8, steps: &[(i64, u8, u8)], shuffle: bool) -> Escalation {
    let t0: Timestamp = "2025-03-03T08:00:00Z".parse().unwrap();
    let mut events = vec![Event {
        id: "e00".into(),
        at: t0,
        actor: "p".into(),
        kind: EventKind::Created {
            ticket: "T".into(),
            customer: CustomerRef::default(),
            tier,
            urgency_score: None,
            priority: None,
            severity: None,
            impact: None,
            category: None,
            product: None,
            summary: None,
        },
    }];
    let mut t = t0;
    for (i, &(gap, pick, arg)) in steps.iter().enumerate() {
        t += SignedDuration::from_mins(gap);
        events.push(Event {
            id: format!("e{:02}", i + 1),
            at: t,
            actor: "p".into(),
            kind: kind(pick, arg),
        });
    }
    if shuffle {
        events.reverse();
    }
    Escalation {
        id: "ESC".into(),
        events,
    }
}

fn names(picks: &[u8]) -> Vec<String> {
    picks
        .iter()
        .map(|p| NAMES[usize::from(*p) % NAMES.len()].to_string())
        .collect()
}

/// Picks for one clock policy: starts_on, stops_on, pause_states, on_tier_change, calendar.
type Picks = (Vec<u8>, Vec<u8>, Vec<u8>, u8, u8);

fn policy(tier: u8, target: u32, p: &Picks) -> SlaPolicy {
    let (starts, stops, pauses, change, cal) = p;
    let calendar = match cal % 4 {
        0 => CalendarRef::Named("24/7".into()),
        1 => CalendarRef::Named("business".into()),
        2 => CalendarRef::Named("nights".into()),
        _ => CalendarRef::Named("missing".into()),
    };
    let clock = ClockPolicy {
        target_minutes: target,
        calendar,
        pause_states: names(pauses),
        warn_at: vec![0.5],
        starts_on: names(starts),
        stops_on: names(stops),
        on_tier_change: [
            OnTierChange::Retarget,
            OnTierChange::Restart,
            OnTierChange::Keep,
        ][usize::from(*change) % 3],
    };
    let mut next = clock.clone();
    next.starts_on.clear();
    next.stops_on.clear();
    SlaPolicy {
        tier,
        first_response: Some(clock),
        next_update: Some(next),
        resolution: None,
    }
}

fn config(custom: &[(u8, u32, Picks)]) -> Config {
    let mut c = escalon::config::default_config();
    c.timezone = "America/New_York".into();
    let nights = json!({"timezone": "Europe/Berlin", "hours": {"mon": [["22:00", "06:00"]],
        "wed": [["20:00", "20:00"]]}, "holidays": ["2025-03-05"]});
    c.calendars.insert(
        "nights".into(),
        escalon::calendar::Calendar::from_json(&nights, "nights").unwrap(),
    );
    c.sla_policies = custom.iter().map(|(t, m, p)| policy(*t, *m, p)).collect();
    c
}

fn state_outcome(s: ClockState) -> Outcome {
    match s {
        ClockState::Met => Outcome::Met,
        ClockState::Breached => Outcome::Breached,
        ClockState::Running | ClockState::Warning | ClockState::Paused => Outcome::Open,
    }
}

fn picks() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(any::<u8>(), 0..3)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn outcomes_equal_the_full_clocks(
        tier in 1u8..=5,
        steps in proptest::collection::vec((0i64..900, any::<u8>(), any::<u8>()), 0..12),
        custom in proptest::collection::vec(
            (1u8..=5, 1u32..3000, (picks(), picks(), picks(), any::<u8>(), any::<u8>())),
            0..3,
        ),
        now_after in 0i64..6000,
        shuffle in proptest::bool::weighted(0.15),
    ) {
        let cfg = config(&custom);
        let book = ClockBook::new(&cfg);
        let esc = escalation(tier, &steps, shuffle);
        let t0: Timestamp = "2025-03-03T08:00:00Z".parse().unwrap();
        let now = t0 + SignedDuration::from_mins(now_after);
        let fast = book_outcomes(&book, &esc, now);
        match book_clocks(&book, &esc, now) {
            Err(e) => prop_assert_eq!(fast.unwrap_err(), e),
            Ok(clocks) => {
                let mut want = [None; 3];
                for c in clocks {
                    let i = ClockKind::ALL.iter().position(|k| *k == c.kind).unwrap();
                    want[i] = Some(state_outcome(c.state));
                }
                prop_assert_eq!(fast.unwrap(), want);
            }
        }
    }
}
