//! Part-of-speech tagger: a greedy left-to-right averaged perceptron over word,
//! affix, shape and context features that predicts the (XPOS, UPOS) pair, with
//! a tag dictionary for frequent unambiguous words.

use crate::codec::{Reader, Writer};
use crate::hash::{chars_hash, f1, f2, f3, str_hash, IdMap};
use crate::linear::{Linear, Perceptron};
use crate::NlpError;

/// The hashed attributes of one token, computed once per token.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub(crate) form: u64,
    pub(crate) lower: u64,
    pub(crate) pre: [u64; 3],
    pub(crate) suf: [u64; 4],
    pub(crate) shape: u64,
    pub(crate) flags: u64,
    /// Hash of the set of tags the word took in training (its ambiguity class).
    pub(crate) amb: u64,
    /// Capitalization class of the whole sentence (headlines, all caps).
    pub(crate) sent: u64,
}

/// Stand-ins for the positions before the first and after the last token.
const START: Tok = pad(0x5354_4152_5400_0001);
const END: Tok = pad(0x454e_4400_0000_0002);

const fn pad(v: u64) -> Tok {
    Tok {
        form: v,
        lower: v,
        pre: [v; 3],
        suf: [v; 4],
        shape: v,
        flags: v,
        amb: v,
        sent: v,
    }
}

/// Ambiguity class of words not in the training data.
pub(crate) const UNKNOWN_AMB: u64 = 0x554e_4b00_0000_0003;

/// The tag id used for "no tag" (before the sentence start).
pub(crate) const NO_TAG: u16 = u16::MAX;

/// Computes a token's hashed attributes; `buf` is scratch space.
pub(crate) fn tok(word: &str, buf: &mut Vec<char>) -> Tok {
    buf.clear();
    buf.extend(word.chars().flat_map(char::to_lowercase));
    let n = buf.len();
    let lower = chars_hash(buf);
    let suf = [1, 2, 3, 4].map(|k| chars_hash(&buf[n.saturating_sub(k)..]));
    let pre = [1, 2, 3].map(|k| chars_hash(&buf[..k.min(n)]));
    // Word shape: X for upper case, x for lower, d for digits, other characters
    // as they are; runs longer than three are cut so "Xxxxx" == "Xxxxxxxx".
    let mut shape: Vec<char> = Vec::with_capacity(8);
    let (mut last, mut run) = ('\0', 0);
    let (mut upper, mut lowerc, mut digit, mut hyphen, mut alpha) = (0, 0, 0, false, false);
    for c in word.chars() {
        let s = if c.is_uppercase() {
            upper += 1;
            alpha = true;
            'X'
        } else if c.is_lowercase() {
            lowerc += 1;
            alpha = true;
            'x'
        } else if c.is_ascii_digit() {
            digit += 1;
            'd'
        } else if c.is_alphabetic() {
            alpha = true;
            'a'
        } else {
            if c == '-' {
                hyphen = true;
            }
            c
        };
        if s == last {
            run += 1;
        } else {
            run = 1;
            last = s;
        }
        if run <= 3 {
            shape.push(s);
        }
    }
    let first_upper = word.chars().next().is_some_and(char::is_uppercase);
    let flags = u64::from(digit > 0)
        | u64::from(hyphen) << 1
        | u64::from(upper > 0) << 2
        | u64::from(upper > 0 && lowerc == 0) << 3
        | u64::from(first_upper) << 4
        | u64::from(alpha) << 5
        | u64::from(n > 12) << 6;
    Tok {
        form: str_hash(word),
        lower,
        pre,
        suf,
        shape: chars_hash(&shape),
        flags,
        amb: UNKNOWN_AMB,
        sent: 0,
    }
}

