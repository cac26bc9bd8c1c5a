//! Fragments in a language that does not belong to the article, and broken
//! Latin tokens, inside Chinese text (machine-translation debris).
//!
//! Owns: working inside lines at token and clause level.
//! - Latin runs (words joined by spaces and ASCII punctuation) dense in
//!   Tagalog function words, or that whatlang reliably calls a language
//!   other than English (runs of five words or more).
//! - Single tokens: a Latin word glued to CJK through a leading hyphen
//!   (`汉字-word`), odd internal casing (`aBcde`, `Abcdef`+`G`, `abcDEF`),
//!   short lowercase words standing alone between CJK characters that are
//!   not units or common terms, Tagalog-shaped words (reduplicated first
//!   syllable after a verbal prefix), near-copies of a frequent token of the
//!   page (`Deviceek` next to many `Deepseek`), capitalised words in a
//!   sentence that already held a foreign run and that the page never uses
//!   elsewhere, and any other case of a word already judged broken.
//! - In English pages only whole sentences dense in Tagalog function words.
//!
//! Language identification: whatlang (0.18) was measured against whichlang
//! on the seed fragments. whichlang has no Tagalog model and called every
//! Tagalog clause English/Swedish/Vietnamese; whatlang found the two long
//! clauses (confidence 1.0) but not runs of 2-8 words. So the stopword list
//! decides short runs and whatlang only confirms long ones.
//! Must not know: entity names, the page's site, or any fixture string.

use crate::doc::{Detector, Work};
use crate::script::{is_cjk_punct, is_han};
use model::{DropReason, Lang};
use regex::Regex;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;

/// Tagalog function words that are not also common English words.
const TAGALOG: &[&str] = &[
    "ang",
    "ng",
    "mga",
    "sa",
    "ay",
    "si",
    "ito",
    "ni",
    "kung",
    "saan",
    "noong",
    "rin",
    "din",
    "ngayong",
    "nang",
    "lang",
    "hindi",
    "siya",
    "sila",
    "kami",
    "tayo",
    "kanila",
    "kanyang",
    "nito",
    "niya",
    "ako",
    "ikaw",
    "dahil",
    "pero",
    "kay",
    "kina",
    "mula",
    "hanggang",
    "tungkol",
    "bilang",
    "upang",
    "ngunit",
    "habang",
    "kapag",
    "dito",
    "doon",
    "iyon",
    "iyan",
    "ayon",
    "sinabi",
    "naman",
    "lamang",
    "pang",
    "isang",
    "ilang",
    "bawat",
    "lahat",
    "mas",
    "na",
    "ngayon",
    "taon",
    "parehong",
    "kasalukuyan",
    "mayroon",
    "wala",
    "pati",
    "gayundin",
    "para",
];

/// Short lowercase words that are fine standing alone in Chinese text.
const SHORT_OK: &[&str] = &[
    "vs", "app", "apps", "pro", "max", "mini", "plus", "ultra", "lite", "ai", "ok", "etc", "wifi",
    "web", "api", "sdk", "ios", "go", "js", "www", "com", "cn", "http", "html", "pdf", "nm", "fp",
    "int", "tops", "bit", "byte", "fps", "kg", "km", "mm", "cm", "ms", "ns", "gb", "tb", "mb",
    "kb", "hz", "ghz", "mhz", "kw", "mw", "gw", "wh", "kwh", "mah", "led", "lcd", "oled", "soc",
    "chip", "data", "cuda", "arm", "risc", "x86", "ipo", "to", "of", "and", "the", "in", "on",
    "for", "with", "by", "at", "or",
];

#[derive(Debug, Clone)]
struct Token {
    /// Byte range, including a glued leading hyphen.
    range: Range<usize>,
    text: String,
    alpha: bool,
    hyphen_glued: bool,
    /// Index of the run this token belongs to.
    run: usize,
}

/// Splits `s` into Latin/digit tokens grouped into runs (tokens separated
/// only by spaces and ASCII punctuation).
fn tokenize(s: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out: Vec<Token> = Vec::new();
    let mut run = 0usize;
    let mut k = 0;
    let mut gap_is_latin = false;
    while k < chars.len() {
        let (b, c) = chars[k];
        if c.is_ascii_alphanumeric() {
            let start_k = k;
            while k < chars.len() {
                let c = chars[k].1;
                let joins = matches!(c, '.' | '-' | '_' | '+' | '/' | '\'')
                    && k + 1 < chars.len()
                    && chars[k + 1].1.is_ascii_alphanumeric()
                    && k > start_k;
                if c.is_ascii_alphanumeric() || joins {
                    k += 1;
                } else {
                    break;
                }
            }
            let end = chars.get(k).map_or(s.len(), |&(e, _)| e);
            let mut start = b;
            let mut hyphen_glued = false;
            if start_k >= 2 && chars[start_k - 1].1 == '-' {
                let p = chars[start_k - 2].1;
                if is_han(p) || is_cjk_punct(p) {
                    hyphen_glued = true;
                    start = chars[start_k - 1].0;
                }
            }
            if !gap_is_latin || out.is_empty() {
                run += 1;
            }
            let text = s[b..end].to_string();
            let alpha = text.chars().all(|c| c.is_ascii_alphabetic());
            out.push(Token {
                range: start..end,
                text,
                alpha,
                hyphen_glued,
                run,
            });
            gap_is_latin = true;
        } else {
            if !(c == ' ' || matches!(c, ',' | '.' | '\'' | '-' | ';' | ':' | '(' | ')')) {
                gap_is_latin = false;
            }
            k += 1;
        }
    }
    out
}

