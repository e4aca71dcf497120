//! The document stream: walks inputs and directories lazily and turns each
//! file into documents, one at a time, counting what it reads, skips and fails.

use std::collections::{HashMap, HashSet, VecDeque};
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use dyad_types::{Date, DocError, Document};

use crate::decode;
use crate::html::{Extractor, Ticket};
use crate::{clean, html, jsonl, warc, Article, IngestError, Input, ReadOptions, Summary};

/// The largest text document or JSON line read; a longer one is cut here and
/// reported. Far above any article (a 50 MB text is still one document), but
/// it bounds memory on a runaway file or a decompression bomb.
pub const MAX_TEXT_BYTES: u64 = 256 * 1024 * 1024;

/// Deeper directory trees than this are not walked (symbolic-link loops).
const MAX_DIR_DEPTH: usize = 64;

/// What a source produces, before the stream counts it.
pub(crate) enum Event {
    Doc(Article),
    Warning(DocError),
    Error(DocError),
    Skipped(&'static str),
    /// A page being extracted on a worker thread.
    Page(PendingPage),
}

/// A page submitted for extraction, with what to do with its article.
pub(crate) struct PendingPage {
    ticket: Ticket,
    id: String,
    name: String,
    post: Post,
}

/// Fields that the page's container knows better than the page.
pub(crate) enum Post {
    Nothing,
    /// A WARC record's fetch date, used when the page gives no date.
    FetchDate(Option<Date>),
    /// A JSON line's own title, URL and date, which win over the page's.
    Given {
        title: Option<String>,
        url: Option<String>,
        date: Option<Date>,
    },
}

impl PendingPage {
    /// Waits for the page and turns it into events: warnings, then the
    /// document or one error.
    fn resolve(self) -> Vec<Event> {
        let PendingPage {
            ticket,
            id,
            name,
            post,
        } = self;
        let extracted = match ticket.wait() {
            Ok(extracted) => extracted,
            Err(err) => return vec![Event::Error(DocError::new(id, format!("{name}: {err}")))],
        };
        let mut events: Vec<Event> = extracted
            .warnings
            .into_iter()
            .map(|w| Event::Warning(DocError::new(id.clone(), format!("{name}: {w}"))))
            .collect();
        let mut article = extracted.article;
        article.id = id;
        match post {
            Post::Nothing => {}
            Post::FetchDate(fetched) => {
                if article.date.is_none() && fetched.is_some() {
                    article.date = fetched;
                    article.date_source = Some("warc");
                }
            }
            Post::Given { title, url, date } => {
                if title.is_some() {
                    article.title = title;
                }
                if url.is_some() {
                    article.url = url;
                }
                if date.is_some() {
                    article.date = date;
                    article.date_source = Some("input");
                }
            }
        }
        events.push(Event::Doc(article));
        events
    }
}

/// An item of the stream: ready to hand out, or a page still being extracted.
enum Slot {
    Ready(Result<Article, DocError>),
    Waiting(PendingPage),
}

/// A file that yields several documents (JSON lines, WARC records).
pub(crate) trait Source: Send {
    fn next_event(&mut self, extractor: &mut Extractor) -> Option<Event>;
}

/// What files are, by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Text,
    Jsonl,
    Html,
    Warc,
}

/// A file's kind (`None` when unknown), whether it is gzip-compressed, and its
/// document id (the name without the kind's extensions).
pub(crate) fn classify(path: &Path) -> (Option<Kind>, bool, String) {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let lower = name.to_ascii_lowercase();
    let (base, gz) = match lower.strip_suffix(".gz") {
        Some(base) => (base, true),
        None => (lower.as_str(), false),
    };
    let (kind, ext_len) = match base.rsplit_once('.') {
        Some((_, ext)) => {
            let kind = match ext {
                "txt" | "text" => Some(Kind::Text),
                "jsonl" | "ndjson" => Some(Kind::Jsonl),
                "html" | "htm" | "xhtml" => Some(Kind::Html),
                "warc" => Some(Kind::Warc),
                _ => None,
            };
            (kind, ext.len() + 1 + if gz { 3 } else { 0 })
        }
        None => (None, 0),
    };
    let stem = match kind {
        Some(_) => name[..name.len() - ext_len].to_string(),
        None => path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or(name),
    };
    (kind, gz, stem)
}

