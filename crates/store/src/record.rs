//! What the store keeps per document, and the shapes it answers queries with.

use model::{CleanDoc, Fact, FactKind, RawPage};
use serde::{Deserialize, Serialize};

/// Everything stored for one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredDocument {
    /// Stable id: see [`doc_id`].
    pub id: String,
    pub raw: RawPage,
    pub doc: CleanDoc,
    pub facts: Vec<Fact>,
    /// [`model::RULES_VERSION`] of the rules that produced `doc` and `facts`.
    pub rules_version: u32,
    /// See [`content_hash`].
    pub content_hash: String,
}

/// The id of the document fetched from `url`: 16 hex digits of its BLAKE3 hash.
pub fn doc_id(url: &str) -> String {
    blake3::hash(url.as_bytes()).to_hex()[..16].to_string()
}

/// Hash of a page's raw bytes, for "same content under another URL".
pub fn content_hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

/// What a write did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PutOutcome {
    /// A new document.
    Inserted,
    /// An earlier version was replaced (its facts removed).
    Replaced,
}

/// Which facts `dump` wants.
#[derive(Debug, Clone, Default)]
pub struct FactFilter {
    pub kind: Option<FactKind>,
    /// Canonical entity name, compared case-insensitively.
    pub entity: Option<String>,
}

/// The document a fact comes from, as printed next to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocSummary {
    pub id: String,
    pub source: String,
    pub title: Option<String>,
    pub published: Option<String>,
    /// The earlier document this one nearly duplicates (same story, a few
    /// words changed), when there is one; absent from the JSON otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub near_duplicate_of: Option<String>,
}

/// One fact with its document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FactRow {
    #[serde(flatten)]
    pub fact: Fact,
    pub doc: DocSummary,
}

/// Store-wide counts.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Stats {
    pub documents: usize,
    pub stale_documents: usize,
    pub facts: usize,
    pub companies: usize,
    pub chips: usize,
    pub figures: usize,
    /// `(entity, number of facts)`, most frequent first.
    pub top_entities: Vec<(String, usize)>,
    /// Documents stored as near-duplicates of an earlier one.
    pub near_duplicates: usize,
    pub size_on_disk: u64,
}

/// What the last successful fetch of one URL left behind, for conditional
/// GET and for not fetching a page twice in a short time.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FetchState {
    /// The `ETag` the server sent.
    pub etag: Option<String>,
    /// The `Last-Modified` the server sent.
    pub last_modified: Option<String>,
    /// When the URL was last fetched successfully (200 or 304), Unix seconds.
    pub fetched_at: u64,
    /// The document holding its content (its own, or the first copy's).
    pub doc: Option<String>,
    /// The last fetch answered 404 or 410 (the page is gone). A page that
    /// stays gone is skipped as `gone` by later runs instead of failing
    /// every night; its stored document, if any, is kept.
    #[serde(default)]
    pub gone: bool,
}
