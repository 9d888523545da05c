//! The reference this engine is held to: the same template rendered by upon, the crate whose
//! syntax it follows, with the same formatters. Test builds only (upon is a dev-dependency).

use std::fmt::Write;

use serde_json::Value;

use super::{Format, Formatters, Template};

fn to_json(v: &upon::Value) -> Value {
    match v {
        upon::Value::None => Value::Null,
        upon::Value::Bool(b) => Value::Bool(*b),
        upon::Value::Integer(n) => Value::from(*n),
        upon::Value::Float(f) => {
            serde_json::Number::from_f64(*f).map_or(Value::Null, Value::Number)
        }
        upon::Value::String(s) => Value::String(s.clone()),
        upon::Value::List(items) => Value::Array(items.iter().map(to_json).collect()),
        upon::Value::Map(m) => {
            Value::Object(m.iter().map(|(k, v)| (k.clone(), to_json(v))).collect())
        }
    }
}

fn through(f: Format, out: &mut upon::fmt::Formatter<'_>, v: &upon::Value) -> upon::fmt::Result {
    let mut s = String::new();
    f(&to_json(v), &mut s);
    out.write_str(&s)?;
    Ok(())
}

/// upon's answer: the output, or the line of its error.
pub fn upon_render(text: &str, data: &Value, fmts: &Formatters<'_>) -> Result<String, String> {
    let default = fmts.default;
    let default =
        move |out: &mut upon::fmt::Formatter<'_>, v: &upon::Value| through(default, out, v);
    let mut engine = upon::Engine::new();
    engine.set_default_formatter(&default);
    for &(name, f) in fmts.named {
        engine.add_formatter(
            name.to_string(),
            move |out: &mut upon::fmt::Formatter<'_>, v: &upon::Value| through(f, out, v),
        );
    }
    engine
        .compile(text)
        .and_then(|t| t.render(&engine, data).to_string())
        .map_err(|e| format!("{e:#}"))
}

/// Both engines on one template: the same text out, or both refusing it.
pub fn agree(text: &str, data: &Value, fmts: &Formatters<'_>) -> Result<(), String> {
    let ours = Template::compile(text).and_then(|t| t.render(data, fmts));
    match (ours, upon_render(text, data, fmts)) {
        (Ok(a), Ok(b)) if a == b => Ok(()),
        (Err(_), Err(_)) => Ok(()),
        (ours, theirs) => Err(format!(
            "template {text:?}\n  ours: {ours:?}\n  upon: {theirs:?}"
        )),
    }
}
