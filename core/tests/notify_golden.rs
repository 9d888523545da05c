//! Golden files for every notification type and channel on the demo workspace, plus the
//! escaping and broken-template guarantees. Regenerate with `UPDATE_GOLDEN=1`.

use std::path::PathBuf;

use escalon::demo::demo_workspace;
use escalon::{handle, Context, Workspace};
use serde_json::{json, Value};

const NOW: &str = "2025-01-22T10:00:00Z";

const TYPES: &[&str] = &[
    "tier1_handoff",
    "tier2_handoff",
    "tier3_handoff",
    "tier4_handoff",
    "escalation_alert",
    "management_summary",
    "customer_confirmation",
    "pager_trigger",
    "executive_briefing",
    "aging_reminder",
    "sla_warning",
    "sla_breach",
    "deescalation_notice",
    "customer_resolution_update",
];

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/notify/golden")
}

fn notify(ws: &mut Workspace, params: Value) -> Value {
    let mut ctx = Context::with_counter(None, "golden");
    let req = json!({"action": "generate-notification", "now": NOW, "parameters": params});
    handle(ws, &req, &mut ctx)
}

fn check(name: &str, actual: &str, failures: &mut Vec<String>) {
    let path = golden_dir().join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(golden_dir()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    match std::fs::read_to_string(&path) {
        Ok(expected) if expected == actual => {}
        Ok(_) => failures.push(format!("{name} differs (UPDATE_GOLDEN=1 to accept)")),
        Err(_) => failures.push(format!("{name} missing (UPDATE_GOLDEN=1 to create)")),
    }
}

#[test]
fn every_type_and_channel_matches_its_golden_file() {
    let mut failures = Vec::new();
    for t in TYPES {
        let mut ws = demo_workspace();
        let r = notify(
            &mut ws,
            json!({"escalation_id": "ESC-2025-001", "notification_type": t,
                   "channels": ["email", "slack", "pagerduty", "markdown"],
                   "recipients": [{"role": "tier2_lead"}, {"role": "account_csm"},
                                  {"email": "ops@northwind.example", "name": "Northwind Ops"}]}),
        );
        assert_eq!(r["ok"], true, "{t}: {r}");
        let ch = &r["result"]["channels"];
        check(
            &format!("{t}.md"),
            ch["markdown"].as_str().unwrap(),
            &mut failures,
        );
        check(
            &format!("{t}.html"),
            ch["email"]["html"].as_str().unwrap(),
            &mut failures,
        );
        check(
            &format!("{t}.txt"),
            ch["email"]["text"].as_str().unwrap(),
            &mut failures,
        );
        check(
            &format!("{t}.eml"),
            ch["email"]["eml"].as_str().unwrap(),
            &mut failures,
        );
        let slack = serde_json::to_string_pretty(&ch["slack"]).unwrap() + "\n";
        check(&format!("{t}.slack.json"), &slack, &mut failures);
        let pd = serde_json::to_string_pretty(&ch["pagerduty"]).unwrap() + "\n";
        check(&format!("{t}.pagerduty.json"), &pd, &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn handoff_brief_matches_its_golden_files() {
    let ws = demo_workspace();
    let mut ws2 = ws.clone();
    let mut ctx = Context::with_counter(None, "golden");
    let r = handle(
        &mut ws2,
        &json!({"action": "generate-handoff", "now": NOW, "parameters": {
            "escalation_id": "ESC-2025-001", "target_tier": 2,
            "reproduction_steps": ["Upgrade a node to v2.3.4", "Send steady API traffic for 3 hours"],
            "evidence": [{"title": "Heap graph", "url": "https://grafana.example.com/d/heap"}]}}),
        &mut ctx,
    );
    assert_eq!(r["ok"], true, "{r}");
    assert!(!ctx.changed(), "a brief records nothing");
    let mut failures = Vec::new();
    check(
        "handoff.md",
        r["result"]["markdown"].as_str().unwrap(),
        &mut failures,
    );
    check(
        "handoff.html",
        r["result"]["html"].as_str().unwrap(),
        &mut failures,
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Puts hostile text in the ticket summary, the customer name and an action.
fn hostile_workspace() -> Workspace {
    let mut ws = demo_workspace();
    let esc = ws.escalation_mut("ESC-2025-001").unwrap();
    for e in &mut esc.events {
        match &mut e.kind {
            escalon::event::EventKind::Created {
                summary, customer, ..
            } => {
                *summary = Some("<script>alert(1)</script> *boom* [x](javascript:y)".into());
                customer.name = Some("Evil & <b>Co</b>".into());
            }
            escalon::event::EventKind::ActionTaken { action } => {
                *action = "<img src=x onerror=alert(2)>".into();
            }
            _ => {}
        }
    }
    ws
}

#[test]
fn script_in_a_summary_is_escaped_in_every_html_and_markdown_output() {
    for t in TYPES {
        let mut ws = hostile_workspace();
        let r = notify(
            &mut ws,
            json!({"escalation_id": "ESC-2025-001", "notification_type": t,
                   "channels": ["email", "slack", "markdown"]}),
        );
        assert_eq!(r["ok"], true, "{t}: {r}");
        let ch = &r["result"]["channels"];
        let html = ch["email"]["html"].as_str().unwrap();
        assert!(!html.contains("<script"), "{t}: {html}");
        assert!(!html.contains("<img"), "{t}");
        assert!(!html.contains("<b>Co"), "{t}");
        assert!(html.contains("&lt;script&gt;"), "{t}");
        let md = ch["markdown"].as_str().unwrap();
        // Every `<` from user text is backslash-escaped, so none opens a tag.
        assert!(!md.replace("\\<", "").contains("<script"), "{t}: {md}");
        assert!(md.contains("\\<script\\>"), "{t}: {md}");
        assert!(!md.contains("](javascript"), "{t}");
        let slack = ch["slack"].to_string();
        assert!(!slack.contains("<script"), "{t}");
    }
    let mut ws = hostile_workspace();
    let mut ctx = Context::with_counter(None, "t");
    let r = handle(
        &mut ws,
        &json!({"action": "generate-handoff", "now": NOW, "parameters": {
            "escalation_id": "ESC-2025-001",
            "evidence": [{"title": "<script>", "url": "javascript:alert(1)"}]}}),
        &mut ctx,
    );
    let html = r["result"]["html"].as_str().unwrap();
    assert!(
        !html.contains("<script") && !html.contains("href=\"javascript"),
        "{html}"
    );
    let md = r["result"]["markdown"].as_str().unwrap();
    assert!(!md.replace("\\<", "").contains("<script"), "{md}");
    assert!(!md.contains("](javascript"), "{md}");
}

#[test]
fn broken_template_is_an_error_with_its_line_and_records_nothing() {
    let mut ws = demo_workspace();
    let before = ws.clone();
    let r = notify(
        &mut ws,
        json!({"escalation_id": "ESC-2025-001", "notification_type": "escalation_alert",
               "templates": [{"notification_type": "*", "part": "html",
                              "source": "<p>ok</p>\n<p>{{ escalation.id </p>"}]}),
    );
    assert_eq!(r["error"]["code"], "invalid_template", "{r}");
    assert!(
        r["error"]["message"].as_str().unwrap().contains("line 2"),
        "{r}"
    );
    assert_eq!(ws, before);

    // The same through the config, for one type only.
    let mut config = ws.config.clone();
    config.templates = vec![escalon::notify::TemplateOverride {
        notification_type: "sla_breach".into(),
        part: "markdown".into(),
        source: "a\nb\n{% for x in %}".into(),
    }];
    ws.set_config(config);
    let r = notify(
        &mut ws,
        json!({"escalation_id": "ESC-2025-001", "notification_type": "sla_breach"}),
    );
    assert_eq!(r["error"]["code"], "invalid_template", "{r}");
    assert_eq!(r["error"]["path"], "config.templates.0.source");
    assert!(
        r["error"]["message"].as_str().unwrap().contains("line 3"),
        "{r}"
    );
    let r = notify(
        &mut ws,
        json!({"escalation_id": "ESC-2025-001", "notification_type": "sla_warning"}),
    );
    assert_eq!(r["ok"], true, "other types keep the shipped template");
}

#[test]
fn a_notification_is_recorded_and_unknown_roles_are_reported() {
    let mut ws = demo_workspace();
    let before = ws.escalation("ESC-2025-001").unwrap().events.len();
    let mut ctx = Context::with_counter(None, "t");
    let req = json!({"action": "generate-notification", "now": NOW, "parameters": {
        "escalation_id": "ESC-2025-001", "notification_type": "pager_trigger",
        "recipients": [{"role": "engineering_lead"}, {"role": "wizard"}],
        "channels": ["pagerduty"], "pagerduty_action": "acknowledge"}});
    let r = handle(&mut ws, &req, &mut ctx);
    assert_eq!(r["ok"], true, "{r}");
    assert!(ctx.changed());
    let res = &r["result"];
    // The demo's override puts Lee Novak on call this week instead of Dana Kim.
    assert_eq!(res["recipients"][0]["email"], "lee.novak@company.com");
    assert_eq!(res["recipients"][0]["via"], "override");
    assert_eq!(res["unresolved"][0]["role"], "wizard");
    let pd = &res["channels"]["pagerduty"];
    assert_eq!(pd["event_action"], "acknowledge");
    assert_eq!(pd["dedup_key"], "ESC-2025-001");
    assert!(pd.get("payload").is_none());
    let events = &ws.escalation("ESC-2025-001").unwrap().events;
    assert_eq!(events.len(), before + 1);

    // A preview records nothing.
    let mut req = req.clone();
    req["parameters"]["record"] = json!(false);
    let r = handle(&mut ws, &req, &mut ctx);
    assert_eq!(r["ok"], true);
    assert!(!ctx.changed());
}