/// Checks that an input exists and can be opened.
pub(crate) fn check_readable(path: &Path) -> Result<(), IngestError> {
    let meta = fs::metadata(path).map_err(|err| match err.kind() {
        io::ErrorKind::NotFound => IngestError::NotFound(path.to_path_buf()),
        _ => IngestError::Unreadable {
            path: path.to_path_buf(),
            source: err,
        },
    })?;
    let opened = if meta.is_dir() {
        fs::read_dir(path).map(drop)
    } else {
        File::open(path).map(drop)
    };
    opened.map_err(|source| IngestError::Unreadable {
        path: path.to_path_buf(),
        source,
    })
}

/// Opens a file for reading, through a gzip decoder (all members of a
/// multi-member file) when it starts with the gzip magic bytes, whatever its
/// name says (`.warc` files are often compressed, `.gz` ones sometimes not).
pub(crate) fn open(path: &Path) -> io::Result<Box<dyn BufRead + Send>> {
    let mut file = BufReader::with_capacity(64 * 1024, File::open(path)?);
    let magic = file.fill_buf()?.starts_with(&[0x1f, 0x8b]);
    if magic {
        let decoder = flate2::read::MultiGzDecoder::new(file);
        Ok(Box::new(BufReader::with_capacity(64 * 1024, decoder)))
    } else {
        Ok(Box::new(file))
    }
}

/// Reads at most `limit` bytes; `true` when there was more.
pub(crate) fn read_capped(reader: &mut dyn Read, limit: u64) -> io::Result<(Vec<u8>, bool)> {
    let mut bytes = Vec::new();
    reader.take(limit + 1).read_to_end(&mut bytes)?;
    let cut = bytes.len() as u64 > limit;
    if cut {
        bytes.truncate(limit as usize);
    }
    Ok((bytes, cut))
}

/// One directory being walked: its remaining entries, sorted, and its
/// `urls.tsv` (page id → URL), if any.
struct DirFrame {
    entries: std::vec::IntoIter<PathBuf>,
    urls: Arc<HashMap<String, String>>,
}

type WarningHandler = Box<dyn FnMut(DocError) + Send>;

/// A lazy stream of documents from a list of inputs; see the crate docs.
pub struct Documents {
    inputs: VecDeque<Input>,
    dirs: Vec<DirFrame>,
    visited: HashSet<PathBuf>,
    current: Option<Box<dyn Source>>,
    pending: VecDeque<Slot>,
    /// Pages in `pending` still being extracted.
    in_flight: usize,
    /// No input left to read.
    exhausted: bool,
    options: ReadOptions,
    summary: Summary,
    on_warning: Option<WarningHandler>,
    stdin: Option<Box<dyn Read + Send>>,
    clean_text: bool,
    extractor: Extractor,
}

impl Documents {
    pub(crate) fn new(inputs: Vec<Input>, options: ReadOptions) -> Documents {
        Documents {
            inputs: inputs.into(),
            dirs: Vec::new(),
            visited: HashSet::new(),
            current: None,
            pending: VecDeque::new(),
            in_flight: 0,
            exhausted: false,
            options,
            summary: Summary::default(),
            on_warning: None,
            stdin: None,
            clean_text: true,
            extractor: Extractor::new(html::PAGE_TIME_BUDGET, default_threads()),
        }
    }

