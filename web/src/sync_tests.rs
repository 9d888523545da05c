use std::rc::Rc;

use escalon::event::{Escalation, Event, EventKind};

use super::*;
use crate::storage::Memory;

fn event(id: &str) -> Event {
    Event {
        id: id.into(),
        at: "2025-03-01T10:00:00Z".parse().unwrap(),
        actor: "t".into(),
        kind: EventKind::ActionTaken { action: id.into() },
    }
}

fn one_escalation() -> Workspace {
    Workspace::new(
        Config::default(),
        vec![Escalation {
            id: "ESC-1".into(),
            events: vec![event("start")],
        }],
    )
}

fn ids(ws: &Workspace) -> Vec<String> {
    let mut v: Vec<_> = event_ids(ws).into_iter().collect();
    v.sort();
    v
}

fn stored(mem: &Memory) -> Workspace {
    Workspace::from_json(&mem.get(KEY).expect("a stored document")).unwrap()
}

/// Storage holding `ws`, and two tabs that opened it.
fn two_tabs(ws: &Workspace) -> (Rc<Memory>, (Synced, Workspace), (Synced, Workspace)) {
    let mem = Rc::new(Memory::default());
    mem.set(KEY, &ws.to_json_pretty()).unwrap();
    let tab = || {
        let (s, o) = Synced::load(Box::new(mem.clone()));
        (s, o.workspace)
    };
    let (a, b) = (tab(), tab());
    (mem, a, b)
}

#[test]
fn two_tabs_saving_in_turn_keep_each_others_events() {
    let (mem, (mut sa, mut a), (mut sb, mut b)) = two_tabs(&one_escalation());
    a.append("ESC-1", vec![event("from-a")]);
    assert!(!sa.save(&mut a).unwrap(), "nothing new from other tabs yet");
    // Tab B never heard of A's write (no storage event yet) and saves its own event.
    b.append("ESC-1", vec![event("from-b")]);
    assert!(
        sb.save(&mut b).unwrap(),
        "B took in A's event before writing"
    );
    assert_eq!(ids(&stored(&mem)), ["from-a", "from-b", "start"]);
    // A hears about B's write and takes it in without writing anything back.
    mem.fail_with.replace(Some("must not write".into()));
    let (changed, written) = sa.external(&mut a);
    assert!(changed && written.is_ok());
    assert_eq!(ids(&a), ["from-a", "from-b", "start"]);
}

#[test]
fn events_lost_to_a_simultaneous_write_are_written_again() {
    let (mem, (mut sa, mut a), _) = two_tabs(&one_escalation());
    a.append("ESC-1", vec![event("from-a")]);
    sa.save(&mut a).unwrap();
    // Another tab read before A's write and wrote after it, without A's event.
    let mut stale = one_escalation();
    stale.append("ESC-1", vec![event("from-b")]);
    mem.set(KEY, &stale.to_json_pretty()).unwrap();
    let (changed, written) = sa.external(&mut a);
    assert!(changed && written.is_ok());
    assert_eq!(ids(&stored(&mem)), ["from-a", "from-b", "start"]);
}

#[test]
fn a_quota_error_keeps_the_stored_document_and_the_tabs_changes() {
    let (mem, (mut sa, mut a), _) = two_tabs(&one_escalation());
    let before = mem.get(KEY);
    mem.fail_with.replace(Some("QuotaExceededError".into()));
    a.append("ESC-1", vec![event("unsaved")]);
    let e = sa.save(&mut a).unwrap_err();
    assert!(e.contains("QuotaExceededError"), "{e}");
    assert_eq!(mem.get(KEY), before, "storage is as it was");
    assert!(sa.unsaved);
    assert!(a.escalation("ESC-1").unwrap().events.len() == 2);
    // Space freed: the next save writes what was held back.
    mem.fail_with.replace(None);
    sa.save(&mut a).unwrap();
    assert!(!sa.unsaved);
    assert_eq!(ids(&stored(&mem)), ["start", "unsaved"]);
}

#[test]
fn a_replace_in_one_tab_is_taken_by_the_other_with_only_its_unsaved_work() {
    let (mem, (mut sa, mut a), (mut sb, mut b)) = two_tabs(&one_escalation());
    a.append("ESC-1", vec![event("saved-by-a")]);
    sa.save(&mut a).unwrap();
    // B resets to an empty workspace; A then records one more event that fails to save.
    sb.replace(&mut b, &Workspace::default(), "gen-2".into())
        .unwrap();
    mem.fail_with.replace(Some("QuotaExceededError".into()));
    a.append("ESC-1", vec![event("unsaved-in-a")]);
    assert!(sa.save(&mut a).is_err());
    mem.fail_with.replace(None);
    let (_, written) = sa.external(&mut a);
    assert!(written.is_ok());
    assert_eq!(
        ids(&a),
        ["unsaved-in-a"],
        "the reset stands; A's unsaved event survives"
    );
    assert_eq!(ids(&stored(&mem)), ["unsaved-in-a"]);
    let backup = sb.backup().unwrap().unwrap();
    assert_eq!(
        ids(&backup),
        ["saved-by-a", "start"],
        "the backup is B's view before the reset"
    );
}

#[test]
fn a_stored_document_this_tab_cannot_read_is_never_written_over() {
    let (mem, (mut sa, mut a), _) = two_tabs(&one_escalation());
    let newer = r#"{"schema_version": 99, "config": {}, "escalations": []}"#;
    mem.set(KEY, newer).unwrap();
    a.append("ESC-1", vec![event("mine")]);
    let e = sa.save(&mut a).unwrap_err();
    assert!(e.contains("cannot read"), "{e}");
    assert_eq!(mem.get(KEY).as_deref(), Some(newer));
}

