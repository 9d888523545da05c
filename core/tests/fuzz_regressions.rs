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

// A workspace regression that no longer imports tests nothing: the invariants stop at the
// refusal. When the format tightens (config keys became strict on 2026-11-29), the file is
// brought up to date instead of being skipped without a word.
#[test]
fn workspace_import_regressions_still_import() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/regressions/workspace_import");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        if let Err(problems) = escalon::import::read(&text) {
            panic!("{} no longer imports: {problems:?}", path.display());
        }
    }
}
