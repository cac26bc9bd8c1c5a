//! Page chrome: markup residue, breadcrumbs, menus, share counters, app and
//! follow promos, call-to-action lines.
//!
//! Owns: three detectors. [`MarkupResidue`] removes HTML tags left in text.
//! [`ChromeFilter`] drops breadcrumbs (`A > B > C`), the run of very short
//! lines before the first body paragraph (theme menus, labels, counters),
//! short lines carrying promo/share/app vocabulary (both Chinese scripts and
//! English, matched after folding), and lines made only of chrome words and
//! counters. [`Leftovers`] drops blocks left without letters or digits.
//! Must not know: site names or any string of a particular page; disclaimers,
//! spam and related lists (their own detectors).

use crate::doc::{has_substance, Detector, Work};
use crate::script::{
    char_len, contains_any, fold, han_count, has_inner_sentence_end, is_sentence_end,
};
use model::DropReason;
use regex::Regex;
use std::sync::OnceLock;

/// Removes HTML tags that leaked into the text (`<cite id=..>`, `</li>`).
pub struct MarkupResidue;

fn tag_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)</?(?:a|abbr|article|aside|audio|b|big|blockquote|body|br|button|canvas|caption|center|cite|code|col|dd|del|details|div|dl|dt|em|embed|fieldset|figcaption|figure|font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|input|ins|kbd|label|legend|li|link|main|mark|meta|nav|noscript|object|ol|option|p|param|picture|pre|q|s|samp|script|section|select|small|source|span|strike|strong|style|sub|summary|sup|svg|table|tbody|td|textarea|tfoot|th|thead|time|title|tr|track|tt|u|ul|var|video|wbr)(?:\s[^<>]*)?/?>",
        )
        .expect("static regex")
    })
}

impl Detector for MarkupResidue {
    fn name(&self) -> &'static str {
        "markup_residue"
    }

    fn run(&self, work: &mut Work<'_>) {
        let re = tag_re();
        for i in work.alive() {
            let ranges: Vec<_> = re
                .find_iter(&work.blocks[i].text)
                .map(|m| m.range())
                .collect();
            work.remove_ranges(i, ranges, DropReason::Chrome);
        }
    }
}

/// Breadcrumbs, head menus, promo and share lines.
pub struct ChromeFilter;

/// Phrases that, in a short line, mark site chrome. Simplified + lower case:
/// text is folded before matching, so Traditional pages match too.
const PROMO: &[&str] = &[
    "分享至",
    "分享到",
    "下载app",
    "打开app",
    "app下载",
    "下载客户端",
    "客户端下载",
    "公众号",
    "扫码",
    "扫一扫",
    "二维码",
    "加星标",
    "设为星标",
    "求推荐",
    "点赞",
    "阅读原文",
    "无障碍",
    "关怀版",
    "申请入驻",
    "往期回顾",
    "文章数",
    "关注度",
    "点击这里",
    "点击下载",
    "点击查看",
    "点击阅读",
    "点击进入",
    "欢迎关注",
    "关注我们",
    "长按识别",
    "查看更多",
    "展开全文",
    "上一篇",
    "下一篇",
    "返回首页",
    "返回顶部",
    "网站地图",
    "联系我们",
    "关于我们",
    "更多资讯",
    "更多精彩",
    "订阅",
    "微信号",
    "微博",
    "举报",
    "share this",
    "share on",
    "subscribe",
    "sign up",
    "sign in",
    "log in",
    "leave a comment",
    "leave a reply",
    "read more",
    "advertisement",
    "follow us",
    "newsletter",
    "click here",
    "skip to",
    "back to top",
    "cookie",
    "download the app",
    "comments",
    "print this",
    "email this",
];

/// Words that, alone with counters and punctuation, make a chrome line.
const CHROME_WORDS: &[&str] = &[
    "分享",
    "收藏",
    "评论",
    "留言",
    "点赞",
    "导航",
    "收起",
    "展开",
    "打印",
    "字号",
    "正文",
    "摘要",
    "导读",
    "转发",
    "举报",
    "首页",
    "返回",
    "关注",
    "推荐",
    "阅读",
    "浏览",
    "人",
    "次",
    "条",
    "大",
    "中",
    "小",
    "share",
    "print",
    "email",
    "comments",
    "comment",
    "广告",
    "advertisement",
    "sponsored",
    "like",
    "menu",
    "search",
    "home",
    "tweet",
    "facebook",
    "twitter",
    "linkedin",
    "whatsapp",
    "reddit",
    "copy link",
    "link",
    "save",
    "views",
    "reads",
];

