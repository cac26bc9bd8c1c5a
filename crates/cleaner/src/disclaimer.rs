//! Disclaimers and contact lines.
//!
//! Owns: finding a disclaimer marker (`免责声明`, `特别声明`, `郑重声明`,
//! `版权声明`, `以上内容…由…上传`, `Disclaimer:`, `Notice: The content above`,
//! `All rights reserved`, …) at the start of a line or sentence in the second
//! half of the page, and cutting everything from there to the end: on news
//! sites what follows a disclaimer is footer chrome. Also drops short contact
//! lines (phone numbers, a lone e-mail address, `咨询电话`, `客服专线`,
//! `Tel:`) anywhere, and short
//! copyright or investment-advice lines (`版权所有`, `仅供参考`,
//! `不构成投资建议`) that open a line or sentence, or hold an English notice
//! phrase anywhere ("does not constitute investment advice", "past
//! performance is no guarantee"), and repost, origin and
//! rights notices in the last 40% of the page (`本文由…原创`, `未经授权，
//! 禁止转载`, `非經授權，不得轉載`, `上文节录自…`, `原文题为…`,
//! `This article was originally published …`): the sentence holding one is
//! dropped to the end of its block when that tail is short. A newsroom's
//! note on who funds a beat (`… receives support from …; … is solely
//! responsible for all content`) goes whole, up to 600 chars. A press
//! release's or research note's boilerplate heading (`About <Company>`,
//! `Forward-Looking Statements`, `Conference Call Information`, `Important
//! disclosures`) cuts the same way; when statement tables follow, only the
//! section up to them goes, even from the first half when it is shorter
//! than the text above it. A research house's conflict notice goes
//! wherever a page break left it.
//! Must not know: site names; related lists or spam (those have their own
//! detectors and usually sit in the tail that is cut anyway).

use crate::doc::{Detector, Work};
use crate::script::{char_len, contains_any, fold, is_clause_sep, is_han, is_sentence_end};
use model::DropReason;
use regex::Regex;
use std::sync::OnceLock;

/// Markers (folded: Simplified, lower case) that start a disclaimer; from
/// one of these to the end of the page is footer.
const MARKERS: &[&str] = &[
    "this article is a transcript",
    "while we strive for accuracy",
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
    "analyst's disclosure:",
    "analyst’s disclosure:",
    "statement: this article",
    "special statement:",
    "notice: the content above",
    // a notice's closing contact section (`九、凡对本次公告内容提出询问，
    // 请按以下方式联系。`)
    "请按以下方式联系",
];

/// Copyright markers: they drop their own short line, not the rest of the
/// page (a photo credit in the middle of an article may carry one).
const WEAK_MARKERS: &[&str] = &[
    "版权所有",
    "著作权归作者所有",
    "版权归作者所有",
    "商业转载请联系作者",
    "转载请注明",
    "未经授权不得转载",
    "未经允许不得转载",
    "不代表本站立场",
    "不代表本报立场",
    "本文不代表",
    "不代表本网立场",
    "本内容为作者独立观点",
    "仅提供信息存储空间服务",
    "观点仅代表作者本人",
    "all rights reserved",
    "copyright",
    "©",
    "仅供参考",
    "投资有风险",
    "风险提示",
    "股市有风险",
    "不构成投资建议",
    "不构成任何投资建议",
    "this is not investment advice",
    "not intended as investment advice",
    "disclosure:",
    "our standards:",
];

/// A reposting site's notice on a line of its own (folded): `本文档由用户
/// 上传，仅供学习交流，如有侵权请联系删除`. In brackets after a caption it is
/// the caption's credit, which the credit rule cuts from the caption.
fn is_takedown_notice(folded: &str) -> bool {
    folded.len() <= 320
        && memchr::memmem::find(folded.as_bytes(), "如有侵权".as_bytes()).is_some()
        && char_len(folded) <= 80
        && !folded.contains(['(', '（', '[', '【'])
}

/// Investment-notice phrases that sit inside their sentence rather than
/// opening it; like [`WEAK_MARKERS`] they drop their own short line.
const NOTICE_PHRASES: &[&str] = &[
    "views are my own",
    "generated with the support of ai",
    "generated with the help of ai",
    "generated with the assistance of ai",
    "produced with the assistance of ai",
    "third party ad. not an offer",
    "may earn an affiliate commission",
    "请参阅末页之免责声明",
    // a broker report's page footer pointing to its back pages
    "analyst certification and important disclosures",
    "see important disclosures",
    "see the important disclosures",
    "important disclosures at the end",
    "important disclosures on page",
    "请注明来源",
    "请注明出处",
    "务必注明出处",
    "请参阅末页免责声明",
    "by submitting your information you agree",
    "by signing up, you agree",
    "侵权必究",
    "不得转载",
    "not constitute investment advice",
    "not constitute financial advice",
    "not constitute an offer",
    "for information only",
    "for informational purposes only",
    "past performance is no guarantee",
    "past performance is not indicative",
    "is not investment advice",
    "not investment advice",
    "is not financial advice",
    "不代表任何投资建议",
    "不代表投资建议",
    "投资人应审慎评估",
    "投资人应审慎判断",
    "投资人应独立判断",
    "自负投资风险",
    "对本公告的内容概不负责",
    "务请审慎行事",
    "不构成实质性投资建议",
    "直播到此结束",
    "an earlier version of this article",
    "an earlier version of this story",
    "newsletters may contain info about charities",
    // a paper's note on the print edition (`Appeared in the May 2, 2025,
    // print edition as '…'.`)
    "print edition as",
    "所刊载内容之知识产权",
    "如有意愿转载",
    "请务必阅读正文之后",
    "请务必阅读正文后",
    "投资涉及风险",
    "证券价格可升可跌",
    "exercise caution when dealing in the securities",
    "take no responsibility for the contents of this announcement",
    "投资者据此操作",
    // Taiwan's statutory fund and suicide-prevention notices under a story
    "投资一定有风险",
    "申购前应详阅公开说明书",
    "自杀不能解决问题",
    "安心专线",
];

