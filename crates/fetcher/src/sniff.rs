//! Recognising bytes that are not a text or HTML page at all.
//!
//! Owns: the decision "empty", "binary" or "text" from the first bytes.
//! Must not know: charsets beyond recognising UTF-16/32 BOMs, or HTML.

/// What the first bytes of an input look like.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sniffed {
    /// Nothing but white space.
    Empty,
    /// A binary format; the string names it (or says why).
    Binary(String),
    /// Probably text; decode it.
    Text,
}

const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"\x7fELF", "ELF executable"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"\x28\xb5\x2f\xfd", "zstd data"),
    (b"RIFF", "RIFF media"),
];

/// How many leading bytes are inspected.
const WINDOW: usize = 8192;

/// Classifies `bytes` by magic numbers and control-byte density.
pub fn sniff(bytes: &[u8]) -> Sniffed {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Sniffed::Empty;
    }
    for (magic, name) in MAGIC {
        if bytes.starts_with(magic) {
            return Sniffed::Binary((*name).to_string());
        }
    }
    // UTF-16 text has many NULs but announces itself with a BOM.
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Sniffed::Text;
    }
    let head = &bytes[..bytes.len().min(WINDOW)];
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    // Text pages may carry a stray NUL or two; binary data is full of them.
    if control * 100 > head.len() * 5 {
        return Sniffed::Binary(format!(
            "{control} control bytes in the first {} bytes",
            head.len()
        ));
    }
    Sniffed::Text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_empty_binary_and_text() {
        assert_eq!(sniff(b""), Sniffed::Empty);
        assert_eq!(sniff(b" \n\t "), Sniffed::Empty);
        assert_eq!(
            sniff(b"\x89PNG\r\n\x1a\n\0\0\0"),
            Sniffed::Binary("PNG image".into())
        );
        let noise: Vec<u8> = (0u8..=255).cycle().take(4096).collect();
        assert!(matches!(sniff(&noise), Sniffed::Binary(_)));
        assert_eq!(sniff("英伟达 H100\n".as_bytes()), Sniffed::Text);
        assert_eq!(
            sniff(b"text with one \0 NUL byte in a longer line of prose"),
            Sniffed::Text
        );
    }
}
