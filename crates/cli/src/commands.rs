//! One function per subcommand, each a thin call into the pipeline.

use crate::args::{Command, Format, Kind, LogFormat};
use pipeline::report::{self, DumpFormat};
use pipeline::{Config, Engine, SledStore};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

type CmdResult = Result<i32, String>;

/// Whether logs are JSON lines (set once by [`init_logging`]).
static LOG_JSON: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Logs go to stderr: human-readable, or JSON lines with `--log-format json`.
/// The level comes from `RUST_LOG` (default `warn`).
pub fn init_logging(format: LogFormat) {
    LOG_JSON.store(
        matches!(format, LogFormat::Json),
        std::sync::atomic::Ordering::Relaxed,
    );
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Text => builder.init(),
        LogFormat::Json => builder.json().init(),
    }
}

fn logs_are_json() -> bool {
    LOG_JSON.load(std::sync::atomic::Ordering::Relaxed)
}

/// One page's problem (skipped, failed, duplicate): a plain
/// `newsfacts: SOURCE: PROBLEM` line, or, when logs are JSON, a `warn`
/// event with `source` and `problem` fields, so a log collector reads one
/// format.
fn report_problem(source: &str, problem: &str) {
    if logs_are_json() {
        tracing::warn!(target: "newsfacts::page", source, problem, "page problem");
    } else {
        eprintln!("newsfacts: {source}: {problem}");
    }
}

/// The error that ends a run: one plain line, or an `error` event when logs
/// are JSON.
pub fn report_error_line(message: &str) {
    if logs_are_json() {
        tracing::error!(target: "newsfacts", error = message, "run failed");
    } else {
        eprintln!("newsfacts: error: {message}");
    }
}

pub fn run(command: Command) -> CmdResult {
    match command {
        Command::Ingest { config, store } => ingest(&config, store.as_deref()),
        Command::Reprocess {
            store,
            stale_only,
            fixtures,
            gazetteers,
            compact: then_compact,
        } => {
            let code = reprocess(
                &store,
                stale_only,
                fixtures.as_deref(),
                gazetteers.as_deref(),
            )?;
            if then_compact {
                compact(&store)?;
            }
            Ok(code)
        }
        Command::Compact { store } => compact(&store),
        Command::Dump {
            store,
            kind,
            entity,
            format,
        } => dump(&store, kind, entity, format),
        Command::Clean { file, explain } => clean(file.as_deref(), explain),
        Command::Segment { file } => segment(file.as_deref()),
        Command::Extract { file, gazetteers } => extract(file.as_deref(), gazetteers.as_deref()),
        Command::Figures => figures(),
        Command::Stats { store } => stats(&store),
    }
}

/// Reads FILE, or stdin for `-` or no FILE. Returns the name to report and the bytes.
fn read_input(file: Option<&Path>) -> Result<(String, Vec<u8>), String> {
    match file {
        None => read_stdin(),
        Some(p) if p == Path::new("-") => read_stdin(),
        Some(p) => {
            if p.is_dir() {
                return Err(format!("{}: is a directory, not a file", p.display()));
            }
            std::fs::read(p)
                .map(|b| (p.display().to_string(), b))
                .map_err(|e| format!("{}: {}", p.display(), e))
        }
    }
}

fn read_stdin() -> Result<(String, Vec<u8>), String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| format!("stdin: {e}"))?;
    Ok(("stdin".to_string(), bytes))
}

/// A closed pipe (`newsfacts dump | head`) ends the program quietly, as
/// other Unix tools do; any other write error is reported.
fn output_error(e: std::io::Error) -> String {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    format!("cannot write output: {e}")
}

fn report_error(e: report::ReportError) -> String {
    match e {
        report::ReportError::Write(io) => output_error(io),
        other => other.to_string(),
    }
}

fn print_line(line: &str) -> Result<(), String> {
    writeln!(std::io::stdout().lock(), "{line}").map_err(output_error)
}

fn open_existing_store(path: &Path) -> Result<SledStore, String> {
    if !path.exists() {
        return Err(format!(
            "no store at {}; run `newsfacts ingest` first or pass --store",
            path.display()
        ));
    }
    SledStore::open(path).map_err(|e| e.to_string())
}

fn ingest(config: &Path, store: Option<&Path>) -> CmdResult {
    let config = Config::load(config).map_err(|e| e.to_string())?;
    let engine = Engine::new(config.gazetteers.as_deref()).map_err(|e| e.to_string())?;
    let store_path: PathBuf = config.store_path(store);
    let store = SledStore::open(&store_path).map_err(|e| e.to_string())?;
    let progress = ProgressBar::on_terminal();
    let summary = pipeline::ingest_with(&engine, &store, &config, &progress);
    progress.done();
    let summary = summary.map_err(|e| e.to_string())?;
    let mut out = std::io::stdout().lock();
    for source in &summary.sources {
        for problem in &source.problems {
            report_problem(&source.name, problem);
        }
        writeln!(out, "{}", source.line()).map_err(output_error)?;
    }
    Ok(summary.exit_code())
}

fn compact(store: &Path) -> CmdResult {
    if !store.exists() {
        return Err(format!("no store at {}", store.display()));
    }
    let report = store::maintenance::compact(store).map_err(|e| e.to_string())?;
    print_line(&format!(
        "compacted {}: {} -> {} bytes",
        store.display(),
        report.before,
        report.after
    ))?;
    Ok(0)
}

