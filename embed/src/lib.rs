//! wasm-bindgen glue over the engine's door. The only crate besides `web` that knows wasm-bindgen;
//! everything here is translation, no engine logic.

use wasm_bindgen::prelude::*;

/// The engine version, e.g. `"0.1.0"`.
#[wasm_bindgen]
pub fn version() -> String {
    escalon::version().to_string()
}

/// Answers one request `{action, parameters}` given as JSON text with the response as JSON
/// text. Never throws: bad input comes back as `{"ok": false, "error": {...}}`.
#[wasm_bindgen]
pub fn run(request: &str) -> String {
    escalon::door::run(request).to_string()
}
