//! JSON Logic compiled once per config into a small tree, so a ticket costs a walk over
//! borrowed data instead of jsonlogic-rs re-reading the rule's JSON and cloning every value
//! it touches. jsonlogic-rs stays the reference: operator semantics (coercions, equality,
//! arithmetic) are its own `js_op` functions, every shape this module does not know is
//! handed to `jsonlogic_rs::apply` unchanged, and the tests in `rules.rs` check the two
//! agree. Only truthiness and "did it error" matter to a rule, but values are kept exact so
//! nested expressions see what jsonlogic-rs would give them.

use std::borrow::Cow;

use jsonlogic_rs::js_op;
use serde_json::Value;

mod compile;
mod values;

pub use compile::JSONLOGIC_OPS;
pub use values::truthy;
use values::{lookup, missing, number_value};

static NULL: Value = Value::Null;

/// Evaluation failed; the rule does not match (as with an error from jsonlogic-rs).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Failed;

type Out<'a> = Result<Cow<'a, Value>, Failed>;

/// What an expression reads: the data tree, and values slotted by [`Node::slotted`]
/// (`None`: the key is absent, so a default applies).
#[derive(Clone, Copy)]
pub struct Data<'a> {
    pub tree: &'a Value,
    pub slots: &'a [Option<Value>],
}

#[derive(Debug, Clone, Copy)]
pub enum Cmp {
    Eq,
    Ne,
    StrictEq,
    StrictNe,
    Lt,
    Le,
    Gt,
    Ge,
}

#[derive(Debug, Clone, Copy)]
pub enum Arith {
    Add,
    Mul,
    Sub,
    Div,
    Min,
    Max,
}

#[derive(Debug, Clone)]
pub enum Node {
    Lit(Value),
    /// A path already split on unescaped dots; empty means the whole data.
    Var(Vec<String>, Option<Value>),
    /// A `Var` whose first two segments name a slot the caller fills per evaluation
    /// (`facts.severity_rank`): read by index instead of through two map lookups, and the
    /// caller builds no map. The path is kept whole; the slot stands for `path[..2]`.
    Slot(usize, Vec<String>, Option<Value>),
    /// `{op: [slot, number]}`, the commonest condition (`facts.severity_rank >= 2`), in one
    /// step: the slot is read and compared without evaluating two child nodes.
    SlotCmp(Cmp, usize, Vec<String>, Value),
    /// The 2 or 3 operands (3 = "between": a op b and b op c).
    Cmp(Cmp, Vec<Node>),
    And(Vec<Node>),
    Or(Vec<Node>),
    Not(Box<Node>, bool),
    If(Vec<Node>),
    In(Box<Node>, Box<Node>),
    Arith(Arith, Vec<Node>),
    Missing(Vec<Node>),
    /// A shape this module does not compile: jsonlogic-rs evaluates it as written.
    Fallback(Value),
}

impl Node {
    /// Whether evaluating may look at `root` (a top-level key of the data). Conservative:
    /// anything that can see the whole data (an empty path, `missing`, the fallback) says yes.
    pub fn reads(&self, root: &str) -> bool {
        match self {
            Node::Lit(_) => false,
            Node::Var(path, _) | Node::Slot(_, path, _) | Node::SlotCmp(_, _, path, _) => {
                path.first().is_none_or(|k| k == root)
            }
            Node::Cmp(_, xs) | Node::And(xs) | Node::Or(xs) | Node::If(xs) | Node::Arith(_, xs) => {
                xs.iter().any(|x| x.reads(root))
            }
            Node::Not(a, _) => a.reads(root),
            Node::In(a, b) => a.reads(root) || b.reads(root),
            Node::Missing(_) | Node::Fallback(_) => true,
        }
    }

    /// Adds to `keys` the keys under `root` that evaluating may read; `false` when it may
    /// read any (all of `root` or of the data, or through `missing` or a fallback), which
    /// leaves `keys` incomplete.
    pub fn keys_under(&self, root: &str, keys: &mut Vec<String>) -> bool {
        match self {
            Node::Lit(_) => true,
            Node::Var(path, _) | Node::Slot(_, path, _) | Node::SlotCmp(_, _, path, _) => {
                match path.as_slice() {
                    [] => false,
                    [r] => r != root,
                    [r, k, ..] => {
                        if r == root && !keys.contains(k) {
                            keys.push(k.clone());
                        }
                        true
                    }
                }
            }
            Node::Cmp(_, xs) | Node::And(xs) | Node::Or(xs) | Node::If(xs) | Node::Arith(_, xs) => {
                xs.iter().all(|x| x.keys_under(root, keys))
            }
            Node::Not(a, _) => a.keys_under(root, keys),
            Node::In(a, b) => a.keys_under(root, keys) && b.keys_under(root, keys),
            Node::Missing(_) | Node::Fallback(_) => false,
        }
    }

