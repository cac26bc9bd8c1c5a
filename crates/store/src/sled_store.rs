//! The sled implementation of [`DocumentStore`].
//!
//! Trees (keys are document ids unless said otherwise):
//! - `raw`: the page's original bytes;
//! - `docs`: JSON of the rest of [`StoredDocument`] (page metadata, clean
//!   document, rules version, content hash);
//! - `facts`: JSON array of the document's facts;
//! - `entities`: `lower(entity) 0x00 id` -> number of facts (entity index);
//! - `urls`: page URL -> id; `hashes`: content hash -> id;
//! - `fetch_state`: page URL -> JSON [`crate::FetchState`] (validators and
//!   the time of the last successful fetch);
//! - `simhash`: `0xff id` -> the document's 64-bit simhash, and for each of
//!   its four 16-bit bands `band_no band id` -> simhash (two hashes within 3
//!   bits share at least one band, so lookups scan four short prefixes);
//! - `near`: id -> id of the first copy it is a near-duplicate of.
//!
//! All six trees of one document change in one sled transaction. sled may
//! lose acknowledged writes that were not flushed when the process dies, so
//! callers [`DocumentStore::flush`] before reporting documents as stored.

use crate::record::{
    DocSummary, FactFilter, FactRow, FetchState, PutOutcome, Stats, StoredDocument,
};
use crate::{DocumentStore, StoreError};
use model::{CleanDoc, Fact, FactKind, RawPage};
use serde::{Deserialize, Serialize};
use sled::transaction::{ConflictableTransactionError, TransactionError};
use sled::Transactional;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// sled's page cache (its default, 1 GiB, lets a long ingest grow to
/// hundreds of MB; writes do not need a large cache).
const CACHE_BYTES: u64 = 64 * 1024 * 1024;

/// A store in one directory on disk.
pub struct SledStore {
    path: PathBuf,
    db: sled::Db,
    raw: sled::Tree,
    docs: sled::Tree,
    facts: sled::Tree,
    entities: sled::Tree,
    urls: sled::Tree,
    hashes: sled::Tree,
    fetch_state: sled::Tree,
    simhash: sled::Tree,
    near: sled::Tree,
}

/// The `docs` tree's value: a [`StoredDocument`] without bytes and facts.
#[derive(Serialize, Deserialize)]
struct DocEntry {
    raw: RawPage,
    doc: CleanDoc,
    rules_version: u32,
    content_hash: String,
}

impl SledStore {
    /// Opens (creating when missing) the store at `path`.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        crate::maintenance::finish_interrupted_compaction(path)?;
        std::fs::create_dir_all(path).map_err(|e| StoreError::Open {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
        let db = sled::Config::new()
            .path(path)
            .cache_capacity(CACHE_BYTES)
            .open()
            .map_err(|e| open_error(path, e))?;
        let tree = |name: &str| {
            db.open_tree(name).map_err(|e| StoreError::Open {
                path: path.to_path_buf(),
                message: e.to_string(),
            })
        };
        Ok(SledStore {
            raw: tree("raw")?,
            docs: tree("docs")?,
            facts: tree("facts")?,
            entities: tree("entities")?,
            urls: tree("urls")?,
            hashes: tree("hashes")?,
            fetch_state: tree("fetch_state")?,
            simhash: tree("simhash")?,
            near: tree("near")?,
            path: path.to_path_buf(),
            db,
        })
    }

    /// The underlying database (for maintenance).
    pub(crate) fn db(&self) -> &sled::Db {
        &self.db
    }

    /// Bytes the store takes on disk.
    pub fn size_on_disk(&self) -> u64 {
        self.db.size_on_disk().unwrap_or(0)
    }

    /// Where the store lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn io(&self, e: impl std::fmt::Display) -> StoreError {
        let message = e.to_string();
        if crate::maintenance::is_disk_full(&message) {
            return StoreError::DiskFull {
                path: self.path.clone(),
            };
        }
        StoreError::Io {
            path: self.path.clone(),
            message,
        }
    }

