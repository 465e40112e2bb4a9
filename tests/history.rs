//! A story's whole history, on five versions written with a known history
//! (`tests/data/history/README.md`): V2 raises the injured from 40 to 45 and adds a paragraph
//! quoting Tomas Varga; V3 edits the mayor's quotation; V4 raises the injured to 52 and drops
//! the Varga paragraph; V5 puts the quotation back as V1 wrote it.

mod common;

use redline::app::{Action, App, Edit, Panel};
use redline::comparison::Comparison;
use redline::document::Document;
use redline::findings::FindingKind;
use redline::history::{self, Family, History, Version};
use redline::input::Source;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

const QUOTE_V1: &str = "We were warned about these levees years ago and nobody listened.";
const QUOTE_V3: &str = "We were told about the levees and we are now looking at what can be done.";

fn paths() -> Vec<PathBuf> {
    (1..=5)
        .map(|i| Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/data/history/v{i}.txt")))
        .collect()
}

fn documents() -> Vec<Document> {
    paths()
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            Document::parse(Source::from_text(name, std::fs::read_to_string(p).unwrap()))
        })
        .collect()
}

fn analysed() -> History {
    let docs = documents();
    let versions = docs.iter().map(Version::of).collect();
    History::analyse(docs, versions)
}

/// Each state of a track as (version, its text there).
fn states(h: &History, t: &history::Track) -> Vec<(usize, Option<String>)> {
    let steps: Vec<&Comparison> = h.steps.iter().collect();
    t.states.iter().map(|&s| (s.version, history::state_text(&steps, s).map(str::to_owned))).collect()
}

#[test]
fn the_timeline_holds_each_fact_that_changed_more_than_once() {
    let h = analysed();
    assert_eq!(h.steps.len(), 4);
    assert_eq!(h.timeline.len(), 3, "{:#?}", h.timeline);
    let of = |f: Family| h.timeline.iter().find(|t| t.family == f).unwrap();
    let number = of(Family::Number);
    assert_eq!(
        states(&h, number),
        vec![(0, Some("40".into())), (1, Some("45".into())), (3, Some("52".into()))]
    );
    assert_eq!(number.kinds, vec![FindingKind::NumberChanged; 2]);
    // Edited in V3, back in V5: the second change returns to the first wording.
    let quote = of(Family::Quotation);
    assert_eq!(
        states(&h, quote),
        vec![(1, Some(QUOTE_V1.into())), (2, Some(QUOTE_V3.into())), (4, Some(QUOTE_V1.into()))]
    );
    // Added in V2 and dropped in V4.
    let name = of(Family::Name);
    assert_eq!(states(&h, name), vec![(0, None), (1, Some("Tomas Varga".into())), (3, None)]);
    assert_eq!(name.kinds, vec![FindingKind::NameOnlyRight, FindingKind::NameOnlyLeft]);
}

#[test]
fn blame_dates_each_sentence_of_the_latest_version() {
    let h = analysed();
    let last = h.steps.last().unwrap().right.as_ref().unwrap();
    let prev = |v: usize| if v == 0 { None } else { Some(&h.steps[v - 1].left) };
    assert_eq!(h.blame.version, 4);
    assert_eq!(h.blame.paragraphs.len(), last.paragraphs.len());
    let sentence = |needle: &str| {
        h.blame.paragraphs.iter().flatten().find(|b| last.slice(b.span).contains(needle)).unwrap()
    };
    // Untouched since V1.
    let first = sentence("Flooding in the river valley");
    assert_eq!((first.since, first.before), (0, None));
    assert_eq!(sentence("independent inquiry").since, 0);
    // 52 came in V4; V3 said 45.
    let count = sentence("52 people");
    assert_eq!(count.since, 3);
    assert!(prev(count.since).unwrap().slice(count.before.unwrap()).contains("45 people"));
    // The quotation is V1's wording again, but that wording runs unbroken only from V5.
    let quote = sentence(QUOTE_V1);
    assert_eq!(quote.since, 4);
    assert!(prev(4).unwrap().slice(quote.before.unwrap()).contains(QUOTE_V3));
}

