//! Drawing the reader from `&App`. Nothing here changes state or analyses text: it slices
//! the visible lines of the layout and styles them through the theme.

pub mod print;
pub mod theme;
mod wrap;

use crate::app::{Action, App, Overlay, Panel, Prompt, Scrolling, Slot, Versions};
use crate::comparison::Comparison;
use crate::describe::version_label;
use crate::describe::{describe_finding, summary_line};
use crate::document::{Document, Span};
use crate::layout::{Segment, GUTTER, MIN_HEIGHT, MIN_WIDTH, RIGHT_PAD};
use crate::text;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout as Split, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};
use theme::Theme;
use unicode_segmentation::UnicodeSegmentation;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = Theme::on(self.color, self.background);
        if self.geometry.too_small() {
            render_too_small(area, buf);
            return;
        }
        // A history's version bar takes the top line.
        let area = match &self.history {
            Some(v) if area.height > 1 => {
                render_versions(self, v, Rect { height: 1, ..area }, buf, &theme);
                Rect { y: area.y + 1, height: area.height - 1, ..area }
            }
            _ => area,
        };
        let [body, panel, status] = Split::vertical([
            Constraint::Min(1),
            Constraint::Length(self.panel_height()),
            Constraint::Length(1),
        ])
        .areas(area);
        let pane_w = self.geometry.pane_width();
        let left_area = Rect { width: pane_w, ..body };
        let right_area = Rect { x: body.x + pane_w, width: pane_w, ..body };
        render_pane(self, true, left_area, buf, &theme);
        render_pane(self, false, right_area, buf, &theme);
        match self.panel {
            Some(Panel::People) => render_people(self, panel, buf, &theme),
            Some(Panel::Findings) => render_findings(self, panel, buf, &theme),
            Some(Panel::Blame) => render_blame(self, panel, buf, &theme),
            None => {}
        }
        render_status(self, status, buf, &theme);
        if self.overlay == Overlay::Help {
            render_help(self, area, buf, &theme);
        }
    }
}

fn render_too_small(area: Rect, buf: &mut Buffer) {
    let msg = format!(
        "Terminal too small ({}×{}). redline needs at least {MIN_WIDTH}×{MIN_HEIGHT}. Enlarge the window, or press q to quit.",
        area.width, area.height
    );
    Paragraph::new(msg).wrap(Wrap { trim: true }).render(area, buf);
}

/// A pane's title: the document's name, what a web page says of itself, and its words (while
/// only its beginning is shown, that it is being read instead).
fn pane_title(doc: Option<&Document>, reading: bool) -> String {
    let Some(d) = doc else { return " (no second document) ".to_string() };
    let name = text::sanitize(d.short_name());
    let words = if reading { "reading…".to_string() } else { format!("{} words", d.word_count()) };
    match d.meta_line() {
        Some(meta) => format!(" {name} · {meta} · {words} "),
        None => format!(" {name} · {words} "),
    }
}

