//! Word-level differences inside linked paragraphs, read like an editor's markup.
//!
//! Each paragraph is diffed (with `similar`) against the text of the paragraphs it is linked
//! to, taken in reading order, so content merged in from another paragraph is not shown as
//! added. Tokens are words, numbers and punctuation; whitespace never counts. Typographic
//! variants and the case of a sentence's first word are not differences. Short equal islands
//! between two changes fold into one change, so a phrase is replaced by a phrase.

use crate::document::{Document, Kind, Paragraph, Span};
use crate::groups::Groups;
use crate::input::narrow;
use crate::links::Link;
use crate::strmap::StrMap;
use crate::text::{AsciiChars, CharIndex, DecodedChars};
use serde::Serialize;
use similar::algorithms::{histogram, Compact, DiffHook};
use std::time::{Duration, Instant};

/// How a piece of a paragraph differs from its counterpart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    /// In the left version only (inside a linked paragraph).
    Removed,
    /// In the right version only (inside a linked paragraph).
    Inserted,
    /// The same words, found in a paragraph that moved.
    Moved,
}

/// A marked stretch of one paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Marked {
    pub span: Span,
    pub mark: Mark,
}

/// One word-level change: a phrase replaced, removed or inserted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    pub left: Option<(usize, Span)>,
    pub right: Option<(usize, Span)>,
}

/// Word counts for the summary line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct WordCounts {
    pub kept: usize,
    pub removed: usize,
    pub inserted: usize,
}

/// Each paragraph's marked stretches, all in one array (a vector per paragraph would cost a
/// million-line text 24 bytes a line even where nothing is marked).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParaMarks {
    /// Paragraph `p`'s marks are `marks[starts[p]..starts[p + 1]]` (no paragraphs: empty).
    starts: Vec<u32>,
    marks: Vec<Marked>,
}

impl ParaMarks {
    /// The marks of `paras` paragraphs, from each marked paragraph's marks in paragraph order.
    fn from_sorted(paras: usize, marked: Vec<(usize, Vec<Marked>)>) -> ParaMarks {
        let mut starts = Vec::with_capacity(paras + 1);
        // Made at its full size at once, not copied from one doubled buffer to the next.
        let mut marks = Vec::with_capacity(marked.iter().map(|(_, m)| m.len()).sum());
        for (p, m) in marked {
            debug_assert!(starts.len() <= p + 1, "paragraph {p} out of order");
            starts.resize(p + 1, narrow(marks.len()));
            marks.extend(m);
        }
        starts.resize(paras + 1, narrow(marks.len()));
        ParaMarks { starts, marks }
    }

    /// How many paragraphs.
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Paragraph `p`'s marks, in order, not overlapping; `None` beyond the last paragraph.
    pub fn get(&self, p: usize) -> Option<&[Marked]> {
        let (from, to) = (*self.starts.get(p)?, *self.starts.get(p + 1)?);
        Some(&self.marks[from as usize..to as usize])
    }

    /// Every paragraph's marks, in paragraph order.
    pub fn iter(&self) -> impl Iterator<Item = &[Marked]> {
        self.starts.windows(2).map(|w| &self.marks[w[0] as usize..w[1] as usize])
    }
}

impl std::ops::Index<usize> for ParaMarks {
    type Output = [Marked];
    fn index(&self, p: usize) -> &[Marked] {
        &self.marks[self.starts[p] as usize..self.starts[p + 1] as usize]
    }
}

/// All word-level results of a comparison.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WordDiff {
    /// Per left paragraph: its marked stretches, in order, not overlapping.
    pub left: ParaMarks,
    pub right: ParaMarks,
    pub changes: Changes,
    pub counts: WordCounts,
}

/// Every word change, in order: the left pass's (in left reading order), then the right
/// pass's that it did not report (in right reading order). Held as the passes found them,
/// paragraph by paragraph, not copied into one array: the big pair's 76,000 changes would
/// be 5 MB of fresh pages filled on one core while the other waits.
#[derive(Debug, Clone, Default)]
pub struct Changes {
    lists: Vec<Vec<Change>>,
    len: usize,
}

impl Changes {
    /// The changes of `lists`, one after another (empty lists are dropped).
    fn of(mut lists: Vec<Vec<Change>>) -> Changes {
        lists.retain(|l| !l.is_empty());
        let len = lists.iter().map(Vec::len).sum();
        Changes { lists, len }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The changes in order.
    pub fn iter(&self) -> impl Iterator<Item = &Change> + Clone {
        self.lists.iter().flatten()
    }
}

/// The same changes in the same order, however they are held.
impl PartialEq for Changes {
    fn eq(&self, other: &Changes) -> bool {
        self.len == other.len && self.iter().eq(other.iter())
    }
}

/// A token of running text: a word, a number or one punctuation mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    /// Interned comparison key.
    key: u32,
    /// A word or number (not punctuation), for counts and clean-up.
    word: bool,
    /// A function word or punctuation: an island of these between changes folds away.
    light: bool,
}

