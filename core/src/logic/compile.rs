//! Compiling a JSON Logic value into a [`Node`] tree, once per config, with jsonlogic-rs's
//! parse rules: argument counts, which operators take a lone non-array argument, arrays
//! as literals (their items are not evaluated), and unknown keys as literal objects.

use serde_json::Value;

use super::values::Key;
use super::{Arith, Cmp, Items, Node, Quant};

/// Every key jsonlogic-rs reads as an operator; any other one-key object is a literal.
pub const JSONLOGIC_OPS: &[&str] = &[
    "var",
    "missing",
    "missing_some",
    "if",
    "?:",
    "==",
    "===",
    "!=",
    "!==",
    "!",
    "!!",
    "or",
    "and",
    ">",
    ">=",
    "<",
    "<=",
    "max",
    "min",
    "+",
    "-",
    "*",
    "/",
    "%",
    "map",
    "reduce",
    "filter",
    "all",
    "none",
    "some",
    "merge",
    "in",
    "cat",
    "substr",
    "log",
];

/// Argument counts jsonlogic-rs accepts, as `min..=max`.
fn arity(op: &str) -> (usize, usize) {
    match op {
        "==" | "!=" | "===" | "!==" | "/" | "%" | "in" | "missing_some" => (2, 2),
        "map" | "filter" | "all" | "some" | "none" => (2, 2),
        "reduce" => (3, 3),
        "!" | "!!" | "log" => (1, 1),
        "<" | "<=" | ">" | ">=" | "substr" => (2, 3),
        "-" => (1, 2),
        "var" => (0, 2),
        "*" | "max" | "min" | "or" | "and" => (1, usize::MAX),
        _ => (0, usize::MAX),
    }
}

/// A shape jsonlogic-rs refuses: where (`op` or `op.<index>` segments from the
/// expression's root, dot-joined) and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Invalid {
    pub at: String,
    pub reason: String,
}

/// The operator and argument list of an operator object, or `None` for a literal.
fn operation(v: &Value) -> Option<(&str, &Value)> {
    let Value::Object(map) = v else { return None };
    let (op, args) = map.iter().next().filter(|_| map.len() == 1)?;
    JSONLOGIC_OPS
        .contains(&op.as_str())
        .then_some((op.as_str(), args))
}

/// jsonlogic-rs reads a lone non-array argument as a one-item list for every operator
/// that can take one argument, and refuses it for the others.
fn arguments<'v>(op: &str, args: &'v Value) -> Result<Vec<&'v Value>, String> {
    let (min, max) = arity(op);
    let list: Vec<&Value> = match args {
        Value::Array(xs) => xs.iter().collect(),
        v if (min..=max).contains(&1) => vec![v],
        _ => return Err(format!("'{op}' takes an array of arguments")),
    };
    if op == "log" {
        return Err("'log' is not supported".into());
    }
    if !(min..=max).contains(&list.len()) {
        return Err(format!(
            "'{op}' takes {}, got {}",
            count(min, max),
            list.len()
        ));
    }
    Ok(list)
}

fn count(min: usize, max: usize) -> String {
    match (min, max) {
        (m, usize::MAX) => format!("at least {m} arguments"),
        (m, n) if m == n => format!("{m} argument{}", if m == 1 { "" } else { "s" }),
        (m, n) => format!("{m} to {n} arguments"),
    }
}

/// Checks every operator in `v`, also those jsonlogic-rs would only parse when reached
/// (in `if`, `and`, `or` and the array operators' expressions), since a malformed branch is
/// a rule that fails the day it is taken.
pub fn check(v: &Value) -> Result<(), Invalid> {
    fn walk(v: &Value, at: &str) -> Result<(), Invalid> {
        let join = |seg: &str| {
            if at.is_empty() {
                seg.to_string()
            } else {
                format!("{at}.{seg}")
            }
        };
        if let Some((op, args)) = operation(v) {
            let here = join(op);
            arguments(op, args).map_err(|reason| Invalid {
                at: here.clone(),
                reason,
            })?;
            return match args {
                Value::Array(_) => walk(args, &here),
                one => walk(one, &here),
            };
        }
        match v {
            Value::Array(xs) => xs
                .iter()
                .enumerate()
                .try_for_each(|(i, x)| walk(x, &join(&i.to_string()))),
            _ => Ok(()),
        }
    }
    walk(v, "")
}

