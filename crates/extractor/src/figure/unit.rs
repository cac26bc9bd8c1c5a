//! Units: currencies (suffix and prefix forms, money rates such as
//! `CNY/share` and `USD/GB`), ratios (`%`, `pp`, `x`), compute, bytes and
//! bandwidth, power, voltage, lengths, temperature, and counted things
//! (Chinese measure words, Chinese and English counted nouns, rates such as
//! `/month`), plus the qualifier words (约, over, nearly, up to ...).
//!
//! Owns: the unit tables from `units.toml`, indexed by key character, and
//! matching them at a position (also a currency or temperature name standing
//! alone, for the `figures` protocol).
//! Must not know: numerals, scales, ranges, entities.

use super::lexicon::{first_of, match_at, match_before, CharIndex, Surface};
use crate::text::{is_han, Doc};
use model::Qualifier;
use std::collections::HashMap;

/// The class of a figure, as reported by `figures()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureKind {
    Number,
    Percent,
    Currency,
    Dimension,
    Temperature,
}

impl FigureKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FigureKind::Number => "number",
            FigureKind::Percent => "percent",
            FigureKind::Currency => "currency",
            FigureKind::Dimension => "dimension",
            FigureKind::Temperature => "temperature",
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct UnitDef {
    pub unit: String,
    pub kind: FigureKind,
    pub factor: f64,
    /// The name `figures()` reports, when it differs (Recognizers-Text names).
    pub alias: Option<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct UnitSurface {
    pub surface: Surface,
    pub def: usize,
    /// Must touch the number (`3x`, `12000P`), no space allowed.
    pub tight: bool,
}

pub(crate) struct Units {
    pub defs: Vec<UnitDef>,
    suffixes: Vec<UnitSurface>,
    prefixes: Vec<UnitSurface>,
    /// (denominator, surfaces)
    per: Vec<(String, Surface)>,
    measures: HashMap<char, String>,
    nouns_zh: Vec<(Surface, String)>,
    nouns_en: Vec<(Vec<String>, String)>,
    rates: Vec<(String, Surface)>,
    qualifiers: Vec<(Surface, Qualifier)>,
    /// by first character
    suffix_ix: CharIndex,
    /// by last character
    prefix_ix: CharIndex,
    /// by last character
    qualifier_ix: CharIndex,
    /// by first character
    per_ix: CharIndex,
    rate_ix: CharIndex,
    noun_zh_ix: CharIndex,
    /// Durations after Arabic digits (个月 -> months, 180 ms -> 180 ms),
    /// longest first.
    durations: Vec<Duration>,
    /// Words that make `N年` a number of years, before and after it.
    year_before: Vec<Surface>,
    year_after: Vec<Surface>,
    /// Measure words that are the counted noun themselves (人 -> people).
    self_counting: HashMap<char, SelfCounting>,
    /// Nouns that, standing just before a bare `N个` at the end of a clause,
    /// name what it counts (集群超过40个 -> clusters); the counted nouns too.
    subjects: Vec<(Surface, String)>,
}

/// A unit found after (or before) a number.
#[derive(Debug, Clone)]
pub(crate) struct UnitHit {
    pub unit: String,
    pub kind: FigureKind,
    pub factor: f64,
    pub end: usize,
    /// The name `figures()` reports, when it differs.
    pub alias: Option<String>,
    /// A counted thing (cards, wafers), not a measurement unit.
    pub count: bool,
    /// Cents read after a currency (`五元三毛`: 0.3), added to the value.
    pub sub: f64,
}

/// A measure word that is its own noun: its unit, the characters that,
/// following it, make another word (人工), and the smallest number it counts.
struct SelfCounting {
    unit: String,
    not_before: Vec<char>,
    min: f64,
}

/// A duration word and what it converts to.
struct Duration {
    surface: Surface,
    unit: String,
    factor: f64,
    english: bool,
}

const DURATION_WORDS: &[&str] = &[
    "years", "months", "weeks", "days", "hours", "minutes", "seconds", "times", "percent",
];

const NOT_MODIFIERS: &[&str] = &[
    "of", "in", "to", "and", "the", "from", "by", "for", "with", "at", "on", "per", "a", "an",
    "is", "was", "are", "were", "has", "have", "had", "that", "which", "than", "as", "or", "its",
    "their", "this", "these", "those", "will", "would", "can", "could", "be", "been", "more",
    "less", "over", "under", "about", "into", "year", "years", "between", "while", "after",
    "before",
];

pub(crate) struct UnitsBuilder {
    pub units: Units,
}

impl UnitsBuilder {
    pub(crate) fn new() -> Self {
        UnitsBuilder {
            units: Units {
                defs: Vec::new(),
                suffixes: Vec::new(),
                prefixes: Vec::new(),
                per: Vec::new(),
                measures: HashMap::new(),
                nouns_zh: Vec::new(),
                nouns_en: Vec::new(),
                rates: Vec::new(),
                qualifiers: Vec::new(),
                suffix_ix: CharIndex::default(),
                prefix_ix: CharIndex::default(),
                qualifier_ix: CharIndex::default(),
                per_ix: CharIndex::default(),
                rate_ix: CharIndex::default(),
                noun_zh_ix: CharIndex::default(),
                durations: Vec::new(),
                year_before: Vec::new(),
                year_after: Vec::new(),
                self_counting: HashMap::new(),
                subjects: Vec::new(),
            },
        }
    }

    pub(crate) fn unit(&mut self, def: UnitDef, suffix: &[String], prefix: &[String], exact: bool) {
        let idx = self.units.defs.len();
        self.units.defs.push(def);
        for s in suffix {
            let single_letter =
                s.chars().count() == 1 && s.chars().all(|c| c.is_ascii_alphabetic());
            let tight = single_letter && !matches!(s.as_str(), "W" | "V");
            self.units.suffixes.push(UnitSurface {
                surface: Surface::new(s, exact || single_letter),
                def: idx,
                tight,
            });
        }
        for s in prefix {
            self.units.prefixes.push(UnitSurface {
                surface: Surface::new(s, exact),
                def: idx,
                tight: false,
            });
        }
    }

    pub(crate) fn per(&mut self, denom: &str, surfaces: &[String]) {
        for s in surfaces {
            self.units
                .per
                .push((denom.to_string(), Surface::new(s, false)));
        }
    }

    pub(crate) fn measure(&mut self, word: char, unit: &str) {
        self.units.measures.insert(word, unit.to_string());
    }

    pub(crate) fn noun(&mut self, unit: &str, zh: &[String], en: &[String]) {
        for z in zh {
            self.units
                .nouns_zh
                .push((Surface::new(z, false), unit.to_string()));
        }
        for e in en {
            let words = e.split_whitespace().map(str::to_ascii_lowercase).collect();
            self.units.nouns_en.push((words, unit.to_string()));
        }
    }

    pub(crate) fn rate(&mut self, suffix: &str, surfaces: &[String]) {
        for s in surfaces {
            self.units
                .rates
                .push((suffix.to_string(), Surface::new(s, false)));
        }
    }

    pub(crate) fn duration(&mut self, unit: &str, factor: f64, zh: &[String], en: &[String]) {
        let words = zh
            .iter()
            .map(|z| (z, false))
            .chain(en.iter().map(|e| (e, true)));
        for (word, english) in words {
            // a two-letter abbreviation (ms) keeps its case: MS is a name
            let exact = english && word.chars().count() <= 2;
            self.units.durations.push(Duration {
                surface: Surface::new(word, exact),
                unit: unit.to_string(),
                factor,
                english,
            });
        }
    }

    pub(crate) fn year_cues(&mut self, before: &[String], after: &[String]) {
        let s = |v: &[String]| v.iter().map(|w| Surface::new(w, false)).collect();
        self.units.year_before = s(before);
        self.units.year_after = s(after);
    }

    pub(crate) fn self_counting(&mut self, word: char, unit: &str, not_before: &str, min: f64) {
        self.units.self_counting.insert(
            word,
            SelfCounting {
                unit: unit.to_string(),
                not_before: not_before.chars().collect(),
                min,
            },
        );
    }

    pub(crate) fn subject(&mut self, unit: &str, zh: &[String]) {
        for z in zh {
            self.units
                .subjects
                .push((Surface::new(z, false), unit.to_string()));
        }
    }

    pub(crate) fn qualifier(&mut self, q: Qualifier, words: &[String]) {
        for w in words {
            self.units.qualifiers.push((Surface::new(w, false), q));
        }
    }

    pub(crate) fn build(mut self) -> Units {
        let u = &mut self.units;
        u.suffixes.sort_by_key(|b| std::cmp::Reverse(b.surface.len));
        u.prefixes.sort_by_key(|b| std::cmp::Reverse(b.surface.len));
        u.per.sort_by_key(|b| std::cmp::Reverse(b.1.len));
        u.nouns_zh.sort_by_key(|b| std::cmp::Reverse(b.0.len));
        u.nouns_en.sort_by_key(|b| std::cmp::Reverse(b.0.len()));
        u.rates.sort_by_key(|b| std::cmp::Reverse(b.1.len));
        u.qualifiers.sort_by_key(|b| std::cmp::Reverse(b.0.len));
        u.durations
            .sort_by_key(|b| std::cmp::Reverse(b.surface.len));
        let nouns = u.nouns_zh.clone();
        u.subjects.extend(nouns);
        u.subjects.sort_by_key(|b| std::cmp::Reverse(b.0.len));
        let first = |s: &Surface| s.chars.first().copied();
        let last = |s: &Surface| s.chars.last().copied();
        u.suffix_ix = CharIndex::new(u.suffixes.iter().map(|s| first(&s.surface)));
        u.prefix_ix = CharIndex::new(u.prefixes.iter().map(|s| last(&s.surface)));
        u.qualifier_ix = CharIndex::new(u.qualifiers.iter().map(|q| last(&q.0)));
        u.per_ix = CharIndex::new(u.per.iter().map(|p| first(&p.1)));
        u.rate_ix = CharIndex::new(u.rates.iter().map(|r| first(&r.1)));
        u.noun_zh_ix = CharIndex::new(u.nouns_zh.iter().map(|n| first(&n.0)));
        self.units
    }
}

/// A reading-time note around a number of minutes from `start` to `end`:
/// 阅读 in the six characters before it, or 读完, 阅读 or ` read` after it.
fn reading_time(doc: &Doc, start: usize, end: usize) -> bool {
    let before = doc.fslice(start.saturating_sub(6), start);
    let after = doc.fslice(end, doc.len().min(end + 5)).to_ascii_lowercase();
    before.contains("阅读")
        || ["读完", "阅读", " read"]
            .iter()
            .any(|w| after.starts_with(w))
}

/// ` high`, ` low` or ` range` right after `k` (a 52-week high).
fn stock_range_after(doc: &Doc, k: usize) -> bool {
    let rest: String = doc.chars[k..doc.len().min(k + 7)]
        .iter()
        .collect::<String>()
        .to_ascii_lowercase();
    [" high", " low", " range"]
        .iter()
        .any(|w| rest.starts_with(w))
}

fn skip_spaces(doc: &Doc, mut k: usize, max: usize) -> usize {
    let start = k;
    while k < doc.len() && k - start < max && doc.chars[k] == ' ' {
        k += 1;
    }
    k
}

impl Units {
    fn hit(&self, s: &UnitSurface, end: usize) -> UnitHit {
        let d = &self.defs[s.def];
        UnitHit {
            unit: d.unit.clone(),
            kind: d.kind,
            factor: d.factor,
            end,
            alias: d.alias.clone(),
            count: false,
            sub: 0.0,
        }
    }

    /// A unit written after a number ending at `k`.
    pub(crate) fn suffix_at(&self, doc: &Doc, k: usize) -> Option<UnitHit> {
        if let Some(hit) = self.suffix_here(doc, k) {
            return Some(hit);
        }
        // a compound adjective: `a 6-gigawatt deal`, `a 20-megawatt region`
        // (a unit word of four or more letters after the hyphen)
        if doc.char_at(k) == Some('-') && doc.char_at(k + 1).is_some_and(|c| c.is_ascii_lowercase())
        {
            let word = (k + 1..doc.len())
                .take_while(|&j| doc.char_at(j).is_some_and(|c| c.is_ascii_alphabetic()))
                .count();
            if word >= 4 {
                return self.suffix_here(doc, k + 1);
            }
        }
        None
    }

    fn suffix_here(&self, doc: &Doc, k: usize) -> Option<UnitHit> {
        let spaced = skip_spaces(doc, k, 1);
        let tight = self.suffix_ix.get(doc.char_at(k));
        let loose = self.suffix_ix.get(doc.char_at(spaced));
        // candidates in table order (longest first): tight surfaces at `k`,
        // the others after one optional space
        let (mut a, mut b) = (0usize, 0usize);
        loop {
            let next = match (tight.get(a), loose.get(b)) {
                (Some(&x), Some(&y)) if x <= y => {
                    a += 1;
                    if x == y {
                        b += 1;
                    }
                    x
                }
                (_, Some(&y)) => {
                    b += 1;
                    y
                }
                (Some(&x), None) => {
                    a += 1;
                    x
                }
                (None, None) => return None,
            };
            let s = &self.suffixes[next];
            let at = if s.tight { k } else { spaced };
            if let Some(e) = match_at(doc, at, &s.surface) {
                // a currency symbol glued to a following number is that
                // number's prefix ($10), not this one's suffix (10 $)
                let symbol = s.surface.len == 1 && !s.surface.chars[0].is_alphanumeric();
                if symbol && doc.char_at(e).is_some_and(|c| c.is_ascii_digit()) {
                    continue;
                }
                return Some(self.hit(s, e));
            }
        }
    }

    /// A currency or temperature name standing alone at `k` (`dollars`,
    /// `美元`, `celsius`): the `figures` command reports these with no value.
    pub(crate) fn lone_at(&self, doc: &Doc, k: usize) -> Option<UnitHit> {
        let prev = k.checked_sub(1).and_then(|p| doc.char_at(p));
        for &i in self.suffix_ix.get(doc.char_at(k)) {
            let s = &self.suffixes[i];
            let d = &self.defs[s.def];
            if !matches!(d.kind, FigureKind::Currency | FigureKind::Temperature)
                || d.unit == "Degree"
                || d.factor != 1.0
                || s.surface.len < 2
                || s.surface.chars.iter().any(|c| *c == ' ' || *c == '-')
                    && !s.surface.chars[0].is_ascii_alphabetic()
            {
                continue;
            }
            let first = s.surface.chars[0];
            if first == '-'
                || (first.is_ascii_alphabetic() && prev.is_some_and(|p| p.is_ascii_alphanumeric()))
            {
                continue;
            }
            if let Some(e) = match_at(doc, k, &s.surface) {
                return Some(self.hit(s, e));
            }
        }
        None
    }

    /// A currency (or other) unit written before a number starting at `k`:
    /// the unit and where it starts.
    pub(crate) fn prefix_before(&self, doc: &Doc, k: usize) -> Option<(UnitHit, usize)> {
        let mut k2 = k;
        if k2 > 0 && doc.chars[k2 - 1] == ' ' {
            k2 -= 1;
        }
        for at in [k, k2] {
            let key = at.checked_sub(1).and_then(|p| doc.char_at(p));
            for &i in self.prefix_ix.get(key) {
                let s = &self.prefixes[i];
                if let Some(b) = match_before(doc, at, &s.surface) {
                    return Some((self.hit(s, k), b));
                }
            }
        }
        None
    }

    /// A money-rate denominator (`/股`, `per GB`) at `k`.
    pub(crate) fn per_at(&self, doc: &Doc, k: usize) -> Option<(String, usize)> {
        let k = skip_spaces(doc, k, 1);
        first_of(self.per_ix.get(doc.char_at(k)), |i| {
            let (d, s) = &self.per[i];
            match_at(doc, k, s).map(|e| (d.clone(), e))
        })
    }

    /// A rate suffix (`/month`, `per day`) at `k`.
    pub(crate) fn rate_at(&self, doc: &Doc, k: usize) -> Option<(String, usize)> {
        let k = skip_spaces(doc, k, 1);
        first_of(self.rate_ix.get(doc.char_at(k)), |i| {
            let (d, s) = &self.rates[i];
            match_at(doc, k, s).map(|e| (d.clone(), e))
        })
    }

    /// A counted thing after a number ending at `k`: a Chinese measure word
    /// with an optional noun (张卡, 片晶圆, 个计算柜), a Chinese noun (参数), or
    /// an English plural noun after up to two modifiers (12 Zen4 CPU cores).
    /// `english_modifiers` allows the modifiers (off for year-like numbers).
    pub(crate) fn count_at(&self, doc: &Doc, k: usize, english_modifiers: bool) -> Option<UnitHit> {
        let k1 = skip_spaces(doc, k, 1);
        let c = doc.char_at(k1)?;
        if is_han(c) {
            if let Some(default) = self.measures.get(&c) {
                let after = k1 + 1;
                if let Some((unit, e)) = self.zh_noun_near(doc, after) {
                    return Some(self.count(unit, e, doc));
                }
                if !default.is_empty() {
                    // a measure word glued to a noun we do not know still counts
                    return Some(self.count(default.clone(), after, doc));
                }
                return None;
            }
            if let Some((unit, e)) = self.zh_noun_at(doc, k1) {
                return Some(self.count(unit, e, doc));
            }
            return None;
        }
        if c.is_ascii_alphabetic() {
            return self.en_noun(doc, k1, english_modifiers);
        }
        None
    }

    pub(crate) fn count(&self, unit: String, end: usize, doc: &Doc) -> UnitHit {
        let (unit, end) = match self.rate_at(doc, end) {
            Some((r, e)) => (format!("{unit}{r}"), e),
            None => (unit, end),
        };
        UnitHit {
            unit,
            kind: FigureKind::Dimension,
            factor: 1.0,
            end,
            alias: None,
            count: true,
            sub: 0.0,
        }
    }

    fn zh_noun_at(&self, doc: &Doc, k: usize) -> Option<(String, usize)> {
        first_of(self.noun_zh_ix.get(doc.char_at(k)), |i| {
            let (s, u) = &self.nouns_zh[i];
            match_at(doc, k, s).map(|e| (u.clone(), e))
        })
    }

    /// A Chinese noun starting within four characters of `k`, with only Han
    /// or Latin characters in between (75万片存储晶圆).
    fn zh_noun_near(&self, doc: &Doc, k: usize) -> Option<(String, usize)> {
        for off in 0..=4 {
            let at = k + off;
            if off > 0 {
                match doc.char_at(at - 1) {
                    // 256路的条件: a noun after 的 is not the counted thing;
                    // a number between starts another figure (8层乃至12层,
                    // 28万片12英寸晶圆)
                    Some('的') => return None,
                    Some(c) if c.is_ascii_digit() => return None,
                    Some(c) if is_han(c) || c.is_ascii_alphabetic() => {}
                    _ => return None,
                }
            }
            if let Some(hit) = self.zh_noun_at(doc, at) {
                return Some(hit);
            }
        }
        None
    }

    fn en_noun(&self, doc: &Doc, k: usize, modifiers: bool) -> Option<UnitHit> {
        // read up to 4 words separated by single spaces
        let mut words: Vec<(String, usize, usize)> = Vec::new();
        let mut i = k;
        while words.len() < 4 && i < doc.len() {
            let s = i;
            while i < doc.len()
                && (doc.chars[i].is_ascii_alphanumeric()
                    || (doc.chars[i] == '-'
                        && i > s
                        && i + 1 < doc.len()
                        && doc.chars[i + 1].is_ascii_alphanumeric()))
            {
                i += 1;
            }
            if i == s || i - s > 40 {
                break;
            }
            words.push((doc.chars[s..i].iter().collect(), s, i));
            if i < doc.len() && doc.chars[i] == ' ' {
                i += 1;
            } else {
                break;
            }
        }
        if words
            .first()
            .is_some_and(|w| DURATION_WORDS.contains(&w.0.to_ascii_lowercase().as_str()))
        {
            return None;
        }
        // A word glued to the number is its unit or form factor (`2U
        // server`, `4K screens`), not a modifier of a counted noun.
        let glued = k > 0
            && doc.char_at(k - 1).is_some_and(|c| c.is_ascii_digit())
            && words.first().is_some_and(|w| w.1 == k);
        let max_mod = if modifiers && !glued { 2 } else { 0 };
        for start in 0..=max_mod.min(words.len().saturating_sub(1)) {
            // modifiers must be plausible adjectives / names, not function
            // words, nor another number (`32B INT4 29 tok/s`: 29 counts)
            if words[..start].iter().any(|w| {
                NOT_MODIFIERS.contains(&w.0.to_ascii_lowercase().as_str())
                    || w.0.bytes().all(|b| b.is_ascii_digit())
            }) {
                return None;
            }
            for (noun, unit) in &self.nouns_en {
                let n = noun.len();
                if start + n > words.len() {
                    continue;
                }
                if words[start..start + n]
                    .iter()
                    .zip(noun)
                    .all(|(w, x)| w.0.eq_ignore_ascii_case(x))
                {
                    let end = words[start + n - 1].2;
                    return Some(self.count(unit.clone(), end, doc));
                }
            }
        }
        None
    }

    /// A counted noun joined to a number by a hyphen, written in the
    /// singular as an English compound adjective (`9,216-chip pods`,
    /// `16-layer`, `8-GPU servers`), or a memory stack's height (`12-high`,
    /// `12-Hi`: layers). `k` is just after the hyphen.
    pub(crate) fn hyphen_count_at(&self, doc: &Doc, k: usize) -> Option<UnitHit> {
        let mut e = k;
        while doc.char_at(e).is_some_and(|c| c.is_ascii_alphabetic()) {
            e += 1;
        }
        if e == k || doc.char_at(e).is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        let word: String = doc.chars[k..e]
            .iter()
            .collect::<String>()
            .to_ascii_lowercase();
        if word == "high" || word == "hi" {
            return Some(self.count("layers".to_string(), e, doc));
        }
        self.nouns_en
            .iter()
            .find_map(|(noun, unit)| match noun.as_slice() {
                [n] if n.strip_suffix('s') == Some(word.as_str()) => {
                    Some(self.count(unit.clone(), e, doc))
                }
                _ => None,
            })
    }

    /// A duration right after a number ending at `k`, after at most one
    /// space, or an English hyphen (2到3个月, 15天, 1.8 秒, 12 months,
    /// 72-hour, 180 ms): the hit, its value converted by the entry's factor. `N年` is a
    /// number of years only when a year cue stands before the number
    /// (`start`) or after 年, and the number is small and whole (2025年,
    /// 25年底 are dates); English years need a number under 100.
    pub(crate) fn duration_at(
        &self,
        doc: &Doc,
        start: usize,
        k: usize,
        value: f64,
        whole: bool,
    ) -> Option<UnitHit> {
        let gap = match doc.char_at(k) {
            Some(' ') => 1,
            Some('-') if doc.char_at(k + 1).is_some_and(|c| c.is_ascii_alphabetic()) => 1,
            _ => 0,
        };
        let (d, e) = self.durations.iter().find_map(|d| {
            let at = if d.english || doc.char_at(k) == Some(' ') {
                k + gap
            } else {
                k
            };
            match_at(doc, at, &d.surface).map(|e| (d, e))
        })?;
        if d.english && gap == 0 && d.surface.len > 2 {
            return None; // 12months is not written; 612ms is
        }
        if gap == 1 && doc.char_at(k) == Some('-') && stock_range_after(doc, e) {
            return None; // a 52-week high is a price, not a span of time
        }
        if d.unit == "years" {
            if !(1.0..100.0).contains(&value) {
                return None;
            }
            if !d.english {
                let cue_before = self
                    .year_before
                    .iter()
                    .any(|w| match_before(doc, start, w).is_some());
                let cue_after = self
                    .year_after
                    .iter()
                    .any(|w| match_at(doc, e, w).is_some());
                if !whole || !(cue_before || cue_after) {
                    return None;
                }
            }
        }
        if d.unit == "minutes" && reading_time(doc, start, e) {
            return None; // 约5分钟读完, 阅读需要6分钟, 6 minute read: the page's, not a fact
        }
        // 3周年 is an anniversary, 5天数 a company name
        if doc.char_at(e).is_some_and(|c| c == '年' || c == '数') {
            return None;
        }
        let mut hit = self.count(d.unit.clone(), e, doc);
        hit.factor = d.factor;
        Some(hit)
    }

    /// A measure word that is its own noun (1000人 -> people) at `k`.
    pub(crate) fn self_counting_at(&self, doc: &Doc, k: usize, value: f64) -> Option<UnitHit> {
        let word = self.self_counting.get(&doc.char_at(k)?)?;
        if value < word.min
            || doc
                .char_at(k + 1)
                .is_some_and(|c| word.not_before.contains(&c))
        {
            return None;
        }
        Some(self.count(word.unit.clone(), k + 1, doc))
    }

    /// The noun a bare `N个` at the end of a clause counts: a known noun
    /// ending at most four Han characters (a verb or qualifier: 超过, 已达)
    /// before the number at `start` (万卡集群超过40个 -> clusters).
    pub(crate) fn subject_before(&self, doc: &Doc, start: usize) -> Option<String> {
        for gap in 0..=4 {
            let Some(at) = start.checked_sub(gap) else {
                break;
            };
            if gap > 0 && !doc.char_at(at).is_some_and(is_han) {
                break;
            }
            if let Some((_, u)) = self
                .subjects
                .iter()
                .find(|(s, _)| match_before(doc, at, s).is_some())
            {
                return Some(u.clone());
            }
        }
        None
    }

    /// A qualifier word ending at `k` (skipping one space): the qualifier.
    pub(crate) fn qualifier_before(&self, doc: &Doc, k: usize) -> Option<Qualifier> {
        let k2 = if k > 0 && doc.chars[k - 1] == ' ' {
            k - 1
        } else {
            k
        };
        for at in [k, k2] {
            let key = at.checked_sub(1).and_then(|p| doc.char_at(p));
            for &i in self.qualifier_ix.get(key) {
                let (s, q) = &self.qualifiers[i];
                if s.chars.iter().all(|c| is_han(*c))
                    && matches!(
                        s.chars.as_slice(),
                        ['左', '右'] | ['以', '上'] | ['上', '下'] | ['多']
                    )
                {
                    continue; // these follow the figure
                }
                if match_before(doc, at, s).is_some() {
                    return Some(*q);
                }
            }
        }
        None
    }

    /// A qualifier written right after a figure (左右, 以上, 多): its end.
    pub(crate) fn qualifier_after(&self, doc: &Doc, k: usize) -> Option<(Qualifier, usize)> {
        for word in ["左右", "以上", "上下", "多"] {
            let s = Surface::new(word, true);
            if let Some(e) = match_at(doc, k, &s) {
                let q = if word == "左右" || word == "上下" {
                    Qualifier::About
                } else {
                    Qualifier::Over
                };
                return Some((q, e));
            }
        }
        None
    }
}