const LIGHT_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "by", "for", "with", "as", "is", "was",
    "it", "that", "this", "be", "are", "were", "from",
];

/// The longest of the [`LIGHT_WORDS`], in bytes: a longer word is not one of them.
const LIGHT_WORD_MAX: usize = 4;

/// Interns comparison keys so the diff compares integers; also holds the character buffer
/// each paragraph's scan reuses.
#[derive(Default)]
struct Keys {
    ids: StrMap<'static, u32>,
    /// Whether each key (by number) is one of the [`LIGHT_WORDS`], found once per key.
    light: Vec<bool>,
    chars: Vec<(usize, char)>,
    /// A sentence's first word lower-cased, reused from word to word.
    lower: String,
}

impl Keys {
    /// The key of a text; a text not seen before is copied in once.
    fn get(&mut self, k: &str) -> u32 {
        if let Some(&n) = self.ids.get(k) {
            return n;
        }
        let n = self.ids.len() as u32;
        self.ids.insert_copy(k, n);
        self.light.push(is_light(k));
        n
    }

    /// Whether key `n` is one of the [`LIGHT_WORDS`].
    fn light(&self, n: u32) -> bool {
        self.light[n as usize]
    }
}

/// Whether a word is one of the [`LIGHT_WORDS`], in any case. They are ASCII, so a case-blind
/// ASCII comparison is the lower-cased one; and no other character lower-cases to an ASCII
/// letter of theirs, so a word and its lower-case form (a sentence's first word's key) agree.
fn is_light(w: &str) -> bool {
    w.len() <= LIGHT_WORD_MAX && LIGHT_WORDS.iter().any(|l| l.eq_ignore_ascii_case(w))
}

/// A character as compared: typographic quotes and dashes folded to plain ones.
fn fold_char(c: char) -> char {
    match c {
        '’' | '‘' | '‛' | '′' => '\'',
        '“' | '”' | '„' | '″' | '«' | '»' => '"',
        '–' | '—' | '‒' | '―' | '−' => '-',
        _ => c,
    }
}

/// A first guess at the bytes of text per token (a word and its space, or a punctuation
/// mark), for a paragraph's token list to start near its full size instead of doubling its
/// way up: English runs about five.
const BYTES_PER_TOKEN: usize = 5;

fn tokens(doc: &Document, para: usize, keys: &mut Keys) -> Vec<Token> {
    let mut out = Vec::with_capacity(doc.paragraphs[para].span.len() / BYTES_PER_TOKEN + 1);
    tokens_into(doc, para, keys, &mut out);
    out
}

/// The tokens of paragraph `para`, appended to `out`.
fn tokens_into(doc: &Document, para: usize, keys: &mut Keys, out: &mut Vec<Token>) {
    let p = &doc.paragraphs[para];
    let s = &doc.text[p.span.start..p.span.end];
    // ASCII text, as most is, is read as its bytes; other text decoded into a reused buffer.
    match AsciiChars::new(s) {
        Some(chars) => tokens_of(&chars, s, p, keys, out),
        None => {
            let mut buf = std::mem::take(&mut keys.chars);
            tokens_of(&DecodedChars::new(s, &mut buf), s, p, keys, out);
            keys.chars = buf;
        }
    }
}

