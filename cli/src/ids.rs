//! Fresh event ids for this process: time, process id, per-process randomness and a
//! counter, so two CLI runs (or a CLI run and a browser tab) never collide when merged.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};

pub fn fresh() -> impl FnMut() -> String + 'static {
    let millis = jiff::Timestamp::now().as_millisecond();
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u32(std::process::id());
    let salt = hasher.finish();
    let mut n = 0u32;
    move || {
        n += 1;
        format!("{millis:012x}-{salt:016x}-{n:04}")
    }
}
