//! The major-incident panel as data: what the panel offers for an escalation (declare, the
//! running bridge, or a stood-down period), its `major-incident` requests, and the bridge
//! read from the `status` answer. The DOM is `pages::escalation::major_incident`.

use escalon::config::Config;
use escalon::state::EscalationState;
use serde_json::{json, Value};

/// What the panel shows before asking the engine anything.
#[derive(Debug, Clone, PartialEq)]
pub enum Stage {
    /// Not declared; `Err` says why it cannot be (priority and tier outside the policy,
    /// or already done).
    Undeclared(Result<(), String>),
    /// Declared and running.
    Active,
    /// Stood down; it may be declared again when still eligible.
    StoodDown(Result<(), String>),
}

/// The panel's stage for an escalation folded from its log.
pub fn stage(config: &Config, s: &EscalationState) -> Stage {
    let eligible = || {
        if s.status.is_done() {
            return Err(format!(
                "it is {}; a done escalation cannot become a major incident",
                s.status.as_str()
            ));
        }
        match config.major_incident.refusal(s.priority.as_deref(), s.tier) {
            Some(why) => Err(format!("it is {why}")),
            None => Ok(()),
        }
    };
    match &s.major_incident {
        None => Stage::Undeclared(eligible()),
        Some(mi) if mi.stood_down.is_some() => Stage::StoodDown(eligible()),
        Some(_) => Stage::Active,
    }
}

/// What was typed into the panel's fields and not sent yet, kept per escalation by
/// `drafts::Drafts` so leaving the page and coming back shows it again.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IncidentDraft {
    pub reason: String,
    pub url: String,
    pub participant: String,
    pub update: String,
    pub summary: String,
    pub resolved: bool,
}

/// One of the panel's text fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    Reason,
    Url,
    Participant,
    Update,
    Summary,
}

impl IncidentDraft {
    pub fn text(&self, t: Text) -> &str {
        match t {
            Text::Reason => &self.reason,
            Text::Url => &self.url,
            Text::Participant => &self.participant,
            Text::Update => &self.update,
            Text::Summary => &self.summary,
        }
    }

    pub fn text_mut(&mut self, t: Text) -> &mut String {
        match t {
            Text::Reason => &mut self.reason,
            Text::Url => &mut self.url,
            Text::Participant => &mut self.participant,
            Text::Update => &mut self.update,
            Text::Summary => &mut self.summary,
        }
    }

    /// After `op` was accepted: the field it sent is emptied for the next entry (and the
    /// Resolved tick with the summary it went with); the other fields keep their typing.
    pub fn sent(&mut self, op: &Op) {
        match op {
            Op::Declare { .. } => self.reason.clear(),
            Op::SetBridge { .. } => self.url.clear(),
            Op::Join { .. } => self.participant.clear(),
            Op::PostUpdate { .. } => self.update.clear(),
            Op::StandDown { .. } => {
                self.summary.clear();
                self.resolved = false;
            }
            Op::Status | Op::Leave { .. } => {}
        }
    }
}

/// One `major-incident` operation with its own fields.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    Status,
    Declare { reason: String },
    SetBridge { url: String },
    Join { participant: String },
    Leave { participant: String },
    PostUpdate { text: String },
    StandDown { summary: String, resolved: bool },
}

impl Op {
    /// The door request. Texts are trimmed; a blank optional reason is left out, a blank
    /// required text is sent so the engine names the field in its error.
    pub fn to_request(&self, escalation_id: &str, now: &str) -> Value {
        let mut p = json!({"escalation_id": escalation_id});
        let (op, extra) = match self {
            Op::Status => ("status", json!({})),
            Op::Declare { reason } if reason.trim().is_empty() => ("declare", json!({})),
            Op::Declare { reason } => ("declare", json!({"reason": reason.trim()})),
            Op::SetBridge { url } => ("set_bridge", json!({"url": url.trim()})),
            Op::Join { participant } => ("join", json!({"participant": participant.trim()})),
            Op::Leave { participant } => ("leave", json!({"participant": participant})),
            Op::PostUpdate { text } => ("post_update", json!({"text": text.trim()})),
            Op::StandDown { summary, resolved } => (
                "stand_down",
                json!({"summary": summary.trim(), "resolved": resolved}),
            ),
        };
        p["operation"] = json!(op);
        if let (Some(p), Value::Object(x)) = (p.as_object_mut(), extra) {
            p.extend(x);
        }
        json!({"action": "major-incident", "now": now, "parameters": p})
    }
}

