//! Data: export, import (validated before anything is replaced), reset, restore the backup.

use escalon::Workspace;
use leptos::prelude::*;

use crate::detail::data_url;
use crate::storage;
use crate::store::use_store;

#[component]
pub fn Data() -> impl IntoView {
    let store = use_store();
    let pasted = RwSignal::new(String::new());
    let report = RwSignal::new(None::<Result<String, String>>);
    let exported = Memo::new(move |_| store.with(Workspace::to_json_pretty));
    let download_href = move || data_url("application/json", &exported.get());

    let replace_with = move |result: Result<Workspace, String>, what: &str| {
        let outcome = result.and_then(|ws| {
            let n = ws.escalations.len();
            store.replace(ws).map(|_| {
                format!("{what}: {n} escalations. The previous state is kept as the backup.")
            })
        });
        report.set(Some(outcome));
    };
    let import = move |_| {
        let text = pasted.get_untracked();
        replace_with(
            Workspace::from_json(&text).map_err(|e| format!("Not imported: {e}")),
            "Imported",
        )
    };
    let reset = move |_| {
        replace_with(
            Ok(escalon::demo::demo_workspace()),
            "Reset to the demo workspace",
        )
    };
    let restore = move |_| {
        let backup = storage::backup().unwrap_or_else(|| Err("there is no backup yet".into()));
        replace_with(
            backup.map_err(|e| format!("Not restored: {e}")),
            "Restored the backup",
        )
    };

    view! {
        <section>
            <h3>"Export"</h3>
            <a id="export" class="button" download="escalon-workspace.json" href=download_href>
                "Download the workspace (JSON)"
            </a>
        </section>
        <section>
            <h3>"Import"</h3>
            <label class="field">
                "Paste a workspace document"
                <textarea
                    id="import-text"
                    rows="6"
                    prop:value=move || pasted.get()
                    on:input=move |ev| pasted.set(event_target_value(&ev))
                ></textarea>
            </label>
            <button id="import" type="button" on:click=import>"Replace with the pasted document"</button>
        </section>
        <section>
            <h3>"Reset and restore"</h3>
            <button id="reset" type="button" on:click=reset>"Reset to the demo workspace"</button>
            " "
            <button id="restore" type="button" on:click=restore>"Restore the backup"</button>
        </section>
        <p id="data-report" role="status">
            {move || match report.get() {
                Some(Ok(m)) => view! { <span class="ok">{m}</span> }.into_any(),
                Some(Err(m)) => view! { <span class="error">{m}</span> }.into_any(),
                None => ().into_any(),
            }}
        </p>
    }
}
