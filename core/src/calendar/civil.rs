//! The calendar's wall-clock timeline, as plain integers.
//!
//! A civil instant is "seconds since 1970-01-01T00:00 on the wall clock", with no zone
//! attached. Working in integers here keeps the hot loop free of allocation and of tz
//! lookups: the zone is consulted only where its offset changes (see `walk`).

use super::Calendar;

pub(crate) const DAY: i64 = 86_400;

/// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's `days_from_civil`).
pub(crate) fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Month (1-12) and day (1-31) of a day number; the inverse of [`days_from_civil`].
pub(crate) fn month_day(days: i64) -> (u32, u32) {
    let (_, month, day) = from_days(days);
    (month, day)
}

/// The year a day number falls in.
pub(crate) fn year_of(days: i64) -> i64 {
    from_days(days).0
}

/// Year, month and day of a day number (Hinnant's `civil_from_days`).
fn from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Monday = 0 ... Sunday = 6; 1970-01-01 was a Thursday.
pub(crate) fn weekday(days: i64) -> usize {
    (days + 3).rem_euclid(7) as usize
}

/// After this many consecutive days without a window the search gives up, so a calendar whose
/// every working day is a holiday answers "never" instead of looping.
const MAX_EMPTY_DAYS: i64 = 3 * 366;

/// A merged interval stops growing at this length. Windows that chain into each other every
/// day (all 00:00-24:00, or overnight windows meeting the next day's) would otherwise merge
/// forever; the next window then starts a new interval, which may overlap this one.
const MAX_MERGED: i64 = 7 * DAY;

/// Merged business intervals `[start, end)` of the civil timeline, ordered by start.
///
/// Windows are generated day by day from the weekly table; an overnight window of one day
/// may overlap the next day's first window, so adjacent intervals are merged as they come,
/// up to [`MAX_MERGED`]: past that, consecutive intervals may overlap (the walk clips them).
pub(crate) struct CivilIntervals<'a> {
    cal: &'a Calendar,
    /// Next day whose windows have not been read yet.
    day: i64,
    /// Index of the next window of `day` to read.
    idx: usize,
    /// Interval being grown by merging; emitted once a later window starts past its end.
    pending: Option<(i64, i64)>,
    empty_days: i64,
}

impl<'a> CivilIntervals<'a> {
    /// Intervals that end after civil instant `c` (the first one may start before `c`).
    pub(crate) fn starting_at(cal: &'a Calendar, c: i64) -> Self {
        // A window lasts at most a day, so nothing that starts before yesterday reaches `c`.
        let mut it = Self {
            cal,
            day: c.div_euclid(DAY) - 1,
            idx: 0,
            pending: None,
            empty_days: 0,
        };
        it.skip_until(c);
        it
    }

    fn skip_until(&mut self, c: i64) {
        while let Some((_, end)) = self.peek() {
            if end > c {
                return;
            }
            self.pending = None;
        }
    }

    /// The next merged interval, without consuming it.
    pub(crate) fn peek(&mut self) -> Option<(i64, i64)> {
        loop {
            let Some(next) = self.raw_window() else {
                return self.pending;
            };
            match self.pending {
                None => self.pending = Some(next),
                Some((s, e)) if next.0 <= e && e - s < MAX_MERGED => {
                    self.pending = Some((s, e.max(next.1)));
                }
                Some(p) => {
                    // `next` starts a new interval: hand it back by rewinding one window.
                    self.idx -= 1;
                    return Some(p);
                }
            }
        }
    }

    /// Consumes the interval last returned by [`Self::peek`].
    pub(crate) fn advance(&mut self) {
        self.pending = None;
    }

    /// The next window of the weekly table in civil time, skipping holidays.
    fn raw_window(&mut self) -> Option<(i64, i64)> {
        loop {
            if !self.cal.is_holiday(self.day) {
                let windows = &self.cal.week[weekday(self.day)];
                if let Some(&(s, e)) = windows.get(self.idx) {
                    self.idx += 1;
                    self.empty_days = 0;
                    let base = self.day * DAY;
                    return Some((base + i64::from(s), base + i64::from(e)));
                }
            }
            // The day is done. A pending interval may still be extended by the next day's
            // windows, but only if one exists within the search horizon.
            if self.idx == 0 {
                self.empty_days += 1;
                if self.empty_days > MAX_EMPTY_DAYS {
                    return None;
                }
            }
            self.day += 1;
            self.idx = 0;
            if self.pending.is_some_and(|(_, e)| e < self.day * DAY) {
                // No window of a later day can merge with it; stop reading ahead.
                return None;
            }
        }
    }
}
