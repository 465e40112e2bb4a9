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
    pub running: bool,
    /// Whether the view may use colour (off under NO_COLOR).
    pub color: bool,
}

impl App {
    pub fn new(comparison: Comparison, width: u16, height: u16) -> App {
        let geometry = Geometry { width, height };
        let layout = Layout::new(&comparison, geometry.text_width() as usize);
        App { comparison, layout, geometry, scroll: 0, overlay: Overlay::None, running: true, color: true }
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
        match action {
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
