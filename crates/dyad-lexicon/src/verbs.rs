//! The verb dictionary (`CAMEO.2.0.txt` format): synonym sets, verb blocks
//! with their inflections and codes, patterns, and transformations.
//!
//! ```text
//! &WEAPON                      a synonym set; plurals are made for its
//! +SWORD                       phrases unless the label or phrase ends in `_`
//! +&ARROWS                     (a set may hold another set)
//!
//! --- FORBID  [163] ---        a block: meaning and default code
//! FORBID {FORBIDS FORBADE FORBIDDEN FORBIDDING}   irregular forms in {...}
//! BAR [164]                    regular forms (BARS BARED BARING) are made;
//!                              a verb may have its own code
//! +SHUT_OUT                    a multi-word verb: `+` marks the inflected word
//! - * &WEAPON (TO +)  [1621]   a pattern: words before and after the verb `*`,
//!                              `(P ...)` a prepositional phrase, `{...}` a noun
//!                              phrase, `$` source, `+` target, `%` compound
//!                              actor, `^` any noun phrase (skipped)
//! ~ a (a b ATTACK) SAY = a b 015   a transformation of nested events
//! ```
//! Codes: `[050]`, `[040:040]` (the second code is for the reverse
//! direction, target to source), `[:080]` (reverse only), `[---]` (no event).

use std::collections::HashMap;
use std::path::Path;

use crate::error::LexiconWarning;
use crate::source::Line;

/// The code(s) a verb or pattern gives.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EventCode {
    /// Source → target code; `None` for the null code `---`.
    pub forward: Option<String>,
    /// Target → source code (`[040:040]`).
    pub reverse: Option<String>,
}

impl EventCode {
    pub fn is_null(&self) -> bool {
        self.forward.is_none() && self.reverse.is_none()
    }

    /// Parses the inside of `[...]`.
    pub fn parse(inside: &str) -> Result<EventCode, String> {
        let inside = inside.trim();
        let one = |s: &str| -> Result<Option<String>, String> {
            let s = s.trim();
            if s.is_empty() || s == "---" {
                return Ok(None);
            }
            let digits = s.bytes().take_while(u8::is_ascii_digit).count();
            let rest = &s[digits..];
            if (2..=4).contains(&digits)
                && rest.len() <= 1
                && rest.bytes().all(|b| b.is_ascii_alphabetic())
            {
                Ok(Some(s.to_string()))
            } else {
                Err(format!("{s:?} is not an event code (2-4 digits, or ---)"))
            }
        };
        match inside.split_once(':') {
            Some((a, b)) => Ok(EventCode {
                forward: one(a)?,
                reverse: one(b)?,
            }),
            None => Ok(EventCode {
                forward: one(inside)?,
                reverse: None,
            }),
        }
    }
}

/// One element of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Element {
    /// An upper-case word.
    Word(String),
    /// A synonym set, by name (upper case, without `&` and trailing `_`).
    Synset(String),
    /// Elements that must stand next to each other: `{...}` or `A_B`.
    Phrase(Vec<Element>),
    /// `{A | B}` (TABARI's disjunction): one of the alternatives.
    Alternatives(Vec<Vec<Element>>),
    /// `(P ...)`: a prepositional phrase; the first element is the preposition.
    Prep(Vec<Element>),
    /// `$`: the source actor stands here.
    Source,
    /// `+`: the target actor stands here.
    Target,
    /// `%`: a compound actor stands here; each member acts on the others.
    Compound,
    /// `^`: any noun phrase, skipped.
    Skip,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    /// Elements before the verb, in sentence order.
    pub before: Vec<Element>,
    /// Elements after the verb, in sentence order.
    pub after: Vec<Element>,
    pub code: EventCode,
    pub line: usize,
}

/// A verb of a block with its forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbEntry {
    /// Every form (base included), each as upper-case words.
    pub forms: Vec<Vec<String>>,
    /// Index of the inflected word in each form (multi-word verbs).
    pub verb_index: usize,
    /// A code of its own, when the line gives one.
    pub code: Option<EventCode>,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbBlock {
    /// The block's name (`--- SAY [010] ---` → `SAY`).
    pub meaning: String,
    /// The block's default code.
    pub code: EventCode,
    pub verbs: Vec<VerbEntry>,
    pub patterns: Vec<Pattern>,
    pub line: usize,
}

