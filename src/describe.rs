//! Words for what a comparison found, shared by the reader, `--text` and the HTML report:
//! the one-line summary and the one-line description of a finding. Plain strings, with input
//! text made safe to show ([`crate::text::sanitize`]).

use crate::comparison::{Comparison, DiffKind};
use crate::document::{Document, Span};
use crate::findings::{Finding, FindingKind};
use crate::text;

/// What a finding says, on one line and safe to draw: the quotation with its changes, the
/// number and what it became, or the one-sided text with how often it stands there ("Monday
/// ×4"; the speaker is not included).
pub fn describe_finding(c: &Comparison, f: &Finding) -> String {
    let quoted = |doc: Option<&Document>, s: Option<Span>| -> String {
        match (doc, s) {
            (Some(d), Some(s)) => text::sanitize(&d.slice(s).replace(['\n', '\r'], " ")),
            _ => "—".to_string(),
        }
    };
    let (l, r) = (quoted(Some(&c.left), f.left), quoted(c.right.as_deref(), f.right));
    match f.kind {
        FindingKind::QuoteAltered => {
            let changes: Vec<String> = f
                .changes
                .iter()
                .map(|&(a, b)| format!("{} → {}", quoted(Some(&c.left), a), quoted(c.right.as_deref(), b)))
                .collect();
            format!("“{l}”  ({})", changes.join("; "))
        }
        FindingKind::QuoteParaphrased if f.left.is_some() && f.right.is_some() => format!("“{l}” → {r}"),
        FindingKind::NumberChanged => format!("{l} → {r}"),
        _ => {
            let one = if f.left.is_some() { l } else { r };
            match f.repeats.len() {
                0 => one,
                n => format!("{one} ×{}", n + 1),
            }
        }
    }
}

/// The comparison in one line, long or compact to fit `width` cells.
pub fn summary_line(c: &Comparison, width: usize) -> String {
    let w = c.words.counts;
    let (omitted, added, moved) =
        (c.count(DiffKind::Omitted), c.count(DiffKind::Added), c.count(DiffKind::Moved));
    let sim = c.summary.similarity * 100.0;
    let long = format!(
        "similarity {sim:.0}% · words {} kept −{} +{} · paragraphs {omitted} omitted {added} added {moved} moved · {} differences · {} people · {} findings",
        w.kept,
        w.removed,
        w.inserted,
        c.differences.len(),
        c.people.persons.len(),
        c.findings.len()
    );
    if long.chars().count() <= width {
        return long;
    }
    format!(
        "{sim:.0}% alike · words ={} −{} +{} · ¶ −{omitted} +{added} ↕{moved} · {} findings (f)",
        w.kept,
        w.removed,
        w.inserted,
        c.findings.len()
    )
}

/// How a version is named to people: V1 for the first (indexes count from 0).
pub fn version_label(v: usize) -> String {
    format!("V{}", v + 1)
}

/// A fact's wordings across a history, on one line and safe to draw: “40” V1 → “45” V3 →
/// — V5 (a dash where a version lacks it).
pub fn describe_track(steps: &[&Comparison], t: &crate::history::Track) -> String {
    t.states
        .iter()
        .map(|&s| match crate::history::state_text(steps, s) {
            Some(x) => {
                format!("“{}” {}", text::sanitize(&x.replace(['\n', '\r'], " ")), version_label(s.version))
            }
            None => format!("— {}", version_label(s.version)),
        })
        .collect::<Vec<_>>()
        .join(" → ")
}

/// A step's differences and findings, counted for a heading or a message: "4 differences ·
/// 1 finding".
pub fn step_counts(c: &Comparison) -> String {
    let (d, f) = (c.differences.len(), c.findings.len());
    let s = |n: usize| if n == 1 { "" } else { "s" };
    format!("{d} difference{} · {f} finding{}", s(d), s(f))
}
