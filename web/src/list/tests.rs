use escalon::config::default_config;
use escalon::event::Escalation;
use escalon::scales::Status;
use escalon::sla::default_policies;
use escalon::Workspace;
use jiff::{SignedDuration, Timestamp};
use serde_json::{json, Value};

use super::*;

fn now() -> Timestamp {
    "2025-03-10T12:00:00Z".parse().unwrap()
}

fn ago(minutes: i64) -> String {
    (now() - SignedDuration::from_mins(minutes)).to_string()
}

/// A log of `(minutes ago, kind, extra fields)`, opened by a `created` event unless `created`
/// is `None`.
fn esc(id: &str, created: Option<(i64, Value)>, rest: &[(i64, Value)]) -> Escalation {
    let mut events = Vec::new();
    if let Some((m, fields)) = created {
        let mut e = json!({"kind": "created", "ticket": format!("T-{id}"), "tier": 2,
                           "customer": {"name": format!("Customer {id}")}});
        e.as_object_mut()
            .unwrap()
            .extend(fields.as_object().unwrap().clone());
        events.push((m, e));
    }
    events.extend(rest.iter().cloned());
    let events: Vec<Value> = events
        .into_iter()
        .enumerate()
        .map(|(n, (m, mut e))| {
            e["id"] = json!(format!("{id}-e{n}"));
            e["at"] = json!(ago(m));
            e["actor"] = json!("test");
            e
        })
        .collect();
    serde_json::from_value(json!({"id": id, "events": events})).unwrap()
}

/// Tier 2 on the built-in 24/7 calendar: first response 120 min (warning at 60 and 90),
/// next update 480, resolution 2880.
fn workspace(escalations: Vec<Escalation>) -> Workspace {
    let mut config = default_config();
    config.sla_policies = default_policies();
    Workspace::new(config, escalations)
}

fn sample() -> Vec<Row> {
    let ws = workspace(vec![
        esc("A", Some((30, json!({}))), &[]),
        esc(
            "B",
            Some((
                50,
                json!({"tier": 3, "customer": {"name": "Globex", "segment": "strategic"},
                       "summary": "Webhooks stop arriving"}),
            )),
            &[],
        ),
        esc(
            "C",
            Some((180, json!({"customer": {"segment": "smb"}}))),
            &[],
        ),
        esc(
            "D",
            Some((
                600,
                json!({"tier": 4, "customer": {"name": "Initech", "segment": "smb"}}),
            )),
            &[
                (590, json!({"kind": "acknowledged"})),
                (590, json!({"kind": "owner_assigned", "owner": "Dana@corp"})),
                (560, json!({"kind": "status_changed", "status": "resolved"})),
            ],
        ),
        esc(
            "E",
            Some((20, json!({"tier": 1}))),
            &[
                (15, json!({"kind": "owner_assigned", "owner": "ana@corp"})),
                (
                    14,
                    json!({"kind": "status_changed", "status": "pending_customer"}),
                ),
            ],
        ),
        esc(
            "F",
            None,
            &[(5, json!({"kind": "owner_assigned", "owner": "bob@corp"}))],
        ),
    ]);
    rows(&ws, now())
}

fn ids(rows: &[Row], order: &[usize]) -> Vec<String> {
    order.iter().map(|&i| rows[i].id.clone()).collect()
}

fn find<'a>(rows: &'a [Row], id: &str) -> &'a Row {
    rows.iter().find(|r| r.id == id).unwrap()
}

#[test]
fn each_row_has_the_worst_state_of_its_clocks_at_now() {
    let rows = sample();
    let state = |id| find(&rows, id).sla;
    assert_eq!(state("A"), SlaState::Running, "30 of 120 minutes");
    assert_eq!(
        state("B"),
        SlaState::Warning,
        "50 of tier 3's 60 minutes: past the 75% warning"
    );
    assert_eq!(
        state("C"),
        SlaState::Breached,
        "180 of 120 minutes, never answered"
    );
    assert_eq!(state("D"), SlaState::Met, "answered and resolved in time");
    assert_eq!(
        state("E"),
        SlaState::Paused,
        "answered, then waiting on the customer"
    );
    assert_eq!(
        state("F"),
        SlaState::None,
        "no created event: no clock started"
    );
}

#[test]
fn a_row_shows_the_folded_fields() {
    let rows = sample();
    let d = find(&rows, "D");
    assert_eq!(
        (d.tier, d.status, d.owner.as_str(), d.segment.as_str()),
        (4, Status::Resolved, "Dana@corp", "smb")
    );
    assert_eq!(d.ticket, "T-D");
    assert_eq!(d.customer, "Initech");
    assert_eq!(find(&rows, "A").owner, "");
}

