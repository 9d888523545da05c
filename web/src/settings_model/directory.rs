//! The directory (people and their roles) and the on-call rotations with their overrides, as
//! typed. Instants are RFC 3339 text checked before saving, so a typo names its field
//! instead of reaching the engine as a wrong date.

use escalon::config::Person;
use escalon::notify::config::{NotifyConfig, Override, Rotation};
use jiff::Timestamp;
use serde_json::{json, Value};

use super::{join_list, parse_number, split_list};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct PersonDraft {
    pub name: String,
    pub email: String,
    /// Comma-separated role ids.
    pub roles: String,
}

impl PersonDraft {
    pub fn from_person(p: &Person) -> Self {
        Self {
            name: p.name.clone(),
            email: p.email.clone(),
            roles: join_list(&p.roles),
        }
    }
}

/// The `directory` value for `update-config`.
pub fn directory_value(people: &[PersonDraft]) -> Result<Value, String> {
    people
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let email = p.email.trim();
            // The engine's own test, so the form refuses what update-config would.
            if !escalon::notify::recipients::is_address(email) {
                return Err(format!(
                    "person {} email: an address like name@company.com",
                    i + 1
                ));
            }
            Ok(json!({"name": p.name.trim(), "email": email, "roles": split_list(&p.roles)}))
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Value::Array)
}

#[derive(Debug, Clone, PartialEq)]
pub struct OverrideDraft {
    pub from: String,
    pub until: String,
    pub person: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RotationDraft {
    pub role: String,
    pub starts_at: String,
    pub shift_days: String,
    /// Email addresses in rotation order, comma- or line-separated.
    pub members: String,
    pub overrides: Vec<OverrideDraft>,
}

impl RotationDraft {
    pub fn from_rotation(r: &Rotation) -> Self {
        Self {
            role: r.role.clone(),
            starts_at: r.starts_at.to_string(),
            shift_days: r.shift_days.to_string(),
            members: join_list(&r.members),
            overrides: r
                .overrides
                .iter()
                .map(|o| OverrideDraft {
                    from: o.from.to_string(),
                    until: o.until.to_string(),
                    person: o.person.clone(),
                })
                .collect(),
        }
    }

    /// A new rotation starting at `now`, weekly.
    pub fn starting(now: Timestamp) -> Self {
        Self {
            role: String::new(),
            starts_at: now.to_string(),
            shift_days: "7".into(),
            members: String::new(),
            overrides: Vec::new(),
        }
    }

    fn to_rotation(&self, n: usize) -> Result<Rotation, String> {
        let at = |field: &str| format!("rotation {n} {field}");
        let role = self.role.trim();
        if role.is_empty() {
            return Err(format!("{}: a role id", at("role")));
        }
        let members = split_list(&self.members);
        if members.is_empty() {
            return Err(format!("{}: at least one email address", at("members")));
        }
        if let Some(bad) = members
            .iter()
            .find(|m| !escalon::notify::recipients::is_address(m))
        {
            return Err(format!(
                "{}: '{bad}' is not an address like name@company.com",
                at("members")
            ));
        }
        let shift_days: u32 = parse_number(
            &self.shift_days,
            &at("shift days"),
            "a whole number of days",
        )?;
        if shift_days == 0 {
            return Err(format!("{}: at least 1 day", at("shift days")));
        }
        let overrides = self
            .overrides
            .iter()
            .enumerate()
            .map(|(j, o)| {
                let at = |field: &str| at(&format!("override {} {field}", j + 1));
                let from = instant(&o.from, &at("from"))?;
                let until = instant(&o.until, &at("until"))?;
                if until <= from {
                    return Err(format!("{}: must be after from", at("until")));
                }
                Ok(Override {
                    from,
                    until,
                    person: o.person.trim().to_string(),
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(Rotation {
            role: role.to_string(),
            starts_at: instant(&self.starts_at, &at("starts at"))?,
            shift_days,
            members,
            overrides,
        })
    }
}

fn instant(text: &str, field: &str) -> Result<Timestamp, String> {
    escalon::time_parse::instant(text.trim()).map_err(|_| {
        format!(
            "{field}: an instant like 2025-01-06T09:00:00Z, got \"{}\"",
            text.trim()
        )
    })
}

/// The `notify` value for `update-config`: the current notify settings with the rotations
/// replaced, since on-call lives inside that section.
pub fn notify_value(current: &NotifyConfig, rotations: &[RotationDraft]) -> Result<Value, String> {
    let on_call = rotations
        .iter()
        .enumerate()
        .map(|(i, r)| r.to_rotation(i + 1))
        .collect::<Result<Vec<_>, _>>()?;
    let next = NotifyConfig {
        on_call,
        ..current.clone()
    };
    serde_json::to_value(next).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unchanged_drafts_give_back_the_directory_and_rotations() {
        let ws = escalon::demo::demo_workspace();
        let people: Vec<_> = ws
            .config
            .directory
            .iter()
            .map(PersonDraft::from_person)
            .collect();
        let back: Vec<Person> = serde_json::from_value(directory_value(&people).unwrap()).unwrap();
        assert_eq!(back, ws.config.directory);
        let rotations: Vec<_> = ws
            .config
            .notify
            .on_call
            .iter()
            .map(RotationDraft::from_rotation)
            .collect();
        assert!(
            rotations.iter().any(|r| !r.overrides.is_empty()),
            "the demo has a swap"
        );
        let notify: NotifyConfig =
            serde_json::from_value(notify_value(&ws.config.notify, &rotations).unwrap()).unwrap();
        assert_eq!(notify, ws.config.notify);
    }

    #[test]
    fn bad_entries_name_their_field() {
        let bad_email = PersonDraft {
            name: "A".into(),
            email: "nobody".into(),
            roles: String::new(),
        };
        let good = PersonDraft {
            email: "a@x.com".into(),
            ..PersonDraft::default()
        };
        let e = directory_value(&[good, bad_email]).unwrap_err();
        assert!(e.starts_with("person 2 email"), "{e}");
        let now: Timestamp = "2025-01-22T10:00:00Z".parse().unwrap();
        let mut r = RotationDraft::starting(now);
        r.role = "senior_engineer".into();
        r.members = "a@x.com, b@x.com".into();
        r.overrides.push(OverrideDraft {
            from: "2025-01-23T00:00:00Z".into(),
            until: "tomorrow".into(),
            person: "b@x.com".into(),
        });
        let e = notify_value(&NotifyConfig::default(), &[r.clone()]).unwrap_err();
        assert!(e.starts_with("rotation 1 override 1 until"), "{e}");
        r.overrides[0].until = "2025-01-22T00:00:00Z".into();
        let e = notify_value(&NotifyConfig::default(), &[r]).unwrap_err();
        assert!(e.contains("must be after from"), "{e}");
    }
}
