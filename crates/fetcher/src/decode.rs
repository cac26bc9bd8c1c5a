//! Raw bytes -> text.
//!
//! Owns: choosing the charset of a page and decoding it (a page saved as
//! one MIME file is first taken out of it, see [`crate::archive`]). The order is the
//! one browsers use: byte-order mark, then the HTTP `Content-Type` header,
//! then `<meta charset>` / `http-equiv` in the first bytes, then statistical
//! detection (chardetng). Two safety nets on top of that order:
//! - a `<meta>` that names a legacy charset on bytes that are valid,
//!   non-ASCII UTF-8 is a lie (valid multi-byte UTF-8 almost never happens
//!   by accident), so UTF-8 wins;
//! - undeclared bytes that are *nearly* UTF-8 (mostly valid multi-byte
//!   sequences, a few broken ones) are reported as invalid UTF-8 rather than
//!   decoded as mojibake in some legacy charset.
//!
//! Must not know: HTML structure beyond the `<meta>` prescan, or what the
//! text is used for.

use crate::archive;
use encoding_rs::{Encoding, UTF_8};

/// A decoded page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// Charset named by the header or `<meta>`, if any (lower-case label).
    pub declared: Option<String>,
    /// Charset actually used (encoding_rs name, e.g. `GBK`, `Big5`, `UTF-8`).
    pub used: String,
    /// How the charset was chosen: `bom`, `header`, `meta`, `utf8-override`,
    /// `utf8`, `detected`.
    pub method: &'static str,
    /// Number of malformed byte sequences replaced by U+FFFD.
    pub replaced: usize,
}

/// Why bytes could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("invalid UTF-8 at byte {offset} (the rest of the input is UTF-8)")]
    BrokenUtf8 { offset: usize },
}

/// How many bytes the `<meta>` prescan looks at (the HTML spec says 1024;
/// real pages put long scripts first, so look further).
const META_WINDOW: usize = 4096;

/// Which charset to decode a page with, and why.
struct Choice {
    encoding: &'static Encoding,
    /// Bytes of byte-order mark to skip.
    skip: usize,
    declared: Option<String>,
    method: &'static str,
}

impl Choice {
    fn decoded(self, text: String, replaced: usize) -> Decoded {
        Decoded {
            text,
            declared: self.declared,
            used: self.encoding.name().to_string(),
            method: self.method,
            replaced,
        }
    }
}

/// Chooses the charset of `bytes` (see the module doc for the order).
fn choose(bytes: &[u8], content_type: Option<&str>) -> Result<Choice, DecodeError> {
    if let Some((encoding, skip)) = Encoding::for_bom(bytes) {
        return Ok(Choice {
            encoding,
            skip,
            declared: None,
            method: "bom",
        });
    }
    let header = content_type
        .and_then(charset_param)
        .and_then(|label| Encoding::for_label(label.as_bytes()).map(|e| (label, e)));
    if let Some((label, encoding)) = header {
        return Ok(Choice {
            encoding,
            skip: 0,
            declared: Some(label),
            method: "header",
        });
    }
    let utf8 = std::str::from_utf8(bytes);
    let meta = meta_charset(&bytes[..bytes.len().min(META_WINDOW)])
        .and_then(|label| Encoding::for_label(label.as_bytes()).map(|e| (label, e)));
    if let Some((label, encoding)) = meta {
        let lie = encoding != UTF_8 && utf8.is_ok() && !bytes.is_ascii();
        return Ok(Choice {
            encoding: if lie { UTF_8 } else { encoding },
            skip: 0,
            declared: Some(label),
            method: if lie { "utf8-override" } else { "meta" },
        });
    }
    match utf8 {
        Ok(_) => Ok(Choice {
            encoding: UTF_8,
            skip: 0,
            declared: None,
            method: "utf8",
        }),
        Err(e) if looks_like_broken_utf8(bytes) => Err(DecodeError::BrokenUtf8 {
            offset: e.valid_up_to(),
        }),
        Err(_) => {
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            Ok(Choice {
                encoding: detector.guess(None, chardetng::Utf8Detection::Allow),
                skip: 0,
                declared: None,
                method: "detected",
            })
        }
    }
}

/// Decodes `bytes`. `content_type` is the HTTP header, when there was one.
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> Result<Decoded, DecodeError> {
    if let Some(page) = saved_archive(bytes) {
        return decode_owned(page.bytes, page.content_type.as_deref().or(content_type));
    }
    let choice = choose(bytes, content_type)?;
    let (text, replaced) = decode_with(choice.encoding, &bytes[choice.skip..]);
    Ok(choice.decoded(text, replaced))
}

