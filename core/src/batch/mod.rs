//! Bulk triage: a JSON array of determine-escalation `parameters` in, a JSON array of the
//! door's responses out, byte for byte what asking the door ticket by ticket gives.
//!
//! Why not just loop over the door: at thousands of tickets a call, reading each ticket
//! into a `Value` tree and wrapping it in a request envelope cost more than deciding it.
//! A ticket of the usual shape is read straight from its text (`decide::input_text`) and
//! decided; anything else (a bad field, a recording, rules that read the request's own
//! fields) goes through the door as before, so errors and recordings are the door's own.

use jiff::Timestamp;
use serde::de::IgnoredAny;
use serde_json::value::RawValue;
use serde_json::{json, Map, Value};

use crate::context::Context;
use crate::decide::scan::skip_space;
use crate::decide::{self, input_text, Detail};
use crate::error::{ErrorCode, RequestError};
use crate::params::parse_timestamp;
use crate::workspace::Workspace;

/// What applies to every ticket of a batch.
#[derive(Debug, Clone, Copy, Default)]
pub struct Batch<'a> {
    /// The host's chosen instant, put in each ticket's request as `now` (so it is checked
    /// as any request's `now` is).
    pub now: Option<&'a str>,
    /// The host's clock, used when `now` is not given.
    pub clock: Option<Timestamp>,
    /// The `detail` of tickets that set none; checked like a ticket's own.
    pub detail: Option<&'a str>,
}

mod packed;

pub use packed::determine_packed;

use crate::door::ANSWER_PREFIX;

/// Where a batch's answers go, ticket after ticket: one JSON array ([`determine_many`]) or
/// a packed form the embed's JavaScript turns into the same objects ([`determine_packed`]).
trait Sink {
    /// A ticket decided without the door.
    fn decided(&mut self, answer: &decide::Answer<'_>);
    /// A ticket answered by the door, which writes its response as JSON text.
    fn door(&mut self, write: &mut dyn FnMut(&mut Vec<u8>) -> bool) -> bool;
    /// All tickets answered.
    fn finish(&mut self);
    /// The list turned out broken: back to what was there before the first answer.
    fn undo(&mut self);
}

/// Appends to `out` the array of responses; `Err` when `list` is not a JSON array.
/// `context` makes each door request's context (its event ids), as the caller's door
/// would. Returns whether any ticket changed the workspace (a recording).
///
/// The list is read in one pass, ticket after ticket. A ticket read directly changes
/// nothing, so a list found broken halfway is still refused whole, with `out` as it was;
/// before the first ticket that goes through the door (which may record), the whole list
/// is checked first.
pub fn determine_many(
    ws: &mut Workspace,
    list: &str,
    batch: Batch<'_>,
    context: &mut dyn FnMut() -> Context,
    out: &mut Vec<u8>,
) -> Result<bool, RequestError> {
    let start = out.len();
    walk(
        ws,
        list,
        batch,
        context,
        &mut JsonArray {
            out,
            start,
            first: true,
        },
    )
}

/// The answers as the JSON array the door's responses make.
struct JsonArray<'o> {
    out: &'o mut Vec<u8>,
    start: usize,
    first: bool,
}

impl JsonArray<'_> {
    fn next(&mut self) {
        self.out.push(if self.first { b'[' } else { b',' });
        self.first = false;
    }
}

impl Sink for JsonArray<'_> {
    fn decided(&mut self, answer: &decide::Answer<'_>) {
        self.next();
        self.out.extend_from_slice(ANSWER_PREFIX);
        decide::write_answer(self.out, answer);
        self.out.push(b'}');
    }

    fn door(&mut self, write: &mut dyn FnMut(&mut Vec<u8>) -> bool) -> bool {
        self.next();
        write(self.out)
    }

    fn finish(&mut self) {
        if self.first {
            self.out.push(b'[');
        }
        self.out.push(b']');
    }

    fn undo(&mut self) {
        self.out.truncate(self.start);
    }
}

