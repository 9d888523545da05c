//! The escalations list as plain data: one row per escalation, folded once per workspace
//! revision, then filtered and sorted by index so a keystroke never re-folds 10,000 logs.

mod query;
mod sla;

use escalon::scales::Status;
use escalon::sla::{book_clocks, ClockBook};
use escalon::state::fold;
use escalon::Workspace;
use jiff::Timestamp;

pub use query::{distinct, filtered, sorted, Filter, Sort, SortKey};
pub use sla::SlaState;

/// What the list shows of one escalation, all read from the fold of its log.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub id: String,
    pub ticket: String,
    pub customer: String,
    /// Empty when the customer's segment is unknown.
    pub segment: String,
    pub tier: u8,
    pub priority: String,
    pub status: Status,
    /// Empty while unassigned.
    pub owner: String,
    pub opened_at: Option<Timestamp>,
    pub sla: SlaState,
    /// Id, ticket, customer, owner, summary, category and product, lower-cased once here
    /// rather than on every keystroke.
    haystack: String,
}

impl Row {
    /// Whether every word of `query` (already lower-cased) occurs in the searched fields.
    pub fn matches(&self, words: &[String]) -> bool {
        words.iter().all(|w| self.haystack.contains(w.as_str()))
    }
}

/// Folds every escalation once, with SLA clocks at `now` from one [`ClockBook`] (tiers'
/// policies and calendars resolved once for all rows, not once per escalation as the
/// `sla-status` action must).
pub fn rows(ws: &Workspace, now: Timestamp) -> Vec<Row> {
    let book = ClockBook::new(&ws.config);
    ws.escalations
        .iter()
        .map(|esc| {
            let s = fold(esc);
            let sla = match book_clocks(&book, esc, now) {
                Ok(clocks) => SlaState::of(&clocks),
                Err(_) => SlaState::Unavailable,
            };
            let customer = s.customer.name.or(s.customer.id).unwrap_or_default();
            let owner = s.owner.unwrap_or_default();
            let haystack = [
                s.id.as_str(),
                &s.ticket,
                &customer,
                &owner,
                s.summary.as_deref().unwrap_or_default(),
                s.category.as_deref().unwrap_or_default(),
                s.product.as_deref().unwrap_or_default(),
            ]
            .join("\u{1f}")
            .to_lowercase();
            Row {
                id: s.id,
                ticket: s.ticket,
                customer,
                segment: s.customer.segment.unwrap_or_default(),
                tier: s.tier,
                priority: s.priority.unwrap_or_default(),
                status: s.status,
                owner,
                opened_at: s.opened_at,
                sla,
                haystack,
            }
        })
        .collect()
}

/// How long ago `opened_at` was, coarsely: `45m`, `5h`, `3d`, for a column that must stay
/// narrow.
pub fn age_label(opened_at: Option<Timestamp>, now: Timestamp) -> String {
    let Some(at) = opened_at else {
        return "–".to_string();
    };
    let minutes = (now.as_second() - at.as_second()).max(0) / 60;
    match minutes {
        m if m < 60 => format!("{m}m"),
        m if m < 48 * 60 => format!("{}h", m / 60),
        m => format!("{}d", m / (24 * 60)),
    }
}

#[cfg(test)]
pub(crate) mod tests;
