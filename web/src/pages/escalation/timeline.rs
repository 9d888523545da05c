//! The audit trail: every event of the log, newest first.

use leptos::prelude::*;

use crate::detail::{timeline, TimelineRow};
use crate::store::use_store;

#[component]
pub fn Timeline(id: String) -> impl IntoView {
    let store = use_store();
    let rows =
        Memo::new(move |_| store.with(|ws| ws.escalation(&id).map(timeline).unwrap_or_default()));
    view! {
        <section class="card" aria-labelledby="timeline-title">
            <h4 id="timeline-title">
                "Timeline " <span class="muted">{move || format!("({} events)", rows.with(Vec::len))}</span>
            </h4>
            <div class="table-wrap">
            <table class="timeline">
                <thead>
                    <tr>
                        <th scope="col">"Time"</th>
                        <th scope="col">"Actor"</th>
                        <th scope="col">"Kind"</th>
                        <th scope="col">"Details"</th>
                    </tr>
                </thead>
                <tbody id="timeline">
                    <For each=move || rows.get() key=|r: &TimelineRow| r.id.clone() let:r>
                        <tr data-kind=r.kind>
                            <td class="nowrap">{r.at}</td>
                            <td>{r.actor}</td>
                            <td><code>{r.kind.replace('_', " ")}</code></td>
                            <td>{r.details}</td>
                        </tr>
                    </For>
                </tbody>
            </table>
            </div>
        </section>
    }
}
