//! The major incident of one escalation at `now`: the bridge folded by `state`, plus what
//! depends on the config and the clock (the next status update due, whether it is overdue).
//! Two shapes: the action's (RFC 3339 times) and the executive briefing's (words). Both
//! describe the current period: after a stand-down and a new declaration, the new one.

use jiff::{SignedDuration, Timestamp};
use serde_json::{json, Value};

use crate::aging::{as_of, minutes_between};
use crate::config::Config;
use crate::event::{Escalation, EventKind};
use crate::notify::data::{describe, duration_words, when};
use crate::state::{fold, MajorIncident};

/// Whether an event belongs on the bridge's timeline.
fn is_incident_event(kind: &EventKind) -> bool {
    matches!(
        kind,
        EventKind::MajorIncidentDeclared { .. }
            | EventKind::BridgeLinkSet { .. }
            | EventKind::BridgeJoined { .. }
            | EventKind::BridgeLeft { .. }
            | EventKind::StatusUpdatePosted { .. }
            | EventKind::MajorIncidentStoodDown { .. }
    )
}

/// When the next status update is due: a cadence after the last one (or the declaration).
/// `None` once the escalation is done or the incident stood down: it owes no more updates.
pub fn next_update_due(config: &Config, mi: &MajorIncident, done: bool) -> Option<Timestamp> {
    if done || mi.stood_down.is_some() {
        return None;
    }
    let from = mi.last_status_update_at.unwrap_or(mi.declared_at);
    let cadence = i64::from(config.major_incident.update_cadence_minutes);
    Some(crate::later::shifted(
        from,
        SignedDuration::from_mins(cadence),
    ))
}

/// The action's view, or `None` when the escalation is not a major incident.
pub fn view(config: &Config, esc: &Escalation, now: Timestamp) -> Option<Value> {
    let esc = as_of(esc, now);
    let s = fold(&esc);
    let mi = s.major_incident.as_ref()?;
    let due = next_update_due(config, mi, s.status.is_done());
    let overdue = due.is_some_and(|d| now > d);
    let timeline: Vec<Value> = esc
        .events
        .iter()
        .filter(|e| e.at >= mi.declared_at && is_incident_event(&e.kind))
        .map(|e| {
            json!({"at": e.at.to_string(), "actor": e.actor, "kind": e.kind.name(),
                "text": describe(&e.kind)})
        })
        .collect();
    Some(json!({
        "declared_at": mi.declared_at.to_string(),
        "declared_by": mi.declared_by,
        "reason": mi.reason,
        "bridge": {
            "url": mi.bridge_url,
            "participants": mi.participants,
            "ever_joined": mi.ever_joined,
        },
        "status_updates": mi.status_updates,
        "last_status_update_at": mi.last_status_update_at.map(|t| t.to_string()),
        "update_cadence_minutes": config.major_incident.update_cadence_minutes,
        "next_update_due": due.map(|t| t.to_string()),
        "update_overdue": overdue,
        "overdue_minutes": due.filter(|_| overdue).map(|d| minutes_between(d, now)),
        // The host's next timer: the due time while it is ahead; once overdue, reminders
        // are the host's call (`remind`), so there is nothing further to wait for.
        "next_check_at": due.filter(|d| *d >= now).map(|t| t.to_string()),
        "timeline": timeline,
        "active": mi.stood_down.is_none(),
        "ended_at": mi.stood_down.as_ref().map(|d| d.at.to_string()),
        "ended_by": mi.stood_down.as_ref().map(|d| &d.by),
        "summary": mi.stood_down.as_ref().map(|d| &d.summary),
        "resolved": mi.stood_down.as_ref().map(|d| d.resolved),
        "duration_minutes": minutes_between(mi.declared_at, ended_or(mi, now)),
    }))
}

/// When the period ended, or `now` while it runs (its duration so far).
fn ended_or(mi: &MajorIncident, now: Timestamp) -> Timestamp {
    mi.stood_down.as_ref().map_or(now, |d| d.at)
}

/// The executive briefing's `major_incident` data: times in words, or null.
pub fn briefing(config: &Config, esc: &Escalation, now: Timestamp) -> Value {
    let esc = as_of(esc, now);
    let s = fold(&esc);
    let Some(mi) = s.major_incident.as_ref() else {
        return Value::Null;
    };
    let due = next_update_due(config, mi, s.status.is_done());
    let timeline: Vec<Value> = esc
        .events
        .iter()
        .filter(|e| e.at >= mi.declared_at && is_incident_event(&e.kind))
        .map(|e| json!({"at": when(e.at), "actor": e.actor, "text": describe(&e.kind)}))
        .collect();
    json!({
        "declared_at": when(mi.declared_at),
        "reason": mi.reason,
        "bridge_url": mi.bridge_url,
        "participants": mi.participants,
        "status_updates": mi.status_updates,
        "next_update_due": due.map(when),
        "update_overdue_by": due
            .filter(|d| now > *d)
            .map(|d| duration_words(minutes_between(d, now))),
        "timeline": timeline,
        "ended_at": mi.stood_down.as_ref().map(|d| when(d.at)),
        "summary": mi.stood_down.as_ref().map(|d| &d.summary),
        "duration": duration_words(minutes_between(mi.declared_at, ended_or(mi, now))),
    })
}
