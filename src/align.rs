//! Paragraph alignment: links between paragraphs that share content, and the rows of the
//! side-by-side view built from them.

use crate::document::{Document, Kind};
use crate::groups::Groups;
use crate::links::{Link, Paras, Row, RowStatus};
use crate::pairs::PairIndex;
use crate::progress::Progress;
use crate::terms::{TermModel, Unit, Units, WordReader};
use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::atomic::Ordering;

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
            left: Paras::one(i),
            right: Paras::new(),
            status: if doc.paragraphs[i].kind == Kind::Furniture {
                RowStatus::Furniture
            } else {
                RowStatus::Same
            },
        })
        .collect();
    Alignment { links: vec![], rows, similarity: 0.0 }
}

/// A sentence's best counterpart must score at least this to be called the same content.
pub const LINK_THRESHOLD: f32 = 0.2;
/// Below this a pair's own score is too weak for its neighbours to lift it to a link.
const RAW_FLOOR: f32 = 0.15;
/// How much a sentence pair's score may grow from a strong neighbouring pair (0..1).
const CONTEXT_WEIGHT: f32 = 0.3;
/// A further counterpart (a split or merge) must explain this share of what is left of the
/// sentence once the better counterparts are taken away.
const FURTHER_SHARE: f32 = 0.25;
/// A pair one side chose is dropped when, for the other side, it explains less than this
/// share of content beyond that side's better counterparts.
const VETO_SHARE: f32 = 0.1;
/// Candidate pairs kept per sentence, each way.
const CANDIDATES: usize = 12;
/// Terms in more units than this are too common to propose candidates (they still score).
const RARE_DF: u32 = 64;

/// Candidate sentence pairs (left unit, right unit) and their scores, by pair.
struct Scores {
    pairs: PairIndex,
    score: Vec<f32>,
}

impl Scores {
    /// Pair (`i`, `j`)'s score, if it is a candidate.
    fn get(&self, i: usize, j: usize) -> Option<f32> {
        self.pairs.find(i, j).map(|k| self.score[k])
    }
}

/// A candidate pair strong enough to be judged: its units, its score lifted by its neighbours,
/// and its own score.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    left: usize,
    right: usize,
    score: f32,
    own: f32,
}

/// Aligns two documents by meaning. Sentences are scored against likely counterparts (with
/// a lift from strong neighbouring pairs); each sentence links to its best counterpart when
/// that shares enough content, and to further ones while they explain a good part of what
/// the better ones left unexplained (merges and splits). Paragraph links follow.
pub fn align(left: &Document, right: &Document) -> Alignment {
    align_with(left, right, &Progress::default())
}

/// [`align`], counting scored sentences in `progress` as it goes.
pub fn align_with(left: &Document, right: &Document, progress: &Progress) -> Alignment {
    align_reading::<()>(left, right, progress).0
}

