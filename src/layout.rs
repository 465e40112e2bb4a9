//! Screen geometry and the wrapped layout of the rows: which byte span of which paragraph
//! stands on each visual line of each pane. Built once per pane width (on start and on
//! resize), so drawing a frame only slices what is visible.

use crate::comparison::{Comparison, Paras, RowStatus};
use crate::document::{Document, Span};
use crate::input::narrow;
use crate::text;
use rayon::prelude::*;
use textwrap::core::Fragment;
use textwrap::wrap_algorithms::wrap_first_fit;

/// The smallest screen the reader draws into; below it a message says so.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 8;
/// Columns inside each pane before the text: a row marker and a space.
pub const GUTTER: u16 = 2;
/// Blank columns between the text and a pane's right border.
pub const RIGHT_PAD: u16 = 1;

/// Where things go on a screen of a given size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    pub width: u16,
    pub height: u16,
}

impl Geometry {
    pub fn too_small(&self) -> bool {
        self.width < MIN_WIDTH || self.height < MIN_HEIGHT
    }
    /// Width of each pane, borders included; both panes are equally wide.
    pub fn pane_width(&self) -> u16 {
        self.width / 2
    }
    /// Width available to text inside a pane.
    pub fn text_width(&self) -> u16 {
        self.pane_width().saturating_sub(2 + GUTTER + RIGHT_PAD).max(1)
    }
    /// Visual lines visible inside a pane (borders and the status bar take three).
    pub fn body_height(&self) -> u16 {
        self.height.saturating_sub(3).max(1)
    }
}

/// A piece of a paragraph on one visual line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    pub para: usize,
    pub span: Span,
}

/// One visual line across both panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VisualLine {
    pub row: usize,
    pub left: Option<Segment>,
    pub right: Option<Segment>,
}

/// The visual lines for one text width: where each row starts, so any line is found at once
/// and made from its row when it is needed ([`Layout::lines_from`]). No list of the lines is
/// held: a million-row pair has four million of them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    pub width: usize,
    /// The first visual line of each row (for a hidden row, where it would be), in 32 bits:
    /// a million-row pair holds 4 MB, not 8. (More lines than 32 bits count would take far
    /// more memory than any machine has for the paragraphs alone; they would saturate.)
    row_starts: Vec<u32>,
    /// Rows left out (showing only differences); empty when none is.
    hidden: Vec<bool>,
    /// How many visual lines there are.
    total: usize,
}

impl Layout {
    /// Lays the rows out at a text width; with `only_changes`, rows without differences
    /// (unchanged or furniture) are left out.
    pub fn new(comparison: &Comparison, width: usize, only_changes: bool) -> Layout {
        let hidden: Vec<bool> = if only_changes {
            comparison.rows.iter().map(|row| left_out(row.status, only_changes)).collect()
        } else {
            Vec::new()
        };
        let is_hidden = |r: usize| hidden.get(r).copied().unwrap_or(false);
        // Rows wrap independently: their heights in parallel, then added up in order.
        let heights: Vec<u32> = (0..comparison.rows.len())
            .into_par_iter()
            .with_min_len(ROWS_PER_TASK)
            .map(|r| if is_hidden(r) { 0 } else { narrow(row_lines(comparison, r, width).len()) })
            .collect();
        // Each height becomes its row's start, in place (a million-row pair would hold a
        // second array as long).
        let mut row_starts = heights;
        let mut total = 0usize;
        for start in &mut row_starts {
            let height = *start;
            *start = narrow(total);
            total += height as usize;
        }
        Layout { width, row_starts, hidden, total }
    }

    /// How many rows it lays out.
    pub fn rows(&self) -> usize {
        self.row_starts.len()
    }

    /// The first visual line of a row (for a hidden row, where it would be).
    pub fn row_start(&self, row: usize) -> Option<usize> {
        self.row_starts.get(row).map(|&s| s as usize)
    }

    /// How many visual lines there are.
    pub fn len(&self) -> usize {
        self.total
    }

    pub fn is_empty(&self) -> bool {
        self.total == 0
    }

    /// Whether a row is left out of this layout.
    pub fn is_hidden(&self, row: usize) -> bool {
        self.hidden.get(row).copied().unwrap_or(false)
    }

