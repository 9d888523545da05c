//! Stalled escalations: not done, and nobody has worked on them for longer than their
//! tier's update target (the `next_update` clock of the tier's SLA policy, counted in
//! wall-clock minutes). Public so the aging issue can reuse the same definition.

use jiff::Timestamp;

use crate::config::Config;
use crate::sla::{policy_for, ClockKind};

/// Minutes of silence after which an escalation of `tier` is stalled.
pub fn update_target_minutes(config: &Config, tier: u8) -> u32 {
    policy_for(config, tier)
        .0
        .clock(ClockKind::NextUpdate)
        .target_minutes
}

/// Whether an escalation is stalled at `now`; `last_activity` is its last event that is
/// work on it (see `metrics::facts::is_activity`).
pub fn is_stalled(
    config: &Config,
    tier: u8,
    done: bool,
    last_activity: Timestamp,
    now: Timestamp,
) -> bool {
    !done && silent_too_long(update_target_minutes(config, tier), last_activity, now)
}

/// The comparison itself, for callers that looked the target up once per tier.
pub fn silent_too_long(target_minutes: u32, last_activity: Timestamp, now: Timestamp) -> bool {
    now.as_second() - last_activity.as_second() > i64::from(target_minutes) * 60
}

/// Update targets looked up once per tier: a request reads many escalations of few tiers.
#[derive(Default)]
pub struct TargetCache(Vec<(u8, u32)>);

impl TargetCache {
    pub fn get(&mut self, config: &Config, tier: u8) -> u32 {
        if let Some((_, m)) = self.0.iter().find(|(t, _)| *t == tier) {
            return *m;
        }
        let m = update_target_minutes(config, tier);
        self.0.push((tier, m));
        m
    }
}
