//! Character classes and small text measures shared by the detectors.
//!
//! Owns: what counts as Han, Latin, CJK punctuation and sentence-final
//! punctuation; CJK-aware lengths; folding Traditional to Simplified and case
//! so that one vocabulary list matches both Chinese scripts and any case.
//! Must not know: any rule about noise.

/// Han ideograph (CJK unified, extension A, compatibility).
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0xF900..=0xFAFF | 0x20000..=0x2A6DF)
}

/// ASCII or Latin-1/extended Latin letter.
pub fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c as u32, 0xC0..=0x24F if c.is_alphabetic())
}

/// Full-width and CJK punctuation (including the ASCII-range marks that
/// Chinese sites often use in full-width positions is *not* included).
pub fn is_cjk_punct(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65)
        || matches!(c, '“' | '”' | '‘' | '’' | '—' | '…' | '·')
}

/// Sentence-final punctuation in any of the three scripts.
pub fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '.' | '；' | ';' | '…')
}

/// Clause separators used to work inside long lines.
pub fn is_clause_sep(c: char) -> bool {
    is_sentence_end(c) || matches!(c, ',' | '，' | '、' | ':' | '：')
}

/// Length in "Latin-equivalent" chars: one Han char carries about as much
/// as a short English word, so it counts 3.
pub fn weighted_len(s: &str) -> usize {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if is_han(c) { 3 } else { 1 })
        .sum()
}

/// Number of non-space chars (`char::is_whitespace` decides what a space
/// is). Counted on bytes: the detectors call this on every block many
/// times, and decoding chars made it the cleaner's hottest function.
pub fn char_len(s: &str) -> usize {
    let b = s.as_bytes();
    // Every byte that starts a char (not a 10xxxxxx continuation byte) and
    // is not an ASCII space (`char::is_whitespace` is true for \t \n
    // \x0B \x0C \r and space). Branch-free over 32-byte chunks, so it
    // vectorises.
    let counts =
        |c: u8| u8::from((c as i8) >= -0x40) & u8::from(c != b' ' && c.wrapping_sub(9) >= 5);
    let mut chunks = b.chunks_exact(32);
    let mut starts = 0usize;
    for chunk in &mut chunks {
        starts += usize::from(chunk.iter().fold(0u8, |k, &c| k + counts(c)));
    }
    starts += chunks
        .remainder()
        .iter()
        .map(|&c| usize::from(counts(c)))
        .sum::<usize>();
    if starts == 0 || s.is_ascii() {
        return starts;
    }
    starts - non_ascii_spaces(b)
}

/// The non-ASCII white space in UTF-8 bytes: U+0085, U+00A0 (C2 ..),
/// U+1680 (E1 9A 80), U+2000-200A, U+2028, U+2029, U+202F, U+205F
/// (E2 80/81 ..), U+3000 (E3 80 80). Found from their lead bytes.
fn non_ascii_spaces(b: &[u8]) -> usize {
    let at = |i: usize| b.get(i).copied();
    let mut n = memchr::memchr3_iter(0xC2, 0xE1, 0xE2, b)
        .filter(|&i| {
            matches!(
                (b[i], at(i + 1), at(i + 2)),
                (0xC2, Some(0x85 | 0xA0), _)
                    | (0xE1, Some(0x9A), Some(0x80))
                    | (0xE2, Some(0x80), Some(0x80..=0x8A | 0xA8 | 0xA9 | 0xAF))
                    | (0xE2, Some(0x81), Some(0x9F))
            )
        })
        .count();
    n += memchr::memchr_iter(0xE3, b)
        .filter(|&i| at(i + 1) == Some(0x80) && at(i + 2) == Some(0x80))
        .count();
    n
}

pub fn han_count(s: &str) -> usize {
    s.chars().filter(|&c| is_han(c)).count()
}

pub fn latin_count(s: &str) -> usize {
    s.chars().filter(|&c| is_latin(c)).count()
}

/// True if the text has sentence punctuation somewhere other than its end.
pub fn has_inner_sentence_end(s: &str) -> bool {
    let t = s.trim_end_matches(|c: char| is_sentence_end(c) || c.is_whitespace());
    t.chars().any(|c| matches!(c, '。' | '！' | '？' | '；')) || t.contains(". ")
}

/// Traditional -> Simplified, full-width ASCII -> ASCII, lower case. For
/// vocabulary matching only: offsets do not survive this.
pub fn fold(s: &str) -> String {
    // Most blocks of English pages are ASCII: no table look-ups needed.
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    // One pass maps full-width forms and lower-cases; Han characters skip
    // the case tables, and only text holding Han goes through T->S.
    let mut mapped = String::with_capacity(s.len());
    let mut han = false;
    for c in s.chars() {
        let c = match c as u32 {
            0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            0x3000 => ' ',
            _ => c,
        };
        if c.is_ascii() {
            mapped.push(c.to_ascii_lowercase());
        } else if is_han(c) {
            han = true;
            mapped.push(c);
        } else if c.is_uppercase() {
            mapped.extend(c.to_lowercase());
        } else {
            mapped.push(c);
        }
    }
    if han {
        fast2s::convert(&mapped)
    } else {
        mapped
    }
}

