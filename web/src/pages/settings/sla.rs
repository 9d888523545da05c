use leptos::prelude::*;

#[component]
pub fn SlaSettings() -> impl IntoView {
    view! { <p class="hint">"Not built yet."</p> }
}
