//! Near-duplicate articles: the same wire story republished by many sites,
//! each with its own boilerplate around it.
//!
//! A document's words (lower-cased letters and digits) are cut into
//! overlapping shingles of [`SHINGLE_WORDS`] words; its MinHash signature
//! keeps, for each of [`HASHES`] hash functions, the smallest hash of any
//! shingle. The share of equal positions in two signatures estimates the
//! Jaccard similarity of their shingle sets. Candidates are found by
//! locality-sensitive hashing: the signature is cut into [`BANDS`] bands of
//! [`ROWS`] values, and documents that agree on a whole band are compared;
//! two documents are near-duplicates when their estimated similarity is at
//! least [`THRESHOLD`]. With these numbers a pair at similarity 0.5 is a
//! candidate with probability 1 − (1 − 0.5⁴)¹⁶ ≈ 0.64 and at 0.7 with
//! probability ≈ 0.98.

use crate::util::{hash64, mix64};

/// Words per shingle.
pub const SHINGLE_WORDS: usize = 3;
/// MinHash values per document.
pub const HASHES: usize = 64;
/// LSH bands, each of [`ROWS`] values.
pub const BANDS: usize = 16;
pub const ROWS: usize = HASHES / BANDS;
/// Least estimated Jaccard similarity of two near-duplicates.
pub const THRESHOLD: f64 = 0.5;
/// Documents with fewer words than this are never near-duplicates of
/// anything (a headline-only page would match every copy of its headline).
pub const MIN_WORDS: usize = 25;

/// A document's MinHash signature; empty for a document too short to compare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature(pub Vec<u32>);

impl Signature {
    pub fn of(text: &str) -> Signature {
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        if words.len() < MIN_WORDS {
            return Signature(Vec::new());
        }
        let mut mins = vec![u32::MAX; HASHES];
        let mut buf = String::new();
        for shingle in words.windows(SHINGLE_WORDS) {
            buf.clear();
            for (i, w) in shingle.iter().enumerate() {
                if i > 0 {
                    buf.push(' ');
                }
                buf.push_str(w);
            }
            let h = hash64(buf.as_bytes());
            for (i, min) in mins.iter_mut().enumerate() {
                let v = (mix64(h ^ SEEDS[i]) >> 32) as u32;
                if v < *min {
                    *min = v;
                }
            }
        }
        Signature(mins)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Estimated Jaccard similarity of the two shingle sets (0 when either
    /// document is too short).
    pub fn similarity(&self, other: &Signature) -> f64 {
        if self.is_empty() || other.is_empty() || self.0.len() != other.0.len() {
            return 0.0;
        }
        let same = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        same as f64 / self.0.len() as f64
    }

    /// One key per band (the band's number and values hashed together).
    pub fn band_keys(&self) -> Vec<i64> {
        if self.is_empty() {
            return Vec::new();
        }
        self.0
            .chunks(ROWS)
            .enumerate()
            .map(|(band, rows)| {
                let mut bytes = Vec::with_capacity(4 + 4 * ROWS);
                bytes.extend_from_slice(&(band as u32).to_le_bytes());
                for r in rows {
                    bytes.extend_from_slice(&r.to_le_bytes());
                }
                hash64(&bytes) as i64
            })
            .collect()
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    pub fn from_bytes(bytes: &[u8]) -> Signature {
        Signature(
            bytes
                .chunks_exact(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect(),
        )
    }
}

/// Fixed seeds of the hash functions (the database keeps signatures, so
/// these never change within a schema version).
const SEEDS: [u64; HASHES] = {
    let mut seeds = [0u64; HASHES];
    let mut i = 0;
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    while i < HASHES {
        x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = x;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        seeds[i] = z ^ (z >> 31);
        i += 1;
    }
    seeds
};

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Heavy rains caused flooding across the northern provinces on Monday, \
        forcing thousands of families from their homes and cutting roads to several towns. \
        Rescue teams used boats to reach villages where water rose to the rooftops, officials said, \
        and the regional government opened schools as shelters for the night.";

    #[test]
    fn the_same_story_with_other_boilerplate_is_a_near_duplicate() {
        let a = Signature::of(&format!(
            "Home | World | Sport\n{STORY}\nShare this article"
        ));
        let b = Signature::of(&format!(
            "{STORY}\nSubscribe to our newsletter for the latest news. Advertisement."
        ));
        assert!(a.similarity(&b) >= THRESHOLD, "{}", a.similarity(&b));
        let shared = a
            .band_keys()
            .iter()
            .filter(|k| b.band_keys().contains(k))
            .count();
        assert!(shared > 0);
    }

    #[test]
    fn different_stories_are_not() {
        let a = Signature::of(STORY);
        let other = "The central bank kept its main interest rate unchanged on Thursday, \
            saying inflation had slowed for a third month while wages kept rising faster than \
            expected, and it signalled that cuts could follow later in the year if prices stay calm.";
        assert!(a.similarity(&Signature::of(other)) < 0.1);
    }

    #[test]
    fn short_texts_have_no_signature() {
        assert!(Signature::of("Rains flood the north.").is_empty());
        let s = Signature::of(STORY);
        assert_eq!(Signature::from_bytes(&s.to_bytes()), s);
        assert_eq!(s.band_keys().len(), BANDS);
    }
}
