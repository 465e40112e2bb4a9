//! The one place that turns kinds (row statuses, UI parts) into styles. With colour off
//! (NO_COLOR) every distinction is kept with bold, underline, dim and reverse instead.

use crate::comparison::RowStatus;
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    color: bool,
}

impl Theme {
    pub fn new(color: bool) -> Theme {
        Theme { color }
    }

    fn pick(&self, colored: Style, plain: Style) -> Style {
        if self.color {
            colored
        } else {
            plain
        }
    }

    pub fn border(&self) -> Style {
        self.pick(Style::new().fg(Color::DarkGray), Style::new())
    }

    pub fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn status_bar(&self) -> Style {
        self.pick(
            Style::new().bg(Color::Blue).fg(Color::White),
            Style::new().add_modifier(Modifier::REVERSED),
        )
    }

    pub fn status_key(&self) -> Style {
        self.status_bar().add_modifier(Modifier::BOLD)
    }

    pub fn notice(&self) -> Style {
        self.pick(
            Style::new().bg(Color::Yellow).fg(Color::Black),
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        )
    }

    /// The marker in a pane's gutter on the first line of a row.
    pub fn marker(&self, status: RowStatus) -> (char, Style) {
        let (c, colored) = match status {
            RowStatus::Same => (' ', Style::new()),
            RowStatus::Changed => ('~', Style::new().fg(Color::Yellow)),
            RowStatus::Moved => ('↕', Style::new().fg(Color::Magenta)),
            RowStatus::Omitted => ('−', Style::new().fg(Color::Red)),
            RowStatus::Added => ('+', Style::new().fg(Color::Green)),
            RowStatus::Furniture => ('·', Style::new().fg(Color::DarkGray)),
        };
        (c, self.pick(colored.add_modifier(Modifier::BOLD), Style::new().add_modifier(Modifier::BOLD)))
    }

    /// The base style of a paragraph's text in a row of this status.
    pub fn text(&self, status: RowStatus) -> Style {
        match status {
            RowStatus::Furniture => Style::new().add_modifier(Modifier::DIM),
            _ => Style::new(),
        }
    }

    /// The gutter of the row the last jump landed on.
    pub fn focus(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn placeholder(&self) -> Style {
        self.pick(Style::new().fg(Color::DarkGray), Style::new().add_modifier(Modifier::DIM))
    }

    pub fn help_key(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }
}
