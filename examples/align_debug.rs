//! Prints sentence-pair similarities of the bundled pair above a floor (development aid).
use redline::document::Document;
use redline::input::Source;
use redline::terms::TermModel;

fn main() {
    let floor: f32 = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0.1);
    let l = Document::parse(Source::from_text("l", redline::bundled::LEFT));
    let r = Document::parse(Source::from_text("r", redline::bundled::RIGHT));
    let m = TermModel::build(&l, &r);
    for (i, a) in m.left.iter().enumerate() {
        for (j, b) in m.right.iter().enumerate() {
            let s = m.similarity(a, b);
            if s >= floor {
                let cut = |d: &Document, sp: redline::document::Span| {
                    d.slice(sp).chars().take(45).collect::<String>()
                };
                println!(
                    "{s:.3}  L{}s{i} {:?}  ~  R{}s{j} {:?}",
                    a.para,
                    cut(&l, a.span),
                    b.para,
                    cut(&r, b.span)
                );
            }
        }
    }
}
