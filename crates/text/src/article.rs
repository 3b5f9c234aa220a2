use crate::sentences::find_dateline;
use crate::{split_sentences, tokenize, Date, Token};
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
    pub sentences: Vec<Sentence>,
}

impl Doc {
    /// Split and tokenise an article.
    pub fn new(article: Article) -> Doc {
        let sentences = split_sentences(&article.body)
            .into_iter()
            .enumerate()
            .map(|(index, (start, end))| {
                let text = article.body[start..end].to_string();
                let tokens = tokenize(&text);
                Sentence { index, start, end, text, tokens }
            })
            .collect();
        Doc { article, sentences }
    }
}
