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
        serde_json::from_str(text).map_err(|e| format!("{path} is not valid JSON: {e}"))
    } else {
        serde_yaml_ng::from_str(text).map_err(|e| format!("{path} is not valid YAML: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn broken_yaml_names_the_file() {
        let e = parse("bad.yaml", "action: [unclosed").unwrap_err();
        assert!(e.contains("bad.yaml"), "{e}");
    }
}