/// The tagger's features for token `i` given the two previous predicted tags
/// and, in the second pass, the first pass's tags `q`.
pub(crate) fn features(toks: &[Tok], i: usize, p1: u16, p2: u16, q: &[u16], out: &mut Vec<u64>) {
    let at = |k: isize| -> &Tok {
        let j = i as isize + k;
        if j < 0 {
            &START
        } else {
            toks.get(j as usize).unwrap_or(&END)
        }
    };
    let (w, m1, m2, n1, n2) = (at(0), at(-1), at(-2), at(1), at(2));
    let (p1, p2) = (u64::from(p1), u64::from(p2));
    out.clear();
    out.extend_from_slice(&[
        f1(0, 0),
        f1(1, w.lower),
        f1(2, w.form),
        f1(3, w.suf[0]),
        f1(4, w.suf[1]),
        f1(5, w.suf[2]),
        f1(6, w.suf[3]),
        f1(7, w.pre[0]),
        f1(8, w.pre[1]),
        f1(9, w.pre[2]),
        f1(10, w.shape),
        f1(11, w.flags),
        f1(12, p1),
        f2(13, p1, p2),
        f2(14, p1, w.lower),
        f1(15, m1.lower),
        f1(16, m1.suf[2]),
        f1(17, m2.lower),
        f1(18, n1.lower),
        f1(19, n1.suf[2]),
        f1(20, n2.lower),
        f1(21, n1.shape),
        f1(22, m1.shape),
        f2(23, m1.lower, w.lower),
        f2(24, w.lower, n1.lower),
        f2(25, p1, w.suf[2]),
        f2(26, u64::from(i == 0), w.flags),
        f1(27, p2),
        f2(28, n1.suf[1], w.suf[2]),
        f3(29, p1, w.lower, n1.lower),
        f2(30, n1.lower, n2.lower),
        f2(31, m1.lower, n1.lower),
        f1(32, w.amb),
        f1(33, n1.amb),
        f1(34, n2.amb),
        f2(35, p1, w.amb),
        f2(36, w.amb, n1.amb),
        f3(37, p1, w.amb, n1.amb),
        f2(38, w.lower, n1.amb),
        f2(39, w.suf[2], n1.amb),
        f2(40, w.sent, w.flags),
        f3(41, w.sent, w.flags, m1.flags),
        f3(42, w.sent, w.suf[2], w.flags),
    ]);
    if !q.is_empty() {
        let q = |k: isize| -> u64 {
            let j = i as isize + k;
            if j < 0 {
                u64::from(NO_TAG)
            } else {
                q.get(j as usize)
                    .map_or(u64::from(NO_TAG) - 1, |&t| u64::from(t))
            }
        };
        let (q0, q1, q2) = (q(0), q(1), q(2));
        out.extend_from_slice(&[
            f1(50, q0),
            f1(51, q1),
            f1(52, q2),
            f2(53, q1, q2),
            f2(54, p1, q1),
            f2(55, w.lower, q1),
            f3(56, p1, q0, q1),
            f2(57, w.lower, q0),
            f2(58, w.suf[2], q1),
            f3(59, p2, p1, q1),
        ]);
    }
}

/// The trained tagger.
#[derive(Debug, Clone)]
pub(crate) struct Tagger {
    pub(crate) model: Linear,
    /// The second pass, which also sees the first pass's tags to the right.
    pub(crate) model2: Option<Linear>,
    /// First-pass margin from which the second pass is skipped.
    pub(crate) gate: i32,
    /// Word form hash → tag, for frequent words that always take one tag.
    pub(crate) tagdict: IdMap<u16>,
    /// Lowercased word hash → ambiguity class hash.
    pub(crate) amb: IdMap<u64>,
}

impl Tagger {
    /// Fills in the tokens' ambiguity classes and sentence class.
    pub(crate) fn prepare(&self, toks: &mut [Tok]) {
        prepare(&self.amb, toks);
    }

    /// Tags a sentence; `out` receives one tag id per token.
    pub(crate) fn tag(&self, toks: &[Tok], out: &mut Vec<u16>, scratch: &mut Scratch) {
        match &self.model2 {
            None => self.pass(&self.model, toks, &[], out, scratch),
            Some(m2) => {
                let mut q = std::mem::take(&mut scratch.q);
                self.pass(&self.model, toks, &[], &mut q, scratch);
                let margins = std::mem::take(&mut scratch.margins);
                self.second_pass(m2, toks, &q, &margins, self.gate, out, scratch);
                scratch.q = q;
                scratch.margins = margins;
            }
        }
    }

