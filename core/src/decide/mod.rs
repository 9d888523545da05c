//! determine-escalation: facts from the request and the customer's history, rules, a score
//! whose reasons add up, then tier, priority, stakeholders and recommended actions.

pub mod input;
mod record;
mod score;
mod sla_risk;
mod write;

use jiff::{SignedDuration, Timestamp};
use serde::Serialize;
use serde_json::{json, Value};

use crate::config::Config;
use crate::event::{CustomerRef, Escalation, EventKind};
use crate::rules::RuleSet;
use crate::state::{fold, EscalationState};
use crate::workspace::Workspace;
pub use input::{DecisionInput, Detail};
pub use record::record;
pub use score::Reason;
pub use write::write_decision;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Decision {
    pub ticket: Option<String>,
    pub tier: u8,
    pub tier_name: String,
    pub urgency_score: u8,
    pub priority: String,
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

/// What `fold` would give as ticket, customer and opening time, read without folding: all
/// three come from the last `created` event only. Lets a ticket skip the escalations that
/// cannot be its own or its customer's instead of folding the whole workspace per ticket.
struct Opening<'a> {
    ticket: &'a str,
    customer: Option<&'a CustomerRef>,
    opened_at: Option<Timestamp>,
}

fn opening(esc: &Escalation) -> Opening<'_> {
    let mut o = Opening {
        ticket: "",
        customer: None,
        opened_at: None,
    };
    for e in &esc.events {
        if let EventKind::Created {
            ticket, customer, ..
        } = &e.kind
        {
            o = Opening {
                ticket,
                customer: Some(customer),
                opened_at: Some(e.at),
            };
        }
    }
    o
}

/// The live record of this ticket, if the workspace has one: it supplies what the request
/// leaves out (customer identity for history, category and product for runbooks).
fn known_ticket(ws: &Workspace, i: &DecisionInput) -> Option<EscalationState> {
    let ticket = i.ticket.as_deref()?;
    ws.escalations
        .iter()
        .find(|e| opening(e).ticket == ticket)
        .map(fold)
}

/// Who the customer is, for history: explicit id or name, else the known ticket's customer.
fn customer_key(i: &DecisionInput, known: Option<&EscalationState>) -> Option<String> {
    i.customer_id
        .clone()
        .or_else(|| i.customer_name.clone())
        .or_else(|| {
            let c = &known?.customer;
            c.id.clone().or_else(|| c.name.clone())
        })
}

