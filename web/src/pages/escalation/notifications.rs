//! Notifications: pick a type and a channel, preview it (`record: false`) as text, copy or
//! download it, then record it. HTML is shown as its source text, never injected.

use leptos::prelude::*;

use crate::detail::{
    channel_preview, data_url, error_line, notification_request, notification_types,
    ChannelPreview, CHANNELS,
};
use crate::shell_env;
use crate::store::use_store;

#[component]
pub fn Notifications(id: String, #[prop(into)] read_only: Signal<bool>) -> impl IntoView {
    let store = use_store();
    let id = StoredValue::new(id);
    let kind = RwSignal::new("escalation_alert".to_string());
    let channel = RwSignal::new("email".to_string());
    let preview = RwSignal::new(None::<Result<ChannelPreview, String>>);
    let status = RwSignal::new(None::<Result<String, String>>);
    let request = move |record: bool| {
        notification_request(
            &id.get_value(),
            &kind.get_untracked(),
            &channel.get_untracked(),
            record,
            &shell_env::now().to_string(),
        )
    };
    let show = move |_| {
        let resp = store.call(&request(false));
        status.set(None);
        preview.set(Some(match error_line(&resp) {
            Some(e) => Err(e),
            None => Ok(channel_preview(
                &id.get_value(),
                &channel.get_untracked(),
                &resp["result"],
            )),
        }));
    };
    let record = move |_| {
        let resp = store.call(&request(true));
        status.set(Some(match error_line(&resp) {
            Some(e) => Err(e),
            None => {
                let to: Vec<String> = resp["result"]["recipients"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|r| r["email"].as_str().or(r.as_str()).map(str::to_string))
                    .collect();
                Ok(if to.is_empty() {
                    "Notification recorded.".to_string()
                } else {
                    format!("Notification recorded for {}.", to.join(", "))
                })
            }
        }));
    };
    let copy = move |_| {
        let text = preview.with_untracked(|p| match p {
            Some(Ok(p)) => Some(p.body.clone()),
            _ => None,
        });
        if let Some(text) = text {
            status.set(Some(match copy_text(&text) {
                true => Ok("Copied to the clipboard.".into()),
                false => Err("The clipboard is not available here.".into()),
            }));
        }
    };
    view! {
        <section class="card" aria-labelledby="notify-title">
            <h4 id="notify-title">"Notifications"</h4>
            <div class="row">
                <label class="field">
                    "Type "
                    <select id="notify-type" on:change=move |ev| kind.set(event_target_value(&ev))>
                        {notification_types()
                            .into_iter()
                            .map(|t| {
                                let selected = t == kind.get_untracked();
                                view! { <option value=t.clone() selected=selected>{t.replace('_', " ")}</option> }
                            })
                            .collect_view()}
                    </select>
                </label>
                <label class="field">
                    "Channel "
                    <select id="notify-channel" on:change=move |ev| channel.set(event_target_value(&ev))>
                        {CHANNELS
                            .iter()
                            .map(|c| view! { <option value=*c selected=*c == "email">{*c}</option> })
                            .collect_view()}
                    </select>
                </label>
            </div>
            <button type="button" id="notify-preview" on:click=show>"Preview"</button>
            " "
            <button type="button" id="notify-record" on:click=record disabled=move || read_only.get()>
                "Record notification"
            </button>
            <p role="status" id="notify-status">
                {move || match status.get() {
                    Some(Ok(m)) => view! { <span class="ok">{m}</span> }.into_any(),
                    Some(Err(m)) => view! { <span class="error">{m}</span> }.into_any(),
                    None => ().into_any(),
                }}
            </p>
            {move || match preview.get() {
                None => ().into_any(),
                Some(Err(e)) => view! { <p class="error" role="alert" id="notify-error">{e}</p> }.into_any(),
                Some(Ok(p)) => preview_view(p, copy).into_any(),
            }}
        </section>
    }
}

fn preview_view(
    p: ChannelPreview,
    copy: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let href = data_url(p.mime, &p.file_content);
    view! {
        <div class="preview" id="notify-output">
            {p.subject.map(|s| view! { <p>"Subject: " <strong id="notify-subject">{s}</strong></p> })}
            <pre id="notify-body" class="output">{p.body}</pre>
            {p.html_source.map(|h| view! {
                <details>
                    <summary>"HTML source"</summary>
                    <pre id="notify-html" class="output">{h}</pre>
                </details>
            })}
            <button type="button" id="notify-copy" class="secondary" on:click=copy>"Copy"</button>
            " "
            <a id="notify-download" class="button" download=p.file_name.clone() href=href>
                {format!("Download {}", p.file_name)}
            </a>
        </div>
    }
}

/// Writes text through `navigator.clipboard.writeText`, read by reflection so no extra
/// web-sys features are needed; a refused write (no permission) is swallowed.
#[cfg(target_arch = "wasm32")]
fn copy_text(text: &str) -> bool {
    use js_sys::{Function, Reflect};
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    let Some(window) = web_sys::window() else {
        return false;
    };
    let call = || -> Result<(), JsValue> {
        let nav = Reflect::get(&window, &"navigator".into())?;
        let clipboard = Reflect::get(&nav, &"clipboard".into())?;
        let write: Function = Reflect::get(&clipboard, &"writeText".into())?.dyn_into()?;
        let promise = write.call1(&clipboard, &JsValue::from_str(text))?;
        let catch: Function = Reflect::get(&promise, &"catch".into())?.dyn_into()?;
        catch.call1(&promise, &Closure::once_into_js(|_: JsValue| {}))?;
        Ok(())
    };
    call().is_ok()
}

#[cfg(not(target_arch = "wasm32"))]
fn copy_text(_text: &str) -> bool {
    false
}
