//! Moving through the comparison: differences in reading order, the two ends of a move,
//! and search matches. Each jump puts its target a few lines below the top and marks it.

use super::{Action, App, MentionAt, Panel};
use crate::document::{Document, Span};

/// One place where the search text occurs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub left: bool,
    pub para: usize,
    pub span: Span,
    pub row: usize,
}

/// A search that was run: its text, its matches in reading order, the one last visited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    pub matches: Vec<Match>,
    pub current: Option<usize>,
}

impl App {
    /// The rows with at least one line on screen.
    pub fn visible_rows(&self) -> std::ops::Range<usize> {
        let first = self.layout.row_at(self.scroll).unwrap_or(0);
        let last_line = (self.scroll + self.page()).min(self.layout.len()).saturating_sub(1);
        let last = self.layout.row_at(last_line).map_or(first, |r| r + 1);
        first..last.max(first)
    }

    /// Scrolls both panes so `line` stands a few lines below the top.
    fn show_line(&mut self, line: usize, row: usize) {
        let context = (self.page() / 4).min(4);
        self.scrolling = super::Scrolling::Together;
        self.scroll = line.saturating_sub(context).min(self.max_scroll());
        self.offset = 0;
        self.scroll_right = self.scroll;
        self.focus = Some(row);
    }

    /// Makes sure a row is laid out (leaving "only differences" if it is hidden there).
    fn reveal(&mut self, row: usize) {
        if self.layout.is_hidden(row) {
            self.only_changes = false;
            self.relayout();
        }
    }

    /// Scrolls so `row` stands a few lines below the top, and marks it.
    pub fn go_to_row(&mut self, row: usize) {
        self.reveal(row);
        let start = self.layout.row_start(row).unwrap_or(0);
        self.show_line(start, row);
    }

    /// Scrolls to the visual line holding byte `offset` of a paragraph, and marks its row.
    fn go_to_text(&mut self, left: bool, para: usize, offset: usize, row: usize) {
        self.reveal(row);
        let line = self
            .layout
            .line_of(&self.comparison, row, left, para, offset)
            .unwrap_or(self.layout.row_start(row).unwrap_or(0));
        self.show_line(line, row);
    }

    pub(super) fn step_difference(&mut self, forward: bool) {
        let n = self.comparison.differences.len();
        if n == 0 {
            self.message = Some("no differences".to_string());
            return;
        }
        let top_row = self.visible_rows().start;
        let (next, wrapped) = match self.current {
            Some(i) if forward && i + 1 < n => (i + 1, false),
            Some(_) if forward => (0, true),
            Some(0) => (n - 1, true),
            Some(i) => (i - 1, false),
            // Nothing visited yet: start from what is on screen.
            None if forward => {
                (self.comparison.differences.iter().position(|d| d.row >= top_row).unwrap_or(0), false)
            }
            None => {
                (self.comparison.differences.iter().rposition(|d| d.row < top_row).unwrap_or(n - 1), false)
            }
        };
        self.current = Some(next);
        let d = self.comparison.differences.at(next);
        let (left, (para, span)) = match (d.left, d.right) {
            (Some(l), _) => (true, l),
            (None, Some(r)) => (false, r),
            (None, None) => return,
        };
        let row = if left { self.comparison.left_row.at(para) } else { self.comparison.right_row.at(para) };
        self.go_to_text(left, para, span.start, row);
        let wrap_note = match (wrapped, forward) {
            (true, true) => " (wrapped to the first)",
            (true, false) => " (wrapped to the last)",
            _ => "",
        };
        self.message = Some(format!("difference {} of {}: {}{}", next + 1, n, kind_name(d.kind), wrap_note));
    }

    /// From the focused row, or the first row on screen with a moved paragraph, or the next
    /// one below: to the row holding the other end of its move.
    pub(super) fn jump_moved(&mut self) {
        let c = &self.comparison;
        let has_move = |r: usize| c.moved_partner(r).is_some();
        let visible = self.visible_rows();
        let from = self
            .focus
            .filter(|&f| visible.contains(&f) && has_move(f))
            .or_else(|| visible.clone().find(|&r| has_move(r)))
            .or_else(|| (visible.end..c.rows.len()).find(|&r| has_move(r)));
        let Some(from) = from else {
            self.message = Some("no moved paragraphs from here on".to_string());
            return;
        };
        let Some((to, left, para)) = c.moved_partner(from) else { return };
        let side = if left { "left" } else { "right" };
        self.go_to_row(to);
        self.message =
            Some(format!("moved: its counterpart is {side} paragraph {} (m jumps back)", para + 1));
    }

