//! `newsfacts reprocess`: run cleaning and extraction again over stored raw
//! pages, without fetching.
//!
//! Owns: choosing which documents to redo (all, or only those made by older
//! rules) and replacing each one's document and facts in one store write.
//! Must not know: how stages work inside, or how results are printed.

use crate::{Engine, PipelineError, SourceSummary};
use store::{DocumentStore, StoredDocument};

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
        match engine.analyse_page(&stored.raw) {
            Ok(analysis) => {
                summary.stored += 1;
                summary.new_facts += analysis.facts.len();
                store.put_document(&StoredDocument {
                    doc: analysis.doc,
                    facts: analysis.facts,
                    rules_version: model::RULES_VERSION,
                    ..stored
                })?;
            }
            Err(e) => {
                summary.failed += 1;
                summary.problems.push(format!("failed {e}"));
            }
        }
    }
    store.flush()?;
    Ok(summary)
}
