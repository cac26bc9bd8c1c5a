//! Chip mentions: gazetteer hits that name a chip, plus the vendor-aware
//! model patterns of `chips.toml` for models not listed yet.
//!
//! Owns: pattern matching with boundary checks, canonical-name templates,
//! dropping systems (a model followed by "supernode", "NVL72", 超节点 ...;
//! a model followed by 集群/cluster is still a chip),
//! and merging (a gazetteer hit wins over an overlapping pattern hit; among
//! pattern hits the longer, then the earlier wins).
//! Must not know: companies, figures, sentences.

use crate::figure::number::chinese_digit;
use crate::gazetteer::{han_start_ok, latin_end_ok, latin_start_ok, Gazetteer, Hit, Target};
use crate::text::Doc;

/// A chip named in the text (character offsets).
#[derive(Debug, Clone)]
pub(crate) struct ChipMention {
    pub canonical: String,
    pub vendor: String,
    pub start: usize,
    pub end: usize,
}

pub(crate) fn mentions(gaz: &Gazetteer, doc: &Doc, hits: &[Hit]) -> Vec<ChipMention> {
    let mut out: Vec<ChipMention> = hits
        .iter()
        .filter_map(|h| match h.target {
            Target::Chip(i) => gaz.chips.get(i).map(|c| ChipMention {
                canonical: c.canonical.clone(),
                vendor: c.vendor.clone(),
                start: h.start,
                end: h.end,
            }),
            _ => None,
        })
        .filter(|m| !followed_by_system(gaz, doc, m.end))
        .collect();
    let taken: Vec<(usize, usize)> = out.iter().map(|h| (h.start, h.end)).collect();

    let mut found: Vec<ChipMention> = Vec::new();
    for p in &gaz.patterns {
        for caps in p.regex.captures_iter(&doc.folded) {
            let Some(all) = caps.get(0) else { continue };
            let (s, e) = (doc.fchar(all.start()), doc.fchar(all.end()));
            let m = all.as_str();
            let (Some(first), Some(last)) = (m.chars().next(), m.chars().last()) else {
                continue;
            };
            if !latin_start_ok(doc, s, first)
                || !latin_end_ok(doc, e, last, true)
                || !han_start_ok(doc, s, first)
                || followed_by_system(gaz, doc, e)
            {
                continue;
            }
            if taken.iter().any(|&(ts, te)| ts < e && s < te) {
                continue; // a gazetteer chip owns it
            }
            let canonical = fill(&p.template, &caps, p.upper);
            found.push(ChipMention {
                canonical,
                vendor: p.vendor.clone(),
                start: s,
                end: e,
            });
        }
    }
    found.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut last_end = 0;
    for m in found {
        if m.start >= last_end {
            last_end = m.end;
            out.push(m);
        }
    }
    out.sort_by_key(|m| m.start);
    out
}

fn followed_by_system(gaz: &Gazetteer, doc: &Doc, e: usize) -> bool {
    let mut i = e;
    while i < doc.len() && i < e + 2 && doc.chars[i] == ' ' {
        i += 1;
    }
    let rest: String = doc.chars[i..doc.len().min(i + 16)]
        .iter()
        .collect::<String>()
        .to_lowercase();
    gaz.system_followers
        .iter()
        .any(|f| rest.starts_with(f.as_str()))
}

/// Fills `{group}` placeholders; a `[...]` part is dropped when a group in it
/// did not match. Chinese numerals in a group become digits.
fn fill(template: &str, caps: &regex::Captures, upper: bool) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('[') {
        out.push_str(&fill_plain(&rest[..open], caps, upper).unwrap_or_default());
        let after = &rest[open + 1..];
        let close = after.find(']').unwrap_or(after.len());
        if let Some(part) = fill_plain(&after[..close], caps, upper) {
            out.push_str(&part);
        }
        rest = after.get(close + 1..).unwrap_or("");
    }
    out.push_str(&fill_plain(rest, caps, upper).unwrap_or_default());
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn fill_plain(t: &str, caps: &regex::Captures, upper: bool) -> Option<String> {
    let mut out = String::new();
    let mut rest = t;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}')?;
        let name = &after[..close];
        let v = caps.name(name)?.as_str();
        let v: String = v
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| {
                chinese_digit(c)
                    .and_then(|d| char::from_digit(d, 10))
                    .unwrap_or(c)
            })
            .collect();
        out.push_str(&if upper { v.to_uppercase() } else { v });
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    Some(out)
}
