//! The progress form as data, and its `track-progress` request.

use escalon::scales::Status;
use serde_json::{json, Value};

/// Statuses the progress form offers: `open` is excluded, since nothing returns to it.
pub fn update_statuses() -> Vec<&'static str> {
    Status::ALL
        .iter()
        .filter(|s| **s != Status::Open)
        .map(|s| s.as_str())
        .collect()
}

/// The progress form. Empty fields are left out of the update, so they change nothing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProgressDraft {
    /// Empty: the status stays as it is.
    pub status: String,
    pub owner: String,
    pub action: String,
    pub next_steps: String,
    pub note: String,
}

impl ProgressDraft {
    pub fn is_empty(&self) -> bool {
        [
            &self.status,
            &self.owner,
            &self.action,
            &self.next_steps,
            &self.note,
        ]
        .iter()
        .all(|f| f.trim().is_empty())
    }

    /// The `track-progress` request.
    pub fn to_request(&self, escalation_id: &str, now: &str) -> Value {
        let mut update = serde_json::Map::new();
        let mut put = |key: &str, v: &str, value: Value| {
            if !v.trim().is_empty() {
                update.insert(key.to_string(), value);
            }
        };
        put("status", &self.status, json!(self.status.trim()));
        put("owner", &self.owner, json!(self.owner.trim()));
        put("actions_taken", &self.action, json!([self.action.trim()]));
        put(
            "next_steps",
            &self.next_steps,
            json!(self.next_steps.trim()),
        );
        put("note", &self.note, json!(self.note.trim()));
        json!({
            "action": "track-progress",
            "now": now,
            "parameters": {"escalation_id": escalation_id, "update": update},
        })
    }
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::detail::testing::NOW;
    use crate::detail::timeline;

    #[test]
    fn blank_progress_fields_are_left_out() {
        let d = ProgressDraft {
            status: "in_progress".into(),
            note: "  checked the logs ".into(),
            ..Default::default()
        };
        let r = d.to_request("ESC-1", NOW);
        assert_eq!(r["action"], "track-progress");
        assert_eq!(r["now"], NOW);
        assert_eq!(
            r["parameters"]["update"],
            json!({"status": "in_progress", "note": "checked the logs"})
        );
        assert!(!d.is_empty());
        assert!(ProgressDraft::default().is_empty());
    }

    #[test]
    fn an_action_is_sent_as_a_list() {
        let d = ProgressDraft {
            action: "Restarted node 3".into(),
            owner: "sam@x.com".into(),
            ..Default::default()
        };
        let u = &d.to_request("ESC-1", NOW)["parameters"]["update"];
        assert_eq!(u["actions_taken"], json!(["Restarted node 3"]));
        assert_eq!(u["owner"], "sam@x.com");
    }

    #[test]
    fn open_is_not_offered() {
        let s = update_statuses();
        assert!(!s.contains(&"open"));
        assert!(s.contains(&"resolved"));
    }

    #[test]
    fn the_progress_request_runs_against_the_demo() {
        let mut ws = escalon::demo::demo_workspace();
        let d = ProgressDraft {
            status: "in_progress".into(),
            note: "from the detail page".into(),
            ..Default::default()
        };
        let mut ctx = escalon::Context::new(None, || "ev-test".to_string());
        let r = escalon::handle(&mut ws, &d.to_request("ESC-2025-001", NOW), &mut ctx);
        assert_eq!(r["ok"], true, "{r}");
        let rows = timeline(ws.escalation("ESC-2025-001").unwrap());
        assert_eq!(rows[0].kind, "note");
        assert!(rows[0].details.contains("from the detail page"));
    }
}
