//! A story's whole history: more than two versions, compared step by step (V1 → V2, V2 → V3,
//! …), with what only a history can show: for each sentence of the latest version, the version
//! it first appeared in with its present wording and what it said before (blame), and the
//! facts that changed more than once (the timeline). Pure functions over the steps'
//! comparisons; no terminal types.

use crate::comparison::{Comparison, Progress};
use crate::document::{Document, Span};
use crate::findings::FindingKind;
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// One version of the story: what it is called and when it is from, where anything says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    /// The name shown for it: the file name, or a commit for a git history.
    pub name: String,
    /// Its date (YYYY-MM-DD, or a commit's date and time), when a page or commit gives one.
    pub date: Option<String>,
}

impl Version {
    /// A version named after its document, dated by the page's own date if it gives one.
    pub fn of(doc: &Document) -> Version {
        Version { name: doc.short_name().to_string(), date: doc.meta.as_ref().and_then(|m| m.date.clone()) }
    }
}

/// Every step of a history, analysed, and what the history shows across them.
#[derive(Debug, Clone)]
pub struct History {
    pub versions: Vec<Version>,
    /// `steps[k]` compares version `k` with version `k + 1`.
    pub steps: Vec<Comparison>,
    pub blame: Blame,
    pub timeline: Vec<Track>,
}

impl History {
    /// Analyses every consecutive step of `documents` (at least two), the steps in parallel.
    pub fn analyse(documents: Vec<Document>, versions: Vec<Version>) -> History {
        use rayon::prelude::*;
        let documents: Vec<Arc<Document>> = documents.into_iter().map(Arc::new).collect();
        let steps: Vec<Comparison> = documents
            .par_windows(2)
            .map(|w| Comparison::with_progress(w[0].clone(), Some(w[1].clone()), &Progress::default()))
            .collect();
        let refs: Vec<&Comparison> = steps.iter().collect();
        let blame = blame(&refs);
        let timeline = timeline(&refs);
        History { versions, steps, blame, timeline }
    }

    /// Whether any step has a difference.
    pub fn differs(&self) -> bool {
        self.steps.iter().any(|s| !s.differences.is_empty())
    }
}

// ---------------------------------------------------------------- blame

/// For each paragraph of the latest version, each of its sentences' history.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Blame {
    /// The version blamed (the latest).
    pub version: usize,
    /// Per paragraph of that version, its sentences in order.
    pub paragraphs: Vec<Vec<SentenceBlame>>,
}

/// One sentence of the latest version and where its wording comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentenceBlame {
    pub span: Span,
    /// The first version of the unbroken run of versions, ending at the latest, that write
    /// the sentence exactly so.
    pub since: usize,
    /// What the version before `since` wrote in its place (its span there), when it had a
    /// sentence like it; `None` when the sentence is as old as the story or came in new.
    pub before: Option<Span>,
}

/// A sentence counts as the earlier wording of another when the two share at least this
/// share of the shorter one's words: less, and it is another sentence that happens to stand
/// in a linked paragraph.
const BEFORE_MIN_SHARE: f64 = 1.0 / 3.0;

