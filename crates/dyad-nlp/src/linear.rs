//! Linear classifiers over hashed features: the compact quantized form used at
//! inference and the averaged perceptron that trains it.

use crate::codec::{Reader, Writer};
use crate::hash::IdMap;
use crate::NlpError;

/// A trained linear model: feature hash → sparse row of (class, weight).
///
/// Features live in 64-byte buckets (one cache line) of six slots, found by
/// linear probing over buckets: looking a feature up — present or, the common
/// case, absent — costs one cache line, and a row of up to three weights is
/// in that same line. A slot keeps a 16-bit fingerprint of the feature hash
/// (its high bits; the home bucket comes from the low half). Weights are
/// stored as `i8` with a per-row power-of-two scale: `weight = q << shift`,
/// in the units of a global scale that maps the largest weight to 32767.
/// Longer rows live in `rows`, the longest, dense, in `dense`.
#[derive(Debug, Clone)]
pub(crate) struct Linear {
    n_classes: usize,
    buckets: Vec<Bucket>,
    /// Rows of [`INLINE`]` + 1` to [`DENSE_MIN`]` - 1` weights: `class | (q as u8) << 8`.
    rows: Vec<u16>,
    /// Rows of [`DENSE_MIN`] or more weights, `n_classes` each: the frequent
    /// features, whose rows are added with vector instructions.
    dense: Vec<i8>,
}

const SLOTS: usize = 6;
const INLINE: usize = 3;
const DENSE_MIN: usize = 16;
/// `Bucket::lens` of a dense row.
const DENSE: u8 = u8::MAX;
/// Buckets are filled to at most this share of their slots.
const LOAD: f64 = 0.85;

#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(64))]
struct Bucket {
    /// Fingerprints; 0 marks a free slot. Slots fill in order.
    fps: [u16; SLOTS],
    /// Row length: 1..=3 inline, up to `DENSE_MIN - 1` in `rows`, or `DENSE`.
    lens: [u8; SLOTS],
    shifts: [u8; SLOTS],
    /// Inline: classes then weights; long rows: start offset (u32, little endian).
    payload: [[u8; 2 * INLINE]; SLOTS],
}

impl Bucket {
    fn is_full(&self) -> bool {
        self.fps[SLOTS - 1] != 0
    }

    fn start(&self, j: usize) -> usize {
        let p = &self.payload[j];
        u32::from_le_bytes([p[0], p[1], p[2], p[3]]) as usize
    }
}

#[inline]
fn fingerprint(h: u64) -> u16 {
    match (h >> 48) as u16 {
        0 => 1,
        fp => fp,
    }
}

/// The home bucket of hash `h` among `n` (Lemire's multiply-shift range
/// reduction of the low half; the fingerprint is the high bits).
#[inline]
fn home(h: u64, n: usize) -> usize {
    (((h & 0xffff_ffff) * n as u64) >> 32) as usize
}

/// Asks the CPU to start loading the cache line holding `x`, without
/// waiting for it (unlike a load, a prefetch retires at once, so a whole
/// sweep of misses is in flight together).
#[inline(always)]
fn prefetch<T>(x: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: `_mm_prefetch` is a hint that never faults, and `x` is a valid
    // reference; SSE is part of the x86_64 baseline.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(
            (x as *const T).cast::<i8>(),
        );
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = x;
}

/// A row's shift and its non-zero (class, `i8` value) pairs.
type QuantizedRow = (u8, Vec<(u8, i8)>);

/// Splits a row of weights (in global units) into `i8` values and a shift.
fn quantize_row(row: &[(u8, f64)]) -> QuantizedRow {
    let max = row.iter().map(|&(_, v)| v.abs()).fold(0.0, f64::max);
    let mut shift = 0u8;
    while shift < 15 && max / f64::from(1u32 << shift) > 127.0 {
        shift += 1;
    }
    let unit = f64::from(1u32 << shift);
    let q = row
        .iter()
        .filter_map(|&(c, v)| {
            let q = (v / unit).round().clamp(-127.0, 127.0) as i8;
            (q != 0).then_some((c, q))
        })
        .collect();
    (shift, q)
}

impl Linear {
    pub(crate) fn n_classes(&self) -> usize {
        self.n_classes
    }