    pub(crate) fn from_warc(
        reader: Box<dyn Read + Send>,
        name: &str,
        options: ReadOptions,
    ) -> Documents {
        let mut docs = Documents::new(Vec::new(), options);
        let mut buffered = BufReader::with_capacity(64 * 1024, reader);
        let gzip = buffered
            .fill_buf()
            .is_ok_and(|b| b.starts_with(&[0x1f, 0x8b]));
        let reader: Box<dyn BufRead + Send> = if gzip {
            Box::new(BufReader::with_capacity(
                64 * 1024,
                flate2::read::MultiGzDecoder::new(buffered),
            ))
        } else {
            Box::new(buffered)
        };
        docs.current = Some(Box::new(warc::WarcSource::new(reader, name.to_string())));
        docs
    }

    /// Counts so far: documents read, skipped (by kind), failed, warnings.
    pub fn summary(&self) -> Summary {
        self.summary.clone()
    }

    /// Sends warnings (documents read with a note, such as lossy decoding) to
    /// `handler` instead of yielding them as `Err` items.
    pub fn on_warning(mut self, handler: impl FnMut(DocError) + Send + 'static) -> Documents {
        self.on_warning = Some(Box::new(handler));
        self
    }

    /// Reads "standard input" from `reader` instead (for tests and embedding).
    pub fn with_stdin(mut self, reader: impl Read + Send + 'static) -> Documents {
        self.stdin = Some(Box::new(reader));
        self
    }

    /// Whether plain-text documents are cleaned of scraping debris
    /// (navigation, share and cookie lines, photo credits; see [`clean`]).
    /// On by default; HTML pages are always reduced to their main content.
    pub fn clean_text(mut self, on: bool) -> Documents {
        self.clean_text = on;
        self
    }

    /// The next article with all the metadata found (`dyad extract` writes
    /// these); the `Iterator` gives the same items as [`Document`]s.
    pub fn next_article(&mut self) -> Option<Result<Article, DocError>> {
        loop {
            match self.pending.front() {
                Some(Slot::Ready(_)) => {
                    if let Some(Slot::Ready(item)) = self.pending.pop_front() {
                        return Some(item);
                    }
                }
                // Read ahead while pages are extracted on the workers.
                Some(Slot::Waiting(_))
                    if !self.exhausted && self.in_flight < 2 * self.extractor.threads() =>
                {
                    self.advance();
                }
                Some(Slot::Waiting(_)) => {
                    if let Some(Slot::Waiting(page)) = self.pending.pop_front() {
                        self.in_flight -= 1;
                        let before = self.pending.len();
                        for event in page.resolve() {
                            self.take(event);
                        }
                        // What the page gave goes out before the pages after it.
                        let added = self.pending.len() - before;
                        self.pending.rotate_right(added);
                    }
                }
                None if self.exhausted => return None,
                None => self.advance(),
            }
        }
    }

    /// Sets how many threads extract pages (default: one per core, up to four).
    pub fn threads(mut self, threads: usize) -> Documents {
        self.extractor = Extractor::new(html::PAGE_TIME_BUDGET, threads);
        self
    }

    /// One step of reading: the next event of the current file, or the next
    /// file or input. Marks the stream exhausted at the end.
    fn advance(&mut self) {
        if let Some(source) = self.current.as_mut() {
            match source.next_event(&mut self.extractor) {
                Some(event) => self.take(event),
                None => self.current = None,
            }
            return;
        }
        if let Some((path, urls)) = self.next_dir_entry() {
            self.open_file(&path, true, &urls);
            return;
        }
        match self.inputs.pop_front() {
            None => self.exhausted = true,
            Some(Input::Stdin) => self.open_stdin(),
            Some(Input::Path(path)) => {
                if path.is_dir() {
                    self.enter_dir(&path);
                } else {
                    self.open_file(&path, false, &Arc::new(HashMap::new()));
                }
            }
        }
    }

