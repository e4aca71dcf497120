//! Page metadata: title, publication date, author, site name, language and
//! canonical URL, from JSON-LD, OpenGraph and other `<meta>` tags, `<time>`
//! elements, the URL, and the visible byline — in that order of trust.

use dom_query::{Document, NodeRef};
use dyad_types::Date;
use serde_json::Value;

use super::dates;

/// What a page says about itself.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    pub title: Option<String>,
    pub date: Option<Date>,
    /// Where the date came from (`json-ld`, `meta`, `time`, `url`, `byline`, `text`).
    pub date_source: Option<&'static str>,
    pub author: Option<String>,
    pub site: Option<String>,
    pub language: Option<String>,
    pub canonical: Option<String>,
}

/// JSON-LD types whose `datePublished` is the page's own.
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "BlogPosting",
    "Report",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "ScholarlyArticle",
    "TechArticle",
    "SocialMediaPosting",
    "LiveBlogPosting",
    "Review",
    "WebPage",
    "Recipe",
    "HowTo",
    "Posting",
    "Blog",
    "MedicalWebPage",
    "FAQPage",
];

/// `<meta>` names and properties of the publication date, most trusted first.
const DATE_METAS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article:published",
    "article.published",
    "datepublished",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "published-date",
    "publication_date",
    "publication-date",
    "pubdate",
    "pub_date",
    "sailthru.date",
    "parsely-pub-date",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.date",
    "dc.date",
    "dc.date.created",
    "dcterms.created",
    "citation_publication_date",
    "citation_date",
    "citation_online_date",
    "article_date_original",
    "original-publish-date",
    "originalpublicationdate",
    "date",
    "created",
    "creation_date",
    "displaydate",
    "dateposted",
    "release_date",
    "cxenseparse:recs:publishtime",
    "bt:pubdate",
    "article:post_date",
    "pdate",
    "eomportal-lastupdate",
    "live_date",
    "firstpublishedtime",
    "timestamp",
    "rnews:datepublished",
];

/// Modification dates: a last resort, when nothing says when the page was published.
const MODIFIED_METAS: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "lastmod",
    "last-modified",
    "dc.date.modified",
    "dcterms.modified",
];

/// Reads every piece of metadata the page gives.
pub fn read(doc: &Document, url: Option<&str>) -> Metadata {
    let today = dates::today();
    let mut meta = Metadata::default();
    let ld = json_ld(doc);
    let metas = meta_tags(doc);
    let get = |names: &[&str]| -> Option<String> {
        names.iter().find_map(|name| {
            metas
                .iter()
                .find(|(n, v)| n == name && !v.trim().is_empty())
                .map(|(_, v)| clean_space(v))
        })
    };

    // Publication date. The page's machine-readable dates are taken in
    // order of trust; the date the page shows its readers (the byline's
    // date line) settles which of them the page stands by, and stands in
    // when there are none.
    let meta_published =
        meta_date(&metas, DATE_METAS, today).or_else(|| generic_meta_date(&metas, today));
    let meta_modified = meta_date(&metas, MODIFIED_METAS, today);
    let time_marked = time_elements(doc, today);
    let url_date = url
        .and_then(dates::from_url)
        .filter(|d| dates::plausible(*d, today));
    let ld_published = ld.date.filter(|d| dates::plausible(*d, today));
    let ld_modified = ld.modified.filter(|d| dates::plausible(*d, today));
    let visible = visible_date(doc, today);
    let published: Vec<(Date, &'static str)> = [
        (ld_published, "json-ld"),
        (meta_published, "meta"),
        (time_marked, "time"),
        (url_date, "url"),
    ]
    .into_iter()
    .filter_map(|(d, s)| d.map(|d| (d, s)))
    .collect();
    let modified = ld_modified.or(meta_modified);
    let found = match visible {
        // The date line agrees with a publication date: the page stands by it.
        Some(v) if published.iter().any(|(d, _)| *d == v) => Some((v, "byline")),
        // It agrees with the modification date: the page shows its update.
        Some(v) if [ld_modified, meta_modified].contains(&Some(v)) => Some((v, "byline")),
        // It is older than the page's machine dates: the page was re-stamped
        // (moved, re-indexed) after it was first published.
        Some(v) if published.first().is_some_and(|(d, _)| v < *d) => Some((v, "byline")),
        _ if !published.is_empty() => published.first().copied(),
        Some(v) => Some((v, "byline")),
        None => modified
            .map(|d| (d, "modified"))
            .or_else(|| byline_date(doc, today).map(|d| (d, "text"))),
    };
    if let Some((date, source)) = found {
        meta.date = Some(date);
        meta.date_source = Some(source);
    }

    let page_title = doc
        .select("title")
        .nodes()
        .first()
        .map(|n| clean_space(&n.text()))
        .filter(|t| !t.is_empty());
    meta.site = get(&["og:site_name", "application-name", "twitter:site"])
        .or(ld.site)
        .filter(|s| !s.is_empty());
    meta.title = ld
        .title
        .or_else(|| get(&["og:title", "twitter:title", "dc.title", "title", "headline"]))
        .or_else(|| first_heading(doc))
        .or(page_title)
        .map(|t| strip_site_suffix(&t, meta.site.as_deref()));
    meta.author = ld
        .author
        .or_else(|| {
            get(&[
                "author",
                "article:author",
                "byl",
                "parsely-author",
                "sailthru.author",
                "dc.creator",
                "dcterms.creator",
            ])
            .filter(|a| !a.starts_with("http"))
        })
        .or_else(|| author_element(doc))
        .map(|a| clean_author(&a))
        .filter(|a| !a.is_empty());
    meta.language = doc
        .select("html[lang]")
        .nodes()
        .first()
        .and_then(|n| n.attr("lang"))
        .map(|l| l.trim().to_string())
        .or_else(|| get(&["content-language", "og:locale", "language"]))
        .filter(|l| !l.is_empty());
    meta.canonical = doc
        .select("link[rel=canonical]")
        .nodes()
        .first()
        .and_then(|n| n.attr("href"))
        .map(|h| h.trim().to_string())
        .or_else(|| get(&["og:url"]))
        .filter(|u| u.starts_with("http"));
    meta
}

