//! The neural dependency parser: a bidirectional LSTM reads the sentence (word,
//! POS tag, suffix and shape embeddings); every (dependent, head) pair is scored
//! by a biaffine product of two small ReLU layers (Dozat & Manning 2017), the
//! relation of each arc by a layer over the pair; heads are the best-scoring
//! ones when they form a tree, else Eisner's algorithm finds the best projective
//! tree with one root.

use crate::codec::{Reader, Writer};
use crate::dense::{
    axpy, dot, gemv_bf16, log_softmax, sigmoid_all, softmax, tanh_all, to_bf16, Adam, Bf16Matrix,
    Matrix,
};
use crate::eisner::{eisner, is_tree};
use crate::hash::{IdMap, Rng};
use crate::tagger::Tok;
use crate::NlpError;

/// Sizes of the network.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NeuralDims {
    pub word: usize,
    pub tag: usize,
    pub suffix: usize,
    pub shape: usize,
    /// LSTM state size of each direction.
    pub hidden: usize,
    pub layers: usize,
    /// Size of the arc (head/dependent) layers.
    pub arc: usize,
    /// Size of the relation layers.
    pub rel: usize,
}

impl Default for NeuralDims {
    fn default() -> Self {
        NeuralDims {
            word: 64,
            tag: 32,
            suffix: 24,
            shape: 8,
            hidden: 64,
            layers: 2,
            arc: 64,
            rel: 48,
        }
    }
}

impl NeuralDims {
    fn input(&self) -> usize {
        self.word + self.tag + self.suffix + self.shape
    }
    fn layer_input(&self, l: usize) -> usize {
        if l == 0 {
            self.input()
        } else {
            2 * self.hidden
        }
    }
}

/// Input ids reserved in every vocabulary.
const UNKNOWN: u32 = 0;
const ROOT: u32 = 1;

/// Word, suffix and shape vocabularies: feature hash → embedding column.
#[derive(Debug, Clone, Default)]
pub(crate) struct Vocab {
    /// Keys in id order (ids start at 2).
    keys: [Vec<u64>; 3],
    maps: [IdMap<u32>; 3],
}

impl Vocab {
    /// Builds the vocabularies from training tokens: keys seen at least `min_count` times.
    pub(crate) fn build<'a>(
        toks: impl Iterator<Item = &'a Tok>,
        min_count: u32,
    ) -> (Vocab, Vec<u32>) {
        let mut counts: [IdMap<u32>; 3] = Default::default();
        let mut order: [Vec<u64>; 3] = Default::default();
        for t in toks {
            for (k, key) in Vocab::keys_of(t).into_iter().enumerate() {
                let c = counts[k].entry(key).or_insert(0);
                if *c == 0 {
                    order[k].push(key);
                }
                *c += 1;
            }
        }
        let mut v = Vocab::default();
        let mut word_counts = vec![0, 0];
        for k in 0..3 {
            for &key in &order[k] {
                if counts[k][&key] >= min_count {
                    if k == 0 {
                        word_counts.push(counts[k][&key]);
                    }
                    v.keys[k].push(key);
                }
            }
        }
        v.index();
        (v, word_counts)
    }

    fn index(&mut self) {
        for k in 0..3 {
            self.maps[k] = self.keys[k]
                .iter()
                .enumerate()
                .map(|(i, &key)| (key, i as u32 + 2))
                .collect();
        }
    }

    fn keys_of(t: &Tok) -> [u64; 3] {
        [t.lower, t.suf[2], t.shape]
    }

    fn size(&self, k: usize) -> usize {
        self.keys[k].len() + 2
    }

    /// Rows of the word, tag, suffix and shape embedding tables.
    fn embedding_sizes(&self, n_tags: usize) -> [usize; 4] {
        [self.size(0), n_tags + 2, self.size(1), self.size(2)]
    }

    fn ids(&self, t: &Tok) -> [u32; 3] {
        let keys = Vocab::keys_of(t);
        [0, 1, 2].map(|k| self.maps[k].get(&keys[k]).copied().unwrap_or(UNKNOWN))
    }
}

/// One LSTM direction: gates `[input, forget, cell, output]` stacked in `4h` rows.
#[derive(Debug, Clone)]
struct Lstm {
    wx: Matrix,
    wh: Matrix,
    b: Matrix,
    /// `wh` in bfloat16, for parsing: the recurrent product is the one step
    /// that cannot be batched over words, and reading half the bytes makes it
    /// faster (derived from `wh` by [`Biaffine::prepare`]).
    wh_bf16: Vec<u16>,
}

/// All weights, named; [`Weights::matrices`] lists them in file order.
#[derive(Debug, Clone)]
struct Weights {
    word: Matrix,
    tag: Matrix,
    suffix: Matrix,
    shape: Matrix,
    /// Per layer: forward and backward direction.
    lstm: Vec<[Lstm; 2]>,
    arc_dep: Matrix,
    arc_dep_b: Matrix,
    arc_head: Matrix,
    arc_head_b: Matrix,
    arc_u: Matrix,
    arc_bias: Matrix,
    rel_dep: Matrix,
    rel_dep_b: Matrix,
    rel_head: Matrix,
    rel_head_b: Matrix,
    rel_out: Matrix,
    rel_out_b: Matrix,
    /// The tagging head: (XPOS, UPOS) pair scores from the top layer.
    tag_out: Matrix,
    tag_out_b: Matrix,
}

