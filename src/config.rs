//! The user's settings: a TOML file in the platform's config directory
//! (`$XDG_CONFIG_HOME/redline/config.toml` or `~/.config/redline/config.toml` on Linux, the
//! Application Support folder on macOS, `%APPDATA%` on Windows), or where `REDLINE_CONFIG`
//! points. It may set the theme, the default `--text` width and the keys:
//!
//! ```toml
//! theme = "light"          # auto, light or dark
//! width = 100              # --text columns when --width is not given
//! [keys]
//! next-difference = ["n", "Ctrl-n"]
//! next-match = "."         # n is taken now: give its action another key
//! quit = ["q", "x"]
//! ```
//!
//! An action listed under `[keys]` has exactly the keys given (its defaults are dropped). Any
//! mistake (unknown setting or action, a key that is not a key, a key bound to two actions)
//! is one error naming the file and the line.

use crate::action::Action;
use crate::keymap::{parse_key, Key, Keymap};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// Which colours to use: for the terminal's background as it answers, or as given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ThemeChoice {
    /// Ask the terminal for its background (dark when it does not answer).
    #[default]
    Auto,
    Light,
    Dark,
}

/// The settings a config file gives; `None` where it says nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    pub theme: Option<ThemeChoice>,
    pub width: Option<u16>,
    pub keymap: Keymap,
}

/// The config file's path: `REDLINE_CONFIG` when set, else the platform's config directory.
pub fn path() -> Option<(PathBuf, bool)> {
    if let Some(p) = std::env::var_os("REDLINE_CONFIG").filter(|p| !p.is_empty()) {
        return Some((PathBuf::from(p), true));
    }
    use etcetera::BaseStrategy;
    let base = etcetera::choose_base_strategy().ok()?;
    Some((base.config_dir().join("redline").join("config.toml"), false))
}

/// Reads the config file. A missing file in the default place is no settings; a missing file
/// `REDLINE_CONFIG` names, an unreadable or a wrong one, is an error.
pub fn load() -> anyhow::Result<Config> {
    let Some((path, explicit)) = path() else { return Ok(Config::default()) };
    match std::fs::read_to_string(&path) {
        Ok(text) => parse(&text, &path).map_err(anyhow::Error::msg),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !explicit => Ok(Config::default()),
        Err(e) => {
            anyhow::bail!("{}: cannot read the config file: {}", path.display(), crate::input::io_reason(&e))
        }
    }
}

/// The file as TOML gives it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    theme: Option<Spanned<String>>,
    width: Option<Spanned<i64>>,
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, Spanned<Keys>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Keys {
    One(String),
    Many(Vec<String>),
}

/// Parses a config file's text; errors read `FILE:LINE: what is wrong`.
pub fn parse(text: &str, file: &Path) -> Result<Config, String> {
    let line = |at: usize| text[..at.min(text.len())].matches('\n').count() + 1;
    let fail = |at: usize, what: String| format!("{}:{}: {what}", file.display(), line(at));
    let raw: Raw = toml::from_str(text).map_err(|e| {
        let what = e.message().trim().to_string();
        match e.span() {
            Some(s) => fail(s.start, what),
            None => format!("{}: {what}", file.display()),
        }
    })?;
    // In the order written, so an error names the first line at fault.
    let mut keys: Vec<(&Spanned<String>, &Spanned<Keys>)> = raw.keys.iter().collect();
    keys.sort_by_key(|(k, _)| k.span().start);
    let theme = match raw.theme {
        None => None,
        Some(t) => Some(<ThemeChoice as clap::ValueEnum>::from_str(t.get_ref(), true).map_err(|_| {
            fail(t.span().start, format!("theme {:?}: write \"auto\", \"light\" or \"dark\"", t.get_ref()))
        })?),
    };
    let width = match raw.width {
        None => None,
        Some(w) => {
            let (min, max) = (crate::ui::print::MIN_TEXT_WIDTH, crate::ui::print::MAX_TEXT_WIDTH);
            if !(i64::from(min)..=i64::from(max)).contains(w.get_ref()) {
                return Err(fail(w.span().start, format!("width {}: must be {min} to {max}", w.get_ref())));
            }
            Some(*w.get_ref() as u16)
        }
    };
    let mut changes: Vec<(Action, Vec<Key>)> = Vec::new();
    let mut at: Vec<usize> = Vec::new();
    for (name, keys) in keys {
        let action = Action::from_name(name.get_ref()).ok_or_else(|| {
            let known: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
            fail(
                name.span().start,
                format!("unknown action {:?} (actions: {})", name.get_ref(), known.join(", ")),
            )
        })?;
        let written: &[String] = match keys.get_ref() {
            Keys::One(k) => std::slice::from_ref(k),
            Keys::Many(ks) => ks,
        };
        let parsed = written.iter().map(|k| parse_key(k)).collect::<Result<Vec<Key>, String>>();
        changes
            .push((action, parsed.map_err(|e| fail(keys.span().start, format!("{}: {e}", name.get_ref())))?));
        at.push(name.span().start);
    }
    let keymap = Keymap::with_changes(&changes).map_err(|(i, e)| fail(at[i], e))?;
    Ok(Config { theme, width, keymap })
}
