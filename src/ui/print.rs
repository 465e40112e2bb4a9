//! `--text`: the side-by-side comparison printed to a stream instead of a screen. Each line
//! is drawn with the reader's own line styling into a one-row buffer, then written out as
//! plain text or with ANSI colours, so what is printed matches what the reader shows. A line
//! of printable ASCII is written straight to bytes, as the buffer would have them.

use super::theme::{Background, Theme};
use super::wrap::wrap;
use super::{pane_line, pane_pieces};
use crate::comparison::Comparison;
use crate::describe::{describe_finding, describe_track, step_counts, summary_line, version_label};
use crate::history::History;
use crate::layout::{self, Segment, VisualLine};
use crate::text;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::Widget;
use rayon::prelude::*;
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

/// The narrowest and widest output `--text` draws.
pub const MIN_TEXT_WIDTH: u16 = 40;
pub const MAX_TEXT_WIDTH: u16 = 1000;

/// How to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextOptions {
    /// Columns of the whole output line (clamped to 40..=1000).
    pub width: u16,
    /// Leave out rows without differences (a line says how many were left out).
    pub only_changes: bool,
    /// ANSI colours and attributes; plain text otherwise.
    pub color: bool,
    /// The background the colours are for.
    pub background: Background,
}

/// Rows `--text` draws at a time (in parallel) before writing them: enough to share among
/// the cores, few enough that their drawn text stays small (a few MB).
const TEXT_BLOCK: usize = 4096;

/// Columns a side's text gets: each side is a marker, a space, the text and a space, and a
/// bar divides the sides.
fn text_width(width: u16) -> u16 {
    (width.saturating_sub(7) / 2).max(1)
}

