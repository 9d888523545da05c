//! Notification previews: the `generate-notification` request for one channel, and what of
//! its answer is shown (always as text) and offered for download.

use serde_json::{json, Value};

/// Every notification type the engine knows, handoffs first.
pub fn notification_types() -> Vec<String> {
    (1..=4)
        .map(|t| format!("tier{t}_handoff"))
        .chain(escalon::notify::kinds::TYPES.iter().map(|s| s.to_string()))
        .collect()
}

pub const CHANNELS: &[&str] = &["email", "slack", "pagerduty", "markdown"];

/// `generate-notification` for one channel; `record: false` is a preview that changes nothing.
pub fn notification_request(
    escalation_id: &str,
    notification_type: &str,
    channel: &str,
    record: bool,
    now: &str,
) -> Value {
    json!({
        "action": "generate-notification",
        "now": now,
        "parameters": {
            "escalation_id": escalation_id,
            "notification_type": notification_type,
            "channels": [channel],
            "record": record,
        }
    })
}

/// What the page shows of one channel's output: all text, never markup to inject.
#[derive(Debug, Clone, PartialEq)]
pub struct ChannelPreview {
    pub subject: Option<String>,
    /// The body as text (email text, Markdown, or pretty JSON for Slack and PagerDuty).
    pub body: String,
    /// The email's HTML as its source text.
    pub html_source: Option<String>,
    pub file_name: String,
    pub mime: &'static str,
    /// What the download link carries (the .eml for email).
    pub file_content: String,
}

/// Reads `result.channels.<channel>` of a generate-notification answer.
pub fn channel_preview(escalation_id: &str, channel: &str, result: &Value) -> ChannelPreview {
    let out = &result["channels"][channel];
    let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
    let pretty = serde_json::to_string_pretty(out).unwrap_or_default();
    match channel {
        "email" => ChannelPreview {
            subject: Some(text(&out["subject"])),
            body: text(&out["text"]),
            html_source: Some(text(&out["html"])),
            file_name: out["eml_filename"]
                .as_str()
                .map(str::to_string)
                .unwrap_or_else(|| format!("{escalation_id}.eml")),
            mime: "message/rfc822",
            file_content: text(&out["eml"]),
        },
        "markdown" => ChannelPreview {
            subject: None,
            body: text(out),
            html_source: None,
            file_name: format!("{escalation_id}.md"),
            mime: "text/markdown",
            file_content: text(out),
        },
        _ => ChannelPreview {
            subject: None,
            body: pretty.clone(),
            html_source: None,
            file_name: format!("{escalation_id}-{channel}.json"),
            mime: "application/json",
            file_content: pretty,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detail::testing::{run, NOW};

    #[test]
    fn notification_previews_are_text_for_every_channel() {
        let ws = escalon::demo::demo_workspace();
        for channel in CHANNELS {
            let req = notification_request("ESC-2025-001", "escalation_alert", channel, false, NOW);
            let r = run(&ws, &req);
            assert_eq!(r["ok"], true, "{r}");
            let p = channel_preview("ESC-2025-001", channel, &r["result"]);
            assert!(!p.body.is_empty(), "{channel}");
            assert!(!p.file_content.is_empty(), "{channel}");
        }
        let r = run(
            &ws,
            &notification_request("ESC-2025-001", "escalation_alert", "email", false, NOW),
        );
        let p = channel_preview("ESC-2025-001", "email", &r["result"]);
        assert!(p.subject.unwrap().contains("ESC-2025-001"));
        assert!(p.html_source.unwrap().contains('<'));
        assert_eq!(p.mime, "message/rfc822");
    }

    #[test]
    fn every_type_is_known_to_the_engine() {
        let ws = escalon::demo::demo_workspace();
        for t in notification_types() {
            let r = run(
                &ws,
                &notification_request("ESC-2025-001", &t, "markdown", false, NOW),
            );
            assert_eq!(r["ok"], true, "{t}: {r}");
        }
    }
}
