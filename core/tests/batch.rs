//! Bulk triage (`batch::determine_many`) answers exactly as the door does ticket by ticket:
//! the same bytes, the same workspace afterwards, the same "changed". Tickets are drawn
//! with good and bad values alike (wrong types, out of range, escaped text, stray keys,
//! recordings), because the batch reads the usual shape itself and hands the rest to the
//! door, and the two must never be told apart.

use escalon::batch::{determine_many, Batch};
use escalon::decide::{input, input_text, Detail};
use escalon::{Context, Workspace};
use proptest::prelude::*;
use serde_json::{json, Value};

mod tickets;

use tickets::ticket;

/// What a host asking the door ticket by ticket gets: the batch's settings in each request.
fn ticket_by_ticket(ws: &mut Workspace, list: &[Value], batch: Batch<'_>) -> (String, bool) {
    let mut answers = Vec::new();
    let mut changed = false;
    for p in list {
        let mut p = p.clone();
        if let (Some(d), Some(m)) = (batch.detail, p.as_object_mut()) {
            m.entry("detail").or_insert_with(|| json!(d));
        }
        let mut req = json!({"action": "determine-escalation", "parameters": p});
        if let Some(t) = batch.now {
            req["now"] = json!(t);
        }
        let mut ctx = Context::with_counter(None, "t");
        ctx.now = batch.clock;
        answers.push(escalon::handle(ws, &req, &mut ctx));
        changed |= ctx.changed();
    }
    (Value::Array(answers).to_string(), changed)
}

fn batch_of(ws: &mut Workspace, list: &[Value], batch: Batch<'_>, pretty: bool) -> (String, bool) {
    let mut out = Vec::new();
    let mut ctx = || Context::with_counter(None, "t");
    let list = Value::Array(list.to_vec());
    // The list is read ticket by ticket from its text: spacing between tokens must not matter.
    let text = if pretty {
        serde_json::to_string_pretty(&list).unwrap()
    } else {
        list.to_string()
    };
    let changed = determine_many(ws, &text, batch, &mut ctx, &mut out).expect("an array");
    (String::from_utf8(out).unwrap(), changed)
}

/// A config whose rule reads the ticket's own field (so tickets cannot skip the door).
fn reading_request_fields() -> Workspace {
    let mut ws = Workspace::default();
    let mut rule = ws.config.rules[0].clone();
    rule.id = "emea".into();
    rule.condition = json!({"==": [{"var": "issue.region"}, "emea"]});
    ws.config.rules.push(rule);
    ws
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn a_batch_answers_as_the_door_does_ticket_by_ticket(
        tickets in proptest::collection::vec(any::<[u8; 16]>(), 1..6),
        which in 0u8..3,
        now in 0u8..4,
        detail in 0u8..5,
        pretty in any::<bool>(),
    ) {
        let ws = match which {
            0 => Workspace::default(),
            1 => escalon::demo::demo_workspace(),
            _ => reading_request_fields(),
        };
        let list: Vec<Value> = tickets.iter().map(ticket).collect();
        let batch = Batch {
            now: [None, Some("2025-03-01T10:00:00Z"), Some("2025-03-01"), Some("yesterday")][usize::from(now)],
            clock: Some("2025-02-20T09:00:00Z".parse().unwrap()),
            detail: [None, Some("scores"), Some("triage"), Some("full"), Some("brief")][usize::from(detail)],
        };
        let (mut a, mut b) = (ws.clone(), ws);
        let want = ticket_by_ticket(&mut a, &list, batch);
        let got = batch_of(&mut b, &list, batch, pretty);
        prop_assert_eq!(got, want);
        prop_assert_eq!(b, a, "the same workspace afterwards");
    }

    /// Whatever the text reader accepts, it reads as the door's parser does.
    #[test]
    fn the_text_reader_reads_as_the_parser_does(p in any::<[u8; 16]>()) {
        let params = ticket(&p);
        if let Some(read) = input_text::read(&params.to_string(), Detail::Full) {
            prop_assert_eq!(Some(read), input::parse(&params).ok());
        }
    }
}

#[test]
fn the_usual_ticket_is_read_from_its_text() {
    let params = json!({"issue": {"id": "T-1", "severity": "high", "impact": "single_user"},
        "customer": {"segment": "smb", "health_score": 40},
        "context": {"customer_sentiment": "angry"}});
    let text = params.to_string();
    let read = input_text::read(&text, Detail::Scores).expect("read directly");
    assert_eq!(read.detail, Detail::Scores, "the batch's detail applies");
    assert_eq!(Ok(Detail::Full), input::parse(&params).map(|i| i.detail));
    assert_eq!(read.sentiment.name, "angry");
    // Left to the door, which reads strictly and names the field: a field the reader does
    // not read (skipping it would not check it), and a list where an object belongs.
    let mut extra = params.clone();
    extra["issue"]["region"] = json!("emea");
    let mut listed = params.clone();
    listed["context"] = json!([3, "angry"]);
    for other in [extra, listed] {
        assert!(
            input_text::read(&other.to_string(), Detail::Full).is_none(),
            "{other}"
        );
    }
}

