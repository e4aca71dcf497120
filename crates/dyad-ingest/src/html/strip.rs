//! A fast pass over the raw page before parsing: drops `<script>` (except
//! JSON-LD, which holds metadata), `<style>`, `<svg>`, `<template>` and
//! comments. On modern pages these are half the bytes or more, and none of
//! them is article text; the DOM parser is the slowest stage, so it should
//! not have to build them. The same pass drops the tags (not the text) of
//! elements nested deeper than [`MAX_OPEN_DEPTH`]: the HTML tree builder
//! scans its stack of open elements at every tag, so deep nesting costs it
//! time quadratic in the depth (20,000 nested `<div>`s took over ten
//! seconds).

use std::borrow::Cow;

/// Elements dropped with everything inside them.
const DROPPED: &[&str] = &["script", "style", "svg", "template"];

/// Tags of elements opened deeper than this are dropped, their text kept.
/// Far above any real page's nesting, and far below where the tree
/// builder's quadratic cost shows.
pub(crate) const MAX_OPEN_DEPTH: usize = 1024;

/// Elements that never enclose others (void) or whose end tag may be left
/// out: they do not count toward the depth, since a page that never
/// closes its `<p>`s is not nested.
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead",
    "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rp", "html", "head", "body",
];

/// Tags with more attributes than this lose them all: the HTML tokenizer
/// checks each new attribute against the tag's others, so one tag with a
/// hundred thousand attributes costs it seconds. Real tags have a few dozen
/// at most.
const MAX_TAG_ATTRIBUTES: usize = 512;

/// Whether the tag `tag` (from `<` to `>`) has more than
/// [`MAX_TAG_ATTRIBUTES`] attributes with values, counted by their `=`
/// signs outside quoted values.
fn too_many_attributes(tag: &[u8]) -> bool {
    if tag.len() <= 2 * MAX_TAG_ATTRIBUTES {
        return false;
    }
    let mut quote = None;
    let mut attributes = 0;
    for &b in tag {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'=') => attributes += 1,
            (Some(q), _) if b == q => quote = None,
            _ => {}
        }
    }
    attributes > MAX_TAG_ATTRIBUTES
}

/// Counts open elements as the tags go by, approximately (no implied end
/// tags), which is all a guard against runaway nesting needs.
#[derive(Default)]
struct Depth {
    open: usize,
}

impl Depth {
    /// Whether the tag `name` (without `<`/`</`) at this point is kept;
    /// `closing` for an end tag, `self_closing` for `<x/>`.
    fn keep(&mut self, name: &[u8], closing: bool, self_closing: bool) -> bool {
        if name.is_empty()
            || self_closing
            || NOT_NESTING
                .iter()
                .any(|n| name.eq_ignore_ascii_case(n.as_bytes()))
        {
            return true;
        }
        if closing {
            let kept = self.open <= MAX_OPEN_DEPTH;
            self.open = self.open.saturating_sub(1);
            kept
        } else {
            self.open += 1;
            self.open <= MAX_OPEN_DEPTH
        }
    }
}

/// Finds `needle` (ASCII, lower-case, starting with a non-letter) in `hay`
/// ignoring ASCII case; `memchr` finds the candidates for its first byte.
fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let (&first, _) = needle.split_first()?;
    let mut from = 0;
    while let Some(at) = memchr::memchr(first, &hay[from..]) {
        let start = from + at;
        let end = start + needle.len();
        if end > hay.len() {
            return None;
        }
        if hay[start..end].eq_ignore_ascii_case(needle) {
            return Some(start);
        }
        from = start + 1;
    }
    None
}

