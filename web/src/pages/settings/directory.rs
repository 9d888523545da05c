//! Directory and on-call: the people that roles resolve to, and (in `on_call`) the
//! rotations that pick one of them per shift. Each list is saved as its own section.

use leptos::prelude::*;

use crate::settings_model::directory::{directory_value, PersonDraft};
use crate::settings_model::update_config_request;
use crate::shell_env;
use crate::store::use_store;

use super::edit_status::status_view;
use super::on_call::OnCallSettings;
use super::open_section::Saver;

#[component]
pub fn DirectorySettings() -> impl IntoView {
    view! {
        <PeopleSettings />
        <OnCallSettings />
    }
}

#[component]
fn PeopleSettings() -> impl IntoView {
    let store = use_store();
    let saver = Saver::new();
    let load = move || {
        store.with(|ws| {
            ws.config
                .directory
                .iter()
                .map(PersonDraft::from_person)
                .collect::<Vec<_>>()
        })
    };
    let people = RwSignal::new(load());
    let count = Memo::new(move |_| people.with(Vec::len));
    let status = RwSignal::new(None::<Result<String, String>>);
    let save = move |_| {
        let outcome = people
            .with_untracked(|p| directory_value(p))
            .and_then(|value| {
                let req = update_config_request("directory", value, &shell_env::now().to_string());
                saver.save(&req)
            });
        status.set(Some(outcome));
    };
    view! {
        <section aria-labelledby="people-title">
            <h4 id="people-title">"People"</h4>
            <p class="hint">"Roles are comma-separated ids, e.g. senior_engineer, support_manager."</p>
            <table id="people-table">
                <thead>
                    <tr>
                        <th scope="col">"Name"</th>
                        <th scope="col">"Email"</th>
                        <th scope="col">"Roles"</th>
                        <th scope="col"><span class="muted">"Remove"</span></th>
                    </tr>
                </thead>
                <tbody>{move || (0..count.get()).map(|i| person_row(people, i)).collect_view()}</tbody>
            </table>
            <button type="button" id="people-add" class="secondary"
                on:click=move |_| people.update(|p| p.push(PersonDraft::default()))>
                "Add person"
            </button>
            " "
            <button type="button" id="people-save" on:click=save>"Save people"</button>
            " "
            <button type="button" id="people-discard" class="secondary"
                on:click=move |_| { people.set(load()); status.set(None) }>
                "Discard changes"
            </button>
            {status_view("people-status", status)}
        </section>
    }
}

fn person_row(people: RwSignal<Vec<PersonDraft>>, i: usize) -> impl IntoView {
    let n = i + 1;
    let cell = move |slug: &'static str,
                     label: &'static str,
                     read: fn(&PersonDraft) -> &String,
                     write: fn(&mut PersonDraft) -> &mut String| {
        view! {
            <td>
                <input id=format!("person-{i}-{slug}") aria-label=format!("Person {n} {label}")
                    prop:value=move || people.with(|p| p.get(i).map(|x| read(x).clone()).unwrap_or_default())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        people.update(|p| if let Some(x) = p.get_mut(i) { *write(x) = v })
                    }
                />
            </td>
        }
    };
    view! {
        <tr>
            {cell("name", "name", |p| &p.name, |p| &mut p.name)}
            {cell("email", "email", |p| &p.email, |p| &mut p.email)}
            {cell("roles", "roles", |p| &p.roles, |p| &mut p.roles)}
            <td>
                <button type="button" id=format!("person-{i}-remove") class="secondary"
                    aria-label=format!("Remove person {n}")
                    on:click=move |_| people.update(|p| { if i < p.len() { p.remove(i); } })>
                    "Remove"
                </button>
            </td>
        </tr>
    }
}
