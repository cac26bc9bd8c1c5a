//! Source configuration and the errors fetching can end in.
//!
//! Owns: the `[[sources]]` table format of `newsfacts.toml` and its
//! validation (exactly one of `dir`, `urls`, `feed`, `sitemap`).
//! Must not know: how a source is read (see `dir` and `http`).

use serde::Deserialize;
use std::path::PathBuf;

pub use crate::settings::{DEFAULT_MAX_BYTES, DEFAULT_USER_AGENT};

/// One `[[sources]]` table.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceConfig {
    pub name: String,
    /// A directory of saved pages (HTML or text), read recursively.
    pub dir: Option<PathBuf>,
    /// A list of page URLs.
    pub urls: Option<Vec<String>>,
    /// An RSS or Atom feed URL.
    pub feed: Option<String>,
    /// A sitemap URL.
    pub sitemap: Option<String>,
    /// At most this many pages from this source per run.
    pub max_pages: Option<usize>,
    /// A language hint (`en`, `zh-Hans`, `zh-Hant`), logged with each page;
    /// the cleaner still detects the language itself.
    pub lang: Option<String>,
    /// User-Agent for this source's requests (default: `[fetch] user_agent`).
    pub user_agent: Option<String>,
    /// Maximum page size in bytes (default: `[fetch] max_bytes`, 10 MiB).
    pub max_bytes: Option<u64>,
}

/// What a source reads from, once validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceKind {
    Dir(PathBuf),
    Urls(Vec<String>),
    Feed(String),
    Sitemap(String),
}

impl SourceConfig {
    /// The one kind this table configures, or why the table is invalid.
    pub fn kind(&self) -> Result<SourceKind, String> {
        let mut kinds = Vec::new();
        if let Some(d) = &self.dir {
            kinds.push(SourceKind::Dir(d.clone()));
        }
        if let Some(u) = &self.urls {
            kinds.push(SourceKind::Urls(u.clone()));
        }
        if let Some(f) = &self.feed {
            kinds.push(SourceKind::Feed(f.clone()));
        }
        if let Some(s) = &self.sitemap {
            kinds.push(SourceKind::Sitemap(s.clone()));
        }
        match kinds.len() {
            1 => Ok(kinds.remove(0)),
            0 => Err(format!(
                "source {:?} needs one of `dir`, `urls`, `feed` or `sitemap`",
                self.name
            )),
            _ => Err(format!(
                "source {:?} sets more than one of `dir`, `urls`, `feed`, `sitemap`",
                self.name
            )),
        }
    }

    /// This source's page size limit, else the run's.
    pub fn max_bytes_or(&self, default: u64) -> u64 {
        self.max_bytes.unwrap_or(default)
    }

    /// This source's User-Agent, else the run's.
    pub fn user_agent_or<'a>(&'a self, default: &'a str) -> &'a str {
        self.user_agent.as_deref().unwrap_or(default)
    }
}

/// Why one page could not be fetched. The run goes on with the next page.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("{location}: {source}")]
    Io {
        location: String,
        source: std::io::Error,
    },
    #[error("{location}: larger than the limit of {limit} bytes")]
    TooLarge { location: String, limit: u64 },
    #[error("{location}: HTTP {status}")]
    Status { location: String, status: u16 },
    #[error("{location}: {message}")]
    Http { location: String, message: String },
    #[error("{location}: {message}")]
    Unsupported { location: String, message: String },
    #[error("{location}: disallowed by robots.txt")]
    Robots { location: String },
    #[error("{location}: not a text page ({content_type})")]
    NotText {
        location: String,
        content_type: String,
    },
}

impl FetchError {
    /// True for HTTP 404 and 410: the server says the page does not exist
    /// (rather than that it could not serve it).
    pub fn is_gone(&self) -> bool {
        matches!(
            self,
            FetchError::Status {
                status: 404 | 410,
                ..
            }
        )
    }

    /// `Some("robots" | "size" | "type")` when the page was skipped on
    /// purpose; `None` when fetching it failed.
    pub fn skip_reason(&self) -> Option<&'static str> {
        match self {
            FetchError::Robots { .. } => Some("robots"),
            FetchError::TooLarge { .. } => Some("size"),
            FetchError::NotText { .. } => Some("type"),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> SourceConfig {
        toml::from_str(s).unwrap()
    }

    #[test]
    fn exactly_one_kind_per_source() {
        assert_eq!(
            parse("name='a'\ndir='pages'").kind(),
            Ok(SourceKind::Dir("pages".into()))
        );
        assert!(parse("name='a'")
            .kind()
            .unwrap_err()
            .contains("needs one of"));
        assert!(parse("name='a'\ndir='x'\nfeed='http://e/x'")
            .kind()
            .unwrap_err()
            .contains("more than one"));
    }
}
