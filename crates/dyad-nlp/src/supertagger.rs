//! Supertagger: guesses each word's dependency relation and the side its
//! head is on ("nsubj, head to the right"), from the words and POS tags
//! around it; the parser reads these guesses as features.
//!
//! A greedy parser decides an attachment seeing only a few words ahead; the
//! supertagger looks at the whole window around every word first, which
//! gives the parser a cheap view of what each word is likely to become
//! (Ouchi et al. 2014, "Improving dependency parsers with supertags").

use crate::codec::{Reader, Writer};
use crate::hash::{f1, f2, f3, IdMap, Rng};
use crate::linear::{Linear, Perceptron};
use crate::tagger::{argmax, train_greedy, Scratch, Sequence, Tok, NO_TAG};
use crate::NlpError;

/// Which side of a word its head is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum HeadSide {
    Left,
    Right,
    /// The word is the root.
    None,
}

impl HeadSide {
    /// The side of 1-based `head` (0 = root) from the word at 0-based `i`.
    pub(crate) fn of(i: usize, head: usize) -> HeadSide {
        match head {
            0 => HeadSide::None,
            h if h - 1 < i => HeadSide::Left,
            _ => HeadSide::Right,
        }
    }
}

/// The trained supertagger: a linear model over [`features`].
#[derive(Debug, Clone)]
pub(crate) struct Supertagger {
    pub(crate) model: Linear,
}

const BEFORE: u64 = 3000;
const AFTER: u64 = 3001;
const NO_WORD_BEFORE: u64 = 0x5354_0000_0000_0001;
const NO_WORD_AFTER: u64 = 0x5354_0000_0000_0002;

/// Features of word `i`: the word, its suffix and shape, the words at ±2,
/// the POS tags at -2..+2 and the two previous supertags.
fn features(toks: &[Tok], i: usize, p1: u16, p2: u16, pos: &[u16], out: &mut Vec<u64>) {
    let n = toks.len();
    let q = |k: isize| -> u64 {
        match i.checked_add_signed(k) {
            None => BEFORE,
            Some(j) => pos.get(j).map_or(AFTER, |&t| u64::from(t)),
        }
    };
    let w = |k: isize| -> u64 {
        match i.checked_add_signed(k) {
            None => NO_WORD_BEFORE,
            Some(j) => toks.get(j).map_or(NO_WORD_AFTER, |t| t.lower),
        }
    };
    let t = &toks[i];
    let (p1, p2) = (u64::from(p1), u64::from(p2));
    let (qm2, qm1, q0, q1, q2) = (q(-2), q(-1), q(0), q(1), q(2));
    let (wm1, w0, w1) = (w(-1), w(0), w(1));
    let edge = u64::from(i == 0) | u64::from(i + 1 == n) << 1;
    out.clear();
    out.extend_from_slice(&[
        f1(200, 0),
        f1(201, w0),
        f1(202, t.suf[2]),
        f1(203, t.shape),
        f1(204, p1),
        f2(205, p1, p2),
        f1(206, q0),
        f2(207, qm1, q0),
        f2(208, q0, q1),
        f3(209, qm1, q0, q1),
        f3(210, q0, q1, q2),
        f3(211, qm2, qm1, q0),
        f2(212, w0, q0),
        f2(213, w0, q1),
        f2(214, w0, qm1),
        f2(215, p1, q0),
        f3(216, p1, q0, q1),
        f3(217, p2, p1, q0),
        f1(218, wm1),
        f1(219, w1),
        f2(220, w0, w1),
        f2(221, wm1, w0),
        f2(222, t.suf[2], q0),
        f2(223, edge, q0),
        f3(224, p1, w0, q1),
        f1(225, w(2)),
        f1(226, w(-2)),
        f2(227, q0, q2),
        f2(228, qm2, q0),
    ]);
}

impl Supertagger {
    /// Supertags `toks`, given their POS tag ids, left to right.
    pub(crate) fn tag(&self, toks: &[Tok], pos: &[u16], out: &mut Vec<u16>, scratch: &mut Scratch) {
        out.clear();
        let (mut p1, mut p2) = (NO_TAG, NO_TAG);
        scratch.scores.resize(self.model.n_classes(), 0);
        for i in 0..toks.len().min(pos.len()) {
            features(toks, i, p1, p2, pos, &mut scratch.feats);
            self.model.score(&scratch.feats, &mut scratch.scores);
            let t = argmax(&scratch.scores) as u16;
            out.push(t);
            p2 = p1;
            p1 = t;
        }
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        self.model.write(w);
    }

    pub(crate) fn read(r: &mut Reader) -> Result<Supertagger, NlpError> {
        let model = Linear::read(r)?;
        if model.n_classes() == 0 || model.n_classes() >= usize::from(NO_TAG) {
            return Err(NlpError::Model("supertagger has no classes".into()));
        }
        Ok(Supertagger { model })
    }
}

/// A training sentence: token attributes, (jackknifed) POS tags, gold supertags.
pub(crate) struct SupertagExample<'a> {
    pub(crate) toks: &'a [Tok],
    pub(crate) pos: &'a [u16],
    pub(crate) gold: Vec<u16>,
}

impl Sequence for &SupertagExample<'_> {
    fn len(&self) -> usize {
        self.gold.len()
    }
    fn gold(&self, i: usize) -> u16 {
        self.gold[i]
    }
    fn features(&self, i: usize, p1: u16, p2: u16, out: &mut Vec<u64>) {
        features(self.toks, i, p1, p2, self.pos, out);
    }
}

/// Trains the supertagger for `epochs` passes; `on_epoch` sees the
/// perceptron after each.
pub(crate) fn train(
    examples: &[&SupertagExample],
    n_classes: usize,
    epochs: usize,
    rng: &mut Rng,
    on_epoch: impl FnMut(usize, &Perceptron),
) -> Perceptron {
    train_greedy(examples, n_classes, epochs, rng, on_epoch)
}

/// The supertag set of a treebank: (relation, head side) → id.
pub(crate) type SupertagSet = IdMap<u16>;

/// The key of a (relation id, head side) pair in a [`SupertagSet`].
pub(crate) fn key(label: u8, side: HeadSide) -> u64 {
    u64::from(label) << 2 | side as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_side_of_a_word() {
        assert_eq!(HeadSide::of(0, 2), HeadSide::Right);
        assert_eq!(HeadSide::of(2, 2), HeadSide::Left);
        assert_eq!(HeadSide::of(1, 0), HeadSide::None);
    }

    #[test]
    fn learns_a_separable_pattern() {
        // "a" always takes supertag 0, "b" supertag 1.
        let mut buf = Vec::new();
        let toks: Vec<Tok> = ["a", "b", "a", "b"]
            .iter()
            .map(|w| crate::tagger::tok(w, &mut buf))
            .collect();
        let pos = [1u16, 2, 1, 2];
        let ex = SupertagExample {
            toks: &toks,
            pos: &pos,
            gold: vec![0, 1, 0, 1],
        };
        let mut rng = Rng::new(1);
        let p = train(&[&ex], 2, 3, &mut rng, |_, _| {});
        let st = Supertagger {
            model: p.to_linear(0.0),
        };
        let mut out = Vec::new();
        st.tag(&toks, &pos, &mut out, &mut Scratch::default());
        assert_eq!(out, vec![0, 1, 0, 1]);
    }
}