fn render_pane(app: &App, left: bool, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let c = &app.comparison;
    let doc = if left { Some(&*c.left) } else { c.right.as_deref() };
    let alone =
        matches!((app.scrolling, left), (Scrolling::LeftAlone, true) | (Scrolling::RightAlone, false));
    let reading = app.analysis.as_ref().is_some_and(|p| p.reading());
    let mut title = pane_title(doc, reading);
    if alone {
        title.push_str("· scrolling alone ");
    }
    let block = Block::bordered().border_style(theme.border()).title(TextSpan::styled(title, theme.title()));
    let inner = block.inner(area);
    block.render(area, buf);
    let Some(doc) = doc else { return };
    let marks = if left { &c.left_marks } else { &c.right_marks };
    let scroll = if left { app.scroll } else { app.scroll_right };
    let lines = app.layout.lines_from(c, scroll).take(inner.height as usize);
    for (y, vl) in (inner.y..).zip(lines) {
        let seg = if left { vl.left } else { vl.right };
        if app.focus == Some(vl.row) {
            buf.set_string(inner.x, y, " ", theme.focus());
        }
        let Some(Segment { para, span }) = seg else { continue };
        let status = marks[para];
        if span.start == doc.paragraphs[para].span.start {
            let (mark, style) = theme.marker(status);
            let style = if app.focus == Some(vl.row) { style.patch(theme.focus()) } else { style };
            buf.set_string(inner.x, y, mark.to_string(), style);
        }
        // Layers over the word marks and people: search hits, the current difference.
        let mut layers: Vec<(Span, Style)> = Vec::new();
        if let Some(search) = &app.search {
            // Matches are sorted by row: look only at this line's row.
            let from = search.matches.partition_point(|m| m.row < vl.row);
            let in_row = search.matches[from..].iter().take_while(|m| m.row == vl.row);
            for (i, m) in in_row.enumerate().map(|(k, m)| (from + k, m)) {
                if m.left == left && m.para == para && m.span.start < span.end && span.start < m.span.end {
                    let style = if search.current == Some(i) { theme.current() } else { theme.search_hit() };
                    layers.push((m.span, style));
                }
            }
        }
        if let Some(at) = app.mention.filter(|m| m.left == left) {
            if let Some(m) = c.people.mentions(left).get(at.index) {
                layers.push((m.span, theme.current()));
            }
        }
        if let Some(f) = app.shown_finding.and_then(|i| c.findings.get(i)) {
            // The occurrence Enter went to, and the other side's text of the finding.
            let at = f.occurrence(app.occurrence);
            let own = at.filter(|o| o.0 == left).map(|o| o.1);
            let other = if left { f.left } else { f.right }.filter(|_| at.is_none_or(|o| o.0 != left));
            if let Some(s) = own.or(other) {
                layers.push((s, theme.current()));
            }
        }
        if let Some(d) = app.current.and_then(|i| c.differences.get(i)) {
            if let Some((p, s)) = if left { d.left } else { d.right } {
                if p == para {
                    layers.push((s, theme.current()));
                }
            }
        }
        let x = inner.x + GUTTER;
        let width = inner.width.saturating_sub(GUTTER + RIGHT_PAD);
        let line = pane_line(c, left, Segment { para, span }, app.show_people, &layers, theme);
        line.render(Rect { x, y, width, height: 1 }, buf);
    }
}

/// The styled text of one visual line of a pane: the paragraph's base style, then word
/// marks, then people's colours (when shown), then `extra` layers, lowest first.
pub(crate) fn pane_line<'a>(
    c: &'a Comparison,
    left: bool,
    seg: Segment,
    show_people: bool,
    extra: &[(Span, Style)],
    theme: &Theme,
) -> Line<'a> {
    let (doc, pieces) = pane_pieces(c, left, seg, show_people, extra, theme);
    let mut spans = Vec::new();
    for (piece, style) in pieces {
        spans.extend(styled_text(doc, piece, style, theme));
    }
    Line::from(keep_zero_width(spans, theme))
}

/// The pieces of one visual line's text, each with its style (the layers [`pane_line`]
/// draws), and the document they are in.
pub(crate) fn pane_pieces<'a>(
    c: &'a Comparison,
    left: bool,
    Segment { para, span }: Segment,
    show_people: bool,
    extra: &[(Span, Style)],
    theme: &Theme,
) -> (&'a Document, Vec<(Span, Style)>) {
    let (doc, marks) = c.side(left);
    let word_marks = if left || c.right.is_none() { &c.words.left } else { &c.words.right };
    let mut layers: Vec<(Span, Style)> = word_marks
        .get(para)
        .into_iter()
        .flatten()
        .filter(|m| m.span.start < span.end && span.start < m.span.end)
        .map(|m| (m.span, theme.mark(m.mark)))
        .collect();
    if show_people {
        // Mentions are sorted by position: look only at those touching this line.
        let mentions = c.people.mentions(left);
        let from = mentions.partition_point(|m| m.span.end <= span.start);
        for m in mentions[from..].iter().take_while(|m| m.span.start < span.end) {
            layers.push((m.span, theme.person(m.person)));
        }
    }
    layers.extend_from_slice(extra);
    (doc, layered(&doc.text, span, &layers, theme.text(marks[para])))
}

