//! Fixed word lists looked up once per word of a text (place names, titles, number words): a
//! hash set behind a bit set of the words' outlines, so most words of running text, which are
//! on no list, are ruled out without being hashed.

use rustc_hash::FxHashMap;

/// A word list, each word with a value (`()` for a plain set).
#[derive(Debug, Clone)]
pub struct WordMap<V> {
    words: FxHashMap<&'static str, V>,
    /// Bit [`outline`] of each word.
    outlines: Box<[u64; OUTLINE_BITS / 64]>,
}

/// A word list without values.
pub type WordSet = WordMap<()>;

/// Bits in the outline set: one per outline.
const OUTLINE_BITS: usize = 1 << OUTLINE_SHIFT;
const OUTLINE_SHIFT: u32 = 16;

/// A word's outline: its length and its first two and last two bytes, mixed into a number
/// below [`OUTLINE_BITS`]. Equal words have equal outlines, so a word whose outline no
/// listed word has is not listed. A list of a thousand words sets under 2% of the bits, so
/// few words of running text that are not on it pass.
fn outline(w: &str) -> usize {
    let b = w.as_bytes();
    let n = b.len();
    let at = |k: usize| u64::from(b.get(k).copied().unwrap_or(0));
    let from_end = |k: usize| u64::from(n.checked_sub(k).map_or(0, |i| b[i]));
    let features = (n as u64 & 0xFF) | at(0) << 8 | at(1) << 16 | from_end(2) << 24 | from_end(1) << 32;
    // Fibonacci hashing: the top bits of the product mix every feature.
    (features.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - OUTLINE_SHIFT)) as usize
}

impl<V> WordMap<V> {
    /// The list of `entries`; a word listed twice keeps its last value.
    pub fn new(entries: impl IntoIterator<Item = (&'static str, V)>) -> WordMap<V> {
        let words: FxHashMap<&'static str, V> = entries.into_iter().collect();
        let mut outlines = Box::new([0u64; OUTLINE_BITS / 64]);
        for w in words.keys() {
            let k = outline(w);
            outlines[k / 64] |= 1 << (k % 64);
        }
        WordMap { words, outlines }
    }

    /// The value of `w`, if it is listed.
    pub fn get(&self, w: &str) -> Option<&V> {
        let k = outline(w);
        if self.outlines[k / 64] & (1 << (k % 64)) == 0 {
            return None;
        }
        self.words.get(w)
    }

    pub fn contains(&self, w: &str) -> bool {
        self.get(w).is_some()
    }
}

impl WordSet {
    /// The set of `words`.
    pub fn of(words: impl IntoIterator<Item = &'static str>) -> WordSet {
        WordMap::new(words.into_iter().map(|w| (w, ())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const LISTED: &[&str] = &["one", "two", "monday", "may", "", "über", "x", "a-very-long-listed-word"];

    #[test]
    fn listed_words_are_found_with_their_values() {
        let map = WordMap::new(LISTED.iter().enumerate().map(|(k, w)| (*w, k)));
        for (k, w) in LISTED.iter().enumerate() {
            assert_eq!(map.get(w), Some(&k), "{w:?}");
        }
        assert!(!map.contains("One") && !map.contains("ones") && !map.contains("a-very-long-listed-wore"));
    }

    proptest! {
        /// The outline rules a word out only when it is not listed: the answers are the
        /// hash set's alone.
        #[test]
        fn the_outline_never_hides_a_listed_word(
            w in prop_oneof![proptest::sample::select(LISTED).prop_map(String::from), "[a-zA-Zü-]{0,20}"]
        ) {
            let set = WordSet::of(LISTED.iter().copied());
            prop_assert_eq!(set.contains(&w), LISTED.contains(&w.as_str()));
        }
    }
}
