//! Short lines that stamp a post or a list item rather than say anything:
//! a relative time (`3小時前`, `5h`, `2 hours ago`), a date or clock time
//! without a year (`2月14日 08:26`, `7:32 AM ET`), a meta row of a
//! forum or feed list (`某用戶 · 15分鐘前 · 356`), and the floor label
//! of a thread post (`#2 某用戶 3小時前`, `2樓`, `B3`).
//! Owns the shapes only; the detectors decide what a stamp means where
//! it stands (a ticker's stamp, a comment thread's start).
//! Must not know: blocks, detectors, drop reasons.

use crate::script::{char_len, has_inner_sentence_end, is_sentence_end};
use regex::Regex;
use std::sync::OnceLock;

fn relative_time_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)^(?:\d{1,4}\s*(?:秒|秒钟|秒鐘|分钟|分鐘|小时|小時|天|日|周|週|星期|个月|個月|年)\s*前|\d{1,4}\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?\.?|days?|weeks?|wks?\.?|months?|years?|yrs?\.?|[smhdwy]|mo)\s*ago|\d{1,4}\s*(?:[smhdwy]|mo|min|hr)|刚刚|剛剛|昨天|前天|just now|yesterday)$",
        )
        .expect("static regex")
    })
}

fn clock_or_date_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"^(?:(?:\d{2,4}[-/.年])?\d{1,2}[-/.月]\d{1,2}日?\s*)?(?:\d{1,2}:\d{2}(?::\d{2})?)?$",
        )
        .expect("static regex")
    })
}

/// A relative time standing alone (`3小時前`, `5h`, `2 hours ago`,
/// `剛剛`); a trailing separator is a feed's (`3 天 ·`), and then the
/// unit alone is enough (`3 天`).
pub fn is_relative_time(part: &str) -> bool {
    let t = part.trim();
    if t.len() > 24 {
        return false;
    }
    if relative_time_re().is_match(t) {
        return true;
    }
    let bare = t.trim_end_matches(META_SEPARATORS).trim_end();
    bare.len() < t.len() && bare_unit_re().is_match(bare)
}

fn bare_unit_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^\d{1,3}\s*(?:秒|分钟|分鐘|小时|小時|天|周|週|个月|個月|年)$|^(?:刚刚|剛剛|昨天|前天)$")
            .expect("static regex")
    })
}

/// A time of any kind standing alone: relative, a clock time, a date, or
/// a date and a clock time.
fn is_time_part(part: &str) -> bool {
    let t = part.trim();
    // A labelled time (`更新於 11月11日15:12`, `Updated 5h`).
    let t = [
        "更新於",
        "更新于",
        "發布於",
        "發佈於",
        "发布于",
        "Updated",
        "Published",
        "Saved",
    ]
    .iter()
    .find_map(|l| t.strip_prefix(l))
    .map_or(t, str::trim_start);
    // A post's compact age beside other meta parts (`3d`, `2h`, `1w`).
    let compact = (2..=3).contains(&t.len())
        && t.ends_with(['s', 'm', 'h', 'd', 'w'])
        && t[..t.len() - 1].bytes().all(|b| b.is_ascii_digit());
    compact
        || is_relative_time(t)
        || (t.len() <= 24
            && t.chars().any(|c| c.is_ascii_digit())
            && clock_or_date_re().is_match(t))
}

fn count_part_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)^(?:\d[\d,.]*\s*[万萬kmw]?\s*(?:回覆|回复|回應|回应|瀏覽|浏览|閱讀|阅读|評論|评论|留言|讚|赞|赞同|點讚|点赞|位?追蹤者|位?追踪者|追蹤中|追踪中|位?粉絲|位?粉丝|位?訂閱者|位?订阅者|subscribers|人看过|人看過|人读过|人讀過|次?播放|次?觀看|次?观看|followers|following|views?|replies|reply|comments?|likes?|points?|upvotes?|users|links|posts|participants)|(?:回覆|回复|瀏覽|浏览|瀏覽數|浏览数|閱讀|阅读|閱讀數|阅读数|阅读量|閱讀量|浏览量|瀏覽量|播放量|觀看次數|观看次数|篇文章|积分|積分|評論|评论|讚|赞|赞同|投币|投幣|收藏|views?|replies|comments?|likes?)\s*[:：]?\s*\d[\d,.]*\s*[万萬kmw]?次?)$",
        )
        .expect("static regex")
    })
}

