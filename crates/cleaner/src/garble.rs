//! Fragments in a language that does not belong to the article, and broken
//! Latin tokens, inside Chinese text (machine-translation debris).
//!
//! Owns: working inside lines at token and clause level.
//! - Latin runs (words joined by spaces and ASCII punctuation, letters with
//!   diacritics included) dense in function words of the languages MT leaks
//!   (Tagalog, Spanish, Portuguese, Indonesian/Malay, French, German,
//!   Vietnamese without diacritics; none of the words English), or of five
//!   words or more, holding one such word, that whatlang reliably calls a
//!   language other than English.
//! - Single tokens: a Latin word glued to CJK through a leading hyphen
//!   (`汉字-word`), odd internal casing (`aBcde`, `Abcdef`+`G`, `abcDEF`),
//!   short lowercase words standing alone between CJK characters that are
//!   not units or common terms, Tagalog-shaped words (reduplicated first
//!   syllable after a verbal prefix), near-copies of a frequent token of the
//!   page (`Deviceek` next to many `Deepseek`), capitalised words in a
//!   sentence that already held a foreign run and that the page never uses
//!   elsewhere, and any other case of a word already judged broken.
//! - Debris glued to Chinese: an English function word touching a Han
//!   character (`the芯片`) or two run together (`ofthe`), a lone Latin word
//!   after the line's last sentence end, and an inflected ordinary English
//!   word (`-ing`, `-ers`, `-tion`, … and not Pinyin-shaped) glued to Han on
//!   both sides and used once in the page. Names and model codes (`Rubin`,
//!   `HBM3E`, `Beijing`) have none of these shapes.
//! - In English pages only whole sentences: dense in Tagalog function
//!   words, or garbled (words written twice in a row, run-together function
//!   words, endings English never writes such as `-yy`, `-cc`, consonant +
//!   `ss`).
//!
//! Language identification: whatlang (0.18) was measured against whichlang
//! on the seed fragments. whichlang has no Tagalog model and called every
//! Tagalog clause English/Swedish/Vietnamese; whatlang found the two long
//! clauses (confidence 1.0) but not runs of 2-8 words. A second measurement
//! on 11 MT clauses (es, pt, id, tl, fr, de, vi) and 11 English tech
//! phrases (`Scale out`, `Nvidia H100 GPU`, `Rubin CPX`, …): whatlang with
//! `is_reliable` 14/22 correct (4/11 clauses, no false alarm), whichlang
//! 13/22 (9/11 clauses, 7 false alarms on the English phrases), lingua 1.6
//! (ten languages) 18/22 (11/11 clauses, 4 false alarms: product names)
//! at 0.08 MB/s of clause text, +1m44s build and a 40 MB binary; whatlang
//! ran 0.5 MB/s, whichlang 28 MB/s. No detector is safe alone on 2-6 word
//! clauses full of names, so the function-word lists decide and whatlang
//! (already a dependency) only confirms long runs holding a function word.
//! Must not know: entity names, the page's site, or any fixture string.

use crate::doc::{Detector, Work};
use crate::script::{char_len, is_cjk_punct, is_han, is_latin};
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

/// Function words of the languages machine translation most often leaks
/// into Chinese pages, none of them also an English word or a common
/// product suffix (`a`, `as`, `do`, `in`, `no`, `per`, `plus` are left
/// out). Vietnamese is listed without diacritics, as MT debris prints it.
const MT_FUNCTION_WORDS: &[&str] = &[
    // Spanish
    "el", "la", "los", "las", "del", "una", "que", "es", "por", "con", "para", "pero", "sin",
    "embargo", "muy", "más", "según", "segun", "está", "sus", "su", "también", "tambien", "entre",
    "sobre", "hasta", "desde", "cuando", "donde", "porque", "hay", "ser", "será", "aún", "ya",
    "lo", "les", "fue", "son", "este", "esta", "sino", // Portuguese
    "os", "da", "das", "dos", "em", "um", "uma", "não", "nao", "são", "sao", "pelo", "pela",
    "mais", "ainda", "seu", "sua", "muito", "ao", "aos", "foi", "já", "isso", "segundo",
    // Indonesian / Malay
    "yang", "dan", "di", "ke", "dari", "untuk", "dengan", "tidak", "ini", "itu", "akan", "pada",
    "adalah", "menurut", "sudah", "telah", "juga", "atau", "karena", "kerana", "masih", "tetap",
    "hingga", "sampai", "oleh", "bahwa", "bahawa", "dalam", "lebih", "belum", "saat", "sangat",
    "mereka", "kita", "namun", "tetapi", "secara", "sebagai", "seperti", // French
    "le", "les", "des", "du", "une", "est", "sont", "dans", "pour", "avec", "sur", "pas", "qui",
    "mais", "selon", "cette", "ces", "leur", "leurs", "aux", "au", "ont", "été", "très", "aussi",
    "encore", "sa", "ses", // German
    "der", "die", "das", "und", "ist", "nicht", "mit", "von", "zu", "den", "dem", "ein", "eine",
    "einen", "auf", "für", "auch", "sich", "werden", "wird", "sind", "nach", "bei", "noch", "aber",
    "laut", "wie", "oder", "zum", "zur", // Vietnamese without diacritics
    "cua", "va", "cho", "nhung", "duoc", "trong", "mot", "cac", "nay", "voi", "khong", "nhu", "se",
    "den", "nguoi", "ve", "cong", "ty",
];

