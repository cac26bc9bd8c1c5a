//! Sentences: splits a text into sentence spans (character offsets) on
//! `。！？!?；;`, line breaks, and `. ` in English (not after common
//! abbreviations such as `No.`, `Mr.`, `U.S.`, `e.g.` or single initials),
//! and clause spans inside them (also `，,：:、` except a comma inside a number).
//!
//! Owns: the spans and the lookup "which sentence holds character i".
//! Must not know: facts.

use crate::text::Doc;

/// Longest sentence text copied into a fact; longer sentences (a 10 MB line
/// without punctuation) are cut to a window around the fact.
pub(crate) const MAX_SENTENCE_CHARS: usize = 600;

const ABBREVIATIONS: &[&str] = &[
    "No", "no", "Mr", "Mrs", "Ms", "Dr", "Prof", "vs", "etc", "e.g", "i.e", "Inc", "Corp", "Co",
    "Ltd", "St", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
    "Dec", "U.S", "U.K", "approx", "est", "Fig", "Vol", "Jr", "Sr",
];

pub(crate) struct Sentences {
    /// Sentence spans, in order, covering the text.
    spans: Vec<(usize, usize)>,
    /// Clause boundaries (sorted character indices).
    clause_breaks: Vec<usize>,
}

impl Sentences {
    pub(crate) fn new(doc: &Doc) -> Self {
        let n = doc.len();
        let c = &doc.chars;
        let mut spans = Vec::new();
        let mut clause_breaks = Vec::new();
        let mut start = 0;
        for i in 0..n {
            let ch = c[i];
            let end_here = match ch {
                '。' | '!' | '?' | ';' | '\n' | '\r' | '…' => true,
                '.' => {
                    let next_space = matches!(c.get(i + 1), Some(' ' | '\n'));
                    next_space && !is_abbreviation(c, i)
                }
                _ => false,
            };
            if end_here {
                spans.push((start, i + 1));
                start = i + 1;
                clause_breaks.push(i + 1);
            } else if matches!(ch, ',' | ':' | '、' | '(' | ')') {
                let in_number = ch == ','
                    && i > 0
                    && c[i - 1].is_ascii_digit()
                    && c.get(i + 1).is_some_and(|d| d.is_ascii_digit());
                if !in_number {
                    clause_breaks.push(i + 1);
                }
            }
        }
        if start < n || spans.is_empty() {
            spans.push((start, n));
        }
        Sentences {
            spans,
            clause_breaks,
        }
    }

    /// The sentence span holding character `i`.
    pub(crate) fn span_of(&self, i: usize) -> (usize, usize) {
        let idx = self.spans.partition_point(|s| s.1 <= i);
        self.spans
            .get(idx)
            .or(self.spans.last())
            .copied()
            .unwrap_or((0, 0))
    }

    /// The clause span (within its sentence) holding character `i`.
    pub(crate) fn clause_of(&self, i: usize) -> (usize, usize) {
        let (ss, se) = self.span_of(i);
        let idx = self.clause_breaks.partition_point(|&b| b <= i);
        let cs = if idx > 0 {
            self.clause_breaks[idx - 1].max(ss)
        } else {
            ss
        };
        let ce = self.clause_breaks.get(idx).map_or(se, |&b| b.min(se));
        (cs, ce)
    }

    /// The sentence text around the fact `[s, e)`, trimmed, at most
    /// [`MAX_SENTENCE_CHARS`] characters.
    pub(crate) fn text(&self, doc: &Doc, s: usize, e: usize) -> String {
        let (mut a, mut b) = self.span_of(s);
        b = b.max(e.min(doc.len()));
        if b - a > MAX_SENTENCE_CHARS {
            let half = MAX_SENTENCE_CHARS / 2;
            a = a.max(s.saturating_sub(half));
            b = b.min(e + half).max(e);
        }
        doc.surface(a, b).trim().to_string()
    }
}

fn is_abbreviation(c: &[char], dot: usize) -> bool {
    let mut s = dot;
    while s > 0 && (c[s - 1].is_ascii_alphabetic() || c[s - 1] == '.') {
        s -= 1;
    }
    let word: String = c[s..dot].iter().collect();
    if word.len() == 1 && word.chars().all(|ch| ch.is_ascii_uppercase()) {
        return true; // an initial: J. Smith
    }
    ABBREVIATIONS.contains(&word.as_str())
}
