//! The dashboard's charts as inline SVG (no chart library), geometry from
//! `crate::metrics` and data from `crate::dashboard::charts`. Each is an image with a title
//! and a label for screen readers, a visible one-line summary, and its figures as a
//! visually hidden table.

use leptos::prelude::*;

use crate::dashboard::{Chart, Shape, Unit};
use crate::metrics::{
    bars_scaled, cumulative_line, fit_label, grouped_bars, hbars, ticks, Bar, Plot,
};

fn f1(v: f64) -> String {
    format!("{v:.1}")
}

fn rect(b: &Bar, class: String, tip: String) -> impl IntoView {
    view! {
        <rect class=class x=f1(b.x) y=f1(b.y) width=f1(b.width) height=f1(b.height)>
            <title>{tip}</title>
        </rect>
    }
}

/// A slanted category label under a vertical bar and its value above it.
fn bar_texts(b: &Bar, unit: Unit, base: f64) -> impl IntoView {
    let (lx, ly) = (b.center(), base + 12.0);
    b.show_label.then(|| {
        view! {
            <text class="bar-label" x=f1(lx) y=f1(ly) text-anchor="end"
                transform=format!("rotate(-35 {} {})", f1(lx), f1(ly))>
                {fit_label(&b.label, 14)}
            </text>
            <text class="bar-value" x=f1(lx) y=f1(b.y - 4.0) text-anchor="middle">
                {unit.show(b.value)}
            </text>
        }
    })
}

fn vertical(chart: &Chart, plot: &Plot, max: f64) -> AnyView {
    let unit = chart.unit;
    match &chart.shape {
        Shape::Bars { points, cumulative } => {
            let drawn = bars_scaled(points, plot, Some(max));
            let line = cumulative
                .as_deref()
                .map(|s| cumulative_line(&drawn, s, plot))
                .filter(|l| !l.is_empty());
            let base = plot.baseline();
            let bars = drawn
                .iter()
                .map(|b| {
                    let tip = format!("{}: {}", b.label, unit.show(b.value));
                    view! { <g>{rect(b, "bar".into(), tip)}{bar_texts(b, unit, base)}</g> }
                })
                .collect_view();
            view! {
                {bars}
                {line.map(|points| view! { <polyline class="cumulative" points=points></polyline> })}
            }
            .into_any()
        }
        Shape::Grouped {
            labels,
            series,
            values,
        } => {
            let base = plot.baseline();
            let slot = (plot.width - 2.0 * plot.side) / labels.len().max(1) as f64;
            let names = labels
                .iter()
                .enumerate()
                .map(|(c, l)| {
                    let mid = plot.side + (c as f64 + 0.5) * slot;
                    view! {
                        <text class="bar-label" x=f1(mid) y=f1(base + 14.0) text-anchor="middle">{l.clone()}</text>
                    }
                })
                .collect_view();
            let bars = grouped_bars(labels, values, plot, Some(max))
                .into_iter()
                .map(|g| {
                    let name = series.get(g.series).cloned().unwrap_or_default();
                    let tip = format!("{}, {name}: {}", g.bar.label, unit.show(g.bar.value));
                    view! {
                        <g>
                            {rect(&g.bar, format!("bar s{}", g.series), tip)}
                            <text class="bar-value" x=f1(g.bar.center()) y=f1(g.bar.y - 3.0) text-anchor="middle">
                                {unit.show(g.bar.value)}
                            </text>
                        </g>
                    }
                })
                .collect_view();
            view! { {bars}{names} }.into_any()
        }
        Shape::Horizontal { .. } => ().into_any(),
    }
}

const LABEL_WIDTH: f64 = 130.0;

fn horizontal(chart: &Chart, plot: &Plot, max: f64) -> AnyView {
    let Shape::Horizontal { points } = &chart.shape else {
        return ().into_any();
    };
    let unit = chart.unit;
    hbars(points, plot, LABEL_WIDTH, Some(max))
        .into_iter()
        .map(|b| {
            let mid = b.y + b.height / 2.0 + 4.0;
            let tip = format!("{}: {}", b.label, unit.show(b.value));
            view! {
                <g>
                    {rect(&b, "bar".into(), tip)}
                    <text class="bar-label" x=f1(LABEL_WIDTH - 6.0) y=f1(mid) text-anchor="end">
                        {fit_label(&b.label, 20)}
                    </text>
                    <text class="bar-value" x=f1(b.x + b.width + 4.0) y=f1(mid)>{unit.show(b.value)}</text>
                </g>
            }
        })
        .collect_view()
        .into_any()
}

