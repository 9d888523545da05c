//! Saving when other tabs save too. Each tab remembers what it last read or wrote; before a
//! write it re-reads the stored document and, if another tab changed it, unites the two by
//! event id instead of overwriting, so no tab loses another's events. A whole-document
//! replace (import, reset, restore) bumps a generation, and other tabs then take the new
//! document, keeping only what they had not saved yet. Plain Rust, tested natively.

use std::collections::HashSet;

use escalon::config::Config;
use escalon::import::{event_ids, merge, unsaved, ConfigFrom};
use escalon::Workspace;
use serde_json::Value;

use crate::storage::{
    before_migration_key, open, Backend, Opened, BACKUP_KEY, CORRUPT_KEY, GENERATION_KEY, KEY,
};

pub struct Synced {
    backend: Box<dyn Backend>,
    /// The stored document as this tab last read or wrote it, as `Backend::stamp` gives it
    /// (documents run to megabytes; a stamp does not even unpack them).
    known_stamp: Option<u64>,
    known_generation: Option<String>,
    /// Event ids known to be in storage; the rest of this tab's events are unsaved.
    known_ids: HashSet<String>,
    known_config: Config,
    /// The last save failed: this tab holds changes that storage does not.
    pub unsaved: bool,
}

/// What taking in a newer stored document did.
#[derive(Clone, Copy)]
struct Taken {
    /// This tab's workspace changed (another tab's events arrived).
    changed: bool,
    /// This tab holds something the stored document lacks, so it must be written.
    ahead: bool,
}

impl Synced {
    /// Opens what is stored, moving an unreadable document aside first.
    pub fn load(backend: Box<dyn Backend>) -> (Synced, Opened) {
        let text = backend.get(KEY);
        let mut opened = open(text.as_deref());
        let mut synced = Synced {
            known_stamp: None,
            known_generation: backend.get(GENERATION_KEY),
            known_ids: HashSet::new(),
            known_config: opened.workspace.config.clone(),
            unsaved: false,
            backend,
        };
        match (&opened.keep_aside, text) {
            (Some(bad), _) => {
                // Moved, not deleted. If the move fails the text stays under KEY, and `save`
                // refuses to write over a stored document it cannot read.
                if synced.backend.set(CORRUPT_KEY, bad).is_ok() {
                    synced.backend.remove(KEY);
                }
            }
            (None, Some(text)) => {
                if let Some(version) = opened.migrated_from {
                    opened.notice = synced.keep_before_migration(version, &text);
                }
                synced.known_stamp = synced.backend.stamp(KEY);
                synced.known_ids = event_ids(&opened.workspace);
            }
            (None, None) => {}
        }
        (synced, opened)
    }

    /// Keeps the text of a document written in an older schema before anything saves the
    /// migrated one over it; the first copy kept is never replaced. Returns the notice.
    fn keep_before_migration(&self, version: u32, text: &str) -> Option<String> {
        let key = before_migration_key(version);
        let kept = self.backend.get(&key).is_some() || self.backend.set(&key, text).is_ok();
        let to = escalon::SCHEMA_VERSION;
        Some(if kept {
            format!(
                "The saved workspace was upgraded from schema version {version} to {to}. The \
                 original is kept in this browser under \"{key}\"."
            )
        } else {
            format!(
                "The saved workspace was upgraded from schema version {version} to {to}. There \
                 was no room to keep a copy of the original; the upgraded workspace holds all \
                 its escalations and settings."
            )
        })
    }

    /// Saves `ws`, first taking in what another tab stored since. Returns whether that
    /// changed `ws`. On failure storage is as it was and `ws` keeps this tab's changes.
    pub fn save(&mut self, ws: &mut Workspace) -> Result<bool, String> {
        let taken = self
            .take_in_stored(ws)
            .inspect_err(|_| self.unsaved = true)?;
        let merged = taken.is_some_and(|t| t.changed);
        match self.write(ws) {
            Ok(()) => {
                self.unsaved = false;
                Ok(merged)
            }
            Err(e) => {
                self.unsaved = true;
                Err(format!(
                    "Not saved in this browser ({e}). The saved workspace is unchanged; this \
                     tab's latest changes exist only here until a save succeeds (export them \
                     from Data to keep a copy)."
                ))
            }
        }
    }

    /// Another tab wrote the document: takes it in without writing, unless this tab holds
    /// events the stored document lacks (unsaved, or lost in a simultaneous write). Returns
    /// whether `ws` changed, and how writing those events went.
    pub fn external(&mut self, ws: &mut Workspace) -> (bool, Result<(), String>) {
        let taken = match self.take_in_stored(ws) {
            Ok(t) => t,
            Err(e) => return (false, Err(e)),
        };
        let changed = taken.is_some_and(|t| t.changed);
        if self.unsaved || taken.is_some_and(|t| t.ahead) {
            return (changed, self.save(ws).map(|_| ()));
        }
        (changed, Ok(()))
    }

