//! Page chrome: markup residue, breadcrumbs, menus, share counters, app and
//! follow promos, call-to-action lines.
//!
//! Owns: three detectors. [`MarkupResidue`] removes HTML tags left in text.
//! [`ChromeFilter`] drops breadcrumbs (`A > B > C`), the run of very short
//! lines before the first body paragraph (theme menus, labels, counters),
//! short lines carrying promo/share/app vocabulary (both Chinese scripts and
//! English, matched after folding), and lines made only of chrome words and
//! counters (a number with a unit alone, such as a table cell `1,400W`, is
//! not a counter line), rows of four or more short segments between bars,
//! dots or spaced dashes (menus, footers; above the first prose paragraph
//! also byline rows with figures), datelines above the first prose
//! paragraph (a line opening with a date or time and holding a few more
//! words: reporter, place, counters; dropped as metadata, its date kept as
//! the published time), end-of-article markers (`（完）`, `(END)`),
//! bulletin-board `※` notes and numbered form labels, bare URLs and page
//! positions, truncated teasers (`… 展开全文`), subscribe boxes, lone
//! engagement counts (and a count under a chrome label), and paid
//! placements (the lines between two paragraphs that hold two or more
//! sponsor labels), a table of contents under a contents header (the
//! subheads it copies stay), and runs of one-tag lines (or one tag with
//! its count). Also: paragraphs holding two or more promo phrases, a
//! truncated teaser with its expander on the next line, short links ending
//! in `>>`, player controls and icon alt text, a photo's licensing link
//! and gallery position inside its caption, a newsletter's
//! view-in-browser link and numbered issue contents. Also: a lone blurb
//! in a menu (a publisher's line in its brand list) with a menu entry over
//! it, a box closed by its `see all` link (`查看全部…`: a widget's title,
//! table header and rows), and an ad box from its label down to its button
//! (`贊助廣告`, the pitch, the advertiser, `立即了解`). It calls, in order,
//! the video cards and quote widgets of [`crate::widget`] and the
//! transcript notes of [`crate::transcript`] first, the line tests of
//! printed and mailed pages from [`crate::printed`] in its line loop, and
//! the multi-line boxes of [`crate::promo`] and [`crate::printed`] after it.
//! [`Leftovers`] drops blocks left without letters or digits.
//! Must not know: site names or any string of a particular page; disclaimers,
//! spam and related lists (their own detectors).

use crate::doc::{has_substance, BlockKind, Detector, Work};
use crate::printed::{
    chart_dumps, data_panels, is_edition_label, is_issue_line, is_mail_header, is_page_footer,
    running_headers,
};
use crate::promo::{
    called_ads, donation_boxes, event_promos, premium_teasers, product_pitches, ruled_boxes,
    service_cards, sponsored_sections, stock_pick_promos,
};
use crate::script::{
    char_len, contains_any, fold, han_count, has_inner_sentence_end, is_sentence_end,
};
use crate::widget::is_quote_line;
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

/// Cookie-consent notices. They run early: one at the top of a text dump
/// would read as the article's first paragraph, one at the bottom as its
/// last.
pub struct CookieNotices;

impl Detector for CookieNotices {
    fn name(&self) -> &'static str {
        "cookie_notices"
    }

    fn run(&self, work: &mut Work<'_>) {
        for i in work.alive() {
            if !work.blocks[i].protected && is_cookie_notice(&work.blocks[i].folded()) {
                work.drop_block(i, DropReason::Chrome);
            }
        }
    }
}

/// Phrases that, in a short line, mark site chrome. Simplified + lower case:
/// text is folded before matching, so Traditional pages match too.
const PROMO: &[&str] = &[
    "赞助商连结",
    "赞助商链接",
    "you have selected 0 posts",
    "cancel selecting",
    "all categories",
    "get updates from this writer",
    "get updates from this author",
    "get notified when new posts",
    "get notified when new stories",
    "按赞追踪",
    "看高清图片",
    "开启推播",
    "开启推送",
    "google 新闻上追踪",
    "google news 上追踪",
    "google新闻上追踪",
    "follow us on google news",
    "分享至",
    "官方帐号",
    "查看精彩图片",
    "share to",
    "分享到",
    "下载app",
    "打开app",
    "app下载",
    "下载客户端",
    "app内打开",
    "gift unlocked article",
    // an app's image and live-room calls, a broker's slogan, a member drive
    "畅享高清图片",
    "进入直播间",
    "炒股就看",
    "免费登记",
    "登记成为",
    // a subscription desk's pitch under a story
    "talk to our sales team",
    "subscribers get",
    // a newsletter box's pitch (`Sign up for free to get the latest on …`)
    "get the latest",
    // a site's trending searches (`熱門搜尋：關稅 台積電 …`)
    "热门搜索:",
    "gift this article",
    "start free trial",
    "enter a symbol",
    "media caption",
    // font-size controls
    "a- a a+",
    // a read-aloud player's note (`本則新聞由AI合成語音朗讀`)
    "合成语音朗读",
    // a video player's placeholder
    "视频加载中",
    "正在加载视频",
    "licensing rights",
    "限时特惠",
    "在app中打开",
    "点击上方",
    "客户端下载",
    "公众号",
    "对您有帮助",
    "was this helpful",
    "was this article helpful",
    "is this page useful",
    "加好友",
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
    "免费报名",
    "立即报名",
    "名额有限",
    "查看全部",
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
    "share article",
    "share via",
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
    "get the app",
    "report this",
    "comments",
    "print this",
    "email this",
    "在浏览器中",
    "人正在看",
    "条弹幕",
    "无法正常显示",
    "view in browser",
    "add to watchlist",
    "story continues",
    "体验更佳",
    "你的感受是",
    "confidential tip",
    "to contact the reporter",
    "to contact the editor",
    "formerly twitter",
    "for immediate release",
    "报价延迟",
    "no spam",
    "view this email",
    "view it in your browser",
    "trouble viewing",
    "latest news",
    "breaking news",
    "news app",
    "news alerts",
    "see full ratings",
    "analyst ratings",
    "stocks in this article",
    "app阅读全文",
    "app查看全文",
    "app内阅读",
    "加入好友",
    // an audio player's label (`Listen (6 min)`)
    "listen (",
    "listen to this article",
    "listen to article",
    // a deal box's disclosure and stock note
    "we may earn a commission",
    "we may earn an affiliate",
    "low stock",
    // a quote box's chart tabs
    "日k线",
    "分时图",
    // a code block's toolbar
    "ai写代码",
    "复制代码",
    "copy code",
    "copy to clipboard",
];

/// The author's own call to follow or subscribe, closing a post (folded).
const CLOSING_CALLS: &[&str] = &[
    "join the conversation below",
    "follow me",
    "follow us",
    "subscribe to",
    "subscribe for",
    "sign up for",
    "if you enjoyed",
    "if you found this",
    "if you liked this",
    "欢迎关注",
    "关注我们",
    "点击关注",
    "关注公众号",
    "订阅我们",
    "欢迎在评论区",
    "欢迎评论区",
    "评论区交流",
    "评论区讨论",
    "在评论区留言",
    "评论区聊聊",
    "一键三连",
    "let us know in the comments",
    "tell us in the comments",
    // a web story's last slide sends the reader to the full piece
    "swipe up to read",
    // a thread's last post: share it, follow the handle
    "欢迎转推",
    "欢迎转发",
    "追踪 @",
    "关注 @",
    "follow @",
];

/// A weather widget's line (`天氣 17°C - 22°C 相對濕度 60% - 80%`,
/// `Lafayette 48°F Cloudy`), given folded.
fn is_weather_line(folded: &str) -> bool {
    let t = folded.trim();
    t.len() <= 160
        && char_len(t) <= 48
        && (t.contains('°') || t.contains('℃'))
        && [
            "天气", "湿度", "气温", "weather", "humidity", "cloudy", "sunny", "rain", "℃", "°c",
            "°f",
        ]
        .iter()
        .any(|w| t.contains(w))
        && !has_inner_sentence_end(t)
        && !t.ends_with(is_sentence_end)
}

/// A pager's position alone on its line (`第 1 頁`, `第2页/共5页`,
/// `Page 2 of 5`).
pub(crate) fn is_page_position(folded: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^(?:第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?|page\s+\d{1,4}(?:\s+of\s+\d{1,4})?|[–—-]\s*\d{1,3}\s*[–—-]|\d{1,4}\s*/\s*\d{1,4})$")
            .expect("static regex")
    });
    let t = folded.trim();
    t.len() <= 40 && re.is_match(t)
}

/// A line led by a bracketed ad label (folded): `[广告] …`, `【广告】…`,
/// `[AD] …`.
fn is_ad_label_led(folded: &str) -> bool {
    [
        "[广告]",
        "【广告】",
        "［广告］",
        "[ad]",
        "(ad)",
        "[sponsored]",
        "[advertisement:",
        "[advertisement]",
        "[ad:",
    ]
    .iter()
    .any(|l| without_link_numbers(folded.trim_start()).starts_with(l))
}

/// A paragraph that opens by naming itself sponsored (folded):
/// `Sponsored · This week's issue is supported by …`, `Partner content:
/// …`, `赞助内容：…`. The whole paragraph is the sponsor's.
fn is_sponsor_led(folded: &str) -> bool {
    let t = folded.trim_start();
    [
        "sponsored",
        "partner content",
        "paid post",
        "paid content",
        "赞助内容",
        "赞助",
    ]
    .iter()
    .find_map(|l| t.strip_prefix(l))
    .is_some_and(|rest| {
        rest.trim_start()
            .starts_with(['·', ':', '：', '|', '—', '–', '-', '•'])
    })
}

/// A writing platform's campaign notice on a post (folded): `本文已参与
/// 「某某征文」，赢取积分…`.
fn is_campaign_notice(folded: &str) -> bool {
    let t = folded.trim_start();
    char_len(t) <= 120
        && ["本文已参与", "本文正在参加", "本文参与了", "本文已参加"]
            .iter()
            .any(|l| t.starts_with(l))
        && contains_any(t, &["计划", "活动", "征文", "挑战"])
}

/// `t` without the link numbers a text browser puts before a link
/// (`[21][Advertisement: …]` -> `[Advertisement: …]`).
fn without_link_numbers(mut t: &str) -> &str {
    while let Some(rest) = t.strip_prefix('[') {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        match rest[digits..].strip_prefix(']') {
            Some(after) if digits > 0 => t = after,
            _ => break,
        }
    }
    t
}

/// A site's own notice to its users (folded): `论坛公告：…`, `网站公告`,
/// a government site's `.gov` banner.
fn is_site_notice(folded: &str) -> bool {
    folded.len() <= 400
        && contains_any(
            folded,
            &[
                "论坛公告",
                "网站公告",
                "本站公告",
                "系统公告",
                // A government site's banner.
                "an official website of the united states government",
                ".gov website belongs to an official government organization",
                "secure .gov websites use https",
                "safely connected to the .gov website",
            ],
        )
}

/// A row left of a byline or pager once its name is gone: dates, reading
/// time, a page position, post counts and separators, nothing else
/// (`| March 11, 2025 | 6 min read Page 1 of 3`, `9 posts · 3 min read`).
fn is_meta_residue(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}|\d+ min(?:ute)?s? read|page \d+ of \d+|\d+ posts?\b|\d{4}年\d{1,2}月\d{1,2}日|\d+\s*分[钟鐘]阅读|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b,?|\bat\b|\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]m\b)?|\b(?:[a-z]{1,3}t|gmt|utc)\b|\b(?:updated|published|posted)\b:?")
            .expect("static regex")
    });
    let t = text.trim();
    // Every shape holds a digit and one of these words: look before the
    // regex runs (most lines have neither).
    let maybe = t.len() <= 160
        && t.bytes().any(|b| b.is_ascii_digit())
        && ["read", "Read", "age ", "post", "年", "分"]
            .iter()
            .any(|w| t.contains(w));
    if !maybe || t.ends_with(is_sentence_end) || !re.is_match(t) {
        return false;
    }
    re.replace_all(t, "")
        .chars()
        .all(|c| c.is_whitespace() || matches!(c, '|' | '·' | '•' | '-' | ',' | '・'))
}

/// A quote card's time line (`As of 2:05:11 PM EST. Market Open.`, `At
/// close: November 19 at 3:30:00 PM GMT+9`).
fn is_quote_time(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)^(?:as of|at close:?|after hours:?|pre-market:?)\s+[a-z0-9_ :,+.-]{0,40}\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]m)?\s*(?:[a-z]{2,4}(?:[+-]\d{1,2})?)?\.?(?:\s*market (?:open|closed)\.?)?$")
            .expect("static regex")
    });
    let t = text.trim();
    t.len() <= 80
        && (t.starts_with("As ")
            || t.starts_with("At ")
            || t.starts_with("After")
            || t.starts_with("Pre"))
        && re.is_match(t)
}

/// A row of bracketed labels only (`【纠错】 【责任编辑:某某】`).
fn is_bracket_label_row(text: &str) -> bool {
    let t = text.trim();
    if t.len() > 120 || !t.starts_with('【') || !t.ends_with('】') {
        return false;
    }
    let groups: Vec<&str> = t
        .split('】')
        .map(str::trim)
        .filter(|g| !g.is_empty())
        .collect();
    groups.len() >= 2
        && groups.iter().all(|g| {
            g.starts_with('【') && char_len(g) <= 17 && !g['【'.len_utf8()..].contains('【')
        })
}

/// A follow button naming a handle (`Follow @someone`), given folded.
fn is_follow_handle(folded: &str) -> bool {
    folded
        .trim()
        .strip_prefix("follow ")
        .is_some_and(crate::metadata::is_handle_line)
}

/// Position in `alive` of the first paragraph that reads as prose (a body
/// paragraph with a sentence end), passing over those `skip` names.
pub(crate) fn first_prose(work: &Work, alive: &[usize], skip: impl Fn(&str) -> bool) -> usize {
    alive
        .iter()
        .position(|&i| {
            let t = &work.blocks[i].text;
            is_body_paragraph(t)
                && (has_inner_sentence_end(t) || t.ends_with(is_sentence_end))
                && !is_tagged_title(t)
                && !skip(t)
        })
        .unwrap_or(alive.len())
}

/// A video's or post's title with its hashtags after it (`某某芯片谁才是
/// 龙头？一条视频讲透 #芯片 #算力`): a short line ending in two or more tags
/// heads the page, it does not open the text.
fn is_tagged_title(text: &str) -> bool {
    let mut words = text.split_whitespace().rev();
    char_len(text) <= 120
        && words.next().is_some_and(|w| w.starts_with('#'))
        && words.next().is_some_and(|w| w.starts_with('#'))
}

/// An image's alt text printed as a line of its own (`Alt: Bar chart of
/// …`, `Image description: …`).
fn is_alt_text_line(text: &str) -> bool {
    let t = text.trim_start();
    t.len() <= 1200
        && (t.starts_with("Alt:")
            || ((t.starts_with("Logo of ") || t.starts_with("Headshot of ")) && char_len(t) <= 80)
            || t.starts_with("ALT:")
            || t.starts_with("Alt text:")
            || t.starts_with("Image description:"))
}

/// A quoted post inside a thread: a `Quote` label, the quoted account's
/// name, handle and date, and the one line of its text after them. The
/// label and handle may already be gone as chrome: they are looked up
/// among all blocks.
fn quoted_posts(work: &mut Work) {
    let n = work.blocks.len();
    let mut drop = Vec::new();
    for i in 0..n {
        if work.blocks[i].text.trim() != "Quote" {
            continue;
        }
        // The handle within three lines of the label.
        let Some(h) = (i + 1..n.min(i + 4)).find(|&j| {
            let t = work.blocks[j].text.trim();
            crate::metadata::is_handle_line(t)
        }) else {
            continue;
        };
        drop.extend(i..=h);
        // A short date may follow the handle; the quoted text comes next.
        let mut next = work.blocks[h + 1..]
            .iter()
            .enumerate()
            .filter(|(_, b)| b.alive && b.text.chars().any(char::is_alphanumeric))
            .map(|(d, _)| h + 1 + d);
        let Some(mut j) = next.next() else {
            continue;
        };
        let t = work.blocks[j].text.trim();
        if char_len(t) <= 16
            && t.chars().any(|c| c.is_ascii_digit())
            && !t.ends_with(is_sentence_end)
        {
            drop.push(j);
            let Some(after) = next.next() else {
                continue;
            };
            j = after;
        }
        drop.push(j);
    }
    work.drop_unprotected(drop, DropReason::Chrome);
}

/// A teaser cut short with an expander (`…全年总... 展开全文`,
/// `…the company said... See more`): the full text follows elsewhere.
fn is_truncated_teaser(folded: &str) -> bool {
    let t = folded.trim_end();
    // The expander is within the last few characters: look at those only.
    let mut from = t.len().saturating_sub(64);
    while !t.is_char_boundary(from) {
        from += 1;
    }
    let t = &t[from..];
    let Some(cut) = t.rfind("...").or_else(|| t.rfind('…')) else {
        return false;
    };
    let rest = t[cut..].trim_start_matches(['.', '…']).trim();
    char_len(rest) <= 12
        && [
            "展开全文",
            "显示全部",
            "阅读全文",
            "查看全文",
            "查看更多",
            "显示更多",
            "展开",
            "see more",
            "read more",
            "more",
        ]
        .iter()
        .any(|w| rest.contains(w))
}

/// Phrases of a newsletter's subscribe box, wherever it sits in the post.
const SUBSCRIBE_BOX: &[&str] = &[
    "reader-supported publication",
    "in your inbox",
    "straight to your inbox",
    // A translated box: `…電子報為您帶來最新的新聞，直接送到您的收件匣`.
    "送到您的收件匣",
    "送到你的收件匣",
    "发送到您的邮箱",
    "送到您的邮箱",
    "support quality journalism",
    "support independent journalism",
    "to receive new posts",
    "subscribe for free to receive",
    "become a paid subscriber",
    "type your email",
    "enter your email",
    "upgrade to paid",
];

/// A subscribe box: a short paragraph (two sentences at most) with a
/// newsletter's subscription phrase.
fn is_subscribe_box(text: &str, folded: &str) -> bool {
    // 300 chars are at most 1,200 bytes.
    if text.len() > 1200 || !contains_any(folded, SUBSCRIBE_BOX) {
        return false;
    }
    let sentences = text
        .trim_end_matches(is_sentence_end)
        .matches(is_sentence_end)
        .count()
        + 1;
    char_len(text) <= 300 && sentences <= 2 && contains_any(folded, SUBSCRIBE_BOX)
}

/// A line of the body introducing a list with a colon (`今日涨幅居前个股：`,
/// A column heading that is a year (`2025`, `2026E`, `2024A`).
fn is_year_heading(w: &str) -> bool {
    let digits = w.trim_end_matches(['E', 'F', 'A', 'e']);
    digits.len() == 4
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits.starts_with("19") || digits.starts_with("20"))
}

/// The rows of the article's own data tables: a run of table rows in which
/// some row of figures does not read as a quote line (`Intel Foundry 25.0
/// 8.1 -7%` beside `Foundry A 12.4 15.0 +21%`). A quote widget's table is
/// quote lines under at most a header row, and stays chrome.
fn data_table_rows(work: &Work<'_>, alive: &[usize]) -> std::collections::HashSet<usize> {
    let mut rows = std::collections::HashSet::new();
    let mut k = 0;
    while k < alive.len() {
        if work.blocks[alive[k]].kind != BlockKind::Row {
            k += 1;
            continue;
        }
        let start = k;
        while k < alive.len() && work.blocks[alive[k]].kind == BlockKind::Row {
            k += 1;
        }
        let run = &alive[start..k];
        let figures = |t: &str| {
            t.split_whitespace()
                .any(|w| w.starts_with(|c: char| c.is_ascii_digit()) && !is_year_heading(w))
        };
        let mixed = run.len() >= 2
            && run.iter().any(|&i| {
                let t = work.blocks[i].text.trim();
                figures(t) && !crate::widget::is_quote_line(t)
            });
        if mixed {
            rows.extend(run.iter().copied());
        }
    }
    rows
}

