//! The de-escalation checklist as data, and its `recommend-deescalation` request.

use serde_json::{json, Value};

/// The de-escalation checklist.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DeescalationDraft {
    pub root_cause_documented: bool,
    pub root_cause: String,
    pub fix_applied: bool,
    pub fix: String,
    pub customer_confirmation: bool,
    pub monitoring_complete: bool,
    pub rationale: String,
}

/// What the de-escalation buttons ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeescalationMode {
    /// `record: false`: the criteria and the recommendation, nothing stored.
    Check,
    /// The decision and its notices are recorded.
    Record,
    /// Recorded, closed and archived when every criterion is met.
    Archive,
}

impl DeescalationDraft {
    /// The `recommend-deescalation` request. A text counts only when its box is ticked and
    /// it is not blank; otherwise the engine looks for one on record.
    pub fn to_request(&self, escalation_id: &str, mode: DeescalationMode, now: &str) -> Value {
        let mut resolution = json!({
            "customer_confirmation": self.customer_confirmation,
            "monitoring_period_complete": self.monitoring_complete,
        });
        if self.root_cause_documented && !self.root_cause.trim().is_empty() {
            resolution["root_cause"] = json!(self.root_cause.trim());
        }
        if self.fix_applied && !self.fix.trim().is_empty() {
            resolution["fix_applied"] = json!(self.fix.trim());
        }
        let mut parameters = json!({
            "escalation_id": escalation_id,
            "resolution": resolution,
            "record": mode != DeescalationMode::Check,
        });
        if !self.rationale.trim().is_empty() {
            parameters["recommendation"] = json!({"rationale": self.rationale.trim()});
        }
        if mode == DeescalationMode::Archive {
            parameters["archive"] = json!(true);
        }
        json!({"action": "recommend-deescalation", "now": now, "parameters": parameters})
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detail::testing::{run, NOW};

    #[test]
    fn deescalation_texts_count_only_when_ticked() {
        let d = DeescalationDraft {
            root_cause_documented: false,
            root_cause: "leak".into(),
            fix_applied: true,
            fix: "patched".into(),
            customer_confirmation: true,
            ..Default::default()
        };
        let r = d.to_request("ESC-1", DeescalationMode::Check, NOW);
        let p = &r["parameters"];
        assert_eq!(p["record"], false);
        assert!(p["resolution"].get("root_cause").is_none());
        assert_eq!(p["resolution"]["fix_applied"], "patched");
        assert_eq!(p["resolution"]["customer_confirmation"], true);
        assert!(p.get("archive").is_none());
        let a = d.to_request("ESC-1", DeescalationMode::Archive, NOW);
        assert_eq!(a["parameters"]["archive"], true);
        assert_eq!(a["parameters"]["record"], true);
    }

    #[test]
    fn a_deescalation_check_answers_criteria() {
        let ws = escalon::demo::demo_workspace();
        let d = DeescalationDraft {
            root_cause_documented: true,
            root_cause: "memory leak".into(),
            rationale: "looks stable".into(),
            ..Default::default()
        };
        let r = run(
            &ws,
            &d.to_request("ESC-2025-001", DeescalationMode::Check, NOW),
        );
        assert_eq!(r["ok"], true, "{r}");
        assert_eq!(r["result"]["recommendation"], "hold");
        assert!(r["result"]["unmet_criteria"]
            .as_array()
            .unwrap()
            .contains(&json!("fix_applied")));
    }
}
