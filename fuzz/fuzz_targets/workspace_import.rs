//! Arbitrary bytes as a workspace document (`Workspace::from_json`).
//! The invariants are in `fuzz/invariants.rs`, shared with `cargo test`.
#![no_main]

// Each target uses one of the three checks.
#[allow(dead_code)]
#[path = "../invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| invariants::workspace_import(data));
