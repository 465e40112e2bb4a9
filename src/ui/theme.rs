//! The one place that turns kinds (row statuses, UI parts) into styles, for a dark or a light
//! terminal background. With colour off (NO_COLOR) every distinction is kept with bold,
//! underline, dim and reverse instead.

use crate::comparison::RowStatus;
use crate::words::Mark;
use ratatui::style::{Color, Modifier, Style};

/// The terminal's background, which the colours are chosen for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Background {
    #[default]
    Dark,
    Light,
}

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    color: bool,
    light: bool,
}

impl Theme {
    /// Colours for a dark background (or none).
    pub fn new(color: bool) -> Theme {
        Theme { color, light: false }
    }

    /// Colours for the given background (or none).
    pub fn on(color: bool, background: Background) -> Theme {
        Theme { color, light: background == Background::Light }
    }

    fn pick(&self, colored: Style, plain: Style) -> Style {
        if self.color {
            colored
        } else {
            plain
        }
    }

    /// The colour for a dark background or the one for a light one.
    fn shade(&self, on_dark: Color, on_light: Color) -> Color {
        if self.light {
            on_light
        } else {
            on_dark
        }
    }

    pub fn border(&self) -> Style {
        self.pick(Style::new().fg(self.shade(Color::DarkGray, Color::Indexed(250))), Style::new())
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
            // Yellow is unreadable on white: dark goldenrod there.
            RowStatus::Changed => Style::new().fg(self.shade(Color::Yellow, Color::Indexed(136))),
            RowStatus::Moved => Style::new().fg(Color::Magenta),
            RowStatus::Omitted => Style::new().fg(self.shade(Color::Red, Color::Indexed(124))),
            RowStatus::Added => Style::new().fg(self.shade(Color::Green, Color::Indexed(28))),
            RowStatus::Furniture => Style::new().fg(self.shade(Color::DarkGray, Color::Indexed(245))),
        };
        let style =
            self.pick(colored.add_modifier(Modifier::BOLD), Style::new().add_modifier(Modifier::BOLD));
        (status.marker(), style)
    }

    /// The base style of a paragraph's text, by its own status.
    pub fn text(&self, status: RowStatus) -> Style {
        match status {
            RowStatus::Furniture => Style::new().add_modifier(Modifier::DIM),
            RowStatus::Omitted => self.pick(
                Style::new().fg(self.shade(Color::Red, Color::Indexed(124))),
                Style::new().add_modifier(Modifier::DIM),
            ),
            RowStatus::Added => self.pick(
                Style::new().fg(self.shade(Color::Green, Color::Indexed(28))),
                Style::new().add_modifier(Modifier::BOLD),
            ),
            _ => Style::new(),
        }
    }

    /// Words removed, inserted, or found in a moved paragraph.
    pub fn mark(&self, mark: Mark) -> Style {
        match mark {
            // Dark red and green grounds with light text on a dark terminal; pale grounds with
            // dark text on a light one.
            Mark::Removed => self.pick(
                Style::new()
                    .bg(self.shade(Color::Indexed(52), Color::Indexed(224)))
                    .fg(self.shade(Color::LightRed, Color::Indexed(88)))
                    .add_modifier(Modifier::BOLD),
                Style::new().add_modifier(Modifier::REVERSED),
            ),
            Mark::Inserted => self.pick(
                Style::new()
                    .bg(self.shade(Color::Indexed(22), Color::Indexed(194)))
                    .fg(self.shade(Color::LightGreen, Color::Indexed(22)))
                    .add_modifier(Modifier::BOLD),
                Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            ),
            Mark::Moved => self.pick(
                Style::new().fg(self.shade(Color::LightMagenta, Color::Indexed(127))),
                Style::new().add_modifier(Modifier::ITALIC),
            ),
        }
    }

    /// A person's mentions: one colour per person, the same in both panes. Foreground and
    /// underline only, so a name inside removed or inserted text keeps that background.
    /// Without colour, names are underlined.
    pub fn person(&self, person: usize) -> Style {
        // Light, saturated colours for a dark background; dark ones of the same hues for a light one.
        const ON_DARK: [Color; 12] = [
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
        const ON_LIGHT: [Color; 12] = [
            Color::Indexed(30),  // dark cyan
            Color::Indexed(166), // dark orange
            Color::Indexed(25),  // blue
            Color::Indexed(91),  // violet
            Color::Indexed(100), // olive
            Color::Indexed(29),  // teal
            Color::Indexed(131), // brick
            Color::Indexed(61),  // slate blue
            Color::Indexed(94),  // brown
            Color::Indexed(24),  // navy
            Color::Indexed(162), // raspberry
            Color::Indexed(64),  // moss
        ];
        let palette = if self.light { &ON_LIGHT } else { &ON_DARK };
        self.pick(
            Style::new().fg(palette[person % palette.len()]).add_modifier(Modifier::UNDERLINED),
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
        self.pick(
            Style::new().fg(self.shade(Color::DarkGray, Color::Indexed(244))),
            Style::new().add_modifier(Modifier::DIM),
        )
    }

    pub fn help_key(&self) -> Style {
        self.pick(
            Style::new().fg(self.shade(Color::Cyan, Color::Indexed(25))).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }
}
