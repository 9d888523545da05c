//! Walks the node tree over a JSON value. Names resolve innermost first (loop and `with`
//! variables, then the data), a missing name or field is an error unless reached through
//! `?.`, and every printed value goes through a formatter: the caller's default one, or a
//! named formatter as the last filter (`{{ url | href }}`). No functions are registered, so
//! any other filter or call is an error naming it.

use std::borrow::Cow;

use serde_json::{Map, Value};

use super::parse::{Access, Base, Expr, Member, Node, Span, Vars};
use super::{Fault, Formatters};

type Val<'a> = Cow<'a, Value>;

enum Bind<'a> {
    Data(&'a Value),
    Var(&'a str, &'a Value),
    Item {
        name: &'a str,
        value: &'a Value,
        index: usize,
        len: usize,
    },
    Entry {
        key_name: &'a str,
        key: &'a str,
        name: &'a str,
        value: &'a Value,
        index: usize,
        len: usize,
    },
}

struct Scope<'a> {
    up: Option<&'a Scope<'a>>,
    bind: Bind<'a>,
}

pub struct Renderer<'a> {
    pub src: &'a str,
    pub fmts: &'a Formatters<'a>,
}

/// upon's truthiness: unlike JSON Logic's (`logic::truthy`), an empty map is false.
pub fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

fn human(v: &Value) -> &'static str {
    match v {
        Value::Null => "none",
        Value::Bool(_) => "bool",
        Value::Number(n) if n.is_f64() => "float",
        Value::Number(_) => "integer",
        Value::String(_) => "string",
        Value::Array(_) => "list",
        Value::Object(_) => "map",
    }
}

fn loop_info(index: usize, len: usize) -> Value {
    let mut m = Map::new();
    m.insert("index".into(), Value::from(index));
    m.insert("first".into(), Value::Bool(index == 0));
    m.insert("last".into(), Value::Bool(index + 1 == len));
    Value::Object(m)
}

