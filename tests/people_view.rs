//! People in the reader: colours per person in both panes, `p` to stop, the `P` panel with
//! counts and one-sided people, and `}`/`{` through a person's mentions.

mod common;

use common::{bundled_pair, draw};
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use redline::app::{Action, App, Panel};
use redline::comparison::Comparison;
use redline::document::Document;
use redline::input::Source;

fn line(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect()
}

/// Each underlined run of cells in columns `x0..x1`, with the colour it is drawn in.
fn underlined(buf: &Buffer, x0: u16, x1: u16) -> Vec<(String, Color)> {
    let mut out = Vec::new();
    for y in 0..buf.area.height - 1 {
        let mut cur = String::new();
        let mut color = Color::Reset;
        for x in x0..x1 {
            let cell = &buf[(x, y)];
            if cell.modifier.contains(Modifier::UNDERLINED) {
                color = cell.fg;
                cur.push_str(cell.symbol());
            } else if !cur.is_empty() {
                out.push((std::mem::take(&mut cur), color));
            }
        }
        if !cur.is_empty() {
            out.push((cur, color));
        }
    }
    out
}

#[test]
fn each_person_has_one_colour_in_both_panes_and_p_turns_it_off() {
    let mut app = App::new(bundled_pair(), 120, 40);
    let buf = draw(&app);
    let left = underlined(&buf, 0, 60);
    let right = underlined(&buf, 60, 120);
    let colour_of = |runs: &[(String, Color)], name: &str| {
        runs.iter().find(|(t, _)| t == name).map(|(_, c)| *c).unwrap_or_else(|| panic!("{name} in {runs:?}"))
    };
    let putin = colour_of(&left, "Vladimir Putin");
    assert_eq!(colour_of(&right, "Vladimir Putin"), putin);
    let trump = colour_of(&left, "Donald Trump");
    assert_eq!(colour_of(&right, "Donald Trump"), trump);
    assert_ne!(putin, trump);
    assert_eq!(colour_of(&right, "Jared Kushner"), colour_of(&right, "Jared Kushner"));
    // Only names are underlined: titles and possessives are not ("President", "’s").
    for (text, _) in left.iter().chain(&right) {
        assert!(app.comparison.people.persons.iter().any(|p| p.name.ends_with(text.as_str())), "{text:?}");
    }
    app.update(Action::TogglePeople);
    let buf = draw(&app);
    assert!(underlined(&buf, 0, 120).is_empty());
    assert!(line(&buf, 39).contains("people not highlighted"));
}

#[test]
fn a_name_inside_inserted_text_keeps_the_inserted_background() {
    let left = Document::parse(Source::from_text("a", "The envoy met officials in Moscow on Monday."));
    let right =
        Document::parse(Source::from_text("b", "The envoy Steve Witkoff met officials in Moscow on Monday."));
    let app = App::new(Comparison::new(left, Some(right)), 100, 12);
    let buf = draw(&app);
    let y = (0..12).find(|&y| line(&buf, y).contains("Witkoff")).unwrap();
    let x = line(&buf, y).find("Witkoff").map(|b| line(&buf, y)[..b].chars().count() as u16).unwrap();
    let cell = &buf[(x, y)];
    assert!(cell.modifier.contains(Modifier::UNDERLINED));
    assert_eq!(cell.bg, Color::Indexed(22), "inserted background kept under the person colour");
}

