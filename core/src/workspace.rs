//! The workspace document: what the web app stores, the CLI reads and writes, and every
//! shell exchanges. Loading migrates old versions forward and refuses newer ones.

use std::sync::OnceLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::config::Config;
use crate::error::{ErrorCode, RequestError};
use crate::event::{Escalation, Event};
use crate::rules::RuleSet;

/// The version this build writes. Bump it together with a step in [`migrate`].
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct Workspace {
    pub schema_version: u32,
    pub config: Config,
    #[serde(default)]
    pub escalations: Vec<Escalation>,
    /// Rules compiled once per config, not per ticket. Reset by [`Workspace::set_config`].
    #[serde(skip)]
    #[schemars(skip)]
    rules: OnceLock<Result<RuleSet, RequestError>>,
}

impl PartialEq for Workspace {
    fn eq(&self, other: &Self) -> bool {
        self.schema_version == other.schema_version
            && self.config == other.config
            && self.escalations == other.escalations
    }
}

impl Default for Workspace {
    fn default() -> Self {
        Workspace::new(Config::default(), Vec::new())
    }
}

impl Workspace {
    pub fn new(config: Config, escalations: Vec<Escalation>) -> Self {
        Self {
            schema_version: SCHEMA_VERSION,
            config,
            escalations,
            rules: OnceLock::new(),
        }
    }

    /// Parses, migrates and validates a workspace document given as JSON text.
    pub fn from_json(text: &str) -> Result<Workspace, RequestError> {
        Workspace::from_json_with_version(text).map(|(ws, _)| ws)
    }

    /// Like [`Workspace::from_json`], also telling which schema version the text was
    /// written in, so a shell can keep the original of a document it migrated.
    pub fn from_json_with_version(text: &str) -> Result<(Workspace, u32), RequestError> {
        let value: Value = serde_json::from_str(text).map_err(|e| {
            RequestError::new(
                ErrorCode::InvalidJson,
                "",
                format!("workspace is not JSON: {e}"),
            )
        })?;
        let written_in = value.get("schema_version").and_then(Value::as_u64);
        let ws = Workspace::from_value(value)?;
        // `from_value` accepted it, so the version was 1..=SCHEMA_VERSION.
        Ok((ws, written_in.map_or(SCHEMA_VERSION, |v| v as u32)))
    }

    pub fn from_value(value: Value) -> Result<Workspace, RequestError> {
        let value = migrate(value)?;
        let mut ws: Workspace = crate::value_de::from_value(value).map_err(|e| {
            RequestError::new(
                ErrorCode::InvalidWorkspace,
                "",
                format!(
                    "workspace does not match the schema: {}",
                    crate::error::plain_words(&e.to_string())
                ),
            )
        })?;
        for (i, esc) in ws.escalations.iter_mut().enumerate() {
            dedupe_events(i, esc)?;
        }
        dedupe_escalations(&mut ws.escalations)?;
        ws.rules()?;
        Ok(ws)
    }

    /// Compact, for storage: a browser's localStorage holds about 5 MB, and indentation
    /// would spend half of it.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a workspace always serialises")
    }

    pub fn to_json_pretty(&self) -> String {
        crate::json_text::pretty(&self.to_json())
    }

    /// Replaces the config and forgets the compiled rules of the old one.
    pub fn set_config(&mut self, config: Config) {
        self.config = config;
        self.rules = OnceLock::new();
    }

    /// The config's rules, compiled on first use.
    pub fn rules(&self) -> Result<&RuleSet, RequestError> {
        self.rules
            .get_or_init(|| RuleSet::compile(&self.config.rules))
            .as_ref()
            .map_err(Clone::clone)
    }

    pub fn escalation(&self, id: &str) -> Option<&Escalation> {
        self.escalations.iter().find(|e| e.id == id)
    }

    pub fn escalation_mut(&mut self, id: &str) -> Option<&mut Escalation> {
        self.escalations.iter_mut().find(|e| e.id == id)
    }

    /// Next human id for `year`, `ESC-2025-042` style. Derived from the ids present so that
    /// two shells given the same document propose the same id.
    pub fn next_escalation_id(&self, year: i16) -> String {
        next_in_series(
            &format!("ESC-{year}-"),
            self.escalations.iter().map(|e| e.id.as_str()),
        )
    }

    /// Appends events to an escalation's log and keeps it ordered.
    pub fn append(&mut self, id: &str, events: Vec<Event>) -> bool {
        match self.escalation_mut(id) {
            Some(esc) => {
                esc.events.extend(events);
                crate::event::sort_log(&mut esc.events);
                true
            }
            None => false,
        }
    }
}

