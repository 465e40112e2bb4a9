//! The `--json` output: a stable, documented contract (see README.md): version 1 for one or
//! two documents, version 2 for a history of three versions or more.

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
    pub differences: Differences<'a>,
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
    /// For a one-sided number or date written more than once: its further occurrences on the
    /// same side, `[start, end]` each, in reading order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub repeats: Vec<[usize; 2]>,
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
    /// The language the text is written in (ISO 639-1, "en"), or null when it cannot be told.
    pub language: Option<&'static str>,
    /// For a web page: its title, author, date and site, each null where the page gives none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<&'a crate::extract::Meta>,
    /// Whether the text is the article extracted from a web page (its spans index that
    /// text, not the file's bytes).
    pub extracted: bool,
    pub paragraphs: Paragraphs<'a>,
}

/// A document's paragraphs, written one [`ParagraphReport`] at a time as they are
/// serialized (a million-paragraph document's reports are never all held at once).
pub struct Paragraphs<'a>(&'a Document);

impl Serialize for Paragraphs<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let doc = self.0;
        s.collect_seq((0..doc.paragraphs.len()).map(|k| paragraph_report(doc, k)))
    }
}

fn paragraph_report(doc: &Document, k: usize) -> ParagraphReport<'_> {
    let p = &doc.paragraphs[k];
    ParagraphReport { text: doc.slice(p.span), kind: p.kind, start: p.span.start, end: p.span.end }
}

/// A comparison's differences, written one [`DifferenceReport`] at a time as they are
/// serialized.
pub struct Differences<'a>(&'a Comparison);

impl Serialize for Differences<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let c = self.0;
        s.collect_seq((0..c.differences.len()).map(|k| difference_report(c, k)))
    }
}

fn difference_report(c: &Comparison, k: usize) -> DifferenceReport<'_> {
    let d = c.differences.at(k);
    DifferenceReport {
        kind: d.kind,
        left: d.left.map(|(_, s)| [s.start, s.end]),
        right: d.right.map(|(_, s)| [s.start, s.end]),
        left_text: d.left.map(|(_, s)| c.left.slice(s)),
        right_text: d.right.and_then(|(_, s)| c.right.as_ref().map(|r| r.slice(s))),
    }
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
        language: doc.language.map(crate::language::Language::code),
        meta: doc.meta.as_ref(),
        extracted: doc.meta.is_some(),
        paragraphs: Paragraphs(doc),
    }
}

impl<'a> Report<'a> {
    pub fn new(c: &'a Comparison) -> Report<'a> {
        let pair = c.right.is_some();
        Report {
            version: 1,
            left: doc_report(&c.left),
            right: c.right.as_deref().map(doc_report),
            summary: c.summary,
            links: &c.links,
            rows: if pair { &c.rows } else { &[] },
            differences: Differences(c),
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
                        repeats: f.repeats.iter().map(|s| [s.start, s.end]).collect(),
                    }
                })
                .collect(),
        }
    }
}

/// Writes the report as pretty-printed JSON and a newline, streamed: a large pair's report
/// (hundreds of MB for a million paragraphs) is never held whole in memory.
///
/// The same bytes as serializing [`Report`] (a test holds this), but its long arrays
/// (paragraphs, links, rows, differences, people) are rendered in parallel, a batch of
/// chunks at a time, and written in order: an element's JSON depends only on its depth.
pub fn write_json(c: &Comparison, out: &mut impl std::io::Write) -> std::io::Result<()> {
    let r = Report::new(c);
    let pool = &mut Batches::default();
    out.write_all(b"{")?;
    write_field(out, true, 1, "version", &r.version)?;
    write_key(out, false, 1, "left")?;
    write_doc(out, pool, 1, &r.left)?;
    write_key(out, false, 1, "right")?;
    match &r.right {
        Some(d) => write_doc(out, pool, 1, d)?,
        None => out.write_all(b"null")?,
    }
    write_field(out, false, 1, "summary", &r.summary)?;
    write_key(out, false, 1, "links")?;
    write_seq(out, pool, 1, r.links.len(), |k| &r.links[k])?;
    write_key(out, false, 1, "rows")?;
    write_seq(out, pool, 1, r.rows.len(), |k| &r.rows[k])?;
    write_key(out, false, 1, "differences")?;
    write_seq(out, pool, 1, c.differences.len(), |k| difference_report(c, k))?;
    write_key(out, false, 1, "people")?;
    write_seq(out, pool, 1, r.people.len(), |k| &r.people[k])?;
    write_field(out, false, 1, "findings", &r.findings)?;
    write_break(out, true, 0)?;
    out.write_all(b"}\n")
}

