//! Lists of related or recommended headlines.
//!
//! Owns: (1) a header such as `相关阅读`/`相關推薦`/`你可能还喜欢`/
//! `Related articles`/`Read more`/`More <a few words>` followed by
//! headline-like lines, (2) runs of bullet or list
//! items in the second half of the page that read as headlines (no final
//! period, clickbait `!`, trailing year), (3) news-feed items: a headline
//! printed twice, an author line and a timestamp, (4) channel blocks: a
//! short `…要闻`/`…News` header followed by one headline, (5) a wire's
//! feed of stamped items (`10-24 17:30【headline】lead`), three in a row,
//! (6) a series box: `This post is part 3 of 4 in the series …` and the
//! list of the series' posts under it, (7) a teaser card between the
//! article's paragraphs: a heading that is one link to another story and
//! its short standfirst, (8) the next story's card under an endless page
//! (headline, byline or date, opening paragraph, `閱讀全文`; found by
//! [`crate::chrome::next_story_cards`] before a `繼續閱讀` header takes its
//! head alone). In a dump that sets paragraphs apart with blank lines, a
//! line set apart from list items that were not ends the list.
//! Must not know: site names; disclaimers (cut earlier); duplicates inside
//! the body (the duplicate detector).

use crate::chrome::is_body_paragraph;
use crate::doc::{BlockKind, Detector, Work};
use crate::script::{char_len, contains_any, fold, han_count, is_sentence_end};
use crate::stamp::{is_count_row, is_meta_row, is_time_stamp};
use model::DropReason;
use regex::Regex;
use std::sync::OnceLock;

/// Section headers that introduce related links (folded).
const HEADERS: &[&str] = &[
    "相关阅读",
    "相关推荐",
    "相关文章",
    "相关新闻",
    "相关报道",
    "热点推荐",
    "热门推荐",
    "推荐阅读",
    "推荐文章",
    "延伸阅读",
    "猜你喜欢",
    "猜你关注",
    "热门文章",
    "热门新闻",
    "更多新闻",
    "其他新闻",
    "即时新闻",
    "最新新闻",
    "最新资讯",
    "最新文章",
    "latest news",
    "latest stories",
    "更多阅读",
    "大家都在看",
    "为你推荐",
    "你可能感兴趣",
    "你可能会感兴趣",
    "还喜欢",
    "也喜欢",
    "热门排行",
    "排行榜",
    // A company Q&A board's other threads.
    "更多问答",
    "热门问答",
    "热门提问",
    "最新问答",
    "其他问答",
    "精彩推荐",
    "热文推荐",
    "往期推荐",
    "往期回顾",
    "往期精选",
    "标题导航",
    "小时电报",
    "本版导读",
    "本版新闻",
    "本版其他文章",
    "featured resources",
    "related resources",
    "related video",
    "related videos",
    "related article",
    "related articles",
    "related story",
    "related stories",
    "related",
    "read more",
    "more from",
    "you may also like",
    "recommended",
    "more stories",
    "more news",
    "popular",
    "trending",
    "most read",
    "see also",
    "further reading",
    "up next",
    "watch next",
    "read next",
    "also read",
    "must read",
    "go deeper",
];

/// Endings of channel headers in news portals.
const CHANNEL_SUFFIX: &[&str] = &["要闻", "新闻", "热点", "news", "headlines"];

fn timestamp_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?$")
            .expect("static regex")
    })
}

pub fn is_timestamp_line(text: &str) -> bool {
    timestamp_re().is_match(text.trim())
}

/// A time stamp standing alone: a date, a clock time, `03/02 09:17`, a
/// relative time (`3 hours ago`), or a list item's meta row (`12评论 ·
/// 3小时前`, `某用戶 · 15分鐘前 · 356`).
fn is_stamp_line(text: &str) -> bool {
    let t = text.trim();
    t.len() <= 60 && (is_timestamp_line(t) || is_time_stamp(t)) || is_meta_row(t)
}

fn bullet_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(?:[•·●○◆◇▪▫■□►▶➤✓✔\-–—*]|\d{1,2}[.、)])\s*\S").expect("static regex")
    })
}

fn is_header(text: &str) -> bool {
    if text.len() > 240 || text.trim_end().ends_with(['。', '.']) {
        return false;
    }
    let n = char_len(text);
    // `Don't miss these stories from …` runs longer than a header word
    let t = text.trim_start();
    let dont_miss = n <= 60 && {
        let head = t.chars().take(10).collect::<String>().to_lowercase();
        head == "don't miss" || head == "don’t miss"
    };
    dont_miss || (n <= 24 && (contains_any(&fold(text), HEADERS) || is_more_header(text)))
}

/// A related header, a colon and a headline (`延伸閱讀：<headline>`,
/// `【相关阅读】<headline>`, `Read more: <headline>`).
#[cfg(test)]
fn is_inline_link(text: &str) -> bool {
    is_inline_link_folded(&fold(text))
}

/// [`is_inline_link`] on text already folded (blocks cache theirs).
fn is_inline_link_folded(folded: &str) -> bool {
    let t = folded
        .trim()
        .trim_start_matches(['【', '[', '►', '▶', '»', ' ']);
    HEADERS.iter().any(|h| {
        t.strip_prefix(h).is_some_and(|rest| {
            // `【相关阅读】<headline>`: the bracket closes the header;
            // otherwise a colon must.
            let rest = rest.trim_start();
            let Some(rest) = rest
                .strip_prefix(['】', ']'])
                .map(|r| r.trim_start_matches(':'))
                .or_else(|| rest.strip_prefix(':'))
            else {
                return false;
            };
            let rest = rest.trim();
            // A Chinese headline heavy with figures (`某公司10月營收2,918億元
            // 年增12.4%`) is one too.
            let figured_han = han_count(rest) >= 4
                && (6..=60).contains(&char_len(rest))
                && !rest.ends_with(['。', '；']);
            !rest.is_empty() && (is_headline_like(rest) || figured_han)
        })
    })
}

/// A Chinese headline in two halves: a space (wide or not) after a Han
/// character inside it (`某某出貨爆量　某某營收年增`).
fn two_halves(text: &str) -> bool {
    let t = text.trim();
    let chars: Vec<char> = t.chars().collect();
    chars
        .windows(2)
        .any(|w| crate::script::is_han(w[0]) && matches!(w[1], ' ' | '\u{3000}'))
}

