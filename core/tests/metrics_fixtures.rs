//! Runs every `tests/fixtures/metrics/*.yaml` against the demo workspace: the request
//! through the door, then checks the `expect` excerpt is contained in the response (see
//! that folder's README).

mod common;

use escalon::{Context, Workspace};

#[test]
fn metrics_fixtures_hold() {
    let demo: Workspace = escalon::demo::demo_workspace();
    common::check_all("metrics", 5, |name, doc| {
        let mut ws = demo.clone();
        let mut ctx = Context::with_counter(None, "fixture");
        let response = escalon::handle(&mut ws, &doc["request"], &mut ctx);
        if ctx.changed() {
            return Err(format!("{name}: metrics never change the workspace"));
        }
        Ok(response)
    });
}
