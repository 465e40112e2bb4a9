//! The one table of key bindings: key → action. Input handling looks keys up here and the
//! help screen is generated from it, so the two cannot drift apart. The defaults are
//! [`BINDINGS`]; a config file can give an action other keys ([`Keymap::with_changes`]).

use crate::action::{Action, Edit};
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
    (Context::Reader, k('>'), Action::NextStep),
    (Context::Reader, k('<'), Action::PrevStep),
    (Context::Reader, k('v'), Action::PickVersions),
    (Context::Reader, k('B'), Action::BlamePanel),
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
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.ctrl {
            format!("Ctrl-{base}")
        } else {
            base
        }
    }
}

/// The bindings in force: the defaults with the user's changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<(Context, Key, Action)>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap { bindings: BINDINGS.to_vec() }
    }
}

impl Keymap {
    /// The action bound to a key event, if any; `panel` says whether a panel is open.
    pub fn action_for(&self, ev: &KeyEvent, panel: bool) -> Option<Action> {
        let key = Key::from_event(ev)?;
        let find =
            |ctx: Context| self.bindings.iter().find(|(c, k, _)| *c == ctx && *k == key).map(|&(_, _, a)| a);
        panel.then(|| find(Context::Panel)).flatten().or_else(|| find(Context::Reader))
    }

    /// How the first key bound to an action is written ("?"), or "(none)" when it has none.
    pub fn key_of(&self, action: Action) -> String {
        self.bindings
            .iter()
            .find(|(_, _, a)| *a == action)
            .map_or("(none)".to_string(), |(_, k, _)| k.label())
    }

    /// The help screen's lines: every action with all its keys, in [`Action::ALL`] order.
    pub fn help_entries(&self) -> Vec<(String, &'static str)> {
        Action::ALL
            .iter()
            .filter_map(|&action| {
                let keys: Vec<String> = self
                    .bindings
                    .iter()
                    .filter(|(_, _, a)| *a == action)
                    .map(|(_, k, _)| k.label())
                    .collect();
                (!keys.is_empty()).then(|| (keys.join(" "), action.description()))
            })
            .collect()
    }

    /// The defaults with each listed action given exactly its keys (in the context its
    /// default keys have; an empty list leaves it unbound). A key that two actions would hold
    /// in one context is an error naming both, with the index of the change that asked for
    /// it, so one key never does two things.
    pub fn with_changes(changes: &[(Action, Vec<Key>)]) -> Result<Keymap, (usize, String)> {
        let mut bindings = BINDINGS.to_vec();
        bindings.retain(|(_, _, a)| !changes.iter().any(|(c, _)| c == a));
        for (i, (action, keys)) in changes.iter().enumerate() {
            let context =
                BINDINGS.iter().find(|(_, _, a)| a == action).map_or(Context::Reader, |&(c, _, _)| c);
            for &key in keys {
                match bindings.iter().find(|(c, k, _)| *c == context && *k == key) {
                    Some((_, _, other)) if other == action => {}
                    Some((_, _, other)) => {
                        return Err((
                            i,
                            format!(
                                "key {} is bound to both {} and {} (give {} other keys, or {} none)",
                                key.label(),
                                other.name(),
                                action.name(),
                                other.name(),
                                other.name()
                            ),
                        ))
                    }
                    None => bindings.push((context, key, *action)),
                }
            }
        }
        Ok(Keymap { bindings })
    }
}

/// Reads a key as a config file writes it: one character ("j", "J", "]"), a name ("Space",
/// "Tab", "Enter", "Esc", "Up", "Down", "Left", "Right", "PgUp", "PgDn", "Home", "End",
/// "Backspace", "F1"–"F12"; the arrows "↑ ↓ ← →" as the help screen shows them), or either
/// after "Ctrl-" ("Ctrl-d").
pub fn parse_key(text: &str) -> Result<Key, String> {
    let (ctrl, rest) = match text.get(..5) {
        Some(p) if p.eq_ignore_ascii_case("ctrl-") && text.len() > 5 => (true, &text[5..]),
        _ => (false, text),
    };
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) => match c {
            '↑' => KeyCode::Up,
            '↓' => KeyCode::Down,
            '←' => KeyCode::Left,
            '→' => KeyCode::Right,
            c if c.is_control() => return Err(format!("{text:?} is not a key")),
            // Ctrl with a letter arrives as the lower-case letter.
            c if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
            c => KeyCode::Char(c),
        },
        _ => {
            let named = [
                ("space", KeyCode::Char(' ')),
                ("tab", KeyCode::Tab),
                ("enter", KeyCode::Enter),
                ("return", KeyCode::Enter),
                ("esc", KeyCode::Esc),
                ("escape", KeyCode::Esc),
                ("up", KeyCode::Up),
                ("down", KeyCode::Down),
                ("left", KeyCode::Left),
                ("right", KeyCode::Right),
                ("pgup", KeyCode::PageUp),
                ("pageup", KeyCode::PageUp),
                ("pgdn", KeyCode::PageDown),
                ("pagedown", KeyCode::PageDown),
                ("home", KeyCode::Home),
                ("end", KeyCode::End),
                ("backspace", KeyCode::Backspace),
            ];
            let lower = rest.to_ascii_lowercase();
            let function =
                lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()).filter(|n| (1..=12).contains(n));
            match (named.iter().find(|(n, _)| *n == lower), function) {
                (Some(&(_, code)), _) => code,
                (None, Some(n)) => KeyCode::F(n),
                _ => return Err(format!("{text:?} is not a key (write a character, or Space, Tab, Enter, Esc, Up, Down, PgUp, PgDn, Home, End, F1–F12, with Ctrl- in front if wanted)")),
            }
        }
    };
    Ok(Key { code, ctrl })
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
