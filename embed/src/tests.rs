//! The glue tested natively: batch calls through the input buffer, errors as objects.

use super::*;

/// What the wrapper does with `inputRoom` and `encodeInto`: the list's bytes into the
/// input buffer; their count.
fn put(e: &mut Engine, list: &[u8]) -> usize {
    assert!(!e.input_room(list.len()).is_null());
    e.input[..list.len()].copy_from_slice(list);
    list.len()
}

impl Engine {
    fn decide_list(
        &mut self,
        list: &[u8],
        now: Option<String>,
        id_seed: &str,
        detail: Option<String>,
        given_now: Option<String>,
    ) -> String {
        let n = put(self, list);
        self.determine_escalations(n, now, id_seed, detail, given_now)
    }
}

/// The buffer is reused: a shorter list after a longer one is read to its own end,
/// never into what the longer one left behind.
#[test]
fn a_list_is_read_to_the_bytes_written_only() {
    let mut e = Engine::new();
    let long = br#"[{"issue":{"severity":"low","impact":"single_user"},"customer":{"segment":"smb"}},{"issue":{"severity":"low","impact":"single_user"},"customer":{"segment":"smb"}}]"#;
    let two: Value = serde_json::from_str(&e.decide_list(long, None, "t", None, None)).unwrap();
    assert_eq!(two.as_array().map(Vec::len), Some(2));
    let one: Value = serde_json::from_str(&e.decide_list(b"[]", None, "t", None, None)).unwrap();
    assert_eq!(one, json!([]));
    let n = put(&mut e, b"{}");
    let packed = e.determine_escalations_packed(n, None, "t", None, None);
    assert_eq!(packed[0], 1, "not an array: the error object follows");
}

#[test]
fn a_bad_workspace_is_an_error_object_not_a_trap() {
    let err = Engine::from_workspace("{\"schema_version\": 999}")
        .err()
        .unwrap();
    let v: Value = serde_json::from_str(&err).unwrap();
    assert_eq!(v["ok"], false);
}

#[test]
fn batch_rejects_a_non_array_and_keeps_working() {
    let mut e = Engine::new();
    let bad: Value = serde_json::from_str(&e.decide_list(b"{}", None, "t", None, None)).unwrap();
    assert_eq!(bad["error"]["code"], "wrong_type");
    let list = r#"[{"issue":{"severity":"low","impact":"single_user"},"customer":{"segment":"smb"}},
                   {"issue":{"severity":"critical","impact":"all_customers"},"customer":{"segment":"strategic"}}]"#;
    let out: Value =
        serde_json::from_str(&e.decide_list(list.as_bytes(), None, "t", None, None)).unwrap();
    assert_eq!(out[0]["ok"], true, "{out}");
    assert!(out[1]["result"]["tier"].as_u64() > out[0]["result"]["tier"].as_u64());
}

#[test]
fn batch_answers_equal_one_request_at_a_time() {
    let list = json!([
        {"issue": {"id": "T-1", "severity": "high", "impact": "multiple_customers",
            "category": "security", "duration_hours": 30}, "customer": {"segment":
            "enterprise", "health_score": 35, "id": "acme"}, "context":
            {"previous_escalations": 3, "customer_sentiment": "angry"}},
        {"issue": {"severity": "low", "impact": "single_user"}, "customer": {"segment": "smb"}},
        {"issue": {"severity": "urgent", "impact": "single_user"}, "customer": {}}
    ]);
    let now = Some("2025-03-01T10:00:00Z".to_string());
    let mut e = Engine::demo();
    let batch: Value = serde_json::from_str(&e.decide_list(
        list.to_string().as_bytes(),
        now.clone(),
        "t",
        None,
        None,
    ))
    .unwrap();
    let mut one = Engine::demo();
    for (k, p) in list.as_array().unwrap().iter().enumerate() {
        let req = json!({"action": "determine-escalation", "parameters": p}).to_string();
        let single: Value = serde_json::from_str(&one.run(&req, now.clone(), "t")).unwrap();
        assert_eq!(batch[k], single, "ticket {k}");
    }
}

/// Regression: `changed()` after a batch reflected only the last ticket, so a host
/// saving on `changed()` lost the tickets recorded earlier in the list.
#[test]
fn batch_is_a_change_when_any_ticket_is_recorded() {
    let list = json!([
        {"issue": {"id": "T-9", "severity": "high", "impact": "multiple_customers"},
         "customer": {"segment": "enterprise"}, "record": true},
        {"issue": {"severity": "low", "impact": "single_user"}, "customer": {}}
    ]);
    let mut e = Engine::demo();
    let now = Some("2025-03-01T10:00:00Z".to_string());
    let out: Value =
        serde_json::from_str(&e.decide_list(list.to_string().as_bytes(), now, "t", None, None))
            .unwrap();
    assert_eq!(out[0]["ok"], true, "{out}");
    assert!(e.changed());
}

#[test]
fn batch_detail_applies_where_a_ticket_sets_none() {
    let list = json!([
        {"issue": {"severity": "high", "impact": "multiple_customers"},
         "customer": {"segment": "enterprise"}},
        {"issue": {"severity": "low", "impact": "single_user"}, "customer": {"segment": "smb"},
         "detail": "full"}
    ]);
    let mut e = Engine::new();
    let mut batch = |detail: &str| -> Value {
        let out = e.decide_list(
            list.to_string().as_bytes(),
            None,
            "t",
            Some(detail.into()),
            None,
        );
        serde_json::from_str(&out).unwrap()
    };
    let out = batch("triage");
    assert!(out[0]["result"].get("stakeholders").is_none(), "{out}");
    assert!(out[0]["result"]["reasons"].as_array().is_some());
    assert!(
        out[1]["result"].get("stakeholders").is_some(),
        "the ticket's own detail wins"
    );
    let bad = batch("brief");
    assert_eq!(bad[0]["error"]["path"], "parameters.detail");
}

/// Regression (audit of 2026-11-29): a batch could only be decided at the host's clock,
/// so a host replaying tickets recorded them at today's date.
#[test]
fn batch_decides_at_the_given_instant_and_checks_it() {
    let list = json!([{"issue": {"id": "B-1", "severity": "high", "impact": "single_user"},
                       "customer": {"segment": "smb"}, "record": true}]);
    let mut e = Engine::new();
    let host_clock = Some("2026-11-29T10:00:00Z".to_string());
    let given = Some("2025-02-03T04:05:06Z".to_string());
    let out: Value = serde_json::from_str(&e.decide_list(
        list.to_string().as_bytes(),
        host_clock.clone(),
        "t",
        None,
        given,
    ))
    .unwrap();
    assert_eq!(out[0]["ok"], true, "{out}");
    let ws: Value = serde_json::from_str(&e.export_workspace()).unwrap();
    assert_eq!(
        ws["escalations"][0]["events"][0]["at"],
        "2025-02-03T04:05:06Z"
    );

    let bad: Value = serde_json::from_str(&e.decide_list(
        list.to_string().as_bytes(),
        host_clock,
        "t",
        None,
        Some("yesterday".into()),
    ))
    .unwrap();
    assert_eq!(bad[0]["error"]["path"], "now", "{bad}");
}
