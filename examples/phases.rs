//! Times each phase of the analysis of two files, one after another on all cores (development
//! aid): `cargo run --release --example phases -- LEFT RIGHT`.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use redline::document::Document;
use redline::input::Source;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let (a, b) = (args.next().expect("LEFT"), args.next().expect("RIGHT"));
    let t = Instant::now();
    let (a, b) = (std::fs::read_to_string(a).expect("left"), std::fs::read_to_string(b).expect("right"));
    let (l, r) = Document::parse_pair(Source::from_text("a", a), Some(Source::from_text("b", b)));
    let r = r.expect("two");
    println!("parse    {:?}", t.elapsed());
    if std::env::var_os("PHASE_PEOPLE_ONLY").is_some() {
        let t = Instant::now();
        for _ in 0..3 {
            std::hint::black_box(redline::people::People::find(&l, Some(&r)));
        }
        println!("people x3 {:?}", t.elapsed());
        return;
    }
    let t = Instant::now();
    let al = redline::align::align_with(&l, &r, &Default::default());
    println!("align    {:?}", t.elapsed());
    let t = Instant::now();
    let people = redline::people::People::find(&l, Some(&r));
    println!("people   {:?}", t.elapsed());
    let t = Instant::now();
    let w = redline::words::word_diff(&l, &r, &al.links);
    println!("words    {:?} ({} changes)", t.elapsed(), w.changes.len());
    let t = Instant::now();
    let f = redline::findings::find(&l, &r, &al.links, &people);
    println!("findings {:?} ({})", t.elapsed(), f.len());
    let t = Instant::now();
    let c = redline::comparison::Comparison::new(l, Some(r));
    println!("whole comparison {:?}", t.elapsed());
    let t = Instant::now();
    let mut out = std::io::BufWriter::new(std::io::sink());
    redline::report::write_json(&c, &mut out).expect("written");
    println!("json     {:?}", t.elapsed());
    let t = Instant::now();
    drop(c);
    println!("drop     {:?}", t.elapsed());
}
