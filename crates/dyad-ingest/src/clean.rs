//! Cleaning text scraped one block per line: drops navigation and boilerplate
//! lines (menus, share and cookie lines, adverts, photo credits, error-page
//! notices) by general rules — word classes, line shape and runs of lines —
//! not by a list of exact strings.
//!
//! A line is judged on its own shape: how many words, whether it ends like a
//! sentence, what share of its words belong to a class of furniture words
//! (share buttons, social networks, interface labels). Menus are recognized
//! as runs of short label lines, or as one line of labels split by `|` or `•`.
//! A lone short line without punctuation is kept: it is usually a headline or
//! a subheading.

/// Words of share bars and social links.
const SHARE_WORDS: &[&str] = &[
    "share",
    "shares",
    "shared",
    "tweet",
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "pinterest",
    "pint",
    "pin",
    "linkedin",
    "email",
    "e-mail",
    "mail",
    "print",
    "reddit",
    "telegram",
    "messenger",
    "flipboard",
    "instagram",
    "youtube",
    "tiktok",
    "threads",
    "bluesky",
    "copy",
    "link",
    "copied",
    "save",
    "saved",
    "comment",
    "comments",
    "baixar",
    "compartilhar",
    "partager",
    "teilen",
    "compartir",
    "condividi",
    "vk",
    "weibo",
    "wechat",
    "sms",
    "on",
    "via",
    "this",
    "article",
    "story",
    "page",
    "the",
    "to",
    "or",
    "and",
    "us",
    "follow",
    "download",
];

/// Words that identify share bars (at least one must be present).
const SHARE_CORE: &[&str] = &[
    "share",
    "tweet",
    "facebook",
    "twitter",
    "whatsapp",
    "pinterest",
    "pint",
    "linkedin",
    "reddit",
    "telegram",
    "flipboard",
    "instagram",
    "compartilhar",
    "partager",
    "teilen",
    "compartir",
    "condividi",
];

/// Interface labels: buttons and links that are never article text.
const UI_WORDS: &[&str] = &[
    "caption",
    "close",
    "expand",
    "enlarge",
    "collapse",
    "hide",
    "show",
    "toggle",
    "image",
    "images",
    "photo",
    "photos",
    "video",
    "videos",
    "gallery",
    "play",
    "pause",
    "next",
    "previous",
    "prev",
    "more",
    "less",
    "menu",
    "search",
    "home",
    "back",
    "top",
    "read",
    "see",
    "load",
    "view",
    "open",
    "full",
    "screen",
    "fullscreen",
    "of",
    "to",
    "the",
    "in",
    "skip",
    "main",
    "content",
    "navigation",
    "jump",
    "go",
    "listen",
    "watch",
    "audio",
    "loading",
    "continue",
    "reading",
    "click",
    "here",
    "tap",
    "swipe",
    "zoom",
    "all",
    "related",
    "articles",
    "stories",
    "topics",
    "tags",
    "advertisement",
    "advertising",
    "advert",
    "adverts",
    "sponsored",
    "ad",
    "ads",
    "anzeige",
    "werbung",
    "publicidad",
    "publicité",
    "reklame",
    "pubblicità",
    "sign",
    "log",
    "login",
    "logout",
    "register",
    "subscribe",
    "in",
    "up",
    "out",
    "account",
    "my",
    "profile",
    "settings",
];

/// Agencies and photo services named in credit lines.
const CREDIT_WORDS: &[&str] = &[
    "afp",
    "ap",
    "reuters",
    "getty",
    "images",
    "pool",
    "epa",
    "efe",
    "xinhua",
    "anadolu",
    "shutterstock",
    "alamy",
    "istock",
    "istockphoto",
    "dpa",
    "ansa",
    "tass",
    "ria",
    "sputnik",
    "upi",
    "bloomberg",
    "wire",
    "photo",
    "photos",
    "photograph",
    "foto",
    "fotos",
    "image",
    "picture",
    "credit",
    "courtesy",
    "file",
    "handout",
    "supplied",
    "illustration",
];

