//! Pages over HTTP(S).
//!
//! Owns: one HTTP client per run (User-Agent, timeouts, at most 10
//! redirects and only to http/https) and fetching one URL into a
//! [`RawPage`] with the body size limited while it streams.
//! Must not know: what the page is used for. Politeness, robots.txt,
//! retries and conditional GET belong here too as the fetcher grows.

use crate::source::FetchError;
use model::RawPage;
use std::time::Duration;

/// Builds the client used for one run.
pub fn client(user_agent: &str) -> Result<reqwest::Client, FetchError> {
    reqwest::Client::builder()
        .user_agent(user_agent)
        .connect_timeout(Duration::from_secs(10))
        .timeout(Duration::from_secs(60))
        .redirect(reqwest::redirect::Policy::custom(|attempt| {
            if attempt.previous().len() >= 10 {
                attempt.error("more than 10 redirects")
            } else if !matches!(attempt.url().scheme(), "http" | "https") {
                attempt.error("redirect to a scheme other than http(s)")
            } else {
                attempt.follow()
            }
        }))
        .build()
        .map_err(|e| FetchError::Http {
            location: "client".into(),
            message: e.to_string(),
        })
}

/// Fetches `url`, refusing bodies larger than `max_bytes`.
pub async fn fetch(
    client: &reqwest::Client,
    url: &str,
    max_bytes: u64,
) -> Result<RawPage, FetchError> {
    let http = |e: reqwest::Error| FetchError::Http {
        location: url.to_string(),
        message: e.to_string(),
    };
    let mut response = client.get(url).send().await.map_err(http)?;
    let status = response.status().as_u16();
    if !response.status().is_success() {
        return Err(FetchError::Status {
            location: url.to_string(),
            status,
        });
    }
    if response.content_length().is_some_and(|n| n > max_bytes) {
        return Err(FetchError::TooLarge {
            location: url.to_string(),
            limit: max_bytes,
        });
    }
    let final_url = response.url().to_string();
    let content_type = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let mut bytes = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(http)? {
        if (bytes.len() + chunk.len()) as u64 > max_bytes {
            return Err(FetchError::TooLarge {
                location: url.to_string(),
                limit: max_bytes,
            });
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(RawPage {
        url: url.to_string(),
        final_url,
        fetched_at: crate::now_rfc3339(),
        status,
        content_type,
        declared_charset: None,
        detected_charset: None,
        bytes,
    })
}