    fn used(&self) -> impl Iterator<Item = (&Bucket, usize)> + Clone {
        self.buckets
            .iter()
            .flat_map(|b| (0..SLOTS).filter(|&j| b.fps[j] != 0).map(move |j| (b, j)))
    }

    /// Number of features and of non-zero weights.
    pub(crate) fn size(&self) -> (usize, usize) {
        let used = self.used();
        (
            used.clone().count(),
            used.map(|(b, j)| match b.lens[j] {
                DENSE => self.n_classes,
                len => usize::from(len),
            })
            .sum(),
        )
    }

    /// Bytes the model takes in memory (and, within a few, in the model file).
    pub(crate) fn bytes(&self) -> usize {
        self.buckets.len() * std::mem::size_of::<Bucket>() + self.rows.len() * 2 + self.dense.len()
    }

    /// Builds the table from rows of (feature hash, weights in global units);
    /// weights that quantize to zero are dropped, and so are empty rows.
    fn from_rows(n_classes: usize, rows: Vec<(u64, Vec<(u8, f64)>)>) -> Linear {
        let rows: Vec<(u64, QuantizedRow)> = rows
            .into_iter()
            .filter_map(|(h, row)| {
                let q = quantize_row(&row);
                (!q.1.is_empty()).then_some((h, q))
            })
            .collect();
        let n = ((rows.len() as f64 / (SLOTS as f64 * LOAD)) as usize).max(1) + 1;
        let mut linear = Linear {
            n_classes,
            buckets: vec![Bucket::default(); n],
            rows: Vec::new(),
            dense: Vec::new(),
        };
        for (h, (shift, row)) in rows {
            let fp = fingerprint(h);
            let (mut b, mut taken) = (home(h, n), false);
            // Probe to the first free slot; a feature whose fingerprint is
            // already on its probe path is indistinguishable from that one
            // and is left out (rare: 16 bits against a few slots).
            let j = loop {
                let bucket = &linear.buckets[b];
                if bucket.fps.contains(&fp) {
                    taken = true;
                    break 0;
                }
                if let Some(j) = bucket.fps.iter().position(|&f| f == 0) {
                    break j;
                }
                b = if b + 1 == n { 0 } else { b + 1 };
            };
            if taken {
                continue;
            }
            let slot_len = if row.len() >= DENSE_MIN {
                let start = linear.dense.len();
                linear.dense.resize(start + n_classes, 0);
                for &(c, q) in &row {
                    linear.dense[start + c as usize] = q;
                }
                linear.buckets[b].payload[j][..4].copy_from_slice(&(start as u32).to_le_bytes());
                DENSE
            } else if row.len() > INLINE {
                let start = linear.rows.len();
                linear.rows.extend(
                    row.iter()
                        .map(|&(c, q)| u16::from(c) | u16::from(q as u8) << 8),
                );
                linear.buckets[b].payload[j][..4].copy_from_slice(&(start as u32).to_le_bytes());
                row.len() as u8
            } else {
                for (k, &(c, q)) in row.iter().enumerate() {
                    linear.buckets[b].payload[j][k] = c;
                    linear.buckets[b].payload[j][INLINE + k] = q as u8;
                }
                row.len() as u8
            };
            let bucket = &mut linear.buckets[b];
            bucket.fps[j] = fp;
            bucket.lens[j] = slot_len;
            bucket.shifts[j] = shift;
        }
        linear
    }

    /// The (bucket, slot) of feature `h`, if the model has it.
    #[inline]
    fn find(&self, h: u64) -> Option<(usize, usize)> {
        let n = self.buckets.len();
        let fp = fingerprint(h);
        let mut b = home(h, n);
        for _ in 0..n {
            let bucket = &self.buckets[b];
            if let Some(j) = bucket.fps.iter().position(|&f| f == fp) {
                return Some((b, j));
            }
            if !bucket.is_full() {
                return None;
            }
            b = if b + 1 == n { 0 } else { b + 1 };
        }
        None
    }

