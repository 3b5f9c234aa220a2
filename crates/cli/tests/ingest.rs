//! `dyad code` on news as it comes: HTML pages, WARC(.gz) files, feeds, compressed files,
//! duplicates, recurring boilerplate, broken inputs, Ctrl-C. Every input is written here, at run
//! time; the seed article is read from ../shared (the test skips without it).

use flate2::write::GzEncoder;
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn data(name: &str) -> String {
    format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn pages() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../ingest/tests/pages")
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("dyad-ingest-tests");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    let _ = std::fs::remove_file(&path);
    let _ = std::fs::remove_dir_all(&path);
    path
}

fn test_dicts() -> Vec<String> {
    ["--actors", "actors.txt", "--agents", "agents.txt", "--verbs", "verbs.txt", "--discards", "discards.txt"]
        .iter()
        .enumerate()
        .map(|(i, s)| if i % 2 == 1 { data(s) } else { s.to_string() })
        .collect()
}

fn run(args: &[String], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run dyad");
    if let Some(input) = stdin {
        let mut w = child.stdin.take().unwrap();
        let input = input.to_vec();
        std::thread::spawn(move || {
            let _ = w.write_all(&input);
        });
    }
    child.wait_with_output().unwrap()
}

/// `dyad code ARGS` with the test dictionaries.
fn code(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut all: Vec<String> = vec!["code".into()];
    all.extend(args.iter().map(|s| s.to_string()));
    all.extend(test_dicts());
    run(&all, stdin)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn events(o: &Output) -> Vec<Value> {
    std::str::from_utf8(&o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

/// A WARC response record holding `html` as fetched from `uri` on `date`.
fn warc_response(uri: &str, date: &str, html: &str) -> Vec<u8> {
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{html}", html.len());
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Date: {date}\r\nWARC-Record-ID: <urn:uuid:{}>\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        uri.rsplit('/').next().unwrap(),
        http.len()
    )
    .into_bytes();
    r.extend_from_slice(http.as_bytes());
    r.extend_from_slice(b"\r\n\r\n");
    r
}

/// A news page in the layout of a small CMS: menu, the story, a share bar, related links, a
/// newsletter box, a footer.
fn cms_page(title: &str, date: &str, paragraphs: &[&str]) -> String {
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        r#"<!DOCTYPE html><html><head><title>{title} | Harbour Post</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="Harbour Post">
<meta property="article:published_time" content="{date}T08:00:00+00:00"></head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/opinion">Opinion</a></nav></header>
<main><article><h1>{title}</h1><div class="story-body">
{body}</div>
<div class="share-tools">Share on Facebook · Share on X</div>
<section class="related-stories"><h3>Related stories</h3><ul><li><a href="/a">Moscow hosts regional forum</a></li></ul></section>
<div class="newsletter-signup">Sign up for the Harbour Post morning briefing</div>
</article></main><footer>© 2023 Harbour Post. All rights reserved.</footer></body></html>"#
    )
}

#[test]
fn warc_gz_pages_are_coded_with_urls_dates_and_titles() {
    let mut warc = b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 12\r\n\r\nsoftware: x\n\r\n\r\n".to_vec();
    let p1 = cms_page("China and Russia hold talks", "2023-09-14", &["China met Russia in Beijing on Thursday, officials said, in talks on trade and security that lasted two days."]);
    warc.extend(warc_response("https://harbour.example/world/talks-1", "2023-09-15T10:00:00Z", &p1));
    // A page without a date of its own: the WARC record's date is the fallback.
    let p2 = "<html><head><title>Visit</title></head><body><article><h1>Visit</h1><p>Russia visited China last week for a summit on energy, the foreign ministry said in a statement on Sunday.</p></article></body></html>";
    warc.extend(warc_response("https://other.example/news/visit", "2023-09-16T11:00:00Z", p2));
    // A broken record, then a good one.
    warc.extend(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: nonsense\r\n\r\njunk\r\n\r\n");
    let p3 = cms_page("Second round", "2023-09-20", &["Chinese officials met Russian diplomats in Moscow on Wednesday for a second round of consultations on the border."]);
    warc.extend(warc_response("https://harbour.example/world/talks-2", "2023-09-21T10:00:00Z", &p3));
    let path = scratch("crawl.warc.gz");
    std::fs::write(&path, gzip(&warc)).unwrap();

    let o = code(&[path.to_str().unwrap()], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let ev = events(&o);
    let by_url = |u: &str| ev.iter().filter(|e| e["url"] == u).collect::<Vec<_>>();
    let first = by_url("https://harbour.example/world/talks-1");
    assert_eq!(first.len(), 1, "{ev:#?}");
    assert_eq!(first[0]["published"], "2023-09-14");
    assert_eq!(first[0]["title"], "China and Russia hold talks");
    assert_eq!(first[0]["source_name"], "Harbour Post");
    assert_eq!(first[0]["code"], "040");
    let second = by_url("https://other.example/news/visit");
    assert_eq!(second[0]["published"], "2023-09-16", "WARC date as fallback");
    assert_eq!(second[0]["source_name"], "other.example");
    assert_eq!(by_url("https://harbour.example/world/talks-2").len(), 1);
    let err = stderr(&o);
    assert!(err.contains("crawl.warc.gz: byte ") && err.contains("Content-Length"), "{err}");
    assert!(err.contains("3 articles read, 1 skipped"), "{err}");
}

#[test]
fn feeds_rss_and_atom() {
    let rss = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Steppe Wire</title>
<item><title>Talks</title><link>https://steppe.example/1</link><guid>steppe-1</guid><pubDate>Thu, 14 Sep 2023 22:30:00 -0400</pubDate>
<description>Teaser only.</description><content:encoded><![CDATA[<p>China met Russia on Thursday.</p><figure><img src="x.jpg"><figcaption>Russia visited China in 2019. Photo: Steppe Wire</figcaption></figure>]]></content:encoded></item>
<item><title>No text</title><link>https://steppe.example/2</link></item>
<item><title>Visit</title><link>https://steppe.example/3</link><description>&lt;p&gt;Russia visited China.&lt;/p&gt;</description></item>
</channel></rss>"#;
    let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
<entry><title>Meeting</title><link href="https://atom.example/m"/><id>urn:atom:m</id><published>2023-10-01T09:00:00Z</published>
<content type="html">&lt;p&gt;Beijing met Moscow.&lt;/p&gt;</content></entry></feed>"#;
    let dir = scratch("feeds");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a.rss"), rss).unwrap();
    std::fs::write(dir.join("b.atom.gz"), gzip(atom.as_bytes())).unwrap();
    let o = code(&[dir.to_str().unwrap()], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let ev = events(&o);
    let ids: Vec<&str> = ev.iter().map(|e| e["article_id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["steppe-1", "https://steppe.example/3", "urn:atom:m"], "{ev:#?}");
    assert_eq!(ev[0]["published"], "2023-09-14", "the date as the publisher wrote it");
    assert_eq!(ev[0]["source_name"], "Steppe Wire");
    assert_eq!(ev[0]["title"], "Talks");
    assert_eq!(ev[2]["published"], "2023-10-01");
    assert!(stderr(&o).contains("3 articles read"), "{}", stderr(&o));
}

#[test]
fn jsonl_field_names_compression_and_stdin_sniffing() {
    let jsonl = "{\"doc\": \"x1\", \"body\": \"China met Russia.\", \"day\": \"2023-09-15\"}\n{\"doc\": \"x2\", \"page\": \"<html><body><article><p>Russia visited China on Monday for talks on gas supplies and trade, officials in both capitals said.</p></article></body></html>\"}\n";
    let args = ["--id-field", "doc", "--text-field", "body", "--date-field", "day", "--html-field", "page"];
    let path = scratch("fields.jsonl.zst");
    // zstd: no encoder in the tree; a stored (raw) block frame is easy to write by hand.
    std::fs::write(&path, zstd_raw(jsonl.as_bytes())).unwrap();
    let mut a: Vec<&str> = args.to_vec();
    a.push(path.to_str().unwrap());
    let o = code(&a, None);
    assert!(o.status.success(), "{}", stderr(&o));
    let ev = events(&o);
    assert_eq!(ev.len(), 2, "{ev:#?}");
    assert_eq!(ev[0]["article_id"], "x1");
    assert_eq!(ev[0]["published"], "2023-09-15");
    assert_eq!(ev[1]["article_id"], "x2");
    // The same as gzip on stdin.
    let o = code(&args, Some(&gzip(jsonl.as_bytes())));
    assert_eq!(events(&o).len(), 2, "{}", stderr(&o));
}

/// A zstd frame of raw (uncompressed) blocks.
fn zstd_raw(data: &[u8]) -> Vec<u8> {
    let mut out = vec![0x28, 0xb5, 0x2f, 0xfd];
    // Frame header: single segment, 4-byte content size.
    out.push(0b1010_0000);
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
    let chunks: Vec<&[u8]> = data.chunks(100_000).collect();
    for (i, c) in chunks.iter().enumerate() {
        let last = (i + 1 == chunks.len()) as u32;
        let header = last | ((c.len() as u32) << 3); // block type 0: raw
        out.extend_from_slice(&header.to_le_bytes()[..3]);
        out.extend_from_slice(c);
    }
    out
}

#[test]
fn near_duplicates_are_folded_and_linked() {
    let story = "China met Russia in Beijing on Thursday for talks on trade, energy and regional security, the foreign ministry said in a statement, adding that both sides had agreed to meet again before the end of the year.";
    let lines = [
        serde_json::json!({"id": "orig", "text": story, "source": "Wire"}),
        serde_json::json!({"id": "copy", "text": story.replace("Thursday", "Thursday evening"), "source": "Daily A"}),
        serde_json::json!({"id": "exact", "text": story, "source": "Daily B"}),
        serde_json::json!({"id": "other", "text": "Russia visited China to discuss the grain corridor with officials from the agriculture ministry and the port authority.", "source": "Daily C"}),
    ];
    let input: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let links = scratch("dups.jsonl");
    let o = code(&["--duplicates", links.to_str().unwrap()], Some(input.as_bytes()));
    assert!(o.status.success(), "{}", stderr(&o));
    let ids: Vec<String> = events(&o).iter().map(|e| e["article_id"].as_str().unwrap().to_string()).collect();
    assert_eq!(ids, ["orig", "other"]);
    assert!(stderr(&o).contains("2 near-duplicate articles folded"), "{}", stderr(&o));
    let links: Vec<Value> = std::fs::read_to_string(&links).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(links.len(), 2);
    assert_eq!(links[0]["article_id"], "copy");
    assert_eq!(links[0]["duplicate_of"], "orig");
    assert_eq!(links[1]["similarity"], 1.0);
    // --no-dedup codes every copy.
    let o = code(&["--no-dedup"], Some(input.as_bytes()));
    assert_eq!(events(&o).len(), 4);
}

#[test]
fn a_paragraph_recurring_across_a_source_is_not_coded() {
    // Each article ends with the same sidebar teaser, which would code an event.
    let teaser = "Most read this week: China visited Russia, and what it means for the region";
    let mut input = String::new();
    for i in 0..6 {
        let text = format!("Officials in district {i} opened a new school on day {i} of the festival, with {i} hundred pupils.\n\n{teaser}");
        input.push_str(&format!("{}\n", serde_json::json!({"id": format!("a{i}"), "text": text, "source": "Example Times"})));
    }
    // Another source with the teaser once: kept.
    input.push_str(&format!("{}\n", serde_json::json!({"id": "b", "text": teaser, "source": "Other Paper"})));
    let o = code(&[], Some(input.as_bytes()));
    assert!(o.status.success(), "{}", stderr(&o));
    let ids: Vec<String> = events(&o).iter().map(|e| e["article_id"].as_str().unwrap().to_string()).collect();
    assert_eq!(ids, ["b"], "{}", stderr(&o));
    assert!(stderr(&o).contains("6 recurring paragraphs dropped"), "{}", stderr(&o));
    let o = code(&["--recurring-min", "0"], Some(input.as_bytes()));
    assert_eq!(events(&o).len(), 7);
}

#[test]
fn broken_inputs_are_reported_skipped_and_counted() {
    let dir = scratch("broken");
    std::fs::create_dir_all(&dir).unwrap();
    // A truncated gzip file.
    let full = gzip("{\"id\": \"t1\", \"text\": \"China met Russia.\"}\n".repeat(2000).as_bytes());
    std::fs::write(dir.join("a-truncated.jsonl.gz"), &full[..full.len() / 2]).unwrap();
    // Invalid UTF-8 in a JSONL line, and a line over the limit.
    let mut bad = b"{\"id\": \"u1\", \"text\": \"Russia \xff visited China.\"}\n".to_vec();
    bad.extend(format!("{{\"id\": \"long\", \"text\": \"{}\"}}\n", "word ".repeat(40_000)).as_bytes());
    bad.extend(b"{\"id\": \"ok\", \"text\": \"Russia visited China.\"}\n");
    std::fs::write(dir.join("b-bad.jsonl"), bad).unwrap();
    // An HTML bomb.
    std::fs::write(dir.join("c-bomb.html"), format!("<html><body>{}<p>China met Russia.</p></body></html>", "<div>".repeat(2_000))).unwrap();
    // A page with invalid UTF-8 is decoded lossily.
    std::fs::write(dir.join("d-page.html"), b"<html><body><article><p>Russia visited China \xff on Monday for talks with the leadership about energy and trade.</p></article></body></html>").unwrap();
    let o = code(&["--max-record-bytes", "100000", dir.to_str().unwrap()], None);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(err.contains("a-truncated.jsonl.gz:") && err.contains("truncated or corrupt gzip"), "{err}");
    assert!(err.contains("b-bad.jsonl:1: invalid UTF-8"), "{err}");
    assert!(err.contains("b-bad.jsonl:2: record over the limit of 100000 bytes"), "{err}");
    assert!(err.contains("c-bomb.html: HTML: HTML nested"), "{err}");
    let ids: Vec<String> = events(&o).iter().map(|e| e["article_id"].as_str().unwrap().to_string()).collect();
    assert!(ids.contains(&"ok".to_string()) && ids.contains(&"d-page".to_string()), "{ids:?}");
    assert!(ids.iter().any(|i| i == "t1"), "articles before the truncation are kept");
}

#[test]
fn html_pages_in_a_folder_carry_title_url_and_date() {
    // Built-in dictionaries: only the metadata is asserted.
    let o = run(&["code".into(), pages().to_str().unwrap().into()], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let ev = events(&o);
    assert!(!ev.is_empty());
    for e in &ev {
        assert!(e["title"].is_string(), "{e}");
        assert!(e["published"].is_string(), "{e}");
    }
}

/// Ctrl-C ends the run after the batch in flight; what was written is whole JSON lines.
#[test]
fn interrupt_keeps_the_output_valid() {
    let input: String = (0..200_000).map(|i| format!("{{\"id\": \"n{i}\", \"text\": \"China met Russia on day {i}. Russia visited China in week {i}.\"}}\n")).collect();
    let out = scratch("interrupted.jsonl");
    let mut args: Vec<String> = vec!["code".into(), "-o".into(), out.to_str().unwrap().into(), "--threads".into(), "1".into()];
    args.extend(test_dicts());
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(&args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut w = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        let _ = w.write_all(input.as_bytes());
    });
    std::thread::sleep(std::time::Duration::from_millis(700));
    unsafe_kill(child.id());
    let o = child.wait_with_output().unwrap();
    let _ = feeder.join();
    let err = stderr(&o);
    let text = std::fs::read_to_string(&out).unwrap();
    for l in text.lines() {
        serde_json::from_str::<Value>(l).unwrap_or_else(|e| panic!("broken line after interrupt ({e}): {l}"));
    }
    assert!(text.is_empty() || text.ends_with('\n'));
    if o.status.code() == Some(130) {
        assert!(err.contains("interrupted"), "{err}");
    } else {
        // The run won the race and finished.
        assert!(o.status.success(), "{err}");
    }
}

/// SIGINT to a process, without a libc dependency in the tests.
fn unsafe_kill(pid: u32) {
    let _ = Command::new("kill").args(["-INT", &pid.to_string()]).status();
}

/// The seed article, in a page with a menu, the publisher's appeal inside the content block (as
/// the site has it) and a footer, codes exactly like the article's clean text.
#[test]
fn seed_article_page_codes_like_the_clean_text() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/examples/moscow-times-wang-yi-2023.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("note: {} not found; skipping", path.display());
        return;
    };
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let appeal_at = lines.iter().position(|l| l.starts_with("A Message from")).expect("the seed ends with the appeal");
    let clean = lines[..appeal_at].join("\n");
    let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let story: String = lines[..appeal_at].iter().map(|l| format!("      <p>{}</p>\n", esc(l))).collect();
    let appeal: String = lines[appeal_at..].iter().map(|l| format!("      <p>{}</p>\n", esc(l))).collect();
    let page = format!(
        r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>China's Top Diplomat Wang Yi to Visit Russia for Security Talks - The Moscow Times</title>
<meta property="og:title" content="China's Top Diplomat Wang Yi to Visit Russia for Security Talks">
<meta property="og:site_name" content="The Moscow Times">
<link rel="canonical" href="https://www.themoscowtimes.example/2023/09/15/chinas-top-diplomat-wang-yi-to-visit-russia-a82470">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"China's Top Diplomat Wang Yi to Visit Russia for Security Talks","datePublished":"2023-09-15T12:42:00+03:00"}}</script>
</head><body>
<header class="site-header"><nav class="menu"><a href="/">Home</a> <a href="/news">News</a> <a href="/opinion">Opinion</a> <a href="/business">Business</a> <a href="/ukraine-war">Ukraine War</a> <a href="/contribute">Support The Moscow Times!</a></nav></header>
<div class="container"><article class="article">
  <header class="article__header"><h1>China's Top Diplomat Wang Yi to Visit Russia for Security Talks</h1>
  <div class="byline">Sept. 15, 2023 · AFP</div></header>
  <figure class="article__featured-image"><img src="/wang.jpg"><figcaption>Wang Yi. Kremlin.ru</figcaption></figure>
  <div class="article__content">
{story}{appeal}  </div>
  <div class="article__share">Share on Telegram · Facebook · Twitter</div>
</article>
<aside class="sidebar"><h3>Most read</h3><a href="/x">Russia says it shot down drones over Moscow</a></aside></div>
<footer class="site-footer"><p>The Moscow Times is an independent news source.</p><p>© 2023 The Moscow Times. All rights reserved.</p></footer>
</body></html>"#
    );
    let page_path = scratch("moscow-times-page.html");
    std::fs::write(&page_path, page).unwrap();
    let clean_path = scratch("moscow-times-clean.txt");
    std::fs::write(&clean_path, clean).unwrap();
    let builtin = |args: &[&str]| {
        let mut all: Vec<String> = vec!["code".into()];
        all.extend(args.iter().map(|s| s.to_string()));
        run(&all, None)
    };
    let from_page = builtin(&[page_path.to_str().unwrap()]);
    let from_text = builtin(&[clean_path.to_str().unwrap(), "--published", "2023-09-15"]);
    assert!(from_page.status.success() && from_text.status.success(), "{}{}", stderr(&from_page), stderr(&from_text));
    let key = |e: &Value| {
        let mut e = e.clone();
        let m = e.as_object_mut().unwrap();
        for k in ["article_id", "url", "title", "source_name"] {
            m.remove(k);
        }
        e
    };
    let page_events: Vec<Value> = events(&from_page).iter().map(key).collect();
    let text_events: Vec<Value> = events(&from_text).iter().map(key).collect();
    assert!(!text_events.is_empty());
    assert_eq!(page_events, text_events);
    let first = &events(&from_page)[0];
    assert_eq!(first["published"], "2023-09-15");
    assert_eq!(first["source_name"], "The Moscow Times");
    assert_eq!(first["title"], "China's Top Diplomat Wang Yi to Visit Russia for Security Talks");
}
