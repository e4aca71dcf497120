//! Labeled dependency parser: greedy arc-eager transitions (with the root at
//! the end of the buffer), Zhang & Nivre (2011) feature templates plus, in a
//! model with a supertagger, the words' supertags, trained as an averaged
//! perceptron with the dynamic oracle of Goldberg & Nivre (2012).

use crate::codec::{Reader, Writer};
use crate::hash::{f1, f2, f3, Rng};
use crate::linear::{Linear, Perceptron};
use crate::supertagger::Supertagger;
use crate::tagger::{Scratch, Tok};
use crate::NlpError;

const NONE: u32 = u32::MAX;
const SHIFT: usize = 0;
const REDUCE: usize = 1;

const W_NONE: u64 = 0x4e4f_4e45_0000_0001;
const W_ROOT: u64 = 0x524f_4f54_0000_0002;
const P_NONE: u64 = 1000;
const P_ROOT: u64 = 1001;
const L_NONE: u64 = 200;
const ST_NONE: u64 = 5000;
const ST_ROOT: u64 = 5001;

/// A parser configuration. Token `n` is the artificial root, which stays at
/// the end of the buffer; the stack holds word indices only.
#[derive(Debug, Default)]
pub(crate) struct State {
    n: usize,
    stack: Vec<u32>,
    b0: usize,
    head: Vec<u32>,
    label: Vec<u8>,
    lc1: Vec<u32>,
    lc2: Vec<u32>,
    rc1: Vec<u32>,
    rc2: Vec<u32>,
    nl: Vec<u8>,
    nr: Vec<u8>,
    lset: Vec<u64>,
    rset: Vec<u64>,
}

impl State {
    fn reset(&mut self, n: usize) {
        self.n = n;
        self.stack.clear();
        self.b0 = 0;
        for v in [
            &mut self.head,
            &mut self.lc1,
            &mut self.lc2,
            &mut self.rc1,
            &mut self.rc2,
        ] {
            v.clear();
            v.resize(n + 1, NONE);
        }
        for v in [&mut self.label, &mut self.nl, &mut self.nr] {
            v.clear();
            v.resize(n + 1, 0);
        }
        for v in [&mut self.lset, &mut self.rset] {
            v.clear();
            v.resize(n + 1, 0);
        }
    }

    fn terminal(&self) -> bool {
        self.b0 >= self.n && self.stack.is_empty()
    }

    fn s0(&self) -> u32 {
        self.stack.last().copied().unwrap_or(NONE)
    }

    fn add_arc(&mut self, h: usize, d: usize, l: usize) {
        self.head[d] = h as u32;
        self.label[d] = l as u8;
        let bit = 1u64 << (l & 63);
        if d < h {
            self.lc2[h] = self.lc1[h];
            self.lc1[h] = d as u32;
            self.nl[h] = self.nl[h].saturating_add(1);
            self.lset[h] |= bit;
        } else {
            self.rc2[h] = self.rc1[h];
            self.rc1[h] = d as u32;
            self.nr[h] = self.nr[h].saturating_add(1);
            self.rset[h] |= bit;
        }
    }

    /// Which transition kinds are allowed: (shift, reduce, left-arc, right-arc).
    fn valid(&self) -> [bool; 4] {
        let s0 = self.s0();
        let has_s0 = s0 != NONE;
        let in_buf = self.b0 < self.n;
        let s0_headed = has_s0 && self.head[s0 as usize] != NONE;
        [in_buf, s0_headed, has_s0 && !s0_headed, has_s0 && in_buf]
    }
}

/// The trained parser.
#[derive(Debug, Clone)]
pub(crate) struct Parser {
    /// Without one, the parser's supertag features are left out (faster,
    /// less accurate; see docs/nlp.md).
    pub(crate) supertagger: Option<Supertagger>,
    pub(crate) model: Linear,
    pub(crate) labels: Vec<String>,
    pub(crate) root: usize,
}

/// Transition ids: shift, reduce, then left-arc and right-arc for every label.
fn kind(t: usize, n_labels: usize) -> (usize, usize) {
    match t {
        SHIFT => (0, 0),
        REDUCE => (1, 0),
        t if t < 2 + n_labels => (2, t - 2),
        t => (3, t - 2 - n_labels),
    }
}

