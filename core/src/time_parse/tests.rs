//! The hand reader against jiff's, which it replaced: on text built from RFC 3339's parts
//! (some out of range, some malformed), both give the same instant or both refuse. Text
//! outside the documented grammar (which jiff may read) must be refused, never misread.

use super::*;
use proptest::prelude::*;

/// A part and whether it keeps the text inside the documented grammar.
fn part(
    ok: &'static [&'static str],
    odd: &'static [&'static str],
) -> BoxedStrategy<(String, bool)> {
    let good = prop::sample::select(ok).prop_map(|s| (s.to_string(), true));
    let bad = prop::sample::select(odd).prop_map(|s| (s.to_string(), false));
    prop_oneof![6 => good, 1 => bad].boxed()
}

fn two_digits(hi: u32) -> BoxedStrategy<(String, bool)> {
    prop_oneof![
        8 => (0..=hi).prop_map(|n| (format!("{n:02}"), true)),
        1 => prop::sample::select(&["1", "123", "a1", ""][..]).prop_map(|s| (s.to_string(), false)),
    ]
    .boxed()
}

fn year() -> BoxedStrategy<(String, bool)> {
    part(
        &[
            "2025", "2024", "1999", "2000", "0000", "9999", "1900", "+002025", "-000001",
            "-009999", "+010000", "-010000", "+000000",
        ],
        &["10000", "25", "-000000", "+2025", "２０２５"],
    )
}

fn date_text() -> impl Strategy<Value = (String, bool)> {
    (year(), two_digits(13), two_digits(32))
        .prop_map(|((y, a), (m, b), (d, c))| (format!("{y}-{m}-{d}"), a && b && c))
}

fn time_text() -> impl Strategy<Value = (String, bool)> {
    let second = prop::option::of(two_digits(61));
    let fraction = prop::option::of((
        prop::sample::select(&[".", ","][..]),
        prop::collection::vec(0u8..10, 0..11),
    ));
    (two_digits(25), two_digits(61), second, fraction).prop_map(|((h, a), (m, b), s, f)| {
        let mut text = format!("{h}:{m}");
        let mut ok = a && b;
        if let Some((s, c)) = s {
            text += &format!(":{s}");
            ok &= c;
            if let Some((sep, digits)) = f {
                text += sep;
                text.extend(digits.iter().map(|d| char::from(b'0' + d)));
            }
        }
        (text, ok)
    })
}

fn instant_text() -> impl Strategy<Value = (String, bool)> {
    let sep = part(&["T", "t", " "], &["", "_", "TT"]);
    let offset = part(
        &[
            "Z",
            "z",
            "+01:00",
            "-05:30",
            "+0530",
            "+05",
            "-00:00",
            "+25:59",
            "+26:00",
            "+01:60",
            "-12:00",
            "+14:00",
            "Z[UTC]",
            "+01:00[Europe/Paris]",
            "-03:00[America/Argentina/Buenos_Aires]",
            "+05:30[Asia/Kolkata]",
        ],
        &[
            "",
            "+1",
            "[UTC]",
            "Z[]",
            "Z[u-ca=iso8601]",
            "Z[Europe/Paris",
            "Z[a b]",
            "Z[UTC][Etc/GMT]",
            "+01:0",
            " Z",
            "Zz",
            "+01:00:00",
        ],
    );
    (date_text(), sep, time_text(), offset)
        .prop_map(|((d, a), (s, b), (t, c), (o, e))| (format!("{d}{s}{t}{o}"), a && b && c && e))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn instants_read_as_jiff_reads_them((text, in_grammar) in instant_text()) {
        let ours = instant(&text).ok();
        let jiffs = text.parse::<Timestamp>().ok();
        if in_grammar {
            prop_assert_eq!(ours, jiffs, "{}", text);
        } else {
            prop_assert!(ours.is_none() || ours == jiffs, "{} read as {:?}", text, ours);
        }
    }

    #[test]
    fn dates_read_as_jiff_reads_them((text, in_grammar) in date_text()) {
        let ours = date(&text).ok();
        let jiffs = text.parse::<Date>().ok();
        if in_grammar {
            prop_assert_eq!(ours, jiffs, "{}", text);
        } else {
            prop_assert!(ours.is_none() || ours == jiffs, "{} read as {:?}", text, ours);
        }
    }

    /// Whatever the engine writes, it reads back.
    #[test]
    fn written_instants_read_back(secs in -377_705_116_800i64..253_402_207_200, nanos in 0i32..1_000_000_000) {
        let t = Timestamp::new(secs, nanos).unwrap();
        prop_assert_eq!(instant(&t.to_string()), Ok(t));
    }
}

#[test]
fn errors_say_what_is_wrong() {
    let why = |s: &str| instant(s).unwrap_err();
    assert_eq!(
        why("2025-13-01T00:00:00Z"),
        TimeError::Range("month 13 is not in 1..=12".into())
    );
    assert_eq!(
        why("2025-02-29T00:00:00Z"),
        TimeError::Range("day 29 is not in 1..=28".into())
    );
    assert_eq!(
        why("2025-01-01T24:00:00Z"),
        TimeError::Range("hour 24 is not in 0..=23".into())
    );
    assert_eq!(
        why("9999-12-31T00:00:00Z"),
        TimeError::Range(INSTANT_RANGE.into())
    );
    assert!(matches!(why("2025-01-01T10:00:00"), TimeError::Shape(s) if s.contains("Z for UTC")));
    assert!(matches!(why("2025-01-01"), TimeError::Shape(s) if s.contains("without a time")));
    assert!(matches!(why("yesterday"), TimeError::Shape(_)));
    assert_eq!(date("2024-02-29").unwrap(), Date::new(2024, 2, 29).unwrap());
    assert!(date("2024-02-29T10:00:00Z").is_err());
}
