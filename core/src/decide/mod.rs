//! determine-escalation: facts from the request and the customer's history, rules, a score
//! whose reasons add up, then tier, priority, stakeholders and recommended actions.

mod history;
pub mod input;
pub mod input_text;
pub mod points;
mod record;
pub(crate) mod scan;
mod score;
mod scored;
mod sla_risk;
mod write;

use jiff::Timestamp;
use serde::Serialize;
use serde_json::{json, Value};

use crate::config::Config;
use crate::rules::RuleSet;
use crate::state::EscalationState;
use crate::workspace::Workspace;
pub use input::{DecisionInput, Detail};
pub use record::record;
pub use score::Reason;
pub use scored::{score, Scored, Scores, Verdict};
pub use write::{write_answer, write_decision};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Decision {
    pub ticket: Option<String>,
    pub tier: u8,
    pub tier_name: String,
    pub urgency_score: u8,
    pub priority: &'static str,
    pub response_target_minutes: u32,
    pub reasons: Vec<Reason>,
    /// Why the tier is what it is (score band, rule minimums, current tier).
    pub tier_reasons: Vec<String>,
    pub matched_rules: Vec<String>,
    /// Who to involve and what to do; `None` for `detail: "triage"`.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub briefing: Option<Briefing>,
}

/// The part of a decision a person acts on, left out of bulk triage answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Briefing {
    pub stakeholders: Vec<Stakeholder>,
    pub recommended_actions: Vec<Recommendation>,
    pub history: History,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stakeholder {
    pub role: String,
    pub people: Vec<PersonRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonRef {
    pub name: String,
    pub email: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recommendation {
    /// `step` or `runbook`.
    pub kind: &'static str,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The tier or rule that asked for it.
    pub source: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct History {
    pub customer: Option<String>,
    pub window_days: u32,
    pub escalations: Vec<String>,
}

/// Decides without touching the workspace. `now` only scopes history; without it, history
/// is not counted and the reason says so.
pub fn decide(
    ws: &Workspace,
    rules: &RuleSet,
    parameters: &Value,
    i: &DecisionInput,
    now: Option<Timestamp>,
) -> Decision {
    explain(
        &ws.config,
        scored::score(ws, rules, parameters, i, now),
        i,
        now,
    )
}

/// The words of a scored decision: a reason per factor and rule, why the tier is what it
/// is, and (for `detail: "full"`) who to involve and what to do.
pub fn explain(
    config: &Config,
    s: Scored<'_>,
    i: &DecisionInput,
    now: Option<Timestamp>,
) -> Decision {
    let note = match (&s.history.customer, now) {
        (_, None) => format!(
            "{} given; history not checked without now",
            i.previous_escalations
        ),
        (None, _) => format!(
            "{} given; history not checked: customer has no id or name",
            i.previous_escalations
        ),
        (Some(c), Some(_)) => format!(
            "{} given + {} for {c} in this workspace in the last {} days",
            i.previous_escalations, s.found, s.history.window_days
        ),
    };
    let mut reasons = score::base_reasons(&s.base, i, s.total_previous, &note);
    let mut tier_reasons = vec![format!(
        "urgency score {} reaches tier {}",
        s.score, s.by_score
    )];
    let mut extra_roles: Vec<(String, String)> = Vec::new();
    let mut steps: Vec<Recommendation> = Vec::new();
    for rule in &s.matched {
        if rule.effect.add_points > 0 {
            reasons.push(Reason {
                factor: format!("rule:{}", rule.id),
                value: Value::Bool(true),
                points: i32::from(rule.effect.add_points),
                why: rule.description.clone(),
            });
        }
        if let Some(t) = rule.effect.min_tier {
            tier_reasons.push(format!("rule {} requires at least tier {t}", rule.id));
        }
        for role in &rule.effect.add_stakeholders {
            extra_roles.push((role.clone(), rule.id.clone()));
        }
        for text in &rule.effect.recommend {
            steps.push(step(text, &format!("rule:{}", rule.id)));
        }
    }
    if s.sum > 100 {
        reasons.push(Reason {
            factor: "cap".into(),
            value: json!(s.sum),
            points: 100 - s.sum,
            why: format!("the score is capped at 100 (factors added up to {})", s.sum),
        });
    }
    if i.current_tier > s.by_score.max(s.min_tier) {
        tier_reasons.push(format!(
            "already at tier {}; determine-escalation never lowers a tier (see recommend-deescalation)",
            i.current_tier
        ));
    }
    if let Some((_, reason, why)) = s.sla_raise {
        reasons.push(reason);
        tier_reasons.push(why);
    }
    let tier = s.tier;
    let def = config.tier(tier);
    let briefing = (i.detail == Detail::Full).then(|| {
        briefing(
            config,
            tier,
            i,
            s.known.as_ref(),
            extra_roles,
            steps,
            s.history,
        )
    });

    Decision {
        ticket: i.ticket.map(str::to_string),
        tier,
        tier_name: def
            .map(|d| d.name.clone())
            .unwrap_or_else(|| format!("Tier {tier}")),
        urgency_score: s.score,
        priority: s.priority,
        response_target_minutes: def.map(|d| d.response_target_minutes).unwrap_or(0),
        reasons,
        tier_reasons,
        matched_rules: s.matched.iter().map(|r| r.id.clone()).collect(),
        briefing,
    }
}

/// Stakeholders of the tier and of the matched rules, then the tier's steps, the rules'
/// steps and the runbooks for the ticket's category and product.
fn briefing(
    config: &Config,
    tier: u8,
    i: &DecisionInput,
    known: Option<&EscalationState>,
    extra_roles: Vec<(String, String)>,
    steps: Vec<Recommendation>,
    history: History,
) -> Briefing {
    let def = config.tier(tier);
    let mut roles: Vec<String> = def.map(|d| d.stakeholder_roles.clone()).unwrap_or_default();
    for (role, _) in extra_roles {
        if !roles.contains(&role) {
            roles.push(role);
        }
    }
    let mut actions: Vec<Recommendation> = def
        .map(|d| {
            d.actions
                .iter()
                .map(|a| step(a, &format!("tier {tier}")))
                .collect()
        })
        .unwrap_or_default();
    actions.extend(steps);
    let category = i.category.or(known.and_then(|k| k.category.as_deref()));
    let product = i.product.or(known.and_then(|k| k.product.as_deref()));
    for rb in config.runbooks_for(category, product) {
        actions.push(Recommendation {
            kind: "runbook",
            text: rb.title.clone(),
            url: Some(rb.url.clone()),
            source: "runbooks".into(),
        });
    }

    Briefing {
        stakeholders: roles.iter().map(|r| resolve(config, r)).collect(),
        recommended_actions: actions,
        history,
    }
}

fn step(text: &str, source: &str) -> Recommendation {
    Recommendation {
        kind: "step",
        text: text.to_string(),
        url: None,
        source: source.to_string(),
    }
}

fn resolve(config: &Config, role: &str) -> Stakeholder {
    Stakeholder {
        role: role.to_string(),
        people: config
            .people_with_role(role)
            .map(|p| PersonRef {
                name: p.name.clone(),
                email: p.email.clone(),
            })
            .collect(),
    }
}

/// A determine-escalation answer at the request's `detail`.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Answer<'r> {
    Decision(Decision),
    Scores(Scores<'r>),
}

/// Scores, then words unless `detail: "scores"` asked for none.
pub fn answer<'r>(
    ws: &Workspace,
    rules: &'r RuleSet,
    parameters: &Value,
    i: &'r DecisionInput,
    now: Option<Timestamp>,
) -> Answer<'r> {
    let s = scored::score(ws, rules, parameters, i, now);
    match i.detail {
        Detail::Scores => Answer::Scores(Scores::of(s, i, rules.point_order())),
        Detail::Full | Detail::Triage => Answer::Decision(explain(&ws.config, s, i, now)),
    }
}

impl Answer<'_> {
    /// What recording this answer writes into the event log.
    pub fn verdict(&self) -> Verdict {
        let (tier, urgency_score, priority) = match self {
            Answer::Decision(d) => (d.tier, d.urgency_score, d.priority),
            Answer::Scores(s) => (s.tier, s.urgency_score, s.priority),
        };
        Verdict {
            tier,
            urgency_score,
            priority,
        }
    }
}
