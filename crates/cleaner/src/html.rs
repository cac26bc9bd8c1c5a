//! HTML pages -> blocks of the main content, plus title and published time.
//!
//! Owns: parsing with scraper, dropping non-content subtrees and recording
//! each with its reason (invisible and hidden elements, unless a hidden
//! subtree holds most of the page's text: an article a script reveals;
//! screen-reader-only
//! text, `nav`, `footer`, `aside`, forms, navigation roles, and elements
//! whose class, id or `data-testid` reads as chrome: comment, share,
//! sidebar, related, promo, credit, copyright, …; a generated token of
//! one- and two-letter pieces such as `Zi_ad_ar_iR` names nothing, and a
//! box named for the paywall that holds a few paragraphs is the article
//! behind it), flattening the rest into
//! blocks at block-element boundaries (`p`, `h1-6`, `li`, `figcaption`,
//! `blockquote`, `pre`, `div`, `br`, …; a data-table row is one block, its
//! cells separated by spaces), and choosing the article container the way
//! Readability does: each paragraph scores its parent and grandparent by
//! length (CJK-aware: one Han char weighs three), punctuation and commas;
//! the score is damped by link density; `<article>`, `<main>` and
//! `itemprop=articleBody` are hints. The container and its well-scored
//! siblings give the blocks, plus a lead photo caption or a summary list
//! (`Key Points`) just before it; link-dense lists are dropped. Blocks from
//! caption elements (`figcaption`, `img_descr`, `picinfo`) are marked
//! [`BlockKind::Caption`] so [`crate::metadata`] can trim photo credits.
//!
//! Class vocabulary is matched on the word parts of each class token
//! (split at `-`, `_`, digits and camelCase; glued lower-case runs split
//! into known words), never on raw substrings: `PageBuilder-pageRow` is not
//! a `pager`. In a BEM-like token the element part decides
//! (`article-content__copyright` is a copyright box, `comment-content`
//! stays as Readability keeps it). A chrome candidate that holds more than
//! half of the page's visible text is a wrapper with an unlucky name and is
//! kept (comment threads excepted).
//!
//! Title from `og:title`/`<title>`/`<h1>`, published time from
//! `article:published_time`, `<time datetime>`, date `<meta>`s and JSON-LD.
//! [`Mode::Relaxed`] reads a page again without class-name rules (the
//! caller retries with it when the strict reading kept almost nothing).
//! A page whose DOM holds less than a third of its JSON-LD `articleBody`
//! (an article rendered by script) takes that body instead
//! ([`crate::ld_json`]).
//! Must not know: text-level noise rules (the detectors run on the blocks
//! this returns); charsets (input is already decoded).
//!
//! Bad input: html5ever checks scopes by walking the stack of open
//! elements, which is quadratic on absurdly deep nesting, and a DOM costs
//! several times the page in memory. Pages whose estimated nesting exceeds
//! [`MAX_DEPTH`], or larger than [`MAX_DOM_BYTES`], never reach this module:
//! [`crate::linear`] flattens them in one pass (skipping [`SKIP_TAGS`],
//! breaking lines at [`BLOCK_TAGS`]) and they are handled like a text dump.
//! All walks are iterative.
//!
//! # Crates measured, and why we do not build on them
//!
//! Body F1 on our thirteen HTML fixtures (`bench/cleaner/score_bodies.py`:
//! token F1 for English, character F1 for Chinese; mean per script; the
//! throwaway driver decoded each page and printed the crate's text):
//!
//! | extractor | en (4) | zh-Hans (5) | zh-Hant (4) | corpus MB/s (wall, one run on a loaded machine; ranges in `bench/cleaner/README.md`) |
//! |---|---|---|---|---|
//! | this module + detectors | 1.000 | 0.998 | 1.000 | 24.7 |
//! | `readability` 0.3.0 | 0.826 | 0.970 | 0.996 | 17.5 |
//! | `dom_smoothie` 0.19.0 (`TextMode::Formatted`) | 0.969 | 0.974 | 0.942 | 12.3 |
//! | trafilatura 2.3.1 (Python, for reference) | 0.859 | 0.894 | 0.814 | 0.8 |
//!
//! `readability` takes the comment thread of 207 for the article (F1
//! 0.381). Otherwise both crates find the right container (recall 1.000);
//! what they lose is precision on noise inside or next to it:
//! copyright and `标签:` keyword-stuffed tag lines (104), `|`-separated spam
//! and a related list (105, dom_smoothie), share counters, newsletter promo
//! and tag spam (103), editor lines, in-article ads and "read also" boxes
//! (203, 205). We do not build on either:
//! they return one container as HTML or flat text, while the detectors need
//! per-block text with link counts, so we would parse every page twice and
//! still run our own chain; both are slower than this whole module; neither
//! weighs CJK text by characters; `dom_smoothie` brings its own DOM
//! (`dom_query`) next to scraper's, and `readability` 0.3 is unmaintained
//! and fetches over HTTP by default. The fixtures were written while this
//! module was developed, so its numbers are an upper bound; the crates'
//! are not tuned at all.

use crate::doc::{Block, BlockKind, Work};
use crate::ld_json;
use crate::metadata::find_date;
use crate::script::{char_len, is_han, is_sentence_end, weighted_len};
use crate::text_dump;
use ego_tree::{NodeId, NodeRef};
use model::DropReason;
use scraper::{Html, Node};
// Fx hashing: the keys are node ids and class tokens of one page, not
// attacker-chosen bulk input, and SipHash showed up in profiles.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::rc::Rc;
use std::sync::OnceLock;

/// Deepest element nesting handed to the HTML parser.
pub const MAX_DEPTH: usize = 400;

pub const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "form", "button", "select",
    "textarea", "nav", "footer", "aside", "head", "canvas", "video", "audio", "object", "embed",
    "input", "label", "dialog", "menu",
];

pub const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "figcaption",
    "figure",
    "table",
    "tr",
    "td",
    "th",
    "dd",
    "dt",
    "dl",
    "br",
    "hr",
    "header",
    "address",
    "center",
    "body",
    "html",
    "tbody",
    "thead",
    "caption",
];

/// An EPUB sidebar box: `<aside epub:type="sidebar">` (the type may list
/// several words).
fn is_book_sidebar(el: &scraper::node::Element) -> bool {
    attr(el, "epub:type").is_some_and(|t| t.split_whitespace().any(|w| w == "sidebar"))
}

/// True for a tag in [`BLOCK_TAGS`]. A `match` compiles to a switch on
/// length and a compare; the walkers ask it of every element.
fn is_block_tag(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "blockquote"
            | "pre"
            | "figcaption"
            | "figure"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "dd"
            | "dt"
            | "dl"
            | "br"
            | "hr"
            | "header"
            | "address"
            | "center"
            | "body"
            | "html"
            | "tbody"
            | "thead"
            | "caption"
    )
}

/// Class/id vocabulary of page chrome (Readability's unlikely candidates
/// plus what news CMSs name their promo, credit and notice boxes). Matched
/// on word parts of class tokens, never on raw substrings: `pageRow` is
/// `page` + `row`, not `pager`.
const UNLIKELY: &[&str] = &[
    "ad",
    "ads",
    "adv",
    "advert",
    "advertise",
    "advertisement",
    "advertising",
    "adsense",
    "agegate",
    // A wiki page's list of attached files (`plugin_attachments_container`;
    // the singular names a blog's image, `attachment-full`).
    "attachments",
    "badge",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "crumb",
    // a call to action set in the text (`inline-cta`: an event's tickets,
    // a newsletter's sign-up)
    "cta",
    "crumbs",
    "combx",
    "comment",
    "comments",
    "community",
    "cookie",
    "cookies",
    "copyright",
    "credit",
    "credits",
    "disclaimer",
    "disqus",
    // A reader-funded site's ask inside the article (`donation-box`).
    "donate",
    "donation",
    "download",
    "extra",
    "follow",
    "footer",
    "gdpr",
    "hot",
    "hotlist",
    "hotnews",
    "legends",
    "login",
    "menu",
    "modal",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "newsletters",
    "outbrain",
    "pager",
    "paging",
    "nextpage",
    "pagination",
    "pill",
    // A status label set in a sentence (`aui-lozenge`: an issue's `In
    // progress` fetched from the tracker).
    "lozenge",
    "player",
    "popup",
    "promo",
    "promotion",
    "qr",
    "qrcode",
    "rank",
    "ranking",
    "recommend",
    "recommended",
    "recommendation",
    "recommendations",
    "register",
    "related",
    "remark",
    "replies",
    "reply",
    "rss",
    "share",
    "sharebar",
    "sharing",
    "shoutbox",
    "sidebar",
    "signin",
    "signup",
    "skyscraper",
    "social",
    "sponsor",
    "sponsored",
    "statement",
    "subscribe",
    "subscription",
    "supplemental",
    "taboola",
    "tag",
    "tags",
    "toolbar",
    "topbar",
    "trending",
    // Subscription walls, shopping boxes, bylines and timestamps, gallery
    // counters, footnote markers.
    "barrier",
    "paywall",
    "paybox",
    "regwall",
    "commerce",
    "affiliate",
    "amzn",
    "byline",
    "author",
    "authors",
    "timestamp",
    "counter",
    "footnote",
    // Embedded social posts: third-party text with its own figures and
    // names (the most recent blind gold strips them; an earlier one
    // leaned to keep a quoted executive's post).
    "tweet",
    "bluesky",
    // An encyclopedia's fact table and navigation boxes.
    "infobox",
    "navbox",
    // A wiki's maintenance banner (`本條目需要補充更多來源`).
    "ambox",
    "instagram",
    "tiktok",
    // Video players and their titles, durations and transcript teasers:
    // several blind authors' gold leaves them out of the article.
    "video",
    // Sidebar boxes and embedded quote cards (`widget_recent_entries`,
    // `stock-quote-widget`); a `text-widget` keeps for its `text`.
    "widget",
];

/// Words that keep an element although it also reads as chrome
/// (`comment-content`, `article copyright`): only when they stand in the
/// element part of a BEM-like class (`article-content__copyright` is a
/// copyright box inside the article, not the article).
const MAYBE: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "shadow", "text", "story", "entry",
    "detail", "details",
];

/// Words that raise a candidate container's score.
const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog",
    "story", "detail", "details", "zhengwen",
];

/// Words that lower a candidate container's score.
const NEGATIVE: &[&str] = &[
    "ad",
    "ads",
    "hidden",
    "hid",
    "banner",
    "combx",
    "comment",
    "comments",
    "contact",
    "foot",
    "footer",
    "footnote",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "tool",
    "tools",
    "widget",
    "recommend",
    "hot",
    "credit",
];

/// Class words of a summary list above the body (`key-points`,
/// `summary`, `highlights`, `takeaways`, pinyin `zhaiyao`).
const SUMMARY: &[&str] = &[
    "keypoints",
    "summary",
    "highlights",
    "takeaways",
    "tldr",
    "abstract",
    "synopsis",
    "digest",
    "standfirst",
    "findings",
    "keyfindings",
    "zhaiyao",
    "yaodian",
];

/// Class words of an image caption: a caption word alone, or an image
/// word with a description word (`img_descr`, `picinfo`, `image-desc`).
const CAPTION: &[&str] = &["caption", "figcaption", "cutline", "credit", "credits"];
const IMAGE_WORDS: &[&str] = &["img", "image", "pic", "photo", "figure", "fig"];
const DESC_WORDS: &[&str] = &[
    "desc",
    "descr",
    "description",
    "info",
    "txt",
    "note",
    "explain",
];

/// Neutral words that class names are glued from (`sharebox`,
/// `picinfo`, `hotnews`); used only to split a run of lower-case letters
/// into words.
const FILLER: &[&str] = &[
    "all",
    "app",
    "apps",
    "area",
    "arti",
    "art",
    "bar",
    "bd",
    "bg",
    "block",
    "bottom",
    "box",
    "btn",
    "button",
    "card",
    "center",
    "code",
    "col",
    "con",
    "cont",
    "container",
    "date",
    "desc",
    "descr",
    "fix",
    "fixed",
    "float",
    "frame",
    "ft",
    "full",
    "group",
    "hd",
    "head",
    "header",
    "holder",
    "icon",
    "img",
    "image",
    "images",
    "info",
    "inner",
    "item",
    "items",
    "key",
    "layer",
    "left",
    "line",
    "link",
    "links",
    "list",
    "logo",
    "lst",
    "mod",
    "module",
    "more",
    "name",
    "new",
    "news",
    "normal",
    "outer",
    "page",
    "panel",
    "part",
    "pic",
    "pics",
    "point",
    "points",
    "photo",
    "region",
    "right",
    "row",
    "rows",
    "section",
    "side",
    "source",
    "style",
    "sub",
    "tab",
    "tabs",
    "time",
    "tit",
    "title",
    "top",
    "txt",
    "unit",
    "up",
    "us",
    "video",
    "view",
    "wrap",
    "wrapper",
    "zone",
    "note",
    "fig",
    "figure",
    "bar",
    "list",
];

fn vocab() -> &'static HashSet<&'static str> {
    static V: OnceLock<HashSet<&'static str>> = OnceLock::new();
    V.get_or_init(|| {
        [
            UNLIKELY,
            MAYBE,
            POSITIVE,
            NEGATIVE,
            SUMMARY,
            CAPTION,
            IMAGE_WORDS,
            DESC_WORDS,
            FILLER,
        ]
        .iter()
        .flat_map(|l| l.iter().copied())
        .collect()
    })
}

