//! Named people: who each version names, and every mention's byte span.
//!
//! No model and no network: capitalised sequences are cut out of each sentence, stripped of
//! titles and place words ("Russian President Vladimir Putin" → "Vladimir Putin"), and judged
//! by cues — a title or role before the name, a verb of saying or an age after it, a first
//! name from the census or world lists, initials and particles, and negative evidence
//! (places, organisations, nationalities, calendar words, words the text also writes in
//! lower case, sentence-initial capitals). Headings and all-capital lines prove nothing by
//! their capitals, so there only names already known count.
//!
//! Linking: every full name found in either version makes a person; a surname alone (or
//! with a possessive, "Putin’s") is a mention of the full name with that surname, the
//! nearest one before it when several share it. A person named only by surname is one
//! person too.

mod lexicon;

use crate::document::{Document, Kind, Paragraph, Span};
use crate::strmap::{StrMap, StrSet};
use crate::text::{AsciiChars, CharIndex, DecodedChars};
use crate::wordset::{WordMap, WordSet};
use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;
use std::sync::OnceLock;

/// One person and where each version names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The fullest form either version writes, without titles ("Vladimir Putin").
    pub name: String,
    pub left: Vec<Span>,
    pub right: Vec<Span>,
}

impl Person {
    /// Named by one version only.
    pub fn one_sided(&self) -> bool {
        self.left.is_empty() != self.right.is_empty()
    }

    /// What to say of a person only one version of a pair names (nothing for one document).
    pub fn only_in(&self, pair: bool) -> Option<&'static str> {
        match (self.left.is_empty(), self.right.is_empty()) {
            (false, true) if pair => Some("only in the left version"),
            (true, false) => Some("only in the right version"),
            _ => None,
        }
    }
}

/// A mention in one document: where, and which person (an index into `People::persons`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub person: usize,
}

/// Everyone either version names, in order of first mention (left version first).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct People {
    pub persons: Vec<Person>,
    /// Every mention in the left document, by position.
    pub left: Vec<Mention>,
    pub right: Vec<Mention>,
    /// The places and organisations each document names (left, then right if any), found
    /// from the same words (the fact-check lens compares them).
    pub places: Vec<Places>,
}

impl People {
    /// The people of a pair (or of one document when `right` is `None`).
    pub fn find(left: &Document, right: Option<&Document>) -> People {
        let docs: Vec<&Document> = std::iter::once(left).chain(right).collect();
        if docs.iter().any(|d| u32::try_from(d.text.len()).is_err()) {
            // Beyond the tokens' 32-bit offsets (the reader refuses such input before this).
            return People { places: vec![Places::default(); docs.len()], ..People::default() };
        }
        let lists = Lists::get();
        // Each document's tokens and the words it writes in lower case, the two documents in
        // parallel; then each document's names and places, which need both documents' lower
        // case words, again in parallel.
        // (With each document's places written in lower case, from its own words.)
        let read = |doc| {
            let (toks, lower) = tokens_and_lower_words(doc);
            let places_lower = places_in_lower_case(&lower);
            (toks, lower, places_lower)
        };
        let ((left_toks, mut lower, left_places), right_read) =
            rayon::join(|| read(left), || right.map(read));
        let right_toks = right_read.map(|(toks, right_lower, places_lower)| {
            lower.extend(right_lower);
            (toks, places_lower)
        });
        let find = |doc: &Document, (toks, places_lower): (Vec<Token>, FxHashSet<String>)| {
            (candidates(&doc.text, &toks, lists, &lower), places_of(doc, &toks, places_lower))
        };
        let (left_found, right_found) = rayon::join(
            || find(left, (left_toks, left_places)),
            || right.zip(right_toks).map(|(r, t)| find(r, t)),
        );
        let (candidates, places): (Vec<Vec<Candidate>>, Vec<Places>) =
            std::iter::once(left_found).chain(right_found).unzip();
        People { places, ..link(&docs, candidates) }
    }

    /// The mentions of one side.
    pub fn mentions(&self, left: bool) -> &[Mention] {
        if left {
            &self.left
        } else {
            &self.right
        }
    }
}

/// A document's tokens, and the words it writes in lower case.
fn tokens_and_lower_words(doc: &Document) -> (Vec<Token>, StrSet<'_>) {
    let toks = tokenize(doc);
    let mut lower = StrSet::new();
    for t in toks.iter().filter(|t| t.shape == Shape::Lower) {
        lower.add(if t.plain() { Cow::Borrowed(t.text(&doc.text)) } else { lower_case(t.text(&doc.text)) });
    }
    (toks, lower)
}

/// The places and organisations among a document's words in lower case (`lower`, from
/// [`tokens_and_lower_words`]), as [`low`] reads them: each distinct word looked at once, not
/// each of the document's lower-case words in turn.
fn places_in_lower_case(lower: &StrSet) -> FxHashSet<String> {
    let lists = Lists::get();
    let mut out = FxHashSet::default();
    lower.for_each_word(|w| {
        // `low` of a token is its lower case without trailing full stops, apostrophes
        // straightened (a full stop or an apostrophe lower-cases to itself).
        let w = w.trim_end_matches('.');
        let w = if w.contains('’') { Cow::Owned(w.replace('’', "'")) } else { Cow::Borrowed(w) };
        if lists.place_or_org.contains(&w) {
            out.insert(w.into_owned());
        }
    });
    out
}

/// A place or organisation named in a document: where, and its name folded to one form
/// ("US", "U.S." and "United States" are all "united states").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub span: Span,
    pub key: String,
}

/// The places and organisations of a document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Places {
    /// Named with a capital, in order: known place names (countries, capitals, large cities,
    /// regions; one word or several) and one-word organisations.
    pub named: Vec<Place>,
    /// The same names written in lower case ("kyiv"), folded.
    pub lower: FxHashSet<String>,
}

/// The places and organisations a document names, from one pass over its words.
pub fn places(doc: &Document) -> Places {
    let (toks, lower) = tokens_and_lower_words(doc);
    places_of(doc, &toks, places_in_lower_case(&lower))
}

/// The places a document names with capitals, found in its tokens, and `lower`, those it
/// writes in lower case ([`places_in_lower_case`]).
fn places_of(doc: &Document, toks: &[Token], lower: FxHashSet<String>) -> Places {
    let lists = Lists::get();
    let text = doc.text.as_str();
    let alias = |k: String| -> String {
        lexicon::ALIASES.iter().find(|(a, _)| *a == k).map_or(k, |(_, to)| to.to_string())
    };
    let mut out = Vec::new();
    // Each word's `low`, written into one buffer reused from word to word.
    let mut buf = String::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if !matches!(t.shape, Shape::Cap | Shape::Upper) {
            i += 1;
            continue;
        }
        buf.clear();
        push_low(text, t, &mut buf);
        let w = buf.as_str();
        let kinds = lists.place_word(w);
        // The longest known phrase starting here ("United States", "Rio de Janeiro"), looked
        // for only after a word that starts one.
        let mut found = None;
        let starts_phrase = kinds & PHRASE_START != 0;
        for n in (2..=3).rev().filter(|_| starts_phrase) {
            if i + n > toks.len() || toks[i + 1..i + n].iter().any(|t| t.shape == Shape::Punct) {
                continue;
            }
            let phrase = toks[i..i + n].iter().map(|t| low(text, t)).collect::<Vec<_>>().join(" ");
            if lists.place_phrases.contains(phrase.as_str()) {
                found = Some((n, phrase));
                break;
            }
        }
        if found.is_none() {
            let place = kinds & PLACE != 0 && !lexicon::FRAGMENTS.contains(&w);
            if place || kinds & ORG != 0 {
                found = Some((1, w.to_owned()));
            }
        }
        match found {
            Some((n, key)) => {
                out.push(Place {
                    span: Span::new(t.span().start, toks[i + n - 1].span().end),
                    key: alias(key),
                });
                i += n;
            }
            None => i += 1,
        }
    }
    Places { named: out, lower }
}