/// ratatui skips a span of width zero, so a combining mark or zero-width character in a span
/// of its own would be lost: each joins the span before it (or, first on the line, the one
/// after it), and a line of nothing but zero-width characters is drawn on a dotted circle.
fn keep_zero_width<'a>(spans: Vec<TextSpan<'a>>, theme: &Theme) -> Vec<TextSpan<'a>> {
    // After sanitising, any ASCII character is one cell wide: only the rare span without one
    // needs measuring.
    let zero_width = |s: &TextSpan| !s.content.bytes().any(|b| b.is_ascii()) && s.width() == 0;
    if !spans.iter().any(zero_width) {
        return spans;
    }
    let mut out: Vec<TextSpan<'a>> = Vec::with_capacity(spans.len());
    let mut pending = String::new();
    for mut span in spans {
        if span.content.is_empty() {
            continue;
        }
        if zero_width(&span) {
            match out.last_mut() {
                Some(last) => last.content.to_mut().push_str(&span.content),
                None => pending.push_str(&span.content),
            }
            continue;
        }
        if !pending.is_empty() {
            span.content = format!("{}{}", std::mem::take(&mut pending), span.content).into();
        }
        out.push(span);
    }
    if !pending.is_empty() {
        out.push(TextSpan::styled(format!("◌{pending}"), theme.placeholder()));
    }
    out
}

/// Cuts `seg` where layers begin and end, moved to the next grapheme boundary so a combining
/// mark or a joined emoji is never split from its base (a piece starting with a zero-width
/// character would be drawn over and lost); each piece gets the base style patched by every
/// layer covering its start.
fn layered(text: &str, seg: Span, layers: &[(Span, Style)], base: Style) -> Vec<(Span, Style)> {
    let mut cuts = vec![seg.start, seg.end];
    for (s, _) in layers {
        cuts.extend([s.start.clamp(seg.start, seg.end), s.end.clamp(seg.start, seg.end)]);
    }
    // A cut before an ASCII character is already a grapheme boundary (the one exception, CR
    // LF, draws as two blanks): only a cut before anything else needs the graphemes.
    let inner =
        |&at: &usize| at != seg.start && at != seg.end && !text.as_bytes().get(at).is_some_and(u8::is_ascii);
    if cuts.iter().any(inner) {
        let piece = text.get(seg.start..seg.end).unwrap_or("");
        let bounds: Vec<usize> =
            piece.grapheme_indices(true).map(|(i, _)| seg.start + i).chain([seg.end]).collect();
        for at in cuts.iter_mut() {
            *at = bounds[bounds.partition_point(|&b| b < *at).min(bounds.len() - 1)];
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let piece = Span::new(w[0], w[1]);
            let style = layers
                .iter()
                .filter(|(s, _)| s.start <= piece.start && piece.start < s.end)
                .fold(base, |acc, (_, st)| acc.patch(*st));
            (piece, style)
        })
        .collect()
}

/// The spans that draw a piece of text: input made safe, placeholders dimmed.
fn styled_text<'a>(doc: &'a Document, span: Span, base: Style, theme: &Theme) -> Vec<TextSpan<'a>> {
    let raw = doc.slice(span);
    if !raw.chars().any(|c| text::display_char(c) != c) {
        return vec![TextSpan::styled(raw, base)];
    }
    let mut out = Vec::new();
    let mut plain = String::new();
    for ch in raw.chars() {
        if text::is_unsafe(ch) {
            if !plain.is_empty() {
                out.push(TextSpan::styled(std::mem::take(&mut plain), base));
            }
            out.push(TextSpan::styled(text::display_char(ch).to_string(), base.patch(theme.placeholder())));
        } else {
            plain.push(text::display_char(ch));
        }
    }
    if !plain.is_empty() {
        out.push(TextSpan::styled(plain, base));
    }
    out
}

