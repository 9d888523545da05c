//! Evaluating a compiled tree against one ticket's data.

use std::borrow::Cow;

use serde_json::Value;

use super::arrays::{contains, eval_value, map, merge, quant, reduce};
use super::coerce::{abstract_eq, abstract_gt, abstract_gte, abstract_lt, abstract_lte, strict_eq};
use super::numbers::arith;
use super::strings::{cat, substr};
use super::values::{lookup, missing, missing_some, truthy, Key};
use super::{Cmp, Data, Failed, Node, Out};

static NULL: Value = Value::Null;

fn owned<'a>(r: Result<Value, Failed>) -> Out<'a> {
    r.map(Cow::Owned)
}

fn all<'a>(xs: &'a [Node], d: Data<'a>) -> Result<Vec<Cow<'a, Value>>, Failed> {
    xs.iter().map(|x| x.eval_in(d)).collect()
}

/// Runs `f` over the evaluated arguments, as jsonlogic-rs's eager operators do.
fn with_args<'a>(
    xs: &'a [Node],
    d: Data<'a>,
    f: impl FnOnce(&[&Value]) -> Result<Value, Failed>,
) -> Out<'a> {
    let vals = all(xs, d)?;
    let refs: Vec<&Value> = vals.iter().map(|v| &**v).collect();
    owned(f(&refs))
}

impl Node {
    pub fn eval_in<'a>(&'a self, d: Data<'a>) -> Out<'a> {
        let data = d.tree;
        match self {
            Node::Lit(v) => Ok(Cow::Borrowed(v)),
            Node::Var(key, default) => Ok(match key.get(data) {
                Some(v) => v,
                None => Cow::Borrowed(default.as_ref().unwrap_or(&NULL)),
            }),
            Node::VarDyn(xs) => {
                let args = all(xs, d)?;
                let Some(k) = args.first() else {
                    return Ok(Cow::Borrowed(data));
                };
                match (Key::of(k)?.get(data), args.get(1)) {
                    (Some(v), _) => Ok(Cow::Owned(v.into_owned())),
                    (None, None) => Ok(Cow::Borrowed(&NULL)),
                    (None, Some(dflt)) => eval_value(dflt, d).map(|v| Cow::Owned(v.into_owned())),
                }
            }
            Node::Slot(slot, path, default) => {
                let found = d.slots.get(*slot).and_then(Option::as_ref);
                let found = match &path[2..] {
                    [] => found.map(Cow::Borrowed),
                    rest => found.and_then(|v| lookup(v, rest)),
                };
                Ok(found.unwrap_or(Cow::Borrowed(default.as_ref().unwrap_or(&NULL))))
            }
            Node::SlotCmp(op, slot, _, n) => {
                let v = d.slots.get(*slot).and_then(Option::as_ref).unwrap_or(&NULL);
                Ok(Cow::Owned(Value::Bool(compare(*op, v, n))))
            }
            Node::Cmp(op, args) => {
                let a = args[0].eval_in(d)?;
                let b = args[1].eval_in(d)?;
                let c = args.get(2).map(|c| c.eval_in(d)).transpose()?;
                let r = compare(*op, &a, &b) && c.is_none_or(|c| compare(*op, &b, &c));
                Ok(Cow::Owned(Value::Bool(r)))
            }
            Node::And(args) => {
                let mut last = args[0].eval_in(d)?;
                for a in &args[1..] {
                    if !truthy(&last) {
                        break;
                    }
                    last = a.eval_in(d)?;
                }
                Ok(last)
            }
            Node::Or(args) => {
                let mut last = args[0].eval_in(d)?;
                for a in &args[1..] {
                    if truthy(&last) {
                        break;
                    }
                    last = a.eval_in(d)?;
                }
                Ok(last)
            }
            Node::Not(a, keep) => Ok(Cow::Owned(Value::Bool(truthy(&*a.eval_in(d)?) == *keep))),
            Node::If(args) => eval_if(args, d),
            Node::In(needle, haystack) => {
                let n = needle.eval_in(d)?;
                let h = haystack.eval_in(d)?;
                owned(contains(&n, &h).map(Value::Bool))
            }
            Node::Arith(op, xs) => with_args(xs, d, |v| arith(*op, v)),
            Node::Cat(xs) => with_args(xs, d, |v| Ok(cat(v))),
            Node::Substr(xs) => with_args(xs, d, substr),
            Node::Merge(xs) => with_args(xs, d, |v| Ok(merge(v))),
            Node::Missing(xs) => with_args(xs, d, |v| missing(data, v)),
            Node::MissingSome(need, keys) => {
                let need = need.eval_in(d)?;
                let keys = keys.eval_in(d)?;
                owned(missing_some(data, &need, &keys))
            }
            Node::Map(items, f, keep) => owned(map(items, f, *keep, d)),
            Node::Reduce(items, f, init) => owned(reduce(items, f, init, d)),
            Node::Quant(q, items, pred) => owned(quant(*q, items, pred, d).map(Value::Bool)),
            Node::Invalid => Err(Failed),
        }
    }
}

fn compare(op: Cmp, a: &Value, b: &Value) -> bool {
    // Two numbers: what the coercions compute, without their path through strings.
    // JSON numbers are never NaN, so `>=` is `>` or `==`.
    if let (Some(x), Some(y)) = (a.as_f64(), b.as_f64()) {
        return match op {
            Cmp::Eq | Cmp::StrictEq => x == y,
            Cmp::Ne | Cmp::StrictNe => x != y,
            Cmp::Lt => x < y,
            Cmp::Le => x <= y,
            Cmp::Gt => x > y,
            Cmp::Ge => x >= y,
        };
    }
    match op {
        Cmp::Eq => abstract_eq(a, b),
        Cmp::Ne => !abstract_eq(a, b),
        Cmp::StrictEq => strict_eq(a, b),
        Cmp::StrictNe => !strict_eq(a, b),
        Cmp::Lt => abstract_lt(a, b),
        Cmp::Le => abstract_lte(a, b),
        Cmp::Gt => abstract_gt(a, b),
        Cmp::Ge => abstract_gte(a, b),
    }
}

/// `[cond, then, cond2, then2, ..., else]`, jsonlogic-rs's fold: a falsy condition whose
/// "then" is the last argument gives null.
fn eval_if<'a>(args: &'a [Node], d: Data<'a>) -> Out<'a> {
    match args {
        [] => return Ok(Cow::Borrowed(&NULL)),
        [only] => return only.eval_in(d),
        _ => {}
    }
    let mut last = Cow::Borrowed(&NULL);
    let mut was_truthy = false;
    for (i, a) in args.iter().enumerate() {
        if i % 2 == 0 {
            last = a.eval_in(d)?;
            was_truthy = truthy(&last);
        } else if was_truthy {
            return a.eval_in(d);
        } else {
            last = Cow::Borrowed(&NULL);
        }
    }
    Ok(last)
}