/// [`align_with`], with a reader of each document's words (left, right) handed them as the
/// term model scans them ([`TermModel::build_reading`]).
pub fn align_reading<R: WordReader>(
    left: &Document,
    right: &Document,
    progress: &Progress,
) -> (Alignment, [R; 2]) {
    let (model, readers) = TermModel::build_reading::<R>(left, right);
    progress.sentences.store(model.left.len() + model.right.len(), Ordering::Relaxed);
    // The sentence pairs' scores and verdicts are needed only for the evidence: dropped once it
    // is gathered, before the links are weighed (a million-line pair holds hundreds of MB so).
    let evidence = gather_evidence(&model, progress);
    let mut links: Vec<Link> = evidence
        .iter()
        .map(|(&(l, r), e)| Link { left: l, right: r, score: round3(e.best), moved: false })
        .collect();
    links.sort_by_key(|k| (k.left, k.right));
    // The reading-order chain carries the most content: each link weighs its score times the
    // share of the two paragraphs its sentence pairs cover, so a link that is the whole of
    // both paragraphs outweighs a one-sentence echo.
    // (Each paragraph's weight, `None` for one without sentences, by paragraph.)
    let para_weight = |units: &Units, n: usize| {
        let mut w: Vec<Option<f32>> = vec![None; n];
        for u in units.iter() {
            *w[u.para()].get_or_insert(0.0) += u.weight;
        }
        w
    };
    let weights: Vec<f64> = {
        let left_weight = para_weight(&model.left, left.paragraphs.len());
        let right_weight = para_weight(&model.right, right.paragraphs.len());
        links
            .iter()
            .map(|k| {
                let e = &evidence[&(k.left, k.right)];
                let (l, r) = e.covered(&model);
                let cover = |covered: f32, total: Option<f32>| {
                    (covered / total.unwrap_or(1.0).max(f32::EPSILON)).min(1.0)
                };
                let share = 0.5 * (cover(l, left_weight[k.left]) + cover(r, right_weight[k.right]));
                f64::from(e.best * share.max(0.05))
            })
            .collect()
    };
    let chain = heaviest_chain(&links, &weights);
    let mut on_chain = vec![false; links.len()];
    for &i in &chain {
        on_chain[i] = true;
    }
    // A link off the chain claims the content moved: it has to stand on its own evidence, not
    // on the cheap agreement an in-order neighbour gets.
    let mut kept = Vec::with_capacity(links.len());
    let mut doubtful = Vec::new();
    for (i, mut link) in links.into_iter().enumerate() {
        link.moved = !on_chain[i];
        if on_chain[i] || evidence[&(link.left, link.right)].proves_a_move(&model) {
            kept.push(link);
        } else {
            doubtful.push(link);
        }
    }
    // Content moves in blocks: next to a proven move (a paragraph away on each side at most),
    // a link with half a move's evidence is the rest of the block.
    doubtful.retain(|d| evidence[&(d.left, d.right)].total() >= MOVE_SCORE / 2.0);
    drop(evidence);
    let mut moves: HashSet<(usize, usize)> =
        kept.iter().filter(|k| k.moved).map(|k| (k.left, k.right)).collect();
    loop {
        let near_a_move = |d: &Link| {
            (d.left.saturating_sub(1)..=d.left + 1)
                .any(|l| (d.right.saturating_sub(1)..=d.right + 1).any(|r| moves.contains(&(l, r))))
        };
        let (near, far): (Vec<Link>, Vec<Link>) = doubtful.into_iter().partition(near_a_move);
        doubtful = far;
        if near.is_empty() {
            break;
        }
        moves.extend(near.iter().map(|k| (k.left, k.right)));
        kept.extend(near);
    }
    let mut links = kept;
    fill_gaps(&model, &mut links);
    links.sort_by_key(|k| (k.left, k.right));
    // The term model goes before the rows are made: a million-line pair holds about as much in
    // each, and making the rows is cheap (a few milliseconds where the sentences are many).
    let similarity = shared_content(&model, &links);
    drop(model);
    let rows = rows_from_sorted(left, right, &links);
    (Alignment { links, rows, similarity: round3(similarity) }, readers)
}

/// The agreed sentence pairs of each paragraph pair: every candidate pair scored, lifted by
/// its neighbours, and judged from both sides.
fn gather_evidence(model: &TermModel, progress: &Progress) -> HashMap<(usize, usize), Evidence> {
    let (raw, list_pairs) = with_list_scores(model, candidate_scores(model, progress));
    let lifted = with_context(&raw);
    // The pairs strong enough to be judged, by pair, and each unit's, both ways (a million-line
    // pair has millions of units, most with no candidate at all).
    let kept: Vec<Candidate> = raw
        .pairs
        .iter()
        .zip(raw.score.iter().zip(lifted))
        .filter(|&((i, j), (&own, score))| {
            own >= RAW_FLOOR
                && score >= LINK_THRESHOLD
                && !model.only_attribution(&model.left.get(i), &model.right.get(j))
        })
        .map(|((left, right), (&own, score))| Candidate { left, right, score, own })
        .collect();
    drop(raw);
    let by_left = Groups::new(model.left.len(), kept.iter().enumerate().map(|(k, c)| (c.left, k)));
    let by_right = Groups::new(model.right.len(), kept.iter().enumerate().map(|(k, c)| (c.right, k)));
    // Paragraph pairs that two or more sentence pairs tie together: hardly a coincidence.
    let mut support: HashMap<(usize, usize), u32> = HashMap::default();
    for c in &kept {
        *support.entry((model.left.get(c.left).para(), model.right.get(c.right).para())).or_insert(0) += 1;
    }
    let (from_left, from_right) = rayon::join(
        || verdicts(model, &kept, &by_left, &model.left, &model.right, |c| c.right),
        || verdicts(model, &kept, &by_right, &model.right, &model.left, |c| c.left),
    );
    // The pairs both sides agree on, judged on all cores, in pair order (each paragraph pair's
    // evidence adds them up in that order).
    let agreed: Vec<_> = (0..kept.len())
        .into_par_iter()
        .with_min_len(PAIRS_PER_TASK)
        .filter_map(|k| {
            let (c, a, b) = (&kept[k], &from_left[k], &from_right[k]);
            // Chosen by one side, and not redundant for the other: a pair whose shared words the
            // other sentence's better counterparts already explain is a coincidence.
            let (i, j) = (model.left.get(c.left), model.right.get(c.right));
            let paras = (i.para(), j.para());
            let corroborated =
                support.get(&paras).is_some_and(|&n| n >= 2) || list_pairs.contains(&(c.left, c.right));
            let agreed = (a.chosen || b.chosen)
                && (corroborated || (a.chosen || a.gain >= VETO_SHARE) && (b.chosen || b.gain >= VETO_SHARE));
            agreed.then(|| (paras, c, a.score.min(1.0), model.shared_content(&i, &j)))
        })
        .collect();
    let mut evidence: HashMap<(usize, usize), Evidence> = HashMap::default();
    for (paras, c, score, shared) in agreed {
        evidence.entry(paras).or_default().add(c.left, c.right, score, c.own, shared);
    }
    evidence
}

