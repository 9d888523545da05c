//! determine-escalation parameters read straight from their JSON text, for bulk triage:
//! typed and borrowed, with no `Value` tree, no map and no string copied per key. Building
//! that tree was the largest single cost of a ticket.
//!
//! This reader only ever says "valid, and here is the input" or "not for me" (`None`); it
//! never writes an error. Anything unusual (a wrong type, a value out of range, an escaped
//! string, a duplicate key, any field it does not read, a list where an object belongs) goes
//! to the door, which reads the text strictly and names the field. So this reader parses
//! every byte it accepts as a typed scalar: nothing is skipped unread (a skip would not check
//! what the strict reader checks: repeated keys, lone surrogates, huge numbers).
//! A test checks it agrees with [`super::input::parse`] on every input it accepts.

use super::input::{self, DecisionInput, Detail, Ranked};
use super::scan::{skip_space, Scan};
use crate::scales::{Scale, IMPACT, SEGMENT, SENTIMENT, SEVERITY};

struct Params<'a> {
    issue: Issue<'a>,
    customer: Customer<'a>,
    context: Context<'a>,
    record: Option<bool>,
    /// Absent (the batch's detail applies) apart from null (the door's default, `full`:
    /// a batch fills in only a detail the ticket does not name).
    detail: Option<Option<&'a str>>,
}

/// Other fields are welcome in a request (rules may read them), but not read here: a ticket
/// carrying one goes through the door. Null reads as not given, as the door reads it.
#[derive(Default)]
struct Issue<'a> {
    id: Option<&'a str>,
    severity: Option<&'a str>,
    impact: Option<&'a str>,
    duration_hours: Option<f64>,
    current_tier: Option<i64>,
    category: Option<&'a str>,
    product: Option<&'a str>,
    affected_users: Option<i64>,
    summary: Option<&'a str>,
    description: Option<&'a str>,
}

#[derive(Default)]
struct Customer<'a> {
    id: Option<&'a str>,
    name: Option<&'a str>,
    segment: Option<&'a str>,
    health_score: Option<f64>,
    contract_value: Option<f64>,
}

#[derive(Default)]
struct Context<'a> {
    previous_escalations: Option<i64>,
    customer_sentiment: Option<&'a str>,
}

/// A value that may be null, which reads as not given.
fn nullable<'a, T>(
    s: &mut Scan<'a>,
    read: impl FnOnce(&mut Scan<'a>) -> Option<T>,
) -> Option<Option<T>> {
    if s.null() {
        Some(None)
    } else {
        read(s).map(Some)
    }
}

fn params<'a>(s: &mut Scan<'a>) -> Option<Params<'a>> {
    let (mut issue, mut customer, mut context) = (None, None, Context::default());
    let (mut record, mut detail) = (None, None);
    s.object(
        &["issue", "customer", "context", "record", "detail"],
        |k, s| {
            match k {
                0 => issue = Some(read_issue(s)?),
                1 => customer = Some(read_customer(s)?),
                2 => {
                    if !s.null() {
                        context = read_context(s)?;
                    }
                }
                3 => record = nullable(s, Scan::boolean)?,
                _ => detail = Some(nullable(s, Scan::string)?),
            }
            Some(())
        },
    )?;
    Some(Params {
        issue: issue?,
        customer: customer?,
        context,
        record,
        detail,
    })
}

fn read_issue<'a>(s: &mut Scan<'a>) -> Option<Issue<'a>> {
    let mut i = Issue::default();
    let keys = [
        "id",
        "severity",
        "impact",
        "duration_hours",
        "current_tier",
        "category",
        "product",
        "affected_users",
        "summary",
        "description",
    ];
    s.object(&keys, |k, s| {
        match k {
            0 => i.id = nullable(s, Scan::string)?,
            1 => i.severity = nullable(s, Scan::string)?,
            2 => i.impact = nullable(s, Scan::string)?,
            3 => i.duration_hours = nullable(s, Scan::float)?,
            4 => i.current_tier = nullable(s, Scan::int)?,
            5 => i.category = nullable(s, Scan::string)?,
            6 => i.product = nullable(s, Scan::string)?,
            7 => i.affected_users = nullable(s, Scan::int)?,
            8 => i.summary = nullable(s, Scan::string)?,
            _ => i.description = nullable(s, Scan::string)?,
        }
        Some(())
    })?;
    Some(i)
}

