use leptos::prelude::*;

#[component]
pub fn TemplatesSettings() -> impl IntoView {
    view! { <p class="hint">"Not built yet."</p> }
}
