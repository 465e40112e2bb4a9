//! Alignment on small articles written for these tests: paraphrase, merge, split, move,
//! omission, addition, unrelated and same-topic-but-independent texts.

use redline::comparison::{Comparison, RowStatus};
use redline::document::Document;
use redline::input::Source;

fn compare(left: &str, right: &str) -> Comparison {
    Comparison::new(
        Document::parse(Source::from_text("left", left)),
        Some(Document::parse(Source::from_text("right", right))),
    )
}

fn links(c: &Comparison) -> Vec<(usize, usize)> {
    let mut v: Vec<(usize, usize)> = c.links.iter().map(|k| (k.left, k.right)).collect();
    v.sort();
    v
}

const COUNCIL: &str = "\
The city council approved a $4.2 million budget for road repairs on Thursday, ending months of debate.
Mayor Lena Ortiz called the vote a victory for residents of the eastern districts, where potholes have damaged hundreds of cars.
The plan funds resurfacing of 37 streets and new drainage along Mill Creek, which flooded twice last spring.
Opponents argued that the money should have gone to public transit instead.
Councillor Amir Haddad said the bus network had been starved of investment for a decade.
Work is expected to begin in April and finish before the end of next year.";

#[test]
fn paraphrase_merge_split_move_omit_and_add() {
    let rewrite = "\
On Thursday the council signed off on a road repair budget of $4.2 million after months of argument.
Flooding on Mill Creek twice last spring prompted new drainage, and 37 streets will be resurfaced under the plan.
Construction should start in April and be completed before the end of next year.
Mayor Lena Ortiz hailed the decision as a win for eastern district residents whose cars have been damaged by potholes.
Critics said public transit deserved the money; Councillor Amir Haddad argued buses had been starved of investment for ten years.
The state transport agency has not commented on the budget.";
    let c = compare(COUNCIL, rewrite);
    let l = links(&c);
    assert!(l.contains(&(0, 0)), "paraphrase: {l:?}");
    assert!(l.contains(&(1, 3)), "moved paragraph: {l:?}");
    assert!(l.contains(&(2, 1)), "{l:?}");
    assert!(l.contains(&(3, 4)) && l.contains(&(4, 4)), "merge of two paragraphs into one: {l:?}");
    assert!(l.contains(&(5, 2)), "{l:?}");
    assert!(!l.iter().any(|&(_, r)| r == 5), "the added paragraph links nowhere: {l:?}");
    assert!(c.links.iter().any(|k| k.moved), "reordered content shows as moved");
    assert!(c.rows.iter().any(|r| r.status == RowStatus::Added && r.right == [5]));
    assert_eq!(l.len(), 6, "no extra links: {l:?}");
}

#[test]
fn a_paragraph_split_into_a_list_links_every_item() {
    let left = "\
The union listed its demands after the talks collapsed: a pay rise of 6 percent, a shorter working week and the reinstatement of two dismissed drivers.
The company said it would respond next week.";
    let right = "\
After the talks broke down, the union set out what it wants:
- A 6 percent pay rise
- A shorter working week
- Two sacked drivers reinstated
The company promised an answer next week.";
    let c = compare(left, right);
    let l = links(&c);
    for item in 0..4 {
        assert!(l.contains(&(0, item)), "split piece {item} links to the source paragraph: {l:?}");
    }
    assert!(l.contains(&(1, 4)), "{l:?}");
    assert_eq!(l.len(), 5, "{l:?}");
}

#[test]
fn unrelated_texts_get_no_links() {
    let sport = "\
The visitors scored twice in the final ten minutes to snatch a 2-1 win at the stadium.
Their goalkeeper saved a penalty early in the second half.
The manager praised the fans who travelled for the midweek match.";
    let c = compare(COUNCIL, sport);
    assert!(c.links.is_empty(), "{:?}", c.links);
    assert!(c.summary.similarity < 0.05, "{}", c.summary.similarity);
    assert!(c.rows.iter().all(|r| matches!(r.status, RowStatus::Omitted | RowStatus::Added)));
}

#[test]
fn a_rewrite_is_more_similar_than_an_independent_story_on_the_same_topic() {
    let rewrite = "\
Councillors on Thursday backed a $4.2 million plan to repair roads, closing a debate that lasted months.
Mayor Lena Ortiz said residents of the eastern districts, whose cars have been damaged by potholes, had won.
Opponents said the money belonged to public transit.";
    let independent = "\
A neighbouring town voted on Monday to raise parking fees to pay for road maintenance.
Its mayor said drivers would see fewer potholes within two years.
Transit campaigners there welcomed a separate plan for more buses.";
    let r = compare(COUNCIL, rewrite).summary.similarity;
    let i = compare(COUNCIL, independent).summary.similarity;
    assert!(r > 0.3, "rewrite similarity {r}");
    assert!(i < 0.1, "independent similarity {i}");
}

#[test]
fn identical_texts_align_one_to_one_as_same() {
    let c = compare(COUNCIL, COUNCIL);
    assert_eq!(links(&c), (0..6).map(|i| (i, i)).collect::<Vec<_>>());
    assert!(c.rows.iter().all(|r| r.status == RowStatus::Same && r.left.len() == 1 && r.right.len() == 1));
    assert!((c.summary.similarity - 1.0).abs() < 1e-9, "{}", c.summary.similarity);
}

#[test]
fn reversed_paragraphs_keep_one_chain_and_mark_the_rest_moved() {
    let reversed: Vec<&str> = COUNCIL.lines().rev().collect();
    let c = compare(COUNCIL, &reversed.join("\n"));
    assert_eq!(c.links.len(), 6, "{:?}", c.links);
    assert_eq!(c.links.iter().filter(|k| !k.moved).count(), 1, "only one link can be in order");
    let moved_rows = c.rows.iter().filter(|r| r.status == RowStatus::Moved).count();
    assert_eq!(moved_rows, 10, "five moved paragraphs a side: {:?}", c.rows);
}

#[test]
fn alignment_is_deterministic() {
    let a = compare(COUNCIL, &COUNCIL.replace("Thursday", "Friday"));
    let b = compare(COUNCIL, &COUNCIL.replace("Thursday", "Friday"));
    assert_eq!(a.links, b.links);
    assert_eq!(a.rows, b.rows);
}

#[test]
fn generated_rewrite_with_moves_drops_and_inserts_is_linked_accurately() {
    let (a, b, truth) = redline::synth::pair_with_truth(3, 1500);
    let c = compare(&a, &b);
    let want: std::collections::HashSet<(usize, usize)> =
        truth.iter().enumerate().filter_map(|(r, l)| l.map(|l| (l, r))).collect();
    let got: std::collections::HashSet<(usize, usize)> = c.links.iter().map(|k| (k.left, k.right)).collect();
    let tp = got.intersection(&want).count() as f64;
    let (p, r) = (tp / got.len() as f64, tp / want.len() as f64);
    println!("generated 1500-paragraph pair: precision {p:.4} recall {r:.4}");
    assert!(p > 0.97 && r > 0.98, "precision {p}, recall {r}");
    let moved_truth = truth.windows(2).filter(|w| matches!(w, [Some(x), Some(y)] if y < x)).count();
    assert!(moved_truth > 0 && c.links.iter().any(|k| k.moved));
}
