//! The per-group accumulator and its rendering into `{metric: value}`. One escalation's
//! contribution is computed once and added both to its group and to the totals, so the
//! totals are an independent sum (the property tests compare the two).

use serde_json::{json, Map, Value};

use super::dims::{Dimension, Key};
use super::durations::Durations;
use super::facts::Facts;
use super::rate::{day_number, rate_json, Slice, Volumes};
use super::request::{Metric, MetricsRequest};
use super::sla::SlaTally;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Acc {
    pub count: u64,
    pub re_escalated: u64,
    pub stalled: u64,
    pub resolve: Durations,
    pub ack: Durations,
    pub sla: SlaTally,
}

/// What one escalation adds to a group, computed once for its group and the totals.
#[derive(Debug, Clone, Copy, Default)]
pub struct Contribution {
    pub stalled: bool,
    pub sla: SlaTally,
}

impl Acc {
    pub fn add(&mut self, f: &Facts<'_>, c: &Contribution) {
        self.count += 1;
        self.re_escalated += u64::from(f.re_escalated);
        self.stalled += u64::from(c.stalled);
        self.resolve.add(f.opened_at, f.resolved_at);
        self.ack.add(f.opened_at, f.acknowledged_at);
        self.sla.merge(&c.sla);
    }

    /// The requested per-row metrics, in request order; `triaged` is the group's triage
    /// volume (only read for escalation_rate).
    pub fn metrics_json(
        &mut self,
        req: &MetricsRequest,
        triaged: Option<f64>,
    ) -> Map<String, Value> {
        let mut m = Map::new();
        for metric in req.metrics.iter().filter(|m| m.per_row()) {
            let v = match metric {
                Metric::EscalationCount => json!(self.count),
                Metric::EscalationRate => rate_json(self.count, triaged),
                Metric::MttrEscalations => self.resolve.to_json("resolved", "unresolved"),
                Metric::Mtta => self.ack.to_json("acknowledged", "unacknowledged"),
                Metric::SlaCompliance => self.sla.compliance_json(),
                Metric::BreachCount => self.sla.breach_json(),
                Metric::ReEscalationCount => json!(self.re_escalated),
                Metric::StalledCount => json!(self.stalled),
                Metric::VolumeTrend | Metric::TopCauses => continue,
            };
            m.insert(metric.name().to_string(), v);
        }
        m
    }
}

/// `{dimension: value}` of a row.
pub fn group_json(dims: &[Dimension], key: &[Key<'_>]) -> Value {
    let mut g = Map::new();
    for (d, k) in dims.iter().zip(key) {
        g.insert(d.name().to_string(), k.to_json());
    }
    Value::Object(g)
}

/// The slice of triage volume a group covers: its category and segment when split by them,
/// and the days both inside the date range and inside the group's periods.
pub fn slice_of<'k>(req: &MetricsRequest, key: &[Key<'k>]) -> Slice<'k> {
    let mut s = Slice {
        first: req.range.start.map(day_number),
        last: req.range.end.map(day_number),
        ..Slice::default()
    };
    for (d, k) in req.dimensions.iter().zip(key) {
        let text = match k {
            Key::Text(t) | Key::Ranked(_, t) => Some(*t),
            _ => None,
        };
        match (d, k) {
            (Dimension::IssueCategory, _) => s.category = Some(text),
            (Dimension::CustomerSegment, _) => s.segment = Some(text),
            (_, Key::Period(p, start)) => {
                let first = day_number(*start);
                let last = match p {
                    Dimension::Week => first + 6,
                    Dimension::Month => first + i64::from(start.days_in_month()) - 1,
                    _ => first,
                };
                s.first = Some(s.first.map_or(first, |f| f.max(first)));
                s.last = Some(s.last.map_or(last, |l| l.min(last)));
            }
            _ => {}
        }
    }
    s
}

/// The group's triage volume, when the request asks for a rate.
pub fn triaged_of(req: &MetricsRequest, volumes: &Volumes<'_>, key: &[Key<'_>]) -> Option<f64> {
    if !req.wants(Metric::EscalationRate) {
        return None;
    }
    volumes.triaged(&slice_of(req, key))
}