    /// One left-to-right pass; with `q` empty a first pass, which also
    /// records in `scratch.margins` how sure it was of each tag.
    pub(crate) fn pass(
        &self,
        model: &Linear,
        toks: &[Tok],
        q: &[u16],
        out: &mut Vec<u16>,
        scratch: &mut Scratch,
    ) {
        out.clear();
        scratch.margins.clear();
        let (mut p1, mut p2) = (NO_TAG, NO_TAG);
        scratch.scores.resize(model.n_classes(), 0);
        for (i, t) in toks.iter().enumerate() {
            let (tag, margin) = match self.tagdict.get(&t.form) {
                Some(&tag) => (tag, i32::MAX),
                None => {
                    features(toks, i, p1, p2, q, &mut scratch.feats);
                    model.score(&scratch.feats, &mut scratch.scores);
                    let best = argmax(&scratch.scores);
                    let second = scratch
                        .scores
                        .iter()
                        .enumerate()
                        .filter(|&(c, _)| c != best)
                        .map(|(_, &s)| s)
                        .max()
                        .unwrap_or(i32::MIN);
                    (best as u16, scratch.scores[best].saturating_sub(second))
                }
            };
            out.push(tag);
            scratch.margins.push(margin);
            p2 = p1;
            p1 = tag;
        }
    }

    /// The second pass, run only on the words where the first pass's margin
    /// is below `gate` (the others keep their first-pass tag): most of the
    /// second pass's gain at a fraction of its cost.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn second_pass(
        &self,
        m2: &Linear,
        toks: &[Tok],
        q: &[u16],
        margins: &[i32],
        gate: i32,
        out: &mut Vec<u16>,
        scratch: &mut Scratch,
    ) {
        out.clear();
        let (mut p1, mut p2) = (NO_TAG, NO_TAG);
        scratch.scores.resize(m2.n_classes(), 0);
        for i in 0..toks.len() {
            let first = q.get(i).copied().unwrap_or(0);
            let tag = if margins.get(i).is_none_or(|&m| m >= gate) {
                first
            } else {
                features(toks, i, p1, p2, q, &mut scratch.feats);
                m2.score(&scratch.feats, &mut scratch.scores);
                argmax(&scratch.scores) as u16
            };
            out.push(tag);
            p2 = p1;
            p1 = tag;
        }
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        self.model.write(w);
        match &self.model2 {
            Some(m) => {
                w.u8(1);
                m.write(w);
            }
            None => w.u8(0),
        }
        w.u32(self.gate as u32);
        let mut dict: Vec<(u64, u16)> = self.tagdict.iter().map(|(&k, &v)| (k, v)).collect();
        dict.sort_unstable();
        w.u64s(&dict.iter().map(|d| d.0).collect::<Vec<_>>());
        w.u16s(&dict.iter().map(|d| d.1).collect::<Vec<_>>());
        let mut amb: Vec<(u64, u64)> = self.amb.iter().map(|(&k, &v)| (k, v)).collect();
        amb.sort_unstable();
        w.u64s(&amb.iter().map(|d| d.0).collect::<Vec<_>>());
        w.u64s(&amb.iter().map(|d| d.1).collect::<Vec<_>>());
    }

    pub(crate) fn read(r: &mut Reader) -> Result<Tagger, NlpError> {
        let model = Linear::read(r)?;
        let model2 = match r.u8()? {
            0 => None,
            _ => Some(Linear::read(r)?),
        };
        let gate = r.u32()? as i32;
        if model2
            .as_ref()
            .is_some_and(|m| m.n_classes() != model.n_classes())
        {
            return Err(NlpError::Model("tagger passes disagree".into()));
        }
        let keys = r.u64s()?;
        let vals = r.u16s()?;
        if keys.len() != vals.len() || vals.iter().any(|&v| v as usize >= model.n_classes()) {
            return Err(NlpError::Model("bad tag dictionary".into()));
        }
        let tagdict = keys.into_iter().zip(vals).collect();
        let keys = r.u64s()?;
        let vals = r.u64s()?;
        if keys.len() != vals.len() {
            return Err(NlpError::Model("bad ambiguity classes".into()));
        }
        Ok(Tagger {
            model,
            model2,
            gate,
            tagdict,
            amb: keys.into_iter().zip(vals).collect(),
        })
    }
}

