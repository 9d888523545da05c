//! Settings > Calendars: the config's business-hours calendars (the built-ins shown
//! read-only), each with a time zone, windows per weekday and holidays.
//!
//! The form is re-rendered only when its shape changes (a calendar, window or holiday added
//! or removed, the 24/7 toggle); typing updates the draft in place, so focus stays put.

use leptos::prelude::*;

use super::form::update_bar;
use crate::settings::calendar::{
    drafts_of, section_value, CalendarDraft, HolidayDraft, WindowDraft, BUILT_INS, COMMON_ZONES,
    DAYS,
};
use crate::store::use_store;

type Drafts = RwSignal<Vec<CalendarDraft>>;

#[component]
pub fn CalendarsSettings() -> impl IntoView {
    let store = use_store();
    let drafts: Drafts = RwSignal::new(store.with(|ws| drafts_of(&ws.config)));
    let shape = Memo::new(move |_| {
        drafts.with(|list| {
            list.iter()
                .map(|c| {
                    let days: Vec<usize> = c.days.iter().map(Vec::len).collect();
                    (c.stored, c.always, days, c.holidays.len())
                })
                .collect::<Vec<_>>()
        })
    });
    let add = move |_| {
        drafts.update(|list| {
            let n = list.len() + 1;
            list.push(CalendarDraft::new(&format!("calendar-{n}")))
        })
    };
    let on_saved = move || drafts.update(|list| list.iter_mut().for_each(|c| c.stored = true));
    view! {
        <p class="hint">
            "SLA clocks count business time on a calendar. Built in: "
            {BUILT_INS
                .iter()
                .map(|(name, what)| view! { <strong>{*name}</strong> " (" {*what} ") " })
                .collect_view()}
            "A calendar here with a built-in's name replaces it."
        </p>
        <datalist id="tz-list">
            {COMMON_ZONES.iter().map(|z| view! { <option value=*z></option> }).collect_view()}
        </datalist>
        <form class="settings-form" on:submit=|ev| ev.prevent_default()>
            {move || {
                let count = shape.with(Vec::len);
                if count == 0 {
                    return view! { <p class="hint">"No calendars of your own yet."</p> }.into_any();
                }
                (0..count).map(|i| calendar_editor(drafts, i)).collect_view().into_any()
            }}
            <button type="button" id="cal-add" on:click=add>
                "Add calendar"
            </button>
        </form>
        {update_bar(
            "cal",
            "calendars",
            move || drafts.with(|list| section_value(list)),
            on_saved,
        )}
    }
}

fn calendar_editor(drafts: Drafts, i: usize) -> impl IntoView {
    let get = move |f: fn(&CalendarDraft) -> String| {
        move || drafts.with(|l| l.get(i).map(f).unwrap_or_default())
    };
    let (stored, always) = drafts.with_untracked(|l| (l[i].stored, l[i].always));
    let name_id = format!("cal-{i}-name");
    let legend_name = get(|c| c.name.clone());
    view! {
        <fieldset class="calendar" id=format!("cal-{i}")>
            <legend>"Calendar " {legend_name}</legend>
            <label class="field">
                "Name"
                <input
                    id=name_id
                    prop:value=get(|c| c.name.clone())
                    readonly=stored
                    aria-describedby=stored.then(|| format!("cal-{i}-name-hint"))
                    on:input=move |ev| drafts.update(|l| l[i].name = event_target_value(&ev))
                />
            </label>
            {stored.then(|| view! {
                <p class="hint" id=format!("cal-{i}-name-hint")>
                    "Saved calendars keep their name: SLA policies refer to it."
                </p>
            })}
            <label class="check">
                <input
                    type="checkbox"
                    id=format!("cal-{i}-always")
                    prop:checked=always
                    on:change=move |ev| drafts.update(|l| l[i].always = event_target_checked(&ev))
                />
                " 24/7 (every minute counts)"
            </label>
            {(!always).then(|| weekly_editor(drafts, i))}
            <button
                type="button"
                id=format!("cal-{i}-delete")
                on:click=move |_| drafts.update(|l| { l.remove(i); })
            >
                "Delete calendar " {get(|c| c.name.clone())}
            </button>
        </fieldset>
    }
}

