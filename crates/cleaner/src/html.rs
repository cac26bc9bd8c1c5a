//! HTML pages -> blocks of the main content, plus title and published time.
//!
//! Owns: parsing with scraper, dropping non-content subtrees (`script`,
//! `style`, `nav`, `footer`, `aside`, forms, hidden elements, and elements
//! whose class/id reads as chrome: comment, share, sidebar, related, …),
//! flattening the rest into blocks at block-element boundaries (`p`, `h1-6`,
//! `li`, `figcaption`, `blockquote`, `pre`, `div`, `br`, …), and choosing the
//! article container the way Readability does: each paragraph scores its
//! parent and grandparent by length (CJK-aware: one Han char weighs three),
//! punctuation and commas; the score is damped by link density; `<article>`,
//! `<main>` and `itemprop=articleBody` are hints. The container and its
//! well-scored siblings give the blocks; link-dense lists are dropped.
//! Title from `og:title`/`<title>`/`<h1>`, published time from
//! `article:published_time`, `<time datetime>`, date `<meta>`s and JSON-LD.
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
use crate::metadata::find_date;
use crate::script::{char_len, is_han, weighted_len};
use crate::text_dump;
use ego_tree::{NodeId, NodeRef};
use model::DropReason;
use regex::Regex;
use scraper::{Html, Node};
use std::collections::{HashMap, HashSet};
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

fn unlikely_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)-ad-|\bads?\b|advert|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|legends|menu|related|recommend|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|pagination|pager|popup|modal|cookie|share|sharing|subscribe|newsletter|promo|toolbar|tags?\b|hot-?news|hotlist|rank|navbar|topbar|login|signup|copyright|qrcode|download-app|app-download",
        )
        .expect("static regex")
    })
}

fn maybe_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)and|article|body|column|content|main|shadow|post-text|text|story|entry|detail",
        )
        .expect("static regex")
    })
}

fn positive_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"(?i)article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|detail|正文").expect("static regex"))
}

fn negative_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)-ad-|hidden|^hid$|banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|recommend|hot")
            .expect("static regex")
    })
}

/// Estimates the deepest nesting of non-void, non-self-closing elements.
/// Elements the parser closes implicitly (`p`, `li`, `td`, …) do not count.
pub fn estimated_depth(s: &str) -> usize {
    const NO_DEPTH: &[&str] = &[
        "br", "img", "meta", "link", "input", "hr", "wbr", "source", "track", "area", "base",
        "col", "embed", "param", "p", "li", "dt", "dd", "option", "tr", "td", "th", "!doctype",
        "!--",
    ];
    let b = s.as_bytes();
    let mut depth: usize = 0;
    let mut max = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'<' && i + 1 < b.len() {
            let close = b[i + 1] == b'/';
            let start = if close { i + 2 } else { i + 1 };
            let mut j = start;
            while j < b.len()
                && (b[j].is_ascii_alphanumeric() || b[j] == b'!' || b[j] == b'-')
                && j - start < 16
            {
                j += 1;
            }
            if j > start {
                let name = s.get(start..j).unwrap_or("").to_ascii_lowercase();
                let mut k = j;
                while k < b.len() && b[k] != b'>' && k - j < 2048 {
                    k += 1;
                }
                let self_closing = k > 0 && k < b.len() && b[k - 1] == b'/';
                if !NO_DEPTH.contains(&name.as_str()) && !self_closing {
                    if close {
                        depth = depth.saturating_sub(1);
                    } else {
                        depth += 1;
                        max = max.max(depth);
                    }
                }
                i = k;
                continue;
            }
        }
        i += 1;
    }
    max
}

/// Pages larger than this are not parsed into a DOM: [`crate::linear`]
/// flattens them into lines inside their own buffer (a DOM costs several
/// times the page). Real article pages are far below it.
pub const MAX_DOM_BYTES: usize = 8 * 1024 * 1024;

struct Flat {
    text: String,
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
        _ => BlockKind::Para,
    }
}

