//! The names a scores-only answer lists points under, numbered once per rule set: the fixed
//! factors ([`FACTORS`]), then one number per distinct rule id. Answers sort their points by
//! these numbers instead of comparing names ticket after ticket (comparing names was a tenth
//! of bulk triage's time), and the packed transport keys the names it has sent by them.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::rules::CompiledRule;

/// The fixed factors in the order reasons list them (`score::base_points`), then `cap`.
pub const FACTORS: [&str; 10] = [
    "severity",
    "impact",
    "segment",
    "health_score",
    "contract_value",
    "customer_sentiment",
    "duration_hours",
    "previous_escalations",
    "affected_users",
    "cap",
];

/// The number of `cap`, the points that bring a sum past 100 back to 100.
pub const CAP: u32 = 9;

/// One factor's points in a scores-only answer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point<'r> {
    pub factor: &'r str,
    pub points: i32,
    /// The factor's number: below `FACTORS.len()` a fixed factor, else a rule's. Rules that
    /// share an id (an imported config is not checked for that) share their number.
    pub id: u32,
}

/// Where each numbered name sorts among the others, as JSON object keys sort: by their text.
#[derive(Debug, Clone)]
pub struct PointOrder {
    /// Different for every numbering made (clones share it, and their numbers): whoever
    /// keeps names by number across answers can tell when the numbering changed.
    serial: u64,
    keys: Vec<u32>,
    /// The fixed factors' numbers in their names' order.
    fixed: [u32; FACTORS.len()],
}

impl PointOrder {
    /// Numbers each rule (`CompiledRule::point`) and orders all the names.
    pub fn number(rules: &mut [CompiledRule]) -> PointOrder {
        let mut first: BTreeMap<&str, u32> = BTreeMap::new();
        let mut numbers = Vec::with_capacity(rules.len());
        for (k, r) in rules.iter().enumerate() {
            let n = FACTORS.len() as u32 + k as u32;
            numbers.push(*first.entry(r.id.as_str()).or_insert(n));
        }
        let mut names: Vec<(&str, u32)> = FACTORS.iter().copied().zip(0..).collect();
        names.extend(
            rules
                .iter()
                .map(|r| r.factor.as_str())
                .zip(FACTORS.len() as u32..),
        );
        crate::sort::sort(&mut names);
        let mut keys = vec![0; names.len()];
        let mut rank = 0;
        for (k, &(name, n)) in names.iter().enumerate() {
            if k > 0 && names[k - 1].0 != name {
                rank += 1;
            }
            keys[n as usize] = rank;
        }
        for (r, n) in rules.iter_mut().zip(numbers) {
            r.point = n;
        }
        let mut by_key: Vec<u32> = (0..FACTORS.len() as u32).collect();
        crate::sort::sort_by_key(&mut by_key, |&n| keys[n as usize]);
        let fixed: [u32; FACTORS.len()] = std::array::from_fn(|k| by_key[k]);
        // Only ever compared for equality: no answer depends on its value.
        static SERIALS: AtomicU64 = AtomicU64::new(1);
        PointOrder {
            serial: SERIALS.fetch_add(1, Ordering::Relaxed),
            keys,
            fixed,
        }
    }

    /// See the field: equal serials mean equal numberings.
    pub fn serial(&self) -> u64 {
        self.serial
    }

    /// The fixed factors' numbers in their names' order: points listed this way need
    /// sorting only where rules' points fall among them.
    pub fn fixed(&self) -> &[u32; FACTORS.len()] {
        &self.fixed
    }

    /// Sorts `points` as their names sort, and folds points of one number into one entry.
    pub fn sort(&self, points: &mut Vec<Point<'_>>) {
        points.sort_unstable_by_key(|p| self.keys[p.id as usize]);
        points.dedup_by(|later, kept| {
            let same = later.id == kept.id;
            if same {
                kept.points += later.points;
            }
            same
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::default_config;
    use crate::rules::RuleSet;

    /// The order must be the names' own: sorting by numbers gives what sorting by text
    /// gives, whatever the rule ids (some before the fixed factors' names, some after).
    #[test]
    fn numbers_sort_as_the_names_do() {
        let mut config = default_config();
        let template = config.rules[0].clone();
        for id in [
            "a", "zz", "cap", "Rule", "r", "severity", "é", "twin", "twin", "",
        ] {
            let mut r = template.clone();
            r.id = id.into();
            config.rules.push(r);
        }
        let set = RuleSet::compile(&config.rules).unwrap();
        let mut points: Vec<Point> = FACTORS
            .iter()
            .zip(0..)
            .map(|(&factor, id)| Point {
                factor,
                points: 1,
                id,
            })
            .collect();
        points.extend(set.rules.iter().map(|r| Point {
            factor: &r.factor,
            points: 1,
            id: r.point,
        }));
        let mut by_text: Vec<&str> = points.iter().map(|p| p.factor).collect();
        by_text.sort();
        by_text.dedup();
        set.point_order().sort(&mut points);
        let sorted: Vec<&str> = points.iter().map(|p| p.factor).collect();
        assert_eq!(sorted, by_text);
        let twin = points.iter().find(|p| p.factor == "rule:twin").unwrap();
        assert_eq!(twin.points, 2, "two rules of one id give one entry");
    }
}