/// `~ a (a b ATTACK) SAY = a b 015`: when `a` says (outer verb) that `a`
/// or another actor attacked `b`, code `a b 015`. Variables are letters;
/// `.` is "no target", `_` "any actor".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transformation {
    pub outer_source: String,
    pub inner_source: String,
    pub inner_target: String,
    /// Meaning (block name) of the inner verb; `Q` means any verb.
    pub inner_verb: String,
    pub outer_verb: String,
    pub result_source: String,
    pub result_target: String,
    /// A code, or `Q`: the inner event's code.
    pub result_code: String,
    pub line: usize,
}

/// A synonym set with its phrases expanded (nested sets inlined, plurals made).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Synset {
    pub name: String,
    pub phrases: Vec<Vec<String>>,
    pub line: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VerbDictionary {
    pub blocks: Vec<VerbBlock>,
    pub synsets: HashMap<String, Synset>,
    pub transformations: Vec<Transformation>,
    /// The dictionary gives acts only and lets the coder code their mood
    /// (an intent for "will release", a threat for "threatened to attack",
    /// …), as dyad's own does; PETRARCH dictionaries code "will attack" as
    /// the attack and write their own patterns for threats. Set by the line
    /// `#% dyad: moods` in the file (a comment to other readers).
    pub moods: bool,
}

/// The line that marks a verb dictionary as written for the coder's moods.
pub const MOODS_DIRECTIVE: &str = "#% dyad: moods";

impl VerbDictionary {
    pub fn pattern_count(&self) -> usize {
        self.blocks.iter().map(|b| b.patterns.len()).sum()
    }

    pub fn verb_count(&self) -> usize {
        self.blocks.iter().map(|b| b.verbs.len()).sum()
    }

    pub fn form_count(&self) -> usize {
        self.blocks
            .iter()
            .flat_map(|b| &b.verbs)
            .map(|v| v.forms.len())
            .sum()
    }
}

fn synset_key(name: &str) -> String {
    name.trim_start_matches('&')
        .trim_end_matches('_')
        .to_uppercase()
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'A' | b'E' | b'I' | b'O' | b'U')
}

/// The regular forms of an English verb: -S, -ED, -ING (no consonant
/// doubling: the dictionary lists such verbs' forms in `{...}`).
pub fn regular_forms(verb: &str) -> [String; 3] {
    let v = verb.to_uppercase();
    let b = v.as_bytes();
    let n = b.len();
    let consonant_y = n >= 2 && b[n - 1] == b'Y' && !is_vowel(b[n - 2]);
    let third = if consonant_y {
        format!("{}IES", &v[..n - 1])
    } else if v.ends_with('S')
        || v.ends_with('X')
        || v.ends_with('Z')
        || v.ends_with("CH")
        || v.ends_with("SH")
    {
        format!("{v}ES")
    } else {
        format!("{v}S")
    };
    let past = if consonant_y {
        format!("{}IED", &v[..n - 1])
    } else if v.ends_with('E') {
        format!("{v}D")
    } else {
        format!("{v}ED")
    };
    // "agree" → "agreeing", "see" → "seeing"; "move" → "moving".
    let ing = if v.ends_with('E') && n >= 2 && !is_vowel(b[n - 2]) {
        format!("{}ING", &v[..n - 1])
    } else {
        format!("{v}ING")
    };
    [third, past, ing]
}

fn plural(words: &[String]) -> Vec<String> {
    let mut out = words.to_vec();
    if let Some(last) = out.last_mut() {
        *last = crate::agents::plural_of(last);
    }
    out
}

/// Reads one verb form written as `WORD`, `+CORDON_OFF` or `WIRE_+TAP`:
/// its words and the index of the inflected word.
fn verb_form(text: &str) -> Result<(Vec<String>, usize), String> {
    let pieces: Vec<&str> = text.split('_').filter(|p| !p.is_empty()).collect();
    if pieces.is_empty() {
        return Err("empty verb".into());
    }
    let marked: Vec<usize> = pieces
        .iter()
        .enumerate()
        .filter(|(_, p)| p.starts_with('+'))
        .map(|(i, _)| i)
        .collect();
    let index = match (pieces.len(), marked.as_slice()) {
        (1, _) => 0,
        (_, [one]) => *one,
        (_, []) => {
            return Err(format!(
                "multi-word verb {text:?} needs `+` before its inflected word"
            ))
        }
        _ => return Err(format!("multi-word verb {text:?} has more than one `+`")),
    };
    let words: Vec<String> = pieces
        .iter()
        .map(|p| p.trim_start_matches('+').to_uppercase())
        .collect();
    if words
        .iter()
        .any(|w| w.is_empty() || w.contains(['{', '}', '[', ']', '(', ')', '*', '&']))
    {
        return Err(format!("{text:?} is not a verb"));
    }
    Ok((words, index))
}

