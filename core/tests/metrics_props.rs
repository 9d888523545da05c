//! Properties of calculate-metrics on random workspaces: rows add up to the totals, rates
//! stay within 0..1, and filtering by range equals filtering the input first.

use escalon::event::{CustomerRef, Escalation, Event, EventKind};
use escalon::metrics::TriageVolume;
use escalon::scales::Status;
use escalon::Workspace;
use jiff::{SignedDuration, Timestamp};
use proptest::prelude::*;
use serde_json::{json, Value};

const CATEGORIES: [&str; 3] = ["bug", "outage", "billing"];
const SEGMENTS: [&str; 2] = ["smb", "enterprise"];
const DIMENSIONS: [&str; 9] = [
    "escalation_tier",
    "issue_category",
    "customer_segment",
    "owner",
    "severity",
    "root_cause",
    "day",
    "week",
    "month",
];
const ZONES: [&str; 3] = ["UTC", "America/New_York", "Asia/Kolkata"];
const NOW: &str = "2025-04-01T00:00:00Z";

#[derive(Debug, Clone)]
struct Spec {
    minute: i64,
    tier: u8,
    category: usize,
    segment: usize,
    ack: Option<i64>,
    resolve: Option<i64>,
    raise: bool,
    cause: Option<usize>,
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        (0i64..90 * 24 * 60, 1u8..=4, 0usize..4, 0usize..2),
        (
            proptest::option::of(0i64..600),
            proptest::option::of(0i64..6000),
            any::<bool>(),
            proptest::option::of(0usize..3),
        ),
    )
        .prop_map(
            |((minute, tier, category, segment), (ack, resolve, raise, cause))| Spec {
                minute,
                tier,
                category,
                segment,
                ack,
                resolve,
                raise,
                cause,
            },
        )
}

fn escalation(n: usize, s: &Spec) -> Escalation {
    let start: Timestamp = "2025-01-01T00:00:00Z".parse().unwrap();
    let t0 = start + SignedDuration::from_mins(s.minute);
    let mut events = Vec::new();
    let mut push = |min: i64, kind: EventKind| {
        let k = events.len();
        events.push(Event {
            id: format!("E{n}-{k}"),
            at: t0 + SignedDuration::from_mins(min),
            actor: "p".into(),
            kind,
        });
    };
    push(
        0,
        EventKind::Created {
            ticket: format!("T{n}"),
            customer: CustomerRef {
                segment: Some(SEGMENTS[s.segment].into()),
                ..CustomerRef::default()
            },
            tier: s.tier,
            urgency_score: None,
            priority: None,
            severity: Some(["low", "high"][n % 2].into()),
            impact: None,
            category: CATEGORIES.get(s.category).map(|c| c.to_string()),
            product: None,
            summary: None,
        },
    );
    if let Some(a) = s.ack {
        push(a, EventKind::Acknowledged {});
        push(
            a,
            EventKind::OwnerAssigned {
                owner: format!("o{}", n % 3),
            },
        );
    }
    if s.raise && s.tier < 4 {
        push(
            30,
            EventKind::TierChanged {
                to: s.tier + 1,
                reason: None,
                priority: None,
                urgency_score: None,
            },
        );
    }
    if let Some(r) = s.resolve {
        push(
            r,
            EventKind::StatusChanged {
                status: Status::Resolved,
            },
        );
        if let Some(c) = s.cause {
            push(
                r,
                EventKind::Note {
                    text: format!("Root cause: cause{c}"),
                    topic: None,
                    estimate: None,
                },
            );
        }
    }
    events.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.id.cmp(&b.id)));
    Escalation {
        id: format!("ESC-{n}"),
        events,
    }
}

fn workspace(specs: &[Spec], zone: &str, volume: &[u32]) -> Workspace {
    let mut config = escalon::config::default_config();
    config.timezone = zone.into();
    config.triage_volume = volume
        .iter()
        .enumerate()
        .map(|(i, tickets)| TriageVolume {
            month: Some(format!("2025-{:02}", 1 + i % 3)),
            date: None,
            category: Some(CATEGORIES[i % 3].into()),
            segment: None,
            tickets: *tickets,
        })
        .collect();
    let escs = specs
        .iter()
        .enumerate()
        .map(|(n, s)| escalation(n, s))
        .collect();
    Workspace::new(config, escs)
}

fn calc(ws: &Workspace, params: Value) -> Value {
    let now: Timestamp = NOW.parse().unwrap();
    escalon::metrics::calculate(ws, &params, Some(now)).unwrap_or_else(|e| panic!("{e}"))
}

