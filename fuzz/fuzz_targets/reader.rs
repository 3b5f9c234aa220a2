//! Any stream, as stdin is read: gzip/zstd sniffed and undone, then JSONL, WARC, feed, HTML or
//! plain text by content; every record through extraction, boilerplate rules, the duplicate
//! sketch and the paragraph hashes. Small limits so that the size guards are reached too.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = dyad_ingest::IngestOptions { max_record_bytes: 4096, ..Default::default() };
    let reader = dyad_ingest::ArticleReader::from_reader("fuzz", std::io::Cursor::new(data.to_vec()), options);
    for (n, item) in reader.enumerate() {
        assert!(n <= data.len() * 8 + 8, "the reader must make progress");
        if let Ok(article) = item {
            let dropped = dyad_text::find_boilerplate(&article.body);
            let _ = dyad_corpus::Sketch::of(&article.body, &dropped);
            let _ = dyad_corpus::paragraph_hashes(&article.body);
            let _ = dyad_text::Doc::with_dropped(article, dropped);
        }
    }
});
