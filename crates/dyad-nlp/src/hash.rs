//! Feature hashing: cheap 64-bit hashes of strings and of (template, values) tuples.
//!
//! Features are never strings at inference time: every token's word, affixes and
//! shape are hashed once, and a feature is the hash of its template id and those
//! values. The weight tables are keyed by these hashes.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

const K: u64 = 0x517c_c1b7_2722_0a95;

/// One FxHash step: order-sensitive combination of `h` with `v`.
#[inline]
pub(crate) fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(K)
}

/// Murmur3's finalizer: spreads the bits so that low bits index tables well.
#[inline]
pub(crate) fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    h
}

/// Hash of a string's bytes.
pub(crate) fn str_hash(s: &str) -> u64 {
    let mut h = 0x243f_6a88_85a3_08d3;
    for chunk in s.as_bytes().chunks(8) {
        let mut v = [0u8; 8];
        v[..chunk.len()].copy_from_slice(chunk);
        h = mix(h, u64::from_le_bytes(v));
    }
    finish(mix(h, s.len() as u64))
}

/// Hash of a sequence of characters (affixes and lowercased words).
pub(crate) fn chars_hash(cs: &[char]) -> u64 {
    let mut h = 0x1319_8a2e_0370_7344;
    for &c in cs {
        h = mix(h, c as u64);
    }
    finish(mix(h, cs.len() as u64))
}

/// The seed of a template's hashes. Template ids are constants at every call
/// site, so this folds away; it keeps small-integer feature values of
/// different templates (tags, labels, counts) from colliding.
#[inline]
fn seed(t: u64, arity: u64) -> u64 {
    finish(t.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ arity)
}

#[inline]
pub(crate) fn f1(t: u64, a: u64) -> u64 {
    finish(mix(seed(t, 1), a))
}

#[inline]
pub(crate) fn f2(t: u64, a: u64, b: u64) -> u64 {
    finish(mix(mix(seed(t, 2), a), b))
}

#[inline]
pub(crate) fn f3(t: u64, a: u64, b: u64, c: u64) -> u64 {
    finish(mix(mix(mix(seed(t, 3), a), b), c))
}

/// Hasher for keys that are already good hashes.
#[derive(Default, Clone, Copy)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix(self.0, u64::from(b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map keyed by feature hashes.
pub(crate) type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// Deterministic pseudo-random numbers (SplitMix64) for shuffling and exploration.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9e37_79b9_7f4a_7c15)
    }
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        finish(self.0)
    }
    /// Uniform in `[0, 1)`.
    pub(crate) fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    pub(crate) fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}
