//! Which escalations a new config would move, replaying each log under the old and the new
//! config at `now`.
//!
//! - **Archived escalations are left out**: they are finished and off every list; their
//!   history still counts in metrics, which recompute under whatever config is current.
//! - **SLA state** is each clock's state (`running`, `warning`, `breached`, `met`,
//!   `paused`) from the event log under each config (`sla::book_clocks`); a clock that
//!   exists under one config only counts as a change.
//! - **Tier**: the log records tiers, not the full decision input. The `created` event keeps
//!   what the opening decision was made from (severity, impact, segment, health score,
//!   contract value, category, product), so that decision is made again from those inputs
//!   under both configs, as of the moment it was recorded. Only the difference between the
//!   two counts (inputs the log lacks, such as sentiment, are equally absent from both): if
//!   the new config raises the re-decided tier, the opening tier becomes at least the new
//!   one; if it lowers it, at most the new one. Later tier changes in the log are decisions
//!   people made and still apply on top, so an escalation raised by hand keeps that tier.
//!   Tiers are re-decided only when the tiers, rules or history window differ; SLA-risk
//!   raises are not replayed (they happen when determine-escalation runs, and are logged).

use std::collections::BTreeMap;

use jiff::Timestamp;
use serde::Serialize;
use serde_json::{json, Map, Value};

use crate::config::Config;
use crate::decide::{self, input};
use crate::error::RequestError;
use crate::event::{Escalation, EventKind};
use crate::rules::RuleSet;
use crate::scales::Status;
use crate::sla::{book_clocks, ClockBook, ClockState};
use crate::state::fold;
use crate::workspace::Workspace;

/// One escalation whose tier or SLA state differs under the new config.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub escalation_id: String,
    pub tier_before: u8,
    pub tier_after: u8,
    /// Clock kind (`first_response`, ...) to state, for the clocks started by `now`.
    pub sla_before: BTreeMap<String, ClockState>,
    pub sla_after: BTreeMap<String, ClockState>,
}

/// The changes `new` would bring to the workspace's unarchived escalations at `now`.
pub fn changes(ws: &Workspace, new: &Config, now: Timestamp) -> Result<Vec<Change>, RequestError> {
    let old = &ws.config;
    let redecide = old.tiers != new.tiers
        || old.rules != new.rules
        || old.history_window_days != new.history_window_days;
    let replay = if redecide {
        let old_rules = ws.rules()?;
        let new_rules = RuleSet::compile(&new.rules)?;
        let new_ws = Workspace::new(new.clone(), ws.escalations.clone());
        Some((old_rules, new_rules, new_ws))
    } else {
        None
    };
    let (old_book, new_book) = (ClockBook::new(old), ClockBook::new(new));
    let mut out = Vec::new();
    for esc in &ws.escalations {
        let state = fold(esc);
        if state.status == Status::Archived {
            continue;
        }
        let moved = replay
            .as_ref()
            .and_then(|(o, n, new_ws)| retiered(esc, ws, o, new_ws, n));
        let esc_after = moved.as_ref().unwrap_or(esc);
        let tier_after = fold(esc_after).tier;
        // A clock the stored config cannot compute shows as absent, so fixing it is a change.
        let sla_before = states(&old_book, esc, now).unwrap_or_default();
        let sla_after = states(&new_book, esc_after, now)?;
        if tier_after != state.tier || sla_after != sla_before {
            out.push(Change {
                escalation_id: esc.id.clone(),
                tier_before: state.tier,
                tier_after,
                sla_before,
                sla_after,
            });
        }
    }
    Ok(out)
}

fn states(
    book: &ClockBook,
    esc: &Escalation,
    now: Timestamp,
) -> Result<BTreeMap<String, ClockState>, RequestError> {
    Ok(crate::sort::map(
        book_clocks(book, esc, now)?.into_iter().map(|c| {
            let kind = serde_json::to_value(c.kind).unwrap_or_default();
            (kind.as_str().unwrap_or_default().to_string(), c.state)
        }),
    ))
}

/// The escalation with its opening tier as the new config would have decided it, or
/// `None` when the new config decides the same (or the log lacks the inputs).
fn retiered(
    esc: &Escalation,
    old_ws: &Workspace,
    old_rules: &RuleSet,
    new_ws: &Workspace,
    new_rules: &RuleSet,
) -> Option<Escalation> {
    let (index, at, recorded, params) = opening_request(esc)?;
    let i = input::parse(&params).ok()?;
    let before = decide::score(old_ws, old_rules, &params, &i, Some(at)).tier;
    let after = decide::score(new_ws, new_rules, &params, &i, Some(at)).tier;
    let opening = match after.cmp(&before) {
        std::cmp::Ordering::Equal => return None,
        std::cmp::Ordering::Greater => recorded.max(after),
        std::cmp::Ordering::Less => recorded.min(after),
    };
    if opening == recorded {
        return None;
    }
    let mut moved = esc.clone();
    if let EventKind::Created { tier, .. } = &mut moved.events[index].kind {
        *tier = opening;
    }
    Some(moved)
}

/// The last `created` event (the one `fold` reads) as a determine-escalation request:
/// its index, time, recorded tier and parameters. `None` when it lacks a required input.
fn opening_request(esc: &Escalation) -> Option<(usize, Timestamp, u8, Value)> {
    let (index, event) = esc
        .events
        .iter()
        .enumerate()
        .rev()
        .find(|(_, e)| matches!(e.kind, EventKind::Created { .. }))?;
    let EventKind::Created {
        ticket,
        customer,
        tier,
        severity,
        impact,
        category,
        product,
        summary,
        ..
    } = &event.kind
    else {
        return None;
    };
    let mut issue = Map::new();
    issue.insert("id".into(), json!(ticket));
    issue.insert("severity".into(), json!(severity.as_ref()?));
    issue.insert("impact".into(), json!(impact.as_ref()?));
    let optional = [
        ("category", category),
        ("product", product),
        ("summary", summary),
    ];
    for (key, value) in optional {
        if let Some(v) = value {
            issue.insert(key.into(), json!(v));
        }
    }
    let mut cust = Map::new();
    cust.insert("segment".into(), json!(customer.segment.as_ref()?));
    let fields = [("id", &customer.id), ("name", &customer.name)];
    for (key, value) in fields {
        if let Some(v) = value {
            cust.insert(key.into(), json!(v));
        }
    }
    if let Some(h) = customer.health_score {
        cust.insert("health_score".into(), json!(h));
    }
    if let Some(c) = customer.contract_value {
        cust.insert("contract_value".into(), json!(c));
    }
    let params = json!({"issue": issue, "customer": cust});
    Some((index, event.at, *tier, params))
}
