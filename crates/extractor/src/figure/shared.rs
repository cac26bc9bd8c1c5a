//! Figures whose unit is written once for several numbers.
//!
//! Owns: a slash list (`65.21/128.60/196.35亿元`: every number takes the
//! scale and unit of the last), a table row whose label names its unit
//! (`营业收入(百万元) 1,174 7,280`, `Revenue ($M) 512 688`, `市盈率(倍) 260.95`),
//! and the rows under a caption that names one (`（单位：亿元）`). A row is a
//! line of a label and two or more cells separated by white space; a cell is
//! a bare number or a placeholder (`—`, `N/A`, `扭亏`). Cells that carry their
//! own unit (`65.56%`) are left to the main scan.
//! Must not know: how the cleaner laid the table out beyond that line shape;
//! entities; sentences.

use super::number::{self, Numeral};
use super::{FigureHit, FigureKind, FigureRules};
use crate::text::Doc;

/// A unit written once: the scale and unit every number it governs takes.
#[derive(Debug, Clone)]
struct SharedUnit {
    mult: f64,
    unit: String,
    kind: FigureKind,
}

/// Cells that hold no number but keep a row a row.
const PLACEHOLDERS: &[&str] = &[
    "—",
    "–",
    "-",
    "--",
    "——",
    "/",
    "n/a",
    "na",
    "nm",
    "n.m.",
    "n.a.",
    "扭亏",
    "扭亏为盈",
    "亏损",
    "不适用",
    "*",
];

/// Row labels that measure a change or a ratio: a caption's money unit does
/// not apply to them.
const RATIO_LABELS: &[&str] = &[
    "增长", "增速", "增幅", "增减", "率", "比", "growth", "margin", "yoy", "change", "%", "ratio",
];

/// Labels of a per-share row: a currency unit there is per share.
const PER_SHARE_LABELS: &[&str] = &["每股", "eps", "per share", "dps", "bps"];

/// How many lines a caption's unit may govern.
const CAPTION_REACH: usize = 16;

/// A table cell that is a signed or plain percentage (`+17%`, `-18%`,
/// `4.5%`).
fn is_change_cell(t: &str) -> bool {
    let body = t.trim_start_matches(['+', '-', '−']).strip_suffix('%');
    body.is_some_and(|b| {
        !b.is_empty()
            && b.bytes()
                .all(|c| c.is_ascii_digit() || c == b'.' || c == b',')
    })
}

impl FigureRules {
    /// The figures of a slash list starting with `first` (`A/B/C亿元`), when
    /// the last number has a unit: each earlier number takes its scale and
    /// unit. `None` when `first` starts no such list, or it reads as a
    /// fraction (`1/2英寸`).
    pub(super) fn slash_list(
        &self,
        doc: &Doc,
        first: &Numeral,
        floor: usize,
    ) -> Option<Vec<FigureHit>> {
        let mut items = vec![*first];
        let mut k = first.end;
        while doc.char_at(k) == Some('/') && doc.char_at(k + 1).is_some_and(|c| c.is_ascii_digit())
        {
            let next = number::arabic(&doc.chars, k + 1)?;
            k = next.end;
            items.push(next);
        }
        let last = *items.last()?;
        if items.len() < 2 || items.iter().any(|n| n.chinese || n.word()) {
            return None;
        }
        let fraction_like = items.len() == 2
            && !items[0].decimal
            && !items[1].decimal
            && items[0].value < items[1].value;
        if fraction_like || last.value == 0.0 {
            return None;
        }
        let mut tail = self.figure_at(doc, last, false, floor)?;
        let mut unit = tail.unit.clone()?;
        if tail.start != last.start || tail.value_max.is_some() || !tail.value.is_finite() {
            return None;
        }
        // `EPS分别为1.30/1.83/2.51元`: the cue stands before the first item
        let plain_money = tail.kind == FigureKind::Currency && !unit.contains('/');
        if plain_money
            && tail.value < self.share.ceiling(&unit)
            && self.share_price_before(doc, first.start)
        {
            unit = format!("{unit}/share");
            tail.unit = Some(unit.clone());
        }
        let mult = tail.value / last.value;
        let mut out: Vec<FigureHit> = items[..items.len() - 1]
            .iter()
            .map(|n| hit(n.start, n.end, n.value * mult, &unit, tail.kind))
            .collect();
        out.push(tail);
        Some(out)
    }

