//! Metrics: pickers for the range, dimensions and metrics; `calculate-metrics` answers a
//! table (with CSV export) and two charts, the volume trend and the causes Pareto.

use leptos::prelude::*;
use serde_json::Value;

use super::metrics_charts::BarChart;
use crate::detail::{data_url, error_line};
use crate::metrics::{table, to_csv, MetricsDraft, Table, DIMENSIONS, METRICS};
use crate::shell_env;
use crate::store::use_store;

/// One checkbox a name, ticked when the name is in the draft's `list`.
fn checkboxes(
    draft: RwSignal<MetricsDraft>,
    prefix: &'static str,
    names: &'static [&'static str],
    list: fn(&MetricsDraft) -> &Vec<String>,
    list_mut: fn(&mut MetricsDraft) -> &mut Vec<String>,
) -> impl IntoView {
    names
        .iter()
        .map(|&name| {
            let checked = move || draft.with(|d| list(d).iter().any(|n| n == name));
            view! {
                <label class="check">
                    <input
                        type="checkbox"
                        id=format!("{prefix}-{name}")
                        prop:checked=checked
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            draft.update(|d| MetricsDraft::toggle(list_mut(d), names, name, on));
                        }
                    />
                    {name}
                </label>
            }
        })
        .collect_view()
}

fn table_view(t: Table) -> impl IntoView {
    let Table {
        header,
        rows,
        totals,
    } = t;
    view! {
        <table id="metrics-table" class="list">
            <thead>
                <tr>{header.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|r| {
                        view! {
                            <tr class="metrics-row">
                                {r.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
            <tfoot>
                <tr id="metrics-totals">
                    {totals.into_iter().map(|c| view! { <th>{c}</th> }).collect_view()}
                </tr>
            </tfoot>
        </table>
    }
}

fn trend_points(result: &Value) -> Vec<(String, f64)> {
    result["trend"]["points"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|p| {
            let period = p["period"].as_str().unwrap_or_default().to_string();
            (period, p["count"].as_f64().unwrap_or(0.0))
        })
        .collect()
}

fn cause_points(result: &Value) -> (Vec<(String, f64)>, Vec<f64>) {
    result["causes"]["items"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|c| {
            let cause = c["cause"].as_str().unwrap_or("(none)").to_string();
            let count = c["count"].as_f64().unwrap_or(0.0);
            (
                (cause, count),
                c["cumulative_share"].as_f64().unwrap_or(0.0),
            )
        })
        .unzip()
}

#[component]
pub fn Metrics() -> impl IntoView {
    let store = use_store();
    let draft = RwSignal::new(MetricsDraft::default());
    // Asks again when a picker or the workspace changes; calculate-metrics records nothing.
    let answer = Memo::new(move |_| {
        let d = draft.get();
        store.with(|_| ());
        store.call(&d.request(&shell_env::now().to_string()))
    });
    let result =
        Memo::new(move |_| answer.with(|a| (a["ok"] == true).then(|| a["result"].clone())));
    let csv_href =
        move || result.with(|r| r.as_ref().map(|r| data_url("text/csv", &to_csv(&table(r)))));
    let date = move |id: &'static str, label: &'static str, start: bool| {
        view! {
            <label class="field">
                {label}
                <input
                    type="date"
                    id=id
                    prop:value=move || draft.with(|d| if start { d.start.clone() } else { d.end.clone() })
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        draft.update(|d| if start { d.start = v } else { d.end = v });
                    }
                />
            </label>
        }
    };

    view! {
        <section class="card metrics-pickers" aria-label="What to calculate">
            <div class="row">
                {date("metrics-start", "From (escalation start)", true)}
                {date("metrics-end", "To (inclusive)", false)}
                <label class="field">
                    "Trend by"
                    <select
                        id="metrics-interval"
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            draft.update(|d| d.trend_interval = v);
                        }
                    >
                        <option value="week" selected>"week"</option>
                        <option value="day">"day"</option>
                    </select>
                </label>
            </div>
            <fieldset>
                <legend>"Group by"</legend>
                <div class="row">{checkboxes(draft, "dim", &DIMENSIONS, |d| &d.dimensions, |d| &mut d.dimensions)}</div>
            </fieldset>
            <fieldset>
                <legend>"Metrics"</legend>
                <div class="row">{checkboxes(draft, "metric", &METRICS, |d| &d.metrics, |d| &mut d.metrics)}</div>
            </fieldset>
        </section>
        <p id="metrics-error" role="alert" class="error">{move || answer.with(error_line)}</p>
        {move || {
            result
                .get()
                .map(|r| {
                    let (causes, shares) = cause_points(&r);
                    let interval = r["trend"]["interval"].as_str().unwrap_or("week").to_string();
                    view! {
                        <p class="muted" id="metrics-summary">
                            {format!(
                                "{} escalations started in the range (time zone {}).",
                                r["escalations"],
                                r["date_range"]["timezone"].as_str().unwrap_or("UTC"),
                            )}
                        </p>
                        {table_view(table(&r))}
                        <p>
                            <a
                                id="metrics-csv"
                                class="button"
                                download="escalon-metrics.csv"
                                href=csv_href
                            >
                                "Download CSV"
                            </a>
                        </p>
                        <div class="charts">
                            <BarChart
                                id="chart-trend"
                                title=format!("Escalations started per {interval}")
                                points=trend_points(&r)
                            />
                            <BarChart
                                id="chart-causes"
                                title="Top root causes (Pareto, line: cumulative share)".to_string()
                                points=causes
                                shares=shares
                            />
                        </div>
                    }
                })
        }}
    }
}
