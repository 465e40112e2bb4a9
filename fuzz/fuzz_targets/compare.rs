//! Fuzzes every path the program has on arbitrary bytes: see `redline::check::whole_pipeline`.
//! Run: `cargo +nightly fuzz run compare` (README.md says more). Each crash it finds goes into
//! `tests/fixtures/fuzz/compare/`, where `tests/hostile.rs` replays it on every test run.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = redline::check::whole_pipeline(data) {
        panic!("{e}");
    }
});
