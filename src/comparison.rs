//! The one value handed from analysis to display: both documents, the links between their
//! paragraphs, the rows of the side-by-side view, and the summary. Computed once when the
//! articles are loaded; the reader never recomputes any of it.

use crate::align::{self, Alignment};
use crate::document::{Document, Span};
use crate::findings::{self, Finding};
use crate::input::{narrow, Source};
pub use crate::links::{Link, Paras, Row, RowIndex, RowStatus};
use crate::people::People;
pub use crate::progress::{Progress, Stage};
use crate::words::{self, WordDiff};
use serde::Serialize;
use std::sync::Arc;

/// What kind of difference a reader can jump to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffKind {
    /// Words changed inside linked paragraphs (replaced, removed or inserted).
    Changed,
    Omitted,
    Added,
    Moved,
}

/// One difference, in reading order: the paragraph and span on each side where it has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Difference {
    pub kind: DiffKind,
    pub left: Option<(usize, Span)>,
    pub right: Option<(usize, Span)>,
    /// The row the difference is shown at (its left end's row where it has one).
    pub row: usize,
}

/// The differences of a comparison, in reading order, in 12 bytes each where a difference
/// is one whole paragraph (omitted or added: its span is the paragraph's, read from the
/// document), 36 otherwise, instead of a [`Difference`]'s 80: a million-line pair has two
/// million of them. Paragraph indices and byte offsets fit 32 bits, as every input is under
/// 4 GiB ([`crate::input::MAX_TEXT_BYTES`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DifferenceList {
    items: Vec<Item>,
    ends: Ends,
}

/// A difference's kind and row, and its paragraph (whole) or the place of its ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Item {
    row: u32,
    /// The paragraph (`whole`), else the index of the ends in [`Ends::pairs`].
    at: u32,
    kind: DiffKind,
    /// An omitted (left) or added (right) paragraph, whole.
    whole: bool,
}

/// Where the differences' ends are: both ends of those that are not one whole paragraph,
/// and the documents whose paragraphs the others are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Ends {
    pairs: Vec<[PackedEnd; 2]>,
    docs: Option<(Arc<Document>, Arc<Document>)>,
}

/// A [`Difference`] in 32-bit numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Packed {
    kind: DiffKind,
    left: PackedEnd,
    right: PackedEnd,
    row: u32,
}

/// One end of a difference: a paragraph and a span, or none ([`NO_PARAGRAPH`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct PackedEnd {
    para: u32,
    start: u32,
    end: u32,
}

/// The paragraph of an end that does not exist.
const NO_PARAGRAPH: u32 = u32::MAX;

impl PackedEnd {
    fn pack(end: Option<(usize, Span)>) -> PackedEnd {
        match end {
            Some((p, s)) => PackedEnd { para: narrow(p), start: narrow(s.start), end: narrow(s.end) },
            None => PackedEnd { para: NO_PARAGRAPH, start: 0, end: 0 },
        }
    }

    fn unpack(self) -> Option<(usize, Span)> {
        (self.para != NO_PARAGRAPH)
            .then(|| (self.para as usize, Span::new(self.start as usize, self.end as usize)))
    }
}

impl Packed {
    fn pack(d: Difference) -> Packed {
        Packed {
            kind: d.kind,
            left: PackedEnd::pack(d.left),
            right: PackedEnd::pack(d.right),
            row: narrow(d.row),
        }
    }

    fn unpack(self) -> Difference {
        Difference {
            kind: self.kind,
            left: self.left.unpack(),
            right: self.right.unpack(),
            row: self.row as usize,
        }
    }
}