/// Splits a class token into lower-case word parts at `-`, `_`, digits and
/// camelCase boundaries (`InlineImage-imageEmbedCredit` -> inline, image,
/// image, embed, credit).
fn word_parts(token: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut cur = String::new();
    // A hexadecimal piece of four characters or more mixing digits and
    // letters is a generated id's (`cell-id=71c0e3b5-4ad7-…` holds no
    // `ad`): it is read as a separator.
    let chars: Vec<char> = token
        .split_inclusive(|c: char| !c.is_ascii_alphanumeric())
        .flat_map(|piece| {
            let body = piece.trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
            let generated = body.len() >= 4
                && body.chars().all(|c| c.is_ascii_hexdigit())
                && body.chars().any(|c| c.is_ascii_digit())
                && body.chars().any(|c| c.is_ascii_alphabetic());
            let shown: Vec<char> = if generated {
                piece.chars().map(|_| '-').collect()
            } else {
                piece.chars().collect()
            };
            shown
        })
        .collect();
    // So are letters with a digit right before and after them (`uaee75ad3`).
    let mut run_after_digit = false;
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_alphabetic() {
            if !cur.is_empty() {
                let run = std::mem::take(&mut cur);
                if !(run_after_digit && c.is_ascii_digit()) {
                    parts.push(run);
                }
            }
            run_after_digit = c.is_ascii_digit();
            continue;
        }
        let prev = if i > 0 { chars[i - 1] } else { ' ' };
        let next = chars.get(i + 1).copied().unwrap_or(' ');
        let boundary = c.is_uppercase()
            && (prev.is_lowercase() || (prev.is_uppercase() && next.is_lowercase()));
        if boundary && !cur.is_empty() {
            parts.push(std::mem::take(&mut cur));
        }
        cur.extend(c.to_lowercase());
    }
    if !cur.is_empty() {
        parts.push(cur);
    }
    parts
}

/// The vocabulary words a class token is made of: each word part, the
/// words a glued part splits into completely (`sharebox` -> share, box;
/// `pagerow` -> page, row, never `pager`), and two or three adjacent parts
/// joined (`side-bar` -> sidebar, `key-points` -> keypoints).
///
/// Class tokens repeat across the elements of a page and across the pages
/// of a site, so results are cached per thread (cleared when it grows past
/// [`TOKEN_CACHE_MAX`] entries).
fn token_words(token: &str) -> Rc<[&'static str]> {
    thread_local! {
        static CACHE: std::cell::RefCell<HashMap<String, Rc<[&'static str]>>> =
            std::cell::RefCell::new(HashMap::default());
    }
    CACHE.with(|cache| {
        if let Some(words) = cache.borrow().get(token) {
            return Rc::clone(words);
        }
        let words: Rc<[&'static str]> = token_words_uncached(token).into();
        let mut cache = cache.borrow_mut();
        if cache.len() >= TOKEN_CACHE_MAX {
            cache.clear();
        }
        cache.insert(token.to_string(), Rc::clone(&words));
        words
    })
}

/// Most class tokens [`token_words`] remembers per thread.
const TOKEN_CACHE_MAX: usize = 20_000;

fn token_words_uncached(token: &str) -> Vec<&'static str> {
    let v = vocab();
    let parts = word_parts(token);
    // Three or more pieces of one or two letters (`Zi_ad_ar_iR`) are a
    // generated name, not words: its `ad` is there by chance.
    if parts.len() >= 3 && parts.iter().all(|p| p.len() <= 2) {
        return Vec::new();
    }
    let mut out: Vec<&'static str> = Vec::new();
    let push = |w: &str, out: &mut Vec<&'static str>| {
        if let Some(&k) = v.get(w) {
            if !out.contains(&k) {
                out.push(k);
            }
        }
    };
    for (i, p) in parts.iter().enumerate() {
        push(p, &mut out);
        if !v.contains(p.as_str()) && p.len() <= 24 && p.is_ascii() {
            for w in glued_words(p) {
                push(w, &mut out);
            }
        }
        let mut joined = p.clone();
        for q in parts.iter().skip(i + 1).take(2) {
            joined.push_str(q);
            push(&joined, &mut out);
        }
    }
    out
}

/// Words of every complete split of `p` into vocabulary words.
fn glued_words(p: &str) -> Vec<&'static str> {
    let v = vocab();
    let n = p.len();
    let word = |i: usize, j: usize| j - i >= 2 && v.contains(&p[i..j]);
    let mut fwd = vec![false; n + 1];
    fwd[0] = true;
    for j in 1..=n {
        fwd[j] = (0..j).any(|i| fwd[i] && word(i, j));
    }
    if !fwd[n] {
        return Vec::new();
    }
    let mut bwd = vec![false; n + 1];
    bwd[n] = true;
    for i in (0..n).rev() {
        bwd[i] = (i + 1..=n).any(|j| bwd[j] && word(i, j));
    }
    let mut out = Vec::new();
    for i in 0..n {
        for j in i + 2..=n {
            if fwd[i] && bwd[j] && word(i, j) {
                if let Some(&k) = v.get(&p[i..j]) {
                    out.push(k);
                }
            }
        }
    }
    out
}

/// True for a generated hash segment (`2p5pI`, `1FZLe`, `3ypuX`).
fn is_hash(seg: &str) -> bool {
    seg.len() <= 8
        && seg.chars().any(|c| c.is_ascii_digit())
        && seg.chars().any(|c| c.is_ascii_alphabetic())
}

/// The element part of a BEM-like class token: after the last `__`
/// (`article-content__copyright`), or after the block name of a
/// `BlockName-elementName` token; generated hash suffixes are skipped.
fn head_segment(token: &str) -> &str {
    // `block__element`, then the double-hyphen form some design systems
    // use for the same (`ds--article--slide-counter`).
    for sep in ["__", "--"] {
        if !token.contains(sep) {
            continue;
        }
        let segs: Vec<&str> = token.split(sep).filter(|s| !s.is_empty()).collect();
        if segs.len() > 1 {
            return segs
                .iter()
                .rev()
                .find(|s| !is_hash(s))
                .copied()
                .unwrap_or(token);
        }
    }
    if token.starts_with(|c: char| c.is_ascii_uppercase()) {
        if let Some((_, rest)) = token.split_once('-') {
            if !rest.is_empty() && !is_hash(rest) {
                return rest;
            }
        }
    }
    token
}

/// The class, id and test-id tokens of an element (React sites name their
/// parts in `data-testid`).
fn class_tokens(el: &scraper::node::Element) -> Vec<&str> {
    // One pass over the attributes: `Element::attr` interns its argument
    // on every call, which showed up as a tenth of the cleaner's time.
    const NAMED: [&str; 7] = [
        "id",
        "data-testid",
        "data-test-id",
        "data-test",
        "data-module",
        "data-component",
        "data-track",
    ];
    let mut out: Vec<&str> = Vec::new();
    let mut named: [Option<&str>; 7] = [None; 7];
    for (name, value) in el.attrs() {
        if name == "class" {
            // Atomic CSS (`ov ow qr bp qt`) names nothing: its two- and
            // three-letter tokens are generated and may spell `qr`, `ad`
            // or `nav` by chance.
            let short = value.split_whitespace().filter(|t| t.len() <= 3).count();
            let all = value.split_whitespace().count();
            let atomic = all >= 4 && short * 4 >= all * 3;
            out.extend(value.split_whitespace().filter(|t| !atomic || t.len() > 3));
        } else if let Some(k) = NAMED.iter().position(|n| *n == name) {
            named[k] = Some(value.trim()).filter(|v| !v.is_empty());
        }
    }
    out.extend(named.into_iter().flatten());
    out
}

fn any_in(words: &[&'static str], list: &[&str]) -> Option<&'static str> {
    words.iter().copied().find(|w| list.contains(w))
}

/// The chrome word that makes an element's class/id read as page chrome,
/// or `None`. A token is chrome when it holds an [`UNLIKELY`] word and its
/// element part holds no [`MAYBE`] word; another token whose element part
/// reads as article text keeps the element.
fn unlikely_word(el: &scraper::node::Element) -> Option<&'static str> {
    let mut hit = None;
    for t in class_tokens(el) {
        let head = token_words(head_segment(t));
        if any_in(&head, MAYBE).is_some() {
            if any_in(&head, UNLIKELY).is_none() || head_segment(t) == t {
                return None;
            }
            continue;
        }
        if hit.is_none() {
            hit = any_in(&token_words(t), UNLIKELY);
        }
    }
    hit
}

/// True for an element whose class names it a summary list.
fn is_summary_class(el: &scraper::node::Element) -> bool {
    class_tokens(el)
        .iter()
        .any(|t| any_in(&token_words(t), SUMMARY).is_some())
}

/// True for an element whose class names it an image caption.
fn is_caption_class(el: &scraper::node::Element) -> bool {
    class_tokens(el).iter().any(|t| {
        let w = token_words(t);
        any_in(&w, CAPTION).is_some()
            || (any_in(&w, IMAGE_WORDS).is_some() && any_in(&w, DESC_WORDS).is_some())
    })
}

/// Estimates the deepest nesting of non-void, non-self-closing elements.
/// Elements the parser closes implicitly (`p`, `li`, `td`, …) do not count.
pub fn estimated_depth(s: &str) -> usize {
    let b = s.as_bytes();
    let mut depth: usize = 0;
    let mut max = 0;
    let mut i = 0;
    // Jump from tag to tag.
    while let Some(k) = memchr::memchr(b'<', &b[i..]) {
        i += k + 1;
        let close = b.get(i) == Some(&b'/');
        let start = i + usize::from(close);
        let name_len = b[start.min(b.len())..]
            .iter()
            .take(16)
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'!' || **c == b'-')
            .count();
        if name_len == 0 {
            continue;
        }
        let after = start + name_len;
        let window = &b[after..b.len().min(after + 2048)];
        let end = after + memchr::memchr(b'>', window).unwrap_or(window.len());
        let self_closing = end < b.len() && b[end - 1] == b'/';
        if !self_closing && !is_depthless(&b[start..after]) {
            if close {
                depth = depth.saturating_sub(1);
            } else {
                depth += 1;
                max = max.max(depth);
            }
        }
        i = end;
    }
    max
}

/// Void elements, comments and doctypes, and the elements the parser
/// closes implicitly (`p`, `li`, `td`, …): tags that add no depth.
fn is_depthless(name: &[u8]) -> bool {
    let mut lower = [0u8; 8];
    let Some(slot) = lower.get_mut(..name.len()) else {
        return false;
    };
    for (l, c) in slot.iter_mut().zip(name) {
        *l = c.to_ascii_lowercase();
    }
    matches!(
        &*slot,
        b"br"
            | b"img"
            | b"meta"
            | b"link"
            | b"input"
            | b"hr"
            | b"wbr"
            | b"source"
            | b"track"
            | b"area"
            | b"base"
            | b"col"
            | b"embed"
            | b"param"
            | b"p"
            | b"li"
            | b"dt"
            | b"dd"
            | b"option"
            | b"tr"
            | b"td"
            | b"th"
            | b"!doctype"
            | b"!--"
    )
}

/// Pages larger than this are not parsed into a DOM: [`crate::linear`]
/// flattens them into lines inside their own buffer (a DOM costs several
/// times the page). Real article pages are far below it.
pub const MAX_DOM_BYTES: usize = 8 * 1024 * 1024;

struct Flat {
    text: String,
    /// Text after a signature delimiter (a line of `--`): metadata.
    signature: bool,
    /// `char_len(text)`, counted once.
    chars: usize,
    link_chars: usize,
    kind: BlockKind,
    container: Option<NodeId>,
}

fn kind_of(tag: &str) -> BlockKind {
    match tag {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading,
        "li" | "dt" | "dd" => BlockKind::ListItem,
        "figcaption" | "caption" => BlockKind::Caption,
        "blockquote" => BlockKind::Quote,
        "pre" => BlockKind::Pre,
        "tr" => BlockKind::Row,
        _ => BlockKind::Para,
    }
}

/// Class names of text kept for screen readers only (`sr-only`,
/// `srOnly`, `visually-hidden`, `screen-reader-text`): never shown.
/// An attribute's value. `Element::attr` interns the name on every call;
/// walking the few attributes of an element is cheaper.
fn attr<'a>(el: &'a scraper::node::Element, name: &str) -> Option<&'a str> {
    el.attrs().find(|(n, _)| *n == name).map(|(_, v)| v)
}

fn is_screen_reader_only(el: &scraper::node::Element) -> bool {
    attr(el, "class").is_some_and(|c| {
        // Cheap test first: every pattern below holds one of these words.
        let b = c.as_bytes();
        let has = |w: &[u8]| b.windows(w.len()).any(|x| x.eq_ignore_ascii_case(w));
        if !(has(b"only") || has(b"hidden") || has(b"reader")) {
            return false;
        }
        c.split_whitespace().any(|t| {
            let p = word_parts(t);
            p.windows(2).any(|w| {
                matches!(
                    (w[0].as_str(), w[1].as_str()),
                    ("sr", "only") | ("visually", "hidden") | ("screen", "reader")
                )
            })
        })
    })
}

/// Characters of text in an `aria-hidden` subtree from which it is read
/// as the locked rest of an article rather than a decorative copy.
const LOCKED_TEXT_CHARS: usize = 800;

/// How an element hides its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hidden {
    /// `hidden`, `display: none`, `visibility: hidden`, screen-reader-only
    /// classes: not on screen.
    Unseen,
    /// `aria-hidden="true"` alone: on screen, hidden from screen readers
    /// (decorative copies, carousel clones, and sometimes the metered rest
    /// of an article behind a paywall box).
    FromReaders,
}

