//! Targets per metric (`config.metric_targets`): each row and the totals say, for every
//! target whose metric was requested, the actual figure, whether it met the target, and the
//! delta (actual - target; negative is below target).

use serde_json::{json, Map, Value};

use super::config::MetricTarget;
use super::durations::round4;
use super::request::Metric;
use crate::error::{ErrorCode, RequestError};

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Bound {
    AtMost(f64),
    AtLeast(f64),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Target<'a> {
    /// As written in the config, e.g. `mttr_escalations.median_minutes`.
    pub label: &'a str,
    pub metric: Metric,
    /// The path inside the metric's value after the metric name.
    pub fields: Vec<&'a str>,
    pub bound: Bound,
}

/// Checks the configured targets; errors name `config.metric_targets[i]`.
pub fn parse(targets: &[MetricTarget]) -> Result<Vec<Target<'_>>, RequestError> {
    targets
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let path = format!("config.metric_targets[{i}]");
            let mut parts = t.metric.split('.');
            let name = parts.next().unwrap_or_default();
            let metric = Metric::parse(name).filter(|m| m.per_row()).ok_or_else(|| {
                RequestError::new(
                    ErrorCode::OutOfRange,
                    format!("{path}.metric"),
                    format!("no per-row metric '{name}' to set a target for"),
                )
            })?;
            let bound = match (t.at_most, t.at_least) {
                (Some(x), None) if x.is_finite() => Bound::AtMost(x),
                (None, Some(x)) if x.is_finite() => Bound::AtLeast(x),
                _ => {
                    return Err(RequestError::new(
                        ErrorCode::OutOfRange,
                        path,
                        "give exactly one of `at_most` or `at_least`, a number",
                    ))
                }
            };
            Ok(Target {
                label: &t.metric,
                metric,
                fields: parts.collect(),
                bound,
            })
        })
        .collect()
}

/// The headline number of a metric value: numbers are themselves; objects are read at
/// the first of these keys they have, so `sla_compliance` means its overall compliance and
/// `mttr_escalations` its mean.
const HEADLINE: &[&str] = &["rate", "overall", "compliance", "mean_minutes", "total"];

fn actual(value: &Value, fields: &[&str]) -> Option<f64> {
    let mut v = value;
    for f in fields {
        v = v.get(f)?;
    }
    loop {
        match v {
            Value::Number(n) => return n.as_f64(),
            Value::Object(o) => v = HEADLINE.iter().find_map(|k| o.get(*k))?,
            _ => return None,
        }
    }
}

/// `{label: {target: {at_most|at_least}, actual, met, delta}}` for the targets whose metric
/// is in `metrics`; `None` when no target applies.
pub fn evaluate(targets: &[Target<'_>], metrics: &Map<String, Value>) -> Option<Value> {
    let mut out = Map::new();
    for t in targets {
        let Some(value) = metrics.get(t.metric.name()) else {
            continue;
        };
        let (target_json, goal) = match t.bound {
            Bound::AtMost(x) => (json!({"at_most": x}), x),
            Bound::AtLeast(x) => (json!({"at_least": x}), x),
        };
        let entry = match actual(value, &t.fields) {
            None => json!({"target": target_json, "actual": null, "met": null, "delta": null}),
            Some(a) => {
                let met = match t.bound {
                    Bound::AtMost(x) => a <= x,
                    Bound::AtLeast(x) => a >= x,
                };
                json!({"target": target_json, "actual": a, "met": met,
                       "delta": round4(a - goal)})
            }
        };
        out.insert(t.label.to_string(), entry);
    }
    (!out.is_empty()).then_some(Value::Object(out))
}
