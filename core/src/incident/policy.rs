//! The major-incident part of the config: who may be declared, and how often the bridge
//! owes its stakeholders a status update. Serde defaults, so older documents still load.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
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
