//! Benchmarks: the analysis of the bundled pair, a ~100 KB and a ~4 MB generated pair (and one
//! of 4 MB with most of every paragraph reworded), the
//! real 4 MB rewrite of `../shared/data/big-pair` when it is there; one
//! frame drawn at the start, middle and end of the large pair; the wrapped layout of the
//! large pair (what a resize costs); one navigation key; every step of a ten-version history.
//!
//! Full run: `cargo bench --bench analysis`. Quick check that they still run (CI):
//! `cargo bench --bench analysis -- --test`.

use criterion::{criterion_group, criterion_main, Criterion};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use redline::app::{Action, App};
use redline::comparison::Comparison;
use redline::document::Document;
use redline::input::Source;
use redline::layout::Layout;
use std::hint::black_box;

// The allocator the binary uses, so the figures are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Everything the binary does with two texts: parse both, then the whole analysis.
fn compare(a: &str, b: &str) -> Comparison {
    Comparison::from_sources(Source::from_text("a", a), Some(Source::from_text("b", b)))
}

/// Paragraphs that make a generated original of about 4 MB (and 100 KB).
const LARGE: usize = 11_800;
const MEDIUM: usize = 290;
/// The share of words the heavily reworded pair replaces.
const HEAVY_REWORDING: f64 = 0.6;

fn analysis(c: &mut Criterion) {
    let mut g = c.benchmark_group("analysis");
    g.bench_function("bundled", |b| {
        b.iter(|| compare(black_box(redline::bundled::LEFT), redline::bundled::RIGHT))
    });
    let (a, r) = redline::synth::pair(1, MEDIUM);
    g.bench_function("100KB", |b| b.iter(|| compare(black_box(&a), &r)));
    let (a, r) = redline::synth::pair(1, LARGE);
    g.sample_size(10);
    g.bench_function("4MB", |b| b.iter(|| compare(black_box(&a), &r)));
    // The same size with most of every paragraph reworded (each word replaced with
    // probability 0.6), as real rewrites are: long word differences, weaker links.
    let (a, r) = redline::synth::reworded_pair(1, LARGE, HEAVY_REWORDING);
    g.bench_function("4MB_reworded", |b| b.iter(|| compare(black_box(&a), &r)));
    // A real rewrite of 4 MB a side (two English Bibles, every verse reworded), from the
    // development data beside the repository when it is there.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/big-pair");
    let read = |name: &str| std::fs::read_to_string(format!("{dir}/{name}"));
    if let (Ok(a), Ok(r)) = (read("asv.txt"), read("bbe.txt")) {
        g.bench_function("big_pair_4MB_real_rewrite", |b| b.iter(|| compare(black_box(&a), &r)));
    }
    g.finish();
}

/// People detection over about 1 MB of real news text (the bundled pair, repeated).
fn people(c: &mut Criterion) {
    let mut text = String::new();
    while text.len() < 1_000_000 {
        text.push_str(redline::bundled::LEFT);
        text.push_str("\n\n");
        text.push_str(redline::bundled::RIGHT);
        text.push_str("\n\n");
    }
    let doc = Document::parse(Source::from_text("1MB", text));
    // The name lists load once per process; do it before timing.
    redline::people::People::find(&doc, None);
    let mut g = c.benchmark_group("people");
    g.bench_function("1MB", |b| b.iter(|| redline::people::People::find(black_box(&doc), None)));
    g.finish();
}

fn frames(c: &mut Criterion) {
    let (a, r) = redline::synth::pair(1, LARGE);
    let mut app = App::new(compare(&a, &r), 160, 50);
    let mut terminal = Terminal::new(TestBackend::new(160, 50)).expect("test backend");
    let mut g = c.benchmark_group("frame");
    for (name, at) in [("start", 0.0), ("middle", 0.5), ("end", 1.0)] {
        app.scroll = (app.max_scroll() as f64 * at) as usize;
        g.bench_function(name, |b| {
            b.iter(|| {
                terminal.draw(|f| f.render_widget(&app, f.area())).expect("draw");
            });
        });
    }
    g.bench_function("layout_4MB_at_77_columns", |b| {
        b.iter(|| Layout::new(black_box(&app.comparison), 77, false))
    });
    app.scroll = app.max_scroll() / 2;
    g.bench_function("key_page_down", |b| {
        b.iter(|| {
            app.update(black_box(Action::PageDown));
            app.update(Action::PageUp);
        })
    });
    g.bench_function("key_next_difference", |b| {
        b.iter(|| {
            app.update(black_box(Action::NextDifference));
            app.update(Action::PrevDifference);
        })
    });
    g.finish();
}

/// A story's history: ten versions of a 10 KB article (two real news articles of the
/// development data, one after the other), every step analysed as the reader does in the
/// background, and as `--json` does.
fn history(c: &mut Criterion) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/onestop-dev");
    let read = |name: &str| std::fs::read_to_string(format!("{dir}/{name}/left.txt")).unwrap_or_default();
    let base = format!("{}\n\n{}", read("obama"), read("malala"));
    let docs: Vec<Document> = redline::synth::history(&base, 10, 7)
        .into_iter()
        .enumerate()
        .map(|(i, t)| Document::parse(Source::from_text(format!("v{i}"), t)))
        .collect();
    let versions: Vec<redline::history::Version> = docs.iter().map(redline::history::Version::of).collect();
    c.bench_function("history_10_versions_10KB", |b| {
        b.iter(|| redline::history::History::analyse(black_box(docs.clone()), versions.clone()))
    });
    // `>` then `<` in the reader once the steps are in: a step put by, another laid out.
    let mut app =
        App::history(versions.clone(), docs.iter().cloned().map(std::sync::Arc::new).collect(), 160, 50);
    for (pair, _) in app.take_requests() {
        let c = Comparison::new(docs[pair.0].clone(), Some(docs[pair.1].clone()));
        app.analysed(pair, c, std::time::Duration::ZERO);
    }
    c.bench_function("history_step_keys", |b| {
        b.iter(|| {
            app.update(Action::NextStep);
            app.update(Action::PrevStep);
        })
    });
}

criterion_group!(benches, analysis, people, frames, history);
criterion_main!(benches);
