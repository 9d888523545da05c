//! A proposed config checked as a whole before it may replace the stored one: first its
//! shape (serde, with the path of the field at fault: `shape.rs`), then what serde cannot see. Every
//! check reuses the validator the engine itself runs (calendar compile, rule compile,
//! calendar lookup, template compile), so an accepted config is one the engine can run.
//!
//! Checks report paths in config space (`config.rules[0].when`); [`Target::locate`] turns
//! them into request paths (`parameters.config.rules[0].when`, or `parameters.value[0].when`
//! for a section update).

use std::collections::BTreeSet;

use serde_json::Value;

use crate::calendar::Calendar;
use crate::config::Config;
use crate::error::{ErrorCode, RequestError};
use crate::notify::recipients::is_address;
use crate::notify::{kinds, render, templates};
use crate::rules::RuleSet;
use crate::scales::Status;
use crate::sla::{business_calendar, calendar_of, ClockKind, MAX_TARGET_MINUTES};

/// What the request replaces: the whole config or one of its fields.
pub enum Target {
    Whole,
    Section(String),
}

impl Target {
    /// Moves an error from config space to where the user wrote the value. A section update
    /// can break another section (deleting a calendar a policy uses); such an error keeps
    /// its `config.` path, which names the stored field that would break.
    pub fn locate(&self, mut e: RequestError) -> RequestError {
        let Some(rest) = e.path.strip_prefix("config").map(str::to_string) else {
            return e;
        };
        let rest = rest.strip_prefix('.').unwrap_or(&rest);
        e.path = match self {
            Target::Whole => join("parameters.config", rest),
            Target::Section(s) => match rest.strip_prefix(s.as_str()) {
                Some(tail) if tail.is_empty() || tail.starts_with(['.', '[']) => {
                    format!("parameters.value{tail}")
                }
                _ => {
                    e.message = format!("the stored config would break: {}", e.message);
                    join("config", rest)
                }
            },
        };
        e
    }
}

fn join(base: &str, rest: &str) -> String {
    if rest.is_empty() || rest.starts_with('[') {
        format!("{base}{rest}")
    } else {
        format!("{base}.{rest}")
    }
}

/// Parses and checks a proposed config; errors carry `config.`-rooted paths.
pub fn config(candidate: Value) -> Result<Config, RequestError> {
    precheck_calendars(&candidate)?;
    let config = super::shape::parse(candidate)?;
    super::limits::check(&config)?;
    addresses(&config)?;
    tiers(&config)?;
    names(&config)?;
    RuleSet::compile(&config.rules).map_err(bracket)?;
    business_calendar(&config.timezone)?;
    sla_policies(&config)?;
    template_overrides(&config)?;
    Ok(config)
}

/// Calendars are validated again by serde, but only this reader names the field inside a
/// calendar (`calendars.office.hours.wed[0]`); serde would only name the calendar.
fn precheck_calendars(candidate: &Value) -> Result<(), RequestError> {
    if let Some(Value::Object(map)) = candidate.get("calendars") {
        for (name, cal) in map {
            Calendar::from_json(cal, &format!("config.calendars.{name}"))?;
        }
    }
    if let Some(Value::Array(list)) = candidate.get("sla_policies") {
        for (i, policy) in list.iter().enumerate() {
            for kind in ClockKind::ALL {
                let key = kind_name(kind);
                let inline = policy.get(&key).and_then(|c| c.get("calendar"));
                if let Some(cal @ Value::Object(_)) = inline {
                    let path = format!("config.sla_policies[{i}].{key}.calendar");
                    Calendar::from_json(cal, &path)?;
                }
            }
        }
    }
    Ok(())
}