/// Writes the comparison: a header with both names, every row side by side, then the
/// summary, the people and the findings.
pub fn write_text(c: &Comparison, opts: TextOptions, out: &mut impl Write) -> io::Result<()> {
    let width = opts.width.clamp(MIN_TEXT_WIDTH, MAX_TEXT_WIDTH);
    let theme = Theme::on(opts.color, opts.background);
    let tw = text_width(width);
    let mut buf = Buffer::empty(Rect::new(0, 0, width, 1));
    let right_x = tw + 5;

    // Header: the names and word counts, then a rule.
    let name = |d: Option<&crate::document::Document>| match d {
        Some(d) => format!("{} · {} words", text::sanitize(d.short_name()), d.word_count()),
        None => "(no second document)".to_string(),
    };
    buf.reset();
    Line::styled(name(Some(&c.left)), theme.title()).render(Rect::new(0, 0, tw + 2, 1), &mut buf);
    buf.set_string(tw + 3, 0, "│", theme.border());
    Line::styled(name(c.right.as_deref()), theme.title()).render(Rect::new(right_x, 0, tw + 2, 1), &mut buf);
    write_row(&buf, opts.color, out)?;
    let rule = format!("{}┼{}", "─".repeat(tw as usize + 3), "─".repeat(tw as usize + 4));
    buf.reset();
    buf.set_string(0, 0, rule, theme.border());
    write_row(&buf, opts.color, out)?;

    // A line with no text on either side (the one after every row, and a side's gap between
    // paragraphs when the other side has none) is the same bytes every time: drawn once.
    let mut blank = Vec::new();
    buf.reset();
    buf.set_string(tw + 3, 0, "│", theme.border());
    write_row(&buf, opts.color, &mut blank)?;

    // The rows, drawn in parallel a block at a time and written in order: the output
    // streams, and no layout of the whole pair is ever held.
    let draw_row = |buf: &mut Buffer, r: usize| -> io::Result<Option<Vec<u8>>> {
        if layout::left_out(c.rows[r].status, opts.only_changes) {
            return Ok(None);
        }
        // Room for the shortest row, a line of text and the blank line after it (one byte
        // a cell, a line break each), without regrowing.
        let mut bytes = Vec::with_capacity(2 * (usize::from(width) + 1));
        for vl in layout::row_lines(c, r, tw as usize) {
            if vl.left.is_none() && vl.right.is_none() {
                bytes.extend_from_slice(&blank);
                continue;
            }
            if push_ascii_line(c, &vl, tw, width, &theme, opts.color, &mut bytes) {
                continue;
            }
            buf.reset();
            draw_side(c, true, &vl, Rect::new(0, 0, tw + 2, 1), buf, &theme);
            buf.set_string(tw + 3, 0, "│", theme.border());
            draw_side(c, false, &vl, Rect::new(right_x, 0, tw + 2, 1), buf, &theme);
            push_row(buf, opts.color, &mut bytes);
        }
        Ok(Some(bytes))
    };
    let mut next_row = 0;
    for from in (0..c.rows.len()).step_by(TEXT_BLOCK) {
        let to = (from + TEXT_BLOCK).min(c.rows.len());
        let drawn: Vec<io::Result<Option<Vec<u8>>>> = (from..to)
            .into_par_iter()
            .map_init(|| Buffer::empty(Rect::new(0, 0, width, 1)), |buf, r| draw_row(buf, r))
            .collect();
        for (r, bytes) in (from..to).zip(drawn) {
            let Some(bytes) = bytes? else { continue };
            if r > next_row {
                write_skipped(r - next_row, &mut buf, &theme, opts.color, out)?;
            }
            next_row = r + 1;
            out.write_all(&bytes)?;
        }
    }
    if c.rows.len() > next_row {
        write_skipped(c.rows.len() - next_row, &mut buf, &theme, opts.color, out)?;
    }

    // Footer: the summary, the people, the findings, each wrapped to the width with its
    // continuation lines under its own column.
    let mut footer: Vec<(Line, usize)> = Vec::new();
    if c.right.is_some() {
        footer.push((Line::styled(summary_line(c, usize::MAX), theme.title()), 2));
    }
    if !c.people.persons.is_empty() {
        footer.push((Line::raw(""), 0));
        footer.push((Line::styled("People (mentions left, right)", theme.title()), 2));
        for (i, p) in c.people.persons.iter().enumerate() {
            let counts = match c.right {
                Some(_) => format!("  {:>4} {:>4}  ", p.left.len(), p.right.len()),
                None => format!("  {:>4}  ", p.left.len()),
            };
            let indent = text::width(&counts);
            let only = p.only_in(c.right.is_some()).map(|s| format!("  {s}")).unwrap_or_default();
            let line = Line::from(vec![
                TextSpan::raw(counts),
                TextSpan::styled(text::sanitize(&p.name), theme.person(i)),
                TextSpan::styled(only, theme.help_key()),
            ]);
            footer.push((line, indent));
        }
    }
    if !c.findings.is_empty() {
        footer.push((Line::raw(""), 0));
        footer.push((Line::styled(format!("Findings ({})", c.findings.len()), theme.title()), 2));
        let label_w = c.findings.iter().map(|f| f.kind.label().chars().count()).max().unwrap_or(0);
        for (i, f) in c.findings.iter().enumerate() {
            let first_of_kind = i == 0 || c.findings[i - 1].kind != f.kind;
            let label = if first_of_kind { f.kind.label() } else { "" };
            let speaker =
                f.speaker.as_deref().map(|s| format!("{}: ", text::sanitize(s))).unwrap_or_default();
            let line = Line::from(vec![
                TextSpan::styled(format!("  {label:<label_w$}  "), theme.help_key()),
                TextSpan::styled(speaker, theme.title()),
                TextSpan::raw(describe_finding(c, f)),
            ]);
            footer.push((line, label_w + 4));
        }
    }
    for (line, indent) in footer {
        for part in wrap(line, width as usize, indent) {
            buf.reset();
            part.render(buf.area, &mut buf);
            write_row(&buf, opts.color, out)?;
        }
    }
    Ok(())
}

