//! Routes as plain data: parsed from and written to the URL's fragment (`#/escalations/ESC-1`).
//!
//! The fragment, not the path, carries the route so the app works from any folder of any
//! static server, after a reload, and from a file opened as `file://` (where the History API
//! may not change the path and there is no server to answer a deep link).

/// One page of the app, with what it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Dashboard,
    Escalations,
    Escalation(String),
    New,
    Metrics,
    /// Optionally a section's slug, e.g. `calendars`.
    Settings(Option<String>),
    Data,
    About,
    /// A route-shaped fragment nobody knows (a stale bookmark, a typo): the path as given.
    NotFound(String),
}

impl Route {
    /// The route a fragment names (`#/metrics`, or without the `#`). `None` for a fragment
    /// that is not a route (`#main`, a skip link's target), so in-page anchors keep working.
    pub fn parse(fragment: &str) -> Option<Route> {
        let f = fragment.strip_prefix('#').unwrap_or(fragment);
        if f.is_empty() {
            return Some(Route::Dashboard);
        }
        let path = f.strip_prefix('/')?;
        // A query part is reserved for later use (filters in the URL); routes ignore it.
        let path = path.split('?').next().unwrap_or_default();
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        Some(match segments.as_slice() {
            [] | ["dashboard"] => Route::Dashboard,
            ["escalations"] => Route::Escalations,
            ["escalations", id] => Route::Escalation(decode(id)),
            ["new"] => Route::New,
            ["metrics"] => Route::Metrics,
            ["settings"] => Route::Settings(None),
            ["settings", section] => Route::Settings(Some(decode(section))),
            ["data"] => Route::Data,
            ["about"] => Route::About,
            _ => Route::NotFound(format!("/{path}")),
        })
    }

    /// The fragment that leads here, `#` included; [`Route::parse`] reads it back.
    pub fn href(&self) -> String {
        let path = match self {
            Route::Dashboard => "/".to_string(),
            Route::Escalations => "/escalations".to_string(),
            Route::Escalation(id) => format!("/escalations/{}", encode(id)),
            Route::New => "/new".to_string(),
            Route::Metrics => "/metrics".to_string(),
            Route::Settings(None) => "/settings".to_string(),
            Route::Settings(Some(s)) => format!("/settings/{}", encode(s)),
            Route::Data => "/data".to_string(),
            Route::About => "/about".to_string(),
            Route::NotFound(path) => path.clone(),
        };
        format!("#{path}")
    }

    /// The tab that is current on this route (`None` for an unknown route).
    pub fn page(&self) -> Option<super::Page> {
        use super::Page;
        Some(match self {
            Route::Dashboard => Page::Dashboard,
            Route::Escalations | Route::Escalation(_) => Page::Escalations,
            Route::New => Page::NewEscalation,
            Route::Metrics => Page::Metrics,
            Route::Settings(_) => Page::Settings,
            Route::Data => Page::Data,
            Route::About => Page::About,
            Route::NotFound(_) => return None,
        })
    }

    /// The escalation this route shows, if any.
    pub fn escalation_id(&self) -> Option<&str> {
        match self {
            Route::Escalation(id) => Some(id),
            _ => None,
        }
    }
}

/// Percent-encodes everything but RFC 3986's unreserved characters, so an id with `/`, `#`,
/// `?` or spaces stays one path segment.
fn encode(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for b in segment.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Reverses [`encode`] (and the browser's own escaping of a typed URL). A malformed escape
/// is kept as typed rather than guessed at.
fn decode(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| segment.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_reads_back_from_its_href() {
        let routes = [
            Route::Dashboard,
            Route::Escalations,
            Route::Escalation("ESC-2025-001".into()),
            Route::Escalation("odd id/with #?% and ü".into()),
            Route::New,
            Route::Metrics,
            Route::Settings(None),
            Route::Settings(Some("calendars".into())),
            Route::Data,
            Route::About,
        ];
        for r in routes {
            assert_eq!(Route::parse(&r.href()), Some(r.clone()), "{}", r.href());
        }
    }

    #[test]
    fn an_id_with_a_slash_stays_one_segment() {
        let href = Route::Escalation("a/b".into()).href();
        assert_eq!(href, "#/escalations/a%2Fb");
    }

    #[test]
    fn no_fragment_is_the_dashboard_and_a_trailing_slash_is_tolerated() {
        assert_eq!(Route::parse(""), Some(Route::Dashboard));
        assert_eq!(Route::parse("#"), Some(Route::Dashboard));
        assert_eq!(Route::parse("#/"), Some(Route::Dashboard));
        assert_eq!(Route::parse("#/escalations/"), Some(Route::Escalations));
        assert_eq!(Route::parse("#/metrics?from=2025-01"), Some(Route::Metrics));
    }

    #[test]
    fn an_in_page_anchor_is_not_a_route() {
        assert_eq!(Route::parse("#main"), None);
    }

    #[test]
    fn an_unknown_path_is_reported_as_such_not_shown_as_another_page() {
        assert_eq!(
            Route::parse("#/escalation/ESC-1"),
            Some(Route::NotFound("/escalation/ESC-1".into()))
        );
        assert_eq!(Route::NotFound("/x".into()).page(), None);
    }

    #[test]
    fn a_browser_escaped_id_and_a_malformed_escape_both_read_sensibly() {
        assert_eq!(
            Route::parse("#/escalations/ESC%201"),
            Some(Route::Escalation("ESC 1".into()))
        );
        assert_eq!(
            Route::parse("#/escalations/100%"),
            Some(Route::Escalation("100%".into()))
        );
        assert_eq!(
            Route::parse("#/escalations/a%+1"),
            Some(Route::Escalation("a%+1".into()))
        );
    }

    #[test]
    fn the_detail_route_highlights_the_escalations_tab() {
        assert_eq!(
            Route::Escalation("E".into()).page(),
            Some(super::super::Page::Escalations)
        );
    }
}
