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
}

impl Comparison {
    pub fn new(left: Document, right: Option<Document>) -> Comparison {
        let Alignment { links, rows, similarity } = match &right {
            Some(r) => align::align(&left, r),
            None => align::single(&left),
        };
        Comparison { left, right, links, rows, summary: Summary { similarity } }
    }

    /// The right document, or an empty one when there is none.
    pub fn right_doc(&self) -> Option<&Document> {
        self.right.as_ref()
    }
}
