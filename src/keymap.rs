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

/// When a binding applies. Panel bindings win while a panel (people, findings) is open;
/// the reader's apply otherwise and for every key a panel does not take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    Reader,
    Panel,
}

/// Every binding. A key appears once per context; an action may have several keys.
pub const BINDINGS: &[(Context, Key, Action)] = &[
    (Context::Reader, k('j'), Action::LineDown),
    (Context::Reader, special(KeyCode::Down), Action::LineDown),
    (Context::Reader, k('k'), Action::LineUp),
    (Context::Reader, special(KeyCode::Up), Action::LineUp),
    (Context::Reader, special(KeyCode::PageDown), Action::PageDown),
    (Context::Reader, k(' '), Action::PageDown),
    (Context::Reader, special(KeyCode::PageUp), Action::PageUp),
    (Context::Reader, k('b'), Action::PageUp),
    (Context::Reader, ctrl('d'), Action::HalfPageDown),
    (Context::Reader, ctrl('u'), Action::HalfPageUp),
    (Context::Reader, k('g'), Action::Top),
    (Context::Reader, special(KeyCode::Home), Action::Top),
    (Context::Reader, k('G'), Action::Bottom),
    (Context::Reader, special(KeyCode::End), Action::Bottom),
    (Context::Reader, k(']'), Action::NextDifference),
    (Context::Reader, k('J'), Action::NextDifference),
    (Context::Reader, k('['), Action::PrevDifference),
    (Context::Reader, k('K'), Action::PrevDifference),
    (Context::Reader, k('m'), Action::JumpMoved),
    (Context::Reader, k('d'), Action::ToggleOnlyChanges),
    (Context::Reader, k('/'), Action::StartSearch),
    (Context::Reader, k('n'), Action::NextMatch),
    (Context::Reader, k('N'), Action::PrevMatch),
    (Context::Reader, special(KeyCode::Tab), Action::SwitchPane),
    (Context::Reader, k('s'), Action::Resync),
    (Context::Reader, k('?'), Action::ToggleHelp),
    (Context::Reader, special(KeyCode::Esc), Action::Back),
    (Context::Reader, k('q'), Action::Quit),
    (Context::Reader, ctrl('c'), Action::Quit),
    (Context::Reader, k('p'), Action::TogglePeople),
    (Context::Reader, k('P'), Action::PeoplePanel),
    (Context::Reader, k('}'), Action::NextMention),
    (Context::Reader, k('{'), Action::PrevMention),
    (Context::Reader, k('f'), Action::FindingsPanel),
    (Context::Panel, k('j'), Action::SelectNext),
    (Context::Panel, special(KeyCode::Down), Action::SelectNext),
    (Context::Panel, k('k'), Action::SelectPrev),
    (Context::Panel, special(KeyCode::Up), Action::SelectPrev),
    (Context::Panel, special(KeyCode::Enter), Action::Open),
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

/// The action bound to a key event, if any; `panel` says whether a panel is open.
pub fn action_for(ev: &KeyEvent, panel: bool) -> Option<Action> {
    let key = Key::from_event(ev)?;
    let find = |ctx: Context| BINDINGS.iter().find(|(c, k, _)| *c == ctx && *k == key).map(|&(_, _, a)| a);
    panel.then(|| find(Context::Panel)).flatten().or_else(|| find(Context::Reader))
}

/// The help screen's lines: every action with all its keys, in [`Action::ALL`] order.
pub fn help_entries() -> Vec<(String, &'static str)> {
    Action::ALL
        .iter()
        .filter_map(|&action| {
            let keys: Vec<String> =
                BINDINGS.iter().filter(|(_, _, a)| *a == action).map(|(_, k, _)| k.label()).collect();
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
