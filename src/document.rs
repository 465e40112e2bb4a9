//! An article as paragraphs and sentences, each a byte span into the decoded text.
//!
//! Paragraph rules: each non-blank line is a paragraph, except in hard-wrapped text (lines
//! broken at a fixed width), where consecutive lines whose breaks were forced by that width
//! join into one paragraph. Kinds (heading, list item, page furniture) come from general
//! cues of shape and vocabulary, never from a list of known strings.

use crate::input::Source;
use crate::language::Language;
use crate::text::{AsciiChars, CharIndex, DecodedChars};
use serde::Serialize;
use std::borrow::Cow;

/// A half-open byte range `[start, end)` into a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// How much of a long text the reader parses and shows before the whole is parsed
/// ([`Document::preview`]): many screens of any text, parsed in a few milliseconds.
pub const PREVIEW_BYTES: usize = 256 << 10;

/// What a paragraph is, as far as comparison cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Body,
    Heading,
    ListItem,
    /// Page chrome copied along with an article ("Leave a Reply", share lines, ads).
    Furniture,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Body => "body",
            Kind::Heading => "heading",
            Kind::ListItem => "list_item",
            Kind::Furniture => "furniture",
        }
    }
}

/// A paragraph's sentence spans, as they are found (one inline).
pub type Sentences = smallvec::SmallVec<[Span; 1]>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Span,
    pub kind: Kind,
    /// Sentence spans, in order, inside `span` ([`Paragraph::sentences`]): none where the
    /// paragraph is one sentence, the whole of it (most paragraphs of a long list of lines:
    /// a paragraph takes 32 bytes so, and makes no allocation), else behind one pointer.
    // Boxed for a thin pointer: 8 bytes, where the list itself takes 24 and a boxed slice 16.
    #[allow(clippy::box_collection)]
    sentences: Option<Box<Vec<Span>>>,
}

// The size the comment above gives, held (on 64-bit targets) so a new field is a choice.
#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<Paragraph>() == 32);

impl Paragraph {
    /// A paragraph of its span, kind and sentence spans.
    pub fn new(span: Span, kind: Kind, sentences: Sentences) -> Paragraph {
        let sentences = match sentences.as_slice() {
            [one] if *one == span => None,
            _ => Some(Box::new(sentences.into_vec())),
        };
        Paragraph { span, kind, sentences }
    }

    /// Its sentence spans, in order, inside its span.
    pub fn sentences(&self) -> &[Span] {
        match &self.sentences {
            None => std::slice::from_ref(&self.span),
            Some(list) => list,
        }
    }
}

/// A parsed article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub name: String,
    pub text: String,
    pub notice: Option<String>,
    pub paragraphs: Vec<Paragraph>,
    /// How many words it has ([`count_words`]), counted when first asked: the reader's and
    /// the printed report's headers show it, the JSON report does not.
    pub words: std::sync::OnceLock<usize>,
    /// The language it is written in, when it can be told ([`Language::detect`]).
    pub language: Option<Language>,
    /// For a web page, what it says about itself.
    pub meta: Option<crate::extract::Meta>,
    /// Its quotations ([`crate::quotes::spans`]): the span inside the marks and the paragraph
    /// each opens in. Found once, read by the alignment and the fact-check lens.
    pub quotes: Vec<(Span, usize)>,
}

impl Document {
    /// How many words it has ([`count_words`]).
    pub fn word_count(&self) -> usize {
        *self.words.get_or_init(|| count_words(&self.text))
    }

    pub fn parse(source: Source) -> Document {
        let language = Language::detect(&source.text);
        let ordinal_dot = language.is_some_and(Language::ordinal_dot);
        let mut paragraphs: Vec<Paragraph> = split_paragraphs(&source.text)
            .into_iter()
            .map(|span| {
                let t = &source.text[span.start..span.end];
                Paragraph::new(span, classify(t), sentences_of(&source.text, span, ordinal_dot))
            })
            .collect();
        // The line right above a setext underline is a heading, however long.
        for i in 1..paragraphs.len() {
            let (above, under) = (paragraphs[i - 1].span, paragraphs[i].span);
            let between = &source.text[above.end..under.start];
            if is_setext_underline(&source.text[under.start..under.end]) && between.matches('\n').count() <= 1
            {
                paragraphs[i - 1].kind = Kind::Heading;
            }
        }
        let notice = match (source.notice, hidden_characters(&source.text)) {
            (Some(a), Some(b)) => Some(format!("{a}; {b}")),
            (a, b) => a.or(b),
        };
        let mut doc = Document {
            name: source.name,
            text: source.text,
            notice,
            paragraphs,
            words: std::sync::OnceLock::new(),
            language,
            meta: source.meta,
            quotes: Vec::new(),
        };
        doc.quotes = crate::quotes::spans(&doc);
        doc
    }

