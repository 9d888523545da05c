use leptos::prelude::*;

#[component]
pub fn CalendarsSettings() -> impl IntoView {
    view! { <p class="hint">"Not built yet."</p> }
}