fn render_status(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    buf.set_style(area, theme.status_bar());
    if let Some(input) = &app.input {
        let prompt = match app.prompt {
            Prompt::Search => format!(" /{}▏  Enter search · Esc cancel", text::sanitize(input)),
            Prompt::Versions => {
                let n = app.history.as_ref().map_or(2, |v| v.versions.len());
                format!(
                    " compare versions (two of 1–{n}): {}▏  Enter compare · Esc cancel",
                    text::sanitize(input)
                )
            }
        };
        Line::from(TextSpan::styled(prompt, theme.status_key())).render(area, buf);
        return;
    }
    let total = app.layout.len();
    let shown_end = (app.scroll + app.page()).min(total);
    let percent = if app.max_scroll() == 0 { 100 } else { app.scroll * 100 / app.max_scroll() };
    let mut left = format!(" {}–{}/{} {}%", (app.scroll + 1).min(total), shown_end, total, percent);
    if let Some(progress) = &app.analysis {
        left.push_str(" │ ");
        let (what, until) = if progress.reading() {
            ("reading the texts", "their beginnings shown until then")
        } else {
            (progress.running().map_or("finishing", |s| s.label()), "shown unaligned until then")
        };
        left.push_str(&gauge(progress.fraction(), what));
        // The explanation only when it fits whole before the key hint on the right (about
        // 24 columns); a message always shows.
        let room = (area.width as usize).saturating_sub(left.chars().count() + 3 + 24);
        match app.message.as_deref() {
            Some(m) => left.push_str(&format!(" │ {m}")),
            None if until.chars().count() <= room => left.push_str(&format!(" │ {until}")),
            None => {}
        }
    } else if let Some(m) = &app.message {
        left.push_str(" │ ");
        left.push_str(m);
    } else if app.comparison.right.is_some() {
        left.push_str(" │ ");
        let room = (area.width as usize).saturating_sub(left.chars().count() + 20);
        left.push_str(&summary_line(&app.comparison, room));
    }
    let notices: Vec<String> = std::iter::once(&app.comparison.left)
        .chain(app.comparison.right.as_ref())
        .filter_map(|d| d.notice.as_ref().map(|n| format!(" {}: {} ", text::sanitize(d.short_name()), n)))
        .collect();
    // The languages the texts are in: "en", or "en/de" when the versions differ, "?" for one
    // that cannot be told.
    let code = |d: &Document| d.language.map_or("?", crate::language::Language::code);
    let languages = match (&app.comparison.left, &app.comparison.right) {
        (l, Some(r)) if l.language != r.language => format!("{}/{}", code(l), code(r)),
        (l, _) => code(l).to_string(),
    };
    let (help, quit) = (app.keymap.key_of(Action::ToggleHelp), app.keymap.key_of(Action::Quit));
    let hint = format!(" {languages} │ {help} help  {quit} quit ");
    let hint_w = hint.chars().count() as u16;
    let hinted = area.width > hint_w + 40;
    // What is said on the left ends in "…" before the key hint rather than under it.
    let notices_w: usize = notices.iter().map(|n| text::width(n) + 1).sum();
    let room = usize::from(area.width.saturating_sub(if hinted { hint_w } else { 0 }));
    let mut spans =
        vec![TextSpan::styled(text::fit(&left, room.saturating_sub(notices_w)), theme.status_bar())];
    for n in notices {
        spans.push(TextSpan::raw(" "));
        spans.push(TextSpan::styled(n, theme.notice()));
    }
    Line::from(spans).render(area, buf);
    if hinted {
        let x = area.x + area.width - hint_w;
        buf.set_string(x, area.y, &hint, theme.status_key());
    }
}