    /// Figures for the bare-number cells of table rows whose unit is written
    /// in the row's label or in a caption above; `found` holds the figures
    /// already read, which no cell may overlap.
    pub(super) fn table_cells(&self, doc: &Doc, found: &[FigureHit]) -> Vec<FigureHit> {
        let mut out = Vec::new();
        let mut caption: Option<(SharedUnit, usize)> = None;
        let mut line_start = 0usize;
        while line_start < doc.len() {
            let line_end = line_end(doc, line_start);
            if let Some(u) = self.caption_unit(doc, line_start, line_end) {
                caption = Some((u, 0));
            } else if let Some(row) = self.row(doc, line_start, line_end) {
                let label = doc.fslice(row.label.0, row.label.1).to_lowercase();
                let unit = match &row.unit {
                    Some(u) => Some(u.clone()),
                    None => caption
                        .as_ref()
                        .filter(|_| !RATIO_LABELS.iter().any(|w| label.contains(w)))
                        .map(|(u, _)| u.clone()),
                };
                if let Some(mut u) = unit {
                    if u.kind == FigureKind::Currency
                        && !u.unit.contains('/')
                        && PER_SHARE_LABELS.iter().any(|w| label.contains(w))
                    {
                        u.unit = format!("{}/share", u.unit);
                    }
                    // a header row of years is no row of figures
                    let header = row.cells.iter().all(|c| c.year);
                    for c in row.cells.iter().filter(|_| !header) {
                        let taken = found.iter().any(|f| f.start < c.end && c.start < f.end);
                        if !taken {
                            out.push(hit(c.start, c.end, c.value * u.mult, &u.unit, u.kind));
                        }
                    }
                }
            } else if let Some((_, seen)) = caption.as_mut() {
                // a header row or a note may sit between caption and rows;
                // prose ends the table
                *seen += 1;
                let prose = doc.chars[line_start..line_end]
                    .iter()
                    .any(|c| matches!(c, '。' | '!' | '?' | ';'));
                if prose || *seen > CAPTION_REACH {
                    caption = None;
                }
            }
            line_start = line_end + 1;
        }
        out
    }

    /// Figures for the bare-number cells of rows under a header row whose
    /// cells name their own unit in brackets (`公司 代码 营收（亿元） 同比
    /// 净利润（亿元）`): a row with as many space-separated cells takes, in
    /// each column, the unit its header names. `found` holds the figures
    /// already read, which no cell may overlap.
    pub(super) fn column_cells(&self, doc: &Doc, found: &[FigureHit]) -> Vec<FigureHit> {
        let mut out = Vec::new();
        let mut header: Vec<Option<SharedUnit>> = Vec::new();
        let mut line_start = 0usize;
        while line_start < doc.len() {
            let line_end = line_end(doc, line_start);
            let cells = tokens(doc, line_start, line_end);
            let units: Vec<Option<SharedUnit>> = if cells.len() >= 3 {
                cells
                    .iter()
                    .map(|&(s, e)| self.bracketed_unit(doc, s, e))
                    .collect()
            } else {
                Vec::new()
            };
            if units.iter().any(Option::is_some) {
                header = units;
            } else if !header.is_empty() && cells.len() == header.len() {
                for (&(s, e), unit) in cells.iter().zip(&header) {
                    // a bare number, unsigned or negative (`17.27`, `-3.46`)
                    let number = (doc.chars[s] != '+')
                        .then(|| cell_number(doc, s, e))
                        .flatten();
                    let (Some(u), Some(Cell { value: v, .. })) = (unit, number) else {
                        continue;
                    };
                    if !found.iter().any(|f| f.start < e && s < f.end) {
                        out.push(hit(s, e, v * u.mult, &u.unit, u.kind));
                    }
                }
            } else {
                header.clear();
            }
            line_start = line_end + 1;
        }
        out
    }

    /// The unit a header cell names in brackets at its end, after a label
    /// of its own (`营收（亿元）`, `Revenue(US$m)`).
    fn bracketed_unit(&self, doc: &Doc, s: usize, e: usize) -> Option<SharedUnit> {
        if e < s + 4 || doc.chars[e - 1] != ')' || doc.chars[s] == '(' {
            return None;
        }
        let mut u = self.label_unit(doc, s, e)?;
        // `目標價(港元)`, `EPS (US$)`: a price per share
        let label = doc.fslice(s, e).to_lowercase();
        if u.kind == FigureKind::Currency
            && !u.unit.contains('/')
            && (PER_SHARE_LABELS.iter().any(|w| label.contains(w))
                || self.share.cue.iter().any(|w| label.contains(w.as_str())))
        {
            u.unit = format!("{}/share", u.unit);
        }
        Some(u)
    }

