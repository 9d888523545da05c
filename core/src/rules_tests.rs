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
    let data = |x: i64| RuleData::from_document(&set, json!({"facts": {"x": x}}));
    assert!(set.rules[0].matches(&data(3)));
    assert!(!set.rules[0].matches(&data(1)));
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

/// Facts read by slot must match facts read from a `facts` map for every expression:
/// the same rules compiled bounded (slotted) and unbounded (a `missing` rule added).
#[test]
fn slotted_facts_read_as_the_facts_map_does() {
    let mut rules = crate::config::default_config().rules;
    for (k, when) in [
        json!({"==": [{"var": ["facts.sla.first_response.state", "none"]}, "breached"]}),
        json!({"==": [{"var": ["facts.sla.first_response.state", "none"]}, "none"]}),
        json!({"!": {"var": "facts.health_score"}}),
        json!({"==": [{"var": ["facts.product", "none"]}, null]}),
        json!({"in": [{"var": "facts.category"}, ["bug", "outage"]]}),
        json!({"<": [0, {"var": "facts.affected_users.0"}, 9]}),
        json!({"==": [{"var": ["facts.unknown", 7]}, 7]}),
        json!({"<": [{"var": "facts.health_score"}, 50]}),
        json!({">=": [{"var": "facts.category"}, 2]}),
        json!({"==": [{"var": "facts.sla"}, 0]}),
    ]
    .into_iter()
    .enumerate()
    {
        let mut r = rule(when);
        r.id = format!("extra{k}");
        rules.push(r);
    }
    let slotted = RuleSet::compile(&rules).unwrap();
    assert!(slotted.slotted());
    let mut with_missing = rules.clone();
    with_missing.push(rule(json!({"missing": ["facts.zzz"]})));
    let tree = RuleSet::compile(&with_missing).unwrap();
    assert!(!tree.slotted());

    let facts = |v: &[Value]| -> [Option<Value>; FACT_KEYS.len()] {
        std::array::from_fn(|k| v.get(k).cloned().filter(|x| x != &json!("absent")))
    };
    let cases = [
        vec![
            json!(3),
            json!(3),
            json!(2),
            json!(4),
            json!(60),
            json!(40),
            json!(1e6),
            json!(30),
            json!(4),
            json!(1),
            json!(0),
            json!(1),
            json!("security"),
            Value::Null,
            json!({"first_response": {"state": "breached"}}),
        ],
        vec![
            json!(0),
            json!(0),
            json!(0),
            json!(1),
            json!(0),
            Value::Null,
            json!(0),
            json!(0),
            json!(0),
            json!(0),
            json!(5),
            json!(1),
            json!("bug"),
            json!("absent"),
            json!("absent"),
        ],
    ];
    for case in &cases {
        let slots = facts(case);
        let map: serde_json::Map<String, Value> = FACT_KEYS
            .iter()
            .zip(slots.iter())
            .filter_map(|(k, v)| Some((k.to_string(), v.clone()?)))
            .collect();
        let by_slot = RuleData {
            tree: json!({}),
            slots: slots.clone(),
        };
        let by_map = RuleData {
            tree: json!({"facts": map}),
            slots: Default::default(),
        };
        for (a, b) in slotted.rules.iter().zip(&tree.rules) {
            assert_eq!(a.matches(&by_slot), b.matches(&by_map), "rule {}", a.id);
        }
    }
}

#[test]
fn default_rules_compile() {
    RuleSet::compile(&crate::config::default_config().rules).unwrap();
}

/// What jsonlogic-rs refused on empty data stays refused, naming the rule's field.
#[test]
fn rules_jsonlogic_rs_refused_are_refused() {
    for when in [
        json!({"==": [1]}),
        json!({"in": [1, 2]}),
        json!({"/": [1, {"var": "facts.x"}]}),
        json!({"substr": "abc"}),
        json!({"and": [{"var": "facts.x"}, {"!": [1, 2]}]}),
    ] {
        let e = RuleSet::compile(&[rule(when.clone())]).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidRule, "{when}");
        assert_eq!(e.path, "config.rules.0.when", "{when}");
        assert!(e.message.contains("rule 'r'"), "{when}: {}", e.message);
    }
}
