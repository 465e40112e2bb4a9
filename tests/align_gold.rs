//! Alignment of the bundled pair against the gold links: F1 over required links, with the
//! optional links neither rewarded nor penalised.

mod common;

use common::{bundled_pair, find_para, gold, strings};
use redline::comparison::{Comparison, RowStatus};
use std::collections::BTreeSet;

type Pairs = BTreeSet<(usize, usize)>;

fn gold_links(c: &Comparison, key: &str) -> Pairs {
    let right = c.right.as_ref().unwrap();
    gold()[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (find_para(&c.left, l["left"].as_str().unwrap()), find_para(right, l["right"].as_str().unwrap()))
        })
        .collect()
}

/// (precision, recall, f1, false positives, misses)
fn score(c: &Comparison) -> (f64, f64, f64, Pairs, Pairs) {
    let required = gold_links(c, "required_links");
    let optional = gold_links(c, "optional_links");
    let got: Pairs = c.links.iter().map(|k| (k.left, k.right)).filter(|p| !optional.contains(p)).collect();
    let tp = got.intersection(&required).count() as f64;
    let p = if got.is_empty() { 0.0 } else { tp / got.len() as f64 };
    let r = tp / required.len() as f64;
    let f1 = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    let fp = got.difference(&required).copied().collect();
    let missed = required.difference(&got).copied().collect();
    (p, r, f1, fp, missed)
}

fn describe(c: &Comparison, pairs: &Pairs) -> Vec<String> {
    let right = c.right.as_ref().unwrap();
    pairs
        .iter()
        .map(|&(l, r)| {
            let cut = |s: &str| s.chars().take(40).collect::<String>();
            format!("L{l} {:?} ~ R{r} {:?}", cut(c.left.para_text(l)), cut(right.para_text(r)))
        })
        .collect()
}

#[test]
fn bundled_pair_link_f1_is_at_least_0_95() {
    let c = bundled_pair();
    let (p, r, f1, fp, missed) = score(&c);
    println!("links: precision {p:.3} recall {r:.3} F1 {f1:.3}");
    println!("false links: {:#?}", describe(&c, &fp));
    println!("missed links: {:#?}", describe(&c, &missed));
    assert!(
        f1 >= 0.95,
        "F1 {f1:.3} (P {p:.3}, R {r:.3}); false {:?}; missed {:?}",
        describe(&c, &fp),
        describe(&c, &missed)
    );
}

#[test]
fn unmatched_and_furniture_paragraphs_get_no_links() {
    let c = bundled_pair();
    let g = gold();
    let right = c.right.as_ref().unwrap();
    for (side, doc) in [("left", &c.left), ("right", right)] {
        for key in ["unmatched", "furniture"] {
            for name in strings(&g[key][side]) {
                let i = find_para(doc, &name);
                let linked = c.links.iter().any(|k| if side == "left" { k.left == i } else { k.right == i });
                assert!(!linked, "{side} {key} paragraph {name:?} was linked");
            }
        }
    }
    // Furniture rows stay out of the differences.
    for row in &c.rows {
        let all_furniture =
            row.left.iter().all(|i| c.left.paragraphs[i].kind == redline::document::Kind::Furniture)
                && row.right.iter().all(|i| right.paragraphs[i].kind == redline::document::Kind::Furniture);
        assert_eq!(all_furniture, row.status == RowStatus::Furniture, "{row:?}");
    }
}

#[test]
fn the_zelenskyy_merge_is_shown_as_a_move() {
    // The rewrite joins the "biggest challenge" paragraph with the Paris-talks paragraph five
    // paragraphs later; one of the two links must run against the reading order.
    let c = bundled_pair();
    let right = c.right.as_ref().unwrap();
    let a = find_para(&c.left, "However, President Volodymyr Zelenskyy said Monday");
    let b = find_para(&c.left, "Following talks in Paris with European");
    let z = find_para(right, "President Volodymyr Zelenskyy stressed that maintaining");
    let la = c.links.iter().find(|k| k.left == a && k.right == z).expect("biggest-challenge link");
    let lb = c.links.iter().find(|k| k.left == b && k.right == z).expect("Paris-talks link");
    assert!(la.moved != lb.moved, "exactly one of the two links is out of order: {la:?} {lb:?}");
    assert!(c.rows.iter().any(|r| r.status == RowStatus::Moved));
}

#[test]
fn similarity_is_between_bounds() {
    let c = bundled_pair();
    let s = c.summary.similarity;
    println!("similarity {s}");
    assert!(s > 0.3 && s < 0.9, "{s}");
}
