//! Metadata moved out of the body: title, published time, source/editor/
//! byline lines, repost attributions, image credits.
//!
//! Owns: guessing the title of a text dump (the longest short unpunctuated
//! line before the first body paragraph, shorter such lines above it being
//! a site banner; or a trailing line in the other script), the published time (the
//! first `YYYY-MM-DD HH:MM[:SS]` / `YYYY年M月D日` found in a metadata line,
//! normalised to ISO 8601), and dropping key-colon lines (`来源:`,
//! `责任编辑:`, `发布时间:`, `标签:`, `Topics:`, `By …`, `Published …`; on
//! short lines also the slash form `文/…`, `图/…`), reporter bylines that
//! make up a whole line (`<media>记者 <name>`, `記者<name>／<city>報導` with
//! or without a time), repost lines (`本文转载自…`), image credits
//! (`(封面图源:…)`, `Image: …`, `<name> | Getty Images`) and inline credit
//! blocks such as `(文|…,编辑|…)`. Captions (and short caption-like
//! paragraphs) keep their text and lose a trailing photo credit
//! ([`credit_tail`]: `图片来源：…`, `圖／…`, `…记者 某某 摄`, `（影片截圖）`,
//! `(Photo courtesy of …)`). `▲` captions are content and stay. A note
//! about the author among the last two paragraphs (`— <Name> is a
//! contributing editor at …`, `（作者系…）`) is dropped too, and so are a
//! bulletin board's post header (`作者 …`, `看板 …`, `時間 …`, or each
//! label over its value), meta rows (`某用戶 · 15分鐘前 · 356`), lone clock
//! and relative times, the account name and one-line bio above a follow
//! button, a reporter's name over their role (`Jane Roe` / `Reporter`), a
//! contribution credit (`… contributed to this report.`, `Reporting by …;
//! Editing by …`) and a WeChat head row (`原创 <account>`). The dump's
//! headline is looked for past a long menu: menu items (a word or two) do
//! not use up the window of lines that may hold it; and a headline signed
//! by a byline within four lines (or with a date over it and a name under
//! it) under a head of menus ends that head wherever it stands
//! ([`above_signed_headline`], called by the chrome pass before bylines
//! go).
//! Must not know: site names; anything about the body text itself.

use crate::doc::{BlockKind, Detector, Work};
use crate::lang::is_chinese_text;
use crate::script::{char_len, fold, has_inner_sentence_end, is_sentence_end};
use crate::stamp::{is_meta_row, is_time_stamp};
use model::DropReason;
use regex::Regex;
use std::sync::OnceLock;

/// Keys that open a metadata line when followed by a colon or `|` (folded).
const KEYS: &[&str] = &[
    "新闻来源",
    "本文重点",
    "ip属地",
    "签名",
    "已认证",
    "观看次数",
    "发表于",
    "来源",
    "作者",
    "责任编辑",
    "责编",
    "发布单位",
    "发布机关",
    "联络人",
    "联系人",
    "电子邮件",
    "responsible editor",
    "original title",
    "编辑",
    "记者",
    "发布时间",
    "发布日期",
    "发表时间",
    "发布于",
    "更新时间",
    "最后更新",
    "最近更新",
    "时间",
    "日期",
    "出处",
    "原标题",
    "撰文",
    "认证",
    "大家正在搜",
    "大家都在搜",
    "photographer",
    "gallery",
    "watch",
    "listen",
    "文",
    "图",
    "摄影",
    "校对",
    "数据支持",
    "审核",
    "监制",
    "出品",
    "策划",
    "稿源",
    "文章来源",
    "source",
    "sources",
    // `文章来源` through a machine translator
    "source of article",
    "article source",
    "author",
    "authors",
    "published",
    "updated",
    "posted",
    "photo",
    "photograph",
    "image",
    "credit",
    "reporter",
    "editor",
    "date",
    "标签",
    "新闻标签",
    "关键字",
    "关键词",
    "tags",
    "tagged",
    "topics",
    "suggested topics",
    "related topics",
    "filed under",
];

/// Phrases that open a metadata line without a colon (folded).
const PHRASES: &[&str] = &[
    "本文转载自",
    "本文刊登于",
    "本词条由",
    "原文标题",
    "本文原载于",
    "原文刊登于",
    "本文来自",
    "本文来源",
    "本文转自",
    "转载自",
    "文章转载自",
    "本文作者",
    "修改于",
    "编辑于",
    "原文链接",
    "本文链接",
    "by ",
    "by:",
    "posted by ",
    "submitted by ",
    "written by",
    "story by",
    "edited by",
    "reporting by",
    "published on",
    "posted on",
    "updated on",
    "last updated",
    "this article was updated",
    "this article has been updated",
    "this story has been updated",
    "correction:",
    "editor's note:",
    "editor’s note:",
    "更正:",
];

/// Image-credit words inside a short (parenthesised) line (folded).
const CREDIT: &[&str] = &[
    "图源",
    "图片来源",
    "封面图",
    "题图",
    "头图",
    "图片由",
    "摄影",
    "视觉中国",
    "image source",
    "photo credit",
    "image credit",
    "getty images",
    "reuters/",
];

fn date_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?")
            .expect("static regex")
    })
}

fn weekday_time_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?:週|周|星期|礼拜|禮拜)[一二三四五六日天]|上午|下午|凌晨|晚上|中午|\d{1,2}:\d{2}(?::\d{2})?|\s")
            .expect("static regex")
    })
}

fn credit_block_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    // A wire's date code may follow the credit at the end (`（編輯：某某）1141120`).
    RE.get_or_init(|| Regex::new(r"[(（][^()（）]{0,80}?(?:文|编辑|編輯|作者|图|圖|来源|來源)\s*[|｜:：][^()（）]{0,80}[)）](?:\s*\d{7}\s*$)?").expect("static regex"))
}

/// A reporter byline standing alone (folded text, date removed):
/// `<media>记者 <name>`, `记者<name>/<city>报导`, `<media>通讯员 <name>`,
/// several names joined by `、`/`和`. The whole line must have this shape,
/// so a sentence that mentions a reporter never matches.
fn byline_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"^[\p{Han}a-z0-9·]{0,12}\s*(?:特约|实习|见习|首席|驻[\p{Han}]{1,4})?(?:记者|通讯员|实习生|编辑|责编|作者|撰文)\s*[|丨:]?\s*[\p{Han}·]{2,4}(?:\s*[、,和及与]\s*(?:记者|通讯员)?\s*[\p{Han}·]{2,4}){0,3}(?:(?:\s*[/|丨]\s*|\s+)[\p{Han}]{0,8}?(?:即时|综合|联合)?(?:报导|报道|电|讯|摄影|摄)?)?\s*[)）]?$",
        )
        .expect("static regex")
    })
}

/// A photo credit at the end of a caption (folded text of the tail after
/// the caption's last sentence): `图片来源:…`, `图/本报资料照片`,
/// `<media>记者 <name> 摄`, `Photo: …`, `Image credit: …`,
/// `<name> | Getty Images`, `REUTERS/<name>`.
fn credit_tail_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"^(?:(?:图片|照片|影像|视频|影片)?(?:来源|提供)|图源|题图|头图|封面图?|配图|图片|图|照片|摄影|资料图|(?:image|photo|picture|video)s?(?:\s*(?:credit|courtesy|source|by))?|credit|source)\s*[:/|丨]|^[\p{Han}a-z0-9·]{0,12}\s*(?:记者|通讯员|摄影师|摄影记者)?\s*[\p{Han}·]{2,4}\s*摄(?:影)?(?:\s*\d{2,4}年\d{1,2}月\d{1,2}日)?$|^(?:chart|graphic|illustration|photo|image|picture|map)s?\s+(?:by|courtesy\s+of|via)\s+[^.]{1,40}\.?$|(?:getty images(?: news)?|reuters|associated press|ap photo|afp|bloomberg|epa|shutterstock|视觉中国|新华社|中新社)\s*$|^(?:reuters|ap|afp|epa|xinhua)\s*/",
        )
        .expect("static regex")
    })
}

/// Words of a parenthesised photo credit at the end of a caption
/// (`（影片截图）`, `（中央社档案照片）`, `(AP Photo/…)`), folded.
const PAREN_CREDIT: &[&str] = &[
    "图/",
    "图:",
    "图片",
    "照片",
    "资料照",
    "资料图",
    "档案照",
    "截图",
    "摄",
    "图源",
    "供图",
    "提供",
    "来源",
    "photo",
    "image",
    "credit",
    "courtesy",
    "getty",
    "reuters",
    "afp",
    "epa",
    "bloomberg",
    "shutterstock",
    "file",
];

/// Finds a date in `text` and returns it as ISO 8601.
pub fn find_date(text: &str) -> Option<String> {
    let c = date_re().captures(text)?;
    let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let (y, mo, d) = (num(1)?, num(2)?, num(3)?);
    if !(1990..=2100).contains(&y) || !(1..=12).contains(&mo) || !(1..=31).contains(&d) {
        return None;
    }
    let mut s = format!("{y:04}-{mo:02}-{d:02}");
    if let (Some(h), Some(mi)) = (num(4), num(5)) {
        if h < 24 && mi < 60 {
            s.push_str(&format!("T{h:02}:{mi:02}"));
            if let Some(sec) = num(6) {
                s.push_str(&format!(":{sec:02}"));
            }
        }
    }
    Some(s)
}

/// True for a key-colon, byline or timestamp line.
pub fn is_meta_line(text: &str) -> bool {
    char_len(text) <= 120 && is_meta_line_folded(text, &fold(text))
}

/// [`is_meta_line`] with the text already folded (a block's
/// [`crate::doc::Block::folded`]).
pub fn is_meta_line_folded(text: &str, folded: &str) -> bool {
    let n = char_len(text);
    if n > 120 {
        return false;
    }
    let f = folded.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '*' | '【' | '[' | '(' | '（' | '|')
    });
    for k in KEYS {
        if let Some(rest) = f.strip_prefix(k) {
            let rest = rest.trim_start();
            // An interview's turn (`记者：那国产芯片接得住吗？`): a question
            // or a sentence after the reporter's label, not a byline.
            if matches!(*k, "记者" | "主持人")
                && rest.starts_with(':')
                && is_spoken_turn(&rest[1..])
            {
                continue;
            }
            if rest.starts_with([':', '|', '丨']) {
                // `图：<caption of a chart>` is a caption; `图：<name>` a credit.
                let long_caption = matches!(*k, "图" | "图片") && char_len(rest) > 16;
                if !long_caption {
                    return true;
                }
            }
            // `文/张三`, `撰文/…`, `图/…`: the slash form of Chinese
            // bylines, only on a short line without a sentence in it.
            if rest.starts_with('/')
                && k.chars().all(crate::script::is_han)
                && n <= 40
                && !has_inner_sentence_end(text)
            {
                return true;
            }
        }
    }
    if is_byline_folded(text, folded)
        || is_located_byline(text)
        || is_numeric_date(text)
        || is_keyed_numeric_date(f)
        || is_slash_byline(f)
        || is_dated_byline(f)
    {
        return true;
    }
    if PHRASES.iter().any(|p| f.starts_with(p)) && !has_inner_sentence_end(text) && n <= 120 {
        // `By 2030, …` is a sentence; `By Jane Doe` is a byline.
        let byline_name = text
            .trim_start()
            .get(3..)
            .and_then(|r| r.trim_start().chars().next())
            .is_some_and(|c| c.is_uppercase());
        if !f.starts_with("by ") || (byline_name && !text.trim_end().ends_with('.')) {
            return true;
        }
    }
    // A date with a key anywhere (`2025-09-06 23:01来源:…`), or a date with
    // hardly anything else. A date holds six digits at least: count them
    // before the regex runs.
    let digits = text.bytes().filter(u8::is_ascii_digit).count();
    if let Some(m) = (digits >= 6).then(|| date_re().find(text)).flatten() {
        // A weekday and a clock time with 上午/下午 say no more than the
        // date (`2026年3月4日 週二 下午2:15`).
        let rest = weekday_time_re()
            .replace_all(&text.replace(m.as_str(), ""), "")
            .into_owned();
        let rest = char_len(&rest);
        // A paragraph with a sentence in it and an editor's credit at its
        // end (`…評估。（編輯：某某）1141120`) is text; the credit is cut
        // out below.
        let keyed = !has_inner_sentence_end(text)
            && KEYS
                .iter()
                .filter(|k| k.chars().count() >= 2)
                .any(|k| f.contains(&format!("{k}:")));
        // `<site>2025-03-08 09:40发布于<city>`: a key without its colon on
        // a line that is little more than the date.
        let short_keyed = rest <= 16
            && !text
                .chars()
                .any(|c| matches!(c, '，' | '。' | '；' | '！' | '？' | ','))
            && KEYS
                .iter()
                .filter(|k| k.chars().count() >= 2)
                .any(|k| f.contains(k));
        // `2025-11-22 某日报 A3版 要闻`: a date with its paper and page.
        let paged = rest <= 16 && f.contains('版') && edition_re().is_match(f);
        if keyed || short_keyed || paged || rest <= 4 {
            return true;
        }
    }
    // Every English shape holds a digit, but an update note and a post's
    // signature, which end with `)`.
    (digits > 0 || f.trim_end().ends_with(')')) && english_meta_re().is_match(f.trim())
}

/// What follows a speaker's label in an interview: a question or a
/// sentence, or more words than a list of names.
fn is_spoken_turn(rest: &str) -> bool {
    let t = rest.trim();
    t.ends_with(['?', '？', '。', '！', '!', '…']) || has_inner_sentence_end(t) || char_len(t) > 24
}

