//! Signals that only a corpus gives, in bounded memory, fed one article at a time in input
//! order. Pure: no I/O, no threads (sketches are computed anywhere; the indexes are updated in
//! input order so the result does not depend on thread timing).
//!
//! - **Near-duplicate stories** ([`Sketch`], [`DedupIndex`]): wire copy republished by many
//!   outlets, the same story with small edits. Each article's text (publisher boilerplate left
//!   out) is reduced to a MinHash sketch of its word 5-shingles (64 hash functions, minimum of
//!   each); sketches are indexed by locality-sensitive hashing (16
//!   bands of 4 bins), and a candidate is a duplicate when the estimated Jaccard similarity of
//!   the shingle sets is at least the threshold (0.7 by default; texts shorter than about 24
//!   words must match exactly). The index holds the last
//!   `window` original articles (100,000 by default): copies further apart are not folded.
//! - **Recurring paragraphs** ([`RecurringParagraphs`]): a paragraph that appears in at least
//!   `min_articles` different articles of one source (5 by default) is the source's boilerplate
//!   (an appeal, a newsletter prompt, a standard credit line), whatever its words.

use rustc_hash::FxHashMap;
use std::collections::VecDeque;
use std::ops::Range;

/// Bins of a sketch.
pub const BINS: usize = 64;
/// LSH bands (BANDS × ROWS = BINS).
const BANDS: usize = 16;
const ROWS: usize = 4;
/// Words per shingle.
pub const SHINGLE: usize = 5;

/// Odd multipliers of the sketch's hash functions (fixed: sketches are comparable across runs).
const MULTIPLIERS: [u64; BINS] = {
    let mut m = [0u64; BINS];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut i = 0;
    while i < BINS {
        // splitmix64 steps, made odd.
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        m[i] = (z ^ (z >> 31)) | 1;
        i += 1;
    }
    m
};

/// A MinHash sketch of a text's word shingles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sketch {
    bins: [u32; BINS],
    /// Shingles hashed (with repeats).
    shingles: u32,
}

/// Texts with fewer shingles than this (about 24 words) are folded only when their sketches
/// are identical: on one or two sentences, a changed number or name is a different report, and
/// the estimate is too coarse to tell.
pub const MIN_SHINGLES: u32 = 20;

/// splitmix64's finaliser: a strong 64-bit mix.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// FNV-1a of a word, lower-cased on the fly.
fn word_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in word.chars().flat_map(char::to_lowercase) {
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// Word hashes of `text` outside the byte ranges `dropped` (sorted, disjoint).
fn word_hashes(text: &str, dropped: &[Range<usize>]) -> Vec<u64> {
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut at = 0;
    let mut pieces = Vec::new();
    for r in dropped {
        let start = r.start.min(text.len());
        if start > at {
            pieces.push(at..start);
        }
        at = at.max(r.end.min(text.len()));
    }
    pieces.push(at..text.len());
    for p in pieces {
        let Some(piece) = text.get(p) else { continue };
        for w in piece.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
            out.push(word_hash(w));
        }
    }
    out
}

impl Sketch {
    /// The sketch of `text` without the byte ranges `dropped` (sorted, disjoint); `None` when
    /// no word is left.
    pub fn of(text: &str, dropped: &[Range<usize>]) -> Option<Sketch> {
        let words = word_hashes(text, dropped);
        if words.is_empty() {
            return None;
        }
        let k = SHINGLE.min(words.len());
        let mut bins = [u32::MAX; BINS];
        for w in words.windows(k) {
            let mut h: u64 = 0x9e37_79b9_7f4a_7c15;
            for &x in w {
                h = mix(h ^ x);
            }
            // 64 hash functions from one: multiply-shift with odd multipliers.
            for (bin, a) in bins.iter_mut().zip(MULTIPLIERS.iter()) {
                let v = (h.wrapping_mul(*a) >> 32) as u32;
                if v < *bin {
                    *bin = v;
                }
            }
        }
        Some(Sketch { bins, shingles: (words.len() + 1 - k) as u32 })
    }

    /// Estimated Jaccard similarity of the two shingle sets: the share of equal bins.
    pub fn similarity(&self, other: &Sketch) -> f32 {
        let same = self.bins.iter().zip(&other.bins).filter(|(a, b)| a == b).count();
        same as f32 / BINS as f32
    }

    fn band_keys(&self) -> impl Iterator<Item = u64> + '_ {
        (0..BANDS).map(move |b| {
            let mut h = mix(b as u64 + 1);
            for &v in &self.bins[b * ROWS..(b + 1) * ROWS] {
                h = mix(h ^ v as u64);
            }
            h
        })
    }
}

