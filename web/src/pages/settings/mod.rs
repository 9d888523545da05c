//! Settings: the workspace's policy (config) edited section by section. Each section is a
//! file of its own; every save goes through the door's `update-config`, so a bad value is
//! refused with the field's path and the stored config stays as it was.

use leptos::prelude::*;

mod calendars;
mod directory;
mod edit_status;
mod form;
mod on_call;
mod rule_editor;
mod rules;
mod sla;
mod templates;
mod tiers;
mod what_if;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

    /// Stable id for tests and links, e.g. `settings-calendars`.
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
}

#[component]
pub fn Settings() -> impl IntoView {
    let section = RwSignal::new(Section::Calendars);
    view! {
        <nav class="subtabs" aria-label="Settings sections">
            {Section::ALL
                .into_iter()
                .map(|s| {
                    view! {
                        <button
                            id=format!("settings-{}", s.slug())
                            class:active=move || section.get() == s
                            aria-current=move || (section.get() == s).then_some("page")
                            on:click=move |_| section.set(s)
                        >
                            {s.title()}
                        </button>
                    }
                })
                .collect_view()}
        </nav>
        <section class="settings" aria-labelledby="settings-title">
            <h3 id="settings-title">{move || section.get().title()}</h3>
            {move || match section.get() {
                Section::Tiers => view! { <tiers::TiersSettings /> }.into_any(),
                Section::Rules => view! { <rules::RulesSettings /> }.into_any(),
                Section::Calendars => view! { <calendars::CalendarsSettings /> }.into_any(),
                Section::Sla => view! { <sla::SlaSettings /> }.into_any(),
                Section::Directory => view! { <directory::DirectorySettings /> }.into_any(),
                Section::Templates => view! { <templates::TemplatesSettings /> }.into_any(),
            }}
        </section>
    }
}
