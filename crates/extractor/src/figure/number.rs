//! Numerals: Arabic (`18,000`, `1 234 567`, `3298.82`, full-width digits
//! arrive folded) and Chinese or mixed (`三千二百`, `两万`, `壹佰伍拾`,
//! `三点五`, `5万4千6百`, `五兆六十二亿`, `一百 五 十 二` when spaced).
//!
//! Owns: reading one numeral starting at a character index and returning its
//! value, its end and the scale it ends with (`30万` -> 1e4, for ranges).
//! Bounded work per numeral (at most 64 characters for Chinese; digit runs
//! over 40 digits or 40 groups are not numbers, values beyond f64 are
//! dropped).
//! Must not know: scales written after a number (scale.rs), units, context.

/// A numeral read from the text (character offsets).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Numeral {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    /// Written with Chinese numeral characters.
    pub chinese: bool,
    /// Has a decimal point.
    pub decimal: bool,
    /// The scale the numeral ends with (`30万` -> 1e4), else 1.
    pub mult: f64,
    /// A fraction (`五分之一`): no scale may follow.
    pub fraction: bool,
    /// Written in English words (`three`, `two hundred`).
    pub word: bool,
}

impl Numeral {
    pub(crate) fn word(&self) -> bool {
        self.word
    }
}

/// Longest digit run accepted as a number; longer runs are not figures.
const MAX_DIGITS: usize = 40;

/// Reads an Arabic numeral at `i` (`chars[i]` must be an ASCII digit).
/// Thousands separators are `,` followed by exactly three digits.
pub(crate) fn arabic(chars: &[char], i: usize) -> Option<Numeral> {
    let n = chars.len();
    let mut j = i;
    let mut digits = String::new();
    while j < n && chars[j].is_ascii_digit() {
        digits.push(chars[j]);
        j += 1;
    }
    // thousands groups
    while j + 3 < n
        && digits.len() <= MAX_DIGITS
        && chars[j] == ','
        && chars[j + 1..j + 4].iter().all(|c| c.is_ascii_digit())
        && !matches!(chars.get(j + 4), Some(c) if c.is_ascii_digit())
    {
        digits.extend(&chars[j + 1..j + 4]);
        j += 4;
    }
    // space-separated groups: 1 234 567, 40 000 (only after a short first group)
    if digits.len() <= 3 && j == i + digits.len() {
        while j + 4 <= n
            && digits.len() <= MAX_DIGITS
            && chars[j] == ' '
            && chars[j + 1..j + 4].iter().all(|c| c.is_ascii_digit())
            && !matches!(chars.get(j + 4), Some(c) if c.is_ascii_digit() || *c == ',')
        {
            digits.extend(&chars[j + 1..j + 4]);
            j += 4;
        }
    }
    if j + 3 == n && j < n && chars[j] == ',' && chars[j + 1..].iter().all(|c| c.is_ascii_digit()) {
        digits.extend(&chars[j + 1..]);
        j = n;
    }
    let mut decimal = false;
    if j + 1 < n && chars[j] == '.' && chars[j + 1].is_ascii_digit() {
        decimal = true;
        digits.push('.');
        j += 1;
        while j < n && chars[j].is_ascii_digit() {
            digits.push(chars[j]);
            j += 1;
        }
        // a second dot (11.6.2, 1.2.3) makes a version, not a number
        if j + 1 < n && chars[j] == '.' && chars[j + 1].is_ascii_digit() {
            return None;
        }
    }
    if digits.len() > MAX_DIGITS {
        return None;
    }
    let value: f64 = digits.parse().ok()?;
    value.is_finite().then_some(Numeral {
        start: i,
        end: j,
        value,
        chinese: false,
        decimal,
        mult: 1.0,
        fraction: false,
        word: false,
    })
}

/// Value of a Chinese digit character (folded: 兩 arrives as 两).
pub(crate) fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' | '幺' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

fn small_unit(c: char) -> Option<f64> {
    Some(match c {
        '十' | '拾' => 10.0,
        '百' | '佰' => 100.0,
        '千' | '仟' => 1000.0,
        _ => return None,
    })
}

/// True for characters a Chinese numeral may start with.
pub(crate) fn is_chinese_numeral_start(c: char) -> bool {
    chinese_digit(c).is_some() || small_unit(c).is_some()
}

fn big_unit(c: char) -> Option<f64> {
    Some(match c {
        '万' => 1e4,
        '亿' => 1e8,
        '兆' => 1e12,
        _ => return None,
    })
}

/// True for a character that continues a Chinese numeral (digit, unit, 点).
pub(crate) fn is_chinese_numeral_char(c: char) -> bool {
    is_chinese_numeral_start(c) || big_unit(c).is_some() || c == '点' || c == '俩'
}

