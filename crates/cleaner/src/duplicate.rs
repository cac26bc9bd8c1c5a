//! Repeated lines: a title printed again between sections, an abstract that
//! is a truncated copy of the first paragraph.
//!
//! Owns: keeping the first copy of every line of six or more characters and
//! dropping exact repeats (compared without white space); dropping a line
//! that is a strict prefix of one of the next few lines (a truncated
//! abstract or teaser, the full paragraph wins); setting repeated HTML
//! paragraphs aside before the chain runs, so each text is judged once and
//! every copy shares its first copy's fate.
//! Must not know: what the title is (the first copy is kept whatever it is)
//! or any site's layout.

use crate::doc::{BlockKind, Detector, Work};
use model::DropReason;
use rustc_hash::FxHashMap as HashMap;
use rustc_hash::FxHasher;
use std::collections::hash_map::Entry;
use std::hash::Hasher;

pub struct DuplicateFilter;

/// A line compared without white space: its characters, lazily.
fn key(s: &str) -> impl Iterator<Item = char> + Clone + '_ {
    s.chars().filter(|c| !c.is_whitespace())
}

/// Hash and char count of a line's key (no copy of the line is made, so a
/// page of a million lines costs a few bytes per line here).
fn fingerprint(s: &str) -> (u64, usize) {
    // The key's bytes are the words' bytes back to back; the hasher is fed
    // them one byte at a time, so how the line was split into words does
    // not change the hash (FxHasher's `write` hashes in chunks).
    let mut h = FxHasher::default();
    let mut n = 0;
    for word in s.split_whitespace() {
        for &b in word.as_bytes() {
            h.write_u8(b);
        }
        n += word.chars().count();
    }
    (h.finish(), n)
}

/// True when `long`'s key is longer than `short`'s and starts with it.
fn key_extends(long: &str, short: &str) -> bool {
    let mut l = key(long);
    for c in key(short) {
        if l.next() != Some(c) {
            return false;
        }
    }
    l.next().is_some()
}

/// Paragraphs set aside before the detector chain because an earlier block
/// holds exactly the same text (the later copies' indices).
pub struct Deferred(Vec<usize>);

/// Shortest paragraph (in chars, white space aside) that is set aside when
/// it repeats: long enough that a repeat is a copy, not a stock phrase.
const DEFER_MIN_CHARS: usize = 20;

/// Sets aside every HTML paragraph that repeats an earlier paragraph word
/// for word, so the chain judges each text once. A page whose paragraphs
/// repeat (comment threads, pages that print the story twice, teaser
/// boxes) then costs the chain what its distinct text costs.
pub fn defer_repeats(work: &mut Work<'_>) -> Deferred {
    let paragraphs = work
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.alive && b.kind == BlockKind::Para)
        .map(|(i, b)| (i, fingerprint(&b.text)));
    let later = exact_repeats(work, paragraphs, DEFER_MIN_CHARS);
    for &i in &later {
        work.blocks[i].alive = false;
    }
    Deferred(later)
}

/// The later copies among `prints` (block index, [`fingerprint`]) of at
/// least `min_chars` chars (indices only: a page of a million repeated
/// lines keeps 8 bytes per copy here). A hash collision is settled by
/// comparing the keys themselves.
fn exact_repeats(
    work: &Work<'_>,
    prints: impl Iterator<Item = (usize, (u64, usize))>,
    min_chars: usize,
) -> Vec<usize> {
    let mut first: HashMap<u64, usize> = HashMap::default();
    let mut later = Vec::new();
    for (i, (hash, chars)) in prints {
        if chars < min_chars {
            continue;
        }
        match first.entry(hash) {
            Entry::Vacant(e) => {
                e.insert(i);
            }
            Entry::Occupied(e) => {
                let j = *e.get();
                let (a, b) = (&work.blocks[j].text, &work.blocks[i].text);
                // Most copies are byte for byte the same: compare them whole
                // before char by char without white space.
                if a == b || key(a).eq(key(b)) {
                    later.push(i);
                }
            }
        }
    }
    later
}