fn allowed(st: &State, t: usize, n_labels: usize, root: usize, valid: &[bool; 4]) -> bool {
    let (k, l) = kind(t, n_labels);
    if !valid[k] {
        return false;
    }
    match k {
        // The root label is for arcs from the artificial root, and only those.
        2 => (st.b0 >= st.n) == (l == root),
        3 => l != root,
        _ => true,
    }
}

fn apply(st: &mut State, t: usize, n_labels: usize) {
    let (k, l) = kind(t, n_labels);
    match k {
        0 => {
            st.stack.push(st.b0 as u32);
            st.b0 += 1;
        }
        1 => {
            st.stack.pop();
        }
        2 => {
            if let Some(s) = st.stack.pop() {
                st.add_arc(st.b0, s as usize, l);
            }
        }
        _ => {
            let s = st.s0() as usize;
            st.add_arc(s, st.b0, l);
            st.stack.push(st.b0 as u32);
            st.b0 += 1;
        }
    }
}

/// The per-word attributes features are made of: lowercased word hash, tag
/// id and supertag id, with stand-ins for "no word" and the root.
struct Attrs<'a> {
    n: usize,
    words: &'a [[u64; 2]],
    tags: &'a [u16],
    /// Empty for a model without a supertagger.
    sup: &'a [u16],
}

impl Attrs<'_> {
    fn w(&self, i: u32) -> u64 {
        match i {
            NONE => W_NONE,
            i if i as usize >= self.n => W_ROOT,
            i => self.words[i as usize][0],
        }
    }
    fn p(&self, i: u32) -> u64 {
        match i {
            NONE => P_NONE,
            i if i as usize >= self.n => P_ROOT,
            i => u64::from(self.tags[i as usize]),
        }
    }
    fn t(&self, i: u32) -> u64 {
        match i {
            NONE => ST_NONE,
            i if i as usize >= self.n => ST_ROOT,
            i => self.sup.get(i as usize).map_or(ST_NONE, |&t| u64::from(t)),
        }
    }
}

/// The positions whose single-word features the parser looks at.
#[derive(Debug, Clone, Copy)]
enum Role {
    S0,
    N0,
    N1,
    N2,
    S1,
}

const ROLES: [Role; 5] = [Role::S0, Role::N0, Role::N1, Role::N2, Role::S1];

/// The word at each [`Role`] in configuration `st`.
fn role_positions(st: &State) -> [u32; 5] {
    let n = st.n;
    let s1 = if st.stack.len() >= 2 {
        st.stack[st.stack.len() - 2]
    } else {
        NONE
    };
    let b = st.b0 as u32;
    let n0 = if st.b0 <= n { b } else { NONE };
    let n1 = if st.b0 < n { b + 1 } else { NONE };
    let n2 = if st.b0 + 1 < n { b + 2 } else { NONE };
    [st.s0(), n0, n1, n2, s1]
}

/// Features of the word `i` in `role` (Zhang & Nivre's single-word
/// templates, the second stack word's, the words' supertags; the bias goes
/// with N0).
fn role_features(role: Role, a: &Attrs, i: u32, out: &mut Vec<u64>) {
    let (w, p) = (a.w(i), a.p(i));
    let wp = f2(0, w, p);
    let with_sup = !a.sup.is_empty();
    let t = a.t(i);
    match role {
        Role::S0 => {
            out.extend_from_slice(&[f1(1, wp), f1(2, w), f1(3, p)]);
            if with_sup {
                out.extend_from_slice(&[f1(100, t), f2(115, t, w)]);
            }
        }
        Role::N0 => {
            out.extend_from_slice(&[f1(4, wp), f1(5, w), f1(6, p), f1(77, 0)]);
            if with_sup {
                out.extend_from_slice(&[f1(101, t), f2(114, t, w)]);
            }
        }
        Role::N1 => {
            out.extend_from_slice(&[f1(7, wp), f1(8, w), f1(9, p)]);
            if with_sup {
                out.push(f1(102, t));
            }
        }
        Role::N2 => {
            out.extend_from_slice(&[f1(10, wp), f1(11, w), f1(12, p)]);
            if with_sup {
                out.push(f1(103, t));
            }
        }
        Role::S1 => {
            out.extend_from_slice(&[f1(73, w), f1(74, p)]);
            if with_sup {
                out.push(f1(104, t));
            }
        }
    }
}

