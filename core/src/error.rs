//! Errors that cross the door. Each names the field at fault so a user can fix the request.

use serde::Serialize;

/// Stable machine-readable error codes; hosts switch on these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    InvalidJson,
    UnknownAction,
    MissingField,
    /// A field the action does not know; most often a typo.
    UnknownField,
    WrongType,
    OutOfRange,
    UnknownEscalation,
    InvalidTransition,
    NotImplemented,
    /// A rule in the workspace config is not valid JSON Logic or has an impossible effect.
    InvalidRule,
    /// A notification template does not compile or render; the message names its line.
    InvalidTemplate,
    /// The workspace document does not match the schema.
    InvalidWorkspace,
    /// The workspace was written by a newer Escalon than this one.
    UnsupportedSchemaVersion,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RequestError {
    pub code: ErrorCode,
    pub message: String,
    /// Dotted path of the offending field, e.g. `parameters.customer.health_score`.
    pub path: String,
}

impl RequestError {
    pub fn new(code: ErrorCode, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            path: path.into(),
        }
    }

    pub fn with_message(mut self, message: impl Into<String>) -> Self {
        self.message = message.into();
        self
    }
}

impl std::fmt::Display for RequestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for RequestError {}

/// serde's complaint in a support lead's words: Rust's type names (`u32`, `a sequence`,
/// `struct TierDef`) become what a JSON author knows (`a whole number from 0 to
/// 4294967295`, `a list`, `an object`).
pub fn plain_words(serde_message: &str) -> String {
    const WORDS: &[(&str, &str)] = &[
        ("u8", "a whole number from 0 to 255"),
        ("u16", "a whole number from 0 to 65535"),
        ("u32", "a whole number from 0 to 4294967295"),
        ("u64", "a whole number, 0 or more"),
        ("usize", "a whole number, 0 or more"),
        ("i8", "a whole number"),
        ("i16", "a whole number"),
        ("i32", "a whole number"),
        ("i64", "a whole number"),
        ("f32", "a number"),
        ("f64", "a number"),
        ("a sequence", "a list"),
        ("a map", "an object"),
        ("a borrowed string", "a string"),
    ];
    // serde writes `invalid type: <what was found>, expected <what was wanted>`; the found
    // part may quote the user's own text, so each part is rewritten only where serde's words
    // stand: the kind right after the prefix, the wanted part after the last "expected ".
    let (found, wanted) = match serde_message.rfind("expected ") {
        Some(at) => serde_message.split_at(at),
        None => (serde_message, ""),
    };
    let mut out = String::with_capacity(serde_message.len() + 32);
    let prefix = ["invalid type: ", "invalid value: "]
        .into_iter()
        .find(|p| found.starts_with(p));
    match prefix {
        Some(p) => {
            out.push_str(p);
            let rest = &found[p.len()..];
            let kinds = [
                ("integer `", "number `"),
                ("floating point `", "number `"),
                ("map", "object"),
                ("sequence", "list"),
            ];
            match kinds.iter().find(|(k, _)| rest.starts_with(k)) {
                Some((k, plain)) => {
                    out.push_str(plain);
                    out.push_str(&rest[k.len()..]);
                }
                None => out.push_str(rest),
            }
        }
        None => out.push_str(found),
    }
    let mut wanted = wanted.to_string();
    if let Some(name) = wanted.strip_prefix("expected struct ") {
        let end = name
            .find(|c: char| !c.is_alphanumeric() && c != '_')
            .unwrap_or(name.len());
        wanted = format!("expected an object{}", &name[end..]);
    }
    if let Some(rest) = wanted.strip_prefix("expected ") {
        let plain = WORDS.iter().find(|(rust, _)| {
            rest.strip_prefix(rust)
                .is_some_and(|after| !after.starts_with(|c: char| c.is_alphanumeric() || c == '_'))
        });
        if let Some((rust, plain)) = plain {
            wanted = format!("expected {plain}{}", &rest[rust.len()..]);
        }
    }
    out.push_str(&wanted);
    out
}

#[cfg(test)]
mod tests {
    use super::plain_words;

    #[test]
    fn rust_type_names_become_json_words() {
        for (serde, plain) in [
            (
                "invalid type: string \"soon\", expected u32",
                "invalid type: string \"soon\", expected a whole number from 0 to 4294967295",
            ),
            (
                "invalid value: integer `300`, expected u8",
                "invalid value: number `300`, expected a whole number from 0 to 255",
            ),
            (
                "invalid type: map, expected a sequence",
                "invalid type: object, expected a list",
            ),
            (
                "invalid type: string \"x\", expected struct TierDef",
                "invalid type: string \"x\", expected an object",
            ),
            (
                "invalid type: floating point `1.5`, expected i64",
                "invalid type: number `1.5`, expected a whole number",
            ),
            // Left alone: not a type name, or already plain.
            (
                "unknown field `bucket_hour`, expected `bucket_hours`",
                "unknown field `bucket_hour`, expected `bucket_hours`",
            ),
            ("expected u8x", "expected u8x"),
            // Regression: the user's own text (quoted by serde) was rewritten when it held
            // serde's words: "expected u8" in a value became "expected a whole number...".
            (
                "invalid type: string \"expected u8, integer `1`\", expected u32",
                "invalid type: string \"expected u8, integer `1`\", expected a whole number from 0 to 4294967295",
            ),
        ] {
            assert_eq!(plain_words(serde), plain);
        }
    }
}
