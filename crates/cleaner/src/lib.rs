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
//! - [`ld_json`]: schema.org JSON-LD (`datePublished`, and `articleBody`
//!   for pages rendered by script).
//! - [`text_dump`]: text dumps -> one block per line.
//! - before the chain, [`duplicate::defer_repeats`] sets aside every HTML
//!   paragraph that repeats an earlier one word for word; after it,
//!   [`duplicate::settle_repeats`] records them as duplicates, so the
//!   chain judges each text once.
//! - [`subtitles`]: a subtitle file -> one line per cue, before the dump
//!   is split into blocks.
//! - detectors, in chain order: a text browser's link numbers, link rows
//!   and link list ([`textbrowser`]), a spoken video's greeting, sponsor
//!   read and sign-off ([`subtitles`]), a note app's clip fields and the
//!   reader's own notes ([`clipnote`]), markup residue and cookie notices
//!   ([`chrome`]), [`spam`] (separator-dense keyword stuffing,
//!   wrong-script link farms), [`disclaimer`] (cut the tail at a
//!   disclaimer marker; contact lines), [`related`] (related-headline
//!   lists, channel blocks), [`chrome`] (breadcrumbs, menus, share/app/
//!   follow promos, quote widgets), [`metadata`] (title, date, source and
//!   editor lines, bylines, image credits, author notes), [`duplicate`]
//!   (repeated lines and prefix duplicates), [`citation`] (`[1]` markers,
//!   a references section), [`tail`] (text dumps: an end mark or comment
//!   section ends the article; non-sentences after the last paragraph),
//!   [`garble`] (foreign-language clauses and broken Latin tokens inside
//!   Chinese text), then blocks left without letters or digits.
//! - [`lang`]: English / Simplified / Traditional Chinese.
//! - [`widget`]: stock-quote widgets and video cards inside the article
//!   region, for [`chrome`].
//! - [`transcript`]: a podcast's or video's transcript under its show
//!   notes (the notes and sponsor reads go), for [`chrome`].
//! - [`stamp`]: the shapes of time stamps, meta rows and a thread's floor
//!   labels, shared by [`related`] and [`tail`].
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
pub mod clipnote;
pub mod columns;
pub mod disclaimer;
pub mod doc;
pub mod duplicate;
pub mod framed;
pub mod garble;
pub mod html;
pub mod lang;
pub mod ld_json;
pub mod linear;
pub mod markdown;
pub mod metadata;
pub mod printed;
pub mod promo;
pub mod reflow;
pub mod related;
pub mod script;
pub mod spam;
pub mod stamp;
pub mod subtitles;
pub mod tail;
pub mod text_dump;
pub mod textbrowser;
pub mod thread;
pub mod transcript;
pub mod widget;

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
        Box::new(textbrowser::TextBrowserDump),
        Box::new(subtitles::SpokenVideo),
        Box::new(clipnote::ClipNotes),
        Box::new(chrome::MarkupResidue),
        Box::new(chrome::CookieNotices),
        Box::new(spam::SpamFilter),
        Box::new(disclaimer::DisclaimerFilter),
        Box::new(related::RelatedFilter),
        Box::new(chrome::ChromeFilter),
        Box::new(metadata::MetadataFilter),
        Box::new(duplicate::DuplicateFilter),
        Box::new(citation::CitationFilter),
        Box::new(tail::TailFilter),
        Box::new(garble::GarbleFilter),
        Box::new(chrome::Leftovers),
    ]
}