/// The tokens of paragraph `p` (its text `s`, its characters `chars`), appended to `out`.
fn tokens_of(chars: &impl CharIndex, s: &str, p: &Paragraph, keys: &mut Keys, out: &mut Vec<Token>) {
    let mut sentence_starts = p.sentences().iter().map(|s| s.start).peekable();
    let mut at_sentence_start = false;
    let n = chars.count();
    // A list item's bullet is layout, not words.
    let skip = if p.kind == Kind::ListItem { crate::document::list_marker_len(s).unwrap_or(0) } else { 0 };
    let mut i = 0;
    while i < n && chars.offset(i) < skip {
        i += 1;
    }
    while i < n {
        let c = chars.at(i);
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let (b, abs) = (chars.offset(i), p.span.start + chars.offset(i));
        // (Sentence starts are only read at tokens: only a word reads the flag.)
        while sentence_starts.next_if(|&n| n <= abs).is_some() {
            at_sentence_start = true;
        }
        if !c.is_alphanumeric() {
            let key = keys.get(fold_char(c).encode_utf8(&mut [0; 4]));
            out.push(Token {
                span: Span::new(abs, p.span.start + chars.offset(i + 1)),
                key,
                word: false,
                light: true,
            });
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < n {
            let c = chars.at(j);
            // Between two letters or digits (looked at only for the characters it matters to).
            let inner =
                || j + 1 < n && chars.at(j + 1).is_alphanumeric() && chars.at(j - 1).is_alphanumeric();
            if c.is_alphanumeric()
                || crate::text::joins_previous(c)
                || (matches!(c, '\'' | '’' | '-' | '‐' | '.' | ',')
                    && inner()
                    && (c != ',' || chars.at(j + 1).is_ascii_digit()))
            {
                j += 1;
            } else {
                break;
            }
        }
        let end = chars.offset(j);
        let raw = &s[b..end];
        // Copied only when a character folds, or to lower-case a sentence's first word.
        // (Every character that folds is outside ASCII.)
        let folded: std::borrow::Cow<str> = if !raw.is_ascii() && raw.chars().any(|c| fold_char(c) != c) {
            raw.chars().map(fold_char).collect::<String>().into()
        } else {
            raw.into()
        };
        let key = if !at_sentence_start {
            keys.get(&folded)
        } else if folded.is_ascii() {
            // Lower-cased in a reused buffer (ASCII has no context-dependent letters).
            let mut low = std::mem::take(&mut keys.lower);
            low.clear();
            low.extend(folded.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            let key = keys.get(&low);
            keys.lower = low;
            key
        } else {
            keys.get(&folded.to_lowercase())
        };
        let light = keys.light(key);
        out.push(Token { span: Span::new(abs, p.span.start + end), key, word: true, light });
        at_sentence_start = false;
        i = j;
    }
}

/// A diff step after clean-up: equal runs, and changes (either side may be empty).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Equal { a: usize, b: usize, len: usize },
    Change { a: std::ops::Range<usize>, b: std::ops::Range<usize> },
}

/// Diffs two token sequences and folds short equal islands between changes into them.
///
/// With `similar`'s histogram diff: it anchors on the rarest tokens the two share (names,
/// numbers, content words) and recurses between them, so a reworded paragraph costs about
/// its length, where Myers' search grows with length times edits. On the 12 onestop-dev pairs
/// it finds the same changes, give or take one; on a reworded 4 MB pair the whole run takes
/// a fifth less time.
///
/// The diff's steps go straight into [`Steps`] (after `similar`'s compaction, which slides
/// each change to where it reads best), not through a list of its own operations first. A
/// diff of two long runs of tokens gets a deadline, past which `similar` settles for a coarser
/// answer: one pathological pair cannot hold up the whole comparison.
fn diff(a: &[Token], b: &[Token]) -> Vec<Step> {
    let ka: Vec<u32> = a.iter().map(|t| t.key).collect();
    let kb: Vec<u32> = b.iter().map(|t| t.key).collect();
    let deadline = (ka.len() + kb.len() > DEADLINE_TOKENS).then(|| Instant::now() + DIFF_DEADLINE);
    // About one step per four tokens of the shorter side in reworded text: a first guess.
    let mut steps = Compact::new(Steps(Vec::with_capacity(ka.len().min(kb.len()) / 4 + 1)), &ka, &kb);
    let Ok(()) = histogram::diff_deadline(&mut steps, &ka, 0..ka.len(), &kb, 0..kb.len(), deadline);
    let steps = steps.into_inner().0;
    // Fold islands: change, short equal run, change → one change.
    let mut out: Vec<Step> = Vec::with_capacity(steps.len());
    let mut k = 0;
    while k < steps.len() {
        if let (
            Some(Step::Change { .. }),
            Step::Equal { a: ea, len, .. },
            Some(Step::Change { a: na, b: nb }),
        ) = (out.last(), &steps[k], steps.get(k + 1))
        {
            let island = &a[*ea..*ea + *len];
            if *len <= 1 || (*len <= 2 && island.iter().all(|t| t.light)) {
                if let Some(Step::Change { a: pa, b: pb }) = out.last_mut() {
                    pa.end = na.end;
                    pb.end = nb.end;
                }
                k += 2;
                continue;
            }
        }
        out.push(steps[k].clone());
        k += 1;
    }
    out
}

/// Tokens in both texts of a diff past which it gets a deadline: some twenty long paragraphs
/// (a diff this size takes milliseconds; one of two ordinary paragraphs, microseconds).
const DEADLINE_TOKENS: usize = 5_000;
/// How long one such diff may search before it settles for a coarser answer: far more than
/// any real paragraph group takes, far less than a reader would wait.
const DIFF_DEADLINE: Duration = Duration::from_millis(500);

/// A diff's steps as `similar` reports them, adjacent changes (a delete then an insert) made
/// one change.
struct Steps(Vec<Step>);

impl Steps {
    fn change(&mut self, a: std::ops::Range<usize>, b: std::ops::Range<usize>) {
        match self.0.last_mut() {
            Some(Step::Change { a: pa, b: pb }) => {
                pa.end = a.end;
                pb.end = b.end;
            }
            _ => self.0.push(Step::Change { a, b }),
        }
    }
}

impl DiffHook for Steps {
    type Error = std::convert::Infallible;

    fn equal(&mut self, a: usize, b: usize, len: usize) -> Result<(), Self::Error> {
        self.0.push(Step::Equal { a, b, len });
        Ok(())
    }

    fn delete(&mut self, a: usize, len: usize, b: usize) -> Result<(), Self::Error> {
        self.change(a..a + len, b..b);
        Ok(())
    }

    fn insert(&mut self, a: usize, b: usize, len: usize) -> Result<(), Self::Error> {
        self.change(a..a, b..b + len);
        Ok(())
    }

    fn replace(&mut self, a: usize, a_len: usize, b: usize, b_len: usize) -> Result<(), Self::Error> {
        self.change(a..a + a_len, b..b + b_len);
        Ok(())
    }
}

/// Token text of one paragraph followed by another's, with where each token came from.
struct Joined {
    tokens: Vec<Token>,
    para: Vec<usize>,
}

fn joined(doc: &Document, paras: &[usize], keys: &mut Keys) -> Joined {
    let bytes: usize = paras.iter().map(|&p| doc.paragraphs[p].span.len()).sum();
    let mut all = Vec::with_capacity(bytes / BYTES_PER_TOKEN + 1);
    let mut para = Vec::new();
    for &p in paras {
        let from = all.len();
        tokens_into(doc, p, keys, &mut all);
        para.extend(std::iter::repeat_n(p, all.len() - from));
    }
    Joined { tokens: all, para }
}

/// The span from the first to the last token of a run, or `None` for an empty run.
fn cover(tokens: &[Token]) -> Option<Span> {
    Some(Span::new(tokens.first()?.span.start, tokens.last()?.span.end))
}

/// What one side's pass finds: its marks, its changes, its word counts, and the other side's
/// results for the pairs linked only to each other (diffed once, for both sides).
struct Pass {
    /// The marks of each paragraph with partners, in paragraph order.
    marks: Vec<(usize, Vec<Marked>)>,
    /// Each such paragraph's changes, in the same order.
    changes: Vec<(usize, Vec<Change>)>,
    counts: WordCounts,
    mirrored: Vec<Mirror>,
}

/// The right side's results of a one-to-one pair, found while diffing its left paragraph:
/// the same diff the right pass would make.
struct Mirror {
    para: usize,
    marks: Vec<Marked>,
    changes: Vec<Change>,
    inserted: usize,
}

/// One paragraph's results in a pass.
struct Para {
    marks: Vec<Marked>,
    changes: Vec<Change>,
    kept: usize,
    /// Words removed (left pass) or inserted (right pass).
    changed_words: usize,
    mirror: Option<Mirror>,
}

/// Paragraphs diffed as one task.
const PARAS_PER_TASK: usize = 64;

/// Distinct words a worker's keys hold before they start afresh: more than the common
/// vocabulary of a long text, in a few MB however large the input.
const KEYS_KEPT: usize = 1 << 16;

/// Word-level differences for every linked paragraph of two documents. The left side's
/// paragraphs (against their partners) and the right side's run in parallel; a pair of
/// paragraphs linked only to each other is diffed once, for both sides.
pub fn word_diff(left: &Document, right: &Document, links: &[Link]) -> WordDiff {
    let partners_of_left =
        Groups::new(left.paragraphs.len(), links.iter().map(|k| (k.left, (k.right, k.moved))));
    let partners_of_right =
        Groups::new(right.paragraphs.len(), links.iter().map(|k| (k.right, (k.left, k.moved))));
    // A pair linked only to each other: the left pass diffs it for both sides.
    let mirror_of = |p: usize| match partners_of_left.of(p) {
        [(q, _)] if partners_of_right.of(*q).len() == 1 => Some(*q),
        _ => None,
    };
    // The right pass leaves the mirrored paragraphs to the left pass.
    let mirrored = |q: usize| matches!(partners_of_right.of(q), [(p, _)] if mirror_of(*p).is_some());
    let (l, mut r) = rayon::join(
        || pass(left, right, &partners_of_left, true, &|_| false, &mirror_of),
        || pass(right, left, &partners_of_right, false, &mirrored, &|_| None),
    );
    let mirrored_marks = l.mirrored.len();
    r.marks.reserve(mirrored_marks);
    r.changes.reserve(mirrored_marks);
    for m in l.mirrored {
        r.marks.push((m.para, m.marks));
        r.counts.inserted += m.inserted;
        r.changes.push((m.para, m.changes));
    }
    let counts = WordCounts { kept: l.counts.kept, removed: l.counts.removed, inserted: r.counts.inserted };
    // Each side's marks gathered, and the changes merged, side by side.
    let (left_marks, (right_marks, changes)) = rayon::join(
        || ParaMarks::from_sorted(left.paragraphs.len(), l.marks),
        || {
            rayon::join(
                || {
                    let mut marks = r.marks;
                    if mirrored_marks > 0 {
                        // (A paragraph has its marks from one pass only: the right pass
                        // skipped the mirrored.)
                        marks.sort_unstable_by_key(|&(q, _)| q);
                    }
                    ParaMarks::from_sorted(right.paragraphs.len(), marks)
                },
                || merged_changes(l.changes, r.changes, &partners_of_right),
            )
        },
    );
    WordDiff { left: left_marks, right: right_marks, changes, counts }
}

/// The left pass's changes, then the right pass's that it did not report already, in reading
/// order of the right side. Each pass gives its changes paragraph by paragraph (the left
/// pass's in paragraph order); a right paragraph's come from one pass only (the right pass
/// skips the mirrored). `partners_of_right`: each right paragraph's linked left paragraphs.
fn merged_changes(
    left: Vec<(usize, Vec<Change>)>,
    mut right: Vec<(usize, Vec<Change>)>,
    partners_of_right: &Groups<(usize, bool)>,
) -> Changes {
    // In reading order of the right side, as a right pass over every paragraph gives them.
    right.sort_by_key(|&(q, _)| q);
    let left_changes =
        |p: usize| left.binary_search_by_key(&p, |&(p, _)| p).map_or(&[][..], |k| &left[k].1[..]);
    for (q, list) in &mut right {
        let q = *q;
        // The spans in `q` the left pass reported as replacements (its partners' changes are
        // the only ones that reach into it): the right pass's insertions there are the same
        // changes seen from the other side.
        let taken = partners_of_right
            .of(q)
            .iter()
            .flat_map(|&(p, _)| left_changes(p))
            .filter_map(|ch| ch.right)
            .filter(|&(t, _)| t == q)
            .map(|(_, span)| span);
        list.retain(|ch| match ch.right {
            Some((at, s)) => {
                debug_assert_eq!(at, q, "a paragraph's changes are in it");
                !taken.clone().any(|t| t.start < s.end && s.start < t.end)
            }
            None => false,
        });
    }
    Changes::of(left.into_iter().chain(right).map(|(_, list)| list).collect())
}

/// Diffs each paragraph of `own` against its partners in `other`, in reading order, in
/// parallel tasks, except those `skip` names. `mirror_of(p)` names the partner of a one-to-one
/// pair whose other side's results are wanted too (left pass only).
fn pass(
    own_doc: &Document,
    other_doc: &Document,
    partners: &Groups<(usize, bool)>,
    pass_left: bool,
    skip: &(dyn Fn(usize) -> bool + Sync),
    mirror_of: &(dyn Fn(usize) -> Option<usize> + Sync),
) -> Pass {
    use rayon::prelude::*;
    let n = partners.len();
    let tasks: Vec<Vec<(usize, Para)>> = (0..n.div_ceil(PARAS_PER_TASK))
        .into_par_iter()
        // The keys go on from task to task of a worker (a diff needs only that equal words
        // have equal keys), until they are many.
        .map_init(Keys::default, |keys, t| {
            if keys.ids.len() > KEYS_KEPT {
                *keys = Keys::default();
            }
            (t * PARAS_PER_TASK..((t + 1) * PARAS_PER_TASK).min(n))
                .filter(|&p| !partners.of(p).is_empty() && !skip(p))
                .map(|p| {
                    let mirror = mirror_of(p);
                    (p, para_diff(own_doc, other_doc, p, partners.of(p), pass_left, mirror, keys))
                })
                .collect()
        })
        .collect();
    // Each list made at its full size at once, not copied from one doubled buffer to the next.
    let paras = || tasks.iter().flatten().map(|(_, para)| para);
    let mut out = Pass {
        marks: Vec::with_capacity(tasks.iter().map(Vec::len).sum()),
        changes: Vec::with_capacity(tasks.iter().map(Vec::len).sum()),
        counts: WordCounts::default(),
        mirrored: Vec::with_capacity(paras().filter(|para| para.mirror.is_some()).count()),
    };
    for (p, para) in tasks.into_iter().flatten() {
        out.marks.push((p, para.marks));
        out.changes.push((p, para.changes));
        out.counts.kept += para.kept;
        if pass_left {
            out.counts.removed += para.changed_words;
        } else {
            out.counts.inserted += para.changed_words;
        }
        out.mirrored.extend(para.mirror);
    }
    out
}

/// Diffs paragraph `p` of `own_doc` against its partners `ps` in `other_doc`.
fn para_diff(
    own_doc: &Document,
    other_doc: &Document,
    p: usize,
    ps: &[(usize, bool)],
    pass_left: bool,
    mirror: Option<usize>,
    keys: &mut Keys,
) -> Para {
    let mut order: Vec<(usize, bool)> = ps.to_vec();
    order.sort_unstable();
    let other_paras: Vec<usize> = order.iter().map(|&(q, _)| q).collect();
    let moved_with = |q: usize| order.iter().any(|&(o, m)| o == q && m);
    let own = tokens(own_doc, p, keys);
    let other = joined(other_doc, &other_paras, keys);
    let mut out = Para { marks: Vec::new(), changes: Vec::new(), kept: 0, changed_words: 0, mirror: None };
    let mut mirror = mirror.map(|q| Mirror { para: q, marks: Vec::new(), changes: Vec::new(), inserted: 0 });
    // Diff as (old = left text, new = right text) whichever side this pass is on.
    let steps = if pass_left { diff(&own, &other.tokens) } else { diff(&other.tokens, &own) };
    let marks = &mut out.marks;
    for step in steps {
        match step {
            Step::Equal { a, b, len } => {
                let (own_at, other_at) = if pass_left { (a, b) } else { (b, a) };
                out.kept += own[own_at..own_at + len].iter().filter(|t| t.word).count();
                // Equal text matched inside a paragraph that moved is shown as moved.
                let mut k = 0;
                while k < len {
                    let q = other.para[other_at + k];
                    let run = (k..len).take_while(|&x| other.para[other_at + x] == q).count();
                    if moved_with(q) {
                        if let Some(span) = cover(&own[own_at + k..own_at + k + run]) {
                            marks.push(Marked { span, mark: Mark::Moved });
                        }
                        if let Some(m) = mirror.as_mut() {
                            if let Some(span) = cover(&other.tokens[other_at + k..other_at + k + run]) {
                                m.marks.push(Marked { span, mark: Mark::Moved });
                            }
                        }
                    }
                    k += run;
                }
            }
            Step::Change { a, b } => {
                let (own_range, other_range) = if pass_left { (a, b) } else { (b, a) };
                if let Some(m) = mirror.as_mut() {
                    // What the right pass would make of this change in the partner.
                    let run = &other.tokens[other_range.clone()];
                    if let Some(span) = cover(run) {
                        m.marks.push(Marked { span, mark: Mark::Inserted });
                        m.inserted += run.iter().filter(|t| t.word).count();
                        // Its change, unless this pass reports the same one as a replacement
                        // (with this very span on the right), which the merge would drop.
                        if own_range.is_empty() {
                            m.changes.push(Change { left: None, right: Some((m.para, span)) });
                        }
                    }
                }
                let own_run = &own[own_range];
                let Some(span) = cover(own_run) else { continue };
                marks.push(Marked { span, mark: if pass_left { Mark::Removed } else { Mark::Inserted } });
                out.changed_words += own_run.iter().filter(|t| t.word).count();
                let own_end = Some((p, span));
                out.changes.push(if pass_left {
                    // The counterpart phrase, kept within its first paragraph.
                    let other_span = (!other_range.is_empty()).then_some(other_range.start).and_then(|at| {
                        let q = other.para[at];
                        let n = other_range.clone().take_while(|&x| other.para[x] == q).count();
                        cover(&other.tokens[at..at + n]).map(|s| (q, s))
                    });
                    Change { left: own_end, right: other_span }
                } else {
                    Change { left: None, right: own_end }
                });
            }
        }
    }
    marks.sort_by_key(|m| m.span.start);
    if let Some(m) = mirror.as_mut() {
        m.marks.sort_by_key(|m| m.span.start);
    }
    out.mirror = mirror;
    out
}

/// One stretch of a two-text diff, for inspection and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece {
    /// The same tokens on both sides (spans into each text).
    Equal(Span, Span),
    Removed(Span),
    Inserted(Span),
}

