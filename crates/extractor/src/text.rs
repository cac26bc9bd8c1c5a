//! The working view of one text: the original, its folded twin and the token
//! boundaries, all indexed by Unicode character.
//!
//! Owns: folding (Traditional -> Simplified from `config/t2s.tsv`, full-width
//! ASCII -> ASCII), which maps every character to exactly one character so
//! that character offsets of the folded text are offsets of the original,
//! and the "is this a token boundary" questions asked by the matchers.
//! Must not know: what is being matched (companies, chips, figures).

use model::Token;
use std::collections::HashMap;

/// Character-for-character folding table.
#[derive(Debug, Default, Clone)]
pub(crate) struct Folder {
    map: HashMap<char, char>,
    /// The same map for the Basic Multilingual Plane, as a dense table
    /// (0 = unchanged): one array read per character.
    bmp: Vec<u32>,
}

impl Folder {
    /// Parses `t2s.tsv`: one `TRAD<TAB>SIMP` pair per line, `#` comments.
    pub(crate) fn parse(src: &str) -> Result<Self, (usize, String)> {
        let mut map = HashMap::new();
        for (i, line) in src.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.split('\t');
            let (Some(t), Some(s)) = (parts.next(), parts.next()) else {
                return Err((i + 1, "expected TRADITIONAL<TAB>SIMPLIFIED".into()));
            };
            let (mut tc, mut sc) = (t.chars(), s.trim().chars());
            match (tc.next(), tc.next(), sc.next(), sc.next()) {
                (Some(t), None, Some(s), None) => {
                    map.insert(t, s);
                }
                _ => return Err((i + 1, "each side must be exactly one character".into())),
            }
        }
        let mut bmp = vec![0u32; 0x10000];
        for (&t, &s) in &map {
            if let Some(slot) = bmp.get_mut(t as usize) {
                *slot = s as u32;
            }
        }
        // full-width ASCII and wide spaces, so one table read folds anything
        for c in 0xFF01u32..=0xFF5E {
            bmp[c as usize] = c - 0xFEE0;
        }
        for c in [0x3000usize, 0x00A0, 0x2009, 0x202F] {
            bmp[c] = ' ' as u32;
        }
        Ok(Folder { map, bmp })
    }

    pub(crate) fn fold_char(&self, c: char) -> char {
        if c.is_ascii() {
            return c;
        }
        if let Some(&s) = self.bmp.get(c as usize) {
            return if s == 0 {
                c
            } else {
                char::from_u32(s).unwrap_or(c)
            };
        }
        match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            '\u{00A0}' | '\u{2009}' | '\u{202F}' => ' ',
            _ => self.map.get(&c).copied().unwrap_or(c),
        }
    }

    pub(crate) fn fold(&self, s: &str) -> String {
        s.chars().map(|c| self.fold_char(c)).collect()
    }
}

/// One text prepared for matching.
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    /// Folded text; character `i` of it is the fold of character `i` of `text`.
    pub folded: String,
    /// Folded characters.
    pub chars: Vec<char>,
    /// Character index -> byte offset in `text` (plus the end).
    c2b: Vec<usize>,
    /// Character index -> byte offset in `folded` (plus the end), when it
    /// differs from `c2b`.
    fc2b: Option<Vec<usize>>,
    /// For every character, the character range of the token holding it,
    /// when the tokens are usable.
    tok: Option<Vec<(u32, u32)>>,
}

