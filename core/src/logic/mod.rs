//! JSON Logic compiled once per config into a small tree, so a ticket costs a walk over
//! borrowed data instead of re-reading the rule's JSON and cloning every value it touches.
//! The semantics are jsonlogic-rs 0.5's, operator for operator (its coercions in
//! `coerce.rs`, its argument checks in `compile.rs`); jsonlogic-rs itself is only a
//! dev-dependency, the reference the tests in `tests.rs` compare with. Only truthiness and
//! "did it error" matter to a rule, but values are kept exact so nested expressions see
//! what jsonlogic-rs would give them.

use std::borrow::Cow;

use serde_json::Value;

mod arrays;
mod coerce;
mod compile;
mod eval;
mod numbers;
mod reads;
mod strings;
mod values;

pub use compile::{check, JSONLOGIC_OPS};
pub use values::truthy;
use values::Key;

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
    Mod,
    Min,
    Max,
}

/// `all`, `some`, `none`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Quant {
    All,
    Some,
    None,
}

/// What `all`/`some`/`none` walk over.
#[derive(Debug, Clone)]
pub enum Items {
    /// Known when compiling: a literal array's items (each itself logic), a string's
    /// characters, or nothing (null).
    Known(Vec<Node>),
    /// Computed: each item of the result is read as logic when it is reached.
    Computed(Box<Node>),
    /// A literal jsonlogic-rs refuses (a number, a boolean).
    Bad,
}

#[derive(Debug, Clone)]
pub enum Node {
    Lit(Value),
    /// A literal key with a literal default (or none).
    Var(Key, Option<Value>),
    /// `var` with a computed key or default: all arguments evaluated, and the default's
    /// value read again as logic when the key is absent (jsonlogic-rs does both).
    VarDyn(Vec<Node>),
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
    Cat(Vec<Node>),
    Substr(Vec<Node>),
    Merge(Vec<Node>),
    Missing(Vec<Node>),
    MissingSome(Box<Node>, Box<Node>),
    /// `map` (true) or `filter` (false): items, then the expression each item is data for.
    Map(Box<Node>, Box<Node>, bool),
    /// Items, expression over `{current, accumulator}`, initial value.
    Reduce(Box<Node>, Box<Node>, Box<Node>),
    Quant(Quant, Items, Box<Node>),
    /// A shape jsonlogic-rs refuses when it parses it: evaluating it fails.
    Invalid,
}

impl Node {
    /// Evaluates against a data tree alone (no slots).
    pub fn eval<'a>(&'a self, data: &'a Value) -> Out<'a> {
        self.eval_in(Data {
            tree: data,
            slots: &[],
        })
    }
}

#[cfg(test)]
mod tests;
