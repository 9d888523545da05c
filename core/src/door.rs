//! The one door: `{action, parameters}` in, `{ok, action, result | error}` out.

use serde_json::{json, Value};

use crate::error::{ErrorCode, RequestError};

/// Actions the door knows. Those whose engine is not built yet answer `not_implemented`.
pub const ACTIONS: &[&str] = &[
    "determine-escalation",
    "generate-notification",
    "track-progress",
    "calculate-metrics",
    "recommend-deescalation",
];

/// Answers one request given as JSON text.
pub fn run(request: &str) -> Value {
    match serde_json::from_str::<Value>(request) {
        Ok(value) => run_value(&value),
        Err(e) => error_response(
            None,
            RequestError::new(
                ErrorCode::InvalidJson,
                "",
                format!("request is not JSON: {e}"),
            ),
        ),
    }
}

/// Answers one request already parsed into a JSON value.
pub fn run_value(request: &Value) -> Value {
    let action = match action_of(request) {
        Ok(a) => a,
        Err(e) => return error_response(None, e),
    };
    let err = RequestError::new(
        ErrorCode::NotImplemented,
        "action",
        format!("action '{action}' is not implemented yet"),
    );
    error_response(Some(action), err)
}

fn action_of(request: &Value) -> Result<&str, RequestError> {
    let obj = request.as_object().ok_or_else(|| {
        RequestError::new(ErrorCode::WrongType, "", "request must be a JSON object")
    })?;
    let action = obj
        .get("action")
        .ok_or_else(|| RequestError::new(ErrorCode::MissingField, "action", "missing field"))?
        .as_str()
        .ok_or_else(|| RequestError::new(ErrorCode::WrongType, "action", "expected a string"))?;
    if !ACTIONS.contains(&action) {
        return Err(RequestError::new(
            ErrorCode::UnknownAction,
            "action",
            format!(
                "unknown action '{action}'; known actions: {}",
                ACTIONS.join(", ")
            ),
        ));
    }
    Ok(action)
}

fn error_response(action: Option<&str>, error: RequestError) -> Value {
    let mut v = json!({ "ok": false, "error": error });
    if let Some(a) = action {
        v["action"] = json!(a);
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_action_names_the_field() {
        let r = run(r#"{"action":"launch-rockets","parameters":{}}"#);
        assert_eq!(r["ok"], false);
        assert_eq!(r["error"]["code"], "unknown_action");
        assert_eq!(r["error"]["path"], "action");
    }

    #[test]
    fn garbage_is_invalid_json_not_a_panic() {
        let r = run("{not json");
        assert_eq!(r["error"]["code"], "invalid_json");
    }

    #[test]
    fn missing_action_is_reported() {
        let r = run(r#"{"parameters":{}}"#);
        assert_eq!(r["error"]["code"], "missing_field");
        assert_eq!(r["error"]["path"], "action");
    }
}
