//! Operators over lists: `map`, `filter`, `reduce`, `all`, `some`, `none`, `merge`, `in`.

use std::borrow::Cow;

use serde_json::{Map, Value};

use super::{truthy, Data, Failed, Items, Node, Out, Quant};

/// The items `map`, `filter` and `reduce` accept: an array, or null as none.
fn list(v: &Value) -> Result<&[Value], Failed> {
    match v {
        Value::Array(xs) => Ok(xs),
        Value::Null => Ok(&[]),
        _ => Err(Failed),
    }
}

/// Evaluates `f` with `item` as the whole data.
fn apply(f: &Node, item: &Value) -> Result<Value, Failed> {
    f.eval(item).map(Cow::into_owned)
}

/// jsonlogic-rs parses the expression before looking at the items, so a malformed one
/// fails even over no items.
pub(super) fn map(items: &Node, f: &Node, keep_result: bool, d: Data<'_>) -> Result<Value, Failed> {
    let items = items.eval_in(d)?;
    let xs = list(&items)?;
    if matches!(f, Node::Invalid) {
        return Err(Failed);
    }
    let mut out = Vec::with_capacity(xs.len());
    for x in xs {
        let r = apply(f, x)?;
        if keep_result {
            out.push(r);
        } else if truthy(&r) {
            out.push(x.clone());
        }
    }
    Ok(Value::Array(out))
}

pub(super) fn reduce(items: &Node, f: &Node, init: &Node, d: Data<'_>) -> Result<Value, Failed> {
    let items = items.eval_in(d)?;
    let mut acc = init.eval_in(d)?.into_owned();
    let xs = list(&items)?;
    if matches!(f, Node::Invalid) {
        return Err(Failed);
    }
    for x in xs {
        let mut scope = Map::with_capacity(2);
        scope.insert("current".into(), x.clone());
        scope.insert("accumulator".into(), acc);
        acc = apply(f, &Value::Object(scope))?;
    }
    Ok(acc)
}

/// Evaluates a value met at run time as logic (an item of a computed `all` list, a `var`
/// default), as jsonlogic-rs re-reads such values.
pub(super) fn eval_value<'a>(v: &'a Value, d: Data<'_>) -> Out<'a> {
    match v {
        Value::Object(m) if m.len() == 1 => Node::compile(v)
            .eval_in(d)
            .map(|r| Cow::Owned(r.into_owned())),
        _ => Ok(Cow::Borrowed(v)),
    }
}

/// No items gives false for `all` and `some` alike (so `none` is true), before the
/// predicate is even parsed.
pub(super) fn quant(q: Quant, items: &Items, pred: &Node, d: Data<'_>) -> Result<bool, Failed> {
    let computed;
    let chars: Vec<Value>;
    let found = match items {
        Items::Bad => return Err(Failed),
        Items::Known(xs) => {
            if xs.is_empty() {
                false
            } else {
                scan(q, pred, xs.iter().map(|x| x.eval_in(d)))?
            }
        }
        Items::Computed(node) => {
            computed = node.eval_in(d)?;
            let xs: &[Value] = match &*computed {
                Value::Array(xs) => xs,
                Value::String(s) => {
                    chars = s.chars().map(|c| Value::String(c.to_string())).collect();
                    &chars
                }
                Value::Null => &[],
                _ => return Err(Failed),
            };
            if xs.is_empty() {
                false
            } else {
                scan(q, pred, xs.iter().map(|x| eval_value(x, d)))?
            }
        }
    };
    Ok(if q == Quant::None { !found } else { found })
}

/// `all`: whether every item passes; `some`/`none`: whether one does. Stops at the first
/// item that decides, leaving later ones unevaluated.
fn scan<'a>(q: Quant, pred: &Node, items: impl Iterator<Item = Out<'a>>) -> Result<bool, Failed> {
    if matches!(pred, Node::Invalid) {
        return Err(Failed);
    }
    let all = q == Quant::All;
    for item in items {
        let item = item?;
        let passed = pred.eval(&item).map(|r| truthy(&r))?;
        if passed != all {
            return Ok(!all);
        }
    }
    Ok(all)
}

pub(super) fn merge(xs: &[&Value]) -> Value {
    let mut out = Vec::new();
    for x in xs {
        match x {
            Value::Array(items) => out.extend(items.iter().cloned()),
            other => out.push((*other).clone()),
        }
    }
    Value::Array(out)
}

/// Containment by JSON equality in arrays; a string needs a string needle.
pub(super) fn contains(needle: &Value, haystack: &Value) -> Result<bool, Failed> {
    match (haystack, needle) {
        (Value::Null, _) => Ok(false),
        (Value::Array(xs), n) => Ok(xs.contains(n)),
        (Value::String(s), Value::String(n)) => Ok(s.contains(n.as_str())),
        _ => Err(Failed),
    }
}
