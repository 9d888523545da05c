//! Major incidents (ITIL): a P1 or tier-4 escalation (configurable, `major_incident`) can be
//! declared a major incident, which gives it a bridge (a meeting link, who joined and left)
//! and a status-update cadence with reminders. Every operation is an event in the log, folded
//! by `state` and shown in the executive briefing; nothing about the bridge is stored apart.
//!
//! Action `major-incident` `{escalation_id, operation, ...}`, operations:
//! `declare {reason?}`, `join {participant}`, `leave {participant}`, `set_bridge {url}`,
//! `post_update {text}`, `stand_down {summary, resolved?}`, `status` (read only) and
//! `remind` (an overdue status update gets one recorded reminder to `reminder_roles` per
//! missed due time).
//!
//! `stand_down` ends the incident: the bridge closes (everyone leaves), no status update is
//! owed any more (`remind` sends nothing), and bridge operations are refused. The escalation
//! goes on as an ordinary one (`resolved: true` also resolves it in the same request). It
//! can be declared again: a support lead who sees the fix fail reopens a bridge rather than
//! opening a new ticket, so a new declaration starts a fresh period (new bridge, cadence and
//! timeline) while the log keeps the earlier one.

pub mod policy;
#[cfg(test)]
mod stand_down_tests;
#[cfg(test)]
mod tests;
pub mod view;

use jiff::Timestamp;
use serde_json::{json, Value};

use crate::aging::send::{prepare, Outgoing};
use crate::aging::{as_of, need_now};
use crate::context::Context;
use crate::error::{ErrorCode, RequestError};
use crate::event::{Event, EventKind};
use crate::notify::compose::{ensure_writable, find};
use crate::notify::data::when;
use crate::notify::recipients::Wanted;
use crate::notify::request::check_fields;
use crate::params::{as_obj, missing, Obj};
use crate::scales::Status;
use crate::state::fold;
use crate::workspace::Workspace;

pub use policy::MajorIncidentPolicy;

const FIELDS: &[&str] = &[
    "escalation_id",
    "operation",
    "reason",
    "participant",
    "url",
    "text",
    "summary",
    "resolved",
];
const OPERATIONS: &[&str] = &[
    "declare",
    "join",
    "leave",
    "set_bridge",
    "post_update",
    "stand_down",
    "status",
    "remind",
];

fn refused(path: &str, message: String) -> RequestError {
    RequestError::new(ErrorCode::InvalidTransition, path, message)
}

/// A required, non-blank text field, trimmed.
fn text<'a>(p: &Obj<'a>, key: &str) -> Result<&'a str, RequestError> {
    let s = p.req_str(key)?.trim();
    if s.is_empty() {
        return Err(missing(&p.path_of(key)).with_message("must not be blank"));
    }
    Ok(s)
}

/// Bridge links are opened by people from the briefing: only http(s), no spaces.
fn bridge_url<'a>(p: &Obj<'a>) -> Result<&'a str, RequestError> {
    let url = text(p, "url")?;
    let scheme_ok = url.starts_with("https://") || url.starts_with("http://");
    if !scheme_ok || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(RequestError::new(
            ErrorCode::OutOfRange,
            p.path_of("url"),
            "expected an http(s) link without spaces, e.g. https://meet.example.com/bridge",
        ));
    }
    Ok(url)
}