impl Weights {
    fn new(
        d: &NeuralDims,
        sizes: [usize; 4],
        n_tags: usize,
        n_labels: usize,
        rng: &mut Rng,
    ) -> Weights {
        let h = d.hidden;
        let lstm = (0..d.layers)
            .map(|l| {
                [0, 1].map(|_| {
                    let mut b = Matrix::zeros(4 * h, 1);
                    b.w[h..2 * h].fill(1.0); // forget gates start open
                    Lstm {
                        wx: Matrix::random(4 * h, d.layer_input(l), rng),
                        wh: Matrix::random(4 * h, h, rng),
                        b,
                        wh_bf16: Vec::new(),
                    }
                })
            })
            .collect();
        let mut emb = |dim: usize, n: usize| {
            let mut m = Matrix::random(dim, n, rng);
            m.column_mut(UNKNOWN as usize).fill(0.0);
            m
        };
        Weights {
            word: emb(d.word, sizes[0]),
            tag: emb(d.tag, sizes[1]),
            suffix: emb(d.suffix, sizes[2]),
            shape: emb(d.shape, sizes[3]),
            lstm,
            arc_dep: Matrix::random(d.arc, 2 * h, rng),
            arc_dep_b: Matrix::zeros(d.arc, 1),
            arc_head: Matrix::random(d.arc, 2 * h, rng),
            arc_head_b: Matrix::zeros(d.arc, 1),
            arc_u: Matrix::zeros(d.arc, d.arc),
            arc_bias: Matrix::zeros(d.arc, 1),
            rel_dep: Matrix::random(d.rel, 2 * h, rng),
            rel_dep_b: Matrix::zeros(d.rel, 1),
            rel_head: Matrix::random(d.rel, 2 * h, rng),
            rel_head_b: Matrix::zeros(d.rel, 1),
            rel_out: Matrix::zeros(n_labels, 3 * d.rel),
            rel_out_b: Matrix::zeros(n_labels, 1),
            tag_out: Matrix::zeros(n_tags, 2 * h),
            tag_out_b: Matrix::zeros(n_tags, 1),
        }
    }

    /// The (rows, cols) of each matrix, in the order of [`Weights::matrices`].
    fn shapes(
        d: &NeuralDims,
        sizes: [usize; 4],
        n_tags: usize,
        n_labels: usize,
    ) -> Vec<(usize, usize)> {
        let h = d.hidden;
        let mut v = vec![
            (d.word, sizes[0]),
            (d.tag, sizes[1]),
            (d.suffix, sizes[2]),
            (d.shape, sizes[3]),
        ];
        for l in 0..d.layers {
            for _ in 0..2 {
                v.extend([(4 * h, d.layer_input(l)), (4 * h, h), (4 * h, 1)]);
            }
        }
        v.extend([
            (d.arc, 2 * h),
            (d.arc, 1),
            (d.arc, 2 * h),
            (d.arc, 1),
            (d.arc, d.arc),
            (d.arc, 1),
            (d.rel, 2 * h),
            (d.rel, 1),
            (d.rel, 2 * h),
            (d.rel, 1),
            (n_labels, 3 * d.rel),
            (n_labels, 1),
            (n_tags, 2 * h),
            (n_tags, 1),
        ]);
        v
    }

    fn matrices(&self) -> Vec<&Matrix> {
        let mut v = vec![&self.word, &self.tag, &self.suffix, &self.shape];
        for dirs in &self.lstm {
            for l in dirs {
                v.extend([&l.wx, &l.wh, &l.b]);
            }
        }
        v.extend([
            &self.arc_dep,
            &self.arc_dep_b,
            &self.arc_head,
            &self.arc_head_b,
            &self.arc_u,
            &self.arc_bias,
            &self.rel_dep,
            &self.rel_dep_b,
            &self.rel_head,
            &self.rel_head_b,
            &self.rel_out,
            &self.rel_out_b,
            &self.tag_out,
            &self.tag_out_b,
        ]);
        v
    }

    fn arrays_mut(&mut self) -> Vec<&mut Vec<f32>> {
        let mut v = vec![
            &mut self.word.w,
            &mut self.tag.w,
            &mut self.suffix.w,
            &mut self.shape.w,
        ];
        for dirs in &mut self.lstm {
            for l in dirs {
                v.extend([&mut l.wx.w, &mut l.wh.w, &mut l.b.w]);
            }
        }
        v.extend([
            &mut self.arc_dep.w,
            &mut self.arc_dep_b.w,
            &mut self.arc_head.w,
            &mut self.arc_head_b.w,
            &mut self.arc_u.w,
            &mut self.arc_bias.w,
            &mut self.rel_dep.w,
            &mut self.rel_dep_b.w,
            &mut self.rel_head.w,
            &mut self.rel_head_b.w,
            &mut self.rel_out.w,
            &mut self.rel_out_b.w,
            &mut self.tag_out.w,
            &mut self.tag_out_b.w,
        ]);
        v
    }

    fn zeros_like(&self) -> Weights {
        let mut z = self.clone();
        for a in z.arrays_mut() {
            a.fill(0.0);
        }
        z
    }
}

/// The trained parser.
#[derive(Debug, Clone)]
pub(crate) struct Biaffine {
    dims: NeuralDims,
    n_tags: usize,
    vocab: Vocab,
    weights: Weights,
    pub(crate) labels: Vec<String>,
    pub(crate) root: usize,
    /// Derived from `weights` for parsing (see [`FastWeights`]).
    fast: Option<FastWeights>,
}

/// One LSTM direction's activations over a sentence.
#[derive(Debug, Default)]
struct DirActs {
    /// Gate values after their nonlinearity, `4h` per position.
    gates: Vec<f32>,
    c: Vec<f32>,
    tanh_c: Vec<f32>,
    h: Vec<f32>,
}

/// Activations of one sentence (kept for back-propagation in training; reused
/// buffers at inference).
#[derive(Debug, Default)]
pub(crate) struct Activations {
    m: usize,
    /// Input embeddings, `m × input` (after dropout).
    x: Vec<f32>,
    x_mask: Vec<f32>,
    dirs: Vec<[DirActs; 2]>,
    /// Each layer's output, `m × 2h` (after dropout), and its dropout mask.
    outs: Vec<Vec<f32>>,
    out_masks: Vec<Vec<f32>>,
    ad: Vec<f32>,
    ah: Vec<f32>,
    hu: Vec<f32>,
    hb: Vec<f32>,
    rd: Vec<f32>,
    rh: Vec<f32>,
    /// Arc scores `s[dep * m + head]`.
    scores: Vec<f32>,
    feat: Vec<f32>,
    z: Vec<f32>,
    inputs: Vec<[u32; 4]>,
}

/// Scratch vectors of back-propagation.
#[derive(Debug, Default)]
struct Backprop {
    d_ad: Vec<f32>,
    d_hu: Vec<f32>,
    d_hb: Vec<f32>,
    d_ah: Vec<f32>,
    d_rd: Vec<f32>,
    d_rh: Vec<f32>,
    d_pre: Vec<f32>,
    d_feat: Vec<f32>,
    d_out: Vec<f32>,
    d_in: Vec<f32>,
    dh: Vec<f32>,
    dh_next: Vec<f32>,
    dc: Vec<f32>,
    da: Vec<f32>,
}

fn resize(v: &mut Vec<f32>, n: usize) {
    v.clear();
    v.resize(n, 0.0);
}

