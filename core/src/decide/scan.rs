//! A small strict JSON scanner for [`super::input_text`]: objects, plain strings, numbers,
//! booleans and null, read in place. It says "no" (`None`) to anything it does not read
//! exactly as serde_json does: a string with an escape or a control character, a malformed
//! number, a value of another kind. Its caller then hands the text to the door, whose
//! strict reader names the problem, so saying "no" too often only costs speed.
//!
//! Why not serde's derive: field matching, option handling and the visitor calls were most
//! of the time of reading a ticket, and reading was a third of bulk triage.

/// The length of the leading run of `b` that a JSON string holds as it is: no quote, no
/// backslash, no control character. Eight bytes at a time (the usual bit tricks for "has a
/// zero byte" and "has a byte below n"), since strings are most of a ticket's text and of
/// an answer's, and a byte-by-byte loop was a fifth of bulk triage in WASM.
pub(super) fn plain_run(b: &[u8]) -> usize {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGHS: u64 = ONES << 7;
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS != 0;
    let mut n = 0;
    for chunk in b.chunks_exact(8) {
        let x = u64::from_ne_bytes(chunk.try_into().expect("eight bytes"));
        let control = x.wrapping_sub(ONES * 0x20) & !x & HIGHS != 0;
        if control
            || has_zero(x ^ (ONES * u64::from(b'"')))
            || has_zero(x ^ (ONES * u64::from(b'\\')))
        {
            break;
        }
        n += 8;
    }
    n + b[n..]
        .iter()
        .take_while(|&&c| c >= 0x20 && c != b'"' && c != b'\\')
        .count()
}

/// Whether two slices of one length hold the same bytes, compared in overlapping words.
/// Keys are short: a call to `memcmp`, a byte loop in WASM, cost more than the comparing
/// (a tenth of reading a ticket there).
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    debug_assert_eq!(a.len(), b.len());
    let n = a.len();
    let word = |s: &[u8], at: usize| u64::from_ne_bytes(s[at..at + 8].try_into().expect("8"));
    let half = |s: &[u8], at: usize| u32::from_ne_bytes(s[at..at + 4].try_into().expect("4"));
    if n >= 8 {
        // Each word from the start, then the last eight bytes (overlapping the one before).
        (0..n / 8).all(|k| word(a, 8 * k) == word(b, 8 * k)) && word(a, n - 8) == word(b, n - 8)
    } else if n >= 4 {
        half(a, 0) == half(b, 0) && half(a, n - 4) == half(b, n - 4)
    } else {
        (0..n).all(|k| a[k] == b[k])
    }
}

/// The first byte at or after `pos` that is not JSON whitespace.
pub(crate) fn skip_space(text: &str, pos: usize) -> usize {
    let b = text.as_bytes();
    let mut p = pos;
    while matches!(b.get(p), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        p += 1;
    }
    p
}

