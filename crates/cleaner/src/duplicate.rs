//! Repeated lines: a title printed again between sections, an abstract that
//! is a truncated copy of the first paragraph.
//!
//! Owns: keeping the first copy of every line of six or more characters and
//! dropping exact repeats (compared without white space); dropping a line
//! that is a strict prefix of one of the next few lines (a truncated
//! abstract or teaser, the full paragraph wins); setting repeated HTML
//! paragraphs aside before the chain runs, so each text is judged once and
//! every copy shares its first copy's fate; among the first paragraphs,
//! a summary that restates the lead (three quarters of its character or
//! word pairs repeated by the longer paragraph under it); a pull quote
//! whose words a paragraph near it holds. Short lines that
//! recur and open paragraphs (a transcript's speaker labels) are not
//! copies.
//! Must not know: what the title is (the first copy is kept whatever it is)
//! or any site's layout.

use crate::doc::{BlockKind, Detector, Work};
use model::DropReason;
use rustc_hash::FxHashMap as HashMap;
use rustc_hash::FxHasher;
use std::collections::hash_map::Entry;
use std::hash::Hasher;

pub struct DuplicateFilter;

/// A line compared without white space: its characters, lazily.
fn key(s: &str) -> impl Iterator<Item = char> + Clone + '_ {
    s.chars().filter(|c| !c.is_whitespace())
}

/// Hash and char count of a line's key (no copy of the line is made, so a
/// page of a million lines costs a few bytes per line here).
fn fingerprint(s: &str) -> (u64, usize) {
    // The key's bytes are the words' bytes back to back; the hasher is fed
    // them one byte at a time, so how the line was split into words does
    // not change the hash (FxHasher's `write` hashes in chunks).
    let mut h = FxHasher::default();
    let mut n = 0;
    for word in s.split_whitespace() {
        for &b in word.as_bytes() {
            h.write_u8(b);
        }
        n += word.chars().count();
    }
    (h.finish(), n)
}

/// True when `long`'s key is longer than `short`'s and starts with it.
fn key_extends(long: &str, short: &str) -> bool {
    let mut l = key(long);
    for c in key(short) {
        if l.next() != Some(c) {
            return false;
        }
    }
    l.next().is_some()
}

/// Paragraphs set aside before the detector chain because an earlier block
/// holds exactly the same text (the later copies' indices).
pub struct Deferred(Vec<usize>);

/// Shortest paragraph (in chars, white space aside) that is set aside when
/// it repeats: long enough that a repeat is a copy, not a stock phrase.
const DEFER_MIN_CHARS: usize = 20;

/// Sets aside every HTML paragraph that repeats an earlier paragraph word
/// for word, so the chain judges each text once. A page whose paragraphs
/// repeat (comment threads, pages that print the story twice, teaser
/// boxes) then costs the chain what its distinct text costs.
pub fn defer_repeats(work: &mut Work<'_>) -> Deferred {
    let paragraphs = work
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.alive && b.kind == BlockKind::Para)
        .map(|(i, b)| (i, fingerprint(&b.text)));
    let mut later = exact_repeats(work, paragraphs, DEFER_MIN_CHARS);
    // Only a repeat shaped as a label needs the page-wide look.
    if later
        .iter()
        .any(|&i| is_label_shaped(work.blocks[i].text.trim()))
    {
        let labels = speaker_labels(work, &work.alive());
        later.retain(|i| labels.binary_search(i).is_err());
    }
    for &i in &later {
        work.blocks[i].alive = false;
    }
    Deferred(later)
}

/// The later copies among `prints` (block index, [`fingerprint`]) of at
/// least `min_chars` chars (indices only: a page of a million repeated
/// lines keeps 8 bytes per copy here). A hash collision is settled by
/// comparing the keys themselves.
fn exact_repeats(
    work: &Work<'_>,
    prints: impl Iterator<Item = (usize, (u64, usize))>,
    min_chars: usize,
) -> Vec<usize> {
    let mut first: HashMap<u64, usize> = HashMap::default();
    let mut later = Vec::new();
    for (i, (hash, chars)) in prints {
        if chars < min_chars {
            continue;
        }
        match first.entry(hash) {
            Entry::Vacant(e) => {
                e.insert(i);
            }
            Entry::Occupied(e) => {
                let j = *e.get();
                let (a, b) = (&work.blocks[j].text, &work.blocks[i].text);
                // Most copies are byte for byte the same: compare them whole
                // before char by char without white space.
                if a == b || key(a).eq(key(b)) {
                    later.push(i);
                }
            }
        }
    }
    later
}

