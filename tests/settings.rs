//! What makes redline fit in: shell completions and the man page from the one clap
//! definition, the light and dark themes, the config file (its settings, its errors, keys
//! rebound through the one key table and shown in the help).

mod common;

use clap::CommandFactory;
use common::{bundled_pair, draw, screen_text};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Color, Modifier};
use redline::app::{Action, App};
use redline::cli::Cli;
use redline::config::{parse, Config, ThemeChoice};
use redline::ui::theme::Background;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn redline(args: &[&str], config: Option<&Path>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_redline"));
    cmd.args(args).stdin(Stdio::null()).env_remove("NO_COLOR");
    match config {
        Some(p) => cmd.env("REDLINE_CONFIG", p),
        // A config file of the machine's user must not change what the tests see.
        None => {
            cmd.env("REDLINE_CONFIG", concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/empty-config.toml"))
        }
    };
    cmd.output().expect("runs")
}

/// Every long flag of the clap definition, as written on the command line.
fn every_flag() -> Vec<String> {
    let mut cmd = Cli::command();
    cmd.build();
    let flags: Vec<String> =
        cmd.get_arguments().filter_map(|a| a.get_long()).map(|l| format!("--{l}")).collect();
    assert!(flags.len() >= 10, "{flags:?}");
    flags
}

#[test]
fn completions_for_every_shell_name_every_flag() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = redline(&["--completions", shell], None);
        assert_eq!(out.status.code(), Some(0), "{shell}: {}", String::from_utf8_lossy(&out.stderr));
        let script = String::from_utf8(out.stdout).unwrap();
        assert!(script.len() > 500, "{shell}: {script}");
        for flag in every_flag() {
            let bare = flag.trim_start_matches('-');
            // fish writes `-l json`, the others `--json`.
            assert!(script.contains(&flag) || script.contains(&format!("-l {bare}")), "{shell} lacks {flag}");
        }
        // The values of the choices complete too.
        assert!(script.contains("light") && script.contains("powershell"), "{shell}");
    }
    // Not a shell: a one-line error, as clap gives it.
    let out = redline(&["--completions", "tcsh"], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_man_page_names_every_flag_and_key() {
    let out = redline(&["--man"], None);
    assert_eq!(out.status.code(), Some(0));
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.starts_with(".ie") || page.contains(".TH redline 1"), "{}", &page[..200.min(page.len())]);
    for flag in every_flag() {
        // roff writes each hyphen as \-.
        assert!(page.contains(&flag.replace('-', "\\-")), "man page lacks {flag}");
    }
    assert!(page.contains(".SH KEYS") && page.contains("next difference") && page.contains(".SH FILES"));
    // The options may not be used with anything else.
    assert_eq!(redline(&["--man", "--json"], None).status.code(), Some(2));
}

/// The style of the first cell whose symbol starts a word the given pane marks as removed.
fn removed_cell(app: &App) -> ratatui::buffer::Cell {
    let buf = draw(app);
    let left_half = buf.area.width / 2;
    buf.content()
        .iter()
        .enumerate()
        .find(|(i, cell)| {
            let x = (*i as u16) % buf.area.width;
            // Not the status bar (blue) and not a notice or the current difference (yellow).
            let ground = !matches!(cell.bg, Color::Reset | Color::Blue | Color::Yellow);
            x < left_half && cell.modifier.contains(Modifier::BOLD) && ground && cell.symbol() != " "
        })
        .map(|(_, c)| c.clone())
        .expect("a removed word on screen")
}

#[test]
fn themes_colour_for_their_background_and_no_color_keeps_the_distinctions() {
    let mut app = App::new(bundled_pair(), 120, 40);
    let dark = removed_cell(&app);
    assert_eq!(
        (dark.bg, dark.fg),
        (Color::Indexed(52), Color::LightRed),
        "dark: deep red ground, light text"
    );
    app.background = Background::Light;
    let light = removed_cell(&app);
    assert_eq!(
        (light.bg, light.fg),
        (Color::Indexed(224), Color::Indexed(88)),
        "light: pale ground, dark text"
    );
    // People are coloured for the background too: no light yellow on white.
    let buf = draw(&app);
    let person_colours: Vec<Color> =
        buf.content().iter().filter(|c| c.modifier.contains(Modifier::UNDERLINED)).map(|c| c.fg).collect();
    assert!(!person_colours.is_empty());
    assert!(!person_colours
        .iter()
        .any(|c| matches!(c, Color::Indexed(229) | Color::Cyan | Color::LightBlue)));
    // NO_COLOR: no colour at all, removed words reversed.
    app.color = false;
    let buf = draw(&app);
    assert!(buf.content().iter().all(|c| c.fg == Color::Reset && c.bg == Color::Reset));
    assert!(buf.content().iter().any(|c| c.modifier.contains(Modifier::REVERSED)));
}

#[test]
fn text_output_takes_the_theme() {
    let args = |theme: &'static str| ["--text", "--color", "always", "--theme", theme, "--width", "100"];
    let light = String::from_utf8(redline(&args("light"), None).stdout).unwrap();
    let dark = String::from_utf8(redline(&args("dark"), None).stdout).unwrap();
    assert!(light.contains("48;5;224") && !light.contains("48;5;52"), "light grounds");
    assert!(dark.contains("48;5;52") && !dark.contains("48;5;224"), "dark grounds");
    // Not a terminal, no colour asked: plain whatever the theme.
    let plain = redline(&["--text", "--theme", "light"], None);
    assert!(!plain.stdout.contains(&0x1b));
}

