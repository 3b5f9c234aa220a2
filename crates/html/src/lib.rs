//! HTML pages to article text and metadata. Pure: bytes in, [`Page`] out.
//!
//! The body is found by [`dom_smoothie`] (a port of Mozilla's Readability, chosen after
//! measuring it against `trafilatura`, `rs-trafilatura` and `llm_readability` on test pages
//! that imitate news sites: it kept every article paragraph, dropped most of the furniture, and
//! was the fastest; see the crate README). Before it runs, elements that are furniture by name
//! are removed from the tree ([`FURNITURE`]: navigation, footers, forms, captions, share bars,
//! newsletter and donation blocks, related links, cookie notices), because readability keeps
//! such a block when it sits inside the article element. What is left inside the article's own
//! paragraphs (an appeal sharing the content `<div>`) is for the text stage's boilerplate rules.
//!
//! Metadata, each with fallbacks in order:
//! - title: JSON-LD `headline`, `og:title`, ... (as readability reads them), else the first `<h1>`;
//! - publication date: JSON-LD `datePublished`, `article:published_time` and kin, `<time
//!   datetime>` (in the article first), `itemprop="datePublished"`, else a date in the URL
//!   (`/2023/09/15/`, `/2023-09-15/`, `/20230915/`); the date as the publisher wrote it (no time
//!   zone conversion);
//! - canonical URL: `<link rel="canonical">`, `og:url`, else the URL given;
//! - site: `og:site_name`, JSON-LD `publisher.name`, else the URL's host without `www.`.
//!
//! Guards against hostile pages: a page is refused when it is nested deeper than [`MAX_DEPTH`]
//! (tree algorithms recurse) or holds more than [`MAX_ELEMENTS`] elements.

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};
use jiff::civil::Date;
use std::fmt;

/// Deepest element nesting accepted (estimated from the tags before parsing).
pub const MAX_DEPTH: usize = 512;
/// Most elements accepted in one page.
pub const MAX_ELEMENTS: usize = 200_000;

/// Elements removed before the body is looked for: furniture by tag, role or class/id name
/// (substrings matched in any case: `Article_photoCaption__k1` is a caption).
pub const FURNITURE: &str = "nav, footer, aside, form, figcaption, noscript, iframe, button, select, \
    [role=navigation], [role=banner], [role=contentinfo], [role=complementary], [aria-label=breadcrumb], \
    [class*=newsletter i], [id*=newsletter i], [class*=donat i], [id*=donat i], [class*=subscri i], [id*=subscri i], \
    [class*=share i], [id*=share i], [class*=social i], [class*=related i], [id*=related i], [class*=recommend i], \
    [class*=promo i], [class*=cookie i], [id*=cookie i], [class*=consent i], [class*=caption i], [class*=credit i], \
    [class*=advert i], [id*=advert i], [class*=sponsor i], [class*=paywall i], [class*=read-more i], [class*=readmore i], \
    [class*=most-read i], [class*=breadcrumb i], [class*=byline i], [class*=tags i], [class*=sidebar i], [class*=popup i], \
    [class*=modal i], [class*=banner i], [class*=support-us i], [class*=membership i], [class^='ad-'], [class*=' ad-'], \
    [class~=ad], [id^='ad-'], span[class*=label i], a[href^='javascript:'], a[rel=prev], a[rel=next]";

/// Starts of link texts that are navigation ("« Back to press releases").
const NAV_LINKS: [&str; 5] = ["«", "‹", "←", "back to ", "return to "];

/// What a page holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub title: Option<String>,
    /// The article body: one paragraph a line, paragraphs separated by blank lines.
    pub text: String,
    pub published: Option<Date>,
    pub canonical_url: Option<String>,
    pub site: Option<String>,
}

/// Why a page gave no article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HtmlError {
    /// Nested deeper than [`MAX_DEPTH`] (an HTML bomb, or badly broken markup).
    TooDeep(usize),
    /// More than [`MAX_ELEMENTS`] elements.
    TooManyElements,
    /// No article text found.
    NoText,
}

impl fmt::Display for HtmlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HtmlError::TooDeep(d) => write!(f, "HTML nested at least {d} elements deep (limit {MAX_DEPTH}); page refused"),
            HtmlError::TooManyElements => write!(f, "more than {MAX_ELEMENTS} HTML elements; page refused"),
            HtmlError::NoText => write!(f, "no article text found in the page"),
        }
    }
}