/// The name lists, built once from the embedded files.
struct Lists {
    world_first: WordSet,
    titles: WordSet,
    roles: WordSet,
    speech: WordSet,
    strong_speech: WordSet,
    particles: WordSet,
    suffixes: WordSet,
    not_person: WordSet,
    places: WordSet,
    place_phrases: WordSet,
    /// Finds any place phrase inside a run of words, in one pass over the run (`None` only
    /// if the automaton could not be built, when each phrase is looked for in turn).
    place_phrase_finder: Option<aho_corasick::AhoCorasick>,
    /// What each word of `places`, `orgs` and the place phrases' first words ("united",
    /// "rio") is: [`PLACE`], [`ORG`] and [`PHRASE_START`] flags, found with one lookup.
    place_words: WordMap<u8>,
    /// The words of `places` and `orgs` alone (what a word in lower case is looked up in).
    place_or_org: WordSet,
    thing_prefixes: WordSet,
    person_nouns: WordSet,
    demonyms: WordSet,
    calendar: WordSet,
    common: WordSet,
}

/// How an upper-case census name orders against an ASCII word read in upper case (no copy).
fn upper_cmp(name: &str, word: &str) -> std::cmp::Ordering {
    name.bytes().cmp(word.bytes().map(|b| b.to_ascii_uppercase()))
}

/// A word of [`lexicon::PLACES`].
const PLACE: u8 = 1;
/// A word of [`lexicon::ORGS`].
const ORG: u8 = 2;
/// The first word of one of [`lexicon::PLACE_PHRASES`].
const PHRASE_START: u8 = 4;

/// Sorted upper-case names packed into one string: `text` holds them back to back, `ends[i]`
/// is where the `i`-th ends (build.rs writes them so, with no pointer per name to relocate).
struct NameTable {
    text: &'static str,
    ends: &'static [u32],
}

impl NameTable {
    /// The `i`-th name.
    fn name(&self, i: usize) -> &'static str {
        let start = i.checked_sub(1).map_or(0, |k| self.ends[k] as usize);
        &self.text[start..self.ends[i] as usize]
    }

    /// The place of an ASCII word read in upper case, if the table has it.
    fn find(&self, word: &str) -> Option<usize> {
        let (mut lo, mut hi) = (0, self.ends.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match upper_cmp(self.name(mid), word) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }
}

/// `FIRST_NAMES`, `SURNAMES` and `SURNAME_RANKS`: the census lists of `assets/names`, sorted
/// by build.rs.
mod census {
    include!(concat!(env!("OUT_DIR"), "/names.rs"));
}

fn set(words: &[&'static str]) -> WordSet {
    WordSet::of(words.iter().copied())
}

impl Lists {
    fn get() -> &'static Lists {
        static LISTS: OnceLock<Lists> = OnceLock::new();
        LISTS.get_or_init(|| {
            use lexicon::*;
            Lists {
                world_first: set(WORLD_FIRST_NAMES),
                titles: set(TITLES),
                roles: set(ROLES),
                speech: set(SPEECH),
                strong_speech: set(STRONG_SPEECH),
                particles: set(PARTICLES),
                suffixes: set(SUFFIXES),
                not_person: set(NOT_PERSON_WORDS),
                places: set(PLACES),
                place_phrases: set(PLACE_PHRASES),
                place_phrase_finder: aho_corasick::AhoCorasick::new(PLACE_PHRASES).ok(),
                place_words: {
                    let mut kinds: FxHashMap<&'static str, u8> = FxHashMap::default();
                    let first_words = PLACE_PHRASES.iter().filter_map(|p| p.split(' ').next());
                    for (words, kind) in [(PLACES, PLACE), (ORGS, ORG)] {
                        for w in words {
                            *kinds.entry(*w).or_insert(0) |= kind;
                        }
                    }
                    for w in first_words {
                        *kinds.entry(w).or_insert(0) |= PHRASE_START;
                    }
                    WordMap::new(kinds)
                },
                place_or_org: WordSet::of(PLACES.iter().chain(ORGS).copied()),
                thing_prefixes: set(THING_PREFIXES),
                person_nouns: set(PERSON_NOUNS),
                demonyms: set(DEMONYMS),
                calendar: set(CALENDAR),
                common: set(COMMON),
            }
        })
    }

    /// The [`PLACE`], [`ORG`] and [`PHRASE_START`] flags of a lower-cased word (0 for none).
    fn place_word(&self, low: &str) -> u8 {
        self.place_words.get(low).copied().unwrap_or(0)
    }

    fn is_first_name(&self, low: &str) -> bool {
        self.world_first.contains(low) || (low.is_ascii() && census::FIRST_NAMES.find(low).is_some())
    }

    fn surname_rank(&self, low: &str) -> Option<u32> {
        if !low.is_ascii() {
            return None;
        }
        census::SURNAMES.find(low).map(|i| census::SURNAME_RANKS[i])
    }

    /// A word that names a place, a people, a date or an organisation, never a person.
    fn is_thing(&self, low: &str) -> bool {
        self.places.contains(low)
            || self.demonyms.contains(low)
            || self.calendar.contains(low)
            || self.not_person.contains(low)
            || low.strip_suffix('s').is_some_and(|s| self.demonyms.contains(s))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// Starts with a capital: "Putin", "McDonald", "al-Assad".
    Cap,
    Lower,
    /// All capitals, two letters or more: "NATO", "U.S.", "PUTIN".
    Upper,
    /// One capital letter with a full stop: "J.", "W.".
    Initial,
    Number,
    Punct,
    /// A word longer than [`Token`] measures (over 64 KiB): no name, place or common word is
    /// that long, so it is not read as one.
    Long,
}

/// A token takes 8 bytes: both documents' tokens are held at once, a million of them for a
/// 4 MB text.
#[derive(Debug, Clone, Copy)]
struct Token {
    /// Where the token starts in the text, as a 32-bit offset ([`People::find`] reads no text
    /// of 4 GiB).
    start: u32,
    /// Its length in bytes; 0 for a [`Shape::Long`] word, whose text is never read.
    len: u16,
    shape: Shape,
    /// [`FIRST`], [`POSSESSIVE`], [`CAPS_FREE`] and [`PLAIN`], one bit each.
    flags: u8,
}

/// The first word of its sentence.
const FIRST: u8 = 1;
/// Followed by a possessive ("’s", or "’" after an s), which is not part of the span.
const POSSESSIVE: u8 = 2;
/// In a heading or an all-capitals sentence, where capitals say nothing.
const CAPS_FREE: u8 = 4;
/// Written as [`low`] reads it (lower case, no curly apostrophe), so `low` borrows it
/// without looking at its characters again.
const PLAIN: u8 = 8;

/// `flag` when `on`, else nothing.
fn flag(on: bool, flag: u8) -> u8 {
    if on {
        flag
    } else {
        0
    }
}

/// Abbreviations whose full stop belongs to the word ("Mr.", "Jr.", "St.").
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "capt", "sgt", "adm", "maj",
    "rev", "st", "jr", "sr", "hon", "fr", "det", "supt", "cmdr", "brig", "pvt", "cpl", "mt",
];

