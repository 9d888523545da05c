//! Notification and handoff templates: upon's template syntax, rendered straight over the
//! JSON data with the caller's escaping formatters. Escalon used the upon crate for this; the
//! subset it needs here (no registered functions, no named templates) is a few hundred lines,
//! and the crate cost about 30 KB gzip in every wasm build. `core/tests/template_upon.rs`
//! checks this engine against upon itself.
//!
//! Syntax: `{{ path }}`, `{{ path | formatter }}`, `{% if [not] e %}…{% else if e %}…{% else
//! %}…{% endif %}`, `{% for x in e %}` / `{% for k, v in e %}` with `loop.index`,
//! `loop.first`, `loop.last`, `{% with e as x %}…{% endwith %}`, `{# comments #}`, `?.` for
//! an optional member, `-` inside a delimiter to trim the whitespace next to it.

mod ast;
mod blocks;
mod lex;
mod literal;
mod parse;
mod render;

use serde_json::Value;

pub use render::truthy;

/// Writes one value into the output, escaping it for the output format.
pub type Format = fn(&Value, &mut String);

/// The formatter for `{{ e }}` and the ones a template may name as `{{ e | name }}`.
pub struct Formatters<'a> {
    pub default: Format,
    pub named: &'a [(&'a str, Format)],
}

/// A problem at a byte offset of the source, before it is turned into a line and column.
#[derive(Debug)]
struct Fault {
    at: usize,
    message: String,
}

impl Fault {
    fn new(at: usize, message: impl Into<String>) -> Self {
        Fault {
            at,
            message: message.into(),
        }
    }
}

/// Why a template did not compile or render, and where (1-based line, column in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

/// A compiled template borrowing its source.
pub struct Template<'s> {
    src: &'s str,
    nodes: Vec<parse::Node>,
}

impl<'s> Template<'s> {
    pub fn compile(src: &'s str) -> Result<Self, TemplateError> {
        let tokens = lex::lex(src).map_err(|f| locate(src, f))?;
        let nodes = parse::parse(src, &tokens).map_err(|f| locate(src, f))?;
        Ok(Template { src, nodes })
    }

    pub fn render(&self, data: &Value, fmts: &Formatters<'_>) -> Result<String, TemplateError> {
        let mut out = String::new();
        let r = render::Renderer {
            src: self.src,
            fmts,
        };
        r.render(&self.nodes, data, &mut out)
            .map_err(|f| locate(self.src, f))?;
        Ok(out)
    }
}

fn locate(src: &str, f: Fault) -> TemplateError {
    let at = f.at.min(src.len());
    let before = &src[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    TemplateError {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
        message: f.message,
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
pub mod upon_oracle;
