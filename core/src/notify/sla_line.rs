//! SLA status as notifications show it: one line per clock from `sla::clocks_for`, and
//! whether a breached clock is still running (de-escalation refuses while one is).

use jiff::Timestamp;
use serde_json::{json, Value};

use crate::config::Config;
use crate::event::Escalation;
use crate::sla::{clocks_for, ClockKind, ClockState};

pub fn clock_name(kind: ClockKind) -> &'static str {
    match kind {
        ClockKind::FirstResponse => "First response",
        ClockKind::NextUpdate => "Next update",
        ClockKind::Resolution => "Resolution",
    }
}

fn state_name(state: ClockState) -> &'static str {
    match state {
        ClockState::Running => "running",
        ClockState::Paused => "paused",
        ClockState::Warning => "at risk",
        ClockState::Breached => "breached",
        ClockState::Met => "met",
    }
}

/// `{available, worst, running_breach, clocks: [{name, state, line}]}` for templates. A
/// config the SLA engine cannot read yields `available: false` and a placeholder line
/// rather than failing the whole notification.
pub fn sla_summary(config: &Config, esc: &Escalation, now: Timestamp) -> Value {
    let clocks = match clocks_for(config, esc, now) {
        Ok(c) => c,
        Err(e) => {
            return json!({"available": false, "worst": "unknown", "running_breach": false,
                "clocks": [], "line": format!("SLA status unavailable: {}", e.message)})
        }
    };
    let mut worst = "none";
    let mut running_breach = false;
    let rows: Vec<Value> = clocks
        .iter()
        .map(|c| {
            let state = state_name(c.state);
            if c.state == ClockState::Breached && c.stopped_at.is_none() {
                running_breach = true;
            }
            worst = match (worst, c.state) {
                (_, ClockState::Breached) | ("breached", _) => "breached",
                (_, ClockState::Warning) | ("at risk", _) => "at risk",
                _ => "on track",
            };
            let due = c
                .due_at
                .map(|d| format!(", due {}", c.calendar.format(d)))
                .unwrap_or_default();
            let line = match c.state {
                ClockState::Met => format!("{}: met", clock_name(c.kind)),
                ClockState::Breached => format!(
                    "{}: breached by {} min{due}",
                    clock_name(c.kind),
                    -c.remaining_minutes
                ),
                _ => format!(
                    "{}: {state}, {} min left{due}",
                    clock_name(c.kind),
                    c.remaining_minutes
                ),
            };
            let running = c.state == ClockState::Breached && c.stopped_at.is_none();
            json!({"kind": c.kind, "name": clock_name(c.kind), "state": state, "line": line,
                "running_breach": running})
        })
        .collect();
    let line = if rows.is_empty() {
        "No SLA clock has started.".to_string()
    } else {
        format!("SLA {worst}")
    };
    json!({"available": true, "worst": worst, "running_breach": running_breach,
        "clocks": rows, "line": line})
}
