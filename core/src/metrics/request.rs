//! Reading `calculate-metrics` parameters. Every error names the field at fault, down to
//! the list position (`parameters.dimensions[3]`), so a typo in a long list is easy to find.

use crate::tzdb::Zone;
use jiff::civil::Date;
use jiff::Timestamp;
use serde_json::Value;

use super::dims::Dimension;
use crate::error::{ErrorCode, RequestError};
use crate::params::{as_obj, Obj};

const FIELDS: &[&str] = &["date_range", "dimensions", "metrics", "trend_interval"];

/// The metrics an action can compute; the order here is the order of the output keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Metric {
    EscalationCount,
    EscalationRate,
    MttrEscalations,
    Mtta,
    SlaCompliance,
    BreachCount,
    ReEscalationCount,
    StalledCount,
    VolumeTrend,
    TopCauses,
}

impl Metric {
    pub const ALL: [Metric; 10] = [
        Metric::EscalationCount,
        Metric::EscalationRate,
        Metric::MttrEscalations,
        Metric::Mtta,
        Metric::SlaCompliance,
        Metric::BreachCount,
        Metric::ReEscalationCount,
        Metric::StalledCount,
        Metric::VolumeTrend,
        Metric::TopCauses,
    ];

    /// Asked for when a request names no metrics: the ones that need neither `now` nor
    /// anything beyond the rows.
    pub const DEFAULT: [Metric; 4] = [
        Metric::EscalationCount,
        Metric::EscalationRate,
        Metric::MttrEscalations,
        Metric::Mtta,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Metric::EscalationCount => "escalation_count",
            Metric::EscalationRate => "escalation_rate",
            Metric::MttrEscalations => "mttr_escalations",
            Metric::Mtta => "mtta",
            Metric::SlaCompliance => "sla_compliance",
            Metric::BreachCount => "breach_count",
            Metric::ReEscalationCount => "re_escalation_count",
            Metric::StalledCount => "stalled_count",
            Metric::VolumeTrend => "volume_trend",
            Metric::TopCauses => "top_causes",
        }
    }

    pub fn parse(s: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.name() == s)
    }

    /// Whether the metric is a value per row (the others are sections of their own).
    pub fn per_row(self) -> bool {
        !matches!(self, Metric::VolumeTrend | Metric::TopCauses)
    }

    /// Open clocks and stalled escalations only exist relative to an instant.
    pub fn needs_now(self) -> bool {
        matches!(
            self,
            Metric::SlaCompliance | Metric::BreachCount | Metric::StalledCount
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Interval {
    Day,
    Week,
}

/// Escalations count when they started in `[from, until)`; `None` is unbounded.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Range {
    pub start: Option<Date>,
    pub end: Option<Date>,
    pub from: Option<Timestamp>,
    pub until: Option<Timestamp>,
}

impl Range {
    pub fn contains(&self, t: Timestamp) -> bool {
        self.from.is_none_or(|f| t >= f) && self.until.is_none_or(|u| t < u)
    }
}

#[derive(Debug, Clone)]
pub struct MetricsRequest {
    pub range: Range,
    pub dimensions: Vec<Dimension>,
    pub metrics: Vec<Metric>,
    pub interval: Interval,
    pub tz: Zone,
}

impl MetricsRequest {
    pub fn wants(&self, m: Metric) -> bool {
        self.metrics.contains(&m)
    }
}

pub fn parse(
    params: &Value,
    tz: Zone,
    now: Option<Timestamp>,
) -> Result<MetricsRequest, RequestError> {
    let p = as_obj(params, "parameters")?;
    if let Some(k) = p.map.keys().find(|k| !FIELDS.contains(&k.as_str())) {
        return Err(unknown_field(&p.path_of(k), k, FIELDS));
    }
    let range = match p.obj("date_range")? {
        Some(r) => range(&r, &tz)?,
        None => Range {
            start: None,
            end: None,
            from: None,
            until: None,
        },
    };
    let dimensions = names(
        &p,
        "dimensions",
        Dimension::parse,
        Dimension::ALL.map(|d| d.name()),
    )?;
    let mut metrics = names(&p, "metrics", Metric::parse, Metric::ALL.map(|m| m.name()))?;
    if metrics.is_empty() {
        metrics = Metric::DEFAULT.to_vec();
    }
    if now.is_none() {
        if let Some(m) = metrics.iter().find(|m| m.needs_now()) {
            return Err(RequestError::new(
                ErrorCode::MissingField,
                "now",
                format!(
                    "metric '{}' depends on the current time: give `now`",
                    m.name()
                ),
            ));
        }
    }
    let interval = match p.str("trend_interval")? {
        None | Some("week") => Interval::Week,
        Some("day") => Interval::Day,
        Some(other) => {
            return Err(RequestError::new(
                ErrorCode::OutOfRange,
                p.path_of("trend_interval"),
                format!("unknown trend_interval '{other}'; expected day or week"),
            ))
        }
    };
    Ok(MetricsRequest {
        range,
        dimensions,
        metrics,
        interval,
        tz,
    })
}

fn range(r: &Obj<'_>, tz: &Zone) -> Result<Range, RequestError> {
    const KEYS: &[&str] = &["start", "end"];
    if let Some(k) = r.map.keys().find(|k| !KEYS.contains(&k.as_str())) {
        return Err(unknown_field(&r.path_of(k), k, KEYS));
    }
    let start = date(r, "start")?;
    let end = date(r, "end")?;
    if let (Some(s), Some(e)) = (start, end) {
        if e < s {
            return Err(RequestError::new(
                ErrorCode::OutOfRange,
                r.path_of("end"),
                format!("date_range ends ({e}) before it starts ({s})"),
            ));
        }
    }
    let midnight = |d: Date, key: &str| -> Result<Timestamp, RequestError> {
        tz.to_timestamp(d.at(0, 0, 0, 0)).ok_or_else(|| {
            RequestError::new(
                ErrorCode::OutOfRange,
                r.path_of(key),
                format!(
                    "{d} starts outside the supported range in {}: {}",
                    tz.name(),
                    crate::time_parse::INSTANT_RANGE
                ),
            )
        })
    };
    let from = start.map(|d| midnight(d, "start")).transpose()?;
    // The end date is inclusive: escalations up to the next local midnight count.
    // At the end of the supported range (9999-12-31) there is no next midnight to name:
    // the range then runs to the last instant there is, as the user meant.
    let until = end.map(|e| {
        e.tomorrow()
            .ok()
            .and_then(|next| midnight(next, "end").ok())
            .unwrap_or(Timestamp::MAX)
    });
    Ok(Range {
        start,
        end,
        from,
        until,
    })
}

fn date(r: &Obj<'_>, key: &str) -> Result<Option<Date>, RequestError> {
    let Some(s) = r.str(key)? else {
        return Ok(None);
    };
    crate::time_parse::date(s).map(Some).map_err(|_| {
        RequestError::new(
            ErrorCode::WrongType,
            r.path_of(key),
            format!("expected a date like 2025-01-31, got '{s}'"),
        )
    })
}

/// A list of names from a closed set, each checked where it stands; duplicates are refused
/// because they would repeat a column (or a group level) without meaning anything.
fn names<T: PartialEq + Copy, const N: usize>(
    p: &Obj<'_>,
    key: &str,
    parse: fn(&str) -> Option<T>,
    known: [&str; N],
) -> Result<Vec<T>, RequestError> {
    let path = p.path_of(key);
    let items: Vec<&Value> = match p.get(key) {
        None => return Ok(Vec::new()),
        Some(Value::Array(items)) => items.iter().collect(),
        Some(v @ Value::String(_)) => vec![v],
        Some(_) => {
            return Err(RequestError::new(
                ErrorCode::WrongType,
                path,
                "expected a list of names",
            ))
        }
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, v) in items.into_iter().enumerate() {
        let at = format!("{path}[{i}]");
        let s = v
            .as_str()
            .ok_or_else(|| RequestError::new(ErrorCode::WrongType, &at, "expected a string"))?;
        let item = parse(s).ok_or_else(|| {
            RequestError::new(
                ErrorCode::OutOfRange,
                &at,
                format!(
                    "unknown {} '{s}'; known: {}",
                    singular(key),
                    known.join(", ")
                ),
            )
        })?;
        if out.contains(&item) {
            return Err(RequestError::new(
                ErrorCode::OutOfRange,
                &at,
                format!("'{s}' is listed twice"),
            ));
        }
        out.push(item);
    }
    Ok(out)
}

fn singular(key: &str) -> &str {
    key.strip_suffix('s').unwrap_or(key)
}

fn unknown_field(path: &str, key: &str, known: &[&str]) -> RequestError {
    RequestError::new(
        ErrorCode::UnknownField,
        path,
        format!("unknown field '{key}'; known: {}", known.join(", ")),
    )
}
