//! The compiled evaluator against jsonlogic-rs, the reference: the same value (or both an
//! error) for every default rule and a set of hand-written expressions, on generated data
//! with missing keys, nulls and values of the wrong type.

use super::*;
use proptest::prelude::*;
use serde_json::json;

#[path = "tests_gen.rs"]
mod gen;

fn hand_written() -> Vec<Value> {
    vec![
        json!({"var": "facts.x"}),
        json!({"var": ["facts.x", 7]}),
        json!({"var": ["facts.nope", "dflt"]}),
        json!({"var": "facts"}),
        json!({"var": ""}),
        json!({"var": null}),
        json!({"var": []}),
        json!({"var": "facts.list.0"}),
        json!({"var": "facts.list.-1"}),
        json!({"var": "facts.s.1"}),
        json!({"var": "facts.x."}),
        json!({"var": ["facts.x", {"+": [1, 2]}]}),
        json!({"var": [{"cat": ["facts.", "x"]}]}),
        json!({"var": 1}),
        json!({"var": ["a", 1, 2]}),
        json!({"==": [{"var": "facts.x"}, 1]}),
        json!({"==": [{"var": "facts.s"}, "1"]}),
        json!({"==": [{"var": "facts.x"}, null]}),
        json!({"==": [{"var": "facts.b"}, true]}),
        json!({"===": [{"var": "facts.x"}, 1]}),
        json!({"===": [{"var": "facts.list"}, {"var": "facts.list"}]}),
        json!({"!==": [{"var": "facts.list"}, {"var": "facts.list"}]}),
        json!({"!=": [{"var": "facts.s"}, "security"]}),
        json!({"<": [{"var": "facts.x"}, 5]}),
        json!({"<": [0, {"var": "facts.x"}, 5]}),
        json!({"<=": [0, {"var": "facts.y"}, 5]}),
        json!({">": [{"var": "facts.y"}, {"var": "facts.x"}]}),
        json!({">": [10, {"var": "facts.x"}, 0]}),
        json!({">=": [{"var": "facts.s"}, "b"]}),
        json!({">=": [{"var": "facts.x"}, 2, 1, 0]}),
        json!({">=": 3}),
        json!({"==": [1]}),
        json!({"and": [{"var": "facts.x"}, {"var": "facts.s"}]}),
        json!({"and": []}),
        json!({"and": {"var": "facts.b"}}),
        json!({"or": [{"var": "facts.nope"}, {"var": "facts.y"}, 0]}),
        json!({"or": [true, {"==": [1]}]}),
        json!({"and": [false, {"in": [1, "x"]}]}),
        json!({"!": [{"var": "facts.x"}]}),
        json!({"!": {"var": "facts.list"}}),
        json!({"!!": [{"var": "facts.s"}]}),
        json!({"!": [1, 2]}),
        json!({"in": [{"var": "facts.s"}, ["a", "b", "1", "security"]]}),
        json!({"in": [{"var": "facts.x"}, [1, 2, 3]]}),
        json!({"in": ["ec", {"var": "facts.s"}]}),
        json!({"in": [{"var": "facts.x"}, {"var": "facts.s"}]}),
        json!({"in": [1, {"var": "facts.nope"}]}),
        json!({"if": [{"var": "facts.b"}, "yes", "no"]}),
        json!({"if": [{"var": "facts.b"}, "yes"]}),
        json!({"if": [{"var": "facts.x"}, 1, {"var": "facts.y"}, 2, 3]}),
        json!({"if": []}),
        json!({"if": [{"var": "facts.s"}]}),
        json!({"?:": [{"var": "facts.b"}, 1, 2]}),
        json!({"+": [{"var": "facts.x"}, {"var": "facts.y"}]}),
        json!({"+": [{"var": "facts.s"}, 1]}),
        json!({"+": []}),
        json!({"+": {"var": "facts.x"}}),
        json!({"-": [{"var": "facts.x"}, 1.5]}),
        json!({"-": [{"var": "facts.y"}]}),
        json!({"*": [{"var": "facts.x"}, 2, {"var": "facts.y"}]}),
        json!({"/": [{"var": "facts.x"}, {"var": "facts.y"}]}),
        json!({"/": [1, 0]}),
        json!({"%": [{"var": "facts.x"}, 3]}),
        json!({"min": [{"var": "facts.x"}, {"var": "facts.y"}, 4]}),
        json!({"max": [{"var": "facts.x"}, {"var": "facts.s"}]}),
        json!({">": [{"max": [{"var": "facts.x"}, {"var": "facts.y"}]}, 10]}),
        json!({"missing": ["facts.x", "facts.nope", "issue"]}),
        json!({"missing": [["facts.y", "context.a"]]}),
        json!({"missing": {"var": "facts.s"}}),
        json!({"missing": [1, null]}),
        json!({"missing_some": [1, ["facts.x", "facts.y"]]}),
        json!({"missing_some": [2, ["facts.x", "facts.nope", "facts.nope", null]]}),
        json!({"map": [{"var": "facts.list"}, {"*": [{"var": ""}, 2]}]}),
        json!({"map": [[], {"==": [1]}]}),
        json!({"map": [[], {"var": true}]}),
        json!({"filter": [{"var": "facts.list"}, {"var": ""}]}),
        json!({"reduce": [{"var": "facts.list"}, {"+": [{"var": "current"}, {"var": "accumulator"}]}, 0]}),
        json!({"all": [{"var": "facts.list"}, {">": [{"var": ""}, 0]}]}),
        json!({"all": [[], {"==": [1]}]}),
        json!({"all": ["ab", {"==": [{"var": ""}, "a"]}]}),
        json!({"some": [[{"var": "facts.x"}, 2], {"==": [{"var": ""}, 2]}]}),
        json!({"none": [{"var": "facts.s"}, {"==": [{"var": ""}, "a"]}]}),
        json!({"none": [3, true]}),
        json!({"substr": [{"var": "facts.s"}, 1]}),
        json!({"substr": ["héllo", -3, -1]}),
        json!({"cat": [{"var": "facts.list"}, null, 1.5, {"var": "facts"}]}),
        json!({"var": ["facts.nope", {"var": "facts.k"}]}),
        json!({"var": "\\"}),
        json!({"%": [{"var": "facts.x"}, {"var": "facts.y"}]}),
        json!({"cat": ["a", {"var": "facts.x"}]}),
        json!({"merge": [[1], {"var": "facts.list"}]}),
        json!({"some": [{"var": "facts.list"}, {">": [{"var": ""}, 1]}]}),
        json!({"not_an_op": 1}),
        json!({"a": 1, "b": 2}),
        json!([1, {"var": "facts.x"}]),
        json!("text"),
        json!(0),
        json!({"==": [{"var": "issue.severity"}, "critical"]}),
        json!({"and": [{">=": [{"var": "facts.severity_rank"}, 2]},
            {"<": [{"var": "customer.health_score", }, 40]}]}),
    ]
}

fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-3i64..30).prop_map(|n| json!(n)),
        (-50.0f64..2000.0).prop_map(|f| json!((f * 4.0).round() / 4.0)),
        prop::sample::select(vec!["", "1", "2.5", "a", "b", "security", "high", " 7 "])
            .prop_map(|s| json!(s)),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => scalar(),
        1 => prop::collection::vec(scalar(), 0..4).prop_map(Value::Array),
        1 => scalar().prop_map(|v| json!({"k": v})),
        // Logic inside the data, which jsonlogic-rs runs when a `var` default or an
        // `all` item evaluates to it.
        1 => Just(json!({"var": "facts.x"})),
    ]
}

/// An object with some of `keys`, each possibly of any type.
fn object(keys: &'static [&'static str]) -> impl Strategy<Value = Value> {
    prop::collection::vec(prop::option::of(value()), keys.len()).prop_map(move |vals| {
        let mut m = serde_json::Map::new();
        for (k, v) in keys.iter().zip(vals) {
            if let Some(v) = v {
                m.insert((*k).to_string(), v);
            }
        }
        Value::Object(m)
    })
}

/// A few made-up keys and every fact a decision computes.
static FACTS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    ["x", "y", "s", "b", "list", "k"]
        .into_iter()
        .chain(crate::rules::FACT_KEYS)
        .collect()
});

fn data() -> impl Strategy<Value = Value> {
    (
        object(&FACTS),
        object(&["severity", "impact", "category"]),
        object(&["segment", "health_score"]),
        prop::option::of(object(&["previous_escalations", "a"])),
    )
        .prop_map(|(facts, issue, customer, context)| {
            json!({"facts": facts, "issue": issue, "customer": customer,
                "context": context.unwrap_or(Value::Null)})
        })
}

fn assert_same(expr: &Value, d: &Value) {
    let ours = Node::compile(expr).eval(d).map(Cow::into_owned).ok();
    let reference = jsonlogic_rs::apply(expr, d).ok();
    assert_eq!(ours, reference, "expression {expr} on {d}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn compiled_equals_jsonlogic_rs(d in data()) {
        for rule in crate::config::default_config().rules {
            assert_same(&rule.condition, &d);
        }
        for expr in hand_written() {
            assert_same(&expr, &d);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Generated expressions over every operator but `log`, nested, with odd shapes.
    #[test]
    fn generated_expressions_equal_jsonlogic_rs(expr in gen::expr(), d in data()) {
        assert_same(&expr, &d);
    }
}

#[test]
fn non_objects_and_scalars_as_data() {
    for d in [
        json!(null),
        json!(3),
        json!("abc"),
        json!([1, 2, 3]),
        json!({}),
    ] {
        for expr in hand_written() {
            assert_same(&expr, &d);
        }
    }
}

#[test]
fn escaped_dots_split_like_jsonlogic_rs() {
    let d = json!({"a.b": 1, "a": {"b": 2}});
    for key in [r"a\.b", "a.b", r"a\\.b", "a.", "."] {
        assert_same(&json!({"var": key}), &d);
    }
}
