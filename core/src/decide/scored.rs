//! The numbers of a decision, before any words: each factor's points, the rules that
//! matched, the score and the tier. A worded decision (`Decision`) and a scores-only answer
//! (`Scores`, for bulk triage) are both read off this, so they can never disagree; the
//! scores-only one skips the sentences, which were most of the cost of a ticket.

use jiff::Timestamp;
use serde::Serialize;
use serde_json::Value;

use super::history::{history, known_ticket};
use super::points::{Point, PointOrder, CAP, FACTORS};
use super::score::{self, Reason};
use super::{sla_risk, DecisionInput, History};
use crate::config::Config;
use crate::rules::{CompiledRule, RuleSet};
use crate::state::EscalationState;
use crate::workspace::Workspace;

pub struct Scored<'r> {
    pub known: Option<EscalationState>,
    pub history: History,
    /// Escalations of this customer found in the workspace's history window.
    pub found: i64,
    /// Given in the request plus found.
    pub total_previous: i64,
    pub base: Vec<(&'static str, i32)>,
    pub matched: Vec<&'r CompiledRule>,
    /// The highest tier a matched rule asks for (1 when none does).
    pub min_tier: u8,
    /// Base and rule points before the cap at 100.
    pub sum: i32,
    pub score: u8,
    /// The tier the score alone reaches.
    pub by_score: u8,
    /// The SLA clocks' one-tier raise: tier, reason, tier explanation.
    pub sla_raise: Option<(u8, Reason, String)>,
    pub tier: u8,
    pub priority: &'static str,
}

/// What a recorded decision writes into the event log.
#[derive(Debug, Clone, Copy)]
pub struct Verdict {
    pub tier: u8,
    pub urgency_score: u8,
    pub priority: &'static str,
}

/// Scores without touching the workspace. `now` only scopes history and SLA clocks.
pub fn score<'r>(
    ws: &Workspace,
    rules: &'r RuleSet,
    parameters: &Value,
    i: &DecisionInput,
    now: Option<Timestamp>,
) -> Scored<'r> {
    let config = &ws.config;
    let known = known_ticket(ws, i);
    let history = history(ws, i, known.as_ref(), now);
    let found = history.escalations.len() as i64;
    let total_previous = i.previous_escalations + found;
    let base = score::base_points(i, total_previous);
    // SLA clocks of the ticket's live escalation, as facts and as a possible one-tier raise.
    let sla = known.as_ref().and_then(|k| {
        let current = k.tier.max(i.current_tier);
        sla_risk::assess(config, ws.escalation(&k.id), current, now)
    });
    let sla_facts = sla.as_ref().map(|r| &r.facts);
    let data = score::facts(parameters, i, total_previous, found, rules, sla_facts);
    let matched: Vec<&CompiledRule> = rules.rules.iter().filter(|r| r.matches(&data)).collect();
    let min_tier = matched
        .iter()
        .filter_map(|r| r.effect.min_tier)
        .fold(1, u8::max);
    let sum: i32 = base.iter().map(|(_, p)| p).sum::<i32>()
        + matched
            .iter()
            .map(|r| i32::from(r.effect.add_points))
            .sum::<i32>();
    let score = sum.clamp(0, 100) as u8;
    let by_score = config
        .tiers
        .iter()
        .filter(|t| score >= t.min_score)
        .map(|t| t.tier)
        .max()
        .unwrap_or(1);
    let sla_raise = sla.and_then(|r| r.raise);
    let tier = by_score
        .max(min_tier)
        .max(i.current_tier)
        .max(sla_raise.as_ref().map_or(1, |r| r.0));
    Scored {
        known,
        history,
        found,
        total_previous,
        base,
        matched,
        min_tier,
        sum,
        score,
        by_score,
        sla_raise,
        tier,
        priority: priority(config, i.impact.rank, score),
    }
}

/// ITIL impact x urgency: each on three levels (1 high .. 3 low), priority = sum - 1, so
/// high/high is P1 and low/low is P5.
pub fn priority(config: &Config, impact_rank: usize, score: u8) -> &'static str {
    let impact = match impact_rank {
        0 => 3,
        1 => 2,
        _ => 1,
    };
    let p = &config.priority;
    let urgency = if score >= p.urgency_high_at {
        1
    } else if score >= p.urgency_medium_at {
        2
    } else {
        3
    };
    ["P1", "P2", "P3", "P4", "P5"][impact + urgency - 2]
}

