//! End-to-end tests of `dyad extract`: both forms of the CLI contract, urls.tsv, bad pages,
//! safe and unique `--to-dir` file names, files written whole, standard input told by its
//! bytes, damaged archives. Fixtures: `tests/fixtures/extract/` (ours; the archives are
//! copies of `crates/dyad-ingest/tests/fixtures/bad/`, made by `make.py` there).

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
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

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/extract")
        .join(name)
}

/// Runs `dyad ARGS` with `input` on standard input.
fn with_stdin(args: &[&str], input: &[u8]) -> std::process::Output {
    let mut child = dyad()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    output
}

fn files_in(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn to_dir_names_are_safe_and_unique() {
    let out = scratch("names");
    let output = dyad()
        .args(["extract", "--to-dir"])
        .arg(&out)
        .arg(fixture("names"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let long = {
        let stem = dyad_stem(&"L".repeat(300));
        assert!(stem.len() <= 200, "{stem}");
        format!("{stem}.txt")
    };
    let expected: BTreeSet<String> = [
        "x.txt",
        "x~2.txt",
        long.as_str(),
        "a%00b.txt",
        "%2E..txt",
        "%43ON.txt",
        "%2E.%2Fescape.txt",
        "a%2Fb.txt",
        "X~3.txt",
        "story.txt",
        "story~2.txt",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    assert_eq!(files_in(&out), expected, "nothing else, no temporary files");
    // Nothing was written outside OUT.
    assert!(!out.parent().unwrap().join("escape.txt").exists());
    // The directory walk is sorted: 2019 before 2020.
    let first = std::fs::read_to_string(out.join("story.txt")).unwrap();
    assert!(first.contains("Kampala"), "{first}");
    let second = std::fs::read_to_string(out.join("story~2.txt")).unwrap();
    assert!(second.contains("Arusha"), "{second}");
    let x2 = std::fs::read_to_string(out.join("x~2.txt")).unwrap();
    assert!(x2.ends_with("Line 2."), "{x2}");
    // Every collision is reported on standard error, with the name used.
    let stderr = String::from_utf8_lossy(&output.stderr);
    let warnings: Vec<Value> = lines(&output.stderr)
        .into_iter()
        .filter(|l| l["error"].as_str().unwrap_or("").contains("file name"))
        .collect();
    assert_eq!(warnings.len(), 3, "{stderr}");
    let docs: Vec<&str> = warnings
        .iter()
        .map(|w| w["doc"].as_str().unwrap())
        .collect();
    assert_eq!(docs, ["story", "x", "X"], "{stderr}");
    let first = warnings[0]["error"].as_str().unwrap();
    assert!(first.starts_with("warning: "), "{first}");
    assert!(first.contains("written to story~2.txt"), "{first}");
    std::fs::remove_dir_all(out).unwrap();
}

/// The documented mapping of a long id: the start, `~`, a 64-bit FNV-1a hash.
fn dyad_stem(id: &str) -> String {
    let mut hash = 0xcbf2_9ce4_8422_2325_u64;
    for &b in id.as_bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    let suffix = format!("~{hash:016x}");
    format!("{}{suffix}", &id[..200 - suffix.len()])
}

#[test]
fn a_killed_run_leaves_no_file_that_looks_finished() {
    // Whenever the run is killed, every `.txt` in OUT is complete: files
    // are written under a temporary name and renamed when whole. The
    // check holds at any moment, so the test does not depend on speed.
    let input = scratch("kill-in");
    let paragraph = "<p>The ministers of the two countries met again on Friday and agreed to continue the talks on trade, energy and security next month in the capital.</p>";
    for i in 0..60 {
        let page = format!(
            "<html><head><title>Page {i}</title></head><body><article><h1>Page {i}</h1>{}</article></body></html>",
            paragraph.repeat(40 + i)
        );
        std::fs::write(input.join(format!("p{i:03}.html")), page).unwrap();
    }
    let reference = scratch("kill-ref");
    let output = dyad()
        .args(["extract", "--threads", "1", "--to-dir"])
        .arg(&reference)
        .arg(&input)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let out = scratch("kill-out");
    let mut child = dyad()
        .args(["extract", "--threads", "1", "--to-dir"])
        .arg(&out)
        .arg(&input)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once something has been written (or it has finished).
    let waited = std::time::Instant::now();
    while files_in(&out).iter().all(|f| !f.ends_with(".txt"))
        && child.try_wait().unwrap().is_none()
        && waited.elapsed() < std::time::Duration::from_secs(120)
    {
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    let _ = child.kill();
    let _ = child.wait();
    for name in files_in(&out) {
        if !name.ends_with(".txt") || name.starts_with('.') {
            continue;
        }
        let got = std::fs::read(out.join(&name)).unwrap();
        let want = std::fs::read(reference.join(&name)).unwrap();
        assert_eq!(got, want, "{name} is not whole");
    }
    for dir in [input, reference, out] {
        std::fs::remove_dir_all(dir).unwrap();
    }
}

#[test]
fn standard_input_is_told_by_its_first_bytes() {
    // `zcat page.html.gz | dyad extract`, and the gzipped page itself.
    for name in ["page.html", "page.html.gz"] {
        let output = with_stdin(&["extract"], &std::fs::read(fixture(name)).unwrap());
        assert!(output.status.success(), "{output:?}");
        let docs = lines(&output.stdout);
        assert_eq!(docs.len(), 1, "{name}: {output:?}");
        assert_eq!(docs[0]["id"], "stdin");
        assert_eq!(docs[0]["title"], "Chile recalls ambassador");
        let text = docs[0]["text"].as_str().unwrap();
        assert!(text.starts_with("Chile recalled its ambassador"), "{text}");
        assert!(!text.contains('<'), "{text}");
    }
    // `cat x.warc | dyad extract`, `cat x.warc.gz | dyad extract`
    for name in ["crawl.warc", "crawl.warc.gz"] {
        let output = with_stdin(&["extract"], &std::fs::read(fixture(name)).unwrap());
        let ids: Vec<Value> = lines(&output.stdout)
            .iter()
            .map(|d| d["id"].clone())
            .collect();
        assert_eq!(ids.len(), 5, "{name}: {output:?}");
        assert_eq!(ids[0], "urn:uuid:rec-1");
    }
}

#[test]
fn code_reads_an_archive_from_standard_input() {
    // `cat x.warc.gz | dyad code`: five pages read as pages, not one text
    // of markup. (One run: `dyad code` takes seconds to start in a debug
    // build; plain archives on standard input are tested above and in
    // dyad-ingest, through the same reader.)
    let output = with_stdin(&["code"], &std::fs::read(fixture("crawl.warc.gz")).unwrap());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.contains("5 documents read"), "{stderr}");
    assert!(lines(&output.stdout).iter().all(|e| e["doc"]
        .as_str()
        .is_some_and(|d| d.starts_with("urn:uuid:rec-"))));
}

#[test]
fn damaged_archives_keep_their_good_records() {
    for name in ["damaged.warc", "corrupt-member.warc.gz"] {
        let output = dyad().arg("extract").arg(fixture(name)).output().unwrap();
        assert!(output.status.success(), "{output:?}");
        let ids: Vec<String> = lines(&output.stdout)
            .iter()
            .map(|d| d["id"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(
            ids,
            [
                "urn:uuid:rec-1",
                "urn:uuid:rec-2",
                "urn:uuid:rec-4",
                "urn:uuid:rec-5"
            ],
            "{name}"
        );
        let errors = lines(&output.stderr);
        assert_eq!(errors.len(), 1, "{name}: {errors:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("4 documents read, 0 skipped, 1 failed"),
            "{stderr}"
        );
    }
}

#[test]
fn json_line_ids_are_kept_as_written() {
    let output = with_stdin(
        &["extract"],
        b"{\"id\": 12345678901234567890123456789, \"text\": \"Talks.\", \"title\": 5}\n[1,2,3]\n",
    );
    assert!(output.status.success(), "{output:?}");
    let docs = lines(&output.stdout);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["id"], "12345678901234567890123456789");
    assert_eq!(docs[0]["title"], Value::Null);
    let stderr = lines(&output.stderr);
    assert_eq!(stderr.len(), 2, "{stderr:?}");
    assert!(stderr[0]["error"]
        .as_str()
        .unwrap()
        .starts_with("warning: "));
    assert!(stderr[1]["error"]
        .as_str()
        .unwrap()
        .contains("the line is an array"));
}
