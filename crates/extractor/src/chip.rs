//! Chip mentions: gazetteer hits that name a chip, plus the vendor-aware
//! model patterns of `chips.toml` for models not listed yet.
//!
//! Owns: pattern matching with boundary checks, canonical-name templates,
//! dropping systems (a model followed by "supernode", "NVL72", 超节点 ...;
//! a model followed by 集群/cluster is still a chip),
//! and merging (a gazetteer hit wins over an overlapping pattern hit; among
//! pattern hits the longer, then the earlier wins), then bare model codes
//! (`910B`, `M100`) read as the chip of the vendor named just before them
//! on the same line.
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
    let coded = bare_codes(gaz, doc, hits, &out);
    if !coded.is_empty() {
        out.extend(coded);
        out.sort_by_key(|m| m.start);
    }
    out
}

/// How far back (characters, same line) a vendor mention makes a bare model
/// code its chip.
const VENDOR_CONTEXT: usize = 240;

/// Bare model codes (`two 910B dies`, `推出M100推理芯片`) read as chips where
/// their vendor, or one of its chips, was named shortly before on the same
/// line, or, for a code listed under one vendor's chips, anywhere earlier in
/// the story when no other vendor of that code was. A code listed under chips
/// of several vendors goes to the vendor named last. Codes come from the aliases of listed chips
/// ([`Gazetteer::model_codes`]) and from the `bare` regex of patterns.
fn bare_codes(gaz: &Gazetteer, doc: &Doc, hits: &[Hit], found: &[ChipMention]) -> Vec<ChipMention> {
    let has_bare = gaz.patterns.iter().any(|p| p.bare.is_some());
    if gaz.model_codes.is_empty() && !has_bare {
        return Vec::new();
    }
    // (end, vendor) of every mention that names a vendor, in text order
    let mut anchors: Vec<(usize, &str)> = hits
        .iter()
        .filter_map(|h| match h.target {
            Target::Company(i) => gaz.companies.get(i).map(|c| (h.end, c.canonical.as_str())),
            _ => None,
        })
        .chain(found.iter().map(|m| (m.end, m.vendor.as_str())))
        .collect();
    if anchors.is_empty() {
        return Vec::new();
    }
    anchors.sort_by_key(|a| a.0);
    let chars = &doc.chars;
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let s = i;
        while i < chars.len() && chars[i].is_ascii_alphanumeric() {
            i += 1;
        }
        let e = i;
        if !(3..=8).contains(&(e - s))
            || !chars[s..e].iter().any(|c| c.is_ascii_digit())
            || !chars[s..e].iter().any(|c| c.is_ascii_alphabetic())
            || !latin_start_ok(doc, s, chars[s])
            || !latin_end_ok(doc, e, chars[e - 1], true)
        {
            continue;
        }
        // the latest mention of each vendor before the code, on its line
        let window = s.saturating_sub(VENDOR_CONTEXT);
        let line_start = chars[window..s]
            .iter()
            .rposition(|&c| c == '\n')
            .map_or(window, |p| window + p + 1);
        let mut from = anchors.partition_point(|a| a.0 <= line_start);
        let to = anchors.partition_point(|a| a.0 <= s);
        // No vendor on the line: a code listed under one vendor's chips is
        // that vendor's when the story named it earlier (`昆仑芯…` two
        // paragraphs up, then `M100今年的计划出货量…`), and no other vendor
        // it could belong to was named.
        let code: String = chars[s..e].iter().collect::<String>().to_ascii_uppercase();
        let doc_wide = from >= to;
        if doc_wide {
            let Some(list) = gaz.model_codes.get(&code) else {
                continue;
            };
            let named = |v: &str| anchors[..to].iter().any(|a| a.1 == v);
            let mut vendors: Vec<&str> = list
                .iter()
                .map(|&k| gaz.chips[k].vendor.as_str())
                .filter(|v| named(v))
                .collect();
            vendors.dedup();
            if vendors.len() != 1 {
                continue;
            }
            from = 0;
        }
        // inside a chip already found (found is sorted by start)
        let k = found.partition_point(|m| m.start < e);
        if found[..k].iter().rev().take(4).any(|m| s < m.end) || followed_by_system(gaz, doc, e) {
            continue;
        }
        let recent = &anchors[from..to];
        let last_of = |vendor: &str| recent.iter().rposition(|a| a.1 == vendor);
        // (rank of the vendor's latest mention, canonical, vendor)
        let mut best: Option<(usize, String, String)> = None;
        if let Some(list) = gaz.model_codes.get(&code) {
            for &k in list {
                let chip = &gaz.chips[k];
                if let Some(r) = last_of(&chip.vendor) {
                    if best.as_ref().is_none_or(|b| r > b.0) {
                        best = Some((r, chip.canonical.clone(), chip.vendor.clone()));
                    }
                }
            }
        }
        if best.is_none() && !doc_wide {
            let surface = doc.fslice(s, e);
            for p in &gaz.patterns {
                let Some(bare) = &p.bare else { continue };
                let Some(r) = last_of(&p.vendor) else {
                    continue;
                };
                let Some(caps) = bare.captures(surface) else {
                    continue;
                };
                if best.as_ref().is_none_or(|b| r > b.0) {
                    best = Some((r, fill(&p.template, &caps, p.upper), p.vendor.clone()));
                }
            }
        }
        if let Some((_, canonical, vendor)) = best {
            out.push(ChipMention {
                canonical,
                vendor,
                start: s,
                end: e,
            });
        }
    }
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
