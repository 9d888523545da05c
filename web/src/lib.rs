//! Escalon's web app. Pages and components only: every decision is the engine's, reached
//! through the door, so what the page can do a host app can do through `embed`.

mod app;
pub mod nav;

pub use app::App;
