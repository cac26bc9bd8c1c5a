//! Printed and mailed pages: what a PDF's text, an e-paper or a mail
//! client adds around an article.
//!
//! Owns: a PDF's page footers (`Example Securities | Page 2 of 3`) and the
//! running headers printed again after each of them; chart labels dumped
//! one per line under a figure caption, and the chart's source line; a
//! stock data panel above a research note's first paragraph; e-paper page
//! labels (`C03版：产经`); a newsletter's mail headers (`Subject: …`) and
//! its issue line (`某周刊 第305期`); a forwarded mail's client chrome,
//! forwarder's note and forwarded headers above the mail itself; a
//! filing's cover page and items above the exhibit it files; a mailed
//! newsletter's other sections around its main piece; a web archive's
//! toolbar over the page it saved; the shape of a research note's
//! forecast table printed as lines (a header of years, one cell per year).
//! Must not know: site names or any string of a particular page; the
//! chrome pass that calls these tests line by line ([`crate::chrome`]).

use crate::chrome::{first_prose, is_page_position};
use crate::doc::{BlockKind, Work};
use crate::script::{char_len, has_inner_sentence_end, is_sentence_end, split_unit};
use model::DropReason;
use regex::Regex;
use std::sync::OnceLock;

/// An e-paper's page label (`C03版：产经`, `当前版：B02版：产业`), given
/// folded.
pub(crate) fn is_edition_label(folded: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^(?:当前版[:：]\s*)?[a-z]?\d{1,3}\s*版(?:[:：]\s*\p{Han}{1,8})?$")
            .expect("static regex")
    });
    folded.len() <= 80 && folded.contains('版') && re.is_match(folded.trim())
}

/// A forecast table printed as lines among `rows` (indices of blocks in
/// reading order): a header of three or more years (`项目 2024A 2025E
/// 2026E`), the rows under it with a label and one cell per year
/// (`营业收入（百万元） 1,174 6,521 12,860`), and a short caption right
/// above the header (`盈利预测`). Returns the table's blocks: the
/// research note's own, though none of them is a sentence. An appendix's
/// tables (under `附表：…`) are not the note's text.
pub(crate) fn year_table(work: &Work, rows: &[usize]) -> Vec<usize> {
    let is_year = |t: &str| {
        let t = t.trim_end_matches(['A', 'E', 'F', 'P', 'a', 'e']);
        t.len() == 4
            && (t.starts_with("19") || t.starts_with("20"))
            && t.bytes().all(|b| b.is_ascii_digit())
    };
    let is_cell = |t: &str| {
        t.chars().any(|c| c.is_ascii_digit())
            || matches!(t, "—" | "-" | "--" | "n/a" | "NA" | "N/A")
            || char_len(t) <= 3
    };
    let mut table = Vec::new();
    let mut k = 0;
    while k < rows.len() {
        let appendix = ["附表", "附录", "附錄", "Appendix"]
            .iter()
            .any(|a| work.blocks[rows[k]].text.trim_start().starts_with(a));
        if appendix {
            break;
        }
        let header = &work.blocks[rows[k]].text;
        let years = header.split_whitespace().filter(|t| is_year(t)).count();
        if years < 3 || header.len() > 200 {
            k += 1;
            continue;
        }
        if let Some(&above) = k.checked_sub(1).and_then(|p| rows.get(p)) {
            let t = work.blocks[above].text.trim();
            if char_len(t) <= 12 && !t.contains(is_sentence_end) {
                table.push(above);
            }
        }
        table.push(rows[k]);
        k += 1;
        while let Some(&r) = rows.get(k) {
            let cells: Vec<&str> = work.blocks[r].text.split_whitespace().collect();
            let row = cells.len() == years + 1
                && !is_cell(cells[0])
                && cells[1..].iter().all(|c| is_cell(c));
            if !row {
                break;
            }
            table.push(r);
            k += 1;
        }
    }
    table
}

/// A stock data panel above the first paragraph: four or more short lines
/// in a row, each a label ending in a figure (`Market cap (US$bn) 159.2`,
/// `Free float (%) 61.2`, `Absolute 3.1 12.5 40.2`).
pub(crate) fn data_panels(work: &mut Work) {
    let alive = work.alive();
    let first_prose = first_prose(work, &alive, |_| false);
    let entry = |i: usize| is_data_row(&work.blocks[i].text);
    let mut drop = Vec::new();
    let mut k = 0;
    while k < first_prose {
        let mut j = k;
        while j < first_prose && entry(alive[j]) {
            j += 1;
        }
        if j - k >= 4 {
            drop.extend_from_slice(&alive[k..j]);
        }
        k = j + 1;
    }
    work.drop_unprotected(drop, DropReason::Chrome);
}

/// A data panel's row: a short label and figures, its last word holding a
/// digit, and no sentence (`Market cap (US$bn) 159.2`, `市值(億元) 3,108 2,164`).
fn is_data_row(text: &str) -> bool {
    let t = text.trim();
    char_len(t) <= 60
        && !t.ends_with(is_sentence_end)
        && !t.contains(['，', '。'])
        && t.split_whitespace().count() >= 2
        && t.split_whitespace()
            .last()
            .is_some_and(|w| w.chars().any(|c| c.is_ascii_digit()))
}

/// A figure's caption in a report (`Figure 1: …`, `Exhibit 3.`, `图2：…`,
/// `圖一：…`).
fn is_figure_caption(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^(?i:figure|fig\.|chart|exhibit|图表|圖表|图|圖)\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[:：.]")
            .expect("static regex")
    });
    text.len() <= 300 && re.is_match(text.trim_start())
}

/// A chart's or table's source line (`Source: Company data, Example
/// estimates`, `资料来源：公司公告`).
fn is_source_line(text: &str) -> bool {
    let t = text.trim();
    let lower = t.get(..8).unwrap_or(t).to_ascii_lowercase();
    (lower.starts_with("source:")
        || lower.starts_with("sources:")
        || t.starts_with("资料来源")
        || t.starts_with("資料來源"))
        && char_len(t) <= 120
        && !has_inner_sentence_end(t)
}

/// A table's caption in a report (`表1：…`, `Table 2.`).
fn is_table_caption(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^(?i:table|表)\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[:：.]")
            .expect("static regex")
    });
    text.len() <= 300 && re.is_match(text.trim_start())
}

/// A stock chart printed without a numbered caption: a title ending in
/// `走勢`/`走势` or `price chart`, or a research note's `市场表现` panel,
/// a legend of up to two lines, four or more axis values under it, then a
/// legend line marked `(右)`/`(左)` or a row of axis dates (`2025/01
/// 2025/04`). All of it goes.
fn untitled_chart(work: &Work, alive: &[usize], k: usize, drop: &mut Vec<usize>) {
    let title = work.blocks[alive[k]].text.trim();
    let titled = char_len(title) <= 24
        && (["走勢", "走势", "走勢圖", "走势图", "price chart"]
            .iter()
            .any(|e| title.ends_with(e))
            || matches!(
                title,
                "市场表现" | "市場表現" | "股价表现" | "股價表現" | "相对市场表现" | "相對市場表現"
            ));
    if !titled {
        return;
    }
    let value = |j: usize| {
        let t = work.blocks[j].text.trim();
        !t.is_empty() && t.len() <= 12 && t.chars().all(is_value_char)
    };
    // A legend may stand between the title and the axis (`某公司 沪深300`,
    // or one name per line).
    let legend = alive.get(k + 1..).map_or(0, |rest| {
        rest.iter()
            .take(2)
            .take_while(|&&j| !value(j) && char_len(work.blocks[j].text.trim()) <= 24)
            .count()
    });
    let from = k + 1 + legend;
    let values = alive
        .get(from..)
        .map_or(0, |rest| rest.iter().take_while(|&&j| value(j)).count());
    if values < 4 {
        return;
    }
    let end = from + values;
    drop.extend_from_slice(&alive[k..end]);
    if let Some(&legend) = alive.get(end) {
        let t = work.blocks[legend].text.trim();
        let marked = char_len(t) <= 24
            && ["(右)", "（右）", "(左)", "（左）"]
                .iter()
                .any(|m| t.contains(m));
        let dates = t.len() <= 120
            && t.split_whitespace().count() >= 3
            && t.split_whitespace().all(is_axis_date);
        if marked || dates {
            drop.push(legend);
        }
    }
    // The chart's source line right under it.
    drop.extend(
        alive[end..]
            .iter()
            .take(2)
            .copied()
            .find(|&j| is_source_line(work.blocks[j].text.trim())),
    );
}

