//! The workspace in the browser's localStorage. A write replaces the stored document only
//! once the new one is complete; a document that cannot be read is kept aside, never
//! overwritten, so nothing a user typed is lost to a bug or a newer version.

use escalon::Workspace;

pub const KEY: &str = "escalon.workspace";
/// Where an unreadable stored document is moved before the app opens something else.
pub const CORRUPT_KEY: &str = "escalon.workspace.unreadable";

/// The document as it was before the last import, reset or restore.
pub const BACKUP_KEY: &str = "escalon.workspace.backup";

/// What the app opens with, and what to tell the user about it.
pub struct Opened {
    pub workspace: Workspace,
    pub notice: Option<String>,
    /// The stored text could not be read and must be kept aside before anything is saved.
    pub keep_aside: Option<String>,
}

/// Decides what to open from the stored text (pure, so it is tested natively).
pub fn open(stored: Option<String>) -> Opened {
    let Some(text) = stored else {
        return Opened {
            workspace: escalon::demo::demo_workspace(),
            notice: None,
            keep_aside: None,
        };
    };
    // Grow the wasm heap once for the parse: growing it piecemeal gets slower as it grows
    // (the embed module measured 1.5 s instead of 0.5 s for 8,000 escalations).
    drop(std::hint::black_box(Vec::<u8>::with_capacity(
        text.len().saturating_mul(12),
    )));
    match Workspace::from_json(&text) {
        Ok(workspace) => Opened {
            workspace,
            notice: None,
            keep_aside: None,
        },
        Err(e) => Opened {
            workspace: escalon::demo::demo_workspace(),
            notice: Some(format!(
                "The saved workspace could not be opened ({e}). It is kept in this browser \
                 under \"{CORRUPT_KEY}\"; the demo workspace is open instead."
            )),
            keep_aside: Some(text),
        },
    }
}

/// Loads from localStorage (the demo workspace when nothing is stored).
pub fn load() -> Opened {
    let opened = open(raw_get(KEY));
    if let Some(text) = &opened.keep_aside {
        // Moved, not deleted: the next save must not destroy what could not be read.
        if raw_set(CORRUPT_KEY, text).is_ok() {
            let _ = raw_remove(KEY);
        }
    }
    opened
}

/// Saves the whole document. On failure (quota, private mode) the previous document stays
/// stored as it was and the error is returned for the user.
pub fn save(workspace: &Workspace) -> Result<(), String> {
    raw_set(KEY, &workspace.to_json_pretty()).map_err(|e| {
        format!("Could not save in this browser ({e}); your last saved state is unchanged.")
    })
}

/// Keeps `previous` as the backup, then saves `next`. If `next` cannot be written the stored
/// document is still `previous`.
pub fn replace(previous: &Workspace, next: &Workspace) -> Result<(), String> {
    raw_set(BACKUP_KEY, &previous.to_json_pretty())
        .map_err(|e| format!("Could not keep a backup ({e}); nothing was replaced."))?;
    save(next)
}

/// The backup, opened and validated; `None` when there is none.
pub fn backup() -> Option<Result<Workspace, String>> {
    raw_get(BACKUP_KEY).map(|t| Workspace::from_json(&t).map_err(|e| e.to_string()))
}

#[cfg(target_arch = "wasm32")]
fn storage() -> Option<web_sys::Storage> {
    // web-sys directly rather than gloo-storage: the raw text must be kept byte for byte
    // when unreadable, and the error's name (QuotaExceededError) shown to the user.
    web_sys::window()?.local_storage().ok().flatten()
}

#[cfg(target_arch = "wasm32")]
fn raw_get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

#[cfg(target_arch = "wasm32")]
fn raw_set(key: &str, value: &str) -> Result<(), String> {
    let s = storage().ok_or("localStorage is not available")?;
    s.set_item(key, value).map_err(|e| {
        e.as_string()
            .or_else(|| js_error_name(&e))
            .unwrap_or_else(|| "storage error".into())
    })
}

#[cfg(target_arch = "wasm32")]
fn js_error_name(e: &wasm_bindgen::JsValue) -> Option<String> {
    js_sys::Reflect::get(e, &"name".into()).ok()?.as_string()
}

#[cfg(target_arch = "wasm32")]
fn raw_remove(key: &str) -> Result<(), String> {
    let s = storage().ok_or("localStorage is not available")?;
    s.remove_item(key).map_err(|_| "storage error".to_string())
}

// Natively there is no browser storage; the pure `open` is what native tests exercise.
#[cfg(not(target_arch = "wasm32"))]
fn raw_get(_key: &str) -> Option<String> {
    None
}

#[cfg(not(target_arch = "wasm32"))]
fn raw_set(_key: &str, _value: &str) -> Result<(), String> {
    Err("localStorage is not available".into())
}

#[cfg(not(target_arch = "wasm32"))]
fn raw_remove(_key: &str) -> Result<(), String> {
    Ok(())
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
        let o = open(Some(ws.to_json_pretty()));
        assert_eq!(o.workspace.escalations.len(), 1);
        assert!(o.keep_aside.is_none());
    }

    #[test]
    fn corrupt_storage_is_kept_aside_and_reported() {
        let o = open(Some("{\"schema_version\": 1, \"config\": ".into()));
        assert!(o.notice.unwrap().contains(CORRUPT_KEY));
        assert_eq!(
            o.keep_aside.as_deref(),
            Some("{\"schema_version\": 1, \"config\": ")
        );
    }

    #[test]
    fn a_document_from_a_newer_version_is_not_opened_over() {
        let o = open(Some(
            r#"{"schema_version": 999, "config": {}, "escalations": []}"#.into(),
        ));
        assert!(o.keep_aside.is_some());
    }
}