pub fn major_incident(
    ws: &mut Workspace,
    parameters: &Value,
    ctx: &mut Context,
    now: Option<Timestamp>,
    actor: &str,
) -> Result<Value, RequestError> {
    let p = as_obj(parameters, "parameters")?;
    check_fields(&p, FIELDS)?;
    let id = p.req_str("escalation_id")?.to_string();
    let op = p.req_str("operation")?;
    if !OPERATIONS.contains(&op) {
        return Err(RequestError::new(
            ErrorCode::OutOfRange,
            p.path_of("operation"),
            format!(
                "unknown operation '{op}'; expected one of: {}",
                OPERATIONS.join(", ")
            ),
        ));
    }
    let now = need_now(now, "major-incident")?;
    let id_path = p.path_of("escalation_id");
    let esc = find(ws, &id, &id_path)?;
    let state = fold(&as_of(esc, now));
    let declared = state.major_incident.as_ref();
    if op != "status" {
        ensure_writable(esc, &id_path)?;
    }
    if op != "declare" && declared.is_none() {
        return Err(refused(
            &p.path_of("operation"),
            format!("{id} is not a major incident: declare it first"),
        ));
    }
    // `status` and `remind` still answer after a stand-down (remind then sends nothing).
    let ended = declared.and_then(|m| m.stood_down.as_ref());
    if let Some(sd) = ended.filter(|_| !matches!(op, "declare" | "status" | "remind")) {
        return Err(refused(
            &p.path_of("operation"),
            format!(
                "{id}'s major incident was stood down at {}; '{op}' is no longer possible \
                 (declare it again to open a new bridge)",
                when(sd.at)
            ),
        ));
    }
    let declared = declared.filter(|m| m.stood_down.is_none());
    let kinds = match op {
        "declare" => {
            if let Some(mi) = declared {
                return Err(refused(
                    &id_path,
                    format!(
                        "{id} was already declared a major incident at {}",
                        when(mi.declared_at)
                    ),
                ));
            }
            if state.status.is_done() {
                return Err(refused(
                    &id_path,
                    format!(
                        "{id} is {}; a done escalation cannot become a major incident",
                        state.status.as_str()
                    ),
                ));
            }
            if let Some(why) = ws
                .config
                .major_incident
                .refusal(state.priority.as_deref(), state.tier)
            {
                return Err(refused(&id_path, format!("{id} is {why}")));
            }
            vec![EventKind::MajorIncidentDeclared {
                reason: p
                    .str("reason")?
                    .map(|r| r.trim().to_string())
                    .filter(|r| !r.is_empty()),
            }]
        }
        "join" | "leave" => {
            let who = text(&p, "participant")?;
            let on = declared.is_some_and(|m| m.participants.iter().any(|x| x == who));
            match (op, on) {
                ("join", true) => {
                    return Err(refused(
                        &p.path_of("participant"),
                        format!("{who} is already on the bridge"),
                    ))
                }
                ("leave", false) => {
                    return Err(refused(
                        &p.path_of("participant"),
                        format!("{who} is not on the bridge"),
                    ))
                }
                ("join", false) => vec![EventKind::BridgeJoined {
                    participant: who.to_string(),
                }],
                _ => vec![EventKind::BridgeLeft {
                    participant: who.to_string(),
                }],
            }
        }
        "set_bridge" => vec![EventKind::BridgeLinkSet {
            url: bridge_url(&p)?.to_string(),
        }],
        "post_update" => vec![EventKind::StatusUpdatePosted {
            text: text(&p, "text")?.to_string(),
        }],
        "stand_down" => stand_down(&p, state.status)?,
        _ => Vec::new(),
    };

    let mut recorded = Value::Null;
    let mut reminder = Value::Null;
    if !kinds.is_empty() {
        let events: Vec<Event> = kinds
            .into_iter()
            .map(|kind| ctx.event(now, actor, kind))
            .collect();
        let ids: Vec<String> = events.iter().map(|e| e.id.clone()).collect();
        ws.append(&id, events);
        ctx.set_changed(true);
        recorded = json!({"event_id": ids[0], "event_ids": ids});
    } else if op == "remind" {
        reminder = remind(ws, &id, now, ctx, actor)?;
    }
    let esc = find(ws, &id, &id_path)?;
    Ok(json!({
        "escalation_id": id,
        "operation": op,
        "major_incident": view::view(&ws.config, esc, now),
        "recorded": recorded,
        "reminder": reminder,
    }))
}

/// The stand-down event, and with `resolved: true` the escalation's resolution, checked
/// before anything is appended so a refused transition records neither.
fn stand_down(p: &Obj<'_>, status: Status) -> Result<Vec<EventKind>, RequestError> {
    let summary = text(p, "summary")?.to_string();
    let resolved = p.bool("resolved")?.unwrap_or(false);
    let mut kinds = vec![EventKind::MajorIncidentStoodDown { summary, resolved }];
    if resolved && !status.is_done() {
        if !status.can_become(Status::Resolved) {
            return Err(refused(
                &p.path_of("resolved"),
                format!(
                    "the escalation is {}, which cannot become resolved; stand down \
                     without `resolved`",
                    status.as_str()
                ),
            ));
        }
        kinds.push(EventKind::StatusChanged {
            status: Status::Resolved,
        });
    }
    Ok(kinds)
}

/// One reminder per missed due time: none if the update is not overdue, or if an
/// `aging_reminder` was already sent since it fell due.
fn remind(
    ws: &mut Workspace,
    id: &str,
    now: Timestamp,
    ctx: &mut Context,
    actor: &str,
) -> Result<Value, RequestError> {
    let esc = find(ws, id, "parameters.escalation_id")?;
    let esc_now = as_of(esc, now);
    let s = fold(&esc_now);
    let Some(mi) = s.major_incident.as_ref() else {
        return Ok(Value::Null);
    };
    let Some(due) = view::next_update_due(&ws.config, mi, s.status.is_done()) else {
        return Ok(Value::Null);
    };
    let already = esc_now.events.iter().any(|e| {
        e.at >= due
            && matches!(&e.kind, EventKind::NotificationGenerated { notification_type, .. }
                if notification_type == "aging_reminder")
    });
    if now <= due || already {
        return Ok(Value::Null);
    }
    let cadence = ws.config.major_incident.update_cadence_minutes;
    let outgoing = Outgoing {
        type_id: "aging_reminder",
        wanted: ws
            .config
            .major_incident
            .reminder_roles
            .iter()
            .cloned()
            .map(Wanted::Role)
            .collect(),
        message: Some(format!(
            "Major incident {id}: a status update was due at {}; post one to the bridge's \
             stakeholders.",
            when(due)
        )),
        extra: json!({"aging": {
            "target": format!("a status update every {}", crate::notify::data::duration_words(i64::from(cadence))),
            "overdue_by": null,
        }}),
    };
    let (event, summary) = prepare(ws, id, outgoing, now, ctx, actor, "parameters.operation")?;
    ws.append(id, vec![event]);
    ctx.set_changed(true);
    Ok(summary)
}
