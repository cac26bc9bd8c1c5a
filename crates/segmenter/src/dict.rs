//! The dictionary: jieba's default one plus the caller's domain vocabulary.
//!
//! Owns: loading jieba with its default dictionary, adding each vocabulary
//! entry (in Simplified form, which is what jieba sees), and the matcher
//! that finds vocabulary entries spanning several tokens (`昇腾910B`) so
//! they can be joined.
//! Must not know: where the vocabulary comes from (config files,
//! gazetteers), how text is split into runs, or token offsets.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use jieba_rs::Jieba;

use crate::runs::is_han;

/// jieba with the vocabulary added, and a matcher over the vocabulary.
pub(crate) struct Dictionary {
    pub(crate) jieba: Jieba,
    /// Finds vocabulary entries in Simplified text (ASCII case ignored);
    /// `None` without vocabulary.
    pub(crate) matcher: Option<AhoCorasick>,
}

impl Dictionary {
    pub(crate) fn load<'a>(vocabulary: impl IntoIterator<Item = &'a str>) -> Self {
        let mut jieba = Jieba::new();
        let mut patterns: Vec<String> = Vec::new();
        for entry in vocabulary {
            let entry = entry.trim();
            // Entries with inner white space (`Ascend 910D`) are several
            // tokens by design; their parts are handled like any other word.
            if entry.is_empty() || entry.chars().any(char::is_whitespace) {
                continue;
            }
            let simplified = fast2s::convert(entry);
            for run in han_runs(&simplified) {
                if !jieba.has_word(run) {
                    let freq = jieba.suggest_freq(run);
                    jieba.add_word(run, Some(freq), None);
                }
            }
            patterns.push(simplified);
        }
        patterns.sort();
        patterns.dedup();
        let matcher = if patterns.is_empty() {
            None
        } else {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .ascii_case_insensitive(true)
                // A full DFA: a few hundred names build in milliseconds and
                // it scans several times faster than the default NFA.
                .kind(Some(AhoCorasickKind::DFA))
                .build(&patterns)
                .ok()
        };
        Dictionary { jieba, matcher }
    }
}

/// The maximal runs of Han characters in `s`.
fn han_runs(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !is_han(c as u32))
        .filter(|r| !r.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabulary_is_added_in_simplified_form() {
        let dict = Dictionary::load(["壁仞科技", "燧原", "昇騰910B", "Ascend 910D", ""]);
        assert!(dict.jieba.has_word("壁仞科技"));
        // fast2s folds 昇 into 升, so jieba sees and learns the folded form.
        assert!(dict.jieba.has_word("升腾"));
        let matcher = dict.matcher.as_ref().map(|m| m.patterns_len());
        assert_eq!(matcher, Some(3));
    }

    #[test]
    fn no_vocabulary_no_matcher() {
        assert!(Dictionary::load([]).matcher.is_none());
    }
}
