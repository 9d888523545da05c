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
    /// Where the wrapper writes a batch's list (see [`Engine::input_room`]); it only grows.
    input: Vec<u8>,
}

#[wasm_bindgen]
impl Engine {
    /// An engine on the default configuration with no escalations.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Engine {
        Engine {
            workspace: Workspace::default(),
            changed: false,
            input: Vec::new(),
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
                input: Vec::new(),
            })
            .map_err(|e| json!({"ok": false, "error": e}).to_string())
    }

    /// The demo workspace the web app opens on.
    pub fn demo() -> Engine {
        Engine {
            workspace: escalon::demo::demo_workspace(),
            changed: false,
            input: Vec::new(),
        }
    }

    /// One request (JSON text) -> response (JSON text). `now` (RFC 3339) is used when the
    /// request has none; `ids` seeds fresh event ids, which the host draws from a random source.
    pub fn run(&mut self, request: &str, now: Option<String>, id_seed: &str) -> String {
        let request = match escalon::strict_json::parse(request, "request") {
            Ok(v) => v,
            Err(_) => return escalon::door::run(request).to_string(),
        };
        self.handle(&request, context(now.as_deref(), id_seed))
            .to_string()
    }

    /// Room for `len` bytes in the engine's input buffer, where the wrapper writes a batch's
    /// list as UTF-8 (`TextEncoder.encodeInto`) straight into wasm memory: the buffer's
    /// address, or 0 when memory cannot be had. Why: encoding the list into a JS buffer and
    /// then copying that into wasm took a twentieth of bulk triage's time.
    #[wasm_bindgen(js_name = inputRoom)]
    pub fn input_room(&mut self, len: usize) -> *const u8 {
        let more = len.saturating_sub(self.input.len());
        if self.input.try_reserve(more).is_err() {
            return std::ptr::null();
        }
        // Zeroed as it grows only, so the bytes are always initialised for safe reading.
        self.input.resize(self.input.len() + more, 0);
        self.input.as_ptr()
    }

    /// Many `determine-escalation` parameter objects (a JSON array, the first `written`
    /// bytes of the input buffer) -> an array of responses, in one call so bulk triage does
    /// not pay the boundary per ticket (`escalon::batch`). `detail` (`full`, `triage` or
    /// `scores`) applies to each ticket that does not set its own; the door checks it like
    /// any other field. `given_now` is the host's chosen instant, put in each ticket's
    /// envelope so the door checks it as it checks any `now`; `now` is the host's clock,
    /// used without it.
    #[wasm_bindgen(js_name = determineEscalations)]
    pub fn determine_escalations(
        &mut self,
        written: usize,
        now: Option<String>,
        id_seed: &str,
        detail: Option<String>,
        given_now: Option<String>,
    ) -> String {
        self.with_input(written, |engine, list| {
            // A full answer (reasons, actions, stakeholders) runs to about 8-10 times its
            // request's text; reserving that up front saves the buffer's repeated doubling
            // and copying, and the wasm memory growth each doubling triggers.
            let room = list.len().saturating_mul(9).saturating_add(2);
            let ask = Batch::new(list, now, id_seed, detail, given_now);
            match engine.batch(&ask, room, escalon::batch::determine_many) {
                Ok(out) => String::from_utf8(out).expect("serde_json writes UTF-8"),
                Err(e) => e,
            }
        })
    }

    /// [`Self::determine_escalations`] with the answers packed
    /// (`escalon::batch::determine_packed`) after a first byte 0, or a first byte 1 and the
    /// error object as JSON text when the list is not an array. The wrapper unpacks them
    /// into the same objects; it asks this way for scores-only answers, where parsing JSON
    /// text cost more than deciding.
    #[wasm_bindgen(js_name = determineEscalationsPacked)]
    pub fn determine_escalations_packed(
        &mut self,
        written: usize,
        now: Option<String>,
        id_seed: &str,
        detail: Option<String>,
        given_now: Option<String>,
    ) -> Vec<u8> {
        let packed = |ws: &mut Workspace,
                      list: &str,
                      b: escalon::batch::Batch<'_>,
                      ctx: &mut dyn FnMut() -> Context,
                      out: &mut Vec<u8>| {
            out.push(0);
            escalon::batch::determine_packed(ws, list, b, ctx, out)
        };
        self.with_input(written, |engine, list| {
            // Scores packed take about a quarter of their request's text (10,000 bench
            // tickets: 0.7 of 2.5 MB); half leaves room for answers that go as JSON text.
            let room = list.len() / 2 + 16;
            let ask = Batch::new(list, now, id_seed, detail, given_now);
            engine.batch(&ask, room, packed).unwrap_or_else(|e| {
                let mut out = vec![1];
                out.extend_from_slice(e.as_bytes());
                out
            })
        })
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
/// A hint only: past what wasm32 can address (a document over about 179 MB asked for more
/// than `isize::MAX`) it is skipped, where `with_capacity` panicked and trapped the module.
fn reserve_memory_for(len: usize) {
    drop(std::hint::black_box(room_for(len.saturating_mul(12))));
}

/// An empty buffer with room for `len` bytes when the heap can give it, and without when it
/// cannot: never a panic.
fn room_for(len: usize) -> Vec<u8> {
    let mut v = Vec::new();
    let _ = v.try_reserve(len);
    v
}

/// What a batch call was given, read once for either way of answering it.
struct Batch<'a> {
    list: &'a str,
    now: Option<String>,
    id_seed: &'a str,
    detail: Option<String>,
    given_now: Option<String>,
}