fn hidden(el: &scraper::node::Element) -> Option<Hidden> {
    let mut aria = false;
    for (name, value) in el.attrs() {
        let unseen = match name {
            "hidden" => true,
            "aria-hidden" => {
                aria |= value == "true";
                false
            }
            "style" => {
                let s = value.to_ascii_lowercase().replace(' ', "");
                s.contains("display:none") || s.contains("visibility:hidden")
            }
            // A tooltip (a glossary definition inside a sentence) shows on
            // hover only.
            "role" => value == "tooltip",
            // Left out of print (`noprint`): an encyclopedia's `[citation
            // needed]` tags and edit links, never the text. An `i-amphtml-`
            // class is the AMP runtime's (authors may not use the prefix):
            // on a plain element it marks the runtime's own controls, hints
            // and overlays (`Tap to go forward`), never the story.
            "class" => value.split_whitespace().any(|t| {
                t == "noprint"
                    || is_section_edit_link(t)
                    || (t.starts_with("i-amphtml-") && !el.name().starts_with("amp-"))
            }),
            _ => false,
        };
        if unseen {
            return Some(Hidden::Unseen);
        }
    }
    if is_screen_reader_only(el) {
        Some(Hidden::Unseen)
    } else if aria && !is_locked_text_class(el) {
        Some(Hidden::FromReaders)
    } else {
        None
    }
}

/// A wiki's `[edit]` link beside each section heading (MediaWiki's
/// `mw-editsection`, DokuWiki's `secedit`): an editor's control, not the
/// heading.
fn is_section_edit_link(class: &str) -> bool {
    matches!(class, "mw-editsection" | "editsection" | "secedit")
}

/// A class that names the rest of the article kept behind a paywall
/// (`paywall-content`, `locked-body`, `premium_text`): a word of the wall
/// and a word of the text in one token. Hidden from screen readers only,
/// it is the article's text under a fade, whatever its length.
fn is_locked_text_class(el: &scraper::node::Element) -> bool {
    const WALL: [&str; 6] = ["paywall", "locked", "premium", "member", "members", "paid"];
    const TEXT: [&str; 5] = ["content", "body", "text", "article", "story"];
    class_tokens(el).iter().any(|t| {
        let words = token_words(t);
        let parts = word_parts(t);
        let has = |list: &[&str]| {
            list.iter()
                .any(|w| words.contains(w) || parts.iter().any(|p| p == w))
        };
        has(&WALL) && has(&TEXT)
    })
}

/// True for a tag whose content is never visible text.
fn is_invisible_tag(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "iframe"
            | "head"
            | "canvas"
            | "video"
            | "audio"
            | "object"
            | "embed"
            | "input"
            | "select"
            | "textarea"
    )
}

/// Chrome words of comment threads: a thread may hold most of a page's
/// text and is still not the article.
const COMMENT_WORDS: &[&str] = &[
    "comment",
    "comments",
    "reply",
    "replies",
    "remark",
    "disqus",
    "community",
    "shoutbox",
];

/// The reason recorded for a subtree dropped for its class word.
fn reason_for_word(w: &str) -> DropReason {
    match w {
        _ if COMMENT_WORDS.contains(&w) => DropReason::Boilerplate,
        "related" | "recommend" | "recommended" | "recommendation" | "recommendations" | "hot"
        | "hotnews" | "hotlist" | "rank" | "ranking" | "trending" | "tag" | "tags" | "outbrain"
        | "taboola" | "extra" | "supplemental" => DropReason::RelatedLinks,
        "copyright" | "disclaimer" | "statement" => DropReason::Disclaimer,
        "credit" | "credits" | "byline" | "author" | "authors" | "timestamp" => {
            DropReason::Metadata
        }
        "footnote" => DropReason::Citation,
        _ => DropReason::Chrome,
    }
}

/// Why an element's subtree would be dropped, before the guard that keeps
/// a subtree holding most of the page's text. `None`: not chrome.
/// `(reason, comment)`: `comment` marks a comment thread, which the guard
/// does not keep.
fn chrome_subtree(
    el: &scraper::node::Element,
    inside_article: bool,
    mode: Mode,
) -> Option<(DropReason, bool)> {
    let name = el.name();
    if matches!(name, "body" | "html" | "article" | "main")
        || attr(el, "itemprop") == Some("articleBody")
    {
        return None;
    }
    let class = attr(el, "class");
    // A syntax highlighter's token (`hljs-comment`, Prism's `token
    // comment`, CodeMirror's `cm-comment`) is code, whatever it is named.
    if name == "span" && class.is_some_and(is_code_token_class) {
        return None;
    }
    // A notebook's code cell (Jupyter's `jp-CodeCell`, the classic
    // `code_cell`): its code, prompts and raw output are the computation,
    // the markdown cells around it the write-up.
    if class.is_some_and(|c| {
        c.split_whitespace()
            .any(|t| t == "jp-CodeCell" || t == "code_cell")
    }) {
        return Some((DropReason::Chrome, false));
    }
    match name {
        "nav" | "menu" | "button" | "dialog" | "label" => return Some((DropReason::Chrome, false)),
        _ if mode == Mode::Relaxed => return None,
        "form" => return Some((DropReason::Chrome, false)),
        "footer" => return Some((DropReason::Boilerplate, false)),
        // A book's sidebar box (EPUB's `epub:type="sidebar"`) is the
        // chapter's own text; other asides (notes, related links) are not.
        "aside" if is_book_sidebar(el) => return None,
        "aside" => return Some((DropReason::Boilerplate, false)),
        "header" if !inside_article => return Some((DropReason::Chrome, false)),
        _ => {}
    }
    if let Some(r) = attr(el, "role") {
        // A summary box inside the article (`key-findings`) may be marked
        // complementary; it is the article's own.
        let summary_box = r == "complementary" && inside_article && is_summary_class(el);
        if matches!(
            r,
            "navigation" | "complementary" | "banner" | "contentinfo" | "menu" | "dialog"
        ) && !summary_box
        {
            return Some((DropReason::Chrome, false));
        }
    }
    // A box whose accessible name says what it is (`aria-label="newsletter
    // promotion"`): the one signal left on a site whose classes are hashes.
    if attr(el, "aria-label").is_some_and(is_chrome_label) {
        return Some((DropReason::Chrome, false));
    }
    // A paragraph marked as lying behind the wall (`<p class="paywall">`)
    // is the article's text, not the wall.
    unlikely_word(el)
        .filter(|&w| !(name == "p" && matches!(w, "paywall" | "regwall" | "barrier")))
        .map(|w| (reason_for_word(w), COMMENT_WORDS.contains(&w)))
}

/// A syntax highlighter's class on a token of code: highlight.js
/// (`hljs-comment`), Prism (`token comment`), CodeMirror (`cm-comment`).
fn is_code_token_class(class: &str) -> bool {
    class
        .split_whitespace()
        .any(|t| t == "token" || t.starts_with("hljs-") || t.starts_with("cm-"))
}

/// Words of an accessible name (`aria-label`) that only page chrome
/// carries: a newsletter's sign-up, an advert, a cookie notice.
const CHROME_LABEL_WORDS: &[&str] = &[
    "newsletter",
    "newsletters",
    "advertisement",
    "advert",
    "promotion",
    "sponsored",
    "cookie",
    "cookies",
    "breadcrumb",
    "breadcrumbs",
];

/// An `aria-label` naming chrome (`newsletter promotion`, `Advertisement`).
fn is_chrome_label(label: &str) -> bool {
    label.len() <= 60
        && label
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| CHROME_LABEL_WORDS.iter().any(|c| w.eq_ignore_ascii_case(c)))
}

/// A heading's permalink mark: a link to an anchor on the same page whose
/// whole text is `¶` or `§` (nbconvert's and Sphinx's `¶` after every
/// heading).
fn is_permalink_mark(a: NodeRef<Node>) -> bool {
    let same_page =
        matches!(a.value(), Node::Element(e) if e.attr("href").is_some_and(|h| h.starts_with('#')));
    if !same_page {
        return false;
    }
    let mut text = String::new();
    for n in a.descendants() {
        if let Node::Text(t) = n.value() {
            text.push_str(t);
            if text.len() > 8 {
                return false;
            }
        }
    }
    matches!(text.trim(), "¶" | "§")
}

/// A footnote reference: a `<sup>` of nothing but a number (or a few,
/// `[3]`, `3,4`) linked to a note on the same page (`href="#fn3"`).
fn is_footnote_ref(sup: NodeRef<Node>) -> bool {
    let mut linked = false;
    let mut text = String::new();
    for n in sup.descendants() {
        match n.value() {
            Node::Text(t) => text.push_str(t),
            Node::Element(e) if e.name() == "a" => {
                linked |= e.attr("href").is_some_and(|h| h.starts_with('#'));
            }
            _ => {}
        }
    }
    let t = text.trim();
    // A note's label may lead its number (`[註 1]`, `[note 2]`, `[n 3]`).
    let inner = t.trim_matches(['[', ']', ' ']);
    let labelled = ["註", "注", "note", "n"].iter().any(|l| {
        inner.strip_prefix(l).is_some_and(|n| {
            let n = n.trim_start();
            (1..=3).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit())
        })
    });
    linked
        && t.len() <= 12
        && (labelled
            || (t.chars().any(|c| c.is_ascii_digit())
                && t.chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '[' | ']' | ',' | '-' | '–' | ' '))))
}

/// Which subtrees the flattener leaves out, decided before it runs.
struct Plan {
    /// Invisible or hidden subtrees: left out without a record.
    silent: HashSet<NodeId>,
    /// Chrome subtrees: left out, recorded with their reason.
    drops: HashMap<NodeId, DropReason>,
}

/// Decides the subtrees to leave out. One iterative pass counts the
/// visible text of every chrome candidate and notes whether it holds the
/// page's headline or article element (`h1`, `article`, `main`,
/// `itemprop=articleBody`). A candidate that holds more than half of the
/// page's visible text *and* the headline or article is a wrapper with an
/// unlucky name (`<form>` around an ASP.NET page, a `pageRow` class), not
/// chrome, and is kept, unless it is a comment thread; so is one that holds
/// nine tenths of the text. A large sidebar or repeated menu holds neither
/// and is dropped.
fn plan(doc: &Html, mode: Mode) -> Plan {
    let mut silent = HashSet::default();
    // (node, reason, comment thread, visible text chars, holds headline/article)
    // (node, reason, a comment box, visible chars, holds an anchor, named
    // for a paywall)
    let mut candidates: Vec<(NodeId, DropReason, bool, usize, bool, bool)> = Vec::new();
    // Hidden subtrees: (node, how hidden, all text chars inside).
    let mut hidden_trees: Vec<(NodeId, Hidden, usize)> = Vec::new();
    // Frames of open elements: (chrome candidate index or usize::MAX,
    // visible text chars, holds the headline or article element, hidden
    // subtree index or usize::MAX, all text chars).
    let mut frames: Vec<Frame> = vec![Frame::default()];
    // (node, entering, inside_article, inside a hidden subtree, inside a
    // book's sidebar box, whose class words are the box's own)
    let mut stack: Vec<(NodeRef<Node>, bool, bool, bool, bool)> =
        vec![(doc.tree.root(), true, false, false, false)];
    while let Some((node, entering, in_article, in_hidden, in_sidebar)) = stack.pop() {
        match node.value() {
            Node::Text(t) if entering => {
                let n = char_len(t);
                if let Some(f) = frames.last_mut() {
                    f.all += n;
                    if !in_hidden {
                        f.visible += n;
                    }
                }
            }
            Node::Element(el) if entering => {
                if is_invisible_tag(el.name())
                    || (el.name() == "sup" && is_footnote_ref(node))
                    || (el.name() == "a" && is_permalink_mark(node))
                {
                    silent.insert(node.id());
                    continue;
                }
                let how_hidden = hidden(el);
                let hidden_here = how_hidden.is_some();
                let idx = match chrome_subtree(el, in_article, mode) {
                    Some((r, comment)) if !hidden_here && !in_sidebar => {
                        let wall = matches!(unlikely_word(el), Some("paywall" | "regwall"));
                        candidates.push((node.id(), r, comment, 0, false, wall));
                        candidates.len() - 1
                    }
                    _ => usize::MAX,
                };
                let hidden_idx = match how_hidden {
                    Some(how) => {
                        hidden_trees.push((node.id(), how, 0));
                        hidden_trees.len() - 1
                    }
                    None => usize::MAX,
                };
                let anchor = !(in_hidden || hidden_here)
                    && (matches!(el.name(), "h1" | "article" | "main")
                        || attr(el, "itemprop") == Some("articleBody"));
                frames.push(Frame {
                    candidate: idx,
                    hidden: hidden_idx,
                    anchor,
                    ..Frame::default()
                });
                let art = in_article
                    || el.name() == "article"
                    || attr(el, "itemprop") == Some("articleBody");
                let hid = in_hidden || hidden_here;
                let side = in_sidebar || (el.name() == "aside" && is_book_sidebar(el));
                stack.push((node, false, in_article, in_hidden, in_sidebar));
                for c in node.children().rev() {
                    stack.push((c, true, art, hid, side));
                }
            }
            Node::Element(_) => {
                let f = frames.pop().unwrap_or_default();
                if let Some(c) = candidates.get_mut(f.candidate) {
                    c.3 = f.visible;
                    c.4 = f.anchor;
                }
                if let Some(h) = hidden_trees.get_mut(f.hidden) {
                    h.2 = f.all;
                }
                if let Some(p) = frames.last_mut() {
                    p.visible += f.visible;
                    p.all += f.all;
                    p.anchor |= f.anchor;
                }
            }
            Node::Document | Node::Fragment if entering => {
                for c in node.children().rev() {
                    stack.push((c, true, in_article, in_hidden, in_sidebar));
                }
            }
            _ => {}
        }
    }
    let (total, total_all) = frames.first().map_or((0, 0), |f| (f.visible, f.all));
    // A hidden subtree holding more than half of all the page's text is
    // the article, hidden until a script reveals it (WeChat articles ship
    // `visibility: hidden`). One only hidden from screen readers is on
    // screen: holding a fifth of the text, it is content (the rest of a
    // metered article), not a decorative copy; so is one holding as much
    // text as a few paragraphs, which no icon or carousel clone does. Any
    // other is left out.
    for (id, how, n) in hidden_trees {
        let kept = n * 2 > total_all
            || (how == Hidden::FromReaders && (n * 5 > total_all || n >= LOCKED_TEXT_CHARS));
        if !kept {
            silent.insert(id);
        }
    }
    // A footnote holding more than a marker is the author's note, which
    // belongs to the text; its number link is a marker and goes.
    // A box named for the paywall that holds a few paragraphs' worth of
    // text is the article behind it (`<div class="paywall">` around the
    // story), not the wall's prompt.
    let drops = candidates
        .into_iter()
        .filter(|&(_, r, comment, n, anchor, wall)| {
            let wrapper = (anchor && n * 2 > total) || n * 10 > total * 9;
            let note = r == DropReason::Citation && n > FOOTNOTE_MARKER_CHARS;
            let walled_text = wall && n >= LOCKED_TEXT_CHARS;
            (comment || !wrapper || total == 0) && !note && !walled_text
        })
        .map(|(id, r, _, _, _, _)| (id, r))
        .collect();
    Plan { silent, drops }
}