/// Records the copies set aside by [`defer_repeats`] as duplicates, after
/// the chain: a copy of a kept paragraph repeats it, and a copy of a
/// dropped one is noise for the same reason its first copy was.
pub fn settle_repeats(work: &mut Work<'_>, deferred: Deferred) {
    let mut copies: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for &i in &deferred.0 {
        let text = std::mem::take(&mut work.blocks[i].text);
        work.record(DropReason::DuplicateLine, &text);
        if is_running_line(&work.blocks[i], &text) {
            *copies.entry(text.trim().to_string()).or_default() += 1;
        }
        work.blocks[i].text = text;
    }
    // A short line printed on three pages or more (a converted PDF's
    // running header) goes in its first copy too.
    let running: Vec<usize> = work
        .alive()
        .into_iter()
        .filter(|&i| {
            let b = &work.blocks[i];
            !b.protected && copies.get(b.text.trim()).is_some_and(|&n| n >= 2)
        })
        .collect();
    work.drop_unprotected(running, DropReason::Chrome);
}

/// A line that may run at the head or foot of every page: a paragraph or
/// line of 15 to 100 characters that does not end as a sentence (`U.S.
/// Department of Commerce | Bureau of …`).
fn is_running_line(b: &crate::doc::Block<'_>, text: &str) -> bool {
    let t = text.trim();
    let n = crate::script::char_len(t);
    matches!(
        b.kind,
        crate::doc::BlockKind::Para | crate::doc::BlockKind::Line
    ) && (15..=100).contains(&n)
        && !t.ends_with(crate::script::is_sentence_end)
}

/// Short lines that recur, most copies opening a paragraph: the speaker
/// labels of a transcript or interview (`Operator`, `Jane Roe -- Chief
/// Executive Officer`). They are structure, not copies. A page is a
/// transcript when two such lines each open three paragraphs or more;
/// then every short line without figures that opens two paragraphs is a
/// label (a title printed twice on another page is still a copy).
/// A name and a role: short, no figures (a repeated spec line such as
/// `Memory: 288 GB …` is a copy), not a sentence.
fn is_label_shaped(t: &str) -> bool {
    t.len() <= 400
        && !t.bytes().any(|b| b.is_ascii_digit())
        && crate::script::char_len(t) <= 100
        && !t.ends_with(crate::script::is_sentence_end)
}

/// A table's header row of periods (`年度 2024 2025F 2026F 2027F`,
/// `FY2025 FY2026E FY2027E`): every table of a report prints it again.
fn is_header_row(t: &str) -> bool {
    let cells: Vec<&str> = t.split_whitespace().collect();
    let period = |c: &&str| {
        let digits = c.bytes().filter(u8::is_ascii_digit).count();
        digits >= 2
            && c.len() <= 12
            && c.trim_start_matches(|ch: char| !ch.is_ascii_digit()).len() <= 7
    };
    t.len() <= 200 && cells.len() >= 3 && cells.iter().filter(|c| period(c)).count() >= 3
}

fn speaker_labels(work: &Work<'_>, alive: &[usize]) -> Vec<usize> {
    #[derive(Default)]
    struct Group<'t> {
        /// Copies that open a paragraph.
        opening: Vec<usize>,
        /// The distinct paragraphs they open (a label opens different
        /// ones; a copied section repeats its heading's paragraph).
        opened: Vec<&'t str>,
        /// Two copies in a row: a duplicated line, not a voice.
        doubled: bool,
    }
    let mut groups: HashMap<&str, Group<'_>> = HashMap::default();
    let mut prev = "";
    for (k, &i) in alive.iter().enumerate() {
        let t = work.blocks[i].text.trim();
        let last = std::mem::replace(&mut prev, t);
        if !is_label_shaped(t) {
            continue;
        }
        let opened = alive
            .get(k + 1)
            .map(|&j| work.blocks[j].text.trim())
            .filter(|next| {
                crate::chrome::is_body_paragraph(next)
                    || next.ends_with(crate::script::is_sentence_end)
            });
        let g = groups.entry(t).or_default();
        g.doubled |= last == t;
        if let Some(next) = opened {
            g.opening.push(i);
            if !g.opened.contains(&next) {
                g.opened.push(next);
            }
        }
    }
    groups.retain(|_, g| !g.doubled);
    // Two voices at least: one line recurring alone is a repeated heading.
    let transcript = groups.values().filter(|g| g.opened.len() >= 3).count() >= 2;
    if !transcript {
        return Vec::new();
    }
    let mut labels: Vec<usize> = groups
        .into_values()
        .filter(|g| g.opened.len() >= 2)
        .flat_map(|g| g.opening)
        .collect();
    labels.sort_unstable();
    labels
}

