//! How input characters are shown on a terminal: control characters and escape sequences
//! become visible, inert placeholders, so nothing from an article can drive the terminal.

use unicode_width::UnicodeWidthChar;

/// What to draw for one input character.
pub fn display_char(c: char) -> char {
    match c {
        '\t' | '\n' | '\r' => ' ',
        // C0 controls (ESC among them) as their Unicode control pictures: ␛ for ESC.
        '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
        '\u{7F}' => '␡',
        // C1 controls (CSI 0x9B can start an escape sequence on some terminals).
        '\u{80}'..='\u{9F}' => '\u{FFFD}',
        // Bidirectional overrides, embeddings, isolates and marks: shown, not obeyed.
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}' => '⇄',
        _ => c,
    }
}

/// Whether a character is drawn as a placeholder rather than as itself.
pub fn is_unsafe(c: char) -> bool {
    display_char(c) != c && !matches!(c, '\t' | '\n' | '\r')
}

/// Zero-width format characters that stand alone (not joiners inside emoji or scripts):
/// invisible on screen, yet they split words, so the document notice counts them. Besides
/// the zero-width space and its kin, the parts of the tags block that form a grapheme of
/// their own (Unicode's grapheme class Control there: U+E0000–E001F, U+E0080–E00FF and the
/// unassigned U+E01F0–E0FFF; the tags and variation selectors between them join the
/// character before).
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'
            | '\u{2060}'..='\u{2064}'
            | '\u{FEFF}'
            | '\u{180E}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{E0000}'..='\u{E001F}'
            | '\u{E0080}'..='\u{E00FF}'
            | '\u{E01F0}'..='\u{E0FFF}'
    )
}

/// Whether a character belongs to the letter before it: a combining mark, a variation
/// selector or a joiner (drawn on that letter's cell), so words never end before one.
pub fn joins_previous(c: char) -> bool {
    // No ASCII character joins (each is drawn one cell wide): the common case, answered
    // without the width tables.
    !c.is_ascii() && !c.is_alphanumeric() && !is_invisible(c) && char_width(c) == 0
}

/// `s.char_indices()` into a buffer the caller reuses (cleared first). ASCII text, as most
/// text is, is copied byte by byte without decoding.
pub fn char_indices_into(s: &str, out: &mut Vec<(usize, char)>) {
    out.clear();
    if s.is_ascii() {
        out.extend(s.bytes().enumerate().map(|(i, b)| (i, char::from(b))));
    } else {
        out.extend(s.char_indices());
    }
}

/// A piece of text's characters by position, for scanners that look a character or two
/// ahead and behind: ASCII text is read as its bytes ([`AsciiChars`]), other text through
/// [`char_indices_into`]'s buffer ([`DecodedChars`]). A scanner generic over it runs the same
/// code on both, the ASCII one without decoding or a buffer.
pub trait CharIndex {
    /// How many characters.
    fn count(&self) -> usize;
    /// The `i`-th character (`i < count()`).
    fn at(&self, i: usize) -> char;
    /// The byte offset of the `i`-th character; the text's length for `i >= count()`.
    fn offset(&self, i: usize) -> usize;
    /// The `i`-th character, if there is one.
    fn get(&self, i: usize) -> Option<char> {
        (i < self.count()).then(|| self.at(i))
    }
    /// Where the run of letters and digits (`char::is_alphanumeric`) from the `i`-th
    /// character ends: the first other character's position, or `count()`.
    fn alphanumeric_end(&self, mut i: usize) -> usize {
        while i < self.count() && self.at(i).is_alphanumeric() {
            i += 1;
        }
        i
    }
    /// The position of the first character from the `i`-th on that may end a sentence
    /// (`.`, `!`, `?` or `…`), or `count()`.
    fn sentence_mark_from(&self, mut i: usize) -> usize {
        while i < self.count() && !matches!(self.at(i), '.' | '!' | '?' | '…') {
            i += 1;
        }
        i
    }
}

/// An ASCII text's characters: its bytes.
pub struct AsciiChars<'a>(&'a [u8]);

impl<'a> AsciiChars<'a> {
    /// `None` unless `s` is ASCII.
    pub fn new(s: &'a str) -> Option<Self> {
        s.is_ascii().then_some(AsciiChars(s.as_bytes()))
    }
}

impl CharIndex for AsciiChars<'_> {
    fn count(&self) -> usize {
        self.0.len()
    }
    fn at(&self, i: usize) -> char {
        char::from(self.0[i])
    }
    fn offset(&self, i: usize) -> usize {
        i.min(self.0.len())
    }
    fn alphanumeric_end(&self, i: usize) -> usize {
        // An ASCII character is a letter or digit exactly when its byte is one.
        let rest = self.0.get(i..).unwrap_or_default();
        i + rest.iter().position(|b| !b.is_ascii_alphanumeric()).unwrap_or(rest.len())
    }
    fn sentence_mark_from(&self, i: usize) -> usize {
        // ASCII has no '…'.
        let rest = self.0.get(i..).unwrap_or_default();
        i + memchr::memchr3(b'.', b'!', b'?', rest).unwrap_or(rest.len())
    }
}

