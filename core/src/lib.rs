//! Escalon's engine. Pure: no clock, no randomness, no I/O, no browser types.
//! Every capability is reached through [`door::handle`] (or the stateless [`door::run`]),
//! which takes a JSON request and answers a JSON response; the shells (web, embed, cli)
//! only move bytes, time and fresh ids.

pub mod aging;
#[cfg(feature = "batch")]
pub mod batch;
pub mod calendar;
pub mod config;
mod config_defaults;
pub mod config_update;
pub mod context;
pub mod decide;
pub mod deescalate;
pub mod demo;
pub mod door;
pub mod error;
pub mod event;
pub mod import;
pub mod incident;
pub mod json_text;
mod later;
mod logic;
pub mod metrics;
pub mod notify;
mod params;
pub mod rules;
pub mod scales;
pub mod sla;
pub mod sort;
pub mod state;
pub mod strict_json;
pub mod template;
pub mod time_parse;
pub mod time_text;
mod track;
pub mod tzdb;
pub mod value_de;
pub mod workspace;

pub use config::Config;
pub use context::Context;
pub use door::{handle, run};
pub use error::{ErrorCode, RequestError};
pub use workspace::{Workspace, SCHEMA_VERSION};

/// The engine's version, as shown by every shell.
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}