    /// The beginning of a long source parsed on its own, to show while the whole is read:
    /// its lines up to the last line break within [`PREVIEW_BYTES`] (or, for one longer line,
    /// that many bytes to a character boundary). A source no longer than that is parsed
    /// whole. Offsets are the whole text's: the preview's text is a prefix of it.
    pub fn preview(source: &Source) -> Document {
        let text = &source.text;
        let cut = if text.len() <= PREVIEW_BYTES {
            text.len()
        } else {
            match text.as_bytes()[..PREVIEW_BYTES].iter().rposition(|&b| b == b'\n') {
                Some(at) if at > 0 => at,
                _ => (0..=PREVIEW_BYTES).rev().find(|&at| text.is_char_boundary(at)).unwrap_or(0),
            }
        };
        Document::parse(Source {
            name: source.name.clone(),
            text: text[..cut].to_string(),
            notice: source.notice.clone(),
            meta: source.meta.clone(),
        })
    }

    /// Parses one or two sources, the two on two threads.
    pub fn parse_pair(left: Source, right: Option<Source>) -> (Document, Option<Document>) {
        rayon::join(|| Document::parse(left), || right.map(Document::parse))
    }

    /// What a web page says about itself, in a line ("The Daily Ledger · Ana Ruiz ·
    /// 2026-01-01"), safe to show; `None` for text or a page that says nothing.
    pub fn meta_line(&self) -> Option<String> {
        let m = self.meta.as_ref()?;
        let parts: Vec<String> =
            [&m.site, &m.author, &m.date].into_iter().flatten().map(|s| crate::text::sanitize(s)).collect();
        (!parts.is_empty()).then(|| parts.join(" · "))
    }

    /// The text of a span of this document.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.start..span.end]
    }

    pub fn para_text(&self, i: usize) -> &str {
        self.slice(self.paragraphs[i].span)
    }

    /// The file name without directories, for titles.
    pub fn short_name(&self) -> &str {
        if self.name == "-" {
            return "stdin";
        }
        // The last part of a path or web address ("…/story/" names "story").
        let trimmed = self.name.trim_end_matches(['/', '\\']);
        trimmed.rsplit(['/', '\\']).next().filter(|s| !s.is_empty()).unwrap_or(&self.name)
    }
}

