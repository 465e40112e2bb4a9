//! `--html`: the comparison as one self-contained HTML page (inline CSS, no script, no
//! external resources): both versions side by side in the reader's rows, the same word marks,
//! row markers and people colours, and the findings list linking into the text. A pure
//! function of the [`Comparison`]; every piece of article text is escaped.

use crate::comparison::{Comparison, RowStatus};
use crate::describe::{describe_finding, describe_track, step_counts, summary_line, version_label};
use crate::document::{Document, Kind, Span};
use crate::history::History;
use crate::text;
use crate::words::Mark;
use std::fmt::Write;

/// Person colours on a light page, in the reader's palette order (same hue per index).
const PERSON_LIGHT: [&str; 12] = [
    "#00838f", "#c25e00", "#1e5fc8", "#8e44ad", "#8a7000", "#00796b", "#c0462d", "#2f6fb5", "#7c5b2f",
    "#3d7f96", "#b0306e", "#4d7a24",
];
/// The same colours as the reader draws them on a dark terminal.
const PERSON_DARK: [&str; 12] = [
    "#00cdcd", "#ffaf00", "#5c9cff", "#d787ff", "#ffffaf", "#00d7af", "#ff875f", "#87afff", "#d7af87",
    "#afd7ff", "#ffafff", "#afd787",
];

