//! Tokens and offset conversion.

use serde::{Deserialize, Serialize};

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// Han characters (a Chinese word).
    Han,
    /// Latin letters, possibly with digits (`H100`, `MI300X`, `GPT-4o`).
    Latin,
    /// A number, possibly with a decimal point, separators or a percent sign.
    Number,
    /// Punctuation and symbols.
    Punct,
    /// White space.
    Space,
    /// Anything else (emoji, other scripts).
    Other,
}

/// A token: a byte range into the clean text and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    pub kind: TokenKind,
}

/// Converts byte offsets of one text into character offsets, in O(log n)
/// per lookup after an O(n) build.
pub struct ByteToChar {
    /// Byte offsets of every char boundary, plus the text length.
    boundaries: Vec<usize>,
}

impl ByteToChar {
    pub fn new(text: &str) -> Self {
        let mut boundaries: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        boundaries.push(text.len());
        ByteToChar { boundaries }
    }

    /// The character index of a byte offset. Offsets inside a character
    /// round down to that character.
    pub fn char_at(&self, byte: usize) -> usize {
        match self.boundaries.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }
}

/// Character offsets `(start, end)` of a byte range of `text`.
pub fn char_offsets(text: &str, start: usize, end: usize) -> (usize, usize) {
    let s = text.get(..start).map_or(0, |p| p.chars().count());
    let e = s + text.get(start..end).map_or(0, |p| p.chars().count());
    (s, e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_to_char_counts_multibyte_characters() {
        let text = "英伟达 H100";
        let map = ByteToChar::new(text);
        assert_eq!(map.char_at(0), 0);
        assert_eq!(map.char_at(3), 1);
        assert_eq!(map.char_at(10), 4);
        assert_eq!(map.char_at(text.len()), 8);
        assert_eq!(char_offsets(text, 10, 14), (4, 8));
    }
}
