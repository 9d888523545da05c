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

    /// A fingerprint of the value under `key` that changes whenever the stored value does,
    /// so a tab can tell whether another one saved without reading the whole document.
    fn stamp(&self, key: &str) -> Option<u64> {
        self.get(key).map(|v| fingerprint(&v))
    }
}

pub fn fingerprint(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
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
    // A hint only: `try_reserve` skips what wasm32 cannot address instead of panicking.
    let mut room = Vec::<u8>::new();
    let _ = room.try_reserve(text.len().saturating_mul(12));
    drop(std::hint::black_box(room));
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
                "The saved workspace could not be opened ({}). It is kept in this browser \
                 under \"{CORRUPT_KEY}\"; the demo workspace is open instead.",
                // The backend hands back a packed value it could not unpack as stored.
                if text.starts_with(crate::packed::MARKER) {
                    "its compressed text is damaged".to_string()
                } else {
                    e.to_string()
                }
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

/// Keys that hold whole workspace documents, the ones written packed. The unreadable copy is
/// kept exactly as it was found.
#[cfg(any(target_arch = "wasm32", test))]
fn holds_document(key: &str) -> bool {
    key == KEY || key == BACKUP_KEY || key.strip_prefix(KEY).is_some_and(|k| k.starts_with(".v"))
}

#[cfg(target_arch = "wasm32")]
impl Backend for Browser {
    /// Packed values come back as their text. One that cannot be unpacked comes back as
    /// stored, so `open` refuses it and it is kept aside like any unreadable document.
    fn get(&self, key: &str) -> Option<String> {
        let stored = local()?.get_item(key).ok().flatten()?;
        match crate::packed::unpack(&stored) {
            Ok(std::borrow::Cow::Owned(text)) => Some(text),
            _ => Some(stored),
        }
    }

    /// Of the stored (packed) value: a tenth of the text to hash, and nothing to inflate.
    fn stamp(&self, key: &str) -> Option<u64> {
        let stored = local()?.get_item(key).ok().flatten()?;
        Some(fingerprint(&stored))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), String> {
        let s = local().ok_or("localStorage is not available")?;
        let packed;
        let value = if holds_document(key) {
            packed = crate::packed::pack(value);
            packed.as_str()
        } else {
            value
        };
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
    fn stamp(&self, key: &str) -> Option<u64> {
        (**self).stamp(key)
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
    fn documents_are_packed_and_the_unreadable_copy_is_not() {
        assert!(holds_document(KEY));
        assert!(holds_document(BACKUP_KEY));
        assert!(holds_document(&before_migration_key(1)));
        assert!(!holds_document(CORRUPT_KEY));
        assert!(!holds_document(GENERATION_KEY));
    }

    #[test]
    fn a_damaged_packed_document_is_kept_aside_and_named_so() {
        let packed = crate::packed::pack(&escalon::demo::demo_workspace().to_json());
        let damaged: String = packed.chars().take(packed.chars().count() / 2).collect();
        let o = open(Some(&damaged));
        assert!(o.notice.unwrap().contains("compressed text is damaged"));
        assert_eq!(o.keep_aside.as_deref(), Some(damaged.as_str()));
    }

    #[test]
    fn a_document_from_a_newer_version_is_not_opened_over() {
        let o = open(Some(
            r#"{"schema_version": 999, "config": {}, "escalations": []}"#,
        ));
        assert!(o.keep_aside.is_some());
    }
}
