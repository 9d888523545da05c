//! The de-escalation checklist: the four resolution criteria and a rationale, checked
//! without recording, then recorded as a decision or archived (when every criterion is met).

use leptos::prelude::*;
use serde_json::Value;

use crate::detail::{error_line, DeescalationDraft, DeescalationMode};
use crate::drafts::Drafts;
use crate::shell_env;
use crate::store::use_store;

#[component]
pub fn Deescalation(id: String, #[prop(into)] read_only: Signal<bool>) -> impl IntoView {
    let store = use_store();
    // Kept by the app per escalation: leaving the page keeps the ticks and the texts.
    let draft = Drafts::get().deescalation(&id);
    let id = StoredValue::new(id);
    let answer = RwSignal::new(None::<Result<(DeescalationMode, Value), String>>);
    let send = move |mode: DeescalationMode| {
        let req = draft
            .with_untracked(|d| d.to_request(&id.get_value(), mode, &shell_env::now().to_string()));
        let resp = store.call(&req);
        let recorded = mode != DeescalationMode::Check && error_line(&resp).is_none();
        answer.set(Some(match error_line(&resp) {
            Some(e) => Err(e),
            None => Ok((mode, resp["result"].clone())),
        }));
        // A recorded decision is saved: the checklist starts again from nothing. A check
        // records nothing, so what was ticked stays.
        if recorded {
            draft.set(DeescalationDraft::default());
        }
    };
    let check = move |flag: fn(&mut DeescalationDraft) -> &mut bool| {
        move |ev| {
            let on = event_target_checked(&ev);
            draft.update(|d| *flag(d) = on)
        }
    };
    view! {
        <section class="card" aria-labelledby="deesc-title">
            <h4 id="deesc-title">"De-escalation checklist"</h4>
            <form on:submit=move |ev| ev.prevent_default()>
                <fieldset disabled=move || read_only.get()>
                    <label class="check">
                        <input
                            type="checkbox"
                            id="deesc-root-cause"
                            prop:checked=move || draft.with(|d| d.root_cause_documented)
                            on:change=check(|d| &mut d.root_cause_documented)
                        />
                        " Root cause documented"
                    </label>
                    <input
                        id="deesc-root-cause-text"
                        aria-label="Root cause"
                        placeholder="Root cause"
                        disabled=move || !draft.with(|d| d.root_cause_documented)
                        prop:value=move || draft.with(|d| d.root_cause.clone())
                        on:input=move |ev| draft.update(|d| d.root_cause = event_target_value(&ev))
                    />
                    <label class="check">
                        <input
                            type="checkbox"
                            id="deesc-fix"
                            prop:checked=move || draft.with(|d| d.fix_applied)
                            on:change=check(|d| &mut d.fix_applied)
                        />
                        " Fix applied"
                    </label>
                    <input
                        id="deesc-fix-text"
                        aria-label="Fix applied"
                        placeholder="Fix applied"
                        disabled=move || !draft.with(|d| d.fix_applied)
                        prop:value=move || draft.with(|d| d.fix.clone())
                        on:input=move |ev| draft.update(|d| d.fix = event_target_value(&ev))
                    />
                    <label class="check">
                        <input
                            type="checkbox"
                            id="deesc-confirmed"
                            prop:checked=move || draft.with(|d| d.customer_confirmation)
                            on:change=check(|d| &mut d.customer_confirmation)
                        />
                        " Customer confirmed the fix"
                    </label>
                    <label class="check">
                        <input
                            type="checkbox"
                            id="deesc-monitoring"
                            prop:checked=move || draft.with(|d| d.monitoring_complete)
                            on:change=check(|d| &mut d.monitoring_complete)
                        />
                        " Monitoring period complete"
                    </label>
                    <label class="field">
                        "Rationale "
                        <textarea
                            id="deesc-rationale"
                            rows="2"
                            prop:value=move || draft.with(|d| d.rationale.clone())
                            on:input=move |ev| draft.update(|d| d.rationale = event_target_value(&ev))
                        ></textarea>
                    </label>
                    <button type="button" id="deesc-check" on:click=move |_| send(DeescalationMode::Check)>
                        "Check"
                    </button>
                    " "
                    <button type="button" id="deesc-record" on:click=move |_| send(DeescalationMode::Record)>
                        "Record decision"
                    </button>
                    " "
                    <button type="button" id="deesc-archive" class="danger" on:click=move |_| send(DeescalationMode::Archive)>
                        "Archive"
                    </button>
                </fieldset>
            </form>
            <div role="status" id="deesc-result">
                {move || match answer.get() {
                    None => ().into_any(),
                    Some(Err(e)) => view! { <p class="error" id="deesc-error">{e}</p> }.into_any(),
                    Some(Ok((mode, r))) => result_view(mode, &r).into_any(),
                }}
            </div>
        </section>
    }
}

fn result_view(mode: DeescalationMode, r: &Value) -> impl IntoView {
    let s = |v: &Value| v.as_str().unwrap_or_default().to_string();
    let criteria = r["criteria"].as_array().cloned().unwrap_or_default();
    let unmet: Vec<String> = r["unmet_criteria"]
        .as_array()
        .into_iter()
        .flatten()
        .map(s)
        .collect();
    let what = match mode {
        DeescalationMode::Check => "Check only, nothing recorded.",
        DeescalationMode::Record => "Decision recorded.",
        DeescalationMode::Archive if r["archived"] == true => {
            "Decision recorded; closed and archived."
        }
        DeescalationMode::Archive => "Decision recorded; not archived.",
    };
    view! {
        <p>
            "Recommendation: " <strong id="deesc-recommendation">{s(&r["recommendation"])}</strong>
            {r["to_tier"].as_u64().map(|t| format!(" to tier {t}"))}
            " · " <span class="muted">{what}</span>
        </p>
        {r["archive_refused"].as_str().map(|m| view! { <p class="error" id="deesc-archive-refused">{m.to_string()}</p> })}
        <ul class="criteria" id="deesc-criteria">
            {criteria
                .iter()
                .map(|c| {
                    let met = c["met"] == true;
                    view! {
                        <li class=if met { "met" } else { "unmet" } data-criterion=s(&c["criterion"])>
                            {if met { "✔ " } else { "✘ " }}
                            <strong>{s(&c["criterion"]).replace('_', " ")}</strong>
                            ": " {s(&c["detail"])}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        <p id="deesc-unmet">
            {if unmet.is_empty() {
                "Every criterion is met.".to_string()
            } else {
                format!("Unmet: {}", unmet.join(", "))
            }}
        </p>
        <p class="muted" id="deesc-rationale-out">"Rationale: " {s(&r["rationale"])}</p>
    }
}