impl std::error::Error for HtmlError {}

/// Decode page bytes: the `charset` given (HTTP header) if known, else a byte order mark, else a
/// `<meta charset>` in the first 2 KB, else UTF-8. Malformed sequences become U+FFFD.
pub fn decode(bytes: &[u8], charset: Option<&str>) -> String {
    let label = charset.map(str::to_string).or_else(|| meta_charset(bytes));
    let encoding = label
        .and_then(|l| encoding_rs::Encoding::for_label(l.trim().as_bytes()))
        .unwrap_or(encoding_rs::UTF_8);
    let (text, _, _) = encoding.decode(bytes);
    text.into_owned()
}

/// `<meta charset="...">` or `<meta http-equiv="Content-Type" content="...; charset=...">`.
fn meta_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(2048)];
    let lower = String::from_utf8_lossy(head).to_ascii_lowercase();
    let at = lower.find("charset=")?;
    let rest = lower[at + 8..].trim_start_matches(['"', '\'']);
    let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')).unwrap_or(rest.len());
    (end > 0).then(|| rest[..end].to_string())
}

/// Estimate the deepest element nesting of `html` from its tags, without parsing: start tags of
/// elements that need an end tag open a level, end tags close one (never below zero). Elements
/// whose end tag is optional (`p`, `li`, `td`, ...) and void elements do not count, so sloppy
/// markup is not taken for a bomb.
pub fn nesting_depth(html: &str) -> usize {
    let b = html.as_bytes();
    let (mut depth, mut max, mut i) = (0usize, 0usize, 0usize);
    while let Some(off) = memchr(b'<', &b[i..]) {
        i += off + 1;
        let close = b.get(i) == Some(&b'/');
        let start = if close { i + 1 } else { i };
        let mut end = start;
        while end < b.len() && (b[end].is_ascii_alphanumeric() || b[end] == b'-') {
            end += 1;
        }
        if end == start || end - start > 20 {
            continue;
        }
        let name = html[start..end].to_ascii_lowercase();
        if is_void_or_optional(&name) {
            continue;
        }
        // Raw-text elements: skip to their end tag, their content holds no tags.
        if !close && matches!(name.as_str(), "script" | "style" | "textarea" | "title") {
            i = end_of_raw_text(b, end, name.as_bytes());
            continue;
        }
        if close {
            depth = depth.saturating_sub(1);
        } else {
            // `<x ... />` opens nothing.
            // (Looked for within 4 KB: a run of `<a<a<a` must not make this quadratic.)
            let window = &b[end..(end + 4096).min(b.len())];
            let tag_end = memchr(b'>', window).map_or(end + window.len(), |p| end + p);
            if tag_end > 0 && b.get(tag_end - 1) == Some(&b'/') {
                continue;
            }
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

/// Just past the `</name` that ends a raw-text element whose content starts at `from` (or the end).
fn end_of_raw_text(b: &[u8], mut from: usize, name: &[u8]) -> usize {
    while let Some(off) = memchr(b'<', &b[from..]) {
        let at = from + off;
        let tag = &b[(at + 2).min(b.len())..(at + 2 + name.len()).min(b.len())];
        if b.get(at + 1) == Some(&b'/') && tag.eq_ignore_ascii_case(name) {
            return at + 2 + name.len();
        }
        from = at + 1;
    }
    b.len()
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&b| b == needle)
}

fn is_void_or_optional(name: &str) -> bool {
    matches!(
        name,
        "area" | "base" | "br" | "col" | "embed" | "hr" | "img" | "input" | "link" | "meta" | "source" | "track"
            | "wbr" | "param" | "keygen" | "p" | "li" | "dt" | "dd" | "td" | "th" | "tr" | "option" | "optgroup"
            | "thead" | "tbody" | "tfoot" | "colgroup" | "rb" | "rt" | "rp" | "html" | "head" | "body"
    )
}

/// Extract the article of a whole page. `url` is where the page was found (a WARC target URI),
/// used for relative canonical links, the URL date and the site.
pub fn extract(html: &str, url: Option<&str>) -> Result<Page, HtmlError> {
    let depth = nesting_depth(html);
    if depth > MAX_DEPTH {
        return Err(HtmlError::TooDeep(depth));
    }
    let doc = Document::from(html);
    if doc.select("*").length() > MAX_ELEMENTS {
        return Err(HtmlError::TooManyElements);
    }
    let meta = Meta::read(&doc, url);
    remove_furniture(&doc);
    let cfg = Config { text_mode: TextMode::Formatted, max_elements_to_parse: MAX_ELEMENTS, ..Config::default() };
    // Readability wants an absolute URL; a bad one is only a lost hint.
    let base = meta.canonical_url.as_deref().filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let article = Readability::with_document(doc, base, Some(cfg.clone()))
        .or_else(|_| Readability::with_document(Document::from(""), None, Some(cfg)))
        .ok()
        .and_then(|mut r| r.parse().ok());
    let (text, title, site, published) = match article {
        Some(a) => (clean_text(&a.text_content), non_empty(a.title), a.site_name, a.published_time),
        None => (String::new(), None, None, None),
    };
    if text.trim().is_empty() {
        return Err(HtmlError::NoText);
    }
    Ok(Page {
        title: meta.og_title.clone().or(title.filter(|t| agrees(meta.heading.as_deref(), t))).or(meta.heading.clone()).or(meta.title.clone()),
        text,
        published: published.as_deref().and_then(parse_date).or(meta.published),
        site: meta.site.or(site.and_then(non_empty)).or_else(|| meta.canonical_url.as_deref().or(url).and_then(host)),
        canonical_url: meta.canonical_url.or_else(|| url.map(str::to_string)),
    })
}

/// Text of an HTML fragment (a feed item's content): paragraphs on their own lines, entities
/// decoded, no readability (a fragment is all article).
pub fn fragment_text(html: &str) -> Result<String, HtmlError> {
    let depth = nesting_depth(html);
    if depth > MAX_DEPTH {
        return Err(HtmlError::TooDeep(depth));
    }
    if !html.contains('<') && !html.contains('&') {
        return Ok(html.trim().to_string());
    }
    let doc = Document::fragment(html);
    if doc.select("*").length() > MAX_ELEMENTS {
        return Err(HtmlError::TooManyElements);
    }
    doc.select("script, style, figcaption, [class*=caption], [class*=credit]").remove();
    let text = clean_text(&doc.formatted_text());
    if text.trim().is_empty() {
        return Err(HtmlError::NoText);
    }
    Ok(text)
}

fn non_empty(s: String) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// Remove furniture elements, but never one holding the article (or most of the page's text).
fn remove_furniture(doc: &Document) {
    let total = doc.select("body").text().len().max(1);
    for node in doc.select(FURNITURE).nodes() {
        let name = node.node_name().map(|n| n.to_string()).unwrap_or_default();
        if matches!(name.as_str(), "html" | "body" | "main" | "article") {
            continue;
        }
        let sel = dom_query::Selection::from(*node);
        if sel.select("article, main, [itemprop=articleBody]").exists() {
            continue;
        }
        if sel.text().len() * 2 > total {
            continue;
        }
        sel.remove();
    }
    for a in doc.select("a").nodes() {
        let sel = dom_query::Selection::from(*a);
        let text = sel.text().trim().to_lowercase();
        if text.len() < 60 && NAV_LINKS.iter().any(|p| text.starts_with(p)) {
            sel.remove();
        }
    }
}

/// Readability's title is trusted when it agrees with the page's heading (or there is none).
fn agrees(heading: Option<&str>, title: &str) -> bool {
    heading.is_none_or(|h| h.contains(title) || title.contains(h))
}

/// Paragraph lines trimmed, runs of blank lines collapsed to one.
fn clean_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in text.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        blank = false;
        out.push_str(&line);
    }
    out
}

