//! One file a page.

mod about;
mod dashboard;
mod data;
mod escalation;
mod escalations;
mod metrics;
mod metrics_charts;
mod new_escalation;

pub use about::About;
pub use dashboard::Dashboard;
pub use data::Data;
pub use escalation::EscalationDetail;
pub use escalations::Escalations;
pub use metrics::Metrics;
pub use new_escalation::NewEscalation;