/// The page without scripts, styles, inline SVG, templates and comments,
/// and without the tags of elements nested deeper than [`MAX_OPEN_DEPTH`].
/// JSON-LD scripts are kept. Unclosed elements run to the end of the page
/// (as a browser would read them).
pub(crate) fn strip_heavy(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0; // bytes of `html` already handled
    let mut i = 0;
    let mut depth = Depth::default();
    while let Some(lt) = memchr::memchr(b'<', &bytes[i..]) {
        let at = i + lt;
        let rest = &bytes[at + 1..];
        // Comments: `<!-- … -->`.
        if rest.starts_with(b"!--") {
            let end = find_ci(&rest[3..], b"-->").map_or(bytes.len(), |e| at + 1 + 3 + e + 3);
            let buf = out.get_or_insert_with(|| String::with_capacity(html.len()));
            buf.push_str(&html[copied..at]);
            copied = end;
            i = end;
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = usize::from(closing);
        let name_len = rest[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let name = &rest[name_start..name_start + name_len];
        let ends_name = rest
            .get(name_start + name_len)
            .is_none_or(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'>' | b'/'));
        let dropped = DROPPED
            .iter()
            .find(|d| !closing && ends_name && name.eq_ignore_ascii_case(d.as_bytes()));
        let Some(tag) = dropped else {
            if !ends_name || !name.first().is_some_and(u8::is_ascii_alphabetic) {
                i = at + 1;
                continue;
            }
            let tag_end = memchr::memchr(b'>', rest).map_or(bytes.len(), |e| at + 1 + e + 1);
            let self_closing = tag_end >= 2 && bytes.get(tag_end - 2) == Some(&b'/');
            let keep = depth.keep(name, closing, self_closing);
            if keep && !closing && too_many_attributes(&bytes[at..tag_end]) {
                // The tag without its attributes.
                let buf = out.get_or_insert_with(|| String::with_capacity(html.len()));
                buf.push_str(&html[copied..at]);
                buf.push('<');
                buf.push_str(&html[at + 1..at + 1 + name_len]);
                buf.push_str(if self_closing { "/>" } else { ">" });
                copied = tag_end;
                i = tag_end;
            } else if keep {
                i = at + 1;
            } else {
                let buf = out.get_or_insert_with(|| String::with_capacity(html.len()));
                buf.push_str(&html[copied..at]);
                copied = tag_end;
                i = tag_end;
            }
            if i >= bytes.len() {
                break;
            }
            continue;
        };
        // The opening tag ends at the next `>`.
        let open_end = memchr::memchr(b'>', rest).map_or(bytes.len(), |e| at + 1 + e + 1);
        if *tag == "script" {
            let open = &bytes[at..open_end.min(bytes.len())];
            if find_ci(open, b"ld+json").is_some() {
                i = open_end;
                continue;
            }
        }
        let close = format!("</{tag}");
        let end = find_ci(&bytes[open_end.min(bytes.len())..], close.as_bytes())
            .map(|e| open_end + e)
            .map_or(bytes.len(), |c| {
                bytes[c..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(bytes.len(), |g| c + g + 1)
            });
        let buf = out.get_or_insert_with(|| String::with_capacity(html.len()));
        buf.push_str(&html[copied..at]);
        copied = end;
        i = end;
        if i >= bytes.len() {
            break;
        }
    }
    match out {
        Some(mut buf) => {
            if copied < html.len() {
                buf.push_str(&html[copied..]);
            }
            Cow::Owned(buf)
        }
        None => Cow::Borrowed(html),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_scripts_styles_and_comments_but_keeps_json_ld() {
        let html = "<html><head><SCRIPT src=x></script><style>p{}</style>\
            <script type=\"application/ld+json\">{\"a\":1}</script></head>\
            <body><!-- note --><p>Text</p><svg><path d='x'/></svg><p>More</p></body></html>";
        assert_eq!(
            strip_heavy(html),
            "<html><head><script type=\"application/ld+json\">{\"a\":1}</script></head>\
             <body><p>Text</p><p>More</p></body></html>"
        );
    }

    #[test]
    fn a_tag_with_thousands_of_attributes_loses_them_and_keeps_its_text() {
        let attributes: String = (0..5000).map(|i| format!(" a{i}=\"{i}\"")).collect();
        let html = format!("<div{attributes}><p class=\"x\">Text</p></div>");
        assert_eq!(strip_heavy(&html), "<div><p class=\"x\">Text</p></div>");
        // A few attributes, or many `=` inside one value, are left alone.
        let url = format!("<a href=\"/q?{}\">link</a>", "k=v&".repeat(1000));
        assert!(matches!(strip_heavy(&url), Cow::Borrowed(_)));
    }

    #[test]
    fn leaves_clean_pages_alone_and_survives_broken_ones() {
        assert!(matches!(strip_heavy("<p>Plain</p>"), Cow::Borrowed(_)));
        assert_eq!(strip_heavy("<p>a</p><script>never closed"), "<p>a</p>");
        assert_eq!(strip_heavy("<p>a</p><!-- never closed"), "<p>a</p>");
        assert_eq!(strip_heavy("<p>a</p><script"), "<p>a</p>");
        assert_eq!(strip_heavy("<"), "<");
        assert_eq!(
            strip_heavy("é<scripté>x</scripté>ü"),
            "é<scripté>x</scripté>ü"
        );
        assert_eq!(strip_heavy("é<script>x</script>ü"), "éü");
    }

    #[test]
    fn tags_nested_past_the_cap_are_dropped_and_their_text_kept() {
        let depth = MAX_OPEN_DEPTH + 500;
        let html = format!(
            "{}<b>deep</b>{}<p>after</p>",
            "<div class=x>".repeat(depth),
            "</div>".repeat(depth)
        );
        let stripped = strip_heavy(&html);
        assert_eq!(stripped.matches("<div").count(), MAX_OPEN_DEPTH);
        assert_eq!(stripped.matches("</div>").count(), MAX_OPEN_DEPTH);
        assert!(stripped.contains("deep") && stripped.ends_with("<p>after</p>"));
        assert!(!stripped.contains("<b>"), "past the cap every tag goes");
    }

    #[test]
    fn unclosed_paragraphs_and_void_elements_do_not_count_as_nesting() {
        let html = format!(
            "<div>{}</div>",
            "<p>one<br><img src=a.jpg><li>two".repeat(MAX_OPEN_DEPTH * 2)
        );
        assert!(matches!(strip_heavy(&html), Cow::Borrowed(_)));
    }
}
