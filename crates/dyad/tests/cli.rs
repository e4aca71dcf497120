//! End-to-end tests of the `dyad` binary: the CLI contract, fixtures and bad input.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn dyad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn run_with_stdin(mut command: Command, stdin: &[u8]) -> Output {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dyad starts");
    let mut pipe = child.stdin.take().expect("stdin is piped");
    // The writer may see a closed pipe when dyad finishes early; that is fine.
    let _ = pipe.write_all(stdin);
    drop(pipe);
    child.wait_with_output().expect("dyad finishes")
}

/// Runs dyad with `args` and asserts that the run finished (exit status 0).
fn run_ok<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let output = dyad().args(args).output().expect("dyad runs");
    assert!(
        output.status.success(),
        "exit {:?}: {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn json_lines(bytes: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(bytes)
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON: {line}: {e}")))
        .collect()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dyad-cli-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// `sentence source code target` lines; `!`-prefixed ones must not be produced.
struct Expectation {
    sentence: u64,
    source: String,
    code: String,
    target: String,
    present: bool,
}

fn read_expectations(path: &Path) -> Vec<Expectation> {
    fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| {
            let mut fields: Vec<&str> = line.split_whitespace().collect();
            let present = fields[0] != "!";
            if !present {
                fields.remove(0);
            }
            Expectation {
                sentence: fields[0].parse().unwrap(),
                source: fields[1].to_string(),
                code: fields[2].to_string(),
                target: fields[3].to_string(),
                present,
            }
        })
        .collect()
}

fn is_event(event: &Value, want: &Expectation) -> bool {
    event["sentence"] == want.sentence
        && event["source"]["code"] == want.source.as_str()
        && event["code"] == want.code.as_str()
        && event["target"]["code"] == want.target.as_str()
}

/// Every field of an event record, as the contract lists them, is present and consistent.
fn check_event_fields(event: &Value, text: &str, doc: &str, date: &str) {
    assert_eq!(event["doc"], doc);
    let code = event["code"].as_str().expect("code is a string");
    assert!(
        code.len() >= 2 && code.chars().all(|c| c.is_ascii_digit()),
        "{code}"
    );
    let entry = dyad_types::cameo::lookup(code).unwrap_or_else(|| panic!("{code} is a CAMEO code"));
    assert_eq!(event["root"], entry.root);
    assert_eq!(event["quad_class"], entry.quad_class);
    let goldstein = event["goldstein"].as_f64().expect("goldstein is a number");
    assert!(
        (goldstein - f64::from(entry.goldstein)).abs() < 1e-6,
        "{goldstein}"
    );
    assert_eq!(event["plover"].as_str(), entry.plover);
    let span = event["span"].as_array().expect("span");
    let (start, end) = (
        span[0].as_u64().unwrap() as usize,
        span[1].as_u64().unwrap() as usize,
    );
    let sentence: String = text.chars().skip(start).take(end - start).collect();
    for side in ["source", "target"] {
        let actor = &event[side];
        let actor_code = actor["code"].as_str().expect("actor code");
        assert!(!actor_code.is_empty());
        let actor_text = actor["text"].as_str().expect("actor text");
        assert!(
            sentence.contains(actor_text),
            "{side} text {actor_text:?} not in sentence {sentence:?}"
        );
        assert!(actor["agents"].is_array());
        if let Some(country) = actor["country"].as_str() {
            assert!(actor_code.starts_with(country), "{actor_code} vs {country}");
        }
    }
    assert_eq!(event["date"], date);
    assert!(event.get("location").is_some(), "location field is present");
}

