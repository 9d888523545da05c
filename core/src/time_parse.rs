//! Reading RFC 3339 instants and ISO dates by hand. jiff's `FromStr` reads all of ISO 8601
//! and RFC 9557 (week dates, ordinal dates, compact forms, time-zone annotations) and
//! explains each failure in its own words: that parser and its messages were about 30 KB raw
//! of every wasm build, for a door that only ever takes `2025-01-25T10:00:00Z`-like text.
//!
//! Accepted: `YYYY-MM-DD` (or a signed six-digit year), then `T`, `t` or a space,
//! `HH:MM[:SS[.fraction]]` (a leap second `:60` reads as `:59`, as jiff does), then `Z`, `z`
//! or an offset `±HH:MM`, `±HHMM` or `±HH`, then optionally an RFC 9557 time-zone name in
//! brackets (`[Europe/Paris]`, as JavaScript's Temporal writes), which the offset
//! already settles and so is skipped. The tests hold it to jiff: what both read is
//! the same instant, and whatever jiff refuses this refuses too.

use jiff::civil::{Date, DateTime};
use jiff::tz::Offset;
use jiff::Timestamp;

/// Why text is not an instant or date: the wrong shape, or a part out of its range (month
/// 13, 30 February, a year past 9999). The text says which, for the error message.
#[derive(Debug, Clone, PartialEq)]
pub enum TimeError {
    Shape(String),
    Range(String),
}

impl TimeError {
    pub fn why(&self) -> &str {
        match self {
            TimeError::Shape(s) | TimeError::Range(s) => s,
        }
    }
}

/// The instant range jiff (and so the engine) can represent.
pub const INSTANT_RANGE: &str = "instants run from -9999-01-02 to 9999-12-30T22:00:00Z";

/// A whole `YYYY-MM-DD` date.
pub fn date(s: &str) -> Result<Date, TimeError> {
    let mut c = Cursor(s.as_bytes());
    let d = c.date()?;
    c.end("after the date")?;
    Ok(d)
}

/// An RFC 3339 instant: a date, a time and an offset.
pub fn instant(s: &str) -> Result<Timestamp, TimeError> {
    let mut c = Cursor(s.as_bytes());
    let d = c.date()?;
    if !c.eat(b'T') && !c.eat(b't') && !c.eat(b' ') {
        return Err(shape(if c.0.is_empty() {
            "a date without a time".to_string()
        } else {
            "expected T between the date and the time".to_string()
        }));
    }
    let hour = c.digits(2, "the hour")?;
    c.expect(b':', "between hour and minute")?;
    let minute = c.digits(2, "the minute")?;
    let (mut second, mut nanos) = (0, 0);
    if c.eat(b':') {
        second = c.digits(2, "the second")?;
        if c.eat(b'.') || c.eat(b',') {
            nanos = c.fraction()?;
        }
    }
    let offset = c.offset()?;
    c.zone_annotation()?;
    c.end("after the offset")?;
    in_range("hour", hour, 0, 23)?;
    in_range("minute", minute, 0, 59)?;
    in_range("second", second, 0, 60)?;
    second = second.min(59);
    let t = DateTime::new(
        d.year(),
        d.month(),
        d.day(),
        hour as i8,
        minute as i8,
        second as i8,
        nanos,
    )
    .ok()
    .and_then(|dt| offset.to_timestamp(dt).ok());
    t.ok_or_else(|| TimeError::Range(INSTANT_RANGE.to_string()))
}

fn shape(why: String) -> TimeError {
    TimeError::Shape(why)
}

fn in_range(what: &str, n: i32, lo: i32, hi: i32) -> Result<(), TimeError> {
    if (lo..=hi).contains(&n) {
        Ok(())
    } else {
        Err(TimeError::Range(format!(
            "{what} {n} is not in {lo}..={hi}"
        )))
    }
}

struct Cursor<'a>(&'a [u8]);

