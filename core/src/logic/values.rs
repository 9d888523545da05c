//! Reading data the way jsonlogic-rs does: `var` keys (paths with escapes, negative
//! indexes, numbers), `missing`, `missing_some` and truthiness.

use std::borrow::Cow;

use serde_json::Value;

use super::Failed;

/// A `var` or `missing` key once read: the whole data, a dotted path, or a number.
#[derive(Debug, Clone, PartialEq)]
pub enum Key {
    /// `null` or `""`.
    Whole,
    /// Split on unescaped dots. Empty only for keys like `"\\"`, which name the whole data
    /// when it can be indexed and nothing otherwise.
    Path(Vec<String>),
    Index(i64),
}

impl Key {
    /// `Err` for the keys jsonlogic-rs refuses: booleans, arrays, objects, non-integers.
    pub(super) fn of(v: &Value) -> Result<Key, Failed> {
        match v {
            Value::Null => Ok(Key::Whole),
            Value::String(s) if s.is_empty() => Ok(Key::Whole),
            Value::String(s) => Ok(Key::Path(split_with_escape(s))),
            Value::Number(n) => n.as_i64().map(Key::Index).ok_or(Failed),
            _ => Err(Failed),
        }
    }

    pub(super) fn get<'a>(&self, data: &'a Value) -> Option<Cow<'a, Value>> {
        match self {
            Key::Whole => Some(Cow::Borrowed(data)),
            Key::Path(path) => lookup(data, path),
            Key::Index(i) => match data {
                Value::Object(_) => lookup(data, &split_with_escape(&i.to_string())),
                Value::Array(xs) => index(xs, *i).map(Cow::Borrowed),
                Value::String(s) => char_at(s, *i),
                _ => None,
            },
        }
    }
}

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
        Value::String(s) => char_at(s, seg.parse().ok()?),
        _ => None,
    }
}

fn char_at<'a>(s: &str, i: i64) -> Option<Cow<'a, Value>> {
    let chars: Vec<char> = s.chars().collect();
    index(&chars, i).map(|c| Cow::Owned(Value::String(c.to_string())))
}

fn index<T>(xs: &[T], i: i64) -> Option<&T> {
    let abs = usize::try_from(i.unsigned_abs()).ok()?;
    xs.get(if i >= 0 {
        abs
    } else {
        xs.len().checked_sub(abs)?
    })
}

/// `missing`: keys (or the first argument's keys, when it is an array) not in the data.
pub(super) fn missing(data: &Value, args: &[&Value]) -> Result<Value, Failed> {
    let keys: Vec<&Value> = match args.first() {
        Some(Value::Array(xs)) => xs.iter().collect(),
        _ => args.to_vec(),
    };
    let mut out = Vec::new();
    for k in keys {
        match Key::of(k)? {
            Key::Whole if k.is_null() => {}
            key => {
                if key.get(data).is_none() {
                    out.push(k.clone());
                }
            }
        }
    }
    Ok(Value::Array(out))
}

/// `missing_some`: nothing once `need` keys are present, else the missing ones. As in
/// jsonlogic-rs, keys after the threshold is met are not looked at (nor checked), null
/// keys are skipped, and a missing key listed twice counts as present the second time.
pub(super) fn missing_some(data: &Value, need: &Value, keys: &Value) -> Result<Value, Failed> {
    let need = need.as_u64().ok_or(Failed)?;
    let Value::Array(keys) = keys else {
        return Err(Failed);
    };
    let mut out: Vec<Value> = Vec::new();
    let mut present = 0u64;
    for k in keys {
        if present >= need {
            break;
        }
        match Key::of(k)? {
            Key::Whole if k.is_null() => {}
            key => {
                if key.get(data).is_none() && !out.contains(k) {
                    out.push(k.clone());
                } else {
                    present += 1;
                }
            }
        }
    }
    Ok(Value::Array(if present >= need { Vec::new() } else { out }))
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
