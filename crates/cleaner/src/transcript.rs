//! Transcripts of podcasts and videos printed under their show notes.
//!
//! Owns: a transcript header (`Full transcript`, `文字稿`) with speaker
//! lines under it (`[00:12:31] Jane Roe: …`, `Jane Roe: …`); when it is
//! there, the show notes above it from their first section header
//! (`Chapters`, `Links mentioned`, `Guest`, `Sponsors`) to the transcript
//! header go, and so do the transcript's own notes before its first
//! speaker line (`Copy transcript`); sponsor reads inside the transcript
//! (a speaker line that says `brought to you by`, and the lines without a
//! speaker label that continue it) go too. The chrome detector calls
//! this.
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
