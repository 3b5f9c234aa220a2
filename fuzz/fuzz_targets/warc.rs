//! WARC records (and the HTTP responses inside), then each page through extraction.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut r = dyad_ingest::WarcReader::new(data, 1 << 20);
    let mut n = 0;
    while let Some(item) = r.next_page() {
        n += 1;
        assert!(n <= data.len() + 1, "the reader must make progress");
        if let Ok(page) = item {
            let text = dyad_html::decode(&page.body, page.charset.as_deref());
            let _ = dyad_html::extract(&text, page.target_uri.as_deref());
        }
    }
});
