//! Issue 5: stalled detection ignored pauses. An escalation waiting on the customer was
//! reported stalled for the silence of the wait. The silence now counts like the
//! `next_update` clock: paused time left out, business time of its calendar.

use jiff::SignedDuration;
use serde_json::{json, Value};

use super::tests::{call, created, esc, t};
use crate::config::Config;
use crate::event::Escalation;
use crate::workspace::Workspace;

const DAY: i64 = 24 * 60;

fn status(s: &str) -> Value {
    json!({"kind": "status_changed", "status": s})
}

fn report(w: &mut Workspace, now: i64) -> Value {
    let (r, changed) = call(w, "stalled-report", now, json!({}));
    assert!(!changed);
    assert_eq!(r["ok"], true, "{r}");
    r["result"].clone()
}

/// The `stalled_count` metric must agree with the report (one definition).
fn metric(w: &mut Workspace, now: i64) -> Value {
    let (r, _) = call(
        w,
        "calculate-metrics",
        now,
        json!({"metrics": ["stalled_count"]}),
    );
    r["result"]["totals"]["stalled_count"].clone()
}

fn one(e: Escalation) -> Workspace {
    Workspace::new(Config::default(), vec![e])
}

/// Tier 3 (update target 240 minutes), pending_customer from minute 60.
fn waiting_on_customer() -> Vec<(i64, Value)> {
    vec![(0, created(3)), (60, status("pending_customer"))]
}

#[test]
fn three_days_in_pending_customer_without_update_is_not_stalled() {
    let mut w = one(esc("A", &waiting_on_customer()));
    let now = 60 + 3 * DAY;
    let r = report(&mut w, now);
    assert_eq!(
        (r["active"].clone(), r["stalled_count"].clone()),
        (json!(1), json!(0)),
        "{r}"
    );
    assert_eq!(r["buckets"][3]["bucket"], "3d-7d");
    assert_eq!(
        (
            r["buckets"][3]["count"].clone(),
            r["buckets"][3]["stalled"].clone()
        ),
        (json!(1), json!(0))
    );
    // While the pause is open nothing will turn it stalled; only the 7d bucket bound is ahead.
    assert_eq!(r["next_check_at"], t(7 * DAY).to_string());
    assert_eq!(metric(&mut w, now), 0);
    // Reminders follow: nothing to remind about.
    let (r, changed) = call(&mut w, "stalled-report", now, json!({"remind": true}));
    assert!(!changed);
    assert_eq!(r["result"]["reminders"], json!([]));
}

#[test]
fn the_same_escalation_resumed_and_silent_past_the_target_is_stalled() {
    let resumed = 60 + 3 * DAY;
    let mut log = waiting_on_customer();
    log.push((resumed, status("in_progress")));
    let mut w = one(esc("A", &log));
    let r = report(&mut w, resumed + 240);
    assert_eq!(
        r["stalled_count"], 0,
        "exactly the target is not longer than it"
    );
    assert_eq!(
        r["next_check_at"],
        (t(resumed + 240) + SignedDuration::from_secs(1)).to_string()
    );
    let r = report(&mut w, resumed + 241);
    assert_eq!(r["stalled_count"], 1, "{r}");
    let a = &r["stalled"][0];
    assert_eq!(a["last_update_at"], t(resumed).to_string());
    assert_eq!(
        (a["idle_minutes"].clone(), a["over_by_minutes"].clone()),
        (json!(241), json!(1))
    );
    assert_eq!(a["paused"], false);
    assert_eq!(metric(&mut w, resumed + 241), 1);
}

#[test]
fn a_pause_in_the_middle_of_the_silence_extends_the_allowance() {
    // Tier 4 (target 60): a note at 10, then the clock paused from 40 for two days. The
    // pause and resume are clock bookkeeping, not news: the silence runs from the note.
    let resumed = 40 + 2 * DAY;
    let mut w = one(esc(
        "A",
        &[
            (0, created(4)),
            (10, json!({"kind": "note", "text": "asked for logs"})),
            (40, json!({"kind": "paused", "reason": "waiting for logs"})),
            (resumed, json!({"kind": "resumed"})),
        ],
    ));
    // 30 minutes before the pause and 29 after it: 59 of 60.
    let r = report(&mut w, resumed + 29);
    assert_eq!(r["stalled_count"], 0, "{r}");
    assert_eq!(
        r["next_check_at"],
        (t(resumed + 30) + SignedDuration::from_secs(1)).to_string()
    );
    assert_eq!(metric(&mut w, resumed + 29), 0);
    let r = report(&mut w, resumed + 31);
    assert_eq!(r["stalled"][0]["last_update_at"], t(10).to_string());
    assert_eq!(r["stalled"][0]["idle_minutes"], 61);
    assert_eq!(metric(&mut w, resumed + 31), 1);
}

#[test]
fn reminders_count_the_pause_out_too() {
    // Tier 4, silent from 0: stalled and reminded at 61, then paused for a day from 70.
    let mut w = one(esc(
        "A",
        &[
            (0, created(4)),
            (70, json!({"kind": "paused"})),
            (70 + DAY, json!({"kind": "resumed"})),
        ],
    ));
    let (r, changed) = call(&mut w, "stalled-report", 61, json!({"remind": true}));
    assert!(changed, "{r}");
    // A reminder sent at 61 is next due one counted target later: 9 minutes before the
    // pause and 51 after it.
    let r = report(&mut w, 70 + DAY + 51);
    assert_eq!(r["stalled"][0]["reminder_due"], false, "{r}");
    assert_eq!(
        r["next_check_at"],
        (t(70 + DAY + 51) + SignedDuration::from_secs(1)).to_string()
    );
    let r = report(&mut w, 70 + DAY + 52);
    assert_eq!(r["stalled"][0]["reminder_due"], true, "{r}");
}

#[test]
fn silence_counts_business_time_of_the_next_update_calendar() {
    // Tier 2 updates every 480 business minutes of the office calendar (09-17 UTC, Mon-Fri).
    // A note on Friday 16:00: by Monday 09:00 one business hour has passed, not 65.
    let mut w = one(esc(
        "A",
        &[
            (0, created(2)),
            (
                4 * DAY + 8 * 60,
                json!({"kind": "note", "text": "patch on Monday"}),
            ),
        ],
    ));
    w.config.sla_policies = vec![serde_json::from_value(json!({"tier": 2,
        "next_update": {"target_minutes": 480, "calendar": "business"}}))
    .unwrap()];
    let monday_9 = 7 * DAY + 60;
    let r = report(&mut w, monday_9);
    assert_eq!(r["stalled_count"], 0, "{r}");
    // 60 on Friday and 420 on Monday: passed at Monday 16:00:01.
    let monday_16 = 7 * DAY + 8 * 60;
    assert_eq!(
        r["next_check_at"],
        (t(monday_16) + SignedDuration::from_secs(1)).to_string()
    );
    assert_eq!(metric(&mut w, monday_9), 0);
    let r = report(&mut w, monday_16 + 1);
    assert_eq!(r["stalled"][0]["idle_minutes"], 481, "{r}");
    assert_eq!(metric(&mut w, monday_16 + 1), 1);
}

#[test]
fn an_open_explicit_pause_holds_the_silence() {
    // Paused (event) at 30 and never resumed: 30 counted minutes however long it waits.
    let mut w = one(esc(
        "A",
        &[(0, created(4)), (30, json!({"kind": "paused"}))],
    ));
    let r = report(&mut w, 10 * DAY);
    assert_eq!(r["stalled_count"], 0, "{r}");
    assert_eq!(r["next_check_at"], Value::Null);
}
