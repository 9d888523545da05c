//! DOM tests in a real browser (wasm-bindgen-test in headless Chromium via `cargo xtask test`).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn text_of(id: &str) -> String {
    document()
        .get_element_by_id(id)
        .unwrap_or_else(|| panic!("#{id} is on the page"))
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn clicking_a_tab_shows_its_page() {
    leptos::mount::mount_to_body(escalon_web::App);
    assert_eq!(text_of("page-title"), "Dashboard");
    let tab: web_sys::HtmlElement = document()
        .get_element_by_id("nav-escalations")
        .unwrap()
        .dyn_into()
        .unwrap();
    tab.click();
    // Leptos schedules DOM updates; let them run before reading the page.
    leptos::task::tick().await;
    assert_eq!(text_of("page-title"), "Escalations");
    assert_eq!(tab.get_attribute("aria-current").as_deref(), Some("page"));
}
