//! The reader's state and everything that changes it. No terminal types: keys become
//! [`Action`]s in `keymap`, and the view only reads an `&App`.

use crate::comparison::{Comparison, RowStatus};
use crate::layout::{Geometry, Layout};

/// Everything a key (or the mouse wheel) can ask the reader to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    LineDown,
    LineUp,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    Top,
    Bottom,
    /// Jump from one end of a moved paragraph to the other.
    JumpMoved,
    ToggleHelp,
    /// Close an overlay, or quit when none is open.
    Back,
    Quit,
}

impl Action {
    /// Every action, in the order the help screen lists them.
    pub const ALL: &'static [Action] = &[
        Action::LineDown,
        Action::LineUp,
        Action::PageDown,
        Action::PageUp,
        Action::HalfPageDown,
        Action::HalfPageUp,
        Action::Top,
        Action::Bottom,
        Action::JumpMoved,
        Action::ToggleHelp,
        Action::Back,
        Action::Quit,
    ];

    /// What the action does, as the help screen says it.
    pub fn description(self) -> &'static str {
        match self {
            Action::LineDown => "scroll down one line",
            Action::LineUp => "scroll up one line",
            Action::PageDown => "scroll down one page",
            Action::PageUp => "scroll up one page",
            Action::HalfPageDown => "scroll down half a page",
            Action::HalfPageUp => "scroll up half a page",
            Action::Top => "go to the top",
            Action::Bottom => "go to the end",
            Action::JumpMoved => "jump between the two ends of a moved paragraph",
            Action::ToggleHelp => "show or hide this help",
            Action::Back => "close the help, or quit",
            Action::Quit => "quit",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help,
}

/// The reader: the comparison, its layout for the current width, and where the user is.
#[derive(Debug, Clone)]
pub struct App {
    pub comparison: Comparison,
    pub layout: Layout,
    pub geometry: Geometry,
    /// The first visual line shown.
    pub scroll: usize,
    pub overlay: Overlay,
    /// The row the last jump landed on, marked in the gutter.
    pub focus: Option<usize>,
    /// A one-line message for the status bar, replaced by the next action.
    pub message: Option<String>,
    pub running: bool,
    /// Whether the view may use colour (off under NO_COLOR).
    pub color: bool,
}

impl App {
    pub fn new(comparison: Comparison, width: u16, height: u16) -> App {
        let geometry = Geometry { width, height };
        let layout = Layout::new(&comparison, geometry.text_width() as usize);
        App {
            comparison,
            layout,
            geometry,
            scroll: 0,
            overlay: Overlay::None,
            focus: None,
            message: None,
            running: true,
            color: true,
        }
    }

    /// The terminal changed size: re-wrap if the text width changed, keep the same row on top.
    pub fn resize(&mut self, width: u16, height: u16) {
        let top_row = self.layout.row_at(self.scroll);
        self.geometry = Geometry { width, height };
        let text_width = self.geometry.text_width() as usize;
        if text_width != self.layout.width {
            self.layout = Layout::new(&self.comparison, text_width);
            self.scroll = top_row.and_then(|r| self.layout.row_starts.get(r).copied()).unwrap_or(0);
        }
        self.clamp();
    }

    pub fn update(&mut self, action: Action) {
        let page = self.page();
        self.message = None;
        match action {
            Action::JumpMoved => self.jump_moved(),
            Action::LineDown => self.scroll_by(1),
            Action::LineUp => self.scroll_by(-1),
            Action::PageDown => self.scroll_by(page.saturating_sub(1).max(1) as isize),
            Action::PageUp => self.scroll_by(-(page.saturating_sub(1).max(1) as isize)),
            Action::HalfPageDown => self.scroll_by((page / 2).max(1) as isize),
            Action::HalfPageUp => self.scroll_by(-((page / 2).max(1) as isize)),
            Action::Top => self.scroll = 0,
            Action::Bottom => self.scroll = self.max_scroll(),
            Action::ToggleHelp => {
                self.overlay = if self.overlay == Overlay::Help { Overlay::None } else { Overlay::Help }
            }
            Action::Back if self.overlay != Overlay::None => self.overlay = Overlay::None,
            Action::Back | Action::Quit => self.running = false,
        }
        self.clamp();
    }

    /// The rows with at least one line on screen.
    pub fn visible_rows(&self) -> std::ops::Range<usize> {
        let first = self.layout.row_at(self.scroll).unwrap_or(0);
        let last_line = (self.scroll + self.page()).min(self.layout.lines.len()).saturating_sub(1);
        let last = self.layout.row_at(last_line).map_or(first, |r| r + 1);
        first..last.max(first)
    }

    /// Scrolls so `row` stands a few lines below the top, with context above it, and marks it.
    pub fn go_to_row(&mut self, row: usize) {
        let start = self.layout.row_starts.get(row).copied().unwrap_or(0);
        let context = (self.page() / 4).min(4);
        self.scroll = start.saturating_sub(context);
        self.focus = Some(row);
        self.clamp();
    }

    /// From the focused row, or the first row on screen with a moved paragraph, or the next
    /// one below: to the row holding the other end of its move.
    fn jump_moved(&mut self) {
        let c = &self.comparison;
        let has_move = |r: usize| c.moved_partner(r).is_some();
        let visible = self.visible_rows();
        let from = self
            .focus
            .filter(|&f| visible.contains(&f) && has_move(f))
            .or_else(|| visible.clone().find(|&r| has_move(r)))
            .or_else(|| (visible.end..c.rows.len()).find(|&r| has_move(r)));
        let Some(from) = from else {
            self.message = Some("no moved paragraphs from here on".to_string());
            return;
        };
        let Some((to, left, para)) = c.moved_partner(from) else { return };
        let side = if left { "left" } else { "right" };
        self.message =
            Some(format!("moved: its counterpart is {side} paragraph {} (m jumps back)", para + 1));
        self.go_to_row(to);
    }

    /// Visual lines that fit in a pane.
    pub fn page(&self) -> usize {
        self.geometry.body_height() as usize
    }

    /// The largest useful scroll: the last line at the bottom of the pane.
    pub fn max_scroll(&self) -> usize {
        self.layout.lines.len().saturating_sub(self.page())
    }

    fn scroll_by(&mut self, delta: isize) {
        self.scroll = self.scroll.saturating_add_signed(delta);
    }

    fn clamp(&mut self) {
        self.scroll = self.scroll.min(self.max_scroll());
    }

    /// How many rows of each status there are (for the status bar).
    pub fn status_counts(&self) -> Vec<(RowStatus, usize)> {
        let order = [RowStatus::Changed, RowStatus::Moved, RowStatus::Omitted, RowStatus::Added];
        order
            .iter()
            .map(|&s| (s, self.comparison.rows.iter().filter(|r| r.status == s).count()))
            .filter(|&(_, n)| n > 0)
            .collect()
    }
}
