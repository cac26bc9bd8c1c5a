//! The linear path: a page rewritten inside its own buffer.
//!
//! Owns: turning an owned page into clean lines without a second copy of
//! it, and writing the kept text back into the same buffer. Pages too large
//! or too deeply nested for a DOM are flattened here ([`flatten_html`]:
//! comments, raw-text elements and the contents of skipped elements such as
//! `script`, `nav` or `footer` go, block tags become line breaks, character
//! references are decoded); text dumps that arrive by value are normalised
//! here ([`normalise_lines`]). Both leave one clean line per block, so the
//! blocks can borrow their text from the buffer, and [`compact`] then moves
//! the surviving lines to the front of it. A 50 MB page therefore costs
//! about one copy of itself, whatever it holds.
//! Must not know: what is noise (the detectors decide on the borrowed
//! blocks) or how the page was decoded.
//!
//! Every rewrite keeps a write cursor that never passes the read cursor:
//! each byte written is paid for by at least one byte read (a tag of three
//! or more bytes becomes one `\n`, a character reference becomes a shorter
//! character, white space runs become one space), so no byte is overwritten
//! before it has been read.

use crate::doc::Block;
use model::Span;
use std::borrow::Cow;
use std::ops::Range;

/// Elements whose content is never text (kept in sync with the DOM path's
/// skip list in [`crate::html`]).
const RAW_SKIP: &[&str] = &["script", "style", "textarea", "template", "noscript", "xmp"];

/// Writes clean lines into the front of a buffer it is reading from.
///
/// White space (and control characters, BOMs and zero-width spaces) becomes
/// at most one space between words; lines are trimmed and empty lines are
/// not written, exactly as [`crate::text_dump::clean_line`] would leave them.
struct LineWriter {
    buf: Vec<u8>,
    /// Next byte to write; always `<=` the next byte to read.
    w: usize,
    /// White space was seen since the last character written.
    space: bool,
    /// The current line holds at least one character.
    line_open: bool,
}

impl LineWriter {
    fn new(buf: Vec<u8>) -> Self {
        LineWriter {
            buf,
            w: 0,
            space: false,
            line_open: false,
        }
    }

    /// Writes one character read from the page (or decoded from a
    /// reference that was at least as long).
    fn char(&mut self, c: char) {
        if c.is_whitespace() || c.is_control() || c == '\u{FEFF}' || c == '\u{200B}' {
            self.space = self.line_open;
            return;
        }
        if self.space {
            self.put(b" ");
            self.space = false;
        }
        let mut tmp = [0u8; 4];
        self.put(c.encode_utf8(&mut tmp).as_bytes());
        self.line_open = true;
    }

    /// Writes bytes at the cursor. The buffer only grows if the cursor
    /// invariant were broken, which would garble text but never panic.
    fn put(&mut self, bytes: &[u8]) {
        let end = self.w + bytes.len();
        if end > self.buf.len() {
            self.buf.resize(end, b' ');
        }
        self.buf[self.w..end].copy_from_slice(bytes);
        self.w = end;
    }

    /// Copies the text `buf[range]` (valid UTF-8, already read) through
    /// [`LineWriter::char`], decoding character references when asked.
    fn text(&mut self, range: Range<usize>, references: bool) {
        let mut i = range.start;
        while i < range.end {
            let b = self.buf[i];
            if b == b'&' && references {
                if let Some((c, len)) = reference_at(&self.buf[i..range.end]) {
                    self.char(c);
                    i += len;
                    continue;
                }
            }
            if b.is_ascii() {
                // ASCII fast path: only white space and controls need care.
                if b.is_ascii_whitespace() || b.is_ascii_control() {
                    self.space = self.line_open;
                } else {
                    if self.space {
                        self.put(b" ");
                        self.space = false;
                    }
                    self.put(&[b]);
                    self.line_open = true;
                }
                i += 1;
                continue;
            }
            let len = utf8_len(b);
            let end = (i + len).min(range.end);
            match std::str::from_utf8(&self.buf[i..end])
                .ok()
                .and_then(|s| s.chars().next())
            {
                Some(c) => {
                    self.char(c);
                    i = end;
                }
                // Not reachable for a buffer that came from a `String`;
                // skipping the byte keeps the output valid regardless.
                None => i += 1,
            }
        }
    }

    /// Ends the current line, if it holds anything. Paid for by the line
    /// break or tag just read; the last line of the buffer is left open.
    fn newline(&mut self) {
        if self.line_open {
            self.put(b"\n");
        }
        self.line_open = false;
        self.space = false;
    }