#[test]
fn identical_consecutive_versions_are_a_step_without_differences() {
    let mut docs = documents();
    docs.insert(1, docs[0].clone());
    let versions = docs.iter().map(Version::of).collect();
    let h = History::analyse(docs, versions);
    assert!(h.steps[0].differences.is_empty() && h.steps[0].findings.is_empty());
    assert!(!h.steps[1].differences.is_empty());
    assert!(h.differs());
}

fn redline(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_redline"))
        .args(args)
        .env("REDLINE_CONFIG", Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/empty-config.toml"))
        .output()
        .unwrap()
}

fn path_args() -> Vec<String> {
    paths().iter().map(|p| p.to_string_lossy().into_owned()).collect()
}

#[test]
fn json_version_2_carries_every_step_blame_and_timeline() {
    let args = path_args();
    let mut argv: Vec<&str> = args.iter().map(String::as_str).collect();
    argv.push("--json");
    let out = redline(&argv);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["version"], 2);
    let versions = v["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 5);
    assert_eq!(versions[2]["name"], "v3.txt");
    let steps = v["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 4);
    for (k, s) in steps.iter().enumerate() {
        assert_eq!((s["from"].as_u64(), s["to"].as_u64()), (Some(k as u64), Some(k as u64 + 1)));
        // Each step is a whole version-1 report.
        assert_eq!(s["comparison"]["version"], 1);
        assert!(s["comparison"]["rows"].is_array() && s["comparison"]["findings"].is_array());
    }
    assert_eq!(steps[0]["comparison"]["differences"].as_array().unwrap().len(), 2);
    let numbers: Vec<&Value> =
        v["timeline"].as_array().unwrap().iter().filter(|t| t["kind"] == "number").collect();
    assert_eq!(numbers.len(), 1);
    let texts: Vec<&str> =
        numbers[0]["states"].as_array().unwrap().iter().map(|s| s["text"].as_str().unwrap()).collect();
    assert_eq!(texts, ["40", "45", "52"]);
    assert_eq!(v["blame"]["version"], 4);
    let blamed: Vec<&Value> =
        v["blame"]["paragraphs"].as_array().unwrap().iter().flat_map(|p| p.as_array().unwrap()).collect();
    let count = blamed.iter().find(|b| b["text"].as_str().unwrap().contains("52 people")).unwrap();
    assert_eq!(count["since"], 3);
    assert_eq!(count["before"]["version"], 2);
    assert!(count["before"]["text"].as_str().unwrap().contains("45 people"));
    // Two inputs keep version 1's shape.
    let pair = redline(&[&args[0], &args[1], "--json"]);
    let v: Value = serde_json::from_slice(&pair.stdout).unwrap();
    assert_eq!(v["version"], 1);
    assert!(v.get("steps").is_none() && v["left"].is_object());
}

#[test]
fn text_and_html_show_every_step() {
    let args = path_args();
    let mut argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let html = std::env::temp_dir().join(format!("redline-history-{}.html", std::process::id()));
    let html_arg = html.to_string_lossy().into_owned();
    argv.extend(["--text", "--width", "100", "--html", &html_arg]);
    let out = redline(&argv);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    for k in 1..=4 {
        assert!(
            text.contains(&format!("━━ Step {k} of 4: V{k} v{k}.txt → V{} v{}.txt", k + 1, k + 1)),
            "{text}"
        );
    }
    assert!(text.contains("“40” V1 → “45” V2 → “52” V4"), "{text}");
    assert!(text.lines().all(|l| unicode_width::UnicodeWidthStr::width(l) <= 100));
    let page = std::fs::read_to_string(&html).unwrap();
    std::fs::remove_file(&html).ok();
    for k in 1..=4 {
        assert!(page.contains(&format!("<section class=\"step\" id=\"step{k}\">")), "step {k}");
        assert!(page.contains(&format!("href=\"#step{k}\"")), "selector link {k}");
    }
    // Ids are unique across the steps: each step's under its own prefix.
    let ids: Vec<&str> = page.split(" id=\"").skip(1).map(|s| &s[..s.find('"').unwrap()]).collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(ids.len(), unique.len());
    assert!(ids.contains(&"s2-row0") && !page.contains("<script"));
}

#[test]
fn an_unreadable_version_is_named_in_one_line() {
    let args = path_args();
    let out = redline(&[&args[0], &args[1], "no-such-version.txt", &args[3], "--json"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("no-such-version.txt"), "{err}");
    let out = redline(&["-", &args[1], "-", "--json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("only one version"));
}

// ---------------------------------------------------------------- the reader

/// A reader on the history with every step analysed, in an order other than the screen's.
fn reader(width: u16, height: u16) -> App {
    let docs = documents();
    let versions: Vec<Version> = docs.iter().map(Version::of).collect();
    let mut app = App::history(versions, docs.iter().cloned().map(Arc::new).collect(), width, height);
    let requested: Vec<_> = app.take_requests().into_iter().map(|(p, _)| p).collect();
    assert_eq!(requested, vec![(0, 1), (1, 2), (2, 3), (3, 4)]);
    for k in [2, 0, 3, 1] {
        let c = Comparison::new(docs[k].clone(), Some(docs[k + 1].clone()));
        app.analysed((k, k + 1), c, Duration::from_millis(5));
    }
    app
}

fn screen(app: &App) -> Vec<String> {
    common::screen_text(&common::draw(app))
}

#[test]
fn the_version_bar_counts_each_step_and_follows_the_steps() {
    let mut app = reader(140, 34);
    let top = screen(&app)[0].clone();
    assert!(top.contains("V1 v1.txt ─2Δ 2!→ V2 v2.txt ─1Δ 2!→ V3"), "{top}");
    assert!(top.contains("─2Δ 2!→ V4") && top.contains("─1Δ 2!→ V5"), "{top}");
    assert!(screen(&app)[1].contains("v1.txt") && screen(&app)[1].contains("v2.txt"));
    app.update(Action::NextStep);
    app.update(Action::NextStep);
    assert_eq!(app.shown_pair(), Some((2, 3)));
    let s = screen(&app);
    assert!(s[1].contains("v3.txt") && s[1].contains("v4.txt"), "{}", s[1]);
    assert!(s.iter().any(|l| l.contains("At least 45 people") && l.contains("At least 52 people")), "{s:#?}");
    // The differences are this step's: the Varga paragraph is omitted.
    assert_eq!(app.comparison.count(redline::comparison::DiffKind::Omitted), 1);
    app.update(Action::NextStep);
    app.update(Action::NextStep);
    assert_eq!(app.shown_pair(), Some((3, 4)));
    assert_eq!(app.message.as_deref(), Some("the last step"));
    app.update(Action::PrevStep);
    assert_eq!(app.shown_pair(), Some((2, 3)));
    // Any two versions: first against last.
    app.update(Action::PickVersions);
    for c in "1 5".chars() {
        app.edit(Edit::Char(c));
    }
    app.edit(Edit::Commit);
    assert_eq!(app.shown_pair(), Some((0, 4)));
    let requested: Vec<_> = app.take_requests().into_iter().map(|(p, _)| p).collect();
    assert_eq!(requested, vec![(0, 4)]);
    assert!(screen(&app)[0].contains("showing V1 ↔ V5"));
    assert!(app.analysis.is_some(), "shown unaligned while it is analysed");
    let docs = documents();
    app.analysed((0, 4), Comparison::new(docs[0].clone(), Some(docs[4].clone())), Duration::ZERO);
    assert!(app.analysis.is_none());
    // V1 and V5 differ only in the count.
    assert_eq!(app.comparison.findings.len(), 1);
}

#[test]
fn a_step_not_yet_analysed_is_shown_unaligned_and_taken_over_when_done() {
    let docs = documents();
    let versions: Vec<Version> = docs.iter().map(Version::of).collect();
    let mut app = App::history(versions, docs.iter().cloned().map(Arc::new).collect(), 120, 30);
    app.take_requests();
    assert!(app.analysis.is_some());
    assert!(screen(&app)[0].contains("%…→"), "{}", screen(&app)[0]);
    // The second step comes first; the first is still running when the user steps on.
    app.analysed((1, 2), Comparison::new(docs[1].clone(), Some(docs[2].clone())), Duration::ZERO);
    assert!(app.analysis.is_some(), "the pair on screen is not the one that came");
    app.update(Action::NextStep);
    assert_eq!(app.shown_pair(), Some((1, 2)));
    assert!(app.analysis.is_none(), "a ready step shows at once");
    app.update(Action::PrevStep);
    assert!(app.analysis.is_some(), "back to the step still running");
    app.analysed((0, 1), Comparison::new(docs[0].clone(), Some(docs[1].clone())), Duration::ZERO);
    assert!(app.analysis.is_none());
    assert_eq!(app.comparison.findings.len(), 2);
}

#[test]
fn the_blame_panel_reads_the_paragraph_on_top_of_the_latest_version() {
    let mut app = reader(120, 40);
    app.update(Action::BlamePanel);
    assert!(
        screen(&app).iter().any(|l| l.contains("blame reads the latest version, V5")),
        "{:#?}",
        screen(&app)
    );
    app.update(Action::BlamePanel);
    app.update(Action::PickVersions);
    app.edit(Edit::Char('4'));
    app.edit(Edit::Char('5'));
    app.edit(Edit::Commit);
    assert_eq!(app.shown_pair(), Some((3, 4)));
    app.update(Action::BlamePanel);
    assert_eq!(app.panel, Some(Panel::Blame));
    // Before any jump: the paragraph at the top of the right pane.
    assert!(screen(&app).join("\n").contains("V1 Flooding in the river valley"));
    // The step's one difference is the quotation: the jump marks its row, and blame follows.
    app.update(Action::NextDifference);
    let p = app.blame_paragraph().unwrap();
    assert!(app.comparison.right.as_ref().unwrap().para_text(p).contains("mayor"));
    let s = screen(&app).join("\n");
    assert!(s.contains("V5 The mayor, Helena Brandt, said"), "{s}");
    assert!(s.contains("V4 wrote: The mayor, Helena Brandt, said: \"We were told"), "{s}");
    assert!(s.contains("V1 She called for an independent inquiry."), "{s}");
    assert!(s.contains("as in V1 and every version since"), "{s}");
}

#[test]
fn the_findings_panel_lists_the_timeline_and_enter_goes_to_a_facts_last_change() {
    let mut app = reader(140, 40);
    app.update(Action::FindingsPanel);
    let s = screen(&app).join("\n");
    assert!(s.contains("Findings · 2 · 3 across versions"), "{s}");
    let first = s.lines().find(|l| l.contains("number/date: “40” V1 → “45” V2 → “52” V4")).unwrap();
    assert!(first.contains("│ across versions "), "{s}");
    assert!(s.contains("name: — V1 → “Tomas Varga” V2 → — V4"), "{s}");
    // The step's own findings follow.
    assert!(s.contains("number/date changed"), "{s}");
    // The quotation's track: its last change is V4 → V5.
    let quote =
        app.history.as_ref().unwrap().timeline.iter().position(|t| t.family == Family::Quotation).unwrap();
    while app.finding < quote {
        app.update(Action::SelectNext);
    }
    assert!(
        app.message.as_deref().unwrap().contains("a quotation that changed 2 times (V2 → V3 → V5)"),
        "{:?}",
        app.message
    );
    app.update(Action::Open);
    assert_eq!(app.shown_pair(), Some((3, 4)));
    let shown = app.shown_finding.map(|i| &app.comparison.findings[i]).unwrap();
    let right = app.comparison.right.as_ref().unwrap();
    assert_eq!(right.slice(shown.right.unwrap()), QUOTE_V1);
    // The panel's choice is that finding now, after the timeline's entries.
    assert_eq!(app.finding, 3 + app.shown_finding.unwrap());
    // A fact dropped: its last change is the step that drops it.
    let name = app.history.as_ref().unwrap().timeline.iter().position(|t| t.family == Family::Name).unwrap();
    while app.finding > name {
        app.update(Action::SelectPrev);
    }
    app.update(Action::Open);
    assert_eq!(app.shown_pair(), Some((2, 3)));
    let shown = app.shown_finding.map(|i| &app.comparison.findings[i]).unwrap();
    assert_eq!(shown.kind, FindingKind::NameOnlyLeft);
    assert_eq!(app.comparison.left.slice(shown.left.unwrap()), "Tomas Varga");
}

#[test]
fn blame_waits_for_the_step_on_screen_too() {
    let docs: Vec<Document> = documents().into_iter().take(3).collect();
    let versions: Vec<Version> = docs.iter().map(Version::of).collect();
    let mut app = App::history(versions, docs.iter().cloned().map(Arc::new).collect(), 120, 30);
    app.analysed((1, 2), Comparison::new(docs[1].clone(), Some(docs[2].clone())), Duration::ZERO);
    assert!(app.history.as_ref().unwrap().blame.is_none(), "the step on screen is still being analysed");
    app.analysed((0, 1), Comparison::new(docs[0].clone(), Some(docs[1].clone())), Duration::ZERO);
    let blame = app.history.as_ref().unwrap().blame.clone().unwrap();
    assert_eq!(blame.version, 2);
    assert!(blame.paragraphs.iter().flatten().any(|b| b.since == 2), "V3 edited the quotation");
}

// ---------------------------------------------------------------- git

fn git(dir: &Path, args: &[&str]) {
    let ok = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"])
        .args(args)
        .env("GIT_COMMITTER_DATE", "2026-11-20T10:00:00Z")
        .env("GIT_AUTHOR_DATE", "2026-11-20T10:00:00Z")
        .output()
        .unwrap();
    assert!(ok.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&ok.stderr));
}

#[test]
fn a_files_git_history_is_a_history() {
    if Command::new("git").arg("--version").output().is_err() {
        eprintln!("git is not installed: skipped");
        return;
    }
    let dir = std::env::temp_dir().join(format!("redline-git-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).unwrap();
    git(&dir, &["init", "-q"]);
    for (i, p) in paths().iter().enumerate() {
        // The story is renamed after V3: the history follows it.
        let name = if i < 3 { "story.txt" } else { "flood.txt" };
        if i == 3 {
            git(&dir, &["mv", "story.txt", "flood.txt"]);
        }
        std::fs::copy(p, dir.join(name)).unwrap();
        git(&dir, &["add", name]);
        git(&dir, &["commit", "-q", "-m", &format!("version {}", i + 1)]);
    }
    let file = dir.join("flood.txt");
    let out = redline(&["--git-history", &file.to_string_lossy(), "--json"]);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let versions = v["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 5, "{versions:#?}");
    assert!(versions[0]["name"].as_str().unwrap().ends_with(" version 1"), "{}", versions[0]["name"]);
    assert!(versions[0]["path"].as_str().unwrap().starts_with("story.txt@"));
    assert!(versions[4]["path"].as_str().unwrap().starts_with("flood.txt@"));
    assert_eq!(versions[4]["date"], "2026-11-20 10:00");
    let texts: Vec<&str> = v["timeline"].as_array().unwrap().iter().find(|t| t["kind"] == "number").unwrap()
        ["states"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["40", "45", "52"]);
    // An edit not committed yet is the last version.
    std::fs::write(&file, std::fs::read_to_string(&file).unwrap().replace("52", "60")).unwrap();
    let out = redline(&["--git-history", &file.to_string_lossy(), "--json"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["versions"].as_array().unwrap().len(), 6);
    assert_eq!(v["versions"][5]["name"], "working tree");
    // Not in a repository: one line naming the file.
    let outside = std::env::temp_dir().join(format!("redline-nogit-{}.txt", std::process::id()));
    std::fs::write(&outside, "text").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_redline"))
        .args(["--git-history", &outside.to_string_lossy(), "--json"])
        .env("GIT_CEILING_DIRECTORIES", std::env::temp_dir())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&*outside.to_string_lossy()) && err.trim().lines().count() == 1, "{err}");
    std::fs::remove_file(&outside).ok();
    std::fs::remove_dir_all(&dir).ok();
}
