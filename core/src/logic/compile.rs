//! Compiling a JSON Logic value into a [`Node`] tree, once per config: the shapes this
//! module evaluates itself, and a fallback to jsonlogic-rs for any other.

use serde_json::Value;

use super::values::split_with_escape;
use super::{Arith, Cmp, Node};

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

impl Node {
    pub fn compile(v: &Value) -> Node {
        let Value::Object(map) = v else {
            return Node::Lit(v.clone());
        };
        let Some((op, args)) = map.iter().next().filter(|_| map.len() == 1) else {
            return Node::Lit(v.clone());
        };
        if !JSONLOGIC_OPS.contains(&op.as_str()) {
            return Node::Lit(v.clone());
        }
        compile_op(op, args).unwrap_or_else(|| Node::Fallback(v.clone()))
    }
}

/// `None` where jsonlogic-rs would reject the shape or where its behaviour is too odd to
/// mirror cheaply (computed var keys, computed defaults): those go to the fallback.
fn compile_op(op: &str, args: &Value) -> Option<Node> {
    // jsonlogic-rs reads a non-array argument as a one-element list for every operator
    // that can take one argument; the others reject it, which the fallback reproduces.
    let list: Vec<&Value> = match args {
        Value::Array(xs) => xs.iter().collect(),
        v => vec![v],
    };
    let non_array = !args.is_array();
    let nodes = || list.iter().map(|v| Node::compile(v)).collect::<Vec<_>>();
    let cmp = |c: Cmp, arities: &[usize]| {
        (!non_array && arities.contains(&list.len())).then(|| Node::Cmp(c, nodes()))
    };
    match op {
        "var" => compile_var(&list),
        "==" => cmp(Cmp::Eq, &[2]),
        "!=" => cmp(Cmp::Ne, &[2]),
        "===" => cmp(Cmp::StrictEq, &[2]),
        "!==" => cmp(Cmp::StrictNe, &[2]),
        "<" => cmp(Cmp::Lt, &[2, 3]),
        "<=" => cmp(Cmp::Le, &[2, 3]),
        ">" => cmp(Cmp::Gt, &[2, 3]),
        ">=" => cmp(Cmp::Ge, &[2, 3]),
        "and" if !list.is_empty() => Some(Node::And(nodes())),
        "or" if !list.is_empty() => Some(Node::Or(nodes())),
        "!" | "!!" if list.len() == 1 => {
            Some(Node::Not(Box::new(Node::compile(list[0])), op == "!!"))
        }
        "if" => Some(Node::If(nodes())),
        "in" if !non_array && list.len() == 2 => Some(Node::In(
            Box::new(Node::compile(list[0])),
            Box::new(Node::compile(list[1])),
        )),
        "+" => Some(Node::Arith(Arith::Add, nodes())),
        "*" if !list.is_empty() => Some(Node::Arith(Arith::Mul, nodes())),
        "-" if matches!(list.len(), 1 | 2) => Some(Node::Arith(Arith::Sub, nodes())),
        "/" if !non_array && list.len() == 2 => Some(Node::Arith(Arith::Div, nodes())),
        "min" if !list.is_empty() => Some(Node::Arith(Arith::Min, nodes())),
        "max" if !list.is_empty() => Some(Node::Arith(Arith::Max, nodes())),
        "missing" => Some(Node::Missing(nodes())),
        _ => None,
    }
}

/// Literal string (or null) keys and literal scalar defaults only. jsonlogic-rs evaluates a
/// default even when the key is found and re-reads its result as logic, so only defaults
/// that are plain values are compiled.
fn compile_var(list: &[&Value]) -> Option<Node> {
    let path = match list.first() {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::String(s)) => split_with_escape(s),
        Some(_) => return None,
    };
    let default = match list.get(1) {
        None => None,
        Some(d @ (Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_))) => {
            Some((*d).clone())
        }
        Some(_) => return None,
    };
    (list.len() <= 2).then_some(Node::Var(path, default))
}