fn odd_casing_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(?:[a-df-hj-z][A-Z][a-z]{3,}|[A-Z]?[a-z]{3,}[A-Z]|[a-z]{3,}[A-Z]{3,})$")
            .expect("static regex")
    })
}

fn tagalog_shape_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(?:i|ma|na|pa|mag|nag|pag|ipag|ipa|ka|maka|naka|paki|naki|maki)(?:l|k|b|d|g|h|m|n|p|r|s|t|w|y)(?:a|e|i|o|u)")
            .expect("static regex")
    })
}

/// Reduplicated first syllable after a verbal prefix: `i-lu-lunsad`.
fn tagalog_shaped(w: &str) -> bool {
    let l = w.to_lowercase();
    if l.len() < 7 {
        return false;
    }
    for m in tagalog_shape_re().find_iter(&l) {
        let e = m.end();
        let syl = &l[e - 2..e];
        if l[e..].starts_with(syl) {
            return true;
        }
    }
    false
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// True for a run of words that reads as Tagalog (or, when long, as any
/// language whatlang reliably says is not English).
fn foreign_run(words: &[&str]) -> bool {
    if words.len() < 2 {
        return false;
    }
    // All-caps words are acronyms (`SA`, `NA`), never function words.
    let hits = words
        .iter()
        .filter(|w| {
            !w.chars().skip(1).any(|c| c.is_ascii_uppercase())
                && TAGALOG.contains(&w.to_lowercase().as_str())
        })
        .count();
    if hits >= 2 || (hits >= 1 && hits * 10 >= words.len() * 3) {
        return true;
    }
    if words.len() >= 5 {
        let joined = words.join(" ");
        if let Some(info) = whatlang::detect(&joined) {
            return info.is_reliable() && info.lang() == whatlang::Lang::Tgl;
        }
    }
    false
}

pub struct GarbleFilter;

impl Detector for GarbleFilter {
    fn name(&self) -> &'static str {
        "garble"
    }

    fn run(&self, work: &mut Work<'_>) {
        if work.lang == Lang::En {
            english_sentences(work);
            return;
        }
        // Blocks are tokenized once per pass rather than all at once, so a
        // page of a million lines never holds its tokens in memory.
        let alive = work.alive();
        // Token frequencies over the whole page (case-insensitive).
        let mut freq: HashMap<String, usize> = HashMap::new();
        for &i in &alive {
            for t in tokenize(&work.blocks[i].text).iter().filter(|t| t.alpha) {
                *freq.entry(t.text.to_lowercase()).or_default() += 1;
            }
        }
        let frequent: Vec<&String> = freq
            .iter()
            .filter(|(_, &n)| n >= 3)
            .map(|(w, _)| w)
            .collect();
        let mut broken: HashSet<String> = HashSet::new();
        let mut plan: BTreeMap<usize, Vec<Range<usize>>> = BTreeMap::new();
        for &i in &alive {
            let text = &work.blocks[i].text;
            let toks = tokenize(text);
            let toks = &toks;
            let mut ranges = Vec::new();
            let mut in_foreign = vec![false; toks.len()];
            // Runs.
            let mut k = 0;
            while k < toks.len() {
                let r = toks[k].run;
                let mut e = k;
                while e < toks.len() && toks[e].run == r {
                    e += 1;
                }
                let words: Vec<&str> = toks[k..e]
                    .iter()
                    .filter(|t| t.alpha)
                    .map(|t| &*t.text)
                    .collect();
                if foreign_run(&words) {
                    ranges.push(toks[k].range.start..toks[e - 1].range.end);
                    for f in in_foreign.iter_mut().take(e).skip(k) {
                        *f = true;
                    }
                }
                k = e;
            }
            // Single tokens.
            let mut run_size: HashMap<usize, usize> = HashMap::new();
            for t in toks {
                *run_size.entry(t.run).or_default() += 1;
            }
            for (k, t) in toks.iter().enumerate() {
                if in_foreign[k] || !t.alpha {
                    continue;
                }
                let lower = t.text.to_lowercase();
                let alone = run_size.get(&t.run) == Some(&1);
                let after_digit = text[..t.range.start]
                    .trim_end()
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_ascii_digit());
                let all_caps = t.text.chars().all(|c| c.is_ascii_uppercase());
                let bad = t.hyphen_glued
                    || odd_casing_re().is_match(&t.text)
                    || (alone
                        && !after_digit
                        && t.text.len() <= 4
                        && t.text.chars().all(|c| c.is_ascii_lowercase())
                        && !SHORT_OK.contains(&lower.as_str()))
                    || (!all_caps && tagalog_shaped(&t.text))
                    || (!all_caps
                        && t.text.len() >= 6
                        && freq.get(&lower) == Some(&1)
                        && frequent.iter().any(|f| {
                            let d = edit_distance(f, &lower);
                            (2..=3).contains(&d)
                                && f.chars().next() == lower.chars().next()
                                && f.chars().last() == lower.chars().last()
                        }));
                if bad {
                    ranges.push(t.range.clone());
                    broken.insert(lower);
                }
            }
            // Contagion: in a sentence that holds a foreign run, a word the
            // page uses only there is part of the debris. Tokens and
            // sentences are both in order, so one pass assigns each token
            // its sentence.
            let sents = sentences(text);
            let mut sent_of = Vec::with_capacity(toks.len());
            let mut si = 0;
            for t in toks.iter() {
                while si + 1 < sents.len() && sents[si].end <= t.range.start {
                    si += 1;
                }
                sent_of.push(si);
            }
            let mut sent_has_run = vec![false; sents.len().max(1)];
            for (k, &f) in in_foreign.iter().enumerate() {
                if f {
                    sent_has_run[sent_of[k]] = true;
                }
            }
            for (k, t) in toks.iter().enumerate() {
                if in_foreign[k] || !t.alpha || !sent_has_run[sent_of[k]] {
                    continue;
                }
                let all_caps = t.text.chars().all(|c| c.is_ascii_uppercase());
                if !all_caps && freq.get(&t.text.to_lowercase()) == Some(&1) {
                    ranges.push(t.range.clone());
                }
            }
            if !ranges.is_empty() {
                plan.insert(i, ranges);
            }
        }
        // Other cases of a word already judged broken (`aof` -> `Aof`).
        if !broken.is_empty() {
            for &i in &alive {
                for t in tokenize(&work.blocks[i].text) {
                    let all_caps = t.text.chars().all(|c| c.is_ascii_uppercase());
                    if t.alpha && !all_caps && broken.contains(&t.text.to_lowercase()) {
                        plan.entry(i).or_default().push(t.range.clone());
                    }
                }
            }
        }
        for (i, ranges) in plan {
            work.remove_ranges(i, ranges, DropReason::Garbled);
        }
    }
}

