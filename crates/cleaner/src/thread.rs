//! A post and the replies under it, in a text dump of a social thread or
//! a forum topic.
//!
//! Owns: post heads (a handle or name alone on a line, an optional badge
//! such as `作者` or `OP`, then a time stamp); when three or more heads
//! stand in a dump and the first opens a post with prose, the first
//! poster's posts up to the first head of someone else are the article
//! (their heads go as metadata), and from that head on the page holds
//! replies, which go. The chrome detector calls this while the stamps
//! are still there.
//! Must not know: site names; any other chrome.

use crate::chrome::is_body_paragraph;
use crate::doc::{BlockKind, Work};
use crate::script::{char_len, han_count};
use crate::stamp::{is_count_line, is_time_stamp};
use model::DropReason;

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

/// Drops the replies under a thread's opening posts, and the heads of
/// those posts.
pub(crate) fn replies(work: &mut Work) {
    let alive = work.alive();
    if alive
        .iter()
        .any(|&i| work.blocks[i].kind != BlockKind::Line)
    {
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
    let opening = &alive[heads[0].at..cut];
    let prose: usize = opening
        .iter()
        .map(|&i| &work.blocks[i].text)
        .filter(|t| is_body_paragraph(t))
        .map(|t| char_len(t))
        .sum();
    // The first head opens the page's post: little prose stands above it
    // (a comment section's first head has the article above).
    let above: usize = alive[..heads[0].at]
        .iter()
        .map(|&i| &work.blocks[i].text)
        .filter(|t| is_body_paragraph(t))
        .map(|t| char_len(t))
        .sum();
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

#[cfg(test)]
mod tests {
    use super::*;

    const POST: &str =
        "最近跑了幾家代工廠，聊了一輪伺服器出貨，這季機櫃出貨比上季多三成，液冷版占比也明顯拉高，明年上半年還會再成長。";
    const REPLY: &str = "請問液冷版的冷板是哪一家供應的？份額大概怎麼分，明年會不會換供應商呢？";

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
