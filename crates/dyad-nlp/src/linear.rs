//! Linear classifiers over hashed features: the compact quantized form used at
//! inference and the averaged perceptron that trains it.

use crate::codec::{Reader, Writer};
use crate::hash::IdMap;
use crate::NlpError;

/// A trained linear model: feature hash → sparse row of (class, i16 weight).
///
/// The table is open-addressed with linear probing. `keys` holds a 32-bit
/// fingerprint per slot (the high half of the feature hash; the home slot
/// comes from the low half), sixteen to a cache line, so that probing for a
/// feature the model lacks (the common case) costs one cache line. The
/// parallel `slots` hold rows of up to three non-zero weights (most rows)
/// inline; longer rows live in `overflow`, the longest, dense, in `dense`.
#[derive(Debug, Clone)]
pub(crate) struct Linear {
    n_classes: usize,
    keys: Vec<u32>,
    slots: Vec<Slot>,
    /// Rows longer than [`INLINE`]: `class | (weight as u16) << 16`.
    overflow: Vec<u32>,
    /// Rows of [`DENSE_MIN`] or more weights, `n_classes` each: the frequent
    /// features, whose rows are added with vector instructions.
    dense: Vec<i16>,
}

const INLINE: usize = 3;
const DENSE_MIN: usize = 16;
/// `Slot::len` of a dense row.
const DENSE: u8 = u8::MAX;

#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    len: u8,
    classes: [u8; INLINE],
    /// The weights, or for a long row its start in `overflow`/`dense` (low, high half).
    weights: [i16; INLINE],
}

impl Slot {
    fn overflow_start(&self) -> usize {
        (self.weights[0] as u16 as usize) | (self.weights[1] as u16 as usize) << 16
    }
}

#[inline]
fn fingerprint(h: u64) -> u32 {
    let fp = (h >> 32) as u32;
    if fp == 0 {
        1
    } else {
        fp
    }
}

/// The home slot of hash `h` in a table of `n` slots (Lemire's multiply-shift
/// range reduction of the low half; the fingerprint is the high half).
#[inline]
fn home(h: u64, n: usize) -> usize {
    (((h & 0xffff_ffff) * n as u64) >> 32) as usize
}

impl Linear {
    pub(crate) fn n_classes(&self) -> usize {
        self.n_classes
    }

    fn used(&self) -> impl Iterator<Item = &Slot> + Clone {
        self.keys
            .iter()
            .zip(&self.slots)
            .filter(|(&k, _)| k != 0)
            .map(|(_, s)| s)
    }

    /// Number of features and of non-zero weights.
    pub(crate) fn size(&self) -> (usize, usize) {
        let used = self.used();
        (
            used.clone().count(),
            used.map(|s| {
                if s.len == DENSE {
                    self.n_classes
                } else {
                    s.len as usize
                }
            })
            .sum(),
        )
    }

    /// Builds the table from rows of (feature hash, non-zero weights).
    fn from_rows(n_classes: usize, rows: Vec<(u64, Vec<(u8, i16)>)>) -> Linear {
        // A load factor of 0.7 keeps probe sequences for absent features short.
        let n = rows.len() * 10 / 7 + 2;
        let mut keys = vec![0u32; n];
        let mut slots = vec![Slot::default(); n];
        let mut overflow = Vec::new();
        let mut dense = Vec::new();
        for (h, row) in rows {
            let mut i = home(h, n);
            while keys[i] != 0 {
                i = if i + 1 == n { 0 } else { i + 1 };
            }
            let row = &row[..row.len().min(250)];
            keys[i] = fingerprint(h);
            let slot = &mut slots[i];
            slot.len = row.len() as u8;
            if row.len() <= INLINE {
                for (k, &(c, w)) in row.iter().enumerate() {
                    slot.classes[k] = c;
                    slot.weights[k] = w;
                }
            } else if row.len() >= DENSE_MIN {
                let start = dense.len();
                slot.len = DENSE;
                slot.weights[0] = (start & 0xffff) as u16 as i16;
                slot.weights[1] = (start >> 16) as u16 as i16;
                dense.resize(start + n_classes, 0);
                for &(c, w) in row {
                    dense[start + c as usize] = w;
                }
            } else {
                let start = overflow.len();
                slot.weights[0] = (start & 0xffff) as u16 as i16;
                slot.weights[1] = (start >> 16) as u16 as i16;
                overflow.extend(
                    row.iter()
                        .map(|&(c, w)| u32::from(c) | u32::from(w as u16) << 16),
                );
            }
        }
        Linear {
            n_classes,
            keys,
            slots,
            overflow,
            dense,
        }
    }

    /// The slot index of feature `h`, if the model has it.
    #[inline]
    fn find(&self, h: u64) -> Option<usize> {
        let n = self.keys.len();
        let fp = fingerprint(h);
        let mut i = home(h, n);
        loop {
            let k = self.keys[i];
            if k == fp {
                return Some(i);
            }
            if k == 0 {
                return None;
            }
            i = if i + 1 == n { 0 } else { i + 1 };
        }
    }