/// `y[t] = relu(W x[t] + b)` for `n` inputs.
fn relu_layer(w: Weight, b: &Matrix, x: &[f32], y: &mut [f32], n: usize) {
    for row in y.chunks_exact_mut(b.w.len()).take(n) {
        row.copy_from_slice(&b.w);
    }
    w.gemm(x, y, n);
    for v in y.iter_mut() {
        *v = v.max(0.0);
    }
}

/// A weight matrix as a forward pass uses it: exact, or its bfloat16 copy.
#[derive(Clone, Copy)]
struct Weight<'a>(&'a Matrix, Option<&'a Bf16Matrix>);

impl Weight<'_> {
    fn gemm(self, x: &[f32], y: &mut [f32], n: usize) {
        match self.1 {
            Some(fast) => fast.gemm(x, y, n),
            None => self.0.gemm(x, y, n),
        }
    }
}

/// bfloat16 copies of the matrices multiplied by many words at once, for
/// parsing on CPUs with AVX512-BF16 (derived by [`Biaffine::prepare`]).
#[derive(Debug, Clone)]
struct FastWeights {
    wx: Vec<[Bf16Matrix; 2]>,
    arc_dep: Bf16Matrix,
    arc_head: Bf16Matrix,
    arc_u: Bf16Matrix,
    rel_dep: Bf16Matrix,
    rel_head: Bf16Matrix,
    rel_out: Bf16Matrix,
    tag_out: Bf16Matrix,
}

impl FastWeights {
    fn new(w: &Weights) -> Option<FastWeights> {
        let wx = w
            .lstm
            .iter()
            .map(|dirs| Some([Bf16Matrix::new(&dirs[0].wx)?, Bf16Matrix::new(&dirs[1].wx)?]))
            .collect::<Option<Vec<_>>>()?;
        Some(FastWeights {
            wx,
            arc_dep: Bf16Matrix::new(&w.arc_dep)?,
            arc_head: Bf16Matrix::new(&w.arc_head)?,
            arc_u: Bf16Matrix::new(&w.arc_u)?,
            rel_dep: Bf16Matrix::new(&w.rel_dep)?,
            rel_head: Bf16Matrix::new(&w.rel_head)?,
            rel_out: Bf16Matrix::new(&w.rel_out)?,
            tag_out: Bf16Matrix::new(&w.tag_out)?,
        })
    }
}

/// Fills `mask` with inverted-dropout factors (0 or `1/(1-p)`) and applies it to `v`.
fn dropout(v: &mut [f32], mask: &mut Vec<f32>, p: f32, rng: &mut Rng) {
    mask.clear();
    let keep = 1.0 / (1.0 - p);
    mask.extend(
        v.iter()
            .map(|_| if (rng.unit() as f32) < p { 0.0 } else { keep }),
    );
    for (x, k) in v.iter_mut().zip(mask.iter()) {
        *x *= k;
    }
}

impl Lstm {
    /// Runs over `m` positions of `input` (`m × in`), backwards if `reverse`.
    /// With `exact`, the recurrent product uses `wh` itself (training), else `wh_bf16`.
    fn forward(
        &self,
        input: &[f32],
        m: usize,
        reverse: bool,
        fast_wx: Option<&Bf16Matrix>,
        exact: bool,
        a: &mut DirActs,
    ) {
        let h = self.wh.cols;
        let inp = self.wx.cols;
        resize(&mut a.gates, m * 4 * h);
        resize(&mut a.c, m * h);
        resize(&mut a.tanh_c, m * h);
        resize(&mut a.h, m * h);
        for g in a.gates.chunks_exact_mut(4 * h) {
            g.copy_from_slice(&self.b.w);
        }
        Weight(&self.wx, fast_wx).gemm(&input[..m * inp], &mut a.gates, m);
        let mut prev: Option<usize> = None;
        for k in 0..m {
            let t = if reverse { m - 1 - k } else { k };
            let g = &mut a.gates[t * 4 * h..(t + 1) * 4 * h];
            if let Some(p) = prev {
                let h_prev = &a.h[p * h..(p + 1) * h];
                if exact || self.wh_bf16.len() != self.wh.w.len() {
                    self.wh.gemv(h_prev, g);
                } else {
                    gemv_bf16(&self.wh_bf16, 4 * h, h_prev, g);
                }
            }
            sigmoid_all(&mut g[..2 * h]);
            tanh_all(&mut g[2 * h..3 * h]);
            sigmoid_all(&mut g[3 * h..]);
            let (c_all, tc_all, h_all) = (&mut a.c, &mut a.tanh_c, &mut a.h);
            for j in 0..h {
                let c_prev = prev.map_or(0.0, |p| c_all[p * h + j]);
                c_all[t * h + j] = g[h + j] * c_prev + g[j] * g[2 * h + j];
            }
            let tc = &mut tc_all[t * h..(t + 1) * h];
            tc.copy_from_slice(&c_all[t * h..(t + 1) * h]);
            tanh_all(tc);
            for j in 0..h {
                h_all[t * h + j] = g[3 * h + j] * tc[j];
            }
            prev = Some(t);
        }
    }

    /// Back-propagation through time: `dh_out` (`m × h`) in, gradients into
    /// `grad` and `d_input` (`m × in`, added to).
    #[allow(clippy::too_many_arguments)]
    fn backward(
        &self,
        grad: &mut Lstm,
        input: &[f32],
        a: &DirActs,
        dh_out: &[f32],
        m: usize,
        reverse: bool,
        d_input: &mut [f32],
        bp: &mut Backprop,
    ) {
        let h = self.wh.cols;
        let inp = self.wx.cols;
        resize(&mut bp.dh_next, h);
        resize(&mut bp.dc, h);
        resize(&mut bp.dh, h);
        resize(&mut bp.da, 4 * h);
        for k in (0..m).rev() {
            let t = if reverse { m - 1 - k } else { k };
            let prev = if k == 0 {
                None
            } else if reverse {
                Some(t + 1)
            } else {
                Some(t - 1)
            };
            for j in 0..h {
                bp.dh[j] = dh_out[t * h + j] + bp.dh_next[j];
            }
            let g = &a.gates[t * 4 * h..(t + 1) * 4 * h];
            for j in 0..h {
                let (i, f, cell, o) = (g[j], g[h + j], g[2 * h + j], g[3 * h + j]);
                let tc = a.tanh_c[t * h + j];
                let dh = bp.dh[j];
                let d_o = dh * tc;
                let dc = bp.dc[j] + dh * o * (1.0 - tc * tc);
                let c_prev = prev.map_or(0.0, |p| a.c[p * h + j]);
                bp.da[j] = dc * cell * i * (1.0 - i);
                bp.da[h + j] = dc * c_prev * f * (1.0 - f);
                bp.da[2 * h + j] = dc * i * (1.0 - cell * cell);
                bp.da[3 * h + j] = d_o * o * (1.0 - o);
                bp.dc[j] = dc * f;
            }
            axpy(1.0, &bp.da, &mut grad.b.w);
            let x = &input[t * inp..(t + 1) * inp];
            grad.wx.add_outer(&bp.da, x);
            self.wx.gemv_t(&bp.da, &mut d_input[t * inp..(t + 1) * inp]);
            bp.dh_next.fill(0.0);
            if let Some(p) = prev {
                grad.wh.add_outer(&bp.da, &a.h[p * h..(p + 1) * h]);
                self.wh.gemv_t(&bp.da, &mut bp.dh_next);
            }
        }
    }
}