/// Most characters of a footnote marker (`1`, `[12]`, `↩︎`); a footnote
/// element holding more is the note itself.
const FOOTNOTE_MARKER_CHARS: usize = 6;

/// One open element while [`plan`] walks the page.
#[derive(Debug, Clone, Copy)]
struct Frame {
    /// Index of its chrome candidate, or `usize::MAX`.
    candidate: usize,
    /// Index of its hidden subtree, or `usize::MAX`.
    hidden: usize,
    /// Non-space chars of text outside hidden subtrees.
    visible: usize,
    /// Non-space chars of all its text.
    all: usize,
    /// It holds the headline or the article element.
    anchor: bool,
}

impl Default for Frame {
    fn default() -> Self {
        Frame {
            candidate: usize::MAX,
            hidden: usize::MAX,
            visible: 0,
            all: 0,
            anchor: false,
        }
    }
}

/// The visible text of a subtree, about as much as an excerpt shows.
fn subtree_excerpt(node: NodeRef<Node>) -> String {
    let mut out = String::new();
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        if out.len() > 800 {
            break;
        }
        match n.value() {
            Node::Text(t) => {
                out.push_str(t);
            }
            Node::Element(el) if is_invisible_tag(el.name()) => {}
            Node::Element(_) => {
                out.push(' ');
                for c in n.children().rev() {
                    stack.push(c);
                }
            }
            _ => {}
        }
    }
    text_dump::clean_line(&out)
}

/// A table cell that is a short value of a data table (no block inside):
/// its row reads as one line, cells separated by spaces. Layout cells
/// that hold paragraphs stay blocks of their own.
fn is_inline_cell(node: NodeRef<Node>) -> bool {
    let mut chars = 0usize;
    let mut wrappers = 0usize;
    for d in node.descendants().skip(1) {
        match d.value() {
            // a word processor's cell holds its text in a paragraph or two
            Node::Element(el) if matches!(el.name(), "p" | "div") && wrappers < 2 => {
                wrappers += 1;
            }
            Node::Element(el) if is_block_tag(el.name()) => return false,
            Node::Text(t) => {
                chars += t.chars().count();
                if chars > 120 {
                    return false;
                }
            }
            _ => {}
        }
    }
    true
}

/// Byte offset of a signature delimiter: a line that is only `--` (or
/// `-- `) after at least 200 bytes of text.
fn signature_delimiter(text: &str) -> Option<usize> {
    // Most blocks hold no `--` line at all: one search rules them out.
    memchr::memmem::find(text.as_bytes(), b"\n--")?;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if offset >= 200 && matches!(line.trim_end_matches(['\n', '\r']), "--" | "-- ") {
            return Some(offset);
        }
        offset += line.len();
    }
    None
}

/// The block being collected while [`flatten`] walks the DOM.
struct Pending {
    text: String,
    /// Non-space chars of `text` inside links.
    links: usize,
    container: Option<NodeId>,
    kind: BlockKind,
    /// Some of `text` came from inside an image caption.
    caption: bool,
}

impl Default for Pending {
    fn default() -> Self {
        Pending {
            text: String::new(),
            links: 0,
            container: None,
            kind: BlockKind::Para,
            caption: false,
        }
    }
}

impl Pending {
    /// Pushes `raw` as one block, cleaned, unless it is empty.
    fn emit(&self, out: &mut Vec<Flat>, raw: &str, kind: BlockKind, links: usize, signature: bool) {
        let text = text_dump::clean_line(raw);
        if !text.is_empty() {
            let chars = char_len(&text);
            out.push(Flat {
                text,
                signature,
                chars,
                link_chars: links.min(chars),
                kind,
                container: self.container,
            });
        }
    }

    /// Ends the block: its clean text, if any, goes to `out`; the text,
    /// link count and caption mark start again (container and kind stay).
    fn flush(&mut self, out: &mut Vec<Flat>) {
        let text = std::mem::take(&mut self.text);
        if self.kind == BlockKind::Pre && !self.caption && text.contains('\n') {
            // Preformatted lines are rows of data or code: one block each.
            for line in text.split('\n') {
                self.emit(out, line, BlockKind::Pre, 0, false);
            }
        } else {
            // A signature delimiter on a line of its own (`--`, as forums
            // and mail put it) ends the post: what follows is signature and
            // posting metadata.
            let (post, signature) = match signature_delimiter(&text) {
                Some(at) => text.split_at(at),
                None => (text.as_str(), ""),
            };
            self.emit(out, signature, self.kind, 0, true);
            let kind = if self.caption {
                BlockKind::Caption
            } else {
                self.kind
            };
            self.emit(out, post, kind, self.links, false);
        }
        // The buffer keeps its capacity for the next block.
        self.text = text;
        self.text.clear();
        self.links = 0;
        self.caption = false;
    }
}

/// The first blank line in `s` (a newline, spaces or tabs, a newline):
/// its start and end byte offsets.
fn blank_line_break(s: &str) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(i) = memchr::memchr(b'\n', &b[from..]).map(|i| from + i) {
        let mut j = i + 1;
        while j < b.len() && matches!(b[j], b' ' | b'\t' | b'\r') {
            j += 1;
        }
        if j < b.len() && b[j] == b'\n' {
            return Some((i, j + 1));
        }
        from = i + 1;
    }
    None
}

/// Flattens the DOM into text blocks at block-element boundaries; also
/// returns the dropped chrome subtrees with their reasons.
/// What [`flatten`] found about an element on entering it, for its exit.
#[derive(Clone, Copy, Default)]
struct Shape {
    is_block: bool,
    caption: bool,
    /// A table cell read as part of its row's line.
    inline_cell: bool,
}

fn flatten(doc: &Html, mode: Mode) -> (Vec<Flat>, Vec<(DropReason, String)>) {
    let plan = plan(doc, mode);
    let mut dropped = Vec::new();
    let mut out = Vec::new();
    let mut cur = Pending::default();
    // Open elements whose class names an image caption.
    let mut caption_depth = 0usize;
    let mut inline_cell_depth = 0usize;
    // (node, entering, in_link, shape); the shape of an element (block,
    // caption) is found on entering and carried to its exit.
    let mut stack: Vec<(NodeRef<Node>, bool, bool, Shape)> =
        vec![(doc.tree.root(), true, false, Shape::default())];
    // Stack of enclosing block containers.
    let mut containers: Vec<(NodeId, BlockKind)> = Vec::new();
    // Containers whose text is set as plain lines (see the text case).
    let mut plain_text: std::collections::HashSet<NodeId> = std::collections::HashSet::new();
    while let Some((node, entering, in_link, shape)) = stack.pop() {
        match node.value() {
            Node::Text(t) if entering => {
                let s: &str = t;
                if in_link {
                    cur.links += char_len(s);
                }
                if caption_depth > 0 && !s.trim().is_empty() {
                    cur.caption = true;
                }
                // A blank line inside a text node, with text on both sides,
                // marks a board's or archive's post set as plain text in a
                // `div` (shown with `white-space: pre`): from there on, every
                // line break in that element's text ends a block, as in a
                // text dump.
                let mut plain = cur.container.is_some_and(|c| plain_text.contains(&c));
                if !plain && cur.kind != BlockKind::Pre && !in_link {
                    if let Some((at, after)) = blank_line_break(s) {
                        let before = !cur.text.trim().is_empty() || !s[..at].trim().is_empty();
                        if before && !s[after..].trim().is_empty() {
                            if let Some(c) = cur.container {
                                plain_text.insert(c);
                                plain = true;
                            }
                        }
                    }
                }
                let mut rest = s;
                if plain && !in_link {
                    while let Some(at) = rest.find('\n') {
                        cur.text.push_str(&rest[..at]);
                        cur.flush(&mut out);
                        rest = &rest[at + 1..];
                    }
                }
                cur.text.push_str(rest);
            }
            Node::Element(el) => {
                let name = el.name();
                if entering {
                    let cell = matches!(name, "td" | "th") && is_inline_cell(node);
                    // the paragraphs inside such a cell are not blocks
                    let in_cell_wrapper = inline_cell_depth > 0 && matches!(name, "p" | "div");
                    let is_block = is_block_tag(name) && !cell && !in_cell_wrapper;
                    let caption = name == "figcaption" || is_caption_class(el);
                    if plan.silent.contains(&node.id()) {
                        continue;
                    }
                    if let Some(&r) = plan.drops.get(&node.id()) {
                        dropped.push((r, subtree_excerpt(node)));
                        continue;
                    }
                    if cell {
                        cur.text.push(' ');
                    }
                    if is_block {
                        cur.flush(&mut out);
                        if name == "br" || name == "hr" {
                            continue;
                        }
                        // A paragraph inside a list item is still list
                        // text (a teaser's summary under its headline).
                        let in_item = containers.iter().any(|&(_, k)| k == BlockKind::ListItem);
                        let kind = match kind_of(name) {
                            BlockKind::Para if in_item => BlockKind::ListItem,
                            k => k,
                        };
                        containers.push((node.id(), kind));
                        cur.container = Some(node.id());
                        cur.kind = kind;
                        // A post set as plain text: one of its own text
                        // nodes holds a blank line between two lines.
                        if kind != BlockKind::Pre
                            && node.children().any(|c| match c.value() {
                                Node::Text(t) => blank_line_break(t).is_some_and(|(at, after)| {
                                    !t[..at].trim().is_empty() && !t[after..].trim().is_empty()
                                }),
                                _ => false,
                            })
                        {
                            plain_text.insert(node.id());
                        }
                    }
                    if name == "img" {
                        continue;
                    }
                    if caption {
                        caption_depth += 1;
                    }
                    let link = in_link || name == "a";
                    if cell {
                        inline_cell_depth += 1;
                    }
                    stack.push((
                        node,
                        false,
                        in_link,
                        Shape {
                            is_block,
                            caption,
                            inline_cell: cell,
                        },
                    ));
                    for c in node.children().rev() {
                        stack.push((c, true, link, Shape::default()));
                    }
                } else {
                    if shape.caption {
                        caption_depth = caption_depth.saturating_sub(1);
                    }
                    if shape.inline_cell {
                        inline_cell_depth = inline_cell_depth.saturating_sub(1);
                    }
                    if shape.is_block {
                        cur.flush(&mut out);
                        containers.pop();
                        let (c, k) = containers
                            .last()
                            .map_or((None, BlockKind::Para), |&(id, k)| (Some(id), k));
                        cur.container = c;
                        cur.kind = k;
                    }
                }
            }
            Node::Document | Node::Fragment if entering => {
                for c in node.children().rev() {
                    stack.push((c, true, false, Shape::default()));
                }
            }
            _ => {}
        }
    }
    cur.flush(&mut out);
    (out, dropped)
}