/// A post's time and client (`11-26 08:47 来自 iPhone客户端`, `來自
/// Android`), or an official release's clock time alone (`香港時間16時30分`).
fn is_post_source_line(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^(?:(?:\d{2,4}[-/年])?\d{1,2}[-/月]\d{1,2}日?\s*\d{1,2}:\d{2}\s*)?(?:来自|來自)\s*\S{0,20}?(?:客户端|客戶端|iPhone|Android|iPad|HarmonyOS|网页版|網頁版)$|^(?:香港|北京|台北|臺北)?(?:时间|時間)\s*\d{1,2}(?:时|時)\d{2}分$")
            .expect("static regex")
    });
    let t = text.trim();
    t.len() <= 80 && re.is_match(t)
}

/// A research note's header lines: its rating and price fields
/// (`Rating: Positive (unchanged)`, `Price (3/3 close): $341.27`), an
/// analyst's contact row (a name with an e-mail address), a distribution
/// label (`CONFIDENTIAL – FOR INSTITUTIONAL CLIENTS ONLY.`, `DRAFT v3 – do
/// not forward.`). Short lines only.
fn is_note_header_line(text: &str) -> bool {
    let t = text.trim();
    if t.len() > 160 {
        return false;
    }
    let lower = t.to_ascii_lowercase();
    const FIELDS: [&str; 8] = [
        "rating:",
        "price target:",
        "target price:",
        "price (",
        "price:",
        "market cap:",
        "market cap (",
        "ticker:",
    ];
    // One field alone, or a row of them (`Rating: … Ticker: … Price …`).
    let fields = FIELDS.iter().filter(|k| lower.contains(*k)).count();
    let field = FIELDS.iter().any(|k| lower.starts_with(k))
        && (t.len() <= 60 || fields >= 3)
        && !t.ends_with('.')
        && !has_inner_sentence_end(t);
    let contact = t.contains('@')
        && t.split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            let ascii = |s: &str| {
                !s.is_empty()
                    && s.bytes().all(|b| {
                        b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b'+')
                    })
            };
            w.split_once('@')
                .is_some_and(|(a, d)| ascii(a) && ascii(d) && d.contains('.'))
        })
        && !has_inner_sentence_end(t)
        && t.split_whitespace().count() <= 14;
    let label = (lower.starts_with("confidential")
        || [
            "do not forward",
            "not for distribution",
            "for institutional clients only",
        ]
        .iter()
        .any(|w| lower.contains(w)))
        && t.split_whitespace().count() <= 14;
    field || contact || label
}

/// A newspaper page number (`A3版`, `b12版`), folded.
fn edition_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"(?:^|\s)[a-z]?\d{1,2}\s?版").expect("static regex"))
}

/// English date and attribution lines (folded): `4 March 2025`,
/// `Published July 9 2025`, `Updated Nov. 3, 2025 at 5:10 p.m. ET`,
/// `3 March 2026, 06:00 GMT | Updated 3 March 2026, 14:25 GMT`,
/// and an embedded post's signature `— Name (@handle) May 2, 2025`.
/// An English date or attribution line, such as a byline row's last part
/// (`3 March 2026`), given folded ([`english_meta_re`]).
pub fn is_english_date_line(folded: &str) -> bool {
    english_meta_re().is_match(folded.trim())
}

fn english_meta_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let month = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?";
        let weekday = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?";
        let date = format!(
            r"{weekday}(?:\d{{1,2}}\s+{month},?\s+\d{{4}}|{month}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})(?:(?:,?\s+(?:at\s+)?|\s*//\s*|\s*[|·-]\s*)\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?)?(?:\s*[a-z]{{2,4}}(?:[+-]\d{{1,2}})?)?)?"
        );
        Regex::new(&format!(
            r"^{weekday}{month}\s+\d{{1,2}}\s+\d{{1,2}}:\d{{2}}:\d{{2}}\s+\d{{4}}$|^\d{{1,2}}:\d{{2}}\s*(?:[ap]\.?m\.?)?\s*[·|,-]?\s*{date}$|^(?:price|prices|quote|quotes) as of\s+{date}$|^(?:updated|published|posted)\s+\d+\s+(?:minutes?|hours?|days?)\s+ago$|^\(?(?:updates|adds|recasts|corrects)\b[^()]*\)$|^(?:(?:(?:first\s+)?published|updated|posted|last\s+updated|last\s+modified)\s*:?\s*(?:on\s+)?)?{date}(?:\s*[|·]?\s*(?:last\s+)?updated:?\s+[a-z0-9 ,:+.-]{{1,40}})?$|^[-—–]\s*[^()]{{1,60}}\(@[a-z0-9_.-]{{1,60}}\)\s*(?:{date})?$"
        ))
        .expect("static regex")
    })
}

/// True for a reporter byline line (`<media>记者 <name>`,
/// `記者<name>／<city>報導 2025-01-02 10:00`).
pub fn is_byline(text: &str) -> bool {
    is_byline_folded(text, &fold(text))
}

/// A byline that places two or three reporters (`Jane Roe in Phoenix and
/// John Doe in Taipei`); one name and place alone may be a headline in
/// title case.
fn is_located_byline(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        // ASCII classes: Unicode letter classes cost a large automaton.
        let name = r"[A-Z][A-Za-z'’-]+(?:\s[A-Z][A-Za-z'’-]+){1,2}";
        let place = r"[A-Z][A-Za-z-]+(?:\s[A-Z][A-Za-z-]+)?";
        Regex::new(&format!(
            r"^{name}\sin\s{place}(?:(?:,\s|\sand\s){name}\sin\s{place}){{1,2}}$"
        ))
        .expect("static regex")
    });
    let t = text.trim();
    t.len() <= 120 && t.contains(" in ") && re.is_match(t)
}

/// [`is_byline`] with the text already folded.
fn is_byline_folded(text: &str, folded: &str) -> bool {
    const ROLES: [&str; 7] = ["记者", "通讯员", "实习生", "编辑", "责编", "作者", "撰文"];
    let n = char_len(text);
    if n > 60 || !ROLES.iter().any(|r| folded.contains(r)) || has_inner_sentence_end(text) {
        return false;
    }
    let f = date_re().replace_all(folded, " ");
    // A print page sets a bullet before the byline (`■本報記者 某某`).
    let f = f.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '(' | '[' | '【' | '■' | '◆' | '●' | '▲')
    });
    // Reporter and editor may share the line (`某报记者|某某 某报编辑|某某`).
    byline_re().is_match(f)
        || (f.split_whitespace().count() >= 2
            && f.split_whitespace()
                .all(|part| ROLES.iter().any(|r| part.contains(r)) && byline_re().is_match(part)))
}

/// Byte range of a photo credit that ends a caption (`…。图片来源：…`,
/// `…（影片截圖）`, `… 记者 某某 摄`), or `None`. The caption before it
/// stays: captions are content, credits are metadata.
pub fn credit_tail(text: &str) -> Option<std::ops::Range<usize>> {
    let t = text.trim_end();
    let f = fold(t);
    // Folding keeps one char per char; map char positions back.
    let tpos: Vec<usize> = t.char_indices().map(|(i, _)| i).collect();
    let fchars: Vec<char> = f.chars().collect();
    if tpos.len() != fchars.len() || fchars.is_empty() {
        return None;
    }
    // A closing parenthesis at the end: a parenthesised credit.
    if matches!(fchars.last(), Some(')') | Some(']')) {
        if let Some(open) = fchars.iter().rposition(|&c| c == '(' || c == '[') {
            let inner: String = fchars[open + 1..fchars.len() - 1].iter().collect();
            // (`(Image courtesy of A Long Laboratory Name/Jo Roe)` runs longer)
            let limit =
                if inner.starts_with("image courtesy") || inner.starts_with("photo courtesy") {
                    80
                } else {
                    40
                };
            if open > 0
                && char_len(&inner) <= limit
                && PAREN_CREDIT.iter().any(|w| inner.contains(w))
            {
                // a photographer's credit may stand before it
                // (`…。記者某某攝（資料照）`)
                let start = credit_tail(&text[..tpos[open]]).map_or(tpos[open], |r| r.start);
                return Some(start..text.len());
            }
        }
    }
    // A credit key glued to the caption (`…液冷模组图片来源：某公司`).
    for key in [
        "图片来源:",
        "图源:",
        "图片提供:",
        "image source:",
        "photo credit:",
        "image credit:",
        // `… in January. PHOTO: JANE ROE/AGENCY/GETTY IMAGES`
        ". photo:",
    ] {
        if let Some(at) = f.rfind(key) {
            // a key led by the caption's own period keeps the period
            let at = at + usize::from(key.starts_with('.'));
            let at_char = f[..at].chars().count();
            let tail_chars = fchars.len() - at_char;
            if at_char >= 4 && tail_chars <= 64 {
                return Some(tpos[at_char]..text.len());
            }
        }
    }
    // The tail after the last sentence end (or after a wide gap); a
    // credit may end with its own period (`… Chart by the author.`).
    let body_end = fchars.len() - usize::from(fchars.last() == Some(&'.'));
    let cut = fchars[..body_end]
        .iter()
        .rposition(|&c| matches!(c, '。' | '!' | '?' | '.' | '；' | ';'))
        .map(|i| i + 1)?;
    if cut >= fchars.len() {
        return None;
    }
    let tail: String = fchars[cut..].iter().collect();
    let tail = tail.trim();
    if tail.is_empty() || char_len(tail) > 40 || !credit_tail_re().is_match(tail) {
        return None;
    }
    // `… Jan. 5` must not cut at an abbreviation: the head needs words.
    let head: String = fchars[..cut].iter().collect();
    if char_len(head.trim()) < 4 {
        return None;
    }
    Some(tpos[cut]..text.len())
}

/// Drops block `i` from byte `start` to its end, recording the tail;
/// the text before it is kept as it was (only trailing space trimmed).
/// Drops the whole block when nothing of substance is left.
pub(crate) fn drop_tail(work: &mut Work<'_>, i: usize, start: usize, reason: DropReason) {
    let Some(b) = work.blocks.get(i) else { return };
    let start = crate::doc::floor_boundary(&b.text, start);
    let head = b.text[..start].trim_end().to_string();
    let tail = b.text[start..].to_string();
    if !crate::doc::has_substance(&head) {
        work.drop_block(i, reason);
        return;
    }
    work.record(reason, &tail);
    work.blocks[i].text = std::borrow::Cow::Owned(head);
}

fn is_credit_line(text: &str) -> bool {
    let n = char_len(text);
    // A chart's sources and maker (`Data: Some Agency; Chart: Some Desk`).
    if n <= 120 && text.starts_with("Data: ") && text.contains("; Chart: ") {
        return true;
    }
    if n > 50 {
        return false;
    }
    let f = fold(text);
    let t = f.trim();
    // A credit of its own (`(封面图源:…)`), not a caption that ends with
    // one (`图为…(图片来源:…)` stays: captions are content).
    let opened = t.trim_start_matches(['(', '（', '[', '【']);
    // A bracketed credit alone on its line: `（某署提供）`, `（記者某某攝）`.
    let bracketed = t.starts_with(['(', '（'])
        && t.ends_with([')', '）'])
        && n <= 24
        && ["提供)", "提供）", "摄)", "摄）"]
            .iter()
            .any(|e| t.ends_with(e));
    bracketed
        || CREDIT.iter().any(|c| opened.starts_with(c))
        || t.starts_with("image:")
        || t.starts_with("photo:")
        || t.starts_with("illustration:")
        // A credit names a source (`图:某某社`); a chart's caption runs longer.
        || ((t.starts_with("图片:") || t.starts_with("图:")) && n <= 16)
        || t.starts_with("图/")
        || is_stock_photo_credit(t)
        || is_compiled_by(t)
        || is_table_source(t)
        // `某社记者某某摄 114年11月20日`: a photographer's credit on its line.
        || (n <= 30 && t.contains('摄') && !has_inner_sentence_end(text) && credit_tail_re().is_match(t))
        // `Jane Roe | Getty Images`, `John Doe/Reuters`, `… via Getty Images`.
        || (!has_inner_sentence_end(text)
            && credit_tail_re().is_match(t)
            && t.contains(['|', '/'])
            && CREDIT_AGENCIES.iter().any(|a| t.ends_with(a)))
}

/// A table's or chart's source alone on its line (folded, 50 chars at
/// most): `資料來源：台積電法說會、法人報告　製表：某某`, `数据来源：公司公告`.
/// Most golds leave it out of the article, like a photo credit.
fn is_table_source(t: &str) -> bool {
    ["资料来源", "数据来源"].iter().any(|w| {
        t.strip_prefix(w)
            .is_some_and(|rest| rest.trim_start().starts_with([':', '：']))
    }) && !has_inner_sentence_end(t)
        && !t.ends_with('。')
}

/// Who compiled a table or chart, on its own line (folded): `▲ 表格：某某整理`,
/// `图表:某某制图`.
fn is_compiled_by(t: &str) -> bool {
    let t = t.trim_start_matches(['▲', '△', '▼', ' ']);
    let by_name = ["制表:", "制图:"].iter().any(|k| {
        t.strip_prefix(k).is_some_and(|name| {
            // `製表：某某某` alone: a short name, no punctuation
            let name = name.trim();
            (2..=8).contains(&char_len(name)) && name.chars().all(crate::script::is_han)
        })
    });
    by_name
        || (char_len(t) <= 20
            && ["表格:", "表:", "图表:", "制表:"]
                .iter()
                .any(|k| t.starts_with(k))
            && ["整理", "制表", "制图", "绘制"]
                .iter()
                .any(|e| t.ends_with(e)))
}

