//! Actor dictionaries (`Phoenix.*.actors.txt` format): names, `+` synonyms and
//! codes, optionally restricted to a period of time.
//!
//! ```text
//! GONDOR [GON]                 a name and its code
//! +MINAS_TIRITH                a synonym of the line above
//! GOLLUM                       codes may follow on indented lines ...
//!     [HOB < 950601]           ... valid before a date,
//!     [HOBGOV 950601-990815]   ... between two dates (inclusive),
//!     [HOBREB > 990816]        ... or after one; an undated code is the default.
//! ```
//! Dates are `YYMMDD` (00–30 read as 20YY, else 19YY) or `YYYYMMDD`.
//! A name line without a code shares the codes of the block that follows it.

use std::path::Path;

use crate::error::LexiconWarning;
use crate::source::{phrase_words, Line};

/// When a code applies, as `YYYYMMDD` numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateRange {
    Always,
    /// Strictly before the date.
    Before(u32),
    /// Strictly after the date.
    After(u32),
    /// From the first to the second date, both included.
    Between(u32, u32),
}

impl DateRange {
    pub fn contains(self, date: u32) -> bool {
        match self {
            DateRange::Always => true,
            DateRange::Before(d) => date < d,
            DateRange::After(d) => date > d,
            DateRange::Between(a, b) => a <= date && date <= b,
        }
    }
}

/// An actor code and the period in which it applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedCode {
    /// The code as written, upper-cased (`USAGOV`, `IGOUNO`, `---`, `ELR/GAL`).
    pub code: String,
    pub range: DateRange,
}

/// One block of the dictionary: every name in it means the same actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorEntry {
    /// The names, each as upper-case words.
    pub names: Vec<Vec<String>>,
    pub codes: Vec<DatedCode>,
    /// Line of the block's first name.
    pub line: usize,
}

impl ActorEntry {
    /// The code in force on `date` (`YYYYMMDD`): the first dated code whose
    /// period holds the date, else the undated code. Without a date, the
    /// undated code, else the last code listed (the most recent role).
    pub fn code_on(&self, date: Option<u32>) -> &str {
        if let Some(date) = date {
            if let Some(code) = self
                .codes
                .iter()
                .find(|c| c.range != DateRange::Always && c.range.contains(date))
            {
                return &code.code;
            }
        }
        if let Some(code) = self.codes.iter().find(|c| c.range == DateRange::Always) {
            return &code.code;
        }
        match (date, self.codes.last()) {
            // A date outside every period: no code fits; the nearest one in
            // the list order is still a better answer than none.
            (_, Some(code)) => &code.code,
            (_, None) => "---",
        }
    }
}

/// Reads a `YYMMDD` or `YYYYMMDD` date into `YYYYMMDD`.
pub(crate) fn parse_date(s: &str) -> Option<u32> {
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (year, rest) = match s.len() {
        6 => {
            let yy: u32 = s[..2].parse().ok()?;
            (if yy <= 30 { 2000 + yy } else { 1900 + yy }, &s[2..])
        }
        8 => (s[..4].parse().ok()?, &s[4..]),
        _ => return None,
    };
    let month: u32 = rest[..2].parse().ok()?;
    let day: u32 = rest[2..].parse().ok()?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    Some(year * 10_000 + month * 100 + day)
}

/// Reads the inside of one `[...]` code group.
pub(crate) fn parse_code_group(inside: &str) -> Result<DatedCode, String> {
    let inside = inside.trim();
    let (code, rest) = match inside.find(char::is_whitespace) {
        Some(pos) => (&inside[..pos], inside[pos..].trim()),
        None => (inside, ""),
    };
    // `[HOBCIV <20080120]` and `[HOB<950601]` both occur.
    let (code, rest) = match code.find(['<', '>']) {
        Some(pos) if pos > 0 => (&code[..pos], &inside[pos..]),
        _ => (code, rest),
    };
    if code.is_empty() {
        return Err("empty code in [...]".into());
    }
    if code.starts_with(|c: char| c.is_ascii_digit() || c == '<' || c == '>') {
        return Err(format!("[{inside}] has a date but no code"));
    }
    if !code
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '+' | '/' | '~' | '_'))
    {
        return Err(format!("code {code:?} has characters codes never have"));
    }
    let spec: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
    let bad_date = || format!("date restriction {rest:?} is not <DATE, >DATE or DATE-DATE");
    let range = if spec.is_empty() {
        DateRange::Always
    } else if let Some(d) = spec.strip_prefix('<') {
        DateRange::Before(parse_date(d).ok_or_else(bad_date)?)
    } else if let Some(d) = spec.strip_prefix('>') {
        DateRange::After(parse_date(d).ok_or_else(bad_date)?)
    } else if let Some((a, b)) = spec.split_once('-') {
        let (a, b) = (
            parse_date(a).ok_or_else(bad_date)?,
            parse_date(b).ok_or_else(bad_date)?,
        );
        if a > b {
            return Err(format!("date range {rest:?} ends before it starts"));
        }
        DateRange::Between(a, b)
    } else {
        return Err(bad_date());
    };
    Ok(DatedCode {
        code: code.to_uppercase(),
        range,
    })
}