/// The scale's top: fixed, or the largest value, raised to keep the target line inside.
fn scale_top(chart: &Chart) -> f64 {
    let data = match &chart.shape {
        Shape::Bars { points, .. } | Shape::Horizontal { points } => {
            points.iter().map(|p| p.1).fold(0.0, f64::max)
        }
        Shape::Grouped { values, .. } => values
            .iter()
            .flatten()
            .flatten()
            .copied()
            .fold(0.0, f64::max),
    };
    chart.scale.unwrap_or(data).max(chart.target.unwrap_or(0.0))
}

fn plot_for(chart: &Chart) -> Plot {
    match &chart.shape {
        Shape::Horizontal { points } => Plot {
            height: 20.0 + 26.0 * points.len().max(1) as f64,
            top: 10.0,
            bottom: 10.0,
            side: 56.0,
            ..Plot::default()
        },
        Shape::Grouped { .. } => Plot {
            bottom: 30.0,
            ..Plot::default()
        },
        Shape::Bars { .. } => Plot::default(),
    }
}

#[component]
pub fn DashChart(chart: Chart) -> impl IntoView {
    let plot = plot_for(&chart);
    let max = scale_top(&chart);
    let horizontal_chart = matches!(chart.shape, Shape::Horizontal { .. });
    let unit = chart.unit;
    let grid = (unit == Unit::Share && !horizontal_chart).then(|| {
        ticks(max, 4, &plot)
            .into_iter()
            .map(|(v, y)| {
                view! {
                    <line class="grid" x1=f1(plot.side) x2=f1(plot.width - plot.side) y1=f1(y) y2=f1(y)></line>
                    <text class="tick" x=f1(plot.side - 4.0) y=f1(y + 3.0) text-anchor="end">{unit.show(v)}</text>
                }
            })
            .collect_view()
    });
    let target = chart.target.map(|t| {
        let word = format!("target {}", unit.show(t));
        if horizontal_chart {
            let room = plot.width - LABEL_WIDTH - plot.side;
            let x = LABEL_WIDTH + if max > 0.0 { (t / max).min(1.0) * room } else { 0.0 };
            view! {
                <line class="target" x1=f1(x) x2=f1(x) y1=f1(plot.top) y2=f1(plot.baseline())></line>
                <text class="tick" x=f1(x) y=f1(plot.top - 2.0) text-anchor="middle">{word}</text>
            }
            .into_any()
        } else {
            let y = plot.y_of(t, max);
            view! {
                <line class="target" x1=f1(plot.side) x2=f1(plot.width - plot.side) y1=f1(y) y2=f1(y)></line>
                <text class="tick" x=f1(plot.width - plot.side) y=f1(y - 3.0) text-anchor="end">{word}</text>
            }
            .into_any()
        }
    });
    let body = if horizontal_chart {
        horizontal(&chart, &plot, max)
    } else {
        vertical(&chart, &plot, max)
    };
    let legend = match &chart.shape {
        Shape::Grouped { series, .. } => Some(view! {
            <ul class="legend" aria-hidden="true">
                {series
                    .iter()
                    .enumerate()
                    .map(|(i, s)| view! { <li><span class=format!("swatch s{i}")></span>{s.clone()}</li> })
                    .collect_view()}
            </ul>
        }),
        _ => None,
    };
    let base = plot.baseline();
    let axis = (!horizontal_chart).then(|| {
        view! { <line class="axis" x1=f1(plot.side) x2=f1(plot.width - plot.side) y1=f1(base) y2=f1(base)></line> }
    });
    let label = format!("{}. {}", chart.title, chart.summary);
    view! {
        <figure class="chart dash-chart">
            <svg id=chart.id role="img" aria-label=label viewBox=format!("0 0 {} {}", plot.width, plot.height)
                preserveAspectRatio="xMidYMid meet">
                <title>{chart.title.clone()}</title>
                {grid}
                {axis}
                {body}
                {target}
            </svg>
            {legend}
            <figcaption>
                <strong>{chart.title.clone()}</strong>
                " "
                <span data-testid=format!("{}-summary", chart.id)>{chart.summary.clone()}</span>
            </figcaption>
            <table class="visually-hidden">
                <caption>{chart.title.clone()}</caption>
                <thead>
                    <tr>{chart.headers.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view()}</tr>
                </thead>
                <tbody>
                    {chart
                        .rows
                        .iter()
                        .map(|r| view! { <tr>{r.iter().map(|c| view! { <td>{c.clone()}</td> }).collect_view()}</tr> })
                        .collect_view()}
                </tbody>
            </table>
        </figure>
    }
}
