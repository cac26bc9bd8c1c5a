//! The `[fetch]` table of `newsfacts.toml`: every knob of the HTTP side.
//!
//! Owns: the names, defaults and validation of timeouts, retries,
//! politeness and size limits shared by all HTTP sources of a run.
//! Must not know: how the knobs are applied (see `http`, `politeness`,
//! `robots`) or anything about stored pages.

use serde::Deserialize;
use std::time::Duration;

/// Settings for every HTTP request of one run. All durations are in
/// milliseconds or seconds as their names say, so the TOML stays plain.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FetchSettings {
    /// User-Agent for every request (a source may override it). Name the
    /// tool and a contact URL.
    pub user_agent: String,
    /// Requests in flight at once, over all hosts.
    pub concurrency: usize,
    /// Requests in flight at once to one host.
    pub per_host_concurrency: usize,
    /// Minimum time between the start of two requests to one host. A
    /// larger robots.txt `Crawl-delay` wins (capped by `max_crawl_delay_s`).
    pub per_host_delay_ms: u64,
    /// Upper bound on a robots.txt `Crawl-delay`.
    pub max_crawl_delay_s: u64,
    /// Time to establish a connection.
    pub connect_timeout_ms: u64,
    /// Time for one whole attempt: connect, headers and body.
    pub timeout_ms: u64,
    /// Retries after the first attempt on timeouts, connection errors,
    /// 429 and 5xx. Other 4xx are never retried.
    pub retries: u32,
    /// First backoff; doubled per retry, with jitter (50-100 %).
    pub backoff_ms: u64,
    /// A `Retry-After` longer than this is cut to this.
    pub max_retry_after_s: u64,
    /// Largest page, in bytes, counted after decompression.
    pub max_bytes: u64,
    /// Obey robots.txt (`Disallow`, `Allow`, `Crawl-delay`).
    pub robots: bool,
    /// A page fetched successfully less than this long ago is not fetched
    /// again (a restarted run does not fetch what it already stored).
    pub refetch_after_s: u64,
    /// Fetched pages waiting for processing, at most.
    pub queue: usize,
    /// At most this many page URLs from one feed or sitemap (index).
    pub max_discovered: usize,
}

/// Default maximum size of one page, in bytes.
pub const DEFAULT_MAX_BYTES: u64 = 10 * 1024 * 1024;

/// Default User-Agent: names the tool and where to read about it.
pub const DEFAULT_USER_AGENT: &str = concat!(
    "newsfacts/",
    env!("CARGO_PKG_VERSION"),
    " (+https://example.org/newsfacts)"
);

impl Default for FetchSettings {
    fn default() -> Self {
        FetchSettings {
            user_agent: DEFAULT_USER_AGENT.to_string(),
            concurrency: 16,
            per_host_concurrency: 1,
            per_host_delay_ms: 1000,
            max_crawl_delay_s: 30,
            connect_timeout_ms: 10_000,
            timeout_ms: 60_000,
            retries: 3,
            backoff_ms: 1000,
            max_retry_after_s: 120,
            max_bytes: DEFAULT_MAX_BYTES,
            robots: true,
            refetch_after_s: 12 * 3600,
            queue: 64,
            max_discovered: 50_000,
        }
    }
}

impl FetchSettings {
    /// Why these settings cannot work, if they cannot.
    pub fn validate(&self) -> Result<(), String> {
        if self.concurrency == 0 || self.per_host_concurrency == 0 {
            return Err("[fetch] concurrency and per_host_concurrency must be at least 1".into());
        }
        if self.queue == 0 {
            return Err("[fetch] queue must be at least 1".into());
        }
        if self.timeout_ms == 0 || self.connect_timeout_ms == 0 {
            return Err("[fetch] timeouts must be more than 0 ms".into());
        }
        if self.user_agent.trim().is_empty() {
            return Err("[fetch] user_agent must not be empty".into());
        }
        Ok(())
    }

    pub fn per_host_delay(&self) -> Duration {
        Duration::from_millis(self.per_host_delay_ms)
    }
}