    /// Counts an event and queues what the caller should see.
    fn take(&mut self, event: Event) {
        match event {
            Event::Doc(mut article) => {
                if article.date.is_none() && self.options.default_date.is_some() {
                    article.date = self.options.default_date;
                    article.date_source = Some("default");
                }
                self.summary.read += 1;
                self.pending.push_back(Slot::Ready(Ok(article)));
            }
            Event::Warning(mut warning) => {
                self.summary.warnings += 1;
                match self.on_warning.as_mut() {
                    Some(handler) => handler(warning),
                    None => {
                        warning.error = format!("{}{}", crate::WARNING_PREFIX, warning.error);
                        self.pending.push_back(Slot::Ready(Err(warning)));
                    }
                }
            }
            Event::Error(err) => {
                self.summary.failed += 1;
                self.pending.push_back(Slot::Ready(Err(err)));
            }
            Event::Skipped(kind) => self.summary.skip(kind),
            Event::Page(page) => {
                self.in_flight += 1;
                self.pending.push_back(Slot::Waiting(page));
            }
        }
    }

    fn enter_dir(&mut self, path: &Path) {
        if self.dirs.len() >= MAX_DIR_DEPTH {
            self.take(Event::Error(DocError::new(
                path.display().to_string(),
                format!("directory nested deeper than {MAX_DIR_DEPTH} levels; not read"),
            )));
            return;
        }
        // A symbolic link back up the tree would walk forever.
        let canonical = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if !self.visited.insert(canonical) {
            self.summary.skip("directory already read");
            return;
        }
        let listing = fs::read_dir(path).and_then(|entries| {
            entries
                .map(|entry| entry.map(|e| e.path()))
                .collect::<io::Result<Vec<PathBuf>>>()
        });
        let mut entries = match listing {
            Ok(entries) => entries,
            Err(err) => {
                self.take(Event::Error(DocError::new(
                    path.display().to_string(),
                    format!("cannot list directory: {err}"),
                )));
                return;
            }
        };
        entries.sort();
        let urls = match read_urls_tsv(&path.join("urls.tsv")) {
            Ok(urls) => urls,
            Err(err) => {
                self.take(Event::Warning(DocError::new(
                    path.join("urls.tsv").display().to_string(),
                    format!("cannot read urls.tsv: {err}; pages have no URL"),
                )));
                HashMap::new()
            }
        };
        self.dirs.push(DirFrame {
            entries: entries.into_iter(),
            urls: Arc::new(urls),
        });
    }

    /// The next file of the directory walk, entering subdirectories as met.
    fn next_dir_entry(&mut self) -> Option<(PathBuf, Arc<HashMap<String, String>>)> {
        loop {
            let frame = self.dirs.last_mut()?;
            let Some(path) = frame.entries.next() else {
                self.dirs.pop();
                continue;
            };
            if path.is_dir() {
                self.enter_dir(&path);
                continue;
            }
            if path.file_name().is_some_and(|name| name == "urls.tsv") {
                continue;
            }
            return Some((path, Arc::clone(&frame.urls)));
        }
    }

    fn open_file(&mut self, path: &Path, in_dir: bool, urls: &Arc<HashMap<String, String>>) {
        let (kind, _, id) = classify(path);
        let kind = match kind {
            Some(kind) => kind,
            None if in_dir => {
                self.summary.skip("unknown file type");
                return;
            }
            // Named explicitly: the user means it, so read it as text.
            None => Kind::Text,
        };
        let name = path.display().to_string();
        let reader = match open(path) {
            Ok(reader) => reader,
            Err(err) => {
                self.take(Event::Error(DocError::new(id, format!("{name}: {err}"))));
                return;
            }
        };
        match kind {
            Kind::Text => {
                for event in text_document(reader, id, &name, self.clean_text) {
                    self.take(event);
                }
            }
            Kind::Html => {
                let url = urls.get(&id).cloned();
                for event in html_document(reader, id, &name, url.as_deref(), &mut self.extractor) {
                    self.take(event);
                }
            }
            Kind::Jsonl => {
                self.current = Some(Box::new(JsonlSource::new(
                    reader,
                    name,
                    id,
                    self.clean_text,
                )));
            }
            Kind::Warc => {
                self.current = Some(Box::new(warc::WarcSource::new(reader, name)));
            }
        }
    }