/// The first plausible date among `<meta>` tags of the given names, in the
/// order of the names.
fn meta_date(metas: &[(String, String)], names: &[&str], today: Date) -> Option<Date> {
    names.iter().find_map(|name| {
        metas
            .iter()
            .filter(|(n, _)| n == name)
            .find_map(|(_, v)| dates::parse_machine(v))
            .filter(|d| dates::plausible(*d, today))
    })
}

/// A date in a `<meta>` whose name says "published" or "date" (site-specific
/// names such as `w-published-date`), but not a modification or expiry.
fn generic_meta_date(metas: &[(String, String)], today: Date) -> Option<Date> {
    metas
        .iter()
        .filter(|(n, _)| {
            let publish = n.contains("publish") && !n.contains("publisher");
            let dated = n.contains("date")
                && ![
                    "modif", "updat", "expir", "valid", "revis", "birth", "end", "start",
                ]
                .iter()
                .any(|w| n.contains(w));
            publish || dated
        })
        .find_map(|(_, v)| dates::parse_machine(v))
        .filter(|d| dates::plausible(*d, today))
}

/// Collapses runs of whitespace.
pub(crate) fn clean_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `<meta>` tags as (lower-case name or property, content).
fn meta_tags(doc: &Document) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for node in doc.select("meta").nodes() {
        let Some(content) = node.attr("content").or_else(|| node.attr("value")) else {
            continue;
        };
        for key in ["property", "name", "itemprop", "http-equiv"] {
            if let Some(name) = node.attr(key) {
                out.push((name.trim().to_ascii_lowercase(), content.to_string()));
            }
        }
    }
    out
}

/// What JSON-LD blocks say about the article.
#[derive(Default)]
struct LinkedData {
    date: Option<Date>,
    modified: Option<Date>,
    title: Option<String>,
    author: Option<String>,
    site: Option<String>,
}

