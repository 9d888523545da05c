//! The one door: `{action, parameters}` in, `{ok, action, result | error}` out. Every shell
//! (web, embed, cli) calls [`handle`]; nothing else in core is a public entry for actions.

use jiff::Timestamp;
use serde_json::{json, Map, Value};

use crate::context::Context;
use crate::error::{ErrorCode, RequestError};
use crate::params::{as_obj, parse_timestamp};
use crate::workspace::Workspace;
use crate::{decide, track};

/// Actions the door knows. Those whose engine is not built yet answer `not_implemented`.
pub const ACTIONS: &[&str] = &[
    "determine-escalation",
    "generate-notification",
    "track-progress",
    "calculate-metrics",
    "recommend-deescalation",
    "sla-status",
    "generate-handoff",
    "stalled-report",
    "escalation-chain",
    "major-incident",
    "update-config",
];

const ENVELOPE: &[&str] = &["skill", "action", "parameters", "now", "actor"];

/// Stateless convenience: answers one request (JSON text) against a fresh default
/// workspace that is thrown away afterwards. Use [`handle`] to work on real data.
/// The text is read strictly ([`crate::strict_json`]): a key given twice is an error.
pub fn run(request: &str) -> Value {
    match crate::strict_json::parse(request, "request") {
        Ok(value) => run_value(&value),
        Err(e) => error_response(None, e),
    }
}

/// Like [`run`], for a request already parsed into a JSON value.
pub fn run_value(request: &Value) -> Value {
    let mut ws = Workspace::default();
    let mut ctx = Context::with_counter(None, "stateless");
    handle(&mut ws, request, &mut ctx)
}

/// Answers one request against `workspace`, appending events when the action records
/// something; afterwards `ctx.changed()` tells the shell whether to save. On error the
/// workspace is left exactly as it was.
pub fn handle(workspace: &mut Workspace, request: &Value, ctx: &mut Context) -> Value {
    ctx.set_changed(false);
    let action = match action_of(request) {
        Ok(a) => a,
        Err(e) => return error_response(None, e),
    };
    match dispatch(workspace, action, request, ctx) {
        Ok(result) => {
            // Built by hand: `json!` would copy `result` through serde instead of moving it.
            let mut out = Map::new();
            out.insert("ok".into(), Value::Bool(true));
            out.insert("action".into(), Value::from(action));
            out.insert("result".into(), result);
            Value::Object(out)
        }
        Err(e) => {
            ctx.set_changed(false);
            error_response(Some(action), e)
        }
    }
}

/// What a successful determine-escalation response starts with: the envelope's keys in the
/// order a `Value` map sorts them, as [`handle`] writes them.
pub(crate) const ANSWER_PREFIX: &[u8] =
    b"{\"action\":\"determine-escalation\",\"ok\":true,\"result\":";

/// [`handle`], writing the response as JSON text onto `out`: the same bytes as
/// `handle(..).to_string()`. A decision that records nothing is written straight from its
/// structs (`decide::write_decision`), without building a `Value` tree first; building,
/// copying and serialising that tree was most of the cost of bulk triage. Everything else
/// goes through [`handle`].
pub fn handle_into(
    workspace: &mut Workspace,
    request: &Value,
    ctx: &mut Context,
    out: &mut Vec<u8>,
) {
    if let Ok(action @ "determine-escalation") = action_of(request) {
        ctx.set_changed(false);
        match write_direct(workspace, request, ctx, out) {
            Ok(true) => return,
            Ok(false) => {}
            Err(e) => {
                let response = error_response(Some(action), e);
                serde_json::to_writer(out, &response).expect("writing JSON to a Vec cannot fail");
                return;
            }
        }
    }
    let response = handle(workspace, request, ctx);
    serde_json::to_writer(out, &response).expect("writing JSON to a Vec cannot fail");
}

