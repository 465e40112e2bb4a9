//! Alignment in the document's own language: German and French pairs written for these tests
//! (an article and its plain-language rewrite), each with the links a reader would draw.

mod common;

use common::pair as compare;
use redline::comparison::Comparison;
use redline::document::Document;

fn links(c: &Comparison) -> Vec<(usize, usize, bool)> {
    let mut v: Vec<(usize, usize, bool)> = c.links.iter().map(|k| (k.left, k.right, k.moved)).collect();
    v.sort();
    v
}

/// A German council report, one sentence a line, and its rewrite in plain German (Leichte
/// Sprache): sentences split, a definition added, the debt moved to the end, the quotation and
/// the approval step dropped.
#[test]
fn a_german_article_and_its_plain_language_rewrite() {
    let c = compare(include_str!("data/lang/de-original.txt"), include_str!("data/lang/de-einfach.txt"));
    let lang = |d: &Document| d.language.map(redline::language::Language::code);
    assert_eq!((lang(&c.left), lang(c.right.as_ref().unwrap())), (Some("de"), Some("de")));
    assert_eq!(c.left.paragraphs.len(), 11, "one paragraph a line: 'am 1. September' ends no sentence");
    assert_eq!(
        c.left.paragraphs[3].sentences().len(),
        1,
        "'bis zum 1. September' is an ordinal, not a full stop"
    );
    let want = [
        (0, 0, false),
        (0, 2, false),
        (0, 3, false),
        // "1.234,5 Millionen Euro" and "4,2 Prozent" are the same numbers on both sides.
        (1, 4, false),
        (1, 5, false),
        (3, 7, false),
        (4, 8, false),
        (5, 9, false),
        (5, 10, false),
        // The debt moved to the end, split over two sentences: a block that moved.
        (6, 13, true),
        (6, 14, true),
        (8, 11, false),
        (9, 12, false),
    ];
    assert_eq!(links(&c), want);
}

/// A French council report and its simpler rewrite: «…» quotations, elided articles
/// (l'année, d'euros), "1 234,5" with a no-break space, two paragraphs moved, one added.
#[test]
fn a_french_article_and_its_simpler_rewrite() {
    let c = compare(include_str!("data/lang/fr-original.txt"), include_str!("data/lang/fr-reecrit.txt"));
    let lang = |d: &Document| d.language.map(redline::language::Language::code);
    assert_eq!((lang(&c.left), lang(c.right.as_ref().unwrap())), (Some("fr"), Some("fr")));
    let want = [(0, 0, false), (1, 1, false), (3, 3, true), (4, 5, true), (5, 2, false), (6, 4, false)];
    assert_eq!(links(&c), want, "the mayor's quotation (L2) and the added background (R6) stay unlinked");
}

/// The same German text compared with itself in English words would share nothing; a German
/// pair must not be read with the English stemmer and function words (which would keep "die",
/// "und" as content and miss "Schulen" ~ "Schule").
#[test]
fn german_words_are_stemmed_and_weighed_as_german() {
    let c = compare(
        "Die Schulen der Stadt bekommen neue Lehrer und die Dächer werden repariert.",
        "Die Schule bekommt einen neuen Lehrer. Das Dach wird repariert.",
    );
    assert_eq!(c.links.len(), 1, "{:?}", c.links);
    assert!(c.links[0].score > 0.5, "Schulen ~ Schule, Lehrer, Dächer ~ Dach, repariert: {:?}", c.links);
}
