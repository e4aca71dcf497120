//! Lemmatizer: edit scripts learned by (suffix, tag) from the training data,
//! plus a lexicon of the training words the scripts get wrong.

use crate::codec::{Reader, Writer};
use crate::hash::{chars_hash, f2, f3, str_hash, IdMap};
use crate::NlpError;

/// Longest suffix (in characters) a rule is keyed by.
const MAX_SUFFIX: usize = 6;

/// How to turn a word form into its lemma: optionally lowercase, strip
/// `strip` characters from the end, append `append`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Script {
    lower: bool,
    strip: u32,
    append: String,
}

impl Script {
    fn learn(form: &str, lemma: &str) -> Script {
        let f: Vec<char> = form.chars().collect();
        let lf: Vec<char> = form.chars().flat_map(char::to_lowercase).collect();
        let l: Vec<char> = lemma.chars().collect();
        let cp = |a: &[char]| a.iter().zip(&l).take_while(|(x, y)| x == y).count();
        let (c1, c2) = (cp(&f), cp(&lf));
        let (lower, base, c) = if c2 > c1 {
            (true, &lf, c2)
        } else {
            (false, &f, c1)
        };
        Script {
            lower,
            strip: (base.len() - c) as u32,
            append: l[c..].iter().collect(),
        }
    }

    fn apply(&self, form: &str) -> String {
        let base: Vec<char> = if self.lower {
            form.chars().flat_map(char::to_lowercase).collect()
        } else {
            form.chars().collect()
        };
        let strip = self.strip as usize;
        if strip > base.len() {
            return base.into_iter().collect();
        }
        let mut s: String = base[..base.len() - strip].iter().collect();
        s.push_str(&self.append);
        if s.is_empty() {
            form.to_string()
        } else {
            s
        }
    }
}

/// The trained lemmatizer.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lemmatizer {
    scripts: Vec<Script>,
    /// hash(suffix length, suffix, tag) → script index.
    rules: IdMap<u32>,
    /// hash(form, tag) → lemma, where the rules are wrong.
    lexicon: IdMap<String>,
}

fn rule_key(k: usize, suffix: &[char], tag: u16) -> u64 {
    f3(0x4c45, k as u64, chars_hash(suffix), u64::from(tag))
}

fn lex_key(form: &str, tag: u16) -> u64 {
    f2(0x4c58, str_hash(form), u64::from(tag))
}

impl Lemmatizer {
    /// The lemma of `form` tagged `tag`.
    pub(crate) fn lemma(&self, form: &str, tag: u16) -> String {
        if let Some(l) = self.lexicon.get(&lex_key(form, tag)) {
            return l.clone();
        }
        match self.rule(form, tag) {
            Some(s) => s.apply(form),
            None => form.to_string(),
        }
    }

    fn rule(&self, form: &str, tag: u16) -> Option<&Script> {
        let lf: Vec<char> = form.chars().flat_map(char::to_lowercase).collect();
        let n = lf.len();
        (0..=MAX_SUFFIX.min(n)).rev().find_map(|k| {
            self.rules
                .get(&rule_key(k, &lf[n - k..], tag))
                .and_then(|&i| self.scripts.get(i as usize))
        })
    }

