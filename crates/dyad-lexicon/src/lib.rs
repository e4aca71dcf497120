//! Dictionaries: actors, agents, verb patterns and discards, in the PETRARCH2 formats, and the built-in lexicon.
//!
//! [`Lexicon::load`] reads dictionary files (each given kind replaces the
//! built-in one); [`Lexicon::builtin`] is dyad's own lexicon, compiled in.
//! A malformed line becomes a [`LexiconWarning`] naming file and line and the
//! rest of the file loads; a file that cannot be used at all (unreadable,
//! empty, not UTF-8, another format) is a [`LexiconError`].

pub mod actors;
pub mod agents;
pub mod discards;
pub mod error;
pub mod source;
pub mod verbs;
pub mod words;

use std::path::{Path, PathBuf};

pub use actors::{ActorEntry, DateRange, DatedCode};
pub use agents::{AgentEntry, Placement};
pub use discards::DiscardEntry;
pub use error::{LexiconError, LexiconWarning};
pub use verbs::{
    Element, EventCode, Pattern, Synset, Transformation, VerbBlock, VerbDictionary, VerbEntry,
};
pub use words::WordClasses;

/// Dictionary files given by the user; `None`/empty keeps the built-in kind.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LexiconFiles {
    pub verbs: Option<PathBuf>,
    pub actors: Vec<PathBuf>,
    pub agents: Option<PathBuf>,
    pub discards: Option<PathBuf>,
    /// Word classes added to the built-in ones (not replacing them).
    pub words: Option<PathBuf>,
}

impl LexiconFiles {
    /// Takes a dictionary flag of a hand-rolled command line (`--verbs`,
    /// `--actors`, `--agents`, `--discards`) and its value from `args`;
    /// false when `flag` is not one of them.
    pub fn take_flag(&mut self, flag: &str, args: &mut impl Iterator<Item = String>) -> bool {
        let mut value = || args.next().map(PathBuf::from);
        match flag {
            "--verbs" => self.verbs = value(),
            "--agents" => self.agents = value(),
            "--discards" => self.discards = value(),
            "--words" => self.words = value(),
            "--actors" => self.actors.extend(value()),
            _ => return false,
        }
        true
    }
}

/// Everything the coder needs to know about words.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub actors: Vec<ActorEntry>,
    pub agents: Vec<AgentEntry>,
    pub verbs: VerbDictionary,
    pub discards: Vec<DiscardEntry>,
    /// The closed word classes the coder's rules look at.
    pub words: WordClasses,
}

/// Entry counts per kind, for reports.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LexiconStats {
    pub actor_entries: usize,
    pub actor_names: usize,
    pub agent_forms: usize,
    pub verb_blocks: usize,
    pub verbs: usize,
    pub verb_forms: usize,
    pub patterns: usize,
    pub synsets: usize,
    pub transformations: usize,
    pub discards: usize,
}

impl std::fmt::Display for LexiconStats {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "actors: {} entries ({} names); agents: {} forms; verbs: {} blocks, {} verbs ({} forms), {} patterns, {} synonym sets, {} transformations; discards: {}",
            self.actor_entries,
            self.actor_names,
            self.agent_forms,
            self.verb_blocks,
            self.verbs,
            self.verb_forms,
            self.patterns,
            self.synsets,
            self.transformations,
            self.discards
        )
    }
}

include!(concat!(env!("OUT_DIR"), "/builtin_actors.rs"));
const BUILTIN_VERBS: &str = include_str!(concat!(env!("OUT_DIR"), "/verbs.txt"));
const BUILTIN_DISCARDS: &str = include_str!(concat!(env!("OUT_DIR"), "/discards.txt"));
const BUILTIN_WORDS: &str = include_str!(concat!(env!("OUT_DIR"), "/words.txt"));

/// The built-in actor files as (file name, text), in name order: the
/// hand-written dictionaries and the generated ones (`people.actors.txt`, ...).
/// For checks that need to know which file a built-in entry comes from.
pub fn builtin_actor_files() -> &'static [(&'static str, &'static str)] {
    BUILTIN_ACTORS
}

/// Which format a file is read as (for messages).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Actors,
    Agents,
    Verbs,
    Discards,
    Words,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Actors => "actor",
            Kind::Agents => "agents",
            Kind::Verbs => "verb",
            Kind::Discards => "discards",
            Kind::Words => "word classes",
        }
    }
}