/// Reusable buffers for one thread's tagging and parsing.
#[derive(Default)]
pub(crate) struct Scratch {
    pub(crate) q: Vec<u16>,
    pub(crate) margins: Vec<i32>,
    pub(crate) feats: Vec<u64>,
    pub(crate) scores: Vec<i32>,
    pub(crate) supertags: Vec<u16>,
}

/// Index of the highest score (the first one on ties).
pub(crate) fn argmax(scores: &[i32]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    best
}

/// A training sentence for the tagger: token attributes and gold tag ids.
pub(crate) struct TagExample {
    pub(crate) toks: Vec<Tok>,
    pub(crate) tags: Vec<u16>,
    /// First-pass tags (jackknifed), for training the second pass.
    pub(crate) q: Vec<u16>,
}

pub(crate) fn prepare(amb: &IdMap<u64>, toks: &mut [Tok]) {
    let (mut alpha, mut title, mut caps) = (0, 0, 0);
    for t in toks.iter_mut() {
        t.amb = amb.get(&t.lower).copied().unwrap_or(UNKNOWN_AMB);
        if t.flags & (1 << 5) != 0 {
            alpha += 1;
            title += usize::from(t.flags & (1 << 4) != 0);
            caps += usize::from(t.flags & (1 << 3) != 0);
        }
    }
    // Headlines capitalize most words and all-caps text every word: in such
    // sentences capitalization says little about proper nouns.
    let sent = if alpha < 3 {
        0
    } else if caps * 10 >= alpha * 7 {
        3
    } else if title * 10 >= alpha * 6 {
        2
    } else if title * 10 >= alpha * 3 {
        1
    } else {
        0
    };
    for t in toks.iter_mut() {
        t.sent = sent;
    }
}

/// Ambiguity classes: for every lowercased word seen at least `min_count`
/// times, the set of tags it took in at least 2% of them.
pub(crate) fn build_amb(
    examples: &[&TagExample],
    min_count: u32,
    groups: &[Vec<u16>],
) -> IdMap<u64> {
    let mut counts: IdMap<Vec<(u16, u32)>> = IdMap::default();
    for ex in examples {
        for (t, &tag) in ex.toks.iter().zip(&ex.tags) {
            let row = counts.entry(t.lower).or_default();
            match row.iter_mut().find(|(g, _)| *g == tag) {
                Some(e) => e.1 += 1,
                None => row.push((tag, 1)),
            }
        }
    }
    counts
        .into_iter()
        .filter_map(|(w, row)| {
            let total: u32 = row.iter().map(|r| r.1).sum();
            if total < min_count {
                return None;
            }
            let mut tags: Vec<u16> = row
                .iter()
                .filter(|&&(_, n)| n * 50 >= total)
                .map(|&(t, _)| t)
                .collect();
            // A few training examples of a past participle say little about
            // whether the word can be a past tense too (news has many more):
            // a class holding one member of a group holds all of them.
            for g in groups {
                if tags.iter().any(|t| g.contains(t)) {
                    tags.extend(g);
                }
            }
            tags.sort_unstable();
            tags.dedup();
            let h = tags.iter().fold(0xa3b1_95c4_d2e6_f708, |h, &t| {
                crate::hash::mix(h, u64::from(t))
            });
            Some((w, crate::hash::finish(h)))
        })
        .collect()
}

