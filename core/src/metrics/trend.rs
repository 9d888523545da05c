//! volume_trend: escalations started per day or ISO week across the date range (every
//! period, empty ones included, so a chart has no gaps), each with the change against the
//! previous period. A period cut by the range's edges is marked `partial`.

use std::collections::BTreeMap;

use crate::tzdb::Zone;
use jiff::civil::Date;
use jiff::Span;
use serde_json::{json, Value};

use super::dims::{local_date, period_label, period_start, Dimension};
use super::durations::round4;
use super::facts::Facts;
use super::request::{Interval, Range};
use crate::error::{ErrorCode, RequestError};

/// Ten years of days: a chart cannot show more, and it bounds the work of one request.
const MAX_PERIODS: usize = 3660;

pub fn volume_trend(
    facts: &[Facts<'_>],
    range: &Range,
    interval: Interval,
    tz: &Zone,
) -> Result<Value, RequestError> {
    let dim = match interval {
        Interval::Day => Dimension::Day,
        Interval::Week => Dimension::Week,
    };
    let step = match interval {
        Interval::Day => 1,
        Interval::Week => 7,
    };
    let mut counts: BTreeMap<Date, u64> = BTreeMap::new();
    let mut seen: Option<(Date, Date)> = None;
    for f in facts {
        let d = local_date(f, tz);
        *counts.entry(period_start(dim, d)).or_default() += 1;
        seen = Some(seen.map_or((d, d), |(lo, hi)| (lo.min(d), hi.max(d))));
    }
    // An open-ended range runs from the first to the last escalation seen.
    let (Some(first), Some(last)) = (
        range.start.or(seen.map(|s| s.0)),
        range.end.or(seen.map(|s| s.1)),
    ) else {
        return Ok(json!({"interval": dim.name(), "points": []}));
    };
    let mut points = Vec::new();
    let mut p = period_start(dim, first);
    let mut previous: Option<u64> = None;
    while p <= last {
        if points.len() >= MAX_PERIODS {
            return Err(RequestError::new(
                ErrorCode::OutOfRange,
                "parameters.trend_interval",
                format!("the trend would have more than {MAX_PERIODS} points; narrow date_range or use week"),
            ));
        }
        let end = p.checked_add(Span::new().days(step - 1)).unwrap_or(p);
        let count = counts.get(&p).copied().unwrap_or(0);
        let (change, change_ratio) = match previous {
            None => (Value::Null, Value::Null),
            Some(prev) => {
                let change = count as i64 - prev as i64;
                let pct = (prev > 0).then(|| round4(change as f64 / prev as f64));
                (json!(change), json!(pct))
            }
        };
        points.push(json!({
            "period": period_label(dim, p),
            "start": p.to_string(),
            "end": end.to_string(),
            "count": count,
            "change": change,
            "change_ratio": change_ratio,
            // Cut by an edge of the requested range (an open end has no edge to cut).
            "partial": (range.start.is_some() && p < first) || (range.end.is_some() && end > last),
        }));
        previous = Some(count);
        match p.checked_add(Span::new().days(step)) {
            Ok(next) => p = next,
            Err(_) => break,
        }
    }
    Ok(json!({"interval": dim.name(), "points": points}))
}
