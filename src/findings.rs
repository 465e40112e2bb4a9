//! The fact-check lens: quotations a rewrite altered, paraphrased or dropped; numbers and
//! dates it changed, dropped or added; people, places and organisations only one version
//! names. Pure functions over the two documents, their links and their people.

use crate::document::{Document, Kind, Span};
use crate::language::Language;
use crate::links::Link;
use crate::people::{self, People};
use crate::terms;
use crate::words::{self, Piece};
use crate::wordset::WordSet;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

/// What a finding says. The order is the order the findings panel groups them in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    QuoteAltered,
    QuoteParaphrased,
    QuoteOnlyLeft,
    QuoteOnlyRight,
    NumberChanged,
    NumberOnlyLeft,
    NumberOnlyRight,
    NameOnlyLeft,
    NameOnlyRight,
}

impl FindingKind {
    pub const ALL: [FindingKind; 9] = [
        FindingKind::QuoteAltered,
        FindingKind::QuoteParaphrased,
        FindingKind::QuoteOnlyLeft,
        FindingKind::QuoteOnlyRight,
        FindingKind::NumberChanged,
        FindingKind::NumberOnlyLeft,
        FindingKind::NumberOnlyRight,
        FindingKind::NameOnlyLeft,
        FindingKind::NameOnlyRight,
    ];

    /// How the reader names the kind.
    pub fn label(self) -> &'static str {
        match self {
            FindingKind::QuoteAltered => "quotation altered",
            FindingKind::QuoteParaphrased => "quotation paraphrased",
            FindingKind::QuoteOnlyLeft => "quotation only left",
            FindingKind::QuoteOnlyRight => "quotation only right",
            FindingKind::NumberChanged => "number/date changed",
            FindingKind::NumberOnlyLeft => "number/date only left",
            FindingKind::NumberOnlyRight => "number/date only right",
            FindingKind::NameOnlyLeft => "name only left",
            FindingKind::NameOnlyRight => "name only right",
        }
    }
}

/// One finding: the text on each side it concerns (a quotation, a number or date, a name,
/// or for a paraphrase the sentence that carries the quoted words without quotation marks).
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub kind: FindingKind,
    pub left: Option<Span>,
    pub right: Option<Span>,
    /// Who is quoted, where the sentence names them.
    pub speaker: Option<String>,
    /// For an altered quotation: each changed phrase, left and right (either may be empty).
    pub changes: Vec<(Option<Span>, Option<Span>)>,
    /// For a one-sided number or date written more than once: the further occurrences of the
    /// same value on the same side, in reading order (the first is `left` or `right`).
    pub repeats: Vec<Span>,
}

impl Finding {
    /// Every place the finding stands on its first side (the left where it has one), the first
    /// and its repeats, in reading order: (on the left, span).
    pub fn occurrences(&self) -> Vec<(bool, Span)> {
        (0..=self.repeats.len()).map_while(|k| self.occurrence(k)).collect()
    }

    /// The `k`th of [`Finding::occurrences`], without making the list (the view asks for it
    /// on every line it draws).
    pub fn occurrence(&self, k: usize) -> Option<(bool, Span)> {
        let (left, first) = match (self.left, self.right) {
            (Some(s), _) => (true, s),
            (None, Some(s)) => (false, s),
            (None, None) => return None,
        };
        if k == 0 {
            Some((left, first))
        } else {
            self.repeats.get(k - 1).map(|&s| (left, s))
        }
    }
}

/// A quotation: the words inside the marks, the paragraph it opens in, who says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub span: Span,
    pub para: usize,
    pub speaker: Option<String>,
}

/// Everything the lens finds in a pair, grouped by kind and in reading order within a kind.
pub fn find(left: &Document, right: &Document, links: &[Link], people: &People) -> Vec<Finding> {
    find_with_facts(left, right, links, people, None)
}

/// [`find`], with each document's facts where they were read already ([`FactReader`]).
pub fn find_with_facts(
    left: &Document,
    right: &Document,
    links: &[Link],
    people: &People,
    facts: Option<[ParaFacts; 2]>,
) -> Vec<Finding> {
    // The three lenses in parallel, their findings in this order before the (stable) sort.
    let (quotes, (numbers, names)) = rayon::join(
        || quote_findings(left, right, links, people),
        || rayon::join(|| number_findings(left, right, links, facts), || name_findings(left, right, people)),
    );
    let mut out = quotes;
    out.extend(numbers);
    out.extend(names);
    out.sort_by_key(|f| (f.kind, f.left.or(f.right).map(|s| s.start)));
    out
}

// ---------------------------------------------------------------- quotations