    /// Writes one empty line after a written line, for a blank input line
    /// (read at least one byte ago: the cursor stays behind the reader).
    fn blank_line(&mut self) {
        let after_line =
            self.w >= 2 && self.buf[self.w - 1] == b'\n' && self.buf[self.w - 2] != b'\n';
        if after_line {
            self.put(b"\n");
        }
    }

    fn finish(mut self) -> String {
        if self.w > 0 && self.buf[self.w - 1] == b'\n' {
            self.w -= 1;
        }
        self.buf.truncate(self.w);
        self.buf.shrink_to_fit();
        String::from_utf8(self.buf)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }
}

/// Length of the UTF-8 sequence that starts with `b`.
fn utf8_len(b: u8) -> usize {
    match b {
        0xF0..=0xF7 => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

/// The character reference at the start of `b` (`&amp;`, `&#233;`,
/// `&#x4E2D;`) and its length, when it is one we decode.
fn reference_at(b: &[u8]) -> Option<(char, usize)> {
    let semi = b.iter().take(12).position(|&c| c == b';')?;
    let name = std::str::from_utf8(&b[1..semi]).ok()?;
    decode_reference(name).map(|c| (c, semi + 1))
}

/// The character a reference name stands for. Every result is shorter in
/// UTF-8 than the reference that spells it.
fn decode_reference(name: &str) -> Option<char> {
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" | "#39" => '\'',
        "nbsp" => ' ',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "middot" => '·',
        "copy" => '©',
        _ => {
            let num = name.strip_prefix('#')?;
            let v = match num.strip_prefix(['x', 'X']) {
                Some(h) => u32::from_str_radix(h, 16).ok()?,
                None => num.parse().ok()?,
            };
            return char::from_u32(v).filter(|c| *c != '\0');
        }
    };
    Some(c)
}

/// Normalises a text dump in place: one trimmed line per non-empty input
/// line, white space runs collapsed, control characters removed. A run of
/// blank lines between two lines becomes one empty line ([`blocks`] marks
/// the line under it).
pub fn normalise_lines(text: String) -> String {
    let mut out = LineWriter::new(text.into_bytes());
    let len = out.buf.len();
    let mut start = 0;
    while start < len {
        let end = out.buf[start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(len, |k| start + k);
        out.text(start..end, false);
        if end < len {
            if out.line_open {
                out.newline();
            } else {
                out.blank_line();
            }
        }
        start = end + 1;
    }
    out.finish()
}

/// Flattens an HTML page in place into clean lines: comments, raw-text
/// elements and the contents of `skip_tags` elements are dropped, block
/// tags become line breaks, references are decoded. Unbalanced skip tags
/// stop skipping at the end of the page or at the closing tag of an
/// enclosing element, whichever comes first. Linear in the page.
pub fn flatten_html(page: String, skip_tags: &[&str], block_tags: &[&str]) -> String {
    let mut out = LineWriter::new(page.into_bytes());
    let len = out.buf.len();
    // Names of the open skipped elements (innermost last).
    let mut skip: Vec<String> = Vec::new();
    let mut i = 0;
    let mut text_start = 0;
    while i < len {
        if out.buf[i] != b'<' {
            i += 1;
            continue;
        }
        if skip.is_empty() && text_start < i {
            out.text(text_start..i, true);
        }
        if out.buf[i..].starts_with(b"<!--") {
            i = find(&out.buf, i + 4, b"-->", false).map_or(len, |e| e + 3);
            text_start = i;
            continue;
        }
        let close = out.buf.get(i + 1) == Some(&b'/');
        let name_start = if close { i + 2 } else { i + 1 };
        let mut j = name_start;
        while j < len
            && j - name_start < 16
            && (out.buf[j].is_ascii_alphanumeric() || out.buf[j] == b'!')
        {
            j += 1;
        }
        if j == name_start {
            // A lone `<` is text: it is read again as part of the next run.
            text_start = i;
            i += 1;
            continue;
        }
        let name = String::from_utf8_lossy(&out.buf[name_start..j]).to_ascii_lowercase();
        let end = find(&out.buf, j, b">", false).unwrap_or(len);
        let self_closing = end > 0 && out.buf.get(end - 1) == Some(&b'/');
        i = (end + 1).min(len);
        text_start = i;
        if !close && RAW_SKIP.contains(&name.as_str()) {
            // Raw text runs to the matching end tag.
            let pat = format!("</{name}");
            i = find(&out.buf, i, pat.as_bytes(), true).map_or(len, |e| {
                find(&out.buf, e, b">", false).map_or(len, |g| g + 1)
            });
            text_start = i;
            continue;
        }
        if skip_tags.contains(&name.as_str()) {
            if close {
                if let Some(k) = skip.iter().rposition(|n| *n == name) {
                    skip.truncate(k);
                }
            } else if !self_closing && !is_void(&name) {
                skip.push(name);
                continue;
            }
        }
        if skip.is_empty() && block_tags.contains(&name.as_str()) {
            out.newline();
        }
    }
    if skip.is_empty() && text_start < len {
        out.text(text_start..len, true);
    }
    out.finish()
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "input" | "embed" | "br" | "hr" | "img" | "meta" | "link" | "source" | "track" | "wbr"
    )
}

/// Index of the first `pat` at or after `from` (ASCII case-insensitive when
/// asked).
fn find(b: &[u8], from: usize, pat: &[u8], ignore_case: bool) -> Option<usize> {
    let hay = b.get(from..)?;
    if pat.len() == 1 && !ignore_case {
        return hay.iter().position(|&c| c == pat[0]).map(|k| k + from);
    }
    hay.windows(pat.len())
        .position(|w| {
            if ignore_case {
                w.eq_ignore_ascii_case(pat)
            } else {
                w == pat
            }
        })
        .map(|k| k + from)
}

/// One line of clean lines, as a borrowed block.
pub fn blocks(lines: &str) -> Vec<Block<'_>> {
    // Sized once: a doubling vector overshoots by up to half on a page of
    // hundreds of thousands of lines.
    let mut out = Vec::with_capacity(memchr::memchr_iter(b'\n', lines.as_bytes()).count() + 1);
    crate::text_dump::push_lines(&mut out, lines.split('\n').map(Cow::Borrowed));
    out
}

