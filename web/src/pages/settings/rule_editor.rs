//! One rule on the Rules page: the builder (conditions "fact op value" joined by all or any,
//! and the effect) or the whole rule as raw JSON, with a switch between the two views.

use leptos::prelude::*;

use crate::settings_model::rule_builder::{Condition, Join, Op};
use crate::settings_model::rule_draft::{parse_json, RuleDraft, RuleForm, RuleMode};

#[component]
pub fn RuleEditor(key: u64, draft: RwSignal<RuleDraft>, on_remove: Callback<u64>) -> impl IntoView {
    let mode = Memo::new(move |_| draft.with(|d| d.mode));
    let switch_error = RwSignal::new(None::<String>);
    let label = move || format!("rule '{}'", draft.with_untracked(RuleDraft::id));
    let to_json = move |_| {
        let mut d = draft.get_untracked();
        let r = d.show_json(&label());
        switch_error.set(r.err());
        draft.set(d);
    };
    let to_builder = move |_| {
        let mut d = draft.get_untracked();
        let r = d.show_builder(&label());
        switch_error.set(r.err());
        draft.set(d);
    };
    let title = move || draft.with(RuleDraft::id);
    view! {
        <fieldset class="card rule-editor" id=format!("rule-{key}") data-key=key.to_string()>
            <legend>{title}</legend>
            <div class="row" role="group" aria-label="View">
                <button type="button" id=format!("rule-{key}-builder") class="secondary"
                    aria-pressed=move || (mode.get() == RuleMode::Builder).to_string() on:click=to_builder>
                    "Builder"
                </button>
                <button type="button" id=format!("rule-{key}-show-json") class="secondary"
                    aria-pressed=move || (mode.get() == RuleMode::Json).to_string() on:click=to_json>
                    "JSON"
                </button>
                <button type="button" id=format!("rule-{key}-remove") class="danger"
                    on:click=move |_| on_remove.run(key)>
                    "Remove rule"
                </button>
            </div>
            {move || switch_error.get().map(|e| view! {
                <p class="error" role="alert" id=format!("rule-{key}-mode-error")>{e}</p>
            })}
            {move || match mode.get() {
                RuleMode::Builder => builder_view(key, draft).into_any(),
                RuleMode::Json => json_view(key, draft).into_any(),
            }}
        </fieldset>
    }
}

fn json_view(key: u64, draft: RwSignal<RuleDraft>) -> impl IntoView {
    let parse_error = move || draft.with(|d| parse_json(&d.raw).err());
    view! {
        <label class="field">
            "Rule as JSON (id, description, when, effect)"
            <textarea id=format!("rule-{key}-json") rows="12" spellcheck="false"
                prop:value=move || draft.with(|d| d.raw.clone())
                on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| d.raw = v) }
            ></textarea>
        </label>
        {move || parse_error().map(|e| view! {
            <p class="error" role="alert" id=format!("rule-{key}-json-error")>{e}</p>
        })}
    }
}

/// A text input bound to one field of the form.
fn form_input(
    id: String,
    label: &'static str,
    draft: RwSignal<RuleDraft>,
    read: fn(&RuleForm) -> &String,
    write: fn(&mut RuleForm) -> &mut String,
) -> impl IntoView {
    view! {
        <label class="field">
            {label} " "
            <input id=id
                prop:value=move || draft.with(|d| read(&d.form).clone())
                on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| *write(&mut d.form) = v) }
            />
        </label>
    }
}