/// Keeps the first of items sharing an id when the repeats are identical; the first id
/// under which two items differ is returned as `Err((first index, clashing index))`. Removal
/// is one pass, so long logs stay linear.
fn dedupe_by_id<T: PartialEq>(
    items: &mut Vec<T>,
    id: impl Fn(&T) -> &str,
) -> Result<(), (usize, usize)> {
    let mut seen: std::collections::HashMap<&str, usize> = Default::default();
    let mut repeats = Vec::new();
    for (k, item) in items.iter().enumerate() {
        match seen.get(id(item)) {
            Some(&first) if items[first] == *item => repeats.push(k),
            Some(&first) => return Err((first, k)),
            None => {
                seen.insert(id(item), k);
            }
        }
    }
    // `repeats` is ascending.
    let mut k = 0;
    items.retain(|_| {
        k += 1;
        repeats.binary_search(&(k - 1)).is_err()
    });
    Ok(())
}

/// Logs merge as a union by event id, so an identical repeat (an export imported twice) is
/// the same fact and is kept once. Two different events under one id cannot be settled by
/// the engine (which one is true?), so the document is refused, naming escalation and id.
fn dedupe_events(index: usize, esc: &mut Escalation) -> Result<(), RequestError> {
    let esc_id = esc.id.clone();
    dedupe_by_id(&mut esc.events, |e| e.id.as_str()).map_err(|(_, j)| {
        RequestError::new(
            ErrorCode::InvalidWorkspace,
            format!("escalations[{index}].events[{j}].id"),
            format!(
                "escalation {esc_id} has two different events with id {}",
                esc.events[j].id
            ),
        )
    })
}

/// Escalation ids are how every page, link and request finds an escalation; two under one
/// id showed one's row for the other and could not both be opened. An identical repeat is
/// kept once (as with events); two different escalations under one id are refused.
fn dedupe_escalations(escalations: &mut Vec<Escalation>) -> Result<(), RequestError> {
    dedupe_by_id(escalations, |e| e.id.as_str()).map_err(|(first, i)| {
        RequestError::new(
            ErrorCode::InvalidWorkspace,
            format!("escalations[{i}].id"),
            format!(
                "two different escalations have id {} (escalations[{first}] and \
                 escalations[{i}]); ids must be unique",
                escalations[i].id
            ),
        )
    })
}

/// The JSON Schema of the workspace document, as published in `core/schema/`.
pub fn schema() -> Value {
    serde_json::to_value(schemars::schema_for!(Workspace)).expect("schema serialises")
}

/// Brings a document to [`SCHEMA_VERSION`]. Each future version adds one step here that
/// rewrites the JSON of version n into version n+1.
pub fn migrate(mut value: Value) -> Result<Value, RequestError> {
    let mut version = match value.get("schema_version") {
        None => {
            return Err(RequestError::new(
                ErrorCode::MissingField,
                "schema_version",
                "workspace has no schema_version",
            ))
        }
        Some(v) => v.as_u64().ok_or_else(|| {
            RequestError::new(
                ErrorCode::WrongType,
                "schema_version",
                "schema_version must be a positive integer",
            )
        })?,
    };
    if version > u64::from(SCHEMA_VERSION) {
        return Err(RequestError::new(
            ErrorCode::UnsupportedSchemaVersion,
            "schema_version",
            format!(
                "workspace has schema_version {version} but this Escalon ({}) reads up to {SCHEMA_VERSION}; \
                 upgrade Escalon instead of opening it with an older one",
                crate::version()
            ),
        ));
    }
    if version == 0 {
        return Err(RequestError::new(
            ErrorCode::OutOfRange,
            "schema_version",
            "schema_version starts at 1",
        ));
    }
    if version == 1 {
        v1_to_v2(&mut value);
        version = 2;
    }
    debug_assert_eq!(version, u64::from(SCHEMA_VERSION));
    value["schema_version"] = Value::from(SCHEMA_VERSION);
    Ok(value)
}

/// Version 2 drops `config.notify.aging.update_target_minutes`: it was never read, because
/// "stalled" uses each tier's `next_update` SLA target (see `aging::rule`), and a setting
/// that does nothing misleads whoever edits it. Nothing else changed, so every answer about a
/// migrated document is the same as before.
fn v1_to_v2(value: &mut Value) {
    if let Some(aging) = value
        .pointer_mut("/config/notify/aging")
        .and_then(Value::as_object_mut)
    {
        aging.remove("update_target_minutes");
    }
}

/// The number after the highest `<prefix><n>` among `ids`, three digits at least:
/// `ESC-2025-` after `ESC-2025-041` gives `ESC-2025-042`. New escalations and escalations
/// renamed on merge (`import`) are numbered the same way.
pub(crate) fn next_in_series<'a>(prefix: &str, ids: impl Iterator<Item = &'a str>) -> String {
    let numbers: Vec<u64> = ids
        .filter_map(|id| id.strip_prefix(prefix)?.parse::<u64>().ok())
        .collect();
    let max = numbers.iter().copied().max().unwrap_or(0);
    // An imported id at the very top of the range must not overflow: take the lowest free.
    let next = max
        .checked_add(1)
        .unwrap_or_else(|| (1..).find(|n| !numbers.contains(n)).unwrap_or(1));
    format!("{prefix}{next:03}")
}

#[cfg(test)]
#[path = "workspace_tests.rs"]
mod tests;
