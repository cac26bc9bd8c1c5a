//! Matching a word list entry at a character position of a [`Doc`], with
//! the case and word-boundary rules shared by scales, units, nouns and
//! qualifiers.
//!
//! Owns: [`Surface`], [`match_at`] / [`match_before`], and [`CharIndex`]
//! (word lists by first or last character, so a position tries only the
//! entries that can match there).
//! Must not know: what the words mean.

use crate::text::Doc;

#[derive(Debug, Clone)]
pub(crate) struct Surface {
    pub chars: Vec<char>,
    pub len: usize,
    /// ASCII case must match exactly.
    pub exact: bool,
}

impl Surface {
    pub(crate) fn new(folded: &str, exact: bool) -> Self {
        let chars: Vec<char> = folded.chars().collect();
        Surface {
            len: chars.len(),
            chars,
            exact,
        }
    }
}

fn same(a: char, b: char, exact: bool) -> bool {
    a == b || (!exact && a.eq_ignore_ascii_case(&b))
}

/// End of `s` when it occurs at character `k`. A surface ending in an ASCII
/// letter may not be followed by an ASCII letter or digit; one ending in a
/// digit may not be followed by a digit.
pub(crate) fn match_at(doc: &Doc, k: usize, s: &Surface) -> Option<usize> {
    let e = k.checked_add(s.len)?;
    if s.len == 0 || e > doc.len() {
        return None;
    }
    if !doc.chars[k..e]
        .iter()
        .zip(&s.chars)
        .all(|(&a, &b)| same(a, b, s.exact))
    {
        return None;
    }
    let last = s.chars[s.len - 1];
    match doc.char_at(e) {
        Some(n) if last.is_ascii_alphabetic() && n.is_ascii_alphanumeric() => None,
        Some(n) if last.is_ascii_digit() && n.is_ascii_digit() => None,
        _ => Some(e),
    }
}

/// Start of `s` when it ends at character `k`. A surface starting with an
/// ASCII letter may not follow an ASCII letter.
pub(crate) fn match_before(doc: &Doc, k: usize, s: &Surface) -> Option<usize> {
    let b = k.checked_sub(s.len)?;
    if s.len == 0
        || !doc.chars[b..k]
            .iter()
            .zip(&s.chars)
            .all(|(&a, &c)| same(a, c, s.exact))
    {
        return None;
    }
    match (s.chars[0], b.checked_sub(1).and_then(|i| doc.char_at(i))) {
        (f, Some(p)) if f.is_ascii_alphabetic() && p.is_ascii_alphabetic() => None,
        _ => Some(b),
    }
}

/// Word-list positions by one key character (the first or the last of a
/// surface, ASCII lower-cased), so matching at a position only tries the
/// surfaces that can match there. Lists keep the table's order.
#[derive(Debug, Default)]
pub(crate) struct CharIndex {
    ascii: Vec<Vec<usize>>,
    other: std::collections::HashMap<char, Vec<usize>>,
}

impl CharIndex {
    /// Indexes `keys[i]` (the key character of surface `i`, if any).
    pub(crate) fn new(keys: impl IntoIterator<Item = Option<char>>) -> Self {
        let mut ix = CharIndex {
            ascii: vec![Vec::new(); 128],
            other: Default::default(),
        };
        for (i, k) in keys.into_iter().enumerate() {
            let Some(c) = k else { continue };
            let c = c.to_ascii_lowercase();
            if c.is_ascii() {
                ix.ascii[c as usize].push(i);
            } else {
                ix.other.entry(c).or_default().push(i);
            }
        }
        ix
    }

    /// Indices of the surfaces keyed by `c` (any case).
    pub(crate) fn get(&self, c: Option<char>) -> &[usize] {
        match c.map(|c| c.to_ascii_lowercase()) {
            Some(c) if c.is_ascii() => &self.ascii[c as usize],
            Some(c) => self.other.get(&c).map_or(&[], Vec::as_slice),
            None => &[],
        }
    }
}

/// The first surface of `list` (in order) among `cands` for which `f` gives
/// a result.
pub(crate) fn first_of<T>(cands: &[usize], mut f: impl FnMut(usize) -> Option<T>) -> Option<T> {
    cands.iter().find_map(|&i| f(i))
}