/// Diffs two texts, each taken as one paragraph, into pieces in order. Concatenating the
/// equal and removed pieces gives the left text's tokens; equal and inserted, the right's.
pub fn diff_texts(a: &str, b: &str) -> Vec<Piece> {
    let one_para = |t: &str| {
        let span = Span::new(0, t.len());
        let para = crate::document::Paragraph::new(span, Kind::Body, crate::document::sentences(t, span));
        Document {
            name: String::new(),
            text: t.to_string(),
            notice: None,
            paragraphs: vec![para],
            words: std::sync::OnceLock::new(),
            language: None,
            meta: None,
            quotes: Vec::new(),
        }
    };
    let (da, db) = (one_para(a), one_para(b));
    let mut keys = Keys::default();
    let (ta, tb) = (tokens(&da, 0, &mut keys), tokens(&db, 0, &mut keys));
    let mut out = Vec::new();
    for step in diff(&ta, &tb) {
        match step {
            Step::Equal { a, b, len } => {
                for k in 0..len {
                    out.push(Piece::Equal(ta[a + k].span, tb[b + k].span));
                }
            }
            Step::Change { a, b } => {
                out.extend(ta[a].iter().map(|t| Piece::Removed(t.span)));
                out.extend(tb[b].iter().map(|t| Piece::Inserted(t.span)));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Source;

    fn doc(s: &str) -> Document {
        Document::parse(Source::from_text("t", s))
    }

    /// `tokens` skips the comparison with the light words for a longer word.
    #[test]
    fn light_words_are_ascii_and_no_longer_than_their_bound() {
        assert!(LIGHT_WORDS.iter().all(|w| w.is_ascii() && w.len() <= LIGHT_WORD_MAX));
        assert!(LIGHT_WORDS.iter().any(|w| w.len() == LIGHT_WORD_MAX), "the bound is the longest");
        // What lets a key say whether its word is light: a word outside ASCII lower-cases to
        // ASCII only through characters that lower-case to ASCII alone, and those (the Kelvin
        // sign's "k") are in no light word.
        let letters: String = LIGHT_WORDS.concat();
        for c in ('\u{80}'..=char::MAX).filter(|c| c.to_lowercase().all(|l| l.is_ascii())) {
            assert!(c.to_lowercase().all(|l| !letters.contains(l)), "{c:?}");
        }
        for w in LIGHT_WORDS {
            assert!(is_light(w) && is_light(&w.to_uppercase()) && !is_light(&format!("{w}x")));
        }
    }

    #[test]
    fn paragraph_marks_are_kept_apart_in_one_array() {
        let m = |a, b| Marked { span: Span::new(a, b), mark: Mark::Removed };
        let marks =
            ParaMarks::from_sorted(5, vec![(1, vec![m(0, 2), m(3, 4)]), (2, vec![]), (3, vec![m(9, 12)])]);
        assert_eq!(marks.len(), 5);
        let all: Vec<&[Marked]> = marks.iter().collect();
        assert_eq!(all, [&[][..], &[m(0, 2), m(3, 4)], &[], &[m(9, 12)], &[]]);
        assert_eq!((marks.get(3), marks.get(5)), (Some(&[m(9, 12)][..]), None));
        assert_eq!(&marks[1], &[m(0, 2), m(3, 4)]);
        assert!(ParaMarks::default().get(0).is_none() && ParaMarks::default().is_empty());
    }

    /// Two left paragraphs merged into one right one: the right paragraph is diffed from both
    /// sides, and a change the left pass reports as a replacement is not reported again as
    /// the right pass's insertion; the right pass's other insertions follow the left pass's.
    #[test]
    fn a_merged_paragraph_reports_each_change_once() {
        let l = doc("The cat sat on the mat.\n\nHeavy rain fell late on a cold night.");
        let r = doc("The cat sat on the mat. Heavy rain fell very late on a cold day.");
        let links = [0, 1].map(|left| Link { left, right: 0, score: 1.0, moved: false });
        let w = word_diff(&l, &r, &links);
        let text = |d: &Document, end: Option<(usize, Span)>| end.map(|(_, s)| d.slice(s).to_string());
        let changes: Vec<(Option<String>, Option<String>)> =
            w.changes.iter().map(|ch| (text(&l, ch.left), text(&r, ch.right))).collect();
        let some = |s: &str| Some(s.to_string());
        assert_eq!(changes, [(some("night"), some("day")), (None, some("very"))]);
        assert_eq!(w.changes.len(), 2);
        assert_eq!(phrases(&r, &w.right[0]), ["very", "day"]);
    }

    fn one_to_one(a: &str, b: &str) -> (Document, Document, WordDiff) {
        let (l, r) = (doc(a), doc(b));
        let links = [Link { left: 0, right: 0, score: 1.0, moved: false }];
        let w = word_diff(&l, &r, &links);
        (l, r, w)
    }

    fn phrases(d: &Document, marks: &[Marked]) -> Vec<String> {
        marks.iter().map(|m| d.slice(m.span).to_string()).collect()
    }

    #[test]
    fn typography_case_at_sentence_start_and_whitespace_are_not_changes() {
        let (_, _, w) =
            one_to_one("It’s “fine” – really.  Since then", "it's \"fine\" - really. since \t then");
        assert!(w.changes.is_empty(), "{:?}", w.changes);
        let (_, _, w) = one_to_one("We met Smith there.", "We met smith there.");
        assert_eq!(w.changes.len(), 1, "case inside a sentence is a change");
    }

    #[test]
    fn phrases_replace_phrases_without_confetti() {
        let (l, r, w) = one_to_one(
            "If they don’t leave, we will achieve it by armed means.",
            "If they don’t leave, then we shall achieve this by armed means.",
        );
        assert_eq!(phrases(&l, &w.left[0]), ["we will achieve it"]);
        assert_eq!(phrases(&r, &w.right[0]), ["then we shall achieve this"]);
        assert_eq!(w.changes.len(), 1);
        assert_eq!(w.counts, WordCounts { kept: 7, removed: 4, inserted: 5 });
    }

    #[test]
    fn pure_insertions_and_deletions_are_reported_once() {
        let (l, r, w) = one_to_one("The cat sat on the mat.", "The black cat sat on the mat today.");
        assert!(w.left[0].is_empty());
        assert_eq!(phrases(&r, &w.right[0]), ["black", "today"]);
        assert_eq!(w.changes.len(), 2, "{:?}", w.changes);
        let _ = l;
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn squeeze(s: &str) -> String {
        s.chars().filter(|c| !c.is_whitespace()).collect()
    }

    /// Both texts, rebuilt from a diff's pieces (whitespace dropped).
    fn rebuilt(a: &str, b: &str, pieces: &[Piece]) -> (String, String) {
        let (mut left, mut right) = (String::new(), String::new());
        for p in pieces {
            match *p {
                Piece::Equal(x, y) => {
                    left.push_str(&a[x.start..x.end]);
                    right.push_str(&b[y.start..y.end]);
                }
                Piece::Removed(x) => left.push_str(&a[x.start..x.end]),
                Piece::Inserted(y) => right.push_str(&b[y.start..y.end]),
            }
        }
        (left, right)
    }

    /// A diff long enough to get a deadline still accounts for every token of both texts,
    /// and finds what they share.
    #[test]
    fn a_diff_with_a_deadline_keeps_every_token() {
        let a: String = (0..4_000).map(|k| format!("w{} ", (k * 7) % 101)).collect();
        let b: String = (0..4_000).map(|k| format!("w{} ", (k * 11) % 103)).collect();
        assert!(a.split(' ').count() + b.split(' ').count() > DEADLINE_TOKENS);
        let pieces = diff_texts(&a, &b);
        assert_eq!(rebuilt(&a, &b, &pieces), (squeeze(&a), squeeze(&b)));
        assert!(pieces.iter().any(|p| matches!(p, Piece::Equal(..))));
    }

    proptest! {
        #[test]
        fn pieces_rebuild_both_texts(a in r#"[a-cA-C’'“" ,.\-]{0,40}"#, b in r#"[a-cA-C’'“" ,.\-]{0,40}"#) {
            let (left, right) = rebuilt(&a, &b, &diff_texts(&a, &b));
            prop_assert_eq!(left, squeeze(&a));
            prop_assert_eq!(right, squeeze(&b));
        }

        #[test]
        fn any_unicode_diffs_without_panic(a in "\\PC{0,60}", b in "\\PC{0,60}") {
            let pieces = diff_texts(&a, &b);
            for p in pieces {
                if let Piece::Equal(x, _) | Piece::Removed(x) = p {
                    prop_assert!(a.is_char_boundary(x.start) && a.is_char_boundary(x.end));
                }
            }
        }
    }
}