/// Writes the response to a `determine-escalation` request that records nothing; `false`
/// (nothing written) when it records (that path changes the workspace and adds fields, so
/// [`handle`] answers it). Checks happen in the order [`dispatch`] and [`determine`] make them.
fn write_direct(
    ws: &Workspace,
    request: &Value,
    ctx: &Context,
    out: &mut Vec<u8>,
) -> Result<bool, RequestError> {
    let env = envelope(request, ctx)?;
    let empty = Value::Object(Map::new());
    let parameters = env.parameters.unwrap_or(&empty);
    let input = decide::input::parse(parameters)?;
    if input.record {
        return Ok(false);
    }
    let rules = ws.rules()?;
    let answer = decide::answer(ws, rules, parameters, &input, env.now);
    out.extend_from_slice(ANSWER_PREFIX);
    decide::write_answer(out, &answer);
    out.push(b'}');
    Ok(true)
}

/// What every action reads from the request's envelope.
struct Envelope<'r> {
    now: Option<Timestamp>,
    actor: String,
    /// `None` when absent (an empty object).
    parameters: Option<&'r Value>,
}

fn envelope<'r>(request: &'r Value, ctx: &Context) -> Result<Envelope<'r>, RequestError> {
    let envelope = as_obj(request, "")?;
    if let Some(k) = envelope
        .map
        .keys()
        .find(|k| !ENVELOPE.contains(&k.as_str()))
    {
        return Err(RequestError::new(
            ErrorCode::UnknownField,
            k.as_str(),
            format!(
                "unknown request field '{k}'; known: {}",
                ENVELOPE.join(", ")
            ),
        ));
    }
    envelope.str("skill")?;
    let now: Option<Timestamp> = match envelope.str("now")? {
        Some(s) => Some(parse_timestamp(s, "now")?),
        None => ctx.now,
    };
    let actor = envelope.str("actor")?.unwrap_or(&ctx.actor).to_string();
    let parameters = envelope.get("parameters");
    if let Some(p) = parameters {
        as_obj(p, "parameters")?;
    }
    Ok(Envelope {
        now,
        actor,
        parameters,
    })
}

fn dispatch(
    ws: &mut Workspace,
    action: &str,
    request: &Value,
    ctx: &mut Context,
) -> Result<Value, RequestError> {
    let Envelope {
        now,
        actor,
        parameters,
    } = envelope(request, ctx)?;
    let empty = Value::Object(Map::new());
    let parameters = parameters.unwrap_or(&empty);

    match action {
        "determine-escalation" => determine(ws, parameters, ctx, now, &actor),
        "track-progress" => track::track_progress(ws, parameters, ctx, now, &actor),
        "sla-status" => crate::sla::sla_status(ws, parameters, now),
        "calculate-metrics" => crate::metrics::calculate(ws, parameters, now),
        "generate-notification" => {
            crate::notify::generate_notification(ws, parameters, ctx, now, &actor)
        }
        "generate-handoff" => crate::notify::generate_handoff(ws, parameters, now),
        "recommend-deescalation" => {
            crate::deescalate::recommend_deescalation(ws, parameters, ctx, now, &actor)
        }
        "stalled-report" => crate::aging::stalled_report(ws, parameters, ctx, now, &actor),
        "escalation-chain" => crate::aging::escalation_chain(ws, parameters, ctx, now, &actor),
        "major-incident" => crate::incident::major_incident(ws, parameters, ctx, now, &actor),
        "update-config" => crate::config_update::update_config(ws, parameters, ctx, now),
        other => Err(RequestError::new(
            ErrorCode::NotImplemented,
            "action",
            format!("action '{other}' is not implemented yet"),
        )),
    }
}