/// Any text's characters, decoded into a buffer by [`char_indices_into`].
pub struct DecodedChars<'a> {
    chars: &'a [(usize, char)],
    len: usize,
}

impl<'a> DecodedChars<'a> {
    /// The characters of `s`, decoded into `buf` (cleared first).
    pub fn new(s: &str, buf: &'a mut Vec<(usize, char)>) -> Self {
        char_indices_into(s, buf);
        DecodedChars { chars: buf, len: s.len() }
    }
}

impl CharIndex for DecodedChars<'_> {
    fn count(&self) -> usize {
        self.chars.len()
    }
    fn at(&self, i: usize) -> char {
        self.chars[i].1
    }
    fn offset(&self, i: usize) -> usize {
        self.chars.get(i).map_or(self.len, |&(b, _)| b)
    }
}

/// Cells one input character takes once displayed.
pub fn char_width(c: char) -> usize {
    display_char(c).width().unwrap_or(0)
}

/// Cells a piece of input text takes once displayed.
pub fn width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// The text to draw for a piece of input: every character mapped by [`display_char`].
pub fn sanitize(s: &str) -> String {
    s.chars().map(display_char).collect()
}

/// A line of display text cut to `cells` cells, ending in "…" where it was cut.
pub fn fit(s: &str, cells: usize) -> String {
    if width(s) <= cells {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = char_width(c);
        if used + w + 1 > cells {
            break;
        }
        used += w;
        out.push(c);
    }
    if cells > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_indices_into_is_char_indices() {
        let mut buf = vec![(9, 'x')];
        for s in ["", "plain ascii, 1.2", "Grüße “so” 名前 e\u{301}"] {
            char_indices_into(s, &mut buf);
            assert_eq!(buf, s.char_indices().collect::<Vec<_>>());
        }
    }

    #[test]
    fn ascii_and_decoded_characters_agree() {
        let s = "Plain ASCII, 1.2 - \"quoted\".";
        let mut buf = Vec::new();
        let (a, d) = (AsciiChars::new(s).unwrap(), DecodedChars::new(s, &mut buf));
        assert_eq!(a.count(), d.count());
        for i in 0..=s.len() + 1 {
            assert_eq!((a.get(i), a.offset(i)), (d.get(i), d.offset(i)), "{i}");
        }
        assert!(AsciiChars::new("Grüße").is_none());
        let mut buf = Vec::new();
        let d = DecodedChars::new("Grüße", &mut buf);
        assert_eq!((d.count(), d.at(2), d.offset(3), d.offset(9)), (5, 'ü', 4, 7));
    }

    #[test]
    fn no_ascii_character_joins_the_one_before() {
        // What the ASCII shortcut of `joins_previous` skips: each is drawn one cell wide.
        for c in (0u8..128).map(char::from) {
            assert_eq!(char_width(c), 1, "{c:?}");
            assert!(!joins_previous(c));
        }
    }

    #[test]
    fn fitting_cuts_on_cells_and_says_so() {
        assert_eq!(fit("short", 5), "short");
        assert_eq!(fit("shorter", 5), "shor…");
        assert_eq!(fit("日本語です", 6), "日本…", "wide characters count two cells");
        assert_eq!(fit("abc", 1), "…");
        assert_eq!(fit("abc", 0), "");
    }

    #[test]
    fn escape_sequences_become_inert() {
        let s = sanitize("a\u{1b}[31mred\u{1b}]52;c;aGk=\u{7}\u{9b}2J");
        assert!(!s.chars().any(|c| c.is_control()), "{s:?}");
        assert!(s.starts_with("a␛[31mred␛]52;c;aGk=␇"));
    }

    #[test]
    fn lone_tag_block_characters_are_invisible_and_tags_join() {
        // U+E01F0 is a grapheme of its own that no terminal draws: counted, not joined.
        assert!(is_invisible('\u{E01F0}') && is_invisible('\u{E0001}'));
        assert!(!joins_previous('\u{E01F0}'));
        // A tag and a variation selector belong to the character before.
        assert!(!is_invisible('\u{E0041}') && joins_previous('\u{E0041}'));
        assert!(!is_invisible('\u{E0100}') && joins_previous('\u{E0100}'));
        let notice = crate::document::hidden_characters("日本語\u{E01F0}").unwrap_or_default();
        assert!(notice.contains("1 invisible zero-width character"), "{notice}");
    }

    #[test]
    fn widths_count_cells() {
        assert_eq!(width("abc"), 3);
        assert_eq!(width("日本"), 4);
        assert_eq!(width("e\u{301}"), 1);
        assert_eq!(width("\u{1b}"), 1);
        assert_eq!(sanitize("a\u{202E}b"), "a⇄b");
    }
}
