//! Scales written after a number: 万/亿/万亿 (and 萬/億 once folded), 兆
//! (Taiwan: 10^12), thousand/million/billion/trillion, and single-letter
//! K/M/B/T when no letter follows (`$1.5B`, `671B`).
//!
//! Owns: the scale table from `units.toml` and matching one scale at a
//! position. Must not know: numerals, units, qualifiers.

use super::lexicon::{first_of, match_at, CharIndex, Surface};
use crate::text::Doc;

pub(crate) struct Scales {
    /// (surface, multiplier, figures protocol only), longest surface first.
    items: Vec<(Surface, f64, bool)>,
    ix: CharIndex,
}

impl Scales {
    pub(crate) fn new(mut items: Vec<(Surface, f64, bool)>) -> Self {
        items.sort_by_key(|b| std::cmp::Reverse(b.0.len));
        let ix = CharIndex::new(items.iter().map(|s| s.0.chars.first().copied()));
        Scales { items, ix }
    }

    /// The scale at character `k` (no leading space is skipped):
    /// `(multiplier, end)`.
    pub(crate) fn at(&self, doc: &Doc, k: usize, bare: bool) -> Option<(f64, usize)> {
        first_of(self.ix.get(doc.char_at(k)), |i| {
            let (s, v, only) = &self.items[i];
            if *only && !bare {
                return None;
            }
            match_at(doc, k, s).map(|e| (*v, e))
        })
    }
}
