//! schema.org JSON-LD blocks of an HTML page
//! (`<script type="application/ld+json">`).
//!
//! Owns: reading the article's `datePublished` and `articleBody` out of
//! them (an object, an array or a `@graph` list, at any depth), and turning
//! an `articleBody` into paragraphs. Invalid JSON, which sites do ship
//! (raw newlines inside strings, trailing commas), is read by a pattern for
//! the two keys instead.
//! Must not know: how the DOM is scored or what the detectors drop; the
//! front end decides whether the DOM or this body is the article.

use regex::Regex;
use scraper::{Html, Node};
use serde_json::Value;
use std::sync::OnceLock;

/// What the JSON-LD blocks of a page say about its article.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct LdArticle {
    /// The first `datePublished`, as written.
    pub published: Option<String>,
    /// The longest `articleBody`.
    pub body: Option<String>,
}

/// Reads every JSON-LD block of `doc`.
pub fn read(doc: &Html) -> LdArticle {
    let mut out = LdArticle::default();
    for node in doc.tree.root().descendants() {
        let Node::Element(el) = node.value() else {
            continue;
        };
        let is_ld = el.name() == "script"
            && el
                .attrs()
                .any(|(k, v)| k == "type" && v.to_ascii_lowercase().contains("ld+json"));
        if !is_ld {
            continue;
        }
        let text: String = node
            .children()
            .filter_map(|c| match c.value() {
                Node::Text(t) => Some(&**t),
                _ => None,
            })
            .collect();
        read_block(&text, &mut out);
    }
    out
}

/// Adds what one block's text says to `out`.
fn read_block(text: &str, out: &mut LdArticle) {
    match serde_json::from_str::<Value>(text.trim()) {
        Ok(v) => walk(&v, out),
        Err(_) => read_by_pattern(text, out),
    }
}

fn walk(v: &Value, out: &mut LdArticle) {
    match v {
        Value::Object(map) => {
            for (k, x) in map {
                match (k.as_str(), x) {
                    ("datePublished", Value::String(s)) if out.published.is_none() => {
                        out.published = Some(s.clone());
                    }
                    ("articleBody", Value::String(s)) => keep_longer(&mut out.body, s),
                    _ => walk(x, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|x| walk(x, out)),
        _ => {}
    }
}

fn keep_longer(slot: &mut Option<String>, s: &str) {
    if slot.as_ref().is_none_or(|b| s.len() > b.len()) {
        *slot = Some(s.to_string());
    }
}

/// Reads the two keys from a block that is not valid JSON.
fn read_by_pattern(text: &str, out: &mut LdArticle) {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r#""(datePublished|articleBody)"\s*:\s*"((?:[^"\\]|\\.)*)""#)
            .expect("static regex")
    });
    for c in re.captures_iter(text) {
        // A JSON string literal, unescaped by the JSON reader. Raw control
        // characters are the usual reason the block was invalid: a raw
        // line break is read as the escape it should have been, any other
        // becomes a space.
        let mut raw = String::with_capacity(c[2].len());
        for ch in c[2].chars() {
            match ch {
                '\n' => raw.push_str("\\n"),
                ch if ch.is_control() => raw.push(' '),
                ch => raw.push(ch),
            }
        }
        let value = serde_json::from_str::<String>(&format!("\"{raw}\"")).unwrap_or(raw);
        if &c[1] == "datePublished" {
            if out.published.is_none() {
                out.published = Some(value);
            }
        } else {
            keep_longer(&mut out.body, &value);
        }
    }
}

/// An `articleBody` as paragraphs. Some sites put HTML there, so the body
/// goes through the same HTML parser as pages: block elements
/// ([`crate::html::BLOCK_TAGS`]) and line breaks end a paragraph, entities
/// are decoded by the parser, white space is collapsed, empty lines go.
pub fn paragraphs(body: &str) -> Vec<String> {
    let fragment = Html::parse_fragment(body);
    let mut text = String::with_capacity(body.len());
    for edge in fragment.tree.root().traverse() {
        let (ego_tree::iter::Edge::Open(node) | ego_tree::iter::Edge::Close(node)) = edge;
        match node.value() {
            Node::Text(t) if matches!(edge, ego_tree::iter::Edge::Open(_)) => text.push_str(t),
            Node::Element(el) if crate::html::BLOCK_TAGS.contains(&el.name()) => text.push('\n'),
            _ => {}
        }
    }
    text.split(['\n', '\r', '\u{2028}', '\u{2029}'])
        .map(crate::text_dump::clean_line)
        .filter(|l| !l.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(ld: &str) -> Html {
        Html::parse_document(&format!(
            r#"<html><head><script type="application/ld+json">{ld}</script></head><body></body></html>"#
        ))
    }

    #[test]
    fn reads_graph_and_nested_objects() {
        let doc = page(
            r#"{"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"x"},
               {"@type":"NewsArticle","datePublished":"2025-11-03T08:00:00+08:00",
                "articleBody":"First paragraph.\nSecond paragraph."}]}"#,
        );
        let a = read(&doc);
        assert_eq!(a.published.as_deref(), Some("2025-11-03T08:00:00+08:00"));
        assert_eq!(
            paragraphs(a.body.as_deref().unwrap_or_default()),
            vec!["First paragraph.", "Second paragraph."]
        );
    }

    #[test]
    fn invalid_json_is_read_by_pattern() {
        // A raw newline inside a string and a trailing comma.
        let doc = page(
            "{\"@type\":\"Article\",\"datePublished\":\"2025-10-01\",\"articleBody\":\"台积电表示，\n先进封装产能将扩大一倍。 \\\"CoWoS\\\" 供不应求\",}",
        );
        let a = read(&doc);
        assert_eq!(a.published.as_deref(), Some("2025-10-01"));
        assert_eq!(
            a.body.as_deref(),
            Some("台积电表示，\n先进封装产能将扩大一倍。 \"CoWoS\" 供不应求")
        );
    }

    #[test]
    fn markup_in_the_body_becomes_lines() {
        assert_eq!(
            paragraphs("<p>One &amp; two.</p><p>Three<br/>four <b>bold</b>.</p>"),
            vec!["One & two.", "Three", "four bold."]
        );
    }

    #[test]
    fn no_json_ld_reads_nothing() {
        let doc = Html::parse_document("<html><body><p>text</p></body></html>");
        assert_eq!(read(&doc), LdArticle::default());
    }
}
