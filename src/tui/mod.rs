//! The terminal shell: set the terminal up, feed events to the App, draw, and restore the
//! terminal on every way out (normal exit, error, panic).

mod wakes;

use crate::app::{Action, App, Delivery};
use crate::comparison::Comparison;
use crate::history::{Analyser, Pair};
use crate::keymap;
use anyhow::Result;
use crossterm::event::{DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseEventKind};
use crossterm::execute;
use std::io::stdout;
use std::sync::mpsc::{Receiver, RecvTimeoutError, TryRecvError};
use std::time::{Duration, Instant};
use wakes::{Wake, Wakes};

/// Lines the mouse wheel scrolls per notch.
const WHEEL_LINES: usize = 3;

/// How often the screen is redrawn while an analysis runs (for its gauge). An idle reader
/// waits for its next wake-up without a timeout.
const TICK: Duration = Duration::from_millis(50);

/// Why the reader ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The user quit.
    Quit,
    /// A termination signal (its number) ended it.
    Signal(i32),
    /// The terminal went away (hung up, or could no longer be read or written).
    TerminalGone,
}

impl Ending {
    /// The exit status, as a shell reports a process a signal ended: 128 + the signal, and
    /// a lost terminal as a hang-up.
    pub fn exit_status(self) -> u8 {
        let signal = match self {
            Ending::Quit => return 0,
            Ending::Signal(n) => n,
            Ending::TerminalGone => signal_hook::consts::SIGHUP,
        };
        u8::try_from(128 + signal).unwrap_or(u8::MAX)
    }
}

/// Where the reader's analyses come from.
pub enum Analysis {
    /// Nothing runs: the comparison is complete.
    Done,
    /// One pair, analysed elsewhere: its whole texts when a long pair's beginnings are shown
    /// first, then its comparison, each sent when done.
    Pair(Receiver<Delivery>),
    /// A history's pairs: the reader's requests go to the analyser, and each comparison
    /// comes back with its pair.
    History(Receiver<(Pair, Comparison, Duration)>, Analyser),
}

/// Gives the memory freed by the analysis and by the comparison it replaced (the texts'
/// unaligned rows) back to the system now. The allocator returns freed memory on a later
/// allocation, which an idle reader may never make: a million-line pair kept 100 MB so.
fn release_freed_memory() {
    // SAFETY: mimalloc's collection takes no arguments to uphold and may run at any time.
    unsafe { libmimalloc_sys::mi_collect(true) }
}

impl Analysis {
    /// Hands the reader's new requests to the analyser, and tells it the pair on screen.
    fn forward(&self, app: &mut App) {
        if let Analysis::History(_, analyser) = self {
            for (pair, progress) in app.take_requests() {
                analyser.request(pair, progress);
            }
            if let Some(pair) = app.shown_pair() {
                analyser.focus(pair);
            }
        }
    }

    /// Whatever analysis is done, given to the reader, waiting at most `wait` for the first.
    fn deliver(&mut self, app: &mut App, started: Instant, wait: Duration) {
        match self {
            Analysis::Done => {}
            Analysis::Pair(rx) => match rx.recv_timeout(wait) {
                Ok(delivery) => {
                    let done = matches!(delivery, Delivery::Analysed(..));
                    app.deliver(delivery, started.elapsed());
                    if done {
                        *self = Analysis::Done;
                        release_freed_memory();
                    }
                }
                Err(RecvTimeoutError::Disconnected) => {
                    app.analysis = None;
                    app.message = Some("the analysis failed; showing the texts unaligned".into());
                    *self = Analysis::Done;
                }
                Err(RecvTimeoutError::Timeout) => {}
            },
            Analysis::History(rx, _) => {
                // Once every step is in (the blame is made then), the status bar says so.
                let complete = |app: &App| app.history.as_ref().is_some_and(|v| v.blame.is_some());
                let was_complete = complete(app);
                let mut next = rx.recv_timeout(wait);
                while let Ok((pair, c, took)) = next {
                    app.analysed(pair, c, took);
                    next = rx.try_recv().map_err(|e| match e {
                        TryRecvError::Empty => RecvTimeoutError::Timeout,
                        TryRecvError::Disconnected => RecvTimeoutError::Disconnected,
                    });
                }
                if !was_complete && complete(app) {
                    release_freed_memory();
                    let steps = app.history.as_ref().map_or(0, |v| v.versions.len().saturating_sub(1));
                    app.message = Some(format!(
                        "all {steps} steps analysed in {:.2} s",
                        started.elapsed().as_secs_f64()
                    ));
                }
                if let Err(RecvTimeoutError::Disconnected) = next {
                    app.analysis = None;
                    app.message = Some("the analysis failed; showing the texts unaligned".into());
                    *self = Analysis::Done;
                }
            }
        }
    }
}

