//! Maps keyed by words, for the lookups made once per word of a text (a term's id, a word's
//! key, the words a text writes in lower case). Most words are short: a word of up to seven
//! bytes is keyed by its bytes and length packed into one integer, hashed and compared as a
//! number, with no string comparison and nothing allocated; longer words are keyed by their
//! text.

use rustc_hash::FxHashMap;
use std::borrow::Cow;

/// A map from words to values. Keys borrow from a text where they can (`'a`).
#[derive(Debug, Clone)]
pub struct StrMap<'a, V> {
    short: FxHashMap<u64, V>,
    long: FxHashMap<Cow<'a, str>, V>,
}

/// A set of words.
pub type StrSet<'a> = StrMap<'a, ()>;

/// The longest word, in bytes, kept as a number: seven bytes and the length fit 64 bits.
const SHORT_MAX: usize = 7;

/// A word of up to [`SHORT_MAX`] bytes as one number: its bytes, then its length in the top
/// byte, so that two words have the same number only if they are the same word (even words
/// with NUL bytes, or one a prefix of the other).
fn short_key(w: &str) -> Option<u64> {
    let b = w.as_bytes();
    if b.len() > SHORT_MAX {
        return None;
    }
    let n = b.len();
    // The bytes in place, read without a loop or a copy: two overlapping four-byte reads for
    // four to seven bytes, the first, middle and last byte for one to three (a byte read
    // twice lands on itself).
    let bytes = match n {
        0 => 0,
        1..=3 => {
            let at = |k: usize| u64::from(b[k]) << (8 * k);
            at(0) | at(n / 2) | at(n - 1)
        }
        _ => {
            let four = |k: usize| u64::from(u32::from_le_bytes([b[k], b[k + 1], b[k + 2], b[k + 3]]));
            four(0) | four(n - 4) << (8 * (n - 4))
        }
    };
    Some(bytes | (n as u64) << 56)
}

impl<V> Default for StrMap<'_, V> {
    fn default() -> Self {
        StrMap::new()
    }
}

impl<'a, V> StrMap<'a, V> {
    pub fn new() -> StrMap<'a, V> {
        StrMap { short: FxHashMap::default(), long: FxHashMap::default() }
    }

    pub fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, w: &str) -> Option<&V> {
        match short_key(w) {
            Some(k) => self.short.get(&k),
            None => self.long.get(w),
        }
    }

    pub fn contains(&self, w: &str) -> bool {
        self.get(w).is_some()
    }

    /// Puts `w` in with its value (replacing an earlier one).
    pub fn insert(&mut self, w: Cow<'a, str>, v: V) {
        match short_key(&w) {
            Some(k) => {
                self.short.insert(k, v);
            }
            None => {
                self.long.insert(w, v);
            }
        }
    }

    /// [`StrMap::insert`] of a word it copies if it has to (a long one).
    pub fn insert_copy(&mut self, w: &str, v: V) {
        match short_key(w) {
            Some(k) => {
                self.short.insert(k, v);
            }
            None => {
                self.long.insert(Cow::Owned(w.to_owned()), v);
            }
        }
    }

    /// Takes in every word of `other` (its values replacing this map's for the same words).
    pub fn extend(&mut self, other: StrMap<'a, V>) {
        self.short.extend(other.short);
        self.long.extend(other.long);
    }
}

impl<'a> StrSet<'a> {
    /// Puts a word in the set.
    pub fn add(&mut self, w: Cow<'a, str>) {
        self.insert(w, ());
    }

    /// Hands each word of the set to `each`, once, in no particular order.
    pub fn for_each_word(&self, mut each: impl FnMut(&str)) {
        for &key in self.short.keys() {
            // A short key is the word's bytes in order, its length in the top byte.
            let bytes = key.to_le_bytes();
            // (It was made from a `str`, so its bytes are UTF-8.)
            if let Ok(w) = std::str::from_utf8(&bytes[..(key >> 56) as usize]) {
                each(w);
            }
        }
        for w in self.long.keys() {
            each(w);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Every word put in a set is handed out once, short or long, ASCII or not.
        #[test]
        fn a_set_hands_out_each_of_its_words_once(words in proptest::collection::vec("\\PC{0,10}", 0..40)) {
            let mut set = StrSet::new();
            for w in &words {
                set.add(Cow::Owned(w.clone()));
            }
            let mut seen: Vec<String> = Vec::new();
            set.for_each_word(|w| seen.push(w.to_string()));
            seen.sort();
            let mut expected = words.clone();
            expected.sort();
            expected.dedup();
            prop_assert_eq!(seen, expected);
        }
    }

    #[test]
    fn short_keys_tell_every_short_word_apart() {
        let words = ["", "a", "a\0", "\0a", "ab", "abc", "abcd", "abcdefg", "abcdefh", "é", "\0\0\0\0\0\0\0"];
        let keys: std::collections::HashSet<u64> = words.iter().map(|w| short_key(w).unwrap()).collect();
        assert_eq!(keys.len(), words.len());
        // The packing is the bytes in order, the length on top.
        for w in words {
            let mut bytes = [0u8; 8];
            bytes[..w.len()].copy_from_slice(w.as_bytes());
            bytes[7] = w.len() as u8;
            assert_eq!(short_key(w), Some(u64::from_le_bytes(bytes)), "{w:?}");
        }
        assert_eq!(short_key("abcdefgh"), None, "eight bytes are a long word");
    }

    proptest! {
        /// The map answers as a map of strings does, for short and long words alike.
        #[test]
        fn it_is_a_map_of_strings(words in proptest::collection::vec("[ab\0é]{0,9}", 0..40), probe in "[ab\0é]{0,9}") {
            let mut ours: StrMap<usize> = StrMap::new();
            let mut plain: std::collections::HashMap<String, usize> = Default::default();
            for (k, w) in words.iter().enumerate() {
                if ours.get(w).is_none() {
                    if k % 2 == 0 { ours.insert_copy(w, k) } else { ours.insert(Cow::Owned(w.clone()), k) }
                }
                prop_assert_eq!(ours.get(w).copied(), Some(*plain.entry(w.clone()).or_insert(k)));
            }
            prop_assert_eq!(ours.len(), plain.len());
            prop_assert_eq!(ours.get(&probe), plain.get(&probe));
        }
    }
}
