//! A TZif footer's POSIX TZ string (`EST5EDT,M3.2.0,M11.1.0`): the rule a zone follows
//! after its last listed transition, evaluated as jiff evaluates it, so the engine's offsets
//! equal the bundle's (checked for every zone in `core/tests/tzdb_table.rs`).
//!
//! Only the forms the shipped table uses are read: a quoted (`<+03>`) or alphabetic name,
//! `[+-]hh[:mm[:ss]]` offsets (POSIX counts west as positive), and `Mm.w.d[/time]` days with
//! RFC 8536's extended times (negative, or past 24:00). Anything else is refused, which the
//! table test would report.

use crate::calendar::civil::{days_from_civil, year_of, DAY};

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Rule {
    std: i32,
    dst: Option<Dst>,
}

#[derive(Debug, Clone, PartialEq)]
struct Dst {
    offset: i32,
    start: DayTime,
    end: DayTime,
}

/// `Mm.w.d/time`: weekday `d` (0 = Sunday) of week `w` (5 = the last) of month `m`, at
/// `time` seconds of local time.
#[derive(Debug, Clone, PartialEq)]
struct DayTime {
    month: u32,
    week: i64,
    weekday: i64,
    time: i64,
}

impl Rule {
    pub(super) fn parse(s: &str) -> Option<Rule> {
        let mut p = Reader(s.as_bytes());
        p.name()?;
        let std = -p.hms()?;
        if p.0.is_empty() {
            return Some(Rule { std, dst: None });
        }
        p.name()?;
        let offset = if p.0.first() == Some(&b',') {
            std + 3600
        } else {
            -p.hms()?
        };
        p.eat(b',')?;
        let start = p.day_time()?;
        p.eat(b',')?;
        let end = p.day_time()?;
        p.0.is_empty().then_some(Rule {
            std,
            dst: Some(Dst { offset, start, end }),
        })
    }

    pub(super) fn offset_at(&self, t: i64) -> i32 {
        let Some(dst) = &self.dst else {
            return self.std;
        };
        if in_dst(t, self.bounds(dst, utc_year(t))) {
            dst.offset
        } else {
            self.std
        }
    }

    /// The first change after `t`, with the offset it brings.
    pub(super) fn next_transition(&self, t: i64) -> Option<(i64, i32)> {
        let dst = self.dst.as_ref()?;
        let year = utc_year(t);
        let this = self.bounds(dst, year);
        let (a, b) = ordered(this);
        let (next, bounds) = if t < a {
            (a, this)
        } else if t < b {
            (b, this)
        } else {
            let following = self.bounds(dst, year + 1);
            (ordered(following).0, following)
        };
        let offset = if in_dst(next, bounds) {
            dst.offset
        } else {
            self.std
        };
        Some((next, offset))
    }

    /// When DST starts and ends in `year`, as instants. (jiff also special-cases a rule
    /// starting DST at New Year, meaning "all year"; no shipped zone has one.)
    fn bounds(&self, dst: &Dst, year: i64) -> (i64, i64) {
        (
            dst.start.instant(year, self.std),
            dst.end.instant(year, dst.offset),
        )
    }
}

fn utc_year(t: i64) -> i64 {
    year_of(t.div_euclid(DAY))
}

fn in_dst(t: i64, (start, end): (i64, i64)) -> bool {
    if start <= end {
        start <= t && t < end
    } else {
        !(end <= t && t < start)
    }
}

fn ordered((start, end): (i64, i64)) -> (i64, i64) {
    (start.min(end), start.max(end))
}

impl DayTime {
    /// The instant in `year` for a wall clock at `offset`, held inside the UTC year as jiff
    /// holds it (an instant past the year's end is its last moment, here the next year's
    /// first second, which compares the same against whole seconds).
    fn instant(&self, year: i64, offset: i32) -> i64 {
        let first = days_from_civil(year, self.month, 1);
        let day = if self.week == 5 {
            let (y, m) = if self.month == 12 {
                (year + 1, 1)
            } else {
                (year, self.month + 1)
            };
            let last = days_from_civil(y, m, 1) - 1;
            last - (sunday_zero(last) - self.weekday).rem_euclid(7)
        } else {
            first + (self.weekday - sunday_zero(first)).rem_euclid(7) + 7 * (self.week - 1)
        };
        let t = day * DAY + self.time - i64::from(offset);
        let lo = days_from_civil(year, 1, 1) * DAY;
        let hi = days_from_civil(year + 1, 1, 1) * DAY;
        t.clamp(lo, hi)
    }
}

/// Sunday = 0 ... Saturday = 6; 1970-01-01 was a Thursday.
fn sunday_zero(days: i64) -> i64 {
    (days + 4).rem_euclid(7)
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn eat(&mut self, b: u8) -> Option<()> {
        let (&first, rest) = self.0.split_first()?;
        (first == b).then(|| self.0 = rest)
    }

    fn take_while(&mut self, f: impl Fn(u8) -> bool) -> &[u8] {
        let n = self.0.iter().take_while(|&&b| f(b)).count();
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        head
    }

    fn name(&mut self) -> Option<()> {
        if self.eat(b'<').is_some() {
            self.take_while(|b| b != b'>');
            return self.eat(b'>');
        }
        (!self.take_while(|b| b.is_ascii_alphabetic()).is_empty()).then_some(())
    }

    fn number(&mut self) -> Option<i64> {
        let digits = self.take_while(|b| b.is_ascii_digit());
        if digits.is_empty() || digits.len() > 3 {
            return None;
        }
        Some(digits.iter().fold(0, |n, d| n * 10 + i64::from(d - b'0')))
    }

    /// `[+-]h[h[h]][:mm[:ss]]` as signed seconds.
    fn hms(&mut self) -> Option<i32> {
        let sign = if self.eat(b'-').is_some() {
            -1
        } else {
            self.eat(b'+');
            1
        };
        let mut secs = self.number()? * 3600;
        for unit in [60, 1] {
            if self.eat(b':').is_none() {
                break;
            }
            secs += self.number()? * unit;
        }
        i32::try_from(sign * secs).ok()
    }

    fn day_time(&mut self) -> Option<DayTime> {
        self.eat(b'M')?;
        let month = self.number()?;
        self.eat(b'.')?;
        let week = self.number()?;
        self.eat(b'.')?;
        let weekday = self.number()?;
        let time = if self.eat(b'/').is_some() {
            i64::from(self.hms()?)
        } else {
            7200
        };
        let ok = (1..=12).contains(&month) && (1..=5).contains(&week) && weekday <= 6;
        ok.then_some(DayTime {
            month: month as u32,
            week,
            weekday,
            time,
        })
    }
}
