//! Sharing and scripting: `--text` (golden output), `--html` (a self-contained, escaped
//! report holding every paragraph), web pages and web addresses as input, and exit codes.

mod common;

use scraper::{Html, Selector};
use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn redline(args: &[&str]) -> Output {
    redline_env(args, &[])
}

fn redline_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_redline"));
    cmd.args(args).stdin(Stdio::null()).env_remove("NO_COLOR");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("runs")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("redline-share-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

const GOLDEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/bundled-text-120.txt");

/// `--text --width 120` of the bundled pair, byte for byte. After a deliberate change to the
/// view, regenerate with `REDLINE_BLESS=1 cargo test --test share` and review the diff.
#[test]
fn text_output_of_the_bundled_pair_matches_the_golden_file() {
    let out = redline(&["--text", "--width", "120"]);
    assert_eq!(out.status.code(), Some(1), "the versions differ: {}", String::from_utf8_lossy(&out.stderr));
    let got = stdout(&out);
    if std::env::var_os("REDLINE_BLESS").is_some() {
        std::fs::write(GOLDEN, &got).unwrap();
    }
    let want = std::fs::read_to_string(GOLDEN).expect("golden file (REDLINE_BLESS=1 writes it)");
    assert!(
        got == want,
        "--text output differs from {GOLDEN}; first differing line:\n{}",
        first_diff(&got, &want)
    );
    // Not a terminal: plain, and no line wider than asked.
    assert!(!got.contains('\u{1b}'));
    for line in got.lines().take_while(|l| !l.starts_with("similarity")) {
        assert!(redline::text::width(line) <= 120, "{line}");
    }
}

fn first_diff(a: &str, b: &str) -> String {
    let (mut la, mut lb) = (a.lines(), b.lines());
    for n in 1.. {
        match (la.next(), lb.next()) {
            (None, None) => return "(same lines, different line endings)".into(),
            (x, y) if x != y => return format!("line {n}:\n got: {x:?}\nwant: {y:?}"),
            _ => {}
        }
    }
    unreachable!()
}

#[test]
fn text_output_shows_every_paragraph_on_its_side() {
    let c = common::bundled_pair();
    let got = stdout(&redline(&["--text", "--width", "160"]));
    let (mut left, mut right) = (String::new(), String::new());
    for line in got.lines().skip(2).take_while(|l| l.contains('│')) {
        let (l, r) = line.split_once('│').unwrap();
        // Past each side's marker column.
        left.extend(l.chars().skip(2));
        left.push(' ');
        right.extend(r.chars().skip(3));
        right.push(' ');
    }
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let (left, right) = (words(&left), words(&right));
    for (doc, shown) in [(&c.left, &left), (c.right.as_ref().unwrap(), &right)] {
        for i in 0..doc.paragraphs.len() {
            let para = words(doc.para_text(i));
            assert!(shown.contains(&para), "{}: paragraph {i} not shown whole: {para}", doc.name);
        }
    }
}

#[test]
fn text_colour_follows_the_flag_and_no_color() {
    let always = stdout(&redline(&["--text", "--color", "always"]));
    assert!(always.contains("\u{1b}["), "coloured");
    assert!(always.lines().all(|l| l.ends_with("\u{1b}[0m")), "each line resets its style");
    let never = stdout(&redline(&["--text", "--color", "never"]));
    assert!(!never.contains('\u{1b}'));
    // Auto with standard output not a terminal (a pipe here): plain.
    let auto = stdout(&redline_env(&["--text"], &[("NO_COLOR", "1")]));
    assert!(!auto.contains('\u{1b}'));
    assert_eq!(auto.lines().next().unwrap().chars().filter(|&c| c == '│').count(), 1);
}

#[test]
fn text_only_changes_leaves_out_unchanged_rows_and_says_so() {
    let dir = temp_dir("only");
    let (a, b) = (dir.join("a.txt"), dir.join("b.txt"));
    std::fs::write(&a, "Alpha stays the same.\n\nBeta stays too.\n\nGamma was here.\n").unwrap();
    std::fs::write(&b, "Alpha stays the same.\n\nBeta stays too.\n\nGamma was there, said Ann Lee.\n")
        .unwrap();
    let out =
        redline(&[a.to_str().unwrap(), b.to_str().unwrap(), "--text", "--only-changes", "--width", "80"]);
    assert_eq!(out.status.code(), Some(1));
    let s = stdout(&out);
    assert!(s.contains("⋯ 2 unchanged rows left out"), "{s}");
    assert!(!s.contains("Alpha") && !s.contains("Beta"), "{s}");
    assert!(s.contains("Gamma was here.") && s.contains("Gamma was there"), "{s}");
    assert!(s.contains("Ann Lee") && s.contains("only in the right version"), "{s}");
}

#[test]
fn text_into_a_closed_pipe_is_not_an_error() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_redline"))
        .args(["--text"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.as_mut().unwrap().read_exact(&mut first).unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_ne!(out.status.code(), Some(2));
}

#[test]
fn exit_status_is_0_same_1_different_2_trouble() {
    let dir = temp_dir("exit");
    let (a, b) = (dir.join("a.txt"), dir.join("b.txt"));
    std::fs::write(&a, "One paragraph here.\n\nAnother one.\n").unwrap();
    std::fs::write(&b, "One paragraph here.\n\nAnother one, changed.\n").unwrap();
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    for mode in ["--json", "--text"] {
        assert_eq!(redline(&[a, a, mode]).status.code(), Some(0), "{mode}: identical");
        assert_eq!(redline(&[a, b, mode]).status.code(), Some(1), "{mode}: different");
        assert_eq!(redline(&[a, "/no/such/file", mode]).status.code(), Some(2), "{mode}: missing");
    }
    assert_eq!(redline(&[a, "--json"]).status.code(), Some(0), "one file: nothing to differ");
    assert_eq!(redline(&[a, b, "--text", "--width", "5"]).status.code(), Some(2), "bad width");
}

/// Parses a report and returns it with the text of each side's paragraphs, in order.
fn report_paragraphs(html: &str) -> (Html, Vec<String>, Vec<String>) {
    let page = Html::parse_document(html);
    let cells = |n: usize| -> Vec<String> {
        let sel = Selector::parse(&format!("table.pair tbody tr > td:nth-child({n}) .tx")).unwrap();
        page.select(&sel).map(|e| e.text().collect::<String>()).collect()
    };
    let (l, r) = (cells(1), cells(2));
    (page, l, r)
}

fn norm(s: &str) -> String {
    redline::text::sanitize(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn html_report_of_the_bundled_pair_is_whole_and_self_contained() {
    let dir = temp_dir("html");
    let path = dir.join("report.html");
    let out = redline(&["--html", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.is_empty());
    let html = std::fs::read_to_string(&path).unwrap();
    let lower = html.to_ascii_lowercase();
    for external in ["<script", "<link", "src=", "http://", "https://", "@import", "url("] {
        assert!(!lower.contains(external), "no external resource or script: found {external}");
    }
    let (page, left, right) = report_paragraphs(&html);
    let c = common::bundled_pair();
    // Every paragraph of both versions, each once, in the rows' order.
    let in_rows = |left: bool| -> Vec<String> {
        let doc = if left { &c.left } else { c.right.as_ref().unwrap() };
        c.rows
            .iter()
            .flat_map(|r| if left { r.left } else { r.right })
            .map(|p| norm(doc.para_text(p)))
            .collect()
    };
    assert_eq!(left.iter().map(|s| norm(s)).collect::<Vec<_>>(), in_rows(true));
    assert_eq!(right.iter().map(|s| norm(s)).collect::<Vec<_>>(), in_rows(false));
    assert_eq!(left.len(), c.left.paragraphs.len());
    assert_eq!(right.len(), c.right.as_ref().unwrap().paragraphs.len());
    // Highlights: removed and inserted words, people in their colours, the findings list
    // linking to an anchor on each side.
    let count = |q: &str| page.select(&Selector::parse(q).unwrap()).count();
    assert!(count(".tx .del") > 10 && count(".tx .ins") > 10);
    let putin = Selector::parse(".tx .pp[title=\"Vladimir Putin\"]").unwrap();
    let colours: std::collections::BTreeSet<&str> = page
        .select(&putin)
        .flat_map(|e| e.value().classes())
        .filter(|c| c.len() > 1 && c.starts_with('p') && c[1..].bytes().all(|b| b.is_ascii_digit()))
        .collect();
    assert_eq!(page.select(&putin).count(), 7, "Putin's 4 + 3 mentions");
    assert_eq!(colours.len(), 1, "one colour for one person: {colours:?}");
    assert_eq!(count("table.findings tr"), c.findings.len());
    for link in page.select(&Selector::parse("table.findings a").unwrap()) {
        let id = &link.value().attr("href").unwrap()[1..];
        assert_eq!(count(&format!("[id=\"{id}\"]")), 1, "anchor {id} exists once");
    }
    // No temporary file left beside the report.
    let names: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names.len(), 1, "{names:?}");
}

#[test]
fn html_report_escapes_hostile_input() {
    let dir = temp_dir("escape");
    let (a, b, out_path) = (dir.join("a.txt"), dir.join("b.txt"), dir.join("r.html"));
    std::fs::write(&a, "Safe text & more.\n\n<script>alert('x')</script> said \u{1b}]52;c;aGk=\u{7} here.\n")
        .unwrap();
    std::fs::write(&b, "Safe text & more.\n\n<img src=x onerror=alert(1)> \u{202E}reversed\n").unwrap();
    let out = redline(&[a.to_str().unwrap(), b.to_str().unwrap(), "--html", out_path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let html = std::fs::read_to_string(&out_path).unwrap();
    assert!(!html.contains("<script") && !html.contains("<img"), "markup from the input is escaped");
    assert!(!html.chars().any(|c| c.is_control() && c != '\n'), "no control characters pass");
    assert!(!html.contains('\u{202E}'), "bidi override shown as a placeholder");
    let (_, left, right) = report_paragraphs(&html);
    assert!(left.iter().any(|p| p.contains("<script>alert('x')</script>")), "{left:?}");
    assert!(right.iter().any(|p| p.contains("⇄reversed")), "{right:?}");
}

#[test]
fn html_refuses_to_overwrite_an_input_and_reports_write_errors() {
    let dir = temp_dir("refuse");
    let (a, b) = (dir.join("a.txt"), dir.join("b.txt"));
    std::fs::write(&a, "Left text.\n").unwrap();
    std::fs::write(&b, "Right text.\n").unwrap();
    let out = redline(&[a.to_str().unwrap(), b.to_str().unwrap(), "--html", b.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("refusing to overwrite"));
    assert_eq!(std::fs::read_to_string(&b).unwrap(), "Right text.\n", "input untouched");
    let out = redline(&[a.to_str().unwrap(), b.to_str().unwrap(), "--html", "/no/such/dir/r.html"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&out.stderr).lines().count(), 1);
}

const PAGE: &str = include_str!("fixtures/article.html");
const ARTICLE: &[&str] = &[
    "Envoys head to Moscow for peace talks",
    "US envoys will meet Russian President Vladimir Putin on Tuesday to discuss a proposed peace plan.",
    "The White House said it was “very optimistic” about reaching a deal & that talks had gone well.",
    "What the plan says",
    "The draft asks both sides to:",
    "- freeze the front line;",
    "- exchange all prisoners.",
    "“We will see,” Putin said.",
];

fn paragraphs(json: &[u8], side: &str) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_slice(json).expect("JSON");
    v[side]["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["text"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_saved_web_page_yields_just_the_article() {
    let dir = temp_dir("page");
    // Detected by content: the name says .txt.
    let page = dir.join("saved-page.txt");
    std::fs::write(&page, PAGE).unwrap();
    let out = redline(&[page.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(paragraphs(&out.stdout, "left"), ARTICLE);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["left"]["notice"].as_str().unwrap().contains("HTML"));
    // The byline is metadata, not a paragraph; the text is the extracted article.
    assert_eq!(v["left"]["meta"]["author"], "Ana Ruiz");
    assert_eq!(v["left"]["extracted"], true);
    assert!(v["left"]["meta"]["title"].as_str().unwrap().starts_with("Envoys head to Moscow"));
    // The page's furniture is gone.
    let text = stdout(&out);
    for gone in [
        "Politics", "Share on X", "Advertisement", "Related", "Witkoff", "Leave a Reply", "Most read",
        "dataLayer", "font-family", "Read more", "rights reserved", "Kremlin at dusk",
    ] {
        assert!(!text.contains(gone), "{gone} should be dropped");
    }
}

#[test]
fn a_page_with_no_article_text_is_a_clear_error() {
    let dir = temp_dir("empty-page");
    let page = dir.join("p.html");
    std::fs::write(&page, "<!doctype html><html><head><script>x()</script></head><body><nav><a href=/>Home</a></nav></body></html>").unwrap();
    let out = redline(&[page.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no article text"));
}

/// Serves `body` with `status` to every connection on a local port, for as long as the test
/// runs; returns the base address.
fn serve(status: &'static str, body: &'static str) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut request = [0u8; 4096];
            let _ = stream.read(&mut request);
            let head = format!(
                "HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(body.as_bytes());
        }
    });
    format!("http://{addr}")
}

#[test]
fn a_web_address_is_fetched_and_compared() {
    let base = serve("200 OK", PAGE);
    let url = format!("{base}/world/envoys-moscow/");
    let dir = temp_dir("url");
    let local = dir.join("local.txt");
    std::fs::write(&local, ARTICLE.join("\n\n").replace("Tuesday", "Wednesday")).unwrap();
    let out = redline(&[&url, local.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(paragraphs(&out.stdout, "left"), ARTICLE);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["left"]["path"], url.as_str());
    let changed: Vec<_> =
        v["findings"].as_array().unwrap().iter().filter(|f| f["kind"] == "number_changed").collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert_eq!(changed[0]["left_text"], "Tuesday");
    // The text view names the page by its last path part.
    let text = stdout(&redline(&[&url, local.to_str().unwrap(), "--text"]));
    assert!(text.starts_with("envoys-moscow · "), "{text}");
}

#[test]
fn web_address_failures_are_one_line_errors() {
    let missing = format!("{}/gone", serve("404 Not Found", "no"));
    // A port nothing listens on: bind one, then let it go.
    let closed = {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}/x", l.local_addr().unwrap())
    };
    for (url, says) in [(missing.as_str(), "HTTP 404"), (closed.as_str(), "cannot fetch")] {
        let out = redline(&[url, "--json"]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(url) && err.contains(says), "{err}");
    }
}
