//! The invariants every comparison and layout must keep, whatever the input: spans on
//! character boundaries inside their text, every paragraph in exactly one row, every
//! non-blank byte laid out exactly once. Shared by the property tests, the fuzz target and the
//! hostile-input battery, so all three hold the core to the same rules.

use crate::comparison::Comparison;
use crate::document::{Document, Span};
use crate::input::{from_bytes, Source};
use crate::layout::Layout;
use crate::ui::print::{write_text, TextOptions};

/// Runs arbitrary bytes through every path the program has (the fuzz target, and the
/// regression test that replays what fuzzing found): decoding (UTF-8, UTF-16, Windows-1252),
/// web-page extraction, parsing, alignment, word differences, people and findings, the
/// layout, the side-by-side text and the JSON and HTML reports, checking the invariants on
/// the way. The first byte picks where the bytes are cut into the two versions, the width and
/// the options. Input that is refused (empty, binary) is fine; a broken rule is an error.
pub fn whole_pipeline(data: &[u8]) -> Result<(), String> {
    let Some((knob, a, b)) = two_versions(data) else { return Ok(()) };
    let c = Comparison::from_sources(a, Some(b));
    comparison(&c)?;
    layout(&c, &Layout::new(&c, 2 + usize::from(knob % 64), knob % 2 == 1))?;
    let mut out = Vec::new();
    let options = TextOptions {
        width: 40 + u16::from(knob % 80),
        only_changes: knob % 3 == 0,
        color: true,
        background: Default::default(),
    };
    write_text(&c, options, &mut out).map_err(|e| format!("--text: {e}"))?;
    let printed = String::from_utf8(out).map_err(|_| "--text printed invalid UTF-8")?;
    // Only SGR sequences (ESC [ digits ; m) and newlines may drive the terminal.
    for part in printed.split('\u{1b}').skip(1) {
        let sgr = part.strip_prefix('[').and_then(|p| p.split_once('m'));
        if !sgr.is_some_and(|(params, _)| params.bytes().all(|b| b.is_ascii_digit() || b == b';')) {
            return Err(format!("--text printed an escape sequence that is not SGR: {part:?}"));
        }
    }
    if let Some(ch) = printed.chars().find(|&ch| ch != '\u{1b}' && drives_terminal(ch)) {
        return Err(format!("--text printed {ch:?}"));
    }
    let mut json = Vec::new();
    crate::report::write_json(&c, &mut json).map_err(|e| format!("--json: {e}"))?;
    serde_json::from_slice::<serde::de::IgnoredAny>(&json).map_err(|e| format!("--json is not JSON: {e}"))?;
    let html = crate::html::report(&c);
    if html.contains("<script") || html.chars().any(|ch| ch.is_control() && !ch.is_whitespace()) {
        return Err("the HTML report holds a script or a control character".to_string());
    }
    // As the middle of a history whose third version reverts to the first.
    if knob % 4 == 1 {
        if let Some(right) = c.right.clone() {
            history(&[(*c.left).clone(), (*right).clone(), (*c.left).clone()], options)?;
        }
    }
    Ok(())
}