/// A numbered section heading (`四、投資建議`, `3. Valuation`).
fn is_numbered_heading(t: &str) -> bool {
    crate::related::is_numbered_section(t)
        || t.split_once(". ").is_some_and(|(n, _)| {
            (1..=2).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit())
        })
}

/// A chart dumped as text under its caption: axis and data labels one per
/// line (`Gen 3 8-high`, `9.6`), at least four, half of them bare numbers.
/// The caption stays; the labels go, and so does a source line within a
/// dozen lines of the caption.
pub(crate) fn chart_dumps(work: &mut Work) {
    let alive = work.alive();
    let mut drop = Vec::new();
    for (k, &i) in alive.iter().enumerate() {
        // A table's caption (`表1：…`): its rows stay, its source line goes.
        if is_table_caption(&work.blocks[i].text) {
            drop.extend(source_under(work, &alive, k));
            continue;
        }
        if !is_figure_caption(&work.blocks[i].text) {
            untitled_chart(work, &alive, k, &mut drop);
            continue;
        }
        // The chart's source line ends its labels, and so does the next
        // numbered section (`四、投資建議`).
        // A row of values or periods (`2023 2024 2025F`, `148 215 320`)
        // is a label too, however many.
        // (`F`, `E`: a forecast or an estimate year, `2026F`; `Q`, `H`: a
        // quarter or a half, `2025Q3`.)
        let numeric_row = |t: &str| {
            t.len() <= 160
                && t.split_whitespace().count() >= 3
                && t.split_whitespace().all(|w| {
                    w.chars()
                        .all(|c| is_value_char(c) || matches!(c, 'F' | 'E' | 'Q' | 'H'))
                })
        };
        let label = |j: usize| {
            let t = work.blocks[j].text.trim();
            ((char_len(t) <= 24 && t.split_whitespace().count() <= 4) || numeric_row(t))
                && !t.ends_with(is_sentence_end)
                && !is_source_line(t)
                && !is_numbered_heading(t)
        };
        let number = |j: usize| {
            let t = work.blocks[j].text.trim();
            !t.is_empty()
                && (t
                    .chars()
                    .all(|c| is_value_char(c) || matches!(c, ' ' | 'F' | 'E'))
                    || is_chart_value(t))
        };
        let run: Vec<usize> = alive[k + 1..]
            .iter()
            .copied()
            .take_while(|&j| label(j))
            .collect();
        // Two rows of values are a chart's table as well as four labels.
        let rows = run.len() >= 2 && run.iter().all(|&j| numeric_row(work.blocks[j].text.trim()));
        if rows || (run.len() >= 4 && run.iter().filter(|&&j| number(j)).count() * 2 >= run.len()) {
            drop.extend_from_slice(&run);
        }
        // The source line within a dozen lines of the labels' end.
        drop.extend(source_under(work, &alive, k + run.len()));
    }
    work.drop_unprotected(drop, DropReason::Chrome);
}

/// The source line within a dozen lines under the caption at `alive[k]`.
fn source_under(work: &Work, alive: &[usize], k: usize) -> Option<usize> {
    alive[k + 1..]
        .iter()
        .take(12)
        .copied()
        .find(|&j| is_source_line(&work.blocks[j].text))
}

/// An axis date of a chart: `2025/01`, `2025-04`, `25/07`.
fn is_axis_date(w: &str) -> bool {
    w.split_once(['/', '-']).is_some_and(|(y, m)| {
        (y.len() == 2 || y.len() == 4)
            && (1..=2).contains(&m.len())
            && y.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
    })
}

/// A chart's period label (`2025E`, `FY25Q3`, `2024Q1`, `1H25`) or a value
/// with its unit (`4 PFLOPS`, `12%`): a label that counts as a number.
fn is_chart_value(t: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^(?:(?:FY|CY)?\d{2,4}(?:Q[1-4]|H[12]|[AEF])?|[1-4][QH]\d{2}|-?\d[\d.,]*\s?(?:%|[A-Za-z]{1,6}(?:/[A-Za-z]{1,3})?))$")
            .expect("static regex")
    });
    t.len() <= 16 && re.is_match(t)
}

/// A character of a chart's value or axis label: digits, `.`, `,`, `%`,
/// `-`.
fn is_value_char(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '.' | ',' | '%' | '-')
}

/// A printed page's footer or header as a PDF's text carries it: segments
/// between bars, one of them the page position (`Example Securities |
/// See important disclosures | Page 2 of 3`), given folded.
pub(crate) fn is_page_footer(folded: &str) -> bool {
    if folded.len() > 400 {
        return false;
    }
    if folded.contains(['|', '｜']) {
        return folded.split(['|', '｜']).any(is_page_position);
    }
    // A browser's printed footer: the page's address, then the position
    // (`https://example.com/story      Page 1 of 4`).
    folded
        .trim()
        .split_once(char::is_whitespace)
        .is_some_and(|(url, rest)| url.starts_with("http") && is_page_position(rest.trim()))
}

/// A news brief printed on the same page as the article (a print page's
/// OCR or PDF text): after the article's first paragraph, a paragraph
/// led by the paper's own dateline (`【本報訊】`, `（本报讯）`) under one or
/// two short headline lines is another story. Its headline and its
/// paragraph go; the article's next subhead stays.
pub(crate) fn page_briefs(work: &mut Work) {
    let alive = work.alive();
    if !work.lines_only(&alive) {
        return;
    }
    let dateline_led = |t: &str| {
        let t = t
            .trim_start()
            .trim_start_matches(['【', '（', '(', '[', '■']);
        t.starts_with("本報訊") || t.starts_with("本报讯")
    };
    let headline = |i: usize| {
        let t = work.blocks[i].text.trim();
        (4..=24).contains(&char_len(t))
            && !t.ends_with(is_sentence_end)
            && !has_inner_sentence_end(t)
    };
    let mut seen_paragraph = false;
    let mut drop = Vec::new();
    for (k, &i) in alive.iter().enumerate() {
        let t = &work.blocks[i].text;
        if seen_paragraph && dateline_led(t) && k > 0 && headline(alive[k - 1]) {
            let mut start = k - 1;
            if start > 0 && headline(alive[start - 1]) {
                start -= 1;
            }
            drop.extend_from_slice(&alive[start..=k]);
        }
        seen_paragraph |= char_len(t) >= 40
            && (t.trim_end().ends_with(is_sentence_end) || has_inner_sentence_end(t));
    }
    work.drop_unprotected(drop, DropReason::Chrome);
}

/// A screenshot's or a scan's watermark read as text: a short line naming
/// an account (`@某财经 微信号：xxx`, `公众号：…`) printed three or more
/// times down a dump, often in the middle of a sentence. Every copy goes.
pub(crate) fn watermarks(work: &mut Work) {
    let key = |t: &str| -> Option<String> {
        let t = t.trim();
        let marked = t.contains(['@', '＠'])
            || ["微信号", "微信號", "公众号", "公眾號"]
                .iter()
                .any(|w| t.contains(w));
        (marked && t.len() <= 160 && char_len(t) <= 40).then(|| {
            t.chars()
                .filter(|c| !c.is_whitespace())
                .map(|c| match c {
                    '：' => ':',
                    '＠' => '@',
                    c => c.to_ascii_lowercase(),
                })
                .collect()
        })
    };
    let alive = work.alive();
    let mut seen: std::collections::HashMap<String, Vec<usize>> = std::collections::HashMap::new();
    for &i in &alive {
        let b = &work.blocks[i];
        if b.kind != BlockKind::Line {
            return;
        }
        if let Some(k) = key(&b.text) {
            seen.entry(k).or_default().push(i);
        }
    }
    let drop: Vec<usize> = seen
        .into_values()
        .filter(|copies| copies.len() >= 3)
        .flatten()
        .collect();
    work.drop_unprotected(drop, DropReason::Chrome);
}

