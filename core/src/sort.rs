//! One sort for the engine and the app. `slice::sort_by` is compiled anew for every element
//! type and comparator it meets, and the wasm carried a copy of the standard library's merge
//! sort for each sorting site (122 KB before wasm-opt in the web app). Here every sort orders
//! positions with one comparator type, so the sorting code itself exists once; per element
//! type only the closure and a move into place remain.
//!
//! Maps are built the same way ([`map`]).
//!
//! Ties keep their original order (the positions break them), so callers get what
//! `sort_by` gives: a stable sort.

use std::cmp::Ordering;

/// `v.sort_by(cmp)`, stable.
pub fn sort_by<T>(v: &mut Vec<T>, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let order = positions(v.len(), &mut |a, b| cmp(&v[a], &v[b]));
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.iter().filter_map(|&i| slots[i as usize].take()));
}

/// `v.sort_by_key(key)`, stable.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// `v.sort()`, stable.
pub fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
}

/// `pairs.collect()` into a map, without the sort: collecting into a `BTreeMap` (or
/// serde_json's `Map`) sorts the pairs first with a merge sort compiled for each call site;
/// inserting them one by one needs none. A repeated key keeps its last value, as `collect`.
pub fn map<M: Default + Extend<(K, V)>, K, V>(pairs: impl IntoIterator<Item = (K, V)>) -> M {
    let mut m = M::default();
    m.extend(pairs);
    m
}

/// The positions `0..n` ordered by `cmp`, ties by position: the one monomorphic sort.
fn positions(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<u32> {
    let mut order: Vec<u32> = (0..n as u32).collect();
    order.sort_unstable_by(|&a, &b| cmp(a as usize, b as usize).then(a.cmp(&b)));
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn agrees_with_the_standard_stable_sort(v in prop::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut ours = v.clone();
            let mut std_sorted = v.clone();
            // Comparing only the first field makes ties common: their order must be kept.
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            std_sorted.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, std_sorted);
        }

        #[test]
        fn keys_and_plain_sorts_agree_too(v in prop::collection::vec(any::<i16>(), 0..100)) {
            let (mut a, mut b, mut c) = (v.clone(), v.clone(), v.clone());
            sort_by_key(&mut a, |x| x.unsigned_abs());
            b.sort_by_key(|x| x.unsigned_abs());
            sort(&mut c);
            let mut d = v;
            d.sort();
            prop_assert_eq!(a, b);
            prop_assert_eq!(c, d);
        }
    }
}