/// Training settings.
#[derive(Debug, Clone)]
pub(crate) struct NeuralTraining {
    pub(crate) epochs: usize,
    /// Sentences per update.
    pub(crate) batch: usize,
    pub(crate) lr: f32,
    pub(crate) dropout: f32,
    /// Word dropout: a word seen `n` times is replaced by the unknown word with
    /// probability `alpha / (alpha + n)`.
    pub(crate) word_dropout: f32,
    /// Decay of the moving average of the weights that is evaluated and kept
    /// (0: the weights themselves).
    pub(crate) average: f32,
}

/// A training sentence: input ids of the root and the words, gold heads
/// (positions, 0 = root) and relation ids of the words.
pub(crate) struct NeuralExample {
    pub(crate) inputs: Vec<[u32; 4]>,
    /// Gold tag ids of the words.
    pub(crate) tags: Vec<u16>,
    pub(crate) heads: Vec<u32>,
    pub(crate) labels: Vec<u8>,
}

impl Biaffine {
    pub(crate) fn new(
        dims: NeuralDims,
        vocab: Vocab,
        n_tags: usize,
        labels: Vec<String>,
        root: usize,
        rng: &mut Rng,
    ) -> Biaffine {
        let sizes = vocab.embedding_sizes(n_tags);
        let weights = Weights::new(&dims, sizes, n_tags, labels.len(), rng);
        Biaffine::assemble(dims, n_tags, vocab, weights, labels, root)
    }

    /// The parser with its derived parts prepared.
    fn assemble(
        dims: NeuralDims,
        n_tags: usize,
        vocab: Vocab,
        weights: Weights,
        labels: Vec<String>,
        root: usize,
    ) -> Biaffine {
        let mut net = Biaffine {
            dims,
            n_tags,
            vocab,
            weights,
            labels,
            root,
            fast: None,
        };
        net.prepare();
        net
    }

    /// Tags the tagging head predicts (those of the model's tag set).
    pub(crate) fn n_tags(&self) -> usize {
        self.n_tags
    }

    /// Derives what parsing needs from the weights (the bfloat16 copies).
    pub(crate) fn prepare(&mut self) {
        for l in self.weights.lstm.iter_mut().flatten() {
            l.wh_bf16 = l.wh.w.iter().map(|&v| to_bf16(v)).collect();
        }
        self.fast = FastWeights::new(&self.weights);
    }

    /// Input ids of a sentence: the root, then each word.
    pub(crate) fn inputs(&self, toks: &[Tok], tags: &[u16], out: &mut Vec<[u32; 4]>) {
        out.clear();
        out.push([ROOT; 4]);
        for (t, &tag) in toks.iter().zip(tags) {
            let [w, s, sh] = self.vocab.ids(t);
            let tag = if usize::from(tag) < self.n_tags {
                u32::from(tag) + 2
            } else {
                UNKNOWN
            };
            out.push([w, tag, s, sh]);
        }
    }

    pub(crate) fn bytes(&self) -> usize {
        self.weights
            .matrices()
            .iter()
            .map(|m| m.w.len() * 4)
            .sum::<usize>()
            + self.vocab.keys.iter().map(|k| k.len() * 12).sum::<usize>()
    }

    /// Forward pass over `a.inputs`; with `train`, dropout is applied.
    fn forward(&self, a: &mut Activations, mut train: Option<(&mut Rng, f32)>) {
        let d = &self.dims;
        let w = &self.weights;
        let fast = if train.is_some() {
            None
        } else {
            self.fast.as_ref()
        };
        let m = a.inputs.len();
        a.m = m;
        let din = d.input();
        resize(&mut a.x, m * din);
        for (t, ids) in a.inputs.iter().enumerate() {
            let x = &mut a.x[t * din..(t + 1) * din];
            let mut off = 0;
            for (table, &id) in [&w.word, &w.tag, &w.suffix, &w.shape].iter().zip(ids) {
                let id = (id as usize).min(table.cols - 1);
                x[off..off + table.rows].copy_from_slice(table.column(id));
                off += table.rows;
            }
        }
        if let Some((rng, p)) = train.as_mut() {
            dropout(&mut a.x, &mut a.x_mask, *p, rng);
        }
        a.dirs.resize_with(d.layers, Default::default);
        a.outs.resize_with(d.layers, Vec::new);
        a.out_masks.resize_with(d.layers, Vec::new);
        let h = d.hidden;
        for l in 0..d.layers {
            let (below, rest) = a.outs.split_at_mut(l);
            let input: &[f32] = if l == 0 { &a.x } else { &below[l - 1] };
            for (dir, acts) in a.dirs[l].iter_mut().enumerate() {
                let fast_wx = fast.map(|f| &f.wx[l][dir]);
                w.lstm[l][dir].forward(input, m, dir == 1, fast_wx, train.is_some(), acts);
            }
            let out = &mut rest[0];
            resize(out, m * 2 * h);
            for t in 0..m {
                out[t * 2 * h..t * 2 * h + h].copy_from_slice(&a.dirs[l][0].h[t * h..(t + 1) * h]);
                out[t * 2 * h + h..(t + 1) * 2 * h]
                    .copy_from_slice(&a.dirs[l][1].h[t * h..(t + 1) * h]);
            }
            if let Some((rng, p)) = train.as_mut() {
                dropout(out, &mut a.out_masks[l], *p, rng);
            }
        }
        let v = &a.outs[d.layers - 1];
        let (na, nr) = (d.arc, d.rel);
        resize(&mut a.ad, m * na);
        resize(&mut a.ah, m * na);
        resize(&mut a.hu, m * na);
        resize(&mut a.hb, m);
        resize(&mut a.rd, m * nr);
        resize(&mut a.rh, m * nr);
        relu_layer(
            Weight(&w.arc_head, fast.map(|f| &f.arc_head)),
            &w.arc_head_b,
            v,
            &mut a.ah,
            m,
        );
        Weight(&w.arc_u, fast.map(|f| &f.arc_u)).gemm(&a.ah, &mut a.hu, m);
        for t in 0..m {
            a.hb[t] = dot(&w.arc_bias.w, &a.ah[t * na..(t + 1) * na]);
        }
        relu_layer(
            Weight(&w.rel_head, fast.map(|f| &f.rel_head)),
            &w.rel_head_b,
            v,
            &mut a.rh,
            m,
        );
        relu_layer(
            Weight(&w.arc_dep, fast.map(|f| &f.arc_dep)),
            &w.arc_dep_b,
            v,
            &mut a.ad,
            m,
        );
        relu_layer(
            Weight(&w.rel_dep, fast.map(|f| &f.rel_dep)),
            &w.rel_dep_b,
            v,
            &mut a.rd,
            m,
        );
        resize(&mut a.scores, m * m);
        for i in 1..m {
            let ad = &a.ad[i * na..(i + 1) * na];
            for j in 0..m {
                a.scores[i * m + j] = if i == j {
                    f32::NEG_INFINITY
                } else {
                    dot(ad, &a.hu[j * na..(j + 1) * na]) + a.hb[j]
                };
            }
        }
    }

