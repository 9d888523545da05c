//! Aging and chain tests on small hand-written logs; the data-driven cases live in
//! `tests/fixtures/aging/`.

use jiff::{SignedDuration, Timestamp};
use serde_json::{json, Value};

use super::rule::{is_update, last_update_at};
use crate::config::Config;
use crate::context::Context;
use crate::event::{Escalation, Event};
use crate::workspace::Workspace;

/// Monday 2025-01-20 08:00 UTC plus `min` minutes.
pub fn t(min: i64) -> Timestamp {
    "2025-01-20T08:00:00Z".parse::<Timestamp>().unwrap() + SignedDuration::from_mins(min)
}

pub fn esc(id: &str, events: &[(i64, Value)]) -> Escalation {
    Escalation {
        id: id.into(),
        events: events
            .iter()
            .enumerate()
            .map(|(i, (min, kind))| {
                let mut v = kind.clone();
                v["id"] = json!(format!("{id}-e{i}"));
                v["at"] = json!(t(*min).to_string());
                v["actor"] = json!("test");
                serde_json::from_value::<Event>(v).unwrap()
            })
            .collect(),
    }
}

pub fn created(tier: u8) -> Value {
    json!({"kind": "created", "ticket": "T-1", "customer": {"name": "Acme"}, "tier": tier,
        "priority": "P2", "summary": "Checkout fails"})
}

pub fn call(ws: &mut Workspace, action: &str, now: i64, params: Value) -> (Value, bool) {
    // Fresh ids across calls, as a shell would give: logs merge by event id.
    static CALLS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let mut ctx = Context::with_counter(None, &format!("t{n}"));
    let r = crate::handle(
        ws,
        &json!({"action": action, "now": t(now).to_string(), "parameters": params}),
        &mut ctx,
    );
    (r, ctx.changed())
}

fn ws(escs: Vec<Escalation>) -> Workspace {
    Workspace::new(Config::default(), escs)
}

#[test]
fn nudges_do_not_count_as_updates_but_news_does() {
    let nudge = |ty: &str| json!({"kind": "notification_generated", "notification_type": ty, "recipients": []});
    let e = esc(
        "E",
        &[
            (0, created(3)),
            (10, nudge("aging_reminder")),
            (20, nudge("pager_trigger")),
        ],
    );
    assert_eq!(last_update_at(&e, t(100)), Some(t(0)));
    let e = esc("E", &[(0, created(3)), (30, nudge("management_summary"))]);
    assert_eq!(last_update_at(&e, t(100)), Some(t(30)));
    // Events after `now` have not happened yet.
    assert_eq!(last_update_at(&e, t(20)), Some(t(0)));
    assert!(is_update(&e.events[1].kind));
}

#[test]
fn stalled_means_silent_longer_than_the_next_update_target() {
    // Tier 3's next_update target is 240 minutes by default.
    let mut w = ws(vec![
        esc(
            "A",
            &[
                (0, created(3)),
                (60, json!({"kind": "note", "text": "looking"})),
            ],
        ),
        esc(
            "B",
            &[
                (0, created(3)),
                (61, json!({"kind": "action_taken", "action": "x"})),
            ],
        ),
        esc(
            "C",
            &[
                (0, created(3)),
                (1, json!({"kind": "status_changed", "status": "resolved"})),
            ],
        ),
    ]);
    let (r, changed) = call(&mut w, "stalled-report", 301, json!({}));
    assert!(!changed);
    let r = &r["result"];
    assert_eq!(r["active"], 2, "{r}");
    assert_eq!(r["stalled_count"], 1);
    let a = &r["stalled"][0];
    assert_eq!(a["escalation_id"], "A");
    assert_eq!(a["idle_minutes"], 241);
    assert_eq!(a["target_minutes"], 240);
    assert_eq!(a["over_by_minutes"], 1);
    assert_eq!(a["last_update_at"], t(60).to_string());
    // B turns stalled one second after its target has passed.
    assert_eq!(
        r["next_check_at"],
        (t(301) + SignedDuration::from_secs(1)).to_string()
    );
    assert_eq!(r["buckets"][1]["bucket"], "4h-1d");
    assert_eq!(r["buckets"][1]["count"], 2);
    assert_eq!(r["buckets"][1]["stalled"], 1);
}

