//! Text -> tokens.
//!
//! Owns: word segmentation of Chinese (jieba-rs with the domain vocabulary),
//! Traditional Chinese via conversion to Simplified (same byte offsets, so
//! tokens point into the original text), and keeping Latin words, model
//! numbers and decimals whole.
//! Must not know: where the vocabulary comes from (it is handed a list of
//! words), cleaning, extraction or storage.
//!
//! How a text is cut:
//! 1. `script` converts it to Simplified, character for character with
//!    `fast2s`'s mapping; every character keeps its UTF-8 length, so byte
//!    offsets are the same in both texts;
//! 2. `runs` splits it into Han runs and tokens for everything else
//!    (Latin words, model numbers, numbers, punctuation, space, other);
//! 3. each Han run, in its Simplified form, is cut by jieba (`dict`), with
//!    its HMM on only when the text is Traditional;
//! 4. vocabulary entries that span several tokens (`昇腾910B`) are joined
//!    when they start and end on token boundaries (`海光` never fires inside
//!    `上海光明`).
//!
//! Decisions, measured with `shared/eval/eval_cws.py` on the SIGHAN 2005
//! test sets (F1 now: MSR 0.835, CITYU 0.832; plain jieba: 0.813, 0.742):
//! - only Han runs go to jieba: digits, Latin and punctuation follow the
//!   rules in `runs`, the same in both scripts, and full-width forms are
//!   treated like their ASCII twins;
//! - a number is not joined with a following Han unit (`7 月`, `3298.82 亿元`):
//!   corpora disagree on it, and the extractor reads units itself;
//! - a Chinese numeral and its classifier are two tokens (`一 个`), like
//!   `5 张` (`numeral`); the PKU, Sinica and CityU standards split them
//!   (MSR does not: -0.5 F1 there, +0.7 on CITYU);
//! - a percent sign belongs to its number (`58%`), a run of the same
//!   punctuation mark is one token (`……`, `——`);
//! - jieba's HMM is on for Traditional text only (one Han character in
//!   twenty or more converted): it gains 1.3 F1 points on Traditional text
//!   (more words outside jieba's mainland dictionary) and loses 1.2 on
//!   Simplified, where it joins too much.

mod dict;
mod numeral;
mod runs;
mod script;

use std::borrow::Cow;

use model::{Token, TokenKind};

use crate::dict::Dictionary;
use crate::runs::{Piece, Pieces};
use crate::script::{Conversion, Converter};

/// A segmenter with its dictionary loaded. Build once, reuse; it is `Sync`.
pub struct Segmenter {
    dict: Dictionary,
    converter: Converter,
}

