//! RSS and Atom feeds, then each item's content as an HTML fragment.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut r = dyad_ingest::FeedReader::new(data, 1 << 20);
    let mut n = 0;
    while let Some(item) = r.next_item() {
        n += 1;
        assert!(n <= data.len() + 1, "the reader must make progress");
        if let Ok(item) = item {
            let _ = dyad_html::fragment_text(&item.html);
        }
    }
});