/// The analysis gauge: what runs, a bar of eighths, the percentage.
fn gauge(done: f32, what: &str) -> String {
    const WIDTH: usize = 16;
    let eighths = (done.clamp(0.0, 1.0) * (WIDTH * 8) as f32) as usize;
    let mut bar: String = "█".repeat(eighths / 8);
    if eighths / 8 < WIDTH {
        bar.push([' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'][eighths % 8]);
        bar.push_str(&" ".repeat(WIDTH - eighths / 8 - 1));
    }
    format!("analysing: {what} ▕{bar}▏ {:>3.0}%", done * 100.0)
}

/// Draws a panel's border and title; returns the inside to fill, or `None` when there is no
/// room or the list is empty (then `empty` is written instead).
fn panel_frame(
    title: String,
    empty: Option<&str>,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) -> Option<Rect> {
    let block = Block::bordered().border_style(theme.border()).title(TextSpan::styled(title, theme.title()));
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.height == 0 {
        return None;
    }
    if let Some(msg) = empty {
        Line::from(msg).render(inner, buf);
        return None;
    }
    Some(inner)
}

/// The people panel: each person in their colour with mentions per side, people only one
/// version names marked, the chosen one reversed. The list scrolls to keep the choice shown.
fn render_people(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let people = &app.comparison.people.persons;
    let pair = app.comparison.right.is_some();
    let k = |a: Action| app.keymap.key_of(a);
    let title = format!(
        " People · {} · ↑↓ choose · {} {} mentions · {} first · {} close ",
        people.len(),
        k(Action::NextMention),
        k(Action::PrevMention),
        k(Action::Open),
        k(Action::PeoplePanel)
    );
    let Some(inner) = panel_frame(
        title,
        people.is_empty().then_some("no people named in either version"),
        area,
        buf,
        theme,
    ) else {
        return;
    };
    let header = Line::from(TextSpan::styled(
        if pair { "    left right  name" } else { "    mentions  name" },
        theme.placeholder(),
    ));
    header.render(Rect { height: 1, ..inner }, buf);
    let rows = inner.height.saturating_sub(1) as usize;
    let chosen = app.person.min(people.len() - 1);
    let first = (chosen + 1).saturating_sub(rows.max(1));
    for (y, (i, p)) in (inner.y + 1..inner.y + inner.height).zip(people.iter().enumerate().skip(first)) {
        let only = p.only_in(pair).map(|s| format!("  {s}")).unwrap_or_default();
        let counts = if pair {
            format!("{:>5} {:>5}  ", p.left.len(), p.right.len())
        } else {
            format!("{:>9}  ", p.left.len())
        };
        let mut spans = vec![
            TextSpan::styled(" ■ ", theme.person(i).remove_modifier(ratatui::style::Modifier::UNDERLINED)),
            TextSpan::raw(counts),
            TextSpan::styled(text::sanitize(&p.name), theme.person(i)),
            TextSpan::styled(only, theme.notice()),
        ];
        if i == chosen {
            spans = spans.into_iter().map(|s| s.patch_style(theme.selected())).collect();
        }
        Line::from(spans).render(Rect { y, height: 1, ..inner }, buf);
    }
}