/// A progress bar on stderr when it is a terminal; nothing otherwise (cron
/// and pipes get the log lines and the summary only).
struct ProgressBar(Option<indicatif::ProgressBar>);

impl ProgressBar {
    fn on_terminal() -> Self {
        use std::io::IsTerminal;
        if !std::io::stderr().is_terminal() {
            return ProgressBar(None);
        }
        let bar = indicatif::ProgressBar::new(0);
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} pages ({per_sec}, eta {eta})",
        ) {
            bar.set_style(style);
        }
        ProgressBar(Some(bar))
    }

    fn done(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}

impl pipeline::Progress for ProgressBar {
    fn planned(&self, pages: usize) {
        if let Some(bar) = &self.0 {
            bar.inc_length(pages as u64);
        }
    }
    fn finished(&self, pages: usize) {
        if let Some(bar) = &self.0 {
            bar.inc(pages as u64);
        }
    }
}

fn reprocess(
    store: &Path,
    stale_only: bool,
    fixtures: Option<&Path>,
    gazetteers: Option<&Path>,
) -> CmdResult {
    let engine = Engine::new(gazetteers).map_err(|e| e.to_string())?;
    let summary = match fixtures {
        Some(dir) => {
            // Saved pages may seed a new store, as `ingest` would.
            let store = SledStore::open(store).map_err(|e| e.to_string())?;
            pipeline::reprocess_dir(
                &engine,
                &store,
                dir,
                fetcher::settings::DEFAULT_MAX_BYTES,
                stale_only,
            )
        }
        None => {
            let store = open_existing_store(store)?;
            pipeline::reprocess(&engine, &store, stale_only)
        }
    }
    .map_err(|e| e.to_string())?;
    for problem in &summary.problems {
        report_problem(&summary.name, problem);
    }
    print_line(&summary.reprocess_line())?;
    Ok(if summary.failed > 0 { 3 } else { 0 })
}

fn dump(store: &Path, kind: Option<Kind>, entity: Option<String>, format: Format) -> CmdResult {
    let store = open_existing_store(store)?;
    // An alias in any script (英偉達, nvidia) selects its entity's facts.
    let entity = match entity {
        Some(name) => {
            let engine = Engine::new(None).map_err(|e| e.to_string())?;
            Some(engine.canonical_name(&name).unwrap_or(name))
        }
        None => None,
    };
    let filter = store::FactFilter {
        kind: kind.map(|k| match k {
            Kind::Company => model::FactKind::Company,
            Kind::Chip => model::FactKind::Chip,
            Kind::Figure => model::FactKind::Figure,
        }),
        entity,
    };
    let format = match format {
        Format::Json => DumpFormat::Json,
        Format::Jsonl => DumpFormat::Jsonl,
    };
    let mut out = std::io::stdout().lock();
    report::dump(&store, &filter, format, &mut out).map_err(report_error)?;
    Ok(0)
}

fn stats(store: &Path) -> CmdResult {
    let store = open_existing_store(store)?;
    report::stats(&store, &mut std::io::stdout().lock()).map_err(report_error)?;
    Ok(0)
}

fn clean(file: Option<&Path>, explain: bool) -> CmdResult {
    let (source, bytes) = read_input(file)?;
    let doc = Engine::clean_owned(&source, bytes, None).map_err(|e| e.to_string())?;
    report::clean_text(&doc, explain, &mut std::io::stdout().lock()).map_err(output_error)?;
    Ok(0)
}

fn segment(file: Option<&Path>) -> CmdResult {
    let (source, bytes) = read_input(file)?;
    if bytes.is_empty() {
        return Ok(0);
    }
    let decoded = Engine::decode(&source, &bytes, None).map_err(|e| e.to_string())?;
    let engine = Engine::new(None).map_err(|e| e.to_string())?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let text = decoded.text.strip_suffix('\n').unwrap_or(&decoded.text);
    for line in text.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        writeln!(out, "{}", engine.segment_line(line)).map_err(output_error)?;
    }
    out.flush().map_err(output_error)?;
    Ok(0)
}

fn extract(file: Option<&Path>, gazetteers: Option<&Path>) -> CmdResult {
    let (source, bytes) = read_input(file)?;
    let engine = Engine::new(gazetteers).map_err(|e| e.to_string())?;
    let analysis = engine
        .analyse(&source, &bytes, None)
        .map_err(|e| e.to_string())?;
    let output = report::ExtractOutput::new(&analysis);
    let json = serde_json::to_string_pretty(&output).map_err(|e| e.to_string())?;
    print_line(&json)?;
    Ok(0)
}

fn figures() -> CmdResult {
    use std::io::BufRead;
    let engine = Engine::new(None).map_err(|e| e.to_string())?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut input = std::io::stdin().lock();
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let n = input
            .read_until(b'\n', &mut buf)
            .map_err(|e| format!("stdin: {e}"))?;
        if n == 0 {
            break;
        }
        let line = String::from_utf8_lossy(&buf);
        let line = line.trim_end_matches(['\n', '\r']);
        writeln!(out, "{}", report::figures_line(&engine.figures(line))).map_err(output_error)?;
    }
    out.flush().map_err(output_error)?;
    Ok(0)
}
