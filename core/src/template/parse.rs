//! Turns the tokens into a tree of nodes: upon's grammar (literals, dotted and optional
//! paths, filters, calls, `if`/`else if`/`else`, `for`, `with`, `include`). Nesting is
//! bounded so a hostile template cannot exhaust the stack while parsing or rendering.

use serde_json::Value;

pub use super::ast::*;
use super::blocks::{close, Block, Open};
use super::lex::{Tag, Tok, Token};
use super::literal::{number, unquote};
use super::Fault;

/// Blocks or brackets nested deeper than this are refused rather than recursed into.
pub(super) const MAX_DEPTH: usize = 64;

pub fn parse(src: &str, tokens: &[Token]) -> Result<Vec<Node>, Fault> {
    let mut p = Parser {
        src,
        tokens,
        pos: 0,
        depth: 0,
    };
    let mut open: Vec<Open> = Vec::new();
    let mut scopes: Vec<Vec<Node>> = vec![Vec::new()];
    while let Some(t) = p.next() {
        let node = match t.tok {
            Tok::Raw => Node::Raw((t.at, t.end)),
            Tok::Open(Tag::Expr) => {
                let e = p.expr()?;
                p.expect(Tok::Close)?;
                Node::Emit(e)
            }
            _ => {
                let block = p.block()?;
                p.expect(Tok::Close)?;
                match close(block, t.at, &mut open, &mut scopes)? {
                    Some(node) => node,
                    None => {
                        if open.len() > MAX_DEPTH {
                            return Err(Fault::new(t.at, "blocks nested too deeply"));
                        }
                        continue;
                    }
                }
            }
        };
        scopes
            .last_mut()
            .expect("one scope per open block")
            .push(node);
    }
    if let Some(first) = open.first() {
        let (what, at) = match first {
            Open::If { at, .. } => ("if", *at),
            Open::For(_, _, at) => ("for", *at),
            Open::With(_, _, at) => ("with", *at),
        };
        return Err(Fault::new(at, format!("unclosed `{what}` block")));
    }
    Ok(scopes.pop().unwrap_or_default())
}

struct Parser<'s, 't> {
    src: &'s str,
    tokens: &'t [Token],
    pos: usize,
    depth: usize,
}

impl Parser<'_, '_> {
    fn next(&mut self) -> Option<Token> {
        let t = self.tokens.get(self.pos).copied();
        self.pos += 1;
        t
    }

    fn peek(&self) -> Option<Token> {
        self.tokens.get(self.pos).copied()
    }

    fn text(&self, t: Token) -> &str {
        &self.src[t.at..t.end]
    }

    fn is_next(&self, tok: Tok) -> bool {
        self.peek().is_some_and(|t| t.tok == tok)
    }

    fn is_keyword(&self, kw: &str) -> bool {
        self.peek()
            .is_some_and(|t| t.tok == Tok::Keyword && self.text(t) == kw)
    }

    fn any(&mut self, wanted: &str) -> Result<Token, Fault> {
        self.next()
            .ok_or_else(|| Fault::new(self.src.len(), format!("expected {wanted}, found EOF")))
    }

    fn expect(&mut self, tok: Tok) -> Result<Token, Fault> {
        let t = self.any(tok.name())?;
        if t.tok != tok {
            return Err(Fault::new(
                t.at,
                format!("expected {}, found {}", tok.name(), t.tok.name()),
            ));
        }
        Ok(t)
    }

    fn keyword(&mut self, kw: &str) -> Result<(), Fault> {
        let t = self.expect(Tok::Keyword)?;
        if self.text(t) != kw {
            let got = self.text(t).to_string();
            return Err(Fault::new(
                t.at,
                format!("expected keyword `{kw}`, found keyword `{got}`"),
            ));
        }
        Ok(())
    }

    fn ident(&mut self) -> Result<Span, Fault> {
        self.expect(Tok::Ident).map(|t| (t.at, t.end))
    }

    fn block(&mut self) -> Result<Block, Fault> {
        let t = self.expect(Tok::Keyword)?;
        Ok(match self.text(t) {
            "if" => {
                let (not, e) = self.cond()?;
                Block::If(not, e)
            }
            "else" if self.is_keyword("if") => {
                self.next();
                let (not, e) = self.cond()?;
                Block::ElseIf(not, e)
            }
            "else" => Block::Else,
            "endif" => Block::EndIf,
            "for" => {
                let first = self.ident()?;
                let vars = if self.is_next(Tok::Comma) {
                    self.next();
                    Vars::Pair(first, self.ident()?)
                } else {
                    Vars::Item(first)
                };
                self.keyword("in")?;
                Block::For(vars, self.expr()?)
            }
            "endfor" => Block::EndFor,
            "with" => {
                let e = self.expr()?;
                self.keyword("as")?;
                Block::With(e, self.ident()?)
            }
            "endwith" => Block::EndWith,
            "include" => {
                let name = self.expect(Tok::Str)?;
                if self.is_keyword("with") {
                    self.next();
                    self.expr()?;
                }
                Block::Include((name.at, name.end))
            }
            kw => return Err(Fault::new(t.at, format!("unexpected keyword `{kw}`"))),
        })
    }

