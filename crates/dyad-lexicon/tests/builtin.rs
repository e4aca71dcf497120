//! Checks of the built-in lexicon as a whole: every built-in actor file
//! (hand-written and generated) loads without a warning, no name is listed
//! twice with different codes, and every code is well formed.

use std::collections::HashMap;
use std::path::Path;

use dyad_lexicon::{builtin_actor_files, parse_actors, DateRange, DatedCode, Lexicon};

/// Where a name was found: file, line of its entry, and the entry's codes.
struct Seen<'a> {
    file: &'a str,
    line: usize,
    codes: Vec<DatedCode>,
}

fn describe(codes: &[DatedCode]) -> String {
    codes
        .iter()
        .map(|c| match c.range {
            DateRange::Always => format!("[{}]", c.code),
            DateRange::Before(d) => format!("[{} <{d}]", c.code),
            DateRange::After(d) => format!("[{} >{d}]", c.code),
            DateRange::Between(a, b) => format!("[{} {a}-{b}]", c.code),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn builtin_lexicon_loads_without_warnings() {
    let (lexicon, warnings) = Lexicon::builtin_with_warnings().expect("built-in lexicon loads");
    let problems: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{problems:#?}");
    assert!(lexicon.stats().actor_entries > 0);
    assert!(
        builtin_actor_files()
            .iter()
            .any(|(name, _)| *name == "people.actors.txt"),
        "the generated people.actors.txt is built in"
    );
}

#[test]
fn no_name_twice_with_different_codes() {
    let mut seen: HashMap<String, Seen> = HashMap::new();
    let mut clashes = Vec::new();
    for (file, text) in builtin_actor_files() {
        if text.trim().is_empty() {
            continue;
        }
        let mut warnings = Vec::new();
        let entries = parse_actors(Path::new(file), text, &mut warnings)
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        for entry in entries {
            for name in &entry.names {
                let key = name.join("_");
                match seen.get(&key) {
                    Some(first) if first.codes != entry.codes => clashes.push(format!(
                        "{key}: {}:{} {} vs {file}:{} {}",
                        first.file,
                        first.line,
                        describe(&first.codes),
                        entry.line,
                        describe(&entry.codes)
                    )),
                    Some(_) => {}
                    None => {
                        seen.insert(
                            key,
                            Seen {
                                file,
                                line: entry.line,
                                codes: entry.codes.clone(),
                            },
                        );
                    }
                }
            }
        }
    }
    assert!(
        clashes.is_empty(),
        "{} name(s) listed twice with different codes (name: file:line of each entry):\n{}",
        clashes.len(),
        clashes.join("\n")
    );
}

#[test]
fn every_code_is_well_formed() {
    let lexicon = Lexicon::builtin().expect("built-in lexicon loads");
    let bad: Vec<String> = lexicon
        .actors
        .iter()
        .flat_map(|entry| {
            entry.codes.iter().filter_map(move |c| {
                let ok = c.code == "---"
                    || c.code.starts_with("---")
                        && c.code.len() > 3
                        && c.code[3..].len() % 3 == 0
                        && c.code[3..].bytes().all(|b| b.is_ascii_uppercase())
                    || !c.code.is_empty()
                        && c.code.len() % 3 == 0
                        && c.code.bytes().all(|b| b.is_ascii_uppercase());
                (!ok).then(|| format!("line {}: {}", entry.line, c.code))
            })
        })
        .collect();
    assert!(bad.is_empty(), "malformed codes: {bad:#?}");
}
