//! The escalation's header: id, ticket, customer, tier, priority, status and owner.

use escalon::state::fold;
use leptos::prelude::*;

use crate::store::use_store;

#[component]
pub fn Header(id: String) -> impl IntoView {
    let store = use_store();
    let state = Memo::new(move |_| store.with(|ws| ws.escalation(&id).map(fold)));
    move || {
        state.get().map(|s| {
            let customer = s.customer.name.clone().unwrap_or_else(|| "(unknown)".into());
            view! {
                <header class="detail-header">
                    <h3>
                        <span id="detail-id">{s.id.clone()}</span>
                        " "
                        <span id="detail-tier" class=format!("badge tier{}", s.tier)>
                            {format!("Tier {}", s.tier)}
                        </span>
                    </h3>
                    <dl class="facts">
                        <div><dt>"Ticket"</dt><dd id="detail-ticket">{s.ticket.clone()}</dd></div>
                        <div><dt>"Customer"</dt><dd id="detail-customer">{customer}</dd></div>
                        <div>
                            <dt>"Priority"</dt>
                            <dd id="detail-priority">{s.priority.clone().unwrap_or_else(|| "-".into())}</dd>
                        </div>
                        <div><dt>"Status"</dt><dd id="detail-status">{s.status.as_str()}</dd></div>
                        <div>
                            <dt>"Owner"</dt>
                            <dd id="detail-owner">{s.owner.clone().unwrap_or_else(|| "unassigned".into())}</dd>
                        </div>
                    </dl>
                    {s.summary.clone().map(|t| view! { <p class="summary" id="detail-summary">{t}</p> })}
                </header>
            }
        })
    }
}