    fn corrupt(&self, e: impl std::fmt::Display) -> StoreError {
        StoreError::Corrupt {
            path: self.path.clone(),
            message: e.to_string(),
        }
    }

    fn entry(&self, id: &[u8]) -> Result<Option<DocEntry>, StoreError> {
        match self.docs.get(id).map_err(|e| self.io(e))? {
            Some(v) => serde_json::from_slice(&v)
                .map(Some)
                .map_err(|e| self.corrupt(e)),
            None => Ok(None),
        }
    }

    fn facts_of(&self, id: &[u8]) -> Result<Vec<Fact>, StoreError> {
        match self.facts.get(id).map_err(|e| self.io(e))? {
            Some(v) => serde_json::from_slice(&v).map_err(|e| self.corrupt(e)),
            None => Ok(Vec::new()),
        }
    }

    fn summary(&self, id: &str, entry: &DocEntry) -> DocSummary {
        DocSummary {
            id: id.to_string(),
            source: entry.doc.source.clone(),
            title: entry.doc.title.clone(),
            published: entry.doc.published.clone(),
            near_duplicate_of: self.near_duplicate_of(id).ok().flatten(),
        }
    }
}

fn open_error(path: &Path, e: sled::Error) -> StoreError {
    let message = e.to_string();
    let locked = matches!(&e, sled::Error::Io(io) if io.kind() == std::io::ErrorKind::WouldBlock)
        || message.contains("could not acquire lock");
    if locked {
        StoreError::Locked {
            path: path.to_path_buf(),
        }
    } else {
        StoreError::Open {
            path: path.to_path_buf(),
            message,
        }
    }
}

/// At most this many stored fingerprints are compared per band and lookup.
const NEAR_CANDIDATES_PER_BAND: usize = 64;

/// The four band keys of `simhash` for document `id`.
fn band_keys(id: &str, simhash: u64) -> Vec<Vec<u8>> {
    (0..4u8)
        .map(|band| {
            let bits = (simhash >> (16 * u32::from(band))) as u16;
            let mut key = vec![band];
            key.extend_from_slice(&bits.to_be_bytes());
            key.extend_from_slice(id.as_bytes());
            key
        })
        .collect()
}

fn simhash_key(id: &str) -> Vec<u8> {
    let mut key = vec![0xff];
    key.extend_from_slice(id.as_bytes());
    key
}

/// Index keys of a set of facts: `lower(entity) 0x00 id` -> count.
fn entity_keys(id: &str, facts: &[Fact]) -> HashMap<Vec<u8>, u64> {
    let mut keys = HashMap::new();
    for fact in facts {
        for entity in fact.entities() {
            let mut key = entity.to_lowercase().into_bytes();
            key.push(0);
            key.extend_from_slice(id.as_bytes());
            *keys.entry(key).or_insert(0) += 1;
        }
    }
    keys
}

