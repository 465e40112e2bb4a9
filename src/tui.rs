//! The terminal shell: set the terminal up, feed events to the App, draw, and restore the
//! terminal on every way out (normal exit, error, panic).

use crate::app::{Action, App};
use crate::keymap;
use anyhow::Result;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseEventKind};
use crossterm::execute;
use std::io::stdout;

/// Lines the mouse wheel scrolls per notch.
const WHEEL_LINES: usize = 3;

/// Runs the reader until the user quits.
pub fn run(mut app: App) -> Result<()> {
    let mut terminal = ratatui::init();
    // ratatui::init installed a panic hook that restores the terminal; put mouse reporting
    // off first, or a crashed reader would leave the shell flooded with mouse codes.
    let restore_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture);
        restore_hook(info);
    }));
    let result = (|| -> Result<()> {
        execute!(stdout(), EnableMouseCapture)?;
        let size = terminal.size()?;
        app.resize(size.width, size.height);
        while app.running {
            terminal.draw(|frame| frame.render_widget(&app, frame.area()))?;
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
