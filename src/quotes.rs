//! Where the quotations of a document are: the words between quotation marks, as English,
//! German, French and other European typography write them.

use crate::document::{Document, Kind, Span};

/// A quotation mark style: how a quotation opened, and so what closes it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mark {
    /// “…” (English), and “…” opened the German way („…“ closes with “).
    Curly,
    /// „…“ or „…” (German, Czech, Polish…).
    Low,
    /// "…"
    Straight,
    /// ‘…’
    Single,
    /// '…'
    StraightSingle,
    /// «…» (French, Italian, Spanish, Russian…).
    Guillemet,
    /// »…« (German and Danish books).
    Reversed,
}

/// Every quotation in a document: the span inside its marks and the paragraph it opens in.
/// Single quotes are told apart from apostrophes by what stands around them; marks inside an
/// open quotation belong to it. A quotation left open at the end of a paragraph continues
/// when the next paragraph opens with the same mark, as news style writes long quotes;
/// otherwise it ends with its paragraph.
pub fn spans(doc: &Document) -> Vec<(Span, usize)> {
    let text = doc.text.as_str();
    let mut out = Vec::new();
    let mut carried: Option<(usize, usize, Mark)> = None;
    for (p, para) in doc.paragraphs.iter().enumerate() {
        if para.kind == Kind::Furniture {
            carried = None;
            continue;
        }
        let s = &text[para.span.start..para.span.end];
        let mut open: Option<(usize, usize, Mark)> = None;
        for b in quote_bytes(s.as_bytes()) {
            let Some(c) = s[b..].chars().next() else { continue };
            if !matches!(c, '“' | '„' | '"' | '«' | '»' | '‘' | '\'' | '”' | '’') {
                continue;
            }
            let at = para.span.start + b;
            let prev = s[..b].chars().next_back();
            let next = s[b + c.len_utf8()..].chars().next();
            let after = at + c.len_utf8();
            let word_before = prev.is_some_and(|c| c.is_alphanumeric());
            let word_after = next.is_some_and(|c| c.is_alphanumeric());
            let opens = |mark: Mark, carry: bool, carried: &mut Option<(usize, usize, Mark)>| {
                let continued = if carry { carried.take() } else { None };
                Some(continued.unwrap_or((after, p, mark)))
            };
            match (c, open.map(|o| o.2)) {
                ('“', None) => open = opens(Mark::Curly, true, &mut carried),
                ('„', None) => open = opens(Mark::Low, true, &mut carried),
                ('"', None) => open = opens(Mark::Straight, true, &mut carried),
                ('«', None) => open = opens(Mark::Guillemet, true, &mut carried),
                ('»', None) if word_after || next == Some(' ') && !word_before => {
                    open = opens(Mark::Reversed, true, &mut carried)
                }
                ('‘', None) if !word_before => open = opens(Mark::Single, false, &mut carried),
                ('\'', None) if !word_before && word_after => {
                    open = opens(Mark::StraightSingle, false, &mut carried)
                }
                ('”', Some(Mark::Curly | Mark::Low))
                | ('“', Some(Mark::Low))
                | ('"', Some(Mark::Straight))
                | ('»', Some(Mark::Guillemet))
                | ('«', Some(Mark::Reversed)) => close(&mut out, &mut open, at, text),
                ('’', Some(Mark::Single)) if !word_after => close(&mut out, &mut open, at, text),
                ('\'', Some(Mark::StraightSingle))
                    if !word_after && prev.is_some_and(|c| !c.is_whitespace()) =>
                {
                    close(&mut out, &mut open, at, text)
                }
                _ => {}
            }
        }
        carried = None;
        if let Some((start, first, mark)) = open {
            let next_opens = doc.paragraphs.get(p + 1).is_some_and(|n| {
                let t = text[n.span.start..n.span.end].trim_start();
                let opener = match mark {
                    Mark::Curly => '“',
                    Mark::Low => '„',
                    Mark::Straight => '"',
                    Mark::Guillemet => '«',
                    Mark::Reversed => '»',
                    Mark::Single | Mark::StraightSingle => return false,
                };
                t.starts_with(opener)
            });
            if next_opens {
                carried = Some((start, first, mark));
            } else if !matches!(mark, Mark::Single | Mark::StraightSingle) {
                let mut o = Some((start, first, mark));
                close(&mut out, &mut o, para.span.end, text);
            }
        }
    }
    out
}

