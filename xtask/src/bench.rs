//! `cargo xtask bench`: the figures of issue 9, measured side by side in one run and written
//! to BENCHMARKS.md with the machine, the date and the method, so a reader can rerun them.
//!
//! The peers (json-rules-engine, json-logic-js) go into target/bench/node_modules, apart
//! from tests/node_modules: they are only needed here and must not leak into the app's tools.
//! pandas and DuckDB go into a venv under target/bench (see `frames`).

mod frames;

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::sh::{self, say, Result};
use crate::{browser, node, steps, tools};

/// Exact versions: the comparison is only repeatable against the same peers.
const PEERS: [(&str, &str); 2] = [("json-rules-engine", "7.3.1"), ("json-logic-js", "2.0.5")];
/// The native bench's size (issue 9: 100,000 escalations). Loading that document in WASM
/// takes about 8 s; BENCH_ESCALATIONS picks a smaller size for a quick run.
const WASM_ESCALATIONS: &str = "100000";

pub fn bench() -> Result {
    steps::embed()?;
    let pkg = sh::target_dir().join("embed").join("pkg");
    let modules = sh::target_dir().join("bench");
    peers(&modules)?;

    say("bulk triage: escalon vs json-rules-engine vs json-logic-js (10,000 tickets)");
    let triage = capture(
        sh::cmd("node", &["--expose-gc", "bench/triage.mjs"])
            .env("ESCALON_EMBED_PKG", &pkg)
            .env("BENCH_MODULES", &modules),
    )?;
    say("calculate-metrics in WASM under Node");
    let escalations =
        std::env::var("BENCH_ESCALATIONS").unwrap_or_else(|_| WASM_ESCALATIONS.into());
    let wasm_metrics = capture(
        sh::cmd("node", &["bench/metrics.mjs"])
            .env("ESCALON_EMBED_PKG", &pkg)
            .env("BENCH_ESCALATIONS", &escalations),
    )?;
    say("native divan benches (release profile)");
    let due_date = capture(&mut sh::cmd(
        "cargo",
        &["bench", "-p", "escalon", "--bench", "due_date"],
    ))?;
    let metrics = capture(&mut sh::cmd(
        "cargo",
        &["bench", "-p", "escalon", "--bench", "metrics"],
    ))?;
    say("the same aggregation in pandas and DuckDB (100,000 escalations, CSV)");
    let dataframes = frames::dataframes(&pkg, &metrics)?;
    say("time to first render of a 1,000-escalation workspace in headless Chromium");
    let first_render = first_render(&pkg)?;

    let report = render(&Figures {
        triage,
        wasm_metrics,
        dataframes,
        first_render,
        due_date,
        metrics,
    });
    let out = sh::root().join("BENCHMARKS.md");
    std::fs::write(&out, report).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    say(&format!("figures written to {}", out.display()));
    Ok(())
}

/// Installs the pinned peers unless each package.json already names the pinned version.
fn peers(modules: &Path) -> Result {
    node::ensure_node()?;
    let have = PEERS.iter().all(|(name, version)| {
        let manifest = modules.join("node_modules").join(name).join("package.json");
        std::fs::read_to_string(manifest)
            .is_ok_and(|t| t.contains(&format!("\"version\": \"{version}\"")))
    });
    if have {
        say("bench peers (json-rules-engine 7.3.1, json-logic-js 2.0.5): present");
        return Ok(());
    }
    let specs: Vec<String> = PEERS.iter().map(|(n, v)| format!("{n}@{v}")).collect();
    let mut args = vec![
        "install",
        "--prefix",
        "target/bench",
        "--no-package-lock",
        "--no-save",
        "--no-audit",
        "--no-fund",
    ];
    args.extend(specs.iter().map(String::as_str));
    sh::run(&mut sh::cmd("npm", &args))
}

/// A release build of the app of its own (others may be using dist/), served to Chromium.
fn first_render(pkg: &Path) -> Result<String> {
    tools::trunk()?;
    tools::fetch()?;
    let browser = browser::finish(browser::start_install()?)?;
    let dist = sh::target_dir().join("bench").join("dist");
    // Built as `cargo xtask dist` builds it, so the sizes below are the shipped ones.
    let mut build = steps::release_wasm(sh::cmd("trunk", &["build", "--release", "--dist"]));
    sh::run(build.arg(&dist))?;
    capture(
        sh::cmd("node", &["bench/first_render.mjs"])
            .env("ESCALON_DIST", &dist)
            .env("ESCALON_EMBED_PKG", pkg)
            .env("CHROMIUM", &browser.chromium),
    )
}