/// A move needs sentence pairs this alike on their own (without the lift from neighbouring
/// pairs), summed over the pairs that tie the two paragraphs together: two and a half times an
/// in-order link's threshold, where one shared name or topic word no longer suffices, and one
/// strong pair or several fair ones do.
const MOVE_SCORE: f32 = 0.5;
/// The content words a sentence pair must share to count towards a move's score at all.
const MOVE_PAIR_WORDS: usize = 3;
/// Or one sentence pair sharing this many distinct content words (names included): a
/// passage retold, not a topic shared.
const MOVE_TERMS: usize = 8;
/// Or a phrase both write word for word with this many content words in it that are not
/// names ([`TermModel::shared_phrase`]): copied wording, not a shared topic or a shared name.
const PHRASE_WORDS: usize = 3;

/// What the sentence pairs linking two paragraphs say for the link.
#[derive(Debug, Clone, Default)]
struct Evidence {
    /// The best pair's score.
    best: f32,
    /// The most content words one pair shares.
    terms: usize,
    /// The agreed sentence pairs (units) and their own scores, without the lift from their
    /// neighbours (a move has to stand on its own).
    pairs: Vec<(usize, usize, f32)>,
}

impl Evidence {
    /// Sentence pair (`i`, `j`), its score, its own score without its neighbours' lift, and
    /// the content words it shares ([`TermModel::shared_content`]).
    fn add(&mut self, i: usize, j: usize, score: f32, own: f32, shared: usize) {
        self.best = self.best.max(score);
        self.terms = self.terms.max(shared);
        // A pair sharing one or two words (a name, a topic word: short sentences score high
        // on little) says nothing about a move, however high its score.
        let own = if shared >= MOVE_PAIR_WORDS { own } else { 0.0 };
        self.pairs.push((i, j, own));
    }

    /// The content weight of the sentences the pairs cover, a side, each sentence once.
    fn covered(&self, model: &TermModel) -> (f32, f32) {
        let (mut l, mut r): (Vec<usize>, Vec<usize>) = self.pairs.iter().map(|&(i, j, _)| (i, j)).unzip();
        let sum = |ids: &mut Vec<usize>, units: &Units| {
            ids.sort_unstable();
            ids.dedup();
            ids.iter().map(|&u| units.get(u).weight).sum::<f32>()
        };
        (sum(&mut l, &model.left), sum(&mut r, &model.right))
    }

    /// The pairs' own scores, summed.
    fn total(&self) -> f32 {
        self.pairs.iter().map(|p| p.2).sum()
    }

    /// Whether the link holds against the reading order. (Only links off the chain are
    /// asked, so the phrase search runs for few pairs.)
    fn proves_a_move(&self, model: &TermModel) -> bool {
        self.total() >= MOVE_SCORE
            || self.terms >= MOVE_TERMS
            || self.pairs.iter().any(|&(i, j, _)| {
                model.shared_phrase(&model.left.get(i), &model.right.get(j)) >= PHRASE_WORDS
            })
    }
}

/// The widest gap between two in-order links, a side, in paragraphs, that is searched whole.
const GAP_MAX: usize = 6;
/// And the most sentence pairs a gap may have (six paragraphs of ten sentences a side), so
/// that the search stays linear in the documents whatever their sentences are like.
const GAP_PAIRS: usize = 3600;

