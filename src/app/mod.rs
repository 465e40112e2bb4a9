//! The reader's state and everything that changes it. No terminal types: keys become
//! [`Action`]s (or [`Edit`]s while typing a search) in `keymap`, and the view only reads an
//! `&App`.

mod navigate;
mod versions;

pub use crate::action::{Action, Edit};
pub use navigate::{Match, Search};
pub use versions::{Slot, Versions};

use crate::comparison::{Comparison, Progress};
use crate::layout::{Geometry, Layout};
use std::sync::Arc;
use std::time::Duration;

/// Lines the blame panel asks for (like any panel, it gets at most two fifths of the screen):
/// its paragraph follows the scrolling, so its size is not the paragraph's, and each sentence
/// takes two lines or more (it, then what it said before, both wrapped).
const BLAME_PANEL_LINES: usize = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help,
}

/// A list shown under the panes, which takes the selection keys while open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    People,
    Findings,
    /// Where each sentence of a paragraph of the latest version comes from (a history).
    Blame,
}

/// What the prompt in the status bar asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Prompt {
    #[default]
    Search,
    /// Two version numbers to compare.
    Versions,
}

/// What an analysis running elsewhere hands the reader, laid out at the width the reader
/// last asked for ([`Progress::width`]).
pub enum Delivery {
    /// The whole texts, parsed and unaligned, in place of the beginnings shown so far.
    Texts(Comparison, Layout),
    /// The finished comparison.
    Analysed(Comparison, Layout),
}

/// How a new comparison's layout finds the text that was at the top.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keep {
    /// The paragraph of the same index (another version of the text).
    Index,
    /// The paragraph holding the same byte offset (the same text).
    Offset,
}

/// One mention: which side, and its index in that side's `People` mention list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MentionAt {
    pub left: bool,
    pub index: usize,
}

/// Which pane scroll keys move when the panes are not in step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scrolling {
    Together,
    LeftAlone,
    RightAlone,
}

/// The reader: the comparison, its layout for the current width, and where the user is.
#[derive(Debug, Clone)]
pub struct App {
    pub comparison: Comparison,
    pub layout: Layout,
    pub geometry: Geometry,
    /// The first visual line shown in the left pane (and the right one, when together).
    pub scroll: usize,
    /// The first visual line shown in the right pane.
    pub scroll_right: usize,
    /// While scrolling together, how many lines further down the right pane is: zero but
    /// after going to a finding whose two sides stand in different rows (`s` resets it).
    pub offset: isize,
    pub scrolling: Scrolling,
    pub overlay: Overlay,
    /// The row the last jump landed on, marked in the gutter.
    pub focus: Option<usize>,
    /// The difference the last `]`/`[` landed on (an index into `comparison.differences`).
    pub current: Option<usize>,
    /// Only rows with differences are laid out.
    pub only_changes: bool,
    /// The prompt's text while the user types it, and what it asks for.
    pub input: Option<String>,
    pub prompt: Prompt,
    pub search: Option<Search>,
    /// A one-line message for the status bar, replaced by the next action.
    pub message: Option<String>,
    pub running: bool,
    /// Whether the view may use colour (off under NO_COLOR).
    pub color: bool,
    /// The terminal's background, which the colours suit.
    pub background: crate::ui::theme::Background,
    /// The key bindings in force (the help screen lists these).
    pub keymap: crate::keymap::Keymap,
    /// People's mentions are coloured.
    pub show_people: bool,
    pub panel: Option<Panel>,
    /// The chosen person (an index into `comparison.people.persons`).
    pub person: usize,
    /// The mention the last `}`/`{` landed on.
    pub mention: Option<MentionAt>,
    /// The chosen finding (an index into `comparison.findings`).
    pub finding: usize,
    /// The finding the last Enter in the findings panel went to, highlighted.
    pub shown_finding: Option<usize>,
    /// Which of the shown finding's occurrences ([`crate::findings::Finding::occurrences`])
    /// Enter went to: a repeated fact's next Enter goes to the next one.
    pub occurrence: usize,
    /// While the analysis runs elsewhere: how far it has got. The comparison is then the
    /// documents alone ([`Comparison::unaligned`]).
    pub analysis: Option<Arc<Progress>>,
    /// For three versions or more: the history, and which pair is on screen.
    pub history: Option<Versions>,
}