/// All features of configuration `st`: [`dynamic_features`] and every
/// role's [`role_features`].
fn features(st: &State, a: &Attrs, out: &mut Vec<u64>) {
    dynamic_features(st, a, out);
    for (role, i) in ROLES.into_iter().zip(role_positions(st)) {
        role_features(role, a, i, out);
    }
}

/// The features that depend on the parse so far: Zhang & Nivre (2011)'s
/// templates for arc-eager over word pairs and triples, distance, valency,
/// heads, children and their labels, plus the second stack word's tag and
/// supertags in context.
fn dynamic_features(st: &State, a: &Attrs, out: &mut Vec<u64>) {
    let (w, p) = (|i| a.w(i), |i| a.p(i));
    let get = |v: &Vec<u32>, i: u32| -> u32 {
        if i == NONE {
            NONE
        } else {
            v[i as usize]
        }
    };
    let lab = |i: u32| -> u64 {
        if i == NONE {
            L_NONE
        } else {
            u64::from(st.label[i as usize])
        }
    };
    let [s0, n0, n1, n2, s1] = role_positions(st);
    let s0h = get(&st.head, s0);
    let s0h2 = get(&st.head, s0h);
    let (s0l, s0l2, s0r, s0r2) = (
        get(&st.lc1, s0),
        get(&st.lc2, s0),
        get(&st.rc1, s0),
        get(&st.rc2, s0),
    );
    let (n0l, n0l2) = (get(&st.lc1, n0), get(&st.lc2, n0));
    let (s0w, s0p, n0w, n0p) = (w(s0), p(s0), w(n0), p(n0));
    let (n1p, n2p) = (p(n1), p(n2));
    let d = if s0 == NONE || n0 == NONE {
        0
    } else {
        match n0 - s0 {
            d @ 1..=4 => u64::from(d),
            5..=9 => 5,
            _ => 6,
        }
    };
    let val = |v: &Vec<u8>, i: u32| -> u64 {
        if i == NONE {
            99
        } else {
            u64::from(v[i as usize])
        }
    };
    let set = |v: &Vec<u64>, i: u32| -> u64 {
        if i == NONE {
            u64::MAX
        } else {
            v[i as usize]
        }
    };
    let (s0vr, s0vl, n0vl) = (val(&st.nr, s0), val(&st.nl, s0), val(&st.nl, n0));
    let (s0sr, s0sl, n0sl) = (set(&st.rset, s0), set(&st.lset, s0), set(&st.lset, n0));
    let s0wp = f2(0, s0w, s0p);
    let n0wp = f2(0, n0w, n0p);
    let headed = u64::from(s0 != NONE && s0h != NONE);
    out.clear();
    out.extend_from_slice(&[
        f2(13, s0wp, n0wp),
        f2(14, s0wp, n0w),
        f2(15, s0w, n0wp),
        f2(16, s0wp, n0p),
        f2(17, s0p, n0wp),
        f2(18, s0w, n0w),
        f2(19, s0p, n0p),
        f2(20, n0p, n1p),
        f3(21, n0p, n1p, n2p),
        f3(22, s0p, n0p, n1p),
        f3(23, p(s0h), s0p, n0p),
        f3(24, s0p, p(s0l), n0p),
        f3(25, s0p, p(s0r), n0p),
        f3(26, s0p, n0p, p(n0l)),
        f2(27, s0w, d),
        f2(28, s0p, d),
        f2(29, n0w, d),
        f2(30, n0p, d),
        f3(31, s0w, n0w, d),
        f3(32, s0p, n0p, d),
        f2(33, s0w, s0vr),
        f2(34, s0p, s0vr),
        f2(35, s0w, s0vl),
        f2(36, s0p, s0vl),
        f2(37, n0w, n0vl),
        f2(38, n0p, n0vl),
        f1(39, w(s0h)),
        f1(40, p(s0h)),
        f1(41, lab(s0)),
        f1(42, w(s0l)),
        f1(43, p(s0l)),
        f1(44, lab(s0l)),
        f1(45, w(s0r)),
        f1(46, p(s0r)),
        f1(47, lab(s0r)),
        f1(48, w(n0l)),
        f1(49, p(n0l)),
        f1(50, lab(n0l)),
        f1(51, w(s0h2)),
        f1(52, p(s0h2)),
        f1(53, lab(s0h)),
        f1(54, w(s0l2)),
        f1(55, p(s0l2)),
        f1(56, lab(s0l2)),
        f1(57, w(s0r2)),
        f1(58, p(s0r2)),
        f1(59, lab(s0r2)),
        f1(60, w(n0l2)),
        f1(61, p(n0l2)),
        f1(62, lab(n0l2)),
        f3(63, s0p, p(s0l), p(s0l2)),
        f3(64, s0p, p(s0r), p(s0r2)),
        f3(65, s0p, p(s0h), p(s0h2)),
        f3(66, n0p, p(n0l), p(n0l2)),
        f2(67, s0w, s0sr),
        f2(68, s0p, s0sr),
        f2(69, s0w, s0sl),
        f2(70, s0p, s0sl),
        f2(71, n0w, n0sl),
        f2(72, n0p, n0sl),
        f3(75, p(s1), s0p, n0p),
        f3(76, headed, s0p, n0p),
    ]);
    if a.sup.is_empty() {
        return;
    }
    let t = |i| a.t(i);
    let (ts0, tn0, tn1, tn2) = (t(s0), t(n0), t(n1), t(n2));
    out.extend_from_slice(&[
        f1(105, t(s0l)),
        f1(106, t(s0r)),
        f1(107, t(n0l)),
        f1(108, t(s0h)),
        f2(109, ts0, tn0),
        f2(110, ts0, n0p),
        f2(111, s0p, tn0),
        f2(112, tn0, tn1),
        f3(113, ts0, tn0, tn1),
        f3(116, ts0, tn0, d),
        f3(117, t(s1), ts0, tn0),
        f3(118, ts0, tn0, lab(s0)),
        f3(119, tn0, tn1, tn2),
    ]);
}

