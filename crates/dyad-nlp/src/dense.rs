//! Dense vectors and matrices for the neural parser: the kernels (vectorized, with
//! AVX-512 and AVX2 copies chosen at run time, bfloat16 products for CPUs with
//! AVX512-BF16), Glorot initialization, Adam, and their file format.

use crate::codec::{Reader, Writer};
use crate::hash::Rng;
use crate::NlpError;

/// A weight matrix from `cols`-long inputs to `rows`-long outputs, stored input-major
/// (`w[c * rows + r]`): `y += W x` is a sum of scaled columns, which vectorizes
/// without reordering any sum, and skips the zero inputs ReLU and dropout leave.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Matrix {
    pub(crate) rows: usize,
    pub(crate) cols: usize,
    pub(crate) w: Vec<f32>,
}

impl Matrix {
    pub(crate) fn zeros(rows: usize, cols: usize) -> Matrix {
        Matrix {
            rows,
            cols,
            w: vec![0.0; rows * cols],
        }
    }

    /// Glorot-uniform initialization.
    pub(crate) fn random(rows: usize, cols: usize, rng: &mut Rng) -> Matrix {
        let bound = (6.0 / (rows + cols) as f64).sqrt();
        let w = (0..rows * cols)
            .map(|_| ((rng.unit() * 2.0 - 1.0) * bound) as f32)
            .collect();
        Matrix { rows, cols, w }
    }

    /// Column `c`: the weights of input `c` for every output (an embedding row
    /// when the matrix is an embedding table, `rows` being the dimension).
    pub(crate) fn column(&self, c: usize) -> &[f32] {
        &self.w[c * self.rows..(c + 1) * self.rows]
    }

    pub(crate) fn column_mut(&mut self, c: usize) -> &mut [f32] {
        &mut self.w[c * self.rows..(c + 1) * self.rows]
    }

    /// `y += W x`.
    pub(crate) fn gemv(&self, x: &[f32], y: &mut [f32]) {
        debug_assert!(x.len() == self.cols && y.len() == self.rows);
        gemv_raw(&self.w, self.rows, x, y)
    }

    /// `y[t] += W x[t]` for the `n` rows of `x` (`n × cols`) and `y` (`n × rows`):
    /// one pass over the weights per four inputs.
    pub(crate) fn gemm(&self, x: &[f32], y: &mut [f32], n: usize) {
        debug_assert!(x.len() >= n * self.cols && y.len() >= n * self.rows);
        gemm_raw(&self.w, self.rows, self.cols, x, y, n)
    }

    /// `dx += Wᵀ dy`.
    pub(crate) fn gemv_t(&self, dy: &[f32], dx: &mut [f32]) {
        debug_assert!(dy.len() == self.rows && dx.len() == self.cols);
        for (c, d) in dx.iter_mut().enumerate() {
            *d += dot(self.column(c), dy);
        }
    }

    /// `self += dy xᵀ` (a gradient of `y = W x`).
    pub(crate) fn add_outer(&mut self, dy: &[f32], x: &[f32]) {
        debug_assert!(x.len() == self.cols && dy.len() == self.rows);
        let rows = self.rows;
        for (c, &xc) in x.iter().enumerate() {
            if xc != 0.0 {
                axpy(xc, dy, &mut self.w[c * rows..(c + 1) * rows]);
            }
        }
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        w.len(self.rows);
        w.len(self.cols);
        write_f32s(w, &self.w);
    }

    pub(crate) fn read(r: &mut Reader) -> Result<Matrix, NlpError> {
        let rows = r.len()?;
        let cols = r.len()?;
        let w = read_f32s(r)?;
        if rows.checked_mul(cols) != Some(w.len()) {
            return Err(NlpError::Model(
                "matrix size does not match its shape".into(),
            ));
        }
        Ok(Matrix { rows, cols, w })
    }
}

