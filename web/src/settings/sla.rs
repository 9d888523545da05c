//! The SLA policy editor as data: tiers 1-4, each with its three clocks as the form holds
//! them, read from the config (a tier nobody configured shows its defaults) and written
//! back as the `sla_policies` section (`core/src/sla/policy.rs`).

use escalon::scales::Status;
use escalon::sla::{policy_for, CalendarRef, ClockKind, ClockPolicy, OnTierChange};
use serde_json::{json, Map, Value};

pub const TIERS: [u8; 4] = [1, 2, 3, 4];

/// The select's value for a calendar written inline in the policy; kept as it is.
pub const INLINE: &str = "(inline)";

pub fn kind_key(kind: ClockKind) -> &'static str {
    match kind {
        ClockKind::FirstResponse => "first_response",
        ClockKind::NextUpdate => "next_update",
        ClockKind::Resolution => "resolution",
    }
}

pub fn kind_label(kind: ClockKind) -> &'static str {
    match kind {
        ClockKind::FirstResponse => "First response",
        ClockKind::NextUpdate => "Next update",
        ClockKind::Resolution => "Resolution",
    }
}

/// Statuses a clock may pause in; archived ends every clock, so it is not offered.
pub fn pausable_statuses() -> Vec<&'static str> {
    Status::ALL
        .iter()
        .filter(|s| **s != Status::Archived)
        .map(|s| s.as_str())
        .collect()
}

pub const ON_TIER_CHANGE: [(&str, &str); 3] = [
    ("retarget", "Keep the start, use the new tier's target"),
    ("restart", "Start again at the tier change"),
    ("keep", "Keep the target the clock started with"),
];

#[derive(Debug, Clone, PartialEq)]
pub struct ClockDraft {
    pub kind: ClockKind,
    pub target_minutes: String,
    /// A calendar name, or [`INLINE`].
    pub calendar: String,
    inline_calendar: Option<Value>,
    pub pause_states: Vec<String>,
    /// Percent of the target, comma-separated: `"75, 90"`.
    pub warn_at: String,
    /// Event kinds or statuses, comma-separated; empty means the clock's defaults.
    pub starts_on: String,
    pub stops_on: String,
    pub on_tier_change: String,
}

impl ClockDraft {
    fn from_policy(kind: ClockKind, p: &ClockPolicy) -> Self {
        let (calendar, inline_calendar) = match &p.calendar {
            CalendarRef::Named(n) => (n.clone(), None),
            CalendarRef::Inline(c) => (INLINE.to_string(), serde_json::to_value(c).ok()),
        };
        let percents: Vec<String> = p
            .warn_at
            .iter()
            .map(|f| format!("{}", (f * 1000.0).round() / 10.0))
            .collect();
        Self {
            kind,
            target_minutes: p.target_minutes.to_string(),
            calendar,
            inline_calendar,
            pause_states: p.pause_states.clone(),
            warn_at: percents.join(", "),
            starts_on: p.starts_on.join(", "),
            stops_on: p.stops_on.join(", "),
            on_tier_change: match p.on_tier_change {
                OnTierChange::Retarget => "retarget",
                OnTierChange::Restart => "restart",
                OnTierChange::Keep => "keep",
            }
            .to_string(),
        }
    }

    pub fn has_inline_calendar(&self) -> bool {
        self.inline_calendar.is_some()
    }

    /// The clock as the config writes it. A number that does not parse is sent as typed, so
    /// the door refuses it naming the field (`...first_response.target_minutes`).
    fn to_value(&self, tier: u8) -> Result<Value, String> {
        let calendar = match (&self.inline_calendar, self.calendar.as_str()) {
            (Some(v), INLINE) => v.clone(),
            _ => json!(self.calendar),
        };
        let warn_at = self.warn_fractions(tier)?;
        let mut v = json!({
            "target_minutes": number_or_text(&self.target_minutes),
            "calendar": calendar,
            "pause_states": self.pause_states,
            "warn_at": warn_at,
            "on_tier_change": self.on_tier_change,
        });
        for (key, text) in [("starts_on", &self.starts_on), ("stops_on", &self.stops_on)] {
            let list = split(text);
            if !list.is_empty() {
                v[key] = json!(list);
            }
        }
        Ok(v)
    }

    /// The form shows warning thresholds in percent; the config keeps fractions. Checked
    /// here, in the form's unit: the engine's own message speaks of fractions ("below 1"),
    /// and a user who typed 0.5 after reading it got 0.5 % (web audit of 2026-11-29).
    fn warn_fractions(&self, tier: u8) -> Result<Vec<Value>, String> {
        let at = format!(
            "tier {tier} {} warn at",
            kind_key(self.kind).replace('_', " ")
        );
        let mut last = 0.0;
        split(&self.warn_at)
            .into_iter()
            .map(|p| {
                let x: f64 = p
                    .trim_end_matches('%')
                    .trim()
                    .parse()
                    .map_err(|_| format!("{at}: '{p}' is not a number of percent"))?;
                if !(x > 0.0 && x < 100.0) {
                    return Err(format!(
                        "{at}: {p} is not a percentage above 0 and below 100"
                    ));
                }
                if x <= last {
                    return Err(format!(
                        "{at}: thresholds rise, so {p} cannot follow {last}"
                    ));
                }
                last = x;
                Ok(json!(x / 100.0))
            })
            .collect()
    }

    pub fn toggle_pause(&mut self, status: &str, on: bool) {
        self.pause_states.retain(|s| s != status);
        if on {
            self.pause_states.push(status.to_string());
        }
    }
}