/// Metadata read before the tree is cleaned.
struct Meta {
    title: Option<String>,
    og_title: Option<String>,
    /// The first `<h1>`, else the first `<h2>` that starts like the `<title>`.
    heading: Option<String>,
    published: Option<Date>,
    canonical_url: Option<String>,
    site: Option<String>,
}

impl Meta {
    fn read(doc: &Document, url: Option<&str>) -> Meta {
        let attr = |sel: &str, name: &str| {
            doc.select(sel).iter().find_map(|s| s.attr(name).map(|v| v.trim().to_string()).filter(|v| !v.is_empty()))
        };
        let text_of = |sel: &str| {
            doc.select(sel).iter().find_map(|s| {
                let t = s.text().split_whitespace().collect::<Vec<_>>().join(" ");
                (!t.is_empty()).then_some(t)
            })
        };
        let canonical = attr("link[rel=canonical]", "href").or_else(|| attr("meta[property='og:url']", "content"));
        let canonical_url = canonical.map(|c| resolve(&c, url));
        let date = attr("meta[property='article:published_time']", "content")
            .or_else(|| json_ld_date(doc))
            .or_else(|| attr("meta[itemprop=datePublished]", "content"))
            .or_else(|| attr("meta[name=pubdate], meta[name=publishdate], meta[name=date], meta[name='dc.date'], meta[name='DC.date.issued'], meta[name='parsely-pub-date'], meta[name='sailthru.date']", "content"))
            .and_then(|d| parse_date(&d))
            .or_else(|| {
                ["article time[datetime]", "time[itemprop=datePublished]", "time[pubdate]", "time[datetime]"]
                    .iter()
                    .find_map(|sel| attr(sel, "datetime").and_then(|d| parse_date(&d)))
            })
            .or_else(|| canonical_url.as_deref().and_then(url_date))
            .or_else(|| url.and_then(url_date));
        let title = text_of("title");
        let heading = text_of("article h1").or_else(|| text_of("h1")).or_else(|| {
            let t = title.as_deref()?.to_lowercase();
            doc.select("h2").iter().find_map(|h| {
                let text = h.text().split_whitespace().collect::<Vec<_>>().join(" ");
                let start: Vec<&str> = text.split(' ').take(3).collect();
                (start.len() == 3 && t.contains(&start.join(" ").to_lowercase())).then_some(text)
            })
        });
        Meta {
            og_title: attr("meta[property='og:title']", "content"),
            title,
            heading,
            published: date,
            site: attr("meta[property='og:site_name']", "content"),
            canonical_url,
        }
    }
}

