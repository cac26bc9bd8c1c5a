//! `newsfacts ingest`: every configured source into the store.
//!
//! Owns: the run: a tokio runtime fetching (see [`crate::job`]) into a
//! bounded channel, and processing threads (one per core) that take each page,
//! decides whether it is new, changed, unchanged or a duplicate of another
//! URL, runs it through the [`Engine`], writes it (with its URL's fetch
//! state, in one transaction) and counts what happened. The store is
//! flushed at least every [`FLUSH_EVERY`] pages or [`FLUSH_INTERVAL`] and
//! before the summary, and pages are reported to [`Progress`] as stored
//! only after the flush that made them durable.
//! Must not know: how a stage works inside, how HTTP is spoken, or how
//! results are printed.

use crate::job::{self, unix_now, Item};
use crate::{Config, Engine, PipelineError};
use fetcher::{FetchError, Fetched, Fetcher, SourceConfig};
use model::RawPage;
use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use store::{content_hash, doc_id, DocumentStore, FetchState, StoredDocument};
use tokio::sync::mpsc::Receiver;

/// Flush after this many written pages...
pub const FLUSH_EVERY: usize = 64;
/// ...or when this much time has passed since the last flush.
pub const FLUSH_INTERVAL: Duration = Duration::from_millis(500);

/// What happened to one source's pages.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceSummary {
    pub name: String,
    /// Pages read from disk or fetched with a body (HTTP 200).
    pub fetched: usize,
    /// Pages stored (new or changed).
    pub stored: usize,
    /// Pages not processed again: HTTP 304, the same bytes as stored, or
    /// fetched less than `refetch_after_s` ago.
    pub not_modified: usize,
    /// Pages whose bytes are already stored under another URL, or whose
    /// URL came up twice in this run.
    pub duplicates: usize,
    /// Pages skipped because robots.txt disallows them.
    pub skipped_robots: usize,
    /// Pages skipped because they are larger than `max_bytes`.
    pub skipped_size: usize,
    /// Pages skipped because they are not text (content type, binary,
    /// empty, undecodable).
    pub skipped_type: usize,
    /// Pages that answered 404/410 again after a run already reported them
    /// gone (the first 404 counts as failed).
    pub skipped_gone: usize,
    /// Pages or sources that could not be read.
    pub failed: usize,
    /// Facts written for stored pages.
    pub new_facts: usize,
    /// Stored pages whose clean text is nearly that of another stored
    /// page (linked to it in the store).
    pub near_duplicates: usize,
    /// One line per skipped, duplicate or failed page.
    pub problems: Vec<String>,
}

impl SourceSummary {
    pub fn skipped(&self) -> usize {
        self.skipped_robots + self.skipped_size + self.skipped_type + self.skipped_gone
    }

    /// The summary line printed for this source.
    pub fn line(&self) -> String {
        format!(
            "{}: fetched {}, stored {}, not modified {}, duplicates {}, skipped {} (robots {}, size {}, type {}, gone {}), failed {}, new facts {}, near duplicates {}",
            self.name,
            self.fetched,
            self.stored,
            self.not_modified,
            self.duplicates,
            self.skipped(),
            self.skipped_robots,
            self.skipped_size,
            self.skipped_type,
            self.skipped_gone,
            self.failed,
            self.new_facts,
            self.near_duplicates
        )
    }
}

impl SourceSummary {
    /// Adds another thread's counts for the same source.
    fn add(&mut self, other: SourceSummary) {
        self.fetched += other.fetched;
        self.stored += other.stored;
        self.not_modified += other.not_modified;
        self.duplicates += other.duplicates;
        self.skipped_robots += other.skipped_robots;
        self.skipped_size += other.skipped_size;
        self.skipped_type += other.skipped_type;
        self.skipped_gone += other.skipped_gone;
        self.failed += other.failed;
        self.new_facts += other.new_facts;
        self.near_duplicates += other.near_duplicates;
        self.problems.extend(other.problems);
    }

