//! The shell: header, navigation and the page that is showing.

use leptos::prelude::*;

use crate::nav::{Page, Selected};
use crate::pages::{
    About, Dashboard, Data, EscalationDetail, Escalations, Metrics, NewEscalation, Settings,
};
use crate::store::Store;

#[component]
pub fn App() -> impl IntoView {
    let store = Store::load();
    provide_context(store);
    let page = RwSignal::new(Page::Dashboard);
    let selected = RwSignal::new(None::<String>);
    provide_context(Selected(selected));
    view! {
        <header class="top">
            <h1>"Escalon"</h1>
            <span class="workspace" data-testid="workspace-name">"Demo workspace"</span>
        </header>
        <nav class="tabs" aria-label="Pages">
            {Page::ALL
                .into_iter()
                .map(|p| {
                    view! {
                        <button
                            id=format!("nav-{}", p.slug())
                            class:active=move || page.get() == p
                            aria-current=move || (page.get() == p).then_some("page")
                            on:click=move |_| {
                                selected.set(None);
                                page.set(p)
                            }
                        >
                            {p.title()}
                        </button>
                    }
                })
                .collect_view()}
        </nav>
        <main>
            {move || {
                store
                    .notice
                    .get()
                    .map(|n| view! { <p class="notice" role="alert" id="storage-notice">{n}</p> })
            }}
            <h2 id="page-title">{move || page.get().title()}</h2>
            {move || match page.get() {
                Page::Dashboard => view! { <Dashboard /> }.into_any(),
                Page::Escalations => match selected.get() {
                    Some(id) => view! { <EscalationDetail id /> }.into_any(),
                    None => view! { <Escalations /> }.into_any(),
                },
                Page::NewEscalation => view! { <NewEscalation /> }.into_any(),
                Page::Metrics => view! { <Metrics /> }.into_any(),
                Page::Settings => view! { <Settings /> }.into_any(),
                Page::Data => view! { <Data /> }.into_any(),
                Page::About => view! { <About /> }.into_any(),
            }}
        </main>
    }
}
