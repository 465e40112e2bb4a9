//! The one value handed from analysis to display: both documents, the links between their
//! paragraphs, the rows of the side-by-side view, and the summary. Computed once when the
//! articles are loaded; the reader never recomputes any of it.

use crate::align::{self, Alignment};
use crate::document::Document;
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
}

/// One row of the side-by-side view: zero, one or several paragraphs a side, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    pub left: Vec<usize>,
    pub right: Vec<usize>,
    pub status: RowStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Summary {
    /// The share of content the two versions have in common, 0..1.
    pub similarity: f64,
}

/// Everything the reader and the JSON output show.
#[derive(Debug, Clone)]
pub struct Comparison {
    pub left: Document,
    /// `None` when a single document is being inspected (`redline FILE --json`).
    pub right: Option<Document>,
    pub links: Vec<Link>,
    pub rows: Vec<Row>,
    pub summary: Summary,
    /// Each paragraph's own status (a paragraph inside a merged row can still be omitted).
    pub left_marks: Vec<RowStatus>,
    pub right_marks: Vec<RowStatus>,
    /// The row each paragraph is shown in.
    pub left_row: Vec<usize>,
    pub right_row: Vec<usize>,
}

impl Comparison {
    pub fn new(left: Document, right: Option<Document>) -> Comparison {
        let Alignment { links, rows, similarity } = match &right {
            Some(r) => align::align(&left, r),
            None => align::single(&left),
        };
        let left_row = row_index(&rows, left.paragraphs.len(), |r| &r.left);
        let right_row = row_index(&rows, right.as_ref().map_or(0, |d| d.paragraphs.len()), |r| &r.right);
        let left_marks = if right.is_some() {
            marks(&left, &rows, &left_row, links.iter().map(|k| (k.left, k.moved)), RowStatus::Omitted)
        } else {
            left_row.iter().map(|&r| rows[r].status).collect()
        };
        let right_marks = match &right {
            Some(doc) => {
                marks(doc, &rows, &right_row, links.iter().map(|k| (k.right, k.moved)), RowStatus::Added)
            }
            None => vec![],
        };
        Comparison {
            left,
            right,
            links,
            rows,
            summary: Summary { similarity },
            left_marks,
            right_marks,
            left_row,
            right_row,
        }
    }

    /// For a row, the other end of a moved link that starts in it: (row, left side?, para).
    pub fn moved_partner(&self, row: usize) -> Option<(usize, bool, usize)> {
        let r = self.rows.get(row)?;
        self.links.iter().filter(|k| k.moved).find_map(|k| {
            if r.left.contains(&k.left) {
                Some((self.right_row[k.right], false, k.right))
            } else if r.right.contains(&k.right) {
                Some((self.left_row[k.left], true, k.left))
            } else {
                None
            }
        })
    }

    /// The right document, or an empty one when there is none.
    pub fn right_doc(&self) -> Option<&Document> {
        self.right.as_ref()
    }
}

fn row_index(rows: &[Row], n: usize, side: impl Fn(&Row) -> &Vec<usize>) -> Vec<usize> {
    let mut out = vec![0; n];
    for (r, row) in rows.iter().enumerate() {
        for &p in side(row) {
            out[p] = r;
        }
    }
    out
}

/// A paragraph's own status: furniture; unlinked (omitted or added, as `unlinked` says);
/// moved when all its links run against the reading order; else its row's status.
fn marks(
    doc: &Document,
    rows: &[Row],
    row_of: &[usize],
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
                rows[row_of[p]].status
            } else if moved[p] {
                RowStatus::Moved
            } else {
                unlinked
            }
        })
        .collect()
}
