//! The document stream: walks inputs and directories lazily and turns each
//! file into documents, one at a time, counting what it reads, skips and fails.

use std::collections::{HashMap, HashSet, VecDeque};
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use dyad_types::{Date, DocError, Document};

use crate::html::{Extractor, Ticket};
use crate::sniff::{self, Sniffed};
use crate::{clean, decode, gzip, html, jsonl, warc};
use crate::{Article, IngestError, Input, Item, ReadOptions, Summary};

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
    Ready(Item<Article>),
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
/// multi-member file, damaged ones passed over: [`gzip`]) when it starts
/// with the gzip magic bytes, whatever its name says (`.warc` files are
/// often compressed, `.gz` ones sometimes not).
pub(crate) fn open(path: &Path) -> io::Result<Box<dyn BufRead + Send>> {
    let file = File::open(path)?;
    decompressed(Box::new(BufReader::with_capacity(64 * 1024, file)))
}

/// The stream itself, or what it decompresses to when it starts with the
/// gzip magic bytes.
pub(crate) fn decompressed(
    mut reader: Box<dyn BufRead + Send>,
) -> io::Result<Box<dyn BufRead + Send>> {
    let mut head = Vec::new();
    while head.len() < 2 {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            break;
        }
        let take = buf.len().min(2 - head.len());
        head.extend_from_slice(&buf[..take]);
        reader.consume(take);
    }
    let gzip = head == [0x1f, 0x8b];
    let reader: Box<dyn BufRead + Send> = Box::new(io::Cursor::new(head).chain(reader));
    if gzip {
        Ok(Box::new(BufReader::with_capacity(
            64 * 1024,
            gzip::GzipReader::new(reader),
        )))
    } else {
        Ok(reader)
    }
}

