//! A post and the replies under it, in a text dump of a social thread or
//! a forum topic.
//!
//! Owns: post heads (a handle or name alone on a line, an optional badge
//! such as `作者` or `OP`, then a time stamp); when three or more heads
//! stand in a dump and the first opens a post with prose, the first
//! poster's posts up to the first head of someone else are the article
//! (their heads go as metadata), and from that head on the page holds
//! replies, which go. A channel's stream of posts, each closed by its
//! reactions and view count (`👍 521`, `19.8K`): when one post holds most
//! of the prose, it is the article and the other posts go. The chrome
//! detector calls these while the stamps and counts are still there. A
//! thread's part markers (`(2/5)`) are chrome, and so is a topic's
//! accepted-answer box under its first post (`Solved by name in post #4`,
//! the answer's excerpt cut short with `…`, `View full post`). A chat
//! export (every message a line led by its time, `上午10:05  Name  text`):
//! the message lines go, and what stays is the text a message carried on
//! lines of its own, such as a forwarded article.
//! Must not know: site names; any other chrome.

use crate::chrome::is_body_paragraph;
use crate::doc::Work;
use crate::script::{char_len, han_count};
use crate::stamp::{is_count_line, is_time_stamp};
use model::DropReason;
use regex::Regex;
use std::sync::OnceLock;

/// A chat export's message line: its time first (`上午10:05`, `22:14`,
/// `[3/7/26 10:05 AM]`, `3/7/26, 10:05 -`), then the sender and text.
fn is_chat_line(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^\[?(?:\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?\s+)?(?:上午|下午|早上|晚上|凌晨|中午)?\s?\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?\]?(?:\s+-)?\s+\S")
            .expect("static regex")
    });
    let t = text.trim_start();
    t.len() <= 2000 && t.as_bytes().iter().take(24).any(u8::is_ascii_digit) && re.is_match(t)
}

/// A chat export: eight or more message lines, a quarter of the lines at
/// least, half of them 50 chars or shorter. The message lines go; lines a message carried on its own (a
/// forwarded article, its headline and subheads) stay for the other rules.
pub(crate) fn chat_messages(work: &mut Work) {
    let alive = work.alive();
    if alive.len() < 8 || !work.lines_only(&alive) {
        return;
    }
    let chat: Vec<usize> = alive
        .iter()
        .copied()
        .filter(|&i| is_chat_line(&work.blocks[i].text))
        .collect();
    if chat.len() < 8 || chat.len() * 4 < alive.len() {
        return;
    }
    // Chat messages are short; a transcript's time-coded turns and a live
    // blog's entries, also led by times, are the article's prose.
    let mut lengths: Vec<usize> = chat
        .iter()
        .map(|&i| char_len(&work.blocks[i].text))
        .collect();
    lengths.sort_unstable();
    if lengths[lengths.len() / 2] > 50 {
        return;
    }
    work.drop_unprotected(chat, DropReason::Chrome);
}

/// A badge a thread prints between a poster's handle and the time
/// (`作者`, `樓主`, `OP`): the poster is the thread's author.
fn is_author_badge(text: &str) -> bool {
    matches!(
        text.trim(),
        "作者" | "樓主" | "楼主" | "原PO" | "原po" | "OP" | "Author" | "Creator"
    )
}

/// A handle or a poster's name alone on a line: `someone.tw`,
/// `user_88`, `@someone`, `王小明`. No sentence, no count, no time.
fn is_handle(text: &str) -> bool {
    let t = text.trim();
    let n = char_len(t);
    if !(2..=32).contains(&n) || is_time_stamp(t) || is_count_line(t) || is_author_badge(t) {
        return false;
    }
    let handle_chars = t
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '@'));
    // A name in Han characters is short; a handle holds a letter.
    let named = if han_count(t) > 0 {
        n <= 8
    } else {
        t.chars().any(|c| c.is_ascii_alphabetic())
    };
    handle_chars && named && !t.ends_with('.')
}

/// A post's head: where it starts, the poster, and how many lines it
/// takes (handle, badge, stamp).
struct Head<'t> {
    at: usize,
    poster: &'t str,
    lines: usize,
}

fn heads<'t>(work: &'t Work, alive: &[usize]) -> Vec<Head<'t>> {
    let text = |k: usize| alive.get(k).map(|&i| work.blocks[i].text.trim());
    let mut out = Vec::new();
    for k in 0..alive.len() {
        let Some(poster) = text(k).filter(|t| is_handle(t)) else {
            continue;
        };
        let badge = text(k + 1).is_some_and(is_author_badge);
        let stamp = k + 1 + usize::from(badge);
        if text(stamp).is_some_and(is_time_stamp) {
            out.push(Head {
                at: k,
                poster,
                lines: stamp - k + 1,
            });
        }
    }
    out
}

