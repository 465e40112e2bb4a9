//! The reader over a story's history: which pair of versions is on screen, each step's
//! analysis as it comes, stepping and picking pairs, and the blame and fact timeline once
//! every step is in. The analysis itself runs elsewhere; the reader only asks for pairs
//! ([`App::take_requests`]) and is given comparisons ([`App::analysed`]).

use super::{App, Panel};
use crate::comparison::{Comparison, Progress};
use crate::describe::version_label;
use crate::document::Document;
use crate::history::{self, Blame, Pair, SentenceBlame, Track, Version};
use std::sync::Arc;
use std::time::Duration;

/// A pair's analysis: still running, done and put by, or the one on screen (then it is
/// `App::comparison`).
#[derive(Debug, Clone)]
pub enum Slot {
    Waiting(Arc<Progress>),
    Ready(Box<Comparison>),
    OnScreen,
}

/// A history as the reader holds it.
#[derive(Debug, Clone)]
pub struct Versions {
    pub versions: Vec<Version>,
    pub documents: Arc<[Arc<Document>]>,
    /// Every pair asked for: the consecutive steps first (slot `k` is version `k` → `k + 1`),
    /// then pairs the user picked.
    pub slots: Vec<(Pair, Slot)>,
    /// The pair on screen.
    pub shown: Pair,
    /// Once every step is analysed: the latest version's blame and the facts that changed
    /// more than once.
    pub blame: Option<Blame>,
    pub timeline: Vec<Track>,
    /// Each fact of the timeline on one line, for the findings panel (made with it).
    pub timeline_lines: Vec<String>,
    /// Pairs asked for that the analysis has not been told of yet.
    requests: Vec<(Pair, Arc<Progress>)>,
}

impl Versions {
    /// Consecutive steps analysed so far; the one on screen counts when `on_screen_done`.
    pub fn ready_steps(&self, on_screen_done: bool) -> usize {
        self.steps()
            .filter(|(_, s)| match s {
                Slot::Waiting(_) => false,
                Slot::Ready(_) => true,
                Slot::OnScreen => on_screen_done,
            })
            .count()
    }

    /// The consecutive steps' slots, in order.
    pub fn steps(&self) -> impl Iterator<Item = &(Pair, Slot)> {
        self.slots.iter().take(self.versions.len().saturating_sub(1))
    }

    fn slot(&self, pair: Pair) -> Option<usize> {
        self.slots.iter().position(|(p, _)| *p == pair)
    }

    /// The latest version's index.
    pub fn latest(&self) -> usize {
        self.versions.len().saturating_sub(1)
    }
}

impl App {
    /// A reader on a history of at least two versions: the first step (documents only, while
    /// it is analysed) on screen, and every step asked for.
    pub fn history(versions: Vec<Version>, documents: Arc<[Arc<Document>]>, width: u16, height: u16) -> App {
        let n = documents.len();
        let slots: Vec<(Pair, Slot)> =
            (0..n.saturating_sub(1)).map(|k| ((k, k + 1), Slot::Waiting(Arc::default()))).collect();
        let requests = slots
            .iter()
            .filter_map(|(p, s)| match s {
                Slot::Waiting(progress) => Some((*p, progress.clone())),
                _ => None,
            })
            .collect();
        let first = match slots.first() {
            Some((_, Slot::Waiting(p))) => Some(p.clone()),
            _ => None,
        };
        let unaligned = Comparison::unaligned(documents[0].clone(), documents.get(1).cloned());
        let mut app = App::new(unaligned, width, height);
        app.analysis = first;
        app.history = Some(Versions {
            versions,
            documents,
            slots,
            shown: (0, 1),
            blame: None,
            timeline: Vec::new(),
            timeline_lines: Vec::new(),
            requests,
        });
        if let Some(v) = app.history.as_mut() {
            v.slots[0].1 = Slot::OnScreen;
        }
        app.resize(width, height);
        app
    }

    /// Pairs to be analysed that the analysis has not been given yet.
    pub fn take_requests(&mut self) -> Vec<(Pair, Arc<Progress>)> {
        self.history.as_mut().map(|v| std::mem::take(&mut v.requests)).unwrap_or_default()
    }

    /// The pair on screen, for a history.
    pub fn shown_pair(&self) -> Option<Pair> {
        self.history.as_ref().map(|v| v.shown)
    }

    /// Whether any pair is still being analysed.
    pub fn analysing_any(&self) -> bool {
        match &self.history {
            Some(v) => v.slots.iter().any(|(_, s)| matches!(s, Slot::Waiting(_))) || self.analysis.is_some(),
            None => self.analysis.is_some(),
        }
    }

