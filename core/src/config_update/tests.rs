use serde_json::{json, Value};

use crate::context::Context;
use crate::door::handle;
use crate::workspace::Workspace;

const T0: &str = "2025-03-03T10:00:00Z";

pub(super) fn call(
    ws: &mut Workspace,
    ctx: &mut Context,
    parameters: Value,
    now: Option<&str>,
) -> Value {
    let mut req = json!({"action": "update-config", "parameters": parameters});
    if let Some(now) = now {
        req["now"] = json!(now);
    }
    handle(ws, &req, ctx)
}

/// Records a low-urgency escalation (tier 1 under the default config) through the door.
pub(super) fn record(ws: &mut Workspace, ticket: &str, category: &str) -> String {
    let mut ctx = Context::with_counter(None, ticket);
    let req = json!({"action": "determine-escalation", "now": T0, "parameters": {
        "record": true,
        "issue": {"id": ticket, "severity": "low", "impact": "single_user", "category": category},
        "customer": {"segment": "smb", "id": format!("cust-{ticket}")}}});
    let r = handle(ws, &req, &mut ctx);
    assert_eq!(r["result"]["tier"], 1, "{r}");
    r["result"]["escalation_id"].as_str().unwrap().to_string()
}

pub(super) fn acknowledge(ws: &mut Workspace, id: &str) {
    let mut ctx = Context::with_counter(None, "ack");
    let req = json!({"action": "track-progress", "now": "2025-03-03T10:05:00Z",
        "parameters": {"escalation_id": id, "update": {"status": "acknowledged"}}});
    let r = handle(ws, &req, &mut ctx);
    assert_eq!(r["ok"], true, "{r}");
}

pub(super) fn tier1_first_response(minutes: u32) -> Value {
    json!([{"tier": 1, "first_response": {"target_minutes": minutes}}])
}

#[test]
fn a_valid_section_update_replaces_the_section_and_asks_to_save() {
    let mut ws = Workspace::default();
    let mut ctx = Context::with_counter(None, "t");
    let office = json!({"timezone": "Europe/Berlin",
        "hours": {"mon": [["09:00", "12:00"], ["13:00", "17:00"]], "fri": [["22:00", "06:00"]]},
        "holidays": ["--12-25", "2025-04-18"]});
    let r = call(
        &mut ws,
        &mut ctx,
        json!({"section": "calendars", "value": {"office": office}}),
        None,
    );
    assert_eq!(r["ok"], true, "{r}");
    assert_eq!(r["result"]["applied"], true);
    assert_eq!(r["result"]["changed_count"], 0);
    assert!(ctx.changed());
    let stored = serde_json::to_value(&ws.config.calendars["office"]).unwrap();
    assert_eq!(stored, office);
    // The rest of the config is untouched.
    assert_eq!(ws.config.tiers, Workspace::default().config.tiers);
}

#[test]
fn the_whole_config_can_be_replaced() {
    let mut ws = Workspace::default();
    let mut ctx = Context::with_counter(None, "t");
    let mut config = serde_json::to_value(&ws.config).unwrap();
    config["history_window_days"] = json!(30);
    let r = call(&mut ws, &mut ctx, json!({"config": config}), None);
    assert_eq!(r["ok"], true, "{r}");
    assert_eq!(ws.config.history_window_days, 30);
    assert!(ctx.changed());
}

/// Each refusal names the field and leaves the stored document exactly as it was.
#[test]
fn invalid_updates_name_the_field_and_change_nothing() {
    let mut ws = Workspace::default();
    record(&mut ws, "T-1", "billing");
    let mut config = serde_json::to_value(&ws.config).unwrap();
    config["tiers"][2]["min_score"] = json!("high");
    let bad_tz = json!({"office": {"timezone": "Mars/Olympus", "hours": {}}});
    let cases = [
        (
            json!({"section": "calendars", "value": bad_tz}),
            "out_of_range",
            "parameters.value.office.timezone",
        ),
        (
            json!({"section": "calendars",
                   "value": {"office": {"timezone": "UTC", "hours": {"wed": [["25:00", "26:00"]]}}}}),
            "out_of_range",
            "parameters.value.office.hours.wed[0]",
        ),
        (
            json!({"config": config}),
            "wrong_type",
            "parameters.config.tiers[2].min_score",
        ),
        (
            json!({"section": "sla_policies",
                   "value": [{"tier": 2, "resolution": {"target_minutes": 60, "calendar": "nope"}}]}),
            "out_of_range",
            "parameters.value[0].resolution.calendar",
        ),
        (
            json!({"section": "sla_policies", "value": [{"tier": 1, "first_response": {"target_minutes": -5}}]}),
            "out_of_range",
            "parameters.value[0].first_response.target_minutes",
        ),
        (
            json!({"section": "sla_policies",
                   "value": [{"tier": 1, "next_update": {"target_minutes": 5, "pause_states": ["lunch"]}}]}),
            "out_of_range",
            "parameters.value[0].next_update.pause_states[0]",
        ),
        (
            json!({"section": "rules", "value": [{"id": "r", "description": "d", "when": {">==": [1, 2]}}]}),
            "invalid_rule",
            "parameters.value[0].when",
        ),
        (
            json!({"section": "templates", "value": [{"notification_type": "*", "part": "text",
                   "source": "fine\n{% if %}"}]}),
            "invalid_template",
            "parameters.value[0].source",
        ),
        (
            json!({"section": "tiers", "value": [config["tiers"][1].clone(), config["tiers"][0].clone()]}),
            "out_of_range",
            "parameters.value[0].tier",
        ),
        (
            json!({"section": "directory", "value": [{"email": "a@b.c", "roles": []}]}),
            "missing_field",
            "parameters.value[0].name",
        ),
        (
            json!({"section": "weather", "value": 1}),
            "out_of_range",
            "parameters.section",
        ),
        (
            json!({"section": "timezone", "value": "Atlantis/Capital"}),
            "out_of_range",
            "parameters.value",
        ),
    ];
    for (parameters, code, path) in cases {
        let before = ws.to_json_pretty();
        let mut ctx = Context::with_counter(None, "t");
        let r = call(&mut ws, &mut ctx, parameters.clone(), Some(T0));
        assert_eq!(r["ok"], false, "{parameters}: {r}");
        assert_eq!(r["error"]["code"], code, "{parameters}: {r}");
        assert_eq!(r["error"]["path"], path, "{parameters}: {r}");
        assert!(!ctx.changed());
        assert_eq!(
            ws.to_json_pretty(),
            before,
            "{parameters} changed the workspace"
        );
    }
}