fn is_hidden(el: &scraper::node::Element) -> bool {
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    el.attr("style").is_some_and(|s| {
        let s = s.to_ascii_lowercase().replace(' ', "");
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

fn class_id(el: &scraper::node::Element) -> String {
    format!(
        "{} {}",
        el.attr("class").unwrap_or(""),
        el.attr("id").unwrap_or("")
    )
}

/// True for subtrees that are never article content.
fn skip_element(el: &scraper::node::Element, inside_article: bool) -> bool {
    let name = el.name();
    if SKIP_TAGS.contains(&name) || is_hidden(el) {
        return true;
    }
    if matches!(name, "body" | "html" | "article" | "main")
        || el.attr("itemprop") == Some("articleBody")
    {
        return false;
    }
    if name == "header" && !inside_article {
        return true;
    }
    let ci = class_id(el);
    if ci.trim().is_empty() {
        return false;
    }
    let ci_unlikely = unlikely_re().is_match(&ci) && !maybe_re().is_match(&ci);
    ci_unlikely
        || el.attr("role").is_some_and(|r| {
            matches!(
                r,
                "navigation" | "complementary" | "banner" | "contentinfo" | "menu" | "dialog"
            )
        })
}

/// Flattens the DOM into text blocks at block-element boundaries.
fn flatten(doc: &Html) -> Vec<Flat> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut cur_links = 0usize;
    let mut cur_container: Option<NodeId> = None;
    let mut cur_kind = BlockKind::Para;
    // (node, entering, in_link, inside_article)
    let mut stack: Vec<(NodeRef<Node>, bool, bool, bool)> =
        vec![(doc.tree.root(), true, false, false)];
    // Stack of enclosing block containers.
    let mut containers: Vec<(NodeId, BlockKind)> = Vec::new();
    let flush = |cur: &mut String,
                 links: &mut usize,
                 container: Option<NodeId>,
                 kind: BlockKind,
                 out: &mut Vec<Flat>| {
        let t = text_dump::clean_line(cur);
        if !t.is_empty() {
            let link_chars = (*links).min(char_len(&t));
            out.push(Flat {
                text: t,
                link_chars,
                kind,
                container,
            });
        }
        cur.clear();
        *links = 0;
    };
    while let Some((node, entering, in_link, in_article)) = stack.pop() {
        match node.value() {
            Node::Text(t) if entering => {
                let s: &str = t;
                if in_link {
                    cur_links += s.chars().filter(|c| !c.is_whitespace()).count();
                }
                cur.push_str(s);
            }
            Node::Element(el) => {
                let name = el.name();
                let is_block = BLOCK_TAGS.contains(&name);
                if entering {
                    if skip_element(el, in_article) {
                        continue;
                    }
                    if is_block {
                        flush(&mut cur, &mut cur_links, cur_container, cur_kind, &mut out);
                        if name == "br" || name == "hr" {
                            continue;
                        }
                        containers.push((node.id(), kind_of(name)));
                        cur_container = Some(node.id());
                        cur_kind = kind_of(name);
                    }
                    if name == "img" {
                        continue;
                    }
                    let link = in_link || name == "a";
                    let art = in_article
                        || name == "article"
                        || el.attr("itemprop") == Some("articleBody");
                    stack.push((node, false, in_link, in_article));
                    let children: Vec<_> = node.children().collect();
                    for c in children.into_iter().rev() {
                        stack.push((c, true, link, art));
                    }
                } else if is_block {
                    flush(&mut cur, &mut cur_links, cur_container, cur_kind, &mut out);
                    containers.pop();
                    let (c, k) = containers
                        .last()
                        .map_or((None, BlockKind::Para), |&(id, k)| (Some(id), k));
                    cur_container = c;
                    cur_kind = k;
                }
            }
            Node::Document | Node::Fragment if entering => {
                let children: Vec<_> = node.children().collect();
                for c in children.into_iter().rev() {
                    stack.push((c, true, false, false));
                }
            }
            _ => {}
        }
    }
    flush(&mut cur, &mut cur_links, cur_container, cur_kind, &mut out);
    out
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
    for v in [el.attr("class"), el.attr("id")].into_iter().flatten() {
        if negative_re().is_match(v) {
            w -= 25.0;
        }
        if positive_re().is_match(v) {
            w += 25.0;
        }
    }
    if el.attr("itemprop") == Some("articleBody") {
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
fn choose(doc: &Html, flats: &[Flat]) -> Option<HashSet<NodeId>> {
    let mut score: HashMap<NodeId, f64> = HashMap::new();
    let init = |id: NodeId, score: &mut HashMap<NodeId, f64>| {
        if let std::collections::hash_map::Entry::Vacant(e) = score.entry(id) {
            let base =
                element(doc, id).map_or(0.0, |(_, el)| tag_bonus(el.name()) + class_weight(el));
            e.insert(base);
        }
    };
    for f in flats {
        let Some(c) = f.container else { continue };
        let wl = weighted_len(&f.text);
        if wl < 25 || f.link_chars * 2 > char_len(&f.text) {
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
    let mut text_len: HashMap<NodeId, (usize, usize)> = HashMap::new();
    for f in flats {
        let Some(c) = f.container else { continue };
        let n = char_len(&f.text);
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
    let mut chosen = HashSet::new();
    chosen.insert(top);
    // Siblings that score well or hold plain paragraphs join the article.
    if let Some(parent) = doc.tree.get(top).and_then(|n| n.parent()) {
        let threshold = (top_score * 0.2).max(10.0);
        for sib in parent.children() {
            if sib.id() == top || !sib.value().is_element() {
                continue;
            }
            let s = score.get(&sib.id()).copied().unwrap_or(0.0) * (1.0 - density(&sib.id()));
            if s >= threshold {
                chosen.insert(sib.id());
            }
        }
    }
    Some(chosen)
}

fn meta_content(doc: &Html, keys: &[&str]) -> Option<String> {
    for n in doc.tree.root().descendants() {
        if let Node::Element(el) = n.value() {
            if el.name() != "meta" {
                continue;
            }
            let key = el
                .attr("property")
                .or(el.attr("name"))
                .or(el.attr("itemprop"))
                .unwrap_or("")
                .to_ascii_lowercase();
            if keys.contains(&key.as_str()) {
                if let Some(c) = el.attr("content").map(str::trim).filter(|c| !c.is_empty()) {
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
        Node::Element(el) if el.name() == "time" => el.attr("datetime").map(str::to_string),
        _ => None,
    })
}

fn json_ld_date(doc: &Html) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r#""datePublished"\s*:\s*"([^"]{8,40})""#).expect("static regex")
    });
    for n in doc.tree.root().descendants() {
        if let Node::Element(el) = n.value() {
            if el.name() == "script" && el.attr("type").is_some_and(|t| t.contains("ld+json")) {
                let er = scraper::ElementRef::wrap(n)?;
                let t: String = er.text().collect();
                if let Some(c) = re.captures(&t) {
                    return Some(c[1].to_string());
                }
            }
        }
    }
    None
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
pub fn extract(page: &str) -> Work<'_> {
    let doc = Html::parse_document(page);
    let flats = flatten(&doc);
    let chosen = choose(&doc, &flats);
    let mut blocks = Vec::new();
    let mut outside = Vec::new();
    // Whether a container lies inside the chosen set, once per container.
    let mut inside_memo: HashMap<NodeId, bool> = HashMap::new();
    for f in &flats {
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
        let n = char_len(&f.text);
        let link_heavy = f.link_chars * 2 > n && f.kind != BlockKind::Heading;
        if inside && !link_heavy {
            let mut b = Block::new(f.text.clone(), f.kind);
            b.link_chars = f.link_chars;
            blocks.push(b);
        } else {
            outside.push((
                if link_heavy {
                    DropReason::RelatedLinks
                } else {
                    DropReason::Boilerplate
                },
                f.text.clone(),
            ));
        }
    }
    // Title.
    let h1 = first_text(&doc, "h1");
    let meta_title =
        meta_content(&doc, &["og:title", "twitter:title"]).or_else(|| first_text(&doc, "title"));
    let title = match (h1, meta_title) {
        (Some(h), Some(m)) if m.contains(&h) || char_len(&h) >= 6 => Some(h),
        (_, Some(m)) => Some(clean_title(&m)),
        (Some(h), None) => Some(h),
        (None, None) => None,
    };
    let published = meta_content(
        &doc,
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
    .or_else(|| first_time_datetime(&doc))
    .or_else(|| json_ld_date(&doc))
    .map(|d| normalise_date(&d));
    // The headline goes to `title`, not into the text: the article body of
    // an HTML page starts after it (as the fixtures' gold spans do).
    let mut title_blocks = Vec::new();
    if let Some(t) = &title {
        let t = t.trim();
        let mut k = 0;
        while k < blocks.len() && k < 8 {
            if blocks[k].text.trim() == t {
                title_blocks.push(blocks.remove(k).text);
            } else {
                k += 1;
            }
        }
    }
    let mut w = Work::new(blocks);
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

/// True when `s` holds Han text (used by tests and callers to sanity check).
pub fn has_han(s: &str) -> bool {
    s.chars().any(is_han)
}

#[cfg(test)]
mod tests {
    use super::*;

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
