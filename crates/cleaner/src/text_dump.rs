//! Text dumps -> blocks: one block per non-empty line.
//!
//! Owns: splitting a plain-text page into line blocks, trimming them and
//! removing control characters, and marking a line that had a blank line
//! above it ([`crate::doc::Block::gap_before`]). A paragraph in a dump is one line; very long
//! lines stay whole (detectors work inside them at clause level). In a dump
//! wrapped at a fixed width, a paragraph is the run of lines `reflow` joins.
//! Must not know: what is noise; HTML.

use crate::doc::{Block, BlockKind};
use crate::reflow;
use std::borrow::Cow;

/// Splits `text` into one block per non-empty line, each marked when a
/// blank line stood above it. A line that is already clean is borrowed,
/// not copied. A dump wrapped at a fixed width gets one
/// block per paragraph instead: its wrapped lines are joined back.
pub fn blocks(text: &str) -> Vec<Block<'_>> {
    let mut out: Vec<Block<'_>> = Vec::new();
    if let Some(joined) = reflow::reflowed(text) {
        push_lines(&mut out, joined.lines().map(|l| Cow::Owned(clean_line(l))));
        return out;
    }
    push_lines(
        &mut out,
        text.lines().map(|line| {
            if is_clean(line) {
                Cow::Borrowed(line)
            } else {
                Cow::Owned(clean_line(line))
            }
        }),
    );
    out
}

/// Appends one block per non-empty line of `lines` (already clean), each
/// marked when an empty line stood above it.
pub(crate) fn push_lines<'a>(out: &mut Vec<Block<'a>>, lines: impl Iterator<Item = Cow<'a, str>>) {
    let mut gap = false;
    for l in lines {
        if l.is_empty() {
            gap = !out.is_empty();
            continue;
        }
        let mut b = Block::new(l, BlockKind::Line);
        b.set_gap_before(std::mem::take(&mut gap));
        out.push(b);
    }
}

/// True when [`clean_line`] would return `line` unchanged.
fn is_clean(line: &str) -> bool {
    let mut prev_space = true;
    for c in line.chars() {
        if c == ' ' {
            if prev_space {
                return false;
            }
            prev_space = true;
        } else if is_gap(c) {
            return false;
        } else {
            prev_space = false;
        }
    }
    !prev_space || line.is_empty()
}

/// True for a char [`clean_line`] turns into (part of) a single space.
fn is_gap(c: char) -> bool {
    c.is_whitespace() || c.is_control() || c == '\u{FEFF}' || c == '\u{200B}'
}

/// Trims, drops control characters and collapses white space runs.
pub fn clean_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let bytes = line.as_bytes();
    // Runs of kept chars are copied whole; only non-ASCII chars are decoded
    // (every ASCII gap is a control char or space: `b <= b' '` or DEL).
    let mut run = 0;
    let mut space = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (gap, len) = if b < 0x80 {
            (b <= b' ' || b == 0x7F, 1)
        } else {
            match line[i..].chars().next() {
                Some(c) => (is_gap(c), c.len_utf8()),
                None => break,
            }
        };
        if gap {
            if run < i {
                if space {
                    out.push(' ');
                }
                out.push_str(&line[run..i]);
            }
            space = !out.is_empty();
            run = i + len;
        }
        i += len;
    }
    if run < line.len() {
        if space {
            out.push(' ');
        }
        out.push_str(&line[run..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition `clean_line` implements, one char at a time.
    fn clean_line_by_chars(line: &str) -> String {
        let mut out = String::new();
        let mut space = false;
        for c in line.chars() {
            if is_gap(c) {
                space = !out.is_empty();
                continue;
            }
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn clean_line_matches_its_definition(
            line in "[ a中\t\r\n\u{0}\u{7F}\u{85}\u{A0}\u{3000}\u{200B}\u{FEFF}é]{0,24}|\\PC{0,40}|.{0,40}"
        ) {
            proptest::prop_assert_eq!(clean_line(&line), clean_line_by_chars(&line));
        }
    }

    #[test]
    fn lines_become_blocks() {
        let b = blocks("  a  b \n\n\tc\u{0}d\r\n");
        let t: Vec<_> = b.iter().map(|b| &*b.text).collect();
        assert_eq!(t, vec!["a b", "c d"]);
    }

    #[test]
    fn clean_lines_are_borrowed_and_others_cleaned() {
        for line in [
            "a b",
            "中文 AI",
            "",
            "a  b",
            " a",
            "a ",
            "a\tb",
            "a\u{200B}b",
            "a\u{0}",
        ] {
            assert_eq!(is_clean(line), clean_line(line) == line, "{line:?}");
        }
        let b = blocks("a b\n c");
        assert!(matches!(b[0].text, Cow::Borrowed(_)));
        assert!(matches!(b[1].text, Cow::Owned(_)));
    }
}