/// The findings panel: one line per finding, grouped by kind (the kind written on the first
/// line of its group); the chosen one reversed and wrapped in full, the others cut at the
/// edge. The list scrolls to keep the whole choice shown.
fn render_findings(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let c = &app.comparison;
    let findings = &c.findings;
    let timeline = app.timeline_lines();
    let k = |a: Action| app.keymap.key_of(a);
    let across =
        if timeline.is_empty() { String::new() } else { format!(" · {} across versions", timeline.len()) };
    let title = format!(
        " Findings · {}{across} · ↑↓ choose · {} go to it · {} close ",
        findings.len(),
        k(Action::Open),
        k(Action::FindingsPanel)
    );
    // A history's facts that changed more than once come first, then the step's findings.
    let entries: Vec<(&str, String, String)> = timeline
        .iter()
        .map(|t| (ACROSS_VERSIONS, String::new(), t.clone()))
        .chain(findings.iter().map(|f| {
            let speaker =
                f.speaker.as_deref().map(|s| format!("{}: ", text::sanitize(s))).unwrap_or_default();
            (f.kind.label(), speaker, describe_finding(c, f))
        }))
        .collect();
    let empty = entries.is_empty().then(|| app.no_findings_note());
    let Some(inner) = panel_frame(title, empty, area, buf, theme) else {
        return;
    };
    let rows = inner.height as usize;
    let chosen = app.finding.min(entries.len() - 1);
    let label_w = entries.iter().map(|e| e.0.chars().count()).max().unwrap_or(0);
    let line = |i: usize, first: usize| {
        let (group, speaker, text) = &entries[i];
        let first_of_kind = i == 0 || entries[i - 1].0 != *group || i == first;
        let label = if first_of_kind { *group } else { "" };
        Line::from(vec![
            TextSpan::styled(format!(" {label:<label_w$}  "), theme.help_key()),
            TextSpan::styled(speaker.clone(), theme.title()),
            TextSpan::raw(text.clone()),
        ])
    };
    // The chosen entry's lines, as many as the panel holds; the entries before it fill
    // what is left above.
    let mut whole = wrap::wrap(line(chosen, chosen), inner.width as usize, label_w + 3);
    whole.truncate(rows.max(1));
    let first = (chosen + whole.len()).saturating_sub(rows.max(1));
    let whole: Vec<Line> = if first == chosen {
        whole
    } else {
        wrap::wrap(line(chosen, first), inner.width as usize, label_w + 3)
            .into_iter()
            .take(whole.len())
            .collect()
    };
    let mut lines: Vec<Line> = (first..chosen).map(|i| line(i, first)).collect();
    lines.extend(whole.into_iter().map(|l| l.patch_style(theme.selected())));
    lines.extend((chosen + 1..entries.len()).take(rows.saturating_sub(lines.len())).map(|i| line(i, first)));
    for (y, l) in (inner.y..inner.y + inner.height).zip(lines) {
        l.render(Rect { y, height: 1, ..inner }, buf);
    }
}

/// The findings panel's label for a history's facts that changed more than once.
const ACROSS_VERSIONS: &str = "across versions";

