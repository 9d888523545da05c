//! Reading request fields with errors that name the field by its dotted path. Handlers use
//! these instead of serde so a bad value says `parameters.customer.health_score`, not
//! "invalid type at line 1 column 87".

use jiff::tz::Offset;
use jiff::Timestamp;

use crate::time_parse::{self, TimeError};
use serde_json::{Map, Value};

use crate::error::{ErrorCode, RequestError};
use crate::scales::Scale;

/// A JSON object together with the path that led to it.
#[derive(Clone)]
pub struct Obj<'a> {
    pub map: &'a Map<String, Value>,
    pub path: String,
}

pub fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn wrong_type(path: &str, expected: &str, got: &Value) -> RequestError {
    let got = match got {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    };
    RequestError::new(
        ErrorCode::WrongType,
        path,
        format!("expected {expected}, got {got}"),
    )
}

pub fn missing(path: &str) -> RequestError {
    RequestError::new(ErrorCode::MissingField, path, "missing field")
}

pub fn as_obj<'a>(v: &'a Value, path: &str) -> Result<Obj<'a>, RequestError> {
    v.as_object()
        .map(|map| Obj {
            map,
            path: path.to_string(),
        })
        .ok_or_else(|| wrong_type(path, "an object", v))
}

impl<'a> Obj<'a> {
    /// A present, non-null field; null counts as absent so YAML `key:` behaves like omission.
    pub fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    pub fn path_of(&self, key: &str) -> String {
        join(&self.path, key)
    }

    pub fn str(&self, key: &str) -> Result<Option<&'a str>, RequestError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.as_str())),
            Some(v) => Err(wrong_type(&self.path_of(key), "a string", v)),
        }
    }

    pub fn req_str(&self, key: &str) -> Result<&'a str, RequestError> {
        self.str(key)?.ok_or_else(|| missing(&self.path_of(key)))
    }

    pub fn bool(&self, key: &str) -> Result<Option<bool>, RequestError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(v) => Err(wrong_type(&self.path_of(key), "true or false", v)),
        }
    }

    /// A number within `min..=max` (either bound optional).
    pub fn number(
        &self,
        key: &str,
        min: Option<f64>,
        max: Option<f64>,
    ) -> Result<Option<f64>, RequestError> {
        let Some(v) = self.get(key) else {
            return Ok(None);
        };
        let n = v
            .as_f64()
            .ok_or_else(|| wrong_type(&self.path_of(key), "a number", v))?;
        let below = min.is_some_and(|m| n < m);
        let above = max.is_some_and(|m| n > m);
        if below || above {
            let range = match (min, max) {
                (Some(a), Some(b)) => format!("between {a} and {b}"),
                (Some(a), None) => format!("at least {a}"),
                (None, Some(b)) => format!("at most {b}"),
                (None, None) => unreachable!("no bounds cannot be out of range"),
            };
            return Err(RequestError::new(
                ErrorCode::OutOfRange,
                self.path_of(key),
                format!("must be {range}, got {n}"),
            ));
        }
        Ok(Some(n))
    }

    /// A whole number within bounds; 2.5 escalations is a wrong type, not a rounding problem.
    pub fn integer(&self, key: &str, min: i64, max: i64) -> Result<Option<i64>, RequestError> {
        let Some(v) = self.get(key) else {
            return Ok(None);
        };
        let n = v
            .as_i64()
            .ok_or_else(|| wrong_type(&self.path_of(key), "a whole number", v))?;
        if n < min || n > max {
            return Err(RequestError::new(
                ErrorCode::OutOfRange,
                self.path_of(key),
                format!("must be between {min} and {max}, got {n}"),
            ));
        }
        Ok(Some(n))
    }

    /// [`Self::integer`] with its bounds as one pair.
    pub fn integer_in(
        &self,
        key: &str,
        (min, max): (i64, i64),
    ) -> Result<Option<i64>, RequestError> {
        self.integer(key, min, max)
    }

    /// A value from an ordered scale, returned with its rank.
    pub fn scale(
        &self,
        key: &str,
        scale: &Scale,
    ) -> Result<Option<(usize, &'a str)>, RequestError> {
        let Some(s) = self.str(key)? else {
            return Ok(None);
        };
        scale.rank(s).map(|r| Some((r, s))).ok_or_else(|| {
            RequestError::new(
                ErrorCode::OutOfRange,
                self.path_of(key),
                format!(
                    "unknown {} '{s}'; expected one of: {}",
                    scale.name,
                    scale.allowed()
                ),
            )
        })
    }

    pub fn obj(&self, key: &str) -> Result<Option<Obj<'a>>, RequestError> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => as_obj(v, &self.path_of(key)).map(Some),
        }
    }

    pub fn timestamp(&self, key: &str) -> Result<Option<Timestamp>, RequestError> {
        let Some(s) = self.str(key)? else {
            return Ok(None);
        };
        parse_timestamp(s, &self.path_of(key)).map(Some)
    }

    pub fn string_list(&self, key: &str) -> Result<Vec<&'a str>, RequestError> {
        match self.get(key) {
            None => Ok(Vec::new()),
            Some(Value::String(s)) => Ok(vec![s.as_str()]),
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    v.as_str().ok_or_else(|| {
                        wrong_type(&format!("{}.{i}", self.path_of(key)), "a string", v)
                    })
                })
                .collect(),
            Some(v) => Err(wrong_type(&self.path_of(key), "a list of strings", v)),
        }
    }
}

/// RFC 3339 instants; a bare date means midnight UTC, which is what people mean in YAML.
pub fn parse_timestamp(s: &str, path: &str) -> Result<Timestamp, RequestError> {
    let e = match time_parse::instant(s) {
        Ok(t) => return Ok(t),
        Err(e) => e,
    };
    let e = match time_parse::date(s) {
        Ok(d) => match Offset::UTC.to_timestamp(d.at(0, 0, 0, 0)) {
            Ok(t) => return Ok(t),
            Err(_) => TimeError::Range(time_parse::INSTANT_RANGE.to_string()),
        },
        Err(_) => e,
    };
    // A well-formed instant with an impossible part is out of range, not of the wrong type.
    let code = match e {
        TimeError::Range(_) => ErrorCode::OutOfRange,
        TimeError::Shape(_) => ErrorCode::WrongType,
    };
    Err(RequestError::new(
        code,
        path,
        format!(
            "expected an RFC 3339 instant like 2025-01-25T10:00:00Z, got '{s}' ({})",
            e.why()
        ),
    ))
}
