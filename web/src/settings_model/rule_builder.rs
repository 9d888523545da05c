//! The rule builder's shape: conditions "fact op value" joined by all (`and`) or any (`or`),
//! and its exact mapping to JSON Logic. Only this shape opens in the builder; any other
//! condition (nested logic, arithmetic, `missing`…) stays editable as raw JSON, so the
//! builder never rewrites what it cannot represent.

use serde_json::{json, Value};

/// The facts a decision exposes to rules (see core `decide::score::facts`), with a hint on
/// their values, offered as suggestions; any `var` path may still be typed.
pub const FACTS: &[(&str, &str)] = &[
    ("facts.severity_rank", "0 low, 1 medium, 2 high, 3 critical"),
    (
        "facts.impact_rank",
        "0 single user … 3 all customers (see the impact scale)",
    ),
    (
        "facts.segment_rank",
        "0 smb, 1 mid market, 2 enterprise, 3 strategic",
    ),
    (
        "facts.sentiment_rank",
        "0 positive, 1 neutral, 2 concerned, 3 frustrated, 4 angry",
    ),
    (
        "facts.health_risk",
        "100 minus the health score (0 if not given)",
    ),
    ("facts.health_score", "0-100, or null when not given"),
    ("facts.contract_value", "a number"),
    ("facts.duration_hours", "hours the issue has been open"),
    (
        "facts.previous_escalations",
        "the customer's previous escalations",
    ),
    (
        "facts.history_escalations",
        "escalations found in the workspace history",
    ),
    ("facts.affected_users", "users affected (0 if not given)"),
    ("facts.current_tier", "1-4"),
    ("facts.category", "text, e.g. security"),
    ("facts.product", "text"),
    (
        "facts.sla.resolution.state",
        "running, warning, breached, met or paused (recorded escalations)",
    ),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Join {
    All,
    Any,
}

impl Join {
    fn operator(self) -> &'static str {
        match self {
            Join::All => "and",
            Join::Any => "or",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Eq,
    Ne,
    Gt,
    Ge,
    Lt,
    Le,
    In,
}

impl Op {
    pub const ALL: [Op; 7] = [Op::Eq, Op::Ne, Op::Gt, Op::Ge, Op::Lt, Op::Le, Op::In];

    pub fn symbol(self) -> &'static str {
        match self {
            Op::Eq => "==",
            Op::Ne => "!=",
            Op::Gt => ">",
            Op::Ge => ">=",
            Op::Lt => "<",
            Op::Le => "<=",
            Op::In => "in",
        }
    }

    pub fn parse(symbol: &str) -> Option<Op> {
        Op::ALL.into_iter().find(|o| o.symbol() == symbol)
    }
}

/// One condition as the user typed it. `value` is text: a number, `true`, `false` or
/// `null` mean those; anything else is a string (quote it, `"3"`, to force a string). For
/// `in`, the value is a comma-separated list.
#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    pub fact: String,
    pub op: Op,
    pub value: String,
}

