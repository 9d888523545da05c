//! Action `stalled-report`: the active escalations that have gone quiet for longer than
//! their tier's update target (see [`super::rule`]), the age buckets of all active ones,
//! and when the answer next changes. With `remind: true` each stalled escalation whose
//! reminder is due gets an `aging_reminder` (owner and tier stakeholders), recorded.
//!
//! Reminders repeat at most once per update target: one is due when the escalation has had
//! none since its last update, or the last one is itself older than the target (counted
//! like the silence: business time, pauses left out). Without that, a host polling the
//! report every minute would send a reminder every minute.

use jiff::{SignedDuration, Timestamp};
use serde_json::{json, Value};

use super::buckets::Buckets;
use super::rule::SilenceRules;
use super::send::{owner_and_roles, prepare, Outgoing};
use super::{as_of, minutes_between, need_now};
use crate::context::Context;
use crate::error::{ErrorCode, RequestError};
use crate::event::{Escalation, EventKind};
use crate::notify::data::duration_words;
use crate::notify::request::check_fields;
use crate::params::as_obj;
use crate::sla::ClockBook;
use crate::state::fold;
use crate::workspace::Workspace;

const FIELDS: &[&str] = &["tier", "owner", "remind"];

/// One stalled escalation, as the report lists it.
struct Stalled {
    id: String,
    tier: u8,
    owner: Option<String>,
    item: Value,
    over_by: i64,
    reminder_due: bool,
    target: u32,
    idle: i64,
    /// When a reminder sent now would next be due.
    next_reminder: Option<Timestamp>,
}

pub fn stalled_report(
    ws: &mut Workspace,
    parameters: &Value,
    ctx: &mut Context,
    now: Option<Timestamp>,
    actor: &str,
) -> Result<Value, RequestError> {
    let p = as_obj(parameters, "parameters")?;
    check_fields(&p, FIELDS)?;
    let tier = p.integer("tier", 0, 255)?.map(|t| t as u8);
    if let Some(t) = tier.filter(|t| ws.config.tier(*t).is_none()) {
        return Err(RequestError::new(
            ErrorCode::OutOfRange,
            p.path_of("tier"),
            format!("the config has no tier {t}"),
        ));
    }
    let owner = p.str("owner")?;
    let remind = p.bool("remind")?.unwrap_or(false);
    let now = need_now(now, "stalled-report")?;
    let mut buckets = Buckets::new(&ws.config.notify.aging.bucket_hours)?;
    let book = ClockBook::new(&ws.config);
    let mut rules = SilenceRules::new(&book);

    let mut stalled: Vec<Stalled> = Vec::new();
    let mut active = 0u64;
    let mut next_check: Option<Timestamp> = None;
    let mut soonest = |t: Timestamp| {
        if t > now && next_check.is_none_or(|n| t < n) {
            next_check = Some(t);
        }
    };
    for esc in &ws.escalations {
        let esc = as_of(esc, now);
        let s = fold(&esc);
        let Some(opened) = s.opened_at else { continue };
        if s.status.is_done() {
            continue;
        }
        if tier.is_some_and(|t| t != s.tier) {
            continue;
        }
        if owner.is_some_and(|o| {
            !s.owner
                .as_deref()
                .is_some_and(|x| x.eq_ignore_ascii_case(o))
        }) {
            continue;
        }
        active += 1;
        let rule = rules.get(s.tier)?;
        // `created` is an update, so only a log without one at all has no silence.
        let Some(silence) = rule.measure(&esc, now) else {
            continue;
        };
        let (target, last) = (rule.target_minutes(), silence.last_update);
        let is_stalled = silence.stalled();
        let age = minutes_between(opened, now);
        let bucket = buckets.add(age, is_stalled);
        if let Some(h) = buckets.next_bound_hours(age) {
            soonest(crate::later::shifted(
                opened,
                SignedDuration::from_hours(i64::from(h)),
            ));
        }
        if !is_stalled {
            // The first instant it counts as stalled; none while a pause is open.
            if let Some(t) = rule.passed_at(last, &silence.pauses) {
                soonest(t);
            }
            continue;
        }
        let reminded = last_reminder_at(&esc);
        let counted_since = |r| rule.counted_seconds(r, now, &silence.pauses);
        let reminder_due =
            reminded.is_none_or(|r| r < last || counted_since(r) > i64::from(target) * 60);
        if let Some(t) = reminded
            .filter(|_| !reminder_due)
            .and_then(|r| rule.passed_at(r, &silence.pauses))
        {
            soonest(t);
        }
        let idle = silence.minutes();
        let over_by = idle - i64::from(target);
        stalled.push(Stalled {
            id: s.id.clone(),
            tier: s.tier,
            owner: s.owner.clone(),
            over_by,
            reminder_due,
            target,
            idle,
            next_reminder: rule.passed_at(now, &silence.pauses),
            item: json!({
                "escalation_id": s.id,
                "ticket": s.ticket,
                "customer": s.customer.name,
                "tier": s.tier,
                "priority": s.priority,
                "status": s.status.as_str(),
                "owner": s.owner,
                "opened_at": opened.to_string(),
                "last_update_at": last.to_string(),
                "idle_minutes": idle,
                "paused": silence.paused,
                "target_minutes": target,
                "over_by_minutes": over_by,
                "age_minutes": age,
                "bucket": buckets.label(bucket),
                "last_reminded_at": reminded.map(|r| r.to_string()),
                "reminder_due": reminder_due,
            }),
        });
    }
    // Most overdue first: that is the order someone works the list in.
    crate::sort::sort_by(&mut stalled, |a, b| {
        b.over_by.cmp(&a.over_by).then_with(|| a.id.cmp(&b.id))
    });

    if remind {
        // A reminder sent now is next due one target from now.
        for t in stalled
            .iter()
            .filter(|s| s.reminder_due)
            .filter_map(|s| s.next_reminder)
        {
            next_check = Some(next_check.map_or(t, |n| n.min(t)));
        }
    }
    let mut result = json!({
        "now": now.to_string(),
        "filters": {"tier": tier, "owner": owner},
        "active": active,
        "stalled_count": stalled.len(),
        "stalled": stalled.iter().map(|s| &s.item).collect::<Vec<_>>(),
        "buckets": buckets.to_json(),
        "next_check_at": next_check.map(|t| t.to_string()),
    });
    if remind {
        result["reminders"] = json!(send_reminders(ws, &stalled, now, ctx, actor)?);
    }
    Ok(result)
}

