//! The only place that knows which JSON Logic evaluator we use: conditions are validated by
//! jsonlogic-rs and then compiled once into [`Node`] trees (see `logic.rs`), which evaluate
//! a ticket without re-reading the rule's JSON.

use serde_json::Value;

use crate::config::{Effect, Rule};
use crate::error::{ErrorCode, RequestError};
use crate::logic::{truthy, Node};

/// Operators accepted in conditions. jsonlogic-rs treats an object with an unknown key as a
/// literal (which is truthy), so a typo like `">=="` would silently match every ticket;
/// checking names up front turns that into an error when the config is loaded.
const OPERATORS: &[&str] = &[
    "var",
    "missing",
    "missing_some",
    "if",
    "?:",
    "==",
    "===",
    "!=",
    "!==",
    "!",
    "!!",
    "or",
    "and",
    ">",
    ">=",
    "<",
    "<=",
    "max",
    "min",
    "+",
    "-",
    "*",
    "/",
    "%",
    "map",
    "reduce",
    "filter",
    "all",
    "none",
    "some",
    "merge",
    "in",
    "cat",
    "substr",
];

/// A rule checked once and ready to evaluate against many tickets.
#[derive(Debug, Clone)]
pub struct CompiledRule {
    pub id: String,
    pub description: String,
    pub effect: Effect,
    condition: Node,
}

/// All rules of a config, validated together so one bad rule is reported before any ticket.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    pub rules: Vec<CompiledRule>,
    /// What the rules may read, worked out once: deciding a ticket builds only that data.
    reads: Reads,
}

/// Top-level data keys and keys of `facts` some rule may read.
#[derive(Debug, Clone, Default)]
struct Reads {
    roots: Vec<String>,
    /// `None`: any key of `facts` may be read.
    facts: Option<Vec<String>>,
}

/// The request parts decisions put into rule data besides `facts`.
const ROOTS: [&str; 3] = ["issue", "customer", "context"];

impl RuleSet {
    /// Validates every rule; errors name the rule by its position in `config.rules`.
    pub fn compile(rules: &[Rule]) -> Result<RuleSet, RequestError> {
        let mut compiled = Vec::with_capacity(rules.len());
        for (i, rule) in rules.iter().enumerate() {
            let path = format!("config.rules.{i}.when");
            check_operators(&rule.condition, &path)?;
            // Parsing happens inside apply; an empty data object exercises it without facts.
            jsonlogic_rs::apply(&rule.condition, &Value::Object(Default::default())).map_err(
                |e| {
                    RequestError::new(
                        ErrorCode::InvalidRule,
                        &path,
                        format!("rule '{}' is not valid JSON Logic: {e}", rule.id),
                    )
                },
            )?;
            if let Some(t) = rule.effect.min_tier {
                if !(1..=4).contains(&t) {
                    return Err(RequestError::new(
                        ErrorCode::InvalidRule,
                        format!("config.rules.{i}.effect.min_tier"),
                        format!("rule '{}': min_tier must be 1-4, got {t}", rule.id),
                    ));
                }
            }
            compiled.push(CompiledRule {
                id: rule.id.clone(),
                description: rule.description.clone(),
                effect: rule.effect.clone(),
                condition: Node::compile(&rule.condition),
            });
        }
        let reads = Reads::of(&compiled);
        Ok(RuleSet {
            rules: compiled,
            reads,
        })
    }
}

impl RuleSet {
    /// Whether any rule may read `root` of the data; the caller can leave out (and not
    /// copy) the parts of a request no rule looks at.
    pub fn reads(&self, root: &str) -> bool {
        match ROOTS.contains(&root) {
            true => self.reads.roots.iter().any(|r| r == root),
            false => self.rules.iter().any(|r| r.condition.reads(root)),
        }
    }

    /// Whether any rule may read `facts.<key>`.
    pub fn reads_fact(&self, key: &str) -> bool {
        match &self.reads.facts {
            None => true,
            Some(keys) => keys.iter().any(|k| k == key),
        }
    }
}

impl Reads {
    fn of(rules: &[CompiledRule]) -> Reads {
        let roots = ROOTS
            .iter()
            .filter(|root| rules.iter().any(|r| r.condition.reads(root)))
            .map(|root| root.to_string())
            .collect();
        let mut keys = Vec::new();
        let bounded = rules
            .iter()
            .all(|r| r.condition.keys_under("facts", &mut keys));
        Reads {
            roots,
            facts: bounded.then_some(keys),
        }
    }
}

impl CompiledRule {
    /// JSON Logic truthiness: a condition that errors at evaluation time does not match,
    /// because one ticket's odd data must not block the decision for it.
    pub fn matches(&self, data: &Value) -> bool {
        self.condition.eval(data).is_ok_and(|v| truthy(&v))
    }
}

fn check_operators(v: &Value, path: &str) -> Result<(), RequestError> {
    match v {
        Value::Object(map) if map.len() == 1 => {
            let (op, args) = map.iter().next().expect("one entry");
            if !OPERATORS.contains(&op.as_str()) {
                return Err(RequestError::new(
                    ErrorCode::InvalidRule,
                    path,
                    format!("unknown JSON Logic operator '{op}'"),
                ));
            }
            check_operators(args, &format!("{path}.{op}"))
        }
        Value::Array(items) => items
            .iter()
            .enumerate()
            .try_for_each(|(i, item)| check_operators(item, &format!("{path}.{i}"))),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn rule(when: Value) -> Rule {
        Rule {
            id: "r".into(),
            description: String::new(),
            condition: when,
            effect: Effect::default(),
        }
    }

    #[test]
    fn typo_in_operator_is_caught_at_compile_time() {
        let e = RuleSet::compile(&[rule(json!({">==": [1, 2]}))]).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidRule);
        assert_eq!(e.path, "config.rules.0.when");
    }

    #[test]
    fn compiled_rule_reads_facts() {
        let set = RuleSet::compile(&[rule(json!({">=": [{"var": "facts.x"}, 2]}))]).unwrap();
        assert!(set.rules[0].matches(&json!({"facts": {"x": 3}})));
        assert!(!set.rules[0].matches(&json!({"facts": {"x": 1}})));
    }

    #[test]
    fn rule_sets_know_what_their_rules_read() {
        let set = RuleSet::compile(&[
            rule(json!({">=": [{"var": "facts.x"}, 2]})),
            rule(json!({"==": [{"var": "issue.severity"}, {"var": "facts.y.z"}]})),
        ])
        .unwrap();
        assert!(set.reads_fact("x") && set.reads_fact("y"));
        assert!(!set.reads_fact("severity_rank"));
        assert!(set.reads("issue") && !set.reads("customer"));
        for whole in [
            json!({"!!": {"var": "facts"}}),
            json!({"!!": {"var": ""}}),
            json!({"missing": ["facts.q"]}),
        ] {
            let set =
                RuleSet::compile(&[rule(json!({"var": "facts.x"})), rule(whole.clone())]).unwrap();
            assert!(set.reads_fact("anything"), "{whole}");
        }
    }

    #[test]
    fn default_rules_compile() {
        RuleSet::compile(&crate::config::default_config().rules).unwrap();
    }
}
