//! A batch's answers packed for the embed's JavaScript, which builds from them the very
//! objects `JSON.parse` of [`super::determine_many`]'s text gives (`embed/js/escalon.js`,
//! `unpack`). Why: for scores-only answers, writing 3.4 MB of JSON text for 10,000 tickets,
//! decoding it to a JS string and parsing it back took more than deciding them; numbers in
//! bytes and each name once cost a fraction of that.
//!
//! Layout, little-endian: `u32` length of the record section, the records, then the text
//! section (UTF-8). Every string a record names is the next piece of the text section, given
//! by its length in UTF-16 code units (what JavaScript's `substring` counts), so the reader
//! decodes the text once and slices it. A record is
//! - `0` (scores): tier `u8`, urgency score `u8`, priority `u8` (0 = P1 .. 4 = P5), flags `u8`
//!   (1: a ticket id follows, 2: an SLA raise follows); the ticket id's length; `u16` count of
//!   points, each a name and an `i32`; `u16` count of matched rules, each a name; the SLA
//!   raise's length;
//! - `1` (text): the length of the door's whole response as JSON text (an error, a worded
//!   answer, anything not a plain scores answer).
//!
//! A name is a `u16` index of a name given before in this batch, or `0xFFFF` and a length:
//! a new name, the next index. Factor names and rule ids repeat on every ticket, so each is
//! sent once.

use crate::context::Context;
use crate::decide::{self, Answer, Scores};
use crate::error::RequestError;
use crate::workspace::Workspace;

use super::{walk, Batch, Sink};

const SCORES: u8 = 0;
const TEXT: u8 = 1;
const NEW_NAME: u16 = u16::MAX;
const PRIORITIES: [&str; 5] = ["P1", "P2", "P3", "P4", "P5"];

/// [`super::determine_many`] with the answers packed (the layout above) into `out`, which
/// is left as it was on `Err`.
pub fn determine_packed(
    ws: &mut Workspace,
    list: &str,
    batch: Batch<'_>,
    context: &mut dyn FnMut() -> Context,
    out: &mut Vec<u8>,
) -> Result<bool, RequestError> {
    let mut sink = Packed {
        records: std::mem::take(out),
        text: Vec::with_capacity(list.len() / 8),
        names: Vec::new(),
        sent: Vec::new(),
        serial: 0,
        start: 0,
    };
    sink.start = sink.records.len();
    sink.records.extend_from_slice(&[0; 4]);
    let result = walk(ws, list, batch, context, &mut sink);
    *out = sink.records;
    match result {
        Ok(_) => out.extend_from_slice(&sink.text),
        Err(_) => out.truncate(sink.start),
    }
    result
}

struct Packed {
    records: Vec<u8>,
    text: Vec<u8>,
    /// Names sent so far, by index.
    names: Vec<String>,
    /// Where each numbered name was sent (`NOT_SENT` when not yet): a point's factor at
    /// twice its number (`Point::id`), a matched rule's id at twice its rule's plus one;
    /// numbers of the numbering `serial` names (`PointOrder::serial`).
    sent: Vec<u16>,
    serial: u64,
    start: usize,
}

const NOT_SENT: u16 = u16::MAX;

impl Packed {
    fn text_piece(&mut self, s: &[u8]) {
        self.text.extend_from_slice(s);
        self.u32(utf16_len(s));
    }

    fn u32(&mut self, n: usize) {
        let n = u32::try_from(n).expect("a wasm32 batch holds under 4 GB");
        self.records.extend_from_slice(&n.to_le_bytes());
    }

    fn u16(&mut self, n: u16) {
        self.records.extend_from_slice(&n.to_le_bytes());
    }

    /// Sends `name`, numbered `number` by the rule set: by index when sent before.
    fn name(&mut self, number: usize, name: &str) {
        if let Some(&k) = self.sent.get(number).filter(|&&k| k != NOT_SENT) {
            self.u16(k);
            return;
        }
        if self.sent.len() <= number {
            self.sent.resize(number + 1, NOT_SENT);
        }
        // Sent before under another numbering (the rule set changed within the batch)?
        match self.names.iter().position(|n| n == name) {
            Some(k) => {
                self.sent[number] = k as u16;
                self.u16(k as u16);
            }
            None => {
                self.sent[number] = self.names.len() as u16;
                self.names.push(name.to_string());
                self.u16(NEW_NAME);
                self.text_piece(name.as_bytes());
            }
        }
    }

    /// Forgets which number stood for which name when `s` is numbered another way than
    /// the answers before it, so a number never stands for another numbering's name.
    fn numbering(&mut self, s: &Scores<'_>) {
        if self.serial != s.order.serial() {
            self.serial = s.order.serial();
            self.sent.clear();
        }
    }

    /// Whether `s` fits the record's fields; one that does not is sent as text.
    fn fits(&self, s: &Scores<'_>) -> bool {
        let counts =
            s.points.len() < usize::from(u16::MAX) && s.matched_rules.len() < usize::from(u16::MAX);
        // Each name may be new: the index space must hold them all.
        let room =
            self.names.len() + s.points.len() + s.matched_rules.len() < usize::from(NEW_NAME);
        counts && room && PRIORITIES.contains(&s.priority)
    }

