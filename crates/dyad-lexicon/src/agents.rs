//! The agents dictionary (`Phoenix.agents.txt` format): role nouns and the
//! agent code they add to an actor.
//!
//! ```text
//! !PERSON! = MAN, MEN, WOMAN, WOMEN      a substitution set
//! SHERIFF [~COP]                          code added after the country: GONCOP
//! RANGER_COMPANY {} [~MIL]                `{}`: no plural is made
//! WARDEN_OF_THE_MARCH {WARDENS_OF_THE_MARCH} [~GOV]   an irregular plural
//! LEAGUE_OF_HEALERS [NGO~]                code placed before the country: NGOGON
//! HORSE!PERSON! [~MIL]                    HORSEMAN, HORSEMEN, ... (no plurals)
//! ```

use std::collections::HashMap;
use std::path::Path;

use crate::error::LexiconWarning;
use crate::source::{phrase_words, Line};

/// Where an agent code goes relative to the country code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// `[~GOV]`: after (`RUSGOV`).
    After,
    /// `[NGO~]`: before (`NGORUS`).
    Before,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentEntry {
    /// Upper-case words of one form (singular or plural).
    pub words: Vec<String>,
    /// The code without `~` (`GOV`, `GOVFRM`).
    pub code: String,
    pub placement: Placement,
    pub line: usize,
}

/// The English plural of the last word of a phrase.
pub fn plural_of(phrase: &str) -> String {
    let upper = phrase.to_uppercase();
    let bytes = upper.as_bytes();
    let n = bytes.len();
    let ends = |s: &str| upper.ends_with(s);
    if n >= 2 && bytes[n - 1] == b'Y' && !matches!(bytes[n - 2], b'A' | b'E' | b'I' | b'O' | b'U') {
        format!("{}IES", &upper[..n - 1])
    } else if ends("S") || ends("X") || ends("Z") || ends("CH") || ends("SH") {
        format!("{upper}ES")
    } else {
        format!("{upper}S")
    }
}

fn parse_code(inside: &str) -> Result<(String, Placement), String> {
    let code = inside.trim();
    let (code, placement) = if let Some(c) = code.strip_prefix('~') {
        (c.trim(), Placement::After)
    } else if let Some(c) = code.strip_suffix('~') {
        (c.trim(), Placement::Before)
    } else {
        return Err(format!("agent code [{code}] needs `~` before or after it"));
    };
    if code.is_empty() || !code.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(format!("agent code {code:?} is not letters and digits"));
    }
    Ok((code.to_uppercase(), placement))
}