impl Cursor<'_> {
    fn eat(&mut self, b: u8) -> bool {
        match self.0.split_first() {
            Some((&first, rest)) if first == b => {
                self.0 = rest;
                true
            }
            _ => false,
        }
    }

    fn expect(&mut self, b: u8, place: &str) -> Result<(), TimeError> {
        if self.eat(b) {
            Ok(())
        } else {
            Err(shape(format!("expected '{}' {place}", b as char)))
        }
    }

    fn end(&self, place: &str) -> Result<(), TimeError> {
        match self.0.is_empty() {
            true => Ok(()),
            false => Err(shape(format!(
                "unexpected '{}' {place}",
                String::from_utf8_lossy(self.0)
            ))),
        }
    }

    /// Exactly `n` ASCII digits.
    fn digits(&mut self, n: usize, what: &str) -> Result<i32, TimeError> {
        let taken = self.0.get(..n).filter(|d| d.iter().all(u8::is_ascii_digit));
        let Some(taken) = taken else {
            return Err(shape(format!("expected {n} digits for {what}")));
        };
        self.0 = &self.0[n..];
        Ok(taken
            .iter()
            .fold(0, |acc, d| acc * 10 + i32::from(d - b'0')))
    }

    /// 1 to 9 digits after the decimal sign, as nanoseconds.
    fn fraction(&mut self) -> Result<i32, TimeError> {
        let len = self.0.iter().take_while(|b| b.is_ascii_digit()).count();
        if !(1..=9).contains(&len) {
            return Err(shape(
                "expected 1 to 9 digits of a second's fraction".into(),
            ));
        }
        let n = self.digits(len, "the fraction")?;
        Ok(n * 10i32.pow(9 - len as u32))
    }

    fn date(&mut self) -> Result<Date, TimeError> {
        let year = if self.eat(b'+') {
            self.digits(6, "a signed year")?
        } else if self.eat(b'-') {
            let y = self.digits(6, "a signed year")?;
            if y == 0 {
                return Err(shape("year -000000 is not allowed".into()));
            }
            -y
        } else {
            self.digits(4, "the year")?
        };
        self.expect(b'-', "after the year")?;
        let month = self.digits(2, "the month")?;
        self.expect(b'-', "after the month")?;
        let day = self.digits(2, "the day")?;
        in_range("year", year, -9999, 9999)?;
        in_range("month", month, 1, 12)?;
        let first = Date::new(year as i16, month as i8, 1).map_err(|_| range_year(year))?;
        in_range("day", day, 1, i32::from(first.days_in_month()))?;
        Date::new(year as i16, month as i8, day as i8).map_err(|_| range_year(year))
    }

    fn offset(&mut self) -> Result<Offset, TimeError> {
        if self.eat(b'Z') || self.eat(b'z') {
            return Ok(Offset::UTC);
        }
        let sign = if self.eat(b'+') {
            1
        } else if self.eat(b'-') {
            -1
        } else {
            return Err(shape(
                "no offset: end with Z for UTC or an offset like +01:00".into(),
            ));
        };
        let hours = self.digits(2, "the offset's hours")?;
        let minutes = match self.0.first() {
            Some(b':') => {
                self.0 = &self.0[1..];
                self.digits(2, "the offset's minutes")?
            }
            Some(b) if b.is_ascii_digit() => self.digits(2, "the offset's minutes")?,
            _ => 0,
        };
        in_range("offset hour", hours, 0, 25)?;
        in_range("offset minute", minutes, 0, 59)?;
        Offset::from_seconds(sign * (hours * 3600 + minutes * 60))
            .map_err(|_| TimeError::Range("the offset is out of range".into()))
    }
}

impl Cursor<'_> {
    /// One `[Zone/Name]` after the offset; key-value annotations (`[u-ca=...]`) are refused.
    fn zone_annotation(&mut self) -> Result<(), TimeError> {
        if self.eat(b'[') {
            let name = |b: &u8| b.is_ascii_alphanumeric() || b"/_+-".contains(b);
            let len = self.0.iter().take_while(|b| name(b)).count();
            if len == 0 || self.0.get(len) != Some(&b']') {
                return Err(shape("expected a time zone name in brackets".into()));
            }
            self.0 = &self.0[len + 1..];
        }
        Ok(())
    }
}

fn range_year(year: i32) -> TimeError {
    TimeError::Range(format!("year {year} is not in -9999..=9999"))
}

/// Serde readers for instant fields, so no derive reaches jiff's own `Deserialize` (and, by
/// it, jiff's parser).
pub mod serde_instant {
    use serde::de::{Deserialize, Deserializer, Error};

    use super::*;

    fn read<E: Error>(s: &str) -> Result<Timestamp, E> {
        instant(s).map_err(|e| {
            E::custom(format!(
                "expected an RFC 3339 instant like 2025-01-25T10:00:00Z, got '{s}' ({})",
                e.why()
            ))
        })
    }

    pub fn one<'de, D: Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
        read(&String::deserialize(d)?)
    }

    pub fn option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Timestamp>, D::Error> {
        Option::<String>::deserialize(d)?
            .map(|s| read(&s))
            .transpose()
    }
}

#[cfg(test)]
mod tests;
