//! Writes the benchmark corpus to a directory, or times the cleaner on a
//! directory of pages (one core, in process, the files read beforehand).
//!
//! `cargo run --release -p newsfacts-cleaner --example corpus -- write DIR [PER_FIXTURE]`
//! `cargo run --release -p newsfacts-cleaner --example corpus -- time DIR`
//! `cargo run --release -p newsfacts-cleaner --example corpus -- dump DIR OUT`
//! (the kept text of every page to `OUT/NAME.txt`, to compare two builds)
//! `cargo run --release -p newsfacts-cleaner --example corpus -- slowest DIR [N]`
//! (the N pages with the lowest MB/s, each cleaned three times, the best kept)

#[path = "../benches/corpus/mod.rs"]
mod corpus;

use std::time::Instant;

/// On-CPU time of this thread in seconds (Linux `/proc/thread-self/schedstat`),
/// so a busy machine does not distort the figure; `None` elsewhere.
fn cpu_secs() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    match (args.get(1).map(String::as_str), args.get(2)) {
        (Some("write"), Some(dir)) => {
            let per: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(24);
            if let Err(e) = std::fs::create_dir_all(dir) {
                eprintln!("corpus: {dir}: {e}");
                std::process::exit(1);
            }
            let pages = corpus::corpus(per);
            let mut bytes = 0;
            for (name, page) in &pages {
                bytes += page.len();
                let path = std::path::Path::new(dir).join(format!("{name}.html"));
                if let Err(e) = std::fs::write(&path, page) {
                    eprintln!("corpus: {}: {e}", path.display());
                    std::process::exit(1);
                }
            }
            println!(
                "wrote {} pages, {:.2} MB, to {dir}",
                pages.len(),
                bytes as f64 / 1e6
            );
        }
        (Some("time"), Some(dir)) => {
            let mut pages = Vec::new();
            let mut entries: Vec<_> = std::fs::read_dir(dir)
                .map(|d| d.flatten().map(|e| e.path()).collect())
                .unwrap_or_default();
            entries.sort();
            for p in entries {
                if let Ok(s) = std::fs::read_to_string(&p) {
                    pages.push(s);
                }
            }
            let bytes: usize = pages.iter().map(String::len).sum();
            let start = Instant::now();
            let cpu0 = cpu_secs();
            let mut chars = 0;
            for p in &pages {
                chars += newsfacts_cleaner::clean("page", p).text.len();
            }
            let secs = start.elapsed().as_secs_f64();
            let cpu = cpu_secs().zip(cpu0).map_or(secs, |(b, a)| b - a);
            let mb = bytes as f64 / 1e6;
            println!(
                "newsfacts-cleaner: {} pages, {mb:.2} MB: wall {secs:.3} s = {:.1} MB/s, cpu {cpu:.3} s = {:.1} MB/s ({chars} bytes of text)",
                pages.len(),
                mb / secs,
                mb / cpu,
            );
        }
        (Some("dump"), Some(dir)) => {
            let Some(out) = args.get(3) else {
                eprintln!("usage: corpus dump DIR OUT");
                std::process::exit(2);
            };
            if let Err(e) = std::fs::create_dir_all(out) {
                eprintln!("corpus: {out}: {e}");
                std::process::exit(1);
            }
            let entries: Vec<_> = std::fs::read_dir(dir)
                .map(|d| d.flatten().map(|e| e.path()).collect())
                .unwrap_or_default();
            for p in entries {
                let (Ok(page), Some(stem)) = (std::fs::read_to_string(&p), p.file_stem()) else {
                    continue;
                };
                let doc = newsfacts_cleaner::clean("page", &page);
                let path = std::path::Path::new(out).join(stem).with_extension("txt");
                if let Err(e) = std::fs::write(&path, doc.text) {
                    eprintln!("corpus: {}: {e}", path.display());
                    std::process::exit(1);
                }
            }
        }
        (Some("slowest"), Some(dir)) => {
            let n: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(20);
            let mut rates = Vec::new();
            let entries: Vec<_> = std::fs::read_dir(dir)
                .map(|d| d.flatten().map(|e| e.path()).collect())
                .unwrap_or_default();
            for p in entries {
                let Ok(page) = std::fs::read_to_string(&p) else {
                    continue;
                };
                let best = (0..3)
                    .map(|_| {
                        let start = Instant::now();
                        let _ = newsfacts_cleaner::clean("page", &page);
                        start.elapsed().as_secs_f64()
                    })
                    .fold(f64::INFINITY, f64::min);
                rates.push((page.len() as f64 / 1e6 / best, page.len(), p));
            }
            rates.sort_by(|a, b| a.0.total_cmp(&b.0));
            for (rate, len, p) in rates.iter().take(n) {
                println!("{rate:7.1} MB/s {len:9} B  {}", p.display());
            }
        }
        _ => {
            eprintln!(
                "usage: corpus write DIR [PER_FIXTURE] | corpus time DIR | corpus dump DIR OUT | corpus slowest DIR [N]"
            );
            std::process::exit(2);
        }
    }
}