fn json_ld(doc: &Document) -> LinkedData {
    let mut best = LinkedData::default();
    let mut fallback_date = None;
    for node in doc.select(r#"script[type="application/ld+json"]"#).nodes() {
        let text = node.text();
        let text = text
            .trim()
            .trim_start_matches("<![CDATA[")
            .trim_end_matches("]]>")
            .trim();
        let Ok(value) = serde_json::from_str::<Value>(text) else {
            // Broken JSON is common; the date may still be read from it.
            if fallback_date.is_none() {
                fallback_date = scan_date_published(text);
            }
            continue;
        };
        let mut objects = Vec::new();
        collect_objects(&value, &mut objects, 0);
        for object in objects {
            let is_article = type_names(object)
                .iter()
                .any(|t| ARTICLE_TYPES.contains(&t.as_str()));
            let date = object
                .get("datePublished")
                .or_else(|| object.get("dateCreated"))
                .and_then(Value::as_str)
                .and_then(dates::parse_machine);
            let modified = object
                .get("dateModified")
                .and_then(Value::as_str)
                .and_then(dates::parse_machine);
            if is_article {
                if best.date.is_none() {
                    best.date = date;
                }
                if best.modified.is_none() {
                    best.modified = modified;
                }
                if best.title.is_none() {
                    best.title = object
                        .get("headline")
                        .or_else(|| object.get("name"))
                        .and_then(Value::as_str)
                        .map(clean_space)
                        .filter(|t| !t.is_empty() && t.len() < 300);
                }
                if best.author.is_none() {
                    best.author = object.get("author").and_then(person_names);
                }
                if best.site.is_none() {
                    best.site = object
                        .get("publisher")
                        .and_then(|p| p.get("name"))
                        .and_then(Value::as_str)
                        .map(clean_space);
                }
            } else if fallback_date.is_none() {
                fallback_date = date;
            }
        }
    }
    if best.date.is_none() {
        best.date = fallback_date;
    }
    best
}

/// Every object in a JSON-LD value (arrays and `@graph` included), bounded in depth.
fn collect_objects<'a>(
    value: &'a Value,
    out: &mut Vec<&'a serde_json::Map<String, Value>>,
    depth: usize,
) {
    if depth > 8 {
        return;
    }
    match value {
        Value::Array(items) => items
            .iter()
            .for_each(|v| collect_objects(v, out, depth + 1)),
        Value::Object(map) => {
            out.push(map);
            if let Some(graph) = map.get("@graph") {
                collect_objects(graph, out, depth + 1);
            }
            if let Some(main) = map.get("mainEntity") {
                collect_objects(main, out, depth + 1);
            }
        }
        _ => {}
    }
}

fn type_names(object: &serde_json::Map<String, Value>) -> Vec<String> {
    match object.get("@type") {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    }
}

