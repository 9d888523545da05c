//! The template editor's model: which source applies to a type and part, the overrides list
//! after a save or a revert, and the live preview, rendered by the real engine on a copy of
//! the workspace so nothing is saved or recorded while the user types.

use escalon::notify::templates::{default_for, PARTS};
use escalon::notify::TemplateOverride;
use escalon::{Context, Workspace};
use serde_json::{json, Value};

/// Where the editor's text comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// An override for exactly this type and part.
    Own,
    /// The override for every type (`*`).
    AllTypes,
    Shipped,
}

/// The source that applies to `notification_type` and `part`, as the engine picks it: the
/// last matching override for the type, else for `*`, else the shipped template.
pub fn current_source(
    overrides: &[TemplateOverride],
    notification_type: &str,
    part: &str,
) -> (String, Origin) {
    let pick = |t: &str| {
        overrides
            .iter()
            .rev()
            .find(|o| o.part == part && o.notification_type == t)
    };
    if let Some(o) = pick(notification_type) {
        let origin = if notification_type == "*" {
            Origin::AllTypes
        } else {
            Origin::Own
        };
        return (o.source.clone(), origin);
    }
    match pick("*") {
        Some(o) => (o.source.clone(), Origin::AllTypes),
        None => (default_for(part).to_string(), Origin::Shipped),
    }
}

/// The overrides with `source` for exactly this type and part, replacing any earlier one.
pub fn with_override(
    overrides: &[TemplateOverride],
    notification_type: &str,
    part: &str,
    source: &str,
) -> Vec<TemplateOverride> {
    let mut out = without_override(overrides, notification_type, part);
    out.push(TemplateOverride {
        notification_type: notification_type.to_string(),
        part: part.to_string(),
        source: source.to_string(),
    });
    out
}

/// The overrides without any for exactly this type and part ("revert to default").
pub fn without_override(
    overrides: &[TemplateOverride],
    notification_type: &str,
    part: &str,
) -> Vec<TemplateOverride> {
    overrides
        .iter()
        .filter(|o| !(o.part == part && o.notification_type == notification_type))
        .cloned()
        .collect()
}

/// What a preview shows: the rendered part and, for context, the channel it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct PartPreview {
    /// The edited part as rendered (HTML as its source text).
    pub rendered: String,
    pub channel: &'static str,
}

/// The door request that renders `part`, without recording anything.
pub fn preview_request(
    escalation_id: &str,
    notification_type: &str,
    part: &str,
    now: &str,
) -> Value {
    if let Some(target) = part
        .strip_prefix("handoff_")
        .map(|_| handoff_tier(notification_type))
    {
        let mut p = json!({"escalation_id": escalation_id});
        if let Some(t) = target {
            p["target_tier"] = json!(t);
        }
        return json!({"action": "generate-handoff", "now": now, "parameters": p});
    }
    let kind = if notification_type == "*" {
        "escalation_alert"
    } else {
        notification_type
    };
    json!({
        "action": "generate-notification",
        "now": now,
        "parameters": {
            "escalation_id": escalation_id,
            "notification_type": kind,
            "channels": [channel_of(part)],
            "record": false,
        }
    })
}

fn handoff_tier(notification_type: &str) -> Option<u8> {
    notification_type
        .strip_prefix("tier")?
        .strip_suffix("_handoff")?
        .parse()
        .ok()
}

fn channel_of(part: &str) -> &'static str {
    match part {
        "markdown" => "markdown",
        "slack" => "slack",
        "pagerduty_summary" => "pagerduty",
        "handoff_markdown" | "handoff_html" => "handoff",
        _ => "email",
    }
}

