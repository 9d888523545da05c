//! Business intervals in real time, window by window.
//!
//! Between two transitions of the zone the UTC offset is constant, so wall-clock time is
//! real time shifted by that offset and a civil interval maps to one real interval. The
//! walk therefore moves through constant-offset segments and, inside each, through the
//! civil intervals shifted by the segment's offset. That is exactly "real time during which
//! the local wall clock lies inside a window": a spring-forward gap shortens a window, a
//! fall-back fold lets wall-clock times inside a window count twice, with no special cases.

use super::civil::CivilIntervals;
use super::zone::Zone;
use super::Calendar;

/// Real-time business intervals `[start, end)` in seconds, in order, from `from` on.
/// Intervals may touch (at a zone transition) but never overlap.
pub(crate) struct RealIntervals<'a> {
    cal: &'a Calendar,
    tz: Option<&'a Zone>,
    /// Nothing before this real instant is yielded any more.
    cursor: i64,
    offset: i64,
    segment_end: i64,
    civil: Option<CivilIntervals<'a>>,
}

impl<'a> RealIntervals<'a> {
    pub(crate) fn new(cal: &'a Calendar, from: i64) -> Self {
        let mut it = Self {
            cal,
            tz: cal.zone.as_ref(),
            cursor: from,
            offset: 0,
            segment_end: i64::MAX,
            civil: None,
        };
        if it.tz.is_some() && cal.has_windows {
            it.enter_segment();
        }
        it
    }

    /// Looks up the offset in force at the cursor and how long it lasts.
    fn enter_segment(&mut self) {
        let Some(zone) = self.tz else { return };
        let Some((offset, end)) = zone.segment(self.cursor) else {
            // Past the representable range: there is nothing more to walk.
            self.civil = None;
            return;
        };
        self.offset = offset;
        self.segment_end = end;
        self.civil = Some(CivilIntervals::starting_at(
            self.cal,
            self.cursor + self.offset,
        ));
    }
}

impl Iterator for RealIntervals<'_> {
    type Item = (i64, i64);

    fn next(&mut self) -> Option<(i64, i64)> {
        if self.tz.is_none() {
            // 24/7: one endless interval.
            if self.cursor == i64::MAX {
                return None;
            }
            let start = self.cursor;
            self.cursor = i64::MAX;
            return Some((start, i64::MAX));
        }
        loop {
            let (cs, ce) = self.civil.as_mut()?.peek()?;
            let start = (cs - self.offset).max(self.cursor);
            if start >= self.segment_end {
                self.cursor = self.segment_end;
                self.enter_segment();
                continue;
            }
            let real_end = ce - self.offset;
            let end = real_end.min(self.segment_end);
            if real_end <= self.segment_end {
                if let Some(c) = self.civil.as_mut() {
                    c.advance();
                }
            }
            // A civil interval may overlap the one before it (see `MAX_MERGED`): only what
            // lies past the cursor is new.
            if end > start {
                self.cursor = end;
                return Some((start, end));
            }
        }
    }
}

/// Pauses as sorted, disjoint real intervals; `i64::MAX` as end means "not resumed".
#[derive(Debug, Clone, Default)]
pub(crate) struct PauseSet(Vec<(i64, i64)>);

impl PauseSet {
    pub(crate) fn new(pauses: impl IntoIterator<Item = (i64, i64)>) -> Self {
        let mut v: Vec<(i64, i64)> = pauses.into_iter().filter(|(s, e)| e > s).collect();
        v.sort_unstable();
        let mut merged: Vec<(i64, i64)> = Vec::with_capacity(v.len());
        for (s, e) in v {
            match merged.last_mut() {
                Some(last) if s <= last.1 => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        Self(merged)
    }

    pub(crate) fn intervals(&self) -> &[(i64, i64)] {
        &self.0
    }
}

/// Business intervals minus pauses.
pub(crate) struct Unpaused<'a> {
    inner: RealIntervals<'a>,
    pauses: &'a [(i64, i64)],
    current: Option<(i64, i64)>,
    done: bool,
}

impl<'a> Unpaused<'a> {
    pub(crate) fn new(cal: &'a Calendar, from: i64, pauses: &'a PauseSet) -> Self {
        let pauses = pauses.intervals();
        // Pauses that ended before `from` can never matter.
        let first = pauses.partition_point(|&(_, e)| e <= from);
        Self {
            inner: RealIntervals::new(cal, from),
            pauses: &pauses[first..],
            current: None,
            done: false,
        }
    }
}

impl Iterator for Unpaused<'_> {
    type Item = (i64, i64);

    fn next(&mut self) -> Option<(i64, i64)> {
        while !self.done {
            let (s, e) = match self.current.take() {
                Some(piece) => piece,
                None => self.inner.next()?,
            };
            // Drop pauses that end before this piece; they cannot cut later pieces either.
            while self.pauses.first().is_some_and(|&(_, pe)| pe <= s) {
                self.pauses = &self.pauses[1..];
            }
            match self.pauses.first() {
                Some(&(ps, i64::MAX)) if ps <= s => {
                    // A pause that never ends covers everything from here on.
                    self.done = true;
                    return None;
                }
                Some(&(ps, pe)) if ps < e => {
                    // The pause cuts the piece: keep what lies before it, retry what lies after.
                    if pe < e {
                        self.current = Some((pe, e));
                    }
                    if ps > s {
                        return Some((s, ps));
                    }
                }
                _ => return Some((s, e)),
            }
        }
        None
    }
}
