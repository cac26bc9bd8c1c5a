//! The end of a text dump, after its article.
//!
//! Owns, for text dumps only (line blocks: a dump has no markup to say
//! where the article ends): (1) an end mark (`（完）`, `（本文完）`,
//! `-END-`, `ENDS`) in the second half of the page, or the header of a
//! comment section or a call to read the story on its site (a digest's
//! excerpt: `前往官网阅读全文 →`), or in the second half an author box's
//! header (`About the author`, `作者简介`) or a dash-led sign-off (`— The
//! Example Team`, `--With assistance from …`) or a wire credit (`Reporting by …;
//! Editing by …`) (`网友评论`, `留言 (12)`, `Post your comment`,
//! `请登录后发表评论`, `讨论 203`, a reply's floor label `B1`/`2樓`/`#2
//! name 3小時前`, a post footer `来自…客户端1楼<date>`) after a quarter of
//! it and three paragraphs, or a `--`
//! signature line after three paragraphs, ends the article, and every
//! line from it on is dropped; the opening post's own floor label is
//! metadata;
//! (2) after the last paragraph that reads as prose, lines that are not
//! sentences (topic lists, buttons, menus) are dropped, unless a
//! signature ended the post (its author's lines need no punctuation); a
//! research note's forecast table there, and a heading or a list's intro
//! over a sentence that stays, are the article's.
//! Must not know: HTML pages (their comment threads and footers are
//! subtrees the HTML reader already named); what the dropped lines say.

use crate::chrome::is_body_paragraph;
use crate::doc::{BlockKind, Detector, Work};
use crate::script::{char_len, has_inner_sentence_end, is_sentence_end};
use crate::stamp::{is_floor_label, is_floor_stamp};
use model::DropReason;
use regex::Regex;
use std::sync::OnceLock;

/// Phrases that open a comment section (folded), on a short line.
const COMMENT_PROMPTS: &[&str] = &[
    "请登录后发表评论",
    "登录后发表评论",
    "登录后才能评论",
    "发表评论",
    "发表留言",
    "我要评论",
    "post your comment",
    "post a comment",
    "leave a comment",
    "add a comment",
    "join the discussion",
    "join the conversation",
    "add comment",
    "按热度",
    "按时间",
    "全部回复",
    "只看作者",
    "只看楼主",
    "这些回帖亮了",
    "全部回帖",
    "热门回帖",
];

fn comment_header_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"^(?:view|show|see|read|load|查看|展开|共)?\s*(?:all\s*)?(?:\d[\d,.]*k?\s*[条个則则]?\s*)?(?:网友评论|网友留言|读者评论|读者留言|全部评论|最新评论|热门评论|精彩评论|精选评论|精选留言|评论区|评论|留言|全部讨论|讨论|comments?|responses?|replies|reader comments|discussion)\s*[(\[（]?\s*\d*\s*[)\]）]?(?:\s+on\s+this\s+(?:story|article|post))?$",
        )
        .expect("static regex")
    })
}

/// A line that opens the comments under an article (given folded): a
/// comment-section header, or a reply's floor label (`#2 某用戶 3小時前`).
fn is_comment_header(folded: &str) -> bool {
    let t = folded.trim();
    // At most 40 chars, so at most 160 bytes: longer lines are not counted.
    t.len() <= 160
        && ((char_len(t) <= 30
            && (comment_header_re().is_match(t) || COMMENT_PROMPTS.iter().any(|p| t.contains(p))))
            || is_floor_label(t)
            || is_floor_stamp(t))
}

/// A line that marks the end of an article (`（完）`, `（本文完）`,
/// `-END-`, `— 完 —`, `ENDS`, `###`), given folded.
fn is_end_mark(folded: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(
            r"^(?:[(（\[【—–-]+\s*(?:本文)?(?:完|终|end)\s*[)）\]】—–-]+|ends|end|###|-30-)$",
        )
        .expect("static regex")
    });
    re.is_match(&folded.replace(' ', ""))
}