impl Parser {
    fn n_labels(&self) -> usize {
        self.labels.len()
    }

    /// Parses one sentence given its tokens, word hashes and tag ids;
    /// returns 0-based heads (`None` for the root) and label ids. The result
    /// is always a tree with a single root.
    pub(crate) fn parse(
        &self,
        toks: &[Tok],
        words: &[[u64; 2]],
        tags: &[u16],
        st: &mut State,
        scratch: &mut Scratch,
    ) -> (Vec<Option<usize>>, Vec<u8>) {
        let n = words.len();
        let nl = self.n_labels();
        let mut sup = std::mem::take(&mut scratch.supertags);
        match &self.supertagger {
            Some(s) => s.tag(toks, tags, &mut sup, scratch),
            None => sup.clear(),
        }
        st.reset(n);
        scratch.scores.resize(self.model.n_classes(), 0);
        let a = Attrs {
            n,
            words,
            tags,
            sup: &sup,
        };
        while !st.terminal() {
            features(st, &a, &mut scratch.feats);
            self.model.score(&scratch.feats, &mut scratch.scores);
            let valid = st.valid();
            let mut best = None;
            let mut best_score = i32::MIN;
            for (t, &s) in scratch.scores.iter().enumerate() {
                if (best.is_none() || s > best_score) && allowed(st, t, nl, self.root, &valid) {
                    best = Some(t);
                    best_score = s;
                }
            }
            let t = match best {
                Some(t) => t,
                // Unreachable with a well-formed model; a fallback keeps the
                // parse going rather than panicking.
                None if valid[0] => SHIFT,
                None if valid[1] => REDUCE,
                None => 2 + self.root,
            };
            apply(st, t, nl);
        }
        scratch.supertags = sup;
        finish_tree(
            st,
            self.root,
            self.labels.iter().position(|l| l == "parataxis"),
        )
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        match &self.supertagger {
            Some(s) => {
                w.u8(1);
                s.write(w);
            }
            None => w.u8(0),
        }
        self.model.write(w);
        w.len(self.labels.len());
        for l in &self.labels {
            w.str(l);
        }
        w.u64(self.root as u64);
    }

    pub(crate) fn read(r: &mut Reader) -> Result<Parser, NlpError> {
        let supertagger = match r.u8()? {
            0 => None,
            _ => Some(Supertagger::read(r)?),
        };
        let model = Linear::read(r)?;
        let n = r.len()?;
        let mut labels = Vec::with_capacity(n);
        for _ in 0..n {
            labels.push(r.str()?);
        }
        let root = r.u64()? as usize;
        if labels.is_empty() || root >= labels.len() || model.n_classes() != 2 + 2 * labels.len() {
            return Err(NlpError::Model(
                "parser labels do not match its classes".into(),
            ));
        }
        Ok(Parser {
            supertagger,
            model,
            labels,
            root,
        })
    }
}

