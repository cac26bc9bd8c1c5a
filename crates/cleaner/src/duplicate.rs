//! Repeated lines: a title printed again between sections, an abstract that
//! is a truncated copy of the first paragraph.
//!
//! Owns: keeping the first copy of every line of six or more characters and
//! dropping exact repeats (compared without white space); dropping a line
//! that is a strict prefix of one of the next few lines (a truncated
//! abstract or teaser, the full paragraph wins); setting repeated HTML
//! paragraphs aside before the chain runs, so each text is judged once and
//! every copy shares its first copy's fate. Short lines that recur and
//! open paragraphs (a transcript's speaker labels) are not copies.
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
    let mut later = exact_repeats(work, paragraphs, DEFER_MIN_CHARS);
    if !later.is_empty() {
        let labels = speaker_labels(work, &work.alive());
        later.retain(|i| labels.binary_search(i).is_err());
    }
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

/// Short lines that recur, most copies opening a paragraph: the speaker
/// labels of a transcript or interview (`Operator`, `Jane Roe -- Chief
/// Executive Officer`). They are structure, not copies. A label needs
/// three copies that open a paragraph, or two on a page that already has
/// such a label (a title printed twice is still a copy).
fn speaker_labels(work: &Work<'_>, alive: &[usize]) -> Vec<usize> {
    // Per line: its copies, and how many of them open a paragraph.
    let mut groups: HashMap<&str, (Vec<usize>, usize)> = HashMap::default();
    for (k, &i) in alive.iter().enumerate() {
        let t = work.blocks[i].text.trim();
        let short = t.len() <= 400
            && crate::script::char_len(t) <= 100
            && !t.ends_with(crate::script::is_sentence_end)
            && !crate::script::has_inner_sentence_end(t);
        if !short {
            continue;
        }
        let opens_paragraph = alive.get(k + 1).is_some_and(|&j| {
            let next = work.blocks[j].text.trim_end();
            crate::chrome::is_body_paragraph(next) || next.ends_with(crate::script::is_sentence_end)
        });
        let g = groups.entry(t).or_default();
        g.0.push(i);
        g.1 += usize::from(opens_paragraph);
    }
    let transcript = groups.values().any(|g| g.1 >= 3);
    let mut labels: Vec<usize> = groups
        .into_values()
        .filter(|g| g.1 >= 3 || (transcript && g.1 >= 2))
        .flat_map(|g| g.0)
        .collect();
    labels.sort_unstable();
    labels
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
        let labels = speaker_labels(work, &alive);
        for i in repeats {
            if labels.binary_search(&i).is_err() {
                work.drop_block(i, DropReason::DuplicateLine);
            }
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
    fn transcript_speaker_labels_are_not_copies() {
        let a = "Thanks for the question. Demand for the accelerators is strong and we expect supply to improve through next year.";
        let b = "Our next question comes from an analyst at a brokerage.";
        let c =
            "Thank you. Could you talk about gross margins on the new rack systems as they ramp?";
        let lines = [
            "Headline printed twice",
            "Headline printed twice",
            a,
            "Operator",
            b,
            "Jane Roe -- Chief Executive Officer",
            a,
            "Operator",
            b,
            "Some Analyst -- Brokerage -- Analyst",
            c,
            "Jane Roe -- Chief Executive Officer",
            a,
            "Operator",
            b,
        ];
        let mut w = work(&lines);
        DuplicateFilter.run(&mut w);
        let dropped: Vec<usize> = (0..lines.len()).filter(|&i| !w.blocks[i].alive).collect();
        // The second headline and the repeated answers go; every label stays.
        assert_eq!(dropped, vec![1, 6, 8, 12, 14]);
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