impl Default for Condition {
    fn default() -> Self {
        Self {
            fact: "facts.severity_rank".into(),
            op: Op::Ge,
            value: "2".into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Builder {
    pub join: Join,
    pub conditions: Vec<Condition>,
}

impl Default for Builder {
    fn default() -> Self {
        Self {
            join: Join::All,
            conditions: vec![Condition::default()],
        }
    }
}

impl Builder {
    /// The JSON Logic of the builder. One condition under "all" is written bare (as the
    /// shipped rules are); otherwise the conditions sit under `and` / `or`.
    pub fn to_logic(&self) -> Result<Value, String> {
        let mut parts = Vec::with_capacity(self.conditions.len());
        for (i, c) in self.conditions.iter().enumerate() {
            let fact = c.fact.trim();
            if fact.is_empty() {
                return Err(format!("condition {}: choose a fact", i + 1));
            }
            let value = match c.op {
                Op::In => Value::Array(
                    c.value
                        .split(',')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(literal)
                        .collect(),
                ),
                _ => literal(c.value.trim()),
            };
            parts.push(json!({ c.op.symbol(): [{"var": fact}, value] }));
        }
        match (self.join, parts.len()) {
            (_, 0) => Err("add at least one condition".into()),
            (Join::All, 1) => Ok(parts.remove(0)),
            (join, _) => Ok(json!({ join.operator(): parts })),
        }
    }

    /// The builder for a condition of the common shape, `None` for anything else.
    pub fn from_logic(logic: &Value) -> Option<Builder> {
        let (op, args) = single_entry(logic)?;
        let join = match op {
            "and" => Some(Join::All),
            "or" => Some(Join::Any),
            _ => None,
        };
        match join {
            Some(join) => {
                let items = args.as_array().filter(|a| !a.is_empty())?;
                let conditions = items.iter().map(condition).collect::<Option<Vec<_>>>()?;
                Some(Builder { join, conditions })
            }
            None => Some(Builder {
                join: Join::All,
                conditions: vec![condition(logic)?],
            }),
        }
    }
}

fn single_entry(v: &Value) -> Option<(&str, &Value)> {
    let map = v.as_object().filter(|m| m.len() == 1)?;
    map.iter().next().map(|(k, v)| (k.as_str(), v))
}

/// `{op: [{"var": fact}, literal]}`; for `in`, the literal is a list of scalars.
fn condition(v: &Value) -> Option<Condition> {
    let (symbol, args) = single_entry(v)?;
    let op = Op::parse(symbol)?;
    let [var, value] = args.as_array()?.as_slice() else {
        return None;
    };
    let fact = match single_entry(var)? {
        ("var", Value::String(s)) if !s.is_empty() => s.clone(),
        _ => return None,
    };
    let value = match (op, value) {
        (Op::In, Value::Array(items)) => {
            let texts = items
                .iter()
                .map(|x| text_of(x).filter(|t| !t.contains(',')))
                .collect::<Option<Vec<_>>>()?;
            if texts.is_empty() {
                return None;
            }
            texts.join(", ")
        }
        (Op::In, _) => return None,
        (_, x) => text_of(x)?,
    };
    Some(Condition { fact, op, value })
}

/// Text typed in the value box to its JSON value.
fn literal(text: &str) -> Value {
    match serde_json::from_str::<Value>(text) {
        Ok(v @ (Value::Number(_) | Value::Bool(_) | Value::Null | Value::String(_))) => v,
        _ => Value::String(text.to_string()),
    }
}

/// The text that [`literal`] reads back as `v`, `None` for objects and arrays.
fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => {
            let bare_reads_back = literal(s.trim()) == *v && s.trim() == s;
            Some(if bare_reads_back {
                s.clone()
            } else {
                Value::String(s.clone()).to_string()
            })
        }
        Value::Number(_) | Value::Bool(_) | Value::Null => Some(v.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cond(fact: &str, op: Op, value: &str) -> Condition {
        Condition {
            fact: fact.into(),
            op,
            value: value.into(),
        }
    }

    #[test]
    fn builder_writes_json_logic_the_engine_accepts_and_evaluates() {
        let b = Builder {
            join: Join::Any,
            conditions: vec![
                cond("facts.category", Op::In, "security, billing"),
                cond("facts.severity_rank", Op::Ge, "3"),
            ],
        };
        let logic = b.to_logic().unwrap();
        assert_eq!(
            logic,
            json!({"or": [
                {"in": [{"var": "facts.category"}, ["security", "billing"]]},
                {">=": [{"var": "facts.severity_rank"}, 3]}
            ]})
        );
        let rule = escalon::config::Rule {
            id: "r".into(),
            description: String::new(),
            condition: logic,
            effect: Default::default(),
        };
        let set = escalon::rules::RuleSet::compile(&[rule]).unwrap();
        let m = |category: &str, rank: u8| {
            let doc = json!({"facts": {"category": category, "severity_rank": rank}});
            set.rules[0].matches(&escalon::rules::RuleData::from_document(&set, doc))
        };
        assert!(m("billing", 0));
        assert!(m("technical", 3));
        assert!(!m("technical", 2));
    }

    #[test]
    fn values_are_typed_and_quoting_forces_a_string() {
        let logic = |v: &str| {
            Builder {
                join: Join::All,
                conditions: vec![cond("facts.x", Op::Eq, v)],
            }
            .to_logic()
            .unwrap()["=="][1]
                .clone()
        };
        assert_eq!(logic("42"), json!(42));
        assert_eq!(logic("2.5"), json!(2.5));
        assert_eq!(logic("true"), json!(true));
        assert_eq!(logic("null"), json!(null));
        assert_eq!(logic("security"), json!("security"));
        assert_eq!(logic("\"42\""), json!("42"));
    }

    #[test]
    fn builder_round_trips_through_json() {
        let cases = [
            Builder {
                join: Join::All,
                conditions: vec![cond("facts.category", Op::Ne, "security")],
            },
            Builder {
                join: Join::Any,
                conditions: vec![cond("facts.current_tier", Op::Lt, "3")],
            },
            Builder {
                join: Join::All,
                conditions: vec![
                    cond("facts.product", Op::In, "api, \"42\", 7"),
                    cond("facts.health_score", Op::Le, "40.5"),
                    cond("customer.name", Op::Eq, "\"true\""),
                ],
            },
        ];
        for b in cases {
            let logic = b.to_logic().unwrap();
            assert_eq!(Builder::from_logic(&logic), Some(b.clone()), "{logic}");
        }
    }

    #[test]
    fn every_shipped_rule_opens_in_the_builder_and_writes_the_same_json() {
        for rule in escalon::config::default_config().rules {
            let b = Builder::from_logic(&rule.condition)
                .unwrap_or_else(|| panic!("{} is of the common shape", rule.id));
            assert_eq!(b.to_logic().unwrap(), rule.condition, "{}", rule.id);
        }
    }

    #[test]
    fn other_shapes_stay_raw() {
        for logic in [
            json!({"and": [{">=": [{"var": "facts.a"}, 1]}, {"or": [{"==": [1, 1]}]}]}),
            json!({">=": [{"+": [{"var": "facts.a"}, 1]}, 2]}),
            json!({"==": [{"var": "facts.a"}, {"var": "facts.b"}]}),
            json!({"in": ["abc", {"var": "facts.product"}]}),
            json!({"in": [{"var": "facts.product"}, ["a,b"]]}),
            json!({"and": []}),
            json!({"!": {"var": "facts.a"}}),
            json!({"var": "facts.a"}),
            json!(true),
            json!({"<": [1, {"var": "facts.a"}, 3]}),
        ] {
            assert_eq!(Builder::from_logic(&logic), None, "{logic}");
        }
    }

    #[test]
    fn an_empty_builder_or_fact_is_an_error_not_a_rule() {
        let empty = Builder {
            join: Join::All,
            conditions: vec![],
        };
        assert!(empty.to_logic().is_err());
        let no_fact = Builder {
            join: Join::All,
            conditions: vec![cond(" ", Op::Eq, "1")],
        };
        assert!(no_fact.to_logic().unwrap_err().contains("condition 1"));
    }
}
