//! A generated crawl for benchmarking `dyad code` at scale: a WARC.gz of HTML pages (as in
//! CC-NEWS: one gzip member per record, `warcinfo`, `request` and `response` records) and a
//! JSONL file of the same kind of stories, each grown to a given size, written as a stream.
//!
//! Like a real month of news it has several site layouts (menus, share bars, related links,
//! newsletter boxes, captions, footers), one publisher that ends every story with its donation
//! appeal inside the content block, and wire copy: about one story in twenty is republished by
//! another outlet with a small edit. Deterministic: the same size gives the same bytes.

use crate::bench_corpus::{ACTORS, FILLERS, TEMPLATES};
use flate2::write::GzEncoder;
use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

/// What was written.
#[derive(Debug, Default)]
pub struct CrawlStats {
    pub pages: usize,
    /// Pages that are republished copies.
    pub copies: usize,
    /// Bytes of the WARC before compression, and of the .warc.gz.
    pub warc_bytes: u64,
    pub warc_gz_bytes: u64,
    pub jsonl_bytes: u64,
    pub jsonl_records: usize,
}

struct Site {
    name: &'static str,
    host: &'static str,
    layout: usize,
    appeal: bool,
}

const SITES: &[Site] = &[
    Site { name: "Harbour Post", host: "harbourpost.example", layout: 0, appeal: false },
    Site { name: "The Northern Times", host: "northerntimes.example", layout: 1, appeal: true },
    Site { name: "Worldwire", host: "worldwire.example", layout: 2, appeal: false },
    Site { name: "Frontline Dispatch", host: "frontlinedispatch.example", layout: 1, appeal: false },
    Site { name: "Steppe Daily", host: "steppedaily.example", layout: 0, appeal: false },
];

const APPEAL: &[&str] = &[
    "A Message from The Northern Times:",
    "Dear readers,",
    "We are facing unprecedented challenges. The Prosecutor General's Office has designated The Northern Times as an \"undesirable\" organization, criminalizing our work and putting our staff at risk of prosecution.",
    "Our journalism depends on you. Please support us with a monthly contribution starting at just $2. It's quick to set up, and every contribution makes a significant impact.",
    "Remind me later.",
];