/// A line that sends the reader to the story on its own site, closing an
/// excerpt in a digest or newsletter (`前往官网阅读全文 →`, `Read the full
/// story on our website`, `Continue reading on Example Daily`), given
/// folded. A bare `Continue reading` is a paywall's expander, not an end.
fn is_story_end_call(folded: &str) -> bool {
    const CALLS: &[&str] = &[
        "在官网阅读",
        "至官网阅读",
        "前往官网阅读",
        "在网站阅读",
        "在网页阅读",
        "阅读完整报道",
        "阅读完整文章",
        "看完整报道",
        "read the full story",
        "read the full article",
        "read full story",
        "read full article",
        "read the rest on",
        "continue reading on",
        "read more on our website",
        "read it on our website",
        "read on our website",
        "read on the web",
        // A reader app's link back to the page it saved.
        "view original",
    ];
    let t = folded.trim();
    t.len() <= 120 && char_len(t) <= 48 && CALLS.iter().any(|c| t.contains(c))
}

/// A dash-led sign-off under the article (folded): `— The Example Team`,
/// `--With assistance from Jo Roe`, `— Reporting by Jo Roe`. A quote's
/// attribution (`— Jo Roe, chief executive`) is none.
fn is_sign_off(folded: &str) -> bool {
    let t = folded.trim();
    let Some(rest) = t.strip_prefix(['—', '–', '-']) else {
        return false;
    };
    let rest = rest.trim_start_matches(['—', '–', '-']).trim_start();
    t.len() <= 120
        && (rest.starts_with("with assistance from ")
            || rest.starts_with("reporting by ")
            || rest.starts_with("additional reporting by ")
            || (rest.starts_with("the ") && rest.ends_with(" team") && !rest.contains(',')))
}

/// A wire story's closing credit (folded): `Reporting by Jo Roe in Tokyo;
/// Editing by Sam Poe`, or translated `（某地的 Jo Roe 報導；編輯：Sam Poe）`.
/// Wire copy prints it under the last paragraph.
fn is_wire_credit(folded: &str) -> bool {
    let t = folded.trim();
    if t.len() > 400 {
        return false;
    }
    let english = ["reporting by ", "additional reporting by ", "writing by "]
        .iter()
        .any(|w| t.starts_with(w))
        && t.contains("editing by ");
    // The same credit in Chinese, bracketed: `（某地的 Jo Roe 报导；编辑：Sam Poe）`.
    let chinese = t.starts_with(['(', '（'])
        && t.ends_with([')', '）'])
        && (t.contains("报导") || t.contains("报道"))
        && (t.contains("编辑：") || t.contains("编辑:"));
    english || chinese
}

/// The header of the author's box under a post (`About the author`,
/// `关于作者`, `作者简介`, an interview's `About the interviewee`, a forum's `簽名檔`, a thread reader's `Keep
/// current with <name>`), given folded.
fn is_author_box_header(folded: &str) -> bool {
    // a thread reader's card: `Keep current with Daniel Okoro`
    let t = folded.trim();
    if t.strip_prefix("keep current with ")
        .is_some_and(|name| !name.is_empty() && name.split_whitespace().count() <= 4)
    {
        return true;
    }
    matches!(
        folded.trim().trim_end_matches([':', '：']),
        "about the author"
            | "about the authors"
            | "author bio"
            | "this article was written by"
            | "about the interviewee"
            | "about the speaker"
            | "about the guest"
            | "about the contributor"
            | "关于作者"
            | "作者简介"
            | "作者介绍"
            | "受访者简介"
            | "受访者介绍"
            | "嘉宾简介"
            | "嘉宾介绍"
            | "讲者简介"
            | "签名档"
    )
}

/// A line that reads as a sentence: prose ends with sentence punctuation
/// (a closing quote or bracket may follow it).
fn is_sentence(text: &str) -> bool {
    // Closing quotes and brackets, and the emoji a post ends its lines
    // with (`…的那一个。💰`), stand after the sentence's end.
    let t = text.trim_end_matches(|c: char| {
        c.is_whitespace()
            || matches!(c, '"' | '\'' | '”' | '’' | '」' | '』' | ')' | '）' | '®')
            || is_emoji(c)
    });
    if t.ends_with(is_sentence_end) || has_inner_sentence_end(t) {
        return true;
    }
    // In a post that ends its lines with emoji, the emoji is the full stop;
    // so is a tilde after a clause (`…，有錯歡迎指正～`).
    let tilde = t.ends_with(['～', '~']) && t.contains(['，', ',']);
    (tilde || text.trim_end().ends_with(is_emoji)) && crate::script::han_count(t) >= 6
}