/// A [`DocReport`] as its derived serialization writes it, its paragraphs by [`write_seq`]
/// (`depth`: that of the object it is a value in).
fn write_doc(
    out: &mut impl std::io::Write,
    pool: &mut Batches,
    depth: usize,
    d: &DocReport,
) -> std::io::Result<()> {
    let inner = depth + 1;
    out.write_all(b"{")?;
    write_field(out, true, inner, "path", &d.path)?;
    write_field(out, false, inner, "notice", &d.notice)?;
    write_field(out, false, inner, "language", &d.language)?;
    if let Some(meta) = d.meta {
        write_field(out, false, inner, "meta", meta)?;
    }
    write_field(out, false, inner, "extracted", &d.extracted)?;
    write_key(out, false, inner, "paragraphs")?;
    let doc = d.paragraphs.0;
    write_seq(out, pool, inner, doc.paragraphs.len(), |k| paragraph_report(doc, k))?;
    write_break(out, true, depth)?;
    out.write_all(b"}")
}

/// An object's key (a plain ASCII name) on a line of its own at `depth`, after a comma
/// unless it is the first.
fn write_key(out: &mut impl std::io::Write, first: bool, depth: usize, name: &str) -> std::io::Result<()> {
    write_break(out, first, depth)?;
    write!(out, "\"{name}\": ")
}

/// A key and its value, the value serialized as it is inside an object at `depth`.
fn write_field(
    out: &mut impl std::io::Write,
    first: bool,
    depth: usize,
    name: &str,
    value: &impl Serialize,
) -> std::io::Result<()> {
    write_key(out, first, depth, name)?;
    write_value(out, depth, value)
}

fn write_value(out: &mut impl std::io::Write, depth: usize, value: &impl Serialize) -> std::io::Result<()> {
    let mut ser =
        serde_json::Serializer::with_formatter(&mut *out, SafeFormatter { depth, has_value: false });
    value.serialize(&mut ser).map_err(std::io::Error::other)
}

/// Elements a parallel task renders at most.
const SEQ_CHUNK: usize = 256;
/// The bytes a chunk's rendering aims at: each batch's chunks take as many elements as the
/// previous batch's bytes per element say fill this (up to [`SEQ_CHUNK`]), so that a chunk of
/// long elements (a long paragraph, a person named a thousand times) stays about this size,
/// and the buffers with it.
const CHUNK_BYTES: usize = 32 << 10;
/// Elements a chunk takes in an array's first batch, before any element's size is known: few,
/// so that a first batch of long elements stays small.
const FIRST_CHUNK: usize = 4;
/// Chunks rendered before they are written: enough that the cores seldom wait for a batch's
/// slowest chunk (16 made a million one-word lines' JSON 8% slower), while the two batches'
/// buffers (one written while the other is rendered), reused from batch to batch and array to
/// array, stay a few MB, and a million-element array is never held.
const SEQ_BATCH: usize = 64;

/// Elements a chunk takes where `elements` elements took `bytes` bytes: as many as fill
/// [`CHUNK_BYTES`], at least one and at most [`SEQ_CHUNK`].
fn chunk_elements(bytes: usize, elements: usize) -> usize {
    (CHUNK_BYTES.saturating_mul(elements) / bytes.max(1)).clamp(1, SEQ_CHUNK)
}