    /// Relation scores of the arc `head → dep` into `a.z` (features kept in `a.feat`).
    fn relation_scores(&self, a: &mut Activations, dep: usize, head: usize) {
        let nr = self.dims.rel;
        let rd = &a.rd[dep * nr..(dep + 1) * nr];
        let rh = &a.rh[head * nr..(head + 1) * nr];
        a.feat.clear();
        a.feat.extend_from_slice(rd);
        a.feat.extend_from_slice(rh);
        a.feat.extend(rd.iter().zip(rh).map(|(x, y)| x * y));
        a.z.clear();
        a.z.extend_from_slice(&self.weights.rel_out_b.w);
        self.weights.rel_out.gemv(&a.feat, &mut a.z);
    }

    /// Tag scores of position `t` into `a.z`.
    fn tag_scores(&self, a: &mut Activations, t: usize) {
        let w2 = 2 * self.dims.hidden;
        let v = &a.outs[self.dims.layers - 1][t * w2..(t + 1) * w2];
        a.z.clear();
        a.z.extend_from_slice(&self.weights.tag_out_b.w);
        self.weights.tag_out.gemv(v, &mut a.z);
    }

    /// Parses one sentence: 0-based heads (`None` for the root) and relation ids.
    /// The tagging head's tags (it sees the tagger's guesses and the whole
    /// sentence) go to `head_tags`.
    pub(crate) fn parse(
        &self,
        toks: &[Tok],
        tags: &[u16],
        head_tags: &mut Vec<u16>,
        a: &mut Activations,
    ) -> (Vec<Option<usize>>, Vec<u8>) {
        let mut inputs = std::mem::take(&mut a.inputs);
        self.inputs(toks, tags, &mut inputs);
        a.inputs = inputs;
        self.forward(a, None);
        let m = a.m;
        let (w2, nt) = (2 * self.dims.hidden, self.n_tags);
        let mut logits = std::mem::take(&mut a.z);
        resize(&mut logits, (m - 1) * nt);
        for row in logits.chunks_exact_mut(nt) {
            row.copy_from_slice(&self.weights.tag_out_b.w);
        }
        let top = &a.outs[self.dims.layers - 1];
        Weight(
            &self.weights.tag_out,
            self.fast.as_ref().map(|f| &f.tag_out),
        )
        .gemm(&top[w2..m * w2], &mut logits, m - 1);
        head_tags.clear();
        head_tags.extend(
            logits
                .chunks_exact(nt)
                .map(|z| (0..nt).fold(0, |b, c| if z[c] > z[b] { c } else { b }) as u16),
        );
        a.z = logits;
        // Each word's best head; when those do not form a tree, the best
        // projective tree under the heads' log-probabilities.
        let mut heads: Vec<usize> = (1..m)
            .map(|i| {
                let row = &a.scores[i * m..(i + 1) * m];
                (1..m)
                    .filter(|&j| j != i)
                    .fold(0, |b, j| if row[j] > row[b] { j } else { b })
            })
            .collect();
        if !is_tree(&heads) {
            for i in 1..m {
                let row = &mut a.scores[i * m..(i + 1) * m];
                for s in row.iter_mut() {
                    if s.is_nan() {
                        *s = f32::NEG_INFINITY;
                    }
                }
                log_softmax(row);
            }
            heads = eisner(m - 1, |h, d| a.scores[d * m + h]);
        }
        // Relation scores of all chosen arcs at once.
        let nr = self.dims.rel;
        a.feat.clear();
        for (k, &h) in heads.iter().enumerate() {
            let rd = &a.rd[(k + 1) * nr..(k + 2) * nr];
            let rh = &a.rh[h * nr..(h + 1) * nr];
            a.feat.extend_from_slice(rd);
            a.feat.extend_from_slice(rh);
            a.feat.extend(rd.iter().zip(rh).map(|(x, y)| x * y));
        }
        let nl = self.labels.len();
        resize(&mut a.z, (m - 1) * nl);
        for row in a.z.chunks_exact_mut(nl) {
            row.copy_from_slice(&self.weights.rel_out_b.w);
        }
        let rel_out = Weight(
            &self.weights.rel_out,
            self.fast.as_ref().map(|f| &f.rel_out),
        );
        rel_out.gemm(&a.feat, &mut a.z, m - 1);
        let labels = heads
            .iter()
            .zip(a.z.chunks_exact(nl))
            .map(|(&h, z)| {
                let label = if h == 0 {
                    self.root
                } else {
                    let first = usize::from(self.root == 0);
                    (0..nl)
                        .filter(|&l| l != self.root)
                        .fold(first, |b, l| if z[l] > z[b] { l } else { b })
                };
                label.min(255) as u8
            })
            .collect();
        (heads.iter().map(|&h| h.checked_sub(1)).collect(), labels)
    }

