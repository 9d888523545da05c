//! Storage in a real browser's localStorage: a write the browser refuses, a stored document
//! that cannot be read, the backup offered back, and a document of an older schema migrated
//! (wasm-bindgen-test in headless Chromium).
#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;

use escalon::Workspace;
use escalon_web::packed::MARKER;
use escalon_web::storage::{before_migration_key, Backend, Browser, BACKUP_KEY, CORRUPT_KEY, KEY};
use escalon_web::store::Store;
use leptos::prelude::*;
use serde_json::json;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// The document text under `key`, unpacked the way the app reads it.
fn stored(key: &str) -> Option<String> {
    let raw = local().get_item(key).unwrap()?;
    Some(escalon_web::packed::unpack(&raw).unwrap().into_owned())
}

/// localStorage whose writes of the workspace fail like a full disk while `full` is set.
#[derive(Clone, Default)]
struct QuotaFull {
    full: Rc<Cell<bool>>,
}

impl Backend for QuotaFull {
    fn get(&self, key: &str) -> Option<String> {
        Browser.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), String> {
        if self.full.get() {
            return Err("QuotaExceededError".into());
        }
        Browser.set(key, value)
    }
    fn remove(&self, key: &str) {
        Browser.remove(key)
    }
    fn stamp(&self, key: &str) -> Option<u64> {
        Browser.stamp(key)
    }
}

fn note(id: &str, text: &str) -> serde_json::Value {
    json!({"action": "track-progress", "now": "2025-03-01T10:00:00Z",
           "parameters": {"escalation_id": id, "update": {"note": text}}})
}

fn notes_in(ws: &Workspace, id: &str) -> usize {
    ws.escalation(id).map_or(0, |e| e.events.len())
}

#[wasm_bindgen_test]
fn the_browser_names_a_real_quota_error() {
    // Far over Chromium's localStorage quota, so the browser itself refuses the write.
    let e = Browser
        .set("escalon.test.too-big", &"x".repeat(12 * 1024 * 1024))
        .unwrap_err();
    assert_eq!(e, "QuotaExceededError");
    assert!(Browser.get("escalon.test.too-big").is_none());
}

#[wasm_bindgen_test]
fn a_refused_write_keeps_the_saved_document_and_tells_the_user() {
    local().clear().unwrap();
    let owner = Owner::new();
    owner.set();
    let backend = QuotaFull::default();
    let store = Store::open(Box::new(backend.clone()));
    let id = store.with(|ws| ws.escalations[0].id.clone());
    let before = store.with(|ws| notes_in(ws, &id));

    assert_eq!(store.call(&note(&id, "saved"))["ok"], true);
    let saved = local()
        .get_item(KEY)
        .unwrap()
        .expect("the first change is saved");

    backend.full.set(true);
    assert_eq!(store.call(&note(&id, "not saved"))["ok"], true);
    assert_eq!(
        local().get_item(KEY).unwrap().as_deref(),
        Some(saved.as_str())
    );
    let notice = store.notice.get_untracked().expect("the user is told");
    assert!(
        notice.contains("QuotaExceededError") && notice.contains("only here"),
        "{notice}"
    );
    assert_eq!(
        store.with(|ws| notes_in(ws, &id)),
        before + 2,
        "the tab keeps the change"
    );

    // Space again: the next save writes both, and the notice goes.
    backend.full.set(false);
    assert_eq!(store.call(&note(&id, "third"))["ok"], true);
    let stored = Workspace::from_json(&stored(KEY).unwrap()).unwrap();
    assert_eq!(notes_in(&stored, &id), before + 3);
    assert_eq!(store.notice.get_untracked(), None);
}