fn tag_bonus(name: &str) -> f64 {
    match name {
        "article" | "main" => 10.0,
        "div" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

fn class_weight(el: &scraper::node::Element) -> f64 {
    let mut w = 0.0;
    for v in [attr(el, "class"), attr(el, "id")].into_iter().flatten() {
        let words: Vec<&'static str> = v
            .split_whitespace()
            .flat_map(|t| token_words(t).to_vec())
            .collect();
        if any_in(&words, NEGATIVE).is_some() {
            w -= 25.0;
        }
        if any_in(&words, POSITIVE).is_some() || v.contains("正文") {
            w += 25.0;
        }
    }
    if attr(el, "itemprop") == Some("articleBody") {
        w += 50.0;
    }
    w
}

fn element<'a>(
    doc: &'a Html,
    id: NodeId,
) -> Option<(NodeRef<'a, Node>, &'a scraper::node::Element)> {
    let n = doc.tree.get(id)?;
    match n.value() {
        Node::Element(e) => Some((n, e)),
        _ => None,
    }
}

fn ancestors(doc: &Html, id: NodeId, limit: usize) -> Vec<NodeId> {
    let mut out = Vec::new();
    let mut n = doc.tree.get(id).and_then(|n| n.parent());
    while let Some(p) = n {
        if out.len() >= limit {
            break;
        }
        if p.value().is_element() {
            out.push(p.id());
        }
        n = p.parent();
    }
    out
}

/// Punctuation that marks running text in any of the three scripts.
fn punct_count(s: &str) -> usize {
    s.chars()
        .filter(|&c| matches!(c, ',' | '，' | '、' | '。' | ';' | '；' | '：'))
        .count()
}

/// Chooses the article container and returns the set of element ids whose
/// blocks belong to the article.
fn choose(doc: &Html, flats: &[Flat], mode: Mode) -> Option<HashSet<NodeId>> {
    let mut score: HashMap<NodeId, f64> = HashMap::default();
    let init = |id: NodeId, score: &mut HashMap<NodeId, f64>| {
        if let std::collections::hash_map::Entry::Vacant(e) = score.entry(id) {
            let base = element(doc, id).map_or(0.0, |(_, el)| {
                let class = if mode == Mode::Strict {
                    class_weight(el)
                } else {
                    0.0
                };
                tag_bonus(el.name()) + class
            });
            e.insert(base);
        }
    };
    for f in flats {
        let Some(c) = f.container else { continue };
        let wl = weighted_len(&f.text);
        if wl < 25 || f.link_chars * 2 > f.chars {
            continue;
        }
        let s = 1.0 + punct_count(&f.text) as f64 + (wl as f64 / 100.0).min(3.0);
        // A block whose container is a div with its own text scores the
        // container itself like a paragraph would its parent.
        let mut levels = vec![c];
        levels.extend(ancestors(doc, c, 3));
        let levels = if element(doc, c).is_some_and(|(_, e)| {
            e.name() == "p"
                || e.name() == "li"
                || e.name() == "td"
                || e.name() == "pre"
                || e.name() == "blockquote"
        }) {
            levels[1..].to_vec()
        } else {
            levels
        };
        for (lvl, id) in levels.into_iter().take(3).enumerate() {
            init(id, &mut score);
            let div = match lvl {
                0 => 1.0,
                1 => 2.0,
                _ => 6.0,
            };
            *score.entry(id).or_default() += s / div;
        }
    }
    if score.is_empty() {
        return None;
    }
    // Link density and text length per candidate.
    let mut text_len: HashMap<NodeId, (usize, usize)> = HashMap::default();
    for f in flats {
        let Some(c) = f.container else { continue };
        let n = f.chars;
        // The container and all its ancestors, walked without allocating.
        let mut node = doc.tree.get(c);
        while let Some(x) = node {
            if score.contains_key(&x.id()) {
                let e = text_len.entry(x.id()).or_default();
                e.0 += n;
                e.1 += f.link_chars;
            }
            node = x.parent();
        }
    }
    let density = |id: &NodeId| {
        text_len.get(id).map_or(
            0.0,
            |&(t, l)| if t == 0 { 0.0 } else { l as f64 / t as f64 },
        )
    };
    let mut best: Option<(NodeId, f64)> = None;
    for (id, s) in &score {
        let fs = s * (1.0 - density(id));
        if best.is_none_or(|(_, b)| fs > b) {
            best = Some((*id, fs));
        }
    }
    let (top, top_score) = best?;
    // A sibling or twin box joins the article at a fifth of the top score.
    let threshold = (top_score * 0.2).max(10.0);
    let scored = |id: NodeId| score.get(&id).copied().unwrap_or(0.0) * (1.0 - density(&id));
    let join = |top: NodeId| {
        let mut chosen = HashSet::default();
        chosen.insert(top);
        // Siblings that score well or hold plain paragraphs join the article
        // (the free opening paragraphs beside a paywalled `<div>` that holds
        // the rest).
        if let Some(parent) = doc.tree.get(top).and_then(|n| n.parent()) {
            let paragraphs = paragraph_siblings(flats, parent.id(), doc);
            for sib in parent.children() {
                if sib.id() == top || !sib.value().is_element() {
                    continue;
                }
                if scored(sib.id()) >= threshold || paragraphs.contains(&sib.id()) {
                    chosen.insert(sib.id());
                }
            }
        }
        lead_siblings(doc, top, &mut chosen);
        sibling_pages(doc, top, &mut chosen);
        chosen
    };
    let mut chosen = join(top);
    if let Some(wider) = widen_past_few_paragraphs(doc, flats, top, &chosen) {
        return Some(join(wider));
    }
    chosen.extend(twin_boxes(doc, top, |id| scored(id) >= threshold));
    Some(chosen)
}

/// How far above the chosen container a repeated section may sit for
/// [`twin_boxes`].
const TWIN_LEVELS: usize = 10;

/// The article's other text boxes on a site builder's page (Google Sites
/// stacks `<section class="yaqOZd">` blocks, each with a deep text box):
/// when the chosen container sits in one of three or more sibling
/// sections of the same tag and class, the box of the same tag and class
/// in each section before it joins it while that box scores as prose
/// (`reads`).
fn twin_boxes(doc: &Html, top: NodeId, reads: impl Fn(NodeId) -> bool) -> Vec<NodeId> {
    let signature = |id: NodeId| -> Option<(String, String)> {
        let (_, el) = element(doc, id)?;
        let class = el.attr("class")?.trim();
        (!class.is_empty()).then(|| (el.name().to_string(), class.to_string()))
    };
    let Some(top_sig) = signature(top) else {
        return Vec::new();
    };
    let mut node = doc.tree.get(top).and_then(|n| n.parent());
    let mut section = None;
    for _ in 0..TWIN_LEVELS {
        let Some(a) = node else { break };
        let Some(parent) = a.parent() else { break };
        if let Some(sig) = signature(a.id()) {
            let same = parent
                .children()
                .filter(|c| signature(c.id()).as_ref() == Some(&sig))
                .count();
            if same >= 3 {
                section = Some((a, sig));
                break;
            }
        }
        node = Some(parent);
    }
    let Some((section, section_sig)) = section else {
        return Vec::new();
    };
    let twin_in = |s: NodeRef<Node>| {
        s.descendants()
            .take(2000)
            .find(|d| signature(d.id()).as_ref() == Some(&top_sig))
            .map(|d| d.id())
    };
    // Only towards the page's top: a site builder's page opens with its
    // article, and what follows the main box is more often the site's
    // own (a calendar, a list of older news). A section whose box does not
    // read as prose (the article's pictures and captions) joins only when
    // a box before it reads.
    let mut out = Vec::new();
    let mut held = Vec::new();
    let mut sib = section.prev_sibling();
    while let Some(s) = sib {
        sib = s.prev_sibling();
        if !s.value().is_element() {
            continue;
        }
        if signature(s.id()).as_ref() != Some(&section_sig) {
            break;
        }
        match twin_in(s) {
            Some(t) if reads(t) => {
                out.append(&mut held);
                out.push(t);
            }
            Some(t) if held.is_empty() => held.push(t),
            _ => break,
        }
    }
    out
}

/// How far above a paragraph's container the article may sit when
/// [`widen_past_few_paragraphs`] looks for it.
const WIDEN_LEVELS: usize = 12;

/// A wider article container when the chosen one holds a few paragraphs
/// of many. Editors that wrap every paragraph in its own block (`<div
/// class="block"><div class="text-block-wrapper"><div ...>`, a web story's
/// slides) nest each paragraph deeper than scores climb, so one block wins
/// alone and its siblings score nothing. Then the article is the lowest
/// ancestor of `top` holding half the page's running text. A chosen set
/// holding more than four paragraphs, or a fifth of that text, stands.
fn widen_past_few_paragraphs(
    doc: &Html,
    flats: &[Flat],
    top: NodeId,
    chosen: &HashSet<NodeId>,
) -> Option<NodeId> {
    let paragraphs: Vec<(NodeId, f64)> = flats
        .iter()
        .filter_map(|f| {
            let c = f.container?;
            let wl = weighted_len(&f.text);
            (wl >= 25 && f.link_chars * 2 <= f.chars).then_some((c, wl as f64))
        })
        .collect();
    if paragraphs.len() < 6 {
        return None;
    }
    let total: f64 = paragraphs.iter().map(|(_, w)| w).sum();
    // every paragraph counted into its container and the ancestors above it
    let mut held: HashMap<NodeId, (usize, f64)> = HashMap::default();
    for &(c, w) in &paragraphs {
        let mut node = doc.tree.get(c);
        for _ in 0..=WIDEN_LEVELS {
            let Some(x) = node else { break };
            let e = held.entry(x.id()).or_default();
            e.0 += 1;
            e.1 += w;
            node = x.parent();
        }
    }
    let (n_chosen, w_chosen) = chosen
        .iter()
        .filter_map(|id| held.get(id))
        .fold((0, 0.0), |(n, w), &(dn, dw)| (n + dn, w + dw));
    if n_chosen > 4 || w_chosen * 5.0 >= total {
        return None;
    }
    let mut node = doc.tree.get(top).and_then(|n| n.parent());
    for _ in 0..WIDEN_LEVELS {
        let x = node?;
        if element(doc, x.id()).is_some_and(|(_, el)| matches!(el.name(), "body" | "html")) {
            return None;
        }
        if held.get(&x.id()).is_some_and(|&(_, w)| w * 2.0 >= total) {
            return Some(x.id());
        }
        node = x.parent();
    }
    None
}

/// A converted PDF's pages (pdf2htmlEX's `<div class="pf"
/// data-page-no="2">`, pdf.js's `data-page-number`): when the article sits
/// in one page, or up to two levels inside one, every sibling page is the
/// article's too (a statement runs on across its page breaks).
fn sibling_pages(doc: &Html, top: NodeId, chosen: &mut HashSet<NodeId>) {
    let is_page = |id: NodeId| {
        element(doc, id).is_some_and(|(_, el)| {
            el.attr("data-page-no").is_some() || el.attr("data-page-number").is_some()
        })
    };
    let mut node = Some(top);
    for _ in 0..3 {
        let Some(id) = node else { return };
        if is_page(id) {
            if let Some(parent) = doc.tree.get(id).and_then(|n| n.parent()) {
                for sib in parent.children() {
                    if is_page(sib.id()) {
                        chosen.insert(sib.id());
                    }
                }
            }
            return;
        }
        node = doc.tree.get(id).and_then(|n| n.parent()).map(|p| p.id());
    }
}

/// The `<p>` children of `parent` that read as article paragraphs: long
/// enough (80 weighted chars) with under a quarter of link text, or a
/// shorter sentence with no link at all (Readability's sibling rule).
fn paragraph_siblings(flats: &[Flat], parent: NodeId, doc: &Html) -> HashSet<NodeId> {
    let mut text: HashMap<NodeId, (String, usize, usize)> = HashMap::default();
    for f in flats {
        let Some(c) = f.container else { continue };
        let is_child_p = doc.tree.get(c).is_some_and(|n| {
            n.parent().is_some_and(|p| p.id() == parent)
                && matches!(n.value(), Node::Element(e) if e.name() == "p")
        });
        if is_child_p {
            let e = text.entry(c).or_default();
            e.0.push_str(&f.text);
            e.1 += f.chars;
            e.2 += f.link_chars;
        }
    }
    text.into_iter()
        .filter(|(_, (t, chars, links))| {
            let wl = weighted_len(t);
            (wl >= 80 && links * 4 < (*chars).max(1))
                || (wl >= 25 && *links == 0 && t.trim_end().ends_with(is_sentence_end))
        })
        .map(|(id, _)| id)
        .collect()
}

/// How many element siblings before the article container are looked at
/// for a lead photo or a summary list.
const LEAD_SIBLINGS: usize = 4;

/// Adds what sits just before the article container and belongs to it: a
/// summary list (`Key Points`, `要点`: class words in [`SUMMARY`], holding
/// sentences) and a lead photo with its caption (an `<img>` with a
/// caption element and little text). Video players, share bars and the
/// like are passed over; the walk stops at the headline.
fn lead_siblings(doc: &Html, top: NodeId, chosen: &mut HashSet<NodeId>) {
    let Some(node) = doc.tree.get(top) else {
        return;
    };
    let mut seen = 0;
    let mut sib = node.prev_sibling();
    while let Some(s) = sib {
        sib = s.prev_sibling();
        let Node::Element(el) = s.value() else {
            continue;
        };
        seen += 1;
        if seen > LEAD_SIBLINGS || matches!(el.name(), "h1" | "header") {
            break;
        }
        if chosen.contains(&s.id()) {
            continue;
        }
        let mut has_img = false;
        let mut caption = false;
        let mut summary = false;
        let mut headline = false;
        let mut text = String::new();
        for d in s.descendants().take(400) {
            match d.value() {
                Node::Element(e) => {
                    has_img |= e.name() == "img" || e.name() == "picture";
                    caption |= e.name() == "figcaption" || is_caption_class(e);
                    summary |= is_summary_class(e);
                    headline |= e.name() == "h1";
                }
                Node::Text(t) => text.push_str(t),
                _ => {}
            }
        }
        if headline {
            break;
        }
        let wl = weighted_len(&text);
        let sentences = text
            .chars()
            .filter(|&c| crate::script::is_sentence_end(c))
            .count();
        let lead_photo = has_img && caption && wl <= 400;
        let summary_list = summary && sentences >= 1 && wl >= 25 && !is_machine_summary(&text);
        if lead_photo || summary_list {
            chosen.insert(s.id());
        }
    }
}

/// A summary box that says a machine wrote it: a paraphrase of the
/// article with its own figures, not the article.
fn is_machine_summary(text: &str) -> bool {
    crate::chrome::says_machine_written(&crate::script::fold(text))
}

fn meta_content(doc: &Html, keys: &[&str]) -> Option<String> {
    for n in doc.tree.root().descendants() {
        if let Node::Element(el) = n.value() {
            if el.name() != "meta" {
                continue;
            }
            let key = el
                .attr("property")
                .or(attr(el, "name"))
                .or(attr(el, "itemprop"))
                .unwrap_or("")
                .to_ascii_lowercase();
            if keys.contains(&key.as_str()) {
                if let Some(c) = attr(el, "content").map(str::trim).filter(|c| !c.is_empty()) {
                    return Some(c.to_string());
                }
            }
        }
    }
    None
}

fn first_text(doc: &Html, tag: &str) -> Option<String> {
    for n in doc.tree.root().descendants() {
        if let Node::Element(el) = n.value() {
            if el.name() == tag {
                let er = scraper::ElementRef::wrap(n)?;
                let t = text_dump::clean_line(&er.text().collect::<String>());
                if !t.is_empty() {
                    return Some(t);
                }
            }
        }
    }
    None
}

fn first_time_datetime(doc: &Html) -> Option<String> {
    doc.tree.root().descendants().find_map(|n| match n.value() {
        Node::Element(el) if el.name() == "time" => attr(el, "datetime").map(str::to_string),
        _ => None,
    })
}

/// Normalises a machine date (`2025-10-25T10:20:00+08:00`) or a human one.
fn normalise_date(s: &str) -> String {
    let t = s.trim();
    if t.len() >= 10
        && t.as_bytes().get(4) == Some(&b'-')
        && t.as_bytes().get(10).is_none_or(|&b| b == b'T' || b == b' ')
    {
        return t.replacen(' ', "T", 1);
    }
    find_date(t).unwrap_or_else(|| t.to_string())
}

/// Cuts a site name off a `<title>` (`Headline - Site`, `Headline_网易`).
fn clean_title(t: &str) -> String {
    let t = t.trim();
    for sep in [" | ", " - ", " – ", " — ", "_", "｜", " :: "] {
        if let Some((head, _)) = t.rsplit_once(sep) {
            let head = head.trim();
            if char_len(head) * 2 >= char_len(t) && char_len(head) >= 4 {
                return clean_title(head);
            }
        }
    }
    t.to_string()
}

/// Extracts the article blocks and page metadata from an HTML page.
/// Pages too large or too deep for a DOM go through [`crate::linear`]
/// instead (the caller routes them).
/// How much the front end trusts class names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Drop subtrees by tag, role and class/id vocabulary (the default).
    Strict,
    /// Drop only navigation and controls by tag (`nav`, `menu`, `button`,
    /// `dialog`, `label`), besides hidden elements, and score containers
    /// without class weights: the second reading of a page whose strict
    /// reading kept almost nothing, as Readability retries without its
    /// "unlikely candidate" and class-weight rules.
    Relaxed,
}

