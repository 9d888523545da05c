//! Action `escalation-chain`: while an escalation is unacknowledged, the roles of its tier's
//! chain (`notify.chain`) are paged one after another, each after its delay, the whole
//! chain repeating `repeat` more times (as in PagerDuty or GoAlert escalation policies).
//!
//! Everything is read from the log at `now`:
//! - A page is a `notification_generated` event of type `pager_trigger`; the k-th page since
//!   opening is step k. A page sent by hand therefore advances the chain instead of being
//!   repeated by it.
//! - Step k is due its delay after step k-1's page (or after opening for step 1). A step
//!   not yet paged shifts the ones after it: the chain never skips a role, so at most one
//!   step is due at a time, and later due times assume it is paged now.
//! - Acknowledged means an `acknowledged` event or the stop of the first-response SLA clock
//!   (owner assigned, work started, ...), whichever is first; a done escalation is as good
//!   as acknowledged. From then on nothing is due.

use jiff::{SignedDuration, Timestamp};
use serde_json::{json, Value};

use super::send::{prepare, Outgoing};
use super::{as_of, need_now};
use crate::config::Config;
use crate::context::Context;
use crate::error::RequestError;
use crate::event::{Escalation, EventKind};
use crate::notify::compose::find;
use crate::notify::recipients::{resolve, Wanted};
use crate::notify::request::check_fields;
use crate::params::as_obj;
use crate::sla::{clocks_for, ClockKind};
use crate::state::fold;
use crate::workspace::Workspace;

const FIELDS: &[&str] = &["escalation_id", "record"];

/// The chain of one escalation at `now`.
pub struct ChainView {
    pub acknowledged_at: Option<Timestamp>,
    pub done: bool,
    pub steps: Vec<Value>,
    /// The step to page now: (step number, role).
    pub due: Option<(usize, String)>,
    pub next_check_at: Option<Timestamp>,
    pub tier: u8,
}

pub fn escalation_chain(
    ws: &mut Workspace,
    parameters: &Value,
    ctx: &mut Context,
    now: Option<Timestamp>,
    actor: &str,
) -> Result<Value, RequestError> {
    let p = as_obj(parameters, "parameters")?;
    check_fields(&p, FIELDS)?;
    let id = p.req_str("escalation_id")?.to_string();
    let record = p.bool("record")?.unwrap_or(false);
    let now = need_now(now, "escalation-chain")?;
    let path = p.path_of("escalation_id");
    let mut view = chain_view(&ws.config, find(ws, &id, &path)?, now)?;
    let mut recorded = Vec::new();
    if let (true, Some((step, role))) = (record, view.due.clone()) {
        let total = view.steps.len();
        let outgoing = Outgoing {
            type_id: "pager_trigger",
            wanted: vec![Wanted::Role(role.clone())],
            message: Some(format!(
                "Escalation chain step {step} of {total}: nobody has acknowledged {id} yet, \
                 so the {role} is paged."
            )),
            extra: json!({"chain": {"step": step, "of": total, "role": role}}),
        };
        let (event, summary) = prepare(ws, &id, outgoing, now, ctx, actor, "parameters.record")?;
        ws.append(&id, vec![event]);
        ctx.set_changed(true);
        recorded.push(summary);
        // Recomputed from the log, so the answer is exactly what a later read will say.
        view = chain_view(&ws.config, find(ws, &id, &path)?, now)?;
    }
    let due_now: Vec<&Value> = view.steps.iter().filter(|s| s["state"] == "due").collect();
    Ok(json!({
        "escalation_id": id,
        "tier": view.tier,
        "acknowledged": view.acknowledged_at.is_some(),
        "acknowledged_at": view.acknowledged_at.map(|t| t.to_string()),
        "done": view.done,
        "steps": view.steps,
        "due_now": due_now,
        "next_check_at": view.next_check_at.map(|t| t.to_string()),
        "recorded": recorded,
    }))
}

/// The roles of `tier`'s chain with their delays, repeated `repeat` more times.
fn expanded(config: &Config, tier: u8) -> Vec<(usize, String, u32)> {
    let policy = &config.notify.chain;
    let Some(chain) = policy.chains.iter().find(|c| c.tier == tier) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    // Capped as update-config bounds it, for configs that arrived by import.
    let repeat = policy.repeat.min(crate::config_update::MAX_CHAIN_REPEAT) as usize;
    for pass in 1..=(repeat + 1) {
        for (i, role) in chain.roles.iter().enumerate() {
            let delay = chain
                .delays_minutes
                .get(i)
                .copied()
                .unwrap_or(policy.delay_minutes);
            out.push((pass, role.clone(), delay));
        }
    }
    out
}

/// When the escalation counts as acknowledged (see the module comment).
fn acknowledged_at(
    config: &Config,
    esc: &Escalation,
    now: Timestamp,
) -> Result<Option<Timestamp>, RequestError> {
    let by_event = esc
        .events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::Acknowledged {}))
        .map(|e| e.at)
        .min();
    let by_clock = clocks_for(config, esc, now)?
        .into_iter()
        .find(|c| c.kind == ClockKind::FirstResponse)
        .and_then(|c| c.stopped_at);
    Ok(match (by_event, by_clock) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    })
}

pub fn chain_view(
    config: &Config,
    esc: &Escalation,
    now: Timestamp,
) -> Result<ChainView, RequestError> {
    let esc = as_of(esc, now);
    let s = fold(&esc);
    let ack = acknowledged_at(config, &esc, now)?;
    let done = s.status.is_done();
    let active = ack.is_none() && !done;
    let opened = s.opened_at.unwrap_or(now);
    let pages: Vec<(Timestamp, &Vec<String>)> = esc
        .events
        .iter()
        .filter(|e| e.at >= opened)
        .filter_map(|e| match &e.kind {
            EventKind::NotificationGenerated {
                notification_type,
                recipients,
            } if notification_type == "pager_trigger" => Some((e.at, recipients)),
            _ => None,
        })
        .collect();

    let mut steps = Vec::new();
    let mut due = None;
    let mut next_check_at = None;
    let mut prev = opened;
    let mut waiting = false; // an earlier step is not paged yet
    for (k, (pass, role, delay)) in expanded(config, s.tier).into_iter().enumerate() {
        let step = k + 1;
        let due_at = crate::later::shifted(prev, SignedDuration::from_mins(i64::from(delay)));
        let (notified_at, recipients, state) = match pages.get(k) {
            Some((at, rec)) if !waiting => {
                prev = *at;
                (Some(*at), json!(rec), "notified")
            }
            _ => {
                let (found, _) = resolve(config, &[Wanted::Role(role.clone())], due_at.max(now));
                let emails: Vec<&String> = found.iter().map(|r| &r.email).collect();
                let state = if !active {
                    "cancelled"
                } else if waiting {
                    "pending"
                } else if due_at <= now {
                    due = Some((step, role.clone()));
                    "due"
                } else {
                    "pending"
                };
                if active && !waiting {
                    next_check_at = Some(due_at);
                }
                waiting = true;
                // Later steps count from this one's page, which cannot be before now.
                prev = due_at.max(now);
                (None, json!(emails), state)
            }
        };
        steps.push(json!({
            "step": step,
            "pass": pass,
            "role": role,
            "delay_minutes": delay,
            "due_at": due_at.to_string(),
            "notified_at": notified_at.map(|t| t.to_string()),
            "recipients": recipients,
            "state": state,
        }));
    }
    Ok(ChainView {
        acknowledged_at: ack,
        done,
        steps,
        due,
        next_check_at,
        tier: s.tier,
    })
}