fn is_breadcrumb(text: &str) -> bool {
    let seps = text
        .chars()
        .filter(|&c| matches!(c, '>' | '»' | '›' | '＞'))
        .count();
    if seps == 0 || char_len(text) > 50 || has_inner_sentence_end(text) {
        return false;
    }
    let parts: Vec<&str> = text.split(['>', '»', '›', '＞']).map(str::trim).collect();
    parts.iter().all(|p| char_len(p) <= 14)
        && (seps >= 2 || parts.iter().filter(|p| !p.is_empty()).count() <= 2)
}

fn is_short_head_line(text: &str) -> bool {
    if han_count(text) > 0 {
        char_len(text) <= 6
    } else {
        char_len(text) <= 12 && text.split_whitespace().count() <= 2
    }
}

/// A paragraph of running text: long enough and punctuated.
pub fn is_body_paragraph(text: &str) -> bool {
    let n = char_len(text);
    let cjk = han_count(text) * 2 > n;
    let long = if cjk { n >= 30 } else { n >= 80 };
    long && text
        .chars()
        .any(|c| is_sentence_end(c) || matches!(c, ',' | '，' | '、'))
}

/// Counters as sites print them: `1,204`, `1.3K`, `3.2万`, `2.1M`.
fn counter_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"\d+(?:[.,]\d+)*\s*(?:[km万w]\b|[万w])?\+?").expect("static regex")
    })
}

fn only_chrome_words(text: &str) -> bool {
    let mut f = counter_re().replace_all(&fold(text), " ").into_owned();
    for w in CHROME_WORDS {
        f = f.replace(w, " ");
    }
    let rest: usize = f
        .chars()
        .filter(|c| c.is_alphanumeric() && !c.is_ascii_digit())
        .count();
    rest == 0 && text.chars().any(|c| c.is_alphabetic())
}

impl Detector for ChromeFilter {
    fn name(&self) -> &'static str {
        "chrome"
    }

    fn run(&self, work: &mut Work<'_>) {
        let alive = work.alive();
        let first_body = alive
            .iter()
            .position(|&i| is_body_paragraph(&work.blocks[i].text))
            .unwrap_or(alive.len());
        for (k, &i) in alive.iter().enumerate() {
            let b = &work.blocks[i];
            if b.protected {
                continue;
            }
            let text = &*b.text;
            let short = char_len(text) <= 40;
            let in_head = k < first_body;
            let drop = is_breadcrumb(text)
                || (in_head && is_short_head_line(text))
                || (short && !has_inner_sentence_end(text) && contains_any(&fold(text), PROMO))
                || (short && only_chrome_words(text));
            if drop {
                work.drop_block(i, DropReason::Chrome);
            }
        }
    }
}

/// Drops blocks that editing left without letters or digits.
pub struct Leftovers;

impl Detector for Leftovers {
    fn name(&self) -> &'static str {
        "leftovers"
    }

    fn run(&self, work: &mut Work<'_>) {
        for i in work.alive() {
            if !has_substance(&work.blocks[i].text) {
                work.drop_block(i, DropReason::Chrome);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breadcrumbs() {
        assert!(is_breadcrumb("首頁> 股市消息>"));
        assert!(is_breadcrumb("Home > Tech > Chips"));
        assert!(is_breadcrumb("网易首页 > 网易号 > 正文 申请入驻"));
        assert!(!is_breadcrumb("营收增长 > 30%,超出预期。随后股价上涨。"));
    }

    #[test]
    fn chrome_word_lines() {
        assert!(only_chrome_words("31 收藏"));
        assert!(only_chrome_words("導航"));
        assert!(only_chrome_words("Share"));
        assert!(only_chrome_words("分享 1.3K 留言 42"));
        assert!(only_chrome_words("阅读 3.2万"));
        assert!(!only_chrome_words("HBM 3.2万片"));
        assert!(!only_chrome_words("1"));
        assert!(!only_chrome_words("算力擴張,芯片先行"));
    }
}
