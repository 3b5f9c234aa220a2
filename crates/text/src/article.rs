use crate::boilerplate::merge_ranges;
use crate::sentences::find_dateline;
use crate::{find_boilerplate_with, split_sentences, tokenize, BoilerplateSet, Date, Token};
use std::ops::Range;
use serde::{Deserialize, Serialize};

/// One news article as it enters the pipeline.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub id: String,
    pub title: Option<String>,
    pub body: String,
    pub url: Option<String>,
    pub source: Option<String>,
    pub published: Option<Date>,
}

impl Article {
    /// The dateline that opens the body (`MOSCOW (Reuters)`, `WASHINGTON, Sept. 15 (AP)`), without
    /// its dash. Sentence splitting leaves it out of every sentence; this is where to find it.
    pub fn dateline(&self) -> Option<&str> {
        find_dateline(&self.body).map(|d| &self.body[d.start..d.end])
    }
}

/// A sentence of an article: its text, its place in the body and its tokens.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// 0-based position of the sentence in the article.
    pub index: usize,
    /// Byte range of the sentence in the article body.
    pub start: usize,
    pub end: usize,
    /// The sentence text (whitespace inside kept as in the body).
    pub text: String,
    pub tokens: Vec<Token>,
}

/// An article split into sentences and tokens: the document type the later stages read.
#[derive(Debug, Clone)]
pub struct Doc {
    pub article: Article,
    /// Sentences of the kept text, indexed 0..n in order; offsets point into the original body.
    pub sentences: Vec<Sentence>,
    /// Byte ranges of the body dropped as publisher boilerplate (see [`crate::boilerplate`]),
    /// sorted and disjoint. No sentence covers any of it.
    pub dropped: Vec<Range<usize>>,
}

impl Doc {
    /// Split and tokenise an article, leaving out publisher boilerplate ([`crate::find_boilerplate`]).
    pub fn new(article: Article) -> Doc {
        Doc::with_boilerplate(article, &BoilerplateSet::default())
    }

    /// [`Doc::new`], also leaving out the paragraphs of `known` (e.g. ones that recur across a
    /// source's articles).
    pub fn with_boilerplate(article: Article, known: &BoilerplateSet) -> Doc {
        let dropped = find_boilerplate_with(&article.body, known);
        Doc::with_dropped(article, dropped)
    }

    /// Split and tokenise an article, leaving out exactly the byte ranges `dropped` of its body
    /// (any order, may overlap; an empty list keeps everything). A sentence that overlaps a
    /// dropped range keeps only its text outside it.
    pub fn with_dropped(article: Article, dropped: impl IntoIterator<Item = Range<usize>>) -> Doc {
        let body = &article.body;
        let dropped = merge_ranges(body, dropped.into_iter().map(|r| r.start.min(body.len())..r.end.min(body.len())));
        let mut pieces = Vec::new();
        for (start, end) in split_sentences(body) {
            let mut at = start;
            for r in dropped.iter().filter(|r| r.start < end && r.end > start) {
                keep_piece(body, at, r.start.max(start), &mut pieces);
                at = at.max(r.end);
            }
            keep_piece(body, at, end, &mut pieces);
        }
        let sentences = pieces
            .into_iter()
            .enumerate()
            .map(|(index, (start, end))| {
                let text = body[start..end].to_string();
                let tokens = tokenize(&text);
                Sentence { index, start, end, text, tokens }
            })
            .collect();
        Doc { article, sentences, dropped }
    }

    /// How many bytes of the body were dropped as boilerplate.
    pub fn dropped_len(&self) -> usize {
        self.dropped.iter().map(|r| r.len()).sum()
    }
}

/// Keep `start..end` of `body` as a sentence, trimmed, when it has a letter or digit.
fn keep_piece(body: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    if start >= end {
        return;
    }
    let s = &body[start..end];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    if t.chars().any(char::is_alphanumeric) {
        out.push((start + lead, start + lead + t.len()));
    }
}
