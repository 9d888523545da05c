//! On-call rotations: per role, members in order from a start instant in shifts of some
//! days, with overrides (swaps) for a period. Saved inside the `notify` section, whose other
//! settings are kept as they are.

use leptos::prelude::*;

use crate::settings_model::directory::{notify_value, OverrideDraft, RotationDraft};
use crate::settings_model::update_config_request;
use crate::shell_env;
use crate::store::use_store;

use super::edit_status::status_view;
use super::open_section::Saver;

type Rotations = RwSignal<Vec<RotationDraft>>;

#[component]
pub fn OnCallSettings() -> impl IntoView {
    let store = use_store();
    let saver = Saver::new();
    let load = move || {
        store.with(|ws| {
            ws.config
                .notify
                .on_call
                .iter()
                .map(RotationDraft::from_rotation)
                .collect::<Vec<_>>()
        })
    };
    let rotations = RwSignal::new(load());
    let count = Memo::new(move |_| rotations.with(Vec::len));
    let status = RwSignal::new(None::<Result<String, String>>);
    let save = move |_| {
        let outcome = rotations
            .with_untracked(|r| store.with(|ws| notify_value(&ws.config.notify, r)))
            .and_then(|value| {
                let req = update_config_request("notify", value, &shell_env::now().to_string());
                saver.save(&req)
            });
        status.set(Some(outcome));
    };
    view! {
        <section aria-labelledby="on-call-title">
            <h4 id="on-call-title">"On-call rotations"</h4>
            <p class="hint">
                "A role with a rotation resolves to the person on call. Instants are like "
                <code>"2025-01-06T09:00:00Z"</code> "; members are email addresses in order."
            </p>
            {move || (0..count.get()).map(|i| rotation_card(rotations, i)).collect_view()}
            <button type="button" id="rotation-add" class="secondary"
                on:click=move |_| rotations.update(|r| r.push(RotationDraft::starting(shell_env::now())))>
                "Add rotation"
            </button>
            " "
            <button type="button" id="on-call-save" on:click=save>"Save on-call"</button>
            " "
            <button type="button" id="on-call-discard" class="secondary"
                on:click=move |_| { rotations.set(load()); status.set(None) }>
                "Discard changes"
            </button>
            {status_view("on-call-status", status)}
        </section>
    }
}

fn text_field(
    rotations: Rotations,
    i: usize,
    id: String,
    label: String,
    read: impl Fn(&RotationDraft) -> Option<String> + Copy + Send + Sync + 'static,
    write: impl Fn(&mut RotationDraft, String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <label class="field">
            {label} " "
            <input id=id
                prop:value=move || rotations.with(|r| r.get(i).and_then(read).unwrap_or_default())
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    rotations.update(|r| if let Some(x) = r.get_mut(i) { write(x, v) })
                }
            />
        </label>
    }
}

fn rotation_card(rotations: Rotations, i: usize) -> impl IntoView {
    let n = i + 1;
    let overrides =
        Memo::new(move |_| rotations.with(|r| r.get(i).map_or(0, |x| x.overrides.len())));
    view! {
        <fieldset class="card rotation" id=format!("rotation-{i}")>
            <legend>{format!("Rotation {n}")}</legend>
            <div class="row">
                {text_field(rotations, i, format!("rotation-{i}-role"), "Role".into(),
                    |r| Some(r.role.clone()), |r, v| r.role = v)}
                {text_field(rotations, i, format!("rotation-{i}-starts"), "First shift starts".into(),
                    |r| Some(r.starts_at.clone()), |r, v| r.starts_at = v)}
                {text_field(rotations, i, format!("rotation-{i}-days"), "Shift length (days)".into(),
                    |r| Some(r.shift_days.clone()), |r, v| r.shift_days = v)}
            </div>
            {text_field(rotations, i, format!("rotation-{i}-members"), "Members in order (emails, comma-separated)".into(),
                |r| Some(r.members.clone()), |r, v| r.members = v)}
            <h5>"Overrides"</h5>
            <ul class="overrides">
                {move || (0..overrides.get()).map(|j| override_row(rotations, i, j)).collect_view()}
            </ul>
            <button type="button" id=format!("rotation-{i}-add-override") class="secondary"
                on:click=move |_| rotations.update(|r| if let Some(x) = r.get_mut(i) {
                    let now = shell_env::now().to_string();
                    x.overrides.push(OverrideDraft { from: now.clone(), until: now, person: String::new() })
                })>
                "Add override"
            </button>
            " "
            <button type="button" id=format!("rotation-{i}-remove") class="danger"
                on:click=move |_| rotations.update(|r| { if i < r.len() { r.remove(i); } })>
                {format!("Remove rotation {n}")}
            </button>
        </fieldset>
    }
}

fn override_row(rotations: Rotations, i: usize, j: usize) -> impl IntoView {
    let m = j + 1;
    let field = move |slug: &'static str,
                      label: &'static str,
                      get: fn(&OverrideDraft) -> &String,
                      set: fn(&mut OverrideDraft) -> &mut String| {
        text_field(
            rotations,
            i,
            format!("rotation-{i}-override-{j}-{slug}"),
            format!("Override {m} {label}"),
            move |r| r.overrides.get(j).map(|o| get(o).clone()),
            move |r, v| {
                if let Some(o) = r.overrides.get_mut(j) {
                    *set(o) = v
                }
            },
        )
    };
    view! {
        <li class="row">
            {field("person", "person (email)", |o| &o.person, |o| &mut o.person)}
            {field("from", "from", |o| &o.from, |o| &mut o.from)}
            {field("until", "until", |o| &o.until, |o| &mut o.until)}
            <button type="button" id=format!("rotation-{i}-override-{j}-remove") class="secondary"
                aria-label=format!("Remove override {m} of rotation {}", i + 1)
                on:click=move |_| rotations.update(|r| if let Some(x) = r.get_mut(i) {
                    if j < x.overrides.len() { x.overrides.remove(j); }
                })>
                "Remove"
            </button>
        </li>
    }
}
