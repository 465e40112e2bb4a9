//! Writes a generated history (`redline::synth::history`) of a text file to numbered files,
//! for timing the reader and `--json` on many versions:
//! `cargo run --release --example gen_history -- BASE.txt 10 /tmp/story` writes
//! /tmp/story-01.txt … /tmp/story-10.txt.
fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let (Some(base), n, prefix) = (args.next(), args.next(), args.next()) else {
        eprintln!("usage: gen_history BASE.txt [VERSIONS=10] [PREFIX=story]");
        std::process::exit(2);
    };
    let n: usize = n.and_then(|s| s.parse().ok()).unwrap_or(10);
    let prefix = prefix.unwrap_or_else(|| "story".to_string());
    let text = std::fs::read_to_string(base)?;
    for (i, version) in redline::synth::history(&text, n, 7).into_iter().enumerate() {
        std::fs::write(format!("{prefix}-{:02}.txt", i + 1), version)?;
    }
    Ok(())
}
