//! Items grouped by a small integer key (a paragraph, a unit) in two flat arrays: a million
//! groups cost two numbers each, not a vector each.

/// Items by group: group `g`'s items are `items[starts[g]..starts[g + 1]]`, in the order they
/// were given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Groups<T> {
    starts: Vec<usize>,
    items: Vec<T>,
}

impl<T: Copy + Default> Groups<T> {
    /// `groups` groups (keys `0..groups`) of the `(group, item)` pairs, read twice.
    pub fn new<I>(groups: usize, pairs: I) -> Groups<T>
    where
        I: IntoIterator<Item = (usize, T)>,
        I::IntoIter: Clone,
    {
        let pairs = pairs.into_iter();
        let mut starts = vec![0; groups + 1];
        for (g, _) in pairs.clone() {
            starts[g + 1] += 1;
        }
        for g in 0..groups {
            starts[g + 1] += starts[g];
        }
        let mut next = starts.clone();
        let mut items = vec![T::default(); starts[groups]];
        for (g, item) in pairs {
            items[next[g]] = item;
            next[g] += 1;
        }
        Groups { starts, items }
    }
}

impl<T> Groups<T> {
    /// How many groups.
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Group `g`'s items (`g < len()`).
    pub fn of(&self, g: usize) -> &[T] {
        &self.items[self.starts[g]..self.starts[g + 1]]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_keep_their_order_within_a_group() {
        let g = Groups::new(4, [(2, 'a'), (0, 'b'), (2, 'c'), (0, 'd')]);
        assert_eq!(g.len(), 4);
        assert_eq!(
            (g.of(0), g.of(1), g.of(2), g.of(3)),
            (&['b', 'd'][..], &[][..], &['a', 'c'][..], &[][..])
        );
        assert!(Groups::<u8>::new(0, []).is_empty());
    }
}
