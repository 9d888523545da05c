//! Request text read strictly: a key given twice in one object is an error naming its path.
//! serde_json would keep the last one silently, so `{"severity": "low", "severity":
//! "critical"}` would be decided as critical with nothing to say the request was ambiguous;
//! YAML requests (serde_yaml_ng) already refuse it, and JSON ones must agree.
//!
//! The path is collected only when something fails, while the error unwinds, so reading a
//! valid request costs what serde_json's own `Value` reading costs.

use std::cell::RefCell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

use crate::error::{ErrorCode, RequestError};

/// Where reading failed, innermost step first (filled while the error unwinds).
#[derive(Default)]
struct Trail {
    steps: RefCell<Vec<Step>>,
    duplicate: RefCell<Option<String>>,
}

enum Step {
    Key(String),
    Index(usize),
}

/// Parses `text` (what: "request", "list", ...) into a value, refusing repeated keys.
pub fn parse(text: &str, what: &str) -> Result<Value, RequestError> {
    let trail = Trail::default();
    let mut de = serde_json::Deserializer::from_str(text);
    let read = Strict(&trail)
        .deserialize(&mut de)
        .and_then(|v| de.end().map(|()| v));
    read.map_err(|e| {
        let path = path_of(&trail.steps.borrow());
        match trail.duplicate.borrow().as_deref() {
            Some(key) => RequestError::new(
                ErrorCode::InvalidJson,
                path,
                format!("the {what} gives '{key}' twice in one object; give it once"),
            ),
            None => RequestError::new(
                ErrorCode::InvalidJson,
                "",
                format!("{what} is not JSON: {e}"),
            ),
        }
    })
}

/// `parameters.issue.severity`, `list[3].issue`: the outermost step first.
fn path_of(steps: &[Step]) -> String {
    let mut path = String::new();
    for step in steps.iter().rev() {
        match step {
            Step::Key(k) if path.is_empty() => path.push_str(k),
            Step::Key(k) => {
                path.push('.');
                path.push_str(k);
            }
            Step::Index(i) => path.push_str(&format!("[{i}]")),
        }
    }
    path
}

struct Strict<'t>(&'t Trail);

impl<'de> DeserializeSeed<'de> for Strict<'_> {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Strict<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        // JSON text has no NaN or infinity, so this is always a number.
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        self.deserialize(d)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        loop {
            match seq.next_element_seed(Strict(self.0)) {
                Ok(Some(v)) => items.push(v),
                Ok(None) => return Ok(Value::Array(items)),
                Err(e) => {
                    self.0.steps.borrow_mut().push(Step::Index(items.len()));
                    return Err(e);
                }
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if out.contains_key(&key) {
                self.0.steps.borrow_mut().push(Step::Key(key.clone()));
                *self.0.duplicate.borrow_mut() = Some(key);
                return Err(de::Error::custom("duplicate key"));
            }
            match map.next_value_seed(Strict(self.0)) {
                Ok(v) => {
                    out.insert(key, v);
                }
                Err(e) => {
                    self.0.steps.borrow_mut().push(Step::Key(key));
                    return Err(e);
                }
            }
        }
        Ok(Value::Object(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_valid_document_reads_as_serde_json_reads_it() {
        let text = r#"{"a": [1, -2, 3.5, "x", null, true, {"b": {}}], "c": 18446744073709551615}"#;
        let want: Value = serde_json::from_str(text).unwrap();
        assert_eq!(parse(text, "request").unwrap(), want);
    }

    #[test]
    fn a_repeated_key_is_refused_at_its_path() {
        let e = parse(
            r#"{"action": "determine-escalation", "parameters": {"issue":
                {"severity": "low", "severity": "critical"}}}"#,
            "request",
        )
        .unwrap_err();
        assert_eq!(
            (e.code, e.path.as_str()),
            (ErrorCode::InvalidJson, "parameters.issue.severity")
        );
        assert!(e.message.contains("'severity' twice"), "{}", e.message);

        let e = parse(r#"[{"a": 1}, {"b": [0, {"c": 1, "c": 2}]}]"#, "list").unwrap_err();
        assert_eq!(e.path, "[1].b[1].c");
        let e = parse(r#"{"action": "x", "action": "y"}"#, "request").unwrap_err();
        assert_eq!(e.path, "action");
    }

    #[test]
    fn broken_text_is_invalid_json_with_serde_jsons_reason() {
        for text in ["", "{", r#"{"a": 1} trailing"#, "[1,]", r#"{"a" 1}"#] {
            let e = parse(text, "request").unwrap_err();
            assert_eq!(
                (e.code, e.path.as_str()),
                (ErrorCode::InvalidJson, ""),
                "{text}"
            );
            assert!(
                e.message.starts_with("request is not JSON: "),
                "{}",
                e.message
            );
        }
    }

    #[test]
    fn the_same_key_in_different_objects_is_fine() {
        let v = parse(r#"{"a": {"id": 1}, "b": {"id": 2}, "id": 3}"#, "request").unwrap();
        assert_eq!(v["b"]["id"], 2);
    }
}
