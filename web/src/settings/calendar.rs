//! The calendar editor as data: one calendar as the form holds it (text as typed) and its
//! conversion to and from the config's calendar JSON (`core/src/calendar/spec.rs`).

use std::collections::BTreeMap;

use escalon::calendar::{Calendar, CalendarSpec};
use serde_json::{json, Value};

/// The weekday keys of a calendar's `hours`, Monday first, with their labels.
pub const DAYS: [(&str, &str); 7] = [
    ("mon", "Monday"),
    ("tue", "Tuesday"),
    ("wed", "Wednesday"),
    ("thu", "Thursday"),
    ("fri", "Friday"),
    ("sat", "Saturday"),
    ("sun", "Sunday"),
];

/// Offered in the time-zone field's datalist; any IANA name may be typed.
pub const COMMON_ZONES: &[&str] = &[
    "UTC",
    "Europe/London",
    "Europe/Dublin",
    "Europe/Paris",
    "Europe/Berlin",
    "Europe/Madrid",
    "Europe/Warsaw",
    "Europe/Helsinki",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "America/Toronto",
    "America/Sao_Paulo",
    "Asia/Kolkata",
    "Asia/Singapore",
    "Asia/Tokyo",
    "Asia/Shanghai",
    "Asia/Dubai",
    "Australia/Sydney",
    "Pacific/Auckland",
];

/// Names the engine resolves without the config; shown read-only.
pub const BUILT_INS: [(&str, &str); 2] = [
    ("24/7", "Every minute counts, times shown in UTC."),
    (
        "business",
        "Monday to Friday 09:00-17:00 in the workspace time zone.",
    ),
];

#[derive(Debug, Clone, PartialEq)]
pub struct WindowDraft {
    pub start: String,
    pub end: String,
}

