//! The real binary in a pseudo-terminal: the reader never outlives its terminal, a signal
//! ends it with the terminal restored, and asking the terminal for its colours neither
//! delays a silent terminal's first screen nor misses a light terminal's answer.

use portable_pty::{native_pty_system, Child, CommandBuilder, MasterPty, PtySize};
use rustix::event::{PollFd, PollFlags, Timespec};
use rustix::termios::LocalModes;
use std::io::Write;
use std::os::fd::{BorrowedFd, RawFd};
use std::time::{Duration, Instant};

/// How long a reader may take to end after its terminal goes away or a signal arrives.
const ENDS_WITHIN: Duration = Duration::from_secs(2);

struct Reader {
    master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
    output: Vec<u8>,
}

/// Starts the reader on the bundled pair in a 100×30 pseudo-terminal and waits until it has
/// drawn its first screen and gone quiet.
fn start() -> Reader {
    let (master, child) = spawn();
    let mut reader = Reader { master, child, output: Vec::new() };
    let deadline = Instant::now() + Duration::from_secs(30);
    while !reader.drain(Duration::from_millis(400)) || !reader.shown("source.txt") {
        assert!(
            Instant::now() < deadline,
            "no screen within 30 s: {:?}",
            String::from_utf8_lossy(&reader.output)
        );
    }
    reader
}

impl Reader {
    /// Reads what the reader wrote; true when it wrote nothing for `quiet`.
    fn drain(&mut self, quiet: Duration) -> bool {
        !read_available(fd_of(&*self.master), &mut self.output, quiet)
    }

    fn shown(&self, needle: &str) -> bool {
        String::from_utf8_lossy(&self.output).contains(needle)
    }

    /// The terminal's local modes (canonical input, echo…) as the reader left them.
    fn local_modes(&self) -> LocalModes {
        rustix::termios::tcgetattr(fd_of(&*self.master)).expect("read the terminal's modes").local_modes
    }

    fn pid(&self) -> rustix::process::Pid {
        let pid = self.child.process_id().expect("a running child");
        rustix::process::Pid::from_raw(i32::try_from(pid).expect("a pid")).expect("a pid")
    }
}

/// Starts the reader on the bundled pair in a 100×30 pseudo-terminal (an xterm, colour on, no
/// config file of the machine's user) and gives our side of the terminal and the child.
fn spawn() -> (Box<dyn MasterPty + Send>, Box<dyn Child + Send + Sync>) {
    spawn_with(&[])
}

/// As [`spawn`], with arguments.
fn spawn_with(args: &[String]) -> (Box<dyn MasterPty + Send>, Box<dyn Child + Send + Sync>) {
    let pty = native_pty_system()
        .openpty(PtySize { rows: 30, cols: 100, pixel_width: 0, pixel_height: 0 })
        .expect("open a pseudo-terminal");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_redline"));
    cmd.args(args);
    cmd.env("TERM", "xterm-256color");
    cmd.env("REDLINE_CONFIG", concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/empty-config.toml"));
    cmd.env_remove("NO_COLOR");
    let child = pty.slave.spawn_command(cmd).expect("start redline");
    // Only the child may hold the terminal side, or closing ours would not hang it up.
    drop(pty.slave);
    (pty.master, child)
}

/// The descriptor of our side of the terminal.
fn fd_of(master: &dyn MasterPty) -> BorrowedFd<'_> {
    let raw: RawFd = master.as_raw_fd().expect("a Unix pseudo-terminal");
    // SAFETY: the descriptor belongs to `master`, which outlives the borrow.
    unsafe { BorrowedFd::borrow_raw(raw) }
}

/// Reads what is there to read within `wait`; false when nothing came (or the other side
/// is gone).
fn read_available(fd: BorrowedFd<'_>, out: &mut Vec<u8>, wait: Duration) -> bool {
    let timeout = Timespec { tv_sec: 0, tv_nsec: i64::try_from(wait.as_nanos()).unwrap_or(0) };
    let mut fds = [PollFd::new(&fd, PollFlags::IN)];
    if rustix::event::poll(&mut fds, Some(&timeout)) != Ok(1) {
        return false;
    }
    let mut buf = [0u8; 65536];
    match rustix::io::read(fd, &mut buf) {
        Ok(n) if n > 0 => {
            out.extend_from_slice(&buf[..n]);
            true
        }
        _ => false,
    }
}

/// Waits up to `limit` for the child to end, reading its output meanwhile when the terminal
/// is still open; the exit code, or None when it still runs.
fn wait_for_exit(
    child: &mut Box<dyn Child + Send + Sync>,
    limit: Duration,
    mut drain: impl FnMut(),
) -> Option<u32> {
    let deadline = Instant::now() + limit;
    while Instant::now() < deadline {
        if let Some(status) = child.try_wait().expect("wait for the reader") {
            return Some(status.exit_code());
        }
        drain();
        std::thread::sleep(Duration::from_millis(20));
    }
    None
}

