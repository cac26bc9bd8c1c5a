//! `newsfacts ingest`: every configured source into the store.
//!
//! Owns: walking the sources, deciding per page whether it is new, changed,
//! unchanged or a duplicate of another URL, processing it through the
//! [`Engine`], writing it to the store, and counting what happened. The
//! store is flushed before a source's summary is reported, because sled may
//! lose acknowledged writes that were not flushed.
//! Must not know: how a stage works inside, or how results are printed.

use crate::{Config, Engine, PipelineError};
use fetcher::{FetchError, SourceConfig, SourceKind};
use model::RawPage;
use store::{content_hash, doc_id, DocumentStore, StoredDocument};

/// What happened to one source's pages.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceSummary {
    pub name: String,
    /// Pages read or fetched and stored (new or changed).
    pub stored: usize,
    /// Pages whose bytes and rules were unchanged since they were stored.
    pub unchanged: usize,
    /// Pages whose bytes are already stored under another URL.
    pub duplicates: usize,
    /// Pages skipped on purpose (empty, binary, too large, undecodable).
    pub skipped: usize,
    /// Pages or sources that could not be read.
    pub failed: usize,
    /// Facts written for stored pages.
    pub facts: usize,
    /// One line per skipped or failed page.
    pub problems: Vec<String>,
}

impl SourceSummary {
    /// The summary line printed for this source.
    pub fn line(&self) -> String {
        format!(
            "{}: stored {}, unchanged {}, duplicates {}, skipped {}, failed {}, facts {}",
            self.name,
            self.stored,
            self.unchanged,
            self.duplicates,
            self.skipped,
            self.failed,
            self.facts
        )
    }
}

/// The summary of a whole run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunSummary {
    pub sources: Vec<SourceSummary>,
}

impl RunSummary {
    /// Exit status for schedulers: 0 when everything was reached, 3 when
    /// some pages or sources failed.
    pub fn exit_code(&self) -> i32 {
        if self.sources.iter().any(|s| s.failed > 0) {
            3
        } else {
            0
        }
    }
}

/// Runs every source of `config` into `store`.
pub fn ingest(
    engine: &Engine,
    store: &dyn DocumentStore,
    config: &Config,
) -> Result<RunSummary, PipelineError> {
    let mut run = RunSummary::default();
    for source in &config.sources {
        let mut summary = SourceSummary {
            name: source.name.clone(),
            ..Default::default()
        };
        let mut sink = |page: Result<RawPage, FetchError>| -> Result<(), PipelineError> {
            match page {
                Ok(page) => store_page(engine, store, page, &mut summary),
                Err(FetchError::TooLarge { location, limit }) => {
                    summary.skipped += 1;
                    summary
                        .problems
                        .push(format!("skipped {location}: larger than {limit} bytes"));
                    Ok(())
                }
                Err(e) => {
                    summary.failed += 1;
                    summary.problems.push(format!("failed {e}"));
                    Ok(())
                }
            }
        };
        read_source(source, &mut sink)?;
        store.flush()?;
        tracing::info!(target: "newsfacts::ingest", "{}", summary.line());
        run.sources.push(summary);
    }
    Ok(run)
}

/// Feeds every page of `source` to `sink`, in order.
fn read_source(
    source: &SourceConfig,
    sink: &mut dyn FnMut(Result<RawPage, FetchError>) -> Result<(), PipelineError>,
) -> Result<(), PipelineError> {
    let limit = source.max_pages.unwrap_or(usize::MAX);
    match source.kind() {
        Ok(SourceKind::Dir(dir)) => match fetcher::dir::list_pages(&dir) {
            Ok(paths) => {
                for path in paths.into_iter().take(limit) {
                    sink(fetcher::dir::read_page(&path, source.max_bytes()))?;
                }
                Ok(())
            }
            Err(e) => sink(Err(e)),
        },
        Ok(SourceKind::Urls(urls)) => {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .map_err(|e| PipelineError::input(&source.name, e))?;
            let client = match fetcher::http::client(source.user_agent()) {
                Ok(c) => c,
                Err(e) => return sink(Err(e)),
            };
            for url in urls.iter().take(limit) {
                let page = runtime.block_on(fetcher::http::fetch(&client, url, source.max_bytes()));
                sink(page)?;
            }
            Ok(())
        }
        Ok(SourceKind::Feed(url) | SourceKind::Sitemap(url)) => {
            sink(Err(FetchError::Unsupported {
                location: url,
                message: "feed and sitemap sources are not supported yet".into(),
            }))
        }
        Err(message) => sink(Err(FetchError::Unsupported {
            location: source.name.clone(),
            message,
        })),
    }
}

/// Processes and stores one page unless it is unchanged or a duplicate.
fn store_page(
    engine: &Engine,
    store: &dyn DocumentStore,
    mut page: RawPage,
    summary: &mut SourceSummary,
) -> Result<(), PipelineError> {
    let id = doc_id(&page.url);
    let hash = content_hash(&page.bytes);
    match store.find_by_content(&hash)? {
        Some(existing) if existing == id => {
            let current = store
                .get_document(&id)?
                .is_some_and(|d| d.rules_version == model::RULES_VERSION);
            if current {
                summary.unchanged += 1;
                return Ok(());
            }
        }
        Some(existing) => {
            summary.duplicates += 1;
            summary.problems.push(format!(
                "duplicate {} (same bytes as document {existing})",
                page.url
            ));
            return Ok(());
        }
        None => {}
    }
    let analysis = match engine.analyse_page(&page) {
        Ok(a) => a,
        Err(e) => {
            summary.skipped += 1;
            summary.problems.push(format!("skipped {e}"));
            return Ok(());
        }
    };
    page.detected_charset = Some(analysis.charset);
    page.declared_charset = analysis.declared_charset;
    summary.stored += 1;
    summary.facts += analysis.facts.len();
    store.put_document(&StoredDocument {
        id,
        raw: page,
        doc: analysis.doc,
        facts: analysis.facts,
        rules_version: model::RULES_VERSION,
        content_hash: hash,
    })?;
    Ok(())
}
