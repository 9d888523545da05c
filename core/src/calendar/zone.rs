//! A time zone with its offset changes precomputed for the years clocks actually live in.
//!
//! Outside the listed transitions a zone evaluates its POSIX rule, which costs a civil-date
//! computation per question; a binary search over a small table is an order of magnitude
//! cheaper, which is what makes a million due dates cheap. Outside the table the walk asks
//! the zone itself.

use crate::tzdb;

/// 2000-01-01T00:00Z (where the shipped database starts being exact, `crate::tzdb`) and
/// 2080-01-01T00:00Z: a DST zone has about 160 transitions between.
const CACHE_FROM: i64 = crate::tzdb::EXACT_FROM;
const CACHE_UNTIL: i64 = 3_471_292_800;

#[derive(Debug, Clone)]
pub(crate) struct Zone {
    pub(crate) tz: tzdb::Zone,
    /// Offset in force at `CACHE_FROM`.
    initial: i64,
    /// `(instant, offset from then on)`, sorted, all inside the cached range.
    transitions: Vec<(i64, i64)>,
}

impl Zone {
    pub(crate) fn new(tz: tzdb::Zone) -> Self {
        let initial = i64::from(tz.offset_seconds(CACHE_FROM));
        let transitions = tz
            .following(CACHE_FROM)
            .map(|(at, offset)| (at, i64::from(offset)))
            .take_while(|(at, _)| *at < CACHE_UNTIL)
            .collect();
        Self {
            tz,
            initial,
            transitions,
        }
    }

    /// The offset in force at `t` and the instant it next may change (exclusive end of the
    /// constant-offset segment); `None` when `t` is outside what jiff can represent.
    pub(crate) fn segment(&self, t: i64) -> Option<(i64, i64)> {
        if (CACHE_FROM..CACHE_UNTIL).contains(&t) {
            let i = self.transitions.partition_point(|(at, _)| *at <= t);
            let offset = i
                .checked_sub(1)
                .map_or(self.initial, |j| self.transitions[j].1);
            let end = self.transitions.get(i).map_or(CACHE_UNTIL, |(at, _)| *at);
            return Some((offset, end));
        }
        jiff::Timestamp::from_second(t).ok()?;
        let offset = i64::from(self.tz.offset_seconds(t));
        let next = self.tz.next_transition(t).map(|(at, _)| at);
        // Before the table, stop at its start so the table takes over from there.
        let end = match next {
            Some(n) if t < CACHE_FROM => n.min(CACHE_FROM),
            Some(n) => n,
            None if t < CACHE_FROM => CACHE_FROM,
            None => i64::MAX,
        };
        Some((offset, end))
    }
}