/// Number words never name a person ("Formula One", "Group Seven").
const NUMBER_WORDS: &[&str] =
    &["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "hundred", "thousand"];

impl Token {
    fn first(&self) -> bool {
        self.flags & FIRST != 0
    }

    fn possessive(&self) -> bool {
        self.flags & POSSESSIVE != 0
    }

    fn caps_free(&self) -> bool {
        self.flags & CAPS_FREE != 0
    }

    fn plain(&self) -> bool {
        self.flags & PLAIN != 0
    }

    /// A token from `start` to `end` in the text, shaped `shape` (or [`Shape::Long`]).
    fn new(start: usize, end: usize, shape: Shape, flags: u8) -> Token {
        // Offsets fit 32 bits: `People::find` takes no text of 4 GiB.
        let start = start as u32;
        match u16::try_from(end - start as usize) {
            Ok(len) => Token { start, len, shape, flags },
            Err(_) => Token { start, len: 0, shape: Shape::Long, flags: flags & !PLAIN },
        }
    }

    fn end(&self) -> u32 {
        self.start + u32::from(self.len)
    }

    fn span(&self) -> Span {
        Span::new(self.start as usize, self.end() as usize)
    }

    /// What the token writes.
    fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start as usize..self.end() as usize]
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// A first guess at the tokens of a text: one for every this many bytes. A word and its space
/// take four to six bytes in most languages, a punctuation mark one or two; the guess is kept
/// low, since room never written costs only address space, while each regrowth copies every
/// token into fresh pages (a 4 MB text has a million tokens: 12 MB copied, 24 MB faulted in).
const BYTES_PER_TOKEN: usize = 3;

/// Words, numbers and punctuation of every paragraph, with sentence starts marked.
fn tokenize(doc: &Document) -> Vec<Token> {
    let text = doc.text.as_str();
    let mut out = Vec::with_capacity(text.len() / BYTES_PER_TOKEN);
    // A paragraph outside ASCII is decoded into a buffer reused from paragraph to paragraph.
    let mut buf: Vec<(usize, char)> = Vec::new();
    for para in &doc.paragraphs {
        let from = out.len();
        let s = &text[para.span.start..para.span.end];
        match AsciiChars::new(s) {
            Some(chars) => tokenize_paragraph(&chars, s, para, &mut out),
            None => tokenize_paragraph(&DecodedChars::new(s, &mut buf), s, para, &mut out),
        }
        mark_capital_sentences(text, &mut out[from..]);
    }
    out
}

/// The tokens of one paragraph (its text `s`, its characters `chars`), appended to `out`.
fn tokenize_paragraph(chars: &impl CharIndex, s: &str, para: &Paragraph, out: &mut Vec<Token>) {
    let from = out.len();
    let mut sentences = para.sentences().iter().map(|s| s.start).peekable();
    let n = chars.count();
    let byte = |i: usize| para.span.start + chars.offset(i);
    let mut i = 0;
    let mut at_start = true;
    while i < n {
        let c = chars.at(i);
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        while sentences.next_if(|&st| st <= byte(i)).is_some() {
            at_start = true;
        }
        if !c.is_alphanumeric() {
            // A detached possessive, as tokenised text writes it: "Trump 's".
            if is_apostrophe(c)
                && chars.get(i + 1) == Some('s')
                && chars.get(i + 2).is_none_or(|n| !n.is_alphanumeric())
            {
                if let Some(prev) = out[from..].last_mut().filter(|t: &&mut Token| t.shape != Shape::Punct) {
                    prev.flags |= POSSESSIVE;
                    i += 2;
                    continue;
                }
            }
            out.push(Token::new(byte(i), byte(i + 1), Shape::Punct, 0));
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i + 1;
        loop {
            // The letters and digits up to the next other character, at once.
            j = chars.alphanumeric_end(j);
            if j >= n {
                break;
            }
            let c = chars.at(j);
            // Looked at only after a character that may join two parts of a word.
            let next_alnum = || chars.get(j + 1).is_some_and(char::is_alphanumeric);
            let joins = match c {
                '-' | '\'' | '’' | '&' => next_alnum(),
                // Initials and dotted acronyms: "J.R.R.", "U.S"; decimals "1.2".
                '.' => {
                    next_alnum()
                        && (j - start == 1
                            || (j >= 2 && chars.at(j - 2) == '.')
                            || (chars.at(j - 1).is_ascii_digit() && chars.at(j + 1).is_ascii_digit()))
                }
                ',' => next_alnum() && chars.at(j - 1).is_ascii_digit() && chars.at(j + 1).is_ascii_digit(),
                _ => false,
            };
            if !joins {
                break;
            }
            j += 1;
        }
        let mut end = j;
        let mut possessive = false;
        let word = &s[chars.offset(start)..chars.offset(end)];
        // "Trump’s" → "Trump" + possessive; "Jones’" likewise.
        if end - start > 2 && is_apostrophe(chars.at(end - 2)) && matches!(chars.at(end - 1), 's' | 'S') {
            end -= 2;
            possessive = true;
        } else if word.ends_with('s')
            && chars.get(end).is_some_and(is_apostrophe)
            && chars.get(end + 1).is_none_or(|n| !n.is_alphanumeric())
        {
            possessive = true;
            j += 1;
        }
        // A full stop closing an initial, a dotted acronym or a title abbreviation.
        let body = &s[chars.offset(start)..chars.offset(end)];
        if !possessive && chars.get(end) == Some('.') {
            let letters = body.chars().filter(|c| c.is_alphabetic()).count();
            let single = letters == 1 && body.chars().all(|c| c.is_alphabetic() || c == '.');
            let dotted = body.contains('.') && body.split('.').all(|p| p.chars().count() <= 1);
            // The abbreviations are ASCII without a 'k' (the Kelvin sign lower-cases to one),
            // so a case-blind ASCII comparison is the lower-cased one, without a copy.
            if single || dotted || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(body)) {
                end += 1;
                j = end;
            }
        }
        let body = &s[chars.offset(start)..chars.offset(end)];
        let (shape, plain) = shape_and_plain(body);
        out.push(Token::new(
            byte(start),
            byte(end),
            shape,
            flag(at_start && shape != Shape::Number, FIRST)
                | flag(possessive, POSSESSIVE)
                | flag(para.kind == Kind::Heading, CAPS_FREE)
                | flag(plain, PLAIN),
        ));
        at_start = false;
        i = j;
    }
}

/// A word's shape, and whether it is plain: a [`Shape::Lower`] word that [`low`] reads as it
/// is written ([`is_plain`] without its trailing full stops).
fn shape_and_plain(word: &str) -> (Shape, bool) {
    let (letters, seen) = letters_and_classes(word.as_bytes());
    if seen & NOT_ASCII == 0 {
        shape_and_plain_ascii(word, letters, seen)
    } else {
        let shape = shape_of_chars(word);
        (shape, shape == Shape::Lower && is_plain(word.trim_end_matches('.')))
    }
}

/// Classes of a byte, one bit each ([`BYTE_CLASSES`]): an ASCII letter (the lowest bit, so
/// that adding it counts letters), a capital, a small letter, a byte outside ASCII.
const LETTER: u8 = 1;
const CAPITAL: u8 = 2;
const SMALL: u8 = 4;
const NOT_ASCII: u8 = 8;

/// Each byte's classes: a word's are read with one lookup a byte, not a test of each range.
const BYTE_CLASSES: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_uppercase() {
            LETTER | CAPITAL
        } else if c.is_ascii_lowercase() {
            LETTER | SMALL
        } else if c.is_ascii() {
            0
        } else {
            NOT_ASCII
        };
        b += 1;
    }
    t
};

