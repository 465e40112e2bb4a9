//! Reading an article from a file, standard input or a web address, decoding it to UTF-8,
//! and taking the article text out of a web page.
//!
//! Every failure becomes an [`InputError`] whose `Display` is one line naming the input, so
//! the binary can print it and exit without a backtrace.

use std::fmt;
use std::io::{self, Read};
use std::path::Path;

/// An article's text, decoded, with where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The name shown to the user: the path as given, or `-` for standard input.
    pub name: String,
    /// The decoded text. Every span in redline is a byte offset into this string.
    pub text: String,
    /// Set when the bytes were not plain UTF-8 and had to be converted.
    pub notice: Option<String>,
    /// What a web page said about itself (title, author, date, site); `None` for text.
    pub meta: Option<crate::extract::Meta>,
}

impl Source {
    /// A source from text already in memory (the bundled articles, tests).
    pub fn from_text(name: impl Into<String>, text: impl Into<String>) -> Self {
        Source { name: name.into(), text: text.into(), notice: None, meta: None }
    }
}

/// Why an input could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    NotFound(String),
    IsDirectory(String),
    Unreadable(String, String),
    Binary(String),
    Empty(String),
    /// A web address that could not be fetched, and why.
    Fetch(String, String),
    /// A web page in which no article text was found.
    NoArticle(String),
    /// A text longer than [`MAX_TEXT_BYTES`], and its length.
    TooLarge(String, usize),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::NotFound(n) => write!(f, "{n}: no such file"),
            InputError::IsDirectory(n) => write!(f, "{n}: is a directory, not a text file"),
            InputError::Unreadable(n, why) => write!(f, "{n}: cannot read: {why}"),
            InputError::Binary(n) => write!(f, "{n}: looks like a binary file (it contains NUL bytes)"),
            InputError::Empty(n) => write!(f, "{n}: is empty (no text to compare)"),
            InputError::Fetch(n, why) => write!(f, "{n}: cannot fetch: {why}"),
            InputError::NoArticle(n) => write!(f, "{n}: a web page with no article text in it"),
            InputError::TooLarge(n, len) => write!(
                f,
                "{n}: {} MB of text, more than the {} MB redline reads",
                len >> 20,
                (MAX_TEXT_BYTES >> 20) + 1
            ),
        }
    }
}

impl std::error::Error for InputError {}

/// The longest a web address may take to answer, and the most it may send.
pub const FETCH_TIMEOUT_SECS: u64 = 20;
pub const FETCH_LIMIT_BYTES: u64 = 64 << 20;

/// Reads `path` (standard input for `-`, a web address for `http://` or `https://`) whole,
/// decodes it, and when it is a web page keeps only the article's text.
pub fn read_source(path: &str) -> Result<Source, InputError> {
    let bytes = if is_url(path) { fetch(path)? } else { read_bytes(path)? };
    from_owned_bytes(path, bytes)
}

/// The longest text redline reads, in bytes once decoded: offsets into a text are 32-bit
/// where it holds one for every word (4 GiB, far beyond any memory the analysis would fit in).
pub const MAX_TEXT_BYTES: usize = u32::MAX as usize;

/// An offset, paragraph index or count held in 32 bits, saturating: every input is at most
/// [`MAX_TEXT_BYTES`], so none of them is larger unless memory far beyond any machine's is.
pub fn narrow(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

/// Decodes the bytes of a text or a web page; a web page is replaced by its article's text.
pub fn from_bytes(name: &str, bytes: &[u8]) -> Result<Source, InputError> {
    checked(decode(name, bytes)?)
}

/// [`from_bytes`] of bytes it may keep: UTF-8 without a byte-order mark, as most text is,
/// becomes the text without a copy.
fn from_owned_bytes(name: &str, bytes: Vec<u8>) -> Result<Source, InputError> {
    if bytes.starts_with(b"\xEF\xBB\xBF") || bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF")
    {
        return from_bytes(name, &bytes);
    }
    match String::from_utf8(bytes) {
        Ok(text) => checked(plain(name, text, None)?),
        Err(e) => from_bytes(name, e.as_bytes()),
    }
}

/// A decoded source, refused when too long, and a web page replaced by its article's text.
fn checked(source: Source) -> Result<Source, InputError> {
    if source.text.len() > MAX_TEXT_BYTES {
        return Err(InputError::TooLarge(source.name, source.text.len()));
    }
    if crate::extract::looks_like_html(&source.text) {
        return from_html(source);
    }
    Ok(source)
}

/// Whether an argument names a web address rather than a file.
pub fn is_url(arg: &str) -> bool {
    let lower = arg.get(..8).unwrap_or(arg).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Replaces a web page by the text of its article, with a notice saying so.
pub fn from_html(source: Source) -> Result<Source, InputError> {
    let crate::extract::Article { text, meta } = crate::extract::article(&source.text);
    if text.trim().is_empty() {
        return Err(InputError::NoArticle(source.name));
    }
    let note = match source.notice {
        Some(n) => format!("{n}; article text taken from HTML"),
        None => "article text taken from HTML".to_string(),
    };
    Ok(Source { name: source.name, text, notice: Some(note), meta: Some(meta) })
}

/// Fetches a web address with a time limit and a size limit.
fn fetch(url: &str) -> Result<Vec<u8>, InputError> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(std::time::Duration::from_secs(FETCH_TIMEOUT_SECS)))
        .user_agent(concat!("redline/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let fail = |why: String| InputError::Fetch(url.to_string(), why);
    let mut response = agent.get(url).call().map_err(|e| fail(fetch_reason(&e)))?;
    response
        .body_mut()
        .with_config()
        .limit(FETCH_LIMIT_BYTES)
        .read_to_vec()
        .map_err(|e| fail(fetch_reason(&e)))
}

/// A short reason for a failed fetch, in the user's terms.
fn fetch_reason(e: &ureq::Error) -> String {
    match e {
        ureq::Error::StatusCode(code) => format!("the server answered HTTP {code}"),
        ureq::Error::HostNotFound => "host not found (offline, or a mistyped address?)".to_string(),
        ureq::Error::ConnectionFailed => "connection failed (offline, or the server is down?)".to_string(),
        ureq::Error::Timeout(_) => format!("no complete answer within {FETCH_TIMEOUT_SECS} s"),
        ureq::Error::BodyExceedsLimit(_) => format!("the page is larger than {} MB", FETCH_LIMIT_BYTES >> 20),
        ureq::Error::BadUri(u) => format!("not a valid web address ({u})"),
        ureq::Error::Io(io) => io_reason(io),
        other => other.to_string(),
    }
}

/// Reads a file, or standard input for `-`, whole.
fn read_bytes(path: &str) -> Result<Vec<u8>, InputError> {
    let name = path.to_string();
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        io::stdin()
            .lock()
            .read_to_end(&mut buf)
            .map_err(|e| InputError::Unreadable(name.clone(), io_reason(&e)))?;
        buf
    } else {
        let p = Path::new(path);
        match std::fs::metadata(p) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(InputError::NotFound(name)),
            Err(e) => return Err(InputError::Unreadable(name, io_reason(&e))),
            Ok(m) if m.is_dir() => return Err(InputError::IsDirectory(name)),
            Ok(_) => {}
        }
        std::fs::read(p).map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => InputError::NotFound(name.clone()),
            _ => InputError::Unreadable(name.clone(), io_reason(&e)),
        })?
    };
    Ok(bytes)
}