/// Foreign function words that are also English words.
const ENGLISH_HOMOGRAPHS: &[&str] = &["die", "den", "son", "sin", "con", "hay"];

/// English words that glue a sentence; glued straight to Han characters
/// (`the芯片`) or to each other (`ofthe`) they are MT debris.
const EN_FUNCTION_WORDS: &[&str] = &[
    "the", "of", "and", "to", "in", "on", "for", "with", "by", "at", "or", "is", "a", "an", "from",
    "that", "this",
];

/// Short lowercase words that are fine standing alone in Chinese text.
const SHORT_OK: &[&str] = &[
    "vs", "app", "apps", "pro", "max", "mini", "plus", "ultra", "lite", "ai", "ok", "etc", "wifi",
    "web", "api", "sdk", "ios", "go", "js", "www", "com", "cn", "http", "html", "pdf", "nm", "fp",
    "int", "tops", "bit", "byte", "fps", "kg", "km", "mm", "cm", "ms", "ns", "gb", "tb", "mb",
    "kb", "hz", "ghz", "mhz", "kw", "mw", "gw", "wh", "kwh", "mah", "led", "lcd", "oled", "soc",
    "chip", "data", "cuda", "arm", "risc", "x86", "ipo", "to", "of", "and", "the", "in", "on",
    "for", "with", "by", "at",
    "or", // a chip's die, glued into Chinese (单die面积, 良品die)
    "die", "dies",
];

