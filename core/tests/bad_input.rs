//! The README's "Bad input" table, row by row: each test is one row, and asserts the error
//! code and path (or the behaviour) the table promises. "No input panics the engine" is only
//! worth saying if someone tries the inputs.

use escalon::{demo::demo_workspace, handle, run, Context, ErrorCode, Workspace, SCHEMA_VERSION};
use serde_json::{json, Value};

const NOW: &str = "2025-01-22T10:00:00Z";

fn ask(ws: &mut Workspace, action: &str, parameters: Value) -> Value {
    let mut ctx = Context::with_counter(None, "bad");
    handle(
        ws,
        &json!({"action": action, "now": NOW, "parameters": parameters}),
        &mut ctx,
    )
}

/// `(code, path)` of an error response; panics with the response when it was ok.
fn err(r: &Value) -> (String, String) {
    assert_eq!(r["ok"], false, "expected an error, got {r}");
    (
        r["error"]["code"].as_str().unwrap().to_string(),
        r["error"]["path"].as_str().unwrap().to_string(),
    )
}

fn pair(code: &str, path: &str) -> (String, String) {
    (code.to_string(), path.to_string())
}

fn ticket() -> Value {
    json!({
        "issue": {"id": "T-1", "severity": "high", "impact": "single_customer"},
        "customer": {"segment": "enterprise", "health_score": 45}
    })
}

#[test]
fn malformed_json_request_is_invalid_json() {
    for text in ["{not json", "", "{\"action\": \"sla-status\",", "\u{0}"] {
        assert_eq!(err(&run(text)), pair("invalid_json", ""), "{text:?}");
    }
}

#[test]
fn a_key_given_twice_is_invalid_json_at_that_key() {
    let text = r#"{"action": "determine-escalation", "parameters": {"issue":
        {"severity": "low", "impact": "single_user", "severity": "critical"},
        "customer": {"segment": "smb"}}}"#;
    assert_eq!(
        err(&run(text)),
        pair("invalid_json", "parameters.issue.severity")
    );
}

#[test]
fn impossible_instants_say_which_part_is_wrong() {
    let cases = [
        ("2025-13-01T00:00:00Z", "out_of_range", "month"),
        ("2025-02-30T10:00:00Z", "out_of_range", "day"),
        (
            "9999-12-31T23:59:59Z",
            "out_of_range",
            "9999-12-30T22:00:00Z",
        ),
        ("tomorrow", "wrong_type", "year"),
        // Read as midnight UTC of that day before the engine had its own reader (jiff's date
        // reader takes a date-time and drops the time): a local time needs its offset.
        ("2025-03-01T10:00:00", "wrong_type", "Z for UTC"),
    ];
    for (now, code, names) in cases {
        let r = run(&json!({"action": "sla-status", "now": now,
            "parameters": {"clock": {"start": "2025-03-01T10:00:00Z", "target_minutes": 60}}})
        .to_string());
        assert_eq!(err(&r), pair(code, "now"), "{now}");
        let message = r["error"]["message"].as_str().unwrap();
        assert!(
            message.contains(names) && message.contains(now),
            "{message}"
        );
    }
}

#[test]
fn malformed_json_workspace_is_invalid_json() {
    let e = Workspace::from_json("{\"schema_version\": 1, \"config\": ").unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidJson);
}

#[test]
fn wrong_types_name_the_field() {
    let mut ws = Workspace::default();
    let mut p = ticket();
    p["customer"]["health_score"] = json!("poor");
    let r = ask(&mut ws, "determine-escalation", p);
    assert_eq!(
        err(&r),
        pair("wrong_type", "parameters.customer.health_score")
    );

    let mut p = ticket();
    p["issue"] = json!(["high"]);
    let r = ask(&mut ws, "determine-escalation", p);
    assert_eq!(err(&r), pair("wrong_type", "parameters.issue"));

    let r = ask(&mut ws, "determine-escalation", json!("a string"));
    assert_eq!(err(&r), pair("wrong_type", "parameters"));

    let r = handle(
        &mut ws,
        &json!({"action": 7, "parameters": {}}),
        &mut Context::with_counter(None, "bad"),
    );
    assert_eq!(err(&r).0, "wrong_type");

    // A workspace whose event has a number where text belongs is refused whole.
    let mut v = serde_json::to_value(demo_workspace()).unwrap();
    v["escalations"][0]["events"][0]["actor"] = json!(42);
    let e = Workspace::from_value(v).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidWorkspace);
}

#[test]
fn missing_fields_name_the_field() {
    let mut ws = Workspace::default();
    let mut p = ticket();
    p["issue"].as_object_mut().unwrap().remove("severity");
    let r = ask(&mut ws, "determine-escalation", p);
    assert_eq!(err(&r), pair("missing_field", "parameters.issue.severity"));

    let r = ask(
        &mut ws,
        "determine-escalation",
        json!({"issue": {"severity": "low", "impact": "single_user"}}),
    );
    assert_eq!(err(&r), pair("missing_field", "parameters.customer"));

    let r = handle(
        &mut ws,
        &json!({"parameters": {}}),
        &mut Context::with_counter(None, "bad"),
    );
    assert_eq!(err(&r), pair("missing_field", "action"));

    let mut v = serde_json::to_value(Workspace::default()).unwrap();
    v.as_object_mut().unwrap().remove("schema_version");
    let e = Workspace::from_value(v).unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::MissingField, "schema_version")
    );
}

