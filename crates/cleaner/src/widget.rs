//! Widgets embedded in the article region: stock quotes and video cards.
//!
//! Owns: the shapes of a quote widget's lines (`某股 256.80 +7.36%`, a
//! listing code `2330.TW` or a signed change `+3.20%` alone, a row with its
//! listing code and price changes `某公司 (00981.HK) 52.350 +2.650
//! (+5.332%) …`), the lines around a listing code (the company's name
//! above it; its price, change and chart caption below it), the lines
//! around a price alone (the name with its ticker and the quote's source
//! above, the change and the quote's time below), a live quote
//! chip's price change inside a sentence (`(AMD+4.62%)`, `某公司(+4.12%)`),
//! an index quote without signs whose change agrees with its percentage,
//! a widget's `Data as of …` stamp, a quote table (a header of
//! quote columns and the coded rows under it), and a video card (a `Video`
//! label, the clip's duration, its title and show, and a player's `Now
//! Playing`/`Up Next` queue). The chrome detector
//! calls these.
//! Must not know: site names; any other kind of chrome.

use crate::chrome::is_body_paragraph;
use crate::doc::Work;
use crate::script::{char_len, has_inner_sentence_end, is_sentence_end, split_unit};
use model::DropReason;
use regex::Regex;
use std::sync::OnceLock;

/// A listing code in a quote row (`01234.HK`, `(600000.SH)`, `2330.TW`).
fn listing_code_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"\b\d{4,6}\.(?:HK|SH|SZ|SS|BJ|TW|TWO|T|KS)\b").expect("static regex")
    })
}

/// A quote row: a name, its listing code and a signed price change, with
/// nothing that reads as a clause (`某公司 (00981.HK) 52.350 +2.650
/// (+5.332%) 沽空 $9.82億; 比率 14.356% [即時報價]`). A sentence that
/// quotes a price (`某公司(01234.HK)升2.6%，報18.4元`) has clause marks.
fn is_code_row(t: &str) -> bool {
    static SIGNED: OnceLock<Regex> = OnceLock::new();
    let signed = SIGNED.get_or_init(|| {
        Regex::new(r"(?:^|[\s(（])[+\-−▲▼]\s?\d[\d,]*\.\d+%?").expect("static regex")
    });
    // A code is digits, a dot and a capital (`01234.HK`): look for that
    // before any regex.
    let b = t.as_bytes();
    let code_shaped = memchr::memchr_iter(b'.', b).any(|i| {
        i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(u8::is_ascii_uppercase)
    });
    t.len() <= 300
        && code_shaped
        && !t.contains(['，', '。', '、', '！', '？'])
        && !t.contains(". ")
        && listing_code_re().is_match(t)
        && signed.is_match(t)
}

/// The header at `alive[k]` and the rows under it that `row` accepts
/// (given trimmed text), or nothing when no row follows.
fn header_and_rows(
    work: &crate::doc::Work,
    alive: &[usize],
    k: usize,
    row: impl Fn(&str) -> bool,
) -> Vec<usize> {
    let rows: Vec<usize> = alive[k + 1..]
        .iter()
        .copied()
        .take_while(|&j| row(work.blocks[j].text.trim()))
        .collect();
    if rows.is_empty() {
        return rows;
    }
    std::iter::once(alive[k]).chain(rows).collect()
}

/// A quote table: a header row naming three or more quote columns
/// (`股票编号 名称 现价 升跌 成交额`, `名称 代码 最新价 涨跌幅`), and the rows
/// under it that open with a listing code or carry a signed change, none
/// of them a sentence. The header and its rows go.
pub fn quote_tables(work: &mut crate::doc::Work) {
    const COLUMNS: &[&str] = &[
        "代码",
        "编号",
        "名称",
        "现价",
        "最新价",
        "升跌",
        "涨跌",
        "成交额",
        "成交量",
        "市值",
    ];
    let alive = work.alive();
    let mut drop = Vec::new();
    for (k, &i) in alive.iter().enumerate() {
        let b = &work.blocks[i];
        if b.text.len() > 160 || !b.text.contains(['价', '價']) {
            continue;
        }
        let folded = b.folded();
        if COLUMNS.iter().filter(|c| folded.contains(*c)).count() < 3
            || has_inner_sentence_end(&b.text)
            || b.text.trim_end().ends_with(is_sentence_end)
        {
            continue;
        }
        drop.extend(header_and_rows(work, &alive, k, |t| {
            let coded = t.split_whitespace().next().is_some_and(|w| {
                (4..=6).contains(&w.len()) && w.bytes().all(|c| c.is_ascii_digit())
            });
            let signed = t.contains(['%', '▲', '▼']);
            t.len() <= 200
                && (coded || signed)
                && !t.contains(['，', '。'])
                && !t.ends_with(is_sentence_end)
        }));
    }
    work.drop_unprotected(drop, DropReason::Chrome);
}

/// A shop's price widget set into a review: a header (`Today's best <product>
/// deals`, `Best prices today`) and the rows under it that end in a price
/// (`Amazon Example Box 1TB $3,099.99 $2,999.99`), with its `Show more
/// deals` link. They go.
pub fn deal_widgets(work: &mut crate::doc::Work) {
    static PRICE_END: OnceLock<Regex> = OnceLock::new();
    let price_end = PRICE_END.get_or_init(|| {
        Regex::new(r"(?:[$€£¥]|US\$|HK\$|NT\$)\s?\d[\d,]*(?:\.\d{2})?\s*$").expect("static regex")
    });
    let alive = work.alive();
    let mut drop = Vec::new();
    for (k, &i) in alive.iter().enumerate() {
        let b = &work.blocks[i];
        if b.text.len() > 120 || !(b.text.contains("deals") || b.text.contains("prices")) {
            continue;
        }
        let f = b.folded();
        let t = f.trim();
        let header = (t.contains("best") && (t.ends_with(" deals") || t.contains("deals today")))
            || t == "best prices today"
            || t.starts_with("best prices for");
        if !header {
            continue;
        }
        drop.extend(header_and_rows(work, &alive, k, |t| {
            let more = t.eq_ignore_ascii_case("show more deals")
                || t.eq_ignore_ascii_case("view all deals");
            more || (t.len() <= 160 && price_end.is_match(t) && !t.contains(". "))
        }));
    }
    work.drop_unprotected(drop, DropReason::Chrome);
}

