//! Raw page text -> clean article text.
//!
//! Owns: deciding what is the article and what is noise, in HTML pages and
//! in plain-text dumps, and recording every removed part with its reason in
//! [`CleanDoc::dropped`]; finding the title, published time and language.
//! Must not know: how pages are fetched or decoded from bytes (it receives
//! `&str`), segmentation, extraction or storage.

use model::{CleanDoc, Lang};

/// Whether the input is an HTML page or a text dump.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    Html,
    Text,
}

/// Guesses whether `text` is HTML or plain text.
pub fn detect_kind(text: &str) -> InputKind {
    let head: String = text.chars().take(2048).collect::<String>().to_ascii_lowercase();
    if head.contains("<html") || head.contains("<!doctype html") || head.contains("<body") {
        InputKind::Html
    } else {
        InputKind::Text
    }
}

/// Cleans one page. `source` is recorded in the document as given.
pub fn clean(source: &str, text: &str) -> CleanDoc {
    let _ = detect_kind(text);
    let body = text.trim().to_string();
    CleanDoc {
        source: source.to_string(),
        title: None,
        published: None,
        lang: Lang::En,
        paragraphs: vec![model::Span { start: 0, end: body.len() }],
        text: body,
        dropped: Vec::new(),
    }
}