/// An engagement count standing alone (`1,284 回覆`, `4.2萬 瀏覽`,
/// `356 points`, `評論 12`).
fn is_count_part(part: &str) -> bool {
    let t = part.trim();
    t.len() <= 40 && count_part_re().is_match(t)
}

/// An engagement count alone on its line (`阅读数：12.6万`, `1,204 views`).
pub fn is_count_line(text: &str) -> bool {
    is_count_part(text) || is_count_pairs(text)
}

/// Two or more counts with their labels on one line, a topic's map (`1.4k
/// views 12 replies 28 likes 8 users`).
fn is_count_pairs(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    text.len() <= 160
        && words.len() >= 4
        && words.len().is_multiple_of(2)
        && words
            .first()
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
        && words.chunks(2).all(|pair| is_count_part(&pair.join(" ")))
}

/// A date or clock time alone on its line, without a year
/// (`2月14日 08:26`, `02/14 08:26`, `09:15`), or a relative time: a
/// post's or an item's stamp. A bare `3.5` is a number, not a date.
pub fn is_time_stamp(text: &str) -> bool {
    let t = text.trim();
    is_relative_time(t)
        || (t.len() <= 24
            && t.contains([':', '月', '/'])
            && t.chars().any(|c| c.is_ascii_digit())
            && (clock_or_date_re().is_match(t) || zoned_clock_re().is_match(t)))
}

/// A clock time with its half of the day and zone (`7:32 AM ET`,
/// `3:05 p.m. ET`, `09:15 GMT+8`): a live entry's or a video's stamp.
fn zoned_clock_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)^\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[a-z]{1,4}|gmt[+-]\d{1,2})?$",
        )
        .expect("static regex")
    })
}

const META_SEPARATORS: [char; 6] = ['·', '•', '|', '｜', '丨', '∙'];

/// A meta row under a list item or over a post: two to five short parts
/// split by `·`/`|`/`•` or a spaced `/`, one of them a time or an
/// engagement count (`某用戶 · 15分鐘前 · 356`, `u/someone · 5h`, `某版 ·
/// 1,284 回覆`, `Example Daily / 3h`).
pub fn is_meta_row(text: &str) -> bool {
    // A spaced slash separates parts too (`Example Daily / by Jo Roe / 3h`).
    if text.contains(" / ") {
        return text.len() <= 192 && is_meta_row(&text.replace(" / ", " | "));
    }
    // A trailing separator (`5h • Edited •`) opens no part, nor does a
    // leading one (`• 2h • 6 min read`, the source's name gone).
    let t = text
        .trim()
        .trim_matches(|c: char| META_SEPARATORS.contains(&c) || c.is_whitespace());
    if !t.contains(META_SEPARATORS) {
        return is_spaced_meta_row(t);
    }
    if has_inner_sentence_end(t) || t.ends_with(is_sentence_end) {
        return false;
    }
    // 48 chars are at most 192 bytes: longer lines are not counted, but
    // for a byline of three to five parts that ends with its full date
    // (`Example Research · Memory Desk · Jo Roe, analyst · 3 March 2026`).
    if t.len() > 192 || char_len(t) > 48 {
        return is_long_dated_row(t);
    }
    let parts: Vec<&str> = t.split(META_SEPARATORS).map(str::trim).collect();
    (2..=5).contains(&parts.len())
        && parts.iter().all(|p| !p.is_empty() && char_len(p) <= 20)
        && parts.iter().any(|p| is_time_part(p) || is_count_part(p))
}

/// A long byline row: three to five parts of up to 32 characters, the
/// last a full date with its year (see [`is_meta_row`]).
fn is_long_dated_row(t: &str) -> bool {
    if char_len(t) > 120 {
        return false;
    }
    let parts: Vec<&str> = t.split(META_SEPARATORS).map(str::trim).collect();
    let Some(last) = parts.last() else {
        return false;
    };
    let has_year = last
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20")));
    (3..=5).contains(&parts.len())
        && parts.iter().all(|p| !p.is_empty() && char_len(p) <= 32)
        && has_year
        && char_len(last) <= 24
        && (is_time_part(last)
            || crate::metadata::find_date(last).is_some()
            || crate::metadata::is_english_date_line(&crate::script::fold(last)))
}

/// Four ASCII digits followed by `-`, `/`, `.` or `年` somewhere in `t`.
fn has_year_then_separator(t: &str) -> bool {
    let b = t.as_bytes();
    let mut run = 0;
    for (k, &c) in b.iter().enumerate() {
        if c.is_ascii_digit() {
            run += 1;
            continue;
        }
        if run == 4 && (matches!(c, b'-' | b'/' | b'.') || b[k..].starts_with("年".as_bytes())) {
            return true;
        }
        run = 0;
    }
    false
}

