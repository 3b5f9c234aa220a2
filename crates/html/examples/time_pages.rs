//! Time extraction on HTML files: `cargo run --release -p dyad-html --example time_pages -- FILE...`
use std::time::Instant;

fn main() {
    let pages: Vec<String> = std::env::args().skip(1).map(|p| std::fs::read_to_string(p).unwrap()).collect();
    let n = 200;
    let t = Instant::now();
    for _ in 0..n {
        for p in &pages {
            let _ = dyad_html::extract(p, Some("https://x.example/2023/01/01/a"));
        }
    }
    let full = t.elapsed().as_secs_f64() / (n * pages.len()) as f64;
    let t = Instant::now();
    for _ in 0..n {
        for p in &pages {
            let _ = dom_query::Document::from(p.as_str());
        }
    }
    let parse = t.elapsed().as_secs_f64() / (n * pages.len()) as f64;
    let t = Instant::now();
    for _ in 0..n {
        for p in &pages {
            let cfg = dom_smoothie::Config { text_mode: dom_smoothie::TextMode::Formatted, ..Default::default() };
            let _ = dom_smoothie::Readability::new(p.as_str(), None, Some(cfg)).and_then(|mut r| r.parse());
        }
    }
    let smoothie = t.elapsed().as_secs_f64() / (n * pages.len()) as f64;
    println!("per page: extract {:.3} ms, parse only {:.3} ms, dom_smoothie alone {:.3} ms", full * 1e3, parse * 1e3, smoothie * 1e3);
}