/// A warning when a text holds characters that could make it read otherwise than it is
/// stored: bidirectional controls (shown as ⇄) and other control characters or escape
/// sequences (shown as symbols such as ␛), and invisible zero-width characters.
pub fn hidden_characters(text: &str) -> Option<String> {
    let (mut bidi, mut control, mut invisible) = (0usize, 0usize, 0usize);
    // Plain ASCII text without controls is the common case: one byte scan decides it, a
    // block of bytes at a time without a branch per byte (so the compiler can use vector
    // instructions), stopping at the first block that has another byte.
    let plain = |b: u8| (0x20..0x7F).contains(&b) || matches!(b, b'\n' | b'\r' | b'\t');
    if text.as_bytes().chunks(PLAIN_BLOCK).all(|block| block.iter().fold(true, |all, &b| all & plain(b))) {
        return None;
    }
    for c in text.chars() {
        if crate::text::is_unsafe(c) {
            if crate::text::display_char(c) == '⇄' {
                bidi += 1;
            } else {
                control += 1;
            }
        } else if crate::text::is_invisible(c) {
            invisible += 1;
        }
    }
    let mut parts = Vec::new();
    if bidi > 0 {
        parts.push(format!("{bidi} bidi control{} shown as ⇄", if bidi == 1 { "" } else { "s" }));
    }
    if control > 0 {
        parts.push(format!(
            "{control} control character{} shown as symbols",
            if control == 1 { "" } else { "s" }
        ));
    }
    if invisible > 0 {
        let s = if invisible == 1 { "" } else { "s" };
        parts.push(format!("{invisible} invisible zero-width character{s}"));
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// Bytes [`hidden_characters`] checks at once before it looks whether to stop.
const PLAIN_BLOCK: usize = 256;

/// Words: whitespace-separated tokens with at least one letter or digit.
pub fn count_words(text: &str) -> usize {
    if !text.is_ascii() {
        return text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
    }
    // ASCII, byte by byte: the same runs between white space, each counted once if it has a
    // letter or digit. That is, with the other characters passed over, every letter or digit
    // after white space (or at the start) begins a word. Without a branch on the class, so
    // word boundaries cost no mispredicted jumps.
    let (mut count, mut in_word) = (0, false);
    for b in text.bytes() {
        let class = ASCII_CLASS[usize::from(b & 0x7F)];
        count += usize::from(class == ALNUM && !in_word);
        in_word = if class == OTHER { in_word } else { class == ALNUM };
    }
    count
}

/// Classes of ASCII characters for [`count_words`].
const OTHER: u8 = 0;
const SPACE: u8 = 1;
const ALNUM: u8 = 2;

/// Each ASCII character's class: white space (`is_ascii_whitespace` and the vertical tab, as
/// `char::is_whitespace` has it), a letter or digit, or other.
const ASCII_CLASS: [u8; 128] = {
    let mut t = [OTHER; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_whitespace() || c == 0x0B {
            SPACE
        } else if c.is_ascii_alphanumeric() {
            ALNUM
        } else {
            OTHER
        };
        b += 1;
    }
    t
};

/// Lines as spans without their terminators (`\n`, `\r\n` or a lone `\r`).
fn lines(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    // Each line break found by a vectorised search, not byte by byte.
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        if i < start {
            // The '\n' of a "\r\n" already taken.
            continue;
        }
        out.push(Span::new(start, i));
        start = if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') { i + 2 } else { i + 1 };
    }
    if start < bytes.len() {
        out.push(Span::new(start, bytes.len()));
    }
    out
}

/// Shrinks a span to exclude leading and trailing whitespace.
fn trim_span(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    Span::new(span.start + lead, span.start + lead + trimmed.len())
}

/// A line's width in characters, the unit hard-wrapping tools count in.
fn char_len(s: &str) -> usize {
    s.chars().count()
}

fn is_list_marker_line(s: &str) -> bool {
    list_marker_len(s).is_some()
}

/// A Markdown ATX heading: one to six `#`, a space, then text ("## Bird radar and traps").
pub fn is_markdown_heading(s: &str) -> bool {
    let hashes = s.bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&hashes) && s[hashes..].starts_with([' ', '\t']) && !s[hashes..].trim().is_empty()
}

/// A Markdown setext underline: a line of only `=` or only `-` (at least three), which makes
/// the line above it a heading.
fn is_setext_underline(s: &str) -> bool {
    let t = s.trim();
    t.len() >= 3 && (t.bytes().all(|b| b == b'=') || t.bytes().all(|b| b == b'-'))
}

/// The byte length of a list marker ("- ", "• ", "3. ", "b) ") at the start of `s`.
pub fn list_marker_len(s: &str) -> Option<usize> {
    let mut chars = s.char_indices();
    let (_, c) = chars.next()?;
    if matches!(c, '-' | '*' | '•' | '–' | '—' | '▪' | '◦' | '·') {
        let rest = &s[c.len_utf8()..];
        return rest.starts_with([' ', '\t']).then_some(c.len_utf8());
    }
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let head = if digits > 0 && digits <= 3 {
        digits
    } else if s.len() > 1 && s.as_bytes()[0].is_ascii_lowercase() && matches!(s.as_bytes()[1], b')') {
        1
    } else {
        return None;
    };
    let rest = &s[head..];
    (rest.starts_with(". ") || rest.starts_with(") ")).then_some(head + 1)
}

/// Splits text into paragraph spans (trimmed, never empty).
pub fn split_paragraphs(text: &str) -> Vec<Span> {
    let lines: Vec<Span> = lines(text).into_iter().map(|l| trim_span(text, l)).collect();
    let width = hard_wrap_width(text, &lines);
    let mut out: Vec<Span> = Vec::new();
    let mut open: Option<Span> = None;
    for (i, &line) in lines.iter().enumerate() {
        if line.is_empty() {
            out.extend(open.take());
            continue;
        }
        let s = &text[line.start..line.end];
        // A heading line stands alone: a `#` heading, the line above a setext underline, and
        // the underline itself (page furniture, kept so no text is lost).
        let underlined = lines.get(i + 1).is_some_and(|n| {
            !n.is_empty() && is_setext_underline(&text[n.start..n.end]) && !is_setext_underline(s)
        });
        if is_markdown_heading(s)
            || underlined
            || (i > 0 && is_setext_underline(s) && !lines[i - 1].is_empty())
        {
            out.extend(open.take());
            out.push(line);
            continue;
        }
        match open {
            Some(p) if !is_list_marker_line(s) => {
                // Join when the previous line's break was forced by the wrap width.
                let prev = lines[i - 1];
                let forced = width.is_some_and(|w| {
                    let first_word = s.split_whitespace().next().map_or(0, char_len);
                    char_len(&text[prev.start..prev.end]) + 1 + first_word > w
                });
                if forced {
                    open = Some(Span::new(p.start, line.end));
                } else {
                    out.push(p);
                    open = Some(line);
                }
            }
            Some(p) => {
                out.push(p);
                open = Some(line);
            }
            None => open = Some(line),
        }
    }
    out.extend(open);
    out
}