/// A row of quote chips whose parts the page printed without spaces: a
/// name, its six-digit code, price and signed change
/// (`某公司6880001386.00+4.28% 某科技688001236.52-1.12%`), or a sector and
/// its change (`AI芯片 +2.13%国产芯片 +1.56%`); a new listing shows its
/// status for a change (`某科技 688000 申购中`). Nothing else on the line.
fn is_chip_row(t: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^(?:\s*[\p{Han}A-Za-z][\p{Han}A-Za-z0-9]{1,9}\s*(?:\d{6}\s*(?:\d+(?:\.\d+)?\s*)?)?(?:[+\-−]\d{1,3}(?:\.\d{1,2})?%|申购中|申購中|待上市|停牌))+\s*$")
            .expect("static regex")
    });
    // Two signed percentages, or one after a six-digit code.
    t.len() <= 600
        && (t.ends_with('%') || t.ends_with(['中', '市', '牌']))
        && !t.contains(['，', '。', '、'])
        && (t.matches('%').count() >= 2 || t.bytes().filter(u8::is_ascii_digit).count() >= 10)
        && re.is_match(t)
}

/// A quote panel's statistics row: two or more `label：value` pairs of
/// market data and nothing else (`成交额：98.6亿 换手率：18.4% 总市值：2878亿`).
fn is_quote_stats_row(t: &str) -> bool {
    const LABELS: &[&str] = &[
        "成交额",
        "成交額",
        "成交量",
        "换手率",
        "換手率",
        "总市值",
        "總市值",
        "流通市值",
        "市盈率",
        "本益比",
        "市净率",
        "市淨率",
        "振幅",
        "量比",
        "今开",
        "今開",
        "昨收",
        "最高",
        "最低",
        "均价",
        "均價",
        "内盘",
        "內盤",
        "外盘",
        "外盤",
    ];
    if t.len() > 240 {
        return false;
    }
    if !t.contains(['：', ':']) {
        // One field with a space for its colon (`今开 575.00`, `换手
        // 21.35%`, `总市值 2878亿`).
        return t.split_once(' ').is_some_and(|(label, value)| {
            (LABELS.contains(&label) || matches!(label, "换手" | "換手" | "市值"))
                && value.len() <= 16
                && value.starts_with(|c: char| c.is_ascii_digit())
                && !value.contains(' ')
        });
    }
    let pairs: Vec<&str> = t.split_whitespace().collect();
    pairs.len() >= 2
        && pairs.iter().all(|p| {
            p.split_once(['：', ':']).is_some_and(|(label, value)| {
                LABELS.contains(&label) && value.starts_with(|c: char| c.is_ascii_digit())
            })
        })
}

/// A quote widget's field label alone on its line, maybe with its unit
/// (`開盤`, `昨收`, `成交量（張）`).
fn is_field_label(t: &str) -> bool {
    const LABELS: &[&str] = &[
        "开盘",
        "開盤",
        "今开",
        "今開",
        "最高",
        "最低",
        "昨收",
        "收盘",
        "收盤",
        "成交量",
        "成交额",
        "成交額",
        "成交金额",
        "成交金額",
        "振幅",
        "换手率",
        "換手率",
        "市值",
        "总市值",
        "總市值",
        "本益比",
        "市盈率",
    ];
    let name = split_unit(t).map_or(t, |(name, _)| name.trim_end());
    t.len() <= 30 && LABELS.contains(&name)
}

/// A terminal's quote lines: a ticker with its exchange code and the
/// name in brackets (`EXM US (Example Corp)`), or a price in its currency
/// with the change (`292.41 USD +5.42 +1.89%`).
fn is_terminal_quote(t: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^(?:[A-Z0-9]{1,6}\s+[A-Z]{2}\s+\([^()]{2,60}\)|[\p{Han}A-Za-z0-9-]{2,16}\s*[(（]\d{4,6}\s+[A-Z]{2}[)）]|\d[\d,]*(?:\.\d+)?\s+[A-Z]{3}\s+[+\-−]\d[\d,]*(?:\.\d+)?\s+[+\-−]\d{1,3}(?:\.\d{1,2})?%)$")
            .expect("static regex")
    });
    t.len() <= 90 && (t.ends_with(')') || t.ends_with('%')) && re.is_match(t)
}

/// A stock quote widget line: a name with its listing code, alone or with
/// its price and change (`某某科技688000`, `某某(0981.HK)`,
/// `某某0981.HK 58.35▲2.41+4.31%`), or nothing but prices, changes and
/// percentages (`128.60+3.85+3.09%`, `▲20.00 +1.81%`).
pub fn is_quote_line(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^[\p{Han}A-Za-z-]{2,10}\s*[(（]?(?:\d{6}(?:\.(?:SH|SZ|BJ))?|\d{4,5}\.HK|\d{4}\.TW|[(（]\d{5}[)）])[)）]?(?:\s*[▲▼+\-−]?\s*\d[\d,]*(?:\.\d+)?%?)*$")
            .expect("static regex")
    });
    let t = text.trim();
    if is_code_row(t)
        || is_chip_row(t)
        || is_quote_stats_row(t)
        || is_terminal_quote(t)
        || is_rating_row(t)
        || is_index_strip(t)
        || is_quote_field(t)
        || is_price_pair(t)
    {
        return true;
    }
    if char_len(t) > 40 {
        return false;
    }
    if re.is_match(t) {
        return true;
    }
    // A strip item led by its code (`4123 某公司 +1.87%`), with or without
    // its price.
    static LED: OnceLock<Regex> = OnceLock::new();
    let led = LED.get_or_init(|| {
        Regex::new(r"^\d{4,6}\s+[\p{Han}A-Za-z-]{2,10}\s+(?:\d[\d,]*(?:\.\d+)?\s+)?(?:[▲▼]\s*)?(?:[+\-−]?\d[\d,]*(?:\.\d+)?\s+)?[+\-−]\d{1,3}(?:\.\d{1,2})?%$")
            .expect("static regex")
    });
    if led.is_match(t) {
        return true;
    }
    // A market ticker: a short name, then only numbers, at least one of
    // them signed (`某指数 25830.65 -99.62 -0.38%`, `DOW 47112.45 -0.25%`).
    if let Some((name, rest)) = t.split_once(' ') {
        let numbers: Vec<&str> = rest.split_whitespace().collect();
        let number = |w: &&str| {
            w.trim_start_matches(['(', '（'])
                .trim_end_matches([')', '）'])
                .trim_start_matches(['+', '-', '−', '▲', '▼'])
                .trim_end_matches('%')
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
                && w.chars().any(|c| c.is_ascii_digit())
        };
        // A table row may carry a loss (`净利润 -452 2,060`); a ticker
        // carries a percentage or an arrow. A row named with its unit
        // (`出货量（台） 12,400 30,100 +142.7%`) is a table's.
        let unit = split_unit(name)
            .is_some_and(|(_, u)| !u.is_empty() && !u.contains(|c: char| c.is_ascii_digit()));
        if char_len(name) <= 12
            && !unit
            && !numbers.is_empty()
            && numbers
                .iter()
                .any(|w| w.contains('%') || w.starts_with(['▲', '▼']))
            && numbers.iter().all(number)
            && numbers.iter().any(|w| {
                w.trim_start_matches(['(', '（'])
                    .starts_with(['+', '-', '−', '▲', '▼'])
            })
        {
            return true;
        }
    }
    if is_index_quote(t) {
        return true;
    }
    // A quote chip's parts on lines of their own: a listing code
    // (`2330.TW`, `0981.HK`) or a signed change with decimals (`+3.20%`;
    // a round `+5%` may be a table cell).
    static PART: OnceLock<Regex> = OnceLock::new();
    let part = PART.get_or_init(|| {
        Regex::new(r"^(?:\d{4,6}\.(?:TW|TWO|HK|SH|SZ|SS|BJ|T|KS)|\(?[+\-−▲▼]\s?\d{1,4}\.\d{1,3}%\)?|[+\-−]\d[\d,]*\.\d{2})$")
            .expect("static regex")
    });
    if t.len() <= 16 && part.is_match(t) {
        return true;
    }
    let signed = t.contains(['+', '-', '−', '%', '▲', '▼']);
    let numbers = t
        .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .filter(|n| n.chars().any(|c| c.is_ascii_digit()))
        .count();
    signed
        && numbers >= 2
        && t.chars().all(|c| {
            c.is_ascii_digit()
                || matches!(
                    c,
                    '.' | ',' | '+' | '-' | '−' | '%' | '▲' | '▼' | ' ' | '(' | ')' | '$'
                )
        })
}