/// Near the diagonal, candidates are cheap: between two consecutive in-order links, where both
/// sides have a few paragraphs linked to nothing (GAP_MAX at most), every sentence pair is
/// scored, including pairs the candidate search never proposed (no rare word in common, as in
/// a heavy rewording). A pair that is the best for both its sentences within the gap, scores
/// LINK_THRESHOLD on its own (no lift from neighbours), shares two content words that are not
/// names (a name and a topic word are not enough) and more than who is speaking, links its
/// paragraphs, in reading order.
fn fill_gaps(model: &TermModel, links: &mut Vec<Link>) {
    let (nl, nr) =
        (model.left.last().map_or(0, |u| u.para() + 1), model.right.last().map_or(0, |u| u.para() + 1));
    let units_of =
        |units: &Units, n: usize| Groups::new(n, units.iter().enumerate().map(|(k, u)| (u.para(), k)));
    let (left_units, right_units) = (units_of(&model.left, nl), units_of(&model.right, nr));
    let linked = |n: usize, side: &dyn Fn(&Link) -> usize| {
        let mut v = vec![false; n];
        for k in links.iter() {
            v[side(k)] = true;
        }
        v
    };
    let (left_linked, right_linked) = (linked(nl, &|k| k.left), linked(nr, &|k| k.right));
    let mut chain: Vec<(isize, isize)> =
        links.iter().filter(|k| !k.moved).map(|k| (k.left as isize, k.right as isize)).collect();
    chain.sort_unstable();
    let mut anchors = vec![(-1isize, -1isize)];
    anchors.extend(chain);
    anchors.push((nl as isize, nr as isize));
    // The gaps are searched in parallel (each reads only the model and the links it started
    // with); their links come back in the gaps' order.
    let gap = |w: &[(isize, isize)]| -> Vec<Link> {
        let ((l0, r0), (l1, r1)) = (w[0], w[1]);
        let free = |from: isize, to: isize, linked: &[bool]| -> Vec<usize> {
            ((from + 1).max(0) as usize..to.max(0) as usize).filter(|&p| !linked[p]).collect()
        };
        if l1 - l0 - 1 > GAP_MAX as isize || r1 - r0 - 1 > GAP_MAX as isize {
            return Vec::new();
        }
        let (gl, gr) = (free(l0, l1, &left_linked), free(r0, r1, &right_linked));
        if gl.is_empty() || gr.is_empty() {
            return Vec::new();
        }
        let (ul, ur): (Vec<usize>, Vec<usize>) = (
            gl.iter().flat_map(|&p| left_units.of(p).iter().copied()).collect(),
            gr.iter().flat_map(|&q| right_units.of(q).iter().copied()).collect(),
        );
        if ul.len() * ur.len() > GAP_PAIRS {
            return Vec::new();
        }
        // Every sentence pair in the gap, and each sentence's best score there.
        let mut pairs = Vec::with_capacity(ul.len() * ur.len());
        let mut best_left: HashMap<usize, f32> = HashMap::default();
        let mut best_right: HashMap<usize, f32> = HashMap::default();
        for &i in &ul {
            for &j in &ur {
                let (a, b) = (&model.left.get(i), &model.right.get(j));
                if (a.kind == Kind::Heading) != (b.kind == Kind::Heading) {
                    continue;
                }
                let s = model.left_right_similarity(i, j);
                pairs.push((i, j, s));
                let bl = best_left.entry(i).or_insert(0.0);
                *bl = bl.max(s);
                let br = best_right.entry(j).or_insert(0.0);
                *br = br.max(s);
            }
        }
        let mut found: HashMap<(usize, usize), f32> = HashMap::default();
        for &(i, j, s) in &pairs {
            let (a, b) = (&model.left.get(i), &model.right.get(j));
            if s >= LINK_THRESHOLD
                && s >= best_left[&i]
                && s >= best_right[&j]
                && model.shared_words_not_names(a, b) >= 2
                && !model.only_attribution(a, b)
            {
                let e = found.entry((a.para(), b.para())).or_insert(0.0);
                *e = e.max(s);
            }
        }
        let mut gap_links: Vec<Link> = found
            .into_iter()
            .map(|((l, r), s)| Link { left: l, right: r, score: round3(s), moved: false })
            .collect();
        gap_links.sort_by_key(|k| (k.left, k.right));
        let weights: Vec<f64> = gap_links.iter().map(|k| k.score).collect();
        heaviest_chain(&gap_links, &weights).into_iter().map(|i| gap_links[i]).collect()
    };
    let added: Vec<Link> = anchors.par_windows(2).flat_map_iter(gap).collect();
    links.extend(added);
}

/// What one sentence makes of a counterpart.
#[derive(Debug, Clone, Copy, Default)]
struct Verdict {
    score: f32,
    /// Linked from this side: the best counterpart, or one explaining enough of the rest.
    chosen: bool,
    /// The share of this sentence's content weight it explains beyond better counterparts.
    gain: f32,
}