/// Checks the outcome of reading one file: nothing usable means the file
/// is empty or in another format.
fn judge(
    file: &Path,
    kind: Kind,
    text: &str,
    tally: &Tally,
    first_warning: Option<&LexiconWarning>,
) -> Result<(), LexiconError> {
    let Tally {
        entries,
        content_lines,
        malformed,
    } = *tally;
    if content_lines == 0 {
        return Err(LexiconError::Empty {
            file: file.to_path_buf(),
            line: text.lines().count().max(1),
        });
    }
    if entries == 0 {
        return Err(LexiconError::WrongFormat {
            file: file.to_path_buf(),
            line: first_warning.map_or(1, |w| w.line),
            kind: kind.name(),
            reason: match first_warning {
                Some(w) => format!(
                    "no entry could be read ({malformed} bad lines; first: {})",
                    w.message
                ),
                None => "no entry could be read".into(),
            },
        });
    }
    // A file where most lines are malformed is another kind of file that
    // happens to contain a few lines of this shape (an actors file read as
    // verbs, say): refuse it rather than load noise.
    if malformed > 20 && malformed * 2 > content_lines {
        return Err(LexiconError::WrongFormat {
            file: file.to_path_buf(),
            line: first_warning.map_or(1, |w| w.line),
            kind: kind.name(),
            reason: format!("{malformed} of {content_lines} lines could not be read"),
        });
    }
    Ok(())
}

fn read_file(path: &Path) -> Result<Vec<u8>, LexiconError> {
    std::fs::read(path).map_err(|source| LexiconError::Io {
        file: path.to_path_buf(),
        source,
    })
}

/// The counts [`judge`] weighs: entries read, content lines, malformed lines.
#[derive(Clone, Copy)]
struct Tally {
    entries: usize,
    content_lines: usize,
    malformed: usize,
}

/// Reads `text` with a format's `read` function and judges the result: an
/// empty file or one mostly in another format is an error, naming the file.
fn parse_with<R>(
    file: &Path,
    text: &str,
    warnings: &mut Vec<LexiconWarning>,
    kind: Kind,
    read: impl FnOnce(&Path, &[source::Line], &mut Vec<LexiconWarning>) -> R,
    tally: impl FnOnce(&R) -> Tally,
) -> Result<R, LexiconError> {
    let start = warnings.len();
    let lines = source::content_lines(file, text, warnings);
    let out = read(file, &lines, warnings);
    judge(file, kind, text, &tally(&out), warnings.get(start))?;
    Ok(out)
}

/// Reads an actor dictionary from text.
pub fn parse_actors(
    file: &Path,
    text: &str,
    warnings: &mut Vec<LexiconWarning>,
) -> Result<Vec<ActorEntry>, LexiconError> {
    let out = parse_with(file, text, warnings, Kind::Actors, actors::read, |o| {
        Tally {
            entries: o.entries.len(),
            content_lines: o.content_lines,
            malformed: o.malformed,
        }
    })?;
    Ok(out.entries)
}

/// Reads an agents dictionary from text.
pub fn parse_agents(
    file: &Path,
    text: &str,
    warnings: &mut Vec<LexiconWarning>,
) -> Result<Vec<AgentEntry>, LexiconError> {
    let out = parse_with(file, text, warnings, Kind::Agents, agents::read, |o| {
        Tally {
            entries: o.entries.len(),
            content_lines: o.content_lines,
            malformed: o.malformed,
        }
    })?;
    Ok(out.entries)
}

/// Reads a verb dictionary from text.
pub fn parse_verbs(
    file: &Path,
    text: &str,
    warnings: &mut Vec<LexiconWarning>,
) -> Result<VerbDictionary, LexiconError> {
    let out = parse_with(file, text, warnings, Kind::Verbs, verbs::read, |o| Tally {
        entries: o.dictionary.verb_count(),
        content_lines: o.content_lines,
        malformed: o.malformed,
    })?;
    let mut dictionary = out.dictionary;
    dictionary.moods = text.lines().any(|l| l.trim() == verbs::MOODS_DIRECTIVE);
    Ok(dictionary)
}

/// Reads word classes from text.
pub fn parse_words(
    file: &Path,
    text: &str,
    warnings: &mut Vec<LexiconWarning>,
) -> Result<WordClasses, LexiconError> {
    let out = parse_with(file, text, warnings, Kind::Words, words::read, |o| Tally {
        entries: o.entries,
        content_lines: o.content_lines,
        malformed: o.malformed,
    })?;
    Ok(out.words)
}