impl Ends {
    /// The item for `d`, its ends kept here unless it is a whole paragraph of the documents.
    fn item(&mut self, d: Difference) -> Item {
        let whole_of = |doc: &Document, end: Option<(usize, Span)>| {
            end.filter(|&(p, s)| doc.paragraphs.get(p).is_some_and(|para| para.span == s)).map(|(p, _)| p)
        };
        let whole = match (&self.docs, d.kind, d.left, d.right) {
            (Some((l, _)), DiffKind::Omitted, left, None) => whole_of(l, left),
            (Some((_, r)), DiffKind::Added, None, right) => whole_of(r, right),
            _ => None,
        };
        let row = narrow(d.row);
        match whole {
            Some(p) => Item { row, at: narrow(p), kind: d.kind, whole: true },
            None => {
                self.pairs.push([PackedEnd::pack(d.left), PackedEnd::pack(d.right)]);
                Item { row, at: narrow(self.pairs.len() - 1), kind: d.kind, whole: false }
            }
        }
    }

    fn unpack(&self, it: Item) -> Difference {
        let (left, right) = match (&self.docs, it.whole) {
            (Some((l, r)), true) => {
                let p = it.at as usize;
                match it.kind {
                    DiffKind::Omitted => (Some((p, l.paragraphs[p].span)), None),
                    _ => (None, Some((p, r.paragraphs[p].span))),
                }
            }
            _ => {
                let [a, b] = self.pairs[it.at as usize];
                (a.unpack(), b.unpack())
            }
        };
        Difference { kind: it.kind, left, right, row: it.row as usize }
    }
}

impl DifferenceList {
    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The `k`-th difference, if there is one.
    pub fn get(&self, k: usize) -> Option<Difference> {
        self.items.get(k).map(|&it| self.ends.unpack(it))
    }

    /// The `k`-th difference (`k < len()`, as for indexing).
    pub fn at(&self, k: usize) -> Difference {
        self.ends.unpack(self.items[k])
    }

    /// Every difference, in reading order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = Difference> + ExactSizeIterator + '_ {
        self.items.iter().map(|&it| self.ends.unpack(it))
    }

    /// A list of the differences of `left` and `right`, given in reading order.
    fn of(
        left: &Arc<Document>,
        right: &Arc<Document>,
        differences: impl IntoIterator<Item = Difference>,
    ) -> DifferenceList {
        let mut ends = Ends { pairs: Vec::new(), docs: Some((Arc::clone(left), Arc::clone(right))) };
        let items = differences.into_iter().map(|d| ends.item(d)).collect();
        DifferenceList { items, ends }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Summary {
    /// The share of content the two versions have in common, 0..1.
    pub similarity: f64,
}

/// Everything the reader and the JSON output show.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// The documents, shared: the unaligned texts the reader shows while the analysis runs,
    /// the analysis and its result hold the same two, not copies.
    pub left: Arc<Document>,
    /// `None` when a single document is being inspected (`redline FILE --json`).
    pub right: Option<Arc<Document>>,
    pub links: Vec<Link>,
    pub rows: Vec<Row>,
    pub summary: Summary,
    /// Each paragraph's own status (a paragraph inside a merged row can still be omitted).
    pub left_marks: Vec<RowStatus>,
    pub right_marks: Vec<RowStatus>,
    /// The row each paragraph is shown in.
    pub left_row: RowIndex,
    pub right_row: RowIndex,
    /// Word-level marks and changes inside linked paragraphs.
    pub words: WordDiff,
    /// Every difference, in reading order.
    pub differences: DifferenceList,
    /// The people each version names.
    pub people: People,
    /// The fact-check lens: quotations, numbers and dates, names one version lacks.
    pub findings: Vec<Finding>,
    /// Differences per kind (changed, omitted, added, moved), counted once for the status bar.
    kind_counts: [usize; 4],
}

impl Comparison {
    pub fn new(left: Document, right: Option<Document>) -> Comparison {
        Comparison::with_progress(Arc::new(left), right.map(Arc::new), &Progress::default())
    }

    /// Parses two sources on two threads, then compares them.
    pub fn from_sources(left: Source, right: Option<Source>) -> Comparison {
        let (left, right) = Document::parse_pair(left, right);
        Comparison::new(left, right)
    }

