//! Content terms for similarity that survives paraphrase: words folded (case, typography,
//! possessives), stemmed, and weighted by how rare they are across the two documents, with
//! numbers and names weighted up and function words down.

use crate::document::{Document, Kind, Span};
use crate::language::Language;
use crate::strmap::StrMap;
use rust_stemmers::Stemmer;
use rustc_hash::FxHashMap as HashMap;

/// One sentence as a set of term ids, for comparison: a view into its side's [`Units`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Unit<'a> {
    /// [`Unit::seq`], then [`Unit::terms`], then [`Unit::quoted`].
    ids: &'a [u32],
    para: u32,
    /// Where the terms start in `ids`, and where the quoted terms start.
    terms_at: u32,
    quoted_at: u32,
    /// The sum of the terms' weights.
    pub weight: f32,
    /// The kind of that paragraph.
    pub kind: Kind,
}

impl<'a> Unit<'a> {
    /// The paragraph the sentence belongs to.
    pub fn para(&self) -> usize {
        self.para as usize
    }

    /// Term ids, sorted, each once.
    pub fn terms(&self) -> &'a [u32] {
        &self.ids[self.terms_at as usize..self.quoted_at as usize]
    }

    /// Term ids in reading order (for shared phrases).
    pub fn seq(&self) -> &'a [u32] {
        &self.ids[..self.terms_at as usize]
    }

    /// When most of the sentence is a quotation: the terms inside it, sorted, each once
    /// (empty otherwise). What such a sentence shares only outside its quotation is who
    /// said it, not what was said.
    pub fn quoted(&self) -> &'a [u32] {
        &self.ids[self.quoted_at as usize..]
    }
}

/// One side's sentences ([`Unit`]s): a head of 24 bytes each and one array of all their
/// term ids, so a million-sentence side makes two allocations, not a million.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Units {
    heads: Vec<Head>,
    ids: Vec<u32>,
}

/// What a [`Unit`] holds besides its ids, and where they are.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Head {
    /// The paragraph, numbered in 32 bits as text offsets are where whole documents' words
    /// are held at once.
    para: u32,
    /// Where the unit's ids start in the side's array: the low 32 bits, then 8 more (a side
    /// of 4 GiB can have more than 2^32 ids).
    at_low: u32,
    at_high: u8,
    kind: Kind,
    /// Where the terms start among the unit's ids, and where the quoted terms start.
    terms_at: u32,
    quoted_at: u32,
    weight: f32,
}

// The size the comment above gives, held so a new field is a choice.
const _: () = assert!(std::mem::size_of::<Head>() == 24);

impl Head {
    fn at(&self) -> usize {
        (usize::from(self.at_high) << 32) | self.at_low as usize
    }
}

impl Units {
    pub fn len(&self) -> usize {
        self.heads.len()
    }

    pub fn is_empty(&self) -> bool {
        self.heads.is_empty()
    }

    /// Where unit `i`'s ids are: from its own start to the next unit's.
    fn ids_of(&self, i: usize) -> std::ops::Range<usize> {
        self.heads[i].at()..self.heads.get(i + 1).map_or(self.ids.len(), Head::at)
    }

    /// Unit `i` (`i < len()`, as for indexing).
    pub fn get(&self, i: usize) -> Unit<'_> {
        let h = self.heads[i];
        Unit {
            ids: &self.ids[self.ids_of(i)],
            para: h.para,
            terms_at: h.terms_at,
            quoted_at: h.quoted_at,
            weight: h.weight,
            kind: h.kind,
        }
    }

    pub fn last(&self) -> Option<Unit<'_>> {
        self.len().checked_sub(1).map(|i| self.get(i))
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = Unit<'_>> + ExactSizeIterator + Clone + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// The units of paragraph `p` (units come in paragraph order).
    pub fn of_para(&self, p: usize) -> std::ops::Range<usize> {
        let from = self.heads.partition_point(|h| (h.para as usize) < p);
        let to = from + self.heads[from..].partition_point(|h| h.para as usize <= p);
        from..to
    }

    /// Adds a unit of its term ids in reading order (`seq`), sorted each once (`terms`), and
    /// its quoted terms sorted each once (`quoted`); weighed later.
    fn push(&mut self, para: usize, kind: Kind, seq: &[u32], terms: &[u32], quoted: &[u32]) {
        let at = self.ids.len();
        self.ids.extend_from_slice(seq);
        self.ids.extend_from_slice(terms);
        self.ids.extend_from_slice(quoted);
        self.heads.push(Head {
            para: para as u32,
            at_low: at as u32,
            at_high: (at >> 32) as u8,
            kind,
            terms_at: seq.len() as u32,
            quoted_at: (seq.len() + terms.len()) as u32,
            weight: 0.0,
        });
    }

    /// Renumbers every term id `t` as `to[t]`, each unit's sorted lists sorted again.
    fn renumber(&mut self, to: &[u32]) {
        for t in self.ids.iter_mut() {
            *t = to[*t as usize];
        }
        for i in 0..self.len() {
            let (terms_at, quoted_at) = (self.heads[i].terms_at as usize, self.heads[i].quoted_at as usize);
            let range = self.ids_of(i);
            let ids = &mut self.ids[range];
            ids[terms_at..quoted_at].sort_unstable();
            ids[quoted_at..].sort_unstable();
        }
    }

    /// Weighs each unit: the sum of its terms' weights.
    fn weigh(&mut self, weights: &[f32]) {
        for i in 0..self.len() {
            let w = self.get(i).terms().iter().map(|&t| weights[t as usize]).sum();
            self.heads[i].weight = w;
        }
    }
}