/// Every quotation in a document ([`crate::quotes::spans`]), with who says it.
pub fn quotes(doc: &Document, mentions: &[people::Mention], people: &People) -> Vec<Quote> {
    let mut out: Vec<Quote> =
        doc.quotes.iter().copied().map(|(span, para)| Quote { span, para, speaker: None }).collect();
    for q in &mut out {
        q.speaker = speaker(doc, q, mentions, people);
    }
    out
}

/// Verbs that attribute a quotation to the name next to them.
const SAYING: &[&str] = &[
    "said", "says", "say", "told", "tells", "added", "adds", "stated", "states", "noted", "warned", "warns",
    "argued", "claimed", "insisted", "explained", "declared", "announced", "asked", "replied", "wrote",
    "writes", "tweeted", "posted", "recalled", "admitted", "reiterated", "stressed", "emphasized",
    "emphasised", "described", "called", "urged", "according",
];

/// Who says a quotation: in the sentences from its opening to its closing mark, a person
/// next to a verb of saying ("…,” Putin said"; "Zelenskyy said … “…”"), else the first person
/// the sentence names, else — for "he said" — the last person named before it.
fn speaker(doc: &Document, q: &Quote, mentions: &[people::Mention], people: &People) -> Option<String> {
    let para = &doc.paragraphs[q.para];
    let from = para.sentences().iter().find(|s| s.end > q.span.start).map_or(para.span.start, |s| s.start);
    let end_para = doc.paragraphs.partition_point(|p| p.span.end < q.span.end).min(doc.paragraphs.len() - 1);
    let to = doc.paragraphs[end_para]
        .sentences()
        .iter()
        .find(|s| s.end >= q.span.end)
        .map_or(doc.paragraphs[end_para].span.end, |s| s.end);
    let outside = |m: &&people::Mention| {
        m.span.start >= from
            && m.span.end <= to
            && !(m.span.start >= q.span.start && m.span.end <= q.span.end)
    };
    let near: Vec<&people::Mention> = mentions.iter().filter(outside).collect();
    let text = doc.text.as_str();
    let saying_near = |m: &people::Mention| {
        let after: Vec<String> =
            terms::words(text, Span::new(m.span.end, (m.span.end + 40).min(to).max(m.span.end)))
                .into_iter()
                .take(3)
                .map(|w| w.folded)
                .collect();
        let before_start = m.span.start.saturating_sub(12).max(from);
        let before_start =
            (before_start..=m.span.start).find(|&b| text.is_char_boundary(b)).unwrap_or(m.span.start);
        let before = terms::words(text, Span::new(before_start, m.span.start));
        after.iter().any(|w| SAYING.contains(&w.as_str()))
            || before.last().is_some_and(|w| SAYING.contains(&w.folded.as_str()))
    };
    let name = |m: &people::Mention| people.persons[m.person].name.clone();
    if let Some(m) = near.iter().find(|m| saying_near(m)) {
        return Some(name(m));
    }
    if let Some(m) = near.first() {
        return Some(name(m));
    }
    // "he said": the last person named before the quotation.
    let pronoun = terms::words(text, Span::new(from, to))
        .windows(2)
        .any(|w| matches!(w[0].folded.as_str(), "he" | "she") && SAYING.contains(&w[1].folded.as_str()));
    if pronoun {
        return mentions.iter().rev().find(|m| m.span.end <= q.span.start).map(name);
    }
    None
}

/// Words too common to show that two passages say the same thing.
const LIGHT: &[&str] = &[
    "the", "a", "an", "to", "of", "and", "or", "but", "be", "is", "are", "was", "were", "it", "its", "that",
    "this", "in", "on", "for", "with", "by", "as", "at", "from", "he", "she", "they", "we", "i", "you",
    "will", "would", "has", "have", "had", "not", "no",
];

fn folded_words(text: &str, span: Span) -> Vec<String> {
    terms::words(text, span).into_iter().map(|w| w.folded).collect()
}

/// How alike two quotations are: shared words (light ones at half weight) over the longer
/// length; identical words score 1.
fn quote_similarity(a: &[String], b: &[String]) -> f64 {
    let mut counts: FxHashMap<&str, i32> = FxHashMap::default();
    for w in b {
        *counts.entry(w.as_str()).or_default() += 1;
    }
    let mut shared = 0.0;
    for w in a {
        if let Some(c) = counts.get_mut(w.as_str()).filter(|c| **c > 0) {
            *c -= 1;
            shared += if LIGHT.contains(&w.as_str()) { 0.5 } else { 1.0 };
        }
    }
    shared / a.len().max(b.len()).max(1) as f64
}

