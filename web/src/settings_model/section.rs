//! The settings sections, what part of the config each edits, and what an open form does
//! when that part changes under it (another tab's save, an import, a reset to the demo).
//!
//! Forms stay open while the user moves between sections and pages (the page keeps them
//! mounted), so a form can outlive the config it was filled from. An untouched form simply
//! reloads; a form with typing in it keeps the typing and says the saved version moved on,
//! because silently replacing what a user typed loses it, and silently saving over the
//! newer version loses someone else's work.

use escalon::Config;
use serde_json::{Map, Value};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    Tiers,
    Rules,
    Calendars,
    Sla,
    Directory,
    Templates,
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::Tiers,
        Section::Rules,
        Section::Calendars,
        Section::Sla,
        Section::Directory,
        Section::Templates,
    ];

    /// The section shown by `#/settings` alone.
    pub const FIRST_SHOWN: Section = Section::Calendars;

    pub fn title(self) -> &'static str {
        match self {
            Section::Tiers => "Tiers",
            Section::Rules => "Rules",
            Section::Calendars => "Calendars",
            Section::Sla => "SLA policies",
            Section::Directory => "Directory and on-call",
            Section::Templates => "Templates",
        }
    }

    /// Stable id for tests and links: `#settings-calendars`, `#/settings/calendars`.
    pub fn slug(self) -> &'static str {
        match self {
            Section::Tiers => "tiers",
            Section::Rules => "rules",
            Section::Calendars => "calendars",
            Section::Sla => "sla",
            Section::Directory => "directory",
            Section::Templates => "templates",
        }
    }

    /// The section a `#/settings/<slug>` link names; an unknown slug shows the first one.
    pub fn from_slug(slug: Option<&str>) -> Section {
        Section::ALL
            .into_iter()
            .find(|s| Some(s.slug()) == slug)
            .unwrap_or(Section::FIRST_SHOWN)
    }

    /// The config's top-level keys this section's forms save.
    pub fn config_keys(self) -> &'static [&'static str] {
        match self {
            Section::Tiers => &["tiers"],
            Section::Rules => &["rules"],
            Section::Calendars => &["calendars"],
            Section::Sla => &["sla_policies"],
            Section::Directory => &["directory", "notify"],
            Section::Templates => &["templates"],
        }
    }

    /// What this section edits, as stored: equal values mean the form's source is unchanged.
    pub fn edited_part(self, config: &Config) -> Value {
        let whole = escalon::json_text::value_of(config).unwrap_or(Value::Null);
        let mut part = Map::new();
        for key in self.config_keys() {
            let mut value = whole.get(*key).cloned().unwrap_or(Value::Null);
            // The on-call form edits only the rotations of `notify`: a change to its sender,
            // aging or chain elsewhere is not news to it.
            if (self, *key) == (Section::Directory, "notify") {
                value = value.get("on_call").cloned().unwrap_or(Value::Null);
            }
            part.insert((*key).to_string(), value);
        }
        Value::Object(part)
    }
}

/// What an open form does when the stored part it edits is `now` and it was filled from
/// `base`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drift {
    /// Nothing moved.
    Same,
    /// Moved, and nothing was typed: refill the form from the stored version.
    Reload,
    /// Moved under typing: keep the typing and say so, with a way to load the stored version.
    Stale,
}

pub fn drift(base: &Value, now: &Value, typed: bool) -> Drift {
    match (base == now, typed) {
        (true, _) => Drift::Same,
        (false, false) => Drift::Reload,
        (false, true) => Drift::Stale,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_config_key_a_section_names_is_a_field_of_the_config() {
        let schema: Value =
            serde_json::from_str(include_str!("../../../core/schema/workspace.schema.json"))
                .unwrap();
        let fields = &schema["definitions"]["Config"]["properties"];
        for s in Section::ALL {
            for key in s.config_keys() {
                assert!(fields.get(*key).is_some(), "{} names '{key}'", s.slug());
            }
        }
    }

    #[test]
    fn a_changed_tier_moves_the_tiers_part_and_no_other() {
        let before = escalon::config::default_config();
        let mut after = before.clone();
        after.tiers[0].name = "Watch".into();
        for s in Section::ALL {
            let moved = s.edited_part(&before) != s.edited_part(&after);
            assert_eq!(moved, s == Section::Tiers, "{}", s.slug());
        }
    }

    #[test]
    fn the_directory_section_follows_rotations_but_not_the_rest_of_notify() {
        let before = escalon::config::default_config();
        let mut sender = before.clone();
        sender.notify.sender.email = "desk@example.com".into();
        assert_eq!(
            Section::Directory.edited_part(&before),
            Section::Directory.edited_part(&sender)
        );
        let mut rotation = before.clone();
        rotation.notify.on_call.clear();
        assert_ne!(
            before.notify.on_call, rotation.notify.on_call,
            "the demo has rotations"
        );
        assert_ne!(
            Section::Directory.edited_part(&before),
            Section::Directory.edited_part(&rotation)
        );
    }

    #[test]
    fn typing_is_never_replaced_by_a_reload() {
        let a = serde_json::json!({"tiers": [1]});
        let b = serde_json::json!({"tiers": [2]});
        assert_eq!(drift(&a, &a, true), Drift::Same);
        assert_eq!(drift(&a, &b, false), Drift::Reload);
        assert_eq!(drift(&a, &b, true), Drift::Stale);
    }

    #[test]
    fn links_name_sections_by_slug() {
        for s in Section::ALL {
            assert_eq!(Section::from_slug(Some(s.slug())), s);
        }
        assert_eq!(Section::from_slug(Some("nope")), Section::FIRST_SHOWN);
        assert_eq!(Section::from_slug(None), Section::FIRST_SHOWN);
    }
}
