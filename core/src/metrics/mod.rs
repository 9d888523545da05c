//! calculate-metrics: escalation counts, rates, durations, SLA outcomes, trends and causes,
//! grouped by any combination of dimensions, with targets from the config.
//!
//! Escalations count when they *started* inside the date range (local dates of
//! `config.timezone`, both ends inclusive). Everything is read from the event logs at the
//! request's `now`; nothing is stored. The README's "calculate-metrics" section is the
//! user-facing definition of every metric.

pub mod config;
pub mod dims;
pub mod durations;
pub mod facts;
pub mod group;
pub mod pareto;
pub mod rate;
pub mod request;
pub mod sla;
pub mod stalled;
pub mod targets;
#[cfg(test)]
mod tests;
pub mod trend;

use std::collections::BTreeMap;

use jiff::Timestamp;
use serde_json::{json, Map, Value};

use crate::error::{ErrorCode, RequestError};
use crate::workspace::Workspace;
pub use config::{default_targets, MetricTarget, TriageVolume};
use dims::{key_of, Key};
use facts::Facts;
use group::{group_json, triaged_of, Acc, Contribution};
use rate::Volumes;
use request::Metric;
use sla::SlaTally;

/// Answers `calculate-metrics` (the request's `parameters`) at `now`.
pub fn calculate(
    ws: &Workspace,
    params: &Value,
    now: Option<Timestamp>,
) -> Result<Value, RequestError> {
    let config = &ws.config;
    let tz = crate::tzdb::get(&config.timezone).ok_or_else(|| {
        RequestError::new(
            ErrorCode::OutOfRange,
            "config.timezone",
            format!("unknown time zone '{}'", config.timezone),
        )
    })?;
    let req = request::parse(params, tz, now)?;
    let volumes = if req.wants(Metric::EscalationRate) {
        Volumes::parse(&config.triage_volume)?
    } else {
        Volumes::default()
    };
    let targets = targets::parse(&config.metric_targets)?;

    let want_sla = req.wants(Metric::SlaCompliance) || req.wants(Metric::BreachCount);
    let want_stalled = req.wants(Metric::StalledCount);
    let book = crate::sla::ClockBook::new(config);
    let mut stalled_rules = stalled::SilenceRules::new(&book);
    let mut facts: Vec<Facts<'_>> = Vec::new();
    let mut groups: BTreeMap<Vec<Key<'_>>, Acc> = BTreeMap::new();
    let mut totals = Acc::default();
    let mut key = Vec::with_capacity(req.dimensions.len());
    // One pass, one escalation at a time: its log is read while it is still in cache (a
    // hundred thousand logs do not fit), instead of once for facts and again for clocks.
    for esc in &ws.escalations {
        // Range first: a log outside the range is skipped after reading one event.
        if !facts::opened_at(esc).is_some_and(|t| req.range.contains(t)) {
            continue;
        }
        let Some(f) = facts::read(esc) else { continue };
        let mut c = Contribution::default();
        // `request::parse` refused these metrics without `now`, so `now` is set here.
        if let Some(now) = now {
            if want_sla {
                c.sla = SlaTally::of(&book, f.esc, now)?;
            }
            if want_stalled {
                c.stalled = stalled::is_stalled(&mut stalled_rules, f.esc, f.tier, f.done, now)?;
            }
        }
        key_of(&f, &req.dimensions, &req.tz, &mut key);
        match groups.get_mut(key.as_slice()) {
            Some(acc) => acc.add(&f, &c),
            None => {
                let mut acc = Acc::default();
                acc.add(&f, &c);
                groups.insert(key.clone(), acc);
            }
        }
        totals.add(&f, &c);
        facts.push(f);
    }

    let rows: Vec<Value> = groups
        .iter_mut()
        .map(|(key, acc)| {
            let metrics = acc.metrics_json(&req, triaged_of(&req, &volumes, key));
            let mut row = Map::new();
            row.insert("group".into(), group_json(&req.dimensions, key));
            if let Some(t) = targets::evaluate(&targets, &metrics) {
                row.insert("targets".into(), t);
            }
            row.insert("metrics".into(), Value::Object(metrics));
            Value::Object(row)
        })
        .collect();
    let totals = totals.metrics_json(&req, triaged_of(&req, &volumes, &[]));

    let mut out = Map::new();
    out.insert(
        "date_range".into(),
        json!({
            "start": req.range.start.map(|d| d.to_string()),
            "end": req.range.end.map(|d| d.to_string()),
            "timezone": config.timezone,
        }),
    );
    out.insert(
        "dimensions".into(),
        json!(req.dimensions.iter().map(|d| d.name()).collect::<Vec<_>>()),
    );
    out.insert(
        "metrics".into(),
        json!(req.metrics.iter().map(|m| m.name()).collect::<Vec<_>>()),
    );
    if let Some(now) = now {
        out.insert("now".into(), json!(now.to_string()));
    }
    out.insert("escalations".into(), json!(facts.len()));
    out.insert("rows".into(), Value::Array(rows));
    if let Some(t) = targets::evaluate(&targets, &totals) {
        out.insert("targets".into(), t);
    }
    out.insert("totals".into(), Value::Object(totals));
    if req.wants(Metric::VolumeTrend) {
        let t = trend::volume_trend(&facts, &req.range, req.interval, &req.tz)?;
        out.insert("trend".into(), t);
    }
    if req.wants(Metric::TopCauses) {
        out.insert("causes".into(), pareto::top_causes(&facts));
    }
    Ok(Value::Object(out))
}