/// Checks a history of the given versions: every step's comparison, blame covering each
/// sentence of the latest version once with versions in range and spans inside their texts,
/// every track of the timeline changing at least twice with its spans inside their versions,
/// and the version-2 JSON, the text and the HTML of it.
pub fn history(docs: &[Document], options: TextOptions) -> Result<(), String> {
    use crate::history::{self as h, History, Version};
    let versions = docs.iter().map(Version::of).collect();
    let hist = History::analyse(docs.to_vec(), versions);
    for (k, step) in hist.steps.iter().enumerate() {
        comparison(step).map_err(|e| format!("step {k}: {e}"))?;
    }
    let steps: Vec<&Comparison> = hist.steps.iter().collect();
    let latest = h::document(&steps, docs.len() - 1).ok_or("no latest version")?;
    if hist.blame.paragraphs.len() != latest.paragraphs.len() {
        return Err("blame does not cover every paragraph of the latest version".into());
    }
    for (para, blamed) in latest.paragraphs.iter().zip(&hist.blame.paragraphs) {
        let spans: Vec<Span> = blamed.iter().map(|b| b.span).collect();
        if spans[..] != para.sentences()[..] {
            return Err("blame's sentences are not the paragraph's".into());
        }
        for b in blamed {
            if b.since >= docs.len() {
                return Err(format!("blame dates a sentence from version {}", b.since));
            }
            if let Some(s) = b.before {
                let before = h::document(&steps, b.since.wrapping_sub(1)).ok_or("before V1")?;
                in_text(before, s).map_err(|e| format!("blame's earlier wording: {e}"))?;
            }
        }
    }
    for t in &hist.timeline {
        if t.states.len() < 3 || t.kinds.len() + 1 != t.states.len() {
            return Err(format!("a track of {} states and {} changes", t.states.len(), t.kinds.len()));
        }
        for s in &t.states {
            let doc = h::document(&steps, s.version).ok_or("a state past the last version")?;
            if let Some(span) = s.span {
                in_text(doc, span).map_err(|e| format!("timeline: {e}"))?;
            }
        }
    }
    let mut json = Vec::new();
    crate::report::write_history_json(&hist, &mut json).map_err(|e| format!("--json: {e}"))?;
    serde_json::from_slice::<serde::de::IgnoredAny>(&json).map_err(|e| format!("history --json: {e}"))?;
    let mut out = Vec::new();
    crate::ui::print::write_history_text(&hist, options, &mut out).map_err(|e| format!("--text: {e}"))?;
    let printed = String::from_utf8(out).map_err(|_| "history --text printed invalid UTF-8")?;
    if let Some(ch) = printed.chars().find(|&ch| ch != '\u{1b}' && drives_terminal(ch)) {
        return Err(format!("history --text printed {ch:?}"));
    }
    let html = crate::html::history_report(&hist);
    if html.contains("<script") || html.chars().any(|ch| ch.is_control() && !ch.is_whitespace()) {
        return Err("the history's HTML report holds a script or a control character".to_string());
    }
    Ok(())
}

/// A reader session on arbitrary bytes (the second fuzz target): the first bytes give a
/// terminal size and a sequence of keys (every action of the key table, typing into the
/// search prompt, resizes, and the analysis arriving part-way), the rest the two versions
/// (or, for an odd knob, a history of three: the two, then the first again).
/// After every key the screen is drawn; no drawn cell may hold a control or bidi character,
/// and the layout must keep its invariants.
pub fn reader_session(data: &[u8]) -> Result<(), String> {
    use crate::app::{Action, App, Edit};
    use ratatui::{buffer::Buffer, layout::Rect, widgets::Widget};
    let [w, h, n, rest @ ..] = data else { return Ok(()) };
    let (keys, text) = rest.split_at(usize::from(*n % 48).min(rest.len()));
    let Some((knob, a, b)) = two_versions(text) else { return Ok(()) };
    let (left, right) = Document::parse_pair(a, Some(b));
    let size = |w: u8, h: u8| (10 + u16::from(w % 200), 3 + u16::from(h % 60));
    let (mut width, mut height) = size(*w, *h);
    // An odd knob makes it a history of three versions, the third the first again (a revert),
    // whose pairs arrive one by one in the order asked for.
    let history = knob % 2 == 1;
    let mut app = match (&right, history) {
        (Some(r), true) => {
            let docs = vec![left.clone(), r.clone(), left.clone()];
            let versions = docs.iter().map(crate::history::Version::of).collect();
            App::history(versions, docs.into_iter().map(std::sync::Arc::new).collect(), width, height)
        }
        _ => {
            let progress = std::sync::Arc::new(crate::comparison::Progress::default());
            let (l, r) = (std::sync::Arc::new(left.clone()), right.clone().map(std::sync::Arc::new));
            App::analysing(Comparison::unaligned(l, r), progress, width, height)
        }
    };
    let mut pending = (!history).then(|| Comparison::new(left.clone(), right.clone()));
    let mut asked: std::collections::VecDeque<crate::history::Pair> = Default::default();
    let draw = |app: &App, width: u16, height: u16| -> Result<(), String> {
        let area = Rect::new(0, 0, width, height);
        let mut buf = Buffer::empty(area);
        app.render(area, &mut buf);
        match buf.content.iter().find(|c| c.symbol().chars().any(drives_terminal)) {
            Some(cell) => Err(format!("drew {:?} at {width}×{height}", cell.symbol())),
            None => Ok(()),
        }
    };
    draw(&app, width, height)?;
    for (i, &k) in keys.iter().enumerate() {
        if app.input.is_some() {
            app.edit(match k % 8 {
                0 => Edit::Backspace,
                1 => Edit::Commit,
                2 => Edit::Cancel,
                _ => Edit::Char(char::from(b'a' + k % 26)),
            });
        } else {
            let actions = Action::ALL.len();
            match usize::from(k) % (actions + 2) {
                a if a < actions => app.update(Action::ALL[a]),
                a if a == actions => {
                    (width, height) = size(k, keys.get(i + 1).copied().unwrap_or(k));
                    app.resize(width, height);
                }
                _ => {
                    if let Some(c) = pending.take() {
                        app.finish_analysis(c, std::time::Duration::ZERO);
                    }
                    asked.extend(app.take_requests().into_iter().map(|(pair, _)| pair));
                    if let (Some(pair), Some(docs)) =
                        (asked.pop_front(), app.history.as_ref().map(|v| v.documents.clone()))
                    {
                        let c = Comparison::with_progress(
                            docs[pair.0].clone(),
                            Some(docs[pair.1].clone()),
                            &Default::default(),
                        );
                        app.analysed(pair, c, std::time::Duration::ZERO);
                    }
                }
            }
        }
        draw(&app, width, height)?;
    }
    layout(&app.comparison, &app.layout)
}

