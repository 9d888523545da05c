//! Search, filters and sort over [`Row`]s, by index. Sorting happens once per sort change;
//! a keystroke only filters the already sorted order, which is linear and allocation-light.

use std::cmp::Ordering;

use escalon::scales::Status;

use super::{Row, SlaState};

/// What the user narrowed the list to. `None` (or an empty query) means "any".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    pub query: String,
    pub tier: Option<u8>,
    pub status: Option<Status>,
    /// `Some("")` keeps the unassigned escalations.
    pub owner: Option<String>,
    /// `Some("")` keeps escalations whose segment is unknown.
    pub segment: Option<String>,
    pub sla: Option<SlaState>,
}

impl Filter {
    fn keeps(&self, row: &Row, words: &[String]) -> bool {
        self.tier.is_none_or(|t| row.tier == t)
            && self.status.is_none_or(|s| row.status == s)
            && self.owner.as_deref().is_none_or(|o| row.owner == o)
            && self.segment.as_deref().is_none_or(|s| row.segment == s)
            && self.sla.is_none_or(|s| row.sla == s)
            && row.matches(words)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Id,
    Tier,
    Status,
    Owner,
    Segment,
    Sla,
    Age,
}

impl SortKey {
    /// The direction a first click on the column's header picks: what needs attention first
    /// (highest tier, most urgent SLA, oldest) or A to Z.
    pub fn first_descending(self) -> bool {
        matches!(self, SortKey::Tier | SortKey::Sla | SortKey::Age)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

impl Default for Sort {
    /// The highest tier first, as triage reads the list.
    fn default() -> Self {
        Sort {
            key: SortKey::Tier,
            descending: true,
        }
    }
}

impl Sort {
    /// After a click on `key`'s header: the other direction if it is already sorted by it.
    pub fn clicked(self, key: SortKey) -> Sort {
        if self.key == key {
            Sort {
                key,
                descending: !self.descending,
            }
        } else {
            Sort {
                key,
                descending: key.first_descending(),
            }
        }
    }
}

/// Indices of `rows` in `sort` order; ties by id, always ascending, so the order is stable
/// from one revision to the next. Unknown values (no owner, segment or opening time) come
/// last in either direction: they are not "smallest", they are missing.
pub fn sorted(rows: &[Row], sort: Sort) -> Vec<usize> {
    let mut order: Vec<usize> = (0..rows.len()).collect();
    escalon::sort::sort_by(&mut order, |&a, &b| {
        let (a, b) = (&rows[a], &rows[b]);
        compare(a, b, sort).then_with(|| a.id.cmp(&b.id))
    });
    order
}

fn compare(a: &Row, b: &Row, sort: Sort) -> Ordering {
    let dir = |o: Ordering| if sort.descending { o.reverse() } else { o };
    match sort.key {
        SortKey::Id => dir(a.id.cmp(&b.id)),
        SortKey::Tier => dir(a.tier.cmp(&b.tier)),
        SortKey::Status => dir(rank(a.status).cmp(&rank(b.status))),
        SortKey::Owner => missing_last(text(&a.owner), text(&b.owner), dir),
        SortKey::Segment => missing_last(text(&a.segment), text(&b.segment), dir),
        SortKey::Sla => dir(a.sla.urgency().cmp(&b.sla.urgency())),
        // Older is larger: an earlier opening time is a greater age.
        SortKey::Age => missing_last(
            a.opened_at.map(std::cmp::Reverse),
            b.opened_at.map(std::cmp::Reverse),
            dir,
        ),
    }
}

/// Case-insensitive, without allocating per comparison (10,000 rows sort in ~140,000).
fn text(s: &str) -> Option<Folded<'_>> {
    (!s.is_empty()).then_some(Folded(s))
}

struct Folded<'a>(&'a str);

impl Folded<'_> {
    fn chars(&self) -> impl Iterator<Item = char> + '_ {
        self.0.chars().flat_map(char::to_lowercase)
    }
}

impl Ord for Folded<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.chars().cmp(other.chars())
    }
}

impl PartialOrd for Folded<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Folded<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Folded<'_> {}

fn missing_last<T: Ord>(
    a: Option<T>,
    b: Option<T>,
    dir: impl Fn(Ordering) -> Ordering,
) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => dir(a.cmp(&b)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Statuses in workflow order (open ... archived), not alphabetically.
fn rank(s: Status) -> usize {
    Status::ALL
        .iter()
        .position(|x| *x == s)
        .unwrap_or(usize::MAX)
}

/// The indices of `order` whose rows `filter` keeps, in the same order.
pub fn filtered(rows: &[Row], order: &[usize], filter: &Filter) -> Vec<usize> {
    let words: Vec<String> = filter
        .query
        .to_lowercase()
        .split_whitespace()
        .map(String::from)
        .collect();
    order
        .iter()
        .copied()
        .filter(|&i| filter.keeps(&rows[i], &words))
        .collect()
}

/// The distinct non-empty values of one column, sorted, for a filter's options.
pub fn distinct(rows: &[Row], field: impl Fn(&Row) -> &str) -> Vec<String> {
    let mut values: Vec<String> = rows
        .iter()
        .map(&field)
        .filter(|v| !v.is_empty())
        .map(String::from)
        .collect();
    escalon::sort::sort(&mut values);
    values.dedup();
    values
}
