//! Data: export, import from a file or pasted text (every problem listed with its path before
//! anything changes), merge or replace, reset, restore the backup.

use escalon::import::{self, MergeReport};
use escalon::Workspace;
use leptos::prelude::*;

use crate::detail::data_url;
use crate::store::use_store;

/// What the last action did: a success line, or the problems that stopped it.
#[derive(Clone)]
enum Report {
    Done(String),
    Refused(String, Vec<String>),
}

/// The import report's lines: counts, then each conflict with its path.
fn merged_text(r: &MergeReport) -> (String, Vec<String>) {
    let mut head = format!(
        "Merged: {} new escalations, {} new events. The previous state is kept as the backup.",
        r.added_escalations, r.added_events
    );
    if r.config_differs {
        head.push_str(" The imported config differs and was not applied (Replace takes it).");
    }
    let conflicts = r
        .renamed
        .iter()
        .map(|(from, to)| {
            format!("{from} is a different escalation from the {from} here; imported as {to}")
        })
        .chain(r.conflicts.iter().map(|c| {
            format!(
                "{}: event {} of {} differs from the one kept here; it was not imported",
                c.path, c.event, c.escalation
            )
        }))
        .collect();
    (head, conflicts)
}

#[component]
pub fn Data() -> impl IntoView {
    let store = use_store();
    let pasted = RwSignal::new(String::new());
    let report = RwSignal::new(None::<Report>);
    let exported = Memo::new(move |_| store.with(Workspace::to_json_pretty));
    let download_href = move || data_url("application/json", &exported.get());

    let read = move |what: &str| -> Option<Workspace> {
        match import::read(&pasted.get_untracked()) {
            Ok(ws) => Some(ws),
            Err(problems) => {
                let lines = problems.iter().map(ToString::to_string).collect();
                report.set(Some(Report::Refused(format!("Not {what}:"), lines)));
                None
            }
        }
    };
    let replace_with = move |result: Result<Workspace, String>, what: &str| {
        let outcome = result.and_then(|ws| {
            let n = ws.escalations.len();
            store.replace(ws).map(|_| {
                format!("{what}: {n} escalations. The previous state is kept as the backup.")
            })
        });
        report.set(Some(match outcome {
            Ok(m) => Report::Done(m),
            Err(e) => Report::Refused(e, vec![]),
        }));
    };
    let import = move |_| {
        if let Some(ws) = read("imported") {
            replace_with(Ok(ws), "Imported")
        }
    };
    let merge = move |_| {
        let Some(ws) = read("merged") else { return };
        report.set(Some(match store.merge_in(&ws) {
            Ok(r) if r.conflicts.is_empty() => Report::Done(merged_text(&r).0),
            Ok(r) => {
                let (head, conflicts) = merged_text(&r);
                Report::Refused(head, conflicts)
            }
            Err(e) => Report::Refused(e, vec![]),
        }));
    };
    let reset = move |_| {
        replace_with(
            Ok(escalon::demo::demo_workspace()),
            "Reset to the demo workspace",
        )
    };
    let restore = move |_| {
        let backup = store
            .backup()
            .unwrap_or_else(|| Err("there is no backup yet".into()));
        replace_with(
            backup.map_err(|e| format!("Not restored: {e}")),
            "Restored the backup",
        )
    };
    let pick_file = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let file = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files()?.get(0));
        if let Some(file) = file {
            leptos::task::spawn_local(async move {
                let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
                match text.ok().and_then(|t| t.as_string()) {
                    Some(t) => pasted.set(t),
                    None => report.set(Some(Report::Refused(
                        "The file could not be read.".into(),
                        vec![],
                    ))),
                }
            });
        }
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
                "From a file"
                <input id="import-file" type="file" accept=".json,application/json" on:change=pick_file />
            </label>
            <label class="field">
                "Or paste a workspace document"
                <textarea
                    id="import-text"
                    rows="6"
                    prop:value=move || pasted.get()
                    on:input=move |ev| pasted.set(event_target_value(&ev))
                ></textarea>
            </label>
            <button id="merge" type="button" on:click=merge>"Merge into this workspace"</button>
            " "
            <button id="import" type="button" on:click=import>"Replace with the document"</button>
            <p class="hint">
                "Merge keeps both event logs (an event already here is kept once) and this \
                 workspace's config; Replace takes the document whole. Either way the state \
                 before is kept as the backup."
            </p>
        </section>
        <section>
            <h3>"Reset and restore"</h3>
            <button id="reset" type="button" on:click=reset>"Reset to the demo workspace"</button>
            " "
            <button id="restore" type="button" on:click=restore>"Restore the backup"</button>
        </section>
        <div id="data-report" role="status">
            {move || match report.get() {
                Some(Report::Done(m)) => view! { <p class="ok">{m}</p> }.into_any(),
                Some(Report::Refused(head, lines)) => view! {
                    <p class="error">{head}</p>
                    <ul id="data-problems">
                        {lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                    </ul>
                }
                .into_any(),
                None => ().into_any(),
            }}
        </div>
    }
}
