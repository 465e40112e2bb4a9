//! Times the analysis of a generated pair: `cargo run --release --example scale -- 10000`.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use redline::comparison::Comparison;
use redline::document::Document;
use redline::input::Source;
use std::time::Instant;

fn main() {
    let arg = std::env::args().nth(1).unwrap_or_default();
    let (a, b) = match (arg.parse::<usize>(), std::env::args().nth(2)) {
        // Two files: `scale LEFT RIGHT`.
        (Err(_), Some(right)) => (
            std::fs::read_to_string(&arg).expect("left file"),
            std::fs::read_to_string(right).expect("right file"),
        ),
        (n, _) => redline::synth::pair(42, n.unwrap_or(10_000)),
    };
    println!("sizes: {} + {} bytes", a.len(), b.len());
    let t = Instant::now();
    let l = Document::parse(Source::from_text("a", a));
    let r = Document::parse(Source::from_text("b", b));
    let parsed = t.elapsed();
    let c = Comparison::new(l, Some(r));
    println!(
        "parse {:?}, total {:?}; {} links, {} rows, similarity {}",
        parsed,
        t.elapsed(),
        c.links.len(),
        c.rows.len(),
        c.summary.similarity
    );
    parts(&c);
    layout_time(&c);
}

/// The parts after alignment, timed alone on the same pair.
fn parts(c: &Comparison) {
    let r = c.right.as_ref().expect("a pair");
    let t = Instant::now();
    let a = redline::align::align(&c.left, r);
    let ta = t.elapsed();
    let t = Instant::now();
    let w = redline::words::word_diff(&c.left, r, &a.links);
    println!(
        "alone: align {ta:?} ({} links), word diff {:?} ({} changes)",
        a.links.len(),
        t.elapsed(),
        w.changes.len()
    );
    let t = Instant::now();
    let people = redline::people::People::find(&c.left, Some(r));
    let tp = t.elapsed();
    let t = Instant::now();
    let f = redline::findings::find(&c.left, r, &c.links, &people);
    println!(
        "people {tp:?} ({} people), findings {:?} ({} findings)",
        people.persons.len(),
        t.elapsed(),
        f.len()
    );
}

#[allow(dead_code)]
fn layout_time(c: &Comparison) {
    for w in [40, 60, 100] {
        let t = Instant::now();
        let l = redline::layout::Layout::new(c, w, false);
        println!("layout at {w}: {:?} ({} lines)", t.elapsed(), l.len());
    }
}
