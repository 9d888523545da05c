//! calculate-metrics on a generated workspace of 100,000 escalations and 1,000,000 events.
//!
//! Run: `cargo bench -p escalon --bench metrics`. Escalations start uniformly over
//! January-March 2025 (like the demo), ten events each, with the demo's config (so its
//! triage volume and targets). `seed_request` is the seed's request (January: about a third
//! of the escalations, grouped by tier, category and segment, with SLA compliance);
//! `whole_quarter` asks everything of all 100,000.
//!
//! Measured on 2 shared cores, release profile (opt-level z), medians: seed_request 69 ms,
//! seed_request_without_sla 43 ms, whole_quarter 176 ms, against 151, 45 and 389 ms in the
//! same session before clock policies were compiled to bit sets (`sla::matcher`), metrics
//! read only met/breached/open (`sla::book_outcomes`) and each log was read once while in
//! cache (and 284, 41, 773 ms before `sla::ClockBook`). What is left is mostly memory:
//! the first touch of each log's events (about 340 bytes an event).

use escalon::event::{CustomerRef, Escalation, Event, EventKind};
use escalon::scales::Status;
use escalon::{Context, Workspace};
use jiff::{SignedDuration, Timestamp};
use serde_json::{json, Value};

const ESCALATIONS: usize = 100_000;

fn main() {
    divan::main();
}

/// SplitMix64, as the demo uses: the same workspace on every run and machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) % n
    }
}

const CATEGORIES: [&str; 8] = [
    "performance",
    "outage",
    "bug",
    "integration",
    "authentication",
    "data_integrity",
    "billing",
    "security",
];
const SEGMENTS: [&str; 4] = ["smb", "mid_market", "enterprise", "strategic"];
const SEVERITIES: [&str; 4] = ["low", "medium", "high", "critical"];
const OWNERS: [&str; 6] = ["a@x", "b@x", "c@x", "d@x", "e@x", "f@x"];
const CAUSES: [&str; 6] = [
    "bad_deployment",
    "memory_leak",
    "expired_certificate",
    "webhook_retry_bug",
    "customer_data",
    "unindexed_query",
];

fn escalation(rng: &mut Rng, n: usize) -> Escalation {
    let start: Timestamp = "2025-01-01T00:00:00Z".parse().unwrap();
    let mut t = start + SignedDuration::from_mins(rng.next(90 * 24 * 60) as i64);
    let id = format!("ESC-{n:06}");
    let mut events = Vec::with_capacity(10);
    let mut push = |t: Timestamp, kind: EventKind| {
        let k = events.len();
        events.push(Event {
            id: format!("{id}-e{k:02}"),
            at: t,
            actor: "bench".into(),
            kind,
        });
    };
    let tier = 1 + rng.next(4) as u8;
    push(
        t,
        EventKind::Created {
            ticket: format!("T-{n}"),
            customer: CustomerRef {
                segment: Some(SEGMENTS[rng.next(4) as usize].into()),
                ..CustomerRef::default()
            },
            tier,
            urgency_score: None,
            priority: None,
            severity: Some(SEVERITIES[rng.next(4) as usize].into()),
            impact: None,
            category: Some(CATEGORIES[rng.next(8) as usize].into()),
            product: None,
            summary: None,
        },
    );
    let mut step = |rng: &mut Rng, lo: u64, hi: u64| {
        t += SignedDuration::from_mins((lo + rng.next(hi - lo)) as i64);
        t
    };
    push(step(rng, 5, 300), EventKind::Acknowledged {});
    let owner = OWNERS[rng.next(6) as usize].to_string();
    push(step(rng, 0, 10), EventKind::OwnerAssigned { owner });
    let status = |s| EventKind::StatusChanged { status: s };
    push(step(rng, 5, 60), status(Status::InProgress));
    push(
        step(rng, 5, 30),
        EventKind::NotificationGenerated {
            notification_type: "handoff".into(),
            recipients: vec![],
        },
    );
    let action = |a: &str| EventKind::ActionTaken { action: a.into() };
    push(step(rng, 30, 600), action("investigated"));
    push(step(rng, 30, 900), action("mitigated"));
    if rng.next(20) == 0 {
        // Still open: more work instead of a resolution.
        for a in [
            "escalated internally",
            "waiting on vendor",
            "patched staging",
        ] {
            push(step(rng, 60, 1200), action(a));
        }
    } else {
        let resolved = step(rng, 60, 3000);
        push(resolved, status(Status::Resolved));
        let cause = CAUSES[rng.next(6) as usize];
        push(
            resolved,
            EventKind::Note {
                text: format!("Root cause: {cause}"),
                topic: None,
                estimate: None,
            },
        );
        push(step(rng, 1440, 4320), status(Status::Closed));
    }
    Escalation { id, events }
}

fn workspace() -> Workspace {
    let config = escalon::demo::demo_workspace().config;
    let mut rng = Rng(0x0BE4C4);
    let escalations: Vec<Escalation> = (0..ESCALATIONS).map(|n| escalation(&mut rng, n)).collect();
    let events: usize = escalations.iter().map(|e| e.events.len()).sum();
    assert_eq!(events, ESCALATIONS * 10);
    Workspace::new(config, escalations)
}

fn run(bencher: divan::Bencher, request: Value) {
    let mut ws = workspace();
    let mut ctx = Context::with_counter(None, "bench");
    bencher.bench_local(|| {
        let r = escalon::handle(&mut ws, &request, &mut ctx);
        assert_eq!(r["ok"], true, "{r}");
        r
    });
}

#[divan::bench(sample_count = 10)]
fn seed_request(bencher: divan::Bencher) {
    run(
        bencher,
        json!({"action": "calculate-metrics", "now": "2025-04-01T00:00:00Z", "parameters": {
            "date_range": {"start": "2025-01-01", "end": "2025-01-31"},
            "dimensions": ["escalation_tier", "issue_category", "customer_segment"],
            "metrics": ["escalation_count", "mttr_escalations", "escalation_rate", "sla_compliance"]}}),
    );
}

#[divan::bench(sample_count = 10)]
fn whole_quarter(bencher: divan::Bencher) {
    run(
        bencher,
        json!({"action": "calculate-metrics", "now": "2025-04-01T00:00:00Z", "parameters": {
            "date_range": {"start": "2025-01-01", "end": "2025-03-31"},
            "dimensions": ["escalation_tier", "week"],
            "metrics": ["escalation_count", "escalation_rate", "mttr_escalations", "mtta",
                "sla_compliance", "breach_count", "re_escalation_count", "stalled_count",
                "volume_trend", "top_causes"]}}),
    );
}

/// The seed's request without sla_compliance: what the SLA clock fold costs is the gap.
#[divan::bench(sample_count = 10)]
fn seed_request_without_sla(bencher: divan::Bencher) {
    run(
        bencher,
        json!({"action": "calculate-metrics", "now": "2025-04-01T00:00:00Z", "parameters": {
            "date_range": {"start": "2025-01-01", "end": "2025-01-31"},
            "dimensions": ["escalation_tier", "issue_category", "customer_segment"],
            "metrics": ["escalation_count", "mttr_escalations", "escalation_rate"]}}),
    );
}
