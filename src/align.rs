//! Paragraph alignment: links between paragraphs that share content, and the rows of the
//! side-by-side view built from them.

use crate::comparison::{Link, Row, RowStatus};
use crate::document::{Document, Kind};

/// The result of aligning two documents.
#[derive(Debug, Clone, Default)]
pub struct Alignment {
    pub links: Vec<Link>,
    pub rows: Vec<Row>,
    pub similarity: f64,
}

/// One document alone: a row a paragraph.
pub fn single(doc: &Document) -> Alignment {
    let rows = (0..doc.paragraphs.len())
        .map(|i| Row {
            left: vec![i],
            right: vec![],
            status: if doc.paragraphs[i].kind == Kind::Furniture {
                RowStatus::Furniture
            } else {
                RowStatus::Same
            },
        })
        .collect();
    Alignment { links: vec![], rows, similarity: 0.0 }
}

/// Aligns two documents. (Positional for now: the n-th content paragraph of each side.)
pub fn align(left: &Document, right: &Document) -> Alignment {
    let content = |d: &Document| -> Vec<usize> {
        (0..d.paragraphs.len()).filter(|&i| d.paragraphs[i].kind != Kind::Furniture).collect()
    };
    let (l, r) = (content(left), content(right));
    let mut links: Vec<Link> =
        l.iter().zip(&r).map(|(&a, &b)| Link { left: a, right: b, score: 1.0, moved: false }).collect();
    let rows = rows_from_links(left, right, &mut links);
    Alignment { links, rows, similarity: 0.0 }
}

/// Builds rows from links: the heaviest chain of links in reading order on both sides forms
/// the aligned rows; links off that chain are marked `moved`; paragraphs between rows stand
/// alone as omitted, added, moved or furniture rows.
pub fn rows_from_links(left: &Document, right: &Document, links: &mut [Link]) -> Vec<Row> {
    links.sort_by_key(|k| (k.left, k.right));
    let chain = heaviest_chain(links);
    for (i, link) in links.iter_mut().enumerate() {
        link.moved = !chain.contains(&i);
    }
    // Group chain links into components: consecutive links that share a paragraph.
    let mut groups: Vec<(usize, usize, usize, usize)> = Vec::new(); // (l0, l1, r0, r1) inclusive
    for &i in &chain {
        let Link { left: a, right: b, .. } = links[i];
        match groups.last_mut() {
            Some(g) if g.1 == a || g.3 == b => {
                g.1 = g.1.max(a);
                g.3 = g.3.max(b);
            }
            _ => groups.push((a, a, b, b)),
        }
    }
    let moved_left: Vec<bool> =
        flags(left.paragraphs.len(), links.iter().filter(|k| k.moved).map(|k| k.left));
    let moved_right: Vec<bool> =
        flags(right.paragraphs.len(), links.iter().filter(|k| k.moved).map(|k| k.right));
    let mut rows = Vec::new();
    let (mut li, mut ri) = (0, 0);
    let lone = |rows: &mut Vec<Row>, doc: &Document, i: usize, is_left: bool, moved: bool| {
        let status = if doc.paragraphs[i].kind == Kind::Furniture {
            RowStatus::Furniture
        } else if moved {
            RowStatus::Moved
        } else if is_left {
            RowStatus::Omitted
        } else {
            RowStatus::Added
        };
        let (l, r) = if is_left { (vec![i], vec![]) } else { (vec![], vec![i]) };
        rows.push(Row { left: l, right: r, status });
    };
    for (l0, l1, r0, r1) in groups.into_iter().chain(std::iter::once((
        left.paragraphs.len(),
        left.paragraphs.len(),
        right.paragraphs.len(),
        right.paragraphs.len(),
    ))) {
        while li < l0 {
            lone(&mut rows, left, li, true, moved_left[li]);
            li += 1;
        }
        while ri < r0 {
            lone(&mut rows, right, ri, false, moved_right[ri]);
            ri += 1;
        }
        if l0 >= left.paragraphs.len() && r0 >= right.paragraphs.len() {
            break;
        }
        let l: Vec<usize> = (l0..=l1).collect();
        let r: Vec<usize> = (r0..=r1).collect();
        let same = l.len() == r.len()
            && l.iter()
                .zip(&r)
                .all(|(&a, &b)| normalized(left.para_text(a)) == normalized(right.para_text(b)));
        rows.push(Row { left: l, right: r, status: if same { RowStatus::Same } else { RowStatus::Changed } });
        li = l1 + 1;
        ri = r1 + 1;
    }
    rows
}

fn flags(n: usize, set: impl Iterator<Item = usize>) -> Vec<bool> {
    let mut v = vec![false; n];
    for i in set {
        v[i] = true;
    }
    v
}

/// Text with whitespace runs folded, for "same" checks.
fn normalized(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Indices (into `links`, sorted by (left, right)) of the heaviest chain in which both ends
/// never go backwards and each step advances at least one side.
fn heaviest_chain(links: &[Link]) -> Vec<usize> {
    let n = links.len();
    let mut best = vec![0.0f64; n];
    let mut prev = vec![usize::MAX; n];
    for i in 0..n {
        best[i] = links[i].score;
        for j in 0..i {
            let (a, b) = (links[j], links[i]);
            if a.left <= b.left && a.right <= b.right && best[j] + b.score > best[i] {
                best[i] = best[j] + b.score;
                prev[i] = j;
            }
        }
    }
    let Some(mut at) = (0..n).max_by(|&a, &b| best[a].total_cmp(&best[b])) else {
        return vec![];
    };
    let mut out = vec![at];
    while prev[at] != usize::MAX {
        at = prev[at];
        out.push(at);
    }
    out.reverse();
    out
}
