//! Shared helpers for the integration tests: the bundled pair and its gold answer key, a pair
//! from two strings, and the reader drawn into a TestBackend.
#![allow(dead_code)] // each test binary uses a different subset

use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::Terminal;
use redline::app::App;
use redline::bundled;
use redline::comparison::Comparison;
use redline::document::Document;
use redline::input::Source;
use serde_json::Value;

pub fn bundled_pair() -> Comparison {
    Comparison::new(
        Document::parse(Source::from_text(bundled::LEFT_NAME, bundled::LEFT)),
        Some(Document::parse(Source::from_text(bundled::RIGHT_NAME, bundled::RIGHT))),
    )
}

/// A comparison of two texts, named "a" and "b".
pub fn pair(a: &str, b: &str) -> Comparison {
    Comparison::new(
        Document::parse(Source::from_text("a", a)),
        Some(Document::parse(Source::from_text("b", b))),
    )
}

/// The reader drawn at its own size into a TestBackend.
pub fn draw(app: &App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(app.geometry.width, app.geometry.height)).unwrap();
    terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
    terminal.backend().buffer().clone()
}

/// Each row of a drawn screen as text, a cell's symbol at a time.
pub fn screen_text(buf: &Buffer) -> Vec<String> {
    (0..buf.area.height).map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect()).collect()
}

/// The gold file, as copied into tests/data (a test checks the copy against shared/).
pub fn gold() -> Value {
    serde_json::from_str(include_str!("../data/pair-alignment.json")).expect("gold file parses")
}

/// The one paragraph whose text starts with the gold file's name for it.
pub fn find_para(doc: &Document, name: &str) -> usize {
    let hits: Vec<usize> =
        (0..doc.paragraphs.len()).filter(|&i| doc.para_text(i).starts_with(name)).collect();
    assert_eq!(hits.len(), 1, "gold name {name:?} should name exactly one paragraph, got {hits:?}");
    hits[0]
}

pub fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| a.iter().filter_map(|s| s.as_str().map(str::to_string)).collect())
        .unwrap_or_default()
}
