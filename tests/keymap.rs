//! The keymap table: no key bound twice, every action reachable and described, help built
//! from the table.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use redline::app::Action;
use redline::keymap::{action_for, help_entries, BINDINGS};
use std::collections::HashSet;

#[test]
fn no_key_is_bound_twice() {
    let mut seen = HashSet::new();
    for (key, _) in BINDINGS {
        assert!(seen.insert(*key), "{} is bound twice", key.label());
    }
}

#[test]
fn every_action_has_a_key_and_a_description() {
    for &action in Action::ALL {
        assert!(BINDINGS.iter().any(|(_, a)| *a == action), "{action:?} has no key");
        assert!(!action.description().is_empty());
    }
    let all: HashSet<Action> = Action::ALL.iter().copied().collect();
    assert!(BINDINGS.iter().all(|(_, a)| all.contains(a)), "Action::ALL lists every bound action");
}

#[test]
fn help_lists_every_binding_from_the_table() {
    let help = help_entries();
    assert_eq!(help.len(), Action::ALL.len());
    for (key, action) in BINDINGS {
        let entry = help.iter().find(|(_, d)| *d == action.description()).unwrap();
        assert!(entry.0.split(' ').any(|k| k == key.label()), "{} missing from {:?}", key.label(), entry);
    }
}

#[test]
fn events_map_through_the_table() {
    let ev = |code, mods| KeyEvent::new(code, mods);
    assert_eq!(action_for(&ev(KeyCode::Char('j'), KeyModifiers::NONE)), Some(Action::LineDown));
    assert_eq!(action_for(&ev(KeyCode::Char('G'), KeyModifiers::SHIFT)), Some(Action::Bottom));
    assert_eq!(action_for(&ev(KeyCode::Char('?'), KeyModifiers::SHIFT)), Some(Action::ToggleHelp));
    assert_eq!(action_for(&ev(KeyCode::Char('c'), KeyModifiers::CONTROL)), Some(Action::Quit));
    assert_eq!(action_for(&ev(KeyCode::Char('d'), KeyModifiers::CONTROL)), Some(Action::HalfPageDown));
    assert_eq!(action_for(&ev(KeyCode::Char('d'), KeyModifiers::ALT)), None);
    assert_eq!(action_for(&ev(KeyCode::Char('x'), KeyModifiers::NONE)), None);
}