/// The width the text was hard-wrapped at, if it looks hard-wrapped at all: most lines
/// that are followed by another non-blank line could not have taken the next word.
fn hard_wrap_width(text: &str, lines: &[Span]) -> Option<usize> {
    let widest = lines.iter().map(|l| char_len(&text[l.start..l.end])).max()?;
    if !(30..=160).contains(&widest) {
        return None;
    }
    let (mut forced, mut followed) = (0usize, 0usize);
    for pair in lines.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if a.is_empty() || b.is_empty() {
            continue;
        }
        followed += 1;
        let next_word = text[b.start..b.end].split_whitespace().next().map_or(0, char_len);
        let len = char_len(&text[a.start..a.end]);
        if len + 1 + next_word > widest && len * 2 >= widest {
            forced += 1;
        }
    }
    (forced >= 3 && forced * 2 >= followed).then_some(widest)
}

/// Words that mark page chrome when they make up most of a short line.
const CHROME_WORDS: &[&str] = &[
    "advertisement", "advertising", "sponsored", "recommended", "related", "reply", "replies", "comment",
    "comments", "share", "subscribe", "subscribers", "newsletter", "newsletters", "signup", "login",
    "cookie", "cookies", "privacy", "copyright", "reserved", "tweet", "facebook", "twitter", "whatsapp",
    "linkedin", "email", "print", "items", "item", "list", "click", "follow", "trending", "popular",
    "loading", "scroll", "top", "more", "read", "stories", "articles", "watch", "listen", "menu", "skip",
    "content", "next", "previous", "sign", "up", "in", "log", "to", "of", "a", "the", "this", "us", "on",
    "end", "leave", "also", "like", "you", "may", "story", "article", "post", "posts", "see", "view", "all",
];

/// Chrome words that carry the signal (the rest above are glue such as "of", "to").
const CHROME_SIGNALS: &[&str] = &[
    "advertisement", "advertising", "sponsored", "recommended", "related", "reply", "replies", "comment",
    "comments", "share", "subscribe", "subscribers", "newsletter", "newsletters", "signup", "login",
    "cookie", "cookies", "privacy", "copyright", "reserved", "tweet", "facebook", "twitter", "whatsapp",
    "linkedin", "email", "print", "items", "trending", "loading", "skip", "menu", "read", "stories",
    "follow",
];

/// True when a short line is made of page-chrome vocabulary ("Leave a Reply",
/// "Recommended stories", "list of 3 itemsend of list", "Share this article").
fn is_furniture(t: &str) -> bool {
    // An address: its first eight bytes, compared case-blind.
    let head = t.get(..8).unwrap_or("").as_bytes();
    let address = head.len() == 8
        && (head[..7].eq_ignore_ascii_case(b"http://") || head.eq_ignore_ascii_case(b"https://"));
    if t.contains('©') || address {
        return true;
    }
    // At most eight words of chrome: a longer line is text (and is not lower-cased for nothing).
    if t.len() > FURNITURE_MAX {
        return false;
    }
    // Lower-cased on the stack when ASCII (most lines of every long text come here).
    let mut buf = [0u8; FURNITURE_MAX];
    let ascii;
    let lower: Cow<str> = if t.is_ascii() {
        buf[..t.len()].copy_from_slice(t.as_bytes());
        buf[..t.len()].make_ascii_lowercase();
        ascii = std::str::from_utf8(&buf[..t.len()]).unwrap_or_default();
        Cow::Borrowed(ascii)
    } else {
        Cow::Owned(t.to_lowercase())
    };
    let mut words = 0;
    let mut signals = 0;
    for w in lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        words += 1;
        if words > 8 {
            return false;
        }
        if w.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        match chrome_signals(w) {
            Some(n) => signals += n,
            None => return false,
        }
    }
    signals > 0
}

/// The longest line [`is_furniture`] reads word by word: eight words of chrome, each at most
/// [`MAX_GLUED`] bytes, and what separates them.
const FURNITURE_MAX: usize = 8 * (MAX_GLUED + 8);