/// Splits `NAME [CODE] [CODE2 ...]` into the name and the code groups.
fn split_codes(text: &str) -> Result<(&str, Vec<&str>), String> {
    let Some(first) = text.find('[') else {
        if text.contains(']') {
            return Err("`]` without `[`".into());
        }
        return Ok((text, Vec::new()));
    };
    let name = &text[..first];
    let mut groups = Vec::new();
    let mut rest = &text[first..];
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        let Some(inner) = rest.strip_prefix('[') else {
            return Err(format!("unexpected text {rest:?} after a code"));
        };
        let Some(end) = inner.find(']') else {
            return Err("`[` without `]`".into());
        };
        if inner[..end].contains('[') {
            return Err("`[` inside a code".into());
        }
        groups.push(&inner[..end]);
        rest = &inner[end + 1..];
    }
    Ok((name, groups))
}

/// Reads the content lines of one actor file into entries.
pub(crate) fn read(
    file: &Path,
    lines: &[Line<'_>],
    warnings: &mut Vec<LexiconWarning>,
) -> ReadActors {
    let mut out = ReadActors::default();
    let mut current: Option<ActorEntry> = None;
    let warn = |warnings: &mut Vec<LexiconWarning>, line: usize, message: String| {
        warnings.push(LexiconWarning {
            file: file.to_path_buf(),
            line,
            message,
        })
    };
    for line in lines {
        let text = line.text.trim();
        out.content_lines += 1;
        let (name, groups) = match split_codes(text) {
            Ok(split) => split,
            Err(message) => {
                warn(warnings, line.number, message);
                out.malformed += 1;
                continue;
            }
        };
        let mut codes = Vec::with_capacity(groups.len());
        let mut bad = false;
        for group in groups {
            match parse_code_group(group) {
                Ok(code) => codes.push(code),
                Err(message) => {
                    warn(warnings, line.number, message);
                    bad = true;
                }
            }
        }
        if bad {
            out.malformed += 1;
            continue;
        }
        let name = name.trim();
        if name.is_empty() {
            // A code line of the current block.
            match current.as_mut() {
                Some(entry) => entry.codes.extend(codes),
                None => {
                    warn(
                        warnings,
                        line.number,
                        "code line before any actor name".into(),
                    );
                    out.malformed += 1;
                }
            }
            continue;
        }
        if let Some(synonym) = name.strip_prefix('+') {
            let words = phrase_words(synonym);
            match current.as_mut() {
                Some(entry) if !words.is_empty() => {
                    entry.names.push(words);
                    entry.codes.extend(codes);
                }
                Some(_) => {
                    warn(warnings, line.number, "empty synonym".into());
                    out.malformed += 1;
                }
                None => {
                    warn(
                        warnings,
                        line.number,
                        "synonym `+` before any actor name".into(),
                    );
                    out.malformed += 1;
                }
            }
            continue;
        }
        let words = phrase_words(name);
        if words.is_empty() {
            warn(warnings, line.number, "empty actor name".into());
            out.malformed += 1;
            continue;
        }
        match current.as_mut() {
            // A name line while the block has no code yet: it shares the
            // codes that follow.
            Some(entry) if entry.codes.is_empty() => {
                entry.names.push(words);
                entry.codes.extend(codes);
            }
            _ => {
                if let Some(done) = current.take() {
                    out.entries.push(done);
                }
                current = Some(ActorEntry {
                    names: vec![words],
                    codes,
                    line: line.number,
                });
            }
        }
    }
    if let Some(done) = current.take() {
        if done.codes.is_empty() {
            warn(warnings, done.line, "actor has no code; skipped".into());
            out.malformed += 1;
        } else {
            out.entries.push(done);
        }
    }
    out
}

#[derive(Debug, Default)]
pub(crate) struct ReadActors {
    pub entries: Vec<ActorEntry>,
    pub content_lines: usize,
    pub malformed: usize,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::content_lines;

    fn read_text(text: &str) -> (Vec<ActorEntry>, Vec<LexiconWarning>) {
        let mut warnings = Vec::new();
        let lines = content_lines(Path::new("a.txt"), text, &mut warnings);
        let out = read(Path::new("a.txt"), &lines, &mut warnings);
        (out.entries, warnings)
    }

    #[test]
    fn names_synonyms_and_codes() {
        let (entries, warnings) =
            read_text("NUMENOR_ [NUM] # comment\n+WESTERNESSE\n+ISLE_OF_KINGS\n\nHARAD [HAR]\n");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(entries.len(), 2);
        assert_eq!(
            entries[0].names,
            vec![
                vec!["NUMENOR".to_string()],
                vec!["WESTERNESSE".into()],
                vec!["ISLE".into(), "OF".into(), "KINGS".into()]
            ]
        );
        assert_eq!(entries[0].code_on(None), "NUM");
        assert_eq!(entries[1].line, 5);
    }

    #[test]
    fn date_restricted_codes_on_indented_lines() {
        let text = "THENGEL\n+KING_THENGEL\n\t[RHN < 950601]\n\t[RHNGOV 19950601 - 19990815]\n\t[RHNREB > 990816]\nEOMER [RHN]\n\t[RHNGOV 20100101-20101231]\n";
        let (entries, warnings) = read_text(text);
        assert!(warnings.is_empty(), "{warnings:?}");
        let thengel = &entries[0];
        assert_eq!(thengel.code_on(Some(19941231)), "RHN");
        assert_eq!(thengel.code_on(Some(19950601)), "RHNGOV");
        assert_eq!(thengel.code_on(Some(19990815)), "RHNGOV");
        assert_eq!(thengel.code_on(Some(20010101)), "RHNREB");
        let eomer = &entries[1];
        assert_eq!(eomer.code_on(Some(20100505)), "RHNGOV");
        assert_eq!(
            eomer.code_on(Some(20110505)),
            "RHN",
            "undated code is the default"
        );
        assert_eq!(eomer.code_on(None), "RHN");
    }

    #[test]
    fn windows_line_ends_and_tabs() {
        let (entries, warnings) = read_text("HARAD_\t[HAR]\r\n+SOUTHRON\t\r\n");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(entries[0].names.len(), 2);
        assert_eq!(entries[0].names[1], ["SOUTHRON"]);
    }

    #[test]
    fn first_matching_period_wins() {
        let (entries, _) =
            read_text("X [AAA]\n\t[BBB 20100109-20100112]\n\t[CCC 20080120-20121109]\n");
        assert_eq!(entries[0].code_on(Some(20100110)), "BBB");
        assert_eq!(entries[0].code_on(Some(20100115)), "CCC");
    }

    #[test]
    fn six_digit_years_pivot_at_thirty() {
        assert_eq!(parse_date("130201"), Some(20130201));
        assert_eq!(parse_date("950601"), Some(19950601));
        assert_eq!(parse_date("20130201"), Some(20130201));
        assert_eq!(parse_date("2004017"), None);
        assert_eq!(parse_date("991301"), None);
    }

    #[test]
    fn several_codes_inline_and_names_sharing_a_block() {
        let (entries, warnings) = read_text("SARUMAN_ [ISEGOV 300101-301231] [ELI]\nORTHANC_TOWER\n+THE_TOWER\nTOWER_OF_ORTHANC\n\t[ISE]\n");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].codes.len(), 2);
        assert_eq!(
            entries[1].names.len(),
            3,
            "a name without code joins the next block"
        );
        assert_eq!(entries[1].code_on(None), "ISE");
    }

    #[test]
    fn malformed_lines_warn_and_the_rest_loads() {
        let (entries, warnings) = read_text(
            "+ORPHAN\nGOOD [GOO]\nBAD [BA\nWORSE [WOR 2019-01]\nFINE [FIN]\nLAST_WITHOUT_CODE\n",
        );
        assert_eq!(entries.len(), 2);
        let lines: Vec<_> = warnings.iter().map(|w| w.line).collect();
        assert_eq!(lines, [1, 3, 4, 6]);
        assert!(warnings[1].to_string().starts_with("a.txt:3: "));
    }
}
