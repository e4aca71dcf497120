//! Gzip that survives damage: members are decoded one at a time, and a
//! corrupt member is reported and passed over, so what follows it is read.
//!
//! `flate2`'s `MultiGzDecoder` stops at the first bad byte, which loses every
//! record of a `.warc.gz` after one damaged member. [`GzipReader`] decodes one
//! member after another; when a member fails (bad header, corrupt deflate
//! data, wrong checksum), it rewinds to the byte after that member's start,
//! looks for the next gzip header (`1f 8b 08`), yields one [`GzipDamage`]
//! error (an `io::Error` of kind `InvalidData` carrying it), and goes on from
//! there on the next read. Readers that know about records (WARC, JSON lines)
//! report the damage and read on; readers of one document stop at the error.

use std::fmt;
use std::io::{self, BufRead, Read};

/// The gzip magic bytes and the deflate method byte.
const MAGIC: [u8; 3] = [0x1f, 0x8b, 0x08];

/// Compressed bytes of one member kept for rewinding; a longer member is
/// resynchronised from where the damage was found instead of from its start.
const MAX_REWIND: usize = 32 * 1024 * 1024;

const CHUNK: usize = 64 * 1024;

/// A damaged gzip member, passed over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GzipDamage {
    /// Offset of the damaged member in the compressed stream.
    pub member_at: u64,
    /// Where decoding resumed (the next member), or `None` at the end.
    pub resumed_at: Option<u64>,
    /// Decompressed bytes the damaged member gave before it failed (which
    /// may be wrong); 0 when none were, e.g. for bytes between members.
    /// Whatever was read before those bytes is sound.
    pub delivered: u64,
    /// What the decoder said.
    pub what: String,
}

impl fmt::Display for GzipDamage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "corrupt gzip member at compressed byte {} ({})",
            self.member_at, self.what
        )?;
        match self.resumed_at {
            Some(at) => write!(
                f,
                "; reading resumed at the next member, compressed byte {at}"
            ),
            None => write!(f, "; no gzip member after it"),
        }
    }
}

impl std::error::Error for GzipDamage {}

/// The damage an `io::Error` carries, when it is one.
pub fn damage(err: &io::Error) -> Option<&GzipDamage> {
    err.get_ref()?.downcast_ref::<GzipDamage>()
}

/// The compressed stream, keeping the bytes of the current member so that
/// decoding can restart just after its first byte.
struct Compressed<R> {
    inner: R,
    /// Bytes from the current member's start (or from where keeping
    /// stopped) to the last byte read from `inner`.
    buf: Vec<u8>,
    /// Bytes of `buf` consumed by the decoder.
    pos: usize,
    /// Stream offset of `buf[0]`.
    base: u64,
    /// Whether `buf[0]` is the current member's first byte.
    rewindable: bool,
    eof: bool,
}

impl<R: Read> Compressed<R> {
    /// Reads more bytes into `buf`; false at the end of the stream.
    fn more(&mut self) -> io::Result<bool> {
        if self.eof {
            return Ok(false);
        }
        if self.pos == self.buf.len() && self.buf.len() >= MAX_REWIND {
            // Too long a member to keep: forget what was consumed.
            self.base += self.buf.len() as u64;
            self.buf.clear();
            self.pos = 0;
            self.rewindable = false;
        }
        let start = self.buf.len();
        self.buf.resize(start + CHUNK, 0);
        let n = loop {
            match self.inner.read(&mut self.buf[start..]) {
                Ok(n) => break n,
                Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
                Err(err) => {
                    self.buf.truncate(start);
                    return Err(err);
                }
            }
        };
        self.buf.truncate(start + n);
        if n == 0 {
            self.eof = true;
        }
        Ok(n > 0)
    }

    /// A new member starts at the current position.
    fn start_member(&mut self) {
        self.base += self.pos as u64;
        self.buf.drain(..self.pos);
        self.pos = 0;
        self.rewindable = true;
    }