    /// Finds every occurrence of `query` (ignoring case) in both versions.
    pub(super) fn run_search(&mut self, query: &str) {
        if query.is_empty() {
            self.search = None;
            return;
        }
        let needle = query.to_lowercase();
        let c = &self.comparison;
        let mut matches = Vec::new();
        for (left, doc, rows) in [(true, Some(&c.left), &c.left_row), (false, c.right.as_ref(), &c.right_row)]
        {
            let Some(doc) = doc else { continue };
            for (p, para) in doc.paragraphs.iter().enumerate() {
                for span in find_all(doc.slice(para.span), &needle) {
                    let span = Span::new(para.span.start + span.start, para.span.start + span.end);
                    matches.push(Match { left, para: p, span, row: rows.at(p) });
                }
            }
        }
        matches.sort_by_key(|m| (m.row, !m.left, m.span.start));
        let n = matches.len();
        self.search = Some(Search { query: query.to_string(), matches, current: None });
        if n == 0 {
            self.message = Some(format!("no match for “{query}”"));
        } else {
            self.step_match(true);
        }
    }

    pub(super) fn step_match(&mut self, forward: bool) {
        let top_row = self.visible_rows().start;
        let Some(search) = self.search.as_mut() else {
            self.message =
                Some(format!("no search yet: press {} to search", self.keymap.key_of(Action::StartSearch)));
            return;
        };
        let n = search.matches.len();
        if n == 0 {
            self.message = Some(format!("no match for “{}”", search.query));
            return;
        }
        let next = match search.current {
            Some(i) if forward => (i + 1) % n,
            Some(i) => (i + n - 1) % n,
            None => search.matches.iter().position(|m| m.row >= top_row).unwrap_or(0),
        };
        search.current = Some(next);
        let m = search.matches[next];
        let query = search.query.clone();
        self.go_to_text(m.left, m.para, m.span.start, m.row);
        let side = if m.left { "left" } else { "right" };
        self.message = Some(format!("match {} of {n} for “{query}” ({side})", next + 1));
    }
}

/// A mention of the chosen person, placed for navigation.
#[derive(Debug, Clone, Copy)]
struct Place {
    row: usize,
    at: MentionAt,
    para: usize,
    span: Span,
}

/// The paragraph holding byte `offset`.
fn para_of(doc: &Document, offset: usize) -> usize {
    doc.paragraphs.partition_point(|p| p.span.end <= offset).min(doc.paragraphs.len().saturating_sub(1))
}

impl App {
    /// Every mention of `person` in reading order: by row, left before right, by position.
    fn places(&self, person: usize) -> Vec<Place> {
        let c = &self.comparison;
        let mut out = Vec::new();
        for (left, doc, rows) in [(true, Some(&c.left), &c.left_row), (false, c.right.as_ref(), &c.right_row)]
        {
            let Some(doc) = doc else { continue };
            for (index, m) in c.people.mentions(left).iter().enumerate().filter(|(_, m)| m.person == person) {
                let para = para_of(doc, m.span.start);
                out.push(Place { row: rows.at(para), at: MentionAt { left, index }, para, span: m.span });
            }
        }
        out.sort_by_key(|p| (p.row, !p.at.left, p.span.start));
        out
    }

    fn go_to_place(&mut self, places: &[Place], i: usize, note: &str) {
        let p = places[i];
        self.mention = Some(p.at);
        self.go_to_text(p.at.left, p.para, p.span.start, p.row);
        let name = &self.comparison.people.persons[self.person].name;
        let side = if p.at.left { "left" } else { "right" };
        self.message = Some(format!("{}: mention {} of {} ({side}){note}", name, i + 1, places.len()));
    }

    pub(super) fn step_mention(&mut self, forward: bool) {
        if self.comparison.people.persons.is_empty() {
            self.message = Some("no people named in either version".to_string());
            return;
        }
        self.person = self.person.min(self.comparison.people.persons.len() - 1);
        let places = self.places(self.person);
        let n = places.len();
        let top_row = self.visible_rows().start;
        let at = self.mention.and_then(|m| places.iter().position(|p| p.at == m));
        let (next, wrapped) = match at {
            Some(i) if forward && i + 1 < n => (i + 1, false),
            Some(_) if forward => (0, true),
            Some(0) => (n - 1, true),
            Some(i) => (i - 1, false),
            None if forward => (places.iter().position(|p| p.row >= top_row).unwrap_or(0), false),
            None => (places.iter().rposition(|p| p.row < top_row).unwrap_or(n - 1), false),
        };
        let note = match (wrapped, forward) {
            (true, true) => " (wrapped to the first)",
            (true, false) => " (wrapped to the last)",
            _ => "",
        };
        self.go_to_place(&places, next, note);
    }

    /// Moves the choice in the open panel, staying inside the list.
    pub(super) fn select(&mut self, delta: isize) {
        let n = self.panel_len();
        if n == 0 {
            return;
        }
        match self.panel {
            Some(Panel::People) => {
                let next = self.person.min(n - 1).saturating_add_signed(delta).min(n - 1);
                if next != self.person {
                    self.person = next;
                    self.mention = None;
                }
                let p = &self.comparison.people.persons[self.person];
                self.message = Some(format!(
                    "{}: {} mentions left, {} right ({} {} go through them, {} the first)",
                    p.name,
                    p.left.len(),
                    p.right.len(),
                    self.keymap.key_of(Action::NextMention),
                    self.keymap.key_of(Action::PrevMention),
                    self.keymap.key_of(Action::Open)
                ));
            }
            Some(Panel::Findings) => {
                self.finding = self.finding.min(n - 1).saturating_add_signed(delta).min(n - 1);
                let across = self.timeline_lines().len();
                if self.finding < across {
                    self.message = Some(self.track_note(self.finding));
                    return;
                }
                let f = &self.comparison.findings[self.finding - across];
                let places = match f.occurrences().len() {
                    0 | 1 => String::new(),
                    m => format!(", in {m} places"),
                };
                self.message = Some(format!(
                    "finding {} of {}: {}{places} ({}: go to it)",
                    self.finding - across + 1,
                    n - across,
                    f.kind.label(),
                    self.keymap.key_of(Action::Open)
                ));
            }
            Some(Panel::Blame) | None => {}
        }
    }