/// `Leading gainers:`).
pub fn is_list_intro(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with([':', '：']) && char_len(t) >= 6 && !only_chrome_words(t)
}

/// Whole lines (folded) that are a control's label: media and gallery
/// controls, expanders, reader buttons, text-size switches, channel tabs.
const UI_LABELS: &[&str] = &[
    "hide content",
    "影片载入中,请稍候...",
    "影片载入中...",
    "载入中...",
    "loading...",
    "member-only story",
    "members-only story",
    "show content",
    "show more",
    "show less",
    "see more",
    "see less",
    "expand",
    "collapse",
    "full screen",
    "fullscreen",
    "replay",
    "mute",
    "unmute",
    "play video",
    "representative image",
    "图片",
    "网易号",
    "representational image",
    "autoplay",
    "a+",
    "a-",
    "a",
    "显示全部",
    "展开阅读全文",
    "continue reading below",
    "条款及细则适用",
    "请继续往下阅读...",
    "请继续往下阅读",
    "按我看活动办法",
    "photo gallery",
    "gallery",
    "today's change",
    "read on x",
    "save as pdf",
    "相关影片",
    "相关视频",
    "visit website",
    "read later",
    "save to board",
    "mark as read",
    "mark as unread",
    "下载",
    "剪辑",
    "储存",
    "显示更多",
    "显示较少",
    "翻译",
    "查看翻译",
    "see translation",
    "查看活动",
    "在应用程式中开启",
    "email address",
    "click to enlarge",
    "加入自选股",
    "添加自选",
    "加自选",
    "财经自选股",
    "即时新闻",
    "专栏收录该内容",
    "听全文",
    "看更多走势",
    "电子邮箱",
    "gift this article",
    "gift article",
    "add us on google",
    "translate",
    "在app中打开",
    "open in app",
    "加入",
    "join",
    "文稿",
    "mark as read & archive",
    "export to markdown",
    "add a note…",
    "👍 yes",
    "👎 no",
    "跟著文字记录一起观看影片。",
    "follow along using the transcript.",
];

/// A player or widget control, an icon's alt text or a network's degree
/// of connection, on its own line (folded): `Price chart icon`, `hide
/// content`, `show more`, `3rd+`.
fn is_ui_label(folded: &str) -> bool {
    let t = folded.trim();
    if t.len() > 48 {
        return false;
    }
    // A gallery's label may carry its position (`Photo gallery 1 / 3`).
    let t = t
        .rsplit_once(' ')
        .filter(|(_, pos)| pos.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|(head, _)| head.trim_end().strip_suffix('/'))
        .and_then(|head| head.trim_end().rsplit_once(' '))
        .filter(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        .map_or(t, |(label, _)| label.trim_end());
    let icon = t.ends_with(" icon") && t.split_whitespace().count() <= 4;
    // A reader's button that summarises the page (`Summarize with AI`).
    let summarize = (t.starts_with("summarize with ") || t.starts_with("summarise with "))
        && t.split_whitespace().count() <= 4;
    let degree = matches!(
        t.trim_start_matches(['•', '·', ' ']),
        "1st" | "2nd" | "3rd" | "3rd+"
    );
    // An expander that counts what it hides (`3 more properties`, `12 more
    // replies`).
    let expander = t.split_once(" more ").is_some_and(|(n, what)| {
        n.bytes().all(|b| b.is_ascii_digit())
            && !n.is_empty()
            && matches!(
                what,
                "properties" | "property" | "replies" | "reply" | "comments" | "comment" | "items"
            )
    });
    // A screen reader's hint after a link (`Download PDF (opens in new window)`).
    let t = [
        "(opens in new window)",
        "(opens in a new window)",
        "(opens in new tab)",
        "(opens in a new tab)",
    ]
    .iter()
    .find_map(|hint| t.strip_suffix(hint))
    .map_or(t, str::trim_end);
    icon || degree
        || expander
        || summarize
        || is_download_link(t)
        || is_watchlist_ui(t)
        || UI_LABELS.contains(&t)
}

/// A watchlist or portfolio widget's own words (folded): `Add/Remove from
/// a Portfolio`, `Create New Watchlist`, `Position added successfully to:`.
fn is_watchlist_ui(folded: &str) -> bool {
    let t = folded.trim().trim_start_matches(['+', ' ']);
    t.len() <= 60
        && !t.ends_with('.')
        && ["portfolio", "watchlist", "position"]
            .iter()
            .any(|w| t.contains(w))
        && [
            "add ",
            "add/remove",
            "create ",
            "remove ",
            "please name",
            "position added",
            "name your",
        ]
        .iter()
        .any(|v| t.starts_with(v))
}

/// A link to the page's file (folded): `Download PDF`, `Download
/// high-resolution image`, `下载PDF`.
fn is_download_link(folded: &str) -> bool {
    let Some(what) = folded
        .strip_prefix("download ")
        .or_else(|| folded.strip_prefix("下载"))
    else {
        return false;
    };
    let what = what.trim_start_matches(['(', ' ']).trim_end_matches(')');
    matches!(
        what.trim(),
        "pdf"
            | "the pdf"
            | "pdf version"
            | "image"
            | "photo"
            | "high-resolution image"
            | "hi-res image"
            | "high-res image"
            | "full report"
            | "report"
            | "the report"
            | "presentation"
            | "slides"
            | "transcript"
            | "press release"
            | "全文"
            | "原文"
            | "报告"
            | "附件"
    )
}

/// An ad that ends with its call (folded): `Save up to 40% on laptops.
/// Shop now`, `《某图谱》已更新：覆盖42家公司 立即开通 >`.
pub(crate) fn ends_with_ad_call(folded: &str) -> bool {
    let t = folded.trim_end_matches(['>', '›', '→', ' ', '»']);
    t.len() <= 400 && AD_CALLS.iter().any(|c| t.ends_with(c) && t.len() > c.len())
}

/// A menu of numbered functions on one line (`97) Actions 98) Translate
/// 99) Feedback`, `1) Alert 2) Related News 3) Tags`): three or more
/// `N)` items, each a word or two, and no sentence.
fn is_numbered_menu_row(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| Regex::new(r"(?:^|\s)\d{1,2}\)\s+\S").expect("static regex"));
    let t = text.trim();
    if t.len() > 240 || !t.contains(") ") || t.ends_with(is_sentence_end) {
        return false;
    }
    let items = re.find_iter(t).count();
    items >= 3 && t.split_whitespace().count() <= items * 4
}

/// A newsroom's editor code closing a story (`(kt/r)`, `(lm/c)`).
fn is_editor_code(text: &str) -> bool {
    let t = text.trim();
    let Some(inner) = t
        .strip_prefix(['(', '（'])
        .and_then(|r| r.strip_suffix([')', '）']))
    else {
        return false;
    };
    inner.split_once('/').is_some_and(|(a, b)| {
        let code =
            |s: &str| (1..=4).contains(&s.len()) && s.bytes().all(|c| c.is_ascii_lowercase());
        code(a) && code(b)
    })
}

/// A quote box's note that its prices are delayed (folded): `＊
/// 現價資料延遲最少15分鐘…`, `Quotes are delayed by 20 minutes`.
fn is_quote_delay_note(folded: &str) -> bool {
    folded.len() <= 300
        && (((folded.contains("延迟") || folded.contains("延时"))
            && folded.contains("分钟")
            && contains_any(folded, &["报价", "资料", "价", "行情", "数据"]))
            || (folded.contains("delayed")
                && folded.contains("minutes")
                && folded.contains("quote")))
}

/// A prompt asking how the reader found the article (folded): `How was
/// your experience with this article?`, `你对这篇文章有什么感觉？`.
fn is_feedback_prompt(folded: &str) -> bool {
    let t = folded.trim();
    // A site's own feedback links (`Contact us: Provide news feedback or
    // report an error`, `Site feedback: Tell us what you think`).
    if t.len() <= 120 && (t.starts_with("contact us:") || t.starts_with("site feedback:")) {
        return true;
    }
    t.len() <= 120
        && t.ends_with(['?', '？'])
        && contains_any(
            t,
            &[
                "this article",
                "this story",
                "这篇文章",
                "本文",
                "这则新闻",
                "这篇新闻",
            ],
        )
        && contains_any(
            t,
            &[
                "experience",
                "feel",
                "rate",
                "helpful",
                "感觉",
                "觉得",
                "满意",
                "有帮助",
                "看法",
                "心情",
            ],
        )
}

/// A short link ending in a double arrow (`查看全部回复>>`, `点击领取体验>>`,
/// `More stories »`): a call to click, not text.
fn is_link_call(text: &str) -> bool {
    let t = text.trim_end();
    char_len(t) <= 60 && (t.ends_with(">>") || t.ends_with('»') || t.ends_with("＞＞"))
}

/// A paragraph that promotes: two or more promo phrases, or one and an
/// ad call (`扫码报名` and `名额有限`, `sign up` and `newsletter`), in a
/// short paragraph (folded).
/// A newsletter's pitch by its audience (folded): `Join 31,000 engineers
/// and investors`, `加入10万+读者`.
fn is_audience_pitch(folded: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"\bjoin (?:more than |over )?[\d,.]+k?\+? (?:[a-z-]+,? ){0,4}(?:readers|subscribers|engineers|investors|professionals|people|members)\b|加入[\d,.]+万?\+?(?:名|位)?(?:读者|订阅者|会员)")
            .expect("static regex")
    });
    folded.len() <= 600
        && (folded.contains("join") || folded.contains("加入"))
        && re.is_match(folded)
}

/// Calls to follow a writer that need no second promo phrase (folded).
/// Each is in [`PROMO`] too, so the one pass over a paragraph finds it.
const FOLLOW_CALLS: &[&str] = &[
    "按赞追踪",
    "get updates from this writer",
    "get updates from this author",
    "get notified when new posts",
    "get notified when new stories",
];

fn is_promo_paragraph(folded: &str) -> bool {
    if is_audience_pitch(folded) {
        return char_len(folded) <= 300;
    }
    // A site's call set in parentheses under the story may run longer.
    let t = folded.trim();
    let bracketed = t.starts_with('(') && t.ends_with(')');
    let limit = if bracketed { 400 } else { 200 };
    if folded.len() > 3 * limit || char_len(folded) > limit {
        return false;
    }
    // Most paragraphs hold no promo phrase: one pass settles them. A
    // call to follow the writer (a promo phrase too) needs no second one.
    match crate::script::count_distinct(folded, PROMO, 2) {
        0 => false,
        1 => {
            contains_any(folded, FOLLOW_CALLS)
                || (!bracketed && (contains_any(folded, AD_CALLS) || is_app_promo(folded)))
        }
        _ => true,
    }
}

/// A profile's headline in a page's head: segments between two or more
/// bars, no sentence (`Principal Analyst @ Example | AI chips | Ex-Example`).
fn is_profile_row(text: &str) -> bool {
    text.len() <= 300
        && text.matches(['|', '｜']).count() >= 2
        && !text.trim_end().ends_with(is_sentence_end)
        && !has_inner_sentence_end(text)
}

/// A row of three or more short `label：value` fields and nothing else
/// (`文档格式：.pdf 文档页数：12页 文档大小：2.31M`): a file's or a page's
/// details. Only asked above the first paragraph, where no spec list of
/// the article stands.
fn is_field_row(text: &str) -> bool {
    let t = text.trim();
    if t.len() > 200 || t.ends_with(is_sentence_end) || has_inner_sentence_end(t) {
        return false;
    }
    let fields: Vec<&str> = t.split_whitespace().collect();
    fields.len() >= 3
        && fields.iter().all(|f| {
            f.split_once(['：', ':']).is_some_and(|(label, value)| {
                (2..=8).contains(&char_len(label))
                    && !value.is_empty()
                    && char_len(value) <= 16
                    && label.chars().all(char::is_alphabetic)
            })
        })
}

/// A search box's placeholder (folded): `搜索行情/作者/话题`, `Search quotes,
/// news & videos`, `输入代码/简称`, or its suggested query
/// (`试试：某公司中签率是多少`).
fn is_search_box(folded: &str) -> bool {
    let t = folded.trim();
    let placeholder = ["搜索", "search ", "输入", "请输入"]
        .iter()
        .any(|p| t.starts_with(p))
        && t.contains(['/', '、', ',', '&']);
    let suggestion = t.starts_with("试试：") || t.starts_with("试试:");
    // A hint that speaks to the reader (`搜索你感兴趣的内容`).
    let hint = (t.starts_with("搜索") || t.starts_with("搜寻"))
        && t.contains(['你', '您'])
        && char_len(t) <= 16;
    (placeholder || suggestion || hint) && char_len(t) <= 40 && !t.ends_with(is_sentence_end)
}

/// A metered paywall's notice (folded): `你已閱讀 1 篇免費文章`, `已是會員？
/// 登入`, `You have read 4 of 5 free articles this month`.
pub(crate) fn is_meter_notice(folded: &str) -> bool {
    static PRICE: OnceLock<Regex> = OnceLock::new();
    // A plan's price alone (`NT$ 99 / 月`, `$8/month`).
    let price = PRICE.get_or_init(|| {
        Regex::new(r"^(?:nt\$|us\$|hk\$|\$|¥|€|£)\s?[\d,.]+\s*/\s*(?:月|年|month|year|mo|yr)$")
            .expect("static regex")
    });
    let t = folded.trim();
    // A plan's price in words (`首月仅需¥9.9`, `平均每月只要nt$166`,
    // `单篇购买 ¥5`).
    let plan_price = t.len() <= 96
        && t.contains(['¥', '$', '€', '£'])
        && char_len(t) <= 24
        && !t.contains([',', '。'])
        && ["¥", "nt$", "hk$", "us$", "$", "€", "£"].iter().any(|c| {
            t.split(c)
                .nth(1)
                .is_some_and(|r| r.trim_start().starts_with(|d: char| d.is_ascii_digit()))
        })
        && contains_any(
            t,
            &[
                "每月",
                "首月",
                "仅需",
                "只要",
                "单篇",
                "折合",
                "per month",
                "a month",
            ],
        );
    folded.len() <= 200
        && (plan_price
            || (t.starts_with("剩余全文") && char_len(t) <= 16)
            || t.starts_with("看不到完整内容")
            || (t.contains("阅读")
                && contains_any(
                    t,
                    &[
                        "订阅后即可阅读",
                        "订阅后阅读全文",
                        "订阅即可阅读全文",
                        "登录后阅读",
                    ],
                ))
            || matches!(t, "已是订户?" | "已是订户？" | "已是会员?")
            || (t.starts_with("已是")
                && (t.contains("会员") || t.contains("订户"))
                && (t.contains("登录") || t.contains("登入"))
                && char_len(t) <= 20)
            || (folded.contains("已阅读") && folded.contains('篇') && folded.contains("免费"))
            // `本月還可以免費閱讀 3 篇`
            || (char_len(t) <= 24
                && t.ends_with('篇')
                && t.chars().any(|c| c.is_ascii_digit())
                && (t.contains("可以免费阅读") || t.contains("可免费阅读")))
            || folded.starts_with("已是会员")
            || folded.starts_with("已经是订阅者")
            || (char_len(t) <= 16 && t.contains("付费内容"))
            || (t.len() <= 24 && price.is_match(t))
            || (folded.contains("free article") && folded.contains("read"))
            // `The rest of this article is for members only`, `Become a
            // paid member and you can read all the articles`
            || (t.contains("rest of this article") && t.contains("member"))
            || (t.starts_with("become a") && t.contains("member") && t.contains("read"))
            || is_subscriber_status(t))
}

/// A paywall's word to a reader who is let in (folded): `您是某刊訂戶，可閱讀
/// 本篇完整內容`, `You're a subscriber: you have full access to this story`.
fn is_subscriber_status(t: &str) -> bool {
    let zh = (t.starts_with("您是") || t.starts_with("你是"))
        && contains_any(t, &["订户", "会员", "订阅者"])
        && t.contains("阅读");
    let en = ["you are a", "you're a", "you’re a", "as a subscriber"]
        .iter()
        .any(|w| t.starts_with(w))
        && (t.contains("subscriber") || t.contains("member"))
        && (t.contains("read") || t.contains("access"));
    zh || en
}

/// Byte ranges of a photo's licensing link and gallery position in its
/// caption (`Item 1 of 2 …`, `[1/2]…`, `… Purchase Licensing Rights, opens
/// new tab`).
fn photo_link_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^(?:Item \d{1,2} of \d{1,2}\s+|\[\d{1,2}/\d{1,2}\]\s*)|\s*Purchase Licensing Rights(?:, opens new tab)?\s*$")
            .expect("static regex")
    });
    if !(text.contains("Licensing") || text.starts_with("Item ") || text.starts_with('[')) {
        return Vec::new();
    }
    re.find_iter(text).map(|m| m.range()).collect()
}

/// What a screen reader is told after a link that opens a new tab or
/// window, printed into the text by a select-all copy (`Example Corp
/// (EXMP.O), opens new tab has agreed …`).
const LINK_MARKERS: [&str; 5] = [
    ", opens new tab",
    " (opens in new tab)",
    " (opens in a new tab)",
    " (opens in a new window)",
    ", opens in a new window",
];

/// Byte ranges of [`LINK_MARKERS`] in a line.
fn link_marker_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    if memchr::memmem::find(text.as_bytes(), b"opens ").is_none() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for m in LINK_MARKERS {
        out.extend(text.match_indices(m).map(|(at, _)| at..at + m.len()));
    }
    out
}

/// Byte ranges of a site's watermark stamped into a paragraph: its name
/// and its account in brackets, the same name twice (`某某网(公众号：某某网)`).
fn watermark_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    for key in ["公众号", "公眾號"] {
        for (at, _) in text.match_indices(key) {
            let Some(open) = text[..at].strip_suffix(['(', '（']) else {
                continue;
            };
            let Some(after) = text[at + key.len()..].strip_prefix(['：', ':']) else {
                continue;
            };
            let Some(close) = after.find([')', '）']) else {
                continue;
            };
            let name = after[..close].trim();
            let close_len = after[close..].chars().next().map_or(1, char::len_utf8);
            let end = text.len() - after.len() + close + close_len;
            if (2..=12).contains(&name.chars().count()) && open.ends_with(name) {
                out.push(open.len() - name.len()..end);
            }
        }
    }
    out
}

/// A link alone on its line, told by the marker at its end (`Learn more
/// about Example Workspace, opens new tab`); a sentence ending in a linked
/// name ends with its full stop after the marker.
fn is_marked_link_line(text: &str) -> bool {
    let t = text.trim_end();
    t.len() <= 400 && LINK_MARKERS.iter().any(|m| t.ends_with(m)) && !has_inner_sentence_end(t)
}

/// Byte ranges of a copy-link button printed into a line (`… 堆叠工艺
/// [复制链接]`).
fn copy_link_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    const BUTTONS: [&str; 4] = ["[复制链接]", "[複製鏈接]", "[複製連結]", "[Copy link]"];
    if !text.contains('[') {
        return Vec::new();
    }
    let mut out = Vec::new();
    for b in BUTTONS {
        if let Some(at) = text.find(b) {
            let start = text[..at].trim_end().len();
            out.push(start..at + b.len());
        }
    }
    out
}

/// The byte range of a run of two or more hashtags or mentions after the
/// last sentence of a paragraph (`…欢迎讨论。#某话题# #算力# @某账号`): the
/// post's tags, printed onto its closing line.
fn trailing_tag_range(text: &str) -> Option<std::ops::Range<usize>> {
    if text.len() > 4000 || !text.contains(['#', '＃', '@', '＠']) {
        return None;
    }
    let (at, c) = text.char_indices().rfind(|&(_, c)| is_sentence_end(c))?;
    let tail = &text[at + c.len_utf8()..];
    (tail.trim().starts_with(['#', '＃', '@', '＠']) && hashtag_count(tail) >= 2)
        .then(|| at + c.len_utf8()..text.len())
}

