//! Event names of a clock policy (`starts_on`, `stops_on`, `pause_states`) compiled into bit
//! sets once per tier. Folding clocks asks "is this event named?" several times per event
//! and clock; comparing the names as strings each time was most of the cost of metrics'
//! SLA compliance over a hundred thousand logs.

use crate::event::EventKind;
use crate::scales::Status;

/// Names of the event kinds with a slot, in slot order (see [`slot`]).
const KINDS: [&str; 18] = [
    "created",
    "tier_changed",
    "owner_assigned",
    "status_changed",
    "action_taken",
    "note",
    "notification_generated",
    "paused",
    "resumed",
    "acknowledged",
    "deescalation_decided",
    "archived",
    "major_incident_declared",
    "bridge_link_set",
    "bridge_joined",
    "bridge_left",
    "status_update_posted",
    "major_incident_stood_down",
];

/// The slot of an event kind in [`KINDS`]; `None` for a kind added since, which the matcher
/// then compares by name (slower, same answer).
fn slot(k: &EventKind) -> Option<usize> {
    use EventKind as K;
    #[allow(unreachable_patterns)]
    let i = match k {
        K::Created { .. } => 0,
        K::TierChanged { .. } => 1,
        K::OwnerAssigned { .. } => 2,
        K::StatusChanged { .. } => 3,
        K::ActionTaken { .. } => 4,
        K::Note { .. } => 5,
        K::NotificationGenerated { .. } => 6,
        K::Paused { .. } => 7,
        K::Resumed {} => 8,
        K::Acknowledged {} => 9,
        K::DeescalationDecided { .. } => 10,
        K::Archived { .. } => 11,
        K::MajorIncidentDeclared { .. } => 12,
        K::BridgeLinkSet { .. } => 13,
        K::BridgeJoined { .. } => 14,
        K::BridgeLeft { .. } => 15,
        K::StatusUpdatePosted { .. } => 16,
        K::MajorIncidentStoodDown { .. } => 17,
        _ => return None,
    };
    Some(i)
}

/// Statuses as a bit set (bit = the variant's index).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StatusSet(u32);

impl StatusSet {
    pub fn of<S: AsRef<str>>(names: &[S]) -> Self {
        let mut bits = 0;
        for s in Status::ALL {
            if names.iter().any(|n| n.as_ref() == s.as_str()) {
                bits |= 1 << (*s as u32);
            }
        }
        Self(bits)
    }

    pub fn contains(self, s: Status) -> bool {
        self.0 & (1 << (s as u32)) != 0
    }
}

/// A list of names that match an event kind (`acknowledged`) or a `status_changed` into
/// that status (`in_progress`), as `starts_on` and `stops_on` are written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matcher {
    kinds: u32,
    statuses: StatusSet,
    /// The names themselves, for event kinds without a slot.
    names: Vec<String>,
}

impl Matcher {
    /// `names`, or `defaults` when `names` is empty (as the policy fields are read).
    pub fn new(names: &[String], defaults: &[&str]) -> Self {
        let names: Vec<String> = if names.is_empty() {
            defaults.iter().map(|s| s.to_string()).collect()
        } else {
            names.to_vec()
        };
        let mut kinds = 0;
        for (i, k) in KINDS.iter().enumerate() {
            if names.iter().any(|n| n == k) {
                kinds |= 1 << i;
            }
        }
        Self {
            kinds,
            statuses: StatusSet::of(&names),
            names,
        }
    }

    pub fn hit(&self, e: &EventKind) -> bool {
        let by_status = |s: &Status| self.statuses.contains(*s);
        match slot(e) {
            Some(i) if self.kinds & (1 << i) != 0 => true,
            Some(_) => matches!(e, EventKind::StatusChanged { status } if by_status(status)),
            None => self.names.iter().any(|n| n == e.name()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::{CustomerRef, NoteTopic};

    fn one_of_each() -> Vec<EventKind> {
        use EventKind as K;
        let s = || "x".to_string();
        let mut v = vec![
            K::Created {
                ticket: s(),
                customer: CustomerRef::default(),
                tier: 1,
                urgency_score: None,
                priority: None,
                severity: None,
                impact: None,
                category: None,
                product: None,
                summary: None,
            },
            K::TierChanged {
                to: 2,
                reason: None,
                priority: None,
                urgency_score: None,
            },
            K::OwnerAssigned { owner: s() },
            K::ActionTaken { action: s() },
            K::Note {
                text: s(),
                topic: Some(NoteTopic::NextSteps),
                estimate: None,
            },
            K::NotificationGenerated {
                notification_type: s(),
                recipients: vec![],
            },
            K::Paused { reason: None },
            K::Resumed {},
            K::Acknowledged {},
            K::DeescalationDecided {
                decision: s(),
                to_tier: None,
                rationale: None,
            },
            K::Archived { reason: None },
            K::MajorIncidentDeclared { reason: None },
            K::BridgeLinkSet { url: s() },
            K::BridgeJoined { participant: s() },
            K::BridgeLeft { participant: s() },
            K::StatusUpdatePosted { text: s() },
            K::MajorIncidentStoodDown {
                summary: s(),
                resolved: false,
            },
        ];
        v.extend(Status::ALL.iter().map(|s| K::StatusChanged { status: *s }));
        v
    }

    /// The definition the bit sets replace, kept here as the oracle.
    fn named(e: &EventKind, names: &[&str]) -> bool {
        names.iter().any(|n| {
            *n == e.name()
                || matches!(e, EventKind::StatusChanged { status } if status.as_str() == *n)
        })
    }

    #[test]
    fn slots_name_their_kinds() {
        for e in one_of_each() {
            assert_eq!(slot(&e).map(|i| KINDS[i]), Some(e.name()));
        }
    }

    #[test]
    fn matchers_agree_with_comparing_names() {
        let lists: [&[&str]; 5] = [
            &["created", "action_taken", "note", "status_changed"],
            &[
                "acknowledged",
                "owner_assigned",
                "in_progress",
                "action_taken",
            ],
            &["resolved", "closed", "archived"],
            &[
                "status_changed",
                "pending_customer",
                "bridge_left",
                "nonsense",
            ],
            &["major_incident_stood_down", "paused", "open"],
        ];
        for names in lists {
            let owned: Vec<String> = names.iter().map(|s| s.to_string()).collect();
            let m = Matcher::new(&owned, &[]);
            for e in one_of_each() {
                assert_eq!(m.hit(&e), named(&e, names), "{names:?} {e:?}");
            }
            assert_eq!(
                Matcher::new(&[], names),
                m,
                "defaults stand in for no names"
            );
        }
    }

    #[test]
    fn status_sets_hold_named_statuses_only() {
        let set = StatusSet::of(&["pending_customer", "pending_vendor", "typo"]);
        for s in Status::ALL {
            let want = matches!(s, Status::PendingCustomer | Status::PendingVendor);
            assert_eq!(set.contains(*s), want, "{s:?}");
        }
    }
}
