//! Transcripts of podcasts and videos printed under their show notes.
//!
//! Owns: a transcript header (`Full transcript`, `文字稿`) with speaker
//! lines under it (`[00:12:31] Jane Roe: …`, `Jane Roe: …`); when it is
//! there, the show notes above it from their first section header
//! (`Chapters`, `Links mentioned`, `Guest`, `Sponsors`) to the transcript
//! header go, and so do the transcript's own notes before its first
//! speaker line (`Copy transcript`); sponsor reads inside the transcript
//! (a speaker line that says `brought to you by`, and the lines without a
//! speaker label that continue it) go too; so do the host's or
//! operator's lines that run a call among other speakers' lines. The
//! chrome detector calls this.
//! Must not know: site names; any other chrome.

use crate::doc::Work;
use crate::script::fold;
use model::DropReason;
use regex::Regex;
use std::sync::OnceLock;

/// A speaker line: a time stamp in brackets and a name, or a name of one
/// to four capitalised words, then a colon and the words said.
fn is_speaker_line(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^(?:\[\d{1,2}:\d{2}(?::\d{2})?\]\s*(?:[A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*){0,3}|\p{Han}{2,5})|[A-Z][a-z.'-]+(?:\s[A-Z][\w.'-]*){1,3})\s*[:：]\s*\S")
            .expect("static regex")
    });
    text.len() <= 4000 && re.is_match(text.trim_start())
}

fn is_transcript_header(folded: &str) -> bool {
    matches!(
        folded.trim().trim_end_matches([':', '：']),
        "transcript"
            | "full transcript"
            | "episode transcript"
            | "show transcript"
            | "文字稿"
            | "逐字稿"
            | "完整文字稿"
            | "节目文字稿"
    )
}

fn is_notes_header(folded: &str) -> bool {
    matches!(
        folded.trim().trim_end_matches([':', '：']),
        "chapters"
            | "show notes"
            | "episode notes"
            | "links mentioned"
            | "links"
            | "resources mentioned"
            | "guest"
            | "guests"
            | "sponsors"
            | "时间轴"
            | "本期嘉宾"
            | "节目赞助"
    )
}

/// A sponsor read's opening (folded).
fn is_sponsor_read(folded: &str) -> bool {
    [
        "brought to you by",
        "word from our sponsor",
        "sponsored by",
        "本期节目由",
        "感谢本期赞助",
    ]
    .iter()
    .any(|p| folded.contains(p))
}

/// The host's or operator's lines in a transcript (`主持人：謝謝，下一位
/// 提問…`, `Operator: Our next question comes from …`): with two or more
/// of them and three or more lines of other speakers, they run the call
/// and go.
pub fn host_lines(work: &mut Work) {
    static RE: OnceLock<Regex> = OnceLock::new();
    let label = RE.get_or_init(|| {
        Regex::new(
            r"^(?:[\p{Han}]{2,6}|[A-Z][A-Za-z]{1,15}(?:\s[A-Z][A-Za-z]{1,15})?)\s*[:：]\s*\S",
        )
        .expect("static regex")
    });
    let host = |t: &str| {
        ["主持人", "司仪", "司儀", "Operator", "Moderator"]
            .iter()
            .any(|h| {
                t.strip_prefix(h)
                    .is_some_and(|r| r.trim_start().starts_with([':', '：']))
            })
    };
    let alive = work.alive();
    let hosts: Vec<usize> = alive
        .iter()
        .copied()
        .filter(|&i| work.blocks[i].text.len() <= 1200 && host(work.blocks[i].text.trim()))
        .collect();
    if hosts.len() < 2 {
        return;
    }
    let speakers = alive
        .iter()
        .filter(|&&i| {
            let t = work.blocks[i].text.trim();
            !host(t) && t.len() <= 4000 && label.is_match(t)
        })
        .count();
    if speakers >= 3 {
        work.drop_unprotected(hosts, DropReason::Chrome);
    }
}

