//! Figures: numbers with what they measure, normalised (`3298.82亿元` ->
//! 329882000000 CNY, `5kW` -> 5000 W, `20-30万片` -> 200000..300000 pieces).
//!
//! Owns: the figure grammar that drives the parts:
//! `[qualifier] [currency prefix | 百分之 | percent of] [sign] NUMERAL
//! [多|余] [SCALE] [UNIT [cents] | COUNT | 成 | 折] [per]`, where NUMERAL is
//! Arabic (with scientific notation `1.3e6`, powers `2^-1`, fractions `1/2`
//! in the `figures` protocol), Chinese or mixed (`5万4千6百`, `五分之一`,
//! `一又二分之一`, `五十打`), English words (`two hundred and five`, words.rs)
//! or a vulgar fraction (`½`); signs are `-`, `负`, `零下`, `minus`,
//! `negative` (not `plus or minus`). Ranges `A-B`, `A至B`, `A~B`, `A to B`, `between A and B`
//! (scale and unit of B apply to A when A has none) unless a change is
//! written (`from`, 从, `rose 5% to 20%`). Plain 元 on a Traditional page that
//! names 新台幣 or reads as Taiwanese is TWD, on one that reads as Hong
//! Kong's HKD. A plain money amount in share-price context (收报,
//! 股价, closed at ...) is `<currency>/share`. In news, Chinese durations
//! (2到3个月, 接近20年), 1000人, a clause-final `N个` after its noun
//! (集群超过40个), `N of its <noun>` and a unitless number compared with the
//! figure before it (`up from about 35,000`) are counts too. What is NOT a figure: numbers glued to a Latin letter
//! (H100, FP16, V3) or a model code with a billion letter before hardware
//! (`two 910B dies`), ordinals (第4262期), versions (11.6.2), numbers inside
//! entity names (三星, CloudMatrix 384 is dropped with its chip/system), bare
//! numbers (years, dates, section numbers have no unit and are not reported
//! by `extract`), numbers in words without a measurement unit (`one
//! company`), and vague numerals (数十亿, 十几; `figures` reads 二十几万 as
//! 200000 like Recognizers-Text).
//!
//! Two modes: `extract` (news rules above) and `figures` (`bare`: every
//! number, the Recognizers-Text conventions of the conformance suite: no
//! ranges or money rates, counts and multiples are bare numbers, percentage
//! points are `%`, units carry their `figures_unit` names, the number inside
//! a money amount or a worded percent is reported as a number too, degrees
//! are an angle when the text around speaks of turning, and currency or
//! temperature names standing alone are reported without a value).
//! Must not know: entities beyond the spans it is told to avoid, sentences,
//! `about` attribution.

pub(crate) mod lexicon;
pub(crate) mod number;
pub(crate) mod scale;
pub(crate) mod shared;
pub(crate) mod unit;
pub(crate) mod words;

use crate::text::{is_han, Doc, Folder};
use crate::ConfigError;
use lexicon::Surface;
use model::Qualifier;
use number::Numeral;
use scale::Scales;
use serde::Deserialize;
use std::collections::BTreeMap;
pub use unit::FigureKind;
use unit::{UnitDef, UnitHit, Units, UnitsBuilder};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct UnitsFile {
    #[serde(default)]
    scale: Vec<ScaleDef>,
    #[serde(default)]
    unit: Vec<UnitFileDef>,
    #[serde(default)]
    per: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    measure: BTreeMap<String, String>,
    #[serde(default)]
    noun: Vec<NounDef>,
    #[serde(default)]
    rates: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    qualifiers: QualifierDefs,
    #[serde(default)]
    share_price: SharePriceDefs,
    #[serde(default)]
    duration: Vec<DurationDef>,
    #[serde(default)]
    duration_years: YearCueDefs,
    #[serde(default)]
    self_counting: BTreeMap<String, SelfCountingDef>,
    #[serde(default)]
    subjects: BTreeMap<String, Vec<String>>,
}

/// A duration word after a number (`个月`, `months`, `ms` with factor 0.001).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DurationDef {
    unit: String,
    #[serde(default = "one")]
    factor: f64,
    #[serde(default)]
    zh: Vec<String>,
    #[serde(default)]
    en: Vec<String>,
}

