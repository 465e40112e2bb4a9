//! The `redline` binary: parse arguments, read the inputs, then either print JSON or run the
//! reader. Every error ends here as one line on stderr and exit status 2.

use clap::Parser;
use redline::app::App;
use redline::comparison::Comparison;
use redline::document::Document;
use redline::input::{self, Source};
use redline::{bundled, report, tui};
use std::process::ExitCode;

/// Compare two versions of a news article, paragraphs aligned by meaning.
#[derive(Parser, Debug)]
#[command(
    name = "redline",
    version,
    about,
    after_help = "With no files, opens the bundled example pair.\nKeys: press ? in the reader."
)]
struct Cli {
    /// The original version (use - for standard input).
    left: Option<String>,
    /// The rewritten version (use - for standard input).
    right: Option<String>,
    /// Print the analysis as JSON and exit, without the reader (one file or two).
    #[arg(long)]
    json: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("redline: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let (left, right) = match (cli.left, cli.right) {
        (None, _) => (
            Source::from_text(bundled::LEFT_NAME, bundled::LEFT),
            Some(Source::from_text(bundled::RIGHT_NAME, bundled::RIGHT)),
        ),
        (Some(l), None) if cli.json => (input::read_source(&l)?, None),
        (Some(_), None) => anyhow::bail!("give two files to compare (or one file with --json)"),
        (Some(l), Some(r)) if l == "-" && r == "-" => {
            anyhow::bail!("only one side can be read from standard input")
        }
        (Some(l), Some(r)) => (input::read_source(&l)?, Some(input::read_source(&r)?)),
    };
    let comparison = Comparison::new(Document::parse(left), right.map(Document::parse));
    if cli.json {
        println!("{}", report::to_json(&comparison));
        return Ok(());
    }
    let mut app = App::new(comparison, 80, 24);
    app.color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    tui::run(app)
}