/// A printed page's running header: a line printed again on every page,
/// right after a page footer (`Example Corp (000000 KS)`), or its
/// running footer, right before the page's number (`Example Securities`
/// over `3 / 18`). Every copy goes.
pub(crate) fn running_headers(work: &mut Work) {
    let footers: Vec<usize> = (0..work.blocks.len())
        .filter(|&i| {
            let b = &work.blocks[i];
            let t = &b.text;
            t.len() <= 400
                && (t.contains("age")
                    || t.contains("AGE")
                    || t.contains(['页', '頁'])
                    || (t.len() <= 16 && t.contains('/')))
                && {
                    let f = b.folded();
                    is_page_footer(&f) || is_page_position(&f)
                }
        })
        .collect();
    if footers.len() < 2 {
        return;
    }
    let mut headers: Vec<String> = Vec::new();
    for &f in &footers {
        let after = work.blocks[f + 1..].iter().filter(|b| b.alive).take(3);
        let before = work.blocks[..f].iter().rev().filter(|b| b.alive).take(2);
        for b in after.chain(before) {
            let t = b.text.trim();
            if t.len() <= 160 && !t.ends_with(is_sentence_end) {
                let copies = work.blocks.iter().filter(|o| o.text.trim() == t).count();
                if copies >= 2 && !headers.iter().any(|h| h == t) {
                    headers.push(t.to_string());
                }
            }
        }
    }
    for i in work.alive() {
        let b = &work.blocks[i];
        if !b.protected && headers.iter().any(|h| h == b.text.trim()) {
            work.drop_block(i, DropReason::Chrome);
        }
    }
}

/// A printed page's head or foot copied into the text once, with its page
/// number (`第四章　封裝即戰場　　58`, `58  The Packaging War`): the words
/// beside the number stand in the page's title, or as a field of another
/// short line of the page, kept or dropped (a book's header `書名｜第四章
/// 封裝即戰場`), and make no sentence.
pub(crate) fn numbered_running_heads(work: &mut Work) {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^(?:(\D.{3,39}?)\s+\d{1,4}|\d{1,4}\s+(\D.{3,39}))$").expect("static regex")
    });
    let squash = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let candidates: Vec<(usize, String)> = work
        .alive()
        .into_iter()
        .filter_map(|i| {
            let t = work.blocks[i].text.trim();
            if t.len() > 160 || t.contains(['。', '，', ',', '.', '!', '?', '！', '？']) {
                return None;
            }
            let c = re.captures(t)?;
            let words = c.get(1).or_else(|| c.get(2))?.as_str();
            (words.chars().count() >= 4).then(|| (i, squash(words)))
        })
        .collect();
    if candidates.is_empty() {
        return;
    }
    let title = work.title.as_deref().map(squash);
    let heads: Vec<usize> = candidates
        .into_iter()
        .filter(|(i, words)| {
            let words = words.as_str();
            // a header line's field: `書名｜第四章 封裝即戰場`
            let field_of = |t: &str| {
                t.len() <= 240
                    && squash(t)
                        .split(['｜', '|', '·', '—', '/', '／'])
                        .any(|part| part == words)
            };
            title.as_deref().is_some_and(|t| t.contains(words))
                || work
                    .blocks
                    .iter()
                    .enumerate()
                    .any(|(k, b)| k != *i && field_of(&b.text))
                || work.dropped.iter().any(|d| field_of(&d.excerpt))
        })
        .map(|(i, _)| i)
        .collect();
    work.drop_unprotected(heads, DropReason::Chrome);
}

/// A mail header of a newsletter read in a mail client (folded):
/// `主旨：…`, `寄件者：…`, `Subject: …`.
pub(crate) fn is_mail_header(folded: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^(?:寄件者|寄件人|收件者|收件人|发件人|主旨|邮件主题|副本|from|to|subject|cc|reply-to)\s*[:：]\s*\S")
            .expect("static regex")
    });
    folded.len() <= 400 && re.is_match(folded.trim_start())
}

/// A printed table of contents' entry: a heading, a dot leader and its
/// page (`2.1 CoWoS：产能有望翻倍 ........ 6`, `Risks …… 14`).
pub(crate) fn is_toc_entry(text: &str) -> bool {
    let t = text.trim_end();
    let Some(rest) = t.strip_suffix(|c: char| c.is_ascii_digit()) else {
        return false;
    };
    let head = rest.trim_end_matches(|c: char| c.is_ascii_digit());
    if t.len() - head.len() > 4 || t.len() > 400 {
        return false;
    }
    let leader = head.trim_end();
    let dots = leader.len() - leader.trim_end_matches(['.', '…', '·', '．']).len();
    // at least four leader dots (`…` is three bytes), and a heading before them
    dots >= 4
        && leader
            .trim_end_matches(['.', '…', '·', '．', ' '])
            .chars()
            .count()
            >= 2
}

/// An issue line (`某周刊 第305期`): the magazine's number, not text.
pub(crate) fn is_issue_line(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re =
        RE.get_or_init(|| Regex::new(r"^\S{0,16}\s*第\s*\d{1,5}\s*期$").expect("static regex"));
    text.len() <= 60 && text.trim_end().ends_with('期') && re.is_match(text.trim())
}

/// A research note's rating box line (folded): `投資評等：買進（維持）`,
/// `目標價：4,650元（前次：3,980元）`, `收盤價（2025/11/17）：3,885元`,
/// `Rating: Buy`, `Price target: US$42`.
pub(crate) fn is_rating_line(folded: &str) -> bool {
    const LABELS: [&str; 16] = [
        "投资评等",
        "投资评级",
        "行业评级",
        "上次评级",
        "公司评级",
        "评级",
        "目标价",
        "收盘价",
        "当前价",
        "前次目标价",
        "rating",
        "price target",
        "target price",
        "closing price",
        "last price",
        "share price",
    ];
    let t = folded.trim();
    // A rating box printed one field per line: the label, then the
    // rating (`投资评级`, `买入（维持）`).
    if t.len() <= 40 && (matches!(t, "投资评级" | "投资评等" | "评级") || is_rating_value(t))
    {
        return true;
    }
    if t.len() > 120 || !t.contains([':', '：']) {
        return false;
    }
    LABELS.iter().any(|l| {
        t.strip_prefix(l).is_some_and(|rest| {
            // An optional date in brackets before the colon.
            let rest = rest.trim_start();
            let rest = match rest.strip_prefix(['(', '（']) {
                Some(r) => r.split_once([')', '）']).map_or("", |(_, after)| after),
                None => rest,
            };
            rest.trim_start().starts_with([':', '：']) && char_len(rest) <= 30
        })
    })
}

/// A rating alone on its line, maybe with its change (folded):
/// `买入（维持）`, `增持(首次)`.
fn is_rating_value(t: &str) -> bool {
    const RATINGS: [&str; 11] = [
        "买入",
        "增持",
        "持有",
        "中性",
        "减持",
        "卖出",
        "买进",
        "强烈推荐",
        "推荐",
        "谨慎推荐",
        "区间操作",
    ];
    let (rating, change) = match t.split_once(['(', '（']) {
        Some((r, c)) => (r.trim(), Some(c.trim_end_matches([')', '）']))),
        None => (t, None),
    };
    RATINGS.contains(&rating)
        && change.is_none_or(|c| matches!(c, "维持" | "首次" | "上调" | "下调" | "首次覆盖"))
        && change.is_some()
}

