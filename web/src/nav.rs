//! Which page is showing. Plain data so it is tested natively, apart from the DOM.

use leptos::prelude::*;

/// The escalation opened from the list (`None`: the list shows). Provided by [`crate::App`]
/// next to the page signal, so the nav model stays one signal and no router is needed.
#[derive(Clone, Copy)]
pub struct Selected(pub RwSignal<Option<String>>);

/// The selection provided by [`crate::App`].
pub fn use_selected() -> RwSignal<Option<String>> {
    expect_context::<Selected>().0
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Dashboard,
    Escalations,
    NewEscalation,
    Metrics,
    Settings,
    Data,
    About,
}

impl Page {
    pub const ALL: [Page; 7] = [
        Page::Dashboard,
        Page::Escalations,
        Page::NewEscalation,
        Page::Metrics,
        Page::Settings,
        Page::Data,
        Page::About,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Page::Dashboard => "Dashboard",
            Page::Escalations => "Escalations",
            Page::NewEscalation => "New escalation",
            Page::Metrics => "Metrics",
            Page::Settings => "Settings",
            Page::Data => "Data",
            Page::About => "About",
        }
    }

    /// Stable id for tests and styling, e.g. `nav-escalations`.
    pub fn slug(self) -> &'static str {
        match self {
            Page::Dashboard => "dashboard",
            Page::Escalations => "escalations",
            Page::NewEscalation => "new",
            Page::Metrics => "metrics",
            Page::Settings => "settings",
            Page::Data => "data",
            Page::About => "about",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_unique_so_nav_ids_never_collide() {
        let mut slugs: Vec<_> = Page::ALL.iter().map(|p| p.slug()).collect();
        slugs.sort();
        slugs.dedup();
        assert_eq!(slugs.len(), Page::ALL.len());
    }
}