/// An index's quote without signs (its colour gave the direction): a short
/// name, the level, the change and the change in percent, the three
/// agreeing (`某指数 3412.56 12.90 0.38%`: 12.90 is 0.38% of the level
/// before it).
fn is_index_quote(t: &str) -> bool {
    if !t.ends_with('%') {
        return false;
    }
    let parts: Vec<&str> = t.split_whitespace().collect();
    let [name, level, change, pct] = parts.as_slice() else {
        return false;
    };
    let num = |s: &str| s.replace(',', "").parse::<f64>().ok();
    let (Some(level), Some(change), Some(pct)) =
        (num(level), num(change), pct.strip_suffix('%').and_then(num))
    else {
        return false;
    };
    let before = level - change;
    char_len(name) <= 8
        && level > 0.0
        && before > 0.0
        && pct > 0.0
        && ((change / before * 100.0 - pct).abs() <= 0.02
            || (change / level * 100.0 - pct).abs() <= 0.02)
}

/// Byte ranges of the price changes in live quote chips that sit inside
/// sentences next to a ticker in brackets (`(AMD+4.62%)`, `(NVDA -1.2%)`),
/// or in brackets of their own right after a Chinese company's name
/// (`某公司(+4.12%)`: a sign and two decimals, as quote chips print them).
pub fn quote_chip_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    static RE: OnceLock<Regex> = OnceLock::new();
    static HAN: OnceLock<Regex> = OnceLock::new();
    if !text.contains('%') {
        return Vec::new();
    }
    let re = RE.get_or_init(|| {
        Regex::new(r"\(\s*[A-Z]{1,5}(?:\.[A-Z]{1,2})?(\s*[+\-−]\d{1,4}(?:\.\d{1,2})?%)\s*\)")
            .expect("static regex")
    });
    let mut out: Vec<std::ops::Range<usize>> = re
        .captures_iter(text)
        .filter_map(|c| c.get(1).map(|m| m.range()))
        .collect();
    // The bracket opens right after a Chinese character: the chip's
    // literal bracket leads the search, the character is checked after.
    let han = HAN.get_or_init(|| Regex::new(r"\([+\-−]\d{1,3}\.\d{2}%\)").expect("static regex"));
    for m in han.find_iter(text) {
        let after_han = text[..m.start()]
            .chars()
            .next_back()
            .is_some_and(crate::script::is_han);
        if after_han {
            out.push(m.range());
        }
    }
    out.sort_by_key(|r| r.start);
    out
}

/// A clip's running time alone on a line (`2:47`, `01:02:47`).
fn is_duration(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| Regex::new(r"^\d{1,2}:\d{2}(?::\d{2})?$").expect("static regex"));
    re.is_match(text.trim()) || is_labelled_duration(text)
}

/// A player's label glued to its duration, shown twice, as a copy of the
/// page prints it (`VIDEO2:3102:31`): label and duration in one.
fn is_labelled_duration(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^(?:VIDEO|Video)\d{1,2}:\d{2}(?:\d{1,2}:\d{2})?$").expect("static regex")
    });
    re.is_match(text.trim())
}

/// The label over a video player or its queue (folded).
fn is_video_label(folded: &str) -> bool {
    matches!(
        folded.trim(),
        "video"
            | "videos"
            | "watch"
            | "watch now"
            | "now playing"
            | "up next"
            | "视频"
            | "影片"
            | "视讯"
            | "直播回放"
            | "正在播放"
            | "下一个"
    )
}

/// A line of a card's caption: short and not a sentence.
fn is_card_line(text: &str) -> bool {
    char_len(text) <= 120
        && !is_body_paragraph(text)
        && !text.trim_end().ends_with(is_sentence_end)
        && !has_inner_sentence_end(text)
}

/// A video's title on one line with its label and duration (`视频｜探访
/// 某集群：一块芯片的旅程 02:16`, `Video: Inside the fab 3:41`).
pub fn is_video_title_line(text: &str) -> bool {
    let t = text.trim();
    if t.len() > 300 || !t.ends_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let labelled = ["视频", "視頻", "影片", "video", "Video", "VIDEO"]
        .iter()
        .any(|l| {
            t.strip_prefix(l)
                .is_some_and(|r| r.trim_start().starts_with(['｜', '|', ':', '：']))
        });
    let duration = t.rsplit(' ').next().is_some_and(|d| {
        let parts: Vec<&str> = d.split(':').collect();
        (2..=3).contains(&parts.len())
            && parts
                .iter()
                .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
    });
    labelled && duration && char_len(t) <= 80
}

