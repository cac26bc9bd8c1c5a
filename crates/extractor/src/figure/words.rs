//! English numbers written in words, alone or mixed with digits:
//! `two hundred and five`, `twenty-one trillion and three hundred`,
//! `4 thousand 3 hundred and 21`, `two thirds`, `a dozen`,
//! `five and a half million`, `nought point nought three`, `1 over 3`.
//!
//! Owns: the English number-word lexicon and the cardinal / fraction /
//! decimal grammar over it. Bounded work: at most [`MAX_WORDS`] words are
//! read per numeral.
//! Must not know: signs, units, scales written as letters (K/M/B), context.

use super::number::{self, Numeral};

const MAX_WORDS: usize = 24;

#[derive(Debug, Clone, Copy, PartialEq)]
enum W {
    /// 0..19 (or an Arabic number, `digits = true`)
    Unit(f64, bool),
    Tens(f64),
    Hundred,
    Scale(f64),
    Dozen,
    /// An ordinal used as a denominator: (value, plural)
    Ord(f64, bool),
    Half(bool),
    Quarter(bool),
    And,
    A,
    Point,
    Over,
    Of,
    In,
}

/// One word: kind, start, end (characters), joined to the next by a hyphen.
#[derive(Debug, Clone, Copy)]
struct Tok {
    w: W,
    end: usize,
    hyphen: bool,
}

fn unit_word(s: &str) -> Option<f64> {
    Some(match s {
        "zero" | "nought" | "naught" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        _ => return None,
    })
}