/// Reads a Chinese or mixed numeral at `i` (`三千二百`, `5万4千6百`,
/// `1.2万亿`, `五兆六十二亿`, `四百亿点零五`). `stop(j)` is asked before a
/// unit character (十/百/千/万/亿/兆) is consumed: a measurement unit that
/// starts with one (千瓦, 兆瓦, 千克) ends the numeral there. With `spaced`,
/// single runs of spaces between numeral characters are read through
/// (`一百 五 十 二`). A digit run `Arabic` may open the numeral; the result
/// is `chinese` when its first character is a Chinese numeral.
/// `mult` is the scale the numeral ends with when it holds one digit group
/// (`30万` -> 1e4), else 1.
pub(crate) fn mixed(
    chars: &[char],
    i: usize,
    stop: &dyn Fn(usize) -> bool,
    spaced: bool,
) -> Option<Numeral> {
    let n = chars.len();
    let first = *chars.get(i)?;
    let chinese_start = !first.is_ascii_digit();
    let (mut total, mut last_big) = (0f64, f64::INFINITY);
    let (mut section, mut num): (f64, Option<f64>) = (0.0, None);
    let mut j = i;
    let mut end = i;
    let mut positional = String::new(); // 二〇二五
    let mut last_was_digit = false;
    let mut any = false;
    let mut last_unit = 0f64;
    let mut gap = false;
    let mut decimal = false;
    let mut atoms = 0usize;
    let mut first_atom = 0f64;
    let mut big_seen = false;
    let mut last_atom_chinese = true;
    let mut only_units = true;
    while j < n && j - i < 64 {
        let mut c = chars[j];
        // spaces inside a spaced numeral: only between numeral characters
        if c == ' ' && spaced && any {
            let mut k = j;
            while k < n && chars[k] == ' ' && k - j < 4 {
                k += 1;
            }
            match chars.get(k) {
                Some(&d)
                    if d.is_ascii_digit()
                        && matches!(
                            chars[j - 1],
                            '十' | '百' | '千' | '万' | '亿' | '拾' | '佰' | '仟'
                        )
                        && num.is_none() =>
                {
                    j = k;
                    continue;
                }
                Some(&d) if is_chinese_numeral_char(d) => {
                    let prev_chinese = chars[j - 1] != ' ' && !chars[j - 1].is_ascii_digit();
                    let next_unit = small_unit(d).is_some() || big_unit(d).is_some();
                    if !(prev_chinese || next_unit) {
                        break;
                    }
                    j = k;
                    c = d;
                }
                _ => break,
            }
        }
        if c.is_ascii_digit() {
            if num.is_some() || !positional.is_empty() {
                break;
            }
            let a = arabic(chars, j)?;
            num = Some(a.value);
            last_atom_chinese = false;
            decimal |= a.decimal;
            atoms += 1;
            if atoms == 1 {
                first_atom = a.value;
            }
            only_units = false;
            last_was_digit = false;
            any = true;
            j = a.end;
            end = j;
            continue;
        }
        let digit = match c {
            '俩' => Some(2),
            // 两 after a unit ends the numeral unless a unit follows (三十两 = 30 liang)
            '两' if any
                && !chars
                    .get(j + 1)
                    .is_some_and(|&d| small_unit(d).is_some() || big_unit(d).is_some()) =>
            {
                break
            }
            _ => chinese_digit(c),
        };
        if let Some(d) = digit {
            only_units &= d == 0;
            if d == 0 && positional.is_empty() && (section > 0.0 || total > 0.0) {
                num = None;
                gap = true;
                last_was_digit = false;
                any = true;
                j += 1;
                end = j;
                continue;
            }
            if last_was_digit {
                if positional.is_empty() {
                    let prev = num.unwrap_or(0.0) as u32;
                    positional.push(char::from_digit(prev, 10).unwrap_or('0'));
                }
                positional.push(char::from_digit(d, 10).unwrap_or('0'));
            } else if num.is_some() {
                break; // Arabic then a Chinese digit
            }
            num = Some(d as f64);
            last_atom_chinese = true;
            atoms += 1;
            if atoms == 1 {
                first_atom = d as f64;
            }
            last_was_digit = true;
        } else if let Some(u) = small_unit(c) {
            if !positional.is_empty() || stop(j) {
                break;
            }
            let k = match num {
                Some(v) if v == 0.0 && section == 0.0 && total == 0.0 => 1.0, // 零十
                Some(v) => v,
                None if section == 0.0 || c == '十' => 1.0,
                None => break,
            };
            if atoms == 0 {
                atoms = 1;
                first_atom = 1.0;
            }
            section += k * u;
            num = None;
            last_unit = u;
            gap = false;
            last_was_digit = false;
        } else if let Some(u) = big_unit(c) {
            if !positional.is_empty() || !any || stop(j) {
                break;
            }
            let v = section + num.unwrap_or(0.0);
            let v = if v == 0.0 && total == 0.0 { 1.0 } else { v };
            if u >= last_big || (v == 0.0 && total > 0.0) {
                total = (total + v) * u;
            } else {
                total += v * u;
            }
            last_big = u;
            big_seen = true;
            section = 0.0;
            num = None;
            last_unit = u;
            gap = false;
            last_was_digit = false;
        } else if c == '点'
            && any
            && positional.is_empty()
            && (chars
                .get(j + 1)
                .is_some_and(|&d| chinese_digit(d).is_some())
                || (spaced
                    && chars.get(j + 1) == Some(&' ')
                    && chars
                        .get(j + 2)
                        .is_some_and(|&d| chinese_digit(d).is_some())))
        {
            let int = total + section + colloquial(num.unwrap_or(0.0), last_unit, gap);
            let mut frac = String::from("0.");
            j += 1;
            while j < n && frac.len() < 40 {
                match chinese_digit(chars[j]) {
                    Some(d) => frac.push(char::from_digit(d, 10).unwrap_or('0')),
                    None if spaced && chars[j] == ' ' && frac.len() == 2 => {}
                    None => break,
                }
                j += 1;
            }
            let f: f64 = frac.parse().unwrap_or(0.0);
            let mut value = int + f;
            // 一点五万 = 15000
            if let Some(u) = chars.get(j).copied().and_then(big_unit) {
                if !stop(j) && total == 0.0 {
                    value *= u;
                    j += 1;
                }
            }
            return Some(Numeral {
                start: i,
                end: j,
                value,
                chinese: chinese_start,
                decimal: true,
                mult: 1.0,
                fraction: false,
                word: false,
            });
        } else {
            break;
        }
        any = true;
        j += 1;
        end = j;
    }
    if !any {
        return None;
    }
    let _ = only_units;
    let value = if !positional.is_empty() {
        // 五五折 (55%) is read positionally
        let discount = positional.len() == 2 && chars.get(end) == Some(&'折');
        if positional.len() < 4 && chinese_start && !discount {
            return None; // 唯一一家, 一二: words, not numbers
        }
        positional.parse().ok()?
    } else {
        let tail = num.unwrap_or(0.0);
        total
            + section
            + if last_atom_chinese {
                colloquial(tail, last_unit, gap)
            } else {
                tail
            }
    };
    let mult = if atoms == 1 && big_seen && first_atom > 0.0 && num.is_none() && section == 0.0 {
        value / first_atom
    } else {
        1.0
    };
    (end > i).then_some(Numeral {
        start: i,
        end,
        value,
        chinese: chinese_start,
        decimal,
        mult,
        fraction: false,
        word: false,
    })
}

