//! sla_compliance and breach_count, from the escalation's SLA clocks as `sla::clocks_for`
//! folds them (so metrics and `sla-status` can never disagree about a breach); read through
//! `sla::book_outcomes`, which skips what a tally does not need.
//!
//! A clock is met, breached (stopped late, or still running past its due time) or open
//! (running, in warning, or paused, and not yet due). Compliance of a kind is
//! met / (met + breached): open clocks have not been decided yet, so they count neither way.

use jiff::Timestamp;
use serde_json::{json, Map, Value};

use super::durations::round4;
use crate::error::RequestError;
use crate::event::Escalation;
use crate::sla::{book_outcomes, ClockBook, ClockKind, Outcome};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub met: u64,
    pub breached: u64,
    pub open: u64,
}

impl Tally {
    fn merge(&mut self, o: &Tally) {
        self.met += o.met;
        self.breached += o.breached;
        self.open += o.open;
    }

    /// Met share of decided clocks; `None` when nothing is decided yet.
    pub fn compliance(&self) -> Option<f64> {
        let decided = self.met + self.breached;
        (decided > 0).then(|| self.met as f64 / decided as f64)
    }

    fn to_json(self) -> Value {
        json!({
            "met": self.met,
            "breached": self.breached,
            "open": self.open,
            "compliance": self.compliance().map(round4),
        })
    }
}

/// Clock outcomes of one group, per clock kind in `ClockKind::ALL` order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SlaTally(pub [Tally; 3]);

fn kind_name(k: ClockKind) -> &'static str {
    match k {
        ClockKind::FirstResponse => "first_response",
        ClockKind::NextUpdate => "next_update",
        ClockKind::Resolution => "resolution",
    }
}

impl SlaTally {
    /// Reads the clocks of `esc` at `now` into a tally of its own.
    pub fn of(
        book: &ClockBook,
        esc: &Escalation,
        now: Timestamp,
    ) -> Result<SlaTally, RequestError> {
        let mut t = SlaTally::default();
        for (slot, o) in t.0.iter_mut().zip(book_outcomes(book, esc, now)?) {
            match o {
                Some(Outcome::Met) => slot.met += 1,
                Some(Outcome::Breached) => slot.breached += 1,
                Some(Outcome::Open) => slot.open += 1,
                None => {}
            }
        }
        Ok(t)
    }

    pub fn merge(&mut self, o: &SlaTally) {
        for (a, b) in self.0.iter_mut().zip(o.0.iter()) {
            a.merge(b);
        }
    }

    fn overall(&self) -> Tally {
        let mut all = Tally::default();
        for t in &self.0 {
            all.merge(t);
        }
        all
    }

    /// `{first_response: {met, breached, open, compliance}, next_update, resolution, overall}`.
    pub fn compliance_json(&self) -> Value {
        let mut m = Map::new();
        for (k, t) in ClockKind::ALL.iter().zip(self.0.iter()) {
            m.insert(kind_name(*k).into(), t.to_json());
        }
        m.insert("overall".into(), self.overall().to_json());
        Value::Object(m)
    }

    /// `{total, first_response, next_update, resolution}`: breached clocks.
    pub fn breach_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("total".into(), json!(self.overall().breached));
        for (k, t) in ClockKind::ALL.iter().zip(self.0.iter()) {
            m.insert(kind_name(*k).into(), json!(t.breached));
        }
        Value::Object(m)
    }
}