/// A sentence's text for comparing wordings: its words and punctuation with every run of
/// white space made one space (a rewrapped line is the same wording).
fn wording(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every sentence of a document by its wording: its paragraph and span (the first such).
fn sentence_index(doc: &Document) -> FxHashMap<String, (usize, Span)> {
    let mut out = FxHashMap::default();
    for (p, para) in doc.paragraphs.iter().enumerate() {
        for &s in para.sentences() {
            out.entry(wording(doc.slice(s))).or_insert((p, s));
        }
    }
    out
}

/// The words of a sentence, lower-cased, for telling a reworded sentence from another.
fn word_set(text: &str) -> Vec<String> {
    let mut words: Vec<String> =
        text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// How much of the shorter of two sorted word sets the other shares, 0..=1.
fn shared_share(a: &[String], b: &[String]) -> f64 {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared as f64 / a.len().min(b.len()).max(1) as f64
}

/// The left paragraphs a right paragraph is linked to in a step.
fn linked_left(step: &Comparison, right_para: usize) -> impl Iterator<Item = usize> + '_ {
    step.links.iter().filter(move |k| k.right == right_para).map(|k| k.left)
}

/// Blame for the latest version of a history given as its consecutive steps: each sentence is
/// followed back step by step, through the paragraphs the alignment links, while an earlier
/// version writes it exactly so (a sentence whose paragraph moved is found by its wording
/// anywhere in the earlier version).
pub fn blame(steps: &[&Comparison]) -> Blame {
    let Some(last) = steps.last().and_then(|s| s.right.as_ref()) else { return Blame::default() };
    let indexes: Vec<FxHashMap<String, (usize, Span)>> =
        steps.iter().map(|s| sentence_index(&s.left)).collect();
    let paragraphs = last
        .paragraphs
        .iter()
        .enumerate()
        .map(|(p, para)| {
            para.sentences()
                .iter()
                .map(|&span| {
                    let text = wording(last.slice(span));
                    let (mut para_at, mut since, mut before) = (p, steps.len(), None);
                    for k in (0..steps.len()).rev() {
                        let step = steps[k];
                        // The same wording, first in the paragraphs linked to this one.
                        let linked = linked_left(step, para_at).find_map(|q| {
                            step.left.paragraphs[q]
                                .sentences()
                                .iter()
                                .find(|&&s| wording(step.left.slice(s)) == text)
                                .map(|_| q)
                        });
                        if let Some(q) = linked.or_else(|| indexes[k].get(&text).map(|&(q, _)| q)) {
                            para_at = q;
                            since = k;
                            continue;
                        }
                        before = earlier_wording(step, para_at, &text);
                        break;
                    }
                    SentenceBlame { span, since, before }
                })
                .collect()
        })
        .collect();
    Blame { version: steps.len(), paragraphs }
}

/// The sentence of the step's left version, in the paragraphs linked to `right_para`, most
/// like `text`, if it is like it at all.
fn earlier_wording(step: &Comparison, right_para: usize, text: &str) -> Option<Span> {
    let words = word_set(text);
    linked_left(step, right_para)
        .flat_map(|q| step.left.paragraphs[q].sentences().iter().copied())
        .map(|s| (shared_share(&words, &word_set(step.left.slice(s))), s))
        .filter(|&(share, _)| share >= BEFORE_MIN_SHARE)
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.start.cmp(&a.1.start)))
        .map(|(_, s)| s)
}

// ---------------------------------------------------------------- timeline

/// What a tracked fact is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    Number,
    Quotation,
    Name,
}

impl Family {
    fn of(kind: FindingKind) -> Family {
        use FindingKind::*;
        match kind {
            QuoteAltered | QuoteParaphrased | QuoteOnlyLeft | QuoteOnlyRight => Family::Quotation,
            NumberChanged | NumberOnlyLeft | NumberOnlyRight => Family::Number,
            NameOnlyLeft | NameOnlyRight => Family::Name,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Family::Number => "number/date",
            Family::Quotation => "quotation",
            Family::Name => "name",
        }
    }
}

/// A fact as one version writes it, or its absence there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct State {
    pub version: usize,
    /// Where that version writes it; `None` where it does not (before it was added, after
    /// it was dropped).
    pub span: Option<Span>,
}

/// A fact that changed more than once across the history: its wording before the first
/// change, then after each change, with the version each change came in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Track {
    pub family: Family,
    /// At least three: the first change's left version, then each change's right version.
    pub states: Vec<State>,
    /// Each change's finding kind, one fewer than the states.
    pub kinds: Vec<FindingKind>,
}

/// A fact followed from step to step while it lasts.
struct Open {
    track: Track,
    /// Where the fact stands in the version the next step starts from.
    at: Span,
}