pub(crate) fn read(
    file: &Path,
    lines: &[Line<'_>],
    warnings: &mut Vec<LexiconWarning>,
) -> ReadAgents {
    let mut out = ReadAgents::default();
    let mut markers: HashMap<String, Vec<String>> = HashMap::new();
    let mut warn = |line: usize, message: String| {
        warnings.push(LexiconWarning {
            file: file.to_path_buf(),
            line,
            message,
        })
    };
    for line in lines {
        let text = line.text.trim();
        out.content_lines += 1;
        if text.starts_with('!') && text.contains('=') && !text.contains('[') {
            // `!NAME! = A, B, C`
            let (lhs, rhs) = text.split_once('=').unwrap_or((text, ""));
            let name = lhs.trim();
            if name.len() < 3 || !name.ends_with('!') || name[1..name.len() - 1].contains('!') {
                warn(
                    line.number,
                    format!("substitution marker {name:?} should read !NAME!"),
                );
                out.malformed += 1;
                continue;
            }
            let items: Vec<String> = rhs
                .split(',')
                .map(|s| s.trim().to_uppercase())
                .filter(|s| !s.is_empty())
                .collect();
            if items.is_empty() {
                warn(
                    line.number,
                    format!("substitution marker {name} has no words"),
                );
                out.malformed += 1;
                continue;
            }
            markers.insert(name.to_uppercase(), items);
            continue;
        }
        let Some(open) = text.find('[') else {
            warn(line.number, "agent without a code [~XXX]; skipped".into());
            out.malformed += 1;
            continue;
        };
        let Some(close) = text[open..].find(']').map(|c| c + open) else {
            warn(line.number, "`[` without `]`".into());
            out.malformed += 1;
            continue;
        };
        let (code, placement) = match parse_code(&text[open + 1..close]) {
            Ok(code) => code,
            Err(message) => {
                warn(line.number, message);
                out.malformed += 1;
                continue;
            }
        };
        let phrase = text[..open].trim();
        let (phrase, plurals): (&str, Option<Vec<String>>) = match phrase.find('{') {
            Some(brace) => {
                let Some(end) = phrase[brace..].find('}').map(|e| e + brace) else {
                    warn(line.number, "`{` without `}`".into());
                    out.malformed += 1;
                    continue;
                };
                let forms = phrase[brace + 1..end]
                    .split_whitespace()
                    .map(str::to_string)
                    .collect();
                (phrase[..brace].trim(), Some(forms))
            }
            None => (phrase, None),
        };
        if phrase.is_empty() {
            warn(line.number, "agent code without a phrase".into());
            out.malformed += 1;
            continue;
        }
        let mut forms: Vec<String> = Vec::new();
        if let Some(start) = phrase.find('!') {
            let Some(len) = phrase[start + 1..].find('!') else {
                warn(
                    line.number,
                    "substitution marker is not closed with `!`".into(),
                );
                out.malformed += 1;
                continue;
            };
            let marker = phrase[start..start + len + 2].to_uppercase();
            let Some(items) = markers.get(&marker) else {
                warn(
                    line.number,
                    format!("substitution marker {marker} is not defined above"),
                );
                out.malformed += 1;
                continue;
            };
            for item in items {
                forms.push(format!(
                    "{}{}{}",
                    &phrase[..start],
                    item,
                    &phrase[start + len + 2..]
                ));
            }
        } else {
            forms.push(phrase.to_string());
            match plurals {
                Some(explicit) => forms.extend(explicit),
                None => forms.push(plural_of(phrase)),
            }
        }
        out.phrases += 1;
        for form in forms {
            let words = phrase_words(&form);
            if words.is_empty() {
                continue;
            }
            out.entries.push(AgentEntry {
                words,
                code: code.clone(),
                placement,
                line: line.number,
            });
        }
    }
    out
}

#[derive(Debug, Default)]
pub(crate) struct ReadAgents {
    pub entries: Vec<AgentEntry>,
    /// Dictionary lines that define an agent (before plural forms).
    pub phrases: usize,
    pub content_lines: usize,
    pub malformed: usize,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::content_lines;

    fn read_text(text: &str) -> (Vec<AgentEntry>, Vec<LexiconWarning>) {
        let mut warnings = Vec::new();
        let lines = content_lines(Path::new("g.txt"), text, &mut warnings);
        let out = read(Path::new("g.txt"), &lines, &mut warnings);
        (out.entries, warnings)
    }

    fn forms(entries: &[AgentEntry]) -> Vec<String> {
        entries.iter().map(|e| e.words.join(" ")).collect()
    }

    #[test]
    fn regular_and_irregular_plurals() {
        let (entries, warnings) = read_text("SHERIFF [~COP]\nDEPUTY [~COP]\nRANGER_COMPANY {} [~MIL]\nWARDEN_OF_THE_MARCH {WARDENS_OF_THE_MARCH} [~GOV]\nBOSS [~BUS]\n");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(
            forms(&entries),
            [
                "SHERIFF",
                "SHERIFFS",
                "DEPUTY",
                "DEPUTIES",
                "RANGER COMPANY",
                "WARDEN OF THE MARCH",
                "WARDENS OF THE MARCH",
                "BOSS",
                "BOSSES"
            ]
        );
        assert_eq!(entries[0].code, "COP");
        assert_eq!(entries[0].placement, Placement::After);
    }

    #[test]
    fn codes_before_the_country() {
        let (entries, _) = read_text("LEAGUE_OF_HEALERS [ NGO~ ]\n");
        assert_eq!(entries[0].placement, Placement::Before);
        assert_eq!(entries[0].code, "NGO");
    }

    #[test]
    fn substitution_markers() {
        let (entries, warnings) =
            read_text("!PERSON! = MAN, WOMAN\nHORSE!PERSON! [~MIL]\nCOUNCIL!NOPE! [~GOV]\n");
        assert_eq!(forms(&entries), ["HORSEMAN", "HORSEWOMAN"]);
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].line, 3);
    }

    #[test]
    fn malformed_agent_lines() {
        let (entries, warnings) = read_text("NO_CODE_HERE\nBAD [GOV]\nOPEN [~GOV\nGOOD [~GOV]\n");
        assert_eq!(forms(&entries), ["GOOD", "GOODS"]);
        assert_eq!(
            warnings.iter().map(|w| w.line).collect::<Vec<_>>(),
            [1, 2, 3]
        );
    }

    #[test]
    fn english_plurals() {
        assert_eq!(plural_of("ENVOY"), "ENVOYS");
        assert_eq!(plural_of("AUTHORITY"), "AUTHORITIES");
        assert_eq!(plural_of("CHURCH"), "CHURCHES");
        assert_eq!(plural_of("PRESS"), "PRESSES");
    }
}
