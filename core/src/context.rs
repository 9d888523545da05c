//! What a shell lends core for one request: the current instant and a source of fresh ids.
//! Core never reads a clock or draws random numbers, so both come from here.

use jiff::Timestamp;

pub struct Context {
    /// The caller's notion of now; a request's top-level `now` takes precedence.
    pub now: Option<Timestamp>,
    /// Who is acting, recorded on events; a request's top-level `actor` takes precedence.
    pub actor: String,
    ids: Box<dyn FnMut() -> String>,
    changed: bool,
}

impl Context {
    /// `ids` must return a fresh, globally unique id on every call (a ULID or similar), so
    /// logs written on different devices can be merged by event id.
    pub fn new(now: Option<Timestamp>, ids: impl FnMut() -> String + 'static) -> Self {
        Self {
            now,
            actor: "escalon".to_string(),
            ids: Box::new(ids),
            changed: false,
        }
    }

    /// Ids `prefix-1`, `prefix-2`, ...: deterministic, for tests and stateless calls whose
    /// workspace is thrown away.
    pub fn with_counter(now: Option<Timestamp>, prefix: &str) -> Self {
        let prefix = prefix.to_string();
        let mut n = 0u64;
        Self::new(now, move || {
            n += 1;
            format!("{prefix}-{n}")
        })
    }

    pub fn next_id(&mut self) -> String {
        (self.ids)()
    }

    /// A new event with a fresh id, for the shell's `now` and actor of this request.
    pub fn event(
        &mut self,
        at: Timestamp,
        actor: &str,
        kind: crate::event::EventKind,
    ) -> crate::event::Event {
        crate::event::Event {
            id: self.next_id(),
            at,
            actor: actor.to_string(),
            kind,
        }
    }

    /// Whether the last handled request changed the workspace (the shell should save it).
    pub fn changed(&self) -> bool {
        self.changed
    }

    pub(crate) fn set_changed(&mut self, changed: bool) {
        self.changed = changed;
    }
}