/// A pictograph or its modifiers (`💰`, `🚀`, `1️⃣`'s selector).
fn is_emoji(c: char) -> bool {
    matches!(c as u32, 0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0xFE0F | 0x200D | 0x20E3)
}

/// In a page's markup, a bio box closes the article: its header (`About
/// the interviewee`, `作者简介`) in the second half with at most two short
/// paragraphs after it and nothing else. The header and the bio go. In
/// the first half (a guest box above an interview), the header and the
/// one short paragraph under it go.
fn trailing_bio_box(work: &mut Work<'_>, alive: &[usize]) {
    let Some(at) = alive
        .iter()
        .rposition(|&i| is_author_box_header(&work.blocks[i].folded()))
    else {
        return;
    };
    // Set into the article (an interview's guest box near its top): the
    // header and the one short bio paragraph under it.
    let first = at + 1 < alive.len() && at * 2 < alive.len();
    if first {
        let bio = alive[at + 1];
        let short = work.blocks[bio].text.chars().count() <= 300;
        if short && !work.blocks[alive[at]].protected && !work.blocks[bio].protected {
            work.drop_block(alive[at], DropReason::Boilerplate);
            work.drop_block(bio, DropReason::Boilerplate);
        }
        return;
    }
    let rest = &alive[at + 1..];
    let before: usize = alive[..at]
        .iter()
        .map(|&i| work.blocks[i].text.chars().count())
        .sum();
    let bio: usize = rest
        .iter()
        .map(|&i| work.blocks[i].text.chars().count())
        .sum();
    if rest.is_empty() || rest.len() > 2 || bio > 600 || before < bio * 2 {
        return;
    }
    if alive[at..].iter().any(|&i| work.blocks[i].protected) {
        return;
    }
    for &i in &alive[at..] {
        work.drop_block(i, DropReason::Boilerplate);
    }
}

pub struct TailFilter;