/// Byte ranges of sentences (split after sentence-final punctuation).
fn sentences(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';')
            || (c == '.' && s[i + 1..].starts_with(' '))
        {
            out.push(start..i + c.len_utf8());
            start = i + c.len_utf8();
        }
    }
    if start < s.len() {
        out.push(start..s.len());
    }
    out
}

/// English pages: drop whole sentences dense in Tagalog function words.
fn english_sentences(work: &mut Work<'_>) {
    for i in work.alive() {
        let text = work.blocks[i].text.clone();
        let mut ranges = Vec::new();
        for r in sentences(&text) {
            let words: Vec<&str> = text[r.clone()]
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .collect();
            let hits = words
                .iter()
                .filter(|w| TAGALOG.contains(&w.to_lowercase().as_str()) && w.len() > 2)
                .count();
            if hits >= 3 && hits * 4 >= words.len() {
                ranges.push(r);
            }
        }
        work.remove_ranges(i, ranges, DropReason::Garbled);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Block, BlockKind};

    fn clean_zh(s: &str) -> String {
        let mut w = Work::new(vec![Block::new(s.to_string(), BlockKind::Line)]);
        w.lang = Lang::ZhHans;
        GarbleFilter.run(&mut w);
        w.blocks[0].text.to_string()
    }

    #[test]
    fn tagalog_run_inside_chinese() {
        let out = clean_zh(
            "市场关注——“UE8M0 FP8设计Binigyan ito ng lakas ang mga mamimili na bumili ng mga 国产 AI 芯片。",
        );
        assert!(!out.contains("Binigyan"), "{out}");
        assert!(out.contains("UE8M0 FP8设计"));
        assert!(out.contains("国产"));
        assert!(out.contains("AI"));
    }

    #[test]
    fn broken_tokens() {
        let out = clean_zh("股价一直在-Rocketing上,他认为bAsyano国家,产量KapasidoD不足,美国qzx和大型模型,Ascend 950dt 是,7 nm 工艺,Scale out 架构。");
        for bad in ["Rocketing", "bAsyano", "KapasidoD", "qzx"] {
            assert!(!out.contains(bad), "{bad} left in {out}");
        }
        for good in ["950dt", "7 nm", "Scale out", "Ascend"] {
            assert!(out.contains(good), "{good} lost in {out}");
        }
    }

    #[test]
    fn tagalog_shape() {
        assert!(tagalog_shaped("Ilulunsad"));
        assert!(tagalog_shaped("magbibigay"));
        assert!(!tagalog_shaped("Blackwell"));
        assert!(!tagalog_shaped("Trainium"));
    }

    #[test]
    fn english_keeps_english() {
        let mut w = Work::new(vec![Block::new(
            "Nvidia said at the event that it is ready. Ito ay ang mga bagong chip ng kumpanya.",
            BlockKind::Line,
        )]);
        english_sentences(&mut w);
        assert_eq!(
            w.blocks[0].text,
            "Nvidia said at the event that it is ready."
        );
    }
}