    /// Offset of the current position in the stream.
    fn offset(&self) -> u64 {
        self.base + self.pos as u64
    }

    /// At least `n` bytes ahead of the current position, unless the
    /// stream ends first.
    fn peek(&mut self, n: usize) -> io::Result<&[u8]> {
        while self.buf.len() - self.pos < n && self.more()? {}
        Ok(&self.buf[self.pos..])
    }

    /// Moves to the next gzip header at or after `from` (an index into
    /// `buf`), reading on as needed. Returns whether one was found and
    /// whether the bytes passed over were all NUL (padding).
    fn seek_magic(&mut self, from: usize) -> io::Result<(bool, bool)> {
        let mut at = from.min(self.buf.len());
        let mut all_nul = true;
        loop {
            if let Some(i) = find(&self.buf[at..], &MAGIC) {
                all_nul &= self.buf[at..at + i].iter().all(|&b| b == 0);
                self.pos = at + i;
                self.start_member();
                return Ok((true, all_nul));
            }
            // Keep a possible partial magic at the end.
            let keep = self.buf.len().saturating_sub(MAGIC.len() - 1).max(at);
            all_nul &= self.buf[at..keep].iter().all(|&b| b == 0);
            self.pos = keep;
            self.start_member();
            self.rewindable = false;
            at = 0;
            if !self.more()? {
                all_nul &= self.buf.iter().all(|&b| b == 0);
                self.pos = self.buf.len();
                self.start_member();
                return Ok((false, all_nul));
            }
        }
    }
}

impl<R: Read> Read for Compressed<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(out.len());
        out[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: Read> BufRead for Compressed<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pos == self.buf.len() {
            self.more()?;
        }
        Ok(&self.buf[self.pos..])
    }

    fn consume(&mut self, amt: usize) {
        self.pos = (self.pos + amt).min(self.buf.len());
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

/// Decodes every member of a gzip stream, passing over damaged ones (see
/// the module docs). A stream that does not start with a gzip header is an
/// error on the first read, then whatever members follow are read.
pub struct GzipReader<R> {
    decoder: Option<flate2::bufread::GzDecoder<Compressed<R>>>,
    /// Bytes the current member has given.
    delivered: u64,
    /// The stream between members (after the end, or after damage).
    idle: Option<Compressed<R>>,
    done: bool,
}

impl<R: Read> GzipReader<R> {
    pub fn new(inner: R) -> GzipReader<R> {
        let compressed = Compressed {
            inner,
            buf: Vec::new(),
            pos: 0,
            base: 0,
            rewindable: true,
            eof: false,
        };
        GzipReader {
            decoder: None,
            delivered: 0,
            idle: Some(compressed),
            done: false,
        }
    }

    /// Starts the next member from the idle stream; false at the end.
    fn next_member(&mut self) -> io::Result<bool> {
        let Some(mut stream) = self.idle.take() else {
            return Ok(false);
        };
        let head = stream.peek(2)?;
        if head.is_empty() {
            self.done = true;
            return Ok(false);
        }
        if !head.starts_with(&MAGIC[..2]) {
            // Bytes that are not a member: padding (NUL) is passed over
            // quietly, anything else is damage.
            let member_at = stream.offset();
            let from = stream.pos;
            let (found, padding) = stream.seek_magic(from)?;
            let resumed_at = found.then(|| stream.offset());
            self.idle = Some(stream);
            self.done = !found;
            if !padding {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    GzipDamage {
                        member_at,
                        resumed_at,
                        delivered: 0,
                        what: "bytes that are not gzip data".to_string(),
                    },
                ));
            }
            return if found { self.next_member() } else { Ok(false) };
        }
        stream.start_member();
        self.decoder = Some(flate2::bufread::GzDecoder::new(stream));
        self.delivered = 0;
        Ok(true)
    }

    /// The current member failed: find the next one, report the damage.
    fn recover(&mut self, err: io::Error) -> io::Error {
        let Some(decoder) = self.decoder.take() else {
            return err;
        };
        let mut stream = decoder.into_inner();
        let member_at = stream.base;
        let from = if stream.rewindable { 1 } else { stream.pos };
        let resumed_at = match stream.seek_magic(from) {
            Ok((true, _)) => Some(stream.offset()),
            Ok((false, _)) => None,
            Err(read_err) => return read_err,
        };
        if resumed_at.is_none() {
            self.done = true;
        }
        self.idle = Some(stream);
        io::Error::new(
            io::ErrorKind::InvalidData,
            GzipDamage {
                member_at,
                resumed_at,
                delivered: self.delivered,
                what: err.to_string(),
            },
        )
    }
}