/// An expander on its own line (folded): `显示全部`, `Show more`.
fn is_expander(folded: &str) -> bool {
    matches!(
        folded.trim(),
        "显示全部"
            | "展开全文"
            | "阅读全文"
            | "查看全文"
            | "展开"
            | "see more"
            | "read more"
            | "show more"
    )
}

/// A truncated teaser (`…求有经验的朋友给点…`) with its expander on the
/// next line: the teaser of a text printed elsewhere, and the button.
fn split_teasers(work: &mut Work) {
    // The expander may already be gone as a control.
    let mut drop = Vec::new();
    for i in 1..work.blocks.len() {
        let b = &work.blocks[i];
        if b.text.len() > 24 || !is_expander(&b.folded()) {
            continue;
        }
        let t = work.blocks[i - 1].text.trim_end();
        if t.ends_with('…') || t.ends_with("...") {
            drop.extend([i - 1, i]);
        }
    }
    work.drop_unprotected(drop, DropReason::Chrome);
}

/// A reading-time note (`3 分鐘閱讀時間`, `阅读时长 5 分钟`, `6 min read`).
fn is_reading_time(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)^(?:(?:本文共|本文[约約]|全文(?:共|约|約)?)\s*[\d,]+\s*字(?:[，,]\s*(?:阅读|閱讀)(?:时间|時間|需要|需)?\s*[约約]?\s*\d+\s*(?:分钟|分鐘))?|\d+\s*(?:分钟|分鐘)\s*(?:阅读|閱讀)(?:时间|時間)?|\d+\s*(?:分钟|分鐘)\s*[(（](?:阅读|閱讀)(?:时间|時間)[)）]|(?:阅读|閱讀)(?:时长|時長|时间|時間)\s*[:：约約]?\s*\d+\s*(?:分钟|分鐘)|\d+\s*min(?:ute)?s?\s+read|listen to this article(?:\s+\d+\s*min(?:ute)?s?)?|(?:words:\s*[\d,]+\s+)?(?:est\.?\s+)?reading time:?\s*\d+\s*min(?:ute)?s?|total\s+[\d,]+\s+characters)$")
            .expect("static regex")
    });
    // A separator may lead it (`· 7 min read` after a byline's time).
    // Brackets may hold it (`（本文约2000字，阅读需要6分钟）`).
    let t = text.trim().trim_start_matches(['·', '•', '|', '-', ' ']);
    let t = t
        .strip_prefix(['（', '('])
        .and_then(|t| t.strip_suffix(['）', ')']))
        .unwrap_or(t);
    text.len() <= 60 && re.is_match(t)
}

/// The line above or below a reader comment: who or when, and the reply
/// and like buttons (`11-20 10:41 来自广东 回复 赞 2156`, `someone 214
/// points 6 hours ago | next [–]`).
fn is_comment_meta(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)^(?:\S{1,30}\s+)?(?:\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?:\s+来自\S{1,6})?\s+回复(?:\s+赞\s*\d*)?|\d+\s+points?\s+(?:by\s+\S+\s+)?\d+\s+(?:minutes?|hours?|days?)\s+ago(?:\s*\|.*)?)$")
            .expect("static regex")
    });
    text.len() <= 120 && re.is_match(text.trim())
}

/// A subscription or newsletter offer (`Limited time offer: … Cancel
/// anytime.`, `Sign up for the … newsletter`), on a line of its own.
fn is_offer(folded: &str) -> bool {
    folded.len() <= 400
        && (contains_any(
            folded,
            &[
                "limited time offer",
                "cancel anytime",
                "by continuing, i agree",
                "by submitting your email",
                "by signing up, you agree",
                "by signing up you agree",
                "unsubscribe at any time",
                "unlimited access",
                "visible to anyone on or off",
                "contact me with news and offers",
                "receive email from us on behalf of",
            ],
        ) || (folded.contains("subscribe")
            && contains_any(
                folded,
                &[
                    "/year",
                    "a year",
                    "per year",
                    "/month",
                    "a month",
                    "per month",
                    "% off",
                    "offer ends",
                ],
            ))
            || (folded.contains("newsletter")
                && contains_any(folded, &["sign up", "subscribe", "straight to your inbox"]))
            || is_trial_offer(folded))
}

/// A trial offer (folded): `Try Plus free for 30 days.`, `Start your free
/// trial`.
fn is_trial_offer(folded: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"\btry\b.{0,40}\bfree for \d{1,3}[ -]days?\b|\bstart (?:your|a) free trial\b")
            .expect("static regex")
    });
    folded.contains("free") && re.is_match(folded)
}

/// An app promotion on a short line (folded): `下载…App`, `…尽在…APP`.
/// A call to get the site's app, one or two sentences long (`Markets
/// moving? Get breaking alerts in the Example app.`).
fn is_app_call(folded: &str) -> bool {
    let t = folded.trim_end().trim_end_matches(['.', '!', '。', '！']);
    if t.len() > 400 || !t.ends_with("app") || char_len(t) > 140 {
        return false;
    }
    // The last sentence asks: `Get …`, `Download …`, `下载…`.
    let last = t
        .rsplit(['?', '!', '？', '！', '。'])
        .next()
        .unwrap_or(t)
        .rsplit(". ")
        .next()
        .unwrap_or(t)
        .trim_start();
    ["get ", "download ", "install ", "try ", "下载", "打开"]
        .iter()
        .any(|w| last.starts_with(w))
}

/// A document's file name standing as its title on a document-sharing
/// page (`某某行业深度报告：推理拐点已至.pdf`, `Q3 roadmap.pptx`).
fn is_file_title(text: &str) -> bool {
    const EXTENSIONS: &[&str] = &[
        "pdf", "doc", "docx", "ppt", "pptx", "xls", "xlsx", "txt", "epub", "caj",
    ];
    let t = text.trim();
    let Some((name, ext)) = t.rsplit_once('.') else {
        return false;
    };
    EXTENSIONS.iter().any(|e| ext.eq_ignore_ascii_case(e))
        && char_len(t) <= 120
        && char_len(name) >= 4
        && !name.ends_with(is_sentence_end)
        && !has_inner_sentence_end(name)
}

fn is_app_promo(folded: &str) -> bool {
    (folded.contains("下载") && (folded.contains("app") || folded.contains("客户端")))
        // `用APP看影音 週週抽獎 保證中獎`: reading in the app, with a prize.
        || (folded.contains("用app看") && folded.contains("中奖"))
        || folded.trim_end().ends_with("app")
        || (folded.starts_with("download ") && folded.contains(" app"))
        // `打开某某APP，免费阅读全文 >`: the rest of the text in the app.
        || (folded.contains("打开") && folded.contains("app") && folded.contains("全文"))
        // `打开某某新闻客户端 看更多高清视频`: the rest in the app.
        || (folded.contains("打开") && folded.contains("客户端") && folded.contains("看更多"))
}

/// The header of an article's table of contents (`文章目录`, `Contents`),
/// given folded.
fn is_contents_header(folded: &str) -> bool {
    // The issue's contents on the header's own line, items between dots or
    // bars (`In this issue: A · B · C`).
    let t = folded.trim();
    let inline = [
        "in this issue:",
        "inside this issue:",
        "本期内容:",
        "本期目录:",
    ]
    .iter()
    .any(|h| t.starts_with(h))
        && t.len() <= 400
        && t.matches(['·', '|', '•']).count() >= 2;
    inline
        || matches!(
            folded.trim(),
            "文章目录"
                | "本文目录"
                | "目录"
                | "contents"
                | "contents:"
                | "table of contents"
                | "in this article"
                | "在这篇文章中"
                | "在这篇文章中:"
                | "in this article:"
                | "本期目录"
                | "图表目录"
                | "表格目录"
                | "插图目录"
                | "list of figures"
                | "list of tables"
                | "本期内容"
                | "本期导读"
                | "in this issue"
                | "in this issue:"
                | "in today's issue"
                | "inside this issue"
        )
}

/// A microblog's repost chain: reposters' comments led by `//@name:`
/// (`//@某用户:数据很扎实`), or a line of them.
fn is_repost_chain(text: &str) -> bool {
    let t = text.trim_start();
    // The reposter's own comment may lead the chain on its line.
    let Some(at) = t.find("//@") else {
        return false;
    };
    t.len() <= 1200 && char_len(&t[..at]) <= 80 && t[at + 3..].contains([':', '：'])
}

/// A line of nothing but hashtags (`#AI芯片 #算力`, `#寒武纪三季报# #国产算力#`),
/// mentions (`@某话题 @某账号`) or cashtags (`$某股(SH600000)$ $NVDA$`).
fn is_hashtag_line(text: &str) -> bool {
    hashtag_count(text) >= 2 || is_counted_tag(text) || is_stock_tag_line(text)
}

/// A line of two or more stock tags (`Example Micro, Inc. (EXMC) Stock,
/// ABCD Stock`): each a ticker, alone or in brackets after the company's
/// name, then `Stock`.
fn is_stock_tag_line(text: &str) -> bool {
    let t = text.trim();
    if t.len() > 200 || !t.ends_with(" Stock") {
        return false;
    }
    let is_ticker = |s: &str| {
        (1..=6).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_uppercase() || b == b'.')
    };
    let tags: Vec<&str> = t
        .split(" Stock")
        .map(|s| s.trim_start_matches([',', ' ']).trim())
        .filter(|s| !s.is_empty())
        .collect();
    tags.len() >= 2
        && tags.iter().all(|tag| {
            is_ticker(tag)
                || tag
                    .strip_suffix(')')
                    .and_then(|s| s.rsplit_once('('))
                    .is_some_and(|(name, ticker)| name.len() <= 60 && is_ticker(ticker))
        })
}

/// A collection's tag with its count of posts (`#某话题 37个`).
fn is_counted_tag(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^[#＃][^#＃\s\d][^#＃\s]{0,29}\s*\d{1,5}\s*[个個篇]$").expect("static regex")
    });
    text.len() <= 80 && re.is_match(text.trim())
}

/// How many hashtags, mentions or cashtags make up the whole line (0 when
/// anything else is on it; a `#2` rank is not a tag).
fn hashtag_count(text: &str) -> usize {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(
            r"^(?:(?:[#＃][^#＃\s\d][^#＃\s]{0,29}[#＃]?|[@＠][^@＠\s]{1,30}|\$[^$\s]{1,30}\$)\s*)+$",
        )
        .expect("static regex")
    });
    let t = text.trim();
    if t.len() > 400 || !t.starts_with(['#', '＃', '@', '＠', '$']) || !re.is_match(t) {
        return 0;
    }
    t.split_whitespace().count()
}

/// Lines of one tag each, two or more in a row (`#昇腾`, `#国产算力`): a
/// tag list printed one per line. One such line alone may be a topic
/// heading.
fn tag_runs(work: &mut Work) {
    let alive = work.alive();
    let single = |i: usize| !work.blocks[i].protected && hashtag_count(&work.blocks[i].text) == 1;
    let mut drop = Vec::new();
    let mut k = 0;
    while k < alive.len() {
        let start = k;
        while k < alive.len() && single(alive[k]) {
            k += 1;
        }
        if k - start >= 2 {
            drop.extend_from_slice(&alive[start..k]);
        }
        k = k.max(start + 1);
    }
    for i in drop {
        work.drop_block(i, DropReason::Chrome);
    }
}

/// A one-line forum reply as bulletin boards print them: an optional
/// push mark, a user id, a colon, the reply and a `MM/DD hh:mm` stamp
/// (`推 someone: 講得好 11/20 10:02`); the time is part of it.
fn is_push_comment(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^(?:[推噓→]\s*)?[A-Za-z0-9_]{2,14}\s*[:：].{1,160}?\s\d{1,2}/\d{1,2}\s+\d{1,2}:\d{2}$")
            .expect("static regex")
    });
    text.len() <= 400 && re.is_match(text.trim())
}

/// A cookie-consent notice: it names cookies and asks to accept or agree.
fn is_cookie_notice(folded: &str) -> bool {
    matches!(
        folded.trim(),
        "manage privacy settings"
            | "privacy settings"
            | "cookie settings"
            | "manage cookies"
            | "we value your privacy"
            | "your privacy choices"
            | "我们重视你的私隐"
            | "我们重视您的私隐"
            | "我们重视你的隐私"
            | "我们重视您的隐私"
    ) || folded.contains("cookie")
        && char_len(folded) <= 500
        && contains_any(
            folded,
            &[
                "同意",
                "接受",
                "accept",
                "agree",
                "consent",
                "隐私",
                "privacy",
                "preferences",
                "uses cookies",
                "use cookies",
                "使用cookie",
                // a consent box's category notes (`這些Cookies讓我們統計…`)
                "这些cookie",
                "此类cookie",
                "这类cookie",
                "these cookies",
            ],
        )
}

/// A closing call to action: one or two sentences that ask the reader to
/// follow or subscribe.
pub fn is_closing_call(text: &str, folded: &str) -> bool {
    let sentences = text
        .trim_end_matches(is_sentence_end)
        .matches(is_sentence_end)
        .count()
        + 1;
    char_len(text) <= 300 && sentences <= 2 && contains_any(folded, CLOSING_CALLS)
}

/// Shopping calls of an advertisement line (folded): with them a short
/// line is an ad even when it exclaims (`直降800元！立即抢购`).
pub(crate) const AD_CALLS: &[&str] = &[
    "立即抢购",
    "立即购买",
    "限时抢购",
    "立即开户",
    "期货开户",
    "立即开通",
    "立即绑定",
    "立即下载",
    "立即报名",
    "赞助内容",
    "buy now",
    "shop now",
    "sponsored content",
    "打赏",
    "立即领取",
    "line好友",
    "免费领取",
    "点击领取",
    "手机开户",
    "免费开户",
    "在线开户",
    "立即加入",
    "线上开户",
    "解锁全部",
    "早鸟票",
    "喜欢这篇文章",
    "喜欢本文",
    // A newsletter's referral call (`… free when 3 friends sign up`).
    "friends sign up",
    "refer a friend",
    "continue with google",
    "continue with apple",
    "continue with facebook",
    "unlock full access",
    // a deal box's buttons
    "check amazon",
    "view deal",
    "see deal",
    "check price",
    "了解更多",
    "立即申办",
];

/// Words that, alone with counters and punctuation, make a chrome line.
const CHROME_WORDS: &[&str] = &[
    // Longer words first: they are cut out in this order.
    "赞同了该回答",
    "赞同了该文章",
    // a reader-mode page's vote buttons
    "有帮助",
    "没帮助",
    "qq空间",
    "只看楼主",
    "只看作者",
    "关注问题",
    "写回答",
    "邀请回答",
    "好问题",
    "添加评论",
    "关注者",
    "被浏览",
    "赞同",
    "喜欢",
    "默认",
    "图集",
    "最新",
    "最热",
    "热门",
    "作者",
    "分享",
    "收藏",
    "回复",
    "版权",
    "原创",
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
    "发新帖",
    "发帖",
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
    "enlarge",
    "print",
    "email",
    "comments",
    "comment",
    "广告",
    "advertisement",
    "sponsored",
    "ad",
    "ads",
    "video",
    "videos",
    "like",
    "dislike",
    "feedback",
    "continue",
    "reading",
    "open",
    "follow",
    "publication",
    "loading",
    "font",
    "size",
    "big",
    "middle",
    "medium",
    "large",
    "listen",
    "image",
    "了解更多",
    "稿件投诉",
    "搜寻此网志",
    "搜索此网志",
    "纠错",
    "关注他",
    "关注她",
    "预览时标签不可点",
    "收录于合集",
    "发帖数",
    "积分",
    "资深会员",
    "高级会员",
    "注册会员",
    "相关股票",
    "报价",
    "按盘价",
    "升跌",
    "成交额",
    "成交量",
    "现价",
    "前收市",
    "相关股份",
    "相关个股",
    "发送",
    "learn",
    "打印本页",
    "关闭窗口",
    // Font-size samples and the expander's pair.
    "abc",
    "aa",
    "more",
    "less",
    "small",
    "space",
    "now",
    "playing",
    "已编辑",
    "edited",
    "精选",
    "likes",
    "restacks",
    "previous",
    "next",
    "menu",
    "search",
    "home",
    "tweet",
    "facebook",
    "twitter",
    "linkedin",
    "whatsapp",
    "kakaotalk",
    "reddit",
    "copy",
    "link",
    "save",
    "views",
    "reads",
    "post",
    "转寄",
    "赞",
    "粉丝",
    "帖子",
    "追踪",
    "followers",
    "following",
    "posts",
    "字级",
    "播报",
    "纠错",
    "听文章",
    "按赞",
    "复制连结",
    "复制链接",
    "微博",
    "微信",
    "电邮",
    "列印",
    "wechat",
    "weibo",
    "line",
    "telegram",
    "threads",
    "instagram",
    "qq",
    "youtube",
    "x",
];

fn is_breadcrumb(text: &str) -> bool {
    if is_home_trail(text) {
        return true;
    }
    // An arrow (`11.2元->13.5元`, `A => B`) leads from one value to the
    // next: no trail.
    if text.contains("->") || text.contains("=>") {
        return false;
    }
    // `当前位置：首页 > …`, `Current location: Home > …`: the label aside,
    // and longer parts allowed.
    let labelled = [
        "当前位置",
        "當前位置",
        "您的位置",
        "current location",
        "you are here",
    ]
    .iter()
    .find_map(|l| {
        let t = text.trim_start();
        t.get(..l.len())
            .filter(|p| p.eq_ignore_ascii_case(l))
            .map(|_| t[l.len()..].trim_start_matches([':', '：', ' ']))
    });
    let (text, part_max, line_max) = match labelled {
        Some(rest) => (rest, 24, 100),
        None => (text, 14, 50),
    };
    let seps = text
        .chars()
        .filter(|&c| matches!(c, '>' | '»' | '›' | '＞'))
        .count();
    // A trail names pages; it does not end a sentence (`結論：A > B > C，
    // C 我只會觀望。` ranks, and says so).
    // The headline at its end may ask (`… › 国产HBM走到哪一步了？从…看起`).
    if seps == 0
        || char_len(text) > line_max + 120
        || text.trim_end().ends_with('。')
        || (has_inner_sentence_end(text) && has_inner_sentence_end(&text.replace('？', "，")))
    {
        return false;
    }
    let parts: Vec<&str> = text.split(['>', '»', '›', '＞']).map(str::trim).collect();
    // The trail may end with the page's own headline (`News › Tech ›
    // <headline>`) when two or more short parts lead to it.
    let (last, path) = parts.split_last().unwrap_or((&"", &[]));
    let titled = seps >= 2 && char_len(last) <= 120;
    let line_ok = char_len(text) - char_len(last) <= line_max;
    line_ok
        && path.iter().all(|p| char_len(p) <= part_max)
        && ((char_len(last) <= part_max && char_len(text) <= line_max) || titled)
        && (seps >= 2 || parts.iter().filter(|p| !p.is_empty()).count() <= 2)
}

/// A trail from the home page with slashes between its parts (`Home / News
/// / Press Releases`, `首页 / 科技 / 芯片`): three or more short parts, no
/// sentence.
fn is_home_trail(text: &str) -> bool {
    let t = text.trim();
    let home = ["Home", "HOME", "首页", "首頁"].iter().any(|h| {
        t.strip_prefix(h)
            .is_some_and(|r| r.trim_start().starts_with('/'))
    });
    if !home || char_len(t) > 100 || has_inner_sentence_end(t) {
        return false;
    }
    let parts: Vec<&str> = t.split('/').map(str::trim).collect();
    parts.len() >= 3 && parts.iter().all(|p| !p.is_empty() && char_len(p) <= 30)
}

