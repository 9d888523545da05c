//! Rules as the engine holds them: conditions checked (operator names, argument shapes)
//! and compiled once into [`Node`] trees (see `logic/`), which evaluate a ticket without
//! re-reading the rule's JSON.

use serde_json::Value;

use crate::config::{Effect, Rule};
use crate::decide::points::PointOrder;
use crate::error::{ErrorCode, RequestError};
use crate::logic::{self, truthy, Data, Node, JSONLOGIC_OPS};

/// The computed facts a decision offers rules under `facts.`, in slot order.
pub const FACT_KEYS: [&str; 15] = [
    "severity_rank",
    "impact_rank",
    "segment_rank",
    "sentiment_rank",
    "health_risk",
    "health_score",
    "contract_value",
    "duration_hours",
    "previous_escalations",
    "history_escalations",
    "affected_users",
    "current_tier",
    "category",
    "product",
    "sla",
];

/// One ticket's rule data: the request parts rules read, and the facts, either in slots
/// (when every rule names the facts it reads) or under `facts` in the tree.
pub struct RuleData {
    pub tree: Value,
    pub slots: [Option<Value>; FACT_KEYS.len()],
}

impl RuleData {
    /// Rule data from one document as rules see it (`{"facts": {...}, "issue": {...}}`),
    /// laid out for `rules`: known facts go to their slots when the rules read slots.
    pub fn from_document(rules: &RuleSet, mut doc: Value) -> RuleData {
        let mut slots: [Option<Value>; FACT_KEYS.len()] = Default::default();
        let facts = match doc.as_object_mut() {
            Some(m) if rules.slotted() => m.get_mut("facts").and_then(Value::as_object_mut),
            _ => None,
        };
        if let Some(facts) = facts {
            for (slot, key) in FACT_KEYS.iter().enumerate() {
                slots[slot] = facts.remove(*key);
            }
        }
        RuleData { tree: doc, slots }
    }
}

/// Whether `op` is accepted in conditions: every JSON Logic operator but `log` (which
/// prints). JSON Logic treats an object with an unknown key as a literal (which is
/// truthy), so a typo like `">=="` would silently match every ticket; checking names up
/// front turns that into an error when the config is loaded.
fn accepted(op: &str) -> bool {
    op != "log" && JSONLOGIC_OPS.contains(&op)
}

/// A rule checked once and ready to evaluate against many tickets.
#[derive(Debug, Clone)]
pub struct CompiledRule {
    pub id: String,
    /// `rule:<id>`, the factor its points are listed under.
    pub factor: String,
    pub description: String,
    pub effect: Effect,
    /// Its factor's number in the rule set's [`PointOrder`].
    pub point: u32,
    condition: Node,
}

/// All rules of a config, validated together so one bad rule is reported before any ticket.
#[derive(Debug, Clone)]
pub struct RuleSet {
    pub rules: Vec<CompiledRule>,
    /// What the rules may read, worked out once: deciding a ticket builds only that data.
    reads: Reads,
    /// Which of [`FACT_KEYS`] some rule may read.
    fact_reads: [bool; FACT_KEYS.len()],
    /// Whether the rules read facts through slots (see [`RuleData`]).
    slotted: bool,
    points: PointOrder,
}

/// Top-level data keys and keys of `facts` some rule may read.
#[derive(Debug, Clone, Default)]
struct Reads {
    /// By [`ROOTS`] index.
    roots: [bool; ROOTS.len()],
    /// `None`: any key of `facts` may be read.
    facts: Option<Vec<String>>,
}

/// The request parts decisions put into rule data besides `facts`.
pub const ROOTS: [&str; 3] = ["issue", "customer", "context"];