/// `detail: "scores"`: the tier and what its score is made of, without sentences, for
/// queues that triage thousands of tickets at once. `points` holds only the factors and
/// rules that gave points (and `cap` when the sum passed 100), so they add up to
/// `urgency_score`.
#[derive(Debug, Clone, Serialize)]
pub struct Scores<'r> {
    pub ticket: Option<&'r str>,
    pub tier: u8,
    pub priority: &'static str,
    pub urgency_score: u8,
    #[serde(serialize_with = "as_map")]
    pub points: Vec<Point<'r>>,
    #[serde(serialize_with = "ids")]
    pub matched_rules: Vec<&'r CompiledRule>,
    /// The SLA clock that raised the tier (`sla:first_response`, ...), when one did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sla_raise: Option<String>,
    /// The numbering of `points` and `matched_rules` (`Point::id`, `CompiledRule::point`).
    #[serde(skip)]
    pub order: &'r PointOrder,
}

fn as_map<S: serde::Serializer>(points: &[Point], s: S) -> Result<S::Ok, S::Error> {
    s.collect_map(points.iter().map(|p| (p.factor, p.points)))
}

fn ids<S: serde::Serializer>(rules: &[&CompiledRule], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(rules.iter().map(|r| &r.id))
}

impl<'r> Scores<'r> {
    pub fn of(s: Scored<'r>, i: &'r DecisionInput, order: &'r PointOrder) -> Scores<'r> {
        let mut fixed = [0; FACTORS.len()];
        for (k, &(factor, p)) in s.base.iter().enumerate() {
            debug_assert_eq!(FACTORS[k], factor, "base_points lists FACTORS in order");
            fixed[k] = p;
        }
        if s.sum > 100 {
            fixed[CAP as usize] = 100 - s.sum;
        }
        let mut points = Vec::with_capacity(s.base.len() + s.matched.len() + 1);
        for &id in order.fixed() {
            let p = fixed[id as usize];
            if p != 0 {
                points.push(Point {
                    factor: FACTORS[id as usize],
                    points: p,
                    id,
                });
            }
        }
        for r in s.matched.iter().filter(|r| r.effect.add_points > 0) {
            points.push(Point {
                factor: &r.factor,
                points: i32::from(r.effect.add_points),
                id: r.point,
            });
        }
        // Sorted as a JSON object's keys are everywhere else in the door's answers (the
        // fixed factors already are, so only rules' points move). Two rules of one id share
        // their key: one entry with both rules' points, never a key given twice.
        order.sort(&mut points);
        Scores {
            ticket: i.ticket,
            tier: s.tier,
            priority: s.priority,
            urgency_score: s.score,
            points,
            matched_rules: s.matched,
            sla_raise: s.sla_raise.map(|(_, r, _)| r.factor),
            order,
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::decide::{answer, input};
    use crate::workspace::Workspace;

    /// Regression: two rules of one id (possible in an imported config) wrote the key
    /// `rule:<id>` twice in `points`, which strict JSON readers refuse.
    #[test]
    fn rules_sharing_an_id_share_one_points_entry() {
        let mut ws = Workspace::default();
        let mut twin = ws.config.rules[0].clone();
        twin.id = "twin".into();
        twin.condition = json!({">=": [{"var": "facts.severity_rank"}, 0]});
        twin.effect.add_points = 3;
        twin.effect.min_tier = None;
        ws.config.rules.extend([twin.clone(), twin]);
        let params = json!({"issue": {"severity": "low", "impact": "single_user"},
            "customer": {"segment": "smb"}, "detail": "scores"});
        let i = input::parse(&params).unwrap();
        let rules = ws.rules().unwrap();
        let text = serde_json::to_string(&answer(&ws, rules, &params, &i, None)).unwrap();
        assert_eq!(text.matches("\"rule:twin\"").count(), 1, "{text}");
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["points"]["rule:twin"], 6);
        let sum: i64 = v["points"]
            .as_object()
            .unwrap()
            .values()
            .map(|p| p.as_i64().unwrap())
            .sum();
        assert_eq!(
            sum,
            v["urgency_score"].as_i64().unwrap(),
            "points still add up"
        );
    }
}
