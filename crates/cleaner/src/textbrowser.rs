//! Pages saved by a text-mode browser (`lynx -dump`, `links -dump`).
//!
//! Such a browser numbers every link where it starts (`[12]Nvidia`), prints
//! form controls as `(BUTTON)`, `[_____]` or `[ ]`, images as `[IMG]`, the
//! page's `<link>` list as `#[1]Feed`, and lists every link target after
//! the page (`References`, `Visible links:`, `1. https://…`).
//!
//! Owns: telling such a dump by its link numbers; dropping the rows that
//! are only links (menus, share bars, tag rows, footer links, a byline's
//! link), rows of form controls, the `<link>` row and the link list; then
//! removing the numbers and image marks from the lines that stay, so the
//! later detectors read the words as a reader saw them.
//! Must not know: what the article says; HTML.

use crate::doc::{BlockKind, Detector, Work};
use model::DropReason;
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

/// A link number (`[12]`) or an image mark (`[IMG]`, `[INLINE]`).
fn mark_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"\[(?:[0-9]{1,4}|IMG|INLINE)\]").expect("static regex"))
}

/// A form control as a text browser prints it: a button, a text field
/// (underscores, maybe after its preset value), a check box or a radio.
fn control_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"\(BUTTON\)|\(submit\)|\[[^\[\]]{0,40}_{3,}\]|\[[ Xx]\]|\([ *]\)")
            .expect("static regex")
    })
}

/// One line of the link list after the page (`12. https://…`).
fn is_link_target(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^[0-9]{1,4}\.\s+(?:[a-z][a-z0-9+.-]{1,10}:)\S*$").expect("static regex")
    });
    re.is_match(text.trim())
}

pub struct TextBrowserDump;

impl Detector for TextBrowserDump {
    fn name(&self) -> &'static str {
        "text_browser"
    }

    fn run(&self, work: &mut Work<'_>) {
        if !is_text_browser_dump(work) {
            return;
        }
        link_list(work);
        for i in work.alive() {
            let b = &work.blocks[i];
            if b.protected {
                continue;
            }
            let t = b.text.trim();
            if t.starts_with("#[") || is_link_row(t) || is_control_row(t) {
                work.drop_block(i, DropReason::Chrome);
            }
        }
        for i in work.alive() {
            let ranges = mark_ranges(&work.blocks[i].text);
            work.remove_ranges(i, ranges, DropReason::Citation);
        }
    }
}

/// A dump of lines whose link numbers are printed glued to the link's first
/// word, a dozen or more of them, mostly rising down the page.
fn is_text_browser_dump(work: &Work<'_>) -> bool {
    if work.blocks.iter().any(|b| b.kind != BlockKind::Line) {
        return false;
    }
    let mut numbers = Vec::new();
    for b in &work.blocks {
        let t = &b.text;
        if !t.contains('[') {
            continue;
        }
        for m in mark_re().find_iter(t) {
            let glued = t[m.end()..]
                .chars()
                .next()
                .is_some_and(|c| !c.is_whitespace());
            if let Ok(n) = t[m.start() + 1..m.end() - 1].parse::<u32>() {
                if glued {
                    numbers.push(n);
                }
            }
        }
    }
    if numbers.len() < 12 {
        return false;
    }
    let rising = numbers.windows(2).filter(|w| w[1] > w[0]).count();
    rising * 5 >= (numbers.len() - 1) * 4
}

/// The link list after the page: its `References` header, its
/// `Visible links:`/`Hidden links:` labels and every `N. scheme:…` line.
fn link_list(work: &mut Work<'_>) {
    let alive = work.alive();
    let mut drop = Vec::new();
    for (k, &i) in alive.iter().enumerate() {
        let t = work.blocks[i].text.trim();
        let label =
            t.eq_ignore_ascii_case("visible links:") || t.eq_ignore_ascii_case("hidden links:");
        let next_is_list = alive.get(k + 1).is_some_and(|&j| {
            let n = work.blocks[j].text.trim();
            is_link_target(n) || n.eq_ignore_ascii_case("visible links:")
        });
        if label || is_link_target(t) || (t.eq_ignore_ascii_case("references") && next_is_list) {
            drop.push(i);
        }
    }
    work.drop_unprotected(drop, DropReason::Citation);
}

