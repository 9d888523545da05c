//! The open workspace and the one way to change it: a request through the door.
//! The document lives in a `StoredValue`; a revision signal tells views when to re-read it,
//! so previews that change nothing do not re-render the whole app. Saving (and taking in
//! what other tabs saved) is `sync::Synced`'s job.

use escalon::import::{merge, ConfigFrom, MergeReport};
use escalon::{Context, Workspace};
use leptos::prelude::*;
use serde_json::Value;

use crate::shell_env;
use crate::storage::{self, Backend};
use crate::sync::Synced;

#[derive(Clone, Copy)]
pub struct Store {
    workspace: StoredValue<Workspace>,
    synced: StoredValue<Synced, LocalStorage>,
    revision: RwSignal<u64>,
    /// What the user must know about storage: an unreadable save kept aside, a failed write.
    pub notice: RwSignal<Option<String>>,
    /// The stored document could not be opened and a readable backup exists to offer.
    pub offer_restore: RwSignal<bool>,
}

impl Store {
    /// Opens what `backend` holds (the demo workspace the first time).
    pub fn open(backend: Box<dyn Backend>) -> Self {
        let (synced, opened) = Synced::load(backend);
        let offer = opened.keep_aside.is_some() && matches!(synced.backup(), Some(Ok(_)));
        Self {
            workspace: StoredValue::new(opened.workspace),
            synced: StoredValue::new_local(synced),
            revision: RwSignal::new(0),
            notice: RwSignal::new(opened.notice),
            offer_restore: RwSignal::new(offer),
        }
    }

    /// Opens what this browser saved and follows what other tabs save.
    pub fn load() -> Self {
        let store = Self::open(Box::new(storage::Browser));
        store.follow_other_tabs();
        store
    }

    #[cfg(target_arch = "wasm32")]
    fn follow_other_tabs(self) {
        // The handle is dropped on purpose: the app lives as long as the page.
        let _ = window_event_listener(leptos::ev::storage, move |e: web_sys::StorageEvent| {
            if e.key().as_deref() == Some(storage::KEY) {
                self.other_tab_saved();
            }
        });
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn follow_other_tabs(self) {}

    /// Takes in what another tab saved (the `storage` event).
    pub fn other_tab_saved(&self) {
        let outcome = self.with_synced(|s, ws| s.external(ws));
        if let Some((changed, written)) = outcome {
            if changed {
                self.revision.update(|r| *r += 1);
            }
            self.after_save(written);
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
            let saved = self.with_synced(|s, ws| s.save(ws).map(|_| ()));
            self.revision.update(|r| *r += 1);
            self.after_save(saved.unwrap_or(Ok(())));
        }
        response
    }

    fn after_save(&self, saved: Result<(), String>) {
        let unsaved = self.synced.with_value(|s| s.unsaved);
        match saved {
            Err(e) => self.notice.set(Some(e)),
            // A notice about an earlier failed save is over once a save succeeds.
            Ok(()) if !unsaved && self.save_failed_notice() => self.notice.set(None),
            Ok(()) => {}
        }
    }

    fn save_failed_notice(&self) -> bool {
        self.notice
            .with_untracked(|n| n.as_deref().is_some_and(|n| n.starts_with("Not saved")))
    }

    fn with_synced<R>(&self, f: impl FnOnce(&mut Synced, &mut Workspace) -> R) -> Option<R> {
        self.synced
            .try_update_value(|s| self.workspace.try_update_value(|ws| f(s, ws)))
            .flatten()
    }

    /// Replaces the whole document (import, reset, restore), keeping the stored one as the
    /// backup. On any failure the open workspace is left as it was.
    pub fn replace(&self, next: Workspace) -> Result<(), String> {
        let generation = shell_env::fresh_id();
        self.with_synced(|s, current| s.replace(current, &next, generation))
            .unwrap_or_else(|| Err("the app is closing".into()))?;
        self.workspace.set_value(next);
        self.notice.set(None);
        self.offer_restore.set(false);
        self.revision.update(|r| *r += 1);
        Ok(())
    }

    /// Unites `incoming` with the workspace (and what other tabs stored), keeping this
    /// workspace's config; the document before is kept as the backup.
    pub fn merge_in(&self, incoming: &Workspace) -> Result<MergeReport, String> {
        let current = self
            .with_synced(|s, ws| s.refresh(ws).map(|_| ws.clone()))
            .unwrap_or_else(|| Err("the app is closing".into()))?;
        let (merged, report) = merge(&current, incoming, ConfigFrom::Current);
        self.replace(merged)?;
        Ok(report)
    }

    /// The backup kept by the last import, reset or restore.
    pub fn backup(&self) -> Option<Result<Workspace, String>> {
        self.synced.with_value(Synced::backup)
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