/// A research note's analyst line (folded): `分析師：某某`, `研究助理：某某`,
/// `Analyst: Jo Roe`: a label and a name.
pub(crate) fn is_analyst_line(folded: &str) -> bool {
    const LABELS: [&str; 6] = [
        "分析师",
        "分析员",
        "研究助理",
        "研究员",
        "analyst",
        "analysts",
    ];
    let t = folded.trim();
    // An analyst's licence number (`执业证书编号：S0000000000000`).
    let licence = ["执业证书编号", "证书编号"].iter().any(|l| {
        t.strip_prefix(l)
            .and_then(|r| r.trim_start().strip_prefix([':', '：']))
            .is_some_and(|n| {
                let n = n.trim();
                n.starts_with(['s', 'S'])
                    && n.len() <= 16
                    && n[1..].bytes().all(|b| b.is_ascii_digit())
            })
    });
    // A credential after the name (`某某，CFA`).
    let t = t
        .strip_suffix("cfa")
        .map_or(t, |r| r.trim_end().trim_end_matches([',', '，']).trim_end());
    licence
        || t.len() <= 60
            && LABELS.iter().any(|l| {
                t.strip_prefix(l)
                    .and_then(|r| r.trim_start().strip_prefix([':', '：']))
                    .is_some_and(|names| (2..=24).contains(&char_len(names)) && is_name_list(names))
            })
}

/// Names after an analyst's label (folded): Chinese names of two to four
/// characters or Latin names, split by spaces, `、` or slashes, perhaps
/// with a licence number (`张三 s0000000000000`); a subhead after a colon
/// (`分析員：短線炒作成分大`) is none.
fn is_name_list(names: &str) -> bool {
    names
        .split([' ', '、', '/', '／'])
        .filter(|p| !p.is_empty())
        .all(|p| {
            let han = p.chars().all(crate::script::is_han);
            let latin = p
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '\''));
            (han && (2..=4).contains(&p.chars().count())) || (latin && p.len() <= 20)
        })
}

/// An item of a research note's list of earlier reports: a number (or
/// none), the report's title in book-title marks and its date (`1.《某公司：…》
/// 2025-08-18`); the list's label (`相关研究`) goes with it.
pub(crate) fn is_report_list_line(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^(?:\d{1,2}\s*[.、]?\s*)?(?:《[^》]{2,80}》\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|相关研究|相關研究|相关报告|相關報告)$")
            .expect("static regex")
    });
    let t = text.trim();
    t.len() <= 300 && (t.contains('《') || t.starts_with("相")) && re.is_match(t)
}

/// A data box's label with its unit in brackets (`收盘价（元）`,
/// `资产负债率（%）`, `Market cap (US$bn)`).
fn is_unit_label(t: &str) -> bool {
    char_len(t) <= 16 && split_unit(t).is_some() && !t.starts_with(['(', '（'])
}

/// A value alone on its line (`238.50`, `5,542.74`, `21.37%`,
/// `180.10-268.88`).
fn is_value_alone(t: &str) -> bool {
    t.len() <= 24
        && t.starts_with(|c: char| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '%' | '-' | '/' | '~'))
}

/// A research note's sidebar box of stock data: a header (`公司基本資料`,
/// `股價表現`, `Key data`, `Share price performance`) and the rows under it,
/// each a label and figures (`市值(億元) 3,108 2,164`). The note's own
/// tables sit under a `表1：` caption and stay.
pub(crate) fn stock_data_boxes(work: &mut Work) {
    const HEADERS: [&str; 10] = [
        "公司基本资料",
        "股价表现",
        "基本资料",
        "市场数据",
        "基础数据",
        "key data",
        "company data",
        "stock data",
        "share price performance",
        "stock performance",
    ];
    let alive = work.alive();
    // A row on one line, or a box printed one field per line: a label
    // with its unit in brackets (`总市值（亿元）`) and a value alone.
    let row = |i: usize| {
        let t = work.blocks[i].text.trim();
        is_data_row(t) || is_unit_label(t) || is_value_alone(t)
    };
    let mut drop = Vec::new();
    for (k, &i) in alive.iter().enumerate() {
        let b = &work.blocks[i];
        if b.text.len() > 120 {
            continue;
        }
        let folded = b.folded();
        if !HEADERS.iter().any(|h| folded.trim().starts_with(h)) {
            continue;
        }
        let rows = alive[k + 1..].iter().take_while(|&&j| row(j)).count();
        let valued = alive[k + 1..k + 1 + rows]
            .iter()
            .any(|&j| !is_unit_label(work.blocks[j].text.trim()));
        if rows >= 2 && valued {
            drop.extend_from_slice(&alive[k..=k + rows]);
        }
    }
    work.drop_unprotected(drop, DropReason::Chrome);
}

/// A forwarded mail in a dump: everything above the marker (`----------
/// Forwarded message ---------`) is the mail client and the forwarder's
/// note; the marker and the forwarded headers under it (`From:`, `Date:`,
/// `Subject:`, `To:`) are metadata. Only a marker in the first half of the
/// text counts.
pub(crate) fn forwarded_mail(work: &mut Work) {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)^-{2,}\s*(?:forwarded message|original message|begin forwarded message:?|转发的邮件|转发邮件|原始邮件|轉寄的郵件|轉寄郵件|原始郵件)\s*-{2,}$")
            .expect("static regex")
    });
    static HEADER: OnceLock<Regex> = OnceLock::new();
    let header = HEADER.get_or_init(|| {
        Regex::new(r"(?i)^(?:from|date|sent|subject|to|cc|寄件者|寄件日期|日期|主旨|收件者|发件人|发送时间|主题|收件人)\s*[:：]")
            .expect("static regex")
    });
    let alive = work.alive();
    let Some(k) = alive.iter().position(|&i| {
        let t = work.blocks[i].text.trim();
        t.len() <= 80 && t.starts_with('-') && re.is_match(t)
    }) else {
        return;
    };
    // The first half by text: a mail client's menus above are many short
    // lines.
    let seen: usize = alive[..=k]
        .iter()
        .map(|&i| char_len(work.blocks[i].text.trim()))
        .sum();
    if seen > work.alive_chars() / 2 {
        return;
    }
    work.drop_unprotected(alive[..k].to_vec(), DropReason::Chrome);
    let mut meta = vec![alive[k]];
    meta.extend(
        alive[k + 1..]
            .iter()
            .take_while(|&&i| {
                let t = work.blocks[i].text.trim();
                t.len() <= 300 && header.is_match(t)
            })
            .copied(),
    );
    work.drop_unprotected(meta, DropReason::Metadata);
}

/// A web archive's toolbar over a saved page in a dump: from the
/// archive's own first line (`The Wayback Machine - https://…`) to its
/// `TIMESTAMPS` tab, the capture calendar and the collection notes go;
/// the archived page under it is cleaned as any page.
pub(crate) fn archive_toolbar(work: &mut Work) {
    let alive = work.alive();
    let archived = alive.iter().take(3).any(|&i| {
        work.blocks[i]
            .text
            .trim_start()
            .starts_with("The Wayback Machine - http")
    });
    if !archived {
        return;
    }
    let Some(end) = alive
        .iter()
        .take(60)
        .position(|&i| work.blocks[i].text.trim() == "TIMESTAMPS")
    else {
        return;
    };
    work.drop_unprotected(alive[..=end].to_vec(), DropReason::Chrome);
}

/// A divider line of one repeated rule character (`=====`, `-----`,
/// `━━━━━`), eight or more long.
fn is_divider(text: &str) -> bool {
    let t = text.trim();
    let mut chars = t.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    // three dashes, stars or underscores alone are a plain-text rule
    // (`---`), as in markdown; other rule characters need eight
    let least = if matches!(first, '-' | '*' | '_') {
        3
    } else {
        8
    };
    matches!(first, '=' | '-' | '━' | '─' | '_' | '*' | '~' | '＝' | '—')
        && t.chars().count() >= least
        && chars.all(|c| c == first)
}

/// How many blocks from the top a newsletter's contents list may start.
const CONTENTS_WITHIN: usize = 24;

