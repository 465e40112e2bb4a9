//! What an alignment is made of: links between paragraphs and the rows of the side-by-side
//! view they give. Plain values, below everything that computes or shows them.

use crate::input::narrow;
use serde::Serialize;

/// Two paragraphs, one a side, that share content.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Link {
    pub left: usize,
    pub right: usize,
    /// How strongly they share content, 0..1.
    pub score: f64,
    /// True when the link runs against the reading order of the rows.
    pub moved: bool,
}

/// How a row of the side-by-side view differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RowStatus {
    Same,
    Changed,
    Moved,
    Omitted,
    Added,
    Furniture,
}

impl RowStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RowStatus::Same => "same",
            RowStatus::Changed => "changed",
            RowStatus::Moved => "moved",
            RowStatus::Omitted => "omitted",
            RowStatus::Added => "added",
            RowStatus::Furniture => "furniture",
        }
    }

    /// The character that marks a paragraph of this status (in the reader's gutter, in
    /// `--text` and in the HTML report).
    pub fn marker(self) -> char {
        match self {
            RowStatus::Same => ' ',
            RowStatus::Changed => '~',
            RowStatus::Moved => '↕',
            RowStatus::Omitted => '−',
            RowStatus::Added => '+',
            RowStatus::Furniture => '·',
        }
    }
}

/// The paragraphs of one side of a row: a run of consecutive paragraphs, possibly none, in
/// eight bytes (a million-line pair has two million rows). Every row covers a run: aligned
/// rows take every paragraph between their first and last link, lone rows one paragraph.
/// Paragraph indices fit 32 bits, as every input is under 4 GiB.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Paras {
    start: u32,
    len: u32,
}

impl Paras {
    /// No paragraph.
    pub fn new() -> Paras {
        Paras::default()
    }

    /// One paragraph.
    pub fn one(p: usize) -> Paras {
        Paras::run(p, p + 1)
    }

    /// The paragraphs `start..end` (none when `end <= start`).
    pub fn run(start: usize, end: usize) -> Paras {
        Paras { start: narrow(start), len: narrow(end.saturating_sub(start)) }
    }

    pub fn len(&self) -> usize {
        self.len as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The paragraph indices, in order.
    pub fn iter(&self) -> std::ops::Range<usize> {
        self.start as usize..self.start as usize + self.len as usize
    }

    pub fn contains(&self, p: &usize) -> bool {
        self.iter().contains(p)
    }

    pub fn first(&self) -> Option<usize> {
        self.iter().next()
    }

    /// Where paragraph `p` sits in the run, if it is in it.
    pub fn position(&self, p: usize) -> Option<usize> {
        self.contains(&p).then(|| p - self.start as usize)
    }
}

impl IntoIterator for Paras {
    type Item = usize;
    type IntoIter = std::ops::Range<usize>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl IntoIterator for &Paras {
    type Item = usize;
    type IntoIter = std::ops::Range<usize>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// As the list of paragraph indices it stands for.
impl Serialize for Paras {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

/// One row of the side-by-side view: zero, one or several paragraphs a side, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Row {
    pub left: Paras,
    pub right: Paras,
    pub status: RowStatus,
}

/// The row each paragraph of one side is shown in: 32 bits a paragraph, or nothing held
/// where paragraph k is in row k (the texts before any analysis: a million-line side would
/// hold 4 MB to say so).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowIndex {
    /// Paragraph k in row k, for this many paragraphs.
    Identity(usize),
    /// Paragraph k in row `rows[k]`.
    Table(Vec<u32>),
}

impl Default for RowIndex {
    fn default() -> Self {
        RowIndex::Identity(0)
    }
}

impl RowIndex {
    /// The index of `rows`, paragraph by paragraph, for a side of `n` paragraphs.
    pub fn of(rows: &[Row], n: usize, side: impl Fn(&Row) -> &Paras) -> RowIndex {
        let mut out = vec![0; n];
        for (r, row) in rows.iter().enumerate() {
            for p in side(row) {
                out[p] = narrow(r);
            }
        }
        RowIndex::Table(out)
    }

    /// How many paragraphs it indexes.
    pub fn len(&self) -> usize {
        match self {
            RowIndex::Identity(n) => *n,
            RowIndex::Table(rows) => rows.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The row of paragraph `p`, if the side has that paragraph.
    pub fn get(&self, p: usize) -> Option<usize> {
        match self {
            RowIndex::Identity(n) => (p < *n).then_some(p),
            RowIndex::Table(rows) => rows.get(p).map(|&r| r as usize),
        }
    }

    /// The row of paragraph `p`, which the side has (as indexing a list, it panics where
    /// not: a paragraph number from another document is a bug).
    pub fn at(&self, p: usize) -> usize {
        match self.get(p) {
            Some(r) => r,
            None => panic!("paragraph {p} of {}", self.len()),
        }
    }

    /// The rows, paragraph by paragraph.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len()).map(|p| self.at(p))
    }
}
