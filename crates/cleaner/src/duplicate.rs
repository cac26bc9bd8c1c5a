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
use crate::script::char_len;
use model::DropReason;
use std::collections::HashSet;

pub struct DuplicateFilter;

fn key(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

impl Detector for DuplicateFilter {
    fn name(&self) -> &'static str {
        "duplicate"
    }

    fn run(&self, work: &mut Work) {
        let alive = work.alive();
        let keys: Vec<String> = alive.iter().map(|&i| key(&work.blocks[i].text)).collect();
        let mut seen = HashSet::new();
        for (k, &i) in alive.iter().enumerate() {
            if char_len(&keys[k]) < 6 {
                continue;
            }
            if !seen.insert(keys[k].as_str()) {
                work.drop_block(i, DropReason::DuplicateLine);
            }
        }
        // Truncated copies: a line that the next lines start with.
        for (k, &i) in alive.iter().enumerate() {
            if !work.blocks[i].alive || char_len(&keys[k]) < 20 {
                continue;
            }
            let later = keys.iter().skip(k + 1).take(3);
            if later
                .into_iter()
                .any(|l| l.len() > keys[k].len() && l.starts_with(keys[k].as_str()))
            {
                work.drop_block(i, DropReason::DuplicateLine);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Block, BlockKind};

    fn work(lines: &[&str]) -> Work {
        Work::new(
            lines
                .iter()
                .map(|l| Block::new(l.to_string(), BlockKind::Line))
                .collect(),
        )
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
            .map(|b| b.text.as_str())
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
