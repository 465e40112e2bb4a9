//! The `redline` binary: parse arguments, read the inputs, then print JSON or text, write an
//! HTML report, or run the reader. Exit status as `diff`'s: 0 when the versions do not differ,
//! 1 when they do (for `--json` and `--text`; the reader exits 0), 2 on any error, which is
//! printed as one line on stderr.

use clap::Parser;
use rayon::prelude::*;
use redline::app::{App, Delivery};
use redline::cli::{Cli, When};
use redline::comparison::{Comparison, Progress};
use redline::config::{self, Config, ThemeChoice};
use redline::document::{Document, PREVIEW_BYTES};
use redline::history::{History, Version};
use redline::input::{self, Source};
use redline::layout::Layout;
use redline::ui::print::{self, TextOptions};
use redline::ui::theme::Background;
use redline::{bundled, html, report, tui};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::Sender;
use std::sync::Arc;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc v3's `mi_option_purge_delay` (its place in `mi_option_e`; the bindings do not name
/// it), and that option's default in milliseconds (v3's `options.c`), checked before it is
/// changed, so a different build or a user's MIMALLOC_PURGE_DELAY is left alone.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
const MI_PURGE_DELAY_DEFAULT: std::ffi::c_long = 1000;

/// How long freed memory stays with the allocator before it goes back to the system, in
/// milliseconds, in the reader. The analysis frees large buffers phase after phase: mimalloc's
/// second let them pile up (the 4 MB real pair peaked at 165–226 MB resident), while giving
/// them back at once (0) made the next phase fault in and zero fresh huge pages (a
/// million-line pair spent 1.8 s of system time so). A few milliseconds keep the peak as low
/// as at once (133–149 MiB against 143–157 MiB, five runs each) and halve that system time.
const PURGE_DELAY_MS: std::ffi::c_long = 10;

/// The same for `--json`, `--text` and `--html`, which exit once they have written: freed
/// memory kept for a tenth of a second is mostly taken again by the next phase instead of
/// being faulted in afresh. On the 4 MB real pair: 15% fewer page faults and 2–3% less CPU,
/// for a peak of 108–119 MiB instead of 88–99 MiB; a million one-word lines a side peak at
/// 252 MiB instead of 217 MiB, the 50 MB pair at 563 MiB instead of 545 MiB. (Never giving
/// memory back saved more on the real pair, for a peak of 138–141 MiB.)
const BATCH_PURGE_DELAY_MS: std::ffi::c_long = 100;

/// Sets how long freed memory stays with the allocator, unless the user's MIMALLOC_PURGE_DELAY
/// (or a different build of mimalloc) set it already.
fn set_purge_delay(ms: std::ffi::c_long) {
    // SAFETY: reading and setting an allocator option, before any other thread exists.
    unsafe {
        if libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) == MI_PURGE_DELAY_DEFAULT {
            libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, ms);
        }
    }
}