/// Quotations pair up one to one, the most alike first, when they share at least this much.
const QUOTE_MATCH: f64 = 0.4;

fn quote_findings(left: &Document, right: &Document, links: &[Link], people: &People) -> Vec<Finding> {
    let lq = quotes(left, &people.left, people);
    let rq = quotes(right, &people.right, people);
    let lw: Vec<Vec<String>> = lq.iter().map(|q| folded_words(&left.text, q.span)).collect();
    let rw: Vec<Vec<String>> = rq.iter().map(|q| folded_words(&right.text, q.span)).collect();
    // Candidates share a word that carries meaning.
    let mut index: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (j, b) in rw.iter().enumerate() {
        let mut keys: Vec<&str> = b.iter().map(String::as_str).filter(|w| !LIGHT.contains(w)).collect();
        keys.sort_unstable();
        keys.dedup();
        for k in keys {
            index.entry(k).or_default().push(j);
        }
    }
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (i, a) in lw.iter().enumerate() {
        let mut cands: Vec<usize> =
            a.iter().filter_map(|w| index.get(w.as_str())).flatten().copied().collect();
        cands.sort_unstable();
        cands.dedup();
        for j in cands {
            let b = &rw[j];
            let s = if *a == *b { 2.0 } else { quote_similarity(a, b) };
            if s >= QUOTE_MATCH {
                pairs.push((s, i, j));
            }
        }
    }
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let (mut l_used, mut r_used) = (vec![false; lq.len()], vec![false; rq.len()]);
    let mut out = Vec::new();
    for (_, i, j) in pairs {
        if l_used[i] || r_used[j] {
            continue;
        }
        l_used[i] = true;
        r_used[j] = true;
        if lw[i] == rw[j] {
            continue; // verbatim, up to typography and punctuation
        }
        let (a, b) = (lq[i].span, rq[j].span);
        let changes = phrase_changes(&left.text[a.start..a.end], &right.text[b.start..b.end])
            .into_iter()
            .map(|(x, y)| (x.map(|s| shift(s, a.start)), y.map(|s| shift(s, b.start))))
            .collect();
        out.push(Finding {
            kind: FindingKind::QuoteAltered,
            left: Some(a),
            right: Some(b),
            speaker: lq[i].speaker.clone().or_else(|| rq[j].speaker.clone()),
            changes,
            repeats: vec![],
        });
    }
    // Quotations left over: their words said without quotation marks, or gone.
    let partners = |left_side: bool, para: usize| -> Vec<usize> {
        links
            .iter()
            .filter(|k| if left_side { k.left == para } else { k.right == para })
            .map(|k| if left_side { k.right } else { k.left })
            .collect()
    };
    for (side_left, qs, words, used, other) in
        [(true, &lq, &lw, &l_used, right), (false, &rq, &rw, &r_used, left)]
    {
        let other_quotes = if side_left { &rq } else { &lq };
        for (i, q) in qs.iter().enumerate().filter(|(i, _)| !used[*i]) {
            let found = partners(side_left, q.para)
                .into_iter()
                .flat_map(|p| other.paragraphs[p].sentences().iter().copied())
                .map(|s| (paraphrase_score(&words[i], other, s, other_quotes), s))
                .filter(|(score, _)| *score > 0.0)
                .max_by(|x, y| x.0.total_cmp(&y.0));
            let (kind, there) = match (found, side_left) {
                (Some((_, s)), _) => (FindingKind::QuoteParaphrased, Some(s)),
                (None, true) => (FindingKind::QuoteOnlyLeft, None),
                (None, false) => (FindingKind::QuoteOnlyRight, None),
            };
            let (l, r) = if side_left { (Some(q.span), there) } else { (there, Some(q.span)) };
            out.push(Finding {
                kind,
                left: l,
                right: r,
                speaker: q.speaker.clone(),
                changes: vec![],
                repeats: vec![],
            });
        }
    }
    out
}

fn shift(s: Span, by: usize) -> Span {
    Span::new(s.start + by, s.end + by)
}

/// How well a sentence carries a quotation's words outside quotation marks: the share of the
/// quotation's distinct words found there, when that shows (half the words and one that
/// carries meaning, or a third and two such words); otherwise 0.
fn paraphrase_score(quote: &[String], doc: &Document, sentence: Span, quotes: &[Quote]) -> f64 {
    let inside =
        |w: &terms::Word| quotes.iter().any(|q| q.span.start <= w.span.start && w.span.end <= q.span.end);
    let there: FxHashSet<String> =
        terms::words(&doc.text, sentence).into_iter().filter(|w| !inside(w)).map(|w| w.folded).collect();
    let distinct: FxHashSet<&String> = quote.iter().collect();
    let shared: Vec<&&String> = distinct.iter().filter(|w| there.contains(w.as_str())).collect();
    let heavy = shared.iter().filter(|w| !LIGHT.contains(&w.as_str())).count();
    let share = shared.len() as f64 / distinct.len().max(1) as f64;
    if (share >= 0.5 && heavy >= 1) || (share >= 0.3 && heavy >= 2) {
        share
    } else {
        0.0
    }
}

