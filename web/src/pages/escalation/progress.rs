//! The progress update form: status, owner, action taken, next steps and a note, sent as one
//! `track-progress` request. A refusal shows the door's message with the field's path.

use leptos::prelude::*;

use crate::detail::{error_line, update_statuses, ProgressDraft};
use crate::drafts::Drafts;
use crate::shell_env;
use crate::store::use_store;

#[derive(Clone, Copy)]
enum Field {
    Owner,
    Action,
    NextSteps,
    Note,
}

impl Field {
    fn get(self, d: &ProgressDraft) -> &String {
        match self {
            Field::Owner => &d.owner,
            Field::Action => &d.action,
            Field::NextSteps => &d.next_steps,
            Field::Note => &d.note,
        }
    }

    fn get_mut(self, d: &mut ProgressDraft) -> &mut String {
        match self {
            Field::Owner => &mut d.owner,
            Field::Action => &mut d.action,
            Field::NextSteps => &mut d.next_steps,
            Field::Note => &mut d.note,
        }
    }
}

#[component]
pub fn ProgressForm(id: String, #[prop(into)] read_only: Signal<bool>) -> impl IntoView {
    let store = use_store();
    // Kept by the app per escalation: leaving the page keeps what was typed.
    let draft = Drafts::get().progress(&id);
    // Ok(message) after a recorded update, Err("path: message") after a refusal.
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let req = draft.with_untracked(|d| d.to_request(&id, &shell_env::now().to_string()));
        let resp = store.call(&req);
        match error_line(&resp) {
            Some(e) => outcome.set(Some(Err(e))),
            None => {
                let n = resp["result"]["appended"].as_array().map_or(0, Vec::len);
                outcome.set(Some(Ok(match n {
                    0 => "Nothing changed.".to_string(),
                    1 => "Recorded 1 event.".to_string(),
                    n => format!("Recorded {n} events."),
                })));
                draft.set(ProgressDraft::default());
            }
        }
    };
    view! {
        <section class="card" aria-labelledby="progress-title">
            <h4 id="progress-title">"Progress update"</h4>
            <form id="progress-form" on:submit=submit>
                <fieldset disabled=move || read_only.get()>
                    <label class="field">
                        "Status "
                        <select
                            id="progress-status"
                            prop:value=move || draft.with(|d| d.status.clone())
                            on:change=move |ev| draft.update(|d| d.status = event_target_value(&ev))
                        >
                            <option value="">"(unchanged)"</option>
                            {update_statuses()
                                .into_iter()
                                .map(|s| view! { <option value=s>{s.replace('_', " ")}</option> })
                                .collect_view()}
                        </select>
                    </label>
                    {input("progress-owner", "Owner", draft, Field::Owner)}
                    {input("progress-action", "Action taken", draft, Field::Action)}
                    {input("progress-next", "Next steps", draft, Field::NextSteps)}
                    {input("progress-note", "Note", draft, Field::Note)}
                    <button
                        type="submit"
                        id="progress-submit"
                        disabled=move || draft.with(ProgressDraft::is_empty)
                    >
                        "Post update"
                    </button>
                </fieldset>
            </form>
            <p role="status" id="progress-outcome">
                {move || match outcome.get() {
                    Some(Ok(m)) => view! { <span class="ok">{m}</span> }.into_any(),
                    Some(Err(m)) => view! { <span class="error" id="progress-error">{m}</span> }.into_any(),
                    None => ().into_any(),
                }}
            </p>
        </section>
    }
}

fn input(
    id: &'static str,
    label: &'static str,
    draft: RwSignal<ProgressDraft>,
    field: Field,
) -> impl IntoView {
    view! {
        <label class="field">
            {label} " "
            <input
                id=id
                prop:value=move || draft.with(|d| field.get(d).clone())
                on:input=move |ev| draft.update(|d| *field.get_mut(d) = event_target_value(&ev))
            />
        </label>
    }
}
