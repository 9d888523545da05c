//! The open workspace and the one way to change it: a request through the door.
//! The document lives in a `StoredValue`; a revision signal tells views when to re-read it,
//! so previews that change nothing do not re-render the whole app.

use escalon::{Context, Workspace};
use leptos::prelude::*;
use serde_json::Value;

use crate::{shell_env, storage};

#[derive(Clone, Copy)]
pub struct Store {
    workspace: StoredValue<Workspace>,
    revision: RwSignal<u64>,
    /// What the user must know about storage: an unreadable save kept aside, a failed write.
    pub notice: RwSignal<Option<String>>,
}

impl Store {
    pub fn new(workspace: Workspace) -> Self {
        Self {
            workspace: StoredValue::new(workspace),
            revision: RwSignal::new(0),
            notice: RwSignal::new(None),
        }
    }

    /// Opens what this browser saved (the demo workspace the first time).
    pub fn load() -> Self {
        let opened = storage::load();
        let store = Self::new(opened.workspace);
        store.notice.set(opened.notice);
        store
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
            if let Err(e) = self.workspace.with_value(storage::save) {
                self.notice.set(Some(e));
            }
        }
        response
    }

    /// Replaces the whole document (import, reset, restore), keeping the current one as the
    /// backup. On any failure the open workspace is left as it was.
    pub fn replace(&self, next: Workspace) -> Result<(), String> {
        self.workspace
            .with_value(|current| storage::replace(current, &next))?;
        self.workspace.set_value(next);
        self.notice.set(None);
        self.revision.update(|r| *r += 1);
        Ok(())
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
