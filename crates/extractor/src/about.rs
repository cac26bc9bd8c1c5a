//! `about` attribution: which company or chip a figure measures.
//!
//! Rule: the nearest entity mention that ends before the figure in the same
//! clause; else the nearest one before it in the same sentence; else the
//! first one after it in the same clause (`营收为411亿美元的英伟达` is rare,
//! `市值...英伟达` is not); else none. A chip is reported by its canonical
//! name (`NVIDIA H100`), a company by its canonical name.
//! Must not know: how mentions or figures were found.

use crate::sentence::Sentences;

/// An entity mention for attribution (character offsets).
#[derive(Debug, Clone)]
pub(crate) struct Anchor {
    pub start: usize,
    pub end: usize,
    pub name: String,
}

/// `anchors` must be sorted by start.
pub(crate) fn about(
    anchors: &[Anchor],
    sentences: &Sentences,
    start: usize,
    end: usize,
) -> Option<String> {
    let (cs, ce) = sentences.clause_of(start);
    let (ss, _) = sentences.span_of(start);
    // anchors ending at or before the figure start
    let before = anchors.partition_point(|a| a.start < start);
    let mut best: Option<&Anchor> = None;
    for a in anchors[..before].iter().rev().take(64) {
        if a.end > start || a.start < ss {
            if a.start < ss {
                break;
            }
            continue;
        }
        if a.start >= cs {
            return Some(a.name.clone());
        }
        if best.is_none() {
            best = Some(a);
        }
    }
    if let Some(b) = best {
        return Some(b.name.clone());
    }
    anchors[before..]
        .iter()
        .take(16)
        .find(|a| a.start >= end && a.end <= ce)
        .map(|a| a.name.clone())
}