    /// The documents alone, before any analysis: each side's paragraphs in their own order,
    /// row by row, with nothing marked. What the reader shows while the analysis runs.
    pub fn unaligned(left: Arc<Document>, right: Option<Arc<Document>>) -> Comparison {
        let (n, m) = (left.paragraphs.len(), right.as_ref().map_or(0, |d| d.paragraphs.len()));
        let rows: Vec<Row> = (0..n.max(m))
            .map(|k| Row {
                left: if k < n { Paras::one(k) } else { Paras::new() },
                right: if k < m { Paras::one(k) } else { Paras::new() },
                status: RowStatus::Same,
            })
            .collect();
        Comparison {
            left,
            right,
            links: vec![],
            rows,
            summary: Summary::default(),
            left_marks: vec![RowStatus::Same; n],
            right_marks: vec![RowStatus::Same; m],
            left_row: RowIndex::Identity(n),
            right_row: RowIndex::Identity(m),
            words: WordDiff::default(),
            differences: DifferenceList::default(),
            people: People::default(),
            findings: vec![],
            kind_counts: [0; 4],
        }
    }

    /// Compares two documents, reporting how far it has got through `progress`. Independent
    /// parts run in parallel: people beside the alignment, word differences beside findings.
    pub fn with_progress(
        left: Arc<Document>,
        right: Option<Arc<Document>>,
        progress: &Progress,
    ) -> Comparison {
        // The facts of the lens are read from the words the alignment's term model scans.
        let ((Alignment { links, rows, similarity }, facts), people) = rayon::join(
            || {
                let a = match &right {
                    Some(r) => {
                        let (a, [lf, rf]) = align::align_reading::<findings::FactReader>(&left, r, progress);
                        (a, Some([lf.into_facts(), rf.into_facts()]))
                    }
                    None => (align::single(&left), None),
                };
                progress.finish(Stage::Alignment);
                a
            },
            || {
                let p = People::find(&left, right.as_deref());
                progress.finish(Stage::People);
                p
            },
        );
        let left_row = RowIndex::of(&rows, left.paragraphs.len(), |r| &r.left);
        let right_row = RowIndex::of(&rows, right.as_ref().map_or(0, |d| d.paragraphs.len()), |r| &r.right);
        let left_marks = if right.is_some() {
            marks(&left, &rows, &left_row, links.iter().map(|k| (k.left, k.moved)), RowStatus::Omitted)
        } else {
            left_row.iter().map(|r| rows[r].status).collect()
        };
        let right_marks = match &right {
            Some(doc) => {
                marks(doc, &rows, &right_row, links.iter().map(|k| (k.right, k.moved)), RowStatus::Added)
            }
            None => vec![],
        };
        // Word differences and the fact-check lens both need only the links: side by side.
        let (words, findings) = match &right {
            Some(r) => rayon::join(
                || {
                    let w = words::word_diff(&left, r, &links);
                    progress.finish(Stage::Words);
                    w
                },
                || {
                    let f = findings::find_with_facts(&left, r, &links, &people, facts);
                    progress.finish(Stage::Findings);
                    f
                },
            ),
            None => (WordDiff::default(), vec![]),
        };
        let mut c = Comparison {
            left,
            right,
            links,
            rows,
            summary: Summary { similarity },
            left_marks,
            right_marks,
            left_row,
            right_row,
            words,
            differences: DifferenceList::default(),
            findings,
            people,
            kind_counts: [0; 4],
        };
        // The places were the lens's; the reader and the reports do not show them.
        c.people.places = Vec::new();
        c.differences = c.collect_differences();
        for d in c.differences.iter() {
            let slot = match d.kind {
                DiffKind::Changed => 0,
                DiffKind::Omitted => 1,
                DiffKind::Added => 2,
                DiffKind::Moved => 3,
            };
            c.kind_counts[slot] += 1;
        }
        c
    }