/// An array of `n` elements, `item(k)` the k-th, as serde_json's serializer writes it inside
/// an object at `depth`: rendered in parallel chunks, written in order, a batch of chunks
/// written while the next is rendered.
fn write_seq<T: Serialize>(
    out: &mut impl std::io::Write,
    pool: &mut Batches,
    depth: usize,
    n: usize,
    item: impl Fn(usize) -> T + Sync,
) -> std::io::Result<()> {
    use rayon::prelude::*;
    if n == 0 {
        return out.write_all(b"[]");
    }
    out.write_all(b"[")?;
    // A batch's chunks of `per_chunk` elements from `start` on, rendered in parallel, each into
    // its buffer, with how that went.
    let render = |batch: &mut Batch, start: usize, per_chunk: usize| {
        batch.elements = start..(start + per_chunk * SEQ_BATCH).min(n);
        let chunks = batch.elements.len().div_ceil(per_chunk);
        batch.done = batch.bufs[..chunks]
            .par_iter_mut()
            .enumerate()
            .map(|(i, buf)| {
                buf.clear();
                let from = start + i * per_chunk;
                for k in from..(from + per_chunk).min(n) {
                    write_break(buf, k == 0, depth + 1)?;
                    write_value(buf, depth + 1, &item(k))?;
                }
                Ok(())
            })
            .collect();
    };
    // Two sets of buffers, reused from batch to batch and from array to array (grown once,
    // their pages faulted in once): while this thread writes one batch out, the pool renders
    // the next into the other, so writing to a file or a pipe costs little beyond the
    // rendering.
    let mut ready = pool.take();
    render(&mut ready, 0, FIRST_CHUNK);
    let mut spare = None;
    while ready.elements.end < n {
        let mut rendering = spare.take().unwrap_or_else(|| pool.take());
        let (start, per_chunk) = (ready.elements.end, ready.per_chunk());
        let written = rayon::in_place_scope(|s| {
            s.spawn(|_| render(&mut rendering, start, per_chunk));
            ready.write(out)
        });
        written?;
        spare = Some(std::mem::replace(&mut ready, rendering));
    }
    let written = ready.write(out);
    pool.0.push(ready);
    pool.0.extend(spare);
    written?;
    write_break(out, true, depth)?;
    out.write_all(b"]")
}

/// The batches of buffers [`write_seq`] renders into, kept from one array to the next.
#[derive(Default)]
struct Batches(Vec<Batch>);

impl Batches {
    /// A batch of [`SEQ_BATCH`] buffers (a kept one if there is one).
    fn take(&mut self) -> Batch {
        self.0.pop().unwrap_or_else(|| Batch {
            bufs: (0..SEQ_BATCH).map(|_| Vec::with_capacity(CHUNK_BYTES)).collect(),
            done: Vec::new(),
            elements: 0..0,
        })
    }
}

/// A batch of rendered chunks: each chunk's buffer, whether its rendering went well, and
/// which elements they hold.
struct Batch {
    bufs: Vec<Vec<u8>>,
    done: Vec<std::io::Result<()>>,
    elements: std::ops::Range<usize>,
}

impl Batch {
    /// Elements a chunk of the next batch takes: as many as fill [`CHUNK_BYTES`] at this
    /// batch's bytes per element.
    fn per_chunk(&self) -> usize {
        chunk_elements(self.bufs.iter().take(self.done.len()).map(Vec::len).sum(), self.elements.len())
    }

    /// Writes the chunks out in order, up to the first that failed (its error is returned).
    fn write(&mut self, out: &mut impl std::io::Write) -> std::io::Result<()> {
        for (done, buf) in self.done.drain(..).zip(&self.bufs) {
            done?;
            out.write_all(buf)?;
        }
        Ok(())
    }
}

