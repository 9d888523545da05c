//! Bar chart geometry for inline SVG: where each bar goes in a plot of a given size, which
//! labels fit, and the Pareto's cumulative line; grouped bars (one per series in a
//! category), horizontal bars for long category names, and a fixed scale with ticks for
//! shares (0-100 %). Pure, so it is tested natively.

/// The drawing area: the SVG's size and the margins kept for labels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Plot {
    pub width: f64,
    pub height: f64,
    /// Above the bars, for value labels.
    pub top: f64,
    /// Below the bars, for category labels.
    pub bottom: f64,
    /// Left and right; the first slanted label reaches into the left one.
    pub side: f64,
}

impl Default for Plot {
    fn default() -> Self {
        Self {
            width: 640.0,
            height: 260.0,
            top: 18.0,
            bottom: 62.0,
            side: 44.0,
        }
    }
}

impl Plot {
    /// The y of the bars' base line.
    pub fn baseline(&self) -> f64 {
        self.height - self.bottom
    }
    fn inner_height(&self) -> f64 {
        (self.height - self.top - self.bottom).max(0.0)
    }
    /// The height of `value` on a scale topping out at `max` (clamped into the plot).
    fn level(&self, value: f64, max: f64) -> f64 {
        if max > 0.0 {
            (value.max(0.0) / max).min(1.0) * self.inner_height()
        } else {
            0.0
        }
    }
    /// The y of `value` on a scale topping out at `max`: a target line or a tick.
    pub fn y_of(&self, value: f64, max: f64) -> f64 {
        self.baseline() - self.level(value, max)
    }
}

/// One bar: its rectangle, its value, and its label (`show_label` false where labels would
/// overlap; the value is still in the bar's tooltip).
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub show_label: bool,
}

impl Bar {
    pub fn center(&self) -> f64 {
        self.x + self.width / 2.0
    }
}

/// Bars for `(label, value)` pairs, scaled so the largest fills the plot's height; equal
/// slots across the width with a gap of a fifth. Negative values count as zero. At most
/// about 12 category labels are shown, evenly spaced.
pub fn bars(points: &[(String, f64)], plot: &Plot) -> Vec<Bar> {
    bars_scaled(points, plot, None)
}

/// The largest positive value, the scale's top when none is fixed.
fn data_max(values: impl Iterator<Item = f64>) -> f64 {
    values.map(|v| v.max(0.0)).fold(0.0, f64::max)
}

/// [`bars`] on a fixed scale: `Some(1.0)` draws shares against 100 % so charts of shares
/// compare at a glance; a value above the scale is drawn at the top.
pub fn bars_scaled(points: &[(String, f64)], plot: &Plot, scale: Option<f64>) -> Vec<Bar> {
    if points.is_empty() {
        return Vec::new();
    }
    let n = points.len() as f64;
    let max = scale.unwrap_or_else(|| data_max(points.iter().map(|p| p.1)));
    let slot = (plot.width - 2.0 * plot.side).max(0.0) / n;
    let gap = slot / 5.0;
    let every = points.len().div_ceil(12).max(1);
    points
        .iter()
        .enumerate()
        .map(|(i, (label, value))| {
            let height = plot.level(*value, max);
            Bar {
                label: label.clone(),
                value: *value,
                x: plot.side + i as f64 * slot + gap / 2.0,
                y: plot.baseline() - height,
                width: slot - gap,
                height,
                show_label: i % every == 0,
            }
        })
        .collect()
}

