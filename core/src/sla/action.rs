//! Action `sla-status`: one inline clock, or the clocks of an escalation in the workspace.

use jiff::Timestamp;
use serde_json::{json, Value};

use super::escalation::clocks_for;
use super::inline::inline_status;
use crate::error::{ErrorCode, RequestError};
use crate::params::as_obj;
use crate::workspace::Workspace;

/// `parameters` is `{clock: {...}}` (answered as the inline clock's status) or
/// `{escalation_id}` (answered as `{escalation_id, clocks: [{kind, ...}], next_check_at}`,
/// where `next_check_at` is the earliest of the clocks', the one timer a host needs).
/// `now` comes from the request's top level.
pub fn sla_status(
    ws: &Workspace,
    parameters: &Value,
    now: Option<Timestamp>,
) -> Result<Value, RequestError> {
    let params = as_obj(parameters, "parameters")?;
    if let Some(k) = params
        .map
        .keys()
        .find(|k| !matches!(k.as_str(), "clock" | "escalation_id"))
    {
        return Err(RequestError::new(
            ErrorCode::UnknownField,
            params.path_of(k),
            format!("unknown field '{k}'; expected clock or escalation_id"),
        ));
    }
    let now = now.ok_or_else(|| {
        RequestError::new(
            ErrorCode::MissingField,
            "now",
            "sla-status needs the current time: give `now` at the request's top level",
        )
    })?;
    let id = params.str("escalation_id")?;
    match (id, params.get("clock")) {
        (Some(_), Some(_)) => Err(RequestError::new(
            ErrorCode::OutOfRange,
            "parameters",
            "give either clock or escalation_id, not both",
        )),
        (None, _) => inline_status(parameters, now),
        (Some(id), None) => {
            let esc = ws.escalation(id).ok_or_else(|| {
                RequestError::new(
                    ErrorCode::UnknownEscalation,
                    "parameters.escalation_id",
                    format!("no escalation '{id}' in this workspace"),
                )
            })?;
            let clocks = clocks_for(&ws.config, esc, now)?;
            // Shown in the offset of the clock it comes from, like the clocks' own times.
            let next = clocks
                .iter()
                .filter(|c| c.next_check_at.is_some())
                .min_by_key(|c| c.next_check_at)
                .map_or(Value::Null, |c| c.to_json()["next_check_at"].clone());
            Ok(json!({
                "escalation_id": id,
                "clocks": clocks.iter().map(|c| c.to_json()).collect::<Vec<_>>(),
                "next_check_at": next,
            }))
        }
    }
}
