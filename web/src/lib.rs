//! Escalon's web app. Pages and components only: every change is a request through the
//! engine's door, so what the page can do a host app can do through `embed`. Views read the
//! folded state of the event log (`escalon::state::fold`), a pure function of stored events.

mod app;
pub mod dashboard;
pub mod detail;
pub mod drafts;
pub mod list;
pub mod metrics;
pub mod nav;
pub mod notice;
pub mod packed;
mod pages;
pub mod settings;
pub mod settings_model;
pub mod shell_env;
pub mod storage;
pub mod store;
pub mod sync;
pub mod triage;

pub use app::App;
