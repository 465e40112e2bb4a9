//! Shared helpers for the integration tests: the bundled pair and its gold answer key.
#![allow(dead_code)] // each test binary uses a different subset

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