/// A headline led by an arrow (`►`, `▶`, `➤`) on its own line.
fn is_arrow_headline(text: &str) -> bool {
    let t = text.trim();
    t.len() <= 300
        && t.starts_with(['►', '▶', '➤', '▸'])
        && is_headline_like(t.trim_start_matches(['►', '▶', '➤', '▸', ' ']))
}

/// The header of a round-the-clock news feed (`7×24h 快讯`, `7x24`).
/// A feed item's head: a clock time, maybe after a date, maybe a label of
/// a few characters, then a bracketed headline (`10-24 17:30VIP【…】`).
fn stamped_item_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(?:\d{2,4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*|\d{1,2}[-/]\d{1,2}\s+)?\d{1,2}:\d{2}\s*(?:[^\s【]{1,4}\s*)?【[^】]{4,80}】")
            .expect("static regex")
    })
}

fn is_feed_header(text: &str) -> bool {
    if text.len() > 64 || !text.contains("24") {
        return false;
    }
    let f = fold(text);
    char_len(&f) <= 16 && (f.contains("7×24") || f.contains("7x24") || f.contains("7*24"))
}

/// A label of the link to the previous or next article (folded).
fn is_prev_next_label(folded: &str) -> bool {
    matches!(
        folded.trim().trim_end_matches([':', '：']).trim(),
        "上一篇"
            | "下一篇"
            | "上一则"
            | "下一则"
            | "上一页"
            | "下一页"
            | "previous post"
            | "next post"
            | "previous article"
            | "next article"
            | "previous story"
            | "next story"
    )
}

/// A link to the previous or next article with its headline on the same
/// line (`上一篇：<headline>`, `Previous: <headline>`), given folded.
fn is_prev_next_line(folded: &str) -> bool {
    let t = folded.trim();
    let Some((label, rest)) = t.split_once([':', '：']) else {
        return false;
    };
    let rest = rest.trim();
    char_len(t) <= 100
        && !rest.is_empty()
        && is_headline_like(rest)
        && (is_prev_next_label(label) || matches!(label.trim(), "previous" | "next" | "prev"))
}

/// A header and nothing else (`延伸閱讀`, `Related:`, `【相关阅读】`).
fn is_bare_header(text: &str) -> bool {
    let folded = fold(text);
    let bare = folded.trim_matches(|c: char| !c.is_alphanumeric());
    HEADERS.contains(&bare)
}

/// `More research notes`, `More from Tech`: `More` and at most three more
/// words, nothing else (a section label, not a sentence).
fn is_more_header(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let english = (2..=4).contains(&words.len())
        && words[0] == "More"
        && words
            .iter()
            .all(|w| w.chars().all(|c| c.is_alphabetic() || c == '\''));
    // `更多<媒体名>报导`, `更多某某新闻`: a publisher's own list
    let t = fold(text.trim());
    let chinese = t.strip_prefix("更多").is_some_and(|rest| {
        ["报导", "报道", "新闻", "文章"]
            .iter()
            .any(|w| rest.strip_suffix(w).is_some_and(|name| char_len(name) <= 6))
    });
    english || chinese
}

/// `text` without the bracketed credit that may close its sentence
/// (`…技術。（圖／某某提供）` -> `…技術。`), trimmed at the end.
fn without_credit(text: &str) -> &str {
    let t = text.trim_end();
    match t.strip_suffix(['）', ')']) {
        Some(rest) => rest
            .rfind(['（', '('])
            .map_or(t, |open| rest[..open].trim_end()),
        None => t,
    }
}

/// Where the first paragraph that reads as prose stands in `alive`.
fn first_paragraph(work: &Work, alive: &[usize]) -> Option<usize> {
    alive
        .iter()
        .position(|&i| is_body_paragraph(&work.blocks[i].text))
}

/// A headline: one line of moderate length that does not end as a sentence.
fn is_headline_like(text: &str) -> bool {
    let t = text
        .trim()
        .trim_start_matches(|c: char| !c.is_alphanumeric());
    let n = char_len(t);
    let cjk = han_count(t) * 2 > n;
    let ends_sentence = without_credit(t).ends_with(['。', '.', ';', '；', ':', '：']);
    let size_ok = if cjk {
        (6..=60).contains(&n)
    } else {
        (15..=200).contains(&n) && t.split_whitespace().count() >= 3
    };
    size_ok && !ends_sentence
}

/// A numbered list item (`(3) …`, `3. …`, `3) …`).
fn is_numbered_item(text: &str) -> bool {
    let t = text.trim_start();
    let t = t.strip_prefix('(').unwrap_or(t);
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    (1..=2).contains(&digits) && t[digits..].starts_with([')', '.', '、'])
}

/// A link card's source: a bare host or address alone on its line, as
/// social networks print it over a shared link (`EXAMPLE.COM`,
/// `news.example.com`).
fn is_card_host(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re =
        RE.get_or_init(|| Regex::new(r"^(?:[A-Z0-9-]+\.)+[A-Z]{2,12}$").expect("static regex"));
    let t = text.trim();
    if t.contains(char::is_whitespace) || !t.contains('.') {
        return false;
    }
    crate::chrome::is_bare_url(t) || (t.len() <= 64 && re.is_match(t))
}

/// A section heading numbered with a Chinese ordinal (`四、封測廠的新角色`):
/// the article's own, not a teaser's headline.
pub(crate) fn is_numbered_section(text: &str) -> bool {
    let t = text.trim();
    let ordinal = t
        .char_indices()
        .take_while(|&(_, c)| "一二三四五六七八九十".contains(c))
        .last()
        .map(|(i, c)| i + c.len_utf8());
    ordinal.is_some_and(|end| t[end..].starts_with('、')) && char_len(t) <= 40
}