    /// Word changes, omitted, added and moved paragraphs, sorted into reading order: by row,
    /// then by place in the row, and where those tie, changes before omitted before added
    /// before moved paragraphs, each kind in its own order (a stable sort of them in turn).
    /// Omitted and added paragraphs come in that order already (each side's paragraphs run
    /// through the rows in order), so only the changes and moves are sorted, and the four
    /// merged: a million-line pair's millions of omitted and added paragraphs need no sort
    /// keys held beside them.
    fn collect_differences(&self) -> DifferenceList {
        let Some(right) = &self.right else { return DifferenceList::default() };
        // Where in its row each difference sits, as a fraction, from whichever side has it.
        let frac = |doc: &Document, paras: Paras, (p, span): (usize, Span)| {
            let at = paras.position(p).unwrap_or(0);
            let ps = doc.paragraphs[p].span;
            let within = (span.start - ps.start) as f64 / ps.len().max(1) as f64;
            (at as f64 + within) / paras.len().max(1) as f64
        };
        // (row, place in the row). The place is a fraction in 0..=1, never NaN or negative,
        // so its bits order as its value does.
        let key = |d: &Difference| {
            let row = &self.rows[d.row];
            let f = match (d.left, d.right) {
                (Some(l), _) if row.left.contains(&l.0) => frac(&self.left, row.left, l),
                (_, Some(r)) if row.right.contains(&r.0) => frac(right, row.right, r),
                _ => 0.0,
            };
            (d.row, f.to_bits())
        };
        // Held packed, as the list they go into (a pair may have millions of word changes),
        // and sorted on all cores (stably, as one sort would).
        let sorted = |mut v: Vec<Packed>| {
            use rayon::slice::ParallelSliceMut;
            v.par_sort_by_cached_key(|d| key(&d.unpack()));
            v
        };
        // (Room for every change at once, not doubled up to it.)
        let mut packed = Vec::with_capacity(self.words.changes.len());
        packed.extend(self.words.changes.iter().filter_map(|ch| {
            let row = match (ch.left, ch.right) {
                (Some((p, _)), _) => self.left_row.at(p),
                (None, Some((q, _))) => self.right_row.at(q),
                (None, None) => return None,
            };
            Some(Packed::pack(Difference { kind: DiffKind::Changed, left: ch.left, right: ch.right, row }))
        }));
        let changes = sorted(packed);
        let moved = sorted(
            self.links
                .iter()
                .filter(|k| k.moved)
                .map(|k| {
                    Packed::pack(Difference {
                        kind: DiffKind::Moved,
                        left: Some((k.left, self.left.paragraphs[k.left].span)),
                        right: Some((k.right, right.paragraphs[k.right].span)),
                        row: self.left_row.at(k.left),
                    })
                })
                .collect(),
        );
        let omitted = || {
            let marks = self.left_marks.iter().enumerate();
            marks.filter(|&(_, &m)| m == RowStatus::Omitted).map(|(p, _)| Difference {
                kind: DiffKind::Omitted,
                left: Some((p, self.left.paragraphs[p].span)),
                right: None,
                row: self.left_row.at(p),
            })
        };
        let added = || {
            let marks = self.right_marks.iter().enumerate();
            marks.filter(|&(_, &m)| m == RowStatus::Added).map(|(q, _)| Difference {
                kind: DiffKind::Added,
                left: None,
                right: Some((q, right.paragraphs[q].span)),
                row: self.right_row.at(q),
            })
        };
        let count = |marks: &[RowStatus], of: RowStatus| marks.iter().filter(|&&m| m == of).count();
        let total = changes.len()
            + count(&self.left_marks, RowStatus::Omitted)
            + count(&self.right_marks, RowStatus::Added)
            + moved.len();
        // Reserved at once: a million-line pair has millions of differences.
        let mut list = DifferenceList::of(&self.left, right, []);
        list.items.reserve(total);
        list.ends.pairs.reserve(changes.len() + moved.len());
        let mut streams: [Box<dyn Iterator<Item = Difference> + '_>; 4] = [
            Box::new(changes.iter().map(|d| d.unpack())),
            Box::new(omitted()),
            Box::new(added()),
            Box::new(moved.iter().map(|d| d.unpack())),
        ];
        let mut heads: [Option<((usize, u64), Difference)>; 4] =
            std::array::from_fn(|i| streams[i].next().map(|d| (key(&d), d)));
        // Whether a stream went backwards (it cannot, as rows are made).
        let mut unordered = false;
        // The least head each time; ties go to the earlier stream.
        while let Some(i) = (0..4).filter_map(|i| heads[i].map(|(k, _)| (k, i))).min().map(|(_, i)| i) {
            let Some((k, d)) = heads[i].take() else { break };
            let item = list.ends.item(d);
            list.items.push(item);
            heads[i] = streams[i].next().map(|d| (key(&d), d));
            unordered |= heads[i].is_some_and(|(next, _)| next < k);
        }
        drop(streams);
        if unordered {
            // Then the four one after another, sorted as one (stably), whatever the rows.
            let mut all = changes;
            all.extend(omitted().chain(added()).map(Packed::pack));
            all.extend_from_slice(&moved);
            all.sort_by_cached_key(|d| key(&d.unpack()));
            list = DifferenceList::of(&self.left, right, all.into_iter().map(Packed::unpack));
        }
        list
    }

