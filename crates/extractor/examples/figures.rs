//! The `figures` protocol of `score_figures.py`: one text per stdin line,
//! one JSON array of figures per stdout line. A development aid until the
//! `newsfacts figures` command exists.
//!
//! `python3 score_figures.py SUITE.jsonl -- target/release/examples/figures`

use newsfacts_extractor::Extractor;
use std::io::{BufRead, Write};

fn main() {
    let ex = match Extractor::bundled() {
        Ok(x) => x,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout());
    for line in stdin.lock().lines() {
        let Ok(line) = line else { break };
        let figs: Vec<serde_json::Value> = ex
            .figures(&line)
            .into_iter()
            .map(|f| {
                serde_json::json!({
                    "text": f.text, "start": f.start, "end": f.end,
                    "value": f.value, "unit": f.unit, "kind": f.kind.as_str(),
                })
            })
            .collect();
        let _ = writeln!(out, "{}", serde_json::Value::Array(figs));
    }
}