#[test]
fn a_template_error_names_its_line_and_an_unknown_section_lists_the_known() {
    let mut ws = Workspace::default();
    let mut ctx = Context::with_counter(None, "t");
    let r = call(
        &mut ws,
        &mut ctx,
        json!({"section": "templates", "value": [{"notification_type": "*", "part": "text",
            "source": "fine\n{% if %}"}]}),
        None,
    );
    let message = r["error"]["message"].as_str().unwrap();
    assert!(message.contains("line 2"), "{message}");
    let r = call(
        &mut ws,
        &mut ctx,
        json!({"section": "weather", "value": 1}),
        None,
    );
    let message = r["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("calendars") && message.contains("sla_policies"),
        "{message}"
    );
}

#[test]
fn deleting_a_calendar_a_policy_uses_is_refused_at_the_policy() {
    let mut ws = Workspace::default();
    let mut ctx = Context::with_counter(None, "t");
    let office = json!({"office": {"timezone": "UTC", "hours": {"mon": [["09:00", "17:00"]]}}});
    let policy = json!([{"tier": 2, "resolution": {"target_minutes": 60, "calendar": "office"}}]);
    for (section, value) in [("calendars", office), ("sla_policies", policy)] {
        let r = call(
            &mut ws,
            &mut ctx,
            json!({"section": section, "value": value}),
            None,
        );
        assert_eq!(r["ok"], true, "{r}");
    }
    let before = ws.to_json_pretty();
    let r = call(
        &mut ws,
        &mut ctx,
        json!({"section": "calendars", "value": {}}),
        None,
    );
    assert_eq!(
        r["error"]["path"], "config.sla_policies[0].resolution.calendar",
        "{r}"
    );
    assert_eq!(ws.to_json_pretty(), before);
}

#[test]
fn now_is_required_once_there_are_escalations() {
    let mut ws = Workspace::default();
    record(&mut ws, "T-1", "billing");
    let mut ctx = Context::with_counter(None, "t");
    let r = call(
        &mut ws,
        &mut ctx,
        json!({"section": "sla_policies", "value": tier1_first_response(30)}),
        None,
    );
    assert_eq!(r["error"]["code"], "missing_field");
    assert_eq!(r["error"]["path"], "now");
}

#[test]
fn sections_match_the_schema() {
    let schema = schemars::schema_for!(crate::config::Config);
    let mut fields: Vec<String> = schema
        .schema
        .object
        .unwrap()
        .properties
        .into_keys()
        .collect();
    let mut sections: Vec<String> = super::SECTIONS.iter().map(|s| s.to_string()).collect();
    fields.sort();
    sections.sort();
    assert_eq!(
        sections, fields,
        "update-config's SECTIONS must list every Config field"
    );
}

// Before: keys the config does not know were dropped silently, so a typo such as
// `bucket_hour` saved "successfully" and changed nothing.
#[test]
fn a_key_the_config_does_not_know_is_refused_at_its_path() {
    let mut ws = Workspace::default();
    let before = ws.config.clone();
    let mut ctx = Context::with_counter(None, "t");
    let r = call(
        &mut ws,
        &mut ctx,
        json!({"section": "notify", "value": {"aging": {"bucket_hour": [1, 2]}}}),
        None,
    );
    assert_eq!(r["error"]["code"], "unknown_field", "{r}");
    assert_eq!(r["error"]["path"], "parameters.value.aging.bucket_hour");
    let r = call(
        &mut ws,
        &mut ctx,
        json!({"section": "tiers", "value": [{"tier": 1, "name": "Watch", "criteria": "",
            "response_target_minutes": 60, "min_score": 0, "colour": "red"}]}),
        None,
    );
    assert_eq!(r["error"]["path"], "parameters.value[0].colour", "{r}");
    assert_eq!(ws.config, before);
}