fn verb_line(text: &str, number: usize) -> Result<VerbEntry, String> {
    let (body, code) = match text.find('[') {
        Some(open) => {
            let close = text[open..]
                .find(']')
                .map(|c| c + open)
                .ok_or("`[` without `]`")?;
            if !text[close + 1..].trim().is_empty() {
                return Err(format!(
                    "unexpected text after the code: {:?}",
                    text[close + 1..].trim()
                ));
            }
            (
                &text[..open],
                Some(EventCode::parse(&text[open + 1..close])?),
            )
        }
        None => (text, None),
    };
    let (base, explicit) = match body.find('{') {
        Some(open) => {
            let close = body[open..]
                .find('}')
                .map(|c| c + open)
                .ok_or("`{` without `}`")?;
            if !body[close + 1..].trim().is_empty() {
                return Err("unexpected text after the forms in {...}".into());
            }
            (body[..open].trim(), Some(&body[open + 1..close]))
        }
        None => (body.trim(), None),
    };
    if base.split_whitespace().count() != 1 {
        return Err(format!(
            "verb {base:?} should be one word (join the words of a phrase with `_`)"
        ));
    }
    let (words, index) = verb_form(base)?;
    let mut forms = vec![words.clone()];
    match explicit {
        Some(list) => {
            // Forms are separated by blanks; some files also use commas.
            for form in list
                .split(|c: char| c.is_whitespace() || c == ',')
                .filter(|f| !f.is_empty())
            {
                let (w, i) = verb_form(form)?;
                if words.len() > 1 && (w.len() != words.len() || i != index) {
                    return Err(format!("form {form:?} does not have the shape of {base:?}"));
                }
                forms.push(w);
            }
        }
        None => {
            for inflected in regular_forms(&words[index]) {
                let mut w = words.clone();
                w[index] = inflected;
                forms.push(w);
            }
        }
    }
    forms.dedup();
    Ok(VerbEntry {
        forms,
        verb_index: index,
        code,
        line: number,
    })
}

