//! WARC archives (`.warc`, `.warc.gz`): response records with HTML payloads
//! become documents; other records are skipped and counted.
//!
//! The reader is ours rather than the `warc` crate's: that one reads header
//! lines and bodies without any bound (a corrupt or hostile archive can make
//! it allocate without limit), rejects records that lack optional-in-practice
//! headers, and its file opener is broken. Here every header block and every
//! payload is capped, bodies beyond the cap are streamed past without being
//! kept, and a truncated archive yields every complete record and then one
//! error.

use std::collections::VecDeque;
use std::io::{self, BufRead, Read};

use dyad_types::{Date, DocError};

use crate::html;
use crate::html::Extractor;
use crate::source::{html_events, Event, Post, Source};

/// A record's header block may not be longer than this.
const MAX_HEADER_BYTES: usize = 256 * 1024;

/// Payload bytes kept per record (the HTTP response: headers and page).
/// Larger records are read past and reported.
pub const MAX_RECORD_BYTES: u64 = html::MAX_PAGE_BYTES as u64 + 64 * 1024;

/// A record's named headers (WARC or HTTP), in order.
#[derive(Debug, Default)]
struct Headers(Vec<(String, String)>);

impl Headers {
    fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Parses `Name: value` lines; lines starting with a blank continue the
    /// previous value (RFC 822 folding).
    fn parse(block: &str) -> Headers {
        let mut headers: Vec<(String, String)> = Vec::new();
        for line in block.lines() {
            if line.starts_with([' ', '\t']) {
                if let Some((_, value)) = headers.last_mut() {
                    value.push(' ');
                    value.push_str(line.trim());
                }
                continue;
            }
            if let Some((name, value)) = line.split_once(':') {
                headers.push((name.trim().to_string(), value.trim().to_string()));
            }
        }
        Headers(headers)
    }
}

/// The records of one archive, read one at a time.
pub(crate) struct WarcSource {
    reader: Box<dyn BufRead + Send>,
    name: String,
    /// Records read completely so far.
    records: usize,
    /// Events of the current record not yet handed out.
    pending: VecDeque<Event>,
    done: bool,
}

impl WarcSource {
    pub(crate) fn new(reader: Box<dyn BufRead + Send>, name: String) -> WarcSource {
        WarcSource {
            reader,
            name,
            records: 0,
            pending: VecDeque::new(),
            done: false,
        }
    }

    /// An error that ends the archive: nothing after it can be trusted.
    fn fatal(&mut self, what: String) -> Event {
        self.done = true;
        Event::Error(DocError::new(
            self.name.clone(),
            format!(
                "{what} (after {} complete record{}); rest of the archive not read",
                self.records,
                if self.records == 1 { "" } else { "s" }
            ),
        ))
    }

    /// Reads the next record's version line and headers; `Ok(None)` at the end.
    fn read_header_block(&mut self) -> Result<Option<Headers>, String> {
        let mut block: Vec<u8> = Vec::new();
        // Blank lines between records (the CRLF CRLF after each block, or
        // more in sloppy archives) are passed over.
        loop {
            let mut line = Vec::new();
            let n = read_line_limited(&mut self.reader, &mut line, MAX_HEADER_BYTES)
                .map_err(|e| format!("cannot read: {e}"))?;
            if n == 0 {
                return if block.is_empty() {
                    Ok(None)
                } else {
                    Err("archive truncated inside a record header".to_string())
                };
            }
            let blank = line.iter().all(|b| matches!(b, b'\r' | b'\n'));
            if block.is_empty() {
                if blank {
                    continue;
                }
                if !line.starts_with(b"WARC/") {
                    return Err("not a WARC record where one should start".to_string());
                }
            } else if blank {
                break;
            }
            if block.len() + line.len() > MAX_HEADER_BYTES {
                return Err(format!(
                    "record header longer than {MAX_HEADER_BYTES} bytes"
                ));
            }
            if !line.ends_with(b"\n") {
                return Err(format!(
                    "record header line longer than {MAX_HEADER_BYTES} bytes"
                ));
            }
            block.extend_from_slice(&line);
        }
        let text = String::from_utf8_lossy(&block);
        // Drop the version line; the rest are headers.
        let headers = text.split_once('\n').map_or("", |(_, rest)| rest);
        Ok(Some(Headers::parse(headers)))
    }

