//! The buttons under a settings form: "Preview changes" runs `update-config` as a dry run
//! and shows the what-if table; "Save" stores it. A refusal shows the door's path and
//! message next to the form, and nothing is saved. Tiers and rules keep their own Save (its
//! message counts what changed) and take the preview alone (`preview_button`).

use leptos::prelude::*;
use serde_json::Value;

use super::open_section::Saver;
use super::what_if::what_if_table;
use crate::settings::{outcome, request, Outcome};
use crate::shell_env;
use crate::store::use_store;

/// `value` builds the section's new JSON from the form, or says what the form lacks.
/// `on_saved` runs after a real save was accepted.
pub fn update_bar(
    prefix: &'static str,
    section: &'static str,
    value: impl Fn() -> Result<Value, String> + Copy + 'static,
    on_saved: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let last = RwSignal::new(None::<Outcome>);
    let run = runner(section, value, last);
    let save = move |_| {
        if matches!(run(false), Outcome::Accepted { applied: true, .. }) {
            on_saved();
        }
    };
    view! {
        <div class="settings-actions">
            <button type="button" id=format!("{prefix}-preview") on:click=move |_| { run(true); }>
                "Preview changes"
            </button>
            " "
            <button type="button" id=format!("{prefix}-save") on:click=save>
                "Save"
            </button>
        </div>
        {outcome_view(prefix, last)}
    }
}

/// A "Preview changes" button alone, for forms that have their own Save: which
/// escalations would change tier or SLA state under the edited section, nothing saved.
pub fn preview_button(
    prefix: &'static str,
    section: &'static str,
    value: impl Fn() -> Result<Value, String> + Copy + 'static,
) -> impl IntoView {
    let last = RwSignal::new(None::<Outcome>);
    let run = runner(section, value, last);
    view! {
        <button type="button" class="secondary" id=format!("{prefix}-preview") on:click=move |_| { run(true); }>
            "Preview changes"
        </button>
        {outcome_view(prefix, last)}
    }
}

/// Runs the section through `update-config` (a dry run or a save) and keeps the outcome.
fn runner(
    section: &'static str,
    value: impl Fn() -> Result<Value, String> + Copy + 'static,
    last: RwSignal<Option<Outcome>>,
) -> impl Fn(bool) -> Outcome + Copy + 'static {
    let store = use_store();
    let saver = Saver::new();
    move |dry_run: bool| {
        let result = match value() {
            Ok(v) => {
                let now = shell_env::now().to_string();
                outcome(&store.call(&request(section, v, dry_run, &now)))
            }
            Err(message) => Outcome::Refused {
                path: String::new(),
                message,
            },
        };
        if matches!(result, Outcome::Accepted { applied: true, .. }) {
            saver.saved_here();
        }
        last.set(Some(result.clone()));
        result
    }
}

fn outcome_view(prefix: &'static str, last: RwSignal<Option<Outcome>>) -> impl IntoView {
    view! {
        {move || match last.get() {
            None => ().into_any(),
            Some(Outcome::Refused { path, message }) => {
                view! {
                    <p id=format!("{prefix}-error") class="error" role="alert">
                        "Not saved. "
                        {(!path.is_empty()).then(|| view! { <code>{path}</code> ": " })}
                        {message}
                    </p>
                }
                    .into_any()
            }
            Some(Outcome::Accepted { applied, rows }) => {
                what_if_table(format!("{prefix}-whatif"), applied, rows).into_any()
            }
        }}
    }
}
