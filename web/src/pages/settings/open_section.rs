//! One settings section kept open while the user moves between sections and pages, so
//! nothing typed into it is lost, and watched for changes made elsewhere (another tab, an
//! import, a reset) to the config part it edits: see `settings_model::section` for the rule.

use leptos::prelude::*;
use serde_json::Value;
use wasm_bindgen::JsCast;

use crate::drafts::Drafts;
use crate::settings_model::save_outcome;
use crate::settings_model::section::{drift, Drift, Section};
use crate::store::{use_store, Store};

/// Tells the open section that one of its own forms saved, so the stored version it now
/// shows is the one it started from.
#[derive(Clone, Copy)]
struct SavedHere(Callback<()>);

/// Saves a section's form through the door and reports the outcome line; on success the
/// open section learns the save was its own. Made in the form's component body.
#[derive(Clone, Copy)]
pub struct Saver {
    store: Store,
    saved: Option<SavedHere>,
}

impl Saver {
    pub fn new() -> Self {
        Self {
            store: use_store(),
            saved: use_context::<SavedHere>(),
        }
    }

    pub fn save(&self, request: &Value) -> Result<String, String> {
        let outcome = save_outcome(&self.store.call(request));
        if outcome.is_ok() {
            self.saved_here();
        }
        outcome
    }

    pub fn saved_here(&self) {
        if let Some(SavedHere(cb)) = self.saved {
            cb.run(());
        }
    }
}

/// `section`'s forms, shown while `shown` holds; `form` builds them (again, when they
/// are refilled from the stored config).
#[component]
pub fn OpenSection<F, V>(section: Section, shown: Signal<bool>, form: F) -> impl IntoView
where
    F: Fn() -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let store = use_store();
    let drafts = Drafts::get();
    let note_typing = move |typing: bool| drafts.settings_typed(section, typing);
    let stored = Memo::new(move |_| store.with(|ws| section.edited_part(&ws.config)));
    let base = StoredValue::new(stored.get_untracked());
    let typed = RwSignal::new(false);
    let stale = RwSignal::new(false);
    let filling = RwSignal::new(0u32);
    let refill = move || {
        base.set_value(stored.get_untracked());
        typed.set(false);
        note_typing(false);
        stale.set(false);
        filling.update(|n| *n += 1);
    };
    provide_context(SavedHere(Callback::new(move |()| {
        base.set_value(stored.get_untracked());
        // A section with two forms (people, on-call) may still hold typing in the other
        // one; the leave warning then stays quiet about it, which is the lesser harm than
        // warning after every save.
        note_typing(false);
        stale.set(false);
    })));
    Effect::new(move |_| {
        let moved = stored.with(|now| base.with_value(|b| drift(b, now, typed.get_untracked())));
        match moved {
            Drift::Same => stale.set(false),
            Drift::Reload => refill(),
            Drift::Stale => stale.set(true),
        }
    });
    // Choosing what to look at (a template's type, the escalation it previews) is not an
    // edit: such controls carry `data-not-an-edit`.
    let typing = move |ev: &leptos::ev::Event| {
        if !target(ev).is_some_and(|el| el.has_attribute("data-not-an-edit")) {
            typed.set(true);
            note_typing(true);
        }
    };
    // Adding or removing a row is a click, yet an edit: a form changed that way must not be
    // refilled under the user, so such clicks count (a change elsewhere then shows the
    // notice). They do not make leaving ask, since Save and Preview are clicks too.
    let clicked = move |ev: &leptos::ev::Event| {
        let edit_button = target(ev)
            .and_then(|el| el.closest("button").ok().flatten())
            .is_some_and(|b| !b.has_attribute("data-not-an-edit"));
        if edit_button {
            typed.set(true);
        }
    };
    let slug = section.slug();
    view! {
        <div
            id=format!("section-{slug}")
            hidden=move || !shown.get()
            on:input=move |ev| typing(&ev)
            on:change=move |ev| typing(&ev)
            on:click=move |ev| clicked(&ev)
        >
            <Show when=move || stale.get()>
                <p class="notice" role="status" id=format!("{slug}-stale")>
                    {format!(
                        "The saved {} changed in another tab, or by an import or a reset, since \
                         you began editing here. What you typed is kept: Save replaces the saved \
                         version with it. ",
                        section.title().to_lowercase(),
                    )}
                    <button type="button" id=format!("{slug}-load-saved") data-not-an-edit on:click=move |_| refill()>
                        "Load the saved version"
                    </button>
                </p>
            </Show>
            {move || {
                filling.track();
                untrack(&form)
            }}
        </div>
    }
}

/// The element an event happened on.
fn target(ev: &leptos::ev::Event) -> Option<web_sys::Element> {
    ev.target()?.dyn_into::<web_sys::Element>().ok()
}