/// Records the copies set aside by [`defer_repeats`] as duplicates, after
/// the chain: a copy of a kept paragraph repeats it, and a copy of a
/// dropped one is noise for the same reason its first copy was.
pub fn settle_repeats(work: &mut Work<'_>, deferred: Deferred) {
    for i in deferred.0 {
        let text = std::mem::take(&mut work.blocks[i].text);
        work.record(DropReason::DuplicateLine, &text);
        work.blocks[i].text = text;
    }
}

impl Detector for DuplicateFilter {
    fn name(&self) -> &'static str {
        "duplicate"
    }

    fn run(&self, work: &mut Work<'_>) {
        let alive = work.alive();
        let prints: Vec<(u64, usize)> = alive
            .iter()
            .map(|&i| fingerprint(&work.blocks[i].text))
            .collect();
        let repeats = exact_repeats(work, alive.iter().copied().zip(prints.iter().copied()), 6);
        for i in repeats {
            work.drop_block(i, DropReason::DuplicateLine);
        }
        // Truncated copies: a line that the next lines start with.
        for (k, &i) in alive.iter().enumerate() {
            if !work.blocks[i].alive || prints[k].1 < 20 {
                continue;
            }
            let truncated = alive
                .iter()
                .skip(k + 1)
                .take(3)
                .any(|&j| key_extends(&work.blocks[j].text, &work.blocks[i].text));
            if truncated {
                work.drop_block(i, DropReason::DuplicateLine);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Block, BlockKind};

    fn work<'a>(lines: &[&'a str]) -> Work<'a> {
        Work::new(
            lines
                .iter()
                .map(|l| Block::new(l.to_string(), BlockKind::Line))
                .collect(),
        )
    }

    #[test]
    fn only_repeated_html_paragraphs_are_set_aside() {
        let long = "A paragraph long enough to be a copy when repeated.";
        let mut w = Work::new(vec![
            Block::new(long, BlockKind::Para),
            Block::new("Short one", BlockKind::Para),
            Block::new("Short one", BlockKind::Para),
            Block::new(long, BlockKind::Line),
            Block::new(
                " A paragraph long enough to be a copy  when repeated.",
                BlockKind::Para,
            ),
        ]);
        let deferred = defer_repeats(&mut w);
        let alive: Vec<bool> = w.blocks.iter().map(|b| b.alive).collect();
        assert_eq!(alive, vec![true, true, true, true, false]);
        assert!(w.dropped.is_empty());
        settle_repeats(&mut w, deferred);
        assert_eq!(w.dropped.len(), 1);
        assert_eq!(w.dropped[0].reason, DropReason::DuplicateLine);
    }

    #[test]
    fn fingerprint_ignores_where_the_spaces_were() {
        assert_eq!(
            fingerprint("英伟达 H100 芯片"),
            fingerprint("英伟达H100芯片")
        );
        assert_eq!(fingerprint("ab c"), fingerprint("a bc"));
        assert_ne!(fingerprint("ab c").0, fingerprint("ab d").0);
        assert_eq!(fingerprint(" a\u{3000}b ").1, 2);
    }

    #[test]
    fn keeps_first_copy() {
        let mut w = work(&[
            "A long title line",
            "body one.",
            "A long title line",
            "body two.",
        ]);
        DuplicateFilter.run(&mut w);
        let alive: Vec<_> = w
            .blocks
            .iter()
            .filter(|b| b.alive)
            .map(|b| &*b.text)
            .collect();
        assert_eq!(alive, vec!["A long title line", "body one.", "body two."]);
    }

    #[test]
    fn drops_truncated_abstract() {
        let mut w = work(&[
            "今年以來,數十家本土晶片新創接連發表產品,主要鎖定",
            "今年以來,數十家本土晶片新創接連發表產品,主要鎖定推論市場。",
        ]);
        DuplicateFilter.run(&mut w);
        assert!(!w.blocks[0].alive);
        assert!(w.blocks[1].alive);
    }
}
