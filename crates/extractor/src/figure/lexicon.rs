//! Matching a word list entry at a character position of a [`Doc`], with
//! the case and word-boundary rules shared by scales, units, nouns and
//! qualifiers.
//!
//! Owns: [`Surface`] and [`match_at`] / [`match_before`].
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
