//! The tier table as typed: numbers and lists stay text until saved, and a bad number is
//! reported with the tier and field it belongs to.

use escalon::config::TierDef;
use serde_json::{json, Value};

use super::{join_list, parse_number, split_list};

#[derive(Debug, Clone, PartialEq)]
pub struct TierDraft {
    pub tier: u8,
    pub name: String,
    pub criteria: String,
    pub response_target_minutes: String,
    pub min_score: String,
    /// Comma-separated role ids.
    pub stakeholder_roles: String,
    /// One action per line.
    pub actions: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TierField {
    Name,
    Criteria,
    ResponseTarget,
    MinScore,
    Roles,
    Actions,
}

impl TierDraft {
    pub fn from_def(t: &TierDef) -> Self {
        Self {
            tier: t.tier,
            name: t.name.clone(),
            criteria: t.criteria.clone(),
            response_target_minutes: t.response_target_minutes.to_string(),
            min_score: t.min_score.to_string(),
            stakeholder_roles: join_list(&t.stakeholder_roles),
            actions: t.actions.join("\n"),
        }
    }

    pub fn get(&self, f: TierField) -> &str {
        match f {
            TierField::Name => &self.name,
            TierField::Criteria => &self.criteria,
            TierField::ResponseTarget => &self.response_target_minutes,
            TierField::MinScore => &self.min_score,
            TierField::Roles => &self.stakeholder_roles,
            TierField::Actions => &self.actions,
        }
    }

    pub fn set(&mut self, f: TierField, value: String) {
        *match f {
            TierField::Name => &mut self.name,
            TierField::Criteria => &mut self.criteria,
            TierField::ResponseTarget => &mut self.response_target_minutes,
            TierField::MinScore => &mut self.min_score,
            TierField::Roles => &mut self.stakeholder_roles,
            TierField::Actions => &mut self.actions,
        } = value;
    }

    fn to_value(&self) -> Result<Value, String> {
        let at = |field: &str| format!("tier {} {field}", self.tier);
        let minutes: u32 = parse_number(
            &self.response_target_minutes,
            &at("response target"),
            "a whole number of minutes",
        )?;
        let min_score: u8 = parse_number(&self.min_score, &at("minimum score"), "a score 0-100")?;
        Ok(json!({
            "tier": self.tier,
            "name": self.name.trim(),
            "criteria": self.criteria.trim(),
            "response_target_minutes": minutes,
            "min_score": min_score,
            "stakeholder_roles": split_list(&self.stakeholder_roles),
            "actions": self.actions.lines().map(str::trim).filter(|s| !s.is_empty()).collect::<Vec<_>>(),
        }))
    }
}

/// The `tiers` value for `update-config`.
pub fn tiers_value(drafts: &[TierDraft]) -> Result<Value, String> {
    drafts
        .iter()
        .map(TierDraft::to_value)
        .collect::<Result<Vec<_>, _>>()
        .map(Value::Array)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unchanged_drafts_give_back_the_config_tiers() {
        let tiers = escalon::config::default_config().tiers;
        let drafts: Vec<_> = tiers.iter().map(TierDraft::from_def).collect();
        let back: Vec<TierDef> = serde_json::from_value(tiers_value(&drafts).unwrap()).unwrap();
        assert_eq!(back, tiers);
    }

    #[test]
    fn edits_are_trimmed_and_bad_numbers_name_the_tier_and_field() {
        let tiers = escalon::config::default_config().tiers;
        let mut d = TierDraft::from_def(&tiers[1]);
        d.set(TierField::Roles, " a ,b,, ".into());
        d.set(TierField::Actions, "call\n\n  page  ".into());
        let v = tiers_value(std::slice::from_ref(&d)).unwrap();
        assert_eq!(v[0]["stakeholder_roles"], json!(["a", "b"]));
        assert_eq!(v[0]["actions"], json!(["call", "page"]));
        d.set(TierField::MinScore, "high".into());
        let e = tiers_value(&[d]).unwrap_err();
        assert!(e.starts_with("tier 2 minimum score"), "{e}");
    }
}