/// Words of a contact line.
const CONTACT: &[&str] = &[
    "报料",
    "爆料",
    "新闻线索",
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

/// The document describing itself before a no-advice notice (`本周报为
/// 内部资料，数据来自…，仅供内部交流，`): it names itself (`本报告`,
/// `本周报`, `本资料`) and says what it is only for (`仅供`, `僅供`).
fn is_self_described_notice(before: &str) -> bool {
    let t = before.trim_start();
    char_len(t) <= 120
        && [
            "本周报",
            "本週報",
            "本报告",
            "本報告",
            "本资料",
            "本資料",
            "本文",
            "本页",
            "本頁",
        ]
        .iter()
        .any(|w| t.starts_with(w))
        && ["仅供", "僅供"].iter().any(|w| t.contains(w))
}

/// A contact label in a line (folded): a Latin one (`tel:`) must start a
/// word, so `Intel: foundry spending …` is none.
fn has_contact_label(folded: &str) -> bool {
    contains_any(folded, CONTACT)
        && CONTACT.iter().any(|m| {
            folded.match_indices(m).any(|(at, _)| {
                !m.is_ascii()
                    || !folded[..at]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_ascii_alphanumeric())
            })
        })
}

fn phone_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^\+?[\d()\- ]{7,20}(?:\s*(?:分機|分机|轉|转|ext\.?)\s*\d{1,5})?$|\b(?:400|800)-?\d{3}-?\d{4}\b|\(?0\d{2,3}\)?-\d{7,8}\b|^\(\d{3}\)\s?\d{3}-\d{4}\b|^(?i:e-?mail\s*[:：]?\s*)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")
            .expect("static regex")
    })
}

/// A heading that opens the boilerplate after a press release: `About
/// <Company>`, `Forward-Looking Statements`, `Media Contacts`, `SOURCE
/// <Company>`, `关于<公司>`, `媒体联系`.
fn is_release_heading(text: &str) -> bool {
    let t = text.trim().trim_end_matches([':', '：']).trim_end();
    if t.is_empty() || char_len(t) > 60 || t.ends_with('。') || t.contains(". ") {
        return false;
    }
    // A heading that names the notice (`重要事項／免責聲明`); a pointer to
    // it (`請參閱末頁之免責聲明`) is a page's footer.
    if char_len(t) <= 16
        && (t.ends_with("免责声明") || t.ends_with("免責聲明"))
        && !t.contains(['阅', '閱', '见', '見'])
    {
        return true;
    }
    // Chinese: `关于<公司>` (`關於<公司>` folds to it), `媒体联系人`.
    let folded = fold(t);
    if let Some(rest) = folded
        .strip_prefix("关于")
        .or_else(|| folded.strip_prefix("关於"))
    {
        let n = char_len(rest);
        return (2..=12).contains(&n)
            && rest.chars().all(|c| is_han(c) || c.is_ascii_alphanumeric());
    }
    if matches!(
        t,
        "媒体联系"
            | "媒体联系人"
            | "媒体联系方式"
            | "媒體聯繫"
            | "媒體聯繫人"
            | "媒體聯絡人"
            | "新闻联系人"
            | "新聞聯絡人"
            // A press release's end mark: its boilerplate follows.
            | "###"
            | "# # #"
            | "-30-"
            // A research note's appendix: rating definitions, the
            // analyst's certification, disclosures of interest.
            | "评级说明"
            | "評級說明"
            | "评等定义"
            | "評等定義"
            | "投资评级说明"
            | "投資評級說明"
            | "分析师声明"
            | "分析師聲明"
            | "利益揭露"
            | "利益披露"
            | "重要声明"
            | "重要聲明"
            // An exchange filing's closing parts: its forward-looking
            // statements and the board's signature.
            | "前瞻性陈述"
            | "前瞻性陳述"
            | "前瞻性声明"
            | "前瞻性聲明"
            | "承董事会命"
            | "承董事會命"
    ) {
        return true;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() > 8 {
        return false;
    }
    let lower = t.to_ascii_lowercase().replace('-', " ");
    const HEADINGS: &[&str] = &[
        "forward looking statements",
        "forward looking statement",
        "safe harbor",
        "safe harbor statement",
        "by order of the board",
        "media contact",
        "media contacts",
        "press contact",
        "press contacts",
        "investor contact",
        "investor contacts",
        "investors contact",
        "investor relations contact",
        "investor relations contacts",
        "contact",
        "contacts",
        "conference call",
        "conference call information",
        "conference call and webcast",
        "conference call and webcast information",
        "webcast information",
        "use of non gaap financial measures",
        "non gaap financial measures",
        "important disclosures",
        "important disclosure",
        "disclosures",
        "disclosure",
        "analyst certification",
        "analyst certifications",
        "disclosure appendix",
        "required disclosures",
        "general disclaimer",
        "legal disclaimer",
        "disclaimer",
        "disclaimers",
    ];
    if HEADINGS.contains(&lower.as_str())
        || (lower.starts_with("cautionary ") && lower.ends_with("forward looking statements"))
    {
        return true;
    }
    // `About <Name>` and `SOURCE <Name>`: a proper name follows.
    let name_word = |w: &&str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            || matches!(*w, "of" | "and" | "for" | "de" | "&")
    };
    match words.split_first() {
        Some((&"About", rest)) => {
            (1..=6).contains(&rest.len()) && rest[0] != "The" && rest.iter().all(name_word)
        }
        Some((&"SOURCE", rest)) => !rest.is_empty() && rest.iter().all(name_word),
        _ => false,
    }
}

