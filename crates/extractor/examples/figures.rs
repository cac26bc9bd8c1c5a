//! Speaks the `newsfacts figures` protocol without the CLI: one text per
//! stdin line -> one JSON array of `{"text","start","end","value","unit","kind"}`
//! per line. A development aid for scoring the figure grammar alone.
//!
//! `cargo run --release -p newsfacts-extractor --example figures < lines.txt`

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
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in stdin.lock().lines() {
        let Ok(line) = line else { break };
        let array: Vec<serde_json::Value> = ex
            .figures(&line)
            .iter()
            .map(|f| {
                serde_json::json!({
                    "text": f.text, "start": f.start, "end": f.end,
                    "value": f.value, "unit": f.unit, "kind": f.kind.as_str(),
                })
            })
            .collect();
        if writeln!(out, "{}", serde_json::Value::Array(array)).is_err() {
            break;
        }
    }
}
