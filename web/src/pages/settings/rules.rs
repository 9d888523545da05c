//! Rules: every rule of the config, each in the builder or as raw JSON, saved together as the
//! `rules` section (their order is the order they are evaluated in).

use escalon::config::Rule;
use leptos::prelude::*;

use crate::settings_model::rule_builder::FACTS;
use crate::settings_model::rule_draft::RuleDraft;
use crate::settings_model::update_config_request;
use crate::shell_env;
use crate::store::use_store;

use super::edit_status::status_view;
use super::form::preview_button;
use super::open_section::Saver;
use super::rule_editor::RuleEditor;

type Rows = Vec<(u64, RwSignal<RuleDraft>)>;

/// Rows keyed from `start`, so each row's DOM ids stay its own while the list changes.
fn rows_of(rules: &[Rule], start: u64) -> Rows {
    rules
        .iter()
        .enumerate()
        .map(|(i, r)| (start + i as u64, RwSignal::new(RuleDraft::from_rule(r))))
        .collect()
}

#[component]
pub fn RulesSettings() -> impl IntoView {
    let store = use_store();
    let saver = Saver::new();
    let rows = RwSignal::new(store.with(|ws| rows_of(&ws.config.rules, 0)));
    // Keys only grow, so a removed rule's DOM ids are never reused by a new one.
    let next_key = StoredValue::new(rows.with_untracked(Vec::len) as u64);
    let status = RwSignal::new(None::<Result<String, String>>);
    let add = move |_| {
        let ids: Vec<String> = rows.with_untracked(|r| {
            r.iter()
                .map(|(_, d)| d.with_untracked(RuleDraft::id))
                .collect()
        });
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        rows.update(|r| r.push((key, RwSignal::new(RuleDraft::new_rule(&ids)))));
    };
    let remove = Callback::new(move |key: u64| rows.update(|r| r.retain(|(k, _)| *k != key)));
    let value = move || {
        rows.with_untracked(|r| {
            r.iter()
                .enumerate()
                .map(|(i, (_, d))| d.with_untracked(|d| d.to_value(&format!("rules[{i}]"))))
                .collect::<Result<Vec<_>, _>>()
        })
        .map(serde_json::Value::from)
    };
    let save = move |_| {
        let outcome = value().and_then(|v| {
            let req = update_config_request("rules", v, &shell_env::now().to_string());
            saver.save(&req)
        });
        status.set(Some(outcome));
    };
    let discard = move |_| {
        let start = next_key.get_value();
        let fresh = store.with(|ws| rows_of(&ws.config.rules, start));
        next_key.set_value(start + fresh.len() as u64);
        rows.set(fresh);
        status.set(None);
    };
    view! {
        <p class="hint">
            "Every matching rule applies its effect. A condition reads the decision's facts, e.g. "
            <code>"facts.severity_rank >= 2"</code>
            "; conditions the builder cannot show stay editable as JSON (JSON Logic)."
        </p>
        <datalist id="rule-facts">
            {FACTS.iter().map(|(f, hint)| view! { <option value=*f>{*hint}</option> }).collect_view()}
        </datalist>
        <For each=move || rows.get() key=|(k, _)| *k let((key, draft))>
            <RuleEditor key=key draft=draft on_remove=remove />
        </For>
        <button type="button" id="rules-add" class="secondary" on:click=add>"Add rule"</button>
        " "
        <button type="button" id="rules-save" on:click=save>"Save rules"</button>
        " "
        <button type="button" id="rules-discard" class="secondary" on:click=discard>"Discard changes"</button>
        " "
        {preview_button("rules", "rules", value)}
        {status_view("rules-status", status)}
    }
}