/// Like [`decode`], but takes the bytes by value so that a large page never
/// costs two full copies: UTF-8 becomes its text without a copy, and other
/// charsets are decoded a slice at a time while the decoded bytes are
/// released from the input.
pub fn decode_owned(bytes: Vec<u8>, content_type: Option<&str>) -> Result<Decoded, DecodeError> {
    if let Some(page) = saved_archive(&bytes) {
        drop(bytes);
        return decode_owned(page.bytes, page.content_type.as_deref().or(content_type));
    }
    let choice = choose(&bytes, content_type)?;
    let (text, replaced) = if choice.encoding == UTF_8 && choice.skip == 0 {
        match String::from_utf8(bytes) {
            Ok(text) => (text, 0),
            Err(e) => decode_with(UTF_8, e.as_bytes()),
        }
    } else {
        decode_draining(choice.encoding, bytes, choice.skip)
    };
    Ok(choice.decoded(text, replaced))
}

/// The page inside a page saved as one MIME file (MHTML, `.eml`). The
/// page inside is never itself an archive, so decoding it does not recurse
/// again.
fn saved_archive(bytes: &[u8]) -> Option<archive::Unwrapped> {
    if !archive::looks_like_archive(bytes) {
        return None;
    }
    archive::unwrap(bytes).filter(|page| !archive::looks_like_archive(&page.bytes))
}

/// Bytes decoded per step by [`decode_draining`].
const DRAIN_STEP: usize = 4 << 20;

/// Decodes `bytes[skip..]` with `encoding`, dropping each decoded step from
/// the input and returning its memory, so input and output together stay
/// near the size of the output. Counts the replaced sequences.
///
/// Output goes through a small buffer: encoding_rs's `decode_to_string`
/// writes zeros over all the spare capacity it is given, which would make a
/// worst-case reservation (three bytes out per byte in) resident.
fn decode_draining(
    encoding: &'static Encoding,
    mut bytes: Vec<u8>,
    skip: usize,
) -> (String, usize) {
    bytes.drain(..skip.min(bytes.len()));
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(bytes.len());
    let mut buf = vec![0u8; 64 * 1024];
    let mut replaced = 0;
    loop {
        let last = bytes.len() <= DRAIN_STEP;
        let step = bytes.len().min(DRAIN_STEP);
        let mut read_total = 0;
        loop {
            let (result, read, written, had_replacements) =
                decoder.decode_to_utf8(&bytes[read_total..step], &mut buf, last);
            read_total += read;
            let piece = std::str::from_utf8(&buf[..written]).unwrap_or_default();
            if had_replacements {
                replaced += piece.chars().filter(|&c| c == '\u{fffd}').count();
            }
            text.push_str(piece);
            if result == encoding_rs::CoderResult::InputEmpty {
                break;
            }
        }
        if last {
            break;
        }
        bytes.drain(..read_total);
        bytes.shrink_to_fit();
    }
    text.shrink_to_fit();
    (text, replaced)
}

fn decode_with(enc: &'static Encoding, bytes: &[u8]) -> (String, usize) {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    let replaced = if had_errors {
        text.chars().filter(|&c| c == '\u{fffd}').count()
    } else {
        0
    };
    (text.into_owned(), replaced)
}

/// The `charset=` parameter of a `Content-Type` value.
fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (key, value) = param.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| {
                value
                    .trim()
                    .trim_matches(|c| c == '"' || c == '\'')
                    .to_ascii_lowercase()
            })
            .filter(|v| !v.is_empty())
    })
}

