//! The only crate that knows the order of the stages.
//!
//! Owns: turning bytes into an analysed document (sniff -> decode -> clean
//! -> segment -> extract, in [`engine`]), the run configuration
//! ([`config`]), the ingest and reprocess runs with their summaries
//! ([`ingest`], [`reprocess`]) and the dump/stats reports ([`report`]).
//! Must not know: command-line parsing (the `newsfacts` binary does that)
//! or how any single stage does its job.

pub mod config;
pub mod engine;
pub mod error;
pub mod ingest;
mod job;
pub mod neardup;
pub mod report;
pub mod reprocess;

pub use config::Config;
pub use engine::{Analysis, Engine};
pub use error::PipelineError;
pub use ingest::{ingest, ingest_with, NoProgress, Progress, RunSummary, SourceSummary};
pub use reprocess::{reprocess, reprocess_dir};
pub use store::{DocumentStore, SledStore};
