//! What every fuzz input must satisfy, one function per target, panicking on a violation.
//! Shared by the cargo-fuzz targets (`fuzz_targets/*.rs`) and by `cargo test`
//! (`core/tests/fuzz_regressions.rs` replays the seeds and every crash ever found through
//! the same functions), so the invariants are compiled and run on every test run even though
//! fuzzing itself is not.

use std::sync::OnceLock;

use escalon::notify::{render::render_source, templates::PARTS};
use escalon::{demo::demo_workspace, handle, Context, ErrorCode, Workspace};
use serde_json::{json, Value};

static DEMO: OnceLock<Workspace> = OnceLock::new();

/// Arbitrary bytes as a request to the door, against the demo workspace (ARCHITECTURE.md,
/// "Bad input is an answer, not a crash"): never panics; the answer is `{ok: true, result}`
/// or `{ok: false, error: {code, message, path}}`; a refused request leaves the workspace
/// exactly as it was, and so does an accepted one that says it changed nothing. What an
/// accepted change leaves behind must be readable too: the reads every page makes answer
/// on it, at the request's own `now` (an accepted config once made the next read panic).
pub fn door(data: &[u8]) {
    // Shells hand the engine text; bytes that are not UTF-8 reach it as replacement chars.
    let text = String::from_utf8_lossy(data);
    let Ok(request) = serde_json::from_str::<Value>(&text) else {
        let r = escalon::run(&text);
        assert_eq!(r["ok"], false, "{r}");
        assert_eq!(r["error"]["code"], "invalid_json", "{r}");
        return;
    };
    let demo = DEMO.get_or_init(demo_workspace);
    let mut ws = demo.clone();
    let mut ctx = Context::with_counter(None, "fuzz");
    let r = handle(&mut ws, &request, &mut ctx);
    match r["ok"].as_bool() {
        Some(true) => {
            assert!(r.get("result").is_some(), "ok without result: {r}");
            if !ctx.changed() {
                assert!(ws == *demo, "said unchanged but changed: {request}");
            } else {
                let now = request.get("now").and_then(Value::as_str);
                reads_answer(&mut ws, now.unwrap_or("2025-04-01T00:00:00Z"));
            }
        }
        Some(false) => {
            let e = &r["error"];
            for field in ["code", "message", "path"] {
                assert!(e[field].is_string(), "error without {field}: {r}");
            }
            assert!(!ctx.changed(), "refused but changed: {r}");
            assert!(ws == *demo, "refused but the workspace changed: {request}");
        }
        None => panic!("answer without ok: {r}"),
    }
}

/// The reads the app's pages make, on escalations of `ws`: each must answer, ok or not.
fn reads_answer(ws: &mut Workspace, now: &str) {
    let mut ctx = Context::with_counter(None, "fuzz");
    let ids: Vec<String> = ws
        .escalations
        .iter()
        .take(3)
        .map(|e| e.id.clone())
        .collect();
    let mut requests = vec![
        json!({"action": "stalled-report", "parameters": {}}),
        json!({"action": "calculate-metrics", "parameters": {"metrics": ["escalation_count",
            "mttr_escalations", "sla_compliance", "stalled_count"]}}),
    ];
    for id in ids {
        for (action, extra) in [
            ("escalation-chain", json!({})),
            ("sla-status", json!({})),
            ("major-incident", json!({"operation": "status"})),
            ("recommend-deescalation", json!({})),
            ("generate-handoff", json!({})),
        ] {
            let mut p = extra;
            p["escalation_id"] = json!(id);
            requests.push(json!({"action": action, "parameters": p}));
        }
    }
    for mut request in requests {
        request["now"] = json!(now);
        let r = handle(ws, &request, &mut ctx);
        assert!(r["ok"].is_boolean(), "{request}: {r}");
    }
}

/// Arbitrary bytes as a workspace document (`Workspace::from_json`: the web app's import and
/// stored document, the CLI's `--workspace`, `Engine.fromWorkspace`): never panics; a refused
/// document carries a message; an accepted one writes out and reads back equal (what the app
/// saves it can open again), and the folds every page runs over it answer without panicking.
pub fn workspace_import(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut ws = match Workspace::from_json(text) {
        Ok(ws) => ws,
        Err(e) => {
            assert!(!e.message.is_empty(), "{e:?}");
            return;
        }
    };
    let saved = ws.to_json_pretty();
    let again = Workspace::from_json(&saved)
        .unwrap_or_else(|e| panic!("a loaded workspace does not reload: {e:?}\n{saved}"));
    assert!(again == ws, "round trip changed the workspace:\n{saved}");

    let mut ctx = Context::with_counter(None, "fuzz");
    for (action, parameters) in [
        (
            "calculate-metrics",
            json!({"dimensions": ["escalation_tier", "owner", "week", "root_cause"],
                "metrics": ["escalation_count", "escalation_rate", "mttr_escalations",
                    "mtta", "sla_compliance", "breach_count", "re_escalation_count",
                    "stalled_count", "volume_trend", "top_causes"]}),
        ),
        ("stalled-report", json!({})),
    ] {
        let request = json!({"action": action, "now": "2025-04-01T00:00:00Z",
            "parameters": parameters});
        let r = handle(&mut ws, &request, &mut ctx);
        assert!(r["ok"].is_boolean(), "{r}");
    }
    // Then at the last hour the door accepts, where due times run off the end of the range.
    reads_answer(&mut ws, "2025-04-01T00:00:00Z");
    reads_answer(&mut ws, "9999-12-30T21:00:00Z");
}

/// Template rendering (`render_source`: the template editor's preview and every
/// `config.templates` override). Input: one byte picks the part (so the escaping mode), then
/// the template text, a NUL, and a string bound to `x`. Never panics; a failing template is
/// `invalid_template` at the path given; the value printed with `{{ x }}` can never open a
/// tag in HTML or Slack, nor stand unescaped in Markdown.
pub fn template(data: &[u8]) {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let part = PARTS[usize::from(pick) % PARTS.len()];
    let (template, value) = text.split_once('\0').unwrap_or((text, ""));
    let data = json!({
        "x": value,
        "n": 3,
        "list": [value, "b", 1.5],
        "escalation": {"id": "ESC-1", "tier": 2, "summary": value, "empty": []},
        "kind": {"internal": true, "title": value},
    });
    if let Err(e) = render_source(part, template, "t", &data) {
        assert_eq!(e.code, ErrorCode::InvalidTemplate, "{e:?}");
        assert_eq!(e.path, "t");
    }

    let out = render_source(part, "{{ x }}", "t", &data).expect("a plain value renders");
    match part {
        "html" | "handoff_html" | "slack" => {
            assert!(
                !out.contains('<') && !out.contains('>'),
                "{value:?} -> {out:?}"
            );
        }
        "markdown" | "handoff_markdown" => {
            let bytes = out.as_bytes();
            for (i, &b) in bytes.iter().enumerate() {
                if b == b'<' {
                    assert!(i > 0 && bytes[i - 1] == b'\\', "{value:?} -> {out:?}");
                }
            }
        }
        _ => {}
    }
}