/// The longest glued run of chrome words looked at ("listof3itemsendoflist" is 21 bytes).
const MAX_GLUED: usize = 48;

/// How many signal words `w` holds when it is a run of chrome words glued together
/// ("itemsend" → "items" + "end" → 1), or `None` when it is not one.
fn chrome_signals(w: &str) -> Option<usize> {
    if w.len() > MAX_GLUED {
        return None;
    }
    // Only chrome words with `w`'s first byte can be it or begin it: they are kept apart by
    // that byte (in their order), as every line of a long text is looked at here.
    static BY_FIRST_BYTE: std::sync::OnceLock<Vec<Vec<&'static str>>> = std::sync::OnceLock::new();
    let by_first = BY_FIRST_BYTE.get_or_init(|| {
        let mut table = vec![Vec::new(); 256];
        for c in CHROME_WORDS {
            if let Some(&b) = c.as_bytes().first() {
                table[usize::from(b)].push(*c);
            }
        }
        table
    });
    let &first = w.as_bytes().first()?;
    let signal = |c: &str| usize::from(CHROME_SIGNALS.contains(&c));
    let candidates = || by_first[usize::from(first)].iter();
    if candidates().any(|c| *c == w) {
        return Some(signal(w));
    }
    candidates()
        .filter(|c| c.len() >= 3 && w.len() > c.len() && w.starts_with(**c))
        .find_map(|c| chrome_signals(&w[c.len()..]).map(|n| n + signal(c)))
}

/// Marks that close a quotation or bracket after a sentence's end: English ”’, German “‘
/// („…“), French » and German « (»…«).
const CLOSERS: &[char] = &['”', '’', '"', '\'', ')', ']', '»', '›', '“', '‘', '«', '‹'];
/// Marks that open one before a sentence's start, in the same typographies.
const OPENERS: &[char] = &['“', '‘', '"', '\'', '(', '[', '«', '‹', '„', '‚', '»', '›'];

/// The kind of a paragraph from its text alone.
pub fn classify(text: &str) -> Kind {
    let t = text.trim();
    if is_markdown_heading(t) {
        return Kind::Heading;
    }
    if is_setext_underline(t) {
        return Kind::Furniture;
    }
    if is_list_marker_line(t) {
        return Kind::ListItem;
    }
    if is_furniture(t) {
        return Kind::Furniture;
    }
    let core = t.trim_end_matches(CLOSERS);
    let ends_open = !core.ends_with(['.', '!', '?', ':', ';', ',', '…']);
    let first = t.trim_start_matches(OPENERS).chars().next();
    let starts_well = first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    // Cheapest tests first: most paragraphs are prose and fail the first.
    let short = || char_len(t) <= 90 && t.split_whitespace().count() <= 12;
    if ends_open && starts_well && !t.contains('\n') && short() {
        return Kind::Heading;
    }
    Kind::Body
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm",
    "maj", "st", "jr", "sr", "mt", "ft", "rev", "hon", "pres", "supt", "insp", "messrs", "mme", "mlle", "no",
    "nos", "vs", "v", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "approx", "est", "dept", "univ", "fig", "vol", "pp", "ca", "cf",
];

/// Sentence spans inside a paragraph span.
pub fn sentences(text: &str, para: Span) -> Sentences {
    sentences_of(text, para, false)
}

/// Sentence spans inside a paragraph span; with `ordinal_dot`, a number of one or two digits
/// before a full stop is an ordinal, as German writes dates ("am 3. Oktober"), not a
/// sentence end.
pub fn sentences_of(text: &str, para: Span, ordinal_dot: bool) -> Sentences {
    let p = &text[para.start..para.end];
    // Only a full stop, '!', '?' or '…' ends a sentence early: without any (a line of a list,
    // a heading), the paragraph is one sentence, found without decoding it. (0xE2 leads '…'
    // and other characters: such a paragraph is read in full.)
    let may_end = p.bytes().any(|b| matches!(b, b'.' | b'!' | b'?' | 0xE2));
    if !may_end {
        // No characters to look at (an empty buffer allocates nothing): the whole, trimmed.
        return sentences_in(&DecodedChars::new("", &mut Vec::new()), text, para, ordinal_dot);
    }
    // ASCII text, as most is, is read as its bytes; other text decoded first.
    match AsciiChars::new(p) {
        Some(chars) => sentences_in(&chars, text, para, ordinal_dot),
        None => sentences_in(&DecodedChars::new(p, &mut Vec::new()), text, para, ordinal_dot),
    }
}

