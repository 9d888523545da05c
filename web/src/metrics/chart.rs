//! Bar chart geometry for inline SVG: where each bar goes in a plot of a given size, which
//! labels fit, and the Pareto's cumulative line. Pure, so it is tested natively.

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
    if points.is_empty() {
        return Vec::new();
    }
    let n = points.len() as f64;
    let max = points.iter().map(|p| p.1.max(0.0)).fold(0.0, f64::max);
    let slot = (plot.width - 2.0 * plot.side).max(0.0) / n;
    let gap = slot / 5.0;
    let every = points.len().div_ceil(12).max(1);
    points
        .iter()
        .enumerate()
        .map(|(i, (label, value))| {
            let v = value.max(0.0);
            let height = if max > 0.0 {
                v / max * plot.inner_height()
            } else {
                0.0
            };
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
    fn the_cumulative_line_ends_at_the_top_at_one() {
        let plot = Plot::default();
        let b = bars(&pts(&[5.0, 3.0]), &plot);
        let line = cumulative_line(&b, &[0.625, 1.0], &plot);
        let last = line.split(' ').next_back().unwrap();
        assert_eq!(last, format!("{:.1},{:.1}", b[1].center(), plot.top));
    }
}
