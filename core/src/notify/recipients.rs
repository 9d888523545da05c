//! Turns the request's recipients (roles or addresses) into people. A role with an on-call
//! rotation resolves to whoever is on call at `now` (an override wins); other roles resolve
//! to everyone holding them in the directory. A role nobody holds is reported, not fatal.

use jiff::{SignedDuration, Timestamp};
use serde::Serialize;

use super::config::Rotation;
use crate::config::Config;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recipient {
    pub name: String,
    pub email: String,
    /// The role asked for; `None` for an address given directly.
    pub role: Option<String>,
    /// `directory`, `on_call`, `override` or `explicit`.
    pub via: &'static str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unresolved {
    pub role: String,
    pub reason: String,
}

/// What a request asks for: a role or an address.
#[derive(Debug, Clone, PartialEq)]
pub enum Wanted {
    Role(String),
    Email {
        email: String,
        name: Option<String>,
    },
    /// Someone named who cannot be reached (`who`: e.g. `owner`), listed as unresolved with
    /// `reason` so a reminder that reaches fewer people than meant says so.
    Unreachable {
        who: String,
        reason: String,
    },
}

/// The person on call for `rotation` at `now`: an override covering `now` first, else the
/// member whose shift contains `now`. `None` before the rotation starts or with no members.
pub fn on_call(rotation: &Rotation, now: Timestamp) -> Option<(&str, &'static str)> {
    if let Some(o) = rotation
        .overrides
        .iter()
        .rev()
        .find(|o| o.from <= now && now < o.until)
    {
        return Some((o.person.as_str(), "override"));
    }
    if rotation.members.is_empty() || now < rotation.starts_at {
        return None;
    }
    let shift = SignedDuration::from_hours(i64::from(rotation.shift_days.max(1)) * 24);
    let elapsed = now.duration_since(rotation.starts_at);
    let n = (elapsed.as_secs() / shift.as_secs()) as usize;
    Some((
        rotation.members[n % rotation.members.len()].as_str(),
        "on_call",
    ))
}

/// A plain `local@domain` address: one `@`, both sides non-empty, a dot inside the domain,
/// and nothing a mail header reads as structure (whitespace, control characters,
/// `<>,;:"()[]\\`). `x@y.z\r\nBcc: them@evil` is not one.
pub fn is_address(e: &str) -> bool {
    let Some((local, domain)) = e.split_once('@') else {
        return false;
    };
    let plain = |part: &str| {
        !part.is_empty()
            && !part
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || "<>,;:\"()[]\\@".contains(c))
    };
    plain(local)
        && plain(domain)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
}

fn name_of(config: &Config, email: &str) -> String {
    config
        .directory
        .iter()
        .find(|p| p.email.eq_ignore_ascii_case(email))
        .map(|p| p.name.clone())
        .unwrap_or_else(|| email.to_string())
}

pub fn resolve(
    config: &Config,
    wanted: &[Wanted],
    now: Timestamp,
) -> (Vec<Recipient>, Vec<Unresolved>) {
    let mut found: Vec<Recipient> = Vec::new();
    let mut missing = Vec::new();
    let mut push = |r: Recipient| {
        if !found.iter().any(|x| x.email.eq_ignore_ascii_case(&r.email)) {
            found.push(r);
        }
    };
    for w in wanted {
        match w {
            Wanted::Unreachable { who, reason } => missing.push(Unresolved {
                role: who.clone(),
                reason: reason.clone(),
            }),
            Wanted::Email { email, name } => push(Recipient {
                name: name.clone().unwrap_or_else(|| name_of(config, email)),
                email: email.clone(),
                role: None,
                via: "explicit",
            }),
            Wanted::Role(role) => {
                let rotation = config.notify.on_call.iter().find(|r| &r.role == role);
                if let Some((email, via)) = rotation.and_then(|r| on_call(r, now)) {
                    push(Recipient {
                        name: name_of(config, email),
                        email: email.to_string(),
                        role: Some(role.clone()),
                        via,
                    });
                    continue;
                }
                let people: Vec<_> = config.people_with_role(role).collect();
                if people.is_empty() {
                    missing.push(Unresolved {
                        role: role.clone(),
                        reason: if role == "customer" {
                            "the customer's contact address is not on record: give \
                             {email: ...} as a recipient"
                                .into()
                        } else {
                            format!("nobody in the directory has the role '{role}'")
                        },
                    });
                }
                for p in people {
                    push(Recipient {
                        name: p.name.clone(),
                        email: p.email.clone(),
                        role: Some(role.clone()),
                        via: "directory",
                    });
                }
            }
        }
    }
    (found, missing)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notify::config::demo_notify;

    fn t(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn weekly_rotation_and_override() {
        let n = demo_notify();
        let lead = n
            .on_call
            .iter()
            .find(|r| r.role == "engineering_lead")
            .unwrap();
        assert_eq!(
            on_call(lead, t("2025-01-07T12:00:00Z")).unwrap().0,
            "dana.kim@company.com"
        );
        assert_eq!(
            on_call(lead, t("2025-01-14T12:00:00Z")).unwrap().0,
            "lee.novak@company.com"
        );
        assert_eq!(
            on_call(lead, t("2025-01-20T12:00:00Z")).unwrap().0,
            "dana.kim@company.com"
        );
        assert_eq!(
            on_call(lead, t("2025-01-22T12:00:00Z")).unwrap(),
            ("lee.novak@company.com", "override")
        );
        assert!(on_call(lead, t("2024-12-01T00:00:00Z")).is_none());
    }

    #[test]
    fn unknown_roles_are_reported() {
        // The default config carries the demo's rotations.
        let c = Config::default();
        let (found, missing) = resolve(
            &c,
            &[
                Wanted::Role("tier2_lead".into()),
                Wanted::Role("wizard".into()),
            ],
            t("2025-01-22T10:00:00Z"),
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].email, "tier2.lead@company.com");
        assert_eq!(missing[0].role, "wizard");
    }

    /// Regression (audit of 2026-11-29): anything with an `@` was taken as an address.
    #[test]
    fn only_plain_addresses_are_addresses() {
        for ok in ["a@b.c", "first.last+tag@mail.example.com"] {
            assert!(is_address(ok), "{ok}");
        }
        for bad in [
            "x@y.z\r\nBcc: z@evil.example",
            "a b@c.d",
            "@b.c",
            "a@",
            "a@b",
            "a@b@c.d",
            "<a@b.c>",
            "a@.c",
            "a@b.c.",
        ] {
            assert!(!is_address(bad), "{bad:?}");
        }
    }
}
