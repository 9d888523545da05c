//! Instants written for people and mail headers, in UTC. Four fixed formats did not need
//! jiff's `strftime` interpreter, which was 21 KB raw of every wasm build.

use jiff::civil::{DateTime, Weekday};
use jiff::tz::Offset;
use jiff::Timestamp;

fn civil(t: Timestamp) -> DateTime {
    Offset::UTC.to_datetime(t)
}

/// `2025-01-20 10:00`, or `2025-01-20 10:00:05` with seconds.
pub fn utc(t: Timestamp, seconds: bool) -> String {
    let d = civil(t);
    let mut s = format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        d.year(),
        d.month(),
        d.day(),
        d.hour(),
        d.minute()
    );
    if seconds {
        s += &format!(":{:02}", d.second());
    }
    s
}

/// An email `Date:` header (RFC 5322): `Mon, 20 Jan 2025 10:00:00 +0000`.
pub fn rfc5322(t: Timestamp) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let d = civil(t);
    let day = match d.weekday() {
        Weekday::Monday => "Mon",
        Weekday::Tuesday => "Tue",
        Weekday::Wednesday => "Wed",
        Weekday::Thursday => "Thu",
        Weekday::Friday => "Fri",
        Weekday::Saturday => "Sat",
        Weekday::Sunday => "Sun",
    };
    format!(
        "{day}, {:02} {} {:04} {:02}:{:02}:{:02} +0000",
        d.day(),
        MONTHS[usize::from(d.month().unsigned_abs()) - 1],
        d.year(),
        d.hour(),
        d.minute(),
        d.second()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The same text as jiff's strftime, which these replace, over the years people use.
        #[test]
        fn writes_what_strftime_wrote(secs in -2_208_988_800i64..7_258_118_400) {
            let t = Timestamp::from_second(secs).unwrap();
            prop_assert_eq!(utc(t, false), t.strftime("%Y-%m-%d %H:%M").to_string());
            prop_assert_eq!(utc(t, true), t.strftime("%Y-%m-%d %H:%M:%S").to_string());
            prop_assert_eq!(rfc5322(t), t.strftime("%a, %d %b %Y %H:%M:%S +0000").to_string());
        }
    }
}