    /// Rewrites every `var` of `root.<key>...` whose key `slot_of` numbers into a
    /// [`Node::Slot`]. Only sound when nothing reads `root` any other way (a bare `root`,
    /// `missing`, a fallback), as [`Node::keys_under`] tells; the caller then leaves `root`
    /// out of the tree.
    pub fn slotted(self, root: &str, slot_of: &dyn Fn(&str) -> Option<usize>) -> Node {
        let all = |xs: Vec<Node>| xs.into_iter().map(|x| x.slotted(root, slot_of)).collect();
        let one = |x: Box<Node>| Box::new(x.slotted(root, slot_of));
        match self {
            Node::Var(path, default) => {
                match (path.first(), path.get(1).and_then(|k| slot_of(k))) {
                    (Some(r), Some(slot)) if r == root => Node::Slot(slot, path, default),
                    _ => Node::Var(path, default),
                }
            }
            Node::Cmp(op, xs) => match <[Node; 2]>::try_from(all(xs)) {
                Ok([Node::Slot(slot, path, None), Node::Lit(n @ Value::Number(_))])
                    if path.len() == 2 =>
                {
                    Node::SlotCmp(op, slot, path, n)
                }
                Ok(two) => Node::Cmp(op, two.into()),
                Err(xs) => Node::Cmp(op, xs),
            },
            Node::And(xs) => Node::And(all(xs)),
            Node::Or(xs) => Node::Or(all(xs)),
            Node::If(xs) => Node::If(all(xs)),
            Node::Arith(op, xs) => Node::Arith(op, all(xs)),
            Node::Not(a, keep) => Node::Not(one(a), keep),
            Node::In(a, b) => Node::In(one(a), one(b)),
            other => other,
        }
    }

    /// Evaluates against a data tree alone (no slots).
    #[cfg(test)]
    pub fn eval<'a>(&'a self, data: &'a Value) -> Out<'a> {
        self.eval_in(Data {
            tree: data,
            slots: &[],
        })
    }

    pub fn eval_in<'a>(&'a self, d: Data<'a>) -> Out<'a> {
        let data = d.tree;
        match self {
            Node::Lit(v) => Ok(Cow::Borrowed(v)),
            Node::Var(path, default) => Ok(match lookup(data, path) {
                Some(v) => v,
                None => Cow::Borrowed(default.as_ref().unwrap_or(&NULL)),
            }),
            Node::Slot(slot, path, default) => {
                let found = d.slots.get(*slot).and_then(Option::as_ref);
                Ok(match found.and_then(|v| lookup(v, &path[2..])) {
                    Some(v) => v,
                    None => Cow::Borrowed(default.as_ref().unwrap_or(&NULL)),
                })
            }
            Node::SlotCmp(op, slot, _, n) => {
                let v = d.slots.get(*slot).and_then(Option::as_ref).unwrap_or(&NULL);
                Ok(Cow::Owned(Value::Bool(compare(*op, v, n))))
            }
            Node::Cmp(op, args) => {
                let a = args[0].eval_in(d)?;
                let b = args[1].eval_in(d)?;
                let mut r = compare(*op, &a, &b);
                if let Some(third) = args.get(2) {
                    let c = third.eval_in(d)?;
                    r = r && compare(*op, &b, &c);
                }
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
                let found = match (&*h, &*n) {
                    (Value::Null, _) => false,
                    (Value::Array(xs), n) => xs.contains(n),
                    (Value::String(s), Value::String(n)) => s.contains(n.as_str()),
                    _ => return Err(Failed),
                };
                Ok(Cow::Owned(Value::Bool(found)))
            }
            Node::Arith(op, args) => {
                let vals = args
                    .iter()
                    .map(|a| a.eval_in(d))
                    .collect::<Result<Vec<_>, _>>()?;
                let refs: Vec<&Value> = vals.iter().map(|v| &**v).collect();
                let n = match op {
                    Arith::Add => js_op::parse_float_add(&refs),
                    Arith::Mul => js_op::parse_float_mul(&refs),
                    Arith::Sub if refs.len() == 1 => js_op::to_negative(refs[0]),
                    Arith::Sub => js_op::abstract_minus(refs[0], refs[1]),
                    Arith::Div => js_op::abstract_div(refs[0], refs[1]),
                    Arith::Min => js_op::abstract_min(&refs),
                    Arith::Max => js_op::abstract_max(&refs),
                }
                .map_err(|_| Failed)?;
                number_value(n).map(Cow::Owned)
            }
            Node::Missing(args) => {
                let vals = args
                    .iter()
                    .map(|a| a.eval_in(d))
                    .collect::<Result<Vec<_>, _>>()?;
                missing(data, &vals).map(|m| Cow::Owned(Value::Array(m)))
            }
            Node::Fallback(v) => jsonlogic_rs::apply(v, data)
                .map(Cow::Owned)
                .map_err(|_| Failed),
        }
    }
}

fn compare(op: Cmp, a: &Value, b: &Value) -> bool {
    // Two numbers: what js_op computes, without its coercion path (which formats each
    // operand as a string first). JSON numbers are never NaN, so `>=` is `>` or `==`.
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
        Cmp::Eq => js_op::abstract_eq(a, b),
        Cmp::Ne => js_op::abstract_ne(a, b),
        Cmp::StrictEq => strict_eq(a, b),
        Cmp::StrictNe => !strict_eq(a, b),
        Cmp::Lt => js_op::abstract_lt(a, b),
        Cmp::Le => js_op::abstract_lte(a, b),
        Cmp::Gt => js_op::abstract_gt(a, b),
        Cmp::Ge => js_op::abstract_gte(a, b),
    }
}

/// jsonlogic-rs compares copies, so two arrays or objects are never strictly equal there,
/// even when both sides read the same variable (here: the same borrowed value).
fn strict_eq(a: &Value, b: &Value) -> bool {
    !matches!(a, Value::Array(_) | Value::Object(_)) && js_op::strict_eq(a, b)
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

#[cfg(test)]
mod tests;