/// The bridge as the panel shows it, read from the answer's `major_incident`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Bridge {
    pub active: bool,
    pub declared_at: String,
    pub reason: Option<String>,
    /// Only an http(s) link becomes a link; the engine refuses others, but a hand-edited
    /// log could carry anything.
    pub url: Option<String>,
    pub participants: Vec<String>,
    pub status_updates: u64,
    pub next_update_due: Option<String>,
    pub overdue_minutes: Option<i64>,
    pub ended_at: Option<String>,
    pub summary: Option<String>,
    pub resolved: bool,
    pub duration_minutes: i64,
}

impl Bridge {
    pub fn from_view(mi: &Value) -> Self {
        let s = |v: &Value| v.as_str().map(str::to_string);
        let url = s(&mi["bridge"]["url"]).filter(|u| {
            let l = u.to_ascii_lowercase();
            l.starts_with("https://") || l.starts_with("http://")
        });
        Self {
            active: mi["active"] == true,
            declared_at: s(&mi["declared_at"]).unwrap_or_default(),
            reason: s(&mi["reason"]),
            url,
            participants: mi["bridge"]["participants"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(&s)
                .collect(),
            status_updates: mi["status_updates"].as_u64().unwrap_or(0),
            next_update_due: s(&mi["next_update_due"]),
            overdue_minutes: mi["overdue_minutes"].as_i64(),
            ended_at: s(&mi["ended_at"]),
            summary: s(&mi["summary"]),
            resolved: mi["resolved"] == true,
            duration_minutes: mi["duration_minutes"].as_i64().unwrap_or(0),
        }
    }

    /// "Next status update due 10:40 UTC" or "overdue by 5 min".
    pub fn next_update_line(&self) -> String {
        match (&self.next_update_due, self.overdue_minutes) {
            (_, Some(m)) => format!("Status update overdue by {m} min"),
            (Some(due), None) => format!("Next status update due {due}"),
            (None, None) => "No status update due".into(),
        }
    }

    /// "Stood down at … after 90 min (resolved): summary".
    pub fn ended_line(&self) -> Option<String> {
        let at = self.ended_at.as_ref()?;
        Some(format!(
            "Stood down at {at} after {} min{}: {}",
            self.duration_minutes,
            if self.resolved { " (resolved)" } else { "" },
            self.summary.as_deref().unwrap_or_default()
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detail::testing::{run, NOW};

    fn demo_stage(id: &str) -> Stage {
        let ws = escalon::demo::demo_workspace();
        let s = escalon::state::fold(ws.escalation(id).unwrap());
        stage(&ws.config, &s)
    }

    #[test]
    fn requests_trim_and_leave_out_a_blank_reason() {
        let r = Op::Declare {
            reason: "  ".into(),
        }
        .to_request("ESC-1", NOW);
        assert_eq!(r["action"], "major-incident");
        assert_eq!(r["now"], NOW);
        assert_eq!(
            r["parameters"],
            json!({"escalation_id": "ESC-1", "operation": "declare"})
        );
        let r = Op::StandDown {
            summary: " Restored ".into(),
            resolved: true,
        }
        .to_request("ESC-1", NOW);
        assert_eq!(r["parameters"]["operation"], "stand_down");
        assert_eq!(r["parameters"]["summary"], "Restored");
        assert_eq!(r["parameters"]["resolved"], true);
    }

    #[test]
    fn the_panel_walks_declare_update_stand_down_on_the_demo() {
        let mut ws = escalon::demo::demo_workspace();
        // The demo's one open P1 (tier 3): eligible by priority.
        let id = "ESC-2025-197";
        // After the whole demo log, as the browser's clock is.
        let now = "2026-01-05T10:00:00Z";
        let s = escalon::state::fold(ws.escalation(id).unwrap());
        assert_eq!(stage(&ws.config, &s), Stage::Undeclared(Ok(())), "{s:?}");
        let mut ctx = escalon::Context::with_counter(None, "t");
        for op in [
            Op::Declare {
                reason: "Checkout down".into(),
            },
            Op::SetBridge {
                url: "https://meet.example.com/mi".into(),
            },
            Op::PostUpdate {
                text: "Rolled back".into(),
            },
            Op::StandDown {
                summary: "Restored".into(),
                resolved: false,
            },
        ] {
            let r = escalon::handle(&mut ws, &op.to_request(id, now), &mut ctx);
            assert_eq!(r["ok"], true, "{op:?}: {r}");
        }
        let r = run(&ws, &Op::Status.to_request(id, now));
        let b = Bridge::from_view(&r["result"]["major_incident"]);
        assert!(!b.active);
        assert_eq!(b.url.as_deref(), Some("https://meet.example.com/mi"));
        assert_eq!(b.status_updates, 1);
        assert_eq!(b.next_update_line(), "No status update due");
        assert_eq!(
            b.ended_line().unwrap(),
            format!("Stood down at {now} after 0 min: Restored")
        );
        let s = escalon::state::fold(ws.escalation(id).unwrap());
        assert_eq!(stage(&ws.config, &s), Stage::StoodDown(Ok(())));
    }

    #[test]
    fn a_sent_field_is_emptied_and_the_others_keep_their_typing() {
        let typed = IncidentDraft {
            reason: "r".into(),
            url: "https://x.test".into(),
            participant: "a@x.test".into(),
            update: "u".into(),
            summary: "s".into(),
            resolved: true,
        };
        let mut d = typed.clone();
        d.sent(&Op::PostUpdate { text: "u".into() });
        assert_eq!(d.update, "");
        assert_eq!(d.url, typed.url);
        d.sent(&Op::StandDown {
            summary: "s".into(),
            resolved: true,
        });
        assert_eq!((d.summary.as_str(), d.resolved), ("", false));
        d.sent(&Op::Leave {
            participant: "a@x.test".into(),
        });
        assert_eq!(d.participant, typed.participant, "leaving names no field");
        for op in [
            Op::Declare { reason: "r".into() },
            Op::SetBridge { url: "u".into() },
            Op::Join {
                participant: "p".into(),
            },
        ] {
            d.sent(&op);
        }
        assert_eq!(
            d,
            IncidentDraft::default(),
            "all sent: nothing left to keep"
        );
    }

    #[test]
    fn ineligible_escalations_say_why() {
        match demo_stage("ESC-2025-001") {
            Stage::Undeclared(Err(why)) => assert!(why.contains("tier 4"), "{why}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn only_http_links_become_links() {
        let b = Bridge::from_view(&json!({"bridge": {"url": "javascript:alert(1)"}}));
        assert_eq!(b.url, None);
        let b = Bridge::from_view(&json!({"bridge": {"url": "HTTPS://x.test/a"}}));
        assert_eq!(b.url.as_deref(), Some("HTTPS://x.test/a"));
    }

    #[test]
    fn overdue_updates_say_so() {
        let b = Bridge::from_view(&json!({"active": true,
            "next_update_due": "2025-01-22T10:30:00Z", "overdue_minutes": null}));
        assert_eq!(
            b.next_update_line(),
            "Next status update due 2025-01-22T10:30:00Z"
        );
        let b = Bridge::from_view(&json!({"overdue_minutes": 5}));
        assert_eq!(b.next_update_line(), "Status update overdue by 5 min");
    }
}
