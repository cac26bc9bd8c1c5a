//! Repeated lines: a title printed again between sections, an abstract that
//! is a truncated copy of the first paragraph.
//!
//! Owns: keeping the first copy of every line of six or more characters and
//! dropping exact repeats (compared without white space); dropping a line
//! that is a strict prefix of one of the next few lines (a truncated
//! abstract or teaser, the full paragraph wins).
//! Must not know: what the title is (the first copy is kept whatever it is)
//! or any site's layout.

use crate::doc::{Detector, Work};
use model::DropReason;
use std::collections::hash_map::{DefaultHasher, Entry};
use std::collections::HashMap;
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
    // them word by word (a byte stream, so how they are split does not
    // matter).
    let mut h = DefaultHasher::new();
    let mut n = 0;
    for word in s.split_whitespace() {
        h.write(word.as_bytes());
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
        // First block seen with each fingerprint; a hash collision is
        // settled by comparing the keys themselves.
        let mut first: HashMap<u64, usize> = HashMap::new();
        for (k, &i) in alive.iter().enumerate() {
            let (hash, chars) = prints[k];
            if chars < 6 {
                continue;
            }
            match first.entry(hash) {
                Entry::Vacant(e) => {
                    e.insert(i);
                }
                Entry::Occupied(e) => {
                    let j = *e.get();
                    if key(&work.blocks[j].text).eq(key(&work.blocks[i].text)) {
                        work.drop_block(i, DropReason::DuplicateLine);
                    }
                }
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
            "2023年以來,上百家國產大模型爭相涌現,廣泛應用于",
            "2023年以來,上百家國產大模型爭相涌現,廣泛應用于云計算。",
        ]);
        DuplicateFilter.run(&mut w);
        assert!(!w.blocks[0].alive);
        assert!(w.blocks[1].alive);
    }
}