#[test]
fn the_people_panel_lists_counts_and_marks_one_sided_people() {
    let left = Document::parse(Source::from_text(
        "a",
        "Angela Merkel said the plan would fail.\n\nOlaf Scholz, the chancellor, agreed with Merkel.",
    ));
    let right =
        Document::parse(Source::from_text("b", "Angela Merkel said the plan would fail, Merkel added."));
    let mut app = App::new(Comparison::new(left, Some(right)), 100, 20);
    app.update(Action::PeoplePanel);
    assert_eq!(app.panel, Some(Panel::People));
    let buf = draw(&app);
    let text: Vec<String> = (0..20).map(|y| line(&buf, y)).collect();
    let row = |name: &str| {
        text.iter()
            .find(|l| l.contains("■") && l.contains(name))
            .unwrap_or_else(|| panic!("{name}: {text:#?}"))
    };
    assert!(text.iter().any(|l| l.contains("People · 2")), "{text:#?}");
    let merkel = row("Angela Merkel");
    assert!(merkel.contains("    2     2  Angela Merkel"), "{merkel}");
    let scholz = row("Olaf Scholz");
    assert!(
        scholz.contains("    1     0  Olaf Scholz") && scholz.contains("only in the left version"),
        "{scholz}"
    );
    // The panes gave up the panel's rows, and the scroll limits follow.
    assert_eq!(app.page() + app.panel_height() as usize, app.geometry.body_height() as usize);
    // Esc closes the panel before it would quit.
    app.update(Action::Back);
    assert_eq!(app.panel, None);
    assert!(app.running);
}

#[test]
fn choosing_a_person_and_stepping_visits_every_mention_in_reading_order() {
    let mut app = App::new(bundled_pair(), 120, 40);
    app.update(Action::PeoplePanel);
    let putin = app.comparison.people.persons.iter().position(|p| p.name == "Vladimir Putin").unwrap();
    while app.person < putin {
        app.update(Action::SelectNext);
    }
    app.update(Action::Top);
    let mut seen = Vec::new();
    for i in 1..=7 {
        app.update(Action::NextMention);
        let msg = app.message.clone().unwrap();
        assert!(msg.starts_with(&format!("Vladimir Putin: mention {i} of 7")), "{msg}");
        let at = app.mention.unwrap();
        let m = app.comparison.people.mentions(at.left)[at.index];
        assert_eq!(m.person, putin);
        let doc = if at.left { &app.comparison.left } else { app.comparison.right.as_ref().unwrap() };
        // The mention is on screen, drawn as the current one.
        let buf = draw(&app);
        let x0 = if at.left { 0 } else { 60 };
        let shown = (0..39).any(|y| {
            let l: String = (x0..x0 + 60).map(|x| buf[(x, y)].symbol()).collect();
            let cols: Vec<u16> = (x0..x0 + 60).filter(|&x| buf[(x, y)].bg == Color::Yellow).collect();
            !cols.is_empty() && l.contains(doc.slice(m.span))
        });
        assert!(shown, "mention {i} ({}) highlighted on screen", doc.slice(m.span));
        seen.push((at.left, m.span.start));
    }
    assert_eq!(seen.iter().filter(|(l, _)| *l).count(), 4);
    app.update(Action::NextMention);
    assert!(app.message.as_ref().unwrap().contains("mention 1 of 7 (left) (wrapped to the first)"));
    app.update(Action::PrevMention);
    assert!(app.message.as_ref().unwrap().contains("mention 7 of 7"));
    // Enter goes to the first mention.
    app.update(Action::Open);
    assert!(app.message.as_ref().unwrap().starts_with("Vladimir Putin: mention 1 of 7"));
}

#[test]
fn no_people_is_said_plainly() {
    let d = |t: &str| Document::parse(Source::from_text("x", t));
    let mut app = App::new(Comparison::new(d("the cat sat."), Some(d("the cat sat down."))), 80, 20);
    app.update(Action::NextMention);
    assert_eq!(app.message.as_deref(), Some("no people named in either version"));
    app.update(Action::PeoplePanel);
    let buf = draw(&app);
    assert!((0..20).any(|y| line(&buf, y).contains("no people named in either version")));
}

#[test]
fn the_panel_fits_small_terminals_without_hiding_the_panes() {
    let mut app = App::new(bundled_pair(), 120, 40);
    app.update(Action::PeoplePanel);
    for (w, h) in [(40, 8), (41, 9), (60, 12), (1, 1), (200, 60)] {
        app.resize(w, h);
        let buf = draw(&app);
        assert_eq!(buf.area.height, h);
        if !app.geometry.too_small() {
            assert!(app.page() >= 1);
            assert!(app.panel_height() as usize + app.page() + 3 <= h as usize, "{w}×{h}");
        }
        for _ in 0..3 {
            app.update(Action::SelectNext);
            app.update(Action::NextMention);
            draw(&app);
        }
    }
}
