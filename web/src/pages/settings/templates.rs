//! Templates: pick a notification type and part, edit its source, and watch it render for a
//! real escalation as you type. The preview runs the engine on a copy of the workspace with
//! the candidate template, so nothing is saved or recorded until Save; the result is shown
//! as text (HTML as its source), never injected.

use std::collections::HashMap;
use std::time::Duration;

use leptos::leptos_dom::helpers::debounce;
use leptos::prelude::*;

use crate::detail::notification_types;
use crate::settings_model::templates::{
    current_source, parts, preview, with_override, without_override, Origin,
};
use crate::settings_model::update_config_request;
use crate::shell_env;
use crate::store::use_store;

use super::edit_status::status_view;
use super::open_section::Saver;

#[component]
pub fn TemplatesSettings() -> impl IntoView {
    let store = use_store();
    let saver = Saver::new();
    let kind = RwSignal::new("escalation_alert".to_string());
    let part = RwSignal::new("subject".to_string());
    let escalations = Memo::new(move |_| {
        store.with(|ws| {
            ws.escalations
                .iter()
                .map(|e| e.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let first = escalations.with_untracked(|ids| {
        ids.iter()
            .find(|id| id.as_str() == "ESC-2025-001")
            .or(ids.first())
            .cloned()
            .unwrap_or_default()
    });
    let escalation = RwSignal::new(first);
    let source = RwSignal::new(String::new());
    // What the preview renders: the source once typing pauses, so each keystroke stays cheap.
    let settled = RwSignal::new(String::new());
    // Where the stored template comes from; follows saves, here and elsewhere.
    let origin = Memo::new(move |_| {
        let (k, p) = (kind.get(), part.get());
        store.with(|ws| current_source(&ws.config.templates, &k, &p).1)
    });
    let status = RwSignal::new(None::<Result<String, String>>);

    // Typing kept per type and part while the user looks at another one: switching back
    // shows it again. Only a switch reloads the editor; a workspace change elsewhere (an
    // escalation recorded on another page) never replaces what is typed here.
    let typed = StoredValue::new(HashMap::<(String, String), String>::new());
    Effect::new(move |shown: Option<(String, String)>| {
        let (k, p) = (kind.get(), part.get());
        let stored = move |k: &str, p: &str| {
            untrack(|| store.with(|ws| current_source(&ws.config.templates, k, p).0))
        };
        if let Some(was) = shown {
            let text = source.get_untracked();
            typed.update_value(|t| {
                if text == stored(&was.0, &was.1) {
                    t.remove(&was);
                } else {
                    t.insert(was, text);
                }
            });
        }
        let key = (k.clone(), p.clone());
        let text = typed
            .with_value(|t| t.get(&key).cloned())
            .unwrap_or_else(|| stored(&k, &p));
        source.set(text.clone());
        settled.set(text);
        key
    });
    let mut settle = debounce(Duration::from_millis(150), move |text: String| {
        settled.set(text)
    });
    let rendered = Memo::new(move |_| {
        let text = settled.get();
        let now = shell_env::now().to_string();
        store.with(|ws| preview(ws, &escalation.get(), &kind.get(), &part.get(), &text, &now))
    });
    let save_list = move |list| {
        let value = serde_json::to_value(list).unwrap_or_default();
        let req = update_config_request("templates", value, &shell_env::now().to_string());
        status.set(Some(saver.save(&req)));
    };
    let save = move |_| {
        let list = store.with(|ws| {
            with_override(
                &ws.config.templates,
                &kind.get_untracked(),
                &part.get_untracked(),
                &source.get_untracked(),
            )
        });
        save_list(list);
    };
    let revert = move |_| {
        let list = store.with(|ws| {
            without_override(
                &ws.config.templates,
                &kind.get_untracked(),
                &part.get_untracked(),
            )
        });
        save_list(list);
        if matches!(status.get_untracked(), Some(Ok(_))) {
            // The editor shows what the engine now uses: the shipped template.
            let (k, p) = (kind.get_untracked(), part.get_untracked());
            let text = store.with(|ws| current_source(&ws.config.templates, &k, &p).0);
            typed.update_value(|t| {
                t.remove(&(k, p));
            });
            source.set(text.clone());
            settled.set(text);
        }
    };
    let own = move || match origin.get() {
        Origin::Own => true,
        Origin::AllTypes => kind.get() == "*",
        Origin::Shipped => false,
    };

    view! {
        <p class="hint">
            "Templates use the upon syntax: " <code>"{{ customer.name }}"</code> ", "
            <code>"{% if kind.internal %}…{% endif %}"</code>
            ". Values are escaped for each channel; there is no raw output."
        </p>
        <div class="row">
            <label class="field">
                "Notification type "
                <select id="template-type" data-not-an-edit on:change=move |ev| { status.set(None); kind.set(event_target_value(&ev)) }>
                    <option value="*">"every type (*)"</option>
                    {notification_types()
                        .into_iter()
                        .map(|t| {
                            let selected = t == "escalation_alert";
                            view! { <option value=t.clone() selected=selected>{t.replace('_', " ")}</option> }
                        })
                        .collect_view()}
                </select>
            </label>
            <label class="field">
                "Part "
                <select id="template-part" data-not-an-edit on:change=move |ev| { status.set(None); part.set(event_target_value(&ev)) }>
                    {parts()
                        .iter()
                        .map(|p| view! { <option value=*p selected=*p == "subject">{p.replace('_', " ")}</option> })
                        .collect_view()}
                </select>
            </label>
            <label class="field">
                "Preview with "
                <select id="template-escalation" data-not-an-edit on:change=move |ev| escalation.set(event_target_value(&ev))>
                    {move || escalations
                        .get()
                        .into_iter()
                        .map(|id| {
                            let selected = id == escalation.get_untracked();
                            view! { <option value=id.clone() selected=selected>{id.clone()}</option> }
                        })
                        .collect_view()}
                </select>
            </label>
        </div>
        <p id="template-origin" class="muted">
            {move || match origin.get() {
                Origin::Own => "An edited template for this type.",
                Origin::AllTypes => "The edited template for every type (*).",
                Origin::Shipped => "The shipped template.",
            }}
        </p>
        <label class="field">
            "Template source"
            <textarea
                id="template-source"
                rows="10"
                spellcheck="false"
                prop:value=move || source.get()
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    source.set(text.clone());
                    settle(text);
                }
            ></textarea>
        </label>
        {move || match rendered.get() {
            Err(e) => view! { <p class="error" role="alert" id="template-error">{e}</p> }.into_any(),
            Ok(_) => ().into_any(),
        }}
        <button type="button" id="template-save" on:click=save>"Save template"</button>
        " "
        <button type="button" id="template-revert" class="secondary" on:click=revert disabled=move || !own()>
            "Revert to default"
        </button>
        {status_view("template-status", status)}
        <h4>"Preview"</h4>
        <pre id="template-preview" class="output" aria-live="polite">
            {move || match rendered.get() {
                Ok(p) => p.rendered,
                Err(_) => "(the template has an error; see above)".to_string(),
            }}
        </pre>
    }
}
