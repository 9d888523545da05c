//! Generating and recording one notification for aging, chains and major incidents, through
//! the same composer as `generate-notification` (templates, recipients, on-call), so a
//! reminder looks and resolves exactly like a notification asked for by hand.

use jiff::Timestamp;
use serde_json::{json, Value};

use crate::context::Context;
use crate::error::RequestError;
use crate::event::Event;
use crate::notify::compose::{self, compose};
use crate::notify::kinds;
use crate::notify::recipients::Wanted;
use crate::notify::request::Spec;
use crate::workspace::Workspace;

/// What to send: a notification type, to whom (empty: the type's default recipients), and
/// keys merged into the template data.
pub struct Outgoing {
    pub type_id: &'static str,
    pub wanted: Vec<Wanted>,
    pub message: Option<String>,
    pub extra: Value,
}

/// Composes the notification for `esc_id` at `now` and returns its event (not yet appended,
/// so a caller sending several can append them together) and a short summary for the result.
pub fn prepare(
    ws: &Workspace,
    esc_id: &str,
    out: Outgoing,
    now: Timestamp,
    ctx: &mut Context,
    actor: &str,
    path: &str,
) -> Result<(Event, Value), RequestError> {
    let esc = compose::find(ws, esc_id, path)?;
    compose::ensure_writable(esc, path)?;
    // The type ids used here are fixed by the engine; an unknown one is a programming error
    // reported as a request error rather than a panic.
    let kind = kinds::parse(out.type_id).ok_or_else(|| {
        RequestError::new(
            crate::error::ErrorCode::OutOfRange,
            path,
            format!("unknown notification type '{}'", out.type_id),
        )
    })?;
    let mut spec = Spec::new(kind);
    spec.wanted = out.wanted;
    spec.message = out.message;
    spec.extra = out.extra;
    let event_id = ctx.next_id();
    let composed = compose(ws, esc, &spec, now, &event_id)?;
    let event = compose::event(
        event_id.clone(),
        now,
        actor,
        out.type_id,
        &composed.recipients,
    );
    let summary = json!({
        "escalation_id": esc_id,
        "notification_type": out.type_id,
        "event_id": event_id,
        "recipients": composed.recipients.iter().map(|r| &r.email).collect::<Vec<_>>(),
        "unresolved": composed.result["unresolved"],
        "subject": composed.result["channels"]["email"]["subject"],
    });
    Ok((event, summary))
}

/// The owner (when it is an address) and then the tier's stakeholder roles: who should
/// hear that an escalation needs attention.
pub fn owner_and_roles(owner: Option<&str>, roles: &[String]) -> Vec<Wanted> {
    let mut wanted: Vec<Wanted> = owner
        .filter(|o| o.contains('@'))
        .map(|o| Wanted::Email {
            email: o.to_string(),
            name: None,
        })
        .into_iter()
        .collect();
    wanted.extend(roles.iter().cloned().map(Wanted::Role));
    wanted
}
