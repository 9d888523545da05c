use leptos::prelude::*;

#[component]
pub fn About() -> impl IntoView {
    view! {
        <p>"Escalon engine " <span id="engine-version">{escalon::version()}</span></p>
        <p>
            "Decisions, SLA clocks and the audit trail are computed in your browser; "
            "nothing leaves this page."
        </p>
    }
}
