//! Prints the people redline finds in one or two files (or the bundled pair).
use redline::document::Document;
use redline::input::{read_source, Source};
use redline::people::People;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (left, right) = match args.as_slice() {
        [] => (
            Source::from_text(redline::bundled::LEFT_NAME, redline::bundled::LEFT),
            Some(Source::from_text(redline::bundled::RIGHT_NAME, redline::bundled::RIGHT)),
        ),
        [a] => (read_source(a)?, None),
        [a, b, ..] => (read_source(a)?, Some(read_source(b)?)),
    };
    let left = Document::parse(left);
    let right = right.map(Document::parse);
    let people = People::find(&left, right.as_ref());
    for p in &people.persons {
        let show = |doc: &Document, spans: &[redline::document::Span]| {
            spans.iter().map(|s| doc.slice(*s).to_string()).collect::<Vec<_>>().join(" | ")
        };
        println!(
            "{:<28} L{} R{}  [{}] [{}]",
            p.name,
            p.left.len(),
            p.right.len(),
            show(&left, &p.left),
            right.as_ref().map(|r| show(r, &p.right)).unwrap_or_default()
        );
    }
    Ok(())
}
