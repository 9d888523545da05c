//! Tickets for the batch tests, drawn with good and bad values alike (wrong types, out of
//! range, escaped text, stray keys, recordings, lists where an object belongs).

use serde_json::{json, Value};

pub fn pick<T: Clone>(xs: &[T], n: u8) -> T {
    xs[usize::from(n) % xs.len()].clone()
}

/// A ticket; `Value::Null` in a slot means "leave the field out".
pub fn ticket(p: &[u8; 16]) -> Value {
    let severity = pick(
        &[
            json!("low"),
            json!("high"),
            json!("critical"),
            json!("urgent"),
            json!(3),
        ],
        p[0],
    );
    let impact = pick(
        &[
            json!("single_user"),
            json!("all_customers"),
            json!("multiple_customers"),
            Value::Null,
        ],
        p[1],
    );
    let mut issue = json!({"severity": severity, "impact": impact});
    let fields: [(&str, Vec<Value>); 7] = [
        (
            "id",
            vec![
                json!("T-1"),
                json!("  "),
                json!("T-\"q\""),
                json!(5),
                json!("ESC-1"),
                json!("T-9"),
            ],
        ),
        (
            "duration_hours",
            vec![json!(0), json!(2.5), json!(30), json!(-1), json!("2")],
        ),
        (
            "affected_users",
            vec![
                json!(12),
                json!(3000),
                json!(3.5),
                json!(-1),
                json!(u64::MAX),
            ],
        ),
        (
            "current_tier",
            vec![json!(1), json!(4), json!(5), json!(2.0)],
        ),
        ("category", vec![json!("security"), json!("bug"), json!(7)]),
        (
            "summary",
            vec![
                json!("Checkout down"),
                json!("<script>x</script>"),
                json!(["a"]),
            ],
        ),
        ("region", vec![json!("emea")]),
    ];
    for (k, (key, values)) in fields.iter().enumerate() {
        let n = p[2 + k];
        if !n.is_multiple_of(3) {
            issue[*key] = pick(values, n / 3);
        }
    }
    let mut customer = json!({"segment": pick(&[json!("smb"), json!("enterprise"), json!("strategic"), json!("gold")], p[9])});
    for (k, (key, values)) in [
        (
            "health_score",
            vec![
                json!(0),
                json!(45.5),
                json!(100),
                json!(101),
                json!("x"),
                Value::Null,
            ],
        ),
        (
            "contract_value",
            vec![json!(0), json!(250000), json!(-5), json!(2e6)],
        ),
        ("id", vec![json!("acme"), json!("globex"), json!(1)]),
    ]
    .iter()
    .enumerate()
    {
        let n = p[10 + k];
        if !n.is_multiple_of(3) {
            customer[*key] = pick(values, n / 3);
        }
    }
    let mut params = json!({"issue": issue, "customer": customer});
    match p[13] % 6 {
        0 => {}
        1 => params["context"] = json!({"previous_escalations": pick(&[0, 3, 9], p[13] / 6)}),
        2 => {
            params["context"] =
                json!({"customer_sentiment": pick(&["angry", "neutral", "calm"], p[13] / 6)})
        }
        3 => params["context"] = json!({"previous_escalations": -1}),
        // Regression: serde's derived structs read a list as fields in order, so the batch
        // decided `"context": [3, "angry"]` where the door says wrong_type.
        4 => params["context"] = pick(&[json!([3, "angry"]), json!([])], p[13] / 6),
        _ => params["context"] = Value::Null,
    }
    match p[14] % 6 {
        0 => params["record"] = json!(true),
        1 => params["record"] = json!(false),
        2 => params["colour"] = json!("blue"),
        3 => {
            params["detail"] = pick(
                &[
                    json!("scores"),
                    json!("triage"),
                    json!("full"),
                    json!("brief"),
                    // Null is the door's default (full), not "absent": a batch's detail
                    // must not replace it.
                    Value::Null,
                ],
                p[14] / 6,
            )
        }
        _ => {}
    }
    match p[15] % 12 {
        0 => pick(
            &[
                json!([params]),
                json!([
                    [null, "critical", "all_customers"],
                    [null, null, "strategic"]
                ]),
            ],
            p[15] / 12,
        ),
        1 => json!("not an object"),
        _ => params,
    }
}
