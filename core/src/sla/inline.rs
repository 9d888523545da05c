//! The inline form of action `sla-status`: one clock given in the request.
//!
//! Parsed by hand from JSON so each error names its field under `parameters.clock`.

use jiff::Timestamp;
use serde_json::{Map, Value};

use super::clock::{Clock, DEFAULT_WARN_AT};
use crate::calendar::{Calendar, Pause};
use crate::error::{ErrorCode, RequestError};

/// Ten years of minutes: far beyond any real SLA, and it bounds the work one request can ask.
pub const MAX_TARGET_MINUTES: u32 = 10 * 366 * 24 * 60;

const FIELDS: [&str; 6] = [
    "start",
    "target_minutes",
    "calendar",
    "pauses",
    "warn_at",
    "stopped_at",
];

/// Answers `sla-status` for `{"clock": {start, target_minutes, calendar?, pauses?, warn_at?,
/// stopped_at?}}` (the request's `parameters`) at `now`, as
/// `{due_at, elapsed_minutes, remaining_minutes, state, breached_at, next_check_at}`.
pub fn inline_status(params: &Value, now: Timestamp) -> Result<Value, RequestError> {
    let params = params
        .as_object()
        .ok_or_else(|| err(ErrorCode::WrongType, "parameters", "expected an object"))?;
    let clock = match params.get("clock") {
        Some(Value::Object(c)) => c,
        Some(_) => {
            return Err(err(
                ErrorCode::WrongType,
                "parameters.clock",
                "expected an object",
            ))
        }
        None => {
            return Err(err(
                ErrorCode::MissingField,
                "parameters.clock",
                "missing field",
            ))
        }
    };
    let clock = parse_clock(clock, "parameters.clock")?;
    Ok(clock.status(now).to_json(&clock.calendar))
}

/// Reads a clock object; `path` is where it sits in the request.
pub fn parse_clock(obj: &Map<String, Value>, path: &str) -> Result<Clock, RequestError> {
    if let Some(key) = obj.keys().find(|k| !FIELDS.contains(&k.as_str())) {
        let msg = format!("unknown field; expected {}", FIELDS.join(", "));
        return Err(err(ErrorCode::OutOfRange, format!("{path}.{key}"), msg));
    }
    let start = time(obj.get("start"), &format!("{path}.start"))?.ok_or_else(|| {
        err(
            ErrorCode::MissingField,
            format!("{path}.start"),
            "missing field",
        )
    })?;
    let target_minutes = target(obj.get("target_minutes"), &format!("{path}.target_minutes"))?;
    let calendar = Calendar::from_json(
        obj.get("calendar").unwrap_or(&Value::Null),
        &format!("{path}.calendar"),
    )?;
    let pauses = pauses(obj.get("pauses"), &format!("{path}.pauses"))?;
    let warn_at = warn_at(obj.get("warn_at"), &format!("{path}.warn_at"))?;
    let stopped_path = format!("{path}.stopped_at");
    let stopped_at = time(obj.get("stopped_at"), &stopped_path)?;
    if stopped_at.is_some_and(|s| s < start) {
        return Err(err(
            ErrorCode::OutOfRange,
            stopped_path,
            "stopped_at is before start",
        ));
    }
    Ok(Clock {
        start,
        target_minutes,
        calendar,
        pauses,
        warn_at,
        stopped_at,
    })
}

fn err(code: ErrorCode, path: impl Into<String>, msg: impl Into<String>) -> RequestError {
    RequestError::new(code, path, msg)
}

/// An optional RFC 3339 time with offset (`null` counts as absent).
fn time(v: Option<&Value>, path: &str) -> Result<Option<Timestamp>, RequestError> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => crate::time_parse::instant(s).map(Some).map_err(|_| {
            err(
                ErrorCode::WrongType,
                path,
                format!("expected an RFC 3339 time with offset, got '{s}'"),
            )
        }),
        Some(_) => Err(err(
            ErrorCode::WrongType,
            path,
            "expected an RFC 3339 time with offset",
        )),
    }
}

fn target(v: Option<&Value>, path: &str) -> Result<u32, RequestError> {
    let n = match v {
        None => return Err(err(ErrorCode::MissingField, path, "missing field")),
        Some(Value::Number(n)) => n,
        Some(_) => {
            return Err(err(
                ErrorCode::WrongType,
                path,
                "expected a whole number of minutes",
            ))
        }
    };
    let x = n.as_f64().unwrap_or(f64::NAN);
    if x < 0.0 {
        return Err(err(
            ErrorCode::OutOfRange,
            path,
            "target must not be negative",
        ));
    }
    if x.fract() != 0.0 || !x.is_finite() {
        return Err(err(
            ErrorCode::WrongType,
            path,
            "expected a whole number of minutes",
        ));
    }
    if x > f64::from(MAX_TARGET_MINUTES) {
        return Err(err(
            ErrorCode::OutOfRange,
            path,
            format!("target must be at most {MAX_TARGET_MINUTES} minutes"),
        ));
    }
    Ok(x as u32)
}

fn pauses(v: Option<&Value>, path: &str) -> Result<Vec<Pause>, RequestError> {
    let list = match v {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(l)) => l,
        Some(_) => {
            return Err(err(
                ErrorCode::WrongType,
                path,
                "expected a list of {from, to}",
            ))
        }
    };
    let mut out = Vec::with_capacity(list.len());
    for (i, p) in list.iter().enumerate() {
        let at = format!("{path}[{i}]");
        let obj = p
            .as_object()
            .ok_or_else(|| err(ErrorCode::WrongType, &at, "expected {from, to}"))?;
        if let Some(key) = obj.keys().find(|k| !matches!(k.as_str(), "from" | "to")) {
            return Err(err(
                ErrorCode::OutOfRange,
                format!("{at}.{key}"),
                "unknown field; expected from, to",
            ));
        }
        let from = time(obj.get("from"), &format!("{at}.from"))?.ok_or_else(|| {
            err(
                ErrorCode::MissingField,
                format!("{at}.from"),
                "missing field",
            )
        })?;
        // A missing `to` is a pause still in effect.
        let to = time(obj.get("to"), &format!("{at}.to"))?;
        if to.is_some_and(|t| t < from) {
            return Err(err(
                ErrorCode::OutOfRange,
                at,
                "pause ends before it starts (from is after to)",
            ));
        }
        out.push(Pause { from, to });
    }
    Ok(out)
}

fn warn_at(v: Option<&Value>, path: &str) -> Result<Vec<f64>, RequestError> {
    let list = match v {
        None | Some(Value::Null) => return Ok(DEFAULT_WARN_AT.to_vec()),
        Some(Value::Array(l)) => l,
        Some(_) => {
            return Err(err(
                ErrorCode::WrongType,
                path,
                "expected a list of fractions",
            ))
        }
    };
    list.iter()
        .enumerate()
        .map(|(i, x)| {
            let at = format!("{path}[{i}]");
            let f = x
                .as_f64()
                .ok_or_else(|| err(ErrorCode::WrongType, &at, "expected a number"))?;
            if f > 0.0 && f < 1.0 {
                Ok(f)
            } else {
                Err(err(
                    ErrorCode::OutOfRange,
                    at,
                    "a warning threshold is a fraction of the target, above 0 and below 1",
                ))
            }
        })
        .collect()
}