fn is_short_head_line(text: &str) -> bool {
    // `【背景】`: a bracketed heading of the post, not a menu item; nor is
    // a numbered form row with its value (`2. 分類：多`).
    let t = text.trim();
    if (t.starts_with('【') && t.ends_with('】')) || is_form_row(t) {
        return false;
    }
    if han_count(text) > 0 {
        char_len(text) <= 6
    } else {
        let words: Vec<&str> = text.split_whitespace().collect();
        // a menu's `Conferences & Papers`
        let paired = words.len() == 3 && words[1] == "&" && char_len(text) <= 28;
        paired || (char_len(text) <= 12 && words.len() <= 2)
    }
}

/// A paragraph of running text: long enough and punctuated.
pub fn is_body_paragraph(text: &str) -> bool {
    // Two or more bars make a menu, byline or profile row, not prose.
    if text.matches(['|', '｜']).count() >= 2 {
        return false;
    }
    let n = char_len(text);
    let cjk = han_count(text) * 2 > n;
    let long = if cjk { n >= 30 } else { n >= 80 };
    long && is_punctuated(text)
}

/// Whether `text` holds sentence or clause punctuation; a decimal point or
/// a thousands separator (`2.7 times`, `9,310`) is none.
fn is_punctuated(text: &str) -> bool {
    let b = text.as_bytes();
    text.char_indices().any(|(i, c)| {
        let separator = matches!(c, '.' | ',')
            && i > 0
            && b[i - 1].is_ascii_digit()
            && b.get(i + 1).is_some_and(u8::is_ascii_digit);
        !separator && (is_sentence_end(c) || matches!(c, ',' | '，' | '、'))
    })
}

/// Counters as sites print them: `1,204`, `1.3K`, `3.2万`, `2.1M`.
fn counter_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"\d+(?:[.,]\d+)*\s*(?:[km万w]\b|[万萬亿億w])?\+?").expect("static regex")
    })
}

/// A bulletin board's system or form note (`※ 發信站: …`, `※ 編輯: …`,
/// `※請勿刪減原文標題`): a `※` line without a full stop.
fn is_board_note(text: &str) -> bool {
    let t = text.trim();
    t.starts_with('※') && t.len() <= 320 && char_len(t) <= 80 && !t.contains('。')
}

/// A line of a quoted earlier post in a bulletin-board reply (`: 原文…`,
/// after `※ 引述《someone》之銘言：`).
fn is_quoted_reply_line(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with(": ") && t.len() <= 400
}

/// A numbered form row with its value (`2. 分類：多`, `3. Ticker: EXM`).
fn is_form_row(t: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^\d{1,2}\s*[.、．]\s*[^\s:：。，,]{1,8}[:：]\s*\S").expect("static regex")
    });
    t.len() <= 120 && re.is_match(t)
}

/// A numbered form label with nothing after its colon (`1.標題：`,
/// `5.原文內容：`): the template of a post, not its text.
fn is_bare_form_label(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^\d{1,2}\s*[.、．]\s*[^\s:：。，,]{1,8}[:：]$").expect("static regex")
    });
    let t = text.trim();
    t.len() <= 60 && re.is_match(t)
}

/// A web address or a bare domain alone on its line (`https://…`,
/// `example.com`: a link card's source).
pub(crate) fn is_bare_url(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^(?:https?://\S+|www\.\S+|(?:[a-z0-9-]+\.)+(?:com|net|org|io|co|cn|tw|hk|news|tech|info|blog|me|tv|app)(?:/\S*)?)$")
            .expect("static regex")
    });
    let t = text.trim();
    t.len() <= 2048 && !t.contains(char::is_whitespace) && t.contains('.') && re.is_match(t)
}

/// A labelled link alone on its line: a few words, a colon and a web
/// address or a mail address (`Podcast 收聽：https://…`, `業務合作：
/// someone@example.com`, `本文链接：https://…`), maybe after a bullet or
/// an emoji. Where a sentence ends before the colon, it is prose.
fn is_link_line(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"[:：]\s*(?:https?://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)$")
            .expect("static regex")
    });
    let t = text.trim();
    let linked = t.contains("://") || t.contains("www.") || t.contains('@');
    let Some(m) = (linked && t.len() <= 600).then(|| re.find(t)).flatten() else {
        return false;
    };
    let label = &t[..m.start()];
    char_len(label) <= 60 && !has_inner_sentence_end(label) && !label.ends_with(is_sentence_end)
}

/// A listed company's header line in an exchange filing, in brackets of
/// its own (folded): `（股份代号：1234）`, `（于中华人民共和国注册成立的股份有限
/// 公司）`, `(Stock Code: 1234)`, `(incorporated in … with limited
/// liability)`.
fn is_listing_header(folded: &str) -> bool {
    let t = folded.trim();
    let bracketed =
        (t.starts_with('(') && t.ends_with(')')) || (t.starts_with('（') && t.ends_with('）'));
    bracketed
        && char_len(t) <= 80
        && contains_any(
            t,
            &[
                "股份代号",
                "stock code",
                "注册成立",
                "incorporated in",
                "with limited liability",
            ],
        )
}

/// A picture's or chart's placeholder in brackets, as a mail or a text
/// extraction prints it (`[圖片: 某證券 logo]`, `[圖表1：市場規模預測]`,
/// `[Image: chart of revenue]`).
fn is_image_placeholder(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)^\[(?:图片|圖片|图表|圖表|图|圖|image|picture|chart|photo)\s*\d{0,2}\s*[:：]?[^\[\]]{0,120}\]$")
            .expect("static regex")
    });
    let t = text.trim();
    t.len() <= 400 && t.starts_with('[') && re.is_match(t)
}

/// An image's file name or its size under a lightbox
/// (`floorplan_slide.jpg`, `1920×1080 241 KB`).
fn is_image_file_label(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)^(?:[a-z0-9_.-]+\.(?:jpe?g|png|gif|webp|svg|heic)|\d{2,5} ?[×x] ?\d{2,5}(?: \d[\d.]* ?[km]b)?)$")
            .expect("static regex")
    });
    let t = text.trim();
    // a file's extension or a pixel size's `×`: look before the regex
    let maybe = t.len() <= 130
        && (!t.contains(' ') || t.contains(['×', 'x']))
        && t.bytes().any(|b| b.is_ascii_digit() || b == b'.');
    maybe && re.is_match(t)
}

/// An official account's card lines (folded): its introduction
/// (`功能介绍 聚焦…`, `星球简介：…`, the owner and the renewal line), an audio version's length (`时长 11:36`), and a call to
/// join its readers' group by adding an editor on the messaging app.
fn is_account_intro(folded: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let duration = RE.get_or_init(|| {
        Regex::new(r"^(?:时长|duration)\s*[:：]?\s*\d{1,2}:\d{2}(?::\d{2})?$")
            .expect("static regex")
    });
    let t = folded.trim();
    // A channel's or group's card: `星球简介：…`, `频道简介：…`, its owner
    // (`星主：某某`) and the member's renewal (`续期 ¥699/年 · 有效期至 …`).
    let card = char_len(t) <= 120
        && (t.split_once(['：', ':']).is_some_and(|(label, _)| {
            let n = char_len(label);
            (2..=6).contains(&n)
                && (label.ends_with("简介") && !label.starts_with("作者") || label == "星主")
        }) || (t.starts_with("续期") && t.contains("有效期")));
    card || (t.starts_with("功能介绍") && char_len(t) <= 80)
        || (t.len() <= 40 && duration.is_match(t))
        || (t.contains("交流群") && t.contains("微信") && t.contains("添加") && char_len(t) <= 80)
}

/// Promo or ad wording in a line (folded): a call to sign up, download,
/// give feedback or open an account. For the head of a dump: no headline holds one.
pub(crate) fn has_promo_words(folded: &str) -> bool {
    contains_any(folded, PROMO)
        || contains_any(folded, AD_CALLS)
        || is_app_promo(folded)
        || is_feedback_prompt(folded)
        || folded.contains("开户")
}

/// A broker's offer to open an account (folded): `港美股開戶 首年免佣 …`,
/// `開戶送500元超商禮券`.
fn is_account_offer(folded: &str) -> bool {
    folded.contains("开户")
        && contains_any(folded, &["送", "免佣", "礼券", "现金券", "优惠"])
        && char_len(folded) <= 60
        && !folded.trim_end().ends_with('。')
}

/// A breadcrumb printed one part per line: a separator alone on its line
/// (`>`, `›`, `»`) between two short labels (`財經` / `>` / `科技`).
fn stacked_breadcrumbs(work: &mut Work) {
    let alive = work.alive();
    let label = |i: usize| {
        let t = work.blocks[i].text.trim();
        !t.is_empty()
            && char_len(t) <= 16
            && !t.ends_with(is_sentence_end)
            && !t.contains(['，', ',', '：', ':'])
    };
    let mut drop = Vec::new();
    for k in 1..alive.len().saturating_sub(1) {
        let sep = work.blocks[alive[k]].text.trim();
        if matches!(sep, ">" | "＞" | "›" | "»" | "/") && label(alive[k - 1]) && label(alive[k + 1])
        {
            drop.extend_from_slice(&alive[k - 1..=k + 1]);
        }
    }
    drop.dedup();
    for i in drop {
        if work.blocks[i].alive && !work.blocks[i].protected {
            work.drop_block(i, DropReason::Chrome);
        }
    }
}

/// A gallery's position glued to the front of its caption (`(1/4)某公司位於
/// 上海的總部。`): the position goes, the caption stays.
fn gallery_positions(work: &mut Work) {
    for i in work.alive() {
        let t = &work.blocks[i].text;
        if t.len() > 600 || !t.starts_with(['(', '（']) {
            continue;
        }
        let Some(close) = t
            .char_indices()
            .take(8)
            .find(|&(_, c)| c == ')' || c == '）')
        else {
            continue;
        };
        let end = close.0 + close.1.len_utf8();
        if end < t.len() && crate::thread::is_part_marker(&t[..end]) {
            work.remove_ranges(i, std::iter::once(0..end).collect(), DropReason::Chrome);
        }
    }
}

/// The position `k of M ` a gallery prints before each caption
/// (`1 of 4 A sample on display …`), and the gallery's label (`Gallery 4
/// images`). A position counts only in a run of two or more captions
/// numbered in order out of the same total, so `3 of 4 analysts said …`
/// in a paragraph stays whole.
fn gallery_counters(work: &mut Work) {
    let position = |t: &str| -> Option<(u32, u32, usize)> {
        let (k, rest) = t.split_once(' ')?;
        let rest = rest.strip_prefix("of ")?;
        let (m, _) = rest.split_once(' ')?;
        let (k, m) = (k.parse::<u32>().ok()?, m.parse::<u32>().ok()?);
        (1..=m)
            .contains(&k)
            .then_some((k, m, k.to_string().len() + 4 + m.to_string().len() + 1))
    };
    let alive = work.alive();
    let mut cut = Vec::new();
    let mut labels = Vec::new();
    for (n, &i) in alive.iter().enumerate() {
        let t = work.blocks[i].text.trim();
        if t.len() <= 40 {
            let f = t.to_ascii_lowercase();
            let words: Vec<&str> = f.split_whitespace().collect();
            if let ["gallery", count, "images" | "photos" | "pictures"] = words.as_slice() {
                if count.parse::<u32>().is_ok() {
                    labels.push(i);
                }
            }
            // A slideshow's position alone on its line: `Item 1 of 2`.
            if let ["item" | "image" | "photo" | "slide" | "picture", k, "of", m] = words.as_slice()
            {
                if let (Ok(k), Ok(m)) = (k.parse::<u32>(), m.parse::<u32>()) {
                    if (1..=m).contains(&k) {
                        labels.push(i);
                    }
                }
            }
        }
        let Some((k, m, len)) = position(t) else {
            continue;
        };
        let neighbour = |j: Option<&usize>, step: i64| {
            j.and_then(|&j| position(work.blocks[j].text.trim()))
                .is_some_and(|(k2, m2, _)| m2 == m && i64::from(k2) == i64::from(k) + step)
        };
        let prev = n.checked_sub(1).and_then(|p| alive.get(p));
        if neighbour(prev, -1) || neighbour(alive.get(n + 1), 1) {
            let lead = work.blocks[i].text.len() - work.blocks[i].text.trim_start().len();
            cut.push((i, lead..lead + len));
        }
    }
    for (i, r) in cut {
        work.remove_ranges(i, vec![r], DropReason::Chrome);
    }
    work.drop_unprotected(labels, DropReason::Chrome);
}

/// A thread's post counters (`1/18 🧵 最近很多人問我…`, `2/18 先講結論…`):
/// a post opening with `k/M` in a run of three or more posts numbered in
/// order out of the same total loses the counter and a thread mark after
/// it. A single `3/4 of the wafers…` stays.
fn thread_counters(work: &mut Work) {
    let counter = |t: &str| -> Option<(u32, u32, usize)> {
        let slash = t.find(['/', '／'])?;
        let k = t[..slash].parse::<u32>().ok()?;
        let after = &t[slash..];
        let after = after
            .strip_prefix('/')
            .or_else(|| after.strip_prefix('／'))?;
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let m = after[..digits].parse::<u32>().ok()?;
        let rest = &after[digits..];
        if !(3..=200).contains(&m)
            || !(1..=m).contains(&k)
            || !rest.starts_with(char::is_whitespace)
        {
            return None;
        }
        // the thread mark and the spaces after the counter go with it
        let tail = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '🧵');
        Some((k, m, t.len() - tail.len()))
    };
    let found: Vec<(usize, u32, u32, usize)> = work
        .alive()
        .into_iter()
        .filter_map(|i| {
            let t = &work.blocks[i].text;
            let lead = t.len() - t.trim_start().len();
            counter(t.trim_start()).map(|(k, m, len)| (i, k, m, lead + len))
        })
        .collect();
    let Some(&(_, _, total, _)) = found.first() else {
        return;
    };
    let run: Vec<&(usize, u32, u32, usize)> = found.iter().filter(|f| f.2 == total).collect();
    let in_order = run.windows(2).all(|w| w[0].1 < w[1].1);
    if run.len() < 3 || !in_order {
        return;
    }
    for &&(i, _, _, len) in &run {
        work.remove_ranges(i, std::iter::once(0..len).collect(), DropReason::Chrome);
    }
}

/// The lines a browser's translator pastes in with a passage: its
/// `Original text` label, the passage in the source language, and its
/// `Rate this translation` prompt with the feedback note under it.
fn translator_popups(work: &mut Work) {
    let folded = |i: usize| work.blocks[i].folded().trim().to_string();
    // The prompt in English and in Chinese (folded).
    let is_rate = |f: &str| {
        matches!(
            f,
            "rate this translation" | "为这个翻译评分" | "为此翻译评分" | "评价此翻译"
        )
    };
    let mut drop = Vec::new();
    // An earlier pass may have taken the label or the prompt alone as
    // chrome: look at every block, drop the ones still alive.
    let all = work.blocks.len();
    for i in 0..all {
        // Every line of the popup is short: fold nothing longer.
        if work.blocks[i].text.len() > 360 {
            continue;
        }
        let f = folded(i);
        let feedback = f.len() <= 120
            && (f.contains("help improve google translate")
                || ((f.contains("google 翻译") || f.contains("google翻译")) && f.contains("改进")));
        if is_rate(&f) || feedback {
            drop.push(i);
        }
        if f == "original text" || f == "原文" {
            if let Some(end) = (i + 1..all.min(i + 4))
                .find(|&j| work.blocks[j].text.len() <= 360 && is_rate(&folded(j)))
            {
                drop.extend(i..=end);
            }
        }
    }
    drop.sort_unstable();
    drop.dedup();
    drop.retain(|&i| work.blocks[i].alive);
    work.drop_unprotected(drop, DropReason::Chrome);
}

/// A show's sponsor credit on its own line (folded): `本集由 某券商 贊助播出`,
/// `This video is sponsored by Example`.
fn is_sponsor_line(folded: &str) -> bool {
    let t = folded
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim();
    let zh = [
        "本集由",
        "本期由",
        "本节目由",
        "本影片由",
        "本视频由",
        "本片由",
    ]
    .iter()
    .any(|p| t.starts_with(p))
        && t.contains("赞助");
    let en = [
        "this episode is sponsored by",
        "this video is sponsored by",
        "today's episode is sponsored by",
        "this episode is brought to you by",
        "this video is brought to you by",
    ]
    .iter()
    .any(|p| t.starts_with(p));
    (zh || en) && char_len(t) <= 80
}

/// Text that says a machine wrote it (`此摘要由AI生成`, `AI 重點摘要`,
/// `This recap was generated automatically by software`), given folded.
pub fn says_machine_written(folded: &str) -> bool {
    // A summary's credit to a model (`Takeaways by Example AI`).
    let t = folded.trim();
    let credited = (t.starts_with("takeaways by ") || t.starts_with("summary by "))
        && t.ends_with(" ai")
        && t.len() <= 80;
    // `本文摘要由AI自动生成`.
    let generated = folded.contains("ai") && folded.contains("自动生成");
    credited
        || generated
        || contains_any(
            folded,
            &[
                "由ai生成",
                "ai生成",
                "ai 生成",
                "ai摘要",
                "ai章节",
                "ai 摘要",
                "ai重点",
                "ai 重点",
                "generated by ai",
                "generated with ai",
                "generated using ai",
                "ai-generated",
                "generated automatically",
                "automatically generated",
                "auto-generated",
                "powered by ai",
            ],
        )
}

/// A heading of a summary box (folded): `划重点`, `摘要`, `Key points`.
fn is_summary_heading(folded: &str) -> bool {
    let t = folded.trim().trim_matches(|c: char| !c.is_alphanumeric());
    char_len(t) <= 12
        && [
            "划重点",
            "摘要",
            "要点",
            "重点",
            "key points",
            "key takeaways",
            "takeaways",
            "summary",
        ]
        .iter()
        .any(|w| t.contains(w))
}

/// A summary box in a text dump that says a machine wrote it: the note
/// (`以上摘要由AI生成`) and, when a summary heading sits at most eight
/// lines above it, the heading and the lines between.
fn machine_summaries(work: &mut Work) {
    // The note itself may already be gone (`仅供参考` is a notice).
    let marks: Vec<usize> = (0..work.blocks.len())
        .filter(|&i| {
            let b = &work.blocks[i];
            // Every phrase holds `ai` or `generated`: look before folding.
            let maybe = b
                .text
                .as_bytes()
                .windows(2)
                .any(|w| w.eq_ignore_ascii_case(b"ai"))
                || b.text.contains("enerated");
            b.text.len() <= 300 && maybe && says_machine_written(&b.folded())
        })
        .collect();
    for m in marks {
        // The heading may be gone too (a short label): look at every block.
        let above: Vec<usize> = (0..m).rev().take(8).collect();
        // A heading may say a machine wrote the box (`AI-generated
        // summary`) while a note under the box says it again.
        let heading = above.iter().position(|&h| {
            let folded = work.blocks[h].folded();
            is_summary_heading(&folded)
                || (char_len(&folded) <= 40
                    && contains_any(&folded, &["summary", "摘要"])
                    && says_machine_written(&folded))
        });
        let box_lines = heading.map_or(&above[..0], |h| &above[..=h]);
        for &j in box_lines.iter().chain(std::iter::once(&m)) {
            if work.blocks[j].alive && !work.blocks[j].protected {
                work.drop_block(j, DropReason::Chrome);
            }
        }
    }
}

/// How many of the first blocks may hold a labelled summary lead.
const SUMMARY_LEAD_WITHIN: usize = 5;