/// Clickbait or listing style: exclamation marks, a trailing year, Title Case.
fn is_clickbait(text: &str) -> bool {
    let t = text.trim();
    let bangs = t.matches(['!', '！']).count();
    let year = t
        .trim_end_matches(['!', '！', ' '])
        .rsplit(' ')
        .next()
        .is_some_and(|w| {
            w.len() == 4
                && w.chars().all(|c| c.is_ascii_digit())
                && (w.starts_with("19") || w.starts_with("20"))
        });
    let words: Vec<&str> = t
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    let title_case = words.len() >= 4
        && words
            .iter()
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .count()
            * 10
            >= words.len() * 7;
    bangs >= 1 || year || title_case
}

pub struct RelatedFilter;

impl Detector for RelatedFilter {
    fn name(&self) -> &'static str {
        "related"
    }

    fn run(&self, work: &mut Work<'_>) {
        // before a `continue reading` header takes the card's head alone
        crate::chrome::next_story_cards(work);
        self.header_sections(work);
        self.inline_links(work);
        self.bullet_runs(work);
        self.exclaiming_runs(work);
        self.feed_items(work);
        self.stamped_items(work);
        self.ticker_runs(work);
        self.link_cards(work);
        self.teaser_cards(work);
        self.prev_next_links(work);
        self.channel_blocks(work);
        series_boxes(work);
    }
}

/// The lead of a series box (folded): `This post is part 3 of 4 in the
/// series …`, `本文是某系列的第3篇`.
fn is_series_lead(folded: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^(?:this|the) (?:post|article|piece|story|essay) is (?:part|the \w+ (?:post|part)) (?:\d{1,2}|one|two|three|four|five|six) (?:of|in) |^本文(?:是|为)?.{0,24}系列(?:文章)?(?:的|之)?第[0-9一二三四五六七八九十]{1,3}(?:篇|部分)")
            .expect("static regex")
    });
    folded.len() <= 300 && re.is_match(folded.trim())
}

/// A series box: its lead line and the list of the series' posts right
/// under it (up to twelve items).
fn series_boxes(work: &mut Work) {
    let alive = work.alive();
    let mut drop = Vec::new();
    for (k, &i) in alive.iter().enumerate() {
        let t = &work.blocks[i].text;
        let may_lead = t.contains("part") || t.contains("Part") || t.contains("系列");
        if !may_lead || !is_series_lead(&work.blocks[i].folded()) {
            continue;
        }
        drop.push(i);
        let list = work.blocks[i].kind != BlockKind::Line;
        for &j in alive[k + 1..].iter().take(12) {
            let b = &work.blocks[j];
            let item = if list {
                b.kind == BlockKind::ListItem
            } else {
                let t = b.text.trim_start();
                let digits = t.bytes().take_while(u8::is_ascii_digit).count();
                (1..=2).contains(&digits) && t[digits..].starts_with(['.', ')', '、'])
            };
            if !item || char_len(&b.text) > 120 {
                break;
            }
            drop.push(j);
        }
    }
    work.drop_unprotected(drop, DropReason::RelatedLinks);
}

impl RelatedFilter {
    /// A related header drops itself and the headline-like lines after it.
    fn header_sections(&self, work: &mut Work) {
        let alive = work.alive();
        let n = alive.len();
        let total = work.alive_chars();
        let mut seen = 0usize;
        let mut k = 0;
        while k < n {
            let i = alive[k];
            // A header in the first quarter of the text is more likely a
            // heading of the article than a list of links, unless it is
            // nothing but a header word (`延伸阅读` over a link box).
            let text = &work.blocks[i].text;
            // Early on, a header counts when it is bare or heads a list
            // (three headline-like lines follow it).
            let heads_list = || {
                alive[k + 1..].len() >= 3
                    && alive[k + 1..k + 4].iter().all(|&j| {
                        let t = &work.blocks[j].text;
                        is_headline_like(t) && !is_body_paragraph(t)
                    })
            };
            // A round-the-clock feed's header (`7×24h 快讯`) counts past
            // the first quarter only: above, it is a menu item.
            let feed = seen * 4 >= total && is_feed_header(text);
            if !(is_header(text) || feed)
                || (seen * 4 < total && !is_bare_header(text) && !heads_list())
            {
                seen += work.blocks[i].text.chars().count();
                k += 1;
                continue;
            }
            let bare = is_bare_header(text);
            // `相关文章：` opens a box of links inside the text.
            let inline_box = text.trim_end().ends_with([':', '：']);
            work.drop_block(i, DropReason::RelatedLinks);
            k += 1;
            // A list in the page's head (a menu under `Latest News`) ends
            // at the first sentence: the lead photo's caption, a standfirst.
            // Under a bare header, a short summary between two headlines
            // (an e-paper's `本版新闻` teasers) does not end it.
            let early = seen * 4 < total;
            let mut after_headline = false;
            // In a feed, a time stamp heads each item: the line after it
            // is the item's headline, however long.
            let mut after_stamp = false;
            // The list's first item printed again under it is the article's
            // own headline (the list names the page's current story).
            let mut items: Vec<usize> = Vec::new();
            let mut after_ad = false;
            while k < n {
                let j = alive[k];
                let t = &work.blocks[j].text;
                if early && items.first().is_some_and(|&x| work.blocks[x].text == *t) {
                    break;
                }
                if !early && is_stamp_line(t) {
                    work.drop_block(j, DropReason::RelatedLinks);
                    after_stamp = true;
                    after_headline = false;
                    k += 1;
                    continue;
                }
                if std::mem::take(&mut after_stamp) && char_len(t) <= 80 {
                    work.drop_block(j, DropReason::RelatedLinks);
                    after_headline = true;
                    k += 1;
                    continue;
                }
                let prose = is_body_paragraph(t)
                    && !is_headline_like(t)
                    && work.blocks[j].link_chars as usize * 2 < char_len(t);
                // A teaser: a summary between a headline and the next
                // headline (or the end); prose after it means the
                // article goes on.
                // A list item's summary is a teaser whatever follows it.
                let teaser = prose
                    && after_headline
                    && (work.blocks[j].kind == BlockKind::ListItem
                        || alive.get(k + 1).is_none_or(|&x| {
                            // A short sentence after it (`某某指出，…送審。`)
                            // goes on with the article too.
                            let next = &work.blocks[x].text;
                            is_headline_like(next)
                                || !(is_body_paragraph(next)
                                    || without_credit(next).ends_with(['。', '！', '？']))
                        }));
                if prose && !teaser {
                    break;
                }
                // A photo's caption written as a sentence under an inline
                // box's header belongs to the article the box sits in.
                if inline_box
                    && work.blocks[j].kind == BlockKind::Caption
                    && char_len(t) >= 15
                    && crate::metadata::credit_tail(t)
                        .map_or(t.as_ref(), |r| &t[..r.start])
                        .trim_end()
                        .ends_with(['.', '。'])
                {
                    break;
                }
                let short_teaser = bare
                    && after_headline
                    && char_len(t) <= 60
                    && alive
                        .get(k + 1)
                        .is_some_and(|&x| is_headline_like(&work.blocks[x].text));
                if early
                    && !short_teaser
                    && char_len(t) >= 15
                    && t.trim_end().ends_with(['.', '。'])
                {
                    break;
                }
                // The article's next numbered section (`四、…`) follows the box,
                // and so does a subhead after a list of links.
                // A related item is a link: a heading that links nowhere
                // is the article's (the list's own links may be gone
                // already as link-dense blocks).
                let subhead_after_list = work.blocks[j].kind == BlockKind::Heading
                    && (work.blocks[j].link_chars as usize) * 2 < char_len(t);
                // Past an ad in the list, a line right above two
                // paragraphs is the article's subhead: the article goes on
                // there (one paragraph may be a teaser's summary).
                let paragraph = |x: Option<&usize>| {
                    x.is_some_and(|&x| {
                        let next = &work.blocks[x].text;
                        is_body_paragraph(next) && !is_headline_like(next)
                    })
                };
                // So is a short line over two paragraphs once the list
                // has an item, in the article's middle (a `相关文章：` box of
                // one link between two sections), unless it is written as a
                // headline in two halves or is a bare call (`點我看更多`).
                // In a dump that sets paragraphs apart with blank lines, a
                // line set apart from items that were not is no item,
                // whatever its shape.
                let set_apart = work.blocks[j].gap_before()
                    && items.iter().all(|&x| !work.blocks[x].gap_before());
                let subhead_after_item = (!early || inline_box)
                    && !items.is_empty()
                    && (8..=40).contains(&char_len(t))
                    && (!two_halves(t) || set_apart)
                    && !is_stamp_line(t);
                // Under an inline box's header one paragraph is enough (a
                // caption may follow it).
                let subhead_after_ad = (after_ad || subhead_after_item)
                    && paragraph(alive.get(k + 1))
                    && (inline_box || paragraph(alive.get(k + 2)));
                if is_numbered_section(t) || subhead_after_list || subhead_after_ad {
                    break;
                }
                after_ad = after_ad
                    || (t.len() <= 40 && crate::chrome::is_sponsor_label(&work.blocks[j].folded()));
                after_headline = !prose && is_headline_like(t);
                items.push(j);
                work.drop_block(j, DropReason::RelatedLinks);
                k += 1;
            }
        }
    }