/// A video card: the `Video` label (or `Now Playing`, `Up Next`), the
/// clip's duration (once or twice) right under it or under its title,
/// then up to two caption lines (the title, the show it comes from). A
/// bare clock time without the label may head a live-blog entry, so the
/// label is required.
pub fn video_cards(work: &mut Work) {
    let alive = work.alive();
    let text = |k: usize| &work.blocks[alive[k]].text;
    let mut cards = Vec::new();
    let mut k = 0;
    while k < alive.len() {
        let glued = is_labelled_duration(text(k));
        if !glued && (text(k).len() > 24 || !is_video_label(&work.blocks[alive[k]].folded())) {
            k += 1;
            continue;
        }
        // The duration: under the label, or under one or two title lines.
        let duration = if glued {
            Some(k)
        } else {
            (k + 1..alive.len().min(k + 4))
                .take_while(|&d| is_duration(text(d)) || is_card_line(text(d)))
                .find(|&d| is_duration(text(d)))
        };
        let Some(first) = duration else {
            k += 1;
            continue;
        };
        let mut end = first;
        while end < alive.len() && is_duration(text(end)) {
            end += 1;
        }
        let captions_end = (end + 2).min(alive.len());
        // Under a label glued to its duration the title may run long (a
        // copy joins its wrapped lines) but ends no sentence.
        let title_under_glued =
            |t: &str| glued && char_len(t) <= 160 && !t.trim_end().ends_with(is_sentence_end);
        while end < captions_end
            && (is_card_line(text(end)) || (end == first + 1 && title_under_glued(text(end))))
            && !is_video_label(&work.blocks[alive[end]].folded())
        {
            end += 1;
        }
        cards.push(k..end);
        k = end;
    }
    for card in cards {
        for &i in &alive[card] {
            if !work.blocks[i].protected {
                work.drop_block(i, DropReason::Chrome);
            }
        }
    }
}

/// A video list's item: a title, the clip's duration and its play count
/// (`…一个视频讲明白`, `04:12`, `5.6万播放`).
pub fn video_items(work: &mut Work) {
    let alive = work.alive();
    let mut items = Vec::new();
    for k in 1..alive.len().saturating_sub(1) {
        let (title, duration, count) = (alive[k - 1], alive[k], alive[k + 1]);
        if is_duration(&work.blocks[duration].text)
            && crate::stamp::is_count_line(&work.blocks[count].text)
        {
            // A clip's title may ask (`…谁更强？一个视频讲明白`).
            let t = &work.blocks[title].text;
            if char_len(t) <= 80 && !is_body_paragraph(t) && !t.trim_end().ends_with(['。', '.']) {
                items.push(title);
            }
            items.extend([duration, count]);
        }
    }
    for i in items {
        if work.blocks[i].alive && !work.blocks[i].protected {
            work.drop_block(i, DropReason::Chrome);
        }
    }
}

/// A price alone (`1,206.00`).
fn is_price(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| Regex::new(r"^\d{1,3}(?:,\d{3})*\.\d{1,4}$").expect("static regex"));
    let t = text.trim();
    t.len() <= 24 && t.starts_with(|c: char| c.is_ascii_digit()) && re.is_match(t)
}

/// A price chart's caption or range switch (`某公司 shares, 1-year`,
/// `1D 5D 1M 6M YTD 1Y`).
fn is_chart_caption(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)^[^.!?]{1,60},\s*(?:\d{1,2}|one|five|ten)[- ](?:day|week|month|year)s?$|^(?i:1d|5d|1m|3m|6m|ytd|1y|5y|max|all)(?:\s+(?i:1d|5d|1m|3m|6m|ytd|1y|5y|max|all)){2,}$")
            .expect("static regex")
    });
    text.len() <= 100 && re.is_match(text.trim())
}

/// The company's name over a listing code: a few words, no figures, no
/// sentence.
fn is_widget_name(text: &str) -> bool {
    let t = text.trim();
    char_len(t) <= 60
        && t.split_whitespace().count() <= 8
        && !t.chars().any(|c| c.is_ascii_digit())
        && !t.ends_with(is_sentence_end)
        && !has_inner_sentence_end(t)
}

/// A company's name with its ticker in brackets, alone on a line
/// (`Example Micro, Inc. (EXM)`, `Some Index (^SOX)`, `某公司 (3661.TW)`).
fn is_ticker_name(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^[^()（）.!?。]{0,60}[^()（）]{0,20}\s*[(（](?:\^?[A-Z]{1,5}(?:[.-][A-Z]{1,2})?|\d{4,6}\.[A-Z]{1,3})[)）]$")
            .expect("static regex")
    });
    let t = text.trim();
    // A currency in brackets is a column's unit (`Prices (USD)`).
    const CURRENCIES: &[&str] = &[
        "(USD)", "(CNY)", "(RMB)", "(EUR)", "(JPY)", "(HKD)", "(TWD)", "(KRW)", "(GBP)",
    ];
    t.len() <= 100 && re.is_match(t) && !CURRENCIES.iter().any(|c| t.ends_with(c))
}

/// A quote's source or time line (`NasdaqGS - Nasdaq Real Time Price •
/// USD`, `As of 2:05:44 PM EST. Market Open.`, `Currency in USD`).
fn is_quote_note(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)real[- ]time price|delayed quote|^currency in [a-z]{3}$|^as of .{0,40}\d{1,2}:\d{2}|^at close:|^after hours:|^pre-market:")
            .expect("static regex")
    });
    text.len() <= 120 && re.is_match(text.trim())
}

/// The time of a widget's figures on a line of its own (`Data as of
/// 03/10/26 11:42 a.m. ET`, `Quotes as of 4:00 PM`), wherever it sits.
pub fn is_data_stamp(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let t = text.trim();
    if t.len() > 60 || !t.starts_with(['D', 'd', 'Q', 'q', 'P', 'p']) {
        return false;
    }
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)^(?:data|quotes?|prices?)\s+(?:are\s+)?as\s+of\s+[^,;]{0,30}\d{1,2}:\d{2}")
            .expect("static regex")
    });
    re.is_match(t)
}

/// A quote widget around a price alone on its line: above it the name
/// with its ticker (and the quote's source), below it the change and
/// the quote's time.
pub fn price_widgets(work: &mut Work) {
    let alive = work.alive();
    let mut widget = Vec::new();
    for (k, &i) in alive.iter().enumerate() {
        if !is_price(&work.blocks[i].text) {
            continue;
        }
        let mut above = Vec::new();
        for &j in alive[..k].iter().rev().take(2) {
            let t = &work.blocks[j].text;
            if is_quote_note(t) {
                above.push(j);
                continue;
            }
            if is_ticker_name(t) {
                above.push(j);
                widget.extend(above.iter().copied());
                widget.push(i);
                for &below in alive.iter().skip(k + 1).take(2) {
                    let t = &work.blocks[below].text;
                    if !(is_quote_line(t) || is_quote_note(t)) {
                        break;
                    }
                    widget.push(below);
                }
            }
            break;
        }
    }
    for j in widget {
        if work.blocks[j].alive && !work.blocks[j].protected {
            work.drop_block(j, DropReason::Chrome);
        }
    }
}