/// xorshift64*, as the sentence corpus uses.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// One story: title and paragraphs.
#[derive(Clone)]
struct Story {
    title: String,
    paragraphs: Vec<String>,
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

fn story(rng: &mut Rng) -> Story {
    let n = 5 + rng.below(7);
    let mut s = rng.below(ACTORS.len());
    let mut t = (s + 1 + rng.below(ACTORS.len() - 1)) % ACTORS.len();
    let mut paragraphs = Vec::new();
    let mut para = String::new();
    let mut title = String::new();
    for k in 0..n {
        if k > 0 && rng.below(3) == 0 {
            s = rng.below(ACTORS.len());
            t = (s + 1 + rng.below(ACTORS.len() - 1)) % ACTORS.len();
        }
        let template = if k > 0 && rng.below(10) < 3 { rng.pick(FILLERS) } else { rng.pick(TEMPLATES) };
        let sentence = capitalise(&template.replace("{S}", ACTORS[s]).replace("{T}", ACTORS[t]));
        if k == 0 {
            title = sentence.trim_end_matches('.').to_string();
        }
        if !para.is_empty() {
            para.push(' ');
        }
        para.push_str(&sentence);
        // Two or so sentences a paragraph.
        if rng.below(2) == 0 || k + 1 == n {
            paragraphs.push(std::mem::take(&mut para));
        }
    }
    Story { title, paragraphs }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The page of `story` on `site`.
fn page(site: &Site, story: &Story, url: &str, date: &str) -> String {
    let title = esc(&story.title);
    let mut body = String::new();
    for (i, p) in story.paragraphs.iter().enumerate() {
        body.push_str(&format!("<p>{}</p>\n", esc(p)));
        if i == 1 && site.layout == 2 {
            body.push_str("<div class=\"ad-slot\"><span>Advertisement · Scroll to continue</span></div>\n");
        }
    }
    if site.appeal {
        for p in APPEAL {
            body.push_str(&format!("<p>{}</p>\n", esc(p)));
        }
    }
    let nav = "<a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/politics\">Politics</a> <a href=\"/business\">Business</a> <a href=\"/opinion\">Opinion</a> <a href=\"/sport\">Sport</a>";
    let related = "<ul><li><a href=\"/r1\">Ministers meet to discuss the budget</a></li><li><a href=\"/r2\">Talks resume after a week of delays</a></li><li><a href=\"/r3\">Protesters gather outside parliament</a></li></ul>";
    match site.layout {
        0 => format!(
            r##"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | {name}</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="{name}"><meta property="og:url" content="{url}">
<meta property="article:published_time" content="{date}T08:00:00+00:00"><link rel="stylesheet" href="/s.css"></head><body>
<header><nav class="main-menu">{nav}</nav><div class="search"><form><input name="q"><button>Search</button></form></div></header>
<main><article><h1>{title}</h1><div class="byline">By Staff Reporter · {date}</div>
<figure><img src="/img/lead.jpg"><figcaption>Delegates arrive for the talks. Photo: {name}</figcaption></figure>
<div class="story-body">
{body}</div>
<div class="share-tools">Share on Facebook · Share on X · Copy link</div>
<section class="related-stories"><h3>Related stories</h3>{related}</section>
<div class="newsletter-signup">Sign up for the {name} morning briefing. Get the top stories in your inbox.</div>
</article></main><footer><p>© 2023 {name}. All rights reserved.</p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer></body></html>"##,
            name = site.name
        ),
        1 => format!(
            r##"<!doctype html><html><head><meta charset="utf-8"><title>{title} - {name}</title>
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"{title}","datePublished":"{date}T14:05:00+03:00","publisher":{{"@type":"Organization","name":"{name}"}}}}</script>
<link rel="canonical" href="{url}"></head><body>
<div class="topbar">{nav} <a class="btn-support" href="/contribute">Support {name}</a></div>
<div class="container"><div class="row"><div class="col-main"><article class="article">
<div class="article__header"><div class="article__tags"><a href="/tags/politics">Politics</a></div><h1>{title}</h1></div>
<div class="article__content">
{body}</div>
<div class="article__bottom"><div class="article__share"><span>Share</span> <a href="#">Telegram</a> <a href="#">Facebook</a></div></div>
</article></div><aside class="col-sidebar"><h4>Most read</h4>{related}</aside></div></div>
<footer><p>{name} is an independent news outlet.</p><p>© 2023 {name}. All rights reserved.</p></footer></body></html>"##,
            name = site.name
        ),
        _ => format!(
            r##"<html><head><title>{title}</title><meta name="twitter:card" content="summary">
<meta property="og:site_name" content="{name}"></head><body>
<div id="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
<div class="site-nav">{nav}</div>
<div class="article-wrapper"><h1 class="headline">{title}</h1><time datetime="{date}T09:30:00Z">{date}</time>
<div class="article-body">
{body}<p class="signoff">Reporting by Jane Okafor; Editing by Mark Potter</p></div>
<div class="read-next"><h2>Read Next</h2>{related}</div></div>
<div class="footer-links"><a href="/about">About {name}</a> · <a href="/standards">Our Standards</a></div></body></html>"##,
            name = site.name
        ),
    }
}

fn gz_member(out: &mut impl Write, record: &[u8]) -> io::Result<()> {
    let mut e = GzEncoder::new(Vec::with_capacity(record.len() / 3), flate2::Compression::fast());
    e.write_all(record)?;
    out.write_all(&e.finish()?)
}

