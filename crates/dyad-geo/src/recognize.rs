//! Toponym recognition: the spans of a sentence that name places, with the
//! clues around them.
//!
//! A span is a place name when its folded words are a gazetteer name and it
//! is written as a name (capitalized, or in a headline or dateline in
//! capitals) and the words around it do not make it part of a person's or a
//! thing's name. The clues kept for resolution: a place preposition or a
//! direction before it ("in", "northern"), a kind word after it ("the Diyala
//! province", "Tikrit city"), a qualifier ("Paris, Texas"; "Paris, Ky."), a
//! dateline.

use dyad_types::{ParsedSentence, Sentence, Span, Upos};

use crate::fold::{fold_append, KeyHash};
use crate::gazetteer::{Gazetteer, Kind, NameKind, PlaceId};
use crate::words;

/// The longest place name tried, in tokens ("Saint Vincent and the
/// Grenadines" is six).
const MAX_NAME_TOKENS: usize = 7;

/// One token as recognition sees it.
pub(crate) struct Word<'s> {
    pub text: &'s str,
    pub span: Span,
    /// Folded key ("KYIV"); empty for punctuation.
    pub key: &'s str,
    /// Starts with a capital letter.
    pub cap: bool,
    /// All its letters (at least two) are capitals.
    pub upper: bool,
    /// Has a letter.
    pub alpha: bool,
    pub upos: Option<Upos>,
    /// The parse makes it what a verb of taking or striking places is done
    /// to ("captured Gao", "Gao was shelled").
    pub place_object: bool,
    /// A lower-case elided article before a capital ("d'Ivoire",
    /// "l'Aquila"): written as a name.
    pub elided: bool,
    /// Starts or ends with an apostrophe ("d'" + "Ivoire" glue together).
    pub apostrophe_start: bool,
    pub apostrophe_end: bool,
}

impl Word<'_> {
    fn is(&self, key: &str) -> bool {
        self.key == key
    }

    fn is_punct(&self, p: &str) -> bool {
        self.text == p
    }

    fn looks_like_name(&self) -> bool {
        (self.cap || self.upper || self.elided) && self.alpha
    }

    /// A lower-case Arabic article before a hyphen ("al-", "el-").
    fn is_article(&self) -> bool {
        !self.cap
            && matches!(
                self.key,
                "AL" | "EL" | "AD" | "AN" | "AR" | "AS" | "ASH" | "AT" | "AZ"
            )
    }
}

/// Appends the folded keys of a sentence's tokens to `arena` (one string
/// for the whole document, so that keys cost no allocation each) and
/// returns where each stands.
pub(crate) fn fold_keys(sentence: &Sentence, arena: &mut String) -> Vec<std::ops::Range<usize>> {
    sentence
        .tokens
        .iter()
        .map(|t| {
            let start = arena.len();
            fold_append(&t.text, arena);
            start..arena.len()
        })
        .collect()
}

/// The words of one sentence; `keys` are its tokens' key ranges in `arena`.
pub(crate) fn words<'s>(
    sentence: &'s Sentence,
    parse: Option<&ParsedSentence>,
    arena: &'s str,
    keys: &[std::ops::Range<usize>],
) -> Vec<Word<'s>> {
    let parse = parse.filter(|p| p.words.len() == sentence.tokens.len());
    sentence
        .tokens
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let text = t.text.as_str();
            let key = keys.get(i).and_then(|r| arena.get(r.clone())).unwrap_or("");
            // one pass over the characters
            let (mut letters, mut lower, mut first) = (0usize, false, None);
            if text.is_ascii() {
                for b in text.bytes() {
                    if b.is_ascii_alphabetic() {
                        letters += 1;
                        lower |= b.is_ascii_lowercase();
                    }
                    if first.is_none() && b.is_ascii_alphanumeric() {
                        first = Some(b as char);
                    }
                }
            } else {
                for c in text.chars() {
                    if c.is_alphabetic() {
                        letters += 1;
                        lower |= c.is_lowercase();
                    }
                    if first.is_none() && c.is_alphanumeric() {
                        first = Some(c);
                    }
                }
            }
            let apos = |c: char| matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '`');
            let mut chars = text.chars();
            let elided = matches!(
                (chars.next(), chars.next(), chars.next()),
                (Some(a), Some(b), Some(c)) if a.is_lowercase() && apos(b) && c.is_uppercase()
            );
            Word {
                elided,
                text,
                span: t.span,
                key,
                cap: first.is_some_and(|c| c.is_uppercase()),
                upper: letters >= 2 && !lower,
                alpha: letters > 0,
                upos: parse.map(|p| p.words[i].upos),
                place_object: parse.is_some_and(|p| is_place_object(p, i)),
                apostrophe_start: text.starts_with(apos),
                apostrophe_end: text.ends_with(apos),
            }
        })
        .collect()
}