/// Finds `<meta charset=...>` or `<meta http-equiv=content-type content="...charset=...">`
/// in the head of a page (a simplified form of the HTML prescan).
fn meta_charset(head: &[u8]) -> Option<String> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let start = from + pos;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(p) = find(tag, b"charset") {
            let rest = &tag[p + b"charset".len()..];
            let rest = rest
                .iter()
                .position(|&b| !b.is_ascii_whitespace())
                .map_or(&rest[rest.len()..], |i| &rest[i..]);
            if let Some(value) = rest.strip_prefix(b"=") {
                let value: Vec<u8> = value
                    .iter()
                    .copied()
                    .skip_while(|b| b.is_ascii_whitespace() || *b == b'"' || *b == b'\'')
                    .take_while(|b| {
                        !(b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b';' | b'/' | b'>'))
                    })
                    .collect();
                if !value.is_empty() {
                    return String::from_utf8(value).ok();
                }
            }
        }
        from = end.max(start + 1);
        if from >= lower.len() {
            break;
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// True when most non-ASCII bytes form valid UTF-8 sequences: the input is
/// UTF-8 with a few broken sequences, not a legacy charset.
fn looks_like_broken_utf8(bytes: &[u8]) -> bool {
    let mut valid_multibyte = 0usize;
    let mut invalid = 0usize;
    let mut rest = bytes;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                valid_multibyte += s.bytes().filter(|b| *b >= 0x80).count();
                break;
            }
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                valid_multibyte += good.iter().filter(|b| **b >= 0x80).count();
                let skip = e.error_len().unwrap_or(bad.len()).max(1);
                invalid += skip;
                rest = &bad[skip.min(bad.len())..];
            }
        }
    }
    valid_multibyte >= 8 && valid_multibyte >= invalid * 10
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_wins_over_everything() {
        let mut bytes = vec![0xef, 0xbb, 0xbf];
        bytes.extend_from_slice("<meta charset=gbk>英伟达".as_bytes());
        let d = decode(&bytes, Some("text/html; charset=big5")).unwrap();
        assert_eq!(d.method, "bom");
        assert!(d.text.ends_with("英伟达"));
    }

    #[test]
    fn header_then_meta_then_detection() {
        let (gbk, _, _) =
            encoding_rs::GBK.encode("<p>寒武纪发布思元590芯片，算力提升百分之五十。</p>");
        let d = decode(&gbk, Some("text/html; charset=\"GBK\"")).unwrap();
        assert_eq!((d.method, d.used.as_str()), ("header", "GBK"));
        assert!(d.text.contains("寒武纪"));

        let mut page = b"<html><head><meta charset='gb2312'></head>".to_vec();
        page.extend_from_slice(&gbk);
        let d = decode(&page, None).unwrap();
        assert_eq!((d.method, d.used.as_str()), ("meta", "GBK"));
        assert!(d.text.contains("思元590"));

        let long = "摩爾線程發布新一代圖形處理器，台積電代工，良率超過九成。".repeat(20);
        let (big5, _, _) = encoding_rs::BIG5.encode(&long);
        let d = decode(&big5, None).unwrap();
        assert_eq!((d.method, d.used.as_str()), ("detected", "Big5"));
        assert!(d.text.contains("摩爾線程"));
    }

    #[test]
    fn a_lying_meta_loses_to_valid_utf8() {
        let page = "<meta charset=\"iso-8859-1\"><p>NVIDIA’s H100 — €30,000</p>";
        let d = decode(page.as_bytes(), None).unwrap();
        assert_eq!(d.method, "utf8-override");
        assert!(d.text.contains("NVIDIA’s H100 — €30,000"));
    }

    #[test]
    fn nearly_utf8_is_an_error_not_mojibake() {
        let mut bytes = "英伟达发布新一代芯片，性能大幅提升。"
            .repeat(3)
            .into_bytes();
        bytes.insert(10, 0xff);
        assert!(matches!(
            decode(&bytes, None),
            Err(DecodeError::BrokenUtf8 { offset: 9 })
        ));
    }

    #[test]
    fn owned_decoding_agrees_with_borrowed_decoding() {
        let (gbk, _, _) = encoding_rs::GBK.encode("<meta charset=gbk><p>寒武纪</p>");
        let pages: Vec<Vec<u8>> = vec![
            "<p>英伟达 H100</p>".into(),
            "<meta charset=\"iso-8859-1\"><p>NVIDIA’s H100</p>".into(),
            "<meta charset=utf-8><p>€</p>".into(),
            b"<meta charset=gbk><p>ascii only</p>".to_vec(),
            b"\xef\xbb\xbfbom".to_vec(),
            gbk.into_owned(),
        ];
        for page in pages {
            for header in [None, Some("text/html; charset=utf-8")] {
                assert_eq!(decode_owned(page.clone(), header), decode(&page, header));
            }
        }
    }

    #[test]
    fn meta_prescan_reads_http_equiv() {
        assert_eq!(
            meta_charset(b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=big5\">"),
            Some("big5".into())
        );
        assert_eq!(
            meta_charset(b"<meta name=x><meta charset = utf-8 >"),
            Some("utf-8".into())
        );
        assert_eq!(meta_charset(b"<meta charset"), None);
    }

    #[test]
    fn owned_decoding_matches_borrowed_across_steps() {
        let line = "英偉達H100，台積電3奈米，營收增長百分之三十。\n".repeat(240_000);
        let big5 = encoding_rs::BIG5.encode(&line).0.into_owned();
        let gbk = encoding_rs::GBK.encode(&line).0.into_owned();
        assert!(gbk.len() > 2 * DRAIN_STEP);
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(line.as_bytes());
        let mut broken = gbk.clone();
        broken.extend_from_slice(&[0x81]);
        let cases: Vec<(Vec<u8>, Option<&str>)> = vec![
            (gbk, Some("text/html; charset=gbk")),
            (big5, Some("text/html; charset=big5")),
            (bom, None),
            (broken, Some("text/html; charset=gb18030")),
            (line.clone().into_bytes(), None),
        ];
        for (bytes, ct) in cases {
            let borrowed = decode(&bytes, ct).expect("borrowed");
            let owned = decode_owned(bytes, ct).expect("owned");
            assert_eq!(borrowed, owned, "{ct:?}");
        }
    }
}