/// A Taiwanese byline: a reporter, a slash and the place reported from
/// (`王小明／台北報導`), given folded.
fn is_slash_byline(folded: &str) -> bool {
    let t = folded.trim();
    if !(t.ends_with("报导") || t.ends_with("报道")) {
        return false;
    }
    let Some((name, place)) = t.split_once(['／', '/']) else {
        return false;
    };
    let han = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.chars().count()) && s.chars().all(crate::script::is_han)
    };
    han(name.trim(), 2..=4) && han(place.trim(), 4..=10)
}

/// A stock photo's credit (folded): `Photo by Jo Roe on Unsplash`.
fn is_stock_photo_credit(t: &str) -> bool {
    (t.starts_with("photo by ") || t.starts_with("image by "))
        && [
            " on unsplash",
            " on pexels",
            " on pixabay",
            " via unsplash",
            " via pexels",
        ]
        .iter()
        .any(|site| t.ends_with(site))
}

/// Photo agencies that end a credit line.
const CREDIT_AGENCIES: &[&str] = &[
    "getty images",
    "getty images news",
    "reuters",
    "associated press",
    "afp",
    "bloomberg",
    "epa",
    "shutterstock",
];

/// Removes a leading column or brand prefix (`栏目名 | 标题`).
fn strip_column_prefix(title: &str) -> String {
    if let Some((head, rest)) = title.split_once(['|', '｜']) {
        if char_len(head) <= 10 && char_len(rest) >= 6 {
            return rest.trim().to_string();
        }
    }
    title.trim().to_string()
}

fn is_title_like(text: &str) -> bool {
    let n = char_len(text);
    let cjk = is_chinese_text(text);
    let max = if cjk { 60 } else { 200 };
    // A headline may ask or exclaim mid-line (`AI晶片股點揀？逐隻拆解`);
    // a full stop or semicolon inside makes it prose.
    let t = text.trim_end_matches(|c: char| is_sentence_end(c) || c.is_whitespace());
    n >= 4
        && n <= max
        && !t.contains(['。', '；'])
        && !has_full_stop_inside(t)
        && !text.trim_end().ends_with(['。', ',', '，'])
}

/// A title-like line long enough to be a headline: `han` characters or
/// more in Chinese, `words` words or more otherwise.
fn is_headline(t: &str, han: usize, words: usize) -> bool {
    is_title_like(t)
        && if is_chinese_text(t) {
            char_len(t) >= han
        } else {
            t.split_whitespace().count() >= words
        }
}

/// A full stop followed by a space inside `t`, other than after an
/// initial or a common abbreviation (`U.S. rules`, `Corp. shares`).
fn has_full_stop_inside(t: &str) -> bool {
    const ABBREVIATIONS: &[&str] = &[
        "Inc", "Corp", "Co", "Ltd", "Mr", "Ms", "Mrs", "Dr", "Jr", "Sr", "St", "No", "vs", "Gov",
        "Sen", "Rep", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec",
    ];
    t.match_indices(". ").any(|(at, _)| {
        let word = t[..at].rsplit([' ', '.']).next().unwrap_or("");
        let initial = word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase());
        !(initial || ABBREVIATIONS.contains(&word))
    })
}

/// A Chinese line shaped as a headline although it is as long as a
/// paragraph: no full stop, and either no comma or a closing question or
/// exclamation (`…之后，690能否撑起万亿市值？`).
fn is_chinese_headline(text: &str) -> bool {
    let t = text.trim_end();
    is_chinese_text(t)
        && is_title_like(t)
        && !t.contains(['。', '；', '.'])
        && (!t.contains(['，', ',']) || t.ends_with(['？', '！', '?', '!']))
}

/// A date in digits alone on its line, month or day first (`03/10/2026`,
/// `10.03.2026`).
fn is_numeric_date(text: &str) -> bool {
    let t = text.trim();
    if !(8..=10).contains(&t.len()) || !t.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let parts: Vec<&str> = t.split(['/', '.', '-']).collect();
    matches!(parts.as_slice(), [a, b, y]
        if (1..=2).contains(&a.len()) && (1..=2).contains(&b.len()) && y.len() == 4
            && [a, b, y].iter().all(|p| p.bytes().all(|c| c.is_ascii_digit())))
}

/// An English date and then a byline on one line (folded):
/// `February 16th, 2026 - By: Jane Roe`, `16 Feb 2026 | by Jane Roe`.
fn is_dated_byline(folded: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    if folded.len() > 100 || !folded.contains("by") {
        return false;
    }
    let re = RE.get_or_init(|| {
        let month = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?";
        let day = r"\d{1,2}(?:st|nd|rd|th)?";
        Regex::new(&format!(
            r"^(?:[a-z]+,?\s+)?(?:{month}\s+{day}|{day}\s+{month}),?\s+\d{{4}}\s*(?:[-–—|·•,]\s*)?by:?\s+(?:\[\d+\])?[a-z][a-z'’.-]+(?:\s+[a-z][a-z'’.-]+){{0,3}}$"
        ))
        .expect("static regex")
    });
    re.is_match(folded.trim())
}

/// A stamp key and a numeric date, month or day first (folded):
/// `Published 03/06/2026, 04:38 AM`, `Updated: 06.03.2026 11:02`.
fn is_keyed_numeric_date(folded: &str) -> bool {
    if !folded.starts_with(['p', 'u', 'l', 'm']) {
        return false;
    }
    ["published", "updated", "posted", "last updated", "modified"]
        .iter()
        .find_map(|k| folded.strip_prefix(k))
        .map(|rest| rest.trim_start_matches([':', ' ']))
        .and_then(|rest| rest.split([',', ' ']).next())
        .is_some_and(is_numeric_date)
}

/// An English line shaped as a headline although it is as long as a
/// paragraph: title-like, no full stop at its end, and its longer words
/// capitalised (`Example Corp Signs Multi-Year Supply Agreement with …,
/// Introduces …`).
fn is_english_headline(text: &str) -> bool {
    let t = text.trim_end();
    if is_chinese_text(t) || t.ends_with(['.', ':', ';']) || !is_title_like(t) {
        return false;
    }
    let (mut long, mut capital) = (0usize, 0usize);
    for w in t.split_whitespace() {
        let w = w.trim_start_matches(|c: char| !c.is_alphanumeric());
        if w.chars().take_while(char::is_ascii_alphabetic).count() >= 4 {
            long += 1;
            capital += usize::from(w.starts_with(|c: char| c.is_ascii_uppercase()));
        }
    }
    long >= 5 && capital * 4 >= long * 3
}

/// `page` is the browser title of the headline `headline`: the headline,
/// a separator and a short site name (`… net profit turns positive_Some
/// Tech Network`, `… | Site`).
fn is_page_title_of(page: &str, headline: &str) -> bool {
    let (p, h) = (page.trim(), headline.trim());
    if h.len() < 10 || !p.starts_with(h) {
        return false;
    }
    let rest = p[h.len()..].trim_start();
    let Some(site) = rest
        .strip_prefix(['_', '|', '｜', '-', '–', '—'])
        .map(str::trim)
    else {
        return false;
    };
    !site.is_empty() && char_len(site) <= 60 && !has_inner_sentence_end(site)
}

/// A menu item at the top of a dump: a word or two (a few characters in
/// Chinese), never a headline.
fn is_menu_item(text: &str) -> bool {
    let t = text.trim();
    if crate::script::han_count(t) > 0 {
        char_len(t) <= 6
    } else {
        char_len(t) <= 24 && t.split_whitespace().count() <= 3
    }
}

/// How many alive lines at the top of a text dump may hold the headline
/// (menu items aside).
const HEAD_LINES: usize = 8;

/// A navigation entry of a few words: short, with no punctuation at all
/// (`產業創新補助專區`), or an all-Latin banner on a Chinese page.
fn is_nav_entry(text: &str, page_chinese: bool) -> bool {
    let t = text.trim();
    let bare = !t
        .chars()
        .any(|c| is_sentence_end(c) || matches!(c, '，' | ',' | '：' | ':' | '；' | ';'));
    (char_len(t) <= 12 && bare)
        || (page_chinese && crate::script::han_count(t) == 0 && char_len(t) <= 80)
}

/// The head window ends at `window`; when the menu above the headline runs
/// longer than the window, and everything between the window's end and
/// the line standing over the first body paragraph (bylines and dates
/// aside) is a navigation entry, or a byline or date stands under that
/// line, the window reaches that line: it is the headline under a long
/// menu.
fn reach_headline_past_menu(
    work: &Work,
    alive: &[usize],
    window: usize,
    first_body: usize,
) -> usize {
    if window >= first_body {
        return window;
    }
    let page_chinese = work.lang.is_chinese();
    let Some(over_body) = (window..first_body).rev().find(|&k| {
        let b = &work.blocks[alive[k]];
        !is_meta_line_folded(&b.text, &b.folded())
    }) else {
        return window;
    };
    let headline = &work.blocks[alive[over_body]].text;
    let menu_between =
        (window..over_body).all(|k| is_nav_entry(&work.blocks[alive[k]].text, page_chinese));
    // A byline or date right under it marks a headline too.
    let signed = over_body + 1 < first_body;
    if is_headline(headline, 12, 5) && (menu_between || signed) {
        over_body + 1
    } else {
        window
    }
}

/// A signature under a headline: `By Jane Roe and John Doe`, a
/// reporter's byline (`記者某某／台北報導`), or reporters with their places.
fn is_signature(text: &str) -> bool {
    let t = text.trim();
    (t.starts_with("By ") && is_meta_line(t)) || is_byline(t) || is_located_byline(t)
}

/// Where a dump's article starts under a long head of menus: the last
/// headline with at most two prose lines above it that is signed
/// (a signature within four lines under it, with nothing shorter than the
/// headline between) or dated and named (a short
/// date line right over it, a person's name within two lines under it).
/// Above it stand at least three lines; the two prose lines (a
/// publisher's blurb, a promo) hold under a tenth of the page's text. Headline-shaped lines right over it (a kicker, the headline
/// over a standfirst) stay with it.
///
/// The chrome pass calls this before it drops the bylines and dates the
/// headline is known by; the head above it goes, the headline is the
/// title.
pub(crate) fn above_signed_headline(work: &mut Work) {
    let alive = work.alive();
    if alive.len() < 6 || !work.lines_only(&alive) {
        return;
    }
    if let Some(stack) = signed_headline(work, &alive) {
        let stack_start = stack.start;
        work.drop_unprotected(alive[..stack_start].to_vec(), DropReason::Chrome);
        // In Chinese the longest line of the stack is the headline (a
        // kicker and a deck are shorter); in English the first (the
        // standfirst under it is longer).
        let k = if work.lang.is_chinese() {
            stack
                .rev()
                .max_by_key(|&k| char_len(&work.blocks[alive[k]].text))
                .unwrap_or(stack_start)
        } else {
            stack_start
        };
        let headline = &mut work.blocks[alive[k]];
        headline.protected = true;
        work.title = Some(strip_column_prefix(&headline.text));
    }
}

fn signed_headline(work: &Work, alive: &[usize]) -> Option<std::ops::Range<usize>> {
    let text = |k: usize| work.blocks[alive[k]].text.trim();
    let prose = |t: &str| {
        crate::chrome::is_body_paragraph(t)
            && (has_inner_sentence_end(t) || t.ends_with(is_sentence_end))
    };
    let dated_line = |t: &str| find_date(t).is_some() || crate::chrome::is_dateline(t);
    // Not a trail, a masthead or a labelled field, a slogan of clauses
    // (`…，权威，专业，及时！`), a promo or a date.
    let headline_shaped = |t: &str| {
        is_headline(t, 12, 5)
            && !t.contains(['›', '>', '»', '|', '/', '：'])
            && !t.contains("www.")
            && t.matches('，').count() < 2
            && !crate::chrome::has_promo_words(&fold(t))
            && !is_meta_line(t)
            && !dated_line(t)
    };
    let total = work.alive_chars();
    let (mut prose_lines, mut prose_chars) = (0, 0);
    let mut found = None;
    for k in 0..alive.len() {
        if prose_lines > 2 || prose_chars * 10 > total {
            break;
        }
        let t = text(k);
        if k >= 3 && headline_shaped(t) {
            let under = |n: usize| k + 1..(k + 1 + n).min(alive.len());
            // Between headline and signature only a standfirst or a
            // caption, longer than the headline (not menu entries), or a
            // date line.
            let signed = under(4)
                .find(|&j| is_signature(text(j)))
                .is_some_and(|sig| {
                    (k + 1..sig).all(|j| {
                        let between = text(j);
                        char_len(between) > char_len(t) || dated_line(between)
                    })
                });
            let over = text(k - 1);
            // (a date under another headline is that one's)
            let above_date = text(k - 2);
            let dated = char_len(over) <= 40
                && dated_line(over)
                && !headline_shaped(above_date)
                && under(2).any(|j| is_person_name(text(j)));
            if signed || dated {
                found = Some(k);
            }
        }
        if prose(t) {
            prose_lines += 1;
            prose_chars += char_len(t);
        }
    }
    // Headline lines stacked over it (a kicker, the headline over its
    // standfirst or deck) stay with it.
    found.map(|k| {
        let mut top = k;
        while top > 0 {
            if headline_shaped(text(top - 1)) {
                top -= 1;
            } else {
                break;
            }
        }
        top..k + 1
    })
}