/// Everyday English words of up to four letters that Chinese writers mix
/// into their sentences (`小bug`, `寫死喺code度`, `重新tune過`): a
/// dictionary signal that such a word is meant, not debris. Words that are
/// also function words of the languages machine translation leaks
/// (`die`, `con`, `son`, `las`) are left out.
const EN_SHORT_WORDS: &[&str] = &[
    "bug", "bugs", "code", "tune", "fix", "run", "test", "demo", "case", "team", "deal", "push",
    "sell", "buy", "long", "hold", "call", "put", "fund", "bond", "cost", "fee", "line", "plan",
    "idea", "work", "job", "boss", "sale", "shop", "game", "play", "beta", "live", "post", "like",
    "cool", "fine", "high", "low", "free", "pay", "rank", "rate", "top", "size", "node", "core",
    "card", "rack", "pod", "fab", "cell", "port", "link", "host", "user", "view", "mode", "tool",
    "load", "boot", "page", "file", "copy", "sort", "list", "tag", "key", "lock", "ship", "lead",
    "gain", "loss", "risk", "hype", "meme", "pump", "dump", "moon", "bear", "bull", "flop", "hit",
    "miss", "win", "cut", "up", "down", "out", "via", "fan", "fans", "vibe", "drop", "tier", "gen",
    "spec", "perf", "ram", "rom", "easy", "hard", "fast", "slow", "safe", "best", "good", "bad",
    "nice", "sure", "yes", "no", "lag", "ping", "lab", "labs", "fail", "pass", "done", "over",
    "show", "talk", "news", "feed", "chat", "bot", "bots", "mail", "home", "back", "next", "last",
    "new", "old", "big", "full", "half", "more", "less", "plus", "zero", "one", "two", "ten",
    "all", "any", "fit", "set", "get", "make", "take", "use", "used", "need", "want", "sell", "po",
    "op", "kpi", "roi", "eps", "ceo", "cfo", "cto", "hr", "pm", "am", "capex", "opex", "peak",
    "base",
    // an engineer's words for what a machine does and is made of (`又hang了`,
    // `爆oom`, `走rdma`), written in lower case
    "hang", "oom", "gpu", "cpu", "npu", "tpu", "ssd", "dma", "rdma", "pcie", "nvme", "ecc", "kv",
    "moe", "llm", "rag", "qps", "tps", "sla", "lan", "wan",
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

/// A character of a Latin word: ASCII letters and digits, Latin letters
/// with diacritics (`reveló`, `não`), so a Spanish clause stays one run,
/// and the unit signs that stand inside a figure (`5µm`, `10kΩ`, `25°C`),
/// so a unit's letters are not read as a stray token.
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || is_latin(c) || matches!(c, 'µ' | 'μ' | 'Ω' | '°')
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
        if is_word_char(c) {
            let start_k = k;
            while k < chars.len() {
                let c = chars[k].1;
                let joins = matches!(c, '.' | '-' | '_' | '+' | '/' | '\'')
                    && k + 1 < chars.len()
                    && is_word_char(chars[k + 1].1)
                    && k > start_k;
                if is_word_char(c) || joins {
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
            let alpha = text.chars().all(|c| c.is_alphabetic());
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

/// Odd casing: `aBcde`, `abcDEF`, or a word with a capital glued to its
/// end (`Abcdef`+`G`), except a closing `X`, which names products
/// (`ConnectX`, `DirectX`).
fn odd_casing_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(?:[a-df-hj-z][A-Z][a-z]{3,}|[A-Z]?[a-z]{3,}[A-WYZ]|[a-z]{3,}[A-Z]{3,})$")
            .expect("static regex")
    })
}

/// A unit written with its metric prefix in words (`exaFLOPS`,
/// `petaOPS`, `teraFLOP`): its casing is the unit's, not debris.
fn is_prefixed_unit(w: &str) -> bool {
    ["exa", "peta", "tera", "giga", "mega", "kilo"]
        .iter()
        .any(|p| {
            w.strip_prefix(p).is_some_and(|rest| {
                matches!(rest, "FLOPS" | "FLOP" | "OPS" | "FLOPs" | "Hz" | "bps")
            })
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

/// True when `w` (any case but all-caps: `SA`, `DE` are acronyms) is a
/// function word of Tagalog or of another language MT leaks.
fn is_foreign_function_word(w: &str, first: bool) -> bool {
    if w.chars().skip(1).any(char::is_uppercase) {
        return false;
    }
    // A capitalised short word inside a run is a name (`Dan`, `Ye`).
    if !first && w.len() <= 3 && w.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let l = w.to_lowercase();
    TAGALOG.contains(&l.as_str()) || MT_FUNCTION_WORDS.contains(&l.as_str())
}

/// True for a run of words in a language other than English: dense in
/// function words of Tagalog, Spanish, Portuguese, Indonesian/Malay,
/// French, German or Vietnamese, or (five words or more) reliably called a
/// non-English language by whatlang and holding at least one such word.
fn foreign_run(words: &[&str]) -> bool {
    if words.len() < 2 {
        return false;
    }
    let is_hit = |k: usize, w: &str| is_foreign_function_word(w, k == 0);
    let homograph = |w: &str| ENGLISH_HOMOGRAPHS.contains(&w.to_lowercase().as_str());
    let strong = words
        .iter()
        .enumerate()
        .filter(|&(k, w)| is_hit(k, w) && !homograph(w))
        .count();
    // `die`, `son`, `con` are English words too: they count only beside
    // a function word that is not (`base die` is an English gloss).
    let hits = if strong == 0 {
        0
    } else {
        words
            .iter()
            .enumerate()
            .filter(|&(k, w)| is_hit(k, w))
            .count()
    };
    if hits >= 2 || (hits >= 1 && hits * 10 >= words.len() * 3) {
        return true;
    }
    if words.len() >= 5 && hits >= 1 {
        let joined = words.join(" ");
        if let Some(info) = whatlang::detect(&joined) {
            return info.is_reliable() && info.lang() != whatlang::Lang::Eng;
        }
    }
    false
}

/// `ofthe`, `inthe`: two English function words written as one.
fn glued_function_words(l: &str) -> bool {
    EN_FUNCTION_WORDS.iter().any(|a| {
        l.strip_prefix(a)
            .is_some_and(|rest| rest.len() >= 2 && EN_FUNCTION_WORDS.contains(&rest))
    })
}

/// Plausible Hanyu Pinyin (`Beijing`, `Nanjing`): no consonant pair other
/// than `zh`/`ch`/`sh`/`ng` or a syllable-final `n` before an initial.
fn looks_pinyin(l: &str) -> bool {
    let b = l.as_bytes();
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'v');
    b.windows(2).all(|p| {
        vowel(p[0])
            || vowel(p[1])
            || matches!(p, [b'z' | b'c' | b's', b'h'] | [b'n', _] | [b'g', _])
    }) && b.iter().all(|c| c.is_ascii_lowercase())
}

/// An ordinary inflected English word (`Rolling`, `Holders`, `Finished`),
/// not a name: a name or model code seldom ends so.
fn inflected_english(l: &str) -> bool {
    let n = l.len();
    n >= 6
        && !looks_pinyin(l)
        && ([
            "ing", "ings", "ers", "ness", "ment", "ments", "tion", "tions", "ly",
        ]
        .iter()
        .any(|s| l.ends_with(s))
            || (n >= 8 && l.ends_with("ed")))
}

/// Acronyms a broken token may have swallowed when the debris was glued
/// to them (`nodeSPEED` + `AI` -> `nodeSPEEDAI`).
const GLUED_ACRONYMS: &[&str] = &["AI", "GPU", "CPU", "NPU", "TPU", "HBM", "ASIC"];

/// The range of a broken token less an acronym glued to its end.
fn without_acronym_tail(token: &str, range: Range<usize>) -> Range<usize> {
    let lower = token.chars().any(|c| c.is_lowercase());
    match GLUED_ACRONYMS
        .iter()
        .find(|a| token.len() > a.len() + 2 && token.ends_with(**a))
    {
        Some(a) if lower => range.start..range.end - a.len(),
        _ => range,
    }
}

/// A line of machine-translation debris: six or more space-separated
/// tokens, at least two fifths of them Latin, two of those lower-case words
/// (`of`, `chips`: a table's header of names has none), every Chinese one a
/// word of at most three characters (`的`, `在`, `這些`), and no punctuation
/// (`of 的 Vendor 在 -ZOOMX chips 這些 the 晶片`).
fn is_word_salad(text: &str) -> bool {
    let t = text.trim();
    if t.len() > 400 || t.contains(['，', '。', ',', '.', '、', '：', '！', '？']) {
        return false;
    }
    let tokens: Vec<&str> = t.split_whitespace().collect();
    if tokens.len() < 6 {
        return false;
    }
    let han = |w: &str| w.chars().any(crate::script::is_han);
    let latin = tokens.iter().filter(|w| !han(w)).count();
    let lower = tokens
        .iter()
        .filter(|w| w.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
        .count();
    latin * 5 >= tokens.len() * 2
        && lower >= 2
        && tokens
            .iter()
            .all(|w| !han(w) || (w.chars().count() <= 3 && w.chars().all(crate::script::is_han)))
        && tokens.iter().filter(|w| han(w)).count() >= 2
}

fn word_salad(work: &mut Work<'_>) {
    for i in work.alive() {
        if !work.blocks[i].protected && is_word_salad(&work.blocks[i].text) {
            work.drop_block(i, DropReason::Garbled);
        }
    }
}

/// English connectives that machine translation leaves untranslated at
/// the head of a Chinese sentence (`However，某公司並未…`).
const CONNECTIVES: &[&str] = &[
    "However",
    "Moreover",
    "Meanwhile",
    "Therefore",
    "Furthermore",
    "Additionally",
    "Also",
    "But",
    "And",
    "So",
    "Still",
    "Instead",
    "Overall",
];

/// Removes an untranslated English connective (and its comma) at the
/// start of a Chinese line.
fn untranslated_openers(work: &mut Work<'_>) {
    for i in work.alive() {
        let text = &work.blocks[i].text;
        let Some(word) = CONNECTIVES.iter().find(|w| text.starts_with(**w)) else {
            continue;
        };
        let rest = &text[word.len()..];
        let after = rest.trim_start_matches([',', '，', ' ']);
        let joined =
            after.len() < rest.len() || rest.starts_with(|c: char| crate::script::is_han(c));
        if joined && after.starts_with(|c: char| crate::script::is_han(c)) {
            let cut = text.len() - after.len();
            let opener = std::ops::Range { start: 0, end: cut };
            work.remove_ranges(i, std::iter::once(opener).collect(), DropReason::Garbled);
        }
    }
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
        if work.lang == Lang::ZhHant {
            simplified_copies(work);
        }
        word_salad(work);
        untranslated_openers(work);
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
                let before = text[..t.range.start].chars().next_back();
                let after = text[t.range.end..].chars().next();
                let cjk = |c: Option<char>| c.is_some_and(|c| is_han(c) || is_cjk_punct(c));
                // A gloss in brackets of its own (`晶粒（die）`).
                let bracketed =
                    matches!(before, Some('（' | '(')) && matches!(after, Some('）' | ')'));
                let glued_left = cjk(before);
                let glued_right = cjk(after);
                // After the last sentence end of the line, nothing else
                // follows: a fragment left over from a dropped clause.
                let tail = before.is_some_and(|c| matches!(c, '。' | '！' | '？'))
                    && text[t.range.end..]
                        .chars()
                        .all(|c| c.is_whitespace() || is_cjk_punct(c) || c.is_ascii_punctuation());
                let function = EN_FUNCTION_WORDS.contains(&lower.as_str());
                // `<name>-KY`, `-DR`: a short capitalised listing suffix,
                // not a long glued debris token; `A股`, `H股`: a share
                // class, not the article `a`.
                let listing_suffix = t.hyphen_glued && all_caps && t.text.len() <= 3;
                // `上证e互动`, `i茅台`: a lone e or i before Han is a brand's
                // electronic prefix, not debris.
                let brand_prefix = matches!(t.text.as_str(), "e" | "i") && glued_right;
                let bad = (t.hyphen_glued && !listing_suffix)
                    || (alone && tail)
                    || (alone && glued_function_words(&lower))
                    || (alone && function && !all_caps && (glued_left || glued_right))
                    || (alone
                        && !all_caps
                        && glued_left
                        && (glued_right || after.is_none())
                        && freq.get(&lower) == Some(&1)
                        && inflected_english(&lower)
                        // `FlowKit`, `NodeServe`: a capital inside is a
                        // product's name, not an English word.
                        && !t.text.chars().skip(1).any(|c| c.is_ascii_uppercase()))
                    || (odd_casing_re().is_match(&t.text) && !is_prefixed_unit(&t.text))
                    || (alone
                        && !after_digit
                        && !bracketed
                        && !brand_prefix
                        && t.text.len() <= 4
                        && t.text.chars().all(|c| c.is_ascii_lowercase())
                        && !SHORT_OK.contains(&lower.as_str())
                        && !EN_SHORT_WORDS.contains(&lower.as_str()))
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
                    ranges.push(without_acronym_tail(&t.text, t.range.clone()));
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
                    ranges.push(without_acronym_tail(&t.text, t.range.clone()));
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
                        plan.entry(i)
                            .or_default()
                            .push(without_acronym_tail(&t.text, t.range.clone()));
                    }
                }
            }
        }
        for (i, mut ranges) in plan {
            // A clause cut from the start of a line takes the comma that
            // joined it to the Chinese sentence along.
            let text = &work.blocks[i].text;
            for r in ranges.iter_mut() {
                if text
                    .get(..r.start)
                    .is_some_and(|head| head.trim().is_empty())
                {
                    let rest = text.get(r.end..).unwrap_or("");
                    let joint = rest.len()
                        - rest
                            .trim_start_matches([',', '，', '、', ';', '；', ' '])
                            .len();
                    r.end += joint;
                }
            }
            work.remove_ranges(i, ranges, DropReason::Garbled);
        }
    }
}