/// What the words around a candidate say.
#[derive(Debug, Clone, Default)]
pub(crate) struct Clues {
    /// A place preposition, a direction word, a dateline, a qualifier, a
    /// kind word: the span is a place, whatever its size.
    pub strong: bool,
    /// Followed by an area word ("province", "region").
    pub area: bool,
    /// Followed by a town word ("city", "town").
    pub town: bool,
    /// The words of the name or around it call it a place: it ends in a
    /// kind of place ("the Kelmora Refugee Camp"), one stands before it
    /// with "of" or right after it ("the province of Kelmora", "Kelmora
    /// province"), or an apposition is one ("Kelmora, a town near …").
    pub named: bool,
    /// Areas one of which holds the place ("Paris, Texas").
    pub qualifier: Vec<PlaceId>,
    /// The sentence is in capitals or title case: capitals tell nothing.
    pub shouting: bool,
    /// Starts its sentence.
    pub initial: bool,
}

/// A place name found in a sentence, not yet resolved.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub sentence: usize,
    /// Token indices in the sentence, half-open.
    pub tokens: std::ops::Range<usize>,
    pub span: Span,
    pub key: u64,
    pub options: Vec<(PlaceId, NameKind)>,
    pub clues: Clues,
    /// Places of the name this one qualifies ("Texas" in "Paris, Texas").
    pub inner: Vec<PlaceId>,
    pub form: Form,
}

/// How a mention names its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Form {
    /// The place's name ("Mali", "Paris, Texas").
    Name,
    /// Part of the name of something in the place ("Kansas Highway
    /// Patrol", "Dublin City Council").
    Part,
    /// A people's name or adjective ("Russian", "Iraqis"): the country.
    Adjective,
    /// A newspaper abbreviation of a US state ("Ky.", "S.C.").
    Abbreviation,
}