    /// Sums the weights of `feats` into `scores` (which must hold `n_classes`).
    ///
    /// Memory latency, not arithmetic, is the cost: the features' buckets are
    /// prefetched in a first sweep so that their cache misses overlap instead
    /// of coming one after another.
    #[inline]
    pub(crate) fn score(&self, feats: &[u64], scores: &mut [i32]) {
        scores.fill(0);
        let n = self.buckets.len();
        let nc = self.n_classes.min(scores.len());
        for chunk in feats.chunks(128) {
            // 1. Prefetch every feature's home bucket.
            for &h in chunk {
                prefetch(&self.buckets[home(h, n)]);
            }
            // 2. Probe; prefetch the start of each long row.
            let mut found = [(0u32, 0u8); 128];
            let mut m = 0;
            for &h in chunk {
                if let Some((b, j)) = self.find(h) {
                    let bucket = &self.buckets[b];
                    match bucket.lens[j] {
                        DENSE => {
                            if let Some(q) = self.dense.get(bucket.start(j)) {
                                prefetch(q);
                            }
                        }
                        len if usize::from(len) > INLINE => {
                            if let Some(e) = self.rows.get(bucket.start(j)) {
                                prefetch(e);
                            }
                        }
                        _ => {}
                    }
                    found[m] = (b as u32, j as u8);
                    m += 1;
                }
            }
            // 3. Add the weights.
            for &(b, j) in &found[..m] {
                let bucket = &self.buckets[b as usize];
                let j = usize::from(j);
                let shift = u32::from(bucket.shifts[j]);
                let len = usize::from(bucket.lens[j]);
                if bucket.lens[j] == DENSE {
                    let start = bucket.start(j);
                    if let Some(row) = self.dense.get(start..start + nc) {
                        for (s, &q) in scores[..nc].iter_mut().zip(row) {
                            *s += i32::from(q) << shift;
                        }
                    }
                } else if len <= INLINE {
                    let p = &bucket.payload[j];
                    for k in 0..len {
                        if let Some(s) = scores.get_mut(usize::from(p[k])) {
                            *s += i32::from(p[INLINE + k] as i8) << shift;
                        }
                    }
                } else {
                    let start = bucket.start(j);
                    for &e in self.rows.get(start..start + len).unwrap_or(&[]) {
                        if let Some(s) = scores.get_mut(usize::from(e & 0xff)) {
                            *s += i32::from((e >> 8) as u8 as i8) << shift;
                        }
                    }
                }
            }
        }
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        w.u64(self.n_classes as u64);
        let mut raw = Vec::with_capacity(self.buckets.len() * 60);
        for b in &self.buckets {
            for fp in b.fps {
                raw.extend_from_slice(&fp.to_le_bytes());
            }
            raw.extend_from_slice(&b.lens);
            raw.extend_from_slice(&b.shifts);
            for p in &b.payload {
                raw.extend_from_slice(p);
            }
        }
        w.bytes(&raw);
        w.u16s(&self.rows);
        w.bytes(&self.dense.iter().map(|&q| q as u8).collect::<Vec<_>>());
    }

    pub(crate) fn read(r: &mut Reader) -> Result<Linear, NlpError> {
        const BYTES: usize = SLOTS * 2 + SLOTS * 2 + SLOTS * 2 * INLINE;
        let n_classes = r.u64()? as usize;
        let raw = r.bytes()?;
        let rows = r.u16s()?;
        let dense: Vec<i8> = r.bytes()?.into_iter().map(|q| q as i8).collect();
        let bad = |m: &str| Err(NlpError::Model(format!("linear model: {m}")));
        if raw.is_empty() || raw.len() % BYTES != 0 {
            return bad("bad bucket array");
        }
        if n_classes > 256 {
            return bad("too many classes");
        }
        let buckets: Vec<Bucket> = raw
            .chunks_exact(BYTES)
            .map(|c| {
                let mut b = Bucket::default();
                for j in 0..SLOTS {
                    b.fps[j] = u16::from_le_bytes([c[2 * j], c[2 * j + 1]]);
                    b.lens[j] = c[2 * SLOTS + j];
                    b.shifts[j] = c[3 * SLOTS + j];
                    let p = 4 * SLOTS + j * 2 * INLINE;
                    b.payload[j].copy_from_slice(&c[p..p + 2 * INLINE]);
                }
                b
            })
            .collect();
        if buckets.iter().all(Bucket::is_full) {
            return bad("full table");
        }
        for b in &buckets {
            for j in 0..SLOTS {
                if b.fps[j] == 0 {
                    continue;
                }
                let len = usize::from(b.lens[j]);
                let ok = b.shifts[j] < 16
                    && if b.lens[j] == DENSE {
                        b.start(j) + n_classes <= dense.len()
                    } else if len == 0 {
                        false
                    } else if len <= INLINE {
                        b.payload[j][..len]
                            .iter()
                            .all(|&c| usize::from(c) < n_classes)
                    } else {
                        rows.get(b.start(j)..b.start(j) + len).is_some_and(|row| {
                            row.iter().all(|&e| usize::from(e & 0xff) < n_classes)
                        })
                    };
                if !ok {
                    return bad("row out of range");
                }
            }
        }
        Ok(Linear {
            n_classes,
            buckets,
            rows,
            dense,
        })
    }
}

