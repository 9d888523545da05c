//! The calendar as written in config and requests, and its validation into a [`Calendar`].
//!
//! Parsing from `serde_json::Value` is done by hand rather than through serde so that every
//! error carries the exact path of the field at fault (`...calendar.hours.wed[0]`).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::civil::{days_from_civil, DAY};
use super::Calendar;
use crate::error::{ErrorCode, RequestError};

pub(crate) const ALWAYS: &str = "24/7";
const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// A calendar as written: the string `"24/7"`, or weekly hours in a time zone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(untagged)]
pub enum CalendarSpec {
    Always(String),
    Weekly(WeeklySpec),
}

/// `{"timezone": "Europe/Berlin", "hours": {"mon": [["09:00","17:00"]], ...},
/// "holidays": ["2025-04-18", "--12-25"]}`. A day left out of `hours` has no windows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WeeklySpec {
    pub timezone: String,
    /// Keyed by `mon`..`sun`; each window is `[start, end]` as `"HH:MM"`.
    pub hours: std::collections::BTreeMap<String, Vec<[String; 2]>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub holidays: Vec<String>,
}

fn err(code: ErrorCode, path: impl Into<String>, msg: impl Into<String>) -> RequestError {
    RequestError::new(code, path, msg)
}

/// Reads the shape of a calendar from JSON, reporting wrong types by path.
pub(crate) fn from_json(value: &Value, path: &str) -> Result<CalendarSpec, RequestError> {
    let obj = match value {
        Value::Null => return Ok(CalendarSpec::Always(ALWAYS.to_string())),
        Value::String(s) => return Ok(CalendarSpec::Always(s.clone())),
        Value::Object(o) => o,
        _ => {
            return Err(err(
                ErrorCode::WrongType,
                path,
                "expected \"24/7\" or an object with timezone and hours",
            ))
        }
    };
    for key in obj.keys() {
        if !matches!(key.as_str(), "timezone" | "hours" | "holidays") {
            return Err(err(
                ErrorCode::OutOfRange,
                format!("{path}.{key}"),
                "unknown field; expected timezone, hours, holidays",
            ));
        }
    }
    let timezone = match obj.get("timezone") {
        Some(Value::String(s)) => s.clone(),
        Some(_) => {
            return Err(err(
                ErrorCode::WrongType,
                format!("{path}.timezone"),
                "expected an IANA time zone name",
            ))
        }
        None => {
            return Err(err(
                ErrorCode::MissingField,
                format!("{path}.timezone"),
                "missing field",
            ))
        }
    };
    let hours_path = format!("{path}.hours");
    let hours_obj = match obj.get("hours") {
        Some(Value::Object(o)) => o,
        Some(_) => {
            return Err(err(
                ErrorCode::WrongType,
                hours_path,
                "expected an object keyed by mon..sun",
            ))
        }
        None => return Err(err(ErrorCode::MissingField, hours_path, "missing field")),
    };
    let mut hours = std::collections::BTreeMap::new();
    for (day, windows) in hours_obj {
        let day_path = format!("{hours_path}.{day}");
        let Value::Array(list) = windows else {
            return Err(err(
                ErrorCode::WrongType,
                day_path,
                "expected a list of [\"HH:MM\", \"HH:MM\"] windows",
            ));
        };
        let mut parsed = Vec::with_capacity(list.len());
        for (i, w) in list.iter().enumerate() {
            let pair = w.as_array().filter(|a| a.len() == 2);
            let texts =
                pair.and_then(|a| Some([a[0].as_str()?.to_string(), a[1].as_str()?.to_string()]));
            let Some(texts) = texts else {
                return Err(err(
                    ErrorCode::WrongType,
                    format!("{day_path}[{i}]"),
                    "expected a window [\"HH:MM\", \"HH:MM\"]",
                ));
            };
            parsed.push(texts);
        }
        hours.insert(day.clone(), parsed);
    }
    let mut holidays = Vec::new();
    match obj.get("holidays") {
        None | Some(Value::Null) => {}
        Some(Value::Array(list)) => {
            for (i, h) in list.iter().enumerate() {
                let Some(s) = h.as_str() else {
                    return Err(err(
                        ErrorCode::WrongType,
                        format!("{path}.holidays[{i}]"),
                        "expected \"YYYY-MM-DD\" or \"--MM-DD\"",
                    ));
                };
                holidays.push(s.to_string());
            }
        }
        Some(_) => {
            return Err(err(
                ErrorCode::WrongType,
                format!("{path}.holidays"),
                "expected a list of dates",
            ))
        }
    }
    Ok(CalendarSpec::Weekly(WeeklySpec {
        timezone,
        hours,
        holidays,
    }))
}

