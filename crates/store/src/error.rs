//! Store errors, each naming the store's path and what to do.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("store {path} is locked by another newsfacts process; wait for it to finish or use another --store")]
    Locked { path: PathBuf },
    #[error("cannot open store {path}: {message}")]
    Open { path: PathBuf, message: String },
    #[error("store {path}: {message}")]
    Io { path: PathBuf, message: String },
    #[error("store {path} holds a record that cannot be read ({message}); run `newsfacts reprocess` or start a new store")]
    Corrupt { path: PathBuf, message: String },
}
