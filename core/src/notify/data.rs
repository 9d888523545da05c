//! The data every template sees, built from the escalation's fold, its log and the config.
//! Every key is always present (null or empty when unknown) so a template can test a value
//! with `{% if %}` without failing on a missing key.

use jiff::Timestamp;
use serde_json::{json, Value};

use super::kinds::{Audience, Kind};
use super::sla_line::sla_summary;
use crate::config::Config;
use crate::event::{Escalation, EventKind};
use crate::state::{fold, EscalationState};

/// Sections a notification can include; the request's `include` picks among them.
pub const SECTIONS: &[&str] = &[
    "issue_summary",
    "customer_context",
    "troubleshooting_history",
    "recommended_actions",
    "timeline",
    "sla_status",
];

pub fn when(t: Timestamp) -> String {
    format!("{} UTC", crate::time_text::utc(t, false))
}

/// "2 d 3 h", "45 min": ages read by people, never negative.
pub fn duration_words(minutes: i64) -> String {
    let m = minutes.max(0);
    match (m / 1440, (m % 1440) / 60, m % 60) {
        (0, 0, min) => format!("{min} min"),
        (0, h, 0) => format!("{h} h"),
        (0, h, min) => format!("{h} h {min} min"),
        (d, h, _) => format!("{d} d {h} h"),
    }
}

/// One line of the timeline, in plain words.
pub fn describe(kind: &EventKind) -> String {
    match kind {
        EventKind::Created { tier, .. } => format!("Escalation opened at tier {tier}"),
        EventKind::TierChanged { to, reason, .. } => match reason {
            Some(r) => format!("Moved to tier {to}: {r}"),
            None => format!("Moved to tier {to}"),
        },
        EventKind::OwnerAssigned { owner } => format!("Assigned to {owner}"),
        EventKind::StatusChanged { status } => format!("Status set to {}", status.as_str()),
        EventKind::ActionTaken { action } => format!("Action: {action}"),
        EventKind::Note { text, .. } => format!("Note: {text}"),
        EventKind::NotificationGenerated {
            notification_type,
            recipients,
        } => format!(
            "Notification {notification_type} to {}",
            if recipients.is_empty() {
                "nobody".to_string()
            } else {
                recipients.join(", ")
            }
        ),
        EventKind::Paused { reason } => match reason {
            Some(r) => format!("Clock paused: {r}"),
            None => "Clock paused".into(),
        },
        EventKind::Resumed {} => "Clock resumed".into(),
        EventKind::Acknowledged {} => "Acknowledged".into(),
        EventKind::DeescalationDecided {
            decision,
            rationale,
            ..
        } => match rationale {
            Some(r) => format!("De-escalation decision: {decision} ({r})"),
            None => format!("De-escalation decision: {decision}"),
        },
        EventKind::Archived { .. } => "Archived".into(),
        EventKind::MajorIncidentDeclared { reason } => match reason {
            Some(r) => format!("Declared a major incident: {r}"),
            None => "Declared a major incident".into(),
        },
        EventKind::BridgeLinkSet { url } => format!("Bridge link set: {url}"),
        EventKind::BridgeJoined { participant } => format!("{participant} joined the bridge"),
        EventKind::BridgeLeft { participant } => format!("{participant} left the bridge"),
        EventKind::StatusUpdatePosted { text } => format!("Status update: {text}"),
        EventKind::MajorIncidentStoodDown { summary, resolved } => format!(
            "Major incident stood down{}: {summary}",
            if *resolved { " (resolved)" } else { "" }
        ),
    }
}

/// What the template of one notification is given. `extra` is merged in last (the
/// de-escalation decision, the aging facts) so callers can add their own keys.
pub struct Inputs<'a> {
    pub config: &'a Config,
    pub esc: &'a Escalation,
    pub kind: &'a Kind,
    pub now: Timestamp,
    pub include: &'a [String],
    pub urgency: Option<&'a str>,
    pub message: Option<&'a str>,
    pub recipients: Value,
    pub extra: Value,
}

