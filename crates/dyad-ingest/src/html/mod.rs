//! HTML pages: decoding, main-content extraction and metadata (title, date,
//! author, site, language, canonical URL).
//!
//! [`extract`] is safe on any input: pages are capped in size, nesting deeper
//! than [`MAX_DEPTH`] is flattened before the content scorer sees it (deep
//! trees make recursive code overflow its stack and quadratic code crawl),
//! and [`Extractor`] runs each page on a worker thread with a large stack
//! and a time budget, so that one pathological page costs one error, not
//! the run.

mod content;
pub mod dates;
pub mod meta;
mod strip;

use std::sync::{mpsc, Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use dom_query::{Document, NodeRef};

use crate::decode;
use crate::Article;

/// Pages larger than this are not parsed: a DOM costs several times the page
/// size in memory, and no news article is this large.
pub const MAX_PAGE_BYTES: usize = 16 * 1024 * 1024;

/// Elements nested deeper than this are flattened to their text.
pub const MAX_DEPTH: usize = 256;

/// The article of a page plus notes about how it was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Extracted {
    pub article: Article,
    /// Non-fatal problems (e.g. malformed bytes in the declared encoding).
    pub warnings: Vec<String>,
}

/// Why a page gave no article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExtractError {
    #[error("empty document")]
    Empty,
    #[error("binary data, not an HTML page")]
    Binary,
    #[error("page larger than {} MiB; not read", MAX_PAGE_BYTES >> 20)]
    TooLarge,
    #[error("no article text found in the page")]
    NoText,
    #[error("extraction took longer than {0} s; page abandoned")]
    Timeout(u64),
    #[error("extraction failed: {0}")]
    Crashed(String),
}

/// Extracts the article of one page on the calling thread. `url` is where
/// the page came from (a hint for dates and links); `http_charset` is the
/// charset of an HTTP `Content-Type` header, when there was one. Prefer
/// [`Extractor`], which guards the stack and the time.
pub fn extract(
    bytes: &[u8],
    url: Option<&str>,
    http_charset: Option<&str>,
) -> Result<Extracted, ExtractError> {
    if bytes.len() > MAX_PAGE_BYTES {
        return Err(ExtractError::TooLarge);
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ExtractError::Empty);
    }
    let decoded = decode::decode_html(bytes, http_charset).map_err(|err| match err {
        decode::DecodeError::Empty => ExtractError::Empty,
        decode::DecodeError::Binary(..) => ExtractError::Binary,
    })?;
    let mut warnings = Vec::new();
    if let Some(warning) = decoded.warning() {
        warnings.push(warning);
    }
    let html = strip::strip_heavy(&decoded.text);
    let doc = Document::from(html.as_ref());
    if flatten_deep(&doc, MAX_DEPTH) {
        warnings.push(format!(
            "elements nested deeper than {MAX_DEPTH} levels were flattened"
        ));
    }
    let meta = meta::read(&doc, url);
    let text = match content::main_text(doc, url) {
        Some(text) => text,
        // The scorer found no article: take the page's visible text.
        None => content::fallback_text(&html).ok_or(ExtractError::NoText)?,
    };
    let article = Article {
        id: String::new(),
        url: url.map(str::to_string).or_else(|| meta.canonical.clone()),
        title: meta.title,
        date: meta.date,
        author: meta.author,
        site: meta
            .site
            .or_else(|| url.or(meta.canonical.as_deref()).and_then(host)),
        language: meta.language,
        canonical: meta.canonical,
        date_source: meta.date_source,
        text,
    };
    Ok(Extracted { article, warnings })
}

/// The host of a URL, without `www.` (a stand-in site name).
fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_string())
}

/// Replaces the children of every element at depth `max` by their text, so
/// that no element is nested deeper. Iterative: this must itself survive
/// the trees it guards against. Returns whether anything was flattened.
fn flatten_deep(doc: &Document, max: usize) -> bool {
    let mut deep: Vec<NodeRef> = Vec::new();
    let mut stack: Vec<(NodeRef, usize)> = vec![(doc.root(), 0)];
    while let Some((node, depth)) = stack.pop() {
        if depth >= max && node.is_element() {
            deep.push(node);
            continue;
        }
        let mut child = node.first_child();
        while let Some(c) = child {
            if c.is_element() || c.is_document() {
                stack.push((c, depth + 1));
            }
            child = c.next_sibling();
        }
    }
    for node in &deep {
        let text = subtree_text(node);
        node.remove_children();
        node.set_text(text.as_str());
    }
    !deep.is_empty()
}

/// The text under a node, gathered without recursion.
fn subtree_text(node: &NodeRef) -> String {
    let mut out = String::new();
    let mut stack = vec![*node];
    while let Some(n) = stack.pop() {
        if n.is_text() {
            out.push_str(&n.text());
            continue;
        }
        // Children are pushed last-first so they come out in order.
        let mut children = Vec::new();
        let mut child = n.first_child();
        while let Some(c) = child {
            children.push(c);
            child = c.next_sibling();
        }
        stack.extend(children.into_iter().rev());
    }
    out
}

