//! Notifications: `generate-notification` renders one notification type for email (with a
//! `.eml`), Slack Block Kit, PagerDuty Events v2 and Markdown from templates kept as data
//! in the config, resolves recipients by role (directory and on-call), and records it.
//! `generate-handoff`, aging reminders and escalation chains live here too because they
//! are built from the same data and renderer.

mod channels;
pub mod compose;
pub mod config;
pub mod data;
mod eml;
mod escape;
mod handoff;
mod handoff_templates;
pub mod kinds;
pub mod recipients;
pub mod render;
pub mod request;
mod sla_line;
pub mod templates;

use jiff::Timestamp;
use serde_json::{json, Value};

use crate::context::Context;
use crate::error::RequestError;
use crate::params::missing;
use crate::workspace::Workspace;

pub use config::{NotifyConfig, TemplateOverride};
pub use handoff::generate_handoff;
pub use sla_line::sla_summary;

/// The `generate-notification` action.
pub fn generate_notification(
    ws: &mut Workspace,
    parameters: &Value,
    ctx: &mut Context,
    now: Option<Timestamp>,
    actor: &str,
) -> Result<Value, RequestError> {
    let (id, spec, record) = request::parse(parameters)?;
    let now = now.ok_or_else(|| {
        missing("now").with_message("generate-notification needs the current time: give `now`")
    })?;
    let esc = compose::find(ws, &id, "parameters.escalation_id")?;
    if record {
        compose::ensure_writable(esc, "parameters.escalation_id")?;
    }
    let event_id = if record {
        ctx.next_id()
    } else {
        format!("preview-{id}-{}", spec.kind.id)
    };
    let composed = compose::compose(ws, esc, &spec, now, &event_id)?;
    let mut result = composed.result;
    if record {
        let ev = compose::event(
            event_id.clone(),
            now,
            actor,
            &spec.kind.id,
            &composed.recipients,
        );
        ws.append(&id, vec![ev]);
        ctx.set_changed(true);
        result["recorded"] = json!({"event_id": event_id});
    } else {
        result["recorded"] = Value::Null;
    }
    Ok(result)
}