/// The last `aging_reminder` in the (already `now`-limited) log.
fn last_reminder_at(esc: &Escalation) -> Option<Timestamp> {
    esc.events
        .iter()
        .filter(|e| {
            matches!(&e.kind, EventKind::NotificationGenerated { notification_type, .. }
                if notification_type == "aging_reminder")
        })
        .map(|e| e.at)
        .max()
}

/// Composes every due reminder first and appends only when all composed, so a template
/// error on the third leaves no partial trace of the first two.
fn send_reminders(
    ws: &mut Workspace,
    stalled: &[Stalled],
    now: Timestamp,
    ctx: &mut Context,
    actor: &str,
) -> Result<Vec<Value>, RequestError> {
    let mut events = Vec::new();
    let mut out = Vec::new();
    for s in stalled.iter().filter(|s| s.reminder_due) {
        let roles = ws
            .config
            .tier(s.tier)
            .map(|t| t.stakeholder_roles.clone())
            .unwrap_or_default();
        let outgoing = Outgoing {
            type_id: "aging_reminder",
            wanted: owner_and_roles(&ws.config, s.owner.as_deref(), &roles),
            message: None,
            extra: json!({"aging": {
                "target": duration_words(i64::from(s.target)),
                "overdue_by": duration_words(s.idle - i64::from(s.target)),
            }}),
        };
        let (event, summary) = prepare(ws, &s.id, outgoing, now, ctx, actor, "parameters.remind")?;
        events.push((s.id.clone(), event));
        out.push(summary);
    }
    for (id, event) in events {
        ws.append(&id, vec![event]);
    }
    if !out.is_empty() {
        ctx.set_changed(true);
    }
    Ok(out)
}