/// Both documents' sentences as weighted term sets over one shared vocabulary.
#[derive(Debug, Clone)]
pub struct TermModel {
    pub stems: Vec<String>,
    pub weights: Vec<f32>,
    /// Document frequency: in how many units (of both sides) each term occurs.
    pub df: Vec<u32>,
    /// The first five bytes of each stem as a number (0 for short stems and numbers): the key
    /// for the related-word-form fallback, so it compares integers, not strings.
    prefix: Vec<u64>,
    stop: Vec<bool>,
    /// Terms written capitalised inside sentences more often than not: names.
    name: Vec<bool>,
    pub left: Units,
    pub right: Units,
    /// This model among all built in the process (for [`TermModel::left_right_similarity`]'s
    /// marks, which outlive a model on their thread).
    id: u64,
}

/// The terms of one unit marked in an array by term, for a run of similarities of that unit
/// against others (a thread's, reused from model to model).
#[derive(Default)]
struct Marks {
    /// `stamp[t] == stamp_now`: term `t` is the marked unit's. Stamps only grow, so a term
    /// marked for an earlier unit or model is never taken for one of this one.
    stamp: Vec<u32>,
    stamp_now: u32,
    /// The marked unit: (model id, left unit).
    marked: Option<(u64, usize)>,
    /// The terms of each side the related-form credit reads ([`TermModel::similarity_with`]),
    /// for any pair of units.
    only_a: Vec<u32>,
    only_b: Vec<u32>,
}

impl Marks {
    /// Marks `terms` afresh (of a model with `n` terms), forgetting what was marked before.
    fn mark(&mut self, terms: &[u32], n: usize) {
        if self.stamp_now == u32::MAX {
            self.stamp.iter_mut().for_each(|s| *s = 0);
            self.stamp_now = 0;
        }
        self.stamp_now += 1;
        self.marked = None;
        if self.stamp.len() < n {
            self.stamp.resize(n, 0);
        }
        for &t in terms {
            self.stamp[t as usize] = self.stamp_now;
        }
    }

    fn has(&self, t: u32) -> bool {
        self.stamp[t as usize] == self.stamp_now
    }
}

thread_local! {
    static MARKS: std::cell::RefCell<Marks> = std::cell::RefCell::new(Marks::default());
}

/// Numbers the term models of the process.
static MODELS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// Words of each sentence the shared-phrase search reads (far more than any real sentence).
const PHRASE_WINDOW: usize = 600;

/// A word of running text as the similarity measure sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub span: Span,
    /// Lower-cased, typographic apostrophes straightened, possessive dropped.
    pub folded: String,
    pub number: bool,
    /// Written with a capital letter somewhere other than the start of its sentence.
    pub capitalized: bool,
    /// The first word of its sentence.
    pub first: bool,
    /// Written without any capital letter.
    pub lower: bool,
}

/// A word as [`scan_words`] hands it over: its folded form borrowed from a reused buffer.
#[derive(Debug, Clone, Copy)]
pub struct WordRef<'a> {
    pub span: Span,
    pub folded: &'a str,
    pub number: bool,
    pub capitalized: bool,
    pub first: bool,
    pub lower: bool,
}

impl WordRef<'_> {
    fn to_word(self) -> Word {
        Word {
            span: self.span,
            folded: self.folded.to_string(),
            number: self.number,
            capitalized: self.capitalized,
            first: self.first,
            lower: self.lower,
        }
    }
}

/// Buffers [`scan_words`] reuses from call to call, so a pass over a whole document makes no
/// allocation per sentence or per word.
#[derive(Default)]
pub struct Scratch {
    chars: Vec<(usize, char)>,
    folded: String,
}

/// The words of a sentence: runs of letters and digits (hyphens split words; apostrophes and
/// separators between digits, as in "don't" and "1.2", do not).
pub fn words(text: &str, span: Span) -> Vec<Word> {
    let mut out = Vec::new();
    scan_words(text, span, &mut Scratch::default(), |w| out.push(w.to_word()));
    out
}

/// What else reads a document's words as the term model scans them, so that the text is
/// scanned once for both ([`TermModel::build_reading`]): each paragraph's words in order, then
/// the paragraph's end.
pub trait WordReader: Default + Send {
    /// The next word of the paragraph being read.
    fn word(&mut self, w: &WordRef);
    /// The end of paragraph `para`. `whole`: the words handed over since the last paragraph
    /// are the paragraph's words as [`scan_words`] finds them in the whole paragraph (its
    /// sentences tile it, white space between them). Otherwise (a paragraph the model passes
    /// over, or sentences that leave other text between them) the reader scans the paragraph
    /// itself.
    fn paragraph(&mut self, doc: &Document, para: usize, whole: bool);
}

/// No other reader.
impl WordReader for () {
    fn word(&mut self, _: &WordRef) {}
    fn paragraph(&mut self, _: &Document, _: usize, _: bool) {}
}

/// Whether a paragraph's words are its sentences' words one after another: the sentences
/// (`sentences`, in order, inside `para`) leave only ASCII white space around and between
/// them, and some between each two. No word then crosses from one sentence to the next, and
/// the character after a sentence's last word is one that joins nothing, as the end of the
/// sentence's own text joins nothing.
fn sentences_tile(text: &str, para: Span, sentences: &[Span]) -> bool {
    let gap = |from: usize, to: usize| {
        from <= to && text.as_bytes().get(from..to).is_some_and(|g| g.iter().all(u8::is_ascii_whitespace))
    };
    let Some((first, last)) = sentences.first().zip(sentences.last()) else { return false };
    gap(para.start, first.start)
        && gap(last.end, para.end)
        && sentences.windows(2).all(|w| w[0].end < w[1].start && gap(w[0].end, w[1].start))
}

