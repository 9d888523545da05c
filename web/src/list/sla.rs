//! One SLA state per escalation, for the list's column, filter and sort.

use escalon::sla::{ClockState, EscalationClock};

/// The worst of an escalation's clocks: a deadline missed anywhere shows, even once the
/// other clocks are met, because that is what SLA compliance counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SlaState {
    /// No clock has started (nothing in the log starts one).
    None,
    Met,
    Paused,
    Running,
    Warning,
    Breached,
    /// The clocks could not be computed (a calendar the config cannot resolve).
    Unavailable,
}

impl SlaState {
    /// In the order a filter offers them, most urgent first.
    pub const ALL: [SlaState; 7] = [
        SlaState::Breached,
        SlaState::Warning,
        SlaState::Running,
        SlaState::Paused,
        SlaState::Met,
        SlaState::None,
        SlaState::Unavailable,
    ];

    /// Of clocks computed at one instant (the order of `book_clocks`' answer is irrelevant).
    pub fn of(clocks: &[EscalationClock]) -> SlaState {
        clocks
            .iter()
            .map(|c| match c.state {
                ClockState::Met => SlaState::Met,
                ClockState::Paused => SlaState::Paused,
                ClockState::Running => SlaState::Running,
                ClockState::Warning => SlaState::Warning,
                ClockState::Breached => SlaState::Breached,
            })
            .max()
            .unwrap_or(SlaState::None)
    }

    /// The engine's word for it (`breached`), used as the filter's value and a CSS class.
    pub fn slug(self) -> &'static str {
        match self {
            SlaState::None => "none",
            SlaState::Met => "met",
            SlaState::Paused => "paused",
            SlaState::Running => "running",
            SlaState::Warning => "warning",
            SlaState::Breached => "breached",
            SlaState::Unavailable => "unavailable",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SlaState::None => "No clock",
            SlaState::Met => "Met",
            SlaState::Paused => "Paused",
            SlaState::Running => "Running",
            SlaState::Warning => "Warning",
            SlaState::Breached => "Breached",
            SlaState::Unavailable => "Unavailable",
        }
    }

    pub fn from_slug(slug: &str) -> Option<SlaState> {
        SlaState::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// Rank for sorting by urgency: breached highest. An unavailable state sorts with the
    /// urgent ones, since nobody can tell that it is fine.
    pub fn urgency(self) -> u8 {
        match self {
            SlaState::None => 0,
            SlaState::Met => 1,
            SlaState::Paused => 2,
            SlaState::Running => 3,
            SlaState::Warning => 4,
            SlaState::Unavailable => 5,
            SlaState::Breached => 6,
        }
    }
}
