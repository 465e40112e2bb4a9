//! The reader as the user sees it: TestBackend screens of the bundled pair and key
//! sequences driving the App.

mod common;

use common::{bundled_pair, draw, screen_text};
use redline::app::{Action, App, Overlay};

fn app(w: u16, h: u16) -> App {
    App::new(bundled_pair(), w, h)
}

#[test]
fn bundled_pair_at_120_by_40_shows_both_titles_and_first_paragraphs() {
    let a = app(120, 40);
    let lines = screen_text(&draw(&a));
    assert!(lines[0].contains("source.txt · 608 words"), "{}", lines[0]);
    assert!(lines[0].contains("rewrite.txt · 539 words"), "{}", lines[0]);
    // Left pane starts at column 0, right pane at column 60.
    let left: Vec<String> = lines.iter().map(|l| l.chars().take(60).collect()).collect();
    let right: Vec<String> = lines.iter().map(|l| l.chars().skip(60).collect()).collect();
    assert!(left[1].contains("The White House is “optimistic” about a deal"), "{}", left[1]);
    assert!(right.iter().take(20).any(|l| l.contains("The White House expressed optimism")), "{right:#?}");
    assert!(right.iter().take(20).any(|l| l.contains("United States envoys")), "{right:#?}");
    assert!(lines[39].contains("? help"), "status bar: {}", lines[39]);
}

#[test]
fn rows_stay_level_with_filler_on_the_shorter_side() {
    let a = app(120, 40);
    for (i, row) in a.comparison.rows.iter().enumerate() {
        let start = a.layout.row_start(i).unwrap();
        let end = a.layout.row_start(i + 1).unwrap_or(a.layout.len());
        let lines: Vec<_> = a.layout.lines_from(&a.comparison, start).take(end - start).collect();
        assert!(lines.iter().all(|l| l.row == i));
        // The row is as tall as its taller side (plus the blank separator line).
        let side = |left: bool| {
            lines.iter().filter(|l| if left { l.left.is_some() } else { l.right.is_some() }).count()
        };
        let paras = row.left.len().max(row.right.len());
        assert!(end - start > side(true).max(side(false)), "a blank separator follows each row");
        assert!(end - start <= side(true).max(side(false)) + paras);
    }
}

#[test]
fn keys_scroll_show_help_and_quit() {
    let mut a = app(100, 30);
    assert_eq!(a.scroll, 0);
    a.update(Action::LineDown);
    a.update(Action::LineDown);
    assert_eq!(a.scroll, 2);
    a.update(Action::LineUp);
    assert_eq!(a.scroll, 1);
    a.update(Action::PageDown);
    assert_eq!(a.scroll, 1 + a.page() - 1);
    a.update(Action::HalfPageUp);
    assert_eq!(a.scroll, a.page() - a.page() / 2);
    a.update(Action::Bottom);
    assert_eq!(a.scroll, a.max_scroll());
    a.update(Action::LineDown);
    assert_eq!(a.scroll, a.max_scroll(), "no scrolling past the end");
    let last = screen_text(&draw(&a));
    assert!(last.iter().any(|l| l.contains("Leave a Reply")), "the end shows the last paragraph");
    a.update(Action::Top);
    a.update(Action::LineUp);
    assert_eq!(a.scroll, 0);

    a.update(Action::ToggleHelp);
    assert_eq!(a.overlay, Overlay::Help);
    let help = screen_text(&draw(&a));
    assert!(help.iter().any(|l| l.contains("redline keys")));
    assert!(help.iter().any(|l| l.contains("scroll down half a page")));
    a.update(Action::Back);
    assert_eq!(a.overlay, Overlay::None);
    assert!(a.running, "Esc closes the help first");
    a.update(Action::Back);
    assert!(!a.running);
    let mut b = app(100, 30);
    b.update(Action::Quit);
    assert!(!b.running);
}