/// Changed phrases between two passages, as spans into each (consecutive removed and
/// inserted tokens form one change).
pub fn phrase_changes(a: &str, b: &str) -> Vec<(Option<Span>, Option<Span>)> {
    let mut out: Vec<(Option<Span>, Option<Span>)> = Vec::new();
    let mut open = false;
    let grow = |s: &mut Option<Span>, t: Span| {
        *s = Some(s.map_or(t, |s| Span::new(s.start.min(t.start), s.end.max(t.end))));
    };
    for piece in words::diff_texts(a, b) {
        match piece {
            Piece::Equal(..) => open = false,
            Piece::Removed(t) | Piece::Inserted(t) => {
                if !open {
                    out.push((None, None));
                    open = true;
                }
                if let Some(last) = out.last_mut() {
                    match piece {
                        Piece::Removed(_) => grow(&mut last.0, t),
                        _ => grow(&mut last.1, t),
                    }
                }
            }
        }
    }
    out
}

// ---------------------------------------------------------------- numbers and dates

/// What sort of fact a number or date is; only facts of one sort can be "changed" into each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FactSort {
    Count,
    Percent,
    Money,
    Ordinal,
    Year,
    Date,
    Weekday,
    Relative,
}

/// A number or date as written, with the value it is compared by.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub span: Span,
    pub sort: FactSort,
    /// "count:1200000", "weekday:monday", "relative:last week".
    pub key: String,
}

const SCALES: &[(&str, f64)] =
    &[("hundred", 1e2), ("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12)];
const SPELLED: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("dozen", 12.0),
    ("dozens", 24.0),
];
/// Words after which "one" stands for a thing ("the one", "the other one"), not a count.
const ONE_AS_PRONOUN_AFTER: &[&str] =
    &["the", "a", "no", "any", "every", "each", "this", "that", "which", "other", "same"];
const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
];
const PARTS_OF_DAY: &[&str] = &["morning", "afternoon", "evening", "night"];
const PERIODS: &[&str] = &[
    "week", "weekend", "month", "year", "night", "morning", "afternoon", "evening", "spring", "summer",
    "autumn", "fall", "winter", "decade", "century",
];

/// Words that relative dates start with ("last week", "earlier this month").
const RELATIVE_STARTS: &[&str] = &["last", "this", "next", "past", "coming", "previous", "earlier", "later"];
/// Words that are relative dates alone.
const RELATIVE_DAYS: &[&str] = &["yesterday", "today", "tomorrow", "tonight", "recently"];

/// Whether a word that is not a number can start a fact: a number word, a weekday, a month,
/// a relative date. Looked up in one list, since most words are none of these.
fn may_start_a_fact(folded: &str) -> bool {
    static STARTS: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    STARTS
        .get_or_init(|| {
            let spelled = SPELLED.iter().map(|(w, _)| *w);
            let lists = [WEEKDAYS, MONTHS, RELATIVE_STARTS, RELATIVE_DAYS];
            WordSet::of(spelled.chain(lists.into_iter().flatten().copied()))
        })
        .contains(folded)
}

/// A paragraph's words for [`facts`], their folded forms in one buffer: one allocation per
/// paragraph rather than one per word, and none once the buffers have grown (they are reused
/// from paragraph to paragraph).
#[derive(Default)]
struct FactWords {
    scratch: terms::Scratch,
    folded: String,
    words: Vec<FactWord>,
    /// The words that may start a fact (numbers, and words [`may_start_a_fact`]), in order:
    /// found as the words are read, so the search for facts passes over the others at once.
    starts: Vec<usize>,
}

struct FactWord {
    span: Span,
    /// Where its folded form is in [`FactWords::folded`].
    at: std::ops::Range<usize>,
    number: bool,
}

impl FactWords {
    /// Reads the words of `span`, in place of those read before.
    fn read(&mut self, text: &str, span: Span) {
        self.clear();
        let mut scratch = std::mem::take(&mut self.scratch);
        terms::scan_words(text, span, &mut scratch, |w| self.push(&w));
        self.scratch = scratch;
    }