/// Byte offset of the first marker in `text` that starts a line or sentence.
#[cfg(test)]
fn marker_at(text: &str, markers: &'static [&'static str]) -> Option<usize> {
    marker_in(text, &fold(text), markers)
}

/// [`marker_at`] with the folded text computed by the caller.
fn marker_in(text: &str, folded: &str, markers: &'static [&'static str]) -> Option<usize> {
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

/// Repost, origin and rights notices (folded): `本文由…原创`, `未经授权，
/// 禁止转载`, `非经授权不得转载`, `上文节录自…`, `原文题为…`, `本文首发于…`,
/// `This article was originally published …`. They end an article; a
/// sentence holding one is dropped from the last part of the page.
fn notice_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"本文(?:由|系|为)[^。]{0,30}原创|(?:未经|非经)[^。]{0,8}(?:授权|许可|同意)[^。]{0,8}(?:不得|禁止|严禁|请勿|谢绝)[^。]{0,8}(?:转载|转贴|复制|使用|刊登|重制|摘编)|版权归[^。]{0,20}所有|(?:上文|本文|此文|以上|全文)?(?:节录|节选|摘编|摘录|选)自|原文(?:题为|标题为|刊于|载于|发表于|首发于)|(?:首发|原载|原刊|刊载)于|(?:this|the) (?:article|story|post|piece) (?:was|is|has been) (?:originally |first )?(?:published|posted|appeared)|originally (?:published|appeared) (?:in|on|at|by)|republished (?:here )?(?:with|by|under) (?:permission|a creative commons)",
        )
        .expect("static regex")
    })
}

/// A site's note on its own standards or the author's holdings, opening
/// its paragraph: `As of the date this article was written, the author does
/// not own …`, `Example Money requires writers to use primary sources …`.
fn is_standards_note(text: &str) -> bool {
    // each shape needs one of these before the regex runs
    let t = text.trim_start();
    let opening = |w: &str| t.get(..w.len()).is_some_and(|h| h.eq_ignore_ascii_case(w));
    if !(opening("as of") || opening("at the time of") || t.contains("primary sources")) {
        return false;
    }
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)^(?:(?:as of the date (?:of )?this (?:article|story|post) was (?:written|published)|as of (?:this )?(?:writing|publication)|at the time of (?:writing|publication)),? (?:the author|the writer|i)\b[^.]{0,40}\b(?:owns?|holds?|held|has|had|have|did not|does not)\b|[A-Z][A-Za-z0-9 .&'’-]{1,40} requires (?:its )?(?:writers|authors|contributors|reporters) to use primary sources)")
            .expect("static regex")
    });
    re.is_match(text.trim_start())
}

/// A newsroom's note on who funds a beat, a paragraph of its own: it names
/// the support and the newsroom's sole say over the text (`The agency
/// receives support from a foundation for its coverage of water. The agency
/// is solely responsible for all content.`).
fn is_funding_note(text: &str) -> bool {
    let lower = text.to_lowercase();
    let funded = [
        "receives support from",
        "receives financial support from",
        "receive support from",
        "is supported by",
        "with support from",
        "funded by",
    ]
    .iter()
    .any(|w| lower.contains(w));
    funded
        && [
            "solely responsible for",
            "full editorial control",
            "sole editorial control",
            "editorial independence",
            "editorially independent",
        ]
        .iter()
        .any(|w| lower.contains(w))
}

/// A newsletter sign-up's privacy notice (`Privacy Notice: Newsletters may
/// contain info about charities, online ads …`), however long.
fn is_newsletter_privacy_notice(text: &str) -> bool {
    let t = text.trim_start();
    t.get(..15)
        .is_some_and(|h| h.eq_ignore_ascii_case("privacy notice:"))
        && t.to_ascii_lowercase().contains("newsletter")
}

/// Longest notice sentence dropped, in chars.
const NOTICE_CHARS: usize = 160;

