//! Settings: the workspace's policy (config) edited section by section. Each section is a
//! file of its own; every save goes through the door's `update-config`, so a bad value is
//! refused with the field's path and the stored config stays as it was.

use leptos::prelude::*;

use crate::nav::{navigate, Route};
pub use crate::settings_model::section::Section;
use open_section::OpenSection;

mod calendars;
mod directory;
mod edit_status;
mod form;
mod on_call;
mod open_section;
mod rule_editor;
mod rules;
mod sla;
mod templates;
mod tiers;
mod what_if;

/// The settings page. Every section opened since the app started stays mounted (hidden
/// when another is shown), so switching sections or pages never loses what was typed.
#[component]
pub fn Settings(section: Signal<Section>) -> impl IntoView {
    let opened = Memo::new(move |before: Option<&Vec<Section>>| {
        let mut opened = before.cloned().unwrap_or_default();
        let now = section.get();
        if !opened.contains(&now) {
            opened.push(now);
        }
        opened
    });
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
                            on:click=move |_| navigate(Route::Settings(Some(s.slug().into())))
                        >
                            {s.title()}
                        </button>
                    }
                })
                .collect_view()}
        </nav>
        <section class="settings" aria-labelledby="settings-title">
            <h3 id="settings-title">{move || section.get().title()}</h3>
            <For each=move || opened.get() key=|s| *s let:s>
                <OpenSection section=s shown=Signal::derive(move || section.get() == s) form=move || form(s) />
            </For>
        </section>
    }
}

fn form(section: Section) -> AnyView {
    match section {
        Section::Tiers => view! { <tiers::TiersSettings /> }.into_any(),
        Section::Rules => view! { <rules::RulesSettings /> }.into_any(),
        Section::Calendars => view! { <calendars::CalendarsSettings /> }.into_any(),
        Section::Sla => view! { <sla::SlaSettings /> }.into_any(),
        Section::Directory => view! { <directory::DirectorySettings /> }.into_any(),
        Section::Templates => view! { <templates::TemplatesSettings /> }.into_any(),
    }
}
