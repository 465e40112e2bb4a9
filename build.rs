//! Builds the name lists into sorted static tables at compile time, so that a run does not
//! spend its first milliseconds hashing 94,000 names (it was most of a short run's time).
use std::{env, fs, path::Path};

fn names(path: &str) -> Vec<String> {
    println!("cargo::rerun-if-changed={path}");
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect()
}

fn main() {
    let mut first = names("assets/names/dist.male.first.txt");
    first.extend(names("assets/names/dist.female.first.txt"));
    first.sort();
    first.dedup();
    // Surnames keep their line number as the frequency rank (0 is the most common).
    let mut last: Vec<(String, usize)> =
        names("assets/names/dist.all.last.txt").into_iter().zip(0..).collect();
    last.sort();
    last.dedup_by(|a, b| a.0 == b.0);
    let mut out = String::from(
        "/// First names (US census), upper case, sorted.\npub static FIRST_NAMES: &[&str] = &[\n",
    );
    for n in &first {
        out.push_str(&format!("{n:?},\n"));
    }
    out.push_str("];\n/// Surnames (US census), upper case, sorted, with their frequency rank.\npub static SURNAMES: &[(&str, u32)] = &[\n");
    for (n, rank) in &last {
        out.push_str(&format!("({n:?}, {rank}),\n"));
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("names.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}