    /// A pair's analysis is done: shown at once if it is the pair on screen, else put by.
    pub fn analysed(&mut self, pair: Pair, comparison: Comparison, took: Duration) {
        let Some(v) = self.history.as_mut() else {
            self.finish_analysis(comparison, took);
            return;
        };
        let Some(i) = v.slot(pair) else { return };
        if v.shown == pair {
            if self.analysis.is_some() {
                self.finish_analysis(comparison, took);
                self.message = Some(format!(
                    "{} → {} analysed in {:.1} s",
                    version_label(pair.0),
                    version_label(pair.1),
                    took.as_secs_f64()
                ));
            }
        } else {
            v.slots[i].1 = Slot::Ready(Box::new(comparison));
        }
        self.after_every_step();
    }

    /// Once every consecutive step is in: the blame and the timeline.
    fn after_every_step(&mut self) {
        let Some(v) = &self.history else { return };
        if v.blame.is_some() || v.ready_steps(self.analysis.is_none()) + 1 < v.versions.len() {
            return;
        }
        let steps: Vec<&Comparison> = v
            .steps()
            .filter_map(|(_, s)| match s {
                Slot::Ready(c) => Some(c.as_ref()),
                Slot::OnScreen => Some(&self.comparison),
                Slot::Waiting(_) => None,
            })
            .collect();
        let blame = history::blame(&steps);
        let timeline = history::timeline(&steps);
        let lines = timeline
            .iter()
            .map(|t| format!("{}: {}", t.family.label(), crate::describe::describe_track(&steps, t)))
            .collect();
        if let Some(v) = self.history.as_mut() {
            v.blame = Some(blame);
            v.timeline = timeline;
            v.timeline_lines = lines;
        }
    }

    /// Shows another pair of versions: its analysis if done, else its documents while it
    /// runs (asking for it if nobody has). The place in the text is kept by paragraph.
    pub fn show_pair(&mut self, pair: Pair) {
        let top = self.top_text();
        let Some(v) = self.history.as_mut() else { return };
        let n = v.versions.len();
        if pair.0 >= n || pair.1 >= n || pair.0 == pair.1 || pair == v.shown {
            return;
        }
        let i = match v.slot(pair) {
            Some(i) => i,
            None => {
                let progress = Arc::new(Progress::default());
                v.requests.push((pair, progress.clone()));
                v.slots.push((pair, Slot::Waiting(progress)));
                v.slots.len() - 1
            }
        };
        // The pair comes on screen: its analysis if it has one, else its documents alone;
        // the pair it replaces is put by, analysed or still waiting for its analysis.
        let old = v.slot(v.shown).unwrap_or(0);
        let (incoming, waiting) = match std::mem::replace(&mut v.slots[i].1, Slot::OnScreen) {
            Slot::Ready(c) => (*c, None),
            Slot::Waiting(p) => {
                let docs = &v.documents;
                (Comparison::unaligned(docs[pair.0].clone(), Some(docs[pair.1].clone())), Some(p))
            }
            Slot::OnScreen => return,
        };
        let on_screen = std::mem::replace(&mut self.comparison, incoming);
        v.slots[old].1 = match self.analysis.take() {
            Some(p) => Slot::Waiting(p),
            None => Slot::Ready(Box::new(on_screen)),
        };
        v.shown = pair;
        self.current = None;
        self.focus = None;
        self.search = None;
        self.mention = None;
        self.shown_finding = None;
        self.occurrence = 0;
        self.finding = 0;
        self.person = 0;
        let label = format!("{} → {}", version_label(pair.0), version_label(pair.1));
        self.message = Some(match &waiting {
            None => format!("{label}: {}", crate::describe::step_counts(&self.comparison)),
            Some(_) => format!("{label}: being analysed"),
        });
        self.analysis = waiting;
        self.relayout_keeping_top(top, None, super::Keep::Index);
    }

    /// `>` / `<`: the next or previous consecutive step (from a picked pair, the step that
    /// starts at or before its older version).
    pub(super) fn step_version(&mut self, forward: bool) {
        let Some(v) = &self.history else {
            self.message = Some("one pair of versions: give three or more to step through a history".into());
            return;
        };
        let last_step = v.versions.len().saturating_sub(2);
        let (a, b) = v.shown;
        let k = if forward {
            if b == a + 1 {
                a + 1
            } else {
                a
            }
        } else {
            a.saturating_sub(1)
        };
        if (forward && b == a + 1 && a >= last_step) || (!forward && a == 0 && b == 1) {
            self.message = Some(if forward { "the last step" } else { "the first step" }.into());
            return;
        }
        self.show_pair((k.min(last_step), k.min(last_step) + 1));
    }

    /// The version-pick prompt was answered: "1 5" (or "15", "1-5") compares V1 with V5.
    pub(super) fn pick_versions(&mut self, answer: &str) {
        let Some(v) = &self.history else { return };
        let n = v.versions.len();
        let mut numbers: Vec<usize> = answer
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .filter_map(|s| s.parse().ok())
            .collect();
        // With at most nine versions, "15" is V1 and V5.
        if let [both] = numbers[..] {
            if n <= 9 && (10..100).contains(&both) {
                numbers = vec![both / 10, both % 10];
            }
        }
        match numbers[..] {
            [a, b] if (1..=n).contains(&a) && (1..=n).contains(&b) && a != b => {
                self.show_pair((a.min(b) - 1, a.max(b) - 1));
            }
            _ => self.message = Some(format!("give two different versions from 1 to {n}, e.g. 1 {n}")),
        }
    }