impl Segmenter {
    /// Loads the default dictionary plus `vocabulary` (one entry per word,
    /// in either script). Each entry without inner white space comes out as
    /// one token wherever the surrounding cut allows it.
    pub fn new<'a>(vocabulary: impl IntoIterator<Item = &'a str>) -> Self {
        // The conversion table is read out of fast2s while jieba loads.
        std::thread::scope(|scope| {
            let converter = std::thread::Builder::new()
                .name("t2s-table".into())
                .spawn_scoped(scope, Converter::new);
            let dict = Dictionary::load(vocabulary);
            // Without a thread (or if it died), build the table here.
            let converter = converter
                .ok()
                .and_then(|handle| handle.join().ok())
                .unwrap_or_else(Converter::new);
            Segmenter { dict, converter }
        })
    }

    /// Tokens of `text`, covering it completely and in order (byte offsets).
    pub fn tokens(&self, text: &str) -> Vec<Token> {
        // Han starts at U+3400 (E3 90 80); below that nothing converts.
        let (simplified, conversion): (Cow<'_, str>, _) = if text.bytes().any(|b| b >= 0xE3) {
            let mut out = String::new();
            let conversion = self.converter.convert(text, 0, text, &mut out);
            (Cow::Owned(out), conversion)
        } else {
            (Cow::Borrowed(text), Conversion::default())
        };
        // jieba's dictionary and HMM come from mainland Simplified text.
        // Converted Traditional text (Hong Kong, Taiwan) has more names and
        // terms outside that dictionary, and the HMM finds them; on
        // Simplified text it joins more than it should.
        let hmm = conversion.is_traditional();
        // The conversion keeps every character's byte length; should that
        // ever fail, segment the original text rather than misplace offsets.
        let simplified: &str = if simplified.len() == text.len() {
            &simplified
        } else {
            text
        };
        let mut tokens = Vec::with_capacity(text.len() / 3 + 1);
        for piece in Pieces::new(text) {
            match piece {
                Piece::Token(token) => tokens.push(token),
                Piece::Han(start, end) => self.cut_han(simplified, start, end, hmm, &mut tokens),
            }
        }
        self.join_vocabulary(simplified, tokens)
    }

    /// The `segment` command's line format: tokens that are not white space,
    /// separated by single spaces.
    pub fn segment_line(&self, line: &str) -> String {
        let mut out = String::with_capacity(line.len() + line.len() / 3);
        for token in self.tokens(line) {
            if token.kind == TokenKind::Space {
                continue;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&line[token.start..token.end]);
        }
        out
    }

    /// Cuts the Han run `start..end` with jieba, on its Simplified form
    /// (same offsets as the original), and pushes its words.
    fn cut_han(
        &self,
        simplified: &str,
        start: usize,
        end: usize,
        hmm: bool,
        tokens: &mut Vec<Token>,
    ) {
        let han = |start, end| Token {
            start,
            end,
            kind: TokenKind::Han,
        };
        let Some(run) = simplified.get(start..end) else {
            tokens.push(han(start, end));
            return;
        };
        let mut last = start;
        for word in self.dict.jieba.cut(run, hmm) {
            if let Some(split) = numeral::split_point(word.word) {
                let numeral_end = start + word.byte_start + split;
                if numeral_end > last && simplified.is_char_boundary(numeral_end) {
                    tokens.push(han(last, numeral_end));
                    last = numeral_end;
                }
            }
            let word_end = start + word.byte_end;
            if word_end > last && simplified.is_char_boundary(word_end) {
                tokens.push(han(last, word_end));
                last = word_end;
            }
        }
        if last < end {
            tokens.push(han(last, end));
        }
    }

    /// Joins runs of whole tokens that together spell a vocabulary entry.
    fn join_vocabulary(&self, simplified: &str, tokens: Vec<Token>) -> Vec<Token> {
        let Some(matcher) = &self.dict.matcher else {
            return tokens;
        };
        let mut out = Vec::with_capacity(tokens.len());
        let mut next = 0;
        for m in matcher.find_iter(simplified) {
            let (start, end) = (m.start(), m.end());
            let Ok(first) = tokens.binary_search_by_key(&start, |t| t.start) else {
                continue;
            };
            let Ok(last) = tokens.binary_search_by_key(&end, |t| t.end) else {
                continue;
            };
            if first < next || last <= first {
                continue;
            }
            out.extend_from_slice(&tokens[next..first]);
            let han = tokens[first..=last]
                .iter()
                .any(|t| t.kind == TokenKind::Han);
            out.push(Token {
                start,
                end,
                kind: if han {
                    TokenKind::Han
                } else {
                    TokenKind::Latin
                },
            });
            next = last + 1;
        }
        out.extend_from_slice(&tokens[next..]);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(seg: &Segmenter, text: &str) -> Vec<String> {
        seg.segment_line(text)
            .split(' ')
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn traditional_tokens_come_out_in_the_original_script() {
        let seg = Segmenter::new(["英偉達"]);
        let got = words(&seg, "英偉達發佈了新一代晶片");
        assert_eq!(got[0], "英偉達");
        assert!(
            got.contains(&"發佈".to_owned()) || got.contains(&"發佈了".to_owned()),
            "{got:?}"
        );
    }

    #[test]
    fn vocabulary_comes_out_whole_in_both_scripts() {
        let seg = Segmenter::new(["壁仞科技", "摩尔线程", "昇腾910B"]);
        for text in [
            "壁仞科技和摩尔线程推出昇腾910B",
            "壁仞科技和摩爾線程推出昇騰910B",
        ] {
            let got = words(&seg, text);
            assert_eq!(got.len(), 5, "{got:?}");
            assert_eq!(got[4].chars().count(), 6);
            assert_eq!(got[0], "壁仞科技");
        }
    }

    #[test]
    fn mixed_script_sentence() {
        let seg = Segmenter::new([]);
        let got = seg.segment_line(
            "华为Ascend 910D和英伟达H100的HBM3E带宽提升58%，股价3298.82元，出货18,000张。",
        );
        for w in [
            "Ascend", "910D", "H100", "HBM3E", "58%", "3298.82", "18,000",
        ] {
            assert!(got.split(' ').any(|t| t == w), "{w} missing in {got}");
        }
        assert!(!got.contains("  "));
    }

    #[test]
    fn kinds_are_reported() {
        let seg = Segmenter::new([]);
        let text = "GPT-4o 提升 58%。";
        let kinds: Vec<_> = seg.tokens(text).iter().map(|t| t.kind).collect();
        use TokenKind::*;
        assert_eq!(kinds, [Latin, Space, Han, Space, Number, Punct]);
    }

    #[test]
    fn segmenter_is_shareable_across_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Segmenter>();
    }

    #[test]
    fn numerals_and_classifiers_are_split_in_both_scripts() {
        let seg = Segmenter::new([]);
        assert_eq!(seg.segment_line("他买了一个芯片"), "他 买 了 一 个 芯片");
        assert_eq!(seg.segment_line("他買了一個晶片"), "他 買 了 一 個 晶片");
        assert!(seg.segment_line("大家一起努力").contains("一起"));
    }

    #[test]
    fn empty_and_blank_lines() {
        let seg = Segmenter::new([]);
        assert!(seg.tokens("").is_empty());
        assert_eq!(seg.segment_line(""), "");
        assert_eq!(seg.segment_line(" \t　 "), "");
    }

    #[test]
    fn vocabulary_does_not_join_across_a_word() {
        let seg = Segmenter::new(["海光"]);
        let got = words(&seg, "他在上海光明路");
        assert!(!got.contains(&"海光".to_owned()), "{got:?}");
    }
}