/// A line of an analyst-ratings widget: a rating and its count (`Strong
/// Buy 24`, `买入 12`), the consensus, the average price target.
fn is_rating_row(t: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    // cheap checks first: every shape ends with a count, a bracket or a
    // rating after a colon
    let shaped = t.ends_with(|c: char| c.is_ascii_digit() || c == ')') || t.contains(':');
    if t.len() > 80 || !shaped {
        return false;
    }
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)^(?:strong buy|buy|outperform|overweight|hold|neutral|underweight|underperform|sell|strong sell|买入|增持|持有|中性|减持|卖出|買進|買入|持有|賣出)\s+\d{1,3}$|^(?:analyst\s+)?consensus\s*:\s*(?:strong buy|buy|outperform|hold|neutral|underperform|sell|strong sell)$|^technical\s+summary\s*:|^avg\.?\s+price\s+target\s+[$€£¥]?\d[\d,.]*(?:\s*\([+\-−]?\d[\d.]*%\s*(?:upside|downside)\))?$")
            .expect("static regex")
    });
    re.is_match(t)
}

/// One field of a quote box on its own line (`换手率：15.62%`,
/// `市盈率(TTM)：--`, `总市值：534.18亿`): a market label and its value.
fn is_quote_field(t: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    if t.len() > 60 || !(t.contains('：') || t.contains(':')) || t.is_ascii() {
        return false;
    }
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)^(?:换手率|換手率|市盈率|本益比|市净率|市淨率|总市值|總市值|流通市值|成交额|成交額|成交量|振幅|量比|今开|今開|昨收|最高|最低|涨停|漲停|跌停|内盘|內盤|外盘|外盤|委比|股息率|殖利率)(?:\s*[(（][^)）]{1,6}[)）])?\s*[:：]\s*(?:--|-|[+\-−]?[\d.,]+\s*(?:%|亿|億|万|萬|元|手|张|張)?)$")
            .expect("static regex")
    });
    re.is_match(t)
}

/// A deal box's was-and-now prices alone on a line (`$1,499 $1,379.99`).
fn is_price_pair(t: &str) -> bool {
    if t.len() > 40 || !t.starts_with(['$', '€', '£']) {
        return false;
    }
    let tokens: Vec<&str> = t.split_whitespace().collect();
    (2..=3).contains(&tokens.len())
        && tokens.iter().all(|p| {
            p.strip_prefix('$')
                .or_else(|| p.strip_prefix('€'))
                .or_else(|| p.strip_prefix('£'))
                .is_some_and(|v| is_number(v) && !v.ends_with(['.', ',']))
        })
}

/// Exchanges a quote widget names on a line of their own (folded).
const EXCHANGES: &[&str] = &[
    "nasdaq",
    "nasdaqgs",
    "nasdaqgm",
    "nyse",
    "nyse arca",
    "amex",
    "otc",
    "otc markets",
    "krx",
    "kosdaq",
    "kospi",
    "twse",
    "tpex",
    "hkex",
    "sse",
    "szse",
    "tse",
    "tyo",
    "lse",
    "xetra",
    "euronext",
    "上交所",
    "深交所",
    "港交所",
    "上市",
    "上柜",
];

/// A quote's market status on its own line.
fn is_market_status(t: &str) -> bool {
    matches!(
        t.trim().to_ascii_lowercase().as_str(),
        "market closed"
            | "market open"
            | "market is closed"
            | "market is open"
            | "pre-market"
            | "after hours"
            | "after-hours"
            | "add to watchlist"
            | "+ watchlist"
            | "已收盘"
            | "交易中"
            | "盘中"
            | "收盘价"
            | "加自选"
            | "+自选"
    )
}

/// A listing code or ticker alone (`000660`, `MU`, `2330.TW`).
fn is_bare_code(t: &str) -> bool {
    let t = t.trim();
    let digits = (4..=6).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit());
    let ticker = (1..=5).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_uppercase());
    let suffixed = t.len() <= 12 && listing_code_re().find(t).map(|m| m.len()) == Some(t.len());
    digits || ticker || suffixed
}

/// A price alone, maybe after a currency sign (`912,000.00`, `$131.08`,
/// `1386.50`).
fn is_signed_price(t: &str) -> bool {
    let t = t.trim();
    let bare = ["US$", "$", "€", "£", "¥", "HK$", "NT$"]
        .iter()
        .find_map(|c| t.strip_prefix(c))
        .unwrap_or(t);
    let plain_decimal = bare.split_once('.').is_some_and(|(int, frac)| {
        (1..=7).contains(&int.len())
            && (1..=4).contains(&frac.len())
            && int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
    });
    is_price(bare) || plain_decimal
}

/// A strip of two or more index quotes on one line, each a name, a level
/// and a signed change (`某指数 3912.35 +0.86% 某成指 13245.67 +1.42%`).
/// `t` without the delay note a quote strip ends with (`Data delayed 15
/// min`, `Quotes delayed by 20 minutes`).
fn without_delay_note(t: &str) -> &str {
    let Some(at) = t.to_ascii_lowercase().rfind(" delayed ") else {
        return t;
    };
    let note = t[at..].trim();
    let words: Vec<&str> = note.split_whitespace().collect();
    let timed = words.len() <= 4
        && words.iter().any(|w| w.bytes().all(|b| b.is_ascii_digit()))
        && words.last().is_some_and(|w| {
            w.to_ascii_lowercase()
                .trim_end_matches('.')
                .starts_with("min")
        });
    if !timed {
        return t;
    }
    // the note's own label (`Data`, `Quotes`) goes with it
    let head = t[..at].trim_end();
    match head.rsplit_once(' ') {
        Some((rest, label))
            if matches!(
                label.to_ascii_lowercase().as_str(),
                "data" | "quotes" | "prices"
            ) =>
        {
            rest
        }
        _ => head,
    }
}

