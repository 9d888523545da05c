//! mttr_escalations and mtta: mean and median minutes from the escalation's start to its
//! resolution (or first acknowledgement). Escalations not yet resolved (acknowledged) are
//! left out of the figure and counted separately, so an open backlog is visible instead of
//! silently shortening the average.

use jiff::Timestamp;
use serde_json::{json, Value};

/// Whole minutes from `from` to `to`; never negative (a hand-edited log may disagree).
pub fn minutes_between(from: Timestamp, to: Timestamp) -> i64 {
    (to.as_second() - from.as_second()).max(0) / 60
}

/// Durations of one group, in minutes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Durations {
    pub minutes: Vec<i64>,
    /// Escalations of the group the duration does not exist for yet.
    pub pending: u64,
}

impl Durations {
    pub fn add(&mut self, from: Timestamp, to: Option<Timestamp>) {
        match to {
            Some(to) => self.minutes.push(minutes_between(from, to)),
            None => self.pending += 1,
        }
    }

    pub fn merge(&mut self, other: &Durations) {
        self.minutes.extend_from_slice(&other.minutes);
        self.pending += other.pending;
    }

    /// `{mean_minutes, median_minutes, <counted>, <pending>}`, nulls when nothing counted.
    /// Sorts in place: the median needs order, and the vector is not used afterwards.
    pub fn to_json(&mut self, counted: &str, pending: &str) -> Value {
        let n = self.minutes.len();
        let (mean, median) = if n == 0 {
            (Value::Null, Value::Null)
        } else {
            self.minutes.sort_unstable();
            let sum: i64 = self.minutes.iter().sum();
            let median = if n % 2 == 1 {
                self.minutes[n / 2] as f64
            } else {
                (self.minutes[n / 2 - 1] + self.minutes[n / 2]) as f64 / 2.0
            };
            (json!(round1(sum as f64 / n as f64)), json!(median))
        };
        json!({
            "mean_minutes": mean,
            "median_minutes": median,
            counted: n,
            pending: self.pending,
        })
    }
}

/// One decimal: minutes finer than six seconds mean nothing on a dashboard.
pub fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Four decimals for shares and rates (0.1234 = 12.34 %).
pub fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}