/// Turns the final configuration into heads and labels with exactly one root:
/// extra words attached to the artificial root go under the first one.
fn finish_tree(st: &State, root: usize, fallback: Option<usize>) -> (Vec<Option<usize>>, Vec<u8>) {
    let n = st.n;
    let mut heads: Vec<Option<usize>> = (0..n)
        .map(|i| match st.head[i] {
            h if (h as usize) < n => Some(h as usize),
            _ => None,
        })
        .collect();
    let mut labels: Vec<u8> = st.label[..n].to_vec();
    let mut main = None;
    for i in 0..n {
        if heads[i].is_none() {
            match main {
                None => {
                    main = Some(i);
                    labels[i] = root as u8;
                }
                Some(m) => {
                    heads[i] = Some(m);
                    labels[i] = fallback.unwrap_or(root) as u8;
                }
            }
        }
    }
    (heads, labels)
}

/// A training sentence for the parser.
pub(crate) struct ParseExample {
    /// Lowercased word hash and ambiguity class of every word.
    pub(crate) words: Vec<[u64; 2]>,
    pub(crate) tags: Vec<u16>,
    /// Supertags (jackknifed, like the tags).
    pub(crate) supertags: Vec<u16>,
    /// Gold heads, `n` for the root (projective).
    pub(crate) heads: Vec<u32>,
    pub(crate) labels: Vec<u8>,
    pub(crate) children: Vec<Vec<u32>>,
}

impl ParseExample {
    /// Builds an example from 1-based gold heads (0 = root), lifting arcs
    /// until the tree is projective.
    pub(crate) fn new(
        words: Vec<[u64; 2]>,
        tags: Vec<u16>,
        supertags: Vec<u16>,
        heads1: &[usize],
        labels: Vec<u8>,
    ) -> Self {
        let n = heads1.len();
        let mut heads: Vec<u32> = heads1
            .iter()
            .map(|&h| if h == 0 { n as u32 } else { (h - 1) as u32 })
            .collect();
        projectivize(&mut heads);
        let mut children = vec![Vec::new(); n + 1];
        for (d, &h) in heads.iter().enumerate() {
            children[h as usize].push(d as u32);
        }
        ParseExample {
            words,
            tags,
            supertags,
            heads,
            labels,
            children,
        }
    }
}

/// Lifts the shortest non-projective arc to its grandparent until none is left.
fn projectivize(heads: &mut [u32]) {
    let n = heads.len();
    let dominated = |heads: &[u32], h: usize, mut k: usize| -> bool {
        let mut steps = 0;
        while k < n && steps <= n {
            if k == h {
                return true;
            }
            k = heads[k] as usize;
            steps += 1;
        }
        k == h
    };
    for _ in 0..n * n {
        let mut worst: Option<(usize, usize)> = None;
        for d in 0..n {
            let h = heads[d] as usize;
            let (lo, hi) = if h < d { (h, d) } else { (d, h) };
            let nonproj = (lo + 1..hi.min(n)).any(|k| !dominated(heads, h, k));
            if nonproj && worst.is_none_or(|(_, len)| hi - lo < len) {
                worst = Some((d, hi - lo));
            }
        }
        match worst {
            Some((d, _)) => {
                let h = heads[d] as usize;
                if h < n {
                    heads[d] = heads[h];
                } else {
                    return;
                }
            }
            None => return,
        }
    }
}

