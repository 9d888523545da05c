//! Numbers for people: durations in days, hours and minutes, shares as percentages, counts
//! with thousands separators. The tiles, charts and their text summaries all use these, so
//! a figure reads the same wherever it appears.

/// Minutes as the two largest units: `45 m`, `3 h 20 m`, `2 d 4 h`. Rounds to whole minutes.
pub fn minutes(m: f64) -> String {
    let total = m.round().max(0.0) as i64;
    let (d, h, min) = (total / 1440, (total % 1440) / 60, total % 60);
    if d > 0 {
        format!("{d} d {h} h")
    } else if h > 0 {
        format!("{h} h {min:02} m")
    } else {
        format!("{min} m")
    }
}

/// Signed seconds to a deadline: `3 h 20 m left`, `overdue by 2 d 4 h`.
pub fn time_left(seconds: i64) -> String {
    let words = minutes((seconds.abs() / 60) as f64);
    if seconds >= 0 {
        format!("{words} left")
    } else {
        format!("overdue by {words}")
    }
}

/// A share (0..=1) as a percentage with one decimal, `92.5 %`; whole numbers drop the
/// decimal (`100 %`).
pub fn percent(share: f64) -> String {
    let p = (share * 1000.0).round() / 10.0;
    if p.fract() == 0.0 {
        format!("{} %", p as i64)
    } else {
        format!("{p:.1} %")
    }
}

/// A count with thousands separators: `10,000`.
pub fn count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A change against the previous period: `+3 (+25 %)`, `-2`, `no change`.
pub fn change(delta: i64, ratio: Option<f64>) -> String {
    if delta == 0 {
        return "no change".into();
    }
    let sign = if delta > 0 { "+" } else { "-" };
    let abs = count(delta.unsigned_abs());
    match ratio {
        Some(r) => format!("{sign}{abs} ({sign}{})", percent(r.abs())),
        None => format!("{sign}{abs}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_use_the_two_largest_units() {
        assert_eq!(minutes(0.0), "0 m");
        assert_eq!(minutes(45.4), "45 m");
        assert_eq!(minutes(200.0), "3 h 20 m");
        assert_eq!(minutes(3120.0), "2 d 4 h");
        assert_eq!(time_left(12_000), "3 h 20 m left");
        assert_eq!(time_left(-187_200), "overdue by 2 d 4 h");
    }

    #[test]
    fn percentages_and_counts_read_naturally() {
        assert_eq!(percent(0.925), "92.5 %");
        assert_eq!(percent(1.0), "100 %");
        assert_eq!(percent(0.04512), "4.5 %");
        assert_eq!(count(7), "7");
        assert_eq!(count(10_000), "10,000");
        assert_eq!(count(1_234_567), "1,234,567");
        assert_eq!(change(3, Some(0.25)), "+3 (+25 %)");
        assert_eq!(change(-2, None), "-2");
        assert_eq!(change(0, Some(0.0)), "no change");
    }
}