#[test]
fn search_matches_every_word_in_id_ticket_customer_owner_or_summary_ignoring_case() {
    let rows = sample();
    let order = sorted(
        &rows,
        Sort {
            key: SortKey::Id,
            descending: false,
        },
    );
    let search = |q: &str| {
        let f = Filter {
            query: q.into(),
            ..Filter::default()
        };
        ids(&rows, &filtered(&rows, &order, &f))
    };
    assert_eq!(search("globex"), ["B"]);
    assert_eq!(search("WEBHOOKS arriving"), ["B"]);
    assert_eq!(
        search("webhooks smb"),
        Vec::<String>::new(),
        "all words must match"
    );
    assert_eq!(search("dana"), ["D"]);
    assert_eq!(search("t-e"), ["E"]);
    assert_eq!(search("  "), ["A", "B", "C", "D", "E", "F"]);
}

#[test]
fn filters_combine_and_keep_the_sorted_order() {
    let rows = sample();
    let order = sorted(
        &rows,
        Sort {
            key: SortKey::Id,
            descending: true,
        },
    );
    let keep = |f: Filter| ids(&rows, &filtered(&rows, &order, &f));
    assert_eq!(
        keep(Filter {
            tier: Some(2),
            ..Filter::default()
        }),
        ["C", "A"]
    );
    assert_eq!(
        keep(Filter {
            segment: Some("smb".into()),
            ..Filter::default()
        }),
        ["D", "C"]
    );
    assert_eq!(
        keep(Filter {
            segment: Some("smb".into()),
            tier: Some(2),
            ..Filter::default()
        }),
        ["C"]
    );
    assert_eq!(
        keep(Filter {
            status: Some(Status::Resolved),
            ..Filter::default()
        }),
        ["D"]
    );
    assert_eq!(
        keep(Filter {
            owner: Some(String::new()),
            ..Filter::default()
        }),
        ["C", "B", "A"],
        "the empty owner is the unassigned ones"
    );
    assert_eq!(
        keep(Filter {
            sla: Some(SlaState::Breached),
            ..Filter::default()
        }),
        ["C"]
    );
}

#[test]
fn each_sort_key_orders_both_ways_with_missing_values_last() {
    let rows = sample();
    let by = |key, descending| ids(&rows, &sorted(&rows, Sort { key, descending }));
    assert_eq!(
        by(SortKey::Tier, true),
        ["D", "B", "A", "C", "E", "F"],
        "ties by id"
    );
    assert_eq!(
        by(SortKey::Age, true),
        ["D", "C", "B", "A", "E", "F"],
        "oldest first"
    );
    assert_eq!(
        by(SortKey::Age, false),
        ["E", "A", "B", "C", "D", "F"],
        "F has no age"
    );
    assert_eq!(by(SortKey::Owner, false), ["E", "F", "D", "A", "B", "C"]);
    assert_eq!(by(SortKey::Owner, true), ["D", "F", "E", "A", "B", "C"]);
    assert_eq!(by(SortKey::Segment, false), ["C", "D", "B", "A", "E", "F"]);
    assert_eq!(by(SortKey::Sla, true), ["C", "B", "A", "E", "D", "F"]);
    // Workflow order: open, ..., pending_customer, ..., resolved.
    assert_eq!(by(SortKey::Status, false), ["A", "B", "C", "F", "E", "D"]);
}

#[test]
fn clicking_a_header_sorts_by_it_then_reverses() {
    let s = Sort::default().clicked(SortKey::Age);
    assert_eq!(
        s,
        Sort {
            key: SortKey::Age,
            descending: true
        }
    );
    assert!(!s.clicked(SortKey::Age).descending);
    assert_eq!(
        s.clicked(SortKey::Owner),
        Sort {
            key: SortKey::Owner,
            descending: false
        }
    );
}

#[test]
fn filter_options_are_the_distinct_values_present() {
    let rows = sample();
    assert_eq!(
        distinct(&rows, |r| &r.owner),
        ["Dana@corp", "ana@corp", "bob@corp"]
    );
    assert_eq!(distinct(&rows, |r| &r.segment), ["smb", "strategic"]);
}

#[test]
fn ages_read_in_the_largest_sensible_unit() {
    let at = |m| Some(now() - SignedDuration::from_mins(m));
    assert_eq!(age_label(at(45), now()), "45m");
    assert_eq!(age_label(at(5 * 60 + 10), now()), "5h");
    assert_eq!(age_label(at(3 * 24 * 60), now()), "3d");
    assert_eq!(age_label(None, now()), "–");
}

#[test]
fn every_sla_state_reads_back_from_its_slug() {
    for s in SlaState::ALL {
        assert_eq!(SlaState::from_slug(s.slug()), Some(s));
    }
}