/// The words of a span, as [`words`] finds them, handed one by one to `each`.
pub fn scan_words(text: &str, span: Span, scratch: &mut Scratch, each: impl FnMut(WordRef)) {
    // A span cut at a byte count (a window of "40 bytes after a name") may end inside a
    // character: shrink it to whole characters.
    let end = (0..=span.end.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
    let start = (span.start.min(end)..=end).find(|&i| text.is_char_boundary(i)).unwrap_or(end);
    let span = Span::new(start, end);
    let s = &text[span.start..span.end];
    if s.is_ascii() {
        scan_ascii_words(s, span.start, &mut scratch.folded, each);
    } else {
        scan_any_words(s, span.start, scratch, each);
    }
}

/// [`scan_words`] over ASCII text (`base`: where `s` starts in its document), byte by byte: in
/// ASCII a letter is an ASCII letter, and no character joins the one before.
fn scan_ascii_words(s: &str, base: usize, folded: &mut String, mut each: impl FnMut(WordRef)) {
    let b = s.as_bytes();
    let class = |c: u8| ASCII_WORD_CLASS[usize::from(c)];
    let mut i = 0;
    let mut first = true;
    while i < b.len() {
        if class(b[i]) & ALNUM == 0 {
            i += 1;
            continue;
        }
        let start = i;
        // Whether a capital is among the word's letters (the only letters are its ASCII
        // letters and digits: what joins them is punctuation).
        let mut upper = class(b[i]) & UPPER != 0;
        let mut j = i + 1;
        // Whether a full stop or comma joined two of its characters.
        let mut pointed = false;
        while j < b.len() {
            let k = class(b[j]);
            if k & ALNUM != 0 {
                upper |= k & UPPER != 0;
                j += 1;
                continue;
            }
            let c = b[j];
            let joins = |pred: fn(&u8) -> bool| j + 1 < b.len() && pred(&b[j - 1]) && pred(&b[j + 1]);
            if c == b'\'' && joins(u8::is_ascii_alphabetic) {
                j += 1;
            } else if (matches!(c, b'.' | b',') && joins(u8::is_ascii_digit))
                || (c == b'.' && joins(u8::is_ascii_uppercase))
            {
                pointed = true;
                j += 1;
            } else {
                break;
            }
        }
        let raw = &s[start..j];
        let lower = !upper;
        // A word in lower case, without separators or a possessive, is its own fold (most
        // words are): handed over as written, not copied.
        let plain = lower && !pointed && !raw.ends_with("'s");
        if !plain {
            fold_ascii_into(raw, pointed, folded);
        }
        let folded: &str = if plain { raw } else { folded };
        if !folded.is_empty() {
            each(WordRef {
                span: Span::new(base + start, base + j),
                folded,
                number: b[start].is_ascii_digit(),
                capitalized: !first && upper_at(b[start]),
                first,
                lower,
            });
        }
        first = false;
        i = j;
    }
}

/// [`ASCII_WORD_CLASS`]: an ASCII letter or digit.
const ALNUM: u8 = 1;
/// [`ASCII_WORD_CLASS`]: an ASCII capital.
const UPPER: u8 = 2;

/// Each byte's class for [`scan_ascii_words`]: letter or digit, and capital (no byte outside
/// ASCII is either).
const ASCII_WORD_CLASS: [u8; 256] = {
    let mut t = [0; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        if b.is_ascii_alphanumeric() {
            t[c] |= ALNUM;
        }
        if b.is_ascii_uppercase() {
            t[c] |= UPPER;
        }
        c += 1;
    }
    t
};

/// Whether a byte is an ASCII capital, by [`ASCII_WORD_CLASS`].
fn upper_at(c: u8) -> bool {
    ASCII_WORD_CLASS[usize::from(c)] & UPPER != 0
}

/// [`scan_words`] over any text, character by character.
fn scan_any_words(s: &str, base: usize, scratch: &mut Scratch, mut each: impl FnMut(WordRef)) {
    let span = Span::new(base, base + s.len());
    let Scratch { chars, folded } = scratch;
    crate::text::char_indices_into(s, chars);
    let mut i = 0;
    let mut first = true;
    while i < chars.len() {
        if !chars[i].1.is_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i + 1;
        while j < chars.len() {
            let c = chars[j].1;
            let joins =
                |pred: fn(char) -> bool| j + 1 < chars.len() && pred(chars[j - 1].1) && pred(chars[j + 1].1);
            if c.is_alphanumeric()
                || crate::text::joins_previous(c)
                || (matches!(c, '\'' | '’') && joins(char::is_alphabetic))
                || (matches!(c, '.' | ',' | '\u{a0}' | '\u{202f}' | '\u{2009}')
                    && joins(|c| c.is_ascii_digit()))
                || (c == '.' && joins(char::is_uppercase))
            {
                j += 1;
            } else {
                break;
            }
        }
        let b0 = chars[start].0;
        let b1 = chars.get(j).map_or(s.len(), |&(b, _)| b);
        let raw = &s[b0..b1];
        fold_into(raw, folded);
        if !folded.is_empty() {
            let number = raw.starts_with(|c: char| c.is_ascii_digit());
            let capitalized = !first && raw.starts_with(char::is_uppercase);
            let lower = !raw.chars().any(char::is_uppercase);
            each(WordRef {
                span: Span::new(span.start + b0, span.start + b1),
                folded,
                number,
                capitalized,
                first,
                lower,
            });
        }
        first = false;
        i = j;
    }
}

/// Lower-case, straighten apostrophes, drop a possessive "'s", drop thousands separators.
pub fn fold(raw: &str) -> String {
    let mut s = String::new();
    fold_into(raw, &mut s);
    s
}

/// [`fold`] into a buffer (cleared first).
fn fold_into(raw: &str, s: &mut String) {
    s.clear();
    // ASCII, as most words are: its lower case is the byte-wise one, and it has no ’.
    if raw.is_ascii() {
        s.push_str(raw);
        s.make_ascii_lowercase();
    } else {
        s.extend(raw.chars().flat_map(char::to_lowercase).map(|c| if c == '’' { '\'' } else { c }));
    }
    if s.ends_with("'s") {
        s.truncate(s.len() - 2);
    }
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        s.retain(|c| c != ',' && !c.is_whitespace());
    } else if s.contains('.') {
        // Dotted acronyms: "u.s" is "us".
        s.retain(|c| c != '.');
    }
}

