//! Character spans into a document's original text.

use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` of character offsets (Unicode scalar
/// values, not bytes) into a document's original text.
///
/// Serialized as a two-element array `[start, end]`, as the CLI contract states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

impl Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Span, D::Error> {
        let [start, end] = <[usize; 2]>::deserialize(deserializer)?;
        if start > end {
            return Err(serde::de::Error::custom(format!(
                "span start {start} after end {end}"
            )));
        }
        Ok(Span { start, end })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_as_pair() {
        let span = Span::new(3, 9);
        assert_eq!(serde_json::to_string(&span).unwrap(), "[3,9]");
        assert_eq!(serde_json::from_str::<Span>("[3,9]").unwrap(), span);
        assert!(serde_json::from_str::<Span>("[9,3]").is_err());
    }

    #[test]
    fn cover_joins_spans() {
        assert_eq!(Span::new(5, 7).cover(Span::new(1, 6)), Span::new(1, 7));
    }
}