    /// Takes the next word.
    fn push(&mut self, w: &terms::WordRef) {
        if w.number || may_start_a_fact(w.folded) {
            self.starts.push(self.words.len());
        }
        let from = self.folded.len();
        self.folded.push_str(w.folded);
        self.words.push(FactWord { span: w.span, at: from..self.folded.len(), number: w.number });
    }

    /// Forgets the words read (keeping the buffers).
    fn clear(&mut self) {
        self.folded.clear();
        self.words.clear();
        self.starts.clear();
    }

    /// The folded form of word `k`, if there is one.
    fn folded(&self, k: usize) -> Option<&str> {
        self.words.get(k).map(|w| &self.folded[w.at.clone()])
    }

    fn number(&self, k: usize) -> bool {
        self.words.get(k).is_some_and(|w| w.number)
    }
}

/// The numbers and dates of one paragraph, in order.
pub fn facts(doc: &Document, para: Span) -> Vec<Fact> {
    facts_with(doc, para, &mut FactWords::default())
}

/// [`facts`], reading the words into buffers the caller reuses.
fn facts_with(doc: &Document, para: Span, ws: &mut FactWords) -> Vec<Fact> {
    ws.read(&doc.text, para);
    let mut out = Vec::new();
    facts_of_words(doc, para, ws, &mut out);
    out
}

/// The facts of paragraph `para` of `doc`, whose words `ws` holds, appended to `out`.
fn facts_of_words(doc: &Document, para: Span, ws: &FactWords, out: &mut Vec<Fact>) {
    let text = doc.text.as_str();
    // Where the next fact may start: past the words the last one took.
    let mut from = 0;
    let raw = |k: usize| &text[ws.words[k].span.start..ws.words[k].span.end];
    for &i in &ws.starts {
        if i < from {
            continue;
        }
        let w = &ws.words[i];
        let f = ws.folded(i).unwrap_or_default();
        let next = ws.folded(i + 1);
        let prev = i.checked_sub(1).and_then(|p| ws.folded(p));
        let mut end = i;
        let fact = if w.number {
            let digits: String = f.chars().filter(|c| c.is_ascii_digit() || *c == '.').collect();
            let ordinal = f.ends_with("st") || f.ends_with("nd") || f.ends_with("rd") || f.ends_with("th");
            let mut value: f64 = digits.trim_end_matches('.').parse().unwrap_or(0.0);
            let mut sort = if ordinal { FactSort::Ordinal } else { FactSort::Count };
            if let Some(&(_, m)) = next.and_then(|n| SCALES.iter().find(|(s, _)| *s == n)) {
                value *= m;
                end += 1;
            }
            let tail = &text[ws.words[end].span.end..para.end];
            if tail.starts_with('%') {
                sort = FactSort::Percent;
            } else if ws.folded(end + 1) == Some("percent") {
                sort = FactSort::Percent;
                end += 1;
            } else if ws.folded(end + 1) == Some("per") && ws.folded(end + 2) == Some("cent") {
                // "per cent"; a paragraph may end at "per" (found by fuzzing).
                sort = FactSort::Percent;
                end += 2;
            }
            let head = &text[para.start..w.span.start];
            if head.ends_with(['$', '€', '£', '¥']) {
                sort = FactSort::Money;
            }
            if sort == FactSort::Count
                && !raw(i).contains([',', '.'])
                && (1800.0..=2100.0).contains(&value)
                && end == i
            {
                sort = FactSort::Year;
            }
            let key = match sort {
                FactSort::Year => format!("year:{value}"),
                _ => format!("{sort:?}:{value}").to_lowercase(),
            };
            Some((sort, key))
        } else if let Some(&(_, v)) = SPELLED.iter().find(|(s, _)| *s == f) {
            let determiner = prev.is_some_and(|p| ONE_AS_PRONOUN_AFTER.contains(&p));
            let pronoun = next.is_none_or(|n| {
                matches!(n, "of" | "to" | "another" | "who" | "that" | "which" | "and" | "or")
            });
            let mut value = v;
            if let Some(&(_, m)) = next.and_then(|n| SCALES.iter().find(|(s, _)| *s == n)) {
                value *= m;
                end += 1;
            }
            let after = |k: usize| ws.folded(end + k);
            if after(1) == Some("percent") {
                end += 1;
                Some((FactSort::Percent, format!("percent:{value}")))
            } else if after(1) == Some("percentage") && matches!(after(2), Some("point" | "points")) {
                end += 2;
                Some((FactSort::Percent, format!("points:{value}")))
            } else if f == "one" && (determiner || pronoun) {
                None
            } else if end > i {
                Some((FactSort::Count, format!("count:{value}")))
            } else {
                // A number word alone ("the two met", "one of them") is not a fact: it counts
                // with the noun it counts ("two years", "four people"), which the span keeps
                // so the finding reads as what was counted. The key stays the value, so "two
                // years" and "2 years" are the same fact.
                let noun = ws.folded(i + 1).filter(|&n| {
                    !ws.number(i + 1)
                        && n.chars().all(char::is_alphabetic)
                        && !SPELLED.iter().any(|(s, _)| *s == n)
                        && !doc.language.unwrap_or(Language::ENGLISH).is_function_word(n)
                        && !Language::ENGLISH.is_function_word(n)
                });
                noun.map(|_| {
                    end += 1;
                    (FactSort::Count, format!("count:{value}"))
                })
            }
        } else if WEEKDAYS.contains(&f) {
            if next.is_some_and(|n| PARTS_OF_DAY.contains(&n)) {
                end += 1;
            }
            Some((FactSort::Weekday, format!("weekday:{f}")))
        } else if MONTHS.contains(&f)
            && raw(i).starts_with(char::is_uppercase)
            && (f != "may" || ws.number(i + 1))
        {
            let mut key = format!("date:{f}");
            while let Some(n) = ws.folded(end + 1).filter(|_| ws.number(end + 1)) {
                key.push(' ');
                key.push_str(n);
                end += 1;
            }
            Some((FactSort::Date, key))
        } else if RELATIVE_DAYS.contains(&f) {
            Some((FactSort::Relative, format!("relative:{f}")))
        } else if RELATIVE_STARTS.contains(&f) {
            // "last week", "earlier this month", "this year".
            let mut j = i + 1;
            if matches!(f, "earlier" | "later") && ws.folded(j) == Some("this") {
                j += 1;
            }
            match ws.folded(j).filter(|n| PERIODS.contains(n)) {
                Some(_) if j > i => {
                    end = j;
                    let phrase: Vec<&str> = (i..=j).filter_map(|k| ws.folded(k)).collect();
                    Some((FactSort::Relative, format!("relative:{}", phrase.join(" "))))
                }
                _ => None,
            }
        } else {
            None
        };
        if let Some((sort, key)) = fact {
            let last = ws.words.get(end).unwrap_or(w);
            out.push(Fact { span: Span::new(w.span.start, last.span.end), sort, key });
        }
        from = end + 1;
    }
}