    fn cond(&mut self) -> Result<(bool, Expr), Fault> {
        let not = self.is_keyword("not");
        if not {
            self.next();
        }
        Ok((not, self.expr()?))
    }

    fn expr(&mut self) -> Result<Expr, Fault> {
        let mut e = Expr::Base(self.base()?);
        while self.is_next(Tok::Pipe) {
            self.next();
            let name = self.ident()?;
            let args = if self.is_next(Tok::Colon) {
                self.next();
                self.args()?
            } else {
                Vec::new()
            };
            e = Expr::Filter {
                recv: Box::new(e),
                name,
                args,
            };
        }
        Ok(e)
    }

    fn args(&mut self) -> Result<Vec<Base>, Fault> {
        let mut args = vec![self.base()?];
        while self.is_next(Tok::Comma) {
            self.next();
            args.push(self.base()?);
        }
        Ok(args)
    }

    fn nested<T>(
        &mut self,
        at: usize,
        f: impl FnOnce(&mut Self) -> Result<T, Fault>,
    ) -> Result<T, Fault> {
        if self.depth >= MAX_DEPTH {
            return Err(Fault::new(at, "expression nested too deeply"));
        }
        self.depth += 1;
        let r = f(self);
        self.depth -= 1;
        r
    }

    fn base(&mut self) -> Result<Base, Fault> {
        let t = self.any("expression")?;
        Ok(match t.tok {
            Tok::Keyword => match self.text(t) {
                "true" => Base::Lit(Value::Bool(true)),
                "false" => Base::Lit(Value::Bool(false)),
                kw => return Err(Fault::new(t.at, format!("unexpected keyword `{kw}`"))),
            },
            Tok::Minus | Tok::Plus => {
                let n = self.expect(Tok::Num)?;
                Base::Lit(number(self.src, n, t.tok == Tok::Minus)?)
            }
            Tok::Num => Base::Lit(number(self.src, t, false)?),
            Tok::Str => Base::Lit(Value::String(unquote(self.src, t)?)),
            Tok::Dot | Tok::QDot => {
                let access = self.access()?;
                self.path(Member {
                    optional: t.tok == Tok::QDot,
                    access,
                    span: (t.at, self.tokens[self.pos - 1].end),
                })?
            }
            Tok::Ident if self.is_next(Tok::LParen) => {
                self.next();
                let args = if self.is_next(Tok::RParen) {
                    Vec::new()
                } else {
                    self.args()?
                };
                self.expect(Tok::RParen)?;
                Base::Call((t.at, t.end), args)
            }
            Tok::Ident => self.path(Member {
                optional: false,
                access: Access::Key((t.at, t.end)),
                span: (t.at, t.end),
            })?,
            Tok::LBracket => self.nested(t.at, |p| {
                let mut items = Vec::new();
                while !p.is_next(Tok::RBracket) {
                    items.push(p.base()?);
                    if !p.is_next(Tok::Comma) {
                        break;
                    }
                    p.next();
                }
                p.expect(Tok::RBracket)?;
                Ok(Base::List(items))
            })?,
            Tok::LBrace => self.nested(t.at, |p| {
                let mut items = Vec::new();
                while !p.is_next(Tok::RBrace) {
                    let key = p.expect(Tok::Str)?;
                    let key = unquote(p.src, key)?;
                    p.expect(Tok::Colon)?;
                    items.push((key, p.base()?));
                    if !p.is_next(Tok::Comma) {
                        break;
                    }
                    p.next();
                }
                p.expect(Tok::RBrace)?;
                Ok(Base::Map(items))
            })?,
            Tok::LParen => self.nested(t.at, |p| {
                let e = p.expr()?;
                p.expect(Tok::RParen)?;
                Ok(Base::Paren(Box::new(e)))
            })?,
            tok => {
                return Err(Fault::new(
                    t.at,
                    format!("expected expression, found {}", tok.name()),
                ))
            }
        })
    }

    fn path(&mut self, first: Member) -> Result<Base, Fault> {
        let mut path = vec![first];
        while let Some(t) = self
            .peek()
            .filter(|t| matches!(t.tok, Tok::Dot | Tok::QDot))
        {
            self.next();
            let access = self.access()?;
            path.push(Member {
                optional: t.tok == Tok::QDot,
                access,
                span: (t.at, self.tokens[self.pos - 1].end),
            });
        }
        Ok(Base::Var(path))
    }

    fn access(&mut self) -> Result<Access, Fault> {
        let t = self.any("identifier or index")?;
        match t.tok {
            Tok::Ident => Ok(Access::Key((t.at, t.end))),
            Tok::Index => self
                .text(t)
                .parse()
                .map(Access::Index)
                .map_err(|_| Fault::new(t.at, "index literal out of range")),
            tok => Err(Fault::new(
                t.at,
                format!("expected identifier or index, found {}", tok.name()),
            )),
        }
    }
}
