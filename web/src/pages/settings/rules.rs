use leptos::prelude::*;

#[component]
pub fn RulesSettings() -> impl IntoView {
    view! { <p class="hint">"Not built yet."</p> }
}
