//! Age buckets of active escalations (time since opening), from
//! `notify.aging.bucket_hours`: upper bounds in hours, the last bucket open-ended.

use serde_json::{json, Value};

use crate::error::{ErrorCode, RequestError};

pub struct Buckets {
    bounds: Vec<u32>,
    counts: Vec<(u64, u64)>,
}

impl Buckets {
    /// Bounds must rise strictly, or two buckets would overlap or be empty by construction.
    pub fn new(bounds: &[u32]) -> Result<Self, RequestError> {
        if let Some(i) = (1..bounds.len()).find(|&i| bounds[i] <= bounds[i - 1]) {
            return Err(RequestError::new(
                ErrorCode::OutOfRange,
                format!("config.notify.aging.bucket_hours.{i}"),
                format!(
                    "bucket bounds must rise strictly: {} follows {}",
                    bounds[i],
                    bounds[i - 1]
                ),
            ));
        }
        if bounds.first() == Some(&0) {
            return Err(RequestError::new(
                ErrorCode::OutOfRange,
                "config.notify.aging.bucket_hours.0",
                "the first bucket bound must be above 0 hours",
            ));
        }
        Ok(Self {
            bounds: bounds.to_vec(),
            counts: vec![(0, 0); bounds.len() + 1],
        })
    }

    /// The bucket of an escalation open for `age_minutes`: below the first bound it is in
    /// the first bucket; at exactly a bound it is in the next one.
    pub fn index(&self, age_minutes: i64) -> usize {
        self.bounds
            .iter()
            .position(|&h| age_minutes < i64::from(h) * 60)
            .unwrap_or(self.bounds.len())
    }

    pub fn label(&self, i: usize) -> String {
        let from = if i == 0 { 0 } else { self.bounds[i - 1] };
        match self.bounds.get(i) {
            Some(to) => format!("{}-{}", words(from), words(*to)),
            None => format!("{}+", words(from)),
        }
    }

    pub fn add(&mut self, age_minutes: i64, stalled: bool) -> usize {
        let i = self.index(age_minutes);
        self.counts[i].0 += 1;
        self.counts[i].1 += u64::from(stalled);
        i
    }

    /// The bound (in hours) an escalation open for `age_minutes` crosses next, if any.
    pub fn next_bound_hours(&self, age_minutes: i64) -> Option<u32> {
        self.bounds.get(self.index(age_minutes)).copied()
    }

    pub fn to_json(&self) -> Value {
        self.counts
            .iter()
            .enumerate()
            .map(|(i, (count, stalled))| {
                json!({
                    "bucket": self.label(i),
                    "from_hours": if i == 0 { 0 } else { self.bounds[i - 1] },
                    "to_hours": self.bounds.get(i),
                    "count": count,
                    "stalled": stalled,
                })
            })
            .collect()
    }
}

/// `4h`, `1d`, `3d`: whole days read better than 72 hours.
fn words(hours: u32) -> String {
    if hours > 0 && hours.is_multiple_of(24) {
        format!("{}d", hours / 24)
    } else {
        format!("{hours}h")
    }
}
