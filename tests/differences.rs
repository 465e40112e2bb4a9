//! Word-level differences on the bundled pair as the reader shows them: the exact cells
//! styled in Putin's quotation, walking the difference list, the only-differences view,
//! search, one pane scrolling alone, and the JSON list.

mod common;

use common::{bundled_pair, draw};
use ratatui::buffer::Buffer;
use ratatui::style::Color;
use redline::app::{Action, App, Edit, Scrolling};
use redline::comparison::DiffKind;

/// Runs of cells with background `bg` in columns `x0..x1` of lines `y0..=y1`, as text.
fn runs(buf: &Buffer, x0: u16, x1: u16, y0: u16, y1: u16, bg: Color) -> Vec<String> {
    let mut out = Vec::new();
    for y in y0..=y1 {
        let mut cur = String::new();
        for x in x0..x1 {
            let cell = &buf[(x, y)];
            if cell.bg == bg {
                cur.push_str(cell.symbol());
            } else if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        }
        if !cur.is_empty() {
            out.push(cur);
        }
    }
    out
}

/// The bundled pair at 120×40, scrolled to Putin's quotation, drawn with or without colour.
fn draw_at_putins_quotation(color: bool) -> Buffer {
    let mut app = App::new(bundled_pair(), 120, 40);
    app.color = color;
    let c = &app.comparison;
    let quote =
        (0..c.left.paragraphs.len()).find(|&i| c.left.para_text(i).starts_with("“Ukrainian troops")).unwrap();
    app.go_to_row(c.left_row.at(quote));
    draw(&app)
}

fn line_text(buf: &Buffer, y: u16, x0: u16, x1: u16) -> String {
    (x0..x1).map(|x| buf[(x, y)].symbol().to_string()).collect()
}

#[test]
fn putins_quotation_shows_exactly_its_altered_phrases() {
    let buf = draw_at_putins_quotation(true);
    let first = (0..40).find(|&y| line_text(&buf, y, 0, 60).contains("“Ukrainian troops must")).unwrap();
    let last = (first..40).find(|&y| line_text(&buf, y, 0, 60).contains("Putin said")).unwrap();
    let removed = runs(&buf, 0, 60, first, last, Color::Indexed(52));
    assert_eq!(removed, ["control", "stop", "we will achieve it", "all", "last week"]);
    let last_right = (first..40).find(|&y| line_text(&buf, y, 60, 120).contains("Putin said")).unwrap();
    let inserted = runs(&buf, 60, 120, first, last_right, Color::Indexed(22));
    assert_eq!(inserted, ["hold,", "cease", "then we shall achieve this", "it", "recently"]);
    // Removed words are drawn in their own colour, and only on the left.
    let cell = (0..60).map(|x| &buf[(x, first + 1)]).find(|c| c.bg == Color::Indexed(52)).unwrap();
    assert_eq!(cell.fg, Color::LightRed);
    assert!(runs(&buf, 0, 60, first, last, Color::Indexed(22)).is_empty());
}

#[test]
fn without_colour_the_marks_use_reverse_and_underline() {
    use ratatui::style::Modifier;
    let buf = draw_at_putins_quotation(false);
    let y = (0..40).find(|&y| line_text(&buf, y, 0, 60).contains("they control")).unwrap();
    let x =
        (0..60).find(|&x| buf[(x, y)].symbol() == "c" && line_text(&buf, y, x, x + 7) == "control").unwrap();
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
    assert_eq!(buf[(x, y)].bg, Color::Reset);
    let yr = (0..40).find(|&y| line_text(&buf, y, 60, 120).contains("they hold,")).unwrap();
    let xr = (60..120).find(|&x| line_text(&buf, yr, x, x + 4) == "hold").unwrap();
    assert!(buf[(xr, yr)].modifier.contains(Modifier::UNDERLINED));
}

#[test]
fn next_visits_every_difference_once_in_order_then_wraps() {
    let mut app = App::new(bundled_pair(), 120, 40);
    let n = app.comparison.differences.len();
    assert!(n > 20, "{n}");
    let rows: Vec<usize> = app.comparison.differences.iter().map(|d| d.row).collect();
    assert!(rows.windows(2).all(|w| w[0] <= w[1]), "reading order by row");
    for i in 0..n {
        app.update(Action::NextDifference);
        assert_eq!(app.current, Some(i));
        let msg = app.message.clone().unwrap();
        assert!(msg.starts_with(&format!("difference {} of {n}", i + 1)), "{msg}");
        // The view follows: the difference's row is on screen and marked.
        let d = app.comparison.differences.at(i);
        let row = match (d.left, d.right) {
            (Some((p, _)), _) => app.comparison.left_row.at(p),
            (None, Some((q, _))) => app.comparison.right_row.at(q),
            _ => unreachable!(),
        };
        assert!(app.visible_rows().contains(&row), "difference {i} on screen");
        assert_eq!(app.focus, Some(row));
    }
    app.update(Action::NextDifference);
    assert_eq!(app.current, Some(0));
    assert!(app.message.clone().unwrap().contains("wrapped to the first"));
    app.update(Action::PrevDifference);
    assert_eq!(app.current, Some(n - 1));
    assert!(app.message.unwrap().contains("wrapped to the last"));
}

