//! jsonlogic-rs 0.5's JavaScript-like coercions (its `js_op` module), reproduced rule for
//! rule because results must stay identical to it, including where it departs from
//! JavaScript (`<=` is `<` or `==`, no trimming before a string is read as a number,
//! strings compared by bytes).

use serde_json::{Number, Value};

pub(super) fn to_string(v: &Value) -> String {
    match v {
        Value::Object(_) => "[object Object]".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Null => "null".to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        Value::Array(xs) => xs
            .iter()
            .map(|x| match x {
                Value::Null => String::new(),
                x => to_string(x),
            })
            .collect::<Vec<_>>()
            .join(","),
    }
}

/// `None` for the values JavaScript turns into a string first.
fn primitive_number(v: &Value) -> Option<f64> {
    match v {
        Value::Bool(b) => Some(if *b { 1.0 } else { 0.0 }),
        Value::Null => Some(0.0),
        Value::Number(n) => n.as_f64(),
        _ => None,
    }
}

pub(super) fn str_to_number(s: &str) -> Option<f64> {
    if s.is_empty() {
        Some(0.0)
    } else {
        s.parse().ok()
    }
}

enum Primitive {
    Str(String),
    Num(f64),
}

fn primitive(v: &Value) -> Primitive {
    primitive_number(v).map_or_else(|| Primitive::Str(to_string(v)), Primitive::Num)
}

pub(super) fn to_number(v: &Value) -> Option<f64> {
    match primitive(v) {
        Primitive::Num(n) => Some(n),
        Primitive::Str(s) => str_to_number(&s),
    }
}

pub(super) fn abstract_eq(a: &Value, b: &Value) -> bool {
    use Value::*;
    match (a, b) {
        (Null, Null) => true,
        (Number(x), Number(y)) => x.as_f64() == y.as_f64(),
        (String(x), String(y)) => x == y,
        (Bool(x), Bool(y)) => x == y,
        (Number(x), String(y)) | (String(y), Number(x)) => {
            str_to_number(y).is_some_and(|y| x.as_f64() == Some(y))
        }
        (Bool(x), _) => abstract_eq(&bool_number(*x), b),
        (_, Bool(y)) => abstract_eq(a, &bool_number(*y)),
        (String(_) | Number(_), Array(_) | Object(_)) => abstract_eq(a, &String(to_string(b))),
        (Array(_) | Object(_), String(_) | Number(_)) => abstract_eq(&String(to_string(a)), b),
        _ => false,
    }
}

/// jsonlogic-rs turns a boolean into the float 1.0 or 0.0 before comparing again.
fn bool_number(b: bool) -> Value {
    Value::Number(Number::from_f64(if b { 1.0 } else { 0.0 }).expect("finite"))
}

/// jsonlogic-rs compares copies of its operands, so two arrays or objects are never
/// strictly equal there, not even one variable read twice.
pub(super) fn strict_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::String(x), Value::String(y)) => x == y,
        _ => false,
    }
}

fn relate(a: &Value, b: &Value, num: fn(f64, f64) -> bool, text: fn(&str, &str) -> bool) -> bool {
    match (primitive(a), primitive(b)) {
        (Primitive::Str(x), Primitive::Str(y)) => text(&x, &y),
        (Primitive::Num(x), Primitive::Num(y)) => num(x, y),
        (Primitive::Str(x), Primitive::Num(y)) => str_to_number(&x).is_some_and(|x| num(x, y)),
        (Primitive::Num(x), Primitive::Str(y)) => str_to_number(&y).is_some_and(|y| num(x, y)),
    }
}

pub(super) fn abstract_lt(a: &Value, b: &Value) -> bool {
    relate(a, b, |x, y| x < y, |x, y| x < y)
}

pub(super) fn abstract_gt(a: &Value, b: &Value) -> bool {
    relate(a, b, |x, y| x > y, |x, y| x > y)
}

pub(super) fn abstract_lte(a: &Value, b: &Value) -> bool {
    abstract_lt(a, b) || abstract_eq(a, b)
}

pub(super) fn abstract_gte(a: &Value, b: &Value) -> bool {
    abstract_gt(a, b) || abstract_eq(a, b)
}

const NUMERIC: &[char] = &[
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '.', '-', '+', 'e', 'E',
];

/// `+` and `*` read operands like JavaScript's `parseFloat` as jsonlogic-rs approximates
/// it: the longest run of number characters (one `.` at most) after trimming, a trailing
/// exponent letter dropped, and the run then parsed whole (so `"1-2"` is no number).
fn parse_float_str(s: &str) -> Option<f64> {
    let mut run = String::new();
    let mut saw_dot = false;
    for c in s.trim().chars() {
        if !NUMERIC.contains(&c) || (saw_dot && c == '.') {
            break;
        }
        saw_dot |= c == '.';
        run.push(c);
    }
    if run.is_empty() {
        return None;
    }
    if run.ends_with(['e', 'E']) {
        run.pop();
    }
    run.parse().ok()
}

pub(super) fn parse_float(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => parse_float_str(s),
        other => parse_float_str(&to_string(other)),
    }
}