impl WordClasses {
    /// dyad's own word classes, compiled into the binary.
    pub fn builtin() -> WordClasses {
        let mut warnings = Vec::new();
        parse_words(
            Path::new("<built-in>/words.txt"),
            BUILTIN_WORDS,
            &mut warnings,
        )
        .unwrap_or_default()
    }
}

/// Reads a discards list from text.
pub fn parse_discards(
    file: &Path,
    text: &str,
    warnings: &mut Vec<LexiconWarning>,
) -> Result<Vec<DiscardEntry>, LexiconError> {
    let out = parse_with(file, text, warnings, Kind::Discards, discards::read, |o| {
        Tally {
            entries: o.entries.len(),
            content_lines: o.content_lines,
            malformed: o.malformed,
        }
    })?;
    Ok(out.entries)
}

impl Lexicon {
    /// dyad's own lexicon, compiled into the binary. A built-in file that is
    /// missing from the build is an empty dictionary of its kind.
    pub fn builtin() -> Result<Lexicon, LexiconError> {
        let (lexicon, _) = Lexicon::builtin_with_warnings()?;
        Ok(lexicon)
    }

    /// The built-in lexicon and the warnings its files gave (there should be none).
    pub fn builtin_with_warnings() -> Result<(Lexicon, Vec<LexiconWarning>), LexiconError> {
        Lexicon::load(&LexiconFiles::default())
    }

    /// Loads the given files; each kind given replaces the built-in one (the
    /// built-in files of that kind are not read at all), the other kinds
    /// stay built-in. Several actor files are merged (a later file's name
    /// overrides an earlier one's). Word classes given are added to the
    /// built-in ones.
    pub fn load(files: &LexiconFiles) -> Result<(Lexicon, Vec<LexiconWarning>), LexiconError> {
        let mut warnings = Vec::new();
        let mut lexicon = Lexicon::default();
        let data = Path::new("<built-in>");
        let user = |path: &Path| -> Result<String, LexiconError> {
            let bytes = read_file(path)?;
            Ok(source::decode(path, &bytes)?.to_string())
        };
        if files.actors.is_empty() {
            for (name, text) in BUILTIN_ACTORS {
                if !text.trim().is_empty() {
                    lexicon
                        .actors
                        .extend(parse_actors(&data.join(name), text, &mut warnings)?);
                }
            }
        } else {
            for path in &files.actors {
                let text = user(path)?;
                lexicon
                    .actors
                    .extend(parse_actors(path, &text, &mut warnings)?);
            }
        }
        match &files.agents {
            Some(path) => lexicon.agents = parse_agents(path, &user(path)?, &mut warnings)?,
            None => {
                for (name, text) in BUILTIN_AGENTS {
                    if !text.trim().is_empty() {
                        lexicon
                            .agents
                            .extend(parse_agents(&data.join(name), text, &mut warnings)?);
                    }
                }
            }
        }
        match &files.verbs {
            Some(path) => lexicon.verbs = parse_verbs(path, &user(path)?, &mut warnings)?,
            None if !BUILTIN_VERBS.trim().is_empty() => {
                lexicon.verbs = parse_verbs(&data.join("verbs.txt"), BUILTIN_VERBS, &mut warnings)?;
                // dyad's own verbs give acts and leave their mood to the coder.
                lexicon.verbs.moods = true;
            }
            None => {}
        }
        match &files.discards {
            Some(path) => lexicon.discards = parse_discards(path, &user(path)?, &mut warnings)?,
            None if !BUILTIN_DISCARDS.trim().is_empty() => {
                lexicon.discards =
                    parse_discards(&data.join("discards.txt"), BUILTIN_DISCARDS, &mut warnings)?;
            }
            None => {}
        }
        if !BUILTIN_WORDS.trim().is_empty() {
            lexicon.words = parse_words(&data.join("words.txt"), BUILTIN_WORDS, &mut warnings)?;
        }
        if let Some(path) = &files.words {
            let words = parse_words(path, &user(path)?, &mut warnings)?;
            lexicon.words.extend(words);
        }
        Ok((lexicon, warnings))
    }

