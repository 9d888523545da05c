use proptest::prelude::*;
use serde_json::{json, Value};

use super::upon_oracle::agree;
use super::{Formatters, Template};

fn show(v: &Value, out: &mut String) {
    match v {
        Value::Null => {}
        Value::String(s) => out.push_str(s),
        other => out.push_str(&other.to_string()),
    }
}

fn shout(v: &Value, out: &mut String) {
    let mut s = String::new();
    show(v, &mut s);
    out.push_str(&s.to_uppercase());
}

const FMTS: Formatters<'static> = Formatters {
    default: show,
    named: &[("shout", shout)],
};

fn data() -> Value {
    json!({
        "a": "x<y", "n": 3, "f": 2.5, "z": 0, "zf": 0.0, "t": true, "no": false, "e": "",
        "nul": null, "list": ["p", "q", "r"], "empty": [], "m": {"k": "v", "j": 1},
        "nest": {"inner": {"deep": "d"}}, "l2": [{"name": "A"}, {"name": "B"}],
    })
}

fn render(text: &str) -> Result<String, String> {
    Template::compile(text)
        .and_then(|t| t.render(&data(), &FMTS))
        .map_err(|e| e.to_string())
}

#[test]
fn the_syntax_the_shipped_templates_use() {
    assert_eq!(
        render("{{ a }}|{{ n }}|{{ nest.inner.deep }}|{{ l2.1.name }}").unwrap(),
        "x<y|3|d|B"
    );
    assert_eq!(
        render("{% for x in list %}{{ loop.index }}{{ x }}{% if not loop.last %}, {% endif %}{% endfor %}").unwrap(),
        "0p, 1q, 2r"
    );
    assert_eq!(
        render("{% for k, v in m %}{{ k }}={{ v }};{% endfor %}").unwrap(),
        "j=1;k=v;"
    );
    assert_eq!(
        render("{% if e %}1{% else if z %}2{% else if zf %}3{% else %}4{% endif %}").unwrap(),
        "4"
    );
    assert_eq!(
        render("{% with nest.inner as i %}{{ i.deep }}{% endwith %}").unwrap(),
        "d"
    );
    assert_eq!(
        render("a  {%- if t %} b {% endif -%}  \n c{# gone #}").unwrap(),
        "a b c"
    );
    assert_eq!(
        render("{{ a | shout }}{{ nul }}{{ m?.missing }}{{ ?.nobody }}").unwrap(),
        "X<Y"
    );
}

#[test]
fn errors_name_the_line_and_column() {
    let e = Template::compile("one\n  {% if %}").err().unwrap();
    assert_eq!((e.line, e.column), (2, 9), "{e}");
    let e = render("ok\n{{ missing }}").unwrap_err();
    assert!(e.starts_with("line 2, column 4: not found"), "{e}");
    let e = render("{{ m.nope }}").unwrap_err();
    assert!(e.contains("not found in map"), "{e}");
    for bad in [
        "{% for x in list %}",
        "{% endif %}",
        "{% if t %}{% else %}{% else %}{% endif %}",
        "{{ a",
        "text }} more",
        "{{ a | nope }}",
        "{{ a | shout | shout }}",
        "{% include \"x\" %}",
        "{% for k, v in list %}{% endfor %}",
        "{% for x in n %}{% endfor %}",
    ] {
        assert!(render(bad).is_err(), "{bad} should be refused");
    }
}

/// Regression guard for the stack: nesting is refused before it can overflow it.
#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep = "{% if t %}".repeat(10_000);
    assert!(Template::compile(&deep).is_err());
    let brackets = format!("{{{{ {} }}}}", "[".repeat(10_000));
    assert!(Template::compile(&brackets).is_err());
}

fn expr() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "a",
        "n",
        "f",
        "z",
        "zf",
        "t",
        "no",
        "e",
        "nul",
        "list",
        "empty",
        "m",
        "m.k",
        "m.j",
        "nest.inner.deep",
        "nest?.missing",
        "?.nope",
        "l2.0.name",
        "l2.5.name",
        "l2?.5",
        "list.1",
        "missing",
        "a.b",
        "m.0",
        "true",
        "42",
        "-3",
        "0x1f",
        "1.5",
        "\"s\\\"q\"",
        "[1, a]",
        "{\"k\": n, \"b\": a}",
        "(a)",
        "a | shout",
        "f()",
        "it",
        "it.name",
        "k",
        "v",
        "w",
        "loop.index",
        "loop.first",
        "loop.last",
        "loop",
    ])
}

fn tag(open: &'static str, close: &'static str, body: String) -> impl Strategy<Value = String> {
    (any::<bool>(), any::<bool>()).prop_map(move |(l, r)| {
        format!(
            "{open}{} {body} {}{close}",
            if l { "-" } else { "" },
            if r { "-" } else { "" }
        )
    })
}

fn piece() -> impl Strategy<Value = String> {
    let text = prop::sample::select(vec![
        " ", "\n", "text", "  x  ", "}", "{", "%", "a-b", "\t", "#",
    ])
    .prop_map(str::to_string);
    let emit = expr().prop_flat_map(|e| tag("{{", "}}", e.to_string()));
    let comment = tag("{#", "#}", "note".to_string());
    let leaf = prop_oneof![3 => text, 4 => emit, 1 => comment];
    leaf.prop_recursive(3, 24, 4, |inner| {
        let body = prop::collection::vec(inner, 0..4).prop_map(|v| v.concat());
        prop_oneof![
            (
                expr(),
                any::<bool>(),
                body.clone(),
                prop::option::of((expr(), body.clone())),
                prop::option::of(body.clone())
            )
                .prop_map(|(c, not, b, elif, els)| {
                    let mut s = format!("{{% if {}{c} %}}{b}", if not { "not " } else { "" });
                    if let Some((c2, b2)) = elif {
                        s += &format!("{{%- else if {c2} -%}}{b2}");
                    }
                    if let Some(b3) = els {
                        s += &format!("{{% else %}}{b3}");
                    }
                    s + "{% endif %}"
                }),
            (expr(), body.clone())
                .prop_map(|(e, b)| format!("{{% for it in {e} %}}{b}{{%- endfor %}}")),
            (expr(), body.clone())
                .prop_map(|(e, b)| format!("{{% for k, v in {e} -%}}{b}{{% endfor %}}")),
            (expr(), body).prop_map(|(e, b)| format!("{{% with {e} as w %}}{b}{{% endwith %}}")),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Templates built from the grammar: upon and this engine print the same text, or both refuse.
    #[test]
    fn renders_like_upon(parts in prop::collection::vec(piece(), 1..5)) {
        let text = parts.concat();
        prop_assert!(agree(&text, &data(), &FMTS).is_ok(), "{}", agree(&text, &data(), &FMTS).unwrap_err());
    }

    /// Arbitrary strings of the syntax's own characters: the same verdict and output, and no panic.
    #[test]
    fn lexes_like_upon(bits in prop::collection::vec(prop::sample::select(vec![
        "{{", "}}", "{%", "%}", "{#", "#}", "-", " ", "a", ".", "?.", "|", "if ", "endif", "for ",
        "x", " in ", "list", "\"", "\n", "0", "1", "[", "]", "(", ")", ",", ":", "not ", "else",
        "with", " as ", "endfor", "t", "m", "{", "}", "%", "#", "\\", "é",
    ]), 0..24)) {
        let text = bits.concat();
        prop_assert!(agree(&text, &data(), &FMTS).is_ok(), "{}", agree(&text, &data(), &FMTS).unwrap_err());
    }
}