/// How a page is read: through a DOM, as a text dump, as a Markdown save
/// rendered to HTML, or flattened line by line because it is too large or
/// too deep for a DOM.
enum Route {
    Dom,
    Text,
    Markdown,
    Linear(&'static str),
}

fn route(text: &str) -> Route {
    match detect_kind(text) {
        InputKind::Text if markdown::is_markdown(text) => Route::Markdown,
        InputKind::Text => Route::Text,
        InputKind::Html if text.len() > html::MAX_DOM_BYTES => {
            Route::Linear("page too large for a DOM; markup flattened line by line")
        }
        InputKind::Html if html::estimated_depth(text) > html::MAX_DEPTH => Route::Linear(
            "page nested too deeply for the HTML parser; markup flattened line by line",
        ),
        InputKind::Html => Route::Dom,
    }
}

/// Cleans one page. `source` is recorded in the document as given.
pub fn clean(source: &str, text: &str) -> CleanDoc {
    match route(text) {
        Route::Dom => finish(source, read_dom(text)),
        Route::Markdown => finish(source, read_dom(&markdown::to_html(text))),
        Route::Text => {
            let cues = subtitles::spoken_lines(text);
            let spoken = cues.is_some();
            let text = cues.as_deref().unwrap_or(text);
            let columns = columns::unfolded(text);
            let text = columns.as_deref().unwrap_or(text);
            let mut work = Work::new(text_dump::blocks(text));
            work.spoken = spoken;
            finish(source, run(work))
        }
        Route::Linear(note) => clean_lines(source, flatten(text.to_string()), Some(note), false),
    }
}

/// Kept text (Latin-equivalent length, [`script::weighted_len`]) under
/// which a page's strict reading is retried without class-name rules: about
/// 50 English words or 80 Han characters.
const SHORT_ARTICLE: usize = 250;

/// Reads a page through its DOM: strictly, then, if that kept almost
/// nothing, once more trusting only tags ([`html::Mode::Relaxed`]), taking
/// the relaxed reading when it keeps at least twice as much. A wrapper
/// whose class names read as chrome then cannot empty a page.
///
/// A page that still keeps almost nothing and holds its server-rendered
/// view in a `<noscript>` (a forum's crawler view behind its script app)
/// is read from that view, when the view keeps at least twice as much.
fn read_dom(text: &str) -> Work<'_> {
    let best = read_dom_markup(text);
    let kept = kept_weight(&best);
    if kept >= SHORT_ARTICLE {
        return best;
    }
    let Some(view) = html::noscript_view(text) else {
        return best;
    };
    let mut from_view = read_dom_markup(view);
    if kept_weight(&from_view) < 2 * kept.max(1) {
        return best;
    }
    from_view.title = from_view.title.or(best.title);
    from_view.published = from_view.published.or(best.published);
    from_view
}

/// Pages up to this size keep their parse for a second reading in
/// [`read_dom_markup`]; larger ones are parsed again if it is needed.
const KEEP_PARSE_MAX_BYTES: usize = 2_000_000;

/// [`read_dom`] without the `<noscript>` fallback.
fn read_dom_markup(text: &str) -> Work<'_> {
    // The parse is kept for a second reading unless the page is large:
    // then the tree would stand beside the detectors' work.
    let kept_doc = (text.len() <= KEEP_PARSE_MAX_BYTES).then(|| html::parse(text));
    let read = |mode| match &kept_doc {
        Some(doc) => run(html::extract_from(doc, mode)),
        None => run(html::extract(text, mode)),
    };
    let strict = read(html::Mode::Strict);
    let kept = kept_weight(&strict);
    if kept >= SHORT_ARTICLE {
        return strict;
    }
    let relaxed = read(html::Mode::Relaxed);
    if kept_weight(&relaxed) >= 2 * kept.max(1) {
        relaxed
    } else {
        strict
    }
}

fn kept_weight(work: &Work<'_>) -> usize {
    kept_paragraphs(work).map(script::weighted_len).sum()
}

/// Cleans one page it owns. Large pages and text dumps are rewritten in
/// their own buffer ([`linear`]), so the page costs about one copy of
/// itself in memory.
pub fn clean_owned(source: &str, text: String) -> CleanDoc {
    match route(&text) {
        Route::Dom => finish(source, read_dom(&text)),
        Route::Markdown => finish(source, read_dom(&markdown::to_html(&text))),
        Route::Text => {
            // one copy of the page at a time: the original goes once joined
            let cues = subtitles::spoken_lines(&text);
            let spoken = cues.is_some();
            let text = cues.unwrap_or(text);
            let text = columns::unfolded(&text).unwrap_or(text);
            let text = reflow::reflowed(&text).unwrap_or(text);
            clean_lines(source, linear::normalise_lines(text), None, spoken)
        }
        Route::Linear(note) => clean_lines(source, flatten(text), Some(note), false),
    }
}