/// `"author": "Jane"`, `{"name": "Jane"}` or a list of those.
fn person_names(value: &Value) -> Option<String> {
    let names: Vec<String> = match value {
        Value::String(s) => vec![s.clone()],
        Value::Object(map) => map
            .get("name")
            .and_then(Value::as_str)
            .map(str::to_string)
            .into_iter()
            .collect(),
        Value::Array(items) => items
            .iter()
            .filter_map(|item| match item {
                Value::String(s) => Some(s.clone()),
                Value::Object(map) => map.get("name").and_then(Value::as_str).map(str::to_string),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    let names: Vec<String> = names
        .into_iter()
        .map(|n| clean_space(&n))
        .filter(|n| !n.is_empty() && !n.starts_with("http"))
        .collect();
    (!names.is_empty()).then(|| names.join(", "))
}

/// `"datePublished": "…"` in JSON-LD too broken to parse.
fn scan_date_published(text: &str) -> Option<Date> {
    let at = text.find("\"datePublished\"")?;
    let rest = &text[at + "\"datePublished\"".len()..];
    let rest = rest
        .trim_start()
        .strip_prefix(':')?
        .trim_start()
        .strip_prefix('"')?;
    let value = rest.split('"').next()?;
    dates::parse_machine(value)
}

/// Elements that mark publication: `itemprop=datePublished`, `<time pubdate>`,
/// or a `<time>` whose class says so. (Other `<time>` elements are date
/// lines like any other; see [`visible_date`].)
fn time_elements(doc: &Document, today: Date) -> Option<Date> {
    let read = |node: &NodeRef| -> Option<Date> {
        node.attr("datetime")
            .or_else(|| node.attr("content"))
            .and_then(|v| dates::parse_machine(&v))
            .or_else(|| dates::parse_text(&node.text()))
            .filter(|d| dates::plausible(*d, today))
    };
    let marked = doc.select(
        "[itemprop=datePublished], time[pubdate], time[class*=publish], time[class*=posted], \
         [class*=published] time, [class*=publish-date] time, time[class*=entry-date], time[class*=post-date]",
    );
    marked.nodes().iter().find_map(read)
}

/// Words that introduce a date line.
const DATE_MARKERS: &[&str] = &[
    "published",
    "posted",
    "updated",
    "modified",
    "written on",
    "last reviewed",
    "publicado",
    "veröffentlicht",
    "aktualisiert",
    "publié",
    "mis à jour",
    "pubblicato",
];

/// Class, id or itemprop words of elements that hold a date line.
fn is_date_name(value: &str) -> bool {
    let v = value.to_ascii_lowercase();
    [
        "date",
        "time",
        "publish",
        "posted",
        "updated",
        "byline",
        "meta",
        "timestamp",
    ]
    .iter()
    .any(|w| v.contains(w))
}

/// Containers whose dates belong to something else than the article.
fn is_foreign_container(node: &NodeRef) -> bool {
    if matches!(
        node.node_name().as_deref(),
        Some(
            "nav"
                | "footer"
                | "aside"
                | "script"
                | "style"
                | "noscript"
                | "template"
                | "select"
                | "form"
        )
    ) {
        return true;
    }
    [node.attr("class"), node.attr("id")]
        .iter()
        .flatten()
        .any(|v| {
            super::content::name_words(v).any(|w| {
                matches!(
                    w.as_str(),
                    "comment"
                        | "comments"
                        | "related"
                        | "sidebar"
                        | "footer"
                        | "recent"
                        | "widget"
                        | "popular"
                        | "trending"
                        | "recommended"
                        | "recommendations"
                )
            })
        })
}

/// The date the page shows its readers: the first date line — a `<time>`,
/// an element named for dates, text right after "Published", "Updated",
/// "Posted", or a byline ("By Jane Roe - May 12, 2015") — in document order,
/// preferring those after the headline. Sidebars, footers and comment
/// threads are passed over.
fn visible_date(doc: &Document, today: Date) -> Option<Date> {
    let page = FlatText::of(doc)?;
    let mut candidates: Vec<(usize, Date)> = page
        .date_elements
        .iter()
        .filter_map(|(at, text)| dates::parse_text(text).map(|d| (*at, d)))
        .collect();
    // Date lines sit above or near the headline: the scan stops 8,000 bytes
    // after it (15,000 without one). ASCII lower-casing keeps byte offsets.
    let end = page.h1.map_or(15_000, |h1| h1 + 8_000).min(page.text.len());
    let end = (end..=page.text.len())
        .find(|&e| page.text.is_char_boundary(e))
        .unwrap_or(page.text.len());
    let lower = page.text[..end].to_ascii_lowercase();
    for marker in DATE_MARKERS.iter().chain(BYLINE_MARKERS) {
        let mut from = 0;
        while let Some(found) = lower[from..].find(marker) {
            let start = from + found;
            from = start + marker.len();
            let window = char_window(&lower, from, 90);
            if let Some(date) = dates::parse_text(window) {
                candidates.push((start, date));
            }
        }
    }
    // A bare date just below the headline is the date line of many pages.
    if let Some(h1) = page.h1 {
        if let Some(date) = dates::parse_text(char_window(&page.text, h1, 400)) {
            candidates.push((h1 + 1, date));
        }
    }
    candidates.retain(|(_, d)| dates::plausible(*d, today));
    candidates.sort_by_key(|(at, _)| *at);
    let h1 = page.h1.unwrap_or(0);
    candidates
        .iter()
        .find(|(at, _)| *at + 200 >= h1)
        .or(candidates.first())
        .map(|(_, d)| *d)
}

/// Byline openings after which a date often follows.
const BYLINE_MARKERS: &[&str] = &[
    "\u{1}by ",
    "written by",
    "\u{1}von ",
    "\u{1}por ",
    "\u{1}par ",
];

/// `s[from..]`, at most about `len` bytes, cut on character boundaries.
fn char_window(s: &str, from: usize, len: usize) -> &str {
    let mut end = (from + len).min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    let mut start = from.min(end);
    while !s.is_char_boundary(start) {
        start -= 1;
    }
    &s[start..end]
}

/// The visible text of a page in document order, element boundaries as
/// spaces and block starts as `\u{1}` (so that "By" opening a line can be
/// told from "by" inside a sentence), with the position of the first `<h1>`
/// and the text of date elements.
struct FlatText {
    text: String,
    h1: Option<usize>,
    date_elements: Vec<(usize, String)>,
}

impl FlatText {
    fn of(doc: &Document) -> Option<FlatText> {
        let body = doc.select("body");
        let root = *body.nodes().first()?;
        let mut page = FlatText {
            text: String::new(),
            h1: None,
            date_elements: Vec::new(),
        };
        let mut stack = vec![root];
        let mut visited = 0;
        while let Some(node) = stack.pop() {
            visited += 1;
            if visited > 100_000 || page.text.len() > 400_000 {
                break;
            }
            if node.is_text() {
                let text = node.text();
                let mut words = text.split_whitespace().peekable();
                if words.peek().is_some() {
                    if text.starts_with(char::is_whitespace) && !page.text.ends_with(['\u{1}', ' '])
                    {
                        page.text.push(' ');
                    }
                    for (i, word) in words.enumerate() {
                        if i > 0 {
                            page.text.push(' ');
                        }
                        page.text.push_str(word);
                    }
                    if text.ends_with(char::is_whitespace) {
                        page.text.push(' ');
                    }
                }
                continue;
            }
            if !node.is_element() || is_foreign_container(&node) {
                continue;
            }
            let name = node.node_name();
            if is_inline(name.as_deref()) {
                if !page.text.ends_with(['\u{1}', ' ']) {
                    page.text.push(' ');
                }
            } else {
                page.text.push('\u{1}');
            }
            if name.as_deref() == Some("h1") && page.h1.is_none() {
                page.h1 = Some(page.text.len());
            }
            if let Some(text) = date_element_text(&node, name.as_deref()) {
                page.date_elements.push((page.text.len(), text));
            }
            let mut children = Vec::new();
            let mut child = node.first_child();
            while let Some(c) = child {
                children.push(c);
                child = c.next_sibling();
            }
            stack.extend(children.into_iter().rev());
        }
        Some(page)
    }
}

fn is_inline(name: Option<&str>) -> bool {
    matches!(
        name,
        Some(
            "a" | "span"
                | "b"
                | "strong"
                | "i"
                | "em"
                | "small"
                | "abbr"
                | "time"
                | "font"
                | "u"
                | "sup"
                | "sub"
                | "mark"
                | "label"
        )
    )
}

/// The text of a `<time>` (its `datetime` first) or of a short element whose
/// class, id or itemprop names a date or a byline.
fn date_element_text(node: &NodeRef, name: Option<&str>) -> Option<String> {
    if name == Some("time") {
        if let Some(date) = node.attr("datetime").and_then(|v| dates::parse_machine(&v)) {
            return Some(date.to_string());
        }
        return Some(spaced_text(node, 250));
    }
    let named = [node.attr("class"), node.attr("id"), node.attr("itemprop")]
        .iter()
        .flatten()
        .any(|v| is_date_name(v));
    if !named {
        return None;
    }
    let text = spaced_text(node, 251);
    (text.len() <= 250).then_some(text)
}

/// The text under a node with a space between elements (`<div>By</div><div>
/// Jane</div>` reads "By Jane", not "ByJane"), gathered without recursion and
/// given up once longer than `limit` bytes.
fn spaced_text(node: &NodeRef, limit: usize) -> String {
    let mut out = String::new();
    let mut stack = vec![*node];
    while let Some(n) = stack.pop() {
        if out.len() > limit {
            break;
        }
        if n.is_text() {
            out.push_str(&n.text());
            continue;
        }
        out.push(' ');
        let mut children = Vec::new();
        let mut child = n.first_child();
        while let Some(c) = child {
            children.push(c);
            child = c.next_sibling();
        }
        stack.extend(children.into_iter().rev());
    }
    clean_space(&out)
}

/// Dates in the visible byline or date line of the page.
fn byline_date(doc: &Document, today: Date) -> Option<Date> {
    let selectors = "[class*=date], [class*=Date], [class*=byline], [class*=Byline], [class*=publish], \
                     [class*=posted], [class*=timestamp], [class*=time], [class*=meta], [id*=date], [class*=author]";
    for node in doc.select(selectors).nodes().iter().take(200) {
        let text = spaced_text(node, 301);
        if text.len() > 300 {
            continue;
        }
        if let Some(date) = dates::parse_text(&text).filter(|d| dates::plausible(*d, today)) {
            return Some(date);
        }
    }
    None
}

fn first_heading(doc: &Document) -> Option<String> {
    doc.select("h1")
        .nodes()
        .first()
        .map(|n| clean_space(&n.text()))
        .filter(|t| !t.is_empty() && t.len() < 300)
}

/// `Talks resume | The Example Times` → `Talks resume`.
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some(at) = title.rfind(sep) {
            let (head, tail) = (&title[..at], &title[at + sep.len()..]);
            let tail_is_site = site.is_some_and(|s| {
                let (s, t) = (s.to_lowercase(), tail.to_lowercase());
                t.contains(&s) || s.contains(&t)
            });
            if tail_is_site
                || (tail.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 3)
            {
                return head.trim().to_string();
            }
        }
    }
    title.trim().to_string()
}

fn author_element(doc: &Document) -> Option<String> {
    doc.select("[rel=author], [itemprop=author] [itemprop=name], [itemprop=author], [class*=byline] [class*=author], [class*=author-name], [class*=byline]")
        .nodes()
        .iter()
        .map(|n| clean_space(&n.text()))
        .find(|t| !t.is_empty() && t.len() < 120)
}

/// `By Jane Roe and John Doe` → `Jane Roe and John Doe`.
fn clean_author(author: &str) -> String {
    let a = clean_space(author);
    let lower = a.to_lowercase();
    let a = if lower.starts_with("by ") {
        &a[3..]
    } else {
        a.as_str()
    };
    a.trim_matches(|c: char| c == ',' || c == '|' || c.is_whitespace())
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_of(html: &str, url: Option<&str>) -> Metadata {
        read(&Document::from(html), url)
    }

    #[test]
    fn json_ld_wins_over_meta_tags() {
        let html = r#"<html lang="en-GB"><head><title>Talks resume | Example Times</title>
            <meta property="og:site_name" content="Example Times">
            <meta property="article:published_time" content="2015-05-11T20:00:00Z">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Example Times"},
              {"@type":"NewsArticle","headline":"Talks resume","datePublished":"2015-05-12T01:30:00+05:00",
               "author":[{"@type":"Person","name":"Jane Roe"},{"@type":"Person","name":"John Doe"}]}]}</script>
            <link rel="canonical" href="https://example.org/talks"></head><body></body></html>"#;
        let meta = meta_of(html, None);
        assert_eq!(meta.date, Date::new(2015, 5, 12));
        assert_eq!(meta.date_source, Some("json-ld"));
        assert_eq!(meta.title.as_deref(), Some("Talks resume"));
        assert_eq!(meta.author.as_deref(), Some("Jane Roe, John Doe"));
        assert_eq!(meta.site.as_deref(), Some("Example Times"));
        assert_eq!(meta.language.as_deref(), Some("en-GB"));
        assert_eq!(meta.canonical.as_deref(), Some("https://example.org/talks"));
    }

    #[test]
    fn meta_then_date_line_then_url() {
        let meta = meta_of(
            r#"<meta name="pubdate" content="20150512"><body></body>"#,
            None,
        );
        assert_eq!(
            (meta.date, meta.date_source),
            (Date::new(2015, 5, 12), Some("meta"))
        );
        let meta = meta_of(
            r#"<body><article><time datetime="2015-05-12T09:00">Tuesday</time></article></body>"#,
            None,
        );
        // A `<time>` is the page's visible date line.
        assert_eq!(
            (meta.date, meta.date_source),
            (Date::new(2015, 5, 12), Some("byline"))
        );
        let meta = meta_of(
            "<body><p>Text.</p></body>",
            Some("https://x.org/2015/05/12/talks"),
        );
        assert_eq!(
            (meta.date, meta.date_source),
            (Date::new(2015, 5, 12), Some("url"))
        );
        let meta = meta_of(
            r#"<body><div class="article-date">May 12, 2015</div></body>"#,
            None,
        );
        assert_eq!(
            (meta.date, meta.date_source),
            (Date::new(2015, 5, 12), Some("byline"))
        );
        let meta = meta_of(
            "<body><p>Published on 12 May 2015 by the desk.</p></body>",
            None,
        );
        assert_eq!(meta.date, Date::new(2015, 5, 12));
    }

    #[test]
    fn broken_json_ld_still_gives_its_date() {
        let html = r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2015-05-12T10:00:00Z",}</script>"#;
        assert_eq!(meta_of(html, None).date, Date::new(2015, 5, 12));
    }

    #[test]
    fn comment_times_and_future_dates_are_ignored() {
        let html = r#"<body><div class="comments"><time datetime="2016-01-01">x</time></div>
            <meta name="date" content="2999-01-01"></body>"#;
        assert_eq!(meta_of(html, None).date, None);
    }

    #[test]
    fn titles_lose_the_site_name() {
        assert_eq!(
            strip_site_suffix("Talks resume in Geneva - BBC News", None),
            "Talks resume in Geneva"
        );
        assert_eq!(
            strip_site_suffix("Talks | Example Times", Some("Example Times")),
            "Talks"
        );
        assert_eq!(
            strip_site_suffix("Kerry - Putin talks", None),
            "Kerry - Putin talks"
        );
        assert_eq!(clean_author("By Jane Roe, "), "Jane Roe");
    }
}
