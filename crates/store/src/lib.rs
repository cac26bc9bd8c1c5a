//! The store: raw pages, clean documents, facts and their indexes.
//!
//! Owns: persistence behind the [`DocumentStore`] trait, and its sled
//! implementation [`SledStore`]. One document (raw page, clean document,
//! facts, entity index entries) is written in one transaction, so a crash
//! never leaves half a document, and writing the same document again
//! replaces its facts instead of adding to them.
//! Must not know: how pages are fetched, cleaned or extracted.

mod error;
pub mod maintenance;
mod record;
mod sled_store;

pub use error::StoreError;
pub use record::{
    content_hash, doc_id, DocSummary, FactFilter, FactRow, FetchState, PutOutcome, Stats,
    StoredDocument,
};
pub use sled_store::SledStore;

/// What every store backend offers. Small on purpose, so a server-backed
/// store can be added for users who outgrow one machine.
pub trait DocumentStore {
    /// Writes one document and its facts atomically, replacing an earlier
    /// version with the same id.
    fn put_document(&self, doc: &StoredDocument) -> Result<PutOutcome, StoreError>;
    /// Reads one document back.
    fn get_document(&self, id: &str) -> Result<Option<StoredDocument>, StoreError>;
    /// Ids of every stored document, in key order.
    fn document_ids(&self) -> Result<Vec<String>, StoreError>;
    /// The id of the document whose raw bytes hash to `hash`, if any.
    fn find_by_content(&self, hash: &str) -> Result<Option<String>, StoreError>;
    /// Facts matching `filter`, each with its document's summary.
    fn facts(&self, filter: &FactFilter) -> Result<Vec<FactRow>, StoreError>;
    /// Counts for `newsfacts stats`.
    fn stats(&self, top: usize) -> Result<Stats, StoreError>;
    /// Makes every acknowledged write durable.
    fn flush(&self) -> Result<(), StoreError>;
    /// What the last successful fetch of `url` left (validators, time).
    fn fetch_state(&self, url: &str) -> Result<Option<FetchState>, StoreError>;
    /// Records the fetch state of `url`.
    fn set_fetch_state(&self, url: &str, state: &FetchState) -> Result<(), StoreError>;
    /// Records the simhash of document `id` (replacing an earlier one) and,
    /// when `near_of` is given, links it as a near-duplicate of that document.
    fn put_simhash(&self, id: &str, simhash: u64, near_of: Option<&str>) -> Result<(), StoreError>;
    /// Another document whose simhash differs from `simhash` in at most
    /// `max_bits` bits (`max_bits` < 4), with the distance.
    fn find_near(
        &self,
        id: &str,
        simhash: u64,
        max_bits: u32,
    ) -> Result<Option<(String, u32)>, StoreError>;
    /// The document `id` was linked to as a near-duplicate, if any.
    fn near_duplicate_of(&self, id: &str) -> Result<Option<String>, StoreError>;
    /// Writes a document and the fetch state of its URL together, so a
    /// crash never leaves a state that claims a page the store lacks.
    fn put_document_with_state(
        &self,
        doc: &StoredDocument,
        state: &FetchState,
    ) -> Result<PutOutcome, StoreError> {
        let outcome = self.put_document(doc)?;
        self.set_fetch_state(&doc.raw.url, state)?;
        Ok(outcome)
    }
}
