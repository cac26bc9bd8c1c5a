//! Traditional -> Simplified conversion for segmentation.
//!
//! Owns: turning Han text into the Simplified form jieba's dictionary knows,
//! character for character, with `fast2s`'s mapping (MIT). The mapping is
//! read out of `fast2s` once into a flat table over the BMP Han blocks, so a
//! character converts with one array look-up; the few characters `fast2s`
//! converts by context (`乾`, `著`, ...) are handed to `fast2s` with their
//! two neighbours. Only 3-byte characters map to 3-byte characters, so
//! byte offsets of the converted text equal those of the original: there is
//! no offset map to keep (checked by tests against `fast2s` itself).
//! Must not know: how the converted text is segmented, token kinds, or the
//! domain vocabulary.

/// First code point of the table (CJK Extension A).
const FIRST: u32 = 0x3400;
/// Last code point of the table (end of CJK Compatibility Ideographs).
const LAST: u32 = 0xFAFF;

/// Characters `fast2s` converts differently depending on the character
/// before or after them (its `T2S_EXCLUDE` and `T2S_SPECIAL_CONVERT_TYPE`).
const CONTEXTUAL: &[char] = &[
    '兒', '覆', '夥', '藉', '瞭', '麽', '幺', '於', '乾', '著', '苧', '闔', '鍾', '讎', '畫',
];

/// Marks a contextual character in the table.
const CONTEXT: u16 = 1;

/// A character-for-character Traditional -> Simplified converter.
pub(crate) struct Converter {
    /// For `FIRST..=LAST`: 0 = unchanged, `CONTEXT` = ask `fast2s` with
    /// context, otherwise the Simplified code point.
    table: Vec<u16>,
}

impl Converter {
    /// Builds the table (a few milliseconds).
    pub(crate) fn new() -> Self {
        let mut table = vec![0u16; (LAST - FIRST + 1) as usize];
        let mut buf = [0u8; 4];
        for (slot, u) in table.iter_mut().zip(FIRST..=LAST) {
            let Some(c) = char::from_u32(u) else { continue };
            if CONTEXTUAL.contains(&c) {
                *slot = CONTEXT;
                continue;
            }
            let converted = fast2s::convert(c.encode_utf8(&mut buf));
            let mut converted = converted.chars();
            if let (Some(s), None) = (converted.next(), converted.next()) {
                let s = s as u32;
                // Only BMP 3-byte targets keep byte offsets unchanged.
                if s != u && (0x0800..=0xFFFF).contains(&s) && s != u32::from(CONTEXT) {
                    *slot = s as u16;
                }
            }
        }
        Converter { table }
    }

    /// The Simplified form of `run`, which stands in `text` at `start`
    /// (the neighbours matter for contextual characters), into `out`. Same
    /// byte length and the same character boundaries as `run`.
    pub(crate) fn convert(
        &self,
        text: &str,
        start: usize,
        run: &str,
        out: &mut String,
    ) -> Conversion {
        let mut stats = Conversion::default();
        out.clear();
        out.reserve(run.len());
        let mut prev = text.get(..start).and_then(|s| s.chars().next_back());
        let mut chars = run.chars().peekable();
        while let Some(c) = chars.next() {
            let u = c as u32;
            let mapped = if (FIRST..=LAST).contains(&u) {
                stats.han += 1;
                match self.table[(u - FIRST) as usize] {
                    0 => c,
                    CONTEXT => {
                        let next = chars.peek().copied().or_else(|| {
                            text.get(start + run.len()..).and_then(|s| s.chars().next())
                        });
                        contextual(prev, c, next)
                    }
                    s => char::from_u32(u32::from(s)).unwrap_or(c),
                }
            } else {
                c
            };
            if mapped != c && mapped.len_utf8() == c.len_utf8() {
                stats.changed += 1;
                out.push(mapped);
            } else {
                out.push(c);
            }
            prev = Some(c);
        }
        stats
    }
}

