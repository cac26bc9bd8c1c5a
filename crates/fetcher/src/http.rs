//! Pages over HTTP(S), politely and through the network's faults.
//!
//! Owns: the one [`Fetcher`] of a run: a reqwest client (connect and total
//! timeouts, gzip and brotli decoded), redirects followed hop by hop (at
//! most 10, only to http/https, loops refused, each hop under its host's
//! robots.txt and politeness), robots.txt per origin, the politeness
//! turns, retries with exponential backoff and jitter (timeouts, connection
//! errors, 429 and 5xx, honouring `Retry-After`; other 4xx never), the body
//! size limit enforced while streaming the *decoded* bytes (so a gzip bomb
//! stops at the limit), and conditional GET (`If-None-Match`,
//! `If-Modified-Since`).
//! Must not know: where validators are kept between runs, or what a page
//! is used for.

use crate::politeness::{Politeness, Turn};
use crate::robots::Rules;
use crate::settings::FetchSettings;
use crate::source::FetchError;
use model::RawPage;
use reqwest::header;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::OnceCell;

/// What a server said about a page last time, for a conditional GET.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

impl Validators {
    pub fn is_empty(&self) -> bool {
        self.etag.is_none() && self.last_modified.is_none()
    }
}

/// A successful fetch. (Almost every fetch is a `Page`, so it is not boxed.)
#[derive(Debug)]
#[allow(clippy::large_enum_variant)]
pub enum Fetched {
    /// The page, and the validators to send next time.
    Page {
        page: RawPage,
        validators: Validators,
    },
    /// 304: unchanged since the validators we sent.
    NotModified,
}

/// Per-request options (a source may override the run's defaults).
#[derive(Debug, Clone, Default)]
pub struct PageRequest {
    pub user_agent: Option<String>,
    pub max_bytes: Option<u64>,
    pub validators: Option<Validators>,
}

/// How one attempt ended, when it did not succeed.
enum Failure {
    /// Worth trying again (after `Retry-After` when the server said so).
    Transient(FetchError, Option<Duration>),
    Final(FetchError),
}

type RobotsCell = Arc<OnceCell<Arc<Rules>>>;

/// Fetches pages for one run. Cheap to share behind an `Arc`.
pub struct Fetcher {
    client: reqwest::Client,
    settings: FetchSettings,
    politeness: Politeness,
    robots: std::sync::Mutex<HashMap<String, RobotsCell>>,
}

/// At most this many redirects are followed for one URL.
pub const MAX_REDIRECTS: usize = 10;

/// What one request ended in.
enum Step {
    Done(Fetched),
    /// A 3xx with a `Location`, resolved against the request URL.
    Redirect(String),
}

/// Builds a client: timeouts, decompression, no automatic redirects.
pub fn client(settings: &FetchSettings) -> Result<reqwest::Client, FetchError> {
    reqwest::Client::builder()
        .user_agent(settings.user_agent.as_str())
        .connect_timeout(Duration::from_millis(settings.connect_timeout_ms))
        .timeout(Duration::from_millis(settings.timeout_ms))
        // Redirects are followed by `Fetcher::follow`, hop by hop, so each
        // target's robots.txt and politeness apply.
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|e| FetchError::Http {
            location: "HTTP client".into(),
            message: error_chain(&e),
        })
}

impl Fetcher {
    pub fn new(settings: FetchSettings) -> Result<Self, FetchError> {
        settings
            .validate()
            .map_err(|message| FetchError::Unsupported {
                location: "config".into(),
                message,
            })?;
        Ok(Fetcher {
            client: client(&settings)?,
            politeness: Politeness::new(settings.concurrency, settings.per_host_concurrency),
            settings,
            robots: std::sync::Mutex::new(HashMap::new()),
        })
    }

    pub fn settings(&self) -> &FetchSettings {
        &self.settings
    }

    /// Fetches one page. The returned [`Turn`] holds a global slot: keep it
    /// until the page has been handed on, so fetched pages waiting in
    /// memory stay bounded.
    pub async fn fetch_page(
        &self,
        url: &str,
        request: &PageRequest,
    ) -> (Result<Fetched, FetchError>, Option<Turn>) {
        self.fetch(url, request, true).await
    }