#[test]
fn the_reader_ends_when_its_terminal_goes_away() {
    let Reader { master, mut child, .. } = start();
    let pid = child.process_id();
    // Closing the only descriptor of the terminal's other side hangs it up, as closing a
    // window or losing an ssh connection does.
    drop(master);
    let started = Instant::now();
    let ended = wait_for_exit(&mut child, ENDS_WITHIN, || {});
    if ended.is_none() {
        let _ = child.kill();
    }
    assert!(
        ended.is_some(),
        "redline (pid {pid:?}) still runs {:?} after its terminal closed",
        started.elapsed()
    );
}

#[test]
fn sigterm_ends_the_reader_and_restores_the_terminal() {
    let mut reader = start();
    assert!(
        !reader.local_modes().contains(LocalModes::ICANON),
        "the reader should have put the terminal in raw mode"
    );
    let before = reader.output.len();
    rustix::process::kill_process(reader.pid(), rustix::process::Signal::TERM).expect("send SIGTERM");
    let mut output = std::mem::take(&mut reader.output);
    let code = {
        let Reader { master, child, .. } = &mut reader;
        let fd = fd_of(&**master);
        wait_for_exit(child, ENDS_WITHIN, || {
            read_available(fd, &mut output, Duration::ZERO);
        })
    };
    if code.is_none() {
        let _ = reader.child.kill();
    }
    assert_eq!(code, Some(128 + 15), "exit status after SIGTERM (128 + the signal)");
    reader.output = output;
    while !reader.drain(Duration::from_millis(100)) {}
    let modes = reader.local_modes();
    assert!(
        modes.contains(LocalModes::ICANON | LocalModes::ECHO | LocalModes::ISIG),
        "terminal modes not restored: {modes:?}"
    );
    let after = String::from_utf8_lossy(&reader.output[before..]).into_owned();
    for (what, seq) in [
        ("alternate screen left", "\x1b[?1049l"),
        ("cursor shown", "\x1b[?25h"),
        ("mouse reporting off", "\x1b[?1000l"),
    ] {
        assert!(after.contains(seq), "{what}: {seq:?} not written after SIGTERM; wrote {after:?}");
    }
}

/// A terminal that answers nothing (not even the device-attributes question every real
/// terminal answers): the first screen still comes at once after the colour query's short
/// wait, with nothing but escape sequences before it.
#[test]
fn a_terminal_that_does_not_answer_the_colour_query_gets_its_screen_at_once() {
    let started = Instant::now();
    let mut reader = start();
    // `start` waits for 400 ms of quiet after the screen; the screen itself came before.
    let took = started.elapsed().saturating_sub(Duration::from_millis(400));
    assert!(took < Duration::from_millis(1500), "first screen after {took:?}");
    let before_screen = reader.output.split(|&b| b == b'\x1b').next().unwrap_or_default();
    assert!(
        before_screen.is_empty(),
        "printed before its first escape: {:?}",
        String::from_utf8_lossy(before_screen)
    );
    let _ = reader.child.kill();
}

/// A light terminal that answers the colour query: the reader colours for a light
/// background (pale red and green grounds, 256-colour 224 and 194).
#[test]
fn a_light_terminal_gets_the_light_theme() {
    let (master, mut child) = spawn();
    let mut writer = master.take_writer().expect("the terminal's input");
    let mut output = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut answered = false;
    let screen = |o: &[u8]| String::from_utf8_lossy(o).contains("source.txt");
    while !screen(&output) || read_available(fd_of(&*master), &mut output, Duration::from_millis(400)) {
        assert!(Instant::now() < deadline, "no screen: {:?}", String::from_utf8_lossy(&output));
        read_available(fd_of(&*master), &mut output, Duration::from_millis(50));
        // Answer as xterm does: the foreground (black), the background (white), the device.
        if !answered && String::from_utf8_lossy(&output).contains("\x1b]11;?") {
            writer
                .write_all(b"\x1b]10;rgb:0000/0000/0000\x1b\\\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[?62;22c")
                .expect("answer");
            writer.flush().expect("answer");
            answered = true;
        }
    }
    let _ = child.kill();
    let shown = String::from_utf8_lossy(&output);
    assert!(answered, "the reader asked for the background: {shown:?}");
    assert!(shown.contains("48;5;224") || shown.contains("48;5;194"), "light grounds on screen");
    assert!(!shown.contains("48;5;52") && !shown.contains("48;5;22m"), "no dark grounds");
}

