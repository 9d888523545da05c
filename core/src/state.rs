//! Current state as a pure fold of the event log. Nothing here is stored: change the log (or
//! merge another device's copy) and the state follows.

use jiff::Timestamp;
use serde::Serialize;

use crate::event::{CustomerRef, Escalation, EventKind, NoteTopic};
use crate::scales::Status;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EscalationState {
    pub id: String,
    pub ticket: String,
    pub customer: CustomerRef,
    pub category: Option<String>,
    pub product: Option<String>,
    pub summary: Option<String>,
    pub severity: Option<String>,
    pub impact: Option<String>,
    pub tier: u8,
    /// The highest tier ever reached; de-escalation lowers `tier` but not this.
    pub peak_tier: u8,
    pub urgency_score: Option<u8>,
    pub priority: Option<String>,
    pub status: Status,
    pub owner: Option<String>,
    /// Every owner in order, so handoffs can be audited.
    pub owner_history: Vec<String>,
    pub paused: bool,
    pub opened_at: Option<Timestamp>,
    pub acknowledged_at: Option<Timestamp>,
    pub resolved_at: Option<Timestamp>,
    pub archived_at: Option<Timestamp>,
    pub last_activity_at: Option<Timestamp>,
    pub actions_taken: Vec<String>,
    pub next_steps: Option<String>,
    pub estimated_resolution: Option<Timestamp>,
    pub notifications: usize,
    pub tier_changes: usize,
    pub deescalation: Option<String>,
    /// Set once the escalation is declared a major incident.
    pub major_incident: Option<MajorIncident>,
}

/// A major incident's bridge as folded from its events. Bridge events before a declaration
/// (a hand-edited log) are ignored: there is no bridge to join yet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MajorIncident {
    pub declared_at: Timestamp,
    pub declared_by: String,
    pub reason: Option<String>,
    pub bridge_url: Option<String>,
    /// Who is on the bridge now, in joining order.
    pub participants: Vec<String>,
    /// Everyone who was ever on the bridge, in first-joining order.
    pub ever_joined: Vec<String>,
    pub status_updates: usize,
    pub last_status_update_at: Option<Timestamp>,
    /// Every major-incident event in log order (`notify::data::describe` words them).
    pub timeline: Vec<IncidentEntry>,
    /// Set once the incident is stood down; a later declaration starts a new period.
    pub stood_down: Option<StandDown>,
}

/// How a major incident ended.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StandDown {
    pub at: Timestamp,
    pub by: String,
    pub summary: String,
    pub resolved: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IncidentEntry {
    pub at: Timestamp,
    pub actor: String,
    /// The event kind, e.g. `bridge_joined`.
    pub kind: &'static str,
    /// The link, participant, status text or reason the event carries.
    pub detail: Option<String>,
}

impl EscalationState {
    fn empty(id: &str) -> Self {
        Self {
            id: id.to_string(),
            ticket: String::new(),
            customer: CustomerRef::default(),
            category: None,
            product: None,
            summary: None,
            severity: None,
            impact: None,
            tier: 1,
            peak_tier: 1,
            urgency_score: None,
            priority: None,
            status: Status::Open,
            owner: None,
            owner_history: Vec::new(),
            paused: false,
            opened_at: None,
            acknowledged_at: None,
            resolved_at: None,
            archived_at: None,
            last_activity_at: None,
            actions_taken: Vec::new(),
            next_steps: None,
            estimated_resolution: None,
            notifications: 0,
            tier_changes: 0,
            deescalation: None,
            major_incident: None,
        }
    }
}

