//! Literal values in expressions: upon's numbers and quoted strings.

use serde_json::Value;

use super::lex::Token;
use super::Fault;

/// upon's number literals: decimal, `0b`/`0o`/`0x` integers with `_` separators, or floats.
pub fn number(src: &str, t: Token, negative: bool) -> Result<Value, Fault> {
    let raw = &src[t.at..t.end];
    let (digits, radix) = match raw.as_bytes() {
        [b'0', b'b', ..] => (&raw[2..], 2),
        [b'0', b'o', ..] => (&raw[2..], 8),
        [b'0', b'x', ..] => (&raw[2..], 16),
        _ => (raw, 10),
    };
    let digits: String = digits.chars().filter(|&c| c != '_').collect();
    let signed = if negative {
        format!("-{digits}")
    } else {
        digits
    };
    if let Ok(n) = i64::from_str_radix(&signed, radix) {
        return Ok(Value::from(n));
    }
    let float = if radix == 10 {
        raw.parse::<f64>().ok()
    } else {
        None
    };
    match float.and_then(|f| serde_json::Number::from_f64(if negative { -f } else { f })) {
        Some(n) => Ok(Value::Number(n)),
        None => Err(Fault::new(t.at, format!("invalid base {radix} literal"))),
    }
}

pub fn unquote(src: &str, t: Token) -> Result<String, Fault> {
    let raw = &src[t.at + 1..t.end - 1];
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.char_indices();
    while let Some((_, c)) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some((_, 'n')) => out.push('\n'),
            Some((_, 'r')) => out.push('\r'),
            Some((_, 't')) => out.push('\t'),
            Some((_, '\\')) => out.push('\\'),
            Some((_, '"')) => out.push('"'),
            Some((i, _)) => return Err(Fault::new(t.at + 1 + i, "unknown escape character")),
            None => return Err(Fault::new(t.end, "unknown escape character")),
        }
    }
    Ok(out)
}