/// The report as pretty-printed JSON.
pub fn to_json(c: &Comparison) -> String {
    let mut out = Vec::new();
    // Writing plain structs of strings and numbers into memory cannot fail; NaN scores are
    // never made.
    match write_json(c, &mut out) {
        Ok(()) => String::from_utf8_lossy(&out).trim_end().to_owned(),
        Err(e) => format!("{{\"error\": \"{e}\"}}"),
    }
}

/// serde_json's pretty printer (two spaces an indent level), except that strings never carry a
/// character that a terminal showing the output could obey: serde_json escapes C0 controls
/// itself; this also writes DEL, the C1 controls (U+0080–U+009F: 0x9B is a one-byte CSI) and
/// the bidi controls as `\uXXXX`, and the line and paragraph separators U+2028/U+2029, which
/// end lines for some readers. The JSON value is the same; only its spelling is safe to print.
///
/// The layout is written here rather than delegated to `serde_json::ser::PrettyFormatter`,
/// which writes each indent level with a call of its own: a line break and its whole indent go
/// out in one write, and the output is byte for byte the same.
#[derive(Default)]
struct SafeFormatter {
    /// How many arrays and objects are open around the next value.
    depth: usize,
    /// Whether the innermost open array or object has a value yet (it then closes on a line
    /// of its own).
    has_value: bool,
}

/// Whether a character inside a JSON string is written escaped.
fn escaped_in_json(c: char) -> bool {
    crate::text::is_unsafe(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// A comma, a line break and enough spaces for the indent of any ordinary report in one
/// slice: a value's separator and indent are a prefix or suffix of it.
const BREAK: &[u8] = b",\n                                                                                                                                ";

/// Writes a line break (after a comma unless `first`) and the indent of `depth` levels.
fn write_break<W: ?Sized + std::io::Write>(w: &mut W, first: bool, depth: usize) -> std::io::Result<()> {
    let from = usize::from(first);
    let spaces = 2 * depth;
    if spaces <= BREAK.len() - 2 {
        return w.write_all(&BREAK[from..2 + spaces]);
    }
    w.write_all(&BREAK[from..2])?;
    for _ in 0..depth {
        w.write_all(b"  ")?;
    }
    Ok(())
}

impl SafeFormatter {
    fn open<W: ?Sized + std::io::Write>(&mut self, w: &mut W, bracket: &[u8]) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    fn close<W: ?Sized + std::io::Write>(&mut self, w: &mut W, bracket: &[u8]) -> std::io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            write_break(w, true, self.depth)?;
        }
        w.write_all(bracket)
    }
}

impl serde_json::ser::Formatter for SafeFormatter {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        // Printable ASCII needs nothing (serde_json has escaped the C0 controls already):
        // most text is only that, so it is written without looking at its characters. (Told
        // by the standard library's word-at-a-time ASCII test and memchr's search for DEL.)
        if fragment.is_ascii() && memchr::memchr(0x7f, fragment.as_bytes()).is_none() {
            return w.write_all(fragment.as_bytes());
        }
        let mut from = 0;
        for (i, c) in fragment.char_indices().filter(|&(_, c)| escaped_in_json(c)) {
            w.write_all(&fragment.as_bytes()[from..i])?;
            // Every such character is in the Basic Multilingual Plane: one \uXXXX.
            write!(w, "\\u{:04x}", u32::from(c))?;
            from = i + c.len_utf8();
        }
        w.write_all(&fragment.as_bytes()[from..])
    }

    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"[")
    }
    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"]")
    }
    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        write_break(w, first, self.depth)
    }
    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _w: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"{")
    }
    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"}")
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        write_break(w, first, self.depth)
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }
    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _w: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

// ---------------------------------------------------------------- version 2: a history

/// The `--json` output for three versions or more: version 2 of the contract (README.md).
/// Each step is a whole version-1 report.
#[derive(Serialize)]
pub struct HistoryReport<'a> {
    pub version: u32,
    pub versions: Vec<VersionReport<'a>>,
    pub steps: Vec<StepReport<'a>>,
    pub blame: BlameReport<'a>,
    pub timeline: Vec<TrackReport<'a>>,
}