/// A category label cut to `max` characters with an ellipsis, so slanted labels stay
/// inside the chart (the bar's tooltip keeps the whole name).
pub fn fit_label(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        label.to_string()
    } else {
        let cut: String = label.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

/// The SVG `points` of a line through each bar's center at its share (0..=1) of the plot's
/// height: the Pareto's cumulative share.
pub fn cumulative_line(bars: &[Bar], shares: &[f64], plot: &Plot) -> String {
    bars.iter()
        .zip(shares)
        .map(|(b, s)| {
            let y = plot.baseline() - s.clamp(0.0, 1.0) * plot.inner_height();
            format!("{:.1},{:.1}", b.center(), y)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// One bar of a grouped chart: `series` says which of a category's bars it is.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupBar {
    pub series: usize,
    pub bar: Bar,
}

/// Grouped bars: one slot per category (`labels`), inside it one bar per series
/// (`values[category][series]`; `None` draws nothing, e.g. no decided clock). The slot keeps
/// the gap of [`bars`]; the category label sits under the slot's center.
pub fn grouped_bars(
    labels: &[String],
    values: &[Vec<Option<f64>>],
    plot: &Plot,
    scale: Option<f64>,
) -> Vec<GroupBar> {
    let series = values.iter().map(Vec::len).max().unwrap_or(0);
    if labels.is_empty() || series == 0 {
        return Vec::new();
    }
    let max = scale.unwrap_or_else(|| data_max(values.iter().flatten().flatten().copied()));
    let slot = (plot.width - 2.0 * plot.side).max(0.0) / labels.len() as f64;
    let gap = slot / 5.0;
    let width = (slot - gap) / series as f64;
    let mut out = Vec::new();
    for (c, (label, row)) in labels.iter().zip(values).enumerate() {
        for (s, value) in row.iter().enumerate() {
            let Some(value) = value else { continue };
            let height = plot.level(*value, max);
            out.push(GroupBar {
                series: s,
                bar: Bar {
                    label: label.clone(),
                    value: *value,
                    x: plot.side + c as f64 * slot + gap / 2.0 + s as f64 * width,
                    y: plot.baseline() - height,
                    width,
                    height,
                    show_label: s == 0,
                },
            });
        }
    }
    out
}

/// Horizontal bars, one row each from the top, for long category names: the labels take
/// `label_width` on the left, the bars grow right from there up to `plot.side` before the
/// right edge. `y`/`height` are the row's band; `x`/`width` the bar's extent.
pub fn hbars(
    points: &[(String, f64)],
    plot: &Plot,
    label_width: f64,
    scale: Option<f64>,
) -> Vec<Bar> {
    if points.is_empty() {
        return Vec::new();
    }
    let max = scale.unwrap_or_else(|| data_max(points.iter().map(|p| p.1)));
    let room = (plot.width - label_width - plot.side).max(0.0);
    let band = (plot.height - plot.top - plot.bottom).max(0.0) / points.len() as f64;
    points
        .iter()
        .enumerate()
        .map(|(i, (label, value))| {
            let width = if max > 0.0 {
                (value.max(0.0) / max).min(1.0) * room
            } else {
                0.0
            };
            Bar {
                label: label.clone(),
                value: *value,
                x: label_width,
                y: plot.top + i as f64 * band + band / 8.0,
                width,
                height: band * 3.0 / 4.0,
                show_label: true,
            }
        })
        .collect()
}

/// Tick values for a scale from 0 to `max` in `steps` equal steps, with their y: the
/// gridlines and axis labels of a chart of shares (`max` 1.0, 4 steps: 0, 25, 50, 75, 100 %).
pub fn ticks(max: f64, steps: usize, plot: &Plot) -> Vec<(f64, f64)> {
    if steps == 0 || max <= 0.0 {
        return Vec::new();
    }
    (0..=steps)
        .map(|i| {
            let v = max * i as f64 / steps as f64;
            (v, plot.y_of(v, max))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pts(v: &[f64]) -> Vec<(String, f64)> {
        v.iter()
            .enumerate()
            .map(|(i, v)| (format!("p{i}"), *v))
            .collect()
    }

    #[test]
    fn the_largest_bar_fills_the_plot_and_others_scale() {
        let plot = Plot::default();
        let b = bars(&pts(&[4.0, 8.0, 2.0]), &plot);
        assert_eq!(b.len(), 3);
        assert_eq!(b[1].y, plot.top);
        assert_eq!(b[1].height, plot.height - plot.top - plot.bottom);
        assert!((b[0].height - b[1].height / 2.0).abs() < 1e-9);
        assert!(b
            .iter()
            .all(|b| (b.y + b.height - plot.baseline()).abs() < 1e-9));
    }

    #[test]
    fn bars_stay_inside_and_do_not_overlap() {
        let plot = Plot::default();
        let b = bars(&pts(&[1.0; 13]), &plot);
        assert!(b[0].x >= plot.side);
        assert!(b.last().map(|b| b.x + b.width).unwrap() <= plot.width - plot.side + 1e-9);
        assert!(b.windows(2).all(|w| w[0].x + w[0].width < w[1].x));
        // 13 bars: every second label, the first always.
        assert!(b[0].show_label && !b[1].show_label && b[2].show_label);
    }

    #[test]
    fn all_zero_or_empty_draws_flat_or_nothing() {
        let plot = Plot::default();
        assert!(bars(&[], &plot).is_empty());
        let b = bars(&pts(&[0.0, -3.0]), &plot);
        assert!(b.iter().all(|b| b.height == 0.0 && b.y == plot.baseline()));
        assert_eq!(b[1].value, -3.0);
    }

    #[test]
    fn long_labels_are_cut_with_an_ellipsis() {
        assert_eq!(fit_label("2025-W05", 12), "2025-W05");
        assert_eq!(fit_label("customer_endpoint", 12), "customer_en…");
        assert_eq!(fit_label("customer_endpoint", 12).chars().count(), 12);
    }

    #[test]
    fn a_fixed_scale_draws_shares_against_one_hundred_percent() {
        let plot = Plot::default();
        let b = bars_scaled(&pts(&[0.5, 1.2]), &plot, Some(1.0));
        let full = plot.height - plot.top - plot.bottom;
        assert!(
            (b[0].height - full / 2.0).abs() < 1e-9,
            "half the scale, not half the max"
        );
        assert_eq!(b[1].height, full, "above the scale is drawn at the top");
        let t = ticks(1.0, 4, &plot);
        assert_eq!(t.len(), 5);
        assert_eq!(t[0], (0.0, plot.baseline()));
        assert_eq!(t[4], (1.0, plot.top));
    }

    #[test]
    fn grouped_bars_sit_side_by_side_inside_their_category() {
        let plot = Plot::default();
        let labels = vec!["Tier 1".to_string(), "Tier 2".to_string()];
        let values = vec![
            vec![Some(1.0), Some(0.5), None],
            vec![Some(0.0), None, Some(0.25)],
        ];
        let g = grouped_bars(&labels, &values, &plot, Some(1.0));
        assert_eq!(g.len(), 4, "a missing value draws no bar");
        let slot = (plot.width - 2.0 * plot.side) / 2.0;
        for gb in &g {
            let cat = if gb.bar.label == "Tier 1" { 0.0 } else { 1.0 };
            assert!(gb.bar.x >= plot.side + cat * slot);
            assert!(gb.bar.x + gb.bar.width <= plot.side + (cat + 1.0) * slot + 1e-9);
        }
        assert!(g[0].bar.x + g[0].bar.width <= g[1].bar.x + 1e-9);
        assert_eq!((g[3].series, g[3].bar.value), (2, 0.25));
        assert!(grouped_bars(&labels, &[], &plot, None).is_empty());
    }

    #[test]
    fn horizontal_bars_stack_in_rows_and_scale_by_width() {
        let plot = Plot::default();
        let b = hbars(&pts(&[0.02, 0.04]), &plot, 150.0, None);
        assert_eq!(b[1].x, 150.0);
        assert!((b[1].width - (plot.width - 150.0 - plot.side)).abs() < 1e-9);
        assert!((b[0].width - b[1].width / 2.0).abs() < 1e-9);
        assert!(b[0].y + b[0].height < b[1].y, "rows do not overlap");
        assert!(b[1].y + b[1].height <= plot.baseline());
    }

    #[test]
    fn the_cumulative_line_ends_at_the_top_at_one() {
        let plot = Plot::default();
        let b = bars(&pts(&[5.0, 3.0]), &plot);
        let line = cumulative_line(&b, &[0.625, 1.0], &plot);
        let last = line.split(' ').next_back().unwrap();
        assert_eq!(last, format!("{:.1},{:.1}", b[1].center(), plot.top));
    }
}