/// A newsletter's contents list near its top (three numbered lines or more
/// in a row: `一、 理事長的話`, `二、 專題分析：…`, `3. Member news`): the
/// later lines that repeat an entry's title, or its part before a colon,
/// start that entry's section. Empty unless two titles are found again.
fn contents_bounds(work: &Work, alive: &[usize]) -> Vec<usize> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[.、])\s*\S.{1,38}$")
            .expect("static regex")
    });
    let is_entry = |i: usize| re.is_match(work.blocks[i].text.trim());
    let top = &alive[..alive.len().min(CONTENTS_WITHIN)];
    let Some(start) =
        (0..top.len()).find(|&k| top[k..].len() >= 3 && top[k..k + 3].iter().all(|&i| is_entry(i)))
    else {
        return Vec::new();
    };
    let entries: Vec<usize> = top[start..]
        .iter()
        .copied()
        .take_while(|&i| is_entry(i))
        .collect();
    // an entry's title, and its part before a colon (`專題分析：…`)
    let names: Vec<String> = entries
        .iter()
        .flat_map(|&i| {
            let key = title_key(&work.blocks[i].text);
            let head = key
                .split_once(['：', ':'])
                .map(|(h, _)| h.to_string())
                .filter(|h| char_len(h) >= 2);
            std::iter::once(key).chain(head)
        })
        .collect();
    let found: Vec<usize> = alive[start + entries.len()..]
        .iter()
        .copied()
        .filter(|&i| {
            let t = &work.blocks[i].text;
            char_len(t) <= 60 && names.contains(&title_key(t))
        })
        .collect();
    if found.len() < 2 {
        return Vec::new();
    }
    found
}

/// The blocks that are rule lines, live or not: the markup pass may have
/// dropped them already, but they still mark where a box or a section
/// starts and ends.
pub(crate) fn rule_lines(work: &Work) -> Vec<usize> {
    (0..work.blocks.len())
        .filter(|&i| is_divider(&work.blocks[i].text))
        .collect()
}

/// A section label in capitals alone on its line (`THE BIG STORY`, `ALSO
/// IN CHIPS THIS WEEK`): three letters or more, no lower case, no
/// sentence, 48 chars at most, all Latin (`HBM容量` is a table's column
/// head).
fn is_caps_label(text: &str) -> bool {
    let t = text.trim();
    // An ad's label set into a story marks the ad, not a new section.
    let ad = matches!(
        t,
        "ADVERTISEMENT" | "AD" | "ADS" | "SPONSORED" | "SPONSOR" | "PROMOTED" | "PAID POST"
    );
    !ad && t.len() <= 48
        && t.bytes().filter(u8::is_ascii_uppercase).count() >= 3
        && !t.bytes().any(|b| b.is_ascii_lowercase())
        && !t.ends_with(['.', '!', '?', ':'])
        && !t
            .chars()
            .any(|c| c.is_ascii_digit() || (!c.is_ascii() && c.is_alphabetic()))
}

/// A mailed newsletter's sections in a dump or a mail's HTML (mail headers
/// at its top, an unsubscribe, `View in browser` or `forwarded to you`
/// line): divider lines or capitalised labels split it into sections (market
/// tables, the main piece, briefs, a calendar, the legal notice); when
/// one section holds at least 60 % of the prose in three or more
/// paragraphs, it is the article and the other sections go.
pub(crate) fn newsletter_sections(work: &mut Work) {
    let alive = work.alive();
    let mailed = alive
        .iter()
        .take(6)
        .any(|&i| is_mail_header(&work.blocks[i].folded()))
        || work.blocks.iter().any(|b| {
            let t = &b.text;
            t.len() <= 400
                && [
                    "nsubscribe",
                    "取消订阅",
                    "取消訂閱",
                    "退订",
                    "退訂",
                    "email forwarded to you",
                    "View in browser",
                    "View this email in your browser",
                    "在浏览器中查看",
                    "在瀏覽器中查看",
                ]
                .iter()
                .any(|w| t.contains(w))
        });
    if !mailed {
        return;
    }
    let n = work.blocks.len();
    let mut bounds: Vec<usize> = vec![0];
    bounds.extend(rule_lines(work));
    // A mail's HTML sets its sections apart by capitalised labels (`THE
    // BIG STORY`, `QUICK HITS`) rather than rule lines; where rules stand,
    // such labels are subheads inside a section.
    if bounds.len() == 1 {
        bounds.extend(contents_bounds(work, &alive));
    }
    // A label heads text within three lines; a capitalised table cell
    // (`NVIDIA`) has more short cells after it.
    if bounds.len() == 1 {
        bounds.extend((0..n).filter(|&i| {
            is_caps_label(&work.blocks[i].text)
                && work.blocks[i + 1..]
                    .iter()
                    .filter(|b| !b.text.trim().is_empty())
                    .take(3)
                    .any(|b| char_len(b.text.trim()) >= 20)
        }));
    }
    bounds.sort_unstable();
    bounds.dedup();
    bounds.push(n);
    if bounds.len() < 4 {
        return;
    }
    let sections: Vec<(usize, usize)> = bounds.windows(2).map(|w| (w[0], w[1])).collect();
    let Some((a, b)) =
        crate::thread::dominant_section(&sections, |a, b| crate::thread::prose_of(work, a..b))
    else {
        return;
    };
    let others: Vec<usize> = alive
        .iter()
        .copied()
        .filter(|&i| {
            let t = &work.blocks[i].text;
            i < a || i >= b || (i == a && (is_divider(t) || is_caps_label(t)))
        })
        .collect();
    work.drop_unprotected(others, DropReason::Boilerplate);
}

/// A bulletin's sections in a dump (an association's or a company's
/// internal newsletter copied from a word processor): a contents list
/// (`本期要目`) over three or more section labels alone on their lines
/// (`【编者按】`, `【产业调研】`, `【企业动态】`). When one section holds at
/// least 60 % of the prose in three or more paragraphs, it is the article;
/// the masthead, the contents, the other sections and every label go.
/// Without the contents list, bracketed labels are the article's own
/// subheads and nothing happens.
pub(crate) fn bulletin_sections(work: &mut Work) {
    let alive = work.alive();
    let contents = alive.iter().position(|&i| {
        let b = &work.blocks[i];
        b.text.len() <= 20
            && matches!(
                b.folded().trim(),
                "本期要目" | "本期目录" | "本期导读" | "本期内容" | "目录"
            )
    });
    let Some(contents) = contents else {
        return;
    };
    let is_label = |i: usize| {
        let t = work.blocks[i].text.trim();
        t.strip_prefix('【')
            .and_then(|r| r.strip_suffix('】'))
            .is_some_and(|inner| (1..=8).contains(&char_len(inner)) && !inner.contains('】'))
    };
    let labels: Vec<usize> = alive[contents + 1..]
        .iter()
        .copied()
        .filter(|&i| is_label(i))
        .collect();
    if labels.len() < 3 {
        return;
    }
    let n = work.blocks.len();
    let mut bounds = labels.clone();
    bounds.push(n);
    let sections: Vec<(usize, usize)> = bounds.windows(2).map(|w| (w[0], w[1])).collect();
    let Some((a, b)) =
        crate::thread::dominant_section(&sections, |a, b| crate::thread::prose_of(work, a..b))
    else {
        return;
    };
    let others: Vec<usize> = alive
        .iter()
        .copied()
        .filter(|&i| i <= a || i >= b)
        .collect();
    work.drop_unprotected(others, DropReason::Boilerplate);
}