/// Byte range from the start of the sentence holding a notice to the end
/// of `text`, when that tail is short (a notice closing a paragraph, or a
/// paragraph of its own).
fn notice_tail(text: &str) -> Option<std::ops::Range<usize>> {
    let folded = fold(text);
    let m = notice_re().find(&folded)?;
    let fchars: Vec<char> = folded.chars().collect();
    let tpos: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    if fchars.len() != tpos.len() {
        return None;
    }
    let ci = folded[..m.start()].chars().count();
    // Back to the start of the sentence.
    let start = fchars[..ci]
        .iter()
        .rposition(|&c| matches!(c, '。' | '!' | '?' | '；' | ';') || c == '\n')
        .map_or(0, |i| i + 1);
    if fchars.len() - start > NOTICE_CHARS {
        return None;
    }
    Some(tpos.get(start).copied().unwrap_or(0)..text.len())
}

/// Where the financial statements after a release's boilerplate begin
/// (from block `from` on): the first run of three or more table rows, with
/// the short title lines right above it (`COMPANY INC.`, `CONDENSED
/// CONSOLIDATED STATEMENTS OF OPERATIONS`, `(in thousands)`).
fn statement_tables(work: &Work<'_>, from: usize) -> Option<usize> {
    let is_row = |j: usize| {
        work.blocks
            .get(j)
            .is_some_and(|b| b.alive && b.kind == crate::doc::BlockKind::Row)
    };
    let first =
        (from + 1..work.blocks.len()).find(|&j| is_row(j) && is_row(j + 1) && is_row(j + 2))?;
    let mut start = first;
    while start > from + 1 && first - start < 4 {
        let b = &work.blocks[start - 1];
        // A capitalised company name may end with `INC.`.
        let capitals = !b.text.chars().any(char::is_lowercase);
        let title = b.text.len() <= 160
            && (capitals || !b.text.trim_end().ends_with('.'))
            && !b.text.contains(". ");
        if !(b.alive && title) {
            break;
        }
        start -= 1;
    }
    Some(start)
}

/// Drops a release's boilerplate, from its heading to its statement
/// tables.
fn drop_before_tables(work: &mut Work<'_>, heading: usize, tables: usize) {
    work.drop_unprotected(heading..tables, DropReason::Disclaimer);
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
            // before it need no folding. A release's boilerplate heading
            // may stand in the first half when long statement tables
            // follow it; its section goes if it is shorter than the text
            // above it.
            if (seen + len) * 2 < total {
                if text.len() <= 200 && is_release_heading(text) {
                    if let Some(tables) = statement_tables(work, i) {
                        let section: usize = (i..tables)
                            .filter(|&j| work.blocks[j].alive)
                            .map(|j| char_len(&work.blocks[j].text))
                            .sum();
                        if section < seen {
                            drop_before_tables(work, i, tables);
                            break;
                        }
                    }
                }
                seen += len;
                continue;
            }
            // The heading may open the boilerplate's paragraph
            // (`关于某公司：某公司成立于2015年，…`).
            let inline_heading = || {
                text.split_once(['：', ':']).is_some_and(|(head, _)| {
                    let h = head.trim();
                    char_len(h) <= 16
                        && (h.starts_with("关于")
                            || h.starts_with("關於")
                            || h.starts_with("About "))
                        && is_release_heading(h)
                })
            };
            if (is_release_heading(text) || inline_heading()) && seen * 2 >= total {
                match statement_tables(work, i) {
                    // The release's financial statements follow its
                    // boilerplate: the boilerplate goes, the tables stay.
                    Some(tables) => drop_before_tables(work, i, tables),
                    None => work.cut_from(i, 0, DropReason::Disclaimer),
                }
                break;
            }
            let folded = work.blocks[i].folded();
            if let Some(pos) = marker_in(text, &folded, MARKERS)
                .filter(|_| !is_own_risk_list(&folded) && !is_risk_heading(work, i))
            {
                let before = seen + text[..pos].chars().count();
                // Only in the second half: a page that opens with a notice
                // keeps its article.
                if before * 2 >= total {
                    work.cut_from(i, pos, DropReason::Disclaimer);
                    // Rights notices just above the cut still go.
                    break;
                }
            }
            seen += len;
        }
        // Repost and rights notices in the last part of the page.
        let total = work.alive_chars();
        let mut seen = 0usize;
        for i in work.alive() {
            let len = work.blocks[i].text.chars().count();
            let late = (seen + len) * 10 >= total * 6;
            seen += len;
            if !late || work.blocks[i].protected {
                continue;
            }
            if let Some(r) = notice_tail(&work.blocks[i].text) {
                crate::metadata::drop_tail(work, i, r.start, DropReason::Disclaimer);
            }
        }
        let mut noticed = Vec::new();
        for i in work.alive() {
            let text = &work.blocks[i].text;
            let n = char_len(text);
            if n <= 600
                && (is_editors_note(text)
                    || is_standards_note(text)
                    || is_funding_note(text)
                    || is_newsletter_privacy_notice(text))
            {
                work.drop_block(i, DropReason::Disclaimer);
                continue;
            }
            if n > 200 {
                // A research house's conflict notice, wherever a page
                // break left it.
                if n <= 600 && is_conflict_notice(&work.blocks[i].folded()) {
                    work.drop_block(i, DropReason::Disclaimer);
                }
                continue;
            }
            let folded = &*work.blocks[i].folded();
            // A spokesperson's line with a telephone (`代理發言人：… 電話：…`).
            let spokesperson = n <= 120
                && [
                    "发言人",
                    "代理发言人",
                    "新闻联络人",
                    "媒体联络人",
                    "media contact",
                ]
                .iter()
                .any(|w| folded.trim_start().starts_with(w))
                && contains_any(folded, &["电话", "tel", "phone", "@"]);
            let contact = spokesperson
                || n <= 40
                    && (has_contact_label(folded)
                        || may_be_contact(text) && phone_re().is_match(text.trim()));
            // A notice that closes the author's own sentence after a comma
            // (`…说几点看法，不构成投资建议。`) leaves the paragraph alone.
            // A line that introduces the author's own list with a colon
            // (`聊几点个人看法，不构成投资建议：`) is the author's too.
            let intro = text.trim_end().ends_with([':', '：']);
            let weak = !intro
                && marker_in(text, folded, WEAK_MARKERS).is_some_and(|p| {
                    let before = text[..p].trim_end();
                    // `以上仅为个人研究观点，不构成…`: what comes before is a
                    // notice too, not the author's own sentence.
                    let own_view = char_len(before) <= 20
                        && ["以上", "本文", "仅为", "僅為", "仅代表", "僅代表"]
                            .iter()
                            .any(|w| before.starts_with(w))
                        && ["观点", "觀點", "看法", "意见", "意見"]
                            .iter()
                            .any(|w| before.contains(w));
                    char_len(before) <= 10
                        || !before.ends_with([',', '，', '、'])
                        || own_view
                        || is_self_described_notice(before)
                });
            // A short line that opens with a disclaimer label is one,
            // wherever it sits (the tail cut only acts in the second half).
            // A note marked `※` or `*` that says the text is no advice is
            // the site's or the author's notice (`※本文僅為個人心得，不構成…`).
            let labelled = marker_in(text, folded, MARKERS) == Some(0)
                || (folded.trim_start().starts_with(['※', '*', '＊'])
                    && marker_in(text, folded, WEAK_MARKERS).is_some());
            // The label over a list of the report's own risks, one per
            // line, is the report's heading (`【风险提示】` over
            // `下游需求不及预期；`).
            if is_own_risk_list(folded) || is_risk_heading(work, i) {
                continue;
            }
            let copyright = weak
                || is_takedown_notice(folded)
                || labelled
                || is_bracketed_text_note(folded)
                || contains_any(folded, NOTICE_PHRASES)
                || (!intro && is_own_advice_notice(folded));
            if contact || copyright {
                work.drop_block(i, DropReason::Disclaimer);
                noticed.push(i);
            }
        }
        // A bracketed label right above a dropped notice is its heading
        // (`【投資小提醒】`, `[Disclosure]`).
        for i in noticed {
            let Some(above) = i.checked_sub(1) else {
                continue;
            };
            let b = &work.blocks[above];
            if b.alive && !b.protected && is_bracket_label(&b.text) {
                work.drop_block(above, DropReason::Disclaimer);
            }
        }
    }
}

