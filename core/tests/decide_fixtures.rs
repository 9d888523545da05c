//! Runs every `tests/fixtures/decide/*.yaml`: the request through the door, then checks the
//! `expect` excerpt is contained in the response (see that folder's README).

mod common;

#[test]
fn decide_fixtures_hold() {
    common::check_all("decide", 5, |_, doc| {
        Ok(escalon::door::run_value(&doc["request"]))
    });
}
