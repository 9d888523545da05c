//! Arbitrary bytes as a request to the door, against the demo workspace.
//! The invariants are in `fuzz/invariants.rs`, shared with `cargo test`.
#![no_main]

// Each target uses one of the three checks.
#[allow(dead_code)]
#[path = "../invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| invariants::door(data));