    /// Learns scripts and the exception lexicon from (form, tag, lemma) tokens.
    pub(crate) fn train<'a>(tokens: impl Iterator<Item = (&'a str, u16, &'a str)>) -> Lemmatizer {
        // Most frequent lemma of each (form, tag) type; ties go to the smaller
        // string so that training is reproducible.
        let mut types: std::collections::BTreeMap<
            (&str, u16),
            std::collections::BTreeMap<&str, u32>,
        > = Default::default();
        for (form, tag, lemma) in tokens {
            *types
                .entry((form, tag))
                .or_default()
                .entry(lemma)
                .or_default() += 1;
        }
        let best: Vec<((&str, u16), &str)> = types
            .iter()
            .filter_map(|(&k, m)| {
                let (&l, _) = m.iter().max_by_key(|(l, &c)| (c, std::cmp::Reverse(*l)))?;
                Some((k, l))
            })
            .collect();
        let mut script_ids: std::collections::BTreeMap<Script, u32> = Default::default();
        let mut scripts = Vec::new();
        // Rules are counted over types, not tokens, so that they describe the
        // many rare words rather than the few frequent ones (which the lexicon holds).
        let mut counts: std::collections::BTreeMap<u64, std::collections::BTreeMap<u32, u32>> =
            Default::default();
        for &((form, tag), lemma) in &best {
            let s = Script::learn(form, lemma);
            let id = *script_ids.entry(s.clone()).or_insert_with(|| {
                scripts.push(s);
                (scripts.len() - 1) as u32
            });
            let lf: Vec<char> = form.chars().flat_map(char::to_lowercase).collect();
            let n = lf.len();
            for k in 0..=MAX_SUFFIX.min(n) {
                *counts
                    .entry(rule_key(k, &lf[n - k..], tag))
                    .or_default()
                    .entry(id)
                    .or_default() += 1;
            }
        }
        let rules = counts
            .into_iter()
            .filter_map(|(key, m)| {
                let (&id, _) = m
                    .iter()
                    .max_by_key(|(&id, &c)| (c, std::cmp::Reverse(id)))?;
                Some((key, id))
            })
            .collect();
        let mut lem = Lemmatizer {
            scripts,
            rules,
            lexicon: IdMap::default(),
        };
        for &((form, tag), lemma) in &best {
            if lem.lemma(form, tag) != lemma {
                lem.lexicon.insert(lex_key(form, tag), lemma.to_string());
            }
        }
        lem
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        w.len(self.scripts.len());
        for s in &self.scripts {
            w.u8(u8::from(s.lower));
            w.u32(s.strip);
            w.str(&s.append);
        }
        let mut rules: Vec<(u64, u32)> = self.rules.iter().map(|(&k, &v)| (k, v)).collect();
        rules.sort_unstable();
        w.u64s(&rules.iter().map(|r| r.0).collect::<Vec<_>>());
        w.u32s(&rules.iter().map(|r| r.1).collect::<Vec<_>>());
        let mut lex: Vec<(&u64, &String)> = self.lexicon.iter().collect();
        lex.sort_unstable();
        w.len(lex.len());
        for (k, v) in lex {
            w.u64(*k);
            w.str(v);
        }
    }

    pub(crate) fn read(r: &mut Reader) -> Result<Lemmatizer, NlpError> {
        let n = r.len()?;
        let mut scripts = Vec::with_capacity(n);
        for _ in 0..n {
            scripts.push(Script {
                lower: r.u8()? != 0,
                strip: r.u32()?,
                append: r.str()?,
            });
        }
        let keys = r.u64s()?;
        let vals = r.u32s()?;
        if keys.len() != vals.len() || vals.iter().any(|&v| v as usize >= scripts.len()) {
            return Err(NlpError::Model("bad lemma rules".into()));
        }
        let rules = keys.into_iter().zip(vals).collect();
        let n = r.len()?;
        let mut lexicon = IdMap::default();
        for _ in 0..n {
            let k = r.u64()?;
            lexicon.insert(k, r.str()?);
        }
        Ok(Lemmatizer {
            scripts,
            rules,
            lexicon,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_generalise_to_unseen_words() {
        let data = [
            ("walked", 1, "walk"),
            ("talked", 1, "talk"),
            ("jumped", 1, "jump"),
            ("Dogs", 2, "dog"),
            ("cats", 2, "cat"),
            ("went", 1, "go"),
        ];
        let lem = Lemmatizer::train(data.iter().map(|&(f, t, l)| (f, t, l)));
        assert_eq!(lem.lemma("barked", 1), "bark");
        assert_eq!(lem.lemma("Birds", 2), "bird");
        assert_eq!(lem.lemma("went", 1), "go");
        // An unknown tag leaves the word as it is.
        assert_eq!(lem.lemma("Paris", 9), "Paris");
    }
}