impl Detector for TailFilter {
    fn name(&self) -> &'static str {
        "tail"
    }

    fn run(&self, work: &mut Work<'_>) {
        let alive = work.alive();
        if alive.is_empty() {
            return;
        }
        if !work.lines_only(&alive) {
            trailing_bio_box(work, &alive);
            heading_at_end(work);
            return;
        }
        // (0) The opening post's own label (`#1 某用戶 3小時前`, `樓主`):
        // the first floor label, in the first half of the text, stamps
        // the post; it is not its text.
        let half = work.alive_chars() / 2;
        let mut seen = 0usize;
        for &i in &alive {
            let b = &work.blocks[i];
            if seen > half {
                break;
            }
            if is_floor_label(&b.folded()) {
                if !b.protected {
                    work.drop_block(i, DropReason::Metadata);
                }
                break;
            }
            seen += b.text.chars().count();
        }
        let alive = work.alive();
        let total = work.alive_chars();
        // (1) The first end mark or comment header in the second half. An
        // earlier detector may have dropped the mark itself (`（完）` as
        // chrome); it still ends the article.
        // A comment header may come earlier when the comments outweigh
        // the article: after a quarter of the text and three paragraphs.
        // A signature delimiter (`--`) after three paragraphs ends the
        // post: what is above it is the author's own text, punctuated or
        // not, so (2) leaves it alone.
        let mut seen = 0usize;
        let mut prose = 0usize;
        let mut cut = None;
        let mut signed = false;
        for (i, b) in work.blocks.iter().enumerate() {
            // A post of short hand-wrapped lines has few paragraphs: past
            // a third of the text, the delimiter is enough.
            signed = (prose >= 3 || seen * 3 >= total) && b.text.trim() == "--";
            let ends = signed
                || (seen * 2 >= total && is_end_mark(&b.folded()))
                || (seen * 4 >= total
                    && prose >= 3
                    && (is_comment_header(&b.folded())
                        || is_story_end_call(&b.folded())
                        || (seen * 2 >= total
                            && (is_author_box_header(&b.folded())
                                || is_sign_off(&b.folded())
                                || is_wire_credit(&b.folded())))));
            if ends && !b.protected {
                cut = Some(i);
                break;
            }
            if b.alive {
                seen += b.text.chars().count();
                prose += usize::from(is_body_paragraph(&b.text));
            }
        }
        if let Some(cut) = cut {
            for &i in alive.iter().filter(|&&i| i >= cut) {
                work.drop_block(i, DropReason::Boilerplate);
            }
            drop_closing_lines(work);
        }
        // (2) After the last prose paragraph, what is not a sentence.
        if signed && cut.is_some() {
            return;
        }
        let alive = work.alive();
        let Some(last) = alive.iter().rposition(|&i| {
            let t = &work.blocks[i].text;
            is_body_paragraph(t) && is_sentence(t)
        }) else {
            return;
        };
        let mut rest = &alive[last + 1..];
        // A list that the line after the last paragraph introduces with a
        // colon (`今日涨幅居前个股：`) closes the article: the intro and the
        // short lines right under it stay.
        if rest
            .first()
            .is_some_and(|&i| crate::chrome::is_list_intro(&work.blocks[i].text))
        {
            let mut n = 1;
            while n < rest.len()
                && rest[n] == rest[n - 1] + 1
                && char_len(&work.blocks[rest[n]].text) <= 60
                && !is_sentence(&work.blocks[rest[n]].text)
            {
                n += 1;
            }
            rest = &rest[n..];
        }
        // A research note's forecast table after its last paragraph stays,
        // and so does a heading or a list's intro over a sentence that
        // stays (`【风险提示】` over `下游需求不及预期；`, `五、几点预测` over
        // `我的判断如下：` over `1. 明年收入翻倍；`).
        let table = crate::printed::year_table(work, rest);
        let mut heading_stays = vec![false; rest.len()];
        let mut next_stays = false;
        for (k, &i) in rest.iter().enumerate().rev() {
            let t = &work.blocks[i].text;
            heading_stays[k] = next_stays && is_tail_heading(t);
            next_stays = heading_stays[k] || is_sentence(t);
        }
        for (k, &i) in rest.iter().enumerate() {
            let t = &work.blocks[i].text;
            if table.contains(&i) || heading_stays[k] {
                continue;
            }
            // The paragraph a paywall cuts short stays (`…，世芯的真正隱憂`
            // over `訂閱後即可閱讀全文`).
            let walled = is_body_paragraph(t)
                && work
                    .blocks
                    .get(i + 1)
                    .is_some_and(|n| crate::chrome::is_meter_notice(&n.folded()));
            if !work.blocks[i].protected && !is_sentence(t) && !is_rate_note(t) && !walled {
                work.drop_block(i, DropReason::Boilerplate);
            }
        }
        drop_closing_lines(work);
    }
}

/// A heading left last, with nothing under it, once the blocks after it
/// went (a promo slide's `Want the full story?` over its call to read on,
/// a related box's title): it heads nothing of the article.
fn heading_at_end(work: &mut Work<'_>) {
    let alive = work.alive();
    let Some(&last) = alive.last() else {
        return;
    };
    let b = &work.blocks[last];
    if alive.len() >= 3 && b.kind == BlockKind::Heading && !b.protected && char_len(&b.text) <= 80 {
        work.drop_block(last, DropReason::Boilerplate);
    }
}

/// A heading or a list's intro after the last paragraph: a bracketed
/// heading (`【风险提示】`), a numbered section (`五、几点预测`) or a short
/// line ending with a colon.
fn is_tail_heading(text: &str) -> bool {
    let t = text.trim();
    char_len(t) <= 40
        && ((t.starts_with('【') && t.ends_with('】'))
            || crate::related::is_numbered_section(t)
            || t.ends_with(['：', ':']))
}

/// A wire story's exchange-rate note under its last paragraph (`($1 =
/// 1,390.55 won)`, `(1 美元 = 7.12 人民币)`): the story's own.
fn is_rate_note(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^[(（]\s*(?:[$€£¥]|US\$|HK\$|NT\$)?\s*1\s*(?:美元|港元|欧元|歐元|[A-Za-z]{0,12})?\s*=\s*[$€£¥]?\s*[\d,.]+\s*\S{0,12}\s*[)）]$")
            .expect("static regex")
    });
    let t = text.trim();
    t.len() <= 80 && re.is_match(t)
}

