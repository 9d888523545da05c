//! Bringing another document into a workspace: every problem of a refused document with its
//! path (not just serde's first), and a merge that keeps both event logs, united by event id.
//! Used by the web app's Data page (import) and its two-tab sync; pure like the rest of core.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use crate::error::{ErrorCode, RequestError};
use crate::event::{merge_events, Escalation, Event};
use crate::workspace::{migrate, Workspace};

/// At most this many problems are listed; a document wrong everywhere says so in one line.
pub const MAX_PROBLEMS: usize = 50;

/// Reads a document for import: the workspace, or every problem found (each with its path).
pub fn read(text: &str) -> Result<Workspace, Vec<RequestError>> {
    if text.trim().is_empty() {
        return Err(vec![RequestError::new(
            ErrorCode::InvalidJson,
            "",
            "there is no document: paste a workspace export or choose its file",
        )]);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        vec![RequestError::new(
            ErrorCode::InvalidJson,
            "",
            format!("the document is not JSON: {e}"),
        )]
    })?;
    match Workspace::from_value(value.clone()) {
        Ok(ws) => Ok(ws),
        Err(first) => {
            let mut all = problems(value);
            // `problems` looks field by field; whatever it could not pin down, the loader did.
            if all.is_empty() {
                all.push(first);
            }
            Err(all)
        }
    }
}

/// Checks a document part by part so that one bad event does not hide the next.
fn problems(value: Value) -> Vec<RequestError> {
    let mut out = Vec::new();
    let value = match migrate(value) {
        Ok(v) => v,
        Err(e) => return vec![e],
    };
    let wrong = |path: &str, message: String| {
        RequestError::new(ErrorCode::InvalidWorkspace, path.to_string(), message)
    };
    match value.get("config") {
        None => out.push(RequestError::new(
            ErrorCode::MissingField,
            "config",
            "missing field",
        )),
        Some(c) => match crate::config_update::shape::parse(c.clone()) {
            Err(e) => out.push(e),
            Ok(config) => {
                if let Err(e) = Workspace::new(config, Vec::new()).rules() {
                    out.push(e);
                }
            }
        },
    }
    let escalations = match value.get("escalations") {
        None => return out,
        Some(Value::Array(a)) => a,
        Some(_) => {
            out.push(wrong("escalations", "expected a list".into()));
            return out;
        }
    };
    for (i, esc) in escalations.iter().enumerate() {
        let at = format!("escalations[{i}]");
        if !esc.get("id").is_some_and(Value::is_string) {
            out.push(wrong(&format!("{at}.id"), "expected a string".into()));
        }
        let Some(events) = esc.get("events").and_then(Value::as_array) else {
            out.push(wrong(&format!("{at}.events"), "expected a list".into()));
            continue;
        };
        let mut seen: HashMap<&str, &Value> = HashMap::new();
        for (j, event) in events.iter().enumerate() {
            let path = format!("{at}.events[{j}]");
            if let Err(e) = crate::value_de::from_value::<Event>(event.clone()) {
                let (field, message) = event_fault(event, e.to_string());
                out.push(wrong(
                    &format!("{path}{field}"),
                    crate::error::plain_words(&message),
                ));
            } else if let Some(id) = event.get("id").and_then(Value::as_str) {
                if seen.get(id).is_some_and(|first| *first != event) {
                    out.push(wrong(
                        &format!("{path}.id"),
                        format!("two different events with id {id}"),
                    ));
                }
                seen.entry(id).or_insert(event);
            }
        }
    }
    if out.len() > MAX_PROBLEMS {
        let more = out.len() - MAX_PROBLEMS;
        out.truncate(MAX_PROBLEMS);
        out.push(wrong(
            "",
            format!("and {more} more problems not listed; fix these and import again"),
        ));
    }
    out
}

/// Which field of a refused event is at fault: serde names a missing or unknown field but
/// not the one whose value is wrong ("expected four digit year"). A field is at fault when
/// leaving it out turns the error into "missing field" for it, or lets the event through.
fn event_fault(event: &Value, message: String) -> (String, String) {
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|m| m.split('`').next())
    {
        return (format!(".{field}"), message);
    }
    let Value::Object(map) = event else {
        return (String::new(), message);
    };
    for key in map.keys().filter(|k| k.as_str() != "kind") {
        let mut without = map.clone();
        without.remove(key);
        let fault = match crate::value_de::from_value::<Event>(Value::Object(without)) {
            Ok(_) => true,
            Err(e) => e.to_string().starts_with(&format!("missing field `{key}`")),
        };
        if fault {
            return (format!(".{key}"), message);
        }
    }
    (String::new(), message)
}

/// Whose config a merge keeps. Events are always united; the config is one document and
/// cannot be united, so the caller decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfigFrom {
    Current,
    Incoming,
}

