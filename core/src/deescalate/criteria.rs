//! Evaluates the resolution criteria from the request's `resolution` and the log: each
//! criterion is met by the request or by what the log already records.

use jiff::{SignedDuration, Timestamp};
use serde::Serialize;

use super::policy::{DeescalationPolicy, CRITERIA};
use crate::event::{Escalation, EventKind};
use crate::scales::Status;

/// What the request says about the resolution.
#[derive(Debug, Clone, Default)]
pub struct Resolution {
    pub root_cause: Option<String>,
    pub fix_applied: Option<String>,
    pub customer_confirmation: bool,
    pub monitoring_period_complete: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Check {
    pub criterion: String,
    pub met: bool,
    pub detail: String,
}

fn note_with(esc: &Escalation, prefix: &str) -> Option<String> {
    esc.events.iter().rev().find_map(|e| match &e.kind {
        EventKind::Note { text, .. } => text.strip_prefix(prefix).map(|t| t.trim().to_string()),
        _ => None,
    })
}

/// Since when the escalation has been in monitoring or resolved without interruption.
fn stable_since(esc: &Escalation, now: Timestamp) -> Option<Timestamp> {
    let mut since = None;
    for e in esc.events.iter().filter(|e| e.at <= now) {
        if let EventKind::StatusChanged { status } = &e.kind {
            let stable = matches!(
                status,
                Status::Monitoring | Status::Resolved | Status::Closed
            );
            since = match (stable, since) {
                (true, None) => Some(e.at),
                (true, s) => s,
                (false, _) => None,
            };
        }
    }
    since
}

pub fn evaluate(
    policy: &DeescalationPolicy,
    esc: &Escalation,
    r: &Resolution,
    running_breach: bool,
    now: Timestamp,
) -> Vec<Check> {
    let text = |given: &Option<String>, prefix: &str, what: &str| {
        let found = given
            .clone()
            .filter(|s| !s.trim().is_empty())
            .or_else(|| note_with(esc, prefix));
        match found {
            Some(t) => (true, format!("{what}: {t}")),
            None => (false, format!("no {what} given or on record")),
        }
    };
    policy
        .required
        .iter()
        .map(|c| {
            let (met, detail) = match c.as_str() {
                "root_cause_documented" => text(&r.root_cause, "Root cause:", "root cause"),
                "fix_applied" => text(&r.fix_applied, "Fix applied:", "fix"),
                "customer_confirmation" => match r.customer_confirmation {
                    true => (true, "the customer confirmed the fix".into()),
                    false => (false, "the customer has not confirmed the fix".into()),
                },
                "monitoring_period_complete" => {
                    let hours = i64::from(policy.monitoring_hours);
                    let logged = stable_since(esc, now).is_some_and(|t| {
                        now.duration_since(t) >= SignedDuration::from_hours(hours)
                    });
                    if r.monitoring_period_complete || logged {
                        (true, format!("stable for the {hours} h monitoring period"))
                    } else {
                        (
                            false,
                            format!("the {hours} h monitoring period is not complete"),
                        )
                    }
                }
                "no_running_sla_breach" => match running_breach {
                    false => (true, "no SLA clock is running in breach".into()),
                    true => (false, "an SLA clock is breached and still running".into()),
                },
                other => (
                    false,
                    format!(
                        "unknown criterion '{other}'; known: {}",
                        CRITERIA.join(", ")
                    ),
                ),
            };
            Check {
                criterion: c.clone(),
                met,
                detail,
            }
        })
        .collect()
}
