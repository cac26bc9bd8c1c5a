//! The fetching half of `newsfacts ingest`: sources -> a bounded channel.
//!
//! Owns: turning every configured source into work items on the tokio
//! side: listing directories, discovering feed and sitemap entries,
//! canonicalising and de-duplicating URLs within the run, deciding from
//! the stored fetch state whether a URL is due (not fetched successfully
//! within `refetch_after_s`) and which validators to send, and fetching
//! due pages concurrently. A fetched page holds a global fetch slot until
//! the channel has taken it, so pages in memory are bounded by
//! `concurrency + queue`.
//! Must not know: how pages are processed or stored (see `ingest`).

use crate::ingest::Progress;
use crate::Config;
use fetcher::{FetchError, Fetched, Fetcher, PageRequest, SourceKind, Validators};
use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;
use store::{DocumentStore, FetchState};
use tokio::sync::mpsc::Sender;

/// One unit of work for the processing side. (Most items are pages, so
/// the large variant is not boxed.)
#[allow(clippy::large_enum_variant)]
pub(crate) enum Item {
    /// An HTTP page, fetched or not.
    Page {
        source: usize,
        url: String,
        prior: Option<FetchState>,
        result: Result<Fetched, FetchError>,
    },
    /// A saved page on disk, read by the processing side.
    File { source: usize, path: PathBuf },
    /// Fetched successfully less than `refetch_after_s` ago: not fetched.
    Recent { source: usize, url: String },
    /// The same canonical URL came up earlier in this run.
    SeenInRun { source: usize, url: String },
    /// A source or URL that could not be used at all.
    Failed { source: usize, error: FetchError },
}

/// Seconds since the Unix epoch.
pub(crate) fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Feeds every source of `config` into `tx`; returns when every page has
/// been sent (or the processing side has gone away).
pub(crate) async fn produce(
    config: &Config,
    store: &(dyn DocumentStore + Sync),
    fetcher: Arc<Fetcher>,
    tx: Sender<Item>,
    progress: &dyn Progress,
) {
    let settings = fetcher.settings().clone();
    let mut seen = HashSet::new();
    let mut tasks = tokio::task::JoinSet::new();
    for (index, source) in config.sources.iter().enumerate() {
        if tx.is_closed() {
            break;
        }
        let limit = source.max_pages.unwrap_or(usize::MAX);
        let user_agent = source.user_agent.as_deref();
        let failed = |error: FetchError| Item::Failed {
            source: index,
            error,
        };
        let urls = match source.kind() {
            Ok(SourceKind::Dir(dir)) => {
                match fetcher::dir::list_pages(&dir) {
                    Ok(paths) => {
                        let paths: Vec<_> = paths.into_iter().take(limit).collect();
                        progress.planned(paths.len());
                        for path in paths {
                            if tx
                                .send(Item::File {
                                    source: index,
                                    path,
                                })
                                .await
                                .is_err()
                            {
                                return;
                            }
                        }
                    }
                    Err(e) => {
                        let _ = tx.send(failed(e)).await;
                    }
                }
                continue;
            }
            Ok(SourceKind::Urls(urls)) => Ok(urls.into_iter().take(limit).collect()),
            Ok(SourceKind::Feed(url)) => {
                let cap = limit.min(settings.max_discovered);
                fetcher::discover::discover_feed(&fetcher, &url, user_agent, cap).await
            }
            Ok(SourceKind::Sitemap(url)) => {
                let cap = limit.min(settings.max_discovered);
                fetcher::discover::discover_sitemap(&fetcher, &url, user_agent, cap).await
            }
            Err(message) => Err(FetchError::Unsupported {
                location: source.name.clone(),
                message,
            }),
        };
        let urls: Vec<String> = match urls {
            Ok(urls) => urls,
            Err(e) => {
                let _ = tx.send(failed(e)).await;
                continue;
            }
        };
        tracing::info!(source = %source.name, pages = urls.len(), "discovered");
        progress.planned(urls.len());
        let now = unix_now();
        for raw_url in urls {
            let url = match fetcher::canon::canonicalize(&raw_url) {
                Ok(u) => u,
                Err(message) => {
                    let error = FetchError::Unsupported {
                        location: raw_url,
                        message,
                    };
                    if tx.send(failed(error)).await.is_err() {
                        return;
                    }
                    continue;
                }
            };
            if !seen.insert(url.clone()) {
                if tx
                    .send(Item::SeenInRun { source: index, url })
                    .await
                    .is_err()
                {
                    return;
                }
                continue;
            }
            let prior = match store.fetch_state(&url) {
                Ok(p) => p,
                Err(e) => {
                    tracing::warn!(url, error = %e, "unreadable fetch state; fetching unconditionally");
                    None
                }
            };
            if prior
                .as_ref()
                .is_some_and(|p| now.saturating_sub(p.fetched_at) < settings.refetch_after_s)
            {
                if tx.send(Item::Recent { source: index, url }).await.is_err() {
                    return;
                }
                continue;
            }
            let request = PageRequest {
                user_agent: source.user_agent.clone(),
                max_bytes: source.max_bytes,
                validators: prior
                    .as_ref()
                    .map(|p| Validators {
                        etag: p.etag.clone(),
                        last_modified: p.last_modified.clone(),
                    })
                    .filter(|v| !v.is_empty()),
            };
            let fetcher = fetcher.clone();
            let tx = tx.clone();
            tasks.spawn(async move {
                if tx.is_closed() {
                    return;
                }
                let (result, turn) = fetcher.fetch_page(&url, &request).await;
                let item = Item::Page {
                    source: index,
                    url,
                    prior,
                    result,
                };
                let _ = tx.send(item).await;
                drop(turn);
            });
        }
    }
    while tasks.join_next().await.is_some() {}
}