/// How many ASCII letters `b` has, and the union of its bytes' classes, in one pass.
fn letters_and_classes(b: &[u8]) -> (usize, u8) {
    let (mut letters, mut seen) = (0, 0);
    for &c in b {
        let k = BYTE_CLASSES[usize::from(c)];
        letters += usize::from(k & LETTER);
        seen |= k;
    }
    (letters, seen)
}

/// A word's shape, character by character.
fn shape_of_chars(word: &str) -> Shape {
    let mut chars = word.chars();
    let Some(c0) = chars.next() else { return Shape::Punct };
    if c0.is_numeric() {
        return Shape::Number;
    }
    if c0.is_uppercase() {
        // Counted without collecting them: this runs for every word.
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        let all_capitals = word.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
        if letters == 1 && word.ends_with('.') {
            Shape::Initial
        } else if letters >= 2 && all_capitals {
            // "J.R.R." is initials, not an acronym of a thing.
            if word.contains('.') && word.split('.').all(|p| p.chars().count() <= 1) && letters <= 3 {
                Shape::Initial
            } else {
                Shape::Upper
            }
        } else {
            Shape::Cap
        }
    } else if let Some((pre, rest)) = word.split_once('-') {
        // "al-Assad", "el-Sisi", "bin-Salman": a lower-case particle joined to a name.
        if is_name_particle(pre) && rest.starts_with(char::is_uppercase) {
            Shape::Cap
        } else {
            Shape::Lower
        }
    } else {
        Shape::Lower
    }
}

/// [`shape_and_plain`] of an ASCII word with `letters` letters and its bytes' classes `seen`
/// ([`letters_and_classes`]): its letters are ASCII letters, its capitals ASCII capitals, each
/// character is one byte, and it has no curly apostrophe.
fn shape_and_plain_ascii(word: &str, letters: usize, seen: u8) -> (Shape, bool) {
    let b = word.as_bytes();
    let Some(&c0) = b.first() else { return (Shape::Punct, false) };
    if c0.is_ascii_digit() {
        return (Shape::Number, false);
    }
    let capitals = seen & CAPITAL != 0;
    if c0.is_ascii_uppercase() {
        let all_capitals = seen & SMALL == 0;
        let shape = if letters == 1 && word.ends_with('.') {
            Shape::Initial
        } else if letters >= 2 && all_capitals {
            // "J.R.R." is initials, not an acronym of a thing.
            if b.contains(&b'.') && word.split('.').all(|p| p.len() <= 1) && letters <= 3 {
                Shape::Initial
            } else {
                Shape::Upper
            }
        } else {
            Shape::Cap
        };
        (shape, false)
    } else {
        match b.iter().position(|&c| c == b'-') {
            // "al-Assad", "el-Sisi", "bin-Salman": a lower-case particle joined to a name.
            Some(k) if is_name_particle(&word[..k]) && b.get(k + 1).is_some_and(u8::is_ascii_uppercase) => {
                (Shape::Cap, false)
            }
            // (Full stops are not capitals: a word without capitals is plain with or without
            // its trailing ones.)
            _ => (Shape::Lower, !capitals),
        }
    }
}

/// A lower-case particle that joins a name with a hyphen ("al-Assad", "bin-Salman").
fn is_name_particle(pre: &str) -> bool {
    matches!(pre, "al" | "el" | "bin" | "ibn" | "ad" | "as" | "ash" | "at" | "az" | "abu")
}

/// Sentences written in capitals (or mostly so, like title-case headlines) prove nothing by
/// their capitals.
fn mark_capital_sentences(text: &str, tokens: &mut [Token]) {
    let mut i = 0;
    while i < tokens.len() {
        let mut j = i + 1;
        while j < tokens.len() && !tokens[j].first() {
            j += 1;
        }
        // The sentence's words, its words in capitals and in lower case, counted in one pass.
        let (mut words, mut upper, mut lower) = (0, 0, 0);
        for t in &tokens[i..j] {
            match t.shape {
                Shape::Cap => words += 1,
                Shape::Upper => (words, upper) = (words + 1, upper + 1),
                Shape::Lower => (words, lower) = (words + 1, lower + 1),
                _ => {}
            }
        }
        let capitals_only = words >= 3 && upper * 2 > words && lower == 0;
        // Title case: five or more words and hardly any lower case except short ones (no
        // word in lower case of four characters or more: four bytes that start one, the text
        // being UTF-8). Looked at last, for the few sentences that do not end as prose does.
        let long_lower = |t: &Token| {
            t.shape == Shape::Lower
                && t.text(text).as_bytes().iter().filter(|&&b| (b as i8) >= -0x40).take(4).count() == 4
        };
        let title_case =
            words >= 5 && !ends_like_prose(text, &tokens[i..j]) && !tokens[i..j].iter().any(long_lower);
        if capitals_only || title_case {
            for t in &mut tokens[i..j] {
                t.flags |= CAPS_FREE;
            }
        }
        i = j;
    }
}

/// Whether a token run ends with sentence punctuation, as prose does and headlines rarely do.
fn ends_like_prose(text: &str, tokens: &[Token]) -> bool {
    tokens
        .last()
        .is_some_and(|t| t.shape == Shape::Punct && matches!(t.text(text), "." | "!" | "?" | "”" | "\""))
}

/// A run of capitalised words, judged.
#[derive(Debug, Clone)]
struct Candidate {
    /// The name without titles or possessive.
    span: Span,
    /// Lower-cased name words without initials and particles ("vladimir", "putin").
    /// (One word inline: most candidates are one word, and a document has a million.)
    words: Words,
    /// Judged a person on its own evidence.
    person: bool,
    /// Certainly not a person (an organisation or place such as "White House").
    thing: bool,
    /// From a heading or capitals line: one word that may only repeat a known name.
    caps_free: bool,
}

/// A candidate's lower-cased name words.
type Words = smallvec::SmallVec<[String; 1]>;

/// A token's word lower-cased, without a trailing full stop, apostrophes straightened; the
/// text itself (not a copy) when it is written so already, as most words are.
fn low<'a>(text: &'a str, t: &Token) -> Cow<'a, str> {
    let w = t.text(text).trim_end_matches('.');
    if t.plain() {
        return Cow::Borrowed(w);
    }
    if !w.is_ascii() && w.contains('’') {
        Cow::Owned(w.to_lowercase().replace('’', "'"))
    } else {
        lower_case(w)
    }
}