/// Finds the place names of one sentence (and its demonyms and state
/// abbreviations); `people` are the words the document uses in people's
/// names.
pub(crate) fn sentence_candidates(
    g: &Gazetteer,
    index: usize,
    w: &[Word],
    people: &std::collections::HashSet<&str>,
    out: &mut Vec<Candidate>,
) {
    let shouting = is_shouting(w);
    let first_word = w.iter().position(|x| x.alpha);
    let mut skip_until = 0;
    // Where a list of named local places may go on ("the villages of X, Y
    // and Z": after X, Y's place).
    let mut list_end: Option<usize> = None;
    let mut i = 0;
    while i < w.len() {
        // "al-Hudaydah" starts at its article
        let article = article_begins_name(w, i);
        if i < skip_until || !(w[i].looks_like_name() || article) || w[i].key.is_empty() {
            i += 1;
            continue;
        }
        // "Kan.", "Fla.": the state, not a town whose other name is "Kan"
        let abbreviation = words::standalone_state_abbreviation(w[i].text).is_some();
        let found = longest_match(g, w, i).filter(|&(end, _)| !(abbreviation && end == i + 1));
        let Some((end, hash)) = found else {
            // (A people's name before a natural feature's word names the
            // feature: "the Kurdish Mountains".)
            let feature = w
                .get(i + 1)
                .is_some_and(|n| n.cap && words::is_feature_word(n.key));
            let adjective = || adjective_or_abbreviation(g, index, w, i, shouting);
            if let Some(c) = adjective().filter(|_| !feature) {
                out.push(c);
            } else if let Some(c) = unlisted_place(index, w, i, shouting, people, list_end) {
                i = c.tokens.end;
                list_end = Some(list_continues(w, i));
                out.push(c);
                continue;
            } else if let Some(c) = adjective() {
                out.push(c);
            }
            i += 1;
            continue;
        };
        let single = end == i + 1;
        if single
            && (words::is_never_place(w[i].key)
                || words::is_institution_word(w[i].key)
                || words::is_feature_word(w[i].key))
        {
            // (but it may start a local name: "the village of Al-Qarvesh")
            if let Some(c) = unlisted_place(index, w, i, shouting, people, list_end) {
                i = c.tokens.end;
                list_end = Some(list_continues(w, i));
                out.push(c);
                continue;
            }
            i = end;
            continue;
        }
        // A gazetteer name that an Arabic article carries on begins a longer
        // name ("Wadi al-Qarvesh", "Shatt al-Tulmek").
        if article_begins_name(w, end) {
            if let Some(c) = unlisted_place(index, w, i, shouting, people, list_end)
                .filter(|c| c.tokens.end > end)
            {
                i = c.tokens.end;
                list_end = Some(list_continues(w, i));
                out.push(c);
                continue;
            }
        }
        let mut clues = Clues {
            shouting,
            initial: Some(i) == first_word,
            ..Clues::default()
        };
        let Some(form) = accept(g, w, i, end, &mut clues, people) else {
            // Not the gazetteer's place, but maybe a local one whose name
            // starts like it ("the village of Tal Qarvesh", "the Ponta
            // Zarbeki Airport").
            // (Names inside it are still tried: the gazetteer's own places
            // are reported whatever becomes of the unlisted one.)
            if let Some(c) = unlisted_place(index, w, i, shouting, people, list_end) {
                list_end = Some(list_continues(w, c.tokens.end));
                out.push(c);
            }
            i = end;
            continue;
        };
        let mut options: Vec<(PlaceId, NameKind)> = g.by_hash(hash).collect();
        // "the White House said": a town's name after "the", as the head of
        // its phrase, is the name of something else; countries and regions
        // take "the" ("the Gambia", "the West Bank"), and so does a town
        // that modifies a noun ("the Atlanta area")
        let head = w.get(end).is_none_or(|n| {
            !n.upos
                .is_some_and(|u| matches!(u, Upos::NOUN | Upos::PROPN | Upos::ADJ))
        });
        if head && i > 0 && w[i - 1].key == "THE" && !w[i - 1].cap {
            options.retain(|&(id, _)| !g.at(id).kind.is_settlement());
            if options.is_empty() {
                i = end;
                continue;
            }
        }
        // "Paris, Texas", "Paris, Ky.", "Atlanta (Georgia)"
        let mut qual_end = end;
        if let Some((q_end, qual)) = qualifier(g, w, end) {
            clues.qualifier = qual;
            clues.strong = true;
            qual_end = q_end;
        }
        let here = out.len();
        out.push(Candidate {
            sentence: index,
            tokens: i..end,
            span: span_of(&w[i], &w[end - 1]),
            key: hash,
            options,
            clues,
            inner: Vec::new(),
            form,
        });
        // The qualifier is a mention of its own ("Texas" in "Paris,
        // Texas"; "Ky." too); it knows which places it qualifies.
        if qual_end > end {
            let q_start = end + 1;
            let q_last = if w[qual_end - 1].is_punct(")") {
                qual_end - 1
            } else {
                qual_end
            };
            let inner: Vec<PlaceId> = out[here].options.iter().map(|o| o.0).collect();
            let clues = Clues {
                strong: true,
                shouting,
                ..Clues::default()
            };
            let mut h = KeyHash::default();
            h.push_word(w[q_start].key, false);
            let q = &w[q_start];
            let abbreviated = words::us_state_abbreviation(q.key).is_some()
                && (q.text.ends_with('.') || (q.upper && q.key.len() == 2))
                && out[here].clues.qualifier.len() == 1
                && q_last == q_start + 1;
            let named = longest_match(g, w, q_start)
                .filter(|&(m_end, _)| m_end == q_last && !abbreviated)
                .map(|(m_end, h)| (m_end, h, g.by_hash(h).collect::<Vec<_>>()));
            let (m_end, key, options, form) = match named {
                Some((m_end, h, options)) => (m_end, h, options, Form::Name),
                // an abbreviation: the division the qualifier found
                None => (
                    q_start + 1,
                    h.value(),
                    out[here]
                        .clues
                        .qualifier
                        .iter()
                        .map(|&q| (q, NameKind::Primary))
                        .collect(),
                    Form::Abbreviation,
                ),
            };
            if m_end == q_last && !options.is_empty() {
                out.push(Candidate {
                    sentence: index,
                    tokens: q_start..m_end,
                    span: span_of(&w[q_start], &w[m_end - 1]),
                    key,
                    options,
                    clues,
                    inner,
                    form,
                });
            }
            skip_until = qual_end;
        }
        i = end;
    }
}

