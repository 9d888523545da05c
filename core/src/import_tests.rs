use serde_json::json;

use super::*;
use crate::config::Config;
use crate::event::EventKind;

fn ev(id: &str, at: &str, action: &str) -> Event {
    Event {
        id: id.into(),
        at: at.parse().unwrap(),
        actor: "t".into(),
        kind: EventKind::ActionTaken {
            action: action.into(),
        },
    }
}

fn ws(escalations: Vec<(&str, Vec<Event>)>) -> Workspace {
    Workspace::new(
        Config::default(),
        escalations
            .into_iter()
            .map(|(id, events)| Escalation {
                id: id.into(),
                events,
            })
            .collect(),
    )
}

fn ids(ws: &Workspace, esc: &str) -> Vec<String> {
    let e = ws.escalation(esc).unwrap();
    e.events.iter().map(|e| e.id.clone()).collect()
}

#[test]
fn merge_keeps_both_logs_once_each_in_time_order() {
    let a = ws(vec![(
        "ESC-1",
        vec![
            ev("a1", "2025-01-01T00:00:00Z", "x"),
            ev("s", "2025-01-03T00:00:00Z", "shared"),
        ],
    )]);
    let b = ws(vec![
        (
            "ESC-1",
            vec![
                ev("b1", "2025-01-02T00:00:00Z", "y"),
                ev("s", "2025-01-03T00:00:00Z", "shared"),
            ],
        ),
        ("ESC-2", vec![ev("b2", "2025-01-04T00:00:00Z", "z")]),
    ]);
    let (m, report) = merge(&a, &b, ConfigFrom::Current);
    assert_eq!(ids(&m, "ESC-1"), ["a1", "b1", "s"]);
    assert_eq!(ids(&m, "ESC-2"), ["b2"]);
    assert_eq!((report.added_escalations, report.added_events), (1, 2));
    assert!(report.conflicts.is_empty());
    // A second import of the same document changes nothing.
    let (again, report) = merge(&m, &b, ConfigFrom::Current);
    assert_eq!(again, m);
    assert_eq!((report.added_escalations, report.added_events), (0, 0));
}

#[test]
fn same_id_different_content_keeps_the_current_event_and_names_the_other() {
    let a = ws(vec![(
        "ESC-1",
        vec![ev("e", "2025-01-01T00:00:00Z", "mine")],
    )]);
    let b = ws(vec![
        ("ESC-0", vec![]),
        (
            "ESC-1",
            vec![
                ev("n", "2025-01-02T00:00:00Z", "new"),
                ev("e", "2025-01-01T00:00:00Z", "theirs"),
            ],
        ),
    ]);
    let (m, report) = merge(&a, &b, ConfigFrom::Current);
    assert_eq!(
        report.conflicts,
        [Conflict {
            escalation: "ESC-1".into(),
            event: "e".into(),
            path: "escalations[1].events[1]".into(),
        }]
    );
    let kept = &m.escalation("ESC-1").unwrap().events[0];
    assert_eq!(
        kept.kind,
        EventKind::ActionTaken {
            action: "mine".into()
        }
    );
    assert_eq!(
        ids(&m, "ESC-1"),
        ["e", "n"],
        "the rest of the log still merges"
    );
}

#[test]
fn the_config_is_kept_or_taken_as_asked() {
    let a = ws(vec![]);
    let mut b = ws(vec![]);
    b.config.rules.clear();
    assert_ne!(a.config, b.config, "the default config has rules");
    let (kept, report) = merge(&a, &b, ConfigFrom::Current);
    assert_eq!(kept.config, a.config);
    assert!(report.config_differs);
    let (taken, _) = merge(&a, &b, ConfigFrom::Incoming);
    assert_eq!(taken.config, b.config);
}

#[test]
fn unsaved_is_what_storage_has_not_seen() {
    let ours = ws(vec![
        (
            "ESC-1",
            vec![
                ev("old", "2025-01-01T00:00:00Z", "x"),
                ev("new", "2025-01-02T00:00:00Z", "y"),
            ],
        ),
        ("ESC-2", vec![ev("old2", "2025-01-01T00:00:00Z", "x")]),
        ("ESC-3", vec![ev("c", "2025-01-05T00:00:00Z", "z")]),
    ]);
    let known: HashSet<String> = ["old", "old2"].map(String::from).into();
    let u = unsaved(&ours, &known);
    let got: Vec<_> = u
        .escalations
        .iter()
        .map(|e| (e.id.as_str(), e.events.len()))
        .collect();
    assert_eq!(got, [("ESC-1", 1), ("ESC-3", 1)]);
    assert_eq!(event_ids(&ours).len(), 4);
}

#[test]
fn read_lists_each_problem_with_its_path() {
    let mut doc = serde_json::to_value(ws(vec![
        ("ESC-1", vec![ev("a", "2025-01-01T00:00:00Z", "x")]),
        (
            "ESC-2",
            vec![
                ev("b", "2025-01-01T00:00:00Z", "x"),
                ev("c", "2025-01-02T00:00:00Z", "y"),
            ],
        ),
    ]))
    .unwrap();
    doc["escalations"][0]["events"][0]["at"] = json!("yesterday");
    doc["escalations"][1]["events"][1]["actor"] = json!(42);
    doc["escalations"][1]["events"]
        .as_array_mut()
        .unwrap()
        .push(json!({
            "id": "b", "at": "2025-01-09T00:00:00Z", "actor": "t", "kind": "note", "text": "other"
        }));
    doc["config"]["rules"][0]["when"] = json!({"nope": [1]});
    let problems = read(&doc.to_string()).unwrap_err();
    let paths: Vec<_> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths.len(), 4, "{problems:?}");
    assert!(paths[0].starts_with("config.rules"), "{paths:?}");
    assert_eq!(
        &paths[1..],
        [
            "escalations[0].events[0].at",
            "escalations[1].events[1].actor",
            "escalations[1].events[2].id"
        ]
    );
    assert!(problems[3]
        .message
        .contains("two different events with id b"));
}

