//! Settings > SLA policies: per tier 1-4, the three clocks (first response, next update,
//! resolution) with target, calendar, pause states, warning thresholds, start and stop
//! events and what a tier change does. A tier nobody configured shows its defaults.

use escalon::sla::ClockKind;
use leptos::prelude::*;

use super::form::update_bar;
use crate::settings::sla::{
    calendar_names, drafts_of, kind_key, kind_label, pausable_statuses, section_value, ClockDraft,
    TierDraft, INLINE, ON_TIER_CHANGE,
};
use crate::store::use_store;

type Drafts = RwSignal<Vec<TierDraft>>;

#[component]
pub fn SlaSettings() -> impl IntoView {
    let store = use_store();
    let drafts: Drafts = RwSignal::new(store.with(|ws| drafts_of(&ws.config)));
    let calendars = Memo::new(move |_| store.with(|ws| calendar_names(&ws.config)));
    // One tier at a time keeps the form short; the others keep their edits while hidden.
    let shown = RwSignal::new(0usize);
    let tiers = drafts.with_untracked(|d| d.iter().map(|t| t.tier).collect::<Vec<_>>());
    view! {
        <p class="hint">
            "Targets are business minutes of the clock's calendar. A clock stops at the first "
            "event or status named in \"stops on\"; left empty, the clock's usual events apply."
        </p>
        <div class="subtabs" role="group" aria-label="Tier">
            {tiers
                .iter()
                .enumerate()
                .map(|(t, tier)| {
                    view! {
                        <button
                            type="button"
                            id=format!("sla-tier-{tier}")
                            data-not-an-edit
                            class:active=move || shown.get() == t
                            aria-pressed=move || (shown.get() == t).to_string()
                            on:click=move |_| shown.set(t)
                        >
                            {format!("Tier {tier}")}
                        </button>
                    }
                })
                .collect_view()}
        </div>
        <form class="settings-form" on:submit=|ev| ev.prevent_default()>
            {(0..tiers.len()).map(|t| tier_editor(drafts, calendars, shown, t)).collect_view()}
        </form>
        {update_bar("sla", "sla_policies", move || drafts.with(|d| section_value(d)), || {})}
    }
}

fn tier_editor(
    drafts: Drafts,
    calendars: Memo<Vec<String>>,
    shown: RwSignal<usize>,
    t: usize,
) -> impl IntoView {
    let tier = drafts.with_untracked(|d| d[t].tier);
    view! {
        <fieldset class="sla-tier" id=format!("sla-t{tier}") hidden=move || shown.get() != t>
            <legend>"Tier " {tier}</legend>
            <div class="sla-clocks">
                {ClockKind::ALL
                    .iter()
                    .enumerate()
                    .map(|(c, kind)| clock_editor(drafts, calendars, t, tier, c, *kind))
                    .collect_view()}
            </div>
        </fieldset>
    }
}

fn clock_editor(
    drafts: Drafts,
    calendars: Memo<Vec<String>>,
    t: usize,
    tier: u8,
    c: usize,
    kind: ClockKind,
) -> impl IntoView {
    let id = format!("sla-t{tier}-{}", kind_key(kind));
    let read = move |f: fn(&ClockDraft) -> String| move || drafts.with(|d| f(&d[t].clocks[c]));
    let write = move |f: fn(&mut ClockDraft, String)| {
        move |ev: leptos::ev::Event| {
            drafts.update(|d| f(&mut d[t].clocks[c], event_target_value(&ev)))
        }
    };
    let inline = drafts.with_untracked(|d| d[t].clocks[c].has_inline_calendar());
    let defaults = format!(
        "Usual start: {}. Usual stop: {}.",
        kind.default_starts_on().join(", "),
        kind.default_stops_on().join(", ")
    );
    view! {
        <fieldset class="sla-clock" id=id.clone()>
            <legend>{format!("Tier {tier}: {}", kind_label(kind))}</legend>
            <label class="field">
                "Target (minutes)"
                <input
                    type="number"
                    min="0"
                    id=format!("{id}-target")
                    prop:value=read(|x| x.target_minutes.clone())
                    on:input=write(|x, v| x.target_minutes = v)
                />
            </label>
            <label class="field">
                "Calendar"
                <select id=format!("{id}-calendar") on:change=write(|x, v| x.calendar = v)>
                    {inline.then(|| view! { <option value=INLINE selected=true>"(inline calendar)"</option> })}
                    {move || {
                        calendars
                            .get()
                            .into_iter()
                            .map(|name| {
                                let selected = drafts.with(|d| d[t].clocks[c].calendar == name);
                                view! { <option value=name.clone() selected=selected>{name.clone()}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </label>
            <fieldset class="pause-states">
                <legend>"Paused while the status is"</legend>
                {pausable_statuses()
                    .into_iter()
                    .map(|s| {
                        view! {
                            <label class="check">
                                <input
                                    type="checkbox"
                                    id=format!("{id}-pause-{s}")
                                    prop:checked=move || drafts.with(|d| d[t].clocks[c].pause_states.iter().any(|p| p == s))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        drafts.update(|d| d[t].clocks[c].toggle_pause(s, on))
                                    }
                                />
                                " " {s.replace('_', " ")}
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <label class="field">
                "Warn at (% of target, comma-separated)"
                <input id=format!("{id}-warn") prop:value=read(|x| x.warn_at.clone()) on:input=write(|x, v| x.warn_at = v) />
            </label>
            <label class="field">
                "Starts on (events or statuses; empty: usual)"
                <input
                    id=format!("{id}-starts")
                    aria-describedby=format!("{id}-defaults")
                    prop:value=read(|x| x.starts_on.clone())
                    on:input=write(|x, v| x.starts_on = v)
                />
            </label>
            <label class="field">
                "Stops on (events or statuses; empty: usual)"
                <input
                    id=format!("{id}-stops")
                    aria-describedby=format!("{id}-defaults")
                    prop:value=read(|x| x.stops_on.clone())
                    on:input=write(|x, v| x.stops_on = v)
                />
            </label>
            <p class="hint" id=format!("{id}-defaults")>{defaults}</p>
            <label class="field">
                "On a tier change"
                <select id=format!("{id}-ontier") on:change=write(|x, v| x.on_tier_change = v)>
                    {ON_TIER_CHANGE
                        .iter()
                        .map(|(value, text)| {
                            let selected = drafts.with_untracked(|d| d[t].clocks[c].on_tier_change == *value);
                            view! { <option value=*value selected=selected>{*text}</option> }
                        })
                        .collect_view()}
                </select>
            </label>
        </fieldset>
    }
}
