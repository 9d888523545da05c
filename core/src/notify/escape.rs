//! Escaping of user text for each output format. Templates never get a way around these:
//! the HTML and Markdown engines install them as the *default* formatter and register no
//! "raw" formatter, so an edited template cannot un-escape a ticket summary.

use serde_json::Value;

pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Backslash-escapes every character CommonMark gives meaning inline, HTML-escapes `&` so
/// entities stay literal, and folds newlines so user text cannot start a heading or list.
pub fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '<' | '>' | '(' | ')' | '#' | '+'
            | '!' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '&' => out.push_str("&amp;"),
            '\r' | '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    // A value at the start of a line could still open a list or a thematic break.
    if out.starts_with('-') || out.starts_with('=') {
        out.insert(0, '\\');
    }
    out
}

/// Slack mrkdwn: only `&`, `<` and `>` are control characters (links and mentions).
pub fn slack(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A header value: CR and LF would let user text add headers to an email.
pub fn header(s: &str) -> String {
    s.chars()
        .map(|c| if c == '\r' || c == '\n' { ' ' } else { c })
        .collect()
}

/// How a template value is written as text before escaping: lists joined with commas,
/// numbers without a needless `.0`.
fn plain(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => match n.as_f64().filter(|_| n.is_f64()) {
            Some(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", f as i64),
            Some(f) => f.to_string(),
            None => n.to_string(),
        },
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(plain).collect::<Vec<_>>().join(", "),
        Value::Object(_) => "[object]".into(),
    }
}

pub fn fmt_plain(value: &Value, out: &mut String) {
    out.push_str(&plain(value));
}

pub fn fmt_html(value: &Value, out: &mut String) {
    out.push_str(&html(&plain(value)));
}

pub fn fmt_markdown(value: &Value, out: &mut String) {
    out.push_str(&markdown(&plain(value)));
}

pub fn fmt_slack(value: &Value, out: &mut String) {
    out.push_str(&slack(&plain(value)));
}

/// `{{ url | href }}` in HTML: only http(s) and mailto links survive, so a `javascript:`
/// URL in an evidence link becomes inert.
pub fn fmt_href(value: &Value, out: &mut String) {
    let s = plain(value);
    let lower = s.trim().to_ascii_lowercase();
    let safe = ["https://", "http://", "mailto:"]
        .iter()
        .any(|p| lower.starts_with(p));
    out.push_str(&html(if safe { s.trim() } else { "#" }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_tags_are_neutralised() {
        assert_eq!(html("<script>"), "&lt;script&gt;");
        assert_eq!(markdown("<script>*x*"), "\\<script\\>\\*x\\*");
        assert_eq!(markdown("- item\n# h"), "\\- item \\# h");
        assert_eq!(slack("<!channel> & co"), "&lt;!channel&gt; &amp; co");
        assert_eq!(header("a\r\nBcc: x"), "a  Bcc: x");
    }
}
