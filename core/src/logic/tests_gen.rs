//! Generated JSON Logic for the comparison with jsonlogic-rs: every operator but `log`,
//! nested, with argument lists of any length, lone non-array arguments, and operands of
//! every JSON type, reading keys the generated data has (and some it lacks).

use proptest::prelude::*;
use serde_json::{json, Value};

const OPS: &[&str] = &[
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

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-3i64..6).prop_map(|n| json!(n)),
        prop::sample::select(vec![0.5, -1.5, 2.0, 1e300]).prop_map(|f| json!(f)),
        prop::sample::select(vec![
            "",
            "1",
            "2.5",
            "a",
            "ab",
            "é",
            " 7 ",
            "1e3",
            "x1",
            "-",
            "nan",
            "inf",
            "current",
            "accumulator",
            "facts",
            "facts.x",
            "facts.s",
            "facts.list",
            "facts.k",
            "facts.nope",
            "facts.list.0",
            "facts.s.-1",
            "issue.severity",
            "0",
            "-1",
        ])
        .prop_map(|s| json!(s)),
        Just(json!([])),
        Just(json!([1, "a", null])),
        Just(json!({"a": 1, "b": 2})),
        prop::sample::select(vec![
            "facts.x",
            "facts.y",
            "facts.s",
            "facts.list",
            "facts.k",
            "",
            "current",
            "accumulator",
            "facts.nope"
        ])
        .prop_map(|k| json!({"var": k})),
    ]
}

pub fn expr() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 48, 4, |inner| {
        let args = prop::collection::vec(inner.clone(), 0..4);
        prop_oneof![
            // The usual shape: an operator over an argument list of any length.
            4 => (prop::sample::select(OPS), args.clone())
                .prop_map(|(op, xs)| json!({ op: xs })),
            // A lone argument, not in an array.
            1 => (prop::sample::select(OPS), inner.clone()).prop_map(|(op, x)| json!({ op: x })),
            // Literal arrays, whose items all/some/none read as logic.
            1 => args.prop_map(Value::Array),
            // The array operators with the argument count they take.
            2 => (prop::sample::select(vec!["map", "filter", "all", "some", "none"]),
                inner.clone(), inner.clone())
                .prop_map(|(op, a, b)| json!({ op: [a, b] })),
            1 => (inner.clone(), inner.clone(), inner.clone())
                .prop_map(|(a, b, c)| json!({"reduce": [a, b, c]})),
            1 => (inner.clone(), inner.clone(), prop::option::of(inner.clone()))
                .prop_map(|(a, b, c)| match c {
                    Some(c) => json!({"substr": [a, b, c]}),
                    None => json!({"substr": [a, b]}),
                }),
            1 => (inner.clone(), inner).prop_map(|(a, b)| json!({"var": [a, b]})),
        ]
    })
}
