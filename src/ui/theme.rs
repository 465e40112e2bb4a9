//! The one place that turns kinds (row statuses, UI parts) into styles. With colour off
//! (NO_COLOR) every distinction is kept with bold, underline, dim and reverse instead.

use crate::comparison::RowStatus;
use crate::words::Mark;
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
        let colored = match status {
            RowStatus::Same => Style::new(),
            RowStatus::Changed => Style::new().fg(Color::Yellow),
            RowStatus::Moved => Style::new().fg(Color::Magenta),
            RowStatus::Omitted => Style::new().fg(Color::Red),
            RowStatus::Added => Style::new().fg(Color::Green),
            RowStatus::Furniture => Style::new().fg(Color::DarkGray),
        };
        let style =
            self.pick(colored.add_modifier(Modifier::BOLD), Style::new().add_modifier(Modifier::BOLD));
        (status.marker(), style)
    }

    /// The base style of a paragraph's text, by its own status.
    pub fn text(&self, status: RowStatus) -> Style {
        match status {
            RowStatus::Furniture => Style::new().add_modifier(Modifier::DIM),
            RowStatus::Omitted => {
                self.pick(Style::new().fg(Color::Red), Style::new().add_modifier(Modifier::DIM))
            }
            RowStatus::Added => {
                self.pick(Style::new().fg(Color::Green), Style::new().add_modifier(Modifier::BOLD))
            }
            _ => Style::new(),
        }
    }

    /// Words removed, inserted, or found in a moved paragraph.
    pub fn mark(&self, mark: Mark) -> Style {
        match mark {
            Mark::Removed => self.pick(
                Style::new().bg(Color::Indexed(52)).fg(Color::LightRed).add_modifier(Modifier::BOLD),
                Style::new().add_modifier(Modifier::REVERSED),
            ),
            Mark::Inserted => self.pick(
                Style::new().bg(Color::Indexed(22)).fg(Color::LightGreen).add_modifier(Modifier::BOLD),
                Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            ),
            Mark::Moved => {
                self.pick(Style::new().fg(Color::LightMagenta), Style::new().add_modifier(Modifier::ITALIC))
            }
        }
    }

    /// A person's mentions: one colour per person, the same in both panes. Foreground and
    /// underline only, so a name inside removed or inserted text keeps that background.
    /// Without colour, names are underlined.
    pub fn person(&self, person: usize) -> Style {
        const PALETTE: [Color; 12] = [
            Color::Cyan,
            Color::Indexed(214), // orange
            Color::LightBlue,
            Color::Indexed(177), // violet
            Color::Indexed(229), // pale yellow
            Color::Indexed(43),  // teal
            Color::Indexed(209), // salmon
            Color::Indexed(111), // sky
            Color::Indexed(180), // tan
            Color::Indexed(153), // ice
            Color::Indexed(219), // pink
            Color::Indexed(150), // sage
        ];
        self.pick(
            Style::new().fg(PALETTE[person % PALETTE.len()]).add_modifier(Modifier::UNDERLINED),
            Style::new().add_modifier(Modifier::UNDERLINED),
        )
    }

    /// The chosen entry of a panel list.
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// The difference the reader last jumped to, on top of its own style.
    pub fn current(&self) -> Style {
        self.pick(
            Style::new().bg(Color::Yellow).fg(Color::Black).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED),
        )
    }

    /// A search match.
    pub fn search_hit(&self) -> Style {
        self.pick(
            Style::new().bg(Color::Cyan).fg(Color::Black),
            Style::new().add_modifier(Modifier::UNDERLINED),
        )
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