/// In a Traditional-Chinese page, a paragraph written wholly in
/// Simplified (three or more Simplified-only characters, no
/// Traditional-only one, twenty Han characters or more) is a copy from
/// another site (a summary box pasted above the story), not the article:
/// Taiwan and Hong Kong sites print quotes in their own script.
fn simplified_copies(work: &mut Work<'_>) {
    for i in work.alive() {
        let b = &work.blocks[i];
        if b.protected || crate::script::han_count(&b.text) < 20 {
            continue;
        }
        let (traditional, simplified) = crate::lang::script_counts(&b.text);
        if traditional == 0 && simplified >= 3 {
            work.drop_block(i, DropReason::Garbled);
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

/// Misspelt-word signals in an English sentence: a word written twice in a
/// row (`and and`), two function words run together (`ofthe`), and word
/// endings English never writes (`supplyy`, `publicc`, `chipss`: a doubled
/// `y`/`c`/`i`/`u`/`k`/`w`/`x`, or `ss` after a consonant).
fn misspelling_signals(sentence: &str) -> usize {
    // Numbers are words here, so `288 GB 192 GB` (a table row) doubles
    // no word.
    let words: Vec<&str> = sentence
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    let mut n = 0;
    for (k, w) in words.iter().enumerate() {
        let l = w.to_lowercase();
        if k > 0
            && words[k - 1].eq_ignore_ascii_case(w)
            && w.len() > 1
            && w.chars().all(char::is_alphabetic)
        {
            n += 1;
        }
        if glued_function_words(&l) {
            n += 1;
        }
        let b = l.as_bytes();
        if b.len() >= 4 && b.iter().all(u8::is_ascii_lowercase) {
            let (x, y, z) = (b[b.len() - 3], b[b.len() - 2], b[b.len() - 1]);
            let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
            if (y == z
                && matches!(
                    z,
                    b'y' | b'c' | b'i' | b'u' | b'k' | b'w' | b'x' | b'j' | b'q' | b'v' | b'h'
                ))
                || (y == b's' && z == b's' && !vowel(x) && x != b's')
            {
                n += 1;
            }
        }
    }
    n
}

/// A garbled English sentence: three misspelling signals, or two in a
/// fragment that starts in lower case and has no final punctuation.
fn garbled_english(sentence: &str) -> bool {
    let t = sentence.trim();
    let n = misspelling_signals(t);
    let fragment =
        t.chars().next().is_some_and(char::is_lowercase) && !t.ends_with(['.', '!', '?', '"', '”']);
    n >= 3 || (n >= 2 && fragment)
}

/// English pages: drop whole sentences dense in Tagalog function words or
/// in misspellings ([`garbled_english`]).
fn english_sentences(work: &mut Work<'_>) {
    // Lines in Japanese or Chinese go when they are a small part of the
    // page; when they are much of it, the page's language was misread.
    let east: Vec<usize> = work
        .alive()
        .into_iter()
        .filter(|&i| !work.blocks[i].protected && is_east_asian_line(&work.blocks[i].text))
        .collect();
    let east_chars: usize = east.iter().map(|&i| char_len(&work.blocks[i].text)).sum();
    if east_chars * 5 <= work.alive_chars() {
        work.drop_unprotected(east, DropReason::Garbled);
    }
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
            if (hits >= 3 && hits * 4 >= words.len()) || garbled_english(&text[r.clone()]) {
                ranges.push(r);
            }
        }
        work.remove_ranges(i, ranges, DropReason::Garbled);
    }
}

/// A line of an English page written in Japanese or Chinese: kana or
/// Han characters are most of its letters (`この記事は有料会員限定です`, a
/// translator's copy of the source sentence). A name in brackets inside an
/// English sentence (`all-sheet processing（全枚葉処理）`) is a few of them.
fn is_east_asian_line(text: &str) -> bool {
    if text.is_ascii() {
        return false;
    }
    let kana = |c: char| matches!(c as u32, 0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F);
    let (mut east, mut kanas, mut letters) = (0usize, 0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphanumeric()) {
        letters += 1;
        if kana(c) {
            kanas += 1;
            east += 1;
        } else if crate::script::is_han(c) {
            east += 1;
        }
    }
    (kanas >= 1 || east >= 6) && east >= 3 && east * 5 >= letters * 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixed_units_are_not_odd_casing() {
        assert!(is_prefixed_unit("exaFLOPS") && is_prefixed_unit("petaOPS"));
        assert!(!is_prefixed_unit("exaBytes") && !is_prefixed_unit("teraFlopsX"));
        assert!(odd_casing_re().is_match("exaFLOPS"));
    }

    #[test]
    fn a_closing_x_names_a_product() {
        assert!(!odd_casing_re().is_match("DirectX"));
        assert!(!odd_casing_re().is_match("SpaceX"));
        assert!(odd_casing_re().is_match("CapacidaD"));
    }

    #[test]
    fn japanese_or_chinese_lines_of_an_english_page() {
        assert!(is_east_asian_line("この記事は有料会員限定です"));
        assert!(is_east_asian_line("ログイン"));
        assert!(is_east_asian_line(
            "歩留まりの数値については開示できないとした。"
        ));
        assert!(is_east_asian_line("新一代加速卡的封装产能仍然紧张"));
        assert!(!is_east_asian_line(
            "The fab uses all-sheet processing（全枚葉処理）for every wafer it runs."
        ));
        assert!(!is_east_asian_line("Huawei (华为) shipped more chips."));
        assert!(!is_east_asian_line("中芯 SMIC"));
    }

    #[test]
    fn a_broken_token_leaves_the_acronym_glued_to_it() {
        assert_eq!(without_acronym_tail("nodeSPEEDAI", 3..14), 3..12);
        assert_eq!(without_acronym_tail("aof", 0..3), 0..3);
        assert_eq!(without_acronym_tail("OPENAI", 0..6), 0..6);
    }

    #[test]
    fn word_salad_and_untranslated_openers() {
        assert!(is_word_salad(
            "of 的 Vendor 在 -ZOOMX chips 這些 the 晶片 rate 的 an"
        ));
        assert!(!is_word_salad("AMD 與 輝達 在 AI 晶片 市場 競爭，各有勝負"));
        assert!(!is_word_salad("NVIDIA H100 H200 B200 B300 GB300"));
        // a table's header row of names and short Chinese labels
        assert!(!is_word_salad("年份 Intel Gaudi AMD Instinct 其他 總計"));
        let line = "However，某公司並未停下腳步，新一代產品同樣配備更大的記憶體。";
        let mut w = Work::new(vec![Block::new(line, BlockKind::Line)]);
        untranslated_openers(&mut w);
        assert_eq!(
            w.blocks[0].text,
            "某公司並未停下腳步，新一代產品同樣配備更大的記憶體。"
        );
        let en = "However, the company said demand stayed strong.";
        let mut w = Work::new(vec![Block::new(en, BlockKind::Line)]);
        untranslated_openers(&mut w);
        assert_eq!(w.blocks[0].text, en);
    }
    use crate::doc::{Block, BlockKind};

    #[test]
    fn a_chips_die_glued_into_chinese_is_kept() {
        let s = "单die面积在600mm²以上，一片晶圆的毛die数约78颗，910C是双die封装。";
        assert_eq!(clean_zh(s), s);
    }

    #[test]
    fn english_gloss_in_brackets_is_kept() {
        let s = "記憶體底層的基底晶片（logic base die）改由代工廠生產。";
        assert_eq!(clean_zh(s), s);
        let s = "明年總產量上看一百萬顆晶粒（die）。";
        assert_eq!(clean_zh(s), s);
        // A homograph still counts beside a real foreign function word.
        assert!(!clean_zh("产能紧张，die Nachfrage ist hoch。").contains("Nachfrage"));
    }

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
    fn everyday_english_words_mixed_into_chinese_stay() {
        let t = "好多團隊啲code都係寫死喺CUDA度，要重新tune過，仲有小bug。";
        assert_eq!(clean_zh(t), t);
        let t = "训练的话，FlowKit这两年进步非常大。";
        assert_eq!(clean_zh(t), t);
    }

    #[test]
    fn a_simplified_paragraph_in_a_traditional_page_goes() {
        let hant = "某晶片廠表示，明年先進封裝產能將再增加三成，主要客戶已預付部分款項，擴產計畫不受匯率影響。";
        let hans =
            "【摘要】据媒体报道，某芯片厂明年先进封装产能将再增加三成，主要客户已预付部分款项。";
        let mut w = Work::new(
            [hans, hant, hant]
                .iter()
                .map(|l| crate::doc::Block::new(*l, crate::doc::BlockKind::Line))
                .collect(),
        );
        w.lang = Lang::ZhHant;
        GarbleFilter.run(&mut w);
        assert_eq!(w.alive(), vec![1, 2]);
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
        let out = clean_zh("投资者在上证e互动平台提问，公司在i深圳发布公告，又在平台上答复qzx了。");
        assert!(out.contains("上证e互动") && out.contains("i深圳"), "{out}");
        assert!(!out.contains("qzx"), "{out}");
        let out = clean_zh("孔径约5µm，凸点间距约40μm，电阻10kΩ，结温不超过105°C。");
        for good in ["5µm", "40μm", "10kΩ", "105°C"] {
            assert!(out.contains(good), "{good} lost in {out}");
        }
    }

    #[test]
    fn listing_suffixes_and_share_classes_stay() {
        let out =
            clean_zh("晶达-KY第三季营收创新高，B股收涨1.8%，N股小幅回落，订单量持续-BOOMING增长。");
        for good in ["晶达-KY", "B股", "N股"] {
            assert!(out.contains(good), "{good} lost in {out}");
        }
        assert!(!out.contains("BOOMING"), "{out}");
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

    #[test]
    fn mt_clauses_in_other_languages() {
        let out = clean_zh(
            "该厂今年扩产两成。Pero el cliente todavía no confirmó la compra. 另一家供应商仍在评估。",
        );
        assert!(!out.contains("cliente"), "{out}");
        assert!(out.contains("该厂今年扩产两成") && out.contains("另一家供应商"));
        let out = clean_zh(
            "晶圆厂排产已满。Namun permintaan masih tinggi untuk tahun depan. 价格继续上涨。",
        );
        assert!(!out.contains("permintaan"), "{out}");
        let out = clean_zh(
            "封装产能吃紧。Les clients attendent encore une réponse du fournisseur. 交期延长。",
        );
        assert!(!out.contains("clients"), "{out}");
        let out = clean_zh(
            "服务器出货增加。Die Kunden warten noch auf die neue Generation. 毛利率下降。",
        );
        assert!(!out.contains("Kunden"), "{out}");
        let out =
            clean_zh("新卡开始送样。nhung khach hang van chua dat hang cho nam sau. 量产在即。");
        assert!(!out.contains("khach"), "{out}");
        // a lone engineer's word inside a Chinese sentence stays
        let out = clean_zh("测试机昨晚又 hang 了一次，升级驱动以后就恢复正常了。");
        assert!(out.contains("hang"), "{out}");
    }

    #[test]
    fn english_terms_and_names_stay() {
        let t = "新的Blackwell Ultra平台采用CoWoS-L封装，HBM3E容量288GB，INT8算力达到20 PFLOPS，\
                 每瓦TOPS提升三成，Scale out 网络改用 Spectrum-X，Lisa Su 表示 MI400 将在明年推出，\
                 北京Beijing团队与 AI Data Center 部门合作。";
        let out = clean_zh(t);
        for good in [
            "Blackwell Ultra",
            "CoWoS-L",
            "HBM3E",
            "INT8",
            "PFLOPS",
            "TOPS",
            "Scale out",
            "Spectrum-X",
            "Lisa Su",
            "MI400",
            "Beijing",
            "AI Data Center",
        ] {
            assert!(out.contains(good), "{good} lost in {out}");
        }
    }

    #[test]
    fn glued_english_debris() {
        let out = clean_zh("该公司的营收创新高。aNd新的芯片已经流片，股价Climbing。\n");
        assert!(!out.contains("aNd") && !out.contains("Climbing"), "{out}");
        let out = clean_zh("客户开始批量采购。inthe");
        assert!(!out.contains("inthe"), "{out}");
        let out = clean_zh("交付周期缩短到八周。Xq");
        assert!(!out.contains("Xq"), "{out}");
        let out = clean_zh("发布了Rubin芯片，搭载Vera处理器。");
        assert!(out.contains("Rubin") && out.contains("Vera"), "{out}");
    }

    #[test]
    fn garbled_english_sentence() {
        assert!(garbled_english(
            "the new fabb output iss still low and and the prices off memory are not not stable"
        ));
        assert!(!garbled_english(
            "The company said that that decision was final, and shares rose 3%."
        ));
        assert!(!garbled_english("Its process technology is less costly."));
    }

    #[test]
    fn pinyin_and_inflection() {
        assert!(looks_pinyin("nanjing"));
        assert!(!looks_pinyin("rolling"));
        assert!(inflected_english("shareholders"));
        assert!(!inflected_english("beijing"));
        assert!(!inflected_english("blackwell"));
    }
}