impl CalendarSpec {
    /// Validates the calendar and precomputes what every computation needs: the zone, the
    /// windows as seconds of the day, and the holiday sets.
    pub fn compile(&self, path: &str) -> Result<Calendar, RequestError> {
        let w = match self {
            CalendarSpec::Always(s) if s == ALWAYS => return Ok(Calendar::always()),
            CalendarSpec::Always(s) => {
                return Err(err(
                    ErrorCode::OutOfRange,
                    path,
                    format!("unknown calendar '{s}'; expected \"24/7\" or an object"),
                ))
            }
            CalendarSpec::Weekly(w) => w,
        };
        let zone = crate::tzdb::get(&w.timezone).ok_or_else(|| {
            err(
                ErrorCode::OutOfRange,
                format!("{path}.timezone"),
                format!("unknown time zone '{}'", w.timezone),
            )
        })?;
        let mut week: [Vec<(u32, u32)>; 7] = Default::default();
        for (day, windows) in &w.hours {
            let Some(idx) = DAYS.iter().position(|d| d == day) else {
                return Err(err(
                    ErrorCode::OutOfRange,
                    format!("{path}.hours.{day}"),
                    "unknown day; expected mon, tue, wed, thu, fri, sat, sun",
                ));
            };
            for (i, [start, end]) in windows.iter().enumerate() {
                let at = || format!("{path}.hours.{day}[{i}]");
                let bad = |what: &str| {
                    err(ErrorCode::OutOfRange, at(), format!("malformed window: {what}; expected [\"HH:MM\", \"HH:MM\"] with HH 00-23, MM 00-59 (end may be 24:00)"))
                };
                let s =
                    parse_hhmm(start, false).ok_or_else(|| bad(&format!("bad start '{start}'")))?;
                let e = parse_hhmm(end, true).ok_or_else(|| bad(&format!("bad end '{end}'")))?;
                // An end not after the start crosses midnight into the next day.
                let e = if e > s { e } else { e + DAY as u32 };
                week[idx].push((s, e));
            }
            crate::sort::sort(&mut week[idx]);
        }
        let mut holidays = Vec::new();
        let mut recurring = [0u32; 13];
        for (i, h) in w.holidays.iter().enumerate() {
            let bad = || {
                err(
                    ErrorCode::OutOfRange,
                    format!("{path}.holidays[{i}]"),
                    format!("bad holiday '{h}'; expected \"YYYY-MM-DD\" or yearly \"--MM-DD\""),
                )
            };
            if let Some(md) = h.strip_prefix("--") {
                let (m, d) = parse_month_day(md).ok_or_else(bad)?;
                recurring[m as usize] |= 1 << d;
            } else {
                let date = crate::time_parse::date(h).map_err(|_| bad())?;
                holidays.push(days_from_civil(
                    i64::from(date.year()),
                    date.month() as u32,
                    date.day() as u32,
                ));
            }
        }
        crate::sort::sort(&mut holidays);
        holidays.dedup();
        let has_windows = week.iter().any(|d| !d.is_empty());
        Ok(Calendar {
            spec: self.clone(),
            zone: Some(super::zone::Zone::new(zone)),
            week,
            has_windows,
            holidays,
            recurring,
        })
    }
}

/// `"HH:MM"` as seconds after midnight; `"24:00"` only where `allow_24` (a window's end).
fn parse_hhmm(s: &str, allow_24: bool) -> Option<u32> {
    let (h, m) = s.split_once(':')?;
    if h.len() != 2 || m.len() != 2 || !h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    match (h, m) {
        (24, 0) if allow_24 => Some(DAY as u32),
        (0..=23, 0..=59) => Some(h * 3600 + m * 60),
        _ => None,
    }
}

/// `"MM-DD"` of a yearly holiday; February 29 is allowed (it applies in leap years).
fn parse_month_day(s: &str) -> Option<(u32, u32)> {
    let (m, d) = s.split_once('-')?;
    if m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (m, d): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
    let max = match m {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return None,
    };
    (1..=max).contains(&d).then_some((m, d))
}
