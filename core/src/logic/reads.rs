//! What a compiled expression may read of the ticket data, and the rewrite of `facts.*`
//! reads into slots. Expressions of `map`, `filter`, `reduce`, `all`, `some` and `none`
//! read their items, not the ticket, so only the item lists count here; computed keys and
//! values read again as logic (a `var` default, a computed `all` list) may read anything.

use super::{Items, Key, Node};

fn first_segment(key: &Key) -> Option<String> {
    match key {
        Key::Whole => None,
        Key::Path(p) => p.first().cloned(),
        Key::Index(i) => Some(i.to_string()),
    }
}

impl Node {
    fn children(&self) -> Vec<&Node> {
        match self {
            Node::Lit(_) | Node::Var(..) | Node::Slot(..) | Node::SlotCmp(..) | Node::Invalid => {
                Vec::new()
            }
            Node::VarDyn(xs)
            | Node::Cmp(_, xs)
            | Node::And(xs)
            | Node::Or(xs)
            | Node::If(xs)
            | Node::Arith(_, xs)
            | Node::Cat(xs)
            | Node::Substr(xs)
            | Node::Merge(xs)
            | Node::Missing(xs) => xs.iter().collect(),
            Node::Not(a, _) => vec![a],
            Node::In(a, b) | Node::MissingSome(a, b) => vec![a, b],
            Node::Map(items, _, _) => vec![items],
            Node::Reduce(items, _, init) => vec![items, init],
            Node::Quant(_, Items::Known(xs), _) => xs.iter().collect(),
            Node::Quant(_, Items::Computed(items), _) => vec![items],
            Node::Quant(_, Items::Bad, _) => Vec::new(),
        }
    }

    /// Whether evaluating may see the whole data or read keys no path names.
    fn unbounded(&self) -> bool {
        matches!(
            self,
            Node::VarDyn(_)
                | Node::Missing(_)
                | Node::MissingSome(..)
                | Node::Quant(_, Items::Computed(_), _)
        )
    }

    /// Whether evaluating may look at `root` (a top-level key of the data). Conservative:
    /// anything that can see the whole data says yes.
    pub fn reads(&self, root: &str) -> bool {
        if self.unbounded() {
            return true;
        }
        match self {
            Node::Var(key, _) => first_segment(key).is_none_or(|k| k == root),
            Node::Slot(_, path, _) | Node::SlotCmp(_, _, path, _) => {
                path.first().is_none_or(|k| k == root)
            }
            other => other.children().iter().any(|x| x.reads(root)),
        }
    }

    /// Adds to `keys` the keys under `root` that evaluating may read; `false` when it may
    /// read any (all of `root` or of the data), which leaves `keys` incomplete.
    pub fn keys_under(&self, root: &str, keys: &mut Vec<String>) -> bool {
        if self.unbounded() {
            return false;
        }
        let path: Vec<String> = match self {
            Node::Var(Key::Whole, _) => return false,
            Node::Var(Key::Path(p), _) => p.clone(),
            Node::Var(Key::Index(i), _) => vec![i.to_string()],
            Node::Slot(_, p, _) | Node::SlotCmp(_, _, p, _) => p.clone(),
            other => return other.children().iter().all(|x| x.keys_under(root, keys)),
        };
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

    /// Rewrites every `var` of `root.<key>...` whose key `slot_of` numbers into a
    /// [`Node::Slot`]. Only sound when nothing reads `root` any other way, as
    /// [`Node::keys_under`] tells; the caller then leaves `root` out of the tree.
    pub fn slotted(self, root: &str, slot_of: &dyn Fn(&str) -> Option<usize>) -> Node {
        let all = |xs: Vec<Node>| xs.into_iter().map(|x| x.slotted(root, slot_of)).collect();
        let one = |x: Box<Node>| Box::new(x.slotted(root, slot_of));
        match self {
            Node::Var(Key::Path(path), default) => {
                match (path.first(), path.get(1).and_then(|k| slot_of(k))) {
                    (Some(r), Some(slot)) if r == root => Node::Slot(slot, path, default),
                    _ => Node::Var(Key::Path(path), default),
                }
            }
            Node::Cmp(op, xs) => {
                match <[Node; 2]>::try_from(all(xs)) {
                    Ok(
                        [Node::Slot(slot, path, None), Node::Lit(n @ serde_json::Value::Number(_))],
                    ) if path.len() == 2 => Node::SlotCmp(op, slot, path, n),
                    Ok(two) => Node::Cmp(op, two.into()),
                    Err(xs) => Node::Cmp(op, xs),
                }
            }
            Node::And(xs) => Node::And(all(xs)),
            Node::Or(xs) => Node::Or(all(xs)),
            Node::If(xs) => Node::If(all(xs)),
            Node::Arith(op, xs) => Node::Arith(op, all(xs)),
            Node::Cat(xs) => Node::Cat(all(xs)),
            Node::Substr(xs) => Node::Substr(all(xs)),
            Node::Merge(xs) => Node::Merge(all(xs)),
            Node::Not(a, keep) => Node::Not(one(a), keep),
            Node::In(a, b) => Node::In(one(a), one(b)),
            // The expression reads each item, not the ticket, so it keeps its `var`s.
            Node::Map(items, f, keep) => Node::Map(one(items), f, keep),
            Node::Reduce(items, f, init) => Node::Reduce(one(items), f, one(init)),
            Node::Quant(q, Items::Known(xs), f) => Node::Quant(q, Items::Known(all(xs)), f),
            other => other,
        }
    }
}