/// Splits a pattern body into symbols: brackets, `|`, and words.
fn pattern_symbols(body: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in body.char_indices() {
        // `*` is a symbol of its own also when written against a word
        // (`*_LAWS`, `SPY_*_DEAL` occur).
        let special = matches!(c, '(' | ')' | '{' | '}' | '|' | '*');
        if c.is_whitespace() || special {
            if let Some(s) = start.take() {
                out.push(&body[s..i]);
            }
            if special {
                out.push(&body[i..i + 1]);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push(&body[s..]);
    }
    out
}

fn word_element(symbol: &str) -> Result<Element, String> {
    match symbol {
        "$" => return Ok(Element::Source),
        "+" => return Ok(Element::Target),
        "%" => return Ok(Element::Compound),
        "^" => return Ok(Element::Skip),
        _ => {}
    }
    if let Some(name) = symbol.strip_prefix('&') {
        let key = synset_key(name);
        if key.is_empty() || key.contains('&') {
            return Err(format!("bad synonym set name {symbol:?}"));
        }
        return Ok(Element::Synset(key));
    }
    if symbol.contains(['*', '[', ']', '$', '%', '^'])
        || (symbol.contains('+') && symbol.len() > 1 && symbol.starts_with('+'))
    {
        return Err(format!("{symbol:?} is not a word of a pattern"));
    }
    let parts: Vec<&str> = symbol.split('_').filter(|p| !p.is_empty()).collect();
    match parts.len() {
        0 => Err(format!("{symbol:?} is not a word")),
        1 => Ok(Element::Word(parts[0].to_uppercase())),
        _ => Ok(Element::Phrase(
            parts
                .iter()
                .map(|p| match p.strip_prefix('&') {
                    Some(name) => Element::Synset(synset_key(name)),
                    None => Element::Word(p.to_uppercase()),
                })
                .collect(),
        )),
    }
}

/// Parses a sequence of symbols (no `*`) into elements.
fn parse_elements(symbols: &[&str]) -> Result<Vec<Element>, String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < symbols.len() {
        match symbols[i] {
            "(" => {
                let end = symbols[i + 1..]
                    .iter()
                    .position(|s| *s == ")")
                    .ok_or("`(` without `)`")?
                    + i
                    + 1;
                let inner = &symbols[i + 1..end];
                if inner.contains(&"(") {
                    return Err("`(` inside `(...)`".into());
                }
                let elements = parse_elements(inner)?;
                match elements.first() {
                    Some(Element::Word(_))
                    | Some(Element::Phrase(_))
                    | Some(Element::Synset(_)) => {}
                    _ => return Err("`(...)` must start with a preposition".into()),
                }
                out.push(Element::Prep(elements));
                i = end + 1;
            }
            "{" => {
                let end = symbols[i + 1..]
                    .iter()
                    .position(|s| *s == "}")
                    .ok_or("`{` without `}`")?
                    + i
                    + 1;
                let inner = &symbols[i + 1..end];
                if inner.iter().any(|s| matches!(*s, "{" | "(" | ")")) {
                    return Err("brackets inside `{...}`".into());
                }
                if inner.contains(&"|") {
                    let mut alternatives = Vec::new();
                    for part in inner.split(|s| *s == "|") {
                        let elements = parse_elements(part)?;
                        if elements.is_empty() {
                            return Err("empty alternative in `{... | ...}`".into());
                        }
                        alternatives.push(elements);
                    }
                    out.push(Element::Alternatives(alternatives));
                } else {
                    let elements = parse_elements(inner)?;
                    if elements.is_empty() {
                        return Err("empty `{}`".into());
                    }
                    out.push(Element::Phrase(elements));
                }
                i = end + 1;
            }
            ")" | "}" => return Err(format!("`{}` without its opening bracket", symbols[i])),
            "|" => return Err("`|` outside `{...}`".into()),
            symbol => {
                out.push(word_element(symbol)?);
                i += 1;
            }
        }
    }
    Ok(out)
}

fn pattern_line(text: &str, number: usize) -> Result<Pattern, String> {
    let body = text.trim_start().strip_prefix('-').unwrap_or(text).trim();
    let open = body.rfind('[').ok_or("pattern without a code [...]")?;
    let close = body[open..]
        .find(']')
        .map(|c| c + open)
        .ok_or("`[` without `]`")?;
    if !body[close + 1..].trim().is_empty() {
        return Err("unexpected text after the code".into());
    }
    let code = EventCode::parse(&body[open + 1..close])?;
    let symbols = pattern_symbols(&body[..open]);
    let stars: Vec<usize> = symbols
        .iter()
        .enumerate()
        .filter(|(_, s)| **s == "*")
        .map(|(i, _)| i)
        .collect();
    let star = match stars.as_slice() {
        [one] => *one,
        [] => return Err("pattern with no verb `*`; skipped".into()),
        _ => return Err("pattern with more than one verb `*`".into()),
    };
    let before = parse_elements(&symbols[..star])?;
    let after = parse_elements(&symbols[star + 1..])?;
    Ok(Pattern {
        before,
        after,
        code,
        line: number,
    })
}

fn transformation_line(text: &str, number: usize) -> Result<Transformation, String> {
    let body = text.trim().trim_start_matches('~');
    let (lhs, rhs) = body.split_once('=').ok_or("transformation without `=`")?;
    let lhs: Vec<String> = lhs
        .replace(['(', ')'], " ")
        .split_whitespace()
        .map(str::to_uppercase)
        .collect();
    let rhs: Vec<String> = rhs.split_whitespace().map(str::to_uppercase).collect();
    match (lhs.as_slice(), rhs.as_slice()) {
        ([a, b, c, inner, outer], [s, t, code]) => Ok(Transformation {
            outer_source: a.clone(),
            inner_source: b.clone(),
            inner_target: c.clone(),
            inner_verb: inner.clone(),
            outer_verb: outer.clone(),
            result_source: s.clone(),
            result_target: t.clone(),
            result_code: code.clone(),
            line: number,
        }),
        _ => Err("transformation should read `a (b c VERB) VERB = a c CODE`".into()),
    }
}

/// A synonym set as written: name, line, no-plural flag, members (line, text).
type RawSet = (String, usize, bool, Vec<(usize, String)>);

/// Where the reader is: defining a synonym set, inside a verb block, or
/// before either.
enum State {
    Start,
    Synset,
    Block,
}

pub(crate) fn read(
    file: &Path,
    lines: &[Line<'_>],
    warnings: &mut Vec<LexiconWarning>,
) -> ReadVerbs {
    let mut out = ReadVerbs::default();
    // Raw synonym sets: name → (line, no-plural flag, members).
    let mut raw_sets: Vec<RawSet> = Vec::new();
    let mut state = State::Start;
    let mut warn = |line: usize, message: String| {
        warnings.push(LexiconWarning {
            file: file.to_path_buf(),
            line,
            message,
        })
    };
    for line in lines {
        out.content_lines += 1;
        // `;` starts a comment in the TABARI files this format grew from.
        let text = match line.text.find(';') {
            Some(pos) => line.text[..pos].trim(),
            None => line.text.trim(),
        };
        if text.is_empty() {
            continue;
        }
        if text.starts_with("---") {
            let inner = text.trim_start_matches('-').trim_end_matches('-').trim();
            let (meaning, code) = match inner.find('[') {
                Some(open) => {
                    let Some(close) = inner[open..].find(']').map(|c| c + open) else {
                        warn(line.number, "`[` without `]` in the block header".into());
                        out.malformed += 1;
                        state = State::Start;
                        continue;
                    };
                    match EventCode::parse(&inner[open + 1..close]) {
                        Ok(code) => (inner[..open].trim(), code),
                        Err(message) => {
                            warn(line.number, message);
                            out.malformed += 1;
                            state = State::Start;
                            continue;
                        }
                    }
                }
                None => (inner, EventCode::default()),
            };
            if meaning.is_empty() || meaning.contains(char::is_whitespace) {
                warn(
                    line.number,
                    "block header should read `--- MEANING [CODE] ---`".into(),
                );
                out.malformed += 1;
                state = State::Start;
                continue;
            }
            out.dictionary.blocks.push(VerbBlock {
                meaning: meaning.to_uppercase(),
                code,
                verbs: Vec::new(),
                patterns: Vec::new(),
                line: line.number,
            });
            state = State::Block;
            continue;
        }
        if text.starts_with('&') {
            let name = text.split_whitespace().next().unwrap_or("");
            let key = synset_key(name);
            if key.is_empty() || text.split_whitespace().count() > 1 {
                warn(
                    line.number,
                    "synonym set label should be one word `&NAME`".into(),
                );
                out.malformed += 1;
                continue;
            }
            raw_sets.push((key.clone(), line.number, name.ends_with('_'), Vec::new()));
            state = State::Synset;
            continue;
        }
        if let State::Synset = state {
            if let Some(member) = text.strip_prefix('+') {
                if let Some(set) = raw_sets.last_mut() {
                    set.3.push((line.number, member.trim().to_string()));
                }
                continue;
            }
            state = if out.dictionary.blocks.is_empty() {
                State::Start
            } else {
                State::Block
            };
            // A set ended; the line is read below as what it is.
        }
        if text.starts_with('~') {
            match transformation_line(text, line.number) {
                Ok(t) => out.dictionary.transformations.push(t),
                Err(message) => {
                    warn(line.number, message);
                    out.malformed += 1;
                }
            }
            continue;
        }
        let Some(block) = (match state {
            State::Block => out.dictionary.blocks.last_mut(),
            _ => None,
        }) else {
            warn(
                line.number,
                "line outside any `--- VERB [CODE] ---` block".into(),
            );
            out.malformed += 1;
            continue;
        };
        if text.starts_with('-') || text.starts_with('*') {
            if text.starts_with('*') {
                warn(
                    line.number,
                    "pattern without the leading `-`; read as a pattern".into(),
                );
            }
            match pattern_line(text, line.number) {
                Ok(p) => {
                    if p.code.forward.is_none() && p.code.reverse.is_none() && !text.contains("---")
                    {
                        warn(line.number, "pattern without a usable code; skipped".into());
                        out.malformed += 1;
                    } else {
                        block.patterns.push(p);
                    }
                }
                Err(message) => {
                    warn(line.number, message);
                    out.malformed += 1;
                }
            }
            continue;
        }
        match verb_line(text, line.number) {
            Ok(verb) => block.verbs.push(verb),
            Err(message) => {
                warn(line.number, message);
                out.malformed += 1;
            }
        }
    }

    // Expand the synonym sets: nested sets inlined, cycles refused.
    let index: HashMap<&str, usize> = raw_sets
        .iter()
        .enumerate()
        .map(|(i, s)| (s.0.as_str(), i))
        .collect();
    fn expand(
        at: usize,
        sets: &[RawSet],
        index: &HashMap<&str, usize>,
        stack: &mut Vec<usize>,
        problems: &mut Vec<(usize, String)>,
    ) -> Option<Vec<Vec<String>>> {
        if stack.contains(&at) {
            return None;
        }
        stack.push(at);
        let (_, _, no_plural, members) = &sets[at];
        let mut phrases = Vec::new();
        let mut cyclic = false;
        for (line, member) in members {
            if let Some(inner) = member.strip_prefix('&') {
                let key = synset_key(inner);
                match index.get(key.as_str()) {
                    Some(&j) => match expand(j, sets, index, stack, problems) {
                        Some(more) => phrases.extend(more),
                        None => {
                            problems.push((
                                *line,
                                format!(
                                    "synonym set &{key} contains itself (a cycle); set skipped"
                                ),
                            ));
                            cyclic = true;
                        }
                    },
                    None => problems.push((
                        *line,
                        format!("synonym set &{key} is not defined; member skipped"),
                    )),
                }
                continue;
            }
            let words = crate::source::phrase_words(&member.replace(['(', ')'], " "));
            if words.is_empty() {
                continue;
            }
            let make_plural = !no_plural && !member.ends_with('_');
            if make_plural {
                let p = plural(&words);
                phrases.push(words);
                phrases.push(p);
            } else {
                phrases.push(words);
            }
        }
        stack.pop();
        if cyclic {
            None
        } else {
            Some(phrases)
        }
    }
    for i in 0..raw_sets.len() {
        let mut problems = Vec::new();
        let expanded = expand(i, &raw_sets, &index, &mut Vec::new(), &mut problems);
        for (line, message) in problems {
            if !warnings
                .iter()
                .any(|w| w.line == line && w.message == message)
            {
                warnings.push(LexiconWarning {
                    file: file.to_path_buf(),
                    line,
                    message,
                });
                out.malformed += 1;
            }
        }
        let (name, line, _, _) = &raw_sets[i];
        if let Some(phrases) = expanded {
            // A later definition of the same name adds to the earlier one.
            let set = out
                .dictionary
                .synsets
                .entry(name.clone())
                .or_insert_with(|| Synset {
                    name: name.clone(),
                    phrases: Vec::new(),
                    line: *line,
                });
            for phrase in phrases {
                if !set.phrases.contains(&phrase) {
                    set.phrases.push(phrase);
                }
            }
        }
    }

    // Patterns naming an unknown synonym set are skipped.
    fn unknown<'e>(elements: &'e [Element], sets: &HashMap<String, Synset>) -> Option<&'e str> {
        elements.iter().find_map(|e| match e {
            Element::Synset(name) if !sets.contains_key(name) => Some(name.as_str()),
            Element::Phrase(inner) | Element::Prep(inner) => unknown(inner, sets),
            Element::Alternatives(alts) => alts.iter().find_map(|a| unknown(a, sets)),
            _ => None,
        })
    }
    let synsets = &out.dictionary.synsets;
    for block in &mut out.dictionary.blocks {
        block.patterns.retain(|p| {
            let missing = unknown(&p.before, synsets).or_else(|| unknown(&p.after, synsets));
            if let Some(name) = missing {
                warnings.push(LexiconWarning {
                    file: file.to_path_buf(),
                    line: p.line,
                    message: format!("pattern uses synonym set &{name}, which is not defined (or is cyclic); skipped"),
                });
                out.malformed += 1;
                false
            } else {
                true
            }
        });
    }
    out
}

