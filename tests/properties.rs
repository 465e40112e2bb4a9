//! Properties of the whole core on arbitrary text made of the characters that break things:
//! no panic, spans on character boundaries inside the text, every non-blank byte of a
//! paragraph laid out exactly once, nothing dangerous printed, and the same answer twice.

use proptest::prelude::*;
use redline::comparison::Comparison;
use redline::document::Document;
use redline::input::Source;
use redline::layout::Layout;
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

fn check_spans(d: &Document) {
    for p in &d.paragraphs {
        assert!(p.span.start <= p.span.end && p.span.end <= d.text.len());
        assert!(d.text.is_char_boundary(p.span.start) && d.text.is_char_boundary(p.span.end));
        for s in &p.sentences {
            assert!(p.span.contains(*s));
            assert!(d.text.is_char_boundary(s.start) && d.text.is_char_boundary(s.end));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn the_core_holds_on_awkward_text(a in awkward_text(), b in awkward_text(), width in 2usize..50) {
        let c = Comparison::new(doc("a", &a), Some(doc("b", &b)));
        check_spans(&c.left);
        check_spans(c.right.as_ref().unwrap());
        for (side, d) in [(true, &c.left), (false, c.right.as_ref().unwrap())] {
            for m in c.people.mentions(side) {
                prop_assert!(d.text.is_char_boundary(m.span.start) && d.text.is_char_boundary(m.span.end));
            }
        }
        for f in &c.findings {
            if let Some(s) = f.left { prop_assert!(c.left.text.get(s.start..s.end).is_some()); }
            if let Some(s) = f.right { prop_assert!(c.right.as_ref().unwrap().text.get(s.start..s.end).is_some()); }
        }
        // Deterministic: the same pair gives the same answer.
        let again = Comparison::new(doc("a", &a), Some(doc("b", &b)));
        prop_assert_eq!(&c.links, &again.links);
        prop_assert_eq!(&c.rows, &again.rows);
        prop_assert_eq!(&c.differences, &again.differences);
        prop_assert_eq!(&c.findings, &again.findings);

        // Every non-blank byte of every paragraph is on exactly one laid-out line.
        let layout = Layout::new(&c, width, false);
        for (left, d) in [(true, &c.left), (false, c.right.as_ref().unwrap())] {
            let mut seen = vec![0u8; d.text.len()];
            for vl in &layout.lines {
                if let Some(seg) = if left { vl.left } else { vl.right } {
                    prop_assert!(d.paragraphs[seg.para].span.contains(seg.span));
                    seen[seg.span.start..seg.span.end].iter_mut().for_each(|n| *n += 1);
                }
            }
            for p in &d.paragraphs {
                for (i, ch) in d.text[p.span.start..p.span.end].char_indices() {
                    let at = p.span.start + i;
                    if !ch.is_whitespace() {
                        prop_assert_eq!(seen[at], 1, "byte {} ({:?}) of {:?}", at, ch, d.text);
                    }
                }
            }
        }

        // Printed side by side: nothing that drives a terminal.
        let mut out = Vec::new();
        write_text(&c, TextOptions { width: 40 + width as u16, only_changes: false, color: true }, &mut out).unwrap();
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
