//! SLA clocks with live countdowns: `sla-status` asked again every second with the shell's
//! `now`; the interval is cleared when the component unmounts.

use std::time::Duration;

use leptos::prelude::*;
use serde_json::Value;

use crate::detail::{countdown, error_line, sla_request};
use crate::shell_env;
use crate::store::use_store;

#[component]
pub fn SlaClocks(id: String) -> impl IntoView {
    let store = use_store();
    let now = RwSignal::new(shell_env::now());
    if let Ok(handle) = set_interval_with_handle(
        // try_set: a tick that lands after unmounting finds the signal gone and does nothing.
        move || {
            now.try_set(shell_env::now());
        },
        Duration::from_secs(1),
    ) {
        on_cleanup(move || handle.clear());
    }
    // Asked again each tick and whenever the workspace changes (an update stops a clock).
    let answer = Memo::new(move |_| {
        let at = now.get();
        store.with(|_| ());
        store.call(&sla_request(&id, &at.to_string()))
    });
    view! {
        <section class="card" aria-labelledby="sla-title">
            <h4 id="sla-title">"SLA clocks"</h4>
            {move || {
                let resp = answer.get();
                if let Some(e) = error_line(&resp) {
                    return view! { <p class="error" role="alert" id="sla-error">{e}</p> }.into_any();
                }
                let at = now.get();
                let clocks = resp["result"]["clocks"].as_array().cloned().unwrap_or_default();
                view! {
                    <ul class="clocks" id="sla-clocks">
                        {clocks.iter().map(|c| clock_view(c, at)).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}

fn clock_view(c: &Value, now: jiff::Timestamp) -> impl IntoView {
    let s = |v: &Value| v.as_str().unwrap_or_default().to_string();
    let kind = s(&c["kind"]);
    let state = s(&c["state"]);
    let due = c["due_at"].as_str();
    let left = match c["stopped_at"].as_str() {
        Some(at) if state == "met" => format!("met at {at}"),
        _ => countdown(&state, due, now),
    };
    let remaining = match c["remaining_minutes"].as_i64() {
        Some(m) => format!("{m} business min remaining"),
        None => "-".to_string(),
    };
    view! {
        <li id=format!("clock-{kind}") class=format!("clock state-{state}")>
            <span class="clock-kind">{kind.replace('_', " ")}</span>
            <span class="clock-state" data-state=state.clone()>{state.clone()}</span>
            <span class="clock-countdown" aria-live="off">{left}</span>
            <span class="clock-remaining">{remaining}</span>
            <span class="clock-due muted">
                "due " {due.map_or_else(|| "- (paused)".to_string(), str::to_string)}
                {format!(" · target {} min", c["target_minutes"])}
            </span>
        </li>
    }
}