/// The span from the first word's start to the last one's end (never
/// reversed, whatever tokens a caller passes).
fn span_of(first: &Word, last: &Word) -> Span {
    Span {
        start: first.span.start,
        end: last.span.end.max(first.span.start),
    }
}

/// A sentence in capitals or title case: capitals tell nothing.
fn is_shouting(w: &[Word]) -> bool {
    let (mut long, mut upper, mut cap) = (0usize, 0usize, 0usize);
    for x in w.iter().filter(|x| x.alpha && x.key.len() >= 4) {
        long += 1;
        upper += usize::from(x.upper);
        cap += usize::from(x.cap);
    }
    if long < 3 {
        return false;
    }
    upper * 10 >= long * 6 || (long >= 6 && cap * 10 >= long * 8)
}

/// The longest gazetteer name starting at token `i`: its end (exclusive)
/// and key hash.
pub(crate) fn longest_match(g: &Gazetteer, w: &[Word], i: usize) -> Option<(usize, u64)> {
    let mut h = KeyHash::default();
    let mut best = None;
    for j in i..w.len().min(i + MAX_NAME_TOKENS) {
        let x = &w[j];
        if j > i {
            if x.key.is_empty() {
                // a hyphen joins ("Guinea-Bissau"); other punctuation ends
                if x.is_punct("-") {
                    continue;
                }
                break;
            }
            if !x.cap && !x.upper && !x.elided {
                // "People's Republic": the possessive glues on
                if !words::is_name_connector(x.key) && !x.apostrophe_start {
                    break;
                }
            }
        }
        let glued = j > i
            && w[j - 1].span.end == x.span.start
            && (w[j - 1].apostrophe_end || x.apostrophe_start);
        for (k, part) in x.key.split(' ').enumerate() {
            h.push_word(part, glued && k == 0);
        }
        if (x.cap || x.upper || x.elided) && !h.is_empty() && g.has_hash(h.value()) {
            best = Some((j + 1, h.value()));
        }
    }
    best
}

/// A demonym ("Russian", "Iraqis") or a state abbreviation standing alone
/// ("the S.C. Highway Patrol") at `w[i]`.
fn adjective_or_abbreviation(
    g: &Gazetteer,
    index: usize,
    w: &[Word],
    i: usize,
    shouting: bool,
) -> Option<Candidate> {
    let x = &w[i];
    if !x.cap || x.key.contains(' ') {
        return None;
    }
    let mut h = KeyHash::default();
    h.push_word(x.key, false);
    let (options, form) = if let Some(code) = words::standalone_state_abbreviation(x.text) {
        (
            vec![(g.admin1_by_code("USA", code)?, NameKind::Primary)],
            Form::Abbreviation,
        )
    } else {
        if x.key.len() < 4
            || x.upos
                .is_some_and(|u| !matches!(u, Upos::ADJ | Upos::PROPN | Upos::NOUN))
        {
            return None;
        }
        let country = g.demonym(h.value()).or_else(|| {
            let stem = x.key.strip_suffix('S')?;
            let mut h = KeyHash::default();
            h.push_word(stem, false);
            g.demonym(h.value())
        })?;
        (vec![(country, NameKind::Primary)], Form::Adjective)
    };
    Some(Candidate {
        sentence: index,
        tokens: i..i + 1,
        span: x.span,
        key: h.value(),
        options,
        clues: Clues {
            strong: true,
            shouting,
            ..Clues::default()
        },
        inner: Vec::new(),
        form,
    })
}