    fn next_record(&mut self, extractor: &mut Extractor) -> Vec<Event> {
        let headers = match self.read_header_block() {
            Ok(Some(headers)) => headers,
            Ok(None) => {
                self.done = true;
                return Vec::new();
            }
            Err(err) => return vec![self.fatal(err)],
        };
        let Some(length) = headers
            .get("Content-Length")
            .and_then(|v| v.trim().parse::<u64>().ok())
        else {
            return vec![self.fatal("record without a valid Content-Length".to_string())];
        };
        let kind = headers.get("WARC-Type").unwrap_or("").to_ascii_lowercase();
        let wanted = kind == "response"
            && headers
                .get("Content-Type")
                .is_none_or(|ct| ct.to_ascii_lowercase().contains("application/http"));
        let keep = if wanted {
            length.min(MAX_RECORD_BYTES)
        } else {
            0
        };
        let mut body = Vec::new();
        let kept = match (&mut self.reader).take(keep).read_to_end(&mut body) {
            Ok(n) => n as u64,
            Err(err) => return vec![self.fatal(format!("cannot read: {err}"))],
        };
        let skipped = match io::copy(&mut (&mut self.reader).take(length - kept), &mut io::sink()) {
            Ok(n) => n,
            Err(err) => return vec![self.fatal(format!("cannot read: {err}"))],
        };
        let uri = headers
            .get("WARC-Target-URI")
            .map(|u| u.trim_matches(['<', '>']).to_string());
        if kept + skipped < length {
            let at = uri.as_deref().unwrap_or("a record");
            return vec![self.fatal(format!("archive truncated inside {at}"))];
        }
        self.records += 1;
        if !wanted {
            return vec![Event::Skipped(match kind.as_str() {
                "response" => "WARC response record that is not HTTP",
                "request" => "WARC request record",
                "metadata" => "WARC metadata record",
                "warcinfo" => "WARC warcinfo record",
                "resource" => "WARC resource record",
                "revisit" => "WARC revisit record",
                "conversion" => "WARC conversion record",
                _ => "WARC record of another type",
            })];
        }
        let id = headers
            .get("WARC-Record-ID")
            .map(|id| id.trim_matches(['<', '>']).to_string())
            .filter(|id| !id.is_empty())
            .unwrap_or_else(|| format!("{}#{}", self.name, self.records));
        if length > MAX_RECORD_BYTES {
            return vec![Event::Error(DocError::new(
                id,
                format!(
                    "{}: record of {length} bytes is larger than {} MiB; not read",
                    self.name,
                    MAX_RECORD_BYTES >> 20
                ),
            ))];
        }
        let fetched = headers
            .get("WARC-Date")
            .and_then(|d| d.get(..10)?.parse::<Date>().ok());
        response_events(&body, id, &self.name, uri.as_deref(), fetched, extractor)
    }
}

