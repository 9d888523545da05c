//! The determine-escalation request, validated. Every field is checked here, before any
//! scoring, so errors are reported against the request the user wrote.

use serde_json::Value;

use crate::error::{ErrorCode, RequestError};
use crate::params::{as_obj, missing, Obj};
use crate::scales::{Scale, IMPACT, SEGMENT, SENTIMENT, SEVERITY};

/// A value from an ordered scale: its rank (0 = least serious) and its name.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    pub rank: usize,
    pub name: &'static str,
}

/// How much of the decision to answer with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Detail {
    /// Everything: tier, score with reasons, stakeholders, recommended actions, history.
    #[default]
    Full,
    /// For bulk triage: tier, priority and the score with its reasons; no stakeholders,
    /// recommended actions or history, which a queue sorting thousands of tickets does not
    /// read and which are most of a full answer's size.
    Triage,
    /// For bulk triage at volume: tier, priority, score and each factor's points, no
    /// sentences at all (see `Scores`).
    Scores,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DecisionInput<'a> {
    /// Text fields borrow from the request (its `Value` or, in a batch, its text): a
    /// ticket costs no copies of them unless it is recorded.
    pub ticket: Option<&'a str>,
    pub severity: Ranked,
    pub impact: Ranked,
    pub duration_hours: f64,
    pub current_tier: u8,
    pub category: Option<&'a str>,
    pub product: Option<&'a str>,
    pub affected_users: Option<i64>,
    pub summary: Option<&'a str>,
    pub customer_id: Option<&'a str>,
    pub customer_name: Option<&'a str>,
    pub segment: Ranked,
    pub health_score: Option<f64>,
    pub contract_value: f64,
    pub previous_escalations: i64,
    pub sentiment: Ranked,
    pub record: bool,
    pub detail: Detail,
}

/// The scale's own name for the value (equal to what was written: scales match exactly),
/// so a decision holds no copy of the request's text.
// Bounds of the numeric fields, shared with the text reader (`input_text.rs`).
pub const DURATION_HOURS: (f64, f64) = (0.0, f64::INFINITY);
pub const HEALTH_SCORE: (f64, f64) = (0.0, 100.0);
pub const CONTRACT_VALUE: (f64, f64) = (0.0, f64::INFINITY);
pub const CURRENT_TIER: (i64, i64) = (1, 4);
pub const AFFECTED_USERS: (i64, i64) = (0, i64::MAX);
pub const PREVIOUS_ESCALATIONS: (i64, i64) = (0, u32::MAX as i64);

/// A `detail` by its name.
pub fn detail_named(name: &str) -> Option<Detail> {
    match name {
        "full" => Some(Detail::Full),
        "triage" => Some(Detail::Triage),
        "scores" => Some(Detail::Scores),
        _ => None,
    }
}

fn ranked(scale: &Scale, r: (usize, &str)) -> Ranked {
    Ranked {
        rank: r.0,
        name: scale.values[r.0],
    }
}

fn required<'a>(o: &Obj<'a>, key: &str) -> Result<Obj<'a>, RequestError> {
    o.obj(key)?.ok_or_else(|| missing(&o.path_of(key)))
}

