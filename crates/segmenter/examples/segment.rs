//! Segments stdin line by line, like `newsfacts segment -`; prints the
//! dictionary load time and the pure segmentation time on stderr
//! (`SEG_SECONDS=`, read by the evaluation harness).
//!
//! `cargo run --release --example segment [VOCABULARY_FILE] < text`, where
//! the optional file holds one vocabulary entry per line.

use std::io::{self, BufRead, BufWriter, Write};
use std::time::{Duration, Instant};

fn main() -> io::Result<()> {
    let vocabulary = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(path)?,
        None => String::new(),
    };
    let started = Instant::now();
    let seg = newsfacts_segmenter::Segmenter::new(vocabulary.lines());
    eprintln!("LOAD_SECONDS={:.4}", started.elapsed().as_secs_f64());
    let stdin = io::stdin().lock();
    let mut out = BufWriter::new(io::stdout().lock());
    let mut busy = Duration::ZERO;
    for line in stdin.lines() {
        let line = line?;
        let t = Instant::now();
        let cut = seg.segment_line(&line);
        busy += t.elapsed();
        writeln!(out, "{cut}")?;
    }
    out.flush()?;
    eprintln!("SEG_SECONDS={:.6}", busy.as_secs_f64());
    Ok(())
}
