//! The shape check of a proposed config, and where in it serde's complaint points.
//!
//! serde's own errors name no path when reading from a `Value`. serde_path_to_error named
//! one, but wrapped every `Deserialize` impl of the config a second time (+45 KB gzip in each
//! wasm build). Here the path is found by re-reading: serde reads a map's keys in order and
//! stops at the first error, so within the failing object the culprit is the key whose
//! inclusion first brings the same message back. Descend into it and repeat. Only a refused
//! config pays for this, and a config is a few kilobytes.

use serde_json::Value;

use crate::config::Config;
use crate::error::{ErrorCode, RequestError};

/// The config's field names, in order (`sections_match_the_schema` keeps it whole).
pub const SECTIONS: &[&str] = &[
    "tiers",
    "rules",
    "priority",
    "history_window_days",
    "directory",
    "runbooks",
    "sla_policies",
    "calendars",
    "timezone",
    "triage_volume",
    "metric_targets",
    "sla_escalation",
    "templates",
    "notify",
    "deescalation",
    "major_incident",
];

/// Parses a proposed config; a shape error carries a `config.`-rooted path.
pub fn parse(candidate: Value) -> Result<Config, RequestError> {
    match crate::value_de::from_value::<Config>(candidate.clone()) {
        Ok(config) => Ok(config),
        Err(e) => {
            let message = e.to_string();
            let path = locate(&candidate, &message, &|v| {
                crate::value_de::from_value::<Config>(v.clone())
                    .err()
                    .map(|e| e.to_string())
            });
            Err(error(format!("config{path}"), message))
        }
    }
}

#[derive(Clone)]
enum Step {
    Key(String),
    Index(usize),
}

/// The path (`.a[0].b`) in `root` of what `reread` complains about with `message`.
fn locate(root: &Value, message: &str, reread: &dyn Fn(&Value) -> Option<String>) -> String {
    let mut path: Vec<Step> = Vec::new();
    loop {
        let node = root.pointer(&pointer(&path)).unwrap_or(&Value::Null);
        let steps: Vec<Step> = match node {
            Value::Object(m) => m.keys().cloned().map(Step::Key).collect(),
            Value::Array(a) => (0..a.len()).map(Step::Index).collect(),
            _ => break,
        };
        let culprit = (0..=steps.len()).find(|&k| {
            let mut trial = root.clone();
            if let Some(slot) = trial.pointer_mut(&pointer(&path)) {
                *slot = prefix(node, k);
            }
            reread(&trial).as_deref() == Some(message)
        });
        match culprit {
            Some(k) if k > 0 => path.push(steps[k - 1].clone()),
            _ => break,
        }
    }
    let mut text: String = path
        .iter()
        .map(|s| match s {
            Step::Key(k) => format!(".{k}"),
            Step::Index(i) => format!("[{i}]"),
        })
        .collect();
    // serde reports a missing field against the object that lacks it: point at the field.
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|m| m.split('`').next())
    {
        text = format!("{text}.{field}");
    }
    text
}

/// The first `k` keys or items of a map or list.
fn prefix(v: &Value, k: usize) -> Value {
    match v {
        Value::Object(m) => Value::Object(crate::sort::map(
            m.iter().take(k).map(|(a, b)| (a.clone(), b.clone())),
        )),
        Value::Array(a) => Value::Array(a[..k].to_vec()),
        other => other.clone(),
    }
}

/// The JSON pointer (`/tiers/2/min_score`) of a path, for `Value::pointer`.
fn pointer(path: &[Step]) -> String {
    path.iter()
        .map(|s| match s {
            Step::Key(k) => format!("/{}", k.replace('~', "~0").replace('/', "~1")),
            Step::Index(i) => format!("/{i}"),
        })
        .collect()
}

/// The error code follows serde's wording.
fn error(path: String, message: String) -> RequestError {
    let code = if message.starts_with("missing field") {
        ErrorCode::MissingField
    } else if message.starts_with("unknown field") {
        ErrorCode::UnknownField
    } else if message.starts_with("invalid type") {
        ErrorCode::WrongType
    } else {
        ErrorCode::OutOfRange
    };
    RequestError::new(code, path, crate::error::plain_words(&message))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn path_of(edit: impl FnOnce(&mut Value)) -> (String, ErrorCode) {
        let mut v = serde_json::to_value(crate::config::default_config()).unwrap();
        edit(&mut v);
        let e = parse(v).unwrap_err();
        (e.path, e.code)
    }

    #[test]
    fn a_wrong_type_deep_in_a_list_is_found_even_when_the_value_occurs_elsewhere() {
        // "high" is also a severity inside the default rules; the path must not go there.
        let (path, code) = path_of(|v| v["tiers"][3]["name"] = json!(["high"]));
        assert_eq!(
            (path.as_str(), code),
            ("config.tiers[3].name", ErrorCode::WrongType)
        );
        let (path, _) = path_of(|v| v["tiers"][1]["min_score"] = json!("high"));
        assert_eq!(path, "config.tiers[1].min_score");
    }

    #[test]
    fn a_missing_field_points_at_the_field_in_its_element() {
        let (path, code) = path_of(|v| {
            v["directory"] = json!([{"name": "A", "email": "a@x", "roles": []}, {"email": "b@x"}])
        });
        assert_eq!(
            (path.as_str(), code),
            ("config.directory[1].name", ErrorCode::MissingField)
        );
    }

    #[test]
    fn a_missing_section_and_a_non_object_are_named() {
        let (path, code) = path_of(|v| {
            v.as_object_mut().unwrap().remove("tiers");
        });
        assert_eq!(
            (path.as_str(), code),
            ("config.tiers", ErrorCode::MissingField)
        );
        assert_eq!(parse(json!("tiers")).unwrap_err().path, "config");
    }

    #[test]
    fn a_negative_number_names_its_field() {
        let (path, _) = path_of(|v| v["history_window_days"] = json!(-3));
        assert_eq!(path, "config.history_window_days");
    }
}