/// Tiers are numbered 1, 2, ... (at most 4) in order, each needing a higher score than the
/// one below; otherwise a tier could never be chosen.
fn tiers(config: &Config) -> Result<(), RequestError> {
    if config.tiers.is_empty() || config.tiers.len() > 4 {
        return Err(RequestError::new(
            ErrorCode::OutOfRange,
            "config.tiers",
            format!("expected 1 to 4 tiers, got {}", config.tiers.len()),
        ));
    }
    for (i, t) in config.tiers.iter().enumerate() {
        if usize::from(t.tier) != i + 1 {
            return Err(RequestError::new(
                ErrorCode::OutOfRange,
                format!("config.tiers[{i}].tier"),
                format!(
                    "tiers are numbered 1-4 in order: expected {}, got {}",
                    i + 1,
                    t.tier
                ),
            ));
        }
        if let Some(below) = i.checked_sub(1).map(|j| &config.tiers[j]) {
            if t.min_score <= below.min_score {
                return Err(RequestError::new(
                    ErrorCode::OutOfRange,
                    format!("config.tiers[{i}].min_score"),
                    format!(
                        "tier {} needs a higher min_score than tier {} ({}), got {}",
                        t.tier, below.tier, below.min_score, t.min_score
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// What people and pages refer to by name must have one: a tier its name (the list, the
/// badges), a rule a unique id (reasons say `rule:<id>`, two rules under one id cannot be
/// told apart), a template some text (an empty override sends an empty email part).
fn names(config: &Config) -> Result<(), RequestError> {
    let refuse = |path: String, message: String| {
        Err(RequestError::new(ErrorCode::OutOfRange, path, message))
    };
    for (i, t) in config.tiers.iter().enumerate() {
        if t.name.trim().is_empty() {
            return refuse(
                format!("config.tiers[{i}].name"),
                "a tier needs a name".into(),
            );
        }
        if t.response_target_minutes == 0 {
            return refuse(
                format!("config.tiers[{i}].response_target_minutes"),
                "a response target is at least 1 minute".into(),
            );
        }
    }
    let mut ids: std::collections::HashMap<&str, usize> = Default::default();
    for (i, r) in config.rules.iter().enumerate() {
        if r.id.trim().is_empty() {
            return refuse(format!("config.rules[{i}].id"), "a rule needs an id".into());
        }
        if let Some(first) = ids.insert(r.id.as_str(), i) {
            return refuse(
                format!("config.rules[{i}].id"),
                format!("rule id '{}' is also the id of rules[{first}]", r.id),
            );
        }
    }
    for (i, t) in config.templates.iter().enumerate() {
        if t.source.trim().is_empty() {
            return refuse(
                format!("config.templates[{i}].source"),
                "an empty template would send an empty part; delete the override to use the \
                 shipped template"
                    .into(),
            );
        }
    }
    Ok(())
}

fn sla_policies(config: &Config) -> Result<(), RequestError> {
    let mut seen = BTreeSet::new();
    for (i, policy) in config.sla_policies.iter().enumerate() {
        let at = |field: &str| format!("config.sla_policies[{i}].{field}");
        if !(1..=4).contains(&policy.tier) || !seen.insert(policy.tier) {
            return Err(RequestError::new(
                ErrorCode::OutOfRange,
                at("tier"),
                format!("tier {} must be 1-4 and have one policy only", policy.tier),
            ));
        }
        for kind in ClockKind::ALL {
            let configured = match kind {
                ClockKind::FirstResponse => &policy.first_response,
                ClockKind::NextUpdate => &policy.next_update,
                ClockKind::Resolution => &policy.resolution,
            };
            let Some(clock) = configured else { continue };
            let key = kind_name(kind);
            if clock.target_minutes > MAX_TARGET_MINUTES {
                return Err(RequestError::new(
                    ErrorCode::OutOfRange,
                    at(&format!("{key}.target_minutes")),
                    format!("target must be at most {MAX_TARGET_MINUTES} minutes"),
                ));
            }
            for (j, f) in clock.warn_at.iter().enumerate() {
                if !(*f > 0.0 && *f < 1.0) {
                    return Err(RequestError::new(
                        ErrorCode::OutOfRange,
                        at(&format!("{key}.warn_at[{j}]")),
                        "a warning threshold is a fraction of the target, above 0 and below 1",
                    ));
                }
                if j > 0 && *f <= clock.warn_at[j - 1] {
                    return Err(RequestError::new(
                        ErrorCode::OutOfRange,
                        at(&format!("{key}.warn_at[{j}]")),
                        format!(
                            "warning thresholds rise: {f} cannot follow {}",
                            clock.warn_at[j - 1]
                        ),
                    ));
                }
            }
            for (j, s) in clock.pause_states.iter().enumerate() {
                if Status::parse(s).is_none() {
                    let known: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
                    return Err(RequestError::new(
                        ErrorCode::OutOfRange,
                        at(&format!("{key}.pause_states[{j}]")),
                        format!("unknown status '{s}'; known: {}", known.join(", ")),
                    ));
                }
            }
            calendar_of(config, clock, &at(&format!("{key}.calendar")))?;
        }
    }
    Ok(())
}

/// Every address a notification may be sent to or from is one plain address: a directory
/// entry like `x@y.z\r\nBcc: them@evil` would otherwise reach every mail header built from it.
fn addresses(config: &Config) -> Result<(), RequestError> {
    let n = &config.notify;
    let mut all: Vec<(String, &str)> = vec![("config.notify.sender.email".into(), &n.sender.email)];
    for (i, p) in config.directory.iter().enumerate() {
        all.push((format!("config.directory[{i}].email"), &p.email));
    }
    for (i, r) in n.on_call.iter().enumerate() {
        for (j, m) in r.members.iter().enumerate() {
            all.push((format!("config.notify.on_call[{i}].members[{j}]"), m));
        }
        for (j, o) in r.overrides.iter().enumerate() {
            all.push((
                format!("config.notify.on_call[{i}].overrides[{j}].person"),
                &o.person,
            ));
        }
    }
    match all.into_iter().find(|(_, e)| !is_address(e)) {
        Some((path, e)) => Err(RequestError::new(
            ErrorCode::OutOfRange,
            path,
            format!("'{e}' is not one plain email address (like name@example.com)"),
        )),
        None => Ok(()),
    }
}

fn template_overrides(config: &Config) -> Result<(), RequestError> {
    for (i, t) in config.templates.iter().enumerate() {
        let at = |field: &str| format!("config.templates[{i}].{field}");
        if !templates::PARTS.contains(&t.part.as_str()) {
            return Err(RequestError::new(
                ErrorCode::OutOfRange,
                at("part"),
                format!(
                    "unknown template part '{}'; known: {}",
                    t.part,
                    templates::PARTS.join(", ")
                ),
            ));
        }
        if t.notification_type != "*" && kinds::parse(&t.notification_type).is_none() {
            return Err(RequestError::new(
                ErrorCode::OutOfRange,
                at("notification_type"),
                format!(
                    "unknown notification type '{}'; known: *, {}",
                    t.notification_type,
                    kinds::all_ids()
                ),
            ));
        }
        render::check_source(&t.part, &t.source, &at("source"))?;
    }
    Ok(())
}

fn kind_name(kind: ClockKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// `config.rules.0.when` (the rule compiler's style) as `config.rules[0].when`, the style
/// of every other path this action reports.
fn bracket(mut e: RequestError) -> RequestError {
    e.path = e.path.split('.').fold(String::new(), |mut out, seg| {
        if !out.is_empty() && !seg.is_empty() && seg.bytes().all(|b| b.is_ascii_digit()) {
            out.push_str(&format!("[{seg}]"));
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(seg);
        }
        out
    });
    e
}
