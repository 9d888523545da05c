//! The node tree a template compiles to: spans point into the source, literals are JSON.

use serde_json::Value;

pub type Span = (usize, usize);

#[derive(Debug)]
pub enum Node {
    Raw(Span),
    Emit(Expr),
    If(Vec<Branch>, Vec<Node>),
    For(Vars, Expr, Vec<Node>),
    With(Expr, Span, Vec<Node>),
    Include(Span),
}

#[derive(Debug)]
pub struct Branch {
    pub not: bool,
    pub cond: Expr,
    pub body: Vec<Node>,
}

#[derive(Debug)]
pub enum Vars {
    Item(Span),
    Pair(Span, Span),
}

#[derive(Debug)]
pub enum Expr {
    Base(Base),
    Filter {
        recv: Box<Expr>,
        name: Span,
        args: Vec<Base>,
    },
}

#[derive(Debug)]
pub enum Base {
    Lit(Value),
    Var(Vec<Member>),
    Call(Span, Vec<Base>),
    List(Vec<Base>),
    Map(Vec<(String, Base)>),
    Paren(Box<Expr>),
}

#[derive(Debug)]
pub struct Member {
    pub optional: bool,
    pub access: Access,
    pub span: Span,
}

#[derive(Debug, Clone, Copy)]
pub enum Access {
    Key(Span),
    Index(usize),
}

impl Expr {
    /// Where the expression starts, for errors about its value as a whole.
    pub fn at(&self) -> usize {
        match self {
            Expr::Base(b) => b.at(),
            Expr::Filter { recv, .. } => recv.at(),
        }
    }
}

impl Base {
    fn at(&self) -> usize {
        match self {
            Base::Var(path) => path[0].span.0,
            Base::Call(name, _) => name.0,
            Base::Paren(e) => e.at(),
            Base::Lit(_) | Base::List(_) | Base::Map(_) => 0,
        }
    }
}
