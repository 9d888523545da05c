//! Reading data the way jsonlogic-rs does: `var` paths with escapes and negative indexes,
//! `missing`, number results and truthiness.

use std::borrow::Cow;

use serde_json::{Number, Value};

use super::Failed;

/// jsonlogic-rs's key splitting: `\` escapes the next character, a trailing empty segment
/// is dropped.
pub(super) fn split_with_escape(input: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut part = String::new();
    let mut escape = false;
    for c in input.chars() {
        if escape {
            part.push(c);
            escape = false;
        } else if c == '\\' {
            escape = true;
        } else if c == '.' {
            out.push(std::mem::take(&mut part));
        } else {
            part.push(c);
        }
    }
    if !part.is_empty() {
        out.push(part);
    }
    out
}

/// Walks a split path: objects by key, arrays and strings by (possibly negative) index.
pub(super) fn lookup<'a>(data: &'a Value, path: &[String]) -> Option<Cow<'a, Value>> {
    if path.is_empty() {
        return Some(Cow::Borrowed(data));
    }
    if !matches!(data, Value::Object(_) | Value::Array(_) | Value::String(_)) {
        return None;
    }
    let mut cur = Cow::Borrowed(data);
    for seg in path {
        cur = match cur {
            Cow::Borrowed(v) => step(v, seg)?,
            Cow::Owned(v) => Cow::Owned(step(&v, seg)?.into_owned()),
        };
    }
    Some(cur)
}

fn step<'a>(v: &'a Value, seg: &str) -> Option<Cow<'a, Value>> {
    match v {
        Value::Object(m) => m.get(seg).map(Cow::Borrowed),
        Value::Array(xs) => index(xs, seg.parse().ok()?).map(Cow::Borrowed),
        Value::String(s) => {
            let chars: Vec<char> = s.chars().collect();
            index(&chars, seg.parse().ok()?).map(|c| Cow::Owned(Value::String(c.to_string())))
        }
        _ => None,
    }
}

pub(super) fn index<T>(xs: &[T], i: i64) -> Option<&T> {
    let abs = usize::try_from(i.unsigned_abs()).ok()?;
    xs.get(if i >= 0 {
        abs
    } else {
        xs.len().checked_sub(abs)?
    })
}

/// `missing`: keys (or one array of keys) not found in the data, as given.
pub(super) fn missing(data: &Value, args: &[Cow<'_, Value>]) -> Result<Vec<Value>, Failed> {
    let keys: Vec<&Value> = match args.first().map(|a| &**a) {
        Some(Value::Array(xs)) => xs.iter().collect(),
        _ => args.iter().map(|a| &**a).collect(),
    };
    let mut out = Vec::new();
    for k in keys {
        let found = match k {
            Value::Null => continue,
            Value::String(s) if s.is_empty() => true,
            Value::String(s) => lookup(data, &split_with_escape(s)).is_some(),
            Value::Number(n) => {
                let i = n.as_i64().ok_or(Failed)?;
                match data {
                    Value::Object(_) => lookup(data, &split_with_escape(&i.to_string())).is_some(),
                    Value::Array(xs) => index(xs, i).is_some(),
                    Value::String(s) => index(&s.chars().collect::<Vec<_>>(), i).is_some(),
                    _ => false,
                }
            }
            _ => return Err(Failed),
        };
        if !found {
            out.push(k.clone());
        }
    }
    Ok(out)
}

/// jsonlogic-rs's number results: whole numbers as integers, NaN and infinities an error.
pub(super) fn number_value(n: f64) -> Result<Value, Failed> {
    if n.fract() == 0.0 {
        Ok(Value::Number(Number::from(n as i64)))
    } else {
        Number::from_f64(n).map(Value::Number).ok_or(Failed)
    }
}

pub fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(_) => true,
    }
}
