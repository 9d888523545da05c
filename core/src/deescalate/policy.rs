//! Which resolution criteria must hold before an escalation may be de-escalated or closed.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Every criterion the engine knows, in the order they are reported.
pub const CRITERIA: &[&str] = &[
    "root_cause_documented",
    "fix_applied",
    "customer_confirmation",
    "monitoring_period_complete",
    "no_running_sla_breach",
];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeescalationPolicy {
    /// Criteria that must all be met; a subset of [`CRITERIA`]. Unknown names are reported
    /// as unmet so a typo can never make de-escalation easier.
    #[serde(default = "all_criteria")]
    pub required: Vec<String>,
    /// Hours in `monitoring` status (or since resolution) that complete the monitoring period.
    #[serde(default = "default_monitoring_hours")]
    pub monitoring_hours: u32,
    /// The tier a de-escalated escalation drops to.
    #[serde(default = "default_to_tier")]
    pub to_tier: u8,
}

fn all_criteria() -> Vec<String> {
    CRITERIA.iter().map(|s| s.to_string()).collect()
}

fn default_monitoring_hours() -> u32 {
    48
}

fn default_to_tier() -> u8 {
    1
}

impl Default for DeescalationPolicy {
    fn default() -> Self {
        Self {
            required: all_criteria(),
            monitoring_hours: default_monitoring_hours(),
            to_tier: default_to_tier(),
        }
    }
}
