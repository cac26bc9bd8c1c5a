//! Errors of a pipeline run, each one line a user can act on.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error("{source_name}: {message}")]
    Input {
        source_name: String,
        message: String,
    },
    #[error("config {path}: {message}")]
    Config { path: PathBuf, message: String },
    #[error("gazetteer: {0}")]
    Gazetteer(#[from] extractor::ConfigError),
    #[error(transparent)]
    Store(#[from] store::StoreError),
}

impl PipelineError {
    pub(crate) fn input(source_name: &str, message: impl std::fmt::Display) -> Self {
        PipelineError::Input {
            source_name: source_name.to_string(),
            message: message.to_string(),
        }
    }
}