/// Short lines of one block (a `<p>` split by `<br>`) that each follow a
/// line of link text, when link and line alternate twice or more in the
/// block: a list of related headlines with their blurbs
/// (`<a>Headline</a><br>Blurb<br>…`). Indexes into `flats`.
fn link_teasers(flats: &[Flat]) -> HashSet<usize> {
    let link = |f: &Flat| f.link_chars * 2 > f.chars && f.kind != BlockKind::Heading;
    // A short line right after a link line of its own block.
    let blurb = |prev: &Flat, f: &Flat| {
        f.container.is_some()
            && f.container == prev.container
            && link(prev)
            && !link(f)
            && f.kind != BlockKind::Heading
            && f.chars <= 300
    };
    // Blocks where a link and its blurb alternate twice or more (three
    // links over one paragraph of the article's are not such a list).
    // A block with more paragraphs of its own than such pairs is the
    // article, with links set between its paragraphs (`►headline`): the
    // paragraph after one is the article's.
    let mut pairs: HashMap<NodeId, usize> = HashMap::default();
    let mut plain: HashMap<NodeId, usize> = HashMap::default();
    for (k, f) in flats.iter().enumerate() {
        let Some(c) = f.container else {
            continue;
        };
        if k > 0 && blurb(&flats[k - 1], f) {
            *pairs.entry(c).or_default() += 1;
        } else if !link(f) && f.kind != BlockKind::Heading {
            *plain.entry(c).or_default() += 1;
        }
    }
    let mut out = HashSet::default();
    for (k, pair) in flats.windows(2).enumerate() {
        let listed = pair[1].container.is_some_and(|c| {
            pairs
                .get(&c)
                .is_some_and(|&n| n >= 2 && plain.get(&c).copied().unwrap_or(0) <= n)
        });
        if listed && blurb(&pair[0], &pair[1]) {
            out.insert(k + 1);
        }
    }
    out
}

/// Whether the caption container `c` sits in a `<figure>` (within three
/// levels) whose next element sibling is a chosen container.
fn lead_figure_of(doc: &Html, c: NodeId, chosen: &HashSet<NodeId>) -> bool {
    let mut node = doc.tree.get(c);
    for _ in 0..3 {
        let Some(n) = node else {
            return false;
        };
        if let Node::Element(el) = n.value() {
            if el.name() == "figure" {
                return n
                    .next_siblings()
                    .find(|s| s.value().is_element())
                    .is_some_and(|s| chosen.contains(&s.id()));
            }
        }
        node = n.parent();
    }
    false
}

/// Shortest JSON-LD `articleBody` (non-space chars) that may stand in for a
/// page whose DOM holds less than a third of it.
const LD_BODY_MIN_CHARS: usize = 200;

/// Bytes of markup a `<noscript>` must hold to be read as the page's
/// server-rendered view.
const NOSCRIPT_VIEW_MIN_BYTES: usize = 2000;

/// The largest `<noscript>` of a page when it holds a page of markup
/// (paragraphs or blocks, [`NOSCRIPT_VIEW_MIN_BYTES`] or more): a script
/// app's server-rendered view for clients without script, such as a
/// forum's crawler view. A parser with scripting on reads it as one run of
/// raw text, so the view is cut from the page's bytes here; it ends at the
/// first `</noscript>`, as a browser's does.
pub fn noscript_view(page: &str) -> Option<&str> {
    let bytes = page.as_bytes();
    let mut best: Option<&str> = None;
    let mut from = 0;
    while let Some(p) = memchr::memchr(b'<', &bytes[from..]).map(|p| from + p) {
        from = p + 1;
        let opens = bytes
            .get(p + 1..p + 9)
            .is_some_and(|t| t.eq_ignore_ascii_case(b"noscript"))
            && bytes
                .get(p + 9)
                .is_some_and(|&c| c == b'>' || c.is_ascii_whitespace());
        if !opens {
            continue;
        }
        let Some(gt) = memchr::memchr(b'>', &bytes[p..]).map(|g| p + g + 1) else {
            break;
        };
        let end = (gt..bytes.len().saturating_sub(10))
            .find(|&i| bytes[i] == b'<' && bytes[i + 1..i + 11].eq_ignore_ascii_case(b"/noscript>"))
            .unwrap_or(bytes.len());
        let inner = page.get(gt..end).unwrap_or("");
        from = end.max(from);
        let lower = inner
            .get(..inner.len().min(64 * 1024))
            .unwrap_or(inner)
            .to_ascii_lowercase();
        let markup = lower.contains("<p") || lower.contains("<div");
        if inner.len() >= NOSCRIPT_VIEW_MIN_BYTES
            && markup
            && best.is_none_or(|b| inner.len() > b.len())
        {
            best = Some(inner);
        }
    }
    best
}

/// A converted PDF's printed line (pdf2htmlEX's `<div class="t m0 x1 h2
/// y3 …">`): its page (the parent) and its baseline class (`y3`).
fn printed_line(doc: &Html, container: Option<NodeId>) -> Option<(NodeId, String)> {
    let node = doc.tree.get(container?)?;
    let Node::Element(e) = node.value() else {
        return None;
    };
    if e.name() != "div" {
        return None;
    }
    let class = e.attr("class")?;
    let mut tokens = class.split_whitespace();
    if tokens.next() != Some("t") {
        return None;
    }
    let y = class.split_whitespace().find(|t| {
        t.len() >= 2 && t.starts_with('y') && t[1..].bytes().all(|b| b.is_ascii_hexdigit())
    })?;
    Some((node.parent()?.id(), y.to_string()))
}

/// The share of a page's longest printed line a line must fill to be a
/// wrapped line of a paragraph.
const FULL_LINE: f64 = 0.7;

/// Joins a converted PDF's printed lines: the pieces printed on one
/// baseline (a table's cells, a header's left and right parts) become one
/// row, and a line that fills most of the page's width without ending its
/// sentence runs on into the next, with a word broken by a hyphen at the
/// line's end mended (`gener-` `ation`). Other pages pass unchanged.
fn reflow_printed_lines(doc: &Html, flats: Vec<Flat>) -> Vec<Flat> {
    let lines: Vec<Option<(NodeId, String)>> = flats
        .iter()
        .map(|f| printed_line(doc, f.container))
        .collect();
    if lines.iter().filter(|l| l.is_some()).count() < 10 {
        return flats;
    }
    // one row per baseline, for a table's cells: a piece after the first
    // opens with a figure (a header's left and right parts stay apart, so
    // a running header or footer is still seen as one)
    let opens_figure = |t: &str| {
        t.trim_start().starts_with(|c: char| {
            c.is_ascii_digit() || matches!(c, '+' | '-' | '−' | '$' | '(' | '%')
        })
    };
    let mut rows: Vec<(Flat, Option<NodeId>, usize)> = Vec::with_capacity(flats.len());
    let mut last: Option<(NodeId, String)> = None;
    for (f, line) in flats.into_iter().zip(lines) {
        match (&line, rows.last_mut(), &last) {
            (Some(l), Some((row, _, pieces)), Some(prev)) if l == prev && opens_figure(&f.text) => {
                row.text.push(' ');
                row.text.push_str(f.text.trim());
                row.chars = char_len(&row.text);
                row.link_chars += f.link_chars;
                row.kind = BlockKind::Row;
                *pieces += 1;
            }
            _ => rows.push((f, line.as_ref().map(|l| l.0), 1)),
        }
        last = line;
    }
    // the longest single-piece line of each page
    let mut widest: HashMap<NodeId, usize> = HashMap::default();
    for (f, page, pieces) in &rows {
        if let (Some(p), 1) = (page, pieces) {
            let w = widest.entry(*p).or_default();
            *w = (*w).max(f.chars);
        }
    }
    let mut out: Vec<Flat> = Vec::with_capacity(rows.len());
    // the page of the last line when that line runs on into the next
    let mut open: Option<NodeId> = None;
    for (f, page, pieces) in rows {
        let line_chars = f.chars;
        let line_end = f.text.trim_end().chars().next_back();
        let single = pieces == 1;
        match out.last_mut() {
            Some(prev) if single && open.is_some() && open == page => {
                let head = prev.text.trim_end().to_string();
                let next = f.text.trim_start();
                let mended = head.strip_suffix('-').filter(|h| {
                    h.ends_with(|c: char| c.is_ascii_lowercase())
                        && next.starts_with(|c: char| c.is_ascii_lowercase())
                });
                let glued = head.chars().next_back().is_some_and(|c| !c.is_ascii())
                    && next.starts_with(|c: char| !c.is_ascii());
                prev.text = match mended {
                    Some(h) => format!("{h}{next}"),
                    None if glued => format!("{head}{next}"),
                    None => format!("{head} {next}"),
                };
                prev.chars = char_len(&prev.text);
                prev.link_chars += f.link_chars;
            }
            _ => out.push(f),
        }
        let full = page
            .and_then(|p| widest.get(&p))
            .is_some_and(|&w| line_chars as f64 >= FULL_LINE * w as f64);
        let ends = line_end.is_some_and(|c| is_sentence_end(c) || matches!(c, ':' | '：'));
        open = if single && full && !ends { page } else { None };
    }
    out
}

/// Parses a page for [`extract_from`]: a caller that may read it twice
/// (strictly, then trusting only tags) parses it once.
pub fn parse(page: &str) -> Html {
    Html::parse_document(page)
}

/// Reads the article of one page ([`extract_from`] on its parse).
pub fn extract(page: &str, mode: Mode) -> Work<'_> {
    extract_from(&parse(page), mode)
}

/// Reads the article of a parsed page: its blocks, the parts dropped on
/// the way with their reasons, its title and publication time.
pub fn extract_from<'a>(doc: &Html, mode: Mode) -> Work<'a> {
    let (flats, skipped) = flatten(doc, mode);
    let flats = reflow_printed_lines(doc, flats);
    let chosen = choose(doc, &flats, mode);
    let mut blocks = Vec::new();
    let mut outside = Vec::new();
    // Whether a container lies inside the chosen set, once per container.
    let mut inside_memo: HashMap<NodeId, bool> = HashMap::default();
    let teasers = link_teasers(&flats);
    let notes = note_entries(doc, &flats);
    for (k, f) in flats.into_iter().enumerate() {
        if f.signature {
            outside.push((DropReason::Metadata, f.text));
            continue;
        }
        if notes.contains(&k) {
            outside.push((DropReason::Citation, f.text));
            continue;
        }
        if teasers.contains(&k) {
            outside.push((DropReason::RelatedLinks, f.text));
            continue;
        }
        let inside = match (&chosen, f.container) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(set), Some(c)) => *inside_memo.entry(c).or_insert_with(|| {
                let mut node = doc.tree.get(c);
                while let Some(x) = node {
                    if set.contains(&x.id()) {
                        return true;
                    }
                    node = x.parent();
                }
                false
            }),
        };
        // The lead picture's caption stands in a `<figure>` right before
        // the chosen container: it belongs to the article.
        let inside = inside
            || (f.kind == BlockKind::Caption
                && chosen
                    .as_ref()
                    .zip(f.container)
                    .is_some_and(|(set, c)| lead_figure_of(doc, c, set)));
        let link_heavy = f.link_chars * 2 > f.chars && f.kind != BlockKind::Heading;
        if inside && !link_heavy {
            let mut b = Block::new(f.text, f.kind);
            b.link_chars = u32::try_from(f.link_chars).unwrap_or(u32::MAX);
            blocks.push(b);
        } else {
            outside.push((
                if link_heavy {
                    DropReason::RelatedLinks
                } else {
                    DropReason::Boilerplate
                },
                f.text,
            ));
        }
    }
    // A page whose article is rendered by script has little DOM text but
    // may carry the whole story in JSON-LD `articleBody`: then that is the
    // article, and the DOM blocks are recorded as boilerplate.
    let ld = ld_json::read(doc);
    if let Some(body) = &ld.body {
        let ld_paragraphs = ld_json::paragraphs(body);
        let ld_chars: usize = ld_paragraphs.iter().map(|p| char_len(p)).sum();
        let dom_chars: usize = blocks.iter().map(|b| char_len(&b.text)).sum();
        if ld_chars >= LD_BODY_MIN_CHARS && dom_chars * 3 < ld_chars {
            for b in blocks.drain(..) {
                outside.push((DropReason::Boilerplate, b.text.into_owned()));
            }
            blocks = ld_paragraphs
                .into_iter()
                .map(|p| Block::new(p, BlockKind::Para))
                .collect();
        }
    }
    // Title.
    let h1 = first_text(doc, "h1");
    let meta_title =
        meta_content(doc, &["og:title", "twitter:title"]).or_else(|| first_text(doc, "title"));
    // A document export marks its title paragraph (`<p class="title">`,
    // Word's `MsoTitle`) and uses `<h1>` for its sections: when the first
    // `<h1>` does not echo the page's own title, the marked paragraph is
    // the headline.
    let h1 = match (h1, &meta_title) {
        (Some(h), Some(m)) if !m.contains(&h) && !h.contains(m.as_str()) => {
            Some(title_paragraph(doc).unwrap_or(h))
        }
        (None, _) => title_paragraph(doc),
        (h, _) => h,
    };
    let title = match (h1, meta_title) {
        // `<h1>` with a badge (`… 原创`, `… Exclusive`) after the headline.
        (Some(h), Some(m)) if same_headline(&h, &clean_title(&m)) && h != m => {
            Some(clean_title(&m))
        }
        (Some(h), Some(m)) if m.contains(&h) || char_len(&h) >= 6 => Some(h),
        (_, Some(m)) => Some(clean_title(&m)),
        (Some(h), None) => Some(h),
        (None, None) => None,
    };
    let published = meta_content(
        doc,
        &[
            "article:published_time",
            "og:published_time",
            "datepublished",
            "pubdate",
            "publishdate",
            "publish-date",
            "publish_date",
            "parsely-pub-date",
            "sailthru.date",
            "dc.date",
            "dc.date.issued",
            "date",
        ],
    )
    .or_else(|| first_time_datetime(doc))
    .or_else(|| ld.published.clone())
    .map(|d| normalise_date(&d));
    // The headline goes to `title`, not into the text: the article body of
    // an HTML page starts after it (as the fixtures' gold spans do).
    let mut title_blocks = Vec::new();
    if let Some(t) = &title {
        let t = t.trim();
        let mut k = 0;
        while k < blocks.len() && k < 8 {
            if same_headline(blocks[k].text.trim(), t) {
                title_blocks.push(blocks.remove(k).text);
            } else {
                k += 1;
            }
        }
    }
    let mut w = Work::new(blocks);
    for (r, t) in skipped {
        w.record(r, &t);
    }
    for (r, t) in outside {
        w.record(r, &t);
    }
    for t in title_blocks {
        w.record(DropReason::Metadata, &t);
    }
    w.title = title;
    w.published = published;
    w
}

