//! Tiers: the four tiers of the model as an editable table, saved as one `tiers` section.

use leptos::prelude::*;

use crate::settings_model::tiers::{tiers_value, TierDraft, TierField as F};
use crate::settings_model::update_config_request;
use crate::shell_env;
use crate::store::use_store;

use super::edit_status::status_view;
use super::form::preview_button;
use super::open_section::Saver;

#[component]
pub fn TiersSettings() -> impl IntoView {
    let store = use_store();
    let saver = Saver::new();
    let load = move || {
        store.with(|ws| {
            ws.config
                .tiers
                .iter()
                .map(TierDraft::from_def)
                .collect::<Vec<_>>()
        })
    };
    let drafts = RwSignal::new(load());
    let status = RwSignal::new(None::<Result<String, String>>);
    let save = move |_| {
        let outcome = drafts.with_untracked(|d| tiers_value(d)).and_then(|value| {
            let req = update_config_request("tiers", value, &shell_env::now().to_string());
            saver.save(&req)
        });
        status.set(Some(outcome));
    };
    let discard = move |_| {
        drafts.set(load());
        status.set(None);
    };
    let count = drafts.with_untracked(Vec::len);
    view! {
        <p class="hint">
            "A decision lands on the highest tier whose minimum score it reaches. Roles are "
            "comma-separated; recommended actions one per line."
        </p>
        <table id="tiers-table">
            <thead>
                <tr>
                    <th scope="col">"Tier"</th>
                    <th scope="col">"Name"</th>
                    <th scope="col">"Criteria"</th>
                    <th scope="col">"Respond within (min)"</th>
                    <th scope="col">"Minimum score"</th>
                    <th scope="col">"Stakeholder roles"</th>
                    <th scope="col">"Recommended actions"</th>
                </tr>
            </thead>
            <tbody>
                {(0..count).map(|i| tier_row(drafts, i)).collect_view()}
            </tbody>
        </table>
        <button type="button" id="tiers-save" on:click=save>"Save tiers"</button>
        " "
        <button type="button" id="tiers-discard" class="secondary" on:click=discard>"Discard changes"</button>
        " "
        {preview_button("tiers", "tiers", move || drafts.with_untracked(|d| tiers_value(d)))}
        {status_view("tiers-status", status)}
    }
}

fn tier_row(drafts: RwSignal<Vec<TierDraft>>, i: usize) -> impl IntoView {
    let tier = drafts.with_untracked(|d| d[i].tier);
    let cell = move |field: F, label: &'static str, slug: &'static str, multiline: bool| {
        let id = format!("tier{tier}-{slug}");
        let aria = format!("Tier {tier} {label}");
        let value = move || {
            drafts.with(|d| {
                d.get(i)
                    .map(|t| t.get(field).to_string())
                    .unwrap_or_default()
            })
        };
        let set = move |ev| {
            let v = event_target_value(&ev);
            drafts.update(|d| {
                if let Some(t) = d.get_mut(i) {
                    t.set(field, v)
                }
            })
        };
        if multiline {
            view! { <td><textarea id=id aria-label=aria rows="3" prop:value=value on:input=set></textarea></td> }.into_any()
        } else {
            view! { <td><input id=id aria-label=aria prop:value=value on:input=set /></td> }
                .into_any()
        }
    };
    view! {
        <tr>
            <th scope="row">{tier}</th>
            {cell(F::Name, "name", "name", false)}
            {cell(F::Criteria, "criteria", "criteria", true)}
            {cell(F::ResponseTarget, "response target in minutes", "response", false)}
            {cell(F::MinScore, "minimum score", "min-score", false)}
            {cell(F::Roles, "stakeholder roles", "roles", false)}
            {cell(F::Actions, "recommended actions", "actions", true)}
        </tr>
    }
}