/// A byline row parted by spaces alone, carrying a full date and ending
/// with an engagement count (`某报 某人 2026-01-08 18:30 阅读 1.2万`).
fn is_spaced_meta_row(t: &str) -> bool {
    // a full date opens with four digits and a separator, and the row
    // needs its spaces
    if t.len() > 192 || !t.contains(' ') || !has_year_then_separator(t) {
        return false;
    }
    if char_len(t) > 48 || has_inner_sentence_end(t) || t.ends_with(is_sentence_end) {
        return false;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    let n = words.len();
    if !(3..=8).contains(&n) {
        return false;
    }
    let dated = words.iter().any(|w| {
        let digits = w.bytes().filter(u8::is_ascii_digit).count();
        digits >= 6 && w.len() <= 16 && clock_or_date_re().is_match(w)
    });
    let counted = is_count_part(words[n - 1]) || is_count_part(&words[n - 2..].join(" "));
    dated && counted
}

/// A video's statistics line: a count of views and a time, maybe with the
/// video's hashtags after them (`12萬 次觀看 5 天前 #某標籤`, `128,904 views
/// 3 days ago`).
pub fn is_stats_line(text: &str) -> bool {
    let t = text.trim();
    if t.len() > 240
        || !t.contains(' ')
        || !["观看", "觀看", "播放", "view"]
            .iter()
            .any(|w| t.contains(w))
    {
        return false;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    let stats = words
        .iter()
        .take_while(|w| !w.starts_with('#'))
        .copied()
        .collect::<Vec<_>>();
    let tags_only = words[stats.len()..].iter().all(|w| w.starts_with('#'));
    if !tags_only || stats.len() < 2 || stats.len() > 8 {
        return false;
    }
    (1..stats.len()).any(|at| {
        let (a, b) = (stats[..at].join(" "), stats[at..].join(" "));
        (is_count_part(&a) && is_time_part(&b)) || (is_time_part(&a) && is_count_part(&b))
    })
}

/// A meta row with an engagement count (`某专栏 · 2,103 赞同 · 186 评论`):
/// what a link card prints under the headline it links to.
pub fn is_count_row(text: &str) -> bool {
    is_meta_row(text) && text.split(META_SEPARATORS).any(is_count_part)
}

fn floor_label_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)^(?:(#\s?\d{1,5})|b\d{1,5}|\d{1,5}\s*(?:楼|樓|f)|楼主|樓主|沙发|沙發)(?:\s+|$)",
        )
        .expect("static regex")
    })
}

/// The label that opens a post in a thread: `#2`, `2樓`, `B3`, `樓主`,
/// alone or followed by the poster's name and a time (`#2 某用戶
/// 3小時前`). A `#N` label with words after it needs the time, so that
/// a ranking's `#2 Some Company` is not read as a post.
pub fn is_floor_label(text: &str) -> bool {
    let t = text.trim();
    if t.len() > 160 || char_len(t) > 40 {
        return false;
    }
    let Some(m) = floor_label_re().captures(t) else {
        return false;
    };
    let rest = t[m.get(0).map_or(0, |g| g.end())..].trim();
    if rest.is_empty() {
        return true;
    }
    if has_inner_sentence_end(rest) || rest.ends_with(is_sentence_end) {
        return false;
    }
    let ends_in_time = rest
        .split(|c: char| c.is_whitespace() || META_SEPARATORS.contains(&c))
        .filter(|w| !w.is_empty())
        .any(is_time_part)
        || is_relative_time(rest.rsplit_once(' ').map_or(rest, |(_, last)| last));
    if m.get(1).is_some() {
        ends_in_time
    } else {
        ends_in_time || char_len(rest) <= 16
    }
}

fn floor_stamp_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)(?:^|客户端|客戶端|\s)\d{1,5}\s*(?:楼|樓|f)\s*\d{2,4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2})?$")
            .expect("static regex")
    })
}

