//! What the shell lends the engine: the clock and fresh ids. Core never reads either.

use jiff::Timestamp;

/// The browser's current instant. Outside wasm (native unit tests) the epoch stands in,
/// since those tests never depend on the wall clock.
pub fn now() -> Timestamp {
    #[cfg(target_arch = "wasm32")]
    {
        let ms = js_sys::Date::now() as i64;
        Timestamp::from_millisecond(ms).unwrap_or(Timestamp::UNIX_EPOCH)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Timestamp::UNIX_EPOCH
    }
}

/// A fresh event id: milliseconds since the epoch and 64 random bits, so ids from two tabs
/// or devices never collide and sort roughly by time.
pub fn fresh_id() -> String {
    format!("{:012x}-{:016x}", now().as_millisecond(), random_u64())
}

fn random_u64() -> u64 {
    #[cfg(target_arch = "wasm32")]
    {
        let hi = (js_sys::Math::random() * 4_294_967_296.0) as u64;
        let lo = (js_sys::Math::random() * 4_294_967_296.0) as u64;
        (hi << 32) | lo
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        use std::sync::atomic::{AtomicU64, Ordering};
        static N: AtomicU64 = AtomicU64::new(0);
        N.fetch_add(1, Ordering::Relaxed)
    }
}
