//! The major-incident panel: Declare for an eligible escalation; once declared the bridge
//! (link, who is on it), status updates and their cadence, and Stand down; after that the
//! closing summary and Declare again. Every change is a `major-incident` door request; the
//! stage comes from the fold, the bridge from the engine's `status` answer.

use leptos::prelude::*;

use crate::detail::error_line;
use crate::detail::incident::{stage, Bridge, Op, Stage, Text};
use crate::drafts::Drafts;
use crate::shell_env;
use crate::store::use_store;

#[component]
pub fn MajorIncident(id: String, #[prop(into)] read_only: Signal<bool>) -> impl IntoView {
    let store = use_store();
    let id = StoredValue::new(id);
    let current = Memo::new(move |_| {
        store.with(|ws| {
            ws.escalation(&id.get_value())
                .map(|e| stage(&ws.config, &escalon::state::fold(e)))
        })
    });
    // Asked again whenever the workspace changes (every operation changes it).
    let bridge = Memo::new(move |_| {
        store.with(|_| ());
        if matches!(current.get(), None | Some(Stage::Undeclared(_))) {
            return None;
        }
        let now = shell_env::now().to_string();
        let r = store.call(&Op::Status.to_request(&id.get_value(), &now));
        (r["ok"] == true).then(|| Bridge::from_view(&r["result"]["major_incident"]))
    });
    let error = RwSignal::new(None::<String>);
    // Kept by the app per escalation: leaving the page keeps what was typed but not sent.
    let draft = Drafts::get().incident(&id.get_value());
    let typed_now = move |t: Text| draft.with_untracked(|d| d.text(t).to_string());
    let typed = move |t: Text| draft.with(|d| d.text(t).to_string());
    let typing = move |t: Text| {
        move |ev: leptos::ev::Event| {
            let text = event_target_value(&ev);
            draft.update(|d| *d.text_mut(t) = text)
        }
    };
    // Sends one operation; on success the field it used is emptied for the next entry.
    let send = move |op: Op| {
        let now = shell_env::now().to_string();
        let resp = store.call(&op.to_request(&id.get_value(), &now));
        let failed = error_line(&resp);
        if failed.is_none() {
            draft.update(|d| d.sent(&op));
        }
        error.set(failed);
    };
    let text_input = move |t: Text, el_id: &'static str, label: &'static str| {
        view! {
            <input
                id=el_id
                aria-label=label
                placeholder=label
                prop:value=move || typed(t)
                on:input=typing(t)
            />
        }
    };
    let declare_form = move |again: bool| {
        view! {
            <p class="field">
                {text_input(Text::Reason, "mi-reason", "Reason (optional)")}
                " "
                <button
                    type="button"
                    id="mi-declare"
                    class="danger"
                    on:click=move |_| send(Op::Declare { reason: typed_now(Text::Reason) })
                >
                    {if again { "Declare again" } else { "Declare major incident" }}
                </button>
            </p>
        }
    };
    let active_view = move |b: Bridge| {
        let link = match b.url.clone() {
            // An attribute, never markup: the link text is plain text too.
            Some(u) => {
                let href = u.clone();
                view! {
                    <a id="mi-bridge-link" href=href target="_blank" rel="noopener noreferrer">{u}</a>
                }
                .into_any()
            }
            None => view! { <span class="muted" id="mi-bridge-link-none">"no link yet"</span> }
                .into_any(),
        };
        let people = b
            .participants
            .iter()
            .map(|p| {
                let who = p.clone();
                view! {
                    <li data-participant=p.clone()>
                        {p.clone()} " "
                        <button
                            type="button"
                            class="secondary mi-leave"
                            on:click=move |_| send(Op::Leave { participant: who.clone() })
                        >
                            "Leave"
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! {
            <p id="mi-state">
                <strong>"Active"</strong> {format!(" since {}", b.declared_at)}
                {b.reason.clone().map(|r| format!(": {r}"))}
            </p>
            <p>"Bridge: " {link}</p>
            <p class="field">
                {text_input(Text::Url, "mi-url", "https://meet.example.com/bridge")}
                " "
                <button type="button" id="mi-set-bridge" on:click=move |_| send(Op::SetBridge { url: typed_now(Text::Url) })>
                    "Set bridge link"
                </button>
            </p>
            <p>{format!("On the bridge ({}):", b.participants.len())}</p>
            <ul id="mi-participants">{people}</ul>
            <p class="field">
                {text_input(Text::Participant, "mi-participant", "Participant (email)")}
                " "
                <button type="button" id="mi-join" on:click=move |_| send(Op::Join { participant: typed_now(Text::Participant) })>
                    "Join"
                </button>
            </p>
            <p id="mi-next-update" class=if b.overdue_minutes.is_some() { "error" } else { "" }>
                {b.next_update_line()} {format!(" · {} posted", b.status_updates)}
            </p>
            <label class="field">
                "Status update "
                <textarea
                    id="mi-update-text"
                    rows="2"
                    prop:value=move || typed(Text::Update)
                    on:input=typing(Text::Update)
                ></textarea>
            </label>
            <button type="button" id="mi-post-update" on:click=move |_| send(Op::PostUpdate { text: typed_now(Text::Update) })>
                "Post status update"
            </button>
            <p class="field">
                {text_input(Text::Summary, "mi-summary", "Closing summary")}
                <label class="check">
                    <input
                        type="checkbox"
                        id="mi-resolved"
                        prop:checked=move || draft.with(|d| d.resolved)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            draft.update(|d| d.resolved = on)
                        }
                    />
                    " Resolved"
                </label>
                " "
                <button
                    type="button"
                    id="mi-stand-down"
                    class="danger"
                    on:click=move |_| send(draft.with_untracked(|d| Op::StandDown {
                        summary: d.summary.clone(),
                        resolved: d.resolved,
                    }))
                >
                    "Stand down"
                </button>
            </p>
        }
    };
    view! {
        <section class="card" aria-labelledby="mi-title" id="major-incident">
            <h4 id="mi-title">"Major incident"</h4>
            <fieldset disabled=move || read_only.get()>
                {move || match current.get() {
                    None => ().into_any(),
                    Some(Stage::Undeclared(Err(why))) => view! {
                        <p class="muted" id="mi-ineligible">{format!("Cannot be declared: {why}.")}</p>
                    }
                    .into_any(),
                    Some(Stage::Undeclared(Ok(()))) => declare_form(false).into_any(),
                    Some(Stage::Active) => match bridge.get() {
                        Some(b) => active_view(b).into_any(),
                        None => ().into_any(),
                    },
                    Some(Stage::StoodDown(again)) => {
                        let ended = bridge.get().and_then(|b| b.ended_line());
                        view! {
                            <p id="mi-state"><strong>"Stood down"</strong></p>
                            <p id="mi-ended">{ended}</p>
                            {match again {
                                Ok(()) => declare_form(true).into_any(),
                                Err(why) => view! {
                                    <p class="muted" id="mi-ineligible">{format!("Cannot be declared again: {why}.")}</p>
                                }
                                .into_any(),
                            }}
                        }
                        .into_any()
                    }
                }}
            </fieldset>
            {move || error.get().map(|e| view! { <p class="error" role="alert" id="mi-error">{e}</p> })}
        </section>
    }
}