/// [`fold_into`] for a word the ASCII scanner found: lower-cased as it is copied, and looked
/// at for separators only when the scanner joined its characters across one (`pointed`: a
/// full stop or comma inside it; an ASCII word has no other separator in it).
fn fold_ascii_into(raw: &str, pointed: bool, s: &mut String) {
    s.clear();
    s.push_str(raw);
    s.make_ascii_lowercase();
    if s.ends_with("'s") {
        s.truncate(s.len() - 2);
    }
    if pointed {
        if s.starts_with(|c: char| c.is_ascii_digit()) {
            s.retain(|c| c != ',');
        } else {
            s.retain(|c| c != '.');
        }
    }
}

/// How one document's words become terms: its language's stemmer and function words.
struct Reading {
    language: Option<Language>,
    stemmer: Option<Stemmer>,
}

impl Reading {
    fn new(language: Option<Language>) -> Reading {
        Reading { language, stemmer: language.and_then(Language::stemmer).map(Stemmer::create) }
    }

    /// The term a word stands for, and whether it is a function word. Function words are
    /// kept as written (a stemmer would fold some into content stems); numbers are written
    /// the English way whatever the language's separators ("1.234,5" is "1234.5").
    fn term(&self, w: &WordRef, text: &str) -> (String, bool) {
        let lang = self.language;
        if w.number {
            let comma = lang.is_some_and(Language::decimal_comma);
            return (number_key(&text[w.span.start..w.span.end], comma), false);
        }
        let mut word = w.folded;
        if lang.is_some_and(Language::elides) {
            // "l'homme", "dell'anno", "qu'il": the word after the elided article or pronoun.
            if let Some(k) = word.find('\'') {
                if k <= 6 && word.len() - k > 2 {
                    word = &word[k + 1..];
                }
            }
        }
        if lang.is_some_and(|l| l.is_function_word(word)) {
            return (word.to_string(), true);
        }
        match &self.stemmer {
            Some(st) => (st.stem(word).into_owned(), false),
            None => (word.to_string(), false),
        }
    }
}

/// A number as one key whatever the separators: thousands separators (commas, full stops or
/// spaces as the language writes them) dropped, the decimal separator a full stop, so that
/// English "1,234.5", German "1.234,5" and French "1 234,5" are one term.
fn number_key(raw: &str, decimal_comma: bool) -> String {
    let (thousands, decimal) = if decimal_comma { ('.', ',') } else { (',', '.') };
    raw.chars()
        .filter(|&c| c != thousands && !c.is_whitespace())
        .map(|c| if c == decimal { '.' } else { c })
        .collect()
}

#[derive(Default)]
struct Builder {
    ids: HashMap<String, u32>,
    stems: Vec<String>,
    number: Vec<bool>,
    stop: Vec<bool>,
    capitalized: Vec<u32>,
    /// Occurrences not at a sentence's start, and occurrences written in lower case.
    seen: Vec<u32>,
    lower: Vec<u32>,
}

impl Builder {
    fn id(&mut self, w: &WordRef, text: &str, reading: &Reading, cache: &mut StrMap<'static, u32>) -> u32 {
        // Numbers are keyed from their raw text (their separators depend on the language).
        let cached = if w.number { None } else { cache.get(w.folded).copied() };
        let id = match cached {
            Some(id) => id,
            None => {
                let (key, stop) = reading.term(w, text);
                let id = self.term_id(key, w.number);
                self.stop[id as usize] |= stop;
                cache.insert_copy(w.folded, id);
                id
            }
        };
        self.seen[id as usize] += u32::from(!w.first);
        self.capitalized[id as usize] += u32::from(w.capitalized);
        self.lower[id as usize] += u32::from(w.lower);
        id
    }

    /// The id of a term, numbered on from the last when it is new (`number`: written as one).
    fn term_id(&mut self, key: String, number: bool) -> u32 {
        if let Some(&id) = self.ids.get(&key) {
            return id;
        }
        let id = self.stems.len() as u32;
        self.ids.insert(key.clone(), id);
        self.stems.push(key);
        self.number.push(number);
        self.stop.push(false);
        self.capitalized.push(0);
        self.seen.push(0);
        self.lower.push(0);
        id
    }

    /// Takes in another document's vocabulary, numbering its new terms on from this one's
    /// in the order that document first wrote them, and renumbers that document's units.
    fn absorb(&mut self, other: Builder, units: &mut Units) {
        let Builder { ids: _, stems, number, stop, capitalized, seen, lower } = other;
        let mut to: Vec<u32> = Vec::with_capacity(stems.len());
        for (t, stem) in stems.into_iter().enumerate() {
            let id = self.term_id(stem, number[t]);
            let g = id as usize;
            self.stop[g] |= stop[t];
            self.capitalized[g] += capitalized[t];
            self.seen[g] += seen[t];
            self.lower[g] += lower[t];
            to.push(id);
        }
        units.renumber(&to);
    }

    fn units(&mut self, doc: &Document, reading: &Reading, reader: &mut impl WordReader) -> Units {
        let mut cache: StrMap<'static, u32> = StrMap::new();
        let quotes = &doc.quotes;
        // The words come in reading order: the first quotation not closed before a word is
        // found by moving on from the last word's, not by a search per word.
        let mut quote = 0;
        let mut inside = |at: usize| {
            while quotes.get(quote).is_some_and(|(q, _)| q.end <= at) {
                quote += 1;
            }
            quotes.get(quote).is_some_and(|(q, _)| q.start <= at)
        };
        // One unit per sentence at most: reserved at once, so a million-sentence document's
        // units are not copied from one doubled buffer to the next.
        let mut out = Units::default();
        out.heads.reserve(doc.paragraphs.iter().map(|p| p.sentences().len()).sum());
        // Each word's id in reading order and, about as many, its sentence's distinct terms:
        // room for two ids a word at a word every two bytes, which no text exceeds but one of
        // mostly quoted one-letter words (room never written costs only address space, where
        // growing would copy every id into fresh pages).
        out.ids.reserve(doc.text.len() + 2);
        let mut scratch = Scratch::default();
        let mut in_quote: Vec<bool> = Vec::new();
        let (mut seq, mut terms, mut quoted): (Vec<u32>, Vec<u32>, Vec<u32>) = Default::default();
        for (p, para) in doc.paragraphs.iter().enumerate() {
            if para.kind == Kind::Furniture {
                reader.paragraph(doc, p, false);
                continue;
            }
            for &span in para.sentences() {
                seq.clear();
                in_quote.clear();
                scan_words(&doc.text, span, &mut scratch, |w| {
                    reader.word(&w);
                    seq.push(self.id(&w, &doc.text, reading, &mut cache));
                    in_quote.push(inside(w.span.start));
                });
                terms.clear();
                terms.extend_from_slice(&seq);
                terms.sort_unstable();
                terms.dedup();
                quoted.clear();
                if in_quote.iter().filter(|&&q| q).count() * 2 >= seq.len().max(1) {
                    quoted.extend(seq.iter().zip(&in_quote).filter(|(_, &q)| q).map(|(&t, _)| t));
                    quoted.sort_unstable();
                    quoted.dedup();
                }
                if !terms.is_empty() {
                    out.push(p, para.kind, &seq, &terms, &quoted);
                }
            }
            reader.paragraph(doc, p, sentences_tile(&doc.text, para.span, para.sentences()));
        }
        out
    }
}

