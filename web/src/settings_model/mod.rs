//! The settings pages as plain data: drafts of config sections as the user types them, their
//! conversion to the values `update-config` takes, the rule builder's JSON Logic mapping and
//! the template preview. Kept apart from the DOM so it is tested natively.

pub mod directory;
pub mod rule_builder;
pub mod rule_draft;
pub mod section;
pub mod templates;
pub mod tiers;

use serde_json::{json, Value};

/// `update-config` replacing one section of the config. Nothing is stored unless the whole
/// new config validates; the door answers with the field's path otherwise.
pub fn update_config_request(section: &str, value: Value, now: &str) -> Value {
    json!({
        "action": "update-config",
        "now": now,
        "parameters": {"section": section, "value": value, "dry_run": false},
    })
}

/// What the page says after a save: how many open escalations the new settings move (the
/// door's what-if), or the door's error with its path.
pub fn save_outcome(response: &Value) -> Result<String, String> {
    if let Some(e) = crate::detail::error_line(response) {
        return Err(format!("Not saved. {e}"));
    }
    let n = response["result"]["changed_count"].as_u64().unwrap_or(0);
    Ok(match n {
        0 => "Saved. No open escalation changes tier or SLA state.".to_string(),
        1 => "Saved. 1 open escalation changes tier or SLA state.".to_string(),
        n => format!("Saved. {n} open escalations change tier or SLA state."),
    })
}

/// Comma- or newline-separated text to trimmed, non-empty items.
pub fn split_list(text: &str) -> Vec<String> {
    text.split([',', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

pub fn join_list(items: &[String]) -> String {
    items.join(", ")
}

/// A whole number typed in a box, or an error naming the field.
pub fn parse_number<T: std::str::FromStr>(
    text: &str,
    field: &str,
    what: &str,
) -> Result<T, String> {
    text.trim()
        .parse()
        .map_err(|_| format!("{field}: {what}, got \"{}\"", text.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_split_on_commas_and_lines_and_drop_blanks() {
        assert_eq!(split_list(" a, b\n\nc ,"), vec!["a", "b", "c"]);
        assert_eq!(join_list(&split_list("a,b")), "a, b");
    }

    #[test]
    fn save_outcome_reports_changes_or_the_path_at_fault() {
        let ok =
            json!({"ok": true, "result": {"applied": true, "changes": [], "changed_count": 2}});
        assert_eq!(
            save_outcome(&ok).unwrap(),
            "Saved. 2 open escalations change tier or SLA state."
        );
        let refused = json!({"ok": false, "error": {"code": "invalid_template",
            "path": "parameters.value[2].source", "message": "template 'subject', line 1"}});
        let e = save_outcome(&refused).unwrap_err();
        assert!(
            e.contains("parameters.value[2].source: template 'subject', line 1"),
            "{e}"
        );
    }
}