    /// Fetches a feed or sitemap: robots.txt and politeness apply, the
    /// content type is not checked, no conditional GET.
    pub async fn fetch_listing(
        &self,
        url: &str,
        user_agent: Option<&str>,
    ) -> Result<RawPage, FetchError> {
        let request = PageRequest {
            user_agent: user_agent.map(str::to_string),
            max_bytes: Some(self.settings.max_bytes),
            validators: None,
        };
        match self.fetch(url, &request, false).await.0? {
            Fetched::Page { page, .. } => Ok(page),
            Fetched::NotModified => Err(FetchError::Http {
                location: url.to_string(),
                message: "unexpected 304".into(),
            }),
        }
    }

    async fn fetch(
        &self,
        url: &str,
        request: &PageRequest,
        pages_only: bool,
    ) -> (Result<Fetched, FetchError>, Option<Turn>) {
        let user_agent = request
            .user_agent
            .as_deref()
            .unwrap_or(&self.settings.user_agent);
        let max_bytes = request.max_bytes.unwrap_or(self.settings.max_bytes);
        let (result, turn) = self
            .follow(
                url,
                user_agent,
                request.validators.as_ref(),
                max_bytes,
                pages_only,
                self.settings.robots,
            )
            .await;
        let result = result.map(|fetched| match fetched {
            Fetched::Page {
                mut page,
                validators,
            } => {
                page.url = url.to_string();
                Fetched::Page { page, validators }
            }
            other => other,
        });
        (result, turn)
    }

