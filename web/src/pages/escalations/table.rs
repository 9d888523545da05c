//! The list's table: sortable column headers (buttons, with `aria-sort` on the sorted one)
//! and one row per escalation in the window, its id a link to the detail.

use leptos::prelude::*;

use super::{AsOf, ListState, WindowRows};
use crate::list::{age_label, Row, SortKey};
use crate::nav::{follow, Route};

/// Column headers: the label, and the sort key for the sortable ones.
const COLUMNS: [(&str, Option<SortKey>); 10] = [
    ("Id", Some(SortKey::Id)),
    ("Ticket", None),
    ("Customer", None),
    ("Segment", Some(SortKey::Segment)),
    ("Tier", Some(SortKey::Tier)),
    ("Priority", None),
    ("Status", Some(SortKey::Status)),
    ("Owner", Some(SortKey::Owner)),
    ("SLA", Some(SortKey::Sla)),
    ("Age", Some(SortKey::Age)),
];

fn slug(key: SortKey) -> &'static str {
    match key {
        SortKey::Id => "id",
        SortKey::Tier => "tier",
        SortKey::Status => "status",
        SortKey::Owner => "owner",
        SortKey::Segment => "segment",
        SortKey::Sla => "sla",
        SortKey::Age => "age",
    }
}

#[component]
pub(super) fn Table(state: ListState, window: Memo<WindowRows>, as_of: AsOf) -> impl IntoView {
    let sort = state.sort;
    let caption = move || {
        let s = sort.get();
        let label = COLUMNS
            .iter()
            .find(|(_, k)| *k == Some(s.key))
            .map_or("", |(l, _)| l);
        let dir = if s.descending {
            "descending"
        } else {
            "ascending"
        };
        format!("Escalations, sorted by {label}, {dir}")
    };
    view! {
        <div class="table-wrap">
            <table id="escalation-list">
                <caption class="visually-hidden">{caption}</caption>
                <thead>
                    <tr>
                        {COLUMNS
                            .into_iter()
                            .map(|(label, key)| match key {
                                None => view! { <th scope="col">{label}</th> }.into_any(),
                                Some(key) => header(label, key, state).into_any(),
                            })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=move || {
                            let (generation, rows) = window.get();
                            rows.into_iter().map(move |r| (generation, r))
                        }
                        key=|(generation, r)| (*generation, r.id.clone())
                        children=move |(_, r)| row(r, as_of)
                    />
                </tbody>
            </table>
        </div>
    }
}

fn header(label: &'static str, key: SortKey, state: ListState) -> impl IntoView {
    let sort = state.sort;
    let aria_sort = move || {
        let s = sort.get();
        (s.key == key).then_some(if s.descending {
            "descending"
        } else {
            "ascending"
        })
    };
    let arrow = move || {
        let s = sort.get();
        match (s.key == key, s.descending) {
            (false, _) => "↕",
            (true, true) => "▼",
            (true, false) => "▲",
        }
    };
    view! {
        <th scope="col" aria-sort=aria_sort>
            <button
                type="button"
                class="sort"
                id=format!("sort-{}", slug(key))
                on:click=move |_| state.set_sort(sort.get_untracked().clicked(key))
            >
                {label}
                <span class="sort-arrow" aria-hidden="true">{arrow}</span>
            </button>
        </th>
    }
}

fn row(r: Row, as_of: AsOf) -> impl IntoView {
    let route = Route::Escalation(r.id.clone());
    let unassigned = r.owner.is_empty();
    let owner = if unassigned {
        "unassigned".to_string()
    } else {
        r.owner
    };
    let opened = r.opened_at;
    let link_id = format!("open-{}", r.id);
    view! {
        <tr>
            <td data-label="Id">
                <a href=route.href() id=link_id on:click=follow(route.clone())>
                    {r.id}
                </a>
            </td>
            <td data-label="Ticket">{r.ticket}</td>
            <td data-label="Customer">{r.customer}</td>
            <td data-label="Segment">{r.segment}</td>
            <td data-label="Tier" class="tier">
                <span class=format!("badge tier{}", r.tier.clamp(1, 4))>{r.tier}</span>
            </td>
            <td data-label="Priority">{r.priority}</td>
            <td data-label="Status" class="status">{r.status.as_str().replace('_', " ")}</td>
            <td data-label="Owner" class:muted=unassigned>{owner}</td>
            <td data-label="SLA" class=format!("sla sla-{}", r.sla.slug())>{r.sla.label()}</td>
            <td data-label="Age" class="age">
                <time datetime=opened.map(|t| t.to_string())>
                    {move || age_label(opened, as_of.get())}
                </time>
            </td>
        </tr>
    }
}