    /// How many differences there are of one kind (omitted, added, moved paragraphs...).
    pub fn count(&self, kind: DiffKind) -> usize {
        match kind {
            DiffKind::Changed => self.kind_counts[0],
            DiffKind::Omitted => self.kind_counts[1],
            DiffKind::Added => self.kind_counts[2],
            DiffKind::Moved => self.kind_counts[3],
        }
    }

    /// One side's document and its paragraphs' own statuses (the left's where there is no
    /// right document).
    pub fn side(&self, left: bool) -> (&Document, &[RowStatus]) {
        match (left, &self.right) {
            (false, Some(r)) => (r, &self.right_marks),
            _ => (&self.left, &self.left_marks),
        }
    }

    /// For a row, the other end of a moved link that starts in it: (row, left side?, para).
    pub fn moved_partner(&self, row: usize) -> Option<(usize, bool, usize)> {
        let r = self.rows.get(row)?;
        self.links.iter().filter(|k| k.moved).find_map(|k| {
            if r.left.contains(&k.left) {
                Some((self.right_row.at(k.right), false, k.right))
            } else if r.right.contains(&k.right) {
                Some((self.left_row.at(k.left), true, k.left))
            } else {
                None
            }
        })
    }
}

/// A paragraph's own status: furniture; unlinked (omitted or added, as `unlinked` says);
/// moved when all its links run against the reading order; else its row's status.
fn marks(
    doc: &Document,
    rows: &[Row],
    row_of: &RowIndex,
    ends: impl Iterator<Item = (usize, bool)>,
    unlinked: RowStatus,
) -> Vec<RowStatus> {
    let n = doc.paragraphs.len();
    let (mut in_order, mut moved) = (vec![false; n], vec![false; n]);
    for (p, is_moved) in ends {
        if is_moved {
            moved[p] = true;
        } else {
            in_order[p] = true;
        }
    }
    (0..n)
        .map(|p| {
            if doc.paragraphs[p].kind == crate::document::Kind::Furniture {
                RowStatus::Furniture
            } else if in_order[p] {
                rows[row_of.at(p)].status
            } else if moved[p] {
                RowStatus::Moved
            } else {
                unlinked
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_packed_difference_is_the_difference() {
        let span = |a, b| Span::new(a, b);
        let doc = Arc::new(Document::parse(Source::from_text("d", "First one.\n\nSecond one.")));
        let first = doc.paragraphs[0].span;
        let all = [
            Difference {
                kind: DiffKind::Changed,
                left: Some((3, span(10, 17))),
                right: Some((0, span(0, 2))),
                row: 2,
            },
            Difference { kind: DiffKind::Omitted, left: Some((0, first)), right: None, row: 0 },
            Difference { kind: DiffKind::Added, left: None, right: Some((7, span(5, 9))), row: 9 },
            Difference {
                kind: DiffKind::Moved,
                left: Some((1, span(4, 8))),
                right: Some((2, span(9, 12))),
                row: 1,
            },
        ];
        let list = DifferenceList::of(&doc, &doc, all);
        assert_eq!(list.iter().collect::<Vec<_>>(), all);
        assert_eq!((list.len(), list.at(2), list.get(3), list.get(4)), (4, all[2], Some(all[3]), None));
        // Whole paragraphs, as omitted and added ones are, are 12 bytes; other differences
        // keep their ends besides.
        assert_eq!(std::mem::size_of::<Item>(), 12);
        assert_eq!(list.ends.pairs.len(), 3, "the whole paragraph is read from the document");
    }

    /// The merge gives what one stable sort of all the differences by (row, place in the
    /// row) gives, taken in turn: changes, omitted, added, moved.
    #[test]
    fn differences_merge_as_one_stable_sort_orders_them() {
        let mut kinds_seen = [false; 4];
        let bundled = (
            include_str!("../assets/source.txt").to_string(),
            include_str!("../assets/rewrite.txt").to_string(),
        );
        let synthetic = (1..=6).map(|seed| crate::synth::pair(seed, 40));
        for (seed, (a, b)) in std::iter::once(bundled).chain(synthetic).enumerate() {
            let c = Comparison::from_sources(Source::from_text("a", a), Some(Source::from_text("b", b)));
            let right = c.right.as_deref().unwrap();
            let place = |doc: &Document, paras: Paras, (p, span): (usize, Span)| {
                let at = paras.iter().position(|x| x == p).unwrap() as f64;
                let ps = doc.paragraphs[p].span;
                (at + (span.start - ps.start) as f64 / ps.len().max(1) as f64) / paras.len() as f64
            };
            let key = |d: &Difference| {
                let row = c.rows[d.row];
                let f = match (d.left, d.right) {
                    (Some(l), _) if row.left.contains(&l.0) => place(&c.left, row.left, l),
                    (_, Some(r)) if row.right.contains(&r.0) => place(right, row.right, r),
                    _ => 0.0,
                };
                (d.row, f.to_bits())
            };
            let mut all: Vec<Difference> = c.differences.iter().collect();
            let kind_order = |k: DiffKind| {
                [DiffKind::Changed, DiffKind::Omitted, DiffKind::Added, DiffKind::Moved]
                    .iter()
                    .position(|&x| x == k)
                    .unwrap()
            };
            for d in &all {
                kinds_seen[kind_order(d.kind)] = true;
            }
            // Each kind's own order: changes as the word diff lists them, paragraphs by index.
            let own = |d: &Difference| match d.kind {
                DiffKind::Changed => {
                    c.words.changes.iter().position(|ch| (ch.left, ch.right) == (d.left, d.right)).unwrap()
                }
                DiffKind::Omitted => d.left.unwrap().0,
                DiffKind::Added => d.right.unwrap().0,
                DiffKind::Moved => c
                    .links
                    .iter()
                    .filter(|k| k.moved)
                    .position(|k| Some(k.left) == d.left.map(|l| l.0))
                    .unwrap(),
            };
            let merged = all.clone();
            all.sort_by_key(|d| (kind_order(d.kind), own(d)));
            all.sort_by_key(|d| key(d));
            assert_eq!(merged, all, "seed {seed}");
        }
        assert_eq!(kinds_seen, [true; 4], "every kind of difference met");
    }
}