fn one() -> f64 {
    1.0
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct YearCueDefs {
    #[serde(default)]
    before: Vec<String>,
    #[serde(default)]
    after: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SelfCountingDef {
    unit: String,
    #[serde(default)]
    not_before: String,
    /// The smallest number it counts (点 under 25 is a time of day).
    #[serde(default)]
    min: f64,
}

/// Words that make a plain money amount a share price (`收报51.35港元`).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SharePriceDefs {
    #[serde(default)]
    cue: Vec<String>,
    #[serde(default)]
    stock: Vec<String>,
    #[serde(default)]
    lead: Vec<String>,
    /// Words right after the amount (`price target`).
    #[serde(default)]
    after: Vec<String>,
    /// Words between a price per share and a later amount in its currency
    /// that compare the two (`compared with`, `正负`).
    #[serde(default)]
    compared: Vec<String>,
    /// Highest price per share by currency where it is not 100,000
    /// (a Korean share trades at 598,000 won).
    #[serde(default)]
    ceilings: BTreeMap<String, f64>,
}

/// Compiled [`SharePriceDefs`]: folded, lower-cased.
#[derive(Debug, Default)]
struct SharePrice {
    cue: Vec<String>,
    stock: Vec<String>,
    lead: Vec<String>,
    after: Vec<String>,
    compared: Vec<String>,
    ceilings: BTreeMap<String, f64>,
}

impl SharePrice {
    /// The highest plain amount in `currency` that can be a share price.
    fn ceiling(&self, currency: &str) -> f64 {
        self.ceilings.get(currency).copied().unwrap_or(1e5)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ScaleDef {
    words: Vec<String>,
    value: f64,
    #[serde(default)]
    exact: bool,
    /// Only in the `figures` protocol (`10G` = 1e10 there; `5G` in news is
    /// a network generation).
    #[serde(default)]
    figures_only: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct UnitFileDef {
    unit: String,
    kind: String,
    #[serde(default)]
    suffix: Vec<String>,
    #[serde(default)]
    prefix: Vec<String>,
    #[serde(default)]
    factor: Option<f64>,
    #[serde(default)]
    exact: bool,
    #[serde(default)]
    chinese_only: bool,
    /// The unit name `figures` reports (Recognizers-Text's), when it differs.
    #[serde(default)]
    figures_unit: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NounDef {
    unit: String,
    #[serde(default)]
    zh: Vec<String>,
    #[serde(default)]
    en: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct QualifierDefs {
    #[serde(default)]
    about: Vec<String>,
    #[serde(default)]
    over: Vec<String>,
    #[serde(default)]
    under: Vec<String>,
    #[serde(default)]
    up_to: Vec<String>,
}

/// A figure found in the text (character offsets).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FigureHit {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub value_max: Option<f64>,
    /// `None` for a bare number.
    pub unit: Option<String>,
    pub kind: FigureKind,
    pub qualifier: Option<Qualifier>,
    /// `figures` protocol only: the number inside a money amount or a
    /// worded percent (`$20` -> `20`, `百分之五十` -> `五十`), which
    /// Recognizers-Text's number model also reports: (start, end, value).
    pub inner: Option<(usize, usize, f64)>,
}

/// The compiled figure grammar.
pub(crate) struct FigureRules {
    scales: Scales,
    units: Units,
    share: SharePrice,
}

/// A number with its scale, before units.
#[derive(Debug, Clone, Copy)]
struct Quantity {
    num: Numeral,
    value: f64,
    scaled: bool,
    /// The scale multiplier applied (`30万` -> 1e4), for ranges.
    mult: f64,
    end: usize,
    over: bool,
}

impl FigureRules {
    pub(crate) fn load(path: &str, src: &str, folder: &Folder) -> Result<Self, ConfigError> {
        let file: UnitsFile = toml::from_str(src).map_err(|e| ConfigError::Invalid {
            path: path.to_string(),
            message: e.to_string().trim_end().replace('\n', " | "),
        })?;
        let invalid = |near: &str, message: String| {
            let line =
                crate::gazetteer::line_of(src, near).map_or(String::new(), |l| format!(":{l}"));
            ConfigError::Invalid {
                path: format!("{path}{line}"),
                message,
            }
        };
        let mut scales = Vec::new();
        for s in &file.scale {
            if !(s.value.is_finite() && s.value > 0.0) {
                return Err(invalid(
                    &s.words.join(""),
                    "scale value must be positive".into(),
                ));
            }
            for w in &s.words {
                scales.push((
                    Surface::new(&folder.fold(w), s.exact),
                    s.value,
                    s.figures_only,
                ));
            }
        }
        let mut b = UnitsBuilder::new();
        for u in &file.unit {
            let kind = match u.kind.as_str() {
                "currency" => FigureKind::Currency,
                "percent" => FigureKind::Percent,
                "dimension" => FigureKind::Dimension,
                "temperature" => FigureKind::Temperature,
                other => {
                    return Err(invalid(
                        &u.unit,
                        format!("unit \"{}\": unknown kind \"{other}\"", u.unit),
                    ))
                }
            };
            let _ = u.chinese_only;
            let fold = |v: &[String]| v.iter().map(|s| folder.fold(s)).collect::<Vec<_>>();
            b.unit(
                UnitDef {
                    unit: u.unit.clone(),
                    kind,
                    factor: u.factor.unwrap_or(1.0),
                    alias: u.figures_unit.clone(),
                },
                &fold(&u.suffix),
                &fold(&u.prefix),
                u.exact,
            );
        }
        for (denom, words) in &file.per {
            let words: Vec<String> = words.iter().map(|w| folder.fold(w)).collect();
            b.per(denom, &words);
        }
        for (word, unit) in &file.measure {
            let w = folder.fold(word);
            let mut cs = w.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => b.measure(c, unit),
                _ => {
                    return Err(invalid(
                        word,
                        format!("measure word \"{word}\" must be one character"),
                    ))
                }
            }
        }
        for n in &file.noun {
            let zh: Vec<String> = n.zh.iter().map(|w| folder.fold(w)).collect();
            b.noun(&n.unit, &zh, &n.en);
        }
        for (suffix, words) in &file.rates {
            let words: Vec<String> = words.iter().map(|w| folder.fold(w)).collect();
            b.rate(suffix, &words);
        }
        let fold = |v: &[String]| v.iter().map(|w| folder.fold(w)).collect::<Vec<_>>();
        for d in &file.duration {
            b.duration(&d.unit, d.factor, &fold(&d.zh), &d.en);
        }
        b.year_cues(
            &fold(&file.duration_years.before),
            &fold(&file.duration_years.after),
        );
        for (word, d) in &file.self_counting {
            let w = folder.fold(word);
            let mut cs = w.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => b.self_counting(c, &d.unit, &folder.fold(&d.not_before), d.min),
                _ => {
                    return Err(invalid(
                        word,
                        format!("self-counting word \"{word}\" must be one character"),
                    ))
                }
            }
        }
        for (unit, words) in &file.subjects {
            b.subject(unit, &fold(words));
        }
        let q = &file.qualifiers;
        for (kind, words) in [
            (Qualifier::About, &q.about),
            (Qualifier::Over, &q.over),
            (Qualifier::Under, &q.under),
            (Qualifier::UpTo, &q.up_to),
        ] {
            let words: Vec<String> = words.iter().map(|w| folder.fold(w)).collect();
            b.qualifier(kind, &words);
        }
        let low = |v: &[String]| {
            v.iter()
                .map(|w| folder.fold(w).to_lowercase())
                .collect::<Vec<_>>()
        };
        let sp = &file.share_price;
        Ok(FigureRules {
            scales: Scales::new(scales),
            units: b.build(),
            share: SharePrice {
                cue: low(&sp.cue),
                stock: low(&sp.stock),
                lead: low(&sp.lead),
                after: low(&sp.after),
                compared: low(&sp.compared),
                ceilings: sp.ceilings.clone(),
            },
        })
    }

    /// Every figure in `doc`, left to right, skipping numbers that start
    /// inside one of the `avoid` spans (entity names). With `bare` (the
    /// `figures` command), numbers without a unit are reported too (unit
    /// `None`), and the grammar follows the Recognizers-Text conventions:
    /// no ranges, no money rates, counts and multiples are bare numbers,
    /// percentage points are `%`.
    pub(crate) fn scan(&self, doc: &Doc, avoid: &[(usize, usize)], bare: bool) -> Vec<FigureHit> {
        let mut out: Vec<FigureHit> = Vec::new();
        let n = doc.len();
        let mut i = 0usize;
        let mut avoid_idx = 0usize;
        let mut floor = 0usize;
        while i < n {
            let c = doc.chars[i];
            let lead = bare && matches!(c, 'p' | 'P') && percent_lead_end(doc, i, true).is_some();
            if !(self.may_start(doc, i, c) || lead) {
                i += 1;
                continue;
            }
            while avoid_idx < avoid.len() && avoid[avoid_idx].1 <= i {
                avoid_idx += 1;
            }
            let inside = avoid[avoid_idx..]
                .iter()
                .take_while(|a| a.0 <= i)
                .any(|a| a.0 <= i && i < a.1);
            // 百分之 / 千分之 (possibly spaced): the numeral follows it
            let at = percent_lead_end(doc, i, bare).unwrap_or(i);
            let Some(num) = self.signed(doc, at, bare) else {
                i = if at > i { at } else { skip_run(doc, i) };
                continue;
            };
            let next = num.end.max(i + 1);
            // The left side of a conversion (`($1 = 1,390.55 won)`) names
            // the unit the right side is in; it states no figure.
            let defines = doc.chars[num.end.min(n)..]
                .iter()
                .find(|c| !c.is_whitespace())
                .is_some_and(|&c| c == '=' || c == '＝');
            if inside || defines || !self.left_ok(doc, &num, bare) {
                i = next;
                continue;
            }
            // 65.21/128.60/196.35亿元: one unit for the list
            let list = (!bare && doc.char_at(num.end) == Some('/'))
                .then(|| self.slash_list(doc, &num, floor))
                .flatten();
            if let Some(list) = list {
                if let Some(last) = list.last() {
                    i = last.end.max(next);
                    floor = last.end;
                }
                out.extend(list);
                continue;
            }
            let found = self.figure_at(doc, num, bare, floor).or_else(|| {
                (!bare)
                    .then(|| self.compared(doc, num, out.last()))
                    .flatten()
            });
            match found {
                Some(f) => {
                    i = f.end.max(next);
                    floor = f.end;
                    out.push(f);
                }
                None => i = next,
            }
        }
        if !bare {
            per_share_lists(doc, &self.share.compared, &mut out);
            glued_million_pairs(doc, &mut out);
            // rows under a caption's unit, then columns under a header's
            // (each sees the cells already read)
            let cells = self.table_cells(doc, &out);
            add_in_order(&mut out, cells);
            let cells = self.column_cells(doc, &out);
            add_in_order(&mut out, cells);
        }
        if let Some(dollar) = plain_yuan_currency(doc) {
            for f in &mut out {
                let named = doc.fslice(f.start, f.end);
                let plain_yuan = !["人民币", "RMB", "CNY", "¥", "￥"]
                    .iter()
                    .any(|w| named.contains(w));
                if plain_yuan {
                    if let Some(u) = f.unit.as_mut() {
                        if u == "CNY" || u.starts_with("CNY/") {
                            *u = u.replacen("CNY", dollar, 1);
                        }
                    }
                }
            }
        }
        out
    }

    /// Currency and temperature names standing alone, outside `taken`
    /// figures: (start, end, unit, kind). Only the `figures` command asks.
    pub(crate) fn lone_units(
        &self,
        doc: &Doc,
        taken: &[FigureHit],
    ) -> Vec<(usize, usize, String, FigureKind)> {
        let mut out = Vec::new();
        let mut t = 0usize;
        let mut k = 0usize;
        while k < doc.len() {
            while t < taken.len() && taken[t].end <= k {
                t += 1;
            }
            if t < taken.len() && taken[t].start <= k {
                k = taken[t].end;
                continue;
            }
            let c = doc.chars[k];
            if c.is_ascii_alphabetic() || is_han(c) || c == '°' {
                if let Some(u) = self.units.lone_at(doc, k) {
                    let e = u.end;
                    let overlaps = t < taken.len() && taken[t].start < e;
                    if !overlaps {
                        out.push((k, e, u.alias.unwrap_or(u.unit), u.kind));
                        k = e;
                        continue;
                    }
                }
            }
            k += 1;
        }
        out
    }

    /// Cheap test: can a numeral (or its sign) start at `i`?
    #[inline]
    fn may_start(&self, doc: &Doc, i: usize, c: char) -> bool {
        if c.is_ascii() {
            return match c {
                '0'..='9' | '-' => true,
                '.' => {
                    doc.char_at(i + 1).is_some_and(|d| d.is_ascii_digit())
                        && !i
                            .checked_sub(1)
                            .and_then(|p| doc.char_at(p))
                            .is_some_and(|p| p.is_ascii_alphanumeric())
                }
                c if c.is_ascii_alphabetic() => {
                    (i == 0 || !doc.chars[i - 1].is_ascii_alphanumeric())
                        && (words::starts_word_number(&doc.chars, i)
                            || matches!(c, 'm' | 'M' | 'n' | 'N') && sign_word(doc, i).is_some())
                }
                _ => false,
            };
        }
        non_ascii_start(c)
    }

    /// A numeral with an optional sign (`-5`, `负三十二`, `minus one`).
    fn signed(&self, doc: &Doc, i: usize, bare: bool) -> Option<Numeral> {
        let c = doc.chars[i];
        let sign_end = match c {
            '-' | '−' | '负' => Some(i + 1),
            '零' if doc.char_at(i + 1) == Some('下') => Some(i + 2),
            c if c.is_ascii_alphabetic() => sign_word(doc, i),
            _ => None,
        };
        let Some(mut j) = sign_end else {
            return self.unsigned(doc, i, bare);
        };
        // "plus or minus 2%" (正负5美分) is a tolerance, not a negative figure
        if doc
            .fslice(i.saturating_sub(8), i)
            .eq_ignore_ascii_case("plus or ")
            || doc.fslice(i.saturating_sub(1), i) == "±"
            || (c == '负' && doc.char_at(i.wrapping_sub(1)) == Some('正'))
        {
            return None;
        }
        // a sign follows no letter, digit, % or closing bracket
        let prev = i.checked_sub(1).and_then(|p| doc.char_at(p));
        if prev
            .is_some_and(|p| p.is_ascii_alphanumeric() || matches!(p, '%' | ')' | '.' | '-' | '/'))
        {
            return None;
        }
        let ascii_sign = c == '-' || c == '−';
        let mut spaces = 0;
        while doc.char_at(j) == Some(' ') && spaces < 2 {
            j += 1;
            spaces += 1;
        }
        if ascii_sign && spaces > 0 && !bare {
            return None; // a dash, not a sign
        }
        let d = doc.char_at(j)?;
        if !(d.is_ascii_digit()
            || d == '.'
            || number::is_chinese_numeral_start(d)
            || d.is_ascii_alphabetic())
        {
            return None;
        }
        if ascii_sign && !d.is_ascii_digit() && d != '.' && !bare {
            return None;
        }
        let mut num = self.unsigned(doc, j, bare)?;
        num.value = -num.value;
        num.start = i;
        Some(num)
    }

    /// A numeral without sign: Arabic (with scientific notation, powers,
    /// fractions), Chinese or mixed (with 分之 fractions, 又, 打), or English
    /// words.
    fn unsigned(&self, doc: &Doc, i: usize, bare: bool) -> Option<Numeral> {
        let chars = &doc.chars;
        let c = *chars.get(i)?;
        if c.is_ascii_alphabetic() {
            // "the one you mentioned": a pronoun, not a number
            let the_one = doc
                .fslice(i.saturating_sub(4), i)
                .eq_ignore_ascii_case("the ")
                && doc
                    .fslice(i, (i + 4).min(doc.len()))
                    .eq_ignore_ascii_case("one ");
            if the_one {
                return None;
            }
            return words::parse(chars, i);
        }
        if let Some(v) = vulgar(c) {
            return Some(Numeral {
                start: i,
                end: i + 1,
                value: v,
                chinese: false,
                decimal: true,
                mult: 1.0,
                fraction: true,
                word: false,
            });
        }
        let mut num = if c == '.' {
            let a = number::arabic(chars, i + 1)?;
            if a.decimal {
                return None;
            }
            let digits: String = chars[i + 1..a.end].iter().collect();
            Numeral {
                start: i,
                end: a.end,
                value: format!("0.{digits}").parse().ok()?,
                chinese: false,
                decimal: true,
                mult: 1.0,
                fraction: false,
                word: false,
            }
        } else {
            let stop = |j: usize| self.units.suffix_at(doc, j).is_some_and(|u| u.end > j + 1);
            number::mixed(chars, i, &stop, bare)?
        };
        if !num.chinese {
            // 1st, 2nd, 23rd, 4th: ordinals, not numbers
            let two = (doc.char_at(num.end), doc.char_at(num.end + 1));
            let ordinal = match two {
                (Some(a), Some(b)) => matches!(
                    (a.to_ascii_lowercase(), b.to_ascii_lowercase()),
                    ('s', 't') | ('n', 'd') | ('r', 'd') | ('t', 'h')
                ),
                _ => false,
            } && !doc
                .char_at(num.end + 2)
                .is_some_and(|c| c.is_ascii_alphanumeric());
            if ordinal && !num.decimal {
                return None;
            }
            self.arabic_tail(doc, &mut num, bare);
            // English words after digits: 4 thousand 3 hundred and 21
            if matches!(doc.char_at(num.end), Some(' ')) {
                if let Some(w) = words::parse(chars, i) {
                    // a table's next cell is no part of the number: `$84
                    // billion 24.7` reads digits right after the scale word
                    let tail = doc.fslice(num.end, w.end);
                    let mut tokens = tail.split_whitespace().rev();
                    let next_cell = tokens
                        .next()
                        .is_some_and(|t| t.starts_with(|c: char| c.is_ascii_digit()))
                        && tokens.next().is_some_and(|t| {
                            let t = t.to_ascii_lowercase();
                            ["hundred", "thousand", "million", "billion", "trillion"]
                                .iter()
                                .any(|s| t.trim_end_matches('s') == *s)
                        });
                    if w.end > num.end && num.mult == 1.0 && !next_cell {
                        num = w;
                    }
                }
            }
        }
        self.chinese_fraction(doc, &mut num);
        // 五十打 = 600
        if doc.char_at(num.end) == Some('打')
            && !doc.char_at(num.end + 1).is_some_and(is_han_word_after_da)
        {
            num.value *= 12.0;
            num.end += 1;
        }
        Some(num)
    }

    /// Scientific notation (`1.3e6`, `12.32e+14`), powers (`2^-1`) and, in
    /// `bare` mode, fractions (`1/2`, `1 4/5`).
    fn arabic_tail(&self, doc: &Doc, num: &mut Numeral, bare: bool) {
        let chars = &doc.chars;
        let e = num.end;
        match doc.char_at(e) {
            Some('e' | 'E') => {
                let mut j = e + 1;
                let mut neg = false;
                if let Some(s @ ('+' | '-')) = doc.char_at(j) {
                    neg = s == '-';
                    j += 1;
                }
                if let Some(x) = doc
                    .char_at(j)
                    .filter(|d| d.is_ascii_digit())
                    .and(number::arabic(chars, j))
                {
                    if !x.decimal
                        && x.value <= 400.0
                        && !doc.char_at(x.end).is_some_and(|c| c.is_ascii_alphabetic())
                    {
                        let p = if neg { -x.value } else { x.value };
                        num.value *= 10f64.powf(p);
                        num.end = x.end;
                        num.decimal = true;
                    }
                }
            }
            Some('^') => {
                let mut j = e + 1;
                let mut neg = false;
                while let Some(s @ ('+' | '-')) = doc.char_at(j) {
                    neg ^= s == '-';
                    j += 1;
                }
                if let Some(x) = doc
                    .char_at(j)
                    .filter(|d| d.is_ascii_digit())
                    .and(number::arabic(chars, j))
                {
                    let p = if neg { -x.value } else { x.value };
                    let v = num.value.powf(p);
                    if v.is_finite() {
                        num.value = v;
                        num.end = x.end;
                        num.decimal = true;
                    }
                }
            }
            _ => {}
        }
        if !bare || num.decimal {
            return;
        }
        // a/b and "a b/c"
        let frac_at = |j: usize| -> Option<(f64, f64, usize)> {
            let a = number::arabic(chars, j).filter(|a| !a.decimal)?;
            let mut k = a.end;
            while doc.char_at(k) == Some(' ') && k - a.end < 1 {
                k += 1;
            }
            if doc.char_at(k) != Some('/') {
                return None;
            }
            k += 1;
            if doc.char_at(k) == Some(' ') {
                k += 1;
            }
            let b = number::arabic(chars, k).filter(|b| !b.decimal && b.value > 0.0)?;
            Some((a.value, b.value, b.end))
        };
        let mut k = num.end;
        while doc.char_at(k) == Some(' ') && k - num.end < 1 {
            k += 1;
        }
        if doc.char_at(k) == Some('/') {
            let mut m = k + 1;
            if doc.char_at(m) == Some(' ') {
                m += 1;
            }
            if let Some(b) = number::arabic(chars, m).filter(|b| !b.decimal && b.value > 0.0) {
                if !doc
                    .char_at(b.end)
                    .is_some_and(|c| c == '/' || c.is_ascii_alphanumeric())
                {
                    num.value /= b.value;
                    num.end = b.end;
                    num.decimal = true;
                }
            }
        } else if k > num.end && doc.char_at(k).is_some_and(|c| c.is_ascii_digit()) {
            if let Some((a, b, end)) = frac_at(k) {
                if a < b
                    && !doc
                        .char_at(end)
                        .is_some_and(|c| c == '/' || c.is_ascii_alphanumeric())
                {
                    num.value += a / b;
                    num.end = end;
                    num.decimal = true;
                }
            }
        }
    }

    /// `五分之一` (1/5), `一又二分之一` (1.5), `３分之一百五十七`.
    fn chinese_fraction(&self, doc: &Doc, num: &mut Numeral) {
        let chars = &doc.chars;
        let skip = |mut k: usize| {
            let s = k;
            while doc.char_at(k) == Some(' ') && k - s < 3 {
                k += 1;
            }
            k
        };
        let fen = |k: usize| -> Option<usize> {
            let k = skip(k);
            if doc.char_at(k) != Some('分') {
                return None;
            }
            let k = skip(k + 1);
            (doc.char_at(k) == Some('之')).then(|| skip(k + 1))
        };
        let stop = |_: usize| false;
        let read = |k: usize| -> Option<Numeral> {
            let (neg, k) = if doc.char_at(k) == Some('负') {
                (true, k + 1)
            } else {
                (false, k)
            };
            let mut n = number::mixed(chars, k, &stop, true)?;
            if neg {
                n.value = -n.value;
            }
            Some(n)
        };
        // 百分之 after a numeral is 五百分之2.2-style noise: only X分之Y
        if let Some(k) = fen(num.end) {
            if doc.fslice(num.end.saturating_sub(1), num.end) == "百"
                && num.value == 100.0
                && num.start + 1 == num.end
            {
                return; // 百分之 is a percent, read by figure_at
            }
            if let Some(y) = read(k) {
                if num.value != 0.0 {
                    num.value = y.value / num.value;
                    num.end = y.end;
                    num.decimal = true;
                    num.mult = 1.0;
                    num.fraction = true;
                }
            }
            return;
        }
        // 一又二分之一
        let k = skip(num.end);
        if doc.char_at(k) == Some('又') {
            let k2 = skip(k + 1);
            if let Some(x) = read(k2) {
                if let Some(k3) = fen(x.end) {
                    if let Some(y) = read(k3) {
                        if x.value != 0.0 {
                            let f = y.value / x.value;
                            num.value += if num.value < 0.0 { -f } else { f };
                            num.end = y.end;
                            num.decimal = true;
                            num.mult = 1.0;
                        }
                    }
                }
            }
        }
    }

    /// Context to the left of a numeral that rules it out.
    fn left_ok(&self, doc: &Doc, num: &Numeral, bare: bool) -> bool {
        let first = doc.chars[num.start];
        if first.is_ascii_alphabetic()
            || matches!(first, '-' | '负' | '−')
            || (first == '零' && doc.char_at(num.start + 1) == Some('下'))
        {
            return true;
        }
        let prev = num.start.checked_sub(1).and_then(|p| doc.char_at(p));
        let prev2 = num.start.checked_sub(2).and_then(|p| doc.char_at(p));
        // USD115.5, Rmb85bn: a currency code glued to the number
        let glued_code = prev.is_some_and(|p| p.is_ascii_alphabetic())
            && self
                .units
                .prefix_before(doc, num.start)
                .is_some_and(|(u, b)| u.kind == FigureKind::Currency && b + 3 == num.start);
        match prev {
            Some(p) if p.is_ascii_alphabetic() && !glued_code => return false, // H100, FP16, V3
            Some('-' | '_' | '/' | '.') if prev2.is_some_and(|q| q.is_ascii_alphanumeric()) => {
                return bare && prev == Some('-') && prev2.is_some_and(|q| q.is_ascii_uppercase());
                // GPT-4, 1/10, 3.x (SCP-173 counts in bare mode)
            }
            Some('第' | '数' | '#' | '№') => return false, // 第4262期, 数十亿
            // 七成六: a digit after 成 adds to the tenths; after a verb
            // ending in 成 (生成25个, 完成3轮) an Arabic number is a count
            Some('成') if num.chinese => return false,
            Some('几') if !bare => return false,
            Some(p) if num.chinese && (p.is_ascii_digit()) => return false,
            _ => {}
        }
        if num.chinese {
            let digits = doc.chars[num.start..num.end]
                .iter()
                .any(|&c| number::chinese_digit(c).is_some_and(|d| d > 0) || c == '俩');
            if bare {
                // a lone numeral inside a word: 四川, 陆地, 放肆, 伍仁
                if num.end - num.start == 1 {
                    let next = doc.char_at(num.end);
                    if "壹贰叁肆伍陆柒捌玖拾佰仟".contains(first)
                        && (prev.is_some_and(is_han) || next.is_some_and(is_han))
                    {
                        return false;
                    }
                    if next.is_some_and(|n| "川地".contains(n)) {
                        return false;
                    }
                }
                return true;
            }
            // 十几 / 百来 are vague; 百家, 千卡, 百万元 (no digit character)
            // are idioms or round talk; 一 alone is an article (一倍, 一家)
            if matches!(doc.char_at(num.end), Some('几' | '来')) || !digits || num.value == 1.0 {
                return false;
            }
            // a numeral inside a word (唯一, 统一) does not start a token
            if !doc.starts_token(num.start) {
                return false;
            }
        }
        true
    }

    fn quantity(&self, doc: &Doc, num: Numeral, bare: bool) -> Quantity {
        let mut k = num.end;
        let mut over = false;
        if matches!(doc.char_at(k), Some('多' | '余')) || (bare && doc.char_at(k) == Some('几'))
        {
            let after = k + 1;
            let scaled = self.scales.at(doc, after, bare).is_some();
            if scaled {
                over = true;
                k = after;
            }
        }
        let k_sp = if doc.char_at(k) == Some(' ') {
            k + 1
        } else {
            k
        };
        let mut value = num.value;
        let mut end = num.end.max(k);
        let mut mult = num.mult;
        // a unit that starts like a scale (千瓦, 兆瓦, MB) wins over the scale
        // `a 70-billion-parameter model`, `a $1.5-billion deal`: a scale
        // word joined by a hyphen
        let k_hyphen = (!bare && doc.char_at(k) == Some('-')).then_some(k + 1);
        if self.units.suffix_at(doc, k).is_none_or(|u| u.count) && !num.fraction {
            for at in [Some(k), Some(k_sp), k_hyphen].into_iter().flatten() {
                if let Some((m, e)) = self.scales.at(doc, at, bare) {
                    if Some(at) == k_hyphen
                        && !(e - at >= 7 && doc.chars[at..e].iter().all(char::is_ascii_alphabetic))
                    {
                        continue;
                    }
                    // single-letter Latin scales must touch the number in
                    // news text (`-2.5 M` is read in the figures protocol)
                    let single_latin = e - at == 1 && doc.chars[at].is_ascii_alphabetic();
                    if single_latin && at != num.end && !bare {
                        continue;
                    }
                    // 七成 六 is not 7 * 10^? : only known scales
                    value *= m;
                    mult *= m;
                    end = e;
                    break;
                }
            }
        }
        // `4.1m units`, `3.4m TPUs`: a broker's glued `m` before a counted
        // noun is a million, not metres
        if !bare
            && mult == num.mult
            && doc.char_at(num.end) == Some('m')
            && doc.char_at(num.end + 1) == Some(' ')
            && doc
                .char_at(num.end + 2)
                .is_some_and(|c| c.is_ascii_alphabetic())
            && self.units.count_at(doc, num.end + 1, true).is_some()
        {
            value *= 1e6;
            mult *= 1e6;
            end = num.end + 1;
        }
        // `1,000+ tokens/s`, `10K+ GPUs`: a plus after the amount means over
        if !bare
            && doc.char_at(end) == Some('+')
            && doc
                .char_at(end + 1)
                .is_none_or(|c| c == ' ' || c.is_alphabetic())
        {
            over = true;
            end += 1;
        }
        Quantity {
            num,
            value,
            scaled: mult > 1.0 || num.mult > 1.0 || value != num.value,
            mult,
            end,
            over,
        }
    }

    /// The unit after a quantity: a measurement unit (with money rates), or
    /// a counted thing.
    fn unit_after(&self, doc: &Doc, q: &Quantity, bare: bool) -> Option<UnitHit> {
        if bare {
            if let Some(e) = spaced_word_at(doc, q.end, "个百分点") {
                return Some(UnitHit {
                    unit: "%".into(),
                    kind: FigureKind::Percent,
                    factor: 1.0,
                    end: e,
                    alias: None,
                    count: false,
                    sub: 0.0,
                });
            }
        }
        if let Some(mut u) = self.units.suffix_at(doc, q.end) {
            // `2025E`, `2026P`: a forecast table's year, not 2025 EFLOPS.
            let year_mark = u.end == q.end + 1
                && matches!(u.unit.as_str(), "EFLOPS" | "PFLOPS")
                && !q.scaled
                && !q.num.decimal
                && q.num.end - q.num.start == 4
                && (1900.0..=2099.0).contains(&q.value);
            if year_mark {
                return None;
            }
            // 75 USD million
            if u.kind == FigureKind::Currency && !q.scaled && doc.char_at(u.end) == Some(' ') {
                if let Some((m, e)) = self.scales.at(doc, u.end + 1, bare) {
                    if e - u.end > 2 {
                        u.factor *= m;
                        u.end = e;
                    }
                }
            }
            if u.kind == FigureKind::Currency && !bare {
                if let Some((d, e)) = self.units.per_at(doc, u.end) {
                    u.unit = format!("{}/{}", u.unit, d);
                    u.end = e;
                }
            }
            if bare && u.unit == "x" {
                return None;
            }
            if bare && u.unit == "pp" {
                u.unit = "%".into();
            }
            // 五元三毛, 50元6角三分, 15 dollars 50, thirteen dollars and forty-five cents
            // (a unit that is itself the small coin, cents, takes none)
            if u.kind == FigureKind::Currency && !q.scaled && u.factor >= 1.0 {
                if let Some((add, e)) = self.subunit(doc, u.end, &u.unit) {
                    u.end = e;
                    u.factor = 1.0;
                    u.sub = add;
                }
            }
            return Some(u);
        }
        // 四成 = 40%, 七成六 = 76%, 九折 = 90%, 八点五折 = 85%
        let mut k = q.end;
        if bare {
            while doc.char_at(k) == Some(' ') && k - q.end < 2 {
                k += 1;
            }
        }
        let tenth = doc.char_at(k);
        let max = if tenth == Some('折') { 9.99 } else { 10.0 };
        let two_digit_discount = tenth == Some('折')
            && q.num.chinese
            && q.num.end - q.num.start == 2
            && (11.0..=99.0).contains(&q.value);
        if !q.scaled
            && (q.value <= max || two_digit_discount)
            && q.value > 0.0
            && matches!(tenth, Some('成' | '折'))
        {
            let next = doc.char_at(k + 1);
            let word = if tenth == Some('成') {
                next.is_some_and(|c| "为本长功立熟绩交员果就品型都效像".contains(c))
            } else {
                next.is_some_and(|c| "合旧扣叠射线".contains(c)) || !bare
            };
            if !word {
                let mut end = k + 1;
                let mut value = q.value * 10.0;
                let digits_after = q.num.end - q.num.start == 2
                    && q.num.chinese
                    && !q.num.decimal
                    && doc.chars[q.num.start..q.num.end]
                        .iter()
                        .all(|&c| number::chinese_digit(c).is_some());
                if tenth == Some('折') && digits_after {
                    value = q.value; // 五五折 = 55%: read positionally
                } else if tenth == Some('折') && q.num.decimal && q.value < 10.0 {
                    value = q.value * 10.0;
                }
                // 七成 六: a trailing digit adds units
                if tenth == Some('成') && bare {
                    let mut m = end;
                    while doc.char_at(m) == Some(' ') && m - end < 2 {
                        m += 1;
                    }
                    if let Some(d) = doc.char_at(m).and_then(number::chinese_digit) {
                        if !doc
                            .char_at(m + 1)
                            .is_some_and(number::is_chinese_numeral_char)
                        {
                            value += d as f64;
                            end = m + 1;
                        }
                    }
                }
                return Some(UnitHit {
                    unit: "%".into(),
                    kind: FigureKind::Percent,
                    factor: value / q.value.max(f64::MIN_POSITIVE),
                    end,
                    alias: None,
                    count: false,
                    sub: 0.0,
                });
            }
        }
        if bare {
            return None; // counts are bare numbers in the conformance protocol
        }
        let yearish =
            !q.scaled && !q.num.decimal && !q.num.chinese && (1900.0..=2100.0).contains(&q.value);
        if !q.num.chinese && !q.num.word() {
            let whole = !q.scaled && !q.num.decimal;
            if let Some(d) = self
                .units
                .duration_at(doc, q.num.start, q.end, q.value, whole)
            {
                return Some(d);
            }
        }
        if !q.num.chinese && !q.num.word() && !yearish && doc.char_at(q.end) == Some('-') {
            if let Some(c) = self.units.hyphen_count_at(doc, q.end + 1) {
                return Some(c);
            }
        }
        let mut count = match self.units.count_at(doc, q.end, !yearish) {
            Some(c) => c,
            None => self.count_fallback(doc, q, yearish)?,
        };
        if q.num.chinese && !q.scaled && q.value < 10.0 {
            return None; // 一张卡 / 两颗: articles, not counts
        }
        if yearish && count.unit.is_empty() {
            return None;
        }
        let wafers = (q.end..count.end).any(|i| doc.char_at(i) == Some('片'));
        if count.unit == "tokens" && cue_before(doc, q.num.start, 10, &CLAUSE_STOPS, &["每秒"]) {
            count.unit = "tokens/s".into(); // 每秒约输出1,390个token
        }
        if wafers
            && (cue_before(doc, q.num.start, 40, &SENTENCE_STOPS, &["月产能", "月产量"])
                || cue_before(doc, q.num.start, 10, &CLAUSE_STOPS, &["每月"]))
        {
            count.unit = "wafers/month".into(); // 月产能约4.5万片
        }
        count.factor = 1.0;
        Some(count)
    }

    /// A number without a unit compared with the figure just before it in
    /// the same sentence takes that figure's unit: `75,000 wafers per month,
    /// up from about 35,000`; `5万片，高于去年的3万`.
    fn compared(&self, doc: &Doc, num: Numeral, prev: Option<&FigureHit>) -> Option<FigureHit> {
        let prev = prev?;
        let unit = prev.unit.as_ref()?;
        if num.chinese
            || num.word()
            || num.start < prev.end
            || num.start - prev.end > 120
            || matches!(prev.kind, FigureKind::Percent)
        {
            return None;
        }
        let between = doc.fslice(prev.end, num.start);
        if between
            .chars()
            .any(|c| matches!(c, '。' | '！' | '？' | '!' | '?' | ';' | '；' | '\n'))
            || between.contains(". ")
        {
            return None;
        }
        let q = self.quantity(doc, num, false);
        let yearish = !q.scaled && !num.decimal && (1900.0..=2100.0).contains(&q.value);
        // 较9月: a month, a date, a counted noun of its own
        if yearish
            || doc
                .char_at(q.end)
                .is_some_and(|c| is_han(c) || c.is_alphanumeric())
        {
            return None;
        }
        // the comparison word, then at most a qualifier, right before it
        let lead = doc
            .fslice(num.start.saturating_sub(24), num.start)
            .to_ascii_lowercase();
        let lead = lead.trim_end();
        let lead = ["about", "around", "roughly", "nearly", "some", "约", "大约"]
            .iter()
            .find_map(|w| lead.strip_suffix(w))
            .unwrap_or(lead)
            .trim_end();
        let compared = [
            "up from",
            "down from",
            "compared with",
            "compared to",
            "versus",
            "vs.",
            "against",
            "高于",
            "低于",
            "较",
            "相比",
            "对比",
            // a level reached from or towards: `to 250,000 wafers a month
            // from roughly 170,000`, `75,000 ... and plans to reach 120,000`
            " from",
            " reach",
            " reaching",
        ]
        .iter()
        .any(|w| lead.ends_with(w));
        if !compared {
            return None;
        }
        // a unit of its own, or a scale word after it, means another reading
        if self.unit_after(doc, &q, false).is_some() {
            return None;
        }
        Some(FigureHit {
            start: num.start,
            end: q.end,
            value: tidy(q.value),
            value_max: None,
            unit: Some(unit.clone()),
            kind: prev.kind,
            qualifier: self.units.qualifier_before(doc, num.start),
            inner: None,
        })
    }

    /// Counts the measure-word-and-noun reading misses: a measure word that
    /// is its own noun (1000人), a bare `N个` closing a clause whose noun
    /// stands before it (集群超过40个), and `N of its|their|the ... chips`.
    fn count_fallback(&self, doc: &Doc, q: &Quantity, yearish: bool) -> Option<UnitHit> {
        if yearish {
            return None;
        }
        let k = q.end;
        if let Some(c) = self.units.self_counting_at(doc, k, q.value) {
            return Some(c);
        }
        if doc.char_at(k) == Some('个') {
            let closes = match doc.char_at(k + 1) {
                None => true,
                Some(c) => {
                    "，。；、！？,.;!?）)\n".contains(c) || {
                        let rest = doc.fslice(k + 1, (k + 3).min(doc.len()));
                        rest == "以上" || rest == "左右"
                    }
                }
            };
            if closes {
                let unit = self.units.subject_before(doc, q.num.start)?;
                return Some(self.units.count(unit, k + 1, doc));
            }
            return None;
        }
        // 30,000 of its P800 chips
        let rest: String = doc.chars[k..doc.len().min(k + 10)]
            .iter()
            .collect::<String>()
            .to_ascii_lowercase();
        let det = [
            " of its ",
            " of their ",
            " of the ",
            " of these ",
            " of those ",
            " of our ",
        ]
        .into_iter()
        .find(|d| rest.starts_with(d))?;
        let after = k + det.chars().count();
        if doc.char_at(after).is_some_and(|c| c.is_ascii_digit()) {
            return None; // 3 of the 5 chips: a part of another count
        }
        self.units.count_at(doc, after, true)
    }

    /// Cents after a currency: `元三毛`/`6角三分` (Chinese) or
    /// `50`, `and 50`, `and forty-five cents` (English). (value, end).
    fn subunit(&self, doc: &Doc, k: usize, unit: &str) -> Option<(f64, usize)> {
        let chars = &doc.chars;
        let stop = |_: usize| false;
        if unit == "CNY"
            && doc
                .char_at(k)
                .is_some_and(|c| c.is_ascii_digit() || number::is_chinese_numeral_start(c))
        {
            let mut add = 0.0;
            let mut end;
            let a = number::mixed(chars, k, &stop, false)?;
            match doc.char_at(a.end) {
                Some('角' | '毛') if a.value < 10.0 => {
                    add += a.value / 10.0;
                    end = a.end + 1;
                    if let Some(b) = doc
                        .char_at(end)
                        .filter(|c| c.is_ascii_digit() || number::chinese_digit(*c).is_some())
                        .and_then(|_| number::mixed(chars, end, &stop, false))
                    {
                        if doc.char_at(b.end) == Some('分') && b.value < 10.0 {
                            add += b.value / 100.0;
                            end = b.end + 1;
                        }
                    }
                }
                Some('分') if a.value < 10.0 => {
                    add += a.value / 100.0;
                    end = a.end + 1;
                }
                _ => return None,
            }
            return Some((add, end));
        }
        if !matches!(unit, "USD" | "EUR" | "GBP" | "CAD" | "AUD") {
            return None;
        }
        let mut j = k;
        if doc.char_at(j) != Some(' ') {
            return None;
        }
        j += 1;
        if doc.fslice(j, j + 4).eq_ignore_ascii_case("and ") {
            j += 4;
        }
        let c = doc.char_at(j)?;
        let n = if c.is_ascii_digit() {
            number::arabic(chars, j)?
        } else if c.is_ascii_alphabetic() {
            words::parse(chars, j)?
        } else {
            return None;
        };
        if n.decimal || n.value >= 100.0 || n.value <= 0.0 {
            return None;
        }
        let mut end = n.end;
        let rest = doc
            .fslice(end, (end + 7).min(doc.len()))
            .to_ascii_lowercase();
        if rest.starts_with(" cents") {
            end += 6;
        } else if rest.starts_with(" cent") {
            end += 5;
        } else if self.units.suffix_at(doc, end).is_some() {
            return None; // 10 $ 30 $: the second number has its own unit
        } else if rest.starts_with(' ')
            && doc
                .char_at(end + 1)
                .is_some_and(|c| c.is_ascii_alphanumeric())
        {
            // "15 dollars 50 more": a count follows, not cents
            if self.units.suffix_at(doc, end).is_some() {
                return None;
            }
        } else if doc.char_at(end).is_some_and(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        Some((n.value / 100.0, end))
    }

    fn figure_at(&self, doc: &Doc, num: Numeral, bare: bool, floor: usize) -> Option<FigureHit> {
        let mut q1 = self.quantity(doc, num, bare);
        let mut unit1 = self.unit_after(doc, &q1, bare);
        let mut start = num.start;
        let mut prefix: Option<UnitHit> = None;
        if let Some((p, b)) = self.units.prefix_before(doc, num.start) {
            // 华氏温度98.6度: the prefix names the scale of 度
            if p.kind == FigureKind::Temperature
                && unit1.as_ref().is_some_and(|u| u.unit == "Degree")
            {
                if let Some(u) = unit1.as_mut() {
                    u.unit = p.unit.clone();
                    u.alias = None;
                }
            }
            // $1.5m: m after a currency prefix is million
            if p.kind == FigureKind::Currency && unit1.as_ref().is_some_and(|u| u.unit == "m") {
                unit1 = None;
                q1.value *= 1e6;
                q1.end += 1;
                q1.scaled = true;
            }
            // $10 dollars: the sign is the unit; the word is not part of it
            if p.kind == FigureKind::Currency
                && unit1
                    .as_ref()
                    .is_some_and(|u| u.kind == FigureKind::Currency)
                && doc.chars[b..num.start]
                    .iter()
                    .all(|c| !c.is_alphanumeric() && *c != ' ')
                && p.unit == "USD"
            {
                unit1 = None;
            }
            // $1 billion of its own shares: the money, not a count of shares
            if p.kind == FigureKind::Currency && unit1.as_ref().is_some_and(|u| u.count) {
                unit1 = None;
            }
            if b >= floor
                && unit1.as_ref().is_none_or(|u| {
                    u.kind == FigureKind::Currency
                        || u.kind == FigureKind::Temperature && p.kind == FigureKind::Temperature
                })
            {
                start = b;
                // 元 after a named currency is that currency's unit (新台币1兆元)
                if let Some(u) = unit1.as_mut() {
                    if u.kind == FigureKind::Currency
                        && p.kind == FigureKind::Currency
                        && (u.unit == "CNY" || u.alias.as_deref() == Some("Dollar"))
                    {
                        u.unit = p.unit.clone();
                        u.alias = p.alias.clone();
                    }
                }
                prefix = Some(p);
            }
        }
        // `two 910B dies`, `the 950T chips`: three or more digits glued to a
        // billion/trillion letter before a hardware count is a model code,
        // not 9.1e11 dies
        if !bare
            && q1.end == num.end + 1
            && matches!(doc.char_at(num.end), Some('B' | 'b' | 'T'))
            && !num.decimal
            && num.value >= 100.0
            && unit1
                .as_ref()
                .is_some_and(|u| u.count && hardware_count(&u.unit))
        {
            return None;
        }
        // in extract mode, a number in words is a figure only with a
        // measurement unit (three times, five million dollars), not a count
        if num.word()
            && !bare
            && prefix.is_none()
            && unit1.as_ref().is_none_or(|u| u.count && !q1.scaled)
        {
            return None;
        }
        // things are counted whole: a decimal before a counted noun is a
        // table's previous cell (`29.8 GB300 GPUs`), unless a scale word
        // makes it whole (1.5 million chips); rates, tokens, shares and
        // scores are not such things
        if !bare
            && q1.num.decimal
            && !q1.scaled
            && unit1
                .as_ref()
                .is_some_and(|u| u.count && WHOLE_THINGS.contains(&u.unit.as_str()))
        {
            return None;
        }
        // 百分之五十, 百 分之 2, 千分之一 (= 0.1%)
        let mut percent_of = 0.0;
        if unit1.is_none() && prefix.is_none() {
            if let Some((b, per)) = percent_of_before(doc, start, bare) {
                if b >= floor {
                    start = b;
                    percent_of = per;
                }
            }
        }
        let mut end = unit1.as_ref().map_or(q1.end, |u| u.end);
        let mut value = q1.value;
        let mut value_max = None;

        // range: A-B, A至B, A~B; not a move then the level it reached
        // (勁揚40元至1,490元)
        let moved_to = unit1
            .as_ref()
            .is_some_and(|u| u.kind == FigureKind::Currency)
            && start > 0
            && matches!(
                doc.char_at(start - 1),
                Some('涨' | '跌' | '扬' | '升' | '挫' | '降')
            )
            && doc.char_at(end) == Some('至');
        if let Some((q2, u2)) = self.range_tail(doc, start, end, bare).filter(|_| !moved_to) {
            let same_unit = match (&unit1, &u2) {
                (Some(a), Some(b)) => a.unit == b.unit,
                (None, Some(_)) => true,
                (None, None) => prefix.is_some(),
                (Some(_), None) => false,
            };
            if same_unit {
                let mut lo = q1.value;
                if !q1.scaled && q2.scaled {
                    lo *= q2.mult;
                }
                if q2.value >= lo {
                    value = lo;
                    value_max = Some(q2.value);
                    end = u2.as_ref().map_or(q2.end, |u| u.end);
                    if unit1.is_none() {
                        unit1 = u2;
                    }
                }
            }
        }

        let mut sub = 0.0;
        // 一吨半, 三斤半: half a unit more
        if let Some(u) = unit1.as_mut() {
            if doc.char_at(u.end) == Some('半')
                && u.end > 0
                && is_han(doc.chars[u.end - 1])
                && !u.count
            {
                u.sub += 0.5 * u.factor;
                u.end += 1;
                end = u.end;
            }
        }
        let (unit, kind, factor) = match (&unit1, &prefix) {
            (Some(u), _) => {
                sub = u.sub;
                // the figures protocol names the unit as written (5 kW)
                match (&u.alias, bare) {
                    (Some(a), true) => {
                        sub /= u.factor;
                        (Some(a.clone()), u.kind, 1.0)
                    }
                    _ => (Some(u.unit.clone()), u.kind, u.factor),
                }
            }
            (None, Some(p)) => {
                let mut unit = if bare {
                    p.alias.clone().unwrap_or_else(|| p.unit.clone())
                } else {
                    p.unit.clone()
                };
                if !bare {
                    if let Some((d, e)) = self.units.per_at(doc, end) {
                        unit = format!("{unit}/{d}");
                        end = e;
                    }
                } else if let Some((add, e)) =
                    self.subunit(doc, end, &p.unit).filter(|_| !q1.scaled)
                {
                    sub = add;
                    end = e;
                }
                // $3 million written after the prefix: "US$ 1MM"
                (Some(unit), p.kind, p.factor)
            }
            (None, None) if percent_of > 0.0 => {
                (Some("%".to_string()), FigureKind::Percent, percent_of)
            }
            (None, None) => (None, FigureKind::Number, 1.0),
        };
        if unit.is_none() && !bare {
            return None;
        }
        // a plain amount in share-price context is a price per share
        let unit = match unit {
            Some(u)
                if !bare
                    && kind == FigureKind::Currency
                    && !u.contains('/')
                    && !q1.scaled
                    && factor <= 1.0
                    && value_max.is_none_or(|v| v * factor < self.share.ceiling(&u))
                    && value * factor < self.share.ceiling(&u)
                    && (self.share_price_before(doc, start)
                        || self.share_price_after(doc, end)) =>
            {
                Some(format!("{u}/share"))
            }
            u => u,
        };
        let mut qualifier = self.units.qualifier_before(doc, start);
        if q1.over {
            qualifier = qualifier.or(Some(Qualifier::Over));
        }
        if let Some((qa, _)) = self.units.qualifier_after(doc, end) {
            qualifier = qualifier.or(Some(qa));
        }
        let signed_sub = if value < 0.0 { -sub } else { sub };
        let value = tidy(value * factor + signed_sub);
        let value_max = value_max.map(|v| tidy(v * factor));
        if !value.is_finite() || value_max.is_some_and(|v| !v.is_finite()) {
            return None;
        }
        // degrees of an angle (rotate 90 degrees) are not a temperature
        let kind = if unit.as_deref() == Some("Degree") && angle_context(doc, start, end) {
            FigureKind::Dimension
        } else {
            kind
        };
        let worded_percent = bare
            && kind == FigureKind::Percent
            && (percent_of > 0.0 || {
                let u = doc.fslice(q1.end, end).to_ascii_lowercase();
                u.contains("百") || u.contains("percent") || u.contains("per cent")
            });
        let inner =
            (bare && (kind == FigureKind::Currency || worded_percent) && q1.end > num.start)
                .then(|| (num.start, q1.end, tidy(q1.value)));
        Some(FigureHit {
            start,
            end,
            value,
            value_max,
            unit,
            kind,
            qualifier,
            inner,
        })
    }

    /// The text before `start` makes a money amount a share price: a price
    /// cue (股价, 收报, 目标价, 每股, closed at ...) in the last
    /// [`SHARE_CUE_WINDOW`] characters of its clause, or a stock word (股价, 盘中, 港股, shares, stock ...)
    /// earlier in the sentence and a lead word (收, 报, 至, 到, 涨, at, from
    /// ...) just before the amount. A semicolon ends the clause but not the
    /// sentence: a market report lists its movers between semicolons under
    /// one stock word (`股價方面，世芯收4,120元；創意收1,585元`).
    fn share_price_before(&self, doc: &Doc, start: usize) -> bool {
        let from = start.saturating_sub(SHARE_SENTENCE_WINDOW);
        let mut s = start;
        let mut clause = None;
        while s > from {
            let c = doc.chars[s - 1];
            if matches!(c, '。' | '!' | '?' | '！' | '？' | '\n')
                || (c == ' ' && s >= 2 && doc.chars[s - 2] == '.')
            {
                break;
            }
            if clause.is_none() && matches!(c, ';' | '；') {
                clause = Some(s);
            }
            s -= 1;
        }
        if s == start {
            return false;
        }
        let lower = |from: usize| -> String {
            doc.chars[from..start]
                .iter()
                .flat_map(|c| c.to_lowercase())
                .collect()
        };
        // the cue's window: the last characters of the clause
        let near = lower(
            clause
                .unwrap_or(s)
                .max(start.saturating_sub(SHARE_CUE_WINDOW)),
        );
        if self.share.cue.iter().any(|w| near.contains(w.as_str())) {
            return true;
        }
        let before = lower(s);
        let k = before.char_indices().rev().nth(3).map_or(0, |(i, _)| i);
        let lead = &before[k..];
        self.share
            .lead
            .iter()
            .any(|w| lead.contains(w.as_str()) || (w.len() > 4 && before.ends_with(w.as_str())))
            && (self.share.stock.iter().any(|w| before.contains(w.as_str()))
                || has_listing_code(&before))
    }

    /// The words right after an amount name it a price per share: `a $215
    /// price target`, `with a $87 target`.
    fn share_price_after(&self, doc: &Doc, end: usize) -> bool {
        let after = doc.fslice(end, (end + 24).min(doc.chars.len()));
        let after = after.trim_start().to_lowercase();
        self.share.after.iter().any(|w| {
            after.starts_with(w.as_str()) && !after[w.len()..].starts_with(char::is_alphanumeric)
        })
    }

    /// The second half of a range starting at `k`: connector, optional
    /// currency prefix, quantity and unit. None in `bare` mode.
    fn range_tail(
        &self,
        doc: &Doc,
        start: usize,
        k: usize,
        bare: bool,
    ) -> Option<(Quantity, Option<UnitHit>)> {
        if bare {
            return None;
        }
        let mut j = k;
        if doc.char_at(j) == Some(' ') {
            j += 1;
        }
        let conn = doc.char_at(j)?;
        // ` -6.1亿元`, ` -18%` after a space, the minus against its digits,
        // is the next negative amount of a table row, not a range's dash
        let minus = conn == '-' && j > k && doc.char_at(j + 1).is_some_and(|c| c.is_ascii_digit());
        let ranged = (matches!(conn, '-' | '~' | '–' | '—' | '至') && !minus)
            || (conn == '到' && !change_before(doc, start));
        // dropped to 6 to 8 weeks: the change already has its `to`
        let changed_to = doc.fslice(start.saturating_sub(3), start) == "to ";
        if ranged {
            j += 1;
        } else if doc.fslice(j, j + 3) == "to " && (changed_to || !change_before(doc, start)) {
            j += 3;
        } else if doc.fslice(j, j + 4) == "and " && between_before(doc, start) {
            j += 4;
        } else {
            return None;
        }
        if doc.char_at(j) == Some(' ') {
            j += 1;
        }
        // an optional repeated currency prefix ($3-$4 billion)
        if let Some(c) = doc.char_at(j) {
            if !c.is_ascii_digit() && !number::is_chinese_numeral_start(c) {
                let mut found = None;
                for len in 1..=3 {
                    if let Some(c2) = doc.char_at(j + len) {
                        if c2.is_ascii_digit()
                            && self
                                .units
                                .prefix_before(doc, j + len)
                                .is_some_and(|(_, b)| b == j)
                        {
                            found = Some(j + len);
                            break;
                        }
                    }
                }
                j = found?;
            }
        }
        let c = doc.char_at(j)?;
        if !(c.is_ascii_digit() || number::is_chinese_numeral_start(c)) {
            return None;
        }
        let num = self.unsigned(doc, j, bare)?;
        let q = self.quantity(doc, num, bare);
        let u = self.unit_after(doc, &q, bare);
        Some((q, u))
    }
}

/// `word` written at `k` with any spaces between its characters (and
/// before it): its end.
fn spaced_word_at(doc: &Doc, k: usize, word: &str) -> Option<usize> {
    let mut j = k;
    let mut first = true;
    for w in word.chars() {
        let s = j;
        while doc.char_at(j) == Some(' ') && j - s < 6 {
            j += 1;
        }
        if doc.char_at(j) != Some(w) {
            // 个 is optional at the start
            if first && w == '个' {
                j = s;
                first = false;
                continue;
            }
            return None;
        }
        first = false;
        j += 1;
    }
    Some(j)
}

/// The end of a `百分之` / `千分之` / `万分之` lead at `i` (spaces allowed),
/// when a numeral follows it.
fn percent_lead_end(doc: &Doc, i: usize, bare: bool) -> Option<usize> {
    // "percent of 20", "per cent of 210" (the figures protocol only)
    if bare
        && matches!(doc.chars[i], 'p' | 'P')
        && (i == 0 || !doc.chars[i - 1].is_ascii_alphanumeric())
    {
        let head = doc.fslice(i, (i + 16).min(doc.len())).to_ascii_lowercase();
        for lead in ["percents of ", "percent of ", "per cent of "] {
            if head.starts_with(lead) {
                let j = i + lead.len();
                let c = doc.char_at(j)?;
                return (c.is_ascii_digit() || words::starts_word_number(&doc.chars, j))
                    .then_some(j);
            }
        }
        return None;
    }
    let mut j = i;
    let mut units = 0;
    let skip = |mut j: usize| {
        let s = j;
        while doc.char_at(j) == Some(' ') && j - s < 4 {
            j += 1;
        }
        j
    };
    while matches!(doc.char_at(j), Some('百' | '佰' | '千' | '仟' | '万')) {
        units += 1;
        j = skip(j + 1);
    }
    if units == 0 || doc.char_at(j) != Some('分') {
        return None;
    }
    j = skip(j + 1);
    if doc.char_at(j) != Some('之') {
        return None;
    }
    j = skip(j + 1);
    let c = doc.char_at(j)?;
    (c.is_ascii_digit() || number::is_chinese_numeral_start(c) || c == '负').then_some(j)
}

/// Value of a vulgar-fraction character (½, ¾ ...).
fn vulgar(c: char) -> Option<f64> {
    Some(match c {
        '½' => 0.5,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '⅛' => 0.125,
        _ => return None,
    })
}

/// One match over every non-ASCII character a numeral or sign starts with
/// (kept equal to number.rs and `vulgar` by a test).
#[inline]
fn non_ascii_start(c: char) -> bool {
    matches!(
        c,
        '零' | '〇'
            | '一'
            | '壹'
            | '幺'
            | '二'
            | '两'
            | '贰'
            | '三'
            | '叁'
            | '四'
            | '肆'
            | '五'
            | '伍'
            | '六'
            | '陆'
            | '七'
            | '柒'
            | '八'
            | '捌'
            | '九'
            | '玖'
            | '十'
            | '拾'
            | '百'
            | '佰'
            | '千'
            | '仟'
            | '俩'
            | '−'
            | '负'
            | '½'
            | '¼'
            | '¾'
            | '⅓'
            | '⅔'
            | '⅛'
    )
}

/// The text around a figure (80 characters each side) speaks of turning or
/// angles (rotate, turn, angle, 旋转, 角度) and not of temperature.
fn angle_context(doc: &Doc, start: usize, end: usize) -> bool {
    let t = doc
        .fslice(start.saturating_sub(80), (end + 80).min(doc.len()))
        .to_ascii_lowercase();
    let angle = [
        "rotat",
        "turn ",
        "turn left",
        "turn right",
        "angle",
        "旋转",
        "角度",
        "转动",
    ]
    .iter()
    .any(|w| t.contains(w));
    let heat = [
        "temperat",
        "thermostat",
        "warm",
        "heat",
        "cold",
        "温度",
        "气温",
        "恒温",
    ]
    .iter()
    .any(|w| t.contains(w));
    angle && !heat
}

/// `minus` / `negative` at `i`: the end of the word and its space.
fn sign_word(doc: &Doc, i: usize) -> Option<usize> {
    for w in ["minus ", "negative "] {
        let e = i + w.len();
        let same = doc.chars.get(i..e).is_some_and(|cs| {
            cs.iter()
                .zip(w.chars())
                .all(|(a, b)| a.eq_ignore_ascii_case(&b))
        });
        if same {
            return Some(e);
        }
    }
    None
}

/// 打 (dozen) is not followed by a verb-object word (打造, 打开 ...).
fn is_han_word_after_da(c: char) -> bool {
    "造开破算击入出工车折印包卡球电断压响通败法".contains(c)
}

/// `百分之` / `千分之` / `万分之` (possibly spaced) ending just before `k`:
/// its start and the factor to percent (百分之 1, 千分之 0.1 ...).
fn percent_of_before(doc: &Doc, k: usize, bare: bool) -> Option<(usize, f64)> {
    let tail = if bare {
        doc.fslice(k.saturating_sub(12), k).to_ascii_lowercase()
    } else {
        String::new()
    };
    let leads: &[&str] = if bare {
        &["percents of ", "percent of ", "per cent of "]
    } else {
        &[]
    };
    for lead in leads {
        if tail.ends_with(lead) {
            let b = k - lead.len();
            let prev = b.checked_sub(1).and_then(|p| doc.char_at(p));
            // "5 percent of 20" is 5%: the lead must not follow a number
            let after_number = prev == Some(' ')
                && b.checked_sub(2)
                    .and_then(|p| doc.char_at(p))
                    .is_some_and(|c| c.is_ascii_alphanumeric());
            if !after_number {
                return Some((b, 1.0));
            }
        }
    }
    // read backwards over 之, 分 and the unit characters, skipping spaces
    let mut j = k;
    let mut back = |want: &dyn Fn(char) -> bool| -> Option<char> {
        let mut m = j;
        while m > 0 && doc.chars[m - 1] == ' ' && j - m < 4 {
            m -= 1;
        }
        let c = doc.char_at(m.checked_sub(1)?)?;
        if want(c) {
            j = m - 1;
            Some(c)
        } else {
            None
        }
    };
    back(&|c| c == '之')?;
    back(&|c| c == '分')?;
    let mut denom = 1.0;
    let mut any = false;
    while let Some(c) = back(&|c| matches!(c, '百' | '佰' | '千' | '仟' | '万')) {
        denom *= match c {
            '百' | '佰' => 100.0,
            '千' | '仟' => 1000.0,
            _ => 1e4,
        };
        any = true;
    }
    if !any {
        return None;
    }
    // 五百分之: a numeral before makes it a fraction, not a percent
    if j > 0 && doc.chars[j - 1] != ' ' && number::is_chinese_numeral_char(doc.chars[j - 1]) {
        return None;
    }
    Some((j, 100.0 / denom))
}

/// Sentence ends: a cue before them is about another sentence.
const SENTENCE_STOPS: [char; 6] = ['。', '！', '？', '!', '?', '\n'];
/// Clause ends: a cue before them is about another clause.
const CLAUSE_STOPS: [char; 6] = ['，', ',', '。', '；', ';', '\n'];

/// Whether one of `cues` stands in the `window` characters before
/// character `start`, after the last of `stops` there: a fab's monthly
/// output earlier in the sentence (`月产能将从约7.5万片提升到12万片`), or a
/// `每秒`/`每月` just before in the clause (`每秒只能吐出 4 到 5 個 tokens`),
/// makes what is counted there a rate.
fn cue_before(doc: &Doc, start: usize, window: usize, stops: &[char], cues: &[&str]) -> bool {
    let lead = doc.fslice(start.saturating_sub(window), start);
    let part = lead.rfind(stops).map_or(lead, |i| &lead[i..]);
    cues.iter().any(|c| part.contains(c))
}

/// Counted hardware (chips, dies, cards, wafers, servers ...), rates too.
fn hardware_count(unit: &str) -> bool {
    let base = unit.split('/').next().unwrap_or(unit);
    matches!(
        base,
        "chips" | "cards" | "wafers" | "servers" | "cabinets" | "nodes" | "units" | "pieces"
    )
}

/// Rounds away binary noise of decimal arithmetic (10.38 * 1e8 =
/// 1038000000.0000001) by keeping 12 significant digits.
fn tidy(v: f64) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    format!("{v:.11e}").parse().unwrap_or(v)
}

/// How far back (characters, within the sentence) a share price looks for
/// the stock word that makes a lead word (`报`, ` to `) a price cue.
const SHARE_SENTENCE_WINDOW: usize = 200;

/// How many characters before an amount a price cue (`股价`, `per diluted
/// share were`) may end.
const SHARE_CUE_WINDOW: usize = 24;

/// How many characters may stand between a price per share and an amount
/// compared with it.
const COMPARED_GAP: usize = 40;

/// A stock's listing code in the text: `（01234）`, `(600123)`, `1234.TW`,
/// `0981.HK` (a 4-6 digit code in brackets, or one with a market suffix).
fn has_listing_code(text: &str) -> bool {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(
            r"(?i)(?:^|[^0-9])(?:[（(]\d{4,6}[)）]|\d{4,6}\.(?:hk|tw|two|sh|sz|ks|t))",
        )
        .expect("static regex")
    });
    re.is_match(text)
}

/// How many characters may stand between two glued-`m` amounts of one
/// sentence for one to lend the other its noun.
const GLUED_PAIR_GAP: usize = 48;

/// True when `f` is written as a number with a glued lower-case `m`
/// (`1.3m`, `12.9m units`).
fn has_glued_m(doc: &Doc, f: &FigureHit) -> bool {
    (f.start + 1..f.end).any(|k| {
        doc.char_at(k) == Some('m')
            && doc.char_at(k - 1).is_some_and(|c| c.is_ascii_digit())
            && doc
                .char_at(k + 1)
                .is_none_or(|c| !c.is_ascii_alphanumeric())
    })
}

/// `up to 2.1m units from 1.3m`, `from 1.3m to 2.1m units`: a bare glued
/// `m` read as metres is a million of the noun the other amount of the pair
/// counts, when both stand in one sentence a few words apart.
fn glued_million_pairs(doc: &Doc, out: &mut [FigureHit]) {
    for i in 1..out.len() {
        let (before, rest) = out.split_at_mut(i);
        let (a, b) = (&mut before[i - 1], &mut rest[0]);
        if b.start < a.end
            || b.start - a.end > GLUED_PAIR_GAP
            || doc.chars[a.end..b.start]
                .iter()
                .any(|c| matches!(c, '。' | ';' | '；' | '\n'))
            || !has_glued_m(doc, a)
            || !has_glued_m(doc, b)
        {
            continue;
        }
        let counted = |f: &FigureHit| {
            f.unit
                .as_deref()
                .filter(|u| *u != "m" && f.value >= 1e6)
                .map(str::to_string)
        };
        let metres = |f: &FigureHit| f.unit.as_deref() == Some("m") && f.value < 1e6;
        // the metres side takes the million and the other side's noun
        let (noun, metres_side) = match (counted(a), counted(b)) {
            (Some(noun), _) if metres(b) => (noun, b),
            (_, Some(noun)) if metres(a) => (noun, a),
            _ => continue,
        };
        metres_side.value *= 1e6;
        metres_side.value_max = metres_side.value_max.map(|v| v * 1e6);
        metres_side.unit = Some(noun);
    }
}

/// Adds `cells` to `out`, keeping `out` in text order.
fn add_in_order(out: &mut Vec<FigureHit>, cells: Vec<FigureHit>) {
    if !cells.is_empty() {
        out.extend(cells);
        out.sort_by_key(|f| (f.start, f.end));
    }
}

/// `EPS分别为4.93元、9.42元、14.64元`: an amount listed right after a price
/// per share, in the same currency, is one too; so is one compared with it
/// in the same sentence by one of the `compared` words (`$2.05, compared
/// with $1.48 a year ago`, `61 cents a share, against a consensus of 58
/// cents`, `63美分，正负4美分`; folded and lower-cased).
fn per_share_lists(doc: &Doc, compared_words: &[String], out: &mut [FigureHit]) {
    for i in 1..out.len() {
        let (before, rest) = out.split_at_mut(i);
        let (prev, f) = (&before[i - 1], &mut rest[0]);
        let Some(per) = prev.unit.as_deref().and_then(|u| u.strip_suffix("/share")) else {
            continue;
        };
        let listed = f.start >= prev.end
            && f.start - prev.end <= 2
            && doc.chars[prev.end..f.start]
                .iter()
                .all(|c| matches!(c, '、' | '/' | ',' | ' '));
        let compared = f.start >= prev.end
            && f.start - prev.end <= COMPARED_GAP
            && !doc.chars[prev.end..f.start]
                .iter()
                .any(|c| matches!(c, '。' | '.' | ';' | '；' | '\n'))
            && {
                let between = doc.fslice(prev.end, f.start).to_lowercase();
                compared_words.iter().any(|w| between.contains(w.as_str()))
            };
        // compared amounts are of one order (not `$0.01 ... compared with
        // $4.1 million`)
        let same_order =
            f.value.abs() <= prev.value.abs() * 20.0 && prev.value.abs() <= f.value.abs() * 20.0;
        if (listed || (compared && same_order)) && f.unit.as_deref() == Some(per) {
            f.unit = Some(format!("{per}/share"));
        }
    }
}

/// True when a change ("from A to B", 从A到B) rather than a range is
/// written before character `start`.
/// Words of a Taiwanese page (folded): the Taiwan market, Taiwan's own
/// word for nanometre (Hong Kong writes 納米), its government's bodies
/// and its cities.
const TAIWAN_WORDS: &[&str] = &[
    "台股",
    "台湾",
    "柜买",
    "证交所",
    "上市柜",
    "奈米",
    "台系",
    "台厂",
    "投信",
    // Its government and cities.
    "经济部",
    "国科会",
    "行政院",
    "立法院",
    "台电",
    "台北",
    "新竹",
    "台中",
    "台南",
    "高雄",
    "桃园",
    "嘉义",
    "彰化",
    "苗栗",
];

/// Words of a Hong Kong page (folded): its dollar, market and index.
const HONG_KONG_WORDS: &[&str] = &[
    "港元",
    "港币",
    "港股",
    "恒指",
    "恒生",
    "港交所",
    ".HK",
    "纳米",
];

/// Listing codes in brackets: Hong Kong's five digits led by a zero
/// (`（00981）`), Taiwan's four (`（2330）`, `(2330-TW)`; years aside).
fn listing_codes(folded: &str) -> (usize, usize) {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(r"[（(]\s*(?:(0\d{4})|([1-9]\d{3}))(?:[.-](?:HK|TW))?\s*[)）]")
            .expect("static regex")
    });
    let (mut hk, mut tw) = (0, 0);
    for c in re.captures_iter(folded) {
        if c.get(1).is_some() {
            hk += 1;
        } else if let Some(m) = c.get(2) {
            if !m.as_str().starts_with("19") && !m.as_str().starts_with("20") {
                tw += 1;
            }
        }
    }
    (hk, tw)
}

