//! The parts of a TZif file (RFC 8536, version 2 or later) a zone's offsets need: the 64-bit
//! transitions, each local time type's UT offset, and the footer's POSIX TZ string.
//! Abbreviations, DST flags and the standard/UT indicators are skipped; the table holds no
//! leap seconds.

use super::posix::Rule;

pub(super) struct Parsed {
    /// Local time type 0's offset: RFC 8536 applies it before the first transition.
    pub first: i32,
    /// `(instant, offset from then on)`, ascending.
    pub transitions: Vec<(i64, i32)>,
    /// From the last transition on (or always, when there is none).
    pub rule: Option<Rule>,
}

pub(super) fn parse(b: &[u8]) -> Option<Parsed> {
    if b.get(..4)? != b"TZif" || *b.get(4)? < b'2' {
        return None;
    }
    // The version 1 block comes first; only its length matters.
    let [isut, isstd, leap, time, types, chars] = counts(b, 0)?;
    let v2 = 44 + time * 5 + types * 6 + chars + leap * 8 + isstd + isut;
    if b.get(v2..v2 + 4)? != b"TZif" {
        return None;
    }
    let [isut, isstd, leap, time, types, chars] = counts(b, v2)?;
    let mut at = v2 + 44;
    let mut take = |n: usize| {
        let s = b.get(at..at + n);
        at += n;
        s
    };
    let times = take(time * 8)?;
    let kinds = take(time)?;
    let infos = take(types * 6)?;
    take(chars + leap * 12 + isstd + isut)?;
    let footer = b.get(at..)?;
    let offset = |k: u8| {
        let i = usize::from(k) * 6;
        Some(i32::from_be_bytes(infos.get(i..i + 4)?.try_into().ok()?))
    };
    let transitions = times
        .chunks_exact(8)
        .zip(kinds)
        .map(|(t, &k)| Some((i64::from_be_bytes(t.try_into().ok()?), offset(k)?)))
        .collect::<Option<Vec<_>>>()?;
    let tz = footer.strip_prefix(b"\n")?.strip_suffix(b"\n")?;
    let rule = match tz {
        [] => None,
        text => Some(Rule::parse(std::str::from_utf8(text).ok()?)?),
    };
    Some(Parsed {
        first: offset(0)?,
        transitions,
        rule,
    })
}

/// `(isut, isstd, leap, time, type, char)` counts of the header at `at`.
fn counts(b: &[u8], at: usize) -> Option<[usize; 6]> {
    let mut out = [0; 6];
    for (i, n) in out.iter_mut().enumerate() {
        let o = at + 20 + 4 * i;
        *n = u32::from_be_bytes(b.get(o..o + 4)?.try_into().ok()?) as usize;
    }
    Some(out)
}
