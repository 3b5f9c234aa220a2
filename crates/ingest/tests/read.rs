use std::fs;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use dyad_ingest::{parse_date, read_articles, ArticleReader, ErrorReason, IngestError, IngestOptions, Input};
use dyad_text::{Article, Date};

/// A fresh folder under the system temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("dyad-ingest-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn write(&self, rel: &str, content: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, content).unwrap();
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

fn read(inputs: Vec<Input>, options: IngestOptions) -> Vec<Result<Article, IngestError>> {
    read_articles(inputs, options).collect()
}

fn path(p: &Path) -> Input {
    Input::Path(p.to_path_buf())
}

#[test]
fn plain_text_file_is_one_article() {
    let dir = TempDir::new("plain");
    let file = dir.write("gondor-talks.txt", "Gondor and Rohan met.\nThey agreed.\n");
    let options = IngestOptions { default_published: Some(date("2024-03-05")), ..Default::default() };
    let items = read(vec![path(&file)], options);
    assert_eq!(items.len(), 1);
    let article = items[0].as_ref().unwrap();
    assert_eq!(article.id, "gondor-talks");
    assert_eq!(article.body, "Gondor and Rohan met.\nThey agreed.\n");
    assert_eq!(article.title, None);
    assert_eq!(article.published, Some(date("2024-03-05")));
}

#[test]
fn plain_text_with_invalid_utf8_is_decoded_lossily() {
    let dir = TempDir::new("lossy");
    let file = dir.write("bad.txt", b"\xEF\xBB\xBFCaf\xE9 talks ended.");
    let items = read(vec![path(&file)], IngestOptions::default());
    assert_eq!(items[0].as_ref().unwrap().body, "Caf\u{FFFD} talks ended.");
}

#[test]
fn empty_plain_text_is_an_error() {
    let dir = TempDir::new("empty");
    let file = dir.write("empty.txt", "  \n\n");
    let items = read(vec![path(&file)], IngestOptions::default());
    let err = items[0].as_ref().unwrap_err();
    assert!(matches!(err.reason, ErrorReason::EmptyText));
    assert_eq!(err.to_string(), format!("{}: no text", file.display()));
}

#[test]
fn jsonl_good_and_bad_lines() {
    let dir = TempDir::new("jsonl");
    let lines = [
        r#"{"id": "a1", "text": "Gondor protested.", "title": "Protest", "url": "http://x/1", "source": "Herald", "published": "2024-01-02"}"#,
        r#"{"text": "No id here.", "published": "20240103"}"#,
        "",
        r#"{"id": "a3", "text": "Broken"#,
        r#"{"id": "a4"}"#,
        r#"{"id": "a5", "text": "   "}"#,
        r#"{"id": "a6", "text": "Bad date.", "published": "2024-13-40"}"#,
        r#"["not", "an", "object"]"#,
        r#"{"id": 7, "text": "Numeric id, timestamp.", "published": "2024-03-05T23:30:00-05:00"}"#,
        r#"{"id": "a8", "text": "Title is a number.", "title": 5}"#,
        "   ",
        r#"{"id": "a9", "text": "Last one.", "published": null}"#,
    ];
    let file = dir.write("feed.jsonl", lines.join("\n"));
    let options = IngestOptions { default_published: Some(date("2000-01-01")), ..Default::default() };
    let items = read(vec![path(&file)], options);
    assert_eq!(items.len(), 10, "blank lines are skipped: {items:?}");

    let a1 = items[0].as_ref().unwrap();
    assert_eq!(
        *a1,
        Article {
            id: "a1".into(),
            title: Some("Protest".into()),
            body: "Gondor protested.".into(),
            url: Some("http://x/1".into()),
            source: Some("Herald".into()),
            published: Some(date("2024-01-02")),
        }
    );
    let a2 = items[1].as_ref().unwrap();
    assert_eq!((a2.id.as_str(), a2.published), ("feed:2", Some(date("2024-01-03"))));

    let errors: Vec<(usize, String)> =
        items.iter().filter_map(|r| r.as_ref().err()).map(|e| (e.line.unwrap(), e.to_string())).collect();
    let shown = file.display().to_string();
    assert_eq!(errors[0].0, 4);
    assert!(errors[0].1.starts_with(&format!("{shown}:4: invalid JSON: ")), "{}", errors[0].1);
    assert_eq!(errors[1], (5, format!("{shown}:5: missing or empty \"text\"")));
    assert_eq!(errors[2], (6, format!("{shown}:6: missing or empty \"text\"")));
    assert_eq!(errors[3].0, 7);
    assert!(errors[3].1.contains("field \"published\": invalid date \"2024-13-40\""), "{}", errors[3].1);
    assert_eq!(errors[4], (8, format!("{shown}:8: expected a JSON object")));
    assert_eq!(errors[5], (10, format!("{shown}:10: field \"title\": expected a string")));

    let a7 = items[7].as_ref().unwrap();
    assert_eq!((a7.id.as_str(), a7.published), ("7", Some(date("2024-03-05"))));
    let a9 = items[9].as_ref().unwrap();
    assert_eq!((a9.id.as_str(), a9.published), ("a9", Some(date("2000-01-01"))));
}