/// The dollar that plain 元 means on a Traditional-script page: the New
/// Taiwan dollar on a page that names it (新台幣) or reads as Taiwanese,
/// the Hong Kong dollar on a page that reads as Hong Kong's (港元, `.HK`
/// and five-digit listing codes, 恒指, 納米) more than as Taiwan's. Elsewhere plain 元 stays CNY.
fn plain_yuan_currency(doc: &Doc) -> Option<&'static str> {
    let (mut han, mut traditional) = (0usize, 0usize);
    for (orig, folded) in doc.text.chars().zip(doc.chars.iter()) {
        if is_han(orig) {
            han += 1;
            traditional += usize::from(orig != *folded);
        }
    }
    if han == 0 || traditional * 20 < han {
        return None;
    }
    if doc.folded.contains("台币") {
        return Some("TWD");
    }
    let count =
        |words: &[&str]| -> usize { words.iter().map(|w| doc.folded.matches(w).count()).sum() };
    let (hk_codes, tw_codes) = listing_codes(&doc.folded);
    let (taiwan, hong_kong) = (
        count(TAIWAN_WORDS) + tw_codes,
        count(HONG_KONG_WORDS) + hk_codes,
    );
    if hong_kong > taiwan {
        Some("HKD")
    } else if taiwan > 0 {
        Some("TWD")
    } else {
        None
    }
}