fn number_or_text(text: &str) -> Value {
    match text.trim().parse::<i64>() {
        Ok(n) => json!(n),
        Err(_) => json!(text.trim()),
    }
}

fn split(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

#[derive(Debug, Clone, PartialEq)]
pub struct TierDraft {
    pub tier: u8,
    /// First response, next update, resolution.
    pub clocks: Vec<ClockDraft>,
}

/// Tiers 1-4 as the config has them; an unconfigured tier or clock shows its defaults.
pub fn drafts_of(config: &escalon::Config) -> Vec<TierDraft> {
    TIERS
        .iter()
        .map(|&tier| {
            let (policy, _) = policy_for(config, tier);
            TierDraft {
                tier,
                clocks: ClockKind::ALL
                    .iter()
                    .map(|&k| ClockDraft::from_policy(k, &policy.clock(k)))
                    .collect(),
            }
        })
        .collect()
}

/// The `sla_policies` section: every tier with all three clocks written out, so what the
/// page shows is exactly what is stored.
pub fn section_value(tiers: &[TierDraft]) -> Result<Value, String> {
    tiers
        .iter()
        .map(|t| {
            let mut p = Map::new();
            p.insert("tier".into(), json!(t.tier));
            for c in &t.clocks {
                p.insert(kind_key(c.kind).into(), c.to_value(t.tier)?);
            }
            Ok(Value::Object(p))
        })
        .collect::<Result<Vec<_>, String>>()
        .map(Value::Array)
}

/// Calendar names a clock may use: the built-ins, then the config's.
pub fn calendar_names(config: &escalon::Config) -> Vec<String> {
    let mut names = vec!["24/7".to_string(), "business".to_string()];
    names.extend(
        config
            .calendars
            .keys()
            .filter(|k| !names.contains(k))
            .cloned()
            .collect::<Vec<_>>(),
    );
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use escalon::{Context, Workspace};

    fn save(ws: &mut Workspace, value: Value) -> Value {
        let req = crate::settings::request("sla_policies", value, false, "2025-03-03T10:00:00Z");
        escalon::handle(ws, &req, &mut Context::with_counter(None, "t"))
    }

    #[test]
    fn unconfigured_tiers_show_the_defaults_and_save_unchanged() {
        let mut ws = Workspace::default();
        let drafts = drafts_of(&ws.config);
        assert_eq!(drafts[3].clocks[0].target_minutes, "30");
        assert_eq!(drafts[0].clocks[0].warn_at, "50, 75");
        let r = save(&mut ws, section_value(&drafts).unwrap());
        assert_eq!(r["ok"], true, "{r}");
        assert_eq!(drafts_of(&ws.config), drafts);
    }

    #[test]
    fn edits_reach_the_stored_policy() {
        let mut ws = Workspace::default();
        let mut drafts = drafts_of(&ws.config);
        let c = &mut drafts[1].clocks[0];
        c.target_minutes = "45".into();
        c.calendar = "business".into();
        c.warn_at = "50".into();
        c.toggle_pause("pending_vendor", false);
        c.stops_on = "acknowledged, in_progress".into();
        c.on_tier_change = "keep".into();
        let r = save(&mut ws, section_value(&drafts).unwrap());
        assert_eq!(r["ok"], true, "{r}");
        let stored = ws.config.sla_policies[1].first_response.clone().unwrap();
        assert_eq!(stored.target_minutes, 45);
        assert_eq!(stored.calendar, CalendarRef::Named("business".into()));
        assert_eq!(stored.warn_at, vec![0.5]);
        assert_eq!(stored.pause_states, vec!["pending_customer".to_string()]);
        assert_eq!(stored.stops_on, vec!["acknowledged", "in_progress"]);
        assert_eq!(stored.on_tier_change, OnTierChange::Keep);
    }

    #[test]
    fn a_target_that_is_not_a_number_is_refused_by_the_door_by_path() {
        let mut ws = Workspace::default();
        let mut drafts = drafts_of(&ws.config);
        drafts[2].clocks[2].target_minutes = "soon".into();
        let r = save(&mut ws, section_value(&drafts).unwrap());
        assert_eq!(
            r["error"]["path"],
            "parameters.value[2].resolution.target_minutes"
        );
        assert!(ws.config.sla_policies.is_empty());
    }

    #[test]
    fn calendars_offered_are_built_ins_then_the_configs() {
        let mut config = escalon::Config::default();
        config
            .calendars
            .insert("office".into(), escalon::calendar::Calendar::always());
        assert_eq!(calendar_names(&config), ["24/7", "business", "office"]);
    }

    #[test]
    fn warning_thresholds_are_checked_in_percent() {
        let ws = Workspace::default();
        let mut drafts = drafts_of(&ws.config);
        for (typed, says) in [
            ("150", "150 is not a percentage above 0 and below 100"),
            ("0", "0 is not a percentage"),
            ("75, 50", "50 cannot follow 75"),
            ("50, 50", "50 cannot follow 50"),
            ("half", "'half' is not a number"),
        ] {
            drafts[1].clocks[2].warn_at = typed.into();
            let e = section_value(&drafts).unwrap_err();
            assert!(
                e.contains(says) && e.starts_with("tier 2 resolution warn at"),
                "{e}"
            );
        }
        drafts[1].clocks[2].warn_at = "0.5, 80%".into();
        let v = section_value(&drafts).unwrap();
        assert_eq!(v[1]["resolution"]["warn_at"], json!([0.005, 0.8]));
    }
}
