//! HTML pages written to imitate news sites (tests/pages/*.html), each with a `.truth` file:
//! `= field: value` metadata, `+ text` that must be coded, `- text` that must not be. The page
//! goes through the reader (extraction) and the text stage (boilerplate rules), as in `dyad code`.

use dyad_ingest::{read_articles, IngestOptions, Input};
use dyad_text::Doc;
use std::path::{Path, PathBuf};

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").replace(['\u{2018}', '\u{2019}'], "'").replace(['\u{201c}', '\u{201d}'], "\"")
}

/// Kept text of the page's article, sentences joined; and the article.
fn coded_text(page: &Path) -> (String, dyad_text::Article) {
    let mut articles: Vec<_> = read_articles([Input::Path(page.to_path_buf())], IngestOptions::default()).collect();
    assert_eq!(articles.len(), 1);
    let article = articles.pop().unwrap().unwrap_or_else(|e| panic!("{e}"));
    let doc = Doc::new(article.clone());
    let text = doc.sentences.iter().map(|s| s.text.as_str()).collect::<Vec<_>>().join(" ");
    (norm(&text), article)
}

pub fn pages_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages")
}

#[test]
fn pages_keep_the_story_and_drop_the_furniture() {
    let mut pages: Vec<PathBuf> = std::fs::read_dir(pages_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    assert!(pages.len() >= 5);
    let mut failures = Vec::new();
    let (mut kept, mut keep_total, mut dropped, mut drop_total) = (0, 0, 0, 0);
    for page in &pages {
        let name = page.file_name().unwrap().to_string_lossy().into_owned();
        let truth = std::fs::read_to_string(page.with_extension("truth")).unwrap();
        let (text, article) = coded_text(page);
        for line in truth.lines() {
            if let Some(want) = line.strip_prefix("+ ") {
                keep_total += 1;
                // Sentences leave the dateline out ("GENEVA, Sept 14 (Worldwire) -").
                let want = article.dateline().and_then(|d| want.strip_prefix(d)).map_or(want, |w| w.trim_start_matches([' ', '-', '—', '–']));
                if text.contains(&norm(want)) {
                    kept += 1;
                } else {
                    failures.push(format!("{name}: lost {want:?}"));
                }
            } else if let Some(unwanted) = line.strip_prefix("- ") {
                drop_total += 1;
                if text.contains(&norm(unwanted)) {
                    failures.push(format!("{name}: kept {unwanted:?}"));
                } else {
                    dropped += 1;
                }
            } else if let Some(meta) = line.strip_prefix("= ") {
                let (field, want) = meta.split_once(':').unwrap();
                let want = want.trim();
                let got = match field {
                    "title" => article.title.clone(),
                    "published" => article.published.map(|d| d.to_string()),
                    "url" => article.url.clone(),
                    "source" => article.source.clone(),
                    other => panic!("unknown field {other}"),
                };
                let want = (!want.trim().is_empty()).then_some(want);
                if got.as_deref() != want {
                    failures.push(format!("{name}: {field} is {got:?}, expected {want:?}"));
                }
            }
        }
    }
    eprintln!("pages: kept {kept}/{keep_total} article paragraphs, dropped {dropped}/{drop_total} boilerplate pieces");
    assert!(failures.is_empty(), "{} problems:\n{}", failures.len(), failures.join("\n"));
}

/// The same pages, crawled: in a gzip-compressed WARC file (one member per record, as in
/// CC-NEWS), with request records between them, they give the same articles; a page's own
/// metadata wins over the record's.
#[test]
fn pages_in_a_warc_gz_read_like_the_files() {
    use flate2::write::GzEncoder;
    use std::io::Write;
    let mut pages: Vec<PathBuf> = std::fs::read_dir(pages_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    let mut warc = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        let html = std::fs::read(page).unwrap();
        let uri = format!("https://crawl.example/page-{i}");
        for (kind, block) in [
            ("request", format!("GET /page-{i} HTTP/1.1\r\nHost: crawl.example\r\n\r\n").into_bytes()),
            ("response", [format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n", html.len()).into_bytes(), html].concat()),
        ] {
            let mut rec = format!(
                "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:{kind}-{i}>\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http\r\nContent-Length: {}\r\n\r\n",
                block.len()
            )
            .into_bytes();
            rec.extend(block);
            rec.extend(b"\r\n\r\n");
            let mut gz = GzEncoder::new(Vec::new(), flate2::Compression::default());
            gz.write_all(&rec).unwrap();
            warc.extend(gz.finish().unwrap());
        }
    }
    let reader = dyad_ingest::ArticleReader::from_reader("crawl", std::io::Cursor::new(warc), IngestOptions::default());
    let crawled: Vec<dyad_text::Article> = reader.map(|r| r.unwrap_or_else(|e| panic!("{e}"))).collect();
    assert_eq!(crawled.len(), pages.len());
    for (page, c) in pages.iter().zip(&crawled) {
        let (_, file) = coded_text(page);
        assert_eq!(c.body, file.body, "{}", page.display());
        assert_eq!(c.title, file.title);
        assert_eq!(c.id, format!("response-{}", pages.iter().position(|p| p == page).unwrap()));
        // No date on the page: the record's; else the page's.
        assert_eq!(c.published, file.published.or(Some("2024-01-01".parse().unwrap())));
        assert!(c.url.is_some() && c.source.is_some());
    }
}