/// What a conversion found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Conversion {
    /// Characters in the BMP Han blocks.
    pub(crate) han: usize,
    /// Characters that were changed.
    pub(crate) changed: usize,
}

impl Conversion {
    /// Whether the text reads as Traditional Chinese: at least one
    /// character in twenty of its Han characters is a Traditional form.
    /// (Running Traditional text has one in four or five; a Simplified
    /// text quoting a Traditional name has far fewer.)
    pub(crate) fn is_traditional(&self) -> bool {
        self.changed > 0 && self.changed * 20 >= self.han
    }
}

/// `fast2s`'s conversion of `cur` between `prev` and `next`.
fn contextual(prev: Option<char>, cur: char, next: Option<char>) -> char {
    // fast2s only looks at 3-byte neighbours' identity; a placeholder ASCII
    // character stands for "no neighbour" as it does inside fast2s.
    let mut window = String::with_capacity(12);
    window.push(prev.unwrap_or('0'));
    window.push(cur);
    window.push(next.unwrap_or('0'));
    fast2s::convert(&window).chars().nth(1).unwrap_or(cur)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::sync::OnceLock;

    fn shared() -> &'static Converter {
        static CONV: OnceLock<Converter> = OnceLock::new();
        CONV.get_or_init(Converter::new)
    }

    proptest! {
        /// The table gives exactly what fast2s gives, contextual
        /// characters and their neighbours included, with the same length.
        #[test]
        fn table_agrees_with_fast2s(
            text in prop_oneof![
                "[乾隆坤卦兒寬覆答批回夥甚藉口憑慰狼瞭望麽幺於樊著看苧麻闔家鍾書讎校定仇畫計企a0 ，]{0,40}",
                "[\\u{3400}-\\u{4dbf}\\u{4e00}-\\u{9fff}\\u{f900}-\\u{faff}a0 ]{0,40}",
            ]
        ) {
            let mut out = String::new();
            shared().convert(&text, 0, &text, &mut out);
            prop_assert_eq!(out.len(), text.len());
            prop_assert_eq!(out, fast2s::convert(&text));
        }
    }

    fn convert(conv: &Converter, text: &str) -> String {
        let mut out = String::new();
        conv.convert(text, 0, text, &mut out);
        out
    }

    #[test]
    fn tells_traditional_from_simplified() {
        let conv = Converter::new();
        let mut out = String::new();
        let trad = "輝達執行長表示，市場對於人工智慧晶片的需求仍然強勁。";
        assert!(conv.convert(trad, 0, trad, &mut out).is_traditional());
        let simp = "英伟达首席执行官表示，市场对人工智能芯片的需求依然强劲，\
                    数据中心客户的订单已经排到明年下半年，台積電的先进封装产能依旧紧张。";
        let stats = conv.convert(simp, 0, simp, &mut out);
        assert_eq!(stats.changed, 2); // 積, 電 (台 is both)
        assert!(!stats.is_traditional());
    }

    #[test]
    fn converts_traditional() {
        let conv = Converter::new();
        assert_eq!(convert(&conv, "英偉達發佈新晶片"), "英伟达发布新晶片");
        assert_eq!(convert(&conv, "NVIDIA H100"), "NVIDIA H100");
    }

    #[test]
    fn contextual_characters_follow_fast2s() {
        let conv = Converter::new();
        let text = "乾隆的乾兒子一邊乾淨利落地擲出了一個乾卦，企畫與計畫，看著，藉口，慰藉。";
        assert_eq!(convert(&conv, text), fast2s::convert(text));
    }

    #[test]
    fn neighbours_outside_the_run_are_seen() {
        let conv = Converter::new();
        let text = "X乾隆Y";
        let mut out = String::new();
        conv.convert(text, 1, "乾", &mut out);
        assert_eq!(out, "乾");
    }
}