    /// Fetches `url`, following up to [`MAX_REDIRECTS`] redirects (http and
    /// https only, no loops); each hop obeys its host's robots.txt (when
    /// `robots`) and politeness.
    async fn follow(
        &self,
        url: &str,
        user_agent: &str,
        validators: Option<&Validators>,
        max_bytes: u64,
        pages_only: bool,
        robots: bool,
    ) -> (Result<Fetched, FetchError>, Option<Turn>) {
        let error = |message: &str| FetchError::Http {
            location: url.to_string(),
            message: message.to_string(),
        };
        let mut current = url.to_string();
        let mut visited: Vec<String> = Vec::new();
        loop {
            let Some(origin) = crate::canon::origin(&current) else {
                return (
                    Err(FetchError::Unsupported {
                        location: current,
                        message: "not an http(s) URL with a host".into(),
                    }),
                    None,
                );
            };
            let mut delay = self.settings.per_host_delay();
            if robots {
                let rules = self.rules(&origin, user_agent).await;
                if !rules.allowed(&current) {
                    return (Err(FetchError::Robots { location: current }), None);
                }
                if let Some(crawl) = rules.crawl_delay() {
                    let cap = Duration::from_secs(self.settings.max_crawl_delay_s);
                    delay = delay.max(crawl.min(cap));
                }
            }
            let (step, turn) = self
                .with_retries(
                    &origin, delay, &current, user_agent, validators, max_bytes, pages_only,
                )
                .await;
            match step {
                Ok(Step::Done(fetched)) => return (Ok(fetched), turn),
                Err(e) => return (Err(e), turn),
                Ok(Step::Redirect(next)) => {
                    visited.push(current);
                    if !next.starts_with("http://") && !next.starts_with("https://") {
                        return (Err(error("redirect to a scheme other than http(s)")), turn);
                    }
                    if visited.contains(&next) {
                        return (Err(error("redirect loop")), turn);
                    }
                    if visited.len() > MAX_REDIRECTS {
                        return (Err(error("more than 10 redirects")), turn);
                    }
                    current = next;
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    async fn with_retries(
        &self,
        origin: &str,
        delay: Duration,
        url: &str,
        user_agent: &str,
        validators: Option<&Validators>,
        max_bytes: u64,
        pages_only: bool,
    ) -> (Result<Step, FetchError>, Option<Turn>) {
        let mut attempt = 0u32;
        loop {
            let turn = self.politeness.turn(origin, delay).await;
            let result = self
                .once(url, user_agent, validators, max_bytes, pages_only)
                .await;
            match result {
                Ok(fetched) => return (Ok(fetched), Some(turn)),
                Err(Failure::Final(e)) => return (Err(e), Some(turn)),
                Err(Failure::Transient(e, retry_after)) => {
                    if attempt >= self.settings.retries {
                        return (Err(e), Some(turn));
                    }
                    drop(turn);
                    let wait = match retry_after {
                        Some(after) => {
                            after.min(Duration::from_secs(self.settings.max_retry_after_s))
                        }
                        None => backoff(self.settings.backoff_ms, attempt),
                    };
                    tracing::debug!(url, error = %e, wait_ms = wait.as_millis() as u64, "retrying");
                    tokio::time::sleep(wait).await;
                    attempt += 1;
                }
            }
        }
    }

    async fn once(
        &self,
        url: &str,
        user_agent: &str,
        validators: Option<&Validators>,
        max_bytes: u64,
        pages_only: bool,
    ) -> Result<Step, Failure> {
        let mut builder = self.client.get(url).header(header::USER_AGENT, user_agent);
        if let Some(v) = validators {
            if let Some(etag) = &v.etag {
                builder = builder.header(header::IF_NONE_MATCH, etag);
            }
            if let Some(lm) = &v.last_modified {
                builder = builder.header(header::IF_MODIFIED_SINCE, lm);
            }
        }
        let mut response = builder.send().await.map_err(|e| transport(url, e))?;
        let status = response.status();
        if status == reqwest::StatusCode::NOT_MODIFIED && validators.is_some() {
            return Ok(Step::Done(Fetched::NotModified));
        }
        if status.is_redirection() && status != reqwest::StatusCode::NOT_MODIFIED {
            let next = response
                .headers()
                .get(header::LOCATION)
                .and_then(|v| v.to_str().ok())
                .and_then(|loc| response.url().join(loc.trim()).ok());
            return match next {
                Some(next) => Ok(Step::Redirect(next.to_string())),
                None => Err(Failure::Final(FetchError::Http {
                    location: url.to_string(),
                    message: format!("HTTP {} without a usable Location", status.as_u16()),
                })),
            };
        }
        if status == reqwest::StatusCode::TOO_MANY_REQUESTS || status.is_server_error() {
            let after = retry_after(response.headers());
            return Err(Failure::Transient(
                FetchError::Status {
                    location: url.to_string(),
                    status: status.as_u16(),
                },
                after,
            ));
        }
        if !status.is_success() {
            return Err(Failure::Final(FetchError::Status {
                location: url.to_string(),
                status: status.as_u16(),
            }));
        }
        let content_type = response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        if pages_only {
            if let Some(ct) = content_type.as_deref().filter(|ct| !is_textual(ct)) {
                return Err(Failure::Final(FetchError::NotText {
                    location: url.to_string(),
                    content_type: ct.to_string(),
                }));
            }
        }
        let too_large = || {
            Failure::Final(FetchError::TooLarge {
                location: url.to_string(),
                limit: max_bytes,
            })
        };
        if response.content_length().is_some_and(|n| n > max_bytes) {
            return Err(too_large());
        }
        let header_text = |name: header::HeaderName| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let new_validators = Validators {
            etag: header_text(header::ETAG),
            last_modified: header_text(header::LAST_MODIFIED),
        };
        let final_url = response.url().to_string();
        let mut bytes = Vec::new();
        // Chunks are already decompressed: the limit holds for gzip bombs.
        while let Some(chunk) = response.chunk().await.map_err(|e| transport(url, e))? {
            if (bytes.len() + chunk.len()) as u64 > max_bytes {
                return Err(too_large());
            }
            bytes.extend_from_slice(&chunk);
        }
        Ok(Step::Done(Fetched::Page {
            page: RawPage {
                url: url.to_string(),
                final_url,
                fetched_at: crate::now_rfc3339(),
                status: status.as_u16(),
                content_type,
                declared_charset: None,
                detected_charset: None,
                bytes,
            },
            validators: new_validators,
        }))
    }

    /// The robots.txt rules of `origin`, fetched at most once per run.
    async fn rules(&self, origin: &str, user_agent: &str) -> Arc<Rules> {
        let token = crate::robots::agent_token(user_agent);
        let cell = {
            let mut map = match self.robots.lock() {
                Ok(m) => m,
                Err(poisoned) => poisoned.into_inner(),
            };
            map.entry(format!("{origin} {token}"))
                .or_insert_with(|| Arc::new(OnceCell::new()))
                .clone()
        };
        cell.get_or_init(|| async {
            let url = format!("{origin}/robots.txt");
            // Boxed: `follow` checks robots.txt, which calls `follow`.
            let fetched =
                Box::pin(self.follow(&url, user_agent, None, 512 * 1024, false, false)).await;
            let rules = match fetched.0 {
                Ok(Fetched::Page { page, .. }) => Rules::parse(user_agent, &page.bytes),
                Ok(Fetched::NotModified) => Rules::AllowAll,
                Err(FetchError::Status { status, .. }) if (400..500).contains(&status) && status != 429 => {
                    Rules::AllowAll
                }
                Err(e) => {
                    tracing::warn!(origin, error = %e, "robots.txt unreachable; not fetching from this host");
                    Rules::DisallowAll(e.to_string())
                }
            };
            Arc::new(rules)
        })
        .await
        .clone()
    }
}

/// Text, HTML and XML pages are worth decoding; images, PDFs, ... are not.
fn is_textual(content_type: &str) -> bool {
    let ct = content_type.to_ascii_lowercase();
    let mime = ct.split(';').next().unwrap_or("").trim();
    mime.is_empty() || mime.starts_with("text/") || mime.contains("html") || mime.contains("xml")
}

/// `Retry-After` as seconds or an HTTP date.
fn retry_after(headers: &header::HeaderMap) -> Option<Duration> {
    let value = headers.get(header::RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(
        when.duration_since(std::time::SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

/// `base * 2^attempt`, times a random factor in [0.5, 1).
fn backoff(base_ms: u64, attempt: u32) -> Duration {
    use std::hash::BuildHasher;
    let random = std::collections::hash_map::RandomState::new().hash_one(attempt);
    let jitter = 0.5 + (random % 1000) as f64 / 2000.0;
    let ms = base_ms.saturating_mul(1u64 << attempt.min(16)) as f64 * jitter;
    Duration::from_millis(ms as u64)
}

/// Timeouts, refused or reset connections and broken bodies are transient;
/// redirect and decoding errors are not.
fn transport(url: &str, e: reqwest::Error) -> Failure {
    let error = FetchError::Http {
        location: url.to_string(),
        message: error_chain(&e),
    };
    // Checked first: a body that stalls surfaces as a timeout inside a
    // decode error when decompression is on.
    if e.is_timeout() || e.is_connect() {
        Failure::Transient(error, None)
    } else if e.is_redirect() || e.is_decode() || e.is_builder() {
        Failure::Final(error)
    } else if e.is_body() || e.is_request() {
        Failure::Transient(error, None)
    } else {
        Failure::Final(error)
    }
}

/// An error and its causes on one line, without the URL reqwest repeats.
fn error_chain(e: &reqwest::Error) -> String {
    let mut parts = Vec::new();
    if e.is_timeout() {
        parts.push("timed out".to_string());
    }
    let mut source: Option<&dyn std::error::Error> = std::error::Error::source(e);
    while let Some(s) = source {
        let text = s.to_string();
        if !parts.contains(&text) {
            parts.push(text);
        }
        source = s.source();
    }
    if parts.is_empty() {
        parts.push(e.without_url_ref().to_string());
    }
    parts.join(": ")
}

trait WithoutUrl {
    fn without_url_ref(&self) -> String;
}

impl WithoutUrl for reqwest::Error {
    fn without_url_ref(&self) -> String {
        let text = self.to_string();
        match self.url() {
            Some(u) => text.replace(&format!(" for url ({u})"), ""),
            None => text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_with_jitter_and_retry_after_parses() {
        for attempt in 0..4 {
            let d = backoff(100, attempt).as_millis() as u64;
            let full = 100 << attempt;
            assert!(d >= full / 2 && d <= full, "{attempt}: {d}");
        }
        let mut h = header::HeaderMap::new();
        h.insert(header::RETRY_AFTER, header::HeaderValue::from_static("1"));
        assert_eq!(retry_after(&h), Some(Duration::from_secs(1)));
        h.insert(
            header::RETRY_AFTER,
            header::HeaderValue::from_static("Wed, 21 Oct 2015 07:28:00 GMT"),
        );
        assert_eq!(retry_after(&h), Some(Duration::ZERO));
        assert!(is_textual("text/html; charset=gbk"));
        assert!(is_textual("application/xhtml+xml"));
        assert!(!is_textual("image/png"));
        assert!(!is_textual("application/pdf"));
    }
}
