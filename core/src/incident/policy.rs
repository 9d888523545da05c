//! The major-incident part of the config: who may be declared, and how often the bridge
//! owes its stakeholders a status update. Serde defaults, so older documents still load.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MajorIncidentPolicy {
    /// Minutes between status updates while a major incident is open (ITIL: every 30).
    #[serde(default = "default_cadence")]
    pub update_cadence_minutes: u32,
    /// Priorities that may be declared a major incident.
    #[serde(default = "default_priorities")]
    pub priorities: Vec<String>,
    /// Tiers that may be declared a major incident whatever their priority.
    #[serde(default = "default_tiers")]
    pub tiers: Vec<u8>,
    /// Roles reminded when a status update is overdue.
    #[serde(default = "default_reminder_roles")]
    pub reminder_roles: Vec<String>,
}

fn default_cadence() -> u32 {
    30
}

fn default_priorities() -> Vec<String> {
    vec!["P1".into()]
}

fn default_tiers() -> Vec<u8> {
    vec![4]
}

fn default_reminder_roles() -> Vec<String> {
    vec!["incident_commander".into()]
}

impl Default for MajorIncidentPolicy {
    fn default() -> Self {
        Self {
            update_cadence_minutes: default_cadence(),
            priorities: default_priorities(),
            tiers: default_tiers(),
            reminder_roles: default_reminder_roles(),
        }
    }
}

impl MajorIncidentPolicy {
    /// Why an escalation of `priority` at `tier` may not be declared (to follow "ESC-1 is
    /// "), or `None` when it may. Shared by the door and the web app's Declare button.
    pub fn refusal(&self, priority: Option<&str>, tier: u8) -> Option<String> {
        let by_priority = priority.is_some_and(|p| self.priorities.iter().any(|x| x == p));
        if by_priority || self.tiers.contains(&tier) {
            return None;
        }
        let tiers: Vec<String> = self.tiers.iter().map(u8::to_string).collect();
        Some(format!(
            "priority {} at tier {tier}; only priority {} or tier {} escalations can be \
             declared a major incident",
            priority.unwrap_or("unset"),
            or_list(&self.priorities),
            or_list(&tiers),
        ))
    }
}

/// "P1" / "P1 or P2": for the refusal message.
fn or_list(items: &[String]) -> String {
    if items.is_empty() {
        "(none configured)".into()
    } else {
        items.join(" or ")
    }
}
