//! Hard-wrapped text dumps -> paragraphs.
//!
//! Owns: deciding whether a dump was wrapped at a fixed width (a text-mode
//! browser's save, a mail archive, a print view) and which line breaks are
//! wraps. A break is a wrap when the next line's first word would not have
//! fitted on the line before (the test a reflowing reader uses), both lines
//! share one indent, and the next line starts no list item. A text
//! browser's numbered reference list (`12. https://…`) does not count
//! among the lines the wraps are weighed against. Everything else
//! (blank lines, headings, list items, short last lines) stays a break.
//! Must not know: what is noise; HTML; how lines are cleaned.

/// Widest wrap the rule believes in; wider "wraps" are paragraphs.
const MAX_WIDTH: usize = 100;
/// Narrowest wrap worth reading as one.
const MIN_WIDTH: usize = 40;
/// Narrowest wrap of Han text: a newspaper column holds 12-16 characters.
const MIN_WIDE_WIDTH: usize = 24;
/// Widest first word that votes for a wrap width.
const MAX_WORD: usize = 24;
/// Wraps a dump needs before its breaks are read as wraps.
const MIN_WRAPS: usize = 8;

/// The column a dump was wrapped at, when it was. Every break between
/// two lines of one indent votes for the widths at which it would be a wrap
/// (from the first line's width to that plus the next line's first word);
/// the dump is wrapped at the most voted width when that width holds at
/// least [`MIN_WRAPS`] votes, half of all breaks that vote at all, and one
/// for every six lines.
pub fn wrap_width(text: &str) -> Option<usize> {
    let mut votes = [0i64; MAX_WIDTH + 2];
    let mut voters = 0usize;
    let mut lines = 0usize;
    // lines a wrapped paragraph could have (chart ticks and menu items
    // are not), for a PDF's text
    let mut long_lines = 0usize;
    let mut page_numbers = 0usize;
    let mut prev: Option<&str> = None;
    for line in text.lines() {
        let line = line.trim_end();
        // a dump with a paragraph per line is not wrapped: stop early
        if line.len() > 8 * MAX_WIDTH {
            return None;
        }
        // a text browser's numbered list of link targets is not text
        if !line.is_empty() && !is_link_reference(line) {
            lines += 1;
            // a line of 20 bytes or more may be 20 columns wide: only
            // those are measured
            long_lines += usize::from(line.len() >= MIN_WIDTH / 2 && width(line) >= MIN_WIDTH / 2);
            page_numbers += usize::from(line.len() <= 16 && is_page_number(line));
        }
        if let Some(p) = prev.filter(|_| !line.is_empty()) {
            let word = width(first_word(line));
            // a long first word (a URL) fits no line: it says nothing
            if indents_fit(p, line)
                && word <= MAX_WORD
                && !starts_list_item(line.trim_start())
                && !overruns(p, line, width(p))
            {
                let min = if is_han_line(p) {
                    MIN_WIDE_WIDTH
                } else {
                    MIN_WIDTH
                };
                let from = width(p).max(min);
                let to = (width(p) + space(p, line) + word - 1 + slack(p)).min(MAX_WIDTH);
                if from <= to {
                    voters += 1;
                    votes[from] += 1;
                    votes[to + 1] -= 1;
                }
            }
        }
        prev = (!line.is_empty()).then_some(line);
    }
    let mut best = (0usize, 0usize);
    let mut running = 0i64;
    for (limit, v) in votes.iter().enumerate().take(MAX_WIDTH + 1) {
        running += v;
        let count = usize::try_from(running).unwrap_or(0);
        if count > best.1 {
            best = (limit, count);
        }
    }
    let (limit, wraps) = best;
    let wrapped = wraps * 2 >= voters && wraps * 6 >= lines;
    // A PDF's text (pages split by form feeds or numbered `3 / 18`) sets
    // its columns in a proportional font, so its wraps spread over a few
    // widths, and its charts and tables add many short lines and a few
    // wide ones: two wraps in five votes and one wrap in six long lines.
    let printed = text.contains('\u{c}') || page_numbers >= 3;
    let printed_wrapped = printed && wraps * 5 >= voters * 2 && wraps * 6 >= long_lines;
    (wraps >= MIN_WRAPS && (wrapped || printed_wrapped)).then_some(limit)
}