/// An English editor's note, however long: the outlet's word about the
/// text (`Editor's Note: This story was first published for members …`,
/// `Editors’ note: updated with …`), not the text.
fn is_editors_note(text: &str) -> bool {
    let t = text.trim_start().trim_start_matches(['*', '(', '[', '_']);
    if !t.starts_with(['E', 'e']) {
        return false;
    }
    let lower = t.get(..20).unwrap_or(t).to_ascii_lowercase();
    [
        "editor's note",
        "editor’s note",
        "editors' note",
        "editors’ note",
    ]
    .iter()
    .find_map(|label| lower.strip_prefix(label))
    .is_some_and(|rest| {
        rest.trim_start_matches(['*', ')', ']', '_', ' '])
            .starts_with([':', '—', '–', '-'])
    })
}

/// An editor's note on how the text was made, in brackets of its own
/// (folded): `（本文依錄音整理，內容經節錄）`, `(本文经授权转载)`.
fn is_bracketed_text_note(folded: &str) -> bool {
    let t = folded.trim();
    let Some(inner) = t.strip_prefix('(').and_then(|r| r.strip_suffix(')')) else {
        return false;
    };
    inner.trim_start().starts_with("本文")
        && char_len(inner) <= 100
        && contains_any(
            inner,
            &[
                "整理", "编辑", "节录", "转载", "授权", "为准", "原创", "观点",
            ],
        )
}

/// A research report's own list of risks under a `风险提示：` label
/// (`风险提示：下游需求不及预期；产能供给受限；…`), given folded: the
/// report's text, not the site's notice (which says `仅供参考`, `不构成投资
/// 建议`, `投资需谨慎`).
fn is_own_risk_list(folded: &str) -> bool {
    let t = folded.trim_start().trim_start_matches(['【', '[']);
    t.starts_with("风险提示")
        && (t.contains("不及预期") || t.matches('；').count() >= 2)
        && !contains_any(
            t,
            &[
                "仅供参考",
                "投资建议",
                "谨慎",
                "风险自担",
                "市场有风险",
                "不构成",
            ],
        )
}