/// The facts that changed more than once: each finding of a step continues the fact it
/// concerns from an earlier step (the same place in the step's left version, or for a name
/// the same name) or starts one; a fact a step leaves alone is carried to the same words in
/// the linked paragraph of the step's right version.
pub fn timeline(steps: &[&Comparison]) -> Vec<Track> {
    let mut open: Vec<Open> = Vec::new();
    let mut done: Vec<Track> = Vec::new();
    for (k, step) in steps.iter().enumerate() {
        if step.right.is_none() {
            continue;
        }
        let events = events(step);
        let mut used = vec![false; events.len()];
        let mut next: Vec<Open> = Vec::new();
        for mut fact in open.drain(..) {
            let text = step.left.slice(fact.at);
            let hit = events.iter().enumerate().find(|(i, e)| {
                !used[*i] && Family::of(e.kind) == fact.track.family && continues(step, e, fact.at, text)
            });
            match hit {
                Some((i, e)) => {
                    used[i] = true;
                    fact.track.kinds.push(e.kind);
                    fact.track.states.push(State { version: k + 1, span: e.right });
                    match e.right {
                        Some(at) => next.push(Open { at, ..fact }),
                        None => done.extend(close(fact)),
                    }
                }
                None => match carry(step, fact.at) {
                    Some(at) => next.push(Open { at, ..fact }),
                    None => done.extend(close(fact)),
                },
            }
        }
        for (e, _) in events.iter().zip(&used).filter(|(_, u)| !**u) {
            let family = Family::of(e.kind);
            let states = vec![State { version: k, span: e.left }, State { version: k + 1, span: e.right }];
            let fact = Open { track: Track { family, states, kinds: vec![e.kind] }, at: Span::new(0, 0) };
            match e.right {
                Some(at) => next.push(Open { at, ..fact }),
                None => done.extend(close(fact)),
            }
        }
        open = next;
    }
    done.extend(open.into_iter().filter_map(close));
    done.sort_by_key(|t| (t.states[0].version, t.states.iter().find_map(|s| s.span).map(|s| s.start)));
    done
}

/// One change a step makes to a fact: a finding, or a quotation or number dropped and
/// another of its kind written in a paragraph linked to its own, which read as one
/// replacing the other (kind `QuoteAltered` or `NumberChanged`).
struct Event {
    kind: FindingKind,
    left: Option<Span>,
    right: Option<Span>,
}

fn events(step: &Comparison) -> Vec<Event> {
    use FindingKind::*;
    let para_of = |doc: &Document, s: Span| doc.paragraphs.partition_point(|p| p.span.end <= s.start);
    let mut taken = vec![false; step.findings.len()];
    let mut out = Vec::new();
    for (i, f) in step.findings.iter().enumerate() {
        let (replaced, by) = match f.kind {
            QuoteOnlyLeft => (QuoteAltered, QuoteOnlyRight),
            NumberOnlyLeft => (NumberChanged, NumberOnlyRight),
            _ => continue,
        };
        let (Some(l), Some(right)) = (f.left, step.right.as_ref()) else { continue };
        let p = para_of(&step.left, l);
        let partner = step.findings.iter().enumerate().find(|(j, g)| {
            !taken[*j]
                && g.kind == by
                && g.right.is_some_and(|r| {
                    let q = para_of(right, r);
                    step.links.iter().any(|k| k.left == p && k.right == q)
                })
        });
        if let Some((j, g)) = partner {
            taken[i] = true;
            taken[j] = true;
            out.push(Event { kind: replaced, left: Some(l), right: g.right });
        }
    }
    for (f, _) in step.findings.iter().zip(&taken).filter(|(_, t)| !**t) {
        out.push(Event { kind: f.kind, left: f.left, right: f.right });
    }
    out
}

/// A followed fact, kept as a track if it changed more than once.
fn close(fact: Open) -> Option<Track> {
    (fact.track.kinds.len() >= 2).then_some(fact.track)
}

/// Whether a finding concerns the fact standing at `at` (text `text`) in the step's left
/// version: its left side overlaps it, or for a name, writes the same name.
fn continues(step: &Comparison, f: &Event, at: Span, text: &str) -> bool {
    match f.left {
        Some(l) => {
            (l.start < at.end && at.start < l.end)
                || (Family::of(f.kind) == Family::Name && step.left.slice(l) == text)
        }
        None => false,
    }
}

/// Where the words at `at` in a step's left version stand in its right version: the same
/// words in a paragraph linked to theirs (the one nearest the same place in it), else the
/// first time the right version writes them.
fn carry(step: &Comparison, at: Span) -> Option<Span> {
    let right = step.right.as_ref()?;
    let text = step.left.slice(at);
    if text.is_empty() {
        return None;
    }
    let p = step.left.paragraphs.partition_point(|para| para.span.end <= at.start);
    let para = step.left.paragraphs.get(p)?;
    let rel = (at.start - para.span.start) as f64 / para.span.len().max(1) as f64;
    let found_in = |q: usize| {
        let span = right.paragraphs[q].span;
        right
            .slice(span)
            .match_indices(text)
            .map(|(i, _)| {
                let off = (i as f64 / span.len().max(1) as f64 - rel).abs();
                (off, Span::new(span.start + i, span.start + i + text.len()))
            })
            .min_by(|a, b| a.0.total_cmp(&b.0))
    };
    let linked = step
        .links
        .iter()
        .filter(|k| k.left == p)
        .filter_map(|k| found_in(k.right))
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, s)| s);
    linked.or_else(|| right.text.find(text).map(|i| Span::new(i, i + text.len())))
}

