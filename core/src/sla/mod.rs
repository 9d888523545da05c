//! SLA clocks: due dates, pauses, warnings, breaches, next check.