/// Words of error pages (`Page not found`, `The content you requested does not exist`).
fn is_error_notice(lower: &str, words: usize) -> bool {
    if words > 20 {
        return false;
    }
    let failure = [
        "not found",
        "does not exist",
        "doesn't exist",
        "no longer available",
        "no longer exists",
        "could not be found",
        "cannot be found",
        "can't be found",
        "has been removed",
        "has been moved",
        "been deleted",
        "error 404",
        "404 error",
    ]
    .iter()
    .any(|p| lower.contains(p));
    let about_page = [
        "page",
        "content",
        "article",
        "requested",
        "looking for",
        "url",
        "link",
        "404",
    ]
    .iter()
    .any(|p| lower.contains(p));
    failure && about_page
}

/// The word tokens of a line, lower-cased, without punctuation.
fn tokens(line: &str) -> Vec<String> {
    line.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c == '-' || c == '\''))
        .map(|w| w.to_lowercase())
        .collect()
}

/// Ends like a sentence (possibly inside quotes or brackets). A trailing
/// ellipsis is a teaser ("You may also like..."), not the end of a sentence.
fn ends_like_sentence(line: &str) -> bool {
    let trimmed = line.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']')
    });
    if trimmed.ends_with("...") || trimmed.ends_with('…') {
        return false;
    }
    // A colon opens a list or a label ("More:"); it does not end a sentence.
    trimmed.ends_with(['.', '!', '?', ';', '。', '！', '？'])
}

/// Share of `tokens` found in `class`, counting numbers as members (`1 of 8`).
fn share_in(tokens: &[String], class: &[&str]) -> f32 {
    if tokens.is_empty() {
        return 0.0;
    }
    let hits = tokens
        .iter()
        .filter(|t| class.contains(&t.as_str()) || t.chars().all(|c| c.is_ascii_digit()))
        .count();
    hits as f32 / tokens.len() as f32
}

/// Why a line is furniture, judged on the line alone; `None` for text.
pub fn boilerplate_kind(line: &str) -> Option<&'static str> {
    let line = line.trim();
    if line.is_empty() {
        return None;
    }
    let toks = tokens(line);
    let n = toks.len();
    let lower = line.to_lowercase();
    let sentence = ends_like_sentence(line);
    if n == 0 {
        // Only symbols or punctuation: separators, bullets, icons.
        return Some("symbols");
    }
    if (lower.starts_with("skip to") || lower.starts_with("jump to")) && (n <= 6 || !sentence) {
        return Some("navigation");
    }
    if is_error_notice(&lower, n) {
        return Some("error page");
    }
    if n <= 40
        && lower.contains("cookie")
        && [
            "accept",
            "agree",
            "consent",
            "settings",
            "preferences",
            "privacy",
            "policy",
            "use of",
        ]
        .iter()
        .any(|w| lower.contains(w))
    {
        return Some("cookie notice");
    }
    if n <= 30
        && (lower.contains('©')
            || lower.starts_with("copyright")
            || lower.starts_with("(c)")
            || lower.contains("all rights reserved"))
    {
        return Some("copyright");
    }
    if n <= 14
        && !sentence
        && toks.iter().any(|t| SHARE_CORE.contains(&t.as_str()))
        && share_in(&toks, SHARE_WORDS) >= 0.75
    {
        return Some("share bar");
    }
    if n <= 6
        && !sentence
        && toks.iter().any(|t| UI_WORDS.contains(&t.as_str()))
        && share_in(&toks, UI_WORDS) >= 0.99
    {
        return Some("interface label");
    }
    if n <= 16
        && !sentence
        && [
            "subscribe",
            "newsletter",
            "sign up",
            "sign in",
            "log in",
            "follow us",
            "download the app",
            "get the app",
            "click here",
            "read more",
            "read also",
            "see also",
            "related:",
            "recommended",
            "more from",
            "you may also like",
            "you might also like",
            "see more",
            "don't miss",
            "don’t miss",
            "most popular",
            "most read",
            "more stories",
            "trending now",
        ]
        .iter()
        .any(|p| lower.starts_with(p) || (n <= 8 && lower.contains(p)))
    {
        return Some("call to action");
    }
    if n <= 12 && (lower.contains("javascript") || lower.contains("your browser")) {
        return Some("interface label");
    }
    if n <= 30
        && (lower.contains("newsletter")
            && ["sign up", "subscribing to", "subscribe to", "inbox"]
                .iter()
                .any(|w| lower.contains(w))
            || lower.contains("successfully subscribed")
            || lower.contains("click here")
            || lower.contains("clicking here"))
    {
        return Some("call to action");
    }
    if is_credit(line, &toks, sentence) {
        return Some("photo credit");
    }
    if is_dateline(&lower, &toks, sentence) {
        return Some("byline or date line");
    }
    if is_label_menu(line) {
        return Some("menu");
    }
    None
}