/// A post's own head in a text dump: a headline, at most one short
/// label under it (the poster, a school), a time stamp, and a
/// paragraph under that. The label goes as metadata. When nothing above
/// the headline reads as
/// prose (menus, board rules, a sidebar's teasers cut short with `…`),
/// all of it is the page's chrome; the headline stays as the title.
/// The chrome pass calls this first, while the stamp is still there.
pub(crate) fn above_post_head(work: &mut Work) {
    let alive = work.alive();
    if alive.len() < 4 || !work.lines_only(&alive) {
        return;
    }
    if above_answer(work, &alive) || above_signed_post(work, &alive) {
        return;
    }
    let text = |k: usize| work.blocks[alive[k]].text.trim();
    let prose = |t: &str| {
        // A rule's number (`2. `) is not a sentence's end.
        let t = t
            .split_once(". ")
            .filter(|(n, _)| n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit()))
            .map_or(t, |(_, rest)| rest);
        crate::chrome::is_body_paragraph(t)
            && (has_inner_sentence_end(t) || t.ends_with(is_sentence_end))
            && !t.ends_with('…')
            && !t.ends_with("...")
    };
    let headline = |t: &str| is_headline(t, 12, 5);
    let label = |t: &str| {
        char_len(t) <= 12
            && !t
                .chars()
                .any(|c| is_sentence_end(c) || matches!(c, '，' | ',' | '：' | ':'))
    };
    let opens_text = |t: &str| {
        crate::chrome::is_body_paragraph(t) || (char_len(t) >= 16 && t.contains(['，', ',', '。']))
    };
    for k in 0..alive.len() * 2 / 3 {
        let t = text(k);
        if headline(t) {
            let mut j = k + 1;
            if !is_time_stamp(text(j)) && label(text(j)) {
                j += 1;
            }
            if j + 1 < alive.len() && is_time_stamp(text(j)) && opens_text(text(j + 1)) {
                work.drop_unprotected(alive[..k].to_vec(), DropReason::Chrome);
                // The label between is the poster's name or school.
                if j == k + 2 {
                    work.drop_unprotected(vec![alive[k + 1]], DropReason::Metadata);
                }
                return;
            }
        }
        if prose(t) {
            return;
        }
    }
}

/// A post signed at its top by the page's own name, printed again over
/// it with the time (`Example Page` … `Example Page` / `3月2日 08:15 ·`),
/// in the first half of the text: what lies above the second copy is the
/// page's profile and menus. The name and the time are metadata.
/// A Q&A page's answer under its upvote line (`2,841 人赞同了该回答`), in
/// the first half of the text: the question's description, buttons and
/// counters above it are the question page's, not the answer. The first
/// headline (the question) stays as the title.
fn above_answer(work: &mut Work, alive: &[usize]) -> bool {
    // Found first, then weighed: most pages have no such line.
    let Some(k) = alive.iter().position(|&i| {
        let t = work.blocks[i].text.trim();
        t.len() <= 90 && t.ends_with("赞同了该回答")
    }) else {
        return false;
    };
    let seen: usize = alive[..=k]
        .iter()
        .map(|&i| char_len(work.blocks[i].text.trim()))
        .sum();
    if seen > work.alive_chars() / 2 {
        return false;
    }
    let title = alive[..k].iter().copied().find(|&i| {
        let t = work.blocks[i].text.trim();
        is_title_like(t) && char_len(t) >= 12
    });
    let above: Vec<usize> = alive[..=k]
        .iter()
        .copied()
        .filter(|&i| Some(i) != title)
        .collect();
    work.drop_unprotected(above, DropReason::Chrome);
    true
}

fn above_signed_post(work: &mut Work, alive: &[usize]) -> bool {
    let text = |k: usize| work.blocks[alive[k]].text.trim();
    let total = work.alive_chars();
    let half = total / 2;
    let mut seen = 0;
    // Prose above the name: a profile's intro may stand there, an
    // opening post may not.
    let mut prose_above = 0;
    let name = |t: &str| {
        (3..=16).contains(&char_len(t))
            && !t
                .chars()
                .any(|c| is_sentence_end(c) || matches!(c, '，' | ',' | '：' | ':' | '·'))
    };
    // The lines seen so far, for the name's first copy (one pass).
    let mut earlier: std::collections::HashSet<&str> = std::collections::HashSet::new();
    earlier.insert(text(0));
    for k in 1..alive.len() - 1 {
        let t = text(k);
        seen += char_len(t);
        if seen > half || prose_above * 8 > total {
            return false;
        }
        // A relative time may keep its separator (`3 天 ·`), which tells
        // it from a bare count.
        let raw = text(k + 1);
        let stamped = is_time_stamp(raw) || is_time_stamp(raw.trim_end_matches(['·', '•', ' ']));
        if name(t) && stamped && earlier.contains(t) {
            // A long headline right above the name is the post's title.
            let over = text(k - 1);
            let above = if is_headline(over, 16, 6) { k - 1 } else { k };
            work.drop_unprotected(alive[..above].to_vec(), DropReason::Chrome);
            work.drop_unprotected(vec![alive[k], alive[k + 1]], DropReason::Metadata);
            return true;
        }
        if crate::chrome::is_body_paragraph(t) {
            prose_above += char_len(t);
        }
        earlier.insert(t);
    }
    false
}

pub struct MetadataFilter;

impl Detector for MetadataFilter {
    fn name(&self) -> &'static str {
        "metadata"
    }

    fn run(&self, work: &mut Work<'_>) {
        // Metadata lines, credits, inline credit blocks.
        // Stamped lines under an intro with a colon (`视频章节：`,
        // `Chapters:`) are the article's list of chapters, not labels:
        // no later pass takes them.
        let mut in_listed_run = false;
        for i in work.alive() {
            if work.blocks[i].protected {
                continue;
            }
            // Decided on a borrow of the block; the block changes after.
            let (listed, intro, meta, credit) = {
                let b = &work.blocks[i];
                let text = &*b.text;
                let listed = in_listed_run && is_clock_led(text);
                let intro =
                    text.trim_end().ends_with([':', '：']) && (3..=40).contains(&char_len(text));
                let data = matches!(b.kind, BlockKind::Row | BlockKind::Pre);
                let meta = !listed
                    && (is_meta_line_folded(text, &b.folded())
                        || is_stamped_label(text)
                        || is_contribution_credit(text)
                        || is_original_label(text)
                        || is_dated_row(text)
                        || is_quote_attribution(text)
                        || is_post_source_line(text)
                        || (!data && is_note_header_line(text))
                        || (!data && (is_meta_row(text) || is_time_stamp(text))));
                let credit = !listed && !meta && is_credit_line(text);
                (listed, intro, meta, credit)
            };
            in_listed_run = listed || intro;
            if listed {
                work.blocks[i].protected = true;
                continue;
            }
            if meta {
                if work.published.is_none() {
                    work.published = find_date(&work.blocks[i].text);
                }
                work.drop_block(i, DropReason::Metadata);
            } else if credit {
                work.drop_block(i, DropReason::Metadata);
            } else {
                // Captions, and short caption-like paragraphs, lose a
                // trailing photo credit.
                let tail = {
                    let b = &work.blocks[i];
                    let text = &*b.text;
                    let is_caption = b.kind == BlockKind::Caption;
                    // a longer line may still end with a glued `. PHOTO: …`
                    let photo_key = (text.contains("PHOTO:") || text.contains("Photo:"))
                        && char_len(text) <= 300;
                    let caption = is_caption || photo_key || char_len(text) <= 80;
                    caption
                        .then(|| credit_tail(text))
                        .flatten()
                        .or_else(|| is_caption.then(|| name_credit_tail(text)).flatten())
                        .or_else(|| agency_credit_tail(text))
                };
                if let Some(r) = tail {
                    drop_tail(work, i, r.start, DropReason::Metadata);
                }
                let ranges: Vec<_> = credit_block_re()
                    .find_iter(&work.blocks[i].text)
                    .map(|m| m.range())
                    .collect();
                work.remove_ranges(i, ranges, DropReason::Metadata);
            }
        }
        self.author_bio(work);
        bracketed_byline_leads(work);
        self.name_over_role(work);
        self.name_over_handle(work);
        self.qa_board_names(work);
        self.tag_lists(work);
        self.board_header(work);
        self.account_lines(work);
        self.title(work);
        self.under_title(work);
        self.summary_box(work);
    }
}

/// Byte range of a news agency's name in brackets after a line's last
/// sentence (`… in Seoul on Oct. 22. (Yonhap)`): a caption's credit in a
/// text dump, where captions are lines like any other.
fn agency_credit_tail(text: &str) -> Option<std::ops::Range<usize>> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"[.。!?！？]\s*([(（](?:Yonhap|Reuters|AP|AFP|Xinhua|Kyodo|Bloomberg|Getty Images|EPA|新华社|新華社|中新社|中央社|路透|美联社|美聯社|法新社)[)）])\s*$")
            .expect("static regex")
    });
    if !text.ends_with([')', '）']) {
        return None;
    }
    re.captures(text).and_then(|c| c.get(1)).map(|m| m.range())
}

/// Byte range of a bare source name in brackets after a caption's last
/// sentence (`… on Tuesday. (Yonhap)`, `…。（新华社）`): on a caption that
/// is a credit, not part of the sentence.
fn name_credit_tail(text: &str) -> Option<std::ops::Range<usize>> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"[.。!?！？]\s*([(（](?:[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3}|[\p{Han}]{2,8})[)）])\s*$")
            .expect("static regex")
    });
    let m = re.captures(text)?.get(1)?;
    Some(m.start()..text.len())
}

/// A byline row: a short line of two or more `·`/`|`-separated parts,
/// one of them a date (`原创 2025-11-20 10:12 · 某科技 · 来自北京`).
fn is_dated_row(text: &str) -> bool {
    // 60 chars are at most 240 bytes: longer blocks need no counting.
    if text.len() > 240 {
        return false;
    }
    let seps = text
        .chars()
        .filter(|c| matches!(c, '·' | '|' | '｜' | '•' | '丨'))
        .count();
    seps >= 2 && char_len(text) <= 60 && !has_inner_sentence_end(text) && date_re().is_match(text)
}

/// A short note about the author (`— Jane Roe is a contributing editor at
/// …`, `（作者系某研究院分析师）`).
/// A line crediting who else worked on the story (`— Jane Roe
/// contributed to this report.`, `Additional reporting by …`,
/// `（实习生某某对本文亦有贡献）`).
fn is_contribution_credit(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)^[—–―-]?\s*[(（]?\s*(?:(?:additional\s+)?(?:reporting|writing|editing)\s+by\s+[^.!?]+|[^.!?]+?\s+contributed(?:\s+reporting)?\s+to\s+this\s+(?:report|article|story)|[\p{Han}·、\s]+(?:亦)?对本文(?:亦)?有(?:所)?贡献|[\p{Han}·、\s]+(?:亦)?對本文(?:亦)?有(?:所)?貢獻)\s*[.。]?\s*[)）]?$")
            .expect("static regex")
    });
    let t = text.trim();
    let worded = t.contains("by")
        || t.contains("By")
        || t.contains("ontributed")
        || t.contains("贡献")
        || t.contains("貢獻");
    t.len() <= 300 && worded && re.is_match(t)
}

/// A short line led by a clock time or a video position (`03:15 …`).
fn is_clock_led(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| Regex::new(r"^\d{1,2}:\d{2}(?::\d{2})?\s").expect("static regex"));
    let t = text.trim();
    t.len() <= 120 && re.is_match(t)
}

/// A live feed's entry label: a clock time and who posted it, with no
/// sentence (`09:05主持人 某台·某某`, `10:32 Editor`).
fn is_stamped_label(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^\d{1,2}:\d{2}(?::\d{2})?\s*[^\s，。,.!?！？；;:：\d][^\s，。,.!?！？；;]{0,11}(?:\s+[^\s，。,.!?！？；;]{1,12})?$")
            .expect("static regex")
    });
    let t = text.trim();
    t.len() <= 60 && t.starts_with(|c: char| c.is_ascii_digit()) && re.is_match(t)
}

/// A WeChat article's head row: the `原创` label and the account's name
/// (`原创 某某编辑部 某某观察`).
fn is_original_label(text: &str) -> bool {
    let t = text.trim();
    t.strip_prefix("原创").is_some_and(|rest| {
        rest.starts_with([' ', '\u{a0}'])
            && char_len(rest) <= 40
            && !has_inner_sentence_end(rest)
            && !rest.contains(['，', ','])
    })
}

/// A reporter's role alone on its line (folded): `Reporter`, `记者`.
fn is_role_line(folded: &str) -> bool {
    // A beat before the role (`senior data center reporter`).
    let ends_in_role = ["reporter", "correspondent", "writer", "editor", "columnist"]
        .iter()
        .any(|r| folded.trim_end().ends_with(r));
    let words: Vec<&str> = if ends_in_role {
        folded.split_whitespace().collect()
    } else {
        Vec::new()
    };
    let beat = (2..=5).contains(&words.len())
        && words.last().is_some_and(|w| {
            matches!(
                *w,
                "reporter" | "correspondent" | "writer" | "editor" | "columnist"
            )
        })
        && words
            .iter()
            .all(|w| w.chars().all(|c| c.is_alphabetic() || c == '&'));
    beat || matches!(
        folded.trim(),
        "reporter"
            | "senior reporter"
            | "staff writer"
            | "writer"
            | "editor"
            | "senior editor"
            | "correspondent"
            | "contributor"
            | "columnist"
            | "记者"
            | "编辑"
            | "特约撰稿人"
    )
}