fn main() -> ExitCode {
    // No transparent huge pages: mimalloc asks for them on its whole arena, so each first
    // touch of 2 MiB zeroes all of it, and each purge of part of one splits it and faults it
    // in again. The analysis allocates and frees in many short phases, where that cost more
    // than it saved: a million one-word lines a side took 2.46 s and 397 MiB with them, 2.24 s
    // and 370 MiB without (medians of eight interleaved runs); the 4 MB real pair the same
    // time (0.68 s against 0.67 s, twelve runs) in 95 MiB instead of 116 MiB. The kernel may
    // refuse (an old one): that changes nothing.
    #[cfg(target_os = "linux")]
    let _ = rustix::thread::disable_transparent_huge_pages(true);
    let cli = Cli::parse();
    let batch = cli.json || cli.text || cli.html.is_some();
    set_purge_delay(if batch { BATCH_PURGE_DELAY_MS } else { PURGE_DELAY_MS });
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("redline: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    if let Some(shell) = cli.completions {
        to_stdout(|out| {
            redline::cli::completions(shell, out);
            Ok(())
        })?;
        return Ok(ExitCode::SUCCESS);
    }
    if cli.man {
        to_stdout(|out| redline::cli::man_page(out))?;
        return Ok(ExitCode::SUCCESS);
    }
    let config = config::load()?;
    let theme = cli.theme.or(config.theme).unwrap_or_default();
    let batch = cli.json || cli.text || cli.html.is_some();
    let mut versions: Vec<(Source, Option<Version>)> = match &cli.git_history {
        Some(path) => redline::git::history(path)?.into_iter().map(|(s, v)| (s, Some(v))).collect(),
        None if cli.inputs.is_empty() => vec![
            (Source::from_text(bundled::LEFT_NAME, bundled::LEFT), None),
            (Source::from_text(bundled::RIGHT_NAME, bundled::RIGHT), None),
        ],
        None => {
            if cli.inputs.iter().filter(|i| *i == "-").count() > 1 {
                anyhow::bail!("only one version can be read from standard input");
            }
            // Read side by side (web addresses are fetched at once); the first error in the
            // order given is the one reported.
            let read: Vec<Result<Source, input::InputError>> =
                cli.inputs.par_iter().map(|i| input::read_source(i)).collect();
            read.into_iter().map(|r| r.map(|s| (s, None))).collect::<Result<_, _>>()?
        }
    };
    if versions.len() == 1 && !batch {
        anyhow::bail!("give two files to compare (or one with --json, --text or --html)");
    }
    let inputs: Vec<&str> = cli.inputs.iter().map(String::as_str).collect();
    let analysed = if versions.len() > 2 {
        let infos: Vec<Option<Version>> = versions.iter_mut().map(|(_, v)| v.take()).collect();
        let documents: Vec<Document> = versions.into_par_iter().map(|(s, _)| Document::parse(s)).collect();
        let infos: Vec<Version> =
            infos.into_iter().zip(&documents).map(|(v, d)| v.unwrap_or_else(|| Version::of(d))).collect();
        if !batch {
            return history_reader(documents, infos, &config, theme);
        }
        Analysed::History(Box::new(History::analyse(documents, infos)))
    } else {
        let mut sources = versions.into_iter().map(|(s, _)| s);
        let (Some(left), right) = (sources.next(), sources.next()) else {
            anyhow::bail!("nothing to compare");
        };
        if !batch {
            return reader(left, right, &config, theme);
        }
        Analysed::Pair(Box::new(Comparison::from_sources(left, right)))
    };
    // Never freed: the process ends once the analysis is written, and its memory goes back to
    // the system whole, sooner than a large comparison's allocations freed one by one (the
    // big pair: 2-3 ms on one core).
    let analysed = std::mem::ManuallyDrop::new(analysed);
    if let Some(path) = &cli.html {
        let page = match &*analysed {
            Analysed::Pair(c) => html::report(c),
            Analysed::History(h) => html::history_report(h),
        };
        write_atomically(path, &inputs, page.as_bytes())?;
    }
    let differ = ExitCode::from(u8::from(match &*analysed {
        Analysed::Pair(c) => !c.differences.is_empty(),
        Analysed::History(h) => h.differs(),
    }));
    if cli.json {
        to_stdout(|out| match &*analysed {
            Analysed::Pair(c) => report::write_json(c, out),
            Analysed::History(h) => report::write_history_json(h, out),
        })?;
        return Ok(differ);
    }
    if cli.text {
        let opts = text_options(&cli, &config, theme);
        to_stdout(|out| match &*analysed {
            Analysed::Pair(c) => print::write_text(c, opts, out),
            Analysed::History(h) => print::write_history_text(h, opts, out),
        })?;
        return Ok(differ);
    }
    Ok(ExitCode::SUCCESS)
}

/// What the batch outputs print: one or two documents' comparison, or a history's.
enum Analysed {
    Pair(Box<Comparison>),
    History(Box<History>),
}

