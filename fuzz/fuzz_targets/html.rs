//! HTML pages and fragments: extraction, metadata, charset decoding, the bomb guards.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = dyad_html::decode(data, None);
    let _ = dyad_html::extract(&text, Some("https://news.example/2023/09/15/story"));
    let _ = dyad_html::extract(&text, None);
    let _ = dyad_html::fragment_text(&text);
    let _ = dyad_html::parse_date(&text);
    let _ = dyad_html::url_date(&text);
    let _ = dyad_html::host(&text);
});
