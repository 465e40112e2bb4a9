//! What the reader can be asked to do: the actions keys are bound to, and the edits of the
//! search prompt. Below both the key table (`keymap`) and the state (`app`), so each can
//! name actions without importing the other.

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
    NextDifference,
    PrevDifference,
    /// Jump from one end of a moved paragraph to the other.
    JumpMoved,
    ToggleOnlyChanges,
    StartSearch,
    NextMatch,
    PrevMatch,
    /// Let one pane scroll alone (and switch which one).
    SwitchPane,
    /// Scroll both panes together again.
    Resync,
    /// Colour each person's mentions, or stop.
    TogglePeople,
    /// Open or close the list of people.
    PeoplePanel,
    /// The chosen person's next mention, in either version.
    NextMention,
    PrevMention,
    /// Open or close the fact-check findings.
    FindingsPanel,
    /// Move the choice in an open panel.
    SelectNext,
    SelectPrev,
    /// Go to the chosen panel entry.
    Open,
    /// A history: the next or previous step (V2 → V3 after V1 → V2).
    NextStep,
    PrevStep,
    /// A history: type two version numbers to compare.
    PickVersions,
    /// A history: where each sentence of a paragraph of the latest version comes from.
    BlamePanel,
    ToggleHelp,
    /// Close an overlay, or quit when none is open.
    Back,
    Quit,
}

impl Action {
    /// Whether the action needs the analysis (differences, people, findings, rows); while it
    /// runs, such keys only say so.
    pub fn needs_analysis(self) -> bool {
        use Action::*;
        matches!(
            self,
            NextDifference
                | PrevDifference
                | JumpMoved
                | ToggleOnlyChanges
                | StartSearch
                | NextMatch
                | PrevMatch
                | PeoplePanel
                | NextMention
                | PrevMention
                | FindingsPanel
        )
    }

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
        Action::NextDifference,
        Action::PrevDifference,
        Action::JumpMoved,
        Action::ToggleOnlyChanges,
        Action::StartSearch,
        Action::NextMatch,
        Action::PrevMatch,
        Action::SwitchPane,
        Action::Resync,
        Action::TogglePeople,
        Action::PeoplePanel,
        Action::NextMention,
        Action::PrevMention,
        Action::FindingsPanel,
        Action::SelectNext,
        Action::SelectPrev,
        Action::Open,
        Action::NextStep,
        Action::PrevStep,
        Action::PickVersions,
        Action::BlamePanel,
        Action::ToggleHelp,
        Action::Back,
        Action::Quit,
    ];

    /// The action's name in the config file's `[keys]` table ("next-difference").
    pub fn name(self) -> &'static str {
        match self {
            Action::LineDown => "line-down",
            Action::LineUp => "line-up",
            Action::PageDown => "page-down",
            Action::PageUp => "page-up",
            Action::HalfPageDown => "half-page-down",
            Action::HalfPageUp => "half-page-up",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::NextDifference => "next-difference",
            Action::PrevDifference => "previous-difference",
            Action::JumpMoved => "jump-moved",
            Action::ToggleOnlyChanges => "only-changes",
            Action::StartSearch => "search",
            Action::NextMatch => "next-match",
            Action::PrevMatch => "previous-match",
            Action::SwitchPane => "switch-pane",
            Action::Resync => "resync",
            Action::TogglePeople => "people-colours",
            Action::PeoplePanel => "people-panel",
            Action::NextMention => "next-mention",
            Action::PrevMention => "previous-mention",
            Action::FindingsPanel => "findings-panel",
            Action::SelectNext => "select-next",
            Action::SelectPrev => "select-previous",
            Action::Open => "open",
            Action::NextStep => "next-step",
            Action::PrevStep => "previous-step",
            Action::PickVersions => "pick-versions",
            Action::BlamePanel => "blame",
            Action::ToggleHelp => "help",
            Action::Back => "back",
            Action::Quit => "quit",
        }
    }

    /// The action a config file names, if any.
    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.iter().copied().find(|a| a.name() == name)
    }

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
            Action::NextDifference => "next difference",
            Action::PrevDifference => "previous difference",
            Action::JumpMoved => "jump to the other end of a move",
            Action::ToggleOnlyChanges => "only rows with differences, or all",
            Action::StartSearch => "search both versions",
            Action::NextMatch => "next search match",
            Action::PrevMatch => "previous search match",
            Action::SwitchPane => "scroll one pane alone (again: other)",
            Action::Resync => "scroll both panes together again",
            Action::TogglePeople => "colour people's names, or stop",
            Action::PeoplePanel => "show or hide the list of people",
            Action::NextMention => "next mention of the person",
            Action::PrevMention => "previous mention of the person",
            Action::FindingsPanel => "show or hide the fact-check findings",
            Action::SelectNext => "in a list: next entry",
            Action::SelectPrev => "in a list: previous entry",
            Action::Open => "in a list: go to the entry",
            Action::NextStep => "history: next step (next pair of versions)",
            Action::PrevStep => "history: previous step",
            Action::PickVersions => "history: compare any two versions",
            Action::BlamePanel => "history: blame (where each sentence comes from)",
            Action::ToggleHelp => "show or hide this help",
            Action::Back => "close help, list, search; or quit",
            Action::Quit => "quit",
        }
    }
}

/// A key typed into the prompt (search, or versions to compare).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Char(char),
    Backspace,
    Commit,
    Cancel,
}
