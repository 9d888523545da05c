//! The packed batch (`batch::determine_packed`, which the embed's `unpack` turns into JS
//! objects) says exactly what the JSON batch says: the test decodes the bytes as `unpack`
//! does, string lengths in UTF-16 code units and all, and compares answer by answer.

use escalon::batch::{determine_many, determine_packed, Batch};
use escalon::{Context, Workspace};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

mod tickets;

use tickets::ticket;

/// The decoder of `embed/js/escalon.js` (`unpack`), step for step.
struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
    text: Vec<u16>,
    cut: usize,
    names: Vec<String>,
}

impl Reader<'_> {
    fn u8(&mut self) -> u8 {
        self.at += 1;
        self.bytes[self.at - 1]
    }

    fn u16(&mut self) -> u16 {
        self.at += 2;
        u16::from_le_bytes(self.bytes[self.at - 2..self.at].try_into().unwrap())
    }

    fn u32(&mut self) -> usize {
        self.at += 4;
        u32::from_le_bytes(self.bytes[self.at - 4..self.at].try_into().unwrap()) as usize
    }

    fn piece(&mut self) -> String {
        let len = self.u32();
        self.cut += len;
        String::from_utf16(&self.text[self.cut - len..self.cut]).expect("whole characters")
    }

    fn name(&mut self) -> String {
        match self.u16() {
            0xFFFF => {
                let s = self.piece();
                self.names.push(s.clone());
                s
            }
            k => self.names[usize::from(k)].clone(),
        }
    }
}

fn unpack(bytes: &[u8]) -> Vec<Value> {
    let end = 4 + u32::from_le_bytes(bytes[..4].try_into().unwrap()) as usize;
    let text = std::str::from_utf8(&bytes[end..]).expect("UTF-8 text section");
    let mut r = Reader {
        bytes,
        at: 4,
        text: text.encode_utf16().collect(),
        cut: 0,
        names: Vec::new(),
    };
    let mut answers = Vec::new();
    while r.at < end {
        if r.u8() == 1 {
            answers.push(serde_json::from_str(&r.piece()).expect("a JSON response"));
            continue;
        }
        let [tier, score, priority, flags] = [r.u8(), r.u8(), r.u8(), r.u8()];
        let ticket = (flags & 1 != 0).then(|| r.piece());
        let mut points = Map::new();
        for _ in 0..r.u16() {
            let k = r.name();
            let v = i32::from_le_bytes(r.bytes[r.at..r.at + 4].try_into().unwrap());
            r.at += 4;
            points.insert(k, json!(v));
        }
        let matched: Vec<String> = (0..r.u16()).map(|_| r.name()).collect();
        let mut result = json!({"matched_rules": matched, "points": points,
            "priority": format!("P{}", priority + 1), "ticket": ticket, "tier": tier,
            "urgency_score": score});
        if flags & 2 != 0 {
            result["sla_raise"] = json!(r.piece());
        }
        answers.push(json!({"action": "determine-escalation", "ok": true, "result": result}));
    }
    assert_eq!(r.cut, r.text.len(), "the text section is used up");
    answers
}

fn both(ws: &Workspace, list: &str, batch: Batch<'_>) -> (Value, Value, Workspace) {
    let mut ctx = || Context::with_counter(None, "t");
    let (mut a, mut b) = (ws.clone(), ws.clone());
    let mut json_out = Vec::new();
    let mut packed_out = Vec::new();
    let ca = determine_many(&mut a, list, batch, &mut ctx, &mut json_out).expect("an array");
    let cb = determine_packed(&mut b, list, batch, &mut ctx, &mut packed_out).expect("an array");
    assert_eq!(ca, cb, "the same 'changed'");
    assert_eq!(a, b, "the same workspace afterwards");
    let want: Value = serde_json::from_slice(&json_out).unwrap();
    (want, Value::Array(unpack(&packed_out)), b)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn packed_answers_are_the_json_batch_s_answers(
        tickets in proptest::collection::vec(any::<[u8; 16]>(), 0..8),
        demo in any::<bool>(),
        detail in 0u8..3,
    ) {
        let ws = if demo { escalon::demo::demo_workspace() } else { Workspace::default() };
        let list = Value::Array(tickets.iter().map(ticket).collect()).to_string();
        let batch = Batch {
            now: Some("2025-03-01T10:00:00Z"),
            clock: None,
            detail: [None, Some("scores"), Some("full")][usize::from(detail)],
        };
        let (want, got, _) = both(&ws, &list, batch);
        prop_assert_eq!(got, want);
    }
}

/// Ids outside ASCII and outside the Basic Multilingual Plane are sliced by UTF-16 length
/// (a byte length would cut the text section wrong for every string after them).
#[test]
fn ids_beyond_ascii_are_cut_where_they_end() {
    let list = json!([
        {"issue": {"id": "T-é-😀-漢", "severity": "critical", "impact": "all_customers"},
         "customer": {"segment": "strategic"}, "detail": "scores"},
        {"issue": {"id": "T-\"2\"\\", "severity": "low", "impact": "single_user"},
         "customer": {"segment": "smb"}, "detail": "scores"},
    ])
    .to_string();
    let (want, got, _) = both(&Workspace::default(), &list, Batch::default());
    assert_eq!(got, want);
    assert_eq!(got[0]["result"]["ticket"], "T-é-😀-漢");
    assert_eq!(got[1]["result"]["ticket"], "T-\"2\"\\");
}

/// Names repeat on every ticket and are sent once; the second ticket's answer still names
/// every factor (regression guard for the index of names given before).
#[test]
fn a_name_given_before_is_named_again_by_index() {
    let one = json!({"issue": {"severity": "high", "impact": "multiple_customers"},
        "customer": {"segment": "enterprise"}, "context": {"customer_sentiment": "angry"}});
    let list = json!([one, one, one]).to_string();
    let batch = Batch {
        detail: Some("scores"),
        ..Batch::default()
    };
    let (want, got, _) = both(&Workspace::default(), &list, batch);
    assert_eq!(got, want);
    assert_eq!(got[2]["result"]["points"], got[0]["result"]["points"]);
    assert!(!got[2]["result"]["points"].as_object().unwrap().is_empty());
}

#[test]
fn a_broken_list_leaves_the_buffer_and_the_workspace_as_they_were() {
    let recorded = r#"{"issue":{"id":"T-1","severity":"high","impact":"all_customers"},"customer":{"segment":"smb"},"record":true}"#;
    let good =
        r#"{"issue":{"severity":"high","impact":"all_customers"},"customer":{"segment":"smb"}}"#;
    for list in [
        format!("[{good},{recorded},"),
        format!("[{good}{good}]"),
        "{}".to_string(),
    ] {
        let mut ws = Workspace::default();
        let before = ws.clone();
        let mut out = b"kept".to_vec();
        let mut ctx = || Context::with_counter(None, "t");
        let e = determine_packed(&mut ws, &list, Batch::default(), &mut ctx, &mut out);
        assert_eq!(
            e.unwrap_err().code,
            escalon::error::ErrorCode::WrongType,
            "{list}"
        );
        assert_eq!(out, b"kept", "{list}");
        assert_eq!(ws, before, "{list}");
    }
}
