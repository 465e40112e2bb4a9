//! Alignment on small articles written for these tests: paraphrase, merge, split, move,
//! omission, addition, unrelated and same-topic-but-independent texts.

use redline::comparison::{Comparison, Paras, RowStatus};
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
    assert!(c.rows.iter().any(|r| r.status == RowStatus::Added && r.right == Paras::one(5)));
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

// ---------------------------------------------------------------- false links that real
// rewrites provoke: each kind the held-out English rewrites showed, written small.

/// A story whose protagonist and topic run through every paragraph.
const SURVEILLANCE: &str = "\
The National Security Agency collected the phone records of millions of Americans, documents published on Thursday show.
The programme began in 2006 under a secret court order that is renewed every 90 days.
Senator Ron Wyden, who sits on the intelligence committee, said he had warned about the practice for years.
Officials defended the collection, saying it had helped disrupt more than 50 plots.
Civil liberties groups filed a lawsuit in New York on Friday, arguing that the programme violates the constitution.
The agency declined to say how long the records are kept.";

#[test]
fn a_paragraph_sharing_only_topic_words_with_a_far_one_is_not_a_move() {
    // The rewrite drops the officials' defence (L3) and adds critics' doubts at the end: the
    // two share topic words ("collection", "plots"), not information.
    let rewrite = "\
Documents published on Thursday show that the National Security Agency gathered phone records of millions of Americans.
A secret court order renewed every 90 days has allowed the programme since 2006.
Senator Ron Wyden of the intelligence committee said he had raised the alarm for years.
Civil liberties groups sued in New York on Friday, saying the programme breaks the constitution.
The agency would not say how long it keeps the records.
Critics say the collection has never been shown to stop a single plot.";
    let c = compare(SURVEILLANCE, rewrite);
    assert_eq!(links(&c), [(0, 0), (1, 1), (2, 2), (4, 3), (5, 4)]);
    assert!(!c.links.iter().any(|k| k.moved), "{:?}", c.links);
}

#[test]
fn an_added_background_paragraph_naming_the_protagonist_stays_unlinked() {
    let left = "\
The National Security Agency collected the phone records of millions of Americans, documents leaked by Edward Snowden show.
The programme began in 2006 under a secret court order that is renewed every 90 days.
Senator Ron Wyden said he had warned about the practice for years, before Snowden went public.
Officials defended the collection, saying it had helped disrupt more than 50 plots.
Snowden's lawyer said his client had acted in the public interest and would not return to the United States.
The agency declined to say how long the records are kept.";
    let rewrite = "\
The National Security Agency has collected phone records of millions of Americans, according to leaked documents.
The programme started in 2006 under a secret court order renewed every 90 days.
Senator Ron Wyden said he had warned about it for years.
Officials said the collection had helped disrupt more than 50 plots.
The agency would not say how long the records are kept.
The documents were leaked by Edward Snowden, a former contractor who fled to Hong Kong and then to Moscow, where Snowden still lives.";
    let c = compare(left, rewrite);
    let l = links(&c);
    assert!(!l.iter().any(|&(_, r)| r == 5), "the added background paragraph: {l:?}");
    assert_eq!(l, [(0, 0), (1, 1), (2, 2), (3, 3), (5, 4)]);
}

#[test]
fn a_speaker_line_alone_is_not_shared_content() {
    let left = "\
“We have won half of what we asked for, and we will keep going,” said Alan Strickland, a Haringey councillor.
The mural was removed from the wall of a shop in Wood Green in February and shipped to Miami.
“It belongs to the people of this street, not to a collector,” said a resident, Maria Lopez.";
    let right = "\
The mural was taken from a shop wall in Wood Green in February and sent to Miami.
“It is a real victory for the community and a message to the art market,” said Alan Strickland, a Haringey councillor.
A resident, Maria Lopez, said the work belonged to the street rather than to a collector.";
    let c = compare(left, right);
    let l = links(&c);
    assert!(l.contains(&(1, 0)) && l.contains(&(2, 2)), "{l:?}");
    assert!(!l.contains(&(0, 1)), "two different quotations share only their speaker: {l:?}");
}

#[test]
fn markdown_subheadings_link_only_to_headings() {
    let left = "\
# Birds Return To The Marshes

The number of cranes nesting in the eastern marshes has doubled in five years, a survey found.

## Bird Radar And Traps

Researchers fitted radar at three sites and counted birds passing at night.

Illegal traps were found near two of the sites, and police opened an investigation.";
    let right = "\
Birds Return To The Marshes
===========================

A survey found that twice as many cranes now nest in the eastern marshes as five years ago.

## Radar And Traps

Radar at three sites counted the birds that passed at night, researchers said.

Police are investigating illegal traps found near two of the sites where bird radar was installed.";
    let c = compare(left, right);
    let r = c.right.as_ref().unwrap();
    let (lk, rk) = (|i: usize| c.left.paragraphs[i].kind, |i: usize| r.paragraphs[i].kind);
    use redline::document::Kind;
    assert_eq!(lk(0), Kind::Heading);
    assert_eq!(lk(2), Kind::Heading);
    assert_eq!((rk(0), rk(1), rk(3)), (Kind::Heading, Kind::Furniture, Kind::Heading));
    for k in &c.links {
        assert_eq!(
            lk(k.left) == Kind::Heading,
            rk(k.right) == Kind::Heading,
            "heading linked to body: {k:?}"
        );
    }
    let l = links(&c);
    for want in [(0, 0), (1, 2), (2, 3), (3, 4), (4, 5)] {
        assert!(l.contains(&want), "{want:?} missing: {l:?}");
    }
}