fn tens_word(s: &str) -> Option<f64> {
    Some(match s {
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" | "fourty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

fn scale_word(s: &str) -> Option<f64> {
    Some(match s {
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        "trillion" => 1e12,
        "lakh" | "lakhs" => 1e5,
        "crore" | "crores" => 1e7,
        _ => return None,
    })
}

fn ordinal_word(s: &str) -> Option<(f64, bool)> {
    let (stem, plural) = match s.strip_suffix('s') {
        Some(st) if st.ends_with("th") || st.ends_with("rd") || st.ends_with("st") => (st, true),
        _ => (s, false),
    };
    let v = match stem {
        "third" => 3.0,
        "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        "eleventh" => 11.0,
        "twelfth" => 12.0,
        "thirteenth" => 13.0,
        "fourteenth" => 14.0,
        "fifteenth" => 15.0,
        "sixteenth" => 16.0,
        "seventeenth" => 17.0,
        "eighteenth" => 18.0,
        "nineteenth" => 19.0,
        "twentieth" => 20.0,
        "thirtieth" => 30.0,
        "fortieth" => 40.0,
        "fiftieth" => 50.0,
        "sixtieth" => 60.0,
        "seventieth" => 70.0,
        "eightieth" => 80.0,
        "ninetieth" => 90.0,
        "hundredth" => 100.0,
        "thousandth" => 1e3,
        "millionth" => 1e6,
        "billionth" => 1e9,
        "trillionth" => 1e12,
        // "first"/"second" only as the last part of a compound (twenty-first)
        "first" => 1.0,
        "second" => 2.0,
        _ => return None,
    };
    Some((v, plural))
}

fn classify(s: &str) -> Option<W> {
    if let Some(v) = unit_word(s) {
        return Some(W::Unit(v, false));
    }
    if let Some(v) = tens_word(s) {
        return Some(W::Tens(v));
    }
    if let Some(v) = scale_word(s) {
        return Some(W::Scale(v));
    }
    Some(match s {
        "hundred" | "hundreds" => W::Hundred,
        "dozen" | "dozens" | "doz" | "dozs" => W::Dozen,
        "half" => W::Half(false),
        "halves" => W::Half(true),
        "quarter" => W::Quarter(false),
        "quarters" => W::Quarter(true),
        "and" => W::And,
        "a" | "an" => W::A,
        "point" => W::Point,
        "over" => W::Over,
        "of" => W::Of,
        "in" => W::In,
        _ => return ordinal_word(s).map(|(v, p)| W::Ord(v, p)),
    })
}

/// The lower-cased ASCII word at `i` (at most 12 letters) and its end.
fn word_at(chars: &[char], i: usize, buf: &mut [u8; 12]) -> Option<(usize, usize)> {
    let mut n = 0;
    let mut j = i;
    while j < chars.len() && chars[j].is_ascii_alphabetic() {
        if n == buf.len() {
            return None;
        }
        buf[n] = chars[j].to_ascii_lowercase() as u8;
        n += 1;
        j += 1;
    }
    (n > 0).then_some((n, j))
}

/// True when the word at `i` may start an English numeral (fast check:
/// most words are rejected by their first letter, without allocating).
pub(crate) fn starts_word_number(chars: &[char], i: usize) -> bool {
    if i > 0 && chars[i - 1].is_ascii_alphanumeric() {
        return false;
    }
    // first letters of zero..ninety, a/an, half, quarter, nought
    if !matches!(
        chars[i].to_ascii_lowercase(),
        'z' | 'n' | 'o' | 't' | 'f' | 's' | 'e' | 'a' | 'h' | 'q'
    ) {
        return false;
    }
    let mut buf = [0u8; 12];
    let Some((n, j)) = word_at(chars, i, &mut buf) else {
        return false;
    };
    let Ok(s) = std::str::from_utf8(&buf[..n]) else {
        return false;
    };
    match classify(s) {
        Some(W::Unit(..) | W::Tens(_) | W::Half(_) | W::Quarter(_)) => true,
        // "a"/"an" only before a number word: a hundred, a dozen, a half
        Some(W::A) => {
            let mut k = j;
            while k < chars.len() && chars[k] == ' ' && k - j < 3 {
                k += 1;
            }
            if k == j || k >= chars.len() || !chars[k].is_ascii_alphabetic() {
                return false;
            }
            let mut buf2 = [0u8; 12];
            let Some((n2, _)) = word_at(chars, k, &mut buf2) else {
                return false;
            };
            std::str::from_utf8(&buf2[..n2])
                .ok()
                .and_then(classify)
                .is_some_and(|w| {
                    matches!(
                        w,
                        W::Hundred
                            | W::Scale(_)
                            | W::Dozen
                            | W::Half(_)
                            | W::Quarter(_)
                            | W::Ord(..)
                            | W::Tens(_)
                            | W::Unit(..)
                    )
                })
        }
        _ => false,
    }
}

/// Reads up to MAX_WORDS words (letters or Arabic numbers) from `i`.
fn tokens(chars: &[char], i: usize) -> Vec<Tok> {
    let n = chars.len();
    let mut out: Vec<Tok> = Vec::new();
    let mut j = i;
    let mut buf = String::new();
    while j < n && out.len() < MAX_WORDS {
        let s = j;
        let w = if chars[j].is_ascii_digit() {
            match number::arabic(chars, j) {
                Some(a) => {
                    j = a.end;
                    W::Unit(a.value, true)
                }
                None => break,
            }
        } else {
            buf.clear();
            while j < n && chars[j].is_ascii_alphabetic() && buf.len() <= 12 {
                buf.push(chars[j].to_ascii_lowercase());
                j += 1;
            }
            if j < n && chars[j].is_ascii_alphabetic() {
                break;
            }
            match classify(&buf) {
                Some(w) => w,
                None => break,
            }
        };
        if s == j {
            break;
        }
        let mut tok = Tok {
            w,
            end: j,
            hyphen: false,
        };
        // separators: spaces, or a hyphen with optional spaces
        let mut k = j;
        while k < n && chars[k] == ' ' && k - j < 3 {
            k += 1;
        }
        if k < n && chars[k] == '-' {
            let mut m = k + 1;
            while m < n && chars[m] == ' ' && m - k < 3 {
                m += 1;
            }
            if m < n && chars[m].is_ascii_alphabetic() {
                tok.hyphen = true;
                k = m;
            }
        }
        out.push(tok);
        if k == j || k >= n || !(chars[k].is_ascii_alphanumeric()) {
            break;
        }
        j = k;
    }
    out
}

/// A cardinal from token `k`: (value, next token, last scale word value,
/// number of digit groups, value of the first group).
struct Cardinal {
    value: f64,
    next: usize,
    /// the last word was a scale (million): its value
    tail_scale: f64,
}

fn cardinal(t: &[Tok], mut k: usize, allow_a: bool) -> Option<Cardinal> {
    let (mut total, mut current) = (0f64, 0f64);
    let mut any = false;
    // what the previous word was: 0 start, 1 unit(<10 or teen), 2 tens, 3 hundred, 4 scale, 5 digits
    let mut prev = 0u8;
    let mut last_good: Option<(f64, usize, f64)> = None;
    // scales fall as a cardinal goes on (two million three hundred
    // thousand); one as large as an earlier one starts another number
    // (`1.5 million and 2 million` is two amounts, not 3.5 million)
    let mut smallest_scale = f64::INFINITY;
    let mut at_last_scale: Option<(f64, usize, f64)> = None;
    let mut a = false;
    while k < t.len() {
        let tok = t[k];
        match tok.w {
            W::A if !any && allow_a && !a => {
                a = true;
                k += 1;
                continue;
            }
            W::Unit(v, digits) => {
                if a {
                    return None;
                }
                let ok = match prev {
                    0 | 3 | 4 => true,
                    2 => !digits && v < 10.0 && v > 0.0,
                    _ => false,
                };
                if !ok {
                    break;
                }
                // a tens word hyphen-joined to an ordinal is a denominator
                current += v;
                prev = if digits { 5 } else { 1 };
            }
            W::Tens(v) => {
                if a || !matches!(prev, 0 | 3 | 4) {
                    break;
                }
                if tok.hyphen && t.get(k + 1).is_some_and(|n| matches!(n.w, W::Ord(..))) && any {
                    break;
                }
                current += v;
                prev = 2;
            }
            W::Hundred => {
                if prev == 3 || (prev == 0 && !a) {
                    break;
                }
                current = if current == 0.0 { 1.0 } else { current } * 100.0;
                prev = 3;
                a = false;
            }
            W::Scale(s) => {
                if prev == 0 && !a {
                    break;
                }
                if prev != 4 && s >= smallest_scale {
                    last_good = at_last_scale;
                    break;
                }
                if prev == 4 {
                    // three lakh crore
                    total = (total + current) * s;
                } else {
                    total += (if current == 0.0 { 1.0 } else { current }) * s;
                }
                current = 0.0;
                prev = 4;
                a = false;
                any = true;
                k += 1;
                last_good = Some((total, k, s));
                at_last_scale = last_good;
                smallest_scale = smallest_scale.min(s);
                continue;
            }
            W::And if any && matches!(prev, 3 | 4) => {
                // "and" joins only when a unit/tens/digits follows directly
                match t.get(k + 1).map(|x| x.w) {
                    Some(W::Unit(v, digits)) if digits && (v == 0.0 || v.fract() != 0.0) => break,
                    Some(W::Unit(..) | W::Tens(_)) => {
                        // after a scale, not when that starts a fraction:
                        // "six million and two thirds"
                        let frac = prev == 4
                            && t[k + 2..].iter().take(2).any(|x| {
                                matches!(x.w, W::Ord(_, true) | W::Half(true) | W::Quarter(true))
                            });
                        if frac {
                            break;
                        }
                        k += 1;
                        continue;
                    }
                    _ => break,
                }
            }
            _ => break,
        }
        any = true;
        k += 1;
        last_good = Some((total + current, k, 1.0));
    }
    let (value, next, tail_scale) = last_good?;
    Some(Cardinal {
        value,
        next,
        tail_scale,
    })
}

/// A fraction from token `k`: `a half`, `two thirds`, `a quarter`,
/// `three twenty-firsts`. Returns (value, next).
fn fraction(t: &[Tok], k: usize) -> Option<(f64, usize)> {
    let (num, mut j) = match t.get(k)?.w {
        W::A => (1.0, k + 1),
        W::Unit(..) | W::Tens(_) => {
            let c = cardinal(t, k, false)?;
            (c.value, c.next)
        }
        W::Half(_) | W::Quarter(_) => (1.0, k),
        _ => return None,
    };
    let den = match t.get(j)?.w {
        W::Half(_) => 2.0,
        W::Quarter(_) => 4.0,
        W::Ord(v, _) => v,
        W::Tens(tv)
            if t[j].hyphen
                || t.get(j + 1)
                    .is_some_and(|x| matches!(x.w, W::Ord(o, _) if o < 10.0)) =>
        {
            match t.get(j + 1)?.w {
                W::Ord(o, _) if o < 10.0 => {
                    j += 1;
                    tv + o
                }
                _ => return None,
            }
        }
        W::Hundred => return None,
        _ => return None,
    };
    if den < 2.0 {
        return None;
    }
    Some((num / den, j + 1))
}

/// Reads an English numeral at character `i`: value and end. Digits may
/// stand for units (`4 thousand 3 hundred and 21`). Returns `None` when no
/// number word is read (a bare Arabic number is left to number.rs).
pub(crate) fn parse(chars: &[char], i: usize) -> Option<Numeral> {
    let t = tokens(chars, i);
    if t.is_empty() {
        return None;
    }
    let words_used = |upto: usize| t[..upto].iter().any(|x| !matches!(x.w, W::Unit(_, true)));
    // a fraction alone: "two thirds", "a half", "half", "three quarters"
    let mut value;
    let mut next;
    let mut tail = 1.0;
    let frac_first = fraction(&t, 0);
    let card = cardinal(&t, 0, true);
    match (card, frac_first) {
        (Some(c), Some((f, fe))) if fe > c.next => {
            value = f;
            next = fe;
        }
        (Some(c), _) => {
            value = c.value;
            next = c.next;
            tail = c.tail_scale;
        }
        (None, Some((f, fe))) => {
            value = f;
            next = fe;
        }
        (None, None) => {
            // "half a dozen", "quarter million"
            match t[0].w {
                W::Half(false) | W::Quarter(false) => {
                    value = if matches!(t[0].w, W::Half(_)) {
                        0.5
                    } else {
                        0.25
                    };
                    next = 1;
                }
                W::A if matches!(t.get(1).map(|x| x.w), Some(W::Dozen)) => {
                    value = 1.0;
                    next = 1;
                }
                _ => return None,
            }
        }
    }
    // "a hundred trillionths", fractions after a cardinal: "twenty-three fifths"
    if let Some(W::Ord(d, plural)) = t.get(next).map(|x| x.w) {
        if d >= 2.0 && (plural || value == 1.0) {
            value /= d;
            next += 1;
            tail = 1.0;
        }
    } else if let (Some(W::Tens(tv)), Some(W::Ord(o, _))) =
        (t.get(next).map(|x| x.w), t.get(next + 1).map(|x| x.w))
    {
        if o < 10.0 {
            value /= tv + o;
            next += 2;
            tail = 1.0;
        }
    }
    // point: "two hundred point zero three", "nought point eleven"
    if matches!(t.get(next).map(|x| x.w), Some(W::Point)) {
        let mut digits = String::new();
        let mut j = next + 1;
        while let Some(W::Unit(v, false)) = t.get(j).map(|x| x.w) {
            digits.push_str(&format!("{}", v as u32));
            j += 1;
        }
        if !digits.is_empty() {
            if let Ok(f) = format!("0.{digits}").parse::<f64>() {
                value += f;
                next = j;
            }
        }
    }
    // "and a half", "and two thirds" (of the last scale: 3 million and a half)
    if matches!(t.get(next).map(|x| x.w), Some(W::And)) {
        if let Some((f, fe)) = fraction(&t, next + 1) {
            // "one billion and a quarter million"
            match t.get(fe).map(|x| x.w) {
                // "one billion and a quarter million"
                Some(W::Scale(s)) if tail > 1.0 => {
                    value += f * s;
                    next = fe + 1;
                }
                // "five and a half million"
                Some(W::Scale(s)) => {
                    value = (value + f) * s;
                    next = fe + 1;
                }
                _ => {
                    value += f * tail;
                    next = fe;
                }
            }
            tail = 1.0;
        }
    }
    // "quarter million", "half million"
    if let Some(W::Scale(s)) = t.get(next).map(|x| x.w) {
        if value < 1.0 {
            value *= s;
            next += 1;
        }
    }
    // "two thirds of a million"
    if value < 1.0
        && matches!(t.get(next).map(|x| x.w), Some(W::Of))
        && matches!(t.get(next + 1).map(|x| x.w), Some(W::A))
    {
        if let Some(W::Scale(s)) = t.get(next + 2).map(|x| x.w) {
            value *= s;
            next += 3;
        }
    }
    // dozens: "a dozen", "five dozs", "half a dozen"
    if matches!(t.get(next).map(|x| x.w), Some(W::A))
        && matches!(t.get(next + 1).map(|x| x.w), Some(W::Dozen))
        && value < 1.0
    {
        next += 1;
    }
    if matches!(t.get(next).map(|x| x.w), Some(W::Dozen)) {
        value *= 12.0;
        next += 1;
    }
    // "1 over 3", "one over 20", "1 in twenty-one"
    if matches!(t.get(next).map(|x| x.w), Some(W::Over | W::In)) {
        if let Some(c) = cardinal(&t, next + 1, false) {
            let is_in = matches!(t[next].w, W::In);
            let in_ok = !is_in || (value == 1.0 && !matches!(t[next + 1].w, W::Unit(_, true)));
            // "over 3 years" is a duration, not a fraction
            let end = t[c.next - 1].end;
            let free = !chars
                .get(end + 1)
                .is_some_and(|ch| ch.is_ascii_alphabetic())
                || chars.get(end) != Some(&' ');
            if c.value > 0.0 && in_ok && free {
                value /= c.value;
                next = c.next;
            }
        }
    }
    if next == 0 || !words_used(next) {
        return None;
    }
    let mult = if t[..next]
        .iter()
        .filter(|x| matches!(x.w, W::Unit(..) | W::Tens(_)))
        .count()
        == 1
        && tail > 1.0
    {
        tail
    } else {
        1.0
    };
    let mut n = numeral(i, t[next - 1].end, value, mult);
    n.decimal = value.fract() != 0.0;
    n.word = !chars[i].is_ascii_digit();
    Some(n)
}

fn numeral(start: usize, end: usize, value: f64, mult: f64) -> Numeral {
    Numeral {
        start,
        end,
        value,
        chinese: false,
        decimal: false,
        mult,
        fraction: false,
        word: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Option<(f64, String)> {
        let c: Vec<char> = s.chars().collect();
        parse(&c, 0).map(|n| (n.value, c[n.start..n.end].iter().collect()))
    }

    #[test]
    fn cardinals() {
        for (s, want, span) in [
            ("two hundred and five chips", 205.0, "two hundred and five"),
            ("1.5 million and 2 million TPUs", 1.5e6, "1.5 million"),
            (
                "two million and three hundred thousand",
                2.3e6,
                "two million and three hundred thousand",
            ),
            (
                "twenty-one trillion and three hundred",
                21e12 + 300.0,
                "twenty-one trillion and three hundred",
            ),
            ("fifty - two", 52.0, "fifty - two"),
            (
                "4 thousand 3 hundred and 21 is",
                4321.0,
                "4 thousand 3 hundred and 21",
            ),
            ("sixteen", 16.0, "sixteen"),
            ("a dozen eggs", 12.0, "a dozen"),
            ("three times", 3.0, "three"),
        ] {
            let (val, sp) = v(s).unwrap_or_else(|| panic!("{s}"));
            assert!((val - want).abs() < 1e-6, "{s}: {val}");
            assert_eq!(sp, span, "{s}");
        }
    }

    #[test]
    fn fractions_and_decimals() {
        for (s, want) in [
            ("two thirds", 2.0 / 3.0),
            ("a half", 0.5),
            ("five and a quarter", 5.25),
            ("three million and a half", 3.5e6),
            ("five and a half million", 5.5e6),
            ("nought point nought three", 0.03),
            ("one over 20", 0.05),
            ("twenty-three fifths", 4.6),
        ] {
            let (val, _) = v(s).unwrap_or_else(|| panic!("{s}"));
            assert!((val - want).abs() < 1e-6, "{s}: {val}");
        }
    }

    #[test]
    fn words_that_are_not_numbers() {
        assert!(v("a chip").is_none());
        assert!(v("and then").is_none());
        assert!(v("12 chips").is_none());
    }
}