impl App {
    pub fn new(comparison: Comparison, width: u16, height: u16) -> App {
        let geometry = Geometry { width, height };
        let layout = Layout::new(&comparison, geometry.text_width() as usize, false);
        App {
            comparison,
            layout,
            geometry,
            scroll: 0,
            scroll_right: 0,
            offset: 0,
            scrolling: Scrolling::Together,
            overlay: Overlay::None,
            focus: None,
            current: None,
            only_changes: false,
            input: None,
            prompt: Prompt::Search,
            search: None,
            message: None,
            running: true,
            color: true,
            background: Default::default(),
            keymap: Default::default(),
            show_people: true,
            panel: None,
            person: 0,
            mention: None,
            finding: 0,
            shown_finding: None,
            occurrence: 0,
            analysis: None,
            history: None,
        }
    }

    /// A reader showing the documents at once while their analysis runs elsewhere.
    pub fn analysing(documents: Comparison, progress: Arc<Progress>, width: u16, height: u16) -> App {
        let app = App::new(documents, width, height);
        progress.set_width(app.layout.width);
        App { analysis: Some(progress), ..app }
    }

    /// The analysis has finished: show it, keeping the text at the top of the left pane at
    /// the top.
    pub fn finish_analysis(&mut self, comparison: Comparison, took: Duration) {
        self.take(comparison, None, Some(took));
    }

    /// Takes what an analysis running elsewhere hands over (a layout made at another width is
    /// made again), keeping the text at the top of the left pane at the top.
    pub fn deliver(&mut self, delivery: Delivery, took: Duration) {
        match delivery {
            Delivery::Texts(c, layout) => self.take(c, Some(layout), None),
            Delivery::Analysed(c, layout) => self.take(c, Some(layout), Some(took)),
        }
    }

    /// Shows a comparison of the texts on screen, laid out anew unless `layout` fits; `took`
    /// is the analysis's time when this ends it.
    fn take(&mut self, comparison: Comparison, layout: Option<Layout>, took: Option<Duration>) {
        let top = self.top_text();
        self.comparison = comparison;
        if let Some(took) = took {
            self.analysis = None;
            self.message = Some(format!("analysed in {:.1} s", took.as_secs_f64()));
        }
        self.relayout_keeping_top(top, layout, Keep::Offset);
    }

    /// The text at the top of the left pane (or below it, the first the left pane shows): its
    /// paragraph and byte offset. Asked before the comparison on screen is replaced.
    fn top_text(&self) -> Option<(usize, usize)> {
        let from = self.scroll.min(self.layout.len().saturating_sub(1));
        self.layout
            .lines_from(&self.comparison, from)
            .find_map(|l| l.left)
            .map(|seg| (seg.para, seg.span.start))
    }

    /// Lays out a new comparison (or takes `layout`, when it is at the width and rows shown),
    /// keeping the text at the top of the left pane at the top: the paragraph by its index
    /// ([`Keep::Index`], where it stands in another step of a history too) or the text by its
    /// offset ([`Keep::Offset`], the same text parsed again or analysed).
    fn relayout_keeping_top(&mut self, top: Option<(usize, usize)>, layout: Option<Layout>, keep: Keep) {
        let width = self.geometry.text_width() as usize;
        let fits =
            |l: &Layout| l.width == width && l.rows() == self.comparison.rows.len() && !self.only_changes;
        self.layout = match layout {
            Some(l) if fits(&l) => l,
            _ => Layout::new(&self.comparison, width, self.only_changes),
        };
        let paragraphs = &self.comparison.left.paragraphs;
        self.scroll = top
            .and_then(|(p, at)| {
                let p = match keep {
                    Keep::Index => p,
                    Keep::Offset => paragraphs.partition_point(|q| q.span.end < at),
                };
                let row = self.comparison.left_row.get(p)?;
                let para = paragraphs.get(p)?;
                self.layout.line_of(&self.comparison, row, true, p, at.clamp(para.span.start, para.span.end))
            })
            .unwrap_or(0);
        self.scroll_right = self.scroll;
        self.offset = 0;
        self.clamp();
    }

    /// The share of the analysis done, while it runs.
    pub fn analysis_done(&self) -> Option<f32> {
        self.analysis.as_ref().map(|p| p.fraction())
    }