#[test]
fn only_differences_hides_unchanged_rows_and_furniture() {
    let mut app = App::new(bundled_pair(), 120, 40);
    let all_lines = app.layout.len();
    app.update(Action::ToggleOnlyChanges);
    assert!(app.only_changes);
    assert!(app.layout.len() < all_lines);
    let text: String = {
        let mut s = String::new();
        for _ in 0..20 {
            s.push_str(
                &(0..app.geometry.height).map(|y| line_text(&draw(&app), y, 0, 120)).collect::<String>(),
            );
            app.update(Action::PageDown);
        }
        s
    };
    assert!(!text.contains("Recommended stories") && !text.contains("Leave a Reply"));
    app.update(Action::ToggleOnlyChanges);
    assert_eq!(app.layout.len(), all_lines);
}

#[test]
fn search_finds_both_sides_and_n_moves_between_matches() {
    let mut app = App::new(bundled_pair(), 120, 40);
    app.update(Action::StartSearch);
    for ch in "peskov".chars() {
        app.edit(Edit::Char(ch));
    }
    let buf = draw(&app);
    assert!(line_text(&buf, 39, 0, 120).contains("/peskov"));
    app.edit(Edit::Commit);
    let s = app.search.clone().unwrap();
    assert_eq!(s.matches.len(), 2);
    assert!(s.matches[0].left && !s.matches[1].left);
    assert_eq!(s.current, Some(0));
    app.update(Action::NextMatch);
    assert_eq!(app.search.as_ref().unwrap().current, Some(1));
    app.update(Action::NextMatch);
    assert_eq!(app.search.as_ref().unwrap().current, Some(0), "wraps");
    app.update(Action::PrevMatch);
    assert_eq!(app.search.as_ref().unwrap().current, Some(1));
    let buf = draw(&app);
    let hit = buf.content().iter().any(|c| c.bg == Color::Yellow && c.symbol() == "P");
    assert!(hit, "the current match is highlighted");
    app.update(Action::Back);
    assert!(app.search.is_none() && app.running, "Esc clears the search first");
}

#[test]
fn tab_scrolls_one_pane_alone_and_s_resyncs() {
    let mut app = App::new(bundled_pair(), 120, 40);
    app.update(Action::SwitchPane);
    assert_eq!(app.scrolling, Scrolling::LeftAlone);
    app.update(Action::PageDown);
    assert!(app.scroll > 0);
    assert_eq!(app.scroll_right, 0);
    app.update(Action::SwitchPane);
    assert_eq!(app.scrolling, Scrolling::RightAlone);
    app.update(Action::LineDown);
    assert_eq!(app.scroll_right, 1);
    let title = line_text(&draw(&app), 0, 60, 120);
    assert!(title.contains("scrolling alone"), "{title}");
    app.update(Action::Resync);
    assert_eq!(app.scrolling, Scrolling::Together);
    assert_eq!((app.scroll, app.scroll_right), (1, 1), "both follow the pane that was scrolling");
}

#[test]
fn json_differences_cover_just_the_changed_words() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_redline")).arg("--json").output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let diffs = v["differences"].as_array().unwrap();
    let pairs: Vec<(String, String)> = diffs
        .iter()
        .filter(|d| d["kind"] == "changed")
        .map(|d| {
            (
                d["left_text"].as_str().unwrap_or("").to_string(),
                d["right_text"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    for (l, r) in [
        ("control", "hold,"),
        ("stop", "cease"),
        ("we will achieve it", "then we shall achieve this"),
        ("all", "it"),
        ("last week", "recently"),
    ] {
        assert!(pairs.contains(&(l.to_string(), r.to_string())), "{l} → {r} missing");
    }
    let left = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/source.txt")).unwrap();
    for d in diffs {
        if let Some(span) = d["left"].as_array() {
            let (s, e) = (span[0].as_u64().unwrap() as usize, span[1].as_u64().unwrap() as usize);
            assert_eq!(&left[s..e], d["left_text"].as_str().unwrap());
        }
        assert!(["changed", "omitted", "added", "moved"].contains(&d["kind"].as_str().unwrap()));
    }
    let c = bundled_pair();
    // Omitted: the gold's one unmatched source paragraph, the source's one heading (its
    // only gold link is optional; headings align only with headings), and the paragraph whose
    // one gold link is optional (a weak move, which needs more evidence than it has).
    let omitted: Vec<&str> = c
        .differences
        .iter()
        .filter(|d| d.kind == DiffKind::Omitted)
        .map(|d| c.left.slice(d.left.unwrap().1))
        .collect();
    assert_eq!(omitted.len(), 3, "{omitted:?}");
    assert!(omitted[0].starts_with("Trump, who had promised"), "{omitted:?}");
    assert!(omitted[1].starts_with("Russian troops have made some progress"), "{omitted:?}");
    assert_eq!(omitted[2], "‘It looks better’");
    assert!(c.differences.iter().any(|d| d.kind == DiffKind::Moved));
}