/// A digit right after a unit (no 零 between) counts in tenths of that
/// unit: 四百五 = 450, 两千三 = 2300, 九万四 = 94000.
fn colloquial(num: f64, last_unit: f64, gap: bool) -> f64 {
    if num > 0.0 && last_unit >= 100.0 && !gap {
        num * last_unit / 10.0
    } else {
        num
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cs(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn arabic_numbers_with_separators_and_decimals() {
        let c = cs("18,000 PFLOPS");
        let n = arabic(&c, 0).unwrap();
        assert_eq!((n.value, n.end), (18000.0, 6));
        let c = cs("3298.82亿");
        assert_eq!(arabic(&c, 0).unwrap().value, 3298.82);
        let c = cs("1,2345");
        assert_eq!(arabic(&c, 0).unwrap().value, 1.0);
        let c = cs("11.6.2");
        assert!(arabic(&c, 0).is_none());
    }

    #[test]
    fn huge_digit_runs_are_not_numbers() {
        let c = vec!['9'; 500];
        assert!(arabic(&c, 0).is_none());
    }

    #[test]
    fn chinese_numerals() {
        for (s, v) in [
            ("三千二百", 3200.0),
            ("两万", 20000.0),
            ("一万二千", 12000.0),
            ("十二", 12.0),
            ("二十", 20.0),
            ("一百零五", 105.0),
            ("壹佰伍拾", 150.0),
            ("三千二百万", 32_000_000.0),
            ("三点五", 3.5),
            ("二〇二五", 2025.0),
            ("十万", 100_000.0),
            ("四百五", 450.0),
            ("九万四", 94_000.0),
            ("两千三点一", 2300.1),
            ("四万万", 4e8),
            ("一百零五", 105.0),
            ("一万零五", 10_005.0),
        ] {
            let c = cs(s);
            let n = mixed(&c, 0, &|_| false, false).unwrap();
            assert_eq!(n.value, v, "{s}");
            assert_eq!(n.end, c.len(), "{s}");
        }
    }
}