/// An entry of a text browser's reference list: `  12. https://…`.
fn is_link_reference(line: &str) -> bool {
    let t = line.trim_start();
    t.split_once(". ").is_some_and(|(n, rest)| {
        (1..=4).contains(&n.len())
            && n.bytes().all(|b| b.is_ascii_digit())
            && (rest.starts_with("http://")
                || rest.starts_with("https://")
                || rest.starts_with("file://"))
    })
}

/// A PDF page's number alone on a line: `3 / 18`, `- 3 -`.
fn is_page_number(line: &str) -> bool {
    let t = line.trim().trim_matches(['-', '–', '—', ' ']);
    let digits = |s: &str| (1..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    // spaced: `1/14` unspaced counts a thread's posts
    match t.split_once(" / ") {
        // the page before the count: `2025 / 01` is a date
        Some((a, b)) => {
            let (a, b) = (a.trim_end(), b.trim_start());
            digits(a) && digits(b) && a.parse::<u32>().ok() <= b.parse::<u32>().ok()
        }
        None => digits(t) && line.trim().starts_with(['-', '–', '—']),
    }
}

/// True when the break between `line` and `next` (both trimmed at the
/// end, neither empty) is a wrap at `limit`.
pub fn is_wrap(line: &str, next: &str, limit: usize) -> bool {
    // a `#` line is a heading (markdown) or a text browser's link header;
    // `>` lines are a quoted mail, wrapped on their own; a `Key: value`
    // line is a mail header
    indents_fit(line, next)
        && !line.trim_start().starts_with(['#', '>'])
        && !next.trim_start().starts_with('>')
        && !is_header_line(next)
        && !starts_list_item(next.trim_start())
        && !is_account_mark(line)
        && !is_account_mark(next)
        && width(line) + space(line, next) + width(first_word(next)) + slack(line) > limit
        && width(line) <= limit + slack(line)
        && !overruns(line, next, limit)
}

/// A short line naming an account (`@某财经 微信号：abc`): a screenshot's
/// watermark read as text, never a wrapped paragraph's line.
fn is_account_mark(line: &str) -> bool {
    let t = line.trim();
    t.len() <= 120
        && (t.starts_with(['@', '＠'])
            || ["微信号", "微信號", "公众号：", "公眾號："]
                .iter()
                .any(|w| t.contains(w)))
}

/// A Han line wider than the column under a short one: a paragraph under
/// its heading, not the heading's wrap. (A wrapped paragraph's next line
/// fits its column.)
fn overruns(line: &str, next: &str, limit: usize) -> bool {
    is_han_line(line) && width(next) > limit + slack(line)
}

/// Both lines share one indent, or the first is a paragraph's first line
/// of Han text, indented by up to two characters over the flush lines
/// under it (how Chinese print sets a paragraph).
fn indents_fit(line: &str, next: &str) -> bool {
    indent(line) == indent(next) || (indent(next) == 0 && indent(line) <= 4 && is_han_line(line))
}

/// Han text set in a proportional font (a print page, its OCR) fills a
/// line to within one character: that much room is still a full line.
fn slack(line: &str) -> usize {
    if is_han_line(line) {
        2
    } else {
        0
    }
}

/// A line mostly of wide (Han) characters: they fill two thirds of its
/// columns.
fn is_han_line(line: &str) -> bool {
    let t = line.trim();
    let wide: usize = t.chars().filter(|&c| is_wide(c)).count() * 2;
    wide * 3 >= width(t) * 2 && wide >= 8
}

/// The space a wrap took between `line` and `next`: none next to a Han
/// character (CJK text breaks between any two characters), one between
/// two words.
fn space(line: &str, next: &str) -> usize {
    let wide_end = line.trim_end().chars().next_back().is_some_and(is_wide);
    let wide_start = next.trim_start().chars().next().is_some_and(is_wide);
    usize::from(!wide_end && !wide_start)
}

/// A mail header (`In-Reply-To: <…>`, `List-Id: …`): a capitalised key
/// of letters and hyphens, then a colon and a space.
fn is_header_line(line: &str) -> bool {
    let t = line.trim_start();
    // a Chinese label opening a line (`风险提示：`, `数据来源：`) starts a
    // field; a speaker's colon (`黄仁勋表示：`, `他说：`) does not
    if let Some((key, _)) = t.split_once('：') {
        let n = key.chars().count();
        let said = [
            "说", "說", "表示", "指出", "认为", "認為", "称", "稱", "强调", "強調", "透露", "坦言",
            "问", "問", "答", "道",
        ]
        .iter()
        .any(|w| key.ends_with(w));
        if (4..=6).contains(&n) && !said && key.chars().all(crate::script::is_han) {
            return true;
        }
    }
    let key = t.split(": ").next().unwrap_or("");
    key.len() < t.len()
        && (2..=30).contains(&key.len())
        && key.starts_with(|c: char| c.is_ascii_uppercase())
        && key.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-')
}

/// The first word of a line; Han text may break after any character, so
/// there the first character is the word, and a Latin word ends where Han
/// text starts (`1.《…》`: `1.`).
fn first_word(line: &str) -> &str {
    let t = line.trim_start();
    match t.chars().next() {
        Some(c) if is_wide(c) => &t[..c.len_utf8()],
        // a Latin word runs to a space or to the first Han character
        _ => t
            .split(|c: char| c == ' ' || is_wide(c))
            .next()
            .unwrap_or(""),
    }
}

/// `text` with its paragraphs joined back, when it was wrapped at a fixed
/// width; `None` when it was not.
pub fn reflowed(text: &str) -> Option<String> {
    wrap_width(text).map(|limit| unwrap(text, limit))
}

/// `text` with its wraps at `limit` joined: one line per paragraph; other
/// breaks, blank lines and indents stay.
pub fn unwrap(text: &str, limit: usize) -> String {
    let mut out = String::with_capacity(text.len());
    let mut prev: Option<&str> = None;
    for line in text.lines().map(str::trim_end) {
        let wraps = prev.is_some_and(|p| !line.is_empty() && is_wrap(p, line, limit));
        if wraps {
            join(&mut out, line);
        } else {
            if prev.is_some() || !out.is_empty() {
                out.push('\n');
            }
            out.push_str(line);
        }
        prev = (!line.is_empty()).then_some(line);
    }
    out
}

/// Joins a wrapped line to the paragraph so far: a space between words,
/// none next to a Han character.
pub fn join(paragraph: &mut String, next: &str) {
    let next = next.trim();
    // Han text breaks between any two characters, so a wrap before a Han
    // character took no space, after a Latin word or a number too
    // (`1.16億股H` + `股`). Before a Latin word it may have taken one.
    let glue = next.chars().next().is_some_and(is_wide);
    if !glue && !paragraph.is_empty() {
        paragraph.push(' ');
    }
    paragraph.push_str(next);
}

/// Leading spaces.
fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// `* `, `+ `, `- `, `• `, `o `, `1. `, `12) `: a list item's marker.
fn starts_list_item(t: &str) -> bool {
    let mut chars = t.chars();
    match chars.next() {
        Some('*' | '+' | '-' | '•' | '·' | 'o') => chars.next() == Some(' '),
        Some(c) if c.is_ascii_digit() => {
            // a wrapped sentence may start with its year (`2022. He`)
            let digits = t.bytes().take_while(u8::is_ascii_digit).count();
            digits <= 3
                && matches!(t.as_bytes().get(digits), Some(b'.' | b')'))
                && matches!(t.as_bytes().get(digits + 1), Some(b' '))
        }
        _ => false,
    }
}

/// Display columns: two for a wide (CJK) character.
fn width(s: &str) -> usize {
    s.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chinese_label_starts_a_field() {
        assert!(is_header_line("风险提示：本文仅为信息整理，不构成任何"));
        assert!(is_header_line("数据来源：公司公告"));
        assert!(!is_header_line("他说：“这不是问题。”"));
        assert!(!is_header_line("黄仁勋表示：“需求仍然强劲。”"));
        assert!(!is_header_line("司公告与万得的整理，本文仅为信息的整理。"));
    }

    #[test]
    fn an_account_watermark_is_never_a_wrap() {
        assert!(!is_wrap(
            "已陆续披露2025年年报或业绩快报，整",
            "@某财经 微信号：abc",
            34
        ));
        assert!(!is_wrap(
            "@某财经 微信号：abc",
            "体来看，板块合计营收同比增长约68%",
            34
        ));
    }

    fn wrapped_article() -> String {
        let para = "The quick brown fox jumps over the lazy dog while the packaging \
                    line waits for another batch of interposers and the engineers \
                    argue about yields, bonding pitch and the price of every wafer \
                    that leaves the fab this quarter.";
        let mut out = String::from("Menu\n\n   * News\n   * Packaging\n\nA Heading\n\n");
        for _ in 0..4 {
            let mut line = String::from("   ");
            for w in para.split(' ') {
                if line.len() + 1 + w.len() > 72 && !line.trim().is_empty() {
                    out.push_str(&line);
                    out.push('\n');
                    line = String::from("   ");
                }
                if !line.trim().is_empty() {
                    line.push(' ');
                }
                line.push_str(w);
            }
            out.push_str(&line);
            out.push_str("\n\n");
        }
        out
    }

    #[test]
    fn a_text_browsers_reference_list_does_not_outvote_the_wraps() {
        let mut page = wrapped_article();
        page.push_str("References\n\n");
        for n in 1..=200 {
            page.push_str(&format!("  {n}. https://news.example.com/section/{n}\n"));
        }
        assert!(wrap_width(&page).is_some());
        assert!(is_link_reference("  12. https://example.com/a"));
        assert!(!is_link_reference("12. The first point of the list"));
    }

    #[test]
    fn a_pdfs_narrow_han_columns_are_joined_among_chart_labels() {
        let para = "据我们统计，国内头部大模型平台日均调用量已由去年底的约四万亿增长至今年底的超过五十万亿，一年增长超过十倍，推理需求的爆发直接拉动了芯片的出货，云厂商自研芯片也在加速放量。";
        let chars: Vec<char> = para.chars().collect();
        let mut page = String::new();
        for p in 0..4 {
            for line in chars.chunks(23) {
                page.extend(line);
                page.push('\n');
            }
            // a chart's labels, one per line, and the page's footer
            let labels = [
                "图表",
                "6,000",
                "5,000",
                "4,000",
                "3,000",
                "2,000",
                "1,000",
                "0",
                "2023",
                "2024",
                "2025E",
                "2026E",
                "训练",
                "推理",
                "资料来源",
            ];
            for label in labels {
                page.push_str(label);
                page.push('\n');
            }
            page.push_str(&format!("某证券\n{} / 4\n\u{c}\n", p + 1));
        }
        let out = reflowed(&page).expect("a PDF's wrapped columns");
        assert_eq!(out.lines().filter(|l| *l == para).count(), 4, "{out}");
        // the same page without its page numbers is not read as wrapped
        let plain: String = page.replace('\u{c}', "").replace(" / 4", "");
        assert!(reflowed(&plain).is_none());
        assert!(is_page_number("3 / 18") && is_page_number("- 3 -"));
        assert!(!is_page_number("2025 / 01") && !is_page_number("3") && !is_page_number("1/14"));
    }

    #[test]
    fn a_wrapped_dump_has_a_width() {
        let w = wrap_width(&wrapped_article());
        assert!(w.is_some_and(|w| (60..=72).contains(&w)), "{w:?}");
    }

    #[test]
    fn a_dump_with_a_paragraph_per_line_has_none() {
        let para = "The quick brown fox jumps over the lazy dog. ".repeat(8);
        let text = format!("{para}\n{para}\nShort line\n").repeat(6);
        assert_eq!(wrap_width(&text), None);
        let menus = "Home\nNews\nMarkets\nTech\n".repeat(10);
        assert_eq!(wrap_width(&menus), None);
        let han = "一、先说结论：单卡与集群\n如果只看单卡，910C在训练场景已经明显超过H20，在推理场景则各有千秋；但如果把生态和供货算进去，两者的差距要复杂得多。\n".repeat(10);
        assert_eq!(wrap_width(&han), None);
    }

    #[test]
    fn headings_list_items_and_short_last_lines_are_no_wraps() {
        let full = "   the packaging line waits for another batch of interposers and the";
        assert!(is_wrap(full, "   engineers argue", 70));
        assert!(!is_wrap(full, "   * engineers argue", 70));
        assert!(!is_wrap(full, "Engineers argue", 70));
        assert!(!is_wrap("   this quarter.", "   Next paragraph", 70));
        assert!(!is_wrap(full, "   12. engineers", 70));
        let heading = "   # the packaging line waits for another batch of interposers and";
        assert!(!is_wrap(heading, "   engineers argue", 70));
        let header = "Message-ID: <20260310110211.4f2a9c7e@mail.example.com> and more text";
        assert!(!is_wrap(
            header,
            "In-Reply-To: <CAH8x9Q2v1kR@mail.example.com>",
            70
        ));
        assert!(!is_wrap(
            "> says custom chips will take a quarter of the market by 2028. Who",
            "> is",
            70
        ));
    }

    #[test]
    fn unwrapping_joins_wraps_and_keeps_other_breaks() {
        let text = wrapped_article();
        let limit = wrap_width(&text).expect("wrapped");
        let out = unwrap(&text, limit);
        let lines: Vec<&str> = out.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(lines.len(), 3 + 1 + 4, "{out}");
        assert!(lines[4].trim_start().starts_with("The quick") && lines[4].ends_with("quarter."));
        assert_eq!(lines[1].trim(), "* News");
    }

    #[test]
    fn a_wrapped_han_dump_has_a_width() {
        let para: String = "如果只看单卡，910C在训练场景已经明显超过H20，在推理场景则各有千秋；但如果把生态和供货算进去，两者的差距比参数表上看到的要复杂得多。".repeat(3);
        let chars: Vec<char> = para.chars().collect();
        let mut text = String::new();
        for _ in 0..3 {
            let mut line = String::new();
            let mut w = 0;
            for &c in &chars {
                let cw = if is_wide(c) { 2 } else { 1 };
                if w + cw > 76 {
                    text.push_str(&line);
                    text.push('\n');
                    line.clear();
                    w = 0;
                }
                line.push(c);
                w += cw;
            }
            text.push_str(&line);
            text.push_str("\n\n");
        }
        let limit = wrap_width(&text).expect("wrapped");
        assert!((74..=76).contains(&limit), "{limit}");
        let out = unwrap(&text, limit);
        assert_eq!(out.lines().filter(|l| !l.is_empty()).count(), 3, "{out}");
    }

    #[test]
    fn han_lines_join_without_a_space() {
        let mut p = String::from("先进封装");
        join(&mut p, "  产能吃紧");
        assert_eq!(p, "先进封装产能吃紧");
        join(&mut p, "CoWoS");
        assert_eq!(p, "先进封装产能吃紧 CoWoS");
        join(&mut p, "产能");
        assert_eq!(p, "先进封装产能吃紧 CoWoS产能");
    }

    #[test]
    fn a_newspaper_column_of_han_text_is_joined() {
        // Sixteen characters a line; a paragraph's first line indented by
        // two spaces; a proportional font leaves some lines a column short.
        let text = "國產晶片股扎堆來港\n\n  美國持續收緊對華AI晶片出口，\n內地GPU設計商加速尋求資本市場支\n持。繼某某科技今年1月登陸港交所\n主板後，某某公司昨日（11日）公布\n招股結果，公開發售部分獲超額認購\n約528倍，凍資約2,860億港元，創今\n年新股紀錄。\n  某某公司是次發行約1.16億股H\n股，每股定價46.8港元，為招股價範\n圍上限，集資淨額約52億港元，將於\n明日（13日）掛牌。招股文件顯示，\n公司2025年收入約8.3億元人民幣，\n按年增長約1.6倍，但仍錄得虧損。\n";
        let out = reflowed(text).expect("wrapped");
        let lines: Vec<&str> = out.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(lines.len(), 3, "{out}");
        assert!(
            lines[1].contains("出口，內地GPU") && lines[1].ends_with("創今年新股紀錄。"),
            "{out}"
        );
        assert!(lines[2].contains("1.16億股H股，"), "{out}");
    }
}