/// The two versions in fuzzed bytes: the first byte says where the rest is cut in two (and is
/// returned as a knob for other choices). `None` when either side is refused (empty, binary).
fn two_versions(data: &[u8]) -> Option<(u8, Source, Source)> {
    let (&knob, rest) = data.split_first()?;
    let (a, b) = rest.split_at(rest.len() * usize::from(knob) / 255);
    Some((knob, from_bytes("a", a).ok()?, from_bytes("b", b).ok()?))
}

/// A character that must never reach the terminal from an input: a control character other
/// than the newline, or a bidi control.
fn drives_terminal(ch: char) -> bool {
    ch != '\n' && (ch.is_control() || crate::text::is_unsafe(ch))
}

/// Checks a whole comparison; the error names the first broken rule.
pub fn comparison(c: &Comparison) -> Result<(), String> {
    let sides = [(true, Some(&c.left)), (false, c.right.as_ref())];
    for (left, doc) in sides {
        let Some(d) = doc else { continue };
        let side = if left { "left" } else { "right" };
        document(d).map_err(|e| format!("{side}: {e}"))?;
        let row_of = if left { &c.left_row } else { &c.right_row };
        let marks = if left { &c.left_marks } else { &c.right_marks };
        let words = if left { &c.words.left } else { &c.words.right };
        let n = d.paragraphs.len();
        if row_of.len() != n || marks.len() != n {
            return Err(format!(
                "{side}: {n} paragraphs but {} rows and {} marks",
                row_of.len(),
                marks.len()
            ));
        }
        let mut seen = vec![0usize; n];
        for (r, row) in c.rows.iter().enumerate() {
            for p in if left { row.left } else { row.right } {
                let at =
                    seen.get_mut(p).ok_or_else(|| format!("{side}: row {r} names paragraph {p} of {n}"))?;
                *at += 1;
                if row_of.at(p) != r {
                    return Err(format!(
                        "{side}: paragraph {p} is in row {r}, its index says {}",
                        row_of.at(p)
                    ));
                }
            }
        }
        if let Some(p) = seen.iter().position(|&k| k != 1) {
            return Err(format!("{side}: paragraph {p} is in {} rows, not one", seen[p]));
        }
        for (p, marked) in words.iter().enumerate() {
            let para = d.paragraphs.get(p).ok_or_else(|| format!("{side}: word marks for paragraph {p}"))?;
            for m in marked {
                within(d, para.span, m.span)
                    .map_err(|e| format!("{side}: word mark in paragraph {p}: {e}"))?;
            }
        }
        for m in c.people.mentions(left) {
            in_text(d, m.span).map_err(|e| format!("{side}: mention: {e}"))?;
            if m.person >= c.people.persons.len() {
                return Err(format!("{side}: mention of person {}", m.person));
            }
        }
    }
    let right = c.right.as_ref();
    for l in &c.links {
        if l.left >= c.left.paragraphs.len() || right.is_none_or(|r| l.right >= r.paragraphs.len()) {
            return Err(format!("link {} → {} names a missing paragraph", l.left, l.right));
        }
    }
    for (i, diff) in c.differences.iter().enumerate() {
        if diff.row >= c.rows.len() {
            return Err(format!("difference {i} is in row {} of {}", diff.row, c.rows.len()));
        }
        for (d, end) in [(Some(&c.left), diff.left), (right, diff.right)] {
            if let (Some(d), Some((p, span))) = (d, end) {
                let para = d.paragraphs.get(p).ok_or_else(|| format!("difference {i}: paragraph {p}"))?;
                within(d, para.span, span).map_err(|e| format!("difference {i}: {e}"))?;
            }
        }
    }
    for (i, f) in c.findings.iter().enumerate() {
        let ends = f.changes.iter().copied().chain([(f.left, f.right)]);
        for (l, r) in ends {
            for (d, span) in [(Some(&c.left), l), (right, r)] {
                if let (Some(d), Some(span)) = (d, span) {
                    in_text(d, span).map_err(|e| format!("finding {i}: {e}"))?;
                }
            }
        }
    }
    Ok(())
}

