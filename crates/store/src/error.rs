//! Store errors, each naming the store's path and what to do.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("store {path} is locked by another newsfacts process; wait for it to finish or use another --store")]
    Locked { path: PathBuf },
    #[error("cannot open store {path}: {message}")]
    Open { path: PathBuf, message: String },
    #[error("store {path}: the disk is full; free some space and run the same command again (documents already reported as stored are kept)")]
    DiskFull { path: PathBuf },
    #[error("store {path}: {message}")]
    Io { path: PathBuf, message: String },
    #[error("store {path} holds a record that cannot be read ({message}); run `newsfacts reprocess` or start a new store")]
    Corrupt { path: PathBuf, message: String },
}
