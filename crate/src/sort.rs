//! Stable sorting with one copy of std's sort for the whole crate.
//!
//! Each `slice::sort_by` call with its own closure is a copy of std's driftsort (quicksort,
//! merges, small sorts: 3-9 KB of Wasm each); the engine had 18 of them, ~130 KB of its
//! module. [`sort_by`] sorts the positions `0..len` (one `u32` sort, whose comparisons go
//! through `&mut dyn FnMut`) and then moves the elements into that order, so every call shares
//! one copy of the sort and adds only a small loop of swaps. The result is the same as
//! `slice::sort_by`'s: a stable sort has exactly one result for a given comparison.
//!
//! For the engine's sorts, a few to a few hundred elements a report, the indirect comparison
//! costs nothing measurable (BENCHMARKS.md, "Session 11"). `sort_unstable` calls are left
//! alone where the key leaves ties (their order of equal elements is std's own).

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp`, as `v.sort_by(cmp)` does.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = {
        let v = &*v;
        positions_in_order(v.len(), &mut |a, b| cmp(&v[a], &v[b]))
    };
    permute(v, order);
}

/// Sorts `v` stably by the key `key` gives, as `v.sort_by_key(key)` does.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)))
}

/// The positions `0..len` stably sorted by `cmp` (the crate's one instance of std's sort).
#[inline(never)]
fn positions_in_order(len: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<u32> {
    let mut order: Vec<u32> = (0..len as u32).collect();
    order.sort_by(|&a, &b| cmp(a as usize, b as usize));
    order
}

/// Puts `v` in the order `order` gives (`order[k]` is the old position of the new `k`th
/// element), following each cycle of the permutation with swaps.
fn permute<T>(v: &mut [T], mut order: Vec<u32>) {
    for start in 0..order.len() {
        let mut at = start;
        while order[at] as usize != start {
            let from = order[at] as usize;
            v.swap(at, from);
            order[at] = at as u32;
            at = from;
        }
        order[at] = at as u32;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_as_std_sort_by_including_ties() {
        let mut seed = 12345u64;
        for len in [0usize, 1, 2, 3, 7, 20, 33, 100, 1000] {
            for _ in 0..20 {
                let v: Vec<(u8, usize)> = (0..len)
                    .map(|i| {
                        seed = seed
                            .wrapping_mul(6364136223846793005)
                            .wrapping_add(1442695040888963407);
                        ((seed >> 59) as u8, i)
                    })
                    .collect();
                let mut expected = v.clone();
                expected.sort_by_key(|p| p.0);
                let mut got = v.clone();
                sort_by_key(&mut got, |p| p.0);
                assert_eq!(got, expected);
                let mut expected = v.clone();
                expected.sort_by_key(|p| std::cmp::Reverse(p.0));
                let mut got = v;
                sort_by(&mut got, |a, b| b.0.cmp(&a.0));
                assert_eq!(got, expected);
            }
        }
    }
}
