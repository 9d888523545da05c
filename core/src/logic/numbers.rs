//! Arithmetic: `+ - * / % min max` over coerced operands, and the number a result becomes.

use serde_json::{Number, Value};

use super::coerce::{parse_float, to_number};
use super::{Arith, Failed};

pub(super) fn arith(op: Arith, xs: &[&Value]) -> Result<Value, Failed> {
    let num = |v: &Value| to_number(v).ok_or(Failed);
    let n = match op {
        Arith::Add => xs
            .iter()
            .try_fold(0.0, |t, v| Ok(t + parse_float(v).ok_or(Failed)?))?,
        Arith::Mul => xs
            .iter()
            .try_fold(1.0, |t, v| Ok(t * parse_float(v).ok_or(Failed)?))?,
        Arith::Sub if xs.len() == 1 => -num(xs[0])?,
        Arith::Sub => num(xs[0])? - num(xs[1])?,
        Arith::Div => num(xs[0])? / num(xs[1])?,
        Arith::Mod => num(xs[0])? % num(xs[1])?,
        // A NaN operand never wins the comparison, as in jsonlogic-rs's fold.
        Arith::Min => xs.iter().try_fold(f64::INFINITY, |m, v| {
            num(v).map(|n| if n < m { n } else { m })
        })?,
        Arith::Max => xs.iter().try_fold(f64::NEG_INFINITY, |m, v| {
            num(v).map(|n| if n > m { n } else { m })
        })?,
    };
    number_value(n)
}

/// jsonlogic-rs's number results: whole numbers as integers (saturating), NaN and
/// infinities an error.
pub(super) fn number_value(n: f64) -> Result<Value, Failed> {
    if n.fract() == 0.0 {
        Ok(Value::Number(Number::from(n as i64)))
    } else {
        Number::from_f64(n).map(Value::Number).ok_or(Failed)
    }
}
