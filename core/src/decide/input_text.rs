//! determine-escalation parameters read straight from their JSON text, for bulk triage:
//! typed and borrowed, with no `Value` tree, no map and no string copied per key. Building
//! that tree was the largest single cost of a ticket.
//!
//! This reader only ever says "valid, and here is the input" or "not for me" (`None`); it
//! never writes an error. Anything unusual (a wrong type, a value out of range, an escaped
//! string, a duplicate key, any field it does not read, a list where an object belongs) goes
//! to the door, which reads the text strictly and names the field. So this reader parses
//! every byte it accepts as a typed scalar: nothing is skipped unread (serde's skipping does
//! not check what the strict reader checks: repeated keys, lone surrogates, huge numbers).
//! A test checks it agrees with [`super::input::parse`] on every input it accepts.

use std::marker::PhantomData;

use serde::de::{value::MapAccessDeserializer, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::input::{self, DecisionInput, Detail, Ranked};
use crate::scales::{Scale, IMPACT, SEGMENT, SENTIMENT, SEVERITY};

/// A struct read from a JSON object only. serde's derived structs also take a list (fields in
/// order), which the door refuses (`wrong_type`), so a list here must not be read.
struct Obj<T>(T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Obj<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Only<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for Only<T> {
            type Value = T;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
                T::deserialize(MapAccessDeserializer::new(map))
            }
        }
        d.deserialize_map(Only(PhantomData)).map(Obj)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Params<'a> {
    #[serde(borrow)]
    issue: Obj<Issue<'a>>,
    #[serde(borrow)]
    customer: Obj<Customer<'a>>,
    #[serde(borrow, default)]
    context: Option<Obj<Context<'a>>>,
    #[serde(default)]
    record: Option<bool>,
    /// Absent (the batch's detail applies) apart from null (the door's default, `full`:
    /// a batch fills in only a detail the ticket does not name).
    #[serde(borrow, default, deserialize_with = "present")]
    detail: Option<Option<&'a str>>,
}

fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Option<&'de str>>, D::Error> {
    Option::<&str>::deserialize(d).map(Some)
}

/// Other fields are welcome in a request (rules may read them), but not read here: a ticket
/// carrying one goes through the door.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Issue<'a> {
    #[serde(borrow, default)]
    id: Option<&'a str>,
    #[serde(borrow)]
    severity: Option<&'a str>,
    #[serde(borrow)]
    impact: Option<&'a str>,
    #[serde(default)]
    duration_hours: Option<f64>,
    #[serde(default)]
    current_tier: Option<i64>,
    #[serde(borrow, default)]
    category: Option<&'a str>,
    #[serde(borrow, default)]
    product: Option<&'a str>,
    #[serde(default)]
    affected_users: Option<i64>,
    #[serde(borrow, default)]
    summary: Option<&'a str>,
    #[serde(borrow, default)]
    description: Option<&'a str>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Customer<'a> {
    #[serde(borrow, default)]
    id: Option<&'a str>,
    #[serde(borrow, default)]
    name: Option<&'a str>,
    #[serde(borrow)]
    segment: Option<&'a str>,
    #[serde(default)]
    health_score: Option<f64>,
    #[serde(default)]
    contract_value: Option<f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Context<'a> {
    #[serde(default)]
    previous_escalations: Option<i64>,
    #[serde(borrow, default)]
    customer_sentiment: Option<&'a str>,
}

/// The input when `text` is parameters [`input::parse`] would accept, read the same way
/// (`detail` applies when the text sets none); `None` when it is anything else (which that
/// parser then reports).
pub fn read(text: &str, detail: Detail) -> Option<DecisionInput> {
    let mut de = serde_json::Deserializer::from_str(text);
    let Obj(p) = Obj::<Params>::deserialize(&mut de).ok()?;
    de.end().ok()?;
    let (i, c) = (p.issue.0, p.customer.0);
    let ranked = |scale: &Scale, v: Option<&str>| {
        let rank = scale.rank(v?)?;
        Some(Ranked {
            rank,
            name: scale.values[rank],
        })
    };
    let within = |n: Option<f64>, (min, max): (f64, f64)| n.is_none_or(|n| n >= min && n <= max);
    let whole = |n: Option<i64>, (min, max): (i64, i64)| n.is_none_or(|n| n >= min && n <= max);
    let (previous_escalations, sentiment) = match &p.context {
        Some(Obj(x)) => (x.previous_escalations, x.customer_sentiment),
        None => (None, None),
    };
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
        ticket: i
            .id
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string),
        severity: ranked(&SEVERITY, i.severity)?,
        impact: ranked(&IMPACT, i.impact)?,
        duration_hours: i.duration_hours.unwrap_or(0.0),
        current_tier: i.current_tier.unwrap_or(1) as u8,
        category: i.category.map(str::to_string),
        product: i.product.map(str::to_string),
        affected_users: i.affected_users,
        summary: i.summary.or(i.description).map(str::to_string),
        customer_id: c.id.map(str::to_string),
        customer_name: c.name.map(str::to_string),
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