/// Writes a history: each step as [`write_text`] writes a pair, under a heading naming its
/// two versions, then the facts that changed more than once.
pub fn write_history_text<W: Write>(h: &History, opts: TextOptions, out: &mut W) -> io::Result<()> {
    let width = opts.width.clamp(MIN_TEXT_WIDTH, MAX_TEXT_WIDTH) as usize;
    let theme = Theme::on(opts.color, opts.background);
    let mut buf = Buffer::empty(Rect::new(0, 0, width as u16, 1));
    let mut put = |line: Line, indent: usize, out: &mut W| -> io::Result<()> {
        for part in wrap(line, width, indent) {
            buf.reset();
            part.render(buf.area, &mut buf);
            write_row(&buf, opts.color, out)?;
        }
        Ok(())
    };
    let named = |v: usize| {
        let info = &h.versions[v];
        let date = info.date.as_deref().map(|d| format!(" ({})", text::sanitize(d))).unwrap_or_default();
        format!("{} {}{date}", version_label(v), text::sanitize(&info.name))
    };
    for (k, c) in h.steps.iter().enumerate() {
        if k > 0 {
            writeln!(out)?;
        }
        let heading = format!(
            "━━ Step {} of {}: {} → {} · {}",
            k + 1,
            h.steps.len(),
            named(k),
            named(k + 1),
            step_counts(c)
        );
        put(Line::styled(heading, theme.title()), 3, out)?;
        write_text(c, opts, out)?;
    }
    writeln!(out)?;
    let steps: Vec<&Comparison> = h.steps.iter().collect();
    put(Line::styled(format!("Facts changed more than once ({})", h.timeline.len()), theme.title()), 2, out)?;
    let label_w = h.timeline.iter().map(|t| t.family.label().chars().count()).max().unwrap_or(0);
    for t in &h.timeline {
        let line = Line::from(vec![
            TextSpan::styled(format!("  {:<label_w$}  ", t.family.label()), theme.help_key()),
            TextSpan::raw(describe_track(&steps, t)),
        ]);
        put(line, label_w + 4, out)?;
    }
    Ok(())
}

/// One side of a visual line: the row marker on a paragraph's first line, then its text.
fn draw_side(c: &Comparison, left: bool, vl: &VisualLine, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let Some(seg @ Segment { para, span }) = (if left { vl.left } else { vl.right }) else { return };
    let (doc, marks) = c.side(left);
    if span.start == doc.paragraphs[para].span.start {
        let (mark, style) = theme.marker(marks[para]);
        buf.set_string(area.x, area.y, mark.to_string(), style);
    }
    let text_area = Rect { x: area.x + 2, width: area.width.saturating_sub(2), ..area };
    pane_line(c, left, seg, true, &[], theme).render(text_area, buf);
}

