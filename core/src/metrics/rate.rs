//! escalation_rate = escalated / triaged tickets of the group.
//!
//! Triaged tickets come from `config.triage_volume` (monthly or daily counts, optionally per
//! category and segment). For a group, the entries that match its category and segment (when
//! it is split by them) are summed over the part of their period that lies inside both the
//! request's date range and the group's day/week/month; a month only partly inside counts
//! pro rata by days. Dimensions the volume does not record (tier, owner, severity, root
//! cause) split only the numerator: "share of triaged tickets escalated to tier 3".
//! Escalated tickets were triaged too, so the denominator is never below the numerator.

use jiff::civil::Date;
use serde_json::{json, Value};

use super::config::TriageVolume;
use super::durations::{round1, round4};
use crate::error::{ErrorCode, RequestError};

/// Days since 1970-01-01 (proleptic Gregorian); plain integers make overlaps trivial.
pub fn day_number(d: Date) -> i64 {
    let (y, m, day) = (
        i64::from(d.year()),
        i64::from(d.month()),
        i64::from(d.day()),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[derive(Debug, Clone, PartialEq)]
struct Entry<'a> {
    /// Inclusive day numbers.
    first: i64,
    last: i64,
    category: Option<&'a str>,
    segment: Option<&'a str>,
    tickets: f64,
}

/// The triage volume of a workspace, checked.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Volumes<'a>(Vec<Entry<'a>>);

/// What a group is split by, as the volume sees it: `None` = not split by it;
/// `Some(None)` = split, and this group's value is missing.
#[derive(Debug, Clone, Copy, Default)]
pub struct Slice<'a> {
    pub category: Option<Option<&'a str>>,
    pub segment: Option<Option<&'a str>>,
    /// Inclusive day numbers; `None` is unbounded.
    pub first: Option<i64>,
    pub last: Option<i64>,
}

impl<'a> Volumes<'a> {
    pub fn parse(entries: &'a [TriageVolume]) -> Result<Volumes<'a>, RequestError> {
        entries
            .iter()
            .enumerate()
            .map(|(i, v)| entry(v, &format!("config.triage_volume[{i}]")))
            .collect::<Result<Vec<_>, _>>()
            .map(Volumes)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Triaged tickets of a slice; `None` when no entry speaks about it.
    pub fn triaged(&self, s: &Slice<'_>) -> Option<f64> {
        let mut total = None;
        for e in &self.0 {
            let fits = |want: Option<Option<&str>>, have: Option<&str>| match want {
                None => true,
                Some(w) => w.is_some() && w == have,
            };
            if !fits(s.category, e.category) || !fits(s.segment, e.segment) {
                continue;
            }
            let first = s.first.map_or(e.first, |f| f.max(e.first));
            let last = s.last.map_or(e.last, |l| l.min(e.last));
            if last < first {
                continue;
            }
            let share = (last - first + 1) as f64 / (e.last - e.first + 1) as f64;
            *total.get_or_insert(0.0) += e.tickets * share;
        }
        total
    }
}

fn entry<'a>(v: &'a TriageVolume, path: &str) -> Result<Entry<'a>, RequestError> {
    let bad = |field: &str, msg: String| {
        RequestError::new(ErrorCode::OutOfRange, format!("{path}.{field}"), msg)
    };
    let (first, last) = match (&v.month, &v.date) {
        (Some(m), None) => {
            let d = crate::time_parse::date(&format!("{m}-01"))
                .map_err(|_| bad("month", format!("expected a month like 2025-01, got '{m}'")))?;
            let first = day_number(d);
            (first, first + i64::from(d.days_in_month()) - 1)
        }
        (None, Some(s)) => {
            let d = crate::time_parse::date(s).map_err(|_| {
                bad(
                    "date",
                    format!("expected a date like 2025-01-06, got '{s}'"),
                )
            })?;
            (day_number(d), day_number(d))
        }
        _ => {
            return Err(RequestError::new(
                ErrorCode::MissingField,
                path,
                "give exactly one of `month` or `date`",
            ))
        }
    };
    Ok(Entry {
        first,
        last,
        category: v.category.as_deref(),
        segment: v.segment.as_deref(),
        tickets: f64::from(v.tickets),
    })
}

/// `{rate, escalated, triaged}`; rate and triaged are null when no volume covers the group.
pub fn rate_json(escalated: u64, triaged: Option<f64>) -> Value {
    match triaged {
        None => json!({"rate": null, "escalated": escalated, "triaged": null}),
        Some(t) => {
            let t = t.max(escalated as f64);
            let rate = if t > 0.0 {
                json!(round4(escalated as f64 / t))
            } else {
                // No tickets and no escalations: nothing was escalated out of nothing.
                json!(0.0)
            };
            json!({"rate": rate, "escalated": escalated, "triaged": round1(t)})
        }
    }
}
