//! The block structure: `if`/`else if`/`else`, `for` and `with` opened, continued and
//! closed on an explicit stack, so nesting depth never becomes recursion while parsing.

use super::ast::*;
use super::Fault;

/// A block still waiting for its end tag.
pub enum Open {
    If {
        done: Vec<Branch>,
        not: bool,
        cond: Expr,
        has_else: bool,
        at: usize,
    },
    For(Vars, Expr, usize),
    With(Expr, Span, usize),
}

pub enum Block {
    If(bool, Expr),
    ElseIf(bool, Expr),
    Else,
    EndIf,
    For(Vars, Expr),
    EndFor,
    With(Expr, Span),
    EndWith,
    Include(Span),
}

/// Opens, continues or closes a block; returns the finished node when one closes.
pub fn close(
    block: Block,
    at: usize,
    open: &mut Vec<Open>,
    scopes: &mut Vec<Vec<Node>>,
) -> Result<Option<Node>, Fault> {
    let unexpected = |what: &str| Fault::new(at, format!("unexpected `{what}` block"));
    let opened = |o: Open, open: &mut Vec<Open>, scopes: &mut Vec<Vec<Node>>| {
        open.push(o);
        scopes.push(Vec::new());
        Ok(None)
    };
    match block {
        Block::If(not, cond) => opened(
            Open::If {
                done: Vec::new(),
                not,
                cond,
                has_else: false,
                at,
            },
            open,
            scopes,
        ),
        Block::ElseIf(..) | Block::Else if !matches!(open.last(), Some(Open::If { .. })) => {
            Err(unexpected(if matches!(block, Block::Else) {
                "else"
            } else {
                "else if"
            }))
        }
        Block::ElseIf(n, c) => {
            let Some(Open::If {
                done,
                not,
                cond,
                has_else,
                ..
            }) = open.last_mut()
            else {
                unreachable!()
            };
            if *has_else {
                return Err(unexpected("else if"));
            }
            let body = scopes.pop().unwrap_or_default();
            let prev_cond = std::mem::replace(cond, c);
            done.push(Branch {
                not: *not,
                cond: prev_cond,
                body,
            });
            *not = n;
            scopes.push(Vec::new());
            Ok(None)
        }
        Block::Else => {
            let Some(Open::If { has_else, .. }) = open.last_mut() else {
                unreachable!()
            };
            if *has_else {
                return Err(unexpected("else"));
            }
            *has_else = true;
            scopes.push(Vec::new());
            Ok(None)
        }
        Block::EndIf => match open.pop() {
            Some(Open::If {
                mut done,
                not,
                cond,
                has_else,
                ..
            }) => {
                let otherwise = if has_else {
                    scopes.pop().unwrap_or_default()
                } else {
                    Vec::new()
                };
                let body = scopes.pop().unwrap_or_default();
                done.push(Branch { not, cond, body });
                Ok(Some(Node::If(done, otherwise)))
            }
            other => reopen(other, open, unexpected("endif")),
        },
        Block::For(vars, e) => opened(Open::For(vars, e, at), open, scopes),
        Block::EndFor => match open.pop() {
            Some(Open::For(vars, e, _)) => {
                let body = scopes.pop().unwrap_or_default();
                Ok(Some(Node::For(vars, e, body)))
            }
            other => reopen(other, open, unexpected("endfor")),
        },
        Block::With(e, name) => opened(Open::With(e, name, at), open, scopes),
        Block::EndWith => match open.pop() {
            Some(Open::With(e, name, _)) => {
                let body = scopes.pop().unwrap_or_default();
                Ok(Some(Node::With(e, name, body)))
            }
            other => reopen(other, open, unexpected("endwith")),
        },
        Block::Include(name) => Ok(Some(Node::Include(name))),
    }
}

fn reopen(o: Option<Open>, open: &mut Vec<Open>, e: Fault) -> Result<Option<Node>, Fault> {
    open.extend(o);
    Err(e)
}