    /// The visual lines from line `from` on, in order, made from the rows of `comparison` (the
    /// comparison this layout was made for).
    pub fn lines_from<'a>(
        &'a self,
        comparison: &'a Comparison,
        from: usize,
    ) -> impl Iterator<Item = VisualLine> + 'a {
        let row = self.row_at(from);
        let skip = row.map_or(0, |r| from - self.row_starts[r] as usize);
        row.into_iter()
            .flat_map(move |r| r..self.row_starts.len())
            .filter(move |&r| !self.is_hidden(r))
            .flat_map(move |r| row_lines(comparison, r, self.width))
            .skip(skip)
    }

    /// Visual line `line` (of the layout made for `comparison`).
    pub fn line(&self, comparison: &Comparison, line: usize) -> Option<VisualLine> {
        self.lines_from(comparison, line).next()
    }

    /// The visual line of a row that shows byte `offset` of a paragraph on one side.
    pub fn line_of(
        &self,
        comparison: &Comparison,
        row: usize,
        left: bool,
        para: usize,
        offset: usize,
    ) -> Option<usize> {
        let start = self.row_start(row)?;
        if self.is_hidden(row) {
            return None;
        }
        row_lines(comparison, row, self.width)
            .iter()
            .position(|l| {
                let seg = if left { l.left } else { l.right };
                seg.is_some_and(|s| s.para == para && s.span.start <= offset && offset <= s.span.end)
            })
            .map(|i| start + i)
    }

    /// The row shown on a visual line.
    pub fn row_at(&self, line: usize) -> Option<usize> {
        if line >= self.total {
            return None;
        }
        // The last row starting at or before the line; rows without lines start where the
        // next one does, so the last of them is the one with lines.
        Some(self.row_starts.partition_point(|&s| s as usize <= line) - 1)
    }
}

/// Rows one parallel task measures at least: enough that a task's cost outweighs handing it
/// out, few enough that a long pair's rows spread over every core.
const ROWS_PER_TASK: usize = 1024;

/// Whether a row is left out when only rows with differences are shown: unchanged rows and
/// page furniture.
pub fn left_out(status: RowStatus, only_changes: bool) -> bool {
    only_changes && matches!(status, RowStatus::Same | RowStatus::Furniture)
}

/// The visual lines of one row at a text width: its taller side's wrapped lines, the
/// shorter side's blank below its text, then a blank line that keeps rows apart.
pub fn row_lines(comparison: &Comparison, r: usize, width: usize) -> Vec<VisualLine> {
    let row = &comparison.rows[r];
    let left = side_lines(&comparison.left, row.left, width);
    let right = match &comparison.right {
        Some(doc) => side_lines(doc, row.right, width),
        None => vec![],
    };
    let height = left.len().max(right.len()).max(1);
    let at = |v: &Vec<Option<Segment>>, i: usize| v.get(i).copied().flatten();
    let mut lines: Vec<VisualLine> =
        (0..height).map(|i| VisualLine { row: r, left: at(&left, i), right: at(&right, i) }).collect();
    lines.push(VisualLine { row: r, left: None, right: None });
    lines
}

/// Lines of one side of a row: its paragraphs wrapped, a blank line between paragraphs.
fn side_lines(doc: &Document, paras: Paras, width: usize) -> Vec<Option<Segment>> {
    let mut out = Vec::new();
    for (k, p) in paras.iter().enumerate() {
        if k > 0 {
            out.push(None);
        }
        for span in wrap(&doc.text, doc.paragraphs[p].span, width) {
            out.push(Some(Segment { para: p, span }));
        }
    }
    out
}

/// A word (a run of non-whitespace) with its display width and the whitespace after it.
#[derive(Debug, Clone, Copy)]
struct Word {
    span: Span,
    width: usize,
    gap: usize,
}

