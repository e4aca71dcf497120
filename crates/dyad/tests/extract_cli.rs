//! End-to-end tests of `dyad extract`: both forms of the CLI contract, urls.tsv, bad pages.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value;

fn dyad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
}

fn scratch(name: &str) -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "dyad-extract-cli-{}-{}-{name}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const PAGE: &str = r#"<!DOCTYPE html><html lang="en"><head>
<title>Ministers meet in Lisbon | The Example Times</title>
<meta property="og:site_name" content="The Example Times">
<meta name="author" content="Ana Costa">
<meta property="article:published_time" content="2019-10-02T08:00:00+01:00">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Ministers meet in Lisbon</h1>
<p>The defence ministers of Portugal and Morocco met in Lisbon on Wednesday to sign an agreement on joint naval patrols in the Atlantic, the two governments said.</p>
<p>The agreement follows months of talks between the two navies and covers search and rescue as well as fisheries protection off both coasts.</p>
</article><footer>Copyright The Example Times. All rights reserved.</footer></body></html>"#;

/// A directory as the benchmark harness writes it: pages plus urls.tsv.
fn page_dir() -> PathBuf {
    let dir = scratch("in");
    std::fs::write(dir.join("p1.html"), PAGE).unwrap();
    std::fs::write(dir.join("p2.html"), "").unwrap();
    std::fs::write(
        dir.join("urls.tsv"),
        "p1\thttps://news.example/lisbon\np2\thttps://news.example/empty\n",
    )
    .unwrap();
    dir
}

fn lines(bytes: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(bytes)
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn json_lines_carry_text_and_metadata() {
    let dir = page_dir();
    let output = dyad().arg("extract").arg(&dir).output().unwrap();
    assert!(output.status.success(), "{output:?}");
    let docs = lines(&output.stdout);
    assert_eq!(docs.len(), 1, "{docs:?}");
    let doc = &docs[0];
    assert_eq!(doc["id"], "p1");
    assert_eq!(doc["url"], "https://news.example/lisbon");
    assert_eq!(doc["title"], "Ministers meet in Lisbon");
    assert_eq!(doc["date"], "2019-10-02");
    assert_eq!(doc["author"], "Ana Costa");
    assert_eq!(doc["site"], "The Example Times");
    let text = doc["text"].as_str().unwrap();
    assert!(
        text.starts_with("The defence ministers of Portugal"),
        "{text}"
    );
    assert!(!text.contains("All rights reserved"));
    // The empty page is a per-document error and the summary counts it.
    let stderr = String::from_utf8_lossy(&output.stderr);
    let errors = lines(&output.stderr);
    assert_eq!(errors.len(), 1, "{stderr}");
    assert_eq!(errors[0]["doc"], "p2");
    assert!(
        stderr.contains("1 document read, 0 skipped, 1 failed"),
        "{stderr}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn to_dir_writes_one_text_file_per_page() {
    let dir = page_dir();
    let out = scratch("out");
    let output = dyad()
        .args(["extract", "--to-dir"])
        .arg(&out)
        .arg(&dir)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let text = std::fs::read_to_string(out.join("p1.txt")).unwrap();
    assert!(text.contains("joint naval patrols"));
    assert!(!Path::new(&out.join("p2.txt")).exists());
    std::fs::remove_dir_all(dir).unwrap();
    std::fs::remove_dir_all(out).unwrap();
}

#[test]
fn to_dir_wants_one_directory() {
    let output = dyad()
        .args(["extract", "--to-dir", "out", "a.html", "b.html"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("exactly one input directory"));
    let output = dyad()
        .args(["extract", "no-such-page.html"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no such file"));
}
