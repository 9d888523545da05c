use leptos::prelude::*;

#[component]
pub fn TiersSettings() -> impl IntoView {
    view! { <p class="hint">"Not built yet."</p> }
}