/// A name and the unit in brackets closing it (`出货量（张）` ->
/// (`出货量`, `张`), `Market cap (US$bn)`): the last bracket's content.
pub fn split_unit(t: &str) -> Option<(&str, &str)> {
    t.strip_suffix([')', '）'])
        .and_then(|r| r.rsplit_once(['(', '（']))
}

/// True if any of `words` occurs in the folded text. Each word list is
/// compiled once per thread into one Aho-Corasick automaton (keyed by the
/// list's address), so a block is scanned once, not once per word.
pub fn contains_any(folded: &str, words: &'static [&'static str]) -> bool {
    with_automaton(words, |ac| match ac {
        Some(ac) => ac.is_match(folded),
        None => words.iter().any(|w| folded.contains(w)),
    })
}

/// How many different `words` occur in `folded`, counting up to `limit`
/// (one pass over the text).
pub fn count_distinct(folded: &str, words: &'static [&'static str], limit: usize) -> usize {
    with_automaton(words, |ac| match ac {
        Some(ac) => {
            let mut seen = Vec::new();
            for m in ac.find_overlapping_iter(folded) {
                if !seen.contains(&m.pattern()) {
                    seen.push(m.pattern());
                    if seen.len() >= limit {
                        break;
                    }
                }
            }
            seen.len()
        }
        None => words
            .iter()
            .filter(|w| folded.contains(*w))
            .take(limit)
            .count(),
    })
}

/// Runs `f` with the automaton of `words`, built once per thread.
fn with_automaton<R>(
    words: &'static [&'static str],
    f: impl FnOnce(Option<&aho_corasick::AhoCorasick>) -> R,
) -> R {
    thread_local! {
        static AUTOMATA: std::cell::RefCell<
            rustc_hash::FxHashMap<(usize, usize), Option<aho_corasick::AhoCorasick>>,
        > = std::cell::RefCell::new(rustc_hash::FxHashMap::default());
    }
    AUTOMATA.with(|cell| {
        let mut map = cell.borrow_mut();
        let ac = map
            .entry((words.as_ptr() as usize, words.len()))
            .or_insert_with(|| aho_corasick::AhoCorasick::new(words).ok());
        f(ac.as_ref())
    })
}

/// Number of `words` occurring in the folded text (each counted once).
pub fn count_any(folded: &str, words: &[&str]) -> usize {
    words.iter().filter(|w| folded.contains(*w)).count()
}

#[cfg(test)]
mod tests {
    #[test]
    fn contains_any_matches_substring_search() {
        const WORDS: &[&str] = &["免责声明", "copyright", "版权", "ab"];
        const NONE: &[&str] = &[];
        for t in [
            "",
            "本文免责声明如下",
            "© copyright 2025",
            "xaby",
            "nothing here",
            "版",
        ] {
            let want = WORDS.iter().any(|w| t.contains(w));
            assert_eq!(super::contains_any(t, WORDS), want, "{t}");
            assert!(!super::contains_any(t, NONE));
        }
    }

    #[test]
    fn char_len_counts_every_char_below_u3100_and_some_beyond() {
        let all: String = (0..0x3100u32)
            .chain(0x1F600..0x1F650)
            .chain(0x20000..0x20010)
            .filter_map(char::from_u32)
            .collect();
        let ascii: String = all.chars().filter(char::is_ascii).collect();
        let tail: String = all.chars().skip(1000).collect();
        for s in [all.as_str(), ascii.as_str(), tail.as_str()] {
            let want = s.chars().filter(|c| !c.is_whitespace()).count();
            assert_eq!(super::char_len(s), want);
        }
    }

    #[test]
    fn char_len_counts_like_char_is_whitespace() {
        let spaces: String = (0..=0x3000u32)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace())
            .collect();
        for s in [
            "",
            "a b\tc\r\n",
            "英伟达 H100\u{3000}芯片",
            "\u{A0}x\u{2009}y\u{202F}z\u{205F}\u{1680}\u{85}",
            "€ 😀 é ñ 中",
            "“引號”…——。、「」\u{3001}\u{3000}\u{2000}",
            spaces.as_str(),
        ] {
            let want = s.chars().filter(|c| !c.is_whitespace()).count();
            assert_eq!(super::char_len(s), want, "{s:?}");
        }
        // Every char between two letters, white space or not.
        for c in (0..0x3_1000u32).filter_map(char::from_u32) {
            let s = format!("a{c}b");
            let want = 2 + usize::from(!c.is_whitespace());
            assert_eq!(super::char_len(&s), want, "{c:?}");
        }
    }

    use super::*;

    #[test]
    fn fold_matches_both_scripts() {
        assert_eq!(fold("相關閱讀"), "相关阅读");
        assert_eq!(fold("下載ＡＰＰ"), "下载app");
    }

    #[test]
    fn weighted_len_counts_han_more() {
        assert_eq!(weighted_len("AI芯片"), 8);
    }
}
