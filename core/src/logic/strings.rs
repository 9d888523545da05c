//! `cat` and `substr`.

use serde_json::Value;

use super::coerce::to_string;
use super::Failed;

pub(super) fn cat(xs: &[&Value]) -> Value {
    Value::String(xs.iter().map(|v| to_string(v)).collect())
}

/// jsonlogic-rs measures the string in bytes but cuts it in characters; kept so results
/// match on non-ASCII text too.
pub(super) fn substr(xs: &[&Value]) -> Result<Value, Failed> {
    let Value::String(s) = xs[0] else {
        return Err(Failed);
    };
    let int = |v: &Value| v.as_i64().ok_or(Failed);
    let magnitude = |i: i64| usize::try_from(i.unsigned_abs()).map_err(|_| Failed);
    let len = s.len();
    let idx = int(xs[1])?;
    let start = if idx < 0 {
        len.saturating_sub(magnitude(idx)?)
    } else {
        len.min(magnitude(idx)?)
    };
    let end = match xs.get(2) {
        None => len,
        Some(l) => {
            let l = int(l)?;
            if l < 0 {
                len.saturating_sub(magnitude(l)?)
            } else {
                len.min(start.checked_add(magnitude(l)?).unwrap_or(len))
            }
        }
    };
    let count = end.saturating_sub(start);
    Ok(Value::String(s.chars().skip(start).take(count).collect()))
}
