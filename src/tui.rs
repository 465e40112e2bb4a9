//! The terminal shell: set the terminal up, feed events to the App, draw, and restore the
//! terminal on every way out (normal exit, error, panic).

use crate::app::{Action, App};
use crate::comparison::Comparison;
use crate::keymap;
use anyhow::Result;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseEventKind};
use crossterm::execute;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use std::io::stdout;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Lines the mouse wheel scrolls per notch.
const WHEEL_LINES: usize = 3;

/// How often the screen is redrawn while an analysis runs (for its gauge).
const TICK: Duration = Duration::from_millis(50);
/// How often an idle reader looks for a termination signal.
const IDLE: Duration = Duration::from_millis(200);

/// Runs the reader until the user quits. With `analysis`, the reader shows the documents
/// at once and takes the finished comparison from it when it comes; quitting does not wait.
pub fn run(mut app: App, mut analysis: Option<Receiver<Comparison>>) -> Result<()> {
    let started = Instant::now();
    // A small pair is done before the eye notices: wait a moment rather than flash the
    // unaligned texts. A large one shows at once.
    let size = app.comparison.left.text.len() + app.comparison.right.as_ref().map_or(0, |d| d.text.len());
    if let Some(rx) = analysis.as_ref().filter(|_| size < 1 << 20) {
        if let Ok(c) = rx.recv_timeout(Duration::from_millis(120)) {
            app.finish_analysis(c, started.elapsed());
            app.message = None;
            analysis = None;
        }
    }
    let mut terminal = ratatui::init();
    // ratatui::init installed a panic hook that restores the terminal; put mouse reporting
    // off first, or a crashed reader would leave the shell flooded with mouse codes.
    let restore_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture);
        restore_hook(info);
    }));
    // SIGTERM, SIGHUP (the terminal went away) and SIGINT end the reader through the same
    // restoring path as `q`, instead of killing it with the terminal in raw mode.
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [SIGTERM, SIGHUP, SIGINT] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let result = (|| -> Result<()> {
        execute!(stdout(), EnableMouseCapture)?;
        let size = terminal.size()?;
        app.resize(size.width, size.height);
        let mut redraw = true;
        while app.running && !stop.load(Ordering::Relaxed) {
            if redraw || analysis.is_some() {
                terminal.draw(|frame| frame.render_widget(&app, frame.area()))?;
            }
            redraw = true;
            if let Some(rx) = &analysis {
                match rx.try_recv() {
                    Ok(c) => {
                        app.finish_analysis(c, started.elapsed());
                        analysis = None;
                        continue;
                    }
                    Err(TryRecvError::Disconnected) => {
                        app.analysis = None;
                        app.message = Some("the analysis failed; showing the texts unaligned".into());
                        analysis = None;
                        continue;
                    }
                    Err(TryRecvError::Empty) => {}
                }
            }
            let wait = if analysis.is_some() { TICK } else { IDLE };
            if !event::poll(wait)? {
                redraw = false;
                continue;
            }
            match event::read()? {
                Event::Key(key) if key.kind == KeyEventKind::Press => {
                    if app.input.is_some() {
                        if let Some(edit) = keymap::edit_for(&key) {
                            app.edit(edit);
                        }
                    } else if let Some(action) = keymap::action_for(&key, app.panel.is_some()) {
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
        Ok(())
    })();
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}
