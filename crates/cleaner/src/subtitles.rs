//! Subtitle files (SubRip `.srt`, WebVTT) and the spoken video they carry.
//!
//! Owns: reading a subtitle file as one line per cue (its numbers, time
//! lines and `WEBVTT`/`NOTE` headers are the format, like tags in HTML),
//! and a transcript app's export without its speaker lines (`講者 1
//! 00:03:12`);
//! and, in the cues of a subtitle file, the parts of a video that are not
//! its subject: sound tags (`[音樂]`, `[Music]`), the channel's greeting up
//! to the line that turns to the topic (`我們直接進入正題`), a sponsor read
//! from its announcement to the line that returns to the topic, calls to
//! like and subscribe, plugs for other episodes, and the sign-off with the
//! disclaimer read before it. The cues left are speech: they are
//! protected from the detectors that read short unpunctuated lines as
//! chrome.
//! Must not know: what the video is about; HTML.

use crate::doc::{Detector, Work};
use model::DropReason;
use regex::Regex;
use std::sync::OnceLock;

/// A cue's time line: `00:01:02,350 --> 00:01:05,120` (SubRip) or
/// `01:02.350 --> 01:05.120 align:start` (WebVTT).
fn is_time_line(line: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^(?:[0-9]{1,2}:)?[0-9]{1,2}:[0-9]{2}[,.][0-9]{3}\s*-->\s*(?:[0-9]{1,2}:)?[0-9]{1,2}:[0-9]{2}[,.][0-9]{3}")
            .expect("static regex")
    });
    line.len() < 120 && line.contains("-->") && re.is_match(line.trim())
}

/// The text of a subtitle file, one line per cue (a blank line after
/// each, so no reflow joins them), or `None` when `text`
/// holds fewer than eight cue time lines. Cue numbers, time lines and
/// the WebVTT header and notes go; a cue's lines are joined with a space,
/// and markup inside a cue (`<i>`, `{\an8}`) goes.
pub fn cue_lines(text: &str) -> Option<String> {
    if text.lines().filter(|l| is_time_line(l)).take(8).count() < 8 {
        return None;
    }
    let mut out = String::with_capacity(text.len() / 2);
    let mut cue = String::new();
    let mut in_cue = false;
    let mut skip_block = false;
    let flush = |cue: &mut String, out: &mut String| {
        let t = cue.trim();
        if !t.is_empty() {
            // a blank line after each cue: cues are not a wrapped column
            out.push_str(t);
            out.push_str("\n\n");
        }
        cue.clear();
    };
    for line in text.lines() {
        let t = line.trim().trim_start_matches('\u{feff}');
        if t.is_empty() {
            flush(&mut cue, &mut out);
            in_cue = false;
            skip_block = false;
            continue;
        }
        if skip_block {
            continue;
        }
        if is_time_line(t) {
            flush(&mut cue, &mut out);
            in_cue = true;
            continue;
        }
        if !in_cue {
            // cue numbers and ids, the header, notes and style blocks
            if t.starts_with("WEBVTT")
                || t.starts_with("NOTE")
                || t.starts_with("STYLE")
                || t.starts_with("REGION")
            {
                skip_block = !t.starts_with("WEBVTT");
            }
            continue;
        }
        if !cue.is_empty() {
            cue.push(' ');
        }
        cue.push_str(&strip_cue_markup(t));
    }
    flush(&mut cue, &mut out);
    Some(out)
}

/// A transcript app's speaker line: a numbered speaker and the time the
/// turn starts (`講者 1  00:03:12`, `Speaker 2 01:15`).
fn is_speaker_time_line(line: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)^(?:讲者|講者|说话人|說話人|发言人|發言人|speaker|spk)\s*[0-9]{1,2}\s+(?:[0-9]{1,2}:)?[0-9]{1,2}:[0-9]{2}$")
            .expect("static regex")
    });
    line.len() < 60 && line.contains(':') && re.is_match(line.trim())
}

