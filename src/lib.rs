//! redline compares two versions of a news article the way a careful reader would:
//! paragraphs aligned by meaning, word-level differences inside aligned paragraphs, and the
//! facts a rewrite changed.
//!
//! The core (`input`, `document`, `align`, `comparison`, `report`) is pure functions over
//! text with no terminal types; the reader (`app`, `keymap`, `ui`) is a ratatui shell over the
//! one hand-off value, [`comparison::Comparison`].
//!
//! ```
//! use redline::{comparison::Comparison, document::Document, input::Source};
//! let left = Document::parse(Source::from_text("a", "The cat sat on the mat.\nIt purred."));
//! let right = Document::parse(Source::from_text("b", "It purred.\nThe cat sat on a mat."));
//! let c = Comparison::new(left, Some(right));
//! assert_eq!(c.left.paragraphs.len(), 2);
//! ```

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod action;
pub mod align;
pub mod app;
pub mod check;
pub mod cli;
pub mod comparison;
pub mod config;
pub mod describe;
pub mod document;
pub mod extract;
pub mod findings;
pub mod git;
pub mod groups;
pub mod history;
pub mod html;
pub mod input;
pub mod keymap;
pub mod language;
pub mod layout;
pub mod links;
pub mod pairs;
pub mod people;
pub mod progress;
pub mod quotes;
pub mod report;
pub mod strmap;
pub mod synth;
pub mod terms;
pub mod text;
pub mod tui;
pub mod ui;
pub mod words;
pub mod wordset;

/// The bundled pair, embedded so the binary works from any directory.
pub mod bundled {
    pub const LEFT_NAME: &str = "source.txt";
    pub const LEFT: &str = include_str!("../assets/source.txt");
    pub const RIGHT_NAME: &str = "rewrite.txt";
    pub const RIGHT: &str = include_str!("../assets/rewrite.txt");
}