pub fn template_data(i: &Inputs) -> Value {
    let s = fold(i.esc);
    let tier_name = i.config.tier(s.tier).map(|t| t.name.clone());
    let age = s
        .opened_at
        .map(|o| duration_words(i.now.duration_since(o).as_secs() / 60));
    let idle = s
        .last_activity_at
        .map(|t| duration_words(i.now.duration_since(t).as_secs() / 60));
    let include: serde_json::Map<String, Value> = crate::sort::map(
        SECTIONS
            .iter()
            .map(|k| (k.to_string(), json!(i.include.iter().any(|x| x == k)))),
    );
    let timeline: Vec<Value> = i
        .esc
        .events
        .iter()
        .filter(|e| e.at <= i.now)
        .map(|e| json!({"at": when(e.at), "actor": e.actor, "text": describe(&e.kind)}))
        .collect();
    let target = i.kind.handoff_tier;
    let mut data = json!({
        "now": when(i.now),
        "kind": {
            "id": i.kind.id, "title": i.kind.title, "headline": i.kind.headline,
            "audience": i.kind.audience.as_str(),
            "internal": i.kind.audience == Audience::Internal,
            "handoff_tier": target,
            "handoff_tier_name": target.and_then(|t| i.config.tier(t)).map(|t| t.name.clone()),
        },
        "urgency": i.urgency.unwrap_or_else(|| default_urgency(&s)),
        "message": i.message,
        "sections": include,
        "escalation": {
            "id": s.id, "ticket": s.ticket, "summary": s.summary, "tier": s.tier,
            "tier_name": tier_name, "peak_tier": s.peak_tier, "priority": s.priority,
            "severity": s.severity, "impact": s.impact, "category": s.category,
            "product": s.product, "status": s.status.as_str(), "owner": s.owner,
            "urgency_score": s.urgency_score, "opened_at": s.opened_at.map(when),
            "age": age, "idle": idle,
            "acknowledged": s.acknowledged_at.is_some(),
            "estimated_resolution": s.estimated_resolution.map(when),
        },
        "customer": {
            "id": s.customer.id, "name": s.customer.name, "segment": s.customer.segment,
            "health_score": s.customer.health_score,
            "contract_value": s.customer.contract_value.map(money),
        },
        "troubleshooting": s.actions_taken,
        "recommended": recommended(i.config, &s),
        "runbooks": i.config
            .runbooks_for(s.category.as_deref(), s.product.as_deref())
            .map(|r| json!({"title": r.title, "url": r.url}))
            .collect::<Vec<_>>(),
        "timeline": timeline,
        "sla": sla_summary(i.config, i.esc, i.now),
        "recipients": i.recipients,
        "deescalation": {"decision": null, "rationale": null, "unmet": []},
        "aging": {"target": null, "overdue_by": null},
        // The bridge and its timeline belong in the executive briefing only.
        "major_incident": if i.kind.id == "executive_briefing" {
            crate::incident::view::briefing(i.config, i.esc, i.now)
        } else {
            Value::Null
        },
    });
    if let (Value::Object(d), Value::Object(x)) = (&mut data, &i.extra) {
        for (k, v) in x {
            d.insert(k.clone(), v.clone());
        }
    }
    data
}

/// `1,250,000` from 1250000.0: contract values read as money, not floats.
fn money(v: f64) -> String {
    let whole = v.round() as i64;
    let digits = whole.abs().to_string();
    let mut out = String::new();
    for (n, c) in digits.chars().enumerate() {
        if n > 0 && (digits.len() - n).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if whole < 0 {
        out.insert(0, '-');
    }
    out
}

fn default_urgency(s: &EscalationState) -> &'static str {
    match s.priority.as_deref() {
        Some("P1") => "critical",
        Some("P2") => "high",
        Some("P3") => "medium",
        _ if s.tier >= 4 => "critical",
        _ if s.tier >= 3 => "high",
        _ => "medium",
    }
}

/// Next steps on record first, then the current tier's standard actions and runbooks.
fn recommended(config: &Config, s: &EscalationState) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(n) = &s.next_steps {
        out.push(n.clone());
    }
    if let Some(t) = config.tier(s.tier) {
        out.extend(t.actions.iter().cloned());
    }
    for r in config.runbooks_for(s.category.as_deref(), s.product.as_deref()) {
        out.push(format!("Follow the runbook \"{}\"", r.title));
    }
    out.dedup();
    out
}
