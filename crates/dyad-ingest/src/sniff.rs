//! What a stream holds, told by its first bytes: standard input (and a file
//! whose name says nothing) is gzip, a WARC archive, JSON lines, an HTML page
//! or text. Also the byte-order marks of JSON lines, and a reader that turns
//! UTF-16 into UTF-8 as it streams.
//!
//! Sniffing reads only as far as it must: a `{` decides at once, so JSON
//! lines piped from a slow producer start flowing with the first line.

use std::io::{self, BufRead, Read};

use encoding_rs::Encoding;

/// The kind of a stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sniffed {
    /// Gzip-compressed: decompress and sniff again.
    Gzip,
    /// A line starting `WARC/` and a version digit.
    Warc,
    /// `{` first (after blanks and a byte-order mark).
    Jsonl,
    /// `<` then a letter, `!` or `?` first.
    Html,
    /// Anything else (empty and binary input are told apart later).
    Text,
}

/// More than this many bytes without a decision: text.
const MAX_SNIFF: usize = 64 * 1024;

/// Decides the kind from the first bytes; `None` when more are needed
/// (never when `eof`).
pub(crate) fn decide(head: &[u8], eof: bool) -> Option<Sniffed> {
    if head.len() < 2 && !eof && matches!(head.first(), None | Some(0x1f | 0xef | 0xfe | 0xff)) {
        return None;
    }
    if head.starts_with(&[0x1f, 0x8b]) {
        return Some(Sniffed::Gzip);
    }
    let text: std::borrow::Cow<'_, str> = match Encoding::for_bom(head) {
        Some((encoding, len)) if encoding != encoding_rs::UTF_8 => {
            // UTF-16: what the characters are, as far as they are whole.
            let body = &head[len..];
            let body = &body[..body.len() & !1];
            encoding.decode_without_bom_handling(body).0
        }
        Some((_, len)) => String::from_utf8_lossy(&head[len..]),
        None if head.len() < 3 && !eof && head.first() == Some(&0xef) => return None,
        None => String::from_utf8_lossy(head),
    };
    let rest = text.trim_start();
    let mut chars = rest.chars();
    let Some(first) = chars.next() else {
        return eof.then_some(Sniffed::Text);
    };
    let decided = match first {
        '{' => Some(Sniffed::Jsonl),
        '<' => chars.next().map(|c| {
            if c.is_ascii_alphabetic() || c == '!' || c == '?' {
                Sniffed::Html
            } else {
                Sniffed::Text
            }
        }),
        'W' => {
            let version: Vec<char> = rest.chars().take(6).collect();
            (version.len() == 6 || !rest.starts_with(&"WARC/"[..rest.len().min(5)])).then(|| {
                if rest.starts_with("WARC/") && version[5].is_ascii_digit() {
                    Sniffed::Warc
                } else {
                    Sniffed::Text
                }
            })
        }
        _ => Some(Sniffed::Text),
    };
    match decided {
        Some(kind) => Some(kind),
        None if eof => Some(Sniffed::Text),
        None => None,
    }
}

/// Reads the first bytes of a stream until its kind is known; returns the
/// kind and the stream with those bytes put back in front.
pub(crate) fn sniff(
    mut reader: Box<dyn BufRead + Send>,
) -> io::Result<(Sniffed, Box<dyn BufRead + Send>)> {
    let mut head = Vec::new();
    let kind = loop {
        let buf = match reader.fill_buf() {
            Ok(buf) => buf,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        };
        let eof = buf.is_empty();
        let take = buf.len().min(MAX_SNIFF + 1 - head.len().min(MAX_SNIFF));
        head.extend_from_slice(&buf[..take]);
        reader.consume(take);
        if let Some(kind) = decide(&head, eof) {
            break kind;
        }
        if head.len() > MAX_SNIFF {
            break Sniffed::Text;
        }
    };
    Ok((kind, Box::new(io::Cursor::new(head).chain(reader))))
}

/// JSON lines as UTF-8 without a byte-order mark: a UTF-8 mark is dropped,
/// UTF-16 (told by its mark) is decoded as it streams.
pub(crate) fn jsonl_reader(
    mut reader: Box<dyn BufRead + Send>,
) -> io::Result<Box<dyn BufRead + Send>> {
    let mut head = Vec::new();
    while head.len() < 3 {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            break;
        }
        let take = buf.len().min(3 - head.len());
        head.extend_from_slice(&buf[..take]);
        reader.consume(take);
    }
    match Encoding::for_bom(&head) {
        Some((encoding, len)) if encoding == encoding_rs::UTF_8 => Ok(Box::new(
            io::Cursor::new(head[len..].to_vec()).chain(reader),
        )),
        Some((encoding, len)) => {
            let rest: Box<dyn BufRead + Send> =
                Box::new(io::Cursor::new(head[len..].to_vec()).chain(reader));
            Ok(Box::new(io::BufReader::with_capacity(
                64 * 1024,
                Transcoder::new(encoding, rest),
            )))
        }
        None => Ok(Box::new(io::Cursor::new(head).chain(reader))),
    }
}