/// The stamp under a thread's post, its floor and time together
/// (`来自iPhone客户端2楼2026-02-14 08:26`, `2樓 2025-11-20 21:20`): the
/// post above it is over.
pub fn is_floor_stamp(folded: &str) -> bool {
    let t = folded.trim();
    t.len() <= 160 && char_len(t) <= 50 && floor_stamp_re().is_match(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn video_statistics_lines() {
        for t in [
            "12萬 次觀看 5 天前 #某標籤 #晶片",
            "128,904 views 3 days ago",
            "觀看次數：128,904次 2025年11月19日",
        ] {
            assert!(is_stats_line(t), "{t}");
        }
        for t in [
            "12萬 次觀看",
            "5 天前 #某標籤",
            "公司表示 5 天前 出貨 12萬 台",
        ] {
            assert!(!is_stats_line(t), "{t}");
        }
    }

    #[test]
    fn a_topics_counts_on_one_line() {
        assert!(is_count_line("1.4k views 12 replies 28 likes 8 users"));
        assert!(is_count_line("1,204 views"));
        assert!(!is_count_line("12 engineers 28 chips 8 racks 4 sites"));
        assert!(!is_count_line("The topic drew 1.4k views and 12 replies"));
    }

    #[test]
    fn relative_times() {
        for t in [
            "3小時前",
            "15 分钟前",
            "5h",
            "2 hours ago",
            "剛剛",
            "1 yr ago",
            "3d",
        ] {
            assert!(is_relative_time(t), "{t}");
        }
        for t in ["3小時", "5 hours", "H20", "2025", "in 3 days", "3 天"] {
            assert!(!is_relative_time(t), "{t}");
        }
    }

    #[test]
    fn time_stamps() {
        for t in [
            "2月14日 08:26",
            "02/14 08:26",
            "09:15",
            "3小時前",
            "7:32 AM ET",
            "3:05 p.m. ET",
        ] {
            assert!(is_time_stamp(t), "{t}");
        }
        for t in ["3.5", "2025", "10-20", "11月", "12:49 the keynote began"] {
            assert!(!is_time_stamp(t), "{t}");
        }
    }

    #[test]
    fn meta_rows() {
        for t in [
            "某用戶 · 15分鐘前 · 356",
            "u/someone · 5h",
            "某财经号 | 2025-11-20 10:12",
            "站務組 • 昨天 • 1,043",
            "某版 · 1,284 回覆 · 4.2萬 瀏覽",
            "5h • Edited •",
            "• 2h • 6 min read",
            "Example Daily / by Jo Roe / 3h",
            "更新於 11月11日15:12 • 發布於 11月11日15:05",
        ] {
            assert!(is_meta_row(t), "{t}");
        }
        assert!(!is_meta_row("HBM • DRAM • NAND"));
        assert!(is_meta_row(
            "Example Research · Memory Desk · Jo Roe, analyst · 3 March 2026"
        ));
        assert!(!is_meta_row(
            "Example Research · Memory Desk · Jo Roe, analyst · what the spring brings"
        ));
        // spaces for separators: a full date and a closing count
        assert!(is_meta_row("某日报 某人 2026-01-08 18:30 阅读 1.2万"));
        assert!(!is_meta_row("某日报 某人 2026-01-08 18:30"));
        assert!(!is_meta_row("2026年 营收 增长 30% 阅读 指南"));
        assert!(is_count_row("某专栏 · 2,103 赞同 · 186 评论"));
        assert!(is_meta_row("3.4萬位追蹤者 · 91 追蹤中"));
        assert!(is_relative_time("3 天 ·"));
        assert!(
            !is_relative_time("3 天"),
            "a bare unit needs a feed's separator"
        );
        assert!(!is_count_row("某用戶 · 15分鐘前"));
        for t in [
            "某用戶 · 356",
            "The fab opened 3 years ago · it said",
            "营收增长 25% · 毛利率 60%",
            "Chips / Memory / Packaging",
            "Updated guidance · 25%",
            "一二三四五六七八九十一二三四五六七八九十一 · 3小時前",
        ] {
            assert!(!is_meta_row(t), "{t}");
        }
    }

    #[test]
    fn floor_stamps() {
        assert!(is_floor_stamp("来自android客户端1楼2026-02-14 08:26"));
        assert!(is_floor_stamp("2樓 2025-11-20 21:20"));
        assert!(!is_floor_stamp("工厂的2楼在2025-11-20起停用。"));
        assert!(!is_floor_stamp("2026-02-14 08:26"));
    }

    #[test]
    fn floor_labels() {
        for t in [
            "#2",
            "#12 某網友 3小時前",
            "2樓",
            "15F",
            "B3",
            "樓主",
            "2楼 某用户",
            "#3 someone 5m",
        ] {
            assert!(is_floor_label(t), "{t}");
        }
        for t in [
            "#2 Some Company",
            "#1 晶片廠明年擴產兩成。",
            "2025年",
            "3 F-35 jets",
            "#4 某某科技 市值最高的晶片公司之一",
        ] {
            assert!(!is_floor_label(t), "{t}");
        }
    }
}