#[test]
fn corrupt_storage_is_moved_aside_on_load_or_left_alone() {
    let mem = Rc::new(Memory::default());
    mem.set(KEY, "{broken").unwrap();
    let (_, opened) = Synced::load(Box::new(mem.clone()));
    assert!(opened.notice.is_some());
    assert_eq!(mem.get(CORRUPT_KEY).as_deref(), Some("{broken"));
    assert_eq!(mem.get(KEY), None);

    // When even the move fails, saving must not destroy the unreadable text.
    let mem = Rc::new(Memory::default());
    mem.set(KEY, "{broken").unwrap();
    mem.fail_with.replace(Some("QuotaExceededError".into()));
    let (mut s, mut opened) = Synced::load(Box::new(mem.clone()));
    mem.fail_with.replace(None);
    assert!(s.save(&mut opened.workspace).is_err());
    assert_eq!(mem.get(KEY).as_deref(), Some("{broken"));
}

#[test]
fn a_failed_replace_replaces_nothing() {
    let (mem, (mut sa, mut a), (mut sb, mut b)) = two_tabs(&one_escalation());
    let before = mem.get(KEY);
    mem.fail_with.replace(Some("QuotaExceededError".into()));
    let e = sa
        .replace(&mut a, &Workspace::default(), "gen-x".into())
        .unwrap_err();
    assert!(e.contains("nothing was replaced"), "{e}");
    assert_eq!(mem.get(KEY), before);
    mem.fail_with.replace(None);
    b.append("ESC-1", vec![event("later")]);
    sb.save(&mut b).unwrap();
    assert_eq!(ids(&stored(&mem)), ["later", "start"]);
}

/// `one_escalation` as schema version 1 wrote it, with the setting version 2 dropped.
fn version_1_text() -> String {
    let mut v: serde_json::Value = serde_json::from_str(&one_escalation().to_json()).unwrap();
    v["schema_version"] = 1.into();
    v["config"]["notify"]["aging"]["update_target_minutes"] =
        serde_json::json!([{"tier": 3, "minutes": 120}]);
    v.to_string()
}

#[test]
fn an_old_schema_is_migrated_and_its_original_kept_before_the_first_save() {
    let mem = Rc::new(Memory::default());
    let old = version_1_text();
    mem.set(KEY, &old).unwrap();
    let (mut s, mut opened) = Synced::load(Box::new(mem.clone()));
    assert_eq!(opened.migrated_from, Some(1));
    let key = before_migration_key(1);
    assert!(opened.notice.as_deref().unwrap().contains(&key));
    assert_eq!(mem.get(&key).as_deref(), Some(old.as_str()));
    assert_eq!(ids(&opened.workspace), ["start"]);

    opened
        .workspace
        .append("ESC-1", vec![event("after-upgrade")]);
    s.save(&mut opened.workspace).unwrap();
    let saved = mem.get(KEY).unwrap();
    assert!(saved.contains(&format!("\"schema_version\":{}", escalon::SCHEMA_VERSION)));
    assert!(!saved.contains("update_target_minutes"));
    assert_eq!(ids(&stored(&mem)), ["after-upgrade", "start"]);
    assert_eq!(
        mem.get(&key).as_deref(),
        Some(old.as_str()),
        "the original stays"
    );

    // Opening again: nothing to migrate, no notice.
    let (_, again) = Synced::load(Box::new(mem.clone()));
    assert_eq!((again.migrated_from, again.notice), (None, None));
}

#[test]
fn a_migration_with_no_room_for_the_original_says_so_and_still_opens() {
    let mem = Rc::new(Memory::default());
    mem.set(KEY, &version_1_text()).unwrap();
    mem.fail_with.replace(Some("QuotaExceededError".into()));
    let (_, opened) = Synced::load(Box::new(mem.clone()));
    assert!(opened.notice.unwrap().contains("no room"));
    assert_eq!(ids(&opened.workspace), ["start"]);
    assert_eq!(mem.get(&before_migration_key(1)), None);
}

/// Regression (web audit of 2026-11-29): tab A saved a tier rename, tab B (not yet told)
/// then saved a rename of another tier, and A's rename was gone: B's whole config won.
#[test]
fn two_tabs_changing_different_config_sections_keep_both() {
    let (mem, (mut sa, mut a), (mut sb, mut b)) = two_tabs(&one_escalation());
    a.config.tiers[0].name = "Renamed in A".into();
    sa.save(&mut a).unwrap();
    b.config.history_window_days = 30;
    b.config.tiers[1].name = "Renamed in B".into();
    sb.save(&mut b).unwrap();
    let config = stored(&mem).config;
    assert_eq!(config.history_window_days, 30);
    assert_eq!(config.tiers[1].name, "Renamed in B");
    assert_eq!(config.tiers[0].name, "Renamed in A");
    assert_eq!(b.config, config, "B holds what it stored");

    // The same field changed in both: the later save wins.
    let (mem, (mut sa, mut a), (mut sb, mut b)) = two_tabs(&one_escalation());
    a.config.tiers[0].name = "A".into();
    sa.save(&mut a).unwrap();
    b.config.tiers[0].name = "B".into();
    sb.save(&mut b).unwrap();
    assert_eq!(stored(&mem).config.tiers[0].name, "B");
}