/// A labelled summary leading the article (`【摘要】…`, `摘要：…`, `导读｜…`,
/// `[Summary]…`, `Summary: …`) that the article then tells in full: every
/// number it gives (two at least) is printed again further down. Such a
/// lead restates the article, so its figures would be counted twice. A
/// summary with a number of its own stays.
fn restated_summary_leads(work: &mut Work) {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)^\s*(?:[\[【(（]\s*(?:摘要|导读|summary)\s*[\]】)）]|(?:摘要|导读|summary)\s*[:：|｜])\s*\S")
            .expect("static regex")
    });
    let alive = work.alive();
    for (k, &i) in alive.iter().take(SUMMARY_LEAD_WITHIN).enumerate() {
        let b = &work.blocks[i];
        if b.protected || b.text.len() > 1200 || !re.is_match(&b.folded()) {
            continue;
        }
        let numbers = numbers_in(&b.text);
        if numbers.len() < 2 {
            continue;
        }
        let rest: String = alive[k + 1..]
            .iter()
            .map(|&j| work.blocks[j].text.as_ref())
            .collect::<Vec<&str>>()
            .join("\n");
        if rest.len() < b.text.len() * 3 {
            continue;
        }
        let told = numbers_in(&rest);
        if numbers.iter().all(|n| told.contains(n)) {
            work.drop_block(i, DropReason::Boilerplate);
        }
    }
}

/// The numbers written in `text` (`7.124`, `2,086`, `58.3`), as written
/// without group separators.
fn numbers_in(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let joins = matches!(c, ',' | '.')
            && !cur.is_empty()
            && chars.peek().is_some_and(char::is_ascii_digit);
        if c.is_ascii_digit() {
            cur.push(c);
        } else if joins {
            if c == '.' {
                cur.push(c);
            }
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// A table of contents: under a contents header (dropped in the main
/// pass, so looked up among all blocks), the short lines that the page
/// prints again further down (its subheads) are the contents, not the
/// article; the later copies stay where the text they head is.
fn table_of_contents(work: &mut Work) {
    let Some(header) = work.blocks.iter().position(|b| {
        b.text.len() <= 40
            && [
                "目录",
                "目錄",
                "ontents",
                "rticle",
                "文章中",
                "本期",
                "issue",
            ]
            .iter()
            .any(|w| b.text.contains(w))
            && is_contents_header(&b.folded())
    }) else {
        return;
    };
    let alive: Vec<usize> = work.alive().into_iter().filter(|&i| i > header).collect();
    // Entries with dot leaders and page numbers went in the main pass: the
    // lines left after them are the article's own subheads.
    let first_alive = alive.first().copied().unwrap_or(work.blocks.len());
    if work.blocks[header + 1..first_alive]
        .iter()
        .any(|b| crate::printed::is_toc_entry(&b.text))
    {
        return;
    }
    let short = |t: &str| t.len() <= 160 && char_len(t) <= 40 && !t.ends_with(is_sentence_end);
    let mut run = Vec::new();
    for (k, &i) in alive.iter().enumerate() {
        let t = work.blocks[i].text.trim();
        // An entry may carry its number or bullet (`1 研发历程`, `▪ 架构`)
        // where the heading it copies has none.
        let entry = t
            .trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | '▪' | '•' | '·'))
            .trim_start();
        // A numbered entry (`2. 快訊｜…`) is an entry even when its story
        // is printed under another heading.
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        let numbered = short(t)
            && (1..=2).contains(&digits)
            && t[digits..].starts_with(['.', '、', ')', '）']);
        // The copy may already be gone (a box above it took it along).
        let printed_again = short(t)
            && !entry.is_empty()
            && alive.get(k + 1).is_some_and(|&next| {
                // The heading may carry a colon or other capitals
                // (`Call participants:` for `Call Participants`).
                let same = |a: &str, b: &str| {
                    a.trim_end_matches([':', '：'])
                        .eq_ignore_ascii_case(b.trim_end_matches([':', '：']))
                };
                work.blocks[next..]
                    .iter()
                    .skip(1)
                    .any(|b| same(b.text.trim(), t) || same(b.text.trim(), entry))
            });
        // The first item again is the body's first subhead.
        let repeats_item = run.iter().any(|&r: &usize| work.blocks[r].text.trim() == t);
        if !(printed_again || numbered) || repeats_item {
            break;
        }
        run.push(i);
    }
    if run.len() >= 2 {
        for i in run {
            if !work.blocks[i].protected {
                work.drop_block(i, DropReason::Chrome);
            }
        }
    }
}

/// A fact box's label: a few Han characters, maybe spaced (`中文名`,
/// `架    构`), no figure, no punctuation.
fn is_fact_label(text: &str) -> bool {
    // Six Han characters and the spaces between them fit in 40 bytes.
    if text.len() > 40 {
        return false;
    }
    let n = text.chars().filter(|c| !c.is_whitespace()).count();
    (2..=6).contains(&n)
        && text
            .chars()
            .all(|c| c.is_whitespace() || crate::script::is_han(c))
}

/// An encyclopedia entry's fact box: four or more label/value pairs in a
/// row (`中文名` / `思元590`, `研发公司` / `…`), each value short and no
/// sentence.
fn fact_boxes(work: &mut Work) {
    let alive = work.alive();
    let value = |work: &Work, i: usize| {
        let t = work.blocks[i].text.trim();
        char_len(t) <= 30 && !t.ends_with(is_sentence_end) && !has_inner_sentence_end(t)
    };
    let mut k = 0;
    while k + 1 < alive.len() {
        let mut end = k;
        while end + 1 < alive.len()
            && is_fact_label(&work.blocks[alive[end]].text)
            && value(work, alive[end + 1])
        {
            end += 2;
        }
        if end - k >= 8 {
            for &i in &alive[k..end] {
                if !work.blocks[i].protected {
                    work.drop_block(i, DropReason::Metadata);
                }
            }
            k = end;
        } else {
            k += 1;
        }
    }
}

/// Labels of a paid placement on their own line (folded).
pub(crate) fn is_sponsor_label(folded: &str) -> bool {
    matches!(
        folded.trim().trim_matches(|c: char| !c.is_alphanumeric()),
        "ad" | "ads"
            | "advertisement"
            | "sponsored"
            | "sponsored content"
            | "paid content"
            | "paid post"
            | "promoted"
            | "广告"
            | "推广"
            | "赞助内容"
            | "赞助商连结"
            | "赞助商链接"
            | "赞助链接"
            | "赞助广告"
    )
}

/// An ad's button, closing its box (folded): `立即了解`, `Learn more`.
fn is_ad_button(folded: &str) -> bool {
    matches!(
        folded.trim(),
        "立即了解" | "了解更多" | "马上了解" | "立即查看" | "learn more" | "find out more"
    )
}

/// Paid placements between two paragraphs: the lines between them that
/// hold two or more sponsor labels (`Sponsored`, a headline, its
/// advertiser, `Ad`) are all the placement. One label alone may sit next
/// to a subhead, so it takes only itself.
fn ad_blocks(work: &mut Work) {
    // Labels are short: longer blocks need no folding.
    let is_label = |b: &crate::doc::Block| b.text.len() <= 40 && is_sponsor_label(&b.folded());
    if work.blocks.iter().filter(|b| is_label(b)).take(2).count() < 2 {
        return;
    }
    let mut start = 0;
    let n = work.blocks.len();
    for end in 0..=n {
        let boundary = end == n || {
            let b = &work.blocks[end];
            b.alive && is_body_paragraph(&b.text)
        };
        if !boundary {
            continue;
        }
        let span = start..end;
        start = end + 1;
        if span.len() > 10 {
            continue;
        }
        let labels = span.clone().filter(|&i| is_label(&work.blocks[i])).count();
        if labels >= 2 {
            for i in span {
                if work.blocks[i].alive && !work.blocks[i].protected {
                    work.drop_block(i, DropReason::Chrome);
                }
            }
        }
    }
}

/// The line under an ad's label, when a line other than a paragraph
/// follows it: the ad's own call (`【某基金】申購手續費0折起`). A line
/// right above a paragraph is the article's subhead, and stays.
/// Only inside the article: above its first paragraph the line under a
/// label may be the headline.
fn labelled_ads(work: &mut Work) {
    let n = work.blocks.len();
    let Some(mut i) =
        (0..n).find(|&i| work.blocks[i].alive && is_body_paragraph(&work.blocks[i].text))
    else {
        return;
    };
    while i < n {
        let b = &work.blocks[i];
        if b.text.len() > 40 || !is_sponsor_label(&b.folded()) {
            i += 1;
            continue;
        }
        let mut next_alive = (i + 1..n).filter(|&j| work.blocks[j].alive);
        let (Some(ad), Some(after)) = (next_alive.next(), next_alive.next()) else {
            break;
        };
        let t = &work.blocks[ad].text;
        let short_call = char_len(t) <= 60
            && !t.contains(|c: char| is_sentence_end(c))
            && !is_body_paragraph(&work.blocks[after].text);
        // A pitch under the label that ends on its link's arrow (`… Get
        // $500 in credits →`) is the ad, however it is worded.
        let arrow_call = char_len(t) <= 300 && t.trim_end().ends_with(['→', '»', '›']);
        let call = (short_call || arrow_call)
            && !work.blocks[ad].protected
            && work.blocks[ad].kind != BlockKind::Heading;
        if call {
            work.drop_block(ad, DropReason::Chrome);
            if !work.blocks[i].protected {
                work.drop_block(i, DropReason::Chrome);
            }
            // The advertiser's name and the box's button under it, when
            // the button comes within two short lines.
            let rest: Vec<usize> = (ad + 1..n)
                .filter(|&j| work.blocks[j].alive)
                .take(3)
                .collect();
            if let Some(button) = rest
                .iter()
                .position(|&j| is_ad_button(&work.blocks[j].folded()))
            {
                let between_short = rest[..button].iter().all(|&j| {
                    let t = &work.blocks[j].text;
                    char_len(t) <= 40 && !t.contains(|c: char| is_sentence_end(c))
                });
                if between_short {
                    for &j in &rest[..=button] {
                        if !work.blocks[j].protected {
                            work.drop_block(j, DropReason::Chrome);
                        }
                    }
                }
            }
        }
        i = ad + 1;
    }
}

/// A box closed by its `see all` link (`查看全部新股資訊`, `View all
/// listings`): the short lines above the link, up to eight and none of
/// them a sentence (a widget's title, table header and rows), go with it.
/// Two lines at least: a lone line over such a link may be a subhead.
fn see_all_boxes(work: &mut Work) {
    let alive = work.alive();
    let mut drop = Vec::new();
    for (k, &i) in alive.iter().enumerate() {
        let b = &work.blocks[i];
        if b.text.len() > 60 {
            continue;
        }
        let f = b.folded();
        let t = f.trim();
        let see_all = ["查看全部", "查看更多", "see all ", "view all "]
            .iter()
            .any(|p| t.starts_with(p))
            && char_len(t) <= 20;
        if !see_all {
            continue;
        }
        let boxed = alive[..k]
            .iter()
            .rev()
            .take(8)
            .take_while(|&&j| {
                let t = &work.blocks[j].text;
                !work.blocks[j].protected
                    && char_len(t) <= 60
                    && !has_inner_sentence_end(t)
                    && !t.trim_end().ends_with(is_sentence_end)
                    && !is_body_paragraph(t)
            })
            .count();
        if boxed >= 2 {
            drop.extend_from_slice(&alive[k - boxed..=k]);
        }
    }
    for i in drop {
        if work.blocks[i].alive {
            work.drop_block(i, DropReason::Chrome);
        }
    }
}

/// The next story's card under the article (an endless page): its
/// headline, its byline or date lines, its opening paragraph and the link
/// to read it (`閱讀全文`, `Read full story`). Dropped from the headline
/// to the link when one to three meta lines sit between headline and
/// paragraph.
pub(crate) fn next_story_cards(work: &mut Work) {
    let alive = work.alive();
    let mut drop = Vec::new();
    for k in 5..alive.len() {
        // the link is short: longer blocks need no folding
        if work.blocks[alive[k]].text.len() > 24 {
            continue;
        }
        let f = work.blocks[alive[k]].folded();
        if !matches!(
            f.trim(),
            "阅读全文" | "read full story" | "read the full story"
        ) {
            continue;
        }
        let meta = |j: usize| {
            let t = &work.blocks[alive[j]].text;
            crate::metadata::is_meta_line(t) || is_dateline(t) || crate::metadata::is_byline(t)
        };
        // the paragraph right above the link, meta lines above it
        let metas = (1..=3)
            .take_while(|&d| k >= 2 + d && meta(k - 1 - d))
            .count();
        if metas == 0 {
            continue;
        }
        let headline = k - 2 - metas;
        let t = &work.blocks[alive[headline]].text;
        if char_len(t) <= 80
            && !t.trim_end().ends_with(is_sentence_end)
            && !has_inner_sentence_end(t)
        {
            drop.extend_from_slice(&alive[headline..=k]);
        }
    }
    for i in drop {
        if work.blocks[i].alive && !work.blocks[i].protected {
            work.drop_block(i, DropReason::RelatedLinks);
        }
    }
}

/// A counter and nothing else (`3,472`, `1.3万`, `4.2K`).
fn is_bare_count(text: &str) -> bool {
    let t = text.trim();
    t.len() <= 24
        && t.starts_with(|c: char| c.is_ascii_digit())
        && counter_re().find(t).is_some_and(|m| m.len() == t.len())
}

fn only_chrome_words(text: &str) -> bool {
    let counted = counter_re().replace_all(&fold(text), " ").into_owned();
    // Chinese chrome words are cut out wherever they stand (the longest
    // first, in one pass); Latin ones must be whole words (`x` is the
    // network, not a letter of `Xbox`).
    let f = if counted.is_ascii() {
        counted.clone()
    } else {
        static CJK: OnceLock<Option<aho_corasick::AhoCorasick>> = OnceLock::new();
        let ac = CJK.get_or_init(|| {
            aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .build(CHROME_WORDS.iter().filter(|w| !w.is_ascii()))
                .ok()
        });
        match ac {
            Some(ac) => {
                let mut out = String::with_capacity(counted.len());
                ac.replace_all_with(&counted, &mut out, |_, _, dst| {
                    dst.push(' ');
                    true
                });
                out
            }
            None => {
                let mut f = counted.clone();
                for w in CHROME_WORDS.iter().filter(|w| !w.is_ascii()) {
                    f = f.replace(w, " ");
                }
                f
            }
        }
    };
    let mut had_word = f != counted;
    for token in f
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
    {
        if token.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        if !CHROME_WORDS.contains(&token) {
            return false;
        }
        had_word = true;
    }
    // At least one chrome word: a bare figure with a unit (`1,400W`, a
    // table cell) is made only of what the counter pattern eats.
    had_word && text.chars().any(|c| c.is_alphabetic())
}

/// Separators of menu, footer and byline segments: bars and dots always,
/// dashes only with spaces around them (a Chinese `——` is punctuation).
fn segments_of(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for part in text.split(['|', '｜', '·', '•', '∙', '丨']) {
        for seg in part.split(" — ").flat_map(|p| p.split(" – ")) {
            let seg = seg.trim();
            if !seg.is_empty() {
                out.push(seg);
            }
        }
    }
    out
}

/// One segment of a menu or byline: a few words or characters, no clause
/// punctuation (a comma between digits is a thousands separator).
fn is_short_segment(seg: &str) -> bool {
    let chars: Vec<char> = seg.chars().collect();
    let clause = chars.iter().enumerate().any(|(k, &c)| {
        matches!(c, '，' | '。' | '、' | '；' | ';' | '!' | '！' | '?' | '？')
            || (c == ','
                && !(k > 0
                    && chars[k - 1].is_ascii_digit()
                    && chars.get(k + 1).is_some_and(char::is_ascii_digit)))
            || (c == '.' && k + 1 == chars.len())
    });
    let n = char_len(seg);
    let size_ok = if han_count(seg) * 2 >= n {
        n <= 12
    } else {
        n <= 30 && seg.split_whitespace().count() <= 4
    };
    !clause && size_ok
}

/// A line of short segments between separators: a menu (`Home | News |
/// About`), a footer (`Contact · Careers · Privacy`) or a byline row
/// (`Reporter — City — Updated 3 hours ago`). Outside the head the
/// segments must be words, not figures (a row of a spec table stays).
fn is_segment_row(text: &str, in_head: bool) -> bool {
    // A row is short: long paragraphs cost one length check.
    if text.len() > 400 || !text.contains(['|', '｜', '·', '•', '∙', '丨', '—', '–']) {
        return false;
    }
    let segs = segments_of(text);
    let seps = text
        .chars()
        .filter(|c| matches!(c, '|' | '｜' | '·' | '•' | '∙' | '丨'))
        .count()
        + text.matches(" — ").count()
        + text.matches(" – ").count();
    if seps < 3 || segs.len() < 4 || !segs.iter().all(|s| is_short_segment(s)) {
        return false;
    }
    let with_digits = segs
        .iter()
        .filter(|s| s.chars().any(|c| c.is_ascii_digit()))
        .count();
    in_head || with_digits <= 1
}

/// A menu of Chinese labels set apart by spaces alone (`频道1综合 频道2财经
/// 频道3综艺 …`): eight or more items of up to 12 chars, each holding Han,
/// and no punctuation, since Chinese prose does not space its words.
fn is_spaced_menu(text: &str) -> bool {
    if text.len() > 600 || text.contains(['，', '。', '、', '；', '：', '！', '？', ',', ':'])
    {
        return false;
    }
    let mut items = 0;
    for w in text.split_whitespace() {
        if char_len(w) > 12 || !w.chars().any(crate::script::is_han) {
            return false;
        }
        items += 1;
    }
    items >= 8
}

/// A quote widget's cell alone on its line: a signed change (`+2.31%`,
/// `-0.84%`) or a bracketed listing code (`(01347)`).
fn is_bare_quote_cell(text: &str) -> bool {
    let t = text.trim();
    if t.len() > 16 {
        return false;
    }
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^(?:[+\-−]\d{1,4}(?:\.\d{1,3})?%|[（(]\d{4,6}[)）])$").expect("static regex")
    });
    re.is_match(t)
}

/// A date (`2025-11-05`, `2025/11/05`, `2025年11月5日`) or a clock time.
fn stamp_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(?:\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|\d{1,2}/\d{1,2}/\d{4}\s+\d{1,2}:\d{2}|\d{1,2}:\d{2})")
            .expect("static regex")
    })
}

/// An English date stamp with its time glued on, as a select-all copy
/// prints it (`March 4, 20266:12 AM GMT+9Updated 3 hours ago`): a month,
/// a day, a year and at most 40 more chars without a sentence.
fn is_glued_english_stamp(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(
            r"^(?:(?:Published|Posted|Updated) )?(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*, )?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? \d{4}",
        )
        .expect("static regex")
    });
    let t = text.trim();
    // Two stamps on one line: `Published … Updated …`.
    if let Some((first, second)) = t.split_once(" Updated ") {
        return is_glued_english_stamp(first)
            && is_glued_english_stamp(&format!("Updated {second}"));
    }
    t.len() <= 120
        && t.starts_with(|c: char| c.is_ascii_uppercase())
        && re.find(t).is_some_and(|m| {
            let rest = &t[m.end()..];
            rest.chars().count() <= 40 && !has_inner_sentence_end(rest) && !rest.ends_with('.')
        })
}

/// A dateline at the top of a dump: a line that opens with a date or a
/// time and holds only a few more words (reporter, place, counters).
pub(crate) fn is_dateline(text: &str) -> bool {
    if is_glued_english_stamp(text) {
        return true;
    }
    let mut t = text.trim();
    // A badge of a few letters may lead the stamp (`加精2025年…`, `VIP 2025-…`),
    // or the source's name a bare stamp (`某某日报2025-10-30 21:17:32`).
    if let Some(at) = t.find(|c: char| c.is_ascii_digit()) {
        let badge = t[..at].trim_end();
        let named_stamp = char_len(badge) <= 8
            && crate::script::han_count(badge) == char_len(badge)
            && crate::related::is_timestamp_line(&t[at..]);
        if at > 0 && (char_len(badge) <= 4 || named_stamp) && badge.chars().all(char::is_alphabetic)
        {
            t = &t[at..];
        }
    }
    if t.len() > 320 || !t.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let Some(m) = stamp_re().find(t) else {
        return false;
    };
    let rest = &t[m.end()..];
    char_len(t) <= 80
        && !has_inner_sentence_end(t)
        && !t.ends_with(['。', '.'])
        && !rest.contains(['，', ','])
}