/// Costs of each transition (number of reachable gold arcs it loses),
/// `i32::MAX` for transitions that are not allowed.
fn costs(st: &State, ex: &ParseExample, n_labels: usize, root: usize, out: &mut [i32]) {
    let valid = st.valid();
    let b = st.b0;
    let s0 = st.s0();
    let gh = &ex.heads;
    let in_stack = |k: u32| st.stack.contains(&k);
    let gold_children_in_buffer = |h: u32| -> i32 {
        ex.children[h as usize]
            .iter()
            .filter(|&&k| k as usize >= b)
            .count() as i32
    };
    let headless_children_in_stack = |h: usize| -> i32 {
        st.stack
            .iter()
            .filter(|&&k| gh[k as usize] as usize == h && st.head[k as usize] == NONE)
            .count() as i32
    };
    let shift = if valid[0] {
        st.stack.iter().filter(|&&k| gh[b] == k).count() as i32 + headless_children_in_stack(b)
    } else {
        0
    };
    let reduce = if valid[1] {
        gold_children_in_buffer(s0)
    } else {
        0
    };
    let left = if valid[2] {
        let h = gh[s0 as usize] as usize;
        i32::from(h != b && h > b) + gold_children_in_buffer(s0)
    } else {
        0
    };
    let right = if valid[3] {
        let h = gh[b];
        i32::from(h != s0 && (h as usize > b || in_stack(h))) + headless_children_in_stack(b)
    } else {
        0
    };
    for (t, c) in out.iter_mut().enumerate() {
        if !allowed(st, t, n_labels, root, &valid) {
            *c = i32::MAX;
            continue;
        }
        let (k, l) = kind(t, n_labels);
        *c = match k {
            0 => shift,
            1 => reduce,
            2 => {
                let s = s0 as usize;
                left + i32::from(gh[s] as usize == b && ex.labels[s] as usize != l)
            }
            _ => right + i32::from(gh[b] == s0 && ex.labels[b] as usize != l),
        };
    }
}

/// Training settings for the parser.
pub(crate) struct ParserTraining {
    pub(crate) epochs: usize,
    /// From this epoch on (0-based), follow the model's own (possibly wrong)
    /// transitions with probability `explore`.
    pub(crate) explore_from: usize,
    pub(crate) explore: f64,
}

