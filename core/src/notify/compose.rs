//! Composes one notification for every requested channel from the escalation at `now`.
//! Pure: recording it in the log is the caller's choice (see `record`).

use jiff::Timestamp;
use serde_json::{json, Map, Value};

use super::channels::{self, PagerInputs};
use super::config::TemplateOverride;
use super::data::{template_data, Inputs};
use super::eml::{self, Mail};
use super::kinds::Audience;
use super::recipients::{resolve, Recipient, Wanted};
use super::render::render;
use super::request::Spec;
use crate::error::{ErrorCode, RequestError};
use crate::event::{Escalation, Event, EventKind};
use crate::scales::Status;
use crate::state::fold;
use crate::workspace::Workspace;

pub struct Composed {
    /// The action's result: recipients, unresolved roles and one entry per channel.
    pub result: Value,
    pub recipients: Vec<Recipient>,
}

fn default_wanted(ws: &Workspace, esc: &Escalation, spec: &Spec) -> Vec<Wanted> {
    if spec.kind.audience == Audience::Customer {
        return vec![Wanted::Role("customer".into())];
    }
    let tier = spec.kind.handoff_tier.unwrap_or_else(|| fold(esc).tier);
    ws.config
        .tier(tier)
        .map(|t| {
            t.stakeholder_roles
                .iter()
                .cloned()
                .map(Wanted::Role)
                .collect()
        })
        .unwrap_or_default()
}

pub fn find<'a>(ws: &'a Workspace, id: &str, path: &str) -> Result<&'a Escalation, RequestError> {
    ws.escalation(id).ok_or_else(|| {
        RequestError::new(
            ErrorCode::UnknownEscalation,
            path,
            format!("no escalation '{id}' in this workspace"),
        )
    })
}

/// `message_id` names the email (the event id when recorded).
pub fn compose(
    ws: &Workspace,
    esc: &Escalation,
    spec: &Spec,
    now: Timestamp,
    message_id: &str,
) -> Result<Composed, RequestError> {
    let wanted = if spec.wanted.is_empty() {
        default_wanted(ws, esc, spec)
    } else {
        spec.wanted.clone()
    };
    let (recipients, unresolved) = resolve(&ws.config, &wanted, now);
    let state = fold(esc);
    let data = template_data(&Inputs {
        config: &ws.config,
        esc,
        kind: &spec.kind,
        now,
        include: &spec.include,
        urgency: spec.urgency.as_deref(),
        message: spec.message.as_deref(),
        recipients: json!(recipients),
        extra: spec.extra.clone(),
    });
    let urgency = data["urgency"].as_str().unwrap_or("medium").to_string();
    let overrides: Vec<TemplateOverride> = ws
        .config
        .templates
        .iter()
        .chain(spec.templates.iter())
        .cloned()
        .collect();
    let part = |name: &str| render(name, &spec.kind.id, &overrides, &data);

    let mut out = Map::new();
    for ch in &spec.channels {
        let value = match ch.as_str() {
            "email" => {
                let subject = part("subject")?;
                let text = part("text")?;
                let html = part("html")?;
                let sender = &ws.config.notify.sender;
                let to: Vec<(String, String)> = recipients
                    .iter()
                    .map(|r| (r.name.clone(), r.email.clone()))
                    .collect();
                let eml = eml::build(&Mail {
                    from: (&sender.name, &sender.email),
                    to: to.clone(),
                    subject: &subject,
                    date: crate::time_text::rfc5322(now),
                    id: message_id,
                    text: &text,
                    html: &html,
                });
                json!({
                    "from": sender.email,
                    "to": to.iter().map(|t| &t.1).collect::<Vec<_>>(),
                    // One line, as in the .eml: a host may hand it to its own mailer.
                    "subject": super::escape::header(&subject), "text": text, "html": html,
                    "eml": eml,
                    "eml_filename": format!("{}-{}.eml", esc.id, spec.kind.id),
                })
            }
            "slack" => channels::slack(
                &spec.kind,
                &state,
                &urgency,
                &part("slack")?,
                data["now"].as_str().unwrap_or(""),
            ),
            "pagerduty" => channels::pagerduty(&PagerInputs {
                config: &ws.config,
                kind: &spec.kind,
                state: &state,
                event_action: spec
                    .pager_action
                    .as_deref()
                    .unwrap_or(spec.kind.pager_action),
                urgency: &urgency,
                summary: &part("pagerduty_summary")?,
                timestamp: now.to_string(),
                details: json!({
                    "escalation_id": state.id, "ticket": state.ticket,
                    "customer": state.customer.name, "tier": state.tier,
                    "priority": state.priority, "status": state.status.as_str(),
                    "owner": state.owner, "sla": data["sla"]["line"],
                    "notification_type": spec.kind.id,
                }),
            }),
            "markdown" => json!(part("markdown")?),
            _ => continue,
        };
        out.insert(ch.clone(), value);
    }
    let result = json!({
        "escalation_id": esc.id,
        "notification_type": spec.kind.id,
        "title": spec.kind.title,
        "audience": spec.kind.audience.as_str(),
        "urgency": urgency,
        "recipients": recipients,
        "unresolved": unresolved,
        "channels": out,
    });
    Ok(Composed { result, recipients })
}

/// Archived escalations are history: nothing more is appended to them.
pub fn ensure_writable(esc: &Escalation, path: &str) -> Result<(), RequestError> {
    if fold(esc).status == Status::Archived {
        return Err(RequestError::new(
            ErrorCode::InvalidTransition,
            path,
            format!(
                "{} is archived; archived escalations cannot be changed",
                esc.id
            ),
        ));
    }
    Ok(())
}

/// The `NotificationGenerated` event for a composed notification.
pub fn event(
    id: String,
    now: Timestamp,
    actor: &str,
    type_id: &str,
    recipients: &[Recipient],
) -> Event {
    Event {
        id,
        at: now,
        actor: actor.to_string(),
        kind: EventKind::NotificationGenerated {
            notification_type: type_id.to_string(),
            recipients: recipients.iter().map(|r| r.email.clone()).collect(),
        },
    }
}