/// The version bar of a history: each version, and between two versions their step's count
/// of differences and findings (or how far its analysis has got); the pair on screen stands
/// out. Names and dates are left out when the line would be too long, then versions far
/// from the pair on screen.
fn render_versions(app: &App, v: &Versions, area: Rect, buf: &mut Buffer, theme: &Theme) {
    buf.set_style(area, theme.status_bar());
    let (a, b) = v.shown;
    let step_text = |k: usize| -> String {
        match v.slots.get(k).map(|(_, s)| s) {
            Some(Slot::Ready(c)) => format!(" ─{}→ ", bar_counts(c)),
            Some(Slot::OnScreen) if app.analysis.is_none() => format!(" ─{}→ ", bar_counts(&app.comparison)),
            Some(Slot::Waiting(p)) => format!(" ─{:.0}%…→ ", p.fraction() * 100.0),
            Some(Slot::OnScreen) => {
                let done = app.analysis.as_ref().map_or(0.0, |p| p.fraction());
                format!(" ─{:.0}%…→ ", done * 100.0)
            }
            None => " ─→ ".to_string(),
        }
    };
    let version_text = |i: usize, detail: u8| -> String {
        let info = &v.versions[i];
        let mut s = version_label(i);
        if detail >= 1 {
            s.push(' ');
            s.push_str(&text::sanitize(&info.name));
        }
        if let (2, Some(d)) = (detail, &info.date) {
            s.push_str(&format!(" ({})", text::sanitize(d)));
        }
        s
    };
    let k = |x: Action| app.keymap.key_of(x);
    let hint = format!(
        "  {} {} step · {} pick · {} blame ",
        k(Action::PrevStep),
        k(Action::NextStep),
        k(Action::PickVersions),
        k(Action::BlamePanel)
    );
    let picked = if b != a + 1 {
        format!("  showing {} ↔ {}", version_label(a), version_label(b))
    } else {
        String::new()
    };
    let width = area.width as usize;
    let pieces = |detail: u8| -> Vec<(String, bool)> {
        let mut out = Vec::new();
        for i in 0..v.versions.len() {
            if i > 0 {
                out.push((step_text(i - 1), b == a + 1 && i - 1 == a));
            }
            let on = i == a || i == b;
            out.push((version_text(i, if on { detail.max(1) } else { detail }), on));
        }
        out
    };
    let room = width.saturating_sub(text::width(&hint) + text::width(&picked) + 1);
    let len = |p: &[(String, bool)]| p.iter().map(|(s, _)| text::width(s)).sum::<usize>();
    let mut chosen = pieces(2);
    for detail in [1, 0] {
        if len(&chosen) <= room {
            break;
        }
        chosen = pieces(detail);
    }
    // Still too long: keep a window around the pair on screen, with … where cut.
    let centre = 2 * a;
    let (mut from, mut to) = (centre, (centre + 1).min(chosen.len()));
    loop {
        let grew_right = to < chosen.len() && len(&chosen[from..=to]) + 4 <= room;
        if grew_right {
            to += 1;
        }
        let grew_left = from > 0 && len(&chosen[from - 1..to]) + 4 <= room;
        if grew_left {
            from -= 1;
        }
        if !grew_left && !grew_right {
            break;
        }
    }
    if len(&chosen) <= room {
        (from, to) = (0, chosen.len());
    }
    let mut spans = vec![TextSpan::styled(" ", theme.status_bar())];
    if from > 0 {
        spans.push(TextSpan::styled("… ", theme.status_bar()));
    }
    for (s, on) in &chosen[from..to] {
        let style = if *on { theme.selected() } else { theme.status_bar() };
        spans.push(TextSpan::styled(s.clone(), style));
    }
    if to < chosen.len() {
        spans.push(TextSpan::styled(" …", theme.status_bar()));
    }
    spans.push(TextSpan::styled(picked, theme.status_key()));
    Line::from(spans).render(area, buf);
    let hint_w = text::width(&hint) as u16;
    if area.width > hint_w + 20 {
        buf.set_string(area.x + area.width - hint_w, area.y, &hint, theme.status_key());
    }
}

/// A step's differences and findings, as short as the version bar needs: "2Δ 1!".
fn bar_counts(c: &Comparison) -> String {
    format!("{}Δ {}!", c.differences.len(), c.findings.len())
}

