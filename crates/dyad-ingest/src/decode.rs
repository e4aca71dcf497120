//! Bytes to text: byte-order marks, declared and detected encodings, lossy
//! UTF-8, and the checks that turn empty or binary input into a clear error.

use encoding_rs::Encoding;

/// Why some bytes are not a document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("empty document")]
    Empty,
    #[error("binary data, not text ({0} of the first {1} bytes are NUL or control bytes)")]
    Binary(usize, usize),
}

/// Text decoded from bytes, with a note when the bytes were not valid in the
/// encoding used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// Name of the encoding used (`UTF-8`, `windows-1252`, …).
    pub encoding: &'static str,
    /// Byte offset of the first malformed sequence, when some bytes had to be
    /// replaced with U+FFFD.
    pub malformed_at: Option<usize>,
}

impl Decoded {
    /// The warning to report when the text was decoded lossily.
    pub fn warning(&self) -> Option<String> {
        self.malformed_at.map(|at| {
            format!(
                "invalid {} at byte {at}; decoded lossily (bad bytes became U+FFFD)",
                self.encoding
            )
        })
    }
}

/// How many leading bytes the binary check looks at.
const SNIFF_LEN: usize = 64 * 1024;

/// True for bytes that never occur in text: NUL and C0 controls other than
/// tab, line feed, form feed, carriage return and escape, plus DEL.
fn is_control(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | 0x1b)) || b == 0x7f
}

/// Rejects input that is binary: more than 1 in 50 of the first 64 KiB are
/// control bytes (text almost never has any; compressed or random data has
/// about one in nine), or it holds a NUL byte in the first 64 KiB and a high
/// share of invalid UTF-8 as well.
pub fn check_binary(bytes: &[u8]) -> Result<(), DecodeError> {
    let sample = &bytes[..bytes.len().min(SNIFF_LEN)];
    let controls = sample.iter().filter(|&&b| is_control(b)).count();
    if controls * 50 > sample.len() {
        return Err(DecodeError::Binary(controls, sample.len()));
    }
    if sample.contains(&0) {
        let invalid = invalid_utf8_bytes(sample);
        if invalid * 10 > sample.len() {
            return Err(DecodeError::Binary(controls, sample.len()));
        }
    }
    Ok(())
}

/// Counts bytes that are part of malformed UTF-8 sequences.
fn invalid_utf8_bytes(mut bytes: &[u8]) -> usize {
    let mut invalid = 0;
    loop {
        match std::str::from_utf8(bytes) {
            Ok(_) => return invalid,
            Err(err) => {
                let bad = match err.error_len() {
                    Some(n) => n,
                    // A sequence cut at the end of the sample is not an error.
                    None => return invalid,
                };
                invalid += bad;
                bytes = &bytes[err.valid_up_to() + bad..];
            }
        }
    }
}

/// The encoding named by a byte-order mark, and the mark's length.
pub fn bom(bytes: &[u8]) -> Option<(&'static Encoding, usize)> {
    Encoding::for_bom(bytes)
}

/// Decodes plain text: a BOM decides the encoding, else UTF-8, lossily.
/// Empty (or all-blank) input and binary data are errors.
pub fn decode_text(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some((encoding, len)) = bom(bytes) {
        // UTF-16 text is full of NULs, so the binary check runs on the result.
        let decoded = decode_with(encoding, &bytes[len..]);
        return finish(decoded);
    }
    check_binary(bytes)?;
    finish(decode_utf8(bytes))
}

fn finish(decoded: Decoded) -> Result<Decoded, DecodeError> {
    if decoded.text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    if encoding_is_wide(decoded.encoding) {
        check_binary(decoded.text.as_bytes())?;
    }
    Ok(decoded)
}

fn encoding_is_wide(name: &str) -> bool {
    name.starts_with("UTF-16")
}

/// UTF-8, replacing malformed sequences, noting where the first one was.
pub fn decode_utf8(bytes: &[u8]) -> Decoded {
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded {
            text: text.to_string(),
            encoding: "UTF-8",
            malformed_at: None,
        },
        Err(err) => Decoded {
            text: String::from_utf8_lossy(bytes).into_owned(),
            encoding: "UTF-8",
            malformed_at: Some(err.valid_up_to()),
        },
    }
}

/// Decodes with a given encoding (no BOM sniffing), noting malformed bytes.
pub fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> Decoded {
    if encoding == encoding_rs::UTF_8 {
        return decode_utf8(bytes);
    }
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
        malformed_at: if had_errors {
            Some(first_malformed(encoding, bytes))
        } else {
            None
        },
    }
}

/// Finds the offset of the first malformed sequence by decoding in steps;
/// only called when there is one, so the cost is paid only for bad input.
fn first_malformed(encoding: &'static Encoding, bytes: &[u8]) -> usize {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(64);
    let mut read_total = 0;
    while read_total < bytes.len() {
        out.clear();
        let (result, read) =
            decoder.decode_to_string_without_replacement(&bytes[read_total..], &mut out, true);
        read_total += read;
        match result {
            encoding_rs::DecoderResult::Malformed(len, extra) => {
                return read_total.saturating_sub(usize::from(len) + usize::from(extra));
            }
            encoding_rs::DecoderResult::InputEmpty => break,
            encoding_rs::DecoderResult::OutputFull => out.reserve(4096),
        }
    }
    read_total
}

/// How far into a page to look for `<meta charset>` (browsers look at 1024
/// bytes; pages in the wild put long scripts first, so look further).
const META_SCAN_LEN: usize = 16 * 1024;

