//! The escalations list: search, filters and sortable columns over every escalation, shown a
//! window of rows at a time so 10,000 escalations stay responsive.
//!
//! Three memos, each redone only when its inputs change: the rows (one fold and one SLA pass
//! per workspace revision or minute), their order (per sort), the filtered order (per
//! keystroke or filter, a linear pass over the sorted indices). Only the window is rendered.

mod controls;
mod table;

use std::time::Duration;

use jiff::Timestamp;
use leptos::prelude::*;

use crate::list::{self, Filter, Row, Sort};
use crate::shell_env;
use crate::store::use_store;
use controls::Controls;
use table::Table;

/// Rows rendered at first and added by each "show more".
const WINDOW: usize = 100;

/// What the user chose, kept by [`crate::App`] so it is still there on coming back from an
/// escalation's detail.
#[derive(Clone, Copy)]
pub struct ListState {
    filter: RwSignal<Filter>,
    sort: RwSignal<Sort>,
    shown: RwSignal<usize>,
}

impl ListState {
    pub fn new() -> Self {
        Self {
            filter: RwSignal::new(Filter::default()),
            sort: RwSignal::new(Sort::default()),
            shown: RwSignal::new(WINDOW),
        }
    }

    /// Changes the filter and starts the window again from the top.
    fn set_filter(&self, change: impl FnOnce(&mut Filter)) {
        self.filter.update(change);
        self.shown.set(WINDOW);
    }

    fn set_sort(&self, sort: Sort) {
        self.sort.set(sort);
        self.shown.set(WINDOW);
    }
}

impl Default for ListState {
    fn default() -> Self {
        Self::new()
    }
}

/// The rows with a generation that changes whenever they are re-folded, so the table knows
/// a row with the same id may now read differently.
#[derive(Default)]
struct Folded {
    generation: u64,
    rows: Vec<Row>,
}

#[component]
pub fn Escalations() -> impl IntoView {
    let store = use_store();
    let state = use_context::<ListState>().unwrap_or_default();
    // SLA states and ages move with time: re-read them each minute.
    let as_of = RwSignal::new(shell_env::now());
    if let Ok(handle) = set_interval_with_handle(
        move || {
            as_of.try_set(shell_env::now());
        },
        Duration::from_secs(60),
    ) {
        on_cleanup(move || handle.clear());
    }
    let folded = Memo::new_with_compare(
        move |prev: Option<&Folded>| Folded {
            generation: prev.map_or(0, |p| p.generation + 1),
            rows: store.with(|ws| list::rows(ws, as_of.get())),
        },
        |_, _| true,
    );
    let order = Memo::new_with_compare(
        move |_| {
            let sort = state.sort.get();
            folded.with(|f| list::sorted(&f.rows, sort))
        },
        |_, _| true,
    );
    let matching = Memo::new_with_compare(
        move |_| {
            state
                .filter
                .with(|filter| folded.with(|f| order.with(|o| list::filtered(&f.rows, o, filter))))
        },
        |_, _| true,
    );
    let count = Memo::new(move |_| matching.with(Vec::len));
    let window = Memo::new_with_compare(
        move |_| {
            let n = state.shown.get();
            folded.with(|f| {
                matching.with(|m| {
                    let rows = m.iter().take(n).map(|&i| f.rows[i].clone()).collect();
                    (f.generation, rows)
                })
            })
        },
        |_, _| true,
    );
    let opts = Memo::new(move |_| folded.with(|f| options(&f.rows)));
    let more = move || count.get().saturating_sub(state.shown.get());
    view! {
        <Controls state options=opts.into() />
        <p class="muted" data-testid="escalation-count" aria-live="polite">
            {move || {
                let (n, shown) = (count.get(), state.shown.get());
                if n > shown {
                    format!("{n} escalations, the first {shown} shown")
                } else {
                    format!("{n} escalations")
                }
            }}
        </p>
        <Table state window as_of=as_of.into() />
        <Show when=move || { count.get() == 0 }>
            <p id="list-empty">"No escalation matches the search and filters."</p>
        </Show>
        <Show when=move || { more() > 0 }>
            <button
                type="button"
                id="show-more"
                class="secondary"
                on:click=move |_| state.shown.update(|n| *n += WINDOW)
            >
                {move || format!("Show {} more", more().min(WINDOW))}
            </button>
        </Show>
    }
}

/// The values a filter can offer, read from the rows present.
#[derive(Clone, PartialEq, Default)]
pub(crate) struct Options {
    tiers: Vec<u8>,
    owners: Vec<String>,
    segments: Vec<String>,
}

fn options(rows: &[Row]) -> Options {
    let mut tiers: Vec<u8> = rows.iter().map(|r| r.tier).collect();
    escalon::sort::sort(&mut tiers);
    tiers.dedup();
    Options {
        tiers,
        owners: list::distinct(rows, |r| &r.owner),
        segments: list::distinct(rows, |r| &r.segment),
    }
}

/// The table's input: the rows in the window, with the generation they were folded in.
type WindowRows = (u64, Vec<Row>);

/// Read by the table for the age column; the same instant the SLA states were computed at.
type AsOf = Signal<Timestamp>;
