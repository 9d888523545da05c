use super::*;

#[test]
fn round_trip() {
    let ws = Workspace::default();
    let back = Workspace::from_json(&ws.to_json_pretty()).unwrap();
    assert_eq!(ws, back);
}

#[test]
fn newer_version_is_refused() {
    let mut v = serde_json::to_value(Workspace::default()).unwrap();
    v["schema_version"] = 99.into();
    let e = Workspace::from_value(v).unwrap_err();
    assert_eq!(e.code, ErrorCode::UnsupportedSchemaVersion);
    assert!(e.message.contains("99"));
}

/// The demo workspace as the previous version wrote it: version 1, with the unread
/// `notify.aging.update_target_minutes` setting.
fn demo_as_version_1() -> Value {
    let mut v = serde_json::to_value(crate::demo::demo_workspace()).unwrap();
    v["schema_version"] = 1.into();
    v["config"]["notify"]["aging"]["update_target_minutes"] =
        serde_json::json!([{"tier": 1, "minutes": 1440}, {"tier": 3, "minutes": 120}]);
    v
}

#[test]
fn a_version_1_document_is_migrated_and_answers_as_before() {
    let old = demo_as_version_1();
    let stepped = migrate(old.clone()).unwrap();
    assert_eq!(stepped["schema_version"], SCHEMA_VERSION);
    assert!(stepped
        .pointer("/config/notify/aging/update_target_minutes")
        .is_none());
    assert_eq!(stepped["escalations"], old["escalations"]);
    let (mut migrated, written_in) = Workspace::from_json_with_version(&old.to_string()).unwrap();
    assert_eq!(written_in, 1);
    assert_eq!(migrated.schema_version, SCHEMA_VERSION);
    let written: Value = serde_json::from_str(&migrated.to_json()).unwrap();
    assert_eq!(written["schema_version"], 2);
    assert!(written["config"]["notify"]["aging"]
        .get("update_target_minutes")
        .is_none());
    assert_eq!(
        written["config"]["notify"]["aging"],
        old["config"]["notify"]["aging"]
            .as_object()
            .map(|a| {
                let mut a = a.clone();
                a.remove("update_target_minutes");
                Value::Object(a)
            })
            .unwrap()
    );

    let mut current = crate::demo::demo_workspace();
    for request in [
        serde_json::json!({"action": "stalled-report", "parameters": {}, "now": "2025-03-31T23:59:00Z"}),
        serde_json::json!({"action": "calculate-metrics", "parameters": {}, "now": "2025-03-31T23:59:00Z"}),
    ] {
        let mut a = crate::Context::with_counter(None, "m");
        let mut b = crate::Context::with_counter(None, "m");
        let before = crate::handle(&mut current, &request, &mut a);
        let after = crate::handle(&mut migrated, &request, &mut b);
        assert_eq!(before["ok"], true, "{}", before["error"]);
        assert_eq!(before, after, "{}", request["action"]);
    }
}

#[test]
fn a_migrated_document_is_unchanged_by_a_second_load() {
    let once = Workspace::from_value(demo_as_version_1()).unwrap();
    let twice = Workspace::from_json(&once.to_json()).unwrap();
    assert_eq!(once, twice);
}

#[test]
fn bad_rule_is_refused_on_load() {
    let mut v = serde_json::to_value(Workspace::default()).unwrap();
    v["config"]["rules"][0]["when"] = serde_json::json!({"nope": [1]});
    let e = Workspace::from_value(v).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidRule);
}

#[test]
fn next_id_counts_per_year() {
    let mut ws = Workspace::default();
    assert_eq!(ws.next_escalation_id(2025), "ESC-2025-001");
    ws.escalations.push(Escalation {
        id: "ESC-2025-041".into(),
        events: vec![],
    });
    assert_eq!(ws.next_escalation_id(2025), "ESC-2025-042");
}

// Regression (review 2026-11-29): an imported `ESC-2025-4294967295` made the next
// number overflow (a panic in debug builds).
#[test]
fn next_id_past_the_top_of_the_range_takes_the_lowest_free_number() {
    let mut ws = Workspace::default();
    ws.escalations.push(Escalation {
        id: "ESC-2025-4294967295".into(),
        events: vec![],
    });
    assert_eq!(ws.next_escalation_id(2025), "ESC-2025-4294967296");
    ws.escalations.push(Escalation {
        id: format!("ESC-2025-{}", u64::MAX),
        events: vec![],
    });
    assert_eq!(ws.next_escalation_id(2025), "ESC-2025-001");
}