/// Whether the words around `w[i..end]` allow it to be a place name (and
/// then how it names the place), and the clues they give.
fn accept(
    g: &Gazetteer,
    w: &[Word],
    i: usize,
    end: usize,
    clues: &mut Clues,
    people: &std::collections::HashSet<&str>,
) -> Option<Form> {
    let mut form = Form::Name;
    let last = &w[end - 1];
    let prev = i.checked_sub(1).map(|p| &w[p]);
    let prev2 = i.checked_sub(2).map(|p| &w[p]);
    let next = w.get(end);
    let single = end == i + 1;

    // The parse: a name is a proper noun (or an unknown word); a capital at
    // the start of a sentence on a common word is no name ("Mobile phones").
    if let Some(upos) = last.upos {
        let name_tag = matches!(upos, Upos::PROPN | Upos::X | Upos::NOUN);
        if !name_tag && !clues.shouting {
            return None;
        }
        if clues.initial && single && upos == Upos::NOUN && !clues.shouting {
            return None;
        }
    }

    // "Wal-Mart", "Coca-Cola": a hyphenated name whose other half is no
    // place ("Russia-Ukraine" is two places).
    let is_place_word = |x: &Word| {
        let mut h = KeyHash::default();
        for part in x.key.split(' ') {
            h.push_word(part, false);
        }
        g.has_hash(h.value())
    };
    let hyphenated = |a: &Word, h: &Word, b: &Word| {
        h.is_punct("-") && a.span.end == h.span.start && h.span.end == b.span.start
    };
    if let (Some(h), Some(o)) = (w.get(end), w.get(end + 1)) {
        if hyphenated(last, h, o) && o.looks_like_name() && !is_place_word(o) {
            return None;
        }
    }
    if i >= 2 {
        let (o, h) = (&w[i - 2], &w[i - 1]);
        if hyphenated(o, h, &w[i]) && o.looks_like_name() && !is_place_word(o) {
            return None;
        }
    }

    if w[i..end].iter().any(|x| x.place_object) {
        clues.strong = true;
    }
    // Before: "in X", "northern X", "the city of X"; "Mr. X", "John X".
    if let Some(p) = prev {
        if words::is_person_title(p.key) && (p.cap || p.upper) && !words::is_direction(p.key) {
            return None;
        }
        // (Capitalized only as the sentence's first word: "In X, …".)
        let lower = !p.cap && !p.upper || is_sentence_initial_function_word(w, i - 1);
        if lower && (words::is_place_preposition(p.key) || words::is_direction(p.key)) {
            clues.strong = true;
        }
        if words::is_direction(p.key) {
            clues.strong = true;
        } else if p.looks_like_name()
            && !clues.shouting
            && p.upos.is_none_or(|u| u == Upos::PROPN)
            && !p.key.is_empty()
            && !words::is_day_or_month(p.key)
            && !is_sentence_initial_function_word(w, i - 1)
        {
            // another name runs into this one ("Michael Jordan", "Lake X")
            return None;
        }
        if let Some(p2) = prev2 {
            // "the city of X", "the town of X"
            if p.is("OF") && (words::is_settlement_word(p2.key) || words::is_area_word(p2.key)) {
                clues.strong = true;
            }
            clues.named |= p.is("OF") && !p2.cap && words::is_local_place_word(p2.key);
        }
    }
    // A dateline: the sentence's first words in capitals, then a comma,
    // a bracket or a dash.
    if (i == 0 || clues.initial)
        && last.upper
        && next.is_some_and(|n| {
            n.is_punct(",") || n.is_punct("(") || n.is_punct("-") || n.is_punct("--")
        })
    {
        clues.strong = true;
    }

    // After: "X Spieth" (a person), "X River" (another place), "X Police"
    // (a thing in X: still a mention), "X province", "X city".
    if let Some(n) = next {
        if n.looks_like_name() && !n.key.is_empty() && !clues.shouting {
            if words::is_feature_word(n.key) {
                return None;
            }
            let org = words::is_institution_word(n.key)
                || words::is_person_title(n.key)
                || words::is_day_or_month(n.key)
                || words::is_direction(n.key);
            if !org && n.upos.is_none_or(|u| u == Upos::PROPN) && !n.apostrophe_start {
                return None;
            }
            if org && !words::is_day_or_month(n.key) && !words::is_direction(n.key) {
                form = Form::Part;
            }
        }
        if !n.cap {
            if words::is_area_word(n.key) {
                clues.area = true;
                clues.strong = true;
            } else if words::is_settlement_word(n.key) {
                clues.town = true;
                clues.strong = true;
            }
            clues.named |= words::is_local_place_word(n.key);
        }
    }
    // A person's age set off after the name ("X, 23, was shot").
    let age =
        |x: &Word| x.text.len() <= 3 && x.text.parse::<u8>().is_ok_and(|n| (1..=110).contains(&n));
    if let [comma, n, after, ..] = &w[end..] {
        if comma.is_punct(",") && age(n) && after.is_punct(",") {
            return None;
        }
    }
    clues.named |= apposition_is_place(w, end) || (!single && is_kind_of_place(last));
    // A word the document uses as a person's name ("Jordan" after "Jordan
    // Spieth said").
    if single && people.contains(last.key) && !clues.area && !clues.town {
        return None;
    }
    Some(form)
}

