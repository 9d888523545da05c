//! Runs every `tests/fixtures/aging/*.yaml` (stalled-report, escalation-chain and
//! major-incident) on a fresh default workspace: the `steps` first, then the `request`,
//! whose response must contain the `expect` excerpt (see that folder's README).

mod common;

use escalon::{Context, Workspace};

#[test]
fn aging_fixtures_hold() {
    common::check_all("aging", 5, |name, doc| {
        let mut ws = Workspace::default();
        let mut ctx = Context::with_counter(None, "fixture");
        for (i, step) in doc["steps"].as_array().into_iter().flatten().enumerate() {
            let r = escalon::handle(&mut ws, step, &mut ctx);
            if r["ok"] != true {
                return Err(format!("step {i} failed: {r}"));
            }
        }
        let response = escalon::handle(&mut ws, &doc["request"], &mut ctx);
        let want_changed = doc["changed"].as_bool().unwrap_or(false);
        if ctx.changed() != want_changed {
            return Err(format!(
                "{name}: changed is {}, expected {want_changed}",
                ctx.changed()
            ));
        }
        Ok(response)
    });
}