/// A paragraph of the output: a range of the buffer the blocks borrowed
/// from, or text a detector rewrote.
#[derive(Debug)]
pub enum Piece {
    Kept(Range<usize>),
    Rewritten(String),
}

/// Writes `pieces` into the front of `buf`, one paragraph per line, and
/// returns the text with its paragraph spans. Falls back to a fresh string
/// when a rewritten piece would overwrite a kept range not yet moved (no
/// detector lengthens text, so this is a safety net, not a path).
pub fn compact(buf: String, pieces: &[Piece]) -> (String, Vec<Span>) {
    if fits_in_place(&pieces_layout(pieces), buf.len()) {
        let mut bytes = buf.into_bytes();
        let mut w = 0;
        let mut spans = Vec::with_capacity(pieces.len());
        for p in pieces {
            if w > 0 {
                bytes[w] = b'\n';
                w += 1;
            }
            let start = w;
            match p {
                Piece::Kept(r) => {
                    bytes.copy_within(r.clone(), w);
                    w += r.len();
                }
                Piece::Rewritten(s) => {
                    bytes[w..w + s.len()].copy_from_slice(s.as_bytes());
                    w += s.len();
                }
            }
            spans.push(Span { start, end: w });
        }
        bytes.truncate(w);
        bytes.shrink_to_fit();
        let text = String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        return (text, spans);
    }
    let mut text = String::new();
    let mut spans = Vec::with_capacity(pieces.len());
    for p in pieces {
        if !text.is_empty() {
            text.push('\n');
        }
        let start = text.len();
        match p {
            Piece::Kept(r) => text.push_str(buf.get(r.clone()).unwrap_or("")),
            Piece::Rewritten(s) => text.push_str(s),
        }
        spans.push(Span {
            start,
            end: text.len(),
        });
    }
    (text, spans)
}

/// For each piece: where its source starts in the buffer (kept pieces) and
/// how many bytes it writes, separator included.
fn pieces_layout(pieces: &[Piece]) -> Vec<(Option<usize>, usize)> {
    pieces
        .iter()
        .enumerate()
        .map(|(k, p)| {
            let sep = usize::from(k > 0);
            match p {
                Piece::Kept(r) => (Some(r.start), sep + r.len()),
                Piece::Rewritten(s) => (None, sep + s.len()),
            }
        })
        .collect()
}

/// True when writing the pieces in order never overwrites the source of a
/// kept piece before it is copied, and everything fits in `len` bytes.
fn fits_in_place(layout: &[(Option<usize>, usize)], len: usize) -> bool {
    let mut w = 0usize;
    for &(source, written) in layout {
        if let Some(start) = source {
            // The separator is written before the copy reads its source.
            if w + usize::from(w > 0) > start {
                return false;
            }
        }
        w += written;
    }
    w <= len
}

#[cfg(test)]
mod tests {
    use super::*;

    const SKIP: &[&str] = &["script", "style", "nav", "footer"];
    const BLOCK: &[&str] = &["p", "div", "br", "li"];