/// Runs through a unit's counterparts (`(unit, score)`), best first: the best is chosen, and
/// so is each next one that explains enough of the unit's content weight the chosen ones left
/// unexplained. The verdicts come in the order of `cands`.
fn explaining(model: &TermModel, unit: &Unit, cands: &[(usize, f32)], other: &Units) -> Vec<Verdict> {
    let mut order: Vec<usize> = (0..cands.len()).collect();
    order.sort_by(|&a, &b| cands[b].1.total_cmp(&cands[a].1).then(cands[a].0.cmp(&cands[b].0)));
    let mut remaining: Vec<u32> = unit.terms().to_vec();
    let mut out = vec![Verdict::default(); cands.len()];
    // What is left after each chosen counterpart: the terms it does not have.
    let mut next = order.iter();
    let mut first = true;
    model.explain_in_turn(&mut remaining, order.iter().map(|&n| other.get(cands[n].0)), |explained| {
        let Some(&n) = next.next() else { return false };
        let gain = explained / unit.weight.max(f32::EPSILON);
        let chosen = first || gain >= FURTHER_SHARE;
        first = false;
        out[n] = Verdict { score: cands[n].1, chosen, gain };
        chosen
    });
    out
}

/// Scores for bulleted items read as one list: an item too short to score on its own takes
/// the list's score against a sentence it shares a term with (a pair that was no candidate
/// becomes one). The scores, and the pairs the lists scored.
fn with_list_scores(model: &TermModel, mut scores: Scores) -> (Scores, HashSet<(usize, usize)>) {
    let mut lifts: Vec<((usize, usize), f32)> = Vec::new();
    for left_side in [true, false] {
        let (units, other) =
            if left_side { (&model.left, &model.right) } else { (&model.right, &model.left) };
        let mut k = 0;
        while k < units.len() {
            if units.get(k).kind != Kind::ListItem {
                k += 1;
                continue;
            }
            let end = (k..units.len()).find(|&e| units.get(e).kind != Kind::ListItem).unwrap_or(units.len());
            if end - k >= 2 {
                if let Some(list) = model.merged(units, k..end) {
                    let list = list.get(0);
                    for (o, ou) in other.iter().enumerate() {
                        if ou.kind == Kind::Heading {
                            continue;
                        }
                        let whole = model.similarity(&list, &ou);
                        if whole < LINK_THRESHOLD {
                            continue;
                        }
                        for (item, iu) in units.iter().enumerate().take(end).skip(k) {
                            let content: Vec<u32> =
                                iu.terms().iter().copied().filter(|&t| !model.is_stop(t)).collect();
                            if model.explained(&content, &ou) > 0.0 {
                                lifts.push((if left_side { (item, o) } else { (o, item) }, whole));
                            }
                        }
                    }
                }
            }
            k = end;
        }
    }
    if lifts.iter().any(|&((i, j), _)| scores.pairs.find(i, j).is_none()) {
        let all = scores.pairs.iter().chain(lifts.iter().map(|&(key, _)| key));
        let pairs = PairIndex::new(model.left.len(), all);
        let score = pairs.iter().map(|(i, j)| scores.get(i, j).unwrap_or(0.0)).collect();
        scores = Scores { pairs, score };
    }
    for &((i, j), whole) in &lifts {
        if let Some(k) = scores.pairs.find(i, j) {
            scores.score[k] = scores.score[k].max(whole);
        }
    }
    (scores, lifts.into_iter().map(|(key, _)| key).collect())
}

fn round3(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}

/// A sentence's candidates, best first: at most [`CANDIDATES`] sentence pairs (left unit,
/// right unit), held in place (a million sentences make no allocation each) until they join
/// the side's one list of 32-bit pairs (most sentences of a million-line text have none).
#[derive(Debug, Clone, Copy, Default)]
struct Picks {
    pairs: [(u32, u32); CANDIDATES],
    len: u8,
}

impl Picks {
    fn push(&mut self, (i, j): (usize, usize)) {
        self.pairs[usize::from(self.len)] = (crate::input::narrow(i), crate::input::narrow(j));
        self.len += 1;
    }

    fn into_pairs(self) -> impl Iterator<Item = (u32, u32)> {
        (0..usize::from(self.len)).map(move |k| self.pairs[k])
    }
}

