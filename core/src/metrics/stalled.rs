//! Stalled escalations for the `stalled_count` metric. The definition itself lives in
//! `aging::rule`, shared with `stalled-report`, so the dashboard and the report agree
//! (pauses and the `next_update` calendar included).

pub use crate::aging::rule::{is_stalled, update_target_minutes, SilenceRules};