    fn open_stdin(&mut self) {
        let raw: Box<dyn Read + Send> = match self.stdin.take() {
            Some(reader) => reader,
            None => Box::new(io::stdin()),
        };
        let mut reader = BufReader::with_capacity(64 * 1024, raw);
        // Look past leading blanks for the first character, keeping them so
        // that a text document is exactly what was sent.
        let mut lead = Vec::new();
        let first = loop {
            let buf = match reader.fill_buf() {
                Ok(buf) => buf,
                Err(err) => {
                    self.take(Event::Error(DocError::new(
                        "stdin",
                        format!("cannot read standard input: {err}"),
                    )));
                    return;
                }
            };
            if buf.is_empty() {
                break None;
            }
            let blanks = buf.iter().take_while(|b| b.is_ascii_whitespace()).count();
            let first = buf.get(blanks).copied();
            lead.extend_from_slice(&buf[..blanks]);
            reader.consume(blanks);
            if first.is_some() {
                break first;
            }
        };
        if first == Some(b'{') {
            self.current = Some(Box::new(JsonlSource::new(
                Box::new(reader),
                "stdin".to_string(),
                "stdin".to_string(),
                self.clean_text,
            )));
            return;
        }
        let chained: Box<dyn BufRead + Send> = Box::new(io::Cursor::new(lead).chain(reader));
        for event in text_document(chained, "stdin".to_string(), "stdin", self.clean_text) {
            self.take(event);
        }
    }
}

impl Iterator for Documents {
    type Item = Result<Document, DocError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_article().map(|item| item.map(Document::from))
    }
}

/// `urls.tsv`: `<id>\t<url>` per line; a missing file is an empty map.
fn read_urls_tsv(path: &Path) -> io::Result<HashMap<String, String>> {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(HashMap::new()),
        Err(err) => return Err(err),
    };
    let mut urls = HashMap::new();
    for line in BufReader::new(file).lines() {
        let line = line?;
        if let Some((id, url)) = line.split_once('\t') {
            let url = url.trim();
            if !url.is_empty() {
                urls.insert(id.trim().to_string(), url.to_string());
            }
        }
    }
    Ok(urls)
}

/// A whole text file as one document.
fn text_document(
    mut reader: Box<dyn BufRead + Send>,
    id: String,
    name: &str,
    clean: bool,
) -> Vec<Event> {
    let (bytes, cut) = match read_capped(&mut reader, MAX_TEXT_BYTES) {
        Ok(read) => read,
        Err(err) => return vec![Event::Error(DocError::new(id, format!("{name}: {err}")))],
    };
    let mut events = Vec::new();
    if cut {
        events.push(Event::Warning(DocError::new(
            id.clone(),
            format!(
                "{name}: longer than {} MiB; only the first {} MiB read",
                MAX_TEXT_BYTES >> 20,
                MAX_TEXT_BYTES >> 20
            ),
        )));
    }
    match decode::decode_text(&bytes) {
        Ok(decoded) => {
            if let Some(warning) = decoded.warning() {
                events.push(Event::Warning(DocError::new(
                    id.clone(),
                    format!("{name}: {warning}"),
                )));
            }
            let text = if clean {
                clean::clean_text(&decoded.text)
            } else {
                decoded.text
            };
            if text.trim().is_empty() {
                events.push(Event::Error(DocError::new(
                    id,
                    format!("{name}: no text left after removing boilerplate lines"),
                )));
            } else {
                events.push(Event::Doc(Article::new(id, text)));
            }
        }
        Err(err) => events.push(Event::Error(DocError::new(id, format!("{name}: {err}")))),
    }
    events
}