    pub fn stats(&self) -> LexiconStats {
        LexiconStats {
            actor_entries: self.actors.len(),
            actor_names: self.actors.iter().map(|a| a.names.len()).sum(),
            agent_forms: self.agents.len(),
            verb_blocks: self.verbs.blocks.len(),
            verbs: self.verbs.verb_count(),
            verb_forms: self.verbs.form_count(),
            patterns: self.verbs.pattern_count(),
            synsets: self.verbs.synsets.len(),
            transformations: self.verbs.transformations.len(),
            discards: self.discards.len(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str, bytes: &[u8]) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("dyad-lexicon-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    #[test]
    fn take_flag_reads_dictionary_flags_and_their_values() {
        let mut files = LexiconFiles::default();
        let mut args = ["v.txt", "a.txt", "b.txt", "other"]
            .map(String::from)
            .into_iter();
        assert!(files.take_flag("--verbs", &mut args));
        assert!(files.take_flag("--actors", &mut args));
        assert!(files.take_flag("--actors", &mut args));
        assert!(!files.take_flag("--threads", &mut args));
        assert_eq!(files.verbs, Some(PathBuf::from("v.txt")));
        assert_eq!(
            files.actors,
            vec![PathBuf::from("a.txt"), PathBuf::from("b.txt")]
        );
        assert_eq!(args.next().as_deref(), Some("other"));
    }

    #[test]
    fn given_kinds_replace_builtin_ones() {
        let actors = temp("a.txt", b"ROHAN [ROH]\n+EDORAS\n");
        let verbs = temp(
            "v.txt",
            b"--- RIDE [042] ---\nRIDE {RIDES RODE RIDDEN RIDING}\n",
        );
        let files = LexiconFiles {
            verbs: Some(verbs),
            actors: vec![actors],
            ..LexiconFiles::default()
        };
        let (lexicon, warnings) = Lexicon::load(&files).unwrap();
        assert!(
            warnings.iter().all(|w| !w.file.ends_with("a.txt")),
            "{warnings:?}"
        );
        assert_eq!(lexicon.actors.len(), 1);
        assert_eq!(lexicon.verbs.blocks.len(), 1);
        assert_eq!(lexicon.stats().actor_names, 2);
        let builtin = Lexicon::builtin().unwrap();
        assert_eq!(
            lexicon.agents.len(),
            builtin.agents.len(),
            "agents stay built-in"
        );
    }

    #[test]
    fn unusable_files_are_typed_errors_with_file_and_line() {
        let empty = temp("empty.txt", b"# only a comment\n\n");
        let err = Lexicon::load(&LexiconFiles {
            actors: vec![empty],
            ..Default::default()
        })
        .unwrap_err();
        assert!(matches!(err, LexiconError::Empty { .. }), "{err}");
        assert!(err.to_string().contains("empty.txt:"));

        let latin1 = temp("latin1.txt", b"GONDOR [GON]\nMIN\xc9AS [MIN]\n");
        let err = Lexicon::load(&LexiconFiles {
            actors: vec![latin1],
            ..Default::default()
        })
        .unwrap_err();
        assert!(
            matches!(err, LexiconError::NotUtf8 { line: 2, .. }),
            "{err}"
        );

        // An actors file given as the verb dictionary.
        let wrong = temp("wrong.txt", b"GONDOR [GON]\nROHAN [ROH]\n");
        let err = Lexicon::load(&LexiconFiles {
            verbs: Some(wrong),
            ..Default::default()
        })
        .unwrap_err();
        assert!(
            matches!(err, LexiconError::WrongFormat { line: 1, .. }),
            "{err}"
        );

        let missing = PathBuf::from("/nonexistent/dyad/verbs.txt");
        let err = Lexicon::load(&LexiconFiles {
            verbs: Some(missing),
            ..Default::default()
        })
        .unwrap_err();
        assert!(matches!(err, LexiconError::Io { .. }));
    }

    #[test]
    fn builtin_lexicon_loads_cleanly() {
        let (lexicon, warnings) = Lexicon::builtin_with_warnings().unwrap();
        let problems: Vec<String> = warnings.iter().map(ToString::to_string).collect();
        assert!(problems.is_empty(), "{problems:#?}");
        let stats = lexicon.stats();
        assert!(stats.actor_entries > 0 && stats.agent_forms > 0, "{stats}");
        assert!(
            stats.verbs > 0 && stats.patterns > 0 && stats.discards > 0,
            "{stats}"
        );
    }

    #[test]
    fn truncated_file_loads_what_it_has() {
        let cut = temp("cut.txt", b"GONDOR [GON]\nROHAN [ROH 1995");
        let (lexicon, warnings) = Lexicon::load(&LexiconFiles {
            actors: vec![cut],
            ..Default::default()
        })
        .unwrap();
        assert_eq!(lexicon.actors.len(), 1);
        assert!(warnings
            .iter()
            .any(|w| w.line == 2 && w.file.ends_with("cut.txt")));
    }
}