/// Writes a visual line whose text is all printable ASCII (one byte, one cell, no graphemes
/// to find) straight to bytes: cell for cell what [`draw_side`] would draw into a buffer and
/// [`push_row`] would write, without the buffer. Any other line is left to those two: false,
/// and nothing written.
fn push_ascii_line(
    c: &Comparison,
    vl: &VisualLine,
    tw: u16,
    width: u16,
    theme: &Theme,
    color: bool,
    out: &mut Vec<u8>,
) -> bool {
    let simple = |left: bool| {
        let Some(Segment { para, span }) = (if left { vl.left } else { vl.right }) else { return true };
        let (doc, marks) = c.side(left);
        text::char_width(marks[para].marker()) == 1
            && doc.slice(span).bytes().all(|b| (b' '..=b'~').contains(&b))
    };
    if !simple(true) || !simple(false) {
        return false;
    }
    let tw = usize::from(tw);
    let mut cells = Cells::new(out, color);
    for left in [true, false] {
        match if left { vl.left } else { vl.right } {
            None => cells.blank(tw + 2),
            Some(seg @ Segment { para, span }) => {
                let (doc, marks) = c.side(left);
                if span.start == doc.paragraphs[para].span.start {
                    let (mark, style) = theme.marker(marks[para]);
                    cells.put(mark.encode_utf8(&mut [0; 4]), style);
                } else {
                    cells.blank(1);
                }
                cells.blank(1);
                // What the text area holds: the line's first `tw` characters.
                let mut room = tw;
                if color {
                    let (_, pieces) = pane_pieces(c, left, seg, true, &[], theme);
                    for (piece, style) in pieces {
                        let text = doc.slice(piece);
                        let n = text.len().min(room);
                        cells.put(&text[..n], style);
                        room -= n;
                    }
                } else {
                    // Without colour the pieces' styles are never written: their text, in
                    // order, is the segment's.
                    let text = doc.slice(span);
                    let n = text.len().min(room);
                    cells.put(&text[..n], Style::new());
                    room -= n;
                }
                cells.blank(room);
            }
        }
        if left {
            cells.blank(1);
            cells.put("│", theme.border());
            cells.blank(1);
        }
    }
    cells.blank(usize::from(width).saturating_sub(2 * tw + 7));
    cells.finish();
    true
}

/// One output line written cell by cell as [`push_row`] writes a buffer's: the style a cell
/// drawn with a style would hold, an SGR sequence where it changes (with colour), trailing
/// blanks trimmed (without).
struct Cells<'o> {
    out: &'o mut Vec<u8>,
    color: bool,
    start: usize,
    current: Style,
}

impl<'o> Cells<'o> {
    fn new(out: &'o mut Vec<u8>, color: bool) -> Self {
        let start = out.len();
        Cells { out, color, start, current: Style::reset() }
    }

    /// Cells drawn with `style`: one a byte of ASCII text, or one character one cell wide
    /// (a marker, the bar); the caller's to ensure.
    fn put(&mut self, text: &str, style: Style) {
        if text.is_empty() {
            return;
        }
        if self.color {
            let mut cell = Cell::EMPTY;
            let style = cell.set_style(style).style();
            if style != self.current {
                sgr(self.out, style);
                self.current = style;
            }
        }
        self.out.extend_from_slice(text.as_bytes());
    }

    /// Cells left blank.
    fn blank(&mut self, n: usize) {
        if n == 0 {
            return;
        }
        if self.color {
            let style = Cell::EMPTY.style();
            if style != self.current {
                sgr(self.out, style);
                self.current = style;
            }
        }
        self.out.resize(self.out.len() + n, b' ');
    }

    fn finish(self) {
        if self.color {
            self.out.extend_from_slice(b"\x1b[0m");
        } else {
            let kept = self.out[self.start..].iter().rposition(|&b| b != b' ').map_or(0, |k| k + 1);
            self.out.truncate(self.start + kept);
        }
        self.out.push(b'\n');
    }
}

fn write_skipped(
    rows: usize,
    buf: &mut Buffer,
    theme: &Theme,
    color: bool,
    out: &mut impl Write,
) -> io::Result<()> {
    let what = if rows == 1 { "row" } else { "rows" };
    buf.reset();
    let style = theme.text(crate::comparison::RowStatus::Furniture);
    buf.set_string(0, 0, format!("  ⋯ {rows} unchanged {what} left out"), style);
    write_row(buf, color, out)?;
    buf.reset();
    write_row(buf, color, out)
}

/// Writes a one-row buffer as a line: plain symbols with trailing spaces trimmed, or with
/// an SGR sequence wherever the style changes and a reset at the end.
fn write_row(buf: &Buffer, color: bool, out: &mut impl Write) -> io::Result<()> {
    let mut line = Vec::with_capacity(buf.content.len() + 1);
    push_row(buf, color, &mut line);
    out.write_all(&line)
}

