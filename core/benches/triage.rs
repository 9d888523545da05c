//! Bulk triage natively: 10,000 generated tickets through `escalon::handle` on an empty
//! default workspace, the same shape of data `bench/triage.mjs` sends through the embed.
//!
//! Run: `cargo bench -p escalon --features batch --bench triage`. Requests are built before timing, so the
//! figure is the door's own cost: parse, decide, serialise the answer to a JSON value.

use escalon::{Context, Workspace};
use serde_json::{json, Value};

const TICKETS: usize = 10_000;

fn main() {
    divan::main();
}

/// SplitMix64: a fixed seed gives the same tickets on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
    }

    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() * xs.len() as f64) as usize]
    }
}

const SEVERITY: &[&str] = &["low", "medium", "high", "critical"];
const IMPACT: &[&str] = &[
    "single_user",
    "single_customer",
    "multiple_customers",
    "all_customers",
];
const SEGMENT: &[&str] = &["smb", "mid_market", "enterprise", "strategic"];
const SENTIMENT: &[&str] = &["positive", "neutral", "concerned", "frustrated", "angry"];
const CATEGORY: &[&str] = &["performance", "outage", "bug", "integration", "billing"];

/// Tickets as a helpdesk would send them, optional fields left out some of the time.
fn requests() -> Vec<Value> {
    let mut r = Rng(20_250_122);
    (0..TICKETS)
        .map(|k| {
            let mut issue = json!({"id": format!("T-{k}"), "severity": r.pick(SEVERITY),
                "impact": r.pick(IMPACT), "category": r.pick(CATEGORY)});
            if r.next() < 0.8 {
                issue["duration_hours"] = json!((r.next() * 720.0).round() / 10.0);
            }
            if r.next() < 0.6 {
                issue["affected_users"] = json!((r.next().powi(3) * 5000.0) as i64);
            }
            let mut customer = json!({"segment": r.pick(SEGMENT),
                "contract_value": (r.next().powi(2) * 1_500_000.0) as i64});
            if r.next() < 0.9 {
                customer["health_score"] = json!((r.next() * 101.0) as i64);
            }
            let mut p = json!({"issue": issue, "customer": customer});
            if r.next() < 0.85 {
                let mut c = json!({"previous_escalations": (r.next() * 6.0) as i64});
                if r.next() < 0.9 {
                    c["customer_sentiment"] = json!(r.pick(SENTIMENT));
                }
                p["context"] = c;
            }
            json!({"action": "determine-escalation", "parameters": p})
        })
        .collect()
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn determine_10k(b: divan::Bencher) {
    let reqs = requests();
    let mut ws = Workspace::default();
    let mut ctx = Context::with_counter(None, "bench");
    b.bench_local(|| {
        let mut tiers = 0u64;
        for req in &reqs {
            let r = escalon::handle(&mut ws, divan::black_box(req), &mut ctx);
            tiers += r["result"]["tier"]
                .as_u64()
                .expect("every ticket is decided");
        }
        tiers
    });
}

/// The decision alone (parse + decide), without the door's envelope and the conversion of
/// the answer to a JSON value, to see which side of the door the time is spent on.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn decide_only_10k(b: divan::Bencher) {
    let reqs = requests();
    let ws = Workspace::default();
    let rules = ws.rules().expect("default rules compile");
    b.bench_local(|| {
        let mut tiers = 0u64;
        for req in &reqs {
            let p = &req["parameters"];
            let input = escalon::decide::input::parse(divan::black_box(p)).expect("valid");
            tiers += u64::from(escalon::decide::decide(&ws, rules, p, &input, None).tier);
        }
        tiers
    });
}

/// What the embed's `determineEscalations` does per ticket: the answer written as JSON text
/// straight from the decision (`door::handle_into`), no `Value` tree in between.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn determine_into_text_10k(b: divan::Bencher) {
    let reqs = requests();
    let mut ws = Workspace::default();
    let mut ctx = Context::with_counter(None, "bench");
    b.bench_local(|| {
        let mut out = Vec::with_capacity(reqs.len() * 2048);
        for req in &reqs {
            escalon::door::handle_into(&mut ws, divan::black_box(req), &mut ctx, &mut out);
        }
        out.len()
    });
}

/// What the embed's `determineEscalations(list, {detail})` does: the list as JSON text in,
/// the answers as JSON text out (`batch::determine_many`).
fn batch(b: divan::Bencher, detail: &str) {
    let list: Vec<Value> = requests()
        .into_iter()
        .map(|r| r["parameters"].clone())
        .collect();
    let text = serde_json::to_string(&list).expect("tickets serialise");
    let mut ws = Workspace::default();
    let opts = escalon::batch::Batch {
        detail: Some(detail),
        ..Default::default()
    };
    b.bench_local(|| {
        let mut out = Vec::with_capacity(text.len() * 9);
        let mut ctx = || Context::with_counter(None, "bench");
        escalon::batch::determine_many(&mut ws, divan::black_box(&text), opts, &mut ctx, &mut out)
            .expect("an array");
        out.len()
    });
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn batch_triage_10k(b: divan::Bencher) {
    batch(b, "triage");
}

/// `detail: "scores"`: tier, priority and each factor's points, no sentences.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn batch_scores_10k(b: divan::Bencher) {
    batch(b, "scores");
}