impl TermModel {
    pub fn build(left: &Document, right: &Document) -> TermModel {
        Self::build_reading::<()>(left, right).0
    }

    /// [`TermModel::build`], with a reader of each document's words handed them as they are
    /// scanned (left, right).
    pub fn build_reading<R: WordReader>(left: &Document, right: &Document) -> (TermModel, [R; 2]) {
        // A document too short for its language to be told reads in its partner's.
        let pair = std::sync::OnceLock::new();
        let language = |d: &Document| {
            d.language.or_else(|| *pair.get_or_init(|| Language::detect_pair(&left.text, &right.text)))
        };
        let (left_lang, right_lang) = (language(left), language(right));
        // Each side's units with its own vocabulary, in parallel; the right side's terms are
        // then numbered on from the left's, as one pass over both would number them.
        let read = |doc: &Document, lang: Option<Language>| {
            let mut b = Builder::default();
            let mut reader = R::default();
            let units = b.units(doc, &Reading::new(lang), &mut reader);
            (b, units, reader)
        };
        let ((mut b, mut l, left_reader), (rb, mut r, right_reader)) =
            rayon::join(|| read(left, left_lang), || read(right, right_lang));
        b.absorb(rb, &mut r);
        let stop = std::mem::take(&mut b.stop);
        let mut df = vec![0u32; b.stems.len()];
        for u in l.iter().chain(r.iter()) {
            for &t in u.terms() {
                df[t as usize] += 1;
            }
        }
        let n = (l.len() + r.len()).max(1) as f32;
        // Capitalised inside sentences more often than not; or seen only at sentence starts,
        // always capitalised and never written in lower case ("Jez Frampton, chief…").
        // Where capitals mark names at all (not in German, which capitalises every noun).
        let capitals = [left_lang, right_lang].iter().all(|l| l.is_none_or(Language::capitals_mark_names));
        let name: Vec<bool> = (0..b.stems.len())
            .map(|t| {
                capitals
                    && (b.capitalized[t] * 2 > b.seen[t]
                        || (b.seen[t] == 0 && b.lower[t] == 0 && !b.number[t]))
            })
            .collect();
        let weights: Vec<f32> = (0..b.stems.len())
            .map(|t| {
                let idf = (1.0 + n / df[t].max(1) as f32).ln();
                let boost = if stop[t] {
                    0.1
                } else if b.number[t] {
                    1.5
                } else if name[t] {
                    1.3
                } else {
                    1.0
                };
                idf * boost
            })
            .collect();
        l.weigh(&weights);
        r.weigh(&weights);
        let prefix = b
            .stems
            .iter()
            .zip(&stop)
            .map(|(st, &is_stop)| {
                if st.len() < 5 || st.starts_with(|c: char| c.is_ascii_digit()) || is_stop {
                    0
                } else {
                    st.bytes().take(5).fold(0u64, |k, byte| (k << 8) | u64::from(byte))
                }
            })
            .collect();
        let id = MODELS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let model = TermModel { stems: b.stems, weights, df, prefix, stop, name, left: l, right: r, id };
        (model, [left_reader, right_reader])
    }

    /// A unit made of several (a bulleted list read as a whole): units `range` of `units`,
    /// as the one unit of a side of its own.
    pub fn merged(&self, units: &Units, range: std::ops::Range<usize>) -> Option<Units> {
        if range.is_empty() {
            return None;
        }
        let first = units.get(range.start);
        let mut terms: Vec<u32> = range.clone().flat_map(|k| units.get(k).terms().iter().copied()).collect();
        terms.sort_unstable();
        terms.dedup();
        let seq: Vec<u32> = range.flat_map(|k| units.get(k).seq().iter().copied()).collect();
        let mut list = Units::default();
        list.push(first.para(), first.kind, &seq, &terms, &[]);
        list.weigh(&self.weights);
        Some(list)
    }