/// Renders the candidate `source` for one escalation on a copy of `ws` with the candidate
/// overrides in its config. A broken template is the engine's error, with its line.
pub fn preview(
    ws: &Workspace,
    escalation_id: &str,
    notification_type: &str,
    part: &str,
    source: &str,
    now: &str,
) -> Result<PartPreview, String> {
    // With no escalation there is nothing to render against; that is not the template's fault
    // (an emptied workspace showed "no escalation ''" as if the template were broken).
    if ws.escalations.is_empty() {
        return Ok(PartPreview {
            rendered: "(no escalation in this workspace to preview with: record one, and \
                       the preview renders it)"
                .into(),
            channel: channel_of(part),
        });
    }
    let mut copy = ws.clone();
    let mut config = copy.config.clone();
    config.templates = with_override(&config.templates, notification_type, part, source);
    copy.set_config(config);
    let mut ctx = Context::with_counter(None, "preview");
    let request = preview_request(escalation_id, notification_type, part, now);
    let response = escalon::handle(&mut copy, &request, &mut ctx);
    if let Some(e) = crate::detail::error_line(&response) {
        return Err(e);
    }
    let r = &response["result"];
    let channel = channel_of(part);
    let out = match part {
        "subject" | "text" | "html" => &r["channels"]["email"][part],
        "markdown" => &r["channels"]["markdown"],
        "slack" => &r["channels"]["slack"],
        "pagerduty_summary" => &r["channels"]["pagerduty"]["payload"]["summary"],
        "handoff_markdown" => &r["markdown"],
        "handoff_html" => &r["html"],
        _ => &Value::Null,
    };
    let rendered = match out {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => serde_json::to_string_pretty(other).unwrap_or_default(),
    };
    Ok(PartPreview { rendered, channel })
}

/// Every part the editor offers, in the engine's order.
pub fn parts() -> &'static [&'static str] {
    PARTS
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detail::testing::NOW;

    fn ov(t: &str, part: &str, source: &str) -> TemplateOverride {
        TemplateOverride {
            notification_type: t.into(),
            part: part.into(),
            source: source.into(),
        }
    }

    #[test]
    fn the_source_shown_is_the_one_the_engine_uses() {
        let list = vec![
            ov("*", "subject", "all"),
            ov("sla_breach", "subject", "own"),
        ];
        assert_eq!(
            current_source(&list, "sla_breach", "subject"),
            ("own".into(), Origin::Own)
        );
        assert_eq!(
            current_source(&list, "escalation_alert", "subject"),
            ("all".into(), Origin::AllTypes)
        );
        let (text, origin) = current_source(&list, "escalation_alert", "text");
        assert_eq!(origin, Origin::Shipped);
        assert_eq!(text, default_for("text"));
    }

    #[test]
    fn saving_replaces_and_reverting_removes_only_that_override() {
        let list = vec![
            ov("*", "subject", "all"),
            ov("sla_breach", "subject", "old"),
        ];
        let saved = with_override(&list, "sla_breach", "subject", "new");
        assert_eq!(
            saved,
            vec![
                ov("*", "subject", "all"),
                ov("sla_breach", "subject", "new")
            ]
        );
        assert_eq!(
            without_override(&saved, "sla_breach", "subject"),
            vec![ov("*", "subject", "all")]
        );
    }

    #[test]
    fn preview_renders_the_escalation_with_the_candidate_and_changes_nothing() {
        let ws = escalon::demo::demo_workspace();
        let before = ws.clone();
        let p = preview(
            &ws,
            "ESC-2025-001",
            "escalation_alert",
            "subject",
            "Alert for {{ customer.name }} <{{ escalation.id }}>",
            NOW,
        )
        .unwrap();
        assert_eq!(p.rendered, "Alert for Northwind Logistics <ESC-2025-001>");
        assert_eq!(p.channel, "email");
        assert_eq!(ws, before, "the open workspace is untouched");
    }

    #[test]
    fn every_part_previews_its_shipped_template() {
        let ws = escalon::demo::demo_workspace();
        for part in parts() {
            for t in ["escalation_alert", "tier3_handoff", "*"] {
                let p = preview(&ws, "ESC-2025-001", t, part, default_for(part), NOW)
                    .unwrap_or_else(|e| panic!("{t} {part}: {e}"));
                assert!(!p.rendered.is_empty(), "{t} {part}");
            }
        }
    }

    #[test]
    fn a_broken_template_is_an_error_with_its_line() {
        let ws = escalon::demo::demo_workspace();
        let e = preview(
            &ws,
            "ESC-2025-001",
            "escalation_alert",
            "text",
            "ok\n{{ escalation.id",
            NOW,
        )
        .unwrap_err();
        assert!(e.contains("line 2"), "{e}");
        assert!(e.contains("config.templates."), "{e}");
    }

    /// Web audit of 2026-11-29: with no escalations the preview showed a door error as if the
    /// template were broken.
    #[test]
    fn an_empty_workspace_previews_a_hint_not_an_error() {
        let ws = Workspace::default();
        let p = preview(
            &ws,
            "",
            "escalation_alert",
            "html",
            "<p>{{ escalation.id }}</p>",
            "2025-01-01T00:00:00Z",
        )
        .expect("not an error");
        assert!(p.rendered.contains("no escalation in this workspace"));
    }
}
