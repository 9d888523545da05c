//! Business-hours calendars: time zones, weekly windows, holidays, business time.
//!
//! Semantics (the README states the same):
//! - Business time is real elapsed time during which the calendar's local wall-clock time
//!   lies inside a window of its local date and which no pause covers. Across a DST change a
//!   window is as long as the real time it spans: 01:00-04:00 on New York's spring-forward
//!   night is 2 hours, on its fall-back night 4 hours.
//! - A window whose end is not after its start crosses midnight and belongs to the day it
//!   starts on (`wed: [["22:00","06:00"]]` is Wednesday 22:00 to Thursday 06:00; a window
//!   from a time to the same time lasts 24 hours). `"24:00"` is accepted as an end.
//! - A holiday removes the windows that *start* on that local date. Holidays are ISO dates
//!   (`"2025-04-18"`) or yearly recurring ISO 8601 month-days (`"--12-25"`).
//! - `"24/7"` (or no calendar) counts every second, and its times are shown in UTC.
//! - Times are handled at whole-second precision (sub-second parts are dropped).

pub(crate) mod business;
pub(crate) mod civil;
mod spec;
#[cfg(test)]
mod tests;
mod walk;
mod zone;

use jiff::Timestamp;

use zone::Zone;

pub use business::{business_minutes, business_seconds, due_at, due_at_seconds, Pause};
pub use spec::{CalendarSpec, WeeklySpec};

/// A validated calendar, ready for fast computation. Build it with [`Calendar::from_json`]
/// (errors name the field) or deserialize it (same checks, serde's error text).
#[derive(Debug, Clone)]
pub struct Calendar {
    spec: CalendarSpec,
    /// `None` is 24/7: every second counts and output is in UTC.
    zone: Option<Zone>,
    /// Per weekday (Monday first): windows as seconds after local midnight, sorted by start;
    /// an overnight window's end exceeds 86 400.
    week: [Vec<(u32, u32)>; 7],
    has_windows: bool,
    /// Day numbers (days since 1970-01-01) of one-off holidays, sorted.
    holidays: Vec<i64>,
    /// Yearly holidays: bit `d` of entry `m` set for month `m`, day `d`.
    recurring: [u32; 13],
}

impl Calendar {
    /// The calendar that counts every second.
    pub fn always() -> Self {
        Self {
            spec: CalendarSpec::Always(spec::ALWAYS.to_string()),
            zone: None,
            week: Default::default(),
            has_windows: true,
            holidays: Vec::new(),
            recurring: [0; 13],
        }
    }

    /// Parses and validates a calendar given as JSON (`"24/7"`, `null` or an object).
    /// `path` is where it sits in the request, e.g. `parameters.clock.calendar`.
    pub fn from_json(value: &serde_json::Value, path: &str) -> Result<Self, crate::RequestError> {
        spec::from_json(value, path)?.compile(path)
    }

    /// The calendar as written, for serialization.
    pub fn spec(&self) -> &CalendarSpec {
        &self.spec
    }

    /// Whether this is the 24/7 calendar.
    pub fn is_always(&self) -> bool {
        self.zone.is_none()
    }

    /// RFC 3339 text of an instant with the calendar's offset at that instant (UTC, written
    /// `+00:00`, for 24/7), so a reader sees the local wall-clock time.
    pub fn format(&self, t: Timestamp) -> String {
        let offset = match &self.zone {
            Some(z) => z.tz.to_offset(t),
            None => jiff::tz::Offset::UTC,
        };
        t.display_with_offset(offset).to_string()
    }

    fn is_holiday(&self, day: i64) -> bool {
        if self.holidays.binary_search(&day).is_ok() {
            return true;
        }
        if self.recurring == [0; 13] {
            return false;
        }
        let (m, d) = civil::month_day(day);
        self.recurring[m as usize] & (1 << d) != 0
    }
}

impl Default for Calendar {
    fn default() -> Self {
        Self::always()
    }
}

impl PartialEq for Calendar {
    fn eq(&self, other: &Self) -> bool {
        self.spec == other.spec
    }
}

impl serde::Serialize for Calendar {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.spec.serialize(s)
    }
}

/// Documented in the JSON Schema as written, i.e. as its spec.
impl schemars::JsonSchema for Calendar {
    fn schema_name() -> String {
        CalendarSpec::schema_name()
    }

    fn json_schema(gen: &mut schemars::gen::SchemaGenerator) -> schemars::schema::Schema {
        CalendarSpec::json_schema(gen)
    }
}

impl<'de> serde::Deserialize<'de> for Calendar {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let spec = CalendarSpec::deserialize(d)?;
        spec.compile("calendar").map_err(serde::de::Error::custom)
    }
}
