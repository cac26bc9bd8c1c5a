//! `newsfacts dump` and `newsfacts stats`: what the store holds, printed.
//!
//! Owns: the output formats (a JSON array, JSON lines, the stats table).
//! Must not know: how facts were made or stored.

use std::io::Write;
use store::{DocumentStore, FactFilter, StoreError};

/// Output format of `dump`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DumpFormat {
    /// One JSON array.
    Json,
    /// One JSON object per line.
    Jsonl,
}

/// Errors while reporting.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot write output: {0}")]
    Write(#[from] std::io::Error),
    #[error("cannot encode output: {0}")]
    Encode(#[from] serde_json::Error),
}

/// Prints the facts matching `filter`, each with its document.
pub fn dump(
    store: &dyn DocumentStore,
    filter: &FactFilter,
    format: DumpFormat,
    out: &mut dyn Write,
) -> Result<usize, ReportError> {
    let rows = store.facts(filter)?;
    match format {
        DumpFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &rows)?;
            writeln!(out)?;
        }
        DumpFormat::Jsonl => {
            for row in &rows {
                serde_json::to_writer(&mut *out, row)?;
                writeln!(out)?;
            }
        }
    }
    Ok(rows.len())
}

/// Prints documents, facts by kind and the most frequent entities.
pub fn stats(store: &dyn DocumentStore, out: &mut dyn Write) -> Result<(), ReportError> {
    let s = store.stats(10)?;
    writeln!(out, "documents   {}", s.documents)?;
    writeln!(out, "stale       {}", s.stale_documents)?;
    writeln!(out, "facts       {}", s.facts)?;
    writeln!(out, "  company   {}", s.companies)?;
    writeln!(out, "  chip      {}", s.chips)?;
    writeln!(out, "  figure    {}", s.figures)?;
    writeln!(out, "near-dups   {}", s.near_duplicates)?;
    writeln!(out, "disk bytes  {}", s.size_on_disk)?;
    writeln!(out, "top entities")?;
    for (name, count) in &s.top_entities {
        writeln!(out, "  {count:>6}  {name}")?;
    }
    Ok(())
}

/// The `doc` object of `newsfacts extract`.
#[derive(Debug, serde::Serialize)]
pub struct ExtractDoc<'a> {
    pub source: &'a str,
    pub lang: model::Lang,
    pub title: Option<&'a str>,
    pub published: Option<&'a str>,
    pub chars: usize,
}

/// The output of `newsfacts extract`: `{"doc": {...}, "facts": [...]}`.
#[derive(Debug, serde::Serialize)]
pub struct ExtractOutput<'a> {
    pub doc: ExtractDoc<'a>,
    pub facts: &'a [model::Fact],
}

impl<'a> ExtractOutput<'a> {
    pub fn new(analysis: &'a crate::Analysis) -> Self {
        ExtractOutput {
            doc: ExtractDoc {
                source: &analysis.doc.source,
                lang: analysis.doc.lang,
                title: analysis.doc.title.as_deref(),
                published: analysis.doc.published.as_deref(),
                chars: analysis.doc.chars(),
            },
            facts: &analysis.facts,
        }
    }
}

/// Prints a clean document's text and, with `explain`, every dropped part
/// with its reason after it.
pub fn clean_text(
    doc: &model::CleanDoc,
    explain: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    writeln!(out, "{}", doc.text)?;
    if explain {
        writeln!(out)?;
        writeln!(out, "--- dropped ({} parts) ---", doc.dropped.len())?;
        for d in &doc.dropped {
            writeln!(
                out,
                "[{}] {}",
                d.reason.as_str(),
                d.excerpt.replace('\n', " / ")
            )?;
        }
    }
    Ok(())
}

/// One line of `newsfacts figures`: a JSON array of
/// `{"text","start","end","value","unit","kind"}` (character offsets).
pub fn figures_line(mentions: &[extractor::FigureMention]) -> String {
    let array: Vec<serde_json::Value> = mentions
        .iter()
        .map(|f| {
            serde_json::json!({
                "text": f.text,
                "start": f.start,
                "end": f.end,
                "value": f.value,
                "unit": f.unit,
                "kind": f.kind.as_str(),
            })
        })
        .collect();
    serde_json::Value::Array(array).to_string()
}
