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