/// Paragraphs whose facts one parallel task reads.
const FACT_CHUNK: usize = 256;

/// Each paragraph's facts, in one array (a vector per paragraph costs a million-line text
/// more than its facts).
#[derive(Debug, Clone, PartialEq)]
pub struct ParaFacts {
    /// Paragraph `p`'s facts are `facts[starts[p]..starts[p + 1]]` (32-bit: a text has fewer
    /// facts than bytes, and a million-line text has a start for each line).
    starts: Vec<u32>,
    facts: Vec<Fact>,
}

impl Default for ParaFacts {
    fn default() -> Self {
        ParaFacts { starts: vec![0], facts: Vec::new() }
    }
}

/// A document's facts, read from its words as the alignment's term model scans them
/// ([`crate::terms::WordReader`]): the text is scanned once for both.
#[derive(Default)]
pub struct FactReader {
    words: FactWords,
    facts: ParaFacts,
}

impl FactReader {
    /// Each paragraph's facts.
    pub fn into_facts(self) -> ParaFacts {
        self.facts
    }
}

impl terms::WordReader for FactReader {
    fn word(&mut self, w: &terms::WordRef) {
        self.words.push(w);
    }

    fn paragraph(&mut self, doc: &Document, para: usize, whole: bool) {
        let span = doc.paragraphs[para].span;
        if !whole {
            self.words.read(&doc.text, span);
        }
        debug_assert_eq!(self.facts.starts.len(), para + 1, "paragraphs in order, each once");
        if para == 0 {
            // Room for every paragraph's start at once, not doubled on the way.
            self.facts.starts.reserve_exact(doc.paragraphs.len());
        }
        facts_of_words(doc, span, &self.words, &mut self.facts.facts);
        self.facts.starts.push(crate::input::narrow(self.facts.facts.len()));
        self.words.clear();
    }
}

impl ParaFacts {
    fn of(&self, p: usize) -> &[Fact] {
        &self.facts[self.starts[p] as usize..self.starts[p + 1] as usize]
    }

    /// Each paragraph's facts, in paragraph order.
    fn iter(&self) -> impl Iterator<Item = &[Fact]> {
        self.starts.windows(2).map(|w| &self.facts[w[0] as usize..w[1] as usize])
    }
}