/// An end-of-article marker on its own line: a word or two wrapped in
/// brackets or dashes (`（完）`, `(END)`, `—完—`), no digits.
fn is_end_marker(text: &str) -> bool {
    let t = text.trim();
    // Wire and press-release end marks.
    if matches!(t, "ENDS" | "END" | "###" | "-30-") {
        return true;
    }
    if t.len() > 40 {
        return false;
    }
    let inner = t.trim_matches(|c: char| {
        matches!(
            c,
            '(' | ')' | '（' | '）' | '[' | ']' | '【' | '】' | '-' | '—' | '–' | '=' | ' '
        )
    });
    let wrapped = t.len() > inner.len() + 1;
    let n = char_len(inner);
    // `【背景】`, `【薪水】` head a post's sections; in these brackets only
    // the marks themselves end or label nothing.
    if t.starts_with('【')
        && !matches!(
            inner,
            "完" | "完结"
                | "完結"
                | "终"
                | "終"
                | "图"
                | "圖"
                | "组图"
                | "組圖"
                | "视频"
                | "視頻"
                | "广告"
                | "廣告"
                | "推广"
                | "推廣"
        )
    {
        return false;
    }
    wrapped
        && (1..=3).contains(&n)
        && !inner.chars().any(|c| c.is_ascii_digit())
        && inner.chars().all(|c| c.is_alphabetic())
        && (han_count(inner) > 0 || inner.chars().all(|c| c.is_ascii_uppercase()))
}

/// Short enough for a promo line: 40 characters, or for a Latin line up to
/// nine words and 60 characters (`Share this article: Facebook X ...`).
fn is_short_line(text: &str) -> bool {
    if text.len() > 240 {
        return false;
    }
    let n = char_len(text);
    n <= 40 || (han_count(text) == 0 && n <= 60 && text.split_whitespace().count() <= 9)
}

impl Detector for ChromeFilter {
    fn name(&self) -> &'static str {
        "chrome"
    }

    fn run(&self, work: &mut Work<'_>) {
        crate::widget::video_cards(work);
        crate::widget::video_items(work);
        crate::widget::quote_widgets(work);
        crate::widget::price_widgets(work);
        crate::widget::stacked_quotes(work);
        crate::widget::ticker_tiles(work);
        crate::framed::framed_widgets(work);
        crate::framed::image_alts(work);
        crate::widget::quote_tables(work);
        crate::widget::deal_widgets(work);
        crate::transcript::transcripts(work);
        crate::transcript::host_lines(work);
        crate::metadata::above_post_head(work);
        crate::metadata::above_signed_headline(work);
        see_all_boxes(work);
        crate::thread::chat_messages(work);
        crate::thread::replies(work);
        crate::thread::channel_posts(work);
        crate::thread::accepted_answers(work);
        crate::printed::forwarded_mail(work);
        crate::printed::filing_exhibit(work);
        crate::printed::archive_toolbar(work);
        crate::printed::newsletter_sections(work);
        crate::printed::bulletin_sections(work);
        crate::printed::contents_sections(work);
        let alive = work.alive();
        // Datelines and byline rows sit above the first paragraph that
        // reads as prose (a long headline with a comma is not one).
        // A site's notice (`论坛公告：…`) or an ad (`[廣告] … 立即開戶>>`)
        // may read as prose but is not the article's first paragraph.
        let notice = |t: &str| {
            let f = fold(t);
            is_site_notice(&f)
                || contains_any(&f, AD_CALLS)
                || is_ad_label_led(&f)
                || is_offer(&f)
                || is_file_title(t)
                || is_marked_link_line(t)
        };
        let first_prose = first_prose(work, &alive, notice);
        // The page's head ends at the first paragraph; a page-title line
        // with commas but no sentence end (`… net profit turns positive_
        // Site Name`) at the very top does not end it.
        // Nor does a headline without any sentence end over two tag-like
        // lines (a forum topic's title over its category and tags: short,
        // without digits or a colon; one short line may be the first
        // section's heading, and a rating box has figures).
        // A short item: up to 24 chars, no colon, no digit (a report's
        // fields have them, tags and menu entries do not).
        let short_item = |j: usize| {
            let t = work.blocks[j].text.trim();
            char_len(t) <= 24 && !t.contains([':', '：']) && !t.chars().any(|c| c.is_ascii_digit())
        };
        let over_short = |k: usize| {
            alive
                .get(k + 1..k + 3)
                .is_some_and(|next| next.iter().all(|&j| short_item(j)))
        };
        // Nor does a lone sentence in a menu (a publisher's blurb in its
        // brand list): eight menu items follow it, short lines without a
        // sentence end, a colon or a digit (a report's fields have them).
        let in_menu = |k: usize| {
            alive.get(k + 1..k + 9).is_some_and(|next| {
                next.iter().all(|&j| {
                    short_item(j) && !work.blocks[j].text.trim().ends_with(is_sentence_end)
                })
            })
        };
        let first_body = alive
            .iter()
            .enumerate()
            .position(|(k, &i)| {
                let t = &work.blocks[i].text;
                let sentence = has_inner_sentence_end(t) || t.ends_with(is_sentence_end);
                is_body_paragraph(t)
                    && (sentence || (k > 0 && !over_short(k)))
                    && !notice(t)
                    && !in_menu(k)
            })
            .unwrap_or(alive.len());
        // That blurb goes with the menu when it reads as a sentence and a
        // menu entry stands over it (a short line without a sentence end).
        // A headline stands over an article's first paragraph too, but a
        // list of eight bare names rarely follows one; a forum topic's
        // title over its tags has no sentence end and stays.
        let menu_blurbs: Vec<usize> = (1..first_body)
            .filter(|&k| {
                let t = work.blocks[alive[k]].text.trim();
                let over = work.blocks[alive[k - 1]].text.trim();
                is_body_paragraph(t)
                    && (has_inner_sentence_end(t) || t.ends_with(is_sentence_end))
                    && in_menu(k)
                    && char_len(over) <= 40
                    && !over.ends_with(is_sentence_end)
            })
            .map(|k| alive[k])
            .collect();
        // A count under a chrome label (`关注者` then `3,472`) goes with it.
        let mut after_label = false;
        let mut subjects: Vec<String> = Vec::new();
        // Quote lines under a line of the body that ends with a colon
        // (`今日涨幅居前个股：`) are the article's own list.
        let mut listed = false;
        let data_tables = data_table_rows(work, &alive);
        for (k, &i) in alive.iter().enumerate() {
            let b = &work.blocks[i];
            // Preformatted lines (code, data) have the shapes of menus.
            if b.protected || b.kind == BlockKind::Pre {
                after_label = false;
                continue;
            }
            if menu_blurbs.contains(&i) {
                work.drop_block(i, DropReason::Chrome);
                continue;
            }
            if std::mem::take(&mut after_label) && is_bare_count(&b.text) {
                work.drop_block(i, DropReason::Chrome);
                continue;
            }
            let text = &*b.text;
            let short = char_len(text) <= 40;
            let in_head = k < first_body;
            // The quote shape is only asked for when it decides something.
            listed = if (k > first_body && is_list_intro(text)) || data_tables.contains(&i) {
                true
            } else {
                listed && is_quote_line(text)
            };
            let above_prose = k < first_prose;
            // Counters without their labels above the text (a player's).
            if above_prose && is_bare_count(text) {
                work.drop_block(i, DropReason::Chrome);
                continue;
            }
            if above_prose && is_mail_header(&b.folded()) {
                // The mail client prints the subject once more on its own.
                if let Some((_, subject)) = text.split_once([':', '：']) {
                    subjects.push(subject.trim().to_string());
                }
                work.drop_block(i, DropReason::Metadata);
                continue;
            }
            if above_prose && is_field_row(text) {
                work.drop_block(i, DropReason::Metadata);
                continue;
            }
            if above_prose && is_dateline(text) {
                if work.published.is_none() {
                    work.published = crate::metadata::find_date(text);
                }
                work.drop_block(i, DropReason::Metadata);
                continue;
            }
            // Folded once: on a huge page every call folds afresh.
            let folded = b.folded();
            let short_line = is_short_line(text);
            let promo_line = short_line
                && ((!has_inner_sentence_end(text) && contains_any(&folded, PROMO))
                    || contains_any(&folded, AD_CALLS)
                    || is_app_promo(&folded));
            let early = is_breadcrumb(text)
                || (in_head && is_short_head_line(text))
                || ((in_head || above_prose) && is_profile_row(text))
                || promo_line
                || is_search_box(&folded);
            // A chrome label without a count of its own (`关注者`) may have
            // its count on the next line.
            let chrome_words = !early && short && only_chrome_words(text);
            after_label = chrome_words && !text.chars().any(|c| c.is_ascii_digit());
            let drop = early
                || chrome_words
                || is_segment_row(text, above_prose)
                || is_spaced_menu(text)
                || is_bare_quote_cell(text)
                || (!listed && is_quote_line(text))
                || is_ui_label(&folded)
                || crate::widget::is_data_stamp(text)
                || is_link_call(text)
                || is_feedback_prompt(&folded)
                || crate::printed::is_rating_line(&folded)
                || crate::printed::is_analyst_line(&folded)
                || is_editor_code(text)
                || is_quote_delay_note(&folded)
                || is_numbered_menu_row(text)
                || ends_with_ad_call(&folded)
                || is_push_comment(text)
                || is_reading_time(text)
                || is_hashtag_line(text)
                || is_repost_chain(text)
                || is_comment_meta(text)
                || is_offer(&folded)
                || is_subscribe_box(text, &folded)
                || is_app_call(&folded)
                || is_truncated_teaser(&folded)
                || is_page_position(&folded)
                || is_page_footer(&folded)
                || is_edition_label(&folded)
                || is_site_notice(&folded)
                || is_meta_residue(text)
                || is_quote_time(text)
                || is_bracket_label_row(text)
                || is_follow_handle(&folded)
                || (is_ad_label_led(&folded) && char_len(text) <= 120)
                || (is_sponsor_led(&folded) && char_len(text) <= 400)
                || is_campaign_notice(&folded)
                || is_alt_text_line(text)
                || is_weather_line(&folded)
                || crate::stamp::is_count_line(text)
                || crate::stamp::is_stats_line(text)
                || is_link_line(text)
                || is_sponsor_line(&folded)
                || is_listing_header(&folded)
                || crate::thread::is_part_marker(text)
                || crate::printed::is_report_list_line(text)
                || is_image_placeholder(text)
                || is_image_file_label(text)
                || is_account_offer(&folded)
                || is_account_intro(&folded)
                || is_board_note(text)
                || is_quoted_reply_line(text)
                || is_bare_form_label(text)
                || is_bare_url(text)
                || is_contents_header(&folded)
                || crate::printed::is_toc_entry(text)
                || (b.kind == BlockKind::Line && crate::framed::is_button_row(text))
                || crate::framed::is_share_row(&folded)
                || is_promo_paragraph(&folded)
                || is_meter_notice(&folded)
                || is_issue_line(text)
                || is_end_marker(text)
                || is_file_title(text)
                || is_marked_link_line(text)
                || crate::widget::is_video_title_line(text);
            if drop {
                work.drop_block(i, DropReason::Chrome);
            }
        }
        if !subjects.is_empty() {
            for i in work.alive() {
                let b = &work.blocks[i];
                if !b.protected && subjects.iter().any(|s| s == b.text.trim()) {
                    work.drop_block(i, DropReason::Metadata);
                }
            }
        }
        ad_blocks(work);
        labelled_ads(work);
        product_pitches(work);
        split_teasers(work);
        premium_teasers(work);
        called_ads(work);
        sponsored_sections(work);
        running_headers(work);
        crate::printed::numbered_running_heads(work);
        crate::printed::watermarks(work);
        crate::printed::page_briefs(work);
        chart_dumps(work);
        crate::printed::stock_data_boxes(work);
        stock_pick_promos(work);
        service_cards(work);
        quoted_posts(work);
        event_promos(work);
        data_panels(work);
        donation_boxes(work);
        ruled_boxes(work);
        gallery_positions(work);
        gallery_counters(work);
        thread_counters(work);
        translator_popups(work);
        stacked_breadcrumbs(work);
        table_of_contents(work);
        fact_boxes(work);
        machine_summaries(work);
        restated_summary_leads(work);
        tag_runs(work);
        // Live quote chips inside sentences: `(AMD+4.62%)` keeps `(AMD)`;
        // a photo's licensing link and gallery position leave its caption;
        // a thread title loses its `[复制链接]` button.
        for i in work.alive() {
            let text = &work.blocks[i].text;
            let mut ranges = crate::widget::quote_chip_ranges(text);
            ranges.extend(photo_link_ranges(text));
            ranges.extend(copy_link_ranges(text));
            ranges.extend(link_marker_ranges(text));
            ranges.extend(watermark_ranges(text));
            ranges.extend(trailing_tag_range(text));
            if !ranges.is_empty() {
                work.remove_ranges(i, ranges, DropReason::Chrome);
            }
        }
        // The last two paragraphs may ask the reader to follow or subscribe.
        for i in work.alive().into_iter().rev().take(2) {
            let b = &work.blocks[i];
            if !b.protected && is_closing_call(&b.text, &b.folded()) {
                work.drop_block(i, DropReason::Chrome);
            }
        }
    }
}

/// Drops blocks that editing left without letters or digits.
pub struct Leftovers;