pub(super) struct Scan<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Scan<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Scan { text, pos: 0 }
    }

    /// The byte offset just past what has been read.
    pub(super) fn pos(&self) -> usize {
        self.pos
    }

    fn space(&mut self) {
        self.pos = skip_space(self.text, self.pos);
    }

    /// Skips whitespace, then consumes `c` if it comes next.
    fn eat(&mut self, c: u8) -> bool {
        self.space();
        let next = self.text.as_bytes().get(self.pos) == Some(&c);
        self.pos += usize::from(next);
        next
    }

    /// Consumes a `null` if one comes next.
    pub(super) fn null(&mut self) -> bool {
        self.word("null")
    }

    fn word(&mut self, w: &str) -> bool {
        self.space();
        // The first byte alone settles most calls (every value is asked "null?" first).
        let rest = &self.text.as_bytes()[self.pos..];
        let found = rest.first() == w.as_bytes().first() && rest.starts_with(w.as_bytes());
        if found {
            self.pos += w.len();
        }
        found
    }

    pub(super) fn boolean(&mut self) -> Option<bool> {
        if self.word("true") {
            Some(true)
        } else if self.word("false") {
            Some(false)
        } else {
            None
        }
    }

    /// A string without escapes or control characters, borrowed from the text.
    pub(super) fn string(&mut self) -> Option<&'a str> {
        if !self.eat(b'"') {
            return None;
        }
        let start = self.pos;
        self.pos += plain_run(&self.text.as_bytes()[start..]);
        if self.text.as_bytes().get(self.pos) != Some(&b'"') {
            return None;
        }
        self.pos += 1;
        // Quotes are ASCII, so both ends are character boundaries.
        Some(&self.text[start..self.pos - 1])
    }

    /// The text of a number in JSON's grammar: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    pub(super) fn number(&mut self) -> Option<&'a str> {
        self.space();
        let b = self.text.as_bytes();
        let start = self.pos;
        let mut p = start;
        let digits = |p: &mut usize| {
            let from = *p;
            while b.get(*p).is_some_and(u8::is_ascii_digit) {
                *p += 1;
            }
            *p > from
        };
        if b.get(p) == Some(&b'-') {
            p += 1;
        }
        match b.get(p)? {
            b'0' => p += 1,
            b'1'..=b'9' => {
                digits(&mut p);
            }
            _ => return None,
        }
        if b.get(p) == Some(&b'.') {
            p += 1;
            if !digits(&mut p) {
                return None;
            }
        }
        if matches!(b.get(p), Some(b'e' | b'E')) {
            p += 1;
            if matches!(b.get(p), Some(b'+' | b'-')) {
                p += 1;
            }
            if !digits(&mut p) {
                return None;
            }
        }
        self.pos = p;
        Some(&self.text[start..p])
    }

    /// A number read as serde_json reads it into an `f64` (its own rounding, its own range).
    pub(super) fn float(&mut self) -> Option<f64> {
        let n = self.number()?;
        // Up to 15 digits with no sign, point or exponent: a whole number below 2^53, which
        // is exactly that f64 however it is read, so it skips setting up serde_json's reader
        // (a tenth of reading a ticket). `-0` is not one: serde_json reads it as -0.0.
        if n.len() <= 15 && n.bytes().all(|b| b.is_ascii_digit()) {
            return n.parse::<u64>().ok().map(|u| u as f64);
        }
        serde_json::from_str(n).ok()
    }

    /// A number written as an integer that fits an `i64`; serde_json refuses a fraction or
    /// an exponent there, and so does this.
    pub(super) fn int(&mut self) -> Option<i64> {
        let n = self.number()?;
        // serde_json reads `-0` as a float, which an integer field refuses.
        if n.contains(['.', 'e', 'E']) || n == "-0" {
            return None;
        }
        n.parse().ok()
    }

    /// A key that is one of `keys`, by its position there. Matched in place rather than
    /// scanned first and compared after: keys are short and few, and scanning each one was
    /// the largest part of reading a ticket. A known key has no escapes, so text that equals
    /// it up to a closing quote is that key; anything else (an unknown key, an escaped
    /// one) is a "no".
    fn key(&mut self, keys: &[&str]) -> Option<usize> {
        if !self.eat(b'"') {
            return None;
        }
        let rest = &self.text.as_bytes()[self.pos..];
        let k = keys.iter().position(|known| {
            let n = known.len();
            rest.get(n) == Some(&b'"') && same_bytes(&rest[..n], known.as_bytes())
        })?;
        self.pos += keys[k].len() + 1;
        Some(k)
    }

    /// Reads an object, calling `field` with each key's position in `keys` to read its
    /// value. A key not in `keys`, or given twice, is a "no", as serde's
    /// `deny_unknown_fields` and its duplicate-field check are.
    pub(super) fn object(
        &mut self,
        keys: &[&str],
        mut field: impl FnMut(usize, &mut Self) -> Option<()>,
    ) -> Option<()> {
        if !self.eat(b'{') {
            return None;
        }
        if self.eat(b'}') {
            return Some(());
        }
        let mut seen = 0u32;
        loop {
            let k = self.key(keys)?;
            if seen & (1 << k) != 0 {
                return None;
            }
            seen |= 1 << k;
            if !self.eat(b':') {
                return None;
            }
            field(k, self)?;
            if self.eat(b'}') {
                return Some(());
            }
            if !self.eat(b',') {
                return None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Scan;

    #[test]
    fn numbers_follow_json_grammar() {
        for good in ["0", "-0", "12", "-3.25", "1e5", "2E-3", "0.5e+2"] {
            assert_eq!(Scan::new(good).number(), Some(good), "{good}");
        }
        for bad in ["01", "-", ".5", "1.", "1e", "+1", "- 1", "NaN"] {
            let mut s = Scan::new(bad);
            assert!(s.number().is_none_or(|n| n.len() < bad.len()), "{bad}");
        }
        assert_eq!(Scan::new("2.0").int(), None);
        assert_eq!(Scan::new("-0").int(), None);
        assert_eq!(Scan::new("-7").int(), Some(-7));
        assert_eq!(Scan::new("18446744073709551615").int(), None);
        assert_eq!(Scan::new("1e999").float(), None);
    }

    #[test]
    fn a_plain_run_stops_at_the_first_byte_json_escapes() {
        for len in 0..20 {
            for stop in [b'"', b'\\', 0x00, 0x1f, b'\n'] {
                for at in 0..=len {
                    let mut b = vec![b'a'; len];
                    b.extend_from_slice("é~\x7f".as_bytes());
                    let plain = b.len();
                    b.insert(at, stop);
                    assert_eq!(super::plain_run(&b), at, "{len} {stop} {at}");
                    b.remove(at);
                    assert_eq!(super::plain_run(&b), plain);
                }
            }
        }
    }

    #[test]
    fn strings_with_escapes_or_controls_are_not_read() {
        assert_eq!(Scan::new(r#" "plain é" "#).string(), Some("plain é"));
        assert_eq!(Scan::new(r#""a\"b""#).string(), None);
        assert_eq!(Scan::new("\"tab\there\"").string(), None);
        assert_eq!(Scan::new("\"open").string(), None);
    }

    #[test]
    fn bytes_compare_equal_only_when_every_byte_is() {
        for n in 0..40 {
            let a: Vec<u8> = (0..n as u8).map(|k| k.wrapping_mul(37)).collect();
            assert!(super::same_bytes(&a, &a.clone()), "{n}");
            for at in 0..n {
                let mut b = a.clone();
                b[at] ^= 0x20;
                assert!(!super::same_bytes(&a, &b), "{n} {at}");
            }
        }
    }

    #[test]
    fn unknown_and_repeated_keys_are_refused() {
        let keys = ["a", "b"];
        let read = |text: &str| {
            let mut s = Scan::new(text);
            s.object(&keys, |_, s| s.int().map(drop))
        };
        assert_eq!(read(r#"{"a":1,"b":2}"#), Some(()));
        assert_eq!(read(r#" { } "#), Some(()));
        assert_eq!(read(r#"{"a":1,"a":2}"#), None);
        assert_eq!(read(r#"{"c":1}"#), None);
        assert_eq!(read(r#"{"a":1,}"#), None);
        assert_eq!(read(r#"[1]"#), None);
        // A key that starts or ends like a known one is not that key.
        assert_eq!(read(r#"{"ab":1}"#), None);
        assert_eq!(read(r#"{"":1}"#), None);
        assert_eq!(
            read(r#"{"\u0061":1}"#),
            None,
            "an escaped key goes to the door"
        );
        assert_eq!(read(r#"{"a"#), None);
    }
}
