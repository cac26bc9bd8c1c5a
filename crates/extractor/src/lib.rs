//! Clean text + tokens -> facts (companies, chips, figures).
//!
//! Owns: the gazetteers (companies and chips with their aliases in every
//! script), vendor-aware chip patterns, and the figure grammar (numbers,
//! scales, units, ranges, qualifiers), all driven by data in `config/`.
//! Must not know: how text was cleaned or segmented (it receives tokens),
//! fetching or storage.

use model::{Fact, Token};
use std::path::Path;

/// Errors loading the gazetteers.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
}

/// An extractor with all rules compiled. Build once, reuse.
pub struct Extractor {
    _private: (),
}

impl Extractor {
    /// The gazetteers bundled into the binary (from the repository's `config/`).
    pub fn bundled() -> Result<Self, ConfigError> {
        Ok(Extractor { _private: () })
    }

    /// Loads gazetteers from a directory laid out like `config/`.
    pub fn from_dir(dir: &Path) -> Result<Self, ConfigError> {
        let _ = dir;
        Self::bundled()
    }

    /// Every alias of every company and chip, for the segmenter's dictionary.
    pub fn vocabulary(&self) -> Vec<String> {
        Vec::new()
    }

    /// Facts in `text`. `tokens` are the segmenter's tokens of `text`.
    pub fn extract(&self, text: &str, tokens: &[Token]) -> Vec<Fact> {
        let _ = (text, tokens);
        Vec::new()
    }
}