/// Decodes a stream in some encoding into UTF-8 as it is read; malformed
/// input becomes U+FFFD.
pub(crate) struct Transcoder<R> {
    inner: R,
    decoder: encoding_rs::Decoder,
    out: Vec<u8>,
    pos: usize,
    finished: bool,
}

impl<R: BufRead> Transcoder<R> {
    pub(crate) fn new(encoding: &'static Encoding, inner: R) -> Transcoder<R> {
        Transcoder {
            inner,
            decoder: encoding.new_decoder_without_bom_handling(),
            out: Vec::new(),
            pos: 0,
            finished: false,
        }
    }

    /// Decodes the next piece of input into `out`.
    fn refill(&mut self) -> io::Result<()> {
        self.out.clear();
        self.pos = 0;
        while self.out.is_empty() && !self.finished {
            let input = self.inner.fill_buf()?;
            let last = input.is_empty();
            let room = self
                .decoder
                .max_utf8_buffer_length(input.len())
                .unwrap_or(input.len() * 3 + 16);
            self.out.resize(room.max(16), 0);
            let (_, read, written, _) = self.decoder.decode_to_utf8(input, &mut self.out, last);
            self.out.truncate(written);
            self.inner.consume(read);
            self.finished = last;
        }
        Ok(())
    }
}

impl<R: BufRead> Read for Transcoder<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.pos == self.out.len() {
            self.refill()?;
        }
        let n = (self.out.len() - self.pos).min(buf.len());
        buf[..n].copy_from_slice(&self.out[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str) -> Vec<u8> {
        let mut bytes = vec![0xff, 0xfe];
        for unit in text.encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        bytes
    }

    #[test]
    fn kinds_by_first_bytes() {
        let cases: [(&[u8], Sniffed); 10] = [
            (b"\x1f\x8b\x08\x00", Sniffed::Gzip),
            (b"WARC/1.0\r\nWARC-Type: response", Sniffed::Warc),
            (b"\n  {\"id\": 1}", Sniffed::Jsonl),
            (b"\xef\xbb\xbf{\"id\": 1}", Sniffed::Jsonl),
            (b"<!DOCTYPE html><html>", Sniffed::Html),
            (b"  <html lang=en>", Sniffed::Html),
            (b"<3 you", Sniffed::Text),
            (b"WARSAW (Reuters) - Poland", Sniffed::Text),
            (b"Peru thanked Bolivia.", Sniffed::Text),
            (b"", Sniffed::Text),
        ];
        for (head, kind) in cases {
            assert_eq!(decide(head, true), Some(kind), "{head:?}");
        }
        assert_eq!(decide(&utf16le("{\"id\": 1}"), true), Some(Sniffed::Jsonl));
        assert_eq!(decide(&utf16le("<html>"), true), Some(Sniffed::Html));
    }

    #[test]
    fn undecided_until_enough_bytes() {
        assert_eq!(decide(b"", false), None);
        assert_eq!(decide(b"  ", false), None);
        assert_eq!(decide(b"WAR", false), None);
        assert_eq!(decide(b"WARC/", false), None);
        assert_eq!(decide(b"WARC/1", false), Some(Sniffed::Warc));
        assert_eq!(decide(b"WAX", false), Some(Sniffed::Text));
        assert_eq!(decide(b"<", false), None);
        assert_eq!(decide(b"{", false), Some(Sniffed::Jsonl));
    }

    #[test]
    fn a_stream_keeps_its_sniffed_bytes() {
        let reader: Box<dyn BufRead + Send> = Box::new(io::BufReader::with_capacity(
            2,
            io::Cursor::new(b"  WARC/1.0\r\n".to_vec()),
        ));
        let (kind, mut reader) = sniff(reader).unwrap();
        assert_eq!(kind, Sniffed::Warc);
        let mut all = String::new();
        reader.read_to_string(&mut all).unwrap();
        assert_eq!(all, "  WARC/1.0\r\n");
    }

    #[test]
    fn utf16_json_lines_are_decoded_as_they_stream() {
        let text = "{\"id\": \"é\"}\n{\"id\": \"日本\"}\n";
        let reader: Box<dyn BufRead + Send> = Box::new(io::BufReader::with_capacity(
            3,
            io::Cursor::new(utf16le(text)),
        ));
        let mut reader = jsonl_reader(reader).unwrap();
        let mut all = String::new();
        reader.read_to_string(&mut all).unwrap();
        assert_eq!(all, text);
        let reader: Box<dyn BufRead + Send> =
            Box::new(io::Cursor::new(b"\xef\xbb\xbf{}\n".to_vec()));
        let mut all = String::new();
        jsonl_reader(reader)
            .unwrap()
            .read_to_string(&mut all)
            .unwrap();
        assert_eq!(all, "{}\n");
    }
}