impl Fragment for Word {
    fn width(&self) -> f64 {
        self.width as f64
    }
    fn whitespace_width(&self) -> f64 {
        self.gap as f64
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// Wraps the text of `span` to `width` cells, returning each line's span. Whitespace at a
/// break is dropped from both lines; a word wider than the line is cut between characters.
pub fn wrap(text: &str, span: Span, width: usize) -> Vec<Span> {
    let width = width.max(2);
    let s = &text[span.start..span.end];
    // No character is wider than its UTF-8 bytes are many: text of no more bytes than the
    // line has cells is one line, from its start to its last non-blank (as the words give).
    if s.len() <= width {
        let end = span.start + s.trim_end().len();
        return if s.is_empty() { vec![] } else { vec![Span::new(span.start, end)] };
    }
    wrap_words(text, span, width)
}

/// [`wrap`] by its words: each word's width, fitted first come, first served.
fn wrap_words(text: &str, span: Span, width: usize) -> Vec<Span> {
    let s = &text[span.start..span.end];
    let mut words: Vec<Word> = Vec::new();
    let mut at = 0;
    while at < s.len() {
        let rest = &s[at..];
        let word_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let after = &rest[word_len..];
        let gap_len = after.len() - after.trim_start().len();
        let gap = text::width(&after[..gap_len]);
        let start = span.start + at;
        push_word(&mut words, text, Span::new(start, start + word_len), gap, width);
        at += word_len + gap_len;
    }
    let widths = [width as f64];
    wrap_first_fit(&words, &widths)
        .into_iter()
        .filter_map(|line| Some(Span::new(line.first()?.span.start, line.last()?.span.end)))
        .collect()
}

/// Adds a word, cutting it into pieces no wider than `width` where needed.
fn push_word(words: &mut Vec<Word>, text: &str, span: Span, gap: usize, width: usize) {
    let w = text::width(&text[span.start..span.end]);
    if w <= width {
        words.push(Word { span, width: w, gap });
        return;
    }
    let mut piece_start = span.start;
    let mut piece_width = 0;
    for (i, c) in text[span.start..span.end].char_indices() {
        let cw = text::char_width(c);
        if piece_width + cw > width && piece_width > 0 {
            words.push(Word { span: Span::new(piece_start, span.start + i), width: piece_width, gap: 0 });
            piece_start = span.start + i;
            piece_width = 0;
        }
        piece_width += cw;
    }
    words.push(Word { span: Span::new(piece_start, span.end), width: piece_width, gap });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str, w: usize) -> Vec<&str> {
        wrap(s, Span::new(0, s.len()), w).into_iter().map(|sp| &s[sp.start..sp.end]).collect()
    }

    #[test]
    fn any_line_is_found_from_the_row_starts() {
        use crate::document::Document;
        use crate::input::Source;
        let doc = |name, text| Document::parse(Source::from_text(name, text));
        let c = Comparison::new(
            doc(
                "a",
                "Same first paragraph here.\n\nOld second one, long enough to wrap twice over.\n\nSame end.",
            ),
            Some(doc("b", "Same first paragraph here.\n\nNew second one.\n\nSame end.\n\nAn added one.")),
        );
        for only_changes in [false, true] {
            let layout = Layout::new(&c, 12, only_changes);
            // Every line, made row by row, against the lines made from any starting line.
            let all: Vec<VisualLine> = (0..c.rows.len())
                .filter(|&r| !layout.is_hidden(r))
                .flat_map(|r| row_lines(&c, r, 12))
                .collect();
            assert_eq!(all.len(), layout.len());
            assert_eq!(layout.lines_from(&c, 0).collect::<Vec<_>>(), all);
            for (i, l) in all.iter().enumerate() {
                assert_eq!(layout.row_at(i), Some(l.row), "line {i}");
                assert_eq!(layout.line(&c, i), Some(*l));
                assert_eq!(layout.lines_from(&c, i).count(), all.len() - i);
            }
            assert_eq!((layout.row_at(all.len()), layout.line(&c, all.len())), (None, None));
            assert_eq!(layout.lines_from(&c, all.len() + 3).count(), 0);
        }
        assert!(Layout::new(&c, 12, true).len() < Layout::new(&c, 12, false).len(), "rows left out");
    }

    /// The one-line shortcut gives what the words give, on text as long in bytes as the line.
    #[test]
    fn short_text_is_one_line_as_the_words_make_it() {
        for s in ["", " ", "ab", "ab  ", "  ab", "a \t b\n", "é e\u{301}", "日本 語", "\u{1b}x \u{85}"] {
            let span = Span::new(0, s.len());
            let w = s.len().max(2);
            assert_eq!(wrap(s, span, w), wrap_words(s, span, w), "{s:?}");
        }
    }

    #[test]
    fn wraps_at_word_boundaries() {
        assert_eq!(lines("the quick brown fox jumps", 10), ["the quick", "brown fox", "jumps"]);
    }

    #[test]
    fn cuts_overlong_words_and_counts_wide_characters() {
        assert_eq!(lines("abcdefghij xy", 4), ["abcd", "efgh", "ij", "xy"]);
        assert_eq!(lines("日本語です", 4), ["日本", "語で", "す"]);
        for l in lines("日本語 テキスト combining e\u{301}e\u{301}e\u{301}", 5) {
            assert!(text::width(l) <= 5, "{l:?}");
        }
    }

    #[test]
    fn every_word_appears_once_in_order() {
        let s = "One  two\tthree\nfour, five — six.";
        let joined: Vec<&str> = lines(s, 7).iter().flat_map(|l| l.split_whitespace()).collect();
        assert_eq!(joined, s.split_whitespace().collect::<Vec<_>>());
    }
}
