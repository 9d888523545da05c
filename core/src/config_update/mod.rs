//! `update-config`: replace the whole config or one section of it, after validating the
//! result as a whole, and say which escalations a replay under the new config would move.
//!
//! Request: `{"config": <Config>}` or `{"section": "<field>", "value": <its JSON>}`, plus
//! `"dry_run"` (default false). Nothing is replaced unless every check passes, so a
//! refused update leaves the workspace byte for byte as it was. The what-if (see
//! [`what_if`]) runs for dry runs and real saves alike, so a preview and the save that
//! follows it report the same changes.

mod limits;
pub(crate) mod shape;
mod validate;
pub mod what_if;
pub use limits::MAX_CHAIN_REPEAT;

#[cfg(test)]
mod impact_tests;
#[cfg(test)]
mod tests;

use jiff::Timestamp;
use serde_json::{json, Value};

use crate::config::Config;
use crate::context::Context;
use crate::error::{ErrorCode, RequestError};
use crate::params::as_obj;
use crate::workspace::Workspace;

pub use shape::SECTIONS;

const FIELDS: &[&str] = &["config", "section", "value", "dry_run"];

/// The validated config the request proposes, and whether to store it.
struct Proposal {
    config: Config,
    dry_run: bool,
}

pub fn update_config(
    ws: &mut Workspace,
    parameters: &Value,
    ctx: &mut Context,
    now: Option<Timestamp>,
) -> Result<Value, RequestError> {
    let proposal = parse(ws, parameters)?;
    let live = ws.escalations.iter().any(|e| !e.events.is_empty());
    let changes = match now {
        Some(now) => what_if::changes(ws, &proposal.config, now)?,
        None if live => {
            return Err(RequestError::new(
                ErrorCode::MissingField,
                "now",
                "comparing escalations under the new config needs the current time: give `now`",
            ))
        }
        None => Vec::new(),
    };
    let applied = !proposal.dry_run;
    if applied && proposal.config != ws.config {
        ws.set_config(proposal.config);
        ctx.set_changed(true);
    }
    Ok(json!({
        "applied": applied,
        "changed_count": changes.len(),
        "changes": changes,
    }))
}

fn parse(ws: &Workspace, parameters: &Value) -> Result<Proposal, RequestError> {
    let p = as_obj(parameters, "parameters")?;
    if let Some(k) = p.map.keys().find(|k| !FIELDS.contains(&k.as_str())) {
        return Err(RequestError::new(
            ErrorCode::UnknownField,
            p.path_of(k),
            format!("unknown field '{k}'; known: {}", FIELDS.join(", ")),
        ));
    }
    let dry_run = p.bool("dry_run")?.unwrap_or(false);
    let (candidate, target) = match (p.get("config"), p.str("section")?) {
        (Some(_), Some(_)) => {
            return Err(RequestError::new(
                ErrorCode::OutOfRange,
                "parameters.section",
                "give either `config` (the whole config) or `section` with `value`, not both",
            ))
        }
        (Some(config), None) => (config.clone(), validate::Target::Whole),
        (None, Some(section)) => {
            if !SECTIONS.contains(&section) {
                return Err(RequestError::new(
                    ErrorCode::OutOfRange,
                    "parameters.section",
                    format!(
                        "unknown section '{section}'; known: {}",
                        SECTIONS.join(", ")
                    ),
                ));
            }
            let value = p.get("value").ok_or_else(|| {
                RequestError::new(
                    ErrorCode::MissingField,
                    "parameters.value",
                    format!("missing field: the new value of section '{section}'"),
                )
            })?;
            let mut whole = crate::json_text::value_of(&ws.config).expect("a config serialises");
            whole[section] = value.clone();
            (whole, validate::Target::Section(section.to_string()))
        }
        (None, None) => {
            return Err(RequestError::new(
                ErrorCode::MissingField,
                "parameters.config",
                "give `config` (the whole config) or `section` with `value`",
            ))
        }
    };
    let config = validate::config(candidate).map_err(|e| target.locate(e))?;
    Ok(Proposal { config, dry_run })
}
