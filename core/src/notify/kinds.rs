//! The notification types: who reads them (internal staff or the customer), how they are
//! titled, and what PagerDuty should do with them. Handoffs exist for every tier
//! (`tier1_handoff` … `tier4_handoff`); the seed's `tier2_handoff` is one of them.

/// Types other than handoffs, in the order the docs list them.
pub const TYPES: &[&str] = &[
    "escalation_alert",
    "management_summary",
    "customer_confirmation",
    "pager_trigger",
    "executive_briefing",
    "aging_reminder",
    "sla_warning",
    "sla_breach",
    "deescalation_notice",
    "customer_resolution_update",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Internal,
    Customer,
}

impl Audience {
    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Internal => "internal",
            Audience::Customer => "customer",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kind {
    pub id: String,
    pub title: String,
    /// One sentence that opens every channel's message.
    pub headline: &'static str,
    pub audience: Audience,
    /// Set for handoffs: the tier the escalation is handed to.
    pub handoff_tier: Option<u8>,
    /// PagerDuty `event_action` when the request does not choose one.
    pub pager_action: &'static str,
}

/// Every id the request may use, for error messages.
pub fn all_ids() -> String {
    let mut ids: Vec<String> = (1..=4).map(|t| format!("tier{t}_handoff")).collect();
    ids.extend(TYPES.iter().map(|s| s.to_string()));
    ids.join(", ")
}

pub fn parse(id: &str) -> Option<Kind> {
    if let Some(t) = id
        .strip_prefix("tier")
        .and_then(|r| r.strip_suffix("_handoff"))
        .and_then(|n| n.parse::<u8>().ok())
        .filter(|t| (1..=4).contains(t))
    {
        return Some(Kind {
            id: id.to_string(),
            title: format!("Tier {t} handoff"),
            headline: "This escalation is being handed to you. Everything known so far is below.",
            audience: Audience::Internal,
            handoff_tier: Some(t),
            pager_action: "trigger",
        });
    }
    let (title, headline, audience, pager_action) = match id {
        "escalation_alert" => (
            "Escalation alert",
            "An escalation needs attention from your team.",
            Audience::Internal,
            "trigger",
        ),
        "management_summary" => (
            "Management summary",
            "A summary of where this escalation stands.",
            Audience::Internal,
            "trigger",
        ),
        "customer_confirmation" => (
            "We are working on your issue",
            "Thank you for your patience. Your issue has been escalated and a specialist team is on it.",
            Audience::Customer,
            "trigger",
        ),
        "pager_trigger" => (
            "Page: immediate response needed",
            "You are being paged for this escalation. Please acknowledge.",
            Audience::Internal,
            "trigger",
        ),
        "executive_briefing" => (
            "Executive briefing",
            "A business-critical escalation: impact, status and what happens next.",
            Audience::Internal,
            "trigger",
        ),
        "aging_reminder" => (
            "Reminder: escalation needs an update",
            "This escalation has had no update for longer than its tier's update target.",
            Audience::Internal,
            "trigger",
        ),
        "sla_warning" => (
            "SLA warning",
            "An SLA clock on this escalation is close to its target.",
            Audience::Internal,
            "trigger",
        ),
        "sla_breach" => (
            "SLA breached",
            "An SLA target on this escalation has been missed.",
            Audience::Internal,
            "trigger",
        ),
        "deescalation_notice" => (
            "De-escalation notice",
            "This escalation has been reviewed against the resolution criteria.",
            Audience::Internal,
            "resolve",
        ),
        "customer_resolution_update" => (
            "Update on your issue",
            "We have an update on the issue you reported.",
            Audience::Customer,
            "resolve",
        ),
        _ => return None,
    };
    Some(Kind {
        id: id.to_string(),
        title: title.to_string(),
        headline,
        audience,
        handoff_tier: None,
        pager_action,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_type_parses() {
        for id in all_ids().split(", ") {
            assert!(parse(id).is_some(), "{id}");
        }
        assert!(parse("tier5_handoff").is_none());
        assert!(parse("tier2_handof").is_none());
        assert_eq!(parse("tier2_handoff").unwrap().handoff_tier, Some(2));
    }
}