fn builder_view(key: u64, draft: RwSignal<RuleDraft>) -> impl IntoView {
    let count = Memo::new(move |_| draft.with(|d| d.form.builder.conditions.len()));
    let join = move || draft.with(|d| d.form.builder.join);
    view! {
        <div class="row">
            {form_input(format!("rule-{key}-id"), "Id", draft, |f| &f.id, |f| &mut f.id)}
            {form_input(format!("rule-{key}-description"), "Description", draft, |f| &f.description, |f| &mut f.description)}
        </div>
        <label class="field">
            "Match "
            <select id=format!("rule-{key}-join") on:change=move |ev| {
                let j = if event_target_value(&ev) == "any" { Join::Any } else { Join::All };
                draft.update(|d| d.form.builder.join = j)
            }>
                <option value="all" selected=move || join() == Join::All>"all of these conditions"</option>
                <option value="any" selected=move || join() == Join::Any>"any of these conditions"</option>
            </select>
        </label>
        <ol class="conditions">
            {move || (0..count.get()).map(|j| condition_row(key, draft, j)).collect_view()}
        </ol>
        <button type="button" id=format!("rule-{key}-add-condition") class="secondary"
            on:click=move |_| draft.update(|d| d.form.builder.conditions.push(Condition::default()))>
            "Add condition"
        </button>
        <fieldset>
            <legend>"Effect when the rule matches"</legend>
            <div class="row">
                {form_input(format!("rule-{key}-points"), "Add points", draft, |f| &f.add_points, |f| &mut f.add_points)}
                <label class="field">
                    "At least tier "
                    <select id=format!("rule-{key}-min-tier") on:change=move |ev| {
                        let v = event_target_value(&ev);
                        draft.update(|d| d.form.min_tier = v)
                    }>
                        {["", "1", "2", "3", "4"].into_iter().map(|t| view! {
                            <option value=t selected=move || draft.with(|d| d.form.min_tier.trim() == t)>
                                {if t.is_empty() { "no minimum".to_string() } else { format!("Tier {t}") }}
                            </option>
                        }).collect_view()}
                    </select>
                </label>
                {form_input(format!("rule-{key}-stakeholders"), "Add stakeholder roles (comma-separated)", draft, |f| &f.add_stakeholders, |f| &mut f.add_stakeholders)}
            </div>
            <label class="field">
                "Recommend (one action per line)"
                <textarea id=format!("rule-{key}-recommend") rows="2"
                    prop:value=move || draft.with(|d| d.form.recommend.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| d.form.recommend = v) }
                ></textarea>
            </label>
        </fieldset>
    }
}

fn condition_row(key: u64, draft: RwSignal<RuleDraft>, j: usize) -> impl IntoView {
    let get = move |f: fn(&Condition) -> String| {
        move || draft.with(|d| d.form.builder.conditions.get(j).map(f).unwrap_or_default())
    };
    let set = move |f: fn(&mut Condition, String)| {
        move |ev| {
            let v = event_target_value(&ev);
            draft.update(|d| {
                if let Some(c) = d.form.builder.conditions.get_mut(j) {
                    f(c, v)
                }
            })
        }
    };
    let op = move || draft.with(|d| d.form.builder.conditions.get(j).map(|c| c.op));
    let n = j + 1;
    view! {
        <li class="row condition">
            <label class="field">
                {format!("Condition {n} fact ")}
                <input id=format!("rule-{key}-fact-{j}") list="rule-facts"
                    prop:value=get(|c| c.fact.clone()) on:input=set(|c, v| c.fact = v) />
            </label>
            <label class="field">
                "operator "
                <select id=format!("rule-{key}-op-{j}") on:change=set(|c, v| c.op = Op::parse(&v).unwrap_or(Op::Eq))>
                    {Op::ALL.into_iter().map(|o| view! {
                        <option value=o.symbol() selected=move || op() == Some(o)>{o.symbol()}</option>
                    }).collect_view()}
                </select>
            </label>
            <label class="field">
                "value "
                <input id=format!("rule-{key}-value-{j}")
                    prop:value=get(|c| c.value.clone()) on:input=set(|c, v| c.value = v) />
            </label>
            <button type="button" id=format!("rule-{key}-remove-condition-{j}") class="secondary"
                aria-label=format!("Remove condition {n}")
                on:click=move |_| draft.update(|d| { if j < d.form.builder.conditions.len() { d.form.builder.conditions.remove(j); } })>
                "Remove"
            </button>
        </li>
    }
}
