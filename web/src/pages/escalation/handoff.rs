//! The handoff brief: the engine's Markdown shown as text, with a download link.

use leptos::prelude::*;

use crate::detail::{data_url, error_line, handoff_request};
use crate::shell_env;
use crate::store::use_store;

#[component]
pub fn Handoff(id: String) -> impl IntoView {
    let store = use_store();
    let file_name = format!("{id}-handoff.md");
    // Written again whenever the workspace changes; it records nothing.
    let brief = Memo::new(move |_| {
        store.with(|_| ());
        let resp = store.call(&handoff_request(&id, &shell_env::now().to_string()));
        match error_line(&resp) {
            Some(e) => Err(e),
            None => Ok(resp["result"]["markdown"]
                .as_str()
                .unwrap_or_default()
                .to_string()),
        }
    });
    view! {
        <section class="card" aria-labelledby="handoff-title">
            <h4 id="handoff-title">"Handoff brief"</h4>
            {move || match brief.get() {
                Err(e) => view! { <p class="error" role="alert" id="handoff-error">{e}</p> }.into_any(),
                Ok(md) => {
                    let href = data_url("text/markdown", &md);
                    view! {
                        <a id="handoff-download" class="button" download=file_name.clone() href=href>
                            "Download the brief (Markdown)"
                        </a>
                        <pre id="handoff-markdown" class="output">{md}</pre>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}
