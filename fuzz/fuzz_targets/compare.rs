//! Fuzzes the whole core on arbitrary bytes: decoding (UTF-8, UTF-16, Windows-1252), web-page
//! extraction, parsing, alignment, word differences, people and findings, the layout, the
//! side-by-side text and the JSON and HTML reports. The first byte picks where the input is
//! cut into the two versions and the width to lay them out at.
//!
//! Run: `cargo +nightly fuzz run compare -- -max_len=4096` (see README.md).
#![no_main]

use libfuzzer_sys::fuzz_target;
use redline::comparison::Comparison;
use redline::input::from_bytes;
use redline::layout::Layout;
use redline::ui::print::{write_text, TextOptions};

fuzz_target!(|data: &[u8]| {
    let Some((&knob, rest)) = data.split_first() else { return };
    let cut = rest.len() * usize::from(knob) / 255;
    let (a, b) = rest.split_at(cut);
    let (Ok(a), Ok(b)) = (from_bytes("a", a), from_bytes("b", b)) else { return };
    let c = Comparison::from_sources(a, Some(b));
    if let Err(e) = redline::check::comparison(&c) {
        panic!("{e}");
    }
    let width = 2 + usize::from(knob % 64);
    let layout = Layout::new(&c, width, knob % 2 == 1);
    if let Err(e) = redline::check::layout(&c, &layout) {
        panic!("{e}");
    }
    let mut out = Vec::new();
    let options = TextOptions { width: 40 + u16::from(knob % 80), only_changes: knob % 3 == 0, color: true };
    write_text(&c, options, &mut out).expect("writing to a Vec");
    let printed = String::from_utf8(out).expect("--text prints UTF-8");
    // Only SGR sequences and newlines may drive the terminal.
    for part in printed.split('\u{1b}').skip(1) {
        assert!(part.starts_with('['), "a non-SGR escape: {part:?}");
        let end = part.find('m').expect("SGR ends in m");
        assert!(part[1..end].bytes().all(|b| b.is_ascii_digit() || b == b';'), "{part:?}");
    }
    let dangerous = |ch: char| {
        (ch.is_control() && ch != '\n' && ch != '\u{1b}') || matches!(ch, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    assert!(!printed.chars().any(dangerous), "printed a control or bidi character");
    let json = redline::report::to_json(&c);
    assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
    let html = redline::html::report(&c);
    assert!(!html.contains("<script"));
});
