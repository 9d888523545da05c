//! What can happen to an escalation. Events are facts: once appended they are never edited,
//! and every view (status, tier, owner) is derived from them in `state`.

use jiff::Timestamp;
use schemars::JsonSchema;
use serde::de::{self, DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

use crate::time_parse::serde_instant;
use crate::value_de::De;

use crate::scales::Status;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Escalation {
    /// Human-facing id, e.g. `ESC-2025-001`.
    pub id: String,
    /// Append-only, ordered by `at` (ties by `id`).
    pub events: Vec<Event>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Event {
    /// Globally unique (supplied by the shell), so logs from two devices merge by id.
    pub id: String,
    #[schemars(with = "String")]
    pub at: Timestamp,
    pub actor: String,
    #[serde(flatten)]
    pub kind: EventKind,
}

/// The customer as known when the escalation was opened.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CustomerRef {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_score: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_value: Option<f64>,
}

/// Declares [`EventKind`] and its reading twin from one list of variants. Events are
/// written internally tagged (`{"kind": "note", "text": ...}` beside `id`, `at`, `actor`),
/// but serde reads an internally tagged, flattened enum by buffering every event into its
/// private `Content` tree, code compiled anew for each variant's fields (about 17 KB gzip of
/// the wasm). `Event`'s `Deserialize` (below) takes `kind` out itself and reads the rest
/// through `KindIn`, the same variants externally tagged, which serde reads directly.
macro_rules! event_kinds {
    ($($body:tt)*) => {
        #[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
        #[serde(tag = "kind", rename_all = "snake_case")]
        // `Created` is large, but boxing it would only save bytes on a few thousand events while
        // making every match and constructor noisier; the JSON shape is the same either way.
        #[allow(clippy::large_enum_variant)]
        pub enum EventKind { $($body)* }

        #[derive(Deserialize, JsonSchema)]
        #[serde(remote = "EventKind", rename_all = "snake_case")]
        #[allow(dead_code, clippy::large_enum_variant)]
        enum KindIn { $($body)* }
    };
}

event_kinds! {
    Created {
        ticket: String,
        customer: CustomerRef,
        tier: u8,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        urgency_score: Option<u8>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        priority: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        severity: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        impact: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        category: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        product: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        summary: Option<String>,
    },
    TierChanged {
        to: u8,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
        /// A re-assessment's priority and score (determine-escalation recording a raise);
        /// absent for a tier change by hand, which keeps them.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        priority: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        urgency_score: Option<u8>,
    },
    OwnerAssigned {
        owner: String,
    },
    StatusChanged {
        status: Status,
    },
    ActionTaken {
        action: String,
    },
    /// Free text; `topic` lets views pick out next steps without parsing prose.
    Note {
        text: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        topic: Option<NoteTopic>,
        /// For `estimated_resolution` notes: the promised instant.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[serde(deserialize_with = "crate::time_parse::serde_instant::option")]
        #[schemars(with = "Option<String>")]
        estimate: Option<Timestamp>,
    },
    NotificationGenerated {
        notification_type: String,
        #[serde(default)]
        recipients: Vec<String>,
    },
    Paused {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    Resumed {},
    Acknowledged {},
    DeescalationDecided {
        decision: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        to_tier: Option<u8>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rationale: Option<String>,
    },
    Archived {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// Declared a major incident (ITIL): from here on it has a bridge and a status-update
    /// cadence (`major_incident` in the config); see `incident`.
    MajorIncidentDeclared {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// The bridge's meeting link; a later one replaces it.
    BridgeLinkSet {
        url: String,
    },
    BridgeJoined {
        participant: String,
    },
    BridgeLeft {
        participant: String,
    },
    /// A status update posted to the major incident's stakeholders.
    StatusUpdatePosted {
        text: String,
    },
    /// The major incident ended: bridge closed, no more status updates owed. The escalation
    /// itself goes on (resolved too when `resolved`); a later declaration opens a new period.
    MajorIncidentStoodDown {
        summary: String,
        #[serde(default)]
        resolved: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NoteTopic {
    NextSteps,
    EstimatedResolution,
}

impl EventKind {
    pub fn name(&self) -> &'static str {
        match self {
            EventKind::Created { .. } => "created",
            EventKind::TierChanged { .. } => "tier_changed",
            EventKind::OwnerAssigned { .. } => "owner_assigned",
            EventKind::StatusChanged { .. } => "status_changed",
            EventKind::ActionTaken { .. } => "action_taken",
            EventKind::Note { .. } => "note",
            EventKind::NotificationGenerated { .. } => "notification_generated",
            EventKind::Paused { .. } => "paused",
            EventKind::Resumed {} => "resumed",
            EventKind::Acknowledged {} => "acknowledged",
            EventKind::DeescalationDecided { .. } => "deescalation_decided",
            EventKind::Archived { .. } => "archived",
            EventKind::MajorIncidentDeclared { .. } => "major_incident_declared",
            EventKind::BridgeLinkSet { .. } => "bridge_link_set",
            EventKind::BridgeJoined { .. } => "bridge_joined",
            EventKind::BridgeLeft { .. } => "bridge_left",
            EventKind::StatusUpdatePosted { .. } => "status_update_posted",
            EventKind::MajorIncidentStoodDown { .. } => "major_incident_stood_down",
        }
    }
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let Value::Object(mut map) = Value::deserialize(d)? else {
            return Err(D::Error::custom("invalid type: expected an event object"));
        };
        let id = field(&mut map, "id")?;
        let at = map
            .remove("at")
            .ok_or_else(|| D::Error::missing_field("at"))?;
        let at = serde_instant::one(De(at)).map_err(D::Error::custom)?;
        let actor = field(&mut map, "actor")?;
        let kind: String = field(&mut map, "kind")?;
        let tagged = Value::Object(Map::from_iter([(kind, Value::Object(map))]));
        let kind = KindIn::deserialize(De(tagged)).map_err(D::Error::custom)?;
        Ok(Event {
            id,
            at,
            actor,
            kind,
        })
    }
}

/// Takes one field out of an event's object, with serde's own wording when it is missing.
fn field<T: DeserializeOwned, E: de::Error>(
    map: &mut Map<String, Value>,
    name: &'static str,
) -> Result<T, E> {
    let v = map.remove(name).ok_or_else(|| E::missing_field(name))?;
    T::deserialize(De(v)).map_err(E::custom)
}

/// Puts a log in the order it is kept: by time, ties by id. Every log is sorted here,
/// owned or borrowed.
pub fn sort_log<E: std::borrow::Borrow<Event>>(events: &mut Vec<E>) {
    crate::sort::sort_by(events, |x, y| {
        let (x, y) = (x.borrow(), y.borrow());
        x.at.cmp(&y.at).then_with(|| x.id.cmp(&y.id))
    });
}

/// Union of two logs of the same escalation, by event id, ordered by time then id.
/// Commutative and idempotent, which is what two tabs or an import need.
pub fn merge_events(a: &[Event], b: &[Event]) -> Vec<Event> {
    let mut all: Vec<Event> = a.to_vec();
    for e in b {
        if !all.iter().any(|x| x.id == e.id) {
            all.push(e.clone());
        }
    }
    sort_log(&mut all);
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(id: &str, at: &str) -> Event {
        Event {
            id: id.into(),
            at: at.parse().unwrap(),
            actor: "t".into(),
            kind: EventKind::ActionTaken { action: id.into() },
        }
    }

    #[test]
    fn event_serialises_flat_with_kind_tag() {
        let v = serde_json::to_value(ev("e1", "2025-01-20T10:00:00Z")).unwrap();
        assert_eq!(v["kind"], "action_taken");
        assert_eq!(v["action"], "e1");
        assert_eq!(v["at"], "2025-01-20T10:00:00Z");
    }

    #[test]
    fn merge_is_a_union_by_id_in_time_order() {
        let a = vec![
            ev("1", "2025-01-01T00:00:00Z"),
            ev("3", "2025-01-03T00:00:00Z"),
        ];
        let b = vec![
            ev("2", "2025-01-02T00:00:00Z"),
            ev("3", "2025-01-03T00:00:00Z"),
        ];
        let m = merge_events(&a, &b);
        let ids: Vec<_> = m.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["1", "2", "3"]);
        assert_eq!(merge_events(&b, &a), m);
    }
}
