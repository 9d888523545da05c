//! The notification half of the workspace config: who sends, who is on call, where PagerDuty
//! events go, when an escalation counts as stalled, and how unacknowledged escalations climb
//! a chain of roles. All of it has serde defaults so documents written before it still load.

use jiff::Timestamp;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NotifyConfig {
    #[serde(default)]
    pub sender: Sender,
    /// Weekly (or other length) rotations per role; a role with a rotation resolves to the
    /// person on call instead of everyone holding the role.
    #[serde(default)]
    pub on_call: Vec<Rotation>,
    #[serde(default)]
    pub pagerduty: PagerDutyConfig,
    #[serde(default)]
    pub aging: AgingPolicy,
    #[serde(default)]
    pub chain: ChainPolicy,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sender {
    pub name: String,
    pub email: String,
}

impl Default for Sender {
    fn default() -> Self {
        Self {
            name: "Escalon".into(),
            email: "escalations@company.com".into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rotation {
    pub role: String,
    /// When the first member's first shift starts; shifts follow back to back.
    #[schemars(with = "String")]
    #[serde(deserialize_with = "crate::time_parse::serde_instant::one")]
    pub starts_at: Timestamp,
    #[serde(default = "default_shift_days")]
    pub shift_days: u32,
    /// Email addresses, in rotation order (looked up in the directory for names).
    pub members: Vec<String>,
    /// Swaps: `person` is on call from `from` until `until`, whatever the rotation says.
    #[serde(default)]
    pub overrides: Vec<Override>,
}

fn default_shift_days() -> u32 {
    7
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Override {
    #[schemars(with = "String")]
    #[serde(deserialize_with = "crate::time_parse::serde_instant::one")]
    pub from: Timestamp,
    #[schemars(with = "String")]
    #[serde(deserialize_with = "crate::time_parse::serde_instant::one")]
    pub until: Timestamp,
    pub person: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PagerDutyConfig {
    /// The integration key of a PagerDuty service (Events API v2); empty until configured.
    #[serde(default)]
    pub routing_key: String,
    #[serde(default = "default_source")]
    pub source: String,
}

fn default_source() -> String {
    "escalon".into()
}

impl Default for PagerDutyConfig {
    fn default() -> Self {
        Self {
            routing_key: String::new(),
            source: default_source(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AgingPolicy {
    /// Upper bounds (hours since opening) of the age buckets; the last bucket is open-ended.
    #[serde(default = "default_bucket_hours")]
    pub bucket_hours: Vec<u32>,
}

impl Default for AgingPolicy {
    fn default() -> Self {
        Self {
            bucket_hours: default_bucket_hours(),
        }
    }
}

fn default_bucket_hours() -> Vec<u32> {
    vec![4, 24, 72, 168]
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChainStep {
    pub tier: u8,
    /// Roles notified in order while nobody acknowledges.
    pub roles: Vec<String>,
    /// Minutes to wait before paging each role (counted from the previous page, or from
    /// opening for the first); a role without an entry waits `delay_minutes`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub delays_minutes: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChainPolicy {
    /// Minutes between one unacknowledged notification and the next role's.
    #[serde(default = "default_delay")]
    pub delay_minutes: u32,
    /// How many times the whole chain repeats after its first pass.
    #[serde(default = "default_repeats")]
    pub repeat: u32,
    #[serde(default = "default_chains")]
    pub chains: Vec<ChainStep>,
}

fn default_delay() -> u32 {
    15
}

fn default_repeats() -> u32 {
    2
}

fn default_chains() -> Vec<ChainStep> {
    let step = |tier: u8, roles: &[&str]| ChainStep {
        tier,
        roles: roles.iter().map(|r| r.to_string()).collect(),
        delays_minutes: Vec::new(),
    };
    vec![
        step(1, &["support_agent", "support_manager"]),
        step(2, &["senior_engineer", "tier2_lead", "support_manager"]),
        step(3, &["engineering_lead", "support_manager", "director"]),
        step(4, &["incident_commander", "director", "vp", "executive"]),
    ]
}

impl Default for ChainPolicy {
    fn default() -> Self {
        Self {
            delay_minutes: default_delay(),
            repeat: default_repeats(),
            chains: default_chains(),
        }
    }
}

/// A template that replaces a shipped one: `notification_type` is a type id or `*` for all,
/// `part` one of [`crate::notify::templates::PARTS`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TemplateOverride {
    pub notification_type: String,
    pub part: String,
    pub source: String,
}

/// The demo's rotations: senior engineers and engineering leads rotate weekly from Monday
/// 2025-01-06, with one swap during the week of the seed escalation.
pub fn demo_notify() -> NotifyConfig {
    let t = |s: &str| crate::time_parse::instant(s).expect("valid instant");
    NotifyConfig {
        on_call: vec![
            Rotation {
                role: "senior_engineer".into(),
                starts_at: t("2025-01-06T09:00:00Z"),
                shift_days: 7,
                members: vec![
                    "engineer@company.com".into(),
                    "alex.chen@company.com".into(),
                    "tier2.lead@company.com".into(),
                ],
                overrides: Vec::new(),
            },
            Rotation {
                role: "engineering_lead".into(),
                starts_at: t("2025-01-06T09:00:00Z"),
                shift_days: 7,
                members: vec![
                    "dana.kim@company.com".into(),
                    "lee.novak@company.com".into(),
                ],
                overrides: vec![Override {
                    from: t("2025-01-21T00:00:00Z"),
                    until: t("2025-01-24T00:00:00Z"),
                    person: "lee.novak@company.com".into(),
                }],
            },
        ],
        pagerduty: PagerDutyConfig {
            routing_key: "R0UT1NGKEYDEMO0000000000000000".into(),
            source: "escalon.company.com".into(),
        },
        ..NotifyConfig::default()
    }
}