/// How long one page may take before it is abandoned.
pub const PAGE_TIME_BUDGET: Duration = Duration::from_secs(10);

/// Stack size of the extraction threads: deep DOMs recurse.
const WORKER_STACK: usize = 256 * 1024 * 1024;

/// A page to extract and where to send the result.
struct Job {
    bytes: Vec<u8>,
    url: Option<String>,
    charset: Option<String>,
    started: Arc<OnceLock<Instant>>,
    reply: mpsc::Sender<Reply>,
}

type Reply = Result<Extracted, ExtractError>;

/// Runs [`extract`] on a pool of worker threads with large stacks. Pages
/// are [`submit`](Extractor::submit)ted and their results collected in any
/// order with [`Ticket::wait`], which enforces the per-page time budget: a
/// page that runs over is reported as an error and its worker is left to
/// finish alone (a new worker takes its place). A panic inside the
/// extractor becomes an error too.
pub struct Extractor {
    jobs: Option<mpsc::Sender<Job>>,
    queue: Arc<Mutex<mpsc::Receiver<Job>>>,
    threads: usize,
    spawned: usize,
    budget: Duration,
}

/// A submitted page.
pub struct Ticket {
    reply: mpsc::Receiver<Reply>,
    started: Arc<OnceLock<Instant>>,
    budget: Duration,
    /// Set when the page was extracted at once, on the calling thread.
    done: Option<Reply>,
}

impl Default for Extractor {
    fn default() -> Extractor {
        Extractor::new(PAGE_TIME_BUDGET, 1)
    }
}

impl Extractor {
    /// A pool of `threads` workers (at least one), each page limited to `budget`.
    pub fn new(budget: Duration, threads: usize) -> Extractor {
        let (jobs, queue) = mpsc::channel::<Job>();
        Extractor {
            jobs: Some(jobs),
            queue: Arc::new(Mutex::new(queue)),
            threads: threads.max(1),
            spawned: 0,
            budget,
        }
    }

    /// Worker threads in the pool.
    pub fn threads(&self) -> usize {
        self.threads
    }

    fn spawn_worker(&mut self) -> bool {
        let queue = Arc::clone(&self.queue);
        let spawned = std::thread::Builder::new()
            .name("dyad-extract".to_string())
            .stack_size(WORKER_STACK)
            .spawn(move || loop {
                // The lock is held only to take a job, not to run it.
                let job = match queue.lock() {
                    Ok(queue) => queue.recv(),
                    Err(_) => return,
                };
                let Ok(job) = job else {
                    return;
                };
                let _ = job.started.set(Instant::now());
                let result = std::panic::catch_unwind(|| {
                    extract(&job.bytes, job.url.as_deref(), job.charset.as_deref())
                })
                .unwrap_or_else(|panic| {
                    let what = panic
                        .downcast_ref::<&str>()
                        .map(|s| s.to_string())
                        .or_else(|| panic.downcast_ref::<String>().cloned())
                        .unwrap_or_else(|| "panic".to_string());
                    Err(ExtractError::Crashed(what))
                });
                let _ = job.reply.send(result);
            });
        if spawned.is_ok() {
            self.spawned += 1;
        }
        spawned.is_ok()
    }

    /// Queues one page for extraction.
    pub fn submit(
        &mut self,
        bytes: &[u8],
        url: Option<&str>,
        http_charset: Option<&str>,
    ) -> Ticket {
        while self.spawned < self.threads {
            if !self.spawn_worker() {
                break;
            }
        }
        let (reply, receiver) = mpsc::channel();
        let started = Arc::new(OnceLock::new());
        let job = Job {
            bytes: bytes.to_vec(),
            url: url.map(str::to_string),
            charset: http_charset.map(str::to_string),
            started: Arc::clone(&started),
            reply,
        };
        let sent = self.spawned > 0
            && self
                .jobs
                .as_ref()
                .is_some_and(|jobs| jobs.send(job).is_ok());
        Ticket {
            reply: receiver,
            started,
            budget: self.budget,
            // No thread to be had: do the work here.
            done: (!sent).then(|| extract(bytes, url, http_charset)),
        }
    }

    /// Extracts one page and waits for it.
    pub fn extract(
        &mut self,
        bytes: &[u8],
        url: Option<&str>,
        http_charset: Option<&str>,
    ) -> Reply {
        let ticket = self.submit(bytes, url, http_charset);
        let reply = ticket.wait();
        if reply == Err(ExtractError::Timeout(self.budget.as_secs())) {
            self.replace_stuck_worker();
        }
        reply
    }

    /// A worker is stuck on an abandoned page: add one to keep the pool's size.
    pub fn replace_stuck_worker(&mut self) {
        self.spawn_worker();
    }
}