/// [`sentences_of`] over the paragraph's characters `chars` (none: one sentence).
fn sentences_in(chars: &impl CharIndex, text: &str, para: Span, ordinal_dot: bool) -> Sentences {
    let p = &text[para.start..para.end];
    // Built in place: a vector turned into one afterwards would keep its heap buffer.
    let mut out = Sentences::new();
    let mut start = 0;
    let n = chars.count();
    let mut i = 0;
    loop {
        i = chars.sentence_mark_from(i);
        if i >= n {
            break;
        }
        let c = chars.at(i);
        let mut j = i + 1;
        while j < n && matches!(chars.at(j), '.' | '!' | '?' | '…') {
            j += 1;
        }
        loop {
            if j < n && CLOSERS.contains(&chars.at(j)) {
                j += 1;
                continue;
            }
            // French closes a quotation after a space: "… gagnerons. » Il a dit".
            let mut k = j;
            while k < n && chars.at(k).is_whitespace() {
                k += 1;
            }
            let french_close = k > j
                && k < n
                && matches!(chars.at(k), '»' | '›')
                && chars.get(k + 1).is_none_or(|c| !c.is_alphanumeric());
            if !french_close {
                break;
            }
            j = k + 1;
        }
        let end = chars.offset(j);
        let mut k = j;
        while k < n && chars.at(k).is_whitespace() {
            k += 1;
        }
        let followed_by_start = k < n
            && k > j
            && (chars.at(k).is_uppercase() || chars.at(k).is_ascii_digit() || OPENERS.contains(&chars.at(k)));
        let at = chars.offset(i);
        let ordinal = ordinal_dot && c == '.' && j == i + 1 && {
            let digits = p[start..at].chars().rev().take_while(char::is_ascii_digit).count();
            (1..=2).contains(&digits)
                && !p[start..at].chars().rev().nth(digits).is_some_and(char::is_alphanumeric)
        };
        if followed_by_start && !ordinal && !(c == '.' && is_abbreviation(&p[start..at])) {
            out.push(trim_span(text, Span::new(para.start + start, para.start + end)));
            start = chars.offset(k);
            i = k;
        } else {
            i = j.max(i + 1);
        }
    }
    if start < p.len() {
        let last = trim_span(text, Span::new(para.start + start, para.end));
        if !last.is_empty() {
            out.push(last);
        }
    }
    out
}