    /// `上一篇` / `Next post` alone on a line and the headline under it:
    /// links to the neighbouring articles.
    fn prev_next_links(&self, work: &mut Work) {
        let alive = work.alive();
        let mut drop = Vec::new();
        for (k, &i) in alive.iter().enumerate() {
            let b = &work.blocks[i];
            // Labels are `上一…`/`下一…` or `prev…`/`next…`.
            let maybe = ["上一", "下一", "rev", "ext", "REV", "EXT"]
                .iter()
                .any(|w| b.text.contains(w));
            if b.text.len() > 400 || !maybe {
                continue;
            }
            if is_prev_next_line(&b.folded()) {
                drop.push(i);
                continue;
            }
            if b.text.len() > 40 || !is_prev_next_label(&b.folded()) {
                continue;
            }
            drop.push(i);
            if let Some(&j) = alive.get(k + 1) {
                let t = &work.blocks[j].text;
                if char_len(t) <= 80
                    && !is_body_paragraph(t)
                    && !is_prev_next_label(&work.blocks[j].folded())
                {
                    drop.push(j);
                }
            }
        }
        for i in drop {
            if !work.blocks[i].protected {
                work.drop_block(i, DropReason::RelatedLinks);
            }
        }
    }

    /// A link card inside the article: a headline and, under it, a meta
    /// row with engagement counts (`某专栏 · 2,103 赞同 · 186 评论`), or a
    /// shared link's host over its headline and description. Only after
    /// the first paragraph: above it, such a row belongs to the page's
    /// own headline.
    fn link_cards(&self, work: &mut Work) {
        let alive = work.alive();
        let Some(first) = first_paragraph(work, &alive) else {
            return;
        };
        let mut drop = Vec::new();
        for pair in alive[first..].windows(2) {
            let (h, m) = (&work.blocks[pair[0]], &work.blocks[pair[1]]);
            // A post's last list item over its counters is no card.
            if is_count_row(&m.text)
                && is_headline_like(&h.text)
                && !is_body_paragraph(&h.text)
                && !is_numbered_item(&h.text)
            {
                drop.extend_from_slice(pair);
            }
        }
        // A shared link's card: its site's host alone on a line, the
        // linked headline under it, and at most one short line of the
        // linked page's description when no paragraph follows.
        let rest = &alive[first..];
        for (k, &i) in rest.iter().enumerate() {
            let text = |j: usize| rest.get(j).map(|&b| &*work.blocks[b].text);
            if !is_card_host(&work.blocks[i].text)
                || !text(k + 1).is_some_and(|t| is_headline_like(t) && !is_body_paragraph(t))
            {
                continue;
            }
            drop.extend_from_slice(&rest[k..k + 2]);
            let described = text(k + 2).is_some_and(|t| char_len(t) <= 240)
                && !text(k + 3).is_some_and(is_body_paragraph);
            if described {
                drop.push(rest[k + 2]);
            }
        }
        for i in drop {
            work.drop_block(i, DropReason::RelatedLinks);
        }
    }

