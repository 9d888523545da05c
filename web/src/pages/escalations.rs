//! The escalations list with a text filter.

use escalon::state::fold;
use leptos::prelude::*;

use crate::nav::use_selected;
use crate::store::use_store;

#[derive(Clone, PartialEq)]
struct Row {
    id: String,
    ticket: String,
    customer: String,
    tier: u8,
    priority: String,
    status: &'static str,
    owner: String,
}

#[component]
pub fn Escalations() -> impl IntoView {
    let store = use_store();
    let selected = use_selected();
    let query = RwSignal::new(String::new());
    let rows = Memo::new(move |_| {
        let q = query.get().to_lowercase();
        store.with(|ws| {
            let mut rows: Vec<Row> = ws
                .escalations
                .iter()
                .map(fold)
                .map(|s| Row {
                    id: s.id,
                    ticket: s.ticket,
                    customer: s.customer.name.unwrap_or_default(),
                    tier: s.tier,
                    priority: s.priority.unwrap_or_default(),
                    status: s.status.as_str(),
                    owner: s.owner.unwrap_or_default(),
                })
                .filter(|r| {
                    q.is_empty()
                        || [&r.id, &r.ticket, &r.customer, &r.owner]
                            .iter()
                            .any(|f| f.to_lowercase().contains(&q))
                })
                .collect();
            rows.sort_by(|a, b| b.tier.cmp(&a.tier).then_with(|| a.id.cmp(&b.id)));
            rows
        })
    });
    view! {
        <label class="field">
            "Search "
            <input
                id="escalation-search"
                type="search"
                placeholder="id, ticket, customer, owner"
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
            />
        </label>
        <p class="muted" data-testid="escalation-count">
            {move || format!("{} escalations", rows.with(Vec::len))}
        </p>
        <table class="list">
            <thead>
                <tr>
                    <th scope="col">"Id"</th>
                    <th scope="col">"Ticket"</th>
                    <th scope="col">"Customer"</th>
                    <th scope="col">"Tier"</th>
                    <th scope="col">"Priority"</th>
                    <th scope="col">"Status"</th>
                    <th scope="col">"Owner"</th>
                </tr>
            </thead>
            <tbody>
                <For each=move || rows.get() key=|r| r.id.clone() let:r>
                    <tr>
                        {
                            let id = r.id.clone();
                        view! {
                            <td>
                                <button
                                    type="button"
                                    class="link"
                                    id=format!("open-{id}")
                                    on:click=move |_| selected.set(Some(id.clone()))
                                >
                                    {r.id}
                                </button>
                            </td>
                        }
                        }
                        <td>{r.ticket}</td>
                        <td>{r.customer}</td>
                        <td>{r.tier}</td>
                        <td>{r.priority}</td>
                        <td>{r.status}</td>
                        <td>{r.owner}</td>
                    </tr>
                </For>
            </tbody>
        </table>
    }
}