/// The text of a document export's title paragraph: the first `<p>`
/// whose class names it the title (`title`, Word's `MsoTitle`), of at
/// least 10 characters.
fn title_paragraph(doc: &Html) -> Option<String> {
    doc.tree.nodes().find_map(|n| {
        let Node::Element(e) = n.value() else {
            return None;
        };
        let marked = e.name() == "p"
            && e.attr("class").is_some_and(|c| {
                c.split_whitespace()
                    .any(|t| t == "title" || t == "MsoTitle")
            });
        if !marked {
            return None;
        }
        let text: String = n
            .descendants()
            .filter_map(|d| d.value().as_text().map(|t| t.to_string()))
            .collect();
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        (char_len(&text) >= 10).then_some(text)
    })
}

/// The longest marker text of a note's link back to its place in the
/// text (`[12]`, `[a]`, `↑`, `^`).
const NOTE_MARK_MAX_CHARS: usize = 6;

/// Whether a block element opens with a note's link back to where the
/// text cites it: an in-page link whose target names a reference
/// (`#ftnt_ref1`, `#_ftnref1`, `#cmnt_ref1`, `#cite_ref-3`, `#fnref2`)
/// and whose text is a short marker. A document export's footnotes and
/// comments open so, and so does an encyclopedia's reference list.
fn opens_with_note_backlink(doc: &Html, container: NodeId) -> bool {
    let Some(node) = doc.tree.get(container) else {
        return false;
    };
    for d in node.descendants().skip(1).take(8) {
        match d.value() {
            Node::Text(t) if !t.trim().is_empty() => return false,
            Node::Element(e) if e.name() == "a" => {
                let back = e
                    .attr("href")
                    .is_some_and(|h| h.starts_with('#') && h.to_ascii_lowercase().contains("ref"));
                let mark: String = d
                    .descendants()
                    .filter_map(|n| n.value().as_text().map(|t| t.to_string()))
                    .collect();
                return back && char_len(mark.trim()) <= NOTE_MARK_MAX_CHARS;
            }
            _ => {}
        }
    }
    false
}

/// The flats of a page's notes ([`opens_with_note_backlink`]), each with
/// the paragraphs after it in its own wrapper (a comment's replies).
fn note_entries(doc: &Html, flats: &[Flat]) -> HashSet<usize> {
    let mut roots: HashSet<NodeId> = HashSet::default();
    let mut memo: HashMap<NodeId, bool> = HashMap::default();
    for f in flats {
        let Some(c) = f.container else { continue };
        if !*memo
            .entry(c)
            .or_insert_with(|| opens_with_note_backlink(doc, c))
        {
            continue;
        }
        // a wrapper `<div>` that the note opens holds its continuation
        let wrapper = doc.tree.get(c).and_then(|n| {
            let p = n.parent()?;
            let first = p.children().find(|x| x.value().is_element())?;
            let is_div = matches!(p.value(), Node::Element(e) if e.name() == "div");
            (is_div && first.id() == c).then(|| p.id())
        });
        roots.insert(wrapper.unwrap_or(c));
    }
    if roots.is_empty() {
        return HashSet::default();
    }
    flats
        .iter()
        .enumerate()
        .filter(|(_, f)| {
            let mut node = f.container.and_then(|c| doc.tree.get(c));
            for _ in 0..3 {
                let Some(x) = node else { return false };
                if roots.contains(&x.id()) {
                    return true;
                }
                node = x.parent();
            }
            false
        })
        .map(|(k, _)| k)
        .collect()
}

/// The same headline, give or take a short badge after it (`原创`,
/// `独家`, `Exclusive`, `Premium`).
fn same_headline(a: &str, b: &str) -> bool {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    if char_len(short) < 6 {
        return long == short;
    }
    long.strip_prefix(short).is_some_and(|rest| {
        let rest = rest.trim();
        let badge_word = rest.len() <= 10 && rest.chars().all(|c| c.is_ascii_alphabetic());
        (char_len(rest) <= 4 || badge_word)
            && !rest.contains(|c: char| is_sentence_end(c) || c.is_ascii_digit())
    })
}