/// How `--text` prints: colour as asked or as the terminal allows, the width as given, as
/// configured, or the terminal's.
fn text_options(cli: &Cli, config: &Config, theme: ThemeChoice) -> TextOptions {
    let terminal = std::io::stdout().is_terminal();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let color = match cli.color {
        When::Always => true,
        When::Never => false,
        When::Auto => terminal && !no_color,
    };
    let width = cli.width.or(config.width).unwrap_or_else(|| {
        let size = if terminal { crossterm::terminal::size().ok() } else { None };
        size.map_or(120, |(w, _)| w.clamp(print::MIN_TEXT_WIDTH, print::MAX_TEXT_WIDTH))
    });
    let background = if color { background(theme) } else { Background::Dark };
    TextOptions { width, only_changes: cli.only_changes, color, background }
}

/// Writes to standard output through a buffer. A reader that stops early (`| head`) is not an
/// error.
fn to_stdout(
    write: impl FnOnce(&mut std::io::BufWriter<std::io::StdoutLock>) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    // 64 KiB a write (the default is 8 KiB): a large report goes out in fewer system calls.
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout().lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// Opens the reader on the documents at once and analyses them on another thread.
/// The background to colour for: as chosen, or as the terminal answers (asked before the
/// reader takes the terminal; a terminal that does not answer within a moment is dark).
fn background(theme: ThemeChoice) -> Background {
    match theme {
        ThemeChoice::Light => Background::Light,
        ThemeChoice::Dark => Background::Dark,
        ThemeChoice::Auto => {
            // Long enough for a terminal over a slow connection to answer; terminals that do
            // not support the query are told apart at once (the crate asks a second question
            // every terminal answers), so this wait is only met on a link this slow.
            let mut options = terminal_colorsaurus::QueryOptions::default();
            options.timeout = QUERY_TIMEOUT;
            match terminal_colorsaurus::theme_mode(options) {
                Ok(terminal_colorsaurus::ThemeMode::Light) => Background::Light,
                _ => Background::Dark,
            }
        }
    }
}

/// How long to wait for the terminal to say its background colour.
const QUERY_TIMEOUT: std::time::Duration = std::time::Duration::from_millis(200);

fn reader(
    left: Source,
    right: Option<Source>,
    config: &Config,
    theme: ThemeChoice,
) -> anyhow::Result<ExitCode> {
    let progress = Arc::new(Progress::default());
    let (tx, rx) = std::sync::mpsc::channel();
    let pool = analysis_pool()?;
    let (w, h) = crossterm::terminal::size().unwrap_or((80, 24));
    let long = |s: &Source| s.text.len() > PREVIEW_BYTES;
    // A long pair's beginnings show at once, and the whole texts come when parsed; a short
    // pair is parsed before the first frame.
    let (shown, unread) = if long(&left) || right.as_ref().is_some_and(long) {
        let preview = |s: &Source| Arc::new(Document::preview(s));
        ((preview(&left), right.as_ref().map(preview)), Some((left, right)))
    } else {
        let (left, right) = Document::parse_pair(left, right);
        ((Arc::new(left), right.map(Arc::new)), None)
    };
    progress.set_reading(unread.is_some());
    // The reader says its width before the analysis lays anything out at it.
    let texts = Comparison::unaligned(Arc::clone(&shown.0), shown.1.clone());
    let app = App::analysing(texts, Arc::clone(&progress), w, h);
    std::thread::spawn(move || {
        pool.install(|| {
            let (l, r) = match unread {
                Some((left, right)) => {
                    let (l, r) = Document::parse_pair(left, right);
                    let (l, r) = (Arc::new(l), r.map(Arc::new));
                    let texts = Comparison::unaligned(Arc::clone(&l), r.clone());
                    let layout = Layout::new(&texts, progress.width(), false);
                    progress.set_reading(false);
                    if tx.send(Delivery::Texts(texts, layout)).is_err() {
                        return;
                    }
                    (l, r)
                }
                None => shown,
            };
            analyse(l, r, &progress, &tx);
        })
    });
    run_reader(app, tui::Analysis::Pair(rx), config, theme)
}

/// Analyses a pair for the reader, and sends it laid out at the reader's width.
fn analyse(left: Arc<Document>, right: Option<Arc<Document>>, progress: &Progress, to: &Sender<Delivery>) {
    let c = Comparison::with_progress(left, right, progress);
    let layout = Layout::new(&c, progress.width(), false);
    let _ = to.send(Delivery::Analysed(c, layout));
}

/// The analysis gets worker threads of its own, so the reader's own parallel work (wrapping
/// the texts for the first frame, on the global pool) does not queue behind it.
fn analysis_pool() -> anyhow::Result<rayon::ThreadPool> {
    Ok(rayon::ThreadPoolBuilder::new()
        .thread_name(|i| format!("analysis-{i}"))
        .start_handler(|_| lower_priority())
        .build()?)
}

/// How much nicer (lower in CPU priority) the analysis threads are than the reader: while
/// both want the processor, the reader's first frame (wrapping the texts) gets it first;
/// alone, the analysis runs at full speed.
const ANALYSIS_NICENESS: i32 = 10;
/// The nicest a thread can be made.
const MAX_NICE: i32 = 19;

/// Makes the calling thread (only it: on Linux a thread id names one thread) nicer by
/// [`ANALYSIS_NICENESS`]. Where that fails, the thread keeps its priority.
fn lower_priority() {
    #[cfg(target_os = "linux")]
    {
        let me = Some(rustix::thread::gettid());
        if let Ok(now) = rustix::process::getpriority_process(me) {
            let _ = rustix::process::setpriority_process(me, (now + ANALYSIS_NICENESS).min(MAX_NICE));
        }
    }
}

/// Runs a reader (laid out at the terminal's size from the start, not re-wrapped on the first
/// frame) with the colours and keys in force. Quitting does not wait for an analysis still
/// running: leaving main ends it.
fn run_reader(
    mut app: App,
    analysis: tui::Analysis,
    config: &Config,
    theme: ThemeChoice,
) -> anyhow::Result<ExitCode> {
    app.color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    app.background = if app.color { background(theme) } else { Background::Dark };
    app.keymap = config.keymap.clone();
    let ending = tui::run(app, analysis)?;
    Ok(ExitCode::from(ending.exit_status()))
}

/// Writes `bytes` to `path` through a temporary file in the same directory and a rename, so
/// a reader of `path` never sees half a report; refuses to replace one of the inputs.
fn write_atomically(path: &Path, inputs: &[&str], bytes: &[u8]) -> anyhow::Result<()> {
    let shown = path.display();
    if let Ok(target) = path.canonicalize() {
        if inputs.iter().filter_map(|i| Path::new(i).canonicalize().ok()).any(|i| i == target) {
            anyhow::bail!("{shown}: is one of the inputs; refusing to overwrite it");
        }
        if target.is_dir() {
            anyhow::bail!("{shown}: is a directory");
        }
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.redline-{}.tmp", std::process::id()));
    let result = std::fs::File::create(&tmp)
        .and_then(|mut f| f.write_all(bytes).and_then(|()| f.sync_all()))
        .and_then(|()| std::fs::rename(&tmp, path));
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        anyhow::bail!("{shown}: cannot write the report: {}", input::io_reason(&e));
    }
    Ok(())
}

/// The reader on a history: the first step on screen at once, every step analysed in the
/// background, nearest the one shown first.
fn history_reader(
    documents: Vec<Document>,
    versions: Vec<Version>,
    config: &Config,
    theme: ThemeChoice,
) -> anyhow::Result<ExitCode> {
    let documents: Arc<[Arc<Document>]> = documents.into_iter().map(Arc::new).collect();
    let (tx, rx) = std::sync::mpsc::channel();
    // Two steps at a time, so a small step never waits behind a large one on a machine with
    // cores to spare.
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, HISTORY_WORKERS);
    let analyser =
        redline::history::Analyser::start(Arc::clone(&documents), workers, Arc::new(analysis_pool()?), tx)?;
    let (w, h) = crossterm::terminal::size().unwrap_or((80, 24));
    let app = App::history(versions, documents, w, h);
    run_reader(app, tui::Analysis::History(rx, analyser), config, theme)
}

/// At most this many steps of a history are analysed at once (each also runs in parallel
/// inside; more would only share the same cores).
const HISTORY_WORKERS: usize = 2;