/// Reads one document's bytes, at most `limit`: `true` when there was
/// more, and notes on damaged gzip data that cost nothing (bytes after
/// the last member that are not gzip): the document is whole. Damage
/// inside a member is an error.
fn read_document(reader: &mut dyn Read, limit: u64) -> io::Result<(Vec<u8>, bool, Vec<String>)> {
    let mut bytes = Vec::new();
    let mut notes = Vec::new();
    loop {
        let room = (limit + 1).saturating_sub(bytes.len() as u64);
        match (&mut *reader).take(room).read_to_end(&mut bytes) {
            Ok(_) => break,
            Err(err) => match gzip::damage(&err) {
                Some(damage) if damage.delivered == 0 && notes.len() < 16 => {
                    notes.push(format!("{damage}; the document before it is whole"));
                }
                _ => return Err(err),
            },
        }
    }
    let cut = bytes.len() as u64 > limit;
    if cut {
        bytes.truncate(limit as usize);
    }
    Ok((bytes, cut, notes))
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
    /// Time one page may take to extract.
    page_budget: Duration,
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
            page_budget: html::PAGE_TIME_BUDGET,
        }
    }

    pub(crate) fn from_warc(
        reader: Box<dyn Read + Send>,
        name: &str,
        options: ReadOptions,
    ) -> Documents {
        let mut docs = Documents::new(Vec::new(), options);
        let buffered: Box<dyn BufRead + Send> =
            Box::new(BufReader::with_capacity(64 * 1024, reader));
        match decompressed(buffered) {
            Ok(reader) => {
                docs.current = Some(Box::new(warc::WarcSource::new(reader, name.to_string())));
            }
            Err(err) => {
                let event =
                    Event::Error(DocError::new(name, format!("{name}: cannot read: {err}")));
                Documents::take(&mut docs, event);
            }
        }
        docs
    }

    /// Counts so far: documents read, skipped (by kind), failed, warnings.
    pub fn summary(&self) -> Summary {
        self.summary.clone()
    }

    /// Sends warnings (documents read with a note, such as lossy decoding) to
    /// `handler` instead of yielding them (as `Err` items from the iterator,
    /// as [`Item::Warning`] from [`Documents::next_item`]).
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
    /// these); the `Iterator` gives the same items as [`Document`]s. A
    /// warning is an `Err` whose message starts with
    /// [`WARNING_PREFIX`](crate::WARNING_PREFIX), right before its document
    /// (unless [`Documents::on_warning`] takes it).
    pub fn next_article(&mut self) -> Option<Result<Article, DocError>> {
        self.next_article_item().map(|item| match item {
            Item::Document(article) => Ok(article),
            Item::Warning(mut warning) => {
                warning.error = format!("{}{}", crate::WARNING_PREFIX, warning.error);
                Err(warning)
            }
            Item::Error(err) => Err(err),
        })
    }

    /// The next item: a document, a warning about the document that comes
    /// next, or an error (a document, record or line that could not be read).
    pub fn next_item(&mut self) -> Option<Item> {
        self.next_article_item()
            .map(|item| item.map(Document::from))
    }

    /// [`Documents::next_item`] with the article's metadata (`dyad extract`).
    pub fn next_article_item(&mut self) -> Option<Item<Article>> {
        loop {
            match self.pending.front() {
                Some(Slot::Ready(_)) => {
                    if let Some(Slot::Ready(item)) = self.pending.pop_front() {
                        if let (Item::Warning(warning), Some(handler)) =
                            (&item, self.on_warning.as_mut())
                        {
                            handler(warning.clone());
                            continue;
                        }
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

    /// The stream as typed items ([`Item`]) instead of `Result`s.
    pub fn items(self) -> crate::Items {
        crate::Items::new(self)
    }

    /// Sets how many threads extract pages (default: one per core, up to four).
    pub fn threads(mut self, threads: usize) -> Documents {
        self.extractor = Extractor::new(self.page_budget, threads);
        self
    }

    /// Sets the time one page may take to extract (default
    /// [`html::PAGE_TIME_BUDGET`]); a page over it is an error and its
    /// extraction stops.
    pub fn page_budget(mut self, budget: Duration) -> Documents {
        self.page_budget = budget;
        self.extractor = Extractor::new(budget, self.extractor.threads());
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
                self.pending.push_back(Slot::Ready(Item::Document(article)));
            }
            Event::Warning(warning) => {
                self.summary.warnings += 1;
                self.pending.push_back(Slot::Ready(Item::Warning(warning)));
            }
            Event::Error(err) => {
                self.summary.failed += 1;
                self.pending.push_back(Slot::Ready(Item::Error(err)));
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
            Some(kind) => Some(kind),
            None if in_dir => {
                self.summary.skip("unknown file type");
                return;
            }
            // Named explicitly: the user means it, so its content decides.
            None => None,
        };
        let name = path.display().to_string();
        let reader = match open(path) {
            Ok(reader) => reader,
            Err(err) => {
                self.take(Event::Error(DocError::new(id, format!("{name}: {err}"))));
                return;
            }
        };
        let Some(kind) = kind else {
            let url = urls.get(&id).cloned();
            self.open_stream(reader, id, &name, url.as_deref());
            return;
        };
        let url = urls.get(&id).cloned();
        self.open_kind(kind, reader, id, &name, url.as_deref());
    }

    /// Reads a stream of a known kind.
    fn open_kind(
        &mut self,
        kind: Kind,
        reader: Box<dyn BufRead + Send>,
        id: String,
        name: &str,
        url: Option<&str>,
    ) {
        let name = name.to_string();
        match kind {
            Kind::Text => {
                let limit = self.options.max_text_bytes;
                for event in text_document(reader, id, &name, self.clean_text, limit) {
                    self.take(event);
                }
            }
            Kind::Html => {
                for event in html_document(reader, id, &name, url, &mut self.extractor) {
                    self.take(event);
                }
            }
            Kind::Jsonl => match sniff::jsonl_reader(reader) {
                Ok(reader) => {
                    self.current = Some(Box::new(JsonlSource::new(
                        reader,
                        name,
                        id,
                        self.clean_text,
                    )));
                }
                Err(err) => self.take(Event::Error(DocError::new(id, format!("{name}: {err}")))),
            },
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
        let reader: Box<dyn BufRead + Send> = Box::new(BufReader::with_capacity(64 * 1024, raw));
        self.open_stream(reader, "stdin".to_string(), "stdin", None);
    }

    /// Reads a stream whose kind its first bytes tell (standard input, a
    /// file named explicitly whose name says nothing): gzip (decompressed,
    /// then told again), WARC, JSON lines, HTML or text.
    fn open_stream(
        &mut self,
        reader: Box<dyn BufRead + Send>,
        id: String,
        name: &str,
        url: Option<&str>,
    ) {
        let mut reader = reader;
        // Gzip inside gzip is told once more; deeper nesting is not news.
        for _ in 0..3 {
            let (kind, sniffed) = match sniff::sniff(reader) {
                Ok(sniffed) => sniffed,
                Err(err) => {
                    let what = match gzip::damage(&err) {
                        Some(damage) => damage.to_string(),
                        None => format!("cannot read: {err}"),
                    };
                    self.take(Event::Error(DocError::new(id, format!("{name}: {what}"))));
                    return;
                }
            };
            let kind = match kind {
                Sniffed::Gzip => {
                    reader = Box::new(BufReader::with_capacity(
                        64 * 1024,
                        gzip::GzipReader::new(sniffed),
                    ));
                    continue;
                }
                Sniffed::Warc => Kind::Warc,
                Sniffed::Jsonl => Kind::Jsonl,
                Sniffed::Html => Kind::Html,
                Sniffed::Text => Kind::Text,
            };
            self.open_kind(kind, sniffed, id, name, url);
            return;
        }
        self.take(Event::Error(DocError::new(
            id,
            format!("{name}: gzip nested more than twice; not read"),
        )));
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

/// A whole text file as one document; one longer than `limit` (the
/// caller's largest document) is an error, read no further.
fn text_document(
    mut reader: Box<dyn BufRead + Send>,
    id: String,
    name: &str,
    clean: bool,
    limit: Option<u64>,
) -> Vec<Event> {
    let cap = limit.map_or(MAX_TEXT_BYTES, |l| l.min(MAX_TEXT_BYTES));
    let (bytes, cut, notes) = match read_document(&mut reader, cap) {
        Ok(read) => read,
        Err(err) => return vec![Event::Error(DocError::new(id, format!("{name}: {err}")))],
    };
    if cut && limit.is_some() {
        return vec![Event::Error(DocError::new(
            id,
            format!(
                "{name}: document too large: more than {:.1} MB of text, dyad codes documents up \
                 to that size; split it into articles",
                cap as f64 / (1 << 20) as f64
            ),
        ))];
    }
    let mut events: Vec<Event> = notes
        .into_iter()
        .map(|note| Event::Warning(DocError::new(id.clone(), format!("{name}: {note}"))))
        .collect();
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
    let (bytes, cut, notes) = match read_document(&mut reader, html::MAX_PAGE_BYTES as u64) {
        Ok(read) => read,
        Err(err) => return vec![Event::Error(DocError::new(id, format!("{name}: {err}")))],
    };
    let mut events: Vec<Event> = notes
        .into_iter()
        .map(|note| Event::Warning(DocError::new(id.clone(), format!("{name}: {note}"))))
        .collect();
    if cut {
        events.push(Event::Error(DocError::new(
            id,
            format!(
                "{name}: page larger than {} MiB; not read",
                html::MAX_PAGE_BYTES >> 20
            ),
        )));
        return events;
    }
    events.extend(html_events(
        &bytes,
        id,
        name,
        url,
        None,
        Post::Nothing,
        extractor,
    ));
    events
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
        let id = record.id.clone().unwrap_or(fallback_id);
        let warn = |queue: &mut VecDeque<Event>, what: &str| {
            queue.push_back(Event::Warning(DocError::new(
                id.clone(),
                format!("{at}: {what}"),
            )));
        };
        if let Some(warning) = decoded.warning() {
            warn(&mut self.queue, &warning);
        }
        for warning in &record.warnings {
            warn(&mut self.queue, warning);
        }
        let text = record.text.value().filter(|t| !t.trim().is_empty());
        let html = record.html.value().filter(|h| !h.trim().is_empty());
        // A field of the wrong type costs the document only when the other
        // field cannot stand in.
        if text.is_some() || html.is_some() {
            for field in [&record.text, &record.html] {
                if let jsonl::Field::Wrong(why) = field {
                    warn(&mut self.queue, &format!("{why}; ignored"));
                }
            }
        }
        let mut article = match (text, html) {
            (Some(text), _) => {
                let text = if self.clean {
                    clean::clean_text(text)
                } else {
                    text.to_string()
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
            (None, Some(html)) => {
                let post = Post::Given {
                    title: record.title.clone(),
                    url: record.url.clone(),
                    date: record.date,
                };
                let events = html_events(
                    html.as_bytes(),
                    id,
                    &at,
                    record.url.as_deref(),
                    Some("utf-8"),
                    post,
                    extractor,
                );
                self.queue.extend(events);
                return;
            }
            (None, None) => {
                let why = match (&record.text, &record.html) {
                    (jsonl::Field::Wrong(why), _) | (_, jsonl::Field::Wrong(why)) => why.clone(),
                    (jsonl::Field::Value(_), _) | (_, jsonl::Field::Value(_)) => {
                        "empty document".to_string()
                    }
                    _ => "neither \"text\" nor \"html\" given".to_string(),
                };
                self.queue
                    .push_back(Event::Error(DocError::new(id, format!("{at}: {why}"))));
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
        if record.date.is_some() {
            article.date = record.date;
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
                    // Damaged gzip data costs the lines it held; reading
                    // goes on at the next member. Other errors end the file.
                    self.done = gzip::damage(&err).is_none();
                    self.line_no += 1;
                    let what = match gzip::damage(&err) {
                        Some(damage) => format!("{damage}; the lines it held are lost"),
                        None => err.to_string(),
                    };
                    return Some(Event::Error(DocError::new(
                        format!("{}:{}", self.stem, self.line_no),
                        format!("{} line {}: {what}", self.name, self.line_no),
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
