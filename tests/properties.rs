//! Properties of the whole core on arbitrary text made of the characters that break things:
//! no panic, spans on character boundaries inside the text, every non-blank byte of a
//! paragraph laid out exactly once, nothing dangerous printed, and the same answer twice.

use proptest::prelude::*;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::Terminal;
use redline::app::App;
use redline::comparison::Comparison;
use redline::document::Document;
use redline::input::Source;
use redline::layout::{Layout, GUTTER};
use redline::ui::print::{write_text, TextOptions};

/// Text from a palette of awkward pieces: words, names, numbers, quotes, controls, bidi,
/// zero-width, combining, wide and emoji characters, and every kind of line break.
fn awkward_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("the ".to_string()),
        Just("Putin said ".to_string()),
        Just("“We will win,” ".to_string()),
        Just("40 percent ".to_string()),
        Just("on Monday. ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("\t".to_string()),
        Just("\u{1b}[31m".to_string()),
        Just("\u{9b}".to_string()),
        Just("\u{202E}".to_string()),
        Just("\u{2066}".to_string()),
        Just("\u{200B}".to_string()),
        Just("e\u{301}".to_string()),
        Just("日本語".to_string()),
        Just("👩‍👩‍👧".to_string()),
        Just("- ".to_string()),
        Just("'".to_string()),
        "[a-zA-Z]{1,12} ",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

fn doc(name: &str, text: &str) -> Document {
    Document::parse(Source::from_text(name, text))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn a_history_holds_on_awkward_text(a in awkward_text(), b in awkward_text(), c in awkward_text()) {
        // Three versions and a revert to the second: blame, timeline, JSON, text and HTML.
        let docs = [doc("a", &a), doc("b", &b), doc("c", &c), doc("b", &b)];
        let options = TextOptions { width: 60, only_changes: false, color: true, background: Default::default() };
        redline::check::history(&docs, options).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn the_core_holds_on_awkward_text(a in awkward_text(), b in awkward_text(), width in 2usize..50) {
        let c = Comparison::new(doc("a", &a), Some(doc("b", &b)));
        redline::check::comparison(&c).map_err(TestCaseError::fail)?;
        // Deterministic: the same pair gives the same answer.
        let again = Comparison::new(doc("a", &a), Some(doc("b", &b)));
        prop_assert_eq!(&c.links, &again.links);
        prop_assert_eq!(&c.rows, &again.rows);
        prop_assert_eq!(&c.differences, &again.differences);
        prop_assert_eq!(&c.findings, &again.findings);

        // Every non-blank byte of every paragraph is on exactly one laid-out line (none of a
        // row --only-changes leaves out).
        redline::check::layout(&c, &Layout::new(&c, width, width % 2 == 1)).map_err(TestCaseError::fail)?;

        // Printed side by side: nothing that drives a terminal.
        let mut out = Vec::new();
        write_text(&c, TextOptions { width: 40 + width as u16, only_changes: false, color: true, background: Default::default() }, &mut out).unwrap();
        let printed = String::from_utf8(out).unwrap();
        let stripped: String = printed.split('\u{1b}').enumerate()
            .map(|(i, part)| if i == 0 { part } else { part.split_once('m').map_or("", |(_, rest)| rest) })
            .collect();
        let dangerous = |ch: char| {
            (ch.is_control() && ch != '\n') || matches!(ch, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        };
        prop_assert!(!stripped.chars().any(dangerous), "printed a dangerous character");
    }
}

/// The text a row of cells shows, wide characters counted once.
fn cells_text(buf: &Buffer, x: u16, y: u16, width: u16) -> String {
    let mut out = String::new();
    let mut col = x;
    while col < x + width {
        let symbol = buf[(col, y)].symbol();
        out.push_str(symbol);
        // A cell holds a grapheme; ratatui measures it as a string (an emoji ZWJ sequence is 2).
        col += (unicode_width::UnicodeWidthStr::width(symbol) as u16).max(1);
    }
    visible(&out)
}

/// Text without trailing blanks and without the zero-width format characters: ratatui hangs a
/// lone zero-width grapheme on the previous cell, which after a wide character is the covered
/// cell no terminal draws. They are invisible either way; the document notice counts them.
fn visible(s: &str) -> String {
    let kept: String = s.chars().filter(|&c| !redline::text::is_invisible(c)).collect();
    kept.trim_end().to_string()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Paging through the reader from top to bottom draws every laid-out line exactly once,
    /// each line's cells showing exactly its input text (placeholders for the unsafe
    /// characters): with the layout property above, every non-blank input byte of a
    /// paragraph is on screen exactly once.
    #[test]
    fn every_line_is_drawn_once_and_whole(
        a in awkward_text(), b in awkward_text(), width in 40u16..90, height in 8u16..20,
    ) {
        let c = Comparison::new(doc("a", &a), Some(doc("b", &b)));
        let mut app = App::new(c, width, height);
        app.show_people = height % 2 == 0;
        let body = height - 3; // borders and the status bar
        let text_width = app.geometry.text_width();
        let mut drawn = vec![0u8; app.layout.len()];
        let mut top = 0;
        while top < app.layout.len() {
            app.scroll = top;
            app.scroll_right = top;
            // A fresh backend per page: TestBackend keeps cells a wide character covered in an
            // earlier frame (a real terminal blanks them when the wide character is overwritten).
            let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
            terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
            let buf = terminal.backend().buffer().clone();
            for y in 0..body {
                let Some(line) = app.layout.line(&app.comparison, top + y as usize) else { break };
                drawn[top + y as usize] += 1;
                let sides = [(line.left, &app.comparison.left, 0), (line.right, app.comparison.right.as_ref().unwrap(), width / 2)];
                for (seg, d, pane_x) in sides {
                    let shown = cells_text(&buf, pane_x + 1 + GUTTER, 1 + y, text_width);
                    let mut want = seg.map(|s| redline::text::sanitize(d.slice(s.span))).unwrap_or_default();
                    if unicode_width::UnicodeWidthStr::width(want.as_str()) == 0 && !want.is_empty() {
                        want.insert(0, '◌'); // a line of only zero-width characters stands on a dotted circle
                    }
                    prop_assert_eq!(shown, visible(&want), "line {} at {}×{}:\n{}", top + y as usize, width, height, terminal.backend());
                }
            }
            top += body as usize;
        }
        prop_assert!(drawn.iter().all(|&n| n == 1));
    }
}
