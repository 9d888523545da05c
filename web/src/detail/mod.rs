//! The escalation detail page as plain data: the door requests its forms send, the timeline
//! rows read from the event log, and the text shown for a channel's preview. Kept apart from
//! the DOM so it is tested natively (like `triage`).

mod deescalate;
pub mod incident;
mod notify;
mod progress;

pub use deescalate::{DeescalationDraft, DeescalationMode};
pub use notify::{
    channel_preview, notification_request, notification_types, ChannelPreview, CHANNELS,
};
pub use progress::{update_statuses, ProgressDraft};

use escalon::event::Escalation;
use jiff::Timestamp;
use serde_json::{json, Value};

/// `sla-status` for the clocks of one escalation.
pub fn sla_request(escalation_id: &str, now: &str) -> Value {
    json!({"action": "sla-status", "now": now, "parameters": {"escalation_id": escalation_id}})
}

/// `generate-handoff` for one escalation (it records nothing).
pub fn handoff_request(escalation_id: &str, now: &str) -> Value {
    json!({"action": "generate-handoff", "now": now, "parameters": {"escalation_id": escalation_id}})
}

/// One line of the audit trail.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineRow {
    pub id: String,
    pub at: String,
    pub actor: String,
    pub kind: &'static str,
    pub details: String,
}

/// Every event of the log, newest first (ties: the later in the log first).
pub fn timeline(esc: &Escalation) -> Vec<TimelineRow> {
    let mut order: Vec<usize> = (0..esc.events.len()).collect();
    escalon::sort::sort_by(&mut order, |&a, &b| {
        esc.events[b]
            .at
            .cmp(&esc.events[a].at)
            .then_with(|| b.cmp(&a))
    });
    order
        .into_iter()
        .map(|i| {
            let e = &esc.events[i];
            TimelineRow {
                id: e.id.clone(),
                at: format!("{} UTC", escalon::time_text::utc(e.at, true)),
                actor: e.actor.clone(),
                kind: e.kind.name(),
                details: escalon::notify::data::describe(&e.kind),
            }
        })
        .collect()
}

/// `path: message` of a failed door answer, `None` when it succeeded.
pub fn error_line(response: &Value) -> Option<String> {
    if response["ok"] == true {
        return None;
    }
    let e = &response["error"];
    let message = e["message"].as_str().unwrap_or("the request failed");
    Some(match e["path"].as_str().filter(|p| !p.is_empty()) {
        Some(path) => format!("{path}: {message}"),
        None => message.to_string(),
    })
}

/// Wall-clock time to a clock's `due_at`, counting down each second: "2 h 03 m 04 s left",
/// "overdue by 5 m 00 s". Met and paused clocks have no countdown.
pub fn countdown(state: &str, due_at: Option<&str>, now: Timestamp) -> String {
    match state {
        "met" => return "met".into(),
        "paused" => return "paused".into(),
        _ => {}
    }
    let Some(due) = due_at.and_then(|d| escalon::time_parse::instant(d).ok()) else {
        return "no due date".into();
    };
    let secs = due.as_second() - now.as_second();
    let words = hms(secs.abs());
    if secs >= 0 {
        format!("{words} left")
    } else {
        format!("overdue by {words}")
    }
}

fn hms(secs: i64) -> String {
    let (d, h, m, s) = (
        secs / 86_400,
        (secs % 86_400) / 3600,
        (secs % 3600) / 60,
        secs % 60,
    );
    if d > 0 {
        format!("{d} d {h:02} h {m:02} m {s:02} s")
    } else if h > 0 {
        format!("{h} h {m:02} m {s:02} s")
    } else {
        format!("{m} m {s:02} s")
    }
}

/// A `data:` URL for a download link: works offline and from file:// with no Blob plumbing.
pub fn data_url(mime: &str, text: &str) -> String {
    let mut out = format!("data:{mime};charset=utf-8,");
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod testing {
    use serde_json::Value;

    pub const NOW: &str = "2025-01-22T10:00:00Z";

    /// Runs a request against a copy of `ws`, as the store would.
    pub fn run(ws: &escalon::Workspace, request: &Value) -> Value {
        let mut ws = ws.clone();
        let mut ctx = escalon::Context::with_counter(None, "t");
        escalon::handle(&mut ws, request, &mut ctx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeline_is_newest_first_and_complete() {
        let ws = escalon::demo::demo_workspace();
        let esc = ws.escalation("ESC-2025-001").unwrap();
        let rows = timeline(esc);
        assert_eq!(rows.len(), esc.events.len());
        assert_eq!(rows.last().unwrap().kind, "created");
        assert!(rows.windows(2).all(|w| w[0].at >= w[1].at));
    }

    #[test]
    fn errors_name_their_path() {
        let r = json!({"ok": false, "error": {"code": "invalid_transition",
            "message": "nope", "path": "parameters.update.status"}});
        assert_eq!(
            error_line(&r).unwrap(),
            "parameters.update.status: nope".to_string()
        );
        assert_eq!(error_line(&json!({"ok": true})), None);
    }

    #[test]
    fn countdowns_tick_in_seconds() {
        let now: Timestamp = "2025-01-22T10:00:00Z".parse().unwrap();
        assert_eq!(
            countdown("running", Some("2025-01-22T12:03:04+00:00"), now),
            "2 h 03 m 04 s left"
        );
        assert_eq!(
            countdown("breached", Some("2025-01-22T09:55:00+00:00"), now),
            "overdue by 5 m 00 s"
        );
        assert_eq!(countdown("met", Some("2025-01-22T09:55:00Z"), now), "met");
        assert_eq!(countdown("running", None, now), "no due date");
    }

    #[test]
    fn data_urls_escape_everything_but_unreserved() {
        assert_eq!(
            data_url("text/plain", "a b#"),
            "data:text/plain;charset=utf-8,a%20b%23"
        );
    }
}
