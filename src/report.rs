//! The `--json` output: a stable, documented contract (see README.md), version 1.

use crate::comparison::{Comparison, DiffKind, Link, Row, Summary};
use crate::document::{Document, Kind, Span};
use crate::findings::FindingKind;
use serde::Serialize;

#[derive(Serialize)]
pub struct Report<'a> {
    pub version: u32,
    pub left: DocReport<'a>,
    pub right: Option<DocReport<'a>>,
    pub summary: Summary,
    pub links: &'a [Link],
    pub rows: &'a [Row],
    pub differences: Vec<DifferenceReport<'a>>,
    pub people: Vec<PersonReport<'a>>,
    pub findings: Vec<FindingReport<'a>>,
}

#[derive(Serialize)]
pub struct DifferenceReport<'a> {
    pub kind: DiffKind,
    pub left: Option<[usize; 2]>,
    pub right: Option<[usize; 2]>,
    pub left_text: Option<&'a str>,
    pub right_text: Option<&'a str>,
}

/// A person: the fullest name either version writes, and each mention's `[start, end]`
/// byte span per side (`right` is null when there is one document).
#[derive(Serialize)]
pub struct PersonReport<'a> {
    pub name: &'a str,
    pub left: Vec<[usize; 2]>,
    pub right: Option<Vec<[usize; 2]>>,
}

/// A fact-check finding (see README.md for the kinds).
#[derive(Serialize)]
pub struct FindingReport<'a> {
    pub kind: FindingKind,
    pub left: Option<[usize; 2]>,
    pub right: Option<[usize; 2]>,
    pub left_text: Option<&'a str>,
    pub right_text: Option<&'a str>,
    pub speaker: Option<&'a str>,
    /// For an altered quotation: each changed phrase as written on each side.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<ChangeReport<'a>>,
}

#[derive(Serialize)]
pub struct ChangeReport<'a> {
    pub left: Option<[usize; 2]>,
    pub right: Option<[usize; 2]>,
    pub left_text: Option<&'a str>,
    pub right_text: Option<&'a str>,
}

#[derive(Serialize)]
pub struct DocReport<'a> {
    pub path: &'a str,
    /// Set when the input was not UTF-8 and was converted.
    pub notice: Option<&'a str>,
    pub paragraphs: Vec<ParagraphReport<'a>>,
}

#[derive(Serialize)]
pub struct ParagraphReport<'a> {
    pub text: &'a str,
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
}

fn doc_report(doc: &Document) -> DocReport<'_> {
    DocReport {
        path: &doc.name,
        notice: doc.notice.as_deref(),
        paragraphs: doc
            .paragraphs
            .iter()
            .map(|p| ParagraphReport {
                text: doc.slice(p.span),
                kind: p.kind,
                start: p.span.start,
                end: p.span.end,
            })
            .collect(),
    }
}

impl<'a> Report<'a> {
    pub fn new(c: &'a Comparison) -> Report<'a> {
        let pair = c.right.is_some();
        Report {
            version: 1,
            left: doc_report(&c.left),
            right: c.right.as_ref().map(doc_report),
            summary: c.summary,
            links: &c.links,
            rows: if pair { &c.rows } else { &[] },
            differences: c
                .differences
                .iter()
                .map(|d| DifferenceReport {
                    kind: d.kind,
                    left: d.left.map(|(_, s)| [s.start, s.end]),
                    right: d.right.map(|(_, s)| [s.start, s.end]),
                    left_text: d.left.map(|(_, s)| c.left.slice(s)),
                    right_text: d.right.and_then(|(_, s)| c.right.as_ref().map(|r| r.slice(s))),
                })
                .collect(),
            people: c
                .people
                .persons
                .iter()
                .map(|p| PersonReport {
                    name: &p.name,
                    left: p.left.iter().map(|s| [s.start, s.end]).collect(),
                    right: pair.then(|| p.right.iter().map(|s| [s.start, s.end]).collect()),
                })
                .collect(),
            findings: c
                .findings
                .iter()
                .map(|f| {
                    let lt = |s: Option<Span>| s.map(|s| c.left.slice(s));
                    let rt = |s: Option<Span>| s.and_then(|s| c.right.as_ref().map(|r| r.slice(s)));
                    let pair = |s: Option<Span>| s.map(|s| [s.start, s.end]);
                    FindingReport {
                        kind: f.kind,
                        left: pair(f.left),
                        right: pair(f.right),
                        left_text: lt(f.left),
                        right_text: rt(f.right),
                        speaker: f.speaker.as_deref(),
                        changes: f
                            .changes
                            .iter()
                            .map(|&(l, r)| ChangeReport {
                                left: pair(l),
                                right: pair(r),
                                left_text: lt(l),
                                right_text: rt(r),
                            })
                            .collect(),
                    }
                })
                .collect(),
        }
    }
}

/// Writes the report as pretty-printed JSON and a newline, streamed: a large pair's report
/// (hundreds of MB for a million paragraphs) is never held whole in memory.
pub fn write_json(c: &Comparison, out: &mut impl std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &Report::new(c))?;
    writeln!(out)
}

/// The report as pretty-printed JSON.
pub fn to_json(c: &Comparison) -> String {
    // Serialising plain structs of strings and numbers cannot fail; NaN scores are never made.
    serde_json::to_string_pretty(&Report::new(c)).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}
