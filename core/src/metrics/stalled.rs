//! Stalled escalations for the `stalled_count` metric. The definition itself lives in
//! `aging::rule`, shared with `stalled-report`, so the dashboard and the report agree.

pub use crate::aging::rule::{is_stalled, silent_too_long, update_target_minutes};

use crate::config::Config;

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