/// Characters and paragraphs of the live `blocks` that read as body text.
pub(crate) fn prose_of(work: &Work, blocks: impl IntoIterator<Item = usize>) -> (usize, usize) {
    blocks
        .into_iter()
        .map(|i| &work.blocks[i])
        .filter(|b| b.alive && is_body_paragraph(&b.text))
        .fold((0, 0), |(chars, n), b| (chars + char_len(&b.text), n + 1))
}

/// Of `sections` (ranges measured by `prose`), the one that holds at
/// least 60 % of their prose in three or more paragraphs: the article
/// among a channel's posts or a mail's sections. On a tie, the last.
pub(crate) fn dominant_section(
    sections: &[(usize, usize)],
    prose: impl Fn(usize, usize) -> (usize, usize),
) -> Option<(usize, usize)> {
    let measured: Vec<((usize, usize), (usize, usize))> = sections
        .iter()
        .map(|&(a, b)| ((a, b), prose(a, b)))
        .collect();
    let total: usize = measured.iter().map(|(_, (chars, _))| chars).sum();
    let &(section, (chars, paragraphs)) = measured.iter().max_by_key(|(_, (chars, _))| *chars)?;
    (paragraphs >= 3 && chars * 10 >= total * 6).then_some(section)
}

/// Drops the replies under a thread's opening posts, and the heads of
/// those posts.
pub(crate) fn replies(work: &mut Work) {
    let alive = work.alive();
    if !work.lines_only(&alive) {
        return;
    }
    let heads = heads(work, &alive);
    if heads.len() < 3 {
        return;
    }
    let author = heads[0].poster;
    let Some(first_reply) = heads.iter().position(|h| h.poster != author) else {
        return;
    };
    // Replies are several posts by others; the opening posts hold prose.
    let others = heads[first_reply..]
        .iter()
        .filter(|h| h.poster != author)
        .count();
    let cut = heads[first_reply].at;
    let (prose, _) = prose_of(work, alive[heads[0].at..cut].iter().copied());
    // The first head opens the page's post: little prose stands above it
    // (a comment section's first head has the article above).
    let (above, _) = prose_of(work, alive[..heads[0].at].iter().copied());
    if others < 2 || prose < 100 || above * 2 > prose {
        return;
    }
    let head_lines: Vec<usize> = heads[..first_reply]
        .iter()
        .flat_map(|h| alive[h.at..h.at + h.lines].iter().copied())
        .collect();
    work.drop_unprotected(head_lines, DropReason::Metadata);
    work.drop_unprotected(alive[cut..].to_vec(), DropReason::Boilerplate);
}

/// A thread's part marker alone on its line (`(2/5)`, `（3／5）`).
/// A forum topic's accepted-answer box: its label (`Solved by name in post
/// #4`), the excerpt under it when cut short (`…`) and its `View full
/// post` link. The answer itself stands further down among the replies.
pub(crate) fn accepted_answers(work: &mut Work) {
    let alive = work.alive();
    let mut drop = Vec::new();
    for (k, &i) in alive.iter().enumerate() {
        let raw = work.blocks[i].text.trim();
        // cheap look first: most lines are not the label
        if raw.len() > 80
            || !raw
                .get(..7)
                .is_some_and(|h| h.eq_ignore_ascii_case("solved "))
        {
            continue;
        }
        let t = raw.to_ascii_lowercase();
        let label = t.len() <= 80
            && t.strip_prefix("solved by ").is_some_and(|rest| {
                rest.rsplit_once(" in post #")
                    .is_some_and(|(who, n)| !who.contains(' ') && n.parse::<u32>().is_ok())
            });
        if !label {
            continue;
        }
        drop.push(i);
        for &j in alive[k + 1..].iter().take(2) {
            let n = work.blocks[j].text.trim();
            if n.ends_with('…') || n.ends_with("...") || n.eq_ignore_ascii_case("view full post")
            {
                drop.push(j);
            }
        }
    }
    work.drop_unprotected(drop, DropReason::Chrome);
}

pub(crate) fn is_part_marker(text: &str) -> bool {
    let t = text.trim();
    if t.len() > 16 {
        return false;
    }
    let Some(inner) = t
        .strip_prefix(['(', '（'])
        .and_then(|r| r.strip_suffix([')', '）']))
    else {
        return false;
    };
    let Some((n, m)) = inner.split_once(['/', '／']) else {
        return false;
    };
    let (n, m) = (n.trim().parse::<u32>(), m.trim().parse::<u32>());
    matches!((n, m), (Ok(n), Ok(m)) if 1 <= n && n <= m && m <= 50)
}