fn warc_record(kind: &str, uri: &str, date: &str, id: u64, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Date: {date}T12:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{id:012x}>\r\nWARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

/// Counts bytes written through it.
struct Counted<W> {
    inner: W,
    n: u64,
}

impl<W: Write> Write for Counted<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.n += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Write `dir/crawl.warc.gz` (until its uncompressed WARC holds `bytes` bytes) and
/// `dir/crawl.jsonl` (`bytes` bytes) of the same stories.
pub fn write(dir: &Path, bytes: u64) -> io::Result<CrawlStats> {
    std::fs::create_dir_all(dir)?;
    let mut stats = CrawlStats::default();
    let mut warc = Counted { inner: BufWriter::with_capacity(1 << 20, File::create(dir.join("crawl.warc.gz"))?), n: 0 };
    let mut jsonl = Counted { inner: BufWriter::with_capacity(1 << 20, File::create(dir.join("crawl.jsonl"))?), n: 0 };
    let mut rng = Rng(0x0DDB_1A5E_5BAD_5EED);
    let info = b"software: dyad bench (generated crawl)\r\nformat: WARC File Format 1.0\r\n";
    let rec = warc_record("warcinfo", "", "2023-09-01", 0, "application/warc-fields", info);
    stats.warc_bytes += rec.len() as u64;
    gz_member(&mut warc, &rec)?;
    // Recent stories, for wire copy.
    let mut recent: VecDeque<Story> = VecDeque::new();
    let mut id = 1u64;
    while stats.warc_bytes < bytes || jsonl.n < bytes {
        let n = stats.pages;
        let site = &SITES[rng.below(SITES.len())];
        let copy = !recent.is_empty() && rng.below(20) == 0;
        let story = if copy {
            // Republished with a small edit: one paragraph's first word changed, a line added.
            let mut s = recent[rng.below(recent.len())].clone();
            let i = rng.below(s.paragraphs.len());
            s.paragraphs[i] = format!("Meanwhile, {}", s.paragraphs[i]);
            s.paragraphs.push(format!("{} contributed reporting.", site.name));
            stats.copies += 1;
            s
        } else {
            let s = story(&mut rng);
            recent.push_back(s.clone());
            if recent.len() > 200 {
                recent.pop_front();
            }
            s
        };
        let day = jiff::civil::date(2023, 9, 1) + jiff::Span::new().days((n / 2000) as i64 % 30);
        let date = day.to_string();
        let url = format!("https://www.{}/{}/{}/{}/story-{n}", site.host, day.year(), day.month(), day.day());
        if stats.warc_bytes < bytes {
            let html = page(site, &story, &url, &date);
            let request = format!("GET /story-{n} HTTP/1.1\r\nHost: www.{}\r\nUser-Agent: dyad-bench\r\n\r\n", site.host);
            let rec = warc_record("request", &url, &date, id, "application/http; msgtype=request", request.as_bytes());
            id += 1;
            stats.warc_bytes += rec.len() as u64;
            gz_member(&mut warc, &rec)?;
            let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{html}", html.len());
            let rec = warc_record("response", &url, &date, id, "application/http; msgtype=response", http.as_bytes());
            id += 1;
            stats.warc_bytes += rec.len() as u64;
            gz_member(&mut warc, &rec)?;
            stats.pages += 1;
        }
        if jsonl.n < bytes {
            let mut text = story.paragraphs.join("\n\n");
            if site.appeal {
                text.push_str("\n\n");
                text.push_str(&APPEAL.join("\n"));
            }
            let record = serde_json::json!({
                "id": format!("crawl-{n}"), "title": story.title, "text": text, "url": url,
                "source": site.name, "published": date,
            });
            serde_json::to_writer(&mut jsonl, &record)?;
            jsonl.write_all(b"\n")?;
            stats.jsonl_records += 1;
        }
    }
    warc.flush()?;
    jsonl.flush()?;
    stats.warc_gz_bytes = warc.n;
    stats.jsonl_bytes = jsonl.n;
    Ok(stats)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_crawl_reads_back() {
        let dir = std::env::temp_dir().join(format!("dyad-crawl-test-{}", std::process::id()));
        let stats = write(&dir, 200_000).unwrap();
        assert!(stats.pages > 20 && stats.warc_bytes >= 200_000 && stats.jsonl_bytes >= 200_000);
        let read: Vec<_> = dyad_ingest::read_articles(
            [dyad_ingest::Input::Path(dir.join("crawl.warc.gz"))],
            dyad_ingest::IngestOptions::default(),
        )
        .collect();
        assert_eq!(read.len(), stats.pages);
        for a in &read {
            let a = a.as_ref().unwrap();
            assert!(a.title.is_some() && a.published.is_some() && a.url.is_some() && a.source.is_some(), "{a:?}");
            assert!(!a.body.contains("Share on") && !a.body.contains("Sign up for"), "{}", a.body);
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