/// Where the characters that may be quotation marks start in `s`: in UTF-8 each starts with
/// one of four bytes, so the other characters are passed over without decoding (with
/// `memchr`'s search for three bytes where the fourth, «'s and »'s, is absent).
fn quote_bytes(s: &[u8]) -> Box<dyn Iterator<Item = usize> + '_> {
    if memchr::memchr(QUOTE_LEAD_2, s).is_none() {
        Box::new(memchr::memchr3_iter(b'"', b'\'', QUOTE_LEAD_3, s))
    } else {
        let lead = |b: &u8| matches!(*b, b'"' | b'\'' | QUOTE_LEAD_2 | QUOTE_LEAD_3);
        Box::new(s.iter().enumerate().filter(move |(_, b)| lead(b)).map(|(at, _)| at))
    }
}

/// The first byte of « and » (U+00AB, U+00BB) in UTF-8.
const QUOTE_LEAD_2: u8 = 0xC2;
/// The first byte of the curly and low quotation marks (U+2018 to U+201E) in UTF-8.
const QUOTE_LEAD_3: u8 = 0xE2;

fn close(out: &mut Vec<(Span, usize)>, open: &mut Option<(usize, usize, Mark)>, end: usize, text: &str) {
    let Some((start, para, _)) = open.take() else { return };
    let inner = &text[start..end];
    let lead = inner.len() - inner.trim_start().len();
    let trail = inner.len() - inner.trim_end().len();
    let span = Span::new(start + lead, end - trail);
    if span.start < span.end && text[span.start..span.end].chars().any(char::is_alphabetic) {
        out.push((span, para));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Source;

    fn quoted(text: &str) -> Vec<String> {
        let doc = Document::parse(Source::from_text("t", text));
        spans(&doc).into_iter().map(|(s, _)| doc.slice(s).to_string()).collect()
    }

    #[test]
    fn quote_bytes_are_every_lead_byte_with_and_without_guillemets() {
        for s in ["plain 'a' \"b\" “c” ‘d’ e’s", "« e » „f“ 'g' »h«", "", "no marks at all", "é ü ’"]
        {
            let want: Vec<usize> = s
                .bytes()
                .enumerate()
                .filter(|(_, b)| matches!(*b, b'"' | b'\'' | QUOTE_LEAD_2 | QUOTE_LEAD_3))
                .map(|(at, _)| at)
                .collect();
            assert_eq!(quote_bytes(s.as_bytes()).collect::<Vec<_>>(), want, "{s}");
        }
    }

    #[test]
    fn english_german_and_french_marks() {
        assert_eq!(quoted("He said “we will win” and left."), ["we will win"]);
        assert_eq!(quoted("Er sagte: „Wir schaffen das.“ Dann ging er."), ["Wir schaffen das."]);
        assert_eq!(quoted("Il a dit : « Nous gagnerons » hier."), ["Nous gagnerons"]);
        assert_eq!(quoted("Sie schrieb »Es ist vorbei« am Montag."), ["Es ist vorbei"]);
        assert_eq!(quoted("It's ‘odd’, the O'Brien's 'plan' said."), ["odd", "plan"]);
    }

    #[test]
    fn a_quotation_runs_on_into_a_paragraph_that_opens_with_its_mark() {
        assert_eq!(quoted("“First part.\n\n“Second part,” she said."), ["First part.\n\n“Second part,"]);
    }
}
