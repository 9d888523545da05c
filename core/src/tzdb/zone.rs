//! One zone of the shipped table and what the engine asks of it: the offset at an instant,
//! the next change, and a wall-clock time back to an instant.

use jiff::{civil::DateTime, tz::Offset, Timestamp};

use super::posix::Rule;
use super::tzif;

#[derive(Debug, Clone, PartialEq)]
pub struct Zone {
    name: &'static str,
    first: i32,
    transitions: Vec<(i64, i32)>,
    rule: Option<Rule>,
}

impl Zone {
    pub(super) fn read(name: &'static str, blob: &[u8]) -> Option<Zone> {
        let p = tzif::parse(blob)?;
        Some(Zone {
            name,
            first: p.first,
            transitions: p.transitions,
            rule: p.rule,
        })
    }

    /// The IANA name, as the table spells it.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// Seconds east of UTC in force at `t` (Unix seconds). As in RFC 8536 (and jiff): local
    /// time type 0 before the first transition, the footer's rule from the last one on.
    pub fn offset_seconds(&self, t: i64) -> i32 {
        let i = self.transitions.partition_point(|(at, _)| *at <= t);
        if i == self.transitions.len() {
            if let Some(rule) = &self.rule {
                return rule.offset_at(t);
            }
        }
        i.checked_sub(1)
            .map_or(self.first, |j| self.transitions[j].1)
    }

    pub fn to_offset(&self, t: Timestamp) -> Offset {
        Offset::from_seconds(self.offset_seconds(t.as_second())).unwrap_or(Offset::UTC)
    }

    /// The wall-clock time at `t`.
    pub fn to_datetime(&self, t: Timestamp) -> DateTime {
        self.to_offset(t).to_datetime(t)
    }

    /// The first change strictly after `t`: its instant and the offset from then on.
    pub fn next_transition(&self, t: i64) -> Option<(i64, i32)> {
        let i = self.transitions.partition_point(|(at, _)| *at <= t);
        match self.transitions.get(i) {
            Some(&next) => Some(next),
            None => self.rule.as_ref()?.next_transition(t),
        }
    }

    /// Every change after `t`, in order.
    pub fn following(&self, t: i64) -> impl Iterator<Item = (i64, i32)> + '_ {
        let mut at = t;
        std::iter::from_fn(move || {
            let next = self.next_transition(at)?;
            at = next.0;
            Some(next)
        })
    }

    /// The instant a wall-clock time names, disambiguated as jiff's "compatible" does (and
    /// RFC 5545): in a fold the earlier instant, in a gap the time moved forward by the
    /// gap's length. `None` outside jiff's range.
    pub fn to_timestamp(&self, dt: DateTime) -> Option<Timestamp> {
        let local = Offset::UTC.to_timestamp(dt).ok()?.as_second();
        // Offsets are under a day and changes are days apart, so the offsets a day either
        // side are the two candidates.
        const DAY: i64 = 86_400;
        let before = i64::from(self.offset_seconds(local - DAY));
        let after = i64::from(self.offset_seconds(local + DAY));
        let valid = |o: i64| i64::from(self.offset_seconds(local - o)) == o;
        let t = if before == after || valid(before) {
            local - before
        } else if valid(after) {
            local - after
        } else {
            local - before
        };
        Timestamp::from_second(t).ok()
    }
}