/// The text of a track's state, from the step that holds that version.
pub fn state_text<'a>(steps: &[&'a Comparison], state: State) -> Option<&'a str> {
    let span = state.span?;
    let doc = document(steps, state.version)?;
    doc.text.get(span.start..span.end)
}

/// Version `v`'s document, from the steps (the left of step `v`, or the right of the last).
pub fn document<'a>(steps: &[&'a Comparison], v: usize) -> Option<&'a Document> {
    match steps.get(v) {
        Some(s) => Some(&s.left),
        None => steps.get(v.checked_sub(1)?).and_then(|s| s.right.as_deref()),
    }
}

// ---------------------------------------------------------------- background analysis

/// A pair of versions to compare: (older, newer) indexes.
pub type Pair = (usize, usize);

/// Analyses the steps of a history on threads of their own, always the waiting pair nearest
/// the one the reader shows first, and sends each comparison when it is done. Pairs are
/// asked for as the reader needs them; dropping the receiver lets the workers end.
#[derive(Clone)]
pub struct Analyser {
    shared: std::sync::Arc<(std::sync::Mutex<Queue>, std::sync::Condvar)>,
}

#[derive(Default)]
struct Queue {
    waiting: Vec<(Pair, std::sync::Arc<crate::progress::Progress>)>,
    /// The pair on screen: the nearest waiting pair to it goes next.
    focus: Pair,
    closed: bool,
}

/// How far a pair is from the one on screen: steps near it are the next ones looked at.
fn distance(a: Pair, b: Pair) -> usize {
    a.0.abs_diff(b.0) + a.1.abs_diff(b.1)
}

impl Analyser {
    /// Starts `workers` threads comparing pairs of `documents` on `pool`; each result goes
    /// to `done` with the time it took.
    pub fn start(
        documents: Arc<[Arc<Document>]>,
        workers: usize,
        pool: std::sync::Arc<rayon::ThreadPool>,
        done: std::sync::mpsc::Sender<(Pair, Comparison, std::time::Duration)>,
    ) -> std::io::Result<Analyser> {
        let analyser = Analyser { shared: Default::default() };
        for i in 0..workers.max(1) {
            let (me, docs, pool, done) = (analyser.clone(), documents.clone(), pool.clone(), done.clone());
            std::thread::Builder::new().name(format!("history-{i}")).spawn(move || {
                while let Some((pair, progress)) = me.next() {
                    let started = std::time::Instant::now();
                    let (a, b) = (docs[pair.0].clone(), docs[pair.1].clone());
                    let c = pool.install(|| Comparison::with_progress(a, Some(b), &progress));
                    if done.send((pair, c, started.elapsed())).is_err() {
                        me.close();
                        break;
                    }
                }
            })?;
        }
        Ok(analyser)
    }

    /// Asks for a pair to be compared, with the progress it is to report.
    pub fn request(&self, pair: Pair, progress: std::sync::Arc<crate::progress::Progress>) {
        let (lock, ready) = &*self.shared;
        if let Ok(mut q) = lock.lock() {
            q.waiting.push((pair, progress));
            ready.notify_one();
        }
    }

    /// The pair now on screen: what waits nearest it is compared first.
    pub fn focus(&self, pair: Pair) {
        if let Ok(mut q) = self.shared.0.lock() {
            q.focus = pair;
        }
    }

    /// Stops the workers once they finish what they are doing.
    pub fn close(&self) {
        let (lock, ready) = &*self.shared;
        if let Ok(mut q) = lock.lock() {
            q.closed = true;
            ready.notify_all();
        }
    }

    /// The next pair to compare, waiting until there is one; `None` once closed.
    fn next(&self) -> Option<(Pair, std::sync::Arc<crate::progress::Progress>)> {
        let (lock, ready) = &*self.shared;
        let mut q = lock.lock().ok()?;
        loop {
            if q.closed {
                return None;
            }
            let focus = q.focus;
            let nearest =
                (0..q.waiting.len()).min_by_key(|&i| (distance(q.waiting[i].0, focus), q.waiting[i].0));
            if let Some(i) = nearest {
                return Some(q.waiting.swap_remove(i));
            }
            q = ready.wait(q).ok()?;
        }
    }
}
