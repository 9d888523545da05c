//! wasm-bindgen glue over the engine's door. Only `embed` and `web` know wasm-bindgen;
//! everything here is translation. Strings cross the boundary (JSON text), so a host's bad
//! input becomes the door's error object instead of a thrown exception.

use escalon::{Context, Workspace};
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;

/// The engine version, e.g. `"0.1.0"`.
#[wasm_bindgen]
pub fn version() -> String {
    escalon::version().to_string()
}

/// Answers one request against a fresh default workspace (pure helpers: decisions without
/// history, inline SLA clocks). Never throws.
#[wasm_bindgen]
pub fn run(request: &str) -> String {
    escalon::door::run(request).to_string()
}

/// An engine over one workspace. The host keeps it, calls `run`, and saves
/// `export_workspace()` whenever `changed()` says so.
#[wasm_bindgen]
pub struct Engine {
    workspace: Workspace,
    changed: bool,
}

#[wasm_bindgen]
impl Engine {
    /// An engine on the default configuration with no escalations.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Engine {
        Engine {
            workspace: Workspace::default(),
            changed: false,
        }
    }

    /// An engine on a workspace document; a bad document gives back the door's error
    /// object as JSON text in `error` and no engine.
    #[wasm_bindgen(js_name = fromWorkspace)]
    pub fn from_workspace(json: &str) -> Result<Engine, String> {
        reserve_memory_for(json.len());
        Workspace::from_json(json)
            .map(|workspace| Engine {
                workspace,
                changed: false,
            })
            .map_err(|e| json!({"ok": false, "error": e}).to_string())
    }

    /// The demo workspace the web app opens on.
    pub fn demo() -> Engine {
        Engine {
            workspace: escalon::demo::demo_workspace(),
            changed: false,
        }
    }

    /// One request (JSON text) -> response (JSON text). `now` (RFC 3339) is used when the
    /// request has none; `ids` seeds fresh event ids, which the host draws from a random source.
    pub fn run(&mut self, request: &str, now: Option<String>, id_seed: &str) -> String {
        let request: Value = match serde_json::from_str(request) {
            Ok(v) => v,
            Err(_) => return escalon::door::run(request).to_string(),
        };
        self.handle(&request, now, id_seed).to_string()
    }

    /// Many `determine-escalation` parameter objects (a JSON array) -> an array of responses,
    /// in one call so bulk triage does not pay the boundary per ticket.
    #[wasm_bindgen(js_name = determineEscalations)]
    pub fn determine_escalations(
        &mut self,
        list: &str,
        now: Option<String>,
        id_seed: &str,
    ) -> String {
        let items: Vec<Value> = match serde_json::from_str(list) {
            Ok(Value::Array(items)) => items,
            _ => {
                return json!({"ok": false, "error": {"code": "wrong_type", "path": "",
                    "message": "expected a JSON array of determine-escalation parameters"}})
                .to_string()
            }
        };
        let responses: Vec<Value> = items
            .into_iter()
            .map(|p| {
                let req = json!({"action": "determine-escalation", "parameters": p});
                self.handle(&req, now.clone(), id_seed)
            })
            .collect();
        Value::Array(responses).to_string()
    }

    /// Whether the last call changed the workspace (the host should save it).
    pub fn changed(&self) -> bool {
        self.changed
    }

    #[wasm_bindgen(js_name = exportWorkspace)]
    pub fn export_workspace(&self) -> String {
        self.workspace.to_json_pretty()
    }
}

impl Default for Engine {
    fn default() -> Self {
        Self::new()
    }
}

/// Grows the heap once, up front, to about what parsing a document of `len` bytes needs.
/// The allocator otherwise grows wasm memory a little at a time, and each grow gets slower as
/// memory gets larger (measured: 8,000 escalations loaded in 1.5 s, 4,000 in 0.2 s); a block
/// allocated and freed stays in the allocator's free lists for the parse to reuse.
fn reserve_memory_for(len: usize) {
    let block: Vec<u8> = Vec::with_capacity(len.saturating_mul(12));
    drop(std::hint::black_box(block));
}

impl Engine {
    fn handle(&mut self, request: &Value, now: Option<String>, id_seed: &str) -> Value {
        let now = now.and_then(|s| s.parse().ok());
        let seed = id_seed.to_string();
        let mut n = 0u32;
        let mut ctx = Context::new(now, move || {
            n += 1;
            format!("{seed}-{n}")
        });
        ctx.actor = "embed".to_string();
        let response = escalon::handle(&mut self.workspace, request, &mut ctx);
        self.changed = ctx.changed();
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_workspace_is_an_error_object_not_a_trap() {
        let err = Engine::from_workspace("{\"schema_version\": 999}")
            .err()
            .unwrap();
        let v: Value = serde_json::from_str(&err).unwrap();
        assert_eq!(v["ok"], false);
    }

    #[test]
    fn batch_rejects_a_non_array_and_keeps_working() {
        let mut e = Engine::new();
        let bad: Value = serde_json::from_str(&e.determine_escalations("{}", None, "t")).unwrap();
        assert_eq!(bad["error"]["code"], "wrong_type");
        let list = r#"[{"issue":{"severity":"low","impact":"single_user"},"customer":{"segment":"smb"}},
                       {"issue":{"severity":"critical","impact":"all_customers"},"customer":{"segment":"strategic"}}]"#;
        let out: Value = serde_json::from_str(&e.determine_escalations(list, None, "t")).unwrap();
        assert_eq!(out[0]["ok"], true, "{out}");
        assert!(out[1]["result"]["tier"].as_u64() > out[0]["result"]["tier"].as_u64());
    }
}
