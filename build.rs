//! Builds the name lists into sorted static tables at compile time, so that a run does not
//! spend its first milliseconds hashing 94,000 names (it was most of a short run's time).
//!
//! Each list is one string of its names back to back and the offsets where they end, not an
//! array of string slices: a slice holds a pointer, which the loader must relocate at every
//! start of the program (94,000 pointers: 2.2 MB of tables copied into private pages and
//! 2.2 MB of relocation records read, before `main`).
use std::{env, fmt::Write, fs, path::Path};

fn names(path: &str) -> Vec<String> {
    println!("cargo::rerun-if-changed={path}");
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect()
}

/// A `NameTable` literal of sorted `names`.
fn table<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let (mut text, mut ends) = (String::new(), String::new());
    for n in names {
        text.push_str(n);
        write!(ends, "{},", text.len()).expect("a String takes any write");
    }
    format!("super::NameTable {{ text: {text:?}, ends: &[{ends}] }}")
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
    let ranks: String = last.iter().map(|(_, rank)| format!("{rank},")).collect();
    let out = format!(
        "/// First names (US census), upper case, sorted.\n\
         pub static FIRST_NAMES: super::NameTable = {};\n\
         /// Surnames (US census), upper case, sorted.\n\
         pub static SURNAMES: super::NameTable = {};\n\
         /// Each of `SURNAMES`' frequency rank (0 is the most common).\n\
         pub static SURNAME_RANKS: &[u32] = &[{ranks}];\n",
        table(first.iter().map(String::as_str)),
        table(last.iter().map(|(n, _)| n.as_str())),
    );
    let dest = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("names.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}
