use leptos::prelude::*;

#[component]
pub fn DirectorySettings() -> impl IntoView {
    view! { <p class="hint">"Not built yet."</p> }
}