    /// Sums the weights of `feats` into `scores` (which must hold `n_classes`).
    ///
    /// Memory latency, not arithmetic, is the cost: the features are looked
    /// up in sweeps so that the cache misses of one sweep overlap (the loads
    /// are independent) instead of coming one after another.
    #[inline]
    pub(crate) fn score(&self, feats: &[u64], scores: &mut [i32]) {
        scores.fill(0);
        let n = self.keys.len();
        let nc = self.n_classes.min(scores.len());
        for chunk in feats.chunks(128) {
            // 1. Touch every feature's home key.
            let mut touch = 0u32;
            for &h in chunk {
                touch ^= self.keys[home(h, n)];
            }
            // 2. Probe; touch the rows found.
            let mut found = [0u32; 128];
            let mut m = 0;
            for &h in chunk {
                if let Some(i) = self.find(h) {
                    touch ^= u32::from(self.slots[i].len);
                    found[m] = i as u32;
                    m += 1;
                }
            }
            // 3. Touch the start of each long row.
            for &i in &found[..m] {
                let slot = &self.slots[i as usize];
                if slot.len == DENSE {
                    touch ^= self.dense.get(slot.overflow_start()).copied().unwrap_or(0) as u32;
                } else if slot.len as usize > INLINE {
                    touch ^= self
                        .overflow
                        .get(slot.overflow_start())
                        .copied()
                        .unwrap_or(0);
                }
            }
            std::hint::black_box(touch);
            // 4. Add the weights.
            for &i in &found[..m] {
                let slot = &self.slots[i as usize];
                let len = slot.len as usize;
                if slot.len == DENSE {
                    let start = slot.overflow_start();
                    if let Some(row) = self.dense.get(start..start + nc) {
                        for (s, &w) in scores[..nc].iter_mut().zip(row) {
                            *s += i32::from(w);
                        }
                    }
                } else if len <= INLINE {
                    for k in 0..len {
                        if let Some(s) = scores.get_mut(slot.classes[k] as usize) {
                            *s += i32::from(slot.weights[k]);
                        }
                    }
                } else {
                    let start = slot.overflow_start();
                    for &e in self.overflow.get(start..start + len).unwrap_or(&[]) {
                        if let Some(s) = scores.get_mut((e & 0xff) as usize) {
                            *s += i32::from((e >> 16) as u16 as i16);
                        }
                    }
                }
            }
        }
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        w.u64(self.n_classes as u64);
        w.u32s(&self.keys);
        let mut raw = Vec::with_capacity(self.slots.len() * 10);
        for s in &self.slots {
            raw.push(s.len);
            raw.extend_from_slice(&s.classes);
            for x in s.weights {
                raw.extend_from_slice(&x.to_le_bytes());
            }
        }
        w.bytes(&raw);
        w.u32s(&self.overflow);
        w.u16s(&self.dense.iter().map(|&x| x as u16).collect::<Vec<_>>());
    }

    pub(crate) fn read(r: &mut Reader) -> Result<Linear, NlpError> {
        let n_classes = r.u64()? as usize;
        let keys = r.u32s()?;
        let raw = r.bytes()?;
        let overflow = r.u32s()?;
        let dense: Vec<i16> = r.u16s()?.into_iter().map(|x| x as i16).collect();
        let bad = |m: &str| Err(NlpError::Model(format!("linear model: {m}")));
        if raw.len() != keys.len() * 10 {
            return bad("bad slot array");
        }
        let slots: Vec<Slot> = raw
            .chunks_exact(10)
            .map(|c| Slot {
                len: c[0],
                classes: [c[1], c[2], c[3]],
                weights: [
                    i16::from_le_bytes([c[4], c[5]]),
                    i16::from_le_bytes([c[6], c[7]]),
                    i16::from_le_bytes([c[8], c[9]]),
                ],
            })
            .collect();
        if !keys.contains(&0) {
            return bad("full table");
        }
        if n_classes > 256 {
            return bad("too many classes");
        }
        for (_, s) in keys.iter().zip(&slots).filter(|(&k, _)| k != 0) {
            let len = s.len as usize;
            let ok = if s.len == DENSE {
                s.overflow_start() + n_classes <= dense.len()
            } else if len <= INLINE {
                s.classes[..len].iter().all(|&c| (c as usize) < n_classes)
            } else {
                let start = s.overflow_start();
                overflow
                    .get(start..start + len)
                    .is_some_and(|row| row.iter().all(|&e| ((e & 0xff) as usize) < n_classes))
            };
            if !ok {
                return bad("row out of range");
            }
        }
        Ok(Linear {
            n_classes,
            keys,
            slots,
            overflow,
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

    /// The averaged weights, quantized to i16; weights whose magnitude is below
    /// `prune` (in averaged units) are dropped.
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
            let mut row: Vec<(u8, i16)> = self.rows[r as usize]
                .iter()
                .filter_map(|e| {
                    let a = avg(e);
                    let q = (a * scale).round().clamp(-32767.0, 32767.0);
                    (a.abs() >= prune && q != 0.0).then_some((e.class as u8, q as i16))
                })
                .collect();
            if !row.is_empty() {
                row.sort_unstable();
                rows.push((h, row));
            }
        }
        Linear::from_rows(self.n_classes, rows)
    }
}