/// Decodes an HTML page: a byte-order mark, then the HTTP header's charset,
/// then `<meta charset>` / `http-equiv` in the page, then valid UTF-8, then
/// detection (`chardetng`). Never fails on bad bytes: malformed sequences
/// become U+FFFD and are noted.
pub fn decode_html(bytes: &[u8], http_charset: Option<&str>) -> Result<Decoded, DecodeError> {
    if let Some((encoding, len)) = bom(bytes) {
        return finish(decode_with(encoding, &bytes[len..]));
    }
    check_binary(bytes)?;
    let declared = http_charset
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .or_else(|| meta_charset(&bytes[..bytes.len().min(META_SCAN_LEN)]))
        // A page cannot really be UTF-16 without a BOM; such labels lie.
        .filter(|encoding| !encoding_is_wide(encoding.name()));
    let encoding = match declared {
        Some(encoding) if encoding != encoding_rs::UTF_8 => encoding,
        // Declared UTF-8 (or nothing) but the bytes are not: detect.
        _ if std::str::from_utf8(bytes).is_err() && declared.is_none() => detect(bytes),
        _ => encoding_rs::UTF_8,
    };
    finish(decode_with(encoding, bytes))
}

/// Guesses the encoding of bytes that declare none and are not UTF-8.
fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(&bytes[..bytes.len().min(256 * 1024)], true);
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

/// Finds `<meta charset=...>` or `<meta http-equiv=content-type content="...; charset=...">`.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"<meta") {
        let start = from + at;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(pos) = find(tag, b"charset") {
            let rest = &tag[pos + b"charset".len()..];
            let rest = rest.trim_ascii_start();
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = rest.trim_ascii_start();
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let len = rest
                    .iter()
                    .position(|&b| {
                        !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
                    })
                    .unwrap_or(rest.len());
                if let Some(encoding) = Encoding::for_label(&rest[..len]) {
                    return Some(encoding);
                }
            }
        }
        from = end;
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_text_passes_unchanged() {
        let decoded = decode_text("Kerry met Putin in Sochi — “talks”.".as_bytes()).unwrap();
        assert_eq!(decoded.text, "Kerry met Putin in Sochi — “talks”.");
        assert_eq!(decoded.malformed_at, None);
        assert_eq!(decoded.warning(), None);
    }

    #[test]
    fn invalid_utf8_is_decoded_lossily_with_its_offset() {
        let decoded = decode_text(b"Caf\xe9 talks in Paris.").unwrap();
        assert_eq!(decoded.text, "Caf\u{fffd} talks in Paris.");
        assert_eq!(decoded.malformed_at, Some(3));
        assert!(decoded.warning().unwrap().contains("byte 3"));
    }

    #[test]
    fn byte_order_marks_choose_the_encoding() {
        let mut utf16 = vec![0xff, 0xfe];
        for unit in "Talks in Geneva.".encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode_text(&utf16).unwrap().text, "Talks in Geneva.");
        assert_eq!(
            decode_text(b"\xef\xbb\xbfTalks.").unwrap().text,
            "Talks.",
            "the UTF-8 BOM is not part of the text"
        );
    }

    #[test]
    fn empty_and_blank_input_is_an_error() {
        assert_eq!(decode_text(b""), Err(DecodeError::Empty));
        assert_eq!(decode_text(b" \n\t\r\n"), Err(DecodeError::Empty));
    }

    #[test]
    fn binary_garbage_is_an_error() {
        // A deterministic pseudo-random byte stream, as in compressed data.
        let mut state = 0x2545_f491_u32;
        let bytes: Vec<u8> = (0..10_000)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                (state >> 24) as u8
            })
            .collect();
        assert!(matches!(decode_text(&bytes), Err(DecodeError::Binary(..))));
        let mut nuls = b"some text ".to_vec();
        nuls.extend(std::iter::repeat_n(0u8, 200));
        assert!(matches!(decode_text(&nuls), Err(DecodeError::Binary(..))));
    }

    #[test]
    fn a_stray_control_byte_does_not_make_text_binary() {
        let text = format!("{}\x07{}", "word ".repeat(100), "end.");
        assert!(decode_text(text.as_bytes()).is_ok());
    }

    #[test]
    fn legacy_encodings_decode() {
        let decoded = decode_with(encoding_rs::WINDOWS_1252, b"Caf\xe9");
        assert_eq!(decoded.text, "Café");
        assert_eq!(decoded.malformed_at, None);
        let bad = decode_with(encoding_rs::SHIFT_JIS, b"ok \x82");
        assert_eq!(bad.malformed_at, Some(3));
    }

    #[test]
    fn html_charset_comes_from_header_meta_or_detection() {
        let page = b"<html><head><meta charset=\"iso-8859-1\"></head><body>Caf\xe9</body></html>";
        assert!(decode_html(page, None).unwrap().text.contains("Caf\u{e9}"));
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>\xcc\xee\xf1\xea\xe2\xe0</p>";
        assert!(decode_html(page, None)
            .unwrap()
            .text
            .contains("\u{41c}\u{43e}\u{441}\u{43a}\u{432}\u{430}"));
        // The HTTP header wins over the page.
        let page = b"<meta charset=utf-8><p>Caf\xe9</p>";
        assert!(decode_html(page, Some("windows-1252"))
            .unwrap()
            .text
            .contains("Caf\u{e9}"));
        // Nothing declared and not UTF-8: detected.
        let page = "<p>La r\u{e9}union des ministres fran\u{e7}ais a \u{e9}t\u{e9} report\u{e9}e \u{e0} demain.</p>";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(page);
        assert_eq!(decode_html(&bytes, None).unwrap().text, page);
    }

    #[test]
    fn declared_utf8_with_bad_bytes_is_decoded_lossily() {
        let decoded = decode_html(b"<meta charset=utf-8><p>a\xff b</p>", None).unwrap();
        assert!(decoded.text.contains("a\u{fffd} b"));
        assert!(decoded.malformed_at.is_some());
    }
}
