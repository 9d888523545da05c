//! ESC-2025-001, the escalation every seed file talks about: Northwind's memory leak after
//! the v2.3.4 upgrade, escalated from tier 1 to tier 3 and handed to the tier 2 lead. It is
//! left acknowledged and unfinished so track-progress, notifications and de-escalation have
//! something real to work on.

use jiff::{SignedDuration, Timestamp};

use super::data::NORTHWIND;
use crate::event::{CustomerRef, Escalation, Event, EventKind};
use crate::scales::Status;

/// Builds a log with deterministic event ids `ESC-…-e01`, `-e02`, ….
pub struct Log {
    pub id: String,
    pub events: Vec<Event>,
}

impl Log {
    pub fn new(id: &str) -> Self {
        Self {
            id: id.to_string(),
            events: Vec::new(),
        }
    }

    pub fn push(&mut self, at: Timestamp, actor: &str, kind: EventKind) {
        let n = self.events.len() + 1;
        self.events.push(Event {
            id: format!("{}-e{n:02}", self.id),
            at,
            actor: actor.to_string(),
            kind,
        });
    }

    pub fn finish(mut self) -> Escalation {
        crate::event::sort_log(&mut self.events);
        Escalation {
            id: self.id,
            events: self.events,
        }
    }
}

pub fn customer_ref(c: &super::data::Customer) -> CustomerRef {
    CustomerRef {
        id: Some(c.0.to_string()),
        name: Some(c.1.to_string()),
        segment: Some(c.2.to_string()),
        health_score: Some(c.3),
        contract_value: Some(c.4),
    }
}

pub fn seed_escalation() -> Escalation {
    let t0 = crate::time_parse::instant("2025-01-20T08:30:00Z").expect("valid instant");
    let at = |minutes: i64| t0 + SignedDuration::from_mins(minutes);
    let agent = "sam.rivera@company.com";
    let lead = "tier2.lead@company.com";
    let mut log = Log::new("ESC-2025-001");
    log.push(
        at(0),
        agent,
        EventKind::Created {
            ticket: "TICKET-12345".into(),
            customer: customer_ref(&NORTHWIND),
            tier: 1,
            urgency_score: Some(38),
            priority: Some("P3".into()),
            severity: Some("high".into()),
            impact: Some("multiple_customers".into()),
            category: Some("performance".into()),
            product: Some("Platform API".into()),
            summary: Some(
                "Platform API nodes restart every few hours since v2.3.4: memory grows until \
                 the process is killed; other customers on the shared cluster see timeouts"
                    .into(),
            ),
        },
    );
    log.push(at(20), agent, EventKind::Acknowledged {});
    log.push(
        at(21),
        agent,
        EventKind::OwnerAssigned {
            owner: agent.into(),
        },
    );
    log.push(
        at(35),
        agent,
        EventKind::StatusChanged {
            status: Status::InProgress,
        },
    );
    log.push(
        at(95),
        agent,
        EventKind::ActionTaken {
            action: "Collected heap metrics from three restarting nodes".into(),
        },
    );
    log.push(
        at(240),
        agent,
        EventKind::TierChanged {
            to: 3,
            reason: Some(
                "determine-escalation: high severity, multiple customers, 4 hours open, \
                 frustrated enterprise customer"
                    .into(),
            ),
            priority: None,
            urgency_score: None,
        },
    );
    log.push(
        at(242),
        agent,
        EventKind::OwnerAssigned { owner: lead.into() },
    );
    log.push(
        at(245),
        agent,
        EventKind::NotificationGenerated {
            notification_type: "tier2_handoff".into(),
            recipients: vec![
                lead.into(),
                "chris.patel@company.com".into(),
                "support.manager@company.com".into(),
            ],
        },
    );
    log.push(
        at(260),
        lead,
        EventKind::StatusChanged {
            status: Status::Acknowledged,
        },
    );
    log.finish()
}