/// Photo credits: `Photo: Jane Roe, AP`, `NAME, POOL, AFP |`,
/// `(Photo by X/Getty Images)`, `Image 1 of 8`.
fn is_credit(line: &str, toks: &[String], sentence: bool) -> bool {
    let n = toks.len();
    if n == 0 || n > 14 || sentence && n > 6 {
        return false;
    }
    // A dateline ends with its dash: "CARACAS, March 2 (Reuters) -" names
    // where the story was filed, and stays.
    if line.trim_end().ends_with(['-', '—', '–']) {
        return false;
    }
    let lower = line.to_lowercase();
    let labelled = [
        "photo:",
        "photo by",
        "photos:",
        "photograph:",
        "foto:",
        "image:",
        "picture:",
        "credit:",
        "credits:",
        "(photo",
        "[photo",
        "(image",
        "(foto",
        "image source",
        "source:",
    ]
    .iter()
    .any(|p| lower.starts_with(p));
    if labelled && n <= 12 {
        return true;
    }
    let agency = toks
        .iter()
        .filter(|t| CREDIT_WORDS.contains(&t.as_str()))
        .count();
    if agency == 0 {
        return false;
    }
    // Credits are written in separators and capitals: `NAME, POOL, AFP |`,
    // `Jane Roe/Reuters`, `AP Photo/John Doe`.
    let separated = line.contains('|') || line.contains('/') || line.trim_end().ends_with(',');
    let agency_last = toks
        .last()
        .is_some_and(|t| CREDIT_WORDS.contains(&t.as_str()));
    let capitals = line.chars().filter(|c| c.is_uppercase()).count();
    let letters = line.chars().filter(|c| c.is_alphabetic()).count().max(1);
    (separated && (agency_last || capitals * 2 >= letters))
        || (agency_last && !sentence && n <= 6 && capitals * 3 >= letters)
}

/// A long line in capitals without a sentence end: `CO-FOUNDER 'PROUD' OF
/// HOME DEPOT EMPLOYEES LIVING OUT THEIR AMERICAN DREAM`. Subheadings in
/// capitals are shorter ("HOW TO USE A WATER BATH CANNER"). Only inside
/// extracted articles: in scraped text such a line may be the headline.
fn is_shouted_teaser(line: &str) -> bool {
    if ends_like_sentence(line) || line.split_whitespace().count() < 8 {
        return false;
    }
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    let capitals = line.chars().filter(|c| c.is_uppercase()).count();
    letters >= 12 && capitals * 10 >= letters * 9
}

/// Bylines and date lines: `By Jane Roe - 11/18/19 11:04 PM EST`,
/// `PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05`, `Updated at 1:23 p.m.`
fn is_dateline(lower: &str, toks: &[String], sentence: bool) -> bool {
    let n = toks.len();
    let lower = lower.trim_start_matches(['|', ' ', '-', '–', '—', '•']);
    if lower.starts_with("by ") && n <= 10 && !sentence {
        return true;
    }
    let dated = [
        "published",
        "updated",
        "posted",
        "last updated",
        "last modified",
        "first published",
    ]
    .iter()
    .any(|m| lower.starts_with(m));
    dated && (n <= 6 || !sentence) && n <= 16 && lower.chars().any(|c| c.is_ascii_digit())
}