/// Runs a kernel body through a copy compiled for AVX-512 or AVX2 (with fused
/// multiply-add) when the CPU has them, the portable copy otherwise. The copies
/// differ only in rounding.
macro_rules! kernel {
    ($(#[$doc:meta])* $name:ident, $body:ident, ($($arg:ident: $ty:ty),*) -> $ret:ty) => {
        $(#[$doc])*
        pub(crate) fn $name($($arg: $ty),*) -> $ret {
            #[cfg(target_arch = "x86_64")]
            {
                #[target_feature(enable = "avx512f,avx2,fma")]
                fn avx512($($arg: $ty),*) -> $ret {
                    $body::<true>($($arg),*)
                }
                #[target_feature(enable = "avx2,fma")]
                fn avx2($($arg: $ty),*) -> $ret {
                    $body::<true>($($arg),*)
                }
                match *SIMD {
                    // SAFETY: the CPU has these features (checked once in `SIMD`).
                    Simd::Avx512 => return unsafe { avx512($($arg),*) },
                    // SAFETY: as above.
                    Simd::Avx2 => return unsafe { avx2($($arg),*) },
                    Simd::Portable => {}
                }
            }
            $body::<false>($($arg),*)
        }
    };
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Simd {
    Avx512,
    Avx2,
    Portable,
}

/// The best instruction set of this CPU for the kernels.
static SIMD: std::sync::LazyLock<Simd> = std::sync::LazyLock::new(|| {
    #[cfg(target_arch = "x86_64")]
    {
        let fma = std::arch::is_x86_feature_detected!("fma");
        if fma && std::arch::is_x86_feature_detected!("avx512f") {
            return Simd::Avx512;
        }
        if fma && std::arch::is_x86_feature_detected!("avx2") {
            return Simd::Avx2;
        }
    }
    Simd::Portable
});

kernel!(
    /// `y += W x` for an input-major `w` with `rows` outputs.
    gemv_raw, gemv_body, (w: &[f32], rows: usize, x: &[f32], y: &mut [f32]) -> ()
);
kernel!(
    /// `y[t] += W x[t]` for `n` inputs.
    gemm_raw, gemm_body, (w: &[f32], rows: usize, cols: usize, x: &[f32], y: &mut [f32], n: usize) -> ()
);
kernel!(
    /// `y += W x` for an input-major `w` of bfloat16 values with `rows` outputs.
    gemv_bf16, gemv_bf16_body, (w: &[u16], rows: usize, x: &[f32], y: &mut [f32]) -> ()
);
kernel!(
    /// `y += a x`.
    axpy, axpy_body, (a: f32, x: &[f32], y: &mut [f32]) -> ()
);
kernel!(
    /// Dot product.
    dot, dot_body, (a: &[f32], b: &[f32]) -> f32
);
kernel!(
    /// `v[i] = tanh(v[i])`.
    tanh_all, tanh_body, (v: &mut [f32]) -> ()
);
kernel!(
    /// `v[i] = 1 / (1 + exp(-v[i]))`.
    sigmoid_all, sigmoid_body, (v: &mut [f32]) -> ()
);

/// `a b + c`, fused when `FMA`.
#[inline(always)]
fn madd<const FMA: bool>(a: f32, b: f32, c: f32) -> f32 {
    if FMA {
        a.mul_add(b, c)
    } else {
        a * b + c
    }
}

/// Blocks of 64 outputs summed in registers over all inputs; the rest four
/// columns at a time.
#[inline(always)]
fn gemv_body<const FMA: bool>(w: &[f32], rows: usize, x: &[f32], y: &mut [f32]) {
    let cols = x.len();
    let mut r = 0;
    while r + 64 <= rows {
        gemm_block::<FMA, 64, 1>(w, rows, cols, x, y, 0, r);
        r += 64;
    }
    if r < rows {
        gemv_columns::<FMA>(w, rows, r, x, y);
    }
}

/// `y[r0..] += W[r0..] x`, four columns at a time, skipping zero inputs.
#[inline(always)]
fn gemv_columns<const FMA: bool>(w: &[f32], rows: usize, r0: usize, x: &[f32], y: &mut [f32]) {
    let y = &mut y[r0..rows];
    let col = |c: usize| &w[c * rows + r0..(c + 1) * rows];
    let mut quads = x.chunks_exact(4);
    let mut c = 0;
    for q in &mut quads {
        if q.iter().any(|&v| v != 0.0) {
            let (w0, w1, w2, w3) = (col(c), col(c + 1), col(c + 2), col(c + 3));
            for ((((yr, &a), &b), &d), &e) in y.iter_mut().zip(w0).zip(w1).zip(w2).zip(w3) {
                let mut v = *yr;
                v = madd::<FMA>(q[0], a, v);
                v = madd::<FMA>(q[1], b, v);
                v = madd::<FMA>(q[2], d, v);
                v = madd::<FMA>(q[3], e, v);
                *yr = v;
            }
        }
        c += 4;
    }
    for &xc in quads.remainder() {
        if xc != 0.0 {
            for (yr, &wr) in y.iter_mut().zip(col(c)) {
                *yr = madd::<FMA>(xc, wr, *yr);
            }
        }
        c += 1;
    }
}

/// A copy of a [`Matrix`] in bfloat16 for CPUs with AVX512-BF16, whose dot
/// product instruction does twice the multiply-adds of a fused multiply-add
/// (inputs are rounded to bfloat16 too; sums stay in `f32`). Weights of inputs
/// `2p` and `2p + 1` for output `r` share the 32-bit word `p * padded_rows + r`.
#[derive(Debug, Clone)]
pub(crate) struct Bf16Matrix {
    rows: usize,
    padded_rows: usize,
    cols: usize,
    pairs: Vec<u32>,
}

impl Bf16Matrix {
    /// The packed copy, or `None` when this CPU lacks AVX512-BF16.
    pub(crate) fn new(m: &Matrix) -> Option<Bf16Matrix> {
        if !*HAS_BF16 {
            return None;
        }
        let padded_rows = m.rows.div_ceil(32) * 32;
        let n_pairs = m.cols.div_ceil(2);
        let mut pairs = vec![0u32; n_pairs * padded_rows];
        for p in 0..n_pairs {
            for r in 0..m.rows {
                let lo = to_bf16(m.w[2 * p * m.rows + r]);
                let hi = if 2 * p + 1 < m.cols {
                    to_bf16(m.w[(2 * p + 1) * m.rows + r])
                } else {
                    0
                };
                pairs[p * padded_rows + r] = u32::from(lo) | (u32::from(hi) << 16);
            }
        }
        Some(Bf16Matrix {
            rows: m.rows,
            padded_rows,
            cols: m.cols,
            pairs,
        })
    }

    /// `y[t] += W x[t]` for `n` inputs, as [`Matrix::gemm`].
    pub(crate) fn gemm(&self, x: &[f32], y: &mut [f32], n: usize) {
        let n_pairs = self.cols.div_ceil(2);
        assert!(x.len() >= n * self.cols && y.len() >= n * self.rows);
        PACKED_INPUTS.with(|xp| {
            let mut xp = xp.borrow_mut();
            xp.clear();
            xp.resize(n * n_pairs, 0);
            #[cfg(target_arch = "x86_64")]
            // SAFETY: `Bf16Matrix::new` only builds a matrix when the CPU has
            // AVX512-BF16; the sizes were checked above.
            unsafe {
                bf16_kernel::pack(&x[..n * self.cols], self.cols, &mut xp);
                bf16_kernel::gemm(self, &xp, n_pairs, y, n)
            }
        })
    }
}

thread_local! {
    /// Inputs of [`Bf16Matrix::gemm`] packed in bfloat16 pairs.
    static PACKED_INPUTS: std::cell::RefCell<Vec<u32>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Whether this CPU has the AVX512-BF16 dot product.
static HAS_BF16: std::sync::LazyLock<bool> = std::sync::LazyLock::new(|| {
    #[cfg(target_arch = "x86_64")]
    {
        std::arch::is_x86_feature_detected!("avx512f")
            && std::arch::is_x86_feature_detected!("avx512bf16")
    }
    #[cfg(not(target_arch = "x86_64"))]
    false
});

#[cfg(target_arch = "x86_64")]
mod bf16_kernel {
    use super::Bf16Matrix;
    use std::arch::x86_64::*;

    /// Packs the rows of `x` (`cols` each) into bfloat16 pairs, `cols.div_ceil(2)`
    /// per row in `xp` (rounded to nearest even, as [`super::to_bf16`]).
    ///
    /// # Safety
    /// The CPU must have AVX-512F and AVX512-BF16.
    #[target_feature(enable = "avx512f,avx512bf16")]
    pub(super) unsafe fn pack(x: &[f32], cols: usize, xp: &mut [u32]) {
        let n_pairs = cols.div_ceil(2);
        for (row, out) in x.chunks_exact(cols).zip(xp.chunks_exact_mut(n_pairs)) {
            let mut chunks = row.chunks_exact(32);
            let mut p = 0;
            for c in &mut chunks {
                // SAFETY: `c` has 32 values; `out[p..p + 16]` is in range since
                // 2 (p + 16) <= cols.
                let lo = _mm512_loadu_ps(c.as_ptr());
                let hi = _mm512_loadu_ps(c.as_ptr().add(16));
                let packed: __m512i = std::mem::transmute(_mm512_cvtne2ps_pbh(hi, lo));
                _mm512_storeu_si512(out[p..p + 16].as_mut_ptr().cast(), packed);
                p += 16;
            }
            let rest = chunks.remainder();
            for (k, v) in out[p..].iter_mut().enumerate() {
                let lo = super::to_bf16(rest[2 * k]);
                let hi = rest.get(2 * k + 1).map_or(0, |&v| super::to_bf16(v));
                *v = u32::from(lo) | (u32::from(hi) << 16);
            }
        }
    }

    /// # Safety
    /// The CPU must have AVX-512F and AVX512-BF16; `xp` holds `n × n_pairs`
    /// packed inputs and `y` at least `n × m.rows` outputs.
    #[target_feature(enable = "avx512f,avx512bf16")]
    pub(super) unsafe fn gemm(m: &Bf16Matrix, xp: &[u32], n_pairs: usize, y: &mut [f32], n: usize) {
        let mut t = 0;
        while t + 4 <= n {
            block::<4>(m, xp, n_pairs, y, t);
            t += 4;
        }
        while t < n {
            block::<1>(m, xp, n_pairs, y, t);
            t += 1;
        }
    }

    /// Inputs `t..t + T`, all outputs, 32 at a time with the sums in registers.
    #[target_feature(enable = "avx512f,avx512bf16")]
    unsafe fn block<const T: usize>(
        m: &Bf16Matrix,
        xp: &[u32],
        n_pairs: usize,
        y: &mut [f32],
        t: usize,
    ) {
        let rp = m.padded_rows;
        let mut out = [0f32; 32];
        for r in (0..rp).step_by(32) {
            let mut acc = [[_mm512_setzero_ps(); 2]; T];
            for p in 0..n_pairs {
                let base = p * rp + r;
                // SAFETY: `base + 32 <= n_pairs * padded_rows == pairs.len()`.
                let w0: __m512bh =
                    std::mem::transmute(_mm512_loadu_si512(m.pairs.as_ptr().add(base).cast()));
                let w1: __m512bh =
                    std::mem::transmute(_mm512_loadu_si512(m.pairs.as_ptr().add(base + 16).cast()));
                for k in 0..T {
                    let xv: __m512bh =
                        std::mem::transmute(_mm512_set1_epi32(xp[(t + k) * n_pairs + p] as i32));
                    acc[k][0] = _mm512_dpbf16_ps(acc[k][0], w0, xv);
                    acc[k][1] = _mm512_dpbf16_ps(acc[k][1], w1, xv);
                }
            }
            for (k, a) in acc.iter().enumerate() {
                _mm512_storeu_ps(out.as_mut_ptr(), a[0]);
                _mm512_storeu_ps(out.as_mut_ptr().add(16), a[1]);
                let end = (r + 32).min(m.rows);
                if r < end {
                    let dst = &mut y[(t + k) * m.rows + r..(t + k) * m.rows + end];
                    for (d, v) in dst.iter_mut().zip(&out) {
                        *d += v;
                    }
                }
            }
        }
    }
}

/// The bfloat16 nearest to `v` (ties to even): the top half of its bits.
pub(crate) fn to_bf16(v: f32) -> u16 {
    let b = v.to_bits();
    let rounded = b.wrapping_add(0x7fff + ((b >> 16) & 1));
    (rounded >> 16) as u16
}

#[inline(always)]
fn from_bf16(h: u16) -> f32 {
    f32::from_bits(u32::from(h) << 16)
}

/// Like [`gemv_body`], with half the bytes of weights to read.
#[inline(always)]
fn gemv_bf16_body<const FMA: bool>(w: &[u16], rows: usize, x: &[f32], y: &mut [f32]) {
    const R: usize = 64;
    let mut r = 0;
    while r + R <= rows {
        let mut acc = [0f32; R];
        for (c, &xc) in x.iter().enumerate() {
            let wc: &[u16; R] = w[c * rows + r..c * rows + r + R]
                .try_into()
                .expect("R weights");
            for l in 0..R {
                acc[l] = madd::<FMA>(xc, from_bf16(wc[l]), acc[l]);
            }
        }
        for (o, a) in y[r..r + R].iter_mut().zip(acc) {
            *o += a;
        }
        r += R;
    }
    for (c, &xc) in x.iter().enumerate() {
        for (o, &wv) in y[r..rows].iter_mut().zip(&w[c * rows + r..(c + 1) * rows]) {
            *o = madd::<FMA>(xc, from_bf16(wv), *o);
        }
    }
}

/// Inputs handled together by [`gemm_block`].
const GEMM_INPUTS: usize = 4;

#[inline(always)]
fn gemm_body<const FMA: bool>(
    w: &[f32],
    rows: usize,
    cols: usize,
    x: &[f32],
    y: &mut [f32],
    n: usize,
) {
    let mut t = 0;
    while t + GEMM_INPUTS <= n {
        let mut r = 0;
        while r + 32 <= rows {
            gemm_block::<FMA, 32, GEMM_INPUTS>(w, rows, cols, x, y, t, r);
            r += 32;
        }
        while r + 8 <= rows {
            gemm_block::<FMA, 8, GEMM_INPUTS>(w, rows, cols, x, y, t, r);
            r += 8;
        }
        while r < rows {
            gemm_block::<FMA, 1, GEMM_INPUTS>(w, rows, cols, x, y, t, r);
            r += 1;
        }
        t += GEMM_INPUTS;
    }
    for t in t..n {
        gemv_body::<FMA>(
            w,
            rows,
            &x[t * cols..(t + 1) * cols],
            &mut y[t * rows..(t + 1) * rows],
        );
    }
}

/// Outputs `r..r + R` of inputs `t..t + T`, the sums kept in registers.
#[inline(always)]
fn gemm_block<const FMA: bool, const R: usize, const T: usize>(
    w: &[f32],
    rows: usize,
    cols: usize,
    x: &[f32],
    y: &mut [f32],
    t: usize,
    r: usize,
) {
    let mut acc = [[0f32; R]; T];
    let xs: [&[f32]; T] = std::array::from_fn(|k| &x[(t + k) * cols..(t + k + 1) * cols]);
    for c in 0..cols {
        let wc: &[f32; R] = w[c * rows + r..c * rows + r + R]
            .try_into()
            .expect("R weights");
        for k in 0..T {
            let xv = xs[k][c];
            for l in 0..R {
                acc[k][l] = madd::<FMA>(xv, wc[l], acc[k][l]);
            }
        }
    }
    for (k, a) in acc.iter().enumerate() {
        let out = &mut y[(t + k) * rows + r..(t + k) * rows + r + R];
        for (o, v) in out.iter_mut().zip(a) {
            *o += v;
        }
    }
}

#[inline(always)]
fn axpy_body<const FMA: bool>(a: f32, x: &[f32], y: &mut [f32]) {
    for (yi, &xi) in y.iter_mut().zip(x) {
        *yi = madd::<FMA>(a, xi, *yi);
    }
}

/// Sixteen partial sums, so that the loop vectorizes.
#[inline(always)]
fn dot_body<const FMA: bool>(a: &[f32], b: &[f32]) -> f32 {
    let n = a.len().min(b.len());
    let (a, b) = (&a[..n], &b[..n]);
    let mut acc = [0f32; 16];
    let mut ca = a.chunks_exact(16);
    let mut cb = b.chunks_exact(16);
    for (x, y) in (&mut ca).zip(&mut cb) {
        for l in 0..16 {
            acc[l] = madd::<FMA>(x[l], y[l], acc[l]);
        }
    }
    let mut s: f32 = acc.iter().sum();
    for (x, y) in ca.remainder().iter().zip(cb.remainder()) {
        s += x * y;
    }
    s
}

/// tanh as a rational function of odd degree 13 over even degree 6 (the
/// approximation Eigen uses; error below 1e-6), vectorizable unlike `f32::tanh`.
#[inline(always)]
fn tanh_approx<const FMA: bool>(x: f32) -> f32 {
    let x = x.clamp(-7.905_311, 7.905_311);
    let x2 = x * x;
    let mut p = madd::<FMA>(x2, -2.760_768_5e-16, 2.000_188e-13);
    p = madd::<FMA>(x2, p, -8.604_672e-11);
    p = madd::<FMA>(x2, p, 5.122_297e-8);
    p = madd::<FMA>(x2, p, 1.485_722_4e-5);
    p = madd::<FMA>(x2, p, 6.372_619_3e-4);
    p = madd::<FMA>(x2, p, 4.893_524_6e-3);
    p *= x;
    let mut q = madd::<FMA>(x2, 1.198_258_4e-6, 1.185_347e-4);
    q = madd::<FMA>(x2, q, 2.268_434_6e-3);
    q = madd::<FMA>(x2, q, 4.893_525e-3);
    p / q
}

#[inline(always)]
fn tanh_body<const FMA: bool>(v: &mut [f32]) {
    for x in v.iter_mut() {
        *x = tanh_approx::<FMA>(*x);
    }
}

#[inline(always)]
fn sigmoid_body<const FMA: bool>(v: &mut [f32]) {
    for x in v.iter_mut() {
        *x = madd::<FMA>(0.5, tanh_approx::<FMA>(0.5 * *x), 0.5);
    }
}

/// Softmax in place.
pub(crate) fn softmax(v: &mut [f32]) {
    let max = v.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut sum = 0.0;
    for x in v.iter_mut() {
        *x = (*x - max).exp();
        sum += *x;
    }
    for x in v.iter_mut() {
        *x /= sum;
    }
}

/// Log-softmax in place (`-inf` stays `-inf`).
pub(crate) fn log_softmax(v: &mut [f32]) {
    let max = v.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    if !max.is_finite() {
        return;
    }
    let log_z = max + v.iter().map(|x| (x - max).exp()).sum::<f32>().ln();
    for x in v.iter_mut() {
        *x -= log_z;
    }
}

pub(crate) fn write_f32s(w: &mut Writer, v: &[f32]) {
    w.len(v.len());
    for x in v {
        w.buf.extend_from_slice(&x.to_le_bytes());
    }
}

/// Reads an `f32` array; non-finite values are refused (they would poison every score).
pub(crate) fn read_f32s(r: &mut Reader) -> Result<Vec<f32>, NlpError> {
    let bytes = r.u32s()?;
    let v: Vec<f32> = bytes.into_iter().map(f32::from_bits).collect();
    if v.iter().any(|x| !x.is_finite()) {
        return Err(NlpError::Model("non-finite weight".into()));
    }
    Ok(v)
}

/// Adam (Kingma & Ba) over a fixed list of parameter arrays.
pub(crate) struct Adam {
    pub(crate) lr: f32,
    b1: f32,
    b2: f32,
    t: i32,
    m: Vec<Vec<f32>>,
    v: Vec<Vec<f32>>,
}

impl Adam {
    pub(crate) fn new(lr: f32, b1: f32, b2: f32, sizes: &[usize]) -> Adam {
        Adam {
            lr,
            b1,
            b2,
            t: 0,
            m: sizes.iter().map(|&n| vec![0.0; n]).collect(),
            v: sizes.iter().map(|&n| vec![0.0; n]).collect(),
        }
    }

    /// One step: `params[k] -= lr · m̂ / (√v̂ + ε)`, gradients scaled by `scale`.
    pub(crate) fn step(
        &mut self,
        params: Vec<&mut Vec<f32>>,
        grads: Vec<&mut Vec<f32>>,
        scale: f32,
    ) {
        self.t += 1;
        let c1 = 1.0 - self.b1.powi(self.t);
        let c2 = 1.0 - self.b2.powi(self.t);
        let lr = self.lr * c2.sqrt() / c1;
        let (b1, b2) = (self.b1, self.b2);
        for (((p, g), m), v) in params
            .into_iter()
            .zip(grads)
            .zip(&mut self.m)
            .zip(&mut self.v)
        {
            for (((p, g), m), v) in p
                .iter_mut()
                .zip(g.iter_mut())
                .zip(m.iter_mut())
                .zip(v.iter_mut())
            {
                let gs = *g * scale;
                *m = b1 * *m + (1.0 - b1) * gs;
                *v = b2 * *v + (1.0 - b2) * gs * gs;
                *p -= lr * *m / (v.sqrt() + 1e-8);
                *g = 0.0;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gemv_and_its_transpose_agree_with_the_definition() {
        let mut rng = Rng::new(3);
        // 150 rows: two register blocks of 64 and a remainder.
        let big = Matrix::random(150, 21, &mut rng);
        let x: Vec<f32> = (0..21).map(|i| (i as f32 * 0.37).sin()).collect();
        let mut y = vec![1.0; 150];
        big.gemv(&x, &mut y);
        for (r, got) in y.iter().enumerate() {
            let want: f32 = 1.0 + (0..21).map(|c| big.w[c * 150 + r] * x[c]).sum::<f32>();
            assert!((got - want).abs() < 1e-4, "row {r}: {got} vs {want}");
        }
        let m = Matrix::random(37, 21, &mut rng);
        let dy: Vec<f32> = (0..37).map(|i| (i as f32 * 0.11).cos()).collect();
        let mut dx = vec![0.0; 21];
        m.gemv_t(&dy, &mut dx);
        for (c, got) in dx.iter().enumerate() {
            let want: f32 = (0..37).map(|r| m.w[c * 37 + r] * dy[r]).sum();
            assert!((got - want).abs() < 1e-4);
        }
        let xs: Vec<f32> = (0..21 * 7).map(|i| (i as f32 * 0.13).sin()).collect();
        let mut ys = vec![0.5; 37 * 7];
        m.gemm(&xs, &mut ys, 7);
        for t in 0..7 {
            let mut want = vec![0.5; 37];
            m.gemv(&xs[t * 21..(t + 1) * 21], &mut want);
            for r in 0..37 {
                assert!((ys[t * 37 + r] - want[r]).abs() < 1e-4, "input {t} row {r}");
            }
        }
        let mut g = Matrix::zeros(37, 21);
        g.add_outer(&dy, &x);
        assert!((g.w[5 * 37 + 7] - dy[7] * x[5]).abs() < 1e-6);
    }

    #[test]
    fn bfloat16_products_are_close_to_f32_ones() {
        assert_eq!(from_bf16(to_bf16(1.0)), 1.0);
        assert_eq!(from_bf16(to_bf16(-0.5)), -0.5);
        assert!((from_bf16(to_bf16(0.1)) - 0.1).abs() < 0.1 / 128.0);
        let mut rng = Rng::new(5);
        let m = Matrix::random(200, 30, &mut rng);
        let half: Vec<u16> = m.w.iter().map(|&v| to_bf16(v)).collect();
        let x: Vec<f32> = (0..30).map(|i| (i as f32 * 0.7).cos()).collect();
        let (mut exact, mut approx) = (vec![0.0; 200], vec![0.0; 200]);
        m.gemv(&x, &mut exact);
        gemv_bf16(&half, 200, &x, &mut approx);
        for (e, a) in exact.iter().zip(&approx) {
            assert!((e - a).abs() < 0.02, "{e} vs {a}");
        }
    }

    #[test]
    fn bfloat16_matrix_products_are_close_to_f32_ones() {
        let mut rng = Rng::new(9);
        for (rows, cols, n) in [(102, 37, 7), (256, 128, 13), (5, 3, 1)] {
            let m = Matrix::random(rows, cols, &mut rng);
            let Some(packed) = Bf16Matrix::new(&m) else {
                return; // this CPU has no AVX512-BF16: the f32 path is used
            };
            let x: Vec<f32> = (0..n * cols).map(|i| (i as f32 * 0.37).sin()).collect();
            let (mut exact, mut approx) = (vec![0.25; n * rows], vec![0.25; n * rows]);
            m.gemm(&x, &mut exact, n);
            packed.gemm(&x, &mut approx, n);
            for (e, a) in exact.iter().zip(&approx) {
                assert!((e - a).abs() < 0.03 + 0.01 * e.abs(), "{e} vs {a}");
            }
        }
    }

    #[test]
    fn vector_packing_rounds_like_to_bf16() {
        if !*HAS_BF16 {
            return;
        }
        let cols: usize = 75;
        let x: Vec<f32> = (0..2 * cols)
            .map(|i| (i as f32 * 1.37).sin() * 3.0)
            .collect();
        let mut xp = vec![0u32; 2 * cols.div_ceil(2)];
        // SAFETY: the CPU has AVX512-BF16 (checked above).
        unsafe { bf16_kernel::pack(&x, cols, &mut xp) };
        for (t, row) in x.chunks_exact(cols).enumerate() {
            for (p, &v) in xp[t * 38..(t + 1) * 38].iter().enumerate() {
                assert_eq!(v as u16, to_bf16(row[2 * p]), "row {t} pair {p}");
                let hi = row.get(2 * p + 1).map_or(0, |&h| to_bf16(h));
                assert_eq!((v >> 16) as u16, hi, "row {t} pair {p}");
            }
        }
    }

    #[test]
    fn matrices_round_trip_and_bad_values_are_refused() {
        let mut rng = Rng::new(1);
        let m = Matrix::random(3, 4, &mut rng);
        let mut w = Writer::default();
        m.write(&mut w);
        assert_eq!(Matrix::read(&mut Reader::new(&w.buf)).unwrap(), m);
        let mut bad = m.clone();
        bad.w[2] = f32::NAN;
        let mut w = Writer::default();
        bad.write(&mut w);
        assert!(Matrix::read(&mut Reader::new(&w.buf)).is_err());
    }

    #[test]
    fn fast_tanh_and_sigmoid_are_close_to_the_exact_ones() {
        let xs: Vec<f32> = (-2000..=2000).map(|i| i as f32 * 0.006).collect();
        let mut t = xs.clone();
        tanh_all(&mut t);
        let mut s = xs.clone();
        sigmoid_all(&mut s);
        for ((x, t), s) in xs.iter().zip(&t).zip(&s) {
            assert!((t - x.tanh()).abs() < 2e-6, "tanh({x}) = {t}");
            assert!(
                (s - 1.0 / (1.0 + (-x).exp())).abs() < 2e-6,
                "sigmoid({x}) = {s}"
            );
        }
        let mut big = vec![100.0, -100.0];
        tanh_all(&mut big);
        assert_eq!(
            big.iter().map(|x| x.round()).collect::<Vec<_>>(),
            vec![1.0, -1.0]
        );
    }

    #[test]
    fn softmax_and_log_softmax_agree() {
        let mut p = vec![1.0, 2.0, f32::NEG_INFINITY, -3.0];
        let mut lp = p.clone();
        softmax(&mut p);
        log_softmax(&mut lp);
        assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-6);
        assert_eq!(p[2], 0.0);
        assert_eq!(lp[2], f32::NEG_INFINITY);
        for (x, l) in p.iter().zip(&lp) {
            if *x > 0.0 {
                assert!((x.ln() - l).abs() < 1e-5);
            }
        }
    }

    #[test]
    fn adam_minimizes_a_quadratic() {
        let mut p = [vec![3.0f32, -2.0]];
        let mut g = [vec![0.0f32; 2]];
        let mut adam = Adam::new(0.1, 0.9, 0.999, &[2]);
        for _ in 0..500 {
            g[0][0] = 2.0 * p[0][0];
            g[0][1] = 2.0 * p[0][1];
            adam.step(p.iter_mut().collect(), g.iter_mut().collect(), 1.0);
        }
        assert!(p[0][0].abs() < 0.05 && p[0][1].abs() < 0.05, "{p:?}");
    }
}