fn dims(picks: &[usize]) -> Vec<&'static str> {
    let mut out = Vec::new();
    for p in picks {
        let d = DIMENSIONS[p % DIMENSIONS.len()];
        if !out.contains(&d) {
            out.push(d);
        }
    }
    out
}

const ALL_ROW_METRICS: [&str; 8] = [
    "escalation_count",
    "escalation_rate",
    "mttr_escalations",
    "mtta",
    "sla_compliance",
    "breach_count",
    "re_escalation_count",
    "stalled_count",
];

fn u(v: &Value) -> u64 {
    v.as_u64().unwrap_or_else(|| panic!("not a count: {v}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn group_counts_add_up_to_totals(
        specs in proptest::collection::vec(spec(), 0..40),
        picks in proptest::collection::vec(0usize..9, 0..4),
        zone in 0usize..3,
    ) {
        let ws = workspace(&specs, ZONES[zone], &[]);
        let r = calc(&ws, json!({"dimensions": dims(&picks), "metrics": ALL_ROW_METRICS}));
        let rows = r["rows"].as_array().unwrap();
        let t = &r["totals"];
        let sum = |f: &dyn Fn(&Value) -> u64| rows.iter().map(|row| f(&row["metrics"])).sum::<u64>();
        prop_assert_eq!(sum(&|m| u(&m["escalation_count"])), u(&t["escalation_count"]));
        prop_assert_eq!(u(&t["escalation_count"]), specs.len() as u64);
        prop_assert_eq!(sum(&|m| u(&m["mttr_escalations"]["resolved"])), u(&t["mttr_escalations"]["resolved"]));
        prop_assert_eq!(sum(&|m| u(&m["mtta"]["unacknowledged"])), u(&t["mtta"]["unacknowledged"]));
        prop_assert_eq!(sum(&|m| u(&m["breach_count"]["total"])), u(&t["breach_count"]["total"]));
        prop_assert_eq!(sum(&|m| u(&m["re_escalation_count"])), u(&t["re_escalation_count"]));
        prop_assert_eq!(sum(&|m| u(&m["stalled_count"])), u(&t["stalled_count"]));
        for kind in ["first_response", "next_update", "resolution"] {
            prop_assert_eq!(
                sum(&|m| u(&m["sla_compliance"][kind]["met"])),
                u(&t["sla_compliance"][kind]["met"])
            );
        }
    }

    #[test]
    fn rates_stay_within_zero_and_one(
        specs in proptest::collection::vec(spec(), 0..40),
        picks in proptest::collection::vec(0usize..9, 0..3),
        volume in proptest::collection::vec(0u32..20, 0..9),
    ) {
        let ws = workspace(&specs, "UTC", &volume);
        let r = calc(&ws, json!({"dimensions": dims(&picks), "metrics": ALL_ROW_METRICS,
            "date_range": {"start": "2025-01-15", "end": "2025-03-10"}}));
        let mut all: Vec<&Value> = r["rows"].as_array().unwrap().iter().map(|x| &x["metrics"]).collect();
        all.push(&r["totals"]);
        for m in all {
            let mut rates = vec![&m["escalation_rate"]["rate"]];
            for kind in ["first_response", "next_update", "resolution", "overall"] {
                rates.push(&m["sla_compliance"][kind]["compliance"]);
            }
            for rate in rates.into_iter().filter_map(Value::as_f64) {
                prop_assert!((0.0..=1.0).contains(&rate), "{rate} in {m}");
            }
        }
    }

    #[test]
    fn filtering_by_range_equals_filtering_the_input_first(
        specs in proptest::collection::vec(spec(), 0..40),
        picks in proptest::collection::vec(0usize..9, 0..3),
        from in 0i64..90,
        len in 0i64..60,
        zone in 0usize..3,
        volume in proptest::collection::vec(0u32..200, 0..9),
    ) {
        let (name, tzif) = escalon::tzdb::tzif(ZONES[zone]).unwrap();
        let tz = jiff::tz::TimeZone::tzif(name, tzif).unwrap();
        let first = jiff::civil::date(2025, 1, 1) + jiff::Span::new().days(from);
        let last = first + jiff::Span::new().days(len);
        let metrics = [ALL_ROW_METRICS.as_slice(), &["volume_trend", "top_causes"]].concat();
        let params = json!({"dimensions": dims(&picks), "metrics": metrics,
            "date_range": {"start": first.to_string(), "end": last.to_string()}});
        let ws = workspace(&specs, ZONES[zone], &volume);
        let mut pre = ws.clone();
        pre.escalations.retain(|e| {
            let d = tz.to_datetime(e.events[0].at).date();
            first <= d && d <= last
        });
        prop_assert_eq!(calc(&ws, params.clone()), calc(&pre, params));
    }
}
