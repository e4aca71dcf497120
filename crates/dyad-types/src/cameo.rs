//! The CAMEO event taxonomy: code, name, root, QuadClass, Goldstein and PLOVER type.
//!
//! The table lives in `data/cameo.txt` (dyad's own line format, documented in
//! its header) and is compiled into the library, so looking a code up never
//! touches the file system. It is parsed once, on first use; every string in
//! a [`CameoCode`] borrows from the embedded text, so the table costs one
//! `Vec` and no per-entry allocation.

use std::sync::OnceLock;

use thiserror::Error;

/// The embedded table; `eval/check_cameo.py` compares it with the reference.
const TABLE: &str = include_str!("../data/cameo.txt");

/// One CAMEO event code with the facts that follow from it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CameoCode {
    /// The code itself: 2 digits for a root, 3 or 4 digits below it (`"0231"`).
    pub code: &'static str,
    /// What the code means, in sentence case (`"Appeal for economic aid"`).
    pub name: &'static str,
    /// The 2-digit root (cue category) the code belongs to, e.g. `"02"`.
    pub root: &'static str,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    /// Goldstein weight, from -10.0 (most conflictual) to +10.0 (most cooperative).
    pub goldstein: f32,
    /// PLOVER event type in current PLOVER names (`"CONSULT"`); `None` for the
    /// CAMEO categories PLOVER dropped (01 statements, 02 appeals).
    pub plover: Option<&'static str>,
}

impl CameoCode {
    /// Depth in the CAMEO tree: 1 for a root, 2 for a 3-digit code, 3 for a 4-digit code.
    pub fn level(&self) -> u8 {
        // Codes are validated as 2 to 4 ASCII digits, so this cannot overflow.
        (self.code.len() - 1) as u8
    }

    /// Whether this is one of the 20 roots ("01".."20").
    pub fn is_root(&self) -> bool {
        self.code.len() == 2
    }

    /// The QuadClass spelled out, as GDELT names it.
    pub fn quad_class_name(&self) -> &'static str {
        quad_class_name(self.quad_class).unwrap_or("Unknown")
    }
}

/// The name of a QuadClass number (1..=4), as GDELT spells it.
pub fn quad_class_name(quad_class: u8) -> Option<&'static str> {
    match quad_class {
        1 => Some("Verbal Cooperation"),
        2 => Some("Material Cooperation"),
        3 => Some("Verbal Conflict"),
        4 => Some("Material Conflict"),
        _ => None,
    }
}

/// Why a line of the CAMEO table could not be read. Public for its messages;
/// the embedded table is checked by this module's tests, so [`all`] never meets one.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CameoError {
    #[error("line {line}: expected `code root quad goldstein plover name`")]
    MissingField { line: usize },
    #[error("line {line}: bad code {code:?} (want 2 to 4 ASCII digits)")]
    BadCode { line: usize, code: String },
    #[error("line {line}: root {root:?} is not the first two digits of the code")]
    BadRoot { line: usize, root: String },
    #[error("line {line}: bad QuadClass {value:?} (want 1, 2, 3 or 4)")]
    BadQuadClass { line: usize, value: String },
    #[error("line {line}: bad Goldstein weight {value:?} (want a number in -10..=10)")]
    BadGoldstein { line: usize, value: String },
    #[error("line {line}: bad PLOVER type {value:?} (want upper-case letters or `-`)")]
    BadPlover { line: usize, value: String },
    #[error("line {line}: code {code:?} is out of order or repeated (codes must be sorted)")]
    Unsorted { line: usize, code: String },
    #[error("line {line}: code {code:?} has no root line before it")]
    NoRoot { line: usize, code: String },
}

