//! Text dumps -> blocks: one block per non-empty line.
//!
//! Owns: splitting a plain-text page into line blocks, trimming them and
//! removing control characters. A paragraph in a dump is one line; very long
//! lines stay whole (detectors work inside them at clause level).
//! Must not know: what is noise; HTML.

use crate::doc::{Block, BlockKind};

/// Splits `text` into one block per non-empty line.
pub fn blocks(text: &str) -> Vec<Block> {
    text.lines()
        .map(clean_line)
        .filter(|l| !l.is_empty())
        .map(|l| Block::new(l, BlockKind::Line))
        .collect()
}

/// Trims, drops control characters and collapses white space runs.
pub fn clean_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut space = false;
    for c in line.chars() {
        if c.is_whitespace() || c.is_control() || c == '\u{FEFF}' || c == '\u{200B}' {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_become_blocks() {
        let b = blocks("  a  b \n\n\tc\u{0}d\r\n");
        let t: Vec<_> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(t, vec!["a b", "c d"]);
    }
}
