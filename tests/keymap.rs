//! The keymap table: no key bound twice, every action reachable and described, help built
//! from the table.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use redline::app::Action;
use redline::keymap::{Context, Keymap, BINDINGS};
use std::collections::HashSet;

#[test]
fn no_key_is_bound_twice_in_one_context() {
    let mut seen = HashSet::new();
    for (ctx, key, _) in BINDINGS {
        assert!(seen.insert((*ctx, *key)), "{} is bound twice in {ctx:?}", key.label());
    }
}

#[test]
fn every_action_has_a_key_and_a_description() {
    for &action in Action::ALL {
        assert!(BINDINGS.iter().any(|(_, _, a)| *a == action), "{action:?} has no key");
        assert!(!action.description().is_empty());
    }
    let all: HashSet<Action> = Action::ALL.iter().copied().collect();
    assert!(BINDINGS.iter().all(|(_, _, a)| all.contains(a)), "Action::ALL lists every bound action");
}

#[test]
fn help_lists_every_binding_from_the_table() {
    let help = Keymap::default().help_entries();
    assert_eq!(help.len(), Action::ALL.len());
    for (_, key, action) in BINDINGS {
        let entry = help.iter().find(|(_, d)| *d == action.description()).unwrap();
        assert!(entry.0.split(' ').any(|k| k == key.label()), "{} missing from {:?}", key.label(), entry);
    }
}

#[test]
fn events_map_through_the_table() {
    let ev = |code, mods| KeyEvent::new(code, mods);
    let reader = |code, mods| Keymap::default().action_for(&ev(code, mods), false);
    assert_eq!(reader(KeyCode::Char('j'), KeyModifiers::NONE), Some(Action::LineDown));
    assert_eq!(reader(KeyCode::Char('G'), KeyModifiers::SHIFT), Some(Action::Bottom));
    assert_eq!(reader(KeyCode::Char('?'), KeyModifiers::SHIFT), Some(Action::ToggleHelp));
    assert_eq!(reader(KeyCode::Char('c'), KeyModifiers::CONTROL), Some(Action::Quit));
    assert_eq!(reader(KeyCode::Char('d'), KeyModifiers::CONTROL), Some(Action::HalfPageDown));
    assert_eq!(reader(KeyCode::Char('d'), KeyModifiers::ALT), None);
    assert_eq!(reader(KeyCode::Char('x'), KeyModifiers::NONE), None);
    assert_eq!(reader(KeyCode::Char('P'), KeyModifiers::SHIFT), Some(Action::PeoplePanel));
    assert_eq!(reader(KeyCode::Char('}'), KeyModifiers::SHIFT), Some(Action::NextMention));
    assert_eq!(reader(KeyCode::Enter, KeyModifiers::NONE), None);
    // With a panel open, the selection keys go to the panel and the rest to the reader.
    let panel = |code, mods| Keymap::default().action_for(&ev(code, mods), true);
    assert_eq!(panel(KeyCode::Char('j'), KeyModifiers::NONE), Some(Action::SelectNext));
    assert_eq!(panel(KeyCode::Up, KeyModifiers::NONE), Some(Action::SelectPrev));
    assert_eq!(panel(KeyCode::Enter, KeyModifiers::NONE), Some(Action::Open));
    assert_eq!(panel(KeyCode::Char(' '), KeyModifiers::NONE), Some(Action::PageDown));
    assert_eq!(panel(KeyCode::Char('{'), KeyModifiers::SHIFT), Some(Action::PrevMention));
    assert!(BINDINGS.iter().any(|(c, _, _)| *c == Context::Panel));
}
