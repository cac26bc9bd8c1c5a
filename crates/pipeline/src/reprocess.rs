//! `newsfacts reprocess`: run cleaning and extraction again over stored raw
//! pages, or over a directory of saved pages (`--fixtures DIR`), without
//! fetching.
//!
//! Owns: choosing which documents to redo (all, or only those made by older
//! rules or whose saved bytes changed) and replacing each one's document and
//! facts in one store write.
//! Must not know: how stages work inside, or how results are printed.

use crate::{Engine, PipelineError, SourceSummary};
use model::RawPage;
use std::path::Path;
use store::{content_hash, doc_id, DocumentStore, StoredDocument};

/// Re-analyses stored pages; with `stale_only`, only those whose rules
/// version differs from the current one. A page that no longer analyses
/// keeps its earlier document and is counted as failed.
pub fn reprocess(
    engine: &Engine,
    store: &dyn DocumentStore,
    stale_only: bool,
) -> Result<SourceSummary, PipelineError> {
    let mut summary = SourceSummary {
        name: "reprocess".into(),
        ..Default::default()
    };
    for id in store.document_ids()? {
        let Some(stored) = store.get_document(&id)? else {
            continue;
        };
        if stale_only && stored.rules_version == model::RULES_VERSION {
            summary.not_modified += 1;
            continue;
        }
        redo(
            engine,
            store,
            stored.id,
            stored.raw,
            stored.content_hash,
            &mut summary,
        )?;
    }
    store.flush()?;
    Ok(summary)
}

/// Re-analyses the saved pages under `dir` (HTML or text files, as an
/// `ingest` directory source reads them) and stores each one, replacing the
/// document stored for the same file. With `stale_only`, a page whose bytes
/// and rules version match its stored document is left as it is. A page
/// that cannot be read or analysed is counted as failed and the rest go on.
pub fn reprocess_dir(
    engine: &Engine,
    store: &dyn DocumentStore,
    dir: &Path,
    max_bytes: u64,
    stale_only: bool,
) -> Result<SourceSummary, PipelineError> {
    let mut summary = SourceSummary {
        name: dir.display().to_string(),
        ..Default::default()
    };
    let paths = fetcher::dir::list_pages(dir).map_err(|e| PipelineError::Input {
        source_name: dir.display().to_string(),
        message: e.to_string(),
    })?;
    for path in paths {
        let page = match fetcher::dir::read_page(&path, max_bytes) {
            Ok(page) => page,
            Err(e) => {
                summary.failed += 1;
                summary.problems.push(format!("failed {e}"));
                continue;
            }
        };
        summary.fetched += 1;
        let id = doc_id(&page.url);
        let hash = content_hash(&page.bytes);
        if stale_only {
            let current = store
                .get_document(&id)?
                .is_some_and(|d| d.content_hash == hash && d.rules_version == model::RULES_VERSION);
            if current {
                summary.not_modified += 1;
                continue;
            }
        }
        redo(engine, store, id, page, hash, &mut summary)?;
    }
    store.flush()?;
    Ok(summary)
}

/// Analyses one raw page and replaces document `id` with the result, or
/// counts it as failed (the stored document, if any, stays).
fn redo(
    engine: &Engine,
    store: &dyn DocumentStore,
    id: String,
    mut raw: RawPage,
    content_hash: String,
    summary: &mut SourceSummary,
) -> Result<(), PipelineError> {
    match engine.analyse_page(&raw) {
        Ok(analysis) => {
            raw.detected_charset = Some(analysis.charset);
            raw.declared_charset = analysis.declared_charset;
            summary.stored += 1;
            summary.new_facts += analysis.facts.len();
            store.put_document(&StoredDocument {
                id,
                raw,
                doc: analysis.doc,
                facts: analysis.facts,
                rules_version: model::RULES_VERSION,
                content_hash,
            })?;
        }
        Err(e) => {
            summary.failed += 1;
            summary.problems.push(format!("failed {e}"));
        }
    }
    Ok(())
}