pub fn parse(parameters: &Value) -> Result<DecisionInput<'_>, RequestError> {
    let p = as_obj(parameters, "parameters")?;
    // Inside issue, customer and context any field is welcome (rules may read it); beside
    // them nothing else is read, so a stray key there is a mistake worth naming.
    crate::notify::request::check_fields(
        &p,
        &["issue", "customer", "context", "record", "detail"],
    )?;
    let issue = required(&p, "issue")?;
    let customer = required(&p, "customer")?;
    let context = p.obj("context")?;

    let severity = issue
        .scale("severity", &SEVERITY)?
        .ok_or_else(|| missing(&issue.path_of("severity")))?;
    let impact = issue
        .scale("impact", &IMPACT)?
        .ok_or_else(|| missing(&issue.path_of("impact")))?;
    let segment = customer
        .scale("segment", &SEGMENT)?
        .ok_or_else(|| missing(&customer.path_of("segment")))?;

    let (previous_escalations, sentiment) = match &context {
        Some(c) => (
            c.integer_in("previous_escalations", PREVIOUS_ESCALATIONS)?
                .unwrap_or(0),
            c.scale("customer_sentiment", &SENTIMENT)?,
        ),
        None => (0, None),
    };
    // Unknown sentiment is neutral: absence of a signal is not evidence of calm or anger.
    let sentiment = sentiment.unwrap_or((1, "neutral"));

    Ok(DecisionInput {
        // A blank id is no id: the escalation is then named by its own id, not by "".
        ticket: issue.str("id")?.map(str::trim).filter(|t| !t.is_empty()),
        severity: ranked(&SEVERITY, severity),
        impact: ranked(&IMPACT, impact),
        duration_hours: issue
            .number("duration_hours", Some(DURATION_HOURS.0), None)?
            .unwrap_or(0.0),
        current_tier: issue.integer_in("current_tier", CURRENT_TIER)?.unwrap_or(1) as u8,
        category: issue.str("category")?,
        product: issue.str("product")?,
        affected_users: issue.integer_in("affected_users", AFFECTED_USERS)?,
        summary: match issue.str("summary")? {
            Some(s) => Some(s),
            None => issue.str("description")?,
        },
        customer_id: customer.str("id")?,
        customer_name: customer.str("name")?,
        segment: ranked(&SEGMENT, segment),
        health_score: customer.number(
            "health_score",
            Some(HEALTH_SCORE.0),
            Some(HEALTH_SCORE.1),
        )?,
        contract_value: customer
            .number("contract_value", Some(CONTRACT_VALUE.0), None)?
            .unwrap_or(0.0),
        previous_escalations,
        sentiment: ranked(&SENTIMENT, sentiment),
        record: p.bool("record")?.unwrap_or(false),
        detail: match p.str("detail")? {
            None => Detail::Full,
            Some(name) => detail_named(name).ok_or_else(|| {
                RequestError::new(
                    ErrorCode::OutOfRange,
                    p.path_of("detail"),
                    format!("unknown detail '{name}'; expected one of: full, triage, scores"),
                )
            })?,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn base() -> Value {
        json!({
            "issue": {"id": "T-1", "severity": "high", "impact": "single_customer"},
            "customer": {"segment": "enterprise", "health_score": 45},
            "context": {"customer_sentiment": "angry"}
        })
    }

    #[test]
    fn parses_a_minimal_request() {
        let v = base();
        let i = parse(&v).unwrap();
        assert_eq!(i.severity.rank, 2);
        assert_eq!(i.sentiment.name, "angry");
        assert_eq!(i.current_tier, 1);
    }

    #[test]
    fn errors_name_the_field() {
        let mut v = base();
        v["customer"]["health_score"] = json!(140);
        let e = parse(&v).unwrap_err();
        assert_eq!(
            (e.code, e.path.as_str()),
            (ErrorCode::OutOfRange, "parameters.customer.health_score")
        );

        let mut v = base();
        v["issue"]["severity"] = json!("urgent");
        let e = parse(&v).unwrap_err();
        assert_eq!(
            (e.code, e.path.as_str()),
            (ErrorCode::OutOfRange, "parameters.issue.severity")
        );
        assert!(e.message.contains("low, medium, high, critical"));

        let mut v = base();
        v["customer"]["contract_value"] = json!("lots");
        let e = parse(&v).unwrap_err();
        assert_eq!(e.code, ErrorCode::WrongType);

        let mut v = base();
        v["detail"] = json!("brief");
        let e = parse(&v).unwrap_err();
        assert_eq!(
            (e.code, e.path.as_str()),
            (ErrorCode::OutOfRange, "parameters.detail")
        );

        let mut v = base();
        v["issue"].as_object_mut().unwrap().remove("impact");
        let e = parse(&v).unwrap_err();
        assert_eq!(
            (e.code, e.path.as_str()),
            (ErrorCode::MissingField, "parameters.issue.impact")
        );
    }

    #[test]
    fn ticket_fields_are_welcome_but_a_stray_parameter_is_named() {
        let mut v = base();
        v["issue"]["region"] = json!("emea");
        assert!(parse(&v).is_ok(), "rules may read issue.region");
        let mut v = base();
        v["isue"] = json!({});
        let e = parse(&v).unwrap_err();
        assert_eq!(
            (e.code, e.path.as_str()),
            (ErrorCode::UnknownField, "parameters.isue")
        );
    }
}
