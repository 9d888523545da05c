//! The open workspace and the one way to change it: a request through the door.
//! The document lives in a `StoredValue`; a revision signal tells views when to re-read it,
//! so previews that change nothing do not re-render the whole app.

use escalon::{Context, Workspace};
use leptos::prelude::*;
use serde_json::Value;

use crate::shell_env;

#[derive(Clone, Copy)]
pub struct Store {
    workspace: StoredValue<Workspace>,
    revision: RwSignal<u64>,
}

impl Store {
    pub fn new(workspace: Workspace) -> Self {
        Self {
            workspace: StoredValue::new(workspace),
            revision: RwSignal::new(0),
        }
    }

    /// Runs one request; views are told to refresh only when the workspace changed.
    pub fn call(&self, request: &Value) -> Value {
        let mut ctx = Context::new(Some(shell_env::now()), shell_env::fresh_id);
        ctx.actor = "web".to_string();
        let response = self
            .workspace
            .try_update_value(|ws| escalon::handle(ws, request, &mut ctx))
            .unwrap_or_else(|| serde_json::json!({"ok": false}));
        if ctx.changed() {
            self.revision.update(|r| *r += 1);
        }
        response
    }

    /// Reads the workspace, subscribing the calling view to changes.
    pub fn with<R>(&self, f: impl FnOnce(&Workspace) -> R) -> R {
        self.revision.track();
        self.workspace.with_value(f)
    }
}

/// The store provided by [`crate::App`].
pub fn use_store() -> Store {
    expect_context::<Store>()
}