/// Scores of likely sentence pairs: those sharing a rare term, the best few each way.
fn candidate_scores(model: &TermModel, progress: &Progress) -> Scores {
    let usable = |t: u32| !model.is_stop(t) && model.df[t as usize] <= RARE_DF;
    // Each usable term's units, in unit order, in two flat arrays (not a vector a term); the
    // two sides' side by side.
    let index = |units: &Units| {
        let uses = units.iter().enumerate().flat_map(|(u, unit)| {
            unit.terms().iter().filter(|&&t| usable(t)).map(move |&t| (t as usize, u as u32))
        });
        Groups::new(model.stems.len(), uses)
    };
    let (left_index, right_index) = rayon::join(|| index(&model.left), || index(&model.right));
    // One pass each way, so every sentence keeps its own best candidates. Sentences are
    // scored in parallel, each worker with its own accumulator.
    let one_way = |from: &Units, to_index: &Groups<u32>, to_len: usize, flip: bool| {
        let scratch = || (vec![0.0f32; to_len], Vec::<usize>::new());
        let score = |(acc, touched): &mut (Vec<f32>, Vec<usize>), (a, unit): (usize, Unit)| {
            let mut found = Picks::default();
            for &t in unit.terms().iter().filter(|&&t| usable(t)) {
                for &b in to_index.of(t as usize) {
                    let b = b as usize;
                    if acc[b] == 0.0 {
                        touched.push(b);
                    }
                    acc[b] += model.weights[t as usize];
                }
            }
            // The best few, best first (ties to the earlier sentence), without sorting them all.
            let order = |&x: &usize, &y: &usize| acc[y].total_cmp(&acc[x]).then(x.cmp(&y));
            let best = touched.len().min(CANDIDATES);
            if touched.len() > CANDIDATES {
                touched.select_nth_unstable_by(CANDIDATES, order);
            }
            touched[..best].sort_unstable_by(order);
            for &b in &touched[..best] {
                let key = if flip { (b, a) } else { (a, b) };
                // Headings align with headings only: a heading summarises, it does not
                // carry a paragraph's content.
                let headings = (
                    model.left.get(key.0).kind == Kind::Heading,
                    model.right.get(key.1).kind == Kind::Heading,
                );
                if headings.0 == headings.1 {
                    found.push(key);
                }
            }
            for &b in touched.iter() {
                acc[b] = 0.0;
            }
            touched.clear();
            progress.scored.fetch_add(1, Ordering::Relaxed);
            found
        };
        (0..from.len())
            .into_par_iter()
            .map(|a| (a, from.get(a)))
            .map_init(scratch, score)
            .flat_map_iter(Picks::into_pairs)
            .collect::<Vec<(u32, u32)>>()
    };
    let (forward, backward) = rayon::join(
        || one_way(&model.left, &right_index, model.right.len(), false),
        || one_way(&model.right, &left_index, model.left.len(), true),
    );
    // A pair both sentences pick (about half of them) is scored once: the distinct pairs,
    // then their similarities in parallel.
    let pairs = PairIndex::new(
        model.left.len(),
        forward.iter().chain(&backward).map(|&(i, j)| (i as usize, j as usize)),
    );
    drop((forward, backward));
    let score = (0..pairs.len())
        .into_par_iter()
        .map(|k| {
            let (i, j) = pairs.pair(k);
            model.left_right_similarity(i, j)
        })
        .collect();
    Scores { pairs, score }
}

/// Scores raised by the neighbourhood: a pair next to a strong pair (the sentences before
/// or after, or a sentence split or merged across neighbours) gains up to its own score.
fn with_context(raw: &Scores) -> Vec<f32> {
    const AROUND: [(isize, isize); 6] = [(-1, -1), (1, 1), (0, -1), (0, 1), (-1, 0), (1, 0)];
    // Looked up in parallel, in pair order.
    (0..raw.pairs.len())
        .into_par_iter()
        .map(|k| {
            let ((i, j), s) = (raw.pairs.pair(k), raw.score[k]);
            let near = AROUND
                .iter()
                .filter_map(|&(di, dj)| raw.get(i.checked_add_signed(di)?, j.checked_add_signed(dj)?))
                .fold(0.0f32, f32::max);
            s + (CONTEXT_WEIGHT * near).min(s)
        })
        .collect()
}