#[test]
fn ten_megabyte_summary_is_recorded_whole() {
    let mut ws = Workspace::default();
    let big = "x".repeat(10 * 1024 * 1024);
    let mut p = ticket();
    p["issue"]["summary"] = json!(big);
    p["record"] = json!(true);
    let r = ask(&mut ws, "determine-escalation", p);
    assert_eq!(r["ok"], true, "{}", &r.to_string()[..200]);
    let id = r["result"]["escalation_id"].as_str().unwrap().to_string();
    let state = escalon::state::fold(ws.escalation(&id).unwrap());
    assert_eq!(state.summary.map(|s| s.len()), Some(big.len()));
    // And the document round-trips.
    let back = Workspace::from_json(&ws.to_json_pretty()).unwrap();
    assert_eq!(back, ws);
}

/// One escalation with `n` events: created, then notes a minute apart.
fn long_log(n: usize) -> Value {
    let mut events = vec![
        json!({"id": "e0", "at": "2025-01-01T00:00:00Z", "actor": "t",
        "kind": "created", "ticket": "T-BIG", "customer": {"id": "C1"}, "tier": 2}),
    ];
    let start = jiff::Timestamp::from_second(1_735_689_600).unwrap();
    for k in 1..n {
        let at = start + jiff::SignedDuration::from_secs(60 * k as i64);
        events.push(
            json!({"id": format!("e{k}"), "at": at.to_string(), "actor": "t",
            "kind": "note", "text": format!("note {k}")}),
        );
    }
    let mut v = serde_json::to_value(Workspace::default()).unwrap();
    v["escalations"] = json!([{"id": "ESC-BIG", "events": events}]);
    v
}

#[test]
fn hundred_thousand_event_escalation_loads_folds_and_tracks() {
    let text = long_log(100_000).to_string();
    let mut ws = Workspace::from_json(&text).unwrap();
    let esc = ws.escalation("ESC-BIG").unwrap();
    assert_eq!(esc.events.len(), 100_000);
    assert_eq!(escalon::state::fold(esc).tier, 2);
    let r = ask(
        &mut ws,
        "track-progress",
        json!({"escalation_id": "ESC-BIG", "update": {"status": "in_progress"}}),
    );
    assert_eq!(r["ok"], true, "{}", r["error"]);
    assert_eq!(r["result"]["state"]["status"], "in_progress");
    assert_eq!(ws.escalation("ESC-BIG").unwrap().events.len(), 100_001);
}

#[test]
fn unknown_and_future_schema_versions_are_refused() {
    let cases = [
        (
            json!(SCHEMA_VERSION + 1),
            ErrorCode::UnsupportedSchemaVersion,
        ),
        (json!(u64::MAX), ErrorCode::UnsupportedSchemaVersion),
        (json!(0), ErrorCode::OutOfRange),
        (json!(-1), ErrorCode::WrongType),
        (json!(1.5), ErrorCode::WrongType),
        (json!("1"), ErrorCode::WrongType),
    ];
    for (version, code) in cases {
        let mut v = serde_json::to_value(Workspace::default()).unwrap();
        v["schema_version"] = version.clone();
        let e = Workspace::from_value(v).unwrap_err();
        assert_eq!(
            (e.code, e.path.as_str()),
            (code, "schema_version"),
            "{version}"
        );
    }
}

#[test]
fn script_tags_in_text_are_escaped_in_html() {
    let mut ws = Workspace::default();
    let evil = "<script>alert('x')</script>";
    let mut p = ticket();
    p["issue"]["summary"] = json!(evil);
    p["customer"]["name"] = json!(evil);
    p["record"] = json!(true);
    let r = ask(&mut ws, "determine-escalation", p);
    let id = r["result"]["escalation_id"].as_str().unwrap().to_string();
    let r = ask(
        &mut ws,
        "generate-notification",
        json!({"escalation_id": id, "notification_type": "escalation_alert", "record": false}),
    );
    assert_eq!(r["ok"], true, "{r}");
    let html = r["result"]["channels"]["email"]["html"].as_str().unwrap();
    assert!(!html.contains("<script>"), "{html}");
    assert!(html.contains("&lt;script&gt;"), "{html}");
    // A recipient address that smuggles a header is refused, at a bracketed path.
    let r = ask(
        &mut ws,
        "generate-notification",
        json!({"escalation_id": id, "notification_type": "escalation_alert",
               "recipients": ["support_lead", {"email": "x@y.z\r\nBcc: z@evil.example"}]}),
    );
    assert_eq!(r["error"]["code"], "out_of_range", "{r}");
    assert_eq!(r["error"]["path"], "parameters.recipients[1].email");
    let r = ask(&mut ws, "generate-handoff", json!({"escalation_id": id}));
    assert_eq!(r["ok"], true, "{r}");
    let html = r["result"]["html"].as_str().unwrap();
    assert!(!html.contains("<script>"), "{html}");
    let markdown = r["result"]["markdown"].as_str().unwrap();
    assert!(!markdown.contains("<script>"), "{markdown}");
    assert!(
        markdown.contains("\\<script\\>"),
        "shown as text: {markdown}"
    );
}

