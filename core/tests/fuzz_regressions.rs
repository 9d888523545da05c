//! Replays the fuzz seeds and every input a fuzz target once crashed on (`fuzz/seeds/`,
//! `fuzz/regressions/`) through the fuzzer's own invariants (`fuzz/invariants.rs`): fuzzing
//! runs only under `cargo xtask fuzz`, but what it checks and what it found run on every
//! `cargo test`.

#[path = "../../fuzz/invariants.rs"]
mod invariants;

use std::path::{Path, PathBuf};

fn inputs(target: &str) -> Vec<PathBuf> {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz");
    let mut files: Vec<PathBuf> = ["seeds", "regressions"]
        .iter()
        .filter_map(|d| std::fs::read_dir(fuzz.join(d).join(target)).ok())
        .flatten()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

fn replay(target: &str, check: fn(&[u8])) {
    let files = inputs(target);
    assert!(!files.is_empty(), "no seeds for {target}");
    for f in files {
        let data = std::fs::read(&f).unwrap();
        let outcome = std::panic::catch_unwind(|| check(&data));
        assert!(outcome.is_ok(), "{} broke an invariant", f.display());
    }
}

#[test]
fn door_inputs_keep_the_invariants() {
    replay("door", invariants::door);
}

#[test]
fn workspace_import_inputs_keep_the_invariants() {
    replay("workspace_import", invariants::workspace_import);
}

#[test]
fn template_inputs_keep_the_invariants() {
    replay("template", invariants::template);
}
