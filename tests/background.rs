//! The reader while the analysis runs elsewhere: the texts shown at once, a gauge, keys that
//! need the analysis saying so, and the finished analysis taking over at the same place.

mod common;

use redline::app::{Action, App};
use redline::comparison::{Comparison, Progress, Stage};
use redline::document::Document;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

fn status(app: &App) -> String {
    common::screen_text(&common::draw(app)).pop().unwrap_or_default()
}

fn analysing(progress: &Arc<Progress>) -> App {
    let c = common::bundled_pair();
    App::analysing(Comparison::unaligned(c.left, c.right), Arc::clone(progress), 140, 30)
}

#[test]
fn progress_rises_to_one_as_stages_finish() {
    let p = Progress::default();
    assert_eq!(p.fraction(), 0.0);
    p.sentences.store(100, Ordering::Relaxed);
    p.scored.store(50, Ordering::Relaxed);
    let half_search = p.fraction();
    assert!(half_search > 0.1 && half_search < 0.3, "{half_search}");
    let mut last = half_search;
    for stage in [Stage::People, Stage::Alignment, Stage::Words, Stage::Findings] {
        assert_eq!(p.running().map(|s| s == stage || !p.is_finished(s)), Some(true));
        p.finish(stage);
        assert!(p.fraction() > last, "{stage:?}");
        last = p.fraction();
    }
    assert!((p.fraction() - 1.0).abs() < 1e-6);
    assert_eq!(p.running(), None);
}

#[test]
fn the_texts_show_at_once_with_a_gauge_and_analysis_keys_wait() {
    let progress = Arc::new(Progress::default());
    progress.sentences.store(200, Ordering::Relaxed);
    progress.scored.store(100, Ordering::Relaxed);
    let mut app = analysing(&progress);
    assert!(status(&app).contains("analysing: aligning paragraphs"), "{}", status(&app));
    assert!(status(&app).contains("20%"), "{}", status(&app));
    // Both texts are there, unaligned, nothing marked.
    assert!(app.comparison.differences.is_empty() && app.comparison.links.is_empty());
    let c = &app.comparison;
    let longer = c.left.paragraphs.len().max(c.right.as_ref().unwrap().paragraphs.len());
    assert_eq!(c.rows.len(), longer);
    // Scrolling works; differences, findings and search wait.
    app.update(Action::PageDown);
    assert!(app.scroll > 0);
    for action in [Action::NextDifference, Action::FindingsPanel, Action::StartSearch, Action::PeoplePanel] {
        app.update(action);
        assert!(app.message.as_deref().unwrap_or("").contains("waits for the analysis"), "{action:?}");
        assert!(app.panel.is_none() && app.input.is_none() && app.current.is_none());
    }
    progress.finish(Stage::People);
    assert!(status(&app).contains("35%"), "{}", status(&app));
}

#[test]
fn the_finished_analysis_keeps_the_paragraph_on_top() {
    let progress = Arc::new(Progress::default());
    let mut app = analysing(&progress);
    // Scroll until the unaligned left pane's top line starts some paragraph far down.
    while app.layout.line(&app.comparison, app.scroll).unwrap().left.is_none_or(|s| s.para < 12) {
        app.update(Action::LineDown);
    }
    let para = app.layout.line(&app.comparison, app.scroll).unwrap().left.map(|s| s.para).unwrap();
    app.finish_analysis(common::bundled_pair(), Duration::from_millis(1234));
    assert!(app.analysis.is_none());
    assert_eq!(app.message.as_deref(), Some("analysed in 1.2 s"));
    let top = app.layout.lines_from(&app.comparison, app.scroll).find_map(|l| l.left).unwrap();
    assert_eq!(top.para, para, "the same paragraph stays on top");
    assert!(status(&app).contains("analysed in 1.2 s"));
    app.update(Action::NextDifference);
    assert!(app.current.is_some(), "differences work once analysed");
}

