//! What update-config refuses beyond the shape, found by the audits of 2026-11-29: an
//! address that is not one plain address wherever notifications take addresses from the
//! config; a nameless tier, a zero response target, rule ids that are empty or repeated, an
//! empty template, warning thresholds that do not rise.

use escalon::{demo::demo_workspace, handle, Context};
use serde_json::{json, Value};

fn update(section: &str, value: Value) -> Value {
    let mut ws = demo_workspace();
    let before = ws.to_json();
    let request = json!({"action": "update-config", "now": "2025-03-01T10:00:00Z",
                         "parameters": {"section": section, "value": value}});
    let answer = handle(&mut ws, &request, &mut Context::with_counter(None, "t"));
    if answer["ok"] == false {
        assert_eq!(ws.to_json(), before, "a refused config changes nothing");
    }
    answer
}

#[test]
fn a_smuggled_header_in_the_directory_is_refused_at_the_entry() {
    let mut directory = serde_json::to_value(&demo_workspace().config.directory).unwrap();
    directory[1]["email"] = json!("x@y.z\r\nBcc: z@evil.example");
    let answer = update("directory", directory);
    assert_eq!(answer["error"]["code"], "out_of_range", "{answer}");
    assert_eq!(answer["error"]["path"], "parameters.value[1].email");
}

#[test]
fn the_sender_and_on_call_members_are_checked_too() {
    let mut notify = serde_json::to_value(&demo_workspace().config.notify).unwrap();
    notify["sender"]["email"] = json!("escalations at company");
    let answer = update("notify", notify);
    assert_eq!(
        answer["error"]["path"], "parameters.value.sender.email",
        "{answer}"
    );

    let mut notify = serde_json::to_value(&demo_workspace().config.notify).unwrap();
    notify["on_call"][0]["members"][1] = json!("alex.chen");
    let answer = update("notify", notify);
    assert_eq!(
        answer["error"]["path"], "parameters.value.on_call[0].members[1]",
        "{answer}"
    );

    let notify = serde_json::to_value(&demo_workspace().config.notify).unwrap();
    assert_eq!(
        update("notify", notify)["ok"],
        true,
        "the demo's own addresses pass"
    );
}

#[test]
fn names_ids_targets_and_thresholds_are_refused_at_the_field() {
    let config = serde_json::to_value(&demo_workspace().config).unwrap();
    let rule = |id: &str| json!({"id": id, "description": "d", "when": {"==": [1, 1]}});
    let cases = [
        (
            "tiers",
            {
                let mut t = config["tiers"].clone();
                t[0]["name"] = json!(" ");
                t
            },
            "parameters.value[0].name",
        ),
        (
            "tiers",
            {
                let mut t = config["tiers"].clone();
                t[2]["response_target_minutes"] = json!(0);
                t
            },
            "parameters.value[2].response_target_minutes",
        ),
        (
            "rules",
            json!([rule("dup"), rule("dup")]),
            "parameters.value[1].id",
        ),
        ("rules", json!([rule("")]), "parameters.value[0].id"),
        (
            "templates",
            json!([{"notification_type": "*", "part": "html", "source": "  "}]),
            "parameters.value[0].source",
        ),
        (
            "sla_policies",
            json!([{"tier": 2, "resolution": {"target_minutes": 480,
            "warn_at": [0.75, 0.5]}}]),
            "parameters.value[0].resolution.warn_at[1]",
        ),
    ];
    for (section, value, path) in cases {
        let answer = update(section, value);
        assert_eq!(
            answer["error"]["code"], "out_of_range",
            "{section}: {answer}"
        );
        assert_eq!(answer["error"]["path"], path, "{section}: {answer}");
    }
}
