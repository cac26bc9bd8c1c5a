//! Citation and footnote markers: `[1]`, `[2][3]`, `[4, 5]`, `[6–8]`,
//! `[citation needed]`, `[edit]`, a shared document's comment anchors
//! (`[a]`).
//!
//! Owns: removing the markers from running text, with the space before
//! them, and references sections in the last 40% of the page (or a long
//! one past the first third, when it outweighs what follows it): a header
//! that is only `参考`/`参考资料`/`References`/`Sources`/`Notes`… and the
//! reference lines after it (a link, or opening with `^`, `[3]`, `3.`).
//! Must not know: any other structure of the page.

use crate::doc::{Detector, Work};
use crate::script::char_len;
use model::DropReason;
use regex::Regex;
use std::sync::OnceLock;

fn marker_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)\s?(?:\[(?:\d{1,3}(?:\s*[,–\-]\s*\d{1,3})*|citation needed|edit|編輯|编辑|note \d+|[a-z])\])+",
        )
        .expect("static regex")
    })
}

pub struct CitationFilter;

impl Detector for CitationFilter {
    fn name(&self) -> &'static str {
        "citation"
    }

    fn run(&self, work: &mut Work<'_>) {
        references_section(work);
        trailing_back_matter(work);
        for i in work.alive() {
            if !work.blocks[i].protected && is_legal_citation_line(&work.blocks[i].text) {
                work.drop_block(i, DropReason::Citation);
            }
        }
        for i in work.alive() {
            let text = &work.blocks[i].text;
            let ranges: Vec<_> = marker_re()
                .find_iter(text)
                .map(|m| {
                    // a link number before a word (`its [34]3.5D XDSiP`)
                    // goes without the space that parts the words
                    let word_after = text[m.end()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric);
                    let space_first = text[m.start()..].starts_with(char::is_whitespace);
                    if word_after && space_first && m.start() > 0 {
                        let w = text[m.start()..].chars().next().map_or(1, char::len_utf8);
                        m.start() + w..m.end()
                    } else {
                        m.range()
                    }
                })
                .collect();
            work.remove_ranges(i, ranges, DropReason::Citation);
        }
    }
}

/// Headers of a references section (folded, trailing colon removed).
const REFERENCE_HEADERS: &[&str] = &[
    "参考",
    "参考资料",
    "参考文献",
    "参考来源",
    "资料来源",
    "来源",
    "注释",
    "references",
    "sources",
    "notes",
    "footnotes",
    "endnotes",
];

fn is_reference_header(text: &str) -> bool {
    if text.len() > 80 {
        return false;
    }
    // The heading may still carry its `[edit]` link.
    let f = marker_re()
        .replace_all(&crate::script::fold(text), "")
        .into_owned();
    let bare = f.trim().trim_end_matches([':', '：']).trim();
    REFERENCE_HEADERS.contains(&bare)
}

/// Headings of an encyclopedia entry's back matter (folded) besides its
/// references: its lists of related entries and outside links.
const BACK_MATTER_HEADERS: &[&str] = &[
    "参见",
    "另见",
    "外部链接",
    "外部连结",
    "延伸阅读",
    "see also",
    "external links",
    "further reading",
];

/// A back-matter heading ([`BACK_MATTER_HEADERS`]), its colon aside.
fn is_back_matter_header(text: &str) -> bool {
    let f = crate::script::fold(text);
    let bare = f.trim().trim_end_matches([':', '：']).trim();
    BACK_MATTER_HEADERS.contains(&bare)
}

/// Drops the back-matter headings left last on the page once their lists
/// went as links (`參見`, `外部連結`, `References`).
fn trailing_back_matter(work: &mut Work<'_>) {
    let alive = work.alive();
    let mut drop = Vec::new();
    for &i in alive.iter().rev() {
        let b = &work.blocks[i];
        if b.protected || !(is_back_matter_header(&b.text) || is_reference_header(&b.text)) {
            break;
        }
        drop.push(i);
    }
    work.drop_unprotected(drop, DropReason::Citation);
}

/// A legal citation note on its own line (`2 See 15 C.F.R. part 744, …`,
/// `Review Policy, 90 Fed. Reg. 58112 (Dec. 9, 2025).`): a regulator's
/// footnote, short and citing the code or the register.
fn is_legal_citation_line(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"\b[0-9]{1,3} (?:Fed\. Reg\.|C\.F\.R\.|U\.S\.C\.) (?:§\s?)?[0-9a-z]")
            .expect("static regex")
    });
    // a note, not a sentence citing the code: it opens with a capital or
    // its number and ends as a citation does
    let t = text.trim();
    let opens = t.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit());
    t.len() <= 240
        && opens
        && t.ends_with(['.', ')'])
        && (t.contains("Fed. Reg.") || t.contains("C.F.R.") || t.contains("U.S.C."))
        && re.is_match(t)
}