/// A long pair: its beginnings show while the whole texts are read, with the title and gauge
/// saying so; the whole texts then take over where the reader is, at the reader's width (a
/// layout made at another width is made again), and the analysis after them.
#[test]
fn a_long_pair_shows_its_beginnings_until_the_whole_texts_are_read() {
    use redline::app::Delivery;
    use redline::document::PREVIEW_BYTES;
    use redline::input::Source;
    use redline::layout::Layout;
    let (a, b) = redline::synth::pair(5, 1200);
    assert!(a.len() > PREVIEW_BYTES && b.len() > PREVIEW_BYTES);
    let (a, b) = (Source::from_text("a.txt", a), Source::from_text("b.txt", b));
    let progress = Arc::new(Progress::default());
    progress.set_reading(true);
    let shown = Comparison::unaligned(Arc::new(Document::preview(&a)), Some(Arc::new(Document::preview(&b))));
    let mut app = App::analysing(shown, Arc::clone(&progress), 120, 30);
    assert_eq!(progress.width(), app.layout.width, "the reader says its width");
    let screen = common::screen_text(&common::draw(&app));
    assert!(
        screen[0].contains("a.txt · reading…") && screen[0].contains("b.txt · reading…"),
        "{}",
        screen[0]
    );
    assert!(status(&app).contains("analysing: reading the texts"), "{}", status(&app));
    // Read on, far into the beginning.
    for _ in 0..40 {
        app.update(Action::PageDown);
    }
    let top = |app: &App| app.layout.lines_from(&app.comparison, app.scroll).find_map(|l| l.left).unwrap();
    let before = top(&app);
    let text_at = |app: &App, at: usize| app.comparison.left.text[at..at + 40].to_string();
    let words = text_at(&app, before.span.start);
    let (l, r) = Document::parse_pair(a, Some(b));
    let (l, r) = (Arc::new(l), r.map(Arc::new));
    progress.set_reading(false);
    let texts = Comparison::unaligned(Arc::clone(&l), r.clone());
    let elsewhere = Layout::new(&texts, app.layout.width + 7, false);
    app.deliver(Delivery::Texts(texts, elsewhere), Duration::from_millis(10));
    assert_eq!(app.layout.width, app.geometry.text_width() as usize, "laid out again at the reader's width");
    assert!(app.comparison.left.text.len() > PREVIEW_BYTES, "the whole text");
    assert_eq!(text_at(&app, top(&app).span.start), words, "the same text on top");
    assert!(app.analysis.is_some(), "still analysing");
    let screen = common::screen_text(&common::draw(&app));
    assert!(screen[0].contains(&format!("a.txt · {} words", l.word_count())), "{}", screen[0]);
    let narrow = status(&app);
    assert!(narrow.contains("analysing: aligning paragraphs"), "{narrow}");
    assert!(!narrow.contains("shown unaligned"), "no room for the whole explanation, so none: {narrow}");
    app.update(Action::NextDifference);
    let said = status(&app);
    assert!(said.contains("│ 0% analysed: that"), "{said}");
    assert!(
        said.contains("…") && said.trim_end().ends_with("help  q quit"),
        "cut before the key hint: {said}"
    );
    app.resize(170, 30);
    assert!(status(&app).contains("0% analysed: that key waits for the analysis"), "{}", status(&app));
    app.update(Action::LineDown);
    app.update(Action::LineUp);
    assert!(status(&app).contains("shown unaligned until then"), "{}", status(&app));
    // A resize keeps the top row, not the line inside it.
    let words = text_at(&app, top(&app).span.start);
    let done = Comparison::with_progress(Arc::clone(&l), r, &Progress::default());
    let layout = Layout::new(&done, app.layout.width, false);
    let lines = layout.len();
    app.deliver(Delivery::Analysed(done, layout), Duration::from_millis(2500));
    assert!(app.analysis.is_none());
    assert_eq!(app.layout.len(), lines, "its own layout taken");
    assert!(Arc::ptr_eq(&app.comparison.left, &l), "the texts shown and analysed are one, not copies");
    assert_eq!(text_at(&app, top(&app).span.start), words, "the same text on top");
    assert_eq!(app.message.as_deref(), Some("analysed in 2.5 s"));
    app.update(Action::NextDifference);
    assert!(app.current.is_some(), "differences work once analysed");
}