/// The OS error text without Rust's " (os error 13)" suffix.
pub fn io_reason(e: &io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// Decodes raw bytes: UTF-8 (a BOM is dropped), UTF-16 with a BOM, or else Windows-1252,
/// which is what most mis-labelled saved web articles turn out to be.
pub fn decode(name: &str, bytes: &[u8]) -> Result<Source, InputError> {
    let (text, notice) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        match std::str::from_utf8(rest) {
            Ok(s) => (s.to_string(), None),
            Err(_) => decode_legacy(rest),
        }
    } else if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let enc = if bytes[0] == 0xFF { encoding_rs::UTF_16LE } else { encoding_rs::UTF_16BE };
        let (s, _, had_errors) = enc.decode(bytes);
        let mut note = format!("decoded from {}", enc.name());
        if had_errors {
            note.push_str(" (some bytes were invalid and shown as \u{FFFD})");
        }
        (s.into_owned(), Some(note))
    } else {
        match std::str::from_utf8(bytes) {
            Ok(s) => (s.to_string(), None),
            Err(_) => decode_legacy(bytes),
        }
    };
    plain(name, text, notice)
}

/// A decoded text as a source, unless it is binary (it has a NUL) or empty.
fn plain(name: &str, text: String, notice: Option<String>) -> Result<Source, InputError> {
    if text.contains('\0') {
        return Err(InputError::Binary(name.to_string()));
    }
    if text.trim().is_empty() {
        return Err(InputError::Empty(name.to_string()));
    }
    Ok(Source { name: name.to_string(), text, notice, meta: None })
}

fn decode_legacy(bytes: &[u8]) -> (String, Option<String>) {
    let (s, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
    (s.into_owned(), Some("not UTF-8: decoded as Windows-1252".to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through_and_bom_is_dropped() {
        let s = decode("a", "\u{FEFF}Hello “world”".as_bytes()).unwrap();
        assert_eq!(s.text, "Hello “world”");
        assert_eq!(s.notice, None);
    }

    #[test]
    fn windows_1252_is_decoded_with_a_notice() {
        let s = decode("a", b"It\x92s \x93quoted\x94").unwrap();
        assert_eq!(s.text, "It’s “quoted”");
        assert!(s.notice.unwrap().contains("Windows-1252"));
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let bytes: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain("Hi there".encode_utf16().flat_map(|u| u.to_le_bytes())).collect();
        let s = decode("a", &bytes).unwrap();
        assert_eq!(s.text, "Hi there");
    }

    #[test]
    fn nul_bytes_and_blank_text_are_refused() {
        assert_eq!(decode("b", b"abc\0def"), Err(InputError::Binary("b".into())));
        assert_eq!(decode("e", b""), Err(InputError::Empty("e".into())));
        assert_eq!(decode("e", b" \n\r\n\t"), Err(InputError::Empty("e".into())));
    }

    /// A text of 4 GiB or more is refused in one line (testing it would take the 4 GiB).
    #[test]
    fn a_text_beyond_the_limit_is_named_with_its_size() {
        assert_eq!(MAX_TEXT_BYTES as u64, u64::from(u32::MAX));
        let e = InputError::TooLarge("big.txt".into(), 5 << 30);
        assert_eq!(e.to_string(), "big.txt: 5120 MB of text, more than the 4096 MB redline reads");
    }
}