/// Whether a word is a kind of place that may end a place's name ("the
/// Kelmora Refugee Camp", "the Dorvan Mountains", "the Tulmek Hospital").
fn is_kind_of_place(x: &Word) -> bool {
    words::is_local_place_word(x.key) || words::is_feature_word(x.key) || words::is_site_word(x.key)
}

/// Whether the name ending before `w[end]` is followed by an apposition
/// that is a kind of place ("Qarvesh, a small town near …"; not "Qarvesh,
/// a village elder").
fn apposition_is_place(w: &[Word], end: usize) -> bool {
    if !w.get(end).is_some_and(|n| n.is_punct(",")) {
        return false;
    }
    let mut k = end + 1;
    if w.get(k)
        .is_some_and(|x| matches!(x.key, "A" | "AN" | "THE") && !x.cap)
    {
        k += 1;
    }
    while k < end + 5
        && w.get(k)
            .is_some_and(|x| x.alpha && !x.cap && x.upos == Some(Upos::ADJ))
    {
        k += 1;
    }
    let kind = w.get(k).is_some_and(|x| {
        x.alpha && !x.cap && x.upos == Some(Upos::NOUN) && words::is_local_place_word(x.key)
    });
    kind && w
        .get(k + 1)
        .is_none_or(|x| !x.alpha || x.upos.is_some_and(|u| matches!(u, Upos::ADP | Upos::CCONJ)))
}

fn is_sentence_initial_function_word(w: &[Word], i: usize) -> bool {
    let first = w.iter().position(|x| x.alpha);
    Some(i) == first && w[i].upos.is_some_and(|u| u != Upos::PROPN)
}

/// A qualifier after a place name at `end`: ", Texas", ", Ky.", " (Georgia)".
/// Returns where it ends and the areas it may name.
fn qualifier(g: &Gazetteer, w: &[Word], end: usize) -> Option<(usize, Vec<PlaceId>)> {
    let sep = w.get(end)?;
    if !(sep.is_punct(",") || sep.is_punct("(")) {
        return None;
    }
    let start = end + 1;
    let first = w.get(start)?;
    if !first.looks_like_name() {
        return None;
    }
    let close = |e: usize| -> usize {
        if sep.is_punct("(") && w.get(e).is_some_and(|x| x.is_punct(")")) {
            e + 1
        } else {
            e
        }
    };
    // A state abbreviation ("Ky.", "N.Y.", "TX") — only where a name is
    // not a whole word of the gazetteer ("Ga." is Georgia, not a town).
    if let Some(code) = words::us_state_abbreviation(first.key) {
        let abbreviated = first.text.ends_with('.') || first.upper;
        let followed_ok = w
            .get(start + 1)
            .is_none_or(|x| !x.looks_like_name() || x.is_punct("."));
        if abbreviated && followed_ok {
            if let Some(id) = g.admin1_by_code("USA", code) {
                return Some((close(start + 1), vec![id]));
            }
        }
    }
    let (m_end, h) = longest_match(g, w, start)?;
    let areas: Vec<PlaceId> = g
        .by_hash(h)
        .map(|(id, _)| id)
        .filter(|&id| matches!(g.at(id).kind, Kind::Country | Kind::Admin1))
        .collect();
    if areas.is_empty() {
        return None;
    }
    // the qualifier ends the phrase: "Paris, Texas, on Monday", not "Paris,
    // Texas Instruments"
    if w.get(m_end)
        .is_some_and(|x| x.looks_like_name() && !words::is_day_or_month(x.key))
    {
        return None;
    }
    Some((close(m_end), areas))
}

/// The most tokens an unlisted place name spans ("Qarvesh Vashti Military
/// Airport").
const MAX_UNLISTED_TOKENS: usize = 6;

