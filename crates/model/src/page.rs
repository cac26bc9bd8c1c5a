//! Pages before and after cleaning.

use serde::{Deserialize, Serialize};

/// A page as fetched or read from disk, before any decoding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawPage {
    /// The URL (or `file://` path) the page was requested as, canonicalised.
    pub url: String,
    /// Where the page was finally served from after redirects.
    pub final_url: String,
    /// Fetch time, RFC 3339 UTC.
    pub fetched_at: String,
    /// HTTP status, or 200 for pages read from disk.
    pub status: u16,
    /// `Content-Type` header, when there was one.
    pub content_type: Option<String>,
    /// Charset named by the HTTP header or `<meta>`, when any.
    pub declared_charset: Option<String>,
    /// Charset actually used to decode the bytes.
    pub detected_charset: Option<String>,
    /// The original bytes, untouched.
    pub bytes: Vec<u8>,
}

/// Language / script of an article body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[serde(rename = "en")]
    En,
    #[serde(rename = "zh-Hans")]
    ZhHans,
    #[serde(rename = "zh-Hant")]
    ZhHant,
}

impl Lang {
    /// The BCP-47 tag used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhHans => "zh-Hans",
            Lang::ZhHant => "zh-Hant",
        }
    }

    /// True for both Chinese scripts.
    pub fn is_chinese(self) -> bool {
        !matches!(self, Lang::En)
    }
}

/// A byte range into a text, `end` exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// Why the cleaner removed a part of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DropReason {
    /// Navigation, menus, share counters, breadcrumbs, app promos, markup residue.
    Chrome,
    /// Lists of related or recommended headlines.
    RelatedLinks,
    /// Disclaimers, copyright, editor and contact lines.
    Disclaimer,
    /// Keyword-stuffed SEO or adult spam, link farms.
    Spam,
    /// Text in a language that does not belong to the article, broken tokens.
    Garbled,
    /// A line repeated from earlier in the page (repeated titles, abstracts).
    DuplicateLine,
    /// Citation markers such as `[1]`.
    Citation,
    /// Metadata moved out of the body (title, date, source lines).
    Metadata,
    /// Anything outside the article body that fits no other reason.
    Boilerplate,
}

impl DropReason {
    pub fn as_str(self) -> &'static str {
        match self {
            DropReason::Chrome => "chrome",
            DropReason::RelatedLinks => "related_links",
            DropReason::Disclaimer => "disclaimer",
            DropReason::Spam => "spam",
            DropReason::Garbled => "garbled",
            DropReason::DuplicateLine => "duplicate_line",
            DropReason::Citation => "citation",
            DropReason::Metadata => "metadata",
            DropReason::Boilerplate => "boilerplate",
        }
    }
}

/// One removed part of a page, kept as an excerpt so a person can see why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dropped {
    pub reason: DropReason,
    /// The removed text (possibly shortened for very long parts).
    pub excerpt: String,
}

/// The article as the cleaner kept it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CleanDoc {
    /// Where the page came from (URL or file path).
    pub source: String,
    pub title: Option<String>,
    /// Publication time as found on the page (normalised to ISO 8601 when possible).
    pub published: Option<String>,
    pub lang: Lang,
    /// The clean article text: paragraphs separated by a single `\n`.
    pub text: String,
    /// Byte spans of the paragraphs in `text`.
    pub paragraphs: Vec<Span>,
    /// What was removed and why.
    pub dropped: Vec<Dropped>,
}

impl CleanDoc {
    /// Number of Unicode characters in the clean text.
    pub fn chars(&self) -> usize {
        self.text.chars().count()
    }
}