    /// The terminal changed size: re-wrap if the text width changed, keep the same row on top.
    pub fn resize(&mut self, width: u16, height: u16) {
        // A history's version bar takes the top line.
        let height = height.saturating_sub(u16::from(self.history.is_some()));
        self.geometry = Geometry { width, height };
        if self.geometry.text_width() as usize != self.layout.width {
            self.relayout();
        }
        if let Some(p) = &self.analysis {
            p.set_width(self.layout.width);
        }
        self.clamp();
    }

    /// Rebuilds the layout (new width, or rows shown or hidden), keeping the top rows.
    fn relayout(&mut self) {
        let (top, top_right) = (self.layout.row_at(self.scroll), self.layout.row_at(self.scroll_right));
        self.layout = Layout::new(&self.comparison, self.geometry.text_width() as usize, self.only_changes);
        let start = |r: Option<usize>| r.and_then(|r| self.layout.row_start(r)).unwrap_or(0);
        self.scroll = start(top);
        self.scroll_right = start(top_right);
        self.offset = 0;
    }

    pub fn update(&mut self, action: Action) {
        let page = self.page();
        self.message = None;
        if let Some(done) = self.analysis_done().filter(|_| action.needs_analysis()) {
            self.message = Some(format!("{:.0}% analysed: that key waits for the analysis", done * 100.0));
            return;
        }
        let step = |n: usize| n.max(1) as isize;
        match action {
            Action::LineDown => self.scroll_by(1),
            Action::LineUp => self.scroll_by(-1),
            Action::PageDown => self.scroll_by(step(page.saturating_sub(1))),
            Action::PageUp => self.scroll_by(-step(page.saturating_sub(1))),
            Action::HalfPageDown => self.scroll_by(step(page / 2)),
            Action::HalfPageUp => self.scroll_by(-step(page / 2)),
            Action::Top => self.scroll_to(0),
            Action::Bottom => self.scroll_to(usize::MAX),
            Action::NextDifference => self.step_difference(true),
            Action::PrevDifference => self.step_difference(false),
            Action::JumpMoved => self.jump_moved(),
            Action::ToggleOnlyChanges => {
                self.only_changes = !self.only_changes;
                self.relayout();
                self.message = Some(
                    if self.only_changes {
                        "showing only rows with differences (d: all rows)"
                    } else {
                        "showing all rows"
                    }
                    .to_string(),
                );
            }
            Action::StartSearch => {
                self.input = Some(String::new());
                self.prompt = Prompt::Search;
            }
            Action::NextStep => self.step_version(true),
            Action::PrevStep => self.step_version(false),
            Action::PickVersions => {
                if let Some(v) = &self.history {
                    self.input = Some(String::new());
                    self.prompt = Prompt::Versions;
                    self.message = Some(format!("compare which two versions (1–{})?", v.versions.len()));
                } else {
                    self.message = Some("one pair of versions: give three or more to pick from".into());
                }
            }
            Action::BlamePanel => self.toggle_blame(),
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            Action::SwitchPane => {
                self.scrolling = match self.scrolling {
                    Scrolling::Together | Scrolling::RightAlone => Scrolling::LeftAlone,
                    Scrolling::LeftAlone => Scrolling::RightAlone,
                };
                let which = if self.scrolling == Scrolling::LeftAlone { "left" } else { "right" };
                self.message =
                    Some(format!("scrolling the {which} pane alone (Tab: other pane, s: together)"));
            }
            Action::Resync => {
                if self.scrolling == Scrolling::RightAlone {
                    self.scroll = self.scroll_right;
                }
                self.scrolling = Scrolling::Together;
                self.offset = 0;
                self.scroll_right = self.scroll;
                self.message = Some("panes scroll together".to_string());
            }
            Action::TogglePeople => {
                self.show_people = !self.show_people;
                let n = self.comparison.people.persons.len();
                self.message = Some(if self.show_people {
                    format!("highlighting {n} people (P lists them)")
                } else {
                    "people not highlighted (p: highlight)".to_string()
                });
            }
            Action::PeoplePanel => {
                self.panel = if self.panel == Some(Panel::People) { None } else { Some(Panel::People) };
                if self.panel.is_some() && self.comparison.people.persons.is_empty() {
                    self.message = Some("no people named in either version".to_string());
                }
            }
            Action::FindingsPanel => {
                self.panel = if self.panel == Some(Panel::Findings) { None } else { Some(Panel::Findings) };
                if self.panel.is_some() && self.panel_len() == 0 {
                    self.message = Some(self.no_findings_note().to_string());
                }
            }
            Action::NextMention => self.step_mention(true),
            Action::PrevMention => self.step_mention(false),
            Action::SelectNext => self.select(1),
            Action::SelectPrev => self.select(-1),
            Action::Open => self.open_selected(),
            Action::ToggleHelp => {
                self.overlay = if self.overlay == Overlay::Help { Overlay::None } else { Overlay::Help }
            }
            Action::Back if self.overlay != Overlay::None => self.overlay = Overlay::None,
            Action::Back if self.panel.is_some() => self.panel = None,
            Action::Back if self.search.is_some() => {
                self.search = None;
                self.message = Some("search cleared".to_string());
            }
            Action::Back | Action::Quit => self.running = false,
        }
        self.clamp();
    }