fn flatten(page: String) -> String {
    linear::flatten_html(page, html::SKIP_TAGS, html::BLOCK_TAGS)
}

/// Cleans a page already turned into clean lines (one block per line,
/// borrowed) and writes the kept text back into the same buffer.
fn clean_lines(source: &str, lines: String, note: Option<&str>, spoken: bool) -> CleanDoc {
    let (pieces, rest) = {
        let mut work = Work::new(linear::blocks(&lines));
        work.spoken = spoken;
        if let Some(note) = note {
            work.record(model::DropReason::Boilerplate, note);
        }
        let work = run(work);
        let base = lines.as_ptr() as usize;
        let range = base..base + lines.len();
        let pieces: Vec<linear::Piece> = kept_paragraphs(&work)
            .map(|t| {
                let at = t.as_ptr() as usize;
                if range.contains(&at) && !t.contains(['\n', '\r']) {
                    linear::Piece::Kept(at - base..at - base + t.len())
                } else {
                    linear::Piece::Rewritten(one_line(t))
                }
            })
            .collect();
        (pieces, Rest::of(work))
    };
    let (text, paragraphs) = linear::compact(lines, &pieces);
    rest.into_doc(source, text, paragraphs)
}

/// Decides the language and runs the detector chain.
fn run(mut work: Work<'_>) -> Work<'_> {
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
    let deferred = duplicate::defer_repeats(&mut work);
    for d in detectors() {
        d.run(&mut work);
    }
    duplicate::settle_repeats(&mut work, deferred);
    work
}

/// The text of every alive block that is not blank, trimmed.
fn kept_paragraphs<'w>(work: &'w Work<'_>) -> impl Iterator<Item = &'w str> {
    work.blocks
        .iter()
        .filter(|b| b.alive)
        .map(|b| b.text.trim())
        .filter(|t| !t.is_empty())
}

/// A paragraph on one line: a block never holds a newline.
fn one_line(t: &str) -> String {
    t.chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect()
}

/// Everything of the finished [`Work`] but its blocks.
struct Rest {
    title: Option<String>,
    published: Option<String>,
    lang: model::Lang,
    dropped: Vec<model::Dropped>,
}

impl Rest {
    fn of(work: Work<'_>) -> Self {
        let mut dropped = work.dropped;
        if work.unlisted > 0 {
            dropped.push(model::Dropped {
                reason: model::DropReason::Boilerplate,
                excerpt: format!(
                    "… and {} more dropped parts, not listed (limit {})",
                    work.unlisted,
                    doc::MAX_DROPPED
                ),
            });
        }
        Rest {
            title: work.title,
            published: work.published,
            lang: work.lang,
            dropped,
        }
    }

    fn into_doc(self, source: &str, text: String, paragraphs: Vec<Span>) -> CleanDoc {
        let lang = if text.is_empty() {
            self.lang
        } else {
            lang::detect(&text)
        };
        CleanDoc {
            source: source.to_string(),
            title: self.title,
            published: self.published,
            lang,
            text,
            paragraphs,
            dropped: self.dropped,
        }
    }
}

/// Joins the alive blocks into the clean text and records paragraph spans.
fn finish(source: &str, work: Work<'_>) -> CleanDoc {
    let mut text = String::new();
    let mut paragraphs = Vec::new();
    for t in kept_paragraphs(&work) {
        if !text.is_empty() {
            text.push('\n');
        }
        let start = text.len();
        for c in t.chars() {
            text.push(if c == '\n' || c == '\r' { ' ' } else { c });
        }
        paragraphs.push(Span {
            start,
            end: text.len(),
        });
    }
    Rest::of(work).into_doc(source, text, paragraphs)
}
