//! `recommend-deescalation`: checks the resolution criteria, recommends `de-escalate`,
//! `hold` or `close` with the unmet criteria, records the decision and its rationale,
//! produces the stakeholder and customer notices, and archives on request when allowed.
//! Everything is composed before anything is appended, so a failure leaves no trace.

mod criteria;
mod policy;

use jiff::Timestamp;
use serde_json::{json, Value};

use crate::context::Context;
use crate::error::{ErrorCode, RequestError};
use crate::event::{Event, EventKind};
use crate::notify::compose::{compose, ensure_writable, event, find};
use crate::notify::kinds;
use crate::notify::request::{check_fields, recipients, Spec};
use crate::notify::sla_summary;
use crate::params::{as_obj, missing};
use crate::scales::Status;
use crate::state::fold;
use crate::workspace::Workspace;
pub use criteria::{Check, Resolution};
pub use policy::{DeescalationPolicy, CRITERIA};

const FIELDS: &[&str] = &[
    "escalation_id",
    "resolution",
    "recommendation",
    "archive",
    "notify",
    "customer_recipients",
    "record",
];
const PROPOSALS: &[&str] = &["de-escalate", "hold", "close"];

pub fn recommend_deescalation(
    ws: &mut Workspace,
    parameters: &Value,
    ctx: &mut Context,
    now: Option<Timestamp>,
    actor: &str,
) -> Result<Value, RequestError> {
    let p = as_obj(parameters, "parameters")?;
    check_fields(&p, FIELDS)?;
    let now = now.ok_or_else(|| {
        missing("now").with_message("recommend-deescalation needs the current time: give `now`")
    })?;
    let id = p.req_str("escalation_id")?.to_string();
    let mut res = Resolution::default();
    if let Some(r) = p.obj("resolution")? {
        check_fields(
            &r,
            &[
                "root_cause",
                "fix_applied",
                "customer_confirmation",
                "monitoring_period_complete",
            ],
        )?;
        res.root_cause = r.str("root_cause")?.map(String::from);
        res.fix_applied = r.str("fix_applied")?.map(String::from);
        res.customer_confirmation = r.bool("customer_confirmation")?.unwrap_or(false);
        res.monitoring_period_complete = r.bool("monitoring_period_complete")?.unwrap_or(false);
    }
    let (proposed, their_rationale) = match p.obj("recommendation")? {
        Some(r) => {
            check_fields(&r, &["action", "rationale"])?;
            let action = r.str("action")?;
            if let Some(a) = action.filter(|a| !PROPOSALS.contains(a)) {
                return Err(RequestError::new(
                    ErrorCode::OutOfRange,
                    r.path_of("action"),
                    format!(
                        "unknown recommendation '{a}'; expected one of: {}",
                        PROPOSALS.join(", ")
                    ),
                ));
            }
            (
                action.map(String::from),
                r.str("rationale")?.map(String::from),
            )
        }
        None => (None, None),
    };
    let archive = p.bool("archive")?.unwrap_or(false);
    let send = p.bool("notify")?.unwrap_or(true);
    let record = p.bool("record")?.unwrap_or(true);
    let customer_to = recipients(&p, "customer_recipients")?;

    let esc = find(ws, &id, &p.path_of("escalation_id"))?;
    if record {
        ensure_writable(esc, &p.path_of("escalation_id"))?;
    }
    let state = fold(esc);
    let policy = &ws.config.deescalation;
    let sla = sla_summary(&ws.config, esc, now);
    // A documented, confirmed fix stops the resolution and next-update clocks now, so their
    // breaches are history; a breach still running past that (an unanswered first
    // response) blocks de-escalation.
    let resolved_now = res.fix_applied.is_some() && res.customer_confirmation;
    let running_breach =
        sla["clocks"].as_array().into_iter().flatten().any(|c| {
            c["running_breach"] == true && !(resolved_now && c["kind"] != "first_response")
        });
    let checks = criteria::evaluate(policy, esc, &res, running_breach, now);
    let unmet: Vec<&str> = checks
        .iter()
        .filter(|c| !c.met)
        .map(|c| c.criterion.as_str())
        .collect();

    let decision = if !unmet.is_empty() {
        "hold"
    } else if archive || state.status.is_done() || proposed.as_deref() == Some("close") {
        "close"
    } else if state.tier > policy.to_tier {
        "de-escalate"
    } else {
        "close"
    };
    let to_tier = (decision == "de-escalate").then_some(policy.to_tier);
    let ours = if unmet.is_empty() {
        format!("all {} resolution criteria met", checks.len())
    } else {
        format!("unmet: {}", unmet.join(", "))
    };
    let rationale = match &their_rationale {
        Some(t) => format!("{t} (engine: {ours})"),
        None => ours,
    };

    // The decision's events, in order.
    let mut kinds_out = Vec::new();
    for (given, prefix) in [
        (&res.root_cause, "Root cause: "),
        (&res.fix_applied, "Fix applied: "),
    ] {
        if let Some(t) = given.as_deref().filter(|t| !t.trim().is_empty()) {
            kinds_out.push(EventKind::Note {
                text: format!("{prefix}{t}"),
                topic: None,
                estimate: None,
            });
        }
    }
    kinds_out.push(EventKind::DeescalationDecided {
        decision: decision.into(),
        to_tier,
        rationale: Some(rationale.clone()),
    });
    // The check above treats a documented fix the customer confirmed as stopping the
    // resolution and next-update clocks now; the log must then say so, or those clocks ran
    // on, breached, under the lower tier (found by the web audit of 2026-11-29).
    if decision == "de-escalate" && resolved_now && !state.status.is_done() {
        kinds_out.push(EventKind::StatusChanged {
            status: Status::Resolved,
        });
    }
    if decision == "close" && state.status != Status::Closed {
        kinds_out.push(EventKind::StatusChanged {
            status: Status::Closed,
        });
    }
    let archived = archive && decision == "close";
    if archived {
        kinds_out.push(EventKind::Archived {
            reason: Some(rationale.clone()),
        });
    }
    let mut events: Vec<Event> = kinds_out
        .into_iter()
        .map(|kind| Event {
            id: String::new(),
            at: now,
            actor: actor.to_string(),
            kind,
        })
        .collect();

    if record {
        // Decision events take their ids first so ties at `now` keep them before notices.
        for e in &mut events {
            e.id = ctx.next_id();
        }
    }

    // Notices are composed against the log as it will be, before anything is appended.
    let mut notices = json!({});
    if send && decision != "hold" {
        let mut after = esc.clone();
        after.events.extend(events.iter().cloned());
        let extra = json!({"deescalation": {"decision": decision, "rationale": rationale,
            "unmet": unmet}});
        for (key, type_id, wanted) in [
            ("stakeholder", "deescalation_notice", Vec::new()),
            (
                "customer",
                "customer_resolution_update",
                customer_to.clone(),
            ),
        ] {
            let mut spec = Spec::new(kinds::parse(type_id).expect("known type"));
            spec.wanted = wanted;
            if type_id == "deescalation_notice" {
                spec.extra = extra.clone();
            } else {
                // The customer hears the outcome, not the internal rationale.
                spec.message = Some(if decision == "close" {
                    "Your issue is resolved and we are closing this escalation.".into()
                } else {
                    "The fix is confirmed; your issue returns to our standard support team, \
                     who will keep an eye on it."
                        .into()
                });
            }
            spec.include = vec!["issue_summary".into(), "troubleshooting_history".into()];
            let msg_id = if record {
                ctx.next_id()
            } else {
                format!("preview-{id}-{type_id}")
            };
            let c = compose(ws, &after, &spec, now, &msg_id)?;
            // A notice nobody receives is not sent: recording it would show "sent to
            // nobody" in the timeline (web audit of 2026-11-29). It still comes back in
            // `notices`, with its unresolved recipients, for the host to address.
            if !c.recipients.is_empty() {
                events.push(event(msg_id, now, actor, type_id, &c.recipients));
            }
            notices[key] = c.result;
        }
    }

    let mut appended = Vec::new();
    if record {
        appended = events
            .iter()
            .map(|e| json!({"id": e.id, "kind": e.kind.name()}))
            .collect();
        ws.append(&id, events);
        ctx.set_changed(true);
    }
    Ok(json!({
        "escalation_id": id,
        "recommendation": decision,
        "requested": proposed,
        "agrees_with_request": proposed.as_deref().map(|p| p == decision),
        "criteria": checks,
        "unmet_criteria": unmet,
        "rationale": rationale,
        "to_tier": to_tier,
        "archived": archived,
        "archive_refused": (archive && !archived)
            .then(|| "archiving needs every resolution criterion met".to_string()),
        "sla": sla,
        "notices": notices,
        "appended": appended,
    }))
}