fn is_index_strip(t: &str) -> bool {
    if t.len() > 400 || t.bytes().filter(|&b| b == b'%').count() < 2 {
        return false;
    }
    let t = without_delay_note(t);
    let tokens: Vec<&str> = t.split_whitespace().collect();
    let number = |k: usize| tokens.get(k).is_some_and(|v| is_number(v));
    let change = |k: usize| tokens.get(k).is_some_and(|v| is_signed_change(v));
    let mut groups = 0;
    let mut k = 0;
    while k < tokens.len() {
        let name = tokens[k];
        let yield_quote = groups >= 2
            && name.chars().any(|c| c.is_alphabetic())
            && tokens
                .get(k + 1)
                .is_some_and(|v| v.strip_suffix('%').is_some_and(is_number));
        if yield_quote {
            k += 2; // a yield after the quotes: `10-yr 4.21%`
            continue;
        }
        let named = !name.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '+' | '-'))
            && char_len(name) <= 12;
        if !named {
            return false;
        }
        if number(k + 1) && change(k + 2) {
            k += 3; // `DJIA 42,318.55 −0.41%`
        } else if number(k + 1) && number(k + 2) && change(k + 3) {
            k += 4; // a name ending in a number: `S&P 500 5,874.12 −0.62%`
        } else {
            return false;
        }
        groups += 1;
    }
    groups >= 2
}

/// A quote card stacked one field per line around its price: the name,
/// the code and the exchange above it (a code or an exchange at least),
/// the change, its percentage, the market's status and the watchlist
/// button below it. Lines already dropped (a repeated code) still count
/// as the card's fields.
pub fn stacked_quotes(work: &mut Work) {
    let n = work.blocks.len();
    let mut card = Vec::new();
    for i in 0..n {
        if work.blocks[i].text.len() > 24 || !is_signed_price(&work.blocks[i].text) {
            continue;
        }
        let mut fields = Vec::new();
        let mut anchored = false;
        for j in (i.saturating_sub(3)..i).rev() {
            let t = work.blocks[j].text.trim();
            if EXCHANGES.contains(&t.to_lowercase().as_str()) || is_bare_code(t) {
                anchored = true;
                fields.push(j);
            } else if anchored && is_widget_name(t) {
                fields.push(j);
                break;
            } else {
                break;
            }
        }
        if !anchored {
            continue;
        }
        card.extend(fields);
        card.push(i);
        for k in i + 1..n.min(i + 6) {
            let t = &work.blocks[k].text;
            if !(is_quote_line(t) || is_market_status(t) || is_signed_change(t)) {
                break;
            }
            card.push(k);
        }
    }
    for j in card {
        if work.blocks[j].alive && !work.blocks[j].protected {
            work.drop_block(j, DropReason::Chrome);
        }
    }
}

/// A strip of market tiles printed one field per line: a short name, its
/// level and its signed change, two tiles or more in a row (`Nikkei 225` /
/// `39,410.62` / `+1.08%` / `S&P 500 Fut` / `6,804.25` / `+0.31%`).
pub fn ticker_tiles(work: &mut Work) {
    let n = work.blocks.len();
    let text = |i: usize| work.blocks[i].text.trim();
    let tile_at = |i: usize| {
        i + 2 < n && {
            let name = text(i);
            char_len(name) <= 24
                && name.split_whitespace().count() <= 4
                && name.chars().any(char::is_alphabetic)
                && !name.contains([',', '，', '。', '.', ':', '：'])
                && is_number(text(i + 1))
                && is_signed_change(text(i + 2))
        }
    };
    let mut drop = Vec::new();
    let mut i = 0;
    while i < n {
        let mut j = i;
        while tile_at(j) {
            j += 3;
        }
        if j - i >= 6 {
            drop.extend(i..j);
            i = j;
        } else {
            i += 1;
        }
    }
    for k in drop {
        if work.blocks[k].alive && !work.blocks[k].protected {
            work.drop_block(k, DropReason::Chrome);
        }
    }
}

/// A price change alone: `+30,000.00`, `(+3.40%)`, `-0.42%`.
fn is_signed_change(t: &str) -> bool {
    let t = t.trim().trim_start_matches('(').trim_end_matches(')');
    let Some(rest) = t.strip_prefix(['+', '-', '−']) else {
        return false;
    };
    let rest = rest.strip_suffix('%').unwrap_or(rest);
    !rest.is_empty() && rest.len() <= 16 && is_number(rest)
}

/// Digits with thousands commas and a decimal point.
fn is_number(t: &str) -> bool {
    t.starts_with(|c: char| c.is_ascii_digit())
        && t.bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
}