fn read_customer<'a>(s: &mut Scan<'a>) -> Option<Customer<'a>> {
    let mut c = Customer::default();
    let keys = ["id", "name", "segment", "health_score", "contract_value"];
    s.object(&keys, |k, s| {
        match k {
            0 => c.id = nullable(s, Scan::string)?,
            1 => c.name = nullable(s, Scan::string)?,
            2 => c.segment = nullable(s, Scan::string)?,
            3 => c.health_score = nullable(s, Scan::float)?,
            _ => c.contract_value = nullable(s, Scan::float)?,
        }
        Some(())
    })?;
    Some(c)
}

fn read_context<'a>(s: &mut Scan<'a>) -> Option<Context<'a>> {
    let mut x = Context::default();
    s.object(&["previous_escalations", "customer_sentiment"], |k, s| {
        match k {
            0 => x.previous_escalations = nullable(s, Scan::int)?,
            _ => x.customer_sentiment = nullable(s, Scan::string)?,
        }
        Some(())
    })?;
    Some(x)
}

/// The input when `text` is parameters [`input::parse`] would accept, read the same way
/// (`detail` applies when the text sets none); `None` when it is anything else (which that
/// parser then reports).
pub fn read(text: &str, detail: Detail) -> Option<DecisionInput<'_>> {
    let (input, used) = read_first(text, detail)?;
    (skip_space(text, used) == text.len()).then_some(input)
}

/// [`read`] of the JSON value at the start of `text` (after any whitespace), whatever
/// follows it: the input and the byte offset just past the value. A batch reads its list
/// this way, ticket after ticket, in one pass over the text.
pub fn read_first(text: &str, detail: Detail) -> Option<(DecisionInput<'_>, usize)> {
    let mut s = Scan::new(text);
    let p = params(&mut s)?;
    Some((finish(p, detail)?, s.pos()))
}

fn finish(p: Params<'_>, detail: Detail) -> Option<DecisionInput<'_>> {
    let (i, c, x) = (p.issue, p.customer, p.context);
    let ranked = |scale: &Scale, v: Option<&str>| {
        let rank = scale.rank(v?)?;
        Some(Ranked {
            rank,
            name: scale.values[rank],
        })
    };
    let within = |n: Option<f64>, (min, max): (f64, f64)| n.is_none_or(|n| n >= min && n <= max);
    let whole = |n: Option<i64>, (min, max): (i64, i64)| n.is_none_or(|n| n >= min && n <= max);
    let (previous_escalations, sentiment) = (x.previous_escalations, x.customer_sentiment);
    let fits = within(i.duration_hours, input::DURATION_HOURS)
        && within(c.health_score, input::HEALTH_SCORE)
        && within(c.contract_value, input::CONTRACT_VALUE)
        && whole(i.current_tier, input::CURRENT_TIER)
        && whole(i.affected_users, input::AFFECTED_USERS)
        && whole(previous_escalations, input::PREVIOUS_ESCALATIONS);
    if !fits {
        return None;
    }
    let sentiment = match sentiment {
        None => Ranked {
            rank: 1,
            name: "neutral",
        },
        s => ranked(&SENTIMENT, s)?,
    };
    Some(DecisionInput {
        ticket: i.id.map(str::trim).filter(|t| !t.is_empty()),
        severity: ranked(&SEVERITY, i.severity)?,
        impact: ranked(&IMPACT, i.impact)?,
        duration_hours: i.duration_hours.unwrap_or(0.0),
        current_tier: i.current_tier.unwrap_or(1) as u8,
        category: i.category,
        product: i.product,
        affected_users: i.affected_users,
        summary: i.summary.or(i.description),
        customer_id: c.id,
        customer_name: c.name,
        segment: ranked(&SEGMENT, c.segment)?,
        health_score: c.health_score,
        contract_value: c.contract_value.unwrap_or(0.0),
        previous_escalations: previous_escalations.unwrap_or(0),
        sentiment,
        record: p.record.unwrap_or(false),
        detail: match p.detail {
            None => detail,
            Some(None) => Detail::Full,
            Some(Some(d)) => input::detail_named(d)?,
        },
    })
}