impl Node {
    pub fn compile(v: &Value) -> Node {
        let Some((op, args)) = operation(v) else {
            return Node::Lit(v.clone());
        };
        match arguments(op, args) {
            Ok(list) => compile_op(op, &list),
            Err(_) => Node::Invalid,
        }
    }
}

/// jsonlogic-rs parses an operator's arguments up front, so one malformed argument makes
/// the whole operator fail, except for the operators that parse an argument only when
/// they reach it (`if`, `and`, `or`, the array operators): those keep it as
/// [`Node::Invalid`], which fails when evaluated.
fn compile_op(op: &str, list: &[&Value]) -> Node {
    let lazy = || list.iter().map(|v| Node::compile(v)).collect::<Vec<_>>();
    let eager = || {
        let xs = lazy();
        match xs.iter().any(|x| matches!(x, Node::Invalid)) {
            true => Err(()),
            false => Ok(xs),
        }
    };
    let Ok(xs) = (match op {
        "if" | "?:" | "and" | "or" | "map" | "filter" | "reduce" | "all" | "some" | "none" => {
            Ok(lazy())
        }
        _ => eager(),
    }) else {
        return Node::Invalid;
    };
    let cmp = |c: Cmp| Node::Cmp(c, xs.clone());
    let arith = |a: Arith| Node::Arith(a, xs.clone());
    let mut it = xs.clone().into_iter().map(Box::new);
    let mut next = || it.next().expect("counted");
    match op {
        "var" => compile_var(list, xs),
        "==" => cmp(Cmp::Eq),
        "!=" => cmp(Cmp::Ne),
        "===" => cmp(Cmp::StrictEq),
        "!==" => cmp(Cmp::StrictNe),
        "<" => cmp(Cmp::Lt),
        "<=" => cmp(Cmp::Le),
        ">" => cmp(Cmp::Gt),
        ">=" => cmp(Cmp::Ge),
        "and" => Node::And(xs),
        "or" => Node::Or(xs),
        "!" | "!!" => Node::Not(next(), op == "!!"),
        "if" | "?:" => Node::If(xs),
        "in" => Node::In(next(), next()),
        "+" => arith(Arith::Add),
        "*" => arith(Arith::Mul),
        "-" => arith(Arith::Sub),
        "/" => arith(Arith::Div),
        "%" => arith(Arith::Mod),
        "min" => arith(Arith::Min),
        "max" => arith(Arith::Max),
        "cat" => Node::Cat(xs),
        "substr" => Node::Substr(xs),
        "merge" => Node::Merge(xs),
        "missing" => Node::Missing(xs),
        "missing_some" => Node::MissingSome(next(), next()),
        "map" | "filter" => Node::Map(next(), next(), op == "map"),
        "reduce" => Node::Reduce(next(), next(), next()),
        _ => {
            let q = match op {
                "all" => Quant::All,
                "some" => Quant::Some,
                _ => Quant::None,
            };
            let _ = next();
            Node::Quant(q, quant_items(list[0]), next())
        }
    }
}

/// jsonlogic-rs evaluates the list of `all`/`some`/`none` only when it is an object; any
/// other value is the list as written.
fn quant_items(v: &Value) -> Items {
    match v {
        Value::Object(_) => Items::Computed(Box::new(Node::compile(v))),
        Value::Array(xs) => Items::Known(xs.iter().map(Node::compile).collect()),
        Value::String(s) => Items::Known(
            s.chars()
                .map(|c| Node::Lit(Value::String(c.to_string())))
                .collect(),
        ),
        Value::Null => Items::Known(Vec::new()),
        _ => Items::Bad,
    }
}

/// A literal key and a literal default (jsonlogic-rs reads a default's value again as
/// logic, which only matters when it is computed) compile to a plain lookup.
fn compile_var(list: &[&Value], xs: Vec<Node>) -> Node {
    let key = match xs.first() {
        None => Some(Key::Whole),
        // A key jsonlogic-rs refuses fails when evaluated, not when parsed.
        Some(Node::Lit(k)) => Key::of(k).ok(),
        Some(_) => None,
    };
    match (key, xs.get(1)) {
        (Some(key), None) => Node::Var(key, None),
        (Some(key), Some(Node::Lit(_))) => Node::Var(key, Some(list[1].clone())),
        _ => Node::VarDyn(xs),
    }
}
