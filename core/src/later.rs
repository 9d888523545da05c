//! Moving an instant by a duration without overflowing. jiff's `+` panics past the range it
//! supports (years -9999..=9999), and a panic traps the embed module, losing its unsaved
//! workspace. Held at the end of the range instead: a due time past year 9999 is as good as
//! never.

use jiff::{SignedDuration, Timestamp};

pub fn shifted(t: Timestamp, d: SignedDuration) -> Timestamp {
    t.checked_add(d).unwrap_or(if d.is_negative() {
        Timestamp::MIN
    } else {
        Timestamp::MAX
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn past_the_range_it_holds_at_the_end() {
        let late: Timestamp = "9999-12-30T21:00:00Z".parse().unwrap();
        assert_eq!(shifted(late, SignedDuration::from_hours(5)), Timestamp::MAX);
        let early: Timestamp = "-009999-01-02T02:00:00Z".parse().unwrap();
        assert_eq!(
            shifted(early, SignedDuration::from_hours(-50)),
            Timestamp::MIN
        );
        assert_eq!(
            shifted(late, SignedDuration::from_mins(30)).to_string(),
            "9999-12-30T21:30:00Z"
        );
    }
}