impl<'a> Doc<'a> {
    pub(crate) fn new(text: &'a str, tokens: &[Token], folder: &Folder) -> Self {
        let n = text.chars().count();
        let mut c2b = Vec::with_capacity(n + 1);
        let mut chars = Vec::with_capacity(n);
        let mut folded = String::with_capacity(text.len());
        let mut same_bytes = true;
        for (b, c) in text.char_indices() {
            c2b.push(b);
            let f = folder.fold_char(c);
            same_bytes &= f.len_utf8() == c.len_utf8();
            chars.push(f);
            folded.push(f);
        }
        c2b.push(text.len());
        // the folded text usually has the original's byte offsets (only
        // full-width ASCII shrinks): then one offset table serves both
        let fc2b = (!same_bytes).then(|| {
            let mut v = Vec::with_capacity(n + 1);
            let mut b = 0usize;
            for &f in &chars {
                v.push(b);
                b += f.len_utf8();
            }
            v.push(b);
            v
        });
        let mut doc = Doc {
            text,
            folded,
            chars,
            c2b,
            fc2b,
            tok: None,
        };
        doc.tok = doc.token_ranges(tokens);
        doc
    }

    fn token_ranges(&self, tokens: &[Token]) -> Option<Vec<(u32, u32)>> {
        if tokens.is_empty() || self.chars.len() > u32::MAX as usize {
            return None;
        }
        let n = self.chars.len();
        let mut out: Vec<(u32, u32)> = (0..n).map(|i| (i as u32, i as u32 + 1)).collect();
        let mut last_end = 0usize;
        let mut cursor = 0usize;
        for t in tokens {
            if t.start < last_end || t.end < t.start || t.end > self.text.len() {
                return None; // not in order or out of range: do not trust them
            }
            last_end = t.end;
            // tokens are in order: walk forward from the previous one
            // None: not on a character boundary, do not trust the tokens
            let s = self.char_at_byte(&mut cursor, t.start)?;
            let e = self.char_at_byte(&mut cursor, t.end)?;
            for slot in out.iter_mut().take(e).skip(s) {
                *slot = (s as u32, e as u32);
            }
        }
        Some(out)
    }

    /// The character starting at byte `b`, searching forward from
    /// `*cursor` (linear for ordered lookups, a binary search for far jumps).
    fn char_at_byte(&self, cursor: &mut usize, b: usize) -> Option<usize> {
        let mut i = *cursor;
        let mut steps = 0;
        while i < self.c2b.len() && self.c2b[i] < b {
            i += 1;
            steps += 1;
            if steps > 64 {
                i = match self.c2b[i..].binary_search(&b) {
                    Ok(x) | Err(x) => i + x,
                };
                break;
            }
        }
        *cursor = i;
        (self.c2b.get(i) == Some(&b)).then_some(i)
    }

    pub(crate) fn len(&self) -> usize {
        self.chars.len()
    }

    /// Character index of a byte offset into `folded`.
    pub(crate) fn fchar(&self, byte: usize) -> usize {
        match self.fc2b.as_ref().unwrap_or(&self.c2b).binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Byte offset into `folded` of a character index.
    pub(crate) fn fbyte(&self, ch: usize) -> usize {
        self.fc2b.as_ref().unwrap_or(&self.c2b)[ch.min(self.chars.len())]
    }

    /// The original text of a character range.
    pub(crate) fn surface(&self, start: usize, end: usize) -> &'a str {
        let n = self.chars.len();
        let (s, e) = (self.c2b[start.min(n)], self.c2b[end.min(n)]);
        self.text.get(s..e).unwrap_or("")
    }

    /// The folded text of a character range.
    pub(crate) fn fslice(&self, start: usize, end: usize) -> &str {
        let (s, e) = (self.fbyte(start), self.fbyte(end));
        self.folded.get(s..e).unwrap_or("")
    }

    pub(crate) fn char_at(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    /// True when a token starts at character `p` (or the tokens say nothing).
    pub(crate) fn starts_token(&self, p: usize) -> bool {
        match &self.tok {
            Some(t) if p < t.len() => t[p].0 as usize == p,
            _ => true,
        }
    }

    /// The end of the token holding character `p - 1` when `p` is not a
    /// token end, else `None`.
    pub(crate) fn token_end_after(&self, p: usize) -> Option<usize> {
        match &self.tok {
            Some(t) if p > 0 && p <= t.len() => {
                let end = t[p - 1].1 as usize;
                (end != p).then_some(end)
            }
            _ => None,
        }
    }
}

pub(crate) fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}
