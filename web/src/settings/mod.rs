//! The calendar and SLA policy editors as plain data, and what `update-config` answers them
//! with: requests, the what-if rows, and the door's refusal with its path. Kept apart from
//! the DOM so it is tested natively.

pub mod calendar;
pub mod sla;

use serde_json::{json, Value};

/// `update-config` replacing one section; `dry_run` only previews.
pub fn request(section: &str, value: Value, dry_run: bool, now: &str) -> Value {
    json!({
        "action": "update-config",
        "now": now,
        "parameters": {"section": section, "value": value, "dry_run": dry_run},
    })
}

/// One escalation the new config would move, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct WhatIfRow {
    pub escalation_id: String,
    /// `"2"`, or `"1 → 3"` when it changes.
    pub tier: String,
    /// One line per clock whose state changes: `"first_response: running → breached"`.
    pub sla: Vec<String>,
}

/// What the door said about an update.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Accepted; `applied` is false for a preview.
    Accepted { applied: bool, rows: Vec<WhatIfRow> },
    /// Refused: nothing was stored. `path` names the field at fault.
    Refused { path: String, message: String },
}

pub fn outcome(response: &Value) -> Outcome {
    if response["ok"] != true {
        let e = &response["error"];
        return Outcome::Refused {
            path: e["path"].as_str().unwrap_or_default().to_string(),
            message: e["message"]
                .as_str()
                .unwrap_or("the request failed")
                .to_string(),
        };
    }
    let r = &response["result"];
    let rows = r["changes"]
        .as_array()
        .map(|list| list.iter().map(row).collect())
        .unwrap_or_default();
    Outcome::Accepted {
        applied: r["applied"] == true,
        rows,
    }
}

fn row(change: &Value) -> WhatIfRow {
    let (before, after) = (&change["tier_before"], &change["tier_after"]);
    let tier = if before == after {
        before.to_string()
    } else {
        format!("{before} → {after}")
    };
    let state = |side: &str, kind: &str| {
        change[side][kind]
            .as_str()
            .unwrap_or("not started")
            .to_string()
    };
    let mut kinds: Vec<&str> = ["sla_before", "sla_after"]
        .iter()
        .filter_map(|side| change[side].as_object())
        .flat_map(|m| m.keys().map(String::as_str))
        .collect();
    escalon::sort::sort_by_key(&mut kinds, |k| sla_order(k));
    kinds.dedup();
    let sla = kinds
        .into_iter()
        .filter_map(|k| {
            let (b, a) = (state("sla_before", k), state("sla_after", k));
            (b != a).then(|| format!("{k}: {b} → {a}"))
        })
        .collect();
    WhatIfRow {
        escalation_id: change["escalation_id"]
            .as_str()
            .unwrap_or_default()
            .to_string(),
        tier,
        sla,
    }
}

/// Clocks in the order they run.
fn sla_order(kind: &str) -> usize {
    ["first_response", "next_update", "resolution"]
        .iter()
        .position(|k| *k == kind)
        .unwrap_or(3)
}

#[cfg(test)]
mod tests {
    use super::*;
    use escalon::{Context, Workspace};

    #[test]
    fn a_preview_of_a_shrunk_target_lists_the_flipped_clock() {
        let mut ws = escalon::demo::demo_workspace();
        let before = ws.to_json_pretty();
        let policies = json!([{"tier": 1, "first_response": {"target_minutes": 1}},
            {"tier": 2, "first_response": {"target_minutes": 1}},
            {"tier": 3, "first_response": {"target_minutes": 1}},
            {"tier": 4, "first_response": {"target_minutes": 1}}]);
        let req = request("sla_policies", policies, true, "2025-01-22T10:00:00Z");
        let r = escalon::handle(&mut ws, &req, &mut Context::with_counter(None, "t"));
        let Outcome::Accepted { applied, rows } = outcome(&r) else {
            panic!("refused: {r}");
        };
        assert!(!applied);
        assert!(!rows.is_empty(), "{r}");
        assert!(rows.iter().any(|row| row
            .sla
            .iter()
            .any(|l| l.starts_with("first_response: ") && l.ends_with("→ breached"))));
        assert_eq!(ws.to_json_pretty(), before);
    }

    #[test]
    fn a_refusal_keeps_the_path() {
        let mut ws = Workspace::default();
        let req = request(
            "calendars",
            json!({"x": {"timezone": "Nowhere/Land", "hours": {}}}),
            false,
            "2025-01-22T10:00:00Z",
        );
        let r = escalon::handle(&mut ws, &req, &mut Context::with_counter(None, "t"));
        assert_eq!(
            outcome(&r),
            Outcome::Refused {
                path: "parameters.value.x.timezone".into(),
                message: "unknown time zone 'Nowhere/Land'".into()
            }
        );
    }

    #[test]
    fn rows_show_tier_moves_and_only_the_clocks_that_change() {
        let change = json!({"escalation_id": "ESC-1", "tier_before": 1, "tier_after": 3,
            "sla_before": {"first_response": "running", "resolution": "running"},
            "sla_after": {"first_response": "breached", "resolution": "running",
                          "next_update": "running"}});
        let r = row(&change);
        assert_eq!(r.tier, "1 → 3");
        assert_eq!(
            r.sla,
            [
                "first_response: running → breached",
                "next_update: not started → running"
            ]
        );
    }
}