/// The number findings; `facts`: each document's paragraphs' facts where they were read already
/// (as the term model scanned the words).
fn number_findings(
    left: &Document,
    right: &Document,
    links: &[Link],
    facts: Option<[ParaFacts; 2]>,
) -> Vec<Finding> {
    use rayon::prelude::*;
    let all_facts = |doc: &Document| -> ParaFacts {
        let chunks: Vec<(Vec<Fact>, Vec<usize>)> = doc
            .paragraphs
            .par_chunks(FACT_CHUNK)
            .map_init(FactWords::default, |ws, paras| {
                let (mut facts, mut ends) = (Vec::new(), Vec::with_capacity(paras.len()));
                for p in paras {
                    facts.extend(facts_with(doc, p.span, ws));
                    ends.push(facts.len());
                }
                (facts, ends)
            })
            .collect();
        let mut out = ParaFacts { starts: vec![0], facts: Vec::new() };
        for (facts, ends) in chunks {
            let base = out.facts.len();
            out.starts.extend(ends.into_iter().map(|e| crate::input::narrow(base + e)));
            out.facts.extend(facts);
        }
        out
    };
    let [lf, rf] = match facts {
        Some(read) => read,
        None => {
            let (lf, rf) = rayon::join(|| all_facts(left), || all_facts(right));
            [lf, rf]
        }
    };
    // Groups of linked paragraphs: connected parts of the link graph.
    let n = left.paragraphs.len();
    let mut parent: Vec<usize> = (0..n + right.paragraphs.len()).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for k in links {
        let (a, b) = (root(&mut parent, k.left), root(&mut parent, n + k.right));
        parent[a] = b;
    }
    let mut groups: FxHashMap<usize, (Vec<usize>, Vec<usize>)> = FxHashMap::default();
    let linked_l: FxHashSet<usize> = links.iter().map(|k| k.left).collect();
    let linked_r: FxHashSet<usize> = links.iter().map(|k| k.right).collect();
    for &p in &linked_l {
        groups.entry(root(&mut parent, p)).or_default().0.push(p);
    }
    for &p in &linked_r {
        groups.entry(root(&mut parent, n + p)).or_default().1.push(p);
    }
    let mut out = Vec::new();
    // One-sided facts, (on the left, fact), grouped by value at the end.
    let mut one_sided: Vec<(bool, &Fact)> = Vec::new();
    let mut groups: Vec<(Vec<usize>, Vec<usize>)> = groups.into_values().collect();
    groups.sort();
    for (mut ls, mut rs) in groups {
        ls.sort_unstable();
        rs.sort_unstable();
        let mut a: Vec<&Fact> = ls.iter().flat_map(|&p| lf.of(p)).collect();
        let mut b: Vec<&Fact> = rs.iter().flat_map(|&p| rf.of(p)).collect();
        // The same value on both sides: not a finding.
        a.retain(|f| match b.iter().position(|g| g.key == f.key) {
            Some(j) => {
                b.remove(j);
                false
            }
            None => true,
        });
        // What is left, of the same sort on both sides, changed; the rest is one-sided.
        a.retain(|f| match b.iter().position(|g| g.sort == f.sort) {
            Some(j) => {
                let g = b.remove(j);
                out.push(finding(FindingKind::NumberChanged, Some(f.span), Some(g.span)));
                false
            }
            None => true,
        });
        one_sided.extend(a.iter().map(|f| (true, *f)));
        one_sided.extend(b.iter().map(|g| (false, *g)));
    }
    // Paragraphs with no counterpart: their facts are one-sided unless the other version
    // states the same value anywhere.
    for (facts, others, doc, linked, kind) in [
        (&lf, &rf, left, &linked_l, FindingKind::NumberOnlyLeft),
        (&rf, &lf, right, &linked_r, FindingKind::NumberOnlyRight),
    ] {
        let elsewhere: FxHashSet<&str> = others.facts.iter().map(|f| f.key.as_str()).collect();
        let unlinked = facts
            .iter()
            .enumerate()
            .filter(|(p, _)| !linked.contains(p) && doc.paragraphs[*p].kind != Kind::Furniture);
        let left_side = kind == FindingKind::NumberOnlyLeft;
        one_sided.extend(
            unlinked
                .flat_map(|(_, fs)| fs)
                .filter(|f| !elsewhere.contains(f.key.as_str()))
                .map(|f| (left_side, f)),
        );
    }
    // The same one-sided value written again ("Monday" four times) is one finding, its
    // further occurrences kept in reading order.
    one_sided.sort_by_key(|(left, f)| (!left, f.span.start));
    let mut first_of: FxHashMap<(bool, &str), usize> = FxHashMap::default();
    for (left, f) in one_sided {
        match first_of.get(&(left, f.key.as_str())) {
            Some(&i) => out[i].repeats.push(f.span),
            None => {
                first_of.insert((left, f.key.as_str()), out.len());
                out.push(if left {
                    finding(FindingKind::NumberOnlyLeft, Some(f.span), None)
                } else {
                    finding(FindingKind::NumberOnlyRight, None, Some(f.span))
                });
            }
        }
    }
    out
}