/// A past-tense verb of change right before the first number ("rose 5% to
/// 20%" is a change to a new level, not a range; "expected to grow 20% to
/// 30%" stays a range).
/// Counted units of things that come whole (no `2.5 chips`).
const WHOLE_THINGS: &[&str] = &[
    "chips",
    "cards",
    "servers",
    "wafers",
    "cabinets",
    "units",
    "nodes",
    "sites",
    "companies",
    "people",
    "employees",
    "engineers",
    "developers",
    "products",
    "packages",
    "stacks",
    "layers",
    "cores",
    "data centers",
    "suppliers",
    "projects",
    "patents",
    "orders",
    "sets",
    "pieces",
    "lines",
    "channels",
];

const CHANGE_VERBS: &[&str] = &[
    "rose ",
    "fell ",
    "grew ",
    "increased ",
    "decreased ",
    "jumped ",
    "climbed ",
    "dropped ",
    "declined ",
    "surged ",
    "slipped ",
    "slid ",
    "soared ",
    "plunged ",
    "gained ",
    "shrank ",
    "raised ",
    "lowered ",
    "cut ",
    "boosted ",
    "lifted ",
    "widened ",
    "narrowed ",
];

fn change_before(doc: &Doc, start: usize) -> bool {
    let from = start.saturating_sub(12);
    let before = doc.fslice(from, start).to_ascii_lowercase();
    if before.contains("from ") || before.contains('从') || before.contains('由') {
        return true;
    }
    let wide = doc
        .fslice(start.saturating_sub(24), start)
        .to_ascii_lowercase();
    // the verb ends within a few words of the number (rose by 5%, rose about 5%)
    CHANGE_VERBS.iter().any(|v| {
        wide.rfind(v).is_some_and(|p| {
            let gap = &wide[p + v.len()..];
            gap.split_whitespace().count() <= 2 && !gap.contains(',') && !gap.contains(';')
        })
    })
}

/// `between` right before character `start` (`between 1.5 TB/s and 2
/// TB/s` is a range).
fn between_before(doc: &Doc, start: usize) -> bool {
    let before = doc
        .fslice(start.saturating_sub(9), start)
        .to_ascii_lowercase();
    before.trim_end().ends_with("between")
}

fn skip_run(doc: &Doc, mut i: usize) -> usize {
    // skip a whole digit run that is not a number (too long, version...)
    let start = i;
    while i < doc.len() && (doc.chars[i].is_ascii_digit() || doc.chars[i] == '.') {
        i += 1;
    }
    i.max(start + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_start_check_covers_every_numeral_character() {
        for c in ('\u{80}'..='\u{FFFF}').filter(|&c| number::is_chinese_numeral_start(c)) {
            assert!(non_ascii_start(c), "{c}");
        }
        for c in ('\u{80}'..='\u{FFFF}').filter(|&c| vulgar(c).is_some()) {
            assert!(non_ascii_start(c), "{c}");
        }
        for c in ['俩', '负', '−'] {
            assert!(non_ascii_start(c));
        }
    }
}