/// The units a paragraph is compared by: Han characters one by one, other
/// letters and digits as words; a leading `【…】` label aside.
fn units(text: &str) -> Vec<&str> {
    let t = text.trim_start();
    let t = match t.strip_prefix('【').and_then(|r| r.split_once('】')) {
        Some((_, rest)) => rest,
        None => t,
    };
    let mut out = Vec::new();
    let mut word = None;
    for (i, c) in t.char_indices() {
        let han = crate::script::is_han(c);
        if c.is_alphanumeric() && !han {
            word.get_or_insert(i);
            continue;
        }
        if let Some(w) = word.take() {
            out.push(&t[w..i]);
        }
        if han {
            out.push(&t[i..i + c.len_utf8()]);
        }
    }
    if let Some(w) = word {
        out.push(&t[w..]);
    }
    out
}

/// Share of `short`'s unit pairs found in `long`.
fn pair_containment(short: &[&str], long: &[&str]) -> f64 {
    let pairs: rustc_hash::FxHashSet<(&str, &str)> =
        long.windows(2).map(|w| (w[0], w[1])).collect();
    let total = short.len().saturating_sub(1);
    if total == 0 {
        return 0.0;
    }
    let hit = short
        .windows(2)
        .filter(|w| pairs.contains(&(w[0], w[1])))
        .count();
    hit as f64 / total as f64
}

/// Share of a lead summary's unit pairs that the paragraph under it must
/// repeat for the summary to count as a copy.
const RESTATED_SHARE: f64 = 0.75;

/// A summary over the lead that restates it (`【标题】<the lead in other
/// words>`, then the lead): among the first three paragraphs, one whose
/// unit pairs the next, longer paragraph mostly repeats. A photo's
/// caption over the lead is content, whatever it repeats.
fn restated_leads(work: &mut Work<'_>) {
    let paragraphs: Vec<usize> = work
        .alive()
        .into_iter()
        .filter(|&i| {
            let b = &work.blocks[i];
            b.kind != BlockKind::Caption && crate::chrome::is_body_paragraph(&b.text)
        })
        .take(4)
        .collect();
    for w in paragraphs.windows(2).take(3) {
        let (p, q) = (w[0], w[1]);
        if work.blocks[p].protected || !work.blocks[p].alive {
            continue;
        }
        let (a, b) = (units(&work.blocks[p].text), units(&work.blocks[q].text));
        if a.len() >= 12 && b.len() > a.len() && pair_containment(&a, &b) >= RESTATED_SHARE {
            work.drop_block(p, DropReason::DuplicateLine);
        }
    }
}

/// How many blocks around a pull quote are searched for the sentence it
/// repeats.
const PULL_QUOTE_REACH: usize = 6;

/// A pull quote: a quote block (8 to 300 chars) whose words, without their
/// quotation marks, a longer paragraph near it already holds (`「封裝就是
///新的前段。」` set large beside the paragraph that quotes it).
fn pull_quotes(work: &mut Work<'_>, alive: &[usize]) {
    for (k, &i) in alive.iter().enumerate() {
        let b = &work.blocks[i];
        if b.kind != BlockKind::Quote || !b.alive || b.protected {
            continue;
        }
        let core: String = key(b.text.trim().trim_matches(|c: char| {
            matches!(
                c,
                '“' | '”' | '"' | '「' | '」' | '『' | '』' | '‘' | '’' | '\''
            )
        }))
        .collect();
        let n = core.chars().count();
        if !(8..=300).contains(&n) {
            continue;
        }
        let near = alive[k.saturating_sub(PULL_QUOTE_REACH)..]
            .iter()
            .take(2 * PULL_QUOTE_REACH + 1)
            .filter(|&&j| {
                j != i && work.blocks[j].alive && work.blocks[j].kind != BlockKind::Quote
            });
        let repeated = near.into_iter().any(|&j| {
            let t = &work.blocks[j].text;
            t.len() > b.text.len() && key(t).collect::<String>().contains(&core)
        });
        if repeated {
            work.drop_block(i, DropReason::DuplicateLine);
        }
    }
}