/// A duplicate found by [`DedupIndex::check`].
#[derive(Debug, Clone, PartialEq)]
pub struct Duplicate {
    /// Id of the original (the first article of the story still in the window).
    pub of: String,
    /// Estimated Jaccard similarity to it.
    pub similarity: f32,
}

struct Entry {
    id: Box<str>,
    sketch: Sketch,
}

/// The last `window` original articles, by sketch.
pub struct DedupIndex {
    threshold: f32,
    window: usize,
    /// Originals, oldest first; the front one has sequence number `first`.
    entries: VecDeque<Entry>,
    first: u64,
    /// Band key → sequence number of the latest original with that band.
    bands: FxHashMap<u64, u64>,
}

/// Default similarity threshold.
pub const THRESHOLD: f32 = 0.7;
/// Default window of originals.
pub const WINDOW: usize = 100_000;

impl Default for DedupIndex {
    fn default() -> Self {
        DedupIndex::new(THRESHOLD, WINDOW)
    }
}

impl DedupIndex {
    pub fn new(threshold: f32, window: usize) -> DedupIndex {
        DedupIndex { threshold, window: window.max(1), entries: VecDeque::new(), first: 0, bands: FxHashMap::default() }
    }

    /// Whether the article is a copy of one in the window; if not, it is added as an original.
    pub fn check(&mut self, id: &str, sketch: &Sketch) -> Option<Duplicate> {
        let keys: Vec<u64> = sketch.band_keys().collect();
        let mut best: Option<(f32, u64)> = None;
        for k in &keys {
            let Some(&seq) = self.bands.get(k) else { continue };
            let Some(e) = seq.checked_sub(self.first).and_then(|i| self.entries.get(i as usize)) else { continue };
            let s = e.sketch.similarity(sketch);
            let threshold = if e.sketch.shingles.min(sketch.shingles) < MIN_SHINGLES { 1.0 } else { self.threshold };
            if s >= threshold && best.is_none_or_lower(s, seq) {
                best = Some((s, seq));
            }
        }
        if let Some((similarity, seq)) = best {
            let e = &self.entries[(seq - self.first) as usize];
            return Some(Duplicate { of: e.id.to_string(), similarity });
        }
        let seq = self.first + self.entries.len() as u64;
        for k in keys {
            self.bands.insert(k, seq);
        }
        self.entries.push_back(Entry { id: id.into(), sketch: sketch.clone() });
        if self.entries.len() > self.window {
            let old = self.entries.pop_front().expect("not empty");
            for k in old.sketch.band_keys() {
                if self.bands.get(&k) == Some(&self.first) {
                    self.bands.remove(&k);
                }
            }
            self.first += 1;
        }
        None
    }