    /// The paragraph of the latest version the blame panel is about: the marked row's, else
    /// the first one at the top of the right pane. `None` unless the right pane shows the
    /// latest version.
    pub fn blame_paragraph(&self) -> Option<usize> {
        let v = self.history.as_ref()?;
        if v.shown.1 != v.latest() || self.analysis.is_some() {
            return None;
        }
        if let Some(row) = self.focus.filter(|r| self.visible_rows().contains(r)) {
            if let Some(p) = self.comparison.rows.get(row).and_then(|r| r.right.first()) {
                return Some(p);
            }
        }
        self.layout.lines_from(&self.comparison, self.scroll_right).find_map(|l| l.right).map(|s| s.para)
    }

    /// The blame of the paragraph [`App::blame_paragraph`] names.
    pub fn blamed(&self) -> Option<&[SentenceBlame]> {
        let p = self.blame_paragraph()?;
        self.history.as_ref()?.blame.as_ref()?.paragraphs.get(p).map(Vec::as_slice)
    }

    /// `B`: open or close the blame panel.
    pub(super) fn toggle_blame(&mut self) {
        let Some(v) = &self.history else {
            self.message = Some("blame needs a history: give three or more versions".into());
            return;
        };
        if self.panel == Some(Panel::Blame) {
            self.panel = None;
            return;
        }
        self.panel = Some(Panel::Blame);
        let latest = version_label(v.latest());
        self.message = Some(if v.blame.is_none() {
            let ready = v.ready_steps(self.analysis.is_none());
            format!("blame waits for every step ({ready} of {} analysed)", v.versions.len() - 1)
        } else if v.shown.1 != v.latest() {
            format!("blame reads the latest version, {latest}: show a step that ends in it")
        } else {
            "the paragraph at the top of the right pane, sentence by sentence".to_string()
        });
    }

    /// The document of a version.
    pub fn version_document(&self, v: usize) -> Option<&Document> {
        self.history.as_ref()?.documents.get(v).map(|d| &**d)
    }
}

impl App {
    /// What the status bar says of a chosen fact of the timeline.
    pub(super) fn track_note(&self, i: usize) -> String {
        let Some(t) = self.history.as_ref().and_then(|v| v.timeline.get(i)) else { return String::new() };
        let versions: Vec<String> = t.states.iter().map(|s| version_label(s.version)).collect();
        format!(
            "a {} that changed {} times ({}); {}: its last change",
            t.family.label(),
            t.kinds.len(),
            versions.join(" → "),
            self.keymap.key_of(crate::action::Action::Open)
        )
    }

    /// Enter on a fact of the timeline: the step of its last change on screen, and that
    /// change's finding gone to, as Enter on the finding itself would.
    pub(super) fn open_track(&mut self, i: usize) {
        let Some(t) = self.history.as_ref().and_then(|v| v.timeline.get(i)).cloned() else { return };
        let (Some(last), Some(before)) = (t.states.last().copied(), t.states.iter().rev().nth(1).copied())
        else {
            return;
        };
        // The change came in the step that ends at the last state's version (the fact may
        // have stood unchanged in the versions between).
        let pair = (last.version.saturating_sub(1), last.version);
        let before_text =
            self.version_document(before.version).zip(before.span).map(|(d, s)| d.slice(s).to_string());
        self.show_pair(pair);
        let across = self.timeline_lines().len();
        // Stay on the fact in the panel while the step is analysed.
        self.finding = i;
        if self.analysis.is_some() {
            self.message = Some(format!(
                "{} → {}: being analysed; {} again when it is done",
                version_label(pair.0),
                version_label(pair.1),
                self.keymap.key_of(crate::action::Action::Open)
            ));
            return;
        }
        let overlaps = |a: Option<crate::document::Span>, b: Option<crate::document::Span>| match (a, b) {
            (Some(a), Some(b)) => a.start < b.end && b.start < a.end,
            _ => false,
        };
        // The finding that writes the fact's last wording; for a fact dropped, the one that
        // says the left version wrote its earlier wording.
        let left = &self.comparison.left;
        let found = self.comparison.findings.iter().position(|f| {
            overlaps(f.right, last.span)
                || (last.span.is_none()
                    && f.right.is_none()
                    && f.left.map(|s| left.slice(s)) == before_text.as_deref())
        });
        match found {
            Some(j) => {
                self.finding = across + j;
                self.open_selected();
            }
            None => {
                self.message = Some(format!(
                    "{} → {}: the last change of this fact",
                    version_label(pair.0),
                    version_label(pair.1)
                ));
            }
        }
    }
}