/// A social handle alone on its line (`@janeroe`, `@jane_roe_42`,
/// `@某某財經`).
pub(crate) fn is_handle_line(text: &str) -> bool {
    let t = text.trim();
    t.len() <= 40
        && t.starts_with('@')
        && t.len() > 2
        && t[1..]
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.'))
}

/// A user name with part of it masked (`投资者_u8k2****27`, `138****5678`):
/// three or more asterisks between other chars, nothing else.
fn is_masked_handle(t: &str) -> bool {
    let Some(at) = t.find("***") else {
        return false;
    };
    let (head, tail) = (&t[..at], t[at..].trim_start_matches('*'));
    !head.is_empty()
        && !tail.is_empty()
        && t.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '*' | '.'))
}

/// A person's name alone on a line: two or three capitalised words.
fn is_person_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=3).contains(&words.len())
        && text.len() <= 40
        && words.iter().all(|w| {
            let mut c = w.chars();
            c.next().is_some_and(|f| f.is_uppercase())
                && c.all(|c| c.is_lowercase() || matches!(c, '\'' | '’' | '-' | '.'))
        })
        // A byline in capitals (`JANE ROE`).
        || (2..=3).contains(&words.len())
            && text.len() <= 40
            && words
                .iter()
                .all(|w| w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase() || c == '-'))
}

/// The attribution under a pull quote: a dash, a name and a role, alone
/// on its line (`— Jane Roe, chief financial officer, Example Corp`).
fn is_quote_attribution(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^[—–―]\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3},\s+[^.!?]{3,80}$")
            .expect("static regex")
    });
    let t = text.trim();
    t.len() <= 200 && re.is_match(t)
}

/// A byline in lenticular brackets leading a paragraph (`【文/某网 某人】据…`,
/// `【作者：某人】`): the bracket goes, the paragraph stays.
fn bracketed_byline_leads(work: &mut Work) {
    for i in work.alive() {
        let t = &work.blocks[i].text;
        let lead = t.len() - t.trim_start().len();
        let rest = &t[lead..];
        let Some(inner) = rest.strip_prefix('【') else {
            continue;
        };
        let Some(close) = inner.find('】') else {
            continue;
        };
        let label = &inner[..close];
        let byline = [
            "文/",
            "文／",
            "撰文/",
            "撰文／",
            "作者/",
            "作者／",
            "作者：",
            "作者:",
        ]
        .iter()
        .any(|w| label.starts_with(w))
            && char_len(label) <= 30;
        // the paragraph goes on after it
        let after = &inner[close + '】'.len_utf8()..];
        if byline && char_len(after.trim()) >= 10 {
            let end = lead + '【'.len_utf8() + close + '】'.len_utf8();
            work.remove_ranges(
                i,
                std::iter::once(lead..end).collect(),
                DropReason::Metadata,
            );
        }
    }
}

pub fn is_author_bio(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(
            r"^[—–-]*\s*(?:[A-Z][\w.'’-]*\s+){1,3}is\s+(?:a|an|the|(?:[A-Z][A-Za-z0-9.&-]*\s+){0,3}[A-Z][A-Za-z0-9.&-]*['’]s)\s+(?:[\w-]+\s+){0,4}(?:editor|reporter|writer|correspondent|journalist|columnist|analyst|contributor|author)s?\b|^(?:[A-Z][\w.'’-]*\s+){1,3}(?:covers|reports\s+on|writes\s+about)\s+[^.!?]+(?:[.!](?:\s+(?:She|He|They|Before|Previously|Prior)\b[^.!?]*[.!])*)?$|^[(（]?作者(?:系|为|是|現為|现为)[^。！？]{2,60}[)）]?[。]?$|^[^，。,]{0,20}(?:资深|首席|特约)?(?:记者|記者|编辑|編輯|撰稿人|研究员|研究員)[，,][^。]*(?:追踪|追蹤|关注|關注|专注|專注|负责|負責|报道|報導|采访|採訪)",
        )
        .expect("static regex")
    });
    // Each shape needs one of these words: look before the regex runs.
    const WORDS: [&str; 13] = [
        " is ",
        "covers",
        "reports",
        "writes",
        "作者",
        "记者",
        "記者",
        "编辑",
        "編輯",
        "撰稿人",
        "研究员",
        "研究員",
        "负责",
    ];
    WORDS.iter().any(|w| text.contains(w))
        && text.split_whitespace().count() <= 60
        && char_len(text) <= 400
        && re.is_match(text.trim())
}

/// One line of a bulletin board's post header (folded): a label, a
/// space and a short value (`作者 someone`, `看板 stock`, `发信站 …`).
/// A web view that prints label and value in two spans glues them
/// (`看板stock`, `时间thu nov 20 …`): a value in Latin letters or
/// brackets may then follow the label directly.
fn is_board_header_line(folded: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(
            r"^(?:作者|看板|标题|标\s+题|时间|发信人|信区|发信站)(?:\s+\S|[a-z0-9\[(]).{0,78}$",
        )
        .expect("static regex")
    });
    let t = folded.trim();
    t.len() <= 320 && re.is_match(t) && !t.ends_with('。')
}

/// A follow button on its own line (`关注`, `+ Follow`, `訂閱`).
fn is_follow_button(folded: &str) -> bool {
    let t = folded.trim();
    if matches!(t, "+" | "＋") {
        return true;
    }
    let t = t.trim_start_matches(['+', '＋', ' ']).trim();
    matches!(
        t,
        "关注"
            | "已关注"
            | "关注作者"
            | "追踪"
            | "订阅"
            | "加入"
            | "follow"
            | "following"
            | "subscribe"
            | "join"
    )
}

impl MetadataFilter {
    /// In a dump, the short lines between the title and the first
    /// paragraph of prose are the post's or story's stamp: the author's
    /// name and handle, a level, counters, buttons (`勇者`, `GP 42`,
    /// `編輯`). A section heading or a numbered row among them (`前言`,
    /// `一、背景`, `1. 標的`) stays.
    fn under_title(&self, work: &mut Work) {
        let alive = work.alive();
        if !work.lines_only(&alive) {
            return;
        }
        let Some(title) = alive.iter().position(|&i| work.blocks[i].protected) else {
            return;
        };
        let Some(body) = alive[title + 1..]
            .iter()
            .position(|&i| {
                let t = &work.blocks[i].text;
                crate::chrome::is_body_paragraph(t)
                    && (has_inner_sentence_end(t) || t.trim_end().ends_with(is_sentence_end))
            })
            .map(|p| title + 1 + p)
        else {
            return;
        };
        // A level (`LV.32`) may hold a dot; a sentence ends with one.
        let short = |t: &str| {
            char_len(t) <= 12
                && !t.contains(['。', '！', '？', '；', '，', '、', ',', '：'])
                && !t.ends_with(['.', '!', '?'])
        };
        let heading = |t: &str| {
            static RE: OnceLock<Regex> = OnceLock::new();
            let re = RE.get_or_init(|| {
                Regex::new(r"^(?:[一二三四五六七八九十]{1,3}[、.]|\d{1,2}[.、]\s*\S|【[^】]+】$|(?:前言|引言|导语|導語|背景|摘要|概述)$)")
                    .expect("static regex")
            });
            re.is_match(t.trim())
        };
        let span = &alive[title + 1..body];
        // Two or more such lines, and nothing else between.
        if span.len() < 2 || !span.iter().all(|&i| short(work.blocks[i].text.trim())) {
            return;
        }
        let stamps: Vec<usize> = span
            .iter()
            .copied()
            .filter(|&i| !heading(&work.blocks[i].text))
            .collect();
        work.drop_unprotected(stamps, DropReason::Metadata);
    }

    /// A wire story's summary box above its first paragraph in a dump: a
    /// `Summary` or `Key points` label (maybe a `Companies` label after
    /// it) and one to five short points under it, then the story's long
    /// first paragraph. The points restate the story; they go with the
    /// labels.
    fn summary_box(&self, work: &mut Work) {
        let alive = work.alive();
        if !work.lines_only(&alive) {
            return;
        }
        let label = |t: &str| {
            matches!(
                t.trim().to_ascii_lowercase().as_str(),
                "summary" | "key points" | "key takeaways" | "companies"
            )
        };
        // The label may be gone already as a heading or a control's
        // label: it is looked up among all blocks.
        let Some(at) = work
            .blocks
            .iter()
            .position(|b| b.text.len() <= 16 && label(&b.text))
        else {
            return;
        };
        // `k`: the first line still here after the label; labels right
        // under it (`Companies`) belong to the box.
        let mut k = alive.partition_point(|&i| i <= at);
        while k < alive.len() && label(&work.blocks[alive[k]].text) {
            k += 1;
        }
        let labels: Vec<usize> = alive[alive.partition_point(|&i| i < at)..k].to_vec();
        // Up to five points; a heading (short, no sentence end) is the
        // story's own.
        let points = alive[k..]
            .iter()
            .take(5)
            .take_while(|&&i| {
                let t = work.blocks[i].text.trim();
                let n = char_len(t);
                n <= 160 && (n > 24 || t.ends_with(is_sentence_end))
            })
            .count();
        // The story's first long paragraph follows within a few lines (a
        // promo, a photo credit or a heading may stand between).
        let story = alive[k + points..]
            .iter()
            .take(4)
            .any(|&i| char_len(&work.blocks[i].text) > 160);
        // The box heads the page: within its first quarter of text.
        let above: usize = alive
            .iter()
            .take_while(|&&i| i < at)
            .map(|&i| char_len(&work.blocks[i].text))
            .sum();
        if (1..=5).contains(&points) && story && above * 4 <= work.alive_chars() {
            let mut drop = labels;
            drop.extend_from_slice(&alive[k..k + points]);
            work.drop_unprotected(drop, DropReason::Metadata);
        }
    }

    /// A bulletin board's post header: two or more `<label> <value>`
    /// lines in a row (`作者 someone (暱稱)`, `看板 Stock`, `標題 …`,
    /// `時間 Tue Nov 17 19:02:41 2026`).
    fn board_header(&self, work: &mut Work) {
        self.split_board_header(work);
        let alive = work.alive();
        let mut run: Vec<usize> = Vec::new();
        for (k, &i) in alive.iter().enumerate() {
            let b = &work.blocks[i];
            let header = !b.protected && is_board_header_line(&b.folded());
            if header {
                run.push(i);
            }
            if !header || k + 1 == alive.len() {
                if run.len() >= 2 {
                    for &j in &run {
                        if work.published.is_none() {
                            work.published = find_date(&work.blocks[j].text);
                        }
                        work.drop_block(j, DropReason::Metadata);
                    }
                }
                run.clear();
            }
        }
    }

    /// A board header printed one label per line, each over its value
    /// (`作者`, then `someone (暱稱)`): two or more such labels within a
    /// few lines make a header, and the author's and board's values go
    /// (the title's value is the headline, the time's a stamp).
    fn split_board_header(&self, work: &mut Work) {
        let label = |b: &crate::doc::Block| {
            b.text.len() <= 12
                && matches!(
                    b.folded().trim(),
                    "作者" | "看板" | "标题" | "时间" | "发信人" | "信区"
                )
        };
        let labels: Vec<usize> = (0..work.blocks.len().saturating_sub(1))
            .filter(|&i| label(&work.blocks[i]))
            .collect();
        for (n, &i) in labels.iter().enumerate() {
            let near = |j: Option<&usize>| j.is_some_and(|&j| j.abs_diff(i) <= 4);
            if !(near(labels.get(n + 1)) || n.checked_sub(1).is_some_and(|p| near(labels.get(p)))) {
                continue;
            }
            let value = &work.blocks[i + 1];
            let owner = matches!(
                work.blocks[i].folded().trim(),
                "作者" | "看板" | "发信人" | "信区"
            );
            if owner && value.alive && !value.protected && char_len(&value.text) <= 60 {
                work.drop_block(i + 1, DropReason::Metadata);
            }
        }
    }

    /// The account or author name, and a one-line bio under it, on the
    /// lines above a follow button.
    fn account_lines(&self, work: &mut Work) {
        let short = |b: &crate::doc::Block| {
            !b.protected
                && char_len(&b.text) <= 24
                && !has_inner_sentence_end(&b.text)
                && !b.text.trim_end().ends_with(is_sentence_end)
        };
        for i in work.alive() {
            if !short(&work.blocks[i]) {
                continue;
            }
            // A count of followers may stand between the name and the
            // button (`38.6萬 位訂閱者`).
            let button = (i + 1..work.blocks.len())
                .take(3)
                .find(|&j| !crate::stamp::is_count_line(&work.blocks[j].text));
            let above_button = button.is_some_and(|j| is_follow_button(&work.blocks[j].folded()));
            if !above_button {
                continue;
            }
            work.drop_block(i, DropReason::Metadata);
            // The name above a bio: a few characters, no punctuation.
            let bio = char_len(&work.blocks[i].text) >= 10;
            if let Some(above) = i.checked_sub(1).filter(|_| bio) {
                let b = &work.blocks[above];
                if b.alive && short(b) && char_len(&b.text) <= 12 && !b.text.contains(['，', ','])
                {
                    work.drop_block(above, DropReason::Metadata);
                }
            }
        }
    }

