//! The line under a settings form that says what a save did: how many changes, or the
//! door's refusal with the field's path. Shared by the settings sections.

use leptos::prelude::*;

pub type SaveStatus = RwSignal<Option<Result<String, String>>>;

/// A live status line; errors are also announced as alerts.
pub fn status_view(id: &'static str, status: SaveStatus) -> impl IntoView {
    view! {
        <p id=id role="status">
            {move || match status.get() {
                Some(Ok(m)) => view! { <span class="ok">{m}</span> }.into_any(),
                Some(Err(m)) => view! { <span class="error" role="alert">{m}</span> }.into_any(),
                None => ().into_any(),
            }}
        </p>
    }
}
