//! Templates: pick a notification type and part, edit its source, and watch it render for a
//! real escalation as you type. The preview runs the engine on a copy of the workspace with
//! the candidate template, so nothing is saved or recorded until Save; the result is shown
//! as text (HTML as its source), never injected.

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
    let escalations: Vec<String> =
        store.with(|ws| ws.escalations.iter().map(|e| e.id.clone()).collect());
    let first = escalations
        .iter()
        .find(|id| id.as_str() == "ESC-2025-001")
        .or(escalations.first())
        .cloned()
        .unwrap_or_default();
    let escalation = RwSignal::new(first);
    let source = RwSignal::new(String::new());
    // What the preview renders: the source once typing pauses, so each keystroke stays cheap.
    let settled = RwSignal::new(String::new());
    let origin = RwSignal::new(Origin::Shipped);
    let status = RwSignal::new(None::<Result<String, String>>);

    // The editor shows what the engine would use, again after a save or a switch.
    Effect::new(move |_| {
        let (k, p) = (kind.get(), part.get());
        let (text, from) = store.with(|ws| current_source(&ws.config.templates, &k, &p));
        source.set(text.clone());
        settled.set(text);
        origin.set(from);
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
                <select id="template-type" data-picks-view on:change=move |ev| { status.set(None); kind.set(event_target_value(&ev)) }>
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
                <select id="template-part" data-picks-view on:change=move |ev| { status.set(None); part.set(event_target_value(&ev)) }>
                    {parts()
                        .iter()
                        .map(|p| view! { <option value=*p selected=*p == "subject">{p.replace('_', " ")}</option> })
                        .collect_view()}
                </select>
            </label>
            <label class="field">
                "Preview with "
                <select id="template-escalation" data-picks-view on:change=move |ev| escalation.set(event_target_value(&ev))>
                    {escalations
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
