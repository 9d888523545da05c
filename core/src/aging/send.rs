//! Generating and recording one notification for aging, chains and major incidents, through
//! the same composer as `generate-notification` (templates, recipients, on-call), so a
//! reminder looks and resolves exactly like a notification asked for by hand.

use jiff::Timestamp;
use serde_json::{json, Value};

use crate::config::Config;
use crate::context::Context;
use crate::error::RequestError;
use crate::event::Event;
use crate::notify::compose::{self, compose};
use crate::notify::kinds;
use crate::notify::recipients::{is_address, Wanted};
use crate::notify::request::Spec;
use crate::workspace::Workspace;

/// What to send: a notification type, to whom (empty: the type's default recipients), and
/// keys merged into the template data.
pub struct Outgoing {
    pub type_id: &'static str,
    pub wanted: Vec<Wanted>,
    pub message: Option<String>,
    pub extra: Value,
}

/// Composes the notification for `esc_id` at `now` and returns its event (not yet appended,
/// so a caller sending several can append them together) and a short summary for the result.
pub fn prepare(
    ws: &Workspace,
    esc_id: &str,
    out: Outgoing,
    now: Timestamp,
    ctx: &mut Context,
    actor: &str,
    path: &str,
) -> Result<(Event, Value), RequestError> {
    let esc = compose::find(ws, esc_id, path)?;
    compose::ensure_writable(esc, path)?;
    // The type ids used here are fixed by the engine; an unknown one is a programming error
    // reported as a request error rather than a panic.
    let kind = kinds::parse(out.type_id).ok_or_else(|| {
        RequestError::new(
            crate::error::ErrorCode::OutOfRange,
            path,
            format!("unknown notification type '{}'", out.type_id),
        )
    })?;
    let mut spec = Spec::new(kind);
    spec.wanted = out.wanted;
    spec.message = out.message;
    spec.extra = out.extra;
    let event_id = ctx.next_id();
    let composed = compose(ws, esc, &spec, now, &event_id)?;
    let event = compose::event(
        event_id.clone(),
        now,
        actor,
        out.type_id,
        &composed.recipients,
    );
    let summary = json!({
        "escalation_id": esc_id,
        "notification_type": out.type_id,
        "event_id": event_id,
        "recipients": composed.recipients.iter().map(|r| &r.email).collect::<Vec<_>>(),
        "unresolved": composed.result["unresolved"],
        "subject": composed.result["channels"]["email"]["subject"],
    });
    Ok((event, summary))
}

/// The owner and then the tier's stakeholder roles: who should hear that an escalation
/// needs attention. The owner is recorded as typed: an address is used as it is, a name is
/// looked up in the directory, and anything else (a typo, an address a mail header would
/// misread) reaches nobody rather than going out malformed, and is listed as unresolved.
pub fn owner_and_roles(config: &Config, owner: Option<&str>, roles: &[String]) -> Vec<Wanted> {
    let mut wanted: Vec<Wanted> = owner
        .map(str::trim)
        .filter(|o| !o.is_empty())
        .map(|o| {
            owner_address(config, o).unwrap_or_else(|| Wanted::Unreachable {
                who: "owner".into(),
                reason: format!(
                    "the owner '{o}' is neither an email address nor a name in the directory"
                ),
            })
        })
        .into_iter()
        .collect();
    wanted.extend(roles.iter().cloned().map(Wanted::Role));
    wanted
}

fn owner_address(config: &Config, owner: &str) -> Option<Wanted> {
    if is_address(owner) {
        return Some(Wanted::Email {
            email: owner.to_string(),
            name: None,
        });
    }
    config
        .directory
        .iter()
        .find(|p| p.name.eq_ignore_ascii_case(owner) && is_address(&p.email))
        .map(|p| Wanted::Email {
            email: p.email.clone(),
            name: Some(p.name.clone()),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::default_config;

    fn emails(wanted: &[Wanted]) -> Vec<&str> {
        wanted
            .iter()
            .filter_map(|w| match w {
                Wanted::Email { email, .. } => Some(email.as_str()),
                Wanted::Role(_) | Wanted::Unreachable { .. } => None,
            })
            .collect()
    }

    #[test]
    fn an_owner_given_as_an_address_is_reminded_at_it() {
        let config = default_config();
        let w = owner_and_roles(&config, Some("sam@example.com"), &["tier2_lead".into()]);
        assert_eq!(emails(&w), ["sam@example.com"]);
        assert!(matches!(&w[1], Wanted::Role(r) if r == "tier2_lead"));
    }

    #[test]
    fn an_owner_given_by_name_is_found_in_the_directory() {
        let config = default_config();
        let person = &config.directory[0];
        let typed = person.name.to_uppercase();
        let w = owner_and_roles(&config, Some(&typed), &[]);
        assert_eq!(emails(&w), [person.email.as_str()]);
    }

    // Regression: any text with an `@` was taken as an address, so an owner typed as
    // "x@y.z\r\nBcc: them@evil" became a reminder recipient.
    #[test]
    fn an_owner_that_is_neither_an_address_nor_a_known_name_reaches_nobody() {
        let config = default_config();
        for owner in ["x@y.z\r\nBcc: them@evil", "@", "nobody in particular", ""] {
            assert!(
                emails(&owner_and_roles(&config, Some(owner), &[])).is_empty(),
                "{owner:?}"
            );
        }
    }

    /// Regression: an owner who resolved to nobody was silently dropped, so a reminder
    /// reached only the tier's roles and said nothing of the owner it missed.
    #[test]
    fn an_unreachable_owner_is_listed_as_unresolved() {
        let config = default_config();
        let now = "2025-03-01T10:00:00Z".parse().unwrap();
        let wanted = owner_and_roles(&config, Some("Jo Typo"), &[]);
        let (found, missing) = crate::notify::recipients::resolve(&config, &wanted, now);
        assert!(found.is_empty());
        assert_eq!(missing.len(), 1);
        assert_eq!(missing[0].role, "owner");
        assert!(
            missing[0].reason.contains("Jo Typo"),
            "{}",
            missing[0].reason
        );
        let (_, none_missing) =
            crate::notify::recipients::resolve(&config, &owner_and_roles(&config, None, &[]), now);
        assert!(
            none_missing.is_empty(),
            "no owner recorded: nothing to report"
        );
    }
}