/// Every CAMEO code, sorted by code (as strings), roots included.
pub fn all() -> &'static [CameoCode] {
    static CODES: OnceLock<Vec<CameoCode>> = OnceLock::new();
    CODES.get_or_init(|| {
        // The table is compiled in, not input data: a failure here is a bug in
        // `data/cameo.txt` that `embedded_table_parses` catches before release.
        parse_table(TABLE).expect("embedded data/cameo.txt is valid (see its unit tests)")
    })
}

/// The entry for an exact code (`"040"`, `"0231"`, `"19"`), if CAMEO has it.
pub fn lookup(code: &str) -> Option<&'static CameoCode> {
    let codes = all();
    // Sorted slice + binary search: ~9 string comparisons for ~300 codes,
    // no hashing and no second structure to keep in step.
    codes
        .binary_search_by(|c| c.code.cmp(code))
        .ok()
        .map(|i| &codes[i])
}

/// The entry for `code`, or for its closest ancestor when CAMEO lacks the code
/// itself: `"0215"` falls back to `"021"`, `"176"` to `"17"`. Dictionaries in
/// the wild carry a few such extension codes; their root still says what they are.
pub fn lookup_or_parent(code: &str) -> Option<&'static CameoCode> {
    let mut prefix = code;
    while prefix.len() >= 2 {
        if let Some(found) = lookup(prefix) {
            return Some(found);
        }
        // Only ASCII digits can match, so byte slicing below stays on char
        // boundaries as long as we stop at the first non-ASCII input.
        if !prefix.is_ascii() {
            return None;
        }
        prefix = &prefix[..prefix.len() - 1];
    }
    None
}

/// The root (`"02"`) of a code (`"0231"`): the first two digits, provided they
/// name one of CAMEO's 20 roots. The code itself need not be in the table.
pub fn root_of(code: &str) -> Option<&'static str> {
    if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    lookup(&code[..2]).map(|root| root.code)
}

/// Parses a table in the `data/cameo.txt` format, checking every field so that
/// a slip in an edit of the file fails the tests instead of coding wrong events.
fn parse_table(text: &'static str) -> Result<Vec<CameoCode>, CameoError> {
    let mut codes: Vec<CameoCode> = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let content = raw.trim();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let missing = || CameoError::MissingField { line };
        let (code, rest) = next_field(content).ok_or_else(missing)?;
        let (root, rest) = next_field(rest).ok_or_else(missing)?;
        let (quad, rest) = next_field(rest).ok_or_else(missing)?;
        let (gold, rest) = next_field(rest).ok_or_else(missing)?;
        let (plover, rest) = next_field(rest).ok_or_else(missing)?;
        let name = rest.trim();
        if name.is_empty() {
            return Err(missing());
        }

        if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(CameoError::BadCode {
                line,
                code: code.to_string(),
            });
        }
        if root != &code[..2] {
            return Err(CameoError::BadRoot {
                line,
                root: root.to_string(),
            });
        }
        let quad_class = match quad {
            "1" => 1,
            "2" => 2,
            "3" => 3,
            "4" => 4,
            _ => {
                return Err(CameoError::BadQuadClass {
                    line,
                    value: quad.to_string(),
                })
            }
        };
        let goldstein = gold
            .parse::<f32>()
            .ok()
            .filter(|g| (-10.0..=10.0).contains(g))
            .ok_or_else(|| CameoError::BadGoldstein {
                line,
                value: gold.to_string(),
            })?;
        let plover = match plover {
            "-" => None,
            p if p.bytes().all(|b| b.is_ascii_uppercase()) => Some(p),
            p => {
                return Err(CameoError::BadPlover {
                    line,
                    value: p.to_string(),
                })
            }
        };
        if codes.last().is_some_and(|prev| prev.code >= code) {
            return Err(CameoError::Unsorted {
                line,
                code: code.to_string(),
            });
        }
        // Sorted order puts a root right before its descendants, so the root
        // must already be present unless this line is the root itself.
        if code.len() > 2 && !codes.iter().rev().any(|c| c.code == root) {
            return Err(CameoError::NoRoot {
                line,
                code: code.to_string(),
            });
        }
        codes.push(CameoCode {
            code,
            name,
            root,
            quad_class,
            goldstein,
            plover,
        });
    }
    Ok(codes)
}