impl<'a> Renderer<'a> {
    fn name(&self, s: Span) -> &'a str {
        &self.src[s.0..s.1]
    }

    pub fn render(
        &self,
        nodes: &'a [Node],
        data: &'a Value,
        out: &mut String,
    ) -> Result<(), Fault> {
        let top = Scope {
            up: None,
            bind: Bind::Data(data),
        };
        self.nodes(nodes, &top, out)
    }

    fn nodes(&self, nodes: &'a [Node], scope: &Scope<'_>, out: &mut String) -> Result<(), Fault> {
        for node in nodes {
            self.node(node, scope, out)?;
        }
        Ok(())
    }

    fn node(&self, node: &'a Node, scope: &Scope<'_>, out: &mut String) -> Result<(), Fault> {
        match node {
            Node::Raw(s) => out.push_str(self.name(*s)),
            Node::Emit(Expr::Filter { recv, name, args }) => {
                let v = self.expr(recv, scope)?;
                self.args(args, scope)?;
                let wanted = self.name(*name);
                match self.fmts.named.iter().find(|(n, _)| *n == wanted) {
                    Some((_, f)) => f(&v, out),
                    None => return Err(Fault::new(name.0, "unknown formatter or function")),
                }
            }
            Node::Emit(e) => (self.fmts.default)(&*self.expr(e, scope)?, out),
            Node::If(branches, otherwise) => {
                for b in branches {
                    if truthy(&*self.expr(&b.cond, scope)?) != b.not {
                        return self.nodes(&b.body, scope, out);
                    }
                }
                self.nodes(otherwise, scope, out)?;
            }
            Node::For(vars, e, body) => {
                let v = self.expr(e, scope)?;
                self.each(vars, e.at(), &v, body, scope, out)?;
            }
            Node::With(e, name, body) => {
                let v = self.expr(e, scope)?;
                let inner = Scope {
                    up: Some(scope),
                    bind: Bind::Var(self.name(*name), &v),
                };
                self.nodes(body, &inner, out)?;
            }
            Node::Include(name) => return Err(Fault::new(name.0, "unknown template")),
        }
        Ok(())
    }

    fn each(
        &self,
        vars: &Vars,
        at: usize,
        v: &Value,
        body: &'a [Node],
        scope: &Scope<'_>,
        out: &mut String,
    ) -> Result<(), Fault> {
        match (v, vars) {
            (Value::Array(items), Vars::Item(name)) => {
                for (index, value) in items.iter().enumerate() {
                    let bind = Bind::Item {
                        name: self.name(*name),
                        value,
                        index,
                        len: items.len(),
                    };
                    self.within(body, scope, bind, out)?;
                }
            }
            (Value::Object(map), Vars::Pair(k, name)) => {
                for (index, (key, value)) in map.iter().enumerate() {
                    let bind = Bind::Entry {
                        key_name: self.name(*k),
                        key,
                        name: self.name(*name),
                        value,
                        index,
                        len: map.len(),
                    };
                    self.within(body, scope, bind, out)?;
                }
            }
            (Value::Array(_), Vars::Pair(k, _)) => {
                return Err(Fault::new(
                    k.0,
                    "cannot unpack list item into two variables",
                ))
            }
            (Value::Object(_), Vars::Item(n)) => {
                return Err(Fault::new(n.0, "cannot unpack map item into one variable"))
            }
            (other, _) => {
                let what = human(other);
                return Err(Fault::new(
                    at,
                    format!("expected iterable, but expression evaluated to {what}"),
                ));
            }
        }
        Ok(())
    }

    /// Renders `body` with one more name in scope (a loop item or entry).
    fn within(
        &self,
        body: &'a [Node],
        scope: &Scope<'_>,
        bind: Bind<'_>,
        out: &mut String,
    ) -> Result<(), Fault> {
        let inner = Scope {
            up: Some(scope),
            bind,
        };
        self.nodes(body, &inner, out)
    }

    fn args(&self, args: &'a [Base], scope: &Scope<'_>) -> Result<(), Fault> {
        for a in args {
            self.base(a, scope)?;
        }
        Ok(())
    }

    fn expr<'v>(&self, e: &'a Expr, scope: &Scope<'v>) -> Result<Val<'v>, Fault>
    where
        'a: 'v,
    {
        match e {
            Expr::Base(b) => self.base(b, scope),
            Expr::Filter { recv, name, args } => {
                self.expr(recv, scope)?;
                self.args(args, scope)?;
                let wanted = self.name(*name);
                let msg = if self.fmts.named.iter().any(|(n, _)| *n == wanted) {
                    "expected function, found formatter"
                } else {
                    "unknown function"
                };
                Err(Fault::new(name.0, msg))
            }
        }
    }

    fn base<'v>(&self, b: &'a Base, scope: &Scope<'v>) -> Result<Val<'v>, Fault>
    where
        'a: 'v,
    {
        Ok(match b {
            Base::Lit(v) => Cow::Borrowed(v),
            Base::Var(path) => self.var(path, scope)?,
            Base::Call(name, args) => {
                self.args(args, scope)?;
                return Err(Fault::new(name.0, "unknown function"));
            }
            Base::List(items) => Cow::Owned(Value::Array(
                items
                    .iter()
                    .map(|i| self.base(i, scope).map(Cow::into_owned))
                    .collect::<Result<_, _>>()?,
            )),
            Base::Map(items) => {
                let mut m = Map::new();
                for (k, v) in items {
                    m.insert(k.clone(), self.base(v, scope)?.into_owned());
                }
                Cow::Owned(Value::Object(m))
            }
            Base::Paren(e) => self.expr(e, scope)?,
        })
    }

    fn var<'v>(&self, path: &'a [Member], mut scope: &Scope<'v>) -> Result<Val<'v>, Fault> {
        let first = &path[0];
        let rest = &path[1..];
        let name = match first.access {
            Access::Key(s) => self.name(s),
            Access::Index(_) => "",
        };
        loop {
            match &scope.bind {
                Bind::Var(n, v) if *n == name => return self.walk(Cow::Borrowed(*v), rest),
                Bind::Item { index, len, .. } | Bind::Entry { index, len, .. }
                    if name == "loop" =>
                {
                    return self.walk(Cow::Owned(loop_info(*index, *len)), rest)
                }
                Bind::Item { name: n, value, .. } | Bind::Entry { name: n, value, .. }
                    if *n == name =>
                {
                    return self.walk(Cow::Borrowed(*value), rest)
                }
                Bind::Entry { key_name, key, .. } if *key_name == name => {
                    if let Some(m) = rest.first() {
                        return Err(Fault::new(m.span.0, "cannot index into string"));
                    }
                    return Ok(Cow::Owned(Value::String((*key).to_string())));
                }
                Bind::Data(d) => {
                    if let Ok(found) = self.member(d, first) {
                        return match found {
                            Some(v) => self.walk(Cow::Borrowed(v), rest),
                            None => Ok(Cow::Owned(Value::Null)),
                        };
                    }
                }
                _ => {}
            }
            match scope.up {
                Some(up) => scope = up,
                None => return Err(Fault::new(first.span.0, "not found in this scope")),
            }
        }
    }

    /// Follows the rest of a path; an optional member that is absent makes the whole value none.
    fn walk<'v>(&self, start: Val<'v>, rest: &[Member]) -> Result<Val<'v>, Fault> {
        match start {
            Cow::Borrowed(mut v) => {
                for m in rest {
                    match self.member(v, m)? {
                        Some(next) => v = next,
                        None => return Ok(Cow::Owned(Value::Null)),
                    }
                }
                Ok(Cow::Borrowed(v))
            }
            Cow::Owned(owned) => {
                let mut v = &owned;
                for m in rest {
                    match self.member(v, m)? {
                        Some(next) => v = next,
                        None => return Ok(Cow::Owned(Value::Null)),
                    }
                }
                Ok(Cow::Owned(v.clone()))
            }
        }
    }

    fn member<'v>(&self, v: &'v Value, m: &Member) -> Result<Option<&'v Value>, Fault> {
        let found = match (v, m.access) {
            (Value::Array(items), Access::Index(i)) => items.get(i),
            (Value::Object(map), Access::Key(s)) => map.get(self.name(s)),
            (other, Access::Index(_)) => {
                let what = human(other);
                return Err(Fault::new(
                    m.span.0,
                    format!("{what} does not support integer-based access"),
                ));
            }
            (other, Access::Key(_)) => {
                let what = human(other);
                return Err(Fault::new(
                    m.span.0,
                    format!("{what} does not support key-based access"),
                ));
            }
        };
        match (found, m.optional, v) {
            (Some(v), _, _) => Ok(Some(v)),
            (None, true, _) => Ok(None),
            (None, false, Value::Array(items)) => Err(Fault::new(
                m.span.0,
                format!("index out of bounds, the length is {}", items.len()),
            )),
            (None, false, _) => Err(Fault::new(m.span.0, "not found in map")),
        }
    }
}