/// The blame panel: for the paragraph of the latest version at the top of the right pane,
/// each sentence with the version its wording dates from, and what it said before.
fn render_blame(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let k = |a: Action| app.keymap.key_of(a);
    let Some(v) = &app.history else { return };
    let latest = version_label(v.latest());
    let para = app.blame_paragraph();
    let title = match para {
        Some(p) => format!(" Blame · {latest} paragraph {} · {} close ", p + 1, k(Action::BlamePanel)),
        None => format!(" Blame · {latest} · {} close ", k(Action::BlamePanel)),
    };
    let empty = if v.blame.is_none() {
        Some(format!(
            "waiting for every step's analysis ({} of {} done)",
            v.ready_steps(app.analysis.is_none()),
            v.versions.len() - 1
        ))
    } else if v.shown.1 != v.latest() {
        Some(format!(
            "blame reads the latest version, {latest}: show a step ending in it ({} or {})",
            k(Action::NextStep),
            k(Action::PickVersions)
        ))
    } else if app.blamed().is_none() {
        Some("no paragraph of the latest version on screen".to_string())
    } else {
        None
    };
    let Some(inner) = panel_frame(title, empty.as_deref(), area, buf, theme) else { return };
    let (Some(sentences), Some(doc)) = (app.blamed(), app.version_document(v.latest())) else { return };
    let one_line = |s: &str| text::sanitize(&s.replace(['\n', '\r'], " "));
    let mut lines: Vec<Line> = Vec::new();
    let width = inner.width as usize;
    for b in sentences {
        let since = version_label(b.since);
        let tag = format!(" {since:>4} ");
        let line = Line::from(vec![
            TextSpan::styled(tag, theme.help_key()),
            TextSpan::raw(one_line(doc.slice(b.span))),
        ]);
        lines.extend(wrap::wrap(line, width, 6));
        let note = match (b.since, b.before) {
            (0, _) => format!("as in {} and every version since", version_label(0)),
            (s, Some(span)) => {
                let before = app.version_document(s - 1).map_or(String::new(), |d| one_line(d.slice(span)));
                format!("{} wrote: {before}", version_label(s - 1))
            }
            (s, None) => format!("new in {}", version_label(s)),
        };
        let line = Line::from(vec![TextSpan::raw("      "), TextSpan::styled(note, theme.placeholder())]);
        lines.extend(wrap::wrap(line, width, 6));
    }
    for (y, l) in (inner.y..inner.y + inner.height).zip(lines) {
        l.render(Rect { y, height: 1, ..inner }, buf);
    }
}

fn render_help(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let entries = app.keymap.help_entries();
    let key_w = entries.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0);
    let desc_w = entries.iter().map(|(_, d)| d.chars().count()).max().unwrap_or(0);
    // One column when it fits; else as many columns as the height needs.
    let room = area.height.saturating_sub(4).max(1) as usize;
    let columns = entries.len().div_ceil(room).max(1);
    let per_column = entries.len().div_ceil(columns);
    let col_w = (key_w + desc_w + 5).min((area.width as usize).saturating_sub(2) / columns);
    let desc_w = col_w.saturating_sub(key_w + 5);
    let width = ((col_w * columns + 2) as u16).min(area.width);
    let height = ((per_column + 4 + usize::from(app.history.is_some())) as u16).min(area.height);
    let popup = Rect {
        x: area.x + (area.width.saturating_sub(width)) / 2,
        y: area.y + (area.height.saturating_sub(height)) / 2,
        width,
        height,
    };
    Clear.render(popup, buf);
    let mut lines: Vec<Line> = (0..per_column)
        .map(|r| {
            let mut spans = Vec::new();
            for (keys, desc) in entries.iter().skip(r).step_by(per_column) {
                spans.push(TextSpan::styled(format!(" {keys:>key_w$}  "), theme.help_key()));
                let desc: String = if desc.chars().count() > desc_w {
                    desc.chars().take(desc_w.saturating_sub(1)).chain(std::iter::once('…')).collect()
                } else {
                    desc.to_string()
                };
                spans.push(TextSpan::raw(format!("{desc:<desc_w$}  ")));
            }
            Line::from(spans)
        })
        .collect();
    lines.push(Line::raw(""));
    let closes = [Action::ToggleHelp, Action::Back].map(|a| app.keymap.key_of(a));
    if app.history.is_some() {
        lines.push(Line::raw(" version bar: each step's differences (Δ) and findings (!)"));
    }
    lines.push(Line::raw(format!(" {} or {} closes this help", closes[0], closes[1])));
    Paragraph::new(lines)
        .block(
            Block::bordered()
                .title(TextSpan::styled(" redline keys ", theme.title()))
                .border_style(theme.border()),
        )
        .render(popup, buf);
}
