//! Upper bounds on the config's counts and durations. Past them the engine stays correct
//! (time arithmetic saturates at the end of the supported range, `later.rs`; the chain is
//! cut at [`MAX_CHAIN_REPEAT`]), but 4,294,967,295 minutes is a typo, not a policy, and a
//! chain repeated a million times pages nobody sooner while costing seconds per read.
//! Refusing such a value at its field tells the user at once.

use crate::config::Config;
use crate::error::{ErrorCode, RequestError};

/// PagerDuty allows an escalation policy 9 repeats; 10 leaves room.
pub const MAX_CHAIN_REPEAT: u32 = 10;
const DAY_MINUTES: u64 = 24 * 60;

/// One bounded number: its path in config space, its value, its maximum, and the unit.
struct Bound {
    path: String,
    value: u64,
    max: u64,
    unit: &'static str,
}

fn bounds(config: &Config) -> Vec<Bound> {
    let b = |path: String, value: u32, max: u64, unit| Bound {
        path,
        value: u64::from(value),
        max,
        unit,
    };
    let chain = &config.notify.chain;
    let mut out = vec![
        b(
            "config.history_window_days".into(),
            config.history_window_days,
            3660,
            "days",
        ),
        b(
            "config.notify.chain.repeat".into(),
            chain.repeat,
            MAX_CHAIN_REPEAT.into(),
            "repeats",
        ),
        b(
            "config.notify.chain.delay_minutes".into(),
            chain.delay_minutes,
            30 * DAY_MINUTES,
            "minutes",
        ),
        b(
            "config.major_incident.update_cadence_minutes".into(),
            config.major_incident.update_cadence_minutes,
            7 * DAY_MINUTES,
            "minutes",
        ),
        b(
            "config.deescalation.monitoring_hours".into(),
            config.deescalation.monitoring_hours,
            366 * 24,
            "hours",
        ),
    ];
    for (i, c) in chain.chains.iter().enumerate() {
        for (j, d) in c.delays_minutes.iter().enumerate() {
            let path = format!("config.notify.chain.chains[{i}].delays_minutes[{j}]");
            out.push(b(path, *d, 30 * DAY_MINUTES, "minutes"));
        }
    }
    for (i, h) in config.notify.aging.bucket_hours.iter().enumerate() {
        let path = format!("config.notify.aging.bucket_hours[{i}]");
        out.push(b(path, *h, 10 * 366 * 24, "hours"));
    }
    for (i, r) in config.notify.on_call.iter().enumerate() {
        let path = format!("config.notify.on_call[{i}].shift_days");
        out.push(b(path, r.shift_days, 366, "days"));
    }
    out
}

pub fn check(config: &Config) -> Result<(), RequestError> {
    match bounds(config).into_iter().find(|b| b.value > b.max) {
        Some(b) => Err(RequestError::new(
            ErrorCode::OutOfRange,
            b.path,
            format!("at most {} {} (got {})", b.max, b.unit, b.value),
        )),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config_defaults::default_config;

    #[test]
    fn the_default_config_is_within_every_bound() {
        assert!(check(&default_config()).is_ok());
    }

    #[test]
    fn a_value_past_its_bound_is_named_with_the_bound() {
        let mut c = default_config();
        c.notify.chain.repeat = 1_000_000;
        let e = check(&c).unwrap_err();
        assert_eq!(e.path, "config.notify.chain.repeat");
        assert!(e.message.contains("at most 10 repeats"), "{}", e.message);

        let mut c = default_config();
        c.notify.aging.bucket_hours = vec![4, 24, u32::MAX];
        assert_eq!(
            check(&c).unwrap_err().path,
            "config.notify.aging.bucket_hours[2]"
        );
    }
}