    /// Goes to the chosen entry of the open panel.
    pub(super) fn open_selected(&mut self) {
        match self.panel {
            Some(Panel::People) if !self.comparison.people.persons.is_empty() => {
                self.person = self.person.min(self.comparison.people.persons.len() - 1);
                let places = self.places(self.person);
                self.go_to_place(&places, 0, "");
            }
            Some(Panel::Findings) if self.finding < self.timeline_lines().len() => {
                self.open_track(self.finding);
            }
            Some(Panel::Findings) if !self.comparison.findings.is_empty() => {
                let across = self.timeline_lines().len();
                let n = self.comparison.findings.len();
                let chosen = self.finding.saturating_sub(across).min(n - 1);
                self.finding = across + chosen;
                let f = &self.comparison.findings[chosen];
                let c = &self.comparison;
                let occurrences = f.occurrences();
                if occurrences.is_empty() {
                    return;
                }
                // Enter again on a repeated fact goes on to its next occurrence, round.
                let k = if self.shown_finding == Some(chosen) {
                    (self.occurrence + 1) % occurrences.len()
                } else {
                    0
                };
                let (left, span) = occurrences[k];
                let (doc, rows) = if left {
                    (&c.left, &c.left_row)
                } else {
                    (c.right.as_ref().unwrap_or(&c.left), &c.right_row)
                };
                let para = para_of(doc, span.start);
                let (row, label) = (rows.at(para), f.kind.label());
                let other = f.right.filter(|_| left && k == 0).and_then(|s| {
                    let doc = c.right.as_ref()?;
                    let p = para_of(doc, s.start);
                    Some((c.right_row.at(p), p, s.start))
                });
                self.shown_finding = Some(chosen);
                self.occurrence = k;
                self.go_to_text(left, para, span.start, row);
                let mut note = String::new();
                if let Some((r_row, r_para, r_at)) = other.filter(|o| o.0 != row) {
                    // Show the right side's text too: shift the right pane to it.
                    self.reveal(r_row);
                    let here = self.layout.line_of(&self.comparison, row, true, para, span.start);
                    let there = self.layout.line_of(&self.comparison, r_row, false, r_para, r_at);
                    if let (Some(a), Some(b)) = (here, there) {
                        self.offset = b as isize - a as isize;
                        self.follow();
                        note = format!(
                            " (right pane shifted to its counterpart; {} lines the panes up)",
                            self.keymap.key_of(Action::Resync)
                        );
                    }
                }
                let count = match occurrences.len() {
                    1 => String::new(),
                    m => format!(", {} of {m} ({}: the next)", k + 1, self.keymap.key_of(Action::Open)),
                };
                self.message = Some(format!("finding {} of {n}: {label}{count}{note}", chosen + 1));
            }
            _ => {}
        }
    }
}

fn kind_name(kind: crate::comparison::DiffKind) -> &'static str {
    use crate::comparison::DiffKind;
    match kind {
        DiffKind::Changed => "words changed",
        DiffKind::Omitted => "paragraph only in the left version",
        DiffKind::Added => "paragraph only in the right version",
        DiffKind::Moved => "paragraph moved",
    }
}

/// Byte spans of every non-overlapping, case-insensitive occurrence of `needle` (already
/// lower-case) in `hay`. Matching walks character by character, so spans stay on boundaries.
fn find_all(hay: &str, needle: &str) -> Vec<Span> {
    let needle: Vec<char> = needle.chars().collect();
    let chars: Vec<(usize, char)> = hay.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + needle.len() <= chars.len() {
        let hit =
            needle.iter().enumerate().all(|(k, &n)| chars[i + k].1.to_lowercase().eq(std::iter::once(n)));
        if hit {
            let end = chars.get(i + needle.len()).map_or(hay.len(), |&(b, _)| b);
            out.push(Span::new(chars[i].0, end));
            i += needle.len().max(1);
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_all_ignores_case_and_keeps_boundaries() {
        let s = "Putin said. PUTIN’s aide, putin";
        let hits: Vec<&str> = find_all(s, "putin").iter().map(|sp| &s[sp.start..sp.end]).collect();
        assert_eq!(hits, ["Putin", "PUTIN", "putin"]);
        assert!(find_all("Kyiv", "kyiv!").is_empty());
        assert_eq!(find_all("ÉTÉ été", "été").len(), 2);
    }
}