pub fn transcripts(work: &mut Work) {
    let alive = work.alive();
    let Some(h) = alive.iter().position(|&i| {
        let b = &work.blocks[i];
        b.text.len() <= 60 && is_transcript_header(&b.folded())
    }) else {
        return;
    };
    let Some(first_speaker) = alive[h + 1..]
        .iter()
        .take(12)
        .position(|&i| is_speaker_line(&work.blocks[i].text))
        .map(|p| h + 1 + p)
    else {
        return;
    };
    let speakers = alive[first_speaker..]
        .iter()
        .filter(|&&i| is_speaker_line(&work.blocks[i].text))
        .count();
    if speakers < 3 {
        return;
    }
    let mut drop = Vec::new();
    // The show notes from their first section header down.
    let notes_from = alive[..h]
        .iter()
        .position(|&i| {
            let b = &work.blocks[i];
            b.text.len() <= 60 && is_notes_header(&b.folded())
        })
        .unwrap_or(h);
    drop.extend_from_slice(&alive[notes_from..first_speaker]);
    // Sponsor reads, with the unlabelled lines that continue them.
    let mut in_read = false;
    for &i in &alive[first_speaker..] {
        let text = &work.blocks[i].text;
        if is_speaker_line(text) {
            in_read = text.len() <= 2000 && is_sponsor_read(&fold(text));
        }
        if in_read {
            drop.push(i);
        }
    }
    work.drop_unprotected(drop, DropReason::Chrome);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_calls_host_lines_go() {
        let lines = [
            "主持人：各位投資人午安，首先請財務長報告。",
            "財務長：第三季營收季增一成八，毛利率三成二。",
            "分析師提問：明年的成長動能？",
            "總經理：明年新案量產，營收占比過半。",
            "主持人：謝謝，下一位提問。",
            "分析師提問：毛利率怎麼看？",
            "財務長：維持三成以上。",
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        host_lines(&mut w);
        assert_eq!(w.alive(), vec![1, 2, 3, 5, 6]);
        // One host line, or hosts without other speakers: left alone.
        let mut w = Work::of_lines(&lines[..4], crate::doc::BlockKind::Line);
        host_lines(&mut w);
        assert_eq!(w.alive().len(), 4);
        let lines = ["主持人：某人", "主持人：另一人", "會議於下午兩點開始。"];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        host_lines(&mut w);
        assert_eq!(w.alive().len(), 3);
    }

    #[test]
    fn show_notes_and_sponsor_reads_around_a_transcript() {
        let lines = [
            "Memory and the wall: who gets supply?",
            "A summary of the episode in one sentence.",
            "Chapters",
            "00:00 Welcome",
            "Guest",
            "Jane Roe is an analyst at Example Research.",
            "Full transcript",
            "Copy transcript",
            "[00:00:00] Ben Host: This episode is brought to you by Example Cooling.",
            "Go to example.com for a free assessment.",
            "[00:00:24] Ben Host: Welcome to the show. Today is all about memory.",
            "[00:00:41] Jane Roe: Thanks, Ben. The supply picture changed quite a bit.",
            "The second change is the base die, built on a logic process.",
            "[00:01:38] Ben Host: And capacity per stack?",
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        transcripts(&mut w);
        assert_eq!(w.alive(), vec![0, 1, 10, 11, 12, 13]);
        assert!(is_speaker_line("Jane Roe: Thanks."));
        assert!(!is_speaker_line("Revenue: up 20%"));
    }

    #[test]
    fn no_transcript_no_change() {
        let lines = [
            "Chapters",
            "00:00 Welcome",
            "Jane Roe: a quote on its own line.",
        ];
        let mut w = Work::of_lines(&lines, crate::doc::BlockKind::Line);
        transcripts(&mut w);
        assert_eq!(w.alive().len(), 3);
    }
}