impl Detector for DuplicateFilter {
    fn name(&self) -> &'static str {
        "duplicate"
    }

    fn run(&self, work: &mut Work<'_>) {
        let alive = work.alive();
        let prints: Vec<(u64, usize)> = alive
            .iter()
            .map(|&i| fingerprint(&work.blocks[i].text))
            .collect();
        let repeats = exact_repeats(work, alive.iter().copied().zip(prints.iter().copied()), 6);
        let labels = if repeats
            .iter()
            .any(|&i| is_label_shaped(work.blocks[i].text.trim()))
        {
            speaker_labels(work, &alive)
        } else {
            Vec::new()
        };
        for i in repeats {
            if labels.binary_search(&i).is_err() && !is_header_row(&work.blocks[i].text) {
                work.drop_block(i, DropReason::DuplicateLine);
            }
        }
        restated_leads(work);
        pull_quotes(work, &alive);
        // Truncated copies: a line that the next lines start with.
        for (k, &i) in alive.iter().enumerate() {
            if !work.blocks[i].alive || prints[k].1 < 20 {
                continue;
            }
            let truncated = alive
                .iter()
                .skip(k + 1)
                .take(3)
                .any(|&j| key_extends(&work.blocks[j].text, &work.blocks[i].text));
            if truncated {
                work.drop_block(i, DropReason::DuplicateLine);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Block, BlockKind};

    fn work<'a>(lines: &[&'a str]) -> Work<'a> {
        Work::new(
            lines
                .iter()
                .map(|l| Block::new(l.to_string(), BlockKind::Line))
                .collect(),
        )
    }

    #[test]
    fn a_tables_header_row_printed_again_is_no_copy() {
        let body = "Revenue rose to a record in the quarter as the new accelerator ramped at two customers.";
        let mut w = work(&[
            body,
            "年度 2024 2025F 2026F 2027F",
            "營收(億元) 510.1 612.4 996.8 1,182.5",
            body,
            "年度 2024 2025F 2026F 2027F",
            "營收(億元) 250.4 318.6 352.9 421.7",
        ]);
        DuplicateFilter.run(&mut w);
        assert_eq!(w.alive(), vec![0, 1, 2, 4, 5]);
        assert!(!is_header_row("Share 31 Post 7 Email Print"));
    }

    #[test]
    fn transcript_speaker_labels_are_not_copies() {
        let lines = [
            "Headline printed twice",
            "Headline printed twice",
            "Good afternoon and welcome to the call. Revenue rose on accelerator demand.",
            "Operator",
            "Our first question comes from an analyst at a brokerage.",
            "Jane Roe -- Chief Executive Officer",
            "Thanks for the question. Demand is strong and supply improves next year.",
            "Operator",
            "Our next question comes from a second brokerage.",
            "Some Analyst -- Brokerage -- Analyst",
            "Could you talk about gross margins on the new rack systems?",
            "Jane Roe -- Chief Executive Officer",
            "Margins dip at first and recover as volumes grow, we said.",
            "Operator",
            "Our last question comes from a third brokerage.",
            "Jane Roe -- Chief Executive Officer",
            "We will share more at the analyst day, and thank you all.",
            "Margins dip at first and recover as volumes grow, we said.",
        ];
        let mut w = work(&lines);
        DuplicateFilter.run(&mut w);
        let dropped: Vec<usize> = (0..lines.len()).filter(|&i| !w.blocks[i].alive).collect();
        // The second headline and the repeated answer go; every label stays.
        assert_eq!(dropped, vec![1, 17]);
        // A heading doubled in a row is a copy, even among labels.
        let mut lines = lines.to_vec();
        lines.insert(4, "Operator");
        let mut w = work(&lines);
        DuplicateFilter.run(&mut w);
        assert!(!w.blocks[4].alive);
    }

    #[test]
    fn only_repeated_html_paragraphs_are_set_aside() {
        let long = "A paragraph long enough to be a copy when repeated.";
        let mut w = Work::new(vec![
            Block::new(long, BlockKind::Para),
            Block::new("Short one", BlockKind::Para),
            Block::new("Short one", BlockKind::Para),
            Block::new(long, BlockKind::Line),
            Block::new(
                " A paragraph long enough to be a copy  when repeated.",
                BlockKind::Para,
            ),
        ]);
        let deferred = defer_repeats(&mut w);
        let alive: Vec<bool> = w.blocks.iter().map(|b| b.alive).collect();
        assert_eq!(alive, vec![true, true, true, true, false]);
        assert!(w.dropped.is_empty());
        settle_repeats(&mut w, deferred);
        assert_eq!(w.dropped.len(), 1);
        assert_eq!(w.dropped[0].reason, DropReason::DuplicateLine);
    }

    #[test]
    fn fingerprint_ignores_where_the_spaces_were() {
        assert_eq!(
            fingerprint("英伟达 H100 芯片"),
            fingerprint("英伟达H100芯片")
        );
        assert_eq!(fingerprint("ab c"), fingerprint("a bc"));
        assert_ne!(fingerprint("ab c").0, fingerprint("ab d").0);
        assert_eq!(fingerprint(" a\u{3000}b ").1, 2);
    }

    #[test]
    fn keeps_first_copy() {
        let mut w = work(&[
            "A long title line",
            "body one.",
            "A long title line",
            "body two.",
        ]);
        DuplicateFilter.run(&mut w);
        let alive: Vec<_> = w
            .blocks
            .iter()
            .filter(|b| b.alive)
            .map(|b| &*b.text)
            .collect();
        assert_eq!(alive, vec!["A long title line", "body one.", "body two."]);
    }

    #[test]
    fn a_pull_quote_repeating_its_paragraph_goes() {
        let para = "一位供應商主管說：「良率才是真正的瓶頸。」他指出，新產線要到明年才會滿載，客戶只能分批交貨。";
        let mut w = Work::new(vec![
            Block::new(para, BlockKind::Para),
            Block::new("「良率才是真正的瓶頸。」", BlockKind::Quote),
            Block::new(
                "另一段正文，談到後段設備的交期仍然很長，價格也持續上漲。",
                BlockKind::Para,
            ),
            Block::new("“Capacity is the whole story this year.”", BlockKind::Quote),
        ]);
        DuplicateFilter.run(&mut w);
        assert!(w.blocks[0].alive && w.blocks[2].alive);
        assert!(!w.blocks[1].alive, "the pull quote repeats paragraph one");
        // a quote no paragraph holds is the article's own
        assert!(w.blocks[3].alive);
    }

    #[test]
    fn a_summary_restating_the_lead_goes() {
        let summary = "【某板块午后走强】某日午后，某板块明显走强，甲公司涨超6%，乙公司跟涨，板块内超15只个股涨幅超过2%。";
        let lead = "某日午后，某板块明显走强。截至收盘，甲公司涨6.1%，成交额达52.3亿元；乙公司跟涨，板块内超15只个股涨幅超过2%，市场情绪明显回暖。";
        let other = "另一段正文讲述了完全不同的事情，包括产能、良率与订单，和上面的导语没有多少重合之处，只是长度相仿而已。";
        let mut w = work(&[summary, lead, other]);
        DuplicateFilter.run(&mut w);
        let alive: Vec<_> = w.alive_texts();
        assert_eq!(alive, vec![lead, other]);
        // A paragraph that the next one only partly repeats stays.
        let mut w = work(&[lead, other]);
        DuplicateFilter.run(&mut w);
        assert_eq!(w.alive().len(), 2);
        let en = "Example Micro reported record revenue on Thursday, and its shares rose as much as nine percent in early trade.";
        let en2 = "Example Micro said on Thursday that revenue for the six months rose to a record, far above forecasts, as buyers turned to local suppliers.";
        let mut w = work(&[en, en2]);
        DuplicateFilter.run(&mut w);
        assert_eq!(w.alive().len(), 2);
    }

    #[test]
    fn drops_truncated_abstract() {
        let mut w = work(&[
            "今年以來,數十家本土晶片新創接連發表產品,主要鎖定",
            "今年以來,數十家本土晶片新創接連發表產品,主要鎖定推論市場。",
        ]);
        DuplicateFilter.run(&mut w);
        assert!(!w.blocks[0].alive);
        assert!(w.blocks[1].alive);
    }
}
