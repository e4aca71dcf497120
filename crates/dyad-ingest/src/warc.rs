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

use crate::html::Extractor;
use crate::source::{html_events, Event, Post, Source};
use crate::{gzip, html};

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

/// The decompressed archive, with bytes that can be put back to be read
/// again (a damaged record's body, searched for the next record), and the
/// offset of the next byte.
struct Pushback {
    inner: Box<dyn BufRead + Send>,
    front: Vec<u8>,
    front_pos: usize,
    offset: u64,
}

impl Pushback {
    fn new(inner: Box<dyn BufRead + Send>) -> Pushback {
        Pushback {
            inner,
            front: Vec::new(),
            front_pos: 0,
            offset: 0,
        }
    }

    /// Puts bytes back in front of the stream.
    fn unread(&mut self, bytes: &[u8]) {
        if bytes.is_empty() {
            return;
        }
        let mut front = Vec::with_capacity(bytes.len() + self.front.len() - self.front_pos);
        front.extend_from_slice(bytes);
        front.extend_from_slice(&self.front[self.front_pos..]);
        self.front = front;
        self.front_pos = 0;
        self.offset = self.offset.saturating_sub(bytes.len() as u64);
    }

    /// The next `n` bytes (fewer at the end), left in the stream.
    fn peek(&mut self, n: usize) -> io::Result<Vec<u8>> {
        let mut bytes = Vec::with_capacity(n);
        let result = (&mut *self).take(n as u64).read_to_end(&mut bytes);
        self.unread(&bytes);
        result.map(|_| bytes)
    }
}

