//! A decision written as JSON text straight from its structs, for bulk triage: the same bytes
//! as serialising `serde_json::to_value(&decision)` (keys in the sorted order a `Value` map
//! gives them, strings escaped as serde_json escapes them), as `tests/door_bytes.rs` checks.
//! A field added to a decision must be added here too; that test fails until it is.
//!
//! Why not serde: in the size-optimised build a ticket's 2-3 KB answer went through several
//! calls per key, string and punctuation mark, and writing answers was half the time of
//! `determineEscalations` in WASM. Here constant keys are one copy each, and a string that
//! needs no escaping (nearly all) is checked once and copied whole.

use serde_json::Value;

use super::scan::plain_run;
use super::score::Reason;
use super::{Answer, Decision, History, Recommendation, Scores, Stakeholder};

/// Appends an answer at any detail as a JSON object.
pub fn write_answer(out: &mut Vec<u8>, a: &Answer) {
    match a {
        Answer::Decision(d) => write_decision(out, d),
        Answer::Scores(s) => scores(out, s),
    }
}

/// Appends `d` as a JSON object.
pub fn write_decision(out: &mut Vec<u8>, d: &Decision) {
    out.push(b'{');
    if let Some(b) = &d.briefing {
        out.extend_from_slice(b"\"history\":");
        history(out, &b.history);
        out.push(b',');
    }
    out.extend_from_slice(b"\"matched_rules\":");
    list(out, &d.matched_rules, |o, s| string(o, s));
    out.extend_from_slice(b",\"priority\":");
    string(out, d.priority);
    out.extend_from_slice(b",\"reasons\":");
    list(out, &d.reasons, reason);
    if let Some(b) = &d.briefing {
        out.extend_from_slice(b",\"recommended_actions\":");
        list(out, &b.recommended_actions, recommendation);
    }
    out.extend_from_slice(b",\"response_target_minutes\":");
    int(out, i64::from(d.response_target_minutes));
    if let Some(b) = &d.briefing {
        out.extend_from_slice(b",\"stakeholders\":");
        list(out, &b.stakeholders, stakeholder);
    }
    ticket_and_tier(out, d.ticket.as_deref(), d.tier);
    out.extend_from_slice(b",\"tier_name\":");
    string(out, &d.tier_name);
    out.extend_from_slice(b",\"tier_reasons\":");
    list(out, &d.tier_reasons, |o, s| string(o, s));
    out.extend_from_slice(b",\"urgency_score\":");
    int(out, i64::from(d.urgency_score));
    out.push(b'}');
}

fn scores(out: &mut Vec<u8>, s: &Scores) {
    out.extend_from_slice(b"{\"matched_rules\":");
    list(out, &s.matched_rules, |o, r| string(o, &r.id));
    out.extend_from_slice(b",\"points\":{");
    for (k, p) in s.points.iter().enumerate() {
        if k > 0 {
            out.push(b',');
        }
        string(out, p.factor);
        out.push(b':');
        int(out, i64::from(p.points));
    }
    out.extend_from_slice(b"},\"priority\":");
    string(out, s.priority);
    if let Some(raise) = &s.sla_raise {
        out.extend_from_slice(b",\"sla_raise\":");
        string(out, raise);
    }
    ticket_and_tier(out, s.ticket, s.tier);
    out.extend_from_slice(b",\"urgency_score\":");
    int(out, i64::from(s.urgency_score));
    out.push(b'}');
}

/// `,"ticket":..,"tier":..`, next to each other in both answers' sorted keys.
fn ticket_and_tier(out: &mut Vec<u8>, ticket: Option<&str>, tier: u8) {
    out.extend_from_slice(b",\"ticket\":");
    match ticket {
        Some(t) => string(out, t),
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"tier\":");
    int(out, i64::from(tier));
}

fn history(out: &mut Vec<u8>, h: &History) {
    out.extend_from_slice(b"{\"customer\":");
    match &h.customer {
        Some(c) => string(out, c),
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"escalations\":");
    list(out, &h.escalations, |o, s| string(o, s));
    out.extend_from_slice(b",\"window_days\":");
    int(out, i64::from(h.window_days));
    out.push(b'}');
}

fn reason(out: &mut Vec<u8>, r: &Reason) {
    out.extend_from_slice(b"{\"factor\":");
    string(out, &r.factor);
    out.extend_from_slice(b",\"points\":");
    int(out, i64::from(r.points));
    out.extend_from_slice(b",\"value\":");
    value(out, &r.value);
    out.extend_from_slice(b",\"why\":");
    string(out, &r.why);
    out.push(b'}');
}

fn recommendation(out: &mut Vec<u8>, r: &Recommendation) {
    out.extend_from_slice(b"{\"kind\":");
    string(out, r.kind);
    out.extend_from_slice(b",\"source\":");
    string(out, &r.source);
    out.extend_from_slice(b",\"text\":");
    string(out, &r.text);
    if let Some(url) = &r.url {
        out.extend_from_slice(b",\"url\":");
        string(out, url);
    }
    out.push(b'}');
}

fn stakeholder(out: &mut Vec<u8>, s: &Stakeholder) {
    out.extend_from_slice(b"{\"people\":");
    list(out, &s.people, |o, p| {
        o.extend_from_slice(b"{\"email\":");
        string(o, &p.email);
        o.extend_from_slice(b",\"name\":");
        string(o, &p.name);
        o.push(b'}');
    });
    out.extend_from_slice(b",\"role\":");
    string(out, &s.role);
    out.push(b'}');
}

fn list<T>(out: &mut Vec<u8>, items: &[T], each: impl Fn(&mut Vec<u8>, &T)) {
    out.push(b'[');
    for (k, item) in items.iter().enumerate() {
        if k > 0 {
            out.push(b',');
        }
        each(out, item);
    }
    out.push(b']');
}

/// A JSON string. serde_json escapes `"`, `\` and control characters and nothing else, so a
/// string without those is its own JSON text between quotes; any other goes through serde.
fn string(out: &mut Vec<u8>, s: &str) {
    if plain_run(s.as_bytes()) == s.len() {
        out.reserve(s.len() + 2);
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    } else {
        serde_json::to_writer(out, s).expect("writing JSON to a Vec cannot fail");
    }
}

/// An integer in decimal, as serde_json writes one (with the same itoa).
fn int(out: &mut Vec<u8>, n: i64) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

fn value(out: &mut Vec<u8>, v: &Value) {
    match v {
        Value::String(s) => string(out, s),
        Value::Null => out.extend_from_slice(b"null"),
        Value::Bool(true) => out.extend_from_slice(b"true"),
        Value::Bool(false) => out.extend_from_slice(b"false"),
        other => serde_json::to_writer(out, other).expect("writing JSON to a Vec cannot fail"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_and_integers_match_serde() {
        for s in [
            "plain",
            "",
            "quote \" here",
            "back\\slash",
            "tab\there",
            "é ü \u{7f} /",
        ] {
            let mut out = Vec::new();
            string(&mut out, s);
            assert_eq!(out, serde_json::to_vec(s).unwrap(), "{s:?}");
        }
        for n in [
            0,
            7,
            -7,
            10,
            100,
            -100,
            i64::from(i32::MIN),
            i64::from(u32::MAX),
        ] {
            let mut out = Vec::new();
            int(&mut out, n);
            assert_eq!(out, serde_json::to_vec(&n).unwrap(), "{n}");
        }
    }
}
