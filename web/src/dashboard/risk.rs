//! The at-risk list from `sla-status` answers. An open escalation is **breached** when one
//! of its clocks is breached and still running (not stopped: the deadline passed and the
//! work is still owed), else **at risk** when a running clock passed a warning threshold.
//! A clock stopped late stays breached in the metrics but is not actionable, so it is not
//! listed.

use jiff::Timestamp;
use serde_json::Value;

/// What the list shows of an open escalation besides its clocks (from the folded log).
#[derive(Debug, Clone, PartialEq)]
pub struct OpenEscalation {
    pub id: String,
    pub customer: String,
    pub tier: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Risk {
    /// Ordered so breached sorts first.
    Breached,
    Warning,
}

impl Risk {
    pub fn as_str(self) -> &'static str {
        match self {
            Risk::Breached => "breached",
            Risk::Warning => "warning",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct RiskRow {
    pub id: String,
    pub customer: String,
    pub tier: u8,
    /// The most urgent clock: `first_response`, `next_update` or `resolution`.
    pub clock: String,
    pub risk: Risk,
    /// Wall-clock seconds from `now` to the clock's due date; negative once overdue.
    pub seconds_left: i64,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RiskCounts {
    pub at_risk: u64,
    pub breached: u64,
}

/// The row for one open escalation from its `sla-status` answer (`{clocks: [...]}`), or
/// `None` when no running clock is in warning or breached.
pub fn risk_of(open: &OpenEscalation, answer: &Value, now: Timestamp) -> Option<RiskRow> {
    answer["clocks"]
        .as_array()?
        .iter()
        .filter(|c| c["stopped_at"].is_null())
        .filter_map(|c| {
            let risk = match c["state"].as_str()? {
                "breached" => Risk::Breached,
                "warning" => Risk::Warning,
                _ => return None,
            };
            let due = escalon::time_parse::instant(c["due_at"].as_str()?).ok()?;
            Some(RiskRow {
                id: open.id.clone(),
                customer: open.customer.clone(),
                tier: open.tier,
                clock: c["kind"].as_str().unwrap_or_default().to_string(),
                risk,
                seconds_left: due.as_second() - now.as_second(),
            })
        })
        .min_by(order)
}

fn order(a: &RiskRow, b: &RiskRow) -> std::cmp::Ordering {
    a.risk
        .cmp(&b.risk)
        .then(a.seconds_left.cmp(&b.seconds_left))
        .then_with(|| a.id.cmp(&b.id))
}

/// Breached first, then by time left (most overdue, or soonest due, first).
pub fn sort(rows: &mut Vec<RiskRow>) {
    escalon::sort::sort_by(rows, order);
}

pub fn counts(rows: &[RiskRow]) -> RiskCounts {
    let breached = rows.iter().filter(|r| r.risk == Risk::Breached).count() as u64;
    RiskCounts {
        at_risk: rows.len() as u64 - breached,
        breached,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const NOW: &str = "2025-04-01T09:00:00Z";

    fn open(id: &str) -> OpenEscalation {
        OpenEscalation {
            id: id.into(),
            customer: "Acme".into(),
            tier: 2,
        }
    }

    fn clock(kind: &str, state: &str, due: &str, stopped: Option<&str>) -> Value {
        json!({"kind": kind, "state": state, "due_at": due, "stopped_at": stopped})
    }

    fn row(id: &str, clocks: Vec<Value>) -> Option<RiskRow> {
        risk_of(
            &open(id),
            &json!({ "clocks": clocks }),
            NOW.parse().unwrap(),
        )
    }

    #[test]
    fn the_most_urgent_running_clock_speaks_for_the_escalation() {
        let r = row(
            "E1",
            vec![
                clock(
                    "first_response",
                    "breached",
                    "2025-03-30T09:00:00Z",
                    Some("2025-03-31T09:00:00Z"),
                ),
                clock("next_update", "warning", "2025-04-01T12:00:00+02:00", None),
                clock("resolution", "warning", "2025-04-01T11:00:00Z", None),
            ],
        )
        .unwrap();
        assert_eq!(
            r.clock, "next_update",
            "a clock stopped late is history, not risk"
        );
        assert_eq!(
            (r.risk, r.seconds_left),
            (Risk::Warning, 3600),
            "offsets are honoured"
        );
        assert!(row(
            "E2",
            vec![clock("resolution", "running", "2025-04-02T00:00:00Z", None)]
        )
        .is_none());
        assert!(row(
            "E3",
            vec![clock("resolution", "paused", "2025-03-01T00:00:00Z", None)]
        )
        .is_none());
    }

    #[test]
    fn breached_sort_first_then_by_time_left() {
        let mut rows: Vec<RiskRow> = [
            ("W-late", "warning", "2025-04-01T20:00:00Z"),
            ("B-recent", "breached", "2025-04-01T08:00:00Z"),
            ("W-soon", "warning", "2025-04-01T09:30:00Z"),
            ("B-old", "breached", "2025-03-28T08:00:00Z"),
        ]
        .iter()
        .filter_map(|(id, state, due)| row(id, vec![clock("resolution", state, due, None)]))
        .collect();
        sort(&mut rows);
        let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["B-old", "B-recent", "W-soon", "W-late"]);
        assert_eq!(rows[1].seconds_left, -3600);
        assert_eq!(
            counts(&rows),
            RiskCounts {
                at_risk: 2,
                breached: 2
            }
        );
    }
}