/// [`write_row`] into bytes already being collected (no line of its own to copy).
fn push_row(buf: &Buffer, color: bool, line: &mut Vec<u8>) {
    let row_start = line.len();
    let mut current = Style::reset();
    let mut skip = 0;
    // Without colour, trailing blank cells would only be trimmed again: not read.
    let cells = if color {
        &buf.content[..]
    } else {
        let used = buf.content.iter().rposition(|c| c.symbol() != " ").map_or(0, |k| k + 1);
        &buf.content[..used]
    };
    for cell in cells {
        if skip > 0 {
            // The cells a wide character covers.
            skip -= 1;
            continue;
        }
        let symbol = cell.symbol();
        // One byte is one printable ASCII character (cells hold sanitised text), one cell
        // wide: most cells, measured and copied without the width tables or a copy call.
        let byte = match symbol.as_bytes() {
            &[b] => Some(b),
            _ => None,
        };
        skip = if byte.is_some() { 0 } else { symbol.width().saturating_sub(1) };
        if color {
            let style = cell.style();
            if style != current {
                sgr(line, style);
                current = style;
            }
        }
        match byte {
            Some(b) => line.push(b),
            None => line.extend_from_slice(symbol.as_bytes()),
        }
    }
    if color {
        line.extend_from_slice(b"\x1b[0m");
    } else {
        let kept = line[row_start..].iter().rposition(|&b| b != b' ').map_or(0, |k| k + 1);
        line.truncate(row_start + kept);
    }
    line.push(b'\n');
}

/// Appends the SGR sequence that sets exactly `style` (after a reset).
fn sgr(out: &mut Vec<u8>, style: Style) {
    let mut codes: Vec<String> = vec!["0".into()];
    let m = style.add_modifier;
    for (flag, code) in [
        (Modifier::BOLD, "1"),
        (Modifier::DIM, "2"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::REVERSED, "7"),
        (Modifier::CROSSED_OUT, "9"),
    ] {
        if m.contains(flag) {
            codes.push(code.into());
        }
    }
    if let Some(fg) = style.fg.and_then(|c| color_code(c, false)) {
        codes.push(fg);
    }
    if let Some(bg) = style.bg.and_then(|c| color_code(c, true)) {
        codes.push(bg);
    }
    out.extend_from_slice(b"\x1b[");
    out.extend_from_slice(codes.join(";").as_bytes());
    out.push(b'm');
}

