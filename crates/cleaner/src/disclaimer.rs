//! Disclaimers and contact lines.
//!
//! Owns: finding a disclaimer marker (`免责声明`, `特别声明`, `郑重声明`,
//! `版权声明`, `以上内容…由…上传`, `Disclaimer:`, `Notice: The content above`,
//! `All rights reserved`, …) at the start of a line or sentence in the second
//! half of the page, and cutting everything from there to the end: on news
//! sites what follows a disclaimer is footer chrome. Also drops short contact
//! lines (phone numbers, `咨询电话`, `客服专线`, `Tel:`) anywhere, and short
//! copyright or investment-advice lines (`版权所有`, `仅供参考`,
//! `不构成投资建议`) that open a line or sentence.
//! Must not know: site names; related lists or spam (those have their own
//! detectors and usually sit in the tail that is cut anyway).

use crate::doc::{Detector, Work};
use crate::script::{char_len, contains_any, fold, is_clause_sep, is_han};
use model::DropReason;
use regex::Regex;
use std::sync::OnceLock;

/// Markers (folded: Simplified, lower case) that start a disclaimer; from
/// one of these to the end of the page is footer.
const MARKERS: &[&str] = &[
    "免责声明",
    "特别声明",
    "郑重声明",
    "版权声明",
    "法律声明",
    "风险提示:",
    "注:以上内容",
    "声明:以上内容",
    "声明:本文",
    "以上内容仅代表",
    "本文仅代表作者",
    "disclaimer:",
    "notice: the content above",
];

/// Copyright markers: they drop their own short line, not the rest of the
/// page (a photo credit in the middle of an article may carry one).
const WEAK_MARKERS: &[&str] = &[
    "版权所有",
    "转载请注明",
    "未经授权不得转载",
    "all rights reserved",
    "copyright",
    "©",
    "仅供参考",
    "投资有风险",
    "股市有风险",
    "不构成投资建议",
    "不构成任何投资建议",
    "this is not investment advice",
    "not intended as investment advice",
];

/// Words of a contact line.
const CONTACT: &[&str] = &[
    "咨询电话",
    "联系电话",
    "服务热线",
    "客服电话",
    "客服专线",
    "服务专线",
    "客服热线",
    "热线",
    "电话:",
    "tel:",
    "phone:",
    "fax:",
    "传真",
];

fn phone_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^\+?[\d()\- ]{7,20}$|\b(?:400|800)-?\d{3}-?\d{4}\b|\(?0\d{2,3}\)?-\d{7,8}\b")
            .expect("static regex")
    })
}

/// Byte offset of the first marker in `text` that starts a line or sentence.
#[cfg(test)]
fn marker_at(text: &str, markers: &[&str]) -> Option<usize> {
    marker_in(text, &fold(text), markers)
}

/// [`marker_at`] with the folded text computed by the caller.
fn marker_in(text: &str, folded: &str, markers: &[&str]) -> Option<usize> {
    if !contains_any(folded, markers) {
        return None;
    }
    // Folding keeps one char per char (T->S is 1:1, lower-casing of the
    // ASCII letters involved is too), so char positions carry over.
    let fchars: Vec<(usize, char)> = folded.char_indices().collect();
    let tpos: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    if fchars.len() != tpos.len() {
        return None;
    }
    let mut best: Option<usize> = None;
    for m in markers {
        for (fb, _) in folded.match_indices(m) {
            let Ok(ci) = fchars.binary_search_by_key(&fb, |&(b, _)| b) else {
                continue;
            };
            // The marker must open a line or sentence: only opening marks
            // and white space between it and the previous clause end.
            // A short subject (`本站`, `本网`) may stand before it.
            let mut k = ci;
            let mut ok = true;
            let mut subject = 0;
            while k > 0 {
                let c = fchars[k - 1].1;
                if c.is_whitespace()
                    || matches!(c, '*' | '(' | '【' | '[' | '「' | '"' | '“' | '※' | '>')
                {
                    k -= 1;
                    continue;
                }
                if is_han(c) && subject < 2 && k == ci - subject {
                    subject += 1;
                    k -= 1;
                    continue;
                }
                ok = is_clause_sep(c) || matches!(c, ')' | '】' | ']' | '」' | '”');
                break;
            }
            if ok {
                let mut start = tpos[k];
                start += text[start..].len() - text[start..].trim_start().len();
                best = Some(best.map_or(start, |b: usize| b.min(start)));
            }
        }
    }
    best
}

pub struct DisclaimerFilter;

impl Detector for DisclaimerFilter {
    fn name(&self) -> &'static str {
        "disclaimer"
    }

    fn run(&self, work: &mut Work<'_>) {
        let total = work.alive_chars();
        let mut seen = 0usize;
        for i in work.alive() {
            let text = &work.blocks[i].text;
            let len = text.chars().count();
            // A marker counts only in the second half: blocks that end
            // before it need no folding.
            if (seen + len) * 2 < total {
                seen += len;
                continue;
            }
            if let Some(pos) = marker_in(text, &fold(text), MARKERS) {
                let before = seen + text[..pos].chars().count();
                // Only in the second half: a page that opens with a notice
                // keeps its article.
                if before * 2 >= total {
                    work.cut_from(i, pos, DropReason::Disclaimer);
                    return;
                }
            }
            seen += len;
        }
        for i in work.alive() {
            let text = &work.blocks[i].text;
            let n = char_len(text);
            if n > 200 {
                continue;
            }
            let folded = fold(text);
            let contact =
                n <= 40 && (contains_any(&folded, CONTACT) || phone_re().is_match(text.trim()));
            let copyright = marker_in(text, &folded, WEAK_MARKERS).is_some();
            if contact || copyright {
                work.drop_block(i, DropReason::Disclaimer);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marker_at_sentence_start_only() {
        assert_eq!(marker_at("*免責聲明:本文由作者原創", MARKERS), Some(0));
        let t = "增强国际竞争。 特别声明:以上内容由用户上传";
        assert_eq!(marker_at(t, MARKERS), t.find("特别"));
        assert_eq!(marker_at("他在会上宣读了免责声明的内容", MARKERS), None);
        assert_eq!(marker_at("本站鄭重聲明:投資有風險", MARKERS), Some(0));
        assert_eq!(
            marker_at("Notice: The content above is user posted.", MARKERS),
            Some(0)
        );
    }

    #[test]
    fn copyright_is_weak() {
        assert_eq!(
            marker_at("© 2025 Chip Media Ltd. All rights reserved.", MARKERS),
            None
        );
        assert_eq!(
            marker_at("© 2025 Chip Media Ltd. All rights reserved.", WEAK_MARKERS),
            Some(0)
        );
    }

    #[test]
    fn contact_lines() {
        assert!(phone_re().is_match("400-820-7788"));
        assert!(phone_re().is_match("010-12345678"));
        assert!(!phone_re().is_match("2025"));
    }
}