#[test]
fn codes_the_wire_story_fixture_field_by_field() {
    let story = fixture("code/ceasefire_talks.txt");
    let text = fs::read_to_string(&story).unwrap();
    let output = run_ok([
        "code".as_ref(),
        "--date".as_ref(),
        "2015-05-13".as_ref(),
        story.as_os_str(),
    ]);
    let events = json_lines(&output.stdout);
    for event in &events {
        // The meeting "on Thursday" of a story published on Wednesday
        // 2015-05-13 happened the Thursday before; the other events take
        // the publication date.
        let span = event["span"].as_array().expect("span");
        let start = span[0].as_u64().unwrap() as usize;
        let end = span[1].as_u64().unwrap() as usize;
        let sentence: String = text.chars().skip(start).take(end - start).collect();
        let date = if sentence.contains("on Thursday") {
            "2015-05-07"
        } else {
            "2015-05-13"
        };
        check_event_fields(event, &text, "ceasefire_talks", date);
    }
    assert!(
        events.iter().any(|event| event["date"] == "2015-05-07"),
        "the Geneva meeting is dated by its weekday: {events:#?}"
    );
    for want in read_expectations(&fixture("code/ceasefire_talks.expected")) {
        let found = events.iter().any(|event| is_event(event, &want));
        assert_eq!(
            found,
            want.present,
            "{} {} {} {} in sentence {}; got {:#?}",
            if want.present { "missing" } else { "unwanted" },
            want.source,
            want.code,
            want.target,
            want.sentence,
            events
        );
    }
    let accusation = events
        .iter()
        .find(|e| e["code"] == "112")
        .expect("the accusation is coded");
    assert_eq!(accusation["root"], "11");
    assert_eq!(accusation["quad_class"], 3);
    assert_eq!(accusation["plover"], "ACCUSE");
    assert_eq!(accusation["source"]["country"], "USA");
    assert_eq!(accusation["target"]["country"], "RUS");
}

#[test]
fn codes_nothing_from_boilerplate() {
    let boilerplate = fixture("code/boilerplate.txt");
    let output = run_ok([
        "code".as_ref(),
        "--date".as_ref(),
        "2020-01-01".as_ref(),
        boilerplate.as_os_str(),
    ]);
    assert_eq!(json_lines(&output.stdout), Vec::<Value>::new());
}

#[test]
fn reads_json_lines_from_stdin_with_their_own_dates() {
    let input = concat!(
        r#"{"id": "a", "text": "The United States accused Russia of failing to withdraw heavy weapons from eastern Ukraine.", "date": "2015-02-01"}"#,
        "\n",
        r#"{"id": "b", "text": "Nothing happened here."}"#,
        "\n"
    );
    let mut command = dyad();
    command.args(["code", "--date", "2016-03-04"]);
    let output = run_with_stdin(command, input.as_bytes());
    assert!(output.status.success());
    let events = json_lines(&output.stdout);
    assert!(!events.is_empty());
    assert!(events.iter().all(|e| e["doc"] == "a"));
    assert!(events.iter().all(|e| e["date"] == "2015-02-01"));
}

#[test]
fn plain_text_on_stdin_is_one_document() {
    let mut command = dyad();
    command.args(["code", "--date", "2015-05-13", "-"]);
    let output = run_with_stdin(
        command,
        b"The United States accused Russia of failing to withdraw heavy weapons from eastern Ukraine.",
    );
    assert!(output.status.success());
    let events = json_lines(&output.stdout);
    assert!(events.iter().any(|e| e["code"] == "112"));
}

#[test]
fn bad_documents_are_reported_and_the_run_goes_on() {
    let dir = temp_dir("bad-docs");
    let jsonl = dir.join("batch.jsonl");
    fs::write(
        &jsonl,
        concat!(
            "{\"id\": \"good\", \"text\": \"The United States accused Russia of failing to withdraw heavy weapons from eastern Ukraine.\"}\n",
            "this is not json\n",
            "{\"id\": \"after\", \"text\": \"Iran accused Israel of attacking its embassy.\"}\n",
        ),
    )
    .unwrap();
    let empty = dir.join("empty.txt");
    fs::write(&empty, "").unwrap();
    let binary = dir.join("garbage.txt");
    fs::write(
        &binary,
        (0..4096u32)
            .map(|i| (i * 7919 % 256) as u8)
            .collect::<Vec<_>>(),
    )
    .unwrap();
    let latin1 = dir.join("latin1.txt");
    fs::write(&latin1, b"The United States accused Russia of failing to withdraw heavy weapons from eastern Ukraine, caf\xe9 owners said.").unwrap();

    let mut args = vec!["code".into(), "--date".into(), "2015-05-13".into()];
    args.extend([jsonl, empty, binary, latin1].map(PathBuf::into_os_string));
    let output = run_ok(args);
    let events = json_lines(&output.stdout);
    let docs: Vec<&str> = events.iter().filter_map(|e| e["doc"].as_str()).collect();
    assert!(docs.contains(&"good"), "{docs:?}");
    assert!(
        docs.contains(&"after"),
        "the line after a broken one is coded: {docs:?}"
    );
    assert!(
        docs.contains(&"latin1"),
        "invalid UTF-8 is decoded lossily: {docs:?}"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    let errors: Vec<Value> = stderr
        .lines()
        .filter_map(|line| serde_json::from_str(line).ok())
        .collect();
    assert!(errors
        .iter()
        .all(|e| e["doc"].is_string() && e["error"].is_string()));
    let errored = |doc: &str| {
        errors
            .iter()
            .any(|e| e["doc"].as_str().is_some_and(|d| d.contains(doc)))
    };
    assert!(
        errored("batch"),
        "the broken JSON line is reported: {stderr}"
    );
    assert!(errored("empty"), "the empty file is reported: {stderr}");
    assert!(errored("garbage"), "binary garbage is reported: {stderr}");
    assert!(errored("latin1"), "lossy decoding is reported: {stderr}");
    // Standard error as docs/cli.md states it: JSON objects for scripts on
    // lines that start with `{`, lines for people start with "dyad".
    for line in stderr.lines() {
        if line.starts_with('{') {
            let record: Value =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("{line}: {e}"));
            assert!(
                record["doc"].is_string() && record["error"].is_string(),
                "{line}"
            );
        } else {
            assert!(line.starts_with("dyad"), "a line for people: {line:?}");
        }
    }
    assert!(
        stderr.lines().any(|l| l.contains("\"error\":\"warning: ")),
        "a warning is a JSON line: {stderr}"
    );
    assert!(
        stderr.lines().any(|l| l.starts_with("dyad code: ")),
        "{stderr}"
    );
}

