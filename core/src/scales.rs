//! The ordered scales a decision reads. Order matters: rules and the monotonicity guarantee
//! compare ranks, so the position in each list is part of the contract, not decoration.

use serde::{Deserialize, Serialize};

/// One ordered scale: its values from least to most serious.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    pub name: &'static str,
    pub values: &'static [&'static str],
}

pub const SEVERITY: Scale = Scale {
    name: "severity",
    values: &["low", "medium", "high", "critical"],
};

pub const IMPACT: Scale = Scale {
    name: "impact",
    values: &[
        "single_user",
        "single_customer",
        "multiple_customers",
        "all_customers",
    ],
};

pub const SEGMENT: Scale = Scale {
    name: "segment",
    values: &["smb", "mid_market", "enterprise", "strategic"],
};

/// Ordered from calm to angry, so a higher rank means a more serious situation.
pub const SENTIMENT: Scale = Scale {
    name: "customer_sentiment",
    values: &["positive", "neutral", "concerned", "frustrated", "angry"],
};

impl Scale {
    /// Zero-based rank of `value`, or `None` when the value is not on the scale.
    pub fn rank(&self, value: &str) -> Option<usize> {
        self.values.iter().position(|v| *v == value)
    }

    pub fn allowed(&self) -> String {
        self.values.join(", ")
    }
}

/// Status of an escalation as set by people; `archived` is derived from an archive event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Open,
    Acknowledged,
    InProgress,
    PendingCustomer,
    /// Waiting on a third party; like `pending_customer`, SLA clocks pause by default.
    PendingVendor,
    Monitoring,
    Resolved,
    Closed,
    Archived,
}

impl Status {
    pub const ALL: &'static [Status] = &[
        Status::Open,
        Status::Acknowledged,
        Status::InProgress,
        Status::PendingCustomer,
        Status::PendingVendor,
        Status::Monitoring,
        Status::Resolved,
        Status::Closed,
        Status::Archived,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Acknowledged => "acknowledged",
            Status::InProgress => "in_progress",
            Status::PendingCustomer => "pending_customer",
            Status::PendingVendor => "pending_vendor",
            Status::Monitoring => "monitoring",
            Status::Resolved => "resolved",
            Status::Closed => "closed",
            Status::Archived => "archived",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.iter().copied().find(|st| st.as_str() == s)
    }

    /// Whether the escalation is finished from the customer's point of view.
    pub fn is_done(self) -> bool {
        matches!(self, Status::Resolved | Status::Closed | Status::Archived)
    }

    /// Archived records are history: nothing may change them. An escalation may only be
    /// archived once it is resolved or closed, and nothing returns to `open`, because
    /// `open` means "nobody has touched it yet" and that cannot become true again.
    pub fn can_become(self, next: Status) -> bool {
        match (self, next) {
            (Status::Archived, _) => false,
            (_, Status::Archived) => matches!(self, Status::Resolved | Status::Closed),
            (from, Status::Open) => from == Status::Open,
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_follow_the_listed_order() {
        assert_eq!(SEVERITY.rank("low"), Some(0));
        assert_eq!(SEVERITY.rank("critical"), Some(3));
        assert_eq!(SENTIMENT.rank("angry"), Some(4));
        assert_eq!(IMPACT.rank("everyone"), None);
    }

    #[test]
    fn archived_is_terminal() {
        for s in Status::ALL {
            assert!(!Status::Archived.can_become(*s));
        }
        assert!(!Status::InProgress.can_become(Status::Archived));
        assert!(Status::Resolved.can_become(Status::Archived));
        assert!(Status::Resolved.can_become(Status::InProgress));
    }
}