    /// A teaser of another story set between the article's paragraphs:
    /// a heading that is one link to elsewhere (20+ chars, no sentence
    /// end), and under it its standfirst (20 to 160 chars, no sentence end,
    /// no links), before the article goes on. Only after the first
    /// paragraph.
    fn teaser_cards(&self, work: &mut Work) {
        let alive = work.alive();
        let Some(first) = first_paragraph(work, &alive) else {
            return;
        };
        let mut drop = Vec::new();
        for w in alive[first..].windows(3) {
            let (h, s, next) = (&work.blocks[w[0]], &work.blocks[w[1]], &work.blocks[w[2]]);
            let n = char_len(&h.text);
            let linked_heading = h.kind == BlockKind::Heading
                && n >= 20
                && (h.link_chars as usize) * 10 >= n * 9
                && !h.text.trim_end().ends_with(is_sentence_end);
            let m = char_len(&s.text);
            let standfirst = matches!(s.kind, BlockKind::Para | BlockKind::Line)
                && (20..=160).contains(&m)
                && s.link_chars == 0
                && !s.text.trim_end().ends_with(is_sentence_end);
            let goes_on = next.kind == BlockKind::Heading || is_body_paragraph(&next.text);
            if linked_heading && standfirst && goes_on {
                drop.extend_from_slice(&w[..2]);
            }
        }
        for i in drop {
            if !work.blocks[i].protected {
                work.drop_block(i, DropReason::RelatedLinks);
            }
        }
    }

    /// News tickers and feeds: at least three headlines each paired with a
    /// time stamp (`10:45` then a headline, or a headline then
    /// `2025-11-19` / `12评论 · 3小时前`).
    fn ticker_runs(&self, work: &mut Work) {
        let alive = work.alive();
        let n = alive.len();
        let stamp = |k: usize| is_stamp_line(&work.blocks[alive[k]].text);
        let headline = |k: usize| {
            let t = &work.blocks[alive[k]].text;
            // A feed's headline may ask or exclaim (`…會唔會升？`); it
            // does not state.
            char_len(t) <= 80
                && !t.trim_end().ends_with(|c: char| {
                    is_sentence_end(c) && !matches!(c, '?' | '？' | '!' | '！')
                })
                && !is_stamp_line(t)
        };
        // A reader's stream prints the item's snippet, cut short, under
        // its stamp (`The company said it would…`).
        let snippet = |k: usize| {
            let t = work.blocks[alive[k]].text.trim_end();
            t.len() <= 1200 && (t.ends_with('…') || t.ends_with("..."))
        };
        let mut drop = Vec::new();
        let mut k = 0;
        while k + 1 < n {
            let mut best = k;
            let mut best_items = 0;
            for stamp_first in [true, false] {
                let mut j = k;
                let mut items = 0;
                while j + 1 < n
                    && if stamp_first {
                        stamp(j) && headline(j + 1)
                    } else {
                        stamp(j + 1) && headline(j)
                    }
                {
                    j += 2;
                    items += 1;
                    if !stamp_first && j < n && snippet(j) {
                        j += 1;
                    }
                }
                if j > best {
                    (best, best_items) = (j, items);
                }
            }
            if best_items >= 3 {
                drop.extend_from_slice(&alive[k..best]);
                k = best;
            } else {
                k += 1;
            }
        }
        for i in drop {
            work.drop_block(i, DropReason::RelatedLinks);
        }
    }

    /// A wire's feed of stamped items, each in one block: a time (a date
    /// may lead it), maybe a short label, and a bracketed headline with
    /// its lead (`2025-10-24 14:52【某公司：…】公司称…`). Three in a row,
    /// short of half the text, are the feed beside the article.
    fn stamped_items(&self, work: &mut Work) {
        let alive = work.alive();
        let total = work.alive_chars();
        let is_item: Vec<bool> = alive
            .iter()
            .map(|&i| {
                let t = work.blocks[i].text.trim_start();
                t.len() <= 900
                    && t.as_bytes().first().is_some_and(u8::is_ascii_digit)
                    && stamped_item_re().is_match(t)
            })
            .collect();
        let mut drop = Vec::new();
        let mut k = 0;
        while k < alive.len() {
            let mut j = k;
            while j < alive.len() && is_item[j] {
                j += 1;
            }
            let run = &alive[k..j];
            let chars: usize = run.iter().map(|&i| char_len(&work.blocks[i].text)).sum();
            if run.len() >= 3 && chars * 2 < total {
                drop.extend_from_slice(run);
            }
            k = j.max(k + 1);
        }
        work.drop_unprotected(drop, DropReason::RelatedLinks);
    }

    /// `延伸阅读：<headline>`, `Read more: <headline>`: a related link
    /// standing alone between paragraphs.
    fn inline_links(&self, work: &mut Work) {
        let alive = work.alive();
        let arrowed: Vec<bool> = alive
            .iter()
            .map(|&i| is_arrow_headline(&work.blocks[i].text))
            .collect();
        for (k, &i) in alive.iter().enumerate() {
            let b = &work.blocks[i];
            // An arrow-led headline is a link when it has a neighbour of its
            // kind or the wide space a Taiwanese headline joins its halves
            // with (`►某某出貨爆量　某某營收年增逾1倍`).
            let arrow_link = arrowed[k]
                && (two_halves(&b.text)
                    || (k > 0 && arrowed[k - 1])
                    || arrowed.get(k + 1).copied().unwrap_or(false));
            if arrow_link || (b.text.len() <= 600 && is_inline_link_folded(&b.folded())) {
                work.drop_block(i, DropReason::RelatedLinks);
            }
        }
    }

    /// Runs of at least three bullet/list items in the second half of the
    /// page that mostly read as clickbait headlines.
    fn bullet_runs(&self, work: &mut Work) {
        let alive = work.alive();
        let n = alive.len();
        let is_item = |w: &Work, i: usize| {
            let b = &w.blocks[i];
            (bullet_re().is_match(b.text.trim()) || b.kind == BlockKind::ListItem)
                && is_headline_like(&b.text)
        };
        let mut k = n / 2;
        while k < n {
            if !is_item(work, alive[k]) {
                k += 1;
                continue;
            }
            let start = k;
            while k < n && is_item(work, alive[k]) {
                k += 1;
            }
            let run = &alive[start..k];
            let bait = run
                .iter()
                .filter(|&&i| is_clickbait(&work.blocks[i].text))
                .count();
            let links = run
                .iter()
                .filter(|&&i| {
                    work.blocks[i].link_chars as usize * 2 > char_len(&work.blocks[i].text)
                })
                .count();
            if run.len() >= 3 && (bait * 10 >= run.len() * 6 || links * 10 >= run.len() * 8) {
                for &i in run {
                    work.drop_block(i, DropReason::RelatedLinks);
                }
            }
        }
    }

