//! Writes the generated benchmark pair to two files, for timing other tools on the same
//! input: `cargo run --release --example gen_pair -- 11800 /tmp/big` writes
//! /tmp/big-left.txt and /tmp/big-right.txt (~4 MB each for 11,800 paragraphs).
fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(11_800);
    let prefix = args.next().unwrap_or_else(|| "pair".to_string());
    let (a, b) = redline::synth::pair(42, n);
    std::fs::write(format!("{prefix}-left.txt"), a)?;
    std::fs::write(format!("{prefix}-right.txt"), b)?;
    Ok(())
}
