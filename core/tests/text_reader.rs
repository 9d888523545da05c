//! The bulk reader (`decide::input_text`) against the door's parser on texts chosen for the
//! places a hand-written JSON reader goes wrong: number forms, spacing, nulls, repeated and
//! unknown keys, escapes. For each, the reader either declines (the door then reads the
//! ticket) or reads exactly what the door reads.

use escalon::decide::{input, input_text, Detail};
use serde_json::Value;

/// Whether the door reads `text` as `got`.
fn door_reads(text: &str, got: &input::DecisionInput) -> bool {
    let v: Option<Value> = escalon::strict_json::parse(text, "").ok();
    v.as_ref().and_then(|v| input::parse(v).ok()).as_ref() == Some(got)
}

const BASE: &str =
    r#""issue":{"severity":"high","impact":"single_user"},"customer":{"segment":"smb"}"#;

#[test]
fn the_reader_declines_or_agrees_with_the_door() {
    let with = |extra: &str| format!("{{{BASE}{extra}}}");
    let cases = [
        with(""),
        with(r#","context":null"#),
        with(r#","context":{}"#),
        with(r#","context":{"previous_escalations":-0}"#),
        with(r#","context":{"previous_escalations":3,"previous_escalations":4}"#),
        with(r#","context":{"previous_escalations":2.0}"#),
        with(r#","context":{"previous_escalations":9223372036854775808}"#),
        with(r#","record":null"#),
        with(r#","record":false"#),
        with(r#","detail":null"#),
        with(r#","detail":"scores""#),
        with(r#","detail":"sc\u006fres""#),
        with(r#","issue":{}"#),
        r#"{"issue":{"severity":"high","impact":"single_user","duration_hours":1E1,"affected_users":-0},"customer":{"segment":"smb"}}"#.to_string(),
        r#"{"issue":{"severity":"high","impact":"single_user","duration_hours":0.1e1},"customer":{"segment":"smb","health_score":-0,"contract_value":1e5}}"#.to_string(),
        r#"{"issue":{"severity":"high","impact":"single_user","duration_hours":01},"customer":{"segment":"smb"}}"#.to_string(),
        r#"{"issue":{"severity":"high","impact":"single_user","duration_hours":0.30000000000000004},"customer":{"segment":"smb","health_score":99.99999999999999999}}"#.to_string(),
        r#"{"issue":{"severity":"high","impact":"single_user","id":null,"summary":"a\"b"},"customer":{"segment":"smb"}}"#.to_string(),
        r#"{"issue":{"severity":"high","impact":"single_user","summary":"ünïcödé ✓"},"customer":{"segment":"smb","name":"Zoë"}}"#.to_string(),
        " \n\t{ \"issue\" : { \"severity\" : \"high\" , \"impact\" : \"single_user\" } ,\r\n \"customer\" : { \"segment\" : \"smb\" } } \n".to_string(),
        r#"{"issue":{"severity":"high","impact":"single_user"},"customer":{"segment":"smb"}} x"#.to_string(),
        r#"{"issue":{"severity":"high","impact":"single_user"},"customer":{"segment":"smb"},}"#.to_string(),
        r#"{"issue":{"severity":"high","impact":"single_user"}}"#.to_string(),
        r#"{"issue":{"severity":true,"impact":"single_user"},"customer":{"segment":"smb"}}"#.to_string(),
        r#"{"issue":{"severity":"high","impact":"single_user"},"customer":{"segment":"smb","health_score":"40"}}"#.to_string(),
    ];
    let mut read = 0;
    for text in &cases {
        if let Some(got) = input_text::read(text, Detail::Full) {
            read += 1;
            assert!(door_reads(text, &got), "{text}: {got:?}");
        }
    }
    // Plain tickets, spaced or not, take the fast path (else the reader would be pointless).
    for text in [
        &cases[0], &cases[1], &cases[7], &cases[10], &cases[18], &cases[19],
    ] {
        assert!(input_text::read(text, Detail::Full).is_some(), "{text}");
    }
    assert!(read >= 6);
}