/// `datePublished` from any JSON-LD block (also inside `@graph` and lists).
fn json_ld_date(doc: &Document) -> Option<String> {
    fn find(v: &serde_json::Value, depth: usize) -> Option<String> {
        if depth > 8 {
            return None;
        }
        match v {
            serde_json::Value::Object(m) => {
                if let Some(serde_json::Value::String(s)) = m.get("datePublished") {
                    return Some(s.clone());
                }
                m.values().find_map(|x| find(x, depth + 1))
            }
            serde_json::Value::Array(a) => a.iter().find_map(|x| find(x, depth + 1)),
            _ => None,
        }
    }
    doc.select("script[type='application/ld+json']").iter().find_map(|s| {
        let text = s.text();
        serde_json::from_str::<serde_json::Value>(&text).ok().and_then(|v| find(&v, 0))
    })
}

/// An absolute URL for `href` found on the page at `base`.
fn resolve(href: &str, base: Option<&str>) -> String {
    if href.contains("://") {
        return href.to_string();
    }
    let Some(base) = base else { return href.to_string() };
    let Some(scheme_end) = base.find("://") else { return href.to_string() };
    let host_end = base[scheme_end + 3..].find('/').map_or(base.len(), |i| scheme_end + 3 + i);
    if let Some(rest) = href.strip_prefix("//") {
        return format!("{}//{rest}", &base[..scheme_end + 1]);
    }
    if href.starts_with('/') {
        return format!("{}{href}", &base[..host_end]);
    }
    href.to_string()
}

/// The host of a URL, without `www.`.
pub fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?;
    let host = host.split(':').next()?.trim_start_matches("www.").to_ascii_lowercase();
    (!host.is_empty()).then_some(host)
}

/// A date as publishers write it: `2023-09-15`, an RFC 3339 or ISO timestamp (date part as
/// written), `20230915`, or RFC 2822 (`Fri, 15 Sep 2023 10:00:00 +0300`).
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|x| x.iter().all(u8::is_ascii_digit));
    let ymd = |y: &str, m: &str, d: &str| Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok();
    if digits(0..4) && b.get(4) == Some(&b'-') && digits(5..7) && b.get(7) == Some(&b'-') && digits(8..10) {
        let ok_end = b.len() == 10 || matches!(b[10], b'T' | b't' | b' ');
        return if ok_end { ymd(&s[0..4], &s[5..7], &s[8..10]) } else { None };
    }
    if b.len() == 8 && digits(0..8) {
        return ymd(&s[0..4], &s[4..6], &s[6..8]);
    }
    jiff::fmt::rfc2822::parse(s).ok().map(|z| z.date())
}

