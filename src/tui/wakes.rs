//! Everything that can wake the reader, on one channel: the terminal's events, termination
//! signals, and the terminal going away.
//!
//! Why not `crossterm::event::poll` in the loop: crossterm's reader (its mio source) retries a
//! read of the terminal that returns end of input or an error forever, without returning. When
//! the terminal hangs up (a closed window, a dropped ssh session, `tmux kill-session`) a loop
//! that polls crossterm never gets control back: it spins at full CPU, never sees a signal,
//! and outlives its terminal. So crossterm reads on a thread of its own, whose blocking the loop
//! never waits on, while a second thread waits in `poll(2)` for the terminal's hang-up and a
//! third forwards SIGTERM, SIGHUP and SIGINT. Whichever comes first wakes the loop at once.

use crossterm::event::{self, Event};
use rustix::event::{PollFd, PollFlags};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::{Handle, Signals};
use std::io::{self, IsTerminal};
use std::os::fd::{AsFd, OwnedFd};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::Duration;

/// What woke the reader.
#[derive(Debug)]
pub enum Wake {
    /// A key, mouse or resize event from the terminal.
    Event(Event),
    /// The terminal can no longer be read.
    InputFailed,
    /// The terminal hung up.
    Hangup,
    /// A termination signal (SIGTERM, SIGHUP or SIGINT) arrived.
    Signal(i32),
}

/// The reader's wake-ups. Dropping it stops the signal thread; the input thread ends with the
/// process (it may be blocked in a read that nothing can interrupt).
pub struct Wakes {
    rx: Receiver<Wake>,
    signals: Handle,
}

impl Wakes {
    /// Starts listening. Signals are caught from here on, so call it before the terminal is
    /// put into raw mode: a signal then always ends the reader through its restoring path.
    pub fn start() -> io::Result<Wakes> {
        let (tx, rx) = mpsc::channel();
        let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT])?;
        let handle = signals.handle();
        let to_loop = tx.clone();
        thread::Builder::new().name("signals".into()).spawn(move || {
            for signal in signals.forever() {
                if to_loop.send(Wake::Signal(signal)).is_err() {
                    break;
                }
            }
        })?;
        if let Some(tty) = terminal_fd() {
            let to_loop = tx.clone();
            thread::Builder::new().name("hangup".into()).spawn(move || watch_hangup(&tty, &to_loop))?;
        }
        thread::Builder::new().name("input".into()).spawn(move || read_events(&tx))?;
        Ok(Wakes { rx, signals: handle })
    }

    /// The next wake-up, waiting at most `timeout` (for ever with `None`); `None` when the time
    /// ran out.
    pub fn next(&self, timeout: Option<Duration>) -> Option<Wake> {
        match timeout {
            Some(t) => match self.rx.recv_timeout(t) {
                Ok(wake) => Some(wake),
                Err(RecvTimeoutError::Timeout) => None,
                // Cannot happen while the input thread lives; read it as a lost terminal.
                Err(RecvTimeoutError::Disconnected) => Some(Wake::Hangup),
            },
            None => Some(self.rx.recv().unwrap_or(Wake::Hangup)),
        }
    }
}

impl Drop for Wakes {
    fn drop(&mut self) {
        self.signals.close();
    }
}

/// Reads terminal events until reading fails; the failure is the last thing sent.
fn read_events(tx: &Sender<Wake>) {
    loop {
        let (wake, last) = match event::read() {
            Ok(e) => (Wake::Event(e), false),
            Err(_) => (Wake::InputFailed, true),
        };
        if tx.send(wake).is_err() || last {
            return;
        }
    }
}

/// The terminal the reader runs in: the controlling terminal, else standard output when it
/// is one.
fn terminal_fd() -> Option<OwnedFd> {
    if let Ok(tty) = std::fs::File::open("/dev/tty") {
        return Some(tty.into());
    }
    let out = io::stdout();
    if out.is_terminal() {
        return out.as_fd().try_clone_to_owned().ok();
    }
    None
}

/// Blocks in `poll(2)` asking for no event at all: the kernel still reports a hang-up or an
/// error on the descriptor, so this wakes only when the terminal goes away, costing nothing
/// until then.
fn watch_hangup(tty: &OwnedFd, tx: &Sender<Wake>) {
    loop {
        let mut fds = [PollFd::new(tty, PollFlags::empty())];
        match rustix::event::poll(&mut fds, None) {
            Ok(_) if fds[0].revents().intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) => {
                let _ = tx.send(Wake::Hangup);
                return;
            }
            Ok(_) | Err(rustix::io::Errno::INTR) => {}
            Err(_) => return,
        }
    }
}
