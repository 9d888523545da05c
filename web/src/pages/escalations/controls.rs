//! The search box and the filters above the list. Every control has a visible label, and the
//! selects show the chosen value through `prop:selected`, so "Clear" and coming back from a
//! detail page both show what the list is filtered by.

use escalon::scales::Status;
use leptos::prelude::*;

use super::{ListState, Options};
use crate::list::{Filter, SlaState};

/// A select's value for "any": the filter is off.
const ANY: &str = "";
/// A select's value for "none given" (unassigned, segment unknown). Real values are sent
/// with a `=` prefix, so no owner's name can collide with either.
const MISSING: &str = "~";

fn text_choice(value: &str) -> Option<String> {
    match value {
        ANY => None,
        MISSING => Some(String::new()),
        v => Some(v.strip_prefix('=').unwrap_or(v).to_string()),
    }
}

fn text_value(choice: &str) -> String {
    if choice.is_empty() {
        MISSING.to_string()
    } else {
        format!("={choice}")
    }
}

#[component]
pub(super) fn Controls(state: ListState, options: Signal<Options>) -> impl IntoView {
    let filter = state.filter;
    let on_change = move |apply: fn(&mut Filter, &str)| {
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            state.set_filter(|f| apply(f, &v));
        }
    };
    // One select over text values (owner, segment) with "any" and "none given" choices.
    let text_select = move |id: &'static str,
                            label: &'static str,
                            any: &'static str,
                            missing: &'static str,
                            values: fn(&Options) -> &Vec<String>,
                            chosen: fn(&Filter) -> Option<&String>,
                            apply: fn(&mut Filter, &str)| {
        let is = move |c: Option<&str>| filter.with(|f| chosen(f).map(String::as_str) == c);
        view! {
            <label class="field">
                {label}
                <select id=id on:change=on_change(apply)>
                    <option value=ANY prop:selected=move || is(None)>{any}</option>
                    <option value=MISSING prop:selected=move || is(Some(""))>{missing}</option>
                    {move || {
                        options
                            .with(|o| values(o).clone())
                            .into_iter()
                            .map(|v| {
                                let value = text_value(&v);
                                let shown = v.clone();
                                view! {
                                    <option value=value prop:selected=move || is(Some(&v))>
                                        {shown}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </label>
        }
    };
    view! {
        <form
            class="list-controls"
            role="search"
            aria-label="Search and filter escalations"
            on:submit=|ev| ev.prevent_default()
        >
            <label class="field search">
                "Search"
                <input
                    id="escalation-search"
                    type="search"
                    autocomplete="off"
                    placeholder="id, ticket, customer, owner, text"
                    prop:value=move || filter.with(|f| f.query.clone())
                    on:input=on_change(|f, v| f.query = v.to_string())
                />
            </label>
            <label class="field">
                "Tier"
                <select id="filter-tier" on:change=on_change(|f, v| f.tier = v.parse().ok())>
                    <option value=ANY prop:selected=move || filter.with(|f| f.tier.is_none())>
                        "All tiers"
                    </option>
                    {move || {
                        options
                            .with(|o| o.tiers.clone())
                            .into_iter()
                            .map(|t| {
                                view! {
                                    <option
                                        value=t.to_string()
                                        prop:selected=move || filter.with(|f| f.tier == Some(t))
                                    >
                                        {format!("Tier {t}")}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </label>
            <label class="field">
                "Status"
                <select
                    id="filter-status"
                    on:change=on_change(|f, v| {
                        f.status = Status::ALL.iter().copied().find(|s| s.as_str() == v)
                    })
                >
                    <option value=ANY prop:selected=move || filter.with(|f| f.status.is_none())>
                        "All statuses"
                    </option>
                    {Status::ALL
                        .iter()
                        .map(|&s| {
                            view! {
                                <option
                                    value=s.as_str()
                                    prop:selected=move || filter.with(|f| f.status == Some(s))
                                >
                                    {s.as_str().replace('_', " ")}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            {text_select(
                "filter-owner",
                "Owner",
                "All owners",
                "Unassigned",
                |o| &o.owners,
                |f| f.owner.as_ref(),
                |f, v| f.owner = text_choice(v),
            )}
            {text_select(
                "filter-segment",
                "Segment",
                "All segments",
                "Segment unknown",
                |o| &o.segments,
                |f| f.segment.as_ref(),
                |f, v| f.segment = text_choice(v),
            )}
            <label class="field">
                "SLA state"
                <select
                    id="filter-sla"
                    on:change=on_change(|f, v| f.sla = SlaState::from_slug(v))
                >
                    <option value=ANY prop:selected=move || filter.with(|f| f.sla.is_none())>
                        "All SLA states"
                    </option>
                    {SlaState::ALL
                        .into_iter()
                        .map(|s| {
                            view! {
                                <option
                                    value=s.slug()
                                    prop:selected=move || filter.with(|f| f.sla == Some(s))
                                >
                                    {s.label()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <button
                type="button"
                id="clear-filters"
                class="secondary"
                on:click=move |_| state.set_filter(|f| *f = Filter::default())
            >
                "Clear search and filters"
            </button>
        </form>
    }
}