#[wasm_bindgen_test]
async fn corrupt_storage_is_kept_aside_and_the_backup_offered() {
    local().clear().unwrap();
    let mut backup = escalon::demo::demo_workspace();
    backup.escalations.truncate(3);
    local()
        .set_item(BACKUP_KEY, &backup.to_json_pretty())
        .unwrap();
    local()
        .set_item(KEY, "{\"schema_version\": 1, \"config\": {broken")
        .unwrap();

    leptos::mount::mount_to_body(escalon_web::App);
    let doc = web_sys::window().unwrap().document().unwrap();
    let notice = doc.get_element_by_id("storage-notice").expect("a notice");
    assert!(notice
        .text_content()
        .unwrap()
        .contains("could not be opened"));
    assert_eq!(
        local().get_item(CORRUPT_KEY).unwrap().as_deref(),
        Some("{\"schema_version\": 1, \"config\": {broken")
    );

    let restore: web_sys::HtmlElement = doc
        .get_element_by_id("notice-restore")
        .expect("the backup is offered")
        .dyn_into()
        .unwrap();
    restore.click();
    leptos::task::tick().await;
    let stored = Workspace::from_json(&stored(KEY).unwrap()).unwrap();
    assert_eq!(stored, backup, "the backup is open and saved");
    assert!(doc.get_element_by_id("storage-notice").is_none());
    assert!(
        local().get_item(CORRUPT_KEY).unwrap().is_some(),
        "still kept aside"
    );
}

#[wasm_bindgen_test]
fn an_old_schema_is_migrated_and_the_original_kept() {
    local().clear().unwrap();
    // The demo workspace as schema version 1 wrote it.
    let mut v = serde_json::to_value(escalon::demo::demo_workspace()).unwrap();
    v["schema_version"] = 1.into();
    v["config"]["notify"]["aging"]["update_target_minutes"] = json!([{"tier": 3, "minutes": 120}]);
    let old = v.to_string();
    local().set_item(KEY, &old).unwrap();

    let owner = Owner::new();
    owner.set();
    let store = Store::open(Box::new(Browser));
    let notice = store.notice.get_untracked().expect("the user is told");
    assert!(
        notice.contains("upgraded from schema version 1"),
        "{notice}"
    );
    let kept = before_migration_key(1);
    assert_eq!(stored(&kept).as_deref(), Some(old.as_str()));
    let id = store.with(|ws| ws.escalations[0].id.clone());
    let before = store.with(|ws| notes_in(ws, &id));

    assert_eq!(store.call(&note(&id, "after the upgrade"))["ok"], true);
    let saved = stored(KEY).unwrap();
    let upgraded = Workspace::from_json(&saved).unwrap();
    assert_eq!(upgraded.schema_version, escalon::SCHEMA_VERSION);
    assert!(!saved.contains("update_target_minutes"));
    assert_eq!(notes_in(&upgraded, &id), before + 1);
    assert_eq!(
        upgraded.escalations.len(),
        v["escalations"].as_array().unwrap().len(),
        "every escalation survives the migration"
    );
    assert_eq!(stored(&kept).as_deref(), Some(old.as_str()));
}

/// Chromium's localStorage holds 5,242,880 characters an origin. Stored plainly, a
/// workspace of 1,600 demo-sized escalations (about 6.5 MB of JSON) did not fit and every
/// save was refused; packed, it is saved, backup included, and reads back whole.
#[wasm_bindgen_test]
fn a_workspace_larger_than_the_quota_as_text_is_saved_packed() {
    local().clear().unwrap();
    let demo = escalon::demo::demo_workspace();
    let mut big = demo.clone();
    big.escalations.clear();
    for copy in 0..8 {
        for e in &demo.escalations {
            let mut e = e.clone();
            e.id = format!("{}-{copy}", e.id);
            for ev in &mut e.events {
                ev.id = format!("{}-{copy}", ev.id);
            }
            big.escalations.push(e);
        }
    }
    let text = big.to_json();
    assert!(
        text.len() > 5_242_880,
        "{} bytes is within the plain quota",
        text.len()
    );

    let owner = Owner::new();
    owner.set();
    let store = Store::open(Box::new(Browser));
    store.replace(big.clone()).expect("the replace is saved");
    assert_eq!(
        store.notice.get_untracked(),
        None,
        "the save is not refused"
    );
    let raw = local().get_item(KEY).unwrap().unwrap();
    assert!(raw.starts_with(MARKER));
    assert_eq!(Workspace::from_json(&stored(KEY).unwrap()).unwrap(), big);
    assert!(local()
        .get_item(BACKUP_KEY)
        .unwrap()
        .unwrap()
        .starts_with(MARKER));
}