    fn scores(&mut self, s: &Scores<'_>) {
        self.numbering(s);
        let priority = PRIORITIES
            .iter()
            .position(|p| *p == s.priority)
            .unwrap_or(0);
        let flags = u8::from(s.ticket.is_some()) | (u8::from(s.sla_raise.is_some()) << 1);
        self.records
            .extend_from_slice(&[SCORES, s.tier, s.urgency_score, priority as u8, flags]);
        if let Some(t) = &s.ticket {
            self.text_piece(t.as_bytes());
        }
        self.u16(s.points.len() as u16);
        for p in &s.points {
            self.name(2 * p.id as usize, p.factor);
            self.records.extend_from_slice(&p.points.to_le_bytes());
        }
        self.u16(s.matched_rules.len() as u16);
        for rule in &s.matched_rules {
            self.name(2 * rule.point as usize + 1, &rule.id);
        }
        if let Some(raise) = &s.sla_raise {
            self.text_piece(raise.as_bytes());
        }
    }
}

impl Sink for Packed {
    fn decided(&mut self, answer: &Answer<'_>) {
        match answer {
            Answer::Scores(s) if self.fits(s) => self.scores(s),
            other => {
                let mut json = Vec::with_capacity(512);
                json.extend_from_slice(crate::door::ANSWER_PREFIX);
                decide::write_answer(&mut json, other);
                json.push(b'}');
                self.records.push(TEXT);
                self.text_piece(&json);
            }
        }
    }

    fn door(&mut self, write: &mut dyn FnMut(&mut Vec<u8>) -> bool) -> bool {
        let from = self.text.len();
        let changed = write(&mut self.text);
        let len = utf16_len(&self.text[from..]);
        self.records.push(TEXT);
        self.u32(len);
        changed
    }

    fn finish(&mut self) {
        let len = self.records.len() - self.start - 4;
        let len = u32::try_from(len).expect("a wasm32 batch holds under 4 GB");
        self.records[self.start..self.start + 4].copy_from_slice(&len.to_le_bytes());
    }

    fn undo(&mut self) {
        self.records.truncate(self.start);
        self.text.clear();
    }
}

/// The length of UTF-8 text in UTF-16 code units: one for each character, two for each
/// outside the Basic Multilingual Plane (whose UTF-8 starts with a byte of 0xF0 or more).
fn utf16_len(s: &[u8]) -> usize {
    s.iter()
        .map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
        .sum()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::decide::input;

    /// Reads one record's names back as `unpack` does: an index into the names sent
    /// before, or a new name (the next index).
    struct Read<'p> {
        p: &'p Packed,
        at: usize,
        next_new: usize,
    }

    impl Read<'_> {
        fn u16(&mut self) -> u16 {
            let r = &self.p.records;
            self.at += 2;
            u16::from_le_bytes([r[self.at - 2], r[self.at - 1]])
        }

        fn name(&mut self) -> String {
            let index = match self.u16() {
                NEW_NAME => {
                    self.at += 4;
                    self.next_new += 1;
                    self.next_new - 1
                }
                k => usize::from(k),
            };
            self.p.names[index].clone()
        }

        /// Points' factors and matched rules' ids.
        fn record(&mut self) -> (Vec<String>, Vec<String>) {
            assert_eq!(self.p.records[self.at], SCORES);
            assert_eq!(self.p.records[self.at + 4] & 1, 0, "no ticket id");
            self.at += 5;
            let points = (0..self.u16())
                .map(|_| {
                    let n = self.name();
                    self.at += 4;
                    n
                })
                .collect();
            let rules = (0..self.u16()).map(|_| self.name()).collect();
            (points, rules)
        }
    }

    /// Names are kept by the rule set's numbers, which another rule set gives differently:
    /// answers of a second numbering within one batch must not be read with the first
    /// one's names.
    #[test]
    fn a_new_numbering_never_takes_the_old_ones_names() {
        let a = Workspace::default();
        let mut b = Workspace::default();
        b.config.rules.reverse();
        let params = json!({"issue": {"severity": "critical", "impact": "all_customers",
            "duration_hours": 30}, "customer": {"segment": "strategic", "health_score": 10},
            "context": {"previous_escalations": 4, "customer_sentiment": "angry"},
            "detail": "scores"});
        let i = input::parse(&params).unwrap();
        let mut p = Packed {
            records: Vec::new(),
            text: Vec::new(),
            names: Vec::new(),
            sent: Vec::new(),
            serial: 0,
            start: 0,
        };
        for (k, ws) in [&a, &b, &a, &b].into_iter().enumerate() {
            let answer = decide::answer(ws, ws.rules().unwrap(), &params, &i, None);
            let Answer::Scores(s) = &answer else {
                panic!("scores asked for")
            };
            let (at, next_new) = (p.records.len(), p.names.len());
            p.decided(&answer);
            let got = Read {
                p: &p,
                at,
                next_new,
            }
            .record();
            let points = s.points.iter().map(|x| x.factor.to_string()).collect();
            let rules = s.matched_rules.iter().map(|r| r.id.clone()).collect();
            assert!(s.matched_rules.len() > 2, "several rules match");
            assert_eq!(got, (points, rules), "answer {k}");
        }
    }
}