    /// The line `newsfacts reprocess` prints.
    pub fn reprocess_line(&self) -> String {
        format!(
            "{}: stored {}, unchanged {}, failed {}, facts {}",
            self.name, self.stored, self.not_modified, self.failed, self.new_facts
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

/// Where a run reports its progress (a progress bar, or nothing).
pub trait Progress: Sync {
    /// `pages` more pages are known to be coming.
    fn planned(&self, _pages: usize) {}
    /// `pages` more pages are done (stored durably, or counted otherwise).
    fn finished(&self, _pages: usize) {}
}

/// Reports nothing.
pub struct NoProgress;
impl Progress for NoProgress {}

/// Runs every source of `config` into `store`.
pub fn ingest(
    engine: &Engine,
    store: &(dyn DocumentStore + Sync),
    config: &Config,
) -> Result<RunSummary, PipelineError> {
    ingest_with(engine, store, config, &NoProgress)
}

/// [`ingest`], reporting progress.
pub fn ingest_with(
    engine: &Engine,
    store: &(dyn DocumentStore + Sync),
    config: &Config,
    progress: &dyn Progress,
) -> Result<RunSummary, PipelineError> {
    let config_error = |message: String| PipelineError::Input {
        source_name: "fetch".into(),
        message,
    };
    let fetcher = Fetcher::new(config.fetch.clone()).map_err(|e| config_error(e.to_string()))?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| config_error(format!("cannot start the async runtime: {e}")))?;
    let (tx, rx) = tokio::sync::mpsc::channel(config.fetch.queue.max(1));
    let fetcher = Arc::new(fetcher);
    let processed = std::thread::scope(|scope| {
        let worker = scope.spawn(|| process(engine, store, config, rx, progress));
        runtime.block_on(job::produce(config, store, fetcher, tx, progress));
        worker.join()
    });
    let summaries =
        processed.map_err(|_| config_error("the processing thread panicked".into()))??;
    for s in &summaries {
        tracing::info!(
            target: "newsfacts::ingest",
            source = %s.name,
            fetched = s.fetched,
            stored = s.stored,
            not_modified = s.not_modified,
            duplicates = s.duplicates,
            skipped_robots = s.skipped_robots,
            skipped_size = s.skipped_size,
            skipped_type = s.skipped_type,
            failed = s.failed,
            new_facts = s.new_facts,
            near_duplicates = s.near_duplicates,
            "source done"
        );
    }
    Ok(RunSummary { sources: summaries })
}

/// The processing side: [`workers`] threads take items until the fetching
/// side is done, while this thread flushes the store and reports progress.
fn process(
    engine: &Engine,
    store: &(dyn DocumentStore + Sync),
    config: &Config,
    rx: Receiver<Item>,
    progress: &dyn Progress,
) -> Result<Vec<SourceSummary>, PipelineError> {
    let blank: Vec<SourceSummary> = config
        .sources
        .iter()
        .map(|s| SourceSummary {
            name: s.name.clone(),
            ..Default::default()
        })
        .collect();
    let rx = Mutex::new(rx);
    let inflight = Mutex::new(HashSet::new());
    let done = AtomicUsize::new(0);
    let running = AtomicUsize::new(workers(config));
    let stop = AtomicBool::new(false);
    let started = Instant::now();
    let waiting_ms = AtomicU64::new(0);
    let (results, flushed) = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers(config))
            .map(|_| {
                scope.spawn(|| {
                    let mut summaries = blank.clone();
                    let result = loop {
                        if stop.load(Ordering::SeqCst) {
                            break Ok(());
                        }
                        let wait_start = Instant::now();
                        let item = match rx.lock() {
                            Ok(mut rx) => rx.blocking_recv(),
                            Err(_) => None,
                        };
                        waiting_ms
                            .fetch_add(wait_start.elapsed().as_millis() as u64, Ordering::SeqCst);
                        let Some(item) = item else {
                            break Ok(());
                        };
                        if let Err(e) =
                            handle(engine, store, config, item, &mut summaries, &inflight)
                        {
                            stop.store(true, Ordering::SeqCst);
                            break Err(e);
                        }
                        done.fetch_add(1, Ordering::SeqCst);
                    };
                    running.fetch_sub(1, Ordering::SeqCst);
                    result.map(|()| summaries)
                })
            })
            .collect();
        // Pages count as done for progress only once a flush made them durable.
        let mut reported = 0usize;
        let mut last_flush = Instant::now();
        let mut flushed = Ok(());
        while running.load(Ordering::SeqCst) > 0 {
            std::thread::sleep(Duration::from_millis(20));
            let now_done = done.load(Ordering::SeqCst);
            if now_done > reported
                && (now_done - reported >= FLUSH_EVERY || last_flush.elapsed() >= FLUSH_INTERVAL)
            {
                if let Err(e) = store.flush() {
                    stop.store(true, Ordering::SeqCst);
                    flushed = Err(e);
                    break;
                }
                progress.finished(now_done - reported);
                reported = now_done;
                last_flush = Instant::now();
            }
        }
        let results: Vec<_> = handles.into_iter().map(|h| h.join()).collect();
        if flushed.is_ok() {
            flushed = store.flush();
            progress.finished(done.load(Ordering::SeqCst).saturating_sub(reported));
        }
        (results, flushed)
    });
    flushed?;
    let mut total = blank;
    for result in results {
        let part = result.map_err(|_| PipelineError::Input {
            source_name: "ingest".into(),
            message: "a processing thread panicked".into(),
        })??;
        for (sum, p) in total.iter_mut().zip(part) {
            sum.add(p);
        }
    }
    // Which side was the bottleneck: processing threads that rarely wait
    // for pages mean fetching keeps up.
    let wall = started.elapsed().as_secs_f64();
    let waiting = waiting_ms.load(Ordering::SeqCst) as f64 / 1000.0;
    tracing::info!(
        target: "newsfacts::ingest",
        "processing: {} threads over {:.1} s, {:.0} % of their time waiting for pages",
        workers(config),
        wall,
        100.0 * waiting / (wall * workers(config) as f64).max(1e-9)
    );
    Ok(total)
}