    /// A key typed while the search prompt is open.
    pub fn edit(&mut self, edit: Edit) {
        let Some(text) = self.input.as_mut() else { return };
        match edit {
            Edit::Char(c) if !c.is_control() => text.push(c),
            Edit::Char(_) => {}
            Edit::Backspace => {
                text.pop();
            }
            Edit::Cancel => self.input = None,
            Edit::Commit => {
                let answer = self.input.take().unwrap_or_default();
                match self.prompt {
                    Prompt::Search => self.run_search(&answer),
                    Prompt::Versions => self.pick_versions(&answer),
                }
            }
        }
        self.clamp();
    }

    /// Visual lines that fit in a pane (less what an open panel takes).
    pub fn page(&self) -> usize {
        (self.geometry.body_height().saturating_sub(self.panel_height())).max(1) as usize
    }

    /// What the findings panel says when it has nothing to list.
    pub fn no_findings_note(&self) -> &'static str {
        if self.comparison.right.is_some() {
            "no findings: quotations, numbers and names agree"
        } else {
            "findings compare two versions; there is one"
        }
    }

    /// The history's facts that changed more than once, one line each (none for a pair).
    pub fn timeline_lines(&self) -> &[String] {
        self.history.as_ref().map_or(&[], |v| v.timeline_lines.as_slice())
    }

    /// Entries in the open panel.
    pub fn panel_len(&self) -> usize {
        match self.panel {
            Some(Panel::People) => self.comparison.people.persons.len(),
            Some(Panel::Findings) => self.timeline_lines().len() + self.comparison.findings.len(),
            Some(Panel::Blame) => BLAME_PANEL_LINES,
            None => 0,
        }
    }

    /// Rows the open panel takes under the panes, borders included: its entries and a
    /// header, at most two fifths of the screen, and never so much that the panes vanish.
    pub fn panel_height(&self) -> u16 {
        if self.panel.is_none() || self.geometry.too_small() {
            return 0;
        }
        let want = self.panel_len().clamp(1, usize::from(u16::MAX - 3)) as u16 + 3;
        let cap = (self.geometry.height * 2 / 5).max(4);
        let room = self.geometry.height.saturating_sub(1 + 3 + 2);
        want.min(cap).min(room)
    }

    /// The largest useful scroll: the last line at the bottom of the pane.
    pub fn max_scroll(&self) -> usize {
        self.layout.len().saturating_sub(self.page())
    }

    fn scroll_by(&mut self, delta: isize) {
        match self.scrolling {
            Scrolling::Together => {
                self.scroll = self.scroll.saturating_add_signed(delta).min(self.max_scroll());
                self.follow();
            }
            Scrolling::LeftAlone => self.scroll = self.scroll.saturating_add_signed(delta),
            Scrolling::RightAlone => self.scroll_right = self.scroll_right.saturating_add_signed(delta),
        }
    }

    fn scroll_to(&mut self, line: usize) {
        match self.scrolling {
            Scrolling::Together => {
                self.scroll = line.min(self.max_scroll());
                self.follow();
            }
            Scrolling::LeftAlone => self.scroll = line,
            Scrolling::RightAlone => self.scroll_right = line,
        }
    }

    fn clamp(&mut self) {
        self.scroll = self.scroll.min(self.max_scroll());
        self.scroll_right = self.scroll_right.min(self.max_scroll());
        if self.scrolling == Scrolling::Together {
            self.follow();
        }
    }

    /// Scrolling together: the right pane follows the left, shifted by `offset`.
    fn follow(&mut self) {
        self.scroll_right = self.scroll.saturating_add_signed(self.offset).min(self.max_scroll());
    }
}
