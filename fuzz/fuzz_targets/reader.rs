//! Fuzzes the reader: a terminal size, a sequence of keys and two versions from arbitrary
//! bytes; see `redline::check::reader_session`. Run: `cargo +nightly fuzz run reader`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = redline::check::reader_session(data) {
        panic!("{e}");
    }
});