/// Block `i` is the label over a list of the report's own risks, one per
/// line: the report's heading (`【风险提示】` over `下游需求不及预期；`).
fn is_risk_heading(work: &Work, i: usize) -> bool {
    let b = &work.blocks[i];
    b.text.len() <= 40
        && is_risk_label(&b.folded())
        && work.blocks[i + 1..]
            .iter()
            .find(|n| n.alive)
            .is_some_and(|n| is_own_risk_item(&n.folded()))
}

/// A risk label alone on its line (folded): `风险提示`, `【风险提示】`.
fn is_risk_label(folded: &str) -> bool {
    let t = folded
        .trim()
        .trim_matches(['【', '】', '[', ']', ':', '：', ' ']);
    matches!(t, "风险提示" | "风险因素" | "主要风险")
}

/// One of a report's own risks on its line (folded): `下游需求不及预期；`.
fn is_own_risk_item(folded: &str) -> bool {
    let t = folded.trim();
    char_len(t) <= 60
        && (t.contains("不及预期") || t.ends_with(['；', ';']))
        && !contains_any(t, &["仅供参考", "投资建议", "谨慎", "不构成"])
}

/// A sentence of its own saying the text is not advice, after a subject
/// of a few characters (`本节目不构成任何投资建议。`), given folded. After a
/// comma the notice closes the author's own sentence, which stays.
fn is_own_advice_notice(folded: &str) -> bool {
    ["不构成任何投资建议", "不构成投资建议"].iter().any(|m| {
        folded.find(m).is_some_and(|at| {
            let before = &folded[..at];
            let sentence = before
                .rfind(|c: char| is_sentence_end(c))
                .map_or(before, |p| &before[p..]);
            char_len(sentence) <= 6 && !sentence.contains([',', '，', '、'])
        })
    })
}

/// Whether `text` could be a phone number or an e-mail address at all: an
/// `@`, or five digits (most lines have neither; the contact pattern is
/// costly to run on every short line).
fn may_be_contact(text: &str) -> bool {
    text.contains('@') || text.bytes().filter(u8::is_ascii_digit).count() >= 5
}

/// A research report's standard conflict-of-interest notice (folded):
/// `… does and seeks to do business with companies covered in its research
/// reports …`.
fn is_conflict_notice(folded: &str) -> bool {
    folded.contains("seeks to do business with compan")
        || (folded.contains("conflict of interest")
            && folded.contains("objectivity of this report"))
}

