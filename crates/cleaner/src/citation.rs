//! Citation and footnote markers: `[1]`, `[2][3]`, `[4, 5]`, `[6–8]`,
//! `[citation needed]`, `[edit]`.
//!
//! Owns: removing the markers from running text, with the space before them.
//! Must not know: references sections or any other structure.

use crate::doc::{Detector, Work};
use model::DropReason;
use regex::Regex;
use std::sync::OnceLock;

fn marker_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)\s?(?:\[(?:\d{1,3}(?:\s*[,–\-]\s*\d{1,3})*|citation needed|edit|note \d+)\])+",
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
        for i in work.alive() {
            let ranges: Vec<_> = marker_re()
                .find_iter(&work.blocks[i].text)
                .map(|m| m.range())
                .collect();
            work.remove_ranges(i, ranges, DropReason::Citation);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Block, BlockKind};

    #[test]
    fn removes_markers() {
        let mut w = Work::new(vec![Block::new(
            "hard technology\" [1][2] - The rapid [3, 4] end [5]",
            BlockKind::Line,
        )]);
        CitationFilter.run(&mut w);
        assert_eq!(w.blocks[0].text, "hard technology\" - The rapid end");
        assert_eq!(w.dropped.len(), 3);
    }
}