/// A quote widget around a listing code alone on its line: the name
/// above it, and below it the price, the change and the chart's caption,
/// then the widget's fields printed one per line, each label over its
/// value (`開盤` / `1,355`, `成交量（張）` / `17,284`).
pub fn quote_widgets(work: &mut Work) {
    let alive = work.alive();
    for (k, &i) in alive.iter().enumerate() {
        let code = work.blocks[i].text.trim();
        if code.len() > 16 || listing_code_re().find(code).map(|m| m.len()) != Some(code.len()) {
            continue;
        }
        let mut widget = vec![i];
        if let Some(&above) = k.checked_sub(1).and_then(|p| alive.get(p)) {
            if is_widget_name(&work.blocks[above].text) {
                widget.push(above);
            }
        }
        // A number alone right under the code is the price.
        let value_alone = |j: usize| {
            let v = work.blocks[j].text.trim();
            v.len() <= 24
                && v.starts_with(|c: char| c.is_ascii_digit())
                && v.chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '%' | '-'))
        };
        let mut next = k + 1;
        for &below in alive.iter().skip(k + 1).take(3) {
            let t = &work.blocks[below].text;
            let price_alone = next == k + 1 && value_alone(below);
            if !(is_price(t) || is_quote_line(t) || is_chart_caption(t) || price_alone) {
                break;
            }
            widget.push(below);
            next += 1;
        }
        while let (Some(&label), Some(&value)) = (alive.get(next), alive.get(next + 1)) {
            if !is_field_label(work.blocks[label].text.trim()) || !value_alone(value) {
                break;
            }
            widget.extend([label, value]);
            next += 2;
        }
        for j in widget {
            if work.blocks[j].alive && !work.blocks[j].protected {
                work.drop_block(j, DropReason::Chrome);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::BlockKind;

    const BODY: &str = "The company said first-half revenue rose sharply, and its shares gained in early trade on Thursday as buyers turned to local suppliers.";

    #[test]
    fn index_strips_with_two_word_names_and_a_yield() {
        assert!(is_quote_line(
            "DJIA 42,318.55 −0.41%  S&P 500 5,874.12 −0.62%  Nasdaq 18,902.30 −1.05%  10-yr 4.21%"
        ));
        assert!(is_quote_line("Nikkei 38,120.50 +1.2% KOSPI 2,611.30 -0.4%"));
        assert!(!is_quote_line("10-yr 4.21% Nikkei 38,120.50 +1.2%"));
        assert!(!is_quote_line("Revenue 2,410 +33% Margin 51.2 +0.7"));
        // the strip's delay note goes with it
        assert!(is_quote_line(
            "TSM 241.90 +0.9%   MU 142.35 -1.6%   ORCL 288.02 +0.0%   Data delayed 15 min"
        ));
        assert!(!is_quote_line(
            "TSM 241.90 +0.9% MU 142.35 -1.6% and the rest delayed the launch"
        ));
    }

    #[test]
    fn a_quote_card_stacked_one_field_per_line() {
        let lines = [
            BODY,
            "Example Hynix Inc",
            "000660",
            "KRX",
            "912,000.00",
            "+30,000.00",
            "(+3.40%)",
            "Market closed",
            "Add to watchlist",
            BODY,
            "Example Micro Inc",
            "EXM",
            "NASDAQ",
            "$131.08",
            "Market open",
            BODY,
            "某公司",
            "688256",
            "1386.50",
            "+9.24%",
            BODY,
            "Revenue",
            "1,234.50",
            BODY,
        ];
        let mut w = Work::of_lines(&lines, BlockKind::Line);
        stacked_quotes(&mut w);
        assert_eq!(w.alive(), vec![0, 9, 15, 20, 21, 22, 23]);
    }

    #[test]
    fn a_video_title_with_its_duration() {
        assert!(is_video_title_line(
            "视频｜探访某集群：一块国产芯片的“算力之旅” 02:16"
        ));
        assert!(is_video_title_line("Video: Inside the packaging line 3:41"));
        assert!(!is_video_title_line("视频｜某公司发布会全程回顾"));
        assert!(!is_video_title_line("Shares closed at 10:30"));
    }

    #[test]
    fn a_strip_of_market_tiles_goes_and_one_figure_row_stays() {
        let lines = [
            "Nikkei 225",
            "39,410.62",
            "+1.08%",
            "S&P 500 Fut",
            "6,804.25",
            "+0.31%",
            BODY,
            "Revenue",
            "1,234.50",
            "+12.5%",
            BODY,
        ];
        let mut w = Work::of_lines(&lines, BlockKind::Line);
        ticker_tiles(&mut w);
        assert_eq!(w.alive(), vec![6, 7, 8, 9, 10]);
    }

    #[test]
    fn rating_rows() {
        for t in [
            "Strong Buy 24",
            "Hold 3",
            "Consensus: Strong Buy",
            "Avg. price target $158.70 (+21.07% upside)",
            "買進 12",
            "Technical summary: 1H Buy · 1D Strong Buy",
            "某指数 3912.35 +0.86%    某成指 13245.67 +1.42%  S&P500 6874.22 -0.38%",
            "换手率：15.62%",
            "市盈率(TTM)：--",
            "总市值：534.18亿",
            "$1,499 $1,379.99",
        ] {
            assert!(is_quote_line(t), "{t}");
        }
        for t in [
            "Buy now and save",
            "Hold 3 meetings a week",
            "Consensus: the market is wrong",
        ] {
            assert!(!is_quote_line(t), "{t}");
        }
    }

    #[test]
    fn data_stamps() {
        assert!(is_data_stamp("Data as of 11/02/26 3:58 p.m. ET"));
        assert!(is_data_stamp("Quotes as of 4:00 PM EST"));
        assert!(is_data_stamp("Prices are as of 09:30"));
        assert!(!is_data_stamp("Data as of last quarter showed 12% growth"));
        assert!(!is_data_stamp("Prices as of today, 10:00, were higher"));
    }

    #[test]
    fn a_deals_widget_in_a_review() {
        let body = "The box sells for $3,999 with a 4TB drive, while partners offer the same chip in their own chassis.";
        let lines = [
            body,
            "Today’s best Example Box deals",
            "Shop One Example Box 4TB $3,999",
            "Shop Two Partner Box 1TB $3,099.99 $2,999.99",
            "Show more deals",
            body,
        ];
        let mut w = crate::doc::Work::of_lines(&lines, crate::doc::BlockKind::Line);
        deal_widgets(&mut w);
        assert_eq!(w.alive(), vec![0, 5]);
    }

    #[test]
    fn a_quote_widgets_fields_one_per_line() {
        let lines = [
            BODY,
            "某公司",
            "1234.TW",
            "1,205",
            "▲25.00 (+2.12%)",
            "開盤",
            "1,180",
            "成交量（張）",
            "9,876",
            BODY,
            "最高",
            "1,230",
        ];
        let mut w = crate::doc::Work::of_lines(&lines, BlockKind::Line);
        quote_widgets(&mut w);
        assert_eq!(w.alive(), vec![0, 9, 10, 11]);
    }

    #[test]
    fn a_quote_table_and_its_rows() {
        let body = "某晶圆厂明年七纳米产能将倍增，消息刺激股价今早造好，分析师认为订单能见度延续至明年底。";
        let lines = [
            body,
            "股票編號 名稱 現價 升跌 升跌(%) 成交額",
            "00981 某公司 72.350 +3.400 +4.931% 58.60億",
            "01347 某半導體 58.900 +2.050 +3.606% 21.35億",
            body,
        ];
        let mut w = crate::doc::Work::of_lines(&lines, crate::doc::BlockKind::Row);
        quote_tables(&mut w);
        assert_eq!(w.alive(), vec![0, 4]);
        // A results table is not a quote table.
        let lines = ["項目 本季 上季 變動", "營收 24.9 23.1 +7.8%", body];
        let mut w = crate::doc::Work::of_lines(&lines, crate::doc::BlockKind::Row);
        quote_tables(&mut w);
        assert_eq!(w.alive().len(), 3);
    }

    #[test]
    fn quote_lines() {
        assert!(is_quote_line("某指数 3412.56 12.90 0.38%"));
        assert!(is_quote_line("某板50 1086.33 13.58 1.27%"));
        assert!(!is_quote_line("毛利率 40.1 41.2 2.7%"));
        for t in [
            "某某科技688000",
            "某某半导体(0981.HK)",
            "某某半導體00981.HK 58.350▲2.410+4.31%",
            "某某國際 (00981)",
            "某某科技688000 128.60 +3.09%",
            "128.60+3.85+3.09%",
            "▲20.00 +1.81%",
            "某某指数 25830.65 -99.62 -0.38%",
            "4123 某公司 +1.87%",
            "5678 某公司 88.5 +2.91%",
            "DOW 47112.45 -0.25%",
            "某公司6880001386.00+4.28%",
            "某公司6880001386.00+4.28% 某科技688001236.52-1.12%",
            "AI芯片 +2.13%国产芯片 +1.56%算力租赁 +0.74%",
            "某某科技 688001 +3.65% 某某股份 688002 申购中",
            "某指数 27,418.62 ▲312.05 (+1.15%)",
            "2382 某公司 295.5 ▲8.5 +2.96%",
            "(-2.15%) -$4.10",
            "3661 某公司-KY 4,120 ▲ +370 +9.87%",
            "(+1.72%)",
            "+13,500.00",
            "成交额：12.5亿 换手率：3.2% 总市值：860亿",
            "EXM US (Example Corp)",
            "某某-KY (1234 TT)",
            "292.41 USD +5.42 +1.89%",
            "本益比：18.2 成交量：3,120",
            "今开 575.00",
            "总市值 2878亿",
        ] {
            assert!(is_quote_line(t), "{t}");
        }
        for t in [
            "2025",
            "+5%",
            "营收增长18%",
            "3nm",
            "1,200 wafers +5%",
            "毛利率提升+2.1%，净利率提升+1.5%",
            "净利润 -452 2,060 3,940",
            "出货量（台） 12,400 30,100 +142.7%",
            "营收：12亿元 净利：3亿元",
            "The US (and its allies)",
            "成交额：全天超过12亿元，换手率走高",
            "某某股份 688002 申购中",
        ] {
            assert!(!is_quote_line(t), "{t}");
        }
    }

    #[test]
    fn quote_chips_lose_their_price_change() {
        let t = "Orders went to Example Micro (EXM+4.62%) and Sample Logic (SLG -0.4%) this year.";
        let cut: String = {
            let mut s = t.to_string();
            for r in quote_chip_ranges(t).into_iter().rev() {
                s.replace_range(r, "");
            }
            s
        };
        assert_eq!(
            cut,
            "Orders went to Example Micro (EXM) and Sample Logic (SLG) this year."
        );
        assert!(quote_chip_ranges("Revenue rose (up 4.6%) in the quarter.").is_empty());
        let t = "甲公司(+3.21%)与乙公司(-0.45%)均发布公告，营收增长(+12%)。";
        let mut s = t.to_string();
        for r in quote_chip_ranges(t).into_iter().rev() {
            s.replace_range(r, "");
        }
        assert_eq!(s, "甲公司与乙公司均发布公告，营收增长(+12%)。");
    }

    #[test]
    fn quote_rows_with_their_listing_code() {
        for t in [
            "某半導體 (00999.HK)    41.180    +1.930 (+4.919%)    沽空 $3.15億; 比率 11.027%    [即時報價] [+自選股]",
            "Example Micro (4321.TW) 812.00 -6.00 (-0.73%)",
            "某指數 18,402.77 +96.12 (+0.53%)",
        ] {
            assert!(is_quote_line(t), "{t}");
        }
        for t in [
            "某公司(01234.HK)升2.6%，報18.4元",
            "Example Micro (4321.TW) rose 3.5% to a record. Others fell +0.5%",
        ] {
            assert!(!is_quote_line(t), "{t}");
        }
    }

    #[test]
    fn a_video_card_goes_with_its_title_and_show() {
        let lines = [
            BODY,
            "VIDEO",
            "4:05",
            "04:05",
            "Why local chipmakers are racing to catch up",
            "Morning Markets",
            BODY,
            "12:49",
            "A heading under a clock time",
            BODY,
        ];
        let mut w = Work::of_lines(&lines, BlockKind::Line);
        video_cards(&mut w);
        assert_eq!(
            w.alive_texts(),
            vec![BODY, BODY, "12:49", "A heading under a clock time", BODY]
        );
    }

    #[test]
    fn a_player_queue_goes_title_first_or_duration_first() {
        let lines = [
            BODY,
            "Now Playing",
            "Example Micro CEO on a slow quarter",
            "06:41",
            "Example Finance Video",
            "Up Next",
            "What a quiet quarter means for chip stocks",
            "01:58",
            BODY,
        ];
        let mut w = Work::of_lines(&lines, BlockKind::Line);
        video_cards(&mut w);
        assert_eq!(w.alive_texts(), vec![BODY, BODY]);
    }

    #[test]
    fn a_copied_players_label_glued_to_its_durations() {
        let lines = [
            BODY,
            "VIDEO2:3102:31",
            "Example Micro CEO: backlog keeps growing",
            "Evening Markets",
            BODY,
        ];
        let mut w = Work::of_lines(&lines, BlockKind::Line);
        video_cards(&mut w);
        assert_eq!(w.alive_texts(), vec![BODY, BODY]);
    }

    #[test]
    fn a_video_list_item_goes_with_its_title() {
        let lines = [
            BODY,
            "某芯片和某芯片谁更强？一个视频讲明白",
            "04:12",
            "5.6万播放",
            BODY,
        ];
        let mut w = Work::of_lines(&lines, BlockKind::Line);
        video_items(&mut w);
        assert_eq!(w.alive_texts(), vec![BODY, BODY]);
    }

    #[test]
    fn a_quote_widget_goes_around_its_price() {
        let lines = [
            BODY,
            "Example Micro Technology, Inc. (EXM)",
            "NYSE - Delayed Quote • USD",
            "71.38",
            "-6.42 (-8.15%)",
            "As of 2:05:44 PM EST. Market Open.",
            BODY,
            "Sample Foundry Ltd. (3661.TW)",
            "2,718.00",
            "+96.00 (+3.66%)",
            BODY,
            "Prices (USD)",
            "71.38",
            BODY,
        ];
        let mut w = Work::of_lines(&lines, BlockKind::Line);
        price_widgets(&mut w);
        assert_eq!(
            w.alive_texts(),
            vec![BODY, BODY, BODY, "Prices (USD)", "71.38", BODY]
        );
    }

    #[test]
    fn a_quote_widget_goes_around_its_listing_code() {
        let lines = [
            BODY,
            "Example Micro Devices Ltd",
            "654321.SS",
            "1,206.00",
            "+41.20 (+3.05%)",
            "Example Micro shares, 1-year",
            BODY,
        ];
        let mut w = Work::of_lines(&lines, BlockKind::Line);
        quote_widgets(&mut w);
        assert_eq!(w.alive_texts(), vec![BODY, BODY]);
        // A subhead above a paragraph that names a code stays.
        let lines = ["Outlook lifted", BODY];
        let mut w = Work::of_lines(&lines, BlockKind::Line);
        quote_widgets(&mut w);
        assert_eq!(w.alive_texts().len(), 2);
    }
}
