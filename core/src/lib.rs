//! Escalon's engine. Pure: no clock, no randomness, no I/O, no browser types.
//! Every capability is reached through [`door::run`], which takes a JSON request and
//! answers a JSON response; the shells (web, embed, cli) only move bytes and time.

pub mod calendar;
pub mod door;
pub mod error;
pub mod sla;

pub use door::run;
pub use error::{ErrorCode, RequestError};

/// The engine's version, as shown by every shell.
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}
