//! HTML pages: decoding, main-content extraction and metadata (title, date,
//! author, site, language, canonical URL).
//!
//! [`extract`] is safe on any input: pages are capped in size, nesting deeper
//! than [`MAX_DEPTH`] is flattened before the content scorer sees it (deep
//! trees make recursive code overflow its stack and quadratic code crawl),
//! and [`Extractor`] runs each page on a worker thread with a large stack
//! and a time budget, so that one pathological page costs one error, not
//! the run. The budget is a [`Deadline`] that extraction checks between its
//! stages and inside its own loops: a page over it stops there and frees
//! its memory, rather than running on in the background.

mod content;
pub mod dates;
pub mod meta;
mod strip;

use std::sync::atomic::{AtomicBool, AtomicU8, AtomicUsize, Ordering};
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

/// When a page's extraction must stop: past a point in time, or when the
/// side waiting for it gave up. Checked between the stages of [`extract`]
/// and every few thousand steps of its loops; a check that fails returns
/// [`ExtractError::Timeout`].
#[derive(Debug, Clone)]
pub struct Deadline {
    at: Option<Instant>,
    budget: Duration,
    cancelled: Arc<AtomicBool>,
}

impl Deadline {
    /// No limit.
    pub fn none() -> Deadline {
        Deadline {
            at: None,
            budget: Duration::MAX,
            cancelled: Arc::new(AtomicBool::new(false)),
        }
    }

    /// `budget` from now.
    pub fn after(budget: Duration) -> Deadline {
        Deadline {
            at: Instant::now().checked_add(budget),
            budget,
            cancelled: Arc::new(AtomicBool::new(false)),
        }
    }

    /// Stops the extraction at its next check.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    /// Whether the extraction must stop.
    pub fn passed(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed) || self.at.is_some_and(|at| Instant::now() >= at)
    }

    /// `Err(Timeout)` when the extraction must stop.
    pub fn check(&self) -> Result<(), ExtractError> {
        if self.passed() {
            Err(ExtractError::Timeout(self.budget.as_secs()))
        } else {
            Ok(())
        }
    }
}

/// How many steps of a loop run between two checks of the deadline.
pub(crate) const CHECK_EVERY: usize = 4096;

/// Extracts the article of one page on the calling thread. `url` is where
/// the page came from (a hint for dates and links); `http_charset` is the
/// charset of an HTTP `Content-Type` header, when there was one. Prefer
/// [`Extractor`], which guards the stack and the time.
pub fn extract(
    bytes: &[u8],
    url: Option<&str>,
    http_charset: Option<&str>,
) -> Result<Extracted, ExtractError> {
    extract_until(bytes, url, http_charset, &Deadline::none())
}

