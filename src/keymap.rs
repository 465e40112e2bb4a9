//! The one table of key bindings: key → action. Input handling looks keys up here and the
//! help screen is generated from it, so the two cannot drift apart.

use crate::app::{Action, Edit};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key with the modifiers that matter (Shift is part of the character itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn k(c: char) -> Key {
    Key { code: KeyCode::Char(c), ctrl: false }
}
const fn ctrl(c: char) -> Key {
    Key { code: KeyCode::Char(c), ctrl: true }
}
const fn special(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

/// Every binding. A key appears once; an action may have several keys.
pub const BINDINGS: &[(Key, Action)] = &[
    (k('j'), Action::LineDown),
    (special(KeyCode::Down), Action::LineDown),
    (k('k'), Action::LineUp),
    (special(KeyCode::Up), Action::LineUp),
    (special(KeyCode::PageDown), Action::PageDown),
    (k(' '), Action::PageDown),
    (special(KeyCode::PageUp), Action::PageUp),
    (k('b'), Action::PageUp),
    (ctrl('d'), Action::HalfPageDown),
    (ctrl('u'), Action::HalfPageUp),
    (k('g'), Action::Top),
    (special(KeyCode::Home), Action::Top),
    (k('G'), Action::Bottom),
    (special(KeyCode::End), Action::Bottom),
    (k(']'), Action::NextDifference),
    (k('J'), Action::NextDifference),
    (k('['), Action::PrevDifference),
    (k('K'), Action::PrevDifference),
    (k('m'), Action::JumpMoved),
    (k('d'), Action::ToggleOnlyChanges),
    (k('/'), Action::StartSearch),
    (k('n'), Action::NextMatch),
    (k('N'), Action::PrevMatch),
    (special(KeyCode::Tab), Action::SwitchPane),
    (k('s'), Action::Resync),
    (k('?'), Action::ToggleHelp),
    (special(KeyCode::Esc), Action::Back),
    (k('q'), Action::Quit),
    (ctrl('c'), Action::Quit),
];

impl Key {
    /// The key of a terminal key event, Shift folded into the character. Keys held with
    /// Alt, Super or Meta are not the reader's.
    pub fn from_event(ev: &KeyEvent) -> Option<Key> {
        if ev
            .modifiers
            .intersects(KeyModifiers::ALT | KeyModifiers::SUPER | KeyModifiers::META | KeyModifiers::HYPER)
        {
            return None;
        }
        let code = match ev.code {
            KeyCode::Char(c) if ev.modifiers.contains(KeyModifiers::SHIFT) => {
                KeyCode::Char(c.to_uppercase().next().unwrap_or(c))
            }
            other => other,
        };
        Some(Key { code, ctrl: ev.modifiers.contains(KeyModifiers::CONTROL) })
    }

    /// How the help screen writes the key.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Down => "↓".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Tab => "Tab".into(),
            other => format!("{other:?}"),
        };
        if self.ctrl {
            format!("Ctrl-{base}")
        } else {
            base
        }
    }
}

/// The action bound to a key event, if any.
pub fn action_for(ev: &KeyEvent) -> Option<Action> {
    let key = Key::from_event(ev)?;
    BINDINGS.iter().find(|(k, _)| *k == key).map(|&(_, a)| a)
}

/// The help screen's lines: every action with all its keys, in [`Action::ALL`] order.
pub fn help_entries() -> Vec<(String, &'static str)> {
    Action::ALL
        .iter()
        .filter_map(|&action| {
            let keys: Vec<String> =
                BINDINGS.iter().filter(|(_, a)| *a == action).map(|(k, _)| k.label()).collect();
            (!keys.is_empty()).then(|| (keys.join(" "), action.description()))
        })
        .collect()
}

/// What a key does while the search prompt is open (typing, not commands).
pub fn edit_for(ev: &KeyEvent) -> Option<Edit> {
    if ev.modifiers.contains(KeyModifiers::CONTROL) {
        return matches!(ev.code, KeyCode::Char('c') | KeyCode::Char('g')).then_some(Edit::Cancel);
    }
    match ev.code {
        KeyCode::Char(c) => Some(Edit::Char(c)),
        KeyCode::Backspace => Some(Edit::Backspace),
        KeyCode::Enter => Some(Edit::Commit),
        KeyCode::Esc => Some(Edit::Cancel),
        _ => None,
    }
}
