//! The policy half of a workspace: tiers, rules, people, runbooks. Everything a support lead
//! may want to tune lives here as data, so changing policy never needs a new build.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::calendar::Calendar;
pub use crate::config_defaults::default_config;
use crate::sla::SlaPolicy;
pub use crate::sla::{SlaEscalation, SlaTrigger};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Tiers 1-4, in order. A decision picks the highest tier whose `min_score` it reaches.
    pub tiers: Vec<TierDef>,
    /// Evaluated in order; every matching rule applies its effect.
    #[serde(default)]
    pub rules: Vec<Rule>,
    /// Urgency bands for the ITIL priority matrix.
    #[serde(default)]
    pub priority: PriorityPolicy,
    /// How far back a customer's own escalations count as history.
    #[serde(default = "default_history_days")]
    pub history_window_days: u32,
    #[serde(default)]
    pub directory: Vec<Person>,
    #[serde(default)]
    pub runbooks: Vec<Runbook>,
    /// SLA clocks per tier; a tier not listed (or an empty list) takes the tier's defaults
    /// (`sla::SlaPolicy::default_for_tier`), resolved in `sla::resolve`.
    #[serde(default)]
    pub sla_policies: Vec<SlaPolicy>,
    /// Named calendars that SLA clocks refer to, besides the built-ins `"24/7"` and
    /// `"business"` (Mon-Fri 09:00-17:00 in `timezone`); a name here overrides a built-in.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub calendars: std::collections::BTreeMap<String, Calendar>,
    /// The workspace's IANA time zone, used by the built-in `"business"` calendar and for
    /// the day, week and month boundaries of metrics.
    #[serde(default = "crate::sla::default_timezone")]
    pub timezone: String,
    /// Tickets triaged per month or day (optionally per category and segment): the
    /// denominator of the `escalation_rate` metric.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub triage_volume: Vec<crate::metrics::TriageVolume>,
    /// Targets per metric, reported as met or missed by `calculate-metrics`.
    #[serde(default)]
    pub metric_targets: Vec<crate::metrics::MetricTarget>,
    /// Whether SLA risk on a recorded escalation raises determine-escalation one tier.
    #[serde(default)]
    pub sla_escalation: SlaEscalation,
    /// Notification templates replacing the shipped ones, per type (or `*`) and part.
    #[serde(default)]
    pub templates: Vec<crate::notify::TemplateOverride>,
    /// Sender, on-call rotations, PagerDuty, aging targets and escalation chains.
    #[serde(default)]
    pub notify: crate::notify::NotifyConfig,
    /// Which resolution criteria de-escalation requires.
    #[serde(default)]
    pub deescalation: crate::deescalate::DeescalationPolicy,
    /// Which escalations may be declared a major incident, and their status-update cadence.
    #[serde(default)]
    pub major_incident: crate::incident::MajorIncidentPolicy,
}

fn default_history_days() -> u32 {
    90
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TierDef {
    pub tier: u8,
    pub name: String,
    pub criteria: String,
    pub response_target_minutes: u32,
    pub min_score: u8,
    /// Role ids resolved against the directory.
    pub stakeholder_roles: Vec<String>,
    /// Steps recommended whenever a decision lands on this tier.
    #[serde(default)]
    pub actions: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    pub description: String,
    /// JSON Logic over `{issue, customer, context, facts}`; see `decide::facts`.
    #[serde(rename = "when")]
    pub condition: Value,
    #[serde(default)]
    pub effect: Effect,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Effect {
    /// Points added to the urgency score (never negative, so rules cannot break monotonicity).
    #[serde(default)]
    pub add_points: u8,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_tier: Option<u8>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub add_stakeholders: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recommend: Vec<String>,
}

/// Urgency is high from `urgency_high_at`, medium from `urgency_medium_at`, low below.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PriorityPolicy {
    pub urgency_high_at: u8,
    pub urgency_medium_at: u8,
}

impl Default for PriorityPolicy {
    fn default() -> Self {
        Self {
            urgency_high_at: 75,
            urgency_medium_at: 40,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub name: String,
    pub email: String,
    pub roles: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Runbook {
    pub title: String,
    pub url: String,
    #[serde(default)]
    pub categories: Vec<String>,
    #[serde(default)]
    pub products: Vec<String>,
}

impl Config {
    pub fn tier(&self, tier: u8) -> Option<&TierDef> {
        self.tiers.iter().find(|t| t.tier == tier)
    }

    pub fn people_with_role<'a>(&'a self, role: &'a str) -> impl Iterator<Item = &'a Person> {
        self.directory
            .iter()
            .filter(move |p| p.roles.iter().any(|r| r == role))
    }

    pub fn runbooks_for<'a>(
        &'a self,
        category: Option<&'a str>,
        product: Option<&'a str>,
    ) -> impl Iterator<Item = &'a Runbook> {
        self.runbooks.iter().filter(move |r| {
            category.is_some_and(|c| r.categories.iter().any(|x| x == c))
                || product.is_some_and(|p| r.products.iter().any(|x| x == p))
        })
    }
}

impl Default for Config {
    fn default() -> Self {
        default_config()
    }
}