/// [`extract`], stopping with [`ExtractError::Timeout`] once `deadline`
/// has passed.
pub fn extract_until(
    bytes: &[u8],
    url: Option<&str>,
    http_charset: Option<&str>,
    deadline: &Deadline,
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
    deadline.check()?;
    let html = strip::strip_heavy(&decoded.text);
    deadline.check()?;
    let doc = Document::from(html.as_ref());
    deadline.check()?;
    if flatten_deep(&doc, MAX_DEPTH, deadline)? {
        warnings.push(format!(
            "elements nested deeper than {MAX_DEPTH} levels were flattened"
        ));
    }
    deadline.check()?;
    let meta = meta::read(&doc, url);
    deadline.check()?;
    let text = match content::main_text(doc, url, deadline)? {
        Some(text) => text,
        // The scorer found no article: take the page's visible text.
        None => content::fallback_text(&html, deadline)?.ok_or(ExtractError::NoText)?,
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
fn flatten_deep(doc: &Document, max: usize, deadline: &Deadline) -> Result<bool, ExtractError> {
    let mut deep: Vec<NodeRef> = Vec::new();
    let mut stack: Vec<(NodeRef, usize)> = vec![(doc.root(), 0)];
    let mut steps = 0usize;
    while let Some((node, depth)) = stack.pop() {
        steps += 1;
        if steps.is_multiple_of(CHECK_EVERY) {
            deadline.check()?;
        }
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
        let text = subtree_text(node, deadline)?;
        node.remove_children();
        node.set_text(text.as_str());
    }
    Ok(!deep.is_empty())
}

/// The text under a node, gathered without recursion.
fn subtree_text(node: &NodeRef, deadline: &Deadline) -> Result<String, ExtractError> {
    let mut out = String::new();
    let mut stack = vec![*node];
    let mut steps = 0usize;
    while let Some(n) = stack.pop() {
        steps += 1;
        if steps.is_multiple_of(CHECK_EVERY) {
            deadline.check()?;
        }
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
    Ok(out)
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
    claim: Arc<Claim>,
    reply: mpsc::Sender<Reply>,
}

type Reply = Result<Extracted, ExtractError>;

/// Who owns a page's outcome: the worker that finished it, or the ticket
/// that gave up on it. Settled once, so that a page that finishes just as
/// it is abandoned is counted one way only.
struct Claim {
    started: OnceLock<Instant>,
    /// The deadline the worker checks; cancelled when the ticket gives up.
    deadline: OnceLock<Deadline>,
    state: AtomicU8,
}

const RUNNING: u8 = 0;
const FINISHED: u8 = 1;
const ABANDONED: u8 = 2;

impl Claim {
    fn new() -> Claim {
        Claim {
            started: OnceLock::new(),
            deadline: OnceLock::new(),
            state: AtomicU8::new(RUNNING),
        }
    }

    fn settle(&self, to: u8) -> bool {
        self.state
            .compare_exchange(RUNNING, to, Ordering::AcqRel, Ordering::Acquire)
            .is_ok()
    }
}

/// What the pool's threads share with the tickets.
#[derive(Default)]
struct Pool {
    /// Workers to start in place of ones still busy with abandoned pages.
    replacements: AtomicUsize,
    /// Workers busy with a page their ticket gave up on.
    abandoned_running: AtomicUsize,
    /// Pages whose extraction stopped at a deadline check.
    stopped: AtomicUsize,
}

/// Figures of an [`Extractor`]'s pool (for tests and measurements).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PoolStats {
    /// Pages whose extraction stopped at a deadline check.
    pub stopped: usize,
    /// Workers still busy with a page their ticket gave up on (each has
    /// been replaced; it ends when it reaches its next check).
    pub abandoned_running: usize,
}

/// Runs [`extract`] on a pool of worker threads with large stacks. Pages
/// are [`submit`](Extractor::submit)ted and their results collected in any
/// order with [`Ticket::wait`], which enforces the per-page time budget.
/// The worker checks the same budget inside the extraction and stops at
/// the first check past it; when the worker is inside a library call that
/// has no checks (the HTML parser, Readability), the ticket gives up at
/// the budget, the worker is replaced, and it ends — freeing the page's
/// memory — at its next check. A panic inside the extractor becomes an
/// error too.
pub struct Extractor {
    jobs: Option<mpsc::Sender<Job>>,
    queue: Arc<Mutex<mpsc::Receiver<Job>>>,
    threads: usize,
    spawned: usize,
    budget: Duration,
    pool: Arc<Pool>,
}

/// A submitted page.
pub struct Ticket {
    reply: mpsc::Receiver<Reply>,
    claim: Arc<Claim>,
    pool: Arc<Pool>,
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
            pool: Arc::new(Pool::default()),
        }
    }

    /// Worker threads in the pool.
    pub fn threads(&self) -> usize {
        self.threads
    }

    /// The time one page may take.
    pub fn budget(&self) -> Duration {
        self.budget
    }

    /// Figures of the pool so far.
    pub fn stats(&self) -> PoolStats {
        PoolStats {
            stopped: self.pool.stopped.load(Ordering::Relaxed),
            abandoned_running: self.pool.abandoned_running.load(Ordering::Relaxed),
        }
    }

    fn spawn_worker(&mut self) -> bool {
        let queue = Arc::clone(&self.queue);
        let pool = Arc::clone(&self.pool);
        let budget = self.budget;
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
                let deadline = Deadline::after(budget);
                let _ = job.claim.deadline.set(deadline.clone());
                let _ = job.claim.started.set(Instant::now());
                let result = std::panic::catch_unwind(|| {
                    extract_until(
                        &job.bytes,
                        job.url.as_deref(),
                        job.charset.as_deref(),
                        &deadline,
                    )
                })
                .unwrap_or_else(|panic| {
                    let what = panic
                        .downcast_ref::<&str>()
                        .map(|s| s.to_string())
                        .or_else(|| panic.downcast_ref::<String>().cloned())
                        .unwrap_or_else(|| "panic".to_string());
                    Err(ExtractError::Crashed(what))
                });
                if matches!(result, Err(ExtractError::Timeout(_))) {
                    pool.stopped.fetch_add(1, Ordering::Relaxed);
                }
                if !job.claim.settle(FINISHED) {
                    // The ticket gave up and a new worker took this one's
                    // place: end here, so the pool keeps its size.
                    pool.abandoned_running.fetch_sub(1, Ordering::AcqRel);
                    return;
                }
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
        self.replace_stuck_worker();
        while self.spawned < self.threads {
            if !self.spawn_worker() {
                break;
            }
        }
        let (reply, receiver) = mpsc::channel();
        let claim = Arc::new(Claim::new());
        let job = Job {
            bytes: bytes.to_vec(),
            url: url.map(str::to_string),
            charset: http_charset.map(str::to_string),
            claim: Arc::clone(&claim),
            reply,
        };
        let sent = self.spawned > 0
            && self
                .jobs
                .as_ref()
                .is_some_and(|jobs| jobs.send(job).is_ok());
        Ticket {
            reply: receiver,
            claim,
            pool: Arc::clone(&self.pool),
            budget: self.budget,
            // No thread to be had: do the work here.
            done: (!sent)
                .then(|| extract_until(bytes, url, http_charset, &Deadline::after(self.budget))),
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
        self.replace_stuck_worker();
        reply
    }

    /// Starts a worker in place of each one still busy with a page its
    /// ticket gave up on (done on every submit as well).
    pub fn replace_stuck_worker(&mut self) {
        let wanted = self.pool.replacements.swap(0, Ordering::AcqRel);
        for _ in 0..wanted {
            self.spawn_worker();
        }
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
                    let over = self
                        .claim
                        .started
                        .get()
                        .is_some_and(|t| t.elapsed() >= self.budget);
                    if !over {
                        continue;
                    }
                    // Counted before it is settled, so that the worker
                    // never takes back what was not yet added.
                    self.pool.abandoned_running.fetch_add(1, Ordering::AcqRel);
                    if self.claim.settle(ABANDONED) {
                        // The worker is inside a call without checks: stop
                        // it at its next check and have it replaced.
                        if let Some(deadline) = self.claim.deadline.get() {
                            deadline.cancel();
                        }
                        self.pool.replacements.fetch_add(1, Ordering::AcqRel);
                        return Err(ExtractError::Timeout(self.budget.as_secs()));
                    }
                    self.pool.abandoned_running.fetch_sub(1, Ordering::AcqRel);
                    // Settled as finished: the reply is on its way.
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
    fn the_time_budget_stops_a_slow_page() {
        // Thousands of paragraphs take milliseconds; the budget is a
        // nanosecond, so the first check inside the extraction fails
        // whatever the machine's speed.
        let slow = format!(
            "<html><body>{}</body></html>",
            "<p>The envoys met again in Nairobi on Sunday and talked for hours.</p>".repeat(4000)
        );
        let mut extractor = Extractor::new(Duration::from_nanos(1), 1);
        let result = extractor.extract(slow.as_bytes(), None, None);
        assert_eq!(result, Err(ExtractError::Timeout(0)));
        // The extraction itself stopped (at a check), rather than running
        // on in the background: the worker says so, and none is left busy.
        let waited = Instant::now();
        while extractor.stats().abandoned_running > 0 || extractor.stats().stopped == 0 {
            assert!(
                waited.elapsed() < Duration::from_secs(120),
                "{:?}",
                extractor.stats()
            );
            std::thread::sleep(Duration::from_millis(5));
        }
        assert_eq!(extractor.stats().stopped, 1);
        // The pool goes on with the next page.
        let mut extractor = Extractor::new(Duration::from_secs(600), 2);
        let tickets: Vec<Ticket> = (0..4)
            .map(|_| extractor.submit(PAGE.as_bytes(), None, None))
            .collect();
        for ticket in tickets {
            assert!(ticket.wait().is_ok());
        }
        assert_eq!(extractor.stats(), PoolStats::default());
    }

    #[test]
    fn a_deadline_stops_extraction_at_its_checks() {
        let deadline = Deadline::after(Duration::from_secs(600));
        assert!(extract_until(PAGE.as_bytes(), None, None, &deadline).is_ok());
        deadline.cancel();
        assert_eq!(
            extract_until(PAGE.as_bytes(), None, None, &deadline),
            Err(ExtractError::Timeout(600))
        );
        assert!(Deadline::none().check().is_ok());
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