impl<'a> Batch<'a> {
    fn new(
        list: &'a [u8],
        now: Option<String>,
        id_seed: &'a str,
        detail: Option<String>,
        given_now: Option<String>,
    ) -> Batch<'a> {
        Batch {
            // The wrapper encodes with TextEncoder, which always writes UTF-8.
            list: std::str::from_utf8(list).unwrap_or("not UTF-8"),
            now,
            id_seed,
            detail,
            given_now,
        }
    }
}

type Decide = fn(
    &mut Workspace,
    &str,
    escalon::batch::Batch<'_>,
    &mut dyn FnMut() -> Context,
    &mut Vec<u8>,
) -> Result<bool, escalon::RequestError>;

impl Engine {
    /// `f` of the first `written` bytes of the input buffer (what the wrapper wrote there).
    fn with_input<T>(&mut self, written: usize, f: impl FnOnce(&mut Engine, &[u8]) -> T) -> T {
        let input = std::mem::take(&mut self.input);
        let t = f(self, &input[..written.min(input.len())]);
        self.input = input;
        t
    }

    /// Runs `decide` over the batch; `Err` is the door's error object as JSON text.
    fn batch(&mut self, b: &Batch<'_>, room: usize, decide: Decide) -> Result<Vec<u8>, String> {
        let batch = escalon::batch::Batch {
            now: b.given_now.as_deref(),
            // One reading of the clock for the whole list; each ticket still gets its own ids.
            clock: context(b.now.as_deref(), b.id_seed).now,
            detail: b.detail.as_deref(),
        };
        let mut out = room_for(room);
        let mut per_ticket = || context(None, b.id_seed);
        match decide(
            &mut self.workspace,
            b.list,
            batch,
            &mut per_ticket,
            &mut out,
        ) {
            // Any ticket recorded makes the batch a change, not just the last one.
            Ok(changed) => {
                self.changed = changed;
                Ok(out)
            }
            Err(e) => Err(json!({"ok": false, "error": e}).to_string()),
        }
    }

    fn handle(&mut self, request: &Value, mut ctx: Context) -> Value {
        let response = escalon::handle(&mut self.workspace, request, &mut ctx);
        self.changed = ctx.changed();
        response
    }
}

/// The context of one request: `now` (RFC 3339, ignored when unreadable) and event ids
/// `{id_seed}-1`, `{id_seed}-2`, ... counted from the start of that request.
fn context(now: Option<&str>, id_seed: &str) -> Context {
    let now = now.and_then(|s| escalon::time_parse::instant(s).ok());
    let seed = id_seed.to_string();
    let mut n = 0u32;
    let mut ctx = Context::new(now, move || {
        n += 1;
        format!("{seed}-{n}")
    });
    ctx.actor = "embed".to_string();
    ctx
}

#[cfg(test)]
mod tests;
