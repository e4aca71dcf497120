//! Word lists: abbreviations that keep their period, hyphen prefixes that stay
//! attached (as UD English EWT tokenizes), and words that open sentences.

/// What kind of abbreviation a token ending in "." is; the sentence splitter
/// treats each kind differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbrevKind {
    /// Precedes a name or number: never ends a sentence ("Mr.", "Gen.", "No.").
    Title,
    /// A single capital letter: a person's initial ("John F. Kennedy").
    Initial,
    /// "a.m.", "p.m.", "etc.": often end a sentence.
    Terminal,
    /// Anything else ("U.S.", "Inc.", "Jan."): ends a sentence only before a
    /// word that typically opens one.
    Other,
}

/// Abbreviations that stand before a name or a number.
const TITLES: &[&str] = &[
    "adm", "amb", "atty", "brig", "capt", "cdr", "cmdr", "col", "cpl", "det", "dr", "fr", "ft",
    "gen", "gov", "hon", "insp", "lieut", "lt", "maj", "messrs", "mme", "mr", "mrs", "ms", "msgr",
    "mt", "no", "nos", "pfc", "pres", "prof", "pvt", "rep", "reps", "rev", "sen", "sens", "sgt",
    "spc", "st", "supt", "vs", "v", "sec", "govs", "esq", "ste",
];

/// Abbreviations that end sentences easily.
const TERMINALS: &[&str] = &["a.m", "p.m", "etc", "al"];

/// Other known abbreviations (compared lowercased, without the final period).
/// Matched only when capitalized, since several are words too ("sun", "mar").
const OTHERS: &[&str] = &[
    "Inc", "Corp", "Co", "Ltd", "Llc", "Plc", "Bros", "Dept", "Assn", "Univ", "Jr", "Sr", "Jan",
    "Feb", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Tues",
    "Thu", "Thur", "Thurs", "Fri", "Ave", "Blvd", "Rd", "Hwy", "Intl", "Natl", "Govt",
];

/// Matched in any case.
const OTHERS_ANY_CASE: &[&str] = &["e.g", "i.e", "cf", "approx", "viz"];

/// US state abbreviations in AP style; matched only when capitalized, since some
/// are words too.
const STATES: &[&str] = &[
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans",
    "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore",
    "Pa", "Penn", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
];

fn contains_ci(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// True when `word` (without its final period) is letters and periods in the
/// shape of "U.S", "a.m", "Ph.D", "U.S.A": at least two dot-separated pieces of
/// one to three letters.
fn is_dotted_acronym(word: &str) -> bool {
    let mut pieces = 0;
    for piece in word.split('.') {
        let n = piece.chars().count();
        if n == 0 || n > 3 || !piece.chars().all(char::is_alphabetic) {
            return false;
        }
        pieces += 1;
    }
    pieces >= 2
}

/// When `token` (ending in ".") is an abbreviation that keeps its period, its kind.
pub fn abbreviation(token: &str) -> Option<AbbrevKind> {
    let word = token.strip_suffix('.')?;
    // Abbreviations are short; the bound keeps callers linear on huge chunks.
    if word.is_empty() || word.len() > 16 || word.ends_with('.') {
        return None;
    }
    let mut chars = word.chars();
    let first = chars.next()?;
    if chars.next().is_none() {
        return first.is_uppercase().then_some(AbbrevKind::Initial);
    }
    if contains_ci(TERMINALS, word) {
        return Some(AbbrevKind::Terminal);
    }
    if contains_ci(TITLES, word) {
        // "No." is a title only when written so; "no." ends a sentence.
        if word.eq_ignore_ascii_case("no") && !first.is_uppercase() {
            return None;
        }
        return Some(AbbrevKind::Title);
    }
    if OTHERS.contains(&word)
        || STATES.contains(&word)
        || contains_ci(OTHERS_ANY_CASE, word)
        || is_dotted_acronym(word)
    {
        return Some(AbbrevKind::Other);
    }
    None
}

/// Prefixes that UD English EWT keeps attached to the rest of a hyphenated word
/// ("e-mail", "non-violent", "mid-July"); other hyphens are split off.
const HYPHEN_PREFIXES: &[&str] = &[
    "anti", "arch", "bi", "co", "counter", "cross", "e", "ex", "extra", "inter", "intra", "macro",
    "mega", "micro", "mid", "mini", "multi", "neo", "non", "over", "post", "pre", "pro", "pseudo",
    "psycho", "re", "semi", "socio", "sub", "super", "trans", "tri", "ultra", "un", "under",
];

/// Suffixes that stay attached ("career-wise").
const HYPHEN_SUFFIXES: &[&str] = &["esque", "wise"];

pub fn keeps_hyphen(left: &str, right: &str) -> bool {
    contains_ci(HYPHEN_PREFIXES, left) || contains_ci(HYPHEN_SUFFIXES, right)
}

/// Capitalized words that usually open a sentence; after an ambiguous
/// abbreviation ("... in the U.S. The talks ...") they mark a new sentence.
const STARTERS: &[&str] = &[
    "A",
    "After",
    "Although",
    "An",
    "And",
    "Another",
    "As",
    "At",
    "Because",
    "Before",
    "Both",
    "But",
    "By",
    "Despite",
    "During",
    "Each",
    "Earlier",
    "Even",
    "For",
    "From",
    "He",
    "Her",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "Instead",
    "It",
    "Its",
    "Last",
    "Later",
    "Many",
    "Meanwhile",
    "More",
    "Most",
    "My",
    "No",
    "Nor",
    "Not",
    "On",
    "One",
    "Only",
    "Or",
    "Our",
    "She",
    "Since",
    "So",
    "Some",
    "Still",
    "That",
    "The",
    "Their",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Thus",
    "To",
    "Two",
    "Under",
    "Until",
    "We",
    "What",
    "When",
    "Where",
    "Whether",
    "Which",
    "While",
    "Who",
    "Why",
    "With",
    "Yet",
    "You",
];

pub fn is_sentence_starter(word: &str) -> bool {
    STARTERS.contains(&word)
}

const WEEKDAYS_MONTHS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Aug.",
    "Sept.",
    "Sep.",
    "Oct.",
    "Nov.",
    "Dec.",
    "Mon.",
    "Tue.",
    "Tues.",
    "Wed.",
    "Thu.",
    "Thurs.",
    "Fri.",
    "Sat.",
    "Sun.",
];

pub fn is_weekday_or_month(word: &str) -> bool {
    WEEKDAYS_MONTHS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_abbreviations() {
        assert_eq!(abbreviation("Mr."), Some(AbbrevKind::Title));
        assert_eq!(abbreviation("Gen."), Some(AbbrevKind::Title));
        assert_eq!(abbreviation("No."), Some(AbbrevKind::Title));
        assert_eq!(abbreviation("no."), None);
        assert_eq!(abbreviation("F."), Some(AbbrevKind::Initial));
        assert_eq!(abbreviation("a.m."), Some(AbbrevKind::Terminal));
        assert_eq!(abbreviation("U.S."), Some(AbbrevKind::Other));
        assert_eq!(abbreviation("Ph.D."), Some(AbbrevKind::Other));
        assert_eq!(abbreviation("Inc."), Some(AbbrevKind::Other));
        assert_eq!(abbreviation("Calif."), Some(AbbrevKind::Other));
        assert_eq!(abbreviation("wash."), None);
        assert_eq!(abbreviation("talks."), None);
        assert_eq!(abbreviation("."), None);
        assert_eq!(abbreviation("x.."), None);
        assert_eq!(abbreviation("3.5."), None);
    }
}