/// Same event id, different content in the two documents: the current one is kept.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub escalation: String,
    pub event: String,
    /// Where the refused event is in the incoming document.
    pub path: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct MergeReport {
    pub added_escalations: usize,
    /// Incoming escalations that had the id of a different escalation here (two devices or
    /// tabs numbering offline): `(incoming id, the id it was given)`.
    pub renamed: Vec<(String, String)>,
    pub added_events: usize,
    pub conflicts: Vec<Conflict>,
    /// The incoming config differs from the one kept (or taken).
    pub config_differs: bool,
}

/// Unites `incoming` into `current`: escalations by id, each log by event id (an identical
/// event is the same fact, kept once). A conflicting event never replaces a stored one, since
/// the engine cannot tell which is true; it is reported with its path for the user to settle.
pub fn merge(
    current: &Workspace,
    incoming: &Workspace,
    config: ConfigFrom,
) -> (Workspace, MergeReport) {
    let mut report = MergeReport {
        config_differs: current.config != incoming.config,
        ..MergeReport::default()
    };
    let mut escalations = current.escalations.clone();
    let index: HashMap<String, usize> = escalations
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.clone(), i))
        .collect();
    let mut taken: HashSet<String> = index.keys().cloned().collect();
    taken.extend(incoming.escalations.iter().map(|e| e.id.clone()));
    for (i, theirs) in incoming.escalations.iter().enumerate() {
        let Some(&k) = index.get(&theirs.id) else {
            report.added_escalations += 1;
            report.added_events += theirs.events.len();
            escalations.push(theirs.clone());
            continue;
        };
        if let (Some(a), Some(b)) = (origin(&escalations[k]), origin(theirs)) {
            if a != b {
                let fresh = free_id(&theirs.id, &taken);
                taken.insert(fresh.clone());
                report.renamed.push((theirs.id.clone(), fresh.clone()));
                report.added_escalations += 1;
                report.added_events += theirs.events.len();
                let mut t = theirs.clone();
                t.id = fresh;
                escalations.push(t);
                continue;
            }
        }
        let ours = &mut escalations[k];
        let by_id: HashMap<&str, &Event> = ours.events.iter().map(|e| (e.id.as_str(), e)).collect();
        let mut new = Vec::new();
        for (j, e) in theirs.events.iter().enumerate() {
            match by_id.get(e.id.as_str()) {
                None => new.push(e.clone()),
                Some(mine) if *mine == e => {}
                Some(_) => report.conflicts.push(Conflict {
                    escalation: theirs.id.clone(),
                    event: e.id.clone(),
                    path: format!("escalations[{i}].events[{j}]"),
                }),
            }
        }
        if !new.is_empty() {
            report.added_events += new.len();
            ours.events = merge_events(&ours.events, &new);
        }
    }
    let config = match config {
        ConfigFrom::Current => current.config.clone(),
        ConfigFrom::Incoming => incoming.config.clone(),
    };
    (Workspace::new(config, escalations), report)
}

/// Which escalation this is, whatever its human id says: the id of its first `created` event.
/// `None` for a log without one (only the new events of an escalation, as `unsaved` gives).
fn origin(esc: &Escalation) -> Option<&str> {
    esc.events
        .iter()
        .find(|e| matches!(e.kind, crate::event::EventKind::Created { .. }))
        .map(|e| e.id.as_str())
}

/// The next `ESC-<year>-NNN` after every id taken, in the year `id` names (or `id-2`, ...
/// for an id of another shape).
fn free_id(id: &str, taken: &HashSet<String>) -> String {
    let mut parts = id.rsplitn(2, '-');
    let (_, prefix) = (parts.next(), parts.next());
    match prefix.filter(|p| p.starts_with("ESC-")) {
        Some(prefix) => crate::workspace::next_in_series(
            &format!("{prefix}-"),
            taken.iter().map(String::as_str),
        ),
        None => (2..)
            .map(|n| format!("{id}-{n}"))
            .find(|c| !taken.contains(c))
            .expect("an unbounded range has a free name"),
    }
}

/// What `ours` holds that `known` (the ids already in storage) does not: whole escalations
/// for new ones, only the new events otherwise. Used after another tab replaced the stored
/// document, when only this tab's unsaved work should be carried over.
pub fn unsaved(ours: &Workspace, known: &HashSet<String>) -> Workspace {
    let escalations = ours
        .escalations
        .iter()
        .filter_map(|esc| {
            let events: Vec<Event> = esc
                .events
                .iter()
                .filter(|e| !known.contains(&e.id))
                .cloned()
                .collect();
            (!events.is_empty()).then(|| Escalation {
                id: esc.id.clone(),
                events,
            })
        })
        .collect();
    Workspace::new(ours.config.clone(), escalations)
}

/// Every event id in a workspace.
pub fn event_ids(ws: &Workspace) -> HashSet<String> {
    ws.escalations
        .iter()
        .flat_map(|e| e.events.iter().map(|ev| ev.id.clone()))
        .collect()
}

#[cfg(test)]
#[path = "import_tests.rs"]
mod tests;