/// With the tail gone, a note about the author or a call to comment or
/// follow may close the article (the metadata and chrome passes saw the
/// comments and lists after it).
fn drop_closing_lines(work: &mut Work<'_>) {
    for i in work.alive().into_iter().rev().take(2) {
        let b = &work.blocks[i];
        if b.protected {
            continue;
        }
        if crate::metadata::is_author_bio(&b.text) {
            work.drop_block(i, DropReason::Metadata);
        } else if crate::chrome::is_closing_call(&b.text, &b.folded()) {
            work.drop_block(i, DropReason::Chrome);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Block;

    #[test]
    fn exchange_rate_notes() {
        assert!(is_rate_note("($1 = 1,390.55 won)") && is_rate_note("（1 美元 = 7.12 人民币）"));
        assert!(!is_rate_note("(see page 2)") && !is_rate_note("$1 = 1,390.55 won"));
    }
    use crate::script::fold;

    const BODY: &str = "The packaging line will double its output next year, the company said, and most of it is already booked by two customers.";

    fn dump(lines: &[&str]) -> Work<'static> {
        let owned: Vec<Block<'static>> = lines
            .iter()
            .map(|l| Block::new(l.to_string(), BlockKind::Line))
            .collect();
        Work::new(owned)
    }

    #[test]
    fn a_heading_left_last_goes() {
        let mut w = Work::new(vec![
            Block::new(BODY, BlockKind::Para),
            Block::new(BODY, BlockKind::Para),
            Block::new("Want the full story?", BlockKind::Heading),
        ]);
        TailFilter.run(&mut w);
        assert_eq!(w.alive(), vec![0, 1]);
        let mut w = Work::new(vec![
            Block::new(BODY, BlockKind::Para),
            Block::new("What comes next", BlockKind::Heading),
            Block::new(BODY, BlockKind::Para),
        ]);
        TailFilter.run(&mut w);
        assert_eq!(w.alive(), vec![0, 1, 2]);
    }

    #[test]
    fn a_trailing_bio_box_in_markup_goes_and_a_long_section_stays() {
        let html = |texts: &[(&str, BlockKind)]| {
            Work::new(
                texts
                    .iter()
                    .map(|(t, k)| Block::new(t.to_string(), *k))
                    .collect(),
            )
        };
        let bio = "Jane Roe is co-founder and CEO of Example Compute. She spent 11 years at a chip designer.";
        let mut w = html(&[
            (BODY, BlockKind::Para),
            (BODY, BlockKind::Para),
            ("About the interviewee", BlockKind::Heading),
            (bio, BlockKind::Para),
        ]);
        TailFilter.run(&mut w);
        assert_eq!(w.alive_texts(), vec![BODY; 2]);
        // Three paragraphs under the header in the second half are a
        // section, not a bio.
        let mut w = html(&[
            (BODY, BlockKind::Para),
            (BODY, BlockKind::Para),
            (BODY, BlockKind::Para),
            (BODY, BlockKind::Para),
            ("作者简介", BlockKind::Heading),
            (BODY, BlockKind::Para),
            (BODY, BlockKind::Para),
            (BODY, BlockKind::Para),
        ]);
        TailFilter.run(&mut w);
        assert_eq!(w.alive_texts().len(), 8);
        // A guest box near the top of an interview: header and bio go.
        let mut w = html(&[
            (BODY, BlockKind::Para),
            ("嘉宾简介", BlockKind::Heading),
            (
                "某某，某研究院院长，曾任某公司AI平台事业部总监。",
                BlockKind::Para,
            ),
            (BODY, BlockKind::Para),
            (BODY, BlockKind::Para),
            (BODY, BlockKind::Para),
        ]);
        TailFilter.run(&mut w);
        assert_eq!(w.alive_texts(), vec![BODY; 4]);
    }

    #[test]
    fn a_translated_wire_credit_ends_the_story() {
        let zh = "該公司預計第一季調整後毛利率約為百分之六十，並宣布新的股票回購計劃。";
        let mut w = dump(&[
            zh,
            zh,
            zh,
            "（班加羅爾的 Jo Roe 報導；編輯：Sam Poe）",
            "我們的標準：信託原則。",
            "科技",
        ]);
        TailFilter.run(&mut w);
        assert_eq!(w.alive_texts(), vec![zh; 3]);
        assert!(!is_wire_credit(&fold("（記者某某報導）")));
    }

    #[test]
    fn a_notes_table_and_risk_heading_after_its_last_paragraph_stay() {
        let zh = "公司新一代产品已进入客户验证阶段，我们预计明年收入将明显增长，维持买入评级。";
        let mut w = dump(&[
            zh,
            zh,
            "盈利预测",
            "指标 2025A 2026E 2027E",
            "营业收入（亿元） 12.5 18.2 24.0",
            "【风险提示】",
            "客户验证进度不及预期；",
            "分享到",
        ]);
        TailFilter.run(&mut w);
        assert_eq!(w.alive().len(), 7, "{:?}", w.alive_texts());
        let mut w = dump(&[
            zh,
            zh,
            "五、几点判断",
            "最后说说我的看法：",
            "1. 明年收入翻倍；",
            "2. 毛利率回到四成。",
            "关注",
        ]);
        TailFilter.run(&mut w);
        assert_eq!(w.alive().len(), 6, "{:?}", w.alive_texts());
    }

    #[test]
    fn comment_section_and_end_marks_end_the_article() {
        let mut w = dump(&[BODY, BODY, BODY, "Comments (14)", BODY, "Most read"]);
        TailFilter.run(&mut w);
        assert_eq!(w.alive_texts(), vec![BODY; 3]);
        let mut w = dump(&[BODY, BODY, "（本文完）", "责任编辑：某某", BODY]);
        TailFilter.run(&mut w);
        assert_eq!(w.alive_texts(), vec![BODY; 2]);
        // Early in the page, a comment counter is a byline row, not an end.
        let mut w = dump(&["留言 (3)", BODY, BODY, BODY]);
        TailFilter.run(&mut w);
        assert_eq!(w.alive().len(), 4);
    }

    #[test]
    fn a_call_to_read_the_story_on_its_site_ends_an_excerpt() {
        let brief = "Another company said its new accelerator will ship in the second quarter, ahead of plan.";
        let mut w = dump(&[
            BODY,
            BODY,
            BODY,
            "Read the full story on our website →",
            "Briefs",
            brief,
            "More →",
        ]);
        TailFilter.run(&mut w);
        assert_eq!(w.alive_texts(), vec![BODY; 3]);
        // A paywall's expander is not the end of the story.
        let mut w = dump(&[BODY, BODY, BODY, "Continue reading", BODY]);
        TailFilter.run(&mut w);
        assert_eq!(w.alive().len(), 5);
        assert!(is_story_end_call(&fold("前往官网阅读全文 →")));
        let bio =
            "Jane leads marketing for the custom silicon business and has 15 years of experience.";
        let mut w = dump(&[BODY, BODY, BODY, "About the author", "Jane Roe", bio]);
        TailFilter.run(&mut w);
        assert_eq!(w.alive_texts(), vec![BODY; 3]);
        let mut w = dump(&[BODY, BODY, BODY, "Keep current with Jane Roe", bio]);
        TailFilter.run(&mut w);
        assert_eq!(w.alive_texts(), vec![BODY; 3]);
        assert!(!is_author_box_header(&fold(
            "Keep current with the news from every fab in Asia"
        )));
        assert!(!is_story_end_call(&fold("繼續閱讀")));
    }

    #[test]
    fn a_line_ended_by_an_emoji_is_a_sentence() {
        assert!(is_sentence("前三季度营收约九十五亿元，是最赚钱的那一个💰"));
        assert!(is_sentence("训练看昇腾，推理百花齐放。🔥"));
        assert!(!is_sentence("相关推荐"));
        assert!(!is_sentence("🔥🔥"));
    }

    #[test]
    fn lines_after_the_last_paragraph_that_are_not_sentences_go() {
        let mut w = dump(&[
            BODY,
            BODY,
            "Similar topics",
            "Chips",
            "Memory",
            "That is all for now.",
        ]);
        TailFilter.run(&mut w);
        assert_eq!(w.alive_texts(), vec![BODY, BODY, "That is all for now."]);
    }

    #[test]
    fn a_thread_keeps_its_opening_post_only() {
        const ZH: &str =
            "某晶片廠明年的先進封裝產能會再加三成，訂單已經排到年底，供應鏈普遍認為價格不會回落。";
        let mut w = dump(&[
            "#1 某網友 3小時前",
            ZH,
            ZH,
            ZH,
            "#2 另一位網友 2小時前",
            "同意樓主，我也是這樣看的，明年再加倉。",
            "#3 第三位網友 1小時前",
            "留名。",
        ]);
        TailFilter.run(&mut w);
        assert_eq!(w.alive_texts(), vec![ZH; 3]);
        // A ranking's `#2 Company` line is a subhead, not a reply.
        let mut w = dump(&[BODY, BODY, BODY, "#2 Some Chip Company", BODY]);
        TailFilter.run(&mut w);
        assert_eq!(w.alive().len(), 5);
    }

    #[test]
    fn a_note_about_the_author_closing_the_article_goes_with_the_tail() {
        let bio = "Jane Roe is a senior reporter at Example Daily covering semiconductors.";
        let mut w = dump(&[BODY, BODY, BODY, bio, "View comments", "Nice write-up."]);
        TailFilter.run(&mut w);
        assert_eq!(w.alive_texts(), vec![BODY; 3]);
    }

    #[test]
    fn html_blocks_are_left_alone() {
        let mut w = dump(&[BODY, BODY, "Comments (14)", BODY]);
        w.blocks[0].kind = BlockKind::Para;
        TailFilter.run(&mut w);
        assert_eq!(w.alive().len(), 4);
    }

    #[test]
    fn a_signature_header_ends_the_post_and_a_tilde_ends_a_sentence() {
        let mut w = dump(&[
            BODY,
            BODY,
            BODY,
            BODY,
            "以上純屬個人心得，有錯歡迎指正～",
            "簽名檔",
            "「沒有買錯的東西，只有錢包的傷痕。」",
        ]);
        TailFilter.run(&mut w);
        assert_eq!(w.alive(), vec![0, 1, 2, 3, 4]);
    }

    #[test]
    fn a_dash_led_sign_off_ends_the_article() {
        for t in [
            "— The Example Research Team",
            "--With assistance from Jo Roe.",
            "– Reporting by Jo Roe; Editing by Sam Poe",
        ] {
            assert!(is_sign_off(&fold(t)), "{t}");
        }
        for t in [
            "— Jo Roe, chief executive of Example Corp",
            "The team said output would double.",
            "— the team, it said, was small",
        ] {
            assert!(!is_sign_off(&fold(t)), "{t}");
        }
        let mut w = dump(&[
            BODY,
            BODY,
            BODY,
            BODY,
            "— The Example Research Team",
            "Upcoming events",
            "Q4 investor call: December 10. Register here",
        ]);
        TailFilter.run(&mut w);
        assert_eq!(w.alive(), vec![0, 1, 2, 3]);
    }

    #[test]
    fn a_wire_credit_ends_the_article() {
        assert!(is_wire_credit(&fold(
            "Reporting by Jo Roe in Tokyo; Additional reporting by Al Poe; Editing by Sam Poe"
        )));
        assert!(!is_wire_credit(&fold(
            "Editing by hand was rare, reporting by the agency showed."
        )));
        assert!(!is_wire_credit(&fold("Reporting by Jo Roe")));
        let mut w = dump(&[
            BODY,
            BODY,
            BODY,
            BODY,
            "Reporting by Jo Roe in Tokyo; Editing by Sam Poe",
            "Technology",
            "Jo Roe",
            "Jo Roe covers chip companies from Tokyo. She joined in 2021 from a trade paper.",
        ]);
        TailFilter.run(&mut w);
        assert_eq!(w.alive(), vec![0, 1, 2, 3]);
    }

    #[test]
    fn shapes() {
        for t in ["（完）", "（本文完）", "-END-", "— 完 —", "ENDS", "###"] {
            assert!(is_end_mark(&fold(t)), "{t}");
        }
        for t in ["完", "The end of an era", "(2025)"] {
            assert!(!is_end_mark(&fold(t)), "{t}");
        }
        for t in [
            "网友评论",
            "留言 (12)",
            "Comments",
            "14 comments",
            "27 Comments on this Article",
            "请登录后发表评论 登录 | 注册",
            "B1",
            "1樓",
            "View comments (48)",
            "#2 某網友 5分鐘前",
            "2樓",
            "来自iPhone客户端2楼2026-02-14 08:26",
            "共 128 条评论",
        ] {
            assert!(is_comment_header(&fold(t)), "{t}");
        }
        assert!(!is_comment_header(&fold("评论员文章：算力的下一步")));
    }
}
