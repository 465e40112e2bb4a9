//! The binary as a script sees it: `--json` output, and one-line errors for bad input.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn redline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_redline")).args(args).stdin(Stdio::null()).output().expect("runs")
}

fn redline_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_redline"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("redline-test-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A failed run: exit status 2, one line on stderr naming the input, nothing on stdout.
fn assert_one_line_error(out: &Output, names: &str, says: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "stderr: {err}");
    assert_eq!(err.lines().count(), 1, "one line, got: {err}");
    assert!(err.contains(names) && err.contains(says), "{err}");
    assert!(!err.contains("panicked") && !err.contains("backtrace"));
    assert!(out.stdout.is_empty());
}

#[test]
fn bad_inputs_get_one_line_errors() {
    let dir = temp_dir("bad");
    let good = dir.join("good.txt");
    std::fs::write(&good, "A paragraph of text.\n").unwrap();
    let good = good.to_str().unwrap();
    let missing = dir.join("missing.txt");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let blank = dir.join("blank.txt");
    std::fs::write(&blank, "  \n\n\t\r\n").unwrap();
    let binary = dir.join("image.png");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let d = dir.to_str().unwrap();

    assert_one_line_error(&redline(&[good, missing.to_str().unwrap()]), "missing.txt", "no such file");
    assert_one_line_error(&redline(&[d, good]), d, "is a directory");
    assert_one_line_error(&redline(&[good, empty.to_str().unwrap()]), "empty.txt", "is empty");
    assert_one_line_error(&redline(&[blank.to_str().unwrap(), good]), "blank.txt", "is empty");
    assert_one_line_error(&redline(&[good, binary.to_str().unwrap()]), "image.png", "binary");
    assert_one_line_error(&redline(&[good]), "two files", "give two files");
    assert_one_line_error(&redline(&["-", "-"]), "standard input", "only one version");
}

#[test]
fn unreadable_file_gets_one_line_error() {
    let dir = temp_dir("perm");
    let locked = dir.join("locked.txt");
    std::fs::write(&locked, "secret text\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    }
    if std::fs::read(&locked).is_ok() {
        // Running as root: permissions do not stop reads. Use an unreadable special file.
        let out = redline(&["/proc/self/mem", locked.to_str().unwrap()]);
        assert_one_line_error(&out, "/proc/self/mem", "cannot read");
        return;
    }
    assert_one_line_error(
        &redline(&[locked.to_str().unwrap(), locked.to_str().unwrap()]),
        "locked.txt",
        "cannot read",
    );
}

#[test]
fn json_for_the_bundled_pair_follows_the_contract() {
    let out = redline(&["--json"]);
    assert_eq!(out.status.code(), Some(1), "the bundled versions differ: exit 1, as diff");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["version"], 1);
    for key in ["summary", "links", "rows", "differences", "people", "findings"] {
        assert!(!v[key].is_null(), "{key} present");
    }
    let left = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/source.txt")).unwrap();
    for p in v["left"]["paragraphs"].as_array().unwrap() {
        let (s, e) = (p["start"].as_u64().unwrap() as usize, p["end"].as_u64().unwrap() as usize);
        assert_eq!(&left[s..e], p["text"].as_str().unwrap(), "text is exactly the byte slice");
    }
    assert_eq!(v["left"]["path"], "source.txt");
    assert_eq!(v["right"]["path"], "rewrite.txt");
}

#[test]
fn json_for_one_file_from_stdin_in_windows_1252() {
    let out = redline_stdin(&["-", "--json"], b"Caf\xe9 \x93news\x94 today.\r\nSecond line.\r\n");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["right"].is_null());
    let paras = v["left"]["paragraphs"].as_array().unwrap();
    assert_eq!(paras.len(), 2);
    assert_eq!(paras[0]["text"], "Café “news” today.");
    assert_eq!(paras[1]["text"], "Second line.");
    assert!(v["left"]["notice"].as_str().unwrap().contains("Windows-1252"));
}

#[test]
fn json_offsets_are_file_bytes_for_utf8_with_crlf() {
    let dir = temp_dir("crlf");
    let a = dir.join("a.txt");
    let text = "Héllo “world”.\r\n\r\nNext — para.\r\n";
    std::fs::write(&a, text).unwrap();
    let out = redline(&[a.to_str().unwrap(), a.to_str().unwrap(), "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for p in v["left"]["paragraphs"].as_array().unwrap() {
        let (s, e) = (p["start"].as_u64().unwrap() as usize, p["end"].as_u64().unwrap() as usize);
        assert_eq!(&text.as_bytes()[s..e], p["text"].as_str().unwrap().as_bytes());
    }
}