impl WindowDraft {
    /// A window whose end is not after its start runs past midnight into the next day.
    /// Both are `HH:MM`, so text order is time order.
    pub fn crosses_midnight(&self) -> bool {
        !self.start.is_empty() && !self.end.is_empty() && self.end <= self.start
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct HolidayDraft {
    /// `YYYY-MM-DD` as a date input gives it; for a yearly holiday only month and day count.
    pub date: String,
    pub yearly: bool,
}

impl HolidayDraft {
    fn from_spec(text: &str) -> Self {
        match text.strip_prefix("--") {
            // A date input needs a year; 2000 is a leap year, so --02-29 survives.
            Some(md) => Self {
                date: format!("2000-{md}"),
                yearly: true,
            },
            None => Self {
                date: text.to_string(),
                yearly: false,
            },
        }
    }

    /// `"2025-04-18"`, or `"--12-25"` for every year.
    pub fn to_spec(&self) -> String {
        let date = self.date.trim();
        match (self.yearly, date.get(4..)) {
            (true, Some(md)) if md.starts_with('-') => format!("-{md}"),
            _ => date.to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct CalendarDraft {
    pub name: String,
    /// Already in the stored config: its name is fixed (edits never rename).
    pub stored: bool,
    /// Every minute counts: no zone, windows or holidays.
    pub always: bool,
    pub timezone: String,
    /// Per weekday, Monday first.
    pub days: [Vec<WindowDraft>; 7],
    pub holidays: Vec<HolidayDraft>,
}

impl CalendarDraft {
    /// A new calendar: office hours Monday to Friday in UTC, ready to edit.
    pub fn new(name: &str) -> Self {
        let mut days: [Vec<WindowDraft>; 7] = Default::default();
        for d in days.iter_mut().take(5) {
            d.push(WindowDraft {
                start: "09:00".into(),
                end: "17:00".into(),
            });
        }
        Self {
            name: name.to_string(),
            stored: false,
            always: false,
            timezone: "UTC".into(),
            days,
            holidays: Vec::new(),
        }
    }

    pub fn from_calendar(name: &str, calendar: &Calendar) -> Self {
        let mut draft = Self::new(name);
        match calendar.spec() {
            CalendarSpec::Always(_) => {
                draft.always = true;
            }
            CalendarSpec::Weekly(w) => {
                draft.timezone = w.timezone.clone();
                for (i, (key, _)) in DAYS.iter().enumerate() {
                    draft.days[i] = w
                        .hours
                        .get(*key)
                        .map(|ws| {
                            ws.iter()
                                .map(|[s, e]| WindowDraft {
                                    start: s.clone(),
                                    end: e.clone(),
                                })
                                .collect()
                        })
                        .unwrap_or_default();
                }
                draft.holidays = w
                    .holidays
                    .iter()
                    .map(|h| HolidayDraft::from_spec(h))
                    .collect();
            }
        }
        draft
    }

    /// The calendar as the config writes it. Nothing is checked here: the door validates
    /// and names the field (`parameters.value.office.hours.wed[0]`).
    pub fn to_value(&self) -> Value {
        if self.always {
            return json!("24/7");
        }
        let hours: BTreeMap<&str, Vec<[&str; 2]>> = escalon::sort::map(
            DAYS.iter()
                .zip(&self.days)
                .filter(|(_, windows)| !windows.is_empty())
                .map(|((key, _), windows)| {
                    let list = windows
                        .iter()
                        .map(|w| [w.start.trim(), w.end.trim()])
                        .collect();
                    (*key, list)
                }),
        );
        let mut v = json!({"timezone": self.timezone.trim(), "hours": hours});
        if !self.holidays.is_empty() {
            v["holidays"] = json!(self
                .holidays
                .iter()
                .map(HolidayDraft::to_spec)
                .collect::<Vec<_>>());
        }
        v
    }
}

/// Every calendar of the config, in name order.
pub fn drafts_of(config: &escalon::Config) -> Vec<CalendarDraft> {
    config
        .calendars
        .iter()
        .map(|(name, c)| CalendarDraft {
            stored: true,
            ..CalendarDraft::from_calendar(name, c)
        })
        .collect()
}

/// The `calendars` section of the config. Two calendars under one name is the user's
/// mistake to see before anything is sent, since a JSON object would keep only the last.
pub fn section_value(drafts: &[CalendarDraft]) -> Result<Value, String> {
    let mut map = serde_json::Map::new();
    for d in drafts {
        let name = d.name.trim();
        if name.is_empty() {
            return Err("Every calendar needs a name.".into());
        }
        if map.insert(name.to_string(), d.to_value()).is_some() {
            return Err(format!("Two calendars are named \"{name}\"."));
        }
    }
    Ok(Value::Object(map))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn window(start: &str, end: &str) -> WindowDraft {
        WindowDraft {
            start: start.into(),
            end: end.into(),
        }
    }

    #[test]
    fn a_split_shift_and_an_overnight_window_round_trip_through_the_engine() {
        let mut d = CalendarDraft::new("support");
        d.timezone = "Europe/Berlin".into();
        d.days[0] = vec![window("08:00", "12:00"), window("13:00", "17:00")];
        d.days[4] = vec![window("22:00", "06:00")];
        d.holidays = vec![
            HolidayDraft {
                date: "2025-04-18".into(),
                yearly: false,
            },
            HolidayDraft {
                date: "2025-12-25".into(),
                yearly: true,
            },
        ];
        let v = d.to_value();
        assert_eq!(v["holidays"], json!(["2025-04-18", "--12-25"]));
        assert_eq!(
            v["hours"]["mon"],
            json!([["08:00", "12:00"], ["13:00", "17:00"]])
        );
        let cal = Calendar::from_json(&v, "c").expect("the engine accepts the draft");
        let back = CalendarDraft::from_calendar("support", &cal);
        assert_eq!(back.days, d.days);
        assert_eq!(back.to_value(), v);
    }

    #[test]
    fn a_window_ending_before_it_starts_crosses_midnight() {
        assert!(window("22:00", "06:00").crosses_midnight());
        assert!(window("09:00", "09:00").crosses_midnight());
        assert!(!window("09:00", "17:00").crosses_midnight());
        assert!(!window("00:00", "24:00").crosses_midnight());
    }

    #[test]
    fn the_always_toggle_writes_the_24_7_calendar() {
        let mut d = CalendarDraft::new("night-desk");
        d.always = true;
        assert_eq!(d.to_value(), json!("24/7"));
        let back = CalendarDraft::from_calendar("night-desk", &Calendar::always());
        assert!(back.always);
    }

    #[test]
    fn duplicate_or_blank_names_are_caught_before_sending() {
        let a = CalendarDraft::new("office");
        assert!(section_value(&[a.clone(), a.clone()])
            .unwrap_err()
            .contains("office"));
        assert!(section_value(&[CalendarDraft::new(" ")]).is_err());
        let v = section_value(&[a]).unwrap();
        assert_eq!(v["office"]["timezone"], "UTC");
    }
}