/// Runs the reader until the user quits. With an analysis running, the reader shows the
/// documents at once and takes each finished comparison when it comes; quitting does not
/// wait.
pub fn run(mut app: App, mut analysis: Analysis) -> Result<Ending> {
    let started = Instant::now();
    analysis.forward(&mut app);
    // A small pair is done before the eye notices: wait a moment rather than flash the
    // unaligned texts. A large one shows at once.
    let size = app.comparison.left.text.len() + app.comparison.right.as_ref().map_or(0, |d| d.text.len());
    let reading = app.analysis.as_ref().is_some_and(|p| p.reading());
    if size < 1 << 20 && app.analysis.is_some() && !reading {
        let until = started + Duration::from_millis(120);
        while app.analysis.is_some() && Instant::now() < until {
            analysis.deliver(&mut app, started, until.saturating_duration_since(Instant::now()));
        }
        if app.history.is_none() {
            app.message = None;
        }
    }
    // Signals are caught before the terminal goes raw, so every one of them ends the reader
    // through the restoring path below.
    let wakes = Wakes::start()?;
    let mut terminal = ratatui::init();
    // ratatui::init installed a panic hook that restores the terminal; put mouse reporting
    // off first, or a crashed reader would leave the shell flooded with mouse codes.
    let restore_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture);
        restore_hook(info);
    }));
    let result = (|| -> Result<Ending> {
        execute!(stdout(), EnableMouseCapture)?;
        let size = terminal.size()?;
        app.resize(size.width, size.height);
        while app.running {
            if let Err(e) = terminal.draw(|frame| frame.render_widget(&app, frame.area())) {
                // A terminal that cannot be written to is gone; anything else is an error.
                return match e.kind() {
                    std::io::ErrorKind::BrokenPipe | std::io::ErrorKind::NotConnected => {
                        Ok(Ending::TerminalGone)
                    }
                    _ if rustix::io::Errno::from_io_error(&e) == Some(rustix::io::Errno::IO) => {
                        Ok(Ending::TerminalGone)
                    }
                    _ => Err(e.into()),
                };
            }
            let wait = app.analysing_any().then_some(TICK);
            match wakes.next(wait) {
                None => {}
                Some(Wake::Event(event)) => handle(&mut app, event),
                Some(Wake::Signal(n)) => return Ok(Ending::Signal(n)),
                Some(Wake::Hangup | Wake::InputFailed) => return Ok(Ending::TerminalGone),
            }
            analysis.forward(&mut app);
            analysis.deliver(&mut app, started, Duration::ZERO);
        }
        Ok(Ending::Quit)
    })();
    // Restoring a terminal that is gone fails at once (EIO); what can be restored is.
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
    drop(wakes);
    // The process ends right after the reader: freeing a long document's millions of
    // allocations (70 ms for a 50 MB pair) would only keep the shell waiting.
    std::mem::forget(app);
    result
}

/// One terminal event, given to the App as an action or an edit.
fn handle(app: &mut App, event: Event) {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => {
            if app.input.is_some() {
                if let Some(edit) = keymap::edit_for(&key) {
                    app.edit(edit);
                }
            } else if let Some(action) = app.keymap.action_for(&key, app.panel.is_some()) {
                app.update(action);
            }
        }
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => (0..WHEEL_LINES).for_each(|_| app.update(Action::LineDown)),
            MouseEventKind::ScrollUp => (0..WHEEL_LINES).for_each(|_| app.update(Action::LineUp)),
            _ => {}
        },
        Event::Resize(w, h) => app.resize(w, h),
        _ => {}
    }
}