#[derive(Serialize)]
pub struct VersionReport<'a> {
    pub name: &'a str,
    /// The input as given (a path, a web address, `-`, or `PATH@COMMIT` for a git history).
    pub path: &'a str,
    pub date: Option<&'a str>,
}

#[derive(Serialize)]
pub struct StepReport<'a> {
    /// Indexes into `versions`.
    pub from: usize,
    pub to: usize,
    pub comparison: Report<'a>,
}

/// For each paragraph of the latest version (`version`), where each sentence's wording
/// comes from.
#[derive(Serialize)]
pub struct BlameReport<'a> {
    pub version: usize,
    pub paragraphs: Vec<Vec<SentenceReport<'a>>>,
}

#[derive(Serialize)]
pub struct SentenceReport<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// The first version that writes it so, unbroken to the latest.
    pub since: usize,
    /// What version `since - 1` wrote in its place, if it had a sentence like it.
    pub before: Option<TextAt<'a>>,
}

/// A piece of text of one version.
#[derive(Serialize)]
pub struct TextAt<'a> {
    pub version: usize,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

/// A fact that changed more than once: its states (null where a version lacks it) and the
/// change that led to each state after the first.
#[derive(Serialize)]
pub struct TrackReport<'a> {
    pub kind: crate::history::Family,
    pub states: Vec<StateReport<'a>>,
    pub changes: Vec<FindingKind>,
}

#[derive(Serialize)]
pub struct StateReport<'a> {
    pub version: usize,
    pub start: Option<usize>,
    pub end: Option<usize>,
    pub text: Option<&'a str>,
}