/// A reaction and its count (`👍 521`, `🔥 1.2K`, `❤️ 88`): a symbol, not
/// a letter or digit, then a count.
fn is_reaction_line(text: &str) -> bool {
    let t = text.trim();
    let Some(first) = t.chars().next() else {
        return false;
    };
    if first.is_alphanumeric() || first.is_ascii() || t.len() > 24 {
        return false;
    }
    let count = t.trim_start_matches(|c: char| !c.is_ascii_digit() && !c.is_whitespace());
    count.len() < t.len() && is_compact_count(count.trim())
}

/// A count alone, compact or with separators (`19.8K`, `1.2萬`, `3,912`).
fn is_compact_count(t: &str) -> bool {
    let digits = t.trim_end_matches(['K', 'k', 'M', '万', '萬']);
    !digits.is_empty()
        && digits.len() <= 9
        && digits.starts_with(|c: char| c.is_ascii_digit())
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

/// Keeps the one post that holds most of a channel stream's prose.
pub(crate) fn channel_posts(work: &mut Work) {
    let alive = work.alive();
    if !work.lines_only(&alive) {
        return;
    }
    let text = |i: usize| work.blocks[i].text.trim();
    let closer = |i: usize| is_reaction_line(text(i)) || is_count_line(text(i));
    // Posts end at a run of counts that holds a reaction or a labelled
    // count; a bare number only joins such a run.
    let mut posts: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    let mut k = 0;
    while k < alive.len() {
        if !closer(alive[k]) {
            k += 1;
            continue;
        }
        let mut end = k;
        while end < alive.len() && (closer(alive[end]) || is_compact_count(text(alive[end]))) {
            end += 1;
        }
        posts.push((start, k));
        start = end;
        k = end;
    }
    posts.push((start, alive.len()));
    if posts.len() < 5 {
        return;
    }
    let Some((a, b)) = dominant_section(&posts, |a, b| prose_of(work, alive[a..b].iter().copied()))
    else {
        return;
    };
    let others: Vec<usize> = alive[..a].iter().chain(&alive[b..]).copied().collect();
    work.drop_unprotected(others, DropReason::RelatedLinks);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::BlockKind;

    const POST: &str =
        "這週拜訪了幾家組裝廠，整理一下機櫃出貨的觀察：本季出貨比上季多三成，液冷機種比重明顯拉高，明年上半年可望再成長。";
    const REPLY: &str = "想請教一下，液冷機種的散熱模組是誰在做？明年的份額會不會重新分配呢？";

    #[test]
    fn a_chat_exports_messages_go_and_a_forwarded_article_stays() {
        let mut lines = vec![
            "上午07:58\t阿凱\t早安各位",
            "上午08:15\t老周\t昨天費半又殺了2.8%",
            "上午09:40 王大明加入群組。",
            "上午10:05\tVincent\t\"轉一篇，寫得滿完整的",
            "某某晶片大戰升溫",
            POST,
            POST,
        ];
        lines.extend([
            "上午10:11\t老周\t感謝分享👍",
            "上午10:13\tJenny\t今年EPS大家估多少？",
            "上午10:15\t阿凱\t太樂觀了吧",
            "上午10:47 林小美已退出群組。",
            "下午01:17\t老周\t又是詐騙",
        ]);
        let mut w = Work::of_lines(&lines, BlockKind::Line);
        chat_messages(&mut w);
        assert_eq!(w.alive(), vec![4, 5, 6]);
        assert!(
            is_chat_line("[3/7/26 10:05 AM] Dana: see this")
                && is_chat_line("3/7/26, 10:05 - Dana: ok")
        );
        // A transcript's time-coded turns are long: they stay.
        let turn = "[00:00:41] Hana Cho: Thanks, Ben. Good timing, too, because the last six weeks have changed the supply picture quite a bit.";
        let mut w = Work::of_lines(&[turn; 10], BlockKind::Line);
        chat_messages(&mut w);
        assert_eq!(w.alive().len(), 10);
    }

    #[test]
    fn an_accepted_answer_box_goes() {
        let post = "The slide said 144 GB, but the person next to me thought usable was lower.";
        let lines = [
            post,
            "Solved by hkim_hbm in post #4",
            "Usable is 128 GB. Each stack gives up 4 GB to their RAS scheme (on-die ECC…",
            "View full post",
            post,
        ];
        let mut w = Work::of_lines(&lines, BlockKind::Line);
        accepted_answers(&mut w);
        assert_eq!(w.alive(), vec![0, 4]);
        let lines = [
            post,
            "Solved by the new firmware in post-silicon tests",
            post,
        ];
        let mut w = Work::of_lines(&lines, BlockKind::Line);
        accepted_answers(&mut w);
        assert_eq!(w.alive().len(), 3);
    }

    #[test]
    fn part_markers() {
        assert!(is_part_marker("(2/5)") && is_part_marker("（3／5）"));
        assert!(
            !is_part_marker("(6/5)") && !is_part_marker("(2/5) 接著說") && !is_part_marker("2/5")
        );
    }

    #[test]
    fn reactions_and_counts() {
        for t in ["👍 521", "🔥 1.2K", "❤️ 88", "🤯 21"] {
            assert!(is_reaction_line(t), "{t}");
        }
        for t in ["Top 5", "👉 t.me/example", "• 288 GB HBM3E", "📌 Join now"] {
            assert!(!is_reaction_line(t), "{t}");
        }
        assert!(is_compact_count("19.8K") && is_compact_count("3,912"));
        assert!(!is_compact_count("71%") && !is_compact_count("K"));
    }

    #[test]
    fn the_post_with_most_of_a_channels_prose_stays() {
        let short =
            "Example Foundry October revenue rose 12% on accelerator wafers, by our estimate.";
        let lines = [
            "Example Channel",
            short,
            "👍 40",
            "1.1K",
            short,
            "🔥 12",
            "2.3K",
            "Weekly note",
            POST,
            POST,
            POST,
            POST,
            "👍 1.2K",
            "🔥 389",
            "23.7K",
            short,
            "👍 9",
            "800",
            short,
            "👍 7",
            "600",
            "Footer text",
        ];
        let mut w = Work::of_lines(&lines, BlockKind::Line);
        channel_posts(&mut w);
        assert_eq!(w.alive(), vec![7, 8, 9, 10, 11]);
        // Posts of like size: no post is the article.
        let even = [
            POST, POST, "👍 40", "1.1K", POST, POST, "👍 12", "2.3K", POST, POST, "👍 9", POST,
            "👍 7", POST, "👍 3",
        ];
        let mut w = Work::of_lines(&even, BlockKind::Line);
        channel_posts(&mut w);
        assert_eq!(w.alive().len(), even.len());
    }

    #[test]
    fn handles_and_names() {
        for t in ["someone.tw", "user_88", "@someone", "王小明", "ab"] {
            assert!(is_handle(t), "{t}");
        }
        for t in [
            "11月12日",
            "讚 48",
            "作者",
            "這是一句話。",
            "Example Corp said",
            "12,345",
            "x",
        ] {
            assert!(!is_handle(t), "{t}");
        }
    }

    #[test]
    fn the_first_posters_posts_stay_and_the_replies_go() {
        let lines = [
            "討論串",
            "writer.tw",
            "11月12日",
            POST,
            POST,
            "writer.tw",
            "11月12日",
            POST,
            "reader_1",
            "11月12日",
            REPLY,
            "writer.tw",
            "作者",
            "11月12日",
            "兩家都有。",
            "reader_2",
            "11月13日",
            REPLY,
        ];
        let mut w = Work::of_lines(&lines, BlockKind::Line);
        replies(&mut w);
        assert_eq!(w.alive(), vec![0, 3, 4, 7]);
    }

    #[test]
    fn one_reply_or_no_prose_is_no_thread() {
        let one_reply = [
            "writer.tw",
            "11月12日",
            POST,
            "writer.tw",
            "11月12日",
            POST,
            "reader_1",
            "11月12日",
            REPLY,
        ];
        let mut w = Work::of_lines(&one_reply, BlockKind::Line);
        replies(&mut w);
        assert_eq!(w.alive().len(), one_reply.len());
        // Under an article, the first head is a comment's.
        let comments = [
            POST,
            POST,
            POST,
            "reader_1",
            "11月12日",
            REPLY,
            "reader_2",
            "11月12日",
            REPLY,
            "reader_3",
            "11月13日",
            REPLY,
        ];
        let mut w = Work::of_lines(&comments, BlockKind::Line);
        replies(&mut w);
        assert_eq!(w.alive().len(), comments.len());
        let feed = [
            "某報",
            "3小時前",
            "短訊",
            "某台",
            "2小時前",
            "短訊",
            "某刊",
            "1小時前",
            "短訊",
            "某網",
            "1小時前",
            POST,
        ];
        let mut w = Work::of_lines(&feed, BlockKind::Line);
        replies(&mut w);
        assert_eq!(w.alive().len(), feed.len());
    }
}
