//! Script runs and the tokenisation of everything that is not Han.
//!
//! Owns: classifying characters (Han, Latin letter, digit, space,
//! punctuation, other), splitting a text into Han runs (handed back to the
//! caller) and tokens for the rest: Latin words and model numbers (`H100`,
//! `GPT-4o`), numbers with decimals, thousands separators and percent signs,
//! full-width forms, runs of white space, punctuation.
//! Must not know: how Han runs are segmented (jieba), script conversion, or
//! the domain vocabulary.

use model::{Token, TokenKind};

/// One piece of a text: a Han run still to be segmented, or a finished token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Piece {
    /// Byte range of a run of Han characters.
    Han(usize, usize),
    Token(Token),
}

/// What a single character is, for splitting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Han,
    /// ASCII or full-width digit.
    Digit,
    /// A Latin letter (ASCII, Latin-1/Extended, full-width).
    Latin,
    /// A letter or number of another script (Greek, Cyrillic, kana, ...).
    Letter,
    Space,
    Punct,
    /// A mark or joiner that belongs to the character before it.
    Extend,
    /// Emoji, control characters, unassigned and private-use code points.
    Other,
}

fn class(c: char) -> Class {
    let u = c as u32;
    if c.is_ascii() {
        return if c.is_ascii_digit() {
            Class::Digit
        } else if c.is_ascii_alphabetic() {
            Class::Latin
        } else if c.is_ascii_whitespace() || c == '\u{0B}' {
            Class::Space
        } else if c.is_ascii_punctuation() {
            Class::Punct
        } else {
            Class::Other
        };
    }
    if is_han(u) {
        return Class::Han;
    }
    match u {
        0xFF10..=0xFF19 => return Class::Digit,
        0xFF21..=0xFF3A | 0xFF41..=0xFF5A => return Class::Latin,
        0x0300..=0x036F
        | 0x1AB0..=0x1AFF
        | 0x1DC0..=0x1DFF
        | 0x20D0..=0x20FF
        | 0xFE00..=0xFE0F
        | 0xFE20..=0xFE2F
        | 0x200C..=0x200D
        | 0x1F3FB..=0x1F3FF
        | 0xE0020..=0xE007F
        | 0xE0100..=0xE01EF => return Class::Extend,
        _ => {}
    }
    if is_punct(u) {
        Class::Punct
    } else if c.is_whitespace() {
        Class::Space
    } else if c.is_alphabetic() || c.is_numeric() {
        if u < 0x0250 || (0x1E00..=0x1EFF).contains(&u) {
            Class::Latin
        } else {
            Class::Letter
        }
    } else {
        Class::Other
    }
}

/// Han ideographs: unified (with extensions A-H), compatibility, `〇`, and
/// `○` (U+25CB), which Chinese text uses as the numeral zero (`二○○三`).
pub(crate) fn is_han(u: u32) -> bool {
    matches!(u,
        0x3007
        | 0x25CB
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF
        | 0x20000..=0x2FA1F
        | 0x30000..=0x323AF)
}

/// Punctuation and symbols outside ASCII that read as punctuation: general
/// punctuation, CJK symbols, full-width forms, currency, arrows, math.
fn is_punct(u: u32) -> bool {
    matches!(u,
        0x00A1..=0x00BF
        | 0x00D7
        | 0x00F7
        | 0x2010..=0x2027
        | 0x2030..=0x205E
        | 0x20A0..=0x20CF
        | 0x2100..=0x214F
        | 0x2190..=0x23FF
        | 0x2460..=0x24FF
        | 0x2500..=0x25CA
        | 0x25CC..=0x25FF
        | 0x2E00..=0x2E7F
        | 0x3001..=0x3006
        | 0x3008..=0x303F
        | 0x30FB
        | 0xFE10..=0xFE1F
        | 0xFE30..=0xFE6F
        | 0xFF01..=0xFF0F
        | 0xFF1A..=0xFF20
        | 0xFF3B..=0xFF40
        | 0xFF5B..=0xFF65
        | 0xFFE0..=0xFFEE)
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn is_word_char(c: char) -> bool {
    matches!(class(c), Class::Digit | Class::Latin)
}

/// Splits a text into Han runs and finished tokens, in order, covering it.
pub(crate) struct Pieces<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Pieces<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Pieces { text, pos: 0 }
    }
}

impl Iterator for Pieces<'_> {
    type Item = Piece;

    fn next(&mut self) -> Option<Piece> {
        let rest = self.text.get(self.pos..)?;
        let first = rest.chars().next()?;
        let start = self.pos;
        let (len, kind) = match class(first) {
            Class::Han => {
                let len = span(rest, |c| matches!(class(c), Class::Han | Class::Extend));
                self.pos += len;
                return Some(Piece::Han(start, start + len));
            }
            Class::Digit | Class::Latin => word(rest),
            Class::Letter => (
                span(rest, |c| matches!(class(c), Class::Letter | Class::Extend)),
                TokenKind::Other,
            ),
            Class::Space => (span(rest, |c| class(c) == Class::Space), TokenKind::Space),
            Class::Punct => {
                // A run of the same mark (`……`, `——`, `!!!`) is one token.
                let len = span(rest, |c| c == first || class(c) == Class::Extend);
                (len, TokenKind::Punct)
            }
            Class::Extend | Class::Other => {
                (span(rest, |c| class(c) == Class::Extend), TokenKind::Other)
            }
        };
        self.pos += len;
        Some(Piece::Token(Token {
            start,
            end: start + len,
            kind,
        }))
    }
}