#[derive(Clone, Copy)]
struct Entry {
    class: u16,
    w: i32,
    /// Sum of `time * update`, for averaging without timestamps (Daumé's trick).
    u: i64,
}

/// An averaged multiclass perceptron over hashed features (training only).
pub(crate) struct Perceptron {
    n_classes: usize,
    index: IdMap<u32>,
    rows: Vec<Vec<Entry>>,
    time: i64,
}

impl Perceptron {
    pub(crate) fn new(n_classes: usize) -> Perceptron {
        Perceptron {
            n_classes,
            index: IdMap::default(),
            rows: Vec::new(),
            time: 1,
        }
    }

    /// Scores with the current (not averaged) weights.
    pub(crate) fn score(&self, feats: &[u64], scores: &mut [i64]) {
        scores.fill(0);
        for h in feats {
            if let Some(&r) = self.index.get(h) {
                for e in &self.rows[r as usize] {
                    scores[e.class as usize] += i64::from(e.w);
                }
            }
        }
    }

    /// Moves the weights towards `good` and away from `bad`.
    pub(crate) fn update(&mut self, feats: &[u64], good: usize, bad: usize) {
        if good == bad {
            return;
        }
        let t = self.time;
        for &h in feats {
            let next = self.rows.len() as u32;
            let r = *self.index.entry(h).or_insert(next);
            if r == next {
                self.rows.push(Vec::new());
            }
            let row = &mut self.rows[r as usize];
            for (class, d) in [(good, 1i32), (bad, -1i32)] {
                match row.iter_mut().find(|e| e.class as usize == class) {
                    Some(e) => {
                        e.w += d;
                        e.u += t * i64::from(d);
                    }
                    None => row.push(Entry {
                        class: class as u16,
                        w: d,
                        u: t * i64::from(d),
                    }),
                }
            }
        }
    }

    /// Counts one training instance (call once per decision).
    pub(crate) fn tick(&mut self) {
        self.time += 1;
    }

    pub(crate) fn n_features(&self) -> usize {
        self.rows.len()
    }