    /// Loss of one sentence, with gradients added to `grad`.
    fn backward(
        &self,
        a: &mut Activations,
        ex: &NeuralExample,
        grad: &mut Weights,
        bp: &mut Backprop,
    ) -> f32 {
        let d = &self.dims;
        let w = &self.weights;
        let m = a.m;
        let (na, nr, h) = (d.arc, d.rel, d.hidden);
        let mut loss = 0.0;
        resize(&mut bp.d_ad, m * na);
        resize(&mut bp.d_hu, m * na);
        resize(&mut bp.d_hb, m);
        resize(&mut bp.d_rd, m * nr);
        resize(&mut bp.d_rh, m * nr);
        for i in 1..m {
            let gold = ex.heads[i - 1] as usize;
            let row = &mut a.scores[i * m..(i + 1) * m];
            softmax(row);
            loss -= row[gold].max(1e-30).ln();
            row[gold] -= 1.0;
            for j in 0..m {
                let g = a.scores[i * m + j];
                if j == i || g == 0.0 {
                    continue;
                }
                axpy(
                    g,
                    &a.hu[j * na..(j + 1) * na],
                    &mut bp.d_ad[i * na..(i + 1) * na],
                );
                axpy(
                    g,
                    &a.ad[i * na..(i + 1) * na],
                    &mut bp.d_hu[j * na..(j + 1) * na],
                );
                bp.d_hb[j] += g;
            }
            // Relation of the gold arc.
            self.relation_scores(a, i, gold);
            softmax(&mut a.z);
            let label = usize::from(ex.labels[i - 1]);
            loss -= a.z[label].max(1e-30).ln();
            a.z[label] -= 1.0;
            grad.rel_out.add_outer(&a.z, &a.feat);
            axpy(1.0, &a.z, &mut grad.rel_out_b.w);
            resize(&mut bp.d_feat, 3 * nr);
            w.rel_out.gemv_t(&a.z, &mut bp.d_feat);
            for k in 0..nr {
                let (rd, rh) = (a.rd[i * nr + k], a.rh[gold * nr + k]);
                bp.d_rd[i * nr + k] += bp.d_feat[k] + bp.d_feat[2 * nr + k] * rh;
                bp.d_rh[gold * nr + k] += bp.d_feat[nr + k] + bp.d_feat[2 * nr + k] * rd;
            }
        }
        // Into the top layer's output.
        resize(&mut bp.d_out, m * 2 * h);
        for t in 1..m {
            self.tag_scores(a, t);
            softmax(&mut a.z);
            let gold = usize::from(ex.tags[t - 1]).min(a.z.len() - 1);
            loss -= a.z[gold].max(1e-30).ln();
            a.z[gold] -= 1.0;
            let vt = &a.outs[d.layers - 1][t * 2 * h..(t + 1) * 2 * h];
            grad.tag_out.add_outer(&a.z, vt);
            axpy(1.0, &a.z, &mut grad.tag_out_b.w);
            w.tag_out
                .gemv_t(&a.z, &mut bp.d_out[t * 2 * h..(t + 1) * 2 * h]);
        }
        let v = &a.outs[d.layers - 1];
        resize(&mut bp.d_ah, na);
        for t in 0..m {
            let vt = &v[t * 2 * h..(t + 1) * 2 * h];
            let dv = &mut bp.d_out[t * 2 * h..(t + 1) * 2 * h];
            // Head side of the arc scorer.
            let ah = &a.ah[t * na..(t + 1) * na];
            let d_hu = &bp.d_hu[t * na..(t + 1) * na];
            bp.d_ah.fill(0.0);
            w.arc_u.gemv_t(d_hu, &mut bp.d_ah);
            axpy(bp.d_hb[t], &w.arc_bias.w, &mut bp.d_ah);
            grad.arc_u.add_outer(d_hu, ah);
            axpy(bp.d_hb[t], ah, &mut grad.arc_bias.w);
            relu_back(
                &w.arc_head,
                &mut grad.arc_head,
                &mut grad.arc_head_b,
                ah,
                &bp.d_ah,
                vt,
                dv,
                &mut bp.d_pre,
            );
            let rh = &a.rh[t * nr..(t + 1) * nr];
            relu_back(
                &w.rel_head,
                &mut grad.rel_head,
                &mut grad.rel_head_b,
                rh,
                &bp.d_rh[t * nr..(t + 1) * nr],
                vt,
                dv,
                &mut bp.d_pre,
            );
            if t > 0 {
                let ad = &a.ad[t * na..(t + 1) * na];
                relu_back(
                    &w.arc_dep,
                    &mut grad.arc_dep,
                    &mut grad.arc_dep_b,
                    ad,
                    &bp.d_ad[t * na..(t + 1) * na],
                    vt,
                    dv,
                    &mut bp.d_pre,
                );
                let rd = &a.rd[t * nr..(t + 1) * nr];
                relu_back(
                    &w.rel_dep,
                    &mut grad.rel_dep,
                    &mut grad.rel_dep_b,
                    rd,
                    &bp.d_rd[t * nr..(t + 1) * nr],
                    vt,
                    dv,
                    &mut bp.d_pre,
                );
            }
        }
        // Down the LSTM layers.
        for l in (0..d.layers).rev() {
            for (g, k) in bp.d_out.iter_mut().zip(&a.out_masks[l]) {
                *g *= k;
            }
            let inp = d.layer_input(l);
            let mut d_in = std::mem::take(&mut bp.d_in);
            resize(&mut d_in, m * inp);
            let input: &[f32] = if l == 0 { &a.x } else { &a.outs[l - 1] };
            let mut dh_dir = vec![0.0; m * h];
            for dir in 0..2 {
                for t in 0..m {
                    dh_dir[t * h..(t + 1) * h]
                        .copy_from_slice(&bp.d_out[t * 2 * h + dir * h..t * 2 * h + (dir + 1) * h]);
                }
                let (lw, lg) = (&w.lstm[l][dir], &mut grad.lstm[l][dir]);
                lw.backward(
                    lg,
                    input,
                    &a.dirs[l][dir],
                    &dh_dir,
                    m,
                    dir == 1,
                    &mut d_in,
                    bp,
                );
            }
            bp.d_out = d_in;
        }
        // Into the embeddings.
        for (g, k) in bp.d_out.iter_mut().zip(&a.x_mask) {
            *g *= k;
        }
        let din = d.input();
        for (t, ids) in a.inputs.iter().enumerate() {
            let dx = &bp.d_out[t * din..(t + 1) * din];
            let mut off = 0;
            for (table, &id) in [
                &mut grad.word,
                &mut grad.tag,
                &mut grad.suffix,
                &mut grad.shape,
            ]
            .into_iter()
            .zip(ids)
            {
                let id = (id as usize).min(table.cols - 1);
                let rows = table.rows;
                axpy(1.0, &dx[off..off + rows], table.column_mut(id));
                off += rows;
            }
        }
        loss
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        let d = &self.dims;
        for x in [
            d.word,
            d.tag,
            d.suffix,
            d.shape,
            d.hidden,
            d.layers,
            d.arc,
            d.rel,
            self.n_tags,
        ] {
            w.len(x);
        }
        for k in &self.vocab.keys {
            w.u64s(k);
        }
        for m in self.weights.matrices() {
            m.write(w);
        }
        w.len(self.labels.len());
        for l in &self.labels {
            w.str(l);
        }
        w.len(self.root);
    }

