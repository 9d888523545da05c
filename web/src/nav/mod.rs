//! Which page is showing: a [`Route`] signal kept in step with the URL's fragment, so links,
//! reloads, bookmarks and the browser's back and forward buttons all work.
//!
//! Not leptos_router: 0.8 only routes on the URL's path through the History API, which
//! cannot work from `file://` (browsers refuse to push another path there) nor survive a
//! reload on a static server without rewrites, and its router context is private, so it
//! cannot be given a fragment-based location. The fragment needs no more than this file.

mod route;

use std::cell::Cell;

use leptos::prelude::*;

pub use route::Route;

/// The route signal, one per app: the URL is global state, so the signal is too, which lets
/// event handlers and helpers in any file navigate without threading a context through.
#[derive(Clone, Copy)]
struct Nav(RwSignal<Route>);

thread_local! {
    static NAV: Cell<Option<Nav>> = const { Cell::new(None) };
}

fn nav() -> Option<Nav> {
    NAV.with(Cell::get)
}

/// The escalation shown in the Escalations tab (`None`: the list). Kept for code written
/// before routes: setting it navigates, and it follows the route. New code should call
/// [`open_escalation`] or link to [`Route::Escalation`].
#[derive(Clone, Copy)]
pub struct Selected(pub RwSignal<Option<String>>);

/// The selection provided by [`provide_nav`]; see [`Selected`].
pub fn use_selected() -> RwSignal<Option<String>> {
    expect_context::<Selected>().0
}

/// Starts routing from the current URL and follows its changes (back, forward, a typed or
/// bookmarked URL). Called once by [`crate::App`]; returns the route signal.
pub fn provide_nav() -> RwSignal<Route> {
    let route = RwSignal::new(from_location().unwrap_or(Route::Dashboard));
    NAV.with(|n| n.set(Some(Nav(route))));
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        // `None`: an in-page anchor such as the skip link's, which leaves the page as it is.
        if let Some(next) = from_location() {
            if route.try_get_untracked().is_some_and(|r| r != next) {
                route.set(next);
            }
        }
    });
    on_cleanup(move || listener.remove());

    let selected = RwSignal::new(route.get_untracked().escalation_id().map(String::from));
    provide_context(Selected(selected));
    Effect::watch(
        move || route.get(),
        move |r, _, _| {
            let id = r.escalation_id().map(String::from);
            if selected.get_untracked() != id {
                selected.set(id);
            }
        },
        false,
    );
    Effect::watch(
        move || selected.get(),
        move |sel, _, _| {
            if route.get_untracked().escalation_id() != sel.as_deref() {
                navigate(sel.clone().map_or(Route::Escalations, Route::Escalation));
            }
        },
        false,
    );
    route
}

/// The current route, tracked.
pub fn use_route() -> Signal<Route> {
    match nav() {
        Some(Nav(route)) => route.into(),
        None => Signal::stored(Route::Dashboard),
    }
}

/// Shows `to`, adding a history entry (so the back button returns here).
pub fn navigate(to: Route) {
    let href = to.href();
    if let Some(Nav(route)) = nav() {
        if route.try_get_untracked().is_some_and(|r| r == to) {
            return;
        }
        // `try_`: the app that made the signal may have been unmounted (a test remounting it).
        let _ = route.try_set(to);
    }
    // The hashchange this causes finds the route already set and does nothing.
    let _ = window().location().set_hash(&href);
}

/// Opens one escalation's detail: the one way every list, tile and link does it.
pub fn open_escalation(id: &str) {
    navigate(Route::Escalation(id.to_string()));
}

/// For an `<a href=route.href()>`'s `on:click`: a plain click shows the route at once (the
/// browser still updates the URL and history); a click that opens a new tab or window is
/// left to the browser.
pub fn follow(to: Route) -> impl Fn(leptos::ev::MouseEvent) + Clone + 'static {
    move |ev| {
        let plain =
            ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key());
        if let (true, Some(Nav(route))) = (plain, nav()) {
            if route.try_get_untracked().is_some_and(|r| r != to) {
                route.set(to.clone());
            }
        }
    }
}

fn from_location() -> Option<Route> {
    Route::parse(&window().location().hash().ok()?)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Dashboard,
    Escalations,
    NewEscalation,
    Metrics,
    Settings,
    Data,
    About,
}

impl Page {
    pub const ALL: [Page; 7] = [
        Page::Dashboard,
        Page::Escalations,
        Page::NewEscalation,
        Page::Metrics,
        Page::Settings,
        Page::Data,
        Page::About,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Page::Dashboard => "Dashboard",
            Page::Escalations => "Escalations",
            Page::NewEscalation => "New escalation",
            Page::Metrics => "Metrics",
            Page::Settings => "Settings",
            Page::Data => "Data",
            Page::About => "About",
        }
    }

    /// Where the tab leads.
    pub fn route(self) -> Route {
        match self {
            Page::Dashboard => Route::Dashboard,
            Page::Escalations => Route::Escalations,
            Page::NewEscalation => Route::New,
            Page::Metrics => Route::Metrics,
            Page::Settings => Route::Settings(None),
            Page::Data => Route::Data,
            Page::About => Route::About,
        }
    }

    /// Stable id for tests and styling, e.g. `nav-escalations`.
    pub fn slug(self) -> &'static str {
        match self {
            Page::Dashboard => "dashboard",
            Page::Escalations => "escalations",
            Page::NewEscalation => "new",
            Page::Metrics => "metrics",
            Page::Settings => "settings",
            Page::Data => "data",
            Page::About => "about",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_unique_so_nav_ids_never_collide() {
        let mut slugs: Vec<_> = Page::ALL.iter().map(|p| p.slug()).collect();
        slugs.sort();
        slugs.dedup();
        assert_eq!(slugs.len(), Page::ALL.len());
    }

    #[test]
    fn each_tab_leads_to_a_route_that_highlights_it() {
        for p in Page::ALL {
            assert_eq!(p.route().page(), Some(p), "{p:?}");
        }
    }
}
