//! Language and script of a text: English, Simplified or Traditional Chinese.
//!
//! Owns: the Han-versus-Latin decision and the Traditional-versus-Simplified
//! decision. Han share: one Han character carries about as much as a short
//! Latin word, so a text is Chinese when `3 * han >= latin letters`.
//! Script: count characters that change under `fast2s`'s Traditional ->
//! Simplified table (Traditional-only forms) against characters that are the
//! image of such a change and do not change themselves (Simplified-only
//! forms). `fast2s` is MIT licensed.
//! Must not know: anything about noise; the detectors ask it questions.

use crate::script::{han_count, is_han, latin_count};
use model::Lang;
use std::collections::HashSet;
use std::sync::OnceLock;

/// `c` converted on its own by `fast2s`, when that changes it.
fn t2s_image(c: char) -> Option<String> {
    let mut buf = [0u8; 4];
    let s = fast2s::convert(c.encode_utf8(&mut buf));
    (!s.starts_with(c)).then_some(s)
}

/// How a Han character reads: in both scripts, or in only one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Shared,
    Traditional,
    Simplified,
}

/// The CJK Unified Ideographs block, where nearly all news text lives: its
/// forms are looked up in a table built once.
const TABLE_FIRST: u32 = 0x4E00;
const TABLE_LAST: u32 = 0x9FFF;

/// Every script-specific form, built in one pass over the unified block:
/// a character that changes under conversion is Traditional; the
/// single-character image of such a change is Simplified unless it
/// changes too (then it already reads as Traditional).
struct Forms {
    /// By code point from [`TABLE_FIRST`].
    table: Vec<Form>,
    /// Simplified images outside the block.
    simplified_elsewhere: HashSet<char>,
}

fn forms() -> &'static Forms {
    static FORMS: OnceLock<Forms> = OnceLock::new();
    FORMS.get_or_init(|| {
        let mut table = vec![Form::Shared; (TABLE_LAST - TABLE_FIRST + 1) as usize];
        let mut images = Vec::new();
        for (slot, cp) in table.iter_mut().zip(TABLE_FIRST..=TABLE_LAST) {
            let Some(image) = char::from_u32(cp).and_then(t2s_image) else {
                continue;
            };
            *slot = Form::Traditional;
            let mut it = image.chars();
            if let (Some(sc), None) = (it.next(), it.next()) {
                images.push(sc);
            }
        }
        let mut simplified_elsewhere = HashSet::new();
        for sc in images {
            match table.get_mut((sc as u32).wrapping_sub(TABLE_FIRST) as usize) {
                Some(slot) if *slot == Form::Shared => *slot = Form::Simplified,
                Some(_) => {}
                None if t2s_image(sc).is_none() => {
                    simplified_elsewhere.insert(sc);
                }
                None => {}
            }
        }
        Forms {
            table,
            simplified_elsewhere,
        }
    })
}

/// The form of `c`: a table look-up inside the unified block, the
/// converter elsewhere (extension A, compatibility forms).
fn form(c: char) -> Form {
    let forms = forms();
    let cp = c as u32;
    if (TABLE_FIRST..=TABLE_LAST).contains(&cp) {
        forms
            .table
            .get((cp - TABLE_FIRST) as usize)
            .copied()
            .unwrap_or(Form::Shared)
    } else if !is_han(c) {
        Form::Shared
    } else if t2s_image(c).is_some() {
        Form::Traditional
    } else if forms.simplified_elsewhere.contains(&c) {
        Form::Simplified
    } else {
        Form::Shared
    }
}

/// True if `c` changes under Traditional -> Simplified conversion.
pub fn is_traditional(c: char) -> bool {
    form(c) == Form::Traditional
}

pub fn is_simplified(c: char) -> bool {
    form(c) == Form::Simplified
}

/// (Traditional-only, Simplified-only) character counts. Each character is
/// classed on its own (the converter's few two-character exceptions, such
/// as 乾隆, are not consulted).
pub fn script_counts(s: &str) -> (usize, usize) {
    let mut t = 0;
    let mut simp = 0;
    for c in s.chars() {
        match form(c) {
            Form::Traditional => t += 1,
            Form::Simplified => simp += 1,
            Form::Shared => {}
        }
    }
    (t, simp)
}

/// True when the text is mostly Han rather than Latin.
pub fn is_chinese_text(s: &str) -> bool {
    let han = han_count(s);
    han > 0 && 3 * han >= latin_count(s)
}

/// How much of a text [`detect`] looks at.
const DETECT_BYTES: usize = 32 * 1024;

/// Detects the language of `s` (from its first [`DETECT_BYTES`]).
pub fn detect(s: &str) -> Lang {
    // The first 32 KB (thousands of Han characters) decide: a 50 MB page
    // costs no more than a short one.
    let s = &s[..crate::doc::floor_boundary(s, DETECT_BYTES)];
    if !is_chinese_text(s) {
        return Lang::En;
    }
    let (t, simp) = script_counts(s);
    if t > simp {
        Lang::ZhHant
    } else {
        Lang::ZhHans
    }
}

/// Share of script-specific Han characters in `s` that belong to the other
/// script than `lang` (0.0 when none are script-specific).
pub fn foreign_script_share(s: &str, lang: Lang) -> f64 {
    let (t, simp) = script_counts(s);
    let total = t + simp;
    if total == 0 {
        return 0.0;
    }
    match lang {
        Lang::ZhHant => simp as f64 / total as f64,
        Lang::ZhHans => t as f64 / total as f64,
        Lang::En => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn character_forms() {
        assert!(is_traditional('國') && is_traditional('輝'));
        assert!(is_simplified('国') && is_simplified('辉'));
        // Forms both scripts share.
        for c in ['中', '芯', 'A'] {
            assert!(!is_traditional(c) && !is_simplified(c), "{c}");
        }
    }

    #[test]
    fn detects_three_languages() {
        assert_eq!(
            detect("The chip ships next year with 96 GB of HBM3."),
            Lang::En
        );
        assert_eq!(
            detect("英伟达发布了新一代芯片,采用台积电工艺。"),
            Lang::ZhHans
        );
        assert_eq!(
            detect("英偉達發布了新一代芯片,採用台積電工藝。"),
            Lang::ZhHant
        );
    }

    #[test]
    fn latin_heavy_chinese_is_still_chinese() {
        assert_eq!(
            detect("NVIDIA H100 GPU的HBM3显存带宽为3.35TB/s,比上一代A100高出六成。"),
            Lang::ZhHans
        );
    }

    #[test]
    fn simplified_inside_traditional_is_foreign() {
        assert!(foreign_script_share("亚洲无码精品视频", Lang::ZhHant) > 0.9);
        assert!(foreign_script_share("國產芯片", Lang::ZhHant) < 0.1);
    }
}
