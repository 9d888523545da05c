//! track-progress: an update becomes events (status, owner, actions, next steps, estimate),
//! validated as a whole before anything is appended, so a refused update leaves no trace.

use jiff::Timestamp;
use serde_json::{json, Value};

use crate::context::Context;
use crate::error::{ErrorCode, RequestError};
use crate::event::{Event, EventKind, NoteTopic};
use crate::params::{as_obj, missing};
use crate::scales::Status;
use crate::state::fold;
use crate::workspace::Workspace;

const UPDATE_FIELDS: &[&str] = &[
    "status",
    "owner",
    "actions_taken",
    "next_steps",
    "estimated_resolution",
    "note",
    "tier",
];

pub fn track_progress(
    ws: &mut Workspace,
    parameters: &Value,
    ctx: &mut Context,
    now: Option<Timestamp>,
    actor: &str,
) -> Result<Value, RequestError> {
    let p = as_obj(parameters, "parameters")?;
    let id = p.req_str("escalation_id")?;
    let esc = ws.escalation(id).ok_or_else(|| {
        RequestError::new(
            ErrorCode::UnknownEscalation,
            p.path_of("escalation_id"),
            format!("no escalation '{id}' in this workspace"),
        )
    })?;
    let state = fold(esc);
    let update = match p.obj("update")? {
        Some(u) => u,
        None => return Err(missing(&p.path_of("update"))),
    };
    if let Some(k) = update
        .map
        .keys()
        .find(|k| !UPDATE_FIELDS.contains(&k.as_str()))
    {
        return Err(RequestError::new(
            ErrorCode::UnknownField,
            update.path_of(k),
            format!(
                "unknown update field '{k}'; known: {}",
                UPDATE_FIELDS.join(", ")
            ),
        ));
    }

    let mut kinds = Vec::new();
    if let Some(s) = update.str("status")? {
        let path = update.path_of("status");
        let next = Status::parse(s).ok_or_else(|| {
            let all: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
            RequestError::new(
                ErrorCode::OutOfRange,
                &path,
                format!("unknown status '{s}'; expected one of: {}", all.join(", ")),
            )
        })?;
        if next != state.status {
            if !state.status.can_become(next) {
                return Err(invalid(&path, id, state.status, next));
            }
            kinds.push(match next {
                Status::Archived => EventKind::Archived { reason: None },
                _ => EventKind::StatusChanged { status: next },
            });
        }
    }
    if state.status == Status::Archived && !update.map.is_empty() {
        return Err(RequestError::new(
            ErrorCode::InvalidTransition,
            update.path.clone(),
            format!("{id} is archived; archived escalations cannot be changed"),
        ));
    }
    if let Some(t) = update.integer("tier", 1, 4)? {
        if t as u8 != state.tier {
            kinds.push(EventKind::TierChanged {
                to: t as u8,
                reason: Some("track-progress".into()),
                priority: None,
                urgency_score: None,
            });
        }
    }
    if let Some(owner) = update.str("owner")? {
        if state.owner.as_deref() != Some(owner) {
            kinds.push(EventKind::OwnerAssigned {
                owner: owner.to_string(),
            });
        }
    }
    for a in update.string_list("actions_taken")? {
        kinds.push(EventKind::ActionTaken {
            action: a.to_string(),
        });
    }
    if let Some(text) = update.str("next_steps")? {
        kinds.push(EventKind::Note {
            text: text.to_string(),
            topic: Some(NoteTopic::NextSteps),
            estimate: None,
        });
    }
    if let Some(at) = update.timestamp("estimated_resolution")? {
        kinds.push(EventKind::Note {
            text: format!("Estimated resolution {at}"),
            topic: Some(NoteTopic::EstimatedResolution),
            estimate: Some(at),
        });
    }
    if let Some(text) = update.str("note")? {
        kinds.push(EventKind::Note {
            text: text.to_string(),
            topic: None,
            estimate: None,
        });
    }

    let mut appended = Vec::new();
    if !kinds.is_empty() {
        let now = now.ok_or_else(|| {
            missing("now").with_message("track-progress needs the current time: give `now`")
        })?;
        let events: Vec<Event> = kinds
            .into_iter()
            .map(|kind| ctx.event(now, actor, kind))
            .collect();
        appended = events
            .iter()
            .map(|e| json!({"id": e.id, "kind": e.kind.name()}))
            .collect();
        ws.append(id, events);
        ctx.set_changed(true);
    }
    let esc = ws.escalation(id).expect("checked above");
    let state = fold(esc);
    let age_minutes = match (now, state.opened_at) {
        (Some(n), Some(o)) => Some(n.duration_since(o).as_secs() / 60),
        _ => None,
    };
    Ok(json!({
        "escalation_id": id,
        "appended": appended,
        "state": state,
        "age_minutes": age_minutes,
        "timeline": crate::json_text::value_of(&esc.events).expect("events serialise"),
    }))
}

fn invalid(path: &str, id: &str, from: Status, to: Status) -> RequestError {
    let why = match from {
        Status::Archived => "archived escalations are history and cannot change".to_string(),
        _ if to == Status::Archived => "only resolved or closed escalations can be archived".into(),
        _ => "an escalation cannot return to open once work has started".into(),
    };
    RequestError::new(
        ErrorCode::InvalidTransition,
        path,
        format!(
            "{id} cannot go from {} to {}: {why}",
            from.as_str(),
            to.as_str()
        ),
    )
}