impl SledStore {
    /// One transaction over the document's trees (and its fetch state).
    fn put_inner(
        &self,
        doc: &StoredDocument,
        state: Option<&FetchState>,
    ) -> Result<PutOutcome, StoreError> {
        let state_json = state
            .map(serde_json::to_vec)
            .transpose()
            .map_err(|e| self.io(e))?;
        let entry = DocEntry {
            raw: RawPage {
                bytes: Vec::new(),
                ..doc.raw.clone()
            },
            doc: doc.doc.clone(),
            rules_version: doc.rules_version,
            content_hash: doc.content_hash.clone(),
        };
        let entry_json = serde_json::to_vec(&entry).map_err(|e| self.io(e))?;
        let facts_json = serde_json::to_vec(&doc.facts).map_err(|e| self.io(e))?;
        let new_keys = entity_keys(&doc.id, &doc.facts);
        let id = doc.id.as_bytes();
        let result = (
            &self.raw,
            &self.docs,
            &self.facts,
            &self.entities,
            &self.urls,
            &self.hashes,
            &self.fetch_state,
        )
            .transaction(|(raw, docs, facts, entities, urls, hashes, fetch_state)| {
                let previous = docs.insert(id, entry_json.as_slice())?;
                if let Some(old) = facts.get(id)? {
                    let old: Vec<Fact> = serde_json::from_slice(&old)
                        .map_err(|e| ConflictableTransactionError::Abort(e.to_string()))?;
                    for key in entity_keys(&doc.id, &old).keys() {
                        entities.remove(key.as_slice())?;
                    }
                }
                if let Some(old) = &previous {
                    let old: DocEntry = serde_json::from_slice(old)
                        .map_err(|e| ConflictableTransactionError::Abort(e.to_string()))?;
                    if old.content_hash != doc.content_hash {
                        hashes.remove(old.content_hash.as_bytes())?;
                    }
                }
                facts.insert(id, facts_json.as_slice())?;
                for (key, count) in &new_keys {
                    entities.insert(key.as_slice(), &count.to_be_bytes())?;
                }
                raw.insert(id, doc.raw.bytes.as_slice())?;
                urls.insert(doc.raw.url.as_bytes(), id)?;
                hashes.insert(doc.content_hash.as_bytes(), id)?;
                if let Some(json) = &state_json {
                    fetch_state.insert(doc.raw.url.as_bytes(), json.as_slice())?;
                }
                Ok(previous.is_some())
            });
        match result {
            Ok(true) => Ok(PutOutcome::Replaced),
            Ok(false) => Ok(PutOutcome::Inserted),
            Err(TransactionError::Abort(message)) => Err(self.corrupt(message)),
            Err(TransactionError::Storage(e)) => Err(self.io(e)),
        }
    }
}

impl DocumentStore for SledStore {
    fn put_document(&self, doc: &StoredDocument) -> Result<PutOutcome, StoreError> {
        self.put_inner(doc, None)
    }

    fn put_document_with_state(
        &self,
        doc: &StoredDocument,
        state: &FetchState,
    ) -> Result<PutOutcome, StoreError> {
        self.put_inner(doc, Some(state))
    }

    fn put_simhash(&self, id: &str, simhash: u64, near_of: Option<&str>) -> Result<(), StoreError> {
        let result = (&self.simhash, &self.near).transaction(|(tree, near)| {
            if let Some(old) = tree.get(simhash_key(id))? {
                if let Ok(bytes) = <[u8; 8]>::try_from(old.as_ref()) {
                    for key in band_keys(id, u64::from_be_bytes(bytes)) {
                        tree.remove(key)?;
                    }
                }
            }
            tree.insert(simhash_key(id), &simhash.to_be_bytes())?;
            for key in band_keys(id, simhash) {
                tree.insert(key, &simhash.to_be_bytes())?;
            }
            match near_of {
                Some(first) => near.insert(id.as_bytes(), first.as_bytes())?,
                None => near.remove(id.as_bytes())?,
            };
            Ok::<(), ConflictableTransactionError<String>>(())
        });
        result.map_err(|e| match e {
            TransactionError::Abort(m) => self.io(m),
            TransactionError::Storage(e) => self.io(e),
        })
    }

    fn find_near(
        &self,
        id: &str,
        simhash: u64,
        max_bits: u32,
    ) -> Result<Option<(String, u32)>, StoreError> {
        let mut best: Option<(String, u32)> = None;
        for band in 0..4u8 {
            let bits = (simhash >> (16 * u32::from(band))) as u16;
            let mut prefix = vec![band];
            prefix.extend_from_slice(&bits.to_be_bytes());
            // A crowded band (many near-identical pages) is not scanned to
            // the end: lookups stay cheap, at the price of missing a link.
            for kv in self
                .simhash
                .scan_prefix(&prefix)
                .take(NEAR_CANDIDATES_PER_BAND)
            {
                let (key, value) = kv.map_err(|e| self.io(e))?;
                let other = String::from_utf8_lossy(&key[prefix.len()..]).into_owned();
                let Ok(bytes) = <[u8; 8]>::try_from(value.as_ref()) else {
                    continue;
                };
                let distance = (u64::from_be_bytes(bytes) ^ simhash).count_ones();
                if other != id
                    && distance <= max_bits
                    && best
                        .as_ref()
                        .is_none_or(|(b, d)| (distance, &other) < (*d, b))
                {
                    best = Some((other, distance));
                }
            }
        }
        Ok(best)
    }