    /// Runs of four or more headline lines in the second half of the page,
    /// most of them exclaiming (`Shocked! … 3 years!`), with or without
    /// bullets: a clickbait list. An article never sets four headlines in
    /// a row, let alone shouting ones.
    fn exclaiming_runs(&self, work: &mut Work) {
        let alive = work.alive();
        let n = alive.len();
        // Most pages have no three exclaiming lines in their second half.
        let shouting = alive[n / 2..]
            .iter()
            .filter(|&&i| work.blocks[i].text.contains(['!', '！']))
            .take(3)
            .count();
        if shouting < 3 {
            return;
        }
        let is_item = |w: &Work, i: usize| {
            let t = &w.blocks[i].text;
            !w.blocks[i].protected && is_headline_like(t) && !is_body_paragraph(t)
        };
        let mut k = n / 2;
        while k < n {
            let start = k;
            while k < n && is_item(work, alive[k]) {
                k += 1;
            }
            let run = &alive[start..k];
            let bangs = run
                .iter()
                .filter(|&&i| work.blocks[i].text.contains(['!', '！']))
                .count();
            if run.len() >= 4 && bangs * 10 >= run.len() * 6 {
                for &i in run {
                    work.drop_block(i, DropReason::RelatedLinks);
                }
            }
            k = k.max(start + 1);
        }
    }

    /// `headline, headline, author, timestamp` groups, and lone timestamps
    /// that close such a group.
    fn feed_items(&self, work: &mut Work) {
        let alive = work.alive();
        for (k, &i) in alive.iter().enumerate() {
            if !is_timestamp_line(&work.blocks[i].text) || k < 2 {
                continue;
            }
            let lo = k.saturating_sub(3);
            let window: Vec<usize> = alive[lo..k].to_vec();
            let pair = window
                .windows(2)
                .any(|w| work.blocks[w[0]].text == work.blocks[w[1]].text);
            if pair {
                for j in window {
                    work.drop_block(j, DropReason::RelatedLinks);
                }
                work.drop_block(i, DropReason::RelatedLinks);
            }
        }
    }

