//! Every seed request runs through the real binary against the demo workspace.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn seed_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/seed")
}

fn escalon(args: &[&str]) -> (Value, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_escalon"))
        .args(args)
        .output()
        .expect("binary runs");
    let text = String::from_utf8(out.stdout).unwrap();
    let v = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
    (v, out.status.code().unwrap())
}

fn seed(name: &str) -> String {
    seed_dir().join(name).to_string_lossy().into_owned()
}

const NOW: &str = "2025-01-22T10:00:00Z";

#[test]
fn determine_escalation_seed_lands_on_tier_3_or_4() {
    let (r, code) = escalon(&["run", &seed("determine-escalation.yaml"), "--now", NOW]);
    assert_eq!(code, 0, "{r}");
    let res = &r["result"];
    let tier = res["tier"].as_u64().unwrap();
    assert!(tier == 3 || tier == 4, "{res}");
    for key in [
        "tier_name",
        "urgency_score",
        "priority",
        "response_target_minutes",
        "stakeholders",
        "reasons",
        "matched_rules",
        "recommended_actions",
    ] {
        assert!(!res[key].is_null(), "missing {key}");
    }
    let sum: i64 = res["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["points"].as_i64().unwrap())
        .sum();
    assert_eq!(sum, res["urgency_score"].as_i64().unwrap());
    // The demo holds Northwind's two earlier January escalations.
    assert_eq!(res["history"]["escalations"].as_array().unwrap().len(), 2);
}

#[test]
fn track_progress_seed_runs_as_is() {
    let (r, code) = escalon(&["run", &seed("track-progress.yaml"), "--now", NOW]);
    assert_eq!(code, 0, "{r}");
    assert_eq!(r["result"]["state"]["status"], "in_progress");
    assert_eq!(r["result"]["state"]["owner"], "engineer@company.com");
}

#[test]
fn generate_notification_seed_renders_every_channel() {
    let (r, code) = escalon(&["run", &seed("generate-notification.yaml"), "--now", NOW]);
    assert_eq!(code, 0, "{r}");
    let res = &r["result"];
    let emails: Vec<&str> = res["recipients"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["email"].as_str().unwrap())
        .collect();
    assert_eq!(
        emails,
        [
            "tier2.lead@company.com",
            "chris.patel@company.com",
            "support.manager@company.com"
        ]
    );
    let ch = &res["channels"];
    assert!(ch["email"]["eml"]
        .as_str()
        .unwrap()
        .contains("multipart/alternative"));
    assert!(ch["markdown"]
        .as_str()
        .unwrap()
        .contains("Troubleshooting so far"));
    assert_eq!(ch["pagerduty"]["dedup_key"], "ESC-2025-001");
    assert!(ch["slack"]["blocks"].is_array());
    assert!(res["recorded"]["event_id"].is_string());
}

#[test]
fn recommend_deescalation_seed_de_escalates() {
    let (r, code) = escalon(&["run", &seed("recommend-deescalation.yaml"), "--now", NOW]);
    assert_eq!(code, 0, "{r}");
    assert_eq!(r["result"]["recommendation"], "de-escalate", "{r}");
    assert_eq!(r["result"]["agrees_with_request"], true);
}

#[test]
fn calculate_metrics_seed_runs_as_is() {
    let (r, code) = escalon(&["run", &seed("calculate-metrics.yaml"), "--now", NOW]);
    assert_eq!(code, 0, "{r}");
    let res = &r["result"];
    let rows = res["rows"].as_array().unwrap();
    assert!(rows.len() > 10, "{res}");
    assert_eq!(rows[0]["group"].as_object().unwrap().len(), 3);
    let sum: u64 = rows
        .iter()
        .map(|row| row["metrics"]["escalation_count"].as_u64().unwrap())
        .sum();
    let total = res["totals"]["escalation_count"].as_u64().unwrap();
    // January of the demo: ESC-2025-001, Northwind's two earlier ones and many more.
    assert!(total > 50, "{total}");
    assert_eq!(sum, total);
    let rate = res["totals"]["escalation_rate"]["rate"].as_f64().unwrap();
    assert!(rate > 0.0 && rate < 0.2, "{rate}");
    assert!(
        res["totals"]["mttr_escalations"]["mean_minutes"]
            .as_f64()
            .unwrap()
            > 0.0
    );
    let fr = &res["totals"]["sla_compliance"]["first_response"];
    assert!(fr["compliance"].as_f64().unwrap() > 0.5, "{fr}");
}

#[test]
fn every_seed_file_gets_an_answer() {
    let mut n = 0;
    for entry in std::fs::read_dir(seed_dir()).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|x| x == "yaml") {
            let (r, _) = escalon(&["run", p.to_str().unwrap(), "--now", NOW]);
            let code = r["error"]["code"].as_str().unwrap_or("");
            assert!(
                r["ok"] == true || code == "not_implemented",
                "{}: {r}",
                p.display()
            );
            n += 1;
        }
    }
    assert_eq!(n, 5);
}

#[test]
fn workspace_file_is_updated_atomically_and_refused_on_error() {
    let dir = std::env::temp_dir().join(format!("escalon-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let ws = dir.join("ws.json");
    let demo = Command::new(env!("CARGO_BIN_EXE_escalon"))
        .arg("demo")
        .output()
        .unwrap();
    std::fs::write(&ws, &demo.stdout).unwrap();
    let ws_s = ws.to_str().unwrap();

    let (r, code) = escalon(&[
        "run",
        &seed("track-progress.yaml"),
        "--workspace",
        ws_s,
        "--now",
        NOW,
    ]);
    assert_eq!(code, 0, "{r}");
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&ws).unwrap()).unwrap();
    let esc = saved["escalations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "ESC-2025-001")
        .unwrap();
    assert!(esc["events"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["owner"] == "engineer@company.com"));

    // A refused request leaves the file byte-for-byte as it was.
    let before = std::fs::read(&ws).unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        r#"{"action":"track-progress","parameters":{"escalation_id":"ESC-0","update":{}}}"#,
    )
    .unwrap();
    let (r, code) = escalon(&[
        "run",
        bad.to_str().unwrap(),
        "--workspace",
        ws_s,
        "--now",
        NOW,
    ]);
    assert_eq!(code, 1);
    assert_eq!(r["error"]["code"], "unknown_escalation");
    assert_eq!(std::fs::read(&ws).unwrap(), before);
    let leftovers = std::fs::read_dir(&dir).unwrap().count();
    assert_eq!(leftovers, 2, "no temp files left behind");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn newer_workspace_is_refused_clearly() {
    let dir = std::env::temp_dir().join(format!("escalon-cli-new-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let ws = dir.join("ws.json");
    std::fs::write(
        &ws,
        r#"{"schema_version": 99, "config": {}, "escalations": []}"#,
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_escalon"))
        .args([
            "run",
            &seed("track-progress.yaml"),
            "--workspace",
            ws.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("schema_version 99"));
    std::fs::remove_dir_all(&dir).unwrap();
}
