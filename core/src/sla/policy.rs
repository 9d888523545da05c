//! SLA policies per tier, as configured (data only; the event-log side folds them into clocks).
//!
//! Defaults, in business minutes of each clock's calendar (24/7 unless configured):
//!
//! | tier | first_response | next_update    | resolution      |
//! |------|----------------|----------------|-----------------|
//! | 1    | 240 (4 h)      | 1440 (daily)   | 7200 (5 days)   |
//! | 2    | 120 (2 h)      | 480 (8 h)      | 2880 (2 days)   |
//! | 3    | 60 (1 h)       | 240 (4 h)      | 1440 (1 day)    |
//! | 4    | 30             | 60 (hourly)    | 480 (8 h)       |
//!
//! First-response targets come from the seed; the others keep each tier's update cadence
//! a few times shorter than its resolution target, so customers hear back several times
//! before the ticket is due.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::clock::DEFAULT_WARN_AT;
use crate::calendar::Calendar;

/// The three clocks every escalation carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ClockKind {
    FirstResponse,
    NextUpdate,
    Resolution,
}

impl ClockKind {
    pub const ALL: [ClockKind; 3] = [Self::FirstResponse, Self::NextUpdate, Self::Resolution];

    /// Event kinds (snake_case) that start the clock when a policy names none. For
    /// `next_update` each of them restarts it: the clock measures time since the last update.
    pub fn default_starts_on(self) -> &'static [&'static str] {
        match self {
            Self::FirstResponse | Self::Resolution => &["created"],
            Self::NextUpdate => &["created", "action_taken", "note", "status_changed"],
        }
    }

    /// Event kinds that stop (satisfy) the clock when a policy names none. A name also
    /// matches a `status_changed` event into the status of that name (`in_progress`).
    pub fn default_stops_on(self) -> &'static [&'static str] {
        match self {
            Self::FirstResponse => &[
                "acknowledged",
                "owner_assigned",
                "in_progress",
                "action_taken",
            ],
            Self::NextUpdate | Self::Resolution => &["resolved", "closed", "archived"],
        }
    }
}

/// Which calendar a clock counts on: a named calendar of the workspace config, the
/// built-in `"24/7"`, or a calendar written inline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum CalendarRef {
    Named(String),
    Inline(Box<Calendar>),
}

impl Default for CalendarRef {
    fn default() -> Self {
        Self::Named("24/7".to_string())
    }
}

/// What a tier change does to a running clock.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OnTierChange {
    /// Same start, the new tier's target (the usual helpdesk behaviour).
    #[default]
    Retarget,
    /// Start again at the tier change with the new tier's target.
    Restart,
    /// Keep the target the clock started with.
    Keep,
}

/// One clock of one tier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClockPolicy {
    pub target_minutes: u32,
    #[serde(default)]
    pub calendar: CalendarRef,
    /// Escalation statuses during which the clock does not run.
    #[serde(default = "default_pause_states")]
    pub pause_states: Vec<String>,
    /// Fractions of the target at which the clock turns to `warning`.
    #[serde(default = "default_warn_at")]
    pub warn_at: Vec<f64>,
    /// Event kinds (or statuses entered) that start the clock; empty means [`ClockKind::default_starts_on`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub starts_on: Vec<String>,
    /// Event kinds (or statuses entered) that stop the clock; empty means [`ClockKind::default_stops_on`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stops_on: Vec<String>,
    #[serde(default)]
    pub on_tier_change: OnTierChange,
}

fn default_pause_states() -> Vec<String> {
    vec!["pending_customer".to_string(), "pending_vendor".to_string()]
}

fn default_warn_at() -> Vec<f64> {
    DEFAULT_WARN_AT.to_vec()
}

impl ClockPolicy {
    /// A clock with every default but its target.
    pub fn with_target(target_minutes: u32) -> Self {
        Self {
            target_minutes,
            calendar: CalendarRef::default(),
            pause_states: default_pause_states(),
            warn_at: default_warn_at(),
            starts_on: Vec::new(),
            stops_on: Vec::new(),
            on_tier_change: OnTierChange::default(),
        }
    }
}

/// The SLA of one tier. A clock left out takes the tier's default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SlaPolicy {
    pub tier: u8,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_response: Option<ClockPolicy>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_update: Option<ClockPolicy>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution: Option<ClockPolicy>,
}

impl SlaPolicy {
    /// The default policy of tiers 1-4 (targets in the table above); tiers beyond 4 take
    /// tier 4's targets.
    pub fn default_for_tier(tier: u8) -> Self {
        let [fr, nu, res] = default_targets(tier);
        Self {
            tier,
            first_response: Some(ClockPolicy::with_target(fr)),
            next_update: Some(ClockPolicy::with_target(nu)),
            resolution: Some(ClockPolicy::with_target(res)),
        }
    }

    /// The policy of one clock, falling back to the tier's default.
    pub fn clock(&self, kind: ClockKind) -> ClockPolicy {
        let configured = match kind {
            ClockKind::FirstResponse => &self.first_response,
            ClockKind::NextUpdate => &self.next_update,
            ClockKind::Resolution => &self.resolution,
        };
        configured.clone().unwrap_or_else(|| {
            let i = ClockKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
            ClockPolicy::with_target(default_targets(self.tier)[i])
        })
    }
}

/// `[first_response, next_update, resolution]` minutes of a tier.
pub fn default_targets(tier: u8) -> [u32; 3] {
    match tier {
        0 | 1 => [240, 1440, 7200],
        2 => [120, 480, 2880],
        3 => [60, 240, 1440],
        _ => [30, 60, 480],
    }
}

/// The seed's policies: tiers 1-4 with default clocks.
pub fn default_policies() -> Vec<SlaPolicy> {
    (1..=4).map(SlaPolicy::default_for_tier).collect()
}