    /// The unit a caption line names: `（单位：亿元）`, `單位：千片`, `Unit: US$ million`.
    fn caption_unit(&self, doc: &Doc, s: usize, e: usize) -> Option<SharedUnit> {
        let lower = doc.fslice(s, e).to_ascii_lowercase();
        let Some((at, word)) = ["单位:", "单位 :", "unit:", "units:"]
            .iter()
            .find_map(|w| lower.find(w).map(|b| (b, w.len())))
        else {
            return self.numbered_caption_unit(doc, s, e, &lower);
        };
        let mut k = doc.fchar(doc.fbyte(s) + at + word);
        while doc.char_at(k) == Some(' ') {
            k += 1;
        }
        let stop = (k..e)
            .find(|&j| matches!(doc.chars[j], ')' | ',' | ';' | '、'))
            .unwrap_or(e);
        self.unit_text(doc, k, stop)
    }

    /// A numbered table's caption that ends with its unit in brackets
    /// (`Table 3: Packaging capex, 2024-2026E (US$ billion)`, `表2：营收
    /// （亿元）`).
    fn numbered_caption_unit(
        &self,
        doc: &Doc,
        s: usize,
        e: usize,
        lower: &str,
    ) -> Option<SharedUnit> {
        let numbered = ["table", "exhibit", "figure", "表", "图"].iter().any(|w| {
            lower
                .strip_prefix(w)
                .is_some_and(|rest| rest.trim_start().starts_with(|c: char| c.is_ascii_digit()))
        });
        let mut end = e;
        while end > s && doc.chars[end - 1] == ' ' {
            end -= 1;
        }
        if !numbered || !matches!(doc.char_at(end.wrapping_sub(1)), Some(')' | '）')) {
            return None;
        }
        let open = (s..end - 1)
            .rev()
            .find(|&j| matches!(doc.chars[j], '(' | '（'))?;
        self.unit_text(doc, open + 1, end - 1)
    }

    /// The unit written alone in `k..stop` (`百万元`, `$M`, `倍`, `%`), read
    /// as if a 1 stood before it.
    fn unit_text(&self, doc: &Doc, k: usize, stop: usize) -> Option<SharedUnit> {
        let mut stop = stop;
        while stop > k && doc.chars[stop - 1] == ' ' {
            stop -= 1;
        }
        if stop <= k || stop - k > 12 {
            return None;
        }
        // a currency sign first (`$M`, `US$ million`, `NT$億元`): the scale
        // and any unit word follow it
        let mut at = k;
        let mut prefix = None;
        for j in (k + 1)..stop {
            if let Some((p, b)) = self.units.prefix_before(doc, j) {
                if b == k && p.kind == FigureKind::Currency {
                    prefix = Some(p);
                    at = j;
                }
            }
        }
        while at < stop && doc.chars[at] == ' ' {
            at += 1;
        }
        let one = Numeral {
            start: at,
            end: at,
            value: 1.0,
            chinese: false,
            decimal: false,
            mult: 1.0,
            fraction: false,
            word: false,
        };
        let q = self.quantity(doc, one, false);
        let unit = self.unit_after(doc, &q, false);
        let end = unit.as_ref().map_or(q.end, |u| u.end);
        if end != stop {
            return None;
        }
        match (unit, prefix) {
            // `NT$億元`: the sign names the currency of 元
            (Some(u), Some(p)) if u.kind == FigureKind::Currency => Some(SharedUnit {
                mult: q.value * u.factor,
                unit: p.unit,
                kind: p.kind,
            }),
            (Some(u), None) => Some(SharedUnit {
                mult: q.value * u.factor,
                unit: u.unit,
                kind: u.kind,
            }),
            (None, Some(p)) => Some(SharedUnit {
                mult: q.value,
                unit: p.unit,
                kind: p.kind,
            }),
            _ => None,
        }
    }

