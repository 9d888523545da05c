//! The dashboard: KPI tiles with their targets, the at-risk list and five charts, all read
//! from the engine's answers (`crate::dashboard`) at the browser's `now`. The door calls
//! run once per store revision (a memo), and the page says how long they took.

mod charts;

use leptos::prelude::*;

use crate::dashboard::{format, open_escalations, snapshot, RiskRow, Snapshot, Tile};
use crate::nav::{follow, Route};
use crate::shell_env;
use crate::store::use_store;
use charts::DashChart;

/// Rows of the at-risk list shown; the tiles count them all.
const RISK_ROWS: usize = 50;

/// A link to an escalation's detail page: the dashboard's one way to navigate.
fn escalation_link(id: String) -> impl IntoView {
    let route = Route::Escalation(id.clone());
    let dom_id = format!("risk-open-{id}");
    view! {
        <a href=route.href() id=dom_id on:click=follow(route.clone())>{id}</a>
    }
}

/// Milliseconds from a monotonic clock, to time the door calls (0 natively: never shown).
fn clock_ms() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let perf = js_sys::Reflect::get(&js_sys::global(), &"performance".into()).ok();
        let now = perf
            .as_ref()
            .and_then(|p| js_sys::Reflect::get(p, &"now".into()).ok())
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        match (perf, now) {
            (Some(p), Some(f)) => f.call0(&p).ok().and_then(|v| v.as_f64()).unwrap_or(0.0),
            _ => js_sys::Date::now(),
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0.0
    }
}

#[component]
pub fn Dashboard() -> impl IntoView {
    let store = use_store();
    let snap = Memo::new(move |_| {
        let open = store.with(open_escalations);
        let started = clock_ms();
        let result = snapshot(&open, shell_env::now(), |r| store.call(r));
        (result, clock_ms() - started)
    });
    move || match snap.get() {
        (Err(e), _) => view! {
            <p class="error" role="alert" id="dash-error">
                {format!("The dashboard could not be computed: {e}")}
            </p>
        }
        .into_any(),
        (Ok(s), ms) => view! { <DashboardView snap=s ms=ms /> }.into_any(),
    }
}

#[component]
fn DashboardView(snap: Snapshot, ms: f64) -> impl IntoView {
    let shown = snap.at_risk.len().min(RISK_ROWS);
    let more = snap.at_risk.len() - shown;
    view! {
        <section class="tiles" aria-label="Key figures">
            {snap.tiles.into_iter().map(|t| view! { <TileView tile=t /> }).collect_view()}
        </section>
        <p class="muted" id="dash-timing" data-ms=format!("{ms:.1}") data-calls=snap.calls>
            {format!(
                "Figures at {} UTC; {} engine calls took {ms:.0} ms.",
                escalon::time_text::utc(snap.now, false),
                format::count(snap.calls as u64),
            )}
        </p>
        <section class="at-risk" aria-labelledby="at-risk-title">
            <h3 id="at-risk-title">"At risk and breached"</h3>
            {if snap.at_risk.is_empty() {
                view! { <p class="muted" id="at-risk-empty">"No open escalation has a clock in warning or breached."</p> }
                    .into_any()
            } else {
                let rows = snap.at_risk.into_iter().take(shown).map(|r| view! { <RiskLine row=r /> }).collect_view();
                view! {
                    <table class="list" id="at-risk">
                        <thead>
                            <tr>
                                <th scope="col">"Id"</th>
                                <th scope="col">"Customer"</th>
                                <th scope="col">"Tier"</th>
                                <th scope="col">"Clock"</th>
                                <th scope="col">"State"</th>
                                <th scope="col">"Time left"</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                    {(more > 0).then(|| view! { <p class="muted">{format!("and {} more", format::count(more as u64))}</p> })}
                }
                .into_any()
            }}
        </section>
        <section class="charts dash-charts" aria-label="Charts">
            {snap.charts.into_iter().map(|c| view! { <DashChart chart=c /> }).collect_view()}
        </section>
    }
}

#[component]
fn TileView(tile: Tile) -> impl IntoView {
    let verdict = tile.target.as_ref().map(|t| match t.met {
        Some(true) => ("met", "target met"),
        Some(false) => ("missed", "target missed"),
        None => ("unknown", "nothing to judge yet"),
    });
    let class = format!(
        "tile{}",
        verdict.map_or(String::new(), |v| format!(" target-{}", v.0))
    );
    view! {
        <div class=class>
            <span class="label">{tile.label}</span>
            <span class="value" data-testid=tile.id.clone()>{tile.value}</span>
            {tile.note.map(|n| view! { <span class="note">{n}</span> })}
            {tile.target.map(|t| {
                let (_, word) = verdict.unwrap_or(("", ""));
                view! { <span class="target" data-testid=format!("{}-target", tile.id)>{format!("{}: {word}", t.text)}</span> }
            })}
        </div>
    }
}

#[component]
fn RiskLine(row: RiskRow) -> impl IntoView {
    view! {
        <tr class=format!("risk-{}", row.risk.as_str()) data-testid="risk-row">
            <td>{escalation_link(row.id)}</td>
            <td>{row.customer}</td>
            <td>{row.tier}</td>
            <td>{row.clock.replace('_', " ")}</td>
            <td>{row.risk.as_str()}</td>
            <td>{format::time_left(row.seconds_left)}</td>
        </tr>
    }
}