impl RuleSet {
    /// Validates every rule; errors name the rule by its position in `config.rules`.
    pub fn compile(rules: &[Rule]) -> Result<RuleSet, RequestError> {
        let mut compiled = Vec::with_capacity(rules.len());
        for (i, rule) in rules.iter().enumerate() {
            let path = format!("config.rules.{i}.when");
            check_operators(&rule.condition, &path)?;
            let condition = Node::compile(&rule.condition);
            let invalid = |reason: String| {
                RequestError::new(
                    ErrorCode::InvalidRule,
                    &path,
                    format!("rule '{}' is not valid JSON Logic: {reason}", rule.id),
                )
            };
            logic::check(&rule.condition)
                .map_err(|e| invalid(format!("at '{}': {}", e.at, e.reason)))?;
            // jsonlogic-rs, the evaluator rules were first written for, refused a rule that
            // fails on empty data (a division by an absent fact, `in` on a number); kept so a
            // config it refused is refused still.
            condition
                .eval(&Value::Object(Default::default()))
                .map_err(|_| invalid("it fails even on empty data".into()))?;
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
                factor: format!("rule:{}", rule.id),
                description: rule.description.clone(),
                effect: rule.effect.clone(),
                point: 0,
                condition,
            });
        }
        let reads = Reads::of(&compiled);
        let fact_reads = FACT_KEYS.map(|k| match &reads.facts {
            None => true,
            Some(keys) => keys.iter().any(|r| r == k),
        });
        // Bounded reads name every fact key they touch, so no expression can tell a slot
        // from a map entry; otherwise facts stay a map in the tree.
        let slotted = reads.facts.is_some();
        if slotted {
            let slot_of = |k: &str| FACT_KEYS.iter().position(|f| *f == k);
            for r in &mut compiled {
                let c = std::mem::replace(&mut r.condition, Node::Lit(Value::Null));
                r.condition = c.slotted("facts", &slot_of);
            }
        }
        let points = PointOrder::number(&mut compiled);
        Ok(RuleSet {
            rules: compiled,
            reads,
            fact_reads,
            slotted,
            points,
        })
    }
}

impl RuleSet {
    /// Whether any rule may read `root` of the data; the caller can leave out (and not
    /// copy) the parts of a request no rule looks at.
    pub fn reads(&self, root: &str) -> bool {
        match ROOTS.iter().position(|r| *r == root) {
            Some(k) => self.reads.roots[k],
            None => self.rules.iter().any(|r| r.condition.reads(root)),
        }
    }

    /// [`Self::reads`] for `ROOTS[k]`, without comparing names per ticket.
    pub fn reads_root(&self, k: usize) -> bool {
        self.reads.roots[k]
    }

    /// Whether any rule may read `facts.<key>`.
    pub fn reads_fact(&self, key: &str) -> bool {
        match &self.reads.facts {
            None => true,
            Some(keys) => keys.iter().any(|k| k == key),
        }
    }

    /// [`Self::reads_fact`] for `FACT_KEYS[slot]`, without comparing names per ticket.
    pub fn reads_fact_slot(&self, slot: usize) -> bool {
        self.fact_reads[slot]
    }

    /// Whether facts go in [`RuleData::slots`] (else under `facts` in the tree).
    pub fn slotted(&self) -> bool {
        self.slotted
    }

    /// How scores-only answers order their points.
    pub fn point_order(&self) -> &PointOrder {
        &self.points
    }
}

impl Reads {
    fn of(rules: &[CompiledRule]) -> Reads {
        let roots = ROOTS.map(|root| rules.iter().any(|r| r.condition.reads(root)));
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
    pub fn matches(&self, data: &RuleData) -> bool {
        let d = Data {
            tree: &data.tree,
            slots: &data.slots,
        };
        self.condition.eval_in(d).is_ok_and(|v| truthy(&v))
    }
}

fn check_operators(v: &Value, path: &str) -> Result<(), RequestError> {
    match v {
        Value::Object(map) if map.len() == 1 => {
            let (op, args) = map.iter().next().expect("one entry");
            if !accepted(op) {
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
#[path = "rules_tests.rs"]
mod tests;