    #[test]
    fn flattens_markup_into_clean_lines() {
        let page = "<html><head><style>p{}</style></head><body><nav>menu</nav>\
                    <p>  One &amp; two&nbsp;three </p><script>var x=1<2;</script>\
                    <div>Four<br>five &#x4E2D;&#25991; 6 &lt; 7</div><!-- c -->\
                    <footer>foot</footer><p>end</p></body></html>";
        let t = flatten_html(page.to_string(), SKIP, BLOCK);
        assert_eq!(t, "One & two three\nFour\nfive 中文 6 < 7\nend");
    }

    #[test]
    fn skips_chrome_with_the_real_tag_lists() {
        let t = flatten_html(
            "<div>A &amp; B<nav><ul><li>menu</li></ul></nav><p>x&#x4E2D;y</p><script>var a='<p>';</script>\
             <!-- c --><aside>side<aside>in</aside>still</aside>tail < 3 &bogus; <P>end"
                .to_string(),
            crate::html::SKIP_TAGS,
            crate::html::BLOCK_TAGS,
        );
        assert_eq!(t, "A & B\nx中y\ntail < 3 &bogus;\nend");
    }

    #[test]
    fn survives_truncation_and_bad_references() {
        for page in [
            "<div>a<scr",
            "<p>a<!-- open",
            "<script>x",
            "<a href='",
            "&#x110000;",
            "&",
            "<",
        ] {
            let _ = flatten_html(page.to_string(), SKIP, BLOCK);
        }
    }

    #[test]
    fn lone_angle_brackets_and_truncation_stay_text() {
        assert_eq!(
            flatten_html("a < b <p>c".to_string(), SKIP, BLOCK),
            "a < b\nc"
        );
        // Truncated inside a tag, a comment, a script and a reference.
        for page in [
            "<p>x<di",
            "<p>x<!-- y",
            "<p>x<script>y",
            "<p>x &am",
            "<p>x<",
        ] {
            let t = flatten_html(page.to_string(), SKIP, BLOCK);
            assert!(t.starts_with('x'), "{page:?} -> {t:?}");
        }
    }

    #[test]
    fn unbalanced_skip_tags_end_at_the_page_end() {
        let t = flatten_html("<p>a</p><nav><p>b</p>".to_string(), SKIP, BLOCK);
        assert_eq!(t, "a");
        let t = flatten_html("<nav><nav>x</nav>y</nav><p>z".to_string(), SKIP, BLOCK);
        assert_eq!(t, "z");
    }

    #[test]
    fn normalises_lines_like_text_dump() {
        let text = "  a  b \r\n\n\tc\u{0}d\u{200B}e\r\n\u{FEFF}中\u{3000}文\n";
        let t = normalise_lines(text.to_string());
        // the blank line stays, as one empty line
        assert_eq!(t, "a b\n\nc d e\n中 文");
        let expected: Vec<String> = text
            .lines()
            .map(crate::text_dump::clean_line)
            .filter(|l| !l.is_empty())
            .collect();
        let lines: Vec<&str> = t.split('\n').filter(|l| !l.is_empty()).collect();
        assert_eq!(lines, expected);
    }

    #[test]
    fn blank_lines_mark_the_line_under_them() {
        let t = normalise_lines("\n\nhead\n\n \n\npara one\nitem\n".to_string());
        assert_eq!(t, "head\n\npara one\nitem");
        let read = blocks(&t);
        let gaps: Vec<(&str, bool)> = read.iter().map(|b| (&*b.text, b.gap_before())).collect();
        assert_eq!(gaps, [("head", false), ("para one", true), ("item", false)]);
        let dump = crate::text_dump::blocks("head\n\n \npara one\nitem");
        let gaps: Vec<bool> = dump.iter().map(|b| b.gap_before()).collect();
        assert_eq!(gaps, [false, true, false]);
    }

    #[test]
    fn compacts_kept_and_rewritten_pieces_in_order() {
        let buf = "alpha\nbeta gamma\ndelta\n".to_string();
        let pieces = [
            Piece::Kept(0..5),
            Piece::Rewritten("beta".to_string()),
            Piece::Kept(17..22),
        ];
        let (text, spans) = compact(buf, &pieces);
        assert_eq!(text, "alpha\nbeta\ndelta");
        let parts: Vec<&str> = spans.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(parts, ["alpha", "beta", "delta"]);
    }

    #[test]
    fn compact_falls_back_when_a_rewrite_would_overwrite_a_source() {
        let buf = "ab\ncd\n".to_string();
        let pieces = [
            Piece::Rewritten("a much longer rewrite".to_string()),
            Piece::Kept(3..5),
        ];
        let (text, spans) = compact(buf, &pieces);
        assert_eq!(text, "a much longer rewrite\ncd");
        assert_eq!(spans.len(), 2);
    }
}
