//! The customer's recent escalations in this workspace, and the ticket's own live record,
//! read for a decision: both scan the event logs, so both read only each log's `created`.

use jiff::{SignedDuration, Timestamp};

use super::{DecisionInput, History};
use crate::event::{CustomerRef, Escalation, EventKind};
use crate::state::{fold, EscalationState};
use crate::workspace::Workspace;

/// What `fold` would give as ticket, customer and opening time, read without folding: all
/// three come from the last `created` event only. Lets a ticket skip the escalations that
/// cannot be its own or its customer's instead of folding the whole workspace per ticket.
struct Opening<'a> {
    ticket: &'a str,
    customer: Option<&'a CustomerRef>,
    opened_at: Option<Timestamp>,
}

fn opening(esc: &Escalation) -> Opening<'_> {
    let mut o = Opening {
        ticket: "",
        customer: None,
        opened_at: None,
    };
    for e in &esc.events {
        if let EventKind::Created {
            ticket, customer, ..
        } = &e.kind
        {
            o = Opening {
                ticket,
                customer: Some(customer),
                opened_at: Some(e.at),
            };
        }
    }
    o
}

/// The live record of this ticket, if the workspace has one: it supplies what the request
/// leaves out (customer identity for history, category and product for runbooks).
pub(super) fn known_ticket(ws: &Workspace, i: &DecisionInput) -> Option<EscalationState> {
    let ticket = i.ticket?;
    ws.escalations
        .iter()
        .find(|e| opening(e).ticket == ticket)
        .map(fold)
}

/// Who the customer is, for history: explicit id or name, else the known ticket's customer.
fn customer_key(i: &DecisionInput, known: Option<&EscalationState>) -> Option<String> {
    i.customer_id
        .or(i.customer_name)
        .or_else(|| {
            let c = &known?.customer;
            c.id.as_deref().or(c.name.as_deref())
        })
        .map(str::to_string)
}

pub(super) fn history(
    ws: &Workspace,
    i: &DecisionInput,
    known: Option<&EscalationState>,
    now: Option<Timestamp>,
) -> History {
    let window = ws.config.history_window_days;
    let mut h = History {
        customer: customer_key(i, known),
        window_days: window,
        escalations: Vec::new(),
    };
    let (Some(key), Some(now)) = (h.customer.as_deref(), now) else {
        return h;
    };
    let since = crate::later::shifted(now, SignedDuration::from_hours(-24 * i64::from(window)));
    for esc in &ws.escalations {
        let o = opening(esc);
        let same = o
            .customer
            .is_some_and(|c| c.id.as_deref() == Some(key) || c.name.as_deref() == Some(key));
        let in_window = o.opened_at.is_some_and(|t| t >= since && t < now);
        let other_ticket = i.ticket != Some(o.ticket);
        if same && in_window && other_ticket {
            h.escalations.push(esc.id.clone());
        }
    }
    h
}
