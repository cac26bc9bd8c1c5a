//! Pages saved as one MIME file: a browser's "Webpage, Single File"
//! (MHTML, `.mht`/`.mhtml`) or a mail message (`.eml`) holding a newsletter.
//!
//! Owns: recognising such a file by its leading headers and taking out the
//! page's HTML part (or its plain-text part when it has no HTML), with the
//! transfer encoding (quoted-printable, base64) undone. MIME parsing is the
//! `mailparse` crate's.
//!
//! Must not know: charsets (the part's declared charset is handed on as a
//! `Content-Type` for [`crate::decode`] to honour), or HTML.

use mailparse::ParsedMail;

/// The page inside a MIME archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unwrapped {
    /// The part's bytes, transfer-decoded but still in its charset.
    pub bytes: Vec<u8>,
    /// `text/html; charset=...` when the part names its charset.
    pub content_type: Option<String>,
}

/// How far into the input the MIME headers are looked for.
const HEADER_WINDOW: usize = 8192;

/// Whether `bytes` open with the headers of a MIME message whose body is
/// multipart or a text part: a `MIME-Version` header and a `Content-Type`
/// header before the first blank line, and nothing that looks like markup.
pub fn looks_like_archive(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(HEADER_WINDOW)];
    if head.first().is_none_or(|b| !b.is_ascii_alphabetic()) {
        return false;
    }
    let mut mime_version = false;
    let mut content_type = false;
    for line in head.split(|&b| b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            break;
        }
        if line.starts_with(b" ") || line.starts_with(b"\t") {
            continue; // a folded header's continuation
        }
        let Some(colon) = line.iter().position(|&b| b == b':') else {
            return false; // not a header line: not a MIME message
        };
        let name = &line[..colon];
        if !name.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-') {
            return false;
        }
        let value = line[colon + 1..].trim_ascii().to_ascii_lowercase();
        if name.eq_ignore_ascii_case(b"MIME-Version") {
            mime_version = true;
        } else if name.eq_ignore_ascii_case(b"Content-Type") {
            content_type = value.starts_with(b"multipart/") || value.starts_with(b"text/");
        }
    }
    mime_version && content_type
}

/// The page inside a MIME archive: the first `text/html` part, depth
/// first (an MHTML file's root document comes first; frames and ads come
/// after it), else the first `text/plain` part. `None` when the bytes do
/// not parse as MIME or hold no text part: the caller then reads them as
/// they are, losing nothing.
pub fn unwrap(bytes: &[u8]) -> Option<Unwrapped> {
    let mail = mailparse::parse_mail(bytes).ok()?;
    let part = first_part(&mail, "text/html").or_else(|| first_part(&mail, "text/plain"))?;
    let body = part.get_body_raw().ok()?;
    let content_type = part
        .ctype
        .params
        .get("charset")
        .map(|charset| format!("{}; charset={charset}", part.ctype.mimetype));
    Some(Unwrapped {
        bytes: body,
        content_type,
    })
}

/// The first part of type `mimetype`, depth first.
fn first_part<'a>(mail: &'a ParsedMail<'a>, mimetype: &str) -> Option<&'a ParsedMail<'a>> {
    if mail.subparts.is_empty() {
        return mail
            .ctype
            .mimetype
            .eq_ignore_ascii_case(mimetype)
            .then_some(mail);
    }
    mail.subparts.iter().find_map(|p| first_part(p, mimetype))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAVED: &str = "From: <Saved by Blink>\r\n\
Snapshot-Content-Location: https://example.com/news/chips\r\n\
Subject: Chips\r\n\
MIME-Version: 1.0\r\n\
Content-Type: multipart/related;\r\n\
\ttype=\"text/html\";\r\n\
\tboundary=\"----Boundary--x1\"\r\n\
\r\n\
\r\n\
------Boundary--x1\r\n\
Content-Type: text/html\r\n\
Content-Transfer-Encoding: quoted-printable\r\n\
Content-Location: https://example.com/news/chips\r\n\
\r\n\
<html><head><meta charset=3D\"utf-8\"></head><body><p>The foundry=E2=80=99s pac=\r\n\
kaging lines are full.</p></body></html>\r\n\
------Boundary--x1\r\n\
Content-Type: text/css\r\n\
Content-Transfer-Encoding: quoted-printable\r\n\
\r\n\
p { color: red; }\r\n\
------Boundary--x1\r\n\
Content-Type: text/html\r\n\
Content-Transfer-Encoding: quoted-printable\r\n\
\r\n\
<p>An advert frame</p>\r\n\
------Boundary--x1--\r\n";

    #[test]
    fn a_saved_page_gives_its_first_html_part_decoded() {
        assert!(looks_like_archive(SAVED.as_bytes()));
        let page = unwrap(SAVED.as_bytes()).expect("a page");
        let html = String::from_utf8(page.bytes).expect("utf-8");
        assert!(html.contains("The foundry\u{2019}s packaging lines are full."));
        assert!(!html.contains("advert"));
        assert_eq!(page.content_type, None);
    }

    #[test]
    fn a_part_naming_its_charset_hands_it_on() {
        let mail = "MIME-Version: 1.0\nContent-Type: text/html; charset=big5\nContent-Transfer-Encoding: base64\n\nPHA+pKSk5TwvcD4=\n";
        assert!(looks_like_archive(mail.as_bytes()));
        let page = unwrap(mail.as_bytes()).expect("a page");
        assert_eq!(page.bytes, b"<p>\xa4\xa4\xa4\xe5</p>");
        assert_eq!(
            page.content_type.as_deref(),
            Some("text/html; charset=big5")
        );
    }

    #[test]
    fn pages_and_text_are_not_archives() {
        for s in [
            "<!DOCTYPE html><html><body>MIME-Version: 1.0</body></html>",
            "Content-Type: text/html\n\nno version header",
            "标题：MIME-Version: 1.0\nContent-Type: text/html\n\n",
            "Subject line of a dump: MIME-Version: 1.0\nNext line without colon\nContent-Type: text/html\n\n",
            "",
        ] {
            assert!(!looks_like_archive(s.as_bytes()), "{s}");
        }
    }
}
