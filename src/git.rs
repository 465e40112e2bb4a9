//! A file's history in a git repository: every committed version of it, oldest first,
//! followed across renames, read through the `git` program (the one every git user has,
//! whatever their repository's format or extensions).

use crate::history::Version;
use crate::input::{self, Source};
use std::path::Path;
use std::process::Command;

/// Runs git in `dir` and returns its standard output, or a one-line reason.
fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, String> {
    let out = Command::new("git").arg("-C").arg(dir).args(args).output().map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            "git is not installed (or not on PATH)".to_string()
        } else {
            format!("cannot run git: {}", input::io_reason(&e))
        }
    })?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        let first = err.lines().find(|l| !l.trim().is_empty()).unwrap_or("git failed");
        return Err(first.trim().trim_start_matches("fatal: ").to_string());
    }
    Ok(out.stdout)
}

/// Every committed version of `path`, oldest first, each named by its commit and dated by
/// it; then the working tree's copy when it differs from the last commit. A version that
/// is not text is an error naming its commit.
pub fn history(path: &Path) -> anyhow::Result<Vec<(Source, Version)>> {
    let shown = path.display();
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let file = path.file_name().ok_or_else(|| anyhow::anyhow!("{shown}: not a file"))?;
    if path.is_dir() {
        anyhow::bail!("{shown}: is a directory");
    }
    let top = git(dir, &["rev-parse", "--show-toplevel"]).map_err(|e| anyhow::anyhow!("{shown}: {e}"))?;
    let top = String::from_utf8_lossy(&top).trim().to_string();
    // Commit, short commit, committer date, subject; then the path that commit gave the file.
    let log = git(
        dir,
        &[
            "log",
            "--follow",
            "--diff-filter=d",
            "--format=%x1e%H%x1f%h%x1f%cd%x1f%s",
            "--date=format:%Y-%m-%d %H:%M",
            "--name-only",
            "--",
            &file.to_string_lossy(),
        ],
    )
    .map_err(|e| anyhow::anyhow!("{shown}: {e}"))?;
    let log = String::from_utf8_lossy(&log);
    let mut versions = Vec::new();
    for record in log.split('\u{1e}').filter(|r| !r.trim().is_empty()) {
        let mut lines = record.lines();
        let head: Vec<&str> = lines.next().unwrap_or("").split('\u{1f}').collect();
        let Some(rel) = lines.map(str::trim).find(|l| !l.is_empty()) else { continue };
        let [hash, short, date, subject] = head[..] else { continue };
        let bytes = git(Path::new(&top), &["cat-file", "blob", &format!("{hash}:{rel}")])
            .map_err(|e| anyhow::anyhow!("{shown} at {short}: {e}"))?;
        let name = format!("{rel}@{short}");
        let source = input::from_bytes(&name, &bytes).map_err(|e| anyhow::anyhow!("{e}"))?;
        let subject = crate::text::sanitize(subject);
        let label = if subject.is_empty() { short.to_string() } else { format!("{short} {subject}") };
        versions.push((source, Version { name: label, date: Some(date.to_string()) }));
    }
    if versions.is_empty() {
        anyhow::bail!("{shown}: has no committed versions");
    }
    versions.reverse();
    // The copy being edited, when it is not what was last committed.
    if let Ok(bytes) = std::fs::read(path) {
        let last = versions.last().map(|(s, _)| s.text.as_str());
        if let Ok(now) = input::from_bytes(&path.to_string_lossy(), &bytes) {
            if Some(now.text.as_str()) != last {
                versions.push((now, Version { name: "working tree".into(), date: None }));
            }
        }
    }
    if versions.len() < 2 {
        anyhow::bail!("{shown}: has only one version (one commit, no changes since): nothing to compare");
    }
    Ok(versions)
}
