//! Raw bytes -> text.
//!
//! Owns: choosing the charset of a page and decoding it. The order is the
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

/// Decodes `bytes`. `content_type` is the HTTP header, when there was one.
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> Result<Decoded, DecodeError> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, replaced) = decode_with(enc, &bytes[bom_len..]);
        return Ok(Decoded {
            text,
            declared: None,
            used: enc.name().to_string(),
            method: "bom",
            replaced,
        });
    }
    let header = content_type
        .and_then(charset_param)
        .and_then(|label| Encoding::for_label(label.as_bytes()).map(|e| (label, e)));
    if let Some((label, enc)) = header {
        let (text, replaced) = decode_with(enc, bytes);
        return Ok(Decoded {
            text,
            declared: Some(label),
            used: enc.name().to_string(),
            method: "header",
            replaced,
        });
    }
    let utf8 = std::str::from_utf8(bytes);
    let meta = meta_charset(&bytes[..bytes.len().min(META_WINDOW)])
        .and_then(|label| Encoding::for_label(label.as_bytes()).map(|e| (label, e)));
    if let Some((label, enc)) = meta {
        if enc != UTF_8 && utf8.is_ok() && !bytes.is_ascii() {
            return Ok(utf8_decoded(bytes, Some(label), "utf8-override"));
        }
        let (text, replaced) = decode_with(enc, bytes);
        return Ok(Decoded {
            text,
            declared: Some(label),
            used: enc.name().to_string(),
            method: "meta",
            replaced,
        });
    }
    match utf8 {
        Ok(_) => Ok(utf8_decoded(bytes, None, "utf8")),
        Err(e) if looks_like_broken_utf8(bytes) => Err(DecodeError::BrokenUtf8 {
            offset: e.valid_up_to(),
        }),
        Err(_) => {
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            let enc = detector.guess(None, chardetng::Utf8Detection::Allow);
            let (text, replaced) = decode_with(enc, bytes);
            Ok(Decoded {
                text,
                declared: None,
                used: enc.name().to_string(),
                method: "detected",
                replaced,
            })
        }
    }
}

/// Like [`decode`], but takes the bytes by value so that a page that is
/// already UTF-8 (the common case) becomes its text without a copy: on a
/// 50 MB page that halves the memory `newsfacts clean` needs.
pub fn decode_owned(bytes: Vec<u8>, content_type: Option<&str>) -> Result<Decoded, DecodeError> {
    let plain_utf8 = content_type.and_then(charset_param).is_none()
        && Encoding::for_bom(&bytes).is_none()
        && std::str::from_utf8(&bytes).is_ok();
    if !plain_utf8 {
        return decode(&bytes, content_type);
    }
    let meta = meta_charset(&bytes[..bytes.len().min(META_WINDOW)]);
    let meta_enc = meta
        .as_deref()
        .and_then(|l| Encoding::for_label(l.as_bytes()));
    let method = match meta_enc {
        None => "utf8",
        Some(enc) if enc == UTF_8 => "meta",
        Some(_) if !bytes.is_ascii() => "utf8-override",
        // A legacy charset declared on ASCII-only bytes: decode as declared.
        Some(_) => return decode(&bytes, content_type),
    };
    let declared = meta_enc.and(meta);
    let text = String::from_utf8(bytes).map_err(|e| DecodeError::BrokenUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })?;
    Ok(Decoded {
        text,
        declared,
        used: UTF_8.name().to_string(),
        method,
        replaced: 0,
    })
}

fn utf8_decoded(bytes: &[u8], declared: Option<String>, method: &'static str) -> Decoded {
    let (text, replaced) = decode_with(UTF_8, bytes);
    Decoded {
        text,
        declared,
        used: UTF_8.name().to_string(),
        method,
        replaced,
    }
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
}
