//! The document model on the bundled pair, checked against the hand-made gold file.

mod common;

use common::{bundled_pair, find_para, gold, strings};
use redline::document::{Document, Kind};
use std::collections::BTreeSet;

fn kinds_named(doc: &Document, kind: Kind) -> BTreeSet<usize> {
    (0..doc.paragraphs.len()).filter(|&i| doc.paragraphs[i].kind == kind).collect()
}

#[test]
fn headings_and_furniture_match_the_gold_file() {
    let c = bundled_pair();
    let g = gold();
    for (side, doc) in [("left", &c.left), ("right", c.right.as_ref().unwrap())] {
        for (kind, key) in [(Kind::Heading, "headings"), (Kind::Furniture, "furniture")] {
            let want: BTreeSet<usize> = strings(&g[key][side]).iter().map(|n| find_para(doc, n)).collect();
            assert_eq!(kinds_named(doc, kind), want, "{side} {key}");
        }
    }
}

#[test]
fn bundled_paragraphs_are_the_non_blank_lines() {
    let c = bundled_pair();
    for doc in [&c.left, c.right.as_ref().unwrap()] {
        let lines: Vec<&str> = doc.text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        let paras: Vec<&str> = (0..doc.paragraphs.len()).map(|i| doc.para_text(i)).collect();
        assert_eq!(paras, lines);
        for p in &doc.paragraphs {
            assert_eq!(&doc.text[p.span.start..p.span.end], doc.slice(p.span));
            assert!(!p.sentences().is_empty());
        }
    }
    let right = c.right.as_ref().unwrap();
    let items = kinds_named(right, Kind::ListItem);
    assert_eq!(items.len(), 3, "the three bulleted demands");
}

#[test]
fn sentences_of_the_bundled_source() {
    let c = bundled_pair();
    let last = c.left.paragraphs.last().unwrap();
    let s: Vec<&str> = last.sentences().iter().map(|&sp| c.left.slice(sp)).collect();
    assert_eq!(
        s,
        [
            "U.S. officials say more than 1.2 million men have been killed or wounded in the war.",
            "Neither Ukraine nor Russia reveal their losses."
        ]
    );
    let putin = find_para(&c.left, "Putin has repeatedly said");
    assert_eq!(
        c.left.paragraphs[putin].sentences().len(),
        1,
        "the closing quote after the full stop ends the sentence"
    );
}

#[test]
fn bundled_assets_are_the_shared_articles() {
    // The shared folder sits beside the repository on developer machines and in CI.
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if !shared.exists() {
        return;
    }
    for (asset, text) in [("source.txt", redline::bundled::LEFT), ("rewrite.txt", redline::bundled::RIGHT)] {
        let original = std::fs::read_to_string(shared.join("articles").join(asset)).unwrap();
        assert_eq!(original, text, "assets/{asset} must be a byte-identical copy");
    }
    let gold = std::fs::read_to_string(shared.join("gold/pair-alignment.json")).unwrap();
    assert_eq!(gold, include_str!("data/pair-alignment.json"), "tests/data gold copy is stale");
}