#[derive(Debug, Default)]
pub(crate) struct ReadVerbs {
    pub dictionary: VerbDictionary,
    pub content_lines: usize,
    pub malformed: usize,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::content_lines;

    fn read_text(text: &str) -> (VerbDictionary, Vec<LexiconWarning>) {
        let mut warnings = Vec::new();
        let lines = content_lines(Path::new("v.txt"), text, &mut warnings);
        let out = read(Path::new("v.txt"), &lines, &mut warnings);
        (out.dictionary, warnings)
    }

    fn words(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn codes() {
        assert_eq!(
            EventCode::parse("050").unwrap().forward.as_deref(),
            Some("050")
        );
        let both = EventCode::parse("043:042").unwrap();
        assert_eq!(
            (both.forward.as_deref(), both.reverse.as_deref()),
            (Some("043"), Some("042"))
        );
        let reverse = EventCode::parse(":080").unwrap();
        assert_eq!(
            (reverse.forward, reverse.reverse.as_deref()),
            (None, Some("080"))
        );
        assert!(EventCode::parse("---").unwrap().is_null());
        assert!(EventCode::parse("174L").is_ok());
        assert!(EventCode::parse("xxy").is_err());
        assert!(EventCode::parse("+++").is_err());
    }

    #[test]
    fn blocks_verbs_and_forms() {
        let text = "--- FORBID [163] ---\nFORBID {FORBIDS FORBADE FORBIDDEN FORBIDDING}\nBAR [164]\nDENY\n+SHUT_OUT\nWALL_+OFF {WALL_+OFFED}\n";
        let (dict, warnings) = read_text(text);
        assert!(warnings.is_empty(), "{warnings:?}");
        let block = &dict.blocks[0];
        assert_eq!(block.meaning, "FORBID");
        assert_eq!(block.code.forward.as_deref(), Some("163"));
        assert_eq!(block.verbs[0].forms.len(), 5);
        assert!(block.verbs[0].forms.contains(&words(&["FORBADE"])));
        assert_eq!(
            block.verbs[1].code.as_ref().unwrap().forward.as_deref(),
            Some("164")
        );
        assert_eq!(
            block.verbs[1].forms,
            vec![
                words(&["BAR"]),
                words(&["BARS"]),
                words(&["BARED"]),
                words(&["BARING"])
            ]
        );
        assert!(block.verbs[2].forms.contains(&words(&["DENIES"])));
        assert!(block.verbs[2].forms.contains(&words(&["DENIED"])));
        let shut = &block.verbs[3];
        assert_eq!(shut.verb_index, 0);
        assert!(shut.forms.contains(&words(&["SHUTS", "OUT"])));
        let wall = &block.verbs[4];
        assert_eq!(wall.verb_index, 1);
        assert_eq!(
            wall.forms,
            vec![words(&["WALL", "OFF"]), words(&["WALL", "OFFED"])]
        );
    }

    #[test]
    fn regular_forms_follow_english_spelling() {
        assert_eq!(regular_forms("AGREE"), ["AGREES", "AGREED", "AGREEING"]);
        assert_eq!(regular_forms("MOVE"), ["MOVES", "MOVED", "MOVING"]);
        assert_eq!(regular_forms("CARRY"), ["CARRIES", "CARRIED", "CARRYING"]);
        assert_eq!(regular_forms("PUSH"), ["PUSHES", "PUSHED", "PUSHING"]);
        assert_eq!(regular_forms("OBEY"), ["OBEYS", "OBEYED", "OBEYING"]);
    }

    #[test]
    fn patterns_with_slots_and_groups() {
        let text = "&BLADE\n+SWORD\n+LONG_KNIFE_\n\n--- GIVE [070] ---\nGIVE {GIVES GAVE GIVEN GIVING}\n- $ * &BLADE (TO +) [0712]\n- % * {FAST HORSES} [062:062]\n- * SHELTER (IN ^) [:075]\n- * {WAR | BATTLE} [190]\n";
        let (dict, warnings) = read_text(text);
        assert!(warnings.is_empty(), "{warnings:?}");
        let set = &dict.synsets["BLADE"];
        assert_eq!(
            set.phrases,
            vec![
                words(&["SWORD"]),
                words(&["SWORDS"]),
                words(&["LONG", "KNIFE"])
            ]
        );
        let p = &dict.blocks[0].patterns;
        assert_eq!(p.len(), 4);
        assert_eq!(p[0].before, vec![Element::Source]);
        assert_eq!(
            p[0].after,
            vec![
                Element::Synset("BLADE".into()),
                Element::Prep(vec![Element::Word("TO".into()), Element::Target])
            ]
        );
        assert_eq!(p[1].before, vec![Element::Compound]);
        assert_eq!(
            p[1].after,
            vec![Element::Phrase(vec![
                Element::Word("FAST".into()),
                Element::Word("HORSES".into())
            ])]
        );
        assert_eq!(p[1].code.reverse.as_deref(), Some("062"));
        assert_eq!(
            p[2].after[1],
            Element::Prep(vec![Element::Word("IN".into()), Element::Skip])
        );
        assert!(matches!(&p[3].after[0], Element::Alternatives(a) if a.len() == 2));
    }

    #[test]
    fn nested_and_cyclic_synonym_sets() {
        let text = "&METAL_\n+GOLD\n+SILVER\n&TREASURE\n+&METAL\n+GEM\n&LOOP_A\n+&LOOP_B\n&LOOP_B\n+&LOOP_A\n--- SEEK [---] ---\nSEEK\n- * &TREASURE [071]\n- * &LOOP_A [072]\n";
        let (dict, warnings) = read_text(text);
        let treasure = &dict.synsets["TREASURE"];
        assert!(treasure.phrases.contains(&words(&["GOLD"])));
        assert!(
            !treasure.phrases.contains(&words(&["GOLDS"])),
            "no plurals in a `_` set"
        );
        assert!(treasure.phrases.contains(&words(&["GEMS"])));
        assert!(!dict.synsets.contains_key("LOOP_A") && !dict.synsets.contains_key("LOOP"));
        assert_eq!(
            dict.blocks[0].patterns.len(),
            1,
            "pattern with the cyclic set skipped"
        );
        assert!(
            warnings.iter().any(|w| w.message.contains("cycle")),
            "{warnings:?}"
        );
    }

    #[test]
    fn bad_patterns_are_reported_and_skipped() {
        let text = "--- HELP [070] ---\nHELP\n- HELP WITH [071]\n- * (WITH [072]\n- * TOOLS [xyz]\n- * MONEY [073]\n- * &NOWHERE [074]\n";
        let (dict, warnings) = read_text(text);
        assert_eq!(dict.blocks[0].patterns.len(), 1);
        let lines: Vec<usize> = warnings.iter().map(|w| w.line).collect();
        assert_eq!(lines, [3, 4, 5, 7]);
        assert!(warnings[0].message.contains("no verb"));
    }

    #[test]
    fn transformations() {
        let (dict, warnings) =
            read_text("--- SAY [010] ---\nSAY\n~ a (a b ATTACK) SAY = a b 015\n~ broken\n");
        assert_eq!(dict.transformations.len(), 1);
        let t = &dict.transformations[0];
        assert_eq!(
            (
                t.inner_verb.as_str(),
                t.outer_verb.as_str(),
                t.result_code.as_str()
            ),
            ("ATTACK", "SAY", "015")
        );
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn verb_lines_outside_blocks_and_bad_multiwords() {
        let (dict, warnings) = read_text("LONELY\n--- X [010] ---\nSPEAK_UP\nTALK\n");
        assert_eq!(dict.blocks[0].verbs.len(), 1);
        assert_eq!(warnings.iter().map(|w| w.line).collect::<Vec<_>>(), [1, 3]);
    }

    #[test]
    fn tabari_habits_are_read() {
        // `;` comments, `*` written against a word, commas between forms.
        let text = "--- HALT [191] ---\nHALT {HALTS HALTED HALTING} ;ab 2/2/02\n+STAND_DOWN {+STANDS_DOWN , +STOOD_DOWN}\n- *_FIRE [192]\n";
        let (dict, warnings) = read_text(text);
        assert!(warnings.is_empty(), "{warnings:?}");
        let block = &dict.blocks[0];
        assert_eq!(block.verbs[0].forms.len(), 4);
        assert_eq!(block.verbs[1].forms.len(), 3);
        assert_eq!(block.patterns[0].after, vec![Element::Word("FIRE".into())]);
    }
}