/// True when `s` holds Han text (used by tests and callers to sanity check).
pub fn has_han(s: &str) -> bool {
    s.chars().any(is_han)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_matches_agree_with_the_lists() {
        for t in BLOCK_TAGS {
            assert!(is_block_tag(t), "{t}");
        }
        for t in ["script", "style", "svg", "template", "textarea"] {
            assert!(is_invisible_tag(t), "{t}");
        }
        for t in ["span", "a", "img", "b", "P", "h7", "", "sup", "font"] {
            assert!(!is_block_tag(t), "{t}");
            assert!(!is_invisible_tag(t), "{t}");
        }
    }

    #[test]
    fn headline_with_a_badge() {
        assert!(same_headline(
            "新一代推理芯片量产在即 原创",
            "新一代推理芯片量产在即"
        ));
        assert!(same_headline(
            "Chipmaker plans a new fab Exclusive",
            "Chipmaker plans a new fab"
        ));
        assert!(!same_headline(
            "新一代推理芯片量产在即。明年出货",
            "新一代推理芯片量产在即"
        ));
        assert!(!same_headline(
            "新一代推理芯片量产在即 2026",
            "新一代推理芯片量产在即"
        ));
        assert!(!same_headline("量产", "量产 原创"));
    }

    #[test]
    fn class_words_split_on_parts() {
        assert_eq!(
            word_parts("ListFooter-navRow2"),
            ["list", "footer", "nav", "row"]
        );
        assert!(token_words("Grid-wideRow").contains(&"row"));
        assert!(!token_words("layout-pageRow").contains(&"pager"));
        assert!(token_words("pager").contains(&"pager"));
        assert!(token_words("sharebox").contains(&"share"));
        assert!(token_words("side-bar").contains(&"sidebar"));
        assert!(!token_words("photo").contains(&"hot"));
        assert_eq!(head_segment("story-body__notice__9xQ2"), "notice");
        assert!(!token_words("cell-id=71c0e3b5-4ad7-0e29").contains(&"ad"));
        assert!(!token_words("cell-id=58e1c2fb-b3d0").contains(&"fb"));
        assert!(!token_words("uaee75ad3").contains(&"ad"));
        assert!(token_words("ad-slot2").contains(&"ad"));
        assert!(token_words("ad-top-1").contains(&"ad"));
        assert!(!token_words("Xq_ad_tr_oP").contains(&"ad"));
        assert_eq!(head_segment("StoryBody-photoCredit"), "photoCredit");
    }

    #[test]
    fn paragraphs_marked_as_behind_the_wall_are_the_article() {
        let para = "The memory maker passed the qualification for its newest stacks, opening the door to supply from early next year, people familiar with the matter said.";
        let page = format!(
            "<html><body><article><div class=\"body-content\"><p class=\"Paragraph_text-9x paywall\">{para}</p><p class=\"Paragraph_text-9x paywall\">{para}</p></div><div class=\"Paywall_overlay\"><p>Subscribe to keep reading</p></div></article></body></html>"
        );
        let work = extract(&page, Mode::Strict);
        let texts: Vec<&str> = work.blocks.iter().map(|b| &*b.text).collect();
        assert_eq!(texts.iter().filter(|t| **t == para).count(), 2);
        assert!(!texts
            .iter()
            .any(|t| t.contains("Subscribe to keep reading")));
    }

    #[test]
    fn paragraphs_each_in_their_own_deep_block_are_one_article() {
        let paras = [
            "The startup said its second inference chip taped out in March, two months later than planned, because the packaging partner needed more time.",
            "Engineers moved the memory controller next to the stacks, which cut the distance signals travel and lowered power by roughly a fifth.",
            "The company expects first samples in the autumn and volume shipments next year, subject to the foundry's capacity at the older node.",
            "Two cloud customers have signed letters of intent, according to people familiar with the talks, though neither has committed to a volume.",
            "Analysts said the design is competitive on cost but lacks the software ecosystem that larger rivals have built over a decade or more.",
            "The firm has raised about 300 million dollars so far and plans another round once the samples have been tested by its customers.",
            "A spokesperson declined to comment on the pricing of the part, saying the company would share more details at its developer event.",
        ];
        let block = |t: &str| {
            format!(
                "<div class=\"block text-block\"><div class=\"wrapper\"><div class=\"text\"><div class=\"zone\"><div class=\"line\">{t}</div></div></div></div></div>"
            )
        };
        let body: String = paras.iter().map(|p| block(p)).collect();
        let page = format!(
            "<html><body><nav><a href=\"/\">Home</a> <a href=\"/docs\">Docs</a></nav><main><div class=\"children\">{body}</div></main><aside class=\"comments\"><p>Nice summary, thanks for sharing this with the group today.</p></aside></body></html>"
        );
        let work = extract(&page, Mode::Strict);
        let texts: Vec<&str> = work.blocks.iter().map(|b| &*b.text).collect();
        for p in paras {
            assert!(texts.contains(&p), "lost: {p}");
        }
        assert!(!texts.iter().any(|t| t.contains("Nice summary")));
    }

    #[test]
    fn word_processor_cells_read_as_rows_and_book_sidebars_stay() {
        let para = "<p class=MsoNormal>The packaging lines ran at full capacity all year, and the backlog of orders for large interposers kept growing, members said.</p>";
        let page = format!(
            "<html><body><div class=WordSection1>{para}{para}<table class=MsoTableGrid><tr><td><p class=MsoNormal>Chip</p></td><td><p class=MsoNormal>Node</p></td></tr><tr><td><p class=MsoNormal>B300</p></td><td><p class=MsoNormal>N4P</p></td></tr></table>{para}<aside epub:type=\"sidebar\"><h3 class=\"sidebar-title\">Box 4-1: Three flavours</h3><p>Sidebar: three flavours of the same package, each with its own cost and its own limits on size.</p></aside><aside epub:type=\"footnote\"><p>1 Estimates from several brokers.</p></aside></div></body></html>"
        );
        let work = extract(&page, Mode::Strict);
        let texts: Vec<&str> = work.blocks.iter().map(|b| b.text.trim()).collect();
        assert!(texts.contains(&"Chip Node"), "{texts:?}");
        assert!(texts.contains(&"B300 N4P"), "{texts:?}");
        assert!(texts
            .iter()
            .any(|t| t.starts_with("Sidebar: three flavours")));
        assert!(texts.contains(&"Box 4-1: Three flavours"), "{texts:?}");
        assert!(!texts.iter().any(|t| t.contains("Estimates from several")));
    }

    #[test]
    fn the_amp_runtimes_controls_are_not_the_story() {
        let para = "<p>Suppliers report their packaging lines are full until next spring, and quotes for the newest stacks climbed again this month.</p>";
        let page = format!(
            "<html><body><amp-story class=\"i-amphtml-element\"><div class=\"i-amphtml-story-hint-container i-amphtml-hidden\"><div>Tap to go forward</div></div><amp-story-page class=\"i-amphtml-element i-amphtml-layout-container\">{para}{para}{para}</amp-story-page><div class=\"i-amphtml-story-unsupported-browser-overlay\">We're sorry, your browser does not support Web Stories.</div></amp-story></body></html>"
        );
        let work = extract(&page, Mode::Strict);
        let texts: Vec<&str> = work.blocks.iter().map(|b| b.text.trim()).collect();
        assert_eq!(
            texts
                .iter()
                .filter(|t| t.starts_with("Suppliers report"))
                .count(),
            3
        );
        assert!(!texts
            .iter()
            .any(|t| t.contains("Tap to go") || t.contains("sorry")));
    }

    #[test]
    fn a_script_apps_server_view_in_noscript_is_found() {
        let para = "<p>Suppliers report their packaging lines are full until next spring, and quotes for the newest stacks climbed again this month.</p>";
        let page = format!(
            "<html><body><noscript><img src=\"/pixel.gif\"></noscript><section id=\"main\"></section><noscript data-path=\"/t/hbm/42\"><div id=\"main-outlet\"><h1>HBM in 2026</h1>{}</div></noscript></body></html>",
            para.repeat(20)
        );
        let view = noscript_view(&page).expect("a view");
        assert!(view.starts_with("<div id=\"main-outlet\">") && view.ends_with("</div>"));
        // a pixel or a please-enable-script note is no view
        assert!(noscript_view(
            "<body><noscript><p>Please enable JavaScript.</p></noscript></body>"
        )
        .is_none());
        let doc = crate::clean("page", &page);
        assert!(doc.text.contains("Suppliers report their"), "{}", doc.text);
    }

    #[test]
    fn paragraphs_after_links_set_between_them_stay() {
        let p = |n: u32| {
            format!("某廠第{n}期廠房今年動工，預計後年量產，法人估算完工後月產能可再增加一成，設備廠訂單能見度同步拉長。")
        };
        let body = format!(
            "{}<br><br><strong><a href=\"/a\">►某公司明年放量 客戶搶首批產能</a></strong><br><br>{}<br><br><strong><a href=\"/b\">►另一家公司財報亮眼 下季營收看增</a></strong><br><br>{}<br><br>{}<br><br>{}",
            p(1),
            p(2),
            p(3),
            p(4),
            p(5)
        );
        let page = format!(
            "<html><body><article><h1>某廠先進封裝二期動土</h1><div class=\"newsdetail\">{body}</div></article></body></html>"
        );
        let doc = crate::clean("page", &page);
        for n in 1..=5 {
            assert!(doc.text.contains(&p(n)), "paragraph {n} lost: {}", doc.text);
        }
        assert!(!doc.text.contains("►"), "{}", doc.text);
    }

    #[test]
    fn a_paywall_box_holding_the_story_is_the_story() {
        let para = |n: u32| {
            format!("<p>Paragraph {n}: the supplier said its packaging lines were booked through next year, and customers had agreed to pay more for capacity that arrives early.</p>")
        };
        let story: String = (1..=6).map(para).collect();
        let sidebar: String = (1..=40)
            .map(|n| format!("<li><a href=\"/s{n}\">Another headline about memory prices number {n} this week</a></li>"))
            .collect();
        let page = format!(
            "<html><body><article><h1>Supplier raises prices</h1><div class=\"paywall shareable\">{story}<div class=\"newsletter-inline\"><h4>Chip Notes</h4><p>Our weekly guide to the chip business, delivered free every Tuesday.</p></div></div></article><aside><ul>{sidebar}</ul></aside></body></html>"
        );
        let doc = crate::clean("page", &page);
        assert!(
            doc.text.contains("Paragraph 1:") && doc.text.contains("Paragraph 6:"),
            "{}",
            doc.text
        );
        assert!(
            !doc.text.contains("delivered free every Tuesday"),
            "{}",
            doc.text
        );
    }

    #[test]
    fn a_highlighters_comment_token_is_code() {
        assert!(is_code_token_class("hljs-comment"));
        assert!(is_code_token_class("token comment"));
        assert!(!is_code_token_class("comment-list"));
        let para = "<p>Suppliers report their packaging lines are full until next spring, and quotes for the newest stacks climbed again this month.</p>";
        let page = format!(
            "<html><body><article>{p}{p}<pre><code class=\"hljs\"><span class=\"hljs-comment\"># stacks per wafer, a rough guess</span>\nstacks = 9 * 12\n</code></pre>{p}</article></body></html>",
            p = para
        );
        let doc = crate::clean("page", &page);
        assert!(doc.text.contains("# stacks per wafer"), "{}", doc.text);
    }

    #[test]
    fn a_box_named_as_chrome_by_its_aria_label_goes() {
        assert!(is_chrome_label("newsletter promotion"));
        assert!(is_chrome_label("Advertisement"));
        assert!(!is_chrome_label("Article body"));
        assert!(!is_chrome_label("Image gallery"));
        let para = "<p class=\"x9q\">Suppliers report their packaging lines are full until next spring, and quotes for the newest stacks climbed again this month.</p>";
        let page = format!(
            "<html><body><article><div class=\"a1b2\">{p}{p}<div class=\"c3d4\" aria-label=\"newsletter promotion\" role=\"region\"><p class=\"e5f6\">A short weekly look at the chips inside the cloud and what they cost</p></div>{p}{p}</div></article></body></html>",
            p = para
        );
        let doc = crate::clean("page", &page);
        assert!(doc.text.contains("Suppliers report their"), "{}", doc.text);
        assert!(!doc.text.contains("weekly look"), "{}", doc.text);
    }

    #[test]
    fn section_edit_links_notes_and_export_titles() {
        let para = |t: &str| {
            format!("<p>{t} Suppliers report their packaging lines are full until next spring, and quotes for the newest stacks climbed again this month.</p>")
        };
        // a wiki heading's `[edit]` link is hidden
        let page = format!(
            "<html><body><div id=\"content\"><h1>HBM supply</h1>{}<h3><span class=\"mw-headline\">Packaging</span><span class=\"mw-editsection\"><span>[</span><a href=\"?action=edit\">編輯</a><span>]</span></span></h3>{}{}</div></body></html>",
            para("One."),
            para("Two."),
            para("Three.")
        );
        let work = extract(&page, Mode::Strict);
        let texts: Vec<&str> = work.blocks.iter().map(|b| b.text.trim()).collect();
        assert!(texts.contains(&"Packaging"), "{texts:?}");
        // a document export: its title paragraph is the headline, its
        // sections' `<h1>`s are body, its footnotes and comments go
        let page = format!(
            "<html><head><title>draft 4 of the memo</title></head><body><p class=\"c3 title\">Packaging budgets next year</p><h1 class=\"c11\">Overview: budgets recover</h1>{}<p>The total rises.<sup><a href=\"#ftnt1\" id=\"ftnt_ref1\">[1]</a></sup></p>{}{}<div><p class=\"c12\"><a href=\"#ftnt_ref1\" id=\"ftnt1\">[1]</a><span> Filings of the three makers.</span></p></div><div class=\"c29\"><p><a href=\"#cmnt_ref1\" id=\"cmnt1\">[a]</a><span>Is the $3bn figure too high?</span></p><p><span>Leaving it as written.</span></p></div><p><a href=\"#part2\">Part two</a> of this note follows next week with the memory makers' plans.</p></body></html>",
            para("One."),
            para("Two."),
            para("Three.")
        );
        let work = extract(&page, Mode::Strict);
        assert_eq!(work.title.as_deref(), Some("Packaging budgets next year"));
        let texts: Vec<&str> = work.blocks.iter().map(|b| b.text.trim()).collect();
        assert!(texts.contains(&"Overview: budgets recover"), "{texts:?}");
        assert!(
            !texts.iter().any(|t| t.contains("Filings of")
                || t.contains("too high")
                || t.contains("Leaving it")),
            "{texts:?}"
        );
        // an in-page link to a section is no note's link back
        assert!(texts.iter().any(|t| t.starts_with("Part two")), "{texts:?}");
    }

    #[test]
    fn a_site_builders_earlier_text_boxes_join_the_main_one() {
        let para = |t: &str| {
            format!("<p>{t}，記憶體廠表示今年的產線已經排滿，新一代堆疊的價格在本季再度上漲，客戶正在搶購產能。</p>")
        };
        let section = |id: &str, inner: String| {
            format!("<section id=\"{id}\" class=\"blk two\"><div class=\"w1\"><div class=\"w2\"><div class=\"box tx\">{inner}</div></div></div></section>")
        };
        let page = format!(
            "<html><body><div class=\"page\">{}{}{}{}</div></body></html>",
            section("s1", [para("第一段"), para("第二段")].concat()),
            section("s2", "<p>圖二：測試板照片</p>".to_string()),
            section(
                "s3",
                [
                    para("第三段"),
                    para("第四段"),
                    para("第五段"),
                    para("第六段")
                ]
                .concat()
            ),
            section("s4", "<p>實驗室開放日：每月第一個週五</p>".to_string()),
        );
        let work = extract(&page, Mode::Strict);
        let texts: Vec<&str> = work.blocks.iter().map(|b| b.text.trim()).collect();
        assert!(texts.iter().any(|t| t.starts_with("第一段")), "{texts:?}");
        assert!(texts.contains(&"圖二：測試板照片"), "{texts:?}");
        assert!(texts.iter().any(|t| t.starts_with("第六段")), "{texts:?}");
        assert!(
            !texts.iter().any(|t| t.starts_with("實驗室開放日")),
            "{texts:?}"
        );
    }

    #[test]
    fn a_converted_pdfs_lines_run_on_and_its_table_cells_make_rows() {
        let line = |x: &str, y: &str, t: &str| {
            format!("<div class=\"t m0 {x} h2 {y} ff1 fs0 fc0 sc0 ls0 ws0\">{t}</div>")
        };
        let lines = [
            line("x1", "y1", "Cards: custom parts gain ground"),
            line(
                "x1",
                "y2",
                "Our survey of board makers points to 4.1m accelerator cards ship-",
            ),
            line(
                "x1",
                "y3",
                "ping this year, up 31% from 3.1m last year. For next year we pencil in",
            ),
            line("x1", "y4", "5.3m cards."),
            line(
                "x1",
                "y5",
                "Power is the other limit. The load implied by these cards comes to",
            ),
            line(
                "x1",
                "y6",
                "about 2.4GW, which the grid can serve only if new substations open.",
            ),
            line("x1", "y7", "Maker"),
            line("x4", "y7", "2024"),
            line("x5", "y7", "2025E"),
            line("x1", "y8", "Vendor A"),
            line("x4", "y8", "2.1"),
            line("x5", "y8", "2.9"),
            line("x1", "y9", "Vendor B"),
            line("x4", "y9", "0.42"),
            line("x5", "y9", "0.61"),
        ]
        .concat();
        let page = format!(
            "<html><body><div id=\"page-container\"><div id=\"pf1\" class=\"pf w0 h0\" data-page-no=\"1\"><div class=\"pc pc1 w0 h0\">{lines}</div></div></div></body></html>"
        );
        let work = extract(&page, Mode::Strict);
        let texts: Vec<&str> = work.blocks.iter().map(|b| b.text.trim()).collect();
        assert!(
            texts.contains(&"Our survey of board makers points to 4.1m accelerator cards shipping this year, up 31% from 3.1m last year. For next year we pencil in 5.3m cards."),
            "{texts:?}"
        );
        assert!(
            texts.contains(&"Cards: custom parts gain ground"),
            "{texts:?}"
        );
        assert!(texts.contains(&"Vendor A 2.1 2.9"), "{texts:?}");
        assert!(texts.contains(&"Maker 2024 2025E"), "{texts:?}");
    }

    #[test]
    fn a_notebooks_code_cells_and_heading_marks_are_not_the_write_up() {
        let md = |h: &str, p: &str| {
            format!(
                "<div class=\"jp-Cell jp-MarkdownCell\"><div class=\"jp-RenderedMarkdown\"><h2 id=\"{h}\">{h}<a class=\"anchor-link\" href=\"#{h}\">¶</a></h2><p>{p}</p></div></div>"
            )
        };
        let code = "<div class=\"jp-Cell jp-CodeCell\"><div class=\"jp-InputPrompt\">In [2]:</div><pre>ship = pd.DataFrame([(\"B300\", \"NVIDIA\", 4300, 288), (\"MI355X\", \"AMD\", 520, 288)], columns=[\"part\", \"vendor\"])</pre><div class=\"jp-OutputArea\"><pre>total HBM 2026E: 2,365.9 PB, units: 9,650 k, by vendor NVIDIA 0.651, Google 0.170</pre></div></div>";
        let p1 = "The usual way to size memory demand is to take the suppliers' guidance and argue about it; this notebook starts from shipments instead.";
        let p2 = "Multiplying units by the memory on each package gives the total, which the table above splits by vendor and by generation.";
        let page = format!(
            "<html><body class=\"jp-Notebook\"><main>{}{code}{}</main></body></html>",
            md("Shipments", p1),
            md("Memory per package", p2)
        );
        let work = extract(&page, Mode::Strict);
        let texts: Vec<&str> = work.blocks.iter().map(|b| b.text.trim()).collect();
        assert!(
            texts.contains(&"Shipments") && texts.contains(&p1),
            "{texts:?}"
        );
        assert!(!texts
            .iter()
            .any(|t| t.contains("pd.DataFrame") || t.contains("2,365.9")));
        assert!(!texts.iter().any(|t| t.contains('¶')), "{texts:?}");
    }

    #[test]
    fn depth_estimate() {
        assert_eq!(estimated_depth("<div><div><p>a<p>b</div></div>"), 2);
        let deep = "<div>".repeat(1000);
        assert!(estimated_depth(&deep) > MAX_DEPTH);
    }

    #[test]
    fn title_suffix() {
        assert_eq!(
            clean_title("Nvidia unveils Rubin - The Chip Times"),
            "Nvidia unveils Rubin"
        );
        assert_eq!(clean_title("英伟达发布新芯片_网易科技"), "英伟达发布新芯片");
    }

    #[test]
    fn machine_dates() {
        assert_eq!(
            normalise_date("2025-10-25T10:20:00+08:00"),
            "2025-10-25T10:20:00+08:00"
        );
        assert_eq!(normalise_date("2025-10-25 10:20"), "2025-10-25T10:20");
        assert_eq!(normalise_date("2025年10月25日"), "2025-10-25");
    }
}
