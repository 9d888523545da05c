//! The workspace in the browser's localStorage. A write replaces the stored document only
//! once the new one is complete; a document that cannot be read is kept aside, never
//! overwritten, so nothing a user typed is lost to a bug or a newer version. Every access
//! goes through [`Backend`], so tests can put a failing or in-memory store in its place.

use escalon::Workspace;

pub const KEY: &str = "escalon.workspace";
/// Where an unreadable stored document is moved before the app opens something else.
pub const CORRUPT_KEY: &str = "escalon.workspace.unreadable";
/// The document as it was before the last import, reset or restore.
pub const BACKUP_KEY: &str = "escalon.workspace.backup";
/// Changes whenever a tab replaces the whole document (import, reset, restore), so other
/// tabs know to take the new document instead of uniting it with what they hold.
pub const GENERATION_KEY: &str = "escalon.workspace.generation";

/// Where the stored text of a document written in an older schema `version` is kept the
/// first time this build opens it, before the migrated document is saved over it, so a
/// migration can never lose what the user had.
pub fn before_migration_key(version: u32) -> String {
    format!("{KEY}.v{version}")
}

/// Key-value text storage. A failed write returns the browser's error name
/// (`QuotaExceededError`) and must leave the stored value as it was.
pub trait Backend {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&self, key: &str, value: &str) -> Result<(), String>;
    fn remove(&self, key: &str);
}

/// What the app opens with, and what to tell the user about it.
pub struct Opened {
    pub workspace: Workspace,
    pub notice: Option<String>,
    /// The stored text could not be read and must be kept aside before anything is saved.
    pub keep_aside: Option<String>,
    /// The stored text was written in this older schema version and was migrated.
    pub migrated_from: Option<u32>,
}

/// Decides what to open from the stored text (pure, so it is tested natively).
pub fn open(stored: Option<&str>) -> Opened {
    let Some(text) = stored else {
        return Opened {
            workspace: escalon::demo::demo_workspace(),
            notice: None,
            keep_aside: None,
            migrated_from: None,
        };
    };
    // Grow the wasm heap once for the parse: growing it piecemeal gets slower as it grows
    // (the embed module measured 1.5 s instead of 0.5 s for 8,000 escalations).
    drop(std::hint::black_box(Vec::<u8>::with_capacity(
        text.len().saturating_mul(12),
    )));
    match Workspace::from_json_with_version(text) {
        Ok((workspace, written_in)) => Opened {
            workspace,
            notice: None,
            keep_aside: None,
            migrated_from: (written_in < escalon::SCHEMA_VERSION).then_some(written_in),
        },
        Err(e) => Opened {
            workspace: escalon::demo::demo_workspace(),
            notice: Some(format!(
                "The saved workspace could not be opened ({e}). It is kept in this browser \
                 under \"{CORRUPT_KEY}\"; the demo workspace is open instead."
            )),
            keep_aside: Some(text.to_string()),
            migrated_from: None,
        },
    }
}

/// The browser's localStorage. web-sys directly rather than gloo-storage: gloo's `raw()`
/// throws where storage is disabled (this degrades to a notice instead), its typed `get`
/// deserialises without the migrations of `Workspace::from_json`, and what is left to use is
/// the same `web_sys::Storage`.
pub struct Browser;

#[cfg(target_arch = "wasm32")]
fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

#[cfg(target_arch = "wasm32")]
impl Backend for Browser {
    fn get(&self, key: &str) -> Option<String> {
        local()?.get_item(key).ok().flatten()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), String> {
        let s = local().ok_or("localStorage is not available")?;
        s.set_item(key, value).map_err(|e| {
            e.as_string()
                .or_else(|| js_sys::Reflect::get(&e, &"name".into()).ok()?.as_string())
                .unwrap_or_else(|| "storage error".into())
        })
    }

    fn remove(&self, key: &str) {
        if let Some(s) = local() {
            let _ = s.remove_item(key);
        }
    }
}

// Natively there is no browser storage; native tests use `Memory`.
#[cfg(not(target_arch = "wasm32"))]
impl Backend for Browser {
    fn get(&self, _key: &str) -> Option<String> {
        None
    }

    fn set(&self, _key: &str, _value: &str) -> Result<(), String> {
        Err("localStorage is not available".into())
    }

    fn remove(&self, _key: &str) {}
}

/// An in-memory backend whose writes can be made to fail, for tests of what the app does
/// when the browser refuses a write.
#[derive(Default)]
pub struct Memory {
    pub items: std::cell::RefCell<std::collections::HashMap<String, String>>,
    /// When set, every write fails with this error name.
    pub fail_with: std::cell::RefCell<Option<String>>,
}

impl Backend for Memory {
    fn get(&self, key: &str) -> Option<String> {
        self.items.borrow().get(key).cloned()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), String> {
        if let Some(e) = self.fail_with.borrow().clone() {
            return Err(e);
        }
        self.items.borrow_mut().insert(key.into(), value.into());
        Ok(())
    }

    fn remove(&self, key: &str) {
        self.items.borrow_mut().remove(key);
    }
}

/// Shared handles are backends too, so a test can keep one and give the app another.
impl<B: Backend + ?Sized> Backend for std::rc::Rc<B> {
    fn get(&self, key: &str) -> Option<String> {
        (**self).get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), String> {
        (**self).set(key, value)
    }
    fn remove(&self, key: &str) {
        (**self).remove(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_stored_opens_the_demo() {
        let o = open(None);
        assert!(o.workspace.escalation("ESC-2025-001").is_some());
        assert!(o.notice.is_none());
    }

    #[test]
    fn a_stored_workspace_opens_as_saved() {
        let mut ws = Workspace::default();
        ws.escalations
            .push(escalon::demo::demo_workspace().escalations[0].clone());
        let o = open(Some(&ws.to_json_pretty()));
        assert_eq!(o.workspace.escalations.len(), 1);
        assert!(o.keep_aside.is_none());
    }

    #[test]
    fn corrupt_storage_is_kept_aside_and_reported() {
        let o = open(Some("{\"schema_version\": 1, \"config\": "));
        assert!(o.notice.unwrap().contains(CORRUPT_KEY));
        assert_eq!(
            o.keep_aside.as_deref(),
            Some("{\"schema_version\": 1, \"config\": ")
        );
    }

    #[test]
    fn a_document_from_a_newer_version_is_not_opened_over() {
        let o = open(Some(
            r#"{"schema_version": 999, "config": {}, "escalations": []}"#,
        ));
        assert!(o.keep_aside.is_some());
    }
}