    fn near_duplicate_of(&self, id: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .near
            .get(id.as_bytes())
            .map_err(|e| self.io(e))?
            .map(|v| String::from_utf8_lossy(&v).into_owned()))
    }

    fn fetch_state(&self, url: &str) -> Result<Option<FetchState>, StoreError> {
        match self
            .fetch_state
            .get(url.as_bytes())
            .map_err(|e| self.io(e))?
        {
            Some(v) => serde_json::from_slice(&v)
                .map(Some)
                .map_err(|e| self.corrupt(e)),
            None => Ok(None),
        }
    }

    fn set_fetch_state(&self, url: &str, state: &FetchState) -> Result<(), StoreError> {
        let json = serde_json::to_vec(state).map_err(|e| self.io(e))?;
        self.fetch_state
            .insert(url.as_bytes(), json)
            .map(|_| ())
            .map_err(|e| self.io(e))
    }

    fn get_document(&self, id: &str) -> Result<Option<StoredDocument>, StoreError> {
        let Some(entry) = self.entry(id.as_bytes())? else {
            return Ok(None);
        };
        let bytes = self
            .raw
            .get(id.as_bytes())
            .map_err(|e| self.io(e))?
            .map(|v| v.to_vec())
            .unwrap_or_default();
        Ok(Some(StoredDocument {
            id: id.to_string(),
            raw: RawPage { bytes, ..entry.raw },
            doc: entry.doc,
            facts: self.facts_of(id.as_bytes())?,
            rules_version: entry.rules_version,
            content_hash: entry.content_hash,
        }))
    }

    fn document_ids(&self) -> Result<Vec<String>, StoreError> {
        self.docs
            .iter()
            .keys()
            .map(|k| {
                k.map_err(|e| self.io(e))
                    .map(|k| String::from_utf8_lossy(&k).into_owned())
            })
            .collect()
    }

    fn find_by_content(&self, hash: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .hashes
            .get(hash.as_bytes())
            .map_err(|e| self.io(e))?
            .map(|v| String::from_utf8_lossy(&v).into_owned()))
    }

    fn facts(&self, filter: &FactFilter) -> Result<Vec<FactRow>, StoreError> {
        let ids: Vec<String> = match &filter.entity {
            Some(name) => {
                let mut prefix = name.to_lowercase().into_bytes();
                prefix.push(0);
                let mut ids = Vec::new();
                for kv in self.entities.scan_prefix(&prefix) {
                    let (k, _) = kv.map_err(|e| self.io(e))?;
                    ids.push(String::from_utf8_lossy(&k[prefix.len()..]).into_owned());
                }
                ids
            }
            None => self.document_ids()?,
        };
        let wanted_entity = filter.entity.as_ref().map(|e| e.to_lowercase());
        let mut rows = Vec::new();
        for id in ids {
            let Some(entry) = self.entry(id.as_bytes())? else {
                continue;
            };
            let summary = self.summary(&id, &entry);
            for fact in self.facts_of(id.as_bytes())? {
                if filter.kind.is_some_and(|k| k != fact.kind()) {
                    continue;
                }
                if let Some(want) = &wanted_entity {
                    if !fact.entities().iter().any(|e| e.to_lowercase() == *want) {
                        continue;
                    }
                }
                rows.push(FactRow {
                    fact,
                    doc: summary.clone(),
                });
            }
        }
        Ok(rows)
    }

    fn stats(&self, top: usize) -> Result<Stats, StoreError> {
        let mut stats = Stats::default();
        let mut entity_counts: HashMap<String, usize> = HashMap::new();
        for kv in self.docs.iter() {
            let (id, v) = kv.map_err(|e| self.io(e))?;
            let entry: DocEntry = serde_json::from_slice(&v).map_err(|e| self.corrupt(e))?;
            stats.documents += 1;
            if entry.rules_version != model::RULES_VERSION {
                stats.stale_documents += 1;
            }
            for fact in self.facts_of(&id)? {
                stats.facts += 1;
                match fact.kind() {
                    FactKind::Company => stats.companies += 1,
                    FactKind::Chip => stats.chips += 1,
                    FactKind::Figure => stats.figures += 1,
                }
                if fact.kind() != FactKind::Figure {
                    for e in fact.entities().into_iter().take(1) {
                        *entity_counts.entry(e.to_string()).or_insert(0) += 1;
                    }
                }
            }
        }
        let mut top_entities: Vec<(String, usize)> = entity_counts.into_iter().collect();
        top_entities.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        top_entities.truncate(top);
        stats.top_entities = top_entities;
        stats.near_duplicates = self.near.len();
        stats.size_on_disk = self.db.size_on_disk().unwrap_or(0);
        Ok(stats)
    }

    fn flush(&self) -> Result<(), StoreError> {
        self.db.flush().map(|_| ()).map_err(|e| self.io(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{content_hash, doc_id};
    use model::{Lang, Span};

    fn document(url: &str, text: &str, facts: Vec<Fact>) -> StoredDocument {
        StoredDocument {
            id: doc_id(url),
            raw: RawPage {
                url: url.into(),
                final_url: url.into(),
                fetched_at: "2026-11-23T00:00:00Z".into(),
                status: 200,
                content_type: None,
                declared_charset: None,
                detected_charset: Some("UTF-8".into()),
                bytes: text.as_bytes().to_vec(),
            },
            doc: CleanDoc {
                source: url.into(),
                title: Some("t".into()),
                published: None,
                lang: Lang::ZhHans,
                text: text.into(),
                paragraphs: vec![Span {
                    start: 0,
                    end: text.len(),
                }],
                dropped: vec![],
            },
            facts,
            rules_version: model::RULES_VERSION,
            content_hash: content_hash(text.as_bytes()),
        }
    }

    fn company(name: &str) -> Fact {
        Fact::Company {
            canonical: name.into(),
            surface: name.into(),
            start: 0,
            end: 1,
            sentence: String::new(),
        }
    }

    #[test]
    fn writing_a_document_twice_replaces_its_facts_and_index() {
        let dir = tempfile::tempdir().unwrap();
        let store = SledStore::open(dir.path()).unwrap();
        let first = document(
            "file:///a",
            "寒武纪",
            vec![company("Cambricon"), company("NVIDIA")],
        );
        assert_eq!(store.put_document(&first).unwrap(), PutOutcome::Inserted);
        let second = document("file:///a", "寒武纪", vec![company("Cambricon")]);
        assert_eq!(store.put_document(&second).unwrap(), PutOutcome::Replaced);

        let all = store.facts(&FactFilter::default()).unwrap();
        assert_eq!(all.len(), 1);
        let nvidia = FactFilter {
            entity: Some("nvidia".into()),
            ..Default::default()
        };
        assert!(store.facts(&nvidia).unwrap().is_empty());
        let cambricon = FactFilter {
            entity: Some("CAMBRICON".into()),
            kind: Some(FactKind::Company),
        };
        assert_eq!(store.facts(&cambricon).unwrap()[0].doc.source, "file:///a");
        let back = store.get_document(&first.id).unwrap().unwrap();
        assert_eq!(back, second);
        assert_eq!(
            store.find_by_content(&second.content_hash).unwrap(),
            Some(first.id)
        );
    }

    #[test]
    fn documents_survive_reopening_and_are_counted() {
        let dir = tempfile::tempdir().unwrap();
        {
            let store = SledStore::open(dir.path()).unwrap();
            store
                .put_document(&document("file:///a", "a", vec![company("AMD")]))
                .unwrap();
            store
                .put_document(&document(
                    "file:///b",
                    "b",
                    vec![company("AMD"), company("Intel")],
                ))
                .unwrap();
            store.flush().unwrap();
        }
        let store = SledStore::open(dir.path()).unwrap();
        let stats = store.stats(1).unwrap();
        assert_eq!((stats.documents, stats.facts, stats.companies), (2, 3, 3));
        assert_eq!(stats.top_entities, vec![("AMD".to_string(), 2)]);
    }

    #[test]
    fn fetch_state_is_written_with_its_document_and_survives_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let doc = document("http://h/a", "a", vec![]);
        let state = FetchState {
            etag: Some("\"v1\"".into()),
            last_modified: None,
            fetched_at: 42,
            doc: Some(doc.id.clone()),
            gone: true,
        };
        {
            let store = SledStore::open(dir.path()).unwrap();
            assert_eq!(store.fetch_state("http://h/a").unwrap(), None);
            store.put_document_with_state(&doc, &state).unwrap();
            let other = FetchState {
                fetched_at: 7,
                ..Default::default()
            };
            store.set_fetch_state("http://h/b", &other).unwrap();
            store.flush().unwrap();
        }
        let store = SledStore::open(dir.path()).unwrap();
        assert_eq!(store.fetch_state("http://h/a").unwrap(), Some(state));
        assert_eq!(
            store.fetch_state("http://h/b").unwrap().unwrap().fetched_at,
            7
        );
        assert!(store.get_document(&doc.id).unwrap().is_some());
        // A state written before `gone` existed still reads.
        let old: FetchState =
            serde_json::from_str(r#"{"etag":null,"last_modified":null,"fetched_at":1,"doc":null}"#)
                .unwrap();
        assert!(!old.gone);
    }

    #[test]
    fn near_duplicates_are_found_by_band_and_linked() {
        let dir = tempfile::tempdir().unwrap();
        let store = SledStore::open(dir.path()).unwrap();
        let a = 0x0123_4567_89ab_cdef_u64;
        store.put_simhash("aaaa", a, None).unwrap();
        // Three bits off, spread over three bands: found through the fourth.
        let b = a ^ (1 | 1 << 20 | 1 << 40);
        assert_eq!(
            store.find_near("bbbb", b, 3).unwrap(),
            Some(("aaaa".into(), 3))
        );
        assert_eq!(store.find_near("bbbb", b, 2).unwrap(), None);
        assert_eq!(store.find_near("aaaa", a, 3).unwrap(), None, "not itself");
        store.put_simhash("bbbb", b, Some("aaaa")).unwrap();
        assert_eq!(
            store.near_duplicate_of("bbbb").unwrap().as_deref(),
            Some("aaaa")
        );
        assert_eq!(store.near_duplicate_of("aaaa").unwrap(), None);
        // Re-writing a document's simhash drops its old band keys.
        store.put_simhash("aaaa", !a, None).unwrap();
        assert_eq!(
            store.find_near("cccc", a, 3).unwrap(),
            Some(("bbbb".into(), 3)),
            "aaaa's old fingerprint is gone; bbbb is the nearest now"
        );
        assert_eq!(store.find_near("cccc", a, 0).unwrap(), None);
    }

    #[test]
    fn a_second_open_of_the_same_path_reports_the_lock_with_its_path() {
        let dir = tempfile::tempdir().unwrap();
        let _first = SledStore::open(dir.path()).unwrap();
        match SledStore::open(dir.path()) {
            Err(e @ StoreError::Locked { .. }) => {
                assert!(e.to_string().contains(&dir.path().display().to_string()))
            }
            Err(other) => panic!("expected a lock error, got {other}"),
            Ok(_) => panic!("a locked store opened twice"),
        }
    }
}
