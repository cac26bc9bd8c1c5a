//! Keyword-stuffed SEO spam, adult spam and link farms.
//!
//! Owns: lines (or long `|`-separated stretches inside a line) that are lists
//! of short keyword segments. Signals: separator density (`|`, `,`, `、`)
//! with short segments (Han segments measured in characters, Latin ones in
//! words) and no sentence punctuation, a generic adult/gambling/counterfeit
//! spam lexicon in Chinese and English (including link-farm words such as
//! 蜘蛛池), script mismatch
//! (Simplified Chinese keyword lists on a Traditional page and vice versa),
//! and bare keyword runs: seven or more short segments (comma-separated, or
//! space-separated in Chinese) with no closing punctuation and almost no
//! words that glue a sentence together (`the`, `and`, 的, 了, 是, …).
//! Must not know: the names of particular spam sites or pages.

use crate::doc::{BlockKind, Detector, Work};
use crate::lang::foreign_script_share;
use crate::script::{char_len, count_any, fold, han_count};
use model::{DropReason, Lang};

/// Generic spam vocabulary, folded to Simplified and lower case.
const LEXICON: &[&str] = &[
    "无码",
    "有码",
    "字幕",
    "精品",
    "久久",
    "一区",
    "二区",
    "三区",
    "日韩",
    "欧美",
    "成人",
    "色播",
    "激情",
    "婷婷",
    "福利",
    "毛片",
    "黄色",
    "色情",
    "人妻",
    "少妇",
    "偷拍",
    "自拍",
    "三级",
    "在线观看",
    "免费视频",
    "av",
    "a片",
    "情色",
    "伦理",
    "美女",
    "国产精品",
    "天堂",
    "影院",
    "porn",
    "xxx",
    "sex",
    "casino",
    "viagra",
    "博彩",
    "赌场",
    "彩票",
    "棋牌",
    "娱乐城",
    "百家乐",
    "六合彩",
    "老虎机",
    "代孕",
    "办证",
    "发票",
    "蜘蛛池",
    "泛目录",
    "站群",
    "秒收录",
    "seo优化",
    // English spam verticals: counterfeit goods, gambling, pills, cracks,
    // fake documents, escorts, bought followers.
    "replica",
    "free spins",
    "slot gacor",
    "gacor",
    "judi",
    "togel",
    "robux",
    "crack",
    "betting",
    "payday loan",
    "keygen",
    "cracked",
    "escort",
    "buy followers",
    "weight loss",
    "lose weight",
    "diploma",
    "webcam",
    "hentai",
    "uncensored",
];