/// A block that is only a section number or a gallery position (`01`,
/// `3.`, `2/5`): it says nothing on its own.
fn is_bare_ordinal(text: &str) -> bool {
    let t = text.trim().trim_end_matches('.');
    let digits = |s: &str| (1..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    digits(t)
        || t.split_once('/')
            .is_some_and(|(a, b)| digits(a.trim()) && digits(b.trim()))
}

impl Detector for Leftovers {
    fn name(&self) -> &'static str {
        "leftovers"
    }

    fn run(&self, work: &mut Work<'_>) {
        for i in work.alive() {
            let text = &work.blocks[i].text;
            if !has_substance(text) || is_bare_ordinal(text) {
                work.drop_block(i, DropReason::Chrome);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Block;

    #[test]
    fn a_data_tables_rows_are_not_quote_lines() {
        let body = "Spending by the three packaging houses should climb again next year, after two flat years of digestion.";
        let rows = [
            "Maker 2024 2025E 2026E YoY",
            "Acme 12.4 15.0 18.2 +21%",
            "Bolt Packaging 9.0 8.1 7.5 -7%",
            "Cirra 3.3 3.6 3.9 +8%",
        ];
        // the short rows alone read as quote lines
        assert!(crate::widget::is_quote_line(rows[1]) && crate::widget::is_quote_line(rows[3]));
        let mut blocks = vec![Block::new(body, BlockKind::Para)];
        blocks.extend(rows.iter().map(|r| Block::new(*r, BlockKind::Row)));
        blocks.push(Block::new(body, BlockKind::Para));
        let mut w = Work::new(blocks);
        ChromeFilter.run(&mut w);
        assert_eq!(w.alive().len(), 6, "{:?}", w.alive_texts());
        // a quote widget's table: quote lines under a header row
        let widget = [
            "名称 最新价 涨跌幅",
            "某某科技688000 58.35 +4.31%",
            "某某半导体688001 12.10 -1.22%",
        ];
        let mut blocks = vec![Block::new(body, BlockKind::Para)];
        blocks.extend(widget.iter().map(|r| Block::new(*r, BlockKind::Row)));
        let w = Work::new(blocks);
        let alive = w.alive();
        assert!(data_table_rows(&w, &alive).is_empty());
    }

    #[test]
    fn a_paragraph_that_names_itself_sponsored() {
        assert!(is_sponsor_led(
            "sponsored · today’s briefing comes to you from a test-equipment maker."
        ));
        assert!(is_sponsor_led("赞助内容：某公司的检测设备"));
        assert!(is_campaign_notice(
            "本文已参与「某某征文活动」，赢取积分奖励。"
        ));
        assert!(!is_campaign_notice("本文已参与讨论的三家公司都在扩产。"));
        assert!(!is_sponsor_led(
            "sponsored research at the university found the yield rose."
        ));
    }

    #[test]
    fn bare_ordinals() {
        for t in ["01", "3.", "2/5", " 12 / 40 "] {
            assert!(is_bare_ordinal(t), "{t}");
        }
        for t in ["2025", "5G", "1/2 of the chips", "24/7 support", "3nm"] {
            assert!(!is_bare_ordinal(t), "{t}");
        }
    }

    #[test]
    fn breadcrumbs() {
        assert!(is_breadcrumb(
            "Business News›Tech›Technology›Chip imports surge 2.7 times in the half"
        ));
        assert!(!is_breadcrumb(
            "Revenue > expectations, analysts said of the quarter"
        ));
        assert!(is_body_paragraph(
            "Imports of accelerator boards for data centres rose 2.7 times in the first half, customs data show."
        ));
        assert!(!is_body_paragraph(
            "Server accelerator imports jump 2.7 times to Rs 9,310 crore in the half as new halls open"
        ));
        assert!(is_breadcrumb("首頁> 股市消息>"));
        assert!(is_breadcrumb("Home > Tech > Chips"));
        assert!(is_breadcrumb("Home / Newsroom / Company News"));
        assert!(is_breadcrumb("首页 / 科技 / 芯片"));
        assert!(!is_breadcrumb(
            "Home / office demand rose 12%. Sales / margins fell."
        ));
        assert!(!is_breadcrumb("Home / Work"));
        assert!(is_breadcrumb("网易首页 > 网易号 > 正文 申请入驻"));
        assert!(!is_breadcrumb("营收增长 > 30%,超出预期。随后股价上涨。"));
        assert!(!is_breadcrumb(
            "排序：甲公司 > 乙公司 > 丙公司，丙公司我先觀望。"
        ));
        assert!(is_breadcrumb(
            "某论坛 › 技术交流 › 存储 › 国产内存走到哪一步了？从量产看工艺"
        ));
        assert!(!is_breadcrumb("甲行│買入│8.2元->9.5元"));
        assert!(!is_breadcrumb("Target 40 => 48"));
    }

    #[test]
    fn chrome_word_lines() {
        assert!(only_chrome_words("31 收藏"));
        assert!(only_chrome_words("導航"));
        assert!(only_chrome_words("Share"));
        assert!(only_chrome_words("分享 1.3K 留言 42"));
        assert!(only_chrome_words("阅读 3.2万"));
        assert!(only_chrome_words("分享 Facebook Line X 複製連結"));
        assert!(!only_chrome_words("Xbox"));
        assert!(!only_chrome_words("Online 8x"));
        assert!(!only_chrome_words("HBM 3.2万片"));
        assert!(!only_chrome_words("1"));
        assert!(!only_chrome_words("算力擴張,芯片先行"));
    }

    #[test]
    fn figures_alone_are_not_counters() {
        assert!(!only_chrome_words("2,500W"));
        assert!(!only_chrome_words("96 GB"));
        assert!(only_chrome_words("Share 31 Post 7 Email Print"));
        assert!(only_chrome_words("讚 210 轉寄"));
    }

    #[test]
    fn segment_rows() {
        assert!(is_segment_row("Home | World | Markets | Opinion", false));
        assert!(is_segment_row("About us · Jobs · Legal · Cookies", false));
        assert!(is_segment_row("訂閱 | 登入 | 會員中心 | 客服", false));
        assert!(is_segment_row(
            "Senior Writer — Taipei — Updated 5 hours ago — Comments (4)",
            true
        ));
        assert!(!is_segment_row("H200 | 141 GB | 4.8 TB/s | 700W", false));
        assert!(!is_segment_row(
            "营收增长 | 但毛利率下降，公司表示 | 明年 | 将改善",
            false
        ));
        assert!(!is_segment_row("Nvidia | AMD race heats up", true));
    }

    #[test]
    fn datelines() {
        assert!(is_dateline("2024/03/02 09:15 記者 王小明／新竹報導"));
        assert!(is_dateline("2024-03-02 09:15 文／李四 收藏 12 轉寄"));
        assert!(is_dateline("某某经济新闻2025-10-30 21:17:32"));
        assert!(is_dateline(
            "Published Thu, Dec 11 20254:21 PM EST Updated Thu, Dec 11 20256:08 PM EST"
        ));
        assert!(!is_dateline(
            "Dec 11 2025 was the day the company said it would double output."
        ));
        assert!(!is_dateline(
            "某某经济新闻2025-10-30 21:17:32 报道称订单增长"
        ));
        assert!(is_dateline("2024年3月2日 08:00 本报讯"));
        assert!(is_dateline("加精2024年3月2日 18:52:07 星期五阅 18.6W"));
        assert!(!is_dateline("截至2024年3月2日，公司累计出货超过十万颗。"));
        assert!(!is_dateline("2024年3月2日，公司宣布扩产两成。"));
        assert!(!is_dateline("Nvidia shipped 3 million GPUs"));
    }

    #[test]
    fn reading_times() {
        for t in [
            "3 分鐘閱讀時間",
            "阅读时长：5分钟",
            "閱讀時間約 6 分鐘",
            "本文共 2,480 字，閱讀時間約 5 分鐘",
            "本文约2800字，阅读需要7分钟",
            "（本文約3100字，閱讀需要8分鐘）",
            "6 min read",
            "· 7 min read",
        ] {
            assert!(is_reading_time(t), "{t}");
        }
        assert!(!is_reading_time("3 minutes read like an hour"));
    }

    #[test]
    fn comment_meta_lines() {
        assert!(is_comment_meta("11-20 10:41 来自广东 回复 赞 2156"));
        assert!(is_comment_meta(
            "someone_1 214 points 6 hours ago | next [–]"
        ));
        assert!(is_comment_meta(
            "412 points by someone_2 7 hours ago | hide | past | 187 comments"
        ));
        assert!(!is_comment_meta(
            "Revenue rose 12 points in 6 hours ago-style trading."
        ));
    }

    #[test]
    fn offers_and_contents() {
        assert!(is_offer(&fold(
            "Limited Time Offer: Get a year of Example for $1. Cancel anytime."
        )));
        assert!(is_offer(&fold(
            "Sign up for the Chips Daily newsletter. Get it every morning."
        )));
        assert!(!is_offer(&fold(
            "Customers can sign up for the new instances from March."
        )));
        assert!(is_numbered_menu_row(
            "97) Actions 98) Translate 99) Feedback Page 1/3"
        ));
        assert!(is_numbered_menu_row(
            "1) Alert 2) Related News 3) Tags 4) Story Stats 5) Save"
        ));
        assert!(!is_numbered_menu_row(
            "The plan has three steps: 1) build the line 2) qualify it 3) ship to the first customer by March."
        ));
        assert!(is_reading_time("Words: 742 Est. reading time: 4 min"));
        assert!(is_dateline("11/20/2025 06:14:31 [BN] Example News"));
        assert!(is_contents_header(&fold("文章目錄")));
        assert!(!is_contents_header(&fold("目录里的三款芯片")));
    }

    #[test]
    fn a_newsletters_mail_header_browser_link_and_issue_contents() {
        assert!(is_promo_paragraph(&fold(
            "Sign in to Example Blog free to get updates from this writer."
        )));
        assert!(is_promo_paragraph(&fold(
            "如果無法正常顯示，請點此在瀏覽器中開啟"
        )));
        let body =
            "某記憶體廠宣布新一代產品完成量產準備，並開始向主要客戶出貨，業界估計明年產能將倍增。";
        let lines = [
            "本期目錄",
            "1. 頭條｜某記憶體廠新品量產",
            "2. 快訊｜某公司出貨提速",
            "3. 活動｜產業論壇登場",
            "頭條",
            "某記憶體廠新品搶先量產",
            body,
            "2025年產能展望",
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        w.drop_block(0, DropReason::Chrome);
        table_of_contents(&mut w);
        assert_eq!(w.alive(), vec![4, 5, 6, 7]);
    }

    #[test]
    fn hashtag_lines() {
        assert!(is_hashtag_line("#AI芯片 #算力 #封装"));
        assert!(is_repost_chain("//@半导体小马哥:数据很扎实 //@某人:同意"));
        assert!(!is_repost_chain("// a comment in code"));
        assert!(is_repost_chain("深度好文，建议收藏//@某人:数据很扎实"));
        assert!(is_hashtag_line("#某某三季报# #国产算力#"));
        assert!(!is_hashtag_line(
            "#1 in memory: the company ships more HBM than anyone."
        ));
        assert!(!is_hashtag_line("#AI芯片"));
        assert!(is_hashtag_line(
            "Example Micro, Inc. (EXMC) Stock, ABCD Stock"
        ));
        assert!(is_hashtag_line("EXMC Stock, ABCD Stock, WXYZ Stock"));
        let closing = "先写到这里，欢迎讨论。#某话题# #算力# @某账号";
        let tags = closing.find('#').unwrap_or(0);
        assert_eq!(trailing_tag_range(closing), Some(tags..closing.len()));
        assert_eq!(
            trailing_tag_range("先写到这里。#某话题# 后面还有话。"),
            None
        );
        assert_eq!(trailing_tag_range("Thanks to @jo for the data."), None);
        assert!(!is_hashtag_line("EXMC Stock"));
        assert!(!is_hashtag_line("Why investors should sell ABCD Stock"));
    }

    #[test]
    fn board_and_form_lines() {
        assert!(is_board_note(
            "※ 發信站: 某某站(example.org), 來自: 10.0.0.1"
        ));
        assert!(is_board_note("※請勿刪減原文標題"));
        assert!(!is_board_note("※ 公司表示，明年產能將再擴充兩成。"));
        assert!(is_bare_form_label("1.標題："));
        assert!(is_bare_form_label("5. 原文內容:"));
        assert!(!is_bare_form_label("1. 背景：需求仍強"));
        assert!(is_bare_url("https://example.org/story/123"));
        assert!(is_bare_url("example.com"));
        assert!(!is_bare_url("example.com said the chip ships in March"));
        let body = "We raise our estimates as contract prices for the new memory settle above our expectations.";
        let lines = [
            body,
            "Quote",
            "Jane Roe",
            "@janeroe",
            "·",
            "Sep 12",
            "Another vendor is quietly the cheapest fast option at $5 per million tokens.",
            body,
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        quoted_posts(&mut w);
        assert_eq!(w.alive(), vec![0, 4, 7]);
        assert!(is_alt_text_line(
            "Alt: Bar chart of output per dollar by vendor"
        ));
        assert!(is_alt_text_line("Headshot of Jo Roe"));
        assert!(!is_alt_text_line(
            "Headshots of the board ran in the annual report."
        ));
        assert!(is_bare_count("32.6万") && is_bare_count("1862") && is_bare_count("98.62億"));
        assert!(is_site_notice(&fold(
            "論壇公告：本站將於週日凌晨進行系統維護，期間暫停服務。"
        )));
        assert!(!is_site_notice(&fold(
            "公司公告显示，前三季度营收增长三成。"
        )));
        assert!(is_ad_label_led(&fold(
            "[廣告] 交易0佣金 新客戶開戶即送禮券"
        )));
        assert!(is_meta_residue("| March 11, 2025 | 6 min read Page 1 of 3"));
        assert!(is_meta_residue(
            "March 5, 2026 6:12 PM EST · Updated 8:40 PM EST · 6 min read"
        ));
        assert!(is_meta_residue("9 posts · 3 min read · Oct 2, 2025"));
        assert!(is_meta_residue(
            "Tue, October 7, 2025 at 9:40 AM EST 5 min read"
        ));
        assert!(is_quote_time("As of 2:05:11 PM EST. Market Open."));
        assert!(is_quote_time("At close: October 7 at 4:00:00 PM GMT+8"));
        assert!(!is_quote_time(
            "As of 10:41 the shares had fallen 4% on the news."
        ));
        assert!(!is_meta_residue("Shipments rose 14% on March 11, 2025."));
        assert!(is_bracket_label_row("【纠错】 【责任编辑:某某】"));
        assert!(!is_bracket_label_row("【某公司】前三季度营收增长三成"));
        assert!(is_follow_handle("follow @some_one"));
        assert!(is_page_position("第 1 页"));
        assert!(is_page_position("page 2 of 5"));
        assert!(!is_page_position("第1页的数据显示营收增长"));
    }

    #[test]
    fn teasers_subscribe_boxes_and_counts() {
        let teaser = fold("【某芯片】据供应链消息，明年产能全年总... \u{200B}展开全文c");
        assert!(is_truncated_teaser(&teaser));
        assert!(is_truncated_teaser("the fab said... see more"));
        assert!(!is_truncated_teaser(
            "and then... the orders came back in force."
        ));
        let b = "Example Weekly is a reader-supported publication. To receive new posts, consider becoming a subscriber.";
        assert!(is_subscribe_box(b, &fold(b)));
        let p = "Readers of the filing will find that the supplier expects to receive new orders.";
        assert!(!is_subscribe_box(p, &fold(p)));
        assert!(is_bare_count("3,472") && is_bare_count("4.2万"));
        assert!(!is_bare_count("3,472 units"));
    }

    #[test]
    fn a_block_of_paid_placements_between_paragraphs_goes() {
        let body = "The packaging line will double its output next year, the company said, and most of it is already booked by two customers.";
        let lines = [
            body,
            "Sponsored Content",
            "Doctors Stunned By This One Simple Trick",
            "Some Health Site",
            "Ad",
            body,
            "Advertisement",
            "A subhead about supply",
            body,
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        ChromeFilter.run(&mut w);
        let alive: Vec<&str> = w.alive().iter().map(|&i| &*w.blocks[i].text).collect();
        assert_eq!(alive, vec![body, body, "A subhead about supply", body]);
    }

    #[test]
    fn gallery_positions_in_a_run_go_and_a_share_of_analysts_stays() {
        let body = "Three of the four suppliers said output would double next year, and 3 of 4 analysts agreed.";
        let lines = [
            "Gallery 4 images",
            "1 of 4 A stack sample on display at a trade show.",
            "2 of 4 A base die from the foundry.",
            body,
            "3 of 4 analysts expect prices to rise in the first half.",
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        gallery_counters(&mut w);
        assert_eq!(w.alive(), vec![1, 2, 3, 4]);
        assert_eq!(
            w.blocks[1].text,
            "A stack sample on display at a trade show."
        );
        assert_eq!(w.blocks[2].text, "A base die from the foundry.");
        assert!(w.blocks[4].text.starts_with("3 of 4 analysts"));
        // A slideshow's position alone on its line.
        let lines = ["Item 1 of 2", "Item 3 of 2", "Photo 2 of 5", "1 item of 2"];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        gallery_counters(&mut w);
        assert_eq!(w.alive(), vec![1, 3]);
    }

    #[test]
    fn an_expander_counting_what_it_hides_is_a_label() {
        assert!(is_ui_label("3 more properties") && is_ui_label("57 more replies"));
        assert!(!is_ui_label("2 more chips") && !is_ui_label("many more replies"));
    }

    #[test]
    fn a_summary_lead_the_article_retells_goes() {
        let lead = "【摘要】某公司2025年营收71.24亿元，归母净利润20.86亿元，首次实现年度盈利。";
        let body = "某公司昨晚披露年报，2025年实现营业收入71.24亿元，同比增长超过三倍；归母净利润20.86亿元，为上市以来首次年度盈利。公司表示，收入增长主要来自互联网客户的推理集群。";
        let lines = [lead, body, body, body];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        restated_summary_leads(&mut w);
        assert_eq!(w.alive(), vec![1, 2, 3]);
        // a number the article does not give again keeps the summary
        let lead = "摘要：某公司2025年营收71.24亿元，明年目标100亿元。";
        let lines = [lead, body, body, body];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        restated_summary_leads(&mut w);
        assert_eq!(w.alive(), vec![0, 1, 2, 3]);
        assert_eq!(
            numbers_in("7.124 billion, 2,086 and 58.3%."),
            ["7.124", "2086", "58.3"]
        );
    }

    #[test]
    fn a_threads_post_counters_go_and_a_fraction_stays() {
        let lines = [
            "1/12 🧵 Everyone asks whether packaging is still the bottleneck. A long one.",
            "2/12 Short answer: yes for the first half of the year, less so after.",
            "Promoted: cloud GPUs from $1.99 an hour",
            "3/12 3/4 of the new lines go to one customer.",
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        thread_counters(&mut w);
        assert!(w.blocks[0].text.starts_with("Everyone asks"));
        assert!(w.blocks[1].text.starts_with("Short answer"));
        assert_eq!(w.blocks[3].text, "3/4 of the new lines go to one customer.");
        // two numbered lines are no thread; a lone fraction is text
        let lines = [
            "1/3 of output is sold.",
            "2/3 of it ships next year.",
            "And more.",
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        thread_counters(&mut w);
        assert_eq!(w.blocks[0].text, "1/3 of output is sold.");
        assert!(is_closing_call(
            "如果覺得有幫助，歡迎轉推讓更多人看到 追蹤 @某分析師 不漏接。",
            &fold("如果覺得有幫助，歡迎轉推讓更多人看到 追蹤 @某分析師 不漏接。")
        ));
    }

    #[test]
    fn a_labelled_pitch_ending_on_its_arrow_is_an_ad() {
        let body = "The rack ships in the third quarter, and the first customer has committed to tens of thousands of accelerators.";
        let pitch = "Still waiting on allocation? Spin up instances in 90 seconds, no minimum. Get $500 in credits →";
        let lines = [body, "ADVERTISEMENT", pitch, body, "Sponsored", body, body];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Para);
        labelled_ads(&mut w);
        assert!(!w.alive().contains(&2));
        assert!(w.alive().contains(&5), "a paragraph under a label stays");
    }

    #[test]
    fn a_box_closed_by_its_see_all_link_goes() {
        let body =
            "法人指出，新製程明年放量，相關供應鏈訂單能見度已看到後年上半年，營收可望逐季成長。";
        let lines = [
            body,
            "某某小標",
            body,
            "招股中新股",
            "名稱 代號 招股價",
            "甲科技 1234 19.60-21.60",
            "乙醫療 5678 64.00-72.00",
            "查看全部新股資訊",
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        see_all_boxes(&mut w);
        assert_eq!(w.alive(), vec![0, 1, 2]);
    }

    #[test]
    fn the_next_storys_card_goes() {
        let body =
            "法人指出，新製程明年放量，相關供應鏈訂單能見度已看到後年上半年，營收可望逐季成長。";
        let lines = [
            body,
            body,
            body,
            body,
            "繼續閱讀",
            "某公司前三季收入暴增　新品出貨破十萬片",
            "撰文：某某某",
            "出版：2025-12-22 08:15",
            "某公司公布，今年首三季收入約46.1億元人民幣，按年大增。",
            "閱讀全文",
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        next_story_cards(&mut w);
        assert_eq!(w.alive(), vec![0, 1, 2, 3, 4]);
    }

    #[test]
    fn an_ad_box_goes_to_its_button() {
        let body =
            "法人指出，新製程明年放量，相關供應鏈訂單能見度已看到後年上半年，營收可望逐季成長。";
        let lines = [
            body,
            "贊助廣告",
            "年終這樣配置 月月領息",
            "某某投信",
            "立即了解",
            body,
            "某某小標",
            body,
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        labelled_ads(&mut w);
        assert_eq!(w.alive(), vec![0, 5, 6, 7]);
    }

    #[test]
    fn a_translators_popup_goes() {
        let body = "The company said yields were improving but declined to give numbers, citing customer agreements.";
        let lines = [
            body,
            "Original text",
            "歩留まりの数値については開示できないとした。",
            "Rate this translation",
            "Your feedback will be used to help improve Google Translate",
            body,
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        translator_popups(&mut w);
        assert_eq!(w.alive(), vec![0, 5]);
        // In Chinese, with the label already taken by an earlier pass.
        let zh = "該公司預計第一季營收將高於市場預期，受客製化晶片需求推動。";
        let lines = [
            zh,
            "原文",
            "Example forecasts revenue above estimates",
            "為這個翻譯評分",
            "你提供的意見將用於協助改進 Google 翻譯",
            zh,
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        w.drop_block(1, DropReason::Chrome);
        translator_popups(&mut w);
        assert_eq!(w.alive(), vec![0, 5]);
        assert!(is_subscribe_box(
            "《科技綜述》電子報為您帶來最新的新聞和趨勢，直接送到您的收件匣。",
            &fold("《科技綜述》電子報為您帶來最新的新聞和趨勢，直接送到您的收件匣。")
        ));
        assert!(is_meter_notice(&fold(
            "The rest of this article is for members only"
        )));
        assert!(is_meter_notice(&fold(
            "Become a paid member and you can read all the articles, including the rest of this article."
        )));
        assert!(is_reading_time("Total 2713 characters"));
    }

    #[test]
    fn a_breadcrumb_one_part_per_line_goes() {
        let body = "供应链人士表示，新一代加速卡的封装产能仍然紧张，明年上半年的订单已经排满。";
        let lines = ["財經", ">", "科技", "某某標題", body, "5 > 3", body];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        stacked_breadcrumbs(&mut w);
        assert_eq!(w.alive(), vec![3, 4, 5, 6]);
    }

    #[test]
    fn subheads_after_a_dotted_contents_list_stay() {
        let body = "供应链人士表示，新一代加速卡的封装产能仍然紧张，明年上半年的订单已经排满，多家云厂商正在追加预付款。";
        let lines = [
            "目录",
            "1. 需求爆发，加速芯片迎来新周期 ........................ 3",
            "2. 供给：产能与存储是核心变量 .......................... 5",
            "1. 需求爆发，加速芯片迎来新周期",
            "1.1 市场规模：推理成为主要增量",
            body,
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        ChromeFilter.run(&mut w);
        assert_eq!(w.alive(), vec![3, 4, 5]);
    }

    #[test]
    fn a_table_of_contents_goes_and_the_subheads_stay() {
        let body = "供应链人士表示，新一代加速卡的封装产能仍然紧张，明年上半年的订单已经排满，多家云厂商正在追加预付款。";
        let lines = [
            "文章目录",
            "一、背景",
            "二、结论",
            body,
            "一、背景",
            body,
            "二、结论",
            body,
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        ChromeFilter.run(&mut w);
        assert_eq!(w.alive(), vec![3, 4, 5, 6, 7]);
        assert!(is_hashtag_line("#国产算力 #推理"));
        assert_eq!(hashtag_count("#某芯片"), 1);
        assert_eq!(hashtag_count("#2"), 0, "a rank is not a tag");
        let lines = ["#某芯片", "#推理", body, "#单独话题", body];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        ChromeFilter.run(&mut w);
        assert_eq!(w.alive(), vec![2, 3, 4], "one tag alone stays");
    }

    #[test]
    fn a_machine_written_summary_box_goes() {
        let body = "供应链人士表示，新一代加速卡的封装产能仍然紧张，明年上半年的订单已经排满，多家云厂商正在追加预付款。";
        let lines = [
            "划重点",
            "1. 某集群全面投产",
            "2. 某公司启动新一轮融资",
            "以上摘要由AI生成，请以原文为准",
            body,
            body,
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        ChromeFilter.run(&mut w);
        assert_eq!(w.alive(), vec![4, 5]);
    }

    #[test]
    fn weather_and_model_credit_lines() {
        assert!(is_weather_line(&fold(
            "天氣 17°C - 22°C 相對濕度 60% - 80%"
        )));
        assert!(is_weather_line(&fold("Lafayette 48°F Cloudy")));
        assert!(!is_weather_line(&fold(
            "The chip runs at 85°C under load, the company said."
        )));
        assert!(says_machine_written(&fold("Takeaways by Example AI")));
        assert!(!says_machine_written(&fold(
            "Takeaways by the analyst team"
        )));
    }

    #[test]
    fn a_machine_summary_between_its_heading_and_its_note() {
        let body = "The company said demand for its accelerators stayed strong in the quarter.";
        let lines = [
            "AI-generated summary",
            "Example Corp will raise output by half next year, sources say.",
            "Rivals are still being qualified.",
            "Summaries are generated with AI and may be wrong. See the article for details.",
            body,
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        machine_summaries(&mut w);
        assert_eq!(w.alive(), vec![4]);
    }

    #[test]
    fn site_news_calls_font_samples_and_english_app_lines() {
        assert!(is_promo_paragraph(&fold(
            "(Get the latest news and breaking news on chips from the Example Daily.)"
        )));
        assert!(!is_promo_paragraph(&fold(
            "The breaking news sent the shares down 4% in early trade."
        )));
        assert!(is_promo_paragraph(&fold(
            "Five stories that matter, every Friday. Join 31,000 engineers, investors and policy people."
        )));
        assert!(!is_promo_paragraph(&fold(
            "About 31,000 engineers now work at the company's fabs."
        )));
        assert!(is_app_promo(&fold(
            "Download the Example Post app for market updates."
        )));
        assert!(is_promo_paragraph(&fold(
            "Download the Example Post News App to get daily updates and live market news."
        )));
        assert!(!is_app_promo(&fold(
            "Users can download models into the app directly."
        )));
        assert!(is_app_promo(&fold("打开某某文库APP，免费阅读全文 >")));
        assert!(is_file_title(
            "某某行业深度报告：推理拐点已至，国产算力进入放量期.pdf"
        ));
        assert!(is_file_title("Q3 accelerator roadmap.PPTX"));
        assert!(is_dateline("March 4, 20266:12 AM GMT+9Updated 3 hours ago"));
        assert!(is_dateline("Sept. 12, 2025 10:02 AM ET"));
        assert!(!is_dateline(
            "March 4, 2026 — Acme said on Tuesday it would ship its accelerator to three clouds."
        ));
        let linked = "Example Corp (EXMP.O), opens new tab has agreed to buy Example Chips (EXC.N), opens new tab.";
        let clean =
            link_marker_ranges(linked)
                .into_iter()
                .rev()
                .fold(linked.to_string(), |mut t, r| {
                    t.replace_range(r, "");
                    t
                });
        assert_eq!(
            clean,
            "Example Corp (EXMP.O) has agreed to buy Example Chips (EXC.N)."
        );
        assert!(!is_marked_link_line(linked));
        assert!(is_marked_link_line(
            "Learn more about Example Workspace, opens new tab"
        ));
        assert!(is_marked_link_line("Careers (opens in a new window)"));
        let stamped = "并支持FP4推理。某某网(公众号：某某网)显存方面，单卡配备128GB。";
        let r = watermark_ranges(stamped);
        assert_eq!(r.len(), 1);
        assert_eq!(&stamped[r[0].clone()], "某某网(公众号：某某网)");
        assert!(watermark_ranges("他在个人公众号（公众号：芯片观察）上表示").is_empty());
        assert!(!is_marked_link_line(
            "A chip on show in 2025. Photo/File Photo Purchase Licensing Rights, opens new tab"
        ));
        assert!(is_field_row(
            "文档格式：.pdf 文档页数：12页 文档大小：2.31M"
        ));
        assert!(is_field_row("Format:PDF Pages:12 Size:2.3MB"));
        assert!(!is_field_row("功耗：350W，显存：96GB，带宽：2.4TB/s。"));
        assert!(!is_field_row("作者：张三 2025-11-18"));
        assert!(!is_file_title(
            "The filing runs 40 pages. It is on the site as a.pdf"
        ));
        assert!(!is_file_title("公司已发布年报。详见附件.pdf"));
        assert!(!is_file_title("图1.2"));
        assert!(!is_app_promo(&fold("打开某某App后，用户可以查看芯片参数")));
        assert!(only_chrome_words("Abc"));
        assert!(only_chrome_words("less") && only_chrome_words("Listen"));
        assert!(!only_chrome_words("Less power"));
    }

    #[test]
    fn a_quote_widgets_cell_alone() {
        assert!(is_bare_quote_cell("+2.31%"));
        assert!(is_bare_quote_cell("-0.84%"));
        assert!(is_bare_quote_cell("(01347)"));
        assert!(!is_bare_quote_cell("31%"));
        assert!(!is_bare_quote_cell("+2.31% in a day"));
    }

    #[test]
    fn chinese_labels_spaced_as_a_menu() {
        assert!(is_spaced_menu(
            "頻道1綜合 頻道2財經 頻道3綜藝 頻道4國際 頻道5體育 頻道6電影 頻道7國防 頻道8劇集"
        ));
        // a headline with two spaces, a table row of figures
        assert!(!is_spaced_menu("國產加速卡出貨創新高 封裝產能 仍然吃緊"));
        assert!(!is_spaced_menu("甲公司 600001 17.27 12% -3.46 乙 丙 丁"));
    }

    #[test]
    fn promos_teasers_donations_and_photo_links() {
        for line in [
            "Gift unlocked article",
            "Start free trial",
            "Enter a symbol, analyst or keyword",
            "A- A A+",
            "本則新聞由AI合成語音朗讀，內容以文字稿為準",
        ] {
            assert!(contains_any(&fold(line), PROMO), "{line}");
        }
        assert!(is_closing_call(
            "Which maker wins the packaging race? Join the conversation below.",
            &fold("Which maker wins the packaging race? Join the conversation below.")
        ));
        assert!(is_account_intro(&fold(
            "功能介绍 聚焦芯片产业链，每周更新。"
        )));
        assert!(is_account_intro(&fold("时长 08:41")));
        assert!(is_account_intro(&fold(
            "欢迎进入行业交流群，添加编辑微信 abc123 即可"
        )));
        assert!(!is_account_intro(&fold(
            "该公司的功能介绍页面显示，芯片支持三种精度，微信群里也有讨论。"
        )));
        assert!(is_offer(
            "subscribe to example daily: 50% off your first 3 months."
        ));
        assert!(is_quote_delay_note(&fold(
            "行情数据仅供参考 · 数据延时15分钟"
        )));
        assert!(is_promo_paragraph(&fold(
            "【活动预告】某论坛将于9月12日举办，扫码报名享早鸟价，名额有限。"
        )));
        assert!(!is_promo_paragraph(&fold(
            "公司表示，新品将于明年量产，目前已有客户扫码下单试用。"
        )));
        assert!(is_offer(&fold(
            "Get the Example Brief newsletter every Monday. Sign up now."
        )));
        assert!(is_counted_tag("#算力观察 12个") && !is_counted_tag("#1 最受欢迎"));
        assert!(is_form_row("2. 分類：多") && !is_form_row("3. 分析/正文："));
        assert!(!is_short_head_line("2. 分類：多"));
        let body =
            "某公司今年第三季营收创新高，法人普遍认为明年AI需求仍然强劲，先进封装产能持续吃紧。";
        let lines = [
            "公司准备采购一批算力卡，预算约800万元，想请有经验的朋友聊聊…",
            "显示全部",
            body,
            "覺得這篇有用，歡迎支持我們",
            "您的咖啡贊助是我們持續寫作的動力",
            "想請我們喝杯咖啡嗎？",
            "每杯咖啡 80 元",
            body,
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        split_teasers(&mut w);
        donation_boxes(&mut w);
        assert_eq!(w.alive(), vec![2, 7]);
        let caption = "Item 1 of 2 FILE PHOTO: A chip on display at a trade fair, March 3, 2026. Purchase Licensing Rights, opens new tab";
        let mut cut = caption.to_string();
        for r in photo_link_ranges(caption).into_iter().rev() {
            cut.replace_range(r, "");
        }
        assert_eq!(
            cut,
            "FILE PHOTO: A chip on display at a trade fair, March 3, 2026."
        );
        assert!(is_ui_label("price chart icon") && is_ui_label("autoplay"));
        assert!(is_ui_label("download pdf (opens in new window)"));
        assert!(is_ui_label("download high-resolution image") && is_ui_label("下载pdf"));
        assert!(!is_ui_label("download speeds doubled"));
        assert!(is_ui_label("member-only story") && only_chrome_words("Follow publication"));
        assert!(is_ui_label("add/remove from a portfolio") && is_ui_label("create new watchlist"));
        assert!(
            is_ui_label("+ add another position") && is_ui_label("position added successfully to:")
        );
        assert!(!is_ui_label("add memory to the portfolio of products."));
        assert!(is_ui_label("photo gallery") && is_ui_label("photo gallery 1 / 3"));
        assert!(is_ui_label(&fold("請繼續往下閱讀...")));
        assert!(is_ui_label(&fold("跟著文字記錄一起觀看影片。")) && is_ui_label(&fold("顯示較少")));
        for t in [
            "🎧 Podcast 收聽：https://podcast.example.com/show",
            "👉 開戶享手續費2.8折，首筆交易再送500元：https://example.com/a",
            "業務合作：someone@example.com",
            "本文链接：https://blog.example.cn/article/123",
        ] {
            assert!(is_link_line(t), "{t}");
        }
        assert!(!is_link_line(
            "公司表示，細節見官網。全文請見：https://example.com/a"
        ));
        assert!(!is_link_line("https://example.com/a"));
        assert!(is_sponsor_line(&fold("📈 本集由 某某證券 贊助播出")));
        assert!(is_sponsor_line("this video is sponsored by example vpn."));
        assert!(!is_sponsor_line(&fold(
            "該計畫由政府贊助三成經費，明年動工。"
        )));
        assert!(is_image_placeholder("[圖表1：市場規模預測（2023-2027E）]"));
        assert!(is_image_placeholder("[Image: chart of revenue]"));
        assert!(is_account_offer(&fold(
            "港美股開戶 首年免佣 新客戶送HK$800現金券"
        )));
        assert!(!is_account_offer(&fold(
            "該券商上月新增開戶數年增三成，並送出首批研究報告。"
        )));
        assert!(!is_image_placeholder("[1] 某公司年報"));
        assert!(is_reading_time("3 分鐘 (閱讀時間)"));
        assert!(is_listing_header(&fold("（股份代號：1234）")));
        assert!(is_listing_header(&fold(
            "(incorporated in the Cayman Islands with limited liability)"
        )));
        assert!(!is_listing_header(&fold(
            "（股份代號：1234）收報45元，升3%。"
        )));
        assert!(is_page_position("– 2 –") && !is_page_position("-2"));
        let lines = ["(1/4)某公司位於上海的總部。", "(2025) 某公司年報", "(3/4)"];
        let mut w = Work::of_lines(&lines, BlockKind::Line);
        gallery_positions(&mut w);
        assert_eq!(
            w.alive_texts(),
            vec!["某公司位於上海的總部。", "(2025) 某公司年報", "(3/4)"]
        );
        assert!(is_tagged_title("某芯片誰是龍頭？一條影片講透 #芯片 #算力"));
        assert!(!is_tagged_title(
            "某廠本季營收年增三成，法人看好明年成長。#芯片"
        ));
        assert!(is_app_promo(&fold("改用APP看影音 週週抽獎 保證中獎")));
        assert!(!is_ui_label("chips 1 / 3") && !is_ui_label("1 / 3"));
        let title = "[资料分享] 国产内存走到哪一步了 [复制链接]";
        let mut cut = title.to_string();
        for r in copy_link_ranges(title).into_iter().rev() {
            cut.replace_range(r, "");
        }
        assert_eq!(cut, "[资料分享] 国产内存走到哪一步了");
        assert!(is_ui_label("· 3rd+") && is_ui_label("• 2nd"));
        assert!(is_profile_row(
            "Principal Analyst @ Example Insights | AI accelerators & HBM | Ex-Example"
        ));
        assert!(!is_profile_row("Revenue rose | fell | flat. It said so."));
        assert!(
            is_search_box("搜索行情/作者/话题") && is_search_box("search quotes, news & videos")
        );
        assert!(!is_search_box("搜索引擎的下一步"));
        assert!(
            is_search_box(&fold("搜尋你想看的影片"))
                && !is_search_box(&fold("搜索你的記憶，這家公司十年前就做過。"))
        );
        assert!(is_search_box(&fold("試試：某公司中籤率是多少")));
        assert!(is_search_box(&fold("輸入股票名稱/代碼、問句")));
        assert!(!is_search_box(&fold("试试：新平台的效果如何。")));
        assert!(is_meter_notice(&fold(
            "您本月已閱讀 3 篇免費文章，還可閱讀 1 篇"
        )));
        assert!(is_link_call("查看全部回复>>") && !is_link_call("A > B"));
        assert!(is_contents_header(&fold(
            "In this issue: Memory prices · Portfolio update · Events"
        )));
        assert!(!is_contents_header(&fold(
            "In this issue: we look at memory prices and what they mean."
        )));
        assert!(is_feedback_prompt(&fold("你對這篇文章有什麼感覺？")));
        assert!(is_feedback_prompt(&fold("請問您對這則新聞的看法？")));
        assert!(is_feedback_prompt(&fold("看完這篇新聞，你的心情是？")));
        assert!(is_feedback_prompt(&fold(
            "Site feedback: Tell us what you think"
        )));
        assert!(
            is_meter_notice(&fold("此篇文章為付費內容")) && is_meter_notice(&fold("NT$ 99 / 月"))
        );
        assert!(is_meter_notice(&fold("已經是訂閱者？登入")));
        assert!(is_meter_notice(&fold("本月還可以免費閱讀 3 篇")));
        assert!(!is_meter_notice(&fold(
            "讀者可以免費閱讀這三篇報告的摘要與結論"
        )));
        assert!(
            is_meter_notice(&fold("首月僅需¥9.9")) && is_meter_notice(&fold("平均每月只要NT$166"))
        );
        assert!(is_meter_notice(&fold("剩餘全文約3200字")));
        assert!(is_meter_notice(&fold("已是某某通會員？登入")));
        assert!(is_meter_notice(&fold("已是訂戶？登入")));
        assert!(is_meter_notice(&fold(
            "您是某週刊訂戶，可閱讀本篇完整內容。本文由第12期封面故事延伸。"
        )));
        assert!(is_meter_notice(&fold(
            "You're a subscriber: you have full access to this story."
        )));
        assert!(!is_meter_notice(&fold("你是否也在等待新一代加速卡上市？")));
        assert!(!is_meter_notice(&fold(
            "該晶片每月出貨折合約¥3億元，年增兩成。"
        )));
        assert!(!is_meter_notice(&fold(
            "單價約 $149 / 月 的方案賣得最好，公司說。"
        )));
        assert!(is_editor_code("(kt/r)") && is_editor_code("（lm/c）"));
        assert!(!is_editor_code("(a/b testing)") && !is_editor_code("(1/2)"));
        assert!(is_quote_delay_note(&fold(
            "＊ 現價資料延遲最少15分鐘，以收市數據為準。"
        )));
        assert!(is_quote_delay_note(&fold(
            "Quotes are delayed by 20 minutes."
        )));
        assert!(!is_quote_delay_note(&fold(
            "出貨延遲約兩個月，公司表示影響有限。"
        )));
        assert!(ends_with_ad_call(&fold(
            "Save up to 30% on Example laptops for business. Shop now"
        )));
        assert!(ends_with_ad_call(&fold(
            "某会员专享 《产业图谱》已更新：覆盖42家公司 立即开通 >"
        )));
        assert!(!ends_with_ad_call(&fold(
            "The retailer told shoppers to buy now before prices rise."
        )));
        assert!(is_feedback_prompt(&fold(
            "How was your experience with this article?"
        )));
        assert!(!is_feedback_prompt(&fold(
            "Why does this article of faith still drive the rally?"
        )));
    }

    #[test]
    fn a_fact_box_goes() {
        let body = "某芯片是某公司研发的第五代云端训练芯片，采用7nm工艺，于2023年开始小批量供货。";
        let lines = [
            body,
            "中文名",
            "某芯片X1",
            "外文名",
            "X590",
            "研发公司",
            "某某科技股份有限公司",
            "架    构",
            "ArchV2",
            "上市时间",
            "2023年",
            body,
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        fact_boxes(&mut w);
        assert_eq!(w.alive(), vec![0, 11]);
        // Two pairs are not a fact box.
        let lines = [body, "中文名", "某芯片X1", "外文名", "X590", body];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        fact_boxes(&mut w);
        assert_eq!(w.alive().len(), 6);
    }

    #[test]
    fn app_calls() {
        assert!(is_app_call(&fold(
            "Markets moving? Get breaking alerts in the Example Post app."
        )));
        assert!(is_app_call(&fold("下载某某财经APP")));
        assert!(!is_app_call(&fold(
            "The company said it would download the model weights to the app."
        )));
        assert!(!is_app_call(&fold(
            "Analysts expect the chip to power the maker's new translation app."
        )));
    }

    #[test]
    fn a_count_under_a_chrome_label_goes_with_it() {
        let body = "供应链人士表示，新一代加速卡的封装产能仍然紧张，明年上半年的订单已经排满，多家云厂商正在追加预付款。";
        let lines = ["关注者", "3,472", body, "3,472", body];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        ChromeFilter.run(&mut w);
        assert_eq!(w.alive(), vec![2, 3, 4], "a count after prose stays");
    }

    #[test]
    fn push_comments() {
        assert!(is_push_comment("推 someone99: 這篇整理得很好 11/20 10:02"));
        assert!(is_push_comment("→ bear_1: 明年再看 11/21 09:15"));
        assert!(is_push_comment("user42: 噓 太樂觀了吧 11/20 10:07"));
        assert!(!is_push_comment(
            "Nvidia: shipments rose 20% in the quarter ended 10/26"
        ));
        assert!(!is_push_comment("台積電表示，明年產能將再擴充兩成。"));
    }

    #[test]
    fn image_file_labels() {
        assert!(is_image_file_label("rebel_quad_floorplan_slide.jpg"));
        assert!(is_image_file_label("1920×1080 241 KB") && is_image_file_label("800x600"));
        assert!(!is_image_file_label("The slide is in floorplan.jpg"));
        assert!(!is_image_file_label("1920×1080 pixels on a 27-inch panel"));
    }

    #[test]
    fn cookie_notices() {
        assert!(is_cookie_notice(&fold("We value your privacy")));
        assert!(is_cookie_notice(&fold(
            "We use cookies to tailor ads and measure traffic. Click Accept all to agree."
        )));
        assert!(is_cookie_notice(&fold(
            "本站使用Cookie改善體驗，繼續瀏覽即表示同意隱私權政策。"
        )));
        assert!(is_cookie_notice(&fold("我們重視您的隱私")));
        assert!(is_cookie_notice(&fold(
            "這些Cookies用來記住你選擇的字體和語言，停用後部分功能或會失效。"
        )));
        assert!(!is_cookie_notice(&fold(
            "The fab will bake wafers like cookies, the CEO joked."
        )));
    }

    #[test]
    fn closing_calls() {
        let call = |t: &str| is_closing_call(t, &fold(t));
        assert!(call(
            "If you liked this, follow me for notes on memory pricing every Friday."
        ));
        assert!(call("觉得有用的话，欢迎关注，我们每周更新一次。"));
        assert!(!call(
            "Subscribers to the cloud service will get the new instances first. Pricing starts at $3 an hour. Availability is limited. More regions follow next year."
        ));
        assert!(!call("The fab will follow the same plan next year."));
    }

    #[test]
    fn end_markers() {
        assert!(is_end_marker("（完）"));
        assert!(is_end_marker("(END)"));
        assert!(is_end_marker("ENDS"));
        assert!(is_end_marker("###"));
        assert!(!is_end_marker("Ends"));
        assert!(is_end_marker("—完—"));
        assert!(!is_end_marker("（图）营收"));
        assert!(!is_end_marker("(2025)"));
        assert!(!is_end_marker("HBM"));
        assert!(is_end_marker("【完】"));
        assert!(!is_end_marker("【背景】"), "a bracketed section heading");
        assert!(is_quoted_reply_line(": 想請教各位前輩"));
    }
}
