//! The "new escalation" form as plain data: what the user typed, turned into a door request.
//! Kept apart from the DOM so it is tested natively.

use serde_json::{json, Value};

#[derive(Debug, Clone, PartialEq)]
pub struct TriageDraft {
    pub ticket_id: String,
    pub summary: String,
    pub category: String,
    pub severity: String,
    pub impact: String,
    pub duration_hours: String,
    pub current_tier: u8,
    pub customer_name: String,
    pub segment: String,
    pub health_score: String,
    pub contract_value: String,
    pub sentiment: String,
    pub previous_escalations: String,
}

impl Default for TriageDraft {
    fn default() -> Self {
        Self {
            ticket_id: "TICKET-20001".into(),
            summary: String::new(),
            category: "technical".into(),
            severity: "medium".into(),
            impact: "single_customer".into(),
            duration_hours: "1".into(),
            current_tier: 1,
            customer_name: String::new(),
            segment: "mid_market".into(),
            health_score: "70".into(),
            contract_value: "50000".into(),
            sentiment: "neutral".into(),
            previous_escalations: "0".into(),
        }
    }
}

/// The text fields of the form, so one input component serves them all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftField {
    TicketId,
    Summary,
    Category,
    Severity,
    Impact,
    DurationHours,
    CustomerName,
    Segment,
    HealthScore,
    ContractValue,
    Sentiment,
    PreviousEscalations,
}

impl TriageDraft {
    pub fn get(&self, f: DraftField) -> &str {
        let s: &String = match f {
            DraftField::TicketId => &self.ticket_id,
            DraftField::Summary => &self.summary,
            DraftField::Category => &self.category,
            DraftField::Severity => &self.severity,
            DraftField::Impact => &self.impact,
            DraftField::DurationHours => &self.duration_hours,
            DraftField::CustomerName => &self.customer_name,
            DraftField::Segment => &self.segment,
            DraftField::HealthScore => &self.health_score,
            DraftField::ContractValue => &self.contract_value,
            DraftField::Sentiment => &self.sentiment,
            DraftField::PreviousEscalations => &self.previous_escalations,
        };
        s
    }

    pub fn set(&mut self, f: DraftField, value: String) {
        let s = match f {
            DraftField::TicketId => &mut self.ticket_id,
            DraftField::Summary => &mut self.summary,
            DraftField::Category => &mut self.category,
            DraftField::Severity => &mut self.severity,
            DraftField::Impact => &mut self.impact,
            DraftField::DurationHours => &mut self.duration_hours,
            DraftField::CustomerName => &mut self.customer_name,
            DraftField::Segment => &mut self.segment,
            DraftField::HealthScore => &mut self.health_score,
            DraftField::ContractValue => &mut self.contract_value,
            DraftField::Sentiment => &mut self.sentiment,
            DraftField::PreviousEscalations => &mut self.previous_escalations,
        };
        *s = value;
    }

    /// The `determine-escalation` request. Numbers the user typed are passed through as
    /// numbers when they parse and as text otherwise, so the engine names the bad field.
    pub fn to_request(&self, record: bool, now: &str) -> Value {
        let mut issue = json!({
            "id": self.ticket_id.trim(),
            "severity": self.severity,
            "impact": self.impact,
            "duration_hours": number_or_text(&self.duration_hours),
            "current_tier": self.current_tier,
            "category": self.category,
        });
        if !self.summary.trim().is_empty() {
            issue["summary"] = json!(self.summary.trim());
        }
        let mut customer = json!({
            "segment": self.segment,
            "health_score": number_or_text(&self.health_score),
            "contract_value": number_or_text(&self.contract_value),
        });
        if !self.customer_name.trim().is_empty() {
            customer["name"] = json!(self.customer_name.trim());
        }
        json!({
            "action": "determine-escalation",
            "now": now,
            "parameters": {
                "issue": issue,
                "customer": customer,
                "context": {
                    "previous_escalations": number_or_text(&self.previous_escalations),
                    "customer_sentiment": self.sentiment,
                },
                "record": record,
            }
        })
    }
}

fn number_or_text(s: &str) -> Value {
    let t = s.trim();
    if let Ok(i) = t.parse::<i64>() {
        json!(i)
    } else if let Some(f) = t.parse::<f64>().ok().filter(|f| f.is_finite()) {
        // `1e309` parses as infinity, which JSON writes as null ("not given"): sent as
        // typed instead, so the engine names the field.
        json!(f)
    } else {
        json!(t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_typed_as_text_become_numbers() {
        let d = TriageDraft {
            health_score: " 45 ".into(),
            contract_value: "500000.5".into(),
            ..Default::default()
        };
        let r = d.to_request(false, "2025-03-01T00:00:00Z");
        assert_eq!(r["parameters"]["customer"]["health_score"], 45);
        assert_eq!(r["parameters"]["customer"]["contract_value"], 500000.5);
    }

    #[test]
    fn garbage_numbers_reach_the_engine_as_text_so_it_can_name_the_field() {
        let d = TriageDraft {
            health_score: "lots".into(),
            ..Default::default()
        };
        let r = d.to_request(false, "2025-03-01T00:00:00Z");
        assert_eq!(r["parameters"]["customer"]["health_score"], "lots");
    }

    #[test]
    fn set_then_get_round_trips_every_field() {
        use DraftField::*;
        let all = [
            TicketId,
            Summary,
            Category,
            Severity,
            Impact,
            DurationHours,
            CustomerName,
            Segment,
            HealthScore,
            ContractValue,
            Sentiment,
            PreviousEscalations,
        ];
        let mut d = TriageDraft::default();
        for (i, f) in all.iter().enumerate() {
            d.set(*f, format!("v{i}"));
        }
        for (i, f) in all.iter().enumerate() {
            assert_eq!(d.get(*f), format!("v{i}"));
        }
    }

    #[test]
    fn record_flag_is_passed() {
        let r = TriageDraft::default().to_request(true, "2025-03-01T00:00:00Z");
        assert_eq!(r["parameters"]["record"], true);
        assert_eq!(r["action"], "determine-escalation");
    }

    /// Web audit of 2026-11-29: a contract value of 1e309 was read as "not given" (0).
    #[test]
    fn a_number_past_f64_is_sent_as_typed() {
        assert_eq!(number_or_text("1e309"), json!("1e309"));
        assert_eq!(number_or_text(" 1.5 "), json!(1.5));
        assert_eq!(number_or_text("12"), json!(12));
    }
}
