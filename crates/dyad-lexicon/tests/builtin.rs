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

#[test]
fn every_event_code_of_the_builtin_verbs_is_a_cameo_code() {
    let (lexicon, _) = Lexicon::builtin_with_warnings().expect("built-in lexicon loads");
    let mut problems = Vec::new();
    let mut check = |code: &dyad_lexicon::EventCode, line: usize| {
        for c in [&code.forward, &code.reverse].into_iter().flatten() {
            if dyad_types::cameo::lookup(c).is_none() {
                problems.push(format!("verbs.txt:{line}: {c} is not a CAMEO event code"));
            }
        }
    };
    for block in &lexicon.verbs.blocks {
        check(&block.code, block.line);
        for verb in &block.verbs {
            if let Some(code) = &verb.code {
                check(code, verb.line);
            }
        }
        for pattern in &block.patterns {
            check(&pattern.code, pattern.line);
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_builtin_word_classes_load_and_user_classes_add_to_them() {
    let dir = std::env::temp_dir().join(format!("dyad-words-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("words.txt");
    std::fs::write(&file, "[negation]\nNARY\n").unwrap();
    let files = dyad_lexicon::LexiconFiles {
        words: Some(file.clone()),
        ..Default::default()
    };
    let (lexicon, warnings) = Lexicon::load(&files).expect("loads");
    assert!(warnings.is_empty(), "{warnings:?}");
    let negation = lexicon.words.get("negation");
    assert!(negation.contains(&"NOT".to_string()) && negation.contains(&"NARY".to_string()));
    // A malformed line names the file and the line.
    std::fs::write(&file, "[negation]\nNOT\nnot upper\n").unwrap();
    let (_, warnings) = Lexicon::load(&files).expect("loads");
    assert!(!warnings.is_empty());
    assert!(
        warnings.iter().all(|w| w.file == file && w.line == 3),
        "{warnings:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
