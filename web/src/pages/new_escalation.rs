//! New escalation: the form, the engine's decision as a live preview, then record it.

use escalon::scales::{Scale, IMPACT, SEGMENT, SENTIMENT, SEVERITY};
use leptos::prelude::*;
use serde_json::Value;

use crate::drafts::Drafts;
use crate::shell_env;
use crate::store::use_store;
use crate::triage::{DraftField as F, TriageDraft};

#[component]
pub fn NewEscalation() -> impl IntoView {
    let store = use_store();
    // Kept by the app, so leaving this page and coming back shows what was typed.
    let drafts = Drafts::get();
    let (draft, recorded) = (drafts.triage, drafts.recorded);
    let preview = Memo::new(move |_| {
        let req = draft.with(|d| d.to_request(false, &shell_env::now().to_string()));
        store.call(&req)
    });
    let record = move |_| {
        let req = draft.with(|d| d.to_request(true, &shell_env::now().to_string()));
        let resp = store.call(&req);
        if resp["ok"] == true {
            drafts.triage_recorded();
        }
        let r = &resp["result"];
        recorded.set(
            r["escalation_id"]
                .as_str()
                .map(|id| match r["recorded"].as_str() {
                    Some("updated") => format!("Recorded as {id}: raised to tier {}", r["tier"]),
                    Some("unchanged") => format!(
                        "Nothing recorded: {id} is already at tier {} or above",
                        r["tier"]
                    ),
                    _ => format!("Recorded as {id}"),
                }),
        );
    };
    view! {
        <form class="triage" on:submit=move |ev| ev.prevent_default()>
            <fieldset>
                <legend>"Issue"</legend>
                {text_input("ticket", "Ticket id", draft, F::TicketId)}
                {text_input("summary", "Summary", draft, F::Summary)}
                {text_input("category", "Category", draft, F::Category)}
                {scale_select("severity", "Severity", SEVERITY, draft, F::Severity)}
                {scale_select("impact", "Impact", IMPACT, draft, F::Impact)}
                {text_input("duration", "Duration (hours)", draft, F::DurationHours)}
                <label class="field">
                    "Current tier "
                    <select
                        id="current-tier"
                        on:change=move |ev| {
                            let t = event_target_value(&ev).parse().unwrap_or(1);
                            draft.update(|d| d.current_tier = t)
                        }
                    >
                        {(1..=4u8)
                            .map(|t| {
                                view! {
                                    <option value=t.to_string() selected=move || draft.with(|d| d.current_tier == t)>
                                        {format!("Tier {t}")}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
            </fieldset>
            <fieldset>
                <legend>"Customer"</legend>
                {text_input("customer", "Customer", draft, F::CustomerName)}
                {scale_select("segment", "Segment", SEGMENT, draft, F::Segment)}
                {text_input("health", "Health score (0-100)", draft, F::HealthScore)}
                {text_input("contract", "Contract value", draft, F::ContractValue)}
                {scale_select("sentiment", "Sentiment", SENTIMENT, draft, F::Sentiment)}
                {text_input("previous", "Previous escalations", draft, F::PreviousEscalations)}
            </fieldset>
            <button id="record" type="button" on:click=record disabled=move || preview.with(|p| p["ok"] != true)>
                "Record escalation"
            </button>
            <p role="status" id="recorded">
                {move || recorded.get()}
            </p>
        </form>
        <section class="decision" aria-live="polite">{move || preview.with(decision_view)}</section>
    }
}

fn text_input(
    id: &'static str,
    label: &'static str,
    draft: RwSignal<TriageDraft>,
    field: F,
) -> impl IntoView {
    view! {
        <label class="field">
            {label} " "
            <input
                id=id
                prop:value=move || draft.with(|d| d.get(field).to_string())
                on:input=move |ev| draft.update(|d| d.set(field, event_target_value(&ev)))
            />
        </label>
    }
}

fn scale_select(
    id: &'static str,
    label: &'static str,
    scale: Scale,
    draft: RwSignal<TriageDraft>,
    field: F,
) -> impl IntoView {
    view! {
        <label class="field">
            {label} " "
            <select id=id on:change=move |ev| draft.update(|d| d.set(field, event_target_value(&ev)))>
                {scale
                    .values
                    .iter()
                    .map(|v| {
                        let v = *v;
                        view! {
                            <option value=v selected=move || draft.with(|d| d.get(field) == v)>
                                {v.replace('_', " ")}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

fn decision_view(resp: &Value) -> AnyView {
    if resp["ok"] != true {
        let e = &resp["error"];
        return view! {
            <p class="error" role="alert" id="decision-error">
                {e["path"].as_str().unwrap_or("").to_string()} ": " {e["message"].as_str().unwrap_or("").to_string()}
            </p>
        }
        .into_any();
    }
    let r = &resp["result"];
    let s = |v: &Value| v.as_str().unwrap_or_default().to_string();
    let reasons = r["reasons"].as_array().cloned().unwrap_or_default();
    let actions = r["recommended_actions"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let stakeholders = r["stakeholders"].as_array().cloned().unwrap_or_default();
    view! {
        <h3>
            <span id="decision-tier" class=format!("badge tier{}", r["tier"])>{format!("Tier {}", r["tier"])}</span>
            " " {s(&r["tier_name"])}
        </h3>
        <p>
            "Urgency " <strong id="decision-score">{r["urgency_score"].to_string()}</strong> " / 100 · "
            <strong id="decision-priority">{s(&r["priority"])}</strong> " · respond within "
            {r["response_target_minutes"].to_string()} " min"
        </p>
        <table class="reasons">
            <caption>"Why (the points add up to the score)"</caption>
            <thead><tr><th scope="col">"Factor"</th><th scope="col">"Points"</th><th scope="col">"Reason"</th></tr></thead>
            <tbody id="decision-reasons">
                {reasons.iter().map(|x| view! {
                    <tr><td>{s(&x["factor"])}</td><td>{x["points"].to_string()}</td><td>{s(&x["why"])}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
        <h4>"Stakeholders"</h4>
        <ul>
            {stakeholders.iter().map(|x| {
                let people: Vec<String> = x["people"].as_array().into_iter().flatten().map(|p| s(&p["name"])).collect();
                view! { <li>{s(&x["role"])} {(!people.is_empty()).then(|| format!(": {}", people.join(", ")))}</li> }
            }).collect_view()}
        </ul>
        <h4>"Recommended actions"</h4>
        <ul>
            {actions.iter().map(|x| view! { <li>{s(&x["text"])}</li> }).collect_view()}
        </ul>
    }
    .into_any()
}