/// Runs with stderr shown live (progress) and returns stdout (the figures).
fn capture(c: &mut Command) -> Result<String> {
    let line = sh::describe(c);
    say(&format!("$ {line}"));
    let out = c
        .stderr(std::process::Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot start `{line}`: {e}"))?;
    if !out.status.success() {
        return Err(format!("`{line}` failed ({})", out.status));
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

struct Figures {
    triage: String,
    wasm_metrics: String,
    dataframes: String,
    first_render: String,
    due_date: String,
    metrics: String,
}

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into())
}

fn machine() -> String {
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let node = sh::output("node", &["--version"]).unwrap_or_default();
    let rustc = sh::output("rustc", &["--version"]).unwrap_or_default();
    let date = sh::output("date", &["-u", "+%Y-%m-%d %H:%M UTC"]).unwrap_or_default();
    format!(
        "- date: {date}\n- machine: {cores} cores (nproc), {}\n- {rustc}; Node {node}",
        cpu_model()
    )
}

fn render(f: &Figures) -> String {
    let manifest: PathBuf = ["bench", "rules"].iter().collect();
    format!(
        "# Benchmarks\n\n\
Written by `cargo xtask bench` (the exact command; it rebuilds the embed package, installs\n\
the pinned peers into `target/bench/node_modules`, runs both Node harnesses and the native\n\
divan benches, and rewrites this file). Numbers on shared cloud cores move by 10-20 % from\n\
run to run; compare ratios from one run, not figures across runs.\n\n\
{machine}\n\n\
## Bulk triage (issue 9 goal: 50x json-rules-engine, 3x json-logic-js)\n\n\
`bench/triage.mjs`: 10,000 tickets from a seeded PRNG (mulberry32), each with severity,\n\
impact, segment, category and, most of the time, duration, affected users, contract value,\n\
health score, previous escalations and sentiment. Escalon decides them in one\n\
`engine.determineEscalations(list)` call on `Engine.create()` (default config, empty\n\
workspace), through the built ES module in Node, reasons included; the time covers\n\
`JSON.stringify` of the list and turning the answers into JS objects (`JSON.parse`, or\n\
for scores the package's unpacking of the packed answers). Each of the package's two builds\n\
(`escalon_embed_bg.wasm`, optimised for size, and `escalon_embed_speed_bg.wasm`, for speed)\n\
answers at three details: full; `{{detail: 'triage'}}`, the same tiers, scores and worded\n\
reasons without stakeholders, recommended actions and history; and `{{detail: 'scores'}}`,\n\
the reasons as each factor's points without sentences. Answers are checked (reasons\n\
present, points adding up to the score) on the untimed pass that compares the engines.\n\
The peers run Escalon's default\n\
scoring tables and rules translated to each (`{rules}/json-rules-engine.json`,\n\
`{rules}/json-logic.json`) over flat ticket facts, with the score-to-tier step shared in\n\
JavaScript; json-rules-engine runs ticket after ticket (`await engine.run`), json-logic-js\n\
evaluates one expression per factor and per rule. Before timing, every ticket's tier and\n\
score must be equal across all of them, or the command fails. Peers: json-rules-engine 7.3.1\n\
(its dependencies float within their ranges), json-logic-js 2.0.5.\n\n\
{triage}\n\n\
## Metrics in WASM\n\n\
`bench/metrics.mjs`: `calculate-metrics` through the embed `Engine` under Node, on the native\n\
bench's workspace (its SplitMix64 generator ported draw for draw, `bench/generate.mjs`),\n\
`now` 2025-04-01; `BENCH_ESCALATIONS=10000 cargo xtask bench` runs a smaller size.\n\n\
{wasm}\n\n\
## Metrics beside pandas and DuckDB\n\n\
`bench/dataframes.py`: the same 100,000 escalations, written once as the workspace document\n\
and once as CSV facts (one row per escalation: start, tier, category, segment, first\n\
acknowledgement, first resolution; `bench/generate.mjs`). The request is the seed's without\n\
`escalation_rate` (January, by tier, category and segment: count, MTTR, SLA compliance).\n\
Escalon's answer to check against comes from the release CLI (`escalon run`, timed end to end\n\
once); its aggregation time is the divan `seed_request` median below (the same workspace and\n\
request, plus `escalation_rate`). pandas and DuckDB compute\n\
the first-response and resolution clocks from the tier's default targets on the 24/7\n\
calendar (the `next_update` clock, restarted by every update, is left out); every group must\n\
agree with Escalon's answer or the command fails. pandas and DuckDB are pinned and installed\n\
from PyPI into `target/bench/venv`.\n\n\
{frames}\n\n\
## First render in headless Chromium, and release sizes\n\n\
`bench/first_render.mjs`: a release build served on loopback; the workspace is written to\n\
`localStorage` before the app's first script runs; the time runs from navigation until the\n\
dashboard's total tile shows the stored count (fetching and compiling the wasm, reading and\n\
validating the document, folding every log, painting).\n\n\
{render}\n\n\
## Native: metrics and SLA due dates (divan)\n\n\
`cargo bench -p escalon --bench metrics`: 100,000 escalations, 1,000,000 events; the seed's\n\
request (January, by tier, category and segment, with SLA compliance), the same without\n\
SLA, and the whole quarter with every metric.\n\n\
```\n{metrics}\n```\n\n\
`cargo bench -p escalon --bench due_date`: due dates on business-hours calendars\n\
(`core/benches/due_date.rs`: 1,000,000 clocks per sample, starts spread over a year).\n\n\
```\n{due}\n```\n",
        machine = machine(),
        rules = manifest.display(),
        triage = f.triage,
        wasm = f.wasm_metrics,
        frames = f.dataframes,
        render = f.first_render,
        metrics = f.metrics,
        due = f.due_date,
    )
}