/// A date in a URL path: `/2023/09/15/`, `/2023-09-15`, `/20230915/`.
pub fn url_date(url: &str) -> Option<Date> {
    let path = url.split_once("://").map_or(url, |(_, r)| r.split_once('/').map_or("", |(_, p)| p));
    let parts: Vec<&str> = path.split(['/', '?', '#', '_']).collect();
    let year = |p: &str| p.len() == 4 && p.bytes().all(|c| c.is_ascii_digit()) && (1990..2100).contains(&p.parse::<i32>().unwrap_or(0));
    let two = |p: &str| (1..=2).contains(&p.len()) && p.bytes().all(|c| c.is_ascii_digit());
    for (i, p) in parts.iter().enumerate() {
        if year(p) && parts.get(i + 1).is_some_and(|m| two(m)) && parts.get(i + 2).is_some_and(|d| two(d)) {
            if let Ok(d) = Date::new(p.parse().ok()?, parts[i + 1].parse().ok()?, parts[i + 2].parse().ok()?) {
                return Some(d);
            }
        }
        for piece in p.split('-').collect::<Vec<_>>().windows(3) {
            if year(piece[0]) && piece[1].len() == 2 && two(piece[1]) && piece[2].len() == 2 && two(piece[2]) {
                if let Ok(d) = Date::new(piece[0].parse().ok()?, piece[1].parse().ok()?, piece[2].parse().ok()?) {
                    return Some(d);
                }
            }
        }
        if p.len() == 8 && p.bytes().all(|c| c.is_ascii_digit()) && year(&p[..4]) {
            if let Ok(d) = Date::new(p[..4].parse().ok()?, p[4..6].parse().ok()?, p[6..8].parse().ok()?) {
                return Some(d);
            }
        }
    }
    None
}

/// Whether bytes look like an HTML page (for sniffing inputs without an extension).
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let t = head.trim_start_matches('\u{feff}').trim_start();
    t.starts_with("<!doctype html") || t.starts_with("<html") || t.starts_with("<head") || t.starts_with("<!--") && t.contains("<html")
        || (t.starts_with("<?xml") && t.contains("<html"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let d = |y, m, dd| Some(Date::new(y, m, dd).unwrap());
        assert_eq!(parse_date("2023-09-15T23:30:00-05:00"), d(2023, 9, 15));
        assert_eq!(parse_date("2023-09-15"), d(2023, 9, 15));
        assert_eq!(parse_date("20230915"), d(2023, 9, 15));
        assert_eq!(parse_date("Fri, 15 Sep 2023 10:00:00 +0300"), d(2023, 9, 15));
        assert_eq!(parse_date("2023-13-15"), None);
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(url_date("https://a.example/2023/09/15/story"), d(2023, 9, 15));
        assert_eq!(url_date("https://a.example/world/story-2023-09-15-x"), d(2023, 9, 15));
        assert_eq!(url_date("https://a.example/news/20230915/story"), d(2023, 9, 15));
        assert_eq!(url_date("https://a.example/news/story-a82411"), None);
    }

    #[test]
    fn hosts_and_links() {
        assert_eq!(host("https://www.Example.com:8080/a?b").as_deref(), Some("example.com"));
        assert_eq!(resolve("/a/b", Some("https://x.example/c/d")), "https://x.example/a/b");
        assert_eq!(resolve("//y.example/a", Some("https://x.example/")), "https://y.example/a");
    }

    #[test]
    fn depth_estimate() {
        assert_eq!(nesting_depth("<div><div><p>a<p>b</div></div>"), 2);
        assert_eq!(nesting_depth("<script>if (a<b) {}</script><div/><br><img src=x>"), 0);
        let bomb = "<div>".repeat(100_000);
        assert_eq!(nesting_depth(&bomb), 100_000);
        assert!(matches!(extract(&bomb, None), Err(HtmlError::TooDeep(_))));
    }

    #[test]
    fn charsets() {
        let cp1251 = b"<meta charset=\"windows-1251\"><p>\xcf\xf0\xe8\xe2\xe5\xf2</p>";
        assert!(decode(cp1251, None).contains("Привет"));
        assert!(decode(b"\xcf\xf0", Some("windows-1251")).contains("Пр"));
        assert_eq!(decode(b"caf\xc3\xa9", None), "café");
    }

    #[test]
    fn fragments() {
        assert_eq!(fragment_text("<p>One &amp; two.</p><p>Three.</p>").unwrap(), "One & two.\n\nThree.");
        assert_eq!(fragment_text("Plain text.").unwrap(), "Plain text.");
    }
}