    /// Originals held.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

trait Best {
    fn is_none_or_lower(&self, s: f32, seq: u64) -> bool;
}

impl Best for Option<(f32, u64)> {
    /// Higher similarity wins; on a tie, the older original.
    fn is_none_or_lower(&self, s: f32, seq: u64) -> bool {
        match self {
            None => true,
            Some((b, bseq)) => s > *b || (s == *b && seq < *bseq),
        }
    }
}

/// Paragraph units of a body ([`dyad_text::boilerplate::paragraphs`]) with the hash of their
/// normalised text; paragraphs shorter than 10 characters are left out (too common to tell).
pub fn paragraph_hashes(body: &str) -> Vec<(Range<usize>, u64)> {
    dyad_text::boilerplate::paragraphs(body)
        .into_iter()
        .filter_map(|r| {
            let norm = dyad_text::BoilerplateSet::normalize(&body[r.clone()]);
            (norm.chars().count() >= 10).then(|| (r, mix(word_hash_bytes(norm.as_bytes()))))
        })
        .collect()
}

fn word_hash_bytes(b: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &x in b {
        h ^= x as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Counts, per source, in how many articles each paragraph appeared.
pub struct RecurringParagraphs {
    min_articles: u32,
    cap: usize,
    counts: FxHashMap<u64, u32>,
}

/// Default: a paragraph in this many articles of a source is its boilerplate.
pub const MIN_ARTICLES: u32 = 5;
/// Default: most (source, paragraph) counts kept.
pub const CAP: usize = 1 << 20;

impl Default for RecurringParagraphs {
    fn default() -> Self {
        RecurringParagraphs::new(MIN_ARTICLES, CAP)
    }
}

impl RecurringParagraphs {
    pub fn new(min_articles: u32, cap: usize) -> RecurringParagraphs {
        RecurringParagraphs { min_articles: min_articles.max(1), cap: cap.max(16), counts: FxHashMap::default() }
    }

    fn key(source: &str, paragraph: u64) -> u64 {
        mix(word_hash_bytes(source.as_bytes()) ^ paragraph.rotate_left(17))
    }

    /// Count the paragraphs of one article of `source` (each once, however often it repeats).
    pub fn observe(&mut self, source: &str, paragraphs: &[u64]) {
        let mut seen: Vec<u64> = paragraphs.to_vec();
        seen.sort_unstable();
        seen.dedup();
        for p in seen {
            let c = self.counts.entry(Self::key(source, p)).or_insert(0);
            *c = c.saturating_add(1);
        }
        if self.counts.len() > self.cap {
            // Forget paragraphs seen once, then (if still full) all but the recurring ones:
            // memory stays bounded, and boilerplate, seen again and again, survives.
            self.counts.retain(|_, c| *c > 1);
            if self.counts.len() > self.cap / 2 {
                let min = self.min_articles;
                self.counts.retain(|_, c| *c >= min);
            }
        }
    }

    /// Whether the paragraph has been seen in at least `min_articles` articles of `source`.
    pub fn is_recurring(&self, source: &str, paragraph: u64) -> bool {
        self.counts.get(&Self::key(source, paragraph)).is_some_and(|&c| c >= self.min_articles)
    }

    pub fn len(&self) -> usize {
        self.counts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Kenya's parliament on Friday approved the deployment of 1,000 police officers to Haiti to lead a \
        multinational force against armed gangs, clearing a key hurdle for the mission. Lawmakers voted 120 to 48 in favour of \
        the plan after a heated debate in which opposition members questioned the cost and the legal basis of sending officers \
        abroad. Interior Minister Kithure Kindiki told the house that the United States had pledged $100 million to fund the \
        operation and that no Kenyan taxpayer money would be spent.";

    #[test]
    fn copies_and_small_edits_are_duplicates_other_stories_are_not() {
        let mut index = DedupIndex::default();
        let a = Sketch::of(STORY, &[]).unwrap();
        assert_eq!(index.check("a", &a), None);
        // The same story, a word changed and a sentence added by the outlet.
        let edited = STORY.replace("Friday", "Friday evening") + " The outlet's correspondent contributed.";
        let d = index.check("b", &Sketch::of(&edited, &[]).unwrap()).expect("near-duplicate");
        assert_eq!(d.of, "a");
        assert!(d.similarity >= 0.7 && d.similarity < 1.0, "{}", d.similarity);
        // Exact copy.
        assert_eq!(index.check("c", &a).unwrap().similarity, 1.0);
        // Another story.
        let other = "Sudan's army and the paramilitary Rapid Support Forces agreed on Thursday to hold ceasefire talks in \
            Geneva next week, the United Nations envoy said, in the first direct contact between the two sides.";
        assert_eq!(index.check("d", &Sketch::of(other, &[]).unwrap()), None);
        assert_eq!(index.len(), 2);
    }

    #[test]
    fn dropped_ranges_are_left_out() {
        let appeal = " Dear readers, please support us monthly starting from just $2.";
        let with = format!("{STORY}{appeal}");
        let s = Sketch::of(&with, &[STORY.len()..with.len()]).unwrap();
        assert_eq!(s, Sketch::of(STORY, &[]).unwrap());
    }

    #[test]
    fn the_window_forgets_old_originals() {
        let mut index = DedupIndex::new(0.7, 2);
        let s = |t: &str| Sketch::of(t, &[]).unwrap();
        assert!(index.check("x", &s("Rain fell. China visited Russia on day 1.")).is_none());
        assert!(index.check("y", &s("Rain fell. China visited Russia on day 2.")).is_none(), "short texts fold only when equal");
        let mut index = DedupIndex::new(0.7, 2);
        index.check("a", &s("one two three four five six seven"));
        index.check("b", &s("alpha beta gamma delta epsilon zeta"));
        index.check("c", &s("red green blue yellow purple orange"));
        assert_eq!(index.check("a2", &s("one two three four five six seven")), None);
        assert!(index.check("c2", &s("red green blue yellow purple orange")).is_some());
    }

    #[test]
    fn recurring_paragraphs_per_source() {
        let mut r = RecurringParagraphs::new(3, 1000);
        let body = |i: usize| format!("Story number {i} about the talks.\n\nA Message from The Example Times: please support us.");
        for i in 0..3 {
            let b = body(i);
            let p: Vec<u64> = paragraph_hashes(&b).into_iter().map(|x| x.1).collect();
            r.observe("example.com", &p);
        }
        let b = body(9);
        let p = paragraph_hashes(&b);
        assert!(!r.is_recurring("example.com", p[0].1));
        assert!(r.is_recurring("example.com", p[1].1));
        assert!(!r.is_recurring("other.org", p[1].1));
    }
}