impl<'a> HistoryReport<'a> {
    pub fn new(h: &'a crate::history::History) -> HistoryReport<'a> {
        use crate::history::{document, state_text};
        let steps: Vec<&Comparison> = h.steps.iter().collect();
        let doc = |v: usize| document(&steps, v);
        let versions = h
            .versions
            .iter()
            .enumerate()
            .map(|(v, info)| VersionReport {
                name: &info.name,
                path: doc(v).map_or("", |d| d.name.as_str()),
                date: info.date.as_deref(),
            })
            .collect();
        let latest = doc(h.blame.version);
        let blame = BlameReport {
            version: h.blame.version,
            paragraphs: h
                .blame
                .paragraphs
                .iter()
                .map(|sentences| {
                    sentences
                        .iter()
                        .map(|b| SentenceReport {
                            start: b.span.start,
                            end: b.span.end,
                            text: latest.map_or("", |d| d.slice(b.span)),
                            since: b.since,
                            before: b.before.and_then(|s| {
                                let v = b.since.checked_sub(1)?;
                                Some(TextAt {
                                    version: v,
                                    start: s.start,
                                    end: s.end,
                                    text: doc(v)?.slice(s),
                                })
                            }),
                        })
                        .collect()
                })
                .collect(),
        };
        let timeline = h
            .timeline
            .iter()
            .map(|t| TrackReport {
                kind: t.family,
                states: t
                    .states
                    .iter()
                    .map(|&s| StateReport {
                        version: s.version,
                        start: s.span.map(|x| x.start),
                        end: s.span.map(|x| x.end),
                        text: state_text(&steps, s),
                    })
                    .collect(),
                changes: t.kinds.clone(),
            })
            .collect();
        HistoryReport {
            version: 2,
            versions,
            steps: h
                .steps
                .iter()
                .enumerate()
                .map(|(k, c)| StepReport { from: k, to: k + 1, comparison: Report::new(c) })
                .collect(),
            blame,
            timeline,
        }
    }
}

/// Writes a history's report (version 2) as pretty-printed JSON and a newline, streamed.
pub fn write_history_json(h: &crate::history::History, out: &mut impl std::io::Write) -> std::io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, SafeFormatter::default());
    HistoryReport::new(h).serialize(&mut ser)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::{Report, SafeFormatter};
    use crate::comparison::Comparison;
    use crate::document::Document;
    use crate::input::Source;
    use serde::Serialize;

    /// What serializing the derived [`Report`] in one piece writes.
    fn derived(c: &Comparison) -> String {
        let mut out = Vec::new();
        let mut ser = serde_json::Serializer::with_formatter(&mut out, SafeFormatter::default());
        Report::new(c).serialize(&mut ser).unwrap();
        out.push(b'\n');
        String::from_utf8(out).unwrap()
    }

    fn written(c: &Comparison) -> String {
        let mut out = Vec::new();
        super::write_json(c, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn doc(name: &str, text: &str, meta: Option<crate::extract::Meta>) -> Document {
        Document::parse(Source { meta, ..Source::from_text(name, text) })
    }

    /// The parallel writer writes the derived serialization byte for byte: a pair with
    /// differences, people and findings, one document alone, a web page's metadata, control
    /// characters and quotes to escape, an empty text, and arrays longer than one batch of
    /// chunks (so chunk and batch ends fall inside them).
    #[test]
    fn parallel_writer_writes_the_derived_report() {
        let (l, r) = (crate::bundled::LEFT, crate::bundled::RIGHT);
        let bundled = Comparison::new(doc("l", l, None), Some(doc("r", r, None)));
        assert!(!bundled.differences.is_empty() && !bundled.people.persons.is_empty());
        let meta = crate::extract::Meta { title: Some("A \"title\"\u{9b}".into()), ..Default::default() };
        let many: String =
            (0..super::SEQ_CHUNK * super::SEQ_BATCH + 3).map(|k| format!("Line {k}.\n\n")).collect();
        let cases = [
            bundled,
            Comparison::new(doc("one", l, None), None),
            Comparison::new(
                doc("page", "Said \u{1b}[31m \"so\".\n\nMore.", Some(meta)),
                Some(doc("b", "More.", None)),
            ),
            Comparison::new(doc("empty", "", None), Some(doc("e", "", None))),
            Comparison::new(doc("many", &many, None), None),
        ];
        for c in &cases {
            assert_eq!(written(c), derived(c), "{}", c.left.name);
        }
        assert!(cases[4].left.paragraphs.len() > super::SEQ_CHUNK * super::SEQ_BATCH);
    }

    /// A chunk holds about CHUNK_BYTES of rendered elements: one element when each is longer,
    /// SEQ_CHUNK when they are short, and nothing is divided by zero.
    #[test]
    fn chunks_hold_about_a_chunks_bytes() {
        use super::{chunk_elements, CHUNK_BYTES, SEQ_CHUNK};
        assert_eq!(chunk_elements(10 * CHUNK_BYTES, 4), 1);
        assert_eq!(chunk_elements(100, 1), SEQ_CHUNK);
        assert_eq!(chunk_elements(0, 0), 1);
        assert_eq!(chunk_elements(0, 5), SEQ_CHUNK);
        assert_eq!(chunk_elements(64 * 1000, 64), CHUNK_BYTES / 1000);
    }

    /// The layout is serde_json's pretty printer's, byte for byte, at any depth (past the
    /// indent buffer too) and with empty arrays and objects.
    #[test]
    fn layout_is_the_pretty_printers() {
        let mut deep = serde_json::json!({"leaf": [1, "two", null, [], {}], "empty": {}});
        for depth in 0..80 {
            deep = if depth % 2 == 0 {
                serde_json::json!([deep, depth, {"k": []}])
            } else {
                serde_json::json!({"inner": deep, "n": depth})
            };
        }
        let mut ours = Vec::new();
        let mut ser = serde_json::Serializer::with_formatter(&mut ours, SafeFormatter::default());
        deep.serialize(&mut ser).unwrap();
        let theirs = serde_json::to_string_pretty(&deep).unwrap();
        assert!(theirs.lines().any(|l| l.len() - l.trim_start().len() > 2 * 64), "deeper than the buffer");
        assert_eq!(String::from_utf8(ours).unwrap(), theirs);
    }
}