/// Words of `s`, not counting lone punctuation (`>`, `|`, `·`).
fn words(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// A row that is only links: every link's text is short (five words at
/// most) and at most a two-word label stands before the first
/// (`Share: [25]Facebook [26]X`, `[20]Home > [21]Data Centre`, `By
/// [23]Someone`). A single link needs the whole row to be short.
fn is_link_row(text: &str) -> bool {
    if text.len() > 400 || !text.contains('[') {
        return false;
    }
    let marks: Vec<_> = mark_re().find_iter(text).collect();
    let links = marks
        .iter()
        .filter(|m| m.as_str().as_bytes().get(1).is_some_and(u8::is_ascii_digit))
        .count();
    if marks.is_empty() {
        return false;
    }
    let lead = &text[..marks[0].start()];
    if words(lead) > 2 || crate::script::has_inner_sentence_end(text) {
        return false;
    }
    let mut total = words(lead);
    for (k, m) in marks.iter().enumerate() {
        let end = marks.get(k + 1).map_or(text.len(), |n| n.start());
        let n = words(&text[m.end()..end]);
        if n > 5 {
            return false;
        }
        total += n;
    }
    links >= 2 || total <= 6
}

/// A row of form controls with at most a few words between them (`(BUTTON)
/// Accept all (BUTTON) Reject all`, `Email address [_____]`, `[ ] I agree
/// to the [65]Terms`).
fn is_control_row(text: &str) -> bool {
    if text.len() > 400 || !control_re().is_match(text) {
        return false;
    }
    let mut total = 0;
    for part in control_re().split(text) {
        for piece in mark_re().split(part) {
            let n = words(piece);
            if n > 4 {
                return false;
            }
            total += n;
        }
    }
    total <= 16
}

/// Byte ranges of the link numbers and image marks in a line that stays.
/// A mark between a space and a word goes alone (`its [34]TSMC` -> `its
/// TSMC`); one before a space, punctuation or the end takes the space
/// before it too.
fn mark_ranges(text: &str) -> Vec<Range<usize>> {
    if !text.contains('[') {
        return Vec::new();
    }
    mark_re()
        .find_iter(text)
        .map(|m| {
            let next = text[m.end()..].chars().next();
            let word_after = next.is_some_and(|c| {
                c.is_alphanumeric() || matches!(c, '"' | '“' | '\'' | '‘' | '(' | '$' | '£' | '€')
            });
            let space_before = text[..m.start()].ends_with(' ');
            if !word_after && space_before {
                m.start() - 1..m.end()
            } else {
                m.range()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Block;

    fn dump(lines: &[&str]) -> Vec<String> {
        let blocks = lines
            .iter()
            .map(|l| Block::new(*l, BlockKind::Line))
            .collect();
        let mut w = Work::new(blocks);
        TextBrowserDump.run(&mut w);
        w.alive_texts()
    }

    fn page() -> Vec<&'static str> {
        vec![
            "#[1]Example News » Feed [2]Example News » Comments Feed",
            "[3]Skip to main content",
            "(BUTTON) Accept all (BUTTON) Reject all (BUTTON) Manage options",
            "[4][IMG] [5]Example News",
            "[6]News [7]Hardware [8]AI + ML [9]Data Centre",
            "[______________________________] (BUTTON) Search",
            "A chip maker brings its new racks online",
            "By [10]Some Writer",
            "Share: [11]Facebook [12]X [13]LinkedIn [14]Email",
            "[15][IMG]",
            "[16]The cloud has brought its first cluster of the new accelerators online, the first to put the [17]\"rack\" design in front of customers.",
            "Each rack packs 72 accelerators made on [18]the N2 process with 432GB of memory.",
            "Topics: [19]AMD [20]Cloud [21]GPUs",
            "Email address [______________________________]",
            "[ ] I agree to the [22]Terms and [23]Privacy Policy",
            "References",
            "Visible links:",
            "1. https://news.example/feed/",
            "2. https://news.example/comments/feed/",
            "Hidden links:",
            "3. https://news.example/pixel.gif?p=1",
        ]
    }

    #[test]
    fn a_lynx_dump_keeps_its_prose_without_link_numbers() {
        assert_eq!(
            dump(&page()),
            vec![
                "A chip maker brings its new racks online",
                "The cloud has brought its first cluster of the new accelerators online, the first to put the \"rack\" design in front of customers.",
                "Each rack packs 72 accelerators made on the N2 process with 432GB of memory.",
            ]
        );
    }

    #[test]
    fn a_page_without_link_numbers_is_left_alone() {
        let lines = [
            "Share: Facebook X LinkedIn",
            "Each rack packs 72 accelerators [1] made on the N2 process.",
            "References",
            "1. https://news.example/feed/",
        ];
        assert_eq!(dump(&lines).len(), 4);
    }

    #[test]
    fn link_rows_need_short_links() {
        assert!(is_link_row("[6]News [7]Hardware [8]AI + ML [9]Data Centre"));
        assert!(is_link_row(
            "[20]Home > [21]Data Centre > [22]Semiconductors"
        ));
        assert!(is_link_row("[24]57 comments"));
        assert!(!is_link_row(
            "[31]Oracle Cloud Infrastructure has brought its first production cluster online"
        ));
        assert!(!is_link_row(
            "Analysts said the [34]TSMC process and the [35]HBM4 stacks were both sold out through 2027."
        ));
        assert!(is_control_row(
            "(BUTTON) Accept all (BUTTON) Reject all (BUTTON) Manage options"
        ));
        assert!(is_control_row("[Edition: International_____]"));
        assert!(!is_control_row("The firm said [ ] markers in its filings were a typesetting error made in 2024 by a vendor."));
    }
}