impl Read for Pushback {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(out.len());
        out[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for Pushback {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.front_pos < self.front.len() {
            return Ok(&self.front[self.front_pos..]);
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        self.offset += amt as u64;
        if self.front_pos < self.front.len() {
            self.front_pos = (self.front_pos + amt).min(self.front.len());
            if self.front_pos == self.front.len() {
                self.front.clear();
                self.front_pos = 0;
            }
        } else {
            self.inner.consume(amt);
        }
    }
}

/// Why a record's header block could not be read.
enum HeaderError {
    /// Bytes that do not start a record where one should start.
    Garbage,
    /// The archive ends inside the header block.
    Truncated,
    /// A header line or block over [`MAX_HEADER_BYTES`].
    TooLong,
    Io(io::Error),
}

/// True for a line that starts a WARC record: `WARC/` and a version digit.
fn is_version_line(line: &[u8]) -> bool {
    line.starts_with(b"WARC/") && line.get(5).is_some_and(u8::is_ascii_digit)
}

/// Where a line ends in a whole version line (`WARC/1.0` then the line
/// end), when it does.
fn version_at_end(line: &[u8]) -> Option<usize> {
    let body = line.strip_suffix(b"\n")?;
    let body = body.strip_suffix(b"\r").unwrap_or(body);
    let at = memchr::memmem::rfind(body, b"WARC/")?;
    let version = &body[at + 5..];
    let (major, minor) = version.split_at(version.iter().position(|&b| b == b'.')?);
    let minor = &minor[1..];
    let digits =
        |part: &[u8]| !part.is_empty() && part.len() <= 3 && part.iter().all(u8::is_ascii_digit);
    (digits(major) && digits(minor)).then_some(at)
}

/// What follows a record's block.
enum End {
    /// The blank lines, then the next record or the end of the archive.
    Good,
    /// Something else: the `Content-Length` was wrong. The line ends read
    /// are returned so that they can be put back.
    Wrong(Vec<u8>),
}

/// The records of one archive, read one at a time.
///
/// Damage never ends the archive: a record whose `Content-Length` does not
/// match (the next record does not start right after its block), whose
/// header is unusable, or whose gzip member is corrupt is reported as one
/// error, and reading resumes at the next line that starts with `WARC/` and
/// a version digit — searched from the damaged record's block on, so a
/// length that was too long does not swallow the records after it. Bytes
/// between records that are not a record are one error too. Only the end
/// of the archive inside a record (a truncated file) ends it.
pub(crate) struct WarcSource {
    reader: Pushback,
    name: String,
    /// Records read completely so far.
    records: usize,
    /// Events of the current record not yet handed out.
    pending: VecDeque<Event>,
    done: bool,
}

/// How far into an archive that starts with neither a record nor gzip to
/// look for the first gzip member.
const MAX_LEADING_GARBAGE: usize = 1024 * 1024;

/// An archive as the record reader wants it. One that starts with neither
/// `WARC/` nor the gzip magic bytes but holds a gzip member soon after
/// (bytes prepended to a `.warc.gz`) is decompressed from there on, the
/// bytes before it reported as damage, so its records are not all lost.
fn archive_reader(mut reader: Box<dyn BufRead + Send>) -> Box<dyn BufRead + Send> {
    let mut head = Vec::new();
    let gzip_at = loop {
        let buf = match reader.fill_buf() {
            Ok(buf) => buf,
            Err(_) => break None,
        };
        if buf.is_empty() {
            break None;
        }
        let take = buf.len().min(MAX_LEADING_GARBAGE - head.len());
        head.extend_from_slice(&buf[..take]);
        reader.consume(take);
        let start = head.trim_ascii_start();
        if start.len() < 6 && head.len() < MAX_LEADING_GARBAGE {
            continue;
        }
        if is_version_line(start) || head.starts_with(&[0x1f, 0x8b]) {
            break None;
        }
        let at = memchr::memmem::find(&head, &[0x1f, 0x8b, 0x08]);
        let record = memchr::memmem::find(&head, b"WARC/1.");
        match (at, record) {
            (Some(at), None) => break Some(at),
            (Some(at), Some(record)) if at < record => break Some(at),
            (_, Some(_)) => break None,
            (None, None) if head.len() >= MAX_LEADING_GARBAGE => break None,
            (None, None) => continue,
        }
    };
    let whole: Box<dyn BufRead + Send> = Box::new(io::Cursor::new(head).chain(reader));
    match gzip_at {
        Some(_) => Box::new(io::BufReader::with_capacity(
            64 * 1024,
            gzip::GzipReader::new(whole),
        )),
        None => whole,
    }
}

impl WarcSource {
    pub(crate) fn new(reader: Box<dyn BufRead + Send>, name: String) -> WarcSource {
        WarcSource {
            reader: Pushback::new(archive_reader(reader)),
            name,
            records: 0,
            pending: VecDeque::new(),
            done: false,
        }
    }

    fn complete_records(&self) -> String {
        format!(
            "after {} complete record{}",
            self.records,
            if self.records == 1 { "" } else { "s" }
        )
    }

    /// An error that ends the archive: nothing after it can be read.
    fn fatal(&mut self, what: String) -> Event {
        self.done = true;
        Event::Error(DocError::new(
            self.name.clone(),
            format!(
                "{what} ({}); rest of the archive not read",
                self.complete_records()
            ),
        ))
    }

    /// A read error: damaged gzip data can be passed over (an error for
    /// `doc`, the message starting with `context`), anything else ends the
    /// archive.
    fn read_error(&mut self, err: io::Error, doc: &str, context: &str) -> Event {
        match gzip::damage(&err) {
            Some(damage) => Event::Error(DocError::new(doc, format!("{context}: {damage}"))),
            None => self.fatal(format!("cannot read: {err}")),
        }
    }

    /// Reads the next record's version line and headers; `Ok(None)` at the end.
    fn read_header_block(&mut self) -> Result<Option<Headers>, HeaderError> {
        let mut block: Vec<u8> = Vec::new();
        // Blank lines between records (the CRLF CRLF after each block, or
        // more in sloppy archives) are passed over.
        loop {
            let mut line = Vec::new();
            let n = read_line_limited(&mut self.reader, &mut line, MAX_HEADER_BYTES)
                .map_err(HeaderError::Io)?;
            if n == 0 {
                return if block.is_empty() {
                    Ok(None)
                } else {
                    Err(HeaderError::Truncated)
                };
            }
            let blank = line.iter().all(|b| matches!(b, b'\r' | b'\n'));
            if block.is_empty() {
                if blank {
                    continue;
                }
                if !is_version_line(&line) {
                    self.reader.unread(&line);
                    return Err(HeaderError::Garbage);
                }
            } else if blank {
                break;
            }
            if block.len() + line.len() > MAX_HEADER_BYTES || !line.ends_with(b"\n") {
                return Err(HeaderError::TooLong);
            }
            block.extend_from_slice(&line);
        }
        let text = String::from_utf8_lossy(&block);
        // Drop the version line; the rest are headers.
        let headers = text.split_once('\n').map_or("", |(_, rest)| rest);
        Ok(Some(Headers::parse(headers)))
    }

    /// Passes over bytes up to the next record's version line (left
    /// unread): a line that starts with `WARC/` and a version digit, or
    /// that ends with `WARC/1.0` (bytes glued before the version line, as
    /// garbage without a line end leaves it). Returns whether one was
    /// found; damaged gzip members met on the way are queued as errors.
    fn skip_to_record(&mut self) -> Result<bool, Box<Event>> {
        let mut line_start = true;
        loop {
            let mut line = Vec::new();
            match read_line_limited(&mut self.reader, &mut line, MAX_HEADER_BYTES) {
                Ok(0) => return Ok(false),
                Ok(_) => {
                    if line_start && is_version_line(&line) {
                        self.reader.unread(&line);
                        return Ok(true);
                    }
                    if let Some(at) = version_at_end(&line) {
                        self.reader.unread(&line[at..]);
                        return Ok(true);
                    }
                    line_start = line.ends_with(b"\n");
                }
                Err(err) => {
                    let name = self.name.clone();
                    let event = self.read_error(err, &name, &name);
                    if self.done {
                        return Err(Box::new(event));
                    }
                    self.pending.push_back(event);
                    // A new member starts a new record.
                    line_start = true;
                }
            }
        }
    }

    /// After damage at `damaged_at`: looks for the next record and says
    /// where reading resumes.
    fn resume(&mut self) -> Result<String, Box<Event>> {
        Ok(match self.skip_to_record()? {
            true => format!("; reading resumed at byte {}", self.reader.offset),
            false => {
                self.done = true;
                "; no record after it".to_string()
            }
        })
    }

    /// Checks that a record's block ends where its `Content-Length` says:
    /// line ends, then the next record or the end of the archive. Damaged
    /// gzip data met there that gave no bytes (bytes between members, a
    /// next member broken from its start) is not this record's: it is
    /// queued in `later` and the check goes on after it.
    fn check_end(&mut self, later: &mut Vec<Event>) -> io::Result<End> {
        let mut ends = Vec::new();
        let next = loop {
            match self.end_bytes(&mut ends) {
                Ok(next) => break next,
                Err(err) => match gzip::damage(&err) {
                    Some(damage) if damage.delivered == 0 && later.len() < 64 => {
                        later.push(Event::Error(DocError::new(
                            self.name.clone(),
                            format!("{}: {damage}", self.name),
                        )));
                    }
                    _ => return Err(err),
                },
            }
        };
        if next.is_empty() || is_version_line(&next) || next.len() < 6 && next.starts_with(b"WARC/")
        {
            return Ok(End::Good);
        }
        // The standard end of a block, then bytes that are not a record:
        // the length was right and the bytes after it are reported as
        // garbage when the next record is read.
        if ends == b"\r\n\r\n" || ends == b"\n\n" {
            return Ok(End::Good);
        }
        Ok(End::Wrong(ends))
    }

    /// Reads the line ends after a block into `ends` and peeks at what
    /// follows them.
    fn end_bytes(&mut self, ends: &mut Vec<u8>) -> io::Result<Vec<u8>> {
        while ends.len() < 16 {
            let buf = self.reader.fill_buf()?;
            match buf.first() {
                Some(&b) if b == b'\r' || b == b'\n' => {
                    ends.push(b);
                    self.reader.consume(1);
                }
                _ => break,
            }
        }
        self.reader.peek(6)
    }

    fn next_record(&mut self, extractor: &mut Extractor) -> Vec<Event> {
        let start = self.reader.offset;
        let headers = match self.read_header_block() {
            Ok(Some(headers)) => headers,
            Ok(None) => {
                self.done = true;
                return Vec::new();
            }
            Err(HeaderError::Garbage) => {
                let from = self.reader.offset;
                let resumed = match self.skip_to_record() {
                    Ok(found) => found,
                    Err(event) => return vec![*event],
                };
                let to = self.reader.offset;
                let what = format!(
                    "{}: bytes {from}-{to} ({} bytes) are not a WARC record (damaged, or not an archive)",
                    self.name,
                    to - from
                );
                let tail = if resumed {
                    format!("; skipped to the next record at byte {to}")
                } else {
                    self.done = true;
                    "; no record after them".to_string()
                };
                return vec![Event::Error(DocError::new(
                    self.name.clone(),
                    format!("{what}{tail}"),
                ))];
            }
            Err(HeaderError::Truncated) => {
                return vec![self.fatal("archive truncated inside a record header".to_string())]
            }
            Err(HeaderError::TooLong) => {
                let tail = match self.resume() {
                    Ok(tail) => tail,
                    Err(event) => return vec![*event],
                };
                return vec![Event::Error(DocError::new(
                    self.name.clone(),
                    format!(
                        "{}: record header at byte {start} longer than {MAX_HEADER_BYTES} bytes{tail}",
                        self.name
                    ),
                ))];
            }
            Err(HeaderError::Io(err)) => {
                let name = self.name.clone();
                let context = format!("{name}: record header at byte {start}");
                let event = self.read_error(err, &name, &context);
                if self.done {
                    return vec![event];
                }
                return match self.resume() {
                    Ok(_) => vec![event],
                    Err(last) => vec![event, *last],
                };
            }
        };
        let uri = headers
            .get("WARC-Target-URI")
            .map(|u| u.trim_matches(['<', '>']).to_string())
            .filter(|u| !u.is_empty());
        let id = headers
            .get("WARC-Record-ID")
            .map(|id| id.trim_matches(['<', '>']).to_string())
            .filter(|id| !id.is_empty())
            .unwrap_or_else(|| format!("{}#{}", self.name, self.records + 1));
        let about = match &uri {
            Some(uri) => format!("{}: record at byte {start} ({uri})", self.name),
            None => format!("{}: record at byte {start}", self.name),
        };
        let Some(length) = headers
            .get("Content-Length")
            .and_then(|v| v.trim().parse::<u64>().ok())
        else {
            let tail = match self.resume() {
                Ok(tail) => tail,
                Err(event) => return vec![*event],
            };
            return vec![Event::Error(DocError::new(
                id,
                format!("{about} has no valid Content-Length; record not read{tail}"),
            ))];
        };
        let kind = headers.get("WARC-Type").unwrap_or("").to_ascii_lowercase();
        let wanted = kind == "response"
            && headers
                .get("Content-Type")
                .is_none_or(|ct| ct.to_ascii_lowercase().contains("application/http"));
        // The block is kept (up to the cap) whatever the record's type: if
        // its length turns out wrong, the next record is searched in it.
        let mut body = Vec::new();
        let kept = match (&mut self.reader)
            .take(length.min(MAX_RECORD_BYTES))
            .read_to_end(&mut body)
        {
            Ok(n) => n as u64,
            Err(err) => {
                let event = self.read_error(err, &id, &format!("{about}: not read"));
                return self.then_resume(event);
            }
        };
        let skipped = match io::copy(&mut (&mut self.reader).take(length - kept), &mut io::sink()) {
            Ok(n) => n,
            Err(err) => {
                let event = self.read_error(err, &id, &format!("{about}: not read"));
                return self.then_resume(event);
            }
        };
        if kept + skipped < length {
            // The archive ends inside the block: truncated, or the length is
            // wrong and the next record is inside what was read.
            self.reader.unread(&body);
            return match self.skip_to_record() {
                Ok(true) => vec![Event::Error(DocError::new(
                    id,
                    format!(
                        "{about}: Content-Length {length} runs past the end of the archive; \
                         record not read; reading resumed at the next record, byte {}",
                        self.reader.offset
                    ),
                ))],
                Ok(false) => {
                    let at = uri.as_deref().unwrap_or("a record");
                    vec![self.fatal(format!("archive truncated inside {at}"))]
                }
                Err(event) => vec![*event],
            };
        }
        let mut later = Vec::new();
        match self.check_end(&mut later) {
            Ok(End::Good) => {}
            Ok(End::Wrong(ends)) => {
                self.reader.unread(&ends);
                if kept == length {
                    self.reader.unread(&body);
                }
                let tail = match self.resume() {
                    Ok(tail) => tail,
                    Err(event) => return vec![*event],
                };
                let mut events = vec![Event::Error(DocError::new(
                    id,
                    format!(
                        "{about}: Content-Length {length} does not match the record (no record \
                         starts where it ends); record not read{tail}"
                    ),
                ))];
                events.append(&mut later);
                return events;
            }
            Err(err) => {
                let event = self.read_error(err, &id, &format!("{about}: not read"));
                let mut events = later;
                events.append(&mut self.then_resume(event));
                return events;
            }
        }
        self.records += 1;
        let mut events =
            self.record_events(&headers, &kind, wanted, length, body, id, uri, extractor);
        events.append(&mut later);
        events
    }

    /// The events of a record read whole: skipped, too large, or its page.
    #[allow(clippy::too_many_arguments)]
    fn record_events(
        &mut self,
        headers: &Headers,
        kind: &str,
        wanted: bool,
        length: u64,
        body: Vec<u8>,
        id: String,
        uri: Option<String>,
        extractor: &mut Extractor,
    ) -> Vec<Event> {
        if !wanted {
            return vec![Event::Skipped(match kind {
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

    /// The error of a damaged record, then (unless reading cannot go on)
    /// the search for the next record.
    fn then_resume(&mut self, event: Event) -> Vec<Event> {
        if self.done {
            return vec![event];
        }
        match self.skip_to_record() {
            Ok(true) => vec![event],
            Ok(false) => {
                self.done = true;
                vec![event]
            }
            Err(last) => vec![event, *last],
        }
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
    reader: &mut impl BufRead,
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
