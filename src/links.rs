//! What an alignment is made of: links between paragraphs and the rows of the side-by-side
//! view they give. Plain values, below everything that computes or shows them.

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

/// The paragraphs of one side of a row: one (or none) inline, several on the heap.
pub type Paras = smallvec::SmallVec<[usize; 1]>;

/// One row of the side-by-side view: zero, one or several paragraphs a side, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    pub left: Paras,
    pub right: Paras,
    pub status: RowStatus,
}
