//! Prints sentence-pair similarities above a floor (development aid):
//! `cargo run --release --example align_debug -- [LEFT RIGHT] [FLOOR] [PARA_L PARA_R]`.
//! Without files, the bundled pair.
use redline::document::Document;
use redline::input::Source;
use redline::terms::TermModel;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (l, r, rest) = if args.len() >= 2 && std::path::Path::new(&args[0]).exists() {
        let read = |p: &str| std::fs::read_to_string(p).expect("readable file");
        (read(&args[0]), read(&args[1]), &args[2..])
    } else {
        (redline::bundled::LEFT.to_string(), redline::bundled::RIGHT.to_string(), &args[..])
    };
    let floor: f32 = rest.first().and_then(|s| s.parse().ok()).unwrap_or(0.1);
    let only: Option<(usize, usize)> = match (rest.get(1), rest.get(2)) {
        (Some(a), Some(b)) => Some((a.parse().expect("a paragraph"), b.parse().expect("a paragraph"))),
        _ => None,
    };
    let l = Document::parse(Source::from_text("l", l));
    let r = Document::parse(Source::from_text("r", r));
    let m = TermModel::build(&l, &r);
    for (i, a) in m.left.iter().enumerate() {
        for (j, b) in m.right.iter().enumerate() {
            if only.is_some_and(|(p, q)| a.para() != p || b.para() != q) {
                continue;
            }
            let s = m.similarity(&a, &b);
            if s >= floor {
                let shared: Vec<String> = a
                    .terms()
                    .iter()
                    .filter(|t| b.terms().binary_search(t).is_ok())
                    .map(|&t| format!("{}:{:.1}", m.stems[t as usize], m.weights[t as usize]))
                    .collect();
                let cut = |d: &Document, sp: redline::document::Span| {
                    d.slice(sp).chars().take(60).collect::<String>()
                };
                println!(
                    "{s:.3}  L{}s{i} {:?}  ~  R{}s{j} {:?}",
                    a.para(),
                    cut(&l, l.paragraphs[a.para()].span),
                    b.para(),
                    cut(&r, r.paragraphs[b.para()].span)
                );
                println!("        shared {}", shared.join(" "));
            }
        }
    }
}