/// [`low`] of a token appended to `buf`: nothing allocated for a word in ASCII or written in
/// lower case already (most words), once `buf` has grown.
fn push_low(text: &str, t: &Token, buf: &mut String) {
    let w = t.text(text).trim_end_matches('.');
    if t.plain() {
        buf.push_str(w);
    } else if w.is_ascii() {
        buf.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        buf.push_str(&low(text, t));
    }
}

/// Whether [`low`] reads a word as it is written: in lower case, without a curly apostrophe.
fn is_plain(w: &str) -> bool {
    is_lower(w) && (w.is_ascii() || !w.contains('’'))
}

/// Whether a word is written in lower case already.
fn is_lower(w: &str) -> bool {
    if w.is_ascii() {
        !w.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        w.chars().all(|c| c.to_lowercase().eq(std::iter::once(c)))
    }
}

/// A word in lower case: the text itself (not a copy) when it is written so already.
fn lower_case(w: &str) -> Cow<'_, str> {
    if is_lower(w) {
        Cow::Borrowed(w)
    } else if w.is_ascii() {
        // ASCII lower-cases letter by letter: the general lower-casing, without its search
        // for characters that lower-case otherwise.
        Cow::Owned(w.to_ascii_lowercase())
    } else {
        Cow::Owned(w.to_lowercase())
    }
}

