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
    let mut out = serde_message
        .replace("integer `", "number `")
        .replace("floating point `", "number `")
        .replace("invalid type: map", "invalid type: object")
        .replace("invalid type: sequence", "invalid type: list");
    if let Some(at) = out.find("expected struct ") {
        let name_end = out[at + 16..]
            .find(|c: char| !c.is_alphanumeric() && c != '_')
            .map_or(out.len(), |n| at + 16 + n);
        out.replace_range(at + 9..name_end, "an object");
    }
    for (rust, plain) in WORDS {
        let pattern = format!("expected {rust}");
        if let Some(at) = out.find(&pattern) {
            let end = at + pattern.len();
            let whole_word = !out[end..].starts_with(|c: char| c.is_alphanumeric() || c == '_');
            if whole_word {
                out.replace_range(at + 9..end, plain);
            }
        }
    }
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
        ] {
            assert_eq!(plain_words(serde), plain);
        }
    }
}