fn determine(
    ws: &mut Workspace,
    parameters: &Value,
    ctx: &mut Context,
    now: Option<Timestamp>,
    actor: &str,
) -> Result<Value, RequestError> {
    let input = decide::input::parse(parameters)?;
    let answer = {
        let rules = ws.rules()?;
        decide::answer(ws, rules, parameters, &input, now)
    };
    let mut result = serde_json::to_value(&answer).expect("a decision serialises");
    if input.record {
        let now = now.ok_or_else(|| {
            RequestError::new(
                ErrorCode::MissingField,
                "now",
                "recording an escalation needs the current time: give `now`",
            )
        })?;
        let (id, how) = decide::record(ws, answer.verdict(), &input, ctx, now, actor);
        ctx.set_changed(how != "unchanged");
        result["escalation_id"] = json!(id);
        result["recorded"] = json!(how);
    }
    Ok(result)
}

fn action_of(request: &Value) -> Result<&str, RequestError> {
    let obj = request.as_object().ok_or_else(|| {
        RequestError::new(ErrorCode::WrongType, "", "request must be a JSON object")
    })?;
    let action = obj
        .get("action")
        .ok_or_else(|| RequestError::new(ErrorCode::MissingField, "action", "missing field"))?
        .as_str()
        .ok_or_else(|| RequestError::new(ErrorCode::WrongType, "action", "expected a string"))?;
    if !ACTIONS.contains(&action) {
        return Err(RequestError::new(
            ErrorCode::UnknownAction,
            "action",
            format!(
                "unknown action '{action}'; known actions: {}",
                ACTIONS.join(", ")
            ),
        ));
    }
    Ok(action)
}

fn error_response(action: Option<&str>, error: RequestError) -> Value {
    let mut v = json!({ "ok": false, "error": error });
    if let Some(a) = action {
        v["action"] = json!(a);
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_action_names_the_field() {
        let r = run(r#"{"action":"launch-rockets","parameters":{}}"#);
        assert_eq!(r["ok"], false);
        assert_eq!(r["error"]["code"], "unknown_action");
        assert_eq!(r["error"]["path"], "action");
    }

    #[test]
    fn garbage_is_invalid_json_not_a_panic() {
        let r = run("{not json");
        assert_eq!(r["error"]["code"], "invalid_json");
    }

    #[test]
    fn missing_action_is_reported() {
        let r = run(r#"{"parameters":{}}"#);
        assert_eq!(r["error"]["code"], "missing_field");
        assert_eq!(r["error"]["path"], "action");
    }

    #[test]
    fn every_listed_action_is_implemented() {
        for a in ACTIONS {
            let r = run_value(&json!({"action": a, "parameters": {}}));
            assert_ne!(r["error"]["code"], "not_implemented", "{a}: {r}");
        }
    }

    #[test]
    fn record_without_now_asks_for_now() {
        let r = run(
            r#"{"action":"determine-escalation","parameters":{"record":true,
            "issue":{"severity":"low","impact":"single_user"},"customer":{"segment":"smb"}}}"#,
        );
        assert_eq!(r["error"]["code"], "missing_field");
        assert_eq!(r["error"]["path"], "now");
    }

    #[test]
    fn record_creates_an_escalation_and_marks_the_workspace_changed() {
        let mut ws = Workspace::default();
        let mut ctx = Context::with_counter(None, "t");
        let req = json!({"action": "determine-escalation", "now": "2025-02-01T09:00:00Z",
            "parameters": {"record": true, "issue": {"id": "T-9", "severity": "critical",
            "impact": "all_customers"}, "customer": {"segment": "strategic", "id": "acme"}}});
        let r = handle(&mut ws, &req, &mut ctx);
        assert_eq!(r["result"]["escalation_id"], "ESC-2025-001", "{r}");
        assert_eq!(r["result"]["tier"], 4);
        assert!(ctx.changed());
        assert_eq!(ws.escalations.len(), 1);
        // The same ticket again is not a duplicate.
        let r = handle(&mut ws, &req, &mut ctx);
        assert_eq!(r["result"]["recorded"], "unchanged");
        assert!(!ctx.changed());
        assert_eq!(ws.escalations.len(), 1);
    }
}
