//! Figures: numbers with what they measure, normalised (`3298.82亿元` ->
//! 329882000000 CNY, `5kW` -> 5000 W, `20-30万片` -> 200000..300000 pieces).
//!
//! Owns: the figure grammar that drives the parts:
//! `[qualifier] [currency prefix] NUMERAL [多|余] [SCALE] [UNIT | COUNT] [per]`
//! with ranges `A-B`, `A至B`, `A~B` (scale and unit of B apply to A when A
//! has none), and what is NOT a figure: numbers glued to a Latin letter
//! (H100, FP16, V3), ordinals (第4262期), versions (11.6.2), numbers inside
//! entity names (三星, CloudMatrix 384 is dropped with its chip/system), bare
//! numbers (years, dates, section numbers have no unit and are not reported
//! by `extract`), and vague numerals (数十亿, 十几).
//! Must not know: entities beyond the spans it is told to avoid, sentences,
//! `about` attribution.

pub(crate) mod lexicon;
pub(crate) mod number;
pub(crate) mod scale;
pub(crate) mod unit;

use crate::text::{Doc, Folder};
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
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ScaleDef {
    words: Vec<String>,
    value: f64,
    #[serde(default)]
    exact: bool,
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
}

/// The compiled figure grammar.
pub(crate) struct FigureRules {
    scales: Scales,
    units: Units,
}