/// A whole HTML page as one document: its main content and metadata.
fn html_document(
    mut reader: Box<dyn BufRead + Send>,
    id: String,
    name: &str,
    url: Option<&str>,
    extractor: &mut Extractor,
) -> Vec<Event> {
    let (bytes, cut) = match read_capped(&mut reader, html::MAX_PAGE_BYTES as u64) {
        Ok(read) => read,
        Err(err) => return vec![Event::Error(DocError::new(id, format!("{name}: {err}")))],
    };
    if cut {
        return vec![Event::Error(DocError::new(
            id,
            format!(
                "{name}: page larger than {} MiB; not read",
                html::MAX_PAGE_BYTES >> 20
            ),
        ))];
    }
    html_events(&bytes, id, name, url, None, Post::Nothing, extractor)
}

/// Submits one page for extraction (shared with WARC records and JSON lines).
pub(crate) fn html_events(
    bytes: &[u8],
    id: String,
    name: &str,
    url: Option<&str>,
    http_charset: Option<&str>,
    post: Post,
    extractor: &mut Extractor,
) -> Vec<Event> {
    vec![Event::Page(PendingPage {
        ticket: extractor.submit(bytes, url, http_charset),
        id,
        name: name.to_string(),
        post,
    })]
}

/// Extraction threads by default: one per core, at most four.
fn default_threads() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(4)
}

/// One document per line of a JSON-lines stream.
struct JsonlSource {
    reader: Box<dyn BufRead + Send>,
    name: String,
    stem: String,
    line_no: usize,
    clean: bool,
    queue: VecDeque<Event>,
    done: bool,
}

impl JsonlSource {
    fn new(
        reader: Box<dyn BufRead + Send>,
        name: String,
        stem: String,
        clean: bool,
    ) -> JsonlSource {
        JsonlSource {
            reader,
            name,
            stem,
            line_no: 0,
            clean,
            queue: VecDeque::new(),
            done: false,
        }
    }

    fn line_events(&mut self, bytes: &[u8], cut: bool, extractor: &mut Extractor) {
        let fallback_id = format!("{}:{}", self.stem, self.line_no);
        let at = format!("{} line {}", self.name, self.line_no);
        if cut {
            self.queue.push_back(Event::Error(DocError::new(
                fallback_id,
                format!("{at}: longer than {} MiB; not read", MAX_TEXT_BYTES >> 20),
            )));
            return;
        }
        let decoded = decode::decode_utf8(bytes);
        let line = decoded.text.trim();
        if line.is_empty() {
            return;
        }
        let record = match jsonl::parse(line) {
            Ok(record) => record,
            Err(err) => {
                self.queue.push_back(Event::Error(DocError::new(
                    fallback_id,
                    format!("{at}: {err}"),
                )));
                return;
            }
        };
        let id = record.id().unwrap_or(fallback_id);
        if let Some(warning) = decoded.warning() {
            self.queue.push_back(Event::Warning(DocError::new(
                id.clone(),
                format!("{at}: {warning}"),
            )));
        }
        let date = match record.date() {
            Ok(date) => date,
            Err(err) => {
                self.queue.push_back(Event::Warning(DocError::new(
                    id.clone(),
                    format!("{at}: {err}"),
                )));
                None
            }
        };
        let mut article = match (&record.text, &record.html) {
            (Some(text), _) if !text.trim().is_empty() => {
                let text = if self.clean {
                    clean::clean_text(text)
                } else {
                    text.clone()
                };
                if text.trim().is_empty() {
                    self.queue.push_back(Event::Error(DocError::new(
                        id,
                        format!("{at}: no text left after removing boilerplate lines"),
                    )));
                    return;
                }
                Article::new(id, text)
            }
            (_, Some(html)) if !html.trim().is_empty() => {
                let post = Post::Given {
                    title: record.title.clone(),
                    url: record.url.clone(),
                    date,
                };
                let url = record.url.as_deref();
                let events = html_events(
                    html.as_bytes(),
                    id,
                    &at,
                    url,
                    Some("utf-8"),
                    post,
                    extractor,
                );
                self.queue.extend(events);
                return;
            }
            (Some(_), _) | (_, Some(_)) => {
                self.queue.push_back(Event::Error(DocError::new(
                    id,
                    format!("{at}: empty document"),
                )));
                return;
            }
            (None, None) => {
                self.queue.push_back(Event::Error(DocError::new(
                    id,
                    format!("{at}: neither \"text\" nor \"html\" given"),
                )));
                return;
            }
        };
        // The line's own fields win over what the page says about itself.
        if record.title.is_some() {
            article.title = record.title;
        }
        if record.url.is_some() {
            article.url = record.url;
        }
        if date.is_some() {
            article.date = date;
            article.date_source = Some("input");
        }
        self.queue.push_back(Event::Doc(article));
    }
}