/// Builds the tag dictionary: words seen at least `min_count` times with one
/// tag in at least `min_share` of them.
pub(crate) fn build_tagdict(
    examples: &[&TagExample],
    min_count: u32,
    min_share: f64,
) -> IdMap<u16> {
    let mut counts: IdMap<Vec<(u16, u32)>> = IdMap::default();
    for ex in examples {
        for (t, &tag) in ex.toks.iter().zip(&ex.tags) {
            let row = counts.entry(t.form).or_default();
            match row.iter_mut().find(|(g, _)| *g == tag) {
                Some(e) => e.1 += 1,
                None => row.push((tag, 1)),
            }
        }
    }
    counts
        .into_iter()
        .filter_map(|(form, row)| {
            let total: u32 = row.iter().map(|r| r.1).sum();
            let &(tag, n) = row.iter().max_by_key(|r| (r.1, std::cmp::Reverse(r.0)))?;
            (total >= min_count && f64::from(n) >= min_share * f64::from(total))
                .then_some((form, tag))
        })
        .collect()
}

/// Trains the tagger for `epochs` passes; returns the perceptron after each
/// epoch through `on_epoch` (for model selection) and at the end.
pub(crate) fn train(
    examples: &[&TagExample],
    second_pass: bool,
    n_classes: usize,
    tagdict: &IdMap<u16>,
    epochs: usize,
    rng: &mut crate::hash::Rng,
    on_epoch: impl FnMut(usize, &Perceptron),
) -> Perceptron {
    let sequences: Vec<TaggerSequence> = examples
        .iter()
        .map(|ex| TaggerSequence {
            ex,
            second_pass,
            tagdict,
        })
        .collect();
    train_greedy(&sequences, n_classes, epochs, rng, on_epoch)
}

/// A tagger training sentence as a [`Sequence`].
struct TaggerSequence<'a> {
    ex: &'a TagExample,
    second_pass: bool,
    tagdict: &'a IdMap<u16>,
}

impl Sequence for TaggerSequence<'_> {
    fn len(&self) -> usize {
        self.ex.toks.len()
    }
    fn gold(&self, i: usize) -> u16 {
        self.ex.tags[i]
    }
    fn fixed(&self, i: usize) -> Option<u16> {
        self.tagdict.get(&self.ex.toks[i].form).copied()
    }
    fn features(&self, i: usize, p1: u16, p2: u16, out: &mut Vec<u64>) {
        let q: &[u16] = if self.second_pass { &self.ex.q } else { &[] };
        features(&self.ex.toks, i, p1, p2, q, out);
    }
}

/// One training sentence for a greedy left-to-right labeller.
pub(crate) trait Sequence {
    fn len(&self) -> usize;
    fn gold(&self, i: usize) -> u16;
    /// A label fixed in advance (the tag dictionary): no decision, no update.
    fn fixed(&self, _i: usize) -> Option<u16> {
        None
    }
    /// Features of position `i` given the two previous predicted labels.
    fn features(&self, i: usize, p1: u16, p2: u16, out: &mut Vec<u64>);
}

/// Trains a greedy left-to-right labeller (the tagger's passes, the
/// supertagger) as an averaged perceptron that learns from its own
/// predictions of the previous labels; `on_epoch` sees it after each epoch.
pub(crate) fn train_greedy<S: Sequence>(
    sequences: &[S],
    n_classes: usize,
    epochs: usize,
    rng: &mut crate::hash::Rng,
    mut on_epoch: impl FnMut(usize, &Perceptron),
) -> Perceptron {
    let mut p = Perceptron::new(n_classes);
    let mut order: Vec<usize> = (0..sequences.len()).collect();
    let mut feats = Vec::new();
    let mut scores = vec![0i64; n_classes];
    for epoch in 0..epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let seq = &sequences[k];
            let (mut p1, mut p2) = (NO_TAG, NO_TAG);
            for i in 0..seq.len() {
                let pred = match seq.fixed(i) {
                    Some(t) => t,
                    None => {
                        seq.features(i, p1, p2, &mut feats);
                        p.score(&feats, &mut scores);
                        let mut best = 0;
                        for (c, &s) in scores.iter().enumerate() {
                            if s > scores[best] {
                                best = c;
                            }
                        }
                        p.update(&feats, usize::from(seq.gold(i)), best);
                        p.tick();
                        best as u16
                    }
                };
                p2 = p1;
                p1 = pred;
            }
        }
        on_epoch(epoch, &p);
    }
    p
}
