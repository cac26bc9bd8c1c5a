//! The run configuration, `config/newsfacts.toml`.
//!
//! Owns: reading and validating the file, and resolving the relative paths
//! in it against the directory the file is in (so the bundled config works
//! from any working directory).
//! Must not know: how sources are fetched or pages processed.

use crate::PipelineError;
use fetcher::{FetchSettings, SourceConfig};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// Default store directory when neither `--store` nor the config names one.
pub const DEFAULT_STORE: &str = "newsfacts-store";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Store directory.
    pub store: Option<PathBuf>,
    /// A directory with `companies.toml` and `chips.toml` overriding the
    /// gazetteers built into the binary.
    pub gazetteers: Option<PathBuf>,
    /// Threads that clean, extract and store pages (default: one per core,
    /// at most 4). With one, "the first copy" of a duplicate is always the
    /// first page in source order.
    pub threads: Option<usize>,
    /// HTTP knobs shared by every source (`[fetch]`).
    #[serde(default)]
    pub fetch: FetchSettings,
    #[serde(default)]
    pub sources: Vec<SourceConfig>,
}

impl Config {
    /// Reads `path` and resolves relative paths against its directory.
    pub fn load(path: &Path) -> Result<Self, PipelineError> {
        let error = |message: String| PipelineError::Config {
            path: path.to_path_buf(),
            message,
        };
        let text = std::fs::read_to_string(path).map_err(|e| error(e.to_string()))?;
        let mut config: Config = toml::from_str(&text).map_err(|e| error(e.to_string()))?;
        let base = path.parent().unwrap_or(Path::new("."));
        let resolve = |p: &PathBuf| {
            if p.is_absolute() {
                p.clone()
            } else {
                base.join(p)
            }
        };
        config.store = config.store.as_ref().map(resolve);
        config.gazetteers = config.gazetteers.as_ref().map(resolve);
        for source in &mut config.sources {
            source.dir = source.dir.as_ref().map(resolve);
            source.kind().map_err(error)?;
        }
        config.fetch.validate().map_err(error)?;
        if config.threads == Some(0) {
            return Err(error("threads must be at least 1".into()));
        }
        if config.sources.is_empty() {
            return Err(error("no [[sources]] configured".into()));
        }
        Ok(config)
    }

    /// The store directory: `--store` first, then the config, then the default.
    pub fn store_path(&self, flag: Option<&Path>) -> PathBuf {
        flag.map(Path::to_path_buf)
            .or_else(|| self.store.clone())
            .unwrap_or_else(|| PathBuf::from(DEFAULT_STORE))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_resolve_against_the_config_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("newsfacts.toml");
        std::fs::write(
            &path,
            "store = '../store'\n[[sources]]\nname = 'f'\ndir = '../pages'\n",
        )
        .unwrap();
        let config = Config::load(&path).unwrap();
        assert_eq!(config.store, Some(dir.path().join("../store")));
        assert_eq!(config.sources[0].dir, Some(dir.path().join("../pages")));
        assert_eq!(config.store_path(Some(Path::new("x"))), PathBuf::from("x"));
    }

    #[test]
    fn invalid_configs_name_the_file_and_the_problem() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.toml");
        std::fs::write(&path, "[[sources]]\nname = 'f'\n").unwrap();
        let message = Config::load(&path).unwrap_err().to_string();
        assert!(
            message.contains("bad.toml") && message.contains("needs one of"),
            "{message}"
        );
        std::fs::write(&path, "[[sources]]\nname = 'f'\ndirr = 'x'\n").unwrap();
        let message = Config::load(&path).unwrap_err().to_string();
        assert!(message.contains("dirr"), "{message}");
    }
}