/// A ticket's text is read as strictly as one request's: the door's `strict_json`, not the
/// lenient reading a list split into raw values would give (regressions: a repeated key was
/// decided with its last value, a lone surrogate or a huge number in a field nobody reads
/// was decided at all).
#[test]
fn a_ticket_s_text_is_read_strictly() {
    let ok = r#"{"issue":{"severity":"low","impact":"single_user"},"customer":{"segment":"smb"}}"#;
    for (ticket, path) in [
        (
            r#"{"issue":{"severity":"low","severity":"critical","impact":"all_customers"},"customer":{"segment":"smb"}}"#,
            "parameters.issue.severity",
        ),
        (
            r#"{"issue":{"severity":"high","impact":"single_user","note":"\ud800"},"customer":{"segment":"smb"}}"#,
            "parameters",
        ),
        (
            r#"{"issue":{"severity":"high","impact":"single_user","duration_hours":1e999},"customer":{"segment":"smb"}}"#,
            "parameters",
        ),
    ] {
        let mut out = Vec::new();
        let mut ctx = || Context::with_counter(None, "t");
        let list = format!("[{ok},{ticket}]");
        determine_many(
            &mut Workspace::default(),
            &list,
            Batch::default(),
            &mut ctx,
            &mut out,
        )
        .expect("an array");
        let answers: Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(answers[0]["ok"], true, "{answers}");
        let e = &answers[1];
        assert_eq!(e["ok"], false, "{ticket}: {e}");
        assert_eq!(e["action"], "determine-escalation");
        assert_eq!(e["error"]["code"], "invalid_json", "{ticket}: {e}");
        assert_eq!(e["error"]["path"], path, "{ticket}: {e}");
    }
}

#[test]
fn a_list_that_is_not_an_array_is_one_error() {
    let mut out = Vec::new();
    let mut ctx = || Context::with_counter(None, "t");
    let e = determine_many(
        &mut Workspace::default(),
        "{}",
        Batch::default(),
        &mut ctx,
        &mut out,
    )
    .unwrap_err();
    assert_eq!(e.code, escalon::error::ErrorCode::WrongType);
    assert!(out.is_empty());
}

/// A list broken anywhere is refused whole, before any ticket is decided or recorded, even
/// though the list is read ticket by ticket: `out` keeps what it held and the workspace is
/// unchanged.
#[test]
fn a_list_broken_after_good_tickets_is_refused_whole() {
    let good =
        r#"{"issue":{"severity":"high","impact":"all_customers"},"customer":{"segment":"smb"}}"#;
    let recorded = r#"{"issue":{"id":"T-1","severity":"high","impact":"all_customers"},"customer":{"segment":"smb"},"record":true}"#;
    let batch = Batch {
        now: Some("2025-03-01T10:00:00Z"),
        ..Batch::default()
    };
    for list in [
        format!("[{good},{good},"),
        format!("[{good},{good},]"),
        format!("[{good}{good}]"),
        format!("[{good},{recorded}] x"),
        format!("[{recorded},{good}"),
        format!("[{good},{recorded},{good},"),
        format!("[,{good}]"),
        good.to_string(),
        String::new(),
    ] {
        let mut ws = Workspace::default();
        let before = ws.clone();
        let mut out = b"kept".to_vec();
        let mut ctx = || Context::with_counter(None, "t");
        let e = determine_many(&mut ws, &list, batch, &mut ctx, &mut out).unwrap_err();
        assert_eq!(e.code, escalon::error::ErrorCode::WrongType, "{list}");
        assert_eq!(out, b"kept", "{list}");
        assert_eq!(ws, before, "{list}");
    }
    // The same tickets in a well-formed list, with spacing, are all answered and recorded.
    let mut ws = Workspace::default();
    let mut out = Vec::new();
    let mut ctx = || Context::with_counter(None, "t");
    let list = format!(" [ {good} ,\n\t{recorded} , {good} ] \n");
    let changed = determine_many(&mut ws, &list, batch, &mut ctx, &mut out).unwrap();
    let answers: Vec<Value> = serde_json::from_slice(&out).unwrap();
    assert_eq!(answers.len(), 3);
    assert!(answers.iter().all(|a| a["ok"] == true), "{answers:?}");
    assert!(changed);
}
