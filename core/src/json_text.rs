//! One JSON serialiser for every typed value: serde's derive code for a type is
//! monomorphised once per serializer it meets, so writing a workspace as text *and*
//! turning its config into a `Value` carried two copies of it. Here both go through the
//! compact text writer (`serde_json::to_string`): a `Value` is read back from that text,
//! and the indented form is the compact text re-indented (the same bytes as
//! `serde_json::to_string_pretty`).

use serde::Serialize;
use serde_json::Value;

/// `serde_json::to_value(t)`, through the compact writer and back.
pub fn value_of<T: Serialize + ?Sized>(t: &T) -> serde_json::Result<Value> {
    serde_json::from_str(&serde_json::to_string(t)?)
}

/// `serde_json::to_string_pretty(t)` for a `t` that serialises as `compact`
/// (`serde_json::to_string(t)`): two-space indent, `": "` after keys, `[]` and `{}` kept.
pub fn pretty(compact: &str) -> String {
    let b = compact.as_bytes();
    let mut out = Vec::with_capacity(b.len() + b.len() / 2);
    let mut depth = 0usize;
    let mut in_str = false;
    let mut i = 0;
    let newline = |out: &mut Vec<u8>, depth: usize| {
        out.push(b'\n');
        out.resize(out.len() + 2 * depth, b' ');
    };
    while i < b.len() {
        let c = b[i];
        if in_str {
            out.push(c);
            if c == b'\\' {
                i += 1;
                out.push(b[i]);
            } else if c == b'"' {
                in_str = false;
            }
            i += 1;
            continue;
        }
        match c {
            b'"' => {
                in_str = true;
                out.push(c);
            }
            b'{' | b'[' => {
                out.push(c);
                let close = if c == b'{' { b'}' } else { b']' };
                if b.get(i + 1) == Some(&close) {
                    out.push(close);
                    i += 1;
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            b'}' | b']' => {
                depth -= 1;
                newline(&mut out, depth);
                out.push(c);
            }
            b',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            b':' => out.extend_from_slice(b": "),
            _ => out.push(c),
        }
        i += 1;
    }
    String::from_utf8(out).expect("re-indenting keeps UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pretty_equals_serde_json_pretty() {
        let v = serde_json::json!({
            "a": [], "b": {}, "c": [1, {"d": "x\"y\\z:,{["}, [[]]], "e": {"f": null, "g": -1.5e300},
            "h": "é\u{1}\n"
        });
        assert_eq!(
            pretty(&serde_json::to_string(&v).unwrap()),
            serde_json::to_string_pretty(&v).unwrap()
        );
        let ws = crate::demo::demo_workspace();
        assert_eq!(
            pretty(&serde_json::to_string(&ws).unwrap()),
            serde_json::to_string_pretty(&ws).unwrap()
        );
        assert_eq!(
            value_of(&ws.config).unwrap(),
            serde_json::to_value(&ws.config).unwrap()
        );
    }
}
