//! One rule as the Rules page edits it: a form (id, description, the builder, the effect)
//! or the whole rule as raw JSON. Switching views converts between the two; a condition the
//! builder cannot represent keeps the rule in JSON.

use escalon::config::{Effect, Rule};
use serde_json::{json, Value};

use super::rule_builder::Builder;
use super::{join_list, split_list};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleMode {
    Builder,
    Json,
}

/// The form fields; numbers and lists are kept as typed until saved.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleForm {
    pub id: String,
    pub description: String,
    pub builder: Builder,
    pub add_points: String,
    /// Empty: no minimum tier.
    pub min_tier: String,
    /// Comma-separated role ids.
    pub add_stakeholders: String,
    /// One recommended action per line.
    pub recommend: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RuleDraft {
    pub mode: RuleMode,
    pub form: RuleForm,
    pub raw: String,
}

impl RuleDraft {
    /// A rule opens in the builder when its condition has the builder's shape.
    pub fn from_rule(rule: &Rule) -> RuleDraft {
        let raw = pretty(&escalon::json_text::value_of(rule).unwrap_or(Value::Null));
        match Builder::from_logic(&rule.condition) {
            Some(builder) => RuleDraft {
                mode: RuleMode::Builder,
                form: form_of(rule, builder),
                raw,
            },
            None => RuleDraft {
                mode: RuleMode::Json,
                form: form_of(rule, Builder::default()),
                raw,
            },
        }
    }

    /// A new rule, numbered so its id is unique among `existing` ids.
    pub fn new_rule(existing: &[String]) -> RuleDraft {
        let id = (1..)
            .map(|n| format!("rule_{n}"))
            .find(|id| !existing.contains(id))
            .expect("an unused id exists");
        let rule = Rule {
            id,
            description: String::new(),
            condition: Builder::default().to_logic().expect("the default is valid"),
            effect: Effect::default(),
        };
        RuleDraft::from_rule(&rule)
    }

    /// The rule's id as shown in lists (from the JSON when in JSON mode).
    pub fn id(&self) -> String {
        match self.mode {
            RuleMode::Builder => self.form.id.clone(),
            RuleMode::Json => serde_json::from_str::<Value>(&self.raw)
                .ok()
                .and_then(|v| v["id"].as_str().map(str::to_string))
                .unwrap_or_else(|| self.form.id.clone()),
        }
    }

    /// The rule as JSON for `update-config`; `label` names the rule in errors.
    pub fn to_value(&self, label: &str) -> Result<Value, String> {
        match self.mode {
            RuleMode::Builder => self.form_value(label),
            RuleMode::Json => parse_json(&self.raw).map_err(|e| format!("{label} JSON: {e}")),
        }
    }

    /// Builder to JSON: the form is written out as the whole rule.
    pub fn show_json(&mut self, label: &str) -> Result<(), String> {
        if self.mode == RuleMode::Builder {
            self.raw = pretty(&self.form_value(label)?);
            self.mode = RuleMode::Json;
        }
        Ok(())
    }

    /// JSON to builder: only for a valid rule whose condition has the builder's shape.
    pub fn show_builder(&mut self, label: &str) -> Result<(), String> {
        if self.mode == RuleMode::Json {
            let value = parse_json(&self.raw).map_err(|e| format!("{label} JSON: {e}"))?;
            let rule: Rule = escalon::value_de::from_value(value)
                .map_err(|e| format!("{label} is not a rule: {e}"))?;
            let builder = Builder::from_logic(&rule.condition).ok_or_else(|| {
                format!(
                    "{label}: this condition is not \"fact op value\" joined by all or any; \
                     it stays editable as JSON"
                )
            })?;
            self.form = form_of(&rule, builder);
            self.mode = RuleMode::Builder;
        }
        Ok(())
    }

    fn form_value(&self, label: &str) -> Result<Value, String> {
        let f = &self.form;
        let when = f
            .builder
            .to_logic()
            .map_err(|e| format!("{label} condition: {e}"))?;
        let mut effect = json!({});
        let points = f.add_points.trim();
        if !points.is_empty() {
            let n: u8 = points
                .parse()
                .map_err(|_| format!("{label} effect.add_points: a whole number 0-255"))?;
            effect["add_points"] = json!(n);
        }
        let tier = f.min_tier.trim();
        if !tier.is_empty() {
            let t: u8 = tier
                .parse()
                .map_err(|_| format!("{label} effect.min_tier: a tier 1-4"))?;
            effect["min_tier"] = json!(t);
        }
        let roles = split_list(&f.add_stakeholders);
        if !roles.is_empty() {
            effect["add_stakeholders"] = json!(roles);
        }
        let steps: Vec<String> = f
            .recommend
            .lines()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        if !steps.is_empty() {
            effect["recommend"] = json!(steps);
        }
        Ok(json!({
            "id": f.id.trim(),
            "description": f.description.trim(),
            "when": when,
            "effect": effect,
        }))
    }
}

