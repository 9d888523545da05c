//! From the workspace config to what a clock runs on: the policy of a tier, its calendar by
//! name, and the SLA-escalation option. Lives here (not in `config`) so config stays data.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::policy::{CalendarRef, ClockKind, ClockPolicy, SlaPolicy};
use crate::calendar::{Calendar, CalendarSpec, WeeklySpec};
use crate::config::Config;
use crate::error::{ErrorCode, RequestError};

/// Name of the built-in office-hours calendar: Mon-Fri 09:00-17:00 in `config.timezone`.
pub const BUSINESS: &str = "business";
/// Name of the built-in calendar that counts every minute.
pub const ALWAYS: &str = "24/7";

/// The zone of a workspace that names none.
pub fn default_timezone() -> String {
    "UTC".to_string()
}

/// The point at which SLA risk raises a decision one tier.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SlaTrigger {
    /// A clock passed one of its warning thresholds (or breached).
    Warning,
    /// A clock breached its target.
    #[default]
    Breach,
}

/// `config.sla_escalation`: off by default, so existing decisions do not change.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SlaEscalation {
    #[serde(default)]
    pub enabled: bool,
    #[serde(default)]
    pub on: SlaTrigger,
}

/// The configured policy of `tier` with its index in `config.sla_policies` (for error
/// paths), or the tier's default when none is configured.
pub fn policy_for(config: &Config, tier: u8) -> (SlaPolicy, Option<usize>) {
    match config.sla_policies.iter().position(|p| p.tier == tier) {
        Some(i) => (config.sla_policies[i].clone(), Some(i)),
        None => (SlaPolicy::default_for_tier(tier), None),
    }
}

/// Where a clock's calendar is written, for errors.
pub fn calendar_path(index: Option<usize>, kind: ClockKind) -> String {
    let kind = serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    match index {
        Some(i) => format!("config.sla_policies[{i}].{kind}.calendar"),
        None => format!("config.sla_policies(default).{kind}.calendar"),
    }
}

/// The calendar a clock policy counts on. An unknown name is an error at `path`.
pub fn calendar_of(
    config: &Config,
    policy: &ClockPolicy,
    path: &str,
) -> Result<Calendar, RequestError> {
    match &policy.calendar {
        CalendarRef::Inline(c) => Ok((**c).clone()),
        CalendarRef::Named(name) => named_calendar(config, name, path),
    }
}

/// Looks `name` up in `config.calendars`, then among the built-ins.
pub fn named_calendar(config: &Config, name: &str, path: &str) -> Result<Calendar, RequestError> {
    if let Some(c) = config.calendars.get(name) {
        return Ok(c.clone());
    }
    match name {
        ALWAYS => Ok(Calendar::always()),
        BUSINESS => business_calendar(&config.timezone),
        _ => {
            let mut known: Vec<&str> = vec![ALWAYS, BUSINESS];
            known.extend(config.calendars.keys().map(String::as_str));
            Err(RequestError::new(
                ErrorCode::OutOfRange,
                path,
                format!("unknown calendar '{name}'; known: {}", known.join(", ")),
            ))
        }
    }
}

/// Mon-Fri 09:00-17:00 in `timezone`; a bad zone is reported at `config.timezone`.
pub fn business_calendar(timezone: &str) -> Result<Calendar, RequestError> {
    let day = || vec![["09:00".to_string(), "17:00".to_string()]];
    let hours: BTreeMap<String, Vec<[String; 2]>> = crate::sort::map(
        ["mon", "tue", "wed", "thu", "fri"]
            .iter()
            .map(|d| (d.to_string(), day())),
    );
    let spec = CalendarSpec::Weekly(WeeklySpec {
        timezone: timezone.to_string(),
        hours,
        holidays: Vec::new(),
    });
    spec.compile("config")
        .map_err(|e| RequestError::new(e.code, "config.timezone", e.message))
}
