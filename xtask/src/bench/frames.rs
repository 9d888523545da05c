//! The metrics aggregation beside pandas and DuckDB (issue 9): the generated 100,000-escalation
//! workspace, once as the JSON document Escalon reads and once as CSV facts for the peers,
//! then `bench/dataframes.py`, which checks every group agrees before printing the timings.
//!
//! The peers are pinned and go into a venv under target/bench/, so the machine's Python is
//! left alone. Escalon's answer comes from the release CLI on the document (timed end to end,
//! once: reading 128 MB of JSON dominates it); its aggregation time is the divan bench's
//! `seed_request` median on the same workspace, measured in the same `cargo xtask bench`.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use crate::sh::{self, say, Result};

const PEERS: [(&str, &str); 2] = [("pandas", "3.1.1"), ("duckdb", "2.0.1")];
const ESCALATIONS: &str = "100000";
const NOW: &str = "2025-04-01T00:00:00Z";
/// The seed's request without escalation_rate (the CSV carries no triage volume).
const REQUEST: &str = r#"{"action": "calculate-metrics", "parameters": {
  "date_range": {"start": "2025-01-01", "end": "2025-01-31"},
  "dimensions": ["escalation_tier", "issue_category", "customer_segment"],
  "metrics": ["escalation_count", "mttr_escalations", "sla_compliance"]}}"#;
/// `divan` is the output of `cargo bench -p escalon --bench metrics`.
pub fn dataframes(pkg: &Path, divan: &str) -> Result<String> {
    let native = median_of(divan, "seed_request")
        .ok_or("no seed_request median in the divan output of the metrics bench")?;
    let dir = sh::target_dir().join("bench");
    let python = venv(&dir)?;
    let csv = dir.join("escalations.csv");
    let doc = dir.join("workspace-100k.json");
    say("exporting the 100,000 generated escalations as a workspace document and as CSV");
    sh::run(
        sh::cmd("node", &["bench/metrics.mjs"])
            .env("ESCALON_EMBED_PKG", pkg)
            .env("BENCH_ESCALATIONS", ESCALATIONS)
            .env("BENCH_CSV", &csv)
            .env("BENCH_DUMP", &doc),
    )?;
    sh::run(&mut sh::cmd(
        "cargo",
        &["build", "--release", "-p", "escalon-cli"],
    ))?;
    let cli = sh::target_dir().join("release").join("escalon");
    let request = write(&dir.join("metrics-request.json"), REQUEST)?;
    let (total, answer) = time_cli(&cli, &request, &doc)?;
    let answer_file = write(&dir.join("escalon-answer.json"), &answer)?;
    say("pandas and DuckDB on the same data");
    let mut c = Command::new(&python);
    c.current_dir(sh::root())
        .arg("bench/dataframes.py")
        .arg(&csv)
        .arg(&answer_file)
        .arg(native)
        .arg(format!("{total}"));
    super::capture(&mut c)
}

/// Wall milliseconds of one run of the CLI, and its answer.
fn time_cli(cli: &Path, request: &Path, doc: &Path) -> Result<(u128, String)> {
    let t0 = Instant::now();
    let out = Command::new(cli)
        .arg("run")
        .arg(request)
        .arg("--workspace")
        .arg(doc)
        .args(["--now", NOW])
        .output()
        .map_err(|e| format!("cannot start {}: {e}", cli.display()))?;
    let ms = t0.elapsed().as_millis();
    let answer = String::from_utf8_lossy(&out.stdout).into_owned();
    if !out.status.success() {
        return Err(format!("escalon run {}: {answer}", request.display()));
    }
    Ok((ms, answer))
}

/// The median column of one divan row: `├─ seed_request  129.9 ms │ 185.3 ms │ 144.2 ms │ ..`.
fn median_of(divan: &str, bench: &str) -> Option<String> {
    let row = divan
        .lines()
        .find(|l| l.split_whitespace().nth(1) == Some(bench))?;
    Some(row.split('│').nth(2)?.trim().to_string())
}

fn write(path: &Path, text: &str) -> Result<std::path::PathBuf> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(path.to_path_buf())
}

/// target/bench/venv with the pinned peers; returns its python.
fn venv(dir: &Path) -> Result<std::path::PathBuf> {
    let venv = dir.join("venv");
    let python = venv.join("bin").join("python");
    if !python.exists() {
        say("creating a Python venv in target/bench/venv");
        sh::run(sh::cmd("python3", &["-m", "venv"]).arg(&venv))?;
    }
    let specs: Vec<String> = PEERS.iter().map(|(n, v)| format!("{n}=={v}")).collect();
    let check = format!(
        "import importlib.metadata as m, sys; sys.exit(0 if all(m.version(n) == v for n, v in {:?}) else 1)",
        PEERS
    );
    let have = Command::new(&python)
        .args(["-c", &check])
        .status()
        .is_ok_and(|s| s.success());
    if have {
        say(&format!("dataframe peers ({}): present", specs.join(", ")));
        return Ok(python);
    }
    let mut c = Command::new(&python);
    c.args(["-m", "pip", "install", "--quiet"]).args(&specs);
    sh::run(&mut c)?;
    Ok(python)
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_the_median_of_the_named_row_only() {
        let out = "metrics                      fastest       │ slowest       │ median        │ mean\n\
                   ├─ seed_request              129.9 ms      │ 185.3 ms      │ 144.2 ms      │ 148.1 ms\n\
                   ├─ seed_request_without_sla  35.36 ms      │ 56.97 ms      │ 40.52 ms      │ 41.09 ms";
        assert_eq!(
            super::median_of(out, "seed_request").as_deref(),
            Some("144.2 ms")
        );
        assert_eq!(
            super::median_of(out, "seed_request_without_sla").as_deref(),
            Some("40.52 ms")
        );
        assert_eq!(super::median_of(out, "whole_quarter"), None);
    }
}