    /// A bare tags label (`標籤`, `Tags`) and the one-word lines under it.
    fn tag_lists(&self, work: &mut Work) {
        let alive = work.alive();
        for (k, &i) in alive.iter().enumerate() {
            let b = &work.blocks[i];
            if b.text.len() > 24
                || !matches!(
                    b.folded().trim().trim_end_matches([':', '：']),
                    "标签"
                        | "相关标签"
                        | "关键字"
                        | "关键词"
                        | "tags"
                        | "topics"
                        | "suggested topics"
                )
            {
                continue;
            }
            let tags: Vec<usize> = alive[k + 1..]
                .iter()
                .copied()
                .take_while(|&j| {
                    let t = work.blocks[j].text.trim();
                    let n = char_len(t);
                    n <= 24 && t.split_whitespace().count() <= 3 && !t.ends_with(is_sentence_end)
                })
                .collect();
            if tags.len() >= 2 {
                work.drop_block(i, DropReason::Metadata);
                for j in tags {
                    if !work.blocks[j].protected {
                        work.drop_block(j, DropReason::Metadata);
                    }
                }
            }
        }
    }

    /// A post's author printed as a name over a handle (`Jane Roe`, then
    /// `@janeroe`): both lines are who posted, not what.
    fn name_over_handle(&self, work: &mut Work) {
        for i in work.alive() {
            let b = &work.blocks[i];
            if b.protected || !is_handle_line(&b.text) {
                continue;
            }
            work.drop_block(i, DropReason::Metadata);
            if let Some(above) = i.checked_sub(1) {
                let name = &work.blocks[above];
                if name.alive && !name.protected && is_person_name(&name.text) {
                    work.drop_block(above, DropReason::Metadata);
                }
            }
        }
    }

    /// On a company's Q&A board every question and answer is printed
    /// under who wrote it: the asker's masked handle (`投资者_u8k2****27`)
    /// above `问：…`, the company's name above `答：…`. Those name lines
    /// are who wrote, not what.
    fn qa_board_names(&self, work: &mut Work) {
        let alive = work.alive();
        let led = |i: usize, marks: &[&str]| {
            let t = work.blocks[i].text.trim_start();
            marks.iter().any(|m| t.starts_with(m))
        };
        let mut names = Vec::new();
        for (k, &i) in alive.iter().enumerate() {
            let Some(&next) = alive.get(k + 1) else {
                break;
            };
            let t = work.blocks[i].text.trim();
            let short_name = char_len(t) <= 24
                && !t.contains(char::is_whitespace)
                && !t.ends_with(is_sentence_end);
            if work.blocks[i].protected || !short_name {
                continue;
            }
            let asker = is_masked_handle(t) && led(next, &["问：", "问:", "問：", "問:"]);
            let answerer = led(next, &["答：", "答:"])
                && k > 0
                && led(alive[k - 1], &["问：", "问:", "問：", "問:"]);
            if asker || answerer {
                names.push(i);
            }
        }
        for i in names {
            work.drop_block(i, DropReason::Metadata);
        }
    }

    /// A byline printed as the reporter's name over their role (`Jane Roe`,
    /// then `Reporter`).
    fn name_over_role(&self, work: &mut Work) {
        for i in 1..work.blocks.len() {
            let role = &work.blocks[i];
            if role.text.len() > 48 || !is_role_line(&role.folded()) {
                continue;
            }
            // The name may be gone already (a list of topics above it took
            // it as one more topic).
            let name = &work.blocks[i - 1];
            if !name.protected && is_person_name(&name.text) {
                for j in [i - 1, i] {
                    if work.blocks[j].alive {
                        work.drop_block(j, DropReason::Metadata);
                    }
                }
            }
        }
    }

    /// The last paragraphs may be a note about the author; earlier, such a
    /// sentence is the article's own (`Jane Roe is an analyst at …` quoted).
    fn author_bio(&self, work: &mut Work) {
        let alive = work.alive();
        for &i in alive.iter().rev().take(2) {
            if !work.blocks[i].protected && is_author_bio(&work.blocks[i].text) {
                work.drop_block(i, DropReason::Metadata);
            }
        }
    }