    /// A table row in `s..e`: a label, then two or more cells of bare
    /// numbers or placeholders. Its unit is the label's last bracket when
    /// that names one.
    fn row(&self, doc: &Doc, s: usize, e: usize) -> Option<Row> {
        let tokens = tokens(doc, s, e);
        // cells from the right while they are numbers or placeholders
        let mut cells = Vec::new();
        let mut numbers = 0;
        let mut first_cell = tokens.len();
        for (i, &(b, t)) in tokens.iter().enumerate().rev() {
            match cell_number(doc, b, t) {
                Some(c) => {
                    cells.push(c);
                    numbers += 1;
                }
                None if PLACEHOLDERS.contains(&doc.fslice(b, t).to_lowercase().as_str()) => {}
                // a change column (`+17%`, `-18%`) is read as a percent
                // elsewhere; the amounts before it are still the row's
                None if is_change_cell(doc.fslice(b, t)) => {}
                None => break,
            }
            first_cell = i;
        }
        let cells_are_the_row = numbers >= 2 && first_cell > 0;
        if !cells_are_the_row {
            return None;
        }
        let label = (tokens[0].0, tokens[first_cell - 1].1);
        let has_words = doc.chars[label.0..label.1]
            .iter()
            .any(|c| c.is_alphabetic());
        if !has_words || label.1 - label.0 > 40 {
            return None;
        }
        cells.reverse();
        let unit = self.label_unit(doc, label.0, label.1);
        Some(Row { label, unit, cells })
    }

    /// The unit in a label's last bracket: `营业收入(百万元)`, `Revenue ($M)`,
    /// `EPS (KRW) - new`.
    fn label_unit(&self, doc: &Doc, s: usize, e: usize) -> Option<SharedUnit> {
        let close = (s..e).rev().find(|&j| doc.chars[j] == ')')?;
        let open = (s..close).rev().find(|&j| doc.chars[j] == '(')?;
        self.unit_text(doc, open + 1, close)
    }
}

/// A figure that takes a unit written elsewhere.
/// Where the line starting at char `start` ends (its `\n`, or the end).
fn line_end(doc: &Doc, start: usize) -> usize {
    doc.chars[start..]
        .iter()
        .position(|&c| c == '\n')
        .map_or(doc.len(), |p| start + p)
}

/// The white-space-separated tokens of `s..e` (a row's cells), as char
/// ranges.
fn tokens(doc: &Doc, s: usize, e: usize) -> Vec<(usize, usize)> {
    let mut tokens = Vec::new();
    let mut k = s;
    while k < e {
        while k < e && doc.chars[k].is_whitespace() {
            k += 1;
        }
        let b = k;
        while k < e && !doc.chars[k].is_whitespace() {
            k += 1;
        }
        if k > b {
            tokens.push((b, k));
        }
    }
    tokens
}

fn hit(start: usize, end: usize, value: f64, unit: &str, kind: FigureKind) -> FigureHit {
    FigureHit {
        start,
        end,
        value,
        value_max: None,
        unit: Some(unit.to_string()),
        kind,
        qualifier: None,
        inner: None,
    }
}

/// One table row: the label's span, the unit it names, its number cells.
struct Row {
    label: (usize, usize),
    unit: Option<SharedUnit>,
    cells: Vec<Cell>,
}

/// A bare-number cell.
struct Cell {
    start: usize,
    end: usize,
    value: f64,
    /// A four-digit whole number that may be a year (a header row).
    year: bool,
}

/// The cell in `s..e` when it is one bare number (`1,174`, `-452`, `0.53`).
fn cell_number(doc: &Doc, s: usize, e: usize) -> Option<Cell> {
    let negative = matches!(doc.chars[s], '-' | '−');
    let k = if negative || doc.chars[s] == '+' {
        s + 1
    } else {
        s
    };
    if !doc.char_at(k).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let num = number::arabic(&doc.chars[..e], k)?;
    if num.end != e {
        return None;
    }
    let year = !num.decimal && e - k == 4 && (1900.0..=2100.0).contains(&num.value);
    Some(Cell {
        start: s,
        end: e,
        value: if negative { -num.value } else { num.value },
        year,
    })
}

#[cfg(test)]
mod tests {
    use crate::Extractor;

    fn figures(text: &str) -> Vec<(String, f64, String)> {
        let ex = Extractor::bundled().expect("bundled config loads");
        ex.extract(text, &[])
            .into_iter()
            .filter_map(|f| match f {
                model::Fact::Figure {
                    surface,
                    value,
                    unit,
                    ..
                } => Some((surface, value, unit)),
                _ => None,
            })
            .collect()
    }

    fn has(got: &[(String, f64, String)], surface: &str, value: f64, unit: &str) -> bool {
        got.iter().any(|(s, v, u)| {
            s == surface && (v - value).abs() <= value.abs() * 1e-9 + 1e-9 && u == unit
        })
    }

