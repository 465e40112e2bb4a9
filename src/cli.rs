//! The command line: one clap definition, from which `--help`, the shell completions and the
//! man page are all generated, so none of them can drift from the others.

use crate::config::ThemeChoice;
use clap::{CommandFactory, Parser, ValueEnum};
use std::io::Write;
use std::path::PathBuf;

/// Compare two versions of a news article, paragraphs aligned by meaning.
#[derive(Parser, Debug)]
#[command(
    name = "redline",
    version,
    about,
    after_help = "Inputs can be text files, saved web pages, http(s) addresses, or - for standard input.\n\
                  Three or more are read as one story's versions, oldest first.\n\
                  With no files, opens the bundled example pair. Keys: press ? in the reader.\n\
                  Settings (theme, width, keys): the config file, see README.md; REDLINE_CONFIG\n\
                  names another. Exit status with --json or --text: 0 no differences, 1 differences, 2 trouble."
)]
pub struct Cli {
    /// The versions in order: the original, then each later one (files, web addresses, or -
    /// for standard input). Two compare a pair; three or more are a story's history.
    #[arg(value_name = "VERSION", value_hint = clap::ValueHint::AnyPath, conflicts_with = "git_history")]
    pub inputs: Vec<String>,
    /// Every committed version of PATH in its git repository, oldest first, as a history.
    #[arg(long, value_name = "PATH", value_hint = clap::ValueHint::FilePath)]
    pub git_history: Option<PathBuf>,
    /// Print the analysis as JSON, without the reader (one input, two, or a history).
    #[arg(long)]
    pub json: bool,
    /// Print the versions side by side as text (every step of a history), without the reader.
    #[arg(long, conflicts_with = "json")]
    pub text: bool,
    /// With --text: only rows that differ.
    #[arg(long, requires = "text")]
    pub only_changes: bool,
    /// With --text: columns of output [default: the config file's width, the terminal's, or 120].
    #[arg(long, requires = "text", value_parser = clap::value_parser!(u16).range(40..=1000))]
    pub width: Option<u16>,
    /// With --text: when to colour the output.
    #[arg(long, value_enum, default_value_t = When::Auto, requires = "text")]
    pub color: When,
    /// Colours for a light or dark terminal background [default: the config file's, or auto: ask the terminal].
    #[arg(long, value_enum)]
    pub theme: Option<ThemeChoice>,
    /// Write a self-contained HTML report to FILE (can be combined with --json or --text).
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub html: Option<PathBuf>,
    /// Print a completion script for SHELL (bash, zsh, fish, powershell, elvish) and exit.
    #[arg(long, value_name = "SHELL", exclusive = true)]
    pub completions: Option<clap_complete::Shell>,
    /// Print the manual page (roff, for man) and exit.
    #[arg(long, exclusive = true)]
    pub man: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum When {
    /// When standard output is a terminal and NO_COLOR is not set.
    Auto,
    Always,
    Never,
}

/// Writes the completion script for a shell.
pub fn completions(shell: clap_complete::Shell, out: &mut impl Write) {
    clap_complete::generate(shell, &mut Cli::command(), "redline", out);
}

/// Writes the man page (section 1, roff): the options as `--help` gives them, then the
/// reader's keys (from the key table) and the config file.
pub fn man_page(out: &mut impl Write) -> std::io::Result<()> {
    clap_mangen::Man::new(Cli::command()).render(out)?;
    writeln!(out, ".SH KEYS")?;
    for (keys, what) in crate::keymap::Keymap::default().help_entries() {
        writeln!(out, ".TP\n\\fB{}\\fR\n{}", roff(&keys), roff(what))?;
    }
    writeln!(out, ".SH FILES")?;
    writeln!(
        out,
        ".TP\n\\fI$XDG_CONFIG_HOME/redline/config.toml\\fR (\\fI~/.config/redline/config.toml\\fR)\n{}",
        roff(
            "Settings: theme = \"auto\" | \"light\" | \"dark\"; width = the --text columns; and a [keys] table \
             giving actions other keys, e.g. next-difference = [\"n\", \"Ctrl-n\"]. \
             REDLINE_CONFIG names another file."
        )
    )?;
    writeln!(out, ".SH ENVIRONMENT\n.TP\n\\fBNO_COLOR\\fR\nWhen set and not empty, no colours (bold, underline and reverse instead).")?;
    writeln!(out, ".TP\n\\fBREDLINE_CONFIG\\fR\nThe config file to read instead of the default one.")
}

/// Text made safe for roff: backslashes and hyphens escaped, no line starting with a control
/// character.
fn roff(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    match escaped.chars().next() {
        Some('.' | '\'') => format!("\\&{escaped}"),
        _ => escaped,
    }
}