/// A short label in brackets and nothing else (`【投資小提醒】`).
fn is_bracket_label(text: &str) -> bool {
    let t = text.trim();
    char_len(t) <= 14
        && ((t.starts_with('【') && t.ends_with('】'))
            || (t.starts_with('[') && t.ends_with(']'))
            || (t.starts_with('［') && t.ends_with('］')))
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_document_that_says_what_it_is_only_for() {
        assert!(is_self_described_notice(
            "本报告为团队内部整理，数据来自公司公告，仅供内部交流，"
        ));
        assert!(!is_self_described_notice("我们认为需求仍强，"));
    }

    #[test]
    fn a_latin_contact_label_starts_a_word() {
        assert!(!has_contact_label("intel: foundry spending slows again"));
        assert!(has_contact_label("tel: +852 3958 2214"));
        assert!(has_contact_label("客服热线 工作日九点至六点"));
    }

    use super::*;

    #[test]
    fn a_release_keeps_its_statement_tables_after_the_boilerplate() {
        use crate::doc::{Block, BlockKind};
        let body = "Example Micro reported record revenue for the quarter, and said demand for its accelerators kept growing across every region it serves.";
        let mut blocks: Vec<Block> = (0..4).map(|_| Block::new(body, BlockKind::Para)).collect();
        blocks.push(Block::new("Forward-Looking Statements", BlockKind::Heading));
        blocks.push(Block::new(
            "This release contains forward-looking statements that involve risks.",
            BlockKind::Para,
        ));
        blocks.push(Block::new("EXAMPLE MICRO INC.", BlockKind::Para));
        blocks.push(Block::new("(in thousands)", BlockKind::Para));
        for row in [
            "Revenue 204,118 150,062",
            "Cost of revenue 97,540 71,203",
            "Gross profit 106,578 78,859",
        ] {
            blocks.push(Block::new(row, BlockKind::Row));
        }
        let mut w = Work::new(blocks);
        DisclaimerFilter.run(&mut w);
        assert_eq!(w.alive(), vec![0, 1, 2, 3, 6, 7, 8, 9, 10]);

        // Long tables put the boilerplate in the page's first half.
        let mut blocks: Vec<Block> = (0..2).map(|_| Block::new(body, BlockKind::Para)).collect();
        blocks.push(Block::new(
            "Conference Call Information",
            BlockKind::Heading,
        ));
        blocks.push(Block::new(
            "Example Micro will host a call for analysts today at 1:30 p.m. Pacific Time.",
            BlockKind::Para,
        ));
        blocks.push(Block::new("EXAMPLE MICRO INC.", BlockKind::Para));
        for _ in 0..12 {
            blocks.push(Block::new(
                "Research and development expenses 118,402 86,117 340,221 250,980",
                BlockKind::Row,
            ));
        }
        let mut w = Work::new(blocks);
        DisclaimerFilter.run(&mut w);
        let alive = w.alive();
        assert_eq!(alive.len(), 2 + 1 + 12);
        assert!(!alive.contains(&2) && !alive.contains(&3));
    }

    #[test]
    fn a_research_conflict_notice_goes_wherever_it_stands() {
        let notice = "Example Securities does and seeks to do business with companies covered in its research reports. As a result, investors should be aware that the firm may have a conflict of interest that could affect the objectivity of this report. Investors should consider this report as only a single factor in making their investment decision.";
        assert!(is_conflict_notice(&fold(notice)));
        let body = "Contract prices for the new memory settled above our expectations, and we raise our estimates for next year.";
        let mut w = Work::of_lines(
            &[body, notice, body, body, body],
            crate::doc::BlockKind::Line,
        );
        DisclaimerFilter.run(&mut w);
        assert_eq!(w.alive(), vec![0, 2, 3, 4]);
    }

    #[test]
    fn a_bracketed_label_above_a_notice_goes_with_it() {
        let body = "某封測廠表示，明年先進封裝產能將再增加三成，主要客戶已預付部分款項，擴產計畫不受匯率影響。";
        let lines = [
            body,
            body,
            "【投資提醒】",
            "本文提及公司僅供參考，不代表任何投資建議。",
            "【延伸】",
            body,
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Para);
        DisclaimerFilter.run(&mut w);
        let alive: Vec<usize> = w.alive();
        assert_eq!(alive, vec![0, 1, 4, 5], "a label above body text stays");
    }

    #[test]
    fn a_rights_notice_above_a_disclaimer_cut_goes_too() {
        let lines = [
            "国产存储厂商的高带宽内存产品已向多家客户送样，预计明年上半年实现量产，产能将逐季提升。",
            "业内人士认为，封装良率仍是决定国产高带宽内存能否大规模出货的关键因素之一。",
            "本文系某某观察原创稿件，撰稿：王某。转载须联系编辑部。",
            "往期回顾",
            "免责声明：以上观点仅代表撰稿人，读者据此操作风险自负。",
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Para);
        DisclaimerFilter.run(&mut w);
        let kept: Vec<&str> = w
            .blocks
            .iter()
            .filter(|b| b.alive)
            .map(|b| &*b.text)
            .collect();
        assert!(!kept.iter().any(|t| t.contains("免责声明")), "{kept:?}");
        assert!(!kept.iter().any(|t| t.contains("原创")), "{kept:?}");
        assert!(kept[1].contains("封装良率"), "{kept:?}");
    }

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
        assert!(is_takedown_notice(&fold(
            "本文档由用户上传，仅供学习交流，如有侵权请联系删除"
        )));
        assert!(!is_takedown_notice(&fold(
            "▲某公司的办公大楼（图片来源于网络，如有侵权请联系删除）"
        )));
    }

    #[test]
    fn investment_and_hotline_notices_are_weak_markers() {
        for line in [
            "This report is for information only and does not constitute investment advice.",
            "Past performance is no guarantee of future returns.",
            "The material is provided for informational purposes only.",
            "This story was generated with the help of AI and checked by our desk.",
            "Appeared in the May 2, 2025, print edition as 'Chip Lines Run Hot'.",
            "《某電視台》提醒您：投資一定有風險，基金投資有賺有賠，申購前應詳閱公開說明書。",
            "＊珍惜生命，自殺不能解決問題。若需諮詢請撥安心專線：1925",
        ] {
            assert!(contains_any(&fold(line), NOTICE_PHRASES), "{line}");
        }
        let body = "Nvidia said demand for the H20 remained strong in China.";
        assert!(!contains_any(&fold(body), NOTICE_PHRASES));
    }

    #[test]
    fn an_authors_closing_clause_keeps_its_paragraph() {
        let run = |lines: &[&str]| {
            let mut w = Work::new(
                lines
                    .iter()
                    .map(|l| crate::doc::Block::new(l.to_string(), crate::doc::BlockKind::Line))
                    .collect(),
            );
            DisclaimerFilter.run(&mut w);
            w.alive().len()
        };
        assert_eq!(
            run(&["财报出来两天了，我把纪要过了一遍，说几点自己的看法，不构成投资建议。"]),
            1
        );
        assert_eq!(run(&["本文仅供参考，不构成投资建议。"]), 0);
        assert_eq!(run(&["※本文僅為個人心得分享，不構成任何投資建議。"]), 0);
        assert!(phone_re().is_match("(02)2345-6789 分機 100"));
        assert_eq!(run(&["有新聞線索？歡迎報料：9000 0000"]), 0);
        assert_eq!(
            run(&["代理發言人：投資人關係處 協理 張某某　電話：+886-3-000-0000 分機 1105"]),
            0
        );
        assert_eq!(run(&["發言人表示，公司明年將擴大資本支出。"]), 1);
        assert_eq!(
            run(&["聊几点个人看法，不构成投资建议："]),
            1,
            "a colon introduces the author's own list"
        );
        assert_eq!(run(&["本节目不构成任何投资建议。"]), 0);
        let body =
            "公司今日发布新一代训练芯片，单卡算力较上一代提升一倍，已在多个智算中心完成部署验证。";
        assert_eq!(
            run(&[
                body,
                body,
                "关于某某科技：某某科技成立于2015年，是国内首批专注于通用GPU的企业。"
            ]),
            2
        );
        assert_eq!(run(&["以上仅为个人研究观点，不构成任何投资建议。"]), 0);
        assert_eq!(run(&["（本文依座談會錄音整理，內容經節錄）"]), 0);
        assert_eq!(run(&["(本文经作者授权转载)"]), 0);
        assert_eq!(run(&["（本文提到的三家公司，明年都有新產能開出）"]), 1);
        assert_eq!(
            run(&["风险提示：下游需求不及预期；产能供给受限；出口管制收紧。"]),
            1
        );
        assert_eq!(run(&["风险提示：以上内容仅供参考，不构成投资建议。"]), 0);
        assert_eq!(
            run(&["【风险提示】", "下游需求不及预期；", "产能爬坡慢于计划。"]),
            3
        );
        assert_eq!(
            run(&["【风险提示】", "本报告仅供参考，不构成投资建议。"]),
            0
        );
    }

    #[test]
    fn standards_and_holdings_notes() {
        assert!(is_standards_note(
            "As of the date this article was written, the author does not own any of the stocks mentioned."
        ));
        assert!(is_standards_note(
            "Example Money requires writers to use primary sources to support their work. These include white papers."
        ));
        assert!(!is_standards_note(
            "As of the date of the filing, the company owns 12 fabs across three countries."
        ));
    }

    #[test]
    fn a_newsletters_privacy_notice() {
        assert!(is_newsletter_privacy_notice(
            "Privacy Notice: Newsletters may carry ads and partner content. We use a captcha to protect the sign-up."
        ));
        assert!(!is_newsletter_privacy_notice(
            "Privacy notice: the fab's badge system logs every entry."
        ));
    }

    #[test]
    fn a_funders_note_on_a_beat() {
        assert!(is_funding_note(
            "The Daily Ledger receives support from the Harbor Trust for its coverage of energy. The Ledger is solely responsible for all content."
        ));
        assert!(is_funding_note(
            "This series is supported by a grant from the Acme Fund; our newsroom retains full editorial control."
        ));
        // a story about funding is no note
        assert!(!is_funding_note(
            "The startup is supported by three sovereign funds and says it will tape out in May."
        ));
    }

    #[test]
    fn english_editors_notes_of_any_length() {
        let long = "Editor's Note: This column first ran in our members' weekly on May 2. \
                    Prices are as of that date. Readers who join this month get the archive free. \
                    The author holds no position in the companies named.";
        assert!(is_editors_note(long));
        assert!(is_editors_note(
            "*Editors’ note*: updated with the company's reply."
        ));
        assert!(is_editors_note(
            "(Editor’s note — corrects the unit price in paragraph four)"
        ));
        assert!(!is_editors_note(
            "Editors noted that the chip shipped late."
        ));
        assert!(!is_editors_note(
            "The editor's note said nothing about the chip."
        ));
    }

    #[test]
    fn notices() {
        let t = "该公司股价今年上涨三成。本文由某某评论原创，未经授权，禁止转载。";
        assert_eq!(notice_tail(t).map(|r| r.start), t.find("本文"));
        assert!(notice_tail("本網站內容非經同意，不得轉載或重製。").is_some());
        assert!(notice_tail("上文節錄自第88期《某週刊》，原文題為《新戰局》。").is_some());
        assert!(notice_tail("This post was originally published on Example Blog.").is_some());
        assert!(notice_tail("公司原创的芯片架构已获多项专利，授权给多家客户使用。").is_none());
    }

    #[test]
    fn contact_lines() {
        assert!(phone_re().is_match("400-820-7788"));
        assert!(may_be_contact("400-820-7788") && may_be_contact("jdoe@example.com"));
        assert!(!may_be_contact("2025"));
        assert!(phone_re().is_match("010-12345678"));
        assert!(!phone_re().is_match("2025"));
        assert!(phone_re().is_match("jdoe@example-daily.co.kr"));
        for t in [
            "About Example Silicon, Inc.",
            "Forward-Looking Statements",
            "Cautionary Note Regarding Forward-Looking Statements",
            "Media Contacts",
            "SOURCE Example Silicon, Inc.",
            "关于某某科技",
            "關於某某科技",
            "媒体联系人",
            "###",
            "分析師聲明",
            "評等定義",
            "利益揭露",
            "Conference Call Information",
            "Use of Non-GAAP Financial Measures",
            "Important disclosures",
            "Analyst certification",
            "重要事項／免責聲明",
            "前瞻性陳述",
            "承董事會命",
            "By order of the Board",
        ] {
            assert!(is_release_heading(t), "{t}");
        }
        for t in [
            "請參閱末頁之免責聲明",
            "About the chip",
            "About 40% of wafers ship to Asia.",
            "Contact lenses for chips",
        ] {
            assert!(!is_release_heading(t), "{t}");
        }
        assert!(phone_re().is_match("Email: jdoe@example.com"));
        assert!(!phone_re().is_match("Write to jdoe@example.com with tips about the fab."));
    }
}
