//! One file a page.

mod about;
mod dashboard;
mod data;
mod escalation;
mod escalations;
mod metrics;
mod metrics_charts;
mod new_escalation;
mod settings;

pub use about::About;
pub use dashboard::Dashboard;
pub use data::Data;
pub use escalation::EscalationDetail;
pub use escalations::{Escalations, ListState};
pub use metrics::Metrics;
pub use new_escalation::NewEscalation;
pub use settings::Settings;