    /// For each unit of `others` in turn, the weight of the terms among `remaining` it has,
    /// summed in the order of `remaining` ([`TermModel::explained`]), handed to `take`; where
    /// `take` says so, those terms then leave `remaining`. Each unit's terms are marked in a
    /// thread's array by term, and `remaining` read against the marks without a branch on
    /// whether a term is shared.
    pub fn explain_in_turn<'u>(
        &self,
        remaining: &mut Vec<u32>,
        others: impl IntoIterator<Item = Unit<'u>>,
        mut take: impl FnMut(f32) -> bool,
    ) {
        MARKS.with(|marks| {
            let mut marks = marks.borrow_mut();
            for b in others {
                marks.mark(b.terms(), self.weights.len());
                let mut sum = 0.0;
                for &t in remaining.iter() {
                    // Adding 0.0 changes no bit: the sum is the walk's.
                    sum += if marks.has(t) { self.weights[t as usize] } else { 0.0 };
                }
                if take(sum) {
                    remaining.retain(|&t| !marks.has(t));
                }
            }
        })
    }

    /// The weight of the terms among `remaining` (sorted, each once) that `b` also has,
    /// summed in the order of `remaining`.
    pub fn explained(&self, remaining: &[u32], b: &Unit) -> f32 {
        let mut sum = 0.0;
        for_shared(remaining, b.terms(), |t| sum += self.weights[t as usize]);
        sum
    }

    /// Whether all two units share is who is speaking: one of them is mostly a quotation, and
    /// none of the content words they share is inside it ("“…,” said Alan Strickland, a
    /// Haringey councillor" and another quotation of his).
    pub fn only_attribution(&self, a: &Unit, b: &Unit) -> bool {
        let shared =
            || a.terms().iter().filter(|&&t| !self.stop[t as usize] && b.terms().binary_search(&t).is_ok());
        [a, b]
            .iter()
            .any(|u| !u.quoted().is_empty() && shared().all(|t| u.quoted().binary_search(t).is_err()))
    }

    /// The longest phrase two units write word for word, counted in the content words in it
    /// that are not names: "before the end of next year" counts 3, "said Alan Strickland, a
    /// Haringey councillor" 1.
    pub fn shared_phrase(&self, a: &Unit, b: &Unit) -> usize {
        let content = |t: u32| usize::from(!self.stop[t as usize] && !self.name[t as usize]);
        // Longest-common-substring table, one row at a time: cur[j + 1] is the content count of
        // the common run ending at this word of `a` and word j of `b`, None where they differ.
        // Sentences are short; a "sentence" of thousands of words (text without full stops) is
        // searched in its first PHRASE_WINDOW words, so one pair cannot cost quadratic time.
        let (sa, sb) =
            (&a.seq()[..a.seq().len().min(PHRASE_WINDOW)], &b.seq()[..b.seq().len().min(PHRASE_WINDOW)]);
        let mut prev = vec![None::<usize>; sb.len() + 1];
        let mut cur = vec![None::<usize>; sb.len() + 1];
        let mut best = 0;
        for &x in sa {
            for (j, &y) in sb.iter().enumerate() {
                cur[j + 1] = (x == y).then(|| prev[j].unwrap_or(0) + content(x));
                best = best.max(cur[j + 1].unwrap_or(0));
            }
            std::mem::swap(&mut prev, &mut cur);
        }
        best
    }

    /// How many content words two units share that are not names.
    pub fn shared_words_not_names(&self, a: &Unit, b: &Unit) -> usize {
        a.terms()
            .iter()
            .filter(|&&t| {
                !self.stop[t as usize] && !self.name[t as usize] && b.terms().binary_search(&t).is_ok()
            })
            .count()
    }

    /// How many content words (not function words) two units share.
    pub fn shared_content(&self, a: &Unit, b: &Unit) -> usize {
        a.terms().iter().filter(|&&t| !self.stop[t as usize] && b.terms().binary_search(&t).is_ok()).count()
    }

    /// Whether a term is a function word (weighted down, never used to find candidates).
    pub fn is_stop(&self, t: u32) -> bool {
        self.stop[t as usize]
    }

    /// How much content two units share, 0..1: the weight of their common terms (related
    /// word forms count in part) over the geometric mean of their weights.
    pub fn similarity(&self, a: &Unit, b: &Unit) -> f32 {
        if a.weight <= 0.0 || b.weight <= 0.0 {
            return 0.0;
        }
        // The thread's scratch lists for the terms only one unit has: this runs millions of times.
        MARKS.with(|marks| {
            let Marks { only_a, only_b, .. } = &mut *marks.borrow_mut();
            only_a.clear();
            only_b.clear();
            self.similarity_with(a, b, only_a, only_b)
        })
    }

    /// [`TermModel::similarity`] of left unit `i` and right unit `j`, to the bit, for runs of
    /// pairs with the same left unit (the candidates of a sentence, a gap's pairs): the left
    /// unit's terms are marked once in an array by term, and each right unit's are looked up
    /// there, in one pass without a data-dependent branch, where a walk through both sorted
    /// lists mispredicts about every other step.
    pub fn left_right_similarity(&self, i: usize, j: usize) -> f32 {
        let (a, b) = (self.left.get(i), self.right.get(j));
        if a.weight <= 0.0 || b.weight <= 0.0 {
            return 0.0;
        }
        MARKS.with(|marks| {
            let mut marks = marks.borrow_mut();
            if marks.marked != Some((self.id, i)) {
                marks.mark(a.terms(), self.weights.len());
                marks.marked = Some((self.id, i));
            }
            let Marks { stamp, stamp_now, only_a, only_b, .. } = &mut *marks;
            let now = *stamp_now;
            // The shared terms' weights, summed in term order as the walk through both lists
            // sums them (adding 0.0 for a term not shared changes no bit); and the first
            // RELATED_MAX of the terms only `b` has, each with its place, kept where it has a
            // prefix key (written always, kept by moving on).
            let mut shared = 0.0;
            only_b.clear();
            only_b.resize(2 * RELATED_MAX as usize + 2, 0);
            let (mut kept, mut b_only) = (0usize, 0u32);
            for &y in b.terms() {
                let t = y as usize;
                let is_shared = stamp[t] == now;
                shared += if is_shared { self.weights[t] } else { 0.0 };
                only_b[kept] = b_only;
                only_b[kept + 1] = y;
                let keep = !is_shared && b_only < RELATED_MAX && self.prefix[t] != 0;
                kept += 2 * usize::from(keep);
                b_only += u32::from(!is_shared);
            }
            only_b.truncate(kept);
            if !only_b.is_empty() {
                // The terms only `a` has that the credit would look at: with a prefix key among
                // those of `b`'s kept terms (it passes over the others at once), in order.
                let seen = related_seen(&self.prefix, only_b);
                only_a.clear();
                let tb = b.terms();
                only_a.extend(a.terms().iter().copied().filter(|&x| {
                    let key = self.prefix[x as usize];
                    key != 0 && seen & (1 << (key % 64)) != 0 && tb.binary_search(&x).is_err()
                }));
                if !only_a.is_empty() {
                    shared += self.related_forms(only_a, only_b);
                }
            }
            (shared / (a.weight * b.weight).sqrt()).min(1.0)
        })
    }

    fn similarity_with(&self, a: &Unit, b: &Unit, only_a: &mut Vec<u32>, only_b: &mut Vec<u32>) -> f32 {
        let (ta, tb) = (a.terms(), b.terms());
        let (mut i, mut j) = (0, 0);
        let mut shared = 0.0;
        // Of the terms only one unit has, the related-form credit reads those with a prefix
        // key, and of `b`'s only the first RELATED_MAX: just those are kept, `b`'s each with
        // its place among all of `b`'s.
        let mut b_only = 0u32;
        let mut keep_b = |y: u32, only_b: &mut Vec<u32>| {
            if b_only < RELATED_MAX && self.prefix[y as usize] != 0 {
                only_b.push(b_only);
                only_b.push(y);
            }
            b_only += 1;
        };
        while i < ta.len() && j < tb.len() {
            let (x, y) = (ta[i], tb[j]);
            if x == y {
                shared += self.weights[x as usize];
                i += 1;
                j += 1;
            } else if x < y {
                if self.prefix[x as usize] != 0 {
                    only_a.push(x);
                }
                i += 1;
            } else {
                keep_b(y, only_b);
                j += 1;
            }
        }
        only_a.extend(ta[i..].iter().filter(|&&x| self.prefix[x as usize] != 0));
        for &y in &tb[j..] {
            keep_b(y, only_b);
        }
        if !only_a.is_empty() && !only_b.is_empty() {
            shared += self.related_forms(only_a, only_b);
        }
        (shared / (a.weight * b.weight).sqrt()).min(1.0)
    }

    /// Partial credit for word forms the stemmer keeps apart ("optimism" ~ "optimistic"):
    /// stems sharing a long prefix that covers nearly all of the shorter one. `a`: the terms
    /// only the first unit has that have a prefix key; `b`: (place, term) pairs, flat, of the
    /// second unit's, as [`TermModel::similarity_with`] keeps them.
    fn related_forms(&self, a: &[u32], b: &[u32]) -> f32 {
        let mut credit = 0.0;
        // Bit k: the term at place k of `b` already matched.
        let mut used = 0u64;
        // Which prefixes `b` has, folded into 64 bits: a stem whose bit is clear has no
        // partner, and most stems have none (this runs for every pair of sentences compared).
        let seen = related_seen(&self.prefix, b);
        for &x in a {
            let key = self.prefix[x as usize];
            if seen & (1 << (key % 64)) == 0 {
                continue;
            }
            for p in b.chunks_exact(2) {
                let (k, y) = (p[0], p[1]);
                if used & (1 << k) != 0 || self.prefix[y as usize] != key {
                    continue;
                }
                let (sx, sy) = (&self.stems[x as usize], &self.stems[y as usize]);
                let common = sx.bytes().zip(sy.bytes()).take_while(|(p, q)| p == q).count();
                if common + 2 >= sx.len().min(sy.len()) {
                    used |= 1 << k;
                    credit += 0.6 * self.weights[x as usize].min(self.weights[y as usize]);
                    break;
                }
            }
        }
        credit
    }
}