#[test]
fn a_document_over_its_time_budget_is_an_error_and_the_run_goes_on() {
    let dir = temp_dir("budget");
    let sentence = "The United States accused Russia of failing to withdraw heavy weapons from eastern Ukraine. ";
    let long = dir.join("long.txt");
    fs::write(&long, sentence.repeat(5000)).unwrap();
    let short = dir.join("short.txt");
    fs::write(&short, sentence).unwrap();
    let output = run_ok([
        "code".as_ref(),
        "--doc-budget".as_ref(),
        "0.5".as_ref(),
        long.as_os_str(),
        short.as_os_str(),
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let errors = json_lines(
        stderr
            .lines()
            .filter(|l| l.starts_with('{'))
            .collect::<Vec<_>>()
            .join("\n")
            .as_bytes(),
    );
    assert_eq!(errors.len(), 1, "{stderr}");
    assert_eq!(errors[0]["doc"], "long");
    let message = errors[0]["error"].as_str().unwrap();
    assert!(message.contains("time budget of 0.5 s"), "{message}");
    assert!(message.contains("--doc-budget"), "{message}");
    let events = json_lines(&output.stdout);
    assert!(events.iter().any(|e| e["doc"] == "short"), "{events:?}");
    assert!(events.iter().all(|e| e["doc"] != "long"));
    // `0` is no limit.
    let unlimited = run_ok([
        "code".as_ref(),
        "--doc-budget".as_ref(),
        "0".as_ref(),
        short.as_os_str(),
    ]);
    assert!(!json_lines(&unlimited.stdout).is_empty());
    let refused = dyad()
        .args(["code", "--doc-budget", "NaN"])
        .arg(&short)
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--doc-budget"));
}

#[test]
fn a_fifty_megabyte_text_is_a_per_document_error_and_the_run_goes_on() {
    let dir = temp_dir("big");
    let big = dir.join("big.txt");
    let sentence = "The United States accused Russia of failing to withdraw heavy weapons from eastern Ukraine. ";
    fs::write(&big, sentence.repeat((50 << 20) / sentence.len() + 1)).unwrap();
    let small = dir.join("small.txt");
    fs::write(&small, sentence).unwrap();
    let output = run_ok([
        "code".as_ref(),
        "--date".as_ref(),
        "2015-05-13".as_ref(),
        big.as_os_str(),
        small.as_os_str(),
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("\"doc\":\"big\""), "{stderr}");
    assert!(stderr.contains("too large"), "{stderr}");
    let events = json_lines(&output.stdout);
    assert!(events.iter().any(|e| e["doc"] == "small"));
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    let dir = temp_dir("pipe");
    let batch = dir.join("batch.jsonl");
    let line = r#"{"text": "The United States accused Russia of failing to withdraw heavy weapons from eastern Ukraine."}"#;
    fs::write(&batch, format!("{line}\n").repeat(5_000)).unwrap();
    let mut child = dyad()
        .args(["code", "--date", "2015-05-13"])
        .arg(&batch)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read one line, as `dyad code batch.jsonl | head -1` does, then close the pipe.
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    std::io::BufRead::read_line(&mut stdout, &mut first).unwrap();
    assert!(first.starts_with('{'), "{first}");
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "exit {:?}", output.status);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn usage_errors_say_what_to_do_and_exit_2() {
    let output = dyad().args(["code", "--no-such-flag"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--no-such-flag"));

    let output = dyad().args(["code", "/no/such/file.txt"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("/no/such/file.txt"));

    let output = dyad()
        .args(["code", "--date", "2015-13-45"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));

    let output = dyad().args(["code", "--format", "gdelt"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("not available yet"));
}

#[test]
fn unreadable_dictionaries_exit_2_with_the_file_name() {
    let dir = temp_dir("dicts");
    let empty = dir.join("verbs.txt");
    fs::write(&empty, "").unwrap();
    let output = dyad()
        .args(["code", "--verbs"])
        .arg(&empty)
        .arg(fixture("code/boilerplate.txt"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("verbs.txt"));
}

#[test]
fn demo_prints_events_of_the_built_in_article() {
    let output = run_ok(["demo"]);
    let events = json_lines(&output.stdout);
    assert!(events.len() >= 3, "{events:#?}");
    assert!(events.iter().all(|e| e["doc"] == "demo"));
    assert!(events.iter().any(|e| e["code"] == "112"
        && e["source"]["country"] == "USA"
        && e["target"]["country"] == "RUS"));
}

#[test]
fn actors_lists_every_mention_with_its_code_and_basis() {
    let mut command = dyad();
    command.args(["actors", "--date", "2020-03-02", "-"]);
    let text = "CARACAS, March 2 (Wire) -\n\nOpposition leaders called off the march. \
                Peruvian Foreign Minister Rosa Quilca met Chile's envoy. Quilca said little.";
    let output = run_with_stdin(command, text.as_bytes());
    assert!(output.status.success());
    let mentions = json_lines(&output.stdout);
    let find = |text: &str| {
        mentions
            .iter()
            .find(|m| m["text"] == text)
            .unwrap_or_else(|| panic!("no mention {text:?} in {mentions:?}"))
    };
    let opposition = find("Opposition leaders");
    assert_eq!(opposition["code"], "VENOPP");
    assert_eq!(opposition["country"], "VEN");
    assert_eq!(opposition["basis"], "context");
    let quilca = find("Quilca");
    assert_eq!(quilca["code"], "PERGOV");
    assert_eq!(quilca["basis"], "alias");
    assert_eq!(quilca["agents"], serde_json::json!(["GOV"]));
    // Spans are character offsets of the document text.
    let span = quilca["span"].as_array().unwrap();
    let (start, end) = (
        span[0].as_u64().unwrap() as usize,
        span[1].as_u64().unwrap() as usize,
    );
    let slice: String = text.chars().skip(start).take(end - start).collect();
    assert_eq!(slice, "Quilca");
    assert!(mentions
        .iter()
        .all(|m| m["doc"] == "stdin" && m["sentence"].is_u64()));
}

#[test]
fn explain_answers_for_any_text() {
    let output = run_ok([
        "explain",
        "--date",
        "2021-04-01",
        "Norway accused Sweden of spying.",
    ]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("NOR 112"), "{text}");
    assert!(
        text.contains("(lexicon)") && text.contains("verb \"accused\""),
        "{text}"
    );
    for odd in ["", "Это не английский текст, но он должен пройти.", "!!!"]
    {
        let output = run_ok(["explain", odd]);
        assert!(!output.stdout.is_empty(), "{odd:?}");
    }
    let file = temp_dir("explain").join("story.txt");
    fs::write(&file, "Norway met Sweden. Sweden accused Norway of spying.").unwrap();
    let output = run_ok([
        "explain",
        "--doc",
        file.to_str().unwrap(),
        "--sentence",
        "1",
    ]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("== sentence 1") && !text.contains("== sentence 0"),
        "{text}"
    );
    // A usage mistake is a clear message and exit 2.
    let output = dyad().args(["explain"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn the_readme_sample_event_is_what_the_demo_prints() {
    let readme = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../README.md"))
        .expect("README.md");
    let sample = readme
        .split("```json\n")
        .nth(1)
        .and_then(|rest| rest.split("\n```").next())
        .expect("a json block in the README");
    let output = run_ok(["demo"]);
    let demo = String::from_utf8_lossy(&output.stdout);
    assert!(
        demo.lines().any(|line| line == sample),
        "the README's sample event is not a line of `dyad demo`:\n{sample}\n--- demo:\n{demo}"
    );
}
