//! Wrapping a styled line to a width, for the lines that are not article text (findings,
//! the summary, people): greedy at spaces, continuation lines indented under their column,
//! a word wider than the line broken between characters. Widths are display cells.

use crate::text;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// `line` as lines of at most `width` cells; every line after the first starts with `indent`
/// spaces (at most half the width, so a deep indent still leaves room for text).
pub fn wrap(line: Line<'_>, width: usize, indent: usize) -> Vec<Line<'static>> {
    let width = width.max(1);
    let indent = indent.min(width / 2);
    let mut out = Vec::new();
    let mut cur = Pieces::default();
    for span in &line.spans {
        let style = line.style.patch(span.style);
        for piece in split_words(&span.content) {
            let w = text::width(piece);
            let blank = piece.chars().all(char::is_whitespace);
            if blank {
                // Spaces that would end a line are dropped; a line never starts with them,
                // except the first line's own leading spaces (its column layout).
                if cur.width + w <= width && (cur.has_text || out.is_empty()) {
                    cur.push(piece, w, style, false);
                }
                continue;
            }
            if cur.width + w > width && cur.has_text {
                out.push(cur.finish());
                cur = Pieces::indented(indent);
            }
            if cur.width + w <= width {
                cur.push(piece, w, style, true);
                continue;
            }
            // A word wider than what is left of the line: break it between characters.
            for ch in piece.chars() {
                let cw = text::char_width(ch);
                if cur.width + cw > width && cur.has_text {
                    out.push(cur.finish());
                    cur = Pieces::indented(indent);
                }
                let mut b = [0u8; 4];
                cur.push(ch.encode_utf8(&mut b), cw, style, true);
            }
        }
    }
    if cur.has_text || out.is_empty() {
        out.push(cur.finish());
    }
    out
}

/// Words and the runs of spaces between them, in order.
fn split_words(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = s;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let space = first.is_whitespace();
        let end = rest.find(|c: char| c.is_whitespace() != space).unwrap_or(rest.len());
        let (piece, tail) = rest.split_at(end);
        rest = tail;
        Some(piece)
    })
}

/// The line being filled.
#[derive(Default)]
struct Pieces {
    spans: Vec<Span<'static>>,
    width: usize,
    has_text: bool,
}

impl Pieces {
    fn indented(indent: usize) -> Pieces {
        let spans = if indent > 0 { vec![Span::raw(" ".repeat(indent))] } else { Vec::new() };
        Pieces { spans, width: indent, has_text: false }
    }

    fn push(&mut self, piece: &str, w: usize, style: Style, is_text: bool) {
        self.width += w;
        self.has_text |= is_text;
        match self.spans.last_mut() {
            Some(last) if last.style == style => last.content.to_mut().push_str(piece),
            _ => self.spans.push(Span::styled(piece.to_owned(), style)),
        }
    }

    /// The finished line, without the spaces it ended on.
    fn finish(mut self) -> Line<'static> {
        while let Some(last) = self.spans.pop() {
            let kept = last.content.trim_end().len();
            if kept > 0 {
                let mut last = last;
                last.content.to_mut().truncate(kept);
                self.spans.push(last);
                break;
            }
        }
        Line::from(self.spans)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect()).collect()
    }

    #[test]
    fn wraps_at_spaces_with_a_hanging_indent() {
        let line = Line::from(vec![Span::raw("  label  "), Span::raw("one two three four five six")]);
        let got = texts(&wrap(line, 20, 9));
        assert_eq!(got, ["  label  one two", "         three four", "         five six"]);
        assert!(got.iter().all(|l| text::width(l) <= 20));
    }

    #[test]
    fn breaks_a_word_wider_than_the_line_and_counts_wide_characters() {
        let got = texts(&wrap(Line::raw("ab 日本語日本語日本語 cd"), 8, 0));
        assert!(got.iter().all(|l| text::width(l) <= 8), "{got:?}");
        assert_eq!(got.concat().replace(' ', ""), "ab日本語日本語日本語cd");
    }

    #[test]
    fn keeps_styles_and_short_lines_whole() {
        let bold = Style::new().add_modifier(ratatui::style::Modifier::BOLD);
        let got = wrap(Line::from(vec![Span::styled("Hi", bold), Span::raw(" there")]), 40, 2);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].spans[0].style, bold);
        assert_eq!(texts(&got), ["Hi there"]);
    }
}