#[test]
fn read_names_the_first_problem_of_a_document_it_cannot_split() {
    let p = read("{\"schema_version\": 1, ").unwrap_err();
    assert_eq!((p.len(), p[0].code), (1, ErrorCode::InvalidJson));
    let p = read(r#"{"schema_version": 7, "config": {}}"#).unwrap_err();
    assert_eq!(
        (p[0].code, p[0].path.as_str()),
        (ErrorCode::UnsupportedSchemaVersion, "schema_version")
    );
    let p = read(r#"{"schema_version": 1, "escalations": {}}"#).unwrap_err();
    let paths: Vec<_> = p.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["config", "escalations"]);
}

#[test]
fn read_accepts_a_good_document() {
    let good = crate::demo::demo_workspace();
    assert_eq!(read(&good.to_json_pretty()).unwrap(), good);
}

#[test]
fn read_migrates_an_export_from_schema_version_1() {
    let mut old = serde_json::to_value(ws(vec![(
        "ESC-1",
        vec![ev("a1", "2025-01-01T00:00:00Z", "x")],
    )]))
    .unwrap();
    old["schema_version"] = json!(1);
    old["config"]["notify"]["aging"]["update_target_minutes"] = json!([{"tier": 1, "minutes": 60}]);
    let read = read(&old.to_string()).unwrap();
    assert_eq!(read.schema_version, crate::SCHEMA_VERSION);
    assert_eq!(ids(&read, "ESC-1"), ["a1"]);
}

/// Regression (web audit of 2026-11-29): two tabs or devices that each record an escalation
/// offline number it alike (`ESC-2026-001`); uniting by id fused the two into one log with
/// two `created` events. The incoming one now gets the next free id.
#[test]
fn a_different_escalation_under_a_taken_id_is_renamed_not_fused() {
    let record = |ticket: &str, seed: &str| {
        let mut ws = Workspace::default();
        let mut ctx = crate::Context::with_counter(None, seed);
        let req = json!({"action": "determine-escalation", "now": "2026-01-05T10:00:00Z",
            "parameters": {"record": true, "issue": {"id": ticket, "severity": "high",
            "impact": "single_user"}, "customer": {"segment": "smb"}}});
        let r = crate::handle(&mut ws, &req, &mut ctx);
        assert_eq!(r["result"]["escalation_id"], "ESC-2026-001", "{r}");
        ws
    };
    let a = record("T-A", "tab-a");
    let b = record("T-B", "tab-b");
    let (merged, report) = merge(&a, &b, ConfigFrom::Current);
    assert_eq!(
        report.renamed,
        vec![("ESC-2026-001".to_string(), "ESC-2026-002".to_string())]
    );
    let tickets: Vec<(String, String)> = merged
        .escalations
        .iter()
        .map(|e| (e.id.clone(), crate::state::fold(e).ticket))
        .collect();
    assert_eq!(
        tickets,
        vec![
            ("ESC-2026-001".to_string(), "T-A".to_string()),
            ("ESC-2026-002".to_string(), "T-B".to_string())
        ]
    );
    // The same escalation from both sides is still united, not renamed.
    let (again, report) = merge(&merged, &merged, ConfigFrom::Current);
    assert!(report.renamed.is_empty());
    assert_eq!(again, merged);
}

/// Regression (web audit of 2026-11-29): 61 problems listed 50 and said nothing of the rest.
#[test]
fn past_the_limit_the_report_says_how_many_more() {
    let mut doc = serde_json::to_value(ws(vec![(
        "ESC-1",
        (0..61)
            .map(|k| ev(&format!("e{k}"), "2025-01-01T00:00:00Z", "x"))
            .collect(),
    )]))
    .unwrap();
    for k in 0..61 {
        doc["escalations"][0]["events"][k]["at"] = json!("bad");
    }
    let problems = read(&doc.to_string()).unwrap_err();
    assert_eq!(problems.len(), MAX_PROBLEMS + 1);
    assert_eq!(problems[0].path, "escalations[0].events[0].at");
    assert!(problems[MAX_PROBLEMS]
        .message
        .starts_with("and 11 more problems"));
}

#[test]
fn nothing_pasted_asks_for_a_document() {
    let problems = read("  \n").unwrap_err();
    assert!(
        problems[0].message.contains("paste a workspace export"),
        "{problems:?}"
    );
}

// Before: a bad value anywhere in an imported config was reported at `config` alone, in
// Rust's words ("expected u8"); a typo'd key was dropped without a word.
#[test]
fn a_config_problem_is_named_at_its_field_in_plain_words() {
    let mut doc = serde_json::to_value(crate::demo::demo_workspace()).unwrap();
    doc["config"]["tiers"][2]["min_score"] = json!(300);
    let p = read(&doc.to_string()).unwrap_err();
    assert_eq!(
        (p[0].code, p[0].path.as_str()),
        (ErrorCode::OutOfRange, "config.tiers[2].min_score")
    );
    assert!(p[0].message.contains("from 0 to 255"), "{}", p[0].message);

    let mut doc = serde_json::to_value(crate::demo::demo_workspace()).unwrap();
    doc["config"]["notify"]["aging"] = json!({"bucket_hour": [1, 2]});
    let p = read(&doc.to_string()).unwrap_err();
    assert_eq!(
        (p[0].code, p[0].path.as_str()),
        (ErrorCode::UnknownField, "config.notify.aging.bucket_hour")
    );
}
