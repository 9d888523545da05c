//! The shell: skip link, header, navigation, and the page the route shows.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::drafts::Drafts;
use crate::nav::{follow, provide_nav, Page, Route};
use crate::pages::{
    About, Dashboard, Data, EscalationDetail, Escalations, ListState, Metrics, NewEscalation,
    Settings,
};
use crate::settings_model::section::Section;
use crate::store::Store;

#[component]
pub fn App() -> impl IntoView {
    let store = Store::load();
    provide_context(store);
    provide_context(ListState::new());
    Drafts::provide();
    let route = provide_nav();
    let page = Memo::new(move |_| route.with(Route::page));
    // Settings stays mounted once opened (hidden elsewhere): see `pages::settings`.
    let in_settings = Memo::new(move |_| matches!(route.get(), Route::Settings(_)));
    // `#/settings` alone returns to the section last shown.
    let section = Memo::new(move |before: Option<&Section>| match route.get() {
        Route::Settings(Some(slug)) => Section::from_slug(Some(&slug)),
        _ => before.copied().unwrap_or(Section::FIRST_SHOWN),
    });
    let settings_opened =
        Memo::new(move |before: Option<&bool>| before == Some(&true) || in_settings.get());
    let heading = NodeRef::<html::H2>::new();
    let main = NodeRef::<html::Main>::new();
    Effect::watch(
        move || route.get(),
        move |to, from, _| {
            document().set_title(&window_title(to));
            // The first render keeps the browser's own focus; a navigation moves it to where a
            // keyboard or screen reader user expects to continue.
            // Moving between settings sections keeps focus on the section button pressed.
            let within_settings =
                matches!((from, to), (Some(Route::Settings(_)), Route::Settings(_)));
            if let (Some(from), false) = (from, within_settings) {
                let back_to_row = from.escalation_id().map(|id| format!("open-{id}"));
                let to_list = *to == Route::Escalations;
                request_animation_frame(move || {
                    let row = back_to_row
                        .filter(|_| to_list)
                        .and_then(|id| document().get_element_by_id(&id))
                        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
                    match row {
                        Some(row) => _ = row.focus(),
                        None => _ = heading.get().map(|h| h.focus()),
                    }
                });
            }
        },
        true,
    );
    let skip = move |ev: leptos::ev::MouseEvent| {
        // `#main` is not a route: focus the content without touching the URL.
        ev.prevent_default();
        if let Some(m) = main.get() {
            let _ = m.focus();
        }
    };
    view! {
        <a class="skip-link" href="#main" on:click=skip>
            "Skip to content"
        </a>
        <header class="top">
            <h1>"Escalon"</h1>
            <span class="workspace" data-testid="workspace-name">"Demo workspace"</span>
        </header>
        <nav class="tabs" aria-label="Pages">
            {Page::ALL
                .into_iter()
                .map(|p| {
                    let current = move || page.get() == Some(p);
                    view! {
                        <a
                            id=format!("nav-{}", p.slug())
                            href=p.route().href()
                            class:active=current
                            aria-current=move || current().then_some("page")
                            on:click=follow(p.route())
                        >
                            {p.title()}
                        </a>
                    }
                })
                .collect_view()}
        </nav>
        <main id="main" tabindex="-1" node_ref=main>
            <crate::notice::StorageNotice />
            <h2 id="page-title" tabindex="-1" node_ref=heading>
                {move || page.get().map_or("Page not found", Page::title)}
            </h2>
            {move || match route.get() {
                Route::Dashboard => view! { <Dashboard /> }.into_any(),
                Route::Escalations => view! { <Escalations /> }.into_any(),
                Route::Escalation(id) => view! { <EscalationDetail id /> }.into_any(),
                Route::New => view! { <NewEscalation /> }.into_any(),
                Route::Metrics => view! { <Metrics /> }.into_any(),
                Route::Settings(_) => ().into_any(),
                Route::Data => view! { <Data /> }.into_any(),
                Route::About => view! { <About /> }.into_any(),
                Route::NotFound(path) => view! { <NotFound path /> }.into_any(),
            }}
            {move || settings_opened.get().then(|| view! {
                <div hidden=move || !in_settings.get()>
                    <Settings section=section.into() />
                </div>
            })}
        </main>
    }
}

/// The browser tab's title: the page, and the escalation when one is open.
fn window_title(route: &Route) -> String {
    let page = route.page().map_or("Page not found", Page::title);
    match route.escalation_id() {
        Some(id) => format!("{id} · {page} · Escalon"),
        None => format!("{page} · Escalon"),
    }
}

#[component]
fn NotFound(path: String) -> impl IntoView {
    view! {
        <p id="not-found">
            {format!("Nothing lives at {path}. ")}
            <a href=Route::Dashboard.href() on:click=follow(Route::Dashboard)>
                "Go to the dashboard"
            </a>
        </p>
    }
}