/// Splits off the first whitespace-separated field of `s` (which starts
/// trimmed), returning it and the remainder; `None` when `s` is empty.
fn next_field(s: &'static str) -> Option<(&'static str, &'static str)> {
    let s = s.trim_start();
    if s.is_empty() {
        return None;
    }
    let end = s.find(char::is_whitespace).unwrap_or(s.len());
    Some((&s[..end], &s[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROOTS: [&str; 20] = [
        "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15",
        "16", "17", "18", "19", "20",
    ];

    #[test]
    fn embedded_table_parses() {
        let parsed = parse_table(TABLE);
        assert!(parsed.is_ok(), "{parsed:?}");
        assert_eq!(parsed.map(|c| c.len()).unwrap_or(0), all().len());
    }

    #[test]
    fn holds_every_root_and_all_codes() {
        for root in ROOTS {
            let entry = lookup(root);
            assert!(entry.is_some_and(|c| c.is_root()), "root {root} missing");
        }
        assert_eq!(all().iter().filter(|c| c.is_root()).count(), 20);
        // The CAMEO 1.1b3 table has 311 codes: 20 roots, 147 at 3 digits, 144 at 4.
        assert_eq!(all().len(), 311);
        assert_eq!(all().iter().filter(|c| c.level() == 2).count(), 147);
        assert_eq!(all().iter().filter(|c| c.level() == 3).count(), 144);
    }

    #[test]
    fn every_root_is_its_codes_prefix() {
        for c in all() {
            assert_eq!(c.root, &c.code[..2], "{c:?}");
            assert_eq!(root_of(c.code), Some(c.root), "{c:?}");
        }
    }

    #[test]
    fn four_digit_codes_have_a_three_digit_parent() {
        for c in all().iter().filter(|c| c.level() == 3) {
            assert!(lookup(&c.code[..3]).is_some(), "{} has no parent", c.code);
        }
    }

    #[test]
    fn quad_class_follows_the_root() {
        // GDELT's assignment, checked against the reference table: 01-05
        // verbal cooperation, 06-09 material cooperation, 10-14 verbal
        // conflict, 15-20 material conflict.
        for c in all() {
            let root: u8 = c.root.parse().unwrap_or(0);
            let want = match root {
                1..=5 => 1,
                6..=9 => 2,
                10..=14 => 3,
                15..=20 => 4,
                _ => 0,
            };
            assert_eq!(c.quad_class, want, "{c:?}");
        }
    }

    #[test]
    fn goldstein_is_within_its_scale() {
        for c in all() {
            assert!((-10.0..=10.0).contains(&c.goldstein), "{c:?}");
        }
    }

    #[test]
    fn known_values() {
        let consult = lookup("040");
        assert_eq!(consult.map(|c| c.goldstein), Some(1.0));
        assert_eq!(consult.and_then(|c| c.plover), Some("CONSULT"));
        assert_eq!(
            consult.map(|c| c.quad_class_name()),
            Some("Verbal Cooperation")
        );
        assert_eq!(lookup("112").map(|c| c.goldstein), Some(-2.0));
        assert_eq!(lookup("112").and_then(|c| c.plover), Some("ACCUSE"));
        assert_eq!(lookup("190").map(|c| c.goldstein), Some(-10.0));
        assert_eq!(lookup("190").and_then(|c| c.plover), Some("ASSAULT"));
        let appeal = lookup("0231");
        assert_eq!(appeal.map(|c| c.name), Some("Appeal for economic aid"));
        assert_eq!(appeal.map(|c| (c.root, c.quad_class)), Some(("02", 1)));
        assert_eq!(appeal.map(|c| c.goldstein), Some(3.4));
        assert_eq!(appeal.map(|c| c.plover), Some(None));
        assert_eq!(lookup("20").map(|c| c.goldstein), Some(-10.0));
        assert_eq!(lookup("0841").and_then(|c| c.plover), Some("RETREAT"));
        assert_eq!(lookup("08").and_then(|c| c.plover), Some("CONCEDE"));
    }

    #[test]
    fn plover_uses_current_names_only() {
        const CURRENT: [&str; 16] = [
            "AGREE",
            "CONSULT",
            "SUPPORT",
            "CONCEDE",
            "COOPERATE",
            "AID",
            "RETREAT",
            "REQUEST",
            "ACCUSE",
            "REJECT",
            "THREATEN",
            "PROTEST",
            "SANCTION",
            "MOBILIZE",
            "COERCE",
            "ASSAULT",
        ];
        for c in all() {
            match c.plover {
                Some(p) => assert!(CURRENT.contains(&p), "{c:?}"),
                // Only the categories PLOVER dropped go without a type.
                None => assert!(c.root == "01" || c.root == "02", "{c:?}"),
            }
        }
    }

    #[test]
    fn unknown_and_malformed_codes_are_none() {
        for code in ["", "0", "00", "21", "99", "0215", "04a", "x", "01234", "é1"] {
            assert!(lookup(code).is_none(), "{code:?}");
        }
        assert_eq!(root_of("0215"), Some("02"));
        assert_eq!(root_of("176"), Some("17"));
        assert_eq!(root_of("21"), None);
        assert_eq!(root_of("04a"), None);
        assert_eq!(root_of("01234"), None);
        assert_eq!(root_of("é1"), None);
    }

    #[test]
    fn lookup_or_parent_walks_up() {
        assert_eq!(lookup_or_parent("0231").map(|c| c.code), Some("0231"));
        assert_eq!(lookup_or_parent("0215").map(|c| c.code), Some("021"));
        assert_eq!(lookup_or_parent("176").map(|c| c.code), Some("17"));
        assert_eq!(lookup_or_parent("21"), None);
        assert_eq!(lookup_or_parent("0é"), None);
        assert_eq!(lookup_or_parent(""), None);
    }

    #[test]
    fn parser_reports_bad_lines() {
        let ok =
            "# comment\n\n01 01 1 0.0 - Make public statement\n010 01 1 +0.5 - Make statement\n";
        let parsed = parse_table(ok);
        assert_eq!(parsed.as_ref().map(|c| c.len()), Ok(2));
        assert_eq!(parsed.map(|c| c[1].goldstein), Ok(0.5));

        let value = |s: &str| s.to_string();
        let cases = [
            ("01 01 1 0.0 -\n", CameoError::MissingField { line: 1 }),
            (
                "1x 1x 1 0.0 - Name\n",
                CameoError::BadCode {
                    line: 1,
                    code: value("1x"),
                },
            ),
            (
                "01 02 1 0.0 - Name\n",
                CameoError::BadRoot {
                    line: 1,
                    root: value("02"),
                },
            ),
            (
                "01 01 5 0.0 - Name\n",
                CameoError::BadQuadClass {
                    line: 1,
                    value: value("5"),
                },
            ),
            (
                "01 01 1 11.0 - Name\n",
                CameoError::BadGoldstein {
                    line: 1,
                    value: value("11.0"),
                },
            ),
            (
                "01 01 1 0.0 consult Name\n",
                CameoError::BadPlover {
                    line: 1,
                    value: value("consult"),
                },
            ),
            (
                "02 02 1 0.0 - B\n01 01 1 0.0 - A\n",
                CameoError::Unsorted {
                    line: 2,
                    code: value("01"),
                },
            ),
            (
                "010 01 1 0.0 - Orphan\n",
                CameoError::NoRoot {
                    line: 1,
                    code: value("010"),
                },
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_table(text), Err(expected), "{text:?}");
        }
    }
}
