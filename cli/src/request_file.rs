//! Reads a request document: JSON or YAML, chosen by extension, stdin for `-`.

use std::io::Read;

use serde_json::Value;

pub fn load(path: &str) -> Result<Value, String> {
    let text = if path == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .map_err(|e| format!("cannot read stdin: {e}"))?;
        s
    } else {
        std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?
    };
    parse(path, &text)
}

/// JSON is a subset of YAML, so anything not named `.json` goes through the YAML parser.
pub fn parse(path: &str, text: &str) -> Result<Value, String> {
    if path.ends_with(".json") {
        escalon::strict_json::parse(text, "request").map_err(|e| match e.path.as_str() {
            // Broken text: serde_json's own reason, with its line and column.
            "" => match serde_json::from_str::<Value>(text) {
                Err(syntax) => format!("{path} is not valid JSON: {syntax}"),
                Ok(_) => format!("{path} is not valid JSON: {}", e.message),
            },
            at => format!("{path} is not valid JSON: {} (at {at})", e.message),
        })
    } else {
        yaml(text).map_err(|e| format!("{path} is not valid YAML: {e}"))
    }
}

/// Read through serde_yaml_ng's own `Value` first: its mappings refuse a key given twice
/// (`duplicate entry with key "action"`, with the line), where reading straight into a JSON
/// value would silently keep the last one and run a request nobody wrote.
fn yaml(text: &str) -> Result<Value, String> {
    let value: serde_yaml_ng::Value = serde_yaml_ng::from_str(text).map_err(|e| e.to_string())?;
    if let Some((at, n)) = non_finite(&value, "") {
        return Err(format!("{at} is {n}, a number JSON cannot carry"));
    }
    serde_json::to_value(value).map_err(|e| e.to_string())
}

/// The path and text of the first `.nan` or `.inf`. serde would write it as null, which the
/// engine reads as "not given": a health score of `.nan` would quietly lower the urgency.
fn non_finite(v: &serde_yaml_ng::Value, path: &str) -> Option<(String, String)> {
    use serde_yaml_ng::Value as Y;
    match v {
        Y::Number(n) if n.as_f64().is_some_and(|f| !f.is_finite()) => {
            Some((path.to_string(), n.to_string()))
        }
        Y::Sequence(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, x)| non_finite(x, &format!("{path}[{i}]"))),
        Y::Mapping(m) => m.iter().find_map(|(k, x)| {
            let key = k.as_str().map_or_else(|| format!("{k:?}"), str::to_string);
            let at = if path.is_empty() {
                key
            } else {
                format!("{path}.{key}")
            };
            non_finite(x, &at)
        }),
        Y::Tagged(t) => non_finite(&t.value, path),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_given_twice_is_refused_in_json_as_in_yaml() {
        let e = parse("a.json", r#"{"action": "x", "action": "y"}"#).unwrap_err();
        assert!(
            e.contains("'action' twice") && e.contains("at action"),
            "{e}"
        );
        let e = parse("a.yaml", "action: x\naction: y\n").unwrap_err();
        assert!(e.contains("duplicate entry"), "{e}");
    }

    #[test]
    fn yaml_and_json_give_the_same_request() {
        let y = parse(
            "a.yaml",
            "action: track-progress\nparameters:\n  escalation_id: E1\n",
        );
        let j = parse(
            "a.json",
            r#"{"action":"track-progress","parameters":{"escalation_id":"E1"}}"#,
        );
        assert_eq!(y.unwrap(), j.unwrap());
    }

    #[test]
    fn duplicate_yaml_key_is_refused_naming_the_key() {
        let e = parse(
            "dup.yaml",
            "action: sla-status\nparameters:\n  clock: {}\n  clock: {}\n",
        )
        .unwrap_err();
        assert!(e.contains("dup.yaml") && e.contains("\"clock\""), "{e}");
    }

    #[test]
    fn yaml_scalars_keep_their_json_types() {
        let v = parse("a.yaml", "n: 7\nf: 1.5\nb: true\nz: ~\ns: '7'\nl: [1, x]\n").unwrap();
        assert_eq!(
            v,
            serde_json::json!({"n": 7, "f": 1.5, "b": true, "z": null, "s": "7", "l": [1, "x"]})
        );
    }

    /// Regression (audit of 2026-11-29): `.nan` and `.inf` became null, "not given".
    #[test]
    fn yaml_nan_and_infinity_are_refused_at_their_path() {
        let e = parse(
            "a.yaml",
            "action: determine-escalation\nparameters:\n  customer: {health_score: .nan}\n",
        )
        .unwrap_err();
        assert!(
            e.contains("a.yaml") && e.contains("parameters.customer.health_score"),
            "{e}"
        );
        let e = parse("a.yaml", "parameters: {issue: {tags: [1, -.inf]}}\n").unwrap_err();
        assert!(e.contains("parameters.issue.tags[1]"), "{e}");
    }

    #[test]
    fn broken_yaml_names_the_file() {
        let e = parse("bad.yaml", "action: [unclosed").unwrap_err();
        assert!(e.contains("bad.yaml"), "{e}");
    }
}
