//! SLA risk in determine-escalation: for a ticket already in the workspace, its clocks at
//! `now` become facts for rules (`facts.sla.first_response.state`), and with
//! `config.sla_escalation.enabled` a running clock that passed a warning threshold (`on:
//! "warning"`) or breached (`on: "breach"`) raises the decision one tier above the current.
//!
//! One raise per risk: once a tier change is logged at or after the instant the clock
//! passed the threshold, that risk has been answered, so deciding again (or recording the
//! decision) does not climb a tier each time.

use jiff::Timestamp;
use serde_json::{json, Map, Value};

use super::score::Reason;
use crate::config::{Config, SlaTrigger};
use crate::event::{Escalation, EventKind};
use crate::sla::{clocks_for, ClockState, EscalationClock};

/// What the clocks of a known escalation say.
pub struct SlaRisk {
    /// `{first_response: {state, elapsed_minutes, remaining_minutes, due_at}, ...}`.
    pub facts: Value,
    /// The tier SLA risk asks for, with the reason and the tier explanation.
    pub raise: Option<(u8, Reason, String)>,
}

/// `None` when there is nothing to look at (no known escalation, or no `now`).
pub fn assess(
    config: &Config,
    esc: Option<&Escalation>,
    current_tier: u8,
    now: Option<Timestamp>,
) -> Option<SlaRisk> {
    let (esc, now) = (esc?, now?);
    let clocks = match clocks_for(config, esc, now) {
        Ok(c) => c,
        // A config error is reported by sla-status; a decision still stands without SLA.
        Err(e) => {
            return Some(SlaRisk {
                facts: json!({"error": e.to_string()}),
                raise: None,
            })
        }
    };
    let mut facts = Map::new();
    for c in &clocks {
        let j = c.to_json();
        facts.insert(
            j["kind"].as_str().unwrap_or_default().to_string(),
            json!({"state": j["state"], "elapsed_minutes": c.elapsed_minutes,
                   "remaining_minutes": c.remaining_minutes, "due_at": j["due_at"]}),
        );
    }
    let raise = if config.sla_escalation.enabled {
        let max_tier = config.tiers.iter().map(|t| t.tier).max().unwrap_or(4);
        clocks
            .iter()
            .filter_map(|c| at_risk(config.sla_escalation.on, c).map(|at| (c, at)))
            .find(|(_, at)| !answered(esc, *at, now))
            .filter(|_| current_tier < max_tier)
            .map(|(c, _)| raise(c, current_tier + 1))
    } else {
        None
    };
    Some(SlaRisk {
        facts: Value::Object(facts),
        raise,
    })
}

/// When a running clock passed the trigger, if it has.
fn at_risk(on: SlaTrigger, c: &EscalationClock) -> Option<Timestamp> {
    if c.stopped_at.is_some() {
        return None;
    }
    match c.state {
        ClockState::Breached if on == SlaTrigger::Breach => c.breached_at,
        // A paused clock keeps the warning it reached before the pause.
        ClockState::Breached | ClockState::Warning | ClockState::Paused
            if on == SlaTrigger::Warning =>
        {
            c.warned_at
        }
        _ => None,
    }
}

/// Whether a tier change was logged at or after `at` (and by `now`).
fn answered(esc: &Escalation, at: Timestamp, now: Timestamp) -> bool {
    esc.events.iter().any(|e| {
        e.at >= at
            && e.at <= now
            && matches!(
                e.kind,
                EventKind::TierChanged { .. }
                    | EventKind::DeescalationDecided {
                        to_tier: Some(_),
                        ..
                    }
            )
    })
}

fn raise(c: &EscalationClock, to: u8) -> (u8, Reason, String) {
    let j = c.to_json();
    let kind = j["kind"].as_str().unwrap_or_default().to_string();
    let what = match c.state {
        ClockState::Breached => format!("breached at {}", j["breached_at"].as_str().unwrap_or("?")),
        _ => format!(
            "passed its warning threshold at {}",
            j["warned_at"].as_str().unwrap_or("?")
        ),
    };
    let why = format!("SLA clock {kind} {what} on tier {}", c.tier);
    let reason = Reason {
        factor: format!("sla:{kind}"),
        value: j["state"].clone(),
        points: 0,
        why: why.clone(),
    };
    (
        to,
        reason,
        format!("{why}: escalated one tier, to tier {to}"),
    )
}