/// Processing threads: `threads` from the config, else one per core (at most 4).
fn workers(config: &Config) -> usize {
    config
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get().min(4)))
}

fn handle(
    engine: &Engine,
    store: &(dyn DocumentStore + Sync),
    config: &Config,
    item: Item,
    summaries: &mut [SourceSummary],
    inflight: &Mutex<HashSet<String>>,
) -> Result<(), PipelineError> {
    match item {
        Item::File { source, path } => {
            let (summary, cfg) = pick(summaries, config, source);
            match fetcher::dir::read_page(&path, cfg.max_bytes_or(config.fetch.max_bytes)) {
                Ok(page) => {
                    summary.fetched += 1;
                    store_page(engine, store, page, None, summary, inflight)?;
                }
                Err(e) => count_error(summary, e),
            }
        }
        Item::Page {
            source,
            url,
            prior,
            result,
        } => {
            let (summary, cfg) = pick(summaries, config, source);
            match result {
                Ok(Fetched::NotModified) => {
                    summary.not_modified += 1;
                    tracing::debug!(source = %cfg.name, url, "not modified (304)");
                    let state = FetchState {
                        fetched_at: unix_now(),
                        gone: false,
                        ..prior.unwrap_or_default()
                    };
                    store.set_fetch_state(&url, &state)?;
                }
                Ok(Fetched::Page { page, validators }) => {
                    summary.fetched += 1;
                    tracing::debug!(source = %cfg.name, url, lang = cfg.lang.as_deref(), bytes = page.bytes.len(), "fetched");
                    let state = FetchState {
                        etag: validators.etag,
                        last_modified: validators.last_modified,
                        fetched_at: unix_now(),
                        doc: None,
                        gone: false,
                    };
                    store_page(engine, store, page, Some(state), summary, inflight)?;
                }
                Err(e) if e.is_gone() => {
                    let was_gone = prior.as_ref().is_some_and(|p| p.gone);
                    let state = FetchState {
                        fetched_at: unix_now(),
                        gone: true,
                        ..prior.unwrap_or_default()
                    };
                    store.set_fetch_state(&url, &state)?;
                    if was_gone {
                        tracing::debug!(source = %cfg.name, url, "still gone");
                        summary.skipped_gone += 1;
                    } else {
                        count_error(summary, e);
                    }
                }
                Err(e) => count_error(summary, e),
            }
        }
        Item::Recent { source, url } => {
            let (summary, cfg) = pick(summaries, config, source);
            tracing::debug!(source = %cfg.name, url, "fetched recently; not fetched again");
            summary.not_modified += 1;
        }
        Item::SeenInRun { source, url } => {
            let (summary, _) = pick(summaries, config, source);
            summary.duplicates += 1;
            summary
                .problems
                .push(format!("duplicate {url} (listed twice in this run)"));
        }
        Item::Failed { source, error } => {
            let (summary, _) = pick(summaries, config, source);
            count_error(summary, error);
        }
    }
    Ok(())
}

fn pick<'a>(
    summaries: &'a mut [SourceSummary],
    config: &'a Config,
    source: usize,
) -> (&'a mut SourceSummary, &'a SourceConfig) {
    (&mut summaries[source], &config.sources[source])
}