    fn title(&self, work: &mut Work) {
        let alive = work.alive();
        // a subtitle file has no headline line: its first cue is speech
        if alive.is_empty() || work.spoken {
            return;
        }
        let page_chinese = work.lang.is_chinese();
        if let Some(t) = work.title.clone() {
            // HTML: the title came from the page head; protect its line.
            for &i in alive.iter().take(3) {
                if work.blocks[i].text.trim() == t.trim() {
                    work.blocks[i].protected = true;
                }
            }
            return;
        }
        // The browser's title (`<headline>_<site>`, `<headline> - <site>`)
        // on the first line, above the headline itself, is metadata; the
        // headline it names is the title.
        let named = alive
            .iter()
            .skip(1)
            .take(2 * HEAD_LINES)
            .copied()
            .find(|&b| is_page_title_of(&work.blocks[alive[0]].text, &work.blocks[b].text));
        if let Some(b) = named {
            work.drop_block(alive[0], DropReason::Metadata);
            work.blocks[b].protected = true;
            work.title = Some(strip_column_prefix(&work.blocks[b].text));
            return;
        }

        // The headline is the longest title-like line before the first
        // body paragraph; shorter title-like lines above it are a site
        // banner or a section label (`Site Name Daily`, then the menu).
        // A long Chinese headline listing names (`、`) or asking a
        // question reads as a paragraph; it does not end the head.
        // A page-title line at the very top with commas but no sentence
        // end does not end it either.
        let first_body = alive
            .iter()
            .enumerate()
            .position(|(k, &i)| {
                let t = &work.blocks[i].text;
                crate::chrome::is_body_paragraph(t)
                    && !is_chinese_headline(t)
                    && !is_english_headline(t)
                    && (k > 0 || has_inner_sentence_end(t) || t.ends_with(is_sentence_end))
            })
            .unwrap_or(alive.len());
        // Menu items (a word or two) do not use up the window: a dump may
        // open with a long menu above its headline.
        let mut window = 0;
        let mut counted = 0;
        while window < first_body && counted < HEAD_LINES {
            if !is_menu_item(&work.blocks[alive[window]].text) {
                counted += 1;
            }
            window += 1;
        }
        window = reach_headline_past_menu(work, &alive, window, first_body);
        let head: Vec<usize> = alive[..window]
            .iter()
            .copied()
            .filter(|&i| {
                let b = &work.blocks[i];
                is_title_like(&b.text) && !is_meta_line_folded(&b.text, &b.folded())
            })
            .collect();
        let first = alive[0];
        let chosen = head
            .iter()
            .copied()
            // On a Chinese page an all-Latin banner (the agency's English
            // name) does not outweigh a Chinese headline.
            .max_by_key(|&i| {
                let t = &work.blocks[i].text;
                let latin_only = page_chinese && crate::script::han_count(t) == 0;
                let len = if latin_only {
                    char_len(t) / 3
                } else {
                    char_len(t)
                };
                (len, std::cmp::Reverse(i))
            })
            .filter(|_| head.first() == Some(&first))
            .unwrap_or(first);
        if is_title_like(&work.blocks[chosen].text) {
            for &i in head.iter().take_while(|&&i| i < chosen) {
                work.drop_block(i, DropReason::Chrome);
            }
            work.blocks[chosen].protected = true;
            work.title = Some(strip_column_prefix(&work.blocks[chosen].text));
        }
        let first = chosen;
        // A trailing short line in the other script with no sentence
        // punctuation is the original headline, not body.
        if alive.len() >= 2 {
            let last = alive[alive.len() - 1];
            let t = work.blocks[last].text.clone();
            if is_title_like(&t) && is_chinese_text(&t) != page_chinese {
                if work.title.is_none() || !work.blocks[first].protected {
                    work.title = Some(strip_column_prefix(&t));
                }
                work.drop_block(last, DropReason::Metadata);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qa_board_names_go_and_the_question_and_answer_stay() {
        let q = "问：请问公司新一代加速卡目前是否已经量产出货？";
        let a = "答：尊敬的投资者，您好！公司新一代产品已实现规模化交付，感谢您的关注！";
        let mut w = Work::new(
            [
                "投资者_u8k2****27",
                q,
                "某某信息",
                a,
                "某某信息",
                "另一段正文，某某信息今年以来第三次回应相关提问。",
            ]
            .iter()
            .map(|t| crate::doc::Block::new(t.to_string(), BlockKind::Line))
            .collect(),
        );
        MetadataFilter.qa_board_names(&mut w);
        assert_eq!(
            w.alive_texts(),
            vec![
                q,
                a,
                "某某信息",
                "另一段正文，某某信息今年以来第三次回应相关提问。"
            ]
        );
        assert!(is_masked_handle("138****5678") && is_masked_handle("用户_ab****9"));
        assert!(!is_masked_handle("****") && !is_masked_handle("a *** b"));
    }

    #[test]
    fn a_table_source_alone_is_a_credit() {
        for line in [
            "資料來源：台積電法說會、法人報告　製表：某某",
            "数据来源：公司公告",
            "製表：王某某",
            "制图：李四",
        ] {
            assert!(is_credit_line(line), "{line}");
        }
        assert!(!is_credit_line("製表：本報整理的各季出貨，單位萬顆。"));
        assert!(!is_credit_line("资料来源显示，公司去年收入增长三成。"));
        assert!(!is_credit_line(
            "数据来源：公司公告。此外，公司预计明年增长。"
        ));
    }

    #[test]
    fn stock_photo_credits() {
        assert!(is_credit_line("Photo by Jo Roe on Unsplash"));
        assert!(is_credit_line("Illustration: Jo Roe/Example News"));
        assert!(is_credit_line(
            "Data: Example Statistics Office; Chart: Example Visuals"
        ));
        assert!(is_credit_line("Image by Ann Example via Pexels"));
        assert!(!is_credit_line(
            "Photo by Jo Roe, taken at the plant in May"
        ));
        assert!(is_credit_line("▲ 表格：某某整理") && !is_credit_line("表：營收與毛利率"));
        assert!(is_meta_line("王小明／新竹報導") && !is_meta_line("營收／毛利率雙雙創下新高"));
    }

    #[test]
    fn numeric_dates_alone() {
        assert!(is_meta_line("11/02/2026") && is_meta_line("02.11.2026"));
        assert!(is_meta_line("Published 11/02/2026, 09:15 AM"));
        assert!(is_meta_line("Updated: 02.11.2026 17:40"));
        assert!(!is_meta_line("Published 11 reports on the chip"));
        assert!(!is_numeric_date("11/02") && !is_numeric_date("1/2/3/2026"));
        assert!(!is_numeric_date("2026/11/02 rules"));
    }

    #[test]
    fn english_headlines_as_long_as_paragraphs() {
        assert!(is_english_headline(
            "Example Corp Signs Multi-Year Supply Agreement with Leading Cloud Provider, Introduces New Memory Architecture"
        ));
        assert!(!is_english_headline(
            "Example Corp signed a multi-year supply agreement with a leading cloud provider, the company said"
        ));
        assert!(!is_english_headline(
            "Example Corp Signs Multi-Year Supply Agreement With Leading Cloud Provider For Memory."
        ));
    }

    #[test]
    fn english_date_and_post_signature_lines() {
        for meta in [
            "4 March 2025",
            "Published July 9 2025",
            "Updated Nov. 3, 2025 at 5:10 p.m. ET",
            "3 March 2026, 06:00 GMT | Updated 3 March 2026, 14:25 GMT",
            "— Dana Whit (@dwhit_chips) May 2, 2025",
            "March 3, 2026 7:05 AM GMT+8Updated 4 hours ago",
            "7:15 AM · Oct 2, 2025",
            "Price as of October 7, 2026, 4:00 p.m. ET",
            "2025-10-08 某某日報 B2版 產業",
            "2025年10月8日 21:30 发表于北京",
        ] {
            assert!(is_meta_line_folded(meta, &fold(meta)), "{meta}");
        }
        for prose in [
            "In November 2026 the company shipped its first accelerator.",
            "Shipments rose 20% in November 2026.",
        ] {
            assert!(!is_meta_line_folded(prose, &fold(prose)), "{prose}");
        }
    }

    #[test]
    fn a_research_notes_header_lines_are_metadata() {
        for meta in [
            "Rating: Positive (unchanged)",
            "Rating: Positive Ticker: AVGO Price (3/3 close): $341.27 Market cap: $1.61 trillion",
            "Price (3/3 close): $341.27",
            "Jane Roe, CFA · jane@example.com · +1 (646) 555-0100",
            "CONFIDENTIAL – FOR INSTITUTIONAL CLIENTS ONLY.",
            "DRAFT v3 – do not forward.",
            "CONFIDENTIAL – FOR INSTITUTIONAL CLIENTS ONLY. DRAFT v3 – do not forward.",
        ] {
            assert!(is_note_header_line(meta), "{meta}");
        }
        for body in [
            "Price: that is what buyers ask about first, and the answer has changed twice this year.",
            "Send tips to the desk. We read everything, and we protect our sources.",
            "Security: confidential-computing support with per-tenant memory encryption",
            "某某 Chip Hunter（@chiphunter.tw）在 Threads 上：「最近跑了一趟」",
        ] {
            assert!(!is_note_header_line(body), "{body}");
        }
    }

    #[test]
    fn a_posts_client_line_and_a_releases_clock_time_are_metadata() {
        for meta in [
            "11-26 08:47 来自 iPhone客户端",
            "來自 Android",
            "香港時間16時30分",
        ] {
            assert!(is_post_source_line(meta), "{meta}");
        }
        assert!(!is_post_source_line("这批芯片来自台积电的南科工厂"));
    }

    #[test]
    fn an_interview_turn_after_the_reporters_label_is_not_a_byline() {
        for turn in [
            "记者：那国产芯片接得住吗？",
            "記者：最後請你對明年做幾個預測。",
            "主持人：谢谢林院长。",
        ] {
            assert!(!is_meta_line_folded(turn, &fold(turn)), "{turn}");
        }
        for meta in ["记者：周晓岚", "记者：张三 李四"] {
            assert!(is_meta_line_folded(meta, &fold(meta)), "{meta}");
        }
    }

    #[test]
    fn piped_chinese_bylines_and_place_lines() {
        for meta in [
            "晨讯财经记者 | 周明远",
            "晨讯财经编辑｜何静",
            "晨讯财经2025-03-08 09:40发布于杭州",
        ] {
            assert!(is_meta_line_folded(meta, &fold(meta)), "{meta}");
        }
        let prose = "公司编辑部表示，新产品将在2026-11-19发布。";
        assert!(!is_meta_line_folded(prose, &fold(prose)), "{prose}");
    }

    #[test]
    fn dates_normalise() {
        assert_eq!(
            find_date("发布时间:2025-10-25 10:20").as_deref(),
            Some("2025-10-25T10:20")
        );
        assert_eq!(find_date("2025年9月6日").as_deref(), Some("2025-09-06"));
        assert_eq!(find_date("12345-99-99"), None);
    }

    #[test]
    fn meta_lines() {
        assert!(is_meta_line("責任編輯:某某財經網"));
        assert!(is_meta_line("本文重點：兩家公司明年的接單將決定消長。"));
        assert!(is_meta_line("Photograph: Jane Roe/Example Daily"));
        assert!(is_meta_line("2024-03-02 10:15:00來源:東岸經濟日報"));
        assert!(is_meta_line("By Jane Doe"));
        assert!(is_meta_line("Tue 3 Mar 2026 // 14:05 UTC"));
        assert!(is_meta_line("Friday, March 6, 2026 | 9:30 am"));
        assert!(is_meta_line("Thu Mar 5 09:58:21 2026"));
        assert!(is_meta_line("March 4, 2026 9:42 AM GMT+9"));
        assert!(is_meta_line("Updated 3 hours ago"));
        assert!(is_meta_line(
            "March 4, 2026 9:42 AM GMT+9 Updated 2 hours ago"
        ));
        assert!(is_meta_line(
            "(Updates with analyst comment in third paragraph.)"
        ));
        assert!(!is_meta_line(
            "图：2024-2026年某类芯片季度出货量测算（单位：万张）"
        ));
        assert!(is_meta_line("图：某某社"));
        // A paragraph ending with its editor's credit keeps its text.
        let mut w = Work::of_lines(
            &["公司表示，計畫將自12月1日起受理申請，收件至2026年1月31日止，預計核定15至20案。（編輯：王小明）1141120"],
            crate::doc::BlockKind::Line,
        );
        MetadataFilter.run(&mut w);
        assert_eq!(w.alive(), vec![0]);
        assert!(
            w.blocks[0].text.ends_with("預計核定15至20案。"),
            "{}",
            w.blocks[0].text
        );
        assert!(!is_credit_line(
            "图：2024-2026年某类芯片季度出货量测算（单位：万张）"
        ));
        assert!(!is_credit_line("图：某公司近八个季度营收及净利润变化"));
        assert!(is_credit_line("图：某某社记者 张三 摄"));
        assert!(is_credit_line("某某社記者王小明攝 114年11月20日"));
        assert!(!is_credit_line("他攝影多年，作品屢獲獎項。"));
        assert!(!is_meta_line("By 2030, AI chips will be everywhere."));
        assert!(is_meta_line(
            "This article was updated to correct the name of the fab’s operator."
        ));
        assert!(is_meta_line("本文轉載自晶片週報,作者:林小青"));
        assert!(!is_meta_line(
            "今年第三季,本地伺服器晶片在推論領域的出貨成長顯著。"
        ));
        assert!(!is_meta_line("多家雲端業者加碼自研晶片"));
    }

    #[test]
    fn credits() {
        assert!(is_credit_line("(封面圖源:某某AI繪圖)"));
        assert!(is_credit_line("Image: A rack of inference servers"));
        assert!(!is_credit_line("▲某新創公司的推論晶片樣品XR7"));
        assert!(!is_credit_line(
            "图为某型训练加速卡（图片来源：某某科技官网）"
        ));
        assert!(!is_credit_line("某型推理加速卡样品。图片来源：某某科技"));
    }

    #[test]
    fn a_bracketed_byline_leading_a_paragraph_goes() {
        let mut w = Work::new(vec![
            crate::doc::Block::new(
                "【文/某网 某人】据路透社报道，美国商务部正酝酿新一轮出口管制措施。",
                BlockKind::Para,
            ),
            crate::doc::Block::new(
                "【重磅】某公司发布新一代芯片，性能提升一倍。",
                BlockKind::Para,
            ),
        ]);
        bracketed_byline_leads(&mut w);
        assert_eq!(
            w.alive_texts(),
            vec![
                "据路透社报道，美国商务部正酝酿新一轮出口管制措施。",
                "【重磅】某公司发布新一代芯片，性能提升一倍。"
            ]
        );
    }

    #[test]
    fn author_bios() {
        assert!(is_author_bio(
            "Jane Roe covers Korean technology stocks for Example Markets from Seoul. She previously reported on memory chips for a business daily."
        ));
        assert!(!is_author_bio(
            "Example Corp covers half of the market. Analysts expect that share to grow."
        ));
        assert!(is_author_bio(
            "— Dana Whitfield is a senior correspondent at Wafer Weekly covering memory. She spent a decade in fab operations."
        ));
        assert!(is_author_bio(
            "Tom Ng is the semiconductor editor of Example Daily."
        ));
        assert!(is_author_bio("（作者系某产业研究院高级分析师）"));
        // the site named in the possessive
        assert!(is_author_bio(
            "Jane Roe is Example Post's senior data-centre reporter. She spent eight years in Taipei."
        ));
        assert!(!is_author_bio(
            "Bernstein analyst Dana Whitfield said the deal values the company at $12 billion."
        ));
        assert!(!is_author_bio(
            "Nvidia is the largest buyer of HBM, analysts said."
        ));
    }

    #[test]
    fn bylines() {
        assert!(is_byline("南方晨报记者 陈一鸣"));
        assert!(is_byline("北岸日報 記者吳小明／新竹報導2024-05-06 08:15"));
        assert!(is_byline("本报记者 刘洋、通讯员 何平"));
        assert!(is_byline("■本報記者 梁某某"));
        assert!(is_byline("某报记者|林某某 某报编辑|吴某某"));
        assert!(!is_byline("某报记者|林某某 表示，订单增长"));
        assert!(is_byline("東岸財訊記者王小明 高雄"));
        assert!(is_dated_row("原创 2024-03-02 10:15 · 某某科技 · 来自上海"));
        assert!(!is_dated_row("2024-03-02 10:15 某某科技"));
        assert!(!is_dated_row(
            "营收 · 利润 · 2024-03-02 公布，同比增长两成。其余持平。"
        ));
        assert!(is_meta_line("文／林小青"));
        assert!(is_meta_line("February 16th, 2026 - By: Jane Roe"));
        assert!(is_meta_line("16 Feb 2026 | by Jane van Roe"));
        assert!(is_meta_line("February 16th, 2026 - By: [25]Jane Roe"));
        assert!(is_meta_line("By: Jane Roe"));
        assert!(is_meta_line("Posted by u/memory_watcher"));
        assert!(!is_meta_line(
            "February 16th, 2026 - By then the fab had shipped twice as many."
        ));
        assert!(!is_byline("记者从会上获悉，这款芯片将于明年量产。"));
        assert!(!is_byline(
            "记者了解到，公司订单已排到明年三月，产能十分紧张"
        ));
    }

    #[test]
    fn bracketed_source_names_after_a_caption() {
        let cut = |t: &str| name_credit_tail(t).map(|r| t[..r.start].trim_end().to_string());
        assert_eq!(
            cut("Engineers inspect a test board in Seoul on Monday. (Example Photo Agency)")
                .as_deref(),
            Some("Engineers inspect a test board in Seoul on Monday.")
        );
        assert_eq!(
            cut("工程师在实验室检查样片。（东岸社）").as_deref(),
            Some("工程师在实验室检查样片。")
        );
        assert_eq!(cut("The H200 board (left) next to the H100."), None);
        assert_eq!(cut("The new card ships in March (pictured)."), None);
    }

    #[test]
    fn caption_credit_tails() {
        let cut = |t: &str| credit_tail(t).map(|r| t[..r.start].trim_end().to_string());
        assert_eq!(
            cut("Shipments by quarter, 2024 to 2026. Chart by the author.").as_deref(),
            Some("Shipments by quarter, 2024 to 2026.")
        );
        assert_eq!(
            cut("A wafer at the fab. Photo by Jane Roe").as_deref(),
            Some("A wafer at the fab.")
        );
        assert_eq!(cut("The chart shows shipments by region."), None);
        assert_eq!(
            cut("某型加速卡及其液冷模组图片来源：某某云").as_deref(),
            Some("某型加速卡及其液冷模组")
        );
        assert_eq!(
            cut("新品样机。图片来源：公司官网").as_deref(),
            Some("新品样机。")
        );
        assert_eq!(
            cut("工廠外觀。圖／本報資料照").as_deref(),
            Some("工廠外觀。")
        );
        assert_eq!(
            cut("展会现场。本报记者 张伟 摄").as_deref(),
            Some("展会现场。")
        );
        assert_eq!(cut("新機亮相。（影片截圖）").as_deref(), Some("新機亮相。"));
        assert_eq!(
            cut("Crews at the new line. PHOTO: JANE ROE/EXAMPLE PRESS AGENCY/PICTURE DESK")
                .as_deref(),
            Some("Crews at the new line.")
        );
        assert_eq!(
            cut("機房一景。記者王某某攝（資料照）").as_deref(),
            Some("機房一景。")
        );
        assert_eq!(
            cut("A wafer at the plant. (Photo: Acme Corp)").as_deref(),
            Some("A wafer at the plant.")
        );
        assert_eq!(
            cut("A rack on show in Austin. Jane Roe | Getty Images").as_deref(),
            Some("A rack on show in Austin.")
        );
        assert_eq!(cut("公司营收增长三成。利润同比翻倍。"), None);
        assert_eq!(cut("Revenue rose 5% (from a year earlier)"), None);
        assert!(is_credit_line("John Doe | Getty Images"));
        assert!(!is_credit_line("Sales rose | analysts cheered"));
    }

    #[test]
    fn a_signed_headline_ends_a_long_head_of_menus() {
        let mut page = String::from("Skip to main content\n");
        for item in [
            "World",
            "Business",
            "Markets",
            "Technology",
            "Israel and Hamas at War",
            "Ukraine and Russia at War",
            "Browse Business",
            "Future of Money",
            "Carbon Markets",
            "Emerging Markets",
            "Sign up for our daily newsletter",
            "Register for free access to more articles",
            "Boards, Policy & Regulation",
            "Land Use & Biodiversity",
            "Sustainable Finance & Reporting",
            "Society and Equity at Work",
            "Technology",
            "Artificial Intelligence",
        ] {
            page.push_str(item);
            page.push('\n');
        }
        page.push_str(
            "Regulators clear two chipmakers to ship accelerators to Gulf data centers\n",
        );
        page.push_str("By Jo Roe and Ann Poe\n5 min read\nSummary\n");
        page.push_str("Licenses cover seventy thousand accelerators for two buyers\n");
        page.push_str("Buyers must reserve capacity for domestic firms, allow audits\n");
        for n in 1..=4 {
            page.push_str(&format!("Paragraph {n}: the licenses cover tens of thousands of accelerators, and each buyer must keep a share of the capacity for domestic firms, officials said.\n"));
        }
        let lines: Vec<&str> = page.lines().collect();
        let mut w = Work::of_lines(&lines, BlockKind::Line);
        above_signed_headline(&mut w);
        let kept = w.alive_texts();
        assert!(
            kept[0].starts_with("Regulators clear two chipmakers"),
            "{kept:?}"
        );
        assert!(!kept
            .iter()
            .any(|t| t.contains("Hamas") || t.contains("Register for free")));
        assert_eq!(
            w.title.as_deref(),
            Some("Regulators clear two chipmakers to ship accelerators to Gulf data centers")
        );
        // through the whole chain the headline stays once and the menus go
        let doc = crate::clean("dump", &page);
        assert!(
            doc.text.starts_with("Regulators clear two chipmakers"),
            "{}",
            doc.text
        );
        assert!(!doc.text.contains("Hamas"));
    }

    #[test]
    fn a_blurb_in_a_brand_list_goes_with_it() {
        let mut page = String::from("Skip to Main Content\nAbout Us\n");
        page.push_str("Example Group is a global, diversified media company focused on creating and distributing news and information products.\n");
        for item in [
            "Daily Ledger",
            "Weekly Markets",
            "Money Watch",
            "Investor Daily",
            "Factbase",
            "Newswires",
            "Risk & Compliance",
            "Mansion Pages",
            "Financial News",
        ] {
            page.push_str(item);
            page.push('\n');
        }
        for item in ["Latest", "World", "Business", "Tech", "TECH", "AI"] {
            page.push_str(item);
            page.push('\n');
        }
        page.push_str("Foundry Raises Prices for Chip Packaging as Demand Swamps Capacity\n");
        for n in 1..=4 {
            page.push_str(&format!("Paragraph {n}: the foundry told customers it would charge more next year for its packaging, according to people familiar with the matter.\n"));
        }
        let doc = crate::clean("dump", &page);
        assert!(
            !doc.text.contains("diversified media company"),
            "{}",
            doc.text
        );
        assert!(doc.text.contains("Paragraph 4:"));
    }

    #[test]
    fn a_dump_head_with_an_asking_headline_a_meta_row_and_an_account() {
        let body =
            "某晶片廠明年的先進封裝產能會再加三成，訂單已經排到年底，供應鏈普遍認為價格不會回落。";
        let lines = [
            "某某討論區",
            "【長文】晶片股點揀？甲公司、乙公司、丙公司逐隻拆解",
            "某版 · 1,284 回覆 · 4.2萬 瀏覽",
            "某科技觀察",
            "關注",
            body,
            body,
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        MetadataFilter.run(&mut w);
        let alive: Vec<&str> = w.alive().iter().map(|&i| &*w.blocks[i].text).collect();
        assert_eq!(alive, vec![lines[1], lines[4], body, body]);
        assert!(w.title.as_deref().is_some_and(|t| t.contains("逐隻拆解")));
    }

    #[test]
    fn everything_above_a_posts_own_head_goes() {
        let body = "這季營收年增三成，主要來自新一代伺服器機櫃，法人估明年出貨還會再成長兩成以上。";
        let lines = [
            "某論壇",
            "[分享] 伺服器供應鏈懶人包（組裝、散熱、電源一次看）",
            "整理了十多檔供應鏈個股的營收占比與客戶結構，從這一代到下一代的出貨節奏都有…",
            "看板規則",
            "1. 禁止報明牌、喊單或推銷投顧，違者永久禁言",
            "發文",
            "[分享] 概念股還能追嗎？整理四檔供應鏈個股最新數字",
            "某某大學",
            "3月18日 22:41",
            "先說我不是分析師，只是自己整理的筆記，有錯歡迎指正",
            body,
            body,
            body,
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        above_post_head(&mut w);
        assert_eq!(w.alive(), vec![6, 8, 9, 10, 11, 12]);
        // Prose above the headline: the article began there.
        let lines = [
            body,
            "[分享] 概念股還能追嗎？整理四檔供應鏈個股最新數字",
            "3月18日 22:41",
            body,
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        above_post_head(&mut w);
        assert_eq!(w.alive(), vec![0, 1, 2, 3]);
    }

    #[test]
    fn short_stamp_lines_under_a_dumps_title_go() {
        let body = "上個月入手新筆電，把大家最常問的問題一次整理，也順便借了同事的機器一起比較。";
        let lines = [
            "【心得】新筆電用了一個月：到底有沒有用？附跑分實測",
            "#1 樓主",
            "某某網友",
            "LV.32",
            "GP 42",
            "前言",
            body,
            body,
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        MetadataFilter.run(&mut w);
        assert_eq!(w.alive(), vec![0, 5, 6, 7]);
        // A form row under the title is the post's own.
        let lines = ["[標的] 某公司 多", "1. 標的：1234 某公司", "某某網友", body];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        MetadataFilter.run(&mut w);
        assert!(w.alive().contains(&1));
    }

    #[test]
    fn a_qa_answer_starts_under_its_upvote_line() {
        let body = "谢邀，正好上个月做完两边的对比测试，说一下实际情况，结论放在最后。";
        let lines = [
            "首页",
            "推理集群该选哪一家的加速卡？两边都能拿到货",
            "公司准备上一批推理集群，预算大约五百万，想问问有实际部署经验的朋友，差别到底有多大？",
            "关注问题",
            "某某",
            "1,024 人赞同了该回答",
            body,
            body,
            body,
            body,
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        above_post_head(&mut w);
        assert_eq!(w.alive(), vec![1, 6, 7, 8, 9]);
    }

    #[test]
    fn a_post_under_the_pages_name_again_starts_there() {
        let body = "這季營收年增三成，主要來自新一代伺服器機櫃，法人估明年出貨還會再成長兩成以上。";
        let lines = [
            "某社群",
            "某某財經 王小明",
            "4.8萬位追蹤者",
            "簡介",
            "專注半導體產業研究十年，不報明牌、只談數字。",
            "某某財經 王小明",
            "3月2日 08:15 ·",
            "【標題】",
            body,
            body,
            body,
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        above_post_head(&mut w);
        assert_eq!(w.alive(), vec![7, 8, 9, 10]);
        // A relative time keeps its separator; a bare count is no time.
        for (stamp, alive) in [("2 天 · ", vec![6, 7, 8]), ("2 天", (0..9).collect())] {
            let lines = [
                "某社群",
                "某某財經 王小明",
                "4.8萬位追蹤者",
                "簡介",
                "某某財經 王小明",
                stamp,
                body,
                body,
                body,
            ];
            let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
            above_post_head(&mut w);
            assert_eq!(w.alive(), alive, "{stamp}");
        }
    }

    #[test]
    fn a_wire_storys_summary_box() {
        let story = "OSAKA, March 3 (Example) - Example Memory said on Tuesday it would add a third assembly hall to its test site, lifting the project budget to about 410 billion yen as orders from accelerator makers keep growing.";
        let lines = [
            "Example Memory raises packaging budget",
            "Summary",
            "Companies",
            "Plant budget raised by about a third on demand",
            "Second production line to lift capacity by 40%",
            story,
            story,
        ];
        let mut w = Work::of_lines(&lines, BlockKind::Line);
        MetadataFilter.summary_box(&mut w);
        assert_eq!(w.alive(), vec![0, 5, 6]);
        // A `Summary` heading late in the text is the article's.
        let late = [story, story, story, story, "Summary", "Short point", story];
        let mut w = Work::of_lines(&late, BlockKind::Line);
        MetadataFilter.summary_box(&mut w);
        assert_eq!(w.alive().len(), late.len());
    }

    #[test]
    fn board_headers_and_clock_lines() {
        let body =
            "某晶片廠明年的先進封裝產能會再加三成，訂單已經排到年底，供應鏈普遍認為價格不會回落。";
        let lines = [
            "作者 someone (某暱稱)",
            "看板 Stock",
            "時間 Tue Nov 17 19:02:41 2026",
            body,
            "作者 表示，明年再擴產。",
            body,
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        MetadataFilter.run(&mut w);
        assert_eq!(
            w.alive(),
            vec![3, 4, 5],
            "a lone label line is not a header"
        );
        // A web view's spans glue label and value; a sentence that opens
        // with a label word does not join them.
        let lines = [
            "作者someone (某暱稱)",
            "看板Chips",
            "標題[新聞] 某廠擴產",
            "時間Wed Mar 4 08:15:00 2026",
            body,
            "時間就是產能，某廠今年再加一條線。",
            "作者認為，價格不會回落。",
            body,
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        MetadataFilter.run(&mut w);
        assert_eq!(w.alive(), vec![4, 5, 6, 7]);
    }

    #[test]
    fn credits_roles_and_split_board_headers() {
        for credit in [
            "— Example Press writers Jane Roe in Seoul contributed to this report.",
            "Reporting by Jane Roe in Beijing; Additional reporting by John Doe; Editing by Sam Poe",
            "（实习生王某对本文亦有贡献）",
        ] {
            assert!(is_contribution_credit(credit), "{credit}");
        }
        assert!(!is_contribution_credit(
            "Analysts said the reporting by the company was thin."
        ));
        assert!(is_author_bio(
            "Jane Roe writes about memory makers from Seoul, with a focus on packaging."
        ));
        assert!(is_original_label("原创 某某编辑部 某某观察"));
        assert!(is_stamped_label("09:05主持人 某台·某某") && is_stamped_label("10:32 Editor"));
        assert!(!is_stamped_label("10:32 营收增长三成，超出预期"));
        let body = "这期视频讲国产算力芯片的现状，数据来自公司公告与研究机构，欢迎大家讨论。";
        let lines = [
            body,
            "视频章节：",
            "00:00 开场",
            "03:15 芯片性能",
            "07:38 工艺与良率",
            body,
            "09:05主持人 某台",
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        MetadataFilter.run(&mut w);
        assert_eq!(w.alive(), vec![0, 1, 2, 3, 4, 5]);
        let caption = "A worker checks wafers at a plant near Daejeon on May 9. (Yonhap)";
        assert_eq!(
            agency_credit_tail(caption).map(|r| &caption[r]),
            Some("(Yonhap)")
        );
        assert!(agency_credit_tail("The firm (Example Corp) said so.").is_none());
        assert!(is_author_bio("某報產業組記者，長期關注封裝與材料供應鏈。"));
        assert!(!is_original_label("原创药企今年的研发投入，增长了三成。"));
        assert!(is_title_like(
            "Example state steers data centres away from foreign chips as U.S. rules tighten"
        ));
        assert!(!is_title_like("Shares fell. Analysts cut targets"));

        let body =
            "某晶片廠明年的先進封裝產能會再加三成，訂單已經排到年底，供應鏈普遍認為價格不會回落。";
        let lines = [
            "作者",
            "someone (某暱稱)",
            "看板",
            "Stock",
            "標題",
            "[標的] 某公司 多",
            body,
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        for i in [0, 2, 4] {
            w.drop_block(i, DropReason::Chrome);
        }
        MetadataFilter.run(&mut w);
        let alive: Vec<_> = w.alive_texts();
        assert_eq!(alive, vec!["[標的] 某公司 多", body]);

        let lines = [body, "標籤", "HBM4", "台積電", "記憶體", body];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        MetadataFilter.run(&mut w);
        assert_eq!(w.alive(), vec![0, 5], "a tags label and its tags");
        let lines = [
            body,
            "Topics",
            "Edge Devices",
            "Chips & Systems",
            "Intel",
            body,
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        MetadataFilter.run(&mut w);
        assert_eq!(w.alive(), vec![0, 5], "topics of two or three words");

        let en = "The company said revenue rose sharply in the quarter, and its shares gained in early trade on Friday.";
        let lines = [
            en,
            "Jane Roe",
            "@janeroe_chips",
            "7:15 AM · Oct 2, 2025",
            en,
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        MetadataFilter.run(&mut w);
        assert_eq!(w.alive(), vec![0, 4]);
        assert!(is_handle_line("@jane_roe.42") && !is_handle_line("@ the fab"));
        assert!(is_located_byline(
            "Jane Roe in Phoenix and John Doe in Taipei"
        ));
        assert!(is_role_line("senior data center reporter") && is_role_line("reporter"));
        assert!(
            !is_role_line("letter to the editor, 2025") && !is_role_line("the chip reporter said")
        );
        assert!(!is_located_byline("Sales Rose in March"));
        assert!(!is_located_byline("Demand rose in Asia and Europe"));
        assert!(is_handle_line("@某某聊財經") && !is_handle_line("@某某 你說呢"));
        let lines = ["Jane Roe", "Reporter", en, "Jane Roe", en];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        MetadataFilter.run(&mut w);
        assert_eq!(w.alive(), vec![2, 3, 4]);
        let lines = ["JANE ROE", "Example Daily staff writer", en, "IN BRIEF", en];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        MetadataFilter.run(&mut w);
        assert_eq!(w.alive(), vec![2, 3, 4]);
    }

    #[test]
    fn headline_under_a_menu_longer_than_the_window() {
        let body = "某部门今日公布第二批补助名单，共核定十五个项目，补助金额合计九亿元，预计带动投资逾三十亿元。";
        let headline = "某部门公布芯片补助名单 十五个项目获补助九亿元";
        let mut lines = vec!["Example Agency, Ministry of Examples"];
        lines.extend([
            "数字经济专区",
            "中小企业服务专区",
            "人工智能产业推动计划",
            "产业升级平台辅导计划",
            "绿色转型补助项目",
            "统计资料与出版品",
            "便民服务在线申办",
            "政府信息公开专栏",
            "新闻与公告栏目",
        ]);
        lines.extend([headline, "2025-12-03", body]);
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        w.lang = model::Lang::ZhHans;
        MetadataFilter.run(&mut w);
        assert_eq!(w.title.as_deref(), Some(headline));
        assert_eq!(w.alive_texts(), vec![headline, body]);
    }

    #[test]
    fn a_post_of_short_lines_is_not_a_menu() {
        let body = "某部门今日公布第二批补助名单，共核定十五个项目，补助金额合计九亿元，预计带动投资逾三十亿元。";
        let last = "进去会不会学不到东西只是在爆肝 先谢谢各位";
        let post = [
            "小弟今年刚刚毕业",
            "本科念的是电机系",
            "研究所做的是验证",
            "这两年一直在投履历",
            "小弟今年刚毕业",
            "手上有两个工作机会",
            "一个是老牌设计大厂",
            "一个是新创公司",
            "想请问版上前辈 这波到底还能红多久",
            last,
            body,
        ];
        let mut w = Work::of_lines(&post, crate::doc::BlockKind::Line);
        w.lang = model::Lang::ZhHans;
        MetadataFilter.run(&mut w);
        let alive = w.alive_texts();
        assert!(alive.contains(&"想请问版上前辈 这波到底还能红多久".to_string()));
        assert!(alive.contains(&last.to_string()));
    }

    #[test]
    fn pull_quote_attributions() {
        assert!(is_quote_attribution(
            "— Jane Roe, chief financial officer, Example Corp"
        ));
        assert!(is_quote_attribution("– Kim Min-jun, analyst"));
        assert!(!is_quote_attribution(
            "— and that, the analyst said, is the whole story."
        ));
        assert!(!is_quote_attribution("Jane Roe, chief financial officer"));
    }

    #[test]
    fn column_prefix() {
        assert_eq!(
            strip_column_prefix("栏目 | 国产AI芯片加速追赶"),
            "国产AI芯片加速追赶"
        );
    }
}