    /// The averaged weights, quantized (see [`Linear`]); weights whose
    /// magnitude is below `prune` (in averaged units) are dropped.
    pub(crate) fn to_linear(&self, prune: f64) -> Linear {
        let t = self.time as f64;
        let avg = |e: &Entry| e.w as f64 - e.u as f64 / t;
        let max = self
            .rows
            .iter()
            .flatten()
            .map(|e| avg(e).abs())
            .fold(1e-9, f64::max);
        let scale = 32767.0 / max;
        let mut hashes: Vec<(u64, u32)> = self.index.iter().map(|(&h, &r)| (h, r)).collect();
        hashes.sort_unstable();
        let mut rows = Vec::with_capacity(hashes.len());
        for (h, r) in hashes {
            let mut row: Vec<(u8, f64)> = self.rows[r as usize]
                .iter()
                .filter_map(|e| {
                    let a = avg(e);
                    (a.abs() >= prune && a != 0.0).then_some((e.class as u8, a * scale))
                })
                .collect();
            if !row.is_empty() {
                row.sort_unstable_by_key(|&(c, _)| c);
                rows.push((h, row));
            }
        }
        Linear::from_rows(self.n_classes, rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::Rng;

    /// Rows of every kind (inline, long, dense), with their expected weights.
    fn sample(rng: &mut Rng, n_rows: usize, n_classes: usize) -> Vec<(u64, Vec<(u8, f64)>)> {
        (0..n_rows)
            .map(|i| {
                let h = crate::hash::f1(99, i as u64);
                let len = match i % 10 {
                    0 => n_classes,
                    1..=3 => 4 + i % 9,
                    _ => 1 + i % 3,
                };
                let mut row: Vec<(u8, f64)> = (0..len)
                    .map(|k| {
                        let c = ((k * 7 + i) % n_classes) as u8;
                        let v = (rng.unit() - 0.5) * 2.0 * f64::from(1u32 << (i % 15));
                        (c, if v.abs() < 1.0 { 1.0 } else { v })
                    })
                    .collect();
                row.sort_unstable_by_key(|&(c, _)| c);
                row.dedup_by_key(|e| e.0);
                (h, row)
            })
            .collect()
    }

    fn expected(row: &[(u8, f64)], n_classes: usize) -> Vec<i32> {
        let (shift, q) = quantize_row(row);
        let mut out = vec![0; n_classes];
        for (c, q) in q {
            out[c as usize] += i32::from(q) << shift;
        }
        out
    }

    #[test]
    fn scores_are_the_sum_of_quantized_rows() {
        let n_classes = 40;
        let mut rng = Rng::new(7);
        let rows = sample(&mut rng, 3000, n_classes);
        let linear = Linear::from_rows(n_classes, rows.clone());
        // A feature whose 16-bit fingerprint is already on its probe path is
        // left out: a handful in thousands.
        let kept = linear.size().0;
        assert!(
            kept <= rows.len() && kept * 500 >= rows.len() * 499,
            "{kept}"
        );
        let mut scores = vec![0; n_classes];
        let mut wrong = 0;
        for (h, row) in &rows {
            linear.score(&[*h], &mut scores);
            wrong += usize::from(scores != expected(row, n_classes));
        }
        assert_eq!(wrong, rows.len() - kept);
        // Several features at once, and features the model lacks.
        let feats: Vec<u64> = rows.iter().take(200).map(|r| r.0).collect();
        let mut absent: Vec<u64> = (0..200).map(|i| crate::hash::f1(12345, i)).collect();
        absent.extend(&feats);
        linear.score(&absent, &mut scores);
        let mut want = vec![0; n_classes];
        for (_, row) in rows.iter().take(200) {
            for (s, e) in want.iter_mut().zip(expected(row, n_classes)) {
                *s += e;
            }
        }
        assert_eq!(scores, want);
    }

    #[test]
    fn quantization_keeps_each_weight_within_half_a_step() {
        let row = [(0u8, 30000.0), (1, -2500.5), (2, 3.0), (3, -0.4)];
        let (shift, q) = quantize_row(&row);
        let step = f64::from(1u32 << shift);
        assert!(30000.0 / step <= 127.0 && 30000.0 / step > 63.0);
        for (c, q) in q {
            let v = row[c as usize].1;
            assert!((f64::from(q) * step - v).abs() <= step / 2.0 + 1e-9);
        }
    }

    #[test]
    fn write_read_round_trip_and_corruption_is_an_error() {
        let n_classes = 12;
        let mut rng = Rng::new(3);
        let rows = sample(&mut rng, 500, n_classes);
        let linear = Linear::from_rows(n_classes, rows.clone());
        let mut w = Writer::default();
        linear.write(&mut w);
        let bytes = w.buf;
        let back = Linear::read(&mut Reader::new(&bytes)).expect("reads back");
        let (mut a, mut b) = (vec![0; n_classes], vec![0; n_classes]);
        for (h, _) in &rows {
            linear.score(&[*h], &mut a);
            back.score(&[*h], &mut b);
            assert_eq!(a, b);
        }
        // A class id out of range in every used slot's first inline class.
        let mut bad = bytes.clone();
        let first_payload = 8 + 8 + 4 * SLOTS;
        for k in 0..bytes.len().min(200_000) / 60 {
            let p = first_payload + k * 60;
            if p < bad.len() {
                bad[p] = 250;
            }
        }
        assert!(Linear::read(&mut Reader::new(&bad)).is_err());
    }
}
