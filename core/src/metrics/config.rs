//! The workspace settings metrics read: triage volume (the denominator of escalation_rate)
//! and targets per metric. Data only; they are checked when a request uses them, so a bad
//! entry names its place in `config` instead of refusing the whole workspace.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How many tickets support triaged in one period, optionally for one category and/or
/// customer segment. Give exactly one of `month` (`2025-01`) or `date` (`2025-01-06`).
/// Entries may be as coarse or fine as the helpdesk export allows: a month total without
/// category or segment counts for every category and segment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TriageVolume {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment: Option<String>,
    pub tickets: u32,
}

/// A target for one metric. `metric` is a metric name, optionally with a field of its value
/// (`mttr_escalations.median_minutes`, `sla_compliance.first_response`); give exactly one of
/// `at_most` or `at_least`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MetricTarget {
    pub metric: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_most: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_least: Option<f64>,
}

/// The starter targets of a new workspace: what a support lead would put on a wall chart.
pub fn default_targets() -> Vec<MetricTarget> {
    let t = |metric: &str, at_most: Option<f64>, at_least: Option<f64>| MetricTarget {
        metric: metric.to_string(),
        at_most,
        at_least,
    };
    vec![
        t("escalation_rate", Some(0.1), None),
        t("mttr_escalations", Some(2880.0), None),
        t("mtta", Some(120.0), None),
        t("sla_compliance", None, Some(0.9)),
    ]
}