fn form_of(rule: &Rule, builder: Builder) -> RuleForm {
    let e = &rule.effect;
    RuleForm {
        id: rule.id.clone(),
        description: rule.description.clone(),
        builder,
        add_points: if e.add_points == 0 {
            String::new()
        } else {
            e.add_points.to_string()
        },
        min_tier: e.min_tier.map(|t| t.to_string()).unwrap_or_default(),
        add_stakeholders: join_list(&e.add_stakeholders),
        recommend: e.recommend.join("\n"),
    }
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_default()
}

/// Parses JSON text; the error names the line and column where parsing stopped.
pub fn parse_json(text: &str) -> Result<Value, String> {
    serde_json::from_str(text).map_err(|e| {
        let what = e.to_string();
        // serde_json appends " at line L column C"; say it once, in our words.
        let what = what.split(" at line ").next().unwrap_or(&what).to_string();
        format!("{what} (line {}, column {})", e.line(), e.column())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings_model::rule_builder::{Condition, Join, Op};

    fn shipped(id: &str) -> Rule {
        escalon::config::default_config()
            .rules
            .into_iter()
            .find(|r| r.id == id)
            .unwrap()
    }

    #[test]
    fn a_shipped_rule_is_saved_unchanged_from_either_view() {
        let rule = shipped("platform_outage");
        let mut d = RuleDraft::from_rule(&rule);
        assert_eq!(d.mode, RuleMode::Builder);
        let from_form: Rule = serde_json::from_value(d.to_value("rules[1]").unwrap()).unwrap();
        assert_eq!(from_form, rule);
        d.show_json("rules[1]").unwrap();
        assert_eq!(d.mode, RuleMode::Json);
        let from_json: Rule = serde_json::from_value(d.to_value("rules[1]").unwrap()).unwrap();
        assert_eq!(from_json, rule);
        d.show_builder("rules[1]").unwrap();
        assert_eq!(d.form.builder.conditions.len(), 2);
    }

    #[test]
    fn a_built_rule_shows_as_json_and_json_edits_reach_the_builder() {
        let mut d = RuleDraft::new_rule(&["rule_1".into()]);
        assert_eq!(d.form.id, "rule_2");
        d.form.builder = Builder {
            join: Join::All,
            conditions: vec![Condition {
                fact: "facts.category".into(),
                op: Op::Eq,
                value: "technical".into(),
            }],
        };
        d.form.min_tier = "4".into();
        d.form.add_stakeholders = "director, vp".into();
        d.show_json("rules[0]").unwrap();
        let v: Value = serde_json::from_str(&d.raw).unwrap();
        assert_eq!(
            v["when"],
            json!({"==": [{"var": "facts.category"}, "technical"]})
        );
        assert_eq!(v["effect"]["min_tier"], 4);
        assert_eq!(v["effect"]["add_stakeholders"], json!(["director", "vp"]));
        d.raw = d.raw.replace("technical", "billing");
        d.show_builder("rules[0]").unwrap();
        assert_eq!(d.form.builder.conditions[0].value, "billing");
        assert_eq!(d.form.min_tier, "4");
    }

    #[test]
    fn an_unusual_condition_stays_raw() {
        let mut rule = shipped("security_issue");
        rule.condition = json!({"!": {"var": "facts.sla"}});
        let mut d = RuleDraft::from_rule(&rule);
        assert_eq!(d.mode, RuleMode::Json);
        let e = d.show_builder("rules[7]").unwrap_err();
        assert!(e.contains("stays editable as JSON"), "{e}");
        assert_eq!(d.mode, RuleMode::Json);
    }

    #[test]
    fn broken_json_names_its_position_and_bad_numbers_their_field() {
        let d = RuleDraft {
            mode: RuleMode::Json,
            raw: "{\n  \"id\": \"x\",\n  \"when\": {\n}".into(),
            ..RuleDraft::new_rule(&[])
        };
        let e = d.to_value("rules[3]").unwrap_err();
        assert!(e.starts_with("rules[3] JSON: "), "{e}");
        assert!(e.contains("line 4, column 1"), "{e}");
        let mut d = RuleDraft::new_rule(&[]);
        d.form.add_points = "lots".into();
        assert!(d
            .to_value("rules[0]")
            .unwrap_err()
            .contains("rules[0] effect.add_points"));
    }
}
