//! Each metric on small hand-built workspaces, where the right answer can be counted by eye.
//! This file holds the builders; the tests are grouped by what they exercise.

mod requests;
mod sections;
mod values;

use jiff::{SignedDuration, Timestamp};
use serde_json::{json, Value};

use super::calculate;
use super::config::{MetricTarget, TriageVolume};
use crate::config::default_config;
use crate::event::{CustomerRef, Escalation, Event, EventKind};
use crate::scales::Status;
use crate::workspace::Workspace;

pub(super) fn t(s: &str) -> Timestamp {
    s.parse().unwrap()
}

/// An escalation log built step by step; minutes are after the start.
pub(super) struct B {
    id: String,
    start: Timestamp,
    events: Vec<Event>,
}

pub(super) fn esc(id: &str, start: &str, tier: u8, category: Option<&str>, segment: &str) -> B {
    let mut b = B {
        id: id.into(),
        start: t(start),
        events: Vec::new(),
    };
    b.push(
        0,
        EventKind::Created {
            ticket: format!("T-{id}"),
            customer: CustomerRef {
                segment: Some(segment.into()),
                ..CustomerRef::default()
            },
            tier,
            urgency_score: None,
            priority: None,
            severity: Some("high".into()),
            impact: None,
            category: category.map(Into::into),
            product: None,
            summary: None,
        },
    );
    b
}

impl B {
    pub(super) fn push(&mut self, min: i64, kind: EventKind) {
        let n = self.events.len();
        self.events.push(Event {
            id: format!("{}-{n:02}", self.id),
            at: self.start + SignedDuration::from_mins(min),
            actor: "t".into(),
            kind,
        });
    }
    pub(super) fn ack(mut self, min: i64) -> Self {
        self.push(min, EventKind::Acknowledged {});
        self
    }
    pub(super) fn status(mut self, min: i64, status: Status) -> Self {
        self.push(min, EventKind::StatusChanged { status });
        self
    }
    pub(super) fn tier(mut self, min: i64, to: u8) -> Self {
        self.push(
            min,
            EventKind::TierChanged {
                to,
                reason: None,
                priority: None,
                urgency_score: None,
            },
        );
        self
    }
    pub(super) fn note(mut self, min: i64, text: &str) -> Self {
        self.push(
            min,
            EventKind::Note {
                text: text.into(),
                topic: None,
                estimate: None,
            },
        );
        self
    }
    pub(super) fn done(self) -> Escalation {
        Escalation {
            id: self.id,
            events: self.events,
        }
    }
}

pub(super) fn ws(escs: Vec<Escalation>) -> Workspace {
    let mut config = default_config();
    config.metric_targets.clear();
    Workspace::new(config, escs)
}

pub(super) fn run(ws: &Workspace, params: Value, now: Option<&str>) -> Value {
    calculate(ws, &params, now.map(t)).unwrap_or_else(|e| panic!("{e}"))
}

pub(super) fn err(ws: &Workspace, params: Value, now: Option<&str>) -> (String, String) {
    let e = calculate(ws, &params, now.map(t)).unwrap_err();
    (json!(e.code).as_str().unwrap().to_string(), e.path)
}

pub(super) fn three() -> Workspace {
    ws(vec![
        esc("A", "2025-01-10T10:00:00Z", 1, Some("bug"), "smb")
            .ack(30)
            .status(60, Status::Resolved)
            .done(),
        esc("B", "2025-01-11T10:00:00Z", 2, Some("bug"), "enterprise")
            .ack(300)
            .status(120, Status::InProgress)
            .status(300, Status::Resolved)
            .done(),
        esc("C", "2025-01-12T10:00:00Z", 2, None, "enterprise")
            .status(10, Status::InProgress)
            .done(),
    ])
}
