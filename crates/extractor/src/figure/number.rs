//! Numerals: Arabic (`18,000`, `3298.82`, full-width digits arrive folded)
//! and Chinese (`三千二百`, `两万`, `壹佰伍拾`, `三点五`).
//!
//! Owns: reading one numeral starting at a character index and returning its
//! value and end. Bounded work per numeral (long digit runs are consumed in
//! one pass and give up on values beyond f64).
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
        && chars[j] == ','
        && chars[j + 1..j + 4].iter().all(|c| c.is_ascii_digit())
        && !matches!(chars.get(j + 4), Some(c) if c.is_ascii_digit())
    {
        digits.extend(&chars[j + 1..j + 4]);
        j += 4;
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

/// Reads a Chinese numeral at `i`. `万` and `亿` are read as part of the
/// numeral (`一万二千` = 12000); what follows is left to the scale parser.
pub(crate) fn chinese(chars: &[char], i: usize) -> Option<Numeral> {
    let n = chars.len();
    let (mut yi, mut wan, mut section, mut num) = (0f64, 0f64, 0f64, 0f64);
    let mut j = i;
    let mut positional = String::new(); // 二〇二五
    let mut last_was_digit = false;
    let mut any = false;
    // the unit just before a trailing digit: 四百五 = 450, 九万四 = 94000
    let mut last_unit = 0f64;
    let mut gap = false;
    while j < n && j - i < 32 {
        let c = chars[j];
        if let Some(d) = chinese_digit(c) {
            if d == 0 && positional.is_empty() && (section > 0.0 || wan > 0.0 || yi > 0.0) {
                // 一百零五: 零 only marks a gap
                num = 0.0;
                gap = true;
                last_was_digit = false;
                any = true;
                j += 1;
                continue;
            }
            if last_was_digit {
                if positional.is_empty() {
                    positional.push(char::from_digit(num as u32, 10).unwrap_or('0'));
                }
                positional.push(char::from_digit(d, 10).unwrap_or('0'));
            }
            num = d as f64;
            last_was_digit = true;
        } else if let Some(u) = small_unit(c) {
            if !positional.is_empty() {
                break;
            }
            let k = if num == 0.0 && (section == 0.0 || c == '十') {
                1.0
            } else {
                num
            };
            section += k * u;
            num = 0.0;
            last_unit = u;
            gap = false;
            last_was_digit = false;
        } else if c == '万' || c == '亿' {
            if !positional.is_empty() || !any {
                break;
            }
            // a numeral may not end in 万/亿 here when the scale parser can
            // read a longer scale (万亿): stop before it
            if c == '万' {
                let v = section + num;
                if v == 0.0 && wan > 0.0 {
                    wan *= 1e4; // 四万万 = 4e8
                } else {
                    wan = (if v == 0.0 { 1.0 } else { v }) * 1e4;
                }
                last_unit = 1e4;
            } else {
                let v = wan + section + num;
                yi = (yi + if v == 0.0 { 1.0 } else { v }) * 1e8;
                wan = 0.0;
                last_unit = 1e8;
            }
            gap = false;
            section = 0.0;
            num = 0.0;
            last_was_digit = false;
        } else if c == '点' && any && j + 1 < n && chinese_digit(chars[j + 1]).is_some() {
            // decimal part: digits read positionally
            let int = yi + wan + section + colloquial(num, last_unit, gap);
            let mut frac = String::from("0.");
            j += 1;
            while j < n && j - i < 40 {
                match chinese_digit(chars[j]) {
                    Some(d) => frac.push(char::from_digit(d, 10).unwrap_or('0')),
                    None => break,
                }
                j += 1;
            }
            let f: f64 = frac.parse().unwrap_or(0.0);
            return Some(Numeral {
                start: i,
                end: j,
                value: int + f,
                chinese: true,
                decimal: true,
            });
        } else {
            break;
        }
        any = true;
        j += 1;
    }
    if !any {
        return None;
    }
    let value = if !positional.is_empty() {
        if positional.len() < 4 {
            return None; // 唯一一家, 一二: words, not numbers
        }
        positional.parse().ok()?
    } else {
        yi + wan + section + colloquial(num, last_unit, gap)
    };
    Some(Numeral {
        start: i,
        end: j,
        value,
        chinese: true,
        decimal: false,
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
            let n = chinese(&c, 0).unwrap();
            assert_eq!(n.value, v, "{s}");
            assert_eq!(n.end, c.len(), "{s}");
        }
    }
}