/// The text of a transcript app's export without its speaker lines (a
/// blank line where each stood, so no reflow joins two turns), or `None`
/// when fewer than eight such lines stand in `text`.
pub fn speaker_turns(text: &str) -> Option<String> {
    if text
        .lines()
        .filter(|l| is_speaker_time_line(l))
        .take(8)
        .count()
        < 8
    {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        if is_speaker_time_line(line) {
            out.push('\n');
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    Some(out)
}

/// A subtitle file's cues or a transcript export's turns as plain lines
/// ([`cue_lines`], [`speaker_turns`]), or `None` for any other text.
pub fn spoken_lines(text: &str) -> Option<String> {
    cue_lines(text).or_else(|| speaker_turns(text))
}

/// A cue line without its markup: `<i>…</i>`, `<c.yellow>`, `{\an8}`.
fn strip_cue_markup(line: &str) -> String {
    if !line.contains(['<', '{']) {
        return line.to_string();
    }
    let mut out = String::with_capacity(line.len());
    let mut depth: Option<char> = None;
    for c in line.chars() {
        match (depth, c) {
            (None, '<') => depth = Some('>'),
            (None, '{') if line.contains("{\\") => depth = Some('}'),
            (Some(end), c) if c == end => depth = None,
            (Some(_), _) => {}
            (None, c) => out.push(c),
        }
    }
    out
}

/// Folded words that turn from the greeting to the topic.
const TOPIC_TURNS: &[&str] = &[
    "进入正题",
    "进入主题",
    "开始今天的主题",
    "let's get into it",
    "let's dive in",
    "let's get started",
    "without further ado",
];

/// Folded words of a question that opens the topic: the greeting above it
/// goes, the line itself is the talk's (`我們先從最基本的問題開始`).
const TOPIC_OPENERS: &[&str] = &["我们先从", "let's start with"];

/// Folded words that announce a sponsor read.
const SPONSOR_WORDS: &[&str] = &[
    "赞助",
    "工商时间",
    "广告之后",
    "业配",
    "sponsored by",
    "brought to you by",
    "today's sponsor",
];

/// Folded words that return from a sponsor read to the topic.
const RETURNS: &[&str] = &[
    "回到正题",
    "业配结束",
    "广告结束",
    "我们回来",
    "回到主题",
    "back to the video",
    "back to the topic",
    "back to the show",
    "back to it",
];

/// Folded words of a call to like, subscribe or watch another episode.
const CHANNEL_CALLS: &[&str] = &[
    "订阅",
    "按赞",
    "按个赞",
    "点赞",
    "小铃铛",
    "分享给",
    "上一集",
    "下一集",
    "五颗星",
    "资讯卡",
    "说明栏",
    "like and subscribe",
    "hit the bell",
    "info card",
    "in the description",
    "last episode",
];

/// Folded openings of a line that leads into a call on the next line.
const CALL_LEADS: &[&str] = &[
    "如果你觉得",
    "如果觉得",
    "if you found",
    "if you enjoyed",
    "if you liked",
];

/// Folded words of a sign-off.
const SIGN_OFFS: &[&str] = &[
    "今天就到这",
    "今天就先到这",
    "下集见",
    "下期见",
    "下次见",
    "收获很多",
    "感谢收听",
    "谢谢收听",
    "that's it for today",
    "that's all for today",
    "see you next time",
    "thanks for watching",
];

/// Folded words of the disclaimer read before a sign-off.
const DISCLAIMERS: &[&str] = &[
    "个人观点",
    "不构成",
    "自行判断",
    "not financial advice",
    "not investment advice",
];

/// A sound tag alone on its line (`[音樂]`, `[Music]`, `(applause)`, `♪`).
fn is_sound_tag(folded: &str) -> bool {
    let t = folded.trim();
    if t.chars().all(|c| matches!(c, '♪' | '♫' | ' ')) {
        return !t.is_empty();
    }
    let inner = t
        .strip_prefix(['[', '(', '（', '【', '［'])
        .and_then(|s| s.strip_suffix([']', ')', '）', '】', '］']));
    inner.is_some_and(|s| {
        let s = s.trim();
        let named = matches!(
            s,
            "掌声"
                | "笑声"
                | "欢呼"
                | "music"
                | "applause"
                | "laughter"
                | "cheering"
                | "silence"
                | "inaudible"
                | "music playing"
        );
        named || (s.len() <= 30 && (s.contains("音乐") || s.contains("音效") || s.contains("广告")))
    })
}

pub struct SpokenVideo;

impl Detector for SpokenVideo {
    fn name(&self) -> &'static str {
        "spoken_video"
    }

    fn run(&self, work: &mut Work<'_>) {
        // Only a subtitle file: on other pages these words (订阅, 赞助,
        // 不构成投资建议) belong to their own detectors' shapes.
        if !work.spoken {
            return;
        }
        let alive = work.alive();
        let folded: Vec<String> = alive
            .iter()
            .map(|&i| work.blocks[i].folded().into_owned())
            .collect();
        let has = |k: usize, words: &[&str]| words.iter().any(|w| folded[k].contains(w));
        let n = alive.len();
        let mut drop = vec![false; n];
        for k in 0..n {
            let short = folded[k].chars().count() <= 30;
            // a call's lead-in (`如果你覺得這段有幫助`) on the line before it
            let called = |j: usize| has(j, CHANNEL_CALLS) && folded[j].chars().count() <= 30;
            let lead_in =
                CALL_LEADS.iter().any(|w| folded[k].starts_with(w)) && k + 1 < n && called(k + 1);
            if is_sound_tag(&folded[k]) || called(k) || lead_in || (short && has(k, DISCLAIMERS)) {
                drop[k] = true;
            }
        }
        // the greeting, up to the turn to the topic in the first quarter
        if let Some(turn) = (0..n / 4).find(|&k| has(k, TOPIC_TURNS)) {
            drop[..=turn].fill(true);
        } else if let Some(open) = (0..n / 4).find(|&k| has(k, TOPIC_OPENERS)) {
            // or up to the question that opens it
            drop[..open].fill(true);
        }
        // a sponsor read, with its short lead-in, up to its return
        let mut k = 0;
        while k < n {
            if has(k, SPONSOR_WORDS) {
                if let Some(back) = (k + 1..n.min(k + 30)).find(|&j| has(j, RETURNS)) {
                    // up to two short lead-in lines (`不過在繼續之前`)
                    let mut from = k;
                    while from > 0 && k - from < 2 && {
                        let f = &folded[from - 1];
                        f.chars().count() <= 12
                            && (f.contains("之前")
                                || f.contains("工商")
                                || f.starts_with("before ")
                                || f.starts_with("but before"))
                    } {
                        from -= 1;
                    }
                    drop[from..=back].fill(true);
                    k = back + 1;
                    continue;
                }
            }
            k += 1;
        }
        // the sign-off in the last quarter, and a disclaimer read just before
        if let Some(off) = (n - n / 4..n).find(|&k| has(k, SIGN_OFFS)) {
            let from = (off.saturating_sub(5)..off)
                .find(|&k| has(k, DISCLAIMERS))
                .unwrap_or(off);
            drop[from..].fill(true);
        }
        let gone: Vec<usize> = (0..n).filter(|&k| drop[k]).map(|k| alive[k]).collect();
        work.drop_unprotected(gone, DropReason::Chrome);
        // what a subtitle file says is not chrome by its shape: short
        // lines without punctuation are how cues read
        if work.spoken {
            for i in work.alive() {
                work.blocks[i].protected = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Block, BlockKind};

    #[test]
    fn a_subrip_file_reads_one_line_per_cue() {
        let srt = "1\n00:00:00,350 --> 00:00:04,589\n[音樂]\n\n2\n00:00:04,789 --> 00:00:08,865\n<i>大家好</i>\n第二行\n\n"
            .to_string()
            + &(3..12)
                .map(|n| format!("{n}\n00:00:{n:02},000 --> 00:00:{n:02},900\n第{n}句\n\n"))
                .collect::<String>();
        let lines = cue_lines(&srt).expect("a subtitle file");
        let lines: Vec<&str> = lines.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(lines[..3], ["[音樂]", "大家好 第二行", "第3句"]);
        assert_eq!(lines.len(), 11);
        assert!(cue_lines("1\n00:00:00,350 --> 00:00:04,589\nOne cue is not a file\n").is_none());
    }

    #[test]
    fn webvtt_headers_and_notes_go() {
        let mut vtt =
            "WEBVTT\nKind: captions\n\nNOTE made by hand\nsecond note line\n\n".to_string();
        for n in 0..9 {
            vtt.push_str(&format!(
                "00:{n:02}.000 --> 00:{n:02}.900 align:start\nline {n}\n\n"
            ));
        }
        let lines = cue_lines(&vtt).expect("a subtitle file");
        assert_eq!(lines.lines().next(), Some("line 0"));
        assert_eq!(lines.lines().filter(|l| !l.is_empty()).count(), 9);
    }

    #[test]
    fn a_transcript_apps_speaker_lines_go() {
        let mut t = String::from("某節目 第87集\n");
        for n in 0..9 {
            t.push_str(&format!(
                "講者 {}  00:0{n}:12\n第{n}段說的話，\n還有第二行。\n\n",
                n % 3 + 1
            ));
        }
        let turns = speaker_turns(&t).expect("a transcript export");
        assert!(!turns.contains("講者"));
        assert!(turns.contains("第8段說的話，\n還有第二行。"));
        assert!(speaker_turns("講者 1  00:00:12\n只有一段。\n").is_none());
        assert!(is_sound_tag(&crate::script::fold("［片頭音樂］")));
        assert!(is_sound_tag(&crate::script::fold("［中段廣告］")));
    }

    fn spoken(lines: &[String], from_subtitles: bool) -> Vec<String> {
        let blocks = lines
            .iter()
            .map(|l| Block::new(l.as_str(), BlockKind::Line))
            .collect();
        let mut w = Work::new(blocks);
        w.spoken = from_subtitles;
        SpokenVideo.run(&mut w);
        w.alive_texts()
    }

    fn video() -> Vec<String> {
        let mut v: Vec<String> = [
            "[音樂]",
            "哈囉大家好",
            "記得訂閱、按讚、開啟小鈴鐺",
            "好 我們直接進入正題",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        v.extend((0..20).map(|n| format!("第{n}段分析的內容")));
        v.extend(
            [
                "不過在繼續之前",
                "今天這集由某某證券App贊助",
                "手續費最低只要0.1%",
                "好 我們回到正題",
            ]
            .iter()
            .map(|s| s.to_string()),
        );
        v.extend((20..40).map(|n| format!("第{n}段分析的內容")));
        v.extend(
            [
                "本影片僅為個人觀點分享",
                "好啦 今天就到這邊",
                "我們下集見 掰掰",
            ]
            .iter()
            .map(|s| s.to_string()),
        );
        v
    }

    #[test]
    fn a_videos_greeting_sponsor_read_and_sign_off_go() {
        let kept = spoken(&video(), true);
        assert_eq!(kept.len(), 40, "{kept:?}");
        assert!(kept.iter().all(|l| l.contains("分析的內容")), "{kept:?}");
    }

    #[test]
    fn a_page_that_is_no_subtitle_file_is_left_alone() {
        let v = video();
        assert_eq!(spoken(&v, false).len(), v.len());
    }
}