/// A capitalized name the gazetteer does not hold, at `w[i]`, that the words
/// around it make a local place: a place word after it ("the Qarvesh village",
/// "the Zarbeki airbase"), ending it ("the Tulmek District", "the Tal Dorvan
/// Hill"), or before it with "of" ("the village of Qarvesh", and the names
/// listed after it: "the villages of Qarvesh, Tulmek and Dorvan"). Its place is
/// unknown: it is reported without coordinates.
fn unlisted_place(
    index: usize,
    w: &[Word],
    i: usize,
    shouting: bool,
    people: &std::collections::HashSet<&str>,
    list_end: Option<usize>,
) -> Option<Candidate> {
    // ("al-Qarvesh" starts at its article.)
    let article_start = article_begins_name(w, i);
    // (An adjective may start a feature's name: "the Black Sea", "the
    // Kurdish Mountains".)
    let feature_next = w
        .get(i + 1)
        .is_some_and(|n| n.cap && words::is_feature_word(n.key));
    let starts = w[i].cap && (name_start(&w[i]) || feature_next && w[i].alpha);
    if shouting || !(article_start || starts) {
        return None;
    }
    // A name runs on (over hyphens and Arabic articles: "Kafr Dorvan",
    // "Tal Al-Kelmor", "Bab al-Qarvesh").
    let mut end = i + 1;
    while end < w.len() && end - i < MAX_UNLISTED_TOKENS {
        let x = &w[end];
        let glued = x.span.start == w[end - 1].span.end;
        if x.cap && x.alpha && !words::is_day_or_month(x.key) {
            end += 1;
        } else if (x.is_punct("-") || x.is_article()) && glued || x.is_article() {
            if w.get(end + 1).is_some_and(|n| n.cap || n.is_punct("-")) {
                end += 1;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    let run = &w[i..end];
    // A lone place word is no name ("the Sea").
    if end == i + 1 && (words::is_local_place_word(w[i].key) || words::is_feature_word(w[i].key)) {
        return None;
    }
    let last = &w[end - 1];
    let ends_in_word =
        end - i >= 2 && (is_kind_of_place(last) || words::is_place_name_prefix(w[i].key));
    // Where the words before the name end: before an opening ʿayn written
    // as an apostrophe ("the town of 'Qarvesh").
    let b = match i.checked_sub(1).map(|k| &w[k]) {
        Some(q) if matches!(q.text, "'" | "‘") && q.span.end == w[i].span.start => i - 1,
        _ => i,
    };
    let before_of = b >= 2
        && w[b - 1].is("OF")
        && !w[b - 1].cap
        && !w[b - 2].cap
        && words::is_local_place_word(w[b - 2].key);
    // ("towns like Qarvesh", "villages such as Qarvesh", "a township
    // called Qarvesh", "a village known as Qarvesh")
    let like = match b.checked_sub(1).map(|k| w[k].key) {
        Some("LIKE" | "CALLED" | "NAMED") => b.checked_sub(2),
        Some("AS") if b >= 3 && matches!(w[b - 2].key, "SUCH" | "KNOWN") => Some(b - 3),
        _ => None,
    };
    let before_like =
        like.is_some_and(|k| !w[k].cap && words::is_local_place_word(w[k].key) && !w[b - 1].cap);
    let word_after = w.get(end).is_some_and(|n| {
        !n.cap
            && n.upos.is_none_or(|u| u == Upos::NOUN)
            && (words::is_local_place_word(n.key)
                || (n.is("REFUGEE") && w.get(end + 1).is_some_and(|m| m.is("CAMP"))))
    });
    let apposition = apposition_is_place(w, end);
    // Named a place by a place word: the words of people's names the
    // document uses do not matter ("the village of Tal Qarvesh" is no one).
    let named_place = ends_in_word || before_of || before_like || word_after || apposition;
    let listed = list_end == Some(i);
    // ("in Qarvesh", "In Qarvesh, …", "in northern Qarvesh")
    let is_place_prep = |k: usize| {
        (!w[k].cap || w[..k].iter().all(|x| !x.alpha))
            && matches!(w[k].key, "IN" | "AT" | "NEAR" | "OUTSIDE" | "INSIDE")
    };
    let after_preposition = b >= 1
        && (is_place_prep(b - 1)
            || (b >= 2
                && !w[b - 1].cap
                && words::is_direction(w[b - 1].key)
                && is_place_prep(b - 2)))
        && run
            .iter()
            .all(|x| x.upos.is_none_or(|u| u == Upos::PROPN) || !x.alpha)
        && w.get(end)
            .is_none_or(|n| !n.alpha || !n.upos.is_some_and(|u| u == Upos::NOUN));
    // (A place word may end it, and others stand before that: "the Zarbeki
    // Military Airport", "the Tulmek District".)
    let person_like = |x: &Word| people.contains(x.key) || words::is_person_title(x.key);
    // (An article inside the name is no word of its own: "Rasm Al-Qarvesh".)
    let inner_article = |k: usize| k + 1 < run.len() && matches!(run[k].key, "AL" | "EL");
    if run.iter().enumerate().any(|(k, x)| {
        !words::is_local_place_word(x.key)
            && !inner_article(k)
            && ((person_like(x) && !named_place)
                || (!ends_in_word
                    && (words::is_never_place(x.key) || words::is_institution_word(x.key))))
    }) {
        return None;
    }
    // The parse must not call the name's last word anything but a name.
    let name_like = last
        .upos
        .is_none_or(|u| matches!(u, Upos::PROPN | Upos::NOUN | Upos::X | Upos::ADJ));
    // What a verb of taking or striking places is done to ("captured
    // Qarvesh"): a proper noun (people captured are left to the actor
    // dictionaries: the event coder drops a name they know as a person's).
    // (Not after a word that makes it a person's: "captured navigator
    // Tom Ward", "captured American Tom Ward".)
    let person_before = b >= 1 && {
        let p = &w[b - 1];
        p.alpha
            && !words::is_local_place_word(p.key)
            && !words::is_direction(p.key)
            && ((!p.cap && p.upos == Some(Upos::NOUN)) || (p.cap && p.upos == Some(Upos::ADJ)))
    };
    let taken = !person_before
        && run
            .iter()
            .any(|x| x.place_object && x.upos.is_none_or(|u| u == Upos::PROPN));
    if !(named_place || listed || after_preposition || taken) || !name_like {
        return None;
    }
    let mut h = KeyHash::default();
    for x in run {
        for part in x.key.split(' ') {
            h.push_word(part, false);
        }
    }
    Some(Candidate {
        sentence: index,
        tokens: i..end,
        span: span_of(&w[i], last),
        key: h.value(),
        options: Vec::new(),
        clues: Clues {
            strong: true,
            named: named_place,
            ..Clues::default()
        },
        inner: Vec::new(),
        form: Form::Name,
    })
}

/// Whether a word may start an unlisted place name: a capitalized word
/// with a letter that is no day, month or sentence-initial function word.
fn name_start(x: &Word) -> bool {
    x.alpha
        && !x.key.is_empty()
        && !words::is_day_or_month(x.key)
        && !matches!(
            x.key,
            "THE" | "A" | "AN" | "THIS" | "THAT" | "ITS" | "THEIR"
        )
        && x.upos
            .is_none_or(|u| matches!(u, Upos::PROPN | Upos::NOUN | Upos::X))
}

/// Where the next name of a list would start after a name ending at
/// `end`: after ", " or " and " or ", and ".
fn list_continues(w: &[Word], end: usize) -> usize {
    let mut k = end;
    if w.get(k).is_some_and(|x| x.is_punct(",")) {
        k += 1;
    }
    if w.get(k).is_some_and(|x| x.is("AND") && !x.cap) {
        k += 1;
    }
    if k == end {
        usize::MAX
    } else {
        k
    }
}

/// Whether an Arabic article at word `k` begins a name: "al-Qarvesh".
fn article_begins_name(w: &[Word], k: usize) -> bool {
    w.get(k).is_some_and(Word::is_article)
        && w.get(k + 1).is_some_and(|h| h.is_punct("-"))
        && w.get(k + 2).is_some_and(|x| x.cap)
}

/// Whether word `k` of a parse is the object (or passive subject) of a verb
/// whose object is most often a place: "captured Gao", "Gao was shelled".
fn is_place_object(parse: &ParsedSentence, k: usize) -> bool {
    let word = &parse.words[k];
    if !matches!(word.deprel.as_str(), "obj" | "nsubj:pass") {
        return false;
    }
    word.head
        .and_then(|h| parse.words.get(h))
        .is_some_and(|verb| words::is_place_taking_verb(&verb.lemma.to_ascii_uppercase()))
}