/// One entry of a references list.
fn is_reference_line(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^(?:\^|↑|\[\d{1,3}\]|\d{1,3}[.、)]\s)|https?://\S+").expect("static regex")
    });
    let t = text.trim();
    // a text browser's link list heads its parts `Visible links:`
    re.is_match(t)
        || t.eq_ignore_ascii_case("visible links:")
        || t.eq_ignore_ascii_case("hidden links:")
}

/// Drops a references header and the reference lines after it (at least
/// one) in the last 40% of the page, or, for a long list (three or more)
/// that outweighs all the text after it, past the first third: a long
/// list of references pulls its own header towards the middle.
fn references_section(work: &mut Work<'_>) {
    let alive = work.alive();
    let total = work.alive_chars();
    let mut seen = 0usize;
    let mut drop = Vec::new();
    // The section just before (a `Notes` list over `References`), which
    // goes with the one after it.
    let mut previous: Option<(usize, Vec<usize>)> = None;
    for (k, &i) in alive.iter().enumerate() {
        let text = &work.blocks[i].text;
        let len = text.chars().count();
        // A header whose list went already (an export's notes dropped
        // with their links back) stands over the next back-matter header.
        let emptied = seen * 3 >= total
            && is_reference_header(text)
            && alive.get(k + 1).is_some_and(|&j| {
                let next = &work.blocks[j].text;
                is_reference_header(next) || is_back_matter_header(next)
            });
        if emptied {
            drop.push(i);
        } else if seen * 3 >= total && is_reference_header(text) {
            // Under `Endnotes`/`References`, a note that ends with its link
            // back to the text (`↩`) is a reference; a post's `Notes` on
            // its method are its own.
            let cited = !crate::script::fold(text).trim().starts_with("notes");
            let refs: Vec<usize> = alive[k + 1..]
                .iter()
                .copied()
                .take_while(|&j| {
                    let t = &work.blocks[j].text;
                    is_reference_line(t) || (cited && t.trim_end().ends_with('↩'))
                })
                .collect();
            let refs_chars: usize = refs.iter().map(|&j| char_len(&work.blocks[j].text)).sum();
            let after = total.saturating_sub(seen + len + refs_chars);
            let late = seen * 5 >= total * 3;
            if !refs.is_empty() && (late || (refs.len() >= 3 && refs_chars > after)) {
                if let Some((end, earlier)) = previous.take() {
                    if end == k {
                        drop.extend(earlier);
                    }
                }
                // Wiki notes (`^ …`) right above it, their header gone.
                for &j in alive[..k].iter().rev() {
                    let t = work.blocks[j].text.trim_start();
                    if !(t.starts_with('^') || t.starts_with('↑')) {
                        break;
                    }
                    drop.push(j);
                }
                drop.push(i);
                drop.extend_from_slice(&refs);
            } else if !refs.is_empty() {
                let mut section = vec![i];
                section.extend_from_slice(&refs);
                previous = Some((k + 1 + refs.len(), section));
            }
        }
        seen += len;
    }
    for i in drop {
        if work.blocks[i].alive {
            work.drop_block(i, DropReason::Citation);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Block, BlockKind};

    #[test]
    fn a_references_header_whose_list_went_goes() {
        let body =
            "Blackwell被用於資料中心的加速器與超級晶片，亦用於消費級顯示卡，出貨量持續增加。";
        let lines = [
            body,
            body,
            body,
            "Notes",
            "External links",
            "Official product page",
        ];
        let mut w = Work::of_lines(&lines, BlockKind::Line);
        references_section(&mut w);
        assert_eq!(w.alive(), vec![0, 1, 2, 4, 5]);
        // a wiki's `來源[編輯]` over its `↑` entries
        let lines = [
            body,
            body,
            body,
            "來源[編輯]",
            "↑ 某日報. 〈某報導〉. 2026年3月2日.",
        ];
        let mut w = Work::of_lines(&lines, BlockKind::Line);
        references_section(&mut w);
        assert_eq!(w.alive(), vec![0, 1, 2]);
    }

    #[test]
    fn back_matter_headings_left_last_go() {
        let body =
            "Blackwell被用於資料中心的加速器與超級晶片，亦用於消費級顯示卡，出貨量持續增加。";
        let lines = [body, "參見", body, "參見", "外部連結"];
        let mut w = Work::of_lines(&lines, BlockKind::Line);
        trailing_back_matter(&mut w);
        assert_eq!(w.alive(), vec![0, 1, 2]);
    }

    #[test]
    fn legal_citation_notes() {
        assert!(is_legal_citation_line(
            "Review Policy, 90 Fed. Reg. 58112 (Dec. 9, 2025)."
        ));
        assert!(is_legal_citation_line(
            "2 See 15 C.F.R. part 744, Supplement No. 4 (Entity List), as amended."
        ));
        assert!(!is_legal_citation_line(
            "The rule, published in the Federal Register in December, tightened licensing."
        ));
        // a converted PDF's visual line of a sentence citing the code
        assert!(!is_legal_citation_line(
            "any license in accordance with 15 C.F.R. § 750.8. Applications filed after January 31,"
        ));
    }

    #[test]
    fn removes_markers() {
        let mut w = Work::new(vec![Block::new(
            "hard technology\" [1][2] - The rapid [3, 4] end [5]",
            BlockKind::Line,
        )]);
        CitationFilter.run(&mut w);
        assert_eq!(w.blocks[0].text, "hard technology\" - The rapid end");
        assert_eq!(w.dropped.len(), 3);
        // A shared document's comment anchors: `[a]`, `[b]`.
        let mut w = Work::new(vec![Block::new(
            "roughly 55% of its revenue.[a] The ramp slips.[b]",
            BlockKind::Line,
        )]);
        CitationFilter.run(&mut w);
        assert_eq!(
            w.blocks[0].text,
            "roughly 55% of its revenue. The ramp slips."
        );
    }

    #[test]
    fn a_link_number_before_a_word_leaves_the_space() {
        let mut w = Work::new(vec![Block::new(
            "a reticle. [30]Rubin Ultra, and its [34]3.5D platform",
            BlockKind::Line,
        )]);
        CitationFilter.run(&mut w);
        assert_eq!(
            w.blocks[0].text,
            "a reticle. Rubin Ultra, and its 3.5D platform"
        );
    }

    #[test]
    fn a_text_browsers_link_list_is_a_references_section() {
        let body = "Body text that runs long enough to be the article. ".repeat(6);
        let mut blocks = vec![Block::new(body.as_str(), BlockKind::Line)];
        for t in [
            "References",
            "Visible links:",
            "1. https://example.com/feed/",
            "2. https://example.com/news/",
            "Hidden links:",
            "3. https://example.com/a/",
        ] {
            blocks.push(Block::new(t, BlockKind::Line));
        }
        let mut w = Work::new(blocks);
        CitationFilter.run(&mut w);
        let alive: Vec<&str> = w.alive().iter().map(|&i| &*w.blocks[i].text).collect();
        assert_eq!(alive, vec![body.as_str()]);
    }

    #[test]
    fn drops_a_trailing_references_section() {
        let body = "The packaging line will double its output next year, the company said, and most of it is already booked by two customers.";
        let mut blocks: Vec<Block> = (0..4).map(|_| Block::new(body, BlockKind::Para)).collect();
        for t in [
            "References",
            "^ Example Lab, memory outlook 2026 https://example.org/outlook",
            "[2] A survey of chip packaging, 2025",
        ] {
            blocks.push(Block::new(t, BlockKind::Para));
        }
        let mut w = Work::new(blocks);
        CitationFilter.run(&mut w);
        let alive: Vec<&str> = w.alive().iter().map(|&i| &*w.blocks[i].text).collect();
        assert_eq!(alive, vec![body; 4]);
        // A `Notes` subhead followed by prose is the article's.
        let mut w = Work::new(vec![
            Block::new(body, BlockKind::Para),
            Block::new(body, BlockKind::Para),
            Block::new("Notes", BlockKind::Heading),
            Block::new(body, BlockKind::Para),
        ]);
        CitationFilter.run(&mut w);
        assert_eq!(w.alive().len(), 4);
        // A long list outweighing what follows it starts before the last
        // 40% of the page.
        let mut blocks: Vec<Block> = (0..3).map(|_| Block::new(body, BlockKind::Para)).collect();
        blocks.push(Block::new("Notes", BlockKind::Heading));
        blocks.push(Block::new(
            "^ Earlier parts ran the format at half the rate.",
            BlockKind::ListItem,
        ));
        blocks.push(Block::new("References[edit]", BlockKind::Heading));
        for _ in 0..4 {
            blocks.push(Block::new(
                "^ Roe, Jane (9 April 2025). \"A new accelerator for inference\". Example Blog. Retrieved 10 April 2025.",
                BlockKind::ListItem,
            ));
        }
        blocks.push(Block::new("External links", BlockKind::Heading));
        let mut w = Work::new(blocks);
        CitationFilter.run(&mut w);
        // the back matter's heading left last goes too
        assert_eq!(w.alive(), vec![0, 1, 2]);
    }
}