fn history(
    ws: &Workspace,
    i: &DecisionInput,
    known: Option<&EscalationState>,
    now: Option<Timestamp>,
) -> History {
    let window = ws.config.history_window_days;
    let mut h = History {
        customer: customer_key(i, known),
        window_days: window,
        escalations: Vec::new(),
    };
    let (Some(key), Some(now)) = (h.customer.as_deref(), now) else {
        return h;
    };
    let since = crate::later::shifted(now, SignedDuration::from_hours(-24 * i64::from(window)));
    for esc in &ws.escalations {
        let o = opening(esc);
        let same = o
            .customer
            .is_some_and(|c| c.id.as_deref() == Some(key) || c.name.as_deref() == Some(key));
        let in_window = o.opened_at.is_some_and(|t| t >= since && t < now);
        let other_ticket = i.ticket.as_deref() != Some(o.ticket);
        if same && in_window && other_ticket {
            h.escalations.push(esc.id.clone());
        }
    }
    h
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
    let config = &ws.config;
    let known = known_ticket(ws, i);
    let hist = history(ws, i, known.as_ref(), now);
    let found = hist.escalations.len() as i64;
    let total_previous = i.previous_escalations + found;
    let note = match (&hist.customer, now) {
        (_, None) => format!(
            "{} given; history not checked without now",
            i.previous_escalations
        ),
        (None, _) => format!(
            "{} given; history not checked: customer has no id or name",
            i.previous_escalations
        ),
        (Some(c), Some(_)) => format!(
            "{} given + {found} for {c} in this workspace in the last {} days",
            i.previous_escalations, hist.window_days
        ),
    };
    let mut reasons = score::base_reasons(i, total_previous, &note);
    let mut data = score::facts(parameters, i, total_previous, found, rules);
    // SLA clocks of the ticket's live escalation, as facts and as a possible one-tier raise.
    let sla = known.as_ref().and_then(|k| {
        let current = k.tier.max(i.current_tier);
        sla_risk::assess(config, ws.escalation(&k.id), current, now)
    });
    if let Some(risk) = sla.as_ref().filter(|_| rules.reads_fact("sla")) {
        data["facts"]["sla"] = risk.facts.clone();
    }

    let mut matched = Vec::new();
    let mut min_tier = 1u8;
    let mut tier_reasons = Vec::new();
    let mut extra_roles: Vec<(String, String)> = Vec::new();
    let mut steps: Vec<Recommendation> = Vec::new();
    for rule in rules.rules.iter().filter(|r| r.matches(&data)) {
        matched.push(rule.id.clone());
        if rule.effect.add_points > 0 {
            reasons.push(Reason {
                factor: format!("rule:{}", rule.id),
                value: Value::Bool(true),
                points: i32::from(rule.effect.add_points),
                why: rule.description.clone(),
            });
        }
        if let Some(t) = rule.effect.min_tier {
            if t > min_tier {
                min_tier = t;
            }
            tier_reasons.push(format!("rule {} requires at least tier {t}", rule.id));
        }
        for role in &rule.effect.add_stakeholders {
            extra_roles.push((role.clone(), rule.id.clone()));
        }
        for text in &rule.effect.recommend {
            steps.push(step(text, &format!("rule:{}", rule.id)));
        }
    }

    let sum: i32 = reasons.iter().map(|r| r.points).sum();
    if sum > 100 {
        reasons.push(Reason {
            factor: "cap".into(),
            value: json!(sum),
            points: 100 - sum,
            why: format!("the score is capped at 100 (factors added up to {sum})"),
        });
    }
    let score = sum.clamp(0, 100) as u8;

    let by_score = config
        .tiers
        .iter()
        .filter(|t| score >= t.min_score)
        .map(|t| t.tier)
        .max()
        .unwrap_or(1);
    tier_reasons.insert(0, format!("urgency score {score} reaches tier {by_score}"));
    if i.current_tier > by_score.max(min_tier) {
        tier_reasons.push(format!(
            "already at tier {}; determine-escalation never lowers a tier (see recommend-deescalation)",
            i.current_tier
        ));
    }
    let mut tier = by_score.max(min_tier).max(i.current_tier);
    if let Some((to, reason, why)) = sla.and_then(|r| r.raise) {
        tier = tier.max(to);
        reasons.push(reason);
        tier_reasons.push(why);
    }
    let def = config.tier(tier);
    let briefing = (i.detail == Detail::Full)
        .then(|| briefing(config, tier, i, known.as_ref(), extra_roles, steps, hist));

    Decision {
        ticket: i.ticket.clone(),
        tier,
        tier_name: def
            .map(|d| d.name.clone())
            .unwrap_or_else(|| format!("Tier {tier}")),
        urgency_score: score,
        priority: priority(config, i.impact.rank, score),
        response_target_minutes: def.map(|d| d.response_target_minutes).unwrap_or(0),
        reasons,
        tier_reasons,
        matched_rules: matched,
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
    let category = i
        .category
        .as_deref()
        .or(known.and_then(|k| k.category.as_deref()));
    let product = i
        .product
        .as_deref()
        .or(known.and_then(|k| k.product.as_deref()));
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

/// ITIL impact x urgency: each on three levels (1 high .. 3 low), priority = sum - 1, so
/// high/high is P1 and low/low is P5.
pub fn priority(config: &Config, impact_rank: usize, score: u8) -> String {
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
    format!("P{}", impact + urgency - 1)
}