/// Whether the word that ends `before` (the text up to a full stop) is an abbreviation.
fn is_abbreviation(before: &str) -> bool {
    let word = before.rsplit(char::is_whitespace).next().unwrap_or("").trim_start_matches(OPENERS);
    if word.is_empty() {
        return false;
    }
    // Initials ("J.") and dotted acronyms ("U.S", "e.g").
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true;
    }
    if word.contains('.') && word.split('.').all(|part| part.chars().count() <= 2) {
        return true;
    }
    // An ASCII word lower-cases byte by byte, and the abbreviations are in lower case: a
    // case-blind comparison is the lower-cased one, without a copy.
    if word.is_ascii() {
        return ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word));
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Lines end at "\n", "\r\n" and a lone "\r", as a walk byte by byte ends them.
        #[test]
        fn lines_end_at_every_kind_of_break(t in "[a\r\n é]{0,30}") {
            let mut expected = Vec::new();
            let (b, mut start, mut i) = (t.as_bytes(), 0, 0);
            while i < b.len() {
                if b[i] == b'\n' || b[i] == b'\r' {
                    expected.push(Span::new(start, i));
                    i += if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                    start = i;
                } else {
                    i += 1;
                }
            }
            if start < b.len() {
                expected.push(Span::new(start, b.len()));
            }
            proptest::prop_assert_eq!(lines(&t), expected);
        }

        #[test]
        fn ascii_word_count_is_the_general_one_for_any_ascii(t in "[ -~\t\n\r\x0b\x0c\x00\x1f]{0,40}") {
            let general = t.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
            proptest::prop_assert_eq!(count_words(&t), general);
        }

        #[test]
        fn ascii_sentences_are_the_ones_read_character_by_character(
            t in "([A-Z]?[a-z0-9]{0,4}[ .!?\"')(]{0,3}){0,12}", ordinal_dot in proptest::bool::ANY
        ) {
            let span = Span::new(0, t.len());
            let bytes = sentences_in(&AsciiChars::new(&t).unwrap(), &t, span, ordinal_dot);
            let chars = sentences_in(&DecodedChars::new(&t, &mut Vec::new()), &t, span, ordinal_dot);
            proptest::prop_assert_eq!(bytes.to_vec(), chars.to_vec());
        }
    }

    #[test]
    fn ascii_word_count_is_the_general_one() {
        let general = |t: &str| t.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
        for t in ["", "  ", "one", " a b\tc\nd\re\x0bf\x0cg ", "-- — 1.5 x--y ,", "x\x0b\x0b--", "\x00a\x1f"]
        {
            assert_eq!(count_words(t), general(t), "{t:?}");
        }
    }

    fn doc(text: &str) -> Document {
        Document::parse(Source::from_text("t", text))
    }

    fn sents(text: &str) -> Vec<&str> {
        sentences(text, Span::new(0, text.len())).into_iter().map(|s| &text[s.start..s.end]).collect()
    }

    /// A long text's preview is its lines up to the last break within the bound, parsed as
    /// the whole text parses them; a short text is parsed whole.
    #[test]
    fn a_preview_is_the_texts_first_lines_parsed_alike() {
        let line = "Ana Ruiz said the council met on Tuesday, and “nothing was decided”.\n\n";
        let long = line.repeat(PREVIEW_BYTES / line.len() + 50);
        let (whole, preview) = (doc(&long), Document::preview(&Source::from_text("t", long.clone())));
        assert!(preview.text.len() <= PREVIEW_BYTES && long.starts_with(&preview.text));
        assert!(preview.text.ends_with('.') || preview.text.ends_with('\n'), "cut at a line break");
        assert!(preview.text.len() > PREVIEW_BYTES - line.len(), "as much as fits");
        let n = preview.paragraphs.len();
        assert!(n > 1000);
        assert_eq!(preview.paragraphs[..], whole.paragraphs[..n], "the same paragraphs, at the same offsets");
        let short = "One line.\nAnother.";
        assert_eq!(Document::preview(&Source::from_text("t", short)), doc(short));
    }

    /// One line longer than the bound is cut at a character boundary, not inside a character.
    #[test]
    fn a_preview_of_one_long_line_ends_on_a_character() {
        let long = "ä".repeat(PREVIEW_BYTES);
        let preview = Document::preview(&Source::from_text("t", long.clone()));
        assert!(long.starts_with(&preview.text));
        assert_eq!(preview.text.len(), PREVIEW_BYTES, "{}", preview.text.len());
        let odd = format!("x{long}");
        assert_eq!(Document::preview(&Source::from_text("t", odd)).text.len(), PREVIEW_BYTES - 1);
    }

    #[test]
    fn each_line_is_a_paragraph_in_unwrapped_text() {
        let d = doc("\nFirst paragraph here.\r\nSecond one.\n\n\nThird.\rFourth");
        let texts: Vec<&str> = (0..d.paragraphs.len()).map(|i| d.para_text(i)).collect();
        assert_eq!(texts, ["First paragraph here.", "Second one.", "Third.", "Fourth"]);
    }

    #[test]
    fn hard_wrapped_blocks_join() {
        let a = "The quick brown fox jumps over the lazy dog and keeps running until the end of the line.";
        let b = "A second paragraph that is also wrapped at the same width as the first one.";
        let text = format!("{}\n\n{}\n", textwrap::fill(a, 30), textwrap::fill(b, 30));
        let d = doc(&text);
        assert_eq!(d.paragraphs.len(), 2, "{:?}", d.paragraphs);
        assert_eq!(d.para_text(0).replace('\n', " "), a);
        assert_eq!(d.para_text(1).replace('\n', " "), b);
    }

    #[test]
    fn hard_wrapped_text_keeps_headings_and_list_items_apart() {
        let body = "The quick brown fox jumps over the lazy dog and keeps running until the end of the line, then rests.";
        let text = format!(
            "Background of the talks\n{}\n- first item of a list\n- second item\n",
            textwrap::fill(body, 30)
        );
        let d = doc(&text);
        let kinds: Vec<Kind> = d.paragraphs.iter().map(|p| p.kind).collect();
        assert_eq!(kinds, [Kind::Heading, Kind::Body, Kind::ListItem, Kind::ListItem]);
    }

    #[test]
    fn markdown_headings_stand_alone_as_headings() {
        let d = doc("# The Title\nBody text that goes on for a while, and ends here.\n\n## Bird Radar And Traps\nMore body.\n\nA setext heading that is rather long for a heading line of its own\n======\nText under it.\n\n---\n\nAfter a rule.");
        let got: Vec<(Kind, &str)> =
            d.paragraphs.iter().map(|p| (p.kind, &d.text[p.span.start..p.span.end])).collect();
        assert_eq!(
            got,
            [
                (Kind::Heading, "# The Title"),
                (Kind::Body, "Body text that goes on for a while, and ends here."),
                (Kind::Heading, "## Bird Radar And Traps"),
                (Kind::Body, "More body."),
                (Kind::Heading, "A setext heading that is rather long for a heading line of its own"),
                (Kind::Furniture, "======"),
                (Kind::Body, "Text under it."),
                (Kind::Furniture, "---"),
                (Kind::Body, "After a rule."),
            ]
        );
        assert!(!is_markdown_heading("#hashtag is not a heading") && !is_markdown_heading("####### seven"));
    }

    #[test]
    fn kinds_by_shape() {
        assert_eq!(classify("Russia’s Position"), Kind::Heading);
        assert_eq!(classify("‘It looks better’"), Kind::Heading);
        assert_eq!(classify("- Cede significant territory"), Kind::ListItem);
        assert_eq!(classify("2. Second point"), Kind::ListItem);
        assert_eq!(classify("Leave a Reply"), Kind::Furniture);
        assert_eq!(classify("Recommended stories"), Kind::Furniture);
        assert_eq!(classify("list of 3 itemsend of list"), Kind::Furniture);
        assert_eq!(classify("Share this article"), Kind::Furniture);
        assert_eq!(classify("ADVERTISEMENT"), Kind::Furniture);
        assert_eq!(classify("Full details of the proposal as it stands have not been revealed."), Kind::Body);
        assert_eq!(classify("Next Steps"), Kind::Heading);
        assert_eq!(
            classify("Related stocks fell sharply on Monday after the announcement by regulators."),
            Kind::Body
        );
    }

    #[test]
    fn sentences_respect_abbreviations_decimals_and_quotes() {
        assert_eq!(
            sents("U.S. officials say more than 1.2 million men died. Neither side reveals losses."),
            ["U.S. officials say more than 1.2 million men died.", "Neither side reveals losses."]
        );
        assert_eq!(
            sents("Moscow agrees with the proposals as a “basis for future agreements.” He also said more."),
            ["Moscow agrees with the proposals as a “basis for future agreements.”", "He also said more."]
        );
        assert_eq!(
            sents("Mr. Smith met Dr. J. Jones. They talked."),
            ["Mr. Smith met Dr. J. Jones.", "They talked."]
        );
        assert_eq!(sents("Really? Yes! Fine"), ["Really?", "Yes!", "Fine"]);
        assert_eq!(sents("It cost $3.50 in Jan. 2020 and rose."), ["It cost $3.50 in Jan. 2020 and rose."]);
        // Without a sentence end anywhere the paragraph is one sentence, trimmed; an ellipsis
        // (read in full, as its first byte leads other characters too) still ends one.
        assert_eq!(sents("  A line of a list, without an end  "), ["A line of a list, without an end"]);
        assert_eq!(sents("Wait… Then it came — “slowly”"), ["Wait…", "Then it came — “slowly”"]);
        assert!(sents("   ").is_empty());
    }

    #[test]
    fn german_and_french_quotation_marks_and_ordinals_keep_sentences_whole() {
        let t = "Er sagte: „Wir schaffen das.“ Dann ging er am 3. Oktober nach Hause. »Gut.« Sie lachte.";
        let de = sentences_of(t, Span::new(0, t.len()), true)
            .into_iter()
            .map(|s| &t[s.start..s.end])
            .collect::<Vec<_>>();
        assert_eq!(
            de,
            [
                "Er sagte: „Wir schaffen das.“",
                "Dann ging er am 3. Oktober nach Hause.",
                "»Gut.«",
                "Sie lachte."
            ]
        );
        assert_eq!(
            sents("Il a dit : « Nous gagnerons. » Puis il est parti. « Oui », a-t-il ajouté."),
            ["Il a dit : « Nous gagnerons. »", "Puis il est parti.", "« Oui », a-t-il ajouté."]
        );
        assert_eq!(sents("It rose in 1990. Then it fell."), ["It rose in 1990.", "Then it fell."]);
    }

    #[test]
    fn spans_are_exact_slices() {
        let text = "  Indented line.  \n\tTabbed “quote.” Next\n";
        let d = doc(text);
        for p in &d.paragraphs {
            let s = d.slice(p.span);
            assert_eq!(s, s.trim());
            for snt in p.sentences() {
                assert!(p.span.contains(*snt));
            }
        }
        assert_eq!(d.para_text(0), "Indented line.");
    }
}
