//! A set of pairs of small integers (sentence pairs: a left unit and a right unit) in flat
//! arrays, sorted by pair and found through the left one: a million pairs cost eight bytes
//! each, where a hash table of them costs thirty-odd and faults in its pages afresh whenever
//! it grows. A pair's place in the order is its index, so values for the pairs live in plain
//! vectors beside the set.

/// The distinct pairs, by left then right: those with left `i` are
/// `right[starts[i]..starts[i + 1]]`, in increasing order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PairIndex {
    /// (32-bit, as the pairs are fewer than 4 G: a million-sentence side's starts take 4 MB.)
    starts: Vec<u32>,
    left: Vec<u32>,
    right: Vec<u32>,
}

impl PairIndex {
    /// The distinct pairs among `pairs`, whose left members are below `lefts` (a counting sort
    /// by left member, then each left member's few pairs sorted).
    ///
    /// Panics if a left member is `lefts` or more, or a member does not fit in 32 bits (the
    /// units of texts of up to 4 GiB do).
    /// (`pairs` is read twice: once to count each left member's pairs, once to place them.)
    pub fn new<I>(lefts: usize, pairs: I) -> PairIndex
    where
        I: IntoIterator<Item = (usize, usize)>,
        I::IntoIter: Clone,
    {
        let pairs = pairs.into_iter();
        let mut starts = vec![0u32; lefts + 1];
        for (i, _) in pairs.clone() {
            starts[i + 1] += 1;
        }
        for i in 0..lefts {
            starts[i + 1] += starts[i];
        }
        let mut next = starts.clone();
        let total = starts[lefts] as usize;
        let mut right = vec![0u32; total];
        for (i, j) in pairs {
            right[next[i] as usize] = narrow(j);
            next[i] += 1;
        }
        drop(next);
        // Each left member's pairs sorted and made distinct, moved down over the duplicates.
        let mut kept = 0;
        let mut left = Vec::with_capacity(total);
        for i in 0..lefts {
            let (from, to) = (starts[i] as usize, starts[i + 1] as usize);
            right[from..to].sort_unstable();
            starts[i] = narrow(kept);
            for k in from..to {
                if k == from || right[k] != right[k - 1] {
                    right[kept] = right[k];
                    left.push(narrow(i));
                    kept += 1;
                }
            }
        }
        starts[lefts] = narrow(kept);
        right.truncate(kept);
        PairIndex { starts, left, right }
    }

    /// How many pairs.
    pub fn len(&self) -> usize {
        self.right.len()
    }

    pub fn is_empty(&self) -> bool {
        self.right.is_empty()
    }

    /// The `k`-th pair (`k < len()`).
    pub fn pair(&self, k: usize) -> (usize, usize) {
        (self.left[k] as usize, self.right[k] as usize)
    }

    /// The index of pair (`i`, `j`), if it is in the set.
    pub fn find(&self, i: usize, j: usize) -> Option<usize> {
        let (from, to) = (*self.starts.get(i)? as usize, *self.starts.get(i + 1)? as usize);
        let j = u32::try_from(j).ok()?;
        self.right[from..to].binary_search(&j).ok().map(|k| from + k)
    }

    /// The pairs in order.
    pub fn iter(&self) -> impl Iterator<Item = (usize, usize)> + Clone + '_ {
        self.left.iter().zip(&self.right).map(|(&i, &j)| (i as usize, j as usize))
    }
}

/// A pair's member as stored: in 32 bits, as every unit of a text under 4 GiB is.
fn narrow(x: usize) -> u32 {
    match u32::try_from(x) {
        Ok(x) => x,
        Err(_) => panic!("pair member {x} over 32 bits"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn pairs_are_sorted_distinct_and_found() {
        let p = PairIndex::new(4, [(2, 7), (0, 3), (2, 1), (0, 3), (3, 0), (2, 7)]);
        assert_eq!(p.iter().collect::<Vec<_>>(), [(0, 3), (2, 1), (2, 7), (3, 0)]);
        assert_eq!(p.len(), 4);
        assert_eq!((p.find(2, 7), p.find(2, 1), p.find(0, 3)), (Some(2), Some(1), Some(0)));
        assert_eq!(
            (p.find(1, 3), p.find(2, 3), p.find(9, 0), p.find(0, usize::MAX)),
            (None, None, None, None)
        );
        assert_eq!(p.pair(3), (3, 0));
        assert!(PairIndex::new(0, []).is_empty());
    }

    proptest! {
        #[test]
        fn the_index_is_the_sorted_set(pairs in proptest::collection::vec((0usize..20, 0usize..20), 0..200)) {
            let p = PairIndex::new(20, pairs.iter().copied());
            let set: std::collections::BTreeSet<(usize, usize)> = pairs.iter().copied().collect();
            prop_assert_eq!(p.iter().collect::<Vec<_>>(), set.iter().copied().collect::<Vec<_>>());
            for i in 0..21 {
                for j in 0..21 {
                    let found = p.find(i, j).map(|k| p.pair(k));
                    prop_assert_eq!(found, set.contains(&(i, j)).then_some((i, j)));
                }
            }
        }
    }
}