const CSS: &str = r#"
:root{--bg:#fff;--fg:#1d1d1f;--muted:#6b6b70;--rule:#d6d6db;--del-bg:#ffd7d5;--del-fg:#9b1c1c;
--ins-bg:#d3f5d3;--ins-fg:#13621e;--mov:#9c27b0;--hl:#ffe066;--panel:#f5f5f7}
@media (prefers-color-scheme:dark){:root{--bg:#16161a;--fg:#e4e4e7;--muted:#9a9aa2;--rule:#3a3a42;
--del-bg:#5f0000;--del-fg:#ff8787;--ins-bg:#005f00;--ins-fg:#87ff87;--mov:#ff87ff;--hl:#8a6d00;--panel:#202026}
PERSONDARK}
*{box-sizing:border-box}
body{margin:0;padding:1.2rem 1.5rem 3rem;background:var(--bg);color:var(--fg);
font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
header h1{font-size:1.25rem;margin:0 0 .2rem}
header .names{font-weight:600;margin:0}
.summary,.legend,.note{color:var(--muted);margin:.25rem 0;font-size:.9rem}
.legend span{margin-right:1rem}
h2{font-size:1.05rem;margin:1.4rem 0 .4rem}
details.lens>summary{font-size:1.05rem;font-weight:700;margin:.6rem 0 .4rem;cursor:pointer}
details.lens{background:var(--panel);border:1px solid var(--rule);border-radius:6px;padding:.2rem 1rem .8rem;margin:.8rem 0}
ul.people{list-style:none;padding:0;margin:0;columns:2 18rem}
ul.people li{break-inside:avoid;padding:.1rem 0}
.sw{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin-right:.4em;vertical-align:-.05em;background:currentColor}
.count{color:var(--muted);font-variant-numeric:tabular-nums;margin-left:.4em}
.only{color:var(--del-fg);font-size:.85em;margin-left:.5em}
table.findings{border-collapse:collapse;width:100%;font-size:.9rem}
table.findings td{border-top:1px solid var(--rule);padding:.25rem .5rem;vertical-align:top}
table.findings td.kind{white-space:nowrap;font-weight:600;color:var(--muted)}
table.findings td.go{white-space:nowrap}
table.pair{border-collapse:collapse;width:100%;table-layout:fixed;margin-top:1rem}
table.pair th{position:sticky;top:0;background:var(--bg);text-align:left;border-bottom:2px solid var(--rule);padding:.4rem .6rem}
table.pair td{vertical-align:top;padding:.35rem .6rem;border-bottom:1px solid var(--rule);width:50%}
table.pair td+td,table.pair th+th{border-left:1px solid var(--rule)}
.para{display:flex;gap:.5rem;margin:.15rem 0 .5rem}
.para:last-child{margin-bottom:.15rem}
.mk{flex:none;width:1em;font-weight:700;text-align:center}
.tx{flex:1;min-width:0;overflow-wrap:anywhere}
.st-changed>.mk{color:#b58900}.st-moved>.mk{color:var(--mov)}.st-omitted>.mk{color:var(--del-fg)}
.st-added>.mk{color:var(--ins-fg)}.st-furniture{color:var(--muted)}
.st-omitted>.tx{color:var(--del-fg)}.st-added>.tx{color:var(--ins-fg)}
.k-heading>.tx{font-weight:700}
.del{background:var(--del-bg);color:var(--del-fg);text-decoration:line-through;text-decoration-thickness:1px}
.ins{background:var(--ins-bg);color:var(--ins-fg);text-decoration:none}
.mov{color:var(--mov);font-style:italic}
.pp{text-decoration:underline;text-underline-offset:.15em;font-weight:600}
.fd{box-shadow:inset 0 -.18em 0 var(--hl)}
:target{outline:2px solid var(--hl);background:var(--hl)}
.ph{color:var(--muted);border:1px dotted var(--muted);border-radius:2px}
nav.steps a{margin-left:.7em;white-space:nowrap}ol.versions{margin:.3rem 0;padding-left:1.2rem}
section.step{margin-top:2.5rem;border-top:1px solid var(--muted)}
footer{margin-top:2rem;color:var(--muted);font-size:.8rem}
@media print{body{padding:0;font-size:10pt}table.pair th{position:static}
details.lens{break-inside:avoid-page}tr{break-inside:avoid}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}a{color:inherit;text-decoration:none}}
"#;

/// The whole report.
pub fn report(c: &Comparison) -> String {
    let mut out =
        String::with_capacity((c.left.text.len() + c.right.as_ref().map_or(0, |d| d.text.len())) * 2);
    let right_name = c.right.as_ref().map_or("(no second document)", |d| d.short_name());
    let title = format!("redline: {} ↔ {}", c.left.short_name(), right_name);
    head(&title, &mut out);
    let _ = writeln!(out, "<p class=\"names\">{} ↔ {}</p>", esc(c.left.short_name()), esc(right_name));
    if c.right.is_some() {
        let _ = writeln!(out, "<p class=\"summary\">{}</p>", esc(&summary_line(c, usize::MAX)));
    }
    write_meta(c, &mut out);
    out.push_str(LEGEND);
    out.push_str("</header>\n");
    write_people(c, &mut out);
    write_findings(c, "", &mut out);
    write_pair(c, "", &mut out);
    footer("every paragraph of both versions is shown", &mut out);
    out
}

/// A history's report: the versions, a selector of steps (links to each step's section, so
/// no script is needed), the facts that changed more than once, then every step as the
/// pair report shows it, each step's ids under its own prefix (`s2-row4`, `s2-f0l`).
pub fn history_report(h: &History) -> String {
    let steps: Vec<&Comparison> = h.steps.iter().collect();
    let size: usize = h.steps.iter().map(|c| c.left.text.len() * 2).sum();
    let mut out = String::with_capacity(size * 2);
    let first = h.versions.first().map_or("", |v| v.name.as_str());
    head(&format!("redline: {} versions of {first}", h.versions.len()), &mut out);
    out.push_str("<ol class=\"versions\">\n");
    for (v, info) in h.versions.iter().enumerate() {
        let date = info.date.as_deref().map(|d| format!(" · {}", esc(d))).unwrap_or_default();
        let _ = writeln!(out, "<li><b>{}</b> {}{date}</li>", version_label(v), esc(&info.name));
    }
    out.push_str("</ol>\n<nav class=\"steps\">Steps:");
    for (k, c) in h.steps.iter().enumerate() {
        let _ = write!(
            out,
            " <a href=\"#step{}\">{} → {} ({})</a>",
            k + 1,
            version_label(k),
            version_label(k + 1),
            esc(&step_counts(c))
        );
    }
    out.push_str("</nav>\n");
    out.push_str(LEGEND);
    out.push_str("</header>\n");
    let _ = writeln!(
        out,
        "<details class=\"lens\" open>\n<summary>Facts changed more than once ({})</summary>",
        h.timeline.len()
    );
    if h.timeline.is_empty() {
        out.push_str("<p class=\"note\">No number, date, quotation or name changed more than once.</p>\n");
    } else {
        out.push_str("<table class=\"findings\">\n");
        for t in &h.timeline {
            let go: Vec<String> = t
                .states
                .iter()
                .skip(1)
                .map(|s| format!("<a href=\"#step{}\">{}</a>", s.version, version_label(s.version)))
                .collect();
            let _ = writeln!(
                out,
                "<tr><td class=\"kind\">{}</td><td>{}</td><td class=\"go\">{}</td></tr>",
                t.family.label(),
                esc(&describe_track(&steps, t)),
                go.join(" ")
            );
        }
        out.push_str("</table>\n");
    }
    out.push_str("</details>\n");
    for (k, c) in h.steps.iter().enumerate() {
        let prefix = format!("s{}-", k + 1);
        let _ = writeln!(
            out,
            "<section class=\"step\" id=\"step{}\">\n<h2>Step {} of {}: {} {} → {} {}</h2>",
            k + 1,
            k + 1,
            h.steps.len(),
            version_label(k),
            esc(&h.versions[k].name),
            version_label(k + 1),
            esc(&h.versions[k + 1].name)
        );
        let _ = writeln!(out, "<p class=\"summary\">{}</p>", esc(&summary_line(c, usize::MAX)));
        write_meta(c, &mut out);
        write_people(c, &mut out);
        write_findings(c, &prefix, &mut out);
        write_pair(c, &prefix, &mut out);
        out.push_str("</section>\n");
    }
    footer("every paragraph of every version is shown", &mut out);
    out
}

/// The page up to the header's title: doctype, head with the style, the body's start.
fn head(title: &str, out: &mut String) {
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(out, "<title>{}</title>", esc(title));
    out.push_str("<style>");
    out.push_str(&css());
    out.push_str("</style>\n</head>\n<body>\n<header>\n<h1>redline</h1>\n");
}

fn footer(what: &str, out: &mut String) {
    let _ = writeln!(
        out,
        "<footer>Made by redline {} · {what}</footer>\n</body>\n</html>",
        env!("CARGO_PKG_VERSION")
    );
}

const LEGEND: &str = "<p class=\"legend\"><span><b>~</b> changed</span><span><b>↕</b> moved</span>\
         <span><b>−</b> omitted</span><span><b>+</b> added</span><span><b>·</b> page furniture</span>\
         <span><span class=\"del\">removed words</span></span><span><span class=\"ins\">inserted words</span></span>\
         <span><span class=\"mov\">moved text</span></span><span><span class=\"fd\">fact-check finding</span></span></p>\n";

/// Each document's notice and what a web page says about itself.
fn write_meta(c: &Comparison, out: &mut String) {
    for doc in std::iter::once(&c.left).chain(c.right.as_ref()) {
        if let Some(n) = &doc.notice {
            let _ = writeln!(out, "<p class=\"note\">{}: {}</p>", esc(doc.short_name()), esc(n));
        }
        if let Some(meta) = doc.meta_line() {
            let title = doc.meta.as_ref().and_then(|m| m.title.as_deref()).map(crate::text::sanitize);
            let title = title.map(|t| format!("“{t}” · ")).unwrap_or_default();
            let _ = writeln!(
                out,
                "<p class=\"meta\">{}: {}{}</p>",
                esc(doc.short_name()),
                esc(&title),
                esc(&meta)
            );
        }
    }
}

fn css() -> String {
    let mut dark = String::new();
    let mut light = String::new();
    for i in 0..PERSON_LIGHT.len() {
        let _ = write!(light, ".p{i}{{color:{}}}", PERSON_LIGHT[i]);
        let _ = write!(dark, ".p{i}{{color:{}}}", PERSON_DARK[i]);
    }
    let mut s = CSS.replace("PERSONDARK", &dark);
    s.push_str(&light);
    // The dark person colours must win over the light ones under a dark scheme.
    let _ = write!(s, "@media (prefers-color-scheme:dark){{{dark}}}");
    s
}

fn write_people(c: &Comparison, out: &mut String) {
    let people = &c.people.persons;
    if people.is_empty() {
        return;
    }
    let _ = writeln!(out, "<details class=\"lens\" open>\n<summary>People ({})</summary>", people.len());
    out.push_str("<ul class=\"people\">\n");
    for (i, p) in people.iter().enumerate() {
        let counts = match c.right {
            Some(_) => format!("left {} · right {}", p.left.len(), p.right.len()),
            None => format!("{} mentions", p.left.len()),
        };
        let only = p
            .only_in(c.right.is_some())
            .map(|s| format!("<span class=\"only\">{s}</span>"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "<li class=\"p{}\"><span class=\"sw\"></span><span class=\"pp\">{}</span><span class=\"count\">{counts}</span>{only}</li>",
            i % PERSON_LIGHT.len(),
            esc(&p.name)
        );
    }
    out.push_str("</ul>\n</details>\n");
}

fn write_findings(c: &Comparison, prefix: &str, out: &mut String) {
    if c.right.is_none() {
        return;
    }
    let _ =
        writeln!(out, "<details class=\"lens\" open>\n<summary>Findings ({})</summary>", c.findings.len());
    if c.findings.is_empty() {
        out.push_str(
            "<p class=\"note\">No altered quotations, changed numbers or one-sided names.</p>\n</details>\n",
        );
        return;
    }
    out.push_str("<table class=\"findings\">\n");
    for (i, f) in c.findings.iter().enumerate() {
        let kind = if i == 0 || c.findings[i - 1].kind != f.kind { f.kind.label() } else { "" };
        let speaker = f.speaker.as_deref().map(|s| format!("<b>{}</b>: ", esc(s))).unwrap_or_default();
        let mut go = String::new();
        if f.left.is_some() {
            let _ = write!(go, "<a href=\"#{}\">left ↓</a> ", anchor(prefix, i, true, 0));
        }
        if f.right.is_some() {
            let _ = write!(go, "<a href=\"#{}\">right ↓</a>", anchor(prefix, i, false, 0));
        }
        // Each further occurrence of a repeated one-sided fact, by its number.
        for (k, (left, _)) in f.occurrences().into_iter().enumerate().skip(1) {
            let _ = write!(go, " <a href=\"#{}\">{}</a>", anchor(prefix, i, left, k), k + 1);
        }
        let _ = writeln!(
            out,
            "<tr><td class=\"kind\">{}</td><td>{speaker}{}</td><td class=\"go\">{go}</td></tr>",
            esc(kind),
            esc(&describe_finding(c, f))
        );
    }
    out.push_str("</table>\n</details>\n");
}

fn write_pair(c: &Comparison, prefix: &str, out: &mut String) {
    let heading = |d: Option<&Document>| match d {
        Some(d) => format!("{} · {} words", esc(d.short_name()), d.word_count()),
        None => "(no second document)".to_string(),
    };
    let _ = writeln!(
        out,
        "<table class=\"pair\">\n<thead><tr><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        heading(Some(&c.left)),
        heading(c.right.as_deref())
    );
    let left = Side::new(c, true, prefix);
    let right = c.right.as_ref().map(|_| Side::new(c, false, prefix));
    for (r, row) in c.rows.iter().enumerate() {
        let _ = write!(out, "<tr id=\"{prefix}row{r}\" class=\"row-{}\"><td>", row.status.as_str());
        for p in row.left {
            left.paragraph(p, out);
        }
        out.push_str("</td><td>");
        if let Some(right) = &right {
            for p in row.right {
                right.paragraph(p, out);
            }
        }
        out.push_str("</td></tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// One side's text and what is marked in it.
struct Side<'a> {
    c: &'a Comparison,
    left: bool,
    doc: &'a Document,
    status: &'a [RowStatus],
    /// Per paragraph: the findings touching it on this side, (span, anchor id).
    findings: Vec<Vec<(Span, String)>>,
}

/// What covers a piece of text.
#[derive(Default, Clone, Copy, PartialEq, Eq)]
struct Cover {
    mark: Option<Mark>,
    person: Option<usize>,
    finding: bool,
}

impl<'a> Side<'a> {
    fn new(c: &'a Comparison, left: bool, prefix: &str) -> Side<'a> {
        let (doc, status) = c.side(left);
        let mut findings = vec![Vec::new(); doc.paragraphs.len()];
        for (i, f) in c.findings.iter().enumerate() {
            let Some(s) = (if left { f.left } else { f.right }) else { continue };
            let occurrences = f.occurrences();
            let spans: Vec<Span> = if occurrences.first().is_some_and(|o| o.0 == left) {
                occurrences.iter().map(|o| o.1).collect()
            } else {
                vec![s]
            };
            for (k, s) in spans.into_iter().enumerate() {
                // A quotation can run over a paragraph break: file it under every paragraph.
                let first = doc.paragraphs.partition_point(|q| q.span.end <= s.start);
                for (p, para) in doc.paragraphs.iter().enumerate().skip(first) {
                    if para.span.start >= s.end.max(s.start + 1) {
                        break;
                    }
                    findings[p].push((s, anchor(prefix, i, left, k)));
                }
            }
        }
        Side { c, left, doc, status, findings }
    }

    fn paragraph(&self, p: usize, out: &mut String) {
        let para = &self.doc.paragraphs[p];
        let status = self.status[p];
        let kind = match para.kind {
            Kind::Heading => " k-heading",
            Kind::ListItem => " k-list",
            Kind::Furniture => " k-furniture",
            Kind::Body => "",
        };
        let mark = status.marker();
        let _ = write!(
            out,
            "<div class=\"para st-{}{kind}\" title=\"{}\"><span class=\"mk\" aria-hidden=\"true\">{mark}</span><span class=\"tx\">",
            status.as_str(),
            status.as_str()
        );
        self.pieces(p, out);
        out.push_str("</span></div>");
    }

    /// Writes a paragraph's text cut wherever a word mark, a mention or a finding begins or
    /// ends; each piece carries the classes of what covers it.
    fn pieces(&self, p: usize, out: &mut String) {
        let span = self.doc.paragraphs[p].span;
        let words = if self.left { &self.c.words.left } else { &self.c.words.right };
        let marks = words.get(p).unwrap_or_default();
        let mentions = self.c.people.mentions(self.left);
        let from = mentions.partition_point(|m| m.span.end <= span.start);
        let mentions: Vec<_> = mentions[from..].iter().take_while(|m| m.span.start < span.end).collect();
        let findings = &self.findings[p];
        let mut cuts = vec![span.start, span.end];
        let clamp = |x: usize| x.clamp(span.start, span.end);
        for s in marks.iter().map(|m| m.span).chain(mentions.iter().map(|m| m.span)) {
            cuts.extend([clamp(s.start), clamp(s.end)]);
        }
        for (s, _) in findings {
            cuts.extend([clamp(s.start), clamp(s.end)]);
        }
        cuts.sort_unstable();
        cuts.dedup();
        let mut open: Option<Cover> = None;
        for w in cuts.windows(2) {
            let piece = Span::new(w[0], w[1]);
            let covers = |s: Span| s.start <= piece.start && piece.end <= s.end;
            let cover = Cover {
                mark: marks.iter().find(|m| covers(m.span)).map(|m| m.mark),
                person: mentions.iter().find(|m| covers(m.span)).map(|m| m.person),
                finding: findings.iter().any(|(s, _)| covers(*s)),
            };
            // An anchor where a finding starts, so the findings list can link to it.
            let anchors: Vec<&str> =
                findings.iter().filter(|(s, _)| s.start == piece.start).map(|(_, id)| id.as_str()).collect();
            if open != Some(cover) || !anchors.is_empty() {
                if open.is_some() {
                    out.push_str("</span>");
                }
                out.push_str("<span");
                // Only one id per element: further findings starting here get empty anchors.
                if let Some(id) = anchors.first() {
                    let _ = write!(out, " id=\"{id}\"");
                }
                let classes = cover_classes(cover);
                if !classes.is_empty() {
                    let _ = write!(out, " class=\"{classes}\"");
                }
                if let Some(person) = cover.person.and_then(|i| self.c.people.persons.get(i)) {
                    let _ = write!(out, " title=\"{}\"", esc_attr(&person.name));
                }
                out.push('>');
                for id in anchors.iter().skip(1) {
                    let _ = write!(out, "<a id=\"{id}\"></a>");
                }
                open = Some(cover);
            }
            out.push_str(&esc(self.doc.slice(piece)));
        }
        if open.is_some() {
            out.push_str("</span>");
        }
    }
}

/// The id of a finding's `k`th occurrence on one side: `f3l` for the first, `f3l-2` after
/// (in a history, after the step's prefix: `s2-f3l`).
fn anchor(prefix: &str, finding: usize, left: bool, k: usize) -> String {
    let side = if left { 'l' } else { 'r' };
    if k == 0 {
        format!("{prefix}f{finding}{side}")
    } else {
        format!("{prefix}f{finding}{side}-{}", k + 1)
    }
}

fn cover_classes(c: Cover) -> String {
    let mut classes: Vec<String> = Vec::new();
    match c.mark {
        Some(Mark::Removed) => classes.push("del".into()),
        Some(Mark::Inserted) => classes.push("ins".into()),
        Some(Mark::Moved) => classes.push("mov".into()),
        None => {}
    }
    if let Some(p) = c.person {
        classes.push("pp".into());
        classes.push(format!("p{}", p % PERSON_LIGHT.len()));
    }
    if c.finding {
        classes.push("fd".into());
    }
    classes.join(" ")
}

/// Escapes text for an attribute value: the special characters, unsafe ones as their
/// placeholder characters.
fn esc_attr(s: &str) -> String {
    text::sanitize(s).replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// Escapes article text for HTML: the five special characters, and control, bidi and other
/// unsafe characters as visible placeholders (never passed through).
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\r' | '\t' => out.push(' '),
            c if text::is_unsafe(c) => {
                let _ = write!(
                    out,
                    "<span class=\"ph\" title=\"U+{:04X}\">{}</span>",
                    c as u32,
                    text::display_char(c)
                );
            }
            c => out.push(c),
        }
    }
    out
}