/// Byte length of the longest prefix of `s` whose characters satisfy `f`
/// (the first character is taken as given).
fn span(s: &str, f: impl Fn(char) -> bool) -> usize {
    let mut chars = s.char_indices();
    if chars.next().is_none() {
        return 0;
    }
    chars.find(|&(_, c)| !f(c)).map_or(s.len(), |(i, _)| i)
}

/// A Latin word, model number or number at the start of `s` (which begins
/// with a digit or Latin letter): its byte length and kind.
///
/// Letters and digits run together (`H100`, `910D`, `HBM3E`). Inside the
/// run, `.` between digits (`3298.82`, `1.5.2`), `,` before exactly three
/// digits after a digit (`18,000`), and `-` between alphanumerics once a
/// letter was seen (`GPT-4o`, `Wi-Fi`, but not `2020-2021`) are kept. A `%`
/// right after a digit ends the token (`58%`). Full-width forms count as
/// their ASCII counterparts.
fn word(s: &str) -> (usize, TokenKind) {
    let mut chars = s.char_indices().peekable();
    let mut prev: Option<char> = None;
    let mut letter = false;
    let mut end = 0;
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let take = match class(c) {
            Class::Latin => {
                letter = true;
                true
            }
            Class::Digit | Class::Extend => true,
            _ => match c {
                '.' | '．' => prev.is_some_and(is_digit) && next.is_some_and(is_digit),
                ',' => prev.is_some_and(is_digit) && thousands_group(&s[at + 1..]),
                '-' | '－' => letter && next.is_some_and(is_word_char),
                '%' | '％' | '‰' if prev.is_some_and(is_digit) => {
                    end = at + c.len_utf8();
                    break;
                }
                _ => false,
            },
        };
        if !take {
            break;
        }
        end = at + c.len_utf8();
        prev = Some(c);
    }
    let kind = if letter {
        TokenKind::Latin
    } else {
        TokenKind::Number
    };
    (end.max(s.chars().next().map_or(0, char::len_utf8)), kind)
}

/// Whether `rest` starts with exactly three ASCII digits and no fourth digit.
fn thousands_group(rest: &str) -> bool {
    let mut chars = rest.chars();
    (0..3).all(|_| chars.next().is_some_and(|c| c.is_ascii_digit()))
        && !chars.next().is_some_and(is_digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(&str, TokenKind)> {
        Pieces::new(text)
            .map(|p| match p {
                Piece::Han(s, e) => (&text[s..e], TokenKind::Han),
                Piece::Token(t) => (&text[t.start..t.end], t.kind),
            })
            .filter(|(_, k)| *k != TokenKind::Space)
            .collect()
    }

    #[test]
    fn model_numbers_and_versions_stay_whole() {
        let got = words("H100 MI300X Ascend 910D GPT-4o HBM3E");
        let texts: Vec<_> = got.iter().map(|(w, _)| *w).collect();
        assert_eq!(
            texts,
            ["H100", "MI300X", "Ascend", "910D", "GPT-4o", "HBM3E"]
        );
        assert!(got.iter().all(|(_, k)| *k == TokenKind::Latin));
    }

    #[test]
    fn numbers_keep_decimals_separators_and_percent() {
        let got = words("3298.82亿元，18,000张，58%，１７％，３．５，2020-2021，1,23");
        let texts: Vec<_> = got.iter().map(|(w, _)| *w).collect();
        assert_eq!(
            texts,
            [
                "3298.82",
                "亿元",
                "，",
                "18,000",
                "张",
                "，",
                "58%",
                "，",
                "１７％",
                "，",
                "３．５",
                "，",
                "2020",
                "-",
                "2021",
                "，",
                "1",
                ",",
                "23"
            ]
        );
        assert_eq!(got[0].1, TokenKind::Number);
        assert_eq!(got[6].1, TokenKind::Number);
    }

    #[test]
    fn sentence_end_dot_is_not_a_decimal() {
        assert_eq!(words("up 5. Then")[1].0, "5");
        assert_eq!(words("v1.2.3")[0].0, "v1.2.3");
    }

    #[test]
    fn han_runs_punct_and_other() {
        let got = words("英伟达……😀👍🏽Привет");
        assert_eq!(
            got,
            [
                ("英伟达", TokenKind::Han),
                ("……", TokenKind::Punct),
                ("😀", TokenKind::Other),
                ("👍🏽", TokenKind::Other),
                ("Привет", TokenKind::Other)
            ]
        );
    }
}