/// Trains the transition classifier; `on_epoch` sees the model after each epoch.
pub(crate) fn train(
    examples: &[ParseExample],
    n_labels: usize,
    root: usize,
    cfg: &ParserTraining,
    rng: &mut Rng,
    mut on_epoch: impl FnMut(usize, &Perceptron),
) -> Perceptron {
    let n_classes = 2 + 2 * n_labels;
    let mut p = Perceptron::new(n_classes);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut feats = Vec::new();
    let mut scores = vec![0i64; n_classes];
    let mut cost = vec![0i32; n_classes];
    let mut st = State::default();
    for epoch in 0..cfg.epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let ex = &examples[k];
            st.reset(ex.words.len());
            while !st.terminal() {
                let a = Attrs {
                    n: ex.words.len(),
                    words: &ex.words,
                    tags: &ex.tags,
                    sup: &ex.supertags,
                };
                features(&st, &a, &mut feats);
                p.score(&feats, &mut scores);
                costs(&st, ex, n_labels, root, &mut cost);
                let mut pred = None;
                let mut gold = None;
                let min_cost = cost.iter().copied().min().unwrap_or(0);
                for t in 0..n_classes {
                    if cost[t] == i32::MAX {
                        continue;
                    }
                    if pred.is_none_or(|b: usize| scores[t] > scores[b]) {
                        pred = Some(t);
                    }
                    if cost[t] == min_cost && gold.is_none_or(|b: usize| scores[t] > scores[b]) {
                        gold = Some(t);
                    }
                }
                let (Some(pred), Some(gold)) = (pred, gold) else {
                    break;
                };
                if cost[pred] > min_cost {
                    p.update(&feats, gold, pred);
                }
                p.tick();
                let next = if epoch >= cfg.explore_from && rng.unit() < cfg.explore {
                    pred
                } else {
                    gold
                };
                apply(&mut st, next, n_labels);
            }
        }
        on_epoch(epoch, &p);
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projectivize_lifts_crossing_arcs() {
        // 0 <- 2, 1 <- 3, 2 <- root(4), 3 <- 0 : arcs (2,0) and (0,3) cross (3,1).
        let mut heads = vec![2, 3, 4, 0];
        projectivize(&mut heads);
        let n = heads.len();
        for d in 0..n {
            let h = heads[d] as usize;
            let (lo, hi) = if h < d { (h, d) } else { (d, h) };
            for k in lo + 1..hi.min(n) {
                let mut a = k;
                let mut ok = false;
                for _ in 0..=n {
                    if a == h {
                        ok = true;
                        break;
                    }
                    if a >= n {
                        break;
                    }
                    a = heads[a] as usize;
                }
                assert!(ok || a == h, "arc {h}->{d} still crosses at {k}: {heads:?}");
            }
        }
    }

    #[test]
    fn static_walk_of_oracle_rebuilds_gold_tree() {
        // "the dog barks loudly": the->dog, dog->barks, barks->root, loudly->barks.
        let ex = ParseExample::new(
            vec![[1, 1], [2, 2], [3, 3], [4, 4]],
            vec![0, 1, 2, 3],
            vec![0, 1, 2, 3],
            &[2, 3, 0, 3],
            vec![1, 2, 0, 3],
        );
        let n_labels = 4;
        let mut st = State::default();
        st.reset(4);
        let mut cost = vec![0; 2 + 2 * n_labels];
        while !st.terminal() {
            costs(&st, &ex, n_labels, 0, &mut cost);
            let t = (0..cost.len())
                .find(|&t| cost[t] == 0)
                .expect("a zero-cost move");
            apply(&mut st, t, n_labels);
        }
        assert_eq!(&st.head[..4], &[1, 2, 4, 2]);
        assert_eq!(&st.label[..4], &[1, 2, 0, 3]);
    }

    #[test]
    fn parser_with_a_supertagger_learns_a_small_grammar() {
        use crate::supertagger::{self, SupertagExample};
        // "the dog saw a cat", "a cat saw the dog", ...: det → noun, noun
        // subject and object → verb, verb → root. Labels: 0 root, 1 det,
        // 2 nsubj, 3 obj; supertags: label × side.
        let nouns = ["dog", "cat", "bird", "man"];
        let verbs = ["saw", "chased", "liked"];
        let dets = ["the", "a"];
        let mut rng = Rng::new(9);
        let mut buf = Vec::new();
        let mut sents = Vec::new();
        for _ in 0..60 {
            let words = [
                dets[rng.below(2)],
                nouns[rng.below(4)],
                verbs[rng.below(3)],
                dets[rng.below(2)],
                nouns[rng.below(4)],
            ];
            let toks: Vec<Tok> = words
                .iter()
                .map(|w| crate::tagger::tok(w, &mut buf))
                .collect();
            sents.push(toks);
        }
        let tags = vec![0u16, 1, 2, 0, 1];
        let heads = [2usize, 3, 0, 5, 3];
        let labels = vec![1u8, 2, 0, 1, 3];
        let gold_sup = vec![1u16, 2, 0, 1, 3];
        let st_examples: Vec<SupertagExample> = sents
            .iter()
            .map(|toks| SupertagExample {
                toks,
                pos: &tags,
                gold: gold_sup.clone(),
            })
            .collect();
        let refs: Vec<&SupertagExample> = st_examples.iter().collect();
        let st = Supertagger {
            model: supertagger::train(&refs, 4, 3, &mut rng, |_, _| {}).to_linear(0.0),
        };
        let mut scratch = Scratch::default();
        let examples: Vec<ParseExample> = sents
            .iter()
            .map(|toks| {
                let mut sup = Vec::new();
                st.tag(toks, &tags, &mut sup, &mut scratch);
                let words = toks.iter().map(|t| [t.lower, t.amb]).collect();
                ParseExample::new(words, tags.clone(), sup, &heads, labels.clone())
            })
            .collect();
        let cfg = ParserTraining {
            epochs: 5,
            explore_from: 1,
            explore: 0.9,
        };
        let p = train(&examples, 4, 0, &cfg, &mut rng, |_, _| {});
        let parser = Parser {
            supertagger: Some(st),
            model: p.to_linear(0.0),
            labels: ["root", "det", "nsubj", "obj"].map(String::from).to_vec(),
            root: 0,
        };
        // The same after a trip through the model file format.
        let mut w = Writer::default();
        parser.write(&mut w);
        let reread = Parser::read(&mut Reader::new(&w.buf)).expect("reads back");
        let mut state = State::default();
        for (toks, ex) in sents.iter().zip(&examples).take(10) {
            for p in [&parser, &reread] {
                let (h, l) = p.parse(toks, &ex.words, &tags, &mut state, &mut scratch);
                assert_eq!(h, vec![Some(1), Some(2), None, Some(4), Some(2)]);
                assert_eq!(l, labels);
            }
        }
    }
}