/// Splits into segments on list separators.
fn segments(text: &str) -> Vec<&str> {
    text.split(['|', '｜', ',', '，', '、', '/'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// True when `text` reads as a stuffed keyword list.
pub fn is_spam_line(text: &str, page_lang: Lang) -> bool {
    let pipes = text.chars().filter(|&c| c == '|' || c == '｜').count();
    let segs = segments(text);
    if segs.len() < 5 {
        return bare_keyword_list(text, &segs);
    }
    let sentence = text
        .chars()
        .filter(|&c| matches!(c, '。' | '!' | '！' | '?' | '？' | '；'))
        .count();
    if sentence * 10 > segs.len() {
        return false;
    }
    // Segment size: Chinese in characters, Latin in words (an English
    // keyword of three or four words is as short as four Han characters).
    // A run of five or more `|` takes longer keyword phrases (English
    // search terms of five or six words) before it could be prose.
    let piped = pipes >= 5 && pipes * 2 >= segs.len();
    let avg = segs.iter().map(|s| segment_size(s)).sum::<usize>() / segs.len();
    if avg > if piped { 28 } else { 16 } {
        return false;
    }
    let folded = fold(text);
    let hits = count_any(&folded, LEXICON);
    let foreign = han_count(text) >= 10 && foreign_script_share(text, page_lang) > 0.5;
    // A long run of `|` separators with short segments is a link farm even
    // without spam words; with commas it needs the lexicon, the script, or
    // (a long list of bare keywords) no grammar at all.
    (piped && (avg <= 16 || hits >= 1))
        || hits >= 3
        || (foreign && hits >= 1)
        || bare_keyword_list(text, &segs)
}

/// Size of a list segment in Latin-equivalent characters: Han text counts
/// its characters, a Latin segment four characters a word.
fn segment_size(s: &str) -> usize {
    if han_count(s) * 2 >= char_len(s) {
        char_len(s)
    } else {
        4 * s.split_whitespace().count()
    }
}

/// English words and Chinese characters that hold a sentence together; a
/// keyword list has (almost) none of them.
const GLUE_WORDS: &[&str] = &[
    "the", "and", "of", "to", "in", "is", "are", "was", "were", "said", "with", "for", "that",
    "by", "on", "as", "its", "it", "from", "has", "have", "will", "at", "which",
];
const GLUE_HAN: &[char] = &[
    '的', '了', '是', '在', '和', '与', '與', '将', '將', '为', '為', '被', '等', '也', '而', '但',
    '並', '并', '对', '對', '已', '于', '於',
];

/// Seven or more short segments, no closing punctuation, and (almost) no
/// glue words: `gpu deals, cheap h100, rent a100, …`, `芯片,显卡,算力租赁,…`.
fn bare_keyword_list(text: &str, segs: &[&str]) -> bool {
    if text
        .trim_end()
        .ends_with(['.', '。', '!', '！', '?', '？', ';', '；'])
    {
        return false;
    }
    // Chinese keyword runs may be separated by spaces only.
    let spaced: Vec<&str>;
    let segs = if segs.len() < 7 && han_count(text) * 2 > char_len(text) {
        spaced = text
            .split_whitespace()
            .filter(|s| s.chars().any(char::is_alphanumeric))
            .collect();
        &spaced[..]
    } else {
        segs
    };
    if segs.len() < 7 {
        return false;
    }
    let glued = segs
        .iter()
        .filter(|s| {
            s.chars().any(|c| GLUE_HAN.contains(&c))
                || s.split_whitespace()
                    .any(|w| GLUE_WORDS.contains(&w.to_ascii_lowercase().as_str()))
        })
        .count();
    let long = segs.iter().filter(|s| char_len(s) > 14).count();
    glued * 6 <= segs.len() && long == 0
}

pub struct SpamFilter;

impl Detector for SpamFilter {
    fn name(&self) -> &'static str {
        "spam"
    }

    fn run(&self, work: &mut Work<'_>) {
        let lang = work.lang;
        for i in work.alive() {
            // Table rows and preformatted lines are label/value data, not
            // keyword runs (`Model Vendor Process Memory`).
            if matches!(work.blocks[i].kind, BlockKind::Row | BlockKind::Pre) {
                continue;
            }
            let text = work.blocks[i].text.clone();
            if is_spam_line(&text, lang) {
                work.drop_block(i, DropReason::Spam);
                continue;
            }
            // A link farm glued to the end of a line (`... 模板: a| b| c|`):
            // cut from the first pipe-dense segment.
            if let Some(pos) = pipe_tail(&text) {
                if is_spam_line(&text[pos..], lang) {
                    let tail = std::iter::once(pos..text.len()).collect();
                    work.remove_ranges(i, tail, DropReason::Spam);
                }
            }
        }
    }
}

/// Start of the trailing stretch whose segments are separated by `|`, if
/// there are at least five.
fn pipe_tail(text: &str) -> Option<usize> {
    let pipes: Vec<usize> = text.match_indices(['|', '｜']).map(|(i, _)| i).collect();
    if pipes.len() < 5 {
        return None;
    }
    // Walk back from the first pipe to the previous clause boundary.
    let first = pipes[0];
    let start = text[..first]
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, '。' | ':' | '：' | '!' | '！' | '?' | '？'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    Some(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comma_keyword_list_is_spam() {
        assert!(is_spam_line(
            "色情片,激情视频,无码专区,日韩精品,国产成人,免费观看,久久爱",
            Lang::ZhHant
        ));
    }

    #[test]
    fn pipe_link_farm_is_spam() {
        assert!(is_spam_line(
            "甲站| 乙站| 丙站| 丁站| 戊站| 己站|",
            Lang::ZhHans
        ));
    }

    #[test]
    fn bare_keyword_lists_are_spam() {
        assert!(is_spam_line(
            "gpu deals, cheap h100, rent a100, ai stocks to buy, chip etf, cloud gpu price, best gpu 2025",
            Lang::En
        ));
        assert!(is_spam_line(
            "芯片,显卡,算力租赁,GPU服务器,便宜显卡,AI股票,芯片股,服务器租用",
            Lang::ZhHans
        ));
        // An enumeration inside a sentence has glue and an end.
        assert!(!is_spam_line(
            "The index tracks Nvidia, AMD, Intel, Qualcomm, Arm, Micron, Broadcom and TSMC.",
            Lang::En
        ));
        assert!(!is_spam_line(
            "寒武纪、海光、摩尔线程、沐曦、壁仞、燧原、昆仑芯等厂商的产品已经进入数据中心",
            Lang::ZhHans
        ));
    }

    #[test]
    fn prose_with_commas_is_not_spam() {
        let t = "甲公司、乙公司、丙公司、丁公司、XYZ等數十家本土晶片新創接連發表產品,算力規格從數十乃至上千TOPS,主要鎖定雲端、邊緣推論。";
        assert!(!is_spam_line(t, Lang::ZhHant));
        assert!(!is_spam_line(
            "Nvidia, AMD, Intel, Qualcomm, Arm, and Broadcom all reported results.",
            Lang::En
        ));
    }

    #[test]
    fn english_pipe_spam_with_five_word_terms() {
        assert!(is_spam_line(
            "cheap gpu rental near me today | used server racks sale online | best graphics card deals this week | crack photo editor full version | online casino bonus no deposit | buy followers cheap fast",
            Lang::En
        ));
        assert!(!is_spam_line(
            "Pricing starts at $2 an hour | Capacity is limited in two regions | Reservations open next week | Support is included | Terms apply to all plans",
            Lang::En
        ));
    }

    #[test]
    fn english_pipe_spam_with_longer_segments() {
        assert!(is_spam_line(
            "cheap designer handbags online | replica sneakers free shipping | online casino bonus codes | best betting odds tonight | keygen for photo editor",
            Lang::En
        ));
        assert!(is_spam_line(
            "Trending searches: payday loan no credit check | buy followers cheap | weight loss tea | hentai comics free | live dealer casino",
            Lang::En
        ));
        assert!(!is_spam_line(
            "Revenue rose 20% | margins fell | guidance was raised, the company said.",
            Lang::En
        ));
    }
}
