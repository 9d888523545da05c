//! `"record": true`: turn a decision into events. A ticket that already has a live
//! escalation gets a tier change on it instead of a duplicate escalation.

use jiff::Timestamp;

use super::{DecisionInput, Verdict};
use crate::context::Context;
use crate::event::{CustomerRef, Escalation, EventKind};
use crate::scales::Status;
use crate::state::fold;
use crate::workspace::Workspace;

/// Returns the escalation id and whether it was `created` or `updated` (or `unchanged`).
pub fn record(
    ws: &mut Workspace,
    d: Verdict,
    i: &DecisionInput,
    ctx: &mut Context,
    now: Timestamp,
    actor: &str,
) -> (String, &'static str) {
    let live = i.ticket.and_then(|t| {
        ws.escalations
            .iter()
            .map(fold)
            .find(|s| s.ticket == t && s.status != Status::Archived)
    });
    if let Some(s) = live {
        if d.tier <= s.tier {
            return (s.id, "unchanged");
        }
        // A raise is a re-assessment: it carries the new priority, unless the escalation
        // already has a more urgent one (P1 sorts before P2), which a raise never lowers.
        let priority = match &s.priority {
            Some(p) if p.as_str() <= d.priority => p.clone(),
            _ => d.priority.to_string(),
        };
        let ev = ctx.event(
            now,
            actor,
            EventKind::TierChanged {
                to: d.tier,
                reason: Some(format!(
                    "determine-escalation: urgency score {}",
                    d.urgency_score
                )),
                priority: Some(priority),
                urgency_score: Some(d.urgency_score),
            },
        );
        ws.append(&s.id, vec![ev]);
        return (s.id, "updated");
    }

    let year = jiff::tz::Offset::UTC.to_datetime(now).year();
    let id = ws.next_escalation_id(year);
    let created = ctx.event(
        now,
        actor,
        EventKind::Created {
            ticket: i.ticket.map_or_else(|| id.clone(), str::to_string),
            customer: CustomerRef {
                id: i.customer_id.map(str::to_string),
                name: i.customer_name.map(str::to_string),
                segment: Some(i.segment.name.to_string()),
                health_score: i.health_score,
                contract_value: Some(i.contract_value),
            },
            tier: d.tier,
            urgency_score: Some(d.urgency_score),
            priority: Some(d.priority.to_string()),
            severity: Some(i.severity.name.to_string()),
            impact: Some(i.impact.name.to_string()),
            category: i.category.map(str::to_string),
            product: i.product.map(str::to_string),
            summary: i.summary.map(str::to_string),
        },
    );
    ws.escalations.push(Escalation {
        id: id.clone(),
        events: vec![created],
    });
    (id, "created")
}