fn color_code(c: Color, bg: bool) -> Option<String> {
    let base = if bg { 40 } else { 30 };
    let bright = if bg { 100 } else { 90 };
    let ext = if bg { 48 } else { 38 };
    Some(match c {
        Color::Reset => return None,
        Color::Black => format!("{base}"),
        Color::Red => format!("{}", base + 1),
        Color::Green => format!("{}", base + 2),
        Color::Yellow => format!("{}", base + 3),
        Color::Blue => format!("{}", base + 4),
        Color::Magenta => format!("{}", base + 5),
        Color::Cyan => format!("{}", base + 6),
        Color::Gray => format!("{}", base + 7),
        Color::DarkGray => format!("{bright}"),
        Color::LightRed => format!("{}", bright + 1),
        Color::LightGreen => format!("{}", bright + 2),
        Color::LightYellow => format!("{}", bright + 3),
        Color::LightBlue => format!("{}", bright + 4),
        Color::LightMagenta => format!("{}", bright + 5),
        Color::LightCyan => format!("{}", bright + 6),
        Color::White => format!("{}", bright + 7),
        Color::Indexed(i) => format!("{ext};5;{i}"),
        Color::Rgb(r, g, b) => format!("{ext};2;{r};{g};{b}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::input::Source;

    fn pair(a: &str, b: &str) -> Comparison {
        Comparison::new(
            Document::parse(Source::from_text("a.txt", a)),
            Some(Document::parse(Source::from_text("b.txt", b))),
        )
    }

    fn print(c: &Comparison, opts: TextOptions) -> String {
        let mut out = Vec::new();
        write_text(c, opts, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn plain_output_has_no_escapes_and_keeps_columns() {
        let c = pair("The cat sat.\n\nA dog \u{1b}[31mbarked.", "The cat sat down.\n\n日本語 text.");
        let s = print(
            &c,
            TextOptions { width: 60, only_changes: false, color: false, background: Default::default() },
        );
        assert!(!s.contains('\u{1b}'), "{s}");
        assert!(s.contains("␛[31m"), "{s}");
        let bar =
            |l: &str| l.chars().take_while(|&ch| ch != '│' && ch != '┼').map(text::char_width).sum::<usize>();
        let body: Vec<&str> = s.lines().filter(|l| l.contains('│')).collect();
        assert!(body.len() >= 3, "{s}");
        for l in &body {
            assert_eq!(bar(l), bar(body[0]), "bars line up:\n{s}");
        }
    }

    #[test]
    fn color_output_sets_and_resets_styles() {
        let c = pair("The cat sat.", "The cat sat down.");
        let s = print(
            &c,
            TextOptions { width: 60, only_changes: false, color: true, background: Default::default() },
        );
        assert!(s.contains("\x1b[0;"), "{s:?}");
        assert!(s.lines().all(|l| l.ends_with("\x1b[0m")), "{s:?}");
    }

    /// Every visual line the direct writer takes is written byte for byte as drawing it into
    /// a buffer writes it, with and without colour, on either theme; and it takes most lines
    /// of English text (the bundled pair has curly quotes and dashes: it declines those).
    #[test]
    fn ascii_lines_are_written_as_the_buffer_writes_them() {
        let bundled =
            (include_str!("../../assets/source.txt").into(), include_str!("../../assets/rewrite.txt").into());
        let synthetic = (1..=4).map(|seed| crate::synth::pair(seed, 30));
        let (mut taken, mut declined) = (0, 0);
        for (a, b) in std::iter::once(bundled).chain(synthetic) {
            let c = pair(&a, &b);
            for width in [40u16, 97, 120] {
                let tw = text_width(width);
                for (color, background) in
                    [(false, Background::Dark), (true, Background::Dark), (true, Background::Light)]
                {
                    let theme = Theme::on(color, background);
                    let mut buf = Buffer::empty(Rect::new(0, 0, width, 1));
                    for r in 0..c.rows.len() {
                        for vl in layout::row_lines(&c, r, tw as usize) {
                            let mut direct = Vec::new();
                            if !push_ascii_line(&c, &vl, tw, width, &theme, color, &mut direct) {
                                assert!(direct.is_empty());
                                declined += 1;
                                continue;
                            }
                            taken += 1;
                            buf.reset();
                            draw_side(&c, true, &vl, Rect::new(0, 0, tw + 2, 1), &mut buf, &theme);
                            buf.set_string(tw + 3, 0, "│", theme.border());
                            draw_side(&c, false, &vl, Rect::new(tw + 5, 0, tw + 2, 1), &mut buf, &theme);
                            let mut drawn = Vec::new();
                            push_row(&buf, color, &mut drawn);
                            assert_eq!(
                                String::from_utf8_lossy(&direct),
                                String::from_utf8_lossy(&drawn),
                                "width {width}, colour {color}, {vl:?}"
                            );
                        }
                    }
                }
            }
        }
        assert!(taken > 4 * declined, "taken {taken}, declined {declined}");
    }

    #[test]
    fn only_changes_says_what_it_left_out() {
        let c = pair("Same one.\n\nSame two.\n\nOld end.", "Same one.\n\nSame two.\n\nNew end here.");
        let s = print(
            &c,
            TextOptions { width: 80, only_changes: true, color: false, background: Default::default() },
        );
        assert!(s.contains("⋯ 2 unchanged rows left out"), "{s}");
        assert!(!s.contains("Same one"), "{s}");
        assert!(s.contains("Old end"), "{s}");
    }
}