    #[test]
    fn a_slash_list_shares_the_last_numbers_scale_and_unit() {
        let got = figures(
            "预计营业收入分别为65.21/128.60/196.35亿元，EPS分别为4.99/10.08元/股，对应EPS分别为1.30/1.83元。",
        );
        assert!(has(&got, "65.21", 6.521e9, "CNY"), "{got:?}");
        assert!(has(&got, "128.60", 1.286e10, "CNY"), "{got:?}");
        assert!(has(&got, "196.35亿元", 1.9635e10, "CNY"), "{got:?}");
        assert!(has(&got, "4.99", 4.99, "CNY/share"), "{got:?}");
        assert!(has(&got, "1.30", 1.3, "CNY/share"), "{got:?}");
        assert!(has(&got, "1.83元", 1.83, "CNY/share"), "{got:?}");
    }

    #[test]
    fn an_amount_listed_after_a_price_per_share_is_one_too() {
        let got = figures("对应EPS分别为4.93元、9.42元、14.64元。营收为5元、6元。");
        assert!(has(&got, "9.42元", 9.42, "CNY/share"), "{got:?}");
        assert!(has(&got, "14.64元", 14.64, "CNY/share"), "{got:?}");
        assert!(has(&got, "6元", 6.0, "CNY"), "{got:?}");
    }

    #[test]
    fn a_fraction_or_a_date_is_no_slash_list() {
        let got = figures("屏幕为1/2英寸，发布于2025/11/17。");
        assert!(!got.iter().any(|(s, _, _)| s == "1"), "{got:?}");
        assert!(
            !got.iter().any(|(s, _, _)| s.starts_with("2025")),
            "{got:?}"
        );
    }

    #[test]
    fn a_row_label_names_the_unit_of_its_cells() {
        let got = figures(
            "指标 2024A 2025E 2026E\n营业收入(百万元) 1,174 7,280 12,850\n同比增长 65.56% 520.10% 76.51%\n每股收益(元) -1.08 4.93 9.42\n市盈率(倍) — 260.95 136.57\nRevenue ($M) 512 688 901\nEPS (KRW) - new 47,900 61,200\nEPS（元/股） -1.08 4.99",
        );
        assert!(has(&got, "1,174", 1.174e9, "CNY"), "{got:?}");
        assert!(has(&got, "12,850", 1.285e10, "CNY"), "{got:?}");
        assert!(has(&got, "-1.08", -1.08, "CNY/share"), "{got:?}");
        assert!(has(&got, "260.95", 260.95, "x"), "{got:?}");
        assert!(has(&got, "688", 6.88e8, "USD"), "{got:?}");
        assert!(has(&got, "65.56%", 65.56, "%"), "{got:?}");
        assert!(has(&got, "61,200", 61200.0, "KRW/share"), "{got:?}");
        assert!(has(&got, "4.99", 4.99, "CNY/share"), "{got:?}");
    }

    #[test]
    fn a_caption_unit_governs_the_rows_below_until_prose() {
        let got = figures(
            "两家公司主要财务数据（单位：亿元）\n项目 2022 2023 2024\n甲公司营业收入 1.24 4.38 7.85\n甲公司毛利率 12.5 30.1 55.6\n以上数据来自招股书。\n乙公司营业收入 0.53 7.43 12.36",
        );
        assert!(has(&got, "4.38", 4.38e8, "CNY"), "{got:?}");
        // a ratio row and the years of the header take no money unit
        assert!(
            !got.iter().any(|(s, _, _)| s == "30.1" || s == "2023"),
            "{got:?}"
        );
        // prose ended the table
        assert!(!got.iter().any(|(s, _, _)| s == "7.43"), "{got:?}");
    }

    #[test]
    fn a_numbered_captions_bracketed_unit_and_a_change_column() {
        let got = figures(
            "Table 3: Packaging capex, 2024-2026E (US$ billion)\nMaker 2024 2025E 2026E YoY\nAcme 3.1 4.4 5.2 +18%\nBolt Packaging 2.6 2.2 1.9 -14%",
        );
        assert!(has(&got, "4.4", 4.4e9, "USD"), "{got:?}");
        assert!(has(&got, "1.9", 1.9e9, "USD"), "{got:?}");
        // an unnumbered line ending in brackets is no caption
        let got = figures("Spending by maker (US$ billion)\nAcme 3.1 4.4 5.2");
        assert!(!got.iter().any(|(s, _, _)| s == "4.4"), "{got:?}");
    }

    #[test]
    fn numbers_in_prose_lines_are_no_cells() {
        let got = figures("公司营收 12 亿元，员工 300 人。\n排名 1 2 3");
        assert!(!got.iter().any(|(s, _, _)| s == "2" || s == "3"), "{got:?}");
    }
}
