//! Prints what trafilatura keeps of a saved page (development aid): `extract_debug PAGE`.
fn main() {
    let path = std::env::args().nth(1).expect("a page");
    let html = std::fs::read_to_string(path).expect("readable");
    let t = std::time::Instant::now();
    let mut opts = trafilatura::Options::default();
    opts.exclude_comments = true;
    opts.include_links = true;
    let r = trafilatura::extract(&html, &opts);
    println!("{:?}", t.elapsed());
    match r {
        Ok(r) => {
            println!(
                "{:#?}",
                (&r.metadata.title, &r.metadata.author, &r.metadata.date, &r.metadata.sitename)
            );
            println!("{}", r.content_html);
        }
        Err(e) => println!("error: {e}"),
    }
}