fn candidates(text: &str, toks: &[Token], lists: &Lists, lower: &StrSet) -> Vec<Candidate> {
    let is_name_like = |t: &Token| matches!(t.shape, Shape::Cap | Shape::Upper | Shape::Initial);
    // About one candidate a name-like token at most: room for them at once, not copied from
    // one doubled buffer into the next (room never written costs only address space).
    let mut out = Vec::with_capacity(toks.iter().filter(|t| is_name_like(t)).count());
    // Reused from run to run.
    let mut scratch = Scratch::default();
    let mut i = 0;
    while i < toks.len() {
        if !is_name_like(&toks[i]) {
            i += 1;
            continue;
        }
        // Extend over names, initials and particles ("Ursula von der Leyen").
        let mut j = i + 1;
        while j < toks.len() && !toks[j - 1].possessive() && !toks[j].first() {
            if is_name_like(&toks[j]) {
                j += 1;
            } else if toks[j].shape == Shape::Lower && lists.particles.contains(low(text, &toks[j]).as_ref())
            {
                let mut k = j;
                while k < toks.len()
                    && toks[k].shape == Shape::Lower
                    && lists.particles.contains(low(text, &toks[k]).as_ref())
                {
                    k += 1;
                }
                if k < toks.len() && toks[k].shape == Shape::Cap && k - j <= 2 {
                    j = k + 1;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        judge(text, toks, i..j, lists, lower, &mut scratch, &mut out);
        i = j;
    }
    out
}

/// What [`judge`] reuses from run to run.
#[derive(Default)]
struct Scratch {
    /// The words of a run joined by spaces.
    phrase: String,
    /// The `low` of each word of a run, one after another.
    lows: String,
    names: Names,
}

/// Whether a lower-cased word is a first name and its rank as a surname, looked up in the
/// census lists once per word of a document (names repeat; the lists are searched).
#[derive(Default)]
struct Names {
    known: std::cell::RefCell<StrMap<'static, (bool, Option<u32>)>>,
}

impl Names {
    fn info(&self, lists: &Lists, w: &str) -> (bool, Option<u32>) {
        if let Some(&info) = self.known.borrow().get(w) {
            return info;
        }
        let info = (lists.is_first_name(w), lists.surname_rank(w));
        self.known.borrow_mut().insert_copy(w, info);
        info
    }
}

/// Judges the capitalised run `toks[run]`.
fn judge(
    text: &str,
    toks: &[Token],
    run: std::ops::Range<usize>,
    lists: &Lists,
    lower: &StrSet,
    scratch: &mut Scratch,
    out: &mut Vec<Candidate>,
) {
    let (i, j) = (run.start, run.end);
    let Scratch { phrase, lows: low_buf, names } = scratch;
    let is_first_name = |w: &str| names.info(lists, w).0;
    let surname_rank = |w: &str| names.info(lists, w).1;
    // Each word's `low`, written one after another into a buffer kept from run to run.
    low_buf.clear();
    let ends: smallvec::SmallVec<[usize; 4]> = toks[i..j]
        .iter()
        .map(|t| {
            push_low(text, t, low_buf);
            low_buf.len()
        })
        .collect();
    let low_buf = low_buf.as_str();
    let lows: smallvec::SmallVec<[&str; 4]> =
        (0..ends.len()).map(|k| &low_buf[k.checked_sub(1).map_or(0, |p| ends[p])..ends[k]]).collect();
    let whole = Span::new(toks[i].span().start, toks[j - 1].span().end);
    let thing =
        |span: Span| Candidate { span, words: Words::new(), person: false, thing: true, caps_free: false };
    if toks[i..j].iter().any(|t| t.caps_free()) {
        // Capitals prove nothing here: each word may only repeat a name known elsewhere.
        for (t, w) in toks[i..j].iter().zip(&lows) {
            if !lists.particles.contains(w.as_ref()) && !lists.common.contains(w.as_ref()) {
                out.push(Candidate {
                    span: t.span(),
                    words: smallvec::smallvec![w.to_string()],
                    person: false,
                    thing: false,
                    caps_free: true,
                });
            }
        }
        return;
    }
    // Every place phrase has a space, and one word has none: only a run of words can hold one.
    if lists.thing_prefixes.contains(lows[0])
        || (lows.len() > 1 && {
            phrase.clear();
            for (n, w) in lows.iter().enumerate() {
                if n > 0 {
                    phrase.push(' ');
                }
                phrase.push_str(w);
            }
            match &lists.place_phrase_finder {
                Some(finder) => finder.is_match(phrase.as_str()),
                None => lexicon::PLACE_PHRASES.iter().any(|p| phrase.contains(p)),
            }
        })
    {
        out.push(thing(whole));
        return;
    }
    // The name is what follows the last title, role, place, nationality or acronym in the
    // run: "Russian President Vladimir Putin", "JPMorgan Chase CEO Jamie Dimon".
    let (mut a, mut b) = (0, lows.len());
    let mut titled = false;
    let is_title = |w: &str| {
        lists.titles.contains(w)
            || lists.roles.contains(w)
            || (w.contains('-') && w.split('-').all(|p| lists.titles.contains(p) || lists.roles.contains(p)))
    };
    for x in 0..lows.len().saturating_sub(1) {
        let w = lows[x];
        let t = &toks[i + x];
        let rest_named = lows[x + 1..].iter().any(|w| !lists.suffixes.contains(w.as_ref()));
        if !rest_named {
            break;
        }
        let next = &toks[i + x + 1];
        let cut = if is_title(w) {
            titled = true;
            true
        } else if lists.is_thing(w) {
            // "Jordan Henderson", "Alexandria Ocasio-Cortez": a first name that is also a place.
            let surname = &lows[x + 1];
            let as_name = next.shape == Shape::Cap
                && is_first_name(w)
                && !lists.is_thing(surname)
                && (surname_rank(surname).is_some_and(|r| r < 5000) || surname.contains('-'));
            !as_name
        } else if t.shape == Shape::Upper {
            // An acronym before a name ("NATO chief"), unless it is a pair of initials ("JD Vance").
            lows[x].chars().count() > 3 || next.shape != Shape::Cap || lists.is_thing(w)
        } else if x == 0 && t.first() && !is_first_name(w) && lows.len() >= 3 && is_first_name(lows[1]) {
            // A capitalised word opening the sentence before a first name: "Physicist Peter Higgs".
            true
        } else {
            x == 0 && (matches!(w, "the" | "a" | "an") || (t.first() && lists.common.contains(w)))
        };
        if cut {
            a = x + 1;
        }
    }
    // After the name: dates and places ("Putin Monday") go, but an organisation word makes
    // the whole run a thing ("White House", "Trump Tower").
    while b > a {
        let w = lows[b - 1];
        if lists.suffixes.contains(w) {
            break;
        }
        if lists.not_person.contains(w) {
            out.push(thing(whole));
            return;
        }
        if lists.calendar.contains(w) || lists.demonyms.contains(w) || lists.places.contains(w) {
            if b - a == 1 {
                out.push(thing(toks[i + a].span()));
                return;
            }
            b -= 1;
        } else {
            break;
        }
    }
    if a >= b {
        return;
    }
    let name = &toks[i + a..i + b];
    let words: Words = name
        .iter()
        .zip(&lows[a..b])
        .filter(|(t, w)| {
            t.shape != Shape::Initial
                && !lists.particles.contains(w.as_ref())
                && !lists.suffixes.contains(w.as_ref())
        })
        .map(|(_, w)| w.trim_start_matches("al-").to_string())
        .collect();
    if words.is_empty() {
        return;
    }
    let span = Span::new(name[0].span().start, name[name.len() - 1].span().end);
    let mut c = Candidate { span, words, person: false, thing: false, caps_free: false };
    let k = c.words.len();
    if k == 1 && lists.titles.contains(c.words[0].as_str()) {
        c.thing = true;
        out.push(c);
        return;
    }
    let acronyms =
        name.iter().filter(|t| t.shape == Shape::Upper && !lists.suffixes.contains(low(text, t).as_ref()));
    if acronyms.count() > 0 {
        // Acronyms inside a name-shaped run ("Mark Rutte NATO") are not names here.
        if k == 1 || name.iter().all(|t| t.shape == Shape::Upper) {
            c.thing = true;
            out.push(c);
            return;
        }
    }
    if c.words.iter().any(|w| lists.is_thing(w) || NUMBER_WORDS.contains(&w.as_ref())) {
        let first_name_place = k >= 2 && is_first_name(&c.words[0]) && !lists.is_thing(&c.words[k - 1]);
        if !first_name_place {
            c.thing = true;
            out.push(c);
            return;
        }
    }
    let first = name[0].first();
    // The words around the name, borrowed from the text where they are written in lower case.
    let word_at = |n: isize| -> Option<(Shape, Cow<'_, str>)> {
        let idx = (i + a) as isize + n;
        if n >= 0 {
            let idx = i + b + n as usize;
            toks.get(idx).map(|t| (t.shape, low(text, t)))
        } else if idx >= 0 {
            toks.get(idx as usize).map(|t| (t.shape, low(text, t)))
        } else {
            None
        }
    };
    let before = word_at(-1);
    let before2 = word_at(-2);
    let after = word_at(0);
    let after2 = word_at(1);
    let after3 = word_at(2);
    let is = |w: &Option<(Shape, Cow<str>)>, pred: &dyn Fn(Shape, &str) -> bool| {
        w.as_ref().is_some_and(|(s, t)| pred(*s, t))
    };
    let mut score = 0.0f32;
    // Titles and roles.
    if titled || (a == 0 && is(&before, &|s, w| s == Shape::Lower && lists.roles.contains(w))) {
        score += 3.0;
    }
    // "said Smith", "according to Smith".
    let said_before =
        is(&before, &|s, w| s == Shape::Lower && matches!(w, "said" | "says" | "asked" | "added" | "told"))
            || (is(&before, &|_, w| w == "to") && is(&before2, &|_, w| w == "according"));
    if a == 0 && said_before {
        score += 2.0;
    }
    let last_possessive = name[name.len() - 1].possessive();
    if !last_possessive {
        let adverb = |w: &str| {
            w.ends_with("ly")
                || matches!(
                    w,
                    "also" | "later" | "then" | "has" | "had" | "have" | "again" | "once" | "previously"
                )
        };
        if is(&after, &|s, w| s == Shape::Lower && lists.strong_speech.contains(w))
            || (is(&after, &|s, w| s == Shape::Lower && adverb(w))
                && is(&after2, &|_, w| lists.strong_speech.contains(w)))
        {
            score += 2.0;
        } else if is(&after, &|s, w| s == Shape::Lower && lists.speech.contains(w)) {
            score += 0.5;
        }
        if is(&after, &|_, w| w == ",") {
            if is(&after2, &|s, _| s == Shape::Number) && is(&after3, &|_, w| w == ",") {
                score += 3.0;
            } else if is(&after2, &|_, w| w == "who") {
                score += 1.5;
            } else if is(&after2, &|_, w| matches!(w, "a" | "an" | "the" | "his" | "her"))
                || toks.get(i + b + 1).is_some_and(|t| t.shape == Shape::Cap && t.possessive())
            {
                // "Sam Altman, the chief executive of", "Kushner, Trump's son-in-law".
                let role =
                    (2..7).any(|n| is(&word_at(n), &|s, w| s == Shape::Lower && lists.roles.contains(w)));
                score += if role { 2.0 } else { 0.5 };
            }
        }
        if is(&after, &|s, w| s == Shape::Lower && lists.person_nouns.contains(w)) {
            score += 2.0;
        }
    } else {
        score += 0.5;
        // "Trump's son-in-law", "Putin's spokesman" (but "Amnesty's secretary general").
        if is(&after, &|s, w| s == Shape::Lower && lists.person_nouns.contains(w)) {
            score += 2.0;
        }
    }
    let has_initial = name.iter().any(|t| t.shape == Shape::Initial);
    let has_particle = name.len() > k && !has_initial;
    let lower_elsewhere = |w: &str| lower.contains(w);
    if k >= 2 {
        let last = &c.words[k - 1];
        if is_first_name(&c.words[0]) {
            score += 2.0;
        }
        if has_initial || has_particle {
            score += 2.0;
        }
        let common_start =
            first && (lists.common.contains(c.words[0].as_str()) || lower_elsewhere(&c.words[0]));
        if !common_start {
            score += 2.0;
        }
        if surname_rank(last).is_some() {
            score += 0.5;
        }
    } else {
        let w = c.words[0].as_str();
        if lists.common.contains(w) || lower_elsewhere(w) {
            score -= 2.0;
        }
        if first {
            score -= 0.5;
        }
        if has_initial {
            // "J.K. Rowling", "W.B. Yeats".
            score += 3.0;
        }
        if surname_rank(w).is_some_and(|r| r < 20_000) {
            score += 0.5;
        }
        if is_first_name(w) && surname_rank(w).is_none_or(|r| r >= 5000) {
            // "Donald said": a first name alone is someone, but which?
            score -= 0.5;
        }
    }
    c.person = score >= 2.0;
    out.push(c);
}

/// Turns each document's candidates into people and mentions.
fn link(docs: &[&Document], candidates: Vec<Vec<Candidate>>) -> People {
    // Persons are keyed by first and last name word ("george bush" for "George W. Bush").
    let key = |words: &[String]| -> String {
        if words.len() == 1 {
            words[0].clone()
        } else {
            format!("{} {}", words[0], words[words.len() - 1])
        }
    };
    let mut persons: Vec<Person> = Vec::new();
    let mut by_key: FxHashMap<String, usize> = FxHashMap::default();
    let mut name_len: Vec<usize> = Vec::new();
    // Full names first, from both documents, in reading order.
    for (d, cands) in candidates.iter().enumerate() {
        for c in cands.iter().filter(|c| c.person && c.words.len() >= 2) {
            let written = docs[d].text[c.span.start..c.span.end].to_string();
            let k = key(&c.words);
            match by_key.get(&k) {
                Some(&p) => {
                    if c.words.len() > name_len[p] {
                        persons[p].name = written;
                        name_len[p] = c.words.len();
                    }
                }
                None => {
                    by_key.insert(k, persons.len());
                    persons.push(Person { name: written, left: vec![], right: vec![] });
                    name_len.push(c.words.len());
                }
            }
        }
    }
    let mut surnames = Surnames::of(&by_key, persons.len());
    // People named by surname only, on their own evidence.
    for (d, cands) in candidates.iter().enumerate() {
        for c in cands.iter().filter(|c| c.person && c.words.len() == 1) {
            let w = &c.words[0];
            if !surnames.ids.contains_key(w) && !by_key.contains_key(w) {
                by_key.insert(w.clone(), persons.len());
                persons.push(Person {
                    name: docs[d].text[c.span.start..c.span.end].to_string(),
                    left: vec![],
                    right: vec![],
                });
                name_len.push(1);
            }
        }
    }
    let mut mentions: [Vec<Mention>; 2] = [vec![], vec![]];
    for (d, cands) in candidates.iter().enumerate() {
        // Which person of each shared surname this document mentioned last.
        surnames.new_document();
        let text = docs[d].text.as_str();
        let mut x = 0;
        while x < cands.len() {
            let c = &cands[x];
            x += 1;
            if c.thing || c.words.is_empty() {
                continue;
            }
            // Capitals lines: a known full name over two words ("DONALD TRUMP").
            if c.caps_free {
                if let Some(n) =
                    cands.get(x).filter(|n| n.caps_free && text[c.span.end..n.span.start].trim().is_empty())
                {
                    if let Some(&p) = by_key.get(&key(&[c.words[0].clone(), n.words[0].clone()])) {
                        surnames.mentioned(p);
                        mentions[d].push(Mention { span: Span::new(c.span.start, n.span.end), person: p });
                        x += 1;
                        continue;
                    }
                }
            }
            let k = key(&c.words);
            let person = if c.words.len() >= 2 {
                by_key.get(&k).copied().or_else(|| {
                    // A run that was not judged a full name may still end in a known surname.
                    (!c.person).then(|| surnames.person(&c.words[c.words.len() - 1])).flatten()
                })
            } else {
                surnames.person(&c.words[0]).or_else(|| by_key.get(&k).copied())
            };
            if let Some(p) = person {
                surnames.mentioned(p);
                mentions[d].push(Mention { span: c.span, person: p });
            }
        }
    }
    // Keep only people mentioned, numbered in order of first mention (left first).
    let mut order: Vec<usize> = Vec::new();
    let mut seen = vec![false; persons.len()];
    for m in mentions.iter().flatten() {
        if !seen[m.person] {
            seen[m.person] = true;
            order.push(m.person);
        }
    }
    let mut renumber = vec![usize::MAX; persons.len()];
    for (new, &old) in order.iter().enumerate() {
        renumber[old] = new;
    }
    let mut out: Vec<Person> = order
        .iter()
        .map(|&p| Person { name: persons[p].name.clone(), left: vec![], right: vec![] })
        .collect();
    for (d, ms) in mentions.iter_mut().enumerate() {
        for m in ms.iter_mut() {
            m.person = renumber[m.person];
            let list = if d == 0 { &mut out[m.person].left } else { &mut out[m.person].right };
            list.push(m.span);
        }
    }
    let [left, right] = mentions;
    People { persons: out, left, right, places: vec![] }
}

/// The person a surname alone refers to: the only one with it, or the one whose full name
/// was written most recently.
/// The surnames of the people with full names, and which of the people sharing one a
/// document mentioned last: a surname alone means that one (the first of them before any).
struct Surnames {
    /// Each surname's number.
    ids: FxHashMap<String, usize>,
    /// The people with each surname.
    members: Vec<Vec<usize>>,
    /// Each person's surname, by person (people named by one word have none).
    of_person: Vec<Option<usize>>,
    /// The person of each surname mentioned last in the current document.
    latest: Vec<Option<usize>>,
}

impl Surnames {
    /// The surnames of the full names in `by_key` (a key is "first last" or one word).
    fn of(by_key: &FxHashMap<String, usize>, persons: usize) -> Surnames {
        let mut s = Surnames {
            ids: FxHashMap::default(),
            members: Vec::new(),
            of_person: vec![None; persons],
            latest: Vec::new(),
        };
        for (k, &p) in by_key {
            if let Some((_, last)) = k.rsplit_once(' ') {
                let next = s.members.len();
                let id = *s.ids.entry(last.to_string()).or_insert(next);
                if id == next {
                    s.members.push(Vec::new());
                }
                s.members[id].push(p);
                s.of_person[p] = Some(id);
            }
        }
        s.latest = vec![None; s.members.len()];
        s
    }

    /// Forgets the last document's mentions.
    fn new_document(&mut self) {
        self.latest.fill(None);
    }

    /// Person `p` is mentioned (mentions come in reading order).
    fn mentioned(&mut self, p: usize) {
        if let Some(&Some(id)) = self.of_person.get(p) {
            self.latest[id] = Some(p);
        }
    }

    /// Who a surname alone names: its only person, the one of them mentioned last, or the
    /// first of them.
    fn person(&self, w: &str) -> Option<usize> {
        let id = *self.ids.get(w)?;
        let ps = &self.members[id];
        if ps.len() == 1 {
            return Some(ps[0]);
        }
        self.latest[id].or_else(|| ps.iter().copied().min())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headlines_and_capitals_are_caps_free_and_prose_is_not() {
        // Body paragraphs (over twelve words, so not taken for headings), one sentence each.
        let title = "Mayor Of The Big Town Wins It And The Vote Goes On As The Year Ends";
        let capitals = "THE MAYOR OF THE BIG TOWN WINS IT AND THE VOTE GOES ON AS THE YEAR ENDS";
        // (text, whether its words are caps-free)
        let cases = [
            (title.to_string(), true),
            (format!("{title}."), false),
            // Lower-case words of three characters at most, counted as characters.
            (format!("{title} in a vét"), true),
            (format!("{title} in a véto"), false),
            (format!("{title} with us"), false),
            (capitals.to_string(), true),
            (format!("{capitals}."), true),
            (format!("{capitals} today"), false),
            ("The mayor of the big town said on Monday that the roads would be mended soon".into(), false),
        ];
        for (text, caps_free) in cases {
            let d = Document::parse(crate::input::Source::from_text("t", &text));
            assert_eq!(d.paragraphs[0].kind, Kind::Body, "{text}");
            let toks = tokenize(&d);
            assert!(toks.iter().all(|t| t.shape == Shape::Punct || t.caps_free() == caps_free), "{text}");
        }
    }

    #[test]
    fn an_ascii_paragraph_reads_the_same_as_bytes_or_characters() {
        let text =
            "Mr. J.R.R. Tolkien's U.S. trip: 1,200 km (1.5 days) - Jones' \"O'Neil\" & co. Trump 's DR. NO";
        let doc = Document::parse(crate::input::Source::from_text("a.txt", text));
        let para = &doc.paragraphs[0];
        let s = doc.slice(para.span);
        let read = |decoded: bool| {
            let mut out = Vec::new();
            let mut buf = Vec::new();
            if decoded {
                tokenize_paragraph(&DecodedChars::new(s, &mut buf), s, para, &mut out);
            } else {
                tokenize_paragraph(&AsciiChars::new(s).unwrap(), s, para, &mut out);
            }
            out.iter().map(|t| (t.start, t.len, t.shape, t.flags)).collect::<Vec<_>>()
        };
        assert!(read(false).len() > 20);
        assert_eq!(read(false), read(true));
    }

    proptest::proptest! {
        /// The byte-wise shape of a word, and whether it is plain, are the character-wise
        /// ones: ASCII words drawn from the characters its rules turn on, and a few others.
        #[test]
        fn an_ascii_word_has_the_same_shape_read_as_bytes(w in "[aAzZ09.\\-]{0,8}|(al|bin|as)-[aA][a-z]{0,3}|[aZé’Ω.]{1,6}") {
            let shape = shape_of_chars(&w);
            let plain = shape == Shape::Lower && is_plain(w.trim_end_matches('.'));
            proptest::prop_assert_eq!(shape_and_plain(&w), (shape, plain));
            let (letters, seen) = letters_and_classes(w.as_bytes());
            proptest::prop_assert_eq!(letters, w.bytes().filter(u8::is_ascii_alphabetic).count());
            proptest::prop_assert_eq!(seen & NOT_ASCII != 0, !w.is_ascii());
        }

        /// A word's lower case is the general one, whether it is ASCII or not, and borrowed
        /// when the word is in lower case already.
        #[test]
        fn lower_case_is_the_general_lower_case(w in "[aZ’'.]{0,6}|\\PC{0,8}") {
            let (low, general) = (lower_case(&w), w.to_lowercase());
            proptest::prop_assert_eq!(low.as_ref(), general.as_str());
            proptest::prop_assert_eq!(matches!(low, Cow::Borrowed(_)), w == general);
        }

        /// Every token's `low`, appended to a buffer, is `low` itself: ASCII or not, plain or
        /// capitalised, with full stops and apostrophes of both kinds.
        #[test]
        fn pushed_low_is_low(t in "([A-Za-zÉéİ’'.]{1,6}[ ,]){0,8}") {
            let doc = Document::parse(crate::input::Source::from_text("t", &t));
            let mut buf = String::from("kept ");
            for tok in tokenize(&doc) {
                let from = buf.len();
                push_low(&doc.text, &tok, &mut buf);
                let expected = low(&doc.text, &tok);
                proptest::prop_assert_eq!(&buf[from..], expected.as_ref());
            }
        }
    }

    /// The packed census tables are sorted (their search needs it) and find every name of
    /// the files they were built from, with its rank.
    #[test]
    fn the_census_tables_are_sorted_and_find_every_name() {
        for table in [&census::FIRST_NAMES, &census::SURNAMES] {
            assert!(table.ends.len() > 1000);
            assert!((1..table.ends.len()).all(|i| table.name(i - 1) < table.name(i)));
        }
        let lists = Lists::get();
        let file =
            |f: &str| std::fs::read_to_string(format!("{}/assets/names/{f}", env!("CARGO_MANIFEST_DIR")));
        for f in ["dist.male.first.txt", "dist.female.first.txt"] {
            for n in file(f).unwrap().lines().filter(|l| !l.is_empty()) {
                assert!(lists.is_first_name(&n.to_lowercase()), "{n}");
            }
        }
        let mut seen = std::collections::HashSet::new();
        for (n, rank) in file("dist.all.last.txt").unwrap().lines().filter(|l| !l.is_empty()).zip(0..) {
            if seen.insert(n) {
                assert_eq!(lists.surname_rank(&n.to_lowercase()), Some(rank), "{n}");
            }
        }
        assert_eq!(lists.surname_rank("smith"), Some(0));
        assert_eq!(lists.surname_rank("zzzzqx"), None);
        assert!(!lists.is_first_name("zzzzqx"));
    }

    /// The places a document writes in lower case, found from its distinct lower-case words,
    /// are those found by reading each of its lower-case tokens.
    #[test]
    fn places_in_lower_case_are_those_read_token_by_token() {
        let lists = Lists::get();
        let texts = [
            crate::bundled::LEFT.to_string(),
            crate::bundled::RIGHT.to_string(),
            "They flew to kyiv. Then london’s mayor met officials from nato and the eu in paris...\n\n\
             In moscow, berlin. and washington… the un said; ΛΟΝΔΙΝΟ london's tokyo."
                .to_string(),
        ];
        let mut found_any = false;
        for text in texts {
            let doc = Document::parse(crate::input::Source::from_text("t", text));
            let (toks, lower) = tokens_and_lower_words(&doc);
            let read: FxHashSet<String> = toks
                .iter()
                .filter(|t| t.shape == Shape::Lower)
                .map(|t| low(&doc.text, t))
                .filter(|w| lists.place_or_org.contains(w))
                .map(Cow::into_owned)
                .collect();
            found_any |= read.len() >= 5;
            assert_eq!(places_in_lower_case(&lower), read);
        }
        assert!(found_any, "the texts write places in lower case");
    }

    #[test]
    fn a_token_takes_eight_bytes() {
        // Both documents' tokens are held at once: ten million words a side are 160 MB.
        assert_eq!(std::mem::size_of::<Token>(), 8);
    }

    /// A word too long for a token's length is a `Long` token with an empty text, the tokens
    /// around it as they would be, and the name after it still found.
    #[test]
    fn a_word_longer_than_a_token_measures_is_long_and_the_rest_is_read() {
        let word = format!("Zz{}", "z".repeat(usize::from(u16::MAX)));
        let text = format!("{word} said Vladimir Putin, and {word}.\n");
        let doc = Document::parse(crate::input::Source::from_text("t", text.clone()));
        let toks = tokenize(&doc);
        let long: Vec<&Token> = toks.iter().filter(|t| t.shape == Shape::Long).collect();
        assert_eq!(long.len(), 2);
        assert!(long.iter().all(|t| t.text(&text).is_empty()));
        assert_eq!(toks[0].start, 0);
        assert_eq!(toks[1].text(&text), "said");
        assert_eq!(toks.last().map(|t| t.text(&text)), Some("."));
        let people = People::find(&doc, None);
        assert_eq!(people.persons.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Vladimir Putin"]);
    }

    /// `tokenize` compares abbreviations case-blind in ASCII, which equals comparing the
    /// lower-cased word only while every abbreviation is ASCII without a 'k' (U+212A, the
    /// Kelvin sign, lower-cases to 'k').
    #[test]
    fn abbreviations_are_ascii_lower_case_without_k() {
        for a in ABBREVIATIONS {
            assert!(a.bytes().all(|b| b.is_ascii_lowercase() && b != b'k'), "{a}");
        }
    }
}