impl<R: Read> Read for GzipReader<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if out.is_empty() {
            return Ok(0);
        }
        loop {
            if self.done && self.decoder.is_none() {
                return Ok(0);
            }
            let Some(decoder) = self.decoder.as_mut() else {
                if !self.next_member()? {
                    return Ok(0);
                }
                continue;
            };
            match decoder.read(out) {
                Ok(0) => {
                    // The member ended well; the next one starts here.
                    if let Some(decoder) = self.decoder.take() {
                        self.idle = Some(decoder.into_inner());
                    }
                }
                Ok(n) => {
                    self.delivered += n as u64;
                    return Ok(n);
                }
                Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
                Err(err) => return Err(self.recover(err)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn member(text: &str) -> Vec<u8> {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(text.as_bytes()).unwrap_or_default();
        encoder.finish().unwrap_or_default()
    }

    /// Reads everything, collecting text and damage reports.
    fn read_all(bytes: Vec<u8>) -> (String, Vec<GzipDamage>) {
        let mut reader = GzipReader::new(io::Cursor::new(bytes));
        let (mut text, mut damages) = (Vec::new(), Vec::new());
        let mut buf = [0u8; 7];
        for _ in 0..10_000 {
            match reader.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => text.extend_from_slice(&buf[..n]),
                Err(err) => damages.push(damage(&err).cloned().expect("a damage report")),
            }
        }
        (String::from_utf8_lossy(&text).into_owned(), damages)
    }

    #[test]
    fn every_member_is_read() {
        let bytes = [member("one "), member("two "), member("three")].concat();
        assert_eq!(read_all(bytes), ("one two three".to_string(), vec![]));
    }

    #[test]
    fn a_corrupt_member_is_reported_and_the_next_ones_are_read() {
        let first = member("first member text ".repeat(20).as_str());
        let mut second = member("second member text ".repeat(20).as_str());
        let third = member("third");
        let mid = second.len() / 2;
        for b in &mut second[mid - 4..mid + 4] {
            *b ^= 0x55;
        }
        let at = first.len() as u64;
        let resumed = (first.len() + second.len()) as u64;
        let (text, damages) = read_all([first, second, third].concat());
        assert!(text.starts_with("first member text"), "{text}");
        assert!(text.ends_with("third"), "{text}");
        assert_eq!(damages.len(), 1, "{damages:?}");
        assert_eq!(damages[0].member_at, at);
        assert_eq!(damages[0].resumed_at, Some(resumed));
    }

    #[test]
    fn garbage_between_members_and_trailing_padding() {
        let bytes = [
            member("a"),
            b"garbage".to_vec(),
            member("b"),
            vec![0u8; 100],
        ]
        .concat();
        let (text, damages) = read_all(bytes);
        assert_eq!(text, "ab");
        assert_eq!(damages.len(), 1, "{damages:?}");
        assert!(damages[0].what.contains("not gzip"));
    }

    #[test]
    fn a_truncated_member_is_one_error() {
        let mut bytes = member("the whole text of the member ".repeat(50).as_str());
        bytes.truncate(bytes.len() / 2);
        let (_, damages) = read_all(bytes);
        assert_eq!(damages.len(), 1, "{damages:?}");
        assert_eq!(damages[0].resumed_at, None);
    }
}