#[test]
fn filters_and_errors_name_their_field() {
    let mut w = ws(vec![
        esc(
            "A",
            &[
                (0, created(3)),
                (1, json!({"kind": "owner_assigned", "owner": "a@x.com"})),
            ],
        ),
        esc("B", &[(0, created(2))]),
    ]);
    let (r, _) = call(&mut w, "stalled-report", 5000, json!({"owner": "A@X.com"}));
    assert_eq!(r["result"]["stalled_count"], 1, "{r}");
    assert_eq!(r["result"]["stalled"][0]["escalation_id"], "A");
    let (r, _) = call(&mut w, "stalled-report", 5000, json!({"tier": 2}));
    assert_eq!(r["result"]["stalled"][0]["escalation_id"], "B");
    let (r, _) = call(&mut w, "stalled-report", 5000, json!({"tier": 9}));
    assert_eq!(r["error"]["path"], "parameters.tier");
    let (r, _) = call(&mut w, "stalled-report", 5000, json!({"remind": "yes"}));
    assert_eq!(r["error"]["path"], "parameters.remind");
    let (r, _) = call(&mut w, "stalled-report", 5000, json!({"tier_": 2}));
    assert_eq!(r["error"]["code"], "unknown_field");
    let r = crate::run(r#"{"action":"stalled-report","parameters":{}}"#);
    assert_eq!(r["error"]["path"], "now");
    w.config.notify.aging.bucket_hours = vec![4, 4];
    let (r, _) = call(&mut w, "stalled-report", 5000, json!({}));
    assert_eq!(r["error"]["path"], "config.notify.aging.bucket_hours.1");
}

#[test]
fn reminders_are_recorded_once_per_target() {
    let mut w = ws(vec![esc(
        "A",
        &[
            (0, created(3)),
            (
                1,
                json!({"kind": "owner_assigned", "owner": "owner@company.com"}),
            ),
        ],
    )]);
    let (r, changed) = call(&mut w, "stalled-report", 300, json!({"remind": true}));
    assert!(changed, "{r}");
    let sent = &r["result"]["reminders"][0];
    assert_eq!(sent["notification_type"], "aging_reminder");
    assert!(sent["recipients"]
        .as_array()
        .unwrap()
        .contains(&json!("owner@company.com")));
    assert!(
        sent["subject"]
            .as_str()
            .unwrap()
            .contains("needs an update"),
        "{sent}"
    );
    assert_eq!(w.escalations[0].events.len(), 3);
    // A reminder is not an update: still stalled, but not reminded again so soon.
    let (r, changed) = call(&mut w, "stalled-report", 310, json!({"remind": true}));
    assert!(!changed);
    assert_eq!(r["result"]["stalled_count"], 1);
    assert_eq!(r["result"]["stalled"][0]["reminder_due"], false);
    assert_eq!(r["result"]["reminders"], json!([]));
    // One target after the first reminder, the next one is due.
    let (r, changed) = call(&mut w, "stalled-report", 541, json!({"remind": true}));
    assert!(changed);
    assert_eq!(r["result"]["reminders"].as_array().unwrap().len(), 1);
}

#[test]
fn chain_pages_the_next_role_after_each_delay() {
    // Tier 2: senior_engineer, tier2_lead, support_manager, 15 minutes apart, 2 repeats.
    let mut w = ws(vec![esc("A", &[(0, created(2))])]);
    let (r, changed) = call(
        &mut w,
        "escalation-chain",
        10,
        json!({"escalation_id": "A"}),
    );
    assert!(!changed);
    let r = &r["result"];
    assert_eq!(r["acknowledged"], false);
    assert_eq!(r["steps"].as_array().unwrap().len(), 9);
    assert_eq!(r["steps"][1]["role"], "tier2_lead");
    assert_eq!(r["steps"][3]["pass"], 2);
    assert_eq!(r["due_now"], json!([]));
    assert_eq!(r["next_check_at"], t(15).to_string());

    // Called late: only the first step is due, the next counts from now.
    let (r, _) = call(
        &mut w,
        "escalation-chain",
        40,
        json!({"escalation_id": "A"}),
    );
    let r = &r["result"];
    assert_eq!(r["due_now"].as_array().unwrap().len(), 1, "{r}");
    assert_eq!(r["due_now"][0]["role"], "senior_engineer");
    assert_eq!(r["steps"][1]["due_at"], t(55).to_string());

    let (r, changed) = call(
        &mut w,
        "escalation-chain",
        40,
        json!({"escalation_id": "A", "record": true}),
    );
    assert!(changed);
    let r = &r["result"];
    assert_eq!(r["recorded"][0]["notification_type"], "pager_trigger");
    assert_eq!(r["steps"][0]["notified_at"], t(40).to_string());
    assert_eq!(r["steps"][0]["state"], "notified");
    assert_eq!(r["due_now"], json!([]));
    assert_eq!(r["next_check_at"], t(55).to_string());
    // Step 2 goes to the tier 2 lead.
    let (r, _) = call(
        &mut w,
        "escalation-chain",
        56,
        json!({"escalation_id": "A", "record": true}),
    );
    assert_eq!(
        r["result"]["steps"][1]["recipients"],
        json!(["tier2.lead@company.com"])
    );
}

#[test]
fn acknowledgement_stops_the_chain() {
    for ack in [
        json!({"kind": "acknowledged"}),
        json!({"kind": "owner_assigned", "owner": "x@company.com"}),
    ] {
        let mut w = ws(vec![esc("A", &[(0, created(2)), (20, ack)])]);
        let (r, changed) = call(
            &mut w,
            "escalation-chain",
            60,
            json!({"escalation_id": "A", "record": true}),
        );
        assert!(!changed);
        let r = &r["result"];
        assert_eq!(r["acknowledged"], true, "{r}");
        assert_eq!(r["acknowledged_at"], t(20).to_string());
        assert_eq!(r["due_now"], json!([]));
        assert_eq!(r["next_check_at"], Value::Null);
        assert_eq!(r["steps"][0]["state"], "cancelled");
    }
}

#[test]
fn chain_delays_and_repeats_come_from_the_config() {
    let mut w = ws(vec![esc("A", &[(0, created(2))])]);
    w.config.notify.chain.repeat = 0;
    w.config.notify.chain.chains[1].delays_minutes = vec![5, 30];
    let (r, _) = call(&mut w, "escalation-chain", 0, json!({"escalation_id": "A"}));
    let steps = r["result"]["steps"].as_array().unwrap().clone();
    assert_eq!(steps.len(), 3);
    let due: Vec<_> = steps.iter().map(|s| s["due_at"].clone()).collect();
    // The third role has no delay of its own: the chain's 15 minutes.
    assert_eq!(
        due,
        [
            json!(t(5).to_string()),
            json!(t(35).to_string()),
            json!(t(50).to_string())
        ]
    );
    let (r, _) = call(
        &mut w,
        "escalation-chain",
        0,
        json!({"escalation_id": "NOPE"}),
    );
    assert_eq!(r["error"]["code"], "unknown_escalation");
    assert_eq!(r["error"]["path"], "parameters.escalation_id");
}