/// The share of both documents' content weight found in the paragraphs they are linked to.
fn shared_content(model: &TermModel, links: &[Link]) -> f32 {
    let mut partners_left: HashMap<usize, Vec<usize>> = HashMap::default();
    let mut partners_right: HashMap<usize, Vec<usize>> = HashMap::default();
    for k in links {
        partners_left.entry(k.left).or_default().push(k.right);
        partners_right.entry(k.right).or_default().push(k.left);
    }
    // Which terms the partners of the paragraph at hand have: `mark[t]` is that paragraph's
    // stamp. Units come in paragraph order, so the partners' terms are marked once for all
    // the units of a paragraph. The two sides side by side, each with its own marks.
    let covered = |units: &Units, other: &Units, partners: &HashMap<usize, Vec<usize>>| -> (f32, f32) {
        let mut mark: Vec<u32> = vec![0; model.stems.len()];
        let mut stamp = 0u32;
        let mut total = 0.0;
        let mut hit = 0.0;
        let mut marked_for = None;
        for u in units.iter() {
            total += u.weight;
            let Some(ps) = partners.get(&u.para()) else { continue };
            if marked_for != Some(u.para()) {
                marked_for = Some(u.para());
                stamp += 1;
                for o in ps.iter().flat_map(|&p| other.of_para(p)) {
                    for &t in other.get(o).terms() {
                        mark[t as usize] = stamp;
                    }
                }
            }
            for &t in u.terms() {
                // Without a branch on whether the term is shared (adding 0.0 changes no bit).
                hit += if mark[t as usize] == stamp { model.weights[t as usize] } else { 0.0 };
            }
        }
        (hit, total)
    };
    let ((hl, tl), (hr, tr)) = rayon::join(
        || covered(&model.left, &model.right, &partners_left),
        || covered(&model.right, &model.left, &partners_right),
    );
    if tl + tr <= 0.0 {
        return 0.0;
    }
    (hl + hr) / (tl + tr)
}

/// Builds rows from links: the links not marked `moved` (a chain in reading order on both
/// sides) form the aligned rows; paragraphs between rows stand alone as omitted, added, moved
/// or furniture rows.
pub fn rows_from_links(left: &Document, right: &Document, links: &mut [Link]) -> Vec<Row> {
    links.sort_by_key(|k| (k.left, k.right));
    rows_from_sorted(left, right, links)
}

/// [`rows_from_links`] for links already sorted by (left, right).
fn rows_from_sorted(left: &Document, right: &Document, links: &[Link]) -> Vec<Row> {
    let chain: Vec<usize> = (0..links.len()).filter(|&i| !links[i].moved).collect();
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
    // Every row takes at least one paragraph: room for the most rows at once, not regrown
    // (a million-line pair has two million rows), and what is left over given back.
    let mut rows = Vec::with_capacity(left.paragraphs.len() + right.paragraphs.len());
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
        let (l, r) = if is_left { (Paras::one(i), Paras::new()) } else { (Paras::new(), Paras::one(i)) };
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
        let (l, r) = (Paras::run(l0, l1 + 1), Paras::run(r0, r1 + 1));
        let same = l.len() == r.len()
            && l.iter().zip(r).all(|(a, b)| same_words(left.para_text(a), right.para_text(b)));
        rows.push(Row { left: l, right: r, status: if same { RowStatus::Same } else { RowStatus::Changed } });
        li = l1 + 1;
        ri = r1 + 1;
    }
    rows.shrink_to_fit();
    rows
}

fn flags(n: usize, set: impl Iterator<Item = usize>) -> Vec<bool> {
    let mut v = vec![false; n];
    for i in set {
        v[i] = true;
    }
    v
}

/// Whether two texts are the same once whitespace runs are folded: the same words (runs of
/// non-whitespace) in the same order, compared without building either folded text, and
/// given up at the first word that differs.
fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

/// Each unit's verdicts on its candidates ([`explaining`]), the units in parallel, keyed by
/// `key(unit, candidate)` as (left unit, right unit). The map is filled in unit order, as a
/// loop over the units would fill it.
fn verdicts(
    model: &TermModel,
    kept: &[Candidate],
    by_unit: &Groups<usize>,
    own: &Units,
    other: &Units,
    counterpart: impl Fn(&Candidate) -> usize + Sync,
) -> Vec<Verdict> {
    // Each unit's verdicts with their pairs' places in `kept`, in one flat array, in unit order
    // (the units without candidates add nothing); then put in `kept`'s order.
    let found: Vec<(usize, Verdict)> = (0..by_unit.len())
        .into_par_iter()
        .with_min_len(UNITS_PER_TASK)
        .flat_map_iter(|u| {
            let ks = by_unit.of(u);
            let cands: Vec<(usize, f32)> =
                ks.iter().map(|&k| (counterpart(&kept[k]), kept[k].score)).collect();
            let vs =
                if cands.is_empty() { Vec::new() } else { explaining(model, &own.get(u), &cands, other) };
            ks.iter().copied().zip(vs)
        })
        .collect();
    let mut out = vec![Verdict::default(); kept.len()];
    for (k, v) in found {
        out[k] = v;
    }
    out
}