fn count_error(summary: &mut SourceSummary, e: FetchError) {
    match e.skip_reason() {
        Some(reason) => {
            match reason {
                "robots" => summary.skipped_robots += 1,
                "size" => summary.skipped_size += 1,
                _ => summary.skipped_type += 1,
            }
            summary.problems.push(format!("skipped {e}"));
        }
        None => {
            summary.failed += 1;
            summary.problems.push(format!("failed {e}"));
        }
    }
}

/// A content hash being processed, released when dropped.
struct Claim<'a> {
    set: &'a Mutex<HashSet<String>>,
    hash: String,
}

impl<'a> Claim<'a> {
    fn take(set: &'a Mutex<HashSet<String>>, hash: &str) -> Option<Self> {
        let mut guard = set.lock().unwrap_or_else(|p| p.into_inner());
        guard.insert(hash.to_string()).then(|| Claim {
            set,
            hash: hash.to_string(),
        })
    }
}

impl Drop for Claim<'_> {
    fn drop(&mut self) {
        let mut guard = self.set.lock().unwrap_or_else(|p| p.into_inner());
        guard.remove(&self.hash);
    }
}

/// Processes and stores one page unless it is unchanged or a duplicate.
/// `state` (HTTP pages) is written with the document, or alone when the
/// page needs no processing.
fn store_page(
    engine: &Engine,
    store: &(dyn DocumentStore + Sync),
    mut page: RawPage,
    state: Option<FetchState>,
    summary: &mut SourceSummary,
    inflight: &Mutex<HashSet<String>>,
) -> Result<(), PipelineError> {
    let id = doc_id(&page.url);
    let hash = content_hash(&page.bytes);
    // Two threads must not both store the same bytes under two URLs: the
    // second to arrive while the first is being processed is a duplicate.
    let Some(_claim) = Claim::take(inflight, &hash) else {
        summary.duplicates += 1;
        summary.problems.push(format!(
            "duplicate {} (same bytes as a page processed at the same time)",
            page.url
        ));
        return Ok(());
    };
    let remember = |doc: &str| -> Result<(), PipelineError> {
        if let Some(state) = &state {
            let state = FetchState {
                doc: Some(doc.to_string()),
                ..state.clone()
            };
            store.set_fetch_state(&page.url, &state)?;
        }
        Ok(())
    };
    match store.find_by_content(&hash)? {
        Some(existing) if existing == id => {
            let current = store
                .get_document(&id)?
                .is_some_and(|d| d.rules_version == model::RULES_VERSION);
            if current {
                summary.not_modified += 1;
                remember(&id)?;
                return Ok(());
            }
        }
        Some(existing) => {
            summary.duplicates += 1;
            summary.problems.push(format!(
                "duplicate {} (same bytes as document {existing})",
                page.url
            ));
            remember(&existing)?;
            return Ok(());
        }
        None => {}
    }
    let analysis = match engine.analyse_page(&page) {
        Ok(a) => a,
        Err(e) => {
            summary.skipped_type += 1;
            summary.problems.push(format!("skipped {e}"));
            return Ok(());
        }
    };
    page.detected_charset = Some(analysis.charset);
    page.declared_charset = analysis.declared_charset;
    let fingerprint = crate::neardup::simhash(&analysis.doc.text);
    let near = match fingerprint {
        Some(h) => store.find_near(&id, h, crate::neardup::MAX_BITS)?,
        None => None,
    };
    if let Some((first, bits)) = &near {
        summary.near_duplicates += 1;
        summary.problems.push(format!(
            "near-duplicate {} (stored, linked to document {first}, {bits} bits apart)",
            page.url
        ));
    }
    summary.stored += 1;
    summary.new_facts += analysis.facts.len();
    let doc = StoredDocument {
        id: id.clone(),
        raw: page,
        doc: analysis.doc,
        facts: analysis.facts,
        rules_version: model::RULES_VERSION,
        content_hash: hash,
    };
    match state {
        Some(state) => {
            let state = FetchState {
                doc: Some(id.clone()),
                ..state
            };
            store.put_document_with_state(&doc, &state)?
        }
        None => store.put_document(&doc)?,
    };
    if let Some(h) = fingerprint {
        store.put_simhash(&id, h, near.as_ref().map(|(first, _)| first.as_str()))?;
    }
    Ok(())
}
