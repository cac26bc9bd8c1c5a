//! Raw page text -> clean article text.
//!
//! Owns: deciding what is the article and what is noise, in HTML pages and
//! in plain-text dumps, and recording every removed part with its reason in
//! [`CleanDoc::dropped`]; finding the title, published time and language.
//! Must not know: how pages are fetched or decoded from bytes (it receives
//! `&str`), segmentation, extraction or storage.
//!
//! # Code map
//!
//! The shape follows tantivy's analyzers: a front end turns the page into
//! candidate blocks, then a chain of small detectors, one per kind of noise
//! and one per file, each drops or trims blocks with its reason.
//!
//! - [`html`]: HTML -> blocks of the main content (readability-style scoring
//!   by text, link and punctuation density), plus title and published time
//!   from `<meta>`/`<time>`/`<title>`/`<h1>`.
//! - [`text_dump`]: text dumps -> one block per line.
//! - detectors, in chain order: [`chrome`] (markup residue, breadcrumbs,
//!   menus, share/app/follow promos), [`metadata`] (title, date, source and
//!   editor lines, bylines, image credits), [`disclaimer`] (cut the tail at a
//!   disclaimer marker; contact lines), [`spam`] (separator-dense keyword
//!   stuffing, wrong-script link farms), [`related`] (related-headline lists,
//!   channel blocks), [`duplicate`] (repeated lines and prefix duplicates),
//!   [`citation`] (`[1]` markers), [`garble`] (foreign-language clauses and
//!   broken Latin tokens inside Chinese text).
//! - [`lang`]: English / Simplified / Traditional Chinese.
//!
//! # Title
//!
//! Text dumps keep their first line in place when it reads as a headline
//! (the seeds' gold body starts with it), so the title stays in `text`
//! once; later copies are dropped as `duplicate_line`. HTML pages move the
//! headline (`<h1>` or `og:title`/`<title>` without the site name) to
//! [`CleanDoc::title`] and leave it out of `text`: the article body starts
//! with the first paragraph, as in the HTML fixtures' gold spans.

pub mod chrome;
pub mod citation;
pub mod disclaimer;
pub mod doc;
pub mod duplicate;
pub mod garble;
pub mod html;
pub mod lang;
pub mod metadata;
pub mod related;
pub mod script;
pub mod spam;
pub mod text_dump;

use doc::{Detector, Work};
use model::{CleanDoc, Span};

/// Whether the input is an HTML page or a text dump.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    Html,
    Text,
}

/// Guesses whether `text` is HTML or plain text.
pub fn detect_kind(text: &str) -> InputKind {
    let head: String = text
        .chars()
        .take(4096)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.contains("<html")
        || head.contains("<!doctype html")
        || head.contains("<body")
        || head.contains("<head")
        || (head.contains("<meta ") && head.contains("<div"))
    {
        InputKind::Html
    } else {
        InputKind::Text
    }
}

/// The detector chain, in the order it runs.
pub fn detectors() -> Vec<Box<dyn Detector>> {
    vec![
        Box::new(chrome::MarkupResidue),
        Box::new(spam::SpamFilter),
        Box::new(disclaimer::DisclaimerFilter),
        Box::new(related::RelatedFilter),
        Box::new(chrome::ChromeFilter),
        Box::new(metadata::MetadataFilter),
        Box::new(duplicate::DuplicateFilter),
        Box::new(citation::CitationFilter),
        Box::new(garble::GarbleFilter),
        Box::new(chrome::Leftovers),
    ]
}

/// Cleans one page. `source` is recorded in the document as given.
pub fn clean(source: &str, text: &str) -> CleanDoc {
    let mut work = match detect_kind(text) {
        InputKind::Html => html::extract(text),
        InputKind::Text => Work::new(text_dump::blocks(text)),
    };
    // The language is decided on the first blocks (as much as
    // `lang::detect` reads), not on a copy of the whole page.
    let mut head = String::new();
    for b in &work.blocks {
        if head.len() > 32 * 1024 {
            break;
        }
        head.push_str(&b.text);
        head.push('\n');
    }
    work.lang = lang::detect(&head);
    for d in detectors() {
        d.run(&mut work);
    }
    finish(source, work)
}

/// Joins the alive blocks into the clean text and records paragraph spans.
fn finish(source: &str, mut work: Work) -> CleanDoc {
    if work.unlisted > 0 {
        work.dropped.push(model::Dropped {
            reason: model::DropReason::Boilerplate,
            excerpt: format!(
                "… and {} more dropped parts, not listed (limit {})",
                work.unlisted,
                doc::MAX_DROPPED
            ),
        });
    }
    let mut text = String::new();
    let mut paragraphs = Vec::new();
    for b in work.blocks.iter().filter(|b| b.alive) {
        let t = b.text.trim();
        if t.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push('\n');
        }
        let start = text.len();
        // A block never holds a newline: paragraphs are separated by one.
        for c in t.chars() {
            text.push(if c == '\n' || c == '\r' { ' ' } else { c });
        }
        paragraphs.push(Span {
            start,
            end: text.len(),
        });
    }
    let lang = if text.is_empty() {
        work.lang
    } else {
        lang::detect(&text)
    };
    CleanDoc {
        source: source.to_string(),
        title: work.title,
        published: work.published,
        lang,
        text,
        paragraphs,
        dropped: work.dropped,
    }
}