/// Sentence pairs one parallel task judges at least: each is a few lookups and a walk of two
/// short term lists, so a task of this many outweighs handing it out.
const PAIRS_PER_TASK: usize = 1024;

/// Units one parallel task judges at least: most have a candidate or two, so a task of this
/// many outweighs handing it out.
const UNITS_PER_TASK: usize = 256;

/// Indices (into `links`, sorted by (left, right)) of the heaviest chain in which both ends
/// never go backwards and each step advances at least one side. O(n log n): links are taken
/// in (left, right) order and a Fenwick tree over right indices holds the best chain ending
/// at or before each right index.
fn heaviest_chain(links: &[Link], weights: &[f64]) -> Vec<usize> {
    let n = links.len();
    let size = links.iter().map(|k| k.right + 1).max().unwrap_or(0);
    // tree[x] = (weight, link index) of the best chain ending at a right index in x's range.
    let mut tree: Vec<(f64, usize)> = vec![(0.0, usize::MAX); size + 1];
    let better = |a: (f64, usize), b: (f64, usize)| a.0 > b.0 || (a.0 == b.0 && a.1 < b.1);
    let mut prev = vec![usize::MAX; n];
    let mut best = (0.0, usize::MAX);
    for (i, link) in links.iter().enumerate() {
        let mut q = (0.0, usize::MAX);
        let mut x = link.right + 1;
        while x > 0 {
            if better(tree[x], q) {
                q = tree[x];
            }
            x &= x - 1;
        }
        let here = (q.0 + weights[i], i);
        prev[i] = q.1;
        if better(here, best) {
            best = here;
        }
        let mut x = link.right + 1;
        while x <= size {
            if better(here, tree[x]) {
                tree[x] = here;
            }
            x += x & x.wrapping_neg();
        }
    }
    let mut out = Vec::new();
    let mut at = best.1;
    while at != usize::MAX {
        out.push(at);
        at = prev[at];
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(l: usize, r: usize, score: f64) -> Link {
        Link { left: l, right: r, score, moved: false }
    }

    /// The quadratic definition, to check the fast version against.
    fn slow_chain_weight(links: &[Link]) -> f64 {
        let mut best = vec![0.0f64; links.len()];
        for i in 0..links.len() {
            best[i] = links[i].score;
            for j in 0..i {
                if links[j].left <= links[i].left && links[j].right <= links[i].right {
                    best[i] = best[i].max(best[j] + links[i].score);
                }
            }
        }
        best.into_iter().fold(0.0, f64::max)
    }

    #[test]
    fn chain_keeps_order_and_is_heaviest() {
        let mut links =
            vec![link(0, 2, 0.5), link(1, 0, 0.9), link(2, 1, 0.8), link(3, 3, 0.4), link(3, 4, 0.3)];
        links.sort_by_key(|k| (k.left, k.right));
        let weights: Vec<f64> = links.iter().map(|k| k.score).collect();
        let chain = heaviest_chain(&links, &weights);
        let picked: Vec<(usize, usize)> = chain.iter().map(|&i| (links[i].left, links[i].right)).collect();
        assert_eq!(picked, [(1, 0), (2, 1), (3, 3), (3, 4)]);
        let w: f64 = chain.iter().map(|&i| links[i].score).sum();
        assert!((w - slow_chain_weight(&links)).abs() < 1e-9);
    }

    proptest::proptest! {
        #[test]
        fn chain_matches_the_quadratic_definition(raw in proptest::collection::vec((0usize..30, 0usize..30, 1u32..100), 0..60)) {
            let mut links: Vec<Link> = raw.iter().map(|&(l, r, s)| link(l, r, f64::from(s) / 100.0)).collect();
            links.sort_by_key(|k| (k.left, k.right));
            links.dedup_by_key(|k| (k.left, k.right));
            let weights: Vec<f64> = links.iter().map(|k| k.score).collect();
            let chain = heaviest_chain(&links, &weights);
            for w in chain.windows(2) {
                let (a, b) = (links[w[0]], links[w[1]]);
                proptest::prop_assert!(a.left <= b.left && a.right <= b.right);
            }
            let w: f64 = chain.iter().map(|&i| links[i].score).sum();
            proptest::prop_assert!((w - slow_chain_weight(&links)).abs() < 1e-6);
        }
    }
}