#[test]
fn jsonl_line_with_invalid_utf8_is_an_error_for_that_line_only() {
    let dir = TempDir::new("jsonl-utf8");
    let file = dir.write("feed.ndjson", b"{\"text\": \"caf\xE9\"}\r\n{\"text\": \"ok\"}\r\n");
    let items = read(vec![path(&file)], IngestOptions::default());
    assert!(matches!(items[0].as_ref().unwrap_err().reason, ErrorReason::InvalidUtf8));
    assert_eq!(items[0].as_ref().unwrap_err().line, Some(1));
    assert_eq!(items[1].as_ref().unwrap().body, "ok");
    assert_eq!(items[1].as_ref().unwrap().id, "feed:2");
}

#[test]
fn custom_field_names() {
    let dir = TempDir::new("fields");
    let file = dir.write("feed.jsonl", r#"{"doc_id": "x1", "content": "Rohan rode.", "date": "2023-05-06"}"#);
    let mut options = IngestOptions::default();
    options.fields.id = "doc_id".into();
    options.fields.text = "content".into();
    options.fields.published = "date".into();
    let items = read(vec![path(&file)], options);
    let a = items[0].as_ref().unwrap();
    assert_eq!((a.id.as_str(), a.body.as_str(), a.published), ("x1", "Rohan rode.", Some(date("2023-05-06"))));
}

#[test]
fn folder_is_read_recursively_in_path_order() {
    let dir = TempDir::new("folder");
    dir.write("b.txt", "Second file.");
    dir.write(
        "a/z.jsonl",
        "{\"id\": \"az1\", \"text\": \"Nested one.\"}\n{\"id\": \"az2\", \"text\": \"Nested two.\"}\n",
    );
    dir.write("a/m", "No extension.");
    dir.write("c/deep/d.text", "Deep.");
    dir.write("c/notes.md", "Skipped: markdown.");
    dir.write(".hidden.txt", "Skipped: hidden.");
    dir.write("a/.DS_Store", "junk");
    let mut reader = read_articles(vec![path(&dir.0)], IngestOptions::default());
    let ids: Vec<String> = reader.by_ref().map(|r| r.unwrap().id).collect();
    assert_eq!(ids, ["m", "az1", "az2", "b", "d"]);
    let mut skipped: Vec<String> =
        reader.skipped_files().iter().map(|p| p.strip_prefix(&dir.0).unwrap().display().to_string()).collect();
    skipped.sort();
    assert_eq!(skipped, [".hidden.txt", "a/.DS_Store", "c/notes.md"]);
}

#[test]
fn missing_path_is_an_error_and_reading_goes_on() {
    let dir = TempDir::new("missing");
    let good = dir.write("good.txt", "Still read.");
    let missing = dir.0.join("nope.jsonl");
    let items = read(vec![path(&missing), path(&good)], IngestOptions::default());
    assert_eq!(items.len(), 2);
    let err = items[0].as_ref().unwrap_err();
    assert!(matches!(err.reason, ErrorReason::Io(_)));
    assert!(err.to_string().starts_with(&format!("{}: cannot read: ", missing.display())), "{err}");
    assert_eq!(items[1].as_ref().unwrap().id, "good");
}

#[test]
fn explicit_file_with_unknown_extension_is_plain_text() {
    let dir = TempDir::new("explicit");
    let file = dir.write("story.md", "Explicitly named.");
    let items = read(vec![path(&file)], IngestOptions::default());
    assert_eq!(items[0].as_ref().unwrap().id, "story");
}

#[test]
fn stream_starting_with_brace_is_jsonl() {
    let input = "\n\n  {\"id\": \"s1\", \"text\": \"From stdin.\"}\n{\"text\": \"No id.\"}\n{bad\n";
    let items: Vec<_> = ArticleReader::from_reader("stdin", Cursor::new(input), IngestOptions::default()).collect();
    assert_eq!(items.len(), 3);
    assert_eq!(items[0].as_ref().unwrap().id, "s1");
    // Line numbers count the blank lines read while sniffing.
    assert_eq!(items[1].as_ref().unwrap().id, "stdin:4");
    let err = items[2].as_ref().unwrap_err();
    assert_eq!((err.file.as_str(), err.line), ("stdin", Some(5)));
}

#[test]
fn stream_not_starting_with_brace_is_one_plain_article() {
    let input = "\n  BEIJING — Talks opened.\n{\"this\": \"is just text\"}\n";
    let options = IngestOptions { default_published: Some(date("2024-02-02")), ..Default::default() };
    let items: Vec<_> = ArticleReader::from_reader("stdin", Cursor::new(input), options).collect();
    assert_eq!(items.len(), 1);
    let a = items[0].as_ref().unwrap();
    assert_eq!(a.id, "stdin");
    assert_eq!(a.body, input, "the sniffed prefix is kept");
    assert_eq!(a.published, Some(date("2024-02-02")));

    let bom = b"\xEF\xBB\xBF{\"text\": \"BOM first.\"}".to_vec();
    let items: Vec<_> = ArticleReader::from_reader("stdin", Cursor::new(bom), IngestOptions::default()).collect();
    assert_eq!(items[0].as_ref().unwrap().body, "BOM first.");

    let items: Vec<_> = ArticleReader::from_reader("stdin", Cursor::new(""), IngestOptions::default()).collect();
    assert!(matches!(items[0].as_ref().unwrap_err().reason, ErrorReason::EmptyText));
}

#[test]
fn input_from_arg() {
    assert_eq!(Input::from_arg("-"), Input::Stdin);
    assert_eq!("data/feed.jsonl".parse::<Input>().unwrap(), Input::Path("data/feed.jsonl".into()));
}

#[test]
fn error_display_format() {
    let err = IngestError {
        file: "data/feed.jsonl".into(),
        line: Some(17),
        offset: None,
        reason: ErrorReason::InvalidJson("expected value at line 1 column 1".into()),
    };
    assert_eq!(err.to_string(), "data/feed.jsonl:17: invalid JSON: expected value at line 1 column 1");
}

#[test]
fn dates() {
    assert_eq!(parse_date("2024-03-05"), Some(date("2024-03-05")));
    assert_eq!(parse_date("20240305"), Some(date("2024-03-05")));
    assert_eq!(parse_date("2024-03-05T10:00:00Z"), Some(date("2024-03-05")));
    assert_eq!(parse_date("2024-03-05T23:30:00.123-05:00"), Some(date("2024-03-05")));
    assert_eq!(parse_date("2024-03-05T10:00:00"), Some(date("2024-03-05")));
    assert_eq!(parse_date(" 2024-03-05 "), Some(date("2024-03-05")));
    for bad in
        ["2024-02-30", "2024-3-5", "05/03/2024", "2024-03-05Tgarbage", "20241305", "yesterday", "", "2024-03-05é"]
    {
        assert_eq!(parse_date(bad), None, "{bad}");
    }
}

#[test]
fn reader_can_move_to_another_thread() {
    fn assert_send<T: Send>() {}
    assert_send::<ArticleReader>();
    assert_send::<IngestError>();
}
