//! Times each phase of the analysis of two files, one after another on all cores (development
//! aid): `cargo run --release --example phases -- LEFT RIGHT`.
/// mimalloc, counting the bytes live and the most live at once.
struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let now = LIVE.fetch_add(l.size(), Relaxed) + l.size();
        PEAK.fetch_max(now, Relaxed);
        unsafe { mimalloc::MiMalloc.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size(), Relaxed);
        unsafe { mimalloc::MiMalloc.dealloc(p, l) }
    }
}
#[global_allocator]
static GLOBAL: Counting = Counting;
use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// Live and peak heap, in MB, since the last call (the peak is reset).
fn heap() -> String {
    let live = LIVE.load(Relaxed);
    let peak = PEAK.swap(live, Relaxed);
    format!("live {} MB, peak {} MB", live >> 20, peak >> 20)
}
use redline::document::Document;
use redline::input::Source;
use std::time::Instant;

fn main() {
    // As the reader runs: no transparent huge pages (see main.rs), or zeroing them dominates.
    #[cfg(target_os = "linux")]
    let _ = rustix::thread::disable_transparent_huge_pages(true);
    let mut args = std::env::args().skip(1);
    let (a, b) = (args.next().expect("LEFT"), args.next().expect("RIGHT"));
    let t = Instant::now();
    let (a, b) = (std::fs::read_to_string(a).expect("left"), std::fs::read_to_string(b).expect("right"));
    let (l, r) = Document::parse_pair(Source::from_text("a", a), Some(Source::from_text("b", b)));
    let r = r.expect("two");
    println!("parse    {:?}  {}", t.elapsed(), heap());
    // PHASE=people, PHASE=align or PHASE=words: that phase alone, three times (for a profiler).
    match std::env::var("PHASE").as_deref() {
        Ok("people") => {
            let t = Instant::now();
            for _ in 0..3 {
                std::hint::black_box(redline::people::People::find(&l, Some(&r)));
            }
            println!("people x3 {:?}", t.elapsed());
            return;
        }
        Ok("align") => {
            let t = Instant::now();
            for _ in 0..3 {
                std::hint::black_box(redline::align::align_with(&l, &r, &Default::default()));
            }
            println!("align x3 {:?}", t.elapsed());
            return;
        }
        Ok("words") => {
            let al = redline::align::align_with(&l, &r, &Default::default());
            let t = Instant::now();
            for _ in 0..3 {
                std::hint::black_box(redline::words::word_diff(&l, &r, &al.links));
            }
            println!("words x3 {:?}", t.elapsed());
            return;
        }
        _ => {}
    }
    let t = Instant::now();
    let model = redline::terms::TermModel::build(&l, &r);
    println!("(terms   {:?}  {}, units {} + {})", t.elapsed(), heap(), model.left.len(), model.right.len());
    drop(model);
    let t = Instant::now();
    let al = redline::align::align_with(&l, &r, &Default::default());
    println!("align    {:?}  {}", t.elapsed(), heap());
    let t = Instant::now();
    let people = redline::people::People::find(&l, Some(&r));
    println!("people   {:?}  {}", t.elapsed(), heap());
    let t = Instant::now();
    let w = redline::words::word_diff(&l, &r, &al.links);
    println!("words    {:?} ({} changes)  {}", t.elapsed(), w.changes.len(), heap());
    let t = Instant::now();
    let f = redline::findings::find(&l, &r, &al.links, &people);
    println!("findings {:?} ({})  {}", t.elapsed(), f.len(), heap());
    drop((al, people, w, f));
    println!("dropped the parts  {}", heap());
    let t = Instant::now();
    // The heap every few milliseconds, with the stages finished by then (TRACE=1).
    let progress = std::sync::Arc::new(redline::comparison::Progress::default());
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let tracer = std::env::var("TRACE").is_ok().then(|| {
        let (progress, done) = (progress.clone(), done.clone());
        std::thread::spawn(move || {
            let mut last = String::new();
            while !done.load(Relaxed) {
                let finished: Vec<&str> = redline::comparison::Stage::ALL
                    .iter()
                    .filter(|s| progress.is_finished(**s))
                    .map(|s| &s.label()[..4])
                    .collect();
                let now = format!("{} MB [{}]", LIVE.load(Relaxed) >> 20, finished.join(","));
                if now != last {
                    println!("  {:>6.3}s {now}", t.elapsed().as_secs_f64());
                    last = now;
                }
                std::thread::sleep(std::time::Duration::from_millis(3));
            }
        })
    });
    let c = redline::comparison::Comparison::with_progress(
        std::sync::Arc::new(l),
        Some(std::sync::Arc::new(r)),
        &progress,
    );
    done.store(true, Relaxed);
    if let Some(tracer) = tracer {
        tracer.join().expect("traced");
    }
    println!("whole comparison {:?}  {}", t.elapsed(), heap());
    let t = Instant::now();
    let mut out = std::io::BufWriter::new(std::io::sink());
    redline::report::write_json(&c, &mut out).expect("written");
    println!("json     {:?}  {}", t.elapsed(), heap());
    let t = Instant::now();
    drop(c);
    println!("drop     {:?}", t.elapsed());
}