/// One line of menu labels: `Home | World | Politics | Sport`.
fn is_label_menu(line: &str) -> bool {
    let parts: Vec<&str> = line
        .split(['|', '•', '·', '»', '›'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    // Figures make it a table row ("Maryland | 71.3 | 3rd"), not a menu.
    parts.len() >= 3
        && parts.iter().all(|p| {
            p.split_whitespace().count() <= 3
                && !ends_like_sentence(p)
                && !p.chars().any(|c| c.is_ascii_digit())
        })
}

/// A short label-like line (one or two words): a menu entry when it stands
/// among others. Three words already make most headlines.
/// Bulleted lines (`- Hawaii`) are lists, which belong to the text.
fn is_short_label(line: &str) -> bool {
    let line = line.trim();
    let n = line.split_whitespace().count();
    // Bulleted lines are lists and lines with figures are data, which
    // belong to the text.
    let bulleted = line.starts_with(['-', '*', '•', '–', '·']);
    let figures = line.chars().any(|c| c.is_ascii_digit());
    (1..=2).contains(&n)
        && !bulleted
        && !figures
        && !ends_like_sentence(line)
        && line.chars().count() <= 24
}

/// How many consecutive short label lines make a menu.
const MENU_RUN: usize = 3;

/// Marks lines to drop: furniture by [`boilerplate_kind`], and (with
/// `menus`) runs of at least three short label lines. Blank lines neither
/// break nor extend a run.
fn doomed_lines(lines: &[&str], menus: bool) -> Vec<bool> {
    let mut doomed: Vec<bool> = lines
        .iter()
        .map(|l| boilerplate_kind(l).is_some())
        .collect();
    if !menus {
        return doomed;
    }
    let mut i = 0;
    while i < lines.len() {
        if !is_short_label(lines[i]) {
            i += 1;
            continue;
        }
        let mut members = vec![i];
        let mut j = i + 1;
        while j < lines.len() {
            if lines[j].trim().is_empty() {
                j += 1;
                continue;
            }
            if is_short_label(lines[j]) || doomed[j] {
                members.push(j);
                j += 1;
            } else {
                break;
            }
        }
        if members.len() >= MENU_RUN {
            for m in members {
                doomed[m] = true;
            }
        }
        i = j.max(i + 1);
    }
    doomed
}

/// Cleans plain text scraped one block per line: drops boilerplate lines and
/// menus, keeping every other line exactly as it was.
pub fn clean_text(text: &str) -> String {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let bare: Vec<&str> = lines
        .iter()
        .map(|l| l.trim_end_matches(['\n', '\r']))
        .collect();
    let doomed = doomed_lines(&bare, true);
    if !doomed.iter().any(|&d| d) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for (line, dead) in lines.iter().zip(doomed) {
        if !dead {
            out.push_str(line);
        }
    }
    out
}

/// Cleans the text of an extracted article: drops boilerplate lines and
/// joins what is left as paragraphs separated by one blank line. Repeated
/// paragraphs stay: articles do repeat lines (list entries, refrains).
pub fn clean_extracted(text: &str) -> String {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    // Menus are gone with the page around the article; runs of short lines
    // left inside it are lists that belong to the text.
    let mut doomed = doomed_lines(&lines, false);
    // Lines in capitals inside an article are links to other stories.
    for (line, dead) in lines.iter().zip(doomed.iter_mut()) {
        if is_shouted_teaser(line) {
            *dead = true;
        }
    }
    let mut out = String::with_capacity(text.len());
    for (line, dead) in lines.iter().zip(doomed) {
        if dead {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_lines_are_recognized_by_kind() {
        let cases = [
            ("Skip to main content", Some("navigation")),
            ("Advertising", Some("interface label")),
            ("ADVERTISEMENT", Some("interface label")),
            ("Page not found", Some("error page")),
            ("The content you requested does not exist or has been moved.", Some("error page")),
            ("Share on Facebook  Share on Twitter  Email", Some("share bar")),
            ("Whatsapp Facebook Pint Baixar", Some("share bar")),
            ("We use cookies to improve your experience. By continuing you accept our cookie policy.", Some("cookie notice")),
            ("JOHN SMITH, POOL, AFP |", Some("photo credit")),
            ("Photo: Jane Roe, AP", Some("photo credit")),
            ("Image 1 of 8", Some("interface label")),
            ("Home | World | Politics | Sport | Business", Some("menu")),
            ("Maryland | 71.3 | 3rd | 2019", None),
            ("© 2024 Example Media. All rights reserved.", Some("copyright")),
            ("Subscribe to our newsletter", Some("call to action")),
            ("By Jane Roe - 11/18/19 11:04 PM EST", Some("byline or date line")),
            ("| UPDATED: 11:05, Tue, Nov 19, 2019", Some("byline or date line")),
            ("Updated at 1:23 p.m.", Some("byline or date line")),
            ("CARACAS, March 2 (Reuters) -", None),
            ("WASHINGTON (AP) —", None),
            ("You may also like...", Some("call to action")),
            ("Advert", Some("interface label")),
            ("This slideshow requires JavaScript.", Some("interface label")),
            ("GET FOX NEWS ON THE GO BY CLICKING HERE", Some("call to action")),
            ("Get the top headlines delivered to your inbox by subscribing to our newsletter.", Some("call to action")),
            ("More:", Some("interface label")),
        ];
        for (line, kind) in cases {
            assert_eq!(boilerplate_kind(line), kind, "{line}");
        }
    }

    #[test]
    fn article_sentences_are_kept() {
        for line in [
            "The United States accused Russia of failing to withdraw heavy weapons from eastern Ukraine.",
            "SOCHI, Russia (AFP) — US Secretary of State John Kerry met Vladimir Putin on Tuesday.",
            "Shareholders rejected the plan, AP reported.",
            "Facebook shares fell 5% after the company said it would cut jobs.",
            "Russia warns Ukraine",
            "The page was not found by investigators until Tuesday, when police searched the house and seized computers belonging to the suspect.",
            "Photographers were barred from the court.",
            "Skip to the end of the talks and you find no agreement at all, the envoy said.",
            "For a newsletter with 1,193 subscribers, these are good figures.",
            "By Tuesday, the troops had withdrawn from the border towns they held.",
            "Published figures show 12 ministers resigned in 2019.",
        ] {
            assert_eq!(boilerplate_kind(line), None, "{line}");
        }
    }

    #[test]
    fn menus_are_runs_of_short_labels() {
        let text = "Home\nWorld\nPolitics\nSport\nKerry meets Putin\nUS Secretary of State John Kerry met Vladimir Putin in Sochi on Tuesday.\n";
        let cleaned = clean_text(text);
        assert_eq!(
            cleaned,
            "Kerry meets Putin\nUS Secretary of State John Kerry met Vladimir Putin in Sochi on Tuesday.\n"
        );
    }

    #[test]
    fn clean_text_keeps_other_lines_exactly() {
        let text =
            "Skip to main content\n  Talks resumed in Geneva.  \r\nAdvertising\n\nBoth sides met.";
        assert_eq!(
            clean_text(text),
            "  Talks resumed in Geneva.  \r\n\nBoth sides met."
        );
        let untouched = "Line one.\nLine two.";
        assert_eq!(clean_text(untouched), untouched);
    }

    #[test]
    fn shouted_teasers_leave_articles_only() {
        let text = "Kerry met Putin.\nSEAN SPICER ELIMINATED FROM THE SHOW AFTER SIX LONG WEEKS\nTalks went on.";
        assert_eq!(clean_extracted(text), "Kerry met Putin.\n\nTalks went on.");
        assert_eq!(
            clean_text(text),
            text,
            "in scraped text a line in capitals may be the headline"
        );
    }

    #[test]
    fn extracted_text_is_joined_as_paragraphs() {
        let text = "  The summit opened.\nShare on Facebook Share on Twitter\n\n\nLeaders met.\n";
        assert_eq!(clean_extracted(text), "The summit opened.\n\nLeaders met.");
    }
}