/// Types `q` and waits for the reader to end (killing it if it does not); its exit code.
fn quit(
    writer: &mut impl Write,
    master: &dyn MasterPty,
    child: &mut Box<dyn Child + Send + Sync>,
) -> Option<u32> {
    writer.write_all(b"q").expect("type q");
    writer.flush().expect("flush");
    let mut output = Vec::new();
    let code = wait_for_exit(child, ENDS_WITHIN, || {
        read_available(fd_of(master), &mut output, Duration::ZERO);
    });
    if code.is_none() {
        let _ = child.kill();
    }
    code
}

/// What a terminal shows of some output, roughly: the text without its escape sequences
/// (control sequences and operating-system commands), rows run together.
fn visible_text(output: &[u8]) -> String {
    let text = String::from_utf8_lossy(output);
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('\x1b', Some('[')) => {
                chars.next();
                while chars.next().is_some_and(|c| !('\x40'..='\x7e').contains(&c)) {}
            }
            ('\x1b', Some(']')) => {
                while let Some(c) = chars.next() {
                    if c == '\x07' || (c == '\x1b' && chars.next_if_eq(&'\\').is_some()) {
                        break;
                    }
                }
            }
            ('\x1b', _) => {
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

/// A history in the real terminal: its steps analysed by the background workers, `>` going
/// to the next step, and `q` quitting at once.
#[test]
fn a_history_is_stepped_through_in_a_real_terminal() {
    let args: Vec<String> =
        (1..=5).map(|i| format!("{}/tests/data/history/v{i}.txt", env!("CARGO_MANIFEST_DIR"))).collect();
    let (master, mut child) = spawn_with(&args);
    let mut writer = master.take_writer().expect("the terminal's input");
    let mut output = Vec::new();
    let wait_for = |output: &mut Vec<u8>, needle: &str| {
        let deadline = Instant::now() + Duration::from_secs(30);
        while !visible_text(output).contains(needle) {
            assert!(Instant::now() < deadline, "never showed {needle:?}: {:?}", visible_text(output));
            read_available(fd_of(&*master), output, Duration::from_millis(50));
        }
    };
    wait_for(&mut output, "all 4 steps analysed in");
    writer.write_all(b">").expect("type >");
    writer.flush().expect("flush");
    // A resize redraws the whole screen, so the new step's words are all written out.
    std::thread::sleep(Duration::from_millis(200));
    read_available(fd_of(&*master), &mut output, Duration::from_millis(50));
    output.clear();
    master.resize(PtySize { rows: 32, cols: 110, pixel_width: 0, pixel_height: 0 }).expect("resize");
    wait_for(&mut output, "V2 → V3: 1 difference · 2 findings");
    wait_for(&mut output, "v3.txt · 145 words");
    let code = quit(&mut writer, &*master, &mut child);
    assert_eq!(code, Some(0), "q ends the reader at once, background analysis or not");
}

/// A pair longer than the reader parses before its first screen, in the real terminal: the
/// whole texts replace their beginnings (the titles give the whole texts' words), the
/// analysis finishes, and `q` quits.
#[test]
fn a_long_pair_is_read_whole_in_a_real_terminal() {
    let (a, b) = redline::synth::pair(11, 1500);
    assert!(a.len() > redline::document::PREVIEW_BYTES, "longer than a preview: {}", a.len());
    let dir = std::env::temp_dir().join(format!("redline-long-pair-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let paths = [dir.join("long-a.txt"), dir.join("long-b.txt")];
    std::fs::write(&paths[0], &a).expect("write a");
    std::fs::write(&paths[1], &b).expect("write b");
    let words = redline::document::Document::parse(redline::input::Source::from_text("a", a)).word_count();
    let args: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let (master, mut child) = spawn_with(&args);
    let mut writer = master.take_writer().expect("the terminal's input");
    let mut output = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(120);
    let whole = format!("long-a.txt · {words} words");
    // A resize redraws the whole screen: each look is at one whole screen.
    for cols in (0..).map(|i| 100 + i % 2) {
        output.clear();
        master.resize(PtySize { rows: 30, cols, pixel_width: 0, pixel_height: 0 }).expect("resize");
        let look = Instant::now() + Duration::from_millis(500);
        while Instant::now() < look {
            read_available(fd_of(&*master), &mut output, Duration::from_millis(50));
        }
        let screen = visible_text(&output);
        // Analysed: the message says so, or (an analysis done within the reader's first
        // moment shows no message) the status bar's summary has replaced the gauge.
        if screen.contains(&whole) && (screen.contains("analysed in") || screen.contains("% alike ·")) {
            break;
        }
        assert!(Instant::now() < deadline, "never showed the whole analysed text: {screen:?}");
    }
    let code = quit(&mut writer, &*master, &mut child);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(code, Some(0), "q ends the reader");
}
