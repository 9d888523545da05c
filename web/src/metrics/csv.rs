//! CSV (RFC 4180) for the metrics table: a field with a comma, a quote or a line break is
//! quoted, quotes doubled; lines end in CRLF.

use super::Table;

/// One field, quoted when it must be.
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn line(cells: &[String]) -> String {
    let mut out = cells
        .iter()
        .map(|c| csv_field(c))
        .collect::<Vec<_>>()
        .join(",");
    out.push_str("\r\n");
    out
}

/// The header, every row, then the totals row.
pub fn to_csv(t: &Table) -> String {
    let mut out = line(&t.header);
    for row in &t.rows {
        out.push_str(&line(row));
    }
    out.push_str(&line(&t.totals));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_fields_stay_bare() {
        assert_eq!(csv_field("tier 1"), "tier 1");
        assert_eq!(csv_field(""), "");
    }

    #[test]
    fn commas_quotes_and_line_breaks_are_quoted() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_field("cr\rhere"), "\"cr\rhere\"");
    }

    #[test]
    fn a_table_becomes_header_rows_and_totals() {
        let t = Table {
            header: vec!["owner".into(), "escalation_count".into()],
            rows: vec![vec!["Doe, Jane".into(), "3".into()]],
            totals: vec!["Total".into(), "3".into()],
        };
        assert_eq!(
            to_csv(&t),
            "owner,escalation_count\r\n\"Doe, Jane\",3\r\nTotal,3\r\n"
        );
    }
}