    /// Keeps `current` as the backup, then stores `next` under a new generation. On failure
    /// nothing is replaced.
    pub fn replace(
        &mut self,
        current: &mut Workspace,
        next: &Workspace,
        generation: String,
    ) -> Result<(), String> {
        let nothing = |e: String| format!("Could not save ({e}); nothing was replaced.");
        // The backup must hold what other tabs stored too, not only this tab's view.
        self.take_in_stored(current).map_err(&nothing)?;
        self.backend
            .set(BACKUP_KEY, &current.to_json())
            .map_err(&nothing)?;
        let previous = self.backend.get(GENERATION_KEY);
        // Written before the document, so a tab that sees the new document sees it as new.
        self.backend
            .set(GENERATION_KEY, &generation)
            .map_err(&nothing)?;
        if let Err(e) = self.write(next) {
            match previous {
                Some(p) => self.backend.set(GENERATION_KEY, &p).unwrap_or(()),
                None => self.backend.remove(GENERATION_KEY),
            }
            return Err(nothing(e));
        }
        self.known_generation = Some(generation);
        self.unsaved = false;
        Ok(())
    }

    /// Takes in what another tab stored since this tab last read or wrote; whether `ws`
    /// changed.
    pub fn refresh(&mut self, ws: &mut Workspace) -> Result<bool, String> {
        Ok(self.take_in_stored(ws)?.is_some_and(|t| t.changed))
    }

    /// The backup, opened and validated; `None` when there is none.
    pub fn backup(&self) -> Option<Result<Workspace, String>> {
        let text = self.backend.get(BACKUP_KEY)?;
        Some(Workspace::from_json(&text).map_err(|e| e.to_string()))
    }

    /// Unites `ws` with the stored document if another tab changed it since this tab last
    /// read or wrote it. A stored document this build cannot read is never written over.
    /// `None` when storage holds nothing new.
    fn take_in_stored(&mut self, ws: &mut Workspace) -> Result<Option<Taken>, String> {
        let Some(stamp) = self.backend.stamp(KEY) else {
            return Ok(None);
        };
        if Some(stamp) == self.known_stamp {
            return Ok(None);
        }
        let Some(text) = self.backend.get(KEY) else {
            return Ok(None);
        };
        let stored = Workspace::from_json(&text).map_err(|e| {
            format!(
                "Not saved: another tab stored a workspace this tab cannot read ({e}). Reload \
                 this tab to open it; this tab will not save over it."
            )
        })?;
        let generation = self.backend.get(GENERATION_KEY);
        // Our config wins only where this tab changed it, section by section; events are
        // united either way.
        let config = if ws.config != self.known_config {
            ws.config = unite_configs(&self.known_config, &ws.config, &stored.config);
            ConfigFrom::Incoming
        } else {
            ConfigFrom::Current
        };
        let pending;
        let ours = if generation != self.known_generation {
            pending = unsaved(ws, &self.known_ids);
            &pending
        } else {
            &*ws
        };
        let (next, _) = merge(&stored, ours, config);
        let taken = Taken {
            changed: next != *ws,
            ahead: next != stored,
        };
        *ws = next;
        self.known_stamp = Some(stamp);
        self.known_generation = generation;
        self.known_ids = event_ids(&stored);
        self.known_config = stored.config;
        Ok(Some(taken))
    }

    fn write(&mut self, ws: &Workspace) -> Result<(), String> {
        let text = ws.to_json();
        self.backend.set(KEY, &text)?;
        self.known_stamp = self.backend.stamp(KEY);
        self.known_ids = event_ids(ws);
        self.known_config = ws.config.clone();
        Ok(())
    }
}

/// The stored config with this tab's changes laid over it (a three-way merge from the config
/// both tabs last saw): a tab that renamed tier 1 must not undo tier 2's rename saved by
/// another tab meanwhile. Objects merge key by key and lists of unchanged length item by
/// item; where both tabs changed the same value, this tab's (the later save) wins. Should the
/// result not read as a config, this tab's whole config is kept, as before.
fn unite_configs(known: &Config, ours: &Config, stored: &Config) -> Config {
    let (Ok(known_v), Ok(ours_v), Ok(stored_v)) = (
        escalon::json_text::value_of(known),
        escalon::json_text::value_of(ours),
        escalon::json_text::value_of(stored),
    ) else {
        return ours.clone();
    };
    escalon::value_de::from_value(three_way(&known_v, &ours_v, &stored_v))
        .unwrap_or_else(|_| ours.clone())
}

fn three_way(base: &Value, ours: &Value, theirs: &Value) -> Value {
    if ours == base {
        return theirs.clone();
    }
    if theirs == base || theirs == ours {
        return ours.clone();
    }
    match (base, ours, theirs) {
        (Value::Object(b), Value::Object(o), Value::Object(t)) => {
            let mut out = t.clone();
            for (k, mine) in o {
                let merged = match (b.get(k), t.get(k)) {
                    (Some(bk), Some(tk)) => three_way(bk, mine, tk),
                    _ => mine.clone(),
                };
                out.insert(k.clone(), merged);
            }
            // Removed here, untouched there: removed.
            for k in b
                .keys()
                .filter(|k| !o.contains_key(*k) && t.get(*k) == b.get(*k))
            {
                out.remove(k);
            }
            Value::Object(out)
        }
        (Value::Array(b), Value::Array(o), Value::Array(t))
            if b.len() == o.len() && o.len() == t.len() =>
        {
            Value::Array(
                b.iter()
                    .zip(o)
                    .zip(t)
                    .map(|((b, o), t)| three_way(b, o, t))
                    .collect(),
            )
        }
        _ => ours.clone(),
    }
}

#[cfg(test)]
#[path = "sync_tests.rs"]
mod tests;