/// The prefix keys of the (place, term) pairs `b`, folded into 64 bits.
fn related_seen(prefix: &[u64], b: &[u32]) -> u64 {
    b.chunks_exact(2).fold(0u64, |m, p| m | 1 << (prefix[p[1] as usize] % 64))
}

/// Calls `each` with every term of `a` that `b` also has, in order (both sorted, each once):
/// one walk through both lists, not a search of `b` for each.
fn for_shared(a: &[u32], b: &[u32], mut each: impl FnMut(u32)) {
    let mut j = 0;
    for &t in a {
        while j < b.len() && b[j] < t {
            j += 1;
        }
        if j == b.len() {
            break;
        }
        if b[j] == t {
            each(t);
        }
    }
}

/// The terms of the second unit the related-form credit considers, in order: the first 64
/// of those it alone has (one bit each in a 64-bit set).
const RELATED_MAX: u32 = 64;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Source;
    use proptest::prelude::*;

    /// Everything [`scan_words`] hands over for `s`, read by `scan`.
    fn scanned(s: &str, scan: fn(&str, &mut Scratch, &mut Vec<Word>)) -> Vec<Word> {
        let mut out = Vec::new();
        scan(s, &mut Scratch::default(), &mut out);
        out
    }

    proptest! {
        // The ASCII shortcut finds the words the general scanner finds, with the same folds
        // and flags: text drawn from the characters its rules turn on.
        #[test]
        fn ascii_words_are_the_general_ones(s in "[aZ0'.,s S\t\n-]{0,40}") {
            let ascii = scanned(&s, |s, sc, out| scan_ascii_words(s, 0, &mut sc.folded, |w| out.push(w.to_word())));
            let any = scanned(&s, |s, sc, out| scan_any_words(s, 0, sc, |w| out.push(w.to_word())));
            prop_assert_eq!(ascii, any);
        }
    }

    /// Found by tests/properties.rs: a speaker window of 40 bytes ended inside U+202E.
    #[test]
    fn words_shrinks_a_span_that_cuts_a_character() {
        let text = "Putin said \u{202E}more";
        let inside = text.find('\u{202E}').unwrap() + 1;
        let w = words(text, Span::new(0, inside));
        assert_eq!(w.iter().map(|w| w.folded.as_str()).collect::<Vec<_>>(), ["putin", "said"]);
        assert!(words(text, Span::new(inside, text.len() + 5)).iter().any(|w| w.folded == "more"));
    }

    fn folded(s: &str) -> Vec<String> {
        words(s, Span::new(0, s.len())).into_iter().map(|w| w.folded).collect()
    }

    #[test]
    fn words_fold_typography_possessives_and_numbers() {
        assert_eq!(folded("Trump’s envoys don't"), ["trump", "envoys", "don't"]);
        assert_eq!(
            folded("A 28-point plan, 1.2 million and 2,000 men."),
            ["a", "28", "point", "plan", "1.2", "million", "and", "2000", "men"]
        );
        assert_eq!(folded("“Quoted” — Kyiv’s"), ["quoted", "kyiv"]);
        assert_eq!(folded("U.S. officials, the U.N."), ["us", "officials", "the", "un"]);
    }

    #[test]
    fn numbers_are_one_term_whatever_the_separators() {
        assert_eq!(number_key("1,234.5", false), "1234.5");
        assert_eq!(number_key("1.234,5", true), "1234.5");
        assert_eq!(number_key("1\u{202f}234,5", true), "1234.5");
        assert_eq!(number_key("4,2", true), "4.2");
        let w = words("soit 1\u{a0}234,5 euros", Span::new(0, 21));
        assert_eq!(w.len(), 3, "{w:?}");
    }

    /// The two sides are read in parallel: their terms must still be numbered as one pass
    /// over the left side and then the right would number them, with the counts of both.
    #[test]
    fn terms_are_numbered_left_side_first_in_reading_order() {
        let l = Document::parse(Source::from_text("l", "Zeta alpha mu. Alpha xi."));
        let r = Document::parse(Source::from_text("r", "Omega mu zeta, then omega alpha pi."));
        let m = TermModel::build(&l, &r);
        let id = |w: &str| {
            m.stems.iter().position(|s| s == w).unwrap_or_else(|| panic!("{w}: {:?}", m.stems)) as u32
        };
        let order: Vec<u32> =
            ["zeta", "alpha", "mu", "xi", "omega", "then", "pi"].iter().map(|w| id(w)).collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{:?}", m.stems);
        assert_eq!(
            m.right.get(0).seq(),
            [id("omega"), id("mu"), id("zeta"), id("then"), id("omega"), id("alpha"), id("pi")]
        );
        let mut terms = m.right.get(0).seq().to_vec();
        terms.sort_unstable();
        terms.dedup();
        assert_eq!(m.right.get(0).terms(), terms);
        // "alpha" is in both left sentences and the right one; "omega" in one unit only.
        assert_eq!((m.df[id("alpha") as usize], m.df[id("omega") as usize]), (3, 1));
    }

    #[test]
    fn paraphrase_scores_above_unrelated_text() {
        let l = Document::parse(Source::from_text(
            "l",
            "The White House is optimistic about a deal with the rebels.\nThe harvest was poor this autumn in the northern valleys.",
        ));
        let r = Document::parse(Source::from_text(
            "r",
            "The White House expressed optimism about the rebel deal.",
        ));
        let m = TermModel::build(&l, &r);
        let close = m.similarity(&m.left.get(0), &m.right.get(0));
        let far = m.similarity(&m.left.get(1), &m.right.get(0));
        assert!(close > 0.5 && far < 0.1, "close {close}, far {far}");
    }

    /// The marked similarity is the walk's to the bit, for every pair of the bundled articles'
    /// sentences, taken in an order that re-marks the left unit now and then, with a second
    /// model's pairs in between (the marks outlive a model on their thread).
    #[test]
    fn marked_similarity_is_the_walked_one_to_the_bit() {
        let l = Document::parse(Source::from_text("l", include_str!("../assets/source.txt")));
        let r = Document::parse(Source::from_text("r", include_str!("../assets/rewrite.txt")));
        let (m, other) = (TermModel::build(&l, &r), TermModel::build(&r, &l));
        assert!(m.left.len() > 20 && m.right.len() > 20);
        let mut related = 0;
        for i in 0..m.left.len() {
            for j in 0..m.right.len() {
                let walked = m.similarity(&m.left.get(i), &m.right.get(j));
                assert_eq!(m.left_right_similarity(i, j).to_bits(), walked.to_bits(), "{i} {j}");
                let bare =
                    m.left.get(i).terms().iter().filter(|t| m.right.get(j).terms().contains(t)).count();
                related += usize::from(bare == 0 && walked > 0.0);
                if j % 7 == 0 {
                    let (oi, oj) = (j % other.left.len(), i % other.right.len());
                    let o = other.similarity(&other.left.get(oi), &other.right.get(oj));
                    assert_eq!(other.left_right_similarity(oi, oj).to_bits(), o.to_bits());
                }
            }
        }
        // The related-form credit was exercised: pairs sharing no term that still score.
        assert!(related > 0, "no pair scored on related forms alone");
    }

    /// Explaining a sentence by others in turn, with marks, sums and drops what the walk
    /// through both sorted lists does, to the bit.
    #[test]
    fn explaining_in_turn_is_the_walk() {
        let l = Document::parse(Source::from_text("l", include_str!("../assets/source.txt")));
        let r = Document::parse(Source::from_text("r", include_str!("../assets/rewrite.txt")));
        let m = TermModel::build(&l, &r);
        for i in 0..m.left.len() {
            let others: Vec<usize> = (0..m.right.len()).filter(|j| (i + j) % 3 == 0).collect();
            // Every other one taken, whatever it explains.
            let (mut walked, mut marked) = (m.left.get(i).terms().to_vec(), m.left.get(i).terms().to_vec());
            let mut sums = Vec::new();
            for (n, &j) in others.iter().enumerate() {
                let b = m.right.get(j);
                sums.push(m.explained(&walked, &b).to_bits());
                if n % 2 == 0 {
                    walked.retain(|t| b.terms().binary_search(t).is_err());
                }
            }
            let mut n = 0;
            let mut marked_sums = Vec::new();
            m.explain_in_turn(&mut marked, others.iter().map(|&j| m.right.get(j)), |sum| {
                marked_sums.push(sum.to_bits());
                n += 1;
                n % 2 == 1
            });
            assert_eq!((marked_sums, marked), (sums, walked), "{i}");
        }
    }
}
