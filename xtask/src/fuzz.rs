//! `cargo xtask fuzz [seconds] [target...]`: runs each cargo-fuzz target of `fuzz/` for a
//! bounded time (default 60 s each) and fails listing the crash files if any target found
//! one. Not part of `cargo xtask test`: fuzzing is open-ended and CI time is not.
//!
//! libFuzzer needs nightly compiler flags; `RUSTC_BOOTSTRAP=1` lets the stable toolchain
//! accept them, so no nightly is installed. No sanitizer (`-s none`): the engine is safe
//! Rust, so the bugs to find are panics, overflows (debug assertions are on: `-a`), hangs
//! and runaway memory, and uninstrumented builds run several times more inputs per second.
//! Builds, the growing corpus and crash files live under `target/fuzz/`; only the seeds
//! (`fuzz/seeds/<target>/`) and the dictionary are kept in the repository.

use std::path::{Path, PathBuf};

use crate::sh::{self, say, Result};

pub const CARGO_FUZZ_VERSION: &str = "0.13.2";
const TARGETS: [&str; 3] = ["door", "workspace_import", "template"];
const DEFAULT_SECONDS: u32 = 60;
/// One input taking longer than this is reported as a hang (libFuzzer's default is 20 min).
const TIMEOUT_SECONDS: u32 = 10;

pub fn fuzz(args: &[String]) -> Result {
    let (seconds, targets) = parse(args)?;
    cargo_fuzz()?;
    compiler()?;
    let root = sh::root();
    let out = sh::target_dir().join("fuzz");
    let mut crashes = Vec::new();
    let mut broken = Vec::new();
    for target in &targets {
        say(&format!("fuzzing {target} for {seconds} s"));
        let corpus = out.join("corpus").join(target);
        let artifacts = out.join("artifacts").join(target);
        for dir in [&corpus, &artifacts] {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        let before = files(&artifacts);
        let result = sh::run(&mut command(
            &root, &out, target, seconds, &corpus, &artifacts,
        ));
        let found: Vec<PathBuf> = files(&artifacts)
            .into_iter()
            .filter(|f| !before.contains(f))
            .collect();
        if !found.is_empty() {
            say(&format!("{target}: FAILED, new crash files: {found:?}"));
            crashes.push((target.clone(), found));
        } else if let Err(e) = result {
            // No input to blame: the build or cargo-fuzz itself failed (see the output above).
            say(&format!("{target}: did not run: {e}"));
            broken.push(target.clone());
        } else {
            say(&format!("{target}: no crash in {seconds} s"));
        }
    }
    if crashes.is_empty() && broken.is_empty() {
        return Ok(());
    }
    if crashes.is_empty() {
        return Err(format!("fuzz targets did not run: {}", broken.join(", ")));
    }
    let mut msg = String::from("fuzzing found crashes. Reproduce one with\n");
    for (target, found) in crashes {
        for f in found {
            msg.push_str(&format!(
                "  RUSTC_BOOTSTRAP=1 cargo fuzz run --fuzz-dir fuzz --target-dir {} -s none -a {target} {}\n",
                out.display(),
                f.display()
            ));
        }
    }
    msg.push_str(
        "then fix it and copy the input into fuzz/regressions/<target>/ (replayed by \
         core/tests/fuzz_regressions.rs)",
    );
    Err(msg)
}

/// `[seconds] [target...]`, in any order: a number is the time per target.
fn parse(args: &[String]) -> Result<(u32, Vec<String>)> {
    let mut seconds = DEFAULT_SECONDS;
    let mut targets = Vec::new();
    for a in args {
        if let Ok(n) = a.parse::<u32>() {
            seconds = n.max(1);
        } else if TARGETS.contains(&a.as_str()) {
            targets.push(a.clone());
        } else {
            return Err(format!(
                "fuzz: '{a}' is neither seconds nor a target ({})",
                TARGETS.join(", ")
            ));
        }
    }
    if targets.is_empty() {
        targets = TARGETS.iter().map(|t| t.to_string()).collect();
    }
    Ok((seconds, targets))
}

fn command(
    root: &Path,
    out: &Path,
    target: &str,
    seconds: u32,
    corpus: &Path,
    artifacts: &Path,
) -> std::process::Command {
    let fuzz_dir = root.join("fuzz");
    let seeds = fuzz_dir.join("seeds").join(target);
    let regressions = fuzz_dir.join("regressions").join(target);
    let mut c = sh::cmd("cargo", &["fuzz", "run", "-s", "none", "-a", target]);
    c.arg("--fuzz-dir")
        .arg(&fuzz_dir)
        .arg("--target-dir")
        .arg(out)
        // New inputs are written to the first folder; seeds and past crashes are only read.
        .arg(corpus)
        .arg(&seeds);
    if regressions.is_dir() {
        c.arg(&regressions);
    }
    c.arg("--")
        .arg(format!("-max_total_time={seconds}"))
        .arg(format!("-timeout={TIMEOUT_SECONDS}"))
        .arg("-rss_limit_mb=2048")
        .arg("-print_final_stats=1")
        .arg(format!("-artifact_prefix={}/", artifacts.display()));
    let dict = fuzz_dir.join(format!("{target}.dict"));
    if dict.exists() {
        c.arg(format!("-dict={}", dict.display()));
    }
    c.env("RUSTC_BOOTSTRAP", "1");
    c
}

fn files(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default()
}

fn cargo_fuzz() -> Result {
    let have = sh::output("cargo", &["fuzz", "--version"]).unwrap_or_default();
    if have.split_whitespace().nth(1) == Some(CARGO_FUZZ_VERSION) {
        say(&format!("cargo-fuzz {CARGO_FUZZ_VERSION}: present"));
        return Ok(());
    }
    say(&format!(
        "installing cargo-fuzz {CARGO_FUZZ_VERSION} (about a minute on 2 cores)"
    ));
    let mut c = sh::cmd(
        "cargo",
        &[
            "install",
            "cargo-fuzz",
            "--version",
            CARGO_FUZZ_VERSION,
            "--locked",
        ],
    );
    // As for trunk: the tool's own speed hardly matters, a light profile builds it faster.
    c.env("CARGO_PROFILE_RELEASE_LTO", "false")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")
        .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "1");
    sh::run(&mut c)
}

/// libfuzzer-sys compiles libFuzzer itself, which is C++.
fn compiler() -> Result {
    if sh::output("c++", &["--version"]).is_some() {
        return Ok(());
    }
    Err(
        "fuzzing needs a C++ compiler (`c++`) to build libFuzzer: on Debian, \
         `apt-get install g++`"
            .into(),
    )
}