/// A report's sections named by its dot-leader contents list (`產業焦點：…
/// ........ 3`): when three or more entries are printed again further
/// down as headings, the section under one of them that holds most of the
/// punctuated text (half of it, and twice any other section's) is the
/// article, and the other sections (market wrap, ratings tables, calendar,
/// disclosures) go.
pub(crate) fn contents_sections(work: &mut Work) {
    let alive = work.alive();
    let Some(last_entry) = alive
        .iter()
        .rposition(|&i| is_toc_entry(&work.blocks[i].text))
    else {
        return;
    };
    let titles: Vec<String> = alive[..=last_entry]
        .iter()
        .filter(|&&i| is_toc_entry(&work.blocks[i].text))
        .map(|&i| title_key(toc_title(&work.blocks[i].text)))
        .filter(|t| t.chars().count() >= 2)
        .collect();
    if titles.len() < 3 {
        return;
    }
    let heads: Vec<usize> = alive[last_entry + 1..]
        .iter()
        .copied()
        .filter(|&i| {
            let t = &work.blocks[i].text;
            char_len(t) <= 60 && {
                let key = title_key(t);
                key.chars().count() >= 2
                    && titles
                        .iter()
                        .any(|title| key == *title || (key.len() >= 12 && title.starts_with(&key)))
            }
        })
        .collect();
    if heads.len() < 3 {
        return;
    }
    let mut bounds = heads;
    bounds.push(work.blocks.len());
    // A PDF's column lines are short: the text is measured by the chars of
    // its punctuated lines, not by paragraphs.
    let text_of = |a: usize, b: usize| -> usize {
        (a..b)
            .filter(|&i| {
                let t = &work.blocks[i].text;
                work.blocks[i].alive && (t.contains(['，', '。']) || t.contains(". "))
            })
            .map(|i| char_len(&work.blocks[i].text))
            .sum()
    };
    let mut sections: Vec<((usize, usize), usize)> = bounds
        .windows(2)
        .map(|w| ((w[0], w[1]), text_of(w[0], w[1])))
        .collect();
    let total: usize = sections.iter().map(|s| s.1).sum();
    sections.sort_by_key(|s| std::cmp::Reverse(s.1));
    let ((a, b), most) = sections[0];
    let runner_up = sections.get(1).map_or(0, |s| s.1);
    // Half of the text, and twice any other section.
    if most * 2 < total || most < 2 * runner_up {
        return;
    }
    let others: Vec<usize> = alive.iter().copied().filter(|&i| i < a || i >= b).collect();
    work.drop_unprotected(others, DropReason::Boilerplate);
}

/// The heading of a contents entry: the text before its dot leaders.
fn toc_title(text: &str) -> &str {
    text.trim_end()
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end_matches(['.', '…', '·', '．', ' '])
}

/// A heading compared without its marks, numbering and spaces (`▌產業焦點：
/// AI 伺服器` and `產業焦點：AI伺服器` are one).
fn title_key(text: &str) -> String {
    let t = text
        .trim()
        .trim_start_matches(['▌', '■', '●', '◆', '►', '▶', '★', '□', '◎', ' ']);
    let numbered =
        t.trim_start_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
    let t = match numbered.strip_prefix(['、', '.', '．', ')', '）']) {
        Some(rest) if numbered.len() < t.len() => rest,
        _ => t,
    };
    t.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A filing's exhibit in a dump (`EX-99.1`, `Exhibit 99.1` alone on a
/// line, as a securities regulator's viewer prints a report with the
/// press release it files): the release under the last such marker is the
/// article, and the filing's index, cover page, items and signatures
/// above it go. A paragraph must follow within a few lines, and the text
/// under the marker must be a fair share of the page.
pub(crate) fn filing_exhibit(work: &mut Work) {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)^(?:ex-|exhibit\s+)99(?:\.\d{1,2})?$").expect("static regex")
    });
    let alive = work.alive();
    let marker = |i: usize| {
        let t = work.blocks[i].text.trim();
        t.len() <= 16 && re.is_match(t)
    };
    let Some(k) = alive.iter().rposition(|&i| marker(i)) else {
        return;
    };
    let opens = alive[k + 1..]
        .iter()
        .take(8)
        .any(|&i| crate::chrome::is_body_paragraph(&work.blocks[i].text));
    let under: usize = alive[k + 1..]
        .iter()
        .map(|&i| char_len(work.blocks[i].text.trim()))
        .sum();
    if !opens || under * 4 < work.alive_chars() {
        return;
    }
    work.drop_unprotected(alive[..=k].to_vec(), DropReason::Boilerplate);
}

#[cfg(test)]
mod watermark_tests {
    use super::*;
    use crate::doc::Block;