/// An HTTP response (as archived) into the events of its page.
fn response_events(
    body: &[u8],
    id: String,
    name: &str,
    uri: Option<&str>,
    fetched: Option<Date>,
    extractor: &mut Extractor,
) -> Vec<Event> {
    let Some((head, payload)) = split_http(body) else {
        return vec![Event::Skipped("WARC response without HTTP headers")];
    };
    let head = String::from_utf8_lossy(head);
    let status = head
        .lines()
        .next()
        .and_then(|line| line.split_whitespace().nth(1))
        .and_then(|code| code.parse::<u16>().ok())
        .unwrap_or(0);
    let http = Headers::parse(head.split_once('\n').map_or("", |(_, rest)| rest));
    if !(200..300).contains(&status) {
        return vec![Event::Skipped("WARC response with a non-2xx status")];
    }
    let content_type = http.get("Content-Type").unwrap_or("").to_ascii_lowercase();
    let is_html = content_type.is_empty()
        || content_type.contains("html")
        || (content_type.starts_with("text/") && looks_like_html(payload));
    if !is_html {
        return vec![Event::Skipped("WARC response that is not HTML")];
    }
    let mut payload = payload.to_vec();
    if http
        .get("Transfer-Encoding")
        .is_some_and(|te| te.to_ascii_lowercase().contains("chunked"))
    {
        payload = dechunk(&payload);
    }
    if let Some(encoding) = http.get("Content-Encoding").map(str::to_ascii_lowercase) {
        if encoding.contains("gzip") || encoding.contains("deflate") {
            let mut out = Vec::new();
            let limit = html::MAX_PAGE_BYTES as u64 + 1;
            let result = if encoding.contains("gzip") {
                flate2::read::MultiGzDecoder::new(payload.as_slice())
                    .take(limit)
                    .read_to_end(&mut out)
            } else {
                flate2::read::ZlibDecoder::new(payload.as_slice())
                    .take(limit)
                    .read_to_end(&mut out)
            };
            match result {
                Ok(_) if out.len() as u64 >= limit => {
                    return vec![Event::Error(DocError::new(
                        id,
                        format!(
                            "{name}: page decompresses to more than {} MiB; not read",
                            html::MAX_PAGE_BYTES >> 20
                        ),
                    ))]
                }
                Ok(_) => payload = out,
                // Often the archive kept the decoded page but not the header.
                Err(_) => {}
            }
        }
    }
    let charset = content_type
        .split(';')
        .find_map(|part| part.trim().strip_prefix("charset="))
        .map(|c| c.trim_matches(['"', '\'']).to_string());
    // The fetch date stands in when the page gives no publication date.
    let post = Post::FetchDate(fetched);
    html_events(&payload, id, name, uri, charset.as_deref(), post, extractor)
}

/// Splits an HTTP message into its head and its body at the first blank line.
fn split_http(body: &[u8]) -> Option<(&[u8], &[u8])> {
    if !body.starts_with(b"HTTP/") {
        return None;
    }
    let crlf = find(body, b"\r\n\r\n").map(|at| (at, at + 4));
    let lf = find(body, b"\n\n").map(|at| (at, at + 2));
    let (end, start) = match (crlf, lf) {
        (Some(a), Some(b)) => a.min(b),
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) => (body.len(), body.len()),
    };
    Some((&body[..end], &body[start..]))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn looks_like_html(payload: &[u8]) -> bool {
    let head = &payload[..payload.len().min(1024)];
    let lower = head.to_ascii_lowercase();
    find(&lower, b"<html").is_some() || find(&lower, b"<!doctype html").is_some()
}

/// Undoes HTTP chunked transfer encoding; on malformed chunks, keeps what
/// was decoded plus the rest as it is.
fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    while let Some(line_end) = find(data, b"\n") {
        let size_text = String::from_utf8_lossy(&data[..line_end]);
        let size_text = size_text
            .trim()
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_string();
        let Ok(size) = usize::from_str_radix(&size_text, 16) else {
            if out.is_empty() {
                // Not chunked after all.
                return data.to_vec();
            }
            break;
        };
        data = &data[line_end + 1..];
        if size == 0 {
            return out;
        }
        let take = size.min(data.len());
        out.extend_from_slice(&data[..take]);
        data = &data[take..];
        data = data
            .strip_prefix(b"\r\n")
            .or_else(|| data.strip_prefix(b"\n"))
            .unwrap_or(data);
    }
    out.extend_from_slice(data);
    out
}

/// Reads one line (up to and including `\n`) into `line`, stopping after
/// `limit` bytes; returns the number of bytes read.
fn read_line_limited(
    reader: &mut Box<dyn BufRead + Send>,
    line: &mut Vec<u8>,
    limit: usize,
) -> io::Result<usize> {
    let mut total = 0;
    loop {
        let buf = match reader.fill_buf() {
            Ok(buf) => buf,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        };
        if buf.is_empty() {
            return Ok(total);
        }
        let room = limit + 1 - line.len().min(limit + 1);
        let (take, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(at) if at < room => (at + 1, true),
            _ => (buf.len().min(room), room <= buf.len()),
        };
        line.extend_from_slice(&buf[..take]);
        reader.consume(take);
        total += take;
        if done {
            return Ok(total);
        }
    }
}

impl Source for WarcSource {
    fn next_event(&mut self, extractor: &mut Extractor) -> Option<Event> {
        loop {
            if let Some(event) = self.pending.pop_front() {
                return Some(event);
            }
            if self.done {
                return None;
            }
            let events = self.next_record(extractor);
            self.pending.extend(events);
        }
    }
}
