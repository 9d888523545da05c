//! Grouping: the dimensions a request may split by and the key of one escalation in them.
//! Keys borrow from the log and compare cheaply, so grouping 100,000 escalations allocates
//! only once per group, not once per escalation.

use crate::tzdb::Zone;
use jiff::civil::Date;
use serde_json::{json, Value};

use super::facts::Facts;
use crate::scales::{Scale, SEGMENT, SEVERITY};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Dimension {
    EscalationTier,
    IssueCategory,
    CustomerSegment,
    Owner,
    Severity,
    RootCause,
    Day,
    Week,
    Month,
}

impl Dimension {
    pub const ALL: [Dimension; 9] = [
        Dimension::EscalationTier,
        Dimension::IssueCategory,
        Dimension::CustomerSegment,
        Dimension::Owner,
        Dimension::Severity,
        Dimension::RootCause,
        Dimension::Day,
        Dimension::Week,
        Dimension::Month,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Dimension::EscalationTier => "escalation_tier",
            Dimension::IssueCategory => "issue_category",
            Dimension::CustomerSegment => "customer_segment",
            Dimension::Owner => "owner",
            Dimension::Severity => "severity",
            Dimension::RootCause => "root_cause",
            Dimension::Day => "day",
            Dimension::Week => "week",
            Dimension::Month => "month",
        }
    }

    pub fn parse(s: &str) -> Option<Dimension> {
        Dimension::ALL.into_iter().find(|d| d.name() == s)
    }

    pub fn is_period(self) -> bool {
        matches!(self, Dimension::Day | Dimension::Week | Dimension::Month)
    }
}

/// One coordinate of a group. Ordered so rows come out sorted: tiers numerically, periods
/// chronologically, severities and segments by their scale (least serious first), other
/// text alphabetically, a missing value last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Key<'a> {
    Tier(u8),
    /// The first day of the period (a Monday for weeks, the 1st for months).
    Period(Dimension, Date),
    /// A value of an ordered scale, with its rank.
    Ranked(usize, &'a str),
    Text(&'a str),
    Missing,
}

impl Key<'_> {
    pub fn to_json(self) -> Value {
        match self {
            Key::Tier(t) => json!(t),
            Key::Text(s) | Key::Ranked(_, s) => json!(s),
            Key::Missing => Value::Null,
            Key::Period(d, date) => json!(period_label(d, date)),
        }
    }
}

/// `2025-01-06` for a day, ISO `2025-W02` for a week, `2025-01` for a month.
pub fn period_label(d: Dimension, date: Date) -> String {
    match d {
        Dimension::Week => {
            let w = date.iso_week_date();
            format!("{:04}-W{:02}", w.year(), w.week())
        }
        Dimension::Month => format!("{:04}-{:02}", date.year(), date.month()),
        _ => date.to_string(),
    }
}

/// The first day of the period of dimension `d` holding `date`.
pub fn period_start(d: Dimension, date: Date) -> Date {
    match d {
        Dimension::Week => {
            let back = i64::from(date.weekday().to_monday_zero_offset());
            date.checked_sub(jiff::Span::new().days(back))
                .unwrap_or(date)
        }
        Dimension::Month => date.first_of_month(),
        _ => date,
    }
}

/// The local date an escalation started on, in the workspace's time zone.
pub fn local_date(f: &Facts<'_>, tz: &Zone) -> Date {
    tz.to_datetime(f.opened_at).date()
}

/// Fills `out` with the key of `f` under `dims`; the local date is computed once, and only
/// when a period dimension asks for it.
pub fn key_of<'a>(f: &Facts<'a>, dims: &[Dimension], tz: &Zone, out: &mut Vec<Key<'a>>) {
    out.clear();
    let mut date: Option<Date> = None;
    let text = |s: Option<&'a str>| s.map_or(Key::Missing, Key::Text);
    // Values off the scale (a hand-edited log) still group, after the known ones.
    let ranked = |s: Option<&'a str>, scale: &Scale| match s {
        None => Key::Missing,
        Some(v) => scale.rank(v).map_or(Key::Text(v), |r| Key::Ranked(r, v)),
    };
    for d in dims {
        let k = match d {
            Dimension::EscalationTier => Key::Tier(f.peak_tier),
            Dimension::IssueCategory => text(f.category),
            Dimension::CustomerSegment => ranked(f.segment, &SEGMENT),
            Dimension::Owner => text(f.owner),
            Dimension::Severity => ranked(f.severity, &SEVERITY),
            Dimension::RootCause => text(f.root_cause),
            Dimension::Day | Dimension::Week | Dimension::Month => {
                let day = *date.get_or_insert_with(|| local_date(f, tz));
                Key::Period(*d, period_start(*d, day))
            }
        };
        out.push(k);
    }
}