/// Paragraphs in order and apart, sentences inside their paragraph, all on boundaries.
pub fn document(d: &Document) -> Result<(), String> {
    let mut last_end = 0;
    for (p, para) in d.paragraphs.iter().enumerate() {
        in_text(d, para.span).map_err(|e| format!("paragraph {p}: {e}"))?;
        if para.span.start < last_end || para.span.is_empty() {
            return Err(format!("paragraph {p} {:?} overlaps, disorders or is empty", para.span));
        }
        last_end = para.span.end;
        for s in para.sentences() {
            within(d, para.span, *s).map_err(|e| format!("paragraph {p} sentence: {e}"))?;
        }
    }
    Ok(())
}

/// Every line segment inside its paragraph, and every non-blank byte of every paragraph on
/// exactly one laid-out line (hidden rows aside).
pub fn layout(c: &Comparison, layout: &Layout) -> Result<(), String> {
    for (left, doc) in [(true, Some(&c.left)), (false, c.right.as_ref())] {
        let Some(d) = doc else { continue };
        let mut seen = vec![0u8; d.text.len()];
        for vl in layout.lines_from(c, 0) {
            let Some(seg) = (if left { vl.left } else { vl.right }) else { continue };
            let para =
                d.paragraphs.get(seg.para).ok_or_else(|| format!("line names paragraph {}", seg.para))?;
            within(d, para.span, seg.span).map_err(|e| format!("line of paragraph {}: {e}", seg.para))?;
            for n in &mut seen[seg.span.start..seg.span.end] {
                *n = n.saturating_add(1);
            }
        }
        let row_of = if left { &c.left_row } else { &c.right_row };
        for (p, para) in d.paragraphs.iter().enumerate() {
            let want = u8::from(!row_of.get(p).is_some_and(|r| layout.is_hidden(r)));
            for (i, ch) in d.slice(para.span).char_indices() {
                let at = para.span.start + i;
                if !ch.is_whitespace() && seen[at] != want {
                    return Err(format!(
                        "byte {at} ({ch:?}) of paragraph {p} is laid out {} times",
                        seen[at]
                    ));
                }
            }
        }
    }
    Ok(())
}

fn in_text(d: &Document, s: Span) -> Result<(), String> {
    if s.start > s.end || d.text.get(s.start..s.end).is_none() {
        return Err(format!("span {}..{} is not a slice of the {}-byte text", s.start, s.end, d.text.len()));
    }
    Ok(())
}

fn within(d: &Document, outer: Span, s: Span) -> Result<(), String> {
    in_text(d, s)?;
    if !outer.contains(s) {
        return Err(format!("span {}..{} leaves {}..{}", s.start, s.end, outer.start, outer.end));
    }
    Ok(())
}