    /// `科技要闻` + one headline, in the second half of the page.
    fn channel_blocks(&self, work: &mut Work) {
        let alive = work.alive();
        let n = alive.len();
        for k in n / 2..n {
            let i = alive[k];
            let folded = work.blocks[i].folded();
            let t = folded.trim();
            if char_len(t) <= 8
                && CHANNEL_SUFFIX.iter().any(|s| t.ends_with(s))
                && !t.ends_with(is_sentence_end)
            {
                work.drop_block(i, DropReason::RelatedLinks);
                if let Some(&j) = alive.get(k + 1) {
                    if is_headline_like(&work.blocks[j].text) {
                        work.drop_block(j, DropReason::RelatedLinks);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod series_tests {
    use super::*;
    use crate::doc::Block;

    #[test]
    fn a_series_box_and_its_posts_go() {
        let body = "Every few months someone posts a chart showing that one vendor is cheaper per token, and a day later someone else posts the opposite.";
        let mut w = Work::new(vec![
            Block::new(
                "This post is part 3 of 4 in the series Inference economics",
                BlockKind::Para,
            ),
            Block::new(
                "Counting tokens per watt on one accelerator",
                BlockKind::ListItem,
            ),
            Block::new(
                "Tokens per dollar on rented nodes (this post)",
                BlockKind::ListItem,
            ),
            Block::new("Coming soon: reserved pricing", BlockKind::ListItem),
            Block::new(body, BlockKind::Para),
            Block::new("What I rented", BlockKind::Heading),
            Block::new(
                "Eight accelerators per node, rented by the hour",
                BlockKind::ListItem,
            ),
        ]);
        series_boxes(&mut w);
        assert_eq!(
            w.alive_texts(),
            vec![
                body,
                "What I rented",
                "Eight accelerators per node, rented by the hour"
            ]
        );
        assert!(is_series_lead(&fold("本文是“推理经济学”系列的第3篇")));
        assert!(!is_series_lead(&fold(
            "This chip is part of a series of accelerators."
        )));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_subhead_after_a_related_list_is_the_articles() {
        let body = "某廠明年的先進封裝產能會再加三成，訂單已經排到年底，供應鏈普遍認為價格不會回落，法人估營收年增兩成。";
        let mut w = Work::of_lines(&[body, body, body, body, body], BlockKind::Line);
        w.blocks
            .insert(2, crate::doc::Block::new("延伸閱讀", BlockKind::Para));
        w.blocks.insert(
            3,
            crate::doc::Block::new("某公司1月營收年增逾四成 創同期新高", BlockKind::ListItem),
        );
        w.blocks.insert(
            4,
            crate::doc::Block::new("某封測廠外包訂單加碼 年底投產", BlockKind::ListItem),
        );
        w.blocks.insert(
            5,
            crate::doc::Block::new("設備廠訂單能見度看到年底", BlockKind::Heading),
        );
        RelatedFilter.header_sections(&mut w);
        assert_eq!(w.alive(), vec![0, 1, 5, 6, 7, 8]);
    }

    #[test]
    fn a_subhead_after_an_inline_related_box_is_the_articles() {
        let body = "供应链人士表示，新一代加速卡的封装产能仍然紧张，明年上半年的订单已经排满，多家云厂商正在追加预付款。";
        let lines = [
            body,
            body,
            "相关文章：",
            "某公司发布新一代训练卡：单卡算力翻倍，集群已交付",
            "八卡整机实测，吞吐提升一倍",
            body,
            "某公司新品实测数据",
            body,
            "延伸閱讀",
            "某公司1月營收年增逾四成 創同期新高",
            "某封測廠外包訂單加碼 年底投產",
            body,
            body,
        ];
        let mut w = Work::of_lines(&lines, BlockKind::Line);
        RelatedFilter.header_sections(&mut w);
        assert_eq!(w.alive(), vec![0, 1, 4, 5, 6, 7, 11, 12]);
    }

    #[test]
    fn a_posts_last_list_item_over_its_counters_stays() {
        let body =
            "Three things would change my view on the inference chip race next year, listed below.";
        let lines = [
            body,
            body,
            "(3) API prices falling another 40%, which hurts everyone",
            "12 replies · 80 reposts · 500 likes",
        ];
        let mut w = Work::of_lines(&lines, BlockKind::Line);
        RelatedFilter.link_cards(&mut w);
        assert_eq!(w.alive(), vec![0, 1, 2, 3]);
        assert!(is_numbered_item("3. Item") && !is_numbered_item("2025 was a year"));
    }

    #[test]
    fn a_shared_links_host_headline_and_description() {
        let body =
            "某晶片廠明年的先進封裝產能會再加三成，訂單已經排到年底，供應鏈普遍認為價格不會回落。";
        let card = [
            "NEWS.EXAMPLE.COM",
            "Chipmaker Weighs a Second Packaging Plant in Arizona",
            "The plant would double its advanced packaging output by 2028.",
        ];
        let lines = [body, body, card[0], card[1], card[2], "所有心情：", "1,024"];
        let mut w = Work::of_lines(&lines, BlockKind::Line);
        RelatedFilter.link_cards(&mut w);
        assert_eq!(w.alive(), vec![0, 1, 5, 6]);
        // A paragraph after the card: the line under the headline is the
        // article's own; a host over a sentence is no card.
        let lines = [body, card[0], card[1], card[2], body];
        let mut w = Work::of_lines(&lines, BlockKind::Line);
        RelatedFilter.link_cards(&mut w);
        assert_eq!(w.alive(), vec![0, 3, 4]);
        let lines = [body, "Example.com", body, body];
        let mut w = Work::of_lines(&lines, BlockKind::Line);
        RelatedFilter.link_cards(&mut w);
        assert_eq!(w.alive(), vec![0, 1, 2, 3]);
    }

    #[test]
    fn a_teaser_of_another_story_between_paragraphs() {
        let body = "Suppliers report their packaging lines are full until next spring, and quotes for the newest stacks climbed again this month.";
        let heading = |t: &'static str, linked: bool| {
            let mut b = crate::doc::Block::new(t, BlockKind::Heading);
            if linked {
                b.link_chars = char_len(t) as u32;
            }
            b
        };
        let make = |linked: bool| {
            Work::new(vec![
                crate::doc::Block::new(body, BlockKind::Para),
                heading("How one lab plans to wire a million accelerators", linked),
                crate::doc::Block::new(
                    "Scale may make up for an older process node",
                    BlockKind::Para,
                ),
                crate::doc::Block::new(body, BlockKind::Para),
            ])
        };
        let mut w = make(true);
        RelatedFilter.teaser_cards(&mut w);
        assert_eq!(w.alive(), vec![0, 3]);
        // the article's own subhead links nowhere
        let mut w = make(false);
        RelatedFilter.teaser_cards(&mut w);
        assert_eq!(w.alive(), vec![0, 1, 2, 3]);
    }

    #[test]
    fn an_epapers_page_news_teasers_in_the_head() {
        let body = "某伺服器代工廠第四季出貨進入高峰，供應鏈指出，每櫃搭載的加速器數量增加，帶動營收與毛利同步走高，法人看好明年營運再創新高。";
        let lines = [
            "本版新聞",
            "某代工廠搶AI機櫃大單 明年營收拚新高",
            "代工雙雄明年營運再攀高峰，營收上看一兆元。",
            "某晶片出貨 第四季季增三成",
            "機櫃第四季出貨量預估季增三成。",
            "某代工廠搶AI機櫃大單 明年營收拚新高",
            body,
            body,
            body,
            body,
        ];
        let mut w = Work::of_lines(&lines, BlockKind::Line);
        RelatedFilter.header_sections(&mut w);
        assert_eq!(w.alive(), vec![5, 6, 7, 8, 9]);
    }

    #[test]
    fn a_feed_of_stamped_items_beside_the_article() {
        let body = "某公司晚间披露三季报，前三季度实现营业收入四十亿元，同比大幅增长，净利润扭亏为盈，研发投入继续增加。";
        let lines = [
            body,
            body,
            body,
            body,
            "2025-10-24 14:52【某封测厂：先进封装平台实现稳定量产】公司相关收入占比提升。",
            "10-24 13:37加精【某设备商：前三季度营收增长三成】订单饱满。",
            "11:26【某云厂商新一代芯片大规模上线】",
            body,
        ];
        let mut w = Work::of_lines(&lines, BlockKind::Para);
        RelatedFilter.stamped_items(&mut w);
        assert_eq!(w.alive(), vec![0, 1, 2, 3, 7]);
        // Two stamped paragraphs are not a feed.
        let lines = [
            body,
            "09:30【开盘】指数高开。",
            "10:00【盘中】板块走强。",
            body,
        ];
        let mut w = Work::of_lines(&lines, BlockKind::Para);
        RelatedFilter.stamped_items(&mut w);
        assert_eq!(w.alive().len(), 4);
    }

    #[test]
    fn numbered_sections() {
        assert!(is_numbered_section("四、封測廠的新角色"));
        assert!(is_numbered_section("十二、结语"));
        assert!(!is_numbered_section("某公司再获大单"));
        assert!(!is_numbered_section("一线城市算力需求上升"));
    }

    #[test]
    fn arrow_led_headlines_between_paragraphs_go() {
        let body = "法人指出，聯發科首個客戶正是雲端大廠，明年出貨量可望倍增，營收比重也將拉高。";
        let lines = [
            body,
            "►輝達機櫃出貨爆量　某代工廠2月營收年增逾1倍",
            body,
            "►某記憶體大廠拿下大單",
            "►某記憶體大廠股價齊揚",
            body,
            "► 產能提升至11萬片",
            body,
        ];
        let mut w = Work::of_lines(&lines, BlockKind::Line);
        RelatedFilter.inline_links(&mut w);
        assert_eq!(w.alive(), vec![0, 2, 5, 6, 7]);
        // a sentence closed by its photo credit is not a headline
        assert!(!is_headline_like(
            "▲某公司在展會展出新技術。（圖／某公司提供）"
        ));
    }

    #[test]
    fn headline_shapes() {
        assert!(is_headline_like(
            "Shock Report! Chip Giant Halts Every Export Line Full Analysis! 2025"
        ));
        assert!(is_clickbait(
            "Shock Report! Chip Giant Halts Every Export Line Full Analysis! 2025"
        ));
        assert!(!is_headline_like("The chip ships next year."));
        assert!(is_header("More market briefs"));
        assert!(is_header("您可能還喜歡"));
        assert!(is_header("更多TVBS報導"));
        assert!(is_header("Don’t miss these stories from our research desk"));
        assert!(!is_header("Don't miss the keynote, the company said."));
        assert!(is_header("更多某某新闻"));
        assert!(is_header("更多问答") && is_header("熱門提問"));
        assert!(!is_header("更多企业将在明年加入报道"));
        assert!(!is_header("More chips shipped."));
        assert!(!is_header("More than 40 clusters"));
        assert!(is_timestamp_line("2025-12-29 16:16:22"));
        assert!(!is_timestamp_line("2025-12-29 的会议上"));
        for t in [
            "10:45",
            "03/02 09:17",
            "12评论 · 3小时前",
            "3 hours ago",
            "2025-11-19",
        ] {
            assert!(is_stamp_line(t), "{t}");
        }
        assert!(!is_stamp_line("10:45 新品发布"));
        assert!(is_bare_header("延伸閱讀"));
        assert!(is_inline_link(
            "延伸閱讀：某某晶片明年量產，封測廠訂單滿到年底"
        ));
        assert!(is_inline_link("【相关阅读】某某芯片明年量产 封测订单排满"));
        assert!(is_inline_link(
            "Related article: Example Foundry confirms 2nm transistor operation in 3 months"
        ));
        assert!(is_inline_link(
            "延伸閱讀：某公司10月營收2,918億元　年增12.4%"
        ));
        assert!(is_inline_link(
            "Read more: Chipmaker doubles packaging output in a year"
        ));
        assert!(is_inline_link(
            "Go deeper: Grid queues stretch past five years in three states"
        ));
        assert!(!is_inline_link(
            "Related: the company also said it would raise prices."
        ));
        assert!(!is_inline_link("延伸阅读"));
        assert!(!is_inline_link(
            "Trending down in memory prices through the spring"
        ));
        assert!(is_bare_header("【相关阅读】"));
        assert!(is_bare_header("Related:"));
        assert!(!is_bare_header("延伸阅读：封装产能的三个变量"));
    }

    fn para(text: &str) -> crate::doc::Block<'_> {
        crate::doc::Block::new(text, BlockKind::Para)
    }

    #[test]
    fn a_ticker_of_stamped_headlines_goes() {
        let body = "供应链人士表示，新一代加速卡的封装产能仍然紧张，明年上半年的订单已经排满，多家云厂商正在追加预付款以锁定产能。";
        let mut blocks = Vec::new();
        for (t, h) in [
            ("10:45", "某港股半日收升200点"),
            ("10:41", "某地明日气温回落"),
            ("10:38", "某线路一度延误"),
        ] {
            blocks.push(para(t));
            blocks.push(para(h));
        }
        blocks.push(para("某芯片公司获批上市 首日涨两成"));
        blocks.extend(std::iter::repeat_with(|| para(body)).take(4));
        let mut work = Work::new(blocks);
        RelatedFilter.run(&mut work);
        let alive: Vec<&str> = work
            .alive()
            .iter()
            .map(|&i| &*work.blocks[i].text)
            .collect();
        assert_eq!(
            alive[0], "某芯片公司获批上市 首日涨两成",
            "the unstamped headline stays"
        );
        assert_eq!(alive.len(), 5);
    }

    #[test]
    fn a_forum_list_of_asking_headlines_and_meta_rows_goes() {
        let body = "供應鏈人士表示，新一代加速卡的封裝產能仍然緊張，明年上半年的訂單已經排滿，多家雲廠商正在追加預付款以鎖定產能。";
        let mut blocks = Vec::new();
        for (h, m) in [
            ("某指數明天會唔會再升？", "甲網友 · 15分鐘前 · 356"),
            ("【新手】邊隻基金最抵買", "乙網友 · 1小時前 · 1,043"),
            ("某電動車交車量又破紀錄！", "丙網友 · 4小時前 · 217"),
        ] {
            blocks.push(para(h));
            blocks.push(para(m));
        }
        blocks.extend(std::iter::repeat_with(|| para(body)).take(4));
        let mut work = Work::new(blocks);
        RelatedFilter.run(&mut work);
        assert_eq!(work.alive().len(), 4, "only the paragraphs stay");
        assert!(is_inline_link(
            "Related video: Why cloud companies design their own accelerators"
        ));
    }

    #[test]
    fn a_menu_under_a_header_in_the_head_ends_at_the_first_sentence() {
        let body = "The chipmaker's shares fell 2.6% in early trading after a report that regulators had told buyers to favour local suppliers.";
        let mut blocks = vec![
            para("Latest News"),
            para("Market Data"),
            para("Dividends"),
            para("Top Movers"),
            para("The chief executive speaks at a trade show in May."),
        ];
        blocks.extend(std::iter::repeat_with(|| para(body)).take(6));
        let mut work = Work::new(blocks);
        RelatedFilter.run(&mut work);
        assert_eq!(work.alive()[0], 4, "the caption stays");
    }

    #[test]
    fn a_bare_header_early_in_the_page_is_dropped() {
        let body = "供应链人士表示，新一代加速卡的封装产能仍然紧张，明年上半年的订单已经排满，多家云厂商正在追加预付款以锁定产能。";
        let mut blocks = vec![para("推荐阅读的三个理由"), para(body), para("延伸閱讀")];
        blocks.extend(std::iter::repeat_with(|| para(body)).take(6));
        let mut work = Work::new(blocks);
        RelatedFilter.run(&mut work);
        assert!(!work.blocks[2].alive, "the bare header goes");
        assert!(
            work.blocks[0].alive,
            "a heading that only holds a header word stays"
        );
        assert!(work.blocks[1].alive && work.blocks[3].alive);
    }
}