/// Folds the log in stored order. A log without `created` still folds (to defaults) so a
/// partially merged or hand-edited document can be shown rather than rejected.
pub fn fold(esc: &Escalation) -> EscalationState {
    let mut s = EscalationState::empty(&esc.id);
    for e in &esc.events {
        s.last_activity_at = Some(e.at);
        match &e.kind {
            EventKind::Created {
                ticket,
                customer,
                tier,
                urgency_score,
                priority,
                severity,
                impact,
                category,
                product,
                summary,
            } => {
                s.ticket = ticket.clone();
                s.customer = customer.clone();
                s.tier = *tier;
                s.urgency_score = *urgency_score;
                s.priority = priority.clone();
                s.severity = severity.clone();
                s.impact = impact.clone();
                s.category = category.clone();
                s.product = product.clone();
                s.summary = summary.clone();
                s.opened_at = Some(e.at);
            }
            EventKind::TierChanged {
                to,
                priority,
                urgency_score,
                ..
            } => {
                s.tier = *to;
                s.tier_changes += 1;
                if let Some(p) = priority {
                    s.priority = Some(p.clone());
                }
                if urgency_score.is_some() {
                    s.urgency_score = *urgency_score;
                }
            }
            EventKind::OwnerAssigned { owner } => {
                s.owner = Some(owner.clone());
                s.owner_history.push(owner.clone());
            }
            EventKind::StatusChanged { status } => {
                s.status = *status;
                if *status == Status::Acknowledged {
                    s.acknowledged_at.get_or_insert(e.at);
                }
                if status.is_done() {
                    s.resolved_at.get_or_insert(e.at);
                } else {
                    // Reopened: the earlier resolution no longer describes the escalation.
                    s.resolved_at = None;
                }
            }
            EventKind::ActionTaken { action } => s.actions_taken.push(action.clone()),
            EventKind::Note {
                text,
                topic,
                estimate,
            } => match topic {
                Some(NoteTopic::NextSteps) => s.next_steps = Some(text.clone()),
                Some(NoteTopic::EstimatedResolution) => s.estimated_resolution = *estimate,
                None => {}
            },
            EventKind::NotificationGenerated { .. } => s.notifications += 1,
            EventKind::Paused { .. } => s.paused = true,
            EventKind::Resumed {} => s.paused = false,
            EventKind::Acknowledged {} => {
                s.acknowledged_at.get_or_insert(e.at);
                if s.status == Status::Open {
                    s.status = Status::Acknowledged;
                }
            }
            EventKind::DeescalationDecided {
                decision, to_tier, ..
            } => {
                s.deescalation = Some(decision.clone());
                if let Some(t) = to_tier {
                    s.tier = *t;
                    s.tier_changes += 1;
                }
            }
            EventKind::Archived { .. } => {
                s.status = Status::Archived;
                s.archived_at = Some(e.at);
            }
            EventKind::MajorIncidentDeclared { reason } => {
                // A declaration after a stand-down opens a new period with a fresh bridge.
                if s.major_incident
                    .as_ref()
                    .is_some_and(|m| m.stood_down.is_some())
                {
                    s.major_incident = None;
                }
                s.major_incident.get_or_insert_with(|| MajorIncident {
                    declared_at: e.at,
                    declared_by: e.actor.clone(),
                    reason: reason.clone(),
                    bridge_url: None,
                    participants: Vec::new(),
                    ever_joined: Vec::new(),
                    status_updates: 0,
                    last_status_update_at: None,
                    timeline: Vec::new(),
                    stood_down: None,
                });
                fold_incident(&mut s, e);
            }
            EventKind::BridgeLinkSet { .. }
            | EventKind::BridgeJoined { .. }
            | EventKind::BridgeLeft { .. }
            | EventKind::StatusUpdatePosted { .. }
            | EventKind::MajorIncidentStoodDown { .. } => fold_incident(&mut s, e),
        }
        s.peak_tier = s.peak_tier.max(s.tier);
    }
    s
}

/// Applies one major-incident event to the bridge (if declared) and its timeline.
fn fold_incident(s: &mut EscalationState, e: &crate::event::Event) {
    let Some(mi) = s.major_incident.as_mut() else {
        return;
    };
    // A stood-down bridge takes nothing more until a declaration replaces it (the door
    // refuses; this covers a hand-edited or merged log).
    if mi.stood_down.is_some() {
        return;
    }
    let detail = match &e.kind {
        EventKind::MajorIncidentDeclared { reason } => reason.clone(),
        EventKind::BridgeLinkSet { url } => {
            mi.bridge_url = Some(url.clone());
            Some(url.clone())
        }
        EventKind::BridgeJoined { participant } => {
            if !mi.participants.contains(participant) {
                mi.participants.push(participant.clone());
            }
            if !mi.ever_joined.contains(participant) {
                mi.ever_joined.push(participant.clone());
            }
            Some(participant.clone())
        }
        EventKind::BridgeLeft { participant } => {
            mi.participants.retain(|p| p != participant);
            Some(participant.clone())
        }
        EventKind::StatusUpdatePosted { text } => {
            mi.status_updates += 1;
            mi.last_status_update_at = Some(e.at);
            Some(text.clone())
        }
        EventKind::MajorIncidentStoodDown { summary, resolved } => {
            mi.participants.clear();
            mi.stood_down = Some(StandDown {
                at: e.at,
                by: e.actor.clone(),
                summary: summary.clone(),
                resolved: *resolved,
            });
            Some(summary.clone())
        }
        _ => return,
    };
    mi.timeline.push(IncidentEntry {
        at: e.at,
        actor: e.actor.clone(),
        kind: e.kind.name(),
        detail,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::Event;

    fn ev(n: u32, kind: EventKind) -> Event {
        Event {
            id: format!("e{n}"),
            at: Timestamp::from_second(1_737_000_000 + i64::from(n) * 60).unwrap(),
            actor: "t".into(),
            kind,
        }
    }

    #[test]
    fn fold_follows_the_log() {
        let esc = Escalation {
            id: "ESC-1".into(),
            events: vec![
                ev(
                    1,
                    EventKind::Created {
                        ticket: "T-1".into(),
                        customer: CustomerRef::default(),
                        tier: 1,
                        urgency_score: Some(20),
                        priority: None,
                        severity: None,
                        impact: None,
                        category: None,
                        product: None,
                        summary: None,
                    },
                ),
                ev(
                    2,
                    EventKind::TierChanged {
                        to: 3,
                        reason: None,
                        priority: None,
                        urgency_score: None,
                    },
                ),
                ev(
                    3,
                    EventKind::OwnerAssigned {
                        owner: "a@x".into(),
                    },
                ),
                ev(
                    4,
                    EventKind::OwnerAssigned {
                        owner: "b@x".into(),
                    },
                ),
                ev(
                    5,
                    EventKind::StatusChanged {
                        status: Status::Resolved,
                    },
                ),
                ev(6, EventKind::Archived { reason: None }),
            ],
        };
        let s = fold(&esc);
        assert_eq!(s.tier, 3);
        assert_eq!(s.owner.as_deref(), Some("b@x"));
        assert_eq!(s.owner_history.len(), 2);
        assert_eq!(s.status, Status::Archived);
        assert!(s.resolved_at.is_some());
    }
}