    pub(crate) fn read(r: &mut Reader) -> Result<Biaffine, NlpError> {
        let mut x = [0usize; 9];
        for v in &mut x {
            *v = r.len()?;
            if *v > 1 << 16 {
                return Err(NlpError::Model("implausible network size".into()));
            }
        }
        let dims = NeuralDims {
            word: x[0],
            tag: x[1],
            suffix: x[2],
            shape: x[3],
            hidden: x[4],
            layers: x[5],
            arc: x[6],
            rel: x[7],
        };
        let n_tags = x[8];
        // Every size is a divisor somewhere: none may be zero.
        if x.contains(&0) || dims.layers > 8 {
            return Err(NlpError::Model("bad network shape".into()));
        }
        let mut vocab = Vocab::default();
        for k in 0..3 {
            vocab.keys[k] = r.u64s()?;
        }
        vocab.index();
        let mut read: Vec<Matrix> = Vec::new();
        for _ in 0..4 + 6 * dims.layers + 14 {
            read.push(Matrix::read(r)?);
        }
        let n = r.len()?;
        let mut labels = Vec::with_capacity(n.min(1024));
        for _ in 0..n {
            labels.push(r.str()?);
        }
        let root = r.len()?;
        if labels.is_empty() || root >= labels.len() {
            return Err(NlpError::Model("bad relation set".into()));
        }
        let sizes = vocab.embedding_sizes(n_tags);
        // (Checked before building anything of those sizes: a damaged size
        // must not become a huge allocation.)
        let shapes = Weights::shapes(&dims, sizes, n_tags, labels.len());
        let shapes_match = shapes.len() == read.len()
            && shapes
                .iter()
                .zip(&read)
                .all(|(&(rows, cols), m)| m.rows == rows && m.cols == cols);
        if !shapes_match {
            return Err(NlpError::Model(
                "network weights do not match its sizes".into(),
            ));
        }
        let mut weights = Weights::new(&dims, sizes, n_tags, labels.len(), &mut Rng::new(0));
        for (dst, src) in weights.arrays_mut().into_iter().zip(read) {
            *dst = src.w;
        }
        Ok(Biaffine::assemble(
            dims, n_tags, vocab, weights, labels, root,
        ))
    }
}

/// Back-propagation through `y = relu(W x + b)`: `dy` in, gradients into
/// `gw`, `gb` and `dx`.
#[allow(clippy::too_many_arguments)]
fn relu_back(
    w: &Matrix,
    gw: &mut Matrix,
    gb: &mut Matrix,
    y: &[f32],
    dy: &[f32],
    x: &[f32],
    dx: &mut [f32],
    d_pre: &mut Vec<f32>,
) {
    d_pre.clear();
    d_pre.extend(
        y.iter()
            .zip(dy)
            .map(|(&y, &d)| if y > 0.0 { d } else { 0.0 }),
    );
    if d_pre.iter().all(|&v| v == 0.0) {
        return;
    }
    axpy(1.0, d_pre, &mut gb.w);
    gw.add_outer(d_pre, x);
    w.gemv_t(d_pre, dx);
}