impl Source for JsonlSource {
    fn next_event(&mut self, extractor: &mut Extractor) -> Option<Event> {
        loop {
            if let Some(event) = self.queue.pop_front() {
                return Some(event);
            }
            if self.done {
                return None;
            }
            match read_line_capped(&mut self.reader, MAX_TEXT_BYTES as usize) {
                Ok(None) => self.done = true,
                Ok(Some((bytes, cut))) => {
                    self.line_no += 1;
                    self.line_events(&bytes, cut, extractor);
                }
                Err(err) => {
                    self.done = true;
                    return Some(Event::Error(DocError::new(
                        format!("{}:{}", self.stem, self.line_no + 1),
                        format!("{} line {}: {err}", self.name, self.line_no + 1),
                    )));
                }
            }
        }
    }
}

/// Reads one line (without its end), keeping at most `limit` bytes of it and
/// discarding the rest; `None` at the end of the stream.
fn read_line_capped(
    reader: &mut Box<dyn BufRead + Send>,
    limit: usize,
) -> io::Result<Option<(Vec<u8>, bool)>> {
    let mut line = Vec::new();
    let mut cut = false;
    let mut any = false;
    loop {
        let buf = match reader.fill_buf() {
            Ok(buf) => buf,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        };
        if buf.is_empty() {
            return Ok(any.then_some((line, cut)));
        }
        any = true;
        let (chunk, found) = match buf.iter().position(|&b| b == b'\n') {
            Some(at) => (&buf[..at], Some(at)),
            None => (buf, None),
        };
        let room = limit.saturating_sub(line.len());
        if chunk.len() > room {
            cut = true;
        }
        line.extend_from_slice(&chunk[..chunk.len().min(room)]);
        let used = found.map_or(buf.len(), |at| at + 1);
        reader.consume(used);
        if found.is_some() {
            return Ok(Some((line, cut)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_ids_come_from_the_name() {
        let cases = [
            ("a/story.txt", Some(Kind::Text), false, "story"),
            ("b.jsonl", Some(Kind::Jsonl), false, "b"),
            ("p.Html.gz", Some(Kind::Html), true, "p"),
            ("crawl.warc.gz", Some(Kind::Warc), true, "crawl"),
            ("notes.md", None, false, "notes"),
            ("README", None, false, "README"),
            ("v1.2.htm", Some(Kind::Html), false, "v1.2"),
        ];
        for (path, kind, gz, id) in cases {
            assert_eq!(
                classify(Path::new(path)),
                (kind, gz, id.to_string()),
                "{path}"
            );
        }
    }

    #[test]
    fn long_lines_are_cut_and_the_next_line_is_whole() {
        let data = format!("{}\nshort\n", "x".repeat(100));
        let mut reader: Box<dyn BufRead + Send> = Box::new(BufReader::with_capacity(
            16,
            io::Cursor::new(data.into_bytes()),
        ));
        let (first, cut) = read_line_capped(&mut reader, 10).unwrap().unwrap();
        assert_eq!((first.len(), cut), (10, true));
        let (second, cut) = read_line_capped(&mut reader, 10).unwrap().unwrap();
        assert_eq!((second.as_slice(), cut), (&b"short"[..], false));
        assert!(read_line_capped(&mut reader, 10).unwrap().is_none());
    }
}
