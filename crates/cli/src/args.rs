//! The command-line grammar (clap derive).

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Extract companies, chips and figures from AI-chip industry news in
/// English, Simplified and Traditional Chinese.
#[derive(Debug, Parser)]
#[command(name = "newsfacts", version, about)]
pub struct Args {
    /// Log format on stderr.
    #[arg(long, value_enum, default_value_t = LogFormat::Text, global = true)]
    pub log_format: LogFormat,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Kind {
    Company,
    Chip,
    Figure,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    Json,
    Jsonl,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Fetch or read every configured source, process new and changed pages
    /// and store them.
    Ingest {
        /// Run configuration.
        #[arg(long, default_value = "config/newsfacts.toml")]
        config: PathBuf,
        /// Store directory (default: the config's `store`, else ./newsfacts-store).
        #[arg(long)]
        store: Option<PathBuf>,
    },
    /// Clean and extract every stored raw page again, without fetching.
    Reprocess {
        #[arg(long, default_value = pipeline::config::DEFAULT_STORE)]
        store: PathBuf,
        /// Only pages processed by an older rules version (with
        /// `--fixtures`: or whose saved bytes changed).
        #[arg(long)]
        stale_only: bool,
        /// Re-process the saved pages in this directory (HTML or text,
        /// searched recursively) instead of the stored raw pages; each
        /// replaces the document stored for the same file.
        #[arg(long, value_name = "DIR")]
        fixtures: Option<PathBuf>,
        /// Gazetteer directory overriding the built-in one.
        #[arg(long)]
        gazetteers: Option<PathBuf>,
        /// Compact the store afterwards (replacing documents grows its files).
        #[arg(long)]
        compact: bool,
    },
    /// Copy the store's live data into a fresh store and swap it in.
    Compact {
        #[arg(long, default_value = pipeline::config::DEFAULT_STORE)]
        store: PathBuf,
    },
    /// Print stored facts with their documents.
    Dump {
        #[arg(long, default_value = pipeline::config::DEFAULT_STORE)]
        store: PathBuf,
        #[arg(long, value_enum)]
        kind: Option<Kind>,
        /// Company or chip: its canonical name or any alias, in any script
        /// or case (Cambricon, 寒武紀, nvidia, 英偉達).
        #[arg(long)]
        entity: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
    },
    /// Print the clean article text of one page.
    Clean {
        /// HTML or text file; `-` or nothing for stdin.
        file: Option<PathBuf>,
        /// After the text, list every dropped part with its reason.
        #[arg(long)]
        explain: bool,
    },
    /// Segment text: one output line per input line, tokens separated by spaces.
    Segment {
        /// Text file; `-` or nothing for stdin.
        file: Option<PathBuf>,
    },
    /// Print the facts of one page as JSON, without a store.
    Extract {
        /// HTML or text file; `-` or nothing for stdin.
        file: Option<PathBuf>,
        /// Gazetteer directory overriding the built-in one.
        #[arg(long)]
        gazetteers: Option<PathBuf>,
    },
    /// Read one text per line on stdin; print one JSON array of figures per
    /// line (`{"text","start","end","value","unit","kind"}`), bare numbers included.
    Figures,
    /// Documents, facts by kind and top entities in the store.
    Stats {
        #[arg(long, default_value = pipeline::config::DEFAULT_STORE)]
        store: PathBuf,
    },
}