impl Ticket {
    /// Waits for the page's result; the budget counts from when a worker
    /// started on it, not from when it was queued.
    pub fn wait(mut self) -> Reply {
        if let Some(done) = self.done.take() {
            return done;
        }
        let slice = Duration::from_millis(50).min(self.budget.max(Duration::from_millis(1)));
        loop {
            match self.reply.recv_timeout(slice) {
                Ok(reply) => return reply,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    if self
                        .started
                        .get()
                        .is_some_and(|t| t.elapsed() >= self.budget)
                    {
                        return Err(ExtractError::Timeout(self.budget.as_secs()));
                    }
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    return Err(ExtractError::Crashed(
                        "extraction thread stopped".to_string(),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html lang="en"><head>
        <title>Envoys meet in Nairobi - Example News</title>
        <meta property="og:site_name" content="Example News">
        <meta property="article:published_time" content="2021-05-30T23:50:00-04:00">
        </head><body>
        <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
        <div class="share-bar"><a>Share on Facebook</a><a>Tweet</a></div>
        <article><h1>Envoys meet in Nairobi</h1>
        <p class="byline">By Jane Roe</p>
        <p>Envoys from Ethiopia and Sudan met in Nairobi on Sunday to discuss the disputed border region, the Kenyan foreign ministry said in a statement.</p>
        <figure><img src="a.jpg"><figcaption>JOHN SMITH, POOL, AFP |</figcaption></figure>
        <p>The talks, the first in more than a year, ended without an agreement, but both delegations said they would return next month to continue.</p>
        <p>Advertisement</p>
        <p>Diplomats said the next round would focus on water rights along the river and on the return of people displaced by the fighting.</p>
        </article>
        <footer>Copyright 2021 Example News. All rights reserved.</footer>
        </body></html>"#;

    #[test]
    fn extracts_article_text_and_metadata() {
        let extracted = extract(
            PAGE.as_bytes(),
            Some("https://news.example/2021/05/29/envoys"),
            None,
        )
        .unwrap();
        let article = &extracted.article;
        assert_eq!(article.title.as_deref(), Some("Envoys meet in Nairobi"));
        assert_eq!(
            article.date,
            Date::new(2021, 5, 30),
            "the day as the page wrote it"
        );
        assert_eq!(article.date_source, Some("meta"));
        assert_eq!(article.site.as_deref(), Some("Example News"));
        assert_eq!(article.language.as_deref(), Some("en"));
        let text = &article.text;
        assert!(text.starts_with("Envoys from Ethiopia and Sudan"), "{text}");
        assert!(
            text.contains("continue.\n\nDiplomats said"),
            "paragraphs kept: {text}"
        );
        for debris in [
            "Home",
            "Share on Facebook",
            "AFP",
            "Advertisement",
            "All rights reserved",
        ] {
            assert!(!text.contains(debris), "{debris:?} left in {text}");
        }
    }

    use dyad_types::Date;

    #[test]
    fn bad_pages_are_errors_not_panics() {
        assert_eq!(extract(b"", None, None), Err(ExtractError::Empty));
        assert_eq!(extract(b"  \n", None, None), Err(ExtractError::Empty));
        assert_eq!(
            extract(b"<html><body></body></html>", None, None),
            Err(ExtractError::NoText)
        );
        let garbage: Vec<u8> = (0..5000u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        assert_eq!(extract(&garbage, None, None), Err(ExtractError::Binary));
    }

    #[test]
    fn deep_nesting_is_flattened_not_fatal() {
        let depth = 20_000;
        let html = format!(
            "<html><body>{}<p>The deep text of the page is still read by the extractor after flattening.</p>{}</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        // What is tested is that deep pages are read, not how fast: the
        // budget is generous so that a loaded machine does not matter.
        let mut extractor = Extractor::new(Duration::from_secs(600), 1);
        let extracted = extractor.extract(html.as_bytes(), None, None).unwrap();
        assert!(extracted.article.text.contains("deep text of the page"));
        assert!(extracted.warnings.iter().any(|w| w.contains("flattened")));
        let spans = format!(
            "<p>{}Deep span text here.{}</p>",
            "<span>".repeat(50_000),
            "</span>".repeat(50_000)
        );
        let extracted = extractor.extract(spans.as_bytes(), None, None);
        assert!(
            extracted.is_ok() || extracted == Err(ExtractError::NoText),
            "{extracted:?}"
        );
    }

    #[test]
    fn the_time_budget_abandons_a_slow_page() {
        // Thousands of paragraphs take milliseconds; the budget is a nanosecond.
        let slow = format!(
            "<html><body>{}</body></html>",
            "<p>The envoys met again in Nairobi on Sunday and talked for hours.</p>".repeat(4000)
        );
        let mut extractor = Extractor::new(Duration::from_nanos(1), 1);
        let result = extractor.extract(slow.as_bytes(), None, None);
        assert_eq!(result, Err(ExtractError::Timeout(0)));
        // The pool goes on with the next page.
        let mut extractor = Extractor::new(PAGE_TIME_BUDGET, 2);
        let tickets: Vec<Ticket> = (0..4)
            .map(|_| extractor.submit(PAGE.as_bytes(), None, None))
            .collect();
        for ticket in tickets {
            assert!(ticket.wait().is_ok());
        }
    }

    #[test]
    fn host_is_a_fallback_site_name() {
        assert_eq!(
            host("https://www.example.org/a/b").as_deref(),
            Some("example.org")
        );
        assert_eq!(host("not a url"), None);
    }
}
