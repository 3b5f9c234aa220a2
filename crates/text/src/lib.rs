//! Text stage of the dyad pipeline: the [`Article`] model, sentence splitting and tokenisation.
//!
//! Everything here is pure (no I/O): text in, offsets out. Offsets are byte offsets into the
//! article body for slicing, and every token also carries code-point offsets into its sentence,
//! because the JSON output promises Python-style (Unicode code point) spans.

mod article;
pub mod boilerplate;
mod sentences;
mod token;

pub use article::{Article, Doc, Sentence};
pub use boilerplate::{find_boilerplate, find_boilerplate_with, BoilerplateSet};
pub use sentences::split_sentences;
pub use token::{tokenize, Token, TokenKind};

/// Calendar date used throughout dyad (publication dates, actor code validity).
pub type Date = jiff::civil::Date;