fn weekly_editor(drafts: Drafts, i: usize) -> impl IntoView {
    let holidays = drafts.with_untracked(|l| l[i].holidays.len());
    view! {
        <label class="field">
            "Time zone (IANA name)"
            <input
                id=format!("cal-{i}-tz")
                list="tz-list"
                autocomplete="off"
                prop:value=move || drafts.with(|l| l.get(i).map(|c| c.timezone.clone()).unwrap_or_default())
                on:input=move |ev| drafts.update(|l| l[i].timezone = event_target_value(&ev))
            />
        </label>
        {DAYS
            .iter()
            .enumerate()
            .map(|(d, (key, label))| day_editor(drafts, i, d, key, label))
            .collect_view()}
        <fieldset class="holidays">
            <legend>"Holidays (no windows start on these dates)"</legend>
            {(0..holidays).map(|h| holiday_editor(drafts, i, h)).collect_view()}
            <button
                type="button"
                id=format!("cal-{i}-holiday-add")
                on:click=move |_| drafts.update(|l| l[i].holidays.push(HolidayDraft {
                    date: String::new(),
                    yearly: false,
                }))
            >
                "Add holiday"
            </button>
        </fieldset>
    }
}

fn day_editor(
    drafts: Drafts,
    i: usize,
    d: usize,
    key: &'static str,
    label: &'static str,
) -> impl IntoView {
    let windows = drafts.with_untracked(|l| l[i].days[d].len());
    let next_day = DAYS[(d + 1) % 7].1;
    view! {
        <fieldset class="day" id=format!("cal-{i}-{key}")>
            <legend>{label}</legend>
            {(windows == 0).then(|| view! { <span class="hint">"Closed. "</span> })}
            {(0..windows)
                .map(|w| {
                    let at = move |l: &Vec<CalendarDraft>| l.get(i).and_then(|c| c.days[d].get(w)).cloned();
                    let field = move |f: fn(&WindowDraft) -> String| {
                        move || drafts.with(|l| at(l).map(|x| f(&x)).unwrap_or_default())
                    };
                    let id = format!("cal-{i}-{key}-{w}");
                    view! {
                        <div class="window">
                            <label>
                                "From "
                                <input
                                    type="time"
                                    id=format!("{id}-start")
                                    prop:value=field(|x| x.start.clone())
                                    on:input=move |ev| drafts.update(|l| l[i].days[d][w].start = event_target_value(&ev))
                                />
                            </label>
                            " "
                            <label>
                                "to "
                                <input
                                    type="time"
                                    id=format!("{id}-end")
                                    prop:value=field(|x| x.end.clone())
                                    on:input=move |ev| drafts.update(|l| l[i].days[d][w].end = event_target_value(&ev))
                                />
                            </label>
                            " "
                            <span class="hint" id=format!("{id}-hint") aria-live="polite">
                                {move || {
                                    drafts
                                        .with(|l| at(l).is_some_and(|x| x.crosses_midnight()))
                                        .then(|| format!("Ends after midnight, on {next_day}."))
                                }}
                            </span>
                            " "
                            <button
                                type="button"
                                id=format!("{id}-remove")
                                aria-label=format!("Remove {label} window {}", w + 1)
                                on:click=move |_| drafts.update(|l| { l[i].days[d].remove(w); })
                            >
                                "Remove"
                            </button>
                        </div>
                    }
                })
                .collect_view()}
            <button
                type="button"
                id=format!("cal-{i}-{key}-add")
                aria-label=format!("Add a {label} window")
                on:click=move |_| drafts.update(|l| l[i].days[d].push(WindowDraft {
                    start: "09:00".into(),
                    end: "17:00".into(),
                }))
            >
                "Add window"
            </button>
        </fieldset>
    }
}

fn holiday_editor(drafts: Drafts, i: usize, h: usize) -> impl IntoView {
    let id = format!("cal-{i}-holiday-{h}");
    let at = move |l: &Vec<CalendarDraft>| l.get(i).and_then(|c| c.holidays.get(h)).cloned();
    view! {
        <div class="holiday">
            <label>
                "Date "
                <input
                    type="date"
                    id=format!("{id}-date")
                    prop:value=move || drafts.with(|l| at(l).map(|x| x.date).unwrap_or_default())
                    on:input=move |ev| drafts.update(|l| l[i].holidays[h].date = event_target_value(&ev))
                />
            </label>
            " "
            <label>
                <input
                    type="checkbox"
                    id=format!("{id}-yearly")
                    prop:checked=move || drafts.with(|l| at(l).is_some_and(|x| x.yearly))
                    on:change=move |ev| drafts.update(|l| l[i].holidays[h].yearly = event_target_checked(&ev))
                />
                " every year"
            </label>
            " "
            <button
                type="button"
                id=format!("{id}-remove")
                on:click=move |_| drafts.update(|l| { l[i].holidays.remove(h); })
            >
                "Remove holiday"
            </button>
        </div>
    }
}
