//! The non-email channels: Slack Block Kit and the PagerDuty Events API v2 event. Both are
//! JSON built in code around rendered (and escaped) template text.

use serde_json::{json, Value};

use super::escape;
use super::kinds::Kind;
use crate::config::Config;
use crate::state::EscalationState;

/// Slack caps a section's text at 3000 characters and a header at 150.
fn cap(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(n - 1).collect();
        out.push('…');
        out
    }
}

/// Block Kit message: a header, the facts as fields, one section per paragraph of the
/// rendered `slack` template, and a context line. `text` is the notification fallback.
pub fn slack(kind: &Kind, s: &EscalationState, urgency: &str, body: &str, now: &str) -> Value {
    let field = |label: &str, value: &str| json!({"type": "mrkdwn", "text": format!("*{label}*\n{}", escape::slack(value))});
    let mut blocks = vec![
        json!({"type": "header", "text": {"type": "plain_text",
            "text": cap(&format!("{}: {}", kind.title, s.id), 150), "emoji": true}}),
        json!({"type": "section", "fields": [
            field("Ticket", &s.ticket),
            field("Customer", s.customer.name.as_deref().unwrap_or("unknown")),
            field("Tier", &s.tier.to_string()),
            field("Urgency", urgency),
            field("Status", s.status.as_str()),
            field("Owner", s.owner.as_deref().unwrap_or("unassigned")),
        ]}),
    ];
    for para in body.split("\n\n").filter(|p| !p.trim().is_empty()) {
        blocks.push(json!({"type": "section",
            "text": {"type": "mrkdwn", "text": cap(para.trim(), 3000)}}));
    }
    blocks.push(json!({"type": "context", "elements": [{"type": "mrkdwn",
        "text": format!("Escalon · {} · {}", escape::slack(&kind.id), escape::slack(now))}]}));
    json!({
        "text": format!("{}: {} ({})", kind.title, s.id, s.ticket),
        "blocks": blocks,
    })
}

/// PagerDuty severity from the urgency the request gave (or the escalation's default).
pub fn pager_severity(urgency: &str) -> &'static str {
    match urgency {
        "critical" => "critical",
        "high" => "error",
        "medium" => "warning",
        _ => "info",
    }
}

pub struct PagerInputs<'a> {
    pub config: &'a Config,
    pub kind: &'a Kind,
    pub state: &'a EscalationState,
    pub event_action: &'a str,
    pub urgency: &'a str,
    pub summary: &'a str,
    /// RFC 3339 instant of `now`.
    pub timestamp: String,
    pub details: Value,
}

/// An Events API v2 event. `dedup_key` is the escalation id, so trigger, acknowledge and
/// resolve all land on one PagerDuty incident. Acknowledge and resolve carry no payload,
/// as the API specifies.
pub fn pagerduty(p: &PagerInputs) -> Value {
    let pd = &p.config.notify.pagerduty;
    let mut event = json!({
        "routing_key": pd.routing_key,
        "event_action": p.event_action,
        "dedup_key": p.state.id,
    });
    if p.event_action == "trigger" {
        event["payload"] = json!({
            "summary": cap(p.summary, 1024),
            "source": pd.source,
            "severity": pager_severity(p.urgency),
            "timestamp": p.timestamp,
            "component": p.state.product,
            "group": p.state.category,
            "class": p.kind.id,
            "custom_details": p.details,
        });
        let links: Vec<Value> = p
            .config
            .runbooks_for(p.state.category.as_deref(), p.state.product.as_deref())
            .map(|r| json!({"href": r.url, "text": r.title}))
            .collect();
        event["links"] = json!(links);
    }
    event
}
