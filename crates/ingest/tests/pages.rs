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