/// A number with its scale, before units.
#[derive(Debug, Clone, Copy)]
struct Quantity {
    num: Numeral,
    value: f64,
    scaled: bool,
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
                scales.push((Surface::new(&folder.fold(w), s.exact), s.value));
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
        Ok(FigureRules {
            scales: Scales::new(scales),
            units: b.build(),
        })
    }

    /// Every figure in `doc`, left to right, skipping numbers that start
    /// inside one of the `avoid` spans (entity names). With `bare`, numbers
    /// without a unit are reported too (unit `None`).
    pub(crate) fn scan(&self, doc: &Doc, avoid: &[(usize, usize)], bare: bool) -> Vec<FigureHit> {
        let mut out = Vec::new();
        let n = doc.len();
        let mut i = 0usize;
        let mut avoid_idx = 0usize;
        while i < n {
            let c = doc.chars[i];
            let arabic = c.is_ascii_digit();
            let chinese = !arabic && number::is_chinese_numeral_start(c);
            if !arabic && !chinese {
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
            let num = if arabic {
                number::arabic(&doc.chars, i)
            } else {
                number::chinese(&doc.chars, i)
            };
            let Some(num) = num else {
                i = skip_run(doc, i);
                continue;
            };
            let next = num.end.max(i + 1);
            if inside || !self.left_ok(doc, &num) {
                i = next;
                continue;
            }
            match self.figure_at(doc, num, bare) {
                Some(f) => {
                    i = f.end.max(next);
                    out.push(f);
                }
                None => i = next,
            }
        }
        out
    }

    /// Context to the left of a numeral that rules it out.
    fn left_ok(&self, doc: &Doc, num: &Numeral) -> bool {
        let prev = num.start.checked_sub(1).and_then(|p| doc.char_at(p));
        let prev2 = num.start.checked_sub(2).and_then(|p| doc.char_at(p));
        match prev {
            Some(p) if p.is_ascii_alphabetic() => return false, // H100, FP16, V3
            Some('-' | '_' | '/' | '.') if prev2.is_some_and(|q| q.is_ascii_alphanumeric()) => {
                return false; // GPT-4, 1/10, 3.x
            }
            Some('第' | '数' | '几' | '成' | '#' | '№') => return false, // 第4262期, 数十亿
            Some(p) if num.chinese && (p.is_ascii_digit()) => return false,
            _ => {}
        }
        if num.chinese {
            // 十几 / 百来 are vague; 百家, 千卡, 百万元 (no digit character)
            // are idioms or round talk; 一 alone is an article (一倍, 一家)
            let digits = doc.chars[num.start..num.end]
                .iter()
                .any(|&c| number::chinese_digit(c).is_some_and(|d| d > 0));
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

    fn quantity(&self, doc: &Doc, num: Numeral) -> Quantity {
        let mut k = num.end;
        let mut over = false;
        if matches!(doc.char_at(k), Some('多' | '余')) {
            let after = k + 1;
            let scaled = self.scales.at(doc, after).is_some();
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
        let mut scaled = false;
        // a unit that starts like a scale (千瓦, 兆瓦, MB) wins over the scale
        if self.units.suffix_at(doc, k).is_none() {
            for at in [k, k_sp] {
                if let Some((m, e)) = self.scales.at(doc, at) {
                    // single-letter Latin scales must touch the number
                    let single_latin = e - at == 1 && doc.chars[at].is_ascii_alphabetic();
                    if single_latin && at != num.end {
                        continue;
                    }
                    value *= m;
                    end = e;
                    scaled = true;
                    break;
                }
            }
        }
        Quantity {
            num,
            value,
            scaled,
            end,
            over,
        }
    }

    /// The unit after a quantity: a measurement unit (with money rates), or
    /// a counted thing.
    fn unit_after(&self, doc: &Doc, q: &Quantity) -> Option<UnitHit> {
        if let Some(mut u) = self.units.suffix_at(doc, q.end) {
            if u.kind == FigureKind::Currency {
                if let Some((d, e)) = self.units.per_at(doc, u.end) {
                    u.unit = format!("{}/{}", u.unit, d);
                    u.end = e;
                }
            }
            return Some(u);
        }
        // 四成 = 40%: tenths, only for small unscaled numbers not followed by
        // a word that starts with 成 (成为, 成本, 成长 ...)
        if !q.scaled && q.value <= 10.0 && doc.char_at(q.end) == Some('成') {
            let next = doc.char_at(q.end + 1);
            let word = next.is_some_and(|c| "为本长功立熟绩交员果就品型都效像".contains(c));
            if !word {
                return Some(UnitHit {
                    unit: "%".into(),
                    kind: FigureKind::Percent,
                    factor: 10.0,
                    end: q.end + 1,
                });
            }
        }
        let yearish =
            !q.scaled && !q.num.decimal && !q.num.chinese && (1900.0..=2100.0).contains(&q.value);
        let mut count = self.units.count_at(doc, q.end, !yearish)?;
        if q.num.chinese && !q.scaled && q.value < 10.0 {
            return None; // 一张卡 / 两颗: articles, not counts
        }
        if yearish && count.unit.is_empty() {
            return None;
        }
        count.factor = 1.0;
        Some(count)
    }

    fn figure_at(&self, doc: &Doc, num: Numeral, bare: bool) -> Option<FigureHit> {
        let q1 = self.quantity(doc, num);
        let mut unit1 = self.unit_after(doc, &q1);
        let mut start = num.start;
        let mut prefix: Option<UnitHit> = None;
        if let Some((p, b)) = self.units.prefix_before(doc, num.start) {
            if unit1
                .as_ref()
                .is_none_or(|u| u.kind == FigureKind::Currency)
            {
                start = b;
                // 元 after a named currency is that currency's unit (新台币1兆元)
                if let Some(u) = unit1.as_mut() {
                    if u.unit == "CNY" && p.kind == FigureKind::Currency {
                        u.unit = p.unit.clone();
                    }
                }
                prefix = Some(p);
            }
        }
        // 百分之五十
        let percent_of = start >= 3 && doc.fslice(start - 3, start) == "百分之";
        if percent_of {
            start -= 3;
        }
        let mut end = unit1.as_ref().map_or(q1.end, |u| u.end);
        let mut value = q1.value;
        let mut value_max = None;

        // range: A-B, A至B, A~B
        if let Some((q2, u2)) = self.range_tail(doc, start, end) {
            let same_unit = match (&unit1, &u2) {
                (Some(a), Some(b)) => a.unit == b.unit,
                (None, Some(_)) => true,
                (None, None) => prefix.is_some(),
                (Some(_), None) => false,
            };
            if same_unit {
                let mut lo = q1.value;
                if !q1.scaled && q2.scaled {
                    lo *= q2.value / q2.num.value.max(f64::MIN_POSITIVE);
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

        let (unit, kind, factor) = match (&unit1, &prefix) {
            (Some(u), _) => (Some(u.unit.clone()), u.kind, u.factor),
            (None, Some(p)) => {
                let mut unit = p.unit.clone();
                if let Some((d, e)) = self.units.per_at(doc, end) {
                    unit = format!("{unit}/{d}");
                    end = e;
                }
                (Some(unit), p.kind, p.factor)
            }
            (None, None) if percent_of => (Some("%".to_string()), FigureKind::Percent, 1.0),
            (None, None) => (None, FigureKind::Number, 1.0),
        };
        if unit.is_none() && (!bare || q1.scaled && num.chinese && num.value == 0.0) {
            return None;
        }
        if unit.is_none() && !bare {
            return None;
        }
        let mut qualifier = self.units.qualifier_before(doc, start);
        if q1.over {
            qualifier = qualifier.or(Some(Qualifier::Over));
        }
        if let Some((qa, _)) = self.units.qualifier_after(doc, end) {
            qualifier = qualifier.or(Some(qa));
        }
        let value = tidy(value * factor);
        let value_max = value_max.map(|v| tidy(v * factor));
        if !value.is_finite() || value_max.is_some_and(|v| !v.is_finite()) {
            return None;
        }
        Some(FigureHit {
            start,
            end,
            value,
            value_max,
            unit,
            kind,
            qualifier,
        })
    }

    /// The second half of a range starting at `k`: connector, optional
    /// currency prefix, quantity and unit.
    fn range_tail(&self, doc: &Doc, start: usize, k: usize) -> Option<(Quantity, Option<UnitHit>)> {
        let mut j = k;
        if doc.char_at(j) == Some(' ') {
            j += 1;
        }
        let conn = doc.char_at(j)?;
        let ranged = matches!(conn, '-' | '~' | '–' | '—' | '至')
            || (conn == '到' && !change_before(doc, start));
        if ranged {
            j += 1;
        } else if doc.fslice(j, j + 3) == "to " && !change_before(doc, start) {
            j += 3;
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
        let num = if c.is_ascii_digit() {
            number::arabic(&doc.chars, j)?
        } else if number::is_chinese_numeral_start(c) {
            number::chinese(&doc.chars, j)?
        } else {
            return None;
        };
        let q = self.quantity(doc, num);
        let u = self.unit_after(doc, &q);
        Some((q, u))
    }
}

/// Rounds away binary noise of decimal arithmetic (10.38 * 1e8 =
/// 1038000000.0000001) by keeping 12 significant digits.
fn tidy(v: f64) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    format!("{v:.11e}").parse().unwrap_or(v)
}

/// True when a change ("from A to B", 从A到B) rather than a range is
/// written before character `start`.
fn change_before(doc: &Doc, start: usize) -> bool {
    let from = start.saturating_sub(12);
    let before = doc.fslice(from, start).to_ascii_lowercase();
    before.contains("from ") || before.contains('从') || before.contains('由')
}

fn skip_run(doc: &Doc, mut i: usize) -> usize {
    // skip a whole digit run that is not a number (too long, version...)
    let start = i;
    while i < doc.len() && (doc.chars[i].is_ascii_digit() || doc.chars[i] == '.') {
        i += 1;
    }
    i.max(start + 1)
}
