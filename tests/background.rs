//! The reader while the analysis runs elsewhere: the texts shown at once, a gauge, keys that
//! need the analysis saying so, and the finished analysis taking over at the same place.

mod common;

use redline::app::{Action, App};
use redline::comparison::{Comparison, Progress, Stage};
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
    while app.layout.lines[app.scroll].left.is_none_or(|s| s.para < 12) {
        app.update(Action::LineDown);
    }
    let para = app.layout.lines[app.scroll].left.map(|s| s.para).unwrap();
    app.finish_analysis(common::bundled_pair(), Duration::from_millis(1234));
    assert!(app.analysis.is_none());
    assert_eq!(app.message.as_deref(), Some("analysed in 1.2 s"));
    let top = app.layout.lines[app.scroll..].iter().find_map(|l| l.left).unwrap();
    assert_eq!(top.para, para, "the same paragraph stays on top");
    assert!(status(&app).contains("analysed in 1.2 s"));
    app.update(Action::NextDifference);
    assert!(app.current.is_some(), "differences work once analysed");
}