/// The one pass over the list shared by both sinks.
fn walk(
    ws: &mut Workspace,
    list: &str,
    batch: Batch<'_>,
    context: &mut dyn FnMut() -> Context,
    sink: &mut dyn Sink,
) -> Result<bool, RequestError> {
    let not_an_array = || {
        RequestError::new(
            ErrorCode::WrongType,
            "",
            "expected a JSON array of determine-escalation parameters",
        )
    };
    let direct = Direct::of(ws, batch);
    // Whether the whole list is known to be a JSON array: checked at most once.
    let mut checked = false;
    let mut check_whole = || {
        checked = checked || serde_json::from_str::<Vec<IgnoredAny>>(list).is_ok();
        checked
    };
    if direct.is_none() && !check_whole() {
        return Err(not_an_array());
    }
    let mut pos = skip_space(list, 0);
    if list.as_bytes().get(pos) != Some(&b'[') {
        return Err(not_an_array());
    }
    pos = skip_space(list, pos + 1);
    let empty = Value::Object(Map::new());
    let mut changed = false;
    let mut first = true;
    let closed = loop {
        if first && list.as_bytes().get(pos) == Some(&b']') {
            break Some(pos + 1);
        }
        first = false;
        let rest = &list[pos..];
        let read = direct.and_then(|d| {
            input_text::read_first(rest, d.detail)
                .filter(|(i, _)| !i.record)
                .map(|(i, used)| (d, i, used))
        });
        let used = if let Some((d, input, used)) = read {
            let rules = ws.rules().expect("checked by Direct::of");
            sink.decided(&decide::answer(ws, rules, &empty, &input, d.now));
            used
        } else {
            let Some((item, used)) = check_whole().then(|| first_value(rest)).flatten() else {
                break None;
            };
            changed |= sink.door(&mut |out| through_the_door(ws, item, batch, context, out));
            used
        };
        pos = skip_space(list, pos + used);
        match list.as_bytes().get(pos) {
            Some(b',') => pos = skip_space(list, pos + 1),
            Some(b']') => break Some(pos + 1),
            _ => break None,
        }
    };
    match closed {
        Some(end) if skip_space(list, end) == list.len() => {
            sink.finish();
            Ok(changed)
        }
        _ => {
            sink.undo();
            Err(not_an_array())
        }
    }
}

/// The text of the JSON value at the start of `text` and the offset just past it.
fn first_value(text: &str) -> Option<(&str, usize)> {
    let mut values = serde_json::Deserializer::from_str(text).into_iter::<&RawValue>();
    let raw = values.next()?.ok()?;
    Some((raw.get(), values.byte_offset()))
}

/// The batch's settings when tickets may skip the door: its `now` and default detail read,
/// and rules that compile and read only computed facts (the request's own fields are not
/// kept by the direct reader).
#[derive(Clone, Copy)]
struct Direct {
    now: Option<Timestamp>,
    detail: Detail,
}

impl Direct {
    fn of(ws: &Workspace, b: Batch<'_>) -> Option<Direct> {
        let now = match b.now {
            None => b.clock,
            Some(s) => Some(parse_timestamp(s, "now").ok()?),
        };
        let detail = match b.detail {
            None => Detail::Full,
            Some(d) => decide::input::detail_named(d)?,
        };
        let rules = ws.rules().ok()?;
        let own_fields = ["issue", "customer", "context"]
            .iter()
            .any(|part| rules.reads(part));
        (!own_fields).then_some(Direct { now, detail })
    }
}

/// One ticket as its own request, as a host would send it.
fn through_the_door(
    ws: &mut Workspace,
    text: &str,
    batch: Batch<'_>,
    context: &mut dyn FnMut() -> Context,
    out: &mut Vec<u8>,
) -> bool {
    // Read as strictly as one request's text is (`strict_json`): a key given twice, a lone
    // surrogate or a number past f64 is the ticket's own `invalid_json`, at its path.
    let mut p = match crate::strict_json::parse(text, "ticket") {
        Ok(p) => p,
        Err(mut e) => {
            e.path = match e.path.as_str() {
                "" => "parameters".to_string(),
                path => format!("parameters.{path}"),
            };
            let answer = json!({"action": "determine-escalation", "ok": false, "error": e});
            serde_json::to_writer(&mut *out, &answer).expect("writing JSON to a Vec cannot fail");
            return false;
        }
    };
    if let (Some(d), Some(m)) = (batch.detail, p.as_object_mut()) {
        m.entry("detail").or_insert_with(|| Value::from(d));
    }
    let mut req = Map::new();
    req.insert("action".into(), Value::from("determine-escalation"));
    if let Some(t) = batch.now {
        req.insert("now".into(), Value::from(t));
    }
    req.insert("parameters".into(), p);
    let mut ctx = context();
    ctx.now = batch.clock;
    crate::door::handle_into(ws, &Value::Object(req), &mut ctx, out);
    ctx.changed()
}
