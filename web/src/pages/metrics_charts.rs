//! Inline SVG bar charts for the Metrics page (no chart dependency): geometry from
//! `metrics::bars`, every label rendered as text.

use leptos::prelude::*;

use crate::metrics::{bars, cumulative_line, fit_label, Plot};

fn short(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{}", v as i64)
    } else {
        format!("{v:.1}")
    }
}

/// A bar chart of `points`; with `shares` (0..=1, one per point), a cumulative line over it.
#[component]
pub fn BarChart(
    id: &'static str,
    title: String,
    points: Vec<(String, f64)>,
    #[prop(optional)] shares: Option<Vec<f64>>,
) -> impl IntoView {
    let plot = Plot::default();
    let drawn = bars(&points, &plot);
    let line = shares
        .as_deref()
        .map(|s| cumulative_line(&drawn, s, &plot))
        .filter(|l| !l.is_empty());
    let empty = drawn.is_empty();
    let base = plot.baseline();
    let bars_view = drawn
        .into_iter()
        .map(|b| {
            let lx = b.center();
            let ly = base + 12.0;
            let label = b.show_label.then(|| {
                view! {
                    <text
                        class="bar-label"
                        x=format!("{lx:.1}")
                        y=format!("{ly:.1}")
                        text-anchor="end"
                        transform=format!("rotate(-35 {lx:.1} {ly:.1})")
                    >
                        {fit_label(&b.label, 12)}
                    </text>
                    <text
                        class="bar-value"
                        x=format!("{lx:.1}")
                        y=format!("{:.1}", b.y - 4.0)
                        text-anchor="middle"
                    >
                        {short(b.value)}
                    </text>
                }
            });
            view! {
                <g>
                    <rect
                        class="bar"
                        x=format!("{:.1}", b.x)
                        y=format!("{:.1}", b.y)
                        width=format!("{:.1}", b.width)
                        height=format!("{:.1}", b.height)
                    >
                        <title>{format!("{}: {}", b.label, short(b.value))}</title>
                    </rect>
                    {label}
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg
                id=id
                role="img"
                aria-label=title.clone()
                viewBox=format!("0 0 {} {}", plot.width, plot.height)
                preserveAspectRatio="xMidYMid meet"
            >
                <title>{title.clone()}</title>
                <line
                    class="axis"
                    x1=format!("{}", plot.side)
                    x2=format!("{}", plot.width - plot.side)
                    y1=format!("{base:.1}")
                    y2=format!("{base:.1}")
                ></line>
                {bars_view}
                {line.map(|points| view! { <polyline class="cumulative" points=points></polyline> })}
            </svg>
            <figcaption>
                {title}
                {empty.then_some(" (nothing in this range)")}
            </figcaption>
        </figure>
    }
}