fn finding(kind: FindingKind, left: Option<Span>, right: Option<Span>) -> Finding {
    Finding { kind, left, right, speaker: None, changes: vec![], repeats: vec![] }
}

// ---------------------------------------------------------------- names

fn name_findings(left: &Document, right: &Document, people: &People) -> Vec<Finding> {
    let mut out = Vec::new();
    for p in &people.persons {
        match (p.left.first(), p.right.first()) {
            (Some(&l), None) => out.push(finding(FindingKind::NameOnlyLeft, Some(l), None)),
            (None, Some(&r)) => out.push(finding(FindingKind::NameOnlyRight, None, Some(r))),
            _ => {}
        }
    }
    // Found with the people, from the same words; a People made elsewhere (without them)
    // has them found here.
    let own;
    let (lp, rp) = match people.places.as_slice() {
        [l, r] => (l, r),
        _ => {
            own = (people::places(left), people::places(right));
            (&own.0, &own.1)
        }
    };
    for (places, other_places, left_side) in [(lp, rp, true), (rp, lp, false)] {
        let keys: FxHashSet<&str> = other_places.named.iter().map(|p| p.key.as_str()).collect();
        // Lower-case writing counts as naming it too ("kyiv").
        let written = |key: &str| other_places.lower.contains(key);
        let mut seen = FxHashSet::default();
        for p in &places.named {
            if keys.contains(p.key.as_str()) || !seen.insert(p.key.as_str()) || written(&p.key) {
                continue;
            }
            out.push(if left_side {
                finding(FindingKind::NameOnlyLeft, Some(p.span), None)
            } else {
                finding(FindingKind::NameOnlyRight, None, Some(p.span))
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Source;

    /// Sentences that cut a word ("1,2" and "00 people") or leave text between them are not
    /// read for facts: the paragraph is scanned whole, and its facts are its own.
    #[test]
    fn facts_of_sentences_that_cut_a_word_are_the_paragraphs() {
        let text = "They counted 1,200 people. Two more";
        let cut = text.find(",2").unwrap() + 2;
        let mut doc = Document::parse(Source::from_text("a", text));
        let span = doc.paragraphs[0].span;
        let sentences = [Span::new(0, cut), Span::new(cut, text.len())];
        doc.paragraphs[0] =
            crate::document::Paragraph::new(span, Kind::Body, sentences.into_iter().collect());
        let other = Document::parse(Source::from_text("b", "Nothing here."));
        let (_, [read, _]) = terms::TermModel::build_reading::<FactReader>(&doc, &other);
        let alone = facts(&doc, span);
        assert!(alone.iter().any(|f| f.key == "count:1200"), "{alone:?}");
        assert_eq!(read.into_facts().of(0), alone.as_slice());
    }

    proptest::proptest! {
        /// The facts read from the words the term model scans, sentence by sentence, are each
        /// paragraph's facts as a scan of the whole paragraph finds them: with sentences that
        /// end without a space after them, decimals, dotted acronyms, separators between digits
        /// and headings.
        #[test]
        fn facts_read_with_the_term_model_are_each_paragraphs_facts(
            a in "((one|two|May|Monday|last|week|per|cent|U\\.S\\.|1,200|3\\.5|2015|million|# Two|people|€5|5%|Dr\\.|é|“Ten”)[ .,!?…\u{a0}\n]{1,3}){0,25}",
            b in "((three|June|today|next|year|1\\.5|20|billion|percent|St\\.|J\\.R\\.|said|’s)[ .,!?\n]{1,3}){0,25}",
        ) {
            let (l, r) = (Document::parse(Source::from_text("a", &a)), Document::parse(Source::from_text("b", &b)));
            let (_, [lf, rf]) = terms::TermModel::build_reading::<FactReader>(&l, &r);
            for (doc, read) in [(&l, lf.into_facts()), (&r, rf.into_facts())] {
                proptest::prop_assert_eq!(read.starts.len(), doc.paragraphs.len() + 1);
                for (p, para) in doc.paragraphs.iter().enumerate() {
                    let alone = facts(doc, para.span);
                    proptest::prop_assert_eq!(read.of(p), alone.as_slice());
                }
            }
        }
    }
}