#[test]
fn resize_rewraps_and_keeps_the_row_on_top() {
    let mut a = app(120, 40);
    a.update(Action::PageDown);
    let row = a.layout.row_at(a.scroll).unwrap();
    let wide_lines = a.layout.len();
    a.resize(70, 30);
    assert!(a.layout.len() > wide_lines, "narrower panes wrap into more lines");
    assert_eq!(a.layout.row_at(a.scroll), Some(row));
    let lines = screen_text(&draw(&a));
    assert!(lines.iter().all(|l| l.chars().count() == 70));
}

#[test]
fn tiny_terminal_shows_a_message_instead_of_panes() {
    let a = app(30, 6);
    let text = screen_text(&draw(&a)).join("\n");
    assert!(text.contains("Terminal too small"), "{text}");
    assert!(!text.contains("source.txt"));
    // Even absurd sizes draw without panicking.
    for (w, h) in [(1, 1), (2, 40), (200, 2), (40, 8)] {
        draw(&app(w, h));
    }
}

#[test]
fn escape_sequences_in_input_are_drawn_inert() {
    use redline::comparison::Comparison;
    use redline::document::Document;
    use redline::input::Source;
    let evil = "Title\u{1b}]52;c;ZXZpbA==\u{7} and \u{1b}[2J clear\nSecond \u{9b}31m para.";
    let c = Comparison::new(
        Document::parse(Source::from_text("evil.txt", evil)),
        Some(Document::parse(Source::from_text("ok.txt", "Fine text.\n"))),
    );
    let a = App::new(c, 80, 20);
    let buf = draw(&a);
    for cell in buf.content() {
        assert!(!cell.symbol().chars().any(|c| c.is_control()), "control char drawn: {:?}", cell.symbol());
    }
    assert!(screen_text(&buf).join("").contains("␛]52;c;ZXZpbA==␇"));
}

#[test]
fn m_jumps_between_the_ends_of_a_moved_paragraph_and_back() {
    let mut a = app(120, 40);
    let c = &a.comparison;
    let right = c.right.as_ref().unwrap();
    // The Paris-talks paragraph went into the rewrite's Zelenskyy paragraph, earlier on.
    let paris = (0..c.left.paragraphs.len())
        .find(|&i| c.left.para_text(i).starts_with("Following talks in Paris"))
        .unwrap();
    let zel = (0..right.paragraphs.len())
        .find(|&i| right.para_text(i).starts_with("President Volodymyr Zelenskyy"))
        .unwrap();
    let (paris_row, zel_row) = (c.left_row.at(paris), c.right_row.at(zel));
    assert_eq!(c.left_marks[paris], redline::comparison::RowStatus::Moved);
    a.go_to_row(paris_row);
    a.update(Action::JumpMoved);
    assert_eq!(a.focus, Some(zel_row));
    assert!(a.visible_rows().contains(&zel_row));
    assert!(a.message.as_deref().unwrap().contains("moved"));
    a.update(Action::JumpMoved);
    assert_eq!(a.focus, Some(paris_row), "m again jumps back");
    let screen = screen_text(&draw(&a)).join("\n");
    assert!(screen.contains("↕ Following talks in Paris"), "moved marker in the gutter:\n{screen}");
}

#[test]
fn omitted_and_added_paragraphs_are_marked() {
    let a = app(120, 40);
    let c = &a.comparison;
    let right = c.right.as_ref().unwrap();
    let trump = (0..c.left.paragraphs.len())
        .find(|&i| c.left.para_text(i).starts_with("Trump, who had promised"))
        .unwrap();
    assert_eq!(c.left_marks[trump], redline::comparison::RowStatus::Omitted);
    let next =
        (0..right.paragraphs.len()).find(|&i| right.para_text(i).starts_with("The coming weeks")).unwrap();
    assert_eq!(c.right_marks[next], redline::comparison::RowStatus::Added);
    let mut b = app(120, 40);
    b.update(Action::Bottom);
    let screen = screen_text(&draw(&b)).join("\n");
    assert!(screen.contains("+ The coming weeks are expected"), "{screen}");
}