fn config(text: &str) -> Result<Config, String> {
    parse(text, Path::new("/home/u/.config/redline/config.toml"))
}

#[test]
fn config_settings_and_their_errors() {
    let c = config("# mine\ntheme = \"light\"\nwidth = 90\n").unwrap();
    assert_eq!((c.theme, c.width), (Some(ThemeChoice::Light), Some(90)));
    assert_eq!(config("").unwrap(), Config::default());
    let cases: [(&str, usize, &str); 8] = [
        ("theme = \"sepia\"\n", 1, "theme \"sepia\""),
        ("\nwidth = 20\n", 2, "40 to 1000"),
        ("colour = true\n", 1, "unknown field `colour`"),
        ("[keys]\n\nfly = \"x\"\n", 3, "unknown action \"fly\""),
        ("[keys]\nquit = \"Ctrl-\"\n", 2, "\"Ctrl-\" is not a key"),
        ("[keys]\nquit = \"x\"\nhelp = [\"?\", \"x\"]\n", 3, "key x is bound to both quit and help"),
        // n is next-match's by default: taking it for another action without moving
        // next-match is a key bound twice.
        ("[keys]\nnext-difference = \"n\"\n", 2, "key n is bound to both next-match and next-difference"),
        ("width = [\n", 1, ""),
    ];
    for (text, line, says) in cases {
        let e = config(text).expect_err(text);
        assert!(e.starts_with(&format!("/home/u/.config/redline/config.toml:{line}: ")), "{text:?}: {e}");
        assert!(e.contains(says), "{text:?}: {e}");
        assert_eq!(e.lines().count(), 1, "{e}");
    }
}

fn press(app: &App, c: char, ctrl: bool) -> Option<Action> {
    let mods = if ctrl { KeyModifiers::CONTROL } else { KeyModifiers::NONE };
    app.keymap.action_for(&KeyEvent::new(KeyCode::Char(c), mods), false)
}

#[test]
fn rebound_keys_act_and_the_help_shows_them() {
    let c =
        config("[keys]\nnext-match = \".\"\nnext-difference = [\"n\", \"Ctrl-n\"]\nquit = \"x\"\n").unwrap();
    let mut app = App::new(bundled_pair(), 120, 40);
    app.keymap = c.keymap;
    assert_eq!(press(&app, 'n', false), Some(Action::NextDifference));
    assert_eq!(press(&app, 'n', true), Some(Action::NextDifference));
    assert_eq!(press(&app, '.', false), Some(Action::NextMatch));
    assert_eq!(press(&app, 'x', false), Some(Action::Quit));
    // The defaults of a rebound action are gone; the others stay.
    assert_eq!(press(&app, ']', false), None);
    assert_eq!(press(&app, 'q', false), None);
    assert_eq!(press(&app, 'j', false), Some(Action::LineDown));
    app.update(Action::ToggleHelp);
    let screen = screen_text(&draw(&app)).join("\n");
    let line_of = |what: &str| screen.lines().find(|l| l.contains(what)).unwrap_or_default().to_string();
    assert!(line_of("next difference").contains("n Ctrl-n"), "{screen}");
    assert!(!line_of("next difference").contains(']'), "{screen}");
    assert!(line_of("next search match").contains(". "), "{screen}");
    let quit = screen.lines().find(|l| l.contains(" quit") && !l.contains("or quit")).unwrap_or_default();
    assert!(quit.contains('x') && !quit.contains("q "), "{screen}");
    // The help's closing line and the status bar name the keys in force.
    assert!(screen.contains("? or Esc closes this help"), "{screen}");
    assert!(screen.lines().last().is_some_and(|l| l.contains("? help  x quit")), "{screen}");
    // Panels and messages name the keys in force too.
    let c = config("[keys]\nopen = \"o\"\nfindings-panel = \"F\"\n").unwrap();
    let mut app = App::new(bundled_pair(), 120, 40);
    app.keymap = c.keymap;
    app.update(Action::FindingsPanel);
    app.update(Action::SelectNext);
    let screen = screen_text(&draw(&app)).join("\n");
    assert!(screen.contains("o go to it · F close"), "{screen}");
    assert!(app.message.as_deref().is_some_and(|m| m.contains("(o: go to it)")), "{:?}", app.message);
}

#[test]
fn the_binary_reads_the_config_file_and_names_it_in_errors() {
    let dir = std::env::temp_dir().join(format!("redline-settings-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("config.toml");
    std::fs::write(&file, "width = 60\n").unwrap();
    let out = redline(&["--text"], Some(&file));
    let text = String::from_utf8(out.stdout).unwrap();
    let widest = text.lines().map(redline::text::width).max().unwrap();
    assert_eq!(widest, 60, "the config's width");
    // --width still wins.
    let out = redline(&["--text", "--width", "80"], Some(&file));
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().map(redline::text::width).max(), Some(80));
    std::fs::write(&file, "[keys]\nquit = \"Ctrl-\"\n").unwrap();
    let out = redline(&["--json"], Some(&file));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        err.starts_with(&format!("redline: {}:2: ", file.display())) && err.lines().count() == 1,
        "{err}"
    );
    // REDLINE_CONFIG naming no file is an error too; the default place missing is not.
    let out = redline(&["--json"], Some(&dir.join("missing.toml")));
    assert_eq!(out.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}