    #[test]
    fn an_account_watermark_printed_down_a_dump_goes() {
        let lines = [
            "全年营业收入64.93亿元，同比增长",
            "@某财经 微信号：abc123",
            "497.6%；归母净利润20.14亿元。",
            "@某财经  微信号:abc123",
            "研发投入38.2亿元，占营收比重26.8%。",
            "@某财经 微信号：abc123",
            "作者 @某人 的观点",
        ];
        let mut w = Work::new(
            lines
                .iter()
                .map(|l| Block::new(*l, BlockKind::Line))
                .collect(),
        );
        watermarks(&mut w);
        assert_eq!(
            w.alive_texts(),
            vec![lines[0], lines[2], lines[4], lines[6]]
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_running_head_with_its_page_number_goes() {
        let body = "封裝產能在過去三年增加了四倍，但需求增加得更快，交期仍在半年以上。";
        let lines = [
            "某書名：產業的地圖｜第二章 記憶體之牆",
            body,
            "第二章　記憶體之牆　　41",
            body,
            "某書名：產業的地圖　　42",
            "2 Reactions",
            "3 Reactions",
            "第二章 記憶體的三個世代 43",
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        numbered_running_heads(&mut w);
        // the head's fields are the book's and the chapter's names; a
        // counter or a line whose words stand nowhere else stays
        assert_eq!(w.alive(), vec![0, 1, 3, 5, 6, 7]);
        let mut w = Work::of_lines(
            &["Chapter 4 The Packaging War", body, "The Packaging War 58"],
            crate::doc::BlockKind::Line,
        );
        w.title = Some("Chapter 4 The Packaging War".into());
        numbered_running_heads(&mut w);
        assert_eq!(w.alive(), vec![0, 1]);
    }

    #[test]
    fn a_newsletter_contents_list_splits_its_pieces() {
        let para = "本會訪談的會員普遍認為，先進封裝的產能缺口將延續到明年下半年，測試時間也隨晶片面積拉長。";
        let mut lines = vec![
            "某協會 產業通訊 第12期",
            "一、 理事長的話",
            "二、 專題分析：封裝的三重變局",
            "三、 會員動態",
            "各位會員先進新年好！本會會員數已突破百家，感謝支持。",
            "專題分析",
        ];
        lines.extend([para; 6]);
        lines.extend([
            "會員動態",
            "歡迎新會員加入：甲公司、乙公司。",
            "本刊以電子郵件寄送會員，如不欲繼續收到，請來信註明「取消訂閱」。",
        ]);
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        newsletter_sections(&mut w);
        let kept: Vec<&str> = w
            .alive()
            .iter()
            .map(|&i| w.blocks[i].text.as_ref())
            .collect();
        assert_eq!(kept.first(), Some(&"專題分析"));
        assert_eq!(kept.iter().filter(|t| **t == para).count(), 6);
        assert!(!kept
            .iter()
            .any(|t| t.contains("理事長") || t.contains("新會員")));
    }

    #[test]
    fn a_forecast_table_printed_as_lines() {
        let lines = [
            "我们维持对公司的判断，估值仍有空间。",
            "业绩预测",
            "指标 2025A 2026E 2027E",
            "营业收入（亿元） 12.5 18.2 24.0",
            "毛利率（%） 41.2 — 43.0",
            "资料来源：某证券研究所",
        ];
        let w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        let rows: Vec<usize> = (1..lines.len()).collect();
        assert_eq!(year_table(&w, &rows), vec![1, 2, 3, 4]);
        // An appendix's tables are not the note's text.
        let lines = [
            "附表：财务预测",
            "指标 2025A 2026E 2027E",
            "营业收入 12.5 18.2 24.0",
        ];
        let w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        assert!(year_table(&w, &[0, 1, 2]).is_empty());
    }
    use crate::script::fold;

    #[test]
    fn research_note_sidebars() {
        assert!(is_report_list_line(
            "2.《某公司：上半年業績亮眼》2025-08-18"
        ));
        assert!(is_report_list_line("相关研究"));
        assert!(is_report_list_line(
            "《存储专题：带宽决定推理上限》 2025-11-18"
        ));
        assert!(!is_report_list_line("《某報告》指出，明年出貨將成長三成。"));
        assert!(is_rating_line(&fold("买入（维持）")) && is_rating_line(&fold("投资评级")));
        assert!(!is_rating_line(&fold("买入")) && !is_rating_line(&fold("持有至到期")));
        assert!(is_analyst_line(&fold("执业证书编号：S0000000000001")));
        assert!(is_analyst_line(&fold("分析員：某某某，CFA")));
        assert!(is_analyst_line(&fold("分析师：张三、李四")));
        assert!(is_analyst_line(&fold("研究员：王五 S0000000000002")));
        assert!(!is_analyst_line(&fold("分析員：估值偏高風險大")));
        assert!(is_unit_label("总市值（亿元）") && !is_unit_label("（亿元）"));
        assert!(
            is_value_alone("5,542.74") && is_value_alone("21.37%") && !is_value_alone("2025年")
        );
    }

    #[test]
    fn a_web_archives_toolbar() {
        let para = "Example Chips cut the list price of its accelerator kit by a fifth, people familiar with the matter said on Friday.";
        let lines = [
            "The Wayback Machine - https://web.archive.org/web/2025/https://news.example.com/a",
            "7 captures",
            "About this capture",
            "The archive discovers and captures web pages through many crawls over time.",
            "TIMESTAMPS",
            "Example News",
            para,
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        archive_toolbar(&mut w);
        assert_eq!(w.alive(), vec![5, 6]);
        let mut w = Work::of_lines(&lines[1..], crate::doc::BlockKind::Line);
        archive_toolbar(&mut w);
        assert_eq!(w.alive().len(), lines.len() - 1);
    }

    #[test]
    fn a_newsletters_main_piece_among_its_sections() {
        let para = "某券商指出，國產AI晶片今年出貨量可望翻倍，主要來自雲端推理需求，毛利率亦隨規模擴大而改善。";
        let brief = "某公司：第三季收入按年增長15%，遊戲業務穩定。";
        let lines = [
            "寄件者: 某證券研究部 <research@example.com>",
            "主旨: 晨報",
            "==========",
            "某指數 21,402.10 -210.33 -0.97%",
            "==========",
            "今日主題",
            para,
            para,
            para,
            "==========",
            brief,
            "==========",
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        newsletter_sections(&mut w);
        assert_eq!(w.alive(), vec![5, 6, 7, 8]);
        // Not mailed: dividers in an article's own text stay.
        let mut w = Work::of_lines(&lines[2..], crate::doc::BlockKind::Line);
        newsletter_sections(&mut w);
        assert_eq!(w.alive().len(), lines.len() - 2);
        assert!(is_divider("━━━━━━━━") && !is_divider("=====") && !is_divider("==== 今日 ===="));
        // A mail's HTML: capitalised labels split it, no rule lines.
        let en = "The rack ships in the third quarter, and the first customer has committed to tens of thousands of accelerators over two years.";
        let lines = [
            "View in browser",
            "TODAY'S SPONSOR",
            "Rent GPU clusters by the hour from our partner, with no minimum term.",
            "THE BIG STORY",
            en,
            en,
            en,
            "QUICK HITS",
            "A startup raised money for its inference chip.",
            "Was this email forwarded to you? Sign up here.",
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Para);
        newsletter_sections(&mut w);
        assert_eq!(w.alive(), vec![4, 5, 6]);
        assert!(is_caps_label("ALSO IN CHIPS THIS WEEK") && !is_caps_label("CHIPS & IPOs"));
        assert!(!is_caps_label("Q3 2026") && !is_caps_label("AMD."));
        assert!(!is_caps_label("ADVERTISEMENT"));
        assert!(!is_caps_label("HBM容量") && is_caps_label("WHAT’S NEXT — CHIPS"));
    }

    #[test]
    fn a_filings_exhibit_is_the_article() {
        let release = "SAN JOSE, Calif., March 3, 2026 -- Example Chips Inc. today announced a supply agreement for packaging capacity through 2028.";
        let lines = [
            "FORM 8-K",
            "Item 7.01 Regulation FD Disclosure.",
            "On March 2, 2026, the Company entered into a supply agreement, as described in the press release filed as Exhibit 99.1.",
            "SIGNATURES",
            "EX-99.1",
            "Exhibit 99.1",
            "Example Chips Secures Packaging Capacity",
            release,
            release,
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        filing_exhibit(&mut w);
        assert_eq!(w.alive(), vec![6, 7, 8]);
        // An exhibit named in a sentence, or a marker over no prose.
        let lines = [
            "Exhibit 99.1 is attached.",
            release,
            "EX-99.1",
            "SIGNATURES",
            "Jane Roe",
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        filing_exhibit(&mut w);
        assert_eq!(w.alive().len(), lines.len());
    }

    #[test]
    fn a_reports_section_named_in_its_contents_is_the_article() {
        let para = "供應鏈調查顯示，先進封裝月產能年底將再增加五成，但需求仍高於供給，";
        let wrap = "雲端業者自研晶片的比重持續提升，相關廠商受惠。";
        let mut lines = vec![
            "目錄",
            "國際股市 ........................................ 1",
            "產業焦點：先進封裝擴產 .......................... 2",
            "個股建議 ........................................ 4",
            "國際股市",
            "美股漲跌互見，市場靜待利率決議。",
            "▌產業焦點：先進封裝擴產",
        ];
        for _ in 0..6 {
            lines.push(para);
            lines.push(wrap);
        }
        lines.extend([
            "▌個股建議",
            "某公司 買進 目標價 1,200元",
            "評等依據，詳見說明。",
        ]);
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        contents_sections(&mut w);
        let alive = w.alive();
        assert_eq!(alive.first(), Some(&6), "{alive:?}");
        assert_eq!(alive.last(), Some(&18), "{alive:?}");
        assert_eq!(title_key("▌產業焦點：AI 伺服器"), "產業焦點：AI伺服器");
        assert_eq!(title_key("一、CoWoS擴產"), "CoWoS擴產");
    }

    #[test]
    fn a_bulletins_main_section_is_the_article() {
        let para = |n: u32| {
            format!("{n}、全省人工智能芯片产业实现营业收入486.3亿元，同比增长31.2%，设计环节增长最快，封测环节稳步提升。")
        };
        let (p1, p2, p3) = (para(1), para(2), para(3));
        let brief = "近日，某企业产品通过车规认证，已向多家企业送样。";
        let lines = [
            "内部资料　注意保存",
            "本期要目",
            "【编者按】\t1",
            "【产业调研】某报告\t2",
            "【企业动态】某认证\t5",
            "【编者按】",
            "本期刊发调研报告，供参考。",
            "【产业调研】",
            p1.as_str(),
            p2.as_str(),
            p3.as_str(),
            "【企业动态】",
            "某企业产品通过车规认证",
            brief,
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        bulletin_sections(&mut w);
        assert_eq!(w.alive(), vec![8, 9, 10]);
        // bracketed subheads of one article, with no contents list, stay
        let lines = [
            "【背景】",
            p1.as_str(),
            "【观点】",
            p2.as_str(),
            "【展望】",
            p3.as_str(),
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        bulletin_sections(&mut w);
        assert_eq!(w.alive().len(), 6);
    }

    #[test]
    fn contents_entries_with_dot_leaders() {
        assert!(is_toc_entry(
            "2.1 CoWoS：2026年产能有望达到月产11万片 ........ 6"
        ));
        assert!(is_toc_entry(
            "图表 8：国内主要AI芯片厂商经营数据 ........................ 12"
        ));
        assert!(is_toc_entry("Risks to our view …… 14"));
        assert!(!is_toc_entry("Revenue rose to 12"));
        assert!(!is_toc_entry("...... 3"));
        assert!(!is_toc_entry("等待中.... 12345"));
    }

    #[test]
    fn a_brief_on_the_same_print_page_goes() {
        let para = "美國持續收緊對華晶片出口，內地設計商加速尋求資本市場支持，公開發售部分獲超額認購約五百倍。";
        let lines = [
            "國產晶片股扎堆來港",
            para,
            "某廠季績勝預期",
            "毛利率升至22.5%",
            "【本報訊】某廠昨晚公布去年第四季業績，收入按年增長17%至24.9億美元，毛利率升至22.5%。",
            "競爭仍然激烈",
            para,
        ];
        let mut w = Work::of_lines(&lines, BlockKind::Line);
        page_briefs(&mut w);
        assert_eq!(w.alive(), vec![0, 1, 5, 6]);
        // The article's own dateline, before any paragraph, stays.
        let lines = [
            "國產晶片股扎堆來港",
            "【本報訊】某廠昨晚公布業績，收入按年增長。",
            para,
        ];
        let mut w = Work::of_lines(&lines, BlockKind::Line);
        page_briefs(&mut w);
        assert_eq!(w.alive(), vec![0, 1, 2]);
    }

    #[test]
    fn page_footers_running_headers_chart_labels_and_data_panels() {
        assert!(is_page_footer(&fold(
            "Example Securities Ltd. | See important disclosures at the end | Page 2 of 3"
        )));
        assert!(!is_page_footer(&fold("Chips | Memory | Packaging")));
        assert!(is_page_footer(&fold(
            "https://www.example.com/memory/some-story-2026            Page 2 of 4"
        )));
        assert!(!is_page_footer(&fold(
            "https://www.example.com/page has 2 of 4"
        )));
        let body = "We raise our estimates as contract prices for the new memory settle above our expectations.";
        let lines = [
            "Example Corp (000000 KS)",
            body,
            "Example Securities | Page 1 of 2",
            "Example Corp (000000 KS)",
            body,
            "Example Securities | Page 2 of 2",
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        running_headers(&mut w);
        assert_eq!(w.alive(), vec![1, 2, 4, 5]);
        // A Traditional footer (`第 1 頁`) is found as a Simplified one.
        let hant_body =
            "本公司上調明年獲利預估，新一代記憶體合約價高於先前預期，出貨量也將逐季成長。";
        let lines = [
            "某科技 (0000 TT)",
            hant_body,
            "某證券 | 第 1 頁",
            "某科技 (0000 TT)",
            hant_body,
            "某證券 | 第 2 頁",
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        running_headers(&mut w);
        assert_eq!(w.alive(), vec![1, 2, 4, 5]);
        // A running footer above a bare page number (`3 / 18`) goes too.
        let lines = [body, "某证券", "1 / 2", body, "某证券", "2 / 2"];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        running_headers(&mut w);
        assert_eq!(w.alive(), vec![0, 2, 3, 5]);
        // Period labels and values with units are a chart's labels too, and a
        // research note's market panel goes with its legend and axis dates.
        let lines = [
            body,
            "图表 3：数据中心业务季度收入",
            "数据中心业务收入（亿美元，左轴）",
            "308",
            "411",
            "FY25Q3",
            "FY26Q3",
            "2 PFLOPS",
            body,
            "市场表现",
            "电子",
            "沪深300",
            "62%",
            "26%",
            "8%",
            "-10%",
            "2025/01 2025/04 2025/07",
            body,
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        chart_dumps(&mut w);
        assert_eq!(w.alive(), vec![0, 1, 8, 17]);
        let lines = [
            body,
            "Figure 1: Price per unit by generation (US$)",
            "Gen 3",
            "Gen 4",
            "7.8",
            "9.6",
            "Source: Industry checks, Example estimates",
            body,
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        chart_dumps(&mut w);
        assert_eq!(w.alive(), vec![0, 1, 7]);
        assert!(is_figure_caption("圖一：某類晶片季度出貨量"));
        // The labels end at the source line and the next section.
        let lines = [
            body,
            "圖2：本益比走勢",
            "80",
            "60",
            "40",
            "20",
            "資料來源：某資料庫，某投顧整理",
            "四、投資建議",
            body,
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        chart_dumps(&mut w);
        assert_eq!(w.alive(), vec![0, 1, 7, 8]);
        let lines = [
            "Price target US$42 (prev. US$35)",
            "Market cap (US$bn) 159.2",
            "Free float (%) 61.2",
            "52-week range (US$) 16.2 - 34.5",
            "Example Corp raises its forecast",
            body,
            "Revenue rose to US$3.2 billion in 2025",
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        data_panels(&mut w);
        assert_eq!(w.alive(), vec![4, 5, 6]);
    }

    #[test]
    fn a_research_notes_rating_box_and_stock_data_box_go() {
        for t in [
            "投資評等：買進（維持）",
            "目標價：120元（前次：98元）",
            "收盤價（2026/1/5）：101元",
            "Price target: US$42",
            "行业评级：推荐（维持）",
            "上次评级：推荐",
        ] {
            assert!(is_rating_line(&fold(t)), "{t}");
        }
        assert!(
            is_analyst_line(&fold("分析師：王小明")) && is_analyst_line(&fold("Analyst: Jo Roe"))
        );
        assert!(!is_analyst_line(&fold(
            "分析師：今年需求強勁，明年仍看好。"
        )));
        assert!(is_table_caption("表1：某公司 財務預估"));
        assert!(!is_rating_line(&fold(
            "目標價由98元上調至120元，較收盤價仍有約19%的上漲空間。"
        )));
        let body = "We raise our estimates as contract prices for the new memory settle above our expectations.";
        let lines = [
            body,
            "公司基本資料 甲公司 乙公司",
            "股本(億元) 8.0 13.4",
            "市值(億元) 310 216",
            "表1：甲公司 財務預估",
            "年度 2024 2025F 2026F",
            "營收(億元) 51.0 61.2 99.6",
            body,
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        stock_data_boxes(&mut w);
        assert_eq!(w.alive(), vec![0, 4, 5, 6, 7]);
        // A stock chart without a numbered caption goes whole.
        let lines = [
            body,
            "甲公司股價走勢",
            "4,500",
            "4,000",
            "3,500",
            "3,000",
            "甲公司 加權指數(右)",
            body,
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        chart_dumps(&mut w);
        assert_eq!(w.alive(), vec![0, 7]);
        // A chart's rows of periods and values go under its caption.
        let lines = [
            body,
            "圖1：市場規模預估",
            "2023 2024 2025F 2026F 2027F",
            "148 215 320 478 655",
            "資料來源：某投顧預估",
            body,
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        chart_dumps(&mut w);
        assert_eq!(w.alive(), vec![0, 1, 5]);
    }

    #[test]
    fn a_forwarded_mail_starts_under_its_headers() {
        let body = "We raise our estimates as contract prices for the new memory settle above our expectations.";
        let lines = [
            "Inbox 1,204",
            "Fwd: Example Update",
            "FYI, see the part on memory. Worth reading before the call.",
            "---------- Forwarded message ---------",
            "From: Example IR <ir@example.com>",
            "Date: Thu, Nov 20, 2025 at 9:02 AM",
            "Subject: Example Update",
            "To: <jo@example.org>",
            body,
            body,
            body,
            body,
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        forwarded_mail(&mut w);
        assert_eq!(w.alive(), vec![8, 9, 10, 11]);
        // A marker past the first half is a reply quoted under the text.
        let lines = [body, body, "----- Original Message -----", "From: Jo"];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        forwarded_mail(&mut w);
        assert_eq!(w.alive(), vec![0, 1, 2, 3]);
    }

    #[test]
    fn edition_labels_mail_headers_and_issue_lines() {
        assert!(is_edition_label(&fold("C03版：产经")));
        assert!(is_edition_label(&fold("當前版：B02版：產業")));
        assert!(!is_edition_label(&fold("A05版显示公司营收增长")));
        assert!(is_mail_header(&fold(
            "主旨：【某週報 第12期】某公司新品量產"
        )));
        assert!(is_mail_header(&fold("Subject: Chip Weekly #12")));
        assert!(!is_mail_header(&fold("主旨是讲先进封装的产能。")));
        assert!(is_issue_line("某周刊 第305期") && !is_issue_line("第3期工程明年投产"));
    }
}
