//! What each tier's clocks run on, resolved once per request rather than once per clock:
//! metrics fold tens of thousands of escalations, and re-cloning policies and re-resolving
//! calendars for every clock dominated that work.

use super::matcher::{Matcher, StatusSet};
use super::policy::{ClockKind, ClockPolicy};
use super::resolve::{calendar_of, calendar_path, policy_for};
use crate::calendar::Calendar;
use crate::config::Config;
use crate::error::RequestError;

/// One tier's clock of one kind: its rules, target and calendar.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub rules: ClockPolicy,
    pub target_minutes: u32,
    /// Kept as a result: a bad calendar is an error only for escalations that reach it.
    pub calendar: Result<Calendar, RequestError>,
    /// `rules.starts_on`, `stops_on` and `pause_states`, compiled.
    pub starts: Matcher,
    pub stops: Matcher,
    pub pause_states: StatusSet,
}

/// The resolved clocks of the usual tiers (1-4 and any configured), built from one config.
pub struct ClockBook<'a> {
    config: &'a Config,
    /// Indexed by tier; `None` for tiers nobody configured (resolved on demand).
    by_tier: Vec<Option<[Resolved; 3]>>,
}

impl<'a> ClockBook<'a> {
    pub fn new(config: &'a Config) -> Self {
        let max = config
            .sla_policies
            .iter()
            .map(|p| p.tier)
            .chain([4])
            .max()
            .unwrap_or(4);
        let by_tier = (0..=max)
            .map(|t| (t >= 1).then(|| ClockKind::ALL.map(|k| resolve(config, t, k))))
            .collect();
        Self { config, by_tier }
    }

    pub fn config(&self) -> &'a Config {
        self.config
    }

    /// The clock of `kind` for `tier`, from the book or (an unusual tier) resolved now.
    pub fn get(&self, tier: u8, kind: ClockKind) -> std::borrow::Cow<'_, Resolved> {
        let i = ClockKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
        match self.by_tier.get(usize::from(tier)).and_then(Option::as_ref) {
            Some(r) => std::borrow::Cow::Borrowed(&r[i]),
            None => std::borrow::Cow::Owned(resolve(self.config, tier, kind)),
        }
    }
}

fn resolve(config: &Config, tier: u8, kind: ClockKind) -> Resolved {
    let (policy, index) = policy_for(config, tier);
    let rules = policy.clock(kind);
    let calendar = calendar_of(config, &rules, &calendar_path(index, kind));
    Resolved {
        target_minutes: rules.target_minutes,
        starts: Matcher::new(&rules.starts_on, kind.default_starts_on()),
        stops: Matcher::new(&rules.stops_on, kind.default_stops_on()),
        pause_states: StatusSet::of(&rules.pause_states),
        rules,
        calendar,
    }
}