/// Trains the network; `after_epoch(epoch, parser)` is called after each epoch
/// (for choosing the best on the development set).
pub(crate) fn train(
    net: &mut Biaffine,
    examples: &[NeuralExample],
    word_counts: &[u32],
    cfg: &NeuralTraining,
    rng: &mut Rng,
    mut after_epoch: impl FnMut(usize, &Biaffine, f64),
) {
    let mut grad = net.weights.zeros_like();
    let sizes: Vec<usize> = grad.arrays_mut().iter().map(|a| a.len()).collect();
    let mut adam = Adam::new(cfg.lr, 0.9, 0.9, &sizes);
    let mut acts = Activations::default();
    let mut bp = Backprop::default();
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut averaged = net.weights.clone();
    let mut steps = 0u32;
    for epoch in 0..cfg.epochs {
        rng.shuffle(&mut order);
        let mut total_loss = 0.0f64;
        let mut total_words = 0usize;
        for batch in order.chunks(cfg.batch.max(1)) {
            let mut words = 0usize;
            for &e in batch {
                let ex = &examples[e];
                if ex.inputs.len() < 2 {
                    continue;
                }
                acts.inputs.clear();
                for ids in &ex.inputs {
                    let mut ids = *ids;
                    let c = word_counts.get(ids[0] as usize).copied().unwrap_or(0) as f32;
                    if ids[0] > ROOT
                        && (rng.unit() as f32) < cfg.word_dropout / (cfg.word_dropout + c)
                    {
                        ids[0] = UNKNOWN;
                    }
                    acts.inputs.push(ids);
                }
                net.forward(&mut acts, Some((rng, cfg.dropout)));
                total_loss += f64::from(net.backward(&mut acts, ex, &mut grad, &mut bp));
                words += ex.inputs.len() - 1;
            }
            total_words += words;
            if words == 0 {
                continue;
            }
            let mut scale = 1.0 / words as f32;
            let norm: f32 = grad
                .arrays_mut()
                .iter()
                .map(|a| a.iter().map(|x| x * x).sum::<f32>())
                .sum::<f32>()
                .sqrt()
                * scale;
            if norm > 5.0 {
                scale *= 5.0 / norm;
            }
            adam.step(net.weights.arrays_mut(), grad.arrays_mut(), scale);
            steps += 1;
            let decay = cfg.average.min((1 + steps) as f32 / (10 + steps) as f32);
            for (avg, w) in averaged
                .arrays_mut()
                .into_iter()
                .zip(net.weights.arrays_mut())
            {
                for (a, &w) in avg.iter_mut().zip(w.iter()) {
                    *a = decay * *a + (1.0 - decay) * w;
                }
            }
        }
        let loss = total_loss / total_words.max(1) as f64;
        if cfg.average > 0.0 {
            let current = std::mem::replace(&mut net.weights, averaged.clone());
            net.prepare();
            after_epoch(epoch, net, loss);
            net.weights = current;
        } else {
            net.prepare();
            after_epoch(epoch, net, loss);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small network with every weight random (so that no gradient path is zero).
    fn small_net() -> Biaffine {
        let dims = NeuralDims {
            word: 5,
            tag: 3,
            suffix: 2,
            shape: 2,
            hidden: 4,
            layers: 2,
            arc: 6,
            rel: 3,
        };
        let mut vocab = Vocab {
            keys: [vec![11, 12, 13], vec![21], vec![31]],
            ..Vocab::default()
        };
        vocab.index();
        let labels = vec!["nsubj".to_string(), "obj".to_string(), "root".to_string()];
        let mut rng = Rng::new(7);
        let mut net = Biaffine::new(dims, vocab, 4, labels, 2, &mut rng);
        for a in net.weights.arrays_mut() {
            for x in a.iter_mut() {
                *x = (rng.unit() as f32 - 0.5) * 0.8;
            }
        }
        net.prepare();
        net
    }

    fn loss_and_grad(net: &Biaffine, ex: &NeuralExample) -> (f32, Weights) {
        let mut a = Activations {
            inputs: ex.inputs.clone(),
            ..Default::default()
        };
        // The training pass (exact recurrent weights), with no dropout.
        net.forward(&mut a, Some((&mut Rng::new(1), 0.0)));
        let mut grad = net.weights.zeros_like();
        let loss = net.backward(&mut a, ex, &mut grad, &mut Backprop::default());
        (loss, grad)
    }

    #[test]
    fn gradients_match_finite_differences() {
        let mut net = small_net();
        let listed: Vec<(usize, usize)> = net
            .weights
            .matrices()
            .iter()
            .map(|m| (m.rows, m.cols))
            .collect();
        let sizes = net.vocab.embedding_sizes(net.n_tags);
        assert_eq!(
            listed,
            Weights::shapes(&net.dims, sizes, net.n_tags, net.labels.len())
        );
        let ex = NeuralExample {
            inputs: vec![[ROOT; 4], [2, 3, 2, 2], [3, 4, 0, 2], [4, 2, 2, 0]],
            tags: vec![1, 2, 3],
            heads: vec![2, 0, 2],
            labels: vec![0, 2, 1],
        };
        let (_, mut grad) = loss_and_grad(&net, &ex);
        let grads: Vec<Vec<f32>> = grad.arrays_mut().into_iter().map(|g| g.clone()).collect();
        // Along each array's gradient g the loss must change at the rate |g|².
        for (k, g) in grads.iter().enumerate() {
            let norm2: f32 = g.iter().map(|x| x * x).sum();
            if norm2 < 1e-10 {
                continue;
            }
            let t = 0.02 / norm2.sqrt();
            let orig = net.weights.arrays_mut()[k].clone();
            let moved = |sign: f32| -> Vec<f32> {
                orig.iter().zip(g).map(|(w, d)| w + sign * t * d).collect()
            };
            *net.weights.arrays_mut()[k] = moved(1.0);
            let (up, _) = loss_and_grad(&net, &ex);
            *net.weights.arrays_mut()[k] = moved(-1.0);
            let (down, _) = loss_and_grad(&net, &ex);
            *net.weights.arrays_mut()[k] = orig;
            let numeric = (up - down) / (2.0 * t);
            assert!(
                (numeric - norm2).abs() <= 0.02 * norm2 + 1e-5,
                "array {k}: numeric {numeric}, |g|² {norm2}"
            );
        }
    }

    #[test]
    fn learns_a_small_grammar_and_survives_the_file_format() {
        // Word 2 heads the sentence, word 1 is its subject, word 3 its object.
        let mut net = small_net();
        let examples: Vec<NeuralExample> = (0..40)
            .map(|k| NeuralExample {
                inputs: vec![
                    [ROOT; 4],
                    [2 + (k % 3), 2, 2, 2],
                    [3, 3, 2, 2],
                    [4, 4, 2, 2],
                ],
                tags: vec![0, 1, 2],
                heads: vec![2, 0, 2],
                labels: vec![0, 2, 1],
            })
            .collect();
        let cfg = NeuralTraining {
            epochs: 30,
            batch: 4,
            lr: 0.01,
            dropout: 0.0,
            word_dropout: 0.0,
            average: 0.0,
        };
        let mut losses = Vec::new();
        train(
            &mut net,
            &examples,
            &[0, 0, 5, 5, 5],
            &cfg,
            &mut Rng::new(1),
            |_, _, l| losses.push(l),
        );
        assert!(losses[29] < 0.1 * losses[0], "{losses:?}");
        let mut w = Writer::default();
        net.write(&mut w);
        let back = Biaffine::read(&mut Reader::new(&w.buf)).unwrap();
        let mut a = Activations {
            inputs: examples[0].inputs.clone(),
            ..Activations::default()
        };
        back.forward(&mut a, None);
        let m = a.m;
        let best_head = |i: usize| {
            (0..m)
                .max_by(|&x, &y| a.scores[i * m + x].total_cmp(&a.scores[i * m + y]))
                .unwrap()
        };
        assert_eq!([best_head(1), best_head(2), best_head(3)], [2, 0, 2]);
        // A damaged file is an error, not a panic: cut short, or with a
        // size (here the number of tags, the ninth) set to zero.
        for cut in [10, w.buf.len() / 2, w.buf.len() - 3] {
            assert!(Biaffine::read(&mut Reader::new(&w.buf[..cut])).is_err());
        }
        let mut zeroed = w.buf.clone();
        zeroed[64..72].fill(0);
        assert!(Biaffine::read(&mut Reader::new(&zeroed)).is_err());
    }
}