#[test]
fn negative_durations_are_out_of_range() {
    let mut ws = Workspace::default();
    let mut p = ticket();
    p["issue"]["duration_hours"] = json!(-5);
    let r = ask(&mut ws, "determine-escalation", p);
    assert_eq!(
        err(&r),
        pair("out_of_range", "parameters.issue.duration_hours")
    );
    let r = ask(
        &mut ws,
        "sla-status",
        json!({"clock": {"start": NOW, "target_minutes": -30}}),
    );
    assert_eq!(
        err(&r),
        pair("out_of_range", "parameters.clock.target_minutes")
    );
}

#[test]
fn inverted_ranges_are_out_of_range() {
    let mut ws = demo_workspace();
    let r = ask(
        &mut ws,
        "calculate-metrics",
        json!({"date_range": {"start": "2025-03-01", "end": "2025-01-01"}}),
    );
    assert_eq!(err(&r), pair("out_of_range", "parameters.date_range.end"));
    let r = ask(
        &mut ws,
        "sla-status",
        json!({"clock": {"start": "2025-01-20T09:00:00Z", "target_minutes": 60,
            "pauses": [{"from": "2025-01-20T12:00:00Z", "to": "2025-01-20T10:00:00Z"}]}}),
    );
    assert_eq!(err(&r), pair("out_of_range", "parameters.clock.pauses[0]"));
}

#[test]
fn unknown_time_zone_names_the_field() {
    let mut ws = Workspace::default();
    let r = ask(
        &mut ws,
        "sla-status",
        json!({"clock": {"start": NOW, "target_minutes": 60,
            "calendar": {"timezone": "Mars/Olympus_Mons", "hours": {"mon": [["09:00", "17:00"]]}}}}),
    );
    assert_eq!(
        err(&r),
        pair("out_of_range", "parameters.clock.calendar.timezone")
    );

    let mut ws = demo_workspace();
    let mut config = ws.config.clone();
    config.timezone = "Mars/Olympus_Mons".into();
    ws.set_config(config);
    let r = ask(&mut ws, "calculate-metrics", json!({}));
    assert_eq!(err(&r).1, "config.timezone");
}

fn duplicate_event(same_content: bool) -> Value {
    let mut v = serde_json::to_value(demo_workspace()).unwrap();
    let events = v["escalations"][0]["events"].as_array_mut().unwrap();
    let mut copy = events[1].clone();
    if !same_content {
        copy["actor"] = json!("someone else");
    }
    events.push(copy);
    v
}

/// Logs merge as a union by event id, so a byte-identical repeat (an export imported twice)
/// is the same fact and is kept once; two different events under one id are a conflict the
/// engine cannot settle, so loading refuses and names both the escalation and the id.
#[test]
fn duplicate_event_ids_merge_when_equal_and_are_refused_when_not() {
    let demo = demo_workspace();
    let ws = Workspace::from_value(duplicate_event(true)).unwrap();
    assert_eq!(ws, demo);

    let e = Workspace::from_value(duplicate_event(false)).unwrap_err();
    let first = &demo.escalations[0];
    assert_eq!(e.code, ErrorCode::InvalidWorkspace);
    assert!(e.path.starts_with("escalations[0].events["), "{}", e.path);
    assert!(e.message.contains(&first.id), "{}", e.message);
    assert!(e.message.contains(&first.events[1].id), "{}", e.message);
}

#[test]
fn unknown_escalation_id_is_unknown_escalation() {
    let mut ws = demo_workspace();
    let cases = [
        (
            "track-progress",
            json!({"escalation_id": "ESC-1999-999", "update": {"status": "in_progress"}}),
        ),
        ("sla-status", json!({"escalation_id": "ESC-1999-999"})),
        (
            "generate-notification",
            json!({"escalation_id": "ESC-1999-999", "notification_type": "escalation_alert"}),
        ),
        ("generate-handoff", json!({"escalation_id": "ESC-1999-999"})),
        (
            "recommend-deescalation",
            json!({"escalation_id": "ESC-1999-999", "resolution": {}}),
        ),
    ];
    let before = ws.clone();
    for (action, p) in cases {
        let r = ask(&mut ws, action, p);
        assert_eq!(
            err(&r),
            pair("unknown_escalation", "parameters.escalation_id"),
            "{action}"
        );
    }
    assert_eq!(ws, before);
}
