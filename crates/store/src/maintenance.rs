//! Keeping a sled store usable over time: compaction and recovery after a
//! full disk.
//!
//! Owns: copying a store's live data into a fresh directory and swapping it
//! in (sled's files grow without bound when documents are replaced, as
//! `reprocess` does), and removing the half-written snapshot files a full
//! disk leaves behind (sled then refuses to open with `Corruption`).
//! Must not know: what the trees hold.

use crate::StoreError;
use std::path::{Path, PathBuf};

/// Name of the marker written into a compacted copy once it is complete.
const COMPLETE_MARKER: &str = "newsfacts-compacted";

/// Sizes before and after a compaction, in bytes on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompactReport {
    pub before: u64,
    pub after: u64,
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

fn io(path: &Path, e: impl std::fmt::Display) -> StoreError {
    StoreError::Io {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

/// Copies the live data of the store at `path` into a fresh store and swaps
/// it in. The store must not be open elsewhere (its lock is taken). A crash
/// at any point leaves either the old or the complete new store in place;
/// [`finish_interrupted_compaction`] completes an interrupted swap.
pub fn compact(path: &Path) -> Result<CompactReport, StoreError> {
    let fresh = sibling(path, ".compacting");
    let retired = sibling(path, ".retired");
    for leftover in [&fresh, &retired] {
        if leftover.exists() {
            std::fs::remove_dir_all(leftover).map_err(|e| io(leftover, e))?;
        }
    }
    let before;
    let after;
    {
        let old = crate::SledStore::open(path)?;
        before = old.size_on_disk();
        let new = sled::Config::new()
            .path(&fresh)
            .open()
            .map_err(|e| io(&fresh, e))?;
        new.import(old.db().export());
        new.flush().map_err(|e| io(&fresh, e))?;
        after = new.size_on_disk().map_err(|e| io(&fresh, e))?;
    }
    std::fs::write(fresh.join(COMPLETE_MARKER), b"").map_err(|e| io(&fresh, e))?;
    std::fs::rename(path, &retired).map_err(|e| io(path, e))?;
    std::fs::rename(&fresh, path).map_err(|e| io(path, e))?;
    let _ = std::fs::remove_file(path.join(COMPLETE_MARKER));
    std::fs::remove_dir_all(&retired).map_err(|e| io(&retired, e))?;
    Ok(CompactReport { before, after })
}

/// If a compaction was interrupted between retiring the old store and
/// moving the new one in, moves the complete new one in.
pub fn finish_interrupted_compaction(path: &Path) -> Result<(), StoreError> {
    let fresh = sibling(path, ".compacting");
    if !path.exists() && fresh.join(COMPLETE_MARKER).exists() {
        std::fs::rename(&fresh, path).map_err(|e| io(path, e))?;
        let _ = std::fs::remove_file(path.join(COMPLETE_MARKER));
        let retired = sibling(path, ".retired");
        if retired.exists() {
            std::fs::remove_dir_all(&retired).map_err(|e| io(&retired, e))?;
        }
    }
    Ok(())
}

/// Removes `snap.*.generating` files: snapshots sled began writing and never
/// finished (a full disk or a crash). Returns what was removed.
pub fn remove_unfinished_snapshots(path: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(path) else {
        return Vec::new();
    };
    entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("snap.") && n.ends_with(".generating"))
        })
        .filter(|p| std::fs::remove_file(p).is_ok())
        .collect()
}

/// True when an I/O error message says the disk is full.
pub(crate) fn is_disk_full(message: &str) -> bool {
    message.contains("No space left on device") || message.contains("os error 28")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{DocumentStore, FactFilter, SledStore};

    fn put(store: &SledStore, url: &str, n: usize) {
        let text = "寒武纪".repeat(n);
        let facts = (0..n)
            .map(|i| model::Fact::Company {
                canonical: "Cambricon".into(),
                surface: "寒武纪".into(),
                start: i * 3,
                end: i * 3 + 3,
                sentence: text.clone(),
            })
            .collect();
        let doc = crate::StoredDocument {
            id: crate::doc_id(url),
            raw: model::RawPage {
                url: url.into(),
                final_url: url.into(),
                fetched_at: String::new(),
                status: 200,
                content_type: None,
                declared_charset: None,
                detected_charset: None,
                bytes: text.clone().into_bytes(),
            },
            doc: model::CleanDoc {
                source: url.into(),
                title: None,
                published: None,
                lang: model::Lang::ZhHans,
                text: text.clone(),
                paragraphs: vec![],
                dropped: vec![],
            },
            facts,
            rules_version: model::RULES_VERSION,
            content_hash: crate::content_hash(text.as_bytes()),
        };
        store.put_document(&doc).unwrap();
    }

    #[test]
    fn compaction_keeps_every_fact_and_shrinks_a_store_full_of_replacements() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store");
        {
            let store = SledStore::open(&path).unwrap();
            for round in 0..40 {
                for doc in 0..5 {
                    put(&store, &format!("file:///{doc}"), 50 + round);
                }
            }
            store.flush().unwrap();
        }
        let report = compact(&path).unwrap();
        assert!(report.after < report.before, "{report:?}");
        let store = SledStore::open(&path).unwrap();
        assert_eq!(store.document_ids().unwrap().len(), 5);
        assert_eq!(store.facts(&FactFilter::default()).unwrap().len(), 5 * 89);
        assert!(!sibling(&path, ".compacting").exists());
        assert!(!sibling(&path, ".retired").exists());
    }

    #[test]
    fn an_interrupted_swap_is_finished_on_the_next_open() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store");
        {
            let store = SledStore::open(&path).unwrap();
            put(&store, "file:///a", 3);
            store.flush().unwrap();
        }
        // Simulate a crash after the fresh copy was complete and the old
        // store was retired, before the fresh copy was moved in.
        let fresh = sibling(&path, ".compacting");
        std::fs::rename(&path, &fresh).unwrap();
        std::fs::write(fresh.join(COMPLETE_MARKER), b"").unwrap();
        let store = SledStore::open(&path).unwrap();
        assert_eq!(store.facts(&FactFilter::default()).unwrap().len(), 3);
    }

    #[test]
    fn unfinished_snapshots_are_removed_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("snap.00000000000A.generating"), b"x").unwrap();
        std::fs::write(dir.path().join("snap.00000000000A"), b"x").unwrap();
        std::fs::write(dir.path().join("conf"), b"x").unwrap();
        let removed = remove_unfinished_snapshots(dir.path());
        assert_eq!(removed.len(), 1);
        assert!(dir.path().join("snap.00000000000A").exists());
        assert!(dir.path().join("conf").exists());
    }
}
